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

void TrendChart::onPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  const wxSize size = GetClientSize();
  dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
  dc.Clear();
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
  if (!gc || size.x < 50 || size.y < 50) return;

  const wxFont small = GetFont().Scaled(0.9f);
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

  std::int64_t maxA = 0, maxB = 0;
  for (const auto& d : days_) {
    maxA = std::max(maxA, d.active);
    maxB = std::max({maxB, d.arrivals, d.fevers});
  }
  const Scale scaleA = niceScale(maxA, 4), scaleB = niceScale(maxB, 3);
  auto yA = [&](std::int64_t v) { return l.bottomA - (l.bottomA - l.topA) * static_cast<double>(v) / scaleA.top; };
  auto yB = [&](std::int64_t v) { return l.bottomB - (l.bottomB - l.topB) * static_cast<double>(v) / scaleB.top; };
  auto xOf = [&](int i) { return l.left + l.slot * (i + 0.5); };
  double textW = 0, textH = 0;

  if (hovered_ >= 0 && hovered_ < n) {
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(kHover));
    gc->DrawRectangle(l.left + l.slot * hovered_, l.topA, l.slot, l.bottomA - l.topA);
    gc->DrawRectangle(l.left + l.slot * hovered_, l.topB, l.slot, l.bottomB - l.topB);
  }

  if (empty()) {
    // Nothing to draw: the day axis and a sentence, not two panels of zeros.
    gc->SetFont(GetFont(), kAxisText);
    wxString text = _("No one under quarantine, no new cases and no fevers in these days.");
    gc->GetTextExtent(text, &textW, &textH);
    gc->DrawText(text, (l.left + l.right - textW) / 2, (l.topA + l.bottomB - textH) / 2);
    gc->SetPen(wxPen(kBaseline, 1));
    gc->StrokeLine(l.left, std::round(l.bottomB) + 0.5, l.right, std::round(l.bottomB) + 0.5);
  } else {
    // Captions double as the legend: a swatch in the series' colour before its name.
    auto swatch = [&](double x, double y, const wxColour& colour, bool line) {
      gc->SetPen(*wxTRANSPARENT_PEN);
      gc->SetBrush(wxBrush(colour));
      double s = FromDIP(10);
      if (line) gc->DrawRoundedRectangle(x, y + textH / 2 - FromDIP(2) * 0.75, s + 4, FromDIP(3), FromDIP(2) * 0.75);
      else gc->DrawRectangle(x, y + (textH - s) / 2, s, s);
      return x + s + FromDIP(line ? 10 : 6);
    };
    gc->SetFont(small, kAxisText);
    gc->GetTextExtent("Ag", &textW, &textH);
    auto caption = [&](double x, double y, const wxColour& colour, bool line, const wxString& text) {
      x = swatch(x, y, colour, line);
      gc->SetFont(small, kTitleText);
      gc->DrawText(text, x, y);
      gc->GetTextExtent(text, &textW, &textH);
      return x + textW + FromDIP(18);
    };
    const double capA = l.topA - textH - FromDIP(8), capB = l.topB - textH - FromDIP(8);
    caption(l.left, capA, kActive, true, _("Under quarantine"));
    double x = caption(l.left, capB, kArrivals, false, _("New cases"));
    caption(x, capB, kFevers, false, _("Fevers (37.3 ℃ or above)"));

    // Grid lines and y labels.
    auto axis = [&](const Scale& s, auto y) {
      for (std::int64_t v = 0; v <= s.top; v += s.step) {
        double at = y(v);
        gc->SetPen(wxPen(v == 0 ? kBaseline : kGridLine, 1));
        gc->StrokeLine(l.left, std::round(at) + 0.5, l.right, std::round(at) + 0.5);
        gc->SetFont(small, kAxisText);
        gc->GetTextExtent(number(v), &textW, &textH);
        gc->DrawText(number(v), l.left - FromDIP(8) - textW, at - textH / 2);
      }
    };
    axis(scaleA, yA);
    axis(scaleB, yB);

    // Under quarantine: a soft area under a line, the latest value written beside its last point.
    wxGraphicsPath area = gc->CreatePath(), line = gc->CreatePath();
    area.MoveToPoint(xOf(0), l.bottomA);
    for (int i = 0; i < n; ++i) {
      area.AddLineToPoint(xOf(i), yA(days_[i].active));
      if (i == 0) line.MoveToPoint(xOf(i), yA(days_[i].active));
      else line.AddLineToPoint(xOf(i), yA(days_[i].active));
    }
    area.AddLineToPoint(xOf(n - 1), l.bottomA);
    area.CloseSubpath();
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(kActiveFill));
    gc->FillPath(area);
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(kActive).Width(FromDIP(2)).Join(wxJOIN_ROUND)));
    gc->StrokePath(line);
    const double r = FromDIP(7) / 2.0;
    gc->SetBrush(wxBrush(kActive));
    gc->SetPen(wxPen(kCard, FromDIP(2)));
    double lastY = yA(days_[n - 1].active);
    gc->DrawEllipse(xOf(n - 1) - r, lastY - r, 2 * r, 2 * r);
    gc->SetFont(small.Bold(), kActive);
    gc->DrawText(number(days_[n - 1].active), xOf(n - 1) + FromDIP(7), lastY - textH - FromDIP(1));

    // New cases and fevers: a pair of bars per day.
    const double bar = std::clamp(l.slot * 0.34, 1.0, static_cast<double>(FromDIP(9)));
    gc->SetPen(*wxTRANSPARENT_PEN);
    for (int i = 0; i < n; ++i) {
      if (days_[i].arrivals > 0) {
        gc->SetBrush(wxBrush(kArrivals));
        gc->DrawRectangle(xOf(i) - bar - 0.5, yB(days_[i].arrivals), bar, l.bottomB - yB(days_[i].arrivals));
      }
      if (days_[i].fevers > 0) {
        gc->SetBrush(wxBrush(kFevers));
        gc->DrawRectangle(xOf(i) + 0.5, yB(days_[i].fevers), bar, l.bottomB - yB(days_[i].fevers));
      }
    }
  }

  // Day labels (MM-DD) every few days, counted back from the last day so that today is labelled.
  gc->SetFont(small, kAxisText);
  gc->GetTextExtent("00-00", &textW, &textH);
  double needed = std::max((textW + FromDIP(12)) / std::max(l.slot, 1.0), n / 7.0);
  int every = 15;
  for (int c : {1, 2, 5, 7, 10, 15})
    if (c >= needed) {
      every = c;
      break;
    }
  for (int i = n - 1; i >= 0; i -= every) {
    bool last = i == n - 1;
    gc->SetFont(last ? small.Bold() : small, last ? kTitleText : kAxisText);
    wxString label = monthDay(days_[i].day);
    gc->GetTextExtent(label, &textW, &textH);
    double at = std::min(xOf(i) - textW / 2, size.x - pad - textW);
    gc->SetPen(wxPen(kBaseline, 1));
    gc->StrokeLine(std::round(xOf(i)) + 0.5, l.bottomB, std::round(xOf(i)) + 0.5, l.bottomB + FromDIP(4));
    gc->DrawText(label, at, l.bottomB + FromDIP(6));
  }
}

}  // namespace gl::app
