// Printing a roster: a wxPrintout that draws each page with the PDF's own routine
// (report::RosterLayout::drawPage) on the printer's cairo context (wxGTK hands one over).
#pragma once

#include <wx/print.h>

#include "report/roster_pdf.h"

namespace gl::app {

class RosterPrintout : public wxPrintout {
 public:
  explicit RosterPrintout(const report::RosterLayout& layout);
  bool HasPage(int page) override;
  void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
  bool OnPrintPage(int page) override;

 private:
  const report::RosterLayout& layout_;
};

}  // namespace gl::app
