#include "text/text.h"

namespace gl::text {

namespace {
Translator& single() {
  static Translator t;
  return t;
}
PluralTranslator& plural() {
  static PluralTranslator t;
  return t;
}
}  // namespace

void setTranslators(Translator s, PluralTranslator p) {
  single() = std::move(s);
  plural() = std::move(p);
}

std::string tr(const char* msgid) {
  if (!msgid || !*msgid) return {};
  return single() ? single()(msgid) : std::string(msgid);
}

std::string trn(const char* s, const char* p, unsigned long n) {
  if (plural()) return plural()(s, p, n);
  return n == 1 ? s : p;
}

namespace detail {
std::string formatOrFallback(const std::string& translated, const char* english, fmt::format_args args) {
  try {
    return fmt::vformat(translated, args);
  } catch (const fmt::format_error&) {
    // A translator's typo in a placeholder must not take the program down: show the English text.
    try {
      return fmt::vformat(english, args);
    } catch (const fmt::format_error&) {
      return english;
    }
  }
}
}  // namespace detail

}  // namespace gl::text
