#!/usr/bin/python3
"""Injects one arithmetic error into copies of clean funds workbooks, for measuring `phuluc fix`.

    /usr/bin/python3 bench/fix_inject.py OUTDIR --communes 60 --per-file 4 --seed 11
    /usr/bin/python3 bench/fix_inject.py OUTDIR --clean samples/appendices/muong_kim_2026_corrected.xlsx --per-file 20

Clean inputs are `--clean` files and/or `--communes N` workbooks made by bench/make_communes.py into
OUTDIR/clean (only those it injected nothing into). Each copy OUTDIR/inj_NNNN.xlsx differs from its
clean source in exactly one value cell of the funds table (the first sheet with an "STT" / "TT"
header in column A: the rows under the header, the columns holding numbers), changed the way
officers slip:
  transpose  two adjacent digits swapped         substitute  one digit changed
  insert     one digit added                     delete      one digit dropped
  sign       the sign flipped                    shift       an amount off by 1, 5, 10, 100 or 3-30 %
  rate       a rate changed (±10,5 / +50 / ×2)   zero        a 0 amount given a value (1 to 500)
  blank      an empty amount cell given a value (1 to 500), in a row with figures in that block
Digits are those the cell displays (its number format). OUTDIR/injections.csv lists file, source,
sheet, cell, kind, the right value and the written one. Deterministic for a given --seed.
Uses openpyxl (Debian's /usr/bin/python3).
"""
import argparse
import csv
import os
import random
import re
import subprocess
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ['transpose', 'substitute', 'insert', 'delete', 'sign', 'shift', 'shift']


class Layout:
    """Where a funds table's values are: the header under the "STT" / "TT" cell of column A, the
    data rows below it (to the first empty row or a "Ghi chú" line), its value columns (a number in
    some data row, not under "Ghi chú"), which of them are rates ("Tỷ lệ", "%" in their header) and
    the top header group (block) of each."""

    def __init__(self, ws):
        self.ws = ws
        self.stt_row = next((r for r in range(1, 21) if isinstance(ws.cell(row=r, column=1).value, str)
                             and ws.cell(row=r, column=1).value.strip() in ('STT', 'TT')), None)
        if self.stt_row is None:
            self.rows = []
            return
        merged = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = ws.cell(row=rng.min_row, column=rng.min_col).value
        first = self.stt_row + 1
        while first <= ws.max_row and not any(self.number(first, c) for c in range(3, ws.max_column + 1)):
            first += 1
        self.header = {c: [str(merged.get((r, c), ws.cell(row=r, column=c).value) or '')
                           for r in range(self.stt_row, first)] for c in range(1, ws.max_column + 1)}
        self.rows = []
        for r in range(first, ws.max_row + 1):
            label = ws.cell(row=r, column=1).value
            if isinstance(label, str) and label.strip().lower().startswith('ghi chú'):
                break
            if all(ws.cell(row=r, column=c).value in (None, '') for c in range(1, ws.max_column + 1)):
                break
            self.rows.append(r)
        self.columns = [c for c in range(3, ws.max_column + 1)
                        if 'ghi chú' not in ' '.join(self.header[c]).lower()
                        and any(self.number(r, c) for r in self.rows)]

    def number(self, r, c):
        value = self.ws.cell(row=r, column=c).value
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    def is_rate(self, c):
        text = ' '.join(self.header[c]).lower()
        return 'tỷ lệ' in text or '%' in text

    def block_columns(self, c):
        return [k for k in self.columns if self.header[k][:1] == self.header[c][:1]]


def funds_sheet(wb):
    """The first sheet whose table has value columns."""
    for ws in wb.worksheets:
        layout = Layout(ws)
        if layout.rows and layout.columns:
            return ws, layout
    return None, None


def shown_decimals(cell):
    fmt = cell.number_format or 'General'
    match = re.search(r'\.(0+)', fmt.split(';')[0])
    if match:
        return len(match.group(1))
    if fmt != 'General':
        return 0
    text = repr(float(cell.value))
    return 0 if text.endswith('.0') else len(text.split('.')[1])


def from_digits(digits, decimals, negative):
    digits = digits or '0'
    if decimals:
        digits = digits.rjust(decimals + 1, '0')
        value = float(digits[:-decimals] + '.' + digits[-decimals:])
    else:
        value = float(digits)
    return -value if negative else value


def keystroke(rng, value, decimals, kind):
    digits = f'{abs(value):.{decimals}f}'.replace('.', '').lstrip('0')
    if not digits:
        return None
    i = rng.randrange(len(digits))
    if kind == 'transpose':
        if len(digits) < 2:
            return None
        i = rng.randrange(len(digits) - 1)
        if digits[i] == digits[i + 1]:
            return None
        new = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
    elif kind == 'substitute':
        new = digits[:i] + rng.choice([d for d in '0123456789' if d != digits[i]]) + digits[i + 1:]
    elif kind == 'insert':
        new = digits[:i] + rng.choice('0123456789') + digits[i:]
    else:  # delete
        if len(digits) < 2:
            return None
        new = digits[:i] + digits[i + 1:]
    return from_digits(new, decimals, value < 0)


def corrupt(rng, cell, is_rate):
    """(kind, new value) for one cell, or None when this cell cannot take that error."""
    value = float(cell.value)
    decimals = shown_decimals(cell)
    if value == 0:
        if is_rate:
            return None
        return 'zero', round(rng.uniform(1, 500), decimals)
    if is_rate:
        kind = 'rate'
        new = round(value + rng.choice([10.5, -10.5, 50, value or 100]), decimals)
    else:
        kind = rng.choice(KINDS)
        if kind == 'sign':
            new = -value
        elif kind == 'shift':
            step = rng.choice([1, 5, 10, 100, None])
            new = round(value + (step if step else value * rng.uniform(0.03, 0.3)) * rng.choice([1, -1]), decimals)
        else:
            new = keystroke(rng, value, decimals, kind)
    if new is None or abs(new - value) <= 0.5 * 10 ** -decimals:
        return None
    return kind, new


def clean_sources(args):
    sources = list(args.clean)
    if args.communes:
        clean_dir = os.path.join(args.outdir, 'clean')
        subprocess.run([sys.executable, os.path.join(HERE, 'make_communes.py'), str(args.communes), clean_dir,
                        '--seed', str(args.seed)], check=True)
        with open(os.path.join(clean_dir, 'manifest.csv'), encoding='utf-8') as f:
            for row in csv.DictReader(f):
                if not row['injected_code']:
                    sources.append(os.path.join(clean_dir, row['file']))
    return sources


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('outdir')
    parser.add_argument('--clean', nargs='*', default=[], help='clean workbooks to inject into')
    parser.add_argument('--communes', type=int, default=0, help='also generate this many with make_communes.py')
    parser.add_argument('--per-file', type=int, default=3, help='injected copies per clean workbook')
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args(argv)
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)
    rows = []
    for source in clean_sources(args):
        wb = openpyxl.load_workbook(source)
        ws, layout = funds_sheet(wb)
        if ws is None:
            continue
        numbers = [(r, c) for r in layout.rows for c in layout.columns if layout.number(r, c)]
        # Mostly figures; one error in ten lands on a typed 0, one in twelve on an empty amount.
        nonzero = [rc for rc in numbers if ws.cell(row=rc[0], column=rc[1]).value != 0]
        zeros = [rc for rc in numbers if ws.cell(row=rc[0], column=rc[1]).value == 0]
        blanks = [(r, c) for r in layout.rows for c in layout.columns
                  if ws.cell(row=r, column=c).value is None and not layout.is_rate(c)
                  and any(layout.number(r, k) and ws.cell(row=r, column=k).value for k in layout.block_columns(c))]
        made = 0
        attempts = 0
        while made < args.per_file and nonzero and attempts < 50 * args.per_file:
            attempts += 1
            pick = rng.random()
            if blanks and pick < 0.08:
                r, c = rng.choice(blanks)
                target = ws.cell(row=r, column=c)
                change = ('blank', round(rng.uniform(1, 500), 3))
            else:
                r, c = rng.choice(zeros if zeros and pick < 0.16 else nonzero)
                target = ws.cell(row=r, column=c)
                change = corrupt(rng, target, layout.is_rate(c))
            if change is None:
                continue
            kind, new = change
            copy = openpyxl.load_workbook(source)
            copy[ws.title].cell(row=r, column=c).value = new
            name = f'inj_{len(rows) + 1:04d}.xlsx'
            copy.save(os.path.join(args.outdir, name))
            right = '' if target.value is None else repr(float(target.value))
            rows.append([name, os.path.abspath(source), ws.title, target.coordinate, kind, right, repr(new)])
            made += 1
    with open(os.path.join(args.outdir, 'injections.csv'), 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(['file', 'source', 'sheet', 'cell', 'kind', 'right', 'written'])
        writer.writerows(rows)
    print(f'{len(rows)} injected copies in {args.outdir}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
