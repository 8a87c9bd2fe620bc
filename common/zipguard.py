"""The ZIP-bomb guard, read from the sizes an archive declares before
anything is inflated (ZIP dossiers, DOCX and ODT packages)."""
from __future__ import annotations

import zipfile
from typing import Iterable

RATIO_FLOOR_BYTES = 1_000_000  # below this size a high compression ratio is harmless


def unzipped_bytes(members: Iterable[zipfile.ZipInfo]) -> int:
    return sum(m.file_size for m in members)


def member_too_compressed(member: zipfile.ZipInfo, max_ratio: float) -> bool:
    """One big member inflating beyond a ratio no document reaches."""
    return member.file_size > RATIO_FLOOR_BYTES and member.file_size / max(member.compress_size, 1) > max_ratio


def too_compressed(members: Iterable[zipfile.ZipInfo], max_ratio: float) -> bool:
    """Over all members together, or for any one big member."""
    members = list(members)
    packed = sum(m.compress_size for m in members) or 1
    return unzipped_bytes(members) / packed > max_ratio or any(
        member_too_compressed(m, max_ratio) for m in members)
