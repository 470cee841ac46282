#!/usr/bin/env python3
"""Writes xls_short_dimension_after_end_marker.xls beside this script: the smallest form of the
second input fuzz/fuzz_xls found crashing FreeXL 1.0.6 in the same way as
xls_short_dimension_record.xls (SEGV in free while it gave up on the file).

The Workbook stream is short (under the 4,096-byte cutoff), so it lives in the mini stream. There,
FreeXL does not take a record of type 0 and length 0 for the end of the stream, as it does in
ordinary sectors, but skips it and reads on; our scan used to stop at it. Before it, a NUMBER
record (the one-cell grid); after it, a DIMENSION record of 0 bytes, which FreeXL sizes from the
NUMBER's leftover bytes (16,777,216 rows by 256 columns) and crashes on as in
xls_short_dimension_record.xls.
phuluc must refuse the file as `truncated` before FreeXL sees it (readers/xls/biff_scan.cpp).

    python3 tests/corpus/regressions/xls_short_dimension_after_end_marker.py
"""
import struct
from pathlib import Path

from xls_short_dimension_record import END_OF_CHAIN, FAT_SECTOR, FREE, NO_STREAM, SECTOR, directory_entry, one_sheet_stream, record

MINI_SECTOR = 64


def workbook_stream():
    sheet = record(0x0200, struct.pack("<IIHHH", 0, 1, 0, 1, 0))  # DIMENSION: rows 0-0, columns 0-0
    sheet += record(0x0203, struct.pack("<HHH", 0, 0, 0) + bytes.fromhex("0001000000015940"))  # NUMBER at A1
    sheet += record(0x0000)  # type 0, length 0: the end in ordinary sectors, nothing in the mini stream
    sheet += record(0x0200)  # DIMENSION of 0 bytes: FreeXL reads the NUMBER's bytes 4-7 and 10-11
    sheet += record(0x000A)  # EOF
    return one_sheet_stream(sheet)


def compound_file(stream):
    """An OLE2 file whose one stream lives in the mini stream: header, FAT, directory, mini FAT,
    and one sector holding the mini stream (the root entry's stream)."""
    assert len(stream) <= SECTOR
    mini_sectors = (len(stream) + MINI_SECTOR - 1) // MINI_SECTOR
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 2, 1, END_OF_CHAIN, 0)  # mini FAT: sector 2
    header += struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108)
    assert len(header) == SECTOR
    fat = [FAT_SECTOR, END_OF_CHAIN, END_OF_CHAIN, END_OF_CHAIN]  # FAT, directory, mini FAT, mini stream
    fat = struct.pack("<128I", *(fat + [FREE] * (128 - len(fat))))
    directory = directory_entry("Root Entry", 5, 1, 3, SECTOR)
    directory += directory_entry("Workbook", 2, NO_STREAM, 0, len(stream))
    directory += directory_entry("", 0, NO_STREAM, 0, 0) * 2
    mini_fat = [i + 1 for i in range(mini_sectors - 1)] + [END_OF_CHAIN]
    mini_fat = struct.pack("<128I", *(mini_fat + [FREE] * (128 - len(mini_fat))))
    return header + fat + directory + mini_fat + stream.ljust(SECTOR, b"\0")


if __name__ == "__main__":
    out = Path(__file__).with_suffix(".xls")
    out.write_bytes(compound_file(workbook_stream()))
    print(f"{out}: {out.stat().st_size} bytes")
