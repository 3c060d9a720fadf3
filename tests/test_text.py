"""Segmentation with the domain dictionary, and terms."""
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from bioparse.codebook import codebook_terms, load_codebook
from bioparse.text import (get_segmenter, load_stopwords, load_userdict, segment_provisions,
                           segmenter_agreement, terms_of)

ROOT = Path(__file__).resolve().parents[1]


def test_userdict_words_are_one_token():
    seg = get_segmenter()
    toks = seg.cut("支持三级医疗机构设立研究型病房，发展细胞和基因治疗、核酸药物和医药外包服务。")
    for w in ("研究型病房", "细胞和基因治疗", "核酸药物"):
        assert w in toks
    assert "中药材" in seg.cut("规范中药材种植")


def test_userdict_holds_every_codebook_term():
    words = {w for w, _ in load_userdict()}
    assert codebook_terms(load_codebook()) <= words


def test_segmenter_is_cached():
    assert get_segmenter("jieba") is get_segmenter("jieba")


def test_no_output_and_cache_in_cache_dir(tmp_path):
    env = dict(os.environ, BIOPARSE_CACHE_DIR=str(tmp_path / "cache"))
    code = "from bioparse.text import get_segmenter; get_segmenter().cut('研究型病房')"
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "" and r.stderr == ""
    assert (tmp_path / "cache" / "jieba.cache").exists()


def test_no_output_in_process(capsys):
    get_segmenter().cut("加快推动医药外包服务行业发展")
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_terms_drop_stopwords_numbers_punctuation():
    stop = load_stopwords()
    assert "的" in stop
    toks = get_segmenter().cut("到2026年，支持 25 家企业开展DRG/DIP付费改革的试点。")
    terms = terms_of(toks, stop)
    assert "DRG" in terms and "DIP" in terms and "试点" in terms
    assert not any(t.isdigit() for t in terms)
    assert "的" not in terms and "，" not in terms and "2026" not in terms
    assert all(len(t) >= 2 for t in terms)


def test_terms_count():
    assert terms_of(["医保", "医保", "的", "，", "12"], {"的"}) == {"医保": 2}


def test_segment_provisions_keys_and_user_codebook_terms():
    prov = pd.DataFrame({"doc_id": ["d", "d"], "provision_id": ["1", "2"],
                         "text": ["支持研究型病房建设", "推进园区飞地合作"]})
    book = load_codebook()
    book["schemes"]["theme"][0]["include"] = book["schemes"]["theme"][0]["include"] + ["园区飞地"]
    toks = segment_provisions(prov, "jieba", book)
    assert set(toks) == {("d", "1"), ("d", "2")}
    assert "园区飞地" in toks[("d", "2")]


def test_rjieba_uses_userdict_and_agrees():
    texts = ["支持三级医疗机构设立研究型病房", "加快细胞和基因治疗、核酸药物发展"]
    assert "研究型病房" in get_segmenter("rjieba").cut(texts[0])
    assert segmenter_agreement(texts, "jieba", "rjieba") > 0.9
    assert segmenter_agreement(texts, "jieba", "jieba") == 1.0


def test_function_verbs_of_policy_prose_are_stopwords():
    """实现, 达到, 纳入, 为主, 系统 frame a plan's measures whatever it is about (resources/stopwords.txt)."""
    stop = load_stopwords()
    for word in ("实现", "达到", "纳入", "为主", "系统", "确保", "包括", "提供"):
        assert word in stop
    toks = get_segmenter().cut("力争到2027年实现产业规模达到500亿元，将创新药纳入医保目录。")
    terms = terms_of(toks, stop)
    assert not {"实现", "达到", "纳入", "力争"} & set(terms)
    assert "创新药" in terms


def test_no_codebook_term_is_a_stopword():
    """A stopword is left out of the terms table: a codebook term must never be one."""
    from bioparse.codebook import codebook_terms, load_codebook
    assert not set(codebook_terms(load_codebook())) & load_stopwords()
