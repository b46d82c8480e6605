#include "core/identity.h"

#include "core/id_shapes.h"
#include "core/region_codes.h"
#include "core/utf8.h"

namespace gl::core {

using idshape::allDigits;
using idshape::isChinesePassport;
using idshape::isDigit;
using idshape::isGenericPassport;
using idshape::isHkMacauTravelPermit;
using idshape::isOldForeignerCard;
using idshape::isResident18Shape;
using idshape::isTaiwanTravelPermit;
using idshape::isUpper;
using idshape::looksScientific;
using idshape::looksTrailingZeroDecimal;

namespace {

constexpr std::string_view kField = "id_number";

// Birth dates before this are typos, not people: the standard's own oldest example,
// 440524188001010014, is born 1880-01-01 (docs/domain.md §1.1).
constexpr Date kEarliestBirth{1880, 1, 1};

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// Provincial-level codes of GB/T 2260 used in resident numbers (docs/domain.md §1.1). 71 (台湾) is in
// GB/T 2260 but never in real numbers: Taiwan residents get the 830000 permit code instead.
bool isResidentProvince(int p) {
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
         (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65);
}

// Spaces and dashes that copy-paste and word processors put inside numbers (no-break and
// zero-width spaces from web pages, the BOM, Unicode hyphens and the minus sign).
bool isIgnorable(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\r' || cp == U'\n' || cp == U'\v' || cp == U'\f' ||
         cp == U'\u00A0' || cp == U'\u3000' || (cp >= U'\u2000' && cp <= U'\u200B') ||
         cp == U'\u202F' || cp == U'\uFEFF' || cp == U'-' || (cp >= U'\u2010' && cp <= U'\u2015') ||
         cp == U'\u2212' || cp == U'\uFE58' || cp == U'\uFE63';
}

void addError(IdCheck& r, IssueCode code) {
  r.issues.push_back(Issue{code, std::string(kField), 0, 0, r.normalized, Severity::Error});
}

void addWarning(IdCheck& r, IssueCode code, std::string detail) {
  r.issues.push_back(Issue{code, std::string(kField), 0, 0, std::move(detail), Severity::Warning});
}

// The province was checked; a county code in no edition of GB/T 2260 is only a warning, because
// divisions are renamed and abolished over time and the list may lag (docs/domain.md §1.1).
void warnUnknownRegion(IdCheck& r, std::string_view code) {
  if (!isKnownDivisionCode(code)) addWarning(r, IssueCode::IdUnknownCounty, std::string(code));
}

// Digits only, not a resident number's length, and beginning with a real division code — or a real
// prefecture's first four digits (a retired county of it) —: a resident number that lost digits (a
// truncated cell), which must never pass for a permit or a passport. A row that declares 台胞证 is
// taken at its word.
bool looksTruncatedResident(std::string_view s) {
  if (s.size() < 6 || s.size() == 15 || s.size() == 18 || !allDigits(s)) return false;
  return isKnownDivisionCode(s.substr(0, 6)) || isKnownDivisionCode(std::string(s.substr(0, 4)) + "00");
}

// YYYYMMDD → the date, or the error it deserves.
std::optional<IssueCode> birthDateProblem(std::string_view yyyymmdd, Date today, Date& out) {
  int y = number(yyyymmdd.substr(0, 4)), m = number(yyyymmdd.substr(4, 2)),
      d = number(yyyymmdd.substr(6, 2));
  if (!isValidDate(y, m, d)) return IssueCode::IdBadDate;
  out = Date{y, m, d};
  if (out < kEarliestBirth) return IssueCode::IdBadDate;
  if (out > today) return IssueCode::IdFutureDate;
  return std::nullopt;
}

Sex sexFromSequenceDigit(char c) { return (c - '0') % 2 == 1 ? Sex::Male : Sex::Female; }

// 18 characters in the GB 11643-1999 layout: resident numbers, residence permits and the 2023
// foreigner card share the date, sequence and check digit positions. Errors are ranked so the
// most specific one is reported: a bad province or date usually explains the failed checksum.
void checkEighteen(IdCheck& r, Date today) {
  const std::string& s = r.normalized;
  bool provinceOk = false;
  if (s[0] == '9') {
    // 9 + province of application + ISO 3166-1 numeric nationality + date + sequence + check.
    r.kind = IdKind::ForeignerPermanent;
    provinceOk = isResidentProvince(number(s.substr(1, 2)));
  } else if (s[0] == '8') {
    // 国办发〔2018〕81号 第三条 fixes the whole address code, not only the province.
    std::string_view address = std::string_view(s).substr(0, 6);
    r.kind = address == "810000"   ? IdKind::HongKongPermit
             : address == "820000" ? IdKind::MacauPermit
             : address == "830000" ? IdKind::TaiwanPermit
                                   : IdKind::Resident;
    provinceOk = r.kind != IdKind::Resident;
  } else {
    r.kind = IdKind::Resident;
    provinceOk = isResidentProvince(number(s.substr(0, 2)));
  }
  bool checksumOk = gb11643CheckDigit(std::string_view(s).substr(0, 17)) == s[17];
  // Excel keeps 15 significant digits, so the last three of an 18-digit number typed into a
  // numeric cell become 000 (SAS usage note 34242). A passing check digit means a real 000.
  if (!checksumOk && s.ends_with("000")) return addError(r, IssueCode::IdStoredAsNumber);
  if (!provinceOk) return addError(r, IssueCode::IdUnknownProvince);
  Date birth;
  if (auto problem = birthDateProblem(std::string_view(s).substr(6, 8), today, birth))
    return addError(r, *problem);
  if (!checksumOk) return addError(r, IssueCode::IdBadChecksum);
  r.birthDate = birth;
  r.sex = sexFromSequenceDigit(s[16]);
  if (r.kind == IdKind::Resident) warnUnknownRegion(r, std::string_view(s).substr(0, 6));
}

// GB 11643-1989: 6 address + YYMMDD + 3 sequence, no check digit. Upgraded by inserting 19.
void checkFifteen(IdCheck& r, Date today) {
  const std::string original = r.normalized;
  r.kind = IdKind::Resident15;
  // Residence permits (2018) and the foreigner number (2023) never had a 15-digit form.
  if (!isResidentProvince(number(original.substr(0, 2))))
    return addError(r, IssueCode::IdUnknownProvince);
  std::string upgraded = original.substr(0, 6) + "19" + original.substr(6);
  Date birth;
  if (auto problem = birthDateProblem(std::string_view(upgraded).substr(6, 8), today, birth))
    return addError(r, *problem);
  upgraded += gb11643CheckDigit(upgraded);
  r.normalized = upgraded;
  r.upgradedFrom = original;
  r.birthDate = birth;
  r.sex = sexFromSequenceDigit(original[14]);
  // The 1989 scheme reserved sequences for centenarians (removed in the 1999 revision), so such a
  // person may be born 18YY; the upgrade keeps 19 but asks for a look.
  if (number(original.substr(12, 3)) >= 996)
    addWarning(r, IssueCode::IdCentenarianSequence, original);
  warnUnknownRegion(r, std::string_view(original).substr(0, 6));
}

// Nothing matched: say what is most likely wrong.
void reportUnmatched(IdCheck& r) {
  const std::string& s = r.normalized;
  for (char c : s)
    if (!isDigit(c) && !isUpper(c) && c != '(' && c != ')') return addError(r, IssueCode::IdBadCharacters);
  // A resident-number length starting with a digit, with a stray letter inside.
  if ((s.size() == 15 || s.size() == 18) && isDigit(s[0]))
    return addError(r, IssueCode::IdBadCharacters);
  bool digitsWithCheck = !s.empty() && allDigits(std::string_view(s).substr(0, s.size() - 1)) &&
                         (isDigit(s.back()) || s.back() == 'X');
  if (digitsWithCheck) return addError(r, IssueCode::IdBadLength);
  addError(r, IssueCode::IdUnrecognized);
}

}  // namespace

std::string normalizeIdText(std::string_view raw) {
  std::u32string in = utf8::decode(utf8::foldWidth(utf8::trim(raw)));
  std::u32string out;
  out.reserve(in.size());
  bool markerDropped = false;
  for (char32_t cp : in) {
    if (isIgnorable(cp)) continue;
    // Excel's "store as text" prefix, which survives in CSV exports and pasted cells.
    if (cp == U'\'' && out.empty() && !markerDropped) {
      markerDropped = true;
      continue;
    }
    if (cp >= U'a' && cp <= U'z') cp = cp - U'a' + U'A';
    out += cp;
  }
  return utf8::encode(out);
}

char gb11643CheckDigit(std::string_view first17) {
  // ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11, and the check value
  // makes the weighted sum including it ≡ 1 (mod 11). GB 11643-1999 §5.
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  if (first17.size() != 17 || !allDigits(first17)) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

namespace {

// The value in the GB 11643 layout (18 or 15 digits), or the error that says why it is not.
void checkResidentLayout(IdCheck& r, Date today) {
  const std::string& s = r.normalized;
  if (isResident18Shape(s)) return checkEighteen(r, today);
  if (s.size() == 15 && allDigits(s)) return checkFifteen(r, today);
  bool digitsWithCheck = allDigits(std::string_view(s).substr(0, s.size() - 1)) && (isDigit(s.back()) || s.back() == 'X');
  addError(r, digitsWithCheck ? IssueCode::IdWrongDigitCount : IssueCode::IdNotResidentNumber);
}

// Any document: the shapes tried from the most to the least specific.
void checkAnyDocument(IdCheck& r, Date today) {
  const std::string& s = r.normalized;
  if (isResident18Shape(s)) return checkEighteen(r, today);
  if (s.size() == 15 && allDigits(s)) return checkFifteen(r, today);
  if (looksTruncatedResident(s)) return addError(r, IssueCode::IdWrongDigitCount);
  if (isChinesePassport(s)) {
    r.kind = IdKind::Passport;
  } else if (isHkMacauTravelPermit(s)) {
    r.kind = IdKind::HkMacauTravelPermit;
  } else if (isTaiwanTravelPermit(s)) {
    r.kind = IdKind::TaiwanTravelPermit;
  } else if (isOldForeignerCard(s)) {
    // The layout and check digit of the 2004/2017 card are undocumented (docs/domain.md §1.4): accept
    // the shape, but flag that nothing beyond it could be checked.
    r.kind = IdKind::ForeignerPermanentOld;
    addWarning(r, IssueCode::IdShapeOnly, s);
  } else {
    reportUnmatched(r);
  }
}

// A declared document type: only that document's shapes.
void checkDeclared(IdCheck& r, Date today, IdTypeHint hint) {
  const std::string& s = r.normalized;
  auto wrongShape = [&] { addError(r, IssueCode::IdWrongDocumentShape); };
  switch (hint) {
    case IdTypeHint::ResidentCard:
      if (!isResident18Shape(s) && !(s.size() == 15 && allDigits(s))) return checkResidentLayout(r, today);
      if (s[0] == '8' || s[0] == '9') return wrongShape();
      return checkResidentLayout(r, today);
    case IdTypeHint::ResidencePermit:
    case IdTypeHint::HkPermit:
    case IdTypeHint::MacauPermit:
    case IdTypeHint::TaiwanPermit: {
      if (!isResident18Shape(s) || s[0] != '8') return wrongShape();
      checkEighteen(r, today);
      const IdKind wanted = hint == IdTypeHint::HkPermit      ? IdKind::HongKongPermit
                            : hint == IdTypeHint::MacauPermit ? IdKind::MacauPermit
                            : hint == IdTypeHint::TaiwanPermit ? IdKind::TaiwanPermit
                                                               : r.kind;
      if ((r.kind == IdKind::Resident || r.kind != wanted) && !hasErrors(r.issues)) wrongShape();
      return;
    }
    case IdTypeHint::ForeignerCard:
      if (isResident18Shape(s) && s[0] == '9') return checkEighteen(r, today);
      if (!isOldForeignerCard(s)) return wrongShape();
      r.kind = IdKind::ForeignerPermanentOld;
      return addWarning(r, IssueCode::IdShapeOnly, s);
    case IdTypeHint::Passport:
      if (!isChinesePassport(s) && !isGenericPassport(s)) return wrongShape();
      r.kind = IdKind::Passport;
      return;
    case IdTypeHint::HkMacauTravel:
      if (!isHkMacauTravelPermit(s)) return wrongShape();
      r.kind = IdKind::HkMacauTravelPermit;
      return;
    case IdTypeHint::TaiwanTravel:
      if (!isTaiwanTravelPermit(s)) return wrongShape();
      r.kind = IdKind::TaiwanTravelPermit;
      return;
    case IdTypeHint::Other:
      if (const auto n = utf8::decode(s).size(); n < 2 || n > 30) return addError(r, IssueCode::IdUnrecognized);
      r.kind = IdKind::Other;
      return addWarning(r, IssueCode::IdShapeOnly, s);
    case IdTypeHint::Any:
    case IdTypeHint::ResidentNumber:
      break;
  }
}

}  // namespace

IdTypeHint hintForIdType(std::string_view code) {
  if (code == "resident" || code == "resident15") return IdTypeHint::ResidentCard;
  if (code == "hk_permit") return IdTypeHint::HkPermit;
  if (code == "macau_permit") return IdTypeHint::MacauPermit;
  if (code == "taiwan_permit") return IdTypeHint::TaiwanPermit;
  if (code == "hk_macau_taiwan_permit") return IdTypeHint::ResidencePermit;
  if (code == "foreign_pr" || code == "foreign_pr_old") return IdTypeHint::ForeignerCard;
  if (code == "passport") return IdTypeHint::Passport;
  if (code == "hk_macau_travel") return IdTypeHint::HkMacauTravel;
  if (code == "taiwan_travel") return IdTypeHint::TaiwanTravel;
  if (code == "other") return IdTypeHint::Other;
  return IdTypeHint::Any;
}

IdCheck checkId(std::string_view raw, Date today, IdTypeHint hint) {
  IdCheck r;
  r.normalized = normalizeIdText(raw);
  if (r.normalized.empty()) {
    addError(r, IssueCode::IdEmpty);
  } else if (looksScientific(r.normalized) || looksTrailingZeroDecimal(r.normalized)) {
    addError(r, IssueCode::IdStoredAsNumber);
  } else if (hint == IdTypeHint::Any) {
    checkAnyDocument(r, today);
  } else if (hint == IdTypeHint::ResidentNumber) {
    checkResidentLayout(r, today);
  } else {
    checkDeclared(r, today, hint);
  }
  r.valid = !hasErrors(r.issues);
  return r;
}

std::string_view idKindCode(IdKind kind) {
  switch (kind) {
    case IdKind::Resident: return "resident";
    case IdKind::Resident15: return "resident15";
    case IdKind::HongKongPermit: return "hk_permit";
    case IdKind::MacauPermit: return "macau_permit";
    case IdKind::TaiwanPermit: return "taiwan_permit";
    case IdKind::ForeignerPermanent: return "foreign_pr";
    case IdKind::ForeignerPermanentOld: return "foreign_pr_old";
    case IdKind::HkMacauTravelPermit: return "hk_macau_travel";
    case IdKind::TaiwanTravelPermit: return "taiwan_travel";
    case IdKind::Passport: return "passport";
    case IdKind::Other: return "other";
    case IdKind::Unknown: break;
  }
  return "unknown";
}

std::string_view sexCode(Sex sex) {
  switch (sex) {
    case Sex::Male: return "male";
    case Sex::Female: return "female";
    case Sex::Unknown: break;
  }
  return "unknown";
}

std::string idMatchKey(std::string_view s) {
  if (s.size() == 11 && (s[0] == 'H' || s[0] == 'M') && allDigits(s.substr(1))) return std::string(s.substr(0, 9));
  if ((s.size() == 10 && allDigits(s)) || (s.size() == 13 && allDigits(s.substr(0, 10)) && s[10] == '('))
    return std::string(s.substr(0, 8));
  return std::string(s);
}

std::string idMatchKey(const IdCheck& check) {
  if (check.kind == IdKind::HkMacauTravelPermit && check.normalized.size() >= 9)
    return check.normalized.substr(0, 9);
  if (check.kind == IdKind::TaiwanTravelPermit && check.normalized.size() >= 8)
    return check.normalized.substr(0, 8);
  return check.normalized;
}

}  // namespace gl::core
