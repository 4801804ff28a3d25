#!/usr/bin/env python3
"""Draws the EnvForge icon (standard library only): a blue rounded square with a white
application window holding a check mark, i.e. a verified desktop environment.

    installer/make-icon.py              writes resources/src/main/resources/envforge/icons/envforge-N.png
                                        for N in 16 24 32 48 64 128 256 (the workbench window uses
                                        the 256 one, installer/build gives it to the desktop entry)
    installer/make-icon.py OUT.png SIZE one file

The shapes are defined on a 256-unit canvas and rendered at each size with 4x4 supersampling, so
every size stays sharp; at 24 px and below the title-bar buttons are left out and the check mark
is thicker, so the picture still reads. Takes about 20 s (pure Python); the PNGs are committed."""
import math
import os
import struct
import sys
import zlib

SS = 4  # supersampling per axis

ACCENT_TOP = (0x1F, 0x6F, 0xEB)     # Primer accent (the workbench theme's accent colour)
ACCENT_BOTTOM = (0x05, 0x50, 0xAE)
WHITE = (0xFF, 0xFF, 0xFF)


def in_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


CHECK = [(92, 146), (118, 170), (166, 120)]


def sample(x, y, small=False):
    """Colour and alpha at a point of the 256-unit canvas."""
    if not in_round_rect(x, y, 12, 12, 244, 244, 52):
        return None
    t = (y - 12) / 232
    bg = tuple(round(a + (b - a) * t) for a, b in zip(ACCENT_TOP, ACCENT_BOTTOM))
    # The window: an outline with a solid title bar.
    outer = in_round_rect(x, y, 52, 60, 204, 196, 16)
    inner = in_round_rect(x, y, 64, 96, 192, 184, 6)
    if outer and not inner:
        # Three "buttons" cut out of the title bar (too small to see at 24 px and below).
        for bx in () if small else (76, 94, 112):
            if (x - bx) ** 2 + (y - 78) ** 2 <= 5.5 ** 2:
                return bg
        return WHITE
    for (ax, ay), (bx, by) in zip(CHECK, CHECK[1:]):
        if dist_to_segment(x, y, ax, ay, bx, by) <= (11 if small else 8):
            return WHITE
    return bg


def render(size):
    scale = 256 / (size * SS)
    small = size <= 24
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter type: none
        for i in range(size):
            r = g = b = a = 0
            for sj in range(SS):
                for si in range(SS):
                    c = sample((i * SS + si + 0.5) * scale, (j * SS + sj + 0.5) * scale, small)
                    if c is not None:
                        r += c[0]
                        g += c[1]
                        b += c[2]
                        a += 1
            n = SS * SS
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b""))


SIZES = (16, 24, 32, 48, 64, 128, 256)


def write(out, size):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        f.write(png(size, render(size)))
    print(out)


def main():
    if len(sys.argv) == 3:
        write(sys.argv[1], int(sys.argv[2]))
        return
    if len(sys.argv) != 1:
        sys.exit(__doc__)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for size in SIZES:
        write(os.path.join(root, "resources/src/main/resources/envforge/icons/envforge-%d.png" % size), size)


if __name__ == "__main__":
    main()
