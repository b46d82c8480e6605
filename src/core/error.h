// The one exception type of the project (docs/style.md §3). Every throw carries an English message id
// with named arguments, so each edge (window, gridctl, gridcenter) translates it in one place.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace gl {

struct MessageArg {
  std::string name;
  std::string value;
};

class Error : public std::runtime_error {
 public:
  // BadInput: the user or the file is wrong. Environment: disk, permission, network (retryable).
  // Rejected: a policy or the server said no (not retryable). Internal: a bug.
  enum class Kind { BadInput, Environment, Rejected, Internal };

  // `msgid` is an English fmt string with named placeholders, marked N_() at the throw site.
  // `context` names the file, row, record id or URL the failure is about.
  Error(Kind kind, std::string msgid, std::vector<MessageArg> args = {}, std::string context = {});

  Kind kind() const { return kind_; }
  const std::string& msgid() const { return msgid_; }
  const std::vector<MessageArg>& args() const { return args_; }
  const std::string& context() const { return context_; }
  bool retryable() const { return kind_ == Kind::Environment; }

 private:
  Kind kind_;
  std::string msgid_;
  std::vector<MessageArg> args_;
  std::string context_;
};

// Formats `pattern` with named arguments ({row}, {field}); the English text when no translation applies.
// Unknown placeholders are left as they are rather than throwing.
std::string formatNamed(const std::string& pattern, const std::vector<MessageArg>& args);

}  // namespace gl

// Marks a message id for xgettext without translating it here (translation happens at the edge).
#ifndef N_
#define N_(s) s
#endif
