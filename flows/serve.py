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

from datetime import timedelta
from pathlib import Path

from prefect import serve
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

from .inbox import inbox_flow
from .pack import pack_flow
from .relances import relances_flow

ONE_AT_A_TIME = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)


def serve_flows(inbox: Path, home: Path, interval_s: float, settle_s: float) -> None:
    module = EntrypointType.MODULE_PATH
    serve(
        inbox_flow.to_deployment(
            name="depot", interval=timedelta(seconds=interval_s), concurrency_limit=ONE_AT_A_TIME,
            parameters={"inbox": str(inbox), "home": str(home), "settle_s": settle_s},
            entrypoint_type=module),
        relances_flow.to_deployment(
            name="quotidien", schedule=Cron("0 7 * * *", timezone="Europe/Paris"),
            concurrency_limit=ONE_AT_A_TIME, parameters={"home": str(home)}, entrypoint_type=module),
        pack_flow.to_deployment(name="comite", parameters={"home": str(home)}, entrypoint_type=module),
        print_starting_message=False,
    )
