"""Fixtures for the table finder tests that the sample appendices do not cover, written by openpyxl
(so formulas carry no cached value). Run with the Debian python, which has openpyxl:

    /usr/bin/python3 tests/table/data/make_table_fixtures.py

two_tables_one_sheet.xlsx, sheet "Biểu tổng hợp":
  rows 1-3   "PHỤ LỤC I", the documents title, "(Kèm theo ...)"
  row 4      documents header TT | Loại văn bản | Số, ngày, tháng ban hành | Trích yếu | Ghi chú
  rows 5-7   three documents
  rows 9-11  "PHỤ LỤC II", the funds title, "ĐVT: Nghìn đồng"
  rows 12-13 funds header: STT, Nội dung, Kế hoạch vốn (Tổng số, NSTW, NSĐP), Giải ngân (same),
             Tỷ lệ giải ngân (%), Ghi chú
  row 14     column numbers 1 2 3=4+5 ...
  row 15     TỔNG CỘNG: SUM formulas without cached values, a rate formula
  rows 16-19 A, I, "-" (plan typed "38.996" in Tổng số and NSTW: two readings, nothing decides),
             "+" (row hidden)
  row 20     "Ghi chú: ..." notes line, merged across: not data
  rows 22-26 date line, TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH, the signer
"""
import os

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))


def two_tables_one_sheet():
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu tổng hợp"
    bold = Font(name="Times New Roman", bold=True)

    ws["A1"] = "PHỤ LỤC I"
    ws["A2"] = "CÁC VĂN BẢN ĐÃ BAN HÀNH THỰC HIỆN CÁC CHƯƠNG TRÌNH MTQG"
    ws.merge_cells("A2:E2")
    ws["A3"] = "(Kèm theo Báo cáo số 12/BC-UBND ngày 5 tháng 7 năm 2026 của UBND xã Tà Tổng)"
    ws.merge_cells("A3:E3")
    for col, text in zip("ABCDE", ["TT", "Loại văn bản", "Số, ngày, tháng ban hành", "Trích yếu", "Ghi chú"]):
        ws[col + "4"] = text
        ws[col + "4"].font = bold
    docs = [
        (1, "Quyết định", "101/QĐ-UBND ngày 10/01/2026", "Giao kế hoạch vốn các Chương trình MTQG năm 2026"),
        (2, "Kế hoạch", "Số 25/KH-UBND ngày 20/02/2026", "Thực hiện Chương trình MTQG giảm nghèo bền vững năm 2026"),
        (3, "Công văn", "Số 310/UBND-KT ngày 15/4/2026", "V/v đẩy nhanh tiến độ giải ngân vốn sự nghiệp"),
    ]
    for i, doc in enumerate(docs):
        for col, value in zip("ABCD", doc):
            ws[f"{col}{5 + i}"] = value

    ws["A9"] = "PHỤ LỤC II"
    ws["A10"] = "TỔNG HỢP KẾT QUẢ GIẢI NGÂN VỐN SỰ NGHIỆP NĂM 2026"
    ws.merge_cells("A10:J10")
    ws["H11"] = "ĐVT: Nghìn đồng"
    ws.merge_cells("H11:J11")
    ws["A12"], ws["B12"] = "STT", "Nội dung"
    ws.merge_cells("A12:A13")
    ws.merge_cells("B12:B13")
    ws["C12"] = "Kế hoạch vốn"
    ws.merge_cells("C12:E12")
    ws["F12"] = "Giải ngân"
    ws.merge_cells("F12:H12")
    ws["I12"] = "Tỷ lệ giải ngân (%)"
    ws.merge_cells("I12:I13")
    ws["J12"] = "Ghi chú"
    ws.merge_cells("J12:J13")
    for col, text in zip("CDEFGH", ["Tổng số", "NSTW", "NSĐP"] * 2):
        ws[col + "13"] = text
    for row in (12, 13):
        for col in "ABCDEFGHIJ":
            ws[f"{col}{row}"].font = bold
    for col, text in zip("ABCDEFGHIJ", ["1", "2", "3=4+5", "4", "5", "6=7+8", "7", "8", "9=6/3", "10"]):
        ws[col + "14"] = text

    ws["A15"] = "TỔNG CỘNG"
    ws.merge_cells("A15:B15")
    ws["A15"].font = bold
    for col in "CDEFGH":
        ws[f"{col}15"] = f"=SUM({col}16)"
    ws["I15"] = '=IF(C15=0,"",F15/C15*100)'
    ws["A16"], ws["B16"] = "A", "Chương trình MTQG giảm nghèo bền vững"
    for col, value in zip("CDEFGHI", [1500, 1200, 300, 750, 600, 150, 50]):
        ws[f"{col}16"] = value
    ws["A17"], ws["B17"] = "I", "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội"
    for col, value in zip("CDEFGHI", [1500, 1200, 300, 750, 600, 150, 50]):
        ws[f"{col}17"] = value
    ws["A18"], ws["B18"] = "-", "Hỗ trợ sửa chữa đường giao thông nội bản"
    ws["C18"], ws["D18"], ws["E18"], ws["F18"] = "38.996", "38.996", 0, 0
    ws["A19"], ws["B19"] = "+", "Đoạn bản Nà Ca"
    ws["C19"], ws["D19"], ws["E19"] = 10, 10, 0
    ws.row_dimensions[19].hidden = True
    ws["A20"] = "Ghi chú: Số liệu giải ngân tính đến ngày 30/6/2026."
    ws.merge_cells("A20:J20")

    ws["G22"] = "Tà Tổng, ngày 5 tháng 7 năm 2026"
    ws["G23"] = "TM. ỦY BAN NHÂN DÂN"
    ws["G24"] = "CHỦ TỊCH"
    ws["G27"] = "Lò Văn Tâm"
    wb.save(os.path.join(HERE, "two_tables_one_sheet.xlsx"))


if __name__ == "__main__":
    two_tables_one_sheet()
    print("made two_tables_one_sheet.xlsx")
