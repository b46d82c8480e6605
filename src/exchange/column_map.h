// Which roster column is which field: headers are matched by the words of real rosters
// (exchange/column_words.cpp, docs/import.md "Which column is which"), tolerantly — full-width
// and half-width alike, spaces ignored, units in brackets dropped (体温（℃）), 时间 and 日期 alike,
// common misspellings (途径 for 途经). Columns the product must not collect (religion, political
// status, QQ/WeChat, vaccination) are recognized so that they are never imported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gl::exchange {

// What a roster column can hold. The names (fieldName) are what `--map 列名=field` takes.
enum class ImportField {
  Ignore,     // a sequence number, an age: read and dropped without a word
  Sensitive,  // not needed and not to be collected (PIPL minimisation): never imported
  Name,
  Sex,
  IdType,
  IdNumber,
  BirthDate,
  Phone,
  Ethnicity,
  Relation,
  Residence,
  Address,
  HouseholdNo,
  Building,  // a building alone, or building-unit-room in one cell ("3-2-301")
  Unit,
  Room,
  HouseNumber,  // a rural house number (幸福路12号): part of the address
  CareFlags,    // care groups, several to a cell (独居老人、慢性病)
  Grid,
  QuarantineKind,
  Reason,
  SourcePlace,
  ArrivedOn,
  StartOn,
  PlannedEndOn,
  Place,
  Status,
  VisitedOn,
  Temperature,
  Symptoms,
  HealthCode,
  Travel,
  Notes,
  // This program's own export: the record's id, and its household's ("id", "household" columns).
  RecordId,
  HouseholdRef,
};

// "id_number", "start_on"…; "ignore" and "sensitive" for the two special ones. fieldByName also
// takes the older name "kind" for "quarantine_kind".
std::string_view fieldName(ImportField field);
std::optional<ImportField> fieldByName(std::string_view name);
// Every field a user can map a column to, in a sensible order for a list.
const std::vector<ImportField>& mappableFields();

// A header as compared: width-folded, lower-case ASCII, no spaces, unit brackets dropped, 时间 → 日期,
// misspellings corrected.
std::string normalizeHeader(std::string_view header);

// The field a header names, or nullopt when the dictionary does not know it. A header that is a
// field's own name (an export of this program: "id_number", "start_on") names that field.
std::optional<ImportField> fieldForHeader(std::string_view header);

// A cell's value mapped onto the ledger's code for a code field ("居家隔离" → "home", "绿码" →
// "green", "男"/"M"/"1" → "male"); nullopt when the value is not one the dictionary knows. Values
// that are already codes ("home") are returned as they are.
std::optional<std::string> codeForValue(ImportField field, std::string_view value);

// A care-groups cell as codes: items split on 、,，/ ; and spaces, each mapped by codeForValue; words
// that mean "none" (无, 否) give no code. `unknown` gets the first item that names no group.
std::vector<std::string> careFlagsOf(std::string_view value, std::string& unknown);

// Whether a header names resident identity numbers only (身份证号, 公民身份号码) rather than any
// document (证件号码, 身份证件号码).
bool isResidentIdHeader(std::string_view header);

}  // namespace gl::exchange
