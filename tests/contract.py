"""Validation of records against ../shared/contract.schema.json."""
from __future__ import annotations

import json
from functools import lru_cache

import jsonschema

from conftest import SHARED


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SHARED / "contract.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def assert_valid(record: dict) -> None:
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"{record['submission']}: " + "; ".join(
        f"{list(e.path)}: {e.message[:200]}" for e in errors[:5])
    assert list(record)[:13] == ["contract", "submission", "sha256", "status", "error", "kind", "pieces",
                                 "applicant", "expertise", "experts", "mission", "checks", "verdict"]
    if record["status"] == "error":
        assert record["error"]["code"] and record["error"]["message"]
        assert record["verdict"] is None
    if record["kind"] == "inconnu":
        assert record["checks"] == [] and record["verdict"] is None
