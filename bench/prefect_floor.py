"""What Prefect alone costs per task: N no-op tasks in one flow run, on the
private server `expe-ct inbox --once` starts, submitted as the inbox flow
submits its tasks (thread pool, no cache, no result persisted).  Prints one
JSON line: the flow's duration and the CPU milliseconds per task of this
process (Prefect's task engine) and of the server (events received, task
runs and their states written to SQLite), once the server has written them.

    .venv/bin/python bench/prefect_floor.py HOME [N]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warm_flow import _cpu_s  # noqa: E402  (bench/ is the script's folder)


def main() -> None:
    from flows.server import backend

    home, n = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with backend(home) as server:
        server.wait()
        from prefect import flow, task
        from prefect.cache_policies import NO_CACHE
        from prefect.task_runners import ThreadPoolTaskRunner

        from flows import tally

        @task(name="rien", cache_policy=NO_CACHE, persist_result=False, **tally.HOOKS)
        def nothing(i: int) -> dict:
            return {"i": i}

        @flow(name="plancher-prefect", persist_result=False, task_runner=ThreadPoolTaskRunner(max_workers=8))
        def floor_flow(count: int) -> int:
            futures = [nothing.with_options(task_run_name=f"rien-{i}").submit(i) for i in range(count)]
            return len([f.result() for f in futures])

        floor_flow(2)                    # first run: imports, flow registration
        server.settle(tally.finished())
        time.sleep(2)
        cpu, served, start = time.process_time(), _cpu_s(server), time.perf_counter()
        floor_flow(n)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        server.settle(tally.finished())   # until the server has written them all
        served = _cpu_s(server) - served
    print(json.dumps({"n": n, "flow_s": wall, "main_ms_per_task": 1000 * cpu / n,
                      "server_ms_per_task": 1000 * served / n}))


if __name__ == "__main__":
    main()
