// What every query class of the ledger is (docs/architecture.md §2): reads of one subject — the tree,
// households, quarantine cases, visits, rosters, figures, search — through an open Ledger, for one
// reader's scope. There is no constructor without a scope, so a read that cannot say whose view it
// is does not compile. Until accounts exist on the client, Ledger::readerScope() is the whole county;
// the queries keep the scope they were given for the rows they return to be checked against it.
#pragma once

#include "core/scope.h"
#include "db/ledger.h"

namespace gl::db {

class Query {
 public:
  const core::Scope& scope() const { return scope_; }

 protected:
  Query(const Ledger& ledger, core::Scope scope);
  ~Query() = default;
  Query(const Query&) = default;

  const Ledger& ledger_;
  LedgerState* state_;  // the ledger's; named as Ledger names it, so a read moves here unchanged

 private:
  core::Scope scope_;
};

}  // namespace gl::db
