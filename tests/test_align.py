"""Tests for bioparse.align against difflib itself: each window's row is the span from the first
to the last matching block ``difflib.SequenceMatcher`` (no autojunk) finds in it and the matched
characters; with a filter, a window whose hit fails it may be given up (−1) instead. On windows
from chain_windows over hard texts and real ones, and on hand-made windows."""
import difflib
import glob
import os
import random

import numpy as np
import pytest

from bioparse import reuse as R
from bioparse.align import _runs, align_windows
from bioparse.seeds import anchor_seeds, chain_windows, join_partners, plain
from tests.test_reuse import _hard_corpus, _random_text

HERE = os.path.dirname(__file__)
SEED_DIRS = [os.path.join(HERE, "..", "..", "shared", "seeds"), os.path.join(HERE, "..", "data", "raw")]
NONE = (-1,) * 5


def _difflib_hit(sa, sb, r):
    """(a0, a1, b0, b1, matched) of difflib's matching blocks in sa[a0:a1], sb[b0:b1], or None."""
    blocks = [m for m in difflib.SequenceMatcher(None, sa[r[0]:r[1]], sb[r[2]:r[3]],
                                                 autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    return (r[0] + first.a, r[0] + last.a + last.size, r[2] + first.b, r[2] + last.b + last.size,
            sum(m.size for m in blocks))


def _passes(hit, min_chars, threshold):
    a0, a1, b0, b1, matched = hit
    return matched >= min_chars and 2 * matched / ((a1 - a0) + (b1 - b0)) >= threshold


def _assert_rows(sa, sbs, windows, got, min_chars, threshold):
    """Each row is difflib's hit of its window (−1 if none), or −1 if that hit fails the filter
    (with no filter: every row is difflib's); returns how many windows have a hit that passes."""
    n_pass = 0
    for w, row in zip(windows.tolist(), got.tolist()):
        hit = _difflib_hit(sa, sbs[w[0]], w[1:5])
        if hit is None or not _passes(hit, min_chars, threshold):
            assert tuple(row) in (hit or NONE, NONE), (w, min_chars, threshold)
        else:
            assert tuple(row) == hit, (w, min_chars, threshold)
            n_pass += 1
    return n_pass


def _documents(texts, k, max_postings):
    """Each document with partners: folded text, partners' texts, seeds, code points, crowded."""
    texts = {d: R.fold(t)[0] for d, t in texts.items()}
    for a_id, b_ids in R._partners(texts, k, 50, 10):
        ca, cbs = R._codes(texts[a_id]), [R._codes(texts[b]) for b in b_ids]
        seeds, crowded = anchor_seeds(ca, cbs, k, max_postings)
        yield texts[a_id], [texts[b] for b in b_ids], seeds, ca, cbs, crowded


def _n_crowded(windows, crowded, k):
    """How many windows hold k-grams that were skipped (gave no seeds)."""
    if crowded is None or not len(windows):
        return 0
    return int((crowded[windows[:, 2] - k + 1] > crowded[windows[:, 1]]).sum())


def _check_documents(texts, k, max_postings, gap, max_shift, min_chars, threshold):
    """align_windows on chain_windows' windows of each document agrees with difflib (as
    _assert_rows); returns the windows, those with a passing hit, and the crowded ones."""
    n_windows = n_pass = n_crowded = 0
    for sa, sbs, seeds, ca, cbs, crowded in _documents(texts, k, max_postings):
        windows = chain_windows(seeds, k, gap, max_shift, min_chars)
        got = align_windows(windows, seeds, ca, cbs, crowded, k, min_chars, threshold)
        assert got.dtype == np.int64 and got.shape == (len(windows), 5)
        n_pass += _assert_rows(sa, sbs, windows, got, min_chars, threshold)
        n_windows += len(windows)
        n_crowded += _n_crowded(windows, crowded, k)
    return n_windows, n_pass, n_crowded


@pytest.mark.parametrize("seed", range(12))
def test_unfiltered_windows_equal_difflib(seed):
    texts = _hard_corpus(seed)
    for k, max_postings in sorted({(8, 200), (5, 10), [(8, 200), (5, 10), (6, 40)][seed % 3]}):
        for gap, max_shift in [(30, 12), (8, 2)]:
            n_windows, n_pass, _ = _check_documents(texts, k, max_postings, gap, max_shift, 0, 0.0)
            assert n_windows > 0 and n_pass > 0


@pytest.mark.parametrize("seed", range(12))
def test_filtered_windows_are_difflib_or_given_up(seed):
    texts = _hard_corpus(seed + 50)
    n_windows = 0
    for k, max_postings, gap, max_shift in [(8, 200, 30, 12), (5, 10, 30, 12), (6, 40, 60, 40)]:
        for min_chars, threshold in [(k + 2, 0.8), (20, 0.5)]:
            n_windows += _check_documents(texts, k, max_postings, gap, max_shift, min_chars, threshold)[0]
    assert n_windows > 0


def test_crowded_windows_occur_on_hard_corpora():
    # (5, 10) on the hard corpora makes windows over k-grams that give no seeds, which
    # test_unfiltered_windows_equal_difflib then holds to difflib
    n_crowded = 0
    for seed in range(12):
        for _, _, seeds, ca, cbs, crowded in _documents(_hard_corpus(seed), 5, 10):
            for gap, max_shift in [(30, 12), (8, 2)]:
                n_crowded += _n_crowded(chain_windows(seeds, 5, gap, max_shift), crowded, 5)
    assert n_crowded > 0


def _runs_of(seeds, ca, cbs, k, extend=True):
    """_runs on anchor_seeds' seeds: (partner, i, j, n) of each run, j in the partner's own text."""
    cb, off = join_partners(cbs)
    rp, ri, rj, rn = _runs(*seeds, plain(ca, np.uint32), cb, off, np.diff(off), k, extend)
    return list(zip(rp.tolist(), ri.tolist(), rj.tolist(), rn.tolist()))


def _maximal(ca, cb, i, j, n):
    """ca[i:i+n] == cb[j:j+n], and neither side's next or previous characters match too."""
    return (n > 0 and np.array_equal(ca[i:i + n], cb[j:j + n])
            and (i == 0 or j == 0 or ca[i - 1] != cb[j - 1])
            and (i + n == len(ca) or j + n == len(cb) or ca[i + n] != cb[j + n]))


def test_run_reaches_over_skipped_kgrams_to_its_full_length():
    # The passage 甲…辛的的的的的的 ends in 的的的的, a k-gram found 40 times in a: over
    # max_postings, so it gives no seed, and only extending the run past the seeds finds the
    # shared characters after 辛.
    k = 4
    a = "天地甲乙丙丁戊己庚辛" + "的" * 6 + "玄黄" + "的" * 40
    b = "子丑甲乙丙丁戊己庚辛" + "的" * 6 + "寅卯"
    ca, cb = R._codes(a), R._codes(b)
    seeds, crowded = anchor_seeds(ca, [cb], k, 5)
    assert crowded is not None
    assert _runs_of(seeds, ca, [cb], k) == [(0, 2, 2, 14)]
    assert _runs_of(seeds, ca, [cb], k, extend=False) != [(0, 2, 2, 14)]  # the case needs the extension


def test_runs_are_maximal_matches_on_hard_corpora():
    n_runs = 0
    for seed in range(12):
        for _, _, seeds, ca, cbs, crowded in _documents(_hard_corpus(seed), 5, 10):
            for p, i, j, n in _runs_of(seeds, ca, cbs, 5, extend=crowded is not None):
                assert _maximal(ca, cbs[p], i, j, n), (seed, p, i, j, n)
                n_runs += 1
    assert n_runs > 100


def _random_windows(rng, ca, cbs, n, longest):
    rows = []
    for _ in range(n):
        p = rng.randrange(len(cbs))
        a0 = rng.randrange(len(ca))
        b0 = rng.randrange(len(cbs[p]))
        a1 = min(len(ca), a0 + rng.randint(1, longest))
        b1 = min(len(cbs[p]), b0 + rng.randint(1, longest))
        rows.append((p, a0, a1, b0, b1, b0 - a0))
    return np.array(rows, dtype=np.int64).reshape(-1, 6)


@pytest.mark.parametrize("alphabet", ["ab", "甲乙丙丁戊己", "".join(chr(0x4E00 + i) for i in range(200))])
def test_any_window_equals_difflib(alphabet):
    # rectangles anywhere: across runs, without any common run of k, small and large (a window
    # of thousands of characters on each side is aligned from each character's positions)
    rng = random.Random(len(alphabet))
    k = 8
    n_pass = 0
    for size in (40, 400, 2500 if len(alphabet) > 10 else 300):
        base = "".join(rng.choice(alphabet) for _ in range(size))
        texts = [base, "".join(rng.choice(alphabet) for _ in range(size))]  # unrelated
        texts.append("".join(c for c in base if rng.random() > 0.1))  # edited copy
        ca, cbs = R._codes(texts[0]), [R._codes(t) for t in texts[1:]]
        seeds, crowded = anchor_seeds(ca, cbs, k, 50)
        windows = _random_windows(rng, ca, cbs, 12, size)
        got = align_windows(windows, seeds, ca, cbs, crowded, k, 0, 0.0)
        assert _assert_rows(texts[0], texts[1:], windows, got, 0, 0.0) > 0
        got = align_windows(windows, seeds, ca, cbs, crowded, k, 20, 0.8)
        n_pass += _assert_rows(texts[0], texts[1:], windows, got, 20, 0.8)
    assert n_pass > 0


def test_window_without_common_run_is_aligned_whole():
    a, b = _random_text(61, 3000), _random_text(62, 3000)
    ca, cbs = R._codes(a), [R._codes(b)]
    seeds, crowded = anchor_seeds(ca, cbs, 8, 200)
    assert not len(seeds[0])
    windows = np.array([[0, 0, 3000, 0, 3000, 0], [0, 100, 1900, 1000, 2200, 900]], dtype=np.int64)
    got = align_windows(windows, seeds, ca, cbs, crowded, 8, 0, 0.0)
    assert [tuple(r) for r in got.tolist()] == [_difflib_hit(a, b, w[1:5]) for w in windows.tolist()]
    got = align_windows(windows, seeds, ca, cbs, crowded, 8, 20, 0.8)
    _assert_rows(a, [b], windows, got, 20, 0.8)


def test_equal_sides_are_one_block():
    shared = _random_text(71, 60)
    a = _random_text(72, 30) + shared + "。" * 30 + shared
    b = shared + "。" * 30 + shared + _random_text(73, 10)
    ca, cbs = R._codes(a), [R._codes(b)]
    for max_postings in (200, 5):  # the run of 。 is crowded at 5
        seeds, crowded = anchor_seeds(ca, cbs, 8, max_postings)
        assert (crowded is not None) == (max_postings == 5)
        windows = np.array([[0, 30, 30 + len(b) - 10, 0, len(b) - 10, -30],
                            [0, 30, 90, 0, 60, -30], [0, 120, 180, 90, 150, -30]], dtype=np.int64)
        got = align_windows(windows, seeds, ca, cbs, crowded, 8, 20, 0.8).tolist()
        assert got == [[w[1], w[2], w[3], w[4], w[2] - w[1]] for w in windows.tolist()]


def test_no_windows():
    ca = R._codes("甲乙丙")
    empty = np.zeros(0, np.int64)
    out = align_windows(np.zeros((0, 6), np.int64), (empty,) * 4, ca, [ca], None, 8, 20, 0.8)
    assert out.shape == (0, 5)


def _seed_texts():
    for folder in SEED_DIRS:
        files = sorted(glob.glob(os.path.join(folder, "*.txt")))
        if len(files) > 1:
            return {os.path.basename(f)[:3]: open(f, encoding="utf-8-sig").read() for f in files}
    return None


@pytest.mark.skipif(_seed_texts() is None, reason="no seed texts (../shared/seeds or data/raw)")
def test_real_text_with_default_filters_equals_difflib():
    texts = _seed_texts()
    n_windows, n_pass, _ = _check_documents(texts, 8, 200, 30, 12, 20, 0.8)
    assert n_windows > 10 and n_pass > 0
    assert _check_documents(texts, 8, 200, 30, 12, 0, 0.0)[1] > 10
