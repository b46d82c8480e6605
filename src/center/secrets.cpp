#include "center/secrets.h"

#include <sodium.h>

#include "core/error.h"

namespace gl::center {

namespace {
std::string hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

// Interactive limits: about 64 MiB and a few tenths of a second here, per sign-in.
constexpr auto kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}  // namespace

std::string hashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw Error(Error::Kind::Environment, N_("Not enough memory to hash the password"));
  return out;
}

bool verifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verifyNothing(const std::string& password) {
  static const std::string dummy = hashPassword("no account has this password");
  verifyPassword(dummy, password);
}

std::string newToken() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  return hex(raw, sizeof raw);
}

std::string digest(const std::string& data) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  return hex(out, sizeof out);
}

}  // namespace gl::center
