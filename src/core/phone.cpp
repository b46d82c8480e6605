#include "core/phone.h"
#include "core/ascii.h"

#include <optional>

#include "core/utf8.h"

namespace gl::core {

namespace {

constexpr std::string_view kField = "phone";
constexpr std::size_t kMaxExtension = 6;

using ascii::allDigits;
using ascii::isDigit;

char lowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t findNoCase(std::string_view text, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < needle.size() && match; ++k) match = lowerAscii(text[i + k]) == needle[k];
    if (match) return i;
  }
  return std::string_view::npos;
}

// Splits "0571-88888888 转123" into the number and "123". The hyphen form ("-123") cannot be told
// from a hyphen inside the number by looking at characters, so classify() handles it by length.
// Returns false when a marker is followed by something other than 1 to 6 digits.
bool splitExtensionMarker(std::string_view text, std::string& number, std::string& ext) {
  struct Marker {
    std::string_view text;
    bool ascii;
  };
  // "ext" before "x", so that "ext" is not read as "e" + marker "x".
  static constexpr Marker kMarkers[] = {{"转", false}, {"分机", false}, {"ext", true}, {"x", true}};
  std::size_t at = std::string_view::npos, len = 0;
  for (const auto& m : kMarkers) {
    auto pos = m.ascii ? findNoCase(text, m.text) : text.find(m.text);
    if (pos < at) {
      at = pos;
      len = m.text.size();
    }
  }
  if (at == std::string_view::npos) {
    number = std::string(text);
    return true;
  }
  std::string_view after = text.substr(at + len);
  while (!after.empty() && (after.front() == '.' || after.front() == ':' || after.front() == ' '))
    after.remove_prefix(1);
  if (!allDigits(after) || after.size() > kMaxExtension) return false;
  std::string_view before = text.substr(0, at);
  while (!before.empty() && (before.back() == ' ' || before.back() == '-')) before.remove_suffix(1);
  number = std::string(before);
  ext = std::string(after);
  return true;
}

// Digit groups of "(0571) 8888-8888" → {"0571", "8888", "8888"}. Only digits, spaces, hyphens,
// parentheses and one leading "+" are allowed.
bool digitGroups(std::string_view text, bool& plus, std::vector<std::string>& groups) {
  plus = !text.empty() && text.front() == '+';
  if (plus) text.remove_prefix(1);
  std::string current;
  for (char c : text) {
    if (isDigit(c)) {
      current += c;
      continue;
    }
    if (c != ' ' && c != '-' && c != '(' && c != ')') return false;
    if (!current.empty()) groups.push_back(std::move(current));
    current.clear();
  }
  if (!current.empty()) groups.push_back(std::move(current));
  return !groups.empty();
}

std::string concat(const std::vector<std::string>& groups) {
  std::string all;
  for (const auto& g : groups) all += g;
  return all;
}

void dropLeadingDigits(std::vector<std::string>& groups, std::size_t n) {
  while (n > 0 && !groups.empty()) {
    std::size_t k = std::min(n, groups.front().size());
    groups.front().erase(0, k);
    n -= k;
    if (groups.front().empty()) groups.erase(groups.begin());
  }
}

struct Classified {
  std::optional<IssueCode> error;
  PhoneKind kind = PhoneKind::Mobile;
  std::string normalized;  // without extension
  std::string digits;
};

Classified bad(IssueCode code) {
  return Classified{code, PhoneKind::Mobile, {}, {}};
}

// Local numbers are 7 or 8 digits and never begin with 0 (the trunk prefix) or 1 (special services).
bool validLocal(std::string_view local) {
  return (local.size() == 7 || local.size() == 8) && allDigits(local) && local.front() >= '2';
}

// A mainland national number with its trunk 0, as one digit string (docs/domain.md §3).
Classified classifyMainland(const std::string& n) {
  if (n.empty()) return bad(IssueCode::PhoneBadFormat);
  if (n[0] == '1') {
    // 10086 / 10000 carrier hotlines and 12345-style government hotlines.
    if (n.size() == 5 && (n[1] == '0' || n[1] == '2')) return {std::nullopt, PhoneKind::Service, n, n};
    if (n.size() == 11 && n[1] >= '3') return {std::nullopt, PhoneKind::Mobile, n, n};
    return bad(IssueCode::PhoneBadMobile);
  }
  if (n[0] == '0') {
    if (n.size() < 4) return bad(IssueCode::PhoneBadFormat);
    std::size_t areaLength = 0;
    if (n[1] == '1') {
      if (n[2] != '0') return bad(IssueCode::PhoneBadAreaCode);  // only 010 (Beijing) in 01X
      areaLength = 3;
    } else if (n[1] == '2') {
      if (n[2] == '6') return bad(IssueCode::PhoneBadAreaCode);  // 026 is unassigned
      areaLength = 3;
    } else if (n[1] == '0') {
      return bad(IssueCode::PhoneBadFormat);  // 00 is the international prefix
    } else {
      areaLength = 4;
    }
    std::string area = n.substr(0, areaLength), local = n.substr(areaLength);
    if (!validLocal(local)) return bad(IssueCode::PhoneBadFormat);
    return {std::nullopt, PhoneKind::Landline, area + '-' + local, n};
  }
  // 400/800 numbers are 10 digits; 95xxx(x) nationwide and 96xxx(x) local service lines 5 or 6.
  if ((n.starts_with("400") || n.starts_with("800")) && n.size() == 10)
    return {std::nullopt, PhoneKind::Service, n, n};
  if ((n.starts_with("95") || n.starts_with("96")) && (n.size() == 5 || n.size() == 6))
    return {std::nullopt, PhoneKind::Service, n, n};
  // Anything else starting 2-9 is a local number written without its area code.
  return bad(IssueCode::PhoneBadFormat);
}

// Hong Kong: 8 digits, never starting 0 or 1. Macau: 8 digits, mobiles 6xxxxxxx and fixed lines
// 28xxxxxx. Taiwan mobiles: 9 + 8 digits, written domestically with a trunk 0 (0912 345 678).
Classified classifyAbroad(std::string_view code, std::string n) {
  if (code == "852" && n.size() == 8 && allDigits(n) && n[0] >= '2')
    return {std::nullopt, PhoneKind::HongKong, "+852 " + n, "852" + n};
  if (code == "853" && n.size() == 8 && allDigits(n) && (n[0] == '6' || n.starts_with("28")))
    return {std::nullopt, PhoneKind::Macau, "+853 " + n, "853" + n};
  if (code == "886") {
    if (n.starts_with('0')) n.erase(0, 1);
    if (n.size() == 9 && n[0] == '9' && allDigits(n))
      return {std::nullopt, PhoneKind::Taiwan, "+886 " + n, "886" + n};
  }
  return bad(IssueCode::PhoneBadFormat);
}

// Strips a +86 / 0086 / 86 prefix and classifies; `groups` keeps the digit groups as written so a
// trailing "-123" can be tried as an extension.
Classified classify(std::vector<std::string> groups, bool plus, std::string& ext) {
  std::string all = concat(groups);
  bool international = plus;
  if (!plus && all.starts_with("00")) {
    dropLeadingDigits(groups, 2);
    international = true;
  }
  bool mainlandPrefix = false;
  if (international) {
    all = concat(groups);
    for (std::string_view code : {"852", "853", "886"})
      if (all.starts_with(code)) {
        if (!ext.empty()) return bad(IssueCode::PhoneBadFormat);
        return classifyAbroad(code, all.substr(code.size()));
      }
    if (!all.starts_with("86")) return bad(IssueCode::PhoneBadFormat);  // other countries
    mainlandPrefix = true;
  } else if ((groups.size() >= 2 && groups[0] == "86") ||
             (groups.size() == 1 && all.size() == 13 && all.starts_with("861"))) {
    mainlandPrefix = true;  // "86 138 0013 8000", "8613800138000": the + was left out
  }
  if (mainlandPrefix) {
    dropLeadingDigits(groups, 2);
    all = concat(groups);
    // From abroad the trunk 0 is dropped: +86 571 8888 8888, +86 10 6552 1234 (Beijing's 10 looks
    // like the start of a mobile, but mobiles never have 1 and 0 as their first two digits).
    bool service = (all.starts_with("400") || all.starts_with("800")) && all.size() >= 10;
    if (!groups.empty() && !all.starts_with('0') && !service && (all[0] != '1' || all.starts_with("10")))
      groups.front().insert(groups.front().begin(), '0');
  }
  all = concat(groups);
  Classified c = classifyMainland(all);
  // "0571-88888888-123": the last group is an extension when the number is only valid without it.
  if (c.error && ext.empty() && groups.size() >= 2 && groups.back().size() <= kMaxExtension) {
    Classified shorter = classifyMainland(all.substr(0, all.size() - groups.back().size()));
    if (!shorter.error && (shorter.kind == PhoneKind::Landline || shorter.kind == PhoneKind::Service)) {
      ext = groups.back();
      return shorter;
    }
  }
  if (!c.error && !ext.empty() && c.kind != PhoneKind::Landline && c.kind != PhoneKind::Service)
    return bad(IssueCode::PhoneBadFormat);  // a mobile has no extension
  return c;
}

bool hasSpace(std::string_view s) {
  return s.find(' ') != std::string_view::npos;
}

std::vector<std::string> splitCell(std::string_view text) {
  static constexpr std::string_view kDunhao = "、";  // U+3001, not a full-width form, so not folded
  std::vector<std::string> pieces;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool sep = c == '/' || c == ',' || c == ';' || c == '\n' || c == '\r';
    if (!sep && text.substr(i).starts_with(kDunhao)) {
      sep = true;
      i += kDunhao.size() - 1;
    }
    if (sep) {
      pieces.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  pieces.push_back(std::move(current));
  return pieces;
}

}  // namespace

PhoneCheck checkPhone(std::string_view raw) {
  PhoneCheck out;
  std::string text = utf8::trim(utf8::foldWidth(raw));
  auto fail = [&](IssueCode code) {
    out.issues.push_back(Issue{code, std::string(kField), 0, 0, text, Severity::Error});
    return out;
  };
  if (text.empty()) return fail(IssueCode::PhoneEmpty);
  std::string number, ext;
  if (!splitExtensionMarker(text, number, ext)) return fail(IssueCode::PhoneBadFormat);
  bool plus = false;
  std::vector<std::string> groups;
  if (!digitGroups(number, plus, groups)) return fail(IssueCode::PhoneBadFormat);
  Classified c = classify(std::move(groups), plus, ext);
  if (c.error) return fail(*c.error);
  out.valid = true;
  out.kind = c.kind;
  out.digits = std::move(c.digits);
  out.extension = ext;
  out.normalized = ext.empty() ? c.normalized : c.normalized + '-' + ext;
  return out;
}

std::vector<PhoneCheck> checkPhones(std::string_view cell) {
  std::vector<PhoneCheck> out;
  for (const auto& piece : splitCell(utf8::foldWidth(cell))) {
    std::string text = utf8::trim(piece);
    if (text.empty()) continue;
    PhoneCheck whole = checkPhone(text);
    if (!whole.valid && hasSpace(text)) {
      std::vector<PhoneCheck> parts;
      bool allValid = true;
      std::size_t start = 0;
      while (start < text.size() && allValid) {
        auto space = text.find(' ', start);
        auto part = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
        if (!part.empty()) {
          parts.push_back(checkPhone(part));
          allValid = parts.back().valid;
        }
        start = space == std::string::npos ? text.size() : space + 1;
      }
      if (allValid && parts.size() >= 2) {
        for (auto& p : parts) out.push_back(std::move(p));
        continue;
      }
    }
    out.push_back(std::move(whole));
  }
  if (out.empty()) out.push_back(checkPhone(""));
  return out;
}

}  // namespace gl::core
