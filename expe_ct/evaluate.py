"""Score records against the samples' truth (samples/truth/<name>.json).

Figures: kind and error-code accuracy; experts precision/recall/F1 (names
matched accent-, case- and order-insensitively), function and category
accuracy on matched experts; applicant type accuracy; theme micro-F1;
per-check accuracy; verdict accuracy; recall of defective dossiers (truth
incomplete → not called complete) and false alarms (truth complete → called
incomplete); mission field accuracy for reports.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from common.text import fold

MISSION_FIELDS = ("country", "start", "end", "report_date", "hosting", "participants")


def person_key(name: str) -> str:
    return " ".join(sorted(fold(name).replace("-", " ").replace("'", " ").split()))


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text or "")) if len(w) > 2}


def same_function(predicted: str | None, truth: str | None) -> bool:
    """Functions match when most of the truth's words are there (wording of
    the function is the applicant's; articles and case do not matter)."""
    if not truth:
        return not predicted
    if not predicted:
        return False
    t, p = _words(truth), _words(predicted)
    return len(t & p) >= 0.6 * len(t)


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += bool(ok)
        self.total += 1

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass
class Scores:
    kind: Tally = field(default_factory=Tally)
    error_code: Tally = field(default_factory=Tally)
    applicant_type: Tally = field(default_factory=Tally)
    expert_tp: int = 0
    expert_fp: int = 0
    expert_fn: int = 0
    function: Tally = field(default_factory=Tally)
    category: Tally = field(default_factory=Tally)
    theme_tp: int = 0
    theme_fp: int = 0
    theme_fn: int = 0
    checks: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    verdict: Tally = field(default_factory=Tally)
    defective: Tally = field(default_factory=Tally)      # truth incomplete, not called complete
    false_alarm: Tally = field(default_factory=Tally)    # truth complete, called incomplete
    mission: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict[str, Any]:
        ep, er, ef = self.f1(self.expert_tp, self.expert_fp, self.expert_fn)
        _, _, tf = self.f1(self.theme_tp, self.theme_fp, self.theme_fn)
        all_checks = Tally(sum(t.hits for t in self.checks.values()), sum(t.total for t in self.checks.values()))
        return {
            "kind_accuracy": self.kind.rate, "error_code_accuracy": self.error_code.rate,
            "applicant_type_accuracy": self.applicant_type.rate,
            "experts_precision": ep, "experts_recall": er, "experts_f1": ef,
            "function_accuracy": self.function.rate, "category_accuracy": self.category.rate,
            "themes_f1": tf, "check_accuracy": all_checks.rate,
            "checks": {k: t.rate for k, t in sorted(self.checks.items())},
            "verdict_accuracy": self.verdict.rate,
            "defective_recall": self.defective.rate,
            "defective_called_complete": self.defective.total - self.defective.hits,
            "false_alarm_rate": 1 - self.false_alarm.rate if self.false_alarm.total else None,
            "mission": {k: t.rate for k, t in sorted(self.mission.items())},
            "counts": {"submissions": self.kind.total, "checks": all_checks.total,
                       "experts_truth": self.expert_tp + self.expert_fn},
        }


def load_truth(truth_dir: Path) -> dict[str, dict]:
    return {json.loads(p.read_text(encoding="utf-8"))["submission"]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(truth_dir.glob("*.json"))}


def score(pairs: Iterable[tuple[dict, dict]]) -> Scores:
    s = Scores()
    for record, truth in pairs:
        label = Path(truth["submission"]).name
        s.kind.add(record["kind"] == truth["kind"] or (truth["status"] == "error" and record["status"] == "error"))
        if truth["status"] == "error":
            s.error_code.add(record["status"] == "error" and record["error"]["code"] == truth["error_code"])
            if not (record["status"] == "error" and record["error"]["code"] == truth["error_code"]):
                s.misses.append(f"{label}: code {record['error'] and record['error']['code']} ≠ {truth['error_code']}")
            continue
        if truth["kind"] not in ("candidature", "rapport") or record["status"] != "ok":
            continue
        _score_applicant(s, record, truth)
        _score_experts(s, record, truth, label)
        if truth["kind"] == "candidature":
            _score_themes(s, record, truth)
        _score_checks(s, record, truth, label)
        if truth["kind"] == "rapport" and truth.get("mission"):
            _score_mission(s, record, truth, label)
    return s


def _score_applicant(s: Scores, record: dict, truth: dict) -> None:
    if truth.get("applicant"):
        s.applicant_type.add((record.get("applicant") or {}).get("type") == truth["applicant"]["type"])


def _score_experts(s: Scores, record: dict, truth: dict, label: str) -> None:
    predicted = {person_key(e["name"]): e for e in record.get("experts") or []}
    expected = {person_key(e["name"]): e for e in truth.get("experts") or []}
    for key, exp in expected.items():
        if key in predicted:
            s.expert_tp += 1
            got = predicted[key]
            s.function.add(same_function(got.get("function"), exp.get("function")))
            s.category.add(got.get("category") == exp.get("category"))
            if got.get("category") != exp.get("category"):
                s.misses.append(f"{label}: catégorie de {exp['name']} {got.get('category')} ≠ {exp.get('category')}")
        else:
            s.expert_fn += 1
            s.misses.append(f"{label}: expert manqué {exp['name']}")
    for key, got in predicted.items():
        if key not in expected:
            s.expert_fp += 1
            s.misses.append(f"{label}: expert en trop {got['name']}")


def _score_themes(s: Scores, record: dict, truth: dict) -> None:
    predicted = {t for item in record.get("expertise") or [] for t in item["themes"]}
    expected = {t for item in truth.get("expertise") or [] for t in item["themes"]}
    s.theme_tp += len(predicted & expected)
    s.theme_fp += len(predicted - expected)
    s.theme_fn += len(expected - predicted)


def _score_checks(s: Scores, record: dict, truth: dict, label: str) -> None:
    got = {c["id"]: c["status"] for c in record.get("checks") or []}
    for check_id, expected in (truth.get("checks") or {}).items():
        ok = got.get(check_id) == expected
        s.checks[check_id].add(ok)
        if not ok:
            s.misses.append(f"{label}: {check_id} {got.get(check_id)} ≠ {expected}")
    if truth.get("verdict"):
        s.verdict.add(record.get("verdict") == truth["verdict"])
        if truth["verdict"] == "incomplete":
            s.defective.add(record.get("verdict") != "complete")
        if truth["verdict"] == "complete":
            s.false_alarm.add(record.get("verdict") != "incomplete")


def _score_mission(s: Scores, record: dict, truth: dict, label: str) -> None:
    got = record.get("mission") or {}
    for key in MISSION_FIELDS:
        expected = truth["mission"].get(key)
        value = got.get(key)
        if key == "participants":
            ok = {person_key(n) for n in value or []} == {person_key(n) for n in expected or []}
        else:
            ok = value == expected
        s.mission[key].add(ok)
        if not ok:
            s.misses.append(f"{label}: mission.{key} {value} ≠ {expected}")


def format_table(summary: dict[str, Any]) -> str:
    pct = lambda v: "—" if v is None else f"{100 * v:.1f} %"  # noqa: E731
    rows = [
        ("Nature du dossier", summary["kind_accuracy"]),
        ("Code d'erreur (fichiers défectueux)", summary["error_code_accuracy"]),
        ("Type de demandeur", summary["applicant_type_accuracy"]),
        ("Experts : précision", summary["experts_precision"]),
        ("Experts : rappel", summary["experts_recall"]),
        ("Experts : F1", summary["experts_f1"]),
        ("Fonction des experts retrouvés", summary["function_accuracy"]),
        ("Catégorie des experts retrouvés", summary["category_accuracy"]),
        ("Thèmes : F1", summary["themes_f1"]),
        ("Contrôles (tous)", summary["check_accuracy"]),
        ("Verdict", summary["verdict_accuracy"]),
        ("Dossiers défectueux repérés", summary["defective_recall"]),
        ("Fausses alertes", summary["false_alarm_rate"]),
    ]
    lines = [f"{'mesure':<40} {'valeur':>8}", "-" * 49]
    lines += [f"{name:<40} {pct(value):>8}" for name, value in rows]
    lines.append(f"{'Défectueux déclarés complets':<40} {summary['defective_called_complete']:>8}")
    lines.append("")
    lines += [f"  {k:<38} {pct(v):>8}" for k, v in summary["checks"].items()]
    if summary["mission"]:
        lines.append("")
        lines += [f"  mission.{k:<30} {pct(v):>8}" for k, v in summary["mission"].items()]
    return "\n".join(lines)
