#include "center/http_errors.h"

#include "sync/wire.h"

namespace gl::center {

HttpError httpErrorFor(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::BadInput:
      return {400, sync::errors::kBadRequest};
    case Error::Kind::Rejected:
      return {409, sync::errors::kRejected};
    case Error::Kind::Environment:
      return {503, sync::errors::kUnavailable};
    case Error::Kind::Internal:
      break;
  }
  return {500, sync::errors::kInternal};
}

}  // namespace gl::center
