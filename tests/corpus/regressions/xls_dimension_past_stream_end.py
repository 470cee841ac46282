#!/usr/bin/env python3
"""Writes xls_dimension_past_stream_end.xls beside this script: the smallest form of the third
input fuzz/fuzz_xls found crashing FreeXL 1.0.6 while it gave up on a file (a double free).

The Workbook stream (in ordinary sectors) ends in the middle of a second DIMENSION record: its
directory entry declares 8 bytes fewer than the record needs, and those bytes lie in the slack of
the stream's last sector. Our scan stopped at a record running past the stream; FreeXL reads the
record on from the sector, takes 16,777,216 rows by 256 columns from it, and crashes as with
xls_short_dimension_record.xls. phuluc must refuse the file as `truncated` before FreeXL sees it.

    python3 tests/corpus/regressions/xls_dimension_past_stream_end.py
"""
import struct
from pathlib import Path

from xls_short_dimension_record import SECTOR, compound_file, one_sheet_stream, record

# Puts the last DIMENSION across the boundary of the stream's last two sectors, where FreeXL reads
# a record on from the next sector without looking at the stream's declared length.
FILLER = 4488


def workbook_stream():
    sheet = record(0x0200, struct.pack("<IIHHH", 0, 1, 0, 1, 0))  # DIMENSION: rows 0-0, columns 0-0
    sheet += record(0x0203, struct.pack("<HHH", 0, 0, 0) + struct.pack("<d", 1.0))  # NUMBER at A1
    sheet += record(0x0200, struct.pack("<IIHHH", 0, 0x01000000, 0, 0x0100, 0))  # 16,777,216 × 256
    # A record of a type no BIFF version defines (FreeXL and the scan skip it) takes the stream past
    # the mini stream cutoff, so that FreeXL reads ordinary sectors, and places the last record.
    return one_sheet_stream(sheet, record(0x0FFF, bytes(FILLER)))


if __name__ == "__main__":
    stream = workbook_stream()
    declared = len(stream) - 8  # the last DIMENSION's columns and reserved word lie past the end
    assert len(stream) > 4096 and len(stream) % SECTOR != 0
    out = Path(__file__).with_suffix(".xls")
    out.write_bytes(compound_file(stream + bytes(-len(stream) % SECTOR), declared))
    print(f"{out}: {out.stat().st_size} bytes")
