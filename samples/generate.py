"""Generate the sample submissions and their ground truth.

    .venv/bin/python -m samples.generate [--seed 2026] [--out samples/dossiers]
        [--truth samples/truth] [--only candidatures,rapports,hostiles,inconnus] [--names NAME ...]

The whole plan (every submission, its wording and its truth) is built in pure
Python from the seed, always in full, so that a subset renders exactly as it
would in a full run.  Rendering then writes DOCX (python-docx), PDF
(reportlab), scans (pdftoppm + Pillow) and batches the LibreOffice
conversions (PDF, ODT, DOC).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from samples.gen import candidature, convert, hostile, inconnu, rapport, wider
from samples.gen.package import write_file, write_folder, write_zip
from samples.gen.people import PeoplePool
from samples.gen.render_docx import render_docx
from samples.gen.render_pdf import render_pdf
from samples.gen.render_scan import render_scan
from samples.gen.spec import Submission
from samples.gen.world import ForeignPool

GROUPS = {"candidatures": "candidature", "rapports": "rapport", "hostiles": "hostile", "inconnus": "inconnu"}
PREFIX = {"candidature": "c", "rapport": "r", "hostile": "h", "inconnu": "i"}
EXT = {"docx": ".docx", "pdf": ".pdf", "pdf-lo": ".pdf", "odt": ".odt", "doc": ".doc", "scan": ".pdf"}


def build_plan(seed: int) -> list[Submission]:
    """Every submission with its truth; the draw order fixes who appears where."""
    pool, foreign = PeoplePool(seed), ForeignPool(seed)
    return (candidature.build_all(seed, pool) + rapport.build_all(seed, pool, foreign)
            + hostile.build_all(seed, pool) + inconnu.build_all(seed, pool)
            # Shapes added later (wider.py): drawn last, so that the first samples stay as they were.
            + wider.build_all(seed, pool, foreign))


def select(subs: list[Submission], only: list[str] | None, names: list[str] | None) -> list[Submission]:
    kinds = {GROUPS[g] for g in only} if only else set(GROUPS.values())
    return [s for s in subs if s.kind in kinds and (not names or s.name in names)]


def render(subs: list[Submission], out: Path, truth_dir: Path, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="expe-ct-gen-") as tmp:
        staging = Path(tmp)
        staged: dict[str, list[Path]] = {}
        jobs: dict[str, list[tuple[Path, Path]]] = {"pdf": [], "odt": [], "doc": []}
        for n, sub in enumerate(subs):
            paths = []
            for i, piece in enumerate(sub.pieces):
                rng = random.Random(f"{seed}:{sub.name}:{i}:render")
                target = staging / f"{n:03d}-{i:02d}{EXT[piece.how]}"
                if piece.how == "docx":
                    render_docx(piece.doc, target, rng)
                elif piece.how == "pdf":
                    render_pdf(piece.doc, target, rng)
                elif piece.how == "scan":
                    render_scan(piece.doc, target, rng)
                else:  # through LibreOffice, from the DOCX a Word user would have saved
                    source = staging / f"{n:03d}-{i:02d}-source.docx"
                    render_docx(piece.doc, source, rng)
                    jobs["pdf" if piece.how == "pdf-lo" else piece.how].append((source, target))
                paths.append(target)
            staged[sub.name] = paths
        for fmt, batch in jobs.items():
            convert.convert(batch, fmt)
        for sub in subs:
            place(sub, staged[sub.name], out / sub.name, seed)
            write_truth(sub, truth_dir)


def place(sub: Submission, paths: list[Path], dest: Path, seed: int) -> None:
    if dest.is_dir():
        shutil.rmtree(dest)
    if sub.kind == "hostile":
        hostile.materialise(sub, paths, dest, seed)
    elif sub.container == "file":
        write_file(paths[0], dest)
    elif sub.container == "folder":
        write_folder([(p.file, path) for p, path in zip(sub.pieces, paths)], sub.junk, dest)
    else:
        write_zip([(p.file, path) for p, path in zip(sub.pieces, paths)], sub.junk, dest)


def write_truth(sub: Submission, truth_dir: Path) -> None:
    (truth_dir / f"{sub.name}.json").write_text(
        json.dumps(sub.truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    scanned = [p for p in sub.pieces if p.how == "scan"]
    if scanned and sub.truth.get("ocr_reference"):
        text = "".join((f"=== {p.file} ===\n" if len(scanned) > 1 else "") + p.doc.plain_text()
                       for p in scanned)
        (truth_dir / f"{sub.name}.ocr.txt").write_text(text, encoding="utf-8")


def clean(out: Path, truth_dir: Path, kinds: set[str]) -> None:
    """Remove what a previous run wrote for these kinds (so renamed samples do not linger)."""
    prefixes = tuple(PREFIX[k] for k in kinds)
    for folder in (out, truth_dir):
        if not folder.exists():
            continue
        for entry in folder.iterdir():
            if entry.name[:1] in prefixes and entry.name[1:3].isdigit():
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def summary(subs: list[Submission]) -> str:
    by_kind = Counter(s.kind for s in subs)
    containers = Counter(s.container for s in subs if s.kind in ("candidature", "rapport"))
    formats = Counter(f for s in subs for f in s.truth.get("formats") or [])
    statuses = Counter((cid, st) for s in subs for cid, st in (s.truth.get("checks") or {}).items())
    lines = [f"soumissions : {dict(by_kind)}", f"conteneurs : {dict(containers)}",
             f"formats : {dict(formats)}", "contrôles :"]
    for cid in sorted({c for c, _ in statuses}):
        lines.append(f"  {cid:26s} " + " ".join(f"{st}={statuses[(cid, st)]}" for st in ("pass", "fail", "review")))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Génère les dossiers d'exemple et leur vérité terrain.")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path("samples/dossiers"))
    parser.add_argument("--truth", type=Path, default=Path("samples/truth"))
    parser.add_argument("--only", type=lambda s: [g.strip() for g in s.split(",") if g.strip()])
    parser.add_argument("--names", nargs="*")
    args = parser.parse_args(argv)
    if args.only and not set(args.only) <= set(GROUPS):
        parser.error(f"--only accepte : {', '.join(GROUPS)}")
    started = time.monotonic()
    subs = select(build_plan(args.seed), args.only, args.names)
    if not args.names:
        clean(args.out, args.truth, {s.kind for s in subs} or set(GROUPS.values()))
    render(subs, args.out, args.truth, args.seed)
    print(summary(subs), file=sys.stderr)
    print(f"{len(subs)} soumissions générées en {time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
