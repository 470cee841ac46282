#!/usr/bin/python3
"""Makes the small XLSX fixtures in samples/quirks/xlsx/, one per quirk the reader must handle.

Run with the system Python (it has openpyxl):  /usr/bin/python3 samples/quirks/make_xlsx_quirks.py
Needs openpyxl, LibreOffice (soffice) for cached formula values and the .ods sample, and `zip`
for the encrypted-entry sample. The outputs are committed: they are test inputs, and the tests
pin values written here, so change both together.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.defined_name import DefinedName

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "xlsx")
# Fixed zip timestamps so regenerating gives the same bytes where the tools allow it.
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def out_path(name):
    return os.path.join(OUT, name)


def rewrite_parts(path, replace, drop=()):
    """Rewrites a zip package in place: `replace` maps part names to new bytes/str content."""
    with zipfile.ZipFile(path) as src:
        items = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    names = {name for name, _ in items}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items:
            if name in drop:
                continue
            data = replace.get(name, data)
            dst.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
        for name, data in replace.items():
            if name not in names:
                dst.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)


def read_part(path, name):
    with zipfile.ZipFile(path) as src:
        return src.read(name).decode("utf-8")


def libreoffice_resave(path):
    """Opens and saves `path` with LibreOffice, which recalculates formulas and stores cached values."""
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "lo_profile")
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", "xlsx",
                        "--outdir", os.path.join(work, "out"), path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.move(os.path.join(work, "out", os.path.basename(path)), path)


def libreoffice_convert(path, fmt, target):
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "lo_profile")
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", fmt,
                        "--outdir", work, path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        produced = os.path.join(work, os.path.splitext(os.path.basename(path))[0] + "." + fmt)
        shutil.move(produced, target)


SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')


def sheet_xml(sheet_data):
    return SHEET_HEAD + "<sheetData>" + sheet_data + "</sheetData></worksheet>"


# ---------------------------------------------------------------- fixtures

def inline_strings():
    """Inline strings (t="inlineStr"): plain, rich runs, _x000D_ escapes, a phonetic run, text in <v>."""
    path = out_path("inline_strings.xlsx")
    wb = Workbook()
    wb.active.title = "Inline"
    wb.active["A1"] = "placeholder"
    wb.save(path)
    data = ('<row r="1">'
            '<c r="A1" t="inlineStr"><is><t>Nội dung</t></is></c>'
            '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Tổng </t></r><r><t>cộng</t></r></is></c>'
            '</row><row r="2">'
            '<c r="A2" t="inlineStr"><is><t>Dòng 1_x000D_\nDòng 2</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>literal _x005F_x000D_ kept</t></is></c>'
            '</row><row r="3">'
            '<c r="A3" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>'
            '<c r="B3" t="inlineStr"><v>text in v</v></c>'
            '<c r="C3" t="inlineStr"><is><t xml:space="preserve">  spaced  </t></is></c>'
            '</row>')
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": sheet_xml(data)})


def rich_text():
    """Rich text in the shared-string table: runs with their own fonts, joined into one cell text."""
    path = out_path("rich_text.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Rich"
    ws["A1"] = "one"
    ws["A2"] = "two"
    ws["A3"] = "three"
    wb.save(path)
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
           '<si><r><rPr><b/><sz val="12"/><rFont val="Times New Roman"/></rPr><t>Dự án 1:</t></r>'
           '<r><rPr><i/><sz val="12"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve"> Hỗ trợ đất ở</t></r></si>'
           '<si><t>Kế hoạch_x000D_\nvốn</t></si>'
           '<si><r><t>Tiểu dự án</t></r><r><rPr><vertAlign val="superscript"/></rPr><t>(1)</t></r>'
           '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si>'
           '</sst>')
    # openpyxl writes inline strings, so point the cells at the table and register the part.
    data = ''.join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(3))
    rels = read_part(path, "xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml" Id="rId9"/></Relationships>')
    types = read_part(path, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rewrite_parts(path, {"xl/sharedStrings.xml": sst, "xl/worksheets/sheet1.xml": sheet_xml(data),
                         "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types})


def merged_header_3_rows():
    """A funds table with a 3-row merged header and formulas; LibreOffice stores the cached values."""
    path = out_path("merged_header_3_rows.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws["A1"] = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP"
    ws.merge_cells("A1:H1")
    ws["A2"] = "STT"
    ws.merge_cells("A2:A4")
    ws["B2"] = "Nội dung"
    ws.merge_cells("B2:B4")
    ws["C2"] = "Vốn năm 2026"
    ws.merge_cells("C2:H2")
    ws["C3"] = "Kế hoạch vốn"
    ws.merge_cells("C3:E3")
    ws["F3"] = "Giải ngân"
    ws.merge_cells("F3:H3")
    for col, label in zip("CDEFGH", ["Tổng số", "NSTW", "NSĐP"] * 2):
        ws[col + "4"] = label
    rows = [("I", "Dự án 1", 100.5, 60.25, 40.25, 50, 30, 20),
            ("II", "Dự án 2", 200, 150, 50, 100.125, 75, 25.125)]
    for offset, (stt, name, *values) in enumerate(rows):
        r = 6 + offset
        ws.cell(r, 1, stt)
        ws.cell(r, 2, name)
        for i, v in enumerate(values):
            ws.cell(r, 3 + i, v)
    ws["A5"] = ""
    ws["B5"] = "TỔNG CỘNG"
    for col in "CDEFGH":
        ws[col + "5"] = f"=SUM({col}6:{col}7)"
    ws["B8"] = '=CONCATENATE("Tổng ","cộng")'
    ws["C8"] = "=C5/0"
    wb.save(path)
    libreoffice_resave(path)


def formula_without_cached_value():
    """Formulas as openpyxl writes them (<v></v>), one with no <v> at all, one with a cached value."""
    path = out_path("formula_without_cached_value.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Formulas"
    ws["A1"] = 10
    ws["A2"] = 20
    ws["A3"] = "=SUM(A1:A2)"
    wb.save(path)
    data = ('<row r="1"><c r="A1" t="n"><v>10</v></c><c r="B1"><f>A1*2</f><v>20</v></c></row>'
            '<row r="2"><c r="A2" t="n"><v>20</v></c><c r="B2"><f>A2*2</f></c></row>'
            '<row r="3"><c r="A3"><f>SUM(A1:A2)</f><v></v></c>'
            '<c r="B3" t="str"><f>"x"&amp;A1</f><v></v></c></row>')
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": sheet_xml(data)})


def hidden_rows_cols():
    path = out_path("hidden_rows_cols.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Hidden"
    for r in range(1, 11):
        for c in range(1, 6):
            ws.cell(r, c, r * 10 + c)
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].height = 30.5
    ws.row_dimensions[6].outline_level = 1
    ws.row_dimensions[7].outline_level = 2
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["C"].width = 42.25
    ws.column_dimensions.group("D", "E", outline_level=1)
    wb.save(path)


def vietnamese_sheet_names():
    path = out_path("vietnamese_sheet_names.xlsx")
    wb = Workbook()
    first = wb.active
    first.title = "Biểu 01 - Vốn sự nghiệp"
    first["A1"] = "Phụ lục I"
    second = wb.create_sheet("Phụ lục II (ĐTPT)")
    second["A1"] = "Phụ lục II"
    hidden = wb.create_sheet("Ẩn")
    hidden["A1"] = "hidden"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("Rất ẩn")
    very["A1"] = "very hidden"
    very.sheet_state = "veryHidden"
    wb.save(path)


def layout_print_setup():
    path = out_path("layout_print_setup.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "In ấn"
    for r in range(1, 41):
        for c in range(1, 9):
            ws.cell(r, c, r + c)
    ws.freeze_panes = "C8"
    ws.print_title_rows = "5:7"
    ws.print_area = "A1:H40"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = 0.5
    ws.page_margins.right = 0.4
    ws.page_margins.top = 0.75
    ws.page_margins.bottom = 0.6
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.25
    ws.oddHeader.center.text = "Phụ lục I"
    ws.oddFooter.right.text = "Trang &P"
    ws.print_options.horizontalCentered = True
    wb.save(path)


def numbers_dates_booleans_errors():
    path = out_path("numbers_dates_booleans_errors.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Values"
    ws["A1"] = 42
    ws["A2"] = -1234.5678
    ws["A3"] = 1e-7
    ws["A4"] = 123456789012.25
    ws["B1"] = datetime.date(2025, 6, 15)           # openpyxl's default date format
    ws["B2"] = datetime.datetime(2026, 1, 31, 18, 30)
    ws["B3"] = 45823
    ws["B3"].number_format = "dd/mm/yyyy"           # a custom date format on a plain number
    ws["B4"] = 45823
    ws["B4"].number_format = "#,##0.00"             # not a date
    ws["B5"] = 45823
    ws["B5"].number_format = "[$-42A]dd/mm/yyyy;@"  # Vietnamese locale prefix
    ws["C1"] = True
    ws["C2"] = False
    ws["D1"] = "#REF!"
    ws["D2"] = "#DIV/0!"
    ws["D3"] = "#N/A"
    ws["E1"] = "1.234,5"                            # a number typed as text stays text
    ws["E2"] = "Tỷ lệ %"
    wb.save(path)


def styles_fonts_fills_borders():
    path = out_path("styles_fonts_fills_borders.xlsx")
    wb = Workbook()
    ws = wb.active
    ws.title = "Styles"
    ws["A1"] = "Tiêu đề"
    ws["A1"].font = Font(name="Times New Roman", size=13, bold=True, italic=True, underline="single",
                         strike=True, color="FFFF0000")
    ws["A1"].fill = PatternFill(patternType="solid", fgColor="FFFFFF00", bgColor="FF00FF00")
    ws["A1"].border = Border(left=Side(style="thin", color="FF0000FF"), right=Side(style="medium", color="FF00FF00"),
                             top=Side(style="dashed"), bottom=Side(style="double", color="FF123456"))
    ws["A1"].alignment = Alignment(horizontal="center", vertical="top", wrap_text=True, indent=2, text_rotation=45)
    ws["A1"].protection = Protection(locked=False, hidden=True)
    ws["B1"] = 1234.5
    ws["B1"].number_format = "#,##0.000"
    ws["B2"] = 0.125
    ws["B2"].number_format = "0.00%"
    ws["C1"] = "theme colour"
    ws["C1"].font = Font(name="Arial", size=9)
    ws["D4"].border = Border(bottom=Side(style="thin"))  # a styled cell with no value
    wb.save(path)


def cells_out_of_order():
    """Rows and cells out of order, a duplicate cell (the last wins), rows and cells without r."""
    path = out_path("cells_out_of_order.xlsx")
    wb = Workbook()
    wb.active.title = "Order"
    wb.active["A1"] = "placeholder"
    wb.save(path)
    data = ('<row r="2"><c r="A2"><v>21</v></c></row>'
            '<row r="3"><c r="C3"><v>33</v></c><c r="A3"><v>31</v></c><c r="B3"><v>32</v></c>'
            '<c r="A3"><v>310</v></c></row>'
            '<row><c><v>41</v></c><c><v>42</v></c><c r="E4"><v>45</v></c><c><v>46</v></c></row>'
            '<row r="1"><c r="B1"><v>12</v></c><c r="A1"><v>11</v></c></row>')
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": sheet_xml(data)})


def malformed_sheet_xml():
    """A sheet part whose XML breaks on line 4 (an unclosed <c>, found at </row>)."""
    path = out_path("malformed_sheet_xml.xlsx")
    wb = Workbook()
    wb.active["A1"] = 1
    wb.save(path)
    broken = SHEET_HEAD + '\n<sheetData>\n<row r="1"><c r="A1"><v>1</v></row>\n</sheetData></worksheet>'
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": broken})


def deeply_nested_xml():
    """A sheet part nested 400 elements deep: over the depth cap, refused as malformed."""
    path = out_path("deeply_nested_xml.xlsx")
    wb = Workbook()
    wb.active["A1"] = 1
    wb.save(path)
    deep = SHEET_HEAD + "<extLst>" + "<x>" * 400 + "</x>" * 400 + "</extLst><sheetData/></worksheet>"
    rewrite_parts(path, {"xl/worksheets/sheet1.xml": deep})


def missing_sheet_part():
    """The workbook lists a sheet whose part is not in the package."""
    path = out_path("missing_sheet_part.xlsx")
    wb = Workbook()
    wb.active["A1"] = 1
    wb.save(path)
    rewrite_parts(path, {}, drop=("xl/worksheets/sheet1.xml",))


def encrypted_zip_entry():
    """A package re-zipped with `zip -P` (ZipCrypto entries)."""
    path = out_path("encrypted_zip_entry.xlsx")
    with tempfile.TemporaryDirectory() as work:
        wb = Workbook()
        wb.active["A1"] = "secret"
        source = os.path.join(work, "plain.xlsx")
        wb.save(source)
        tree = os.path.join(work, "tree")
        with zipfile.ZipFile(source) as src:
            src.extractall(tree)
            names = src.namelist()
        if os.path.exists(path):
            os.remove(path)
        subprocess.run(["zip", "-q", "-X", "-P", "secret", path] + names, cwd=tree, check=True)


def opendocument():
    """An OpenDocument spreadsheet (also a zip): must be refused as unsupported, not misread."""
    with tempfile.TemporaryDirectory() as work:
        wb = Workbook()
        wb.active["A1"] = "ods"
        source = os.path.join(work, "opendocument.xlsx")
        wb.save(source)
        libreoffice_convert(source, "ods", out_path("opendocument.ods"))


def binary_workbook():
    """The zip skeleton of an .xlsb: the workbook part is binary (workbook.bin)."""
    path = out_path("binary_workbook.xlsb")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.bin"/></Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types '
             'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" '
             'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", ZIP_TIME), types)
        z.writestr(zipfile.ZipInfo("_rels/.rels", ZIP_TIME), rels)
        z.writestr(zipfile.ZipInfo("xl/workbook.bin", ZIP_TIME), bytes([0x83, 0x01, 0x00, 0x84, 0x01, 0x00]))


def main():
    os.makedirs(OUT, exist_ok=True)
    makers = [inline_strings, rich_text, merged_header_3_rows, formula_without_cached_value, hidden_rows_cols,
              vietnamese_sheet_names, layout_print_setup, numbers_dates_booleans_errors, styles_fonts_fills_borders,
              cells_out_of_order, malformed_sheet_xml, deeply_nested_xml, missing_sheet_part, encrypted_zip_entry,
              opendocument, binary_workbook]
    only = set(sys.argv[1:])
    for make in makers:
        if only and make.__name__ not in only:
            continue
        make()
        print("made", make.__name__)


if __name__ == "__main__":
    main()
