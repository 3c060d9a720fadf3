"""A PDF page's text as pypdf extracts it, with the rows of its tables as tab-separated cells.

pypdf's ``extract_text`` runs a table row's cells together on one line (研发投入强度 % 2.1 3.0),
and a cell's wrapped second line (企业数量) on a line of its own. The text pypdf writes is the
concatenation of the pieces it hands its ``visitor_text`` callback, each with its position; so
the pieces of a page are grouped into lines by baseline, a line into cells where a gap wider
than _CELL_GAP em parts two pieces, and a run of lines of several cells into a table, whose
rows replace the text of those pieces, cells joined by tabs as docx_text and html_text write a
table's rows. A line of body text is one run across the column and is left as pypdf set it, but
for one change: a space pypdf puts inside a figure of a justified line (9. 6%, 2 025年), where
the positions show no blank was typed, is removed (see close_spread_figures).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .normalize import CN_DIGITS, PAGE_NUMBER_LINE

_CELL_GAP = 1.5  # em: a wider gap between two pieces on one baseline parts two cells
_SAME_LINE = 0.3  # em: pieces whose baselines differ by less stand on one line
_WRAP_PITCH = 1.6  # em: a cell's wrapped line stands at most this far below the line above
_SPREAD_SLACK = 0.1  # em: a gap at most this much wider than the line's spread between characters is no blank


@dataclass
class Piece:
    """One piece of text pypdf hands its visitor: where it starts on the page and its font size."""
    index: int
    text: str
    x: float
    y: float
    size: float


@dataclass
class Cell:
    """Text of one cell on one line (or, once rows are built, of all its lines) and its extent."""
    x0: float
    x1: float
    text: str
    pieces: list[int] = field(default_factory=list)
    # for each piece after the first: (where its text starts in text, its x, the gap before it or None)
    joins: list[tuple] = field(default_factory=list)


@dataclass
class Line:
    y: float
    size: float
    cells: list[Cell]


def page_text(page, marks: bool = False) -> str:
    """The page's text as ``page.extract_text()`` gives it, but with table rows as tab-separated cells; with
    ``marks``, a line set right or centred opens with FAR_INDENT_MARK (see mark_far_indents)."""
    pieces: list[Piece] = []

    def visit(text, cm, tm, font_dict, font_size):
        # text space → page: the text matrix times the current transformation matrix
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = (font_size or 0) * abs(a * d - b * c) ** 0.5
        pieces.append(Piece(len(pieces), text, x, y, size))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(p.text for p in pieces) != text:  # a pypdf that writes text its visitor never sees
        return text
    return pieces_text(pieces, _page_top(page), marks)


def pieces_text(pieces: list[Piece], box: tuple[float, float], marks: bool = False) -> str:
    """The text of a page's pieces (in the order written; their texts joined are the page's text, line breaks
    included), less overprints and a small running header in the top band of ``box`` (top, height), with table
    rows as tab-separated cells; with ``marks``, far-indented lines marked. page_text's work, also ofd_text's."""
    text = "".join(p.text for p in pieces)
    changed = drop_overprints(pieces)
    changed = drop_small_header(pieces, box) or changed
    if marks:
        in_tables = {i for block in _table_blocks(_lines(pieces)) for line in block for cell in line.cells for i in cell.pieces}
        changed = mark_far_indents(pieces, in_tables) or changed
    changed = fill_font_gaps(pieces) or changed
    if close_spread_figures(pieces) or changed:
        text = "".join(p.text for p in pieces)
    return splice_tables(text, pieces)


_HEADER_BAND = 0.08  # of the page's height: a running header stands in the top margin, above the type area
_HEADER_SIZE = 0.7  # of the body's size: a running header is set in a small face (9 pt over a 14–16 pt body)


def _page_top(page) -> tuple[float, float]:
    """(top, height) of the page's media box; (0, 0) when it cannot be read."""
    try:
        box = page.mediabox
        return float(box.top), float(box.top) - float(box.bottom)
    except Exception:  # a damaged box: no header band
        return 0.0, 0.0


def drop_small_header(pieces: list[Piece], box: tuple[float, float]) -> bool:
    """Empty the pieces of a running header: set in the page's top band, at most _HEADER_SIZE of the body's size,
    above every line of the body. A one-page PDF's header (title and date) repeats on no other page, so it is
    known by this; a 公文 sets no text there (its red head is larger than the body). Returns whether any changed."""
    top, height = box
    drawn = [p for p in pieces if p.text.strip() and p.size > 0]
    if height <= 0 or not drawn:
        return False
    weight = Counter()
    for p in drawn:
        weight[round(p.size, 1)] += len(p.text.strip())
    body = weight.most_common(1)[0][0]
    small = [p for p in drawn if p.size <= _HEADER_SIZE * body]
    if not small:
        return False
    body_top = max(p.y for p in drawn if p.size > _HEADER_SIZE * body)
    header = [p for p in small if p.y >= top - _HEADER_BAND * height and p.y > body_top + p.size]
    for p in header:
        p.text = "\n" * p.text.count("\n")  # its line breaks stay: the blank line left is dropped later
    return bool(header)


FAR_INDENT = 4  # em: a line starting this far right of the page's left margin is set right or centred
FAR_INDENT_MARK = "\u3000" * 4  # what such a line opens with, so io.join_wrapped_lines sees it stand apart


def mark_far_indents(pieces: list[Piece], skip: set[int] = frozenset()) -> bool:
    """Open each line that starts FAR_INDENT em or more right of the page's left margin (a 落款 set right,
    its date, a centred title) with FAR_INDENT_MARK. pypdf gives such a line as it gives a wrapped one, so a
    paragraph whose last line is nearly full ran on into the issuer (…请认真组织实施。某阳市人民政府办公室).
    The margin is where the lines of eight or more characters start furthest left; a table's lines (``skip``,
    the indices of their pieces) are no such line. Returns whether any changed."""
    starts = []  # (x, size, first piece, characters) of each line, as written
    broken = True  # a line break written since the last piece with text
    for p in pieces:
        if "\n" in p.text:
            broken = True
        if not p.text.strip() or p.size <= 0:
            continue
        if starts and _same_line(starts[-1][2], p) and p.x >= starts[-1][2].x - 0.01:
            starts[-1][3] += len(p.text.strip())
        elif starts and not broken and _same_line(starts[-1][2], p):
            # the line's Latin-face glyphs written before its CJK run (“ ” at 431 pt, then 全面贯彻… from the margin):
            # the line starts where its leftmost piece does
            starts[-1][0] = min(starts[-1][0], p.x)
            starts[-1][3] += len(p.text.strip())
        else:
            starts.append([p.x, p.size, p, len(p.text.strip())])
        broken = "\n" in p.text
    long_lines = [x for x, _, _, n in starts if n >= 8]
    if not long_lines:
        return False
    margin = min(long_lines)
    changed = False
    for x, size, p, _ in starts:
        if x >= margin + FAR_INDENT * size and p.index not in skip and not _page_number(p.text):
            head = len(p.text) - len(p.text.lstrip("\n"))
            p.text = p.text[:head] + FAR_INDENT_MARK + p.text[head:].lstrip(" ")
            changed = True
    return changed


_OVERPRINT_SHIFT = 0.25  # em: a copy of a piece drawn this close to it is a simulated bold, not a second word


def drop_overprints(pieces: list[Piece]) -> bool:
    """Empty each piece that repeats a piece before it on its line at (nearly) the same place.

    A producer without a bold face draws a heading, a line or each character two to four times a
    fraction of a point apart, and pypdf reads every copy (浙浙江江, a line twice over); a
    word that truly repeats (人人, 年年) stands an em further on. Only a piece set where it stands
    counts: the pieces of one TJ array all report the x their array starts at.
    Returns whether any piece changed.
    """
    changed, line, seen, last_x = False, None, {}, None  # seen: the line's pieces so far, by text, their x
    for b in pieces:
        core = b.text.strip("\n")
        if not core.strip():
            continue
        if line is None or not _same_line(line, b):
            line, seen, last_x = b, {}, None
        placed, last_x = b.x != last_x, b.x
        if not placed:
            continue
        xs = seen.setdefault(core, [])
        if any(abs(b.x - x) <= _OVERPRINT_SHIFT * max(b.size, 1) for x in xs):
            b.text = b.text.replace(core, "", 1)
            changed = True
        else:
            xs.append(b.x)
    return changed


def fill_font_gaps(pieces: list[Piece]) -> bool:
    """Put each short piece into the blank another piece of its line leaves for it (（‰）, “十四五”).

    A producer that writes a line font by font (LibreOffice, a glyph the CJK face lacks set in a
    Latin one) writes the Latin glyphs apart, before or after the CJK run, and the CJK run with a
    space where each stands: pypdf reads 婴儿死亡率‰（ ）. A piece of up to three characters, no
    blank in it, that stands where a blank of another piece of its line falls (measured in ems from
    that piece's start, within _GAP_SLACK em) takes that blank's place; pypdf's space written just
    before it goes too. Returns whether any piece changed.
    """
    changed = False
    holed: dict[int, list[Piece]] = {}  # the pieces with a blank inside, by their baseline in whole points
    for q in pieces:
        if q.text.strip() and " " in _drawn(q.text):
            holed.setdefault(round(q.y), []).append(q)
    if not holed:
        return _insert_unholed(pieces)
    for p in pieces:
        word = p.text.strip()
        if not word or len(word) > 3 or " " in word or p.size <= 0:
            continue
        near = [q for y in range(round(p.y) - 5, round(p.y) + 6) for q in holed.get(y, ())]  # (_same_line: up to 0.3 em)
        for q in near:
            if q is p or not _same_line(p, q) or not q.x < p.x:
                continue
            drawn = _drawn(q.text)
            at = next((i for i, ch in enumerate(drawn) if ch == " " and i
                       and abs(q.x + _em(drawn[:i]) * q.size - p.x) <= _GAP_SLACK * q.size), None)
            if at is None:
                continue
            q.text = q.text.replace(drawn, drawn[:at] + word + drawn[at + 1:], 1)
            p.text = p.text.replace(word, "", 1)
            before = next((b for b in reversed(pieces[:p.index]) if b.text), None)
            if before is not None and before.text == " " and _same_line(before, p):
                before.text = ""
            changed = True
            break
    changed = _fill_gap_runs(pieces, holed) or changed
    return _insert_unholed(pieces) or changed


_GAP_SLACK = 0.25  # em: how far from a blank's place a piece may stand and still fill it
_GAP_RUN_MAX = 8  # glyphs at the most in one piece of a line's Latin-face glyphs written apart (\u3000 “ ” ‰)


def _insert_unholed(pieces: list[Piece]) -> bool:
    """Put each short piece left over (up to three characters: a 　, a blank or “ LibreOffice draws in a Latin face
    and writes before its line's CJK run) into the CJK run of its line where it stands, when the run has no blank
    for it there: pypdf reads 　 ⏎ 一强化创新引领 for 一　强化创新引领. Only where the run's characters before that
    place are all full-width, so that the place is known to the point (within _GAP_SLACK em)."""
    changed = False
    lines: dict[int, list[Piece]] = {}  # the pieces with text by their baseline in whole points
    for q in pieces:
        if q.size > 0 and q.text.strip():
            lines.setdefault(round(q.y), []).append(q)
    for k, p in enumerate(pieces):
        glyph = p.text.strip("\n").strip(" ")
        if not glyph and p.text.strip("\n") and not p.text.strip("\n").strip(" ") and p.size > 0:
            # a blank drawn in the Latin face (市科技局 配合单位 read as  ⏎市科技局配合单位; of a run of blanks, the first,
            # whose place is known); not pypdf's own space for the gap before the next piece, which stands where it starts
            j = k + 1
            while j < len(pieces) and not pieces[j].text:  # pypdf hands empty pieces between others
                j += 1
            glyph = " " if j < len(pieces) and abs(pieces[j].x - p.x) > 0.01 else ""
        if not glyph or len(glyph) > 3 or (" " in glyph and glyph != " ") or p.size <= 0:
            continue
        near = [q for y in range(round(p.y) - 5, round(p.y) + 6) for q in lines.get(y, ())]
        for q in near:  # only a run written after the piece: a producer writing in reading order is never read so
            if q is p or not q.x < p.x or q.index < p.index or not _same_line(p, q):
                continue
            drawn = _drawn(q.text)
            at = _unholed_place(drawn, q, p.x)
            if at is None:
                continue
            q.text = q.text.replace(drawn, drawn[:at] + glyph + drawn[at:], 1)
            p.text = "\n" * p.text.count("\n")
            changed = True
            break
    return changed


def _unholed_place(drawn: str, q: Piece, x: float) -> int | None:
    """The index in q's drawn characters where a glyph drawn at x goes when q has no blank there: only inside q (a
    piece standing at its end follows it anyway), where the characters before it are all full-width glyphs (an em
    each, so the place is known; no 　, as a far-indent mark or an indent is) and no blank stands at it."""
    at = round((x - q.x) / q.size) if q.size > 0 else 0
    if not 0 < at < len(drawn) or abs(q.x + at * q.size - x) > _GAP_SLACK * q.size \
            or any(ch in " \u3000" or _em(ch) != 1.0 for ch in drawn[:at]) or drawn[at] == " ":
        return None
    return at


def _fill_gap_runs(pieces: list[Piece], holed: dict[int, list[Piece]]) -> bool:
    """fill_font_gaps for a piece that holds several such glyphs, each of up to three characters, apart by pypdf's
    spaces (LibreOffice writes all the Latin-face glyphs of a line in one array: 　 “ ” for 第一条　…“产学研医”…).
    Its first glyph stands where a blank of another piece of its line falls (or where that piece has none, see
    _unholed_place); the others go, in order, into that piece's next blanks, which must be as many. A run that opens
    with the line's indent (　 　 　 “ ” left of 第三条…) keeps those 　 before the line. Read after the single glyphs
    have taken their blanks."""
    changed = False
    lines: dict[int, list[Piece]] | None = None  # the pieces with a blank anywhere, by their baseline in whole points
    for p in pieces:
        glyphs = [g for g in p.text.strip("\n").split(" ") if g]
        if not 2 <= len(glyphs) <= _GAP_RUN_MAX or any(len(g) > 3 for g in glyphs) or p.size <= 0:
            continue
        if lines is None:
            lines, drawn_at = {}, {}  # drawn_at: every piece with text, by baseline
            for q in pieces:
                if q.size > 0 and q.text.strip():
                    drawn_at.setdefault(round(q.y), []).append(q)
                    if " " in q.text.strip("\n").lstrip(" "):
                        lines.setdefault(round(q.y), []).append(q)
        near = [q for y in range(round(p.y) - 5, round(p.y) + 6) for q in holed.get(y, ())]
        for q in near:
            if q is p or not _same_line(p, q):
                continue
            drawn = _drawn(q.text)
            holes = [i for i, ch in enumerate(drawn) if ch == " " and i]
            chars = list(drawn)
            if q.x > p.x:  # the run opens with the line's indent (　　 before 第三条　…“三免两减半”): it stays before q
                typed = p.text.strip("\n")[:1] == " "  # an indent typed as blanks, of no known width, is all before q
                indent = 0 if typed else round((q.x - p.x) / q.size) if q.size > 0 else 0
                if not (typed or 0 < indent) or indent >= len(glyphs) or len(holes) < len(glyphs) - indent \
                        or (not typed and (abs(p.x + indent * q.size - q.x) > _GAP_SLACK * q.size
                                           or any(g != "\u3000" for g in glyphs[:indent]))):
                    continue
                for glyph, i in zip(glyphs[indent:], holes):
                    chars[i] = glyph
                q.text = q.text.replace(drawn, "".join(chars), 1)
                p.text = ("\u3000" * indent or p.text[:len(p.text) - len(p.text.lstrip(" \n"))]) + "\n" * p.text.count("\n")
                changed = True
                break
            first = next((k for k, i in enumerate(holes)
                          if abs(q.x + _em(drawn[:i]) * q.size - p.x) <= _GAP_SLACK * q.size), None)
            if first is not None and len(holes) - first >= len(glyphs):
                for glyph, i in zip(glyphs, holes[first:]):
                    chars[i] = glyph
            elif q.index > p.index and (at := _unholed_place(drawn, q, p.x)) is not None \
                    and len([i for i in holes if i > at]) >= len(glyphs) - 1:
                # the first glyph had no blank left for it (完成、 、 期 for 完成Ⅰ、Ⅱ、Ⅲ期): it goes in where it stands
                for glyph, i in zip(glyphs[1:], [i for i in holes if i > at]):
                    chars[i] = glyph
                chars.insert(at, glyphs[0])
            else:
                continue
            q.text = q.text.replace(drawn, "".join(chars), 1)
            p.text = "\n" * p.text.count("\n")
            changed = True
            break
        else:
            changed = _fill_line_holes(p, glyphs, [q for y in range(round(p.y) - 5, round(p.y) + 6)
                                                   for q in lines.get(y, ())],
                                       [q for y in range(round(p.y) - 5, round(p.y) + 6) for q in drawn_at.get(y, ())]) \
                or changed
    return changed


def _listed_place(rest: list[str], holes: list[tuple]) -> int | None:
    """Where the first of a run's listed glyphs goes when its line has a blank for each of the others only (Ⅰ Ⅱ Ⅲ for
    完成期、 期、 期: a narrow glyph pypdf leaves no blank for) and the run's place is not known (it opens with the indent):
    one step of the list before the first blank, the blanks standing evenly in one piece; None unless the glyphs are
    one Latin character each (Ⅰ Ⅱ Ⅲ, A B C) and at least three."""
    if len(rest) < 3 or len(holes) != len(rest) - 1 or any(len(g) != 1 or _em(g) == 1.0 for g in rest) \
            or len({h[2].index for h in holes}) != 1:
        return None
    at = [h[3] for h in holes]
    step = at[1] - at[0]
    if step < 2 or any(b - a != step for a, b in zip(at, at[1:])) or at[0] - step + 1 < 1:
        return None
    return at[0] - step + 1


def _fill_line_holes(p: Piece, glyphs: list[str], near: list[Piece], line_start: list[Piece]) -> bool:
    """_fill_gap_runs across the pieces of a line that LibreOffice split (a justified line: 围绕 ⏎长春疫苗 长⏎白山…): the
    blanks of all of them in the order they stand, the first where the run's first glyph stands, or, for a run that
    opens with the line's 　 indent (its first pieces, ``line_start``, stand that many ems right of it), the first."""
    holes = []  # (x, piece, index in its drawn text); a blank ending a piece is a hole here too (围绕 ⏎长春疫苗)
    for q in near:
        if q is not p and _same_line(p, q):
            drawn = q.text.strip("\n").lstrip(" ")
            holes += [(q.x + _em(drawn[:i]) * q.size, q.index, q, i) for i, ch in enumerate(drawn) if ch == " " and i]
    holes.sort(key=lambda h: (h[0], h[1]))
    start = min((q.x for q in line_start if q is not p and _same_line(p, q)), default=p.x)
    indent = round((start - p.x) / p.size) if start > p.x + _GAP_SLACK * p.size else 0
    if indent:  # the run opens with the line's indent (　 　 “ ” left of （五）…实施 花果山英才 计划): it stays before the line
        if indent >= len(glyphs) or abs(p.x + indent * p.size - start) > _GAP_SLACK * p.size \
                or any(g != "\u3000" for g in glyphs[:indent]):
            return False
        first = 0
    else:
        first = next((k for k, h in enumerate(holes) if abs(h[0] - p.x) <= _GAP_SLACK * h[2].size), None)
    rest = glyphs[indent:]
    listed = _listed_place(rest, holes[first:first + len(rest) - 1]) if indent and first is not None else None
    if first is None or (len(holes) - first < len(rest) and listed is None):
        return False
    edits: dict[int, tuple[Piece, list[str], str]] = {}
    for glyph, (_, _, q, i) in zip(rest[1:] if listed is not None else rest, holes[first:]):
        if q.index not in edits:
            drawn = q.text.strip("\n").lstrip(" ")
            edits[q.index] = (q, list(drawn), drawn)
        edits[q.index][1][i] = glyph
    if listed is not None:
        q = holes[first][2]
        chars = edits[q.index][1]
        chars.insert(listed, rest[0])
    for q, chars, drawn in edits.values():
        q.text = q.text.replace(drawn, "".join(chars), 1)
    p.text = "\u3000" * indent + "\n" * p.text.count("\n")
    return True


def close_spread_figures(pieces: list[Piece]) -> bool:
    """Drop the space pypdf opens a piece with inside a figure (9. 6%, 1. 5万亿元, 2 025年) where no blank was typed.

    A justified line spreads its characters to the margin, and pypdf writes a space wherever a gap
    is wider than a blank, so after a narrow glyph (. or ,) or across a wide spread. The space
    goes only when the piece after it stands no farther from the one before than the line's other
    characters stand apart (a typed blank, as in 1 000, is a quarter em or more wider), and only
    inside a figure: between a digit and a digit, a mark (. , : - /) or %, or between such a mark
    and a digit, or after a full-width opening mark or dash, an em wide (（ 2025— 2027年）); the
    piece before must be short (two characters), so that its width is well estimated.
    Returns whether any piece changed.
    """
    written = [p for p in pieces if p.text]  # pypdf hands empty pieces between others too
    changed, spread, last = False, 0.0, -1
    for k in range(1, len(written)):
        a, b = written[k - 1], written[k]
        before, after = a.text[-1:], b.text[1:2]
        if not (b.text[:1] == " " and ((before in _DIGITS and after in _FIGURE_AFTER)
                                       or ((before in _FIGURE_INSIDE or before in _OPENING_MARKS) and after in _DIGITS))):
            continue
        word = a.text.strip()
        if not (0 < len(word) <= 2 and b.size > 0 and _same_line(a, b) and b.x > a.x + 0.01):
            continue
        j = k
        while j > 0 and j != last and "\n" not in written[j - 1].text and _same_line(written[j - 1], written[j]):
            j -= 1
        if j != last:  # a line no mark before stood on: measure its spread
            spread = _line_spread(written, j)
        last = k
        gap = b.x - a.x - (1.0 if word in _OPENING_MARKS else _em(word)) * b.size - (len(word) - 1) * spread
        if gap <= spread + _SPREAD_SLACK * b.size:
            b.text = b.text[1:]
            changed = True
    return changed


_DIGITS = set("0123456789０１２３４５６７８９")
_FIGURE_INSIDE = set(".,:-/")  # marks inside a figure, date or time (1.5, 1,000, 2024-06-18, 10:30, 1/3)
# full-width marks a figure follows in a spread line (（ 2025— 2027年）, 《 2024年…): set an em wide, the dash too
_OPENING_MARKS = set("（〔《【“—")
_FIGURE_AFTER = _DIGITS | _FIGURE_INSIDE | {"%"}


def _same_line(a: Piece, b: Piece) -> bool:
    return abs(a.y - b.y) <= _SAME_LINE * max(a.size, b.size)


def _line_spread(written: list[Piece], start: int) -> float:
    """The median gap, in points, after the one-character pieces of the line that starts at ``start``."""
    gaps = []
    k = start
    while k + 1 < len(written) and "\n" not in written[k].text:
        a, b = written[k], written[k + 1]
        word = a.text.strip()
        if len(word) == 1 and b.x > a.x + 0.01 and _same_line(a, b):
            gaps.append(b.x - a.x - _em(word) * a.size)
        k += 1
    gaps.sort()
    return max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0


def splice_tables(text: str, pieces: list[Piece]) -> str:
    """text with the pieces of each table found among ``pieces`` replaced by its tab-separated rows.

    A table is left as it is when other text comes between its pieces in the order pypdf wrote them,
    but for a page number (- 3 -) drawn amid them: the rows take its place, as the page's furniture goes.
    """
    starts, at = [], 0
    for p in pieces:
        starts.append(at)
        at += len(p.text)
    for block in reversed(_table_blocks(_lines(pieces))):
        used = {i for line in block for cell in line.cells for i in cell.pieces}
        lo, hi = min(used), max(used)
        if any(pieces[i].text.strip() and i not in used and not _page_number(pieces[i].text) for i in range(lo, hi + 1)):
            continue
        begin, end = starts[lo], starts[hi] + len(pieces[hi].text)
        rows = "\n".join("\t".join(c.text for c in row) for row in table_rows(block))
        before, after = text[:begin], text[end:]
        if before and not before.endswith("\n"):
            rows = "\n" + rows
        if text[begin:end].endswith("\n") or (after and not after.startswith("\n")):
            rows += "\n"
        text = before + rows + after
    return text


def _page_number(text: str) -> bool:
    """Whether a piece is only a page number (normalize.PAGE_NUMBER_LINE: - 3 -, 第3页 共9页)."""
    return PAGE_NUMBER_LINE.fullmatch(text.strip()) is not None


def _em(text: str) -> float:
    """Estimated width in em: a full-width (CJK) character 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def _drawn(text: str) -> str:
    """The characters of a piece that take width from its x: an indent typed as 　　 does, but not a
    space pypdf opens a piece with, which it writes for the gap before it (p.x is the glyph after it)."""
    return text.strip("\n").lstrip(" ").rstrip()


def _spread(group: list[Piece], size: float) -> float:
    """The points a justified line adds between its characters: the (lower) median gap after its pieces of
    one full-width character, whose width is known (an em), when it has three or more and that gap is under
    an em (a table row's cells stand wider); else 0."""
    gaps = sorted(b.x - a.x - a.size for a, b in zip(group, group[1:])
                  if len(word := _drawn(a.text)) == 1 and _em(word) == 1.0 and b.x > a.x + 0.01)
    median = gaps[(len(gaps) - 1) // 2] if len(gaps) >= 3 else 0.0
    return median if 0.0 < median < size else 0.0


def _lines(pieces: list[Piece]) -> list[Line]:
    """The page's lines, top to bottom, each split into cells at gaps wider than _CELL_GAP em (and a justified
    line's spread on both sides), measured from where the drawn characters of the piece before end."""
    lines: list[list[Piece]] = []
    for p in sorted((p for p in pieces if p.text.strip() and p.size > 0), key=lambda p: (-p.y, p.x)):
        if lines and abs(lines[-1][0].y - p.y) <= _SAME_LINE * p.size:
            lines[-1].append(p)
        else:
            lines.append([p])
    out = []
    for group in lines:
        group.sort(key=lambda p: p.index)  # as written: left to right
        size = max(p.size for p in group)
        limit = _CELL_GAP * size + 2 * _spread(group, size)  # a typed blank in a justified line takes two spreads
        cells: list[Cell] = []
        end = None  # where the last piece ends, None when its start is unknown
        for k, p in enumerate(group):
            word = p.text.strip()
            # pypdf 4 reports a piece it starts with a space (a change of font: 到 / 2025) at the
            # start of the piece before: a piece that does not move right of it may stand anywhere
            known = k == 0 or p.x > group[k - 1].x + 0.01
            if cells and (not known or end is None or p.x - end <= limit):
                cells[-1].joins.append((len(cells[-1].text), p.x, p.x - end if known and end is not None else None))
                cells[-1].text += p.text.strip("\n")
                cells[-1].pieces.append(p.index)
            else:
                cells.append(Cell(p.x, p.x, p.text.strip("\n"), [p.index]))
            end = p.x + _em(_drawn(p.text)) * p.size if known else None
            cells[-1].x1 = max(cells[-1].x1, end if end is not None else p.x)
            if "\n" in word:  # a piece spanning lines: no place in a table
                cells[-1].x1 = float("inf")
        for cell in cells:
            lead = len(cell.text) - len(cell.text.lstrip())
            cell.text = cell.text.strip()
            cell.joins = [(at - lead, x, gap) for at, x, gap in cell.joins]
        out.append(Line(group[0].y, size, cells))
    return out


def _is_row(line: Line) -> bool:
    """Whether a line has the cells of a table row: two or more, not each a single letter-spaced character."""
    return len(line.cells) >= 2 and any(len(c.text) > 1 for c in line.cells) and all(c.x1 < float("inf")
                                                                                   for c in line.cells)


# a line opening like a part's, a section's or a chapter's heading (二、主要任务, （一）, 第二章): the text after a
# table, never a cell's wrapped line, however close under the last row and narrow it stands
_HEADING_LINE_RE = re.compile(rf"[{CN_DIGITS}]+、|[（(][{CN_DIGITS}]+[）)]|第[{CN_DIGITS}\d]+[章节部分]")


def _table_blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines that form a table: rows of cells, with the wrapped lines of a cell between and after them.

    A line of one run joins a table when it fits inside a column (crosses no column's start) and
    stands close under the line above, as a cell's second line does, or close above a row, as the
    first line of a label centred beside its row's cells. A table needs a figure and two rows
    whose cells stand in columns (each overlaps a cell of another row).
    """
    blocks, k = [], 0
    while k < len(lines):
        if not _is_row(lines[k]):
            k += 1
            continue
        block = [lines[k]]
        k += 1
        while k < len(lines):
            line, nxt = lines[k], lines[k + 1] if k + 1 < len(lines) else None
            # close under the line above, or (a centred row's first line) just above the next row
            close = (block[-1].y - line.y <= _WRAP_PITCH * line.size
                     or (nxt is not None and _is_row(nxt) and line.y - nxt.y <= _WRAP_PITCH * line.size))
            if not (_is_row(line) or (close and len(line.cells) == 1 and _fits(line.cells[0], block)
                                      and not _HEADING_LINE_RE.match(line.cells[0].text))):
                break
            block.append(line)
            k += 1
        rows = [line for line in block if _is_row(line)]
        if (sum(_aligned(line, rows) for line in rows) >= 2
                and any(ch.isdigit() for line in rows for c in line.cells for ch in c.text)):
            for line in rows:
                line.cells = _split_at_columns(line, rows)
            blocks.append(block)
    return blocks


_COLUMN_GAP = 0.5  # em: the least gap before a piece that starts a column inside a cell


def _split_at_columns(line: Line, rows: list[Line]) -> list[Cell]:
    """A row's cells, each parted where a piece of it starts a column of the table (5岁以下儿童死 | 7.5).

    A label that fills its column, as a wrapped label's lines do, ends a cell's padding (about an
    em) short of the next column, nearer than _CELL_GAP: its line ran the two cells together. A
    piece that stands at least _COLUMN_GAP em after the one before it and within a third of an em
    of where a cell of another row starts opens a cell of its own.
    """
    starts = [c.x0 for other in rows if other is not line for c in other.cells]
    tolerance = line.size / 3
    out: list[Cell] = []
    for cell in line.cells:
        while True:
            k = next((k for k, (at, x, gap) in enumerate(cell.joins)
                      if gap is not None and gap >= _COLUMN_GAP * line.size and 0 < at < len(cell.text)
                      and any(abs(x - s) <= tolerance for s in starts)), None)
            if k is None:
                break
            at, x, gap = cell.joins[k]
            out.append(Cell(cell.x0, x - gap, cell.text[:at].rstrip(), cell.pieces[:k + 1], cell.joins[:k]))
            rest = cell.text[at:]
            lead = len(rest) - len(rest.lstrip())
            cell = Cell(x, cell.x1, rest.strip(), cell.pieces[k + 1:],
                        [(a - at - lead, x2, g) for a, x2, g in cell.joins[k + 1:]])
        out.append(cell)
    return out


def _aligned(line: Line, rows: list[Line]) -> bool:
    """Whether each cell of a row after its first stands in a column of another row (overlaps one of its cells)."""
    return all(any(max(c.x0, o.x0) < min(c.x1, o.x1) for other in rows if other is not line for o in other.cells)
               for c in line.cells[1:])


def _fits(cell: Cell, block: list[Line]) -> bool:
    """Whether a run stays within one column of the table: no cell of its rows starts inside it."""
    tolerance = 0.5 * block[0].size
    return not any(cell.x0 + tolerance < c.x0 < cell.x1 - tolerance
                   for line in block if _is_row(line) for c in line.cells)


def table_rows(block: list[Line]) -> list[list[Cell]]:
    """The rows of a table block, a cell's wrapped lines joined into it.

    A line without a cell in the first (label) column continues the row above (a head's
    second line, 基期值 / （2022年）); a line of only a label continues it too (企业数量 under
    规模以上生物医药), unless the next line lacks a label: then the label starts a row whose
    other cells stand lower, centred in a taller row. A line without a label whose figures stand
    under figures of the row above starts a row of its own (see _figures_under).
    """
    second = min(line.cells[1].x0 for line in block if _is_row(line))

    def has_label(line: Line) -> bool:
        return line.cells[0].x0 < second - 0.5 * line.size

    rows: list[list[Cell]] = []
    for k, line in enumerate(block):
        nxt = block[k + 1] if k + 1 < len(block) else None
        if not rows:
            starts = True
        elif not has_label(line):
            starts = _figures_under(line, rows[-1])
        elif len(line.cells) == 1:
            starts = nxt is not None and not has_label(nxt) and line.y - nxt.y <= _WRAP_PITCH * line.size
        else:
            starts = True
        if starts:
            rows.append([Cell(c.x0, c.x1, c.text, list(c.pieces)) for c in line.cells])
        else:
            _merge(rows[-1], line.cells)
    return rows


def _figures_under(line: Line, row: list[Cell]) -> bool:
    """Whether a line without a label is a row of its own: a cell of it holding a figure stands under a
    cell of the row above that holds one too. A category cell merged down (健康水平 beside three
    indicators) is written once, so the rows under its first leave the label column empty; a cell's
    wrapped second line (（2022年） under 基期值) stands under a cell without a figure.
    """
    return len(line.cells) >= 2 and any(
        any(ch.isdigit() for ch in c.text) and any(
            max(c.x0, o.x0) < min(c.x1, o.x1) and any(ch.isdigit() for ch in o.text) for o in row)
        for c in line.cells)


def _merge(row: list[Cell], cells: list[Cell]) -> None:
    """Add a line's cells to a row: to the cell each overlaps, or as a new cell in its place."""
    for cell in cells:
        same = next((c for c in row if max(c.x0, cell.x0) < min(c.x1, cell.x1)), None)
        if same is not None:
            latin = all(ch.isascii() and ch.isalpha() for ch in same.text[-1:] + cell.text[:1])
            same.text += (" " if latin else "") + cell.text  # a wrapped Latin word takes a space back
            same.x0, same.x1 = min(same.x0, cell.x0), max(same.x1, cell.x1)
            same.pieces += cell.pieces
        else:
            row.append(Cell(cell.x0, cell.x1, cell.text, list(cell.pieces)))
            row.sort(key=lambda c: c.x0)
