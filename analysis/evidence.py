"""Evidence: where in the submission a finding comes from, quotable."""
from __future__ import annotations

from dataclasses import dataclass

from extractors.model import Block

from common.text import quote


@dataclass(frozen=True)
class Evidence:
    piece: str
    page: int | None
    quote: str

    @classmethod
    def of(cls, block: Block, start: int = 0, end: int | None = None) -> "Evidence":
        return cls(piece=block.piece, page=block.page, quote=quote(block.text, start, end))

    def as_dict(self) -> dict:
        return {"piece": self.piece, "page": self.page, "quote": self.quote}
