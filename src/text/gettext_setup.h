// gridctl and gridcenter translate with glibc's gettext on the same .mo the window uses.
#pragma once

#include <string>

namespace gl::text {

// Finds the catalog next to the executable (<prefix>/bin/../share/locale installed, <build>/bin/../locale
// in a build tree), binds it and installs gettext as the translator. `language` is "zh_CN", "en" or empty
// for the system locale. Returns the language in effect ("zh_CN" or "en").
std::string useGettext(const std::string& language, const char* argv0);

// Where gridledger.mo is: $GRIDLEDGER_LOCALEDIR, else beside the executable, else the install prefix.
std::string findLocaleDir(const char* argv0);
// Whether LANGUAGE, LC_ALL, LC_MESSAGES or LANG (the first one set) asks for Chinese.
bool systemWantsChinese();

}  // namespace gl::text
