"""LibreOffice headless conversions (DOCX -> PDF, ODT, DOC), batched.

One soffice call per target format converts many files; it runs with a
private profile (never the user's) and is killed, with its children, when
it overruns its timeout.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from common.processes import run_in_group

FILTERS = {"pdf": "pdf:writer_pdf_Export", "odt": "odt:writer8", "doc": "doc:MS Word 97"}
TIMEOUT_S = 240


class ConversionError(RuntimeError):
    pass


def convert(jobs: list[tuple[Path, Path]], target: str, timeout_s: float = TIMEOUT_S) -> None:
    """Convert each (source.docx, destination) pair to `target` (pdf, odt, doc)."""
    if not jobs:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ConversionError("LibreOffice (soffice) est introuvable.")
    with tempfile.TemporaryDirectory(prefix="expe-ct-lo-") as tmp:
        tmpdir = Path(tmp)
        inputs, outdir = tmpdir / "in", tmpdir / "out"
        inputs.mkdir()
        # Unique ASCII stems: soffice names outputs after inputs, all in one folder.
        staged = []
        for i, (src, _) in enumerate(jobs):
            path = inputs / f"f{i:04d}{src.suffix}"
            shutil.copyfile(src, path)
            staged.append(path)
        cmd = [soffice, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", FILTERS[target],
               "--outdir", str(outdir), *map(str, staged)]
        try:
            _, err = run_in_group(cmd, timeout_s)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice a dépassé {timeout_s:.0f} s ({target}).") from None
        for path, (_, dest) in zip(staged, jobs):
            produced = outdir / f"{path.stem}.{target}"
            if not produced.exists():
                raise ConversionError(f"Conversion {target} manquante pour {dest.name} : "
                                      f"{err.decode(errors='replace')[-300:]}")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(produced), dest)
