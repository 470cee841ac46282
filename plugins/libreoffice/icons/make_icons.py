"""Draws the toolbar icons (16 and 26 px PNG) with the standard library only; run by hand:
python3 make_icons.py. Check: a green tick; Fix: a pencil; Merge: a sigma."""

import struct
import zlib

SHAPES = {
    # strokes in a 0..1 square: (x0, y0, x1, y1), drawn with the colour
    "check": ((0x1E, 0x8E, 0x3E), ((0.15, 0.55, 0.40, 0.80), (0.40, 0.80, 0.88, 0.22))),
    "fix": ((0xC0, 0x6A, 0x00), ((0.20, 0.80, 0.80, 0.20), (0.12, 0.88, 0.22, 0.78), (0.70, 0.14, 0.86, 0.30))),
    "merge": ((0x1F, 0x4E, 0x9A), ((0.78, 0.15, 0.22, 0.15), (0.22, 0.15, 0.55, 0.50),
                                   (0.55, 0.50, 0.22, 0.85), (0.22, 0.85, 0.78, 0.85))),
}


def distance_to_segment(px, py, x0, y0, x1, y1):
    dx, dy = x1 - x0, y1 - y0
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / length))
    cx, cy = x0 + t * dx, y0 + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def draw(colour, strokes, size):
    width = 0.075 if size > 20 else 0.09
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            px, py = (x + 0.5) / size, (y + 0.5) / size
            d = min(distance_to_segment(px, py, *s) for s in strokes)
            alpha = max(0.0, min(1.0, (width - d) * size + 0.5))
            row += bytes(colour) + bytes([int(alpha * 255)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for name, (colour, strokes) in SHAPES.items():
        for size in (16, 26):
            with open("%s_%d.png" % (name, size), "wb") as out:
                out.write(draw(colour, strokes, size))
