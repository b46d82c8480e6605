// libFuzzer target: any bytes as the body of a sync message, through the decoder the data center runs
// on a request (a sign-in, a push) and those a client runs on an answer (push, pull, sign-in, error).
// The first byte picks the decoder. A refusal (gl::Error) is a correct answer; a crash, a leak, an
// out-of-bounds read, another exception type or a hang is a bug the run reports.
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "sync/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 6) {
      case 0: gl::sync::decodePushRequest(body); break;
      case 1: gl::sync::decodeLoginRequest(body); break;
      case 2: gl::sync::decodePushResponse(body); break;
      case 3: gl::sync::decodePullResponse(body); break;
      case 4: gl::sync::decodeLoginResponse(body); break;
      default: gl::sync::decodeError(body); break;
    }
  } catch (const gl::Error&) {
  }
  return 0;
}
