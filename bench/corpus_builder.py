"""The bench submissions: N one-file dossiers of 2 to 15 pages, half PDF,
half DOCX, plus a few scanned PDFs aside, built from the committed samples
and cached under bench/.cache/ (same seed, same bytes).

Each submission opens with a whole candidature or mission report (so that it
is analysed as one) followed by pages of other samples, as annexes would:
PDF pages are copied by PDFium, DOCX bodies are appended with python-docx
after a page break (their pictures dropped: their relationships belong to
the other package).  DOCX has no fixed pages: LibreOffice lays out each
sample and each built DOCX to count them (cached by content).

    .venv/bin/python bench/corpus_builder.py [--n 100] [--scans 4] [--seed 0]
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import docx
import pypdfium2 as pdfium
from docx.enum.text import WD_BREAK

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT / "samples" / "truth"
CACHE = ROOT / "bench" / ".cache"

MIN_PAGES, MAX_PAGES = 2, 15
SCAN_PAGES = (2, 4)           # OCR costs seconds a page: scans stay short
SOFFICE_BATCH, SOFFICE_TIMEOUT_S = 40, 180   # files per LibreOffice run, its time limit
FIXED_ZIP_DATE = (2026, 1, 1, 0, 0, 0)
KINDS = ("candidature", "rapport", "inconnu")
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Entry:
    file: str                 # name inside the corpus folder
    format: str               # pdf | docx
    pages: int
    scan: bool
    sources: list[str] = field(default_factory=list)   # samples used, in order


@dataclass
class Corpus:
    folder: Path
    entries: list[Entry]

    def paths(self, scan: bool = False) -> list[str]:
        return [str(self.folder / e.file) for e in self.entries if e.scan == scan]

    def pages(self, scan: bool = False) -> int:
        return sum(e.pages for e in self.entries if e.scan == scan)


def _samples() -> dict[str, dict[str, list[Path]]]:
    """Committed one-file samples that read without error, traps aside, by
    role (text PDF, DOCX, scanned PDF: truth says `"ocr": true`) then by
    kind (candidature, rapport, inconnu)."""
    roles = {role: {kind: [] for kind in KINDS} for role in ("pdf", "docx", "scan")}
    for truth_file in sorted(TRUTH.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        path = ROOT / truth["submission"]
        fmt = path.suffix.lstrip(".")
        hostile = path.name.startswith("h")   # the trap samples: not what speed is about
        if hostile or truth.get("status") != "ok" or not path.is_file() or fmt not in ("pdf", "docx"):
            continue
        role = "scan" if truth.get("ocr") else fmt
        if truth.get("ocr") and fmt != "pdf":
            continue
        roles[role][truth["kind"]].append(path)
    return roles


def _pdf_pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _docx_pages(paths: list[Path]) -> dict[str, int]:
    """Pages LibreOffice lays each DOCX sample out on (cached by content)."""
    cache_file = CACHE / "docx-pages.json"
    known = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    todo = [p for p in paths if _sha(p) not in known]
    for start in range(0, len(todo), SOFFICE_BATCH):
        batch = todo[start:start + SOFFICE_BATCH]
        with tempfile.TemporaryDirectory() as tmp:
            profile = Path(tmp, "profile").as_uri()   # never the user's LibreOffice profile
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, *map(str, batch)],
                           check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
            for p in batch:
                known[_sha(p)] = _pdf_pages(Path(tmp, p.stem + ".pdf"))
    if todo:
        CACHE.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(known, indent=1, sort_keys=True))
    return {p.name: known[_sha(p)] for p in paths}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _compose(rng: random.Random, samples: dict[str, list[Path]], pages: dict[str, int],
             low: int, high: int, whole: bool) -> list[tuple[Path, int]]:
    """A candidature or report, then samples of its kind or of none (an
    invoice, an agenda...) as annexes, until a page target drawn in [low,
    high]: PDF takes the first pages of the last one, DOCX (`whole`) only
    samples that still fit."""
    target = rng.randint(low, high)
    leads = samples["candidature"] + samples["rapport"]
    lead = rng.choice([p for p in leads if not whole or pages[p.name] <= target])
    others = samples["inconnu"] + samples["candidature" if lead in samples["candidature"] else "rapport"]
    parts = [(lead, min(pages[lead.name], target))]
    total = parts[0][1]
    while total < target:
        fitting = [p for p in others if pages[p.name] <= target - total]
        src = rng.choice(fitting if whole else others)
        take = min(pages[src.name], target - total)
        parts.append((src, take))
        total += take
    return parts


def _write_pdf(parts: list[tuple[Path, int]], dest: Path) -> None:
    out = pdfium.PdfDocument.new()
    try:
        for src, take in parts:
            pdf = pdfium.PdfDocument(src)
            try:
                out.import_pages(pdf, list(range(take)))
            finally:
                pdf.close()
        buf = io.BytesIO()
        out.save(buf)
    finally:
        out.close()
    # PDFium stamps the date and draws a random /ID: fixed ones (of the same
    # lengths: the cross-reference offsets hold) keep the bytes, hence the
    # sha256 the inbox files by, the same for the same seed.
    digest = hashlib.md5(repr([(s.name, t) for s, t in parts]).encode()).hexdigest().upper()
    data = re.sub(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]",
                  b"/ID[<" + digest.encode() + b"><" + digest.encode() + b">]", buf.getvalue())
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20260101000000", data)
    dest.write_bytes(data)


def _write_docx(parts: list[tuple[Path, int]], dest: Path) -> None:
    out = docx.Document(str(parts[0][0]))
    body = out.element.body
    section = body.find(f"{W_NS}sectPr")
    for src, _ in parts[1:]:
        out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)   # placed before sectPr
        for element in docx.Document(str(src)).element.body:
            if element.tag == f"{W_NS}sectPr":   # its header/footer belong to the other package
                continue
            element = copy.deepcopy(element)
            for drawing in element.findall(f".//{W_NS}drawing"):
                drawing.getparent().remove(drawing)
            if section is not None:
                section.addprevious(element)
            else:
                body.append(element)
    buf = io.BytesIO()
    out.save(buf)
    # python-docx stamps zip entries with the current time: fix it.
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_DATE), zin.read(info),
                          compress_type=zipfile.ZIP_DEFLATED)


def build(n: int, scans: int = 0, seed: int = 0) -> Corpus:
    """The corpus for (n, scans, seed), built once and then read from cache."""
    roles = _samples()
    fingerprint = hashlib.sha256(Path(__file__).read_bytes())
    every = sorted({p for kinds in roles.values() for paths in kinds.values() for p in paths})
    for path in every:
        fingerprint.update(path.name.encode() + path.read_bytes())
    folder = CACHE / f"corpus-n{n}-s{scans}-seed{seed}-{fingerprint.hexdigest()[:10]}"
    manifest = folder / "manifest.json"
    if manifest.exists():
        return Corpus(folder, [Entry(**e) for e in json.loads(manifest.read_text())])

    pages = {p.name: _pdf_pages(p) for p in every if p.suffix == ".pdf"}
    pages |= _docx_pages([p for p in every if p.suffix == ".docx"])
    rng = random.Random(seed)
    tmp = folder.with_name(folder.name + ".partiel")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    entries: list[Entry] = []
    seen: set[tuple] = set()
    plan = [("pdf" if i % 2 == 0 else "docx", False) for i in range(n)] + [("pdf", True)] * scans
    for number, (fmt, scan) in enumerate(plan, start=1):
        role = "scan" if scan else fmt
        low, high = SCAN_PAGES if scan else (MIN_PAGES, MAX_PAGES)
        while True:   # identical bytes would be one submission to the inbox
            parts = _compose(rng, roles[role], pages, low, high,
                             whole=fmt == "docx")
            key = tuple((p.name, t) for p, t in parts)
            if key not in seen:
                seen.add(key)
                break
        name = f"{'s' if scan else 'b'}{number:04d}-{parts[0][0].stem}.{fmt}"
        (_write_pdf if fmt == "pdf" else _write_docx)(parts, tmp / name)
        entries.append(Entry(name, fmt, sum(t for _, t in parts), scan, [p.name for p, _ in parts]))
    # Appended DOCX bodies lay out a page more or less than on their own.
    laid_out = _docx_pages([tmp / e.file for e in entries if e.format == "docx"])
    for e in entries:
        e.pages = laid_out.get(e.file, e.pages)
    (tmp / "manifest.json").write_text(json.dumps([asdict(e) for e in entries], indent=1))
    tmp.rename(folder)
    return Corpus(folder, entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="soumissions texte (PDF et DOCX)")
    parser.add_argument("--scans", type=int, default=4, help="PDF numérisés en plus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpus = build(args.n, args.scans, args.seed)
    text = [e for e in corpus.entries if not e.scan]
    print(f"{corpus.folder}")
    print(f"{len(text)} soumissions texte ({sum(e.format == 'pdf' for e in text)} PDF, "
          f"{sum(e.format == 'docx' for e in text)} DOCX), {corpus.pages()} pages ; "
          f"{len(corpus.entries) - len(text)} numérisées, {corpus.pages(scan=True)} pages")


if __name__ == "__main__":
    main()
