// The Today tab (今日): the day's figures, each opening its list, and a 30-day chart.
#pragma once

#include <array>
#include <cstdint>
#include <functional>

#include "app/commands.h"
#include "app/ledger_panel.h"

class wxStaticText;

namespace gl::app {

class FigureTile;
class TrendChart;

class TodayPanel : public LedgerPanel {
 public:
  using OpenTab = std::function<void(Tab)>;
  TodayPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed, OpenTab open);

  // The tiles, in the order shown.
  enum class Figure {
    UnderQuarantine,
    MorningChecksToDo,
    EveningChecksToDo,
    ChecksDone,
    Fevers,
    ReleasesDue,
    Overdue,
    HouseholdsToVisit,
  };
  static constexpr std::size_t kFigureCount = 8;

  // What a tile shows (read back from the tile), for tests and the status bar.
  std::int64_t figure(Figure which) const;
  wxString figureDetail(Figure which) const;
  // Opens a tile's list, as a click or Enter on it does.
  void openFigure(Figure which);
  wxWindow* tile(Figure which) const;
  TrendChart* chart() const { return chart_; }

 protected:
  void load() override;  // today's figures and the 30-day chart

 private:
  OpenTab open_;
  wxStaticText* date_ = nullptr;
  std::array<FigureTile*, kFigureCount> tiles_{};
  TrendChart* chart_ = nullptr;
};

}  // namespace gl::app
