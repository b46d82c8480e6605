#include "core/error.h"

namespace gl {

namespace {
std::string englishWhat(const std::string& msgid, const std::vector<MessageArg>& args,
                        const std::string& context) {
  std::string text = formatNamed(msgid, args);
  if (!context.empty()) text += " (" + context + ")";
  return text;
}
}  // namespace

Error::Error(Kind kind, std::string msgid, std::vector<MessageArg> args, std::string context)
    : std::runtime_error(englishWhat(msgid, args, context)),
      kind_(kind),
      msgid_(std::move(msgid)),
      args_(std::move(args)),
      context_(std::move(context)) {}

std::string formatNamed(const std::string& pattern, const std::vector<MessageArg>& args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
      out += '}';
      i += 2;
      continue;
    }
    if (c == '{') {
      auto close = pattern.find('}', i);
      if (close != std::string::npos) {
        std::string name = pattern.substr(i + 1, close - i - 1);
        for (const auto& a : args) {
          if (a.name == name) {
            out += a.value;
            i = close + 1;
            goto next;
          }
        }
      }
    }
    out += c;
    ++i;
  next:;
  }
  return out;
}

}  // namespace gl
