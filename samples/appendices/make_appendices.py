#!/usr/bin/python3
"""Builds the sample appendix workbooks in this folder from the seed reports.

Run with the Debian python (it has openpyxl):   /usr/bin/python3 make_appendices.py
Needs LibreOffice (soffice) and gnumeric (ssconvert) for the conversions.

Producers, so that readers meet files they did not write themselves:
  muong_kim_2026.xlsx                 openpyxl            seed 000, three sheets, the real errors kept
  muong_kim_2026_corrected.xlsx       openpyxl            same, arithmetic errors corrected
  muong_kim_2026_text_numbers.xlsx    openpyxl            funds sheet, numbers typed as Vietnamese text
  muong_kim_2026_formulas.xlsx        openpyxl+LibreOffice funds sheet with formulas, cached values by LibreOffice
  muong_kim_2026.xls                  LibreOffice         Excel 97-2003 copy of muong_kim_2026.xlsx
  lung_phinh_2025_von_su_nghiep.xlsx  LibreOffice         seed 002, phụ biểu 01 (xlsx -> ods -> xlsx)
  lung_phinh_2025_dau_tu.csv          this script         seed 002, phụ biểu 02, Excel-style CSV (';', BOM)
  muong_khoa_2025_nguon_luc_ntm.xlsx  gnumeric            seed 004, biểu 02 resources (xlsx re-saved by ssconvert)

Everything is deterministic. See README.md for the reconstruction decisions and the expected findings.
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True   # keep the samples folder free of __pycache__

import openpyxl  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, Side  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402
from openpyxl.worksheet.properties import PageSetupProperties  # noqa: E402

import seed_000_tables as seed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FONT_NAME = 'Times New Roman'
THIN = Side(style='thin')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
KEM_THEO_MUONG_KIM = ('(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 '
                      'của Ủy ban nhân dân xã Mường Kim)')


# ----------------------------------------------------------------------------------------------
# Vietnamese number text <-> numbers and formats
# ----------------------------------------------------------------------------------------------

def decimals_of(text):
    """Digits after the decimal comma of a number printed the Vietnamese way ("272,50" -> 2)."""
    text = text.rstrip('%')
    return len(text.split(',')[1]) if ',' in text else 0


def value_of(text):
    """The number printed as `text` ("1.234,567" -> 1234.567, "74,38%" -> 74.38)."""
    return float(text.rstrip('%').replace('.', '').replace(',', '.'))


def number_format(decimals, is_rate):
    """An Excel number format showing `decimals` digits; amounts get a thousands separator."""
    base = '0' if is_rate else '#,##0'
    return base + ('.' + '0' * decimals if decimals else '')


def vn_text(value, decimals):
    """`value` printed the Vietnamese way with `decimals` digits: 1234.5, 3 -> "1.234,500"."""
    sign = '-' if value < 0 else ''
    whole, _, frac = f'{abs(value):.{decimals}f}'.partition('.')
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + '.'.join(groups) + (',' + frac if decimals else '')


# ----------------------------------------------------------------------------------------------
# Sheet layout helpers (official layout: Times New Roman, A4 landscape, fit to width)
# ----------------------------------------------------------------------------------------------

def font(size=11, bold=False, italic=False):
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def title_line(ws, row, text, last_col, size=12, bold=True, italic=False, align='center', first_col=1):
    """A merged, centred title line across columns first_col..last_col (1-based, inclusive)."""
    ws.merge_cells(start_row=row, start_column=first_col, end_row=row, end_column=last_col)
    cell = ws.cell(row=row, column=first_col, value=text)
    cell.font = font(size, bold, italic)
    cell.alignment = Alignment(horizontal=align, vertical='center', wrap_text=True)


def page_setup(ws, title_rows, freeze):
    """A4 landscape, fitted to one page wide, header rows repeated, panes frozen under the header."""
    ws.page_setup.orientation = 'landscape'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
    ws.page_margins.left = 30 / 25.4
    ws.page_margins.right = 15 / 25.4
    ws.page_margins.top = 20 / 25.4
    ws.page_margins.bottom = 20 / 25.4
    ws.print_options.horizontalCentered = True
    ws.freeze_panes = freeze


def header_cell(ws, row, col, text, end_row=None, end_col=None):
    """A bordered, bold, centred, wrapped header cell, merged to (end_row, end_col) when given."""
    end_row = end_row or row
    end_col = end_col or col
    if (end_row, end_col) != (row, col):
        ws.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)
    for r in range(row, end_row + 1):
        for c in range(col, end_col + 1):
            ws.cell(row=r, column=c).border = BORDER
    cell = ws.cell(row=row, column=col, value=text)
    cell.font = font(10, bold=True)
    cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)


def fit_row_height(ws, row, texts_by_width, line_height=13.5):
    """Sets a row tall enough for wrapped texts: [(text, column width in characters)]."""
    lines = 1
    for text, width in texts_by_width:
        if text:
            per_line = max(1, int(width * 1.15))
            lines = max(lines, sum(-(-max(1, len(part)) // per_line) for part in str(text).split('\n')))
    ws.row_dimensions[row].height = line_height * lines + 2


def signature_block(ws, row, first_col, last_col, place_date, lines, name):
    """Place and date (italic), the signing body and title (bold), blank lines, the signer's name."""
    title_line(ws, row, place_date, last_col, size=12, bold=False, italic=True, first_col=first_col)
    for offset, text in enumerate(lines, 1):
        title_line(ws, row + offset, text, last_col, size=12, bold=True, first_col=first_col)
    title_line(ws, row + len(lines) + 4, name, last_col, size=12, bold=True, first_col=first_col)


# ----------------------------------------------------------------------------------------------
# Row hierarchy from STT (also used to write SUM formulas)
# ----------------------------------------------------------------------------------------------

ROMAN = {'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'}


def stt_level(stt):
    """0 grand total, 1 program (A, B, C), 2 Dự án (I, II..), 3 Tiểu dự án (V.1), 4 content, 5 '-', '+'."""
    s = stt.strip()
    if s.upper().startswith('TỔNG'):
        return 0
    if s in ROMAN:
        return 2
    if len(s) == 1 and s.isalpha():
        return 1
    if '.' in s and s.split('.')[0] in ROMAN:
        return 3
    if s in ('-', '+', '*'):
        return 5
    return 4


def children_of(stts):
    """For each row index, the indices of its direct children (parent = nearest row above with a lower level)."""
    children = [[] for _ in stts]
    stack = []
    for idx, stt in enumerate(stts):
        level = stt_level(stt)
        while stack and stt_level(stts[stack[-1]]) >= level:
            stack.pop()
        if stack:
            children[stack[-1]].append(idx)
        stack.append(idx)
    return children


# ----------------------------------------------------------------------------------------------
# Mường Kim (seed 000)
# ----------------------------------------------------------------------------------------------

# Each row: the 15 cells of block "kéo dài 2025 sang 2026" and the 15 of block "năm 2026", as the
# seed prints them after putting lost empty cells back ('_' = empty cell). Order inside a block:
# Kế hoạch vốn, Giải ngân đến 15/6, Tỷ lệ, Ước giải ngân đến hết năm, Tỷ lệ; each Tổng số NSTW NSĐP.
# Decisions for every moved value are in README.md ("Reconstruction of seed 000").
E15 = ' '.join(['_'] * 15)
Z15 = ' '.join(['0'] * 15)
Z14 = ' '.join(['0'] * 14) + ' _'
MUONG_KIM_VALUES = [
    # TỔNG CỘNG: one empty cell was lost in the 2026 disbursement-rate triple; the rest moves right.
    ('660,862 660,862 0 509,834 509,834 0 77,15 77,15 0 650,862 650,862 0 98 98 0',
     '255 255 0 0 0 0 - - _ 255 255 0 100,0 100,0 0'),
    # A: complete in the text. The year-end rate 200 is the seed's real error (255/255 = 100).
    ('589,503 589,503 0 438,475 438,475 0 74,38 74,38 0 579,503 579,503 0 98 98 0',
     '255 255 0 0 0 0 0 0 0 255 255 0 200 200 0'),
    (E15, '0 _ _ _ _ 0 _ _ 0 _ _ _ _ _ _'),                                   # I
    (E15, Z14),                                                               # II
    (E15, Z14),                                                               # III
    (E15, '0 _ 0 _ _ 0 0 _ 0 _ _ _ _ _ _'),                                   # III.2
    # IV: the two 100s are the year-end rates (Tổng số, NSTW); one empty cell was lost before them.
    ('0 _ _ 0 0 _ _ _ _ _ _ _ _ _ _', '0 _ 0 _ _ 0 _ _ 0 _ _ _ 100 100 _'),
    ('541,852 541,852 0 390,824 390,824 0 72,13 72,13 0 531,852 531,852 0 98 98 0', Z14),  # V
    ('82,262 82,262 0 41,012 41,012 0 49,86 49,86 0 82,262 82,262 0 100 100 0', Z14),      # V.1
    (E15, '0 _ 0 _ _ 0 _ 0 _ 0 _ _ _ _ _'),                                   # Đổi mới hoạt động ...
    ('82,262 82,262 _ 41,012 41,012 _ 49,86 49,86 _ 82,262 82,262 _ 100 100 _',
     '0 _ 0 _ _ 0 _ 0 _ 0 _ 0 0 _ _'),                                        # Mơ lớp xóa mù chữ ...
    ('272,50 272,50 _ 262,500 262,500 _ 96,33 96,33 _ 262,50 262,50 _ 96 96 _',
     '0,0 _ 0 _ _ 0 _ 0,0 _ 0 _ 0 0 _ _'),                                    # V.2
    # V.3: the year-end estimate 187,09 against its children's 187 is the seed's real error.
    ('187,09 187,09 0,00 87,312 87,312 0,00 46,67 46,67 0,00 187,09 187,09 0,00 100 100 0',
     ' '.join(['0'] * 13) + ' _ _'),                                          # V.3
    (E15, '0 _ 0 _ _ 0 0 0 0 0 0 0 _ _ _'),                                   # Mở các lớp đào tạo nghề ...
    ('187,09 187,09 _ 87,312 87,312 _ 46,67 46,67 _ 187 187 _ 100 100 _', Z15),  # Hỗ trợ chi phí ...
    (E15, E15),                                                               # VI
    (E15, E15),                                                               # VII
    ('47,651 47,651 _ 47,651 47,651 _ 100,00 100,00 _ 47,651 47,651 _ 100 100 _', Z15),    # VIII
    # IX: two empty cells lost in the disbursement-rate triple.
    (E15, '255 255 0 0 0 0 0 _ _ 255 255 0 100 100 0'),
    # IX.1 and IX.2: three empty cells lost between the plan and the year-end estimate.
    (E15, '255 255 _ _ _ _ _ _ _ 255 255 _ 100 100 _'),
    (E15, '0 0 _ _ _ _ _ _ _ 0 0 _ _ _ _'),
    (E15, Z15),                                                               # X
    (E15, Z15),                                                               # X.1
    (E15, '0 0 _ _ _ _ _ _ _ 0 0 _ 0 0 _'),                                   # X.2 (caption "Tiểu dự án 3")
    ('0 0 0 0 0 0,00 0,00 0 0 0 0 0,00 0,00 0 0', Z15),                       # B
    ('71,359 71,359 0 71,359 71,359 0 100,00 100,00 0 71,359 71,359 - 100 100 -',
     ' '.join(['-'] * 15)),                                                   # C
]
MUONG_KIM_NOTES = {23: 'Chuyển nguồn 106tr đồng sang Dự án 4 theo QĐ số 1225/QĐ-UBND ngày 12/11/2025 của UBND xã'}

FUNDS_FIRST_ROW = 8          # 1-based sheet row of TỔNG CỘNG
FUNDS_FIRST_VALUE_COL = 3    # 1-based column C: first numeric column
FUNDS_NOTE_COL = 33          # 1-based column AG: Ghi chú
GROUPS_KEO_DAI = ['Kế hoạch vốn', 'Giải ngân kế hoạch vốn kéo dài đến 15/6/2026', 'Tỷ lệ giải ngân',
                  'Ước giải ngân đến hết năm 2026', 'Tỷ lệ giải ngân']
GROUPS_2026 = ['Kế hoạch vốn', 'Giải ngân kế hoạch vốn năm 2026 đến 15/6/2026', 'Tỷ lệ giải ngân',
               'Ước giải ngân đến hết năm 2026', 'Tỷ lệ giải ngân']
SPLITS = ['Tổng số', 'NSTW', 'NSDP']   # the seed prints "NSDP" without Đ; kept


def muong_kim_rows():
    """[(stt, label, [30 printed texts, '' = empty], note)] in table order."""
    rows = []
    for idx, ((stt, label), (keo_dai, nam_2026)) in enumerate(zip(seed.FUNDS_LABELS, MUONG_KIM_VALUES)):
        cells = keo_dai.split() + nam_2026.split()
        assert len(cells) == 30, (stt, len(cells))
        rows.append((stt, label, ['' if c == '_' else c for c in cells], MUONG_KIM_NOTES.get(idx, '')))
    return rows


# The corrections of muong_kim_2026_corrected.xlsx: (data row index, value index 0..29) -> text.
MUONG_KIM_CORRECTIONS = {
    (1, 27): '100', (1, 28): '100',          # A: year-end rate 2026 = 255 / 255 x 100
    (14, 9): '187,09', (14, 10): '187,09',   # the child of V.3: year-end estimate = its plan, as V.3 says
    (6, 27): '', (6, 28): '',                # IV: no rate on a plan of 0
}


def is_rate_index(value_idx):
    """Value index 0..29 -> True for the Tỷ lệ columns."""
    return (value_idx % 15) // 3 in (2, 4)


def funds_header(ws, first_row, last_col):
    """The 3-row merged header of the funds table (rows first_row..first_row+2)."""
    r0, r1, r2 = first_row, first_row + 1, first_row + 2
    header_cell(ws, r0, 1, 'STT', r2, 1)
    header_cell(ws, r0, 2, 'Nội dung', r2, 2)
    blocks = [('Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026', GROUPS_KEO_DAI),
              ('Tình hình thực hiện kế hoạch vốn sự nghiệp năm 2026', GROUPS_2026)]
    col = FUNDS_FIRST_VALUE_COL
    for block_title, groups in blocks:
        header_cell(ws, r0, col, block_title, r0, col + 14)
        for g, group in enumerate(groups):
            header_cell(ws, r1, col + 3 * g, group, r1, col + 3 * g + 2)
            for s, split in enumerate(SPLITS):
                header_cell(ws, r2, col + 3 * g + s, split)
        col += 15
    header_cell(ws, r0, last_col, 'Ghi chú', r2, last_col)
    ws.row_dimensions[r1].height = 54


def funds_titles(ws, last_col, appendix_no, title):
    title_line(ws, 1, appendix_no, last_col, size=13)
    title_line(ws, 2, title, last_col, size=13)
    ws.row_dimensions[2].height = 36
    title_line(ws, 3, KEM_THEO_MUONG_KIM, last_col, size=12, bold=False, italic=True)
    title_line(ws, 4, 'ĐVT: Triệu đồng', last_col, size=11, bold=False, italic=True, align='right',
               first_col=last_col - 4)


def style_data_row(ws, row, stt, last_col):
    level = stt_level(stt)
    bold = level <= 2
    italic = level >= 4
    for col in range(1, last_col + 1):
        cell = ws.cell(row=row, column=col)
        cell.border = BORDER
        cell.font = font(10, bold=bold, italic=italic and col == 2)
        if col == 1:
            cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
        elif col == 2 or col == last_col:
            cell.alignment = Alignment(horizontal='left', vertical='center', wrap_text=True)
        else:
            cell.alignment = Alignment(horizontal='right', vertical='center')


def funds_formula(rows, children, data_idx, value_idx, typed):
    """The formula of a funds cell in muong_kim_2026_formulas.xlsx, or None to keep the typed text.

    Tổng số = SUM(NSTW:NSĐP); a parent's NSTW / NSĐP = SUM of its children; a rate =
    IF(plan=0, "", amount / plan * 100). Cells in `typed` (the seed's errors) stay constants."""
    text = rows[data_idx][2][value_idx]
    if text in ('', '-') or (data_idx, value_idx) in typed:
        return None
    row = FUNDS_FIRST_ROW + data_idx
    block_start = 0 if value_idx < 15 else 15
    group, split = divmod(value_idx - block_start, 3)
    col_of = lambda vidx: get_column_letter(FUNDS_FIRST_VALUE_COL + vidx)  # noqa: E731
    if group in (2, 4):
        plan = f'{col_of(block_start + split)}{row}'
        amount = f'{col_of(block_start + 3 * (group - 1) + split)}{row}'
        return f'=IF({plan}=0,"",{amount}/{plan}*100)'
    if split == 0:
        return f'=SUM({col_of(value_idx + 1)}{row}:{col_of(value_idx + 2)}{row})'
    if children[data_idx]:
        refs = ','.join(f'{col_of(value_idx)}{FUNDS_FIRST_ROW + c}' for c in children[data_idx])
        return f'=SUM({refs})'
    return None


def write_funds_sheet(ws, rows, mode):
    """The funds appendix (Phụ lục II) of Mường Kim. mode: 'numeric', 'text' or 'formulas'."""
    last_col = FUNDS_NOTE_COL
    funds_titles(ws, last_col, 'Phụ lục II',
                 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA '
                 '06 THÁNG ĐẦU NĂM 2026')
    funds_header(ws, 5, last_col)
    children = children_of([r[0] for r in rows])
    typed_errors = {(1, 27), (1, 28), (12, 10), (6, 27), (6, 28)}  # A's 200, V.3's 187,09 NSTW, IV's 100
    for data_idx, (stt, label, cells, note) in enumerate(rows):
        row = FUNDS_FIRST_ROW + data_idx
        style_data_row(ws, row, stt, last_col)
        if stt.upper().startswith('TỔNG'):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row=row, column=1, value=stt or None)
        if label:
            ws.cell(row=row, column=2, value=label)
        for value_idx, text in enumerate(cells):
            cell = ws.cell(row=row, column=FUNDS_FIRST_VALUE_COL + value_idx)
            if text == '':
                continue
            if mode == 'text' or text == '-':
                cell.value = text
                cell.number_format = '@'
                continue
            cell.number_format = number_format(decimals_of(text), is_rate_index(value_idx))
            formula = funds_formula(rows, children, data_idx, value_idx, typed_errors) \
                if mode == 'formulas' else None
            cell.value = formula if formula else value_of(text)
        if note:
            ws.cell(row=row, column=last_col, value=note)
        fit_row_height(ws, row, [(label, 42), (note, 22)])
    end = FUNDS_FIRST_ROW + len(rows) - 1
    notes_row = end + 2
    title_line(ws, notes_row, 'Ghi chú: Số liệu giải ngân tính đến ngày 15/6/2026; tỷ lệ giải ngân tính '
               'bằng %; NSTW: ngân sách Trung ương, NSĐP: ngân sách địa phương.', last_col, size=11,
               bold=False, italic=True, align='left')
    signature_block(ws, notes_row + 2, last_col - 9, last_col, 'Mường Kim, ngày 19 tháng 6 năm 2026',
                    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], 'Vũ Văn Nội')
    ws.column_dimensions['A'].width = 7
    ws.column_dimensions['B'].width = 42
    for col in range(FUNDS_FIRST_VALUE_COL, last_col):
        ws.column_dimensions[get_column_letter(col)].width = 8.5
    ws.column_dimensions[get_column_letter(last_col)].width = 22
    page_setup(ws, '5:7', 'C8')


def write_documents_sheet(ws):
    """Phụ lục I: the documents issued (TT | Loại văn bản | Số, ngày | Trích yếu | Ghi chú)."""
    last_col = 5
    title_line(ws, 1, 'Phụ lục I', last_col, size=13)
    title_line(ws, 2, 'CÁC CƠ CHẾ, CHÍNH SÁCH DO ĐỊA PHƯƠNG BAN HÀNH\nĐỂ THỰC HIỆN CHƯƠNG TRÌNH MTQG '
               'XÂY DỰNG NÔNG THÔN MỚI 06 THÁNG ĐẦU NĂM 2026', last_col, size=13)
    ws.row_dimensions[2].height = 36
    title_line(ws, 3, KEM_THEO_MUONG_KIM, last_col, bold=False, italic=True)
    for col, text in enumerate(['TT', 'Loại văn bản', 'Số, ngày, tháng ban hành', 'Trích yếu', 'Ghi chú'], 1):
        header_cell(ws, 5, col, text)
    for idx, doc in enumerate(seed.DOCUMENTS):
        row = 6 + idx
        for col, text in enumerate(doc, 1):
            cell = ws.cell(row=row, column=col, value=(int(text) if col == 1 else text) or None)
            cell.border = BORDER
            cell.font = font(11)
            cell.alignment = Alignment(horizontal='center' if col == 1 else 'left', vertical='center',
                                       wrap_text=True)
        fit_row_height(ws, row, [(doc[2], 26), (doc[3], 80)], 15)
    for col, width in zip('ABCDE', (6, 13, 26, 80, 12)):
        ws.column_dimensions[col].width = width
    signature_block(ws, 6 + len(seed.DOCUMENTS) + 1, 3, 5, 'Mường Kim, ngày 19 tháng 6 năm 2026',
                    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], 'Vũ Văn Nội')
    page_setup(ws, '5:5', 'A6')


def write_criteria_sheet(ws):
    """Phụ lục IV: the NTM criteria (TT | Tên tiêu chí | Nội dung | Chỉ tiêu | Kết quả | Ghi chú)."""
    last_col = 6
    title_line(ws, 1, 'Phụ lục IV', last_col, size=13)
    title_line(ws, 2, 'TỔNG HỢP HIỆN TRẠNG VÀ ĐỀ XUẤT MỤC TIÊU THỰC HIỆN 06 THÁNG ĐẦU NĂM 2026,\nTHEO BỘ TIÊU '
               'CHÍ QUỐC GIA XÃ NÔNG THÔN MỚI THEO DỰ THẢO BỘ TIÊU CHÍ MỚI GIAI ĐOẠN 2026-2030', last_col, size=13)
    ws.row_dimensions[2].height = 36
    title_line(ws, 3, KEM_THEO_MUONG_KIM, last_col, bold=False, italic=True)
    for col, text in enumerate(['TT', 'Tên tiêu chí', 'Nội dung tiêu chí', 'Chỉ tiêu',
                                'Kết quả 06 tháng đầu năm 2026', 'Ghi chú'], 1):
        header_cell(ws, 5, col, text)
    first = 6
    criterion_start = None
    for idx, row_cells in enumerate(seed.CRITERIA):
        row = first + idx
        tt = row_cells[0]
        for col, text in enumerate(row_cells, 1):
            value = int(text) if col == 1 and text.isdigit() else (text or None)
            cell = ws.cell(row=row, column=col, value=value)
            cell.border = BORDER
            cell.font = font(11, bold=(row_cells[2] == 'Tổng'))
            cell.alignment = Alignment(horizontal='center' if col in (1, 4, 5) else 'left',
                                       vertical='center', wrap_text=True)
        fit_row_height(ws, row, [(row_cells[2], 70), (row_cells[3], 18), (row_cells[4], 18)], 15)
        if tt:
            criterion_start = row
        is_last = idx + 1 == len(seed.CRITERIA) or seed.CRITERIA[idx + 1][0]
        if criterion_start and is_last and row > criterion_start:
            # TT and Tên tiêu chí merged down across the criterion's indicators.
            ws.merge_cells(start_row=criterion_start, start_column=1, end_row=row, end_column=1)
            ws.merge_cells(start_row=criterion_start, start_column=2, end_row=row, end_column=2)
    for col, width in zip('ABCDEF', (6, 24, 70, 18, 18, 12)):
        ws.column_dimensions[col].width = width
    signature_block(ws, first + len(seed.CRITERIA) + 1, 4, 6, 'Mường Kim, ngày 19 tháng 6 năm 2026',
                    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], 'Vũ Văn Nội')
    page_setup(ws, '5:5', 'A6')


def build_muong_kim(path, rows, sheets, mode='numeric'):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if 'docs' in sheets:
        write_documents_sheet(wb.create_sheet('PL I - Văn bản'))
    write_funds_sheet(wb.create_sheet('PL II - Vốn sự nghiệp'), rows, mode)
    if 'criteria' in sheets:
        write_criteria_sheet(wb.create_sheet('PL IV - Tiêu chí NTM'))
    wb.properties.creator = 'UBND xã Mường Kim'
    wb.save(path)


def text_number_rows(rows):
    """Rows of the text-numbers variant: the printed texts, with a few '-' zeros and '%' rates."""
    out = []
    for data_idx, (stt, label, cells, note) in enumerate(rows):
        cells = list(cells)
        for value_idx, text in enumerate(cells):
            is_nsdp = value_idx % 3 == 2
            if data_idx in (0, 1, 7, 8) and is_nsdp and text == '0':
                cells[value_idx] = '-'                 # officers type "-" for zero
            if data_idx in (0, 1, 7) and value_idx in (6, 7):
                cells[value_idx] = text + '%'          # and sometimes the percent sign
        out.append((stt, label, cells, note))
    return out


# ----------------------------------------------------------------------------------------------
# External converters
# ----------------------------------------------------------------------------------------------

def soffice_convert(src, target_ext, outdir):
    """Converts `src` with LibreOffice headless into outdir; returns the output path."""
    profile = tempfile.mkdtemp(prefix='lo_appendices_')
    try:
        subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless',
                        '--convert-to', target_ext, '--outdir', outdir, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + '.' + target_ext.split(':')[0])
    if not os.path.exists(out):
        raise RuntimeError(f'soffice did not produce {out}')
    return out


def ssconvert(src, dst):
    subprocess.run(['ssconvert', '--export-type=Gnumeric_Excel:xlsx2', src, dst], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


# ----------------------------------------------------------------------------------------------
# Lùng Phình (seed 002): phụ biểu 01 vốn sự nghiệp, phụ biểu 02 vốn đầu tư phát triển
# ----------------------------------------------------------------------------------------------

# (stt, label, plan carried over from 2024, plan assigned 2025, disbursed carried, disbursed 2025).
# Leaves only; None marks a parent, filled with the sum of its children. The seed gives the program
# totals (DTTS&MN 3.618 + 7.717 = 11.335, disbursed 6.544; GNBV 839 + 8.162 = 9.001, disbursed 7.102);
# the split by project is invented and the last leaf of each program balances to the seed's totals.
LUNG_PHINH_SN = [
    ('A', 'Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi', None),
    ('I', 'Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt', (412, 1020, 330, 503)),
    ('II', 'Dự án 2: Quy hoạch, sắp xếp, bố trí, ổn định dân cư ở những nơi cần thiết', (0, 0, 0, 0)),
    ('III', 'Dự án 3: Phát triển sản xuất nông, lâm nghiệp bền vững gắn với tiềm năng, thế mạnh của vùng', None),
    ('III.1', 'Tiểu dự án 1: Phát triển kinh tế nông, lâm nghiệp bền vững gắn với bảo vệ rừng', (530, 980, 400, 520)),
    ('III.2', 'Tiểu dự án 2: Hỗ trợ phát triển sản xuất theo chuỗi giá trị, vùng trồng dược liệu quý', (375, 670, 240, 310)),
    ('IV', 'Dự án 4: Duy tu, bảo dưỡng công trình cơ sở hạ tầng vùng đồng bào DTTS&MN', (210, 560, 150, 280)),
    ('V', 'Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực', None),
    ('V.1', 'Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, PTDTBT và xóa mù chữ', (640, 1380, 520, 1005)),
    ('V.2', 'Tiểu dự án 2: Bồi dưỡng kiến thức dân tộc; đào tạo dự bị đại học, đại học và sau đại học', (0, 215, 0, 160)),
    ('V.3', 'Tiểu dự án 3: Phát triển giáo dục nghề nghiệp và giải quyết việc làm cho người lao động', (483, 820, 260, 350)),
    ('VI', 'Dự án 6: Bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp gắn với phát triển du lịch', (120, 450, 60, 220)),
    ('VII', 'Dự án 7: Chăm sóc sức khỏe nhân dân, phòng chống suy dinh dưỡng trẻ em', (96, 380, 40, 190)),
    ('VIII', 'Dự án 8: Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em', (180, 310, 120, 170)),
    ('IX', 'Dự án 9: Đầu tư phát triển nhóm dân tộc thiểu số rất ít người và nhóm dân tộc còn nhiều khó khăn', None),
    ('IX.1', 'Tiểu dự án 1: Đầu tư tạo sinh kế, phát triển kinh tế nhóm dân tộc còn nhiều khó khăn', (250, 420, 180, 160)),
    ('IX.2', 'Tiểu dự án 2: Giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống', (62, 150, 0, 74)),
    ('X', 'Dự án 10: Truyền thông, tuyên truyền; kiểm tra, giám sát đánh giá việc tổ chức thực hiện Chương trình', None),
    ('X.1', 'Tiểu dự án 1: Biểu dương, tôn vinh điển hình tiên tiến; phổ biến, giáo dục pháp luật', (140, 180, 60, 90)),
    ('X.2', 'Tiểu dự án 2: Ứng dụng công nghệ thông tin hỗ trợ phát triển kinh tế - xã hội', (0, 52, 0, 0)),
    ('X.3', 'Tiểu dự án 3: Kiểm tra, giám sát, đánh giá, đào tạo, tập huấn tổ chức thực hiện Chương trình', 'balance'),
    ('B', 'Chương trình MTQG giảm nghèo bền vững', None),
    ('I', 'Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, xã đặc biệt khó khăn', (95, 1240, 80, 1010)),
    ('II', 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', (120, 960, 110, 830)),
    ('III', 'Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', None),
    ('III.1', 'Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp', (210, 1850, 190, 1620)),
    ('III.2', 'Tiểu dự án 2: Cải thiện dinh dưỡng', (35, 260, 20, 190)),
    ('IV', 'Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững', None),
    ('IV.1', 'Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn', (80, 620, 50, 410)),
    ('IV.2', 'Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng', (40, 180, 10, 95)),
    ('IV.3', 'Tiểu dự án 3: Hỗ trợ việc làm bền vững', (0, 140, 0, 85)),
    ('V', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo', (180, 2100, 150, 1640)),
    ('VI', 'Dự án 6: Truyền thông và giảm nghèo về thông tin', None),
    ('VI.1', 'Tiểu dự án 1: Giảm nghèo về thông tin', (20, 180, 10, 120)),
    ('VI.2', 'Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều', (15, 150, 5, 110)),
    ('VII', 'Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình', 'balance'),
]
LUNG_PHINH_PROGRAM_TOTALS = {'A': (3618, 7717, 6544), 'B': (839, 8162, 7102)}


def lung_phinh_sn_rows():
    """[(stt, label, [plan total, carried, 2025, disbursed total, carried, 2025])] with parents summed."""
    rows = [[stt, label, list(v) if isinstance(v, tuple) else v] for stt, label, v in LUNG_PHINH_SN]
    # Balance the last leaf of each program to the seed's program totals.
    program = None
    for idx, row in enumerate(rows):
        if row[0] in LUNG_PHINH_PROGRAM_TOTALS:
            program = row[0]
            members = []
        elif row[2] == 'balance':
            cn, giao, disb = LUNG_PHINH_PROGRAM_TOTALS[program]
            leaves = [r[2] for r in members if isinstance(r[2], list)]
            b_cn = cn - sum(v[0] for v in leaves)
            b_giao = giao - sum(v[1] for v in leaves)
            b_disb_cn = round(b_cn * 0.6)
            b_disb_giao = disb - sum(v[2] + v[3] for v in leaves) - b_disb_cn
            row[2] = [b_cn, b_giao, b_disb_cn, b_disb_giao]
            assert min(row[2]) >= 0 and b_disb_giao <= b_giao, row
        else:
            members.append(row)
    stts = [r[0] for r in rows]
    kids = children_of(['TỔNG CỘNG'] + stts)
    values = [None] * (len(rows) + 1)

    def fill(idx):
        if values[idx] is not None:
            return values[idx]
        if idx > 0 and isinstance(rows[idx - 1][2], list):
            cn, giao, d_cn, d_giao = rows[idx - 1][2]
            values[idx] = [cn, giao, d_cn, d_giao]
        else:
            sums = [0, 0, 0, 0]
            for k in kids[idx]:
                sums = [a + b for a, b in zip(sums, fill(k))]
            values[idx] = sums
        return values[idx]

    fill(0)
    out = []
    for idx in range(len(rows) + 1):
        stt, label = ('TỔNG CỘNG', '') if idx == 0 else rows[idx - 1][:2]
        cn, giao, d_cn, d_giao = values[idx]
        out.append([stt, label, [cn + giao, cn, giao, d_cn + d_giao, d_cn, d_giao]])
    return out


def build_lung_phinh_sn(path, workdir):
    rows = lung_phinh_sn_rows()
    assert rows[0][2][0] == 20336 and rows[0][2][3] == 13646, rows[0]
    rows[0][2][2] = 15878     # the seed's real figure: 7.717 + 8.162 = 15.879
    # The seed's rates as printed (the true ones are 67,10 57,73 78,90): (row stt, value, decimals).
    seed_rates = {'TỔNG CỘNG': (67.11, 2), 'A': (57.3, 1), 'B': (75.18, 2)}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Phụ biểu 01'
    last_col = 12
    title_line(ws, 1, 'Phụ biểu số 01', last_col, size=13)
    title_line(ws, 2, 'KẾT QUẢ GIẢI NGÂN KẾ HOẠCH VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2025 '
               '(BAO GỒM CẢ VỐN KÉO DÀI)', last_col, size=13)
    ws.row_dimensions[2].height = 36
    title_line(ws, 3, '(Kèm theo Báo cáo số     -BC/BCĐ ngày     tháng 11 năm 2025 của Ban Chỉ đạo các '
               'Chương trình mục tiêu quốc gia xã Lùng Phình)', last_col, bold=False, italic=True)
    title_line(ws, 4, 'ĐVT: Triệu đồng', last_col, size=11, bold=False, italic=True, align='right',
               first_col=last_col - 2)
    header_cell(ws, 5, 1, 'STT', 6, 1)
    header_cell(ws, 5, 2, 'Nội dung', 6, 2)
    groups = ['Kế hoạch vốn năm 2025', 'Giải ngân đến ngày 15/11/2025', 'Tỷ lệ giải ngân (%)']
    splits = ['Tổng số', 'Vốn năm 2024 chuyển sang', 'Vốn giao năm 2025']
    for g, group in enumerate(groups):
        header_cell(ws, 5, 3 + 3 * g, group, 5, 5 + 3 * g)
        for s, split in enumerate(splits):
            header_cell(ws, 6, 3 + 3 * g + s, split)
    header_cell(ws, 5, last_col, 'Ghi chú', 6, last_col)
    ws.row_dimensions[6].height = 42
    for idx, (stt, label, v) in enumerate(rows):
        row = 7 + idx
        style_data_row(ws, row, stt, last_col)
        if idx == 0:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row=row, column=1, value=stt)
        if label:
            ws.cell(row=row, column=2, value=label)
        fit_row_height(ws, row, [(label, 48)])
        for s in range(3):
            plan_cell = ws.cell(row=row, column=3 + s, value=v[s])
            plan_cell.number_format = number_format(0, False)
            disb_cell = ws.cell(row=row, column=6 + s, value=v[3 + s])
            disb_cell.number_format = number_format(0, False)
            rate_cell = ws.cell(row=row, column=9 + s)
            if s == 0 and stt in seed_rates:
                rate_cell.value, decimals = seed_rates[stt]
            elif v[s]:
                rate_cell.value, decimals = round(v[3 + s] / v[s] * 100, 2), 2
            else:
                continue
            rate_cell.number_format = number_format(decimals, True)
    end = 7 + len(rows) - 1
    title_line(ws, end + 2, 'Ghi chú: Vốn năm 2024 chuyển sang: vốn sự nghiệp năm 2024 được phép kéo dài '
               'thời gian thực hiện, giải ngân sang năm 2025.', last_col, size=11, bold=False, italic=True,
               align='left')
    signature_block(ws, end + 4, last_col - 4, last_col, 'Lùng Phình, ngày     tháng 11 năm 2025',
                    ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], '(Ký, ghi rõ họ tên)')
    ws.column_dimensions['A'].width = 7
    ws.column_dimensions['B'].width = 48
    for col in range(3, last_col):
        ws.column_dimensions[get_column_letter(col)].width = 11
    ws.column_dimensions[get_column_letter(last_col)].width = 14
    page_setup(ws, '5:6', 'C7')
    # openpyxl -> .ods -> .xlsx: the committed file is written by LibreOffice's own xlsx filter.
    staging = os.path.join(workdir, 'lung_phinh_2025_von_su_nghiep_openpyxl.xlsx')
    wb.save(staging)
    ods = soffice_convert(staging, 'ods', workdir)
    ods_named = os.path.join(workdir, 'lung_phinh_2025_von_su_nghiep.ods')
    os.rename(ods, ods_named)
    out_dir = os.path.join(workdir, 'lo_xlsx')
    os.makedirs(out_dir, exist_ok=True)
    shutil.copy(soffice_convert(ods_named, 'xlsx:Calc MS Excel 2007 XML', out_dir), path)


# Phụ biểu 02: one row per investment project (công trình). (stt, label, place, plan NSTW, plan NSĐP,
# disbursed NSTW, disbursed NSĐP); parents are None. Totals follow the seed: plan 18.660, disbursed
# 7.951 (42,6%), 23 công trình of the DTTS&MN program; the split into công trình is invented.
LUNG_PHINH_DT = [
    ('A', 'Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào DTTS và miền núi', '', None),
    ('I', 'Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt', '', None),
    ('1', 'Công trình nước sinh hoạt tập trung bản Sín Chải', 'Bản Sín Chải', (645.200, 0, 402.115, 0)),
    ('2', 'Công trình nước sinh hoạt tập trung bản Pao Chải', 'Bản Pao Chải', (512.800, 25.000, 318.450, 25.000)),
    ('3', 'Sửa chữa công trình nước sinh hoạt bản Lùng Phình', 'Bản Lùng Phình', (390.000, -15.000, 120.000, 0)),
    ('4', 'Công trình nước sinh hoạt tập trung bản Tả Phìn', 'Bản Tả Phìn', (478.600, 0, 210.000, 0)),
    ('IV', 'Dự án 4: Đầu tư cơ sở hạ tầng thiết yếu phục vụ sản xuất, đời sống vùng đồng bào DTTS&MN', '', None),
    ('IV.1', 'Tiểu dự án 1: Đầu tư cơ sở hạ tầng thiết yếu vùng đồng bào DTTS&MN', '', None),
    ('1', 'Đường bê tông nội bản Sín Chải', 'Bản Sín Chải', (1250.500, 0, 655.300, 0)),
    ('2', 'Đường giao thông nông thôn bản Hồ Sì Pan - Cáng Chải', 'Bản Hồ Sì Pan', (2105.000, 50.000, 820.000, 50.000)),
    ('3', 'Cầu treo dân sinh bản Tả Phìn', 'Bản Tả Phìn', (980.000, 0, 512.760, 0)),
    ('4', 'Nhà văn hóa bản Pao Chải', 'Bản Pao Chải', (685.300, 20.000, 385.000, 20.000)),
    ('5', 'Nhà văn hóa bản Lùng Phình', 'Bản Lùng Phình', (702.100, 12.000, 401.500, 12.000)),
    ('6', 'Thủy lợi Nậm Lùng (kênh dẫn 1,2 km)', 'Bản Sín Chải', (845.000, 0, 301.200, 0)),
    ('7', 'Thủy lợi Phìn Hồ', 'Bản Tả Phìn', (612.450, 0, 250.000, 0)),
    ('8', 'Điểm trường mầm non bản Cáng Chải', 'Bản Cáng Chải', (930.000, 30.000, 410.250, 30.000)),
    ('9', 'Đường nội đồng bản Pao Chải', 'Bản Pao Chải', (540.000, 0, 180.000, 0)),
    ('10', 'Sửa chữa đường giao thông bản Hồ Sì Pan', 'Bản Hồ Sì Pan', (455.780, 0, 120.000, 0)),
    ('11', 'Ngầm tràn qua suối bản Lùng Phình', 'Bản Lùng Phình', (398.000, 0, 95.000, 0)),
    ('12', 'Đường điện hạ thế bản Cáng Chải', 'Bản Cáng Chải', (725.000, 0, 233.400, 0)),
    ('13', 'Kè chống sạt lở điểm trường bản Sín Chải', 'Bản Sín Chải', (610.000, 0, 150.000, 0)),
    ('14', 'Nhà lớp học điểm trường bản Tả Phìn (chuẩn bị đầu tư)', 'Bản Tả Phìn', (120.000, 0, 0, 0)),
    ('V', 'Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực', '', None),
    ('V.1', 'Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, PTDTBT', '', None),
    ('1', 'Nhà bán trú học sinh Trường PTDTBT THCS Lùng Phình', 'Trung tâm xã', (1320.000, 0, 560.100, 0)),
    ('2', 'Nhà ăn, bếp ăn Trường PTDTBT Tiểu học Lùng Phình', 'Trung tâm xã', (760.500, 0, 444.132, 0)),
    ('3', 'Sân, tường rào Trường PTDTBT THCS Lùng Phình', 'Trung tâm xã', (450.000, 0, 180.000, 0)),
    ('VI', 'Dự án 6: Bảo tồn, phát huy giá trị văn hóa truyền thống gắn với phát triển du lịch', '', None),
    ('1', 'Nhà sinh hoạt cộng đồng gắn với điểm du lịch bản Sín Chải', 'Bản Sín Chải', (845.000, 0, 252.000, 0)),
    ('2', 'Tu bổ điểm sinh hoạt văn hóa truyền thống bản Pao Chải', 'Bản Pao Chải', 'balance'),
]
LUNG_PHINH_DT_TOTALS = (18660.000, 7951.000)
# Injected errors (listed in README.md): the SUM of IV.1 stops one row short (công trình 14 left out),
# a rate typed with swapped digits, a letter O typed for a zero, a negative NSĐP adjustment.
LUNG_PHINH_DT_MISSED = ('IV.1', '14')
LUNG_PHINH_DT_RATE_TYPO = ('V.1', '2')
LUNG_PHINH_DT_NOT_A_NUMBER = ('IV.1', '5')


def lung_phinh_dt_rows():
    """[(stt, label, place, [plan T, W, D, disb T, W, D], rate, parent_stt)] with parents summed."""
    rows = [list(r) for r in LUNG_PHINH_DT]
    parent_stt = []
    current = {}
    for r in rows:
        level = stt_level(r[0])
        current = {k: v for k, v in current.items() if k < level}
        current[level] = r[0]
        parent_stt.append(current.get(level - 1, current.get(2, '')) if level == 4 else '')
    missed_idx = next(i for i, r in enumerate(rows) if (parent_stt[i], r[0]) == LUNG_PHINH_DT_MISSED)
    leaves = [r[3] for r in rows if isinstance(r[3], tuple)]
    counted = [r[3] for i, r in enumerate(rows) if isinstance(r[3], tuple) and i != missed_idx]
    plan_w = round(LUNG_PHINH_DT_TOTALS[0] - sum(v[0] + v[1] for v in counted), 3)
    disb_w = round(LUNG_PHINH_DT_TOTALS[1] - sum(v[2] + v[3] for v in leaves), 3)
    assert 0 < disb_w < plan_w, (plan_w, disb_w)
    rows[-1][3] = (plan_w, 0, disb_w, 0)
    stts = ['TỔNG CỘNG'] + [r[0] for r in rows]
    kids = children_of(stts)
    sums = [None] * len(stts)

    def fill(idx):
        if sums[idx] is None:
            own = rows[idx - 1][3] if idx else None
            if isinstance(own, tuple):
                sums[idx] = [own[0] + own[1], own[0], own[1], own[2] + own[3], own[2], own[3]]
            else:
                total = [0.0] * 6
                for k in kids[idx]:
                    child = fill(k)
                    if k - 1 == missed_idx:
                        continue  # the officer's SUM range stops one row short
                    total = [a + b for a, b in zip(total, child)]
                sums[idx] = [round(x, 3) for x in total]
        return sums[idx]

    fill(0)
    out = []
    for idx in range(len(stts)):
        stt, label, place = ('TỔNG CỘNG', '', '') if idx == 0 else rows[idx - 1][:3]
        amounts = sums[idx]
        rate = round(amounts[3] / amounts[0] * 100, 1) if amounts[0] else None
        out.append([stt, label, place, amounts, rate, parent_stt[idx - 1] if idx else ''])
    assert abs(out[0][3][0] - 18660) < 1e-6 and abs(out[0][3][3] - 7951) < 1e-6, out[0][3]
    return out


def build_lung_phinh_dt_csv(path):
    rows = lung_phinh_dt_rows()
    width = 11
    lines = []

    def line(cells):
        lines.append(list(cells) + [''] * (width - len(cells)))

    line(['Phụ biểu số 02'])
    line(['TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN KẾ HOẠCH VỐN ĐẦU TƯ PHÁT TRIỂN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2025'])
    line(['(Kèm theo Báo cáo số     -BC/BCĐ ngày     tháng 11 năm 2025 của Ban Chỉ đạo các Chương trình mục tiêu '
          'quốc gia xã Lùng Phình)'])
    line([''] * 9 + ['ĐVT: Triệu đồng'])
    line(['STT', 'Danh mục công trình', 'Địa điểm xây dựng', 'Kế hoạch vốn năm 2025', '', '',
          'Giải ngân đến ngày 15/11/2025', '', '', 'Tỷ lệ giải ngân (%)', 'Ghi chú'])
    line(['', '', '', 'Tổng số', 'NSTW', 'NSĐP', 'Tổng số', 'NSTW', 'NSĐP', '', ''])
    line(['1', '2', '3', '4=5+6', '5', '6', '7=8+9', '8', '9', '10=7/4', '11'])
    for stt, label, place, amounts, rate, parent in rows:
        texts = []
        for k, value in enumerate(amounts):
            if value == 0 and k in (2, 5):
                texts.append('')               # no NSĐP: the cell is left empty
            else:
                texts.append(vn_text(value, 3))
        rate_text = vn_text(rate, 1) if rate is not None else ''
        note = ''
        if (parent, stt) == LUNG_PHINH_DT_RATE_TYPO:
            rate_text = rate_text[1] + rate_text[0] + rate_text[2:]     # 58,4 typed as 85,4
            assert rate_text != vn_text(rate, 1)
        if (parent, stt) == LUNG_PHINH_DT_NOT_A_NUMBER:
            texts[5] = texts[5].replace('0', 'O', 1)                    # letter O for a zero
        if amounts[2] < 0:
            note = 'Điều chỉnh giảm vốn đối ứng'
        if (parent, stt) == LUNG_PHINH_DT_MISSED:
            note = 'Chuẩn bị đầu tư'
        line([stt, label, place] + texts + [rate_text, note])
    line([])
    line(['', 'Ghi chú: Tỷ lệ giải ngân = Giải ngân / Kế hoạch vốn x 100; NSĐP: vốn đối ứng ngân sách xã.'])
    line([])
    line([''] * 7 + ['Lùng Phình, ngày     tháng 11 năm 2025'])
    line([''] * 7 + ['TM. BAN CHỈ ĐẠO'])
    line([''] * 7 + ['TRƯỞNG BAN'])
    buf = io.StringIO()
    csv.writer(buf, delimiter=';', lineterminator='\r\n').writerows(lines)
    with open(path, 'w', encoding='utf-8-sig', newline='') as f:
        f.write(buf.getvalue())


# ----------------------------------------------------------------------------------------------
# Mường Khoa (seed 004): biểu 02, resources for the NTM program in 2025
# ----------------------------------------------------------------------------------------------

# (stt, label, NSTW đầu tư, NSTW sự nghiệp, ngân sách xã, lồng ghép GNBV, lồng ghép DTTS&MN); None for
# parents. The seed gives the totals: 3.900 = NSTW 1.304 (504 + 800) + xã 40 + lồng ghép (602 + 1.954);
# it prints the lồng ghép total as 2.256 although 602 + 1.954 = 2.556 (kept: the real error).
MUONG_KHOA = [
    ('1', 'Nội dung 1: Nâng cao hiệu quả quản lý và thực hiện xây dựng NTM theo quy hoạch', (0, 0, 10, 0, 0)),
    ('2', 'Nội dung 2: Phát triển hạ tầng kinh tế - xã hội, cơ bản đồng bộ, hiện đại', None),
    ('-', 'Đường bê tông nội bản Hua Pầu', (504, 0, 0, 0, 0)),
    ('-', 'Nhà văn hóa bản Phiêng Pẳng', (0, 0, 0, 0, 454)),
    ('-', 'Kênh mương nội đồng bản Nà Ly', (0, 0, 0, 0, 800)),
    ('3', 'Nội dung 3: Thực hiện cơ cấu lại ngành nông nghiệp, phát triển kinh tế nông thôn; Chương trình OCOP', None),
    ('-', 'Hỗ trợ phát triển sản xuất lúa chất lượng cao', (0, 200, 0, 300, 0)),
    ('-', 'Hỗ trợ chủ thể tham gia Chương trình OCOP', (0, 100, 0, 0, 0)),
    ('4', 'Nội dung 4: Giảm nghèo bền vững, đặc biệt là vùng đồng bào dân tộc thiểu số và miền núi', (0, 0, 0, 302, 0)),
    ('5', 'Nội dung 5: Nâng cao chất lượng giáo dục, y tế và chăm sóc sức khỏe người dân nông thôn', (0, 150, 0, 0, 300)),
    ('6', 'Nội dung 6: Nâng cao chất lượng đời sống văn hóa của người dân nông thôn', (0, 80, 0, 0, 400)),
    ('7', 'Nội dung 7: Nâng cao chất lượng môi trường; xây dựng cảnh quan nông thôn sáng - xanh - sạch - đẹp', (0, 120, 20, 0, 0)),
    ('8', 'Nội dung 8: Nâng cao chất lượng, phát huy vai trò của tổ chức cơ sở đảng, chính quyền; dịch vụ hành chính công, chuyển đổi số', (0, 50, 0, 0, 0)),
    ('9', 'Nội dung 9: Nâng cao vai trò của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội', (0, 30, 0, 0, 0)),
    ('10', 'Nội dung 10: Giữ vững quốc phòng, an ninh và trật tự xã hội nông thôn', (0, 20, 10, 0, 0)),
    ('11', 'Nội dung 11: Tăng cường công tác giám sát, đánh giá; nâng cao năng lực, truyền thông về xây dựng NTM', (0, 50, 0, 0, 0)),
]


def muong_khoa_rows():
    """[(stt, label, [total, NSTW total, ĐT, SN, xã, lồng ghép total, GNBV, DTTS])] with parents summed."""
    stts = ['TỔNG CỘNG'] + [r[0] for r in MUONG_KHOA]
    kids = children_of(stts)
    sums = [None] * len(stts)

    def fill(idx):
        if sums[idx] is None:
            own = MUONG_KHOA[idx - 1][2] if idx else None
            if own is not None:
                dt, sn, xa, gn, dtts = own
                sums[idx] = [dt + sn + xa + gn + dtts, dt + sn, dt, sn, xa, gn + dtts, gn, dtts]
            else:
                total = [0] * 8
                for k in kids[idx]:
                    total = [a + b for a, b in zip(total, fill(k))]
                sums[idx] = total
        return sums[idx]

    fill(0)
    out = [['TỔNG CỘNG', '', list(sums[0])]] + [[r[0], r[1], list(sums[i + 1])] for i, r in enumerate(MUONG_KHOA)]
    assert out[0][2] == [3900, 1304, 504, 800, 40, 2556, 602, 1954], out[0][2]
    out[0][2][5] = 2256   # the seed's printed lồng ghép total
    return out


def build_muong_khoa(path, workdir):
    rows = muong_khoa_rows()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Biểu 02'
    last_col = 11
    title_line(ws, 1, 'Biểu số 02', last_col, size=13)
    title_line(ws, 2, 'DỰ KIẾN NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA XÂY DỰNG NÔNG THÔN MỚI '
               'NĂM 2025', last_col, size=13)
    title_line(ws, 3, '(Kèm theo Kế hoạch số       /KH-UBND ngày      tháng      năm 2025 của UBND xã Mường Khoa)',
               last_col, bold=False, italic=True)
    title_line(ws, 4, 'ĐVT: Triệu đồng', last_col, size=11, bold=False, italic=True, align='right',
               first_col=last_col - 2)
    header_cell(ws, 5, 1, 'STT', 6, 1)
    header_cell(ws, 5, 2, 'Nội dung', 6, 2)
    header_cell(ws, 5, 3, 'Tổng nguồn vốn', 6, 3)
    header_cell(ws, 5, 4, 'Ngân sách Trung ương', 5, 6)
    for col, text in zip((4, 5, 6), ('Tổng số', 'Vốn đầu tư phát triển', 'Vốn sự nghiệp')):
        header_cell(ws, 6, col, text)
    header_cell(ws, 5, 7, 'Ngân sách xã', 6, 7)
    header_cell(ws, 5, 8, 'Vốn lồng ghép', 5, 10)
    for col, text in zip((8, 9, 10), ('Tổng số', 'CT MTQG giảm nghèo bền vững',
                                      'CT MTQG phát triển KT-XH vùng đồng bào DTTS&MN')):
        header_cell(ws, 6, col, text)
    header_cell(ws, 5, last_col, 'Ghi chú', 6, last_col)
    ws.row_dimensions[6].height = 56
    for idx, (stt, label, v) in enumerate(rows):
        row = 7 + idx
        style_data_row(ws, row, stt, last_col)
        if idx == 0:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row=row, column=1, value=int(stt) if stt.isdigit() else stt)
        if label:
            ws.cell(row=row, column=2, value=label)
        fit_row_height(ws, row, [(label, 50)])
        for k, value in enumerate(v):
            if value == 0 and idx > 0:
                continue            # zero parts left empty, as in the seed's tables
            cell = ws.cell(row=row, column=3 + k, value=value)
            cell.number_format = number_format(0, False)
        if stt == '10':
            ws.cell(row=row, column=7, value='10 tr')     # injected: a unit typed into the cell
            ws.cell(row=row, column=7).number_format = '@'
    end = 7 + len(rows) - 1
    title_line(ws, end + 2, 'Ghi chú: Vốn lồng ghép từ Chương trình MTQG giảm nghèo bền vững và Chương trình '
               'MTQG phát triển KT-XH vùng đồng bào DTTS&MN năm 2025.', last_col, size=11, bold=False,
               italic=True, align='left')
    signature_block(ws, end + 4, last_col - 3, last_col, 'Mường Khoa, ngày      tháng      năm 2025',
                    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], '(Ký, ghi rõ họ tên)')
    ws.column_dimensions['A'].width = 6
    ws.column_dimensions['B'].width = 50
    for col in range(3, last_col):
        ws.column_dimensions[get_column_letter(col)].width = 12
    ws.column_dimensions[get_column_letter(last_col)].width = 12
    page_setup(ws, '5:6', 'C7')
    staging = os.path.join(workdir, 'muong_khoa_openpyxl.xlsx')
    wb.save(staging)
    ssconvert(staging, path)


# ----------------------------------------------------------------------------------------------

def check_cached_values(path):
    """The formulas workbook must carry cached values computed by LibreOffice."""
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    n_formulas = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith('='):
                    n_formulas += 1
                    cached = values[ws.title][cell.coordinate].value
                    if cached is None and 'IF(' not in cell.value:
                        raise RuntimeError(f'{path}: {cell.coordinate} has no cached value')
    if n_formulas < 100:
        raise RuntimeError(f'{path}: only {n_formulas} formulas survived the conversion')
    return n_formulas


def main():
    out = HERE
    rows = muong_kim_rows()
    corrected = [(stt, label, list(cells), note) for stt, label, cells, note in rows]
    for (data_idx, value_idx), text in MUONG_KIM_CORRECTIONS.items():
        corrected[data_idx][2][value_idx] = text
    all_sheets = ('docs', 'criteria')
    build_muong_kim(os.path.join(out, 'muong_kim_2026.xlsx'), rows, all_sheets)
    build_muong_kim(os.path.join(out, 'muong_kim_2026_corrected.xlsx'), corrected, all_sheets)
    build_muong_kim(os.path.join(out, 'muong_kim_2026_text_numbers.xlsx'), text_number_rows(rows), (), 'text')
    with tempfile.TemporaryDirectory(prefix='appendices_') as work:
        staging = os.path.join(work, 'muong_kim_2026_formulas.xlsx')
        build_muong_kim(staging, rows, (), 'formulas')
        lo_dir = os.path.join(work, 'lo')
        os.makedirs(lo_dir)
        converted = soffice_convert(staging, 'xlsx:Calc MS Excel 2007 XML', lo_dir)
        n = check_cached_values(converted)
        shutil.copy(converted, os.path.join(out, 'muong_kim_2026_formulas.xlsx'))
        print(f'muong_kim_2026_formulas.xlsx: {n} formulas with LibreOffice cached values')
        xls_dir = os.path.join(work, 'xls')
        os.makedirs(xls_dir)
        shutil.copy(soffice_convert(os.path.join(out, 'muong_kim_2026.xlsx'), 'xls:MS Excel 97', xls_dir),
                    os.path.join(out, 'muong_kim_2026.xls'))
        build_lung_phinh_sn(os.path.join(out, 'lung_phinh_2025_von_su_nghiep.xlsx'), work)
        build_muong_khoa(os.path.join(out, 'muong_khoa_2025_nguon_luc_ntm.xlsx'), work)
    build_lung_phinh_dt_csv(os.path.join(out, 'lung_phinh_2025_dau_tu.csv'))
    print('done')


if __name__ == '__main__':
    sys.exit(main())
