// What a user is told about their PC's clock after a sync (docs/sync-protocol.md §8): nothing while it
// is within a minute of the data center's, else how far ahead or behind, in words.
#pragma once

#include <cstdint>
#include <string>

namespace gl::text {

// `offsetMs`: the data center's clock minus this PC's (positive: this PC is behind). "" within a minute.
std::string clockWarning(std::int64_t offsetMs);

}  // namespace gl::text
