#!/usr/bin/python3
"""The benchmark's peer for `phuluc merge`: the same consolidation written the usual way, with openpyxl.

    /usr/bin/python3 bench/merge_openpyxl.py OUT.xlsx /tmp/communes/*.xlsx

For each workbook (openpyxl load_workbook(read_only=True, data_only=True), the fastest way openpyxl
reads): find the table (the row whose first cell is "STT"), its header rows (down to the first row
with a value in column A), the unit line ("ĐVT: Đồng" is converted to triệu đồng), and the data rows
down to the first empty row. Each row is keyed by its place in the STT hierarchy plus its label
normalized (case, diacritics, spacing and punctuation folded; "DA"/"TDA" spelled out) - what a careful
script does instead of Excel's Consolidate, which matches labels exactly. Amounts are summed per key;
rates are recomputed from the sums. No arithmetic check is made (phuluc checks every file first), and
a row whose normalized label differs (a typo) becomes a row of its own.

Writes OUT.xlsx (openpyxl write_only) with one consolidated sheet and prints one line on stderr:
files, rows, seconds. Exit 0.
"""
import os
import re
import sys
import time
import unicodedata

import openpyxl

ROMAN = {'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'}


def fold(text):
    text = unicodedata.normalize('NFD', str(text).replace('đ', 'd').replace('Đ', 'D'))
    text = ''.join(ch for ch in text if unicodedata.category(ch) != 'Mn').lower()
    words = re.findall(r'[a-z0-9]+', text)
    spelled = {'da': 'du an', 'tda': 'tieu du an', 'nd': 'noi dung'}
    return ' '.join(spelled.get(w, w) for w in words)


def level(stt):
    stt = fold(stt).upper()
    if not stt:
        return 4
    if stt.startswith('TONG'):
        return 0
    if stt in ROMAN:
        return 2
    if len(stt) == 1 and stt.isalpha():
        return 1
    if ' ' in stt and stt.split(' ')[0] in ROMAN:
        return 3
    return 4


def number(value, in_dong):
    if value is None or value == '-' or value == '':
        return None
    if isinstance(value, str):
        text = value.strip().replace('.', '').replace(',', '.')
        try:
            value = float(text)
        except ValueError:
            return None
    return float(value) / 1e6 if in_dong else float(value)


def read_table(path):
    """(header rows, unit text, [(stt, label, values)]) of the first table of the file."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    unit = ''
    header = None
    for i, row in enumerate(rows):
        for cell in row:
            if isinstance(cell, str) and cell.strip().upper().startswith('ĐVT'):
                unit = cell
        if row and isinstance(row[0], str) and row[0].strip().upper() == 'STT':
            header = i
            break
    if header is None:
        return None
    first = header + 1
    while first < len(rows) and (not rows[first] or rows[first][0] is None) and rows[first][1] is None:
        first += 1  # rows under the header that only continue its merged cells
    data = []
    for row in rows[first:]:
        if all(c is None for c in row[:2]) and all(c is None for c in row[2:32]):
            break
        data.append(row)
    return rows[header:first], unit, data


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_path, files = argv[0], argv[1:]
    started = time.perf_counter()
    sums = {}       # key → 30 sums
    order = []      # keys in first-seen order
    labels = {}
    header_rows = None
    for path in files:
        table = read_table(path)
        if table is None:
            continue
        header, unit, data = table
        header_rows = header_rows or header
        in_dong = 'trieu' not in fold(unit) and 'dong' in fold(unit)
        stack = []
        for row in data:
            stt = '' if row[0] is None else str(row[0]).strip()
            label = '' if row[1] is None else str(row[1])
            lv = level(stt)
            while stack and stack[-1][0] >= lv:
                stack.pop()
            stack.append((lv, fold(stt), fold(label)))
            key = tuple(stack)
            if key not in sums:
                sums[key] = [None] * 30
                order.append(key)
                labels[key] = (stt, label.strip())
            values = sums[key]
            for v in range(30):
                if (v % 15) // 3 in (2, 4):
                    continue  # rates are recomputed
                x = number(row[2 + v] if 2 + v < len(row) else None, in_dong)
                if x is not None:
                    values[v] = (values[v] or 0.0) + x
    for key in order:
        values = sums[key]
        for block in (0, 15):
            for rate, amount in ((6, 3), (12, 9)):
                for split in range(3):
                    plan = values[block + split]
                    if plan:
                        values[block + rate + split] = (values[block + amount + split] or 0.0) / plan * 100

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet('Tổng hợp')
    ws.append(['TỔNG HỢP'])
    for row in header_rows or []:
        ws.append(list(row[:33]))
    for key in order:
        stt, label = labels[key]
        ws.append([stt, label] + sums[key])
    wb.save(out_path)
    print(f'{len(files)} files, {len(order)} rows, {time.perf_counter() - started:.2f} s', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
