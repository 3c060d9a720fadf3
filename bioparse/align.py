"""The matching blocks difflib.SequenceMatcher (autojunk=False) finds in each candidate window,
computed in compiled loops.

``align_windows`` gives, for each window of ``seeds.chain_windows``, exactly what difflib gives
for it: the span from the first to the last matching block and the matched characters, without
running difflib over the window. The exact common runs from the seeds (``_runs``), the blocks
of k or more characters read off them (``_run_blocks``), the gaps between them aligned by
difflib's own loop (``_gap_blocks``), largest first, giving up a window as soon as a bound shows
it cannot pass the filter. Windows whose two sides are equal are one block; windows over k-grams
without seeds (``crowded``) are aligned as one gap, which is what difflib does without junk.
"""
from __future__ import annotations

import numba
import numpy as np

from .seeds import _same, join_partners, plain

__all__ = ["align_windows"]

# Rectangles up to this many cells are aligned on a full row of the b side (a tight loop the
# compiler vectorises); larger ones look up each character's positions in b (difflib's b2j).
_DENSE = 1 << 14
_NO = np.int64(-1)


@numba.njit(cache=True, nogil=True)
def _runs(pair, pa, diag, size, ca, cb, off, size_b, k, extend):
    """Maximal exact common runs ``(pair, i, j, n)``, by pair, diagonal, then i.

    From the seed runs of ``seeds.anchor_seeds`` (``size``: seeds in each). Seeds on one
    diagonal that overlap or touch (at most k apart) form a run; it is extended while the characters
    on either side match, and a run that reaches the one before it on its diagonal joins it.
    Only skipped k-grams (``extend``: some were) can leave a run short: otherwise a match one
    character further would have been a seed of the run.
    """
    m = len(pa)
    groups = 1  # runs before joining, so the arrays are no longer than needed
    for e in range(1, m):
        if pair[e] != pair[e - 1] or diag[e] != diag[e - 1] or pa[e] - (pa[e - 1] + size[e - 1] - 1) > k:
            groups += 1
    rp, ri, rj, re = (np.empty(groups, np.int64), np.empty(groups, np.int64),
                      np.empty(groups, np.int64), np.empty(groups, np.int64))
    n = 0
    s = 0
    while s < m:
        e = s
        while (e + 1 < m and pair[e + 1] == pair[s] and diag[e + 1] == diag[s]
               and pa[e + 1] - (pa[e] + size[e] - 1) <= k):
            e += 1
        p, i, end = pair[s], pa[s], pa[e] + size[e] - 1 + k
        j = i + diag[s]
        o, sb = off[p], size_b[p]
        while extend and i > 0 and j > 0 and ca[i - 1] == cb[o + j - 1]:
            i -= 1
            j -= 1
        while extend and end < len(ca) and end - i + j < sb and ca[end] == cb[o + end - i + j]:
            end += 1
        if n and rp[n - 1] == p and rj[n - 1] - ri[n - 1] == j - i and i <= re[n - 1]:
            re[n - 1] = end
        else:
            rp[n], ri[n], rj[n], re[n] = p, i, j, end
            n += 1
        s = e + 1
    return rp[:n], ri[:n], rj[:n], re[:n] - ri[:n]


@numba.njit(cache=True, nogil=True)
def _bisect(rp, rd, p, d):
    """First run whose (pair, diagonal) is at least (p, d)."""
    lo, hi = 0, len(rp)
    while lo < hi:
        mid = (lo + hi) >> 1
        if rp[mid] < p or (rp[mid] == p and rd[mid] < d):
            lo = mid + 1
        else:
            hi = mid
    return lo


@numba.njit(cache=True, nogil=True)
def _clip_runs(rp, ri, rj, rn, rd, p, a0, a1, b0, b1, runs):
    """The runs reaching into one window, clipped to it, into ``runs``.

    Only runs on diagonals crossing the window (b0 − a1 < j − i < b1 − a0) can reach it.
    Returns how many.
    """
    count = 0
    for t in range(_bisect(rp, rd, p, b0 - a1 + 1), _bisect(rp, rd, p, b1 - a0)):
        i, j = ri[t], rj[t]
        s = max(max(a0 - i, b0 - j), 0)
        e = min(min(a1 - i, b1 - j), rn[t])
        if e > s:
            runs[count, 0], runs[count, 1], runs[count, 2] = i + s, j + s, e - s
            count += 1
    return count


@numba.njit(cache=True, nogil=True)
def _add_block(st, i, j, n):
    """Count a matching block in ``st`` = [matched, first i, first j, last i, last j, last n, blocks].

    Blocks never share a position in a, so the first and last (as tuples) are those by i.
    """
    if st[6] == 0 or i < st[1]:
        st[1], st[2] = i, j
    if st[6] == 0 or i > st[3]:
        st[3], st[4], st[5] = i, j, n
    st[0] += n
    st[6] += 1


@numba.njit(cache=True, nogil=True)
def _longest_dense(ca, cb, o, lo, hi, jlo, jhi, prev, cur):
    """difflib's find_longest_match on ca[lo:hi], cb[o+jlo:o+jhi], one full DP row per i.

    The longest common substring, the first by end in a, then the smallest j:
    returns (i, j, size).
    """
    w = jhi - jlo
    prev[: w + 1] = 0
    cur[0] = 0
    best, bi, bj = 0, lo, jlo
    for i in range(lo, hi):
        x = ca[i]
        top = 0
        for t in range(1, w + 1):
            v = prev[t - 1] + 1 if cb[o + jlo + t - 1] == x else 0
            cur[t] = v
            top = max(top, v)
        if top > best:
            t = 1
            while cur[t] != top:
                t += 1
            best, bi, bj = top, i - top + 1, jlo + t - top
        prev, cur = cur, prev
    return bi, bj, best


@numba.njit(cache=True, nogil=True)
def _b2j(ca, cb, o, alo, ahi, blo, bhi):
    """difflib's b2j for b[blo:bhi]: keys code << 32 | j sorted, and each a-character's slice of them."""
    m = bhi - blo
    keys = np.empty(m, np.int64)
    for j in range(blo, bhi):
        keys[j - blo] = (np.int64(cb[o + j]) << 32) + j
    keys = keys[np.argsort(keys)]
    first, last = np.empty(ahi - alo, np.int64), np.empty(ahi - alo, np.int64)
    for i in range(alo, ahi):
        c = np.int64(ca[i]) << 32
        first[i - alo] = _lower(keys, 0, m, c)
        last[i - alo] = _lower(keys, first[i - alo], m, c + (1 << 32))
    return keys, first, last


@numba.njit(cache=True, nogil=True)
def _lower(keys, lo, hi, x):
    """First index in keys[lo:hi] (ascending) whose value is at least x."""
    while lo < hi:
        mid = (lo + hi) >> 1
        if keys[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@numba.njit(cache=True, nogil=True)
def _longest_sparse(ca, alo, blo, lo, hi, jlo, jhi, keys, first, last, val, stamp, gen):
    """find_longest_match as difflib loops it: over the positions in b of each a-character.

    ``keys``, ``first``, ``last`` as ``_b2j`` gives them; ``val``/``stamp`` hold j2len by
    j − blo + 1: an entry counts only if stamped by the previous row; rows are numbered from
    ``gen`` on. Returns (i, j, size, next free row number).
    """
    gen += 2  # nothing stamped by another rectangle is the previous row
    best, bi, bj = 0, lo, jlo
    for i in range(lo, hi):
        gen += 1
        s, e = first[i - alo], last[i - alo]
        if s == e:
            continue
        c = np.int64(ca[i]) << 32
        s, e = _lower(keys, s, e, c + jlo), _lower(keys, s, e, c + jhi)
        top, tj = 0, 0
        for q in range(e - 1, s - 1, -1):  # descending, so j − 1 still holds the previous row
            j = keys[q] & 0xFFFFFFFF
            t = j - blo + 1
            v = val[t - 1] + 1 if stamp[t - 1] == gen - 1 else 1
            val[t], stamp[t] = v, gen
            if v >= top:
                top, tj = v, j
        if top > best:
            best, bi, bj = top, i - top + 1, tj - top + 1
    return bi, bj, best, gen


@numba.njit(cache=True, nogil=True)
def _gap_blocks(ca, cb, o, alo, ahi, blo, bhi, st, prev, cur, queue):
    """difflib's matching blocks of ca[alo:ahi] and b[blo:bhi] (a gap between runs), into ``st``.

    get_matching_blocks' loop (longest match, then left and right of it) without junk. Small
    rectangles use a full DP row, large ones the positions of each character in b.
    """
    if ahi - alo == 1:  # one character: its first occurrence in the other side
        for j in range(blo, bhi):
            if cb[o + j] == ca[alo]:
                _add_block(st, alo, j, ahi - alo)
                break
        return
    if bhi - blo == 1:
        for i in range(alo, ahi):
            if ca[i] == cb[o + blo]:
                _add_block(st, i, blo, bhi - blo)
                break
        return
    if ahi - alo == bhi - blo and _same(ca, alo, cb, o + blo, ahi - alo):
        _add_block(st, alo, blo, ahi - alo)
        return
    sparse = (ahi - alo) * (bhi - blo) > _DENSE
    if sparse:
        keys, first, last = _b2j(ca, cb, o, alo, ahi, blo, bhi)
        val = np.zeros(bhi - blo + 1, np.int64)
        stamp = np.full(bhi - blo + 1, -1, np.int64)
    else:
        keys = first = last = val = stamp = np.zeros(0, np.int64)
    gen = np.int64(0)
    queue[0, 0], queue[0, 1], queue[0, 2], queue[0, 3] = alo, ahi, blo, bhi
    top = 1
    while top:
        top -= 1
        lo, hi, jlo, jhi = queue[top, 0], queue[top, 1], queue[top, 2], queue[top, 3]
        if sparse and (hi - lo) * (jhi - jlo) > _DENSE:
            bi, bj, best, gen = _longest_sparse(ca, alo, blo, lo, hi, jlo, jhi, keys, first, last,
                                                val, stamp, gen)
        else:
            bi, bj, best = _longest_dense(ca, cb, o, lo, hi, jlo, jhi, prev, cur)
        if best:
            _add_block(st, bi, bj, best)
            if lo < bi and jlo < bj:
                queue[top, 0], queue[top, 1], queue[top, 2], queue[top, 3] = lo, bi, jlo, bj
                top += 1
            if bi + best < hi and bj + best < jhi:
                queue[top, 0], queue[top, 1], queue[top, 2], queue[top, 3] = bi + best, hi, bj + best, jhi
                top += 1


@numba.njit(cache=True, nogil=True)
def _sort_by(key, item, n):
    """Sort key[:n] ascending, moving item[:n] along (insertion sort while short)."""
    if n > 32:
        order = np.argsort(key[:n])
        key[:n], item[:n] = key[:n][order], item[:n][order]
        return
    for t in range(1, n):
        x, y = key[t], item[t]
        s = t
        while s and key[s - 1] > x:
            key[s], item[s] = key[s - 1], item[s - 1]
            s -= 1
        key[s], item[s] = x, y


@numba.njit(cache=True, nogil=True)
def _run_blocks(runs, count, alo, ahi, blo, bhi, k, st, gaps, key, item):
    """The blocks of k or more characters difflib finds in a window (into ``st``), and the gaps left.

    difflib takes the longest common substring, then recurses left and right of it; substrings
    of k or more characters all lie in ``runs``, so those blocks are read off them. When the
    long runs follow each other in both texts, each is a block and the gaps lie between them;
    otherwise the recursion runs on the runs. Gaps go to ``gaps`` (rows alo, ahi, blo, bhi);
    returns how many. ``key`` and ``item`` are room to sort the long runs.
    """
    n_long = np.int64(0)
    for t in range(count):
        if runs[t, 2] >= k:
            key[n_long], item[n_long] = (runs[t, 0] << 32) + runs[t, 1], t  # by (i, j)
            n_long += 1
    _sort_by(key, item, n_long)
    ng = np.int64(0)
    i, j = alo, blo  # end of the previous block
    for t in range(n_long):
        bi, bj, n = runs[item[t], 0], runs[item[t], 1], runs[item[t], 2]
        if bi < i or bj < j:  # overlaps the previous one: take them the long way
            return _run_blocks_nested(runs, count, alo, ahi, blo, bhi, k, st, gaps)
        if i < bi and j < bj:
            gaps[ng, 0], gaps[ng, 1], gaps[ng, 2], gaps[ng, 3] = i, bi, j, bj
            ng += 1
        i, j = bi + n, bj + n
    if i < ahi and j < bhi:
        gaps[ng, 0], gaps[ng, 1], gaps[ng, 2], gaps[ng, 3] = i, ahi, j, bhi
        ng += 1
    for t in range(n_long):
        _add_block(st, runs[item[t], 0], runs[item[t], 1], runs[item[t], 2])
    return ng


@numba.njit(cache=True, nogil=True)
def _run_blocks_nested(runs, count, alo, ahi, blo, bhi, k, st, gaps):
    """The general case of ``_run_blocks``: difflib's recursion on rectangles, over the runs.

    Each rectangle keeps the runs that reach into it (a segment of ``inside``), so its
    sub-rectangles look only at those.
    """
    inside = np.empty(max(count, 16), np.int64)
    inside[:count] = np.arange(count)
    used = count
    stack = np.empty((ahi - alo + 2, 6), np.int64)  # at most one rectangle per block, plus one
    stack[0, 0], stack[0, 1], stack[0, 2], stack[0, 3], stack[0, 4], stack[0, 5] = alo, ahi, blo, bhi, 0, count
    top, ng = 1, 0
    while top:
        top -= 1
        lo, hi, jlo, jhi, seg, n_seg = (stack[top, 0], stack[top, 1], stack[top, 2], stack[top, 3],
                                        stack[top, 4], stack[top, 5])
        best = bi = bj = np.int64(0)
        start = used
        for q in range(seg, seg + n_seg):
            t = inside[q]
            i, j, n = runs[t, 0], runs[t, 1], runs[t, 2]
            s = max(max(lo - i, jlo - j), 0)  # clip the run to the rectangle: skip s, end before e
            e = min(min(hi - i, jhi - j), n)
            if e > s:
                if used == len(inside):
                    grown = np.empty(2 * used, np.int64)
                    grown[:used] = inside
                    inside = grown
                inside[used] = t
                used += 1
                if e - s > best or (e - s == best and (i + s < bi or (i + s == bi and j + s < bj))):
                    best, bi, bj = e - s, i + s, j + s
        if best < k:
            gaps[ng, 0], gaps[ng, 1], gaps[ng, 2], gaps[ng, 3] = lo, hi, jlo, jhi
            ng += 1
            used = start  # nothing refers to the runs just listed
            continue
        _add_block(st, bi, bj, best)
        if lo < bi and jlo < bj:
            stack[top, 0], stack[top, 1], stack[top, 2], stack[top, 3] = lo, bi, jlo, bj
            stack[top, 4], stack[top, 5] = start, used - start
            top += 1
        if bi + best < hi and bj + best < jhi:
            stack[top, 0], stack[top, 1], stack[top, 2], stack[top, 3] = bi + best, hi, bj + best, jhi
            stack[top, 4], stack[top, 5] = start, used - start
            top += 1
    return ng


@numba.njit(cache=True, nogil=True)
def _present(ca, cb, o, alo, ahi, blo, bhi, mark, tick):
    """How many characters of ca[alo:ahi] occur anywhere in b[blo:bhi] (``mark``: by code point)."""
    for j in range(blo, bhi):
        x = cb[o + j]
        if x < len(mark):
            mark[x] = tick
    n = 0
    for i in range(alo, ahi):
        if mark[ca[i]] == tick:
            n += 1
    return n


@numba.njit(cache=True, nogil=True)
def _too_low(matched, extra, span, edge, min_chars, threshold):
    """Whether a window matching at most ``matched + extra`` fails the filter (``_align``'s bound)."""
    return matched + extra < min_chars or 2 * (matched + extra) / (span + 2 * edge) < threshold


@numba.njit(cache=True, nogil=True)
def _align(ca, cb, o, a0, a1, b0, b1, runs, count, k, min_chars, threshold, st, gaps, key, item,
           prev, cur, queue, mark, tick):
    """Align a window whose sides differ: run blocks, then the gaps, largest first.

    Gives up (leaves ``st`` without blocks) as soon as the window cannot reach ``min_chars``
    and ``threshold`` even if every gap still to align matched as much as it can. Returns the
    next ``mark`` tick. ``key`` and ``item``: room to sort runs and gaps.
    """
    ng = _run_blocks(runs, count, a0, a1, b0, b1, k, st, gaps, key, item)
    if st[6] == 0:  # no common run of k characters: align the window as one gap
        _gap_blocks(ca, cb, o, a0, a1, b0, b1, st, prev, cur, queue)
        return tick
    # Bound: a gap matches at most its shorter side (then: at most the characters of one side
    # found anywhere in the other). A gap before the first block or after the last also widens
    # the trimmed span by at least what it matches, on both sides ("edge").
    extra = edge = np.int64(0)
    for g in range(ng):
        u = min(gaps[g, 1] - gaps[g, 0], gaps[g, 3] - gaps[g, 2])
        on_edge = (gaps[g, 0] == a0 and gaps[g, 2] == b0) or (gaps[g, 1] == a1 and gaps[g, 3] == b1)
        extra += u
        if on_edge:
            edge += u
        key[g], item[g] = (u << 33) + (np.int64(on_edge) << 32) + gaps[g, 0], g  # no two share alo
    _sort_by(key, item, ng)
    for t in range(ng - 1, -1, -1):  # (size, on edge, gap) descending
        g = item[t]
        u, on_edge = key[t] >> 33, (key[t] >> 32) & 1
        if u > 2:
            span = (st[3] + st[5] - st[1]) + (st[4] + st[5] - st[2])
            if _too_low(st[0], extra, span, edge, min_chars, threshold):
                st[6] = 0
                return tick
            tick += 1
            cut = u - min(u, _present(ca, cb, o, gaps[g, 0], gaps[g, 1], gaps[g, 2], gaps[g, 3], mark, tick))
            if cut:
                extra, u = extra - cut, u - cut
                if on_edge:
                    edge -= cut
                if _too_low(st[0], extra, span, edge, min_chars, threshold):
                    st[6] = 0
                    return tick
        extra -= u
        if on_edge:
            edge -= u
        if u:
            _gap_blocks(ca, cb, o, gaps[g, 0], gaps[g, 1], gaps[g, 2], gaps[g, 3], st, prev, cur, queue)
    return tick


@numba.njit(cache=True, nogil=True)
def _align_all(windows, pair, pa, diag, size, ca, cb, off, size_b, crowded, k, min_chars, threshold):
    """Rows [a0, a1, b0, b1, matched] of the windows (−1: no block, or given up)."""
    n = windows.shape[0]
    out = np.full((n, 5), _NO, np.int64)
    rp, ri, rj, rn = _runs(pair, pa, diag, size, ca, cb, off, size_b, k, len(crowded) > 0)
    rd = rj - ri
    long_a = long_b = 1
    for w in range(n):
        long_a = max(long_a, windows[w, 2] - windows[w, 1])
        long_b = max(long_b, windows[w, 4] - windows[w, 3])
    runs = np.empty((len(rp), 3), np.int64)
    key = np.empty(max(len(rp), long_a + 2), np.int64)
    item = np.empty(max(len(rp), long_a + 2), np.int64)
    gaps = np.empty((long_a + 2, 4), np.int64)
    prev, cur = np.empty(long_b + 2, np.int32), np.empty(long_b + 2, np.int32)
    queue = np.empty((long_a + 2, 4), np.int64)
    mark = np.zeros(np.int64(ca.max()) + 1 if len(ca) else 1, np.int64)
    tick = np.int64(0)
    st = np.zeros(7, np.int64)
    for w in range(n):
        p, a0, a1, b0, b1 = windows[w, 0], windows[w, 1], windows[w, 2], windows[w, 3], windows[w, 4]
        o = off[p]
        if a1 - a0 == b1 - b0 and _same(ca, a0, cb, o + b0, a1 - a0):  # one block
            if a1 > a0:
                out[w, 0], out[w, 1], out[w, 2], out[w, 3], out[w, 4] = a0, a1, b0, b1, a1 - a0
            continue
        st[:] = 0
        if len(crowded) and crowded[a1 - k + 1] > crowded[a0]:
            # over k-grams without seeds: no run covers them; difflib over the whole window
            _gap_blocks(ca, cb, o, a0, a1, b0, b1, st, prev, cur, queue)
        else:
            count = _clip_runs(rp, ri, rj, rn, rd, p, a0, a1, b0, b1, runs)
            tick = _align(ca, cb, o, a0, a1, b0, b1, runs, count, k, min_chars, threshold, st, gaps,
                          key, item, prev, cur, queue, mark, tick)
        if st[6]:
            out[w, 0], out[w, 1], out[w, 2], out[w, 3], out[w, 4] = st[1], st[3] + st[5], st[2], st[4] + st[5], st[0]
    return out


def align_windows(windows: np.ndarray, seeds, ca: np.ndarray, cbs: list[np.ndarray],
                  crowded: np.ndarray | None, k: int, min_chars: int, threshold: float) -> np.ndarray:
    """Per window ``[pair, a0, a1, b0, b1, diag]``: ``[a0, a1, b0, b1, matched]``.

    The span from the first to the last matching block that
    ``difflib.SequenceMatcher(None, wa, wb, autojunk=False)`` finds in the window, and the
    characters matched; −1 where there is none. A window whose hit fails the filter
    (``min_chars``, ``threshold``) may be −1 too: it is given up as soon as a bound shows that.
    ``seeds`` and ``crowded`` as ``seeds.anchor_seeds`` returns them, ``ca`` and ``cbs`` the
    code points of the folded text and of its partners.
    """
    windows = plain(windows, np.int64).reshape(-1, 6)
    if not len(windows):
        return np.full((0, 5), -1, np.int64)
    cb, off = join_partners(cbs)
    crowded = np.zeros(0, np.int64) if crowded is None else plain(crowded, np.int64)
    return _align_all(windows, *(plain(x, np.int64) for x in seeds), plain(ca, np.uint32), cb,
                      off[:-1], np.diff(off), crowded, int(k), int(min_chars), float(threshold))
