// Every kind of failure has its HTTP answer (center/http_errors.h): a bad request is never a 500, and
// what a client should retry is a 503.
#include <doctest/doctest.h>

#include "center/http_errors.h"
#include "sync/wire.h"

TEST_CASE("error kinds map to HTTP statuses and protocol codes") {
  using gl::Error;
  using gl::center::httpErrorFor;
  CHECK(httpErrorFor(Error::Kind::BadInput).status == 400);
  CHECK(httpErrorFor(Error::Kind::BadInput).code == gl::sync::errors::kBadRequest);
  CHECK(httpErrorFor(Error::Kind::Rejected).status == 409);
  CHECK(httpErrorFor(Error::Kind::Rejected).code == gl::sync::errors::kRejected);
  CHECK(httpErrorFor(Error::Kind::Environment).status == 503);
  CHECK(httpErrorFor(Error::Kind::Environment).code == gl::sync::errors::kUnavailable);
  CHECK(httpErrorFor(Error::Kind::Internal).status == 500);
  CHECK(httpErrorFor(Error::Kind::Internal).code == gl::sync::errors::kInternal);
}
