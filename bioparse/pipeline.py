"""One document through every per-document stage: read → normalize → structure → extract.

``parse_document`` is the unit of work that the build runs in parallel (or on a Dask
cluster) and caches; it returns plain lists of dicts, one list per table.
"""
from __future__ import annotations

import warnings
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from . import agencies as agencies_mod
from . import io, metadata, targets as targets_mod
from .errors import StructureWarning
from .normalize import normalize
from .structure import parse_provision_rows


@lru_cache(maxsize=1)
def _packaged_crosswalk() -> dict:
    """The packaged agency crosswalk, read once per process."""
    return agencies_mod.load_crosswalk()


@lru_cache(maxsize=1 << 16)
def _packaged_canonical(name: str, prefix: str | None) -> str:
    """canonical_agency with the packaged crosswalk, memoized: the same names recur in every document.

    Give it the carried prefix (agencies.carried_prefix), not the clause's first name, so
    that names under different first names share an entry.
    """
    return agencies_mod.canonical_agency(name, _packaged_crosswalk(), prefix)


def owner_index(provisions: list[dict]):
    """A function mapping a normalized offset to the provision whose span holds it."""
    starts = [p["start"] for p in provisions]
    ids = [p["provision_id"] for p in provisions]

    def owner(offset: int) -> str:
        return ids[max(bisect_right(starts, offset) - 1, 0)]

    return owner


def agency_rows(doc_id: str, text: str, owner, crosswalk: dict | None,
                clauses: list[tuple] | None = None, point_parent: dict | None = None) -> list[dict]:
    """Responsible agencies of every clause, attached to the provision holding the clause.

    ``crosswalk`` None means the packaged crosswalk; ``clauses`` are agencies.find_clauses(text).
    """
    point_parent = point_parent or {}
    if crosswalk is None:
        canonical = _packaged_canonical
    else:
        def canonical(name, prefix):
            return agencies_mod.canonical_agency(name, crosswalk, prefix)
    rows = []
    clauses = agencies_mod.find_clauses(text) if clauses is None else clauses
    # Positions number the agencies of one provision in order, across its clauses.
    counter: dict[str, int] = {}
    for clause_start, _, style, found in clauses:
        if not found:
            continue
        pid = owner(clause_start)
        # A clause after a 一是/二是 run answers for the whole provision, not its last point.
        while pid in point_parent:
            pid = point_parent[pid]
        prefix = agencies_mod.carried_prefix(found[0][0])  # what canonical_agency takes from the first name
        position = counter.get(pid, 0)
        for name, start, end, role in found:
            rows.append({
                "doc_id": doc_id, "provision_id": pid, "agency": name,
                "agency_canonical": canonical(name, prefix),
                "position": position, "role": role,
                "style": style, "start": start, "end": end,
            })
            position += 1
        counter[pid] = position
    return rows


def target_rows(doc_id: str, text: str, owner, provisions: list[dict]) -> list[dict]:
    """Quantitative targets, each attached to the provision holding it.

    ``status`` is "baseline" for figures under a current-state heading (发展现状 …), else "goal".
    """
    under_status = targets_mod.status_test(provisions)  # asked only for provisions holding targets
    rows = []
    for t in targets_mod.extract_targets(text):
        pid = owner(t["start"])
        rows.append({"doc_id": doc_id, "provision_id": pid, **t,
                     "status": "baseline" if under_status(pid) else "goal"})
    return rows


def parse_document(path: str | Path, doc_id: str, meta: dict | None = None,
                   crosswalk: dict | None = None) -> dict:
    """Parse one file into rows for the documents, provisions, agencies and targets tables.

    Returns ``{"documents": [row], "provisions": [...], "agencies": [...], "targets": [...],
    "clause_spans": [(start, end), ...], "text": normalized_text, "warnings": [message, ...]}``. Raises a ``BioparseError``
    naming the file if it cannot be read.
    """
    path = path if isinstance(path, Path) else Path(path)
    raw = io.read_text(path)
    norm = normalize(raw.text)
    text = norm.text
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StructureWarning)
        provisions = parse_provision_rows(text, source=path.name)
    notes += [str(w.message) for w in caught if issubclass(w.category, StructureWarning)]
    raw_spans = norm.to_raw_spans([(p["start"], p["end"]) for p in provisions])
    for p, (raw_start, raw_end) in zip(provisions, raw_spans):
        p["doc_id"] = doc_id
        p["raw_start"], p["raw_end"] = raw_start, raw_end
    owner = owner_index(provisions)

    inferred = metadata.infer_metadata(text)
    merged, disagreements = metadata.merge_metadata(meta or {}, inferred, path)
    document = {
        "doc_id": doc_id,
        **{k: merged.get(k, "") for k in ("title", "issuer", "doc_number", "level", "region",
                                          "date", "period", "plan_start", "plan_end")},
        "source_file": path.name, "format": raw.format, "encoding": raw.encoding,
        "sha256": raw.sha256 or io.sha256_of(path), "n_chars": len(text), "n_raw_chars": len(raw.text),
        "n_provisions": len(provisions), "metadata_notes": " | ".join(disagreements),
    }
    for k in ("plan_start", "plan_end"):
        document[k] = int(document[k]) if str(document[k]).strip().isdigit() else None
    clauses = agencies_mod.find_clauses(text)
    return {
        "documents": [document],
        "provisions": provisions,
        "agencies": agency_rows(doc_id, text, owner, crosswalk, clauses,
                                {p["provision_id"]: p["parent_id"] for p in provisions if p["level"] == "point"}),
        # Spans of the responsibility clauses: coding and term counts skip them, so that
        # 发展改革委 is not read as 改革 nor 市场监管局 as 监管.
        "clause_spans": [(start, end) for start, end, _, _ in clauses],
        "targets": target_rows(doc_id, text, owner, provisions),
        "text": text,
        "warnings": notes + disagreements,
    }
