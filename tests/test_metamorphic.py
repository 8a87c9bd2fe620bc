"""Metamorphic tests: six candidature samples re-rendered in every shape of
samples/metamorphic.py must give the analysis the same experts, check
statuses and verdict as their base rendering.

Each shape holds a bar: the number of base dossiers (out of 6) that came back
unchanged when it was last measured.  Raise a bar when the analysis does
better; a shape that drops below its bar has lost ground.  Measure with
`python -m samples.metamorphic --n 6` (it prints what changed and keeps the
files under samples/.metamorphic/).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from samples import metamorphic as M

N_BASES = 6
# Dossiers (of 6) whose experts, checks and verdict match the base, as measured.
BARS = {"base": 6, "synonymes": 6, "nom-prenom": 6, "role-avant-nom": 6, "titres-gras": 6, "liste": 6,
        "zone-de-texte": 6, "pdf": 6, "deux-colonnes": 6, "pdf-libreoffice": 6, "odt": 6, "doc": 6,
        "scan": 4, "zip-cv": 4}
NEEDS = {"pdf-libreoffice": "soffice", "odt": "soffice", "doc": "soffice", "scan": "tesseract"}


@pytest.fixture(scope="module")
def bases():
    return [M.make_base(p) for p in M.choose(M.candidature_plans(), N_BASES)]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("metamorphic")


@pytest.fixture(scope="module")
def results(bases, cache):
    """Rendered files and analysed outcomes, shape by shape as tests ask."""
    done: dict[str, tuple[dict, dict]] = {}

    def of(shape: str) -> tuple[dict, dict]:
        if shape not in done:
            paths = M.render_shapes(bases, [M.BY_KEY[shape]], cache)
            done[shape] = paths, {pair: M.outcome(M.analyse_submission(str(p))) for pair, p in paths.items()}
        return done[shape]
    return of


def test_shapes_cover_the_issue():
    issue = {"synonymes", "nom-prenom", "role-avant-nom", "titres-gras", "zone-de-texte", "deux-colonnes",
             "odt", "doc", "scan", "zip-cv"}
    assert issue <= set(M.BY_KEY) and set(BARS) == set(M.BY_KEY)


def test_bases_are_the_samples_truth(bases):
    """The plans are drawn as samples.generate draws them: same people, same checks."""
    assert len(bases) == N_BASES
    for base in bases:
        committed = M.TRUTH / f"{base.sample}.json"
        if committed.exists():
            truth = json.loads(committed.read_text(encoding="utf-8"))
            assert truth["experts"] == base.truth["experts"], base.key
            assert truth["checks"] == base.truth["checks"], base.key
        assert len({e.person.name for e in base.plan.experts}) == len(base.truth["experts"]) >= 1


def test_base_rendering_is_read_right(bases, results):
    """Invariance means something only if the base itself is read as its truth."""
    _, outcomes = results("base")
    wrong = {b.key: M.differences(M.truth_outcome(b.truth), outcomes[(b.key, "base")]) for b in bases}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_shapes_are_what_they_claim(bases, results):
    """A look inside the files of the shapes that need no external tool."""
    key = bases[1].key  # five experts
    paths, _ = results("zone-de-texte")
    with zipfile.ZipFile(paths[(key, "zone-de-texte")]) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:txbxContent>") == 2 and "mc:Fallback" in xml  # DrawingML box and its VML copy
    assert "<w:tbl>" not in xml.split("<w:txbxContent>")[1]
    paths, _ = results("zip-cv")
    with zipfile.ZipFile(paths[(key, "zip-cv")]) as z:
        names = z.namelist()
    assert len([n for n in names if n.startswith("CV/")]) == len(bases[1].plan.experts)
    paths, _ = results("deux-colonnes")
    text = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(paths[(key, "deux-colonnes")]), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert sum(1 for line in text.splitlines() if "   " in line.strip()) > 10  # side-by-side columns


@pytest.mark.parametrize("shape", list(BARS))
def test_shape_keeps_experts_and_checks(shape, bases, results):
    if shape in NEEDS and not shutil.which(NEEDS[shape]):
        pytest.skip(f"{NEEDS[shape]} absent")
    _, reference = results("base")
    _, outcomes = results(shape)
    changed = {b.key: M.differences(reference[(b.key, "base")], outcomes[(b.key, shape)]) for b in bases}
    invariant = sum(not v for v in changed.values())
    assert invariant >= BARS[shape], {k: v for k, v in changed.items() if v}
