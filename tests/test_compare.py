"""Tests for bioparse.compare on small hand-made tables."""
import math

import pandas as pd
import pytest

from bioparse.compare import (chi2_sf_1df, code_shares, document_similarity, keyness, kwic)
from bioparse.errors import BioparseError

DOCUMENTS = pd.DataFrame({
    "doc_id": ["d1", "d2", "d3"],
    "period": ["2018", "2018", "2024-2025"],
    "level": ["city", "district", "city"],
})

PROVISIONS = pd.DataFrame({
    "doc_id": ["d1", "d1", "d2", "d2", "d3", "d3"],
    "provision_id": ["p1", "p2", "p1", "p2", "p1", "p2"],
    "text": ["一二三四", "一二", "一二三四五六", "一二三四", "一二三四五六七八", "一二"],
    "start": [0, 4, 0, 6, 0, 8],
})

CODES = pd.DataFrame({
    "doc_id": ["d1", "d1", "d1", "d2", "d3", "d3", "d3"],
    "provision_id": ["p1", "p1", "p2", "p1", "p1", "p2", "p2"],
    "scheme": ["theme", "theme", "theme", "theme", "theme", "theme", "stage"],
    "code": ["talent", "talent", "funds", "talent", "funds", "funds", "rd"],
    "evidence": ["人才", "引进", "基金", "人才", "基金", "资金", "研发"],
})


def test_code_shares_by_provisions_counts_each_provision_once():
    out = code_shares(CODES, PROVISIONS, DOCUMENTS, by="period", scheme="theme")
    got = {(g, c): (n, round(s, 6)) for g, c, n, s in out.itertuples(index=False)}
    # 2018: 4 provisions; talent on d1/p1 (coded twice, counted once) and d2/p1; funds on d1/p2
    assert got[("2018", "talent")] == (2, 0.5)
    assert got[("2018", "funds")] == (1, 0.25)
    # 2024-2025: 2 provisions, both funds, no talent (zero row kept)
    assert got[("2024-2025", "funds")] == (2, 1.0)
    assert got[("2024-2025", "talent")] == (0, 0.0)
    assert list(out.columns) == ["group", "code", "n", "share"]
    assert list(out["group"]) == sorted(out["group"])


def test_code_shares_by_chars():
    out = code_shares(CODES, PROVISIONS, DOCUMENTS, by="level", weight="chars")
    got = {(g, c): (n, round(s, 6)) for g, c, n, s in out.itertuples(index=False)}
    # city = d1 (4+2 chars) + d3 (8+2) = 16; talent: d1/p1 = 4; funds: d1/p2 2 + d3 10 = 12
    assert got[("city", "talent")] == (4, 0.25)
    assert got[("city", "funds")] == (12, 0.75)
    # district = d2 (6+4) = 10; talent on d2/p1 = 6
    assert got[("district", "talent")] == (6, 0.6)
    with pytest.raises(BioparseError):
        code_shares(CODES, PROVISIONS, DOCUMENTS, weight="words")


def test_keyness_matches_hand_computed_2x2():
    # target (2024-2025): x=10, y=90 (100 tokens); reference (2018): x=5, y=195 (200 tokens)
    # 2x2 for x: a=10 b=5 c=90 d=195, N=300; row sums 15, 285; column sums 100, 200
    # expected: Ea=15*100/300=5, Eb=15*200/300=10, Ec=285*100/300=95, Ed=285*200/300=190
    # G2 = 2*(10 ln(10/5) + 5 ln(5/10) + 90 ln(90/95) + 195 ln(195/190))
    #    = 2*(6.931472 - 3.465736 - 4.866050 + 5.065220) = 7.329812
    # p = erfc(sqrt(7.329812/2)) = 0.006782
    # log ratio = log2((10/100)/(5/200)) = log2(4) = 2 ; %DIFF = (0.10-0.025)/0.025*100 = 300
    terms = pd.DataFrame({"doc_id": ["d3", "d3", "d1", "d1", "d2"],
                          "provision_id": ["p1"] * 5,
                          "term": ["x", "y", "x", "y", "y"],
                          "count": [10, 90, 5, 100, 95]})
    out = keyness(terms, DOCUMENTS, target="2024-2025", min_count=1)
    assert list(out["term"]) == ["x", "y"]  # sorted by signed G2, descending
    x = out.iloc[0]
    assert (x.n_target, x.n_reference) == (10, 5)
    assert x.G2 == pytest.approx(7.329812, abs=1e-5)
    assert x.p == pytest.approx(0.006782, abs=1e-6)
    assert x.log_ratio == pytest.approx(2.0)
    assert x.pct_diff == pytest.approx(300.0)
    y = out.iloc[1]
    assert y.G2 == pytest.approx(-7.329812, abs=1e-5)  # same table, under-used in target
    assert y.log_ratio == pytest.approx(math.log2(0.9 / 0.975))
    # explicit reference and min_count filter
    ref = keyness(terms, DOCUMENTS, target="2024-2025", reference="2018", min_count=16)
    assert list(ref["term"]) == ["y"]


def test_keyness_zero_in_reference_and_bad_target():
    terms = pd.DataFrame({"doc_id": ["d3", "d1"], "provision_id": ["p1", "p1"],
                          "term": ["new", "old"], "count": [8, 8]})
    out = keyness(terms, DOCUMENTS, target="2024-2025", min_count=1).set_index("term")
    assert out.loc["new", "G2"] > 0 and math.isinf(out.loc["new", "pct_diff"])
    assert out.loc["new", "log_ratio"] == pytest.approx(math.log2(8 / 0.5))
    with pytest.raises(BioparseError):
        keyness(terms, DOCUMENTS, target="1999")


def test_chi2_sf_1df_known_values():
    assert chi2_sf_1df(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf_1df(0.0) == 1.0


def test_document_similarity_all_pairs_and_top_k():
    tokens = {"a": ["药品", "医保", "支付", "医保"], "b": ["药品", "医保", "支付"],
              "c": ["土地", "园区", "厂房"]}
    out = document_similarity(tokens)
    assert list(zip(out.doc_a, out.doc_b)) == [("a", "b"), ("a", "c"), ("b", "c")]
    cos = dict(zip(zip(out.doc_a, out.doc_b), out.cosine))
    assert cos[("a", "b")] > 0.9 and cos[("a", "c")] == 0 and cos[("b", "c")] == 0
    top = document_similarity(tokens, top_k=1)
    assert list(top.columns) == ["doc_a", "doc_b", "cosine", "rank"]
    assert dict(zip(top.doc_a, top.doc_b))["a"] == "b"
    assert len(top) == 3
    # same result from a terms table
    terms = pd.DataFrame([(d, "p", t, 1) for d, ts in tokens.items() for t in ts],
                         columns=["doc_id", "provision_id", "term", "count"])
    assert document_similarity(terms)["cosine"].round(9).tolist() == \
        out["cosine"].round(9).tolist()


def test_kwic_offsets_point_into_document_text():
    doc_text = "支持创新药。\n医保支付创新药品，创新药械入院。"
    provisions = pd.DataFrame({"doc_id": ["d", "d"], "provision_id": ["1", "2"],
                               "text": [doc_text[:7], doc_text[7:]], "start": [0, 7]})
    out = kwic(provisions, "创新药", window=3)
    assert len(out) == 3
    for row in out.itertuples():
        assert doc_text[row.start:row.end] == "创新药"
    assert out.iloc[1].left == "医保支付"[-3:] and out.iloc[1].right == "品，创"
    assert list(out["start"]) == sorted(out["start"])
    rx = kwic(provisions, r"创新药[品械]", regex=True)
    assert list(rx["keyword"]) == ["创新药品", "创新药械"]
