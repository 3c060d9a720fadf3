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
