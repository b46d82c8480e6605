#include "sync/wire_cells.h"

#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "core/utf8.h"

namespace gl::sync::wire {

using nlohmann::json;

void malformed(std::string_view what) {
  throw Error(Error::Kind::BadInput, N_("The sync message is malformed: {what}"), {{"what", std::string(what)}});
}

namespace {

void appendString(std::string& out, std::string_view s) {
  // The ledger holds UTF-8 only; anything else is a bug here, not bad input from the other side.
  if (!core::utf8::isValid(s))
    throw Error(Error::Kind::Internal, N_("The sync message is malformed: {what}"), {{"what", "text that is not UTF-8"}});
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", ch);
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

void appendValue(std::string& out, const core::Value& v) {
  if (v) appendString(out, *v);
  else out += "null";
}

void appendHlc(std::string& out, core::Hlc h) {
  if (h == core::Hlc{}) out += "null";
  else appendString(out, h.text());
}

void appendGroups(std::string& out, const std::vector<core::SyncCell>& cells, bool withSite, bool withBase) {
  out += '[';
  const core::SyncCell* head = nullptr;
  std::vector<const std::string*> columns;  // of the open group
  auto close = [&] {
    if (head) out += "}}";
  };
  for (const auto& c : cells) {
    bool repeated = false;
    for (const auto* col : columns) repeated |= *col == c.column;
    if (!head || c.row != head->row || c.table != head->table || c.hlc != head->hlc || c.site != head->site ||
        c.base != head->base || repeated) {
      close();
      if (head) out += ',';
      out += "{\"t\":";
      appendString(out, core::tableSpec(c.table).name);
      out += ",\"id\":";
      appendString(out, c.row);
      out += ",\"hlc\":";
      appendString(out, c.hlc.text());
      if (withSite) {
        out += ",\"site\":";
        appendString(out, c.site);
      }
      if (withBase) {
        out += ",\"base\":";
        appendHlc(out, c.base);
      }
      out += ",\"cells\":{";
      head = &c;
      columns.clear();
    } else {
      out += ',';
    }
    columns.push_back(&c.column);
    appendString(out, c.column);
    out += ':';
    appendValue(out, c.value);
  }
  close();
  out += ']';
}

core::Hlc clockOf(const std::optional<std::string>& text, const char* name) {
  if (!text) return {};
  auto h = core::Hlc::parse(*text);
  if (!h) malformed(fmt::format("\"{}\" is not a clock", name));
  return *h;
}

// nlohmann-json's SAX interface: the named lists become cells as they are read, the rest a tree.
class Reader {
 public:
  Reader(const std::map<std::string, std::vector<core::SyncCell>*>& lists, bool withSite)
      : lists_(lists), withSite_(withSite) {}

  json take() {
    for (const auto& [key, list] : lists_)
      if (!seen_.count(key)) malformed(fmt::format("no \"{}\"", key));
    return std::move(root_);
  }

  bool null() { return skip_ || (target_ ? cellValue(std::nullopt) : place(json(nullptr))); }
  bool string(json::string_t& v) { return skip_ || (target_ ? cellValue(std::move(v)) : place(json(std::move(v)))); }
  bool boolean(bool v) { return other(json(v)); }
  bool number_integer(json::number_integer_t v) { return other(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return other(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t&) { return other(json(v)); }
  bool binary(json::binary_t&) { return other(json()); }

  bool start_object(std::size_t) {
    if (skip_) return ++skip_, true;
    if (!target_) return open(json::object());
    if (depth_ == 2 && !known(groupKey_)) {
      skip_ = 1;
    } else if (depth_ == 1) {
      depth_ = 2;
      group_ = Group{};
    } else if (depth_ == 2 && groupKey_ == "cells") {
      if (group_.hasCells) malformed("\"cells\" twice in a change");
      depth_ = 3;
      group_.hasCells = true;
    } else {
      notAList();
    }
    return true;
  }
  bool end_object() {
    if (skip_) return --skip_, true;
    if (!target_) {
      stack_.pop_back();
    } else if (depth_ == 3) {
      depth_ = 2;
    } else {
      finishGroup();
      depth_ = 1;
    }
    return true;
  }
  bool start_array(std::size_t) {
    if (skip_) return ++skip_, true;
    if (!target_) return open(json::array());
    if (depth_ == 2 && !known(groupKey_)) skip_ = 1;
    else if (depth_ != 0) notAList();
    else depth_ = 1;
    return true;
  }
  bool end_array() {
    if (skip_) return --skip_, true;
    if (!target_) {
      stack_.pop_back();
    } else {
      target_ = nullptr;
      depth_ = 0;
    }
    return true;
  }
  bool key(json::string_t& k) {
    if (skip_) return true;
    if (target_) {
      (depth_ == 2 ? groupKey_ : column_) = std::move(k);
    } else if (auto it = lists_.find(k); stack_.size() == 1 && it != lists_.end()) {
      if (!seen_.insert(k).second) malformed(fmt::format("\"{}\" twice", k));
      target_ = it->second;
    } else {
      key_ = std::move(k);
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    malformed("not a JSON object");
  }

 private:
  struct Group {
    std::optional<std::string> table, id, hlc, site, base;
    bool hasTable = false, hasId = false, hasHlc = false, hasSite = false, hasBase = false, hasCells = false;
    std::vector<std::pair<std::string, core::Value>> cells;
  };

  [[noreturn]] static void notAList() { malformed("a list of changes is not a list of change objects"); }

  // A field of a change that this version does not know is skipped, whatever it holds: a newer
  // data center may send more.
  static bool known(const std::string& key) {
    return key == "t" || key == "id" || key == "hlc" || key == "site" || key == "base" || key == "cells";
  }

  bool other(json value) {
    if (skip_) return true;
    if (!target_) return place(std::move(value));
    if (depth_ == 2 && !known(groupKey_)) return true;
    malformed(depth_ == 3 ? "a value is neither text nor null" : "a change field is neither text nor null");
  }

  // Text or null inside a cell list: a cell's value, or a field of its group.
  bool cellValue(core::Value text) {
    if (depth_ == 3) {
      // A column named twice in one change: the last value counts, as in any JSON reader.
      for (auto& [column, value] : group_.cells)
        if (column == column_) return value = std::move(text), true;
      group_.cells.emplace_back(std::move(column_), std::move(text));
      return true;
    }
    if (depth_ != 2) notAList();
    auto set = [&](std::optional<std::string>& field, bool& has) {
      field = std::move(text);
      has = true;
    };
    if (groupKey_ == "t") set(group_.table, group_.hasTable);
    else if (groupKey_ == "id") set(group_.id, group_.hasId);
    else if (groupKey_ == "hlc") set(group_.hlc, group_.hasHlc);
    else if (groupKey_ == "site") set(group_.site, group_.hasSite);
    else if (groupKey_ == "base") set(group_.base, group_.hasBase);
    else if (groupKey_ == "cells") malformed("\"cells\" is not an object");
    return true;
  }

  void finishGroup() {
    auto& g = group_;
    if (!g.hasTable || !g.table) malformed(g.hasTable ? "\"t\" is not text" : "no \"t\"");
    const auto* spec = core::findTable(*g.table);
    if (!spec) malformed("unknown table \"" + *g.table + "\"");
    if (!g.hasId || !g.id) malformed(g.hasId ? "\"id\" is not text" : "no \"id\"");
    if (g.id->empty() || g.id->size() > 64) malformed("a row id is empty or too long");
    if (!g.hasHlc) malformed("no \"hlc\"");
    if (withSite_ && (!g.hasSite || !g.site)) malformed(g.hasSite ? "\"site\" is not text" : "no \"site\"");
    if (!g.hasCells) malformed("no \"cells\"");
    core::SyncCell c;
    c.table = spec->table;
    c.row = std::move(*g.id);
    c.hlc = clockOf(g.hlc, "hlc");
    if (withSite_) c.site = std::move(*g.site);
    if (g.hasBase) c.base = clockOf(g.base, "base");
    for (auto& [column, value] : g.cells) {
      c.column = std::move(column);
      c.value = std::move(value);
      target_->push_back(c);
    }
  }

  bool open(json container) {
    if (stack_.empty()) {
      if (!container.is_object()) malformed("not a JSON object");
      root_ = std::move(container);
      stack_.push_back(&root_);
      return true;
    }
    json& parent = *stack_.back();
    json* inner = parent.is_object() ? &(parent[key_] = std::move(container)) : &parent.emplace_back(std::move(container));
    stack_.push_back(inner);
    return true;
  }

  bool place(json value) {
    if (stack_.empty()) malformed("not a JSON object");
    json& parent = *stack_.back();
    if (parent.is_object()) parent[key_] = std::move(value);
    else parent.push_back(std::move(value));
    return true;
  }

  const std::map<std::string, std::vector<core::SyncCell>*>& lists_;
  bool withSite_;
  std::set<std::string> seen_;
  json root_;
  std::vector<json*> stack_;
  std::string key_;
  std::vector<core::SyncCell>* target_ = nullptr;  // the cell list being read
  int depth_ = 0;  // in a cell list: 0 before its array, 1 in it, 2 in a group, 3 in a group's cells
  int skip_ = 0;   // nesting inside an unknown field's object or array, which is skipped
  std::string groupKey_, column_;
  Group group_;
};

}  // namespace

std::string objectWithCells(const json& rest, const std::vector<CellList>& lists, bool withSite, bool withBase) {
  std::string out = "{";
  for (const auto& list : lists) {
    if (out.size() > 1) out += ',';
    appendString(out, list.key);
    out += ':';
    appendGroups(out, *list.cells, withSite, withBase);
  }
  std::string tail = rest.dump();
  if (tail.size() > 2) {
    if (out.size() > 1) out += ',';
    out.append(tail, 1, tail.size() - 2);
  }
  out += '}';
  return out;
}

json parseWithCells(std::string_view body, const std::map<std::string, std::vector<core::SyncCell>*>& lists,
                    bool withSite) {
  Reader reader(lists, withSite);
  json::sax_parse(body, &reader);
  return reader.take();
}

}  // namespace gl::sync::wire
