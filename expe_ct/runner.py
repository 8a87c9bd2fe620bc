"""Run submissions in worker processes that can be killed.

A hostile PDF can make a parser spin or recurse forever, or a native library
crash: each submission runs in a pool process under a wall-clock timeout and
an address-space cap; a worker that times out or dies is replaced and the
batch goes on with a `timeout`/`unreadable` record.  Records come back in the
order the paths were given.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pebble import ProcessExpired, ProcessPool

from . import record
from common.limits import Limits
from extractors.package import submission_sha256

log = logging.getLogger("expe_ct.runner")


def _init_worker(limits: Limits) -> None:
    # Tesseract and BLAS spread over all cores by default, which is slower
    # when every core already runs a worker.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    cap = limits.memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):  # a lower hard limit is already in place
        pass


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def analyse_many(paths: Iterable[str], limits: Limits | None = None, jobs: int | None = None,
                 received: dict[str, date] | None = None,
                 on_done: Callable[[int], None] | None = None) -> Iterator[dict[str, Any]]:
    """Yield one record per path, in order, whatever happens to each one."""
    limits = limits or Limits.from_env()
    paths = list(paths)
    received = received or {}
    jobs = max(1, min(jobs or default_jobs(), len(paths) or 1))
    if len(paths) > jobs:  # a batch: one copy of the model, shared by the forked workers
        from .preload import load_models

        load_models()
    from .pipeline import analyse_submission

    with ProcessPool(max_workers=jobs, initializer=_init_worker, initargs=(limits,)) as pool:
        futures = [pool.schedule(analyse_submission, args=(p, limits, received.get(p)),
                                 timeout=limits.timeout_s) for p in paths]
        for done, (path, future) in enumerate(zip(paths, futures), start=1):
            yield _result(path, future, limits)
            if on_done:
                on_done(done)


def _result(path: str, future, limits: Limits) -> dict[str, Any]:
    sha = lambda: submission_sha256(Path(path))  # noqa: E731 - only on the error paths
    try:
        return future.result()
    except FutureTimeout:
        return record.error_record(
            path, sha(), "timeout",
            f"L'analyse a dépassé le délai de {limits.timeout_s:.0f} s et a été interrompue ; "
            "le fichier est peut-être piégé ou démesuré.")
    except ProcessExpired as exc:
        log.warning("un processus de lecture s'est arrêté brutalement (code %s)", exc.exitcode)
        return record.error_record(
            path, sha(), "unreadable",
            "La lecture du fichier a provoqué l'arrêt du lecteur ; le fichier est "
            "probablement endommagé.")
    except MemoryError:
        return record.error_record(
            path, sha(), "too_large", "Le fichier demande trop de mémoire pour être analysé.")
    except Exception as exc:  # a bug of ours: still one record, and the batch goes on
        log.error("erreur interne pendant l'analyse : %s", type(exc).__name__)
        return record.error_record(
            path, sha(), "unreadable", f"Erreur interne pendant l'analyse ({type(exc).__name__}).")


class WorkersLost(RuntimeError):
    """The worker pool broke (a worker could not start, the pool died): not
    the submission's fault, so no record is made and the caller may retry."""


class WarmPool:
    """Worker processes that analyse submissions one at a time and stay up
    with the same timeout and crash handling as analyse_many.  Workers come from a fork
    server, not from this process, which by then runs Prefect's threads
    (forking a threaded process is unsafe); the fork server loads the code
    and the spaCy model once (expe_ct.preload) and every worker shares them."""

    def __init__(self, limits: Limits | None = None, jobs: int | None = None):
        self.limits = limits or Limits.from_env()
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["expe_ct.preload"])
        self.jobs = jobs or default_jobs()
        self._pool = self._new_pool()
        # pebble starts its workers on the first task: start them now, while
        # the caller's Prefect server starts (it waits for the fork server
        # to load the models, 2 s)
        self._pool.schedule(os.getpid)

    def _new_pool(self):
        return ProcessPool(max_workers=self.jobs, initializer=_init_worker,
                           initargs=(self.limits,), context=self._context)

    def analyse(self, path: str, received: date | None) -> dict[str, Any]:
        from concurrent.futures.process import BrokenProcessPool

        from .pipeline import analyse_submission

        try:
            future = self._pool.schedule(analyse_submission, args=(path, self.limits, received),
                                         timeout=self.limits.timeout_s)
        except RuntimeError as exc:  # pebble: the pool is no longer running
            self._restart()
            raise WorkersLost(str(exc)) from None
        if isinstance(future.exception(), BrokenProcessPool):
            self._restart()
            raise WorkersLost("BrokenProcessPool")
        return _result(path, future, self.limits)

    def _restart(self) -> None:
        old = self._pool
        self._pool = self._new_pool()
        old.stop()

    def close(self) -> None:
        self._pool.close()
        self._pool.join()


def reap_fork_server() -> None:
    """Stop and wait for the warm pools' fork server before exiting: it
    would end on its own, but unwaited, and its CPU time (its workers'
    included) would be missing from this command's (GNU time, the bench).
    For a command's last step only: the fork server serves every pool."""
    import multiprocessing.forkserver as forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)  # private, 3.8+
    if stop:
        stop()
