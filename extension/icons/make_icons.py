"""Draws the toolbar icons (a shield with a check) as PNGs with no dependencies.
Run from this folder: python3 make_icons.py. The PNGs are committed; the build does
not run this."""
import struct
import zlib


def shield(x, y):
    """Inside test for a shield in the unit square."""
    if y < 0.08 or y > 0.95 or x < 0.12 or x > 0.88:
        return False
    if y < 0.55:
        return True
    half = 0.38 * (1 - (y - 0.55) / 0.40)
    return abs(x - 0.5) <= half


def check(x, y):
    """A check mark: two thick strokes."""
    def near(ax, ay, bx, by, w):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= w * w
    return near(0.30, 0.47, 0.45, 0.63, 0.07) or near(0.45, 0.63, 0.72, 0.30, 0.07)


def png(size):
    rows = []
    ss = 4
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            cover = mark = 0
            for a in range(ss):
                for b in range(ss):
                    x, y = (i + (a + .5) / ss) / size, (j + (b + .5) / ss) / size
                    if shield(x, y):
                        cover += 1
                        if check(x, y):
                            mark += 1
            n = ss * ss
            alpha = round(255 * cover / n)
            if cover == 0:
                row += bytes(4)
                continue
            w = mark / cover
            base = (0x1f, 0x5f, 0xa8)
            r, g, b = (round(c * (1 - w) + 255 * w) for c in base)
            row += bytes([r, g, b, alpha])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


for s in (16, 32, 48, 128):
    with open(f"icon-{s}.png", "wb") as f:
        f.write(png(s))
