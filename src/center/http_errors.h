// How a failure becomes an HTTP answer (docs/sync-protocol.md §13): one map from the project's error
// kinds to a status and a protocol error code, so a bad request is never a 500 and a full disk tells
// the client to try again later rather than that it did something wrong.
#pragma once

#include <string_view>

#include "core/error.h"

namespace gl::center {

struct HttpError {
  int status;
  std::string_view code;  // sync::errors::…
};

// BadInput → 400 bad_request; Rejected → 409 rejected; Environment (disk full, store busy) → 503
// unavailable, which clients retry; Internal → 500 internal.
HttpError httpErrorFor(Error::Kind kind);

}  // namespace gl::center
