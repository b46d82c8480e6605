// What an account is (docs/privacy.md §2): the roles of the data center's accounts, as stored and sent
// ("grid_worker" …) and as the code decides by them. A role the program does not know counts as the
// least one (a grid worker), never as more.
#pragma once

#include <optional>
#include <string_view>

namespace gl::core {

enum class Role { GridWorker, GridLeader, TownshipOfficer, CountyAdmin };

// "grid_worker" → Role::GridWorker …; nothing for any other text.
std::optional<Role> roleFromCode(std::string_view code);
// The stored and sent form of a role.
std::string_view roleCode(Role role);
// The role of a stored or received code; an unknown or empty one is a grid worker's (least privilege).
Role roleOrLeast(std::string_view code);

// Grid leaders and above see duplicate pairs and conflicts in their scope, and settle them.
constexpr bool settlesProblems(Role role) { return role != Role::GridWorker; }

}  // namespace gl::core
