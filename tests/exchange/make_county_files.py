#!/usr/bin/python3
"""Writes the classes of county files that imports used to guess on (docs/import.md), each in several
variants and formats, with what importing each must do, for tests/exchange/county_files_test.cpp and
the gridctl tests. Debian's own Python (python3-openpyxl, python3-xlwt). Usage:

    make_county_files.py OUTDIR        writes the files and OUTDIR/expected.json

Formats as offices make them: .xlsx (openpyxl, ids as text cells), .xls (Excel 97-2003, xlwt), .csv in
GBK without a BOM (Excel on Chinese Windows) or UTF-8 with one (WPS "CSV UTF-8"). Every file has title
rows or not, columns in its own order, and its own mix of good and doubtful rows. expected.json lists,
per file: the files to import first (seed), the options, how many rows go in, each rejected row (its
row, the header of the column at fault, the issue code, the cell text the reason must quote), the
warnings, missing columns, renames, and facts about the ledger afterwards.
"""
import csv
import io
import json
import os
import sys

import openpyxl
import xlwt

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def rid(region, birth, seq):
    first17 = "%s%s%03d" % (region, birth, seq % 1000)
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def female(region, birth, seq):
    return rid(region, birth, seq * 2)


def male(region, birth, seq):
    return rid(region, birth, seq * 2 + 1)


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "伟芳娜敏静强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红丽"


def name(n):
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)] + GIVEN[(n * 13 + 5) % len(GIVEN)]


def write(path, title, header, rows, text_columns=()):
    """Writes one sheet: optional title rows, the header, the rows (None = empty cell)."""
    ext = os.path.splitext(path)[1]
    if ext == ".xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "花名册"
        for t in title:
            ws.append([t])
        ws.append(header)
        for row in rows:
            ws.append(row)
            for c in range(len(row)):
                ws.cell(row=ws.max_row, column=c + 1).number_format = "@"
        wb.save(path)
    elif ext == ".xls":
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("名单")
        text = xlwt.easyxf(num_format_str="@")
        r = 0
        for t in title:
            ws.write(r, 0, t)
            r += 1
        for c, h in enumerate(header):
            ws.write(r, c, h)
        for row in rows:
            r += 1
            for c, v in enumerate(row):
                if v is not None:
                    ws.write(r, c, v, text)
        wb.save(path)
    else:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        for t in title:
            w.writerow([t] + [""] * (len(header) - 1))
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
        data = buf.getvalue()
        if path.endswith(".gbk.csv"):
            raw = data.encode("gb18030")
        else:
            raw = b"\xef\xbb\xbf" + data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(raw)
    return len(title) + 2  # the sheet row of the first data row


EXPECTED = []


def expect(file, **kw):
    e = {"file": file, "seed": [], "options": {}, "rejected": [], "warnings": [], "missing": [], "renames": 0,
         "idempotent": True, "households_created": None, "persons_created": None,
         "persons": [], "same_household": [], "different_household": [], "quarantines": []}
    e.update(kw)
    EXPECTED.append(e)
    return e


def reject(first, index, header, code, quote):
    return {"row": first + index, "header": header, "code": code, "quote": quote}


def id_columns(out):
    # A1: a 身份证号 column holds resident numbers only (.xlsx, two title rows).
    rows = [
        ["1", "柏青松", male("370322", "19600101", 1), "13800138000", "银杏社区1-1-101"],
        ["2", "孟思", "3703222002", "13800138001", "银杏社区1-1-102"],                   # truncated: 10 digits
        ["3", "邢远", "E12345678", "13800138002", "银杏社区1-1-103"],                    # a passport
        ["4", "梁波", "370322600101013", "13800138003", "银杏社区1-1-104"],               # 15 digits, old card
        ["5", "何港生", rid("810000", "19700101", 11), "13800138004", "银杏社区1-1-105"],  # HK residence permit
        ["6", "宋一", "37032219600101001", "13800138005", "银杏社区1-1-106"],            # 17 digits
    ]
    first = write(os.path.join(out, "A1_身份证号列.xlsx"), ["高青县人员名单", "填报单位：田镇街道"],
                  ["序号", "姓名", "身份证号", "联系电话", "现住址"], rows)
    expect("A1_身份证号列.xlsx", imported=3, rejected=[
        reject(first, 1, "身份证号", "IdWrongDigitCount", "3703222002"),
        reject(first, 2, "身份证号", "IdNotResidentNumber", "E12345678"),
        reject(first, 5, "身份证号", "IdWrongDigitCount", "37032219600101001")],
        persons=[{"id_number": rows[0][2], "id_type": "resident"},
                 {"id_number": "370322600101013", "id_type": "resident"},
                 {"id_number": rows[4][2], "id_type": "hk_permit"}])
    # A2: 公民身份号码 with the row's own 证件类型 (GBK .csv): the declared type decides, strictly.
    rows = [
        ["周四海", "居民身份证", male("370322", "19700303", 2), "银杏社区2-1-201"],
        ["Smith John", "护照", "X12345678", "银杏社区2-1-202"],
        ["吴五娘", "护照", female("370322", "19750404", 3), "银杏社区2-1-203"],   # a resident number, type 护照
        ["林台生", "台胞证", "37032219", "银杏社区2-1-204"],                        # declared: taken at its word
        ["郑六", "", "3703222002", "银杏社区2-1-205"],                              # no type: 身份证 column rules
        ["何澳", "港澳居民来往内地通行证", "M1234567801", "银杏社区2-1-206"],
        ["陈九", "回乡证", "E12345678", "银杏社区2-1-207"],                          # not a 回乡证's shape
        ["王外", "外籍人员证件", "AB1234567", "银杏社区2-1-208"],                    # a type nobody knows
    ]
    first = write(os.path.join(out, "A2_证件类型.gbk.csv"), [], ["姓名", "证件类型", "公民身份号码", "现住址"], rows)
    expect("A2_证件类型.gbk.csv", imported=4, rejected=[
        reject(first, 2, "公民身份号码", "IdWrongDocumentShape", rows[2][2]),
        reject(first, 4, "公民身份号码", "IdWrongDigitCount", "3703222002"),
        reject(first, 6, "公民身份号码", "IdWrongDocumentShape", "E12345678"),
        reject(first, 7, "证件类型", "ValueNotAllowed", "外籍人员证件")],
        persons=[{"id_number": rows[0][2], "id_type": "resident"},
                 {"id_number": "X12345678", "id_type": "passport"},
                 {"id_number": "37032219", "id_type": "taiwan_travel"},
                 {"id_number": "M1234567801", "id_type": "hk_macau_travel"}])
    # A3: a generic 证件号码 column without types (.xls): any document, but never a damaged resident number.
    rows = [
        ["1", "赵护照", "E12345678", "银杏社区3-1-301"],
        ["2", "钱回乡", "H1234567801", "银杏社区3-1-302"],
        ["3", "孙截断", "3703222002", "银杏社区3-1-303"],
        ["4", "李台胞", "12345678", "银杏社区3-1-304"],
        ["5", "周身份", female("370322", "19850110", 15), "银杏社区3-1-305"],
    ]
    first = write(os.path.join(out, "A3_证件号码列.xls"), ["来返人员名单"], ["序号", "姓名", "证件号码", "住址"], rows)
    expect("A3_证件号码列.xls", imported=4, rejected=[reject(first, 2, "证件号码", "IdWrongDigitCount", "3703222002")],
           persons=[{"id_number": "E12345678", "id_type": "passport"},
                    {"id_number": "H1234567801", "id_type": "hk_macau_travel"},
                    {"id_number": "12345678", "id_type": "taiwan_travel"}])


def two_names(out):
    qiu, new = male("370322", "19800505", 21), female("370322", "19900909", 22)
    write(os.path.join(out, "B0_台账.csv"), [], ["姓名", "身份证号", "现住址"], [["邱超", qiu, "银杏社区5-1-101"]])
    rows = [
        ["孟思", qiu, "银杏社区5-1-102"],     # the number is 邱超's in the ledger
        ["邱 超", qiu, "银杏社区5-1-101"],    # the same name, spaced: no rename
        ["张晓", new, "银杏社区5-1-103"],
        ["李晓", new, "银杏社区5-1-103"],     # the number of 张晓, two rows up
        ["张晓", new, "银杏社区5-1-103"],     # a repeat: matched
    ]
    for ext in (".xlsx", ".gbk.csv"):
        file = "B1_一号两名" + ext
        first = write(os.path.join(out, file), ["核查名单"], ["姓名", "身份证号", "现住址"], rows)
        expect(file, seed=["B0_台账.csv"], imported=3, rejected=[
            reject(first, 0, "身份证号", "IdNameMismatch", qiu),
            reject(first, 3, "身份证号", "IdNameMismatchInFile", new)],
            persons=[{"id_number": qiu, "name": "邱超"}, {"id_number": new, "name": "张晓"}])
        expect(file, seed=["B0_台账.csv"], options={"accept_renames": True}, imported=5, renames=4, idempotent=False,
               persons=[{"id_number": qiu, "name": "邱 超"}, {"id_number": new, "name": "张晓"}])


def households(out):
    # A household register (户籍登记表): several 户 at one address, rows grouped by address, not by 户号;
    # 150 households at 50 addresses. Rows without 户号 at a shared address are one household.
    header = ["户号", "姓名", "与户主关系", "身份证号码", "居住地址"]
    rows, n = [], 0
    for a in range(50):
        address = "高青县田镇街道和平社区%d号楼1单元%d室" % (a // 10 + 1, 101 + a % 10)
        for h in range(3):
            number = "37032200%04d" % (a * 3 + h + 1)
            for m in range(1 + (a + h) % 3):
                n += 1
                rows.append([number, name(n), "户主" if m == 0 else "子女", male("370322", "19%02d0101" % (40 + n % 50), n),
                             address])
    first = write(os.path.join(out, "C1_户籍登记表.xlsx"), ["和平社区户籍人口登记表"], header, rows)
    same = [[rows[i][3], rows[i + 1][3]] for i in range(len(rows) - 1) if rows[i][0] == rows[i + 1][0]][:5]
    diff = [[rows[i][3], rows[i + 1][3]] for i in range(len(rows) - 1)
            if rows[i][0] != rows[i + 1][0] and rows[i][4] == rows[i + 1][4]][:5]
    expect("C1_户籍登记表.xlsx", imported=len(rows), households_created=150, same_household=same,
           different_household=diff)
    # The same register as .xls with the columns moved, and a 户号 the ledger already has at another address.
    moved = [[r[4], r[1], r[3], r[0], r[2]] for r in rows[:60]]
    newcomer = female("370322", "20100101", 777)
    moved.append(["高青县田镇街道幸福社区9号楼9单元909室", "新生儿", newcomer, rows[0][0], "子女"])
    write(os.path.join(out, "C2_户籍登记表.xls"), [], ["住址", "姓名", "公民身份号码", "户号", "与户主关系"], moved)
    expect("C2_户籍登记表.xls", seed=["C1_户籍登记表.xlsx"], imported=61, households_created=0,
           same_household=[[newcomer, rows[0][3]]])
    # Without 户号 (GBK .csv): the address decides, among households without a number; a household
    # with a number at the same address (from C1) is never joined.
    plain = [[name(900 + i), male("370322", "19700101", 500 + i), "和平社区1号楼1单元%d室" % (101 + i % 2)]
             for i in range(6)]
    write(os.path.join(out, "C3_无户号.gbk.csv"), ["排查名单"], ["姓名", "身份证号", "现住址"], plain)
    expect("C3_无户号.gbk.csv", seed=["C1_户籍登记表.xlsx"], imported=6, households_created=2,
           same_household=[[plain[0][1], plain[2][1]], [plain[1][1], plain[3][1]]],
           different_household=[[plain[0][1], rows[0][3]], [plain[0][1], plain[1][1]]])


def doors(out):
    # 楼栋 + 单元 + 门牌号: 门牌号 is the room.
    rows = [[name(300 + i), male("370322", "19810101", 300 + i), "7", "2", str(501 + i % 3)] for i in range(6)]
    write(os.path.join(out, "D1_楼栋门牌.xlsx"), [], ["姓名", "身份证号", "楼栋", "单元", "门牌号"], rows)
    expect("D1_楼栋门牌.xlsx", imported=6, households_created=3, same_household=[[rows[0][1], rows[3][1]]],
           different_household=[[rows[0][1], rows[1][1]]],
           persons=[{"id_number": rows[1][1], "household.room": "502", "household.building": "7"}])
    # A rural register: 门牌 alone is the house number, part of the address.
    rows = [[name(400 + i), female("370322", "19650101", 400 + i), "幸福村", "幸福路%d号" % (12 + i % 2)] for i in range(4)]
    write(os.path.join(out, "D2_农村门牌.gbk.csv"), ["幸福村村民花名册"], ["姓名", "身份证号", "住址", "门牌"], rows)
    expect("D2_农村门牌.gbk.csv", imported=4, households_created=2, same_household=[[rows[0][1], rows[2][1]]],
           different_household=[[rows[0][1], rows[1][1]]],
           persons=[{"id_number": rows[1][1], "household.address~": "幸福路13号"}])


def register_columns(out):
    header = ["姓名", "身份证号", "现住址", "居住类型", "特殊人群"]
    rows = [
        [name(600), male("370322", "19400101", 600), "和平社区9-1-101", "常住", "独居老人、慢性病"],
        [name(601), female("370322", "19450101", 601), "和平社区9-1-102", "暂住", "空巢老人,低保"],
        [name(602), male("370322", "19500101", 602), "和平社区9-1-103", "流动人口", "残疾/重病"],
        [name(603), female("370322", "19920101", 603), "和平社区9-1-104", "寄住", "孕产妇"],
        [name(604), male("370322", "20150101", 604), "和平社区9-1-105", "外出", "留守儿童 困境儿童"],
        [name(605), male("370322", "19700101", 605), "和平社区9-1-106", "人户分离", "无"],
        [name(606), male("370322", "19710101", 606), "和平社区9-1-107", "常住", "精神障碍，孤寡老人"],
        [name(607), male("370322", "19720101", 607), "和平社区9-1-108", "常住", "五保户"],
        [name(608), male("370322", "19730101", 608), "和平社区9-1-109", "本地人", ""],
    ]
    first = write(os.path.join(out, "E1_户籍特殊人群.xlsx"), ["重点人群摸排表"], header, rows)
    flags = ["elderly_alone,chronic", "empty_nest,low_income", "disability,serious_illness", "pregnancy",
             "child_alone,child_in_need", None, "mental_disorder,elderly_childless"]
    residence = ["permanent", "temporary", "floating", "lodging", "away", "separated", "permanent"]
    expect("E1_户籍特殊人群.xlsx", imported=7, rejected=[
        reject(first, 7, "特殊人群", "ValueNotAllowed", "五保户"),
        reject(first, 8, "居住类型", "ValueNotAllowed", "本地人")],
        persons=[{"id_number": rows[i][1], "care_flags": flags[i], "residence": residence[i]} for i in range(7)])
    # 人口类型 and 人员类别 in a register without quarantine columns: 人员类别 names care groups.
    rows = [[name(700 + i), male("370322", "19500101", 700 + i), "和平社区8-1-%d" % (101 + i), t, c]
            for i, (t, c) in enumerate([("户籍人口", "独居老人"), ("流动人口", "残疾人、低保户")])]
    write(os.path.join(out, "E2_人员类别.xls"), [], ["姓名", "身份证号", "现住址", "人口类型", "人员类别"], rows)
    expect("E2_人员类别.xls", imported=2, persons=[
        {"id_number": rows[0][1], "care_flags": "elderly_alone", "residence": "permanent"},
        {"id_number": rows[1][1], "care_flags": "disability,low_income", "residence": "floating"}])


def places(out):
    header = ["姓名", "身份证号", "现住址", "隔离地点", "隔离开始时间", "解除隔离时间"]
    places_ = [("居家", "home", None), ("家中", "home", None), ("本人住所", "home", None),
               ("自行居家", "home", None), ("高青宾馆", "central", "高青宾馆"), ("田镇集中隔离点", "central", "田镇集中隔离点")]
    rows = [[name(800 + i), female("370322", "19800101", 800 + i), "和平社区7-1-%d" % (101 + i), p, "2022-11-15",
             "2022-11-22"] for i, (p, _, _) in enumerate(places_)]
    for file in ("F1_隔离地点.xlsx", "F2_隔离地点.gbk.csv", "F3_隔离地点.xls"):
        write(os.path.join(out, file), ["集中隔离和居家隔离人员名单"] if file.endswith("xls") else [], header, rows)
        expect(file, imported=6, quarantines=[{"id_number": rows[i][1], "kind": k, "place": p}
                                              for i, (_, k, p) in enumerate(places_)])
    # No kind and no place: said once, and every row names no column.
    rows = [[name(850 + i), male("370322", "19800101", 850 + i), "2022-11-15", "2022-11-22"] for i in range(3)]
    write(os.path.join(out, "G1_无隔离方式.xlsx"), [], ["姓名", "身份证号", "隔离开始时间", "解除隔离时间"], rows)
    expect("G1_无隔离方式.xlsx", imported=0, missing=["quarantine_kind"],
           rejected=[{"row": 2 + i, "header": None, "code": "FieldRequired", "quote": None} for i in range(3)])


def file_words(out):
    # 性别 that contradicts the number is quoted as written, not as the stored code.
    rows = [["韩梅", "男", female("370322", "19880808", 31), "居家隔离", "2022/11/16", "2022/11/23"],
            ["韩雷", "男", male("370322", "19880808", 32), "居家隔离", "2022/11/16", "2022/11/23"],
            ["唐雪", "F", male("370322", "19890909", 33), "集中隔离", "2022/11/16", "2022/11/23"]]
    first = write(os.path.join(out, "H1_性别.gbk.csv"), [], ["姓名", "性别", "身份证号码", "管控措施", "开始居家隔离时间",
                                                           "解除居家隔离时间"], rows)
    expect("H1_性别.gbk.csv", imported=1, rejected=[reject(first, 0, "性别", "IdContradiction", "男"),
                                                  reject(first, 2, "性别", "IdContradiction", "F")])


def regions(out):
    unknown = rid("110199", "19800101", 5)   # no edition of GB/T 2260 has 110199
    retired = rid("110103", "19800101", 7)   # 崇文区, abolished in 2010: no warning
    rows = [["1", "甲", unknown, "银杏社区6-1-101"], ["2", "乙", retired, "银杏社区6-1-102"]]
    first = write(os.path.join(out, "I1_地址码.xlsx"), [], ["序号", "姓名", "身份证号", "住址"], rows)
    expect("I1_地址码.xlsx", imported=2, warnings=[{"row": first, "code": "IdUnknownCounty"}])


def second_look(out):
    """The files a review made to break the first version: each a class of its own."""
    # An address column beside 楼栋/门牌号: one key for rows and households, stable over re-imports; a
    # later row with the bare address never joins a flat.
    rows = [[name(1000 + i), male("370322", "19600202", 100 + i), "和平社区", b, r]
            for i, (b, r) in enumerate([("7", "501"), ("7", "502"), ("8", "501")])]
    write(os.path.join(out, "J1_地址楼栋门牌.xlsx"), [], ["姓名", "身份证号", "现住址", "楼栋", "门牌号"], rows)
    expect("J1_地址楼栋门牌.xlsx", imported=3, households_created=3, different_household=[[rows[0][1], rows[2][1]]])
    bare = [[name(1010), female("370322", "19600303", 110), "和平社区"]]
    write(os.path.join(out, "J1b_只有地址.csv"), [], ["姓名", "身份证号", "现住址"], bare)
    expect("J1b_只有地址.csv", seed=["J1_地址楼栋门牌.xlsx"], imported=1, households_created=1,
           different_household=[[bare[0][1], rows[0][1]]])
    # Rural 门牌 digits that also stand in the address (13组 and 门牌 1, 3, 13), and a row without one.
    rows = [[name(1020 + i), male("370322", "19550505", 120 + i), "高青县木李镇13组", n]
            for i, n in enumerate(["1", "3", "13", "5", ""])]
    write(os.path.join(out, "J2_门牌数字.gbk.csv"), [], ["姓名", "身份证号", "住址", "门牌"], rows)
    expect("J2_门牌数字.gbk.csv", imported=5, households_created=5,
           different_household=[[rows[0][1], rows[1][1]], [rows[1][1], rows[2][1]], [rows[0][1], rows[4][1]]],
           persons=[{"id_number": rows[2][1], "household.address": "高青县木李镇13组 13号"}])
    # Places that say home in many ways; a hotel; the person's own address; an empty place.
    places_ = [("在家隔离", "home"), ("家中隔离", "home"), ("自行居家隔离", "home"), ("居家（本人住所）", "home"),
               ("家 中", "home"), ("和平社区6-1-106", "home"), ("高青宾馆", "central")]
    rows = [[name(1030 + i), female("370322", "19810101", 130 + i), "和平社区6-1-%d" % (100 + i + 1 if i != 5 else 106),
             p, "2022-11-15", "2022-11-22"] for i, (p, _) in enumerate(places_)]
    rows.append([name(1040), female("370322", "19810101", 140), "和平社区6-1-120", "", "2022-11-15", "2022-11-22"])
    first = write(os.path.join(out, "J3_隔离地点写法.xlsx"), [], ["姓名", "身份证号", "现住址", "隔离地点", "隔离开始时间",
                                                             "解除隔离时间"], rows)
    expect("J3_隔离地点写法.xlsx", imported=7,
           rejected=[reject(first, 7, "隔离地点", "FieldRequired", None)],
           quarantines=[{"id_number": rows[i][1], "kind": k, "place": None if k == "home" else rows[i][3]}
                        for i, (_, k) in enumerate(places_)])
    # No number and no household: the next import could not find them again.
    rows = [["无证甲", "13800000001"], ["无证乙", "13800000002"]]
    first = write(os.path.join(out, "J4_无证无址.csv"), [], ["姓名", "联系电话"], rows)
    expect("J4_无证无址.csv", imported=0, rejected=[reject(first, 0, None, "PersonUnidentified", None),
                                                   reject(first, 1, None, "PersonUnidentified", None)])
    # Without numbers, one name written two ways in one household is one person.
    write(os.path.join(out, "J5_同户姓名0.csv"), [], ["姓名", "现住址"], [["王芳", "和平社区3-3-301"]])
    write(os.path.join(out, "J5_同户姓名.csv"), [], ["姓名", "现住址"], [["王 芳", "和平社区3-3-301"], ["ＷＡＮＧ Fang", "和平社区3-3-302"]])
    expect("J5_同户姓名.csv", seed=["J5_同户姓名0.csv"], imported=2, persons_created=1)
    # A reissued 回乡证 (the last two digits count reissues) and its 9-character form are one person.
    write(os.path.join(out, "J6_回乡证0.csv"), [], ["姓名", "证件类型", "证件号码", "现住址"],
          [["何回乡", "回乡证", "H1234567801", "和平社区4-1-101"]])
    rows = [["何回乡", "回乡证", "H1234567802", "和平社区4-1-101"], ["何回乡", "港澳居民来往内地通行证", "H12345678", "和平社区4-1-101"]]
    write(os.path.join(out, "J6_回乡证.xlsx"), [], ["姓名", "证件类型", "证件号码", "现住址"], rows)
    expect("J6_回乡证.xlsx", seed=["J6_回乡证0.csv"], imported=2, persons_created=0, idempotent=False)
    # A 户号 in full-width digits is the same household.
    rows = [["户号", name(1050), male("370322", "19700707", 150)], ["户号", name(1051), male("370322", "19700707", 151)]]
    rows[0][0], rows[1][0] = "0012", "００１２"
    rows = [[r[0], r[1], r[2], "和平社区2-2-202"] for r in rows]
    write(os.path.join(out, "J7_全角户号.xlsx"), [], ["户号", "姓名", "身份证号", "现住址"], rows)
    expect("J7_全角户号.xlsx", imported=2, households_created=1, same_household=[[rows[0][2], rows[1][2]]])
    # A declared permit type is strict between the permits; a type nobody knows is an error without a number.
    rows = [["港生", "港澳居民居住证（香港）", rid("830000", "19700101", 41)],
            ["台生", "台湾居民居住证", rid("810000", "19700101", 43)],
            ["民生", "居民身份证", rid("810000", "19700101", 45)],
            ["外生", "外籍人员证件", ""],
            ["澳生", "港澳台居民居住证", rid("820000", "19700101", 47)]]
    rows = [r + ["和平社区1-2-%d" % (301 + i)] for i, r in enumerate(rows)]
    first = write(os.path.join(out, "J8_居住证类型.xlsx"), [], ["姓名", "证件类型", "证件号码", "现住址"], rows)
    expect("J8_居住证类型.xlsx", imported=1, rejected=[
        reject(first, 0, "证件号码", "IdWrongDocumentShape", rows[0][2]),
        reject(first, 1, "证件号码", "IdWrongDocumentShape", rows[1][2]),
        reject(first, 2, "证件号码", "IdWrongDocumentShape", rows[2][2]),
        reject(first, 3, "证件类型", "ValueNotAllowed", "外籍人员证件")],
        persons=[{"id_number": rows[4][2], "id_type": "macau_permit"}])
    # Numbers in number cells: 15 significant digits are exact, 18 are not.
    rows = [["台胞", 12345678, "和平社区1-3-301"], ["老证", 370322500101001, "和平社区1-3-302"],
            ["长号", 370322198001010018, "和平社区1-3-303"]]
    first = write(os.path.join(out, "J9_数字单元格.xlsx"), [], ["姓名", "证件号码", "现住址"], rows)
    expect("J9_数字单元格.xlsx", imported=2, rejected=[reject(first, 2, "证件号码", "IdStoredAsNumber", None)],
           persons=[{"id_number": "12345678", "id_type": "taiwan_travel"},
                    {"id_number": "370322500101001", "id_type": "resident"}])
    # Two identity columns: each by its own rule, and they must agree.
    good = male("370322", "19660606", 61)
    rows = [["双证甲", "E12345678", "E12345678", "和平社区1-4-301"], ["双证乙", "E23456789", good, "和平社区1-4-302"],
            ["双证丙", good, good, "和平社区1-4-303"]]
    first = write(os.path.join(out, "J10_两个证件列.xlsx"), [], ["姓名", "证件号", "身份证号", "现住址"], rows)
    expect("J10_两个证件列.xlsx", imported=1, rejected=[
        reject(first, 0, "身份证号", "IdNotResidentNumber", "E12345678"),
        reject(first, 1, "身份证号", "IdColumnsDisagree", good)])
    # A police list without 户号 names a registered person at their own flat: they stay in their numbered
    # household; someone new at that flat gets a household of their own (an address never joins a
    # numbered household), and a second run changes nothing.
    old = male("370322", "19580808", 81)
    write(os.path.join(out, "K0_户籍.csv"), [], ["户号", "姓名", "身份证号", "现住址"],
          [["370322009999", "户主甲", old, "和平社区9-9-909"]])
    rows = [["户主甲", old, "和平社区9号楼9单元909室", "居家隔离", "2022-11-15", "2022-11-22"],
            ["租户乙", female("370322", "19900909", 82), "和平社区9-9-909", "居家隔离", "2022-11-15", "2022-11-22"]]
    write(os.path.join(out, "K1_无户号名单.xlsx"), [], ["姓名", "身份证号", "现住址", "管控措施", "隔离开始时间",
                                                  "解除隔离时间"], rows)
    expect("K1_无户号名单.xlsx", seed=["K0_户籍.csv"], imported=2, households_created=1, persons_created=1,
           different_household=[[rows[0][1], rows[1][1]]],
           persons=[{"id_number": old, "household.household_no": "370322009999"}])
    # Headers with a required marker or a remark; a 身份证 header that admits passports; a truncated
    # number of a retired county.
    rows = [["标记甲", female("370322", "19770707", 71), "", "和平社区1-5-301"],
            ["标记乙", "3703992002", "", "和平社区1-5-302"],
            ["标记丙", "", "E34567890", "和平社区1-5-303"]]
    first = write(os.path.join(out, "J11_表头标记.gbk.csv"), ["*为必填项"],
                  ["*姓名", "身份证号码（18位）", "身份证号（护照号）", "现住址"], rows)
    expect("J11_表头标记.gbk.csv", imported=2, persons=[{"id_number": "E34567890", "id_type": "passport"}],
           rejected=[reject(first, 1, "身份证号码（18位）", "IdWrongDigitCount", "3703992002")])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for make in (id_columns, two_names, households, doors, register_columns, places, file_words, regions, second_look):
        make(out)
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(EXPECTED, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
