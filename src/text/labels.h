// Translated labels for the data model's column names and stored codes ("home" → 居家隔离), so that
// messages, screens and paper never show a raw database word.
#pragma once

#include <string>
#include <string_view>

namespace gl::text {

std::string fieldLabel(std::string_view column);  // "id_number" → 身份证件号码; unknown names returned as they are
// The same, for a column of a known table: "name" is a person's 姓名 but a grid's or campaign's 名称.
std::string fieldLabel(std::string_view table, std::string_view column);
std::string codeLabel(std::string_view code);     // "home" → 居家隔离; unknown codes returned as they are
std::string tableLabel(std::string_view table);   // "resident" → 居民

}  // namespace gl::text
