"""The text of a Markdown file (.md) as a reader sees it, without its markup.

Researchers get policies as Markdown from web clippers and converters (MarkItDown, pandoc,
html2text, reader services): ``## 一、总体要求``, ``**（一）加大研发投入。**对…``,
``1. 加强…`` lists, ``| 序号 | 任务 |`` tables. ``markdown_text`` parses the file with
markdown-it-py (CommonMark and its tables) and writes one line per heading, paragraph line or
table row: headings and emphasis lose their marks, a link keeps its text, an ordered list item
keeps its number as written (1. is an item's label in a policy), a table row's cells are
tab-separated as in bioparse's other readers. A paragraph's soft line breaks are kept, so a
text hard-wrapped at 72 columns (pandoc's) is joined as a .txt's is (normalize).
"""
from __future__ import annotations

import re

from .scan import matches_at_least

# ** left as text: CommonMark does not close **（一）加大研发投入。**对… (a punctuation mark before the
# closing run and a CJK character after it), so strong emphasis around Chinese text often stays unparsed
_STRAY_STRONG = re.compile(r"\*{2,3}")
_INLINE_TEXT = ("text", "code_inline")  # inline tokens whose content is the text
_INLINE_BREAKS = ("softbreak", "hardbreak")
# a page laid out in tables (a government site's) comes out of MarkItDown and markdownify as one table row whose
# cell holds the whole policy, its paragraphs joined by the blanks that indented them (  　　一、…)
_CELL_PARAGRAPH_GAP = re.compile(r"[ \t\u3000\xa0]{2,}")
_MIN_PAGE_CELL = 200
_MIN_PAGE_CELL_GAPS = 3


# a Markdown heading (## 一、总体要求), a line opening with strong emphasis (**（一）加大研发投入。**对…) or a
# table's delimiter row (| --- | --- |: a page laid out in tables, as MarkItDown writes it)
_MARKUP_LINE = re.compile(r"^(?:#{1,6}[ \t]+[^#\s]|[ \t\u3000]*\*\*[^*\s][^\n]*?\*\*|\|[ \t]*:?-{3,}:?[ \t]*\|)", re.M)
_MIN_MARKUP_LINES = 2


def looks_like_markdown(text: str) -> bool:
    """Whether a .txt holds Markdown (a clipper's output saved as .txt): two or more lines open with a heading's
    # marks, with ** or are a table's delimiter row (| --- |). A policy's own text has none such: its headings are
    一、 and （一）, its tables' cells tab-separated."""
    if "#" not in text and "*" not in text and "|" not in text:  # one character is sought faster than two (# , **)
        return False
    return matches_at_least(_MARKUP_LINE, text, _MIN_MARKUP_LINES)


def markdown_text(source: str) -> str:
    """The text of Markdown ``source``: its blocks one line each (a paragraph's own line breaks kept)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(source)
    source_lines: list[str] | None = None
    lines: list[str] = []
    prefix = ""  # a list item's number (1. ) or bullet mark (- ), for its first paragraph (_with_mark)
    cells: list[str] | None = None  # the cells of the table row being read
    for tok in tokens:
        kind = tok.type
        if kind == "inline":
            text = _inline(tok.children or [])
            if cells is not None:
                cells.append(_cell_text(text))
            else:
                lines.append(_with_mark(prefix, text))
                prefix = ""
        elif kind == "list_item_open":
            prefix = f"{tok.info}{tok.markup} "
        elif kind in ("fence", "code_block"):
            lines.append(tok.content.rstrip("\n"))  # text indented four blanks is a code block: kept as written
        elif kind == "tr_open":
            cells = []
            row_map = tok.map
        elif kind == "tr_close":
            cells = cells or []
            if row_map and sum(map(len, cells)) < _MIN_PAGE_CELL:
                source_lines = source_lines or source.splitlines()
                cells = _row_beyond_header(md, source_lines[row_map[0]], cells)
            if any("\n" in cell for cell in cells):  # a layout table's row: its cells' text one after another
                lines.extend(cell for cell in cells if cell.strip())
            else:
                lines.append("\t".join(cells))
            cells = None
    return _STRAY_STRONG.sub("", "\n".join(lines))


def _row_beyond_header(md, row: str, cells: list[str]) -> list[str]:
    """A table row's cells, read again from its source when they hold under half of it: a table row has only
    as many cells as its header, and a layout table's header row is short (| |) where the page's text lies in
    a cell beyond it (MarkItDown's, markdownify's nested tables)."""
    if len(row) < _MIN_PAGE_CELL or 2 * sum(map(len, cells)) >= len(row):
        return cells
    parts = re.split(r"(?<!\\)\|", row.strip().strip("|"))
    return [_cell_text(_inline(md.parseInline(part.strip())[0].children or [])) for part in parts]


def _cell_text(text: str) -> str:
    """A table cell's text on one line; a cell holding a page's paragraphs (long, with three or more gaps of
    blanks) split at its gaps, one paragraph a line, as the page shows them."""
    text = text.replace("\n", " ")
    if len(text) >= _MIN_PAGE_CELL:
        parts = _CELL_PARAGRAPH_GAP.split(text)
        if len(parts) > _MIN_PAGE_CELL_GAPS:
            return "\n".join(part for part in parts if part.strip())
    return text


def _with_mark(mark: str, text: str) -> str:
    """A list item's first line: an ordered item's number kept (1. 加强…), a bullet's mark dropped, unless the
    line closes with it: - 1 - is a PDF's page number, read by the converter as a bullet holding 1 -."""
    if not mark or mark[0].isdigit() or text.endswith(mark[0]):
        return mark + text
    return text


def _inline(children) -> str:
    """An inline token's text: its words and code, line breaks as \\n; emphasis, links and images' marks dropped."""
    out = []
    for child in children:
        if child.type in _INLINE_TEXT:
            out.append(child.content)
        elif child.type in _INLINE_BREAKS:
            out.append("\n")
    return "".join(out)
