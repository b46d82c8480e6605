// Internal to gl_db: SQL text and value binding for the data model's tables, built once from
// core/schema so a column is named in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/schema.h"
#include "db/ledger.h"

namespace gl::db {

bool hasRid(core::Table table);  // tables with an explicit rowid the search index points at
std::string selectColumns(const core::TableSpec& spec);  // "id, c1, …, deleted[, rid]"
void bindValue(SQLite::Statement& st, int index, const core::ColumnSpec& column, const core::Value& value);
// The same without copying text: `value` must outlive the statement's execution.
void bindValueNoCopy(SQLite::Statement& st, int index, const core::ColumnSpec& column, const core::Value& value);
core::Value readValue(const SQLite::Column& column);
// A column's text, or "" for NULL.
std::string textOf(SQLite::Statement& st, int index);
// Reads a row selected with selectColumns(); `rid` receives the rowid where the table has one.
Row readRow(SQLite::Statement& st, const core::TableSpec& spec, std::int64_t* rid = nullptr);
using core::findCell;  // core/schema.h
using core::setCell;

}  // namespace gl::db
