"""Tests for bioparse.seeds: the compiled seeds and chains equal reuse.py's, value for value and in order."""
import glob
import os
import random

import numpy as np
import pytest

from bioparse import reuse as R
from bioparse.seeds import anchor_seeds, chain_windows
from tests.test_reuse import SEEDS, _hard_corpus, _seed_pattern

CHAIN_PARAMS = [(30, 12), (8, 2), (60, 40)]  # (gap, max_shift) as test_chains_equal_plain_merge


def _assert_same_seeds(ca, cbs, k, max_postings):
    """anchor_seeds equals reuse._anchor_seeds; returns the seeds and whether any were crowded."""
    (pair, pa, diag), crowded = anchor_seeds(ca, cbs, k, max_postings)
    (pair0, pa0, diag0), crowded0 = R._anchor_seeds(ca, cbs, k, max_postings)
    for got, want in ((pair, pair0), (pa, pa0), (diag, diag0)):
        assert got.dtype == np.int64 and np.array_equal(got, want), (k, max_postings)
    if crowded0 is None:
        assert crowded is None
    else:
        assert crowded.dtype == crowded0.dtype and np.array_equal(crowded, crowded0)
    return (pair0, pa0, diag0), crowded0 is not None


def _assert_same_windows(seeds, k, gap, max_shift, min_len):
    """chain_windows equals reuse._chain's regions, flattened pair by pair; returns how many."""
    want = [[p, *r] for p, regions in sorted(R._chain(seeds, k, gap, max_shift, min_len).items())
            for r in regions]
    got = chain_windows(seeds, k, gap, max_shift, min_len)
    assert got.dtype == np.int64 and got.shape == (len(want), 6)
    assert got.tolist() == want, (k, gap, max_shift, min_len)
    return len(want)


def _codes_of(texts):
    return [R._codes(R.fold(t)[0]) for t in texts]


@pytest.mark.parametrize("seed", range(12))
def test_seeds_and_windows_equal_reuse_on_hard_corpora(seed):
    codes = _codes_of(_hard_corpus(seed).values())
    n_seeds = n_windows = n_crowded = 0
    for a in range(len(codes)):
        ca, cbs = codes[a], codes[:a] + codes[a + 1:]
        for k in (2, 5, 8):
            for max_postings in (1, 4, 200):
                seeds, crowded = _assert_same_seeds(ca, cbs, k, max_postings)
                n_seeds += len(seeds[0])
                n_crowded += crowded
                for gap, max_shift in CHAIN_PARAMS:
                    for min_len in (0, 20):
                        n_windows += _assert_same_windows(seeds, k, gap, max_shift, min_len)
    assert n_seeds and n_windows and n_crowded  # max_postings 1 always skips some k-grams


@pytest.mark.parametrize("gap,max_shift", CHAIN_PARAMS)
def test_windows_equal_reuse_on_seed_patterns(gap, max_shift):
    rng = random.Random(gap + 1)
    for _ in range(100):
        per_pair = [_seed_pattern(rng, gap, max_shift) for _ in range(3)]
        pair = np.array([p for p, seeds in enumerate(per_pair) for _ in seeds], dtype=np.int64)
        pa = np.array([s[0] for seeds in per_pair for s in seeds], dtype=np.int64)
        diag = np.array([s[1] - s[0] for seeds in per_pair for s in seeds], dtype=np.int64)
        order = np.lexsort((pa, diag, pair))
        seeds = (pair[order], pa[order], diag[order])
        for min_len in (0, 12):
            _assert_same_windows(seeds, 8, gap, max_shift, min_len)


def test_large_diagonal_component_is_ordered_like_reuse():
    # one pair, 80 neighbouring diagonals with a seed each at a0 falling as the diagonal grows:
    # one component longer than the insertion-sorted runs, its chains out of (a0, b0) order; the
    # first 40 close enough to merge into one region, the last 40 each a region of its own
    pa = np.r_[np.arange(200, 0, -5), np.arange(4000, 2000, -50)].astype(np.int64)
    diag = np.arange(len(pa), dtype=np.int64)
    seeds = (np.zeros(len(pa), np.int64), pa, diag)
    assert _assert_same_windows(seeds, 8, 30, 1, 0) == 41


def test_crowded_run_of_one_kgram_equals_reuse():
    text = "甲乙丙丁" + "。" * 30 + "戊己庚辛壬癸"
    ca, cb = _codes_of([text, "丙丁" + "。" * 12 + "戊己庚"])
    for max_postings in (1, 10, 22, 23, 200):
        _assert_same_seeds(ca, [cb, cb], 8, max_postings)
    assert _assert_same_seeds(ca, [cb], 8, 10)[1]


def test_empty_inputs():
    ca, short, other = _codes_of(["甲乙丙丁戊己庚辛壬癸", "甲乙丙", "子丑寅卯辰巳午未申酉"])
    for cbs in ([short], [other], [short, other], [ca[:0]]):
        seeds, crowded = _assert_same_seeds(ca, cbs, 5, 200)
        assert len(seeds[0]) == 0 and not crowded
    seeds, crowded = _assert_same_seeds(short, [ca, other], 5, 200)  # a text shorter than k
    assert len(seeds[0]) == 0 and not crowded
    (pair, pa, diag), crowded = anchor_seeds(ca, [], 5, 200)  # no partners at all
    assert len(pair) == len(pa) == len(diag) == 0 and crowded is None
    empty = np.zeros(0, np.int64)
    assert chain_windows((empty, empty, empty), 5, 30, 12).shape == (0, 6)


@pytest.mark.skipif(not os.path.isdir(SEEDS), reason="../shared/seeds not present")
def test_seeds_and_windows_equal_reuse_on_real_text():
    texts = {os.path.basename(f)[:3]: R.fold(open(f, encoding="utf-8-sig").read())[0]
             for f in sorted(glob.glob(os.path.join(SEEDS, "*.txt")))}
    n_windows = 0
    for a_id, b_ids in R._partners(texts, 8, 50, 10):
        ca, cbs = R._codes(texts[a_id]), [R._codes(texts[b]) for b in b_ids]
        for k, max_postings in ((8, 200), (8, 3), (5, 20)):
            seeds, _ = _assert_same_seeds(ca, cbs, k, max_postings)
            for gap, max_shift in CHAIN_PARAMS:
                n_windows += _assert_same_windows(seeds, k, gap, max_shift, 20)
    assert n_windows
