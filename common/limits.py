"""Safety limits for hostile input, with safe defaults.

Each limit can be overridden by an environment variable EXPE_CT_<NAME>
(e.g. EXPE_CT_MAX_FILE_MB=50) or by the CLI options.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 100.0          # one file (or one ZIP) on disk
    max_pages: int = 300                # pages read per PDF piece
    max_ocr_pages: int = 40             # pages sent to OCR per submission
    max_pieces: int = 200               # files in a folder or entries in a ZIP
    max_unzipped_mb: float = 300.0      # total uncompressed size of a ZIP
    max_zip_ratio: float = 100.0        # uncompressed/compressed, per entry and total
    timeout_s: float = 120.0            # wall clock per submission
    memory_mb: int = 3072               # address-space cap of a worker process

    @classmethod
    def from_env(cls, **overrides) -> "Limits":
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"EXPE_CT_{f.name.upper()}")
            if raw:
                values[f.name] = type(f.default)(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
