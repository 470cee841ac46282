#!/usr/bin/python3
"""Renders docs/plugin_check.png headlessly: a copy of the Mường Kim sample after Kiểm tra (two notes
shown open), its funds sheet printed to PDF on one landscape page, page 1 rasterised by pdftoppm and
cropped to the marked rows. Run by hand after building:

    /usr/bin/python3 tests/plugin/make_screenshot.py --oxt build/phuluc.oxt \\
        --sample samples/appendices/muong_kim_2026.xlsx --out docs/plugin_check.png
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from office_session import OfficeSession, props  # noqa: E402

FUNDS = "PL II - Vốn sự nghiệp"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--sample", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--dpi", type=int, default=110)
    parser.add_argument("--crop", default="340,75,680,750", help="x,y,width,height in pixels at --dpi")
    options = parser.parse_args()
    with OfficeSession(options.oxt) as office:
        copy = os.path.join(office.folder, "muong_kim_2026.xlsx")
        shutil.copyfile(options.sample, copy)
        office.set_ui_locale("vi")
        doc = office.open(copy)
        ok, result = office.dispatch(doc, "vnd.phuluc.calc:Check", Silent=True)
        if not ok:
            sys.exit("Kiểm tra failed: " + result["message"])
        funds = doc.getSheets().getByName(FUNDS)
        for cell_name in ("AD9", "L20"):  # open two notes, as a hover would
            funds.getCellRangeByName(cell_name).getAnnotation().setIsVisible(True)
        fit_on_one_page(doc, funds)
        pdf = os.path.join(office.folder, "check.pdf")
        doc.storeToURL("file://" + pdf, props(
            FilterName="calc_pdf_Export",
            FilterData=uno_any_props(doc, Selection=funds, ExportNotes=False)))
        x, y, width, height = options.crop.split(",")
        subprocess.run(["pdftoppm", "-png", "-r", str(options.dpi), "-f", "1", "-l", "1", "-singlefile",
                        "-x", x, "-y", y, "-W", width, "-H", height, pdf,
                        os.path.join(office.folder, "page")], check=True)
        shutil.copyfile(os.path.join(office.folder, "page.png"), options.out)
    print(options.out, os.path.getsize(options.out), "bytes")


def fit_on_one_page(doc, sheet):
    """Only the label, the marked columns (L, M sums; AD, AE rates) and Ghi chú, rows 1–22, landscape, one
    page wide, so that the picture stays readable; the other columns are hidden in this copy only."""
    columns = sheet.getColumns()
    for index in list(range(2, 11)) + list(range(13, 29)) + list(range(32, 40)):  # C–K, N–AC, AG–AN
        columns.getByIndex(index).IsVisible = False
    sheet.setPrintAreas((sheet.getCellRangeByName("A1:AF22").getRangeAddress(),))
    styles = doc.getStyleFamilies().getByName("PageStyles")
    style = styles.getByName(sheet.PageStyle)
    style.IsLandscape = True
    style.Width, style.Height = 29700, 21000  # A4 landscape, 1/100 mm
    style.ScaleToPagesX, style.ScaleToPagesY = 1, 1
    style.PrintAnnotations = False  # shown notes are drawn in place


def uno_any_props(doc, **values):
    import uno
    return uno.Any("[]com.sun.star.beans.PropertyValue", props(**values))


if __name__ == "__main__":
    main()
