"""The two yardsticks `analyse` is measured against, on the same files.

- naive: what one writes first. pdfplumber's text for PDF, python-docx's
  paragraphs and table cells for DOCX, the whole fr_core_news_md pipeline
  (tagger, parser, lemmatizer, NER) over the text, one file after the other
  in one process.
- floor: the least work that still yields the text and the person names.
  PDFium's raw text for PDF (pypdfium2), the `w:t` runs of word/document.xml
  for DOCX (lxml), the NER-only pipeline expe-ct loads (`analysis.nlp`), in
  as many processes as `analyse` uses.  No layout, tables, headers, OCR,
  analysis or checks: no pipeline that does its job can go below it.

Each prints one JSON line per file as soon as it is done (file, pages read,
persons found), like `expe-ct analyse --json`, so that bench/run.py times the
three the same way, model loading included.

    .venv/bin/python bench/baselines.py naive|floor FILE [FILE ...] [--jobs N]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import zipfile
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# -------------------------------------------------------------------- naive

@lru_cache(maxsize=1)
def full_nlp():
    import spacy

    return spacy.load("fr_core_news_md")


def naive_text(path: str) -> tuple[str, int]:
    """(text, pages): pdfplumber or python-docx, as their documentation shows."""
    if path.endswith(".pdf"):
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages), len(pdf.pages)
    import docx

    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts), 0


def naive(path: str) -> dict:
    text, pages = naive_text(path)
    persons = [e.text for e in full_nlp()(text).ents if e.label_ == "PER"]
    return {"file": path, "pages": pages, "persons": len(persons)}


# -------------------------------------------------------------------- floor

def floor_text(path: str) -> tuple[str, int]:
    """(text, pages): PDFium's page text, or the DOCX body's text runs."""
    if path.endswith(".pdf"):
        import pypdfium2

        pdf = pypdfium2.PdfDocument(path)
        try:
            texts = []
            for i in range(len(pdf)):
                page = pdf[i]
                texts.append(page.get_textpage().get_text_bounded())
                page.close()
            return "\n".join(texts), len(pdf)
        finally:
            pdf.close()
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paragraphs = ("".join(t.text or "" for t in p.iter(f"{W_NS}t")) for p in root.iter(f"{W_NS}p"))
    return "\n".join(p for p in paragraphs if p), 0


def floor(path: str) -> dict:
    from analysis.nlp import nlp

    text, pages = floor_text(path)
    persons = [e.text for e in nlp()(text).ents if e.label_ == "PER"]
    return {"file": path, "pages": pages, "persons": len(persons)}


def _load_floor_model() -> None:
    from analysis.nlp import nlp

    nlp()


# -------------------------------------------------------------------- command

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["naive", "floor"])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                        help="processus (floor seulement ; naive est séquentiel)")
    args = parser.parse_args()
    if args.which == "naive":
        for result in map(naive, args.files):
            print(json.dumps(result), flush=True)
        return
    with Pool(args.jobs, initializer=_load_floor_model) as pool:
        for result in pool.imap(floor, args.files):
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
