#include "center/accounts.h"

#include <chrono>
#include <regex>

#include "center/password_rules.h"
#include "center/secrets.h"
#include "core/error.h"
#include "core/role.h"
#include "core/scope.h"

namespace gl::center {

namespace {
std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
}  // namespace

void checkScope(const std::string& county, const std::vector<std::string>& scope) {
  static const std::regex shape(R"(\d{6}|\d{9}|\d{12}|\d{12}-\d{1,4})");
  if (scope.empty()) throw Error(Error::Kind::BadInput, N_("An account needs a scope (region or grid codes)"));
  for (const auto& code : scope)
    if (!std::regex_match(code, shape) || code.compare(0, county.size(), county) != 0)
      throw Error(Error::Kind::BadInput,
                  N_("“{code}” is not a region code (6, 9 or 12 digits) or grid code (“370322001001-3”) of county {county}"),
                  {{"code", code}, {"county", county}});
}

Account Accounts::put(const std::string& name, std::string_view role, std::string_view scope,
                      const std::string& password, std::string_view passwordFrom) {
  auto known = core::roleFromCode(role);
  if (!known)
    throw Error(Error::Kind::BadInput, N_("“{role}” is not a role: grid_worker, grid_leader, township_officer or county_admin"),
                {{"role", std::string(role)}});
  if (name.empty()) throw Error(Error::Kind::BadInput, N_("An account needs a name"));
  Account a;
  a.name = name;
  a.role = *known;
  a.scope = core::splitCodes(scope);
  checkScope(store_.county(), a.scope);
  checkPassword(password, name, passwordFrom);
  a.passwordHash = hashPassword(password);
  a.passwordSetMs = nowMs();
  store_.putAccount(a);
  return a;
}

void Accounts::setDisabled(const std::string& name, bool disabled) {
  if (!store_.setDisabled(name, disabled))
    throw Error(Error::Kind::BadInput, N_("There is no account {name}"), {{"name", name}});
}

Account Accounts::setPassword(const std::string& name, const std::string& password, std::string_view passwordFrom) {
  auto a = store_.account(name);
  if (!a) throw Error(Error::Kind::BadInput, N_("There is no account {name}"), {{"name", name}});
  checkPassword(password, name, passwordFrom);
  a->passwordHash = hashPassword(password);
  a->passwordSetMs = nowMs();
  store_.putAccount(*a);
  return *a;
}

}  // namespace gl::center
