// A roster on paper (docs/privacy.md §6, issue "Daily rosters"): A4, landscape where the
// columns need it; the title, scope, date and "第 x 页 / 共 y 页" on every page; the header row
// repeated; rows grouped by grid with a subtotal, a total at the end; signature and date lines for
// the grid worker and the checker; a footer naming who printed it, when, on which terminal and for
// what purpose, and a light diagonal watermark of the same. Drawn with cairo and pango (CJK through
// fontconfig) by one routine, drawPage, for the PDF file, the window's preview and the printer.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "exchange/xlsx_writer.h"
#include "report/roster.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace gl::report {

class Painter;

class RosterLayout {
 public:
  RosterLayout(const Roster& roster, exchange::ExportStamp stamp);

  int pageCount() const { return static_cast<int>(pages_.size()); }
  // The page in points (1/72 inch): A4, portrait or landscape.
  double pageWidth() const;
  double pageHeight() const;
  // Draws page `page` (0-based) with its top-left corner at the origin, in points: scale `cr` to
  // draw it larger (a preview) or onto a printer's resolution.
  void drawPage(cairo_t* cr, int page) const;

  const Roster& roster() const { return roster_; }

 private:
  struct Line {
    enum Kind { GroupTitle, Row, Subtotal, Total, Nobody } kind;
    std::size_t group = 0, row = 0;
    bool continued = false;  // a group title repeated at the top of a page
  };
  void paginate();
  cairo_surface_t* watermark() const;
  // The parts of a page, top to bottom; the heading returns its "Page x of y" for the footer.
  std::string drawHeading(cairo_t* cr, Painter& paint, int page) const;
  void drawTable(cairo_t* cr, Painter& paint, const std::vector<Line>& lines) const;
  void drawFoot(cairo_t* cr, Painter& paint, const std::string& pageText) const;

  const Roster& roster_;
  exchange::ExportStamp stamp_;
  std::vector<std::vector<Line>> pages_;
  // The watermark, drawn once and placed on every page (in a PDF, one shared object).
  mutable std::shared_ptr<cairo_surface_t> watermark_;
};

// A page as pixels for an on-screen preview: `width` pixels wide, RGB, 3 bytes a pixel, rows top
// to bottom; `height` is set from the page's shape.
std::vector<unsigned char> renderPageRgb(const RosterLayout& layout, int page, int width, int& height);

// The whole roster as a PDF file, written atomically (a temp file beside it, fsynced, renamed;
// 0600); returns its page count. Throws gl::Error: Environment when it cannot be written, Rejected
// ("Cancelled", nothing written) when `progress` is asked to stop; pages drawn are its kWriting steps.
int writeRosterPdf(const Roster& roster, const exchange::ExportStamp& stamp, const std::filesystem::path& out,
                   const core::Reporter& progress = {});

}  // namespace gl::report
