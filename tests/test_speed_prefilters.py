"""The fast scans in agencies and targets find exactly what the plain regex scans find.

Each fast scan stands in for a `regex.finditer(text)` (or a filter in front of it) and
must give the same matches for any text; these tests compare the two on generated texts
made of the pieces the regexes care about, and on the seed documents.
"""
import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bioparse import agencies, targets
from bioparse.io import read_text
from bioparse.normalize import normalize

SETTINGS = settings(max_examples=int(os.environ.get("BIOPARSE_PROP_EXAMPLES", "300")), deadline=None)

AGENCY_TOKENS = [
    "（", "）", "(", ")", "、", "，", ",", "；", ";", "。", "！", "：", ":", "\n", " ", "\u3000", "\t",
    "责任单位", "牵头单位", "配合单位", "责任部门", "实施单位", "负责", "牵头", "配合", "参与",
    "按职责分工负责", "共同负责", "等有关部门", "等", "市科技局", "区政府", "市发展改革委", "中心",
    "加快建设", "2025年", "一", "研究", "x",
]
AGENCY_PHRASES = [
    "（责任单位：市科技局、区政府）", "(市科技局)", "（一）", "(2)", "（市科技局（分局）、区政府）",
    "责任单位：市科技局；配合单位：区政府", "市科技局牵头，区政府配合", "市科技局、区政府按职责分工负责",
    "（牵头单位：市科技局）。\n", "市科技局负责。\n", "市科技局、区政府负责\n", "。实施单位 ：区政府",
    "\n配合部门:\n市科技局",
]
TARGET_TOKENS = [
    "1", "2", "0", "20", "2025", "3.5", "1,000", "１２", "．", ".", ",", "一", "十", "百", "千",
    "两", "零", "〇", "万", "亿", "元", "美元", "个", "%", "％", "年", "月", "日", "号", "天", "周",
    "工作日", "百分点", "家", "人", "项", "亩", "倍", "余", "多", "以内", "以上", "内", "容", " ",
    "\u3000", "—", "-", "～", "至", "到", "不超过", "最高", "达到", "超", "约", "近", "力争",
    "支持", "给予", "平均", "第", "前", "〔", "〕", "国发", "“", "”", "《", "》", "\"", "\n",
    "。", "，", "；", "百分之", "截至", "底", "以前", "资金", "产值", "增长", "占", "a", "X",
]
TARGET_PHRASES = [
    "3至5个", "3.5.6%", "3千", "三千万元", "1,000万元", "2018—2020年", "2018 - 2020 年", "二〇二五年",
    "2025年12月", "2025年3月5日", "12月31日", "123月4日", "不超过3.5%", "最高 1000万元",
    "压缩至 60 个工作日以内", "国发〔2015〕28号", "“十四五”", "《规划》", "到2025年", "2025年底前",
    "支持给予 5 亿元", "超 10 家", "约 3 成", "百分之十五",
]


def texts_of(tokens, phrases):
    """Texts of up to 40 pieces, drawn from single tokens and whole phrases alike."""
    piece = st.one_of(st.sampled_from(tokens), st.sampled_from(phrases))
    return st.lists(piece, max_size=40).map("".join)


AGENCY_TEXTS = texts_of(AGENCY_TOKENS, AGENCY_PHRASES)
TARGET_TEXTS = texts_of(TARGET_TOKENS, TARGET_PHRASES)


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


# ------------------------------------------------------------------ agencies
@SETTINGS
@given(AGENCY_TEXTS)
def test_paren_scan_is_finditer(text):
    assert spans(agencies._paren_matches(text)) == spans(agencies._PAREN_RE.finditer(text))


@SETTINGS
@given(AGENCY_TEXTS)
def test_bare_marker_scan_is_finditer(text):
    assert spans(agencies._bare_marker_matches(text)) == spans(agencies._BARE_MARKER_RE.finditer(text))


@SETTINGS
@given(AGENCY_TEXTS)
def test_bare_duty_scan_is_finditer(text):
    assert spans(agencies._bare_duty_matches(text)) == spans(agencies._BARE_DUTY_RE.finditer(text))


@SETTINGS
@given(st.lists(st.sampled_from([t for t in AGENCY_TOKENS if not agencies._CUE_RE.search(t)]),
                max_size=30).map("".join))
def test_clause_without_cue_word_needs_paragraph_end(inner):
    """find_agency_clauses skips mid-paragraph parentheses without a cue word unparsed."""
    assert agencies.parse_clause(inner, 0, require_marker=True) is None


def test_marker_words_cannot_overlap():
    """_bare_marker_matches reads the marker right before a colon; no marker ends another's start."""
    for a in agencies.MARKERS:
        for b in agencies.MARKERS:
            for k in range(1, min(len(a), len(b))):
                assert a[-k:] != b[:k], (a, b)


def test_fast_scans_on_seed_documents(seed_files):
    for text in (normalize(read_text(p).text).text for p in seed_files):
        assert spans(agencies._paren_matches(text)) == spans(agencies._PAREN_RE.finditer(text))
        assert spans(agencies._bare_marker_matches(text)) == spans(agencies._BARE_MARKER_RE.finditer(text))
        assert spans(agencies._bare_duty_matches(text)) == spans(agencies._BARE_DUTY_RE.finditer(text))
        assert spans(targets._target_matches(text)) == spans(targets._TARGET_RE.finditer(text))


# ------------------------------------------------------------------ targets
@SETTINGS
@given(TARGET_TEXTS)
def test_target_scan_is_finditer(text):
    assert spans(targets._target_matches(text)) == spans(targets._TARGET_RE.finditer(text))


@SETTINGS
@given(TARGET_TEXTS)
def test_date_spans_are_finditer(text):
    expected = sorted(m.span() for rx in targets._DATE_RES[:3] for m in rx.finditer(text))
    assert sorted(targets._date_spans(text)) == expected


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8),
       st.integers(0, 30), st.integers(0, 30))
def test_span_overlap_by_bisection(pairs, start, end):
    pairs = [(min(a, b), max(a, b)) for a, b in pairs]
    expected = any(s < end and start < e for s, e in pairs)
    assert targets._Spans(pairs).overlaps(start, end) == expected


def test_character_classes_of_the_target_scan_are_disjoint():
    """A digit stops the walk back over prefix characters; a unit ends a number run."""
    numerals = set("0123456789０１２３４５６７８９") | set(targets._CN_NUMERALS)
    assert not numerals & targets._PREFIX_CHARS
    number_char = re.compile(f"[{targets._NUMBER_TO_UNIT}]")
    assert all(number_char.fullmatch(ch) for ch in numerals)
    assert not any(number_char.fullmatch(ch) for ch in targets._UNIT_FIRST)


@SETTINGS
@given(st.lists(st.sampled_from(["增长", "年均", "占", "比重", "率", "资金", "税", "税收", "利税",
                                 "产值", "收入", "投资", "规模", "x", "，"]), max_size=12).map("".join))
def test_nearest_kind_is_the_word_ending_last(before):
    for table in (targets._MONEY_KINDS, targets._PERCENT_KINDS):
        best, best_end = None, -1
        for kind, words in table:
            for w in words:
                p = before.rfind(w)
                if p >= 0 and p + len(w) > best_end:
                    best, best_end = kind, p + len(w)
        assert targets._nearest_kind(before, table) == best


def test_paren_scan_keeps_the_600_unit_bound():
    inner = "市科技局" * 150
    for text in ["（" + inner + "）", "（" + inner + "字）", "（" + inner + "（甲））（乙）",
                 "(" + inner[:-1] + "（丙）)", "（" + "（甲）" * 601 + "）"]:
        assert spans(agencies._paren_matches(text)) == spans(agencies._PAREN_RE.finditer(text))
