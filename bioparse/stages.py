"""The build plan: which per-document stages and corpus steps run, and what they write.

Per-document stages run in the worker right after parsing, so each text is segmented
once and the result is cached with the parse; corpus steps run once over the tables.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from . import schema

schema.register("pmc_secondary", "PMC-index binary secondary variables per document.",
                ["doc_id", "variable", "secondary"], [
                    ("doc_id", "string", "Document id."),
                    ("variable", "string", "Primary variable (X1 … X9)."),
                    ("secondary", "string", "Secondary variable id (X1.1 …)."),
                    ("name_zh", "string", "Name of the secondary variable."),
                    ("value", "Int64", "1 if the document meets the variable's rule, else 0."),
                ])
schema.register("pmc", "PMC-index primary variable scores per document (mean of secondaries).",
                ["doc_id", "variable"], [
                    ("doc_id", "string", "Document id."),
                    ("variable", "string", "Primary variable (X1 … X9)."),
                    ("name_zh", "string", "Name of the variable."),
                    ("name_en", "string", "English name."),
                    ("score", "float64", "Mean of the variable's secondaries, 0–1."),
                ])
schema.register("pmc_index", "PMC index per document: the sum of the primary scores, and its grade.",
                ["doc_id"], [
                    ("doc_id", "string", "Document id."),
                    ("pmc", "float64", "PMC index (sum of the primary scores)."),
                    ("n_variables", "Int64", "Number of primary variables scored."),
                    ("grade", "string", "perfect, excellent, acceptable or poor."),
                ])
schema.register("reuse", "Passages two documents share (verbatim or with small edits).",
                ["doc_a", "doc_b", "a_start", "b_start"], [
                    ("doc_a", "string", "First document."),
                    ("doc_b", "string", "Second document."),
                    ("a_provision", "string", "Provision of doc_a holding the middle of the passage."),
                    ("b_provision", "string", "Provision of doc_b holding the middle of the passage."),
                    ("a_start", "Int64", "Start offset of the passage in doc_a's normalized text."),
                    ("a_end", "Int64", "End offset in doc_a."),
                    ("b_start", "Int64", "Start offset in doc_b."),
                    ("b_end", "Int64", "End offset in doc_b."),
                    ("a_text", "string", "The passage as written in doc_a."),
                    ("b_text", "string", "The passage as written in doc_b."),
                    ("similarity", "float64", "Matched characters / mean passage length (1 = identical)."),
                    ("n_chars", "Int64", "Matched characters."),
                ])


@dataclass(frozen=True)
class Plan:
    """Stages (picklable callables on a document's result), corpus steps and table names."""

    stages: tuple = ()
    corpus_steps: tuple = ()
    tables: tuple = ()
    key: str = ""


# Loaded once per process (each worker loads its own): codebook, segmenter, compiled
# codebook, stopwords and PMC definitions.
_LOADED: dict = {}


def _resources(codebook_path: str | None, segmenter: str):
    key = (codebook_path, segmenter)
    if key not in _LOADED:
        from .code import compile_codebook
        from .codebook import load_codebook
        from .pmc import load_pmc_definitions
        from .text import get_segmenter, load_stopwords

        codebook = load_codebook(codebook_path)
        seg = get_segmenter(segmenter, codebook)
        pmc_defs = load_pmc_definitions(codebook if "pmc" in codebook else None)
        _LOADED[key] = (codebook, seg, compile_codebook(codebook, seg), load_stopwords(), pmc_defs)
    return _LOADED[key]


def content_text(provision: dict, clause_spans) -> str:
    """A provision's text with its responsibility clauses blanked out (one newline each).

    Agency names are recorded in the agencies table; left in the text they would be coded
    as content (发展改革委 → 改革, 市医保局 → 医保) and dominate the term counts.
    """
    start, text = provision["start"], provision["text"]
    pieces, pos = [], 0
    for a, b in clause_spans:
        a, b = max(a - start, 0), min(b - start, len(text))
        if a < b and a >= pos:
            pieces += [text[pos:a], "\n"]
            pos = b
    return "".join(pieces) + text[pos:]


@dataclass(frozen=True)
class CodeAndCount:
    """Per-document stage: segment each provision once, then code it and count its terms."""

    codebook_path: str | None = None
    segmenter: str = "jieba"

    def __call__(self, result: dict) -> None:
        from .code import code_tokens
        from .text import terms_of

        _, seg, compiled, stopwords, pmc_defs = _resources(self.codebook_path, self.segmenter)
        spans = result.get("clause_spans", ())
        codes, terms = [], []
        for p in result["provisions"]:
            tokens = seg.cut(content_text(p, spans))
            doc_id, pid = p["doc_id"], p["provision_id"]
            codes += [{"doc_id": doc_id, "provision_id": pid, **c} for c in code_tokens(tokens, compiled)]
            terms += [{"doc_id": doc_id, "provision_id": pid, "term": t, "count": n}
                      for t, n in sorted(terms_of(tokens, stopwords).items())]
        result["codes"], result["terms"] = codes, terms
        self._pmc(result, pmc_defs)

    @staticmethod
    def _pmc(result: dict, definitions: dict) -> None:
        """PMC-index tables of this one document (its variables depend on it alone)."""
        from .pmc import pmc_rows

        # Plain lists of rows in and out: no DataFrames for one document.
        secondary, primary, index = pmc_rows(result["documents"], result["provisions"], result["codes"],
                                             result["targets"], result["agencies"], result["terms"],
                                             definitions=definitions)
        result["pmc_secondary"] = secondary
        result["pmc"] = primary
        result["pmc_index"] = [{k: r[k] for k in ("doc_id", "pmc", "n_variables", "grade")} for r in index]


def reuse_step(outdir: Path, mapper=None, batch_rows: int = 20000) -> dict:
    """Corpus step: shared passages between documents that share text, streamed to disk.

    ``mapper`` (the build's: a process pool with ``--jobs``) aligns one document with its
    partners per task. Each passage is attributed to the provision holding its middle on
    each side: a passage that starts in the tail of one provision and runs through the next
    belongs to the one it mostly covers.
    """
    from .pipeline import owner_lookup
    from .reuse import REUSE_COLUMNS, TextFolder, iter_reuse
    from .tables import TableWriter

    texts = TextFolder(outdir / "text")  # read when needed, never all at once
    provisions = pq.read_table(outdir / "provisions.parquet", columns=["doc_id", "provision_id", "start"])
    # Each document's starts and ids as two plain lists (a groupby per document is slow, and
    # a dict per provision costs ~0.2 kB: 60 MB at 10,000 documents, held while aligning).
    by_doc: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for doc_id, provision_id, start in zip(*(provisions.column(c).to_pylist() for c in provisions.column_names)):
        starts, ids = by_doc[doc_id]
        starts.append(start)
        ids.append(provision_id)
    owners = {d: owner_lookup(starts, ids) for d, (starts, ids) in by_doc.items()}
    del provisions, by_doc
    names = REUSE_COLUMNS + ["a_provision", "b_provision"]
    writer = TableWriter(outdir, "reuse")
    columns: dict[str, list] = {c: [] for c in names}
    try:
        for found in iter_reuse(texts, mapper=mapper):  # one document pair's passages
            if not found:
                continue
            for name, values in zip(REUSE_COLUMNS, zip(*found)):
                columns[name].extend(values)
            owner_a, owner_b = owners[found[0][0]], owners[found[0][1]]
            columns["a_provision"].extend(owner_a((r[2] + r[3]) // 2) for r in found)
            columns["b_provision"].extend(owner_b((r[4] + r[5]) // 2) for r in found)
            if len(columns["doc_a"]) >= batch_rows:
                writer.write(columns)
                columns = {c: [] for c in names}
        if columns["doc_a"]:
            writer.write(columns)
    finally:
        writer.close()
    return {"reuse": writer.n_rows}


reuse_step.label = "finding shared passages (reuse)"  # what `bioparse build` says while it runs


def file_digest(path: str | None) -> str:
    """Hash of a codebook file (or of the packaged one), so editing it invalidates the cache."""
    from .codebook import default_codebook_path

    p = Path(path) if path else default_codebook_path()
    return hashlib.sha256(p.read_bytes()).hexdigest()[:16]


def default_plan(codebook_path: str | None = None, segmenter: str = "jieba") -> Plan:
    """The plan `bioparse build` runs: parse and extract, code and count terms, PMC, reuse."""
    return Plan(
        stages=(CodeAndCount(codebook_path, segmenter),),
        corpus_steps=(reuse_step,),
        tables=("codes", "terms", "pmc_secondary", "pmc", "pmc_index"),
        key=f"{file_digest(codebook_path)}:{segmenter}",
    )


def core_plan() -> Plan:
    """Parsing and extraction only (documents, provisions, agencies, targets)."""
    return Plan()
