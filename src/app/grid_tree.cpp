#include "app/grid_tree.h"
#include "db/tree_queries.h"

namespace gl::app {

namespace {

enum class NodeKind { Region, Grid, Building };

struct Node : wxTreeItemData {
  Node(NodeKind k, std::string i, std::string g = {}, std::string b = {})
      : kind(k), id(std::move(i)), gridId(std::move(g)), building(std::move(b)) {}
  NodeKind kind;
  std::string id;
  std::string gridId;
  std::string building;
  bool loaded = false;
};

wxString buildingLabel(const std::string& building, std::int64_t households) {
  // TRANSLATORS: a building in the grid tree; %s is its number, %lld its households
  if (building.empty()) return wxString::Format(_("Houses without a building (%lld)"), static_cast<long long>(households));
  return wxString::Format(_("Building %s (%lld)"), wxString::FromUTF8(building), static_cast<long long>(households));
}

}  // namespace

GridTree::GridTree(wxWindow* parent, db::Ledger& ledger)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_LINES_AT_ROOT),
      ledger_(ledger) {
  Bind(wxEVT_TREE_ITEM_EXPANDING, [this](wxTreeEvent& e) { loadChildren(e.GetItem()); });
  Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
    auto* node = static_cast<Node*>(GetItemData(e.GetItem()));
    if (!node || !select_) return;
    db::HouseholdFilter filter;
    if (node->kind == NodeKind::Grid) filter.gridId = node->id;
    if (node->kind == NodeKind::Building) {
      filter.gridId = node->gridId;
      filter.building = node->building;
    }
    if (node->kind != NodeKind::Region) select_(filter);
  });
  reload();
}

void GridTree::reload() {
  DeleteAllItems();
  wxTreeItemId root = AddRoot("root");
  for (const auto& region : db::TreeQueries(ledger_, ledger_.readerScope()).childRegions("")) {
    auto item = AppendItem(root, wxString::FromUTF8(region.name), -1, -1, new Node(NodeKind::Region, region.id));
    SetItemHasChildren(item, true);
  }
  wxTreeItemIdValue cookie;
  auto first = GetFirstChild(root, cookie);
  if (first.IsOk()) Expand(first);
}

void GridTree::loadChildren(const wxTreeItemId& item) {
  auto* node = static_cast<Node*>(GetItemData(item));
  if (!node || node->loaded) return;
  node->loaded = true;
  bool any = false;
  if (node->kind == NodeKind::Region) {
    for (const auto& child : db::TreeQueries(ledger_, ledger_.readerScope()).childRegions(node->id)) {
      auto c = AppendItem(item, wxString::FromUTF8(child.name), -1, -1, new Node(NodeKind::Region, child.id));
      SetItemHasChildren(c, true);
      any = true;
    }
    for (const auto& grid : db::TreeQueries(ledger_, ledger_.readerScope()).gridsOf(node->id)) {
      wxString label = wxString::Format("%s (%lld)", wxString::FromUTF8(grid.name), static_cast<long long>(grid.households));
      auto c = AppendItem(item, label, -1, -1, new Node(NodeKind::Grid, grid.id, grid.id));
      SetItemHasChildren(c, grid.households > 0);
      any = true;
    }
  } else if (node->kind == NodeKind::Grid) {
    for (const auto& b : db::TreeQueries(ledger_, ledger_.readerScope()).buildingsOf(node->id)) {
      AppendItem(item, buildingLabel(b.building, b.households), -1, -1, new Node(NodeKind::Building, {}, node->id, b.building));
      any = true;
    }
  }
  if (!any) SetItemHasChildren(item, false);
}

}  // namespace gl::app
