#!/usr/bin/python3
"""Independent check that a converted appendix reproduces its source cell for cell by catalogue key.

Usage: compare_by_key.py SOURCE.xlsx SOURCE_MAP.json OUTPUT.xlsx OUTPUT_MAP.json

The row keys come from `phuluc map --json` of each file; every value is read with openpyxl (the
cached values the files store). Columns are paired by their header words (folded: case, diacritics,
"NSDP" = "NSĐP"), not by position. For every key in the source, every amount and rate cell is
compared at the precision the source shows (its number format): a blank, "-" and 0 are the same
amount; a rate over a plan of 0 may be blank, 0 or "-". Prints one JSON line:
{"keys": N, "cells": N, "equal": N, "different": [...], "missing_keys": [...]}.
"""
import json
import re
import sys
import unicodedata

import openpyxl


def fold(text):
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.sub(r"[^0-9a-z/]+", " ", text).split())


def header_paths(sheet, first, last, columns):
    """Header texts top to bottom for each column, merged cells repeated."""
    merged = {}
    for rng in sheet.merged_cells.ranges:
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                merged[(row, col)] = sheet.cell(rng.min_row, rng.min_col).value
    paths = {}
    for col in columns:
        texts = []
        for row in range(first, last + 1):
            value = merged.get((row, col), sheet.cell(row, col).value)
            if value is not None and (not texts or fold(texts[-1]) != fold(value)):
                texts.append(str(value))
        paths[col] = " > ".join(fold(t) for t in texts)
    return paths


def header_rows(sheet):
    """1-based first and last header rows: from the "STT" cell down its vertical merge."""
    for row in range(1, sheet.max_row + 1):
        if fold(sheet.cell(row, 1).value) in ("stt", "tt"):
            for rng in sheet.merged_cells.ranges:
                if rng.min_row == row and rng.min_col == 1:
                    return row, rng.max_row
            return row, row
    raise SystemExit("no header in " + sheet.title)


def decimals_of(cell):
    fmt = cell.number_format or "General"
    if fmt == "General":
        return 3
    section = fmt.split(";")[0]
    if "." not in section:
        return 0
    return len(re.sub(r"[^0#]", "", section.split(".", 1)[1]))


def number(value):
    if value is None or value == "" or value == "-":
        return 0.0
    if isinstance(value, (int, float)):
        return float(value)
    return None


def rows_by_key(map_json, sheet):
    keys = {}
    for row in map_json["files"][0]["rows"]:
        if row["sheet"] == sheet and row["status"] == "mapped":
            keys[row["key"]] = row["row"]
        if row["sheet"] == sheet and row["status"] == "total":
            keys["total"] = row["row"]
    return keys


def main(source_path, source_map_path, output_path, output_map_path):
    source_map = json.load(open(source_map_path))
    output_map = json.load(open(output_map_path))
    source_table = next(t for t in source_map["files"][0]["tables"] if t["kind"] == "funds")
    output_table = next(t for t in output_map["files"][0]["tables"] if t["kind"] == "funds")
    source = openpyxl.load_workbook(source_path, data_only=True)[source_table["sheet"]]
    output = openpyxl.load_workbook(output_path, data_only=True)[output_table["sheet"]]
    source_keys = rows_by_key(source_map, source_table["sheet"])
    output_keys = rows_by_key(output_map, output_table["sheet"])

    def paths(sheet, table):
        first, last = header_rows(sheet)
        cols = range(3, sheet.max_column + 1)
        return {c: p for c, p in header_paths(sheet, first, last, cols).items() if p and "ghi chu" not in p}

    source_cols = paths(source, source_table)
    # Columns with the same words ("Tỷ lệ giải ngân" twice in a block) pair in the order they come.
    output_by_path = {}
    for col, path in sorted(paths(output, output_table).items()):
        output_by_path.setdefault(path, []).append(col)
    pairs = []
    for col, path in sorted(source_cols.items()):
        if output_by_path.get(path):
            pairs.append((col, output_by_path[path].pop(0)))
    result = {"keys": 0, "cells": 0, "equal": 0, "columns": len(pairs), "different": [], "missing_keys": []}
    for key, source_row in sorted(source_keys.items(), key=lambda kv: kv[1]):
        if key not in output_keys:
            result["missing_keys"].append(key)
            continue
        result["keys"] += 1
        output_row = output_keys[key]
        for source_col, output_col in pairs:
            a = source.cell(source_row, source_col)
            b = output.cell(output_row, output_col)
            result["cells"] += 1
            x, y = number(a.value), number(b.value)
            places = decimals_of(a)
            same = x is not None and y is not None and round(x, places) == round(y, places)
            if not same and "ty le" in source_cols[source_col] and b.value in (None, "") and x == 0:
                same = True  # a rate over a plan of 0: blank, 0 or "-"
            if same:
                result["equal"] += 1
            else:
                result["different"].append({"key": key, "source": a.coordinate, "output": b.coordinate,
                                            "found": a.value, "shown": b.value})
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:5])
