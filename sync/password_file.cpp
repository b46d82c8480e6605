#include "sync/password_file.h"

#include <fstream>

#include "core/error.h"

namespace gl::sync {

std::string readPasswordFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(Error::Kind::BadInput, N_("Cannot read the password file {path}"), {{"path", path}});
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw Error(Error::Kind::BadInput, N_("The password file {path} is empty"), {{"path", path}});
  return line;
}

}  // namespace gl::sync
