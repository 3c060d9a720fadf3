"""Find the headings of a policy document and build its provision tree.

Headings are recognized by their numbering, not by their words, so the same rules
serve documents from any province: volumes 第一篇 over chapters 第一章 (and their 第一节), parts 一、,
articles 第一条, actions 行动一：/专项行动一/任务一：, sections （一）/(一), items 1. / 1、, sub-items （1） / 1） and ①, and
一是/二是 runs inside a paragraph. The tree is lossless: each provision owns the text from its label to the
next provision, and a preamble owns what comes before the first heading, so the spans
of a document's provisions partition its normalized text.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from itertools import islice

from .errors import StructureWarning
from .numerals import ANNEX_LABEL, CIRCLED, DIGITS_WITH_STOP, PARENTHESIZED_CN, PARENTHESIZED_DIGITS, heading_number
from .page_furniture import tail_start
from .scan import line_start_at, positions

CN = "一二三四五六七八九十百零〇两"
_ARABIC_FIRST = "0123456789０１２３４５６７８９"  # a label's first digit, half- or full-width (１．)

# (level name, rank, pattern). A lower rank is higher in the tree. Each pattern matches at
# the start of a paragraph and captures the numeral in group "n".
HEADING_KINDS: list[tuple[str, int, re.Pattern]] = [
    # a blank may stand inside a label (第 一 章, （ 二 ）, 一 、, 1 .: a scan's text layer, or typed so)
    # 第一篇 over 第一章 (a long 规划's volumes, its chapters numbered on across them); 篇章, 篇幅 are words
    ("volume", -1, re.compile(rf"^第[ \u3000]*(?P<n>[{CN}\d]+)[ \u3000]*篇(?![章幅])")),
    ("chapter", 0, re.compile(rf"^第[ \u3000]*(?P<n>[{CN}\d]+)[ \u3000]*[章编編]")),
    ("chapter", 0, re.compile(rf"^第(?P<n>[{CN}\d]+)部分")),
    ("division", 1, re.compile(rf"^第(?P<n>[{CN}\d]+)[节節]")),  # 节 of a long regulation
    # 一、 or 一. ; or 一　总体要求, a blank for the 、 (a PDF's or typeset plan's heading), on a short line of its own
    ("part", 2, re.compile(rf"^(?P<n>[{CN}]+)(?:[ \u3000]*、|[.．](?![{CN}\d])|[ \u3000]+(?=[^\s\d]))")),
    ("article", 3, re.compile(rf"^第[ \u3000]*(?P<n>[{CN}\d]+)[ \u3000]*[条條]")),
    # 行动一：创新策源行动, 专项行动二　…, 任务三、…: a plan's named actions, between its parts
    # (二、重点行动) and the （一） measures under them; the separator is part of the label
    ("action", 3, re.compile(rf"^(?:专项|專項)?(?:行动|行動|任务|任務)(?P<n>[{CN}]+)(?:[：:、]|[ \u3000\t]+|$)")),
    ("section", 4, re.compile(rf"^[（(][ \u3000]*(?P<n>[{CN}]+)[ \u3000]*[）)]")),
    ("section", 4, re.compile(rf"^(?P<n>[{PARENTHESIZED_CN}])")),  # ㈠ for （一）
    # 1. or 1、 — a full stop before a digit is a decimal point (1.5万亩), except before a year
    # (2.2025年底前…); 、 never is; a blank is, unless a unit follows (12 个, 3 万亩: a figure) or a
    # decimal point and its digits (1 .5亿元: a figure a scan or a wrapped line parted at its point)
    ("item", 5, re.compile(r"^(?P<n>\d{1,3})(?:[ \u3000]*[.．](?!\d)|[.．](?=(?:19|20)\d\d[ \u3000]*年)|[ \u3000]*、"
                           r"|[ \u3000](?![ \u3000]*(?:[年月日%万亿元个家项]|[.．]\d)))")),
    ("item", 5, re.compile(rf"^(?P<n>[{DIGITS_WITH_STOP}])")),  # ⒈ for 1.
    ("subitem", 6, re.compile(r"^[（(][ \u3000]*(?P<n>\d{1,3})[ \u3000]*[）)]")),
    ("subitem", 6, re.compile(rf"^(?P<n>[{PARENTHESIZED_DIGITS}])")),  # ⑴ for （1）
    ("subitem", 6, re.compile(r"^(?P<n>\d{1,2})[）)]")),
    ("subsubitem", 7, re.compile(rf"^(?P<n>[{CIRCLED}])")),
]
POINT_RANK = 8
# "一是" … "二是" inside a paragraph, after the paragraph start or a punctuation mark.
POINT = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))(?P<n>[{CN}]{{1,3}})是")


@dataclass
class Provision:
    """A heading or numbered unit and the span of normalized text it owns."""

    provision_id: str
    parent_id: str
    level: str
    label: str
    number: int | None
    title: str
    start: int
    end: int
    depth: int
    text: str = ""

    def as_row(self) -> dict:
        """The provision as a plain dict (a shallow copy: every field is a scalar)."""
        return dict(self.__dict__)


cn_to_int = heading_number  # the name the tests and notebooks know


def heading_title(line: str, label_end: int) -> str:
    """The heading's title: the text after its label up to the first 。 (or a full stop typed
    as ASCII "." after a Chinese character: 支持新药研发.对…), or the whole line. A tab after
    the title ends it too: a table row's cell (（一）支持研发 | 对…给予支持。) holds the heading alone."""
    cut = line.find("。", label_end)  # slicing first spares copying a long paragraph
    if "." in line:
        dot = _ASCII_STOP.search(line, label_end, len(line) if cut == -1 else cut)
        cut = dot.start() if dot else cut
    rest = line[label_end:] if cut == -1 else line[label_end:cut]
    rest = rest.lstrip(" \u3000:：\t")
    return rest.split("\t", 1)[0].strip()


# All heading kinds as one pattern, so that a paragraph costs one regex call. The kinds'
# labels exclude each other (they start with different characters, or differ in the
# character after the numeral: 章/节/条, a bracket's digit or 一, 1. or 1）), so the
# alternative that matches is the only kind that could (and when its numeral is refused, no
# other kind matches). Group k+1 holds the numeral of HEADING_KINDS[k].
_ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff”）》])\.(?![0-9])")


def _heading_label_pattern() -> re.Pattern:
    """HEADING_KINDS' patterns joined as alternatives, each with its numeral as a plain group."""
    alternatives = []
    for _, _, pattern in HEADING_KINDS:
        assert pattern.groups == 1 and pattern.pattern.startswith("^")
        alternatives.append("(?:" + pattern.pattern[1:].replace("(?P<n>", "(", 1) + ")")
    return re.compile("|".join(alternatives))


_HEADING_LABEL = _heading_label_pattern()
_KIND_OF_GROUP = [("", 0)] + [(level, rank) for level, rank, _ in HEADING_KINDS]
_ITEM_RANK = 5
_LIST_LEVELS = ("item", "subitem", "subsubitem")  # arabic-numbered: kept only in sequence
# A policy's tree has three numbered tiers, as the annotations have them: part, measure and
# item (一、/（一）/1., 第一章/第一条/（一）, or 第一章/第一节/一、). A fourth-tier label ((1)
# under 1., 1. under an article's （一）) numbers a run of points inside its item, whose
# text keeps them.
MAX_TIERS = 3
# An article, a （一） or a 1. is a measure in the annotations, never a part: with no part above it, it stands
# in the second tier all the same, and only one tier (（一）, 1. or （1）) is left below it.
# A row of a task table set as text: cells apart by tabs or runs of spaces
# (1  建设产业园  区发改局  2025年12月底) — two such gaps after the label.
_CELL_GAP = r"(?:\t|[ \u3000]{2,})"
_TABLE_ROW_RE = re.compile(rf"\S{_CELL_GAP}\S.*?\S{_CELL_GAP}\S")


_PART_RANK = 2
_SECTION_RANK = 4
_SPACED_PART_MAX = 30  # characters in the longest part heading set with a blank (一　加快推进…集群建设的重点任务)
_NOT_IN_SPACED_PART = frozenset("。，,；;：:！？")
_NOT_IN_SPACED_PART_TITLE = _NOT_IN_SPACED_PART - frozenset("，,")  # 一 强化创新引领，提升研发能力: two clauses


def _spaced_part_heading(line: str, label_end: int) -> bool:
    """True when 一　总体要求 (a blank where 、 stands) is a part's heading: a short line that is its title
    alone, no sentence and no table row (一　产业规模　亿元), and no figure (一 年, 一 个 read as text). A title
    may be two clauses apart by a comma (一 强化创新引领，提升研发能力), but a line ending in one runs on."""
    rest = line[label_end:].rstrip()
    return (0 < len(rest) <= _SPACED_PART_MAX and rest[0] not in "年月日个家项次批是" and rest[-1] not in "，,"
            and _NOT_IN_SPACED_PART_TITLE.isdisjoint(rest) and not _TABLE_ROW_RE.search(rest)
            and "\u3000" not in rest and "\t" not in rest and "  " not in rest)


def _is_table_row(line: str, label_end: int) -> bool:
    """True when the numbered line is a row of a table (its number is a 序号), not an item.

    Cells apart by tabs or runs of spaces; or, as a PDF's text layer sets a row (1 金湾区
    生物药产业化基地项目 35.0 2024—2027年), a label ending in a space and cells apart by single
    spaces, one of them a bare number; or ideographic spaces, as a table pasted under 表1 sets them
    (1　产业规模　亿元　600　1000).
    """
    rest = line[label_end:]
    if ("\t" in rest or "  " in rest or "\u3000" in rest) and _TABLE_ROW_RE.search(rest.strip()) is not None:
        return not _prose_before_gap(rest.strip())
    cells = rest.split()
    return line[label_end - 1] in " \u3000" and len(cells) >= 3 and any(_BARE_CELL_RE.fullmatch(c) for c in cells[1:])


_BARE_CELL_RE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_FIRST_GAP_RE = re.compile(_CELL_GAP)


def _prose_before_gap(rest: str) -> bool:
    """Whether the text before a numbered line's first gap runs on past a full stop (建设规范化基地。到  2026年…):
    an item whose sentence a PDF extractor's layout mode spread with blanks before its figures, no table's
    first cell (a task, a name), which holds no sentence going on after its 。."""
    gap = _FIRST_GAP_RE.search(rest)
    first_cell_end = gap.start() if gap else len(rest)
    return 0 <= rest.find("。", 0, first_cell_end) < first_cell_end - 1


# What right after an article's or section's label (no blank between) makes it a reference to others:
# 第二条、第三条由…, 第四条至第六条…, 第三条和第五条…, 第二条第一款规定的…, 第三条第(二)项…; （一）至（三）项…, （一）、（二）项….
_COUNTED = "[类類级級等档檔星批期季型线綫]"
# 一、二类医疗器械, 三、四级医院: a part's label followed by a numeral of a count (read in the tree, where a part
# going on in sequence, 二、三级医院建设 after 一、, stays a heading; 一、二类… never starts the parts)
_COUNTED_PART = re.compile(rf"[一二三四五六七八九十百千万亿]{{1,3}}(?:[、至和及或到～~－—-][一二三四五六七八九十百千万亿]{{1,3}})*"
                           rf"(?:{_COUNTED}|产)")  # 一、二、三产融合: the three sectors
_REFERENCE_AFTER = {
    "article": re.compile(rf"(?:[、，,]?[和及与或至到]|[、～~－—-])第[ \u3000]*[{CN}\d]+[ \u3000]*[条條款项項]"
                          rf"|第[（(]?[{CN}\d]+[）)]?[款项項]|[至到～~－—-]+[{CN}\d]+[条條]|(?:规定|規定|所[称稱列述])"),
    "section": re.compile(rf"(?:[、，,]?[和及与或至到]|[、～~－—-])?[（(][ \u3000]*[{CN}]+[ \u3000]*[）)]"),
    # 一、二类医疗器械, 三、四级医院, 1、2类新药: two numerals of one count (a class, grade or batch), no label
    "item": re.compile(rf"\d{{1,3}}(?:[、至和及或到～~－—-]\d{{1,3}})*{_COUNTED}"),
    # (1)号文件: a numbered document, cited; （1）至（3）项…, （1）、（2）项…
    "subitem": re.compile(r"号[文令]|(?:[、，,]?[和及与或至到]|[、～~－—-])?[（(][ \u3000]*\d"),
}


def match_heading(line: str):
    """(level, rank, number, label_end) if the paragraph starts with a heading label."""
    m = _HEADING_LABEL.match(line)
    if m is None:
        return None
    group = m.lastindex  # the numeral's group, which names the kind
    level, rank = _KIND_OF_GROUP[group]
    number = heading_number(m.group(group))
    if not number:  # None, or 0
        return None
    label_end = m.end()
    if level in _REFERENCE_AFTER and _REFERENCE_AFTER[level].match(line, label_end):
        return None  # 第二条、第三条由…负责兑现, （一）至（三）项…, 一、二类…: a line opening with references, no heading
    if rank <= 0 and "。" in line:  # 第一章总则，共五条。主要内容…: a 解读 or 起草说明 telling the chapters, no heading
        return None
    if rank == _PART_RANK and line[label_end - 1] in " \u3000" and not _spaced_part_heading(line, label_end):
        return None
    if rank >= _ITEM_RANK and (" " in line or "\t" in line or "\u3000" in line) and _is_table_row(line, label_end):
        return None
    return level, rank, number, label_end


def _title_below(lines: list[str], k: int) -> str:
    """The title of a 第一章/第一部分/第一节 whose label stands alone on line k (第一章⏎总则, as a PDF or a
    centred Word heading sets it): the next non-blank line when it is short, no sentence and no heading; else ""."""
    for line in lines[k + 1:k + 3]:
        title = line.strip()
        if title:
            if len(title) <= _SPACED_PART_MAX and _NOT_IN_SPACED_PART.isdisjoint(title) \
                    and match_heading(title) is None and not title.startswith(("附件", "专栏", "專欄")):
                return title
            return ""
    return ""


def _lead_below(lines: list[str], k: int) -> str:
    """The title of a part's, section's or item's label standing alone on line k (一、⏎总体要求, （四）⏎支持企业上市。对…:
    a PDF's text layer or a page setting the label apart): the next non-blank line's lead phrase, as heading_title
    reads it on the label's own line; "" when that line is a heading, a 专栏 or an attachment."""
    for line in lines[k + 1:k + 3]:
        below = line.strip()
        if below:
            if match_heading(below) is not None or below.startswith(("附件", "附表", "专栏", "專欄")):
                return ""
            return heading_title(below, 0)
    return ""


def _after_colon(lines: list[str], k: int) -> bool:
    """Whether the last non-blank line before line k ends in a colon (第三条…按以下标准执行：): a list follows."""
    for line in reversed(lines[max(0, k - 3):k]):
        if line.strip():
            return line.rstrip()[-1:] in "：:"
    return False


def _point_runs(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Runs of 一是/二是/三是… inside a span: (offset, number, label_end) in order.

    A run starts at 一 and counts up by one, so a stray "这是" or "三是" without its
    predecessors is left alone; a run needs at least two points. A span may hold several
    runs (一是…二是… in one paragraph, 一是…二是…三是… in the next): each 一是 after a
    complete run starts a new one.
    """
    # cheap test first: a run starts with a numeral worth 1, which ends in 一 (一, 〇一)
    if text.find("一是", start, end) == -1:
        return []
    found: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    for m in POINT.finditer(text, start, end):
        n = heading_number(m.group("n"))
        if n == len(run) + 1:
            run.append((m.start(), n, m.end()))
        elif n == 1:  # a new run: keep the last one if it was complete
            if len(run) >= 2:
                found += run
            run = [(m.start(), n, m.end())]
    if len(run) >= 2:
        found += run
    return found


def parse_provisions(text: str, source: str = "") -> list[Provision]:
    """Split normalized text into a provision tree whose spans cover the whole text.

    ``source`` (a file name) is used only in the warning for a document without headings.
    """
    rows, message = parse_provision_rows(text, source)
    if message:
        warnings.warn(message, StructureWarning, stacklevel=2)
    return [Provision(**row) for row in rows]


def parse_provision_rows(text: str, source: str = "") -> tuple[list[dict], str]:
    """parse_provisions as plain dicts (each Provision's as_row), and its warning's message ("" if none).

    The pipeline's path: it wants the rows, and collects each document's messages itself.
    """
    rows = _provision_dicts(text)
    if rows[0]["level"] == "document" and text.strip():
        return rows, f"{source or 'document'}: no numbered headings found; kept whole as one provision"
    restarts = [r["provision_id"] for r in rows if not r["parent_id"] and "~" in r["provision_id"]]
    if restarts:  # 1. 2. 3. then 1. 2. again, with nothing numbered above them
        return rows, (f"{source or 'document'}: numbered lines start again at 1 with no numbered heading above "
                      f"them (provisions {', '.join(restarts[:3])}{' …' if len(restarts) > 3 else ''}); its headings "
                      "may be unnumbered (bold lines or heading styles), so the measures they head are not told apart. "
                      "Number the headings (一、 （一）) or keep the file's heading styles (.docx) to get the tree")
    return rows, ""


def _provision_dicts(text: str) -> list[dict]:
    """The provision tree of parse_provisions, as dicts with the fields of Provision in order.

    Measures that start again at （一） with nothing numbered above them, each run under a bare title
    line (夯实原料基础: a bold line or a heading style without a number), are read again with those
    lines as parts 一、二、… in order.
    """
    provisions = _provision_tree(text)
    if any("~" in p["provision_id"] for p in provisions if not p["parent_id"]):
        bare = _unnumbered_part_lines(text, provisions)
        if bare:
            provisions = _provision_tree(text, bare)
    return provisions


_ABOVE_PARTS = frozenset(("volume", "chapter", "division", "part", "action"))


def _unnumbered_part_lines(text: str, provisions: list[dict]) -> dict[int, int]:
    """{line start: part number} of the bare title lines standing right above each run of top-level
    provisions that starts at 1, or {} unless every run has one and no part or chapter is numbered.

    A title line is short, no sentence and no heading (as a blank-set part's title, _spaced_part_heading),
    and the line above the first one ends a sentence (the preamble's …制定以下措施。), so that the
    policy's own title right above its first measure is never taken for a part.
    """
    if any(p["level"] in _ABOVE_PARTS for p in provisions):
        return {}
    runs = [p["start"] for p in provisions
            if not p["parent_id"] and p["number"] == 1 and p["level"] not in ("preamble", "annex", "document")]
    out: dict[int, int] = {}
    for n, at in enumerate(runs, 1):
        line_start, line = _line_above(text, at)
        if not _bare_title(line.strip()):
            return {}
        if n == 1 and not _line_above(text, line_start)[1].rstrip().endswith(("。", "：", ":")):
            return {}
        out[line_start] = n
    if len(out) < 2:
        return {}
    starts = sorted(set(out) | _prose_part_lines(text))  # 总体要求 over prose alone is a part all the same
    return {start: n for n, start in enumerate(starts, 1)}


def _bare_title(line: str) -> bool:
    """Whether a stripped line can be an unnumbered part's title: short, no sentence, no heading, no 附件 or 专栏."""
    return (0 < len(line) <= _SPACED_PART_MAX and _NOT_IN_SPACED_PART.isdisjoint(line)
            and match_heading(line) is None and not line.startswith(("附", "专栏", "專欄")))


def _prose_part_lines(text: str) -> set[int]:
    """Starts of the bare title lines between two sentences (…制定本方案。⏎总体要求⏎到2027年…。): in a text
    whose measures sit under bare titles, the titles over prose alone. A notice's 落款 (a date below it) and
    the policy's title (a date, （此件公开发布） or nothing above it) stand between no two sentences."""
    rows = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return {rows[k][0] for k in range(1, len(rows) - 1)
            if _bare_title(rows[k][1]) and rows[k - 1][1].endswith(("。", "：", ":", "；", ";", "）", ")"))
            and not _PUBLIC_NOTE_RE.match(rows[k - 1][1])
            and rows[k + 1][1].endswith("。") and match_heading(rows[k + 1][1]) is None}


def _line_above(text: str, at: int) -> tuple[int, str]:
    """(start, text) of the last non-blank line before offset ``at`` (a line's start), or (0, "")."""
    end = at - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return start, text[start:end]
        end = start - 1
    return 0, ""


def _provision_tree(text: str, bare_parts: dict[int, int] | None = None) -> list[dict]:
    """_provision_dicts' one pass; ``bare_parts`` maps the starts of unnumbered title lines to the
    numbers of the parts they head.

    One pass over the paragraphs: each heading closes the provision before it and opens
    its own under the nearest open heading of a higher rank. A line reading 附件 (附件2, 附表)
    in the second half of the text starts an attachment (名词解释, 任务分工表), kept whole
    as one provision: its numbered lines are no items of the policy's last measure. So is a web
    page's tail copied after the policy (相关链接, 上一篇, 主办单位: page_furniture.tail_start).
    """
    provisions: list[dict] = []
    stack: list[tuple[int, dict, int]] = []  # (rank, provision, tier) of the open headings
    used_ids: set[str] = set()
    last: dict[str, int] = {}  # the last number kept of each level
    annex_list = False  # in the list of attachments after 附件：
    # a notice's own points before the policy it issues are no headings, nor a 目录's entries
    explained, explanation = _explanation_before(text)  # a 解读 or 起草说明 printed above the policy
    body_start = max(attached_policy_start(text), policy_after_signature(text), _toc_end(text), explained)
    # the starts of the lines holding 附: only they can read 附件 or open a list of attachments
    annex_candidates = {line_start_at(text, i) for i in positions(text, "附")}
    text_end = len(text)
    lines = text.split("\n")
    table_annex = _table_annex_start(text, lines, body_start)
    page_tail = tail_start(lines)  # a web page's related links and footer copied after the policy
    in_annex = False  # after the policy, in an attachment: its numbered lines are no items
    listed = None  # each stripped line's last offset, read at the first 附件1：X line (_titled_annex)
    box = None  # in a 专栏 box (the last number of each level in it), until the next heading of a higher rank than an item
    listing = False  # in an article's points numbered 一、二、 (no part stood above the articles)
    if explained and explained == body_start:
        # the 解读 (with what stands above it) is an attachment explaining the policy, as one printed after it
        # is, so its figures are no targets; the policy's preamble starts at its title
        provisions += [_row("annex1", "", "annex", "", None, explanation, 0, explained, 1),
                       _row("0", "", "preamble", "", None, "", explained, text_end, 0)]
    next_start = 0
    for k, line in enumerate(lines):
        start, next_start = next_start, next_start + len(line) + 1
        if start < body_start:
            continue
        if k == page_tail and provisions:
            _open_annex(provisions, stack, start, text_end, "", line.strip())
            in_annex = True
            continue
        holds_annex = start in annex_candidates
        if holds_annex and provisions and _ANNEX_LINE_RE.match(line) \
                and (text_end - start <= start or _table_below(lines, k)):  # a long table may start in the first half
            title = next((ln.strip() for ln in lines[k + 1:k + 4] if ln.strip()), "")
            _open_annex(provisions, stack, start, text_end, line.strip(), title)
            in_annex = True
            continue
        if holds_annex and provisions and _TITLED_ANNEX_RE.match(line) \
                and (text_end - start <= start or _table_below(lines, k)) \
                and _titled_annex(line, start, listed or (listed := _lines_last_at(lines))) \
                and (_ANNEX_NUMBERED.match(line) or _text_below(lines, k)):  # 附件1：名词解释; 附件：X over its rows
            _open_annex(provisions, stack, start, text_end, *_annex_title(line))
            in_annex = True
            continue
        if start == table_annex and provisions and not in_annex:  # 重点任务分工表 with no 附件 line above it
            _open_annex(provisions, stack, start, text_end, *_annex_title(line))
            in_annex = True
        if in_annex:
            continue
        if annex_list and _ANNEX_ENTRY.match(line):
            continue  # 1.重点项目清单 names an attachment: no item of the last section
        annex_list = holds_annex and line[:1] == "附" and _ANNEX_START.match(line) is not None
        if ("说明" in line or "說明" in line) and provisions and _EXPLANATION_RE.match(line):  # a draft's 起草说明 after it
            _open_annex(provisions, stack, start, text_end, "", line.strip())
            in_annex = True
            continue
        if ("解读" in line or "解讀" in line or "读懂" in line or "讀懂" in line) and provisions \
                and (_INTERPRETATION_RE.match(line) or _INTERPRETATION_LEAD_RE.match(line)) \
                and match_heading(line.strip()) is None:  # 《X》政策解读, 图文解读｜《X》 after it; 三、加强规划解读 is a heading
            _open_annex(provisions, stack, start, text_end, "", line.strip())
            in_annex = True
            continue
        if line[:1] in _BOX_FIRST and _box_line(line):
            box = {}  # 专栏1 重大工程: a box whose numbered lines (1.创新平台工程) are no items
            continue
        hit = ("part", _PART_RANK, bare_parts[start], 0) if bare_parts and start in bare_parts else match_heading(line)
        if box is not None and hit is not None:
            level, number = hit[0], hit[2]
            if _box_entry(box, level, hit[1], number, last, stack):
                box[level] = number
                continue
            box = None  # the next heading of the text (（二）, 二、), or an item going on from before the box
        if hit is None and "part" in last and line[:1] in _ARABIC_FIRST:  # 2.1 needs a part 二、 above it
            hit = _decimal_section(line, last)
        elif hit is not None and hit[0] == "item" and _opens_decimal_block(lines, k, hit[2]):
            hit = ("part", 2, *hit[2:])  # 1 总体要求 above 1.1 指导思想: a part of decimal numbering
        if hit is None:
            continue
        if line[-1:].isdigit() and _TOC_ENTRY.search(line):
            continue  # 一、发展基础……1: an entry of the 目录, whose heading comes again below
        level, rank, number, label_end = hit
        if level == "part" and "article" in last and "part" not in last \
                and (listing or _after_colon(lines, k)):  # 第三条…如下：⏎一、…；⏎二、…: the article's points
            level, rank = "section", _SECTION_RANK
            listing = True
        elif level == "part" and (number == 1 or last.get("part", 0) != number - 1) \
                and _COUNTED_PART.match(line, label_end):
            continue  # 一、二类医疗器械注册人… inside a measure: a count, no part out of sequence (nor a first part)
        elif level == "article":
            if line[label_end:label_end + 1] == "由" and last.get("article", 0) >= number:
                continue  # 第二条由区科技局负责兑现 after 第七条: a closing line naming who serves an article
            listing = False
        # An arabic-numbered heading must start a run at 1 or continue the previous number of
        # its kind (003-style numbering runs on across sections): a lone "3." in running text
        # stays text. Items may restart at 1 under each section or run on across sections.
        if level in _LIST_LEVELS and number != 1 and last.get(level) != number - 1:
            continue
        last[level] = number
        keep = len(stack)  # the open headings above this one: those of a higher rank
        while keep and stack[keep - 1][0] >= rank:
            keep -= 1
        tier = (stack[keep - 1][2] if keep else 0) + 1
        if tier == 1 and rank > _PART_RANK and level != "action":
            tier = 2  # 第二条, （一） or 1. with no part above: still a measure, so what stands two below it is text
        if tier > MAX_TIERS:  # (1) under 1. under （一） under 一、: text of its item
            continue
        if provisions:
            provisions[-1]["end"] = start
        elif start > 0:
            provisions.append(_row("0", "", "preamble", "", None, "", 0, start, 0))
        del stack[keep:]
        parent = stack[-1][1] if stack else None
        title = heading_title(line, label_end)
        if not title and rank < _PART_RANK:  # 第一章⏎总则: the label alone, its title on the next line
            title = _title_below(lines, k)
        elif not title and not line[label_end:].strip():  # 一、⏎总体要求, （四）⏎支持企业上市。对…
            title = _lead_below(lines, k)
        prov = _new_provision(parent, level, line[:label_end].strip(), number, title, start, text_end, used_ids)
        provisions.append(prov)
        stack.append((rank, prov, tier))
    if not provisions:
        provisions.append(_row("0", "", "document", "", None, "", 0, len(text), 0))
    if "article" in last:  # a 第一条 was read (the only level _add_inline_sections splits)
        provisions = _add_inline_sections(text, provisions)
    provisions = _add_points(text, provisions)
    for p in provisions:
        p["text"] = text[p["start"]:p["end"]]
    return provisions


# A draft's explanation printed after it: 关于《X（征求意见稿）》的起草说明, 编制说明 — no part of the policy
_EXPLANATION_RE = re.compile(r"[ \t\u3000]*(?:关于|關於|關于)?[^\n。；：:]{0,80}?(?:起草|编制|編制|修订|修訂|制定|政策)[说說]明[ \t\u3000]*$")
# An interpretation printed after the policy (a site's page or a file that carries both): a title line naming
# a policy and ending in 解读 (《X》政策解读, 关于《X》的解读, X若干措施政策解读) or reading 政策解读 alone. A
# heading of the policy (（三）加强政策宣传解读, 三、加强规划解读) or a sentence (加强政策解读，…) is none: a name
# before 解读 must be in 《》 or end in a policy's kind (措施, 方案, 意见…), and the line holds no 。；：，.
_INTERPRETATION_RE = re.compile(
    r"[ \t\u3000]*[【\[]?(?:(?:关于|關於|關于)?《[^》\n]{2,80}》(?:的)?"
    r"|[^\n。；;：:，,《》（）()]{2,80}?(?:措施|方案|意见|意見|办法|辦法|计划|計劃|规划|規劃|细则|細則|规定|規定|条例|條例"
    r"|若干政策|政策措施))?"
    r"(?:政策)?(?:文字|图文|圖文)?解[读讀][】\]]?[ \t\u3000]*[：:]?[ \t\u3000]*$")
# a box of a plan (专栏1 主要指标, 专栏二：重大工程, 专栏3-1 重点工程: numbered within its chapter): its entries are no
# items of the text around it
_BOX_FIRST = frozenset("专專【[")  # a box's title line opens with one of these
_BOX_RE = re.compile(r"[【\[]?(?:专[ \t\u3000]*栏|專[ \t\u3000]*欄)[ \t\u3000]*"
                     r"(?P<n>[0-9０-９一二三四五六七八九十]{1,3}(?:[-－—–.．][0-9０-９]{1,2})?)?(?:[】\]]|[ \t\u3000:：、]|$)")
_BOX_TITLE_MAX = 40  # characters in the longest title line of an unnumbered box (专栏　重大工程)


def _box_line(line: str) -> bool:
    """Whether a line opens a 专栏 box: 专栏1 主要指标, 专栏3-1 重点工程, 【专栏2】重大项目, 专 栏 1 (a PDF's spaced
    centred title), or an unnumbered 专栏　重大工程 / 专栏：重点项目 on a short line of its own (no sentence:
    专栏：设立专栏，宣传典型。 is text)."""
    m = _BOX_RE.match(line)
    return m is not None and (m.group("n") is not None or (len(line.strip()) <= _BOX_TITLE_MAX and "。" not in line))


def _box_entry(box: dict, level: str, rank: int, number: int, last: dict, stack: list) -> bool:
    """Whether a numbered line inside a 专栏 box is one of its entries, not the text's next heading.

    An item (1.创新平台工程) is the box's when it starts a run, goes on with the box's or does not go on with the
    text's. A section or a part (（一）经济效益指标, 一、新药创制工程) is the box's when it starts a run while one of
    its level is open (the text restarts no run under an open heading: a （一） of its own follows a new part) or
    goes on with the box's run and not with the text's.
    """
    if rank >= _ITEM_RANK:
        return number == 1 or box.get(level) == number - 1 or last.get(level) != number - 1
    if number == 1:
        return any(p["level"] == level for _, p, _ in stack)
    return box.get(level) == number - 1 and last.get(level) != number - 1


def _open_annex(provisions: list[dict], stack: list, start: int, end: int, label: str, title: str) -> None:
    """Close the provision before ``start`` and open there an attachment kept whole to ``end`` (附件 line,
    附件1：title, a task table, a 起草说明, a page's tail): the headings open above it end with the policy."""
    provisions[-1]["end"] = start
    n_annex = sum(p["level"] == "annex" for p in provisions) + 1
    provisions.append(_row(f"annex{n_annex}", "", "annex", label, None, title, start, end, 1))
    stack.clear()


# A line of a table of contents: dot leaders (……, ....., ．．．, · · ·), a tab or a run of
# spaces, then a page number (12, （12）)
_TOC_ENTRY = re.compile(r"(?:…+|(?:[.．·・][ \u3000]?){3,}|\t|[ \u3000]{2,})[ \t\u3000]*(?:\d{1,3}|[（(]\d{1,3}[）)])$")
_TOC_HEAD = re.compile(r"[ \t\u3000]*目[ \t\u3000]*[录錄][ \t\u3000]*(?=\n|$)")


def _toc_end(text: str) -> int:
    """Offset of the body after a 目录 near the text's start (0 without one): the line that
    repeats the 目录's first entry, with or without its leaders and page number."""
    m = _toc_head(text, "录") or _toc_head(text, "錄")  # 目录, or 目錄 in a text in traditional characters
    if m is None:
        return _chapter_list_end(text) or _part_list_end(text)
    lines = text[m.end():].split("\n")
    keys = list(islice((_toc_key(ln) for ln in lines if ln.strip()), _TOC_TRIED))
    # the first entry; after an unnumbered one (前言 1 listed over a preface printed with no heading), the next ones
    for first in keys if keys and keys[0] and match_heading(keys[0]) is None else keys[:1]:
        pos = m.end()
        seen_first = False
        for ln in lines:
            if ln.strip() and _toc_key(ln) == first:
                if seen_first:
                    return pos
                seen_first = True
            pos += len(ln) + 1
    return 0


_TOC_TRIED = 3  # the 目录's entries tried in turn for the one the body's heading repeats, when the first is unnumbered


def _toc_head(text: str, char: str):
    """The match of a line reading 目录 (目  录) in the text's first 3000 characters, tried only where ``char`` stands."""
    for i in positions(text, char):
        if i >= 3000:
            break
        m = _TOC_HEAD.match(text, text.rfind("\n", 0, i) + 1)
        if m:
            return m
    return None


_CHAPTER_LIST_RUN = 3  # chapters back to back, with no text between: a list of them, no body
_CHAPTER_LINE_RE = re.compile(rf"[ \t\u3000]*第[{CN}\d]+(?:章|部分)")
# a 篇 or a 节 between them (第一篇⏎第一章⏎第一节⏎第二节⏎第二章…: a long 规划's contents) is an entry of the list too,
# but only chapters count towards a run: a body sets 第一篇⏎第一章⏎第一节 back to back above its first paragraph
_LIST_ENTRY_RE = re.compile(rf"[ \t\u3000]*第[{CN}\d]+(?:章|部分|篇|节|節)")


def _chapter_list_end(text: str) -> int:
    """Offset of the body after a list of chapters near the text's start with no 目录 line above it
    (第一章 总则⏎第二章 …⏎第三章 …: a law database's contents, or a 规划's 篇, 章 and 节): the line that repeats
    the list's first entry, else the line after the list; 0 without one. Only a text holding such a run is read
    further."""
    head = text[:3000]
    if head.count("第") < _CHAPTER_LIST_RUN or ("章" not in head and "部分" not in head):
        return 0  # no run of chapters can stand there: most texts are told so without reading their lines
    run: list[tuple[int, str]] = []
    chapters = 0  # the chapters in the run
    pos = 0
    for ln in text[:3000].split("\n"):
        if len(ln) <= 40 and _LIST_ENTRY_RE.match(ln):
            if chapters >= _CHAPTER_LIST_RUN and _squeeze(ln) == _squeeze(run[0][1]):
                return pos  # the list's first entry again: the body starts
            run.append((pos, ln))
            chapters += _CHAPTER_LINE_RE.match(ln) is not None
        elif ln.strip():
            if chapters >= _CHAPTER_LIST_RUN:
                break
            run, chapters = [], 0
        pos += len(ln) + 1
    if chapters < _CHAPTER_LIST_RUN:
        return 0
    after = run[-1][0] + len(run[-1][1]) + 1
    key = _squeeze(run[0][1])
    pos = after
    for ln in text[after:].split("\n"):
        if ln[:12].lstrip()[:1] == "第" and _squeeze(ln) == key:
            return pos
        pos += len(ln) + 1
    return after


# 一、…⏎二、…⏎三、… back to back near the text's start: a list of the parts, with no 目录 line above it
_PART_LIST_RE = re.compile(r"(一、[^\n]{1,40})\n二、[^\n]{1,40}\n三、[^\n]{0,40}(?:\n|$)")


def _part_list_end(text: str) -> int:
    """Offset of the body after a list of parts near the text's start with no 目录 line above it (a
    清单's 一、产业政策⏎二、…⏎三、… over its parts): the line that repeats the list's first entry; 0 without one.
    Only a repeated first entry tells a list from parts: a part's heading always has text below it."""
    # the list is the text's first line starting with 一、 (normalized lines have no indentation), in its first 3000 characters
    first = 0 if text[:2] == "一、" else text.find("\n一、", 0, 3000) + 1  # 0 too without one: no match there
    m = _PART_LIST_RE.match(text, first, 3000)
    if m is not None:
        key, after = _squeeze(m.group(1)), m.end() - 1
    elif text[first:first + 2] == "一、" and (after := _heading_list_after(text, first)):
        key = _squeeze(text[first:text.find("\n", first)])
    else:
        return 0
    at = text.find("\n一、", after)
    while at != -1:  # each later line starting 一、 once (normalized lines have no indentation): linear
        end = text.find("\n", at + 1)
        if _squeeze(text[at + 1:end if end != -1 else len(text)]) == key:
            return at + 1
        at = text.find("\n一、", at + 1)
    return 0


_HEADING_LIST_LINE_MAX = 40  # a heading listed in contents: short, and no sentence


def _heading_list_after(text: str, first: int) -> int:
    """The offset of the line break after a list of headings at ``first`` with no 目录 line above it, whose parts
    have their sections listed between them (一、规划背景⏎（一）发展基础⏎（二）…⏎二、总体要求⏎（一）…⏎三、…, a page's contents
    whose 目录 line was an image): short heading lines back to back, no line of text between them, holding parts 一、
    二、三、 in turn; 0 without one. The caller then wants the list's first part again: a body's heading has text below."""
    parts, at = 0, first
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        line = text[at:end]
        hit = match_heading(line) if len(line) <= _HEADING_LIST_LINE_MAX and "。" not in line else None
        if hit is None:
            break
        if hit[0] == "part":
            if hit[2] != parts + 1:
                break
            parts += 1
        at = end + 1
    return at - 1 if parts >= 3 else 0


def _toc_key(line: str) -> str:
    """A heading line without blanks, dot leaders and the page number after them; a page number
    set straight after the title (一、规划基础6, as a PDF's text gives a 目录 without leaders) is cut too, in either
    width (一、任务目标 １: a page typed in full-width digits)."""
    m = _TOC_ENTRY.search(line)
    return "".join((line[:m.start()] if m else line).split()).rstrip("…．.·・").rstrip(_PAGE_DIGITS)


_PAGE_DIGITS = "0123456789０１２３４５６７８９"  # a 目录 entry's page number, as typed in either width


# A notice that issues a policy (关于印发《X》的通知) may carry it as its attachment: a line
# 附件 (附件1) and then X's title. The notice's own numbered points (一、提高认识…) come
# before it; the policy's headings start again after it.
_ISSUED_TITLE_RE = re.compile(r"印[发發]\s*《([^》\n]{4,80})》|印[发發]([^《》\n]{4,80}?)的\s*通\s*知"
                              r"|《([^》\n]{4,80})》[^《》\n]{0,30}印[发發][给給]你")
_ANNEX_LINE_RE = re.compile(r"^[ \t\u3000]*" + ANNEX_LABEL + r"[ \t\u3000]*$", re.M)
_HEAD_LINES = 8


def attached_policy_start(text: str) -> int:
    """Offset of the 附件 line before the policy a transmittal notice issues, or 0 if there is none.

    The document's head must name what it issues (印发《X》 or 印发X的通知), and the first
    non-blank line after a line reading just 附件 (or 附件1) must be X's title. Everything
    before that line is the notice: its text is the preamble, its 一、二、 no parts. A notice that
    puts a draft out for comment (关于公开征求《X》意见的公告) names X in 《》 in its opening lines
    instead; its 附件1 line must then stand in the text's first half (a policy citing its own
    attachment in 《》 has its 附件 lines at its end).
    """
    if "附" not in text:
        return 0
    titles = [t for t in (_issued_title(text),) if t]
    cited = [_squeeze(t) for t in _CITED_RE.findall(text, 0, _OPENING)]
    if not titles and not cited:
        return 0
    half = len(text) // 2
    for annex in annex_lines(text):
        first = _squeeze(text[annex.end():annex.end() + 400].lstrip().split("\n", 1)[0])
        # the title, or its first line when the plan's period stands on the next
        for title in titles + (cited if annex.start() < half else []):
            if first.startswith(title[:40]) or (len(first) >= 6 and title.startswith(first)):
                return annex.start()
    return 0


_OPENING = 600  # characters of a notice's title and opening paragraph


def _issued_title(text: str) -> str:
    """The title of the policy the document's head says it issues (印发《X》, 印发X的通知), squeezed; "" if none."""
    head_end = -1
    for _ in range(_HEAD_LINES):  # the head's lines, joined: a title may run over lines
        head_end = text.find("\n", head_end + 1)
        if head_end < 0:
            head_end = len(text)
            break
    m = _ISSUED_TITLE_RE.search(text[:head_end].replace("\n", ""))
    return _squeeze(m.group(1) or m.group(2) or m.group(3)) if m else ""


# the 落款's date on a line of its own: 2022年12月5日, 二〇二二年十二月五日
_DATE_LINE_RE = re.compile(r"^[ \t\u3000]*(?:\d{4}|[〇○零Ｏ一二三四五六七八九]{4})[ \t\u3000]*年[^\n年]{1,10}日[ \t\u3000]*$", re.M)
_DATE_LINE_END_RE = re.compile(r"日[ \t\u3000]*$", re.M)  # where a date line can end: its literal 日 is fast to scan for
_CITED_RE = re.compile(r"《([^《》\n]{4,80})》")


def _date_lines(text: str, end: int):
    """The matches of _DATE_LINE_RE.finditer(text, 0, end), tried only on the lines that end in 日."""
    for m in _DATE_LINE_END_RE.finditer(text, 0, end):
        date = _DATE_LINE_RE.match(text, text.rfind("\n", 0, m.start()) + 1, m.end())
        if date:
            yield date
# a notice's line listing its one attachment by name (附件：X实施方案, 附件1:X): X is a title the notice names
_ANNEX_NAMED_RE = re.compile(r"^[ \t\u3000]*附\s*件\s*[0-9０-９]{0,2}[ \t\u3000]*[:：][ \t\u3000]*"
                             r"(?:[0-9０-９]{1,2}[.．、][ \t\u3000]*)?([^\n《》]{4,80}?)[ \t\u3000]*$", re.M)
# （此件公开发布）, or the contact a notice gives under its date (（联系人：王某，联系电话：12345678）)
_PUBLIC_NOTE_RE = re.compile(r"[ \t\u3000]*[（(](?:此件[^\n]{0,10}|联系人[^\n]{0,60})[）)][ \t\u3000]*$")


def policy_after_signature(text: str) -> int:
    """Offset of the title line of the policy a notice prints after its 落款 with no 附件 line, or 0.

    A notice (a 公告 putting out a draft, a 通知 printing a plan) names the policy in 《X》, signs
    with a date line, and then X's title stands on the next line (（此件公开发布） may come
    between). Everything before that line is the notice: its 一、二、 are no parts.
    """
    half = len(text) // 2  # the notice is the head of the document
    issued = _issued_title(text)  # 关于印发X的通知 names X with no 《》
    if not issued and "《" not in text[:half] and "附" not in text[:half]:
        return 0
    # each title the notice names, by its first six characters: a line names it when it is the
    # title or a beginning of it of six or more characters (a title's first line, when its period
    # stands on the next); a title is at most 80 characters. The notice names it in 《》, or on the
    # line listing its attachment (附件：X, as national notices give it above the 落款)
    cited: dict[str, set[str]] = {issued[:6]: {issued}} if len(issued) >= 6 else {}
    scanned = 0  # the 《…》 above each date line, read once (no title runs across a line of its own)
    for date in _date_lines(text, half):
        named = _CITED_RE.findall(text, scanned, date.start())
        if text.find("附", scanned, date.start()) != -1:
            named += _ANNEX_NAMED_RE.findall(text, scanned, date.start())
        for t in named:
            t = _squeeze(t)
            cited.setdefault(t[:6], set()).add(t)
        scanned = date.start()
        if not cited:
            continue
        at = date.end() + 1
        for _ in range(3):  # the next non-blank lines: a note on publication, then the title
            while at < len(text) and text[at] == "\n":
                at += 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end]
            if not _PUBLIC_NOTE_RE.match(line):
                title = _squeeze(line)
                if _names_cited(title, cited):
                    return at
                break  # a date inside the notice (截至：⏎2023年1月15日): the 落款 may come later
            at = end + 1
    return 0


def policy_after_interpretation(text: str) -> int:
    """Offset of the policy's title line under an interpretation or explanation printed above it, or 0."""
    return _explanation_before(text)[0]


def _explanation_before(text: str) -> tuple[int, str]:
    """(offset, title) of the title line of the policy printed after its interpretation or a draft's explanation, or 0.

    A site's page or a file may give 《X》政策解读 (X政策解读, 政策解读) or 关于《X》的起草说明 first and X
    below it (a 征求意见 notice may stand above both): their 一、出台背景 and （一） are no parts or measures
    of X. The title line must stand in the text's first half, and X's title on a line of its own later: X
    as that line names it, or a title cited in 《》 below it. Without such a line (a 解读 alone), its
    headings stay its own. The title is the interpretation's or explanation's title line; (0, "") without one.
    """
    half = len(text) // 2
    found, name = len(text), ""
    for words, pattern in ((("解读", "解讀", "读懂", "讀懂"), _INTERPRETATION_RE), (("说明", "說明"), _EXPLANATION_RE)):
        for word in words:
            at = text.find(word, 0, min(half, found))
            while at != -1:
                after = text[at + 2:at + 3]
                lead = pattern is _INTERPRETATION_RE and after in _LEAD_SEPARATORS  # 图文解读｜《X》, 一图读懂《X》
                if after not in _TITLE_END and not lead:  # 说明书, 解读为: no title line ends here
                    at = text.find(word, at + 2, min(half, found))
                    continue
                start = line_start_at(text, at)
                end = text.find("\n", at)
                end = len(text) if end < 0 else end
                line = text[start:end]
                if (pattern.match(line) or pattern is _INTERPRETATION_RE and _INTERPRETATION_LEAD_RE.match(line)) \
                        and match_heading(line.strip()) is None:
                    title = _cited_title_after(text, end, _interpreted_name(line))
                    if title and title < found:
                        found, name = title, line.strip()
                    break  # the first such line only
                at = text.find(word, end, min(half, found))
    return (found, name) if found < len(text) else (0, "")


_TITLE_END = frozenset(["", "\n", " ", "\t", "\u3000", "】", "]", "：", ":"])  # what may follow 解读/说明 ending a title line
_LEAD_SEPARATORS = frozenset(["｜", "|", "《", "—", "-"])  # what may follow 解读 opening a title line before 《X》
# An interpretation's title line naming its policy after the word (图文解读｜《X》, 【政策解读】《X》, 解读：《X》, 一图读懂《X》),
# as a site's page sets it; the policy X printed below it, as _explanation_before finds
_INTERPRETATION_LEAD_RE = re.compile(
    r"[ \t\u3000]*[【\[]?(?:政策|图文|圖文|文字|视频|視頻)?(?:解[读讀]|[一二]?[图圖][读讀]懂)[】\]]?[ \t\u3000]*[｜|：:—\-]*"
    r"[ \t\u3000]*《[^》\n]{2,80}》[ \t\u3000]*$")
_EXPLAINED_TAILS = ("解读", "解讀", "图文", "圖文", "文字", "说明", "說明", "起草", "编制", "編制", "修订", "修訂", "制定", "政策")


def _interpreted_name(line: str) -> str:
    """The policy an interpretation's or explanation's title line names: X of 《X》政策解读, X若干措施政策解读 or
    X起草说明 ("" for 政策解读 alone)."""
    m = _CITED_RE.search(line)
    if m:
        return m.group(1)
    name = _squeeze(line).strip("【】[]：:")
    for tail in _EXPLAINED_TAILS:
        name = name.removesuffix(tail)
    return name.removeprefix("关于").removeprefix("關於").removesuffix("的")


def _cited_title_after(text: str, at: int, name: str) -> int:
    """Offset of the first line after ``at`` that is the title ``name`` or one cited in 《》 above it (a
    beginning of one, with a 的 more or less or a note in brackets, as _names_cited reads), or 0. One pass."""
    cited: dict[str, set[str]] = {}
    if len(name) >= 4:
        cited.setdefault(_squeeze(name)[:6], set()).add(_squeeze(name))
    for line in text[at:].split("\n"):
        core = _squeeze(line)
        if cited and 6 <= len(core) <= 80 and _names_cited(core, cited) and match_heading(line.strip()) is None:
            return at
        for t in _CITED_RE.findall(line):
            t = _squeeze(t)
            cited.setdefault(t[:6], set()).add(t)
        at += len(line) + 1
    return 0


def _names_cited(line: str, cited: dict[str, set[str]]) -> bool:
    """Whether a squeezed line is one of the cited titles, or a beginning of one of six or more characters;
    or one with a 的 more or less (《X的若干措施》 over X若干措施), or one and a short note in brackets after it
    (《X》 over X（试行）, X（2024—2026年）)."""
    titles = cited.get(line[:6], ())
    if not titles:
        return False
    if line in titles or (len(line) >= 6 and any(t.startswith(line) for t in titles)):
        return True
    bare = line.replace("的", "")
    if any(t.replace("的", "") == bare for t in titles):
        return True
    cut = max(line.rfind("（"), line.rfind("("))
    return cut >= 6 and line[-1:] in "）)" and len(line) - cut <= 20 and line[:cut] in titles


# The header row of a table: 序号, then two or more short cells apart by blanks (tabs, spaces or
# one ideographic space: 序号　重点任务　牵头单位)
_TABLE_HEAD_RE = re.compile(r"[ \u3000]*序[ \u3000]?[号號](?:[ \t\u3000]+[^\s。；，]{1,12}){2,}[ \t\u3000]*$")
_ANNEX_TITLE_RE = re.compile(r"[ \t\u3000]*(附\s*[件表]\s*[0-9０-９一二三四五六七八九十]{0,2})[ \t\u3000]*[:：]?[ \t\u3000]*")
_SENTENCE_MARKS = ("。", "；", "：", ":")


def _table_annex_start(text: str, lines: list[str], body_start: int = 0) -> int | None:
    """Offset of the title line of a table attached after the policy with no line reading 附件
    above it (重点任务分工表, or 附件2：重点任务分工表, then the 序号 header row), or None.

    The header row must stand in the second half of the text, under a short title line
    without a sentence mark, and no numbered heading with a sentence may follow it: a table
    inside a measure, or one the policy's text goes on after, stays where it is.
    """
    if "序" not in text:
        return None
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for k, line in enumerate(lines):
        if offsets[k] < max(body_start, len(text) // 2) or "序" not in line[:4] or not _TABLE_HEAD_RE.match(line):
            continue
        above = next((j for j in range(k - 1, -1, -1) if lines[j].strip()), None)
        if above is None or offsets[above] < body_start:
            return None
        title = lines[above].strip()
        if len(title) > 60 or any(m in title[-1:] or (m == "。" and m in title) for m in _SENTENCE_MARKS[:2]) \
                or title.endswith(_SENTENCE_MARKS[2:]) or match_heading(title) is not None:
            return None
        if any("。" in later and match_heading(later.strip()) is not None for later in lines[k + 1:]):
            return None
        return offsets[above]
    return None


def _table_below(lines: list[str], k: int) -> bool:
    """Whether a 序号 header row follows line k within its next two non-blank lines (附件⏎重点任务分工表⏎序号…):
    a line reading 附件 over a table is an attachment even where the table is longer than the policy."""
    seen = 0
    for line in lines[k + 1:k + 8]:
        if not line.strip():
            continue
        if "序" in line[:4] and _TABLE_HEAD_RE.match(line):
            return True
        seen += 1
        if seen == 2:
            return False
    return False


# 附件1：名词解释 (附件2 重点企业名单, 附件：任务分工表): an attachment's label and its short title on one line.
# Without a number only 附件 and a colon: 附表：X captions a table in place (…详见附表), and 附件：1.X starts a
# list of attachments (_ANNEX_START)
_TITLED_ANNEX_RE = re.compile(r"[ \t\u3000]*附\s*(?:[件表]\s*[0-9０-９一二三四五六七八九十]{1,2}(?:[ \t\u3000]*[:：]|[ \t\u3000]+)"
                              r"|件\s*[:：][ \t\u3000]*(?![0-9０-９]))"
                              r"[ \t\u3000]*[^\s。；;，,：:][^。；;，,：:]{0,39}$")


_ANNEX_NUMBERED = re.compile(r"[ \t\u3000]*附\s*[件表]\s*[0-9０-９一二三四五六七八九十]")


# a measure's or an article's label: the policy goes on below a line naming a file (附件：申报表⏎（六）…)
_POLICY_GOES_ON = re.compile(r"[ \t\u3000]*(?:[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十百零〇\d]{1,4}条)")


def _text_below(lines: list[str], k: int) -> bool:
    """Whether an attachment's content follows line k: a non-blank line within three lines, no measure or article.
    附件：X with no number opens an attachment only so; on the page's last line it links a file
    (附件：重点项目清单.docx), and over the next measure (（六）…) it names a file inside the policy."""
    below = next((line for line in lines[k + 1:k + 4] if line.strip()), None)
    return below is not None and _POLICY_GOES_ON.match(below) is None


def _titled_annex(line: str, start: int, last_at: dict[str, int]) -> bool:
    """Whether a line 附件1：X (in the text's second half) starts attachment X, not a notice's list of its attachments.

    A list's entry is followed by the attachments themselves: a line reading 附件 (附件1) below it,
    or X's title on a line of its own. ``last_at`` is _lines_last_at's map.
    """
    return last_at["\n"] <= start and last_at.get(_annex_title(line)[1], -1) <= start


def _lines_last_at(lines: list[str]) -> dict[str, int]:
    """Each stripped line's last offset in the text; "\\n" keys the last line reading 附件 (附件1). One pass."""
    last_at: dict[str, int] = {"\n": -1}
    pos = 0
    for line in lines:
        core = line.strip()
        last_at[core] = pos
        if core[:1] == "附" and _ANNEX_LINE_RE.match(line):
            last_at["\n"] = pos
        pos += len(line) + 1
    return last_at


def _annex_title(line: str) -> tuple[str, str]:
    """(label, title) of an attachment's title line: 附件2：重点任务分工表 → (附件2, 重点任务分工表); a
    title alone has no label."""
    m = _ANNEX_TITLE_RE.match(line)
    if m is None:
        return "", line.strip()
    return m.group(1).strip(), line[m.end():].strip()


def annex_lines(text: str):
    """The _ANNEX_LINE_RE matches of text (lines reading 附件, 附件2), tried only at lines holding 附."""
    for i in positions(text, "附"):
        m = _ANNEX_LINE_RE.match(text, line_start_at(text, i))
        if m:
            yield m


def _squeeze(s: str) -> str:
    """s without any whitespace: titles are compared across line breaks and stray spaces."""
    return "".join(s.split())


# 附件：(1.…) starts the list of a notice's attachments; its entries are short numbered
# lines without a full stop (1.重点项目清单), which are not items of the section above.
_ANNEX_START = re.compile(r"附\s*件\s*[:：]")
_ANNEX_ENTRY = re.compile(r"\s*\d{1,2}\s*[.．、]\s*[^。]{1,60}$")


def _row(provision_id, parent_id, level, label, number, title, start, end, depth) -> dict:
    """A provision as a dict with Provision's fields in order (text filled in last)."""
    return {"provision_id": provision_id, "parent_id": parent_id, "level": level, "label": label,
            "number": number, "title": title, "start": start, "end": end, "depth": depth, "text": ""}


def _new_provision(parent, level, label, number, title, start, end, used_ids) -> dict:
    """A provision with a readable id: the path of numbers from the root, e.g. '2.3.1'."""
    parent_id = parent["provision_id"] if parent else ""
    base = f"{parent_id}.{number}" if parent else str(number)
    pid, k = base, 2
    while pid in used_ids:
        pid, k = f"{base}~{k}", k + 1
    used_ids.add(pid)
    # _row's dict, written out: one call less for each of a document's headings
    return {"provision_id": pid, "parent_id": parent_id, "level": level, "label": label, "number": number,
            "title": title, "start": start, "end": end, "depth": (parent["depth"] + 1) if parent else 1, "text": ""}


# 2.1 加强基础研究 under 二、: sections numbered part.section (上海's 实施意见)
# what follows a decimal label, unlike a figure's number (3.5%, 1.5万亩)
_NO_FIGURE_AFTER = r"(?![\d.．])[ \u3000]*(?=[^\d%％万亿千百元个家项年月日倍])"
_DECIMAL_SECTION = re.compile(r"(?P<p>\d{1,2})[.．](?P<n>\d{1,2})" + _NO_FIGURE_AFTER)


def _decimal_section(line: str, last: dict[str, int]):
    """(level, rank, number, label_end) of a 2.1-style section or 2.1.1-style item heading, or None.

    Its first numbers must be the current part's and section's (2.1 under 二、 or 2 重点任务,
    2.1.1 under 2.1), so a figure such as 3.5%… or 1.5万亩… at a paragraph's start is no
    heading; its number is the last.
    """
    m = _DECIMAL_SECTION.match(line)
    if m is not None:
        return ("section", 4, heading_number(m.group("n")), m.end()) \
            if last.get("part") == heading_number(m.group("p")) else None
    m = _DECIMAL_ITEM.match(line)
    if m is None or last.get("part") != heading_number(m.group("p")) or last.get("section") != heading_number(m.group("s")):
        return None
    return "item", 5, heading_number(m.group("n")), m.end()


_DECIMAL_ITEM = re.compile(r"(?P<p>\d{1,2})[.．](?P<s>\d{1,2})[.．](?P<n>\d{1,2})" + _NO_FIGURE_AFTER)
_DECIMAL_LOOKAHEAD = 4  # lines after a 1 总体要求 in which its 1.1 may stand


def _opens_decimal_block(lines: list[str], k: int, number: int) -> bool:
    """Whether the item-like line k (1 总体要求) heads decimal numbering: N.1 follows within a few lines."""
    for line in lines[k + 1:k + 1 + _DECIMAL_LOOKAHEAD]:
        if line[:1] in _ARABIC_FIRST:
            m = _DECIMAL_SECTION.match(line)
            return m is not None and heading_number(m.group("p")) == number and m.group("n") in ("1", "１")
    return False


# （一）…；（二）…；（三）… run on inside an article's paragraph, after a colon
_INLINE_SECTION = re.compile(rf"(?<=[：:；;。])[ \u3000]*[（(](?P<n>[{CN}]{{1,3}})[）)]")


def _add_inline_sections(text: str, provisions: list[dict]) -> list[dict]:
    """Split an article's run-on （一）…；（二）… conditions out as its sections.

    第五条…按以下标准给予支持：（一）完成Ⅰ期临床试验的…；（二）完成Ⅱ期…: the labels follow
    a colon, semicolon or full stop, count up from （一）, and there are at least two; on
    lines of their own they would be the article's sections, and are the same here.
    """
    if "article" not in {p["level"] for p in provisions} or ("（一）" not in text and "(一)" not in text):
        return provisions
    out: list[dict] = []
    used_ids = {p["provision_id"] for p in provisions}
    for p in provisions:
        out.append(p)
        if p["level"] != "article":
            continue
        run = _inline_run(text, p["start"], p["end"])
        if not run:
            continue
        cut = p["title"].find(text[run[0].start("n") - 1:run[0].end()])
        if cut > 0:  # the article's title stops before its first condition
            p["title"] = p["title"][:cut].rstrip("：: \u3000")
        # each label from its opening bracket
        out += _split_off(text, p, [(m.start("n") - 1, heading_number(m.group("n")), m.end()) for m in run],
                          "section", used_ids)
    return out


def _without_clause(title: str) -> str:
    """A child's title without the agency clause that closes it: 完善配套设施（牵头单位：A (cut at its ；)
    or 优化服务（市政务服务局负责） — the bracket names who is responsible, not what is done."""
    k = max(title.rfind("（"), title.rfind("("))
    if k > 0 and _CLAUSE_WORDS_RE.search(title, k):
        return title[:k].rstrip()
    return title


_CLAUSE_WORDS_RE = re.compile(r"负责|牵头|责任单位|配合")


def _split_off(text: str, parent: dict, labels: list[tuple[int, int, int]], level: str,
               used_ids: set[str]) -> list[dict]:
    """Child provisions of ``level`` for labels (start, number, label_end) inside parent's own span.

    The parent's span ends where the first label starts; each child runs to the next label,
    the last to the parent's old end. A child's title is its text up to the first ，。；.
    """
    parent_end, parent["end"] = parent["end"], labels[0][0]
    children = []
    for j, (start, number, label_end) in enumerate(labels):
        end = labels[j + 1][0] if j + 1 < len(labels) else parent_end
        title = _without_clause(re.split(r"[，。；;,]", text[label_end:end], maxsplit=1)[0].strip())
        children.append(_new_provision(parent, level, text[start:label_end], number, title, start, end, used_ids))
    return children


def _inline_run(text: str, start: int, end: int) -> list[re.Match]:
    """The first run of _INLINE_SECTION labels counting up from （一） on one line of text[start:end], or []."""
    run: list[re.Match] = []
    line_end = -1
    for m in _INLINE_SECTION.finditer(text, start, end):
        n = heading_number(m.group("n"))
        if run and m.start() > line_end:  # the run's line is over
            if len(run) >= 2:
                break
            run = []
        if n == len(run) + 1:
            if not run:
                line_end = text.find("\n", m.start(), end)
                line_end = end if line_end < 0 else line_end
            run.append(m)
    return run if len(run) >= 2 else []


def _add_points(text: str, provisions: list[dict]) -> list[dict]:
    """Split 一是/二是 runs out of each provision's own span as child 'point' provisions."""
    # no run starts anywhere (see _point_runs); a text without 是 is told by a one-character
    # search (a memchr), faster than the two-character one
    if "是" not in text or "一是" not in text:
        return provisions
    out: list[dict] = []
    used_ids = {p["provision_id"] for p in provisions}
    for p in provisions:
        out.append(p)
        runs = _point_runs(text, p["start"], p["end"])
        if not runs:
            continue
        for point in _split_off(text, p, runs, "point", used_ids):
            # 一是 is a point of a sentence, not a numbered heading: its id keeps the ordinal,
            # its number stays empty (the label says 一是), so tables and tools that number
            # headings by `number` (a tree of 一、/（一）/1.) see the paragraph it stands in
            point["number"] = None
            out.append(point)
    return out


def provision_rows(provisions: list[Provision]) -> list[dict]:
    """The provisions as plain dicts, in document order."""
    return [p.as_row() for p in provisions]
