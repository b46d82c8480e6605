#include "app/trend_chart.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

namespace gl::app {

namespace {

// Colours chosen to stay apart for the common colour-vision deficiencies (blue against amber and
// red, never red against green) and to print readably in grey.
const wxColour kActive(37, 99, 175);
const wxColour kActiveFill(37, 99, 175, 34);
const wxColour kArrivals(232, 158, 44);
const wxColour kFevers(200, 55, 55);
const wxColour kCard(255, 255, 255);
const wxColour kBorder(218, 223, 230);
const wxColour kGridLine(234, 237, 241);
const wxColour kBaseline(196, 202, 210);
const wxColour kAxisText(107, 114, 128);
const wxColour kTitleText(31, 41, 55);
const wxColour kHover(238, 243, 250);

struct Scale {
  std::int64_t top = 1, step = 1;
};

// Whole-number ticks of 1, 2 or 5 × 10^k, about `ticks` of them, from 0 to at least `max`.
Scale niceScale(std::int64_t max, int ticks) {
  if (max <= 0) return {1, 1};
  double raw = static_cast<double>(max) / ticks;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  auto s = std::max<std::int64_t>(1, std::llround(step));
  return {(max + s - 1) / s * s, s};
}

wxString number(std::int64_t n) { return wxString::Format("%lld", static_cast<long long>(n)); }

wxString monthDay(const core::Date& d) { return wxString::Format("%02d-%02d", d.month, d.day); }

}  // namespace

TrendChart::TrendChart(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE | wxFULL_REPAINT_ON_RESIZE) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  Bind(wxEVT_PAINT, &TrendChart::onPaint, this);
  Bind(wxEVT_MOTION, &TrendChart::onMotion, this);
  Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
    if (hovered_ < 0) return;
    hovered_ = -1;
    UnsetToolTip();
    Refresh();
  });
}

void TrendChart::setDays(std::vector<db::DayTrend> days) {
  days_ = std::move(days);
  hovered_ = -1;
  UnsetToolTip();
  Refresh();
}

bool TrendChart::empty() const {
  return std::all_of(days_.begin(), days_.end(),
                     [](const db::DayTrend& d) { return d.active == 0 && d.arrivals == 0 && d.fevers == 0; });
}

wxString TrendChart::describeDay(std::size_t index) const {
  if (index >= days_.size()) return {};
  const auto& d = days_[index];
  // TRANSLATORS: the tooltip of one day of the Today chart; %1$s is the date (2022-11-20), then
  // the people under quarantine, the new cases and the fevers of that day.
  return wxString::Format(_("%1$s\nUnder quarantine: %2$lld\nNew cases: %3$lld\nFevers: %4$lld"),
                          wxString::FromUTF8(d.day.iso()), static_cast<long long>(d.active),
                          static_cast<long long>(d.arrivals), static_cast<long long>(d.fevers));
}

wxSize TrendChart::DoGetBestClientSize() const { return FromDIP(wxSize(640, 300)); }

TrendChart::Layout TrendChart::layoutFor(const wxSize& size) const {
  const wxFont small = GetFont().Scaled(0.9f);
  const wxFont title = GetFont().Bold().Scaled(1.15f);
  int smallW = 0, smallH = 0, titleW = 0, titleH = 0, widest = 0, h = 0;
  GetTextExtent("00-00", &smallW, &smallH, nullptr, nullptr, &small);
  GetTextExtent("Ag", &titleW, &titleH, nullptr, nullptr, &title);
  std::int64_t maxA = 0, maxB = 0;
  for (const auto& d : days_) {
    maxA = std::max(maxA, d.active);
    maxB = std::max({maxB, d.arrivals, d.fevers});
  }
  for (auto top : {niceScale(maxA, 4).top, niceScale(maxB, 3).top}) {
    int w = 0;
    GetTextExtent(number(top), &w, &h, nullptr, nullptr, &small);
    widest = std::max(widest, w);
  }
  const double pad = FromDIP(16), gap = FromDIP(6), caption = smallH + FromDIP(8);
  Layout l;
  l.left = pad + widest + FromDIP(8);
  l.right = size.x - pad - FromDIP(28);  // room for the latest value beside the line's last point
  double top = pad + titleH + FromDIP(10);
  double bottom = size.y - pad - smallH - gap;
  double avail = std::max(40.0, bottom - top - 2 * caption - FromDIP(22));
  l.topA = top + caption;
  l.bottomA = l.topA + avail * 0.55;
  l.topB = l.bottomA + FromDIP(22) + caption;
  l.bottomB = std::max(l.topB + 10, bottom);
  l.slot = days_.empty() ? 0 : (l.right - l.left) / static_cast<double>(days_.size());
  return l;
}

int TrendChart::dayAt(int x) const {
  if (days_.empty()) return -1;
  Layout l = layoutFor(GetClientSize());
  if (x < l.left || x >= l.right || l.slot <= 0) return -1;
  return std::min(static_cast<int>((x - l.left) / l.slot), static_cast<int>(days_.size()) - 1);
}

void TrendChart::onMotion(wxMouseEvent& event) {
  int day = empty() ? -1 : dayAt(event.GetX());
  if (day == hovered_) return;
  hovered_ = day;
  if (day < 0) UnsetToolTip();
  else SetToolTip(describeDay(static_cast<std::size_t>(day)));
  Refresh();
}

// One paint of the chart once its card and title are drawn: the parts in the order they are
// painted. The text extents are measured as each part goes and read by the parts after it, as one
// routine would.
class TrendChart::Painter {
 public:
  Painter(const TrendChart& chart, wxGraphicsContext& gc, const Layout& l)
      : chart_(chart), gc_(gc), l_(l), days_(chart.days_), n_(static_cast<int>(days_.size())),
        small_(chart.GetFont().Scaled(0.9f)) {
    std::int64_t maxA = 0, maxB = 0;
    for (const auto& d : days_) {
      maxA = std::max(maxA, d.active);
      maxB = std::max({maxB, d.arrivals, d.fevers});
    }
    scaleA_ = niceScale(maxA, 4);
    scaleB_ = niceScale(maxB, 3);
  }

  void paint(int hovered, const wxSize& size) {
    if (hovered >= 0 && hovered < n_) drawHover(hovered);
    if (chart_.empty()) {
      drawNothingToShow();
    } else {
      drawCaptions();
      drawAxis(scaleA_, [this](std::int64_t v) { return yA(v); });
      drawAxis(scaleB_, [this](std::int64_t v) { return yB(v); });
      drawActive();
      drawBars();
    }
    drawDayLabels(size);
  }

 private:
  int dip(int value) const { return chart_.FromDIP(value); }
  double yA(std::int64_t v) const {
    return l_.bottomA - (l_.bottomA - l_.topA) * static_cast<double>(v) / scaleA_.top;
  }
  double yB(std::int64_t v) const {
    return l_.bottomB - (l_.bottomB - l_.topB) * static_cast<double>(v) / scaleB_.top;
  }
  double xOf(int i) const { return l_.left + l_.slot * (i + 0.5); }

  void drawHover(int hovered) {
    gc_.SetPen(*wxTRANSPARENT_PEN);
    gc_.SetBrush(wxBrush(kHover));
    gc_.DrawRectangle(l_.left + l_.slot * hovered, l_.topA, l_.slot, l_.bottomA - l_.topA);
    gc_.DrawRectangle(l_.left + l_.slot * hovered, l_.topB, l_.slot, l_.bottomB - l_.topB);
  }

  // Nothing to draw: the day axis and a sentence, not two panels of zeros.
  void drawNothingToShow() {
    gc_.SetFont(chart_.GetFont(), kAxisText);
    wxString text = _("No one under quarantine, no new cases and no fevers in these days.");
    gc_.GetTextExtent(text, &textW_, &textH_);
    gc_.DrawText(text, (l_.left + l_.right - textW_) / 2, (l_.topA + l_.bottomB - textH_) / 2);
    gc_.SetPen(wxPen(kBaseline, 1));
    gc_.StrokeLine(l_.left, std::round(l_.bottomB) + 0.5, l_.right, std::round(l_.bottomB) + 0.5);
  }

  // Captions double as the legend: a swatch in the series' colour before its name.
  double swatch(double x, double y, const wxColour& colour, bool line) {
    gc_.SetPen(*wxTRANSPARENT_PEN);
    gc_.SetBrush(wxBrush(colour));
    double s = dip(10);
    if (line) gc_.DrawRoundedRectangle(x, y + textH_ / 2 - dip(2) * 0.75, s + 4, dip(3), dip(2) * 0.75);
    else gc_.DrawRectangle(x, y + (textH_ - s) / 2, s, s);
    return x + s + dip(line ? 10 : 6);
  }
  double caption(double x, double y, const wxColour& colour, bool line, const wxString& text) {
    x = swatch(x, y, colour, line);
    gc_.SetFont(small_, kTitleText);
    gc_.DrawText(text, x, y);
    gc_.GetTextExtent(text, &textW_, &textH_);
    return x + textW_ + dip(18);
  }
  void drawCaptions() {
    gc_.SetFont(small_, kAxisText);
    gc_.GetTextExtent("Ag", &textW_, &textH_);
    const double capA = l_.topA - textH_ - dip(8), capB = l_.topB - textH_ - dip(8);
    caption(l_.left, capA, kActive, true, _("Under quarantine"));
    double x = caption(l_.left, capB, kArrivals, false, _("New cases"));
    caption(x, capB, kFevers, false, _("Fevers (37.3 ℃ or above)"));
  }

  // Grid lines and y labels.
  template <typename Y>
  void drawAxis(const Scale& s, Y y) {
    for (std::int64_t v = 0; v <= s.top; v += s.step) {
      double at = y(v);
      gc_.SetPen(wxPen(v == 0 ? kBaseline : kGridLine, 1));
      gc_.StrokeLine(l_.left, std::round(at) + 0.5, l_.right, std::round(at) + 0.5);
      gc_.SetFont(small_, kAxisText);
      gc_.GetTextExtent(number(v), &textW_, &textH_);
      gc_.DrawText(number(v), l_.left - dip(8) - textW_, at - textH_ / 2);
    }
  }

  // Under quarantine: a soft area under a line, the latest value written beside its last point.
  void drawActive() {
    wxGraphicsPath area = gc_.CreatePath(), line = gc_.CreatePath();
    area.MoveToPoint(xOf(0), l_.bottomA);
    for (int i = 0; i < n_; ++i) {
      area.AddLineToPoint(xOf(i), yA(days_[i].active));
      if (i == 0) line.MoveToPoint(xOf(i), yA(days_[i].active));
      else line.AddLineToPoint(xOf(i), yA(days_[i].active));
    }
    area.AddLineToPoint(xOf(n_ - 1), l_.bottomA);
    area.CloseSubpath();
    gc_.SetPen(*wxTRANSPARENT_PEN);
    gc_.SetBrush(wxBrush(kActiveFill));
    gc_.FillPath(area);
    gc_.SetPen(gc_.CreatePen(wxGraphicsPenInfo(kActive).Width(dip(2)).Join(wxJOIN_ROUND)));
    gc_.StrokePath(line);
    const double r = dip(7) / 2.0;
    gc_.SetBrush(wxBrush(kActive));
    gc_.SetPen(wxPen(kCard, dip(2)));
    double lastY = yA(days_[n_ - 1].active);
    gc_.DrawEllipse(xOf(n_ - 1) - r, lastY - r, 2 * r, 2 * r);
    gc_.SetFont(small_.Bold(), kActive);
    gc_.DrawText(number(days_[n_ - 1].active), xOf(n_ - 1) + dip(7), lastY - textH_ - dip(1));
  }

  // New cases and fevers: a pair of bars per day.
  void drawBars() {
    const double bar = std::clamp(l_.slot * 0.34, 1.0, static_cast<double>(dip(9)));
    gc_.SetPen(*wxTRANSPARENT_PEN);
    for (int i = 0; i < n_; ++i) {
      if (days_[i].arrivals > 0) {
        gc_.SetBrush(wxBrush(kArrivals));
        gc_.DrawRectangle(xOf(i) - bar - 0.5, yB(days_[i].arrivals), bar, l_.bottomB - yB(days_[i].arrivals));
      }
      if (days_[i].fevers > 0) {
        gc_.SetBrush(wxBrush(kFevers));
        gc_.DrawRectangle(xOf(i) + 0.5, yB(days_[i].fevers), bar, l_.bottomB - yB(days_[i].fevers));
      }
    }
  }

  // Day labels (MM-DD) every few days, counted back from the last day so that today is labelled.
  void drawDayLabels(const wxSize& size) {
    const double pad = dip(16);
    gc_.SetFont(small_, kAxisText);
    gc_.GetTextExtent("00-00", &textW_, &textH_);
    double needed = std::max((textW_ + dip(12)) / std::max(l_.slot, 1.0), n_ / 7.0);
    int every = 15;
    for (int c : {1, 2, 5, 7, 10, 15})
      if (c >= needed) {
        every = c;
        break;
      }
    for (int i = n_ - 1; i >= 0; i -= every) {
      bool last = i == n_ - 1;
      gc_.SetFont(last ? small_.Bold() : small_, last ? kTitleText : kAxisText);
      wxString label = monthDay(days_[i].day);
      gc_.GetTextExtent(label, &textW_, &textH_);
      double at = std::min(xOf(i) - textW_ / 2, size.x - pad - textW_);
      gc_.SetPen(wxPen(kBaseline, 1));
      gc_.StrokeLine(std::round(xOf(i)) + 0.5, l_.bottomB, std::round(xOf(i)) + 0.5, l_.bottomB + dip(4));
      gc_.DrawText(label, at, l_.bottomB + dip(6));
    }
  }

  const TrendChart& chart_;
  wxGraphicsContext& gc_;
  const Layout l_;
  const std::vector<db::DayTrend>& days_;
  const int n_;
  const wxFont small_;
  Scale scaleA_, scaleB_;
  double textW_ = 0, textH_ = 0;
};

void TrendChart::onPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  const wxSize size = GetClientSize();
  dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
  dc.Clear();
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc || size.x < 50 || size.y < 50) return;

  const wxFont title = GetFont().Bold().Scaled(1.15f);
  const double pad = FromDIP(16);
  gc->SetPen(wxPen(kBorder));
  gc->SetBrush(wxBrush(kCard));
  gc->DrawRoundedRectangle(0.5, 0.5, size.x - 1.0, size.y - 1.0, FromDIP(8));

  const int n = static_cast<int>(days_.size());
  gc->SetFont(title, kTitleText);
  gc->DrawText(wxString::Format(wxPLURAL("Last %d day", "Last %d days", n), n), pad, pad);
  const Layout l = layoutFor(size);
  if (n == 0 || l.right - l.left < 20) return;
  Painter(*this, *gc, l).paint(hovered_, size);
}

}  // namespace gl::app
