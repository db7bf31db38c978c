#!/usr/bin/env python3
"""Makes a realistic scan of a printed, filled-in osteodoc form (for the scan-back tests).

    make-test-scan.py SPEC.json OUT.(pdf|jpg|png)
    make-test-scan.py --fill FORM.json DOCUMENT.pdf OUT.pdf    # a patient who answers "yes" and signs

--fill reads a document's form map (GET /api/v1/documents/{id}/form, e.g. opened in the browser
while logged in) and makes the scan of that document filled in as usual: the first box of every
question that takes one answer ticked, every required signature signed, every page.

SPEC: {"pdf": path, "dpi": 200, "rotate": 1.5, "noise": 12, "jpeg_quality": 70,
       "pages": [{"source": path-or-null, "page": 1,          # 1-based page of that PDF (default: spec's pdf)
                  "ticks": [[x, y, w, h], ...],               # boxes to tick, in PDF points from the top-left
                  "scribbles": [[x, y, w, h], ...]}]}         # signature spaces to sign
Each page is rasterized by pdftoppm (poppler), drawn on with pen strokes, turned by `rotate`
degrees (alternating sign per page), given Gaussian noise and, for PDF and JPEG, JPEG
compression — what a flatbed scanner makes of a page. The strokes are seeded by page number:
the same spec gives the same scan.
"""
import json, math, os, random, subprocess, sys, tempfile

from PIL import Image, ImageChops, ImageDraw, ImageFilter


def rasterize(pdf, page, dpi, folder):
    prefix = os.path.join(folder, f"p{page}-{abs(hash(pdf)) % 10**8}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", "-png", pdf, prefix],
                   check=True, stderr=subprocess.DEVNULL)
    return Image.open(prefix + ".png").convert("L")


def tick(draw, box, scale, rng):
    x, y, w, h = [v * scale for v in box]
    width = max(2, round(0.9 * scale))
    # A hand-drawn check: short stroke down-right, long stroke up-right, a little off the centre.
    jitter = lambda: rng.uniform(-0.08, 0.08) * w
    a = (x + 0.18 * w + jitter(), y + 0.50 * h + jitter())
    b = (x + 0.42 * w + jitter(), y + 0.82 * h + jitter())
    c = (x + 0.88 * w + jitter(), y + 0.12 * h + jitter())
    draw.line([a, b, c], fill=20, width=width, joint="curve")


def scribble(draw, box, scale, rng):
    x, y, w, h = [v * scale for v in box]
    width = max(2, round(0.8 * scale))
    points, px = [], x + 0.08 * w
    while px < x + 0.7 * w:
        points.append((px, y + h * (0.35 + 0.35 * math.sin(px / (3 * scale)) + rng.uniform(-0.1, 0.1))))
        px += 2.5 * scale
    draw.line(points, fill=30, width=width, joint="curve")


def filled_in(form, pdf):
    """The spec of a document filled in as usual, from its form map."""
    pages, seen = [], set()
    for page in form["pages"]:
        ticks, scribbles = [], []
        for f in page["fields"]:
            box = [f["x"], f["y"], f["width"], f["height"]]
            if f["kind"] in ("choice", "checklist") and f["oneAnswer"] and f["group"] not in seen:
                seen.add(f["group"])
                ticks.append(box)
            elif f["kind"] == "signature" and f["required"]:
                scribbles.append(box)
        pages.append({"page": page["number"], "ticks": ticks, "scribbles": scribbles})
    return {"pdf": pdf, "dpi": 200, "rotate": 1.2, "noise": 10, "jpeg_quality": 75, "pages": pages}


def main():
    if sys.argv[1] == "--fill":
        spec = filled_in(json.load(open(sys.argv[2])), sys.argv[3])
        out = sys.argv[4]
    else:
        spec = json.load(open(sys.argv[1]))
        out = sys.argv[2]
    dpi = spec.get("dpi", 200)
    scale = dpi / 72
    images = []
    with tempfile.TemporaryDirectory() as folder:
        for index, p in enumerate(spec["pages"]):
            rng = random.Random(1000 + index)
            image = rasterize(p.get("source") or spec["pdf"], p["page"], dpi, folder)
            draw = ImageDraw.Draw(image)
            for box in p.get("ticks", []):
                tick(draw, box, scale, rng)
            for box in p.get("scribbles", []):
                scribble(draw, box, scale, rng)
            angle = spec.get("rotate", 0) * (1 if index % 2 == 0 else -1)
            image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            noise = spec.get("noise", 0)
            if noise:
                # Sensor grain (Gaussian, `noise` grey levels), a slightly soft lens, paper not quite white.
                grain = Image.effect_noise(image.size, noise)
                image = ImageChops.add(image.filter(ImageFilter.GaussianBlur(0.35)), grain, scale=1.0, offset=-128)
                image = image.point(lambda v: max(0, min(255, round(16 + v * 0.92))))
            images.append(image)
    quality = spec.get("jpeg_quality", 75)
    if out.endswith(".pdf"):
        images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=quality)
    elif out.endswith(".jpg") or out.endswith(".jpeg"):
        images[0].save(out, "JPEG", quality=quality)
    else:
        images[0].save(out, "PNG")


if __name__ == "__main__":
    main()
