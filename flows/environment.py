"""Prefect's settings for expe-ct, applied before Prefect is imported.

Everything Prefect keeps lives under `<home>/prefect` (its SQLite database,
profiles, memo store), nothing leaves the machine (no telemetry, no
analytics), no result is ever persisted (tasks return small manifests, and
even those stay in memory), and Prefect's own console logging is quiet
unless asked for.  A `PREFECT_API_URL` already in the environment (a
shared server, see flows/README.md) is respected.
"""
from __future__ import annotations

import os
from pathlib import Path

QUIET = {
    "DO_NOT_TRACK": "1",                                  # client-side analytics
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",          # server telemetry
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",   # we use no block: faster start
    # ...and without this, the server imports every installed Prefect
    # integration (prefect-dask, hence distributed) to hash the block types
    # it will not register: 1.1 s of each start.
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_API_REQUEST_TIMEOUT": "120",
    # `serve` makes a run of the inbox flow every interval: keep 30 days of them.
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "events,flow_runs",
    "PREFECT_SERVER_SERVICES_DB_VACUUM_RETENTION_PERIOD": str(30 * 86400),
}


def configure(home: Path, verbose: bool = False) -> None:
    """Point Prefect at `<home>/prefect` and keep it local and quiet."""
    prefect_home = home / "prefect"
    prefect_home.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_HOME"] = str(prefect_home)
    for key, value in QUIET.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
