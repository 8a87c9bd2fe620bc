"""Records checked against the contract: the project's copy of the schema
(contract/contract.schema.json) and the rules the schema cannot say."""
from __future__ import annotations

from contract import record_errors


def assert_valid(record: dict) -> None:
    errors = record_errors(record)
    assert not errors, f"{record['submission']}: " + "; ".join(errors[:5])
    assert list(record)[:13] == ["contract", "submission", "sha256", "status", "error", "kind", "pieces",
                                 "applicant", "expertise", "experts", "mission", "checks", "verdict"]
    if record["status"] == "error":
        assert record["error"]["code"] and record["error"]["message"]
        assert record["verdict"] is None
    if record["kind"] == "inconnu":
        assert record["checks"] == [] and record["verdict"] is None
