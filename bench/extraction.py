"""PDF text extraction speed: our reader against raw pdfplumber and raw
pypdfium2 on the same text PDFs, in one run (figures as ratios: machines here
are noisy).

    .venv/bin/python bench/extraction.py [PDF or folder ...] [--repeat 3]

Without paths: the text PDFs of samples/dossiers (scans excluded: no text
layer; hostile files excluded: they are not read, by design).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2  # noqa: E402

from common.limits import Limits  # noqa: E402
from extractors.pdf_reader import read_pdf  # noqa: E402


def has_text_layer(path: Path) -> bool:
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:      # encrypted or broken: not a speed sample
        return False
    try:
        return any(len(pdf[i].get_textpage().get_text_bounded().strip()) > 50 for i in range(min(2, len(pdf))))
    finally:
        pdf.close()


def raw_pypdfium2(path: Path) -> int:
    pdf = pypdfium2.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            page.get_textpage().get_text_bounded()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def raw_pdfplumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def ours(path: Path) -> int:
    return read_pdf(path, path.name, Limits()).pages or 0


def collect(paths: list[str]) -> list[Path]:
    if not paths:
        paths = [str(ROOT / "samples" / "dossiers")]
    found = []
    for p in map(Path, paths):
        found.extend(sorted(f for f in p.rglob("*.pdf") if not f.name.startswith("h"))
                     if p.is_dir() else [p])
    return [p for p in found if has_text_layer(p)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = collect(args.paths)
    readers = {"pypdfium2 (brut)": raw_pypdfium2, "pdfplumber (brut)": raw_pdfplumber,
               "expe-ct read_pdf": ours}
    rates: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(args.repeat):
        for name, fn in readers.items():   # interleaved, so that load drifts hit all alike
            start = time.perf_counter()
            pages = sum(fn(f) for f in files)
            rates[name].append(pages / (time.perf_counter() - start))
    print(f"{len(files)} PDF texte, {pages} pages, {args.repeat} passes")
    print(f"{'lecteur':<20} {'pages/s médiane':>16} {'min–max':>16} {'vs pdfplumber':>14}")
    base = statistics.median(rates["pdfplumber (brut)"])
    for name, values in rates.items():
        med = statistics.median(values)
        print(f"{name:<20} {med:>16.1f} {min(values):>7.1f}–{max(values):<8.1f} {med / base:>13.2f}×")


if __name__ == "__main__":
    main()
