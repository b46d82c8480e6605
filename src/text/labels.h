// Translated labels for the data model's column names and stored codes ("home" → 居家隔离), so that
// messages, screens and paper never show a raw database word.
#pragma once

#include <string>
#include <string_view>

namespace gl::text {

// "id_number" → 证件号码, "quarantine.kind" → 隔离类型; unknown names returned as they are.
std::string fieldLabel(std::string_view column);
// The same, for a column of a known table: "name" is a person's 姓名 but a grid's or campaign's 名称.
std::string fieldLabel(std::string_view table, std::string_view column);
std::string codeLabel(std::string_view code);     // "home" → 居家隔离; unknown codes returned as they are
std::string tableLabel(std::string_view table);   // "resident" → 居民

}  // namespace gl::text
