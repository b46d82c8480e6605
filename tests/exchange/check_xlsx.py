#!/usr/bin/python3
# Describes an .xlsx file as JSON for the export tests (xlsx_writer_test.cpp, gridctl_test.cpp), read
# by openpyxl as a second, independent reader. Run with Debian's /usr/bin/python3: only it sees
# python3-openpyxl. Usage: check_xlsx.py FILE.xlsx
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def kind(value):
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return "date"
    if isinstance(value, (int, float)):
        return "number"
    return "text"


def shown(value):
    # Dates as ISO text, so the test compares them with the ledger's values.
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
rows = list(sheet.iter_rows())
header = [c.value for c in rows[0]] if rows else []
columns = {}
for i, name in enumerate(header):
    cells = [r[i] for r in rows[1:] if i < len(r) and r[i].value is not None]
    columns[name] = {
        "kinds": sorted({kind(c.value) for c in cells}),
        "formats": sorted({c.number_format for c in cells}),
        "width": sheet.column_dimensions[get_column_letter(i + 1)].width,
    }
footer = sheet.oddFooter
print(json.dumps({
    "sheets": book.sheetnames,
    "header": header,
    "header_bold": all(c.font.b for c in rows[0]) if rows else False,
    "columns": columns,
    "rows": [[shown(c.value) for c in r] for r in rows[1:]],
    "kinds": [[kind(c.value) for c in r] for r in rows[1:]],
    "freeze": sheet.freeze_panes,
    "autofilter": sheet.auto_filter.ref,
    "print_titles": str(sheet.print_title_rows),
    "footer": {"left": footer.left.text, "center": footer.center.text, "right": footer.right.text},
    "properties": {"title": book.properties.title, "creator": book.properties.creator,
                   "comments": book.properties.description},
}, ensure_ascii=False))
