"""Tests for bioparse.validation (hand vs automatic codes, Cohen's kappa) and the hand-coded sample."""
import math
from pathlib import Path

import pandas as pd
import pytest

from bioparse.codebook import load_codebook
from bioparse.validation import (ValidationError, check_hand_codes, disagreements, kappa_table,
                                 main, split_codes)

ROOT = Path(__file__).resolve().parents[1]


def _code(cid, parent=None):
    c = {"id": cid, "label_zh": cid, "label_en": cid, "definition": cid, "include": [cid],
         "exclude": [], "example": cid}
    if parent:
        c["parent"] = parent
    return c


BOOK = {"schemes": {
    "theme": [_code("a"), _code("b")],
    "instrument": [_code("supply.x", "supply"), _code("supply.z", "supply"), _code("demand.y", "demand")],
    "stage": [_code("s1")],
}}

HAND = pd.DataFrame([
    ("d", "1", "theme", "a"), ("d", "2", "theme", "a;b"), ("d", "3", "theme", ""), ("d", "4", "theme", "b"),
    ("d", "1", "instrument", "supply.x"), ("d", "2", "instrument", "demand.y;supply.z"),
    ("d", "1", "stage", ""), ("d", "2", "stage", ""),
], columns=["doc_id", "provision_id", "scheme", "codes"])

AUTO = pd.DataFrame([
    ("d", "1", "theme", "a"), ("d", "2", "theme", "a"), ("d", "3", "theme", "b"), ("d", "4", "theme", "b"),
    ("d", "1", "instrument", "supply.x"), ("d", "2", "instrument", "supply.x"),
    ("d", "9", "theme", "a"),  # not hand-coded: ignored
], columns=["doc_id", "provision_id", "scheme", "code"])


def _get(table, scheme, level, code):
    row = table[(table.scheme == scheme) & (table.level == level) & (table.code == code)]
    assert len(row) == 1
    return row.iloc[0]


def test_kappa_pooled_theme_known_value():
    # theme decisions (a: 1100 vs 1100, b: 0101 vs 0011): p_o = 6/8, p_e = .5 -> kappa = 0.5
    t = kappa_table(HAND, AUTO, BOOK)
    row = _get(t, "theme", "code", "ALL")
    assert row.n == 8 and row.hand_pos == 4 and row.auto_pos == 4 and row.both_pos == 3
    assert row.agreement == pytest.approx(75.0)
    assert row.kappa == pytest.approx(0.5)
    assert _get(t, "theme", "code", "a").kappa == pytest.approx(1.0)
    assert _get(t, "theme", "code", "b").kappa == pytest.approx(0.0)


def test_kappa_instrument_codes_and_parents():
    # codes: h=100101 a=110000 -> p_o=.5, p_e=.5 -> 0; parents: h=1101 a=1100 -> p_o=.75, p_e=.5 -> .5
    t = kappa_table(HAND, AUTO, BOOK)
    assert _get(t, "instrument", "code", "ALL").kappa == pytest.approx(0.0)
    parent = _get(t, "instrument", "parent", "ALL")
    assert parent.n == 4 and parent.kappa == pytest.approx(0.5)
    assert set(t[(t.scheme == "instrument") & (t.level == "parent")].code) == {"ALL", "supply", "demand"}
    assert not ((t.scheme == "theme") & (t.level == "parent")).any()


def test_kappa_undefined_when_both_raters_never_code():
    t = kappa_table(HAND, AUTO, BOOK)
    row = _get(t, "stage", "code", "s1")
    assert row.agreement == 100.0 and math.isnan(row.kappa)


def test_disagreements_lists_one_sided_codes():
    d = disagreements(HAND, AUTO)
    top = d.iloc[0]
    assert (top.provision_id, top.scheme) == ("2", "instrument")
    assert top.hand_only == "demand.y;supply.z" and top.auto_only == "supply.x" and top.n_diff == 3


def test_unknown_code_is_rejected():
    bad = HAND.copy()
    bad.loc[0, "codes"] = "a;nonsense"
    with pytest.raises(ValidationError, match="nonsense"):
        check_hand_codes(bad, BOOK, "x.csv")


def test_split_codes_handles_empty_cells():
    assert split_codes(float("nan")) == set() and split_codes("") == set()
    assert split_codes(" b;a ;") == {"a", "b"}


def test_main_prints_table(tmp_path, capsys):
    book = load_codebook()
    hand = pd.DataFrame([("d", "1", "theme", "tcm"), ("d", "2", "theme", ""),
                         ("d", "1", "stage", "rd")], columns=["doc_id", "provision_id", "scheme", "codes"])
    hand.to_csv(tmp_path / "hand.csv", index=False)
    pd.DataFrame([("d", "1", "theme", "tcm", "中药", 1)],
                 columns=["doc_id", "provision_id", "scheme", "code", "evidence", "n_hits"]
                 ).to_csv(tmp_path / "codes.csv", index=False)
    assert main(["--validation", str(tmp_path / "hand.csv"), "--processed", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "theme" in out and "kappa" in out


def test_main_without_codes_table_raises(tmp_path):
    (tmp_path / "hand.csv").write_text("doc_id,provision_id,scheme,codes\nd,1,theme,tcm\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="bioparse build"):
        main(["--validation", str(tmp_path / "hand.csv"), "--processed", str(tmp_path)])


def test_hand_codes_sample_covers_documents_with_valid_ids():
    path = ROOT / "data" / "validation" / "hand_codes.csv"
    if not path.exists():
        pytest.skip("data/validation/hand_codes.csv not present")
    hand = pd.read_csv(path, dtype=str, keep_default_na=False)
    check_hand_codes(hand, load_codebook(), path)
    provisions = hand[["doc_id", "provision_id"]].drop_duplicates()
    assert len(provisions) >= 80
    assert hand["doc_id"].nunique() >= 5
    # every sampled provision is coded in all three schemes, once each
    per = hand.groupby(["doc_id", "provision_id"])["scheme"].apply(sorted)
    assert all(s == ["instrument", "stage", "theme"] for s in per)
