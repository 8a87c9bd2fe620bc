"""Records as JSON Lines: one object per line, UTF-8, nothing else on stdout."""
from __future__ import annotations

import json
from typing import Any, TextIO


def write_record(record: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    out.flush()
