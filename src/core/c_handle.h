// One owner for every handle a C library gives out (cairo surfaces and contexts, pango layouts, curl
// handles and lists, iconv descriptors, expat parsers, zip archives): the library's own free function
// runs when the owner goes out of scope, on every path, exceptions included (docs/style.md §3).
//
//   core::CHandle<cairo_t, cairo_destroy> cr(cairo_create(surface));
//
// A null handle is never passed to the free function, so a failed create needs no special case.
#pragma once

#include <memory>

namespace gl::core {

template <typename T, auto Free>
struct CFree {
  void operator()(T* handle) const noexcept {
    if (handle) Free(handle);
  }
};

template <typename T, auto Free>
using CHandle = std::unique_ptr<T, CFree<T, Free>>;

}  // namespace gl::core
