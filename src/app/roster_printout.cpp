#include "app/roster_printout.h"

#include <cairo.h>

#include <algorithm>

#include <wx/dc.h>

#include "app/form_support.h"

namespace gl::app {

RosterPrintout::RosterPrintout(const report::RosterLayout& layout)
    : wxPrintout(toWx(layout.roster().title)), layout_(layout) {}

bool RosterPrintout::HasPage(int page) { return page >= 1 && page <= layout_.pageCount(); }

void RosterPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
  *minPage = *pageFrom = 1;
  *maxPage = *pageTo = layout_.pageCount();
}

bool RosterPrintout::OnPrintPage(int page) {
  wxDC* dc = GetDC();
  // wxGTK's printer and memory DCs are cairo contexts in device pixels.
  auto* cr = dc ? static_cast<cairo_t*>(dc->GetHandle()) : nullptr;
  if (!cr) return false;
  int w = 0, h = 0;
  GetPageSizePixels(&w, &h);
  if (w <= 0 || h <= 0) dc->GetSize(&w, &h);
  const double scale = std::min(w / layout_.pageWidth(), h / layout_.pageHeight());
  cairo_save(cr);
  cairo_scale(cr, scale, scale);
  layout_.drawPage(cr, page - 1);
  cairo_restore(cr);
  return true;
}

}  // namespace gl::app
