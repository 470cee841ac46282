#!/usr/bin/python3
"""The benchmark's peer for `phuluc check`: the same checks done with openpyxl in Python.

    /usr/bin/python3 bench/check_openpyxl.py /tmp/communes/*.xlsx > /tmp/peer.tsv
    /usr/bin/python3 bench/check_openpyxl.py --details FILE...

Loads each workbook with openpyxl (read_only=False, data_only=True: the whole workbook in memory,
cached formula values), finds the funds tables, and checks parent sums by the STT hierarchy,
Tổng số = NSTW + NSĐP, and rates = disbursed / plan × 100 at the displayed decimals. The rules and
their conventions are those of samples/appendices/verify_expected.py (see samples/appendices/README.md),
which this script reuses. Prints one line per file: path, errors + warnings found (notices such as
text-number are not counted); with --details, one line per finding. A summary goes to stderr.
"""
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'samples', 'appendices'))

import verify_expected as checker  # noqa: E402


def main(argv):
    details = '--details' in argv
    files = [a for a in argv if not a.startswith('--')]
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.perf_counter()
    total = 0
    unreadable = 0
    for path in files:
        try:
            findings = [f for f in checker.check_file(path) if f['severity'] != 'notice']
        except Exception as exc:  # one bad file must not stop the run
            unreadable += 1
            print(f'{path}\tunreadable: {exc}')
            continue
        total += len(findings)
        print(f'{path}\t{len(findings)}')
        if details:
            for f in findings:
                print(f"  {f['sheet']}!{f['cell']}\t{f['stt']}\t{f['code']}\t{f['found']}\t{f['expected']}")
    elapsed = time.perf_counter() - started
    print(f'{len(files)} files, {total} findings, {unreadable} unreadable, {elapsed:.2f} s', file=sys.stderr)
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
