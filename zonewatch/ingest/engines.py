"""Where the per-chunk work runs: in this process, in local worker processes, or on a Dask cluster.

Every engine maps the same function, :func:`zonewatch.ingest.run.rows.chunk_rows`, over a stream of
chunks and yields the results as they complete, holding at most a few chunks per worker in flight
so that memory stays bounded whatever the corpus size. The caller (the ingest) writes the results.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from zonewatch.core.errors import ZonewatchError
from zonewatch.ingest.readers import Record
from zonewatch.ingest.rows import ChunkRows, chunk_rows

ENGINES = ("local", "dask")
#: Chunks queued per worker beyond the one it is working on: enough to keep workers busy.
IN_FLIGHT_PER_WORKER = 2


class EngineError(ZonewatchError):
    """The engine could not be started (for instance the Dask scheduler is unreachable)."""


def default_workers() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def run_chunks(
    chunks: Iterable[list[Record]],
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[ChunkRows]:
    """Results of :func:`chunk_rows` for each chunk, in completion order.

    ``engine="local"`` with ``workers=0`` runs in this process (for a handful of pasted articles a
    process pool costs more than it saves); ``engine="dask"`` uses ``scheduler`` if given, else a
    ``LocalCluster`` of ``workers`` processes.
    """
    if engine == "dask" or scheduler:
        yield from _run_dask(chunks, workers, scheduler)
    elif engine != "local":
        raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    elif workers == 0:
        yield from map(chunk_rows, chunks)
    else:
        yield from _run_local(chunks, workers or default_workers())


def _bounded(
    chunks: Iterable[list[Record]],
    submit: Callable[[list[Record]], Any],
    wait_any: Callable[[set[Any]], tuple[set[Any], set[Any]]],
    limit: int,
) -> Iterator[ChunkRows]:
    """Submit chunks while fewer than ``limit`` are pending; yield results as they complete.

    Completion order, not input order: a slow chunk must not idle the other workers, and the
    store does not depend on the order in which rows arrive.
    """
    pending: set[Any] = set()
    for chunk in chunks:
        pending.add(submit(chunk))
        while len(pending) >= limit:
            done, pending = wait_any(pending)
            yield from (future.result() for future in done)
    while pending:
        done, pending = wait_any(pending)
        yield from (future.result() for future in done)


def _run_local(chunks: Iterable[list[Record]], workers: int) -> Iterator[ChunkRows]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # forkserver: workers do not inherit this process's threads, open files or store lock, and
    # they fork from a server that has already imported the extractor (and pandas, which pyarrow
    # imports on first use: a second per worker otherwise).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pandas", "zonewatch.ingest.run.rows"])
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_exit_with, initargs=(os.getpid(),)
    ) as pool:
        yield from _bounded(
            chunks,
            lambda chunk: pool.submit(chunk_rows, chunk),
            lambda pending: wait(pending, return_when=FIRST_COMPLETED),
            workers * (1 + IN_FLIGHT_PER_WORKER),
        )


def _exit_with(ingest_pid: int) -> None:
    """Make a worker exit when the ingest that started it dies (even by SIGKILL), not linger.

    The worker's parent is the fork server, which itself waits for its children; so the worker
    watches the ingest process (a zombie counts as dead; psutil guards against pid reuse).
    """
    import psutil

    ingest = psutil.Process(ingest_pid)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                if not ingest.is_running() or ingest.status() == psutil.STATUS_ZOMBIE:
                    os._exit(1)
            except psutil.Error:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-ingest").start()


def _run_dask(
    chunks: Iterable[list[Record]], workers: int | None, scheduler: str | None
) -> Iterator[ChunkRows]:
    from distributed import Client, LocalCluster, wait

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        limit = max(1, sum(client.nthreads().values())) * (1 + IN_FLIGHT_PER_WORKER)
        yield from _bounded(
            chunks,
            lambda chunk: client.submit(chunk_rows, chunk, pure=False),
            lambda pending: wait(pending, return_when="FIRST_COMPLETED"),
            limit,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
