#!/usr/bin/python3
# Edits cells of an .xlsx as a clerk would in Excel, for the export → edit → import round trip
# (roster_import_test.cpp). Run with Debian's /usr/bin/python3 (python3-openpyxl).
# Usage: edit_xlsx.py FILE.xlsx ROW COLUMN VALUE [ROW COLUMN VALUE]...   (1-based; saved in place)
import sys

import openpyxl

path = sys.argv[1]
book = openpyxl.load_workbook(path)
sheet = book.worksheets[0]
args = sys.argv[2:]
for i in range(0, len(args), 3):
    sheet.cell(row=int(args[i]), column=int(args[i + 1])).value = args[i + 2]
book.save(path)
