#!/usr/bin/env python3
"""Writes xls_short_dimension_record.xls beside this script: the smallest form of the input
fuzz/fuzz_xls found crashing FreeXL 1.0.6 (SEGV in free while it gave up on the file).

One worksheet holding one NUMBER cell, sized by a sound 14-byte DIMENSION record, and after the
cell a second DIMENSION record cut to 6 bytes. FreeXL reads a DIMENSION's rows at bytes 4-7 and
its columns at bytes 10-11 whatever the record's length, so for the short record it takes bytes
6-7 and 10-11 from what the NUMBER record left in its buffer: 0x01000000 rows by 256 columns.
It stores that size, refuses to allocate it (over 256 MiB), gives the file up, and then walks the
first DIMENSION's one-cell grid with the new size, freeing what it finds past its end.
phuluc must refuse the file as `truncated` before FreeXL sees it (readers/xls/biff_scan.cpp).

    python3 tests/corpus/regressions/xls_short_dimension_record.py
"""
import struct
from pathlib import Path

SECTOR = 512
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
FAT_SECTOR = 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF


def record(kind, body=b""):
    return struct.pack("<HH", kind, len(body)) + body


def bof(kind):
    """A BIFF8 BOF record: 0x0005 opens the workbook globals, 0x0010 a worksheet."""
    return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x0206))


def one_sheet_stream(sheet_records, globals_extra=b""):
    """Globals (BOF, CODEPAGE, `globals_extra`, BOUNDSHEET, EOF), then the sheet substream the
    BOUNDSHEET points at: its BOF and `sheet_records`."""
    name = "Sheet1".encode("latin-1")
    boundsheet = lambda sheet_offset: record(0x0085, struct.pack("<IBBBB", sheet_offset, 0, 0, len(name), 0) + name)
    head = bof(0x0005) + record(0x0042, struct.pack("<H", 0x04B0)) + globals_extra  # CODEPAGE: UTF-16
    sheet_offset = len(head) + len(boundsheet(0)) + len(record(0x000A))
    globals_ = head + boundsheet(sheet_offset) + record(0x000A)  # EOF
    assert len(globals_) == sheet_offset
    return globals_ + bof(0x0010) + sheet_records


def workbook_stream():
    # The double's bytes 0-1 and 4-5 become the rows' high half and the columns of the short DIMENSION.
    number = bytes.fromhex("0001000000015940")  # 100.0156...: its bytes, not its value, matter
    sheet = record(0x0200, struct.pack("<IIHHH", 0, 1, 0, 1, 0))  # DIMENSION: rows 0-0, columns 0-0
    sheet += record(0x0203, struct.pack("<HHH", 0, 0, 0) + number)  # NUMBER at A1, XF 0
    sheet += record(0x0200, struct.pack("<IH", 0, 0))  # DIMENSION cut to 6 of its 14 bytes
    sheet += record(0x000A)  # EOF
    stream = one_sheet_stream(sheet)
    # Past the mini stream cutoff (4096), so the stream lives in ordinary sectors; the zeros after the
    # last EOF are the end marker both readers stop at.
    return stream + bytes(4608 - len(stream))


def directory_entry(name, kind, child, start, size):
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    entry = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)  # colour black
    entry += struct.pack("<III", NO_STREAM, NO_STREAM, child)  # left, right, child
    entry += bytes(16 + 4 + 16)  # class id, state bits, creation and modification times
    entry += struct.pack("<IQ", start, size)
    assert len(entry) == 128
    return entry


def compound_file(stream, declared_size=None):
    """An OLE2 (MS-CFB version 3) file: header, one FAT sector, one directory sector, the stream
    (`declared_size` in its directory entry, by default its whole length)."""
    stream_sectors = len(stream) // SECTOR
    assert len(stream) % SECTOR == 0
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108)  # DIFAT: the FAT is sector 0
    assert len(header) == SECTOR
    fat = [FAT_SECTOR, END_OF_CHAIN] + [2 + i + 1 for i in range(stream_sectors - 1)] + [END_OF_CHAIN]
    fat = struct.pack("<128I", *(fat + [FREE] * (128 - len(fat))))
    directory = directory_entry("Root Entry", 5, 1, END_OF_CHAIN, 0)
    directory += directory_entry("Workbook", 2, NO_STREAM, 2, len(stream) if declared_size is None else declared_size)
    directory += directory_entry("", 0, NO_STREAM, 0, 0) * 2
    return header + fat + directory + stream


if __name__ == "__main__":
    out = Path(__file__).with_suffix(".xls")
    out.write_bytes(compound_file(workbook_stream()))
    print(f"{out}: {out.stat().st_size} bytes")
