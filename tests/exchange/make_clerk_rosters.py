#!/usr/bin/python3
"""Writes the three rosters a county clerk receives, for the end-to-end import tests (gridctl and the
window), with Debian's own Python (python3-xlwt):

  WPS花名册.xlsx   as WPS Office writes it: two merged title rows, the header on row 3, shared strings,
                   dates as serials with a custom "yyyy/m/d" format, WPS's docProps/custom.xml;
  来返人员.csv      GBK without a BOM, CRLF, as Excel on Chinese Windows saves "CSV (逗号分隔)";
  老名单.xls        Excel 97-2003, a title row above the header.

Each has two good rows and one bad one (a wrong check digit; in the .xlsx an id typed into a number
cell, its last digits gone). Usage: make_clerk_rosters.py OUTDIR
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

import xlwt

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(first17):
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def wrong(number):
    return number[:17] + ("0" if number[17] != "0" else "1")


# name, sex, id, phone, address, measure, start, end
WPS_ROWS = [
    ("赵一鸣", "男", id_number("37032219800101001"), "13900000001", "田镇街道银杏社区1号楼1单元101室", "居家隔离",
     44880, 44887),
    ("钱二妹", "女", id_number("37032219820202002"), "13900000002", "田镇街道银杏社区1号楼1单元102室", "集中隔离",
     44880, 44887),
    ("孙三", "男", None, "13900000003", "田镇街道银杏社区1号楼1单元103室", "居家隔离", 44880, 44887),
]
CSV_ROWS = [
    ("周四海", "男", id_number("37032219700303003"), "13900000004", "银杏社区2-1-201", "居家", "2022/11/16",
     "2022/11/23"),
    ("吴五娘", "女", id_number("37032219750404004"), "13900000005", "银杏社区2-1-202", "居家隔离", "2022/11/16",
     "2022/11/23"),
    ("郑六", "男", wrong(id_number("37032219790505005")), "13900000006", "银杏社区2-1-203", "居家隔离",
     "2022/11/16", "2022/11/23"),
]
XLS_ROWS = [
    ("王七", "男", id_number("37032219600606007"), "13900000007", "银杏社区3号楼2单元301", "集中隔离点",
     "2022-11-17", "2022-11-24"),
    ("冯八妹", "女", id_number("37032219650707008"), "13900000008", "银杏社区3号楼2单元302", "居家隔离",
     "2022-11-17", "2022-11-24"),
    ("陈九", "男", wrong(id_number("37032219690808009")), "13900000009", "银杏社区3号楼2单元303", "居家隔离",
     "2022-11-17", "2022-11-24"),
]
HEADER = ["序号", "姓名", "性别", "身份证号码", "联系电话", "现居住地址", "管控措施", "隔离开始日期", "解除隔离日期"]


def col(n):
    return "ABCDEFGHIJ"[n]


def wps_xlsx(path):
    strings = []

    def s(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    rows = []
    rows.append('<row r="1" spans="1:9" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>%d</v></c></row>'
                % s("高青县田镇街道居家隔离人员花名册"))
    rows.append('<row r="2" spans="1:9"><c r="A2" s="2" t="s"><v>%d</v></c></row>'
                % s("填报单位：银杏社区　　填报日期：2022年11月20日"))
    cells = "".join('<c r="%s3" s="3" t="s"><v>%d</v></c>' % (col(i), s(h)) for i, h in enumerate(HEADER))
    rows.append('<row r="3" spans="1:9">%s</row>' % cells)
    for k, (name, sex, idn, phone, addr, measure, start, end) in enumerate(WPS_ROWS):
        r = k + 4
        c = ['<c r="A%d" s="4"><v>%d</v></c>' % (r, k + 1),
             '<c r="B%d" s="4" t="s"><v>%d</v></c>' % (r, s(name)),
             '<c r="C%d" s="4" t="s"><v>%d</v></c>' % (r, s(sex))]
        if idn:
            c.append('<c r="D%d" s="5" t="s"><v>%d</v></c>' % (r, s(idn)))
        else:  # typed into a General cell: Excel and WPS keep 15 digits
            c.append('<c r="D%d" s="4"><v>3.70322198303031E+17</v></c>' % r)
        c += ['<c r="E%d" s="5" t="s"><v>%d</v></c>' % (r, s(phone)),
              '<c r="F%d" s="4" t="s"><v>%d</v></c>' % (r, s(addr)),
              '<c r="G%d" s="4" t="s"><v>%d</v></c>' % (r, s(measure)),
              '<c r="H%d" s="6"><v>%d</v></c>' % (r, start),
              '<c r="I%d" s="6"><v>%d</v></c>' % (r, end)]
        rows.append('<row r="%d" spans="1:9">%s</row>' % (r, "".join(c)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
             'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
             'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
             'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
             'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">'
             '<sheetPr/><dimension ref="A1:I6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
             '<selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
             '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>'
             '<sheetData>%s</sheetData><mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="A2:I2"/>'
             '</mergeCells><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
             '<headerFooter/></worksheet>' % "".join(rows))
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s'
              '</sst>' % (len(strings), len(strings),
                          "".join('<si><t>%s</t></si>' % escape(t) for t in strings)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/></numFmts>'
              '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<fileVersion appName="xl" lastEdited="3" lowestEdited="5" rupBuild="9302"/><workbookPr/>'
                '<bookViews><workbookView windowWidth="28800" windowHeight="12540"/></bookViews>'
                '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="144525"/></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
                 '</Relationships>')
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
              '<vt:lpwstr>2052-11.1.0.12763</vt:lpwstr></property></Properties>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
             '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("docProps/custom.xml", custom)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/sharedStrings.xml", shared)


def gbk_csv(path):
    lines = ["银杏社区来返人员排查登记表,,,,,,,,", ",".join(HEADER)]
    for k, row in enumerate(CSV_ROWS):
        lines.append(",".join([str(k + 1)] + list(row)))
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gbk"))


def old_xls(path):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    sheet.write_merge(0, 0, 0, 8, "银杏社区管控人员名单（2022年11月）")
    for c, h in enumerate(HEADER):
        sheet.write(1, c, h)
    for k, row in enumerate(XLS_ROWS):
        sheet.write(k + 2, 0, k + 1)
        for c, v in enumerate(row):
            sheet.write(k + 2, c + 1, v)
    book.save(path)


def main(argv):
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    wps_xlsx(os.path.join(out, "WPS花名册.xlsx"))
    gbk_csv(os.path.join(out, "来返人员.csv"))
    old_xls(os.path.join(out, "老名单.xls"))


if __name__ == "__main__":
    main(sys.argv)
