"""LibreOffice opens no local file a document names: the field instructions
of an RTF are removed before conversion, and the converter runs in a
bubblewrap sandbox that sees nothing outside its own folders.  Checked with
strace on the whole process tree."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import converter

ROOT = Path(__file__).resolve().parents[1]
TRAP = ('{\\rtf1\\ansi {\\field{\\*\\fldinst INCLUDEPICTURE "%(image)s" \\\\d}{\\fldrslt }}Bonjour.\\par '
        '{\\field{\\*\\fldinst {INCLUDE}{TEXT "%(text)s"}}{\\fldrslt ancien texte}}\\par}')
READ = """
import sys
from extractors import converter
if sys.argv[2] == "sans-nettoyage":  # as if a field had a spelling the cleaning misses
    converter.without_field_instructions = lambda rtf: rtf
from expe_ct.pipeline import analyse_submission
record = analyse_submission(sys.argv[1])
print(record["status"], record["pieces"][0].get("error"))
"""

needs_tools = pytest.mark.skipif(not (shutil.which("strace") and converter.available()),
                                 reason="strace ou LibreOffice absent")


def test_field_instructions_are_removed_and_results_kept():
    rtf = (b'{\\rtf1 a{\\field{\\*\\fldinst INCLUDEPICTURE "C:\\\\x\\\\{y}.png"}{\\fldrslt vu}}b'
           b'{\\field{\\fldinst{\\b INCLUDETEXT} "/etc/passwd"}{\\fldrslt texte}}c}')
    assert converter.without_field_instructions(rtf) == (
        b'{\\rtf1 a{\\field{\\fldrslt vu}}b{\\field{\\fldrslt texte}}c}')
    assert converter.without_field_instructions(b"{\\rtf1 \\fldinstx}") == b"{\\rtf1 \\fldinstx}"


def _traced(tmp_path: Path, mode: str) -> tuple[str, list[str]]:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (secret / "texte.txt").write_text("TEXTE SECRET", encoding="utf-8")
    doc = tmp_path / "piege.doc"  # RTF saved under a .doc name
    doc.write_text(TRAP % {"image": secret / "image.png", "text": secret / "texte.txt"}, encoding="ascii")
    log = tmp_path / "strace.log"
    done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=%file", "-o", str(log), sys.executable, "-c",
                           READ, str(doc), mode], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [ln for ln in log.read_text(errors="replace").splitlines() if str(secret) in ln]


@needs_tools
def test_the_named_local_files_are_never_opened(tmp_path):
    out, touched = _traced(tmp_path, "normal")
    assert out.startswith("ok None")
    assert touched == []


@needs_tools
def test_the_sandbox_alone_hides_local_files(tmp_path):
    if not converter.sandbox(tmp_path):
        pytest.skip("bubblewrap absent ou inutilisable ici")
    out, touched = _traced(tmp_path, "sans-nettoyage")
    assert out.startswith("ok None")
    assert touched, "LibreOffice did not even try: the test would prove nothing"
    assert all("ENOENT" in line for line in touched), touched  # looked for, not there
