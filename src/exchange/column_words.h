// The words of real rosters (internal to the importer): headers that name each field, and cell
// values that name each code. Verbatim headers and values seen in 2020–2022 rosters and household
// registers, suggested variants, and the labels of this program's own exports in both languages
// (docs/import.md "Which column is which"). Matching is tolerant: both sides go through
// normalizeHeader (headers) or width folding and lower case (values).
#pragma once

#include <span>
#include <string_view>

#include "exchange/column_map.h"

namespace gl::exchange {

struct HeaderWord {
  std::string_view header;
  ImportField field;
};

struct ValueWord {
  ImportField field;
  std::string_view value;
  std::string_view code;
};

std::span<const HeaderWord> headerWords();
std::span<const ValueWord> valueWords();

}  // namespace gl::exchange
