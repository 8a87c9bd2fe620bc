"""The inbox flow: one Prefect task per submission, nothing else.

The flow finishes what an interrupted run left, takes the stable entries of
the inbox, and files each one in a task named by its sha256 prefix (file
names may hold people's names; digests do not).  Tasks return manifests
(sha256, outcome, kind, verdict, paths under the home) and nothing is
persisted.  Analyses run in warm worker processes shared by all the runs of
this process.  All the logic lives in expe_ct.inbox.
"""
from __future__ import annotations

import atexit
import logging
import os
import sqlite3
import traceback
from collections import Counter
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, Iterable

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from expe_ct.inbox import Claim, Filer, Home, first_of_each, is_transient, manifest
from expe_ct.runner import WarmPool
from flows import tally
from register import Register
from register.backup import backup

_POOL: WarmPool | None = None


@lru_cache(maxsize=None)
def _register(home: str) -> Register:
    """One register (one connection pool) per home and process, shared by the tasks."""
    return Register.open(Path(home))


def warm_pool() -> WarmPool:
    """This process's worker pool, started on first use and kept between runs."""
    global _POOL
    if _POOL is None:
        _POOL = WarmPool()
        atexit.register(_POOL.close)
    return _POOL


def use_pool(pool: WarmPool) -> None:
    """Adopt a pool started earlier (the CLI starts it while Prefect starts)."""
    global _POOL
    _POOL = pool


class TransientFailure(Exception):
    """Worth retrying: the register busy or unreachable, the system short of
    handles, the worker processes lost."""


class SubmissionFailed(Exception):
    """Not worth retrying.  Carries no path and no name: only the exception type."""


def retry_if_transient(task, task_run, state) -> bool:
    try:
        state.result()
    except TransientFailure:
        return True
    except Exception:
        return False
    return False


# A run is named by its digest's prefix, never by the file name, which may
# hold a person's name.  A template, not with_options per claim: that
# rebuilds the task (its source read again), 3 ms each.
@task(name="deposer-dossier", task_run_name="dossier-{sha256:.12}", retries=2, retry_delay_seconds=[2, 10],
      retry_condition_fn=retry_if_transient, cache_policy=NO_CACHE, persist_result=False,
      **tally.HOOKS)
def file_submission(home: str, claim_id: str, sha256: str) -> dict[str, Any]:
    filer = Filer(Home(Path(home)), _register(home))
    try:
        return filer.process(filer.reclaim(claim_id, sha256), warm_pool().analyse)
    except Exception as exc:
        # Exception messages often quote paths, and paths hold names of
        # people: neither Prefect nor stderr gets the message, only the type
        # and where in our code it happened.
        logging.getLogger("expe_ct.inbox").error(
            "échec du dépôt %s : %s\n%s", sha256[:12], type(exc).__name__,
            "".join(traceback.format_tb(exc.__traceback__)))
        failure = TransientFailure if is_transient(exc) else SubmissionFailed
        raise failure(f"{type(exc).__name__} (dossier {sha256[:12]})") from None


class InboxRun:
    """What a run of the flow returns: the manifests and their count by
    outcome.  A plain object on purpose: Prefect walks a flow's return value
    looking for futures when it is a dict, list, dataclass or model, which
    for a few hundred manifests cost more than filing one of them."""

    __slots__ = ("submissions", "counts", "busy", "left_for_space")

    def __init__(self, submissions: list[dict[str, Any]], busy: bool = False, left_for_space: int = 0):
        self.submissions = submissions
        self.counts = dict(Counter(m["outcome"] for m in submissions))
        self.busy = busy
        self.left_for_space = left_for_space


def task_runner():
    """Threads in this process by default; a Dask cluster when
    EXPE_CT_DASK_ADDRESS names its scheduler (see flows/README.md)."""
    address = os.environ.get("EXPE_CT_DASK_ADDRESS")
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    return ThreadPoolTaskRunner(max_workers=8)


def _submit(home: str, claims: Iterable[Claim]) -> list[tuple[Claim, Any]]:
    """One task per claim, started as soon as the claim is made."""
    return [(c, file_submission.submit(home, c.id, c.sha256)) for c in claims]


def _collect(submitted: list[tuple[Claim, Any]]) -> list[dict[str, Any]]:
    """The tasks' manifests; one that failed for good leaves its claim in the
    journal for the next run and is reported, the others go on."""
    results = [(c, f.result(raise_on_failure=False)) for c, f in submitted]
    return [manifest(c.sha256, "failed", error=type(r).__name__) if isinstance(r, BaseException) else r
            for c, r in results]


@flow(name="boite-de-depot", persist_result=False, log_prints=False, task_runner=task_runner())
def inbox_flow(inbox: str, home: str, settle_s: float = 2.0) -> InboxRun:
    """Take the stable entries of `inbox` and file them under `home`."""
    logger = get_run_logger()
    with Home(Path(home)).exclusive() as alone:
        if not alone:
            logger.warning("une autre levée de la boîte de dépôt est en cours : rien à faire")
            return InboxRun([], busy=True)
        filer = Filer(Home(Path(home)), _register(home))
        recovered = filer.recover(Path(inbox))
        if recovered:
            logger.info("%d dépôt(s) interrompu(s) repris", len(recovered))
        copies: list[Claim] = []
        first = _submit(home, first_of_each(chain(recovered, filer.claim_stable(Path(inbox), settle_s)),
                                            copies))
        manifests = _collect(first) + _collect(_submit(home, copies))  # copies after their original
        if manifests:
            try:
                backup(Path(home))
            except (OSError, sqlite3.Error) as exc:  # a full disk: the filing itself is done
                logger.warning("sauvegarde du registre impossible : %s", type(exc).__name__)
    run = InboxRun(manifests, left_for_space=filer.left_for_space)
    logger.info("dépôts : %s", run.counts or "aucun")
    if run.left_for_space:
        logger.warning("%d dépôt(s) laissé(s) dans la boîte : espace disque insuffisant", run.left_for_space)
    return run
