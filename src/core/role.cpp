#include "core/role.h"

#include "core/schema.h"

namespace gl::core {

namespace {
// In the order of the enum; the codes are the schema's (codes::kWorkerRole).
constexpr Role kRoles[] = {Role::GridWorker, Role::GridLeader, Role::TownshipOfficer, Role::CountyAdmin};
static_assert(std::size(kRoles) == std::size(codes::kWorkerRole));
}  // namespace

std::optional<Role> roleFromCode(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kRoles); ++i)
    if (codes::kWorkerRole[i] == code) return kRoles[i];
  return std::nullopt;
}

std::string_view roleCode(Role role) { return codes::kWorkerRole[static_cast<std::size_t>(role)]; }

Role roleOrLeast(std::string_view code) { return roleFromCode(code).value_or(Role::GridWorker); }

}  // namespace gl::core
