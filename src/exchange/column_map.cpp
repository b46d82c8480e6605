#include "exchange/column_map.h"

#include <array>
#include <unordered_map>
#include <utility>

#include "core/ascii.h"
#include "core/schema.h"
#include "core/utf8.h"

namespace gl::exchange {

namespace {

using F = ImportField;

constexpr std::pair<F, std::string_view> kNames[] = {
    {F::Ignore, "ignore"},
    {F::Sensitive, "sensitive"},
    {F::Name, "name"},
    {F::Sex, "sex"},
    {F::IdType, "id_type"},
    {F::IdNumber, "id_number"},
    {F::BirthDate, "birth_date"},
    {F::Phone, "phone"},
    {F::Ethnicity, "ethnicity"},
    {F::Relation, "relation"},
    {F::Residence, "residence"},
    {F::Address, "address"},
    {F::HouseholdNo, "household_no"},
    {F::Building, "building"},
    {F::Unit, "unit"},
    {F::Room, "room"},
    {F::Grid, "grid"},
    {F::QuarantineKind, "kind"},
    {F::Reason, "reason"},
    {F::SourcePlace, "source_place"},
    {F::ArrivedOn, "arrived_on"},
    {F::StartOn, "start_on"},
    {F::PlannedEndOn, "planned_end_on"},
    {F::Place, "place"},
    {F::Status, "status"},
    {F::VisitedOn, "visited_on"},
    {F::Temperature, "temperature"},
    {F::Symptoms, "symptoms"},
    {F::HealthCode, "health_code"},
    {F::Travel, "travel"},
    {F::Notes, "notes"},
    {F::RecordId, "id"},
    {F::HouseholdRef, "household"},
};

// DOMAIN.md 4.2: verbatim headers from real rosters and suggested variants, written as people type
// them; they go through normalizeHeader like the file's headers do. Headers that name someone else
// (对方姓名, 户主身份证号码, 联系方式（应急联系人及电话）) are deliberately absent: they stay unmapped.
constexpr std::pair<std::string_view, F> kSynonyms[] = {
    {"序号", F::Ignore},
    {"编号", F::Ignore},
    {"序", F::Ignore},
    {"no.", F::Ignore},
    {"年龄", F::Ignore},
    {"姓名", F::Name},
    {"名字", F::Name},
    {"人员姓名", F::Name},
    {"隔离人员姓名", F::Name},
    {"性别", F::Sex},
    {"证件类型", F::IdType},
    {"身份证件名称", F::IdType},
    {"证件种类", F::IdType},
    {"身份证号", F::IdNumber},
    {"身份证", F::IdNumber},
    {"证件号", F::IdNumber},
    {"证件号码", F::IdNumber},
    {"身份证号码", F::IdNumber},
    {"公民身份号码", F::IdNumber},
    {"证件号码/身份证号", F::IdNumber},
    {"身份证件号码", F::IdNumber},
    {"生日", F::BirthDate},
    {"出生日期", F::BirthDate},
    {"出生年月", F::BirthDate},
    {"手机号", F::Phone},
    {"电话", F::Phone},
    {"联系电话", F::Phone},
    {"电话号码", F::Phone},
    {"联系方式", F::Phone},
    {"联系方式（本人）", F::Phone},
    {"手机号码", F::Phone},
    {"移动电话", F::Phone},
    {"联系手机", F::Phone},
    {"民族", F::Ethnicity},
    {"与户主关系", F::Relation},
    {"入住状态", F::Residence},
    {"人口类型", F::Residence},
    {"居住状态", F::Residence},
    {"现住址", F::Address},
    {"常驻地址", F::Address},
    {"详细地址", F::Address},
    {"住址", F::Address},
    {"居住地址", F::Address},
    {"家庭住址", F::Address},
    {"目前居住区域", F::Address},
    {"现居住地址", F::Address},
    {"现居地", F::Address},
    {"居住地", F::Address},
    {"地址", F::Address},
    {"户籍或常住地址", F::Address},
    {"户号", F::HouseholdNo},
    {"户编号", F::HouseholdNo},
    {"楼号、单元、房间号", F::Building},
    {"楼号单元房间号", F::Building},
    {"楼栋", F::Building},
    {"栋", F::Building},
    {"幢", F::Building},
    {"楼号", F::Building},
    {"门牌号", F::Building},
    {"门牌", F::Building},
    {"单元", F::Unit},
    {"单元号", F::Unit},
    {"房间号", F::Room},
    {"房号", F::Room},
    {"室", F::Room},
    {"网格", F::Grid},
    {"所属网格", F::Grid},
    {"网格名称", F::Grid},
    {"管控措施", F::QuarantineKind},
    {"人员管控信息", F::QuarantineKind},
    {"隔离方式", F::QuarantineKind},
    {"隔离类型", F::QuarantineKind},
    {"管控方式", F::QuarantineKind},
    {"隔离原因", F::Reason},
    {"人员类别", F::Reason},
    {"人员类型", F::Reason},
    {"风险类别", F::Reason},
    {"来源地", F::SourcePlace},
    {"自哪来", F::SourcePlace},
    {"何处返程", F::SourcePlace},
    {"出发地点", F::SourcePlace},
    {"来自地区", F::SourcePlace},
    {"重点疫区说明", F::SourcePlace},
    {"来自", F::SourcePlace},
    {"从何地返回", F::SourcePlace},
    {"返回地", F::SourcePlace},
    {"来源地区", F::SourcePlace},
    {"始发地", F::SourcePlace},
    {"来义时间", F::ArrivedOn},
    {"抵义时间", F::ArrivedOn},
    {"来宁时间", F::ArrivedOn},
    {"到达时间", F::ArrivedOn},
    {"返程时间", F::ArrivedOn},
    {"返回时间", F::ArrivedOn},
    {"入驻时间", F::ArrivedOn},
    {"进入时间", F::ArrivedOn},
    {"返回日期", F::ArrivedOn},
    {"抵达时间", F::ArrivedOn},
    {"返乡时间", F::ArrivedOn},
    {"到达日期", F::ArrivedOn},
    {"开始居家隔离时间", F::StartOn},
    {"入住时间", F::StartOn},
    {"开始管理时间", F::StartOn},
    {"管理时间", F::StartOn},
    {"隔离开始时间", F::StartOn},
    {"隔离起始日期", F::StartOn},
    {"隔离时间", F::StartOn},
    {"解除居家隔离时间", F::PlannedEndOn},
    {"解除隔离日期", F::PlannedEndOn},
    {"隔离结束时间", F::PlannedEndOn},
    {"解除隔离时间", F::PlannedEndOn},
    {"预计解除时间", F::PlannedEndOn},
    {"酒店", F::Place},
    {"隔离点", F::Place},
    {"隔离地点", F::Place},
    {"隔离酒店", F::Place},
    {"管控状态", F::Status},
    {"隔离状态", F::Status},
    {"走访日期", F::VisitedOn},
    {"走访日期时间", F::VisitedOn},
    {"排查日期", F::VisitedOn},
    {"当前体温", F::Temperature},
    {"体温", F::Temperature},
    {"目前症状", F::Symptoms},
    {"症状", F::Symptoms},
    {"有无症状", F::Symptoms},
    {"身体状态", F::Symptoms},
    {"健康状况", F::Symptoms},
    {"目前有无咳嗽，发热等症状", F::Symptoms},
    {"健康码", F::HealthCode},
    {"健康码状态", F::HealthCode},
    {"健康码颜色", F::HealthCode},
    {"码色", F::HealthCode},
    {"途经城市", F::Travel},
    {"停靠地点", F::Travel},
    {"假期你所去过的省市", F::Travel},
    {"途经地", F::Travel},
    {"旅居史", F::Travel},
    {"行程", F::Travel},
    {"备注", F::Notes},
    {"备注（跟踪详情）", F::Notes},
    {"其他备注信息", F::Notes},
    {"其他信息", F::Notes},
    {"说明", F::Notes},
    // Collected by some forms, not needed here (DOMAIN.md 6): recognised only to be left out.
    {"宗教信仰", F::Sensitive},
    {"宗教", F::Sensitive},
    {"政治面貌", F::Sensitive},
    {"qq", F::Sensitive},
    {"微信", F::Sensitive},
    {"qq/微信", F::Sensitive},
    {"微信号", F::Sensitive},
    {"qq号", F::Sensitive},
    {"疫苗接种", F::Sensitive},
    {"是否疫苗接种", F::Sensitive},
    {"疫苗接种剂次", F::Sensitive},
    {"接种剂次", F::Sensitive},
    {"疫苗接种日期", F::Sensitive},
    {"接种日期", F::Sensitive},
    {"婚姻状况", F::Sensitive},
    {"曾用名", F::Sensitive},
};

// Brackets whose content is a unit or a remark, dropped before matching: 体温（℃）, 年龄(岁).
constexpr std::string_view kUnitContents[] = {"℃", "°c", "度", "岁", "c"};

std::string replaceAll(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

const std::unordered_map<std::string, F>& dictionary() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, F>;
    for (const auto& [header, field] : kSynonyms) m->emplace(normalizeHeader(header), field);
    return m;
  }();
  return *map;
}

struct ValueSynonym {
  F field;
  std::string_view value;
  std::string_view code;
};

constexpr ValueSynonym kValues[] = {
    {F::Sex, "男", "male"},
    {F::Sex, "男性", "male"},
    {F::Sex, "m", "male"},
    {F::Sex, "1", "male"},
    {F::Sex, "女", "female"},
    {F::Sex, "女性", "female"},
    {F::Sex, "f", "female"},
    {F::Sex, "2", "female"},
    {F::Sex, "未知", "unknown"},
    {F::Sex, "不详", "unknown"},
    {F::IdType, "身份证", "resident"},
    {F::IdType, "居民身份证", "resident"},
    {F::IdType, "护照", "passport"},
    {F::IdType, "港澳居民来往内地通行证", "hk_macau_travel"},
    {F::IdType, "回乡证", "hk_macau_travel"},
    {F::IdType, "台湾居民来往大陆通行证", "taiwan_travel"},
    {F::IdType, "台胞证", "taiwan_travel"},
    {F::IdType, "外国人永久居留身份证", "foreign_pr"},
    {F::IdType, "外国人永久居留证", "foreign_pr"},
    {F::QuarantineKind, "居家", "home"},
    {F::QuarantineKind, "居家隔离", "home"},
    {F::QuarantineKind, "居家医学观察", "home"},
    {F::QuarantineKind, "居家隔离医学观察", "home"},
    {F::QuarantineKind, "集中", "central"},
    {F::QuarantineKind, "集中隔离", "central"},
    {F::QuarantineKind, "集中隔离点", "central"},
    {F::QuarantineKind, "集中医学观察", "central"},
    {F::QuarantineKind, "集中隔离医学观察", "central"},
    {F::QuarantineKind, "酒店隔离", "central"},
    {F::QuarantineKind, "居家健康监测", "monitor"},
    {F::QuarantineKind, "居家健康观察", "monitor"},
    {F::QuarantineKind, "日常健康监测", "monitor"},
    {F::QuarantineKind, "健康监测", "monitor"},
    {F::Reason, "密接", "close_contact"},
    {F::Reason, "密切接触者", "close_contact"},
    {F::Reason, "次密接", "secondary_contact"},
    {F::Reason, "次密切接触者", "secondary_contact"},
    {F::Reason, "中高风险地区", "risk_area"},
    {F::Reason, "风险地区", "risk_area"},
    {F::Reason, "中高风险地区来返", "risk_area"},
    {F::Reason, "高风险地区", "risk_area"},
    {F::Reason, "中风险地区", "risk_area"},
    {F::Reason, "其他", "other"},
    {F::Status, "隔离中", "active"},
    {F::Status, "在管", "active"},
    {F::Status, "正在管理", "active"},
    {F::Status, "已隔离", "active"},
    {F::Status, "管控中", "active"},
    {F::Status, "已解除", "released"},
    {F::Status, "解除隔离", "released"},
    {F::Status, "结束管控", "released"},
    {F::Status, "转运", "transferred"},
    {F::Status, "转出", "transferred"},
    {F::Status, "送医", "hospitalized"},
    {F::Status, "住院", "hospitalized"},
    {F::Status, "取消", "cancelled"},
    {F::HealthCode, "绿", "green"},
    {F::HealthCode, "绿码", "green"},
    {F::HealthCode, "绿色", "green"},
    {F::HealthCode, "黄", "yellow"},
    {F::HealthCode, "黄码", "yellow"},
    {F::HealthCode, "黄色", "yellow"},
    {F::HealthCode, "红", "red"},
    {F::HealthCode, "红码", "red"},
    {F::HealthCode, "红色", "red"},
    {F::Residence, "常住", "permanent"},
    {F::Residence, "户籍", "permanent"},
    {F::Residence, "户籍人口", "permanent"},
    {F::Residence, "暂住", "temporary"},
    {F::Residence, "流动", "floating"},
    {F::Residence, "流动人口", "floating"},
    {F::Residence, "外出", "away"},
};

}  // namespace

std::string_view fieldName(ImportField field) {
  for (const auto& [f, name] : kNames)
    if (f == field) return name;
  return "ignore";
}

std::optional<ImportField> fieldByName(std::string_view name) {
  std::string lower = core::ascii::toLower(name);
  for (const auto& [f, n] : kNames)
    if (n == lower) return f;
  return std::nullopt;
}

const std::vector<ImportField>& mappableFields() {
  static const std::vector<ImportField> fields = [] {
    std::vector<ImportField> out;
    for (const auto& [f, name] : kNames) out.push_back(f);
    return out;
  }();
  return fields;
}

std::string normalizeHeader(std::string_view header) {
  std::string s;
  for (char32_t c : core::utf8::decode(core::utf8::foldWidth(header)))
    if (c != U' ' && c != U'\t' && c != U'\r' && c != U'\n' && c != U'\u3000') s += core::utf8::encode(c);
  s = core::ascii::toLower(s);
  // Width folding turned （） into (); drop a bracket that holds a unit.
  for (auto unit : kUnitContents) {
    std::string bracket(1, '(');  // built by appends: GCC 12 -O3 warns falsely (-Wrestrict) on "(" + s
    bracket.append(unit).push_back(')');
    s = replaceAll(s, bracket, "");
  }
  s = replaceAll(s, "时间", "日期");
  s = replaceAll(s, "途径", "途经");
  return s;
}

std::optional<ImportField> fieldForHeader(std::string_view header) {
  auto normalized = normalizeHeader(header);
  auto it = dictionary().find(normalized);
  if (it != dictionary().end()) return it->second;
  // This program's own exports name their columns as the data model does (id_number, start_on).
  if (auto field = fieldByName(normalized); field && *field != F::Ignore && *field != F::Sensitive)
    return field;
  return std::nullopt;
}

std::optional<std::string> codeForValue(ImportField field, std::string_view value) {
  std::string v = core::ascii::toLower(core::utf8::trim(core::utf8::foldWidth(value)));
  for (const auto& s : kValues)
    if (s.field == field && s.value == v) return std::string(s.code);
  // Already a code (an export of this program re-imported).
  auto isCodeOf = [&](const auto& codes) {
    for (std::string_view c : codes)
      if (c == v) return true;
    return false;
  };
  namespace codes = core::codes;
  bool known = (field == F::Sex && isCodeOf(codes::kSex)) ||
               (field == F::IdType && isCodeOf(codes::kIdType)) ||
               (field == F::QuarantineKind && isCodeOf(codes::kQuarantineKind)) ||
               (field == F::Reason && isCodeOf(codes::kQuarantineReason)) ||
               (field == F::Status && isCodeOf(codes::kQuarantineStatus)) ||
               (field == F::HealthCode && isCodeOf(codes::kHealthCode)) ||
               (field == F::Residence && isCodeOf(codes::kResidence));
  if (known) return v;
  return std::nullopt;
}

}  // namespace gl::exchange
