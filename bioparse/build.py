"""Build every table from data/raw/: discover, parse in parallel, cache, stream to disk.

Each document goes through ``bioparse.pipeline.parse_documents`` (a few at a time) and the
coding stages exactly once per change: results are cached under ``data/interim/cache``
keyed by the file's hash, its manifest row and the codebook, so an unchanged file is not
parsed again.
"""
from __future__ import annotations

import csv
import gc
import hashlib
import json
import pickle
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, io, pipeline, tables
from .errors import BioparseError

CORE_TABLES = ["documents", "provisions", "agencies", "targets"]
_CODE_DIGEST: dict = {}


@dataclass
class BuildResult:
    """What a build wrote and what it could not read."""

    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)   # (doc_id, message); doc_id "" for a file or row not matched to one
    warnings: list = field(default_factory=list)   # (doc_id, message)
    outdir: Path | None = None
    n_cached: int = 0


def code_digest() -> str:
    """Hash of bioparse's own source and resources: a changed parser invalidates the cache."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for f in sorted(list(package.glob("*.py")) + list((package / "resources").glob("*"))):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def cache_key(path: Path, meta: dict, extra: str = "") -> str:
    """Hash of what a document's result depends on: bytes, manifest row, code, codebook."""
    h = hashlib.sha256()
    h.update(io.sha256_of(path).encode())
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode())
    if "digest" not in _CODE_DIGEST:  # once per process: setdefault would hash the package every call
        _CODE_DIGEST["digest"] = code_digest()
    h.update(_CODE_DIGEST["digest"].encode())
    h.update(extra.encode())
    return h.hexdigest()[:32]


class BatchedWriter:
    """Buffers rows and hands them to a TableWriter in large batches.

    Performance (benchmarks/run.py): typing one document's rows with pandas and writing a
    Parquet row group per document took ~85% of a build; batching makes that cost per
    batch, not per document. Output stays deterministic (batches depend only on row counts).
    """

    def __init__(self, writer, max_rows: int = 20000):
        self.writer, self.max_rows, self._rows = writer, max_rows, []

    @property
    def n_rows(self) -> int:
        return self.writer.n_rows + len(self._rows)

    def write(self, rows) -> None:
        self._rows.extend(rows.to_dict("records") if hasattr(rows, "to_dict") else rows)
        if len(self._rows) >= self.max_rows:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self.writer.write(self._rows)
            self._rows = []

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.writer.close()


def process_batch(tasks: list) -> list[tuple[str, dict | None, str | None]]:
    """Worker: parse a few documents (or load them from the cache); (doc_id, result, error) each.

    The documents not in the cache are parsed together by pipeline.parse_documents (stage by
    stage, which is faster), then each goes through the stages. Never raises for bad input.
    """
    out: list = [_from_cache(task) for task in tasks]
    todo = [i for i, item in enumerate(out) if item is None]
    parsed = pipeline.parse_documents([(tasks[i][1], tasks[i][0], tasks[i][2]) for i in todo])
    for i, result in zip(todo, parsed):
        doc_id, _, _, cache_dir, key, stages = tasks[i]
        try:
            if isinstance(result, BioparseError):
                raise result
            for stage in stages:
                stage(result)
        except BioparseError as e:
            out[i] = (doc_id, None, str(e))
            continue
        result["_key"] = key
        if cache_dir:
            _store(Path(cache_dir) / f"{doc_id}.pkl", result)
        out[i] = (doc_id, result, None)
    return out


def _from_cache(task: tuple) -> tuple[str, dict, None] | None:
    """(doc_id, cached result, None) when the cache holds this task's key, else None."""
    doc_id, _, _, cache_dir, key, _ = task
    cache_file = Path(cache_dir) / f"{doc_id}.pkl" if cache_dir else None
    if cache_file and cache_file.exists():
        try:
            with cache_file.open("rb") as f:
                cached = pickle.load(f)
            if cached.get("_key") == key:
                cached["_cached"] = True
                return doc_id, cached, None
        except Exception:  # a damaged cache entry is simply rebuilt
            pass
    return None


def _store(cache_file: Path, result: dict) -> None:
    """Write a result to the cache, through a temporary file so a crash leaves no half entry."""
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_file.with_suffix(".tmp")
    with tmp.open("wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(cache_file)


def _progress(total: int | None, quiet: bool, label: str = "parsing"):
    """A rich progress bar on stderr (None when quiet); ``total`` None counts without a bound."""
    if quiet:
        return None
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn() if total is None else TimeRemainingColumn(),
                        console=Console(stderr=True), transient=False)
    progress.start()
    progress.add_task(label, total=total)
    return progress


def _advancing(mapper, progress):
    """``mapper`` that advances ``progress`` by one for each result it yields."""
    def run(fn, tasks):
        for item in mapper(fn, tasks):
            progress.advance(progress.task_ids[0])
            yield item
    return run


def build(raw_dir: str | Path = "data/raw", outdir: str | Path = "data/processed", *,
          jobs: int = 1, cache_dir: str | Path | None = "data/interim/cache",
          stages: tuple = (), stage_key: str = "", corpus_steps: tuple = (),
          extra_tables: tuple = (), quiet: bool = False, mapper=None) -> BuildResult:
    """Build the tables from ``raw_dir`` into ``outdir``; return counts and problems.

    ``stages`` are picklable functions applied to each document's result in the worker
    (coding, terms); ``corpus_steps`` run once over the written tables (reuse), called as
    ``step(outdir, mapper)`` so they can spread their own work the same way.
    ``mapper(fn, tasks)`` yields ``fn(task)`` in task order; by default a process pool of
    ``jobs`` workers (bioparse.distributed passes one that runs on a Dask cluster).
    """
    raw_dir, outdir = Path(raw_dir), Path(outdir)
    if not raw_dir.is_dir():
        raise BioparseError(raw_dir, "raw data folder not found", "put the documents in data/raw/ or pass --raw")
    docs, problems = io.discover(raw_dir)
    result = BuildResult(outdir=outdir)
    result.problems = [("", str(p)) for p in problems]  # each message names its file
    result.warnings += [(d["doc_id"], note) for d in docs for note in d.get("notes", ())]
    outdir.mkdir(parents=True, exist_ok=True)
    text_dir = outdir / "text"
    text_dir.mkdir(exist_ok=True)
    names = CORE_TABLES + [t for t in extra_tables if t not in CORE_TABLES]
    writers = {t: BatchedWriter(tables.TableWriter(outdir, t)) for t in names}

    tasks = [(d["doc_id"], str(d["path"]), d.get("meta", {}), str(cache_dir) if cache_dir else None,
              cache_key(Path(d["path"]), d.get("meta", {}), stage_key), stages) for d in docs]
    progress = _progress(len(tasks), quiet)
    written_texts = set()
    # a file in a subfolder (a folder per province) is named by its path under raw_dir
    in_folders = {d["doc_id"]: Path(d["path"]).relative_to(raw_dir).as_posix() for d in docs
                  if Path(d["path"]).parent != raw_dir}
    # Workers take a batch of documents at a time (fewer round trips, and parse_documents
    # runs each stage over the batch); the default mapper's pool then needs no chunks of its own.
    batches = list(_chunks(tasks, batch_size(len(tasks), jobs)))
    try:
        for items in (mapper or local_mapper(jobs, chunk_size=1))(process_batch, batches):
            for item in items:
                _collect(item, writers, text_dir, result, written_texts, progress, in_folders)
    finally:
        for w in writers.values():
            w.close()
        if progress:
            progress.stop()
    # files not read go to warnings.csv too, so a run's record is complete in its folder
    write_warnings(outdir, result.warnings + result.problems)
    # Remove texts of documents no longer in the corpus, so the folder mirrors the tables.
    for stale in text_dir.glob("*.txt"):
        if stale.stem not in written_texts:
            stale.unlink()
    result.counts = {t: w.n_rows for t, w in writers.items()}
    mapper = mapper or local_mapper(jobs)  # corpus steps hand out one task per document: in chunks
    for step in corpus_steps:  # whole-corpus work (reuse), given the same mapper
        label = getattr(step, "label", getattr(step, "__name__", "corpus step"))
        progress = _progress(None, quiet, f"{label}: documents done")
        try:
            result.counts.update(step(outdir, mapper if progress is None else _advancing(mapper, progress)) or {})
        finally:
            if progress:
                progress.stop()
    tables.write_datapackage(outdir, [t for t in result.counts if (outdir / f"{t}.csv").exists()])
    return result


def batch_size(n_tasks: int, jobs: int, largest: int = 8) -> int:
    """Documents per worker task: ``largest``, or fewer so that each of ``jobs`` workers gets about four."""
    return largest if jobs <= 1 else max(1, min(largest, n_tasks // (jobs * 4)))


def windowed(submit, items, in_flight: int):
    """Yield ``submit(item).result()`` in order, with at most ``in_flight`` items submitted ahead.

    Submitting everything at once would hold every finished result in memory until its turn;
    a window keeps the parent's memory flat however large the corpus is.
    """
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_chunk(fn, chunk: list) -> list:
    """Worker side of local_mapper: one pool task runs a few documents, to save round trips."""
    return [fn(task) for task in chunk]


def _chunks(tasks, size: int):
    """Lists of ``size`` consecutive tasks (the last one shorter), taken from any iterable."""
    chunk = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def local_mapper(jobs: int, chunk_size: int = 8):
    """Run tasks in this process (jobs=1) or in a pool of ``jobs`` processes, in order.

    ``tasks`` may be a list or a generator; a generator is consumed only as far as the
    pool's window reaches, so its tasks can be made (and their data read) on demand.
    """
    def run(fn, tasks):
        if jobs <= 1 or (isinstance(tasks, list) and len(tasks) <= 1):
            yield from map(fn, tasks)
            return
        size = batch_size(len(tasks), jobs, chunk_size) if isinstance(tasks, list) else chunk_size
        # Workers are forked from this process and share its memory copy-on-write; frozen,
        # the garbage collector in a worker does not touch (and so copy) every inherited object.
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for results in windowed(lambda c: pool.submit(_run_chunk, fn, c), _chunks(tasks, size),
                                        4 * jobs):
                    yield from results
        finally:
            gc.unfreeze()
    return run


def _collect(item, writers, text_dir: Path, result: BuildResult, written_texts: set, progress,
             in_folders: dict[str, str]) -> None:
    """Stream one document's rows to the writers, record problems and warnings.

    ``in_folders`` gives the path under the raw folder of documents in subfolders: their source_file.
    """
    doc_id, res, error = item
    if doc_id in in_folders and res:
        res["documents"] = [{**row, "source_file": in_folders[doc_id]} for row in res["documents"]]
    if progress:
        progress.advance(progress.task_ids[0])
    if error:
        result.problems.append((doc_id, error))
        return
    if res.get("_cached"):
        result.n_cached += 1
    for t, w in writers.items():
        w.write(res.get(t, []))
    text_path = text_dir / f"{doc_id}.txt"
    if not text_path.exists() or text_path.read_text(encoding="utf-8") != res["text"]:
        text_path.write_text(res["text"], encoding="utf-8")
    written_texts.add(doc_id)
    result.warnings += [(doc_id, w) for w in res.get("warnings", [])]


def write_warnings(outdir: Path, warnings: list[tuple[str, str]]) -> Path:
    """Write every (doc_id, warning) of a build to ``outdir/warnings.csv``, in document order."""
    path = outdir / "warnings.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doc_id", "warning"])
        w.writerows(warnings)
    return path


def print_summary(result: BuildResult, stream=None, most_warnings: int = 20) -> None:
    """A human summary: rows per table, cached documents, the first warnings and every file not read.

    A large corpus can give a warning per document (a manifest title the text words
    differently): the first ``most_warnings`` are printed, and all are in warnings.csv.
    ``stream`` defaults to the standard error of the moment (not of import time).
    """
    stream = stream or sys.stderr
    print(f"wrote {result.outdir}/:", file=stream)
    for t, n in result.counts.items():
        print(f"  {t:<12} {n:>8} rows", file=stream)
    if result.n_cached:
        print(f"  ({result.n_cached} documents unchanged, taken from the cache)", file=stream)
    for doc_id, w in result.warnings[:most_warnings]:
        print(f"warning: {doc_id}: {w}", file=stream)
    if len(result.warnings) > most_warnings:
        print(f"… and {len(result.warnings) - most_warnings} more warnings; all {len(result.warnings)} "
              f"are in {result.outdir}/warnings.csv", file=stream)
    if result.problems:
        print(f"{len(result.problems)} file(s) or manifest row(s) could not be used and were skipped:", file=stream)
        for f, msg in result.problems:
            print(f"  - {msg}", file=stream)
    if not result.counts.get("documents"):
        print("no documents were read: " + ("see the files above" if result.problems else
              "put .txt, .docx, .html or .pdf files in the raw folder (subfolders are read too)"), file=stream)
