#!/usr/bin/python3
"""Differential check of phuluc's readers against openpyxl (docs/robustness.md).

Reads every .xlsx/.xlsm given with openpyxl load_workbook(data_only=True, read_only=True) and
compares each cell with what bench_dump_cells printed for it (TSV: file, sheet, A1, kind, value).
Numbers agree within a relative 1e-9, text after NFC, booleans and error codes exactly, dates as
Excel serials. Prints the share of agreeing cells and each disagreement class with examples.
  build/bench_dump_cells FILES... > ours.tsv
  /usr/bin/python3 bench/differential/compare_cells.py ours.tsv [--xls-dir DIR] [--examples N]
--xls-dir: the .xls files converted to .xlsx by LibreOffice (same stem), read in their place.
"""
import argparse
import collections
import datetime
import math
import os
import signal
import sys
import unicodedata
import warnings

import openpyxl
from openpyxl.utils.datetime import to_excel

warnings.filterwarnings("ignore")


def unescape(text):
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_ours(path):
    """{file: {(sheet, a1): (kind, value)}} and {file: error id} for unreadable files."""
    cells, unreadable = collections.defaultdict(dict), {}
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5:
                continue
            file, sheet, a1, kind, value = parts
            file = unescape(file)
            if kind == "file":
                cells[file]
                continue
            if kind == "unreadable":
                unreadable[file] = value
                continue
            if kind in ("number", "date"):
                value = float(value)
            elif kind in ("text", "error"):
                value = unescape(value)
            cells[file][(unescape(sheet), a1)] = (kind, value)
    return cells, unreadable


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def read_theirs(path):
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    cells = {}
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if value is None or not hasattr(cell, "column"):
                        continue
                    a1 = f"{openpyxl.utils.get_column_letter(cell.column)}{cell.row}"
                    cells[(ws.title, a1)] = classify(cell, value, wb.epoch)
    finally:
        wb.close()
    return cells


def classify(cell, value, epoch):
    if isinstance(value, bool):
        return ("bool", "TRUE" if value else "FALSE")
    if isinstance(value, (int, float)):
        return ("number", float(value))
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return ("date", float(to_excel(value, epoch)))
    if getattr(cell, "data_type", None) == "e":
        return ("error", str(value))
    return ("text", str(value))


def same(ours, theirs):
    (ok, ov), (tk, tv) = ours, theirs
    numeric = ("number", "date")
    if ok in numeric and tk in numeric:
        return ov == tv or math.isclose(ov, tv, rel_tol=1e-9, abs_tol=1e-12)
    if ok != tk:
        return False
    if ok == "text":
        return unicodedata.normalize("NFC", ov) == unicodedata.normalize("NFC", tv)
    return ov == tv


def disagreement_class(ours, theirs):
    if ours is None:
        return f"only openpyxl has the cell ({theirs[0]})"
    if theirs is None:
        return f"only phuluc has the cell ({ours[0]})"
    if ours[0] != theirs[0] and not {ours[0], theirs[0]} <= {"number", "date"}:
        return f"kind: phuluc {ours[0]}, openpyxl {theirs[0]}"
    if ours[0] == "text" and len(theirs[1]) > 32767 and ours[1] == theirs[1][: len(ours[1])]:
        return "text: phuluc cuts at 32,767 characters (Excel's limit)"
    return f"value differs ({ours[0]})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ours")
    parser.add_argument("--xls-dir")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    ours_cells, ours_unreadable = read_ours(args.ours)
    files = sorted(set(ours_cells) | set(ours_unreadable))

    totals = collections.Counter()
    classes = collections.defaultdict(list)
    class_files = collections.defaultdict(collections.Counter)
    skipped = collections.Counter()
    signal.signal(signal.SIGALRM, on_alarm)
    for file in files:
        source = file
        if file.lower().endswith(".xls"):
            if not args.xls_dir:
                skipped["xls (no --xls-dir)"] += 1
                continue
            source = os.path.join(args.xls_dir, os.path.splitext(os.path.basename(file))[0] + ".xlsx")
            if not os.path.exists(source):
                skipped["xls LibreOffice could not convert"] += 1
                continue
        signal.alarm(args.timeout)
        try:
            theirs = read_theirs(source)
        except Timeout:
            skipped["openpyxl over the time limit"] += 1
            continue
        except Exception as error:  # openpyxl refuses the file: nothing to compare with
            skipped["openpyxl cannot read"] += 1
            if file not in ours_unreadable:
                classes["openpyxl cannot read, phuluc reads"].append(f"{file}: {type(error).__name__}")
            continue
        finally:
            signal.alarm(0)
        if file in ours_unreadable:
            skipped[f"phuluc refuses ({ours_unreadable[file]})"] += 1
            classes[f"phuluc refuses ({ours_unreadable[file]}), openpyxl reads"].append(f"{file}: {len(theirs)} cells")
            continue
        ours = ours_cells.get(file, {})
        totals["files compared"] += 1
        for key in set(ours) | set(theirs):
            mine, other = ours.get(key), theirs.get(key)
            # An empty string is no value to either reader.
            if mine is not None and mine == ("text", ""):
                mine = None
            if other is not None and other == ("text", ""):
                other = None
            if mine is None and other is None:
                continue
            totals["cells"] += 1
            if mine is not None and other is not None and same(mine, other):
                totals["agree"] += 1
                continue
            cls = disagreement_class(mine, other)
            class_files[cls][file] += 1
            classes[cls].append(f"{file} '{key[0]}'!{key[1]}: phuluc {mine!r:.80} openpyxl {other!r:.80}")

    cells, agree = totals["cells"], totals["agree"]
    print(f"files compared: {totals['files compared']}; cells: {cells}; agree: {agree} "
          f"({100.0 * agree / max(cells, 1):.4f} %)")
    for reason, count in sorted(skipped.items()):
        print(f"  not compared: {reason}: {count} files")
    print("disagreement classes:")
    for cls, examples in sorted(classes.items(), key=lambda item: -len(item[1])):
        files_of = class_files.get(cls)
        where = ""
        if files_of:
            top, top_count = files_of.most_common(1)[0]
            where = f" in {len(files_of)} files, most in {os.path.basename(top)} ({top_count})"
        print(f"  {cls}: {len(examples)}{where}")
        for example in examples[: args.examples]:
            print(f"    {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
