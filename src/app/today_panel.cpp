#include "app/today_panel.h"

#include <memory>
#include <optional>

#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/form_support.h"
#include "app/trend_chart.h"
#include "app/visits_panel.h"
#include "db/figure_queries.h"
#include "db/visit_queries.h"

namespace gl::app {

namespace col = core::col;

namespace {

constexpr int kTrendDays = 30;

const wxColour kPage(243, 245, 248);
const wxColour kCard(255, 255, 255);
const wxColour kCardHover(247, 250, 253);
const wxColour kBorder(218, 223, 230);
const wxColour kTitle(55, 65, 81);
const wxColour kValue(17, 24, 39);
const wxColour kDetail(107, 114, 128);
const wxColour kAlert(192, 40, 40);

wxString count(std::int64_t n) { return wxString::Format("%lld", static_cast<long long>(n)); }

wxString weekday(const core::Date& d) {
  static const char* const names[] = {wxTRANSLATE("Sunday"),   wxTRANSLATE("Monday"), wxTRANSLATE("Tuesday"),
                                      wxTRANSLATE("Wednesday"), wxTRANSLATE("Thursday"), wxTRANSLATE("Friday"),
                                      wxTRANSLATE("Saturday")};
  long days = d.daysSinceEpoch();  // 1970-01-01 was a Thursday
  return wxGetTranslation(names[((days % 7) + 7 + 4) % 7]);
}

}  // namespace

// One figure as a big, calm card: a title, the number, a line of detail. It is a control, so Tab
// reaches it and Enter or Space opens its list, as a click does.
class FigureTile : public wxControl {
 public:
  FigureTile(wxWindow* parent, const wxString& title, const wxColour& accent, const wxString& tooltip,
             std::function<void()> open)
      : wxControl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
        title_(title), accent_(accent), open_(std::move(open)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetCursor(wxCursor(wxCURSOR_HAND));
    SetToolTip(tooltip);
    SetLabel(title);
    Bind(wxEVT_PAINT, &FigureTile::onPaint, this);
    Bind(wxEVT_ENTER_WINDOW, [this](wxMouseEvent&) { setHover(true); });
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) { setHover(false); });
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) { Refresh(); e.Skip(); });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) { Refresh(); e.Skip(); });
    Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent&) { SetFocus(); });
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
      if (GetClientRect().Contains(e.GetPosition())) activate();
    });
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
      int key = e.GetKeyCode();
      if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER || key == WXK_SPACE) activate();
      else e.Skip();
    });
  }

  void setFigure(std::optional<std::int64_t> value, const wxString& detail, bool alert) {
    value_ = value;
    detail_ = detail;
    alert_ = alert;
    // What a screen reader says: "Fevers today: 2".
    SetLabel(title_ + ": " + (value ? count(*value) : wxString("—")));
    Refresh();
  }
  std::int64_t value() const { return value_.value_or(0); }
  const wxString& detail() const { return detail_; }
  void activate() {
    if (open_) open_();
  }

  bool AcceptsFocus() const override { return true; }
  bool AcceptsFocusFromKeyboard() const override { return true; }
  bool ShouldInheritColours() const override { return false; }

 protected:
  wxSize DoGetBestClientSize() const override {
    int w = 0, h = 0, titleH = 0, valueH = 0, detailH = 0;
    GetTextExtent(title_, &w, &titleH);
    const wxFont value = valueFont(), detail = detailFont();
    GetTextExtent("0", nullptr, &valueH, nullptr, nullptr, &value);
    GetTextExtent("Ag", nullptr, &detailH, nullptr, nullptr, &detail);
    h = FromDIP(14) * 2 + titleH + FromDIP(4) + valueH + detailH;
    return wxSize(std::max(FromDIP(170), w + FromDIP(60)), h);
  }

 private:
  wxFont valueFont() const { return GetFont().Bold().Scaled(2.3f); }
  wxFont detailFont() const { return GetFont().Scaled(0.9f); }

  void setHover(bool hover) {
    hover_ = hover;
    Refresh();
  }

  void onPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxSize size = GetClientSize();
    const bool focused = HasFocus();
    const double pad = FromDIP(14), radius = FromDIP(8);
    gc->SetBrush(wxBrush(hover_ ? kCardHover : kCard));
    if (focused) gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(accent_).Width(FromDIP(2))));
    else gc->SetPen(wxPen(hover_ ? accent_ : kBorder));
    double inset = focused ? FromDIP(1) : 0.5;
    gc->DrawRoundedRectangle(inset, inset, size.x - 2 * inset, size.y - 2 * inset, radius);

    double w = 0, titleH = 0, valueH = 0, detailH = 0;
    gc->SetFont(GetFont(), kTitle);
    gc->GetTextExtent(title_, &w, &titleH);
    const double dot = FromDIP(8);
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(accent_));
    gc->DrawEllipse(pad, pad + (titleH - dot) / 2, dot, dot);
    gc->DrawText(title_, pad + dot + FromDIP(7), pad);
    // A chevron: this card opens something.
    double cx = size.x - pad - FromDIP(4), cy = pad + titleH / 2, arm = FromDIP(4);
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(kDetail).Width(FromDIP(2) * 0.75)));
    wxGraphicsPath chevron = gc->CreatePath();
    chevron.MoveToPoint(cx - arm, cy - arm);
    chevron.AddLineToPoint(cx, cy);
    chevron.AddLineToPoint(cx - arm, cy + arm);
    gc->StrokePath(chevron);

    const wxString value = value_ ? count(*value_) : wxString("—");
    gc->SetFont(valueFont(), alert_ && value_.value_or(0) > 0 ? kAlert : kValue);
    gc->GetTextExtent(value, &w, &valueH);
    double valueY = pad + titleH + FromDIP(4);
    gc->DrawText(value, pad, valueY);
    gc->SetFont(detailFont(), kDetail);
    gc->GetTextExtent("Ag", &w, &detailH);
    dc.SetFont(detailFont());
    wxString detail = wxControl::Ellipsize(detail_, dc, wxELLIPSIZE_END, static_cast<int>(size.x - 2 * pad));
    gc->DrawText(detail, pad, std::min(valueY + valueH, size.y - pad - detailH));
  }

  wxString title_;
  wxColour accent_;
  std::function<void()> open_;
  std::optional<std::int64_t> value_;
  wxString detail_;
  bool alert_ = false;
  bool hover_ = false;
};

TodayPanel::TodayPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed, OpenTab open)
    : LedgerPanel(parent, ledger, std::move(changed)), open_(std::move(open)) {
  SetBackgroundColour(kPage);
  const int gap = FromDIP(12);
  auto* root = new wxBoxSizer(wxVERTICAL);

  auto* header = new wxBoxSizer(wxHORIZONTAL);
  date_ = new wxStaticText(this, wxID_ANY, wxString());
  date_->SetFont(GetFont().Bold().Scaled(1.35f));
  date_->SetForegroundColour(kValue);
  header->Add(date_, wxSizerFlags().CenterVertical());
  header->AddStretchSpacer();
  auto* hint = new wxStaticText(this, wxID_ANY, _("Click a figure, or Tab to it and press Enter, to open its list."));
  hint->SetForegroundColour(kDetail);
  header->Add(hint, wxSizerFlags().CenterVertical());
  root->Add(header, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap + FromDIP(2)));

  struct Spec {
    Figure figure;
    wxString title;
    wxColour accent;
    Tab tab;
  };
  const Spec specs[kFigureCount] = {
      {Figure::UnderQuarantine, _("Under quarantine"), wxColour(37, 99, 175), Tab::Quarantine},
      {Figure::MorningChecksToDo, _("Morning checks to do"), wxColour(14, 140, 150), Tab::Quarantine},
      {Figure::EveningChecksToDo, _("Evening checks to do"), wxColour(79, 70, 170), Tab::Quarantine},
      {Figure::ChecksDone, _("Checks done today"), wxColour(46, 140, 80), Tab::Quarantine},
      {Figure::Fevers, _("Fevers today"), wxColour(200, 55, 55), Tab::Quarantine},
      {Figure::ReleasesDue, _("Releases due today"), wxColour(120, 90, 180), Tab::Quarantine},
      {Figure::Overdue, _("Overdue"), wxColour(222, 130, 30), Tab::Quarantine},
      {Figure::HouseholdsToVisit, _("Households to visit"), wxColour(30, 120, 200), Tab::Visits},
  };
  auto* grid = new wxGridSizer(2, 4, gap, gap);
  for (const auto& spec : specs) {
    wxString tooltip = spec.tab == Tab::Visits ? _("Open the Visits tab") : _("Open the Quarantine tab");
    Tab tab = spec.tab;
    auto* tile = new FigureTile(this, spec.title, spec.accent, tooltip, [this, tab] {
      if (open_) open_(tab);
    });
    tiles_[static_cast<std::size_t>(spec.figure)] = tile;
    grid->Add(tile, wxSizerFlags().Expand());
  }
  root->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));
  chart_ = new TrendChart(this);
  root->Add(chart_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
  SetSizer(root);
}

void TodayPanel::load() {
  const core::Date today = ledger().today();
  const db::Figures f = query<db::FigureQueries>().today(today);
  // TRANSLATORS: the Today tab's heading: %1$s is the date (2022-11-20), %2$s the day of the week.
  date_->SetLabel(wxString::Format(_("Today, %1$s, %2$s"), toWx(today.iso()), weekday(today)));

  // Checks still to take, by time of day: the first slot is the morning; the others (the evening,
  // and noon where a policy has three) are later in the day.
  const long long morningDue = f.morningChecksDue, morningToDo = f.morningChecksDue - f.morningChecksDone;
  const long long laterDue = f.laterChecksDue, laterToDo = f.laterChecksDue - f.laterChecksDone;

  auto set = [this](Figure which, std::optional<std::int64_t> value, const wxString& detail, bool alert = false) {
    tiles_[static_cast<std::size_t>(which)]->setFigure(value, detail, alert);
  };
  set(Figure::UnderQuarantine, f.activeQuarantines,
      f.arrivalsToday > 0 ? wxString::Format(wxPLURAL("%lld new case today", "%lld new cases today", f.arrivalsToday),
                                             static_cast<long long>(f.arrivalsToday))
                          : _("no new case today"));
  set(Figure::MorningChecksToDo, morningToDo,
      // TRANSLATORS: under the number of morning checks still to take; %lld is the morning's total.
      morningDue > 0 ? wxString::Format(_("of %lld due this morning"), morningDue) : _("none due this morning"));
  set(Figure::EveningChecksToDo, laterToDo,
      // TRANSLATORS: under the number of evening checks still to take; %lld is the evening's total.
      laterDue > 0 ? wxString::Format(_("of %lld due this evening"), laterDue) : _("none due this evening"));
  set(Figure::ChecksDone, f.checksDoneToday,
      // TRANSLATORS: under the number of checks recorded today; %lld is the day's total of due checks.
      f.checksDueToday > 0 ? wxString::Format(_("of %lld due today"), static_cast<long long>(f.checksDueToday))
                           : _("none due today"));
  set(Figure::Fevers, f.feversToday, _("37.3 ℃ or above"), true);
  set(Figure::ReleasesDue, f.releasesDueToday,
      f.releasesProposed > 0
          ? wxString::Format(wxPLURAL("%lld ready for release", "%lld ready for release", f.releasesProposed),
                             static_cast<long long>(f.releasesProposed))
          : _("none ready for release"));
  set(Figure::Overdue, f.overdueReleases,
      f.needDecision > 0 ? wxString::Format(wxPLURAL("%lld needs a decision", "%lld need a decision", f.needDecision),
                                            static_cast<long long>(f.needDecision))
                         : _("past the planned end"),
      true);

  if (auto campaign = runningCampaign(ledger(), today)) {
    std::int64_t left = 0;
    for (const auto& p : query<db::VisitQueries>().progress(campaign->id)) left += p.households - p.visited;
    set(Figure::HouseholdsToVisit, left, toWx((*campaign)[col::campaign::name].value_or("")));
  } else {
    set(Figure::HouseholdsToVisit, std::nullopt, _("No campaign running today"));
  }

  chart_->setDays(query<db::FigureQueries>().trend(today, kTrendDays));
  Layout();
}

std::int64_t TodayPanel::figure(Figure which) const { return tiles_[static_cast<std::size_t>(which)]->value(); }

wxString TodayPanel::figureDetail(Figure which) const { return tiles_[static_cast<std::size_t>(which)]->detail(); }

wxWindow* TodayPanel::tile(Figure which) const { return tiles_[static_cast<std::size_t>(which)]; }

void TodayPanel::openFigure(Figure which) { tiles_[static_cast<std::size_t>(which)]->activate(); }

}  // namespace gl::app
