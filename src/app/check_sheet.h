// The check sheet of the Quarantine tab: one line per person due on a date (Ledger::checkSheet), one
// column per check slot (morning, evening …). A grid worker types the temperatures straight into the
// cells; each finished cell is recorded at once (Ledger::recordCheck) and Enter moves down to the
// next person in the same column. A reading the temperature rules refuse is not written: the cell
// keeps its old value, the cursor stays on it and the reason shows in the message line under the
// sheet (never a message box per keystroke).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/grid.h>

#include "core/date.h"
#include "db/ledger.h"

namespace gl::app {

class CheckSheetTable;

// The part of an address a worker at the door needs: what follows the community (社区) or village
// (村) name, e.g. "11号楼1单元101室"; addresses without such a word are returned whole.
wxString shortAddress(const std::string& address);

class CheckSheet : public wxGrid {
 public:
  // What happened to an entry, for the line under the sheet: `alert` is true for a refused entry
  // and for a fever, which the panel shows in red.
  using Message = std::function<void(const wxString& text, bool alert)>;

  CheckSheet(wxWindow* parent, db::Ledger& ledger);
  ~CheckSheet() override;

  // Called after each reading that was written (the panel tells the other tabs, later).
  void onRecorded(std::function<void()> recorded) { recorded_ = std::move(recorded); }
  void onMessage(Message message) { message_ = std::move(message); }

  // Re-reads the people due on `on` (one grid's, or everyone's when gridId is empty), keeping the
  // cursor on the same person and column when they are still there.
  void load(core::Date on, const std::string& gridId);
  core::Date date() const { return date_; }
  const std::vector<db::CheckSheetRow>& rows() const;

  // Columns: name, address, day N of M, test day, then one per slot, then symptoms.
  static constexpr int kNameColumn = 0;
  static constexpr int kAddressColumn = 1;
  static constexpr int kDayColumn = 2;
  static constexpr int kTestColumn = 3;
  static constexpr int kFirstSlotColumn = 4;
  int slotColumns() const;  // the most slots a day of any case on the sheet (at least 2)
  int symptomsColumn() const { return kFirstSlotColumn + slotColumns(); }
  // The column of one case's slot (slot codes line up: with 3 columns, a 2-slot case's evening is
  // the third); nullopt when the row has no such slot.
  std::optional<int> columnOfSlot(int row, int slot) const;
  std::optional<int> slotOfColumn(int row, int column) const;

  // Puts the cursor on the first person without a reading in `slotColumn` (the first person when
  // all have one) and focuses the sheet. False when nobody is due.
  bool focusFirstEmpty(int slotColumn);
  // The person under the cursor (nullptr when the sheet is empty).
  const db::CheckSheetRow* currentRow() const;
  // Shows one person's line (after a case was chosen in the list).
  bool goToCase(const std::string& quarantineId);

  // What typing `text` into a cell does, as the cell editor's commit does it: records a reading
  // (or symptoms) and returns true, or returns false with the reason in the message line.
  bool commit(int row, int column, const wxString& text);
  // The last message shown under the sheet ("" when none), for tests.
  const wxString& lastMessage() const { return lastMessage_; }

 private:
  void onCellChanging(wxGridEvent& event);
  void fillWidth();
  bool commitTemperature(int row, int slot, const wxString& text);
  bool commitSymptoms(int row, const wxString& text);
  void say(const wxString& text, bool alert);

  db::Ledger& ledger_;
  CheckSheetTable* table_ = nullptr;
  core::Date date_;
  std::function<void()> recorded_;
  Message message_;
  wxString lastMessage_;
};

}  // namespace gl::app
