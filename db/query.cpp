#include "db/query.h"

namespace gl::db {

Query::Query(const Ledger& ledger, core::Scope scope)
    : ledger_(ledger), state_(ledger.state_.get()), scope_(std::move(scope)) {}

}  // namespace gl::db
