// gzip for request bodies (libcurl decompresses responses itself; cpp-httplib both ways).
#pragma once

#include <string>
#include <string_view>

namespace gl::sync {

std::string gzipCompress(std::string_view data);

}  // namespace gl::sync
