// The Visits tab (走访): screening campaigns, their progress per grid and building, and recording a visit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ledger_panel.h"

class wxButton;
class wxChoice;
class wxDataViewEvent;
class wxDataViewListCtrl;
class wxListView;
class wxStaticText;

namespace gl::app {

// The ledger's screening campaigns, the latest started first.
std::vector<db::Row> campaignsByStart(const db::Ledger& ledger);
// The campaign running on `day` (start_on <= day <= end_on, or no end); the latest started when
// several overlap; nullopt when none runs.
std::optional<db::Row> runningCampaign(const db::Ledger& ledger, core::Date day);
// "冬季入户排查 (2022-11-06 – 2022-11-27)", for choosers.
wxString campaignTitle(const db::Row& campaign);

class VisitsPanel : public LedgerPanel {
 public:
  VisitsPanel(wxWindow* parent, db::Ledger& ledger, ChangedCallback changed);

  // Records a visit to `householdId`; with "" to the household selected in the to-visit list (if
  // none is selected, says so in the panel).
  void newVisit(const std::string& householdId);
  void newCampaign();

  // For tests and the frame: the campaign shown, its progress lines, the grid whose households are
  // listed, those households (ids, walking order) and the panel's message line.
  std::string campaignId() const;
  void selectCampaign(const std::string& campaignId);
  const std::vector<db::VisitProgress>& progress() const { return progress_; }
  std::string gridId() const { return gridId_; }
  void selectGrid(const std::string& gridId);
  std::vector<std::string> toVisit() const;
  std::string selectedHousehold() const;
  void selectHousehold(const std::string& householdId);
  wxString message() const;

 protected:
  void load() override;  // the campaigns, the progress and the households still to visit

 private:
  void loadCampaigns(const std::string& keep);
  void loadProgress();
  void loadToVisit();
  void onProgressSelected();
  void say(const wxString& text);

  wxChoice* campaign_ = nullptr;
  wxButton* newCampaign_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxDataViewListCtrl* progressList_ = nullptr;
  wxStaticText* toVisitTitle_ = nullptr;
  wxListView* toVisitList_ = nullptr;
  wxButton* record_ = nullptr;
  wxStaticText* message_ = nullptr;

  std::vector<std::string> campaignIds_;
  std::vector<db::VisitProgress> progress_;
  std::string gridId_;
  std::vector<db::Row> toVisit_;
};

}  // namespace gl::app
