// Household door cards (门牌二维码), as the counties used for entry management: one card per
// household — its address, household number, grid, and the grid worker's name and phone — with a QR
// code holding the household's id and nothing personal (core/door_code.h), eight to an A4 page with
// cut marks. Scanned into the window's search box, a card opens its household.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "db/ledger.h"
#include "exchange/xlsx_writer.h"

typedef struct _cairo cairo_t;

namespace gl::report {

struct DoorCards {
  db::RosterScope scope;
  std::vector<db::RosterDoor> doors;
};

// Throws gl::Error (BadInput) for a scope code the ledger does not know.
DoorCards buildDoorCards(const db::Ledger& ledger, std::string_view scopeCode);

class DoorCardLayout {
 public:
  DoorCardLayout(const DoorCards& cards, exchange::ExportStamp stamp) : cards_(cards), stamp_(std::move(stamp)) {}
  static constexpr int kPerPage = 8;  // two across, four down
  int pageCount() const;
  double pageWidth() const;   // A4 portrait, in points
  double pageHeight() const;
  void drawPage(cairo_t* cr, int page) const;

 private:
  void drawCard(cairo_t* cr, const db::RosterDoor& door, double x, double y, double w, double h) const;
  const DoorCards& cards_;
  exchange::ExportStamp stamp_;
};

// Writes the cards as a PDF (atomically, 0600) and audits it (scope and count, no addresses);
// returns its page count.
int saveDoorCards(db::Ledger& ledger, const DoorCards& cards, const exchange::ExportStamp& stamp,
                   const std::filesystem::path& out);

}  // namespace gl::report
