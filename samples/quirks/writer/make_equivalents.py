#!/usr/bin/python3
"""Builds writer_features_openpyxl.xlsx: the workbook of tests/writers/writer_test_support.cpp
(feature_workbook) made with openpyxl instead of our writer, to review our reference against.

Run with the Debian python (it has openpyxl):  /usr/bin/python3 samples/quirks/writer/make_equivalents.py
The test "the reference workbook reads the same as its openpyxl-made equivalent" reads both files with
our reader and requires the same model. Change this script together with feature_workbook().
"""
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.properties import PageSetupProperties

HERE = os.path.dirname(os.path.abspath(__file__))
TIMES = 'Times New Roman'


def times(size, bold=False, italic=False, **extra):
    return Font(name=TIMES, size=size, bold=bold, italic=italic, **extra)


THIN = Side(style='thin')
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# The styles of feature_workbook(), by name.
STYLES = {
    'default': dict(font=times(12)),
    'title': dict(font=times(14, bold=True), alignment=Alignment(horizontal='center', vertical='center')),
    'header': dict(font=times(12, bold=True), fill=PatternFill('solid', fgColor='FFD9D9D9'), border=BOX,
                   alignment=Alignment(horizontal='center', vertical='center', wrap_text=True)),
    'amount': dict(font=times(12), border=BOX, number_format='#,##0.000'),
    'rate': dict(font=times(12), border=BOX, number_format='0.00', alignment=Alignment(horizontal='right')),
    'decorated': dict(font=times(11, italic=True, underline='single', strike=True, color='FFFF0000'),
                      border=Border(bottom=Side(style='double', color='FF000000'), top=Side(style='hair'))),
    'rotated': dict(font=times(12),
                    border=Border(left=Side(style='mediumDashed', color='FF0000FF'),
                                  right=Side(style='dashDotDot', color='FF00B050'),
                                  top=Side(style='thick'), bottom=Side(style='slantDashDot')),
                    alignment=Alignment(horizontal='left', vertical='top', indent=2, text_rotation=90)),
    'date': dict(font=times(12), number_format='dd/mm/yyyy'),
    'unlocked': dict(font=times(12), protection=Protection(locked=False, hidden=True),
                     alignment=Alignment(text_rotation=135)),
    'pattern': dict(font=times(12), fill=PatternFill('darkGrid', fgColor='FFFF0000', bgColor='FF92D050'),
                    alignment=Alignment(horizontal='centerContinuous')),
    'percent': dict(font=times(12), number_format='0.00%'),
    'wrapped': dict(font=times(12), border=BOX,
                    alignment=Alignment(horizontal='distributed', vertical='justify', wrap_text=True)),
    'row': dict(font=times(10), fill=PatternFill('solid', fgColor='FFE2EFDA')),
}


def put(ws, ref, value, style='default'):
    cell = ws[ref]
    if value is not None:
        cell.value = value
    for key, attr in STYLES[style].items():
        setattr(cell, key, attr)
    return cell


LONG_A = 'Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi'
LONG_B = 'Chương trình MTQG giảm nghèo bền vững'


def funds_sheet(ws):
    ws.title = 'Biểu 01 - Vốn sự nghiệp'
    put(ws, 'A1', 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP', 'title')
    ws.merge_cells('A1:F1')
    ws.row_dimensions[1].height = 30
    put(ws, 'A2', '(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026)', 'decorated')
    ws.merge_cells('A2:F2')
    for ref, text in (('A3', 'STT'), ('B3', 'Nội dung'), ('C3', 'Kế hoạch vốn năm 2026'),
                      ('F3', 'Tỷ lệ giải ngân (%)'), ('C4', 'Tổng số'), ('D4', 'Trong đó'), ('D5', 'NSTW'),
                      ('E5', 'NSĐP')):
        put(ws, ref, text, 'header')
    for ref in ('A3:A5', 'B3:B5', 'C3:E3', 'D4:E4', 'C4:C5', 'F3:F5'):
        ws.merge_cells(ref)
    # openpyxl gives the covered cells of a merge the outer borders of the range; feature_workbook()
    # gives the header's covered cells the full header format, and the title rows' none.
    for ref in ('A4', 'A5', 'B4', 'B5', 'C5', 'D3', 'E3', 'E4', 'F4', 'F5'):
        put(ws, ref, None, 'header')
    for ref in ('B1', 'C1', 'D1', 'E1', 'F1', 'B2', 'C2', 'D2', 'E2', 'F2'):
        ws[ref].border = Border()

    put(ws, 'A6', None, 'amount')
    put(ws, 'B6', 'TỔNG CỘNG', 'header')
    # Formulas: openpyxl stores no cached results; the C++ test compares formulas, and cached values
    # are what our writer adds (checked against LibreOffice in test_xlsx_other_programs.cpp).
    put(ws, 'C6', '=SUM(C7:C9)', 'amount')
    put(ws, 'D6', '=SUM(D7:D9)', 'amount')
    put(ws, 'E6', '=SUM(E7:E9)', 'amount')
    put(ws, 'F6', '=IF(C6=0,"",E6/C6*100)', 'rate')
    put(ws, 'A7', 'A', 'wrapped')
    put(ws, 'B7', LONG_A, 'wrapped')
    put(ws, 'C7', 1184, 'amount')
    put(ws, 'D7', 1184, 'amount')
    put(ws, 'E7', 0, 'amount')
    put(ws, 'F7', '=IF(C7=0,"",E7/C7*100)', 'rate')
    put(ws, 'A8', 'B', 'wrapped')
    put(ws, 'B8', LONG_B, 'wrapped')
    put(ws, 'C8', 255.262, 'amount')
    put(ws, 'D8', 0, 'amount')
    put(ws, 'E8', 255.262, 'amount')
    put(ws, 'F8', '=E8/C8*100', 'rate')
    put(ws, 'A9', 'C', 'wrapped')
    put(ws, 'B9', 'Chương trình MTQG xây dựng nông thôn mới', 'wrapped')
    for ref in ('C9', 'D9', 'E9'):
        put(ws, ref, 0, 'amount')
    put(ws, 'F9', '=IF(C9=0,"",E9/C9*100)', 'rate')

    put(ws, 'A10', 46192, 'date')
    put(ws, 'B10', True)
    put(ws, 'C10', '=#DIV/0!')
    put(ws, 'D10', 0.1234, 'percent')
    ws.row_dimensions[10].hidden = True
    put(ws, 'A11', 'Ghi chú: số liệu ước thực hiện', 'rotated')
    put(ws, 'B11', 'khóa', 'unlocked')
    put(ws, 'C11', 'hoa văn', 'pattern')
    put(ws, 'D11', '=B7&" "&B8')
    ws.row_dimensions[11].outline_level = 1
    ws.row_dimensions[11].height = 20.25
    row12 = ws.row_dimensions[12]
    for key, attr in STYLES['row'].items():
        setattr(row12, key, attr)
    row12.height = 15
    put(ws, 'B14', -5844.299, 'amount')

    # openpyxl writes the width it is given; these are the stored widths of feature_workbook().
    for letter, width in (('A', 6.7109375), ('B', 40.7109375), ('F', 12.7109375)):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions.group('C', 'E', hidden=False, outline_level=0)
    ws.column_dimensions['C'].width = 14.7109375
    for key, attr in STYLES['amount'].items():
        setattr(ws.column_dimensions['C'], key, attr)
    ws.column_dimensions['G'].width = 10.7109375
    ws.column_dimensions['G'].hidden = True
    ws.column_dimensions.group('H', 'I', outline_level=1)
    ws.column_dimensions['H'].width = 9.140625
    ws.freeze_panes = 'C6'

    ws.page_setup.orientation = 'landscape'
    ws.page_setup.paperSize = 9
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = 1.18
    ws.page_margins.right = 0.59
    ws.page_margins.top = 0.79
    ws.page_margins.bottom = 0.79
    ws.page_margins.header = 0.31
    ws.page_margins.footer = 0.32
    ws.print_title_rows = '3:5'
    ws.print_area = 'A1:F14'
    ws.oddHeader.center.text = '&P'
    ws.oddFooter.right.text = 'Trang &P/&N'
    ws.print_options.horizontalCentered = True


def criteria_sheet(ws):
    ws.title = 'Tiêu chí NTM'
    ws.sheet_format.defaultColWidth = 12.7109375
    ws.sheet_format.defaultRowHeight = 24
    ws.sheet_format.customHeight = True
    for ref, text in (('A1', 'TT'), ('B1', 'Tên tiêu chí'), ('C1', 'Kết quả')):
        put(ws, ref, text, 'header')
    put(ws, 'A2', 1)
    put(ws, 'B2', 'Quy hoạch')
    put(ws, 'C2', 'Đạt')
    put(ws, 'A3', 2)
    put(ws, 'B3', 'Giao thông')
    put(ws, 'C3', 'K. Đạt')
    put(ws, 'B4', 'Tổng 1/2')
    ws.row_dimensions[4].height = 33.75
    ws.column_dimensions['B'].width = 30.7109375
    ws.column_dimensions['D'].hidden = True
    ws.freeze_panes = 'A2'
    ws.page_setup.orientation = 'portrait'
    ws.page_setup.scale = 85
    ws.page_setup.paperSize = 9


def hidden_sheet(ws):
    ws.title = 'Ẩn - tham số'
    ws.sheet_state = 'hidden'
    put(ws, 'A1', 'năm')
    put(ws, 'B1', 2026)


def excel_default_margins(ws):
    """openpyxl writes its own default margins; feature_workbook() leaves them unset (Excel's)."""
    ws.page_margins.left = ws.page_margins.right = 0.7
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3


def main():
    wb = Workbook()
    funds_sheet(wb.active)
    criteria_sheet(wb.create_sheet())
    hidden_sheet(wb.create_sheet())
    excel_default_margins(wb.worksheets[1])
    excel_default_margins(wb.worksheets[2])
    # The workbook's default font, like styles[0] of feature_workbook().
    wb._fonts[0] = times(12)
    wb.save(os.path.join(HERE, 'writer_features_openpyxl.xlsx'))


if __name__ == '__main__':
    main()
