// The Today tab's 30-day chart: people under quarantine per day (a line over a soft area) above the
// new cases and fevers of each day (paired bars), sharing one day axis. Two panels rather than two
// y axes, because a count of 200 people and a count of 3 fevers on one scale hides the fevers, and
// two scales on one plot are easy to misread. Drawn with wxGraphicsContext; hovering a day tells
// its numbers.
#pragma once

#include <vector>

#include <wx/window.h>

#include "db/views.h"

namespace gl::app {

class TrendChart : public wxWindow {
 public:
  explicit TrendChart(wxWindow* parent);

  // The days to draw, oldest first (Ledger::trend).
  void setDays(std::vector<db::DayTrend> days);
  const std::vector<db::DayTrend>& days() const { return days_; }
  // True when there is nothing to draw (no case, arrival or fever on any day).
  bool empty() const;
  // The text shown for a day (the tooltip while hovering it); "" outside the plot.
  wxString describeDay(std::size_t index) const;
  // A picture, not a control: Tab goes past it (its numbers are in the tiles and the tooltips).
  bool AcceptsFocus() const override { return false; }

 protected:
  wxSize DoGetBestClientSize() const override;

 private:
  struct Layout {
    double left = 0, right = 0;            // plot area, x
    double topA = 0, bottomA = 0;          // upper panel (under quarantine)
    double topB = 0, bottomB = 0;          // lower panel (new cases, fevers)
    double slot = 0;                       // width of one day
  };
  class Painter;  // one paint of the chart, part by part (trend_chart.cpp)
  Layout layoutFor(const wxSize& size) const;
  void onPaint(wxPaintEvent& event);
  void onMotion(wxMouseEvent& event);
  int dayAt(int x) const;

  std::vector<db::DayTrend> days_;
  int hovered_ = -1;
};

}  // namespace gl::app
