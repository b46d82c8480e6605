#include "report/roster_pdf.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>

#include "core/error.h"
#include "report/draw_text.h"
#include "report/pdf_file.h"
#include "text/text.h"

namespace gl::report {

namespace {

using text::tr;

// A4 in points, and the page's furniture (points).
constexpr double kA4Short = 595.28, kA4Long = 841.89;
constexpr double kMargin = 28;
constexpr double kTitleHeight = 44;   // title and the scope/date line
constexpr double kHeaderRow = 20;     // the table's header row
constexpr double kRow = 17;           // a body line
constexpr double kSignatures = 30;    // signature and date lines
constexpr double kFooter = 14;        // who printed it, when, where, why

// The table's boxes: a row's shading across the page, and its frame with or without the column rules
// at `xs` (the columns' edges, left to right).
void rowBox(cairo_t* cr, double left, double width, double top, double h, double grey) {
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_rectangle(cr, left, top, width, h);
  cairo_fill(cr);
}

void gridLines(cairo_t* cr, double left, double width, const std::vector<double>& xs, double top, double h,
               bool columns) {
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  cairo_rectangle(cr, left, top, width, h);
  if (columns)
    for (std::size_t k = 1; k + 1 < xs.size(); ++k) {
      cairo_move_to(cr, xs[k], top);
      cairo_line_to(cr, xs[k], top + h);
    }
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
}

}  // namespace

RosterLayout::RosterLayout(const Roster& roster, exchange::ExportStamp stamp)
    : roster_(roster), stamp_(std::move(stamp)) {
  paginate();
}

double RosterLayout::pageWidth() const { return roster_.landscape ? kA4Long : kA4Short; }
double RosterLayout::pageHeight() const { return roster_.landscape ? kA4Short : kA4Long; }

void RosterLayout::paginate() {
  const double body = pageHeight() - 2 * kMargin - kTitleHeight - kHeaderRow - kSignatures - kFooter;
  const std::size_t perPage = std::max<std::size_t>(3, static_cast<std::size_t>(body / kRow));
  std::vector<Line> lines;
  for (std::size_t g = 0; g < roster_.groups.size(); ++g) {
    lines.push_back({Line::GroupTitle, g});
    for (std::size_t r = 0; r < roster_.groups[g].rows.size(); ++r) lines.push_back({Line::Row, g, r});
    lines.push_back({Line::Subtotal, g});
  }
  if (roster_.groups.empty()) lines.push_back({Line::Nobody});
  lines.push_back({Line::Total});
  pages_.clear();
  pages_.emplace_back();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    auto& page = pages_.back();
    // A group's title never ends a page: it moves over with its first row.
    bool full = page.size() >= perPage || (line.kind == Line::GroupTitle && page.size() + 1 >= perPage);
    if (full) {
      pages_.emplace_back();
      if (line.kind == Line::Row || line.kind == Line::Subtotal)
        pages_.back().push_back({Line::GroupTitle, line.group, 0, true});
    }
    pages_.back().push_back(line);
  }
}

cairo_surface_t* RosterLayout::watermark() const {
  if (watermark_) return watermark_.get();
  const double W = pageWidth(), H = pageHeight();
  cairo_rectangle_t extents{0, 0, W, H};
  // Held by a shared_ptr so that this header needs no cairo; released the CHandle way all the same.
  watermark_.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents),
                   core::CFree<cairo_surface_t, cairo_surface_destroy>{});
  Cairo context(cairo_create(watermark_.get()));
  cairo_t* cr = context.get();
  {
    Painter paint(cr);
    const Font markFont = font(15);
    // Who, where, when, why, across the page; as shapes, so that it is neither extracted with the
    // text nor edited out of it.
    const std::string mark = stamp_.user + " · " + stamp_.host + " · " + stamp_.time + " · " + stamp_.purpose;
    cairo_set_source_rgb(cr, 0.90, 0.90, 0.90);
    cairo_translate(cr, W / 2, H / 2);
    cairo_rotate(cr, -M_PI / 6);
    for (int k = -3; k <= 3; ++k)
      paint.text(mark, -W * 0.6, k * 120.0 - 10, W * 1.2, 20, markFont, Align::Center, 3, /*outline=*/true);
  }
  return watermark_.get();
}

void RosterLayout::drawPage(cairo_t* cr, int pageIndex) const {
  if (pageIndex < 0 || pageIndex >= pageCount()) return;
  Painter paint(cr);
  cairo_save(cr);
  const std::string pageText = drawHeading(cr, paint, pageIndex);
  drawTable(cr, paint, pages_[static_cast<std::size_t>(pageIndex)]);
  drawFoot(cr, paint, pageText);
  cairo_restore(cr);
}

std::string RosterLayout::drawHeading(cairo_t* cr, Painter& paint, int pageIndex) const {
  const double left = kMargin, right = pageWidth() - kMargin, width = right - left;
  const Font titleFont = font(15, true), infoFont = font(8.5);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  // The watermark first, under everything.
  cairo_set_source_surface(cr, watermark(), 0, 0);
  cairo_paint(cr);

  // Title, scope and date, the page number.
  cairo_set_source_rgb(cr, 0, 0, 0);
  paint.text(roster_.title, left, kMargin, width, 22, titleFont, Align::Center);
  std::string info = text::format(N_("Scope: {scope}    Date: {date}"), fmt::arg("scope", roster_.scopeText()),
                                  fmt::arg("date", roster_.date.iso()));
  if (roster_.kind == RosterKind::VisitsDue)
    info += "    " + (roster_.campaign.empty() ? tr(N_("No screening campaign is running"))
                                               : text::format(N_("Campaign: {name}"), fmt::arg("name", roster_.campaign)));
  std::string pageText = text::format(N_("Page {page} of {pages}"), fmt::arg("page", pageIndex + 1),
                                      fmt::arg("pages", pageCount()));
  paint.text(info, left, kMargin + 24, width * 0.8, 16, infoFont);
  paint.text(pageText, left + width * 0.6, kMargin + 24, width * 0.4, 16, infoFont, Align::Right);
  return pageText;
}

void RosterLayout::drawTable(cairo_t* cr, Painter& paint, const std::vector<Line>& lines) const {
  const double left = kMargin, right = pageWidth() - kMargin, width = right - left;
  const Font headFont = font(8, true), bodyFont = font(8), groupFont = font(8, true);
  // Column positions from their weights.
  double total = 0;
  for (const auto& c : roster_.columns) total += c.weight;
  std::vector<double> xs{left};
  for (const auto& c : roster_.columns) xs.push_back(xs.back() + width * c.weight / total);

  double y = kMargin + kTitleHeight;
  cairo_set_line_width(cr, 0.5);
  rowBox(cr, left, width, y, kHeaderRow, 0.86);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (std::size_t k = 0; k < roster_.columns.size(); ++k)
    paint.text(roster_.columns[k].title, xs[k], y, xs[k + 1] - xs[k], kHeaderRow, headFont, Align::Center, 2);
  gridLines(cr, left, width, xs, y, kHeaderRow, true);
  y += kHeaderRow;

  for (const auto& line : lines) {
    switch (line.kind) {
      case Line::GroupTitle: {
        rowBox(cr, left, width, y, kRow, 0.95);
        cairo_set_source_rgb(cr, 0, 0, 0);
        std::string title = roster_.groups[line.group].title;
        if (line.continued) title += tr(N_(" (continued)"));
        paint.text(title, left, y, width, kRow, groupFont);
        gridLines(cr, left, width, xs, y, kRow, false);
        break;
      }
      case Line::Row: {
        const auto& cells = roster_.groups[line.group].rows[line.row];
        for (std::size_t k = 0; k < roster_.columns.size() && k < cells.size(); ++k)
          paint.text(cells[k], xs[k], y, xs[k + 1] - xs[k], kRow, bodyFont,
                     roster_.columns[k].right ? Align::Right : Align::Left);
        gridLines(cr, left, width, xs, y, kRow, true);
        break;
      }
      case Line::Subtotal:
        paint.text(roster_.subtotalText(roster_.groups[line.group].rows.size()), left, y, width, kRow, groupFont,
                   Align::Right);
        gridLines(cr, left, width, xs, y, kRow, false);
        break;
      case Line::Total:
        rowBox(cr, left, width, y, kRow, 0.90);
        cairo_set_source_rgb(cr, 0, 0, 0);
        paint.text(roster_.totalText(), left, y, width, kRow, groupFont, Align::Right);
        gridLines(cr, left, width, xs, y, kRow, false);
        break;
      case Line::Nobody:
        paint.text(tr(N_("Nobody is on this roster for this date and scope.")), left, y, width, kRow, bodyFont,
                   Align::Center);
        gridLines(cr, left, width, xs, y, kRow, false);
        break;
    }
    y += kRow;
  }
}

// Signature and date lines, then the footer, at the foot of every page.
void RosterLayout::drawFoot(cairo_t* cr, Painter& paint, const std::string& pageText) const {
  const double left = kMargin, right = pageWidth() - kMargin, width = right - left, H = pageHeight();
  const Font infoFont = font(8.5), footFont = font(6.5);
  const double sy = H - kMargin - kFooter - kSignatures + 8;
  const double half = width / 2;
  paint.text(tr(N_("Grid worker (signature): ____________    Date: ________")), left, sy, half, 16, infoFont);
  paint.text(tr(N_("Checked by (signature): ____________    Date: ________")), left + half, sy, half, 16, infoFont);
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  std::string foot = text::format(N_("Printed by {user} on {host} at {time} · purpose: {purpose} · {page}"),
                                  fmt::arg("user", stamp_.user), fmt::arg("host", stamp_.host),
                                  fmt::arg("time", stamp_.time), fmt::arg("purpose", stamp_.purpose),
                                  fmt::arg("page", pageText));
  paint.text(foot, left, H - kMargin - kFooter, width, kFooter, footFont, Align::Center);
}

std::vector<unsigned char> renderPageRgb(const RosterLayout& layout, int page, int width, int& height) {
  const double scale = width / layout.pageWidth();
  height = static_cast<int>(std::lround(layout.pageHeight() * scale));
  Surface image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  cairo_surface_t* surface = image.get();
  {
    Cairo cr(cairo_create(surface));
    cairo_scale(cr.get(), scale, scale);
    layout.drawPage(cr.get(), page);
  }
  cairo_surface_flush(surface);
  std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      std::uint32_t px = row[x];  // xRGB in native order
      auto* out = &rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3];
      out[0] = static_cast<unsigned char>(px >> 16);
      out[1] = static_cast<unsigned char>(px >> 8);
      out[2] = static_cast<unsigned char>(px);
    }
  }
  return rgb;
}

int writeRosterPdf(const Roster& roster, const exchange::ExportStamp& stamp, const std::filesystem::path& out,
                   const core::Reporter& progress) {
  RosterLayout layout(roster, stamp);
  const int pages = layout.pageCount();
  writePdfPages(out, layout.pageWidth(), layout.pageHeight(), pages, [&](cairo_t* cr, int page) {
    progress.step({page, pages, kWriting});
    layout.drawPage(cr, page);
  }, roster.title, stamp.user);
  return layout.pageCount();
}

}  // namespace gl::report
