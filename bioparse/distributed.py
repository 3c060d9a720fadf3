"""Build the tables on a Dask cluster: the same per-document work, the same bytes.

``build_dask`` runs ``bioparse.build.process_one`` (parse + stages, with the same cache)
on Dask workers and streams the results, in doc_id order, through the same table
writers as ``bioparse.build.build``, so both give byte-identical tables. At most
``in_flight`` documents are submitted ahead of the one being written, so memory stays
flat however large the corpus is. Dask is optional: it is imported only here.
"""
from __future__ import annotations

from collections import deque
from pathlib import Path

from . import io, tables
from .build import CORE_TABLES, BatchedWriter, BuildResult, _collect, cache_key, process_one
from .errors import BioparseError


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
    documents submitted but not yet written (default: 4 per worker thread).
    """
    raw_dir, outdir = Path(raw_dir), Path(outdir)
    if not raw_dir.is_dir():
        raise BioparseError(raw_dir, "raw data folder not found", "put the documents in data/raw/ or pass --raw")
    docs, problems = io.discover(raw_dir)
    result = BuildResult(outdir=outdir)
    result.problems = [(getattr(p, "path", ""), str(p)) for p in problems]
    outdir.mkdir(parents=True, exist_ok=True)
    text_dir = outdir / "text"
    text_dir.mkdir(exist_ok=True)
    names = CORE_TABLES + [t for t in extra_tables if t not in CORE_TABLES]
    writers = {t: BatchedWriter(tables.TableWriter(outdir, t)) for t in names}
    tasks = [(d["doc_id"], str(d["path"]), d.get("meta", {}), str(cache_dir) if cache_dir else None,
              cache_key(Path(d["path"]), d.get("meta", {}), stage_key), stages) for d in docs]

    own = None
    if client is None:
        client, own = _local_client(n_workers, processes)
    written_texts: set = set()
    try:
        threads = sum(client.nthreads().values()) or 1
        limit = in_flight or 4 * threads
        pending: deque = deque()
        for task in tasks:
            pending.append(client.submit(process_one, task, pure=False))
            if len(pending) >= limit:
                _collect(pending.popleft().result(), writers, text_dir, result, written_texts, None)
        while pending:
            _collect(pending.popleft().result(), writers, text_dir, result, written_texts, None)
    finally:
        for w in writers.values():
            w.close()
        if own is not None:
            client.close()
            own.close()
    # As in build(): the text folder mirrors the tables, then corpus steps and datapackage.
    for stale in text_dir.glob("*.txt"):
        if stale.stem not in written_texts:
            stale.unlink()
    result.counts = {t: w.n_rows for t, w in writers.items()}
    for step in corpus_steps:
        result.counts.update(step(outdir) or {})
    tables.write_datapackage(outdir, [t for t in result.counts if (outdir / f"{t}.csv").exists()])
    return result
