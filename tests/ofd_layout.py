"""Write a text as an OFD laid out like a 公文 (GB/T 9704): the test fixtures of bioparse.ofd_text.

A4 pages (210 × 297 mm), the type area 156 mm wide from 28 mm left and 37 mm down, 16 pt (5.6 mm)
characters, 28 to a line, 22 lines to a page; every paragraph's first line indented two characters;
the first line (the title) centred; a 落款 (a date line, 2024年8月17日, and the line above it) set
right; a table row's cells (tab-separated, or three or more parted by runs of blanks) set in columns as
wide as their widest cell; the page number — 3 — centred below the
type area. ``style`` "chars" draws each character as its own TextObject under a CTM (as 数科 and 书生
converters do); "runs" draws each line as one TextCode with DeltaX ("g 27 5.6").
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
LEFT, TOP, WIDTH, SIZE, PITCH, LINES = 28.0, 37.0, 156.0, 5.6, 10.2, 22
_DATE = re.compile(r"\s*\d{4}年\d{1,2}月\d{1,2}日\s*")
_CELL_GAP = re.compile(r"[ \u3000]{2,}")


def _em(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


def _wrap(text: str, first_indent: float) -> list[tuple[float, str]]:
    """(indent in em, line) of a paragraph cut at the type area's width, never inside a Latin word or a number."""
    out, line, width, indent = [], "", first_indent, first_indent
    for word in re.findall(r"[A-Za-z0-9.%]+|.", text):
        w = sum(_em(ch) for ch in word)
        if line and width + w > WIDTH / SIZE + 1e-9:
            out.append((indent, line))
            line, width, indent = "", 0.0, 0.0
        line += word
        width += w
    out.append((indent, line))
    return out


def _table(rows: list[list[str]]) -> list[list[tuple[float, str]]]:
    """A table's rows, each cell at its column's x: a column as wide as its widest cell and two ems."""
    widths = [0.0] * max(len(r) for r in rows)
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], sum(_em(ch) for ch in cell) + 2)
    starts = [LEFT + SIZE * sum(widths[:i]) for i in range(len(widths))]
    return [[(starts[i], cell) for i, cell in enumerate(row) if cell] for row in rows]


def _placed_lines(text: str) -> list[list[tuple[float, str]]]:
    """Each typeset line as [(x in mm, run of characters)]."""
    lines = text.split("\n")
    placed: list[list[tuple[float, str]]] = []
    rows: list[list[str]] = []  # the table being read
    for k, raw in enumerate(lines):
        core = raw.strip(" \u3000")
        cells = _CELL_GAP.split(core)
        if "\t" in core or len(cells) >= 3:  # a row of a table set with tabs, or aligned with runs of blanks
            rows.append([cell.strip() for cell in (core.split("\t") if "\t" in core else cells)])
            continue
        if rows:
            placed += _table(rows)
            rows = []
        if not core:
            continue
        width = sum(_em(ch) for ch in core)
        dated = _DATE.fullmatch(core) or (k + 1 < len(lines) and _DATE.fullmatch(lines[k + 1]))
        if (k == 0 or dated) and width <= 24:
            x = LEFT + (WIDTH - width * SIZE) / 2 if k == 0 else LEFT + WIDTH - (width + 2) * SIZE
            placed.append([(x, core)])
            continue
        for indent, line in _wrap(core, 2.0):
            placed.append([(LEFT + indent * SIZE, line)])
    return placed + (_table(rows) if rows else [])


def _objects(runs: list[tuple[float, float, str]], style: str, first_id: int) -> str:
    """TextObjects for runs (x, baseline y, text) in the page's mm."""
    out, n = [], first_id
    for x, y, text in runs:
        if style == "chars":
            for ch in text:
                # the object's own space is scaled by its CTM (0.3528: points to mm); Boundary places it
                out.append(f'<ofd:TextObject ID="{n}" Boundary="{x:.3f} {y - SIZE:.3f} {SIZE:.3f} {SIZE * 1.2:.3f}" '
                           f'CTM="0.3528 0 0 0.3528 0 0" Font="3" Size="{SIZE / 0.3528:.3f}">'
                           f'<ofd:TextCode X="0" Y="{SIZE / 0.3528:.3f}">{escape(ch)}</ofd:TextCode></ofd:TextObject>')
                x += _em(ch) * SIZE
                n += 1
        else:
            deltas = " ".join(f"{_em(ch) * SIZE:.3f}" for ch in text[:-1])
            out.append(f'<ofd:TextObject ID="{n}" Boundary="{x:.3f} {y - SIZE:.3f} {WIDTH:.3f} {SIZE * 1.2:.3f}" '
                       f'Font="3" Size="{SIZE:.3f}"><ofd:TextCode X="0" Y="{SIZE:.3f}" DeltaX="{deltas}">'
                       f'{escape(text)}</ofd:TextCode></ofd:TextObject>')
            n += 1
    return "".join(out)


def write_ofd(path: Path, text: str, style: str = "chars") -> None:
    """Write ``text`` to ``path`` as an OFD laid out as the module says."""
    placed = _placed_lines(text)
    pages = [placed[i:i + LINES] for i in range(0, len(placed), LINES)] or [[]]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
                              '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>'
                              '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        listed = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
                                         '<ofd:MaxUnitID>0</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                                         f'</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{listed}'
                                         '</ofd:Pages></ofd:Document>')
        for i, page in enumerate(pages):
            runs = [(x, TOP + (k + 1) * PITCH, run) for k, line in enumerate(page) for x, run in line]
            number = f"— {i + 1} —"
            runs.append((LEFT + (WIDTH - 3.5 * SIZE) / 2, TOP + (LINES + 1.5) * PITCH, number))
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">'
                       f'{_objects(runs, style, 2)}</ofd:Layer></ofd:Content></ofd:Page>')
