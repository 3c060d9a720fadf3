"""The fast scans in agencies, targets and structure find exactly what the plain regex scans find.

Each fast scan stands in for a `regex.finditer(text)` (or a filter in front of it) and
must give the same matches for any text; these tests compare the two on generated texts
made of the pieces the regexes care about, and on the seed documents.
"""
import importlib
import os
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bioparse import agencies, agency_names, targets
from bioparse.io import read_text
from bioparse.normalize import normalize

SETTINGS = settings(max_examples=int(os.environ.get("BIOPARSE_PROP_EXAMPLES", "300")), deadline=None)

AGENCY_TOKENS = [
    "（", "）", "(", ")", "、", "，", ",", "；", ";", "。", "！", "：", ":", "\n", " ", "\u3000", "\t",
    "责任单位", "牵头单位", "配合单位", "责任部门", "实施单位", "负责", "牵头", "配合", "参与",
    "按职责分工负责", "共同负责", "等有关部门", "等", "市科技局", "区政府", "市发展改革委", "中心",
    "加快建设", "2025年", "一", "研究", "x",
    "【", "】", "〔", "〕", "责任处室", "落实", "会同", "由", "下同", "的组织实施", "工作",
    "主要责任部门", "责任部门和单位", "和单位", "受理", "审核", "兑现", "和", "．", "主管部门及责任处室",
]
AGENCY_PHRASES = [
    "（责任单位：市科技局、区政府）", "(市科技局)", "（一）", "(2)", "（市科技局（分局）、区政府）",
    "责任单位：市科技局；配合单位：区政府", "市科技局牵头，区政府配合", "市科技局、区政府按职责分工负责",
    "（牵头单位：市科技局）。\n", "市科技局负责。\n", "市科技局、区政府负责\n", "。实施单位 ：区政府",
    "\n配合部门:\n市科技局",
    "【牵头单位】市科技局", "〔配合单位〕区政府、", "【责任单位：", "市科技局、区政府负责落实\n",
    "本条由市科技局负责受理和审核。\n", "由区政府负责审核兑现\n",
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
def test_paragraph_end_test_is_the_regex(text):
    for i in range(len(text) + 2):
        assert agencies._ends_paragraph(text, i) == (agencies._PARAGRAPH_END_RE.match(text, i) is not None), i


@SETTINGS
@given(AGENCY_TEXTS)
def test_bare_marker_scan_is_finditer(text):
    assert spans(agencies._bare_marker_matches(text)) == spans(agencies._BARE_MARKER_RE.finditer(text))


@SETTINGS
@given(AGENCY_TEXTS)
def test_bare_duty_scan_is_finditer(text):
    assert spans(agencies._bare_duty_matches(text)) == spans(agencies._BARE_DUTY_RE.finditer(text))


DEADLINE_TEXTS = st.lists(st.sampled_from(AGENCY_TOKENS + [
    "2025年12月底前完成", "2026年6月", "完成", "底前", "内", "持续推进", "长期坚持", "确保", "确保资金到位", "，确保", "于",
]), max_size=30).map("".join)


def _plain_deadline_duty_matches(text):
    """The duty sentences before a deadline or 确保 tail, as first written: every line whose end a deadline
    can close, each separator tried in turn; then every 确保 tail the whole-text scan finds."""
    for close in agencies._DEADLINE_LINE_END_RE.finditer(text):
        start, end = text.rfind("\n", 0, close.start()) + 1, close.end()
        for sep in re.finditer(r"[，,；;]", text[:end]):
            if sep.start() >= start and agencies._DUTY_DEADLINE_TAIL_RE.match(text, sep.start()):
                yield from agencies._BARE_DUTY_RE.finditer(text, start, sep.start())
                break
    for tail in agencies._ENSURE_TAIL_RE.finditer(text):
        yield from agencies._BARE_DUTY_RE.finditer(text, text.rfind("\n", 0, tail.start()) + 1, tail.start())


@SETTINGS
@given(DEADLINE_TEXTS)
@example("由市科技局负责，市财政局配合，2025年12月底前完成。\n由区政府负责，确保资金到位。")
def test_deadline_duty_scan_is_the_plain_scan(text):
    assert spans(agencies._deadline_duty_matches(text)) == spans(_plain_deadline_duty_matches(text))


@SETTINGS
@given(st.lists(st.sampled_from([t for t in AGENCY_TOKENS if not agencies._CUE_RE.search(t)]),
                max_size=30).map("".join))
def test_clause_without_cue_word_needs_paragraph_end(inner):
    """find_agency_clauses skips mid-paragraph parentheses without a cue word unparsed."""
    assert agencies.parse_clause(inner, 0, require_marker=True) is None


def test_cue_words_are_two_characters():
    """find_clauses skips the cue search in a one-character parenthesis (（一）) on this."""
    assert {len(w) for w in agencies._CUE_RE.pattern.split("|")} == {2}


# 主要责任部门 ends where 责任部门和单位 (上海's label for both kinds of body) starts: a text holding both
# (。主要责任部门和单位：) opens no clause either way, as the regex and the fast scan both read a marker
# only right before its colon; AGENCY_TOKENS draws both words, so the finditer tests cover them
OVERLAPPING_MARKERS = {("主要责任部门", "责任部门和单位")}


def test_marker_words_cannot_overlap():
    """_bare_marker_matches reads the marker right before a colon; no marker ends another's start."""
    for a in agencies.MARKERS:
        for b in agencies.MARKERS:
            for k in range(1, min(len(a), len(b))):
                assert a[-k:] != b[:k] or (a, b) in OVERLAPPING_MARKERS, (a, b)


RUN_TEXTS = st.lists(st.sampled_from(AGENCY_TOKENS + [
    "一是", "二是", "三是", "十是", "是", "二", "，由市科技局负责", "市科技局牵头，区政府配合", "协同", "协同推进", "的组织实施工作",
    "（2）", "(3)", "（十）", "（1）", "（", "(", "）", "9",
]), max_size=30).map("".join)


def _plain_run_duty_matches(text):
    """The duty sentences closing a point of a run, as first written: the text before every ；/。 that the next
    point's opener follows (spaces allowed around the separator), from its line's start."""
    for sep in re.finditer(r"[。；;](?=" + agencies._POINT_OPENER_RE.pattern + ")", text):
        end = sep.start()
        while end > 0 and text[end - 1] in " \t\u3000":
            end -= 1
        yield from agencies._BARE_DUTY_RE.finditer(text, text.rfind("\n", 0, end) + 1, end)


@SETTINGS
@given(RUN_TEXTS)
@example("第一条　支持。一是建设病房，由省卫生健康委负责；二是给予奖励，由省科技厅负责 。 三是推广，省医保局协同；四是")
@example("是二是。二是 ；\u3000三是，省工信厅负责；二是")
@example("（三）加强。（1）建设基地，省农业农村厅负责；（2）建设体系，省药监局负责；(3)")
@example("按职责分工负责；；二是")  # a doubled separator (found at 5000 examples)
def test_run_duty_scan_is_the_plain_scan(text):
    assert spans(agencies._run_duty_matches(text)) == spans(_plain_run_duty_matches(text))


def test_fast_scans_on_seed_documents(seed_files):
    for text in (normalize(read_text(p).text).text for p in seed_files):
        assert spans(agencies._paren_matches(text)) == spans(agencies._PAREN_RE.finditer(text))
        assert spans(agencies._bare_marker_matches(text)) == spans(agencies._BARE_MARKER_RE.finditer(text))
        assert spans(agencies._bare_duty_matches(text)) == spans(agencies._BARE_DUTY_RE.finditer(text))
        assert spans(targets._target_matches(text)) == spans(_target_finditer(text))


# ------------------------------------------------------------------ targets
@SETTINGS
@given(TARGET_TEXTS)
@example("1三千万元")  # a Chinese numeral inside a run after a digit: no match at its 千 either
@example("单位：万元，万余人，突破万亿元")  # runs that start at a bare 万
@example("1万,3至5个")  # a match (1万) ending inside its run, before a second figure
@example("万万余万")  # a bare 万 before 余 after another 万: no figure (found at 3000 examples)
def test_target_scan_is_finditer(text):
    assert spans(targets._target_matches(text)) == spans(_target_finditer(text))


SPACED_TABLE_TEXTS = texts_of(TARGET_TOKENS + ["基期", "目标", "\t", "  ", "\u3000\u3000", "指标", "\r", "\u00a0",
                                              "\n20", "\n２０", "２０", "（基期）", "年均增长"],
                              TARGET_PHRASES + ["2023年　2026年", "2025年目标  100", "基期值\u3000 x", "\u3000\u3000到2025年",
                                                "2020年\n2025年\n", "\n2020年（基期）\n", "２０２５年\n", "2021—2025年\n",
                                                "单位\u30002025年目标值", "x  基期值"])


@SETTINGS
@given(SPACED_TABLE_TEXTS)
@example("2025年　x")
@example("\u3000\u30002025年目标  1")
@example("x\n目标\u3000\u3000\u3000y")
@example("单位\u30002025年目标值\n\u30002025年")
def test_spaced_table_test_is_the_regex_search(text):
    """_has_spaced_table searches only the lines where a separator follows a character no space."""
    expected = ("\u3000" in text or "  " in text) and targets._SPACED_HEAD_RE.search(text) is not None
    assert targets._has_spaced_table(text) == expected


@SETTINGS
@given(SPACED_TABLE_TEXTS)
@example("\n\n２０２５年（目标）\n20")
def test_stacked_year_lines_are_every_lines_test(text):
    """_stacked_year_lines tries only the lines opening with 20 or ２０; a test of every line finds the same."""
    expected, start = [], 0
    for line in text.split("\n"):
        if targets._stacked_year_line(line) and line.startswith(("20", "２０")):
            expected.append(start)
        start += len(line) + 1
    assert targets._stacked_year_lines(text) == expected


def _target_finditer(text):
    """_TARGET_RE.finditer less the matches of 一批 (培育一批…), which _target_matches skips unasked."""
    return [m for m in targets._TARGET_RE.finditer(text) if (m.group("num"), m.group("unit")) != ("一", "批")]


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


# ------------------------------------------------------------------ quotes, plan years, junk
QUOTE_TEXTS = st.lists(st.sampled_from(["“", "”", "\"", "《", "》", "\n", "a", "规划", "1", "甲" * 13]),
                       max_size=30).map("".join)


@SETTINGS
@given(QUOTE_TEXTS)
def test_quote_spans_are_finditer(text):
    assert targets._quote_spans(text) == [m.span() for m in targets._QUOTE_RE.finditer(text)]


YEAR_TEXTS = st.lists(st.sampled_from(["（", "(", "）", ")", "2018", "2020", "1999", "20", "18", "年", "—",
                                       "-", "至", "到", " ", "\n", "实施期限", "期限", "为", "x",
                                       "实施", "执行", "规划", "有效", "期", "限", "时间", "时", "间", "：", "自",
                                       "2018年—2020年", "2019-2021年"]),
                      max_size=24).map("".join)


@SETTINGS
@given(YEAR_TEXTS)
def test_plan_year_scans_are_the_plain_regexes(text):
    from bioparse import metadata

    def key(m):
        return m and (m.span(), m.groups())

    assert key(metadata._leftmost(metadata._RANGE_PAREN_RES, text)) == key(metadata._RANGE_PAREN.search(text))
    term, plain = metadata._leftmost(metadata._RANGE_TERM_RES, text), metadata._RANGE_TERM.search(text)
    assert (term and term.groups()) == (plain and plain.groups())
    assert metadata._until_years(text) == [m.group(1) for m in metadata._UNTIL.finditer(text)]


@SETTINGS
@given(st.text(st.sampled_from("甲a \n\t\x00\x07\x1f\x7f\x85\x9f\ue000\uf8ff\ufffd\U000f0000\U0010fffd\U00020000，"),
               max_size=30))
def test_utf8_junk_share_is_junk_share(text):
    from bioparse import io
    assert io._utf8_junk_share(text.encode("utf-8", "surrogatepass"), text) == io._junk_share(text)


def test_printable_text_holds_no_whitespace_but_the_space():
    """scan.has_whitespace, the cheap test before _clean's and _split_pieces' regexes: \\s
    matches no printable character other than the space."""
    from bioparse.scan import has_whitespace

    space = re.compile(r"\s")
    assert not [c for c in map(chr, range(0x110000)) if c != " " and c.isprintable() and space.match(c)]
    assert all(has_whitespace(c) for c in map(chr, range(0x110000)) if space.match(c))


# ------------------------------------------------------------------ normalize and structure
def reference_normalize(raw):
    """normalize as first written: clean every line, then join them and build the run map."""
    nz = importlib.import_module("bioparse.normalize")  # the module: bioparse.normalize is the function
    lines, blank_before, pos, n = [], False, 0, len(raw)
    artifacts = nz._NEEDS_CHAR_PASS.search(raw) is not None
    while pos <= n:
        nl = raw.find("\n", pos)
        end = n if nl == -1 else nl
        text, idx = nz._line(raw, pos, end, artifacts)
        if text:
            lines.append((text, idx, blank_before))
            blank_before = False
        else:
            blank_before = True
        if nl == -1:
            break
        pos = nl + 1
    out, starts, raws, length, last_raw = [], [], [], 0, -1
    prev_text = ""
    for i, (text, idx, blank) in enumerate(lines):
        if i > 0 and not nz._is_page_break(prev_text, text, blank):
            out.append("\n")
            idx = [last_raw + 1, *idx]
            prev_text = text
        else:
            prev_text = prev_text + text if i > 0 else text
        out.append(text)
        for j in idx:
            if not (starts and j == last_raw + 1):
                starts.append(length)
                raws.append(j)
            length += 1
            last_raw = j
    return "".join(out), tuple(starts), tuple(raws), n


NORMALIZE_TEXTS = st.lists(st.sampled_from([
    "\n", "\n\n", " ", "\u3000", "\t", "\xa0", "\ufeff", "\r", "\r\n", "\u200b", "\x0c", "(", "（", "[",
    "]", "[bookmark: _Hlk1]", "十六", "12", ")", "）", "一、", "第一条", "一是", "，", "。", "；", "x" * 25,
    "甲" * 31, "附件",
]), max_size=30).map("".join)


@SETTINGS
@given(NORMALIZE_TEXTS)
def test_normalize_is_the_line_by_line_reference(raw):
    got = normalize(raw)
    assert (got.text, got.run_starts, got.run_raw, got.raw_length) == reference_normalize(raw)


@SETTINGS
@given(NORMALIZE_TEXTS, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6))
def test_to_raw_spans_is_to_raw(raw, spans):
    norm = normalize(raw)
    spans = [(min(s, len(norm.text)), min(e, len(norm.text))) for s, e in spans]
    assert norm.to_raw_spans(spans) == [norm.to_raw(s, e) for s, e in spans]


FLAT_LINES = st.lists(st.sampled_from([
    "。", "；", "：", ":", "）", ")", "！", " ", "\u3000", "  ", "一、", "(一)", "（二）", "1.", "2、", "1.5", "第一条",
    "第三章", "市", "支持研发，给予补助", "x" * 40,
]), max_size=40).map("".join)


@SETTINGS
@given(FLAT_LINES, st.integers(0, 400))
@example("。 一、" * 3, 0)
def test_blank_flattened_is_the_plain_count(line, pad):
    """normalize._blank_flattened counts its literals before the regex: the same answer as the regex alone."""
    nz = importlib.import_module("bioparse.normalize")
    line = line + "x" * pad
    plain = len(line) >= nz._FLAT_MIN and len(nz._FLAT_BREAK_RE.findall(line)) >= nz._FLAT_RUNS
    assert nz._blank_flattened(line) == plain


HEADING_LINES = st.lists(st.sampled_from([
    "第", "一", "十", "百", "零", "〇", "两", "0", "1", "12", "１", "章", "编", "部分", "条", "、", "（", "(",
    "）", ")", ".", "．", " ", "\u3000", "年", "万", "①", "⑳", "是", "x", "。", "：",
]), max_size=8).map("".join)


@SETTINGS
@given(HEADING_LINES)
@example("1 第 第 0")
@example("1）（0")
@example("第一章。")
def test_match_heading_tries_the_kinds_in_order(line):
    """match_heading, which picks the kinds by first character, is the loop over all kinds."""
    from bioparse import structure
    expected = None
    for level, rank, pattern in structure.HEADING_KINDS:
        m = pattern.match(line)
        if not m:
            continue
        number = structure.heading_number(m.group("n"))
        if number is None or number == 0:
            continue
        if level == "item" and re.match(r"\d+[ \u3000]*[年月日%万亿元个家项]", line):
            continue
        if level in structure._REFERENCE_AFTER and structure._REFERENCE_AFTER[level].match(line, m.end()):
            break  # 第二条、第三条由…, （一）至（三）项…, 1）（2）…: a line opening with references
        if rank == 0 and "。" in line:
            break  # 第一章总则，共五条。…: a 解读 telling the chapters
        if level == "part" and line[m.end() - 1] in " \u3000" and not structure._spaced_part_heading(line, m.end()):
            break  # 一　总体要求 is a part only as a short title alone on its line
        if rank >= structure._ITEM_RANK and structure._is_table_row(line, m.end()):
            break  # a table's row (1 第 第 0: a 序号, cells apart, a bare number) is no heading
        expected = (level, rank, number, m.end())
        break
    assert structure.match_heading(line) == expected
    if expected:
        rest = line[expected[3]:].lstrip(" \u3000:：")
        cut = rest.find("。")
        stop = re.search(r"(?<=[\u4e00-\u9fff”）》])\.(?![0-9])", line[:expected[3] + len(line[expected[3]:]) - len(rest)][-1:] + rest)
        if stop and stop.start() - 1 < (len(rest) if cut == -1 else cut):  # an ASCII full stop after a Chinese character
            cut = stop.start() - 1
        assert structure.heading_title(line, expected[3]) == (rest if cut == -1 else rest[:cut]).strip()


@SETTINGS
@given(st.lists(st.sampled_from(["一是", "二是", "三是", "〇一是", "是", "一", "二", "。", "，", "\n", "这是", "x"]),
                max_size=20).map("".join))
def test_point_runs_need_a_one(text):
    """_point_runs (and _add_points) skip spans without 一是: no run starts elsewhere."""
    from bioparse import structure
    found, run = [], []  # every run of 一是, 二是 … of two or more, in order
    for m in structure.POINT.finditer(text):
        n = structure.heading_number(m.group("n"))
        if n == len(run) + 1:
            run.append((m.start(), n, m.end()))
        elif n == 1:
            found += run if len(run) >= 2 else []
            run = [(m.start(), n, m.end())]
    found += run if len(run) >= 2 else []
    assert structure._point_runs(text, 0, len(text)) == found


# ------------------------------------------------------------------ agency names
def test_canonical_agency_needs_only_the_carried_prefix():
    """pipeline memoizes canonical names on (name, carried prefix), not on the first name."""
    cw = agencies.load_crosswalk()
    names = ["发展改革委", "市场监管局", "环保局", "国土分局", "区招商局", "市科技局", "区工信委", "各相关开发区",
             "自贸区创新发展局", "县教育局", "省科技厅", "区", "市", "", "区 财政局", "天津海关"]
    for name in names:
        for first in names + [None]:
            assert (agencies.canonical_agency(name, cw, first)
                    == agencies.canonical_agency(name, cw, agencies.carried_prefix(first))), (name, first)


def test_context_prefix_is_the_first_carry_prefix_the_name_starts_with():
    """context_prefix_for reads one character, as every carried prefix is one (the loop it replaced below)."""
    def reference(first):
        for p in agency_names._CARRY_PREFIXES:
            if first.startswith(p) and len(first) > 2:
                return p
        return None

    assert all(len(p) == 1 for p in agency_names._CARRY_PREFIXES)
    for first in ["", "区", "市", "区局", "区招商局", "县教育局", "省科技厅", "市场监管局", "发展改革委",
                  "各相关开发区", "天津海关", " 区财政局", "镇政府"]:
        assert agencies.context_prefix_for([first]) == reference(first), first


@SETTINGS
@given(st.lists(st.sampled_from(["2018年12月26日", "二〇一八年十二月二十六日", "天津市人民政府", "x日", "", " ",
                                 "正文，" * 30, "2018年 12月 26日"]), max_size=90))
def test_signature_date_is_the_first_in_the_header_else_the_last(lines):
    """_signature_date_line reads the header, then the text from the end, as the scan of every line did."""
    from bioparse import metadata
    date_idx = [i for i, ln in enumerate(lines) if metadata._is_date_line(ln)]
    head = [i for i in date_idx if i < metadata.HEAD_LINES]
    expected = head[0] if head else (date_idx[-1] if date_idx else None)
    text = "\n".join(lines)
    got_lines, got = metadata._signature_date_line(text.split("\n", metadata.HEAD_LINES)[:metadata.HEAD_LINES], text)
    assert got == expected
    assert got is None or got_lines[got] == text.split("\n")[got]


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(["津政办规", "〔", "2025", "〕", "1", "号", "第", " ", "\u3000", "（", "）",
                                          "《规划》", "天津市人民政府", "各区人民政府", "甲" * 12, "，",
                                          "津政办规〔2025〕1号", "津政办规 〔 2025 〕 第 1 号"]),
                         max_size=16).map("".join), max_size=16))
def test_doc_number_skips_only_lines_too_long_to_be_one(lines):
    """_doc_number's length test leaves the answer of the plain search on every line."""
    from bioparse import metadata

    def reference(lines):
        for ln in lines[:15]:
            s = metadata._clean(ln)
            m = metadata._DOC_NUMBER.search(s)
            if m and len(s) - len(m.group(0)) <= 6 and "《" not in s:
                return m.group(0)
            # the rules for a number on a title's or a whole notice's line, asked of the line alone
            other = metadata._doc_number([ln]) if "号" in ln or "號" in ln else ""
            if other:
                return other
        return ""

    assert metadata._doc_number(lines) == reference(lines)


# ------------------------------------------------------------------ GBK detection
def reference_gb2312_share(text):
    """_gb2312_share as first written: try to encode each CJK character."""
    from bioparse import io
    cjk = io._CJK.findall(text)
    ok = 0
    for c in cjk:
        try:
            c.encode("gb2312")
            ok += 1
        except UnicodeEncodeError:
            pass
    return ok / len(cjk) if cjk else 0.0


def reference_plausible(text):
    """_plausible as first written: look at every non-ASCII character."""
    import unicodedata

    from bioparse import io
    if io._junk_share(text) > 0.02:
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    good = sum(1 for c in non_ascii if io._CJK.match(c) or unicodedata.category(c)[0] in "PZS"
               or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return good / len(non_ascii) >= 0.9


DECODED_TEXTS = st.one_of(
    st.text(max_size=40),
    st.text(st.sampled_from("生物医药产业鍥戒紒鐢熺墿灞€璁″垝，。、·—“”\u3000（）ＡａＯ a1\n\ue000\ufffd\u00e9\u0416\U00020000"),
            max_size=40),
)


@SETTINGS
@given(DECODED_TEXTS)
def test_gbk_checks_are_the_per_character_ones(text):
    from bioparse import io
    assert io._gb2312_share(text) == reference_gb2312_share(text)
    assert io._plausible(text) == reference_plausible(text)


def test_gb2312_writes_every_cjk_character_in_two_bytes():
    """_gb2312_share counts encodable characters by the length of the encoding."""
    for lo, hi in ((0x3400, 0x9fff), (0xf900, 0xfaff)):
        for cp in range(lo, hi + 1):
            try:
                assert len(chr(cp).encode("gb2312")) == 2
            except UnicodeEncodeError:
                pass


@SETTINGS
@given(AGENCY_TEXTS)
def test_bracket_label_scan_is_finditer(text):
    """find_clauses tries _BRACKET_LABEL_RE at each 【 and 〔 only: the same matches as finditer."""
    from bioparse.scan import positions
    brackets = sorted([*positions(text, "【"), *positions(text, "〔")])
    found = [m for m in (agencies._BRACKET_LABEL_RE.match(text, i) for i in brackets) if m]
    assert spans(found) == spans(agencies._BRACKET_LABEL_RE.finditer(text))


@SETTINGS
@given(st.lists(st.sampled_from(AGENCY_TOKENS + AGENCY_PHRASES), max_size=12).map("".join),
       st.integers(0, 5000), st.booleans())
def test_kept_clause_parse_is_the_fresh_one_at_any_offset(inner, base, require_marker):
    """parse_clause answers from its kept parse at offset 0, shifted: the same as parsing anew at base."""
    fresh = agencies._parse_clause(inner, base, require_marker=require_marker)
    agencies.parse_clause(inner, 0, require_marker=require_marker)  # keeps the parse at 0
    kept = agencies.parse_clause(inner, base, require_marker=require_marker)
    assert kept == fresh
    if kept:  # a caller changing its pieces changes no later answer
        kept[1].clear()
        assert agencies.parse_clause(inner, base, require_marker=require_marker) == fresh
    assert agencies._parsed_at_zero.cache_info().hits > 0


def reference_wrap_width(raw):
    """wrap_width as first written: the widths of the non-blank lines, the near-widest counted one by one."""
    nz = importlib.import_module("bioparse.normalize")
    widths = sorted(len(ln.strip(nz._EDGES)) for ln in raw.split("\n") if ln.strip(nz._EDGES))
    if len(widths) < nz._WRAP_MIN_LINES:
        return nz._JOIN_WIDTH, 0
    top = widths[int(0.9 * (len(widths) - 1))]
    if sum(top - 3 <= w <= top for w in widths) < 0.4 * len(widths):
        # then in ems: a character of Chinese one, an ASCII character half, a space none
        cores = [ln.strip(nz._EDGES) for ln in raw.split("\n") if ln.strip(nz._EDGES)]
        ems = sorted(sum(0 if c == " " else 0.5 if ord(c) < 128 else 1 for c in core) for core in cores)
        top = ems[int(0.9 * (len(ems) - 1))]
        if sum(w >= top - 3 for w in ems) < 0.4 * len(ems):
            return nz._JOIN_WIDTH, 0
        return min(nz._JOIN_WIDTH, int(0.85 * top)), int(top)
    return min(nz._JOIN_WIDTH, int(0.85 * top)), top


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["", " ", "\u3000", "\t"]), st.sampled_from(["", " 20 ", "100", "x y"])),
                max_size=40))
def test_wrap_width_is_the_reference(lines):
    """wrap_width counts the lines near the widest by bisection, and their ems from their ASCII and spaces; the
    same as counting them one by one."""
    from bioparse.normalize import wrap_width
    raw = "\n".join(pad + "甲" * n + fig + pad for n, pad, fig in lines)
    assert wrap_width(raw) == reference_wrap_width(raw)


LAST_OF_TEXTS = st.lists(st.sampled_from(["\n", "，", "。", "条", "x", "年", "  "]), max_size=40).map("".join)


@SETTINGS
@given(LAST_OF_TEXTS, st.sampled_from(["\n", "，。", "条", "。；;"]), st.integers(0, 45), st.integers(0, 45),
       st.sampled_from([0, 1, 3, 256]))
def test_last_of_is_the_last_rfind(text, chars, start, end, near):
    """scan.last_of gives max(rfind) whether it finds the answer in its window or in its index."""
    from bioparse import scan
    saved, scan._NEAR = scan._NEAR, near
    try:
        assert scan.last_of(text, chars, start, end) == max(text.rfind(c, start, end) for c in chars)
        assert scan.line_start_at(text, end) == text.rfind("\n", 0, end) + 1
    finally:
        scan._NEAR = saved


def test_last_of_on_a_line_of_300000_characters():
    """On one line with no break, each line_start_at is an index look-up, not a scan back to 0."""
    from bioparse import scan
    text = "，加快发展生物医药业" * 30000 + "\n末行"  # 10 characters a piece
    assert [scan.line_start_at(text, p) for p in range(0, 300000, 1000)] == [0] * 300
    assert scan.line_start_at(text, len(text)) == 300001
    assert scan.last_of(text, "。", 0, 299999) == -1
    assert scan.last_of(text, "，\n", 5, 299999) == 299990


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=12),
       st.integers(0, 50), st.integers(0, 50))
def test_taken_clauses_overlap_by_bisection(spans, start, end):
    """agencies._Taken answers as _overlaps does, adding only spans that overlap none, as
    find_clauses does, then (as _names_below may) one that overlaps."""
    taken, kept = agencies._Taken(), []
    for s, n in spans:
        if not agencies._overlaps(kept, s, s + n):
            taken.add(s, s + n)
            kept.append((s, s + n))
        assert taken.overlaps(start, end) == agencies._overlaps(kept, start, end)
    if spans:
        s, n = spans[0]
        taken.add(s, s + n)
        kept.append((s, s + n))
        assert taken.overlaps(start, end) == agencies._overlaps(kept, start, end)


# ------------------------------------------------------------------ structure
DATE_LINE_TOKENS = ["2024", "二〇二四", "年", "月", "日", "5", "十二", "\n", " ", "\u3000", "年底", "x", "《", "》"]


@SETTINGS
@given(st.lists(st.sampled_from(DATE_LINE_TOKENS), max_size=30).map("".join), st.integers(0, 200))
@example("某市人民政府\n2024年8月17日\n", 30)
def test_date_lines_are_finditer(text, end):
    """structure._date_lines (lines ending in 日 only) gives _DATE_LINE_RE.finditer's matches, at any end."""
    from bioparse import structure
    end = min(end, len(text))
    assert spans(structure._date_lines(text, end)) == spans(structure._DATE_LINE_RE.finditer(text, 0, end))

# The agencies regexes as first written (a look-behind or a choice first), which the fast forms equal.
CONNECTOR_PLAIN_RE = re.compile(r"(?:以及|及|和|与)(?=各)"
                                r"|(?<=[局委办厅署府会部心院门位司团])(?:以及|及|和|与)(?=[省市区县州盟旗])"
                                r"|(?:(?<=[局委办厅署会部心院门位司团室行队台社所])|(?<=政府|大学|学校|海关|园区|新区|发区|开区))"
                                r"(?:以及|及|和|与)(?!其)" + agencies._NEXT_BODY)
# the same tail with its look-behind before the 等 (the plain form), built from the regex so the two keep one list of kinds
ETC_TAIL_PLAIN_RE = re.compile("(?<![高中初])" + agencies._ETC_TAIL_RE.pattern.replace("等(?<![高中初]等)", "等", 1))
NAME_TEXTS = st.lists(st.sampled_from(["以", "及", "以及", "和", "与", "各", "市", "县", "旗", "局", "委", "政府",
                                       "高", "中", "等", "驻", "有关", "部门", "省直", "级", "、", " ", "\t", "\u3000",
                                       "责任单位", "市级", "牵头单位", "单位 ", "部门\t", "主体\u3000", "：", "x"]),
                      max_size=30).map("".join)


@SETTINGS
@given(NAME_TEXTS)
@example("市发展改革委以及市科技局及各县政府和区政府与各部门")
@example("省委金融办和山东证监局及吉林大学以及区政府和其部门与有关部门等")
def test_connector_regex_is_the_plain_one(text):
    """_CONNECTOR_RE opens each branch with its connector (a class the engine skips to): the same matches."""
    assert spans(agencies._CONNECTOR_RE.finditer(text)) == spans(CONNECTOR_PLAIN_RE.finditer(text))
    for i in range(len(text)):
        found, plain = agencies._CONNECTOR_RE.search(text, i), CONNECTOR_PLAIN_RE.search(text, i)
        assert (found and found.span()) == (plain and plain.span())


@SETTINGS
@given(NAME_TEXTS, st.integers(0, 30), st.integers(0, 30))
@example("各高等院校", 0, 5)
@example("中等", 1, 2)
@example("等市", 0, 2)
def test_etc_tail_regex_is_the_plain_one(text, s, e):
    """_ETC_TAIL_RE looks behind after its 等, not before: the same match in any window."""
    found, plain = agencies._ETC_TAIL_RE.search(text, s, e), ETC_TAIL_PLAIN_RE.search(text, s, e)
    assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))


@SETTINGS
@given(NAME_TEXTS)
@example("市级责任单位 市科技局")
@example("  牵头单位市发改委")
def test_label_start_is_the_regex(inner):
    """_label_start tries _LABEL_START_RE only where a marker's first character or a level's 级 opens."""
    found, plain = agencies._label_start(inner), agencies._LABEL_START_RE.match(inner)
    assert (found and found.span()) == (plain and plain.span())


@SETTINGS
@given(NAME_TEXTS)
@example("责任单位 市科技局")
@example("单位")
def test_uncoloned_cue_is_any_ending_before_a_blank(text):
    """_has_uncoloned_cue reads before each blank: the same as an `in` test per ending and blank."""
    cues = [w + b for w in agencies._LABEL_ENDINGS for b in " \t\u3000"]
    assert agencies._has_uncoloned_cue(text) == any(c in text for c in cues)


def test_label_endings_end_every_marker_word():
    """_uncoloned_line_matches skips a text with no label ending before a blank: every marker ends in one."""
    assert all(m[-2:] in agencies._LABEL_ENDINGS for m in agencies.MARKERS)


ARTICLE_RANGE_TEXTS = st.lists(st.sampled_from(["以上", "上述", "第", "一", "十", "五", "1", "12", "条", "项", "至", "到",
                                                "—", "-", "～", "~", "－", " ", "\u3000", "\t", "由", "\n", "x"]),
                               max_size=20).map("".join)


@SETTINGS
@given(ARTICLE_RANGE_TEXTS)
@example("以上第一条至第五条由市科技局牵头")
def test_article_range_head_finds_every_range(text):
    """pipeline.article_range_owners reads no clause's line when _ARTICLE_RANGE_HEAD_RE finds nothing:
    that is right only if every _ARTICLE_RANGE_RE match holds a match of the head."""
    from bioparse import pipeline
    if any(pipeline._ARTICLE_RANGE_RE.match(text, i) for i in range(len(text))):
        assert pipeline._ARTICLE_RANGE_HEAD_RE.search(text) is not None


RUN_ON_TEXTS = st.lists(st.sampled_from(["一", "二", "十", "、", "任务目标", "（", "）", "(", ")", "。", "，", " ", "\u3000",
                                         "\t", "总体目标", "1", "x", "\u00a0"]), max_size=14).map("".join)


@SETTINGS
@given(RUN_ON_TEXTS)
@example("一、任务目标 （一）总体目标")
@example("十二、任务 (三)目标")
def test_run_on_section_line_is_the_regex(core):
    """normalize._runs_on_section tries _RUN_ON_SECTION_RE only where a part's 、 can stand (core[1:4]): the same as
    matching every stripped line."""
    nz = importlib.import_module("bioparse.normalize")
    core = core.strip(nz._EDGES)
    assert nz._runs_on_section(core) == (nz._RUN_ON_SECTION_RE.match(core) is not None)


SIGNED_TEXTS = st.lists(st.sampled_from(["2025", "二〇二五", "二OO五", "年", "6", "12", "九", "二十", "月", "3", "31", "日",
                                         "起", "前", "。", "某市", "x", " "]), max_size=16).map("".join)


@SETTINGS
@given(SIGNED_TEXTS, st.integers(0, 20), st.integers(0, 60))
@example("2025年12月31日起", 0, 60)
@example("某市2025年6月3日", 2, 60)
@example("二OO五年十二月二十日起", 0, 60)
def test_signed_between_is_the_regex(line, a, b):
    """normalize._signed_between tries _RUN_ON_SIGNED_RE only around each 年: the same as searching line[a:b] whole."""
    nz = importlib.import_module("bioparse.normalize")
    b = min(b, len(line))
    assert nz._signed_between(line, a, b) == (a < b and nz._RUN_ON_SIGNED_RE.search(line[a:b]) is not None)

