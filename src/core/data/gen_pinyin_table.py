#!/usr/bin/python3
"""Generates the pinyin tables that src/core/pinyin.cpp and its test compile in.

Run from the repository root with Debian's python3 (it has the 'gb2312' codec and needs nothing else):

    /usr/bin/python3 src/core/data/gen_pinyin_table.py

Input:  /usr/share/unicode/Unihan_Readings.txt.bz2 (Debian package `unicode-data`), or --unihan PATH
        (a plain or .bz2 Unihan_Readings.txt from https://www.unicode.org/Public/UCD/latest/ucd/Unihan.zip).
Output: src/core/data/pinyin_table.inc  readings for U+3400..U+9FFF and the surname overrides
        src/core/data/gb2312_hanzi.inc  the 6,763 GB2312 hanzi, for the coverage test

Each character gets the first value of kMandarin. UAX #38 (section "kMandarin") says that when the
field has two values, the first is preferred for zh-Hans (mainland) and the second for zh-Hant (Taiwan).
The output is deterministic: running the script twice gives identical files.
"""

import argparse
import bz2
import pathlib
import re
import sys
import unicodedata

FIRST_CP = 0x3400  # CJK Unified Ideographs Extension A
LAST_CP = 0x9FFF   # end of the CJK Unified Ideographs block (URO)

# Unihan fields that list Mandarin readings, used to check that every surname reading below is
# attested somewhere in Unihan (a typo such as "zheng" for 曾 makes the script stop).
READING_FIELDS = ("kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013")

COMMON = "[common usage]"

# Surname readings that differ from kMandarin's first (ordinary) reading, applied only to the start of
# a person's name. Two-character keys are compound surnames; they win over the one-character entry
# (单于 chán yú, not 单 shàn). Readings are written as in Unihan, tone marks included.
# Source: none of these was checked against a printed surname dictionary while writing this list,
# so each says [common usage]; the script records which Unihan fields attest the reading.
# Left out on purpose: 单于 chán yú (today a person written 单于… is almost always 单 Shàn with a given
# name starting with 于), 宁 nìng (families differ), 黑 hè (no Unihan field has the reading).
SURNAMES = [
    ("曾", "zēng", COMMON), ("单", "shàn", COMMON), ("区", "ōu", COMMON), ("解", "xiè", COMMON),
    ("仇", "qiú", COMMON), ("朴", "piáo", COMMON + " (Korean-origin surname 박)"),
    ("查", "zhā", COMMON), ("翟", "zhái", COMMON), ("乐", "yuè", COMMON + " (some families say lè)"),
    ("覃", "qín", COMMON + " (some families say tán)"), ("盖", "gě", COMMON),
    ("缪", "miào", COMMON), ("召", "shào", COMMON), ("秘", "bì", COMMON), ("种", "chóng", COMMON),
    ("员", "yùn", COMMON), ("那", "nā", COMMON), ("隗", "wěi", COMMON), ("繁", "pó", COMMON),
    ("句", "gōu", COMMON), ("能", "nài", COMMON), ("祭", "zhài", COMMON), ("任", "rén", COMMON),
    ("华", "huà", COMMON), ("燕", "yān", COMMON), ("纪", "jǐ", COMMON), ("长", "cháng", COMMON),
    ("占", "zhān", COMMON), ("重", "chóng", COMMON), ("折", "shé", COMMON), ("蔚", "yù", COMMON),
    ("都", "dū", COMMON), ("过", "guō", COMMON), ("要", "yāo", COMMON), ("薄", "bó", COMMON),
    ("乜", "niè", COMMON), ("洗", "xiǎn", COMMON + " (variant of 冼)"), ("粘", "nián", COMMON),
    ("葛", "gě", COMMON + " (诸葛 keeps gé)"),
    ("万俟", "mò qí", COMMON), ("尉迟", "yù chí", COMMON), ("长孙", "zhǎng sūn", COMMON),
    ("令狐", "líng hú", COMMON), ("澹台", "tán tái", COMMON),
    ("拓跋", "tuò bá", COMMON),
]

TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030C": 3, "\u0300": 4}
DIAERESIS = "\u0308"


def split_reading(marked):
    """'lǜ' -> ('lv', 4); 'de' -> ('de', 5). ü is spelled v, as pinyin input methods type it."""
    tone = 5  # no mark: neutral tone (轻声)
    out = []
    for ch in unicodedata.normalize("NFD", marked):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == DIAERESIS:
            if not out or out[-1] != "u":
                raise ValueError(f"diaeresis not on u in {marked!r}")
            out[-1] = "v"
        else:
            out.append(ch)
    syllable = "".join(out)
    if not re.fullmatch(r"[a-z]+", syllable):
        raise ValueError(f"unexpected letters in reading {marked!r}")
    return syllable, tone


def read_unihan(path):
    opener = bz2.open if str(path).endswith(".bz2") else open
    fields = {}
    version = "unknown"
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                m = re.match(r"# Unicode version: (\S+)", line)
                if m:
                    version = m.group(1)
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] not in READING_FIELDS:
                continue
            fields.setdefault(int(parts[0][2:], 16), {})[parts[1]] = parts[2]
    return fields, version


def attested(fields, cp, marked):
    """Names of the Unihan fields that list `marked` among the readings of `cp`."""
    found = []
    for name in READING_FIELDS:
        value = fields.get(cp, {}).get(name, "")
        readings = set()
        for item in value.split():
            readings.update(item.split(":")[-1].split(","))
        if marked in readings:
            found.append(name)
    return found


def gb2312_hanzi():
    # GB2312 levels 1 and 2: rows 0xB0-0xF7, cells 0xA1-0xFE; five cells of row 0xD7 are unassigned.
    out = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def c_array(values, per_line, fmt):
    lines = []
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(fmt(v) for v in values[i:i + per_line]) + ",")
    return "\n".join(lines)


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--unihan", default="/usr/share/unicode/Unihan_Readings.txt.bz2")
    ap.add_argument("--out-dir", default=str(here))
    args = ap.parse_args()

    fields, version = read_unihan(args.unihan)

    readings = {}
    for cp in range(FIRST_CP, LAST_CP + 1):
        value = fields.get(cp, {}).get("kMandarin")
        if value:
            readings[cp] = split_reading(value.split()[0])

    surnames = []
    for chars, marked, source in SURNAMES:
        syllables = marked.split()
        if len(syllables) != len(chars) or len(chars) > 2:
            raise SystemExit(f"surname {chars}: {len(chars)} characters but readings {marked!r}")
        proofs = []
        for ch, syl in zip(chars, syllables):
            found = attested(fields, ord(ch), syl)
            if not found:
                raise SystemExit(f"surname {chars}: reading {syl!r} of {ch} is not in Unihan")
            proofs.append(f"{ch} {syl}: " + ", ".join(found))
        surnames.append((chars, [split_reading(s) for s in syllables], marked, source, proofs))

    inventory = sorted({s for s, _ in readings.values()} | {s for e in surnames for s, _ in e[1]})
    index = {s: i + 1 for i, s in enumerate(inventory)}  # 0 means "no reading"

    def code(reading):
        return (index[reading[0]] << 3) | reading[1]

    table = [code(readings[cp]) if cp in readings else 0 for cp in range(FIRST_CP, LAST_CP + 1)]
    uro = sum(1 for cp in readings if cp >= 0x4E00)
    ext_a = sum(1 for cp in readings if cp <= 0x4DBF)
    gb = gb2312_hanzi()
    missing = [chr(cp) for cp in gb if cp not in readings]
    if len(gb) != 6763 or missing:
        raise SystemExit(f"GB2312: {len(gb)} hanzi, without reading: {''.join(missing)}")

    header = (
        f"// Generated by src/core/data/gen_pinyin_table.py from Unihan_Readings.txt, Unicode {version}.\n"
        "// Do not edit; change the script and run it again (see src/core/data/README.md).\n"
        "// Derived from the Unicode Data Files, (c) Unicode, Inc., under the licence in\n"
        "// src/core/data/UNICODE-LICENSE.txt. Modified: only the first kMandarin reading of each\n"
        "// character is kept, split into a toneless syllable (u-umlaut spelled v) and a tone number.\n"
    )

    out = [header]
    out.append(f"// Coverage: URO U+4E00..U+9FFF {uro}/20992, Extension A U+3400..U+4DBF {ext_a}/6592,"
               f" GB2312 {len(gb)}/6763.\n")
    out.append("\n// Toneless syllables in ASCII order; a syllable's index is its sort rank. Index 0 = none.\n")
    out.append(f"inline constexpr std::string_view kSyllables[{len(inventory) + 1}] = {{\n")
    out.append(c_array([""] + inventory, 12, lambda s: f'"{s}"') + "\n};\n")
    out.append(f"\ninline constexpr char32_t kTableFirst = 0x{FIRST_CP:04X};\n")
    out.append(f"inline constexpr char32_t kTableLast = 0x{LAST_CP:04X};\n")
    out.append("\n// Indexed by code point - kTableFirst: (syllable index << 3) | tone (1-4, 5 neutral); 0 = none.\n")
    out.append(f"inline constexpr std::uint16_t kReadings[{len(table)}] = {{\n")
    out.append(c_array(table, 20, str) + "\n};\n")
    out.append("\n// Surname readings for the start of a person's name; second == 0 for one-character surnames.\n")
    out.append(f"inline constexpr SurnameReading kSurnames[{len(surnames)}] = {{\n")
    for chars, rs, marked, source, proofs in surnames:
        second = f"0x{ord(chars[1]):04X}" if len(chars) == 2 else "0"
        codes = [code(r) for r in rs] + [0] * (2 - len(rs))
        out.append(f"    {{0x{ord(chars[0]):04X}, {second}, {{{codes[0]}, {codes[1]}}}}},"
                   f"  // {chars} {marked}; {source}; {'; '.join(proofs)}\n")
    out.append("};\n")
    (pathlib.Path(args.out_dir) / "pinyin_table.inc").write_text("".join(out), encoding="utf-8")

    gb_out = ["// Generated by src/core/data/gen_pinyin_table.py (Python's gb2312 codec). Do not edit.\n"
              "// The 6,763 hanzi of GB 2312-1980 (levels 1 and 2) in GB2312 order, for the coverage test.\n",
              f"inline constexpr char32_t kGb2312Hanzi[{len(gb)}] = {{\n",
              c_array(gb, 12, lambda cp: f"0x{cp:04X}") + "\n};\n"]
    (pathlib.Path(args.out_dir) / "gb2312_hanzi.inc").write_text("".join(gb_out), encoding="utf-8")

    print(f"Unicode {version}: {len(inventory)} syllables; URO {uro}/20992; Extension A {ext_a}/6592;"
          f" GB2312 {len(gb)}/6763; {len(surnames)} surname overrides", file=sys.stderr)


if __name__ == "__main__":
    main()
