"""The text Word shows for a .docx body: paragraphs and tables in order, with list numbers.

``block_texts(document)`` gives one string per paragraph, in document order, descending
into tables (a merged cell once) and content controls. A paragraph's text takes in what
python-docx's ``Paragraph.text`` leaves out: runs inside smart tags (older Chinese Word
files wrap dates in them), tracked insertions, inline content controls, simple fields,
custom XML and symbols (w:sym); deleted text, hidden text (w:vanish) and field codes stay out. Text boxes follow the paragraph
they are anchored in, and so do the footnotes and endnotes a paragraph refers to (a
note belongs to the provision that cites it; notes nobody cites come last). A manual line break (w:br) inside
a sentence joins it, as on a web page (normalize.soft_breaks); elsewhere it starts a line.

Headings numbered by Word's list numbering have no number in their text: Word draws
it. ``numbering_labeler(document)`` returns a function giving each paragraph element the
label Word shows (一、 （一） 1. 第一条, with its suffix space), or "" if it is not
numbered. It follows numbering.xml: the list a paragraph (or its style) belongs to (through
a list style's w:numStyleLink; a style naming no level takes the level whose w:pStyle is it), each
level's start, format (decimal, chineseCounting, …) and text ("%1、", "（%2）"), counters
shared by the lists of one definition, restarts of deeper levels and start overrides.
Bullets give "".

Some authors number no heading at all: Word's Heading 1 and Heading 2 styles alone make
总体要求 and 指导思想 headings. ``heading_labeler`` then draws the numbers a reader counts
(一、 for the first level, （一） for the second), so that the tree keeps its parts and measures.
"""
from __future__ import annotations

import re

from .normalize import HEADING_START, SOFT_BREAK, soft_breaks
from .numerals import CIRCLED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "零一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 16 → 十六, 20 → 二十, 105 → 一百零五 (Word's chineseCounting, to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += ("" if (value == 10 and digit == 1 and not out) else _CN_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in a level's numFmt; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n) if fmt == "lowerLetter" else _letters(n).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).lower() if fmt == "lowerRoman" else _roman(n)
    if fmt == "none":
        return ""
    return str(n)


def _val(parent, tag: str) -> str | None:
    """The w:val of parent's child w:tag, or None."""
    child = parent.find(W + tag) if parent is not None else None
    return None if child is None else child.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels(abstract) -> dict[int, dict]:
    """The levels of one w:abstractNum: {ilvl: {start, fmt, text, suffix, legal, style, restart}} (restart -1: unset)."""
    out = {}
    for lvl in abstract.findall(W + "lvl"):
        out[_int(lvl.get(W + "ilvl"), 0)] = {
            "start": _int(_val(lvl, "start"), 1), "fmt": _val(lvl, "numFmt") or "decimal",
            "text": _val(lvl, "lvlText") or "", "suffix": _val(lvl, "suff") or "tab",
            "legal": lvl.find(W + "isLgl") is not None, "style": _val(lvl, "pStyle"),
            "restart": _int(_val(lvl, "lvlRestart"), -1),
        }
    return out


def _linked_abstracts(numbering, document) -> dict[str, str]:
    """For each w:abstractNum that only points at a numbering style (w:numStyleLink), the one defining its levels.

    Word keeps a list style's levels in the abstractNum the style's own w:num names (the
    one whose w:styleLink names the style); the lists that use the style refer to an
    abstractNum holding nothing but the link.
    """
    links = {a.get(W + "abstractNumId"): _val(a, "numStyleLink") for a in numbering.findall(W + "abstractNum")}
    links = {a: style for a, style in links.items() if style}
    if not links:
        return {}
    abstract_of = {n.get(W + "numId"): _val(n, "abstractNumId") for n in numbering.findall(W + "num")}
    style_num = {}
    try:
        for style in document.styles.element.findall(W + "style"):
            ppr = style.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            if num_pr is not None:
                style_num[style.get(W + "styleId")] = _val(num_pr, "numId")
    except Exception:  # noqa: BLE001 - no styles part: the links lead nowhere
        pass
    defining = {_val(a, "styleLink"): a.get(W + "abstractNumId") for a in numbering.findall(W + "abstractNum")
                if _val(a, "styleLink")}
    out = {}
    for abstract_id, style in links.items():
        target = abstract_of.get(style_num.get(style)) or defining.get(style)
        if target and target != abstract_id:
            out[abstract_id] = target
    return out


def _style_numbering(document) -> dict[str, tuple[str | None, str | None]]:
    """(numId, ilvl) of each paragraph style that numbers its paragraphs, following basedOn."""
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part numbers nothing by style
        return {}
    own, based = {}, {}
    for style in styles.findall(W + "style"):
        sid = style.get(W + "styleId")
        ppr = style.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            own[sid] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"))
        based[sid] = _val(style, "basedOn")
    return _inherited(own, based)


def _inherited(own: dict, based: dict) -> dict:
    """Each style's own value, or the one it inherits along its basedOn chain (a loop ends it)."""
    out = {}
    for sid in based:
        seen, s = set(), sid
        while s is not None and s not in own and s not in seen:
            seen.add(s)
            s = based.get(s)
        if s in own:
            out[sid] = own[s]
    return out


def _restarts(level: dict | None, used: int) -> bool:
    """Whether a deeper level starts again when level ``used`` (0-based) numbers a paragraph.

    By default any higher level restarts it; w:lvlRestart names the lowest (1-based) level
    that does, and 0 none: items 1.–30. numbered on across the parts 一、 二、 of a 若干措施.
    """
    restart = -1 if level is None else level["restart"]
    return restart < 0 or used < restart


def next_label(levels: dict[int, dict], count: dict[int, int], ilvl: int) -> str:
    """The label Word draws for the next paragraph of a list at level ilvl, advancing the list's counters.

    ``levels`` as _levels gives them (also from a .doc: doc_text), ``count`` the list's {ilvl: current value}.
    """
    count[ilvl] = count[ilvl] + 1 if ilvl in count else levels[ilvl]["start"]
    for deeper in [k for k in count if k > ilvl and _restarts(levels.get(k), ilvl)]:
        del count[deeper]  # a deeper level starts again under the new number
    lvl = levels[ilvl]
    if lvl["fmt"] == "bullet":
        return ""
    text = lvl["text"]
    for k in range(9, 0, -1):  # %10 does not exist; replace %9 … %1
        token = f"%{k}"
        if token in text:
            below = levels.get(k - 1, {"start": 1, "fmt": "decimal"})
            value = count.get(k - 1, below["start"])
            text = text.replace(token, format_number(value, "decimal" if lvl["legal"] else below["fmt"]))
    if not text:
        return ""
    # Word puts a tab or a space after the label; labels ending in 、 or ） need none, and
    # "1." takes a space so that a figure after it (1. 2025年…) is not read as 1.2025
    return text if lvl["suffix"] == "nothing" or text[-1] in "、）)" else text + " "


def numbering_labeler(document):
    """A function from a w:p element to the list label Word draws before it ("" if none).

    Call it on the paragraphs in document order: the counters advance as it goes.
    """
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # noqa: BLE001 - no numbering part: nothing is numbered
        return lambda paragraph: ""
    abstracts = {a.get(W + "abstractNumId"): _levels(a) for a in numbering.findall(W + "abstractNum")}
    linked = _linked_abstracts(numbering, document)
    lists = {}  # numId -> (abstractNumId, {ilvl: start override})
    for num in numbering.findall(W + "num"):
        overrides = {_int(o.get(W + "ilvl"), 0): _int(_val(o, "startOverride"), 1)
                     for o in num.findall(W + "lvlOverride") if o.find(W + "startOverride") is not None}
        abstract_id = _val(num, "abstractNumId")
        lists[num.get(W + "numId")] = (linked.get(abstract_id, abstract_id), overrides)
    if not lists:
        return lambda paragraph: ""
    by_style = _style_numbering(document)
    counters: dict[str, dict[int, int]] = {}  # abstractNumId -> {ilvl: current value}
    overridden: set[str] = set()  # numIds whose start overrides have been applied

    def label(paragraph) -> str:
        ppr = paragraph.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        style_id = _val(ppr, "pStyle")
        style_num = by_style.get(style_id, (None, None))
        num_id = (_val(num_pr, "numId") if num_pr is not None else None) or style_num[0]
        if not num_id or num_id == "0" or num_id not in lists:
            return ""
        abstract_id, overrides = lists[num_id]
        levels = abstracts.get(abstract_id, {})
        ilvl = (_val(num_pr, "ilvl") if num_pr is not None else None) or style_num[1]
        if ilvl is None:  # a style naming only the list: its level is the one linked back to the style
            ilvl = next((k for k, lv in levels.items() if style_id and lv["style"] == style_id), 0)
        ilvl = _int(ilvl, 0)
        if ilvl not in levels:
            return ""
        count = counters.setdefault(abstract_id, {})
        if num_id not in overridden:
            overridden.add(num_id)
            for level, start in overrides.items():
                count[level] = start - 1
        return next_label(levels, count, ilvl)

    return label


_HEADING_STYLE_NAME = re.compile(r"(?:heading|标题)\s*([1-9])", re.I)
# the labels drawn for unnumbered headings of the first and second level (heading_labeler; doc_text too)
DRAWN_LABELS = (lambda n: chinese_number(n) + "、", lambda n: f"（{chinese_number(n)}）")


def _outline_levels(document) -> dict[str, int]:
    """Outline level (0 for Heading 1) of each paragraph style that has one, following basedOn.

    Word keeps it as w:outlineLvl; a built-in style named "heading N" (id "1" in Chinese
    Word, "Heading1" in English) has level N-1 even where styles.xml leaves it out.
    """
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part has no headings by style
        return {}
    own, based = {}, {}
    for style in styles.findall(W + "style"):
        sid = style.get(W + "styleId")
        ppr = style.find(W + "pPr")
        level = _val(ppr, "outlineLvl") if ppr is not None else None
        name = _HEADING_STYLE_NAME.fullmatch((_val(style, "name") or "").strip())
        if level is not None and level.isdigit():
            own[sid] = int(level)
        elif name:
            own[sid] = int(name.group(1)) - 1
        based[sid] = _val(style, "basedOn")
    return _inherited(own, based)


def heading_labeler(document, label):
    """``label`` (numbering_labeler), plus a drawn 一、 / （一） for headings no number marks.

    A first- or second-level heading (by its outline level or Heading style) gets one when
    none of the document's headings of its level has a number, in its text or from Word,
    and there are at least two of them. The first paragraph with text, the title, is left
    alone, as is a 目录 heading. Second-level numbers start again under each first-level heading.
    """
    levels = _outline_levels(document)
    by_style = _style_numbering(document)
    found: dict[int, list] = {0: [], 1: []}
    numbered = set()
    first_text = True
    for p in document.element.body.iter(W + "p"):
        text = None
        ppr = p.find(W + "pPr")
        own = _val(ppr, "outlineLvl") if ppr is not None else None
        level = int(own) if own is not None and own.isdigit() else levels.get(_val(ppr, "pStyle"))
        if level in found:
            text = paragraph_text(p).strip()
            has_number = ((ppr is not None and ppr.find(W + "numPr") is not None) or _val(ppr, "pStyle") in by_style
                          or HEADING_START.match(text) is not None)
            if has_number:
                numbered.add(level)
            elif text and not first_text and "".join(text.split()) != "目录":
                found[level].append(p)
        if first_text and (text if text is not None else paragraph_text(p).strip()):
            first_text = False
    # keyed by the elements themselves: holding them keeps lxml's proxies, so `is` identity holds
    drawn = {p: level for level, ps in found.items() if level not in numbered and len(ps) >= 2 for p in ps}
    if not drawn:
        return label
    counts = [0, 0]

    def label_with_drawn(paragraph) -> str:
        own = label(paragraph)
        level = drawn.get(paragraph)
        if own or level is None:
            return own
        counts[level] += 1
        if level == 0:
            counts[1] = 0
        return DRAWN_LABELS[level](counts[level])

    return label_with_drawn


# Run content and the text it stands for (as python-docx's Run.text reads it); a w:br
# of type page or column stands for nothing.
_RUN_TEXT = {W + "t": None, W + "tab": "\t", W + "ptab": "\t", W + "br": SOFT_BREAK, W + "cr": SOFT_BREAK,
             W + "noBreakHyphen": "-"}
# Subtrees that hold no text of this paragraph: its properties (their w:tab are tab stops),
# deleted text, text boxes (paragraphs of their own: _blocks reads them after this one) and
# the fallback copy of a drawing, which repeats its mc:Choice.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "txbxContent", _FALLBACK}


# Symbol-font characters (w:sym w:font="Symbol" w:char="F0B3") Chinese authors insert for
# ≥ ≤ × ± in targets; Word stores them in the private use area (F000 + the font's code).
SYMBOL_FONT = dict(zip(b"\xa3\xb3\xb4\xb1\xb8\xb0\xb7\xb9\xbb\xae\xac\xd6\xa5\xbe\x6d\x61\x62\x67\x44\x53\x57",
                        "≤≥×±÷°•≠≈→←√∞—μαβγΔΣΩ"))


def _symbol(el) -> str:
    """The character a w:sym stands for: Symbol font's ≥ ≤ × ±…, a code outside the private use area as it is, else ""."""
    try:
        code = int(el.get(W + "char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return SYMBOL_FONT.get(code - 0xF000, "") if (el.get(W + "font") or "").lower() == "symbol" else ""
    return chr(code) if 0x20 <= code < 0xE000 or 0xF900 <= code <= 0xFFFD else ""


def _hidden(run) -> bool:
    """Whether a w:r is hidden text (w:vanish): Word does not show or print it (drafting notes)."""
    vanish = run.find(W + "rPr/" + W + "vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def paragraph_text(paragraph) -> str:
    """The text of a w:p element as Word shows it (see the module docstring)."""
    out = []
    stack = list(reversed(paragraph))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _RUN_TEXT:
            text = _RUN_TEXT[tag]
            if text is None:
                out.append(el.text or "")
            elif tag != W + "br" or el.get(W + "type") in (None, "textWrapping"):
                out.append(text)
        elif tag == W + "sym":
            out.append(_symbol(el))
        elif tag == W + "r" and _hidden(el):
            continue
        elif tag not in _SKIP and isinstance(tag, str):
            stack.extend(reversed(el))
    return soft_breaks("".join(out))  # a manual line break inside a sentence joins it


def block_texts(document) -> list[str]:
    """The texts of the body's paragraphs in document order, each after its list label.

    Tables are read row by row, cell by cell; a paragraph per line. The paragraphs of a
    text box (a 专栏 box) and the notes it cites follow the paragraph it is anchored in;
    notes no paragraph cites come last, so that no text Word shows is lost.
    """
    notes = _notes(document)
    label = heading_labeler(document, numbering_labeler(document))
    return _blocks(document.element.body, label, notes, _alt_chunks(document)) + [
        line for lines in notes.values() for line in lines]


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _alt_chunks(document) -> dict[str, list[str]]:
    """The lines of each w:altChunk (content imported whole: the HTML or web archive of a page that a web
    system exported to Word, as html-docx-js does), by relationship id; python-docx shows none of it."""
    ids = [el.get(_R_ID) for el in document.element.body.iter(W + "altChunk")]
    if not ids:
        return {}
    from . import io  # io reads pages and web archives (and imports this module)

    parts = document.part.related_parts
    return {rid: io.chunk_lines(parts[rid].blob, parts[rid].content_type, str(parts[rid].partname))
            for rid in ids if rid in parts}


def _text_boxes(paragraph) -> list:
    """The outermost text boxes anchored in a paragraph, less the fallback copy of each drawing."""
    boxes = []
    for box in paragraph.iter(W + "txbxContent"):
        el = box.getparent()
        while el is not None and el is not paragraph and el.tag not in (_FALLBACK, W + "txbxContent"):
            el = el.getparent()
        if el is paragraph:
            boxes.append(box)
    return boxes


def _notes(document) -> dict[tuple[str, str], list[str]]:
    """The paragraphs of each footnote and endnote, keyed by (footnote|endnote, w:id), in their order."""
    from lxml import etree

    out: dict[tuple[str, str], list[str]] = {}
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except (etree.XMLSyntaxError, ValueError):
            continue
        kind = "footnote" if rel.reltype.endswith("/footnotes") else "endnote"
        for note in root:
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            lines = [t for t in (paragraph_text(p) for p in note.iter(W + "p")) if t.strip()]
            if lines:
                out[(kind, note.get(W + "id"))] = lines
    return out


_NOTE_REFERENCES = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}


def _cited_notes(paragraph, notes: dict) -> list[str]:
    """The lines of the notes a paragraph cites (each once: taken out of ``notes``), less deleted citations."""
    out = []
    for ref in paragraph.iter(*_NOTE_REFERENCES):
        el = ref.getparent()
        while el is not None and el is not paragraph and el.tag not in _SKIP:
            el = el.getparent()
        if el is paragraph:
            out.extend(notes.pop((_NOTE_REFERENCES[ref.tag], ref.get(W + "id")), []))
    return out


def table_row(cells: list[list[str]]) -> list[str]:
    """The lines of one table row: its cells joined by tabs when each holds one paragraph at most.

    A row of plain cells reads as one line (指标	2024年	2026年), so a figure keeps its row's
    label and its column's year; a row whose cells hold several paragraphs (a layout table,
    a cell of prose) gives each paragraph a line of its own.
    """
    solid = [[p for p in c if p.strip()] if len(c) > 1 else c for c in cells]  # a cell's empty paragraphs set no line
    if all(len(c) <= 1 or _short_cell(c) for c in solid):
        line = "\t".join(" ".join(c).replace("\t", " ") for c in solid).strip("\t")
        return [line] if line else []
    return [line for c in cells for line in c]


_CELL_SENTENCE_END = re.compile(r"[。；;！？]\s*$")


def _short_cell(paragraphs: list[str]) -> bool:
    """Whether a cell of a few paragraphs is one short label set over lines (2020年⏎（基期）, 地区生产总值⏎（亿元）):
    it stays in its row, its lines apart by a space, so the row's figures keep their column's head."""
    return (len(paragraphs) <= 3 and sum(len(p) for p in paragraphs) <= 30
            and not any(_CELL_SENTENCE_END.search(p) or HEADING_START.match(p) for p in paragraphs))


def is_category(cell: list[str]) -> bool:
    """Whether a cell's text is a short label (产业规模), which may be read again without adding a figure or a sentence."""
    return len(cell) == 1 and len(cell[0]) <= 20 and not re.search(r"[0-9０-９。；;]", cell[0])


def repeat_merged_labels(cells: list[list[str]], above: list[list[str]], continues: list[bool]) -> list[list[str]]:
    """Fill in a row's cells merged down from the row above (``continues``), where the cell above is a
    short label (产业规模 over two indicators, a unit, the bodies responsible): it is read again in each
    row it spans, so that the row keeps its columns (normalize strips a leading tab); a figure or prose
    is read once. Changes cells in place; returns the row as the next row's ``above``."""
    for i, merged in enumerate(continues):
        if merged and i < len(above) and i < len(cells) and is_category(above[i]):
            cells[i] = above[i]
    # a merged cell's first row may keep an empty paragraph under its label (产业规模⏎)
    return [[p for p in c if p.strip()] for c in cells]


def _continues(cell) -> bool:
    """Whether a cell continues one merged down from the row above (w:vMerge, not restart)."""
    props = cell.find(W + "tcPr")
    merge = props.find(W + "vMerge") if props is not None else None
    return merge is not None and merge.get(W + "val") in (None, "continue")


def _wrapped(parent, tag: str) -> list:
    """parent's children of one tag, also those wrapped in content controls or custom XML.

    A template's repeating section is a w:sdt around table rows (or one cell), which a
    plain look for w:tr or w:tc children would pass over.
    """
    out = []
    for child in parent.iterchildren():
        if child.tag == tag:
            out.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                out.extend(_wrapped(content, tag))
        elif child.tag == W + "customXml":
            out.extend(_wrapped(child, tag))
    return out


def _cell_blocks(cell, label, notes: dict, chunks: dict) -> list[str]:
    """A table cell's paragraph texts: a cell of one paragraph leaves the notes it cites for after the
    table (a note's line amid a row would split it); a cell of prose keeps them after their paragraph."""
    lines = _blocks(cell, label, {}, chunks)
    if notes and sum(1 for line in lines if line.strip()) > 1:
        lines = _blocks(cell, label, notes, chunks)
    return lines


def _blocks(parent, label, notes: dict, chunks: dict) -> list[str]:
    """Paragraph texts of a body, table cell or content control, descending into tables.

    ``notes`` (see _notes) gives up each note a paragraph cites, which follows that paragraph;
    ``chunks`` (see _alt_chunks) the lines of each imported chunk, in its place.
    """
    out: list[str] = []
    for child in parent.iterchildren():
        tag = child.tag
        if tag == W + "p":
            out.append(label(child) + paragraph_text(child))
            if child.find(".//" + W + "txbxContent") is not None:
                for box in _text_boxes(child):
                    out.extend(_blocks(box, label, notes, chunks))
            if notes:
                out.extend(_cited_notes(child, notes))
        elif tag == W + "tbl":
            # a cell merged across columns is one w:tc; one merged down rows continues in
            # (normally empty) w:tc of its own, read like any other so nothing is lost, except
            # that a short label merged down is read again (see below)
            above: list[list[str]] = []  # the previous row's cells
            for row in _wrapped(child, W + "tr"):
                tcs = _wrapped(row, W + "tc")
                cells = [_cell_blocks(cell, label, notes, chunks) for cell in tcs]
                above = repeat_merged_labels(cells, above, [_continues(tc) for tc in tcs])
                out.extend(table_row(cells))
            if notes:  # the notes a row's cells cite (产业规模①) follow the table, so that its rows stay one run
                for paragraph in child.iter(W + "p"):
                    out.extend(_cited_notes(paragraph, notes))
        elif tag == W + "sdt":  # content controls wrap paragraphs
            content = child.find(W + "sdtContent")
            if content is not None:
                out.extend(_blocks(content, label, notes, chunks))
        elif tag == W + "customXml":
            out.extend(_blocks(child, label, notes, chunks))
        elif tag == W + "altChunk":
            out.extend(chunks.get(child.get(_R_ID), []))
    return out
