"""Tests for bioparse.agency_names' comparison names: district-level bodies qualified by their
district, and one spelling of a collective (各相关/相关/有关)."""
from __future__ import annotations

import pandas as pd

from bioparse import findings as F
from bioparse.agency_names import (canonical_agency, collective_name, document_district, load_crosswalk,
                                   qualify_district)
from bioparse.pipeline import agency_rows


def test_document_district_of_district_plans_only():
    assert document_district({"level": "district", "region": "蓟州区"}) == "蓟州区"
    assert document_district({"level": "district", "region": "滨海新区"}) == "滨海新区"
    assert document_district({"level": "district", "region": "天津市蓟州区"}) == "蓟州区"
    assert document_district({"region": "某某县"}) == "某某县"  # level not read: the region says it
    assert document_district({"level": "city", "region": "天津市"}) == ""
    assert document_district({"level": "province", "region": "山东省"}) == ""
    assert document_district({}) == ""


def test_a_district_body_is_named_by_its_district():
    cw = load_crosswalk(place="天津")
    assert canonical_agency("区科技局", cw, district="蓟州区") == "蓟州区科技局"
    assert canonical_agency("区科技局", cw, district="滨海新区") == "滨海新区科技局"
    assert canonical_agency("区科技局", cw, district="蓟州区") != canonical_agency("区科技局", cw, district="滨海新区")
    # carried prefix and crosswalk first, then the district: 区工信委 → 区工业和信息化局 → 蓟州区…
    assert canonical_agency("工信委", cw, "区招商局", district="蓟州区") == "蓟州区工业和信息化局"
    # city bodies, collectives and bodies of the other level are left alone
    assert canonical_agency("市科技局", cw, district="蓟州区") == "市科技局"
    assert canonical_agency("相关区人民政府", cw, district="蓟州区") == "相关区人民政府"
    assert qualify_district("县科技局", "蓟州区") == "县科技局"
    assert qualify_district("县科技局", "蓟县") == "蓟县科技局"
    # no district (a city plan's 区科技局 is every district's): unchanged
    assert canonical_agency("区科技局", cw) == "区科技局"


def test_pipeline_rows_keep_the_written_name_and_qualify_the_canonical():
    text = "推进项目落地。（责任单位：区科技局、区财政局）\n"
    rows = agency_rows("d", text, lambda offset: "1", None, place="天津", district="蓟州区")
    assert [(r["agency"], r["agency_canonical"]) for r in rows] == [
        ("区科技局", "蓟州区科技局"), ("区财政局", "蓟州区财政局")]


def test_two_districts_bureaus_do_not_count_as_one_agency_in_both_periods():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "period": ["2018", "2024-2025"],
                              "level": ["district", "district"], "region": ["蓟州区", "滨海新区"]})
    cw = load_crosswalk(place="天津")
    agencies = pd.DataFrame({
        "doc_id": ["a", "b"], "provision_id": ["1", "1"], "agency": ["区科技局", "区科技局"],
        "agency_canonical": [canonical_agency("区科技局", cw, district=document_district(d))
                             for d in documents.to_dict("records")]})
    turn = F.agency_turnover(F.agency_period_table(agencies, documents))
    assert turn["both"] == []
    assert turn["only_first"] == ["蓟州区科技局"] and turn["only_last"] == ["滨海新区科技局"]


def test_collectives_are_spelled_one_way():
    cw = load_crosswalk(place="天津")
    assert canonical_agency("各相关区人民政府", cw) == canonical_agency("相关区人民政府", cw) == "相关区人民政府"
    assert collective_name("各有关部门") == collective_name("有关部门") == collective_name("相关部门") == "相关部门"
    assert collective_name("各相关开发区") == "相关开发区"
    # 各 alone (every district) keeps its wider scope; a name is never cut to nothing
    assert collective_name("各区人民政府") == "各区人民政府"
    assert collective_name("有关") == "有关"
