#!/bin/bash
# Builds the .xls and .csv quirk fixtures in samples/quirks/xls and samples/quirks/csv.
#
# Producers, so the readers meet files they did not write themselves:
#   openpyxl (Debian's /usr/bin/python3) writes the source workbooks;
#   LibreOffice headless turns them into Excel 97-2003 (.xls, BIFF8) and CSV;
#   gnumeric's ssconvert writes a second BIFF8 flavour and Excel 95 (BIFF5);
#   printf/iconv write the CSV byte-level quirks (BOM, CRLF, other encodings, NUL).
# Run from anywhere:  bash samples/quirks/make_xls_csv_quirks.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
xls_dir="$here/xls"
csv_dir="$here/csv"
mkdir -p "$xls_dir" "$csv_dir"
work="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$work" "$profile"' EXIT

# One LibreOffice profile per run, so concurrent runs do not collide.
soffice_convert() {  # filter, input, output dir
  soffice --headless "-env:UserInstallation=file://$profile" --convert-to "$1" --outdir "$3" "$2" >/dev/null 2>&1
}

/usr/bin/python3 - "$work" <<'PY'
import datetime
import sys

import openpyxl
from openpyxl.chart import BarChart, Reference

out = sys.argv[1]

# formulas_and_dates: what FreeXL alone gets wrong or leaves out.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Biểu 01"
ws.append(["STT", "Nội dung", "Kế hoạch", "Giải ngân", "Tỷ lệ (%)", "Ngày báo cáo"])
ws.append([1, "Dự án 1: Hỗ trợ đất ở, nhà ở", 82.262, 38.996, "=ROUND(D2/C2*100,2)", datetime.date(2026, 6, 15)])
ws.append([2, "Dự án 3: Phát triển sản xuất nông, lâm nghiệp", 255, 255, "=ROUND(D3/C3*100,2)", datetime.datetime(2026, 6, 15, 13, 30, 5)])
ws.append([3, "Tiểu dự án 2 (kế hoạch 0)", 0, 0, "=D4/C4", datetime.time(7, 45, 0)])
ws.append(["", "TỔNG CỘNG", "=SUM(C2:C4)", "=SUM(D2:D4)", "=ROUND(D5/C5*100,2)", None])
ws.append(["", "Ghi chú", '="Tổng: "&TEXT(C5,"0.000")', "=C5>D5", True, None])
ws["F2"].number_format = "dd/mm/yyyy"
ws["F3"].number_format = "dd/mm/yyyy hh:mm:ss"
ws["F4"].number_format = "hh:mm:ss"
ws.merge_cells("A8:C8")
ws["A8"] = "Ô gộp A8:C8"
chart = BarChart()
chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=4), titles_from_data=True)
ws.add_chart(chart, "H2")  # an embedded chart: a BOF…EOF substream inside the sheet's
hidden = wb.create_sheet("Ẩn")
hidden.sheet_state = "hidden"
hidden["B2"] = 42
second = wb.create_sheet("Biểu 02")
second["A1"] = "Xã Mường Kim"
second["C3"] = -1234.5
wb.save(f"{out}/formulas_and_dates.xlsx")

# huge_date_serial: a date-formatted 2,000,000,000, which FreeXL would walk to day by day.
wb = openpyxl.Workbook()
ws = wb.active
ws["A1"] = 2_000_000_000
ws["A1"].number_format = "dd/mm/yyyy"
wb.save(f"{out}/huge_date_serial.xlsx")

# csv_source: text a CSV export must carry through quoting.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "CSV"
ws.append(["STT", "Nội dung", "Kế hoạch", "Ghi chú"])
ws.append([1, "Dự án 1; hỗ trợ \"nhà ở\", đất ở", "82,262", "dòng 1\ndòng 2"])
ws.append([2, "Tiểu dự án 2", "5.844,299", None])
ws.append([None, "TỔNG CỘNG", "5.926,561", "hết"])
wb.save(f"{out}/csv_source.xlsx")
PY

# ---- .xls ------------------------------------------------------------------------------------
soffice_convert 'xls:MS Excel 97' "$work/formulas_and_dates.xlsx" "$work"
cp "$work/formulas_and_dates.xls" "$xls_dir/formulas_and_dates.xls"
soffice_convert 'xls:MS Excel 97' "$work/huge_date_serial.xlsx" "$work"
cp "$work/huge_date_serial.xls" "$xls_dir/huge_date_serial.xls"
# LibreOffice no longer writes Excel 95; gnumeric does.
ssconvert --export-type=Gnumeric_Excel:excel_biff7 "$work/formulas_and_dates.xlsx" "$xls_dir/biff5_excel95.xls" 2>/dev/null
ssconvert --export-type=Gnumeric_Excel:excel_biff8 "$work/formulas_and_dates.xlsx" "$xls_dir/gnumeric_biff8.xls" 2>/dev/null
# ---- .csv ------------------------------------------------------------------------------------
# LibreOffice CSV exports: token 1 is the field separator (as a character code), 2 the quote,
# 3 the character set (76 = UTF-8).
soffice_convert 'csv:Text - txt - csv (StarCalc):59,34,76,1' "$work/csv_source.xlsx" "$work/semi"
cp "$work/semi/csv_source.csv" "$csv_dir/libreoffice_semicolon.csv"
soffice_convert 'csv:Text - txt - csv (StarCalc):44,34,76,1' "$work/csv_source.xlsx" "$work/comma"
cp "$work/comma/csv_source.csv" "$csv_dir/libreoffice_comma.csv"
soffice_convert 'csv:Text - txt - csv (StarCalc):9,34,76,1' "$work/csv_source.xlsx" "$work/tab"
cp "$work/tab/csv_source.csv" "$csv_dir/libreoffice_tab.csv"

# Excel's "CSV UTF-8" on a Vietnamese Windows: BOM, CRLF, ';' with decimal commas.
printf '\xef\xbb\xbfSTT;N\xe1\xbb\x99i dung;K\xe1\xba\xbf ho\xe1\xba\xa1ch\r\n1;D\xe1\xbb\xb1 \xc3\xa1n 1;82,262\r\n2;"D\xe1\xbb\xb1 \xc3\xa1n 2; b\xe1\xbb\x95 sung";38,996\r\n;T\xe1\xbb\x94NG C\xe1\xbb\x98NG;121,258\r\n' \
  > "$csv_dir/excel_bom_crlf_semicolon.csv"
# RFC 4180 quoting: "" escapes, delimiters and line breaks inside quotes, an empty line, no final newline.
printf 'a,"b, c","say ""hi"""\n"line 1\nline 2",,x\n\n"",last,"end"' > "$csv_dir/rfc4180_quoting.csv"
# Not UTF-8: the same text in Windows-1258 (the Vietnamese code page).
printf 'STT,N\xe1\xbb\x99i dung\n1,D\xe1\xbb\xb1 \xc3\xa1n 1\n' | iconv -f UTF-8 -t CP1258 > "$csv_dir/windows1258_not_utf8.csv"
# A NUL byte inside otherwise clean text.
printf 'a,b\n1,\0002\n' > "$csv_dir/nul_byte.csv"

ls -l "$xls_dir" "$csv_dir"
