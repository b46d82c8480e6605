#include "text/gettext_setup.h"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "text/text.h"

namespace gl::text {

namespace {

constexpr const char* kDomain = "gridledger";

std::filesystem::path executableDir(const char* argv0) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec && argv0) self = std::filesystem::absolute(argv0, ec);
  return self.parent_path();
}

}  // namespace

std::string findLocaleDir(const char* argv0) {
  if (const char* env = std::getenv("GRIDLEDGER_LOCALEDIR"); env && *env) return env;
  auto bin = executableDir(argv0);
  std::error_code ec;
  for (auto candidate : {bin / ".." / "locale", bin / ".." / "share" / "locale"})
    if (std::filesystem::exists(candidate / "zh_CN" / "LC_MESSAGES" / "gridledger.mo", ec))
      return candidate.lexically_normal().string();
  return GL_INSTALL_LOCALEDIR;
}

bool systemWantsChinese() {
  for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string(v).rfind("zh", 0) == 0;
  }
  return false;
}

std::string useGettext(const std::string& language, const char* argv0) {
  const char* set = std::setlocale(LC_ALL, "");
  // gettext ignores LANGUAGE under the C locale; C.UTF-8 is always there on Debian and honours it.
  if (!set || std::string(set) == "C" || std::string(set) == "POSIX") std::setlocale(LC_ALL, "C.UTF-8");
  bool chinese = language.empty() ? systemWantsChinese() : language.rfind("zh", 0) == 0;
  if (!language.empty()) setenv("LANGUAGE", chinese ? "zh_CN" : "en", 1);
  else if (const char* l = std::getenv("LANGUAGE"); chinese && (!l || !*l)) setenv("LANGUAGE", "zh_CN", 1);

  std::string dir = findLocaleDir(argv0);
  bindtextdomain(kDomain, dir.c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  if (!chinese) {
    setTranslators({}, {});
    return "en";
  }
  setTranslators([](const char* id) { return std::string(dgettext(kDomain, id)); },
                 [](const char* s, const char* p, unsigned long n) { return std::string(dngettext(kDomain, s, p, n)); });
  return "zh_CN";
}

}  // namespace gl::text
