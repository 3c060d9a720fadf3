"""Build the tables on a Dask cluster: the same per-document work, the same bytes.

``build_dask`` runs ``bioparse.build.process_batch`` (parse + stages, with the same cache)
on Dask workers, a few documents per task, and streams the results, in doc_id order,
through the same table writers as ``bioparse.build.build``, so both give byte-identical
tables. At most ``in_flight`` batches are submitted ahead of the one being written, so
memory stays flat however large the corpus is. Dask is optional: it is imported only here.
"""
from __future__ import annotations

from pathlib import Path

from .build import BuildResult, build, windowed


def _local_client(n_workers: int, processes: bool):
    """A Client on a fresh LocalCluster (one thread per worker, no dashboard)."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                           dashboard_address=None)
    return Client(cluster), cluster


def build_dask(raw_dir: str | Path = "data/raw", outdir: str | Path = "data/processed",
               client=None, *, n_workers: int = 2, processes: bool = True, in_flight: int | None = None,
               cache_dir: str | Path | None = "data/interim/cache", stages: tuple = (),
               stage_key: str = "", corpus_steps: tuple = (), extra_tables: tuple = ()) -> BuildResult:
    """Like ``bioparse.build.build``, with the documents parsed on a Dask cluster.

    ``client``: a ``dask.distributed.Client``; without one, a LocalCluster of ``n_workers``
    (``processes=False`` for threads) is started and closed. ``in_flight`` bounds the
    batches (of up to 8 documents) submitted but not yet written (default: 4 per worker thread).
    """
    own = None
    if client is None:
        client, own = _local_client(n_workers, processes)
    try:
        threads = sum(client.nthreads().values()) or 1
        return build(raw_dir, outdir, cache_dir=cache_dir, stages=stages, stage_key=stage_key,
                     corpus_steps=corpus_steps, extra_tables=extra_tables, quiet=True,
                     mapper=dask_mapper(client, in_flight or 4 * threads))
    finally:
        if own is not None:
            client.close()
            own.close()


def dask_mapper(client, in_flight: int):
    """A build mapper: submit tasks to Dask, at most ``in_flight`` ahead, yield results in order."""
    def run(fn, tasks):
        yield from windowed(lambda task: client.submit(fn, task, pure=False), tasks, in_flight)
    return run
