#!/usr/bin/python3
"""An independent checker of the funds tables in the sample appendices (openpyxl + csv only).

It shares no code with the C++ toolkit nor with make_appendices.py: it finds the header, builds the
column paths from the merged cells, derives the row hierarchy from STT, recomputes the arithmetic
from the cells, and prints one finding per line. expected_findings.csv is its output:

    /usr/bin/python3 verify_expected.py --csv > expected_findings.csv    # regenerate
    /usr/bin/python3 verify_expected.py --check                          # compare with the file
    /usr/bin/python3 verify_expected.py --long FILE...                   # with STT and column path
    /usr/bin/python3 verify_expected.py --notices FILE...                # also the text-number notices

Conventions (README.md, "Checker conventions"): blank, '-' and 0 are zero; a parent whose children
are all empty in a column is not judged there; a judgement with a not-a-number operand is skipped;
numbers are compared at the decimals the found cell displays; the cell judged wrong is the parent
(sum), the Tổng số cell (split) or the rate cell (rate).
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = ['muong_kim_2026.xlsx', 'muong_kim_2026_corrected.xlsx', 'muong_kim_2026_text_numbers.xlsx',
           'muong_kim_2026_formulas.xlsx', 'muong_kim_2026.xls', 'lung_phinh_2025_von_su_nghiep.xlsx',
           'lung_phinh_2025_dau_tu.csv', 'muong_khoa_2025_nguon_luc_ntm.xlsx']
TEXT_HEADINGS = ('stt', 'tt', 'nội dung', 'danh mục', 'tên', 'địa điểm', 'chủ đầu tư', 'ghi chú')
AMOUNT_WORDS = ('kế hoạch', 'giải ngân', 'tổng số', 'tổng nguồn', 'ngân sách', 'vốn')
ROMAN = {'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'}
VN_NUMBER = re.compile(r'^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?$')


# ---------------------------------------------------------------------------------------------
# Reading: every sheet becomes {(row, col): (value, number_format)} (1-based) plus merged ranges.
# ---------------------------------------------------------------------------------------------

class Grid:
    def __init__(self, name):
        self.name = name
        self.cells = {}
        self.merged = []      # (min_row, min_col, max_row, max_col), 1-based inclusive
        self.max_row = 0
        self.max_col = 0

    def get(self, row, col):
        return self.cells.get((row, col), (None, 'General'))

    def anchor(self, row, col):
        """The top-left cell of the merged range holding (row, col), or (row, col)."""
        for r0, c0, r1, c1 in self.merged:
            if r0 <= row <= r1 and c0 <= col <= c1:
                return r0, c0
        return row, col


def read_xlsx(path):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')   # gnumeric files have no default style; harmless
        wb = openpyxl.load_workbook(path, data_only=True)
    grids = []
    for ws in wb.worksheets:
        grid = Grid(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and cell.value != '':
                    grid.cells[(cell.row, cell.column)] = (cell.value, cell.number_format or 'General')
                    grid.max_row = max(grid.max_row, cell.row)
                    grid.max_col = max(grid.max_col, cell.column)
        grid.merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        grids.append(grid)
    return grids


def read_xls(path):
    """openpyxl cannot read BIFF; LibreOffice turns a copy into xlsx first."""
    work = tempfile.mkdtemp(prefix='verify_xls_')
    try:
        subprocess.run(['soffice', f'-env:UserInstallation=file://{work}/profile', '--headless',
                        '--convert-to', 'xlsx', '--outdir', work, path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        return read_xlsx(os.path.join(work, os.path.splitext(os.path.basename(path))[0] + '.xlsx'))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        text = f.read()
    delimiter = max(';,\t', key=lambda d: text.split('\n', 10)[-2].count(d) if '\n' in text else 0)
    grid = Grid(os.path.splitext(os.path.basename(path))[0])
    for r, fields in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), 1):
        for c, field in enumerate(fields, 1):
            if field.strip():
                grid.cells[(r, c)] = (field, '@')
                grid.max_row = max(grid.max_row, r)
                grid.max_col = max(grid.max_col, c)
    return [grid]


def read_any(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == '.xls':
        return read_xls(path)
    if ext == '.csv':
        return read_csv(path)
    return read_xlsx(path)


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------

class Num:
    """A cell read as a number: kind is 'blank', 'zero-dash', 'number' or 'nan'."""

    def __init__(self, kind, value=Decimal(0), decimals=None, text=None, is_text=False):
        self.kind, self.value, self.decimals, self.text, self.is_text = kind, value, decimals, text, is_text

    @property
    def usable(self):
        return self.kind != 'nan'


def format_decimals(fmt):
    """Digits after the decimal point of an Excel number format; None for General."""
    if not fmt or fmt.lower() == 'general':
        return None
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', '', fmt.split(';')[0])
    m = re.search(r'\.([0#?]+)', section)
    return len(m.group(1)) if m else 0


def read_number(value, fmt):
    if value is None or (isinstance(value, str) and not value.strip()):
        return Num('blank')
    if isinstance(value, bool):
        return Num('nan', text=str(value))
    if isinstance(value, (int, float)):
        return Num('number', Decimal(repr(value)) if isinstance(value, float) else Decimal(value),
                   format_decimals(fmt))
    text = str(value).strip()
    if text in ('-', '–'):
        return Num('zero-dash', Decimal(0), 0, text, True)
    if VN_NUMBER.match(text):
        core = text.rstrip('%')
        decimals = len(core.split(',')[1]) if ',' in core else 0
        return Num('number', Decimal(core.replace('.', '').replace(',', '.')), decimals, text, True)
    return Num('nan', text=text)


def shown(value, decimals):
    q = Decimal(1).scaleb(-decimals)
    return value.quantize(q, rounding=ROUND_HALF_UP)


def plain(value):
    """1.500 -> '1.5', 200.00 -> '200'."""
    text = format(value.normalize(), 'f')
    return text


# ---------------------------------------------------------------------------------------------
# Table structure
# ---------------------------------------------------------------------------------------------

def norm(text):
    return re.sub(r'\s+', ' ', str(text or '')).strip()


def is_text_heading(label):
    low = label.lower()
    return any(low == h or low.startswith(h + ' ') or low.startswith(h + ',') for h in TEXT_HEADINGS)


def find_tables(grid):
    """Yields (header_first_row, header_last_row, first_data_row, last_col) for each funds table."""
    for row in range(1, grid.max_row + 1):
        first = norm(grid.get(row, 1)[0]).upper()
        if first not in ('STT', 'TT'):
            continue
        # Header depth: the STT cell's vertical merge, else following rows with an empty column A
        # and text only.
        last = row
        for r0, c0, r1, c1 in grid.merged:
            if (r0, c0) == (row, 1):
                last = r1
        if last == row:
            r = row + 1
            while r <= grid.max_row and grid.get(r, 1)[0] is None and any(
                    isinstance(grid.get(r, c)[0], str) and not VN_NUMBER.match(norm(grid.get(r, c)[0]))
                    for c in range(2, grid.max_col + 1)):
                last = r
                r += 1
        labels = ' '.join(norm(grid.get(r, c)[0]).lower() for r in range(row, last + 1)
                          for c in range(1, grid.max_col + 1))
        if not any(w in labels for w in AMOUNT_WORDS):
            continue
        data = last + 1
        if norm(grid.get(data, 2)[0]) in ('2', '(2)'):
            data += 1           # the column-numbering row "1 2 3 4=5+6 ..."
        yield row, last, data


class HeaderLabel(str):
    """A header label that also remembers the header cell it came from, so that two groups with
    the same words ("Tỷ lệ giải ngân" twice in a block) stay two different nodes."""

    def __new__(cls, text, origin):
        obj = super().__new__(cls, text)
        obj.text, obj.origin = text, origin
        return obj

    def __eq__(self, other):
        return str.__eq__(self, other) and getattr(self, 'origin', None) == getattr(other, 'origin', None)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.text, self.origin))


def column_paths(grid, top, bottom):
    """{col: tuple of header labels top-down} from merged cells (or, in CSV, filled to the right)."""
    paths = {}
    filled = {}     # (row, col) -> HeaderLabel or None
    for r in range(top, bottom + 1):
        for c in range(1, grid.max_col + 1):
            ar, ac = grid.anchor(r, c)
            text = norm(grid.get(ar, ac)[0])
            label = HeaderLabel(text, (ar, ac)) if text else None
            if not label and not grid.merged and r < bottom and c > 1:
                # CSV: a group label spans to the right while the row below has labels.
                left = filled.get((r, c - 1))
                if left and norm(grid.get(r + 1, c)[0]) and norm(grid.get(r + 1, c - 1)[0]):
                    label = left
            filled[(r, c)] = label
    for c in range(1, grid.max_col + 1):
        path = []
        for r in range(top, bottom + 1):
            label = filled[(r, c)]
            if label and (not path or path[-1] != label):   # a vertical merge counts once
                path.append(label)
        if path:
            paths[c] = tuple(path)
    return paths


def stt_level(stt, label):
    s = norm(stt)
    if s.upper().startswith('TỔNG') or (not s and norm(label).upper().startswith('TỔNG CỘNG')):
        return 0
    if s in ROMAN:
        return 2
    if len(s) == 1 and s.isalpha():
        return 1
    if '.' in s and s.split('.')[0] in ROMAN:
        return 3
    if s in ('-', '+', '*', '–'):
        return 5
    return 4


class Table:
    def __init__(self, grid, header_top, header_bottom, data_first):
        self.grid = grid
        self.paths = column_paths(grid, header_top, header_bottom)
        self.last_col = max(self.paths)
        self.stt_col = 1
        self.label_col = next(c for c, p in sorted(self.paths.items()) if c > 1 and is_text_heading(p[0]))
        self.numeric = [c for c, p in sorted(self.paths.items())
                        if not any(is_text_heading(x) for x in p[:1])]
        self.rows = []
        r = data_first
        while r <= grid.max_row and any(grid.get(r, c)[0] not in (None, '')
                                        for c in range(1, self.last_col + 1)):
            self.rows.append(r)
            r += 1
        stts = [self.stt(r) for r in self.rows]
        levels = [stt_level(s, self.label(r)) for s, r in zip(stts, self.rows)]
        self.levels = dict(zip(self.rows, levels))
        self.children = {r: [] for r in self.rows}
        stack = []
        for r in self.rows:
            while stack and self.levels[stack[-1]] >= self.levels[r]:
                stack.pop()
            if stack:
                self.children[stack[-1]].append(r)
            stack.append(r)

    def stt(self, row):
        value = self.grid.get(row, self.stt_col)[0]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return norm(value)

    def label(self, row):
        return norm(self.grid.get(row, self.label_col)[0])

    def num(self, row, col):
        return read_number(*self.grid.get(row, col))

    def is_rate(self, col):
        return any(p.lower().startswith('tỷ lệ') for p in self.paths[col])

    def cols_under(self, prefix):
        return [c for c in self.numeric if self.paths[c][:len(prefix)] == prefix]

    def node_total(self, prefix):
        """The column holding a header node's total: the node itself or its 'Tổng ...' leaf."""
        cols = self.cols_under(prefix)
        if len(cols) == 1 and self.paths[cols[0]] == prefix:
            return cols[0]
        for c in cols:
            if len(self.paths[c]) == len(prefix) + 1 and self.paths[c][-1].lower().startswith('tổng'):
                return c
        return None

    def child_nodes(self, prefix):
        """Direct child header nodes of `prefix` among the numeric columns, in column order."""
        nodes = []
        for c in self.numeric:
            p = self.paths[c]
            if p[:len(prefix)] == prefix and len(p) > len(prefix):
                node = p[:len(prefix) + 1]
                if node not in nodes:
                    nodes.append(node)
        return nodes


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

def display_decimals(num, is_rate):
    if num.decimals is not None:
        return num.decimals
    return 2 if is_rate else 3


def check_table(file_name, table):
    findings = []
    grid = table.grid

    def add(row, col, code, found, expected, severity='error'):
        findings.append({'file': file_name, 'sheet': grid.name, 'row': row, 'col': col,
                         'cell': f'{get_column_letter(col)}{row}', 'code': code, 'found': found,
                         'expected': expected, 'stt': table.stt(row), 'label': table.label(row),
                         'path': ' › '.join(table.paths[col]), 'severity': severity})

    def compare(row, col, found, expected_value, is_rate, code):
        d = display_decimals(found, is_rate)
        if shown(found.value, d) != shown(expected_value, d):
            found_text = '' if found.kind == 'blank' else plain(shown(found.value, d))
            add(row, col, code, found_text, plain(shown(expected_value, d)))

    amount_cols = [c for c in table.numeric if not table.is_rate(c)]
    # Cell-level: not-a-number, negative amounts, text numbers (notices; not for CSV, all text).
    for r in table.rows:
        for c in table.numeric:
            n = table.num(r, c)
            if n.kind == 'nan':
                add(r, c, 'not-a-number', n.text, '')
            elif n.kind == 'number' and n.value < 0 and c in amount_cols:
                add(r, c, 'negative-amount', plain(n.value), '', 'warning')
            if n.kind == 'number' and n.is_text and not file_name.lower().endswith('.csv'):
                add(r, c, 'text-number', n.text, plain(n.value), 'notice')
    # Sums: a parent equals the sum of its children, column by column.
    for r in table.rows:
        kids = table.children[r]
        if not kids:
            continue
        for c in amount_cols:
            values = [table.num(k, c) for k in kids]
            found = table.num(r, c)
            if all(v.kind == 'blank' for v in values) or not all(v.usable for v in values) or not found.usable:
                continue
            code = 'total-mismatch' if table.levels[r] == 0 else 'sum-mismatch'
            compare(r, c, found, sum((v.value for v in values), Decimal(0)), False, code)
    # Splits: a 'Tổng ...' leaf equals the totals of its sibling nodes.
    prefixes = {()} | {p[:k] for c in amount_cols for p in [table.paths[c]] for k in range(1, len(p))}
    for prefix in sorted(prefixes, key=len):
        nodes = [n for n in table.child_nodes(prefix)
                 if not any(x.lower().startswith('tỷ lệ') for x in n)]
        total_nodes = [n for n in nodes if n[-1].lower().startswith('tổng') and table.cols_under(n) == [
            c for c in table.numeric if table.paths[c] == n]]
        if len(total_nodes) != 1 or len(nodes) < 3:
            continue
        total_col = table.cols_under(total_nodes[0])[0]
        part_cols = [table.node_total(n) for n in nodes if n != total_nodes[0]]
        if None in part_cols:
            continue
        for r in table.rows:
            parts = [table.num(r, c) for c in part_cols]
            found = table.num(r, total_col)
            if all(p.kind == 'blank' for p in parts) or not all(p.usable for p in parts) or not found.usable:
                continue
            compare(r, total_col, found, sum((p.value for p in parts), Decimal(0)), False, 'split-mismatch')
    # Rates: disbursed / plan x 100, same block and split.
    for c in table.numeric:
        path = table.paths[c]
        k = next((i for i, p in enumerate(path) if p.lower().startswith('tỷ lệ')), None)
        if k is None:
            continue
        parent, rate_node, split = path[:k], path[:k + 1], path[k + 1:]
        siblings = table.child_nodes(parent)
        before = siblings[:siblings.index(rate_node)]
        numerators = [n for n in before if not n[-1].lower().startswith('tỷ lệ')]
        plans = [n for n in siblings if n[-1].lower().startswith('kế hoạch')]
        if not numerators or not plans:
            continue

        def column_of(node):
            if split:
                return next((x for x in table.cols_under(node) if [y.text for y in table.paths[x][len(node):]] == [y.text for y in split]), None)
            return table.node_total(node)

        num_col, plan_col = column_of(numerators[-1]), column_of(plans[0])
        if num_col is None or plan_col is None:
            continue
        for r in table.rows:
            rate, num, plan = table.num(r, c), table.num(r, num_col), table.num(r, plan_col)
            if rate.kind in ('blank', 'nan') or not num.usable or not plan.usable:
                continue
            if plan.value == 0:
                if rate.value != 0:
                    add(r, c, 'rate-without-base', plain(rate.value), '')
                continue
            compare(r, c, rate, num.value / plan.value * 100, True, 'rate-mismatch')
    return findings


def check_file(path):
    findings = []
    for grid in read_any(path):
        for top, bottom, data in find_tables(grid):
            findings += check_table(os.path.basename(path), Table(grid, top, bottom, data))
    order = {'error': 0, 'warning': 1, 'notice': 2}
    findings.sort(key=lambda f: (f['sheet'], f['row'], f['col'], order[f['severity']], f['code']))
    return findings


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    flags = {a for a in argv if a.startswith('--')}
    files = args or [os.path.join(HERE, name) for name in SAMPLES]
    lines = [['file', 'sheet', 'cell', 'code', 'found', 'expected']]
    for path in files:
        for f in check_file(path):
            if f['severity'] == 'notice' and '--notices' not in flags:
                continue
            if '--long' in flags:
                print(f"{f['file']}\t{f['sheet']}\t{f['cell']}\t{f['stt'] or '(—)'}\t{f['path']}\t"
                      f"{f['code']}\t{f['found']}\t{f['expected']}")
            lines.append([f['file'], f['sheet'], f['cell'], f['code'], f['found'], f['expected']])
    if '--long' in flags:
        return 0
    if '--check' in flags:
        with open(os.path.join(HERE, 'expected_findings.csv'), encoding='utf-8', newline='') as fh:
            stored = list(csv.reader(fh))
        if stored != lines:
            print('expected_findings.csv differs from the checker output:')
            for row in lines:
                if row not in stored:
                    print('  + ' + ','.join(row))
            for row in stored:
                if row not in lines:
                    print('  - ' + ','.join(row))
            return 1
        print(f'expected_findings.csv matches ({len(lines) - 1} findings)')
        return 0
    csv.writer(sys.stdout, lineterminator='\n').writerows(lines)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
