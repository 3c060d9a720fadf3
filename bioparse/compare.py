"""Compare documents and periods: code shares, keyness, similarity, keywords in context.

Small verbs over the tidy tables (codes, provisions, documents, terms), in the spirit of
quanteda's textstat_* functions. Each returns a sorted DataFrame, ready to plot or print.
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd

from .errors import BioparseError

__all__ = ["code_shares", "keyness", "chi2_sf_1df", "document_similarity", "kwic",
           "CompareInputError"]


class CompareInputError(BioparseError):
    """A table handed to a compare function lacks a column or holds an unusable value."""


def _need(df: pd.DataFrame, name: str, columns) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise CompareInputError(name, f"table lacks column(s) {missing}",
                                f"pass the {name} table built by bioparse.tables "
                                f"(columns {list(columns)})")


def _group_of(documents: pd.DataFrame, by: str) -> pd.Series:
    """doc_id → group label (the documents column ``by``; 'doc_id' groups by document)."""
    if by == "doc_id":
        return pd.Series(documents["doc_id"].values, index=documents["doc_id"].values)
    _need(documents, "documents", ["doc_id", by])
    return pd.Series(documents[by].astype(str).values, index=documents["doc_id"].values)


# --------------------------------------------------------------------------- code shares
def code_shares(codes: pd.DataFrame, provisions: pd.DataFrame, documents: pd.DataFrame,
                by: str = "period", scheme: str = "theme",
                weight: str = "provisions") -> pd.DataFrame:
    """Share of provisions (or of characters) in each group that carry each code.

    A provision counts once per code however many times it was coded. The denominator is
    all provisions (or all their characters) of the group's documents, so shares of
    different codes may sum to more or less than 1. Returns group, code, n, share with
    every (group, code) pair present (zeros filled), sorted by group then code.
    """
    _need(codes, "codes", ["doc_id", "provision_id", "scheme", "code"])
    _need(provisions, "provisions", ["doc_id", "provision_id", "text"])
    if weight not in ("provisions", "chars"):
        raise CompareInputError(None, f"weight={weight!r} is not known",
                                "use weight='provisions' or weight='chars'")
    group = _group_of(documents, by)
    prov = provisions[["doc_id", "provision_id", "text"]].copy()
    prov["group"] = prov["doc_id"].map(group)
    prov = prov.dropna(subset=["group"])
    prov["w"] = 1 if weight == "provisions" else prov["text"].fillna("").str.len()
    totals = prov.groupby("group")["w"].sum()

    sel = codes.loc[codes["scheme"] == scheme, ["doc_id", "provision_id", "code"]]
    sel = sel.drop_duplicates().merge(prov, on=["doc_id", "provision_id"], how="inner")
    counts = sel.groupby(["group", "code"])["w"].sum()
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(sel["code"].unique())],
                                      names=["group", "code"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["n"] = out["n"].astype("int64")
    out["share"] = out["n"] / out["group"].map(totals).astype(float)
    return out.sort_values(["group", "code"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- keyness
def _g2(a: float, b: float, c: float, d: float) -> float:
    """Log-likelihood G² of the 2×2 table [[a, b], [c, d]] (Dunning 1993)."""
    n = a + b + c + d
    rows, cols = (a + b, c + d), (a + c, b + d)
    g = 0.0
    for obs, r, k in ((a, 0, 0), (b, 0, 1), (c, 1, 0), (d, 1, 1)):
        if obs > 0:
            g += obs * math.log(obs / (rows[r] * cols[k] / n))
    return 2.0 * g


def chi2_sf_1df(x: float) -> float:
    """Upper tail of χ² with 1 degree of freedom: P(X ≥ x) = erfc(√(x/2))."""
    return math.erfc(math.sqrt(max(x, 0.0) / 2.0))


def keyness(terms: pd.DataFrame, documents: pd.DataFrame, target, reference=None,
            by: str = "period", min_count: int = 5) -> pd.DataFrame:
    """Terms over- or under-used in the target group versus the reference (signed G²).

    ``target`` (and ``reference``) are values — or lists of values — of the documents
    column ``by``; reference None means every other document. Per term: n_target,
    n_reference, G2 (+ when relatively more frequent in the target), p (χ², 1 df), log_ratio
    (Hardie's binary log of the ratio of relative frequencies, 0.5 added to a zero count)
    and pct_diff (Gabrielatos & Marchi's %DIFF; inf when absent from the reference). Terms
    with n_target + n_reference < min_count are left out. Sorted by G2 descending.
    """
    _need(terms, "terms", ["doc_id", "term", "count"])
    group = _group_of(documents, by)
    targets = {str(t) for t in (target if isinstance(target, (list, tuple, set)) else [target])}
    tdf = terms[["doc_id", "term", "count"]].copy()
    tdf["group"] = tdf["doc_id"].map(group)
    in_target = tdf["group"].isin(targets)
    if reference is None:
        in_ref = tdf["group"].notna() & ~in_target
    else:
        refs = {str(r) for r in (reference if isinstance(reference, (list, tuple, set))
                                 else [reference])}
        in_ref = tdf["group"].isin(refs)
    if not in_target.any() or not in_ref.any():
        raise CompareInputError(None, f"no terms for target {sorted(targets)} or its reference "
                                f"in column {by!r}",
                                f"choose values present in documents[{by!r}]")
    ft = tdf[in_target].groupby("term")["count"].sum()
    fr = tdf[in_ref].groupby("term")["count"].sum()
    table = pd.concat([ft.rename("n_target"), fr.rename("n_reference")], axis=1).fillna(0)
    size_t, size_r = float(table["n_target"].sum()), float(table["n_reference"].sum())
    table = table[(table["n_target"] + table["n_reference"]) >= min_count]
    rows = []
    for term, a, b in zip(table.index, table["n_target"], table["n_reference"]):
        g = _g2(a, b, size_t - a, size_r - b)
        rel_t, rel_r = a / size_t, b / size_r
        sign = 1.0 if rel_t >= rel_r else -1.0
        log_ratio = math.log2((max(a, 0.5) / size_t) / (max(b, 0.5) / size_r))
        pct = (rel_t - rel_r) * 100.0 / rel_r if rel_r > 0 else math.inf
        rows.append({"term": term, "n_target": int(a), "n_reference": int(b),
                     "G2": sign * g, "p": chi2_sf_1df(g), "log_ratio": log_ratio,
                     "pct_diff": pct})
    out = pd.DataFrame(rows, columns=["term", "n_target", "n_reference", "G2", "p",
                                      "log_ratio", "pct_diff"])
    return out.sort_values(["G2", "term"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- similarity
def _count_dicts(terms) -> tuple[list[str], list[dict]]:
    """Documents and their term counts from a terms table or a {doc: tokens} mapping."""
    if isinstance(terms, pd.DataFrame):
        _need(terms, "terms", ["doc_id", "term", "count"])
        grouped = terms.groupby(["doc_id", "term"])["count"].sum()
        docs = sorted(grouped.index.get_level_values(0).unique())
        return docs, [grouped.loc[d].to_dict() for d in docs]
    if isinstance(terms, dict):
        docs = sorted(terms)
        return docs, [dict(Counter(terms[d])) for d in docs]
    raise CompareInputError(None, "document_similarity needs a terms table or {doc_id: tokens}",
                            "pass the terms DataFrame or a dict of token lists")


def document_similarity(terms, top_k: int | None = None) -> pd.DataFrame:
    """TF-IDF cosine similarity between documents (doc_a, doc_b, cosine).

    ``terms`` is the terms table (counts summed per document) or {doc_id: [token, …]}.
    Without ``top_k`` every pair doc_a < doc_b is returned (a sparse product, fine for
    hundreds of documents); with ``top_k`` only each document's k nearest neighbours
    (brute-force nearest neighbours in chunks, never all pairs at once), with their rank.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    docs, counts = _count_dicts(terms)
    if len(docs) < 2:
        return pd.DataFrame(columns=["doc_a", "doc_b", "cosine"])
    counts_matrix = DictVectorizer(sort=True).fit_transform(counts)
    x = TfidfTransformer(norm="l2", smooth_idf=True, sublinear_tf=False).fit_transform(
        counts_matrix)
    if top_k is None:
        sim = (x @ x.T).toarray()
        iu = np.triu_indices(len(docs), k=1)
        out = pd.DataFrame({"doc_a": [docs[i] for i in iu[0]], "doc_b": [docs[j] for j in iu[1]],
                            "cosine": np.round(sim[iu], 12)})
        return out.sort_values(["doc_a", "doc_b"], kind="stable").reset_index(drop=True)
    from sklearn.neighbors import NearestNeighbors

    k = min(int(top_k), len(docs) - 1)
    nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute").fit(x)
    dist, idx = nn.kneighbors(x)
    rows = []
    for i, doc in enumerate(docs):
        neighbours = [(1.0 - d, docs[j]) for d, j in zip(dist[i], idx[i]) if j != i]
        neighbours.sort(key=lambda t: (-round(t[0], 12), t[1]))
        for rank, (cos, other) in enumerate(neighbours[:k], start=1):
            rows.append({"doc_a": doc, "doc_b": other, "cosine": round(cos, 12), "rank": rank})
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "cosine", "rank"])


# --------------------------------------------------------------------------- kwic
def kwic(provisions: pd.DataFrame, pattern: str, window: int = 20,
         regex: bool = False) -> pd.DataFrame:
    """Keywords in context: every match of ``pattern`` in the provisions' own text.

    start/end are offsets into the document's normalized text (provision start + index in
    the provision's text); left/right hold up to ``window`` characters of context.
    ``pattern`` is a literal string unless ``regex`` is True.
    """
    _need(provisions, "provisions", ["doc_id", "provision_id", "text", "start"])
    if not pattern:
        raise CompareInputError(None, "kwic needs a non-empty pattern", "pass a word or regex")
    rx = re.compile(pattern if regex else re.escape(pattern))
    rows = []
    for doc, pid, text, start in zip(provisions["doc_id"], provisions["provision_id"],
                                     provisions["text"], provisions["start"]):
        text = text if isinstance(text, str) else ""
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            rows.append({"doc_id": doc, "provision_id": pid,
                         "start": int(start) + m.start(), "end": int(start) + m.end(),
                         "left": text[max(0, m.start() - window):m.start()],
                         "keyword": m.group(0),
                         "right": text[m.end():m.end() + window]})
    out = pd.DataFrame(rows, columns=["doc_id", "provision_id", "start", "end", "left",
                                      "keyword", "right"])
    return out.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
