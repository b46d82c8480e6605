// Translation at the edges (docs/style.md §5): library code marks English ids with
// N_() and the window, gridctl or gridcenter translate them here through the hook they installed.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include <fmt/args.h>
#include <fmt/format.h>

namespace gl::text {

using Translator = std::function<std::string(const char* msgid)>;
using PluralTranslator = std::function<std::string(const char* singular, const char* plural, unsigned long n)>;

// Installs the program's translator (FileZilla's fz::set_translators); without one, ids are English.
void setTranslators(Translator single, PluralTranslator plural);

std::string tr(const char* msgid);
inline std::string tr(const std::string& msgid) { return tr(msgid.c_str()); }
std::string trn(const char* singular, const char* plural, unsigned long n);

namespace detail {
std::string formatOrFallback(const std::string& translated, const char* english, fmt::format_args args);
}

// Translates `msgid` and formats its named placeholders; a translation whose placeholders do not
// match falls back to the English id instead of throwing.
template <typename... Args>
std::string format(const char* msgid, Args&&... args) {
  return detail::formatOrFallback(tr(msgid), msgid, fmt::make_format_args(args...));
}

template <typename... Args>
std::string formatPlural(const char* singular, const char* plural, unsigned long n, Args&&... args) {
  return detail::formatOrFallback(trn(singular, plural, n), n == 1 ? singular : plural,
                                  fmt::make_format_args(args...));
}

}  // namespace gl::text

#ifndef N_
#define N_(s) s
#endif
