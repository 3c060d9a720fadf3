"""Tests for bioparse.findings: small hand-made tables, numbers checked by hand."""
import math

import pandas as pd
import pytest

from bioparse import findings as F


@pytest.fixture
def documents():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "title": ["某省生物医药产业发展三年行动计划（2018—2020年）", "某县生物医药实施方案", "某省支持创新药若干措施"],
        "region": ["某省", "某县", "某省"],
        "level": ["city", "district", "city"],
        "period": ["2018", "2018", "2024-2025"],
        "n_chars": [100, 50, 200],
    })


@pytest.fixture
def provisions():
    rows = [
        ("a", "0", "", "preamble", 0, "", "", 0, 10),
        ("a", "1", "", "part", 1, "一、", "总体要求", 10, 20),
        ("a", "1.1", "1", "section", 2, "（一）", "发展思路", 20, 40),
        ("a", "1.1.1", "1.1", "item", 3, "1.", "化学药", 40, 60),
        ("a", "1.1.2", "1.1", "item", 3, "2.", "中药", 60, 100),
        ("b", "1", "", "part", 1, "一、", "重点任务", 0, 50),
        ("c", "1", "", "part", 1, "一、", "加快审评审批", 0, 200),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "provision_id", "parent_id", "level", "depth",
                                       "label", "title", "start", "end"])


def test_doc_labels_drop_region_and_period(documents):
    labels = F.doc_labels(documents)
    assert labels["a"] == "某省 2018 · 生物医药产业发展三年行动…"
    assert labels["b"] == "某县 2018 · 生物医药实施方案"
    assert F.period_order(documents) == ["2018", "2024-2025"]


def test_corpus_table_counts_levels(documents, provisions):
    t = F.corpus_table(documents, provisions).set_index("doc_id")
    assert t.loc["a", "n_provisions"] == 5
    assert t.loc["a", "item"] == 2 and t.loc["b", "item"] == 0
    assert list(t.index) == ["a", "b", "c"]           # sorted by period, level
    assert list(F.level_counts(provisions).columns) == ["preamble", "part", "section", "item"]


def test_corpus_table_of_a_text_kept_whole_keeps_its_label(documents, provisions):
    # a document without headings is one provision of level "document", which is also the label column's name
    whole = pd.DataFrame([("c", "0", "", "document", 0, "", "", 0, 200)], columns=provisions.columns)
    t = F.corpus_table(documents, pd.concat([provisions[provisions["doc_id"] != "c"], whole])).set_index("doc_id")
    assert t.loc["c", "document"] == F.doc_labels(documents)["c"]
    assert t.loc["c", "document (level)"] == 1 and t.loc["a", "document (level)"] == 0


def test_tree_outline_summarizes_deep_levels(provisions):
    out = F.tree_outline(provisions, "a", max_depth=2).splitlines()
    assert out == ["[preamble, 10 chars]", "一、总体要求", "  （一）发展思路", "    (+2 item)"]
    assert "1.化学药" in F.tree_outline(provisions, "a", max_depth=3)


def test_period_contrast_and_sentence():
    shares = pd.DataFrame({"period": ["2018", "2018", "2024-2025"],
                           "code": ["review", "talent", "review"], "share": [0.1, 0.3, 0.25]})
    c = F.period_contrast(shares, "review")
    assert c["share_before"] == 0.1 and c["share_after"] == 0.25
    assert c["change"] == pytest.approx(0.15) and c["ratio"] == pytest.approx(2.5)
    t = F.period_contrast(shares, "talent")
    assert t["share_after"] == 0.0 and t["ratio"] == 0.0
    assert math.isnan(F.period_contrast(shares, "absent")["ratio"])
    assert F.finding_sentence("Review", c) == "Review: 10.0% in 2018 → 25.0% in 2024-2025 (+15.0 pp)."
    shifts = F.biggest_shifts(shares, n=1)
    assert list(shifts["code"]) == ["review", "talent"]


def test_target_kinds_and_funds(documents):
    targets = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c"], "provision_id": ["1", "1", "1", "1", "1"],
        "start": [1, 2, 3, 4, 5], "text": ["1500亿元", "30个", "10%", "60个工作日", "超百亿元"],
        "kind": ["output", "count", "share", "time_limit", "funding"],
        "value_norm": [1500, 30, 0.1, 60, 100], "unit_norm": ["亿元", "个", "share", "工作日", "亿元"],
    })
    tab = F.target_kind_table(targets, documents)
    assert tab.loc["2018"].sum() == 3 and tab.loc["2018", "other"] == 1
    shares = F.target_kind_shares(targets, documents)
    assert shares.loc["2024-2025", F.TARGET_GROUPS["time_limit"]] == 0.5
    assert shares.sum(axis=1).round(6).tolist() == [1.0, 1.0]
    funds = F.fund_sizes(targets, documents)
    assert funds["text"].tolist() == ["超百亿元"]       # 1500亿元 is output, not funding
    ex = F.target_examples(targets, documents, ["time_limit"])
    assert ex["text"].tolist() == ["60个工作日"]


def test_agency_tables(documents):
    agencies = pd.DataFrame({
        "doc_id": ["a", "a", "a", "c", "c"], "provision_id": ["1", "1", "2", "1", "1"],
        "agency": ["市科委", "市财政局", "市科委", "市科技局", "市医保局"],
        "agency_canonical": ["市科技局", "市财政局", "市科技局", "市科技局", "市医保局"],
    })
    tab = F.agency_period_table(agencies, documents)
    assert tab.loc["市科技局"].tolist() == [2, 1, 3]
    assert list(tab.index)[0] == "市科技局"
    turn = F.agency_turnover(tab)
    assert turn["only_first"] == ["市财政局"] and turn["only_last"] == ["市医保局"] and turn["both"] == ["市科技局"]
    ren = F.renamed_agencies(agencies, documents)
    assert ren.to_dict("records") == [{"agency": "市科委", "agency_canonical": "市科技局", "periods": "2018", "n": 2}]
    codes = pd.DataFrame({"doc_id": ["a", "c", "c"], "provision_id": ["1", "1", "1"],
                          "scheme": ["theme", "theme", "stage"], "code": ["talent", "insurance", "market"]})
    m = F.agency_theme_matrix(agencies, codes)
    assert m.loc["市科技局", "talent"] == 1 and m.loc["市医保局", "insurance"] == 1
    assert "market" not in m.columns


def test_reuse_summary_counts_union_of_spans(documents):
    reuse = pd.DataFrame({
        "doc_a": ["a", "a", "a"], "doc_b": ["b", "b", "c"],
        "a_start": [0, 5, 50], "a_end": [10, 20, 60], "b_start": [0, 30, 0], "b_end": [10, 45, 10],
        "a_text": ["x"] * 3, "b_text": ["x"] * 3, "similarity": [1.0, 0.8, 0.9], "n_chars": [10, 15, 10],
    })
    s = F.reuse_summary(reuse, documents)
    ab = s[(s.doc_a == "a") & (s.doc_b == "b")].iloc[0]
    assert ab["chars_a"] == 20 and ab["chars_b"] == 25       # overlap 5..10 counted once on a
    assert ab["share_b"] == pytest.approx(0.5)
    assert F.pick_pair(s, "2018", cross_level=True)["doc_b"] == "b"
    assert F.pick_pair(s, "2024-2025") is None
    ex = F.reuse_excerpts(reuse, "a", "b", n=1)
    assert ex["a_start"].tolist() == [5]


def test_pct_pp():
    assert F.pct(0.1234) == "12.3%" and F.pp(-0.05) == "-5.0 pp" and F.pct(float("nan")) == "n/a"


def test_share_table_focus_codes_and_groups(documents):
    shares = pd.DataFrame({"period": ["2018", "2018", "2024-2025", "2024-2025"],
                           "code": ["talent", "review_approval", "talent", "review_approval"],
                           "share": [0.5, 0.1, 0.2, 0.4]})
    w = F.share_table(shares)
    assert list(w.index) == ["review_approval", "talent"] and list(w.columns) == ["2018", "2024-2025"]
    assert F.focus_codes(shares, ["review", "talent", "missing"]) == ["review_approval", "talent"]
    g = F.with_group(documents, ["period", "level"])
    assert g["group"].tolist() == ["2018 city", "2018 district", "2024-2025 city"]
    undated = documents.assign(period=["", None, "2018"], level=["city", "", "city"])
    assert F.with_group(undated, ["period", "level"])["group"].tolist() == ["? city", "? ?", "2018 city"]
    assert F.code_label("no_such_code") == "no_such_code"
    assert F.code_label("supply") == "供给型 (Supply-side)" and F.code_label("supply", short=True) == "供给型"


def test_passage_contexts_spans_point_at_shared_text():
    texts = {"a": "前文" * 30 + "共享的段落" + "后文" * 30, "b": "共享的段落结尾"}
    ex = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "a_start": [60], "a_end": [65], "b_start": [0], "b_end": [5]})
    (c,) = F.passage_contexts(ex, texts, context=4)
    s, e = c["spans_a"][0]
    assert c["a_text"][s:e] == "共享的段落" and c["a_text"].startswith("…") and c["a_text"].endswith("…")
    s, e = c["spans_b"][0]
    assert c["b_text"][s:e] == "共享的段落" and not c["b_text"].startswith("…")


def test_top_keyness_splits_sides():
    key = pd.DataFrame({"term": ["审评", "医保", "产值", "园区", "的"], "g2": [9.0, 4.0, -7.0, -2.0, 0.0]})
    top = F.top_keyness(key, n=1)
    assert top["term"].tolist() == ["审评", "产值"] and top["keyness"].tolist() == [9.0, -7.0]


def test_goal_targets_drop_current_state_sections():
    provisions = pd.DataFrame({
        "doc_id": ["d"] * 4, "provision_id": ["1", "1.1", "1.2", "2"],
        "title": ["总体要求", "发展现状", "主要目标", "夯实产业基础"],
    })
    targets = pd.DataFrame({"doc_id": ["d"] * 3, "provision_id": ["1.1", "1.2", "2"], "text": ["12家", "20家", "5个"]})
    assert F.goal_targets(targets, provisions)["text"].tolist() == ["20家", "5个"]
    assert F.status_provisions(provisions) == {("d", "1.1")}


def test_distinctive_columns_and_agency_name_filter():
    m = pd.DataFrame({"ip": [10, 10], "review": [0, 6], "talent": [4, 0]}, index=["科技局", "药监局"])
    assert F.distinctive_columns(m).to_dict() == {"科技局": "talent", "药监局": "review"}
    terms = pd.DataFrame({"doc_id": ["a"] * 4, "provision_id": ["1"] * 4, "term": ["市科委", "审评", "市科技局", "科技局"], "count": [1, 2, 3, 4]})
    agencies = pd.DataFrame({"agency": ["市科委"], "agency_canonical": ["市科技局"]})
    assert F.without_agency_names(terms, agencies)["term"].tolist() == ["审评"]


def test_empty_tables_give_empty_results(documents):
    targets = pd.DataFrame(columns=["doc_id", "provision_id", "start", "text", "kind", "value_norm", "unit_norm"])
    shares = F.target_kind_shares(targets, documents)
    assert shares.shape[0] == 2 and (shares.to_numpy() == 0).all()
    assert F.fund_sizes(targets, documents).empty
    reuse = pd.DataFrame(columns=["doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end", "similarity", "n_chars"])
    assert F.pick_pair(F.reuse_summary(reuse, documents), "2018") is None
    agencies = pd.DataFrame(columns=["doc_id", "provision_id", "agency", "agency_canonical"])
    assert F.agency_period_table(agencies, documents).empty
    assert F.renamed_agencies(agencies, documents).empty


def test_source_note_names_tables_documents_and_periods(documents):
    from bioparse import __version__

    note = F.source_note(documents, ["codes", "provisions"])
    first, second = note.split("\n")
    assert first == f"数据来源 (Source): bioparse {__version__}, tables codes + provisions in data/processed/"
    assert second == "3 policy documents (某省 2, 某县 1); periods 2018, 2024-2025"
    one = F.source_note(documents.iloc[:1], "documents", processed="my/out/")
    assert one.endswith("table documents in my/out/\n1 policy document (某省 1); period 2018")


def test_source_note_of_a_large_corpus_stays_short():
    many = pd.DataFrame({"region": [f"第{i % 40}市" for i in range(400)], "period": [str(2000 + i % 20) for i in range(400)]})
    second = F.source_note(many, "documents").split("\n")[1]
    assert second.startswith("400 policy documents (第0市 10, 第10市 10, ")
    assert second.endswith(", 34 more regions 340); periods 2000 to 2019 (20 periods)")
    assert len(second) < 140


def test_target_group_labels_are_bilingual():
    assert F.target_group_label(F.TARGET_GROUPS["time_limit"]) == (
        "流程时限：审评、启动 (process time: review, start-up limits)")
    assert F.target_group_label("other") == "其他 (other)"
    assert F.target_group_label("unknown") == "unknown"
    assert set(F.TARGET_GROUPS_ZH) == set(F.TARGET_GROUPS)


def test_without_place_names_drops_regions_with_and_without_suffix():
    terms = pd.DataFrame({"doc_id": ["a"] * 5, "provision_id": ["1"] * 5,
                          "term": ["蓟州", "蓟州区", "滨海", "中药", "天津"], "count": [1] * 5})
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "region": ["蓟州区", "滨海新区", "天津市"]})
    assert F.without_place_names(terms, docs)["term"].tolist() == ["中药"]
    assert F.without_place_names(terms, docs.assign(region=None))["term"].tolist() == terms["term"].tolist()


def test_pmc_figure_scores_are_per_document_up_to_most_then_per_period():
    primary = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "c"], "variable": ["X1", "X2"] * 3,
                            "name_zh": ["政策性质", "政策时效"] * 3, "score": [1.0, 0.5, 0.0, 0.5, 0.6, 0.2]})
    index = pd.DataFrame({"doc_id": ["a", "b", "c"], "period": ["2018", "2018", ""]})
    labels = {"a": "甲", "b": "乙", "c": "丙"}
    each = F.pmc_figure_scores(primary, index, labels, most=3)
    assert list(each["row"]) == ["丙", "丙", "甲", "甲", "乙", "乙"]  # in period order, the period-less first
    assert list(each["variable"][2:4]) == ["X1 政策性质", "X2 政策时效"]
    means = F.pmc_figure_scores(primary, index, labels, most=2)
    assert list(means["row"]) == ["无时期 (no period) · mean of 1 document"] * 2 + ["2018 · mean of 2 documents"] * 2
    assert list(means["score"]) == [0.6, 0.2, 0.5, 0.5]
