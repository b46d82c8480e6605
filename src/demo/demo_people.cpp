#include "demo/demo_people.h"

#include <array>
#include <fmt/format.h>

#include "core/identity.h"

namespace gl::demo {

namespace {

// The most common surnames with rough weights (per mille of the population; national figures as
// widely reported from the 2020 household register, rounded).
struct Weighted {
  const char* text;
  int weight;
};
constexpr Weighted kSurnames[] = {
    {"王", 73}, {"李", 72}, {"张", 68}, {"刘", 54}, {"陈", 45}, {"杨", 32}, {"黄", 24}, {"赵", 23},
    {"吴", 20}, {"周", 19}, {"徐", 13}, {"孙", 13}, {"马", 12}, {"朱", 11}, {"胡", 11}, {"郭", 11},
    {"何", 10}, {"林", 10}, {"高", 10}, {"罗", 10}, {"郑", 9},  {"梁", 9},  {"谢", 7},  {"宋", 7},
    {"唐", 7},  {"许", 6},  {"韩", 6},  {"冯", 6},  {"邓", 6},  {"曹", 6},  {"彭", 6},  {"曾", 5},
    {"肖", 5},  {"田", 5},  {"董", 5},  {"袁", 5},  {"潘", 4},  {"于", 4},  {"蒋", 4},  {"蔡", 4},
    {"余", 4},  {"杜", 4},  {"叶", 4},  {"程", 4},  {"苏", 3},  {"魏", 3},  {"吕", 3},  {"丁", 3},
    {"任", 3},  {"沈", 3},  {"姚", 3},  {"卢", 3},  {"姜", 3},  {"崔", 3},  {"钟", 2},  {"谭", 2},
    {"陆", 2},  {"汪", 2},  {"范", 2},  {"金", 2},  {"石", 2},  {"廖", 2},  {"贾", 2},  {"夏", 2},
    {"韦", 2},  {"付", 2},  {"方", 2},  {"白", 2},  {"邹", 2},  {"孟", 2},  {"熊", 2},  {"秦", 2},
    {"邱", 2},  {"江", 2},  {"尹", 2},  {"薛", 2},  {"闫", 2},  {"段", 2},  {"雷", 2},  {"侯", 2},
    {"龙", 2},  {"史", 2},  {"单", 1},  {"欧阳", 1}, {"上官", 1}, {"区", 1}, {"解", 1}, {"翟", 1},
};

constexpr const char* kMaleChars[] = {"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉",
                                      "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆",
                                      "建", "国", "志", "文", "海", "东", "林", "峰", "亮", "成", "博", "晨"};
constexpr const char* kFemaleChars[] = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英",
                                        "华", "慧", "婷", "雪", "琳", "晶", "颖", "倩", "梅", "兰", "欣", "怡",
                                        "佳", "萍", "红", "燕", "洁", "莉", "云", "玉", "思", "雨", "梦", "蕾"};

// County codes of people registered elsewhere: Zibo's other districts and counties first, then
// provinces people commonly move from.
constexpr const char* kOtherCounties[] = {"370302", "370303", "370304", "370305", "370306", "370321",
                                          "370323", "371621", "371625", "370102", "130102", "410105",
                                          "340104", "320311", "510107", "230103"};

// Mobile segments (docs/domain.md §3).
constexpr const char* kSegments[] = {"134", "135", "136", "137", "138", "139", "150", "151", "152", "157",
                                     "158", "159", "182", "183", "187", "188", "130", "131", "132", "155",
                                     "156", "185", "186", "133", "153", "180", "181", "189", "177", "199"};

int totalWeight() {
  int t = 0;
  for (const auto& s : kSurnames) t += s.weight;
  return t;
}

}  // namespace

int uniform(Random& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool chance(Random& rng, double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }

std::string surname(Random& rng) {
  static const int total = totalWeight();
  int pick = uniform(rng, 0, total - 1);
  for (const auto& s : kSurnames) {
    if (pick < s.weight) return s.text;
    pick -= s.weight;
  }
  return "王";
}

std::string givenName(Random& rng, bool male) {
  const auto& chars = male ? kMaleChars : kFemaleChars;
  constexpr int n = static_cast<int>(std::size(kMaleChars));
  std::string name = chars[uniform(rng, 0, n - 1)];
  if (chance(rng, 0.7)) name += chars[uniform(rng, 0, n - 1)];
  return name;
}

std::string idNumber(Random& rng, const core::Date& birth, bool male, const char* localCounty, IssuedIds& issued) {
  for (int attempt = 0;; ++attempt) {
    const char* county = chance(rng, 0.85) || attempt > 20 ? localCounty
                                                          : kOtherCounties[uniform(rng, 0, std::size(kOtherCounties) - 1)];
    // Odd sequence numbers are men's, even ones women's (GB 11643 §5.3): 001–999 and 002–998.
    int seq = male ? uniform(rng, 0, 499) * 2 + 1 : uniform(rng, 1, 499) * 2;
    std::string first17 = fmt::format("{}{:04}{:02}{:02}{:03}", county, birth.year, birth.month, birth.day, seq);
    std::string id = first17 + core::gb11643CheckDigit(first17);
    if (issued.insert(id).second || attempt > 1000) return id;
  }
}

std::string mobile(Random& rng) {
  return fmt::format("{}{:08}", kSegments[uniform(rng, 0, std::size(kSegments) - 1)], uniform(rng, 0, 99999999));
}

Person person(Random& rng, const std::string& familyName, bool male, int age, const core::Date& today,
              const char* localCounty, IssuedIds& issued) {
  Person p;
  p.male = male;
  p.name = familyName + givenName(rng, male);
  p.birth = today.addDays(-(static_cast<long>(age) * 365 + uniform(rng, 0, 364)));
  p.idNumber = idNumber(rng, p.birth, male, localCounty, issued);
  if (age >= 14 && (age < 75 || chance(rng, 0.5))) p.phone = mobile(rng);
  return p;
}

}  // namespace gl::demo
