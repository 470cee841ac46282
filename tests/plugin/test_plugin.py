#!/usr/bin/python3
"""The LibreOffice extension, end to end: a headless office with its own profile, the built
phuluc.oxt installed with unopkg, a copy of the Mường Kim sample opened, and each menu command
dispatched through UNO as the menu does (vnd.phuluc.calc:Check, :Fix, :Merge).

    /usr/bin/python3 tests/plugin/test_plugin.py --oxt build/phuluc.oxt --phuluc build/phuluc \\
        --samples samples/appendices

Run by ctest as the test `plugin`. Needs python3-uno and libreoffice-calc(-nogui); no display.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office_session import OfficeSession  # noqa: E402

FUNDS = "PL II - Vốn sự nghiệp"
SEED_ERRORS = ("AD9", "AE9", "AD14", "AE14", "L20", "M20")
ERROR_COLOUR, WARNING_COLOUR, FIXED_COLOUR = 0xFFB9B9, 0xFFE7A3, 0xC9F2C0  # marks.py
PREFIX = "[phuluc]"
RESULTS_VI, RESULTS_EN = "Kết quả phuluc", "phuluc results"
USER_NOTE = "Ghi chú của cán bộ: đã đối chiếu với sổ kế toán."
USER_COLOUR = 0x3366FF

OPTIONS = None
SESSION = None


def setUpModule():
    global SESSION
    SESSION = OfficeSession(OPTIONS.oxt).__enter__()


def tearDownModule():
    if SESSION is not None:
        SESSION.close()


def sha256(path):
    with open(path, "rb") as data:
        return hashlib.sha256(data.read()).hexdigest()


def note(sheet, cell_name):
    return sheet.getCellRangeByName(cell_name).getAnnotation().getString()


def our_notes(sheet):
    notes = sheet.getAnnotations()
    return [notes.getByIndex(i).getString() for i in range(notes.getCount())
            if notes.getByIndex(i).getString().startswith(PREFIX)]


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    address = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, address.EndColumn, address.EndRow)


def snapshot(doc):
    """Everything a command could change in the document's content: every sheet's cells, formulas,
    values, formats (backgrounds) and notes, as LibreOffice's flat XML (one UNO call). The metadata
    (dates, our document property) and the view settings are left out."""
    path = os.path.join(SESSION.folder, "snapshot.fods")
    doc.storeToURL("file://" + path, SESSION.flat_xml_filter())
    with open(path, encoding="utf-8") as flat:
        content = flat.read()
    os.remove(path)
    content = re.sub(r"<office:meta>.*?</office:meta>", "", content, flags=re.S)
    content = re.sub(r"<office:settings>.*?</office:settings>", "", content, flags=re.S)
    # a note's box geometry and its drawing style follow its text: compare the text only
    content = re.sub(r'<style:style style:name="gr\d+" style:family="graphic">.*?</style:style>', "", content,
                     flags=re.S)
    content = re.sub(r"<office:annotation [^>]*>", "<office:annotation>", content)
    return re.sub(r"\n\s*\n", "\n", content)


def phuluc_findings(path):
    """What `phuluc check --json` itself reports for path, in the office's language (vi)."""
    answer = subprocess.run([OPTIONS.phuluc, "check", "--json", path], capture_output=True, timeout=120)
    return json.loads(answer.stdout)["files"][0]["findings"]


def first_difference(before, after):
    at = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    return "before …%s… after …%s…" % (before[max(0, at - 200):at + 200], after[max(0, at - 200):at + 200])


def write_script(folder, name, body):
    path = os.path.join(folder, name)
    with open(path, "w") as script:
        script.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, 0o755)
    return path


class PluginTest(unittest.TestCase):
    """One document goes through the commands in order (unittest runs methods by name)."""

    doc = None

    @classmethod
    def setUpClass(cls):
        cls.folder = SESSION.folder
        cls.sample = os.path.join(OPTIONS.samples, "muong_kim_2026.xlsx")
        cls.sample_hash = sha256(cls.sample)
        cls.user_file = os.path.join(cls.folder, "muong_kim_2026 (ban cua xa).xlsx")
        shutil.copyfile(cls.sample, cls.user_file)
        cls.user_file_hash = sha256(cls.user_file)
        SESSION.set_ui_locale("vi")
        cls.doc = SESSION.open(cls.user_file)
        cls.funds = cls.doc.getSheets().getByName(FUNDS)

    def dispatch(self, command, **arguments):
        arguments.setdefault("Silent", True)  # never a message box in a test
        return SESSION.dispatch(self.doc, "vnd.phuluc.calc:" + command, **arguments)

    # ---- installation ------------------------------------------------------------------------

    def test_01_menu_toolbar_and_handler_are_registered(self):
        menu_path = "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/vn.phuluc.calc.menu"
        for locale, menu_title, item_titles in (
                ("vi", "Phụ lục", ["Kiểm tra", "Sửa lỗi", "Tổng hợp…"]),
                ("en-US", "Phụ lục (Appendices)", ["Check", "Fix errors", "Merge communes…"])):
            menu = SESSION.config(menu_path, locale)
            self.assertEqual(menu.getByName("Title"), menu_title)
            items = menu.getByName("Submenu")
            names = sorted(items.getElementNames())
            self.assertEqual([items.getByName(name).getByName("URL") for name in names],
                             ["vnd.phuluc.calc:Check", "vnd.phuluc.calc:Fix", "vnd.phuluc.calc:Merge"])
            self.assertEqual([items.getByName(name).getByName("Title") for name in names], item_titles)
        toolbar = SESSION.config("/org.openoffice.Office.Addons/AddonUI/OfficeToolBar/vn.phuluc.calc.toolbar")
        self.assertEqual(len(toolbar.getElementNames()), 3)
        handler = SESSION.config("/org.openoffice.Office.ProtocolHandler/HandlerSet/vn.phuluc.calc.ProtocolHandler")
        self.assertEqual(tuple(handler.getByName("Protocols")), ("vnd.phuluc.calc:*",))

    # ---- Kiểm tra ----------------------------------------------------------------------------

    def test_02_check_marks_each_seed_error_in_vietnamese(self):
        ok, result = self.dispatch("Check")
        self.assertTrue(ok, result)
        expected = phuluc_findings(self.sample)
        errors = [f for f in expected if f["severity"] == "error"]
        warnings = [f for f in expected if f["severity"] == "warning"]
        self.assertEqual(sorted(f["cell"] for f in errors if f["sheet"] == FUNDS), sorted(SEED_ERRORS))
        self.assertEqual((result["errors"], result["warnings"]), (len(errors), len(warnings)))
        self.assertIn("Kiểm tra xong: 6 lỗi, %d cảnh báo" % len(warnings), result["message"])
        marked = {(f["sheet"], f["cell"]) for f in errors + warnings if f["cell"]}
        sheets = self.doc.getSheets()
        for sheet_name, cell_name in marked:  # every error and warning phuluc reports, and only those
            sheet = sheets.getByName(sheet_name)
            self.assertIn(sheet.getCellRangeByName(cell_name).CellBackColor, (ERROR_COLOUR, WARNING_COLOUR))
            self.assertTrue(note(sheet, cell_name).startswith(PREFIX), cell_name)
        self.assertEqual(sum(len(our_notes(sheets.getByName(n))) for n in sheets.getElementNames()), len(marked))
        for cell_name in SEED_ERRORS:
            cell = self.funds.getCellRangeByName(cell_name)
            self.assertEqual(cell.CellBackColor, ERROR_COLOUR, cell_name)
            text = note(self.funds, cell_name)
            self.assertTrue(text.startswith(PREFIX + " Lỗi · "), text)
            self.assertEqual(text, unicodedata.normalize("NFC", text))
        ad9 = note(self.funds, "AD9")
        self.assertIn("Tỷ lệ giải ngân tính sai (rate-mismatch)", ad9)
        self.assertIn("Giá trị trong ô: 200\nGiá trị đúng: 100", ad9)
        l20 = note(self.funds, "L20")
        self.assertIn("(sum-mismatch)", l20)
        self.assertIn("Giá trị trong ô: 187,09\nGiá trị đúng: 187,00", l20)
        ad14 = note(self.funds, "AD14")
        self.assertIn("(rate-without-base)", ad14)
        self.assertIn("Giá trị trong ô: 100", ad14)
        self.assertNotIn("Giá trị đúng", ad14)
        self.assertEqual(self.funds.getCellRangeByName("AD10").CellBackColor, -1)  # a right cell is untouched

    def test_03_check_lists_findings_with_links_to_cells(self):
        sheets = self.doc.getSheets()
        self.assertTrue(sheets.hasByName(RESULTS_VI))
        results = sheets.getByName(RESULTS_VI)
        self.assertTrue(results.getCellByPosition(0, 0).getString().startswith(PREFIX + " Kết quả kiểm tra"))
        expected = phuluc_findings(self.sample)
        links = {}
        for row in range(4, 4 + len(expected)):
            cell = results.getCellByPosition(0, row)
            fields = cell.getTextFields().createEnumeration()
            self.assertTrue(fields.hasMoreElements(), "no link in row %d" % (row + 1))
            links[results.getCellByPosition(1, row).getString(), cell.getString()] = fields.nextElement().URL
        self.assertEqual(links[FUNDS, "AD9"], "#'PL II - Vốn sự nghiệp'.AD9")
        self.assertEqual(set(links), {(f["sheet"], f["cell"]) for f in expected})
        self.assertEqual(results.getCellByPosition(0, 4 + len(expected)).getString(), "")

    def test_04_check_leaves_the_users_file_bytes_alone(self):
        self.assertEqual(sha256(self.user_file), self.user_file_hash)
        self.assertEqual(sha256(self.sample), self.sample_hash)
        self.assertEqual(os.listdir(self.folder).count(os.path.basename(self.user_file)), 1)
        self.assertTrue(self.doc.getURL().endswith(".xlsx"))
        self.assertIn("ban%20cua%20xa", self.doc.getURL())  # still the user's file, not our copy

    def test_05_second_check_leaves_one_set_of_marks_and_the_users_own(self):
        ours_before = len(our_notes(self.funds))
        self.funds.getAnnotations().insertNew(self.funds.getCellRangeByName("B3").getCellAddress(), USER_NOTE)
        self.funds.getCellRangeByName("C5").CellBackColor = USER_COLOUR
        self.funds.getAnnotations().insertNew(self.funds.getCellRangeByName("AE9").getCellAddress(), USER_NOTE)
        ok, result = self.dispatch("Check")
        self.assertTrue(ok, result)
        self.assertEqual(len(our_notes(self.funds)), ours_before)
        self.assertEqual(self.funds.getAnnotations().getCount(), ours_before + 1)  # ours and the user's B3
        self.assertEqual(note(self.funds, "B3"), USER_NOTE)
        self.assertEqual(self.funds.getCellRangeByName("C5").CellBackColor, USER_COLOUR)
        ae9 = note(self.funds, "AE9")
        self.assertTrue(ae9.startswith(PREFIX), ae9)
        self.assertEqual(ae9.count("(rate-mismatch)"), 1)
        self.assertTrue(ae9.endswith("— Ghi chú có trước —\n" + USER_NOTE), ae9)
        self.assertEqual(ae9.count(USER_NOTE), 1)
        names = self.doc.getSheets().getElementNames()
        self.assertEqual([n for n in names if n.startswith(RESULTS_VI)], [RESULTS_VI])

    # ---- Sửa lỗi -----------------------------------------------------------------------------

    def test_06_fix_applies_corrections_in_one_undo_step(self):
        before = snapshot(self.doc)
        ok, result = self.dispatch("Fix")
        self.assertTrue(ok, result)
        self.assertEqual((result["corrected"], result["unresolved"]), (6, 0))
        value = lambda name: self.funds.getCellRangeByName(name).getValue()  # noqa: E731
        self.assertEqual(value("AD9"), 100)
        self.assertEqual(value("AE9"), 100)
        self.assertAlmostEqual(value("L22"), 187.09, places=9)
        self.assertAlmostEqual(value("M22"), 187.09, places=9)
        for empty in ("AD14", "AE14"):
            self.assertEqual(self.funds.getCellRangeByName(empty).getType().value, "EMPTY", empty)
        self.assertIn("187,09", self.funds.getCellRangeByName("L22").getString().replace(".", ","))
        self.assertEqual(self.funds.getCellRangeByName("AD9").CellBackColor, FIXED_COLOUR)
        self.assertTrue(note(self.funds, "AD9").startswith(PREFIX + " Đã sửa\n"), note(self.funds, "AD9"))
        self.assertIn("200", note(self.funds, "AD9"))
        self.assertTrue(note(self.funds, "AE9").endswith(USER_NOTE))  # the user's note survives
        self.assertEqual(self.funds.getCellRangeByName("L20").CellBackColor, -1)  # exonerated: check mark gone
        self.assertEqual(note(self.funds, "B3"), USER_NOTE)
        self.assertEqual(self.funds.getCellRangeByName("C5").CellBackColor, USER_COLOUR)
        manager = self.doc.getUndoManager()
        self.assertEqual(manager.getCurrentUndoActionTitle(), "Phụ lục: Sửa lỗi")
        manager.undo()
        after = snapshot(self.doc)
        self.assertTrue(after == before, "undo did not restore the document: " + first_difference(before, after))
        self.assertEqual(self.funds.getCellRangeByName("AD9").getValue(), 200)

    # ---- failures ----------------------------------------------------------------------------

    def assert_refused_without_change(self, command, binary, expected_message, exact=True):
        before = snapshot(self.doc)
        undo_steps = len(self.doc.getUndoManager().getAllUndoActionTitles())
        ok, result = self.dispatch(command, Binary=binary)
        self.assertFalse(ok, result)
        self.assertEqual(result["kind"], "error")
        if exact:
            self.assertEqual(result["message"], expected_message)
        else:
            for part in expected_message:
                self.assertIn(part, result["message"])
        after = snapshot(self.doc)
        self.assertTrue(after == before, "the document changed: " + first_difference(before, after))
        self.assertEqual(len(self.doc.getUndoManager().getAllUndoActionTitles()), undo_steps)

    def test_07_missing_phuluc_says_so_and_changes_nothing(self):
        missing = os.path.join(self.folder, "khong_co", "phuluc")
        message = ("Không tìm thấy chương trình phuluc (%s).\n"
                   "Hãy cài đặt phuluc, hoặc đặt biến môi trường PHULUC_BINARY chỉ tới tệp chương trình, "
                   "rồi thử lại.\nBảng tính chưa bị thay đổi." % missing)
        self.assert_refused_without_change("Check", missing, message)
        self.assert_refused_without_change("Fix", missing, message)

    def test_08_failing_or_crashing_phuluc_says_so_and_changes_nothing(self):
        failing = write_script(self.folder, "phuluc_fails", 'echo "phuluc check: tệp hỏng" >&2; exit 2')
        self.assert_refused_without_change(
            "Check", failing,
            "phuluc không xử lý được bảng tính này:\nphuluc check: tệp hỏng\nBảng tính chưa bị thay đổi.")
        crashing = write_script(self.folder, "phuluc_crashes", "kill -SEGV $$")
        self.assert_refused_without_change(
            "Fix", crashing, ("Chương trình phuluc bị dừng bất thường (SIGSEGV)", "Bảng tính chưa bị thay đổi."),
            exact=False)
        garbage = write_script(self.folder, "phuluc_garbage", "echo not json; exit 0")
        self.assert_refused_without_change(
            "Check", garbage, ("phuluc trả về kết quả không đọc được",), exact=False)

    def test_09_messages_are_english_in_an_english_office(self):
        SESSION.set_ui_locale("en-US")
        try:
            missing = os.path.join(self.folder, "nowhere", "phuluc")
            self.assert_refused_without_change("Check", missing, (
                "The phuluc program was not found (%s)." % missing, "The spreadsheet has not been changed."),
                exact=False)
        finally:
            SESSION.set_ui_locale("vi")

    # ---- Tổng hợp ----------------------------------------------------------------------------

    def test_10_merge_opens_the_consolidated_workbook(self):
        first = os.path.join(self.folder, "xa_a.xlsx")
        shutil.copyfile(os.path.join(OPTIONS.samples, "muong_kim_2026_corrected.xlsx"), first)
        second = os.path.join(self.folder, "xa_b.xlsx")  # the same numbers, other bytes: LibreOffice's save
        other = SESSION.open(first)
        other.storeToURL("file://" + second, SESSION.xlsx_filter())
        other.close(True)
        count = len(list(SESSION.components()))
        ok, result = self.dispatch("Merge", Files=[first, "file://" + second], Hidden=True)
        self.assertTrue(ok, result)
        self.assertEqual(result["merged"], 2, result)
        self.assertEqual(result["sheets"], ["Tổng hợp", "Chi tiết theo xã", "Nguồn"])
        self.assertIn("Đã tổng hợp 2 tệp", result["message"])
        opened = [c for c in SESSION.components()
                  if c.supportsService("com.sun.star.sheet.SpreadsheetDocument")
                  and c.getSheets().hasByName("Tổng hợp")]
        self.assertEqual(len(opened), 1)
        self.assertEqual(len(list(SESSION.components())), count + 1)
        merged = opened[0]
        self.assertEqual(merged.getURL(), "")  # untitled: Save asks where
        self.assertEqual(set(merged.getSheets().getElementNames()), {"Tổng hợp", "Chi tiết theo xã", "Nguồn"})
        total = self.find_total_row(merged.getSheets().getByName("Tổng hợp"))
        self.assertIsNotNone(total)
        self.assertAlmostEqual(total, 2 * 660.862, places=6)
        merged.close(True)

    def find_total_row(self, sheet):
        """The first amount of the TỔNG CỘNG row."""
        area = used_area(sheet).getDataArray()
        for row in area:
            if any(isinstance(v, str) and v.strip() == "TỔNG CỘNG" for v in row):
                numbers = [v for v in row if isinstance(v, float)]
                return numbers[0] if numbers else None
        return None

    def test_11_merge_of_unreadable_files_opens_nothing(self):
        bogus = os.path.join(self.folder, "khong_phai_bang_tinh.xlsx")
        with open(bogus, "w") as out:
            out.write("not a spreadsheet")
        count = len(list(SESSION.components()))
        ok, result = self.dispatch("Merge", Files=[bogus], Hidden=True)
        self.assertFalse(ok, result)
        self.assertTrue(result["message"].startswith("phuluc không xử lý được bảng tính này:\n"), result["message"])
        self.assertEqual(len(list(SESSION.components())), count)


def main():
    global OPTIONS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--phuluc", required=True, help="the phuluc binary the .oxt was built with")
    OPTIONS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
