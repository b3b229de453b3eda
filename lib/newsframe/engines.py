"""Run the per-article step on a Dask cluster: the same function, the same results, in order.

``build(..., engine="dask")`` hands its task list here. The tasks are cut into batches; each
batch is one Dask task that maps ``newsframe.build.analyse_task`` over its articles on a
worker. Only a bounded window of batches is in flight at once, so a corpus of millions of
articles never sits in the client's memory as futures or results; results come back in task
order, so the tables are the local engine's byte for byte.

Workers read the article files themselves: on a real cluster every worker must see the input
folder under the same absolute path (a shared or mounted folder) and have the same newsframe
installed. Without a scheduler address a ``LocalCluster`` of worker processes is started on
127.0.0.1 for the build and closed after it.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsframe.build import ArticleResult
    from newsframe.ingest import ManifestEntry

Task = tuple[Path, "ManifestEntry | None", str]

DEFAULT_LOCAL_WORKERS = 2
MAX_BATCH = 64  # articles per Dask task: large enough to amortise scheduling, small to balance
BATCHES_PER_WORKER = 8  # aim for this many batches per worker, for load balance
IN_FLIGHT_PER_WORKER = 4  # batches submitted ahead of the one being collected


def batch_size(n_tasks: int, n_workers: int) -> int:
    """Articles per batch: about ``BATCHES_PER_WORKER`` batches a worker, at most ``MAX_BATCH``."""
    return max(1, min(MAX_BATCH, -(-n_tasks // (max(1, n_workers) * BATCHES_PER_WORKER))))


def analyse_batch(tasks: Sequence[Task]) -> list[ArticleResult]:
    """What one Dask task runs on a worker: ``analyse_task`` over a batch, in order."""
    from newsframe.build import analyse_task

    return [analyse_task(task) for task in tasks]


def run_on_dask(
    tasks: Sequence[Task], *, scheduler: str | None, workers: int | None
) -> Iterator[ArticleResult]:
    """``analyse_task`` over ``tasks`` on Dask; yields one result per task, in task order.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); None starts a
    ``LocalCluster`` of ``workers`` single-threaded processes (default 2) on 127.0.0.1.
    """
    from distributed import Client, LocalCluster

    # Paths travel to the workers: make them absolute so a worker's working folder is irrelevant.
    tasks = [(Path(path).resolve(), entry, article_id) for path, entry, article_id in tasks]
    if not tasks:
        return
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler, set_as_default=False))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers or DEFAULT_LOCAL_WORKERS,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster, set_as_default=False))
        n_workers = max(1, sum(client.nthreads().values()))
        size = batch_size(len(tasks), n_workers)
        batches = [tasks[i : i + size] for i in range(0, len(tasks), size)]
        window = max(2, n_workers * IN_FLIGHT_PER_WORKER)
        pending: deque = deque()
        submitted = 0
        for _ in range(len(batches)):
            while submitted < len(batches) and len(pending) < window:
                # pure=False: a re-run must re-read the files, never reuse a cached result
                pending.append(client.submit(analyse_batch, batches[submitted], pure=False))
                submitted += 1
            future = pending.popleft()
            results = future.result()
            future.release()
            yield from results
