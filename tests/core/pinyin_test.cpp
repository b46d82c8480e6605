#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/pinyin.h"

namespace {
#include "core/data/gb2312_hanzi.inc"
}  // namespace

namespace py = gl::core::pinyin;

TEST_CASE("a name gives its initials and its full pinyin") {
  CHECK(py::initials("张三") == "zs");
  CHECK(py::full("张三") == "zhangsan");
  CHECK(py::initials("欧阳娜娜") == "oynn");
  CHECK(py::full("欧阳娜娜") == "ouyangnana");
  CHECK(py::initials("王晓明") == "wxm");
}

TEST_CASE("one character gives its toneless syllable and its tone") {
  CHECK(py::syllable(U'张') == "zhang");
  CHECK(py::tone(U'张') == 1);
  CHECK(py::syllable(U'李') == "li");
  CHECK(py::tone(U'李') == 3);
  CHECK(py::tone(U'黎') == 2);
  CHECK(py::tone(U'赵') == 4);
  CHECK(py::syllable(U'的') == "de");
  CHECK(py::tone(U'的') == 5);
}

TEST_CASE("u-umlaut is spelled v as input methods type it") {
  CHECK(py::syllable(U'吕') == "lv");
  CHECK(py::syllable(U'女') == "nv");
  CHECK(py::syllable(U'略') == "lve");
  CHECK(py::initials("吕布") == "lb");
}

TEST_CASE("characters that are not Han have no syllable and no tone") {
  CHECK(py::syllable(U'a').empty());
  CHECK(py::tone(U'a') == 0);
  CHECK(py::syllable(U'\U0001F600').empty());
  CHECK(py::syllable(U'\U00020BB7').empty());  // 𠮷, Extension B, outside the table
  CHECK(py::tone(U'\U00020BB7') == 0);
  CHECK(py::syllable(U'。').empty());
}

TEST_CASE("every GB2312 hanzi has a syllable and a tone") {
  REQUIRE(std::size(kGb2312Hanzi) == 6763);
  int missing = 0;
  for (char32_t cp : kGb2312Hanzi) {
    std::string_view s = py::syllable(cp);
    bool letters = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters || py::tone(cp) < 1 || py::tone(cp) > 5) ++missing;
  }
  CHECK(missing == 0);
}

TEST_CASE("name characters outside GB2312 but in GBK are covered") {
  CHECK(py::syllable(U'喆') == "zhe");
  CHECK(py::syllable(U'镕') == "rong");
  CHECK(py::syllable(U'玥') == "yue");
  CHECK(py::syllable(U'堃') == "kun");
  CHECK(py::syllable(U'昇') == "sheng");
  CHECK(py::initials("朱镕基") == "zrj");
  CHECK(py::syllable(U'\u3400') == "qiu");  // Extension A
}

TEST_CASE("a surname takes its surname reading only at the start of a person's name") {
  CHECK(py::full("曾小贤") == "zengxiaoxian");
  CHECK(py::full("曾经", false) == "cengjing");
  CHECK(py::full("单田芳") == "shantianfang");
  CHECK(py::full("解放", false) == "jiefang");
  CHECK(py::full("解缙") == "xiejin");
  CHECK(py::full("仇英") == "qiuying");
  CHECK(py::full("朴槿惠") == "piaojinhui");
  CHECK(py::full("翟志刚") == "zhaizhigang");
  CHECK(py::full("区志航") == "ouzhihang");
  CHECK(py::full("任正非") == "renzhengfei");
  CHECK(py::sortKey("隔壁", false) < py::sortKey("葛优"));         // surname 葛 gě after 隔 gé
  CHECK(py::sortKey("葛优", false) < py::sortKey("隔壁", false));  // both gé: U+845B before U+9694
  CHECK(py::full("曾曾") == "zengceng");                           // only the first character is the surname
  CHECK(py::full("张曾") == "zhangceng");
  CHECK(py::full("  曾小贤") == "zengxiaoxian");
}

TEST_CASE("a compound surname takes its reading for both characters") {
  CHECK(py::full("尉迟恭") == "yuchigong");
  CHECK(py::full("长孙无忌") == "zhangsunwuji");
  CHECK(py::full("万俟卨") == "moqixie");
  CHECK(py::initials("令狐冲") == "lhc");
  CHECK(py::full("澹台明月") == "tantaimingyue");
  CHECK(py::full("诸葛亮") == "zhugeliang");
  CHECK(py::tone(U'葛') == 2);
  // Two characters cannot be a compound surname plus a given name: 长 Cháng, given name 孙.
  CHECK(py::full("长孙") == "changsun");
  CHECK(py::full("单于", false) == "danyu");
}

TEST_CASE("a name with a two-reading surname can be searched under either reading") {
  CHECK(py::initialsVariants("曾小贤") == std::vector<std::string>{"zxx", "cxx"});
  CHECK(py::fullVariants("单田芳") == std::vector<std::string>{"shantianfang", "dantianfang"});
  CHECK(py::initialsVariants("乐嘉") == std::vector<std::string>{"yj", "lj"});
  CHECK(py::initialsVariants("张三") == std::vector<std::string>{"zs"});
  CHECK(py::initialsVariants("") == std::vector<std::string>{""});
}

TEST_CASE("both spellings of a name at once are the two lists made one at a time") {
  for (const char* name : {"曾小贤", "单田芳", "乐嘉", "张三", "", "朴正民", "尉迟恭", "Tom张", "３号楼", "长孙无忌", "仇  英"}) {
    CAPTURE(name);
    auto both = py::nameSpellings(name);
    CHECK(both.full == py::fullVariants(name));
    CHECK(both.initials == py::initialsVariants(name));
  }
}

TEST_CASE("mixed text keeps ASCII letters and digits and drops other characters") {
  CHECK(py::full("3号楼张三", false) == "3haolouzhangsan");
  CHECK(py::initials("3号楼张三", false) == "3hlzs");
  CHECK(py::full("Tom张") == "tomzhang");
  CHECK(py::full("３号楼", false) == "3haolou");  // full-width digits from an input method
  CHECK(py::full("张三😀") == "zhangsan");
  CHECK(py::full("阿依古丽·买买提") == "ayigulimaimaiti");
  CHECK(py::full("José") == "jos");
  CHECK(py::full("") == "");
  CHECK(py::full("\xFF\xFE") == "");
}

TEST_CASE("surnames sort by pinyin") {
  const std::vector<std::string> expected = {"安", "白", "陈", "李", "王", "张", "赵"};
  std::vector<std::string> names = {"赵", "李", "安", "张", "陈", "王", "白"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return py::sortKey(a) < py::sortKey(b); });
  CHECK(names == expected);
}

TEST_CASE("a shorter name sorts before its extensions and by the next syllable") {
  CHECK(py::sortKey("张三") < py::sortKey("张三丰"));
  CHECK(py::sortKey("张三丰") < py::sortKey("张思"));
  CHECK(py::sortKey("张") < py::sortKey("张三"));
}

TEST_CASE("the same syllable sorts by tone and then by code point") {
  CHECK(py::sortKey("黎") < py::sortKey("李"));  // lí before lǐ
  CHECK(py::sortKey("黎明") < py::sortKey("李四"));
  CHECK(py::sortKey("李明") < py::sortKey("理明"));  // both lǐ: U+674E before U+7406
  CHECK(py::sortKey("理明") < py::sortKey("里明"));  // U+7406 before U+91CC
  CHECK(py::sortKey("妈") < py::sortKey("麻"));      // mā before má
  CHECK(py::sortKey("骂") < py::sortKey("吗"));      // mà before the neutral ma
}

TEST_CASE("people with the same surname character stay together") {
  // Compared syllable by syllable without tones, 李明 (li ming) would come before 黎四 (li si).
  CHECK(py::sortKey("黎四") < py::sortKey("李明"));
}

TEST_CASE("u sorts before u-umlaut") {
  CHECK(py::sortKey("卢") < py::sortKey("吕"));
  CHECK(py::sortKey("罗") < py::sortKey("吕"));
}

TEST_CASE("a surname reading decides where a person sorts") {
  CHECK(py::sortKey("王五") < py::sortKey("曾小贤"));
  CHECK(py::sortKey("曾小贤") < py::sortKey("张三"));
  CHECK(py::sortKey("曾经", false) < py::sortKey("陈"));
}

TEST_CASE("ASCII letters and digits sort before Han names") {
  CHECK(py::sortKey("3号楼") < py::sortKey("安"));
  CHECK(py::sortKey("Zoe") < py::sortKey("安"));
  CHECK(py::sortKey("alice") < py::sortKey("Bob"));
  CHECK(py::sortKey("Alice") == py::sortKey("alice"));
  CHECK(py::sortKey("1") < py::sortKey("a"));
  CHECK(py::sortKey("张a") < py::sortKey("张三"));
}

TEST_CASE("Han without a reading sorts after Han with one, other scripts last") {
  CHECK(py::sortKey("赵") < py::sortKey("𠮷"));
  CHECK(py::sortKey("𠮷") < py::sortKey("😀"));
  CHECK(py::sortKey("张三") < py::sortKey("张三😀"));
}

TEST_CASE("spaces and punctuation do not change the sort key") {
  CHECK(py::sortKey("张 三") == py::sortKey("张三"));
  CHECK(py::sortKey("　张三") == py::sortKey("张三"));
  CHECK(py::sortKey("阿依古丽·买买提") == py::sortKey("阿依古丽买买提"));
}

TEST_CASE("a sort key is printable ASCII, so SQLite can store it as TEXT") {
  for (const char* text : {"张三", "曾小贤", "3号楼张三", "𠮷野家", "😀", "吕"}) {
    std::string key = py::sortKey(text);
    CHECK_FALSE(key.empty());
    CHECK(std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7E; }));
  }
  std::string li = py::sortKey("李");  // '{', rank of "li" in two digits, tone 3, U+674E
  CHECK(li.size() == 8);
  CHECK(li.front() == '{');
  CHECK(li.substr(3) == "3674E");
}

TEST_CASE("a query made of ASCII letters looks like pinyin") {
  CHECK(py::looksLikePinyin("zs"));
  CHECK(py::looksLikePinyin("Zhang San"));
  CHECK(py::looksLikePinyin("xi'an"));
  CHECK(py::looksLikePinyin("ｚｓ"));  // full-width input mode
  CHECK_FALSE(py::looksLikePinyin(""));
  CHECK_FALSE(py::looksLikePinyin("  '"));
  CHECK_FALSE(py::looksLikePinyin("1380013"));
  CHECK_FALSE(py::looksLikePinyin("zs1"));
  CHECK_FALSE(py::looksLikePinyin("张三"));
  CHECK_FALSE(py::looksLikePinyin("zs@"));
}
