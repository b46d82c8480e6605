#include "center/password_rules.h"

#include <pwquality.h>

#include <memory>
#include <vector>

#include "core/error.h"

namespace gl::center {

namespace {

struct FreeSettings {
  void operator()(pwquality_settings_t* s) const { pwquality_free_settings(s); }
};

std::unique_ptr<pwquality_settings_t, FreeSettings> settings() {
  std::unique_ptr<pwquality_settings_t, FreeSettings> s(pwquality_default_settings());
  if (!s) throw Error(Error::Kind::Environment, N_("The password checker (libpwquality) cannot start"));
  // Our rules, whatever /etc/security/pwquality.conf says: lengths are real lengths (no credits).
  pwquality_set_int_value(s.get(), PWQ_SETTING_MIN_LENGTH, kPasswordMinLength);
  pwquality_set_int_value(s.get(), PWQ_SETTING_MIN_CLASS, kPasswordMinClasses);
  for (int credit : {PWQ_SETTING_DIG_CREDIT, PWQ_SETTING_UP_CREDIT, PWQ_SETTING_LOW_CREDIT, PWQ_SETTING_OTH_CREDIT})
    pwquality_set_int_value(s.get(), credit, 0);
  pwquality_set_int_value(s.get(), PWQ_SETTING_DICT_CHECK, 1);
  pwquality_set_int_value(s.get(), PWQ_SETTING_USER_CHECK, 1);
  pwquality_set_int_value(s.get(), PWQ_SETTING_GECOS_CHECK, 0);
  return s;
}

}  // namespace

void checkPassword(const std::string& password, const std::string& account, std::string_view from) {
  auto s = settings();
  void* aux = nullptr;
  int score = pwquality_check(s.get(), password.c_str(), nullptr, account.c_str(), &aux);
  if (score >= 0) return;
  std::vector<MessageArg> args{{"path", std::string(from)}, {"name", account}};
  const char* msgid = N_("The password in {path} is too weak: {reason}");
  switch (score) {
    case PWQ_ERROR_MIN_LENGTH: msgid = N_("The password in {path} is shorter than 10 characters"); break;
    case PWQ_ERROR_MIN_CLASSES:
      msgid = N_("The password in {path} needs three of: lower-case letters, capitals, digits, other characters");
      break;
    case PWQ_ERROR_USER_CHECK: msgid = N_("The password in {path} contains the account name {name}"); break;
    case PWQ_ERROR_CRACKLIB_CHECK:
      msgid = N_("The password in {path} is a dictionary word or a common password ({reason})");
      break;
    default: break;
  }
  char reason[PWQ_MAX_ERROR_MESSAGE_LEN];
  args.push_back({"reason", pwquality_strerror(reason, sizeof reason, score, aux)});
  throw Error(Error::Kind::BadInput, msgid, std::move(args));
}

}  // namespace gl::center
