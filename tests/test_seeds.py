"""Tests for bioparse.seeds, against plain references: the seed runs expand to exactly the k-gram
matches a dict index of the text finds (maximal runs, in order), ``crowded`` is a plain count of
the skipped k-grams, and the windows are the regions of the one-loop chain merge."""
import random

import numpy as np
import pytest

from bioparse import reuse as R
from bioparse.seeds import _MUL, anchor_seeds, chain_windows
from tests.test_align import _seed_texts
from tests.test_reuse import _hard_corpus

CHAIN_PARAMS = [(30, 12), (8, 2), (60, 40)]  # (gap, max_shift)


def _codes_of(texts):
    """Code points of each text, folded as find_reuse folds it."""
    return [R._codes(R.fold(t)[0]) for t in texts]


def _plain_seeds(ca, cbs, k, max_postings):
    """Every seed as (pair, diag, pa), sorted, from a dict index of ca's k-grams; and the prefix
    counts of the positions of ca whose k-gram occurs more than max_postings times (or None)."""
    a = ca.tolist()
    index: dict = {}
    for p in range(len(a) - k + 1):
        index.setdefault(tuple(a[p:p + k]), []).append(p)
    seeds = []
    for pair, cb in enumerate(cbs):
        b = cb.tolist()
        for pb in range(len(b) - k + 1):
            found = index.get(tuple(b[pb:pb + k]), [])
            if len(found) <= max_postings:
                seeds.extend((pair, pb - pa, pa) for pa in found)
    skipped = [len(index[tuple(a[p:p + k])]) > max_postings for p in range(len(a) - k + 1)]
    crowded = np.cumsum([0] + skipped) if any(skipped) else None
    return sorted(seeds), crowded


def _expand(runs):
    """The seeds (pair, diag, pa) that the runs (pair, pa, diag, n) stand for, in row order."""
    return [(p, d, a + t) for p, a, d, n in zip(*(x.tolist() for x in runs)) for t in range(n)]


def _assert_seeds(ca, cbs, k, max_postings):
    """anchor_seeds gives the plain seeds as maximal runs in order, and the plain crowded
    counts; returns the plain seeds and whether some k-grams were skipped."""
    runs, crowded = anchor_seeds(ca, cbs, k, max_postings)
    want, want_crowded = _plain_seeds(ca, cbs, k, max_postings)
    assert len(runs) == 4 and all(x.dtype == np.int64 for x in runs)
    pair, pa, diag, n = runs
    assert len(pair) == len(pa) == len(diag) == len(n) and (n >= 1).all()
    assert _expand(runs) == want, (k, max_postings)  # so the rows are sorted and never overlap
    same_diag = (pair[1:] == pair[:-1]) & (diag[1:] == diag[:-1])
    assert (pa[1:][same_diag] > pa[:-1][same_diag] + n[:-1][same_diag]).all()  # runs are maximal
    if want_crowded is None:
        assert crowded is None
    else:
        assert crowded.dtype.kind == "i" and crowded.tolist() == want_crowded.tolist()
    return want, want_crowded is not None


def _runs_of(seeds):
    """Seed runs as anchor_seeds gives them, from seeds (pair, diag, pa): consecutive pa on one
    diagonal of one pair make one run; rows sorted by pair, diagonal, pa."""
    rows = []
    for p, d, a in sorted(set(seeds)):
        if rows and rows[-1][:2] == [p, d] and rows[-1][2] + rows[-1][3] == a:
            rows[-1][3] += 1
        else:
            rows.append([p, d, a, 1])
    pair, diag, pa, n = np.array(rows, dtype=np.int64).reshape(-1, 4).T
    return pair.copy(), pa.copy(), diag.copy(), n.copy()


def _plain_chain(seeds, k, gap, max_shift):
    """The chain step as one loop (as find_reuse first did it), for reference: seeds (pa, pb)
    of one pair → regions [a0, a1, b0, b1, diag] in the order their first chain comes."""
    by_diag: dict = {}
    for pa, pb in seeds:
        by_diag.setdefault(pb - pa, []).append(pa)
    chains = []
    for diag in sorted(by_diag):
        starts = sorted(by_diag[diag])
        a0 = prev = starts[0]
        for pa in starts[1:]:
            if pa - prev > gap:
                chains.append([a0, prev + k, a0 + diag, prev + k + diag, diag])
                a0 = pa
            prev = pa
        chains.append([a0, prev + k, a0 + diag, prev + k + diag, diag])
    chains.sort(key=lambda c: (c[0], c[2]))
    merged, active = [], []
    for c in chains:
        active = [r for r in active if c[0] <= r[1] + gap]
        for r in active:
            if abs(c[4] - r[4]) <= max_shift and c[2] <= r[3] + gap and c[3] > r[2] and c[1] > r[0]:
                r[1], r[2], r[3], r[4] = max(r[1], c[1]), min(r[2], c[2]), max(r[3], c[3]), c[4]
                break
        else:
            merged.append(c)
            active.append(c)
    return merged


def _assert_windows(seeds, k, gap, max_shift, min_lens=(0,)):
    """chain_windows on the runs of seeds (pair, diag, pa) gives _plain_chain's regions per pair,
    pair ascending, without those with a side under min_len; returns how many (at the first)."""
    per_pair: dict = {}
    for p, d, a in seeds:
        per_pair.setdefault(p, set()).add((a, a + d))
    regions = [[p, *r] for p in sorted(per_pair) for r in _plain_chain(per_pair[p], k, gap, max_shift)]
    runs = _runs_of(seeds)
    for min_len in min_lens:
        want = [r for r in regions if min(r[2] - r[1], r[4] - r[3]) >= min_len]
        got = chain_windows(runs, k, gap, max_shift, min_len)
        assert got.dtype == np.int64 and got.shape == (len(want), 6)
        assert got.tolist() == want, (k, gap, max_shift, min_len)
    return sum(min(r[2] - r[1], r[4] - r[3]) >= min_lens[0] for r in regions)


@pytest.mark.parametrize("seed", range(12))
def test_seeds_and_windows_equal_plain_references_on_hard_corpora(seed):
    codes = _codes_of(_hard_corpus(seed).values())
    n_seeds = n_windows = n_crowded = 0
    for a in range(len(codes)):
        ca, cbs = codes[a], codes[:a] + codes[a + 1:]
        for k in (2, 5, 8):
            for max_postings in (1, 4, 200):
                seeds, crowded = _assert_seeds(ca, cbs, k, max_postings)
                n_seeds += len(seeds)
                n_crowded += crowded
                # tens of thousands of seeds (k = 2 on two letters, long runs of 。): the plain
                # merge takes a quarter of a second, so those are chained at one setting
                for gap, max_shift in CHAIN_PARAMS[:1] if len(seeds) > 20000 else CHAIN_PARAMS:
                    n_windows += _assert_windows(seeds, k, gap, max_shift, (0, 20))
    assert n_seeds and n_windows and n_crowded  # max_postings 1 always skips some k-grams


@pytest.mark.parametrize("seed", range(4))
def test_seeds_equal_exact_kgram_matches(seed):
    texts = list(_hard_corpus(seed + 100).values())
    ca, *cbs = [R._codes(t) for t in texts]
    seeds, _ = _assert_seeds(ca, cbs, 6, 20)
    assert seeds


def test_kgrams_compared_on_every_character():
    # a text of distinct characters and copies of it with one character changed in each stretch
    # of 2k: the k-grams over a changed character (it at each of their k offsets) give no seed,
    # all others on diagonal 0 do
    rng = np.random.default_rng(3)
    for k in range(2, 12):
        ca = rng.permutation(0x10000)[:12 * k].astype(np.uint32)
        for at in range(2 * k):
            cb = ca.copy()
            changed = np.arange(at, len(ca), 2 * k)
            cb[changed] += 0x10000  # a character found nowhere in ca
            seeds, _ = _assert_seeds(ca, [cb], k, 200)
            hit = {pa for _, _, pa in seeds}
            assert hit == {p for p in range(len(ca) - k + 1) if not any(p <= c < p + k for c in changed)}
            assert all(d == 0 for _, d, _ in seeds)


def _hash(codes, k):
    """The kernel's 32-bit polynomial hash (multiplier seeds._MUL) of each k-gram of codes."""
    h = np.zeros(len(codes) - k + 1, np.uint64)
    for i in range(k):
        h = (h * np.uint64(_MUL) + codes[i:len(codes) - k + 1 + i]) & np.uint64(0xFFFFFFFF)
    return h


def test_kgram_with_the_same_hash_is_no_seed():
    # the partner's k-gram differs from the text's in two characters (at each two offsets)
    # chosen so that the 32-bit hash is the same: only comparing the characters tells them
    # apart (k-grams that differ in one character never share a hash)
    rng = np.random.default_rng(5)
    for k in (2, 5, 8):
        ca = rng.permutation(0x10000)[:40].astype(np.uint32)
        for at in range(k):
            for other in range(at + 1, k):
                cb = ca.copy()
                cb[10 + at] += 1  # + M^(k-1-at) to the hash, made up for at the other offset
                cb[10 + other] = (int(cb[10 + other]) - pow(int(_MUL), other - at, 2**32)) % 2**32
                assert _hash(cb, k)[10] == _hash(ca, k)[10]
                seeds, _ = _assert_seeds(ca, [cb], k, 200)
                assert not any(pa <= 10 + at < pa + k or pa <= 10 + other < pa + k for _, _, pa in seeds)


def test_kgram_whose_hash_wraps_around_in_the_last_step_is_found():
    # about one Chinese k-gram in 50,000 has h·M mod 2³² + last character ≥ 2³²: its hash
    # must wrap there too, or a partner's lookup of it misses the text's (a lost seed)
    rng = np.random.default_rng(11)
    for k in (5, 8):
        grams = rng.integers(0x4E00, 0x9FA6, (400_000, k)).astype(np.uint64)
        head = _hash(grams[:, :-1].ravel(), k - 1)[::k - 1]  # each row's first k − 1 characters
        wraps = grams[(head * np.uint64(_MUL) & np.uint64(0xFFFFFFFF)) + grams[:, -1] >= 2**32]
        assert len(wraps) >= 2
        for gram in wraps[:5].astype(np.uint32):
            ca = np.r_[R._codes("。。。"), gram, R._codes("、、")]
            cb = np.r_[R._codes("甲"), gram]  # the lookup at 1 does not continue a seed
            seeds, _ = _assert_seeds(ca, [cb], k, 200)
            assert seeds == [(0, -2, 3)]


def test_crowded_run_of_one_kgram():
    text = "甲乙丙丁" + "。" * 30 + "戊己庚辛壬癸"
    ca, cb = _codes_of([text, "丙丁" + "。" * 12 + "戊己庚"])
    for max_postings in (1, 10, 22, 23, 200):  # the 8-gram of 。 occurs 23 times in a
        _, crowded = _assert_seeds(ca, [cb, cb], 8, max_postings)
        assert crowded == (max_postings < 23)
    assert _assert_seeds(ca, [cb], 8, 10)[1]


def test_empty_inputs():
    ca, short, other = _codes_of(["甲乙丙丁戊己庚辛壬癸", "甲乙丙", "子丑寅卯辰巳午未申酉"])
    for cbs in ([short], [other], [short, other], [ca[:0]]):
        seeds, crowded = _assert_seeds(ca, cbs, 5, 200)
        assert not seeds and not crowded
    seeds, crowded = _assert_seeds(short, [ca, other], 5, 200)  # a text shorter than k
    assert not seeds and not crowded
    (pair, pa, diag, n), crowded = anchor_seeds(ca, [], 5, 200)  # no partners at all
    assert len(pair) == len(pa) == len(diag) == len(n) == 0 and crowded is None
    empty = np.zeros(0, np.int64)
    assert chain_windows((empty, empty, empty, empty), 5, 30, 12).shape == (0, 6)


def _seed_pattern(rng: random.Random, gap: int, max_shift: int) -> set:
    """Seeds (pa, pb) as edited passages make them: runs along a diagonal that shift by about
    max_shift after about gap characters, among stray seeds (a repeated phrase)."""
    seeds = set()
    for _ in range(rng.randint(1, 6)):
        pa, diag = rng.randrange(400), rng.randrange(-300, 300)
        for _ in range(rng.randint(1, 5)):
            for p in range(pa, pa + rng.choice([1, 2, 5, 20])):
                seeds.add((p, p + diag))
            pa = p + rng.choice([1, 2, gap - 1, gap, gap + 1, gap + 2])
            diag += rng.choice([0, 1, -1, max_shift, -max_shift, max_shift + 1, -max_shift - 1])
    for _ in range(rng.randint(0, 40)):
        p = rng.randrange(400)
        seeds.add((p, p + rng.randrange(-300, 300)))
    return seeds


@pytest.mark.parametrize("gap,max_shift", CHAIN_PARAMS)
def test_windows_equal_plain_merge_on_seed_patterns(gap, max_shift):
    n_merged = 0
    for rng in (random.Random(gap), random.Random(gap + 1)):
        for _ in range(100):  # one document, 3 partners
            seeds = [(p, pb - pa, pa) for p in range(3) for pa, pb in _seed_pattern(rng, gap, max_shift)]
            n_windows = _assert_windows(seeds, 8, gap, max_shift, (0, 12))
            n_merged += n_windows < len({(p, d) for p, d, _ in seeds})
    assert n_merged > 10  # chains on different diagonals were merged


def test_chain_does_not_join_a_region_out_of_reach():
    # a chain at 45 is past the reach (a1 + gap = 40) of the region at 0, though a long chain
    # on a far diagonal keeps them in one group; diagonals 12…36 link −5 … 48 in steps of 12
    seeds = {(p, p) for p in range(3)} | {(p, p + 48) for p in range(5, 93)}
    seeds |= {(p, p - 5) for p in range(45, 53)} | {(300 + d, 300 + 2 * d) for d in (12, 24, 36)}
    got = chain_windows(_runs_of([(0, pb - pa, pa) for pa, pb in seeds]), 8, 30, 12)
    assert got[:, 1:].tolist() == _plain_chain(seeds, 8, 30, 12)
    assert [45, 60, 40, 55, -5] in got[:, 1:].tolist()


def test_large_diagonal_component_is_ordered_like_plain_merge():
    # one pair, 80 neighbouring diagonals with a seed each at a0 falling as the diagonal grows:
    # one component longer than the insertion-sorted runs, its chains out of (a0, b0) order; the
    # first 40 close enough to merge into one region, the last 40 each a region of its own
    pa = np.r_[np.arange(200, 0, -5), np.arange(4000, 2000, -50)].tolist()
    assert _assert_windows([(0, d, a) for d, a in enumerate(pa)], 8, 30, 1) == 41


@pytest.mark.skipif(_seed_texts() is None, reason="no seed texts (../shared/seeds or data/raw)")
def test_seeds_and_windows_equal_plain_references_on_real_text():
    texts = {doc: R.fold(text)[0] for doc, text in _seed_texts().items()}
    n_windows = 0
    for a_id, b_ids in R._partners(texts, 8, 50, 10):
        ca, cbs = R._codes(texts[a_id]), [R._codes(texts[b]) for b in b_ids]
        for k, max_postings in ((8, 200), (8, 3), (5, 20)):
            seeds, _ = _assert_seeds(ca, cbs, k, max_postings)
            for gap, max_shift in CHAIN_PARAMS:
                n_windows += _assert_windows(seeds, k, gap, max_shift, (20,))
    assert n_windows
