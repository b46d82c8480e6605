// The English message id of every IssueCode. Each sentence takes {field} (a translated field label)
// and {detail} (the offending value or a number); translators see both in zh_CN.po.
#include "text/describe.h"
#include "text/text.h"

namespace gl::text {

using core::IssueCode;

namespace {

// Identity documents (GB 11643 and the permits of docs/domain.md §1) and the people they name.
const char* identityMessageId(IssueCode code) {
  switch (code) {
    // xgettext:python-brace-format
    case IssueCode::IdEmpty: return N_("{field} is empty");
    // xgettext:python-brace-format
    case IssueCode::IdBadLength: return N_("{field}: “{detail}” has the wrong length for an identity document");
    // xgettext:python-brace-format
    case IssueCode::IdBadCharacters: return N_("{field}: “{detail}” contains characters an identity number cannot have");
    // xgettext:python-brace-format
    case IssueCode::IdBadChecksum: return N_("{field}: the check digit of “{detail}” is wrong");
    // xgettext:python-brace-format
    case IssueCode::IdBadDate: return N_("{field}: “{detail}” does not contain a real birth date");
    // xgettext:python-brace-format
    case IssueCode::IdFutureDate: return N_("{field}: the birth date in “{detail}” is in the future");
    // xgettext:python-brace-format
    case IssueCode::IdUnknownProvince: return N_("{field}: “{detail}” does not start with a known province code");
    // TRANSLATORS: Excel keeps 15 significant digits, so an 18-digit number typed into a numeric cell loses its end.
    // xgettext:python-brace-format
    case IssueCode::IdStoredAsNumber: return N_("{field}: “{detail}” was stored as a number, last digits lost; set the column to text in the source file and enter the numbers again");
    // xgettext:python-brace-format
    case IssueCode::IdUnknownCounty: return N_("{field}: the region code {detail} is in no edition of GB/T 2260; check the number");
    // xgettext:python-brace-format
    case IssueCode::IdCentenarianSequence: return N_("{field}: “{detail}” is an old 15-digit number with a centenarian sequence; check the birth century");
    // xgettext:python-brace-format
    case IssueCode::IdUnrecognized: return N_("{field}: “{detail}” is not a recognized identity document number");
    // xgettext:python-brace-format
    case IssueCode::IdShapeOnly: return N_("{field}: “{detail}” is accepted by its form only; it has no check digit to verify");
    // xgettext:python-brace-format
    case IssueCode::IdNotResidentNumber: return N_("{field} “{detail}” is not an identity number: it needs 18 digits (or 15 for an old card); other documents go in a 证件号码 column or with a 证件类型");
    // TRANSLATORS: {length} is how many digits the cell holds.
    // xgettext:python-brace-format
    case IssueCode::IdWrongDigitCount: return N_("{field} “{detail}” has {length} digits: an identity number has 18");
    // xgettext:python-brace-format
    case IssueCode::IdWrongDocumentShape: return N_("{field} “{detail}” is not a number of the document type the row gives");
    // TRANSLATORS: {other} is the name the ledger (or an earlier row) has for this number, {name} what this row says.
    // xgettext:python-brace-format
    case IssueCode::IdNameMismatch: return N_("{field} “{detail}” is {other}'s in the ledger; this row says {name} — check the number");
    // TRANSLATORS: {earlier} is the number of an earlier row of the same spreadsheet.
    // xgettext:python-brace-format
    case IssueCode::RecordIdReused: return N_("{field} “{detail}” is {other}'s record, but this row gives another name ({name}) and another number — a row copied for a new person? Clear its record ID");
    // xgettext:python-brace-format
    case IssueCode::PersonUnidentified: return N_("{field}: a person without an identity number needs an address or a household number, or a later import could not find them again");
    // xgettext:python-brace-format
    case IssueCode::IdColumnsDisagree: return N_("{field} “{detail}” is not the number the row's other identity column gives");
    // xgettext:python-brace-format
    case IssueCode::IdNameMismatchInFile: return N_("{field} “{detail}” is {other}'s on row {earlier} of this file; this row says {name} — check the number");
    default: return nullptr;
  }
}

// Phones, dates and temperatures.
const char* valueMessageId(IssueCode code) {
  switch (code) {
    // xgettext:python-brace-format
    case IssueCode::PhoneEmpty: return N_("{field} is empty");
    // xgettext:python-brace-format
    case IssueCode::PhoneBadFormat: return N_("{field}: “{detail}” is not a phone number");
    // xgettext:python-brace-format
    case IssueCode::PhoneBadMobile: return N_("{field}: “{detail}” is not a valid mobile number (11 digits starting with 13 to 19)");
    // xgettext:python-brace-format
    case IssueCode::PhoneBadAreaCode: return N_("{field}: “{detail}” has an unknown area code");
    // xgettext:python-brace-format
    case IssueCode::DateEmpty: return N_("{field} is empty");
    // xgettext:python-brace-format
    case IssueCode::DateBadFormat: return N_("{field}: “{detail}” is not a date");
    // xgettext:python-brace-format
    case IssueCode::DateInvalid: return N_("{field}: “{detail}” is not a real calendar date");
    // xgettext:python-brace-format
    case IssueCode::DateOutOfRange: return N_("{field}: “{detail}” is outside the accepted range of dates");
    // xgettext:python-brace-format
    case IssueCode::TemperatureBadFormat: return N_("{field}: “{detail}” is not a temperature");
    // xgettext:python-brace-format
    case IssueCode::TemperatureOutOfRange: return N_("{field}: {detail} ℃ is outside the plausible range of 34 to 43 ℃");
    default: return nullptr;
  }
}

// Quarantine policies and cases, and the rules of every field.
const char* fieldMessageId(IssueCode code) {
  switch (code) {
    // xgettext:python-brace-format
    case IssueCode::PolicyBadDays: return N_("{field}: the number of days must be between 1 and 60");
    // xgettext:python-brace-format
    case IssueCode::PolicyBadSlots: return N_("{field}: checks per day must be 1, 2 or 3");
    // xgettext:python-brace-format
    case IssueCode::PolicyBadTestDay: return N_("{field}: test day {detail} is outside the period");
    // xgettext:python-brace-format
    case IssueCode::QuarantineEndBeforeStart: return N_("{field}: the end date is before the start date");
    // xgettext:python-brace-format
    case IssueCode::QuarantineBadStatus: return N_("{field}: “{detail}” is not a quarantine status");
    // xgettext:python-brace-format
    case IssueCode::BadText: return N_("{field} contains characters that are not text (a damaged file or a control character)");
    // xgettext:python-brace-format
    case IssueCode::IdContradiction: return N_("{field}: “{detail}” does not match the identity number");
    // xgettext:python-brace-format
    case IssueCode::FieldRequired: return N_("{field} is required");
    // xgettext:python-brace-format
    case IssueCode::FieldTooLong: return N_("{field} is too long (at most {detail} characters)");
    // xgettext:python-brace-format
    case IssueCode::ValueNotAllowed: return N_("{field}: “{detail}” is not an allowed value");
    // xgettext:python-brace-format
    case IssueCode::BadNumber: return N_("{field}: “{detail}” is not a number");
    // xgettext:python-brace-format
    case IssueCode::UnknownColumn: return N_("“{detail}” is not a column of this table");
    // xgettext:python-brace-format
    case IssueCode::ReadOnlyColumn: return N_("{field} cannot be changed this way");
    // xgettext:python-brace-format
    case IssueCode::BadReference: return N_("{field}: no record “{detail}” exists");
    default: return nullptr;
  }
}

}  // namespace

const char* issueMessageId(IssueCode code) {
  for (auto family : {identityMessageId, valueMessageId, fieldMessageId})
    if (const char* id = family(code)) return id;
  return N_("Unknown problem");
}

}  // namespace gl::text
