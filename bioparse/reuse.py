"""Text reuse between documents: shared passages found without comparing all pairs.

Method (BLAST-like seed and extend):

1. *Fold* each text: drop whitespace, map full-width ASCII forms (，：；（）！？ …) and curly
   quotes to their half-width forms (in numpy, on code points), keeping a map from each
   folded character back to its offset in the given text.
2. *Candidates*: hash every character k-gram (shingle) of every folded text, keep one in
   four as a fingerprint, and build one inverted index fingerprint → documents. Only
   fingerprints held by two to ``max_docs`` documents (more is boilerplate) pair documents
   up; a document pair is only ever looked at when it shares fingerprints.
   *Seed*: per document, exact k-gram matches with all its partners at once, looked up by
   hash in an index of the document and checked on the characters.
3. *Chain*: per pair, seeds on the same diagonal (b_pos − a_pos) that lie within ``gap``
   characters are chained; chains that continue each other with a small diagonal shift
   (an insertion or deletion) are merged, so a passage with a few edited characters stays
   one span.
4. *Align*: each merged window gets the matching blocks ``difflib.SequenceMatcher`` (no
   autojunk) would find in it, but without running difflib over the window: the seeds
   already give every common run of k or more characters, so the blocks difflib would take
   first are read off those runs, and only the short gaps between them are aligned
   character by character (difflib's own loop). A window whose two sides are equal is one
   block. The span is trimmed to the first and last matching block and reported with
   similarity = matched characters / mean span length; a window is given up as soon as a
   bound shows it cannot reach ``min_chars`` and ``threshold``.

Complexity: folding and shingling are O(N) in the total number of characters N; the index
holds at most N postings; seeds cost Σ over shared shingles of (postings per shingle)², which
``max_docs`` and ``max_postings`` bound; alignment costs the runs in a window plus the gaps
between them. No step grows with the number of document pairs that share nothing. Memory
is the texts, one part of the fingerprints at a time and one document's seeds at a time.
Steps 2 (seed) to 4 run per document with its partners (``anchor_passages``), so a
process pool or a Dask cluster can share them out. Their loops are compiled with numba:
seeds and chains in ``bioparse.seeds``, alignment in ``bioparse.align``; this module keeps
folding, candidates, the passages' rows and the public functions.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import numba
import numpy as np
import pandas as pd

from .align import align_windows
from .errors import BioparseError
from .seeds import anchor_seeds, chain_windows

__all__ = ["fold", "find_reuse", "iter_reuse", "anchor_passages", "TextFolder", "reuse_summary", "REUSE_COLUMNS"]

REUSE_COLUMNS = [
    "doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end",
    "a_text", "b_text", "similarity", "n_chars",
]

_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "(", "〕": ")", "【": "[", "】": "]"}
_DROP = np.uint32(0xFFFFFFFF)


def _fold_table() -> np.ndarray:
    """What folding makes of each code point of the BMP: itself, its half-width form, or _DROP.

    Whitespace is dropped (every code point with str.isspace() lies in the BMP, checked in
    tests/test_reuse.py), full-width ASCII (U+FF01–FF5E) maps to ASCII, and _QUOTES as given.
    """
    table = np.arange(0x10000, dtype=np.uint32)
    table[[c for c in range(0x10000) if chr(c).isspace()]] = _DROP
    table[0xFF01:0xFF5F] -= 0xFEE0
    for src, dst in _QUOTES.items():
        table[ord(src)] = ord(dst)
    return table


_FOLD = _fold_table()


class ReuseInputError(BioparseError):
    """The texts given to find_reuse are not a mapping of id → str, or parameters are invalid."""


def _codes(s: str) -> np.ndarray:
    """Code points of s as a uint32 array (a view on its UTF-32 encoding)."""
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32)


def _fold_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points of the folded text, and the offset in ``text`` of each (``fold`` on arrays)."""
    return _fold_kernel(_codes(text), _FOLD, _DROP)


@numba.njit(cache=True, nogil=True)
def _fold_kernel(codes, table, drop):
    """``_fold_codes`` in one pass: each code point through ``table`` (the BMP) or kept."""
    folded = np.empty(len(codes), np.uint32)
    positions = np.empty(len(codes), np.int32)
    n = 0
    for i in range(len(codes)):
        c = codes[i]
        f = table[c] if c < 0x10000 else c
        if f != drop:
            folded[n] = f
            positions[n] = i
            n += 1
    return folded[:n], positions[:n]


def _text(codes: np.ndarray) -> str:
    """The string of a uint32 array of code points."""
    return codes.astype("<u4").tobytes().decode("utf-32-le")


def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching (no whitespace, half-width punctuation) and map back.

    Returns ``(folded, positions)`` where ``positions[i]`` is the offset in ``text`` of
    ``folded[i]``.
    """
    codes, positions = _fold_codes(text)
    return _text(codes), positions.tolist()


def _kgram_hashes(s: str | np.ndarray, k: int) -> np.ndarray:
    """Deterministic 64-bit polynomial hashes of every k-gram of s (a str or its code points)."""
    codes = _codes(s) if isinstance(s, str) else s
    if len(codes) < k:
        return np.zeros(0, dtype=np.uint64)
    codes = codes.astype(np.uint64)
    n = len(codes) - k + 1
    h = codes[:n].copy()
    with np.errstate(over="ignore"):
        for i in range(1, k):
            np.multiply(h, np.uint64(1_000_003), out=h)
            np.add(h, codes[i:i + n], out=h)
        # Mix the bits so that sampling by the top bits is uniform.
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return h


def _group_pair_counts(d: np.ndarray, starts: np.ndarray, size: int, n_docs: int) -> np.ndarray:
    """Codes a·n_docs + b of every document pair (a < b) inside the fingerprint groups of one size."""
    members = d[starts[:, None] + np.arange(size)]  # one row per group, doc ids ascending
    i, j = np.triu_indices(size, 1)
    return (members[:, i].astype(np.int64) * n_docs + members[:, j]).ravel()


class _Column:
    """A numpy array grown by appending (capacity doubling), for one part's fingerprints.

    A few large buffers instead of one small array per document: freed, they go back to the
    operating system, where ten thousand small ones would stay in the process's heap.
    """

    def __init__(self, dtype, capacity: int = 1 << 12):
        self.data, self.n = np.empty(capacity, dtype), 0

    def extend(self, values: np.ndarray) -> None:
        if self.n + len(values) > len(self.data):
            grown = np.empty(max(2 * len(self.data), self.n + len(values)), self.data.dtype)
            grown[:self.n] = self.data[:self.n]
            self.data = grown
        self.data[self.n:self.n + len(values)] = values
        self.n += len(values)

    def values(self) -> np.ndarray:
        return self.data[:self.n]


def _fingerprints(folded, k: int, parts: int) -> tuple[list[tuple[np.ndarray, np.ndarray, np.ndarray]], int]:
    """Per part of the hash space: the sampled k-gram hashes of the documents, and their index.

    ``folded`` is any iterable of folded texts (str or code points), read once; also returns
    how many there were. Each part is (hashes, document of each run, run lengths): the
    documents' hashes one run after the other, in document order.
    One k-gram in four is kept (chosen by its hash, so the same k-gram is kept in every
    document). The parts (by the next hash bits) are counted one after the other, so that
    only one part is ever sorted at a time.
    """
    out: list[tuple[_Column, list, list]] = [(_Column(np.uint64), [], []) for _ in range(parts)]
    edges = np.arange(parts + 1, dtype=np.uint64)
    shift = np.uint64(62 - (parts - 1).bit_length())
    n_docs = 0
    for d, s in enumerate(folded):
        n_docs += 1
        h = _kgram_hashes(s, k)
        h = np.unique(h[(h >> np.uint64(62)) == 0])  # the top two bits pick one in four
        cut = np.searchsorted(h >> shift, edges).tolist()
        for part, (lo, hi) in enumerate(zip(cut[:-1], cut[1:])):
            if hi > lo:
                hashes, docs, sizes = out[part]
                hashes.extend(h[lo:hi])
                docs.append(d)
                sizes.append(hi - lo)
    return [(hashes.values(), np.array(docs, np.int32), np.array(sizes, np.int64))
            for hashes, docs, sizes in out], n_docs


def _shared_counts(h: np.ndarray, docs: np.ndarray, sizes: np.ndarray, n_docs: int,
                   max_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (codes a·n_docs + b) sharing fingerprints of one part, and how many they share."""
    order = np.argsort(h, kind="stable")  # documents stay ascending within one fingerprint
    d = np.repeat(docs, sizes)[order]
    h = h[order]
    del order
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    del h
    group = np.diff(np.r_[starts, len(d)])
    codes, counts = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for size in range(2, max_docs + 1):
        sel = starts[group == size]
        step = max(1, (1 << 22) // (size * size))  # bounds the pair codes held at once
        for i in range(0, len(sel), step):
            c, n = np.unique(_group_pair_counts(d, sel[i:i + step], size, n_docs), return_counts=True)
            codes.append(c)
            counts.append(n)
    return np.concatenate(codes), np.concatenate(counts)


def _candidate_pairs(folded, k: int, max_docs: int, max_partners: int = 20,
                     min_shared: int = 2, parts: int = 8) -> list[tuple[int, int]]:
    """Document pairs that share sampled k-gram fingerprints (an inverted index, not all pairs).

    A passage of ~30 characters holds about 23 k-grams, so with one in four kept as a
    fingerprint a shared passage is missed with probability (3/4)^23 ≈ 0.1%. Fingerprints
    held by more than ``max_docs`` documents are boilerplate and give no pairs. Each document
    keeps at most ``max_partners`` partners (those it shares most fingerprints with, ties to
    the lower index), so the work grows linearly with the corpus even where every document
    shares something with every other. Pairs are counted with numpy, a part of the hash space
    and one group size at a time, so no Python object is made per shared fingerprint and
    only one part is sorted at a time. ``folded``: the folded texts (str or code points),
    any iterable, so they need not all be held at once.
    """
    c, n = np.zeros(0, np.int64), np.zeros(0, np.int64)
    fingerprints, n_docs = _fingerprints(folded, k, parts)
    for hashes, docs, sizes in fingerprints:
        if len(hashes):
            c2, n2 = _shared_counts(hashes, docs, sizes, n_docs, max_docs)
            c, inv = np.unique(np.r_[c, c2], return_inverse=True)
            n = np.bincount(inv, weights=np.r_[n, n2], minlength=len(c)).astype(np.int64)
    c, n = c[n >= min_shared], n[n >= min_shared]
    a, b = c // n_docs, c % n_docs
    # Both directions; per document, partners by shared count (desc), then partner index.
    own, other, cnt = np.r_[a, b], np.r_[b, a], np.r_[n, n]
    order = np.lexsort((other, -cnt, own))
    own, other = own[order], other[order]
    first = np.flatnonzero(np.r_[True, own[1:] != own[:-1]])
    rank = np.arange(len(own)) - np.repeat(first, np.diff(np.r_[first, len(own)]))
    keep = rank < max_partners
    lo = np.minimum(own[keep], other[keep])
    hi = np.maximum(own[keep], other[keep])
    kept = np.unique(lo * n_docs + hi)
    return [(int(x // n_docs), int(x % n_docs)) for x in kept]


def _partners(texts: Mapping[str, str], k: int, max_docs: int, max_partners: int) -> list[tuple[str, list[str]]]:
    """Each document (in sorted order) with its candidate partners after it in that order.

    Reads each text once, in turn: only the fingerprints of the corpus are held at once.
    """
    ids = sorted(texts)
    by_first: dict[int, list[int]] = defaultdict(list)
    for a, b in _candidate_pairs((_fold_codes(_text_of(texts, i))[0] for i in ids), k, max_docs, max_partners):
        by_first[a].append(b)
    return [(ids[a], [ids[b] for b in by_first[a]]) for a in sorted(by_first)]


def _text_of(texts: Mapping[str, str], doc_id: str) -> str:
    """texts[doc_id], checked to be a str."""
    text = texts[doc_id]
    if not isinstance(text, str):
        raise ReuseInputError(None, f"the text of {doc_id!r} is a {type(text).__name__}, not a str",
                              "pass e.g. {doc_id: normalized_text} built from the documents")
    return text


class TextFolder(Mapping):
    """doc_id → text of each ``*.txt`` in a folder (UTF-8), read when asked for.

    Lets find_reuse run over a corpus too large to hold in memory: each text is read when
    it is fingerprinted and again when a task needs it (from the OS's file cache).
    """

    def __init__(self, folder: str | Path):
        self.paths = {p.stem: p for p in sorted(Path(folder).glob("*.txt"))}

    def __getitem__(self, doc_id: str) -> str:
        return self.paths[doc_id].read_text(encoding="utf-8")

    def __iter__(self):
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def anchor_passages(task: tuple) -> list[list[tuple]]:
    """The passages of one document with each of its partners: one list of rows per partner.

    ``task`` is ``(a_id, a_text, [(b_id, b_text), …], params)`` with ``params`` the keyword
    arguments of find_reuse (k, min_chars, threshold, gap, max_shift, max_postings). Plain
    data in, plain rows out, so a process pool or a Dask cluster can run it.
    """
    a_id, text_a, partners, params = task
    k, min_chars, threshold = params["k"], params["min_chars"], params["threshold"]
    ca, map_a = _fold_codes(text_a)
    folded_b = [_fold_codes(text_b) for _, text_b in partners]
    cbs = [cb for cb, _ in folded_b]
    seeds, crowded = anchor_seeds(ca, cbs, k, params["max_postings"])
    windows = chain_windows(seeds, k, params["gap"], params["max_shift"], min_chars)
    hits = align_windows(windows, seeds, ca, cbs, crowded, k, min_chars, threshold)
    rows = _best_passages(windows[:, 0], hits, min_chars, threshold)
    out = []
    for p, a0, a1, b0, b1, matched, similarity in rows:
        b_id, text_b = partners[p]
        map_b = folded_b[p][1]
        oa0, oa1 = int(map_a[a0]), int(map_a[a1 - 1]) + 1  # folded → given offsets
        ob0, ob1 = int(map_b[b0]), int(map_b[b1 - 1]) + 1
        row = (a_id, b_id, oa0, oa1, ob0, ob1, text_a[oa0:oa1], text_b[ob0:ob1],
               round(similarity, 4), matched)
        if out and out[-1][0][1] == b_id:
            out[-1].append(row)
        else:
            out.append([row])
    return out


def _best_passages(pair: np.ndarray, hits: np.ndarray, min_chars: int, threshold: float) -> list[tuple]:
    """Passages ``(pair, a0, a1, b0, b1, matched, similarity)`` from the windows' hits.

    ``hits`` rows are ``[a0, a1, b0, b1, matched]`` per window (−1 where none). Keeps those
    with ``min_chars`` matched and ``threshold`` similarity; two windows can align to passages
    that start at the same place: keeps the one that matches most (then the longer, then the
    first), one row per start. Sorted by pair, a0, b0 (the order of the given offsets too).
    """
    a0, a1, b0, b1, matched = hits.T
    found = a0 >= 0
    similarity = np.zeros(len(hits))
    similarity[found] = 2 * matched[found] / ((a1 - a0) + (b1 - b0))[found]
    keep = np.flatnonzero(found & (matched >= min_chars) & (similarity >= threshold))
    order = keep[np.lexsort((keep, a0[keep] - a1[keep], -matched[keep], b0[keep], a0[keep], pair[keep]))]
    same = (np.diff(pair[order]) == 0) & (np.diff(a0[order]) == 0) & (np.diff(b0[order]) == 0)
    best = order[np.r_[True, ~same]] if len(order) else order
    return list(zip(pair[best].tolist(), a0[best].tolist(), a1[best].tolist(), b0[best].tolist(),
                    b1[best].tolist(), matched[best].tolist(), similarity[best].tolist()))


def _load_kernels(params: dict) -> None:
    """Load the compiled kernels in this process, before a pool forks workers from it.

    The workers then share them (copy-on-write) instead of each loading its own copy from
    numba's cache, about 70 MB and 0.4 s apiece.
    """
    text = "".join(chr(0x4E00 + i) for i in range(2 * params["min_chars"]))
    anchor_passages(("a", text, [("b", text)], params))


def iter_reuse(texts: dict, k: int = 8, min_chars: int = 20, threshold: float = 0.8,
               gap: int = 30, max_shift: int = 12, max_docs: int = 50,
               max_postings: int = 200, max_partners: int = 10, mapper=None):
    """Yield the passages of one document pair at a time, as rows ordered like REUSE_COLUMNS.

    ``texts``: a mapping doc_id → str (a dict, or a TextFolder to read them from disk).
    Pairs come sorted by (doc_a, doc_b), rows within a pair by (a_start, b_start), so a
    caller can stream a corpus' passages to disk without holding them all (at 10,000
    documents of a corpus that copies much, there are millions). Parameters as find_reuse;
    ``mapper(fn, tasks)`` (as bioparse.build.local_mapper gives) runs ``anchor_passages``
    over the documents, in parallel if it is a pool, yielding in task order.
    """
    if not isinstance(texts, Mapping):
        raise ReuseInputError(None, "find_reuse needs a dict of doc_id → str",
                              "pass e.g. {doc_id: normalized_text} built from the documents")
    if k < 2 or min_chars < k:
        raise ReuseInputError(None, f"k={k}, min_chars={min_chars} are inconsistent",
                              "use k ≥ 2 and min_chars ≥ k")
    params = {"k": k, "min_chars": min_chars, "threshold": threshold, "gap": gap,
              "max_shift": max_shift, "max_postings": max_postings}
    _load_kernels(params)
    # A generator: a task's texts are looked up (or read, from a TextFolder) only when the
    # mapper takes it, so the corpus is never held at once.
    tasks = ((a_id, _text_of(texts, a_id), [(b, _text_of(texts, b)) for b in b_ids], params)
             for a_id, b_ids in _partners(texts, k, max_docs, max_partners))
    for found_per_partner in (mapper or map)(anchor_passages, tasks):
        yield from found_per_partner


def find_reuse(texts: dict, k: int = 8, min_chars: int = 20, threshold: float = 0.8,
               gap: int = 30, max_shift: int = 12, max_docs: int = 50,
               max_postings: int = 200, max_partners: int = 10, mapper=None) -> pd.DataFrame:
    """Find passages shared between documents (verbatim or with small edits).

    ``texts`` maps doc_id → text (a dict, or a TextFolder that reads them from disk); offsets
    in the result point into those texts. A passage is kept when at least ``min_chars``
    folded characters match and similarity ≥ ``threshold``. Each document is compared with at most ``max_partners`` documents, those it shares most
    text with. Rows are sorted by doc_a, doc_b, a_start and unique on (doc_a, doc_b, a_start,
    b_start). See the module docstring for method and cost; ``iter_reuse`` streams the rows.
    """
    columns: list[list] = [[] for _ in REUSE_COLUMNS]
    for found in iter_reuse(texts, k, min_chars, threshold, gap, max_shift, max_docs,
                            max_postings, max_partners, mapper):
        for column, values in zip(columns, zip(*found)):
            column.extend(values)
    return pd.DataFrame(dict(zip(REUSE_COLUMNS, columns)), columns=REUSE_COLUMNS)


def reuse_summary(reuse: pd.DataFrame) -> pd.DataFrame:
    """Shared characters and passage count per document pair, largest first."""
    if reuse.empty:
        return pd.DataFrame(columns=["doc_a", "doc_b", "n_passages", "n_chars"])
    g = (reuse.groupby(["doc_a", "doc_b"], as_index=False)
         .agg(n_passages=("n_chars", "size"), n_chars=("n_chars", "sum")))
    return g.sort_values(["n_chars", "doc_a", "doc_b"], ascending=[False, True, True],
                         kind="stable").reset_index(drop=True)
