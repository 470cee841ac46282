#!/usr/bin/python3
"""The errors bench/make_communes.py injects itself, each with its clean twin, for `phuluc fix`.

    /usr/bin/python3 bench/fix_native.py SEED N OUTDIR

Replays make_communes.py for files 0..N-1 of SEED (file i depends only on SEED and i) and writes
only those it injects an error into (about 2%: a rate changed, a Tổng số of the estimate changed, a
parent's NSTW estimate changed): OUTDIR/xa_NNNN.xlsx as make_communes.py writes it, and
OUTDIR/clean/xa_NNNN.xlsx, the same file without the error (same random state). OUTDIR/injections.csv
is in bench/fix_inject.py's form ("kind" is make_communes' code; "right"/"written" are left empty),
so bench/fix_score.py scores the outputs.
"""
import copy
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_communes as mc  # noqa: E402


def main(argv):
    seed, count, out = int(argv[0]), int(argv[1]), argv[2]
    os.makedirs(os.path.join(out, 'clean'), exist_ok=True)
    rows_out = []
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)  # as make_communes.make_one
        commune = f'{rng.choice(mc.PREFIXES)} {rng.choice(mc.SUFFIXES)}'
        province = rng.choice(mc.PROVINCES)
        style = mc.commune_style(rng)
        rows = mc.build_rows(rng, style)
        if rng.random() >= mc.ERROR_RATE:
            continue
        clean_rows = copy.deepcopy(rows)
        code, v, idx = mc.inject_error(rng, rows, style)
        cell = f'{mc.get_column_letter(mc.FIRST_VALUE_COL + v)}{mc.FIRST_DATA_ROW + idx}'
        name = f'xa_{i + 1:04d}.xlsx'
        state = rng.getstate()
        mc.write_commune(os.path.join(out, name), rng, commune, province, rows, style)
        rng.setstate(state)
        mc.write_commune(os.path.join(out, 'clean', name), rng, commune, province, clean_rows, style)
        rows_out.append([name, os.path.abspath(os.path.join(out, 'clean', name)), style['sheet_name'], cell, code, '', ''])
    with open(os.path.join(out, 'injections.csv'), 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(['file', 'source', 'sheet', 'cell', 'kind', 'right', 'written'])
        writer.writerows(rows_out)
    print(f'{len(rows_out)} files with an injected error in {out}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
