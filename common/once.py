"""A loader that runs once per process, even when threads ask together.

functools.lru_cache does not lock: the eight task threads of the inbox flow,
asking for the regulation or the templates at the same moment, each loaded
their own (eight YAML parses, seventeen template compilations in one run).
"""
from __future__ import annotations

import functools
import threading
from typing import Callable, TypeVar

T = TypeVar("T")


def once(load: Callable[[], T]) -> Callable[[], T]:
    lock = threading.Lock()
    loaded: list[T] = []

    @functools.wraps(load)
    def get() -> T:
        if not loaded:
            with lock:
                if not loaded:
                    loaded.append(load())
        return loaded[0]

    return get
