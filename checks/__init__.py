"""The regulation's checks: pure judgements of the facts analysis/ found
(analysis/facts.py).  Importing the package registers every rule module's
evaluators, so `evaluate` always sees them all."""
from . import candidature, rapport  # noqa: F401  (each registers its evaluators)
from .engine import evaluate
from .rules import CheckResult

__all__ = ["CheckResult", "evaluate"]
