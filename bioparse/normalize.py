"""Normalize raw policy text while keeping a map back to every raw character.

Only two kinds of edits are made, so that every normalized character can be traced to
the raw file: characters are *deleted* (BOMs, ``\\r``, Word bookmark artifacts, line
indentation, blank lines, page-break newlines, the blanks of a letter-spaced line) or *replaced one for one* (half-width
heading parentheses ``(十六)`` → ``（十六）``; a half-width , or . in Chinese text → ， or 。). ``offsets[i]`` is the raw index of
normalized character ``i``; ``offsets[len(text)]`` is ``len(raw)``.

The result has one paragraph per line and no blank lines.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .numerals import ANNEX_LABEL, ONE_CHARACTER_LABELS, heading_number
from .scan import positions

# A law database's field names before a line of the text (【章名】 第一章 总则, 【题注】 (…通过)).
DATABASE_TAG = re.compile(r"【(?:章名|节名|条文|题注)】[ \t\u3000\xa0]*")
# Word export artifacts such as "[bookmark: _Hlk162014200]".
BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,80}\]")
# Characters removed wherever they stand.
INVISIBLE = {"\ufeff", "\r", "\u200b", "\u200c", "\u200d", "\u2060", "\x0c", "\u00ad"}  # \u00ad: soft hyphen
# Indentation and trailing blanks removed at line edges.
EDGE_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009"
CN_DIGITS = "一二三四五六七八九十百零〇两"
# A bullet a web page or a WeChat repost sets before a heading's label (◈ 1.…, ● 一、…): dropped there,
# so the label starts its line; a bullet before anything else stays.
LABEL_BULLETS = "◈●•■◆▲★▶►◇◎☆▪▸"
_CHAR_PASS_START = "([【" + LABEL_BULLETS  # a line's first character that calls for _clean_line
HALF_WIDTH_HEADING = re.compile(rf"^\(([{CN_DIGITS}]+|\d{{1,3}})\)[ \u3000]*")
# A paragraph that ends in one of these is complete; otherwise a following line break
# may be a page break inside a sentence.
SENTENCE_END = set("。！？!?；;：:）)」』”\"》】〕")  # 〕 closes a 〔责任单位：…〕 clause
# The start of a numbered heading or a responsibility line: a line starting like this is
# never a continuation.
_RESPONSIBILITY_START = (r"(?:【\s*)?(?:[责責]任|[牵牽][头頭]|配合|[参參][与與]|[协協]同|主[责責]|[实實]施|主[办辦]|[协協][办辦]|承[办辦]|[协協]作)"
                         r"(?:[单單]位|部[门門]|主体|主體|[处處]室|科室|[机機][构構])\s*(?:[:：]|】)")
HEADING_START = re.compile(
    rf"^(?:[{CN_DIGITS}]+[、，.．]|[（(][{CN_DIGITS}]+[）)]|[（(]?\d{{1,3}}[）)]|\d{{1,3}}(?:[.．](?!\d)|、)"
    rf"|第[{CN_DIGITS}\d]+[篇章节条部分節條]|附件|[{CN_DIGITS}]是|[{ONE_CHARACTER_LABELS}]"
    rf"|[{CN_DIGITS}]{{1,3}}\u3000"  # a part set off by an ideographic blank (二　优化产业生态)
    rf"|(?:专项|專項)?(?:行动|行動|任务|任務)[{CN_DIGITS}]+[：:、\u3000]"
    # a responsibility line of its own (责任单位：…) closes the paragraph before it
    rf"|{_RESPONSIBILITY_START})"
)
# Inside a bracket left open (（牵头单位：区督查办；配合单位：), a responsibility label
# continues the clause rather than starting a line of its own.
_RESPONSIBILITY_LINE = re.compile(_RESPONSIBILITY_START)
# A line that starts with one of these continues the line before: no paragraph starts with closing
# punctuation (a re-wrapping tool sets a cut sentence's ，or 。 at a line's start, which 禁则 forbids in type)
_CLOSING_CHARS = "，。；、）》」』”：！？,;:)"
_CLOSING_START = tuple(_CLOSING_CHARS)
# and a line that ends in one of these runs on below: no paragraph ends in an opening bracket or quote (…市场。【⏎责任单位】…)
_OPENING_CHARS = "（【《「『“〔("
OPENING_END = tuple(_OPENING_CHARS)
# a line of only these is a PDF extractor's detached glyphs (PyMuPDF, pdfminer write the quotes of another font
# on lines of their own, away from their words: 实施 揭榜挂帅 项目⏎”⏎“⏎二、…): no text's line is only quotes,
# and a lone “ would glue the heading below onto the paragraph above, so the line is left out
_QUOTE_MARKS = "“”‘’"


@dataclass(frozen=True)
class Normalized:
    """Normalized text and the map from each of its characters to its index in the raw text.

    The map is stored as runs: normalized position ``run_starts[k]`` comes from raw position
    ``run_raw[k]`` and the characters after it follow one for one until the next run. A line
    of plain text is one run, so the map costs two integers per line, not one per character.
    """

    text: str
    run_starts: tuple[int, ...]
    run_raw: tuple[int, ...]
    raw_length: int

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the raw span that produced it.

        Characters deleted between two kept ones belong to the span before them, and
        those before the first kept character to the first span, so adjacent normalized
        spans map to adjacent raw spans and a partition of the text covers the raw file.
        """
        raw_end = self.raw_length if end == len(self.text) else self.raw_position(end)
        return self.raw_position(start), raw_end

    def to_raw_spans(self, spans) -> list[tuple[int, int]]:
        """to_raw of each (start, end) pair; a span starting where the one before ended reuses its offset.

        So a partition in order (the provisions) maps each of its boundaries once.
        """
        n = len(self.text)
        run_starts, run_raw = self.run_starts, self.run_raw
        out = []
        prev_end = raw_prev_end = None  # the last end mapped by raw_position, and where it maps
        for start, end in spans:
            raw_start = raw_prev_end if start == prev_end else self.raw_position(start)
            if end == n:  # to_raw maps the text's end to raw_length, unlike raw_position(0) in an empty text
                raw_end, prev_end = self.raw_length, None
            else:
                if 0 < end < n:  # raw_position(end), written out: a provision's end is inside the text
                    k = bisect_right(run_starts, end) - 1
                    raw_end = run_raw[k] + end - run_starts[k]
                else:
                    raw_end = self.raw_position(end)
                raw_prev_end, prev_end = raw_end, end
            out.append((raw_start, raw_end))
        return out

    def raw_position(self, i: int) -> int:
        """The raw offset where normalized position ``i`` begins (0 for the very start)."""
        if i == 0:
            return 0
        if i >= len(self.text):
            return self.raw_length
        k = bisect_right(self.run_starts, i) - 1
        return self.run_raw[k] + i - self.run_starts[k]

    @property
    def offsets(self) -> list[int]:
        """The raw index of every normalized character, plus ``raw_length`` at the end."""
        out = []
        bounds = self.run_starts[1:] + (len(self.text),)
        for s, e, r in zip(self.run_starts, bounds, self.run_raw):
            out.extend(range(r, r + e - s))
        return out + [self.raw_length]


def _clean_line(raw: str, line_start: int, line_end: int) -> list[tuple[str, int]]:
    """One raw line as (char, raw index) pairs, with artifacts and edge blanks removed."""
    line = raw[line_start:line_end]
    dropped = [False] * len(line)
    for m in BOOKMARK.finditer(line):
        for i in range(m.start(), m.end()):
            dropped[i] = True
    chars = [(c, line_start + i) for i, c in enumerate(line) if not dropped[i] and c not in INVISIBLE]
    first = 0  # edge blanks cut with one slice: a pop(0) each took time quadratic in their number
    while first < len(chars) and chars[first][0] in EDGE_SPACE:
        first += 1
    del chars[:first]
    while chars and chars[-1][0] in EDGE_SPACE:
        chars.pop()
    text = "".join(c for c, _ in chars)
    tag = DATABASE_TAG.match(text) if text[:1] == "【" else None
    if tag:  # 【章名】 第一章 总则: the database's field name, no part of the text
        del chars[:tag.end()]
        text = text[tag.end():]
    if text[:1] in LABEL_BULLETS:
        rest = text[1:].lstrip(EDGE_SPACE)
        if HEADING_START.match(rest):  # ◈ 1.鼓励…: the bullet is no part of the label
            del chars[:len(text) - len(rest)]
            text = rest
    m = HALF_WIDTH_HEADING.match(text)
    if m:
        label = m.group(1)
        # "(十六) " → "（十六）": keep the label characters and their raw indices,
        # replace the parentheses one for one, drop the blanks after the label.
        head = [("（", chars[0][1])] + chars[1 : 1 + len(label)] + [("）", chars[1 + len(label)][1])]
        chars = head + chars[m.end():]
    return chars


_EDGES = EDGE_SPACE + "".join(INVISIBLE)
_LETTER_GAP = re.compile("(?<=[^ \u3000\u00a0])[ \u3000\u00a0](?=[^ \u3000\u00a0])")


def letter_spaced(line: str) -> bool:
    """Whether a line sets a blank after nearly every character (生 物 医 药 产 业: a PDF's justified
    spread or a page's spaced title), so that no word, number or agency name would be found in it.

    At least four blank-parted pieces, four in five of them single characters, two of those Chinese
    and at most half Latin letters (2 0 2 4 年 3 月 is; - 3 -, 1 2 3 4 and A B C 类 are not); a
    tab-parted table row or a heading set off by a blank (一 强化创新) is not either.
    """
    if "\t" in line:
        return False
    pieces = line.split()
    if len(pieces) < 4:
        return False
    singles = [p for p in pieces if len(p) == 1]
    return (len(singles) * 5 >= len(pieces) * 4 and sum("\u4e00" <= p <= "\u9fff" for p in singles) >= 2
            and sum(p.isascii() and p.isalpha() for p in singles) * 2 <= len(singles))


def _despaced(text: str, idx) -> tuple[str, list[int]]:
    """A letter-spaced line without the single blanks between its characters; wider gaps stay (nothing is lost but blanks)."""
    gaps = {m.start() for m in _LETTER_GAP.finditer(text)}
    keep = [i for i in range(len(text)) if i not in gaps]
    return "".join(text[i] for i in keep), [idx[i] for i in keep]
_NEEDS_CHAR_PASS = re.compile("\\[bookmark:|[" + "".join(sorted(INVISIBLE)) + "]")


def _line(raw: str, start: int, end: int, artifacts: bool = True):
    """(cleaned text, raw indices) of one line; plain lines take a fast path without per-char work.

    ``artifacts`` False says the raw text holds no bookmark or invisible character at all.
    """
    line = raw[start:end]
    core = line.strip(_EDGES)
    if not core:
        return "", None
    if (artifacts and _NEEDS_CHAR_PASS.search(core)) or core[0] in _CHAR_PASS_START:
        chars = _clean_line(raw, start, end)
        return "".join(c for c, _ in chars), [j for _, j in chars]
    first = start + len(line) - len(line.lstrip(_EDGES))
    return core, range(first, first + len(core))


_PARAGRAPH_PUNCT = re.compile("[，。、；,;]")
# A paragraph ending in one of these ends at a line break, bracket open or not (_is_page_break's second test)
_CLOSED_ENDS = SENTENCE_END - set("：:；;")


def opens_bracket(line: str) -> bool:
    """True when the line opens a bracket it does not close: （责任单位： runs on below, and so does （责任单位：A，各县（市）区,
    whose last bracket is closed inside the open one (counted only when the line's last bracket is a closing one)."""
    last_open = max(line.rfind("（"), line.rfind("("))
    last_close = max(line.rfind("）"), line.rfind(")"))
    if last_open > last_close or last_open < 0:
        return last_open > last_close
    depth = 0
    for ch in line[min(i for i in (line.find("（"), line.find("(")) if i >= 0):]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


def wrap_width(raw: str) -> tuple[int, int]:
    """(full, widest): a hard-wrapped text's lines of ``full`` to ``widest`` characters were cut
    by the page's edge; (30, 0) for other text, where a break after 30 characters may cut a sentence.

    A PDF's text copied out keeps its lines as set (28 characters in a 公文, some 36): most
    lines are about as wide as the widest, and a line of 85% of that width or more is full.
    """
    return _wrap_of([ln.strip(_EDGES) for ln in raw.split("\n")])


def _wrap_of(cores: list[str]) -> tuple[int, int]:
    """wrap_width from the text's lines without their edge blanks (normalize has them already)."""
    widths = sorted(filter(None, map(len, cores)))  # blank lines dropped
    if len(widths) < _WRAP_MIN_LINES:
        return _JOIN_WIDTH, 0
    top = widths[int(0.9 * (len(widths) - 1))]
    # the lines of top - 3 to top characters, counted by bisection in the sorted widths
    if bisect_right(widths, top) - bisect_left(widths, top - 3) < 0.4 * len(widths):
        return _wrap_in_ems(cores)
    return min(_JOIN_WIDTH, int(0.85 * top)), top


def _wrap_in_ems(cores: list[str]) -> tuple[int, int]:
    """_wrap_of by the lines' widths in ems, a figure half an em and a space none: a PDF's text as pdfplumber,
    PyMuPDF or pypdf write it adds spaces around its figures (每个给予 20 万元奖补。), which the page did not
    set, so its full lines differ in characters though they are one page's width; (30, 0) when they are not
    alike either. The width in ems stands for the characters a full line of Chinese holds."""
    ems = sorted(len(c) - len(c.encode("ascii", "ignore")) / 2 - c.count(" ") / 2 for c in cores if c)
    top = ems[int(0.9 * (len(ems) - 1))]
    if len(ems) - bisect_left(ems, top - 3) < 0.4 * len(ems):  # (a squeezed bracket may set a line wider than top)
        return _JOIN_WIDTH, 0
    return min(_JOIN_WIDTH, int(0.85 * top)), int(top)


_JOIN_WIDTH = 30  # a line break after this many characters may cut a sentence
_WRAP_MIN_LINES = 10


# A line starting with one of these is an item of a list, not the rest of a sentence.
_BULLETS = tuple("—-●•■◆▲★·")


def _cut_after_semicolon(prev: str, nxt: str, last_width: int, wrap: tuple[int, int], before: str) -> bool:
    """True when a hard-wrapped text's full line ending in ； was cut by the page's edge (…达到20家；⏎累计…).

    A run of clauses each on a line of its own (the paragraph ``before`` ends in ； or ：) or
    a bulleted line after it (——…) keeps its break; so does a heading after it (1.…；⏎2.…).
    """
    full, widest = wrap
    return (prev[-1] in "；;" and widest > 0 and max(full, widest - 4) <= last_width <= widest + 4
            and before[-1:] not in ("；", ";", "：", ":") and not nxt.startswith(_BULLETS))


def _aside_at_edge(prev: str, last_width: int, wrap: tuple[int, int]) -> bool:
    """True when a hard-wrapped text's full line ends in a bracket set mid-sentence (…示范基地(园区、企业)⏎200个…):
    the page's edge cut the sentence after the aside, which no sentence end stands before. A bracket after a
    sentence's end (…左右。(牵头单位：…)) or naming roles (…建设（责任单位：市科技局）) closes its paragraph."""
    full, widest = wrap
    if prev[-1:] not in _ASIDE_CLOSE or widest <= 0 or not full <= last_width <= widest:
        return False
    depth, i = 0, len(prev) - 1
    while i >= 0 and len(prev) - i <= _ASIDE_MAX:  # back to the bracket's opening, over nested ones
        c = prev[i]
        if c in _ASIDE_CLOSE:
            depth += 1
        elif c in _ASIDE_OPEN:
            depth -= 1
            if depth == 0:
                break
        i -= 1
    if i <= 0 or depth or prev[i - 1] in SENTENCE_END or prev[i - 1] in "，,、":
        return False
    return not any(w in prev[i:] for w in _ROLE_WORDS)


_ASIDE_OPEN, _ASIDE_CLOSE = "（(", "）)"
_ASIDE_MAX = 60  # an aside's length at most, its brackets counted
_ROLE_WORDS = ("单位", "部门", "负责", "牵头", "配合", "参与", "落实")  # a bracket naming these is a clause


def _runs_on(prev: str, nxt: str) -> bool:
    """True when nxt opens with closing punctuation (，。、）) or prev ends in an opening bracket (【, （):
    no paragraph starts or ends so, whatever the lines' widths."""
    return nxt.startswith(_CLOSING_START) or prev.endswith(OPENING_END)


def ends_in_bodies(prev: str) -> bool:
    """True when the paragraph is, or ends in, a label clause naming bodies outside any bracket: 【责任单位】A、B
    alone, or after the last sentence (…。【牵头单位】A【配合单位】B); its names end where its line does.
    Only the paragraph's last 200 characters are read, so a long paragraph costs no more."""
    if _RESPONSIBILITY_LINE.match(prev):
        return True
    end = prev[-_TAIL_MAX:]
    tail = end[max(end.rfind("。"), end.rfind("；"), end.rfind("！"), end.rfind("？")) + 1:]
    return _RESPONSIBILITY_LINE.search(tail) is not None and not opens_bracket(end)  # not （牵头单位：A；配合单位：B


_TAIL_MAX = 200  # a label clause's bodies after a paragraph's last sentence fit in this many characters


_NOTICE_TITLE_ENDS = ("的通知", "的决定", "的決定", "的意见", "的意見", "的公告", "的通告")  # how a notice's title ends


def _is_page_break(prev: str, nxt: str, blank_between: bool, last_width: int = 0,
                   wrap: tuple[int, int] = (_JOIN_WIDTH, 0), before: str = "") -> bool:
    """Guess whether the break between two paragraphs falls inside a sentence.

    ``last_width`` is the width of the last line that joined ``prev``, ``wrap`` the text's
    wrap_width and ``before`` the paragraph before ``prev``: in a hard-wrapped text a full line
    of responsible bodies (牵头单位：…、省经济和信息) runs on below, and so may one ending in ；.
    """
    full, widest = wrap
    if prev and nxt and _runs_on(prev, nxt):
        return True
    # Body paragraphs are long and punctuated; header lines, titles and headings are not.
    # (The tests are ordered cheapest first: headings are short.)
    if not prev or not nxt or len(prev) < 20:
        return False
    if "\t" in nxt or "\t" in prev:
        return False  # a table's row (cells joined by tabs) is no wrapped sentence
    if prev[-1] == "|" or nxt[0] == "|":
        return False  # nor one copied with a | closing or opening each row (| 发文单位: A | 成文日期: 2025年12月14日 |)
    # a colon or semicolon inside a bracket still open (（牵头单位：X；配合单位：) ends no paragraph
    in_bracket = prev[-1] in "：:；;" and opens_bracket(prev)
    if (prev[-1] in SENTENCE_END and not in_bracket and not _cut_after_semicolon(prev, nxt, last_width, wrap, before)
            and not _aside_at_edge(prev, last_width, wrap)):
        return False
    if _cjk_full_stop(prev):
        return False
    if prev.endswith(_NOTICE_TITLE_ENDS) and "。" not in prev and not full <= last_width <= widest:
        return False  # …关于印发《X》的通知 over a page's 发布时间 line: a title's end, not a sentence cut by the page
    if HEADING_START.match(nxt) and not (in_bracket and _RESPONSIBILITY_LINE.match(nxt)):
        return False
    if not _PARAGRAPH_PUNCT.search(prev):
        return False
    # 【责任单位】A、B: a list of bodies ends its line unless it breaks after a 、 or is cut by the page, and even
    # then before the text's closing sentence (本方案自印发之日起实施), which no body's name runs on into
    if prev[-1] not in "、，," and (not full <= last_width <= widest or _TERM_LINE.match(nxt)) and ends_in_bodies(prev):
        return False
    # A single line break inside a long sentence, or a blank line (the page gap).
    return blank_between or len(prev) >= full


_ORDINAL_DIGITS = CN_DIGITS + "0123456789０１２３４５６７８９"


def _ordinal_cut(nxt: str) -> bool:
    """Whether ``nxt``, below a line ending in 第, opens with the ordinal's number (四、川南第一, 2、西部第一):
    no paragraph ends in 第 and no heading's label follows one, so the break (a .txt's wrap, a page's
    <br>, or a paragraph a converter cut) falls inside the sentence's 第四, whatever the lines' widths."""
    return nxt[0] in _ORDINAL_DIGITS


# The sentence closing a policy's text, on a line of its own: 本方案自印发之日起实施, 本措施自2025年1月1日起施行,
# 本办法由市科技局负责解释, 本政策有效期3年
_TERM_LINE = re.compile(r"本(?:实施)?(?:方案|措施|办法|意见|政策|细则|规定|计划|通知|条例)[ \u3000]*(?:自|从|由|有效期|执行期|实施期)")


_LIST_GOES_ON = "、，,"  # a list of bodies cut after a separator
_CLAUSE_CLOSE_ENDS = ("负责", "配合", "参与", "协助", "落实", "牵头", "实施", "推进")  # how a bracket of bodies without a label closes


def _clause_cut(prev: str, nxt: str) -> bool:
    """True when ``prev`` ends inside a bracket of bodies it opened and ``nxt`` closes that bracket:
    （责任单位：市发展改革委、⏎市科技局、市财政局） or （市发展改革委、⏎市科技局按职责分工负责）, two paragraphs of a
    page or .docx that no author sets apart (a converter's cut). The caller has seen prev end in 、 or ，."""
    i = max(prev.rfind("（"), prev.rfind("("))
    if i < 0 or max(prev.rfind("）"), prev.rfind(")")) > i or HEADING_START.match(nxt):
        return False
    close = min((k for k in (nxt.find("）"), nxt.find(")")) if k >= 0), default=-1)  # the first bracket closed
    if close <= 0 or "（" in nxt[:close] or "(" in nxt[:close] or "。" in nxt[:close]:
        return False
    return _RESPONSIBILITY_LINE.match(prev, i + 1) is not None or nxt[:close].rstrip().endswith(_CLAUSE_CLOSE_ENDS)


# A line holding only a page number, as a scan's or a PDF's text keeps it: - 3 -, — 3 —, 第3页 共9页
PAGE_NUMBER_LINE = re.compile(r"[-—–－]\s*\d{1,4}\s*[-—–－]|[·・•]\s*\d{1,4}\s*[·・•]"
                              r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
                              r"|共\s*\d{1,4}\s*页\s*[/，,]?\s*第\s*\d{1,4}\s*页")  # 共12页 第3页, the count first
# A browser's print of a page, as its PDF's text keeps it: the date and time over the page (2024/6/1 上午10:23 title),
# the address and the page's count under it (https://… 1/5). No text of a policy starts a line so.
# A browser set to English stamps its date month first (11/27/26, 3:04 PM title), a page printed from a file or
# a blank tab its address as about:blank (about:blank 1/5), and a reader or word processor counts Page 3 of 12.
PRINT_STAMP = re.compile(r"(?:19|20|１９|２０)\d{2}/\d{1,2}/\d{1,2}[ \t\u3000]*(?:[上下]午)?[ \t\u3000]*\d{1,2}:\d{2}(?!\d)"
                         r"|https?://\S+[ \t\u3000]+\d{1,4}[ \t\u3000]*/[ \t\u3000]*\d{1,4}$"
                         r"|\d{1,2}/\d{1,2}/\d{2,4},?[ \t\u3000]+\d{1,2}:\d{2}[ \t\u3000]*[AaPp]\.?[Mm]\b"
                         r"|about:blank(?:[ \t\u3000]+\d{1,4}[ \t\u3000]*/[ \t\u3000]*\d{1,4})?$"
                         r"|Page[ \t\u3000]+\d{1,4}[ \t\u3000]+of[ \t\u3000]+\d{1,4}$")
# A page number only a page's place tells from a figure (3, 3/12, 3 / 5): see _page_number_lines
# (three digits at most: 2024 alone on a line is a year or a table's cell)
_BARE_PAGE_NUMBER = re.compile(r"(\d{1,3})(?:[ \t\u3000]{0,2}/[ \t\u3000]{0,2}(\d{1,3}))?")
_BARE_MAX = 11  # the longest line _BARE_PAGE_NUMBER matches (123  /  123)
# A manual line break (<br>, Word's w:br) is drawn as this character until soft_breaks judges it.
SOFT_BREAK = "\u2028"
# a line ending so ends its sentence, as it ends a .txt's paragraph (_CLOSED_ENDS): …（市科技局负责）⏎本措施自…
_SENTENCE_FINAL = tuple("。！？；：!?;:") + tuple(_CLOSED_ENDS)


_CLAUSE_PUNCTUATION = re.compile(r"[，。；：！？,;:!?]")


# A part label set off by any blank (一 指导思想): structure takes it for a heading on a short line of its own,
# so a short rest that starts so is a heading of its own, never the wrapped end of the line before.
_BLANK_PART_START = re.compile(rf"[{CN_DIGITS}]{{1,3}}[ \u3000\xa0]+(?=[^\s\d])")


# A 2.1-style section's label (1.1 指导思想), not a figure (1.5万亩, 3.5%): the heading below a part, never its wrapped end
_DECIMAL_LABEL = re.compile(r"\d{1,2}[.．]\d{1,2}(?![\d.．])[ \u3000]*(?=[^\d%％万亿千百元个家项年月日倍 \u3000])")
# A line reading only an attachment's label (附件, 附件2, 附件：): whole, its title stands on the line below.
_ANNEX_LABEL = re.compile(ANNEX_LABEL)


def _wrapped_heading(line: str, rest: str) -> bool:
    """Whether a break after ``line`` only wraps a heading: a numbered line and a short rest, both without punctuation.
    A line reading only 附件 (附件1) wraps nothing: the title below it is the attachment's; nor does a rest
    starting with a section's label (一、总体要求⏎1.1 指导思想)."""
    rest = rest.split("\n", 1)[0].strip(" \t\xa0\u3000")
    return (bool(rest) and len(rest) <= 20 and HEADING_START.match(line) is not None
            and not (line[:1] == "附" and _ANNEX_LABEL.fullmatch(line))
            and HEADING_START.match(rest) is None and not _BLANK_PART_START.match(rest) and not _DECIMAL_LABEL.match(rest)
            and not _CLAUSE_PUNCTUATION.search(line + rest))


def _cjk_full_stop(line: str) -> bool:
    """Whether a line ends in a full stop typed on an English input method after a Chinese character (工作日.)."""
    return line[-1:] == "." and line[-2:-1] >= "\u3000"


def soft_breaks(text: str) -> str:
    """Each SOFT_BREAK as a line break, or as nothing where it cuts a sentence (pages and Word wrap lines so).

    A break cuts a sentence when the text before it, on its line, holds a comma but does
    not end a sentence, and what follows does not start like a heading. A break also cuts
    a heading too long for one line (二、加快推进生物医药产业集群⏎建设的重点任务): the line
    starts like a heading, and neither it nor the short rest of the paragraph after the
    break holds any punctuation, so the rest is no sentence of a body. A break after a label clause's bodies
    (…。【责任单位】A、B) ends the line, as in normalize. Breaks between a PDF's
    lines pasted into a page (most lines as wide as the widest, wrap_width) all become line
    breaks, which normalize then judges as it judges a .txt's.
    """
    if SOFT_BREAK not in text:
        return text
    lines = text.replace(SOFT_BREAK, "\n")
    if wrap_width(lines)[1] > 0:
        return lines  # a PDF's lines pasted with breaks: normalize joins them as it joins a .txt's
    out = []
    pieces = text.split(SOFT_BREAK)
    for i, piece in enumerate(pieces[:-1]):
        out.append(piece)
        line = piece[piece.rfind("\n") + 1:].strip(" \t\xa0\u3000")
        after = pieces[i + 1].lstrip(" \t\xa0\u3000")
        soft = (line and not line.endswith(_SENTENCE_FINAL) and not _cjk_full_stop(line) and ("，" in line or "," in line)
                and after and after[0] != "\n" and not HEADING_START.match(after)
                and (line[-1] in "、，," or not ends_in_bodies(line))) or _wrapped_heading(line, pieces[i + 1]) or (
                line[-1:] == "第" and after[:1] not in ("", "\n") and _ordinal_cut(after))  # 居全省第<br>四、川南第一
        out.append("" if soft else "\n")
    out.append(pieces[-1])
    return "".join(out)


_PAGE_NUMBER_START = "-—–－第共·・•"  # the characters a PAGE_NUMBER_LINE starts with
_STAMP_START = "123456789haP１２"  # the characters a PRINT_STAMP starts with (its digits typed wide too)
_DIGIT_START = "0123456789０１２３４５６７８９"  # a bare page number's (_BARE_PAGE_NUMBER), narrow or wide
# a page number's, a print stamp's, or a line's that needs the per-character pass
_RARE_START = _PAGE_NUMBER_START + _CHAR_PASS_START + _DIGIT_START + _STAMP_START


def _is_page_number(core: str) -> bool:
    """Whether a stripped, non-empty line holds only a page number (PAGE_NUMBER_LINE) or is a browser's print
    stamp (PRINT_STAMP); first character tested first."""
    c = core[0]
    return ((c in _PAGE_NUMBER_START and PAGE_NUMBER_LINE.fullmatch(core) is not None)
            or (c in _STAMP_START and ("/" in core[1:5] or core[:4] in _STAMP_WORDS)  # 2024/…, 11/27/26, http…
                and PRINT_STAMP.match(core) is not None))


_STAMP_WORDS = ("http", "abou", "Page")  # the first letters of a PRINT_STAMP that opens with a word


_PAGE_GAP_MIN = 8  # lines of text between two page numbers at least: a page holds more, a table's row fewer


def _page_number_lines(cores: list[str]) -> set[int]:
    """The indices of the lines that hold a page number only a run of them tells from a figure: a bare 3,
    or 3/12 and 3 / 5 (a count of pages).

    Such lines are page numbers when they count up by one (the n/t ones under one total t, n never above it),
    at least two of them, at least _PAGE_GAP_MIN lines of text apart (a page; a table's serial numbers stand
    closer; the last page may be short), and the run shows a page's place: one of them stands inside a sentence (the line
    before it, a body's line of _CUT_LINE_MIN characters or more and no heading, ends in none of 。；：）…) or the last
    ends the text. A numbered heading's bare label follows
    a sentence's end or a heading and never ends a text, and a table's cells stand a few lines apart, so both stay.
    """
    found = [(i, m) for i, c in enumerate(cores) if c and c[0] in _DIGIT_START and len(c) <= _BARE_MAX
             and (m := _BARE_PAGE_NUMBER.fullmatch(c))]
    if len(found) < 2:
        return set()
    text_lines = [i for i, c in enumerate(cores) if c]
    last = text_lines[-1]
    rank = {i: k for k, i in enumerate(text_lines)}
    out: set[int] = set()
    for of_total in (False, True):
        run: list[int] = []
        prev_n = total = None
        for i, m in found:
            if (m[2] is not None) != of_total:
                continue
            n, t = int(m[1]), m[2]
            if of_total and int(t) < n:
                continue
            if (run and n == prev_n + 1 and (rank[i] - rank[run[-1]] > _PAGE_GAP_MIN or i == last) and t == total):
                run.append(i)
            else:
                if _page_run(run, cores, text_lines, rank, last):
                    out.update(run)
                run = [i]
                total = t
            prev_n = n
        if _page_run(run, cores, text_lines, rank, last):
            out.update(run)
    return out


# A footer that sets the document's short title beside its page number (某市…若干措施 — 3 —, and on facing pages
# — 4 — 某市…若干措施): the title has no sentence in it, and the same title stands so at two pages or more
_PAGE_DASHES = "-—–－"
_TITLED_PAGE_NUMBER = re.compile(r"(?:(?P<t1>[^\s，。；：,;:—－-][^，。；：,;:—－-]{3,38}?)[ \t\u3000]*[-—–－][ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－]"
                                 r"|[-—–－][ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－][ \t\u3000]*(?P<t2>[^，。；：,;:—－-]{4,38}?))")


def _titled_page_numbers(cores: list[str]) -> set[int]:
    """The indices of the footer lines that hold a title and a page number (_TITLED_PAGE_NUMBER) whose title
    recurs so on another page; only lines that end or start with a dash are tried."""
    found: dict[str, list[int]] = {}
    for i, c in enumerate(cores):
        if c and (c[-1] in _PAGE_DASHES or c[0] in _PAGE_DASHES):
            m = _TITLED_PAGE_NUMBER.fullmatch(c)
            if m:
                found.setdefault((m.group("t1") or m.group("t2")).strip(), []).append(i)
    return {i for lines in found.values() if len(lines) >= 2 for i in lines}


def _page_run(run: list[int], cores: list[str], text_lines: list[int], rank: dict[int, int], last: int) -> bool:
    """Whether a run of counting lines (_page_number_lines) stands where pages end: two or more, one of them
    inside a sentence or the last ending the text."""
    if len(run) < 2:
        return False
    if run[-1] == last:
        return True
    for i in run:
        k = rank[i]
        before = cores[text_lines[k - 1]] if k else ""
        if len(before) >= _CUT_LINE_MIN and not before.endswith(_SENTENCE_FINAL) and not HEADING_START.match(before):
            return True
    return False


_CUT_LINE_MIN = 20  # a line the page's end cut is a body line this long at least; a table's cell mostly shorter


_HEADER_MAX = 40  # a running header or footer is short
_HEADER_PUNCT = re.compile("[，。；：！？,;:!?]")
# a running head no text line reads so: a red head's 文件 (某某市人民政府文件), a site's 政府信息公开 column
_FILE_HEAD_ENDS = ("人民政府文件", "办公厅文件", "办公室文件", "委员会文件", "局文件", "厅文件")
_OPEN_INFO_HEADS = ("政府信息公开", "信息公开")
_SIGNER_ENDS = ("人民政府", "办公室", "办公厅", "委员会", "局", "厅", "委", "办")  # how a 落款's issuer ends
_DATE_LINE = re.compile(r"(?:19|20)\d{2}[ \t\u3000]*年|二[〇○零]")  # a 落款's date (2025年3月5日, 二〇二五年)
_HEAD_LINES = 15  # the text's lines before its first heading that a running head repeats (title, issuer)


def _head_lines(cores: list[str]) -> tuple[list[str], int]:
    """The text's first lines before its first heading (notice title, issuer, plan title), furniture aside,
    and the index of the last of them (-1 for none): a running head repeats them only below it."""
    out, end = [], -1
    for i, c in enumerate(cores):
        if not c or _is_page_number(c):
            continue
        if HEADING_START.match(c) or len(out) >= _HEAD_LINES:
            break
        out.append(c)
        end = i
    return out, end


def _page_header(core: str, heads: list[str], cores: list[str], i: int) -> bool:
    """Whether a line after a page number is a running header seen once or twice: short, no sentence in it,
    no heading, and a red head's 某某市人民政府文件, a 政府信息公开 line, or a piece of the text's first lines
    (its issuer, its title, short or whole). An issuer a date follows (the 落款 at a page's top) is the text's."""
    if len(core) > _HEADER_MAX or _HEADER_PUNCT.search(core) or HEADING_START.match(core):
        return False
    if not (core.endswith(_FILE_HEAD_ENDS) or core.startswith(_OPEN_INFO_HEADS)
            or (len(core) >= 6 and core in "".join(heads))):  # the title may wrap over the first lines
        return False
    if not core.endswith(_SIGNER_ENDS):
        return True
    after = next((c for c in cores[i + 1:i + 4] if c), "")
    return _DATE_LINE.match(after) is None


def _without_stamps(cores: list[str], raw: str) -> list[str]:
    """The lines less a browser's print stamps (2024/6/1 上午10:23 title, https://… 1/5): wrap_width reads the widths
    of the text's lines, and a long stamp on every page would pass for the full one. Each stamp holds an ASCII colon
    (its time, its address), so a text without one is read as it is."""
    if ":" not in raw:
        return cores
    return [c for c in cores if not (c and c[0] in _STAMP_START and PRINT_STAMP.match(c))]


def _running_headers(cores: list[str], numbered: set[int] = frozenset()) -> set[str]:
    """Lines that follow a page-number line (or one of the ``numbered``, _page_number_lines) at least twice:
    a running header (巴南区人民政府办公室).

    A page's own first line after its number differs from page to page; a header repeats.
    """
    seen: dict[str, int] = {}
    after_number = False
    for i, core in enumerate(cores):
        if not core:
            continue
        if _is_page_number(core) or i in numbered:
            after_number = True
        elif after_number:
            seen[core] = seen.get(core, 0) + 1
            after_number = False
    return {line for line, n in seen.items() if n >= 2}


def _has_artifacts(raw: str) -> bool:
    """True when raw holds a bookmark or an invisible character (a few str scans, faster than one regex)."""
    return ("[" in raw and "[bookmark:" in raw) or any(c in raw for c in INVISIBLE)  # one character is found fastest


_INDENT = "\u3000\u3000"  # a paragraph's first-line indent, as 公文 type it
_FLAT_MIN = 300  # a line at least this long, holding
_FLAT_RUNS = 3  # at least this many indents after its start, is paragraphs whose line breaks were lost
_INNER_INDENT_RE = re.compile(r"(\S)\u3000(?=\u3000)")


# a part's heading with its first section's heading run on after a blank (一、任务目标 （一）总体目标, as a page
# copied from a table-laid site sets them; the blank may be a page's &nbsp;): the part's title holds no sentence's end nor comma, the section's label follows
_RUN_ON_SECTION_RE = re.compile(rf"([{EDGE_SPACE}]*[一二三四五六七八九十]{{1,3}}、[^\s。；;：:，,（(]{{2,20}})[{EDGE_SPACE}]"
                                rf"(?=[{EDGE_SPACE}]*[（(][一二三四五六七八九十]{{1,3}}[）)][^\s。；;：:，,])")


def _runs_on_section(core: str) -> bool:
    """Whether a line is a part's heading with its first section's heading run on (_RUN_ON_SECTION_RE);
    the regex is tried only on a line whose 、 stands where a part's label ends."""
    return "、" in core[1:4] and _RUN_ON_SECTION_RE.match(core) is not None


def sections_split(raw: str) -> str:
    """raw with a line break for the blank between a part's heading and its first section's heading run on
    on the same line (一、任务目标 （一）总体目标), so each is a heading of its own. One character for one."""
    return "\n".join(_RUN_ON_SECTION_RE.sub("\\1\n", line, count=1) if _runs_on_section(line.strip(_EDGES)) else line
                     for line in raw.split("\n"))


def unflattened(raw: str) -> str:
    """raw with a line break for the first character of each 　　 indent inside a long line that holds
    several (…制定本方案。　　一、总体要求　　（一）指导思想　　以…: a page or copy that lost its line breaks),
    or for the blank before each heading label after a sentence's end in a long line that holds several
    (…制定本行动计划。 一、总体要求… (一)生物科技创新中心。…: a page whose paragraphs were joined by a blank).

    One character replaced by one, so every offset holds; normalize then drops the indent's rest.
    """
    out = []
    for line in raw.split("\n"):
        if len(line) >= _FLAT_MIN and line.strip(_EDGES).count(_INDENT) >= _FLAT_RUNS:
            line = _INNER_INDENT_RE.sub("\\1\n", line)
        elif _blank_flattened(line):
            line = _FLAT_LABEL_RE.sub(_flat_break, line)
        out.append(line)
    return "\n".join(out)


_FLAT_SENTENCE_ENDS = "。；;：:！？）)"  # 。；：, or the ） closing a clause (…（责任单位：A） (二)…)
# the labels a flattened line's paragraphs open with: a part's or a section's (一、, (一)), an item's or an article's (1., 第一条)
_FLAT_HEADING_LABEL = r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
_FLAT_OTHER_LABEL = r"\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百]{1,4}[条章节]"
# a blank after a sentence's end and before a heading label (一、, (一), 1., 第一条)
_FLAT_BREAK_RE = re.compile(rf"([{_FLAT_SENTENCE_ENDS}])([ \u3000]+)(?={_FLAT_HEADING_LABEL}|{_FLAT_OTHER_LABEL})")
# in such a line, a blank before any label; a part's or section's label may follow its heading's title (二、重点任务 (一)…)
_FLAT_LABEL_RE = re.compile(rf"(\S)([ \u3000]+)(?=(?P<heading>{_FLAT_HEADING_LABEL})|{_FLAT_OTHER_LABEL})")


def _flat_break(m: re.Match) -> str:
    """_FLAT_LABEL_RE's match with its blank's first character made a line break, where a paragraph starts: after a
    sentence's end, or before a part's or section's label; else the match as it is (市 1.5亿元 …)."""
    if m.group(1) in _FLAT_SENTENCE_ENDS or m.group("heading"):
        return m.group(1) + "\n" + m.group(2)[1:]
    return m.group(0)
# a sentence's end and a blank: the literals counted first (each _FLAT_BREAK_RE match opens on one of them)
_FLAT_ENDS = tuple(end + blank for end in _FLAT_SENTENCE_ENDS for blank in " \u3000")


def _blank_flattened(line: str) -> bool:
    """Whether a long line is paragraphs joined by blanks: at least _FLAT_RUNS heading labels, each after a
    sentence's end and a blank (sought only in a long line holding that many ends before a blank)."""
    return (len(line) >= _FLAT_MIN and sum(line.count(end) for end in _FLAT_ENDS) >= _FLAT_RUNS
            and len(_FLAT_BREAK_RE.findall(line)) >= _FLAT_RUNS)


# What runs a policy's headings and paragraphs together when its line breaks were lost with no blank left
# between them (a crawled text stored in one cell: …制定本方案。一、总体要求（一）指导思想以…。（二）…)
_RUN_ON_MIN = 500  # characters a line: only texts whose lines are this long on average are looked at,
_RUN_ON_LINE = 200  # and in them the lines this long
_RUN_ON_BREAKS = 2  # breaks found in a line at least, for it to be broken
_RUN_ON_TITLE = 30  # characters at most of a heading's title run on into the next heading's label
_RUN_ON_LABEL_RE = re.compile(r"(?P<part>[一二三四五六七八九十]{1,3})[、.．]|(?P<spaced>[一二三四五六七八九十]{1,3})[ \u3000]"
                              r"|[（(](?P<section>[一二三四五六七八九十]{1,3})[）)]"
                              r"|第(?P<volume>[一二三四五六七八九十]{1,3})篇|第(?P<chapter>[一二三四五六七八九十]{1,3})(?:章|部分)"
                              r"|第(?P<division>[一二三四五六七八九十]{1,3})节"
                              r"|第(?P<article>[一二三四五六七八九十百零〇]{1,4})条"
                              r"|(?<!\d)(?<!\d[.．])(?P<decimal>\d{1,2}[.．]\d{1,2})[ \u3000]+(?![\d.．%％])"
                              r"|(?<!\d)(?<!\d[.．])(?P<item>\d{1,2})[.．、](?![\d])")
_RUN_ON_AFTER = "。；;！!？?：:）).．"  # what stands before a run-on paragraph's label: a sentence's end, a clause's bracket
# or, before the first, the document's title (…行动方案一、发展基础)
_RUN_ON_SENTENCE = re.compile(r"[。；;：:！!？?]")  # a heading's title holds none of these (a ， it may)
_RUN_ON_NOT_AFTER = "0123456789第其、和及与至到—-～~"  # 第二、, 1、2、3, 一至三: numbers of the text, no labels
# before a heading's Chinese label (二、, （二）, 第二章) a table's last cell, run on, may end in a digit (…136	180二、重点任务)
_RUN_ON_NOT_AFTER_HEADING = "第其、和及与至到—-～~"
# a notice's signing date (…办公室2025年6月3日): the document it issues follows and numbers its headings anew; a date
# before 起/前/至 (…2025年6月1日起施行) is a term of the text, none
_RUN_ON_SIGNED_RE = re.compile(r"(?:\d{4}|[〇○OＯ零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
                               r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?![起前后至到以开止—-])")  # 二OO五年九月二十日 too
# 附件 (附件2) after a sentence's end, a bracket or a signing date: the line of an attachment's label, then its title
_RUN_ON_ANNEX_RE = re.compile(r"附件[ \u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?[ \u3000]*")
_RUN_ON_TITLE_ENDS = ("方案", "措施", "意见", "办法", "规划", "计划", "细则", "要点", "政策", "规定", "纲要", "指南", "规程", "条例")
_RUN_ON_BELOW = {"volume": ("chapter", "division", "part", "section", "decimal", "item"),
                 "chapter": ("division", "part", "section", "decimal", "item"),
                 "division": ("part", "section", "item"), "part": ("section", "decimal", "item"),
                 "article": ("section", "item"), "section": ("item",), "decimal": ("item",),
                 "item": ()}  # the kinds that may number from 1 again under a heading
_RUN_ON_NUMERALS = "一二三四五六七八九十"  # 一、二类: a part's label with the next numeral after it is a list of numbers


def _signed_between(line: str, a: int, b: int) -> bool:
    """Whether line[a:b] holds a notice's signing date (_RUN_ON_SIGNED_RE), sought only around each 年 found first
    (a date spans four characters before its 年 and eight after, its lookahead one more)."""
    k = line.find("年", a, b)
    while k >= 0:
        if _RUN_ON_SIGNED_RE.search(line, max(a, k - 4), min(b, k + 10)):
            return True
        k = line.find("年", k + 1, b)
    return False


def _annex_breaks(line: str) -> list[int]:
    """Offsets in a run-on line where an attachment's label (附件, 附件2) starts after a sentence's end, a bracket or a
    signing date (…12月31日。附件2某市…办法第一条), and where its title follows it: the lines a text with its line
    breaks gives them, so the attachment is read as one, not as the last paragraph's tail."""
    out = []
    k = line.find("附件")
    while k > 0:
        lead = k
        while lead and line[lead - 1] in " \t\u3000":  # blanks before it are no text
            lead -= 1
        before = line[lead - 1] if lead else ""
        if before in _RUN_ON_AFTER or (before == "日" and line[lead - 2:lead - 1].isdigit()):
            out.append(k)
            end = _RUN_ON_ANNEX_RE.match(line, k).end()
            if end < len(line) and line[end] not in "：:，,。、；;（(":
                out.append(end)
        k = line.find("附件", k + 2)
    return out


def broken_before_headings(text: str) -> str:
    """text with a line break inserted before each heading label of a line that ran a policy's paragraphs
    together (…制定本方案。一、总体要求（一）指导思想以…。（二）基本原则…), no character changed or lost.

    Only texts whose lines average _RUN_ON_MIN characters are read (a text with its line breaks has far
    shorter ones), in them the lines of _RUN_ON_LINE or more, and a line is broken only at
    _RUN_ON_BREAKS or more labels (_RUN_ON_LABEL_RE: 第一篇, 第一章/第一部分, 第一条, 一、 or 一 and a blank,
    （一）, 1.). A label counts when it numbers on from the last of its kind (二、 after 一、; （一） and 1.
    either on or again from 1 under each heading above them), and stands
    - after a sentence's end or a clause's closing bracket, blanks aside (…制定本方案。一、);
    - after a heading's short title: within _RUN_ON_TITLE characters of the last label, no sentence mark
      between (一、总体要求（一）…);
    - the first 一、 of the text, after the document's title (…行动方案一、发展基础);
    - or, any but the first of its kind, after a clause of bodies without brackets (…市发展改革委二、…), never
      after 第, 其, 、 or 至 (第二、, 1、2、3), nor an item's after a digit (a heading's may: a table's last cell, …180二、);
    - and the labels number from 1 again after a notice's signing date (…办公室2025年6月3日…方案一、, _signed_between)
      and after a table of contents (目　　录第一章　总则第二章…第一章　总则: titles with no sentence between them).
    Labels read: 一、 and 一. (with 方案.一. an ASCII point ends a sentence), 1.1 under 一、, 第一节 under 第一章; 一、二类
    lists numbers. In a line so broken, 附件 (附件2) after a sentence, bracket or date gets a line and its title the next.
    """
    if not text or text.count("\n") * _RUN_ON_MIN >= len(text):
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if len(line) < _RUN_ON_LINE:
            continue
        count = dict.fromkeys(_RUN_ON_BELOW, 0)
        restart = dict.fromkeys(_RUN_ON_BELOW, False)  # whether a kind may start again at 1 (a heading above it broke)
        breaks: list[int] = []
        title_from = -1  # where the last break's label ends: a heading's title may run from there
        opened: dict[str, int] = {}  # where each kind's label numbered 1 last broke
        for m in _RUN_ON_LABEL_RE.finditer(line):
            kind = "part" if m.lastgroup == "spaced" else m.lastgroup  # 一 强化创新引领: a part's label, a blank for its 、
            if kind == "decimal":  # 2.1 under 二、: numbered after its point, its part's number before it
                whole, _, point = m.group(kind).replace("．", ".").partition(".")
                if int(whole) != count["part"]:
                    continue
                number = int(point)
            else:
                number = heading_number(m.group(m.lastgroup))
            if kind == "part" and m.end() < len(line) and line[m.end()] in _RUN_ON_NUMERALS:
                continue  # 一、二类医疗器械, 一.二: numbers listed, no label
            start = m.start()
            lead = start
            while lead and line[lead - 1] in " \t\u3000":  # blanks before a label are no text
                lead -= 1
            before = line[lead - 1] if lead else "。"
            if before in ".．" and (lead < 2 or line[lead - 2].isascii()):
                before = ""  # 1.5, v2.0.: a point after a digit or a letter ends no sentence (方案.一. does)
            titled = 0 <= title_from and start - title_from <= _RUN_ON_TITLE and not _RUN_ON_SENTENCE.search(
                line, title_from, start)
            first = not breaks and number == 1 and line[max(0, lead - 2):lead] in _RUN_ON_TITLE_ENDS
            # the next of a numbered run may follow a clause of bodies without its brackets (…市发展改革委二、…)
            following = count[kind] >= 1 and number == count[kind] + 1 and before not in (
                _RUN_ON_NOT_AFTER if kind == "item" else _RUN_ON_NOT_AFTER_HEADING)
            issued = (number == 1 and (before in _RUN_ON_AFTER or line[max(0, lead - 2):lead] in _RUN_ON_TITLE_ENDS
                                       or (before == "日" and _signed_between(line, max(0, lead - 14), lead)))
                      and _signed_between(line, max(title_from, 0), lead))  # or right after the date (…二十日第一章)
            # 目录第一章　总则第二章　创新发展…第一章　总则: a table of contents, titles with no sentence between them, and
            # the body's first heading numbering from 1 again after it
            listed = (number == 1 and count[kind] >= 2 and kind in opened
                      and not _RUN_ON_SENTENCE.search(line, opened[kind], start))
            # the first entry of a table of contents after its 目录 (目　　录第一章　总则)
            contents = number == 1 and before == "录" and line[max(0, lead - 8):lead - 1].rstrip(" \t\u3000").endswith("目")
            if issued or listed:  # the issued document's (or the body's) labels number from 1 again
                count = dict.fromkeys(_RUN_ON_BELOW, 0)
            if not (number == count[kind] + 1 or (number == 1 and restart[kind])) or not (
                    before in _RUN_ON_AFTER or titled or first or following or issued or listed or contents):
                continue
            if number == 1:
                opened[kind] = start
            count[kind], restart[kind] = number, False
            for below in _RUN_ON_BELOW[kind]:
                restart[below] = True
            if start:
                breaks.append(start)
            title_from = m.end()
        if len(breaks) >= _RUN_ON_BREAKS:
            breaks = sorted({*breaks, *_annex_breaks(line)})
            lines[k] = "\n".join(line[a:b] for a, b in zip([0, *breaks], [*breaks, len(line)]))
    return "\n".join(lines)


# A font of Chinese government PDFs whose ToUnicode map gives 〔〕 as „‟ (U+201E, U+201F): 桐政办„2022‟24号.
# Only around a year, as a document number sets them; „ opens German quotes, never a Chinese text's.
_MISMAPPED_YEAR_BRACKETS = re.compile(r"„([ \t\u3000]*(?:19|20)\d{2}[ \t\u3000]*)‟")


# Punctuation typed half-width in Chinese text (…研发投入,对首次获批的…给予奖励.(责任单位:市科技局).): a , or .
# standing after a CJK character (or a bracket or quote closing one) and before a CJK character, a blank, a line's
# end or an opening bracket or quote is the full-width ， or 。 the rules read. A figure's 1,000 and 1.5, a label's
# 1. and an English sentence keep theirs.
_CJK_BEFORE = set("）)”’」』】》〕")
_CJK_AFTER = set("（(“‘「『【《〔")
_FULL_WIDTH = {",": "，", ".": "。"}
_PASSED_OVER = INVISIBLE | set(" \t\n\u3000\u00a0")  # what normalize may delete between a mark and its neighbour
_LABEL_BLANKS = "".join(sorted(_PASSED_OVER - {"\n"}))  # what may stand before a label on its line (&nbsp; indents)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _neighbour(raw: str, i: int, step: int) -> str:
    """The character next to raw[i] in the direction ``step`` (-1, 1) that normalize keeps: blanks, line breaks,
    invisible characters and Word bookmarks passed over; "" at the text's edge, " " after blanks or a line break
    going forward (a mark before a blank or a line's end closes its clause)."""
    j = i + step
    blank = False
    while 0 <= j < len(raw):
        c = raw[j]
        if c in _PASSED_OVER:
            blank = blank or c not in INVISIBLE
            j += step
        elif c == "]" and step < 0 and raw.rfind("[bookmark:", max(0, j - 90), j) >= 0:
            j = raw.rfind("[bookmark:", max(0, j - 90), j) - 1
        elif c == "[" and step > 0 and raw.startswith("[bookmark:", j):
            end = raw.find("]", j)
            j = end + 1 if end > 0 else len(raw)
        else:
            return " " if blank and step > 0 else c
    return " " if step > 0 else ""


_LABEL_STOP_MAX = 4  # Chinese numerals a heading's label holds at most (二十三.)


def _label_stop(raw: str, i: int) -> bool:
    """Whether the . at raw[i] closes a heading's label (一.总体要求, 十二. at a line's start, blanks, no-break spaces
    or invisible characters before it)."""
    start = raw.rfind("\n", 0, i) + 1
    label = raw[start:i].strip(_LABEL_BLANKS)
    return 0 < len(label) <= _LABEL_STOP_MAX and all(c in CN_DIGITS for c in label)


def mended_punctuation(raw: str) -> str:
    """raw with each half-width , and . that stands between Chinese text as ， and 。 (one character for one, so every
    offset holds): after a CJK character (or a bracket or quote closing one) but not a heading's label (一.总体要求),
    and before a CJK character, a blank, a
    line's end or an opening bracket or quote (a comma also before a figure: 企业,2025年). The neighbours are those
    normalize keeps (_neighbour), so that normalizing twice changes nothing. Sought with str.find: a Chinese text's
    few ASCII commas and full stops (most in figures) are each looked at."""
    found = []
    n = len(raw)
    for mark in ",.":
        for i in positions(raw, mark):
            before = raw[i - 1] if i else ""
            if not ("\u3400" <= before <= "\u9fff" or before in _CJK_BEFORE):  # (the usual case sought no further)
                if before < "\u3000" and before not in _PASSED_OVER and before != "]":
                    continue  # 1.5, 1,000, e.g.: after a figure or a Latin letter
                before = _neighbour(raw, i, -1)
                if not (before and (_is_cjk(before) or before in _CJK_BEFORE)):
                    continue
            if mark == "." and before in CN_DIGITS and _label_stop(raw, i):
                continue
            after = raw[i + 1] if i + 1 < n else " "
            if after in " \t\n\u3000":
                after = " "  # a blank or a line's end
            elif not ("\u3400" <= after <= "\u9fff" or after in _CJK_AFTER):
                after = _neighbour(raw, i, 1)
            if after == " " or _is_cjk(after) or after in _CJK_AFTER or (mark == "," and after.isdigit()):
                found.append(i)
    if not found:
        return raw
    found.sort()
    pieces, last = [], 0
    for i in found:  # the text between the marks as slices: a list of every character costs more than the scan
        pieces += (raw[last:i], _FULL_WIDTH[raw[i]])
        last = i + 1
    pieces.append(raw[last:])
    return "".join(pieces)


def mended_brackets(raw: str) -> str:
    """raw with „2022‟ read as 〔2022〕: one character replaced by one, so every offset holds."""
    return _MISMAPPED_YEAR_BRACKETS.sub("〔\\1〕", raw) if "„" in raw else raw


def normalize(raw: str, join_breaks: bool | None = True) -> Normalized:
    """Normalize raw text to one paragraph per line, keeping the offset map to raw.

    One pass over the raw lines: each kept line is joined to the text (after a newline,
    or straight on at a page break) and its raw indices extend the run map.
    ``join_breaks`` False keeps every line break: a .docx or web page's paragraphs (and
    table cells) are the author's, while text from a PDF or a plain file may break inside
    a sentence. None joins them only when the lines look hard-wrapped (wrap_width: a .docx
    or page whose paragraphs are a PDF's lines).
    """
    raw = mended_punctuation(mended_brackets(raw))
    artifacts = _has_artifacts(raw)  # one scan, not one per line
    paragraphs: list[str] = []  # the text's lines
    prev = ""  # the last of paragraphs, which grows while lines join it
    starts: list[int] = []  # runs of the offset map (see Normalized)
    raws: list[int] = []
    # Characters emitted so far, and the raw index that continues the last run: both start
    # one short, for the newline that every paragraph but the first adds.
    length, next_raw = -1, -2
    first_line = None  # the text's first line, which a running header repeats (found at the first page number)
    page_gap = False  # the last kept line was followed by a page number
    running = None  # the running headers (_running_headers), found at the first page number
    blank = False  # a blank line since the last kept line
    wrap = None  # wrap_width(raw) (_wrap_of), found when first needed
    pos = 0
    lines = raw.split("\n")
    cores = [line.strip(_EDGES) for line in lines]  # the lines without their edge blanks, read by _wrap_of too
    if join_breaks is None:
        wrap = _wrap_of(_without_stamps(cores, raw))
        join_breaks = wrap[1] > 0
    if any(len(core) >= _FLAT_MIN and (core.count(_INDENT) >= _FLAT_RUNS or _blank_flattened(core)) for core in cores):
        raw = unflattened(raw)  # paragraphs run together on one line, each behind its 　　 indent or a blank
        lines = raw.split("\n")
        cores = [line.strip(_EDGES) for line in lines]
        wrap = None  # the widths of the lines as split
    if any(_runs_on_section(core) for core in cores):
        raw = sections_split(raw)  # 一、任务目标 （一）总体目标: two headings on one line
        lines = raw.split("\n")
        cores = [line.strip(_EDGES) for line in lines]
        wrap = None  # the widths of the lines as split
    numbered = None  # the lines of bare page numbers (_page_number_lines), found at the first line that may be one
    heads: list[str] = []  # the text's first lines (_head_lines), found at the first page number
    head_end = -1  # the index of the last of them
    first_index = -1  # the index of the text's first line (first_line), which a page number may stand above
    titled = _titled_page_numbers(cores)  # footers of a short title and a page number (某市…若干措施 — 3 —)
    for i, (line, core) in enumerate(zip(lines, cores)):
        line_start = pos
        pos += len(line) + 1
        if not core:
            blank = True
            continue
        if core[0] in _QUOTE_MARKS and not core.strip(_QUOTE_MARKS + " \u3000"):
            continue  # quote marks alone on a line: a PDF extractor's detached glyphs (see _QUOTE_MARKS)
        text, idx = core, None  # idx None: the line's characters are one run of raw
        if page_gap or artifacts or core[0] in _RARE_START or i in titled:  # the few lines that need a closer look
            c = core[0]
            if (((c in _PAGE_NUMBER_START or c in _STAMP_START) and _is_page_number(core)) or i in titled
                    or (c in _DIGIT_START and len(core) <= _BARE_MAX and _BARE_PAGE_NUMBER.fullmatch(core)
                        and i in (numbered if numbered is not None else (numbered := _page_number_lines(cores))))):
                blank = page_gap = True  # a page number (- 3 -, 第3页, ·3·, a run of bare 3) left in a text is a page's gap
                if running is None:
                    if numbered is None:
                        numbered = _page_number_lines(cores)
                    running = _running_headers(cores, numbered | titled)
                    heads, head_end = _head_lines(cores)
                    first_index = next((k for k, h in enumerate(cores) if h and not _is_page_number(h) and k not in titled),
                                       len(cores))
                    first_line = cores[first_index] if first_index < len(cores) else ""
                continue
            if page_gap and (core in running or (core == first_line and i > first_index)
                             or (i > head_end and _page_header(core, heads, cores, i))):
                continue  # the running header after it (绵阳市人民政府文件): the first line, or a line after every page number
            page_gap = False
            if (artifacts and _NEEDS_CHAR_PASS.search(core)) or core[0] in _CHAR_PASS_START:
                text, idx = _line(raw, line_start, line_start + len(line), artifacts)
                if not text:
                    blank = True
                    continue
        if len(text) >= 7 and (" " in text or "\u3000" in text or "\u00a0" in text) and letter_spaced(text):
            if idx is None:
                first = line_start + line.find(core[0])
                idx = range(first, first + len(text))
            text, idx = _despaced(text, idx)
        # _is_page_break, called only where its first tests let it say yes (its _runs_on written out);
        # a page's or .docx's paragraphs are the author's, but for a clause's list cut in two (_clause_cut)
        if prev and ((join_breaks and (text[0] in _CLOSING_CHARS or prev[-1] in _OPENING_CHARS
                                       or (len(prev) >= 20 and (prev[-1] not in _CLOSED_ENDS or (
                                           prev[-1] in _ASIDE_CLOSE and _aside_at_edge(prev, last_width, wrap or (
                                               wrap := _wrap_of(_without_stamps(cores, raw))))))
                                           and _is_page_break(prev, text, blank, last_width,
                                                              wrap or (wrap := _wrap_of(_without_stamps(cores, raw))),
                                                              paragraphs[-2] if len(paragraphs) > 1 else ""))))
                     or (not join_breaks and prev[-1] in _LIST_GOES_ON and _clause_cut(prev, text))
                     or (prev[-1] == "第" and _ordinal_cut(text))):  # 居全省第⏎四、川南第一, in any form
            prev += text
            paragraphs[-1] = prev
        else:
            # The newline stands for the raw line break that ended the previous line,
            # so it always continues the current run.
            paragraphs.append(text)
            prev = text
            length += 1
            next_raw += 1
        last_width = len(text)  # the line as kept (a plain line's text is its stripped core)
        blank = False
        if idx is None:  # one run of raw from the line's first kept character, unless it continues the last one
            first = line_start + line.find(core[0])  # the characters before it are blanks
            if first != next_raw:
                starts.append(length)
                raws.append(first)
            length += len(text)
            next_raw = first + len(text)
        else:
            for j in idx:
                if j != next_raw:
                    starts.append(length)
                    raws.append(j)
                length += 1
                next_raw = j + 1
    return Normalized("\n".join(paragraphs), tuple(starts), tuple(raws), len(raw))
