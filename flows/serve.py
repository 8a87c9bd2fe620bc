"""`expe-ct serve`: the three flows, served to a local Prefect server.

* the inbox flow every `interval` seconds (one run at a time: a run still
  busy when the next is due makes the next one cancelled, not queued);
* the report follow-up every day at 7:00, Paris time;
* the committee pack on demand, from the UI or with
  `PREFECT_API_URL=http://127.0.0.1:4200/api prefect deployment run
  'dossier-du-comite/comite' -p comite=2025-06-12`.

Each run is a subprocess started by Prefect's runner from the flow's module
path, with this process's environment (the home, the register's URL).
"""
from __future__ import annotations

import importlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from prefect import serve
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import EntrypointType, RunnerDeployment
from prefect.schedules import Cron

DEPLOYMENTS_FILE = Path(__file__).with_name("prefect.yaml")


def declared_deployments() -> list[dict[str, Any]]:
    """The deployments of flows/prefect.yaml, the one place they are declared."""
    return yaml.safe_load(DEPLOYMENTS_FILE.read_text(encoding="utf-8"))["deployments"]


def _flow(entrypoint: str):
    """'flows/inbox.py:inbox_flow' → the flow object."""
    path, name = entrypoint.split(":")
    return getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), name)


def local_deployment(declared: dict[str, Any], local: dict[str, Any], interval_s: float) -> RunnerDeployment:
    """A declared deployment with this machine's parameters (inbox, home,
    settle_s) and the inbox interval of `expe-ct serve`."""
    flow = _flow(declared["entrypoint"])
    options: dict[str, Any] = {}
    for schedule in declared.get("schedules") or []:
        if "interval" in schedule:
            options["interval"] = timedelta(seconds=interval_s)
        elif "cron" in schedule:
            options["schedule"] = Cron(schedule["cron"], timezone=schedule.get("timezone"))
    limit = declared.get("concurrency_limit")
    if limit:
        options["concurrency_limit"] = ConcurrencyLimitConfig(
            limit=limit["limit"], collision_strategy=ConcurrencyLimitStrategy[limit["collision_strategy"]])
    accepted = flow.parameters.properties
    parameters = {key: value for key, value in local.items() if key in accepted}
    return flow.to_deployment(name=declared["name"], parameters=parameters,
                              entrypoint_type=EntrypointType.MODULE_PATH, **options)


def serve_flows(inbox: Path, home: Path, interval_s: float, settle_s: float) -> None:
    local = {"inbox": str(inbox), "home": str(home), "settle_s": settle_s}
    serve(*(local_deployment(d, local, interval_s) for d in declared_deployments()),
          print_starting_message=False)
