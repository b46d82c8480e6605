#!/usr/bin/python3
"""Writes the .xls fixtures of xls_reader_test.cpp with python3-xlwt (Debian's Python only).

usage: make_xls.py roster OUT.xls     a roster: Chinese text, an 18-digit id as text and as a number,
                                      a date, a date-time, a number, an empty row, a second sheet
       make_xls.py big OUT.xls ROWS   ROWS data rows under a header (limits)
       make_xls.py wide OUT.xls COLS  one row with COLS columns (limits)
       make_xls.py dates1904 OUT.xls  one date cell in a workbook using the 1904 date system
       make_xls.py password OUT.xls   the roster with a FILEPASS record, as a password-protected file has
"""
import datetime
import struct
import sys

import xlwt
from xlwt import CompoundDoc


def roster():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    stamp_style = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM:SS")
    for column, title in enumerate(["姓名", "身份证号", "身份证号（数字）", "出生日期", "体温", "登记时间", "人数"]):
        sheet.write(0, column, title)
    sheet.write(1, 0, "张三")
    sheet.write(1, 1, "370322198501011234")
    sheet.write(1, 2, 370322198501011234)  # Excel keeps 15 digits: what a clerk's typed id becomes
    sheet.write(1, 3, datetime.date(1985, 1, 1), date_style)
    sheet.write(1, 4, 36.5)
    sheet.write(1, 5, datetime.datetime(2022, 11, 20, 8, 30, 0), stamp_style)
    sheet.write(1, 6, 3)
    # row 3 (index 2) is left empty
    sheet.write(3, 0, "李四·䶮")
    sheet.write(3, 1, "11010119900307001X")
    sheet.write(3, 2, 370322198501011000.0)  # the double Excel stores for an id typed into a General cell
    sheet.write(3, 4, -0.25)
    sheet.write(3, 6, 12345678901234567)  # 17 digits as a double: shown in full, not as 1.23E+16
    other = book.add_sheet("说明")
    other.write(0, 0, "第二个工作表")
    return book


def big(rows):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, "姓名")
    for r in range(1, rows + 1):
        sheet.write(r, 0, "居民%d" % r)
    return book


def wide(columns):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for c in range(columns):
        sheet.write(0, c, "列%d" % c)
    return book


def dates1904():
    book = xlwt.Workbook(encoding="utf-8")
    book.set_dates_1904(True)
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, datetime.date(2022, 3, 5), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    return book


def with_filepass(data):
    # Globals start BOF, INTERFACEHDR (6 bytes), MMS (6), INTERFACEEND (4). Those 16 bytes become
    # FILEPASS (XOR obfuscation, 10 bytes) + INTERFACEHDR (6), so no stream offset moves.
    bof_length = 4 + struct.unpack_from("<H", data, 2)[0]
    head = data[bof_length:bof_length + 16]
    assert struct.unpack_from("<H", head, 0)[0] == 0x00E1 and struct.unpack_from("<H", head, 12)[0] == 0x00E2
    filepass = struct.pack("<HHHHH", 0x002F, 6, 0, 0x1234, 0x5678)
    return data[:bof_length] + filepass + head[:6] + data[bof_length + 16:]


def main(argv):
    kind, out = argv[1], argv[2]
    if kind == "roster":
        roster().save(out)
    elif kind == "big":
        big(int(argv[3])).save(out)
    elif kind == "wide":
        wide(int(argv[3])).save(out)
    elif kind == "dates1904":
        dates1904().save(out)
    elif kind == "password":
        CompoundDoc.XlsDoc().save(out, with_filepass(roster().get_biff_data()))
    else:
        sys.exit("unknown fixture " + kind)


if __name__ == "__main__":
    main(sys.argv)
