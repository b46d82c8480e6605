// Identity documents as they appear in 证件号码 columns: GB 11643 resident numbers (18 digits and the
// old 15), HK/Macau/Taiwan residence permits, foreigners' permanent residence cards, travel permits
// and passports (docs/domain.md §1). Everything is a pure function of the text and `today`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/issue.h"

namespace gl::core {

enum class IdKind {
  Unknown,
  Resident,               // 18-digit 公民身份号码, GB 11643-1999
  Resident15,             // 15-digit GB 11643-1989 number, reported in its upgraded 18-digit form
  HongKongPermit,         // 港澳台居民居住证, address code 810000
  MacauPermit,            // address code 820000
  TaiwanPermit,           // address code 830000
  ForeignerPermanent,     // 2023 外国人永久居留身份证, 18 characters starting with 9
  ForeignerPermanentOld,  // 2004/2017 card: 3 letters + 12 digits, no check we can verify
  HkMacauTravelPermit,    // 港澳居民来往内地通行证 (回乡证)
  TaiwanTravelPermit,     // 台湾居民来往大陆通行证 (台胞证)
  Passport,
  Other,  // a document the roster names but the rules do not know (军官证, 其他): its text only
};

enum class Sex { Unknown, Male, Female };

// Which documents a value may be (docs/import.md "Identity numbers"): a column headed 身份证号 holds
// resident numbers only, a generic 证件号码 column any document, and a row's own 证件类型 cell only
// that document. A declared type is strict: a value of another document's shape is an error, never
// re-typed, because the program cannot tell which of the two cells is wrong.
enum class IdTypeHint {
  Any,              // no type given: any document, but digits that begin with a real region code are
                    // a damaged resident number, never a permit
  ResidentNumber,   // a 身份证 column: the GB 11643 layout, 18 or 15 digits (residence permits and the
                    // 2023 foreigner card share it)
  ResidentCard,     // a row that says 居民身份证: a mainland resident's 18 or 15 digits only
  ResidencePermit,  // 港澳台居民居住证: 810000/820000/830000 numbers
  HkPermit,         // 港澳居民居住证（香港）: 810000 only
  MacauPermit,      // 820000 only
  TaiwanPermit,     // 台湾居民居住证: 830000 only
  ForeignerCard,    // 外国人永久居留身份证, the 2023 or the 2004/2017 card
  Passport,         // a Chinese passport's shapes or a foreign passport's free form
  HkMacauTravel,    // 港澳居民来往内地通行证 (回乡证)
  TaiwanTravel,     // 台湾居民来往大陆通行证 (台胞证)
  Other,            // 军官证, 其他: 2 to 30 characters, nothing else can be checked
};

// The hint a stored id_type code gives ("passport" → Passport); Any for an unknown or empty code.
IdTypeHint hintForIdType(std::string_view code);

struct IdCheck {
  bool valid = false;          // no Error-severity issue
  std::string normalized;      // the normalized text (18-digit form after a 15→18 upgrade)
  IdKind kind = IdKind::Unknown;  // the shape recognized, also when a later check failed
  std::optional<Date> birthDate;  // only for valid numbers that carry one
  Sex sex = Sex::Unknown;
  std::string upgradedFrom;    // the 15-digit original, when upgraded
  std::vector<Issue> issues;   // at most one error plus warnings, field "id_number"
};

// Trim, fold full-width forms, drop spaces, hyphens and a leading Excel text marker ('), upper-case
// Latin letters. No validation.
std::string normalizeIdText(std::string_view raw);

IdCheck checkId(std::string_view raw, Date today, IdTypeHint hint = IdTypeHint::Any);

// ISO 7064 MOD 11-2 check character over the first 17 digits: '0'..'9' or 'X'; '\0' when the input
// is not 17 ASCII digits.
char gb11643CheckDigit(std::string_view first17);

// Stable lowercase codes, used in the ledger's id_type column and in --json output.
std::string_view idKindCode(IdKind kind);
std::string_view sexCode(Sex sex);

// The key under which two documents name the same person: a HK/Macau travel permit by its first 9
// characters (letter + lifetime number, without the reissue count), a Taiwan travel permit by its
// 8-digit lifetime number, anything else by its normalized text.
std::string idMatchKey(const IdCheck& check);
// The same from a stored (normalized, valid) number's shape alone: H/M + 10 digits → its first 9,
// 10 digits or the legacy 10 digits with an office code → the first 8; anything else as it is.
std::string idMatchKey(std::string_view normalized);

}  // namespace gl::core
