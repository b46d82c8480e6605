// Phone numbers as rosters write them (docs/domain.md §3): mainland mobiles, landlines with area
// codes and extensions, 400/800 and short service numbers, Hong Kong, Macau and Taiwan numbers.
//
// Canonical forms (what `normalized` holds; each one parses back to itself):
//   mobile    13800138000                 11 digits, no prefix
//   landline  0571-88888888               area code (with its 0), hyphen, local number
//             0571-88888888-123           ... hyphen, extension (1 to 6 digits)
//   service   4008208820, 95588           digits only; an extension as for landlines
//   HK / MO   +852 91234567, +853 66123456
//   Taiwan    +886 912345678              the domestic trunk 0 of 0912 345 678 dropped
// A cell with several numbers is stored with the canonical forms joined by "," (core/schema).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/issue.h"

namespace gl::core {

enum class PhoneKind { Mobile, Landline, HongKong, Macau, Taiwan, Service };

struct PhoneCheck {
  bool valid = false;
  std::string normalized;
  PhoneKind kind = PhoneKind::Mobile;
  // Significant digits for search: mobile 11 digits, landline area code + local number, service
  // numbers as dialled, HK/MO/TW with their country code (85291234567) so they never collide
  // with a mainland number. Never includes the extension.
  std::string digits;
  std::string extension;
  std::vector<Issue> issues;  // field "phone", detail = the number as written (trimmed)
};

// One number. Accepts +86 / 0086 / 86 before a mainland number, spaces, hyphens, parentheses
// around the area code, full-width digits and brackets, and the extension markers -123, 转123,
// 分机123, ext 123, ext.123 and x123. A local number without its area code is PhoneBadFormat:
// the area it belongs to cannot be known here.
PhoneCheck checkPhone(std::string_view raw);

// A cell holding one or more numbers separated by / 、 , ， ; ； or line breaks. Empty pieces
// (a trailing "/") are skipped; an empty cell gives one PhoneEmpty result. A piece that fails as a
// whole but whose space-separated parts are all valid numbers (13800138000 13900139000) is split.
std::vector<PhoneCheck> checkPhones(std::string_view cell);

}  // namespace gl::core
