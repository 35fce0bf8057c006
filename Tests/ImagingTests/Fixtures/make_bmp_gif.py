#!/usr/bin/env python3
"""Writes BMP and GIF files in the variants a viewer meets, and Pillow's decode of each as the expected pixels.

Run from anywhere with Pillow installed (`pip install pillow`); the tests themselves never need Pillow.
Outputs, next to this script:
  <name>.bmp / <name>.gif     the file: written by Pillow where Pillow writes that variant, else by the small
                              BMP writer below (4-bit, top-down, 16-bit 5-5-5 and 5-6-5, 32-bit with an alpha
                              mask, RLE8, RLE4, the OS/2 core header, a short palette)
  <name>.rgba                 Image.open(file).convert("RGBA").tobytes(): width x height x 4 bytes, row-major
                              (for GIFs, the first frame)
"""
import os, struct
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 37, 23

def data(im):
    return list(im.get_flattened_data() if hasattr(im, "get_flattened_data") else im.getdata())

def path(name):
    return os.path.join(HERE, name)

def source():
    """A deterministic RGB test picture: gradients, LCG noise and a hard-edged block."""
    state, pixels = 2024, []
    for y in range(H):
        for x in range(W):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            noise = state >> 24
            r, g, b = (x * 7 + noise) % 256, (y * 11) % 256, ((x ^ y) * 5) % 256
            if 10 <= x < 20 and 5 <= y < 12:
                r, g, b = 250, 20, 30
            pixels.append((r, g, b))
    im = Image.new("RGB", (W, H))
    im.putdata(pixels)
    return im

def alpha_source():
    im = source().convert("RGBA")
    im.putdata([(r, g, b, (x * 255) // (W - 1)) for (r, g, b, _), x in zip(data(im), [i % W for i in range(W * H)])])
    return im

def expected(name):
    with Image.open(path(name)) as im:
        im.seek(0)
        rgba = im.convert("RGBA")
        assert rgba.size == (W, H) or name.startswith("gif_"), name
        with open(path(os.path.splitext(name)[0] + ".rgba"), "wb") as f:
            f.write(rgba.tobytes())

def bmp(name, bpp, rows, palette=None, compression=0, masks=None, header=40, top_down=False, colors_used=None):
    """A BMP from already-packed `rows` (top row first, each padded to 4 bytes unless RLE: then `rows` is the
    whole RLE stream)."""
    if compression in (1, 2):
        data = rows
    else:
        data = b"".join(rows if top_down else reversed(rows))
    pal = b""
    if palette is not None:
        pal = b"".join(bytes((b, g, r)) if header == 12 else bytes((b, g, r, 0)) for r, g, b in palette)
    if header == 12:
        dib = struct.pack("<IHHHH", 12, W, H, 1, bpp)
        extra = b""
    else:
        used = len(palette) if palette is not None and colors_used is None else (colors_used or 0)
        dib = struct.pack("<IiiHHIIiiII", header, W, -H if top_down else H, 1, bpp, compression, len(data), 2835, 2835, used, 0)
        extra = b""
        if masks is not None:
            packed = struct.pack("<" + "I" * len(masks), *masks)
            if header == 40:
                extra = packed
            else:
                dib += packed + b"\0" * (header - len(dib) - len(packed))
        if header > len(dib):
            dib += b"\0" * (header - len(dib))
    offset = 14 + len(dib) + len(extra) + len(pal)
    with open(path(name), "wb") as f:
        f.write(b"BM" + struct.pack("<IHHI", offset + len(data), 0, 0, offset) + dib + extra + pal + data)
    expected(name)

def pad(row):
    return row + b"\0" * ((4 - len(row) % 4) % 4)

def quantised(colours):
    im = source().quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette = im.getpalette()[: colours * 3]
    return im, [tuple(palette[i * 3:i * 3 + 3]) for i in range(colours)]

def main():
    rgb = source()
    # Pillow's own writer: 1-bit, 8-bit grey, 8-bit palette, 24-bit, 32-bit with alpha.
    rgb.convert("1").save(path("bmp_1bit.bmp")); expected("bmp_1bit.bmp")
    rgb.convert("L").save(path("bmp_8bit_gray.bmp")); expected("bmp_8bit_gray.bmp")
    quantised(200)[0].save(path("bmp_8bit_palette.bmp")); expected("bmp_8bit_palette.bmp")
    rgb.save(path("bmp_24bit.bmp")); expected("bmp_24bit.bmp")
    alpha_source().save(path("bmp_32bit_rgba.bmp")); expected("bmp_32bit_rgba.bmp")

    pixels = data(rgb)
    rows24 = [pad(b"".join(bytes((b, g, r)) for r, g, b in pixels[y * W:(y + 1) * W])) for y in range(H)]
    bmp("bmp_24bit_topdown.bmp", 24, rows24, top_down=True)
    bmp("bmp_24bit_os2.bmp", 24, rows24, header=12)
    bmp("bmp_32bit_bgrx.bmp", 32, [b"".join(bytes((b, g, r, 0x7F)) for r, g, b in pixels[y * W:(y + 1) * W]) for y in range(H)])
    rows555 = [pad(b"".join(struct.pack("<H", (r >> 3) << 10 | (g >> 3) << 5 | b >> 3) for r, g, b in pixels[y * W:(y + 1) * W])) for y in range(H)]
    bmp("bmp_16bit_555.bmp", 16, rows555)
    rows565 = [pad(b"".join(struct.pack("<H", (r >> 3) << 11 | (g >> 2) << 5 | b >> 3) for r, g, b in pixels[y * W:(y + 1) * W])) for y in range(H)]
    bmp("bmp_16bit_565_bitfields.bmp", 16, rows565, compression=3, masks=(0xF800, 0x07E0, 0x001F))
    apixels = data(alpha_source())
    rows32 = [b"".join(bytes((b, g, r, a)) for r, g, b, a in apixels[y * W:(y + 1) * W]) for y in range(H)]
    bmp("bmp_32bit_v5_alpha.bmp", 32, rows32, compression=3, masks=(0xFF0000, 0xFF00, 0xFF, 0xFF000000), header=124)
    bmp("bmp_32bit_v4_bitfields_topdown.bmp", 32, rows32, compression=3, masks=(0xFF0000, 0xFF00, 0xFF, 0xFF000000), header=108, top_down=True)

    # 4-bit and 8-bit palettes written by hand (Pillow writes neither 4-bit nor short palettes).
    im16, pal16 = quantised(16)
    idx16 = data(im16)
    rows4 = [pad(bytes((idx16[y * W + x] << 4 | (idx16[y * W + x + 1] if x + 1 < W else 0)) for x in range(0, W, 2))) for y in range(H)]
    bmp("bmp_4bit.bmp", 4, rows4, palette=pal16)
    im50, pal50 = quantised(50)
    idx50 = data(im50)
    rows8 = [pad(bytes(idx50[y * W:(y + 1) * W])) for y in range(H)]
    bmp("bmp_8bit_short_palette.bmp", 8, rows8, palette=pal50)
    bmp("bmp_8bit_os2.bmp", 8, rows8, palette=pal50 + [(0, 0, 0)] * (256 - 50), header=12)

    # RLE8: runs of equal indices, literal stretches, end-of-line and end-of-bitmap; stored bottom-up.
    stream = b""
    for y in reversed(range(H)):
        row, x = idx50[y * W:(y + 1) * W], 0
        while x < W:
            run = 1
            while x + run < W and row[x + run] == row[x] and run < 255: run += 1
            if run >= 2 or W - x < 3:
                stream += bytes((run, row[x])); x += run
            else:
                n = min(W - x, 255)
                literal = bytes(row[x:x + n])
                stream += bytes((0, n)) + literal + (b"\0" if n % 2 else b""); x += n
        stream += b"\0\0"
    stream += b"\0\1"
    bmp("bmp_rle8.bmp", 8, stream, palette=pal50, compression=1)

    stream = b""
    for y in reversed(range(H)):
        row, x = idx16[y * W:(y + 1) * W], 0
        while x < W:
            run = 1
            while x + run < W and row[x + run] == row[x] and run < 255: run += 1
            if run >= 3 or W - x < 3:
                stream += bytes((run, row[x] << 4 | row[x])); x += run
            else:
                n = min(W - x, 8)
                nib = row[x:x + n] + [0] * (n % 2)
                packed = bytes((nib[i] << 4 | nib[i + 1]) for i in range(0, len(nib), 2))
                stream += bytes((0, n)) + packed + (b"\0" if len(packed) % 2 else b""); x += n
        stream += b"\0\0"
    stream += b"\0\1"
    bmp("bmp_rle4.bmp", 4, stream, palette=pal16, compression=2)

    # GIFs through Pillow: plain, interlaced, with a transparent colour, animated (first frame differs).
    im256, _ = quantised(256)
    im256.save(path("gif_plain.gif"), interlace=False); expected("gif_plain.gif")
    im256.save(path("gif_interlaced.gif"), interlace=True); expected("gif_interlaced.gif")
    im16.save(path("gif_transparent.gif"), transparency=3); expected("gif_transparent.gif")
    second = rgb.transpose(Image.Transpose.FLIP_LEFT_RIGHT).quantize(colors=64)
    im16.save(path("gif_animated.gif"), save_all=True, append_images=[second], duration=100, loop=0); expected("gif_animated.gif")

main()
