// The data center's TLS settings, as a client sees them (docs/security.md §1): TLS 1.2 or later,
// forward-secret AEAD ciphers only, no renegotiation; plain HTTP gets no answer.
#include <doctest/doctest.h>

#include <openssl/ssl.h>

#include "center_fixture.h"
#include "raw_tls.h"

using gl::test::Center;
using gl::test::RawTls;
using gl::test::TlsOffer;

TEST_CASE("the data center speaks TLS 1.2 or 1.3 with strong ciphers only, renegotiates nothing, and ignores plain HTTP") {
  Center center;
  center.start();
  const std::string& ca = gl::test::Pki::get().ca;
  CHECK(RawTls(center.port(), ca).version() == "TLSv1.3");
  TlsOffer tls12;
  tls12.maxVersion = TLS1_2_VERSION;
  RawTls twelve(center.port(), ca, tls12);
  CHECK(twelve.version() == "TLSv1.2");
  CHECK_FALSE(twelve.renegotiate());

  TlsOffer old;
  old.legacy = true;
  old.maxVersion = TLS1_1_VERSION;
  CHECK_THROWS(RawTls(center.port(), ca, old));
  old.maxVersion = TLS1_VERSION;
  CHECK_THROWS(RawTls(center.port(), ca, old));
  // TLS 1.2 without forward secrecy, or with CBC or 3DES: refused.
  for (const char* weak : {"AES128-GCM-SHA256", "AES256-SHA", "ECDHE-RSA-AES128-SHA", "DES-CBC3-SHA"}) {
    CAPTURE(weak);
    TlsOffer offer;
    offer.legacy = true;
    offer.maxVersion = TLS1_2_VERSION;
    offer.ciphers = weak;
    CHECK_THROWS(RawTls(center.port(), ca, offer));
  }
  CHECK(gl::test::plainHttp(center.port()).rfind("HTTP/", 0) != 0);
}
