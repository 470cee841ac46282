#!/usr/bin/python3
"""Renders two spreadsheets the way they print and compares the pages pixel by pixel.

    /usr/bin/python3 tests/writers/render_diff.py ORIGINAL.xlsx WRITTEN.xlsx [--dpi 60] [--tolerance 0.001]

Each file goes through LibreOffice (PDF, every sheet, its own print setup) and pdftoppm (grey
PGM pages at --dpi). Pages are compared in order; a pixel differs when no pixel of the other page
within --shift pixels has a grey within --threshold of it (so a sub-pixel move is not a change). Prints one line per page: "page N: D of T pixels differ (F)" and a last line
"pages A vs B". Exit status: 0 when the page counts match and every page's fraction of differing
pixels is at most --tolerance, 1 otherwise, 2 when a conversion fails.

Known differences that are the source file's, not the writer's: LibreOffice ignores print titles
written without '$' ("'Sheet'!5:6", as openpyxl and LibreOffice itself write them) while our copy
writes "$5:$6" and so repeats the header rows on every page, as the author meant; and a file
without a Normal cell style (gnumeric) renders with LibreOffice's default font where our copy names
one.

Only the standard library: no PIL here. The binary PGM (P5) pages pdftoppm writes are read directly.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def convert_to_pdf(path, out_dir, profile):
    subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to', 'pdf',
                    '--outdir', out_dir, path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdf = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + '.pdf')
    if not os.path.exists(pdf):
        raise RuntimeError(f'LibreOffice made no PDF of {path}')
    return pdf


def render_pages(pdf, out_dir, dpi):
    prefix = os.path.join(out_dir, 'page')
    subprocess.run(['pdftoppm', '-gray', '-r', str(dpi), pdf, prefix], check=True)
    return sorted(os.path.join(out_dir, name) for name in os.listdir(out_dir) if name.endswith('.pgm'))


def read_pgm(path):
    """Width, height and the grey bytes of a binary PGM (P5) with maxval < 256."""
    with open(path, 'rb') as f:
        data = f.read()
    fields = []
    at = 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b'#':
            at = data.index(b'\n', at) + 1
            continue
        start = at
        while not data[at:at + 1].isspace():
            at += 1
        fields.append(data[start:at])
    if fields[0] != b'P5' or int(fields[3]) > 255:
        raise RuntimeError(f'{path}: not an 8-bit binary PGM')
    width, height = int(fields[1]), int(fields[2])
    pixels = data[at + 1:at + 1 + width * height]
    return width, height, pixels


def differing_pixels(a, b, threshold, shift):
    """Pixels of either page with no pixel of the other page within `shift` pixels whose grey is
    within `threshold`: a sub-pixel move of the same drawing does not count, a missing line,
    fill or word does. Pages of different sizes differ everywhere."""
    wa, ha, pa = a
    wb, hb, pb = b
    if (wa, ha) != (wb, hb):
        return max(wa * ha, wb * hb), max(wa * ha, wb * hb)
    width, height = wa, ha

    def unmatched(index, source, other):
        value = source[index]
        y, x = divmod(index, width)
        for ny in range(max(0, y - shift), min(height, y + shift + 1)):
            row = ny * width
            for nx in range(max(0, x - shift), min(width, x + shift + 1)):
                if abs(other[row + nx] - value) <= threshold:
                    return False
        return True

    count = 0
    for index in range(width * height):
        if abs(pa[index] - pb[index]) <= threshold:
            continue
        if unmatched(index, pa, pb) or unmatched(index, pb, pa):
            count += 1
    return count, width * height


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('original')
    parser.add_argument('written')
    parser.add_argument('--dpi', type=int, default=60)
    parser.add_argument('--threshold', type=int, default=64, help='grey difference that counts (0-255)')
    parser.add_argument('--shift', type=int, default=1, help='pixels a drawing may move and still match')
    parser.add_argument('--tolerance', type=float, default=0.001, help='largest fraction of differing pixels')
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix='render_diff_')
    try:
        pages = []
        for index, path in enumerate((args.original, args.written)):
            out_dir = os.path.join(work, str(index))
            os.makedirs(out_dir)
            # A copy with a fixed name: both PDFs then carry the same title in any header.
            copy = os.path.join(out_dir, 'workbook' + os.path.splitext(path)[1])
            shutil.copyfile(path, copy)
            pdf = convert_to_pdf(copy, out_dir, os.path.join(work, f'profile{index}'))
            pages_dir = os.path.join(out_dir, 'pages')
            os.makedirs(pages_dir)
            pages.append(render_pages(pdf, pages_dir, args.dpi))
    except (subprocess.CalledProcessError, RuntimeError) as error:
        print(f'conversion failed: {error}', file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return 2

    ok = len(pages[0]) == len(pages[1])
    for number, (a, b) in enumerate(zip(pages[0], pages[1]), start=1):
        count, total = differing_pixels(read_pgm(a), read_pgm(b), args.threshold, args.shift)
        fraction = count / total if total else 0.0
        print(f'page {number}: {count} of {total} pixels differ ({fraction:.5f})')
        ok = ok and fraction <= args.tolerance
    print(f'pages {len(pages[0])} vs {len(pages[1])}')
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
