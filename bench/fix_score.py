#!/usr/bin/python3
"""Scores `phuluc fix` on the copies made by bench/fix_inject.py.

    phuluc fix --json --no-mark --out-dir OUT INJDIR/inj_*.xlsx > OUT/fix.json
    /usr/bin/python3 bench/fix_score.py INJDIR OUT [--details]

A number typed as text counts as equal to the same number (fix writes corrected text numbers as
numbers). For every injected copy, the corrected output OUT/inj_NNNN.fixed.xlsx is compared, cell by cell and
sheet by sheet, with the clean workbook it was made from:
  exact      the output equals the clean workbook (the injected cell restored, nothing else changed)
  ambiguous  only the injected cell differs, still as written, and the JSON reports ambiguous-fix
  not-found  the same, reported as fix-not-found
  missed     the same, and nothing reported (the error was not detected)
  wrong      any other difference: a cell changed to a value the clean workbook does not hold
Prints one line per kind and the totals; exit status 1 when any correction is wrong.
With --clean-check, the inputs are clean workbooks (OUT holds NAME.fixed.xlsx for each NAME.xlsx
in INJDIR): every output must equal its input.
"""
import argparse
import collections
import csv
import json
import os
import sys

import openpyxl


def vietnamese_number(text):
    """"1.234,567" → 1234.567; None when the text is no number."""
    try:
        return float(text.strip().replace('.', '').replace(',', '.'))
    except (ValueError, AttributeError):
        return None


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    # fix writes a corrected number typed as text as a number (docs/fix.md): same value, same cell.
    if isinstance(a, str) and isinstance(b, (int, float)) and vietnamese_number(a) is not None:
        a = vietnamese_number(a)
    if isinstance(b, str) and isinstance(a, (int, float)) and vietnamese_number(b) is not None:
        b = vietnamese_number(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return (a if a != '' else None) == (b if b != '' else None)


def differences(clean_path, out_path):
    clean = openpyxl.load_workbook(clean_path)
    out = openpyxl.load_workbook(out_path)
    diffs = {}
    for ws in clean.worksheets:
        if ws.title not in out.sheetnames:
            diffs[(ws.title, '*')] = ('sheet missing', None)
            continue
        other = out[ws.title]
        for r in range(1, max(ws.max_row, other.max_row) + 1):
            for c in range(1, max(ws.max_column, other.max_column) + 1):
                a = ws.cell(row=r, column=c).value
                b = other.cell(row=r, column=c).value
                if not same(a, b):
                    diffs[(ws.title, ws.cell(row=r, column=c).coordinate)] = (a, b)
    return diffs


def unresolved_codes(report):
    out = {}
    for entry in report.get('files', []):
        out[os.path.basename(entry['path'])] = [u['code'] for u in entry.get('unresolved', [])]
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('injdir')
    parser.add_argument('outdir')
    parser.add_argument('--json', help='the fix --json output (default OUTDIR/fix.json)')
    parser.add_argument('--details', action='store_true')
    parser.add_argument('--clean-check', action='store_true')
    args = parser.parse_args(argv)

    if args.clean_check:
        changed = 0
        names = sorted(n for n in os.listdir(args.injdir) if n.endswith('.xlsx'))
        for name in names:
            out = os.path.join(args.outdir, name[:-5] + '.fixed.xlsx')
            diffs = differences(os.path.join(args.injdir, name), out)
            if diffs:
                changed += 1
                print(f'changed\t{name}\t{sorted(diffs.items())[:5]}')
        print(f'clean files: {len(names)}, changed: {changed}')
        return 1 if changed else 0

    report = json.load(open(args.json or os.path.join(args.outdir, 'fix.json'), encoding='utf-8'))
    codes = unresolved_codes(report)
    by_kind = collections.defaultdict(collections.Counter)
    totals = collections.Counter()
    with open(os.path.join(args.injdir, 'injections.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            out = os.path.join(args.outdir, row['file'][:-5] + '.fixed.xlsx')
            if not os.path.exists(out):
                outcome, diffs = 'wrong', {'output': ('missing', None)}
            else:
                diffs = differences(row['source'], out)
                key = (row['sheet'], row['cell'])
                left = codes.get(row['file'], [])
                if not diffs:
                    outcome = 'exact'
                elif set(diffs) == {key} and (not row['written'] or same(diffs[key][1], float(row['written']))):
                    outcome = ('ambiguous' if 'ambiguous-fix' in left else
                               'not-found' if 'fix-not-found' in left else 'missed')
                else:
                    outcome = 'wrong'
            by_kind[row['kind']][outcome] += 1
            totals[outcome] += 1
            if args.details and outcome != 'exact':
                print(f"{outcome}\t{row['file']}\t{row['cell']}\t{row['kind']}\t{row['right']} -> {row['written']}\t"
                      f"{sorted(diffs.items())[:6]}")
    outcomes = ['exact', 'ambiguous', 'not-found', 'missed', 'wrong']
    print('kind\t' + '\t'.join(outcomes))
    for kind in sorted(by_kind):
        print(kind + '\t' + '\t'.join(str(by_kind[kind][o]) for o in outcomes))
    count = sum(totals.values())
    print('total\t' + '\t'.join(str(totals[o]) for o in outcomes))
    if count:
        print(f'injected {count}: exact {100 * totals["exact"] / count:.1f}%, ambiguous/not found/missed '
              f'{100 * (totals["ambiguous"] + totals["not-found"] + totals["missed"]) / count:.1f}%, '
              f'wrong {100 * totals["wrong"] / count:.1f}%')
    return 1 if totals['wrong'] else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
