"""The fast paths of targets.py give exactly what the plain code they replace gives.

Like test_speed_prefilters, each test compares a fast scan with the plain regex scan (or
plain loop) it stands in for, on generated texts made of the pieces that matter to it.
"""
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from bioparse import targets

SETTINGS = settings(max_examples=int(os.environ.get("BIOPARSE_PROP_EXAMPLES", "300")), deadline=None)

YEAR_TOKENS = ["到", "至", "截至", "截止", "截止到", "截", "止", "展望", "展", "望", " ", "\u3000", "2025", "２０２５", "二〇二五",
               "一九九九", "二○二五", "1999", "20", "25", "年", "底", "末", "前", "以前", "\n", "，", "x", "3",
               "٢٠٢٥", "20٢5"]
YEAR_TEXTS = st.lists(st.sampled_from(YEAR_TOKENS), max_size=30).map("".join)


@SETTINGS
@given(YEAR_TEXTS, st.integers(0, 40), st.integers(0, 60))
def test_year_matches_are_finditer(text, start, end):
    expected = [m.span() for m in targets._YEAR_RE.finditer(text, start, end)]
    assert [m.span() for m in targets._year_matches(text, start, end)] == expected


def test_target_groups_are_in_the_regex_order():
    """_candidate unpacks m.groups() by the order _TARGET_GROUPS spells."""
    order = sorted(targets._TARGET_RE.groupindex, key=targets._TARGET_RE.groupindex.get)
    assert tuple(order) == targets._TARGET_GROUPS
    assert targets._TARGET_RE.groupindex["num"] == targets._NUM_GROUP
    assert targets._TARGET_RE.groupindex["num2"] == targets._NUM2_GROUP


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_round10_is_round(x):
    assert repr(targets._round10(x)) == repr(round(x, 10))


MARK_TEXTS = st.lists(st.sampled_from(["）", ")", "：", ":", "\t", "（", "x", "\n", "百分之", "百", "分", "之", "十五",
                                       "三点五", "以上", " ", "〔", "〕", "【", "】", "﹝", "﹞", "2021", "号", "国发"]),
                      max_size=30).map("".join)


@SETTINGS
@given(MARK_TEXTS)
def test_table_marks_are_the_in_tests(text):
    expected = "\t" in text or "）：" in text or "）:" in text or "):" in text
    assert targets._has_table_marks(text) == expected


@SETTINGS
@given(MARK_TEXTS)
def test_matches_at_a_mark_are_finditer(text):
    pairs = [("百分之", targets._PCT_WORDS_RE)] + [(rx.pattern[0], rx) for rx in targets._DATE_RES[3:]]
    for mark, rx in pairs:
        assert [m.span() for m in targets._matches_at(text, mark, rx)] == [m.span() for m in rx.finditer(text)]


CLAUSE_TEXTS = st.lists(st.sampled_from(list("，。；;,\n！？、 x") + ["资金", "基金规模", "产值"]), max_size=30).map("".join)


@SETTINGS
@given(CLAUSE_TEXTS, st.integers(0, 60))
def test_clause_and_sentence_starts_are_the_walk_back(text, pos):
    pos = min(pos, len(text))
    for ends in (targets._CLAUSE_END, "。；;\n"):
        i = pos
        while i > 0 and text[i - 1] not in ends:
            i -= 1
        assert targets._start_after_last(text, ends.replace("\n", ""), pos) == i
    assert set(targets._CLAUSE_END_IN_LINE) | {"\n"} == set(targets._CLAUSE_END)


def test_fund_words_hold_the_fund_character():
    assert all(targets._FUND_CHAR in w for w in targets._FUND_NOUNS + targets._FUND_SIZES)


@SETTINGS
@given(YEAR_TEXTS)
def test_last_year_on_line_is_last_year(text):
    """The year of each position, from the line's years found once, is the scan from the line's start."""
    memo: dict = {}
    for pos in range(len(text) + 1):
        line_start = text.rfind("\n", 0, pos) + 1
        assert targets._last_year_on_line(text, line_start, pos, memo)[0] == targets.last_year(text, line_start, pos)


TAKEN_OVER_TOKENS = ["到", "十五五", "“", "”", "末", "期末", "时期", "，", "。", "；", "（", "）", "(", ")", "2023", "2025",
                     "2030", "二〇二三", "年", "截至", "截止到", "截止", " ", "度", "底", "前", "以前", "以来", "起", "至",
                     "—", "本世纪中叶", "世纪中叶", "达", "高", "x", "\n", "五", "3", "\u3000", "２０２３", "一九九九"]
TAKEN_OVER_TEXTS = st.lists(st.sampled_from(TAKEN_OVER_TOKENS), max_size=30).map("".join)


@SETTINGS
@given(TAKEN_OVER_TEXTS, st.sampled_from([2020, 2024, 2025, 2031]))
def test_taken_over_by_marks_is_the_window_scan(text, year):
    """From the line's horizons and headed years found once, by bisection: the scan of each window."""
    memo: dict = {}
    for pos in range(len(text) + 1):
        line_start = text.rfind("\n", 0, pos) + 1
        for start in range(line_start, pos + 1):
            assert (targets._taken_over_by_marks(text, line_start, start, pos, year, memo)
                    == targets._year_taken_over(text, start, pos, year)), (start, pos)
