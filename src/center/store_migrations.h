// The data center's store schema as numbered migrations (src/center/migrations/NNNN_name.sql),
// embedded at build time and applied by the shared runner (src/sqlite/migrate.h).
#pragma once

#include <vector>

#include "sqlite/migrate.h"

namespace gl::center {

const std::vector<sqlite::Migration>& storeMigrations();

}  // namespace gl::center
