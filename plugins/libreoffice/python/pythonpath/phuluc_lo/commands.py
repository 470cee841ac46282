"""The three menu commands: Kiểm tra (check), Sửa lỗi (fix), Tổng hợp (merge).

Each one asks phuluc first and changes the document only once phuluc has answered, inside one undo
step; a failure before that leaves the document exactly as it was. Each returns an Outcome whose
message is what the user is told.
"""

import os
import shutil

from phuluc_lo import marks, office, runner
from phuluc_lo.texts import MARK_PREFIX, format_number, text

CHECK_TIMEOUT = 300   # seconds; the sample takes milliseconds, a huge workbook a few seconds
MERGE_TIMEOUT = 1800  # a province's communes; the national bench takes about 6 s

VALUE, DATETIME, STRING, FORMULA = 1, 2, 4, 16  # com.sun.star.sheet.CellFlags


class Outcome:
    """What a command did: ok, the message for the user (may be empty), and facts for automation."""

    def __init__(self, ok, message="", kind="info", **facts):
        self.ok = ok
        self.message = message
        self.kind = kind
        self.facts = facts

    def as_dict(self):
        return dict(ok=self.ok, message=self.message, kind=self.kind, **self.facts)


def failure(error, lang):
    return Outcome(False, text(error.key, lang, **error.values), "error", code=error.key)


# ---- Kiểm tra ------------------------------------------------------------------------------------

def check(ctx, model, lang, binary=None):
    def run(work):
        copy = _store_copy(model, work)
        _, document = runner.run_json(
            runner.locate_binary(binary), ["check", "--json", "--lang", lang, copy], CHECK_TIMEOUT, work)
        return _single_file(document)

    checked = _with_phuluc(run)
    findings = [f for f in checked.get("findings", []) if not marks.is_results_sheet_name(f.get("sheet", ""))]
    counts = _count(findings)
    results = marks.find_results_sheet(model)
    if findings and results is None:
        results = marks.ensure_results_sheet(model, lang)  # its own undo step, see ensure_results_sheet
    with office.Undo(model, text("undo.check", lang)):
        state = marks.load_state(model)
        marks.clear_marks(model, state)
        marked = _mark_findings(model, state, findings, lang)
        sheet = _write_check_sheet(model, results, findings, counts, lang) if results is not None else ""
        marks.save_state(model, state)
    if not findings:
        return Outcome(True, text("check.clean", lang), marked=0, sheet=sheet, **counts)
    return Outcome(True, text("check.done", lang, sheet=sheet, **counts), marked=marked, sheet=sheet, **counts)


def _count(findings):
    counts = {"errors": 0, "warnings": 0, "notices": 0}
    for finding in findings:
        counts[finding["severity"] + "s"] += 1
    return counts


def _mark_findings(model, state, findings, lang):
    """Marks errors and warnings in place (notices are only listed); one note per cell, even when
    several findings name it."""
    by_cell = {}
    for finding in findings:
        if finding.get("cell") and finding.get("severity") in ("error", "warning"):
            by_cell.setdefault((finding["sheet"], finding["cell"]), []).append(finding)
    for (sheet, cell), found in by_cell.items():
        colour = marks.ERROR_COLOUR if any(f["severity"] == "error" for f in found) else marks.WARNING_COLOUR
        content = "\n\n".join(_finding_note(f, lang) for f in found)
        marks.mark_cell(model, state, sheet, cell, colour, content, lang)
    return len(by_cell)


def _finding_note(finding, lang):
    """The note of one finding: what is wrong, the value found, the value expected, why."""
    lines = ["%s %s · %s (%s)" % (MARK_PREFIX, text("severity." + finding["severity"], lang),
                                  finding.get("title", ""), finding["code"])]
    decimals = finding.get("decimals")
    found = finding.get("found_text") or finding.get("found")
    if found is not None or finding.get("expected") is not None:  # a row question has neither
        lines.append(text("note.found", lang, value=format_number(found, decimals, lang)))
    if finding.get("expected") is not None:
        lines.append(text("note.expected", lang, value=format_number(finding["expected"], decimals, lang)))
    if finding.get("message"):
        lines.append(finding["message"])
    return "\n".join(lines)


def _write_check_sheet(model, results, findings, counts, lang):
    rows = []
    for finding in findings:
        decimals = finding.get("decimals")
        found = finding.get("found_text") or finding.get("found")
        expected = finding.get("expected")
        shown_found = "" if found is None and expected is None else format_number(found, decimals, lang)
        rows.append((finding["sheet"], finding.get("cell") or "",
                     text("severity." + finding["severity"], lang), finding["code"], finding.get("title", ""),
                     shown_found,
                     "" if expected is None else format_number(expected, decimals, lang),
                     finding.get("message", "")))
    rows = [row for row in rows if row[1]] + [row for row in rows if not row[1]]
    return marks.write_results_sheet(model, results, lang, text("sheet.check-title", lang, **counts),
                                     text("sheet.check-header", lang), rows)


# ---- Sửa lỗi ------------------------------------------------------------------------------------

def fix(ctx, model, lang, binary=None):
    def run(work):
        copy = _store_copy(model, work)
        output = os.path.join(work, "phuluc_fixed.xlsx")
        _, document = runner.run_json(
            runner.locate_binary(binary), ["fix", "--json", "--lang", lang, copy, "-o", output],
            CHECK_TIMEOUT, work)
        return _single_file(document)

    fixed = _with_phuluc(run)
    corrections = [c for c in fixed.get("corrections", []) if not marks.is_results_sheet_name(c.get("sheet", ""))]
    unresolved = [u for u in fixed.get("unresolved", []) if not marks.is_results_sheet_name(u.get("sheet", ""))]
    rows = []
    results = marks.find_results_sheet(model)
    if (corrections or unresolved) and results is None:
        results = marks.ensure_results_sheet(model, lang)  # its own undo step, see ensure_results_sheet
    with office.Undo(model, text("undo.fix", lang)):
        state = marks.load_state(model)
        marks.clear_marks(model, state)
        applied = sum(_apply_correction(model, state, c, lang, rows) for c in corrections)
        for entry in unresolved:
            _mark_unresolved(model, state, entry, lang, rows)
        sheet = ""
        if results is not None:
            sheet = marks.write_results_sheet(model, results, lang, text("sheet.fix-title", lang),
                                              text("sheet.fix-header", lang), rows)
        marks.save_state(model, state)
    if not rows:
        return Outcome(True, text("fix.nothing", lang), corrected=0, unresolved=0)
    left = len(unresolved) + (len(corrections) - applied)
    return Outcome(True, text("fix.done", lang, corrected=applied, unresolved=left, sheet=sheet),
                   corrected=applied, unresolved=left, sheet=sheet)


def _apply_correction(model, state, correction, lang, rows):
    """Writes one corrected value; a formula is never overwritten (its inputs are what to fix), it is
    marked with the value phuluc proposes. Returns 1 when the value was written."""
    sheet = model.getSheets().getByName(correction["sheet"])
    cell = sheet.getCellRangeByName(correction["cell"])
    new = correction.get("new")
    shown_new = format_number(new, _decimals_of(new), lang)
    shown_old = format_number(correction.get("old"), _decimals_of(correction.get("old")), lang)
    if cell.getType().value == "FORMULA":
        note = "%s\n%s\n%s" % (text("note.unresolved", lang), text("note.formula", lang, value=shown_new),
                               correction.get("reason", ""))
        marks.mark_cell(model, state, correction["sheet"], correction["cell"], marks.WARNING_COLOUR, note, lang)
        rows.append((correction["sheet"], correction["cell"], text("sheet.formula-kept", lang),
                     correction["code"], shown_old, shown_new, correction.get("reason", "")))
        return 0
    _write_value(model, cell, new)
    note = "%s\n%s" % (text("note.fixed", lang), correction.get("reason", ""))
    marks.mark_cell(model, state, correction["sheet"], correction["cell"], marks.FIXED_COLOUR, note, lang)
    rows.append((correction["sheet"], correction["cell"], text("sheet.fixed", lang), correction["code"],
                 shown_old, shown_new, correction.get("reason", "")))
    return 1


def _write_value(model, cell, new):
    """The new value as phuluc gives it: a number, a text as typed ("-"), or nothing (None)."""
    if new is None:
        cell.clearContents(VALUE | DATETIME | STRING | FORMULA)  # keeps the cell's format and note
    elif isinstance(new, str):
        cell.setString(new)
    else:
        cell.setValue(float(new))
        _show_decimals(model, cell, _decimals_of(new))


def _decimals_of(value):
    """Decimals written in phuluc's JSON number (187.09 → 2): how many the cell must show."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return 0
    written = repr(float(value))
    if "e" in written or "." not in written:
        return 0
    return len(written.split(".")[1].rstrip("0"))


def _show_decimals(model, cell, decimals):
    """Gives a number format with fewer decimals than the new value one that shows them all, as
    phuluc fix does in its own output (187 shown as #,##0 would hide 187,09)."""
    formats = model.getNumberFormats()
    current = formats.getByKey(cell.NumberFormat)
    if not (current.Type & 16) or current.FormatString.lower() in ("general", "standard"):
        return  # not a fixed-decimals number format (NUMBER = 16)
    if current.Decimals >= decimals:
        return
    locale = current.Locale
    code = formats.generateFormat(cell.NumberFormat, locale, current.ThousandsSeparator,
                                  current.NegativeRed, decimals, current.LeadingZeros)
    key = formats.queryKey(code, locale, False)
    if key < 0:
        key = formats.addNew(code, locale)
    cell.NumberFormat = key


def _mark_unresolved(model, state, entry, lang, rows):
    if not entry.get("cell"):
        return
    note = "%s · %s\n%s" % (text("note.unresolved", lang), entry.get("code", ""), entry.get("message", ""))
    marks.mark_cell(model, state, entry["sheet"], entry["cell"], marks.ERROR_COLOUR, note, lang)
    rows.append((entry["sheet"], entry["cell"], text("sheet.unresolved", lang), entry.get("code", ""),
                 "", "", entry.get("message", "")))


# ---- Tổng hợp ------------------------------------------------------------------------------------

def merge(ctx, lang, binary=None, files=None, hidden=False):
    """Merges the picked commune files with phuluc merge and opens the result as an untitled
    workbook. files: paths or file URLs given by automation; None asks the user."""
    if files is None:
        files = office.pick_files(ctx, text("merge.pick-title", lang), text("merge.filter", lang))
    files = [office.to_system_path(path) for path in files]
    if not files:
        return Outcome(True, "", cancelled=True)

    def run(work):
        output = os.path.join(work, "tong_hop.xlsx")
        code, document = runner.run_json(
            runner.locate_binary(binary), ["merge", "--json", "--lang", lang] + files + ["-o", output],
            MERGE_TIMEOUT, work)
        if not document.get("output") or not os.path.isfile(output):
            raise runner.PhulucFailure("error.failed", detail=_refusals(document) or "no output")
        try:
            opened = office.open_as_untitled(ctx, output, hidden)
        except Exception as error:
            opened, detail = None, _uno_message(error)
        else:
            detail = "no document"
        if opened is None:
            raise runner.PhulucFailure("error.open-result", path=output, detail=detail)
        return code, document, opened

    code, document, opened = _with_phuluc(run)
    message = text("merge.done", lang, merged=document.get("merged", 0))
    refused = _refusals(document)
    if refused:
        message += "\n\n" + text("merge.refused", lang, lines=refused)
    sheets = list(opened.getSheets().getElementNames())
    return Outcome(True, message, "info" if code == 0 else "warning", merged=document.get("merged", 0),
                   refused=document.get("refused", 0), sheets=sheets)


def _refusals(document):
    lines = []
    for entry in document.get("inputs", []):
        if entry.get("status") in ("refused", "forced"):
            lines.append("• %s: %s" % (os.path.basename(entry.get("path", "")), entry.get("message", "")))
    return "\n".join(lines[:20])


# ---- shared ---------------------------------------------------------------------------------

def _with_phuluc(run):
    """Runs run(work_directory) and removes the directory afterwards, whatever happens."""
    work = office.make_work_directory()
    try:
        return run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _store_copy(model, work):
    try:
        return office.store_temporary_copy(model, work)
    except Exception as error:
        raise runner.PhulucFailure("error.store-copy", detail=_uno_message(error))


def _single_file(document):
    files = document.get("files") or []
    if not files:
        raise runner.PhulucFailure("error.bad-output", detail="no file in the answer")
    entry = files[0]
    error = entry.get("error")
    if error:
        raise runner.PhulucFailure("error.failed", detail=error.get("message") or error.get("code", ""))
    return entry


def _uno_message(error):
    return getattr(error, "Message", "") or str(error) or type(error).__name__
