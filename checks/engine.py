"""Evaluation of the regulation's checks: evaluators register by check id
(as spaCy components register by name); `evaluate` runs those of a kind in
the regulation's order and returns contract-ready results and the verdict."""
from __future__ import annotations

import inspect
from typing import Any, Callable

from .rules import CheckResult, Parameters, Regulation, regulation, verdict

Evaluator = Callable[[Any, Parameters], CheckResult]
_EVALUATORS: dict[str, Evaluator] = {}


def check(check_id: str) -> Callable[[Callable[..., tuple]], Evaluator]:
    """Register an evaluator returning (status, message, evidence).  It takes
    the facts, and the regulation's parameters when it has a second argument
    (the rules that count: deadline, people, days)."""
    def decorate(fn: Callable[..., tuple]) -> Evaluator:
        wants_parameters = len(inspect.signature(fn).parameters) > 1

        def evaluator(facts: Any, parameters: Parameters) -> CheckResult:
            status, message, evidence = fn(facts, parameters) if wants_parameters else fn(facts)
            return CheckResult(check_id, status, message, list(evidence or []))
        evaluator.__name__ = fn.__name__
        _EVALUATORS[check_id] = evaluator
        return evaluator
    return decorate


def evaluate(kind: str, facts: Any, reg: Regulation | None = None) -> tuple[list[CheckResult], str]:
    """The checks of `kind` on `facts` under `reg` (the regulation in force by
    default), and the verdict.  checks/__init__ has imported the rule
    modules, so every evaluator is registered."""
    reg = reg or regulation()
    results = [_EVALUATORS[rule.id](facts, reg.parameters) for rule in reg.rules_for(kind)
               if rule.id in _EVALUATORS]
    return results, verdict(results, reg)
