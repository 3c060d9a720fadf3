"""Tests for bioparse.agencies: responsibility clauses, splitting, traps and the crosswalk."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bioparse import agencies
from bioparse.agencies import (
    CrosswalkError,
    canonical_agency,
    context_prefix_for,
    document_place,
    find_agency_clauses,
    load_crosswalk,
    parse_clause,
)


def names(clause):
    return [a["agency"] for a in clause["agencies"]]


def check_offsets(text, clauses):
    for c in clauses:
        assert 0 <= c["start"] < c["end"] <= len(text)
        for i, a in enumerate(c["agencies"]):
            assert text[a["start"]:a["end"]] == a["agency"]
            assert c["start"] <= a["start"] and a["end"] <= c["end"]
            assert a["position"] == i


@pytest.mark.parametrize("o,c", [("（", "）"), ("(", ")"), ("（", ")"), ("(", "）")])
def test_duty_suffix_any_paren_width(o, c):
    text = f"（一）加强研发。支持企业开展攻关。{o}市科技局、市财政局按职责分工负责{c}\n下一段。"
    cl = find_agency_clauses(text)
    assert len(cl) == 1
    assert cl[0]["style"] == "按职责分工负责"
    assert names(cl[0]) == ["市科技局", "市财政局"]
    assert text[cl[0]["start"]:cl[0]["end"]] == f"{o}市科技局、市财政局按职责分工负责{c}"
    assert {a["role"] for a in cl[0]["agencies"]} == {"responsible"}
    check_offsets(text, cl)


@pytest.mark.parametrize("marker", ["责任单位", "责任部门"])
def test_marker_prefix(marker):
    text = f"1.建设平台。推动共享。（{marker}：区科技局、区财政局、各相关开发区）\n"
    cl = find_agency_clauses(text)
    assert [c["style"] for c in cl] == [marker]
    assert names(cl[0]) == ["区科技局", "区财政局", "各相关开发区"]
    check_offsets(text, cl)


def test_marker_with_trailing_duty_suffix_keeps_marker_style():
    text = "推动共享。（责任单位：区科技局、区人社局按职责分工负责）\n"
    cl = find_agency_clauses(text)
    assert cl[0]["style"] == "责任单位"
    assert names(cl[0]) == ["区科技局", "区人社局"]


def test_lead_and_support_units():
    text = "建设中心。（牵头单位：市科技局；配合单位：市财政局、市教委）\n"
    cl = find_agency_clauses(text)
    assert cl[0]["style"] == "牵头单位"
    assert [(a["agency"], a["role"]) for a in cl[0]["agencies"]] == [
        ("市科技局", "lead"), ("市财政局", "support"), ("市教委", "support")]
    check_offsets(text, cl)


def test_lead_support_inline_form():
    text = "建设中心。（市科技局牵头，市财政局、市教委配合）\n"
    cl = find_agency_clauses(text)
    assert cl[0]["style"] == "牵头配合"
    assert [(a["agency"], a["role"]) for a in cl[0]["agencies"]] == [
        ("市科技局", "lead"), ("市财政局", "support"), ("市教委", "support")]
    check_offsets(text, cl)


def test_plain_fu_ze_suffix():
    text = "完善机制。（市医保局、市卫生健康委负责）\n"
    cl = find_agency_clauses(text)
    assert cl[0]["style"] == "负责"
    assert names(cl[0]) == ["市医保局", "市卫生健康委"]


def test_split_on_comma_and_drop_deng():
    text = "加强管理。（市发展改革委、市科委,市安全监管局，各相关区人民政府等按职责分工负责）\n"
    cl = find_agency_clauses(text)
    assert names(cl[0]) == ["市发展改革委", "市科委", "市安全监管局", "各相关区人民政府"]
    check_offsets(text, cl)


def test_duplicates_and_short_forms_kept_as_written():
    text = "简化审批。（区审批局、发展改革委、审批局、京津州河科技产业园按职责分工负责）。\n"
    cl = find_agency_clauses(text)
    assert names(cl[0]) == ["区审批局", "发展改革委", "审批局", "京津州河科技产业园"]


def test_clause_as_its_own_paragraph():
    text = "（一）加强引领。发挥平台作用。\n（市科技局、市教委按职责分工负责）\n（二）下一条。"
    cl = find_agency_clauses(text)
    assert len(cl) == 1 and names(cl[0]) == ["市科技局", "市教委"]


def test_unparenthesized_marker_line():
    text = "一是加强研发，支持企业攻关。\n责任单位：市科技局、市财政局。\n二是完善服务。"
    cl = find_agency_clauses(text)
    assert len(cl) == 1
    assert cl[0]["style"] == "责任单位"
    assert names(cl[0]) == ["市科技局", "市财政局"]
    check_offsets(text, cl)


def test_unparenthesized_marker_at_paragraph_end():
    text = "第三条 支持企业攻关。责任单位：省科技厅、省财政厅\n第四条 完善服务。"
    cl = find_agency_clauses(text)
    assert names(cl[0]) == ["省科技厅", "省财政厅"]


def test_unparenthesized_duty_sentence_at_paragraph_end():
    text = "支持企业攻关。省科技厅、省财政厅按职责分工负责。\n下一段。"
    cl = find_agency_clauses(text)
    assert len(cl) == 1 and names(cl[0]) == ["省科技厅", "省财政厅"]
    check_offsets(text, cl)


def test_bare_list_accepted_only_at_paragraph_end():
    end = "支持企业攻关。（市科技局、市财政局）\n"
    assert names(find_agency_clauses(end)[0]) == ["市科技局", "市财政局"]
    mid = "由市科技局（市外专局）统筹推进相关工作。\n"
    assert find_agency_clauses(mid) == []


@pytest.mark.parametrize("text", [
    "2.发展医用食品。研发特殊医学用途配方食品（特医食品）。\n",
    "发展合同生产组织（CMO）和合同研发生产组织（CDMO）。\n",
    "推进按病种分值（DRG/DIP）付费改革。\n",
    "建立创新产品指导应用目录（以下简称应用目录）并持续更新。\n",
    "给予奖励（每个企业累计年度最高支持1000万元）。\n",
    "依托血液病医院（中国医学科学院血液学研究所）开展研究。\n",
    "（十六） 加快推动产业化进程。支持企业(研发机构)发展。\n",
])
def test_traps_are_not_agencies(text):
    assert find_agency_clauses(text) == []


def test_plain_prose_has_no_clause():
    text = ("建立由分管副市长牵头的协调推进机制，统筹协调各职能部门，协调配合。\n"
            "企业对产品质量负责。鼓励医疗机构作为牵头单位开展临床试验。\n")
    assert find_agency_clauses(text) == []


def test_clauses_sorted_with_offsets():
    text = ("（一）甲。做事。（市科技局按职责分工负责）\n"
            "（二）乙。做事。(市教委、市财政局按职责分工负责)\n")
    cl = find_agency_clauses(text)
    assert [names(c) for c in cl] == [["市科技局"], ["市教委", "市财政局"]]
    assert cl[0]["start"] < cl[1]["start"]
    check_offsets(text, cl)


# ---------------------------------------------------------------- crosswalk

def test_packaged_crosswalk_maps_2018_names():
    cw = load_crosswalk()
    assert canonical_agency("市科委", cw) == "市科技局"
    assert canonical_agency("市卫生计生委", cw) == "市卫生健康委"
    assert canonical_agency("市工业和信息化委", cw) == "市工业和信息化局"
    assert canonical_agency("市人力社保局", cw) == "市人社局"
    assert canonical_agency("市金融局", cw) == "市地方金融管理局"
    assert canonical_agency("市安全监管局", cw) == "市应急管理局"
    assert canonical_agency("市外专局", cw) == "市科技局"
    assert canonical_agency("天津海关", cw) == "天津海关"
    assert canonical_agency("某某协会", cw) == "某某协会"


def test_crosswalk_rows_apply_to_the_documents_of_their_place():
    # The packaged renames are Tianjin's: Shanghai's 市科委 kept its name in 2018.
    assert canonical_agency("市科委", load_crosswalk(place="天津")) == "市科技局"
    assert canonical_agency("市科委", load_crosswalk(place="上海")) == "市科委"
    assert canonical_agency("市科委", load_crosswalk(place="")) == "市科委"


def test_crosswalk_rows_without_a_place_apply_everywhere(tmp_path):
    p = tmp_path / "cw.csv"
    p.write_text("alias,canonical,place,note\n市卫计委,市卫生健康委,,national\n市科委,市科技局,天津,\n", encoding="utf-8")
    assert load_crosswalk(p, place="上海") == {"市卫计委": "市卫生健康委"}
    assert load_crosswalk(p, place="天津") == {"市卫计委": "市卫生健康委", "市科委": "市科技局"}


def test_document_place_from_metadata_then_from_the_text():
    assert document_place({"region": "滨海新区", "issuer": "天津市滨海新区人民政府"}) == "天津"
    assert document_place({"title": "上海市促进生物医药产业发展若干措施"}) == "上海"
    assert document_place({"region": "", "title": "若干措施"}, "天津市……北京……推动天津生物医药") == "天津"
    assert document_place({}, "支持北京建设") == ""  # named once: not enough to place the document
    assert document_place({}) == ""


def test_district_prefix_carry_over():
    cw = load_crosswalk()
    first = ["区工信委", "发展改革委", "科委", "京津州河科技产业园"]
    prefix = context_prefix_for(first)
    assert prefix == "区"
    got = [canonical_agency(n, cw, prefix) for n in first]
    assert got == ["区工业和信息化局", "区发展改革委", "区科技局", "京津州河科技产业园"]
    assert canonical_agency("市工业和信息化局", cw, "区") == "市工业和信息化局"
    assert canonical_agency("各相关开发区", cw, "区") == "相关开发区"  # one spelling of a collective, no 区 carried
    # a name that starts with its own province or municipality keeps it: no 区 is carried to it
    assert canonical_agency("天津海事局", cw, "区") == "天津海事局"
    assert canonical_agency("上海海事局", cw, "区") == "上海海事局"
    assert canonical_agency("广东药监局", cw, "县") == "广东药监局"


def test_custom_crosswalk_file(tmp_path):
    p = tmp_path / "cw.csv"
    p.write_text("alias,canonical,note\n省科委,省科技厅,test\n", encoding="utf-8")
    cw = load_crosswalk(p)
    assert cw == {"省科委": "省科技厅"}
    bad = tmp_path / "bad.csv"
    bad.write_text("name,target\nA,B\n", encoding="utf-8")
    with pytest.raises(CrosswalkError, match="bad.csv"):
        load_crosswalk(bad)
    with pytest.raises(CrosswalkError):
        load_crosswalk(tmp_path / "missing.csv")


# ---------------------------------------------------------------- seeds vs gold

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_seed_agencies_match_gold():
    gold_dir, seed_dir = SHARED / "gold", SHARED / "seeds"
    if not gold_dir.is_dir() or not seed_dir.is_dir():
        pytest.skip("../shared/gold not present")
    from collections import Counter
    tp = fp = fn = 0
    for seed in sorted(seed_dir.glob("0*.txt")):
        gold_file = gold_dir / (seed.stem + ".json")
        if not gold_file.exists():
            continue
        text = seed.read_text("utf-8-sig").replace("\r\n", "\n")
        # stand-in for the normalizer's page-break join inside a parenthesis
        text = re.sub(r"([（(][^（()）\n]*)\n\n([^（()）\n]*[）)])", r"\1\2", text)
        pred = Counter(a["agency"] for c in find_agency_clauses(text) for a in c["agencies"])
        g = json.loads(gold_file.read_text("utf-8"))
        gold = Counter()
        for m in g["measures"]:
            if m.get("agencies_source") != "items":
                gold.update(m["agencies"])
        for it in g.get("items", []):
            gold.update(it["agencies"])
        tp += sum((pred & gold).values())
        fp += sum((pred - gold).values())
        fn += sum((gold - pred).values())
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.97


def test_nested_parenthesis_inside_clause():
    text = "保障用地。（责任单位：市规划资源局（滨海新区分局）、区财政局）\n"
    cl = find_agency_clauses(text)
    assert names(cl[0]) == ["市规划资源局（滨海新区分局）", "区财政局"]
    check_offsets(text, cl)


def test_lead_then_duty_suffix():
    text = "推进项目。（市发展改革委牵头，市财政局、各区按职责分工负责）\n"
    cl = find_agency_clauses(text)
    assert cl[0]["style"] == "牵头配合"
    assert [(a["agency"], a["role"]) for a in cl[0]["agencies"]] == [
        ("市发展改革委", "lead"), ("市财政局", "support"), ("各区", "support")]


def test_marker_clause_stops_at_non_agency_segment():
    text = "推进项目。（责任单位：市科技局、市财政局；完成时限：2025年底前）\n"
    cl = find_agency_clauses(text)
    assert names(cl[0]) == ["市科技局", "市财政局"]


def test_marker_with_lead_support_words_inside():
    text = "推进项目。（责任单位：省科技厅牵头，省财政厅、省教育厅配合）\n"
    cl = find_agency_clauses(text)
    assert cl[0]["style"] == "责任单位"
    assert [(a["agency"], a["role"]) for a in cl[0]["agencies"]] == [
        ("省科技厅", "lead"), ("省财政厅", "support"), ("省教育厅", "support")]
    check_offsets(text, cl)


@pytest.mark.parametrize("words", ["牵头负责", "牵头"])
def test_lead_only(words):
    cl = find_agency_clauses(f"推进项目。（省科技厅{words}）\n")
    assert cl[0]["style"] == "牵头"
    assert [(a["agency"], a["role"]) for a in cl[0]["agencies"]] == [("省科技厅", "lead")]


def test_carry_over_from_first_name_and_self_qualified_names():
    cw = load_crosswalk()
    assert canonical_agency("环保局", cw, "区招商局") == "区生态环境局"
    assert canonical_agency("国土分局", cw, "区招商局") == "区国土分局"
    # a name that already names its own place is left alone
    assert canonical_agency("自贸区创新发展局", cw, "区卫生健康委") == "自贸区创新发展局"
    assert canonical_agency("发展改革委", cw, None) == "发展改革委"


def test_market_regulation_is_not_read_as_a_city_level_name():
    """市场监管局 starts with 市场 (market), not the level word 市: it takes the clause's 区 prefix."""
    cw = load_crosswalk()
    assert canonical_agency("市场监管局", cw, "区发展改革委") == "区市场监管局"
    assert canonical_agency("市场监管局", cw, "市科技局") == "市市场监管局"
    assert canonical_agency("市科技局", cw, "区发展改革委") == canonical_agency("市科技局", cw)


def _clause_names(text):
    clauses = find_agency_clauses(text)
    check_offsets(text, clauses)
    return [[(a["agency"], a["role"]) for a in c["agencies"]] for c in clauses]


@pytest.mark.parametrize("sep", ["，", "、", "  ", "；"])
def test_second_marker_after_any_separator_starts_a_segment(sep):
    """牵头单位：A，配合单位：B — the support marker is not read as part of A's list."""
    text = f"加快新药研发。（牵头单位：市科技局{sep}配合单位：市财政局、市卫健委）\n"
    assert _clause_names(text) == [[("市科技局", "lead"), ("市财政局", "support"), ("市卫健委", "support")]]


def test_divisions_of_a_department_as_markers():
    text = "优化审评流程。（责任处室：药品注册处、药品生产处；配合处室：综合处）\n"
    assert _clause_names(text) == [[("药品注册处", "responsible"), ("药品生产处", "responsible"),
                                    ("综合处", "support")]]


def test_you_before_the_first_name_is_not_part_of_it():
    assert _clause_names("加快新药研发。由市科技局、市财政局负责。\n") == [
        [("市科技局", "responsible"), ("市财政局", "responsible")]]
    assert _clause_names("加快新药研发。（由省药监局牵头，省卫生健康委配合）\n") == [
        [("省药监局", "lead"), ("省卫生健康委", "support")]]


def test_separators_inside_brackets_do_not_split_a_name():
    text = "推进项目落地。（责任单位：省发展改革委，各市、县（市、区）人民政府）\n"
    assert _clause_names(text) == [[("省发展改革委", "responsible"),
                                    ("各市、县（市、区）人民政府", "responsible")]]
    # a bare level word shares the government after it; a list of bodies is left as it is
    assert _clause_names("推进项目落地。（各市、县人民政府负责）\n") == [[("各市、县人民政府", "responsible")]]
    assert _clause_names("推进项目落地。（责任单位：各区、各有关部门）\n") == [
        [("各区", "responsible"), ("各有关部门", "responsible")]]


@pytest.mark.parametrize("note", ["下同", "2025年底前完成"])
def test_note_after_the_names_is_not_an_agency(note):
    text = f"推进项目落地。（责任单位：市科技局、市财政局，{note}）\n"
    assert _clause_names(text) == [[("市科技局", "responsible"), ("市财政局", "responsible")]]


@pytest.mark.parametrize("o,c", [("【", "】"), ("〔", "〕")])
def test_marker_clause_in_square_brackets(o, c):
    text = f"推进项目落地。{o}牵头单位：市科技局；配合单位：市财政局{c}\n下一段。"
    assert _clause_names(text) == [[("市科技局", "lead"), ("市财政局", "support")]]


@pytest.mark.parametrize("inner", ["市科技局牵头，各区政府落实", "市科技局负责，各区政府配合",
                                   "市科技局牵头负责，各区政府等部门配合", "市科技局会同各区政府负责",
                                   "市科技局会同各区政府等部门组织实施"])
def test_lead_and_support_in_other_words(inner):
    text = f"推进项目落地。（{inner}）\n"
    assert _clause_names(text) == [[("市科技局", "lead"), ("各区政府", "support")]]


@pytest.mark.parametrize("suffix", ["按职责分工落实", "按职能分工负责", "等按职能分工负责", "分别负责", "落实"])
def test_other_duty_suffixes(suffix):
    text = f"推进项目落地。（市科技局、市财政局{suffix}）\n"
    assert _clause_names(text) == [[("市科技局", "responsible"), ("市财政局", "responsible")]]


def test_prose_ending_in_a_role_word_is_no_clause():
    assert _clause_names("推进项目落地（抓好落实）等工作。\n加强宣传（做好协助）。\n") == []


def test_marker_clause_after_a_space_without_a_full_stop():
    """PDF and web text often drop the 。 or the brackets: 加快研发 责任单位：…"""
    assert _clause_names("加快新药研发 责任单位：市科技局、市财政局\n") == [
        [("市科技局", "responsible"), ("市财政局", "responsible")]]
    assert _clause_names("加快新药研发责任单位：市科技局\n") == []  # glued to prose: not a clause start


@pytest.mark.parametrize("inner,expected", [
    ("省科技厅牵头，各市配合", [("省科技厅", "lead"), ("各市", "support")]),
    ("市科技局、市财政局，各区县（自治县）", [("市科技局", "responsible"), ("市财政局", "responsible"),
                                        ("各区县（自治县）", "responsible")]),
    ("省科技厅、省教育厅、各高校负责", [("省科技厅", "responsible"), ("省教育厅", "responsible"), ("各高校", "responsible")]),
    ("省教育厅，有关高校、科研院所", [("省教育厅", "responsible"), ("有关高校", "responsible"), ("科研院所", "responsible")]),
])
def test_collective_bodies_beside_departments(inner, expected):
    """各市, 各区县（自治县）, 各高校, 科研院所 name bodies too; the clause is not dropped for them."""
    assert _clause_names(f"推进项目落地。（{inner}）\n") == [expected]


@pytest.mark.parametrize("suffix", ["依职责分工负责", "根据职责分工负责", "按照各自职责分工负责", "按职能职责分工负责",
                                    "按各自职责负责", "按职责分工抓好落实", "按职责分工负责，下同"])
def test_more_duty_suffixes_and_closing_notes(suffix):
    text = f"推进项目落地。（市科技局、市财政局{suffix}）\n"
    assert _clause_names(text) == [[("市科技局", "responsible"), ("市财政局", "responsible")]]


def test_jiangsu_closing_note_keeps_the_last_name():
    text = ("推进项目落地。（责任单位：省科技厅、省发展改革委，各设区市人民政府。"
            "以下均需各设区市人民政府落实，不再列出）\n")
    assert _clause_names(text) == [[("省科技厅", "responsible"), ("省发展改革委", "responsible"),
                                    ("各设区市人民政府", "responsible")]]


@pytest.mark.parametrize("note", ["（含国家重点实验室、国家工程研究中心）", "（不含分支机构）", "（以下简称领导小组）",
                                  "（包括市级研发机构）"])
def test_scope_notes_in_brackets_are_not_agencies(note):
    assert _clause_names(f"对新认定的平台给予奖励{note}。\n") == []


def test_names_set_apart_by_spaces():
    assert _clause_names("推进项目落地。（责任单位：省科技厅 省财政厅 省卫生健康委）\n") == [
        [("省科技厅", "responsible"), ("省财政厅", "responsible"), ("省卫生健康委", "responsible")]]


@pytest.mark.parametrize("text,expected", [
    ("加快新药研发。由各市州人民政府负责落实。\n", [("各市州人民政府", "responsible")]),
    ("加快新药研发。\n省药监局、省卫健委按职责分工落实。\n", [("省药监局", "responsible"), ("省卫健委", "responsible")]),
    ("加快新药研发。（省药监局牵头，各市州人民政府负责落实）\n", [("省药监局", "lead"), ("各市州人民政府", "support")]),
])
def test_clauses_ending_in_luoshi(text, expected):
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("names", ["各州、市人民政府", "各市、州、县人民政府", "各市、县、自治县人民政府"])
def test_level_words_share_one_government(names):
    assert _clause_names(f"推进项目落地。（责任单位：省科技厅、{names}）\n") == [
        [("省科技厅", "responsible"), (names, "responsible")]]


@pytest.mark.parametrize("text,expected", [
    ("推进。（国家卫生健康委，各省、自治区、直辖市人民政府和新疆生产建设兵团按职责分工负责）\n",
     [("国家卫生健康委", "responsible"), ("各省、自治区、直辖市人民政府", "responsible"),
      ("新疆生产建设兵团", "responsible")]),
    ("推进。（工业和信息化部，各省、自治区、直辖市及计划单列市工业和信息化主管部门按职责分工负责）\n",
     [("工业和信息化部", "responsible"), ("各省、自治区、直辖市及计划单列市工业和信息化主管部门", "responsible")]),
    ("推进。（国家药监局、各省、自治区、直辖市药品监督管理部门按职责分工负责）\n",
     [("国家药监局", "responsible"), ("各省、自治区、直辖市药品监督管理部门", "responsible")]),
    ("推进。（省药监局、各市、县市场监管部门按职责分工负责）\n",
     [("省药监局", "responsible"), ("各市、县市场监管部门", "responsible")]),
])
def test_province_kinds_share_one_body(text, expected):
    """各省、自治区、直辖市 (as 各市、县) lists the levels of one body, a 人民政府 or a 部门, and 新疆生产建设兵团
    after 和 is a body of its own: they were read as 各省 / 自治区 / 直辖市人民政府和新疆生产建设兵团."""
    assert _clause_names(text) == [expected]


def test_marker_labels_in_brackets_without_a_colon():
    text = "推进项目落地。【牵头单位】省科技厅 【配合单位】省财政厅、省卫健委\n"
    assert _clause_names(text) == [[("省科技厅", "lead")], [("省财政厅", "support"), ("省卫健委", "support")]]


@pytest.mark.parametrize("inner", ["责任单位：省科技厅、省财政厅，列第一位者为牵头单位，下同",
                                   "责任单位：省科技厅、省财政厅。排在第一位的为牵头单位",
                                   "责任单位：省发展改革委（牵头）、省财政厅"])
def test_the_first_listed_or_marked_body_leads(inner):
    names = _clause_names(f"推进项目落地。（{inner}）\n")[0]
    assert names[0][1] == "lead" and names[1] == ("省财政厅", "responsible")
    assert names[0][0] in ("省科技厅", "省发展改革委")


@pytest.mark.parametrize("note", ["（排在第一位的为牵头单位，下同）", "（列第一位的为牵头单位）"])
def test_a_bracketed_note_after_the_first_name_is_no_part_of_it(note):
    """The note may follow the first name, the list running on after it: the names on both sides stay whole."""
    text = f"推进项目落地。（责任单位：省卫生健康委{note}、省科技厅，各市州人民政府）\n"
    assert _clause_names(text) == [[("省卫生健康委", "lead"), ("省科技厅", "responsible"),
                                    ("各市州人民政府", "responsible")]]


@pytest.mark.parametrize("duty", ["按分工负责", "等按分工负责", "按照分工抓好落实"])
def test_a_duty_suffix_without_zhize_is_no_part_of_the_last_name(duty):
    """按分工负责 (安徽's form, without 职责) closes the list as 按职责分工负责 does: not 省财政厅按."""
    text = f"推进项目落地。（省科技厅牵头，省药监局、省财政厅{duty}）\n"
    assert _clause_names(text) == [[("省科技厅", "lead"), ("省药监局", "support"), ("省财政厅", "support")]]
    bare = f"推进项目落地。（省药监局、省财政厅{duty}）\n"
    assert _clause_names(bare) == [[("省药监局", "responsible"), ("省财政厅", "responsible")]]


def test_clause_of_three_parts_each_with_its_role():
    text = "推进项目落地。（省科技厅牵头，省财政厅、省药监局按职责分工负责，各市县政府配合）\n"
    assert _clause_names(text) == [[("省科技厅", "lead"), ("省财政厅", "support"), ("省药监局", "support"),
                                    ("各市县政府", "support")]]


def test_a_second_label_after_spaces_ends_the_names():
    assert _clause_names("推进项目落地。责任单位：省科技厅、省工信厅    完成时限：2025年\n") == [
        [("省科技厅", "responsible"), ("省工信厅", "responsible")]]


def test_duty_sentence_without_brackets_may_hold_a_bracket_inside_a_name():
    text = "（七）保障要素供给。新建厂房。省自然资源厅、省经济和信息化厅，各市（州）人民政府按职责分工负责。\n"
    assert _clause_names(text) == [[("省自然资源厅", "responsible"), ("省经济和信息化厅", "responsible"),
                                    ("各市（州）人民政府", "responsible")]]


def test_role_parts_with_a_bracket_and_local_collective_names():
    text = ("推进伦理审查结果互认。（区卫健委牵头，科技局、医保局配合，各镇（街道）落实）\n"
            "实行季通报。（区商务局牵头，投促中心、各板块配合）\n")
    assert _clause_names(text) == [
        [("区卫健委", "lead"), ("科技局", "support"), ("医保局", "support"), ("各镇（街道）", "support")],
        [("区商务局", "lead"), ("投促中心", "support"), ("各板块", "support")]]


@pytest.mark.parametrize("text,expected", [
    ("第五条　市科技局负责。\n", ["市科技局"]),
    ("以上任务由各州、市人民政府负责落实。\n", ["各州、市人民政府"]),
    ("第三条　专项资金的监督检查由市科技局、市财政局按职责分工负责。\n", ["市科技局", "市财政局"]),
    ("2.天津自由贸易试验区管委会负责。\n", ["天津自由贸易试验区管委会"]),  # the 由 of 自由 is no topic's
])
def test_a_duty_sentence_drops_its_label_and_topic(text, expected):
    assert [[n for n, _ in c] for c in _clause_names(text)] == [expected]


@pytest.mark.parametrize("text", [
    "项目承担单位负责项目的具体实施。\n",  # an applicant, not a public body
    "企业负责研发投入。\n",
    "建立由市政府主要负责同志任组长的领导小组。\n",  # 负责同志 is an official
    "本措施由市工业和信息化局会同市科技局负责解释。\n",  # closes the text; no measure's duty
    # prose naming who does what is not a responsibility clause (NOTES.md: 000's inline
    # names are not annotated); annotators of other provinces' documents split on it
    "第十四条　市科技局负责组织项目验收和绩效评价。\n",
    "第四条　专项资金由市科技局会同市财政局负责管理。\n",
    # a 管理办法's parties to the procedure, named where a body would stand, are no public bodies
    "第八条　项目的具体实施由项目承担单位负责。\n",
    "第九条　申报材料的真实性由申报单位负责。\n",
    "第十一条　绩效评价工作由第三方评估机构负责。\n",
    "（三）评审工作由中介机构负责。\n",
])
def test_sentences_that_name_no_responsible_body(text):
    assert _clause_names(text) == []


def test_a_first_listed_leads_note_in_brackets_governs_the_clauses_below():
    text = ("（一）实施创新策源行动。\n支持研发。\n责任单位：省科技厅、省发展改革委（列第一位的为牵头单位，下同）\n"
            "（二）推进。\n责任单位：省经信厅、省财政厅\n")
    assert _clause_names(text) == [[("省科技厅", "lead"), ("省发展改革委", "responsible")],
                                   [("省经信厅", "lead"), ("省财政厅", "responsible")]]


def test_a_first_listed_leads_note_leaves_a_list_under_its_own_lead_line():
    """Below a 列第一位…，下同 note, a 责任单位 line standing under a measure's own 牵头单位 line
    belongs to that lead: its first body is responsible, not a second lead."""
    text = ("（一）优化审批。压缩时限。（省药监局、省卫健委负责，列第一位的为牵头单位，下同）\n"
            "（二）建设园区。完善配套。\n牵头单位：省商务厅\n责任单位：各设区市人民政府、省财政厅\n"
            "（三）引进人才。落实补贴。（省人社厅、省财政厅）\n")
    assert _clause_names(text) == [[("省药监局", "lead"), ("省卫健委", "responsible")],
                                   [("省商务厅", "lead")],
                                   [("各设区市人民政府", "responsible"), ("省财政厅", "responsible")],
                                   [("省人社厅", "lead"), ("省财政厅", "responsible")]]


@pytest.mark.parametrize("text,expected", [
    ("（一）集聚发展。吸引企业集聚。（此项工作由市发展改革委牵头，市财政局、市科技局配合\n（二）下一条。\n",
     [[("市发展改革委", "lead"), ("市财政局", "support"), ("市科技局", "support")]]),
    ("（三）形成格局。旗县区落实。（责任单位：市工信局\n", [[("市工信局", "responsible")]]),
    ("推进。（此项工作由市发展改革委牵头，市财政局配合）\n", [[("市发展改革委", "lead"), ("市财政局", "support")]]),
    ("（具体办法由省财政厅会同省药监局另行制定）\n", []),
])
def test_a_clause_whose_bracket_is_never_closed_and_a_topic_before_by(text, expected):
    assert _clause_names(text) == expected


@pytest.mark.parametrize("inner, names", [
    ("市卫生健康委（市中医药管理局）、市医保局", ["市卫生健康委（市中医药管理局）", "市医保局"]),
    ("市卫健委、朝阳区、南关区人民政府", ["市卫健委", "朝阳区", "南关区人民政府"]),  # 朝阳区 shares 人民政府
    ("市科技局、浙江大学", ["市科技局", "浙江大学"]),
    ("市科技局、云南大学等高校", ["市科技局", "云南大学"]),
    ("责任单位：市科技局、吉林大学等驻长高校", ["市科技局", "吉林大学"]),
    ("实施主体：市科技局、市财政局", ["市科技局", "市财政局"]),
])
def test_bare_lists_and_labels_of_other_cities(inner, names):
    style, pieces = parse_clause(inner)
    assert [p[0] for p in pieces] == names


def test_a_role_in_brackets_after_a_name():
    _, pieces = parse_clause("责任单位：市卫健委（牵头）、市财政局（配合）")
    assert [(p[0], p[3]) for p in pieces] == [("市卫健委", "lead"), ("市财政局", "support")]


def test_a_place_alone_is_no_body_without_a_government_after_it():
    assert parse_clause("市卫健委、朝阳区") is None


def test_a_refused_list_naming_a_body_is_reported_with_the_name_it_refused():
    from bioparse.agencies import find_clauses, unlike_names

    text = "（一）支持研发。对企业给予支持（市科技局、朝阳）。\n（二）建设平台（含国家重点实验室、工程中心）。\n"
    refused: list = []
    assert find_clauses(text, refused) == []
    assert [text[s:e] for s, e in refused] == ["（市科技局、朝阳）"]  # the scope note is no clause, nor refused
    assert unlike_names("市科技局、朝阳") == ["朝阳"]


def test_a_bracket_in_a_labelled_field_is_the_second_name_of_its_body():
    from bioparse.agencies import find_clauses

    text = "（三）推进项目建设。内容。\n牵头单位：市发改委（市大健康产业办）\n（四）建设平台。内容（市科技局、市财政局）\n"
    assert [(c[2], [p[0] for p in c[3]]) for c in find_clauses(text)] == [
        ("牵头单位", ["市发改委（市大健康产业办）"]), ("bare_list", ["市科技局", "市财政局"])]


def test_a_line_dividing_numbered_sections_names_only_bodies():
    """第（一）至（三）项由市科技局牵头，第（四）项由市卫生健康委牵头: the reference to the sections before 由
    is no part of a body's name (pipeline.section_range_owners gives each run of sections its bodies)."""
    text = "（四）支持临床研究。给予奖励。\n第（一）至（三）项由市科技局牵头，第（四）项由市卫生健康委牵头，市财政局配合。\n"
    clauses = find_agency_clauses(text)
    assert [(a["agency"], a["role"]) for c in clauses for a in c["agencies"]] == [
        ("市科技局", "lead"), ("市卫生健康委", "lead"), ("市财政局", "support")]


def test_a_reference_to_sections_with_their_kind_before_by_names_only_bodies():
    """以上第(一)至(二)项政策由区财政局负责兑现 (a 重庆 district's form): the sections' kind (政策, 措施) between 项 and
    由 is part of the reference, no body's name (it read 以上第(一)至(二)项政策由区财政局)."""
    for kind in ("政策", "措施", ""):
        text = f"(三)支持项目落地。给予支持。\n以上第(一)至(二)项{kind}由区财政局负责兑现。\n"
        clauses = find_agency_clauses(text)
        assert [(a["agency"], a["role"]) for c in clauses for a in c["agencies"]] == [
            ("区财政局", "responsible")], kind


def test_a_body_paying_out_and_one_helping_are_lead_and_support():
    """A负责兑现，B配合 (以上第(一)至(二)项由区财政局负责兑现，区审计局配合) reads as A负责，B配合 does: it was no clause."""
    for text in ("以上第(一)至(二)项由区财政局负责兑现，区审计局配合。\n", "区财政局负责兑现，区审计局配合。\n"):
        clauses = find_agency_clauses("(三)支持项目落地。给予支持。\n" + text)
        assert [(a["agency"], a["role"]) for c in clauses for a in c["agencies"]] == [
            ("区财政局", "lead"), ("区审计局", "support")], text


def test_the_towns_and_subdistricts_of_a_district_are_a_collective_body():
    """各镇街 (a 区's 镇 and 街道, as 重庆 writes them) after 牵头/配合 parts is a body, as 各镇（街道） is:
    the clause lost it after ；, and after ， it was not read at all."""
    from bioparse.agencies import looks_like_agency
    assert looks_like_agency("各镇街")
    for sep in ("；", "，"):
        text = f"（二）建设园区。内容。（区经济信息委牵头，区发展改革委、区财政局配合{sep}各镇街负责落实）\n"
        assert [a["agency"] for c in find_agency_clauses(text) for a in c["agencies"]] == [
            "区经济信息委", "区发展改革委", "区财政局", "各镇街"]


def test_a_closing_sentence_ending_in_organizing_the_work_is_a_clause():
    """由A牵头，B负责组织实施。 / 由A负责实施。 / 由A会同B组织实施。 closing a paragraph, without brackets, name the bodies
    as 由A牵头，B负责落实。 does; they were not read at all."""
    for tail in ("负责组织实施", "负责实施"):
        text = f"（一）建设平台。内容。此项工作由市发展改革委牵头，各县（市、区）人民政府{tail}。\n"
        assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
            ("市发展改革委", "lead"), ("各县（市、区）人民政府", "support")]
    text = "（二）完善机制。内容。由市卫生健康委负责组织实施。\n"
    assert [a["agency"] for c in find_agency_clauses(text) for a in c["agencies"]] == ["市卫生健康委"]
    text = "（三）扩大开放。内容。由市商务局会同市财政局、市市场监管局组织实施。\n"
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("市商务局", "lead"), ("市财政局", "support"), ("市市场监管局", "support")]
    # prose whose subject is no body stays prose, and so does a verb with its object
    assert find_agency_clauses("（三）实施项目。项目由承担企业负责组织实施。\n") == []
    assert find_agency_clauses("（四）攻关。市科技局会同市财政局组织实施重大专项。\n") == []


def test_the_bodies_that_accept_and_pay_out_a_policy_are_its_clause():
    """A 若干政策 written for 政策兑现 closes each article with （兑现部门：A、B）, （受理部门：A；兑现部门：B）
    or 本条由A负责兑现。: the bodies responsible for it; the bracket was refused and the sentence not read."""
    cases = [("（兑现部门：市科技局、市财政局）", ["市科技局", "市财政局"]),
             ("（受理部门：市市场监管局；兑现部门：市财政局）", ["市市场监管局", "市财政局"]),
             ("（兑现方式：免申即享；兑现单位：市工信局）", ["市工信局"]),
             ("（受理单位：市人社局）", ["市人社局"]),
             ("本条由市发展改革委负责兑现。", ["市发展改革委"])]
    for tail, names in cases:
        text = f"第一条　支持研发。给予奖励100万元。{tail}\n"
        assert [a["agency"] for c in find_agency_clauses(text) for a in c["agencies"]] == names, tail


def test_the_bodies_that_take_in_and_check_an_article_are_its_clause():
    """本条由A负责受理和审核。 (a 操作规程's article), 由A负责审核兑现, 本条由A负责受理，B配合: the bodies that take in
    and check an article's applications answer for it, as 本条由A负责兑现 does; the sentence was not read."""
    cases = [("本条由区科技创新局负责受理和审核。", [("区科技创新局", "responsible")]),
             ("本条由区工业和信息化局负责受理。", [("区工业和信息化局", "responsible")]),
             ("由区科技局负责审核兑现。", [("区科技局", "responsible")]),
             ("本条由区科技局负责受理、审核，区财政局配合。", [("区科技局", "lead"), ("区财政局", "support")])]
    for tail, found in cases:
        text = f"第三条　支持创新药临床研究。给予最高500万元资助。{tail}\n"
        assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == found, tail
    # a verb of its own (受理申请) stays prose
    assert find_agency_clauses("第四条　申报。区科技局负责受理申请并组织评审。\n") == []


def test_a_rules_field_of_the_competent_department_is_a_clause():
    """A 实施细则 lists each measure's fields 1.事项内容：… 2.事项分类：… 3.主管部门及责任处室：A，联系电话…
    (成都's form), or a measure closes with （主管部门：A）: A answers for the measure, the telephone is no body."""
    text = ("（一）支持创新药研发\n1.事项内容:对1类创新药给予最高300万元奖励。\n2.事项分类:快申快享。\n"
            "3.主管部门及责任处室:市经信局市新经济委医药健康产业处,联系电话61881605。\n4.支持对象:我市独立法人企业。\n")
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("市经信局市新经济委医药健康产业处", "responsible")]
    wide = text.replace("3.", "３．").replace("61881605", "６１８８１６０５")  # the label and the figures typed wide
    assert [a["agency"] for c in find_agency_clauses(wide) for a in c["agencies"]] == ["市经信局市新经济委医药健康产业处"]
    text = "（二）促进消费。给予补贴。（主管部门：市商务局）\n"
    assert [a["agency"] for c in find_agency_clauses(text) for a in c["agencies"]] == ["市商务局"]
    # a notice's addressees (各市（州）卫生健康主管部门：) are no clause
    assert find_agency_clauses("各市（州）卫生健康主管部门：\n现将方案印发给你们。\n") == []


def test_a_sentence_of_two_assignments_names_no_reference():
    """第（四）、（五）项由A负责，第（六）项由B负责: the second reference and its 由 are no part of B's name."""
    text = "（六）保障用地。内容。\n第（四）、（五）项由市工信局负责，第（六）项由市自然资源和规划局负责。\n"
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("市工信局", "responsible"), ("市自然资源和规划局", "responsible")]


def test_a_duty_sentence_with_supporting_bodies_on_its_own_line():
    """由A负责，B、C配合 (or 参与, 协助) on a line of its own, without brackets, is a clause."""
    text = "（四）培育市场主体。引进企业10家。\n由盟工信局负责，盟投资促进中心、锡林浩特市人民政府配合。\n"
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("盟工信局", "lead"), ("盟投资促进中心", "support"), ("锡林浩特市人民政府", "support")]
    text = "（二）建设平台。内容。\n州科技局牵头，州财政局参与\n"
    assert [a["agency"] for c in find_agency_clauses(text) for a in c["agencies"]] == ["州科技局", "州财政局"]


def test_a_duty_sentence_closed_by_a_deadline():
    """由A负责，B配合，2025年12月底前完成。 (a county's task list) names A and B: the deadline (or 确保… aim) after them is none."""
    for tail in ("，2025年12月底前完成。", "，确保2026年6月底前完成", "；长期坚持。", "，确保补贴资金按时足额发放到位。"):
        text = "（七）建设平台。内容。由县发展改革局负责，县工业园区管委会、各乡（镇）人民政府配合" + tail + "\n"
        assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
            ("县发展改革局", "lead"), ("县工业园区管委会", "support"), ("各乡（镇）人民政府", "support")], tail
    # prose before a deadline names no body; nor does a duty sentence the paragraph runs on after
    assert find_agency_clauses("（一）建设基地。由企业负责，村集体配合，2025年底前完成。\n") == []
    assert find_agency_clauses("（一）建设基地。由县农业农村局负责，县财政局配合，2025年底前完成。其余内容。\n") == []
    assert find_agency_clauses("（一）建设基地。由县农业农村局负责，县财政局配合，确保资金到位，其余内容。\n") == []


def test_a_clause_in_parts_whose_last_body_backs_the_lead_with_money():
    """A牵头，B具体实施，C给予资金保障 (or 做好资金保障), bare or in brackets, names all three; only the backer need be of government."""
    for text in ("（一）建设平台。内容。由县卫生健康局牵头，县医共体总院、各乡（镇）卫生院具体实施，县财政局做好资金保障。\n",
                 "（一）建设平台。内容。（县卫生健康局牵头，县医共体总院具体实施，县财政局给予资金保障）\n"):
        got = [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]]
        assert got[0] == ("县卫生健康局", "lead") and got[-1] == ("县财政局", "support") and ("县医共体总院", "support") in got, text
    # a backer that is no body of government, or words that are no money, make prose
    assert find_agency_clauses("（一）甲。内容。由县卫生健康局牵头，县医共体总院配合，县产业基金给予资金支持。\n") == []
    assert find_agency_clauses("（一）甲。内容。由县卫生健康局负责，县公安局做好安全保障。\n") == []


def test_a_duty_clause_closing_a_sentence_after_a_comma():
    """设立产业基金，由市国资委负责，B、C参与。: the bodies follow the ，由, not the sentence's start."""
    text = "（三）完善金融服务。设立规模10亿元的产业基金，由市国资委负责，湘江投资集团有限公司、市金融办参与。\n"
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("市国资委", "lead"), ("湘江投资集团有限公司", "support"), ("市金融办", "support")]
    # prose that ends in 负责 names no body
    assert find_agency_clauses("（一）加强管理。资金使用，由企业自主负责。\n") == []


def test_a_task_ending_like_a_body_before_a_comma_and_by_is_no_body():
    """建设产业园区，由A牵头，B配合: the task before ，由 ends in 区 as a body's name may (高新区, 园区), yet holds no role
    word, so the bodies are those after 由; it was read as two more leads (建设产业园区, 由A). A point of a run too."""
    cases = [("（二）优化产业生态。建设产业园区，由市发展改革委牵头，各县区政府配合。\n",
              [("市发展改革委", "lead"), ("各县区政府", "support")]),
             ("（二）优化产业生态。建设高新区，由市发展改革委负责。\n", [("市发展改革委", "responsible")]),
             ("第二条　优化产业生态。一是建设产业园区，由市发展改革委牵头，各县区政府配合；二是强化要素保障，由市财政局负责。\n",
              [("市发展改革委", "lead"), ("各县区政府", "support"), ("市财政局", "responsible")])]
    for text, found in cases:
        assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == found, text


def test_duty_words_closing_an_article_without_brackets():
    """…按照职责分工负责落实。, 由A牵头，由B配合。 and 由A牵头落实。 close an article as their shorter forms do: the first was
    read as no clause (A、B按照职责分工 no names), the second kept 由 in B's name, the third was not read."""
    cases = [("市科技局、市财政局按照职责分工负责落实。", [("市科技局", "responsible"), ("市财政局", "responsible")]),
             ("由市科技局牵头，市财政局、市卫生健康委按职责分工负责落实。",
              [("市科技局", "lead"), ("市财政局", "support"), ("市卫生健康委", "support")]),
             ("由市发展改革委牵头，由市财政局配合。", [("市发展改革委", "lead"), ("市财政局", "support")]),
             ("此项工作由市科技局牵头落实。", [("市科技局", "lead")])]
    for tail, found in cases:
        text = f"第三条　支持创新平台建设。对新认定的平台给予奖励。{tail}\n"
        assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == found, tail
    # prose ending so names no body of government
    assert find_agency_clauses("（一）组建联盟。支持龙头企业联合高校牵头落实。\n") == []


def test_role_words_inside_a_labelled_list_split_it():
    """责任单位：A牵头，B、C配合，D参与: each part has its role, and no name keeps the role word."""
    text = "（二）建设检测能力。内容。\n责任单位：市市场监管局牵头，省药品监督管理局、湖南省医疗器械检验检测所配合，各县市区人民政府参与\n"
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("市市场监管局", "lead"), ("省药品监督管理局", "support"), ("湖南省医疗器械检验检测所", "support"),
        ("各县市区人民政府", "support")]


def test_a_label_whose_names_stand_on_the_next_line():
    """责任单位： ending its line, the bodies on the next: they are the clause's; a heading there is none."""
    text = "（四）强化审评服务。内容。\n　　责任单位：\n　　市市场监管局、株洲高新区管委会\n（五）下一条。内容。\n"
    assert [a["agency"] for c in find_agency_clauses(text) for a in c["agencies"]] == ["市市场监管局", "株洲高新区管委会"]
    assert find_agency_clauses("（一）支持研发。内容。\n责任单位：\n（二）支持企业。内容。\n") == []


def test_thousands_of_clauses_and_unclosed_brackets():
    """24,000 clauses, half in brackets never closed: each unclosed bracket was checked against
    every clause taken before it (about 25 s here); now by bisection, in a fraction of a second."""
    from bioparse.agencies import find_clauses
    text = "".join(f"（{i}加快推进研发（市科技局、市财政局负责。\n（责任单位：市科技局、市财政局\n" for i in range(12000))
    clauses = find_clauses(text)
    assert len(clauses) == 24000
    assert {c[2] for c in clauses[1::2]} == {"责任单位"}
    assert all(text[c[0]] == "（" and "\n" not in text[c[0]:c[1]] for c in clauses)
    assert [[p[0] for p in c[3]] for c in clauses[:2]] == [["市科技局", "市财政局"]] * 2


def test_a_full_stop_inside_a_clause_ends_its_names():
    """（责任单位：A、B等有关部门，C、D。以下…均需C、D落实，不再单独列出）: the note after 。 is no
    name, and D before the 。 is kept; （A、B、C分别负责。分别负责为…分别牵头，下同） parses the same way."""
    text = ("1.争取专项资金。（责任单位：市工信局、市财政局等有关部门,各县区人民政府、园区管委会。"
            "以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出）\n"
            "2.完善会商机制。（市卫生健康委、各成员单位、各县(市、区)人民政府分别负责。"
            "分别负责为有关单位按职责分别牵头，下同）\n")
    assert _clause_names(text) == [
        [("市工信局", "responsible"), ("市财政局", "responsible"), ("各县区人民政府", "responsible"),
         ("园区管委会", "responsible")],
        [("市卫生健康委", "responsible"), ("各成员单位", "responsible"), ("各县(市、区)人民政府", "responsible")]]


@pytest.mark.parametrize("inner, names", [
    ("市政府办公室牵头,市级各有关部门及各县市区政府按职责分工负责", ["市政府办公室", "市级各有关部门", "各县市区政府"]),
    ("省发展改革委、水利厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责",
     ["省发展改革委", "水利厅", "能源局", "各地级以上市人民政府"]),
    ("市发展改革委和市科技局牵头，市财政局以及各区县政府配合", ["市发展改革委", "市科技局", "市财政局", "各区县政府"]),
    # 和 inside a name is no connector
    ("省委网信办、省文化和旅游厅、省住房和城乡建设厅按职责分工负责", ["省委网信办", "省文化和旅游厅", "省住房和城乡建设厅"]),
    ("省科技厅、省财政厅等省直有关部门负责", ["省科技厅", "省财政厅"]),
])
def test_names_joined_by_a_connector_and_an_etc_tail_with_a_level(inner, names):
    _, pieces = parse_clause(inner)
    assert [p[0] for p in pieces] == names
    assert all(inner[s:e] == n for n, s, e, _ in pieces)


@pytest.mark.parametrize("inner, expected", [
    ("省科技厅牵头，各市（州）、县（市、区）人民政府落实",
     [("省科技厅", "lead"), ("各市（州）、县（市、区）人民政府", "support")]),
    ("市科技局牵头负责，各区政府配合落实", [("市科技局", "lead"), ("各区政府", "support")]),
    ("市科技局牵头组织实施，市财政局配合", [("市科技局", "lead"), ("市财政局", "support")]),
    ("由市科技局负责组织实施，市财政局配合", [("市科技局", "lead"), ("市财政局", "support")]),
    ("市市场监管局负总责，市卫健委配合", [("市市场监管局", "lead"), ("市卫健委", "support")]),
    ("市科技局具体负责", [("市科技局", "responsible")]),
    ("责任领导：张三；责任单位：市商务局", [("市商务局", "responsible")]),
])
def test_lead_and_support_words_of_other_cities(inner, expected):
    _, pieces = parse_clause(inner)
    assert [(p[0], p[3]) for p in pieces] == expected


def test_a_duty_sentence_whose_lead_organises_the_work():
    """…，由市科技局负责组织实施，市财政局配合。 closing a measure is its clause, as 由A负责，B配合。 is."""
    text = "（二）支持平台建设。对新建平台给予补助，由市科技局负责组织实施，市财政局配合。\n"
    assert _clause_names(text) == [[("市科技局", "lead"), ("市财政局", "support")]]


@pytest.mark.parametrize("text, expected", [
    ("（二）强化属地落实。建立项目台账。各区政府负责本辖区内重点项目的组织实施。\n", [[("各区政府", "responsible")]]),
    ("第七条　保障用地。一是保障用地；二是新增用地。各区政府负责本辖区内产业用地的组织实施。\n", [[("各区政府", "responsible")]]),
    ("推进。市科技局牵头，各区政府负责辖区内项目的具体实施。\n", [[("市科技局", "lead"), ("各区政府", "support")]]),
    ("推进。由市财政局负责专项资金的组织实施。\n", [[("市财政局", "responsible")]]),
    ("推进。各区政府负责本辖区内重点项目的组织实施工作。\n", [[("各区政府", "responsible")]]),
    ("推进。各区政府负责本辖区内重点项目的组织实施工作", [[("各区政府", "responsible")]]),
    ("推进。由市工业和信息化局会同市财政局负责组织实施。\n", [[("市工业和信息化局", "lead"), ("市财政局", "support")]]),
    ("推进。做好全市的组织实施工作。\n", []),
    ("推进。企业负责项目的组织实施。\n", []),
    ("推进。项目承担单位负责项目的组织实施。\n", []),
])
def test_a_duty_sentence_naming_the_object_of_its_duty(text, expected):
    """A负责本辖区内X的组织实施(工作)。 closing a measure names A, as A负责组织实施。 does; the object between
    负责 and 的组织实施 is no name, and a firm or a project's own unit is no body. 由A会同B负责组织实施。 names
    both, as 由A会同B组织实施。 does."""
    assert _clause_names(text) == expected


def test_a_labelled_clause_keeps_no_bracket_it_did_not_open():
    """A bracket the bracket parse cannot take (a stray 。 after its （, a line break inside it) is read
    from its label, to the line's end: the ） there is no name's."""
    text = ("引育项目（。责任单位：区科技局、各相关开发区）\n"
            "全程代办。（责任部门：新区行政审批局，\n配合部门：新区自然资源局、新区生态环境局）\n")
    assert _clause_names(text) == [[("区科技局", "responsible"), ("各相关开发区", "responsible")],
                                   [("新区行政审批局", "responsible")],
                                   [("新区自然资源局", "support"), ("新区生态环境局", "support")]]


def test_a_label_before_the_first_marker_is_no_name():
    """（责任领导：张三；责任单位：市商务局）: what stands before the first marker word is skipped."""
    assert _clause_names("推进。（牵头领导：副市长；牵头单位：市科技局；责任单位：市财政局）\n") == [
        [("市科技局", "lead"), ("市财政局", "responsible")]]


def test_a_labelled_list_cut_after_a_separator_runs_on_to_the_next_line():
    """责任单位：A（牵头），B，⏎C: the list runs on to a next line of bodies, not to a heading."""
    text = "（三）扩大应用。推动采购。\n责任单位：省卫生健康委（牵头），省医保局，\n　　省药监局\n（四）下一条。内容。\n"
    assert _clause_names(text) == [[("省卫生健康委", "lead"), ("省医保局", "responsible"), ("省药监局", "responsible")]]
    text = "（三）扩大应用。推动采购。\n责任单位：省卫生健康委，省医保局，\n（四）强化金融支持。内容。\n"
    assert _clause_names(text) == [[("省卫生健康委", "responsible"), ("省医保局", "responsible")]]


def test_a_list_in_square_brackets_closing_a_paragraph():
    """〔A、B〕 at a paragraph's end is a clause, as （A、B） is; 〔2023〕 inside a sentence, or a
    bracket naming no body, is none. 各市(地)、县(市、区)政府(行署) is one body."""
    text = ("一、实施科技特派员制度。〔省科技厅、省财政厅、省知识产权局〕\n"
            "二、支持高新区发展。〔省科技厅牵头，各市(地)、县(市、区)政府(行署)配合〕\n"
            "三、执行〔2023〕号文件要求。\n四、加强宣传。〔宣传推介〕\n")
    assert _clause_names(text) == [
        [("省科技厅", "responsible"), ("省财政厅", "responsible"), ("省知识产权局", "responsible")],
        [("省科技厅", "lead"), ("各市(地)、县(市、区)政府(行署)", "support")]]


@pytest.mark.parametrize("text, expected", [
    ("推进。（市科技局、市财政局，2024年底前完成）\n", [("市科技局", "responsible"), ("市财政局", "responsible")]),
    ("推进。（市科技局牵头，市财政局等部门配合，2025年12月底前完成）\n", [("市科技局", "lead"), ("市财政局", "support")]),
    ("推进。（责任单位：市科技局；持续推进）\n", [("市科技局", "responsible")]),
    ("推进。（市科技局牵头；各区县政府负责具体实施）\n", [("市科技局", "lead"), ("各区县政府", "support")]),
])
def test_a_completion_time_or_a_duty_of_carrying_out_after_the_names(text, expected):
    """A deadline closing a clause (，2024年底前完成) names no body; 负责具体实施 is a duty word like 负责落实."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。（主要责任单位：市科技局、市发展改革委）\n", [("市科技局", "responsible"), ("市发展改革委", "responsible")]),
    ("推进。（主要牵头单位：市科技局；配合单位：市财政局）\n", [("市科技局", "lead"), ("市财政局", "support")]),
])
def test_a_main_bodies_label(text, expected):
    """主要责任单位：/主要牵头单位： are labels like 责任单位：/牵头单位：, not a name before the first marker."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。（由各区人民政府负责，市有关部门指导）\n", [("各区人民政府", "lead"), ("市有关部门", "support")]),
    ("推进。（市科技局牵头，各区人民政府具体实施）\n", [("市科技局", "lead"), ("各区人民政府", "support")]),
    ("推进。（市科技局、市财政局按职责分工负责，各区政府具体落实）\n",
     [("市科技局", "lead"), ("市财政局", "lead"), ("各区政府", "support")]),
])
def test_guiding_and_carrying_out_are_role_words(text, expected):
    """A body that 指导 (guides) supports the one that 负责; 具体实施/具体落实 are duty words like 负责落实."""
    assert _clause_names(text) == [expected]


def test_prose_after_a_semicolon_leaves_the_clause_before_it():
    """（A、B牵头，C落实；省财政厅给予资金支持）: the names before ； are read, the prose after it is none;
    a plain list before ； followed by prose is still no clause."""
    text = ("推进。（市科技局、市财政局牵头，各区人民政府落实；省财政厅给予资金支持）\n"
            "推进。（市科技局、市财政局；另行制定细则）\n")
    assert _clause_names(text) == [[("市科技局", "lead"), ("市财政局", "lead"), ("各区人民政府", "support")]]


def test_a_slash_between_bodies_parts_two_names():
    """市科技局／市财政局 and 市科技局（牵头）/市财政局 are two names; a slash inside a term (DRG/DIP) is no separator."""
    text = "推进。（责任单位：市科技局／市财政局）\n推进。（责任单位：市科技局（牵头）/市财政局）\n"
    assert _clause_names(text) == [[("市科技局", "responsible"), ("市财政局", "responsible")],
                                   [("市科技局", "lead"), ("市财政局", "responsible")]]
    from bioparse.agencies import _SLASH_RE
    assert _SLASH_RE.sub("、", "DRG/DIP付费改革") == "DRG/DIP付费改革"


def test_a_bracket_closing_a_labelled_line_after_a_bracketed_name_is_that_name():
    """责任单位：A、B等，各县(市、区)政府(管委会): the closing (管委会) is the last body's second name, not
    a list of its own, though a bracket (市、区) stands before it in the field."""
    text = ("1.完善防控举措。\n责任单位：市疫情防控指挥部办公室、市卫生健康委等，各县(市、区)政府(管委会)\n")
    assert _clause_names(text) == [[("市疫情防控指挥部办公室", "responsible"), ("市卫生健康委", "responsible"),
                                    ("各县(市、区)政府(管委会)", "responsible")]]


def test_a_level_before_a_label():
    """市级责任单位：/区级责任单位： are labels, in brackets and on lines of their own; 超级责任单位： is none."""
    text = ("推进。（市级责任单位：市科技局；区级责任单位：各区人民政府）\n"
            "（一）加快建设。内容。\n市级责任单位：市科技局、市财政局\n区级责任单位：各区人民政府\n"
            "（二）下一条。内容。\n超级责任单位：市科技局\n")
    assert _clause_names(text) == [[("市科技局", "responsible"), ("各区人民政府", "responsible")],
                                   [("市科技局", "responsible"), ("市财政局", "responsible")],
                                   [("各区人民政府", "responsible")]]


@pytest.mark.parametrize("text, expected", [
    ("推进。（责任单位：市科技局、市财政局（按职责分工负责，2025年底前完成，持续推进））\n",
     [("市科技局", "responsible"), ("市财政局", "responsible")]),
    ("推进。（市科技局、市财政局分别牵头，各区落实）\n", [("市科技局", "lead"), ("市财政局", "lead"), ("各区", "support")]),
    ("推进。（各区人民政府负责落实，市科技局加强指导）\n", [("各区人民政府", "lead"), ("市科技局", "support")]),
    ("推进。（实施主体：各区人民政府；指导部门：市科技局）\n", [("各区人民政府", "responsible"), ("市科技局", "support")]),
])
def test_notes_and_role_wordings_of_other_cities(text, expected):
    """A bracket of duties and deadlines after the last name is no part of it; 分别牵头, 负责落实，…加强指导
    and a 指导部门： label carry roles as 牵头, 负责，…配合 and 配合单位： do."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。（市教育局、各高等院校）\n", [("市教育局", "responsible"), ("各高等院校", "responsible")]),
    ("推进。（责任单位：市教育局、各高等学校、中等职业学校）\n",
     [("市教育局", "responsible"), ("各高等学校", "responsible"), ("中等职业学校", "responsible")]),
    ("推进。（市发改委、市商务粮食局、中储粮某州直属库。排名第一的为牵头单位，下同）\n",
     [("市发改委", "lead"), ("市商务粮食局", "responsible"), ("中储粮某州直属库", "responsible")]),
    ("推进。（市科技局、经开区、高新区）\n", [("市科技局", "responsible"), ("经开区", "responsible"), ("高新区", "responsible")]),
    ("推进。（市应急局、市消防救援支队、市气象台）\n",
     [("市应急局", "responsible"), ("市消防救援支队", "responsible"), ("市气象台", "responsible")]),
    ("推进。（市委组织部、市委党校、市供销社）\n",
     [("市委组织部", "responsible"), ("市委党校", "responsible"), ("市供销社", "responsible")]),
    ("推进。（市教育局、市人社局等）\n", [("市教育局", "responsible"), ("市人社局", "responsible")]),
])
def test_schools_parks_services_and_state_firms_are_bodies(text, expected):
    """Bodies that are no bureaus (各高等院校, 经开区, 市消防救援支队, 中储粮…直属库) end plain lists as 各高校
    and 天津医药集团 do; the 等 of 高等/中等 is no etc tail."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("inner, expected", [
    ("责任单位 市科技局、市财政局", [("市科技局", "responsible"), ("市财政局", "responsible")]),
    ("责任单位\u3000市科技局", [("市科技局", "responsible")]),
    ("牵头单位 市科技局；配合单位 市财政局、各高校",
     [("市科技局", "lead"), ("市财政局", "support"), ("各高校", "support")]),
    ("牵头单位 市科技局，配合单位 市财政局", [("市科技局", "lead"), ("市财政局", "support")]),
    ("责任单位市科技局、市财政局", [("市科技局", "responsible"), ("市财政局", "responsible")]),
    ("市级责任单位 市科技局", [("市科技局", "responsible")]),
])
def test_a_label_without_its_colon(inner, expected):
    """A PDF's or a table's label that lost its colon (责任单位 市科技局) is a label: 责任单位 is no name."""
    style, pieces = parse_clause(inner)
    assert [(n, r) for n, _, _, r in pieces] == expected
    assert all(inner[s:e] == n for n, s, e, _ in pieces)


def test_a_line_whose_label_lost_its_colon():
    """责任单位\\t市科技局 (a two-cell table row) or 责任单位　市医保局 on a line of its own is a labelled list; a
    label before prose (责任单位 要…) or a table's header row (责任单位\\t完成时限) is none."""
    text = ("（一）推进。\n责任单位\t市科技局、市财政局\n（二）推进。\n牵头单位 市卫生健康委；配合单位 市医保局\n"
            "（三）推进。\n责任单位\u3000市医保局。\n（四）推进。\n责任单位 要切实履行职责\n"
            "序号\t任务\t责任单位\t完成时限\n责任单位\t完成时限\n")
    assert _clause_names(text) == [[("市科技局", "responsible"), ("市财政局", "responsible")],
                                   [("市卫生健康委", "lead"), ("市医保局", "support")],
                                   [("市医保局", "responsible")]]


def test_a_marker_after_an_ascii_full_stop_opens_a_clause():
    """A text typed with ASCII punctuation ends its sentences with . and !: a marker after them
    (给予奖励.牵头单位:…) opens a clause as it does after 。."""
    text = "支持研发,给予最高300万元奖励.牵头单位:市科技局;配合单位:市财政局。\n"
    assert _clause_names(text) == [[("市科技局", "lead"), ("市财政局", "support")]]
    prose = "2.支持研发.对项目给予3.5%的补助,最高300万元.由市科技局牵头，市财政局配合。\n"
    assert _clause_names(prose) == [[("市科技局", "lead"), ("市财政局", "support")]]


@pytest.mark.parametrize("text, expected", [
    ("推进。（责任单位：市科技局，火炬开发区、三角镇等镇街）\n",
     [("市科技局", "responsible"), ("火炬开发区", "responsible"), ("三角镇", "responsible")]),
    ("推进。（责任单位：市工信局，甲镇、乙镇等镇（街道））\n",
     [("市工信局", "responsible"), ("甲镇", "responsible"), ("乙镇", "responsible")]),
    ("推进。（市科技局、高新区等园区按职责分工负责）\n", [("市科技局", "responsible"), ("高新区", "responsible")]),
    ("推进。（责任单位：市卫健委，甲区、乙区等区）\n",
     [("市卫健委", "responsible"), ("甲区", "responsible"), ("乙区", "responsible")]),
    ("推进。（责任单位：市商务局，甲县等县（市、区））\n", [("市商务局", "responsible"), ("甲县", "responsible")]),
    ("推进。（责任单位：市教育局、中等职业学校）\n", [("市教育局", "responsible"), ("中等职业学校", "responsible")]),
    ("推进。（责任单位：市药监局、高新区等开发区管委会）\n", [("市药监局", "responsible"), ("高新区", "responsible")]),
    ("推进。（责任单位：市商务局，甲县、乙县等县（市、区）人民政府）\n",
     [("市商务局", "responsible"), ("甲县", "responsible"), ("乙县", "responsible")]),
    ("推进。（责任单位：市工信局，甲街道等街道办事处）\n", [("市工信局", "responsible"), ("甲街道", "responsible")]),
    ("推进。（责任单位：省发展改革委，甲市、乙市等市（区）人民政府）\n",
     [("省发展改革委", "responsible"), ("甲市", "responsible"), ("乙市", "responsible")]),
    ("推进。（市发展改革委牵头，市财政局等市（区）人民政府配合）\n", [("市发展改革委", "lead"), ("市财政局", "support")]),
    ("推进。（责任单位：市商务局，甲区等区（县、市）政府）\n", [("市商务局", "responsible"), ("甲区", "responsible")]),
])
def test_an_etc_naming_the_kind_of_place(text, expected):
    """A list closed by the kind of place its last names stand for (三角镇等镇街, 乙镇等镇（街道）, 高新区等园区,
    乙区等区), or by that kind's governing body (高新区等开发区管委会, 甲县等县（市、区）人民政府), ends at the
    name before 等, as …等有关部门 does: the kind is no body of its own."""
    assert _clause_names(text) == [expected]


def test_clauses_in_traditional_characters():
    """A 繁體 page's clauses (牽頭單位：…；責任單位：…, A牽頭，B配合, 按職責分工負責) are read as their simplified
    forms are, and each name is kept as written, at its own offsets."""
    from bioparse.agencies import find_clauses
    text = ("（一）推進。（牽頭單位：市農業農村局；責任單位：市供銷社，各區人民政府）\n"
            "（二）推進。（市工業和信息化局牽頭，市商務局配合）\n"
            "（三）推進。（市市場監管局、市醫保局按職責分工負責）\n")
    clauses = find_clauses(text)
    assert [[(n, r) for n, _, _, r in pieces] for _, _, _, pieces in clauses] == [
        [("市農業農村局", "lead"), ("市供銷社", "responsible"), ("各區人民政府", "responsible")],
        [("市工業和信息化局", "lead"), ("市商務局", "support")],
        [("市市場監管局", "responsible"), ("市醫保局", "responsible")]]
    assert all(text[s:e] == n for _, _, _, pieces in clauses for n, s, e, _ in pieces)


@pytest.mark.parametrize("clause, expected", [
    ("（市衛生健康委、各縣（市、區）人民政府分別負責。分別負責為有關單位按職責分別牽頭，下同）",
     ["市衛生健康委", "各縣（市、區）人民政府"]),
    ("（市發展改革委統籌，市財政局配合）", ["市發展改革委", "市財政局"]),
    ("（市醫保局負責兌現）", ["市醫保局"]),
])
def test_role_words_in_traditional_characters(clause, expected):
    """分別負責, 統籌 and 負責兌現 written in 繁體 (a 河北 短缺藥品 page) are read as their simplified forms."""
    from bioparse.agencies import find_clauses
    text = "2、完善機制，做好預警工作。" + clause + "\n"
    assert [n for _, _, _, pieces in find_clauses(text) for n, _, _, _ in pieces] == expected

def test_a_fund_set_up_in_prose_is_no_body():
    """设立规模十亿元的…产业投资基金，由市国资委负责: the fund is what the sentence sets up, not a body
    answering for it (a 基金 ending would take the whole noun phrase for a name, and 由市国资委 with it)."""
    text = "（三）完善金融服务。设立规模十亿元的医疗器械产业投资基金，由市国资委负责，某某投资集团有限公司参与。\n"
    names = [name for clause in _clause_names(text) for name, _ in clause]
    assert not any("基金" in n or n.startswith("由") for n in names)


@pytest.mark.parametrize("text, expected", [
    ("1.支持企业研发，给予奖励。(皖发〔2021〕9号,省经济和信息化厅等负责)\n", [("省经济和信息化厅", "responsible")]),
    ("2.支持。（皖政办〔2023〕3号，省卫生健康委牵头，省医保局配合）\n", [("省卫生健康委", "lead"), ("省医保局", "support")]),
    ("3.支持。（皖政办〔2023〕3号）\n", None),  # a citation alone names no body
])
def test_a_clause_citing_the_measures_source_first(text, expected):
    """A 政策清单 cites each measure's source policy before its bodies (皖发〔2021〕9号，省…厅负责): the
    number is no name, and the bodies after it are read as the clause's."""
    assert _clause_names(text) == ([expected] if expected else [])


def test_a_deadline_spaced_as_a_pdf_sets_it_is_no_name():
    """（省统计局牵头；各市（州）人民政府负责具体实施，2025 年底前完成）: the deadline with a PDF's space
    before 年 is cut off as 2025年底前 is, and the bodies before it are read."""
    text = "（十）加强运行监测。按季度发布运行报告。（省统计局牵头；各市（州）人民政府负责具体实施，2025 年底前完成）\n"
    assert _clause_names(text) == [[("省统计局", "lead"), ("各市（州）人民政府", "support")]]

@pytest.mark.parametrize("text, expected", [
    ("推进。（市科技局、市财政局共同推进）\n", [("市科技局", "responsible"), ("市财政局", "responsible")]),
    ("推进。（市商务局负责推进）\n", [("市商务局", "responsible")]),
    ("推进。（市商务局牵头推进）\n", [("市商务局", "lead")]),
    ("推进。（市科技局牵头，市财政局、各区人民政府共同推进）\n",
     [("市科技局", "lead"), ("市财政局", "support"), ("各区人民政府", "support")]),
])
def test_clauses_closing_in_a_push_word(text, expected):
    """共同推进, 负责推进, 牵头推进 close a list of bodies as 共同负责 and 牵头负责 do (a plan's
    （A、B共同推进）); before, the whole clause was dropped."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text", [
    "设立母基金。（市财政局牵头，市金融工作局、某市产业投资基金配合）\n",
    "设立母基金。（市财政局负责，市金融工作局、某市产业投资基金配合）\n",
])
def test_a_fund_supporting_a_lead_body_is_named(text):
    """A fund named in support after a lead body is one of the clause's bodies: without it the whole
    bracket was refused (a fund is no body's ending, as test_a_fund_set_up_in_prose_is_no_body keeps)."""
    assert _clause_names(text) == [[("市财政局", "lead"), ("市金融工作局", "support"), ("某市产业投资基金", "support")]]


@pytest.mark.parametrize("text, expected", [
    ("推进。（责任单位：市大数据局，各市、特区、区人民政府）\n",
     [("市大数据局", "responsible"), ("各市、特区、区人民政府", "responsible")]),
    ("推进。（省科技厅牵头，各市、州、林区人民政府配合）\n", [("省科技厅", "lead"), ("各市、州、林区人民政府", "support")]),
])
def test_special_districts_and_forest_districts_share_the_government(text, expected):
    """特区 (贵州's 六枝特区) and 林区 (神农架林区) are levels as 市, 州 and 区 are: 各市、特区、区人民政府 is one
    body, as 各市、州人民政府 is, not 各市 and 特区 and a 区人民政府 of its own."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。\n责任单位：市人社局、市农业农村局分别牵头\n", [("市人社局", "lead"), ("市农业农村局", "lead")]),
    ("推进。（市人社局、市农业农村局分别牵头）\n", [("市人社局", "lead"), ("市农业农村局", "lead")]),
    ("推进。\n责任单位：市发改委、市经信局、市卫生健康委（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）\n",
     [("市发改委", "lead"), ("市经信局", "responsible"), ("市卫生健康委", "responsible")]),
    ("推进。（牵头单位：市发展改革委；责任单位：各区人民政府（含开发区管委会，下同））\n",
     [("市发展改革委", "lead"), ("各区人民政府", "responsible")]),
    ("推进。(责任单位:各区人民政府〈含开发区管委会,下同〉)\n", [("各区人民政府", "responsible")]),
])
def test_real_task_lists_of_other_cities(text, expected):
    """Forms of real task lists (丽水's, 武汉's): A、B分别牵头 names A and B as leads (分别 is no part of a
    name); a note after the last name that opens with an exception (（除标注“分别牵头”外，列第一位为牵头…，下同）)
    cuts no name and makes the first lead; a scope set for the rest of the text (〈含开发区管委会，下同〉) names no body."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。（市卫生健康委、省委金融办和山东证监局按职责分工负责）\n",
     [("市卫生健康委", "responsible"), ("省委金融办", "responsible"), ("山东证监局", "responsible")]),
    ("推进。（责任单位：市科技局及吉林大学）\n", [("市科技局", "responsible"), ("吉林大学", "responsible")]),
    ("推进。（责任单位：市资源规划局、西咸新区和经开区管委会）\n",
     [("市资源规划局", "responsible"), ("西咸新区", "responsible"), ("经开区管委会", "responsible")]),
    ("推进。（科技部、工业和信息化部和国家卫生健康委等按职责分工负责）\n",
     [("科技部", "responsible"), ("工业和信息化部", "responsible"), ("国家卫生健康委", "responsible")]),
    ("推进。（中国证监会和工业和信息化部负责）\n", [("中国证监会", "responsible"), ("工业和信息化部", "responsible")]),
    ("推进。（市委督查室和市政府督查室负责）\n", [("市委督查室", "responsible"), ("市政府督查室", "responsible")]),
    # never inside one name, nor before 其
    ("推进。（责任单位：市工业和信息化局、市人力资源和社会保障局）\n",
     [("市工业和信息化局", "responsible"), ("市人力资源和社会保障局", "responsible")]),
    ("推进。（各区人民政府及其有关部门负责）\n", [("各区人民政府及其有关部门", "responsible")]),
])
def test_and_joins_a_body_named_without_a_level(text, expected):
    """和/及 between a body's ending and a name that ends as a body does parts two names, also when the
    second opens with no level (山东证监局, 吉林大学, 国家卫生健康委) or the first ends in 室 or 新区: both were
    read as one name (省委金融办和山东证监局)."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。(牵头单位: 市财政局; 配合单位: 市科技局, 市药监局)\n",
     [("市财政局", "lead"), ("市科技局", "support"), ("市药监局", "support")]),
    ("推进。【责任单位】市商务局、市科技局按职责分工负责\n", [("市商务局", "responsible"), ("市科技局", "responsible")]),
])
def test_ascii_labels_with_blanks_and_bracket_labels_with_a_duty(text, expected):
    """A second ASCII label after '; ' (a blank after the semicolon) starts its own segment (its names were
    lost); a 【责任单位】 list closed by 按职责分工负责 is read by its label (【责任单位】 was part of the first name)."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("某市生物医药产业发展专项资金管理办法（试行）\n", []),
    ("某市促进生物医药产业发展若干措施（暂行）\n", []),
    ("推进。（中国人民银行某省分行、某某银行负责）\n", [[("中国人民银行某省分行", "responsible"), ("某某银行", "responsible")]]),
    ("推进。（人行某市中心支行、市金融局按职责分工负责）\n",
     [[("人行某市中心支行", "responsible"), ("市金融局", "responsible")]]),
])
def test_a_title_s_trial_mark_is_no_body_and_banks_are(text, expected):
    """A bracket closing a title line (（试行）, （暂行）) names no body: a bare 行 is no body's ending, as
    银行, 分行 and 支行 are (试行 was read as an agency of the preamble in every trial policy)."""
    assert _clause_names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("（二）建设平台。给予补助。由市发展改革委、市工信局共同牵头，各县（市、区）人民政府配合落实。\n",
     [("市发展改革委", "lead"), ("市工信局", "lead"), ("各县（市、区）人民政府", "support")]),
    ("（二）建设平台。给予补助。由市发展改革委牵头，市财政局配合实施。\n",
     [("市发展改革委", "lead"), ("市财政局", "support")]),
    ("（二）建设平台。给予补助。（市发展改革委、市科技局联合牵头，市财政局配合）\n",
     [("市发展改革委", "lead"), ("市科技局", "lead"), ("市财政局", "support")]),
])
def test_joint_leads_and_support_that_carries_out(text, expected):
    """Real sentences: A、B共同牵头 (or 联合牵头) names two leads, and the support may 配合落实 or
    配合实施; the bracketless sentence was dropped whole (共同 glued to the last lead's name)."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("（十）健全机制。定期调度。由市工业和信息化局牵头。\n", [("市工业和信息化局", "lead")]),
    ("（十）健全机制。定期调度。市科技局、市财政局共同牵头。\n", [("市科技局", "lead"), ("市财政局", "lead")]),
    ("（四）培育企业。给予奖励。市工信局牵头，市财政局协同推进。\n", [("市工信局", "lead"), ("市财政局", "support")]),
    ("（四）培育企业。给予奖励。由市药监局牵头，市卫生健康委配合推进。\n", [("市药监局", "lead"), ("市卫生健康委", "support")]),
])
def test_a_sentence_naming_only_a_lead_or_support_that_pushes_on(text, expected):
    """由A牵头。 closing a measure names its body as 由A负责。 does; so does B协同推进 (or 配合推进) after A牵头."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("sentence", ["联盟原则上由行业龙头企业牵头。", "支持龙头企业联合高校牵头。", "鼓励行业协会牵头。"])
def test_a_prose_sentence_ending_in_lead_names_no_body(sentence):
    """Prose ends in 牵头 too: a sentence naming only a lead is a clause only when it names bodies of government."""
    assert _clause_names(f"（十一）组建联盟。支持企业组建创新联盟，{sentence}\n") == []
    assert _clause_names(f"（十一）组建联盟。支持企业组建创新联盟。{sentence}\n") == []


@pytest.mark.parametrize("text, expected", [
    ("（九）加强领导。统筹推进。市卫生健康委统筹协调，各区政府具体落实。\n", [("市卫生健康委", "lead"), ("各区政府", "support")]),
    ("（九）加强领导。统筹推进。由市财政局统筹，各区政府负责落实。\n", [("市财政局", "lead"), ("各区政府", "support")]),
    ("（九）加强领导。统筹推进。（市发展改革委统筹推进，市科技局配合）\n", [("市发展改革委", "lead"), ("市科技局", "support")]),
    ("（十一）强化考核。纳入考核。市政府督查室牵头，各区人民政府负责具体实施。\n",
     [("市政府督查室", "lead"), ("各区人民政府", "support")]),
])
def test_a_body_that_coordinates_and_support_that_carries_out(text, expected):
    """A统筹(协调)，B具体落实 names a lead and its support as A牵头，B配合 does; so does A牵头，B负责具体实施."""
    assert _clause_names(text) == [expected]


def test_coordination_in_prose_names_no_body():
    assert _clause_names("（九）加强领导。建立统筹机制，企业负责具体实施。\n") == []


@pytest.mark.parametrize("text, expected", [
    ("（五）加强保障。给予补助。由各区政府负责落实，市财政局给予支持。\n", [("各区政府", "lead"), ("市财政局", "support")]),
    ("（五）加强保障。给予补助。由市科技局负责，市财政局给予资金保障。\n", [("市科技局", "lead"), ("市财政局", "support")]),
    ("（五）加强保障。给予补助，由市工信局牵头，市财政局提供经费支持。\n", [("市工信局", "lead"), ("市财政局", "support")]),
])
def test_a_lead_whose_second_body_gives_money(text, expected):
    """由A负责，B给予(资金)支持/保障。 closing a measure names B in support, as 由A负责，B配合。 does."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("sentence", [
    "由企业负责，政府给予支持。",  # no body of government leads
    "由市科技局负责，市产业投资基金给予支持。",  # a fund backing a measure is what the text speaks of, no support body
    "企业负责建设，市财政局给予资金保障。",
    "对符合条件的项目给予支持。",
])
def test_money_support_in_prose_names_no_body(sentence):
    assert _clause_names(f"（五）加强保障。支持企业建设平台。{sentence}\n") == []


@pytest.mark.parametrize("text, expected", [
    ("（六）完善机制。建立联席会议。市发展改革委为牵头单位，市科技局、市财政局为配合单位。\n",
     [("市发展改革委", "lead"), ("市科技局", "support"), ("市财政局", "support")]),
    ("（六）完善机制。建立联席会议。牵头单位为市科技局，配合单位为市财政局。\n",
     [("市科技局", "lead"), ("市财政局", "support")]),
    ("（六）完善机制。建立联席会议，牵头单位为市科技局；配合单位为市财政局、各区人民政府。\n",
     [("市科技局", "lead"), ("市财政局", "support"), ("各区人民政府", "support")]),
    ("市卫生健康委为责任单位。\n", [("市卫生健康委", "responsible")]),
])
def test_roles_stated_with_wei(text, expected):
    """A为牵头单位，B为配合单位。 and 牵头单位为A，配合单位为B。 closing a measure state its bodies' roles."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text", [
    "（六）完善机制。坚持以企业为实施主体，高校为配合单位。\n",  # bodies of no government
    "（六）完善机制。市科技局为牵头单位，市财政局为配合单位，定期会商。\n",  # the sentence runs on
    "（六）完善机制。市科技局为牵头单位，市财政局为配合单位。每季度会商一次。\n",  # not the paragraph's end
    "（六）完善机制。申报单位为项目承担单位。\n",
])
def test_roles_stated_with_wei_in_prose_name_no_body(text):
    assert _clause_names(text) == []


def test_role_sentence_scan_is_finditer():
    """_role_is_matches searches only the lines holding a cue and finds what _ROLE_IS_RE.finditer finds."""
    text = ("甲。市科技局为牵头单位，市财政局为配合单位。\n无关的一行。\n牵头单位为市科技局\n"
            "乙，配合单位为各区政府；\n以企业为实施主体。\n为牵头单位")
    assert ([m.span(1) for m in agencies._role_is_matches(text)]
            == [m.span(1) for m in agencies._ROLE_IS_RE.finditer(text)])
    assert [m.span(1) for m in agencies._role_is_matches(text)] == [(2, 21), (30, 39), (42, 51), (53, 61)]


def test_role_sentence_scan_is_finditer_on_seed_documents(seed_files):
    from bioparse.io import read_text
    from bioparse.normalize import normalize
    for text in (normalize(read_text(p).text).text for p in seed_files):
        assert ([m.span(1) for m in agencies._role_is_matches(text)]
                == [m.span(1) for m in agencies._ROLE_IS_RE.finditer(text)])


@pytest.mark.parametrize("text", [
    "推进项目落地。（市工信局牵头，市财政局、市国资委配合，各有关部门按职责分工负责）\n",
    "推进项目落地。（市工信局牵头，市财政局、市国资委参与，各有关部门分别负责）\n",
])
def test_a_support_run_with_its_own_role_word_before_a_duty_part(text):
    """A牵头，B、C配合，D按职责分工负责 (a 自治区's form): 配合 ends B、C's part and is no part of C's name."""
    assert _clause_names(text) == [[("市工信局", "lead"), ("市财政局", "support"), ("市国资委", "support"),
                                    ("各有关部门", "support")]]


@pytest.mark.parametrize("text", [
    "推进项目落地。由盟工信局牵头负责，盟发改委、盟生态环境局按职责配合。\n",
    "推进项目落地。（盟工信局牵头，盟发改委、盟生态环境局按照职责分工配合）\n",
    "推进项目落地。由盟工信局牵头，盟发改委、盟生态环境局积极参与。\n",
])
def test_how_a_support_body_takes_part_is_no_part_of_its_name(text):
    """B、C按职责配合 (a 盟's and a 开发区's form): 按职责 says how C supports, C's name ends before it."""
    assert _clause_names(text) == [[("盟工信局", "lead"), ("盟发改委", "support"), ("盟生态环境局", "support")]]


@pytest.mark.parametrize("text, expected", [
    ("推进。（责任主体：市药监局；支持单位：市财政局、市科技局）\n",
     [("市药监局", "responsible"), ("市财政局", "support"), ("市科技局", "support")]),
    ("推进。（主责单位：市科技局；支持部门：市工信局）\n", [("市科技局", "responsible"), ("市工信局", "support")]),
])
def test_a_supporting_bodys_label_names_bodies(text, expected):
    """支持单位：/支持部门： after 责任主体：A； names bodies backing the measure, as 配合单位： does."""
    assert _clause_names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("推进。（区发展改革局牵头，青石镇配合）\n", [[("区发展改革局", "lead"), ("青石镇", "support")]]),
    ("推进。（区发展改革局牵头，区财政局、青石镇等镇人民政府配合）\n",
     [[("区发展改革局", "lead"), ("区财政局", "support"), ("青石镇", "support")]]),
    ("推进。（区住建局、东湖街道）\n", [[("区住建局", "responsible"), ("东湖街道", "responsible")]]),
    ("推进。（青石镇）\n", []),
    ("推进。（区文旅局牵头，特色小镇配合）\n", []),
])
def test_a_bare_town_beside_a_body_is_its_government(text, expected):
    """青石镇, 东湖街道 named bare in an unlabelled clause beside a body: a district's towns are its bodies of
    government, as the labelled clauses' golds have them; a town alone, or a 小镇, is no clause."""
    assert _clause_names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("第六条、第七条由区经济发展局负责兑现。\n", [[("区经济发展局", "responsible")]]),
    ("第三条由区服务中心负责兑现，第四条由区招商局负责兑现。\n", [[("区服务中心", "responsible"), ("区招商局", "responsible")]]),
    ("职责分工。本政策第三条至第五条由区服务中心负责兑现，第六条、第七条由区经济发展局负责兑现，第八条由区招商局负责兑现。\n",
     [[("区服务中心", "responsible"), ("区经济发展局", "responsible"), ("区招商局", "responsible")]]),
])
def test_assignments_to_lists_of_articles(text, expected):
    """第六条、第七条由B负责兑现 (each number with its 条) and 第三条由A负责，第四条由B负责 name bodies after each 由:
    第七条由 is no part of B's name, and the first assignment's reference may stand before the clause."""
    assert _clause_names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("（四）培育企业。给予奖励。\n责任单位：市工业和信息化局〔牵头〕、市财政局、各功能区管委会\n",
     [[("市工业和信息化局", "lead"), ("市财政局", "responsible"), ("各功能区管委会", "responsible")]]),
    ("5.壮大企业。支持做大做强。〔责任单位：市经济和信息化局〔牵头〕、市国资委〕\n",
     [[("市经济和信息化局", "lead"), ("市国资委", "responsible")]]),
    ("推进。（责任单位：市科技局【牵头】，市财政局【配合】）\n", [[("市科技局", "lead"), ("市财政局", "support")]]),
    ("推进。【牵头单位】市科技局 【配合单位】市财政局\n", [[("市科技局", "lead")], [("市财政局", "support")]]),
])
def test_a_role_mark_in_square_brackets(text, expected):
    """市工业和信息化局〔牵头〕, as 山东 and 浙江 cities print the mark, leads as 市发展改革委（牵头） does: the mark is
    no name and does not end the clause; 【牵头单位】 before the names is still a label."""
    assert _clause_names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 湖北: the levels a province names its governments by, 直管市 (仙桃, 潜江, 天门) and 林区 among them
    ("（一）建设平台。支持建设。（责任单位：省科技厅、省经信厅，各市、州、直管市、林区人民政府）\n",
     ["省科技厅", "省经信厅", "各市、州、直管市、林区人民政府"]),
    # 浙江: the levels counted with 县 in square brackets, as a bracket inside a bracket is printed
    ("（一）提升能力。支持建设。（责任单位：省科技厅、省教育厅，各市、县〔市、区〕政府）\n",
     ["省科技厅", "省教育厅", "各市、县〔市、区〕政府"]),
    ("（一）提升能力。支持建设。（省科技厅、各市〔州〕、县〔市、区〕人民政府按职责分工负责）\n",
     ["省科技厅", "各市〔州〕、县〔市、区〕人民政府"]),
    # the same clause with no brackets of its own, on its own line: its 〔市、区〕 does not end it
    ("（一）提升能力。支持建设。\n责任单位：省科技厅、省教育厅，各市、县〔市、区〕人民政府\n",
     ["省科技厅", "省教育厅", "各市、县〔市、区〕人民政府"]),
    ("（一）提升能力。支持建设。〔牵头单位：县〔市、区〕政府〕完善配套。\n", ["县〔市、区〕政府"]),
])
def test_level_words_before_their_government_are_one_body(text, expected):
    cl = find_agency_clauses(text)
    assert [names(c) for c in cl] == [expected]
    check_offsets(text, cl)


@pytest.mark.parametrize("text,expected", [
    # 广东: a duty part, then the cities' governments carrying it out as each sees fit
    ("1.实施攻关。优化机制。（省科技厅、工业和信息化厅按职责分工负责，各地级以上市人民政府结合实际落实）\n",
     ["省科技厅", "工业和信息化厅", "各地级以上市人民政府"]),
    ("（一）加强统筹。建立机制。（省发展改革委牵头，省科技厅配合，各市人民政府结合实际抓好落实）\n",
     ["省发展改革委", "省科技厅", "各市人民政府"]),
])
def test_a_government_carrying_out_as_it_sees_fit(text, expected):
    cl = find_agency_clauses(text)
    assert [names(c) for c in cl] == [expected]
    check_offsets(text, cl)


def test_a_prose_part_carried_out_as_one_sees_fit_names_no_body():
    text = "（一）加强统筹。建立机制。（企业结合实际落实）\n"
    assert find_agency_clauses(text) == []


def test_a_responsible_units_label_of_a_division_plan():
    # a national 分工方案: 负责单位： on its own line, its bodies with their roles on the next
    text = ("1. 促进创新能力提升。\n加大科技体制改革力度。\n负责单位：\n"
            "科技部、发展改革委、卫生计生委牵头（按照部门职责分别牵头，下同），工业和信息化部、中医药局参与\n"
            "2. 推动重大药物产业化。\n")
    cl = find_agency_clauses(text)
    assert [names(c) for c in cl] == [["科技部", "发展改革委", "卫生计生委", "工业和信息化部", "中医药局"]]
    assert [a["role"] for a in cl[0]["agencies"]] == ["lead"] * 3 + ["support"] * 2
    check_offsets(text, cl)


@pytest.mark.parametrize("text,expected", [
    # the bodies close a sentence whose first clause is prose, after its last comma
    ("二、支持产业化。对新建项目给予贴息。所需资金分别由省级财政和项目所在地财政承担，省发改委、省工信厅、省财政厅按职责分工负责。\n",
     ["省发改委", "省工信厅", "省财政厅"]),
    ("（二）强化保障。统筹用好专项资金，省财政厅、省科技厅按照职责分工负责。\n", ["省财政厅", "省科技厅"]),
])
def test_bodies_with_their_duty_after_a_prose_clause(text, expected):
    cl = find_agency_clauses(text)
    assert [names(c) for c in cl] == [expected]
    check_offsets(text, cl)


@pytest.mark.parametrize("text", [
    "（二）强化保障。所需资金由企业自筹，各地按职责分工负责。\n",
    "（二）强化保障。加强协调，推动各项任务按职责分工负责。\n",
])
def test_a_prose_clause_ending_in_a_duty_names_no_body(text):
    assert find_agency_clauses(text) == []


def test_a_kind_of_bodies_after_a_prose_clause_names_no_body():
    # r1_c's 保障措施: prose whose last clause gives a kind of bodies (州直有关部门) its duty
    text = "三、保障措施\n\n各县（市）人民政府要加强组织领导，州直有关部门按照职责分工抓好落实。\n"
    assert find_agency_clauses(text) == []


def test_a_segment_with_its_own_duty_after_the_supporting_units():
    # 安徽: 牵头单位：A；配合单位：B、C；各市人民政府负责落实 (the cities carry the measure out)
    text = "（一）强化创新。建设平台。（牵头单位：省科技厅；配合单位：省教育厅、省药监局；各市人民政府负责落实）\n"
    cl = find_agency_clauses(text)
    assert [(a["agency"], a["role"]) for a in cl[0]["agencies"]] == [
        ("省科技厅", "lead"), ("省教育厅", "support"), ("省药监局", "support"), ("各市人民政府", "responsible")]


@pytest.mark.parametrize("text,expected", [
    # a support part whose role word is followed by what it does (配合落实, 参与实施)
    ("（一）加强。支持建设。（省药监局牵头，省卫生健康委、省医保局按职责分工负责，各市州人民政府配合落实）\n",
     [("省药监局", "lead"), ("省卫生健康委", "support"), ("省医保局", "support"), ("各市州人民政府", "support")]),
    ("（一）加强。支持建设。（省科技厅负责，省财政厅、省教育厅参与实施）\n",
     [("省科技厅", "lead"), ("省财政厅", "support"), ("省教育厅", "support")]),
    # a lead backed with money it grants (予以资金支持)
    ("（一）加强。支持建设。该项工作由省科技厅牵头负责，省财政厅予以资金支持。\n",
     [("省科技厅", "lead"), ("省财政厅", "support")]),
])
def test_support_parts_with_what_they_do(text, expected):
    cl = find_agency_clauses(text)
    assert [[(a["agency"], a["role"]) for a in c["agencies"]] for c in cl] == [expected]
    check_offsets(text, cl)


def test_a_second_name_in_square_brackets_inside_a_bare_list():
    # 四川 prints a bracket inside a clause's brackets square: 经济和信息化厅〔省国防科工办〕
    text = "（一）加强。支持建设。（省经济和信息化厅〔省国防科工办〕、省发展改革委）\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["省经济和信息化厅〔省国防科工办〕", "省发展改革委"]]


@pytest.mark.parametrize("text,expected", [
    ("1.发挥科研优势，加强研发攻关。（责任部门和单位：市科委、市发展改革委、上海科创办等）\n",
     ["市科委", "市发展改革委", "上海科创办"]),
    ("2.加强临床资源统筹。\n责任部门和单位：市卫生计生委、市科委、申康医院发展中心等\n",
     ["市卫生计生委", "市科委", "申康医院发展中心"]),
])
def test_a_label_naming_both_kinds_of_body(text, expected):
    """上海's plans head their clauses 责任部门和单位：, in brackets or on a line of their own."""
    cl = find_agency_clauses(text)
    assert [names(c) for c in cl] == [expected]
    assert cl[0]["style"] == "责任部门和单位"


def test_a_body_named_after_a_quoted_group_of_places():
    """“三区”管委会 (宜春's three zones' committees) is a body as written; a quoted name alone is none."""
    text = "1.医疗服务产业集群。打造赣西医疗服务高地。（责任单位：市卫计委，袁州区人民政府，“三区”管委会）\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["市卫计委", "袁州区人民政府", "“三区”管委会"]]
    assert not agencies.looks_like_agency("“十大楚药”") and agencies.looks_like_agency("“两区”管委会")


def test_each_point_of_a_run_closed_by_its_own_clause_without_brackets():
    """一是…，由A负责；二是…，B牵头，C配合。: each point's clause is read, not only the paragraph's last, and a
    由 of an earlier point is none of the last point's bodies."""
    text = ("第一条　支持临床试验。一是支持医疗机构建设研究型病房，由省卫生健康委负责；二是对开展临床试验的机构给予奖励，"
            "由省科技厅、省财政厅负责。\n"
            "第二条　支持创新产品应用。一是将创新药械纳入医保支付范围，由省医保局负责；二是推动医疗机构配备使用创新产品，"
            "省卫生健康委牵头，省医保局配合。\n"
            "第三条　支持企业做大做强。一是对中标品种给予奖励，由省医保局负责；二是对兼并重组给予贴息，由省地方金融管理局、"
            "省财政厅负责；三是对国际认证给予奖励，省工业和信息化厅牵头，省药监局配合。\n")
    got = [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]]
    assert got == [("省卫生健康委", "responsible"), ("省科技厅", "responsible"), ("省财政厅", "responsible"),
                   ("省医保局", "responsible"), ("省卫生健康委", "lead"), ("省医保局", "support"),
                   ("省医保局", "responsible"), ("省地方金融管理局", "responsible"), ("省财政厅", "responsible"),
                   ("省工业和信息化厅", "lead"), ("省药监局", "support")]


def test_a_plain_duty_after_a_comma_closing_a_point():
    """In a point of a run a body's plain 负责 after the point's prose comma is its clause, as its bracketed
    form (省卫生健康委负责) is: 一是…，省卫生健康委负责；二是…，省药监局负责。"""
    text = "（二）支持临床试验。一是支持研究型病房建设，省卫生健康委负责；二是支持临床试验机构备案，省药监局负责。\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["省卫生健康委"], ["省药监局"]]


def test_a_plain_duty_after_a_comma_outside_a_run_is_no_clause():
    """Outside a run's point a body's plain 负责 after a prose comma stays prose, as before."""
    assert find_agency_clauses("（三）加强保障。设立专项资金，市财政局负责。\n") == []


def test_a_run_point_closed_by_governments_of_a_kind():
    """一是…，A负责；二是…，各区人民政府负责。: the last point's 各区人民政府 are governments, so its plain 负责
    after the comma is a clause as a named body's is; 各地负责 stays prose."""
    text = "第五条　支持人才。一是引进领军人才，市人才办负责；二是完善人才服务，各区人民政府负责。\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["市人才办"], ["各区人民政府"]]
    assert find_agency_clauses("（一）支持人才。一是引进人才，市人才办负责；二是完善服务，各地负责。\n")[1:] == []


@pytest.mark.parametrize("duty", ["按各自职责负责实施", "按职责分工负责组织实施", "按照各自职能职责分工负责组织实施"])
def test_a_duty_suffix_closed_by_carrying_out(duty):
    """市卫生健康委、市医保局按各自职责负责实施。: 负责实施 ends the duty suffix as 负责落实 does."""
    text = f"第三条　支持应用推广。推动创新产品进入医院。市卫生健康委、市医保局{duty}。\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["市卫生健康委", "市医保局"]]


@pytest.mark.parametrize("tail", ["\n——市财政局、市金融局\n", "——市财政局、市金融局。\n", "\n—— 市财政局，市金融局\n",
                                  "\n——责任单位：市财政局、市金融局\n", "——市财政局牵头，市金融局配合。\n"])
def test_bodies_after_a_dash_closing_a_measure(tail):
    """加大金融支持。——市财政局、市金融局: bodies after a dash that opens a line or follows a sentence's end,
    listed, labelled or with their roles; the dash is no part of the first name."""
    text = "（六）加大金融支持。设立产业基金。" + tail + "（七）加强监管。\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["市财政局", "市金融局"]]


@pytest.mark.parametrize("text", ["——省级平台：新建重点实验室20家以上。\n", "坚持创新——市场主导、政府引导。\n",
                                  "“生物医药是朝阳产业”——市科技局\n"])
def test_a_dash_before_prose_or_mid_sentence_is_no_clause(text):
    """A dash before a labelled aim, inside a sentence, or after a quotation, names no responsible body."""
    assert find_agency_clauses(text) == []


@pytest.mark.parametrize("task", ["建设产业园", "建设高新区"])
def test_a_points_task_ending_like_a_body_is_no_name(task):
    """一是建设产业园，A负责；二是…: the first point's task ends in 园 (or 区) as a park's name does, but a
    piece opening with 一是 is a point of a run, never a body, so only A is read."""
    text = f"（四）推动集聚发展。一是{task}，市工业和信息化局负责；二是完善配套，市科技局负责。\n"
    assert [names(c) for c in find_agency_clauses(text)] == [["市工业和信息化局"], ["市科技局"]]
    assert not agencies.looks_like_agency("一是" + task)


@pytest.mark.parametrize("first, second", [("（1）", "（2）"), ("(1)", "(2)"), ("（一）", "（二）")])
def test_bracketed_points_set_inline_each_closed_by_its_own_clause(first, second):
    """实施…。（1）建设基地，A负责；（2）建设追溯体系，B负责。: points numbered in brackets and set inline are a run
    as 一是…；二是… is, each point closed by its own plain 负责 after its comma."""
    text = (f"（三）加强中药材质量控制\n实施中药材标准化种植。{first}建设基地，省农业农村厅负责；"
            f"{second}建设追溯体系，省药监局负责。\n")
    assert [names(c) for c in find_agency_clauses(text)] == [["省农业农村厅"], ["省药监局"]]


@pytest.mark.parametrize("sentence", ["市卫生健康委负责牵头，市医保局、市财政局按职责配合。", "由市卫生健康委负责牵头，市医保局、市财政局配合。"])
def test_a_lead_written_responsible_for_leading(sentence):
    """A负责牵头，B、C按职责配合。 closing a measure: 负责牵头 is a lead's word as 牵头负责 is, so A leads."""
    text = "（一）发展中医药。建设传承创新中心。" + sentence + "\n"
    assert [(a["agency"], a["role"]) for c in find_agency_clauses(text) for a in c["agencies"]] == [
        ("市卫生健康委", "lead"), ("市医保局", "support"), ("市财政局", "support")]
