#include "db/internal/row_io.h"

#include <algorithm>
#include <charconv>

namespace gl::db {

bool hasRid(core::Table t) { return t == core::Table::Household || t == core::Table::Resident; }

std::string selectColumns(const core::TableSpec& spec) {
  std::string sql = "id";
  for (const auto& c : spec.columns) sql.append(", ").append(c.name);
  sql += ", deleted";
  if (hasRid(spec.table)) sql += ", rid";
  return sql;
}

namespace {
// Locale-free: a comma-decimal locale must not turn 36.5 into 36.
double parseDouble(const std::string& text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}
}  // namespace

void bindValue(SQLite::Statement& st, int index, const core::ColumnSpec& column, const core::Value& value) {
  if (!value) {
    st.bind(index);
    return;
  }
  switch (column.type) {
    case core::ColumnType::Integer:
      st.bind(index, static_cast<std::int64_t>(std::stoll(*value)));
      break;
    case core::ColumnType::Real:
    case core::ColumnType::Temperature:
      st.bind(index, parseDouble(*value));
      break;
    default:
      st.bind(index, *value);
  }
}

void bindValueNoCopy(SQLite::Statement& st, int index, const core::ColumnSpec& column, const core::Value& value) {
  if (!value || column.type == core::ColumnType::Integer || column.type == core::ColumnType::Real ||
      column.type == core::ColumnType::Temperature)
    return bindValue(st, index, column, value);
  st.bindNoCopy(index, *value);
}

core::Value readValue(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::string textOf(SQLite::Statement& st, int index) {
  auto column = st.getColumn(index);
  return column.isNull() ? std::string() : column.getString();
}

Row readRow(SQLite::Statement& st, const core::TableSpec& spec, std::int64_t* rid) {
  Row row;
  row.id = st.getColumn(0).getString();
  int i = 1;
  row.cells.reserve(spec.columns.size());
  for (const auto& c : spec.columns) row.cells.push_back({std::string(c.name), readValue(st.getColumn(i++))});
  row.deleted = st.getColumn(i++).getInt() != 0;
  if (rid && hasRid(spec.table)) *rid = st.getColumn(i).getInt64();
  return row;
}

}  // namespace gl::db
