"""Staff corrections replayed over the machine's record.

A correction is one row (web.store.Correction): its kind, its target (an
expert's or an expertise's rank in the list as it stood, or a check id), the
new value, who made it, when and why.  `corrected()` replays them in order
over a copy of the record and says what they changed, so that every page
can mark a corrected value « corrigé »; the verdict is then recomputed from
the checks' statuses by the regulation's own rule (checks.rules.verdict).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select

from checks.rules import CheckResult, regulation, verdict
from checks.vocabulary import APPLICANT_TYPE_FR as TYPE_FR, EXPERT_CATEGORY_FR as CATEGORY_FR
from contract import themes

from .store import STORE_FILE, Correction, Store

# Theme id → label, as the contract's theme list gives them.
THEMES = {theme_id: theme['label'] for theme_id, theme in themes().items()}

KINDS = ("expert-ajout", "expert-modif", "expert-retrait", "demandeur", "expertise", "controle",
         "etat")
KINDS_FR = {"expert-ajout": "expert ajouté", "expert-modif": "expert modifié",
            "expert-retrait": "expert retiré", "demandeur": "demandeur corrigé",
            "expertise": "expertise ou thèmes corrigés", "controle": "statut de contrôle corrigé",
            "etat": "état du dossier"}
STATES = {"a-instruire": "à instruire", "corrige": "corrigé", "pret": "prêt pour le comité",
          "examine": "examiné", "labellise": "labellisé", "refuse": "refusé"}
SETTABLE_STATES = ("a-instruire", "pret")   # labellisé, refusé: the committee's decisions (register)
STATUSES = ("pass", "fail", "review")
CATEGORIES = tuple(k for k in CATEGORY_FR if k)
APPLICANT_TYPES = tuple(k for k in TYPE_FR if k)
MAX_TEXT = 300


class CorrectionError(ValueError):
    """A French message shown on the form."""


@dataclass
class Corrected:
    """A record with the corrections replayed, and what they changed."""
    record: dict[str, Any]
    machine_verdict: str | None
    experts: set[int] = field(default_factory=set)      # ranks added or edited
    removed_experts: int = 0
    applicant: bool = False
    expertise: set[int] = field(default_factory=set)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> the correction
    state: str | None = None
    history: list[Correction] = field(default_factory=list)

    @property
    def verdict_changed(self) -> bool:
        return self.record.get("verdict") != self.machine_verdict

    @property
    def any(self) -> bool:
        return bool(self.history)

    def marks(self) -> dict[str, Any]:
        """What the sheet, the pack and the CSV mark « corrigé » (outputs.sheet)."""
        if not self.history:
            return {}
        return {"applicant": self.applicant, "experts": sorted(self.experts),
                "removed_experts": self.removed_experts, "expertise": sorted(self.expertise),
                "checks": {cid: c["reason"] for cid, c in self.checks.items()},
                "verdict": self.machine_verdict if self.verdict_changed else None}


def _text(value: Any, what: str, required: bool = True) -> str:
    text = " ".join(str(value or "").split())[:MAX_TEXT]
    if required and not text:
        raise CorrectionError(f"{what} : valeur manquante.")
    return text


def validate(kind: str, target: str | None, value: dict[str, Any], reason: str | None) -> tuple[str | None, dict, str | None]:
    """The correction as it will be stored, or a CorrectionError."""
    reason = _text(reason, "Raison", required=kind == "controle") or None
    if kind in ("expert-ajout", "expert-modif"):
        category = value.get("category") or None
        if category is not None and category not in CATEGORIES:
            raise CorrectionError("Catégorie d'expert inconnue.")
        value = {"name": _text(value.get("name"), "Nom de l'expert"),
                 "function": _text(value.get("function"), "Fonction", required=False) or None,
                 "category": category}
    elif kind == "demandeur":
        type_ = value.get("type") or None
        if type_ is not None and type_ not in APPLICANT_TYPES:
            raise CorrectionError("Type de demandeur inconnu.")
        value = {"name": _text(value.get("name"), "Nom du demandeur"), "type": type_}
    elif kind == "expertise":
        themes = [t for t in value.get("themes") or [] if t]
        if any(t not in THEMES for t in themes):
            raise CorrectionError("Thème inconnu.")
        value = {"label": _text(value.get("label"), "Intitulé de l'expertise"), "themes": themes}
    elif kind == "controle":
        if value.get("status") not in STATUSES:
            raise CorrectionError("Statut de contrôle inconnu.")
        if target not in {r.id for r in regulation().rules}:
            raise CorrectionError("Contrôle inconnu.")
        value = {"status": value["status"]}
    elif kind == "etat":
        if value.get("state") not in SETTABLE_STATES:
            raise CorrectionError("État inconnu.")
        value = {"state": value["state"]}
    elif kind == "expert-retrait":
        value = {}
    else:
        raise CorrectionError("Correction inconnue.")
    if kind in ("expert-modif", "expert-retrait", "expertise"):
        if target is None or not str(target).isdigit():
            raise CorrectionError("Ligne à corriger manquante.")
    return target, value, reason


def add(store: Store, sha256: str, author: str, kind: str, target: str | None,
        value: dict[str, Any], reason: str | None, record: dict[str, Any]) -> Correction:
    """Validate and store one correction; the target must exist in the
    corrected record as it stands now."""
    target, value, reason = validate(kind, target, value, reason)
    current = corrected(record, history(store, sha256)).record
    if kind in ("expert-modif", "expert-retrait") and int(target) >= len(current.get("experts") or []):
        raise CorrectionError("Cet expert n'existe plus : rechargez la page.")
    if kind == "expertise" and int(target) > len(current.get("expertise") or []):
        raise CorrectionError("Cette expertise n'existe plus : rechargez la page.")
    if kind == "controle" and target not in {c["id"] for c in current.get("checks") or []}:
        raise CorrectionError("Ce contrôle ne s'applique pas à ce dossier.")
    row = Correction(sha256=sha256, at=datetime.now(), author=author, kind=kind, target=target,
                     value=value, reason=reason)
    with store.session() as s, s.begin():
        s.add(row)
    return row


def history(store: Store, sha256: str) -> list[Correction]:
    with store.session() as s:
        return list(s.scalars(select(Correction).where(Correction.sha256 == sha256)
                              .order_by(Correction.id)))


def corrected(record: dict[str, Any], rows: list[Correction]) -> Corrected:
    out = Corrected(copy.deepcopy(record), record.get("verdict"), history=rows)
    rec = out.record
    experts = rec.setdefault("experts", []) if rows else rec.get("experts") or []
    for row in rows:
        value = row.value or {}
        if row.kind == "expert-ajout":
            experts.append({"name": value["name"], "function": value.get("function"),
                            "category": value.get("category")})
            out.experts.add(len(experts) - 1)
        elif row.kind == "expert-modif" and int(row.target) < len(experts):
            experts[int(row.target)].update(name=value["name"], function=value.get("function"),
                                            category=value.get("category"))
            out.experts.add(int(row.target))
        elif row.kind == "expert-retrait" and int(row.target) < len(experts):
            rank = int(row.target)
            del experts[rank]
            out.experts = {i - (i > rank) for i in out.experts if i != rank}
            out.removed_experts += 1
        elif row.kind == "demandeur":
            rec["applicant"] = {"name": value["name"], "type": value.get("type")}
            out.applicant = True
        elif row.kind == "expertise":
            items = rec.setdefault("expertise", [])
            rank = int(row.target)
            if rank >= len(items):
                items.append({"label": value["label"], "themes": value["themes"]})
                rank = len(items) - 1
            else:
                items[rank].update(label=value["label"], themes=value["themes"])
            out.expertise.add(rank)
        elif row.kind == "controle":
            for check in rec.get("checks") or []:
                if check["id"] == row.target:
                    check["status"] = value["status"]
                    out.checks[row.target] = {"author": row.author, "at": row.at,
                                              "reason": row.reason}
        elif row.kind == "etat":
            out.state = value["state"]
    if out.checks:
        known = {r.id for r in regulation().rules}
        rec["verdict"] = verdict([CheckResult(c["id"], c["status"], "")
                                  for c in rec.get("checks") or [] if c["id"] in known])
    return out


def corrector(home: Path) -> Callable[[str, dict[str, Any]], tuple[dict[str, Any], dict[str, Any]]] | None:
    """For the committee pack: (sha256, record) -> (corrected record, marks);
    None when the workstation never ran on this home (no corrections)."""
    if not (home / STORE_FILE).is_file():
        return None
    return corrector_of(Store(home))


def corrector_of(store: Store) -> Callable[[str, dict[str, Any]], tuple[dict[str, Any], dict[str, Any]]]:
    def correct(sha256: str, record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        fixed = corrected(record, history(store, sha256))
        return fixed.record, fixed.marks()

    return correct


def state_of(fixed: Corrected, examined: bool, outcome: str | None = None) -> str:
    """The dossier's place in the review: the committee's decision
    (labellise, refuse) wins; then an explicit state set by the staff;
    otherwise examined by a committee, corrected, or still to review."""
    return outcome or with_examination(own_state(fixed), examined)


def own_state(fixed: Corrected) -> str:
    """The state the corrections alone give (the committee's examination,
    recorded in the register, may change afterwards: see with_examination)."""
    if fixed.state:
        return fixed.state
    return "corrige" if fixed.any else "a-instruire"


def with_examination(state: str, examined: bool) -> str:
    return "examine" if examined and state in ("a-instruire", "corrige") else state
