// Validation results as data (docs/style.md §3): rules return issues, callers place them next to a
// field, a spreadsheet cell or a command-line argument, and gl_text turns each code into one msgid.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace gl::core {

enum class IssueCode {
  // identity documents (GB 11643 and the permits of docs/domain.md §1)
  IdEmpty,
  IdBadLength,
  IdBadCharacters,
  IdBadChecksum,
  IdBadDate,
  IdFutureDate,
  IdUnknownProvince,
  IdStoredAsNumber,
  IdUnknownCounty,        // warning: retired or unlisted county code
  IdCentenarianSequence,  // warning: 15-digit number with a 996-999 sequence, the century is unsure
  IdUnrecognized,
  IdShapeOnly,  // warning: a document accepted by its form alone (old foreigner card), nothing to check
  IdNotResidentNumber,   // a 身份证 column or type holding something that is not 18 or 15 digits
  IdWrongDigitCount,     // digits only, and not 18 (or 15): a resident number that lost or gained digits
  IdWrongDocumentShape,  // not of the document type the row declares (证件类型)
  IdNameMismatch,        // the number is another person's: args "other" (their name) and "name" (this row's)
  IdNameMismatchInFile,  // the same, for a person an earlier row of the file brought: and "earlier" (that row)
  RecordIdReused,        // an export's record id on a row with another name and number: args "other", "name"
  PersonUnidentified,    // no identity number and no household: a later import could not find the person
  IdColumnsDisagree,     // two identity columns of one row give different numbers
  // phones
  PhoneEmpty,
  PhoneBadFormat,
  PhoneBadMobile,
  PhoneBadAreaCode,
  // dates
  DateEmpty,
  DateBadFormat,
  DateInvalid,
  DateOutOfRange,
  // temperatures
  TemperatureBadFormat,
  TemperatureOutOfRange,
  // quarantine policies and cases
  PolicyBadDays,
  PolicyBadSlots,
  PolicyBadTestDay,
  QuarantineEndBeforeStart,
  QuarantineBadStatus,
  // generic field rules
  BadText,          // not UTF-8, or holds control characters
  IdContradiction,  // a birth date or sex that the identity number says otherwise
  FieldRequired,
  FieldTooLong,
  ValueNotAllowed,
  BadNumber,
  UnknownColumn,
  ReadOnlyColumn,
  BadReference,
};

enum class Severity { Error, Warning };

struct Issue {
  Issue(IssueCode c, std::string f = {}, int r = 0, int col = 0, std::string d = {}, Severity s = Severity::Error)
      : code(c), field(std::move(f)), row(r), column(col), detail(std::move(d)), severity(s) {}

  IssueCode code;
  std::string field;   // column or field name, as in the data model
  int row = 0;         // spreadsheet row (1-based) where it applies, else 0
  int column = 0;      // spreadsheet column (1-based) where it applies, else 0
  std::string detail;  // the offending value or an extra word, shown in {detail}
  Severity severity = Severity::Error;
  // Where a spreadsheet's column is the field: its header as the file wrote it, shown instead of the
  // field's label ("身份证号 “…” has 10 digits"), so a clerk recognises the column.
  std::string heading;
  std::vector<MessageArg> args;  // further named values some messages take ({other}, {name})
};

inline bool hasErrors(const std::vector<Issue>& issues) {
  for (const auto& i : issues)
    if (i.severity == Severity::Error) return true;
  return false;
}

}  // namespace gl::core
