"""The fast paths of reading, normalizing and metadata inference give what the plain code gives.

Each test compares a fast scan with the plain regex (or the earlier, plainer code) it stands
in for, on generated texts made of the pieces that code cares about.
"""
import os
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bioparse import io, metadata

N = sys.modules["bioparse.normalize"]  # the package's `normalize` attribute is the function
SETTINGS = settings(max_examples=int(os.environ.get("BIOPARSE_PROP_EXAMPLES", "300")), deadline=None)


def pieces(tokens, max_size=40):
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


# ----------------------------------------------------------------------------- io

JUNK_ALPHABET = ("甲a \n\t\r\x0b\x0c\x00\x01\x08\x0e\x1f\x7f\x80\x85\x9f\xa0\xad\xff\ue000\uefff\uf000\uf8ff\uf900"
                 "\ufaff\ufe30\uff0c\uff08\uffef\ufffd\ud7a3\u3000\u2028\U000f0000\U0010fffd\U00020000，")


@SETTINGS
@given(st.text(st.sampled_from(JUNK_ALPHABET), max_size=40))
def test_utf8_junk_share_is_junk_share(text):
    assert io._utf8_junk_share(text.encode("utf-8"), text) == io._junk_share(text)


def test_utf8_junk_share_sees_surrogates_passed_through():
    text = "甲\ud800乙"
    assert io._utf8_junk_share(text.encode("utf-8", "surrogatepass"), text) == io._junk_share(text) > 0


# ----------------------------------------------------------------------------- metadata

DATE_TOKENS = ["2024", "1998", "12", "1", "３", "二〇二四", "一九九八", "十二", "十七", "〇", "一", "二", "年", "月",
               "日", " ", "\u3000", "\n", "\t", "x", "甲", "发布日期：", "2024-5-6", "日期"]


def _span(m):
    return m and (m.span(), m.groups())


@SETTINGS
@given(pieces(DATE_TOKENS))
def test_year_led_date_search_is_the_regex_search(text):
    for regex in (metadata._DATE_AR, metadata._DATE_CN):
        assert _span(metadata._search_at_years(regex, text)) == _span(regex.search(text))


def _plain_parse_date(s):
    """parse_date as it was before its fast paths."""
    m = metadata._DATE_AR.search(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = metadata._DATE_CN.search(s)
        if not m:
            m = metadata._DATE_ISO.search(s)
            if not m:
                compact = metadata._compact_date(s)  # 发布日期：20241212, the metadata round's rule
                if compact is None:
                    return ""
                y, mo, d = compact
            else:
                y, mo, d = (int(g) for g in m.groups())
        else:
            y, mo, d = (metadata.date_part(g) for g in m.groups())
            if None in (y, mo, d):
                return ""
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


@SETTINGS
@given(pieces(DATE_TOKENS))
@example("发布日期：20241212")
def test_parse_date_is_the_plain_parse_date(text):
    assert metadata.parse_date(text) == _plain_parse_date(text)


RANGE_TOKENS = ["（", "(", "）", ")", "2018", "2020", "年", "—", "-", "至", "到", " ", "\n", "《", "》", "期限",
                "实施期限为", "规划期", "时间", "时", "期", "为", "x"]


@SETTINGS
@given(pieces(RANGE_TOKENS), st.integers(0, 30))
def test_leftmost_from_a_position_is_the_plain_search(text, pos):
    def key(m):
        return m and (m.span(), m.groups())
    assert key(metadata._leftmost(metadata._RANGE_PAREN_RES, text, pos)) == key(metadata._RANGE_PAREN.search(text, pos))
    term, plain = metadata._leftmost(metadata._RANGE_TERM_RES, text, pos), metadata._RANGE_TERM.search(text, pos)
    assert (term and term.groups()) == (plain and plain.groups())


HEAD_TOKENS = ["天津市人民政府令", "湖北省人民政府 令", "公 告", "第478号", "（第12号）", "签发人：", "北政办发〔2025〕8号",
               "关于印发", "关于", "行动方案", "的通知", "《", "》", "。", "：", "；", " ", "\u3000", "\n", "x", "办公室"]


@SETTINGS
@given(st.lists(pieces(HEAD_TOKENS, 8), max_size=8))
@example(["天津市人民政府令", "第478号"])
@example(["办公室公 告第478号"])  # a bare body word names no issuer (_decree_issuer), as 政府令第233号
@example(["（第12号）公 告 天津市人民政府令第478号"])  # a decree's number set after a title on its line
def test_head_readers_are_the_plain_regexes(lines):
    def issuer(body):  # no bare 政府, 办公室 or 市政府: they name no issuer
        return "" if body.lstrip("省市区县州") in metadata._ORG_END_WORDS else body

    def plain_decree(lines):
        n = metadata._DECREE_HEAD_LINES
        raw_heads = [ln for ln in lines[:2 * n] if ln.strip()][:n]
        heads = [metadata._clean(ln) for ln in raw_heads]
        for raw, first, second in zip(raw_heads, heads, heads[1:] + [""]):
            # the head set after a title (…条例 某省人民政府令第5号: the title no part of the body), or on one line
            # (某市人民政府令第16号)
            one = (metadata._DECREE_LINE_RE.fullmatch(metadata._title_and_number(raw)[1])
                   or metadata._DECREE_LINE_RE.fullmatch(first))
            if one:
                return issuer(one.group(1)), f"{one.group(1)}{one.group(2)}第{one.group(3) or one.group(4)}号"
            m, number = metadata._DECREE_RE.fullmatch(first), metadata._DECREE_NUMBER_RE.fullmatch(second)
            if m and number:  # the number in digits or in Chinese numerals, 〔2010〕 before it kept
                return issuer(m.group(1)), f"{first}{number.group(1) or ''}第{number.group(2) or number.group(3)}号"
        return "", ""

    assert metadata._decree(lines) == plain_decree(lines)
    for ln in lines:
        fast = (ln.lstrip().startswith("签") or ln.rstrip().endswith("号")) and metadata._NOT_TITLE_LINE.search(ln)
        assert bool(fast) == bool(metadata._NOT_TITLE_LINE.search(ln))
    notice = "\n".join(lines)
    for regex, word in ((metadata._ISSUER_BEFORE_NOTICE, "关于印发"), (metadata._ISSUER_BEFORE_ABOUT, "关于")):
        if word not in notice:
            assert regex.match(notice) is None


def test_org_end_words_are_the_regex():
    for name in ["甲局", "甲人民政府", "甲管理委员会", "甲委员会乙", "甲", "甲协会", "中心甲"]:
        assert name.endswith(metadata._ORG_END_WORDS) == bool(metadata._ORG_END.search(name))


# ----------------------------------------------------------------------------- normalize

NORM_TOKENS = ["一、", "（一）", "(二)", "1.", "第三条", "生物医药产业发展", "市科技局", "责任单位：", "（牵头单位：", "配合单位：",
               "。", "，", "；", "：", "、", "（", "）", "(", ")", "[bookmark: _Hlk1]", "[", "\ufeff", "\u200b", "\x0c",
               "\n", "\n\n", " ", "\u3000\u3000", "\t", "- 3 -", "第2页", "\n- 4 -\n", "\n第5页\n", "巴南区人民政府办公室",
               "\n·3·\n", "\n1\n", "\n2\n", "\n3\n", "\n1/2\n", "\n2 / 2\n", "\n2024/6/1 上午10:23 巴南区\n",
               "\nhttps://a.gov.cn/x.html 1/2\n", "某某市人民政府文件", "\n政府信息公开\n", "2025年6月13日",
               "加快推进生物医药产业高质量发展，提升创新能力", "a", "\n某市行动方案 — 3 —\n", "\n— 4 — 某市行动方案\n",
               "\nabout:blank 1/2\n", "\nPage 2 of 3\n", "\n11/27/26, 3:04 PM\n", "示范基地（园区）", "本方案自印发之日起实施。"]


def _plain_normalize(raw, join_breaks=True):
    """normalize as it was before its fast paths (a closure for the run map, every test on every line), after the same
    one-for-one pre-passes (brackets and punctuation mended, flattened lines and run-on headings split)."""
    raw = N.mended_punctuation(N.mended_brackets(raw))
    cores = [line.strip(N._EDGES) for line in raw.split("\n")]
    if any(len(c) >= N._FLAT_MIN and (c.count(N._INDENT) >= N._FLAT_RUNS or N._blank_flattened(c)) for c in cores):
        raw = N.unflattened(raw)
    if any(N._runs_on_section(line.strip(N._EDGES)) for line in raw.split("\n")):
        raw = N.sections_split(raw)
    artifacts = N._has_artifacts(raw)
    pieces_, starts, raws = [], [], []
    length, last_raw = 0, -1

    def add_run(raw_at, count):
        nonlocal length, last_raw
        if not (starts and raw_at == last_raw + 1):
            starts.append(length)
            raws.append(raw_at)
        length += count
        last_raw = raw_at + count - 1

    prev_text = ""
    cores = [line.strip(N._EDGES) for line in raw.split("\n")]
    numbered = N._page_number_lines(cores)  # every line tested, not only those that may be a page number
    titles = [(m.group("t1") or m.group("t2")).strip() if m else None
              for m in (N._TITLED_PAGE_NUMBER.fullmatch(c) for c in cores)]  # every line, not only those by a dash
    titled = {i for i, t in enumerate(titles) if t is not None and titles.count(t) >= 2}
    numbered |= titled
    heads, head_end = N._head_lines(cores)
    first_index = next((k for k, c in enumerate(cores) if c and not N._is_page_number(c) and k not in titled), len(cores))
    first_line = cores[first_index] if first_index < len(cores) else ""
    page_gap, running, blank, pos = False, None, False, 0
    wrap = N._wrap_of(N._without_stamps(cores, raw))  # the text's wrap width, print stamps left out
    paragraphs, last_width = [], 0
    for i, line in enumerate(raw.split("\n")):
        line_start = pos
        pos += len(line) + 1
        core = line.strip(N._EDGES)
        if not core:
            blank = True
            continue
        if N._is_page_number(core) or i in numbered:
            blank = page_gap = True
            if running is None:
                running = N._running_headers(cores, numbered)
            continue
        if page_gap and (core in running or (core == first_line and i > first_index)
                         or (i > head_end and N._page_header(core, heads, cores, i))):
            continue
        page_gap = False
        if (artifacts and N._NEEDS_CHAR_PASS.search(core)) or core[0] in "([":
            text, idx = N._line(raw, line_start, line_start + len(line), artifacts)
            if not text:
                blank = True
                continue
        else:
            first = line_start + len(line) - len(line.lstrip(N._EDGES))
            text, idx = core, None
        if N.letter_spaced(text):
            text, idx = N._despaced(text, range(first, first + len(text)) if idx is None else idx)
        if not pieces_:
            prev_text = text
            paragraphs.append(text)
        elif join_breaks and N._is_page_break(prev_text, text, blank, last_width, wrap,
                                              paragraphs[-2] if len(paragraphs) > 1 else ""):
            prev_text = prev_text + text
            paragraphs[-1] = prev_text
        else:
            pieces_.append("\n")
            add_run(last_raw + 1, 1)
            prev_text = text
            paragraphs.append(text)
        last_width = len(text)
        blank = False
        pieces_.append(text)
        if idx is None:
            add_run(first, len(text))
        else:
            for j in idx:
                add_run(j, 1)
    return N.Normalized("".join(pieces_), tuple(starts), tuple(raws), len(raw))


@SETTINGS
@given(pieces(NORM_TOKENS, 60), st.booleans())
# a line of 20 characters then a bare 1 that is no page number: joined, as the text's wrap width (5 to 6
# here, not the default 30) makes it a full line; the plain form once judged it by the default
@example(raw="\n- 4 -\n某某市人民政府文件一、某某市人民政府文件\n1\n一、\n- 4 -\n\n- 4 -\n一、\n一、\n政府信息公开\n一、", join_breaks=True)
@example(raw="一、一、 （一）一、", join_breaks=False)  # two headings on one line, split before either form reads it
def test_normalize_is_the_plain_normalize(raw, join_breaks):
    assert N.normalize(raw, join_breaks) == _plain_normalize(raw, join_breaks)


PAGE_LINE_TOKENS = ["1", "2", "3", "12", "1234", "/", " ", "  ", "\u3000", "\t", "·", "-", "第", "页", "a", "。"]


@SETTINGS
@given(st.lists(pieces(PAGE_LINE_TOKENS, 8), max_size=30))
def test_bare_page_number_candidates_are_the_plain_fullmatch(lines):
    """_page_number_lines' prefilter (first character a digit, at most _BARE_MAX long) loses no line the regex takes."""
    cores = [ln.strip(N._EDGES) for ln in lines]
    fast = {i for i, c in enumerate(cores) if c and c[0] in N._DIGIT_START and len(c) <= N._BARE_MAX
            and N._BARE_PAGE_NUMBER.fullmatch(c)}
    assert fast == {i for i, c in enumerate(cores) if N._BARE_PAGE_NUMBER.fullmatch(c)}


STAMP_LINE_TOKENS = ["2024", "2", "1", "/", "6", " ", "上午", "10", ":", "23", "h", "http", "https://", "a.gov.cn", "-", "·",
                     "第", "页", "共", "—", "１", "２０２４", "标题", "11/27/26", ",", "PM", "about:blank", "Page", " of ", "3"]


@SETTINGS
@given(pieces(STAMP_LINE_TOKENS, 12))
def test_is_page_number_is_the_plain_regexes(line):
    """_is_page_number's first-character and slash or word (http, about, Page) tests lose no line the regexes take."""
    core = line.strip(N._EDGES)
    if core:
        plain = N.PAGE_NUMBER_LINE.fullmatch(core) is not None or N.PRINT_STAMP.match(core) is not None
        assert N._is_page_number(core) == plain
