#!/usr/bin/env python3
"""Writes the expected outputs the Swift mask tests compare against, using Pillow as the reference.

Run from this folder with Pillow installed (`pip install pillow`); the tests themselves never need Pillow.
Outputs:
  resample_input_64x48.gray            a deterministic 8-bit test plane (gradients + noise + hard edges)
  resample_<w>x<h>.gray                 PIL Image.resize((w, h), BILINEAR) of it, raw row-major bytes
  resample_hv_<w>x<h>.gray              the same as two single-axis PIL resizes, horizontal then vertical:
                                        exactly libImaging/Resample.c's two passes in its documented order
                                        (Pillow 13 sometimes runs the vertical pass first, which changes
                                        some pixels by one grey level)
  mask_<file>_<i>_<W>x<H>_at_<x>_<y>_<w>x<h>.gray
                                        the mask of item i of a corpus answer as the cookbook computes it for
                                        an image of W x H: box corners int(v * size / 1000) give the region
                                        (x, y, w, h); the mask PNG resized to w x h with BILINEAR and
                                        thresholded > 127 -> 255; only the region is stored (0 elsewhere)
"""
import base64, io, json, os, re
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "gemini-responses")

def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(bytes(data))

# 1. A deterministic input plane: LCG noise mixed with gradients and a hard-edged block.
w, h = 64, 48
state = 12345
plane = bytearray()
for y in range(h):
    for x in range(w):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        noise = (state >> 16) & 0xFF
        value = (x * 4 + y * 2 + noise // 4) & 0xFF
        if 20 <= x < 40 and 10 <= y < 30:
            value = 255
        if 5 <= x < 12:
            value = 0
        plane.append(value)
write("resample_input_64x48.gray", plane)
image = Image.frombytes("L", (w, h), bytes(plane))
for size in [(32, 24), (17, 9), (63, 47), (1, 1), (128, 96), (100, 30), (23, 200), (64, 13)]:
    write("resample_%dx%d.gray" % size, image.resize(size, Image.BILINEAR).tobytes())
    two_pass = image.resize((size[0], h), Image.BILINEAR).resize(size, Image.BILINEAR)
    write("resample_hv_%dx%d.gray" % size, two_pass.tobytes())

# 2. Full-image masks for corpus segmentation answers.
def masks(file, W, H, indices):
    text = open(os.path.join(CORPUS, file)).read()
    items = json.loads(re.search(r"```json\n(.*)\n```", text, re.S).group(1))
    for i in indices:
        item = items[i]
        y0, x0, y1, x1 = item["box_2d"]
        y0, y1 = (y0 * H) // 1000, (y1 * H) // 1000
        x0, x1 = (x0 * W) // 1000, (x1 * W) // 1000
        png = base64.b64decode(item["mask"].split(",", 1)[1])
        mask = Image.open(io.BytesIO(png)).convert("L").resize((x1 - x0, y1 - y0), Image.BILINEAR)
        region = bytes(255 if v > 127 else 0 for v in mask.tobytes())
        stem = file.replace("Spatial_understanding__", "").replace(".txt", "")
        write("mask_%s_%d_%dx%d_at_%d_%d_%dx%d.gray" % (stem, i, W, H, x0, y0, x1 - x0, y1 - y0), region)

masks("Spatial_understanding__cell45__89dc873f.txt", 1024, 768, [0, 5, 14])
masks("Spatial_understanding__cell45__cd8b861a.txt", 1024, 683, [0, 19])
