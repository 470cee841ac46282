#!/usr/bin/python3
"""Shows that `phuluc fix` changed the printed pages only in the cells it corrected.

    /usr/bin/python3 tests/corrections/fix_render_diff.py BASELINE.xlsx OUTPUT.xlsx PROBE.xlsx [--dpi 72]

BASELINE is the input written back by our XLSX writer without any correction, OUTPUT the --no-mark
output of `phuluc fix` (same writer, with the corrections), PROBE the baseline with every corrected
cell filled solid black (also our writer). Comparing OUTPUT with BASELINE isolates what the
corrections change: how faithfully the writer reproduces the input is tests/writers' business
(render_diff.py there), and LibreOffice already prints the original's repeated header rows
differently from our copy.

The three workbooks are printed by LibreOffice (PDF) and rasterised by pdftoppm, with the helpers
of tests/writers/render_diff.py. The pixels where PROBE differs from BASELINE, widened by --margin
pixels, are the boxes of the corrected cells as printed (the mask). Then
  changed outside corrected cells: pixels where OUTPUT differs from BASELINE outside the mask
  changed inside corrected cells:  the same inside it
A pixel differs as in render_diff.py: no pixel of the other page within one pixel has a grey
within --threshold, so anti-aliasing of the same drawing is not a change.
Exit status 0 when the page counts agree and nothing changed outside the mask; 1 otherwise;
2 when a conversion fails.
"""
import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location('render_diff', os.path.join(HERE, '..', 'writers', 'render_diff.py'))
render_diff = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(render_diff)


def pages_of(path, work, name, dpi):
    out_dir = os.path.join(work, name)
    os.makedirs(out_dir)
    copy = os.path.join(out_dir, 'workbook.xlsx')  # same name: same title in any page header
    shutil.copyfile(path, copy)
    pdf = render_diff.convert_to_pdf(copy, out_dir, os.path.join(work, 'profile_' + name))
    pages_dir = os.path.join(out_dir, 'pages')
    os.makedirs(pages_dir)
    return [render_diff.read_pgm(page) for page in render_diff.render_pages(pdf, pages_dir, dpi)]


def changed_pixels(a, b, threshold):
    """Indices of the pixels that differ between pages a and b (no similar grey within one pixel)."""
    width, height, pa = a
    _, _, pb = b

    def unmatched(index, source, other):
        value = source[index]
        y, x = divmod(index, width)
        for ny in range(max(0, y - 1), min(height, y + 2)):
            row = ny * width
            for nx in range(max(0, x - 1), min(width, x + 2)):
                if abs(other[row + nx] - value) <= threshold:
                    return False
        return True

    return {i for i in range(width * height)
            if abs(pa[i] - pb[i]) > threshold and (unmatched(i, pa, pb) or unmatched(i, pb, pa))}


def widen(pixels, width, height, margin):
    out = set()
    for index in pixels:
        y, x = divmod(index, width)
        for ny in range(max(0, y - margin), min(height, y + margin + 1)):
            for nx in range(max(0, x - margin), min(width, x + margin + 1)):
                out.add(ny * width + nx)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('baseline')
    parser.add_argument('output')
    parser.add_argument('probe')
    parser.add_argument('--dpi', type=int, default=72)
    parser.add_argument('--threshold', type=int, default=64)
    parser.add_argument('--margin', type=int, default=2)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix='fix_render_')
    try:
        pages = {name: pages_of(path, work, name, args.dpi)
                 for name, path in (('baseline', args.baseline), ('output', args.output), ('probe', args.probe))}
    except (subprocess.CalledProcessError, RuntimeError) as error:
        print(f'conversion failed: {error}', file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return 2
    shutil.rmtree(work, ignore_errors=True)

    counts = {name: len(value) for name, value in pages.items()}
    ok = counts['baseline'] == counts['output'] == counts['probe']
    outside = inside = masked = 0
    for number, (base, out, probe) in enumerate(zip(pages['baseline'], pages['output'], pages['probe']), start=1):
        width, height, _ = base
        if out[:2] != (width, height) or probe[:2] != (width, height):
            ok = False
            print(f'page {number}: sizes differ')
            continue
        mask = widen(changed_pixels(base, probe, args.threshold), width, height, args.margin)
        changes = changed_pixels(base, out, args.threshold)
        page_outside = len(changes - mask)
        print(f'page {number}: {page_outside} changed outside corrected cells, {len(changes & mask)} inside '
              f'(mask {len(mask)} of {width * height})')
        outside += page_outside
        inside += len(changes & mask)
        masked += len(mask)
    print(f'pages {counts["baseline"]} / {counts["output"]} / {counts["probe"]}')
    print(f'changed outside corrected cells: {outside}')
    print(f'changed inside corrected cells: {inside}')
    print(f'mask pixels: {masked}')
    return 0 if ok and outside == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
