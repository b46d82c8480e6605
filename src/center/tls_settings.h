// The TLS the data center speaks (docs/security.md §1): 1.2 or 1.3; in 1.2 only forward-secret AEAD
// suites (ECDHE with AES-GCM or ChaCha20-Poly1305), the server's order first; in 1.3 its three
// standard suites; no compression (CRIME), no renegotiation.
#pragma once

#include <openssl/ssl.h>

namespace gl::center {

void secureTls(SSL_CTX* ctx);

}  // namespace gl::center
