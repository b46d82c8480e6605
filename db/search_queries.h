// Finding people and households by name, initials, pinyin, id digits, phone, household number or
// address (docs/data-model.md, the search index).
#pragma once

#include <string_view>
#include <vector>

#include "db/query.h"

namespace gl::db {

class SearchQueries : public Query {
 public:
  SearchQueries(const Ledger& ledger, core::Scope scope) : Query(ledger, std::move(scope)) {}

  std::vector<SearchHit> find(std::string_view query, int limit = 20) const;
};

}  // namespace gl::db
