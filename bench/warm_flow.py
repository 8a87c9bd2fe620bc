"""The inbox flow as `expe-ct inbox` (without --once) runs it from the
second run on: server up, workers warm.

Starts the private Prefect server and the warm worker pool as `expe-ct inbox`
does, waits until both are ready, then copies the submissions into a fresh
inbox and times one run of the flow.  Prints one JSON line: the flow's
duration and the CPU seconds of this process (Prefect's engine and the
filing: records, sheets, register, archive) during it, and those of the server.

    .venv/bin/python bench/warm_flow.py HOME INBOX FILE [FILE ...]
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from expe_ct.runner import WarmPool
    from flows.server import backend

    home, inbox, paths = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    with backend(home) as server:
        pool = WarmPool()
        try:
            from flows.inbox import inbox_flow, use_pool

            use_pool(pool)
            server.wait()
            pool._pool.schedule(os.getpid).result()   # the workers are up, models loaded
            time.sleep(2)                              # the server's start-up work done
            inbox.mkdir(parents=True, exist_ok=True)
            for p in paths:
                shutil.copy2(p, inbox)
            cpu, served, start = time.process_time(), _cpu_s(server), time.perf_counter()
            result = inbox_flow(str(inbox), str(home), 0)
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
            served = _cpu_s(server) - served
        finally:
            pool.close()
    print(json.dumps({"flow_s": wall, "main_cpu_s": cpu, "server_cpu_s": served,
                      "counts": result.counts}))


def _cpu_s(server) -> float:
    """User + system seconds of the Prefect server process so far."""
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()
