"""The contract this project serves, in its own copies: the record schema
(contract.schema.json), its prose (contract.md) and the theme list
(themes.yaml).  The code reads these files, never ../shared's;
tests/test_contract_copies.py checks that they still equal ../shared's when
it is there."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from common.once import once

HERE = Path(__file__).resolve().parent
SCHEMA_FILE = HERE / "contract.schema.json"
CONTRACT_FILE = HERE / "contract.md"
THEMES_FILE = HERE / "themes.yaml"


@once
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@once
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def record_errors(record: dict[str, Any]) -> list[str]:
    """Where a record departs from the schema ('[path]: message'), in path order."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    return [f"{list(e.path)}: {e.message[:200]}" for e in errors]


@once
def themes() -> dict[str, dict[str, str]]:
    """Theme id → {family, label}."""
    return yaml.safe_load(THEMES_FILE.read_text(encoding="utf-8"))["themes"]


def theme_label(theme_id: str) -> str:
    """The theme's label for people (the id itself for an unknown theme)."""
    found = themes().get(theme_id)
    return found["label"] if found else theme_id
