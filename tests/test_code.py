"""Coding provisions with the codebook: token matching, vetoes, evidence, roll-up."""
import pandas as pd

from bioparse.code import code_provisions, code_tokens, compile_codebook, parent_codes, rollup_codes
from bioparse.codebook import load_codebook
from bioparse.text import get_segmenter, segment_provisions


def _book(theme):
    return {"version": 1, "schemes": {"theme": theme,
            "instrument": [{"id": "supply.talent", "parent": "supply", "include": ["人才"], "exclude": []}],
            "stage": [{"id": "rd", "include": ["研发"], "exclude": []}]}}


def _codes(texts, book):
    prov = pd.DataFrame({"doc_id": "d", "provision_id": [str(i) for i in range(len(texts))],
                         "text": texts})
    return code_provisions(prov, segment_provisions(prov), book)


def test_tcm_does_not_match_inside_longer_word():
    book = _book([{"id": "tcm", "include": ["中药"], "exclude": []}])
    codes = _codes(["规范中药材种植基地", "推动中药创新"], book)
    tcm = codes[codes.code == "tcm"]
    assert list(tcm.provision_id) == ["1"]


def test_exclude_vetoes_and_evidence_listed():
    book = _book([{"id": "nucleic_acid", "include": ["核酸药物", "核酸"], "exclude": ["核酸检测"]}])
    codes = _codes(["发展核酸药物，壮大核酸", "加强核酸检测能力", "加强核酸检测能力，发展核酸"], book)
    na = codes[codes.code == "nucleic_acid"].set_index("provision_id")
    assert sorted(na.index) == ["0", "2"]
    assert na.loc["0", "evidence"] == "；".join(sorted(["核酸", "核酸药物"]))
    assert na.loc["0", "n_hits"] == 2
    assert na.loc["2", "evidence"] == "核酸" and na.loc["2", "n_hits"] == 1


def test_exclude_phrase_vetoes_overlapping_hits_only():
    book = _book([{"id": "tcm", "include": ["中药"], "exclude": ["中药 材料"]}])
    compiled = compile_codebook(book, get_segmenter())
    assert not code_tokens(["采购", "中药", "材料"], compiled)
    hits = code_tokens(["中药", "材料", "和", "中药"], compiled)
    assert [(h["code"], h["n_hits"]) for h in hits] == [("tcm", 1)]


def test_multi_code_and_columns():
    codes = _codes(["引进高端人才开展新药研发"], load_codebook())
    assert list(codes.columns) == ["doc_id", "provision_id", "scheme", "code", "evidence", "n_hits"]
    got = set(zip(codes.scheme, codes.code))
    assert {("instrument", "supply.talent"), ("stage", "rd"), ("theme", "talent")} <= got


def test_multi_token_term_matches_contiguous_run():
    seg = get_segmenter()
    compiled = compile_codebook(_book([{"id": "x", "include": ["药品 流通"], "exclude": []}]), seg)
    hits = code_tokens(["健全", "药品", "流通", "体系"], compiled)
    assert any(h["code"] == "x" for h in hits)
    assert not any(h["code"] == "x" for h in code_tokens(["药品", "和", "流通"], compiled))


def test_ascii_terms_case_insensitive():
    book = _book([{"id": "outsourcing", "include": ["CDMO"], "exclude": []}])
    codes = _codes(["培育一批cdmo企业"], book)
    assert "outsourcing" in set(codes.code)


def test_rollup_counts_each_code_once_per_section():
    prov = pd.DataFrame({
        "doc_id": "d", "provision_id": ["1", "1.1", "1.1.1", "1.1.2", "2"],
        "parent_id": ["", "1", "1.1", "1.1", ""],
        "level": ["part", "section", "item", "item", "part"],
        "text": ["一、任务", "（一）人才", "1.重视人才", "2.培养人才和研发", "二、保障"]})
    codes = code_provisions(prov, segment_provisions(prov), _book([{"id": "talent", "include": ["人才"], "exclude": []}]))
    up = rollup_codes(codes, prov)
    sec = up[(up.provision_id == "1.1") & (up.code == "talent")]
    assert len(sec) == 1 and sec.iloc[0].n_provisions == 3 and sec.iloc[0].n_hits == 3
    part = up[(up.provision_id == "1") & (up.code == "talent")]
    assert len(part) == 1 and part.iloc[0].n_provisions == 3
    assert set(up[up.provision_id == "1.1"].code) == {"talent", "supply.talent", "rd"}
    assert up[up.provision_id == "2"].empty


def test_parent_codes_merge_instruments():
    book = load_codebook()
    codes = _codes(["引进高端人才，设立专项资金"], book)
    par = parent_codes(codes[codes.scheme == "instrument"], book)
    assert list(par.code) == ["supply"]


def test_seed_coding_smoke(seed_files):
    from bioparse import normalize, parse_provisions
    text = normalize(seed_files[0].read_text(encoding="utf-8")).text
    rows = [dict(p.as_row(), doc_id="seed") for p in parse_provisions(text)]
    prov = pd.DataFrame(rows)
    codes = code_provisions(prov, segment_provisions(prov))
    assert set(codes.scheme) == {"theme", "instrument", "stage"}
    assert codes.evidence.str.len().gt(0).all()
