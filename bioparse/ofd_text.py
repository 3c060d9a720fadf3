"""The text of an OFD document (GB/T 33190, the Chinese fixed-layout format many official documents use).

An .ofd is a zip. OFD.xml names each document's Document.xml (DocRoot), which lists its pages
(Page BaseLoc → Content.xml) and the page size (PhysicalBox, in mm). A page draws text as
TextObjects: a Boundary (x y w h, its origin on the page), an optional CTM (a b c d e f, from the
object's space to the Boundary's), a font Size, and TextCodes placing a run of characters at X, Y
(the first character's baseline) with DeltaX giving the advance to each next one ("g 3 4.2"
repeats 4.2 three times). Producers (数科, 书生, 福昕) often draw one character per object.
Each character is placed on the page and handed to pdf_text as a Piece, so that lines, table rows,
far indents (a 落款 set right) and overprinted bold are read as in a PDF; io then drops the page
furniture and joins wrapped lines as for a PDF. Page templates (a red head, a footer drawn on
every page) and annotations (seals, signatures) are not read.
"""
from __future__ import annotations

import posixpath
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

from .pdf_text import FAR_INDENT, Piece, pieces_text

_SAME_LINE = 0.3  # of the font size: characters whose baselines differ by less stand on one line (pdf_text's)
_BLANK_GAP = 0.45  # em: a wider gap between two characters on a line was a typed blank (as pypdf writes one)
_INDENT_MIN = 1.5  # em: a line starting this far right of the margin is a paragraph's indented first line
_FAR_INDENT = FAR_INDENT  # em: from this far right a line is set right or centred (pdf_text marks it)
_DEFAULT_BOX = (0.0, 0.0, 210.0, 297.0)  # A4 in mm, for a document that gives no PhysicalBox


class OFDFormatError(ValueError):
    """The zip is no readable OFD: OFD.xml, a Document.xml or a page is missing or not XML."""


def _local(tag: str) -> str:
    """An element's name without its namespace ({http://www.ofdspec.org/2016}TextCode → TextCode)."""
    return tag.rsplit("}", 1)[-1]


def _numbers(value: str | None) -> list[float]:
    return [float(v) for v in (value or "").split()]


def _deltas(value: str | None) -> list[float]:
    """DeltaX (or DeltaY) read out: "g 3 4.2 5" → [4.2, 4.2, 4.2, 5.0]."""
    out: list[float] = []
    words = (value or "").split()
    k = 0
    while k < len(words):
        if words[k] == "g" and k + 2 < len(words):
            out += [float(words[k + 2])] * int(float(words[k + 1]))
            k += 3
        else:
            out.append(float(words[k]))
            k += 1
    return out


def _part(archive: zipfile.ZipFile, name: str, base: str = "") -> ET.Element:
    """The XML of a part named from ``base``'s folder (or from the root, when it opens with /)."""
    path = name.lstrip("/") if name.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(base), name))
    names = {n.lower(): n for n in archive.namelist()}
    found = names.get(path.lower())
    if found is None:
        raise OFDFormatError(f"its part {path} is missing")
    try:
        return ET.fromstring(archive.read(found))
    except ET.ParseError as exc:
        raise OFDFormatError(f"its part {path} is not XML ({exc})") from None


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((e for e in element.iter() if _local(e.tag) == name), None)


def _physical_box(element: ET.Element) -> list[float]:
    """The numbers of the first PhysicalBox under element (x y w h, in mm); [] where it gives none."""
    found = _child(element, "PhysicalBox")
    return _numbers(found.text) if found is not None else []


def page_texts(archive: zipfile.ZipFile) -> list[str]:
    """The text of each page of the OFD's first document, in page order, as pdf_text.pieces_text writes a PDF page's
    (marks on: a line set right or centred opens with pdf_text.FAR_INDENT_MARK)."""
    root = _part(archive, "OFD.xml")
    doc_root = _child(root, "DocRoot")
    if doc_root is None or not (doc_root.text or "").strip():
        raise OFDFormatError("OFD.xml names no document (DocRoot)")
    doc_name = doc_root.text.strip().lstrip("/")
    document = _part(archive, doc_name)
    box = _physical_box(document) or _DEFAULT_BOX
    texts = []
    for page in (e for e in document.iter() if _local(e.tag) == "Page"):
        location = page.get("BaseLoc")
        if not location:
            continue
        content = _part(archive, location, doc_name)
        x, y, w, h = _physical_box(content) or box  # a page's own size, else the document's
        pieces = _pieces(content, y + h)
        texts.append(pieces_text(pieces, (h, h), marks=True))
    return texts


def _pieces(content: ET.Element, height: float) -> list[Piece]:
    """The page's characters as pdf_text pieces in reading order (top to bottom, left to right), y measured up
    from the page's foot as in a PDF. A piece opens with a line break where a new line starts; with spaces, two
    an em, where a blank was drawn or a gap wider than _BLANK_GAP em stands before it (so that a line keeps
    its width as join_wrapped_lines measures it); and a line indented from the page's margin (where the lines
    of eight or more characters start furthest left) by _INDENT_MIN em or more, but less than a far indent
    (a 落款 set right), with the same: the indent join_wrapped_lines looks for. The spaces open the piece, as
    pypdf writes them, so pdf_text takes the piece's x for where its character is drawn."""
    chars = []  # (x, y down the page, size, character, a blank drawn before it)
    for obj in (e for e in content.iter() if _local(e.tag) == "TextObject"):
        bx, by = (_numbers(obj.get("Boundary")) + [0.0, 0.0])[:2]
        a, b, c, d, e, f = (_numbers(obj.get("CTM")) + [0.0] * 6)[:6] if obj.get("CTM") else (1, 0, 0, 1, 0, 0)
        scale = abs(a * d - b * c) ** 0.5
        size = float(obj.get("Size") or 0) * scale
        x = y = 0.0
        for code in (el for el in obj if _local(el.tag) == "TextCode"):
            text = code.text or ""
            x = float(code.get("X", x))
            y = float(code.get("Y", y))
            dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
            blank = False
            for k, ch in enumerate(text):
                if k:
                    x += dx[k - 1] if k - 1 < len(dx) else (dx[-1] if dx else size / max(scale, 1e-9))
                    y += dy[k - 1] if k - 1 < len(dy) else 0.0
                if ch.strip():
                    chars.append((bx + a * x + c * y + e, by + b * x + d * y + f, size, ch, blank))
                    blank = False
                else:
                    blank = True
    chars.sort(key=lambda t: (t[1], t[0]))
    lines: list[list[tuple]] = []
    for ch in chars:
        if lines and abs(lines[-1][0][1] - ch[1]) <= _SAME_LINE * max(ch[2], 1e-9):
            lines[-1].append(ch)
        else:
            lines.append([ch])
    for line in lines:
        line.sort(key=lambda t: t[0])
    margin = min((line[0][0] for line in lines if len(line) >= 8), default=None)
    pieces: list[Piece] = []
    for n, line in enumerate(lines):
        end = None
        for x, y, size, ch, blank in line:
            text = ch
            if end is None:
                indent = (x - margin) / size if margin is not None and size > 0 else 0.0
                text = ("\n" if n else "") + ("  " * round(indent) if _INDENT_MIN <= indent < _FAR_INDENT else "") + ch
            elif blank or x - end > _BLANK_GAP * size:
                text = " " * max(1, round(2 * (x - end) / size)) + ch
            pieces.append(Piece(len(pieces), text, x, height - y, size))
            end = x + (size if unicodedata.east_asian_width(ch) in "WF" else 0.5 * size)
    return pieces
