// The data center's account rules (docs/security.md): what a valid account is — a known role, a scope
// of the county's region or grid codes, a password that passes password_rules.h kept as an Argon2id hash —
// applied by `gridcenter user add` and anything else that writes accounts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "center/center_store.h"

namespace gl::center {

// Refuses a scope that is empty or names a code not of `county` (BadInput, naming the code).
void checkScope(const std::string& county, const std::vector<std::string>& scope);

class Accounts {
 public:
  explicit Accounts(CenterStore& store) : store_(store) {}

  // Adds the account `name`, or changes its role, scope and password (which signs its tokens out).
  // `role` is a role code (grid_worker …), `scope` codes separated by commas; `passwordFrom` names where
  // the password came from (a file) in the message that refuses a short one. Throws BadInput naming
  // what is wrong; nothing is written then.
  Account put(const std::string& name, std::string_view role, std::string_view scope, const std::string& password,
              std::string_view passwordFrom);
  // A new password for an existing account (its expiry starts again; its tokens are signed out).
  // Throws BadInput for an unknown name or a password the rules refuse.
  Account setPassword(const std::string& name, const std::string& password, std::string_view passwordFrom);
  // Disables an account (its devices are signed out at once) or enables it again; BadInput when
  // there is no such account.
  void setDisabled(const std::string& name, bool disabled);

 private:
  CenterStore& store_;
};

}  // namespace gl::center
