#!/usr/bin/env python3
"""Draws the app icons (an "A" on the brand blue) as PNG files in public/.
Pure Python (zlib + struct), so it runs anywhere; rerun after changing the shape."""
import struct, zlib, pathlib

BLUE, WHITE = (0x1F, 0x4E, 0x79), (0xFF, 0xFF, 0xFF)

def inside(px, py, poly):
    hit = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > py) != (y2 > py) and px < (x2 - x1) * (py - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit

def letter(scale, pad):
    # the "A" of icon.svg on a 64-unit grid, shrunk by `pad` toward the centre for maskable
    outer = [(18, 46), (32, 14), (46, 46), (39, 46), (36, 38), (28, 38), (25, 46)]
    hole = [(27, 32), (37, 32), (32, 20)]
    f = lambda pts: [((x - 32) * (1 - pad) + 32, (y - 32) * (1 - pad) + 32) for x, y in pts]
    return f(outer), f(hole)

def draw(size, pad, rounded):
    outer, hole = letter(size / 64, pad)
    rows = []
    r = size * 14 / 64 if rounded else 0
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u, v = (x + 0.5) * 64 / size, (y + 0.5) * 64 / size
            cx, cy = min(max(x, r), size - r), min(max(y, r), size - r)
            if rounded and (x - cx) ** 2 + (y - cy) ** 2 > r * r:
                row += bytes([0, 0, 0, 0]); continue
            c = WHITE if inside(u, v, outer) and not inside(u, v, hole) else BLUE
            row += bytes(c) + b"\xff"
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

out = pathlib.Path(__file__).resolve().parent.parent / "public"
(out / "icon-192.png").write_bytes(draw(192, 0, True))
(out / "icon-512.png").write_bytes(draw(512, 0, True))
(out / "icon-maskable-512.png").write_bytes(draw(512, 0.3, False))
print("icons written to", out)
