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
process pool or a Dask cluster can share them out.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import BioparseError

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
    """Code points of the folded text, and the offset in ``text`` of each (``fold`` in numpy)."""
    codes = _codes(text)
    folded = _FOLD[np.minimum(codes, 0xFFFF)]
    beyond = np.flatnonzero(codes > 0xFFFF)  # outside the BMP: kept as they are
    folded[beyond] = codes[beyond]
    positions = np.flatnonzero(folded != _DROP)
    return folded[positions], positions.astype(np.int32)


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


def _fingerprints(folded, k: int, parts: int) -> tuple[list[tuple[list, list, list]], int]:
    """Per part of the hash space: the sampled k-gram hashes of each document, and its index.

    ``folded`` is any iterable of folded texts (str or code points), read once; also returns
    how many there were.
    One k-gram in four is kept (chosen by its hash, so the same k-gram is kept in every
    document). The parts (by the next hash bits) are counted one after the other, so that
    only one part is ever sorted at a time.
    """
    out: list[tuple[list, list, list]] = [([], [], []) for _ in range(parts)]
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
                out[part][0].append(h[lo:hi])
                out[part][1].append(d)
                out[part][2].append(hi - lo)
    return out, n_docs


def _shared_counts(hashes: list, docs: list, sizes: list, n_docs: int,
                   max_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (codes a·n_docs + b) sharing fingerprints of one part, and how many they share."""
    h = np.concatenate(hashes)
    order = np.argsort(h, kind="stable")  # documents stay ascending within one fingerprint
    d = np.repeat(np.array(docs, dtype=np.int32), sizes)[order]
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
        if hashes:
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


def _kgram_index(s: str | np.ndarray, k: int) -> dict:
    """A lookup table of the k-grams of s (a str or its code points), by hash.

    ``keys`` are the distinct hashes (sorted), ``first``/``count`` their slices of ``pos``
    (positions, ascending within one hash). ``bucket`` holds where each value of the top
    ``bits`` bits starts in ``keys``: with about two buckets per key, a lookup scans a
    bucket of a few keys instead of binary-searching all of them.
    """
    h = _kgram_hashes(s, k)
    order = np.argsort(h, kind="stable")
    h = h[order]
    first = np.flatnonzero(np.r_[True, h[1:] != h[:-1]]) if len(h) else np.zeros(0, np.int64)
    keys = h[first]
    bits = max(1, len(keys).bit_length() + 1)
    shift = np.uint64(64 - bits)
    bucket = np.searchsorted(keys >> shift, np.arange((1 << bits) + 1, dtype=np.uint64))
    return {"keys": np.r_[keys, np.zeros(1, np.uint64)], "first": first,
            "count": np.diff(np.r_[first, len(h)]), "pos": order.astype(np.int32),
            "bucket": bucket, "shift": shift}


def _lookup(index: dict, hb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each hash in hb: the slot of the same hash in ``index["keys"]`` and whether it is there."""
    keys = index["keys"]
    b = (hb >> index["shift"]).astype(np.int64)
    slot, end = index["bucket"][b], index["bucket"][b + 1]
    # Lower bound inside the bucket: one step for all, then only for those still moving.
    move = np.flatnonzero((slot < end) & (keys[slot] < hb))
    while len(move):
        slot[move] += 1
        s = slot[move]
        move = move[(s < end[move]) & (keys[s] < hb[move])]
    return slot, (slot < end) & (keys[slot] == hb)


def _partner_seeds(index_a: dict, ca: np.ndarray, cbs: list[np.ndarray], k: int,
                   max_postings: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact k-gram matches between a text (by its k-gram index) and each of its partners.

    All partners at once (``cbs``: their code points), so numpy works on a few long arrays.
    Returns ``(pair, pa, diag)``: the partner's index in ``cbs``, the position in a and the
    diagonal (position in b − pa), sorted by pair, diagonal, then position. Looked up by
    hash; k-grams found more than ``max_postings`` times in a are skipped. The hits are then
    checked on the characters, so a 64-bit hash collision can never make a seed (it could
    only, astronomically rarely, lift a k-gram's count over ``max_postings``).
    """
    empty = np.zeros(0, np.int64)
    if not len(index_a["count"]):
        return empty, empty, empty
    lens = np.array([max(len(c) - k + 1, 0) for c in cbs], dtype=np.int64)
    hb = np.concatenate([_kgram_hashes(c, k) for c in cbs])
    slot, found = _lookup(index_a, hb)
    count = index_a["count"]
    n = np.where(found, count[np.minimum(slot, len(count) - 1)], 0)
    q = np.flatnonzero((n > 0) & (n <= max_postings))
    lo, n = index_a["first"][slot[q]], n[q]
    start = np.cumsum(n) - n
    pa = index_a["pos"][np.repeat(lo - start, n) + np.arange(int(n.sum()))].astype(np.int64)
    q = np.repeat(q, n)  # the k-gram of the partners (all of them in a row) each seed is from
    pair = np.repeat(np.arange(len(cbs)), lens)[q]
    first = np.cumsum(lens) - lens
    pb = q - first[pair]
    cb, off = _joined(cbs)
    ok = _same_kgrams(ca, pa, cb, off[pair] + pb, k)
    pair, pa, diag = pair[ok], pa[ok], pb[ok] - pa[ok]
    # pb ascends within a pair, so a stable sort by (pair, diagonal) keeps pa ascending.
    width = len(ca) + int(lens.max()) + k
    order = np.argsort(pair * width + diag + len(ca), kind="stable")
    return pair[order], pa[order], diag[order]


def _same_kgrams(ca: np.ndarray, pa: np.ndarray, cb: np.ndarray, pb: np.ndarray, k: int) -> np.ndarray:
    """Whether the k characters at each pa in ca equal those at pb in cb.

    Compared three at a time: three code points (21 bits each) fit one uint64 exactly.
    """
    if k < 3:
        return np.logical_and.reduce([ca[pa + i] == cb[pb + i] for i in range(k)])
    ta, tb = _trigrams(ca), _trigrams(cb)
    ok = np.ones(len(pa), dtype=bool)
    for i in sorted({*range(0, k - 2, 3), k - 3}):  # trigrams at 0, 3, …, k − 3 cover the k-gram
        ok &= ta[pa + i] == tb[pb + i]
    return ok


def _trigrams(codes: np.ndarray) -> np.ndarray:
    """Each position's code point and the next two, packed into one uint64 (21 bits each)."""
    c = codes.astype(np.uint64)
    return c[:-2] | (c[1:-1] << np.uint64(21)) | (c[2:] << np.uint64(42))


def _joined(cbs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Code points of several texts in one array, and where each starts."""
    sizes = np.array([len(c) for c in cbs], dtype=np.int64)
    return np.concatenate(cbs), np.cumsum(sizes) - sizes


def _crowded(index: dict, max_postings: int) -> np.ndarray | None:
    """Prefix counts of the positions whose k-gram ``_partner_seeds`` skips, or None if none is.

    A k-gram found more than ``max_postings`` times in a gives no seed, so a common substring
    made only of such k-grams lies in no run; windows over one are aligned by difflib itself.
    """
    many = index["count"] > max_postings
    if not many.any():
        return None
    flag = np.zeros(len(index["pos"]), dtype=bool)
    flag[index["pos"][np.repeat(many, index["count"])]] = True
    return np.r_[0, np.cumsum(flag)]


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


def _anchor_seeds(ca: np.ndarray, cbs: list[np.ndarray], k: int, max_postings: int):
    """Seeds of a text (code points ``ca``) with all its partners, and ``_crowded`` of it."""
    index = _kgram_index(ca, k)
    return _partner_seeds(index, ca, cbs, k, max_postings), _crowded(index, max_postings)


def _merge(chains: list[list[int]], gap: int, max_shift: int) -> list[list[int]]:
    """Merge chains (sorted by a0, b0) into regions: each joins the first open region it continues."""
    merged: list[list[int]] = []
    active: list[list[int]] = []
    expiry = -1  # no active region ends (a1 + gap) before this; a1 only grows, so it is safe
    for c in chains:
        c_a0, c_a1, c_b0, c_b1, c_diag = c[:5]
        if c_a0 > expiry:
            active = [r for r in active if c_a0 <= r[1] + gap]
            expiry = min([r[1] for r in active], default=c_a1) + gap
        for r in active:
            if (abs(c_diag - r[4]) <= max_shift and c_b0 <= r[3] + gap
                    and c_b1 > r[2] and c_a1 > r[0]):
                r[1], r[2], r[3] = max(r[1], c_a1), min(r[2], c_b0), max(r[3], c_b1)
                r[4] = c_diag
                break
        else:
            merged.append(c)
            active.append(c)
            expiry = min(expiry, c_a1 + gap)
    return merged


def _chain(seeds: tuple[np.ndarray, np.ndarray, np.ndarray], k: int, gap: int, max_shift: int,
           min_len: int = 0) -> dict[int, list[list[int]]]:
    """Chain seeds on one diagonal, then merge chains that follow each other closely.

    ``seeds`` are ``(pair, pa, diag)`` sorted by pair, diagonal, then position. Returns per
    pair the regions ``[a0, a1, b0, b1, diag]`` (folded coordinates, ends exclusive) in the
    order of their first chain by (a0, b0), without those with a side shorter than
    ``min_len``. A chain only merges with chains whose diagonals link to its own in steps
    of at most ``max_shift``, and only within reach (``gap``) of the chains before it; the
    chains are split into such independent groups first, so that the many lone chains
    (a repeated phrase matched elsewhere) skip the merge loop.
    """
    pair, pa, diag = seeds
    if not len(pa):
        return {}
    # A chain ends where the diagonal changes or the next seed is more than ``gap`` away.
    brk = np.flatnonzero((pair[1:] != pair[:-1]) | (diag[1:] != diag[:-1]) | (pa[1:] - pa[:-1] > gap))
    first, last = np.r_[0, brk + 1], np.r_[brk, len(pa) - 1]
    p, a0, a1, d = pair[first], pa[first], pa[last] + k, diag[first]
    # Diagonal components: the (sorted) diagonals of a pair split where they step by more
    # than max_shift; within one, chains in merge order (a0, b0).
    comp = np.cumsum(np.r_[0, (p[1:] != p[:-1]) | (d[1:] - d[:-1] > max_shift)])
    order = np.lexsort((a0 + d, a0, comp))
    p, a0, a1, d, comp = p[order], a0[order], a1[order], d[order], comp[order]
    # A chain starting more than gap beyond every earlier chain of its component starts a
    # new group (the offset per component keeps the running maximum inside the component).
    offset = comp * (int(a1.max()) + gap + 1)
    reach = np.maximum.accumulate(offset + a1)
    starts = np.flatnonzero(np.r_[True, a0[1:] + offset[1:] - reach[:-1] > gap])
    size = np.diff(np.r_[starts, len(a0)])
    # Columns: the region, then b0 of its first chain and the pair (for the order).
    table = np.stack([a0, a1, a0 + d, a1 + d, d, a0 + d, p], axis=1)
    # Groups of one chain are regions as they are; of two, the second joins the first (or not)
    # exactly as _merge would decide; larger groups go through _merge.
    one, two = starts[size == 1], starts[size == 2]
    first, second = table[two], table[two + 1]
    join = ((np.abs(second[:, 4] - first[:, 4]) <= max_shift) & (second[:, 2] <= first[:, 3] + gap)
            & (second[:, 3] > first[:, 2]) & (second[:, 1] > first[:, 0]))
    joined = first[join]
    joined[:, 1] = np.maximum(joined[:, 1], second[join, 1])
    joined[:, 2] = np.minimum(joined[:, 2], second[join, 2])
    joined[:, 3] = np.maximum(joined[:, 3], second[join, 3])
    joined[:, 4] = second[join, 4]
    cand = np.concatenate([table[one], joined, first[~join], second[~join]])
    regions = cand[np.minimum(cand[:, 1] - cand[:, 0], cand[:, 3] - cand[:, 2]) >= min_len].tolist()
    multi = size > 2
    if multi.any():
        rows = table[np.repeat(multi, size)].tolist()  # the chains of groups of three or more
        s = 0
        for n in size[multi].tolist():
            regions.extend(r for r in _merge(rows[s:s + n], gap, max_shift)
                           if min(r[1] - r[0], r[3] - r[2]) >= min_len)
            s += n
    regions.sort(key=lambda r: (r[6], r[0], r[5]))
    out: dict[int, list[list[int]]] = defaultdict(list)
    for r in regions:
        out[r[6]].append(r[:5])
    return out


def _runs(seeds: tuple[np.ndarray, np.ndarray, np.ndarray], ca: np.ndarray, cbs: list[np.ndarray],
          k: int) -> tuple[np.ndarray, np.ndarray]:
    """Maximal exact common runs of a text and its partners: seeds joined along each diagonal.

    Returns ``(pair, runs)`` with rows ``[i, j, n]`` (position in a, in the partner, length),
    sorted by pair and diagonal. Seeds on one diagonal that overlap or touch form one run;
    each run is then extended while the characters on either side still match (k-grams
    skipped for ``max_postings`` can leave a run short), and runs that come to overlap are
    joined. So every common substring of at least k characters lies in one run, unless all
    its k-grams were skipped.
    """
    pair, pa, diag = seeds
    brk = np.flatnonzero((pair[1:] != pair[:-1]) | (diag[1:] != diag[:-1]) | (pa[1:] - pa[:-1] > k))
    first, last = np.r_[0, brk + 1], np.r_[brk, len(pa) - 1]
    p, i, end = pair[first], pa[first], pa[last] + k
    j = i + diag[first]
    cb, off = _joined(cbs)
    off, size_b = off[p], np.array([len(c) for c in cbs], dtype=np.int64)[p]
    m = np.ones(len(i), dtype=bool)
    while m.any():  # extend left
        m &= (i > 0) & (j > 0)
        m[m] = ca[i[m] - 1] == cb[(off + j - 1)[m]]
        i[m] -= 1
        j[m] -= 1
    m = np.ones(len(i), dtype=bool)
    while m.any():  # extend right
        m &= (end < len(ca)) & (end - i + j < size_b)
        m[m] = ca[end[m]] == cb[(off + end - i + j)[m]]
        end[m] += 1
    brk = np.flatnonzero((p[1:] != p[:-1]) | (j[1:] - i[1:] != j[:-1] - i[:-1]) | (i[1:] > end[:-1]))
    first, last = np.r_[0, brk + 1], np.r_[brk, len(i) - 1]
    return p[first], np.stack([i[first], j[first], end[last] - i[first]], axis=1)


def _window_runs(windows: np.ndarray, runs: tuple[np.ndarray, np.ndarray],
                 size_a: int) -> list[list[tuple[int, int, int]]]:
    """For each window ``[pair, a0, a1, b0, b1]``, the runs that reach into it, clipped to it.

    ``runs`` as ``_runs`` returns them, sorted by pair and diagonal: only runs on diagonals
    crossing a window (b0 − a1 < j − i < b1 − a0) can reach into it, a slice of them each.
    """
    run_pair, run = runs
    p, a0, a1, b0, b1 = windows.T
    width = size_a + int(run[:, 1].max(initial=0)) + int(b1.max()) + 1
    key = run_pair * width + (run[:, 1] - run[:, 0]) + size_a  # pair, then diagonal
    lo = np.searchsorted(key, p * width + (b0 - a1) + size_a, "right")
    hi = np.searchsorted(key, p * width + (b1 - a0) + size_a, "left")
    n = np.maximum(hi - lo, 0)
    wi = np.repeat(np.arange(len(windows)), n)
    ri = np.repeat(lo - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
    i, j, size = run[ri, 0], run[ri, 1], run[ri, 2]
    s = np.maximum(np.maximum(a0[wi] - i, b0[wi] - j), 0)
    e = np.minimum(np.minimum(a1[wi] - i, b1[wi] - j), size)
    keep = e > s
    wi, i, j, s, e = wi[keep], i[keep], j[keep], s[keep], e[keep]
    out: list[list[tuple[int, int, int]]] = [[] for _ in range(len(windows))]
    for w, run_clipped in zip(wi.tolist(), zip((i + s).tolist(), (j + s).tolist(), (e - s).tolist())):
        out[w].append(run_clipped)
    return out


def _gap_blocks(sa: str, sb: str, alo: int, ahi: int, blo: int, bhi: int, out: list) -> None:
    """difflib's matching blocks of sa[alo:ahi] and sb[blo:bhi] (a gap between long runs).

    The loop of ``SequenceMatcher.find_longest_match`` and ``get_matching_blocks`` without
    junk (as with autojunk=False), kept lean because gaps are many and short.
    """
    if ahi - alo == 1:  # one character: its first occurrence in the other side
        j = sb.find(sa[alo], blo, bhi)
        if j >= 0:
            out.append((alo, j, 1))
        return
    if bhi - blo == 1:
        i = sa.find(sb[blo], alo, ahi)
        if i >= 0:
            out.append((i, blo, 1))
        return
    if sa[alo:ahi] == sb[blo:bhi]:
        out.append((alo, blo, ahi - alo))
        return
    b2j: dict[str, list[int]] = {}
    for j in range(blo, bhi):
        b2j.setdefault(sb[j], []).append(j)
    queue = [(alo, ahi, blo, bhi)]
    while queue:
        lo, hi, jlo, jhi = queue.pop()
        best, bi, bj = 0, lo, jlo
        j2len: dict[int, int] = {}
        for i in range(lo, hi):
            new: dict[int, int] = {}
            for j in b2j.get(sa[i], ()):
                if j < jlo:
                    continue
                if j >= jhi:
                    break
                n = new[j] = j2len.get(j - 1, 0) + 1
                if n > best:
                    best, bi, bj = n, i - n + 1, j - n + 1
            j2len = new
        if best:
            out.append((bi, bj, best))
            if lo < bi and jlo < bj:
                queue.append((lo, bi, jlo, bj))
            if bi + best < hi and bj + best < jhi:
                queue.append((bi + best, hi, bj + best, jhi))


def _run_blocks(runs: list[tuple[int, int, int]], alo: int, ahi: int, blo: int, bhi: int,
                k: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int, int]]]:
    """The matching blocks difflib finds in a window that are k or more long, and the gaps left.

    difflib takes the longest common substring (the first in a, then in b), then recurses left
    and right of it. Substrings of k or more characters all lie in ``runs`` (clipped to the
    window), so the longest one is read off the runs clipped to the rectangle; where it is
    shorter than k the rectangle is a gap ``(alo, ahi, blo, bhi)`` between blocks, where
    difflib would go on character by character (``_gap_blocks``). When the long runs follow
    each other in both texts (the usual case), each is a block whatever the order, and the
    gaps are the rectangles between them.
    """
    long = [r for r in runs if r[2] >= k]
    long.sort()
    gaps = []
    i, j = alo, blo  # end of the previous block
    for bi, bj, n in long:
        if bi < i or bj < j:
            break  # overlaps the previous one: take them the long way below
        if i < bi and j < bj:
            gaps.append((i, bi, j, bj))
        i, j = bi + n, bj + n
    else:
        if i < ahi and j < bhi:
            gaps.append((i, ahi, j, bhi))
        return long, gaps
    blocks, gaps = [], []
    stack = [(alo, ahi, blo, bhi, runs)]
    while stack:
        alo, ahi, blo, bhi, runs = stack.pop()
        best, bi, bj = 0, 0, 0
        inside = []
        for i, j, n in runs:
            s, t = alo - i, blo - j  # clip the run to the rectangle: skip s, end before e
            if t > s:
                s = t
            if s < 0:
                s = 0
            e, t = ahi - i, bhi - j
            if t < e:
                e = t
            if n < e:
                e = n
            if e > s:
                inside.append((i, j, n))
                if e - s > best or (e - s == best and (i + s, j + s) < (bi, bj)):
                    best, bi, bj = e - s, i + s, j + s
        if best < k:
            gaps.append((alo, ahi, blo, bhi))
            continue
        blocks.append((bi, bj, best))
        if alo < bi and blo < bj:
            stack.append((alo, bi, blo, bj, inside))
        if bi + best < ahi and bj + best < bhi:
            stack.append((bi + best, ahi, bj + best, bhi, inside))
    return blocks, gaps


def _align(r: list[int], runs: list[tuple[int, int, int]] | None, sa: str, sb: str, k: int,
           min_chars: int, threshold: float):
    """Align one candidate window; return trimmed folded span and matched char count.

    The same blocks as ``difflib.SequenceMatcher(None, wa, wb, autojunk=False)`` on the window,
    found from the pair's exact runs (``_run_blocks``), then the gaps between them (largest
    first). Returns None as soon as the window cannot reach ``min_chars`` matched characters
    and ``threshold`` similarity even if every gap still to align matched as much as it can:
    most windows that fail have a long unmatched gap, which then is never aligned. ``runs``
    is None when the caller found the two sides equal: one block, nothing to align.
    """
    a0, a1, b0, b1 = r[0], r[1], r[2], r[3]
    if runs is None:
        return (a0, a1, b0, b1, a1 - a0) if a1 > a0 else None
    blocks, gaps = _run_blocks(runs, a0, a1, b0, b1, k)
    if not blocks:  # no common run of k characters: align the window as one gap
        _gap_blocks(sa, sb, a0, a1, b0, b1, blocks)
        gaps = []
    first, last = min(blocks, default=None), max(blocks, default=None)
    matched = 0
    for m in blocks:
        matched += m[2]
    # Bound: a gap matches at most its shorter side (then: at most the characters of one side
    # found anywhere in the other). A gap before the first block or after the last also widens
    # the trimmed span by at least what it matches, on both sides ("edge").
    pending = []
    extra = edge = 0
    for g in gaps:
        u = min(g[1] - g[0], g[3] - g[2])
        on_edge = (g[0] == a0 and g[2] == b0) or (g[1] == a1 and g[3] == b1)
        pending.append((u, on_edge, g))
        extra += u
        if on_edge:
            edge += u
    if len(pending) > 1:
        pending.sort(reverse=True)
    for u, on_edge, g in pending:
        if u > 2:
            span = (last[0] + last[2] - first[0]) + (last[1] + last[2] - first[1])
            if matched + extra < min_chars or 2 * (matched + extra) / (span + 2 * edge) < threshold:
                return None
            present = set(sb[g[2]:g[3]])
            cut = u - min(u, sum(c in present for c in sa[g[0]:g[1]]))
            if cut:
                extra, u = extra - cut, u - cut
                edge -= cut if on_edge else 0
                if matched + extra < min_chars or 2 * (matched + extra) / (span + 2 * edge) < threshold:
                    return None
        extra -= u
        if on_edge:
            edge -= u
        if not u:
            continue
        n = len(blocks)
        _gap_blocks(sa, sb, *g, blocks)
        for m in blocks[n:]:
            matched += m[2]
            if m < first:
                first = m
            if m > last:
                last = m
    if not blocks:
        return None
    return first[0], last[0] + last[2], first[1], last[1] + last[2], matched


def _difflib_align(sa: str, sb: str, r: list[int]):
    """``_align`` by ``difflib.SequenceMatcher`` on the whole window (for the rare crowded one)."""
    a0, b0 = r[0], r[2]
    blocks = [m for m in difflib.SequenceMatcher(None, sa[a0:r[1]], sb[b0:r[3]],
                                                 autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    return (a0 + first.a, a0 + last.a + last.size, b0 + first.b, b0 + last.b + last.size,
            sum(m.size for m in blocks))


def _doc_hits(sa: str, sbs: list[str], seeds, ca: np.ndarray, cbs: list[np.ndarray],
              crowded: np.ndarray | None, k: int, gap: int, max_shift: int, min_chars: int,
              threshold: float):
    """Yield ``(pair, hit)`` for each window of a text with its partners, pair by pair.

    ``hit`` is what ``_align`` returns. Windows with a side shorter than ``min_chars`` are
    left out; only windows whose two sides differ need the runs and an alignment.
    """
    by_pair = sorted(_chain(seeds, k, gap, max_shift, min_chars).items())
    unequal = [(p, *r[:4]) for p, regions in by_pair for r in regions
               if sa[r[0]:r[1]] != sbs[p][r[2]:r[3]]]
    slow = set()  # windows over k-grams without seeds: difflib itself
    if crowded is not None:
        slow = {w for w in unequal if crowded[w[2] - k + 1] > crowded[w[1]]}
        unequal = [w for w in unequal if w not in slow]
    window_runs = {}
    if unequal:
        found = _window_runs(np.array(unequal, dtype=np.int64), _runs(seeds, ca, cbs, k), len(ca))
        window_runs = dict(zip(unequal, found))
    for p, regions in by_pair:
        for r in regions:
            key = (p, *r[:4])
            if key in slow:
                yield p, _difflib_align(sa, sbs[p], r)
            else:
                yield p, _align(r, window_runs.get(key), sa, sbs[p], k, min_chars, threshold)


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
    seeds, crowded = _anchor_seeds(ca, cbs, k, params["max_postings"])
    windows = [(p, *r[:4]) for p, regions in sorted(_chain(seeds, k, params["gap"], params["max_shift"],
                                                           min_chars).items()) for r in regions]
    hits = [(-1,) * 5 if hit is None else hit
            for _, hit in _doc_hits(_text(ca), [_text(cb) for cb in cbs], seeds, ca, cbs, crowded,
                                    k, params["gap"], params["max_shift"], min_chars, threshold)]
    pair = np.array([w[0] for w in windows], dtype=np.int64)
    rows = _best_passages(pair, np.array(hits, dtype=np.int64).reshape(-1, 5), min_chars, threshold)
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
