"""Scans: a PDF printed, then scanned — rasterised at 150-200 dpi, tilted by
up to one degree, greyed and speckled, JPEG-compressed, and wrapped as an
image-only PDF (no text layer)."""
from __future__ import annotations

import random
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from .doc import Doc
from .render_pdf import render_pdf

TIMEOUT_S = 120


def rasterise(pdf: Path, dpi: int, workdir: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(workdir / "p")],
                   check=True, timeout=TIMEOUT_S, capture_output=True)
    pages = sorted(workdir.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    return [Image.open(p).convert("L") for p in pages]


def degrade(page: Image.Image, rng: random.Random) -> Image.Image:
    """Tilt, paper tone, sensor noise, a soft blur and a scanner edge shadow."""
    page = page.rotate(rng.uniform(-1, 1), resample=Image.BICUBIC, expand=False, fillcolor=255)
    if rng.random() < 0.5:
        page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.6)))
    pixels = np.asarray(page, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(2**32))
    paper = rng.uniform(232, 246)
    # Faint sensor noise plus sparse dust specks: heavy noise would bloat the JPEG.
    pixels = pixels * (paper / 255.0) + gen.normal(0, rng.uniform(0.8, 1.5), pixels.shape)
    specks = gen.random(pixels.shape) < rng.uniform(0.0004, 0.0012)
    pixels[specks] = gen.uniform(40, 140, int(specks.sum()))
    if rng.random() < 0.5:  # darker strip along one edge, as a lid left ajar
        width = int(pixels.shape[1] * rng.uniform(0.01, 0.03))
        pixels[:, :width] *= np.linspace(0.55, 1.0, width)[None, :]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")


def scan_pdf(source: Path, target: Path, rng: random.Random) -> None:
    """Turn an existing PDF into an image-only scanned PDF."""
    dpi = rng.choice([150, 150, 150, 200])
    with tempfile.TemporaryDirectory(prefix="expe-ct-scan-") as tmp:
        pages = [degrade(p, rng) for p in rasterise(source, dpi, Path(tmp))]
    stamp = time.strptime("2024-01-01", "%Y-%m-%d")
    pages[0].save(target, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi),
                  quality=rng.choice([40, 45, 50]), creationDate=stamp, modDate=stamp,
                  producer="ScanSnap Manager", title="")


def render_scan(doc: Doc, target: Path, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory(prefix="expe-ct-scan-") as tmp:
        printed = Path(tmp) / "printed.pdf"
        render_pdf(doc, printed, rng)
        scan_pdf(printed, target, rng)
