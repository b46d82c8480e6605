#include "report/door_cards.h"

#include <qrencode.h>

#include <memory>

#include "core/ascii.h"
#include "core/door_code.h"
#include "core/error.h"
#include "report/draw_text.h"
#include "report/pdf_file.h"
#include "text/text.h"
#include "db/roster_queries.h"

namespace gl::report {

namespace {

using text::tr;

constexpr double kA4Width = 595.28, kA4Height = 841.89, kMargin = 30, kFooter = 14;

// The QR code of `payload` as dark squares in a `size` box at (x, y), quiet zone included.
void drawQr(cairo_t* cr, const std::string& payload, double x, double y, double size) {
  core::CHandle<QRcode, QRcode_free> qr(QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) return;
  const int n = qr->width;
  const double module = size / (n + 8);  // four modules of quiet zone each side
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < n; ++row)
    for (int col = 0; col < n; ++col)
      if (qr->data[row * n + col] & 1) cairo_rectangle(cr, x + (col + 4) * module, y + (row + 4) * module, module, module);
  cairo_fill(cr);
}

// Crop marks at a card's four corners, outside it.
void cutMarks(cairo_t* cr, double x, double y, double w, double h) {
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  cairo_set_line_width(cr, 0.4);
  const double m = 6;
  for (double cx : {x, x + w})
    for (double cy : {y, y + h}) {
      cairo_move_to(cr, cx - m, cy);
      cairo_line_to(cr, cx + m, cy);
      cairo_move_to(cr, cx, cy - m);
      cairo_line_to(cr, cx, cy + m);
    }
  cairo_stroke(cr);
  static const double dash[] = {2, 3};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_rectangle(cr, x, y, w, h);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

std::string placeText(const db::RosterPlace& p) {
  if (!p.address.empty()) return p.address;
  return p.building + "-" + p.unit + "-" + p.room;
}

}  // namespace

DoorCards buildDoorCards(const db::Ledger& ledger, std::string_view scopeCode) {
  DoorCards cards;
  cards.scope = db::RosterQueries(ledger, ledger.readerScope()).rosterScope(scopeCode);
  cards.doors = db::RosterQueries(ledger, ledger.readerScope()).doors(cards.scope);
  return cards;
}

int DoorCardLayout::pageCount() const {
  return std::max(1, static_cast<int>((cards_.doors.size() + kPerPage - 1) / kPerPage));
}
double DoorCardLayout::pageWidth() const { return kA4Width; }
double DoorCardLayout::pageHeight() const { return kA4Height; }

void DoorCardLayout::drawCard(cairo_t* cr, const db::RosterDoor& door, double x, double y, double w,
                              double h) const {
  Painter paint(cr);
  const Font small = font(7.5), label = font(8.5), big = font(13, true);
  const double qr = std::min(h - 30, w * 0.46);
  const double textWidth = w - qr - 16;
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  paint.text(tr(N_("Household door card")), x + 6, y + 6, textWidth, 14, small);
  cairo_set_source_rgb(cr, 0, 0, 0);
  paint.text(placeText(door.place), x + 6, y + 22, textWidth, 40, big, Align::Left, 3, false, 2);
  double line = y + 68;
  auto row = [&](const std::string& s) {
    paint.text(s, x + 6, line, textWidth, 15, label);
    line += 16;
  };
  if (!door.householdNo.empty())
    row(text::format(N_("Household no.: {number}"), fmt::arg("number", door.householdNo)));
  row(door.place.gridCode.empty()
          ? tr(N_("Grid: not assigned yet"))
          : text::format(N_("Grid: {grid} ({code})"), fmt::arg("grid", door.place.gridName),
                         fmt::arg("code", door.place.gridCode)));
  if (!door.workerName.empty()) row(text::format(N_("Grid worker: {name}"), fmt::arg("name", door.workerName)));
  if (!door.workerPhone.empty()) row(text::format(N_("Phone: {phone}"), fmt::arg("phone", door.workerPhone)));
  if (auto code = core::doorCode(door.householdId)) drawQr(cr, *code, x + w - qr - 6, y + 8, qr);
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  paint.text(tr(N_("Scan with GridLedger to open this household")), x + w - qr - 16, y + 10 + qr, qr + 16, 14, small,
             Align::Center, 0);
}

void DoorCardLayout::drawPage(cairo_t* cr, int page) const {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const double w = (kA4Width - 2 * kMargin) / 2, h = (kA4Height - 2 * kMargin - kFooter) / 4;
  for (int k = 0; k < kPerPage; ++k) {
    std::size_t i = static_cast<std::size_t>(page) * kPerPage + static_cast<std::size_t>(k);
    if (i >= cards_.doors.size()) break;
    double x = kMargin + (k % 2) * w, y = kMargin + (k / 2) * h;
    cutMarks(cr, x, y, w, h);
    drawCard(cr, cards_.doors[i], x, y, w, h);
  }
  // Who printed the sheet, outside the cards: cut away before they go on doors.
  Painter paint(cr);
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  std::string pageText = text::format(N_("Page {page} of {pages}"), fmt::arg("page", page + 1), fmt::arg("pages", pageCount()));
  paint.text(text::format(N_("Printed by {user} on {host} at {time} · purpose: {purpose} · {page}"),
                          fmt::arg("user", stamp_.user), fmt::arg("host", stamp_.host), fmt::arg("time", stamp_.time),
                          fmt::arg("purpose", stamp_.purpose), fmt::arg("page", pageText)),
             kMargin, kA4Height - kMargin - kFooter + 4, kA4Width - 2 * kMargin, kFooter, font(6.5), Align::Center);
  cairo_restore(cr);
}

int saveDoorCards(db::Ledger& ledger, const DoorCards& cards, const exchange::ExportStamp& stamp,
                   const std::filesystem::path& out) {
  if (core::ascii::toLower(out.extension().string()) != ".pdf")
    throw Error(Error::Kind::BadInput, N_("Door cards are saved as .pdf, not “{file}”"), {{"file", out.string()}});
  DoorCardLayout layout(cards, stamp);
  writePdfPages(out, layout.pageWidth(), layout.pageHeight(), layout.pageCount(),
                [&](cairo_t* cr, int page) { layout.drawPage(cr, page); }, tr(N_("Household door cards")), stamp.user);
  ledger.audit("print", "household", {}, static_cast<std::int64_t>(cards.doors.size()),
               "door cards; scope " + (cards.scope.code.empty() ? std::string("county") : cards.scope.code) +
                   "; purpose: " + stamp.purpose);
  return layout.pageCount();
}

}  // namespace gl::report
