"""Tests for bioparse.pmc on small frames and a tiny definition set."""
import pandas as pd
import pytest

from bioparse.errors import BioparseError
from bioparse.pmc import grade, load_pmc_definitions, pmc_scores

DOCUMENTS = pd.DataFrame({
    "doc_id": ["b", "a"],
    "level": ["district", "city"],
    "period": ["2024-2025", "2018"],
    "plan_start": [None, 2018],
    "plan_end": [None, 2020],
})
PROVISIONS = pd.DataFrame({
    "doc_id": ["a", "a", "b"],
    "provision_id": ["1", "2", "1"],
    "text": ["加强药品监管，完善考核机制。", "到2020年，产值达到500亿元。", "鼓励企业研发创新药。"],
})
CODES = pd.DataFrame({"doc_id": ["a", "b"], "provision_id": ["1", "1"],
                      "scheme": ["instrument", "instrument"],
                      "code": ["environment_regulation", "supply_talent"],
                      "evidence": ["监管", "人才"]})
TARGETS = pd.DataFrame({"doc_id": ["a"], "provision_id": ["2"], "kind": ["output"]})
AGENCIES = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "provision_id": ["1", "1", "2", "1"],
                         "agency": ["市科委", "市科技局", "市药监局", "区科技局"],
                         "agency_canonical": ["市科技局", "市科技局", "市药监局", "区科技局"]})

SMALL = {"pmc": {"variables": [
    {"id": "X1", "name_zh": "性质", "secondaries": [
        {"id": "X1_1", "rule": {"any_text": ["监管"]}},
        {"id": "X1_2", "rule": {"n_targets_gte": 1}}]},
    {"id": "X2", "name_zh": "时效", "secondaries": [
        {"id": "X2_1", "rule": {"plan_years_gte": 3}},
        {"id": "X2_2", "rule": {"plan_years_lte": 2}},
        {"id": "X2_3", "rule": {"level_in": ["district"]}},
        {"id": "X2_4", "rule": {"not": {"n_agencies_gte": 2}}}]},
    {"id": "X3", "name_zh": "工具", "secondaries": [
        {"id": "X3_1", "rule": {"code_like": ["instrument", "supply"]}},
        {"id": "X3_2", "rule": {"all": [{"any_code": ["instrument", ["environment_regulation"]]},
                                        {"has_target_kind": "output"}]}}]},
]}}


def test_small_definitions_score_each_document():
    res = pmc_scores(DOCUMENTS, PROVISIONS, CODES, TARGETS, AGENCIES, definitions=SMALL)
    sec = res.secondary.set_index(["doc_id", "secondary"])["value"]
    # a: 监管 yes, 1 target; plan 2018-2020 = 3 years; city; 2 canonical agencies
    assert [sec[("a", s)] for s in ["X1_1", "X1_2", "X2_1", "X2_2", "X2_3", "X2_4"]] == [1, 1, 1, 0, 0, 0]
    # b: period 2024-2025 → 2 years; district; 1 agency
    assert [sec[("b", s)] for s in ["X1_1", "X1_2", "X2_1", "X2_2", "X2_3", "X2_4"]] == [0, 0, 0, 1, 1, 1]
    assert (sec[("a", "X3_1")], sec[("a", "X3_2")]) == (0, 1)
    assert (sec[("b", "X3_1")], sec[("b", "X3_2")]) == (1, 0)
    idx = res.index.set_index("doc_id")
    assert list(res.index["doc_id"]) == ["a", "b"]
    assert idx.loc["a", "X1"] == 1.0 and idx.loc["a", "X2"] == 0.25 and idx.loc["a", "X3"] == 0.5
    assert idx.loc["a", "pmc"] == pytest.approx(1.75)
    assert idx.loc["b", "pmc"] == pytest.approx(0 + 0.75 + 0.5)
    assert (idx["n_variables"] == 3).all()
    prim = res.primary.set_index(["doc_id", "variable"])["score"]
    assert prim[("b", "X2")] == 0.75


def test_grade_thresholds_scale_with_number_of_variables():
    assert grade(9.5, 10) == "perfect"
    assert grade(8.1, 9) == "perfect"
    assert grade(8.0, 9) == "excellent"
    assert grade(4.5, 9) == "acceptable"
    assert grade(4.4, 9) == "poor"
    assert grade(2.1, 3) == "excellent"


def test_packaged_definitions_load_and_score_nine_variables():
    defs = load_pmc_definitions()
    assert [v["id"] for v in defs["variables"]] == [f"X{i}" for i in range(1, 10)]
    res = pmc_scores(DOCUMENTS, PROVISIONS, CODES, TARGETS, AGENCIES)
    assert list(res.index.columns[1:10]) == [f"X{i}" for i in range(1, 10)]
    assert set(res.secondary["value"]) <= {0, 1}
    assert res.index["pmc"].between(0, 9).all()
    a = res.index.set_index("doc_id").loc["a"]
    assert a["X2"] == pytest.approx(1 / 3)  # medium term only
    # the codebook form (dict with a pmc: key) is read the same way
    same = pmc_scores(DOCUMENTS, PROVISIONS, CODES, TARGETS, AGENCIES,
                      definitions={"themes": [], "pmc": defs})
    pd.testing.assert_frame_equal(res.index, same.index)


def test_bad_definitions_raise():
    with pytest.raises(BioparseError):
        load_pmc_definitions({"pmc": {"variables": [
            {"id": "X1", "secondaries": [{"id": "s", "rule": {"no_such_rule": 1}}]}]}})
    with pytest.raises(BioparseError):
        load_pmc_definitions({"variables": "nope"})
    with pytest.raises(BioparseError):
        load_pmc_definitions({"pmc": {"variables": [
            {"id": "X1", "secondaries": [{"id": "s", "rule": {"any": [{"bad": 1}]}}]}]}})
