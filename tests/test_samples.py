"""The sample generator and its committed output: truth files valid against
the contract, every check exercised both ways, formats covered, hostile
files really hostile, the printed text carrying the truth, and the truth
reproducible from the seed."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `samples` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

from contract import themes  # noqa: E402
from samples import generate  # noqa: E402
from samples.gen import truth as T  # noqa: E402
from samples.gen.dates import deadline  # noqa: E402

SAMPLES = ROOT / "samples"
DOSSIERS = SAMPLES / "dossiers"
TRUTH = SAMPLES / "truth"
THEMES = set(themes())

# From contract.md, written out again so that the generator is checked against it.
CODES = {"unreadable", "encrypted", "unsupported_format", "empty", "too_large", "timeout"}
APPLICANT_TYPES = {"commune", "epci", "departement", "region", "association_elus", "autre"}
CATEGORIES = {"elu", "agent", "partenaire", "autre"}
CANDIDATURE_CHECKS = ["applicant.eligible", "expertise.described", "expertise.basis", "commitment.meae",
                      "experts.named", "experts.function", "experts.qualifications", "experts.eligible",
                      "commitment.inform_daect", "signature"]
RAPPORT_CHECKS = ["report.purpose", "report.follow_up", "report.long_term", "report.deadline",
                  "report.validated", "mission.size", "mission.duration"]
ADVISORY = {"commitment.inform_daect", "signature", "mission.size", "mission.duration"}


@pytest.fixture(scope="module")
def truths() -> dict[str, dict]:
    files = sorted(TRUTH.glob("*.json"))
    if not files:
        pytest.skip("samples/truth absent : lancer `python -m samples.generate`")
    return {f.name[:-5]: json.loads(f.read_text(encoding="utf-8")) for f in files}


def expected_verdict(kind, checks):
    """The contract's rule, written again here so that truth.verdict is checked."""
    if kind not in ("candidature", "rapport"):
        return None
    mandatory = [s for c, s in checks.items() if c not in ADVISORY]
    return "incomplete" if "fail" in mandatory else "review" if "review" in mandatory else "complete"


# --------------------------------------------------------------------------- truth files

def test_truth_files_are_valid(truths):
    for name, t in truths.items():
        assert t["submission"] == f"samples/dossiers/{name}", name
        assert (ROOT / t["submission"]).exists(), name
        assert t["status"] in ("ok", "error"), name
        if t["status"] == "error":
            assert t["error_code"] in CODES and t["kind"] is None, name
            assert t["checks"] == {} and t["verdict"] is None and t["experts"] == [], name
            continue
        assert t["error_code"] is None and t["kind"] in ("candidature", "rapport", "inconnu"), name
        expected_ids = {"candidature": CANDIDATURE_CHECKS, "rapport": RAPPORT_CHECKS, "inconnu": []}[t["kind"]]
        assert list(t["checks"]) == expected_ids, name
        assert set(t["checks"].values()) <= {"pass", "fail", "review"}, name
        assert t["verdict"] == expected_verdict(t["kind"], t["checks"]) == T.verdict(t["kind"], t["checks"]), name
        assert t["defects"] == [c for c, s in t["checks"].items() if s != "pass"], name
        assert t["formats"] == sorted({p["format"] for p in t["pieces"]}), name
        assert t["ocr"] == any(p["ocr"] for p in t["pieces"]), name
        if t["ocr"]:
            assert (ROOT / t["ocr_reference"]).is_file(), name
        if t["kind"] == "inconnu":
            assert t["applicant"] is None and t["mission"] is None, name
            continue
        assert t["applicant"]["type"] in APPLICANT_TYPES, name
        for x in t["expertise"]:
            assert x["label"] and x["themes"] and set(x["themes"]) <= THEMES, name
        for e in t["experts"]:
            assert re.fullmatch(r"\S+( \S+)+", e["name"]), name
            assert e["category"] in CATEGORIES or (e["category"] is None and e["function"] is None), name
        if t["kind"] == "rapport":
            m = t["mission"]
            assert m["country"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["start"]) and m["start"] <= m["end"], name
            assert m["participants"] and isinstance(m["hosting"], bool), name


def test_candidature_checks_follow_what_was_written(truths):
    """Spot the rules: ineligible applicant type, ineligible expert category,
    missing function or qualifications where an expert carries none."""
    for name, t in truths.items():
        if t["kind"] != "candidature":
            continue
        c = t["checks"]
        assert (c["applicant.eligible"] == "pass") == (t["applicant"]["type"] != "autre"), name
        if t["experts"]:
            categories = {e["category"] for e in t["experts"]}
            assert c["experts.eligible"] == ("fail" if "autre" in categories else
                                             "review" if None in categories else "pass"), name
            if c["experts.function"] == "pass":
                assert all(e["function"] for e in t["experts"]), name
            if c["experts.qualifications"] == "pass":
                assert all(e["qualifications"] for e in t["experts"]), name
        else:
            assert c["experts.named"] != "pass", name
        assert (t["expertise"] != []) == (c["expertise.described"] == "pass"), name


def test_report_time_rules(truths):
    for name, t in truths.items():
        if t["kind"] != "rapport":
            continue
        m, c = t["mission"], t["checks"]
        start, end = date.fromisoformat(m["start"]), date.fromisoformat(m["end"])
        assert c["mission.duration"] == ("pass" if (end - start).days + 1 <= 7 else "review"), name
        assert c["mission.size"] == ("pass" if len(m["participants"]) <= 2 else "review"), name
        if m["report_date"] is None:
            assert c["report.deadline"] == "review", name
        else:
            assert (c["report.deadline"] == "pass") == (date.fromisoformat(m["report_date"]) <= deadline(end)), name


def test_deadline_edges():
    assert T.deadline_status(date(2025, 3, 15), date(2025, 5, 15)) == "pass"
    assert T.deadline_status(date(2025, 3, 15), date(2025, 5, 16)) == "fail"
    assert T.deadline_status(date(2024, 12, 31), date(2025, 2, 28)) == "pass"
    assert T.deadline_status(date(2024, 12, 31), date(2025, 3, 1)) == "fail"
    assert T.deadline_status(date(2023, 12, 31), date(2024, 2, 29)) == "pass"
    assert T.deadline_status(date(2025, 1, 1), None) == "review"


# --------------------------------------------------------------------------- coverage

def test_every_check_is_exercised_both_ways(truths):
    seen = defaultdict(Counter)
    for t in truths.values():
        for cid, status in t["checks"].items():
            seen[cid][status] += 1
    for cid in CANDIDATURE_CHECKS + RAPPORT_CHECKS:
        other = "review" if cid in ("mission.size", "mission.duration") else "fail"
        assert seen[cid]["pass"] >= 2 and seen[cid][other] >= 2, (cid, seen[cid])
    statements = ["expertise.described", "expertise.basis", "commitment.meae", "commitment.inform_daect",
                  "experts.named", "experts.function", "experts.qualifications",
                  "report.purpose", "report.follow_up", "report.long_term", "report.deadline", "report.validated"]
    for cid in statements:
        assert seen[cid]["review"] >= 1, (cid, seen[cid])


def test_counts_formats_and_verdicts(truths):
    by_kind = Counter(t["kind"] for t in truths.values() if t["status"] == "ok")
    assert by_kind["candidature"] >= 45 and by_kind["rapport"] >= 25 and by_kind["inconnu"] >= 3
    errors = Counter(t["error_code"] for t in truths.values() if t["status"] == "error")
    assert sum(errors.values()) >= 10
    assert {"encrypted", "unreadable", "empty", "unsupported_format", "too_large"} <= set(errors)
    for kind in ("candidature", "rapport"):
        ts = [(n, t) for n, t in truths.items() if t["kind"] == kind and not n.startswith("h")]
        formats = Counter(f for _, t in ts for f in t["formats"])
        assert {"pdf", "docx", "odt", "doc"} <= set(formats), (kind, formats)
        containers = Counter("folder" if (DOSSIERS / n).is_dir() else "zip" if n.endswith(".zip") else "file"
                             for n, _ in ts)
        verdicts = Counter(t["verdict"] for _, t in ts)
        assert verdicts["complete"] >= 5 and verdicts["incomplete"] >= 5 and verdicts["review"] >= 3, verdicts
        if kind == "candidature":
            assert containers["folder"] >= 4 and containers["zip"] >= 4
            assert sum(1 for _, t in ts if t["ocr"] and len(t["pieces"]) == 1) >= 4
            assert sum(1 for _, t in ts if not t["defects"]) >= 8
            assert {t["writing"]["experts_as"] for _, t in ts} >= {"table", "list", "prose", "form", "cv"}
            assert any(t["writing"]["layout"] == "two-column" for _, t in ts)
        else:
            assert {m["mission"]["hosting"] for _, m in ts} == {True, False}
            assert any(t["ocr"] for _, t in ts)


def test_people_never_repeat_across_submissions(truths):
    where = defaultdict(set)
    for name, t in truths.items():
        people = [e["name"] for e in t["experts"]] + t["not_experts"]
        if t["mission"]:
            people += t["mission"]["participants"]
        for p in set(people):
            where[p].add(name)
    assert {p: s for p, s in where.items() if len(s) > 1} == {}


def test_names_do_not_reveal_the_truth(truths):
    telling = {"defect", "defaut", "manque", "manquant", "absent", "incomplet", "incomplete", "complet",
               "complete", "fail", "pass", "review", "invalid", "ineligible", "late", "retard", "tardif",
               "undated", "unsigned", "nonsigne", "placeholder", "xxe", "bomb", "slip", "encrypted",
               "protege", "chiffre", "vide", "corrompu", "tronque"}
    for name in truths:
        tokens = set(re.split(r"[^a-z0-9]+", name.lower()))
        assert not tokens & telling, name


# --------------------------------------------------------------------------- the files themselves

def piece_text(path: Path) -> str:
    data = path.read_bytes()
    if data[:5] == b"%PDF-":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              timeout=60).stdout
    if data[:4] == b"PK\x03\x04":
        from lxml import etree
        with zipfile.ZipFile(path) as zf:
            parts = [n for n in zf.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
            return " ".join(" ".join(etree.fromstring(zf.read(n)).itertext())
                            for n in parts or ["content.xml"])
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # antiword prints the body only; page headers sit in the same text stream,
        # stored as UTF-16 or cp1252 depending on the characters.
        body = subprocess.run(["antiword", "-w", "0", str(path)], capture_output=True, text=True,
                              timeout=60).stdout
        return " ".join([body, data.decode("utf-16-le", "ignore"), data.decode("cp1252", "ignore")])
    raise AssertionError(f"format inattendu : {path}")


def submission_text(name: str, t: dict, tmp_path: Path) -> str:
    sub = DOSSIERS / name
    if sub.is_dir():
        files = [sub / p["file"] for p in t["pieces"]]
    elif name.endswith(".zip"):
        with zipfile.ZipFile(sub) as zf:
            zf.extractall(tmp_path / name)
        files = [tmp_path / name / p["file"] for p in t["pieces"]]
    else:
        files = [sub]
    texts = [(TRUTH / f"{name}.ocr.txt").read_text(encoding="utf-8") if p["ocr"] else piece_text(f)
             for f, p in zip(files, t["pieces"])]
    # pdftotext joins words hyphenated at a line end ("Anne-" + "Sophie" -> "AnneSophie").
    return re.sub(r"\s+", " ", " ".join(texts)).lower().replace("-", "")


@pytest.mark.skipif(not all(Path(f"/usr/bin/{t}").exists() for t in ("pdftotext", "antiword")),
                    reason="pdftotext / antiword absents")
def test_printed_text_carries_the_truth(truths, tmp_path):
    """Every person of the truth, the applicant and each expertise label is in
    the pieces (read back from the files, or the OCR reference for scans)."""
    def has(text: str, s: str) -> bool:
        return s.lower().replace("-", "") in text

    for name, t in truths.items():
        if t["status"] != "ok" or t["kind"] == "inconnu" or name.startswith("h"):
            continue
        text = submission_text(name, t, tmp_path)
        people = [e["name"] for e in t["experts"]] + t["not_experts"]
        if t["mission"]:
            people += t["mission"]["participants"]
        for person in people:
            first, last = person.split(" ", 1)
            assert has(text, first) and has(text, last), (name, person)
        assert has(text, t["applicant"]["name"]) or any(has(text, a) for a in t["applicant"]["aliases"]), name
        if t["kind"] == "candidature":
            for x in t["expertise"]:
                assert has(text, x["label"]), (name, x["label"])
            if "placeholder" in " ".join(t["notes"]):
                assert has(text, "Cliquez ou appuyez ici pour entrer du texte."), name
        else:
            assert has(text, t["mission"]["country"]), name


def test_hostile_files_are_what_they_claim(truths):
    pdfium = pytest.importorskip("pypdfium2")
    by_builder = {}
    for name, t in truths.items():
        if name.startswith("h"):
            by_builder[name] = t
    encrypted = next(n for n, t in by_builder.items() if t["error_code"] == "encrypted" and n.endswith(".pdf"))
    with pytest.raises(pdfium.PdfiumError, match="password"):
        pdfium.PdfDocument(str(DOSSIERS / encrypted))
    too_large = [n for n, t in by_builder.items() if t["error_code"] == "too_large"]
    pdf400 = next(n for n in too_large if n.endswith(".pdf"))
    assert len(pdfium.PdfDocument(str(DOSSIERS / pdf400))) == 400
    bomb = next(n for n in too_large if n.endswith(".zip"))
    with zipfile.ZipFile(DOSSIERS / bomb) as zf:  # sizes from the directory only: nothing inflated
        assert any(i.file_size >= 200 * 2**20 and i.file_size / i.compress_size > 100 for i in zf.infolist())
    empties = [n for n, t in by_builder.items() if t["error_code"] == "empty"]
    assert any((DOSSIERS / n).is_file() and (DOSSIERS / n).stat().st_size == 0 for n in empties)
    slip = next(n for n, t in by_builder.items() if t["status"] == "ok" and n.endswith(".zip"))
    with zipfile.ZipFile(DOSSIERS / slip) as zf:
        names = zf.namelist()
    assert any(n.startswith("../") for n in names) and any(n.startswith("/") for n in names)
    xxe = next(n for n, t in by_builder.items() if t["status"] == "ok" and n.endswith(".docx"))
    with zipfile.ZipFile(DOSSIERS / xxe) as zf:
        document = zf.read("word/document.xml")
    assert b'<!ENTITY e SYSTEM "file:///etc/hostname">' in document and b"&e;" in document
    odt = next(n for n, t in by_builder.items() if n.endswith(".odt"))
    with zipfile.ZipFile(DOSSIERS / odt) as zf:
        assert b"encryption-data" in zf.read("META-INF/manifest.xml")
    locked = next(n for n, t in by_builder.items() if t["error_code"] == "encrypted" and n.endswith(".zip"))
    with zipfile.ZipFile(DOSSIERS / locked) as zf:
        assert all(i.flag_bits & 1 for i in zf.infolist())
        assert zf.read(zf.namelist()[0], pwd=b"daect2024")[:2] == b"PK"
    for n, t in by_builder.items():
        if t["error_code"] == "unsupported_format":
            head = (DOSSIERS / n).read_bytes()[:8]
            assert not head.startswith((b"%PDF", b"PK", b"\xd0\xcf\x11\xe0")), n


# --------------------------------------------------------------------------- determinism

def test_truth_is_reproducible_from_the_seed(truths):
    plan = generate.build_plan(2026)
    assert {s.name for s in plan} == set(truths)
    for sub in plan:
        assert json.loads(json.dumps(sub.truth, ensure_ascii=False)) == truths[sub.name], sub.name
    again = generate.build_plan(2026)
    assert [s.truth for s in again] == [s.truth for s in plan]
    other = generate.build_plan(7)
    assert [s.truth["experts"] for s in other] != [s.truth["experts"] for s in plan]


def test_rendering_a_subset_writes_the_same_truth(truths, tmp_path):
    """Re-render two pure-Python samples (a DOCX and a reportlab PDF) from the seed."""
    plan = generate.build_plan(2026)
    picks = [next(s for s in plan if s.kind == "candidature" and s.container == "file" and s.pieces[0].how == how)
             for how in ("docx", "pdf")]
    out, truth_dir = tmp_path / "dossiers", tmp_path / "truth"
    generate.render(picks, out, truth_dir, 2026)
    for sub in picks:
        written = json.loads((truth_dir / f"{sub.name}.json").read_text(encoding="utf-8"))
        assert written == truths[sub.name]
        text = re.sub(r"\s+", " ", piece_text(out / sub.name)).lower()
        for e in written["experts"]:
            assert e["name"].split(" ", 1)[1].lower() in text, (sub.name, e["name"])
