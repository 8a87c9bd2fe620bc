"""Metamorphic tests of the analysis: one candidature, many shapes.

Each base dossier is a candidature plan of the sample set (same seed, same
people, same truth as samples/truth/cNN-*.json), written once as a Word
dossier with real headings and a table of experts.  Each shape rewrites
that document without changing what it says (the experts block, the
headings, the layout, the format or the container) and is rendered to a
real file by the generator's own writers.  The analysis must return the
same experts, the same check statuses and the same verdict for every shape
as for the base.

    .venv/bin/python -m samples.metamorphic [--n 6] [--shapes zip-cv,scan] [--cache DIR] [--json OUT]

Rendered files stay in the cache folder (samples/.metamorphic/ by default,
ignored by git) so that a failing shape can be reopened.
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from expe_ct.evaluate import person_key
from expe_ct.pipeline import analyse_submission
from samples.gen import candidature, convert, writing
from samples.gen.candidature import Expert, Plan, lcfirst, ucfirst
from samples.gen.doc import Bullets, Doc, Heading, Para, Table, TextBox, cell_text
from samples.gen.package import write_zip
from samples.gen.people import PeoplePool
from samples.gen.render_docx import render_docx
from samples.gen.render_pdf import render_pdf
from samples.gen.render_scan import render_scan
from samples.gen.spec import slug

SEED = 2026
CACHE = Path(__file__).resolve().parent / ".metamorphic"
TRUTH = Path(__file__).resolve().parent / "truth"
# Base dossiers, most telling first: varied applicants, expert counts and
# defects (function, qualifications, eligibility, commitments, signature).
PREFERRED = ["c03", "c31", "c36", "c40", "c22", "c12", "c33", "c19", "c07", "c39", "c43", "c08"]


# --------------------------------------------------------------------------- bases

@dataclass
class Base:
    plan: Plan
    doc: Doc                  # the base document: Word headings, experts in a table
    span: tuple[int, int]     # doc.blocks[start:end]: the experts' intro and table
    truth: dict               # the sample's truth (experts, checks, verdict)
    sample: str               # the sample's name under samples/dossiers/

    @property
    def key(self) -> str:
        return self.plan.key


def candidature_plans(seed: int = SEED) -> list[Plan]:
    """The plans of samples.generate, drawn in the same order (same people)."""
    pool = PeoplePool(seed)
    eligible = candidature.shuffled_eligible(seed, "applicants")
    return [candidature.plan_candidature(f"c{i:02d}", recipe, seed, pool, eligible)
            for i, recipe in enumerate(candidature.RECIPES, 1)]


def choose(plans: list[Plan], n: int) -> list[Plan]:
    """Plans with experts to show, the preferred ones first."""
    usable = {p.key: p for p in plans if p.experts_state == "ok"}
    order = [k for k in PREFERRED if k in usable] + sorted(k for k in usable if k not in PREFERRED)
    return [usable[k] for k in order[:n]]


def make_base(plan: Plan, seed: int = SEED) -> Base:
    sample = candidature.build(copy.deepcopy(plan), seed)
    plan = dataclasses.replace(plan, style="dossier", experts_as="table")
    rng = random.Random(f"{seed}:{plan.key}:metamorphic")
    doc = candidature.dossier_doc(plan, rng, with_signature=True)
    if plan.signature in ("deliberation", "both"):
        doc.blocks += candidature.deliberation_doc(plan, rng).blocks
    for block in doc.blocks:
        if isinstance(block, Heading):
            block.look = "style"
    return Base(plan, doc, experts_span(doc, plan), sample.truth, sample.name)


def experts_span(doc: Doc, plan: Plan) -> tuple[int, int]:
    firsts = {e.person.first for e in plan.experts}
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Table) and block.header and any(
                first in cell_text(cell) for row in block.rows[1:] for cell in row for first in firsts):
            start = i - 1 if i and isinstance(doc.blocks[i - 1], Para) else i
            return start, i + 1
    raise ValueError(f"{plan.key} : tableau des experts introuvable")


def with_experts(base: Base, blocks: list, keep_intro: bool = True) -> Doc:
    """The base document with its experts block replaced."""
    doc = copy.deepcopy(base.doc)
    start, end = base.span
    intro = doc.blocks[start:end - 1] if keep_intro else []
    doc.blocks[start:end] = intro + blocks
    return doc


# --------------------------------------------------------------------------- what an expert's row says

def function_text(e: Expert, lower: bool = False) -> str:
    fn = e.fn_text(lower)
    return fn + e.org_suffix() if fn else ""


def quals_column(plan: Plan) -> bool:
    return not all(e.qual_state == "absent" for e in plan.experts)


def table_of(plan: Plan, header: list[str], cells: Callable[[Expert], list[str]], order: list[int]) -> Table:
    """A table of experts; `order` permutes the columns (qualifications last in
    `header` and `cells`, dropped when no expert has any, as the generator does)."""
    if not quals_column(plan):
        order = [j for j in order if j != len(header) - 1]
    rows = [header] + [cells(e) for e in plan.experts]
    return Table([[row[j] for j in order] for row in rows], header=True)


SYNONYMS = [  # (header name, function, qualifications), column order
    (["Identité", "Poste et service", "Compétences"], [0, 1, 2]),
    (["Expert", "Rôle dans la mission", "Parcours et qualifications"], [2, 0, 1]),
    (["Personne mobilisée", "Emploi occupé", "Savoir-faire"], [1, 0, 2]),
    (["Intervenant", "Fonction / organisme", "Références"], [0, 2, 1]),
]


def shape_synonyms(base: Base, rng: random.Random) -> Doc:
    header, order = SYNONYMS[rng.randrange(len(SYNONYMS))]
    return with_experts(base, [table_of(base.plan, header, lambda e: [
        e.person.written(e.style), ucfirst(function_text(e)), ucfirst(e.q_text())], order)])


def shape_split_names(base: Base, rng: random.Random) -> Doc:
    first_last = rng.random() < 0.5
    header = ["Prénom", "NOM"] if first_last else ["NOM", "Prénom"]
    return with_experts(base, [table_of(base.plan, header + ["Fonction", "Qualifications"], lambda e: (
        [e.person.first, e.person.last_upper] if first_last else [e.person.last_upper, e.person.first])
        + [ucfirst(function_text(e)), ucfirst(e.q_text())], [0, 1, 2, 3])])


def role_first(e: Expert, applicant: str, i: int) -> str:
    """'Notre directrice de l'eau, Mme Claire FONTAINE, ingénieure…, sera mobilisée.'"""
    p = e.person
    name = e.person.written(e.style if e.style in ("dr", "pr", "civ_upper", "civ_long") else "civ")
    q = e.q_text()
    tail = (f", {lcfirst(q)}" if q else "") + ", " + mission_role(e, i)
    fn = e.fn_text(lower=True)
    if not fn:
        return f"{p.g('Sera également mobilisé', 'Sera également mobilisée')} {name}{', ' + lcfirst(q) if q else ''}."
    own = e.category == "elu" or e.organisation in (applicant, None) or e.organisation.startswith("Ville ")
    lead = "Notre" if own and e.category != "autre" else p.g("Le", "La")
    return f"{lead} {fn}{e.org_suffix()}, {name}{tail}."


def mission_role(e: Expert, i: int) -> str:
    fem = e.person.gender == "f"
    return ["interviendra en qualité d'expert" + ("e" if fem else ""),
            "sera mobilisé" + ("e" if fem else "") + " sur les missions",
            "complète l'équipe"][min(i, 2)]


def shape_role_first(base: Base, rng: random.Random) -> Doc:
    applicant = base.plan.applicant.name
    return with_experts(base, [Para(role_first(e, applicant, i)) for i, e in enumerate(base.plan.experts)])


def shape_bold_headings(base: Base, rng: random.Random) -> Doc:
    doc = copy.deepcopy(base.doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            block.look = "bold"
    return doc


def expert_lines(base: Base, rng: random.Random) -> list[str]:
    return [candidature.expert_line(e, rng) for e in base.plan.experts]


def shape_list(base: Base, rng: random.Random) -> Doc:
    return with_experts(base, [Bullets(expert_lines(base, rng), marker="•")])


def shape_textbox(base: Base, rng: random.Random) -> Doc:
    return with_experts(base, [TextBox([Para(line, align="left") for line in expert_lines(base, rng)])])


def shape_two_columns(base: Base, rng: random.Random) -> Doc:
    doc = copy.deepcopy(base.doc)
    doc.layout = "two-column"
    return doc


def shape_same(base: Base, rng: random.Random) -> Doc:
    return copy.deepcopy(base.doc)


def names_only(base: Base) -> Doc:
    names = [e.person.written("civ") for e in base.plan.experts]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]
    return with_experts(base, [Para(
        f"{'L’expert mobilisable est' if len(names) == 1 else 'Les experts mobilisables sont'} {listed} ; "
        f"{'son curriculum vitae est joint' if len(names) == 1 else 'leurs curriculum vitae sont joints'} "
        f"au présent dossier.")], keep_intro=False)


def cvs(base: Base, rng: random.Random) -> list[tuple[str, Doc]]:
    """One CV per expert, saying what the table said (function, qualifications,
    or that they are still to be given)."""
    plan = base.plan
    scope = plan.expertise[0][2] if plan.expertise else candidature.scopes.GENERIC
    out = []
    for e in plan.experts:
        fn = ucfirst(e.fn_text()) or None
        org = e.organisation if e.stated and e.org_suffix() else None
        doc = writing.cv(rng, e.person, fn, org, ucfirst(e.q_text()) or None, e.diploma or scope.diplomas[0],
                         scope.field, None, None)
        if e.qual_state == "absent":  # a CV's diplomas are qualifications: none shown when none were stated
            doc.blocks = without_section(doc.blocks, "Formation")
        out.append((f"CV/cv-{slug(e.person.last, 2)}.docx", doc))
    return out


def without_section(blocks: list, title: str) -> list:
    """The blocks less the section under the heading `title`."""
    out, skipping = [], False
    for block in blocks:
        if isinstance(block, Heading):
            skipping = block.text == title
        if not skipping:
            out.append(block)
    return out


# --------------------------------------------------------------------------- shapes

@dataclass(frozen=True)
class Shape:
    key: str
    label: str                # French, for the report
    how: str                  # docx, pdf, pdf-lo, odt, doc, scan, zip-cv
    make: Callable[[Base, random.Random], Doc]
    control: bool = False     # not a shape of the issue: a step between the base and one (localises a loss)


SHAPES = [
    Shape("base", "référence : Word, titres stylés, tableau des experts", "docx", shape_same),
    Shape("synonymes", "en-têtes synonymes, colonnes permutées", "docx", shape_synonyms),
    Shape("nom-prenom", "NOM et Prénom en colonnes séparées", "docx", shape_split_names),
    Shape("role-avant-nom", "prose, la fonction avant le nom", "docx", shape_role_first),
    Shape("titres-gras", "titres en paragraphes gras", "docx", shape_bold_headings),
    Shape("liste", "experts en liste à puces (témoin de la zone de texte)", "docx", shape_list, True),
    Shape("zone-de-texte", "experts dans une zone de texte Word", "docx", shape_textbox),
    Shape("pdf", "PDF une colonne (témoin)", "pdf", shape_same, True),
    Shape("deux-colonnes", "PDF sur deux colonnes", "pdf", shape_two_columns),
    Shape("pdf-libreoffice", "PDF exporté par LibreOffice", "pdf-lo", shape_same),
    Shape("odt", "ODT (LibreOffice)", "odt", shape_same),
    Shape("doc", "Word 97 .doc (LibreOffice)", "doc", shape_same),
    Shape("scan", "scan du PDF (images seules, OCR)", "scan", shape_same),
    Shape("zip-cv", "ZIP : dossier citant les noms, un CV Word par expert", "zip-cv", shape_same),
]
BY_KEY = {s.key: s for s in SHAPES}
SUFFIX = {"docx": ".docx", "pdf": ".pdf", "pdf-lo": ".pdf", "odt": ".odt", "doc": ".doc", "scan": ".pdf",
          "zip-cv": ".zip"}
SLOW = {"pdf-lo", "odt", "doc", "scan"}   # LibreOffice or OCR


def render_shapes(bases: list[Base], shapes: list[Shape], cache: Path, seed: int = SEED) -> dict[tuple[str, str], Path]:
    """Render every (base, shape) to cache/<base>/<shape><ext>; LibreOffice
    conversions batched, one call per format."""
    out: dict[tuple[str, str], Path] = {}
    jobs: dict[str, list[tuple[Path, Path]]] = {"pdf": [], "odt": [], "doc": []}
    with tempfile.TemporaryDirectory(prefix="expe-ct-meta-") as tmp:
        for base in bases:
            folder = cache / base.key
            folder.mkdir(parents=True, exist_ok=True)
            for shape in shapes:
                rng = random.Random(f"{seed}:{base.key}:{shape.key}")
                render_rng = random.Random(f"{seed}:{base.key}:render")   # same fonts for every shape
                doc = shape.make(base, rng)
                target = folder / f"{shape.key}{SUFFIX[shape.how]}"
                if shape.how == "docx":
                    render_docx(doc, target, render_rng)
                elif shape.how == "pdf":
                    render_pdf(doc, target, render_rng)
                elif shape.how == "scan":
                    render_scan(doc, target, render_rng)
                elif shape.how == "zip-cv":
                    write_cv_zip(base, rng, render_rng, target, Path(tmp))
                else:
                    source = Path(tmp) / f"{base.key}-{shape.key}.docx"
                    render_docx(doc, source, render_rng)
                    jobs["pdf" if shape.how == "pdf-lo" else shape.how].append((source, target))
                out[(base.key, shape.key)] = target
        for fmt, batch in jobs.items():
            convert.convert(batch, fmt)
    return out


def write_cv_zip(base: Base, rng: random.Random, render_rng: random.Random, target: Path, tmp: Path) -> None:
    staged = tmp / f"{base.key}-zip"
    staged.mkdir()
    pieces = [("dossier-candidature.docx", staged / "dossier.docx")]
    render_docx(names_only(base), pieces[0][1], render_rng)
    for i, (name, doc) in enumerate(cvs(base, rng)):
        path = staged / f"cv{i}.docx"
        render_docx(doc, path, render_rng)
        pieces.append((name, path))
    write_zip(pieces, [], target)


# --------------------------------------------------------------------------- comparing

def outcome(record: dict) -> dict:
    """What must not change: the experts (names compared accent-, case- and
    order-insensitively), each check's status, the verdict."""
    return {"status": record.get("status"), "error_code": record.get("error_code"),
            "experts": sorted({person_key(e["name"]) for e in record.get("experts") or []}),
            "checks": {c["id"]: c["status"] for c in record.get("checks") or []},
            "verdict": record.get("verdict")}


def truth_outcome(truth: dict) -> dict:
    return {"status": "ok", "error_code": None,
            "experts": sorted({person_key(e["name"]) for e in truth["experts"]}),
            "checks": dict(truth["checks"]), "verdict": truth["verdict"]}


def differences(ref: dict, got: dict) -> list[str]:
    """What changed, in French (empty when invariant)."""
    out = []
    if got["status"] != ref["status"]:
        out.append(f"statut {ref['status']} → {got['status']} ({got['error_code']})")
    lost = sorted(set(ref["experts"]) - set(got["experts"]))
    extra = sorted(set(got["experts"]) - set(ref["experts"]))
    if lost:
        out.append("experts perdus : " + " ; ".join(lost))
    if extra:
        out.append("experts en plus : " + " ; ".join(extra))
    for cid, status in ref["checks"].items():
        if got["checks"].get(cid) != status:
            out.append(f"{cid} {status} → {got['checks'].get(cid)}")
    if got["verdict"] != ref["verdict"]:
        out.append(f"verdict {ref['verdict']} → {got['verdict']}")
    return out


def same(ref: dict, got: dict) -> dict[str, bool]:
    return {"experts": ref["experts"] == got["experts"],
            "checks": all(got["checks"].get(c) == s for c, s in ref["checks"].items()),
            "verdict": ref["verdict"] == got["verdict"]}


def run(n: int = 6, shape_keys: list[str] | None = None, cache: Path = CACHE, seed: int = SEED,
        analyse: Callable[[str], dict] | None = None) -> dict:
    """Render, analyse and compare; the base shape is always analysed."""
    analyse = analyse or analyse_submission
    keys = ["base"] + [k for k in (shape_keys or [s.key for s in SHAPES]) if k != "base"]
    shapes = [BY_KEY[k] for k in keys]
    bases = [make_base(p, seed) for p in choose(candidature_plans(seed), n)]
    paths = render_shapes(bases, shapes, cache, seed)
    outcomes = {pair: outcome(analyse(str(path))) for pair, path in paths.items()}
    return summarise(bases, shapes, paths, outcomes)


def summarise(bases: list[Base], shapes: list[Shape], paths: dict, outcomes: dict) -> dict:
    pairs, per_shape = [], {}
    for shape in shapes:
        counts = {"n": 0, "invariant": 0, "experts": 0, "checks": 0, "verdict": 0, "truth": 0}
        for base in bases:
            ref, got = outcomes[(base.key, "base")], outcomes[(base.key, shape.key)]
            flags = same(ref, got)
            correct = not differences(truth_outcome(base.truth), got)
            counts["n"] += 1
            counts["invariant"] += all(flags.values())
            counts["truth"] += correct
            for k, v in flags.items():
                counts[k] += v
            pairs.append({"base": base.key, "sample": base.sample, "shape": shape.key,
                          "file": str(paths[(base.key, shape.key)]), "invariant": all(flags.values()),
                          **flags, "as_truth": correct,
                          "changes": differences(ref, got),
                          "versus_truth": differences(truth_outcome(base.truth), got)})
        per_shape[shape.key] = {"label": shape.label, "control": shape.control, **counts,
                                "rate": counts["invariant"] / counts["n"] if counts["n"] else None}
    compared = [p for p in pairs if p["shape"] != "base" and not BY_KEY[p["shape"]].control]
    overall = sum(p["invariant"] for p in compared) / len(compared) if compared else None
    return {"bases": [b.key for b in bases], "shapes": per_shape, "pairs": pairs, "overall": overall}


def table(result: dict) -> str:
    lines = [f"{'forme':18s} {'invariants':>10s} {'experts':>8s} {'contrôles':>9s} {'verdict':>8s} "
             f"{'= vérité':>8s}  description"]
    for key, s in result["shapes"].items():
        n = s["n"]
        lines.append(f"{key:18s} {s['invariant']:>3d}/{n:<2d} {s['rate']:4.0%}"
                     + f" {s['experts']:>5d}/{n:<2d} {s['checks']:>6d}/{n:<2d} {s['verdict']:>5d}/{n:<2d}"
                     + f" {s['truth']:>5d}/{n:<2d}  {s['label']}{' (témoin)' if s['control'] else ''}")
    if result["overall"] is not None:
        lines.append(f"taux d'invariance (formes du ticket, hors témoins) : {result['overall']:.0%}")
    for p in result["pairs"]:
        if p["changes"]:
            lines.append(f"  {p['base']} {p['shape']} : " + " ; ".join(p["changes"]) + f"  [{p['file']}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tests métamorphiques : chaque dossier d'exemple réécrit "
                                                 "sous plusieurs formes doit donner les mêmes experts, "
                                                 "contrôles et verdict.")
    parser.add_argument("--n", type=int, default=6, help="nombre de dossiers de base (6 par défaut)")
    parser.add_argument("--shapes", type=lambda s: [k.strip() for k in s.split(",") if k.strip()],
                        help="formes à produire, séparées par des virgules : " + ", ".join(BY_KEY))
    parser.add_argument("--cache", type=Path, default=CACHE, help="dossier des fichiers produits")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, help="écrire le détail en JSON dans ce fichier")
    args = parser.parse_args(argv)
    if args.shapes and not set(args.shapes) <= set(BY_KEY):
        parser.error("formes inconnues : " + ", ".join(sorted(set(args.shapes) - set(BY_KEY))))
    started = time.monotonic()
    result = run(args.n, args.shapes, args.cache, args.seed)
    print(table(result))
    print(f"{len(result['pairs'])} analyses en {time.monotonic() - started:.0f} s", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
