"""Exact k-gram matches between a text and its partners, and their chaining into candidate
windows, compiled with numba.

Straight loops over arrays, one document and all its partners per call. The k-grams of a
text are grouped in a hash table on their characters (a 32-bit hash only finds the slot;
equal characters decide), so a seed is never false and a k-gram's count is the count of that
exact k-gram. Seeds are returned as runs along a diagonal, not one by one: a passage shared
verbatim is one row, not one per character. Texts must be under 2³⁰ characters.
"""
from __future__ import annotations

import numba
import numpy as np

__all__ = ["anchor_seeds", "chain_windows"]

_MUL = np.uint32(1_000_003)  # of the polynomial k-gram hash


@numba.njit(cache=True, nogil=True)
def _same(x, i, y, j, k):
    """Whether the k characters at i in x equal those at j in y."""
    for t in range(k):
        if x[i + t] != y[j + t]:
            return False
    return True


@numba.njit(cache=True, nogil=True)
def _slot(h, shift):
    """The table slot of a 32-bit hash h: the top bits of h times an odd constant."""
    return np.int64(((np.uint64(h) * np.uint64(0x9E3779B9)) & np.uint64(0xFFFFFFFF)) >> shift)


@numba.njit(cache=True, nogil=True)
def _hashes(codes, lo, hi, k):
    """Polynomial hashes (mod 2³²) of every k-gram of codes[lo:hi].

    Computed a character offset at a time over all k-grams (k passes that vectorise),
    not rolled along one long chain of multiplications.
    """
    n = max(hi - lo - k + 1, 0)
    out = np.empty(n, np.uint32)
    for p in range(n):
        out[p] = codes[lo + p]
    for i in range(1, k):
        c = codes[lo + i:lo + i + n]
        for p in range(n):
            out[p] = np.uint32(out[p] * _MUL) + c[p]
    return out


@numba.njit(cache=True, nogil=True)
def _bit_of(h):
    """The bit of a k-gram hash in ``_bit_filter``'s 2¹⁸ bits."""
    return (np.uint64(h) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(46)


@numba.njit(cache=True, nogil=True)
def _bit_filter(hashes):
    """2¹⁸ bits (32 KB, in the fastest cache) set for the given k-gram hashes.

    A k-gram of a partner whose bit is clear is not in the text: no table lookup. Most
    k-grams of a partner are not, so most lookups stop here.
    """
    bits = np.zeros(1 << 12, np.uint64)
    for h in hashes:
        b = _bit_of(h)
        bits[b >> np.uint64(6)] |= np.uint64(1) << (b & np.uint64(63))
    return bits


@numba.njit(cache=True, nogil=True)
def _maybe_in(bits, h):
    """Whether the k-gram of hash h may be among those of ``_bit_filter`` (no: surely not)."""
    b = _bit_of(h)
    return (bits[b >> np.uint64(6)] >> (b & np.uint64(63))) & np.uint64(1) != 0


@numba.njit(cache=True, nogil=True)
def _kgram_groups(ca, h, k):
    """The distinct k-grams of ca (``h``: their ``_hashes``) in an open-addressing table, and their positions.

    Returns ``(table, shift, rep, first, pos, gid)``: ``table`` holds per slot a k-gram's
    hash (high 32 bits) and its group + 1 (low 32 bits; 0: empty), at most a quarter full
    so that most lookups of a k-gram that is not there stop at the first slot. Each group
    has a representative position and its positions ``pos[first[g]:first[g + 1]]``
    (ascending); ``gid`` is the group of each position.
    """
    n = len(h)
    bits = 2
    while (1 << bits) < 4 * n:
        bits += 1
    size, shift = 1 << bits, np.uint64(32 - bits)
    table = np.zeros(size, np.uint64)
    rep = np.empty(n, np.int64)
    count = np.zeros(n + 1, np.int64)
    gid = np.empty(n, np.int64)
    ng = 0
    for p in range(n):
        s = _slot(h[p], shift)
        key = np.uint64(h[p]) << np.uint64(32)
        while True:
            if table[s] == 0:
                table[s] = key | np.uint64(ng + 1)
                rep[ng] = p
                g = ng
                ng += 1
                break
            g = np.int64(table[s] & np.uint64(0xFFFFFFFF)) - 1
            if table[s] >> np.uint64(32) == h[p] and _same(ca, rep[g], ca, p, k):
                break
            s = (s + 1) & (size - 1)
        gid[p] = g
        count[g + 1] += 1
    first = count  # now where each group's positions start
    for g in range(ng):
        first[g + 1] += first[g]
    fill = first.copy()
    pos = np.empty(n, np.int64)
    for p in range(n):
        pos[fill[gid[p]]] = p
        fill[gid[p]] += 1
    return table, shift, rep, first, pos, gid


@numba.njit(cache=True, nogil=True)
def _find(table, shift, rep, ca, cb, j, h, k):
    """The group of the k-gram at j in cb (hash h) in ca's table, or −1 if ca lacks it."""
    s = _slot(h, shift)
    mask = len(table) - 1
    while table[s]:
        if table[s] >> np.uint64(32) == h:
            g = np.int64(table[s] & np.uint64(0xFFFFFFFF)) - 1
            if _same(ca, rep[g], cb, j, k):
                return g
        s = (s + 1) & mask
    return -1


@numba.njit(cache=True, nogil=True)
def _starts_run(match, ca, cb, lo, j, i):
    """Whether the seed at (i in a, j in partner from lo) starts a run: the one before it on
    its diagonal (i − 1, j − 1) is no seed. Its k-gram overlaps this one but for one character,
    so it is a seed exactly when that character matches and its own k-gram was not skipped."""
    return not (j > 0 and i > 0 and match[lo + j - 1] >= 0 and ca[i - 1] == cb[lo + j - 1])


@numba.njit(cache=True, nogil=True)
def _seeds(ca, cb, off, k, max_postings):
    """``(pair, pa, diag, n, crowded, any_crowded)`` of ca with the partners joined in cb.

    ``off``: where each partner starts in cb (and the end). Each k-gram of a partner is
    matched once: by one character where it continues the k-gram before it in a (most of a
    shared passage), else by a bit filter of ca's k-grams and then the table. Seeds are then
    given as runs: ``n`` seeds on one diagonal at pa, pa + 1, …, placed by a counting sort on
    the diagonal, which keeps them in the order found (b ascending, so a ascending).
    """
    ha = _hashes(ca, 0, len(ca), k)
    table, shift, rep, first, pos, gid = _kgram_groups(ca, ha, k)
    na = len(gid)
    n_part = len(off) - 1
    bits = _bit_filter(ha)
    match = np.full(len(cb), -1, np.int64)  # group of the k-gram at each position of cb
    inner = np.zeros(len(cb), np.bool_)  # its one seed continues the seed before: no run starts
    for p in range(n_part):
        lo = off[p]
        hb = _hashes(cb, lo, off[p + 1], k)
        i = -1  # a position in ca of the k-gram before (−1: ca lacks it)
        for q in range(len(hb)):
            j = lo + q
            if 0 <= i < na - 1 and ca[i + k] == cb[j + k - 1]:
                i += 1  # the k-gram continues the one before: no lookup
                g = gid[i]
                inner[j] = q > 0 and match[j - 1] >= 0 and first[g + 1] - first[g] == 1
            elif _maybe_in(bits, hb[q]):
                g = _find(table, shift, rep, ca, cb, j, hb[q], k)
                i = rep[g] if g >= 0 else -1
            else:
                g = i = -1
            if g >= 0 and first[g + 1] - first[g] <= max_postings:
                match[j] = g
    total = 0  # seeds that may start a run: a bound on the runs
    for j in range(len(cb)):
        if match[j] >= 0 and not inner[j]:
            total += first[match[j] + 1] - first[match[j]]
    pair = np.empty(total, np.int64)
    pa = np.empty(total, np.int64)
    diag = np.empty(total, np.int64)
    size = np.empty(total, np.int64)
    ti, tj, tn = np.empty(total, np.int64), np.empty(total, np.int64), np.empty(total, np.int64)
    at = 0
    for p in range(n_part):
        lo, nb = off[p], off[p + 1] - off[p] - k + 1
        if nb <= 0 or na == 0:
            continue
        m = 0  # this partner's runs, in the order found (j ascending)
        for j in range(nb):
            g = match[lo + j]
            if g < 0 or inner[lo + j]:
                continue
            for t in range(first[g], first[g + 1]):
                i = pos[t]
                if not _starts_run(match, ca, cb, lo, j, i):
                    continue
                n = 1  # the next seed on the diagonal: the next k-gram matches and is kept
                while (j + n < nb and i + n < na and match[lo + j + n] >= 0
                       and ca[i + n + k - 1] == cb[lo + j + n + k - 1]):
                    n += 1
                ti[m], tj[m], tn[m] = i, j, n
                m += 1
        start = np.zeros(na + nb, np.int64)  # counting sort by diagonal + na − 1
        for r in range(m):
            start[tj[r] - ti[r] + na] += 1
        start[0] = at
        for d in range(1, na + nb):
            start[d] += start[d - 1]
        at = start[na + nb - 1]
        for r in range(m):
            d = tj[r] - ti[r]
            q = start[d + na - 1]
            pair[q], pa[q], diag[q], size[q] = p, ti[r], d, tn[r]
            start[d + na - 1] = q + 1
    crowded = np.zeros(na + 1, np.int64)
    for q in range(na):
        crowded[q + 1] = crowded[q] + (first[gid[q] + 1] - first[gid[q]] > max_postings)
    return pair[:at], pa[:at], diag[:at], size[:at], crowded, crowded[na] > 0


def plain(x, dtype) -> np.ndarray:
    """x as a contiguous, writable array of dtype (a copy only if needed): one compiled signature."""
    return np.require(x, dtype=dtype, requirements=["C", "W"])


def join_partners(cbs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The partners' code points in one uint32 array, and where each starts (and the end)."""
    sizes = np.array([len(c) for c in cbs], dtype=np.int64)
    cb = np.concatenate(cbs).astype(np.uint32, copy=False) if cbs else np.zeros(0, np.uint32)
    return plain(cb, np.uint32), np.r_[0, np.cumsum(sizes)].astype(np.int64)


def anchor_seeds(ca: np.ndarray, cbs: list[np.ndarray], k: int, max_postings: int):
    """Seeds of a text (code points ``ca``) with all its partners ``cbs``, and which are crowded.

    Returns ``((pair, pa, diag, n), crowded)``. The seeds are every exact k-gram match
    (partner, position in a, diagonal = position in b − position in a), leaving out k-grams
    found more than ``max_postings`` times in a, given as runs: row r stands for the ``n[r]``
    seeds at ``pa[r]``, ``pa[r] + 1``, … on ``diag[r]``, and the seed before and after each run
    are none. Rows are sorted by partner, diagonal, then pa. ``crowded``: the prefix counts of
    the positions in a of the skipped k-grams, or None if there are none.
    """
    cb, off = join_partners(cbs)
    pair, pa, diag, n, crowded, any_crowded = _seeds(plain(ca, np.uint32), cb, off, int(k), int(max_postings))
    return (pair, pa, diag, n), (crowded if any_crowded else None)


@numba.njit(cache=True, nogil=True)
def _before(i, j, k1, k2):
    """Whether entry i comes before entry j by (k1, k2)."""
    return k1[i] < k1[j] or (k1[i] == k1[j] and k2[i] < k2[j])


@numba.njit(cache=True, nogil=True)
def _sort_by(idx, s, e, k1, k2, buf):
    """Sort the entries idx[s:e] in place by (k1, k2): insertion sorts of 16, then merges.

    Most calls sort a handful of chains, which the insertion sort does alone.
    """
    run = 16
    for lo in range(s, e, run):
        for i in range(lo + 1, min(lo + run, e)):
            x, j = idx[i], i
            while j > lo and _before(x, idx[j - 1], k1, k2):
                idx[j] = idx[j - 1]
                j -= 1
            idx[j] = x
    width = run
    while width < e - s:
        for lo in range(s, e, 2 * width):
            mid, hi = min(lo + width, e), min(lo + 2 * width, e)
            i, j = lo, mid
            for t in range(lo, hi):
                if j >= hi or (i < mid and not _before(idx[j], idx[i], k1, k2)):
                    buf[t] = idx[i]
                    i += 1
                else:
                    buf[t] = idx[j]
                    j += 1
        for t in range(s, e):
            idx[t] = buf[t]
        width *= 2


@numba.njit(cache=True, nogil=True)
def _merge_component(c0, c1, cd, order, s, e, gap, max_shift, reg, n_reg, p, active):
    """Merge the chains of one component (``order[s:e]``: by a0, b0) into regions of ``reg``.

    Each chain joins the first region still in reach (a1 + gap) that it continues (diagonal
    within max_shift, b within gap, overlapping ends) or starts one.
    Rows of ``reg``: a0, a1, b0, b1, diag, b0 of the first chain, pair. Returns the new count.
    """
    n_act = 0
    for t in order[s:e]:
        a0, a1, d = c0[t], c1[t], cd[t]
        b0, b1 = a0 + d, a1 + d
        kept = 0
        for i in range(n_act):  # drop regions out of reach, keeping the order
            if a0 <= reg[active[i], 1] + gap:
                active[kept] = active[i]
                kept += 1
        n_act = kept
        joined = False
        for i in range(n_act):
            r = active[i]
            if (abs(d - reg[r, 4]) <= max_shift and b0 <= reg[r, 3] + gap
                    and b1 > reg[r, 2] and a1 > reg[r, 0]):
                reg[r, 1] = max(reg[r, 1], a1)
                reg[r, 2] = min(reg[r, 2], b0)
                reg[r, 3] = max(reg[r, 3], b1)
                reg[r, 4] = d
                joined = True
                break
        if not joined:
            reg[n_reg, 0], reg[n_reg, 1], reg[n_reg, 2], reg[n_reg, 3] = a0, a1, b0, b1
            reg[n_reg, 4], reg[n_reg, 5], reg[n_reg, 6] = d, b0, p
            active[n_act] = n_reg
            n_act += 1
            n_reg += 1
    return n_reg


@numba.njit(cache=True, nogil=True)
def _chain_rows(pair, pa, diag, size, k, gap, max_shift, min_len):
    """The rows of ``chain_windows`` from seed runs sorted by pair, diagonal, then pa."""
    n = len(pa)
    cp = np.empty(n, np.int64)
    c0 = np.empty(n, np.int64)
    c1 = np.empty(n, np.int64)
    cd = np.empty(n, np.int64)
    m = 0
    for i in range(n):  # chains: seeds on one diagonal at most gap apart (runs: 1 apart)
        if (i == 0 or pair[i] != pair[i - 1] or diag[i] != diag[i - 1]
                or pa[i] - (pa[i - 1] + size[i - 1] - 1) > gap):
            cp[m], c0[m], cd[m] = pair[i], pa[i], diag[i]
            m += 1
        c1[m - 1] = pa[i] + size[i] - 1 + k
    reg = np.empty((m, 7), np.int64)
    active = np.empty(m, np.int64)
    order = np.arange(m)
    buf = np.empty(m, np.int64)
    n_reg = 0
    s = 0
    while s < m:  # components: a pair's diagonals that step by at most max_shift
        e = s + 1
        while e < m and cp[e] == cp[s] and cd[e] - cd[e - 1] <= max_shift:
            e += 1
        _sort_by(order, s, e, c0, cd, buf)  # by a0, then b0 (= a0 + diag)
        n_reg = _merge_component(c0, c1, cd, order, s, e, gap, max_shift, reg, n_reg, cp[s], active)
        s = e
    keep = np.empty(n_reg, np.int64)
    n_keep = 0
    for r in range(n_reg):
        if min(reg[r, 1] - reg[r, 0], reg[r, 3] - reg[r, 2]) >= min_len:
            keep[n_keep] = r
            n_keep += 1
    a0, first_b0 = np.empty(n_reg, np.int64), np.empty(n_reg, np.int64)  # the sort's keys
    for r in range(n_reg):
        a0[r], first_b0[r] = reg[r, 0], reg[r, 5]
    out = np.empty((n_keep, 6), np.int64)
    s = 0
    while s < n_keep:  # one pair's regions (components come pair by pair): by a0, first b0
        e = s + 1
        while e < n_keep and reg[keep[e], 6] == reg[keep[s], 6]:
            e += 1
        _sort_by(keep, s, e, a0, first_b0, buf)
        for i in range(s, e):
            r = keep[i]
            out[i, 0] = reg[r, 6]
            for c in range(5):
                out[i, c + 1] = reg[r, c]
        s = e
    return out


def chain_windows(seeds, k: int, gap: int, max_shift: int, min_len: int = 0) -> np.ndarray:
    """Candidate windows of the seed runs ``(pair, pa, diag, n)`` that ``anchor_seeds`` gives.

    Seeds on one diagonal at most ``gap`` apart make a chain; chains that continue each other
    (diagonals within ``max_shift``, within ``gap`` in both texts) merge into one region. An
    int64 array of rows ``[pair, a0, a1, b0, b1, diag]`` (folded coordinates, ends exclusive,
    diag of the last chain merged), without regions with a side shorter than ``min_len``;
    by pair, then by (a0, b0) of each region's first chain.
    """
    pair, pa, diag, size = (plain(x, np.int64) for x in seeds)
    return _chain_rows(pair, pa, diag, size, int(k), int(gap), int(max_shift), int(min_len))
