"""Evaluation of the regulation's checks: evaluators register by check id
(as spaCy components register by name); `evaluate` runs those of a kind in
the regulation's order and returns contract-ready results and the verdict."""
from __future__ import annotations

from typing import Any, Callable

from .rules import CheckResult, rules_for, verdict

Evaluator = Callable[[Any], CheckResult]
_EVALUATORS: dict[str, Evaluator] = {}


def check(check_id: str) -> Callable[[Callable[[Any], tuple]], Evaluator]:
    """Register an evaluator returning (status, message, evidence)."""
    def decorate(fn: Callable[[Any], tuple]) -> Evaluator:
        def evaluator(facts: Any) -> CheckResult:
            status, message, evidence = fn(facts)
            return CheckResult(check_id, status, message, list(evidence or []))
        evaluator.__name__ = fn.__name__
        _EVALUATORS[check_id] = evaluator
        return evaluator
    return decorate


def evaluate(kind: str, facts: Any) -> tuple[list[CheckResult], str]:
    """The checks of `kind` on `facts` (checks/__init__ has imported the rule
    modules, so every evaluator is registered), and the verdict."""
    results = [_EVALUATORS[rule.id](facts) for rule in rules_for(kind) if rule.id in _EVALUATORS]
    return results, verdict(results)
