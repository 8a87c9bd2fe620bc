"""The project serves its own copy of the contract (contract/): the schema,
its prose and the theme list must stay what ../shared publishes, when
../shared is there to compare with."""
from __future__ import annotations

import pytest

import contract
from conftest import SHARED

COPIES = [contract.SCHEMA_FILE, contract.CONTRACT_FILE, contract.THEMES_FILE]


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.name)
def test_the_copy_equals_shared(copy):
    published = SHARED / copy.name
    if not published.is_file():
        pytest.skip(f"../shared/{copy.name} absent: nothing to compare the copy with")
    assert copy.read_bytes() == published.read_bytes(), (
        f"contract/{copy.name} differs from ../shared/{copy.name}: copy the new version in")


def test_the_copies_are_what_the_code_reads():
    assert contract.schema()["$schema"].startswith("https://json-schema.org/")
    assert len(contract.themes()) == 18
    assert contract.theme_label("eau-assainissement") == "Eau potable, assainissement, hygiène, milieux aquatiques"
    assert contract.record_errors({"contract": 1}), "an incomplete record must not validate"
