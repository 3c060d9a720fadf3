"""Code provisions with the codebook: a term matches a word or a run of words of a provision.

Terms and documents are segmented by the same segmenter (bioparse.text), so 中药 does not
match inside the word 中药材; an include hit overlapping an exclude term does not count.
Each code keeps its evidence (the matched terms) so a reader can audit it.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from .codebook import code_parent, codebook_terms, iter_codes, load_codebook  # noqa: F401
from .text import Segmenter, get_segmenter

CODE_COLUMNS = ["doc_id", "provision_id", "scheme", "code", "evidence", "n_hits"]
EVIDENCE_SEP = "；"


def _norm(token: str) -> str:
    """Compare tokens ignoring surrounding spaces and ASCII case (Cro = CRO)."""
    return token.strip().casefold()


def token_positions(tokens: list[str]) -> dict[str, list[int]]:
    """Where each token occurs, so a term is looked up by its first word, not by a scan."""
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        positions.setdefault(t, []).append(i)
    return positions


def term_spans(tokens: list[str], term_tokens: tuple[str, ...],
               positions: dict[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Token spans [i, j) where a term (a tuple of normalized words) occurs as a contiguous run."""
    n = len(term_tokens)
    if n == 0 or n > len(tokens):
        return []
    starts = (positions if positions is not None else token_positions(tokens)).get(term_tokens[0], ())
    return [(i, i + n) for i in starts if tuple(tokens[i:i + n]) == term_tokens]


def count_term(tokens: list[str], term_tokens: tuple[str, ...]) -> int:
    """Occurrences of a term as a contiguous run of tokens."""
    return len(term_spans(tokens, term_tokens))


class CompiledCodebook(list):
    """compile_codebook's codes (a list of dicts), with their include terms indexed by first word."""

    def __init__(self, codes):
        super().__init__(codes)
        self.by_first_word = first_word_index(self)


def first_word_index(compiled: list[dict]) -> dict[str, list[tuple[int, str, tuple[str, ...]]]]:
    """First word → (code position, term, words) of every include term, in codebook order."""
    index: dict[str, list] = {}
    for k, c in enumerate(compiled):
        for t, w in c["include"]:
            if w:
                index.setdefault(w[0], []).append((k, t, w))
    return index


def compile_codebook(codebook: dict, segmenter: Segmenter) -> CompiledCodebook:
    """Each code with its include/exclude terms cut into words by the segmenter."""
    segmenter.add_terms(codebook_terms(codebook))

    def words(term):
        return tuple(_norm(t) for t in segmenter.cut(term) if t.strip())

    return CompiledCodebook(
        {"scheme": scheme, "code": c["id"],
         "include": [(t, words(t)) for t in c["include"]],
         "exclude": [(t, words(t)) for t in c["exclude"]]}
        for scheme, c in iter_codes(codebook))


def code_tokens(tokens: list[str], compiled: list[dict]) -> list[dict]:
    """Codes of one provision's tokens: [{scheme, code, evidence, n_hits}].

    An include hit does not count where it overlaps a match of one of the code's exclude
    terms (中药 inside 中药材 as a phrase); the code is given if any hit remains. Only
    terms whose first word occurs in the provision are looked at (found by the index of
    first words, not by a loop over the codebook); a one-word term with nothing to veto
    it is counted from the word counts, without positions.
    """
    toks = [s.casefold() for s in map(str.strip, tokens) if s]  # _norm of each non-blank token
    counts = Counter(toks)
    index = getattr(compiled, "by_first_word", None)
    if index is None:
        index = first_word_index(compiled)
    candidates: dict[int, list] = {}
    for word in counts.keys() & index.keys():
        for k, t, w in index[word]:
            candidates.setdefault(k, []).append((t, w))
    pos = None  # token positions, made the first time a span is needed
    out = []
    for k in sorted(candidates):
        c = compiled[k]
        vetoed = []
        for _, x in c["exclude"]:
            if x and x[0] in counts:
                pos = pos or token_positions(toks)
                vetoed += term_spans(toks, x, pos)
        hits = {}
        for t, w in candidates[k]:
            if len(w) == 1 and not vetoed:
                n = counts[w[0]]
            else:
                pos = pos or token_positions(toks)
                n = sum(1 for i, j in term_spans(toks, w, pos)
                        if not any(i < vj and vi < j for vi, vj in vetoed))
            if n:
                hits[t] = n
        if hits:
            out.append({"scheme": c["scheme"], "code": c["code"],
                        "evidence": EVIDENCE_SEP.join(sorted(hits)), "n_hits": sum(hits.values())})
    return out


def code_provisions(provisions: pd.DataFrame, tokens: dict, codebook: dict | None = None,
                    segmenter: str | Segmenter = "jieba") -> pd.DataFrame:
    """The codes table: one row per (provision, scheme, code) with evidence terms and hit count.

    `tokens` maps (doc_id, provision_id) to the provision's words (text.segment_provisions);
    the same segmenter must cut the codebook terms.
    """
    codebook = load_codebook() if codebook is None else codebook
    seg = get_segmenter(segmenter) if isinstance(segmenter, str) else segmenter
    compiled = compile_codebook(codebook, seg)
    rows = []
    for doc_id, pid in zip(provisions["doc_id"], provisions["provision_id"]):
        key = (str(doc_id), str(pid))
        for r in code_tokens(tokens.get(key, []), compiled):
            rows.append({"doc_id": key[0], "provision_id": key[1], **r})
    df = pd.DataFrame(rows, columns=CODE_COLUMNS)
    df["n_hits"] = df["n_hits"].astype("Int64")
    return df.sort_values(["doc_id", "provision_id", "scheme", "code"], kind="stable").reset_index(drop=True)


def parent_codes(codes: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """Codes with each code replaced by its parent (supply/environment/demand), counted once per provision."""
    out = codes.copy()
    out["code"] = [code_parent(codebook, s, c) for s, c in zip(out["scheme"], out["code"])]
    return _merge_rows(out, ["doc_id", "provision_id", "scheme", "code"])


def _merge_rows(codes: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """One row per key: evidence terms unioned, hits summed."""
    if codes.empty:
        return pd.DataFrame(columns=key + ["evidence", "n_hits"]).astype({"n_hits": "Int64"})
    agg = codes.groupby(key, sort=True).agg(
        evidence=("evidence", lambda s: EVIDENCE_SEP.join(sorted({t for e in s for t in str(e).split(EVIDENCE_SEP) if t}))),
        n_hits=("n_hits", "sum")).reset_index()
    agg["n_hits"] = agg["n_hits"].astype("Int64")
    return agg


def rollup_codes(codes: pd.DataFrame, provisions: pd.DataFrame,
                 levels=("part", "section", "chapter", "article")) -> pd.DataFrame:
    """Per provision of the given levels, the union of its own and its descendants' codes.

    Each code counts once per rolled-up provision however many descendants carry it, so
    shares at section level do not double count. Columns: doc_id, provision_id, level,
    scheme, code, evidence, n_hits, n_provisions (how many of the subtree's provisions had it).
    """
    cols = ["doc_id", "provision_id", "level", "scheme", "code", "evidence", "n_hits", "n_provisions"]
    parent = {(str(d), str(p)): (str(d), str(q)) if isinstance(q, str) and q else None
              for d, p, q in zip(provisions["doc_id"], provisions["provision_id"], provisions["parent_id"])}
    level = {(str(d), str(p)): lv for d, p, lv in zip(provisions["doc_id"], provisions["provision_id"], provisions["level"])}
    rows = []
    for r in codes.itertuples(index=False):
        node, seen = (str(r.doc_id), str(r.provision_id)), set()
        while node is not None and node not in seen:  # walk up to the root, guarding cycles
            seen.add(node)
            if level.get(node) in levels:
                rows.append({"doc_id": node[0], "provision_id": node[1], "level": level[node],
                             "scheme": r.scheme, "code": r.code, "evidence": r.evidence,
                             "n_hits": r.n_hits, "src": r.provision_id})
            node = parent.get(node)
    if not rows:
        return pd.DataFrame(columns=cols).astype({"n_hits": "Int64", "n_provisions": "Int64"})
    df = pd.DataFrame(rows)
    key = ["doc_id", "provision_id", "level", "scheme", "code"]
    merged = _merge_rows(df, key)
    merged["n_provisions"] = df.groupby(key, sort=True)["src"].nunique().astype("Int64").values
    return merged[cols].reset_index(drop=True)
