"""Tests for bioparse.align: the compiled window alignment gives what reuse._doc_hits gives,
and with no filter exactly difflib's matching blocks, on hard texts and on real ones."""
import glob
import os
import random

import numpy as np
import pytest

from bioparse import reuse as R
from bioparse.align import align_windows
from tests.test_reuse import _difflib_hit, _hard_corpus, _random_text

HERE = os.path.dirname(__file__)
SEED_DIRS = [os.path.join(HERE, "..", "..", "shared", "seeds"), os.path.join(HERE, "..", "data", "raw")]
NONE = (-1,) * 5


def _windows(seeds, k, gap, max_shift, min_len):
    """The windows of _chain flattened as align_windows takes them: [pair, a0, a1, b0, b1, diag]."""
    rows = [(p, *r[:5]) for p, regions in sorted(R._chain(seeds, k, gap, max_shift, min_len).items())
            for r in regions]
    return np.array(rows, dtype=np.int64).reshape(-1, 6)


def _reference(sa, sbs, seeds, ca, cbs, crowded, windows, k, min_chars, threshold):
    """What _doc_hits does for each of the given windows (any rectangles, not only _chain's)."""
    runs = R._runs(seeds, ca, cbs, k) if len(seeds[0]) else None
    out = []
    for p, a0, a1, b0, b1, _ in windows.tolist():
        r = [a0, a1, b0, b1]
        if sa[a0:a1] == sbs[p][b0:b1]:
            hit = R._align(r, None, sa, sbs[p], k, min_chars, threshold)
        elif crowded is not None and crowded[a1 - k + 1] > crowded[a0]:
            hit = R._difflib_align(sa, sbs[p], r)
        else:
            found = R._window_runs(np.array([[p, a0, a1, b0, b1]]), runs, len(ca)) if runs else [[]]
            hit = R._align(r, found[0], sa, sbs[p], k, min_chars, threshold)
        out.append(hit or NONE)
    return out


def _documents(texts, k, max_postings):
    """Each document with partners: folded text, partners' texts, seeds, code points, crowded."""
    texts = {d: R.fold(t)[0] for d, t in texts.items()}
    for a_id, b_ids in R._partners(texts, k, 50, 10):
        ca, cbs = R._codes(texts[a_id]), [R._codes(texts[b]) for b in b_ids]
        seeds, crowded = R._anchor_seeds(ca, cbs, k, max_postings)
        yield texts[a_id], [texts[b] for b in b_ids], seeds, ca, cbs, crowded


def _check_doc_hits(texts, k, max_postings, gap, max_shift, min_chars, threshold, against_difflib):
    """align_windows equals _doc_hits (and difflib, if asked) on every window; returns counts."""
    n_windows = n_crowded = 0
    for sa, sbs, seeds, ca, cbs, crowded in _documents(texts, k, max_postings):
        windows = _windows(seeds, k, gap, max_shift, min_chars)
        got = [tuple(row) for row in align_windows(windows, seeds, ca, cbs, crowded, k, min_chars,
                                                   threshold).tolist()]
        hits = list(R._doc_hits(sa, sbs, seeds, ca, cbs, crowded, k, gap, max_shift, min_chars, threshold))
        assert [p for p, _ in hits] == windows[:, 0].tolist()
        assert got == [hit or NONE for _, hit in hits]
        if against_difflib:
            for w, row in zip(windows.tolist(), got):
                assert row == (_difflib_hit(sa, sbs[w[0]], w[1:5]) or NONE), w
        n_windows += len(windows)
        if crowded is not None:
            n_crowded += int((crowded[windows[:, 2] - k + 1] > crowded[windows[:, 1]]).sum())
    return n_windows, n_crowded


@pytest.mark.parametrize("seed", range(12))
def test_unfiltered_windows_equal_difflib_and_doc_hits(seed):
    texts = _hard_corpus(seed)
    k, max_postings = [(8, 200), (5, 10), (6, 40)][seed % 3]
    for gap, max_shift in [(30, 12), (8, 2)]:
        n_windows, _ = _check_doc_hits(texts, k, max_postings, gap, max_shift, 0, 0.0, True)
        assert n_windows > 0


@pytest.mark.parametrize("seed", range(12))
def test_filtered_windows_equal_doc_hits(seed):
    texts = _hard_corpus(seed + 50)
    for k, max_postings, gap, max_shift in [(8, 200, 30, 12), (5, 10, 30, 12), (6, 40, 60, 40)]:
        for min_chars, threshold in [(k + 2, 0.8), (20, 0.5)]:
            _check_doc_hits(texts, k, max_postings, gap, max_shift, min_chars, threshold, False)


def test_crowded_windows_are_covered():
    # (5, 10) on the hard corpora makes windows over k-grams that give no seeds
    n_crowded = sum(_check_doc_hits(_hard_corpus(seed), 5, 10, 30, 12, 0, 0.0, True)[1]
                    for seed in range(12))
    assert n_crowded > 0


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
    for size in (40, 400, 2500 if len(alphabet) > 10 else 300):
        base = "".join(rng.choice(alphabet) for _ in range(size))
        texts = [base, "".join(rng.choice(alphabet) for _ in range(size))]  # unrelated
        texts.append("".join(c for c in base if rng.random() > 0.1))  # edited copy
        ca, cbs = R._codes(texts[0]), [R._codes(t) for t in texts[1:]]
        seeds, crowded = R._anchor_seeds(ca, cbs, k, 50)
        windows = _random_windows(rng, ca, cbs, 12, size)
        got = [tuple(r) for r in align_windows(windows, seeds, ca, cbs, crowded, k, 0, 0.0).tolist()]
        for w, row in zip(windows.tolist(), got):
            assert row == (_difflib_hit(texts[0], texts[1 + w[0]], w[1:5]) or NONE), w
        got = [tuple(r) for r in align_windows(windows, seeds, ca, cbs, crowded, k, 20, 0.8).tolist()]
        assert got == _reference(texts[0], texts[1:], seeds, ca, cbs, crowded, windows, k, 20, 0.8)


def test_window_without_common_run_is_aligned_whole():
    a, b = _random_text(61, 3000), _random_text(62, 3000)
    ca, cbs = R._codes(a), [R._codes(b)]
    seeds, crowded = R._anchor_seeds(ca, cbs, 8, 200)
    assert not len(seeds[0])
    windows = np.array([[0, 0, 3000, 0, 3000, 0], [0, 100, 1900, 1000, 2200, 900]], dtype=np.int64)
    got = [tuple(r) for r in align_windows(windows, seeds, ca, cbs, crowded, 8, 0, 0.0).tolist()]
    assert got == [_difflib_hit(a, b, w[1:5]) for w in windows.tolist()]
    got = [tuple(r) for r in align_windows(windows, seeds, ca, cbs, crowded, 8, 20, 0.8).tolist()]
    assert got == _reference(a, [b], seeds, ca, cbs, crowded, windows, 8, 20, 0.8)


def test_equal_sides_are_one_block():
    shared = _random_text(71, 60)
    a = _random_text(72, 30) + shared + "。" * 30 + shared
    b = shared + "。" * 30 + shared + _random_text(73, 10)
    ca, cbs = R._codes(a), [R._codes(b)]
    for max_postings in (200, 5):  # the run of 。 is crowded at 5
        seeds, crowded = R._anchor_seeds(ca, cbs, 8, max_postings)
        windows = np.array([[0, 30, 30 + len(b) - 10, 0, len(b) - 10, -30],
                            [0, 30, 90, 0, 60, -30], [0, 120, 180, 90, 150, -30]], dtype=np.int64)
        got = align_windows(windows, seeds, ca, cbs, crowded, 8, 20, 0.8).tolist()
        assert got == [[w[1], w[2], w[3], w[4], w[2] - w[1]] for w in windows.tolist()]


def test_no_windows():
    ca = R._codes("甲乙丙")
    empty = np.zeros(0, np.int64)
    out = align_windows(np.zeros((0, 6), np.int64), (empty, empty, empty), ca, [ca], None, 8, 20, 0.8)
    assert out.shape == (0, 5)


def _seed_texts():
    for folder in SEED_DIRS:
        files = sorted(glob.glob(os.path.join(folder, "*.txt")))
        if len(files) > 1:
            return {os.path.basename(f)[:3]: open(f, encoding="utf-8-sig").read() for f in files}
    return None


@pytest.mark.skipif(_seed_texts() is None, reason="no seed texts (../shared/seeds or data/raw)")
def test_real_text_with_default_filters_equals_doc_hits():
    texts = _seed_texts()
    n_windows, _ = _check_doc_hits(texts, 8, 200, 30, 12, 20, 0.8, False)
    assert n_windows > 10
    _check_doc_hits(texts, 8, 200, 30, 12, 0, 0.0, True)
