#include "text/describe.h"

#include <fmt/args.h>

#include "text/labels.h"
#include "text/text.h"

namespace gl::text {

std::string describe(const gl::Error& error) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  // By convention an argument named "table" or "field" holds a data-model name (resident,
  // id_number): the user sees its label in their language.
  std::string_view table;
  for (const auto& a : error.args())
    if (a.name == "table") table = a.value;
  std::vector<std::string> values;
  values.reserve(error.args().size());
  for (const auto& a : error.args())
    values.push_back(a.name == "table"   ? tableLabel(a.value)
                     : a.name == "field" ? fieldLabel(table, a.value)
                                         : a.value);
  for (std::size_t i = 0; i < values.size(); ++i) store.push_back(fmt::arg(error.args()[i].name.c_str(), values[i]));
  std::string translated = tr(error.msgid());
  try {
    return fmt::vformat(translated, store);
  } catch (const fmt::format_error&) {
    std::vector<MessageArg> english;
    for (std::size_t i = 0; i < values.size(); ++i) english.push_back({error.args()[i].name, values[i]});
    return formatNamed(error.msgid(), english);
  }
}

std::string describe(std::exception_ptr error) {
  try {
    if (error) std::rethrow_exception(error);
    return {};
  } catch (const gl::Error& e) {
    return describe(e);
  } catch (const std::bad_alloc&) {
    return tr(N_("Out of memory"));
  } catch (const std::exception& e) {
    // xgettext:python-brace-format
    return format(N_("Internal error: {detail}"), fmt::arg("detail", e.what()));
  }
}

std::string describe(const core::Issue& issue, std::string_view table) {
  std::string field = table.empty() ? fieldLabel(issue.field) : fieldLabel(table, issue.field);
  std::string message = format(issueMessageId(issue.code), fmt::arg("field", field), fmt::arg("detail", issue.detail));
  if (issue.row > 0 && issue.column > 0)
    // xgettext:python-brace-format
    return format(N_("Row {row}, column {column}: {message}"), fmt::arg("row", issue.row),
                  fmt::arg("column", issue.column), fmt::arg("message", message));
  if (issue.row > 0)
    // xgettext:python-brace-format
    return format(N_("Row {row}: {message}"), fmt::arg("row", issue.row), fmt::arg("message", message));
  return message;
}

}  // namespace gl::text
