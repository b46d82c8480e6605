#include "text/clock_text.h"

#include "text/text.h"

namespace gl::text {

namespace {

std::string amount(std::int64_t ms) {
  const std::int64_t minutes = ms / 60000, hours = minutes / 60, days = hours / 24;
  // xgettext:python-brace-format
  if (days > 0) return format(N_("{days} d {hours} h"), fmt::arg("days", days), fmt::arg("hours", hours % 24));
  // xgettext:python-brace-format
  if (hours > 0) return format(N_("{hours} h {minutes} min"), fmt::arg("hours", hours), fmt::arg("minutes", minutes % 60));
  // xgettext:python-brace-format
  return format(N_("{minutes} min"), fmt::arg("minutes", minutes));
}

}  // namespace

std::string clockWarning(std::int64_t offsetMs) {
  const std::int64_t off = offsetMs < 0 ? -offsetMs : offsetMs;
  if (off < 60000) return {};
  if (offsetMs < 0)
    // xgettext:python-brace-format
    return format(N_("This computer's clock is {amount} ahead of the data center's: please set it right. Until "
                     "then edits are stamped by the data center's clock."),
                  fmt::arg("amount", amount(off)));
  // xgettext:python-brace-format
  return format(N_("This computer's clock is {amount} behind the data center's: please set it right. Until then "
                   "edits are stamped by the data center's clock."),
                fmt::arg("amount", amount(off)));
}

}  // namespace gl::text
