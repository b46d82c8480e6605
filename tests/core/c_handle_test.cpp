// One owner for C handles (core/c_handle.h): freed once, by the library's own function, on every
// path; never called with null.
#include <doctest/doctest.h>

#include <stdexcept>
#include <utility>

#include "core/c_handle.h"

namespace {

int freed = 0;
int lastFreed = 0;

struct Thing {
  int id;
};

void freeThing(Thing* t) {
  ++freed;
  lastFreed = t->id;
  delete t;
}

int freeReturningStatus(Thing* t) {  // like zip_fclose or freexl_close: the status is ignored
  freeThing(t);
  return -1;
}

}  // namespace

TEST_CASE("a C handle is freed once by its own function, also when an exception leaves the scope") {
  freed = 0;
  {
    gl::core::CHandle<Thing, freeThing> a(new Thing{1});
    gl::core::CHandle<Thing, freeThing> b = std::move(a);
    CHECK_FALSE(a);
    CHECK(freed == 0);
  }
  CHECK(freed == 1);
  CHECK(lastFreed == 1);

  try {
    gl::core::CHandle<Thing, freeReturningStatus> c(new Thing{2});
    throw std::runtime_error("drawing failed");
  } catch (const std::runtime_error&) {
  }
  CHECK(freed == 2);
  CHECK(lastFreed == 2);

  { gl::core::CHandle<Thing, freeThing> none(nullptr); }  // a create that failed: nothing to free
  CHECK(freed == 2);

  gl::core::CHandle<Thing, freeThing> d(new Thing{3});
  d.reset(new Thing{4});
  CHECK(freed == 3);
  CHECK(lastFreed == 3);
  d.reset();
  CHECK(freed == 4);
}
