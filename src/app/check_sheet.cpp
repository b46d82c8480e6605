#include "app/check_sheet.h"

#include <algorithm>
#include <map>

#include <wx/settings.h>

#include "app/form_support.h"
#include "core/temperature.h"
#include "core/validation_error.h"
#include "text/describe.h"
#include "text/labels.h"
#include "db/quarantine_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

// One attribute, handed out with a reference for the grid to release (wxGridTableBase::GetAttr).
wxGridCellAttr* share(wxGridCellAttr* attr) {
  attr->IncRef();
  return attr;
}

}  // namespace

wxString shortAddress(const std::string& address) {
  std::size_t cut = std::string::npos;
  for (const char* word : {"社区", "居委会", "村委会", "村"}) {
    auto at = address.rfind(word);
    if (at != std::string::npos) {
      cut = at + std::char_traits<char>::length(word);
      break;
    }
  }
  if (cut == std::string::npos || cut >= address.size()) return toWx(address);
  return toWx(address.substr(cut));
}

// The rows of Ledger::checkSheet as a grid table: the grid asks only for the cells on screen, so a
// county's whole sheet costs no more to show than one grid's. Symptoms are read per check on demand.
class CheckSheetTable : public wxGridTableBase {
 public:
  CheckSheetTable(db::Ledger& ledger, const wxFont& font) : ledger_(ledger) {
    readOnly_ = new wxGridCellAttr();
    readOnly_->SetReadOnly();
    marker_ = new wxGridCellAttr();
    marker_->SetReadOnly();
    marker_->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    marker_->SetTextColour(wxColour(0, 90, 160));
    reading_ = new wxGridCellAttr();
    reading_->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    reading_->SetBackgroundColour(wxColour(255, 255, 240));
    fever_ = new wxGridCellAttr();
    fever_->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    fever_->SetTextColour(wxColour(200, 0, 0));
    fever_->SetBackgroundColour(wxColour(255, 225, 225));
    fever_->SetFont(font.Bold());
    noSlot_ = new wxGridCellAttr();
    noSlot_->SetReadOnly();
    noSlot_->SetBackgroundColour(wxColour(225, 225, 225));
  }
  ~CheckSheetTable() override {
    for (auto* attr : {readOnly_, marker_, reading_, fever_, noSlot_}) attr->DecRef();
  }

  std::vector<db::CheckSheetRow>& rows() { return rows_; }
  void setRows(std::vector<db::CheckSheetRow> rows) {
    rows_ = std::move(rows);
    int most = 2;
    for (const auto& r : rows_) most = std::max(most, r.slotsPerDay);
    slots_ = most;
    symptoms_.clear();
  }
  int slots() const { return slots_; }

  std::optional<int> columnOfSlot(int row, int slot) const {
    const auto& r = rows_.at(static_cast<std::size_t>(row));
    if (slot < 0 || slot >= r.slotsPerDay) return std::nullopt;
    auto index = core::slotIndex(core::slotCode(slot, r.slotsPerDay), slots_);
    if (!index) return std::nullopt;
    return CheckSheet::kFirstSlotColumn + *index;
  }
  std::optional<int> slotOfColumn(int row, int column) const {
    const auto& r = rows_.at(static_cast<std::size_t>(row));
    int index = column - CheckSheet::kFirstSlotColumn;
    if (index < 0 || index >= slots_) return std::nullopt;
    auto slot = core::slotIndex(core::slotCode(index, slots_), r.slotsPerDay);
    if (!slot || *slot >= r.slotsPerDay) return std::nullopt;
    return slot;
  }

  // The symptoms shown are those of the day's latest check: the sheet is read as "how are they now";
  // each check's own symptoms are in the check dialog.
  std::string latestCheck(int row) const {
    const auto& r = rows_.at(static_cast<std::size_t>(row));
    for (auto it = r.checkIds.rbegin(); it != r.checkIds.rend(); ++it)
      if (!it->empty()) return *it;
    return {};
  }
  void setSymptoms(const std::string& checkId, const std::string& text) { symptoms_[checkId] = text; }

  int GetNumberRows() override { return static_cast<int>(rows_.size()); }
  int GetNumberCols() override { return CheckSheet::kFirstSlotColumn + slots_ + 1; }

  wxString GetValue(int row, int col) override {
    if (row < 0 || row >= GetNumberRows()) return {};
    const auto& r = rows_[static_cast<std::size_t>(row)];
    switch (col) {
      case CheckSheet::kNameColumn:
        return toWx(r.name);
      case CheckSheet::kAddressColumn:
        return r.grid.empty() ? shortAddress(r.address) : toWx(r.grid) + "  " + shortAddress(r.address);
      case CheckSheet::kDayColumn:
        // TRANSLATORS: a case's day within its quarantine period, e.g. "day 3 of 7" (第 3 天 / 共 7 天)
        return wxString::Format(_("day %1$d of %2$d"), r.day, r.totalDays);
      case CheckSheet::kTestColumn:
        // TRANSLATORS: marks a person whose nucleic-acid test is due on the sheet's date
        return r.testDay ? _("test day") : wxString();
      default:
        break;
    }
    if (col == GetNumberCols() - 1) {
      std::string check = latestCheck(row);
      if (check.empty()) return {};
      auto cached = symptoms_.find(check);
      if (cached == symptoms_.end()) {
        auto found = ledger_.get(core::Table::HealthCheck, check);
        const std::string symptoms = found ? (*found)[col::health_check::symptoms].value_or("") : std::string();
        cached = symptoms_.emplace(check, symptoms).first;
      }
      return toWx(cached->second);
    }
    auto slot = slotOfColumn(row, col);
    if (!slot) return {};
    const auto& tenths = r.tenths[static_cast<std::size_t>(*slot)];
    return tenths ? toWx(core::formatTemperature(*tenths)) : wxString();
  }

  // The sheet writes through CheckSheet::commit before the editor applies its text; what the grid
  // stores afterwards is already in the rows.
  void SetValue(int, int, const wxString&) override {}

  wxString GetColLabelValue(int col) override {
    switch (col) {
      case CheckSheet::kNameColumn: return _("Name");
      case CheckSheet::kAddressColumn: return _("Grid and address");
      case CheckSheet::kDayColumn: return _("Day");
      case CheckSheet::kTestColumn: return _("Test");
      default: break;
    }
    if (col == GetNumberCols() - 1) return toWx(text::fieldLabel(col::health_check::symptoms));
    return toWx(text::codeLabel(core::slotCode(col - CheckSheet::kFirstSlotColumn, slots_)));
  }

  wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
    if (row < 0 || row >= GetNumberRows()) return nullptr;
    if (col == CheckSheet::kTestColumn || col == CheckSheet::kDayColumn) return share(marker_);
    if (col < CheckSheet::kFirstSlotColumn) return share(readOnly_);
    if (col == GetNumberCols() - 1) return nullptr;
    auto slot = slotOfColumn(row, col);
    if (!slot) return share(noSlot_);
    const auto& tenths = rows_[static_cast<std::size_t>(row)].tenths[static_cast<std::size_t>(*slot)];
    return share(tenths && core::isFever(*tenths) ? fever_ : reading_);
  }

 private:
  db::Ledger& ledger_;
  std::vector<db::CheckSheetRow> rows_;
  int slots_ = 2;
  std::map<std::string, std::string> symptoms_;  // check id → symptoms
  wxGridCellAttr* readOnly_;
  wxGridCellAttr* marker_;
  wxGridCellAttr* reading_;
  wxGridCellAttr* fever_;
  wxGridCellAttr* noSlot_;
};

CheckSheet::CheckSheet(wxWindow* parent, db::Ledger& ledger)
    : wxGrid(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxBORDER_THEME), ledger_(ledger) {
  table_ = new CheckSheetTable(ledger_, GetDefaultCellFont());
  SetTable(table_, true, wxGridSelectCells);
  SetRowLabelSize(FromDIP(36));
  SetColLabelSize(FromDIP(26));
  SetDefaultRowSize(FromDIP(24), true);
  DisableDragRowSize();
  EnableDragColMove(false);
  SetColSize(kNameColumn, FromDIP(90));
  SetColSize(kAddressColumn, FromDIP(230));
  SetColSize(kDayColumn, FromDIP(110));
  SetColSize(kTestColumn, FromDIP(70));
  for (int c = kFirstSlotColumn; c < GetNumberCols(); ++c) SetColSize(c, FromDIP(80));
  fillWidth();
  SetTabBehaviour(wxGrid::Tab_Wrap);
  Bind(wxEVT_GRID_CELL_CHANGING, &CheckSheet::onCellChanging, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    fillWidth();
    e.Skip();
  });
}

CheckSheet::~CheckSheet() = default;

// Symptoms, the last column, take the width the others leave.
void CheckSheet::fillWidth() {
  int used = GetRowLabelSize();
  for (int c = 0; c < GetNumberCols() - 1; ++c) used += GetColSize(c);
  int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
  SetColSize(GetNumberCols() - 1, std::max(FromDIP(180), GetClientSize().x - used - scrollbar));
}

const std::vector<db::CheckSheetRow>& CheckSheet::rows() const { return table_->rows(); }

int CheckSheet::slotColumns() const { return table_->slots(); }

std::optional<int> CheckSheet::columnOfSlot(int row, int slot) const {
  if (row < 0 || row >= static_cast<int>(rows().size())) return std::nullopt;
  return table_->columnOfSlot(row, slot);
}

std::optional<int> CheckSheet::slotOfColumn(int row, int column) const {
  if (row < 0 || row >= static_cast<int>(rows().size())) return std::nullopt;
  return table_->slotOfColumn(row, column);
}

void CheckSheet::load(core::Date on, const std::string& gridId) {
  std::string keepCase;
  int keepColumn = GetGridCursorCol();
  if (const auto* row = currentRow()) keepCase = row->quarantineId;
  int oldRows = GetNumberRows(), oldCols = GetNumberCols();
  date_ = on;

  BeginBatch();
  table_->setRows(db::QuarantineQueries(ledger_, ledger_.readerScope()).checkSheet(on, gridId));
  // The grid keeps the last cell's attribute: a fever's colour must follow the new rows.
  ClearAttrCache();
  // The table's new size against the grid's old one (the grid learns the new size from the messages).
  int newRows = table_->GetNumberRows(), newCols = table_->GetNumberCols();
  if (newRows < oldRows) {
    wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, newRows, oldRows - newRows);
    ProcessTableMessage(msg);
  } else if (newRows > oldRows) {
    wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, newRows - oldRows);
    ProcessTableMessage(msg);
  }
  if (newCols < oldCols) {
    wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_COLS_DELETED, newCols, oldCols - newCols);
    ProcessTableMessage(msg);
  } else if (newCols > oldCols) {
    wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_COLS_APPENDED, newCols - oldCols);
    ProcessTableMessage(msg);
  }
  if (newCols != oldCols) {
    for (int c = kFirstSlotColumn; c < newCols - 1; ++c) SetColSize(c, FromDIP(80));
    fillWidth();
  }
  EndBatch();
  ForceRefresh();

  if (newRows == 0) return;
  int row = 0;
  if (!keepCase.empty()) {
    auto it = std::find_if(rows().begin(), rows().end(), [&](const auto& r) { return r.quarantineId == keepCase; });
    if (it != rows().end()) row = static_cast<int>(it - rows().begin());
  }
  SetGridCursor(row, std::clamp(keepColumn, 0, newCols - 1));
}

bool CheckSheet::focusFirstEmpty(int slotColumn) {
  if (rows().empty()) return false;
  int target = 0;
  for (int r = 0; r < static_cast<int>(rows().size()); ++r) {
    auto slot = slotOfColumn(r, slotColumn);
    if (slot && !rows()[static_cast<std::size_t>(r)].tenths[static_cast<std::size_t>(*slot)]) {
      target = r;
      break;
    }
  }
  SetFocus();
  GoToCell(target, slotColumn);
  return true;
}

const db::CheckSheetRow* CheckSheet::currentRow() const {
  int row = GetGridCursorRow();
  if (row < 0 || row >= static_cast<int>(rows().size())) return nullptr;
  return &rows()[static_cast<std::size_t>(row)];
}

bool CheckSheet::goToCase(const std::string& quarantineId) {
  auto it = std::find_if(rows().begin(), rows().end(), [&](const auto& r) { return r.quarantineId == quarantineId; });
  if (it == rows().end()) return false;
  int column = GetGridCursorCol() >= kFirstSlotColumn ? GetGridCursorCol() : kFirstSlotColumn;
  GoToCell(static_cast<int>(it - rows().begin()), column);
  return true;
}

void CheckSheet::onCellChanging(wxGridEvent& event) {
  int row = event.GetRow(), column = event.GetCol();
  if (commit(row, column, event.GetString())) return;
  event.Veto();
  // The Enter (or click) that ended the edit moves the cursor on after this handler: bring it back
  // to the refused cell so the worker types the reading again.
  CallAfter([this, row, column] {
    if (row < GetNumberRows() && column < GetNumberCols()) {
      SetGridCursor(row, column);
      MakeCellVisible(row, column);
    }
  });
}

bool CheckSheet::commit(int row, int column, const wxString& text) {
  if (row < 0 || row >= static_cast<int>(rows().size())) return false;
  if (column == symptomsColumn()) return commitSymptoms(row, text);
  auto slot = slotOfColumn(row, column);
  if (!slot) return false;
  return commitTemperature(row, *slot, text);
}

bool CheckSheet::commitTemperature(int row, int slot, const wxString& text) {
  auto& r = table_->rows()[static_cast<std::size_t>(row)];
  const auto& before = r.tenths[static_cast<std::size_t>(slot)];
  wxString typed = wxString(text).Trim(true).Trim(false);
  if (date_ > ledger_.today()) {
    say(_("Temperatures are recorded on the day or later, not ahead of time."), true);
    return false;
  }
  if (typed.empty()) {
    if (!before) return true;
    say(_("A recorded temperature is not emptied here: type the right value, or correct the check with "
          "“Check details”."),
        true);
    return false;
  }
  auto parsed = core::parseTemperature(fromWx(typed));
  if (!parsed.tenths) {
    say(toWx(text::describe(parsed.issues.front())), true);
    return false;
  }
  std::string id;
  try {
    id = ledger_.recordCheck(r.quarantineId, date_, slot, *parsed.tenths);
  } catch (const ValidationError& e) {
    say(toWx(text::describe(e.issues().empty() ? core::Issue(core::IssueCode::BadText) : e.issues().front())), true);
    return false;
  } catch (const gl::Error&) {
    say(toWx(text::describe(std::current_exception())), true);
    return false;
  }
  r.tenths[static_cast<std::size_t>(slot)] = *parsed.tenths;
  r.checkIds[static_cast<std::size_t>(slot)] = id;
  ClearAttrCache();
  wxString reading = toWx(core::formatTemperature(*parsed.tenths));
  wxString slotLabel = toWx(text::codeLabel(core::slotCode(slot, r.slotsPerDay)));
  if (core::isFever(*parsed.tenths))
    // TRANSLATORS: %1$s is a person's name, %2$s the time of day (morning), %3$s a temperature like 37.8
    say(wxString::Format(_("%1$s, %2$s: %3$s ℃ recorded. Fever (37.3 ℃ or more): report it."), toWx(r.name),
                         slotLabel, reading),
        true);
  else
    // TRANSLATORS: %1$s is a person's name, %2$s the time of day (morning), %3$s a temperature like 36.5
    say(wxString::Format(_("%1$s, %2$s: %3$s ℃ recorded."), toWx(r.name), slotLabel, reading), false);
  if (recorded_) recorded_();
  return true;
}

bool CheckSheet::commitSymptoms(int row, const wxString& text) {
  std::string check = table_->latestCheck(row);
  if (check.empty()) {
    if (wxString(text).Trim().empty()) return true;
    say(_("Record a temperature first: symptoms are noted with a check."), true);
    return false;
  }
  core::Value value = cellFrom(text);
  try {
    ledger_.update(core::Table::HealthCheck, check, {{col::health_check::symptoms, value}});
  } catch (const ValidationError& e) {
    say(toWx(text::describe(e.issues().empty() ? core::Issue(core::IssueCode::BadText) : e.issues().front())), true);
    return false;
  } catch (const gl::Error&) {
    say(toWx(text::describe(std::current_exception())), true);
    return false;
  }
  table_->setSymptoms(check, value.value_or(""));
  // TRANSLATORS: %s is a person's name
  say(wxString::Format(_("%s: symptoms noted."), toWx(rows()[static_cast<std::size_t>(row)].name)), false);
  if (recorded_) recorded_();
  return true;
}

void CheckSheet::say(const wxString& text, bool problem) {
  lastMessage_ = text;
  if (message_) message_(text, problem);
}

}  // namespace gl::app
