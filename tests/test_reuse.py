"""Tests for bioparse.reuse: planted shared passages are found with correct offsets."""
import glob
import os
import random

import pytest

from bioparse.reuse import find_reuse, fold, reuse_summary
from bioparse.errors import BioparseError

SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds")


def _random_text(seed: int, n: int) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


PASSAGE = ("支持创新药品进入医保目录，对于门诊诊疗中使用的医保目录内创新药品，医保基金及时足额支付，"
           "通过特殊病例单议、增加付费点数等给予额外补偿（按职责分工负责）。")


def test_fold_maps_back_to_original_offsets():
    text = "甲 （一）\n乙，丙"
    folded, pos = fold(text)
    assert folded == "甲(一)乙,丙"
    assert [text[p] for p in pos] == ["甲", "（", "一", "）", "乙", "，", "丙"]


def test_planted_passage_with_edits_is_found_with_offsets():
    a_pre, a_post = _random_text(1, 300), _random_text(2, 200)
    b_pre, b_post = _random_text(3, 450), _random_text(4, 100)
    # copy with: half-width punctuation, an inserted line break, one char dropped, one changed
    edited = PASSAGE.replace("（按职责分工负责）", "(按职责分工负责)").replace("足额", "足\n额")
    edited = edited.replace("增加付费", "增付费").replace("额外补偿", "额外补助")
    text_a = a_pre + PASSAGE + a_post
    text_b = b_pre + edited + b_post
    out = find_reuse({"a": text_a, "b": text_b}, k=8, min_chars=20, threshold=0.8)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row.doc_a, row.doc_b) == ("a", "b")
    assert abs(row.a_start - 300) <= 3 and abs(row.a_end - (300 + len(PASSAGE))) <= 3
    assert abs(row.b_start - 450) <= 3 and abs(row.b_end - (450 + len(edited))) <= 3
    assert row.a_text == text_a[row.a_start:row.a_end]
    assert row.b_text == text_b[row.b_start:row.b_end]
    assert 0.9 < row.similarity < 1.0
    assert row.n_chars >= len(PASSAGE) - 6


def test_unrelated_texts_give_empty_table_with_columns():
    out = find_reuse({"x": _random_text(5, 2000), "y": _random_text(6, 2000),
                      "z": _random_text(7, 500)})
    assert out.empty
    assert list(out.columns)[:6] == ["doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end"]
    assert reuse_summary(out).empty


def test_three_documents_only_sharing_pairs_reported_and_sorted():
    texts = {"c": _random_text(8, 100) + PASSAGE, "a": PASSAGE + _random_text(9, 50),
             "b": _random_text(10, 400)}
    out = find_reuse(texts)
    assert list(zip(out.doc_a, out.doc_b)) == [("a", "c")]
    assert out.iloc[0].similarity == 1.0
    assert out.iloc[0].a_start == 0 and out.iloc[0].b_start == 100
    summary = reuse_summary(out)
    assert summary.iloc[0].n_chars == len(fold(PASSAGE)[0])


def test_bad_input_raises_bioparse_error():
    with pytest.raises(BioparseError):
        find_reuse(["not", "a", "dict"])
    with pytest.raises(BioparseError):
        find_reuse({"a": "x"}, k=10, min_chars=5)


@pytest.mark.skipif(not os.path.isdir(SEEDS), reason="../shared/seeds not present")
def test_seed_overlaps_match_gold_notes():
    texts = {os.path.basename(f)[:3]: open(f, encoding="utf-8-sig").read()
             for f in sorted(glob.glob(os.path.join(SEEDS, "*.txt")))}
    out = find_reuse(texts)
    summary = reuse_summary(out).set_index(["doc_a", "doc_b"])
    assert 700 <= summary.loc[("002", "004"), "n_chars"] <= 1000  # gold: ~860 chars
    drg = out[(out.doc_a == "001") & (out.doc_b == "003")]
    assert drg.a_text.str.contains("DRG/DIP").any()
    ward = out[(out.doc_a == "000") & (out.doc_b == "001")]
    assert ward.a_text.str.contains("研究型病房不纳入医疗机构床位数管理").any()


def test_short_common_phrases_are_not_reuse():
    a = _random_text(11, 50) + "生物医药产业" + _random_text(12, 50) + "按职责分工负责" + _random_text(13, 20)
    b = _random_text(14, 30) + "按职责分工负责" + _random_text(15, 40) + "生物医药产业"
    assert find_reuse({"a": a, "b": b}).empty
    # the same phrases inside a longer shared run are reported as one passage
    shared = "加快生物医药产业发展按职责分工负责落实"
    out = find_reuse({"a": a + shared, "b": shared + b}, min_chars=15)
    assert len(out) == 1 and out.iloc[0].a_text == shared


# ---------------------------------------------------------------- the fast paths stay exact
# find_reuse counts candidate pairs with numpy and folds with a table; these tests hold those to
# plain references. The compiled seeds, chains and alignment are held to theirs (dict indexes,
# the one-loop chain merge, difflib itself) in tests/test_seeds.py and tests/test_align.py, on
# the texts made to be hard below: few distinct characters (many repeats, overlapping runs,
# ties), edits, and long runs of one character (k-grams above max_postings, which give no seeds).
import numpy as np  # noqa: E402

from bioparse import reuse as R  # noqa: E402


def _edited(rng: random.Random, text: str, alphabet: str, rate: float) -> str:
    out = []
    for ch in text:
        x = rng.random()
        if x < rate:
            continue  # deleted
        out.append(rng.choice(alphabet) if x < 2 * rate else ch)  # changed or kept
        if x > 1 - rate:
            out.append(rng.choice(alphabet))  # inserted
    return "".join(out)


def _hard_corpus(seed: int) -> dict:
    rng = random.Random(seed)
    alphabet = rng.choice(["ab", "abc", "甲乙丙丁戊己", "".join(chr(0x4E00 + i) for i in range(200))])
    base = "".join(rng.choice(alphabet) for _ in range(rng.randint(60, 500)))
    if rng.random() < 0.4:
        base = base[:50] + "。" * rng.randint(20, 300) + base[50:]
    return {f"d{i}": _edited(rng, base, alphabet, rng.choice([0.0, 0.02, 0.1])) for i in range(3)}


def test_candidate_pairs_equal_plain_count():
    rng = random.Random(7)
    base = [_random_text(i, 300) for i in range(6)]
    folded = [fold("".join(rng.choice(base)[rng.randrange(200):][:100] for _ in range(5)))[0]
              for _ in range(40)]
    k, max_docs, max_partners = 8, 6, 3
    holders: dict = {}
    for d, s in enumerate(folded):
        h = R._kgram_hashes(s, k)
        for x in set(h[(h >> np.uint64(62)) == 0].tolist()):
            holders.setdefault(x, []).append(d)
    counts: dict = {}
    for docs in holders.values():
        if 2 <= len(docs) <= max_docs:
            for i, a in enumerate(docs):
                for b in docs[i + 1:]:
                    counts[(a, b)] = counts.get((a, b), 0) + 1
    partners: dict = {}
    for (a, b), c in counts.items():
        if c >= 2:
            partners.setdefault(a, []).append((-c, b))
            partners.setdefault(b, []).append((-c, a))
    expected = sorted({(min(a, b), max(a, b)) for a, lst in partners.items()
                       for _, b in sorted(lst)[:max_partners]})
    assert expected
    for parts in (1, 8):
        assert R._candidate_pairs(folded, k, max_docs, max_partners, parts=parts) == expected


def test_growing_column_holds_every_value_appended_in_order():
    rng = np.random.default_rng(3)
    chunks = [rng.integers(0, 1 << 60, size=n, dtype=np.uint64) for n in (0, 3, 5, 1, 17, 40, 2, 100)]
    column = R._Column(np.uint64, capacity=4)
    for c in chunks:
        column.extend(c)
    assert column.values().dtype == np.uint64
    assert np.array_equal(column.values(), np.concatenate(chunks))


def test_passage_over_k_grams_without_seeds_is_one_span():
    # 。×25 holds the same 8-gram 18 times: above max_postings=10 it gives no seeds, so no run
    # covers it, and the window over it is aligned by difflib itself.
    shared = PASSAGE + "。" * 25 + PASSAGE
    edited = shared.replace("增加付费", "增付费")
    a = _random_text(21, 100) + shared + _random_text(22, 50)
    b = _random_text(23, 40) + edited + _random_text(24, 80)
    out = find_reuse({"a": a, "b": b}, max_postings=10)
    spans = list(zip(out.a_start, out.a_end, out.b_start, out.b_end, out.n_chars))
    assert (100, 100 + len(shared), 40, 40 + len(edited), len(edited)) in spans


def test_fold_table_covers_every_space_and_matches_char_by_char():
    assert all(c <= 0xFFFF for c in range(0x110000) if chr(c).isspace())
    text = "".join(chr(c) for c in range(0x3010)) + "（一）“甲”　\u2028乙【丙】〔丁〕！～\U0002A6A5ｚ\U0001F600"
    folded, pos = fold(text)
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    assert pos == kept
    assert folded == "".join(chr(ord(text[i]) - 0xFEE0) if 0xFF01 <= ord(text[i]) <= 0xFF5E
                             else R._QUOTES.get(text[i], text[i]) for i in kept)


def test_process_pool_finds_the_same_passages_in_the_same_order():
    from bioparse.build import local_mapper

    texts = {}
    for seed in range(6):
        texts.update({f"s{seed}{d}": t for d, t in _hard_corpus(seed).items()})
    texts.update({"p1": _random_text(31, 200) + PASSAGE, "p2": PASSAGE + _random_text(32, 90)})
    serial = find_reuse(texts, max_postings=10)
    assert len(serial) > 10 and serial.doc_a.nunique() > 3
    assert find_reuse(texts, max_postings=10, mapper=local_mapper(2, chunk_size=1)).equals(serial)


def test_texts_can_be_read_from_a_folder_on_demand(tmp_path):
    from bioparse.reuse import TextFolder

    texts = {"p1": _random_text(41, 150) + PASSAGE, "p2": PASSAGE + _random_text(42, 60), "p3": _random_text(43, 80)}
    for doc, text in texts.items():
        (tmp_path / f"{doc}.txt").write_text(text, encoding="utf-8")
    folder = TextFolder(tmp_path)
    assert sorted(folder) == sorted(texts) and folder["p3"] == texts["p3"]
    expected = find_reuse(texts)
    assert len(expected) == 1 and find_reuse(folder).equals(expected)


def test_a_text_that_is_not_a_string_is_named():
    with pytest.raises(BioparseError, match="'b'"):
        find_reuse({"a": PASSAGE, "b": b"bytes"})
