#include "text/describe.h"

#include <fmt/args.h>

#include "text/labels.h"
#include "text/text.h"

namespace gl::text {

namespace {

// Formats a message id with named values, translated; the English id when a translation's
// placeholders do not match.
std::string formatArgs(const char* msgid, const std::vector<MessageArg>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(fmt::arg(a.name.c_str(), a.value));
  try {
    return fmt::vformat(tr(msgid), store);
  } catch (const fmt::format_error&) {
    return formatNamed(msgid, args);
  }
}

}  // namespace

std::string describe(const gl::Error& error) {
  // By convention an argument named "table" or "field" holds a data-model name (resident,
  // id_number): the user sees its label in their language.
  std::string_view table;
  for (const auto& a : error.args())
    if (a.name == "table") table = a.value;
  std::vector<MessageArg> args;
  args.reserve(error.args().size());
  for (const auto& a : error.args())
    args.push_back({a.name, a.name == "table"   ? tableLabel(a.value)
                            : a.name == "field" ? fieldLabel(table, a.value)
                                                : a.value});
  return formatArgs(error.msgid().c_str(), args);
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
  std::string field = !issue.heading.empty() ? issue.heading
                      : table.empty()        ? fieldLabel(issue.field)
                                             : fieldLabel(table, issue.field);
  std::size_t digits = 0;
  for (char c : issue.detail) digits += c >= '0' && c <= '9';
  std::vector<MessageArg> args{{"field", field}, {"detail", issue.detail}, {"length", std::to_string(digits)}};
  args.insert(args.end(), issue.args.begin(), issue.args.end());
  std::string message = formatArgs(issueMessageId(issue.code), args);
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
