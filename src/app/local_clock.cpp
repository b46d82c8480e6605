#include "app/local_clock.h"

#include <atomic>

#include <wx/datetime.h>

namespace gl::app {

namespace {
std::atomic<int> fixedHour{-1};
}

int localHour() {
  int fixed = fixedHour.load();
  return fixed >= 0 ? fixed : wxDateTime::Now().GetHour();
}

void fixLocalHour(std::optional<int> hour) { fixedHour.store(hour ? *hour : -1); }

}  // namespace gl::app
