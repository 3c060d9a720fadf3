"""Text reuse between documents: shared passages found without comparing all pairs.

Method (BLAST-like seed and extend):

1. *Fold* each text: drop whitespace, map full-width ASCII forms (，：；（）！？ …) and curly
   quotes to their half-width forms, keeping a map from each folded character back to
   its offset in the given text.
2. *Candidates*: hash every character k-gram (shingle) of every folded text, keep one in
   four as a fingerprint, and build one inverted index fingerprint → documents. Only
   fingerprints held by two to ``max_docs`` documents (more is boilerplate) pair documents
   up; a document pair is only ever looked at when it shares fingerprints.
   *Seed*: for each candidate pair, exact k-gram matches from a local index of one text.
3. *Chain*: per pair, seeds on the same diagonal (b_pos − a_pos) that lie within ``gap``
   characters are chained; chains that continue each other with a small diagonal shift
   (an insertion or deletion) are merged, so a passage with a few edited characters stays
   one span.
4. *Align*: each merged window is aligned with ``difflib.SequenceMatcher`` (only that
   window, never the whole documents); the span is trimmed to the first and last matching
   block and reported with similarity = matched characters / mean span length.

Complexity: folding and shingling are O(N) in the total number of characters N; the index
holds at most N postings; seeds cost Σ over shared shingles of (postings per shingle)², which
``max_docs`` and ``max_postings`` bound; alignment is quadratic only in the length of each
candidate window. No step grows with the number of document pairs that share nothing.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import BioparseError

__all__ = ["fold", "find_reuse", "reuse_summary", "REUSE_COLUMNS"]

REUSE_COLUMNS = [
    "doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end",
    "a_text", "b_text", "similarity", "n_chars",
]

_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "(", "〕": ")", "【": "[", "】": "]"}


class ReuseInputError(BioparseError):
    """The texts given to find_reuse are not a mapping of id → str, or parameters are invalid."""


def _fold_char(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII block → ASCII
        return chr(code - 0xFEE0)
    return _QUOTES.get(ch, ch)


def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching (no whitespace, half-width punctuation) and map back.

    Returns ``(folded, positions)`` where ``positions[i]`` is the offset in ``text`` of
    ``folded[i]``.
    """
    chars: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        chars.append(_fold_char(ch))
        positions.append(i)
    return "".join(chars), positions


@dataclass
class _Region:
    a0: int
    a1: int  # exclusive, folded coordinates
    b0: int
    b1: int
    diag: int


def _kgram_hashes(s: str, k: int) -> np.ndarray:
    """Deterministic 64-bit polynomial hashes of every k-gram of s (vectorized)."""
    if len(s) < k:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            h = h * np.uint64(1_000_003) + codes[i:i + n]
        # Mix the bits so that sampling by the top bits is uniform.
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return h


def _candidate_pairs(folded: list[str], k: int, max_docs: int, max_partners: int = 20,
                     min_shared: int = 2) -> list[tuple[int, int]]:
    """Document pairs that share sampled k-gram fingerprints (an inverted index, not all pairs).

    One k-gram in four is kept as a fingerprint (chosen by its hash, so the same k-gram is
    kept in every document); a passage of ~30 characters holds about 23 k-grams, so a
    shared passage is missed with probability (3/4)^23 ≈ 0.1%. Fingerprints held by more
    than ``max_docs`` documents are boilerplate and give no pairs. Each document keeps at
    most ``max_partners`` partners (those it shares most fingerprints with), so the work
    grows linearly with the corpus even where every document shares something with every
    other.
    """
    hashes, docs = [], []
    for d, s in enumerate(folded):
        h = _kgram_hashes(s, k)
        h = np.unique(h[(h >> np.uint64(62)) == 0])  # the top two bits pick one in four
        hashes.append(h)
        docs.append(np.full(len(h), d, dtype=np.int64))
    if not hashes:
        return []
    h = np.concatenate(hashes)
    d = np.concatenate(docs)
    order = np.lexsort((d, h))
    h, d = h[order], d[order]
    bounds = np.flatnonzero(np.diff(h)) + 1
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for g in np.split(d, bounds):
        if 2 <= len(g) <= max_docs:
            members = g.tolist()
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    counts[(a, b)] += 1
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), c in counts.items():
        if c >= min_shared:
            partners[a].append((-c, b))
            partners[b].append((-c, a))
    keep = set()
    for a, lst in partners.items():
        for _, b in sorted(lst)[:max_partners]:
            keep.add((min(a, b), max(a, b)))
    return sorted(keep)


def _kgram_index(s: str, k: int) -> dict[str, list[int]]:
    """Positions of every k-gram of s."""
    index: dict[str, list[int]] = defaultdict(list)
    for p in range(len(s) - k + 1):
        index[s[p:p + k]].append(p)
    return index


def _pair_seeds(index_a: dict[str, list[int]], sb: str, k: int, max_postings: int) -> list[tuple[int, int]]:
    """Exact k-gram matches (pa, pb) between a text (by its k-gram index) and another text."""
    seeds = []
    for pb in range(len(sb) - k + 1):
        hits = index_a.get(sb[pb:pb + k])
        if hits and len(hits) <= max_postings:
            seeds.extend((pa, pb) for pa in hits)
    return seeds


def _seed_pairs(folded: dict[str, str], k: int, max_docs: int, max_postings: int, max_partners: int):
    """Yield (a_id, b_id, seeds) per candidate pair in sorted order, one k-gram index per document.

    A generator, so only one pair's seeds are held in memory at a time.
    """
    ids = sorted(folded)
    texts = [folded[i] for i in ids]
    by_first: dict[int, list[int]] = defaultdict(list)
    for a, b in _candidate_pairs(texts, k, max_docs, max_partners):
        by_first[a].append(b)
    for a in sorted(by_first):
        index_a = _kgram_index(texts[a], k)
        for b in by_first[a]:
            pair = _pair_seeds(index_a, texts[b], k, max_postings)
            if pair:
                yield ids[a], ids[b], pair


def _chain(seeds: list[tuple[int, int]], k: int, gap: int, max_shift: int) -> list[_Region]:
    """Chain seeds on one diagonal, then merge chains that follow each other closely."""
    by_diag: dict[int, list[int]] = defaultdict(list)
    for pa, pb in seeds:
        by_diag[pb - pa].append(pa)
    chains: list[_Region] = []
    for diag in sorted(by_diag):
        starts = sorted(by_diag[diag])
        a0 = prev = starts[0]
        for pa in starts[1:]:
            if pa - prev > gap:
                chains.append(_Region(a0, prev + k, a0 + diag, prev + k + diag, diag))
                a0 = pa
            prev = pa
        chains.append(_Region(a0, prev + k, a0 + diag, prev + k + diag, diag))
    chains.sort(key=lambda r: (r.a0, r.b0))
    merged: list[_Region] = []
    active: list[_Region] = []
    for c in chains:
        active = [r for r in active if c.a0 <= r.a1 + gap]
        for r in active:
            if (abs(c.diag - r.diag) <= max_shift and c.b0 <= r.b1 + gap
                    and c.b1 > r.b0 and c.a1 > r.a0):
                r.a1, r.b0, r.b1 = max(r.a1, c.a1), min(r.b0, c.b0), max(r.b1, c.b1)
                r.diag = c.diag
                break
        else:
            r = _Region(c.a0, c.a1, c.b0, c.b1, c.diag)
            merged.append(r)
            active.append(r)
    return merged


def _align(sa: str, sb: str, r: _Region):
    """Align one candidate window; return trimmed folded span and matched char count."""
    wa, wb = sa[r.a0:r.a1], sb[r.b0:r.b1]
    blocks = [m for m in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
              if m.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    a0, a1 = r.a0 + first.a, r.a0 + last.a + last.size
    b0, b1 = r.b0 + first.b, r.b0 + last.b + last.size
    matched = sum(m.size for m in blocks)
    return a0, a1, b0, b1, matched


def find_reuse(texts: dict, k: int = 8, min_chars: int = 20, threshold: float = 0.8,
               gap: int = 30, max_shift: int = 12, max_docs: int = 50,
               max_postings: int = 200, max_partners: int = 10) -> pd.DataFrame:
    """Find passages shared between documents (verbatim or with small edits).

    ``texts`` maps doc_id → text; offsets in the result point into those texts. A passage is
    kept when at least ``min_chars`` folded characters match and similarity ≥ ``threshold``.
    Each document is compared with at most ``max_partners`` documents, those it shares most
    text with. Rows are sorted by doc_a, doc_b, a_start. See the module docstring for method
    and cost.
    """
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        raise ReuseInputError(None, "find_reuse needs a dict of doc_id → str",
                              "pass e.g. {doc_id: normalized_text} built from the documents")
    if k < 2 or min_chars < k:
        raise ReuseInputError(None, f"k={k}, min_chars={min_chars} are inconsistent",
                              "use k ≥ 2 and min_chars ≥ k")
    folded, maps = {}, {}
    for doc, text in texts.items():
        folded[doc], maps[doc] = fold(text)
    rows = []
    for a_id, b_id, pair_seeds in _seed_pairs(folded, k, max_docs, max_postings, max_partners):
        sa, sb = folded[a_id], folded[b_id]
        spans = set()
        for region in _chain(pair_seeds, k, gap, max_shift):
            hit = _align(sa, sb, region)
            if hit is None:
                continue
            a0, a1, b0, b1, matched = hit
            similarity = 2 * matched / ((a1 - a0) + (b1 - b0))
            if matched < min_chars or similarity < threshold or (a0, a1, b0, b1) in spans:
                continue
            spans.add((a0, a1, b0, b1))
            ma, mb = maps[a_id], maps[b_id]
            oa0, oa1, ob0, ob1 = ma[a0], ma[a1 - 1] + 1, mb[b0], mb[b1 - 1] + 1
            rows.append({
                "doc_a": a_id, "doc_b": b_id, "a_start": oa0, "a_end": oa1,
                "b_start": ob0, "b_end": ob1,
                "a_text": texts[a_id][oa0:oa1], "b_text": texts[b_id][ob0:ob1],
                "similarity": round(similarity, 4), "n_chars": matched,
            })
    out = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    out = out.sort_values(["doc_a", "doc_b", "a_start", "b_start"], kind="stable")
    return out.reset_index(drop=True)


def reuse_summary(reuse: pd.DataFrame) -> pd.DataFrame:
    """Shared characters and passage count per document pair, largest first."""
    if reuse.empty:
        return pd.DataFrame(columns=["doc_a", "doc_b", "n_passages", "n_chars"])
    g = (reuse.groupby(["doc_a", "doc_b"], as_index=False)
         .agg(n_passages=("n_chars", "size"), n_chars=("n_chars", "sum")))
    return g.sort_values(["n_chars", "doc_a", "doc_b"], ascending=[False, True, True],
                         kind="stable").reset_index(drop=True)
