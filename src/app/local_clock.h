// The hour of the day as the window sees it (the check sheet starts on the evening slot after noon).
// Tests fix it, so that a suite run in the afternoon behaves as one run in the morning.
#pragma once

#include <optional>

namespace gl::app {

int localHour();
void fixLocalHour(std::optional<int> hour);  // nullopt: the wall clock again

}  // namespace gl::app
