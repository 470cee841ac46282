#!/usr/bin/python3
"""Differential check of phuluc's readers against an independent reader (docs/robustness.md).

Compares each cell bench_dump_cells printed (TSV: file, sheet, A1, kind, value) with what an
independent reader reads from the same file. Which reader judged a file (its provenance):
  openpyxl            openpyxl load_workbook(data_only=True) in full mode, under --timeout seconds
  openpyxl-read-only  the same in read-only mode, for a file full mode could not read within the
                      time limit (read-only mode drops some cells full mode reads, so full first)
  libreoffice         LibreOffice converts the file to .xlsx (soffice --headless --convert-to xlsx)
                      and openpyxl reads the values of the conversion: for every .xls (converted
                      beforehand by convert_xls.sh into --xls-dir), and for an .xlsx/.xlsm openpyxl
                      cannot read or cannot see the cells of (Strict OOXML), converted here into
                      --lo-dir on demand.
Where phuluc and LibreOffice differ on an .xls cell, xlrd (python3-xlrd, optional) reads the value
the file itself stores, to tell whose reading is wrong: LibreOffice recalculates the formulas of an
.xls, so its value of a formula cell is its own result, not the one saved in the file.
Numbers agree within a relative 1e-9, text after NFC, booleans and error codes exactly, dates as
Excel serials. A representation difference that is no reading difference is normalised and
counted apart: openpyxl leaves the `_xHHHH_` escapes of ECMA-376 Part 1 (the ST_Xstring type)
in text, which mean the character U+HHHH; openpyxl rounds a date's serial to the millisecond;
LibreOffice has no boolean cells and saves a formula's TRUE/FALSE as 1/0.
  build/bench_dump_cells FILES... > ours.tsv
  /usr/bin/python3 bench/differential/compare_cells.py ours.tsv --corpus ../shared/corpus \
      --xls-dir /tmp/phuluc-diff-xls --lo-dir /tmp/phuluc-diff-lo [--details out.tsv]
"""
import argparse
import collections
import datetime
import math
import os
import re
import signal
import subprocess
import sys
import unicodedata
import warnings
import zipfile

import openpyxl
from openpyxl.utils.datetime import to_excel

try:  # the arbiter for .xls formula results (Debian: python3-xlrd); optional
    import xlrd
    from xlrd.biffh import error_text_from_code
except ImportError:
    xlrd = None

warnings.filterwarnings("ignore")

STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


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


class Timeout(BaseException):  # not an Exception: openpyxl must not catch it
    pass


def on_alarm(signum, frame):
    raise Timeout()


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


def read_openpyxl(path, read_only):
    wb = openpyxl.load_workbook(path, data_only=True, read_only=read_only)
    cells = {}
    try:
        for ws in wb.worksheets:
            if read_only:
                found = (cell for row in ws.iter_rows() for cell in row)
            else:
                found = ws._cells.values()  # every cell the sheet part holds, none made up
            for cell in found:
                value = getattr(cell, "value", None)
                if value is None or not hasattr(cell, "column"):
                    continue
                a1 = f"{openpyxl.utils.get_column_letter(cell.column)}{cell.row}"
                cells[(ws.title, a1)] = classify(cell, value, wb.epoch)
    finally:
        if read_only:
            wb.close()
    return cells


def with_time_limit(seconds, function, *args):
    signal.alarm(seconds)
    try:
        return function(*args)
    finally:
        signal.alarm(0)


def is_strict_ooxml(path):
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.lower().endswith("workbook.xml"):
                    return STRICT_NS in archive.open(name).read(4096)
    except Exception:
        return False
    return False


def converted_path(file, corpus, out_dir, keep_extension):
    rel = os.path.relpath(os.path.realpath(file), corpus) if corpus else os.path.basename(file)
    folder, name = os.path.split(rel)
    stem = name if keep_extension else os.path.splitext(name)[0]
    return os.path.join(out_dir, folder, stem + ".xlsx")


def convert_with_libreoffice(file, target, timeout):
    """LibreOffice's reading of FILE saved as TARGET (an .xlsx); None when it cannot. Cached."""
    if os.path.exists(target):
        return target
    failed = target + ".failed"
    if os.path.exists(failed):
        return None
    out_dir = os.path.join(os.path.dirname(target), ".tmp")
    os.makedirs(out_dir, exist_ok=True)
    produced = os.path.join(out_dir, os.path.splitext(os.path.basename(file))[0] + ".xlsx")
    try:
        subprocess.run(["nice", "-n", "19", "timeout", "-k", "10", str(timeout), "soffice",
                        "-env:UserInstallation=file:///tmp/lo-diff", "--headless", "--norestore",
                        "--convert-to", "xlsx", "--outdir", out_dir, file],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    except OSError:
        pass
    if os.path.exists(produced):
        os.replace(produced, target)
        return target
    with open(failed, "w") as f:
        f.write("LibreOffice could not convert it\n")
    return None


class CachedValues:
    """The values an .xls file itself stores, read by xlrd: a third reader, to tell whose reading
    is wrong where phuluc and LibreOffice differ. LibreOffice recalculates the formulas of an .xls
    it opens, so its value of a formula cell is its own result, not the one Excel saved."""

    def __init__(self):
        self.books = {}

    def value(self, file, sheet_name, a1):
        """(kind, value); None for no value; "unreadable" or "no such sheet" when xlrd cannot tell."""
        if xlrd is None:
            return "unreadable"
        if file not in self.books:
            self.books.clear()  # files come one after another: keep only the current one
            try:
                self.books[file] = xlrd.open_workbook(file, on_demand=True, logfile=open(os.devnull, "w"))
            except Exception:
                self.books[file] = None
        book = self.books[file]
        if book is None:
            return "unreadable"
        try:
            sheet = book.sheet_by_name(sheet_name)
        except Exception:
            return "no such sheet"  # xlrd, like phuluc, leaves out macro sheets
        letters = a1.rstrip("0123456789")
        col = 0
        for letter in letters:
            col = col * 26 + ord(letter) - ord("A") + 1
        row, col = int(a1[len(letters):]) - 1, col - 1
        if row >= sheet.nrows or col >= sheet.ncols:
            return None
        cell = sheet.cell(row, col)
        if cell.ctype == xlrd.XL_CELL_TEXT:
            return ("text", cell.value) if cell.value != "" else None
        if cell.ctype in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
            return ("number", float(cell.value))
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return ("bool", "TRUE" if cell.value else "FALSE")
        if cell.ctype == xlrd.XL_CELL_ERROR:
            return ("error", error_text_from_code.get(cell.value, "?"))
        return None


def arbitrate(ours, theirs, cached):
    """Whose value the file's stored value (xlrd) confirms: phuluc, LibreOffice, neither or unknown."""
    if cached == "unreadable":
        return "xlrd cannot read the file"
    if cached == "no such sheet":
        return "xlrd has no such sheet"
    def matches(value):
        if value is None or cached is None:
            return value is None and cached is None
        return same(value, cached)
    if matches(ours):
        return "the file's stored value (xlrd) is phuluc's"
    if matches(theirs):
        return "the file's stored value (xlrd) is LibreOffice's"
    return "the file's stored value (xlrd) is neither"


def normalised(text):
    return unicodedata.normalize("NFC", text)


def same(ours, theirs):
    (ok, ov), (tk, tv) = ours, theirs
    numeric = ("number", "date")
    if ok in numeric and tk in numeric:
        return ov == tv or math.isclose(ov, tv, rel_tol=1e-9, abs_tol=1e-12)
    if ok != tk:
        return False
    if ok == "text":
        return normalised(ov) == normalised(tv)
    return ov == tv


def same_after_representation(ours, theirs, judge):
    """The name of the representation difference that makes the two agree, or None."""
    if judge.startswith("libreoffice") and ours is not None and theirs is not None:
        if ours[0] == "bool" and theirs[0] == "number" and theirs[1] == (1.0 if ours[1] == "TRUE" else 0.0):
            return "LibreOffice has no boolean cells: a formula's TRUE/FALSE is saved as the number 1/0"
    if ours is not None and theirs is not None and ours[0] == "date" and theirs[0] == "date":
        # openpyxl turns a date serial into a datetime rounded to the millisecond.
        if abs(ours[1] - theirs[1]) * 86400000 <= 0.5 + 1e-6:
            return "openpyxl rounds dates and times to the millisecond (a datetime, not the serial)"
        return None
    if ours is None or theirs is None or ours[0] != "text" or theirs[0] != "text":
        return None
    if OOXML_ESCAPE.search(theirs[1]):
        decoded = OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), theirs[1])
        if normalised(decoded) == normalised(ours[1]):
            return "openpyxl leaves _xHHHH_ escapes (ECMA-376 ST_Xstring: the character U+HHHH)"
    return None


def disagreement_class(ours, theirs, judge):
    other = "openpyxl" if judge.startswith("openpyxl") else "LibreOffice"
    if ours is None:
        return f"only {other} has the cell ({theirs[0]})"
    if theirs is None:
        return f"only phuluc has the cell ({ours[0]})"
    if ours[0] != theirs[0] and not {ours[0], theirs[0]} <= {"number", "date"}:
        return f"kind: phuluc {ours[0]}, {other} {theirs[0]}"
    if ours[0] == "text" and len(theirs[1]) > 32767 and ours[1] == theirs[1][: len(ours[1])]:
        return "text: phuluc cuts at 32,767 characters (Excel's limit)"
    return f"value differs ({ours[0]}, {other})"


def judge_file(file, args, our_sheets):
    """(provenance, cells) of the independent reader, or (reason not compared, None)."""
    if file.lower().endswith(".xls"):
        if not args.xls_dir:
            return "not compared: .xls without --xls-dir", None
        source = converted_path(file, args.corpus, args.xls_dir, keep_extension=False)
        if not os.path.exists(source):
            return "not compared: LibreOffice could not convert the .xls", None
        if opened_as_text(source, file, our_sheets):
            return "not compared: LibreOffice cannot read it as a spreadsheet either (imported its bytes as text)", None
        try:
            return "libreoffice", with_time_limit(args.timeout, read_openpyxl, source, False)
        except (Exception, Timeout) as error:
            return f"not compared: openpyxl cannot read LibreOffice's conversion ({type(error).__name__})", None
    why_libreoffice = None
    if is_strict_ooxml(file):
        why_libreoffice = "Strict OOXML"
    else:
        try:
            return "openpyxl", with_time_limit(args.timeout, read_openpyxl, file, False)
        except Timeout:
            try:
                return "openpyxl-read-only", with_time_limit(args.timeout, read_openpyxl, file, True)
            except Timeout:
                return "not compared: openpyxl over the time limit in both modes", None
            except Exception as error:
                why_libreoffice = f"openpyxl read-only: {type(error).__name__}"
        except Exception as error:  # openpyxl refuses the file
            why_libreoffice = f"openpyxl: {type(error).__name__}"
    if not args.lo_dir:
        return f"not compared: {why_libreoffice}, no --lo-dir", None
    target = converted_path(file, args.corpus, args.lo_dir, keep_extension=True)
    source = convert_with_libreoffice(os.path.realpath(file), target, args.lo_timeout)
    if source is None:
        return f"not compared: {why_libreoffice}; LibreOffice cannot convert it either", None
    if opened_as_text(source, file, our_sheets):
        return f"not compared: {why_libreoffice}; LibreOffice cannot read it as a spreadsheet either (imported its bytes as text)", None
    try:
        return f"libreoffice ({why_libreoffice})", with_time_limit(args.timeout, read_openpyxl, source, False)
    except (Exception, Timeout):
        return f"not compared: {why_libreoffice}; openpyxl cannot read LibreOffice's conversion", None


def opened_as_text(conversion, file, our_sheets):
    """Whether LibreOffice, unable to read FILE as a spreadsheet, imported its bytes as text: its
    Text CSV import makes one sheet named after the file, which phuluc's reading does not have."""
    try:
        with zipfile.ZipFile(conversion) as archive:
            names = re.findall(r'<sheet [^>]*name="([^"]*)"', archive.read("xl/workbook.xml").decode("utf-8", "replace"))
    except Exception:
        return False
    stem = os.path.splitext(os.path.basename(file))[0]
    return len(names) == 1 and names[0] == stem[:31] and names[0] not in our_sheets


def file_format(file):
    return ".xls" if file.lower().endswith(".xls") else ".xlsx/.xlsm"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ours")
    parser.add_argument("--corpus", help="root the paths in --xls-dir and --lo-dir are relative to")
    parser.add_argument("--xls-dir", help="the .xls files converted to .xlsx by convert_xls.sh")
    parser.add_argument("--lo-dir", help="cache for .xlsx/.xlsm files LibreOffice converts here")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=120, help="seconds for openpyxl per file")
    parser.add_argument("--lo-timeout", type=int, default=120, help="seconds for LibreOffice per file")
    parser.add_argument("--details", help="write every disagreement and every file's provenance here (TSV)")
    args = parser.parse_args()
    if args.corpus:
        args.corpus = os.path.realpath(args.corpus)
    ours_cells, ours_unreadable = read_ours(args.ours)
    files = sorted(set(ours_cells) | set(ours_unreadable))

    totals = collections.defaultdict(collections.Counter)  # format -> counters
    provenance = collections.Counter()
    classes = collections.defaultdict(list)
    class_files = collections.defaultdict(collections.Counter)
    represented = collections.defaultdict(list)
    represented_files = collections.defaultdict(collections.Counter)
    not_compared = collections.defaultdict(list)
    details = open(args.details, "w", encoding="utf-8") if args.details else None
    signal.signal(signal.SIGALRM, on_alarm)
    cached = CachedValues()
    for file in files:
        fmt = file_format(file)
        judge, theirs = judge_file(file, args, {sheet for sheet, _ in ours_cells.get(file, {})})
        if details:
            print("file", file, judge, ours_unreadable.get(file, ""), sep="\t", file=details)
        if theirs is None:
            not_compared[f"{fmt} {judge}" + (f" (phuluc: {ours_unreadable[file]})" if file in ours_unreadable else "")].append(file)
            continue
        if file in ours_unreadable:
            not_compared[f"{fmt} phuluc refuses ({ours_unreadable[file]}), {judge} reads"].append(f"{file}: {len(theirs)} cells")
            continue
        provenance[(fmt, judge)] += 1
        ours = ours_cells.get(file, {})
        counter = totals[fmt]
        counter["files"] += 1
        for key in set(ours) | set(theirs):
            mine, other = ours.get(key), theirs.get(key)
            # An empty string is no value to either reader.
            if mine is not None and mine == ("text", ""):
                mine = None
            if other is not None and other == ("text", ""):
                other = None
            if mine is None and other is None:
                continue
            counter["cells"] += 1
            if mine is not None and other is not None and same(mine, other):
                counter["agree"] += 1
                continue
            example = f"{file} '{key[0]}'!{key[1]}: phuluc {mine!r:.80} {judge.split()[0]} {other!r:.80}"
            representation = same_after_representation(mine, other, judge)
            if representation:
                counter["agree after normalising"] += 1
                represented[representation].append(example)
                represented_files[representation][file] += 1
                continue
            cls = disagreement_class(mine, other, judge)
            if fmt == ".xls":
                verdict = arbitrate(mine, other, cached.value(file, key[0], key[1]))
                cls += f"; {verdict}"
                if verdict.endswith("is phuluc's"):
                    counter["agree with the stored value"] += 1
            class_files[cls][file] += 1
            classes[cls].append(example)
            if details:
                print("cell", file, key[0], key[1], judge, repr(mine), repr(other), cls, sep="\t", file=details)

    def figure(counter):
        cells, agree, norm = counter["cells"], counter["agree"], counter["agree after normalising"]
        stored = counter["agree with the stored value"]
        def share(n):
            return f"{n:,} ({100.0 * n / max(cells, 1):.3f} %)"
        text = (f"{counter['files']} files; cells {cells:,}; agree {share(agree)}; "
                f"with representation differences normalised {share(agree + norm)}")
        if stored:
            text += (f"; counting also the cells where LibreOffice differs but phuluc has the value the file "
                     f"stores (xlrd) {share(agree + norm + stored)}")
        return text

    overall = collections.Counter()
    for fmt in sorted(totals):
        print(f"{fmt}: {figure(totals[fmt])}")
        overall.update(totals[fmt])
    print(f"overall: {figure(overall)}")
    print("judged by:")
    for (fmt, judge), count in sorted(provenance.items()):
        print(f"  {fmt} {judge}: {count} files")
    print("not compared (a reader cannot read the file):")
    for reason, items in sorted(not_compared.items()):
        print(f"  {reason}: {len(items)} files")
        for item in items[: args.examples]:
            print(f"    {item}")

    def show(title, groups, group_files):
        print(title)
        for cls, examples in sorted(groups.items(), key=lambda item: -len(item[1])):
            files_of = group_files.get(cls)
            where = ""
            if files_of:
                top, top_count = files_of.most_common(1)[0]
                where = f" in {len(files_of)} files, most in {os.path.basename(top)} ({top_count})"
            print(f"  {cls}: {len(examples)}{where}")
            for example in examples[: args.examples]:
                print(f"    {example}")

    show("representation differences, normalised (counted apart):", represented, represented_files)
    show("disagreement classes:", classes, class_files)
    if details:
        details.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
