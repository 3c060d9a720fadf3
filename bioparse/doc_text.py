"""The text of an old binary Word document (.doc, and WPS's .wps in the same format), Word 97 onwards.

Government sites still publish many attachments as .doc. The file is an OLE compound file
(read with olefile); its text lies in the WordDocument stream in pieces that the piece table
(the Clx in the 0Table/1Table stream) lists in order, each UTF-16 or, when compressed, one
byte a character (MS-DOC 2.4.1, "Retrieving Text"). ``doc_lines(data)`` returns the lines
Word shows: the main text's paragraphs, each after its list label (drawn from the list tables as
docx_text draws a .docx's; a paragraph without a list of its own takes its style's, read from the style
sheet), headings set only by Heading 1/2 styles with the 一、/（一） docx_text draws for them; tables row by row as docx_text reads a .docx's (cells apart by tabs), told
from the paragraph properties that mark a paragraph in a table and a row's end (MS-DOC 2.4.3); field
results without their codes; tracked deletions and hidden text left out (their character properties); footnotes and endnotes after the paragraph citing them, as in a .docx; then
the text boxes, so that no text is lost. Page headers, footers and comments stay out, as in a .docx.

Not read: where a text box is anchored. A style's numbering is read, but LibreOffice, which made the
test files, writes the list on each paragraph as well: no test file needs it.
"""
from __future__ import annotations

import bisect
import io as _stdio
import re
import struct

from .docx_text import DRAWN_LABELS, SYMBOL_FONT, next_label, repeat_merged_labels, table_row
from .normalize import HEADING_START, SOFT_BREAK, soft_breaks

_ENCRYPTED, _TABLE_1 = 0x0100, 0x0200  # flags of the FIB's base
_MIN_NFIB = 0x00C1  # Word 97; Word 6 and 95 store their text another way
_CLX, _BTE_PAPX, _BTE_CHPX = 33, 13, 12  # indexes of fcClx, fcPlcfBtePapx and fcPlcfBteChpx in FibRgFcLcb
# a story's lengths in FibRgLw97 (from its 4th value): main text, footnotes, headers, macros (unused),
# comments, endnotes, text boxes, header text boxes; the stories read after the main text (the notes
# there only when their tables, which place each after its paragraph, are missing):
_FOOTNOTES, _ENDNOTES, _TEXT_BOXES = 1, 5, 6
_STORIES_READ = (_FOOTNOTES, _ENDNOTES, _TEXT_BOXES)
# FibRgFcLcb indexes of each kind of note's PlcfRef (where the marks stand) and PlcfTxt (where the texts
# start in their story), with that story: footnotes, endnotes
_NOTE_TABLES = ((2, 3, _FOOTNOTES), (46, 47, _ENDNOTES))
_IN_TABLE, _ROW_END, _INNER_ROW_END = 0x2416, 0x2417, 0x244C  # sprmPFInTable, sprmPFTtp, sprmPFInnerTtp
_DEF_TABLE, _VERT_MERGE = 0xD608, 0xD62B  # sprmTDefTable (a row's cells), sprmTVertMerge (one cell's merge)
_ILFO, _ILVL = 0x460B, 0x260A  # sprmPIlfo (the paragraph's list, through its override), sprmPIlvl (its level)
_LISTS, _OVERRIDES = 73, 74  # indexes of fcPlfLst and fcPlfLfo in FibRgFcLcb
_STYLES = 1  # index of fcStshf (the style sheet) in FibRgFcLcb
_OUTLINE_LEVEL = 0x2640  # sprmPOutLvl: a paragraph's or style's outline level (0 for a first-level heading; 9 body text)
# Word's number formats (MSONFC) by the names docx_text.format_number knows; others count in digits
_FORMATS = {1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 0x0A: "ideographDigital",
            0x0B: "japaneseCounting", 0x0E: "decimalFullWidth", 0x12: "decimalEnclosedCircle",
            0x13: "decimalFullWidth", 0x16: "decimalZero", 0x17: "bullet", 0x1C: "decimalEnclosedCircleChinese",
            0x1E: "ideographTraditional", **dict.fromkeys((0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27), "chineseCounting"),
            0xFF: "none"}
_SUFFIXES = ("tab", "space", "nothing")  # LVLF.ixchFollow
_UNSEEN = (0x0800, 0x083C)  # sprmCFRMarkDel (a tracked deletion), sprmCFVanish (hidden text)
_SYMBOL = 0x6A09  # sprmCSymbol: a character inserted from a symbol font (its font, its code)
_GONE = "\x00"  # stands in for a character Word does not show (a deleted paragraph mark joins its paragraphs)
# characters that mark something other than text: an object or picture (\x01, \x08), a note's or
# comment's reference mark (\x02, \x05), an optional hyphen (\x1f); a manual line break (\x0b) may
# cut a sentence (normalize.soft_breaks), a page or section break (\x0c) ends a paragraph
_CHARS = {**dict.fromkeys(map(ord, "\x00\x01\x02\x05\x08\x1f")), 0x0B: SOFT_BREAK, 0x0C: "\n", 0x1E: "-", 0xA0: " ",
          # a Symbol-font sign written into the text in the private use area (≥ as U+F0B3); the
          # letters of that font (μ as F06D) are left alone, as Wingdings' bullets share their codes
          **{0xF000 + code: char for code, char in SYMBOL_FONT.items() if code >= 0xA0}}
_MARK = re.compile("[\r\x07]")  # a paragraph's end, or a cell's or a row's (\x07)


class DocFormatError(ValueError):
    """Why a .doc cannot be read: its message says what the file is."""


def doc_lines(data: bytes) -> list[str]:
    """The lines of a .doc's text, in reading order (see the module docstring).

    Raises DocFormatError for a file that is no Word 97+ document, is encrypted or is damaged.
    """
    try:
        return _doc_lines(data)
    except (struct.error, IndexError, OSError, UnicodeDecodeError, RecursionError):  # offsets past a stream's end
        raise DocFormatError("it is damaged: its internal tables point outside the file") from None


def _doc_lines(data: bytes) -> list[str]:
    word, table = _streams(data)
    csw = _u16(word, 0x20)
    lw = 0x22 + 2 * csw + 2  # FibRgLw97
    cslw = _u16(word, lw - 2)
    fc_lcb = lw + 4 * cslw + 2  # FibRgFcLcb
    if len(word) < fc_lcb + 8 * (_CLX + 1):
        raise DocFormatError("its WordDocument stream is cut short")
    counts = struct.unpack_from("<8i", word, lw + 12)
    pieces = _pieces(_slice(table, word, fc_lcb, _CLX))
    text = _hide_field_codes(_shown("".join(_piece_chars(word, p) for p in pieces), pieces,
                                    _character_runs(word, _slice(table, word, fc_lcb, _BTE_CHPX))))
    marks = _paragraph_marks(word, _slice(table, word, fc_lcb, _BTE_PAPX))
    label = _list_labeler(table, word, fc_lcb)
    styles = _styles(table, word, fc_lcb)
    piece_starts = [p[0] for p in pieces]

    def mark(cp: int) -> tuple:
        """The paragraph's properties (_story_lines), what it leaves unset taken from its style."""
        in_table, row_end, ilfo, ilvl, merged, istd, outline = marks(_fc_at(pieces, piece_starts, cp))
        level, style_ilfo, style_ilvl = styles.get(istd, (None, None, None))
        return (in_table, row_end, ilfo if ilfo is not None else (style_ilfo or 0),
                ilvl if ilvl is not None else (style_ilvl or 0), merged,
                (outline if outline < 9 else None) if outline is not None else level)

    def read(start: int, end: int, notes=(), headings=None) -> list[str]:
        return _story_lines(text, start, end, mark, label, notes, headings)

    starts = [sum(counts[:i]) for i in range(len(counts))]  # where each story starts
    notes = _notes(table, word, fc_lcb, starts)
    headings: list[tuple[int, int, bool]] = []
    lines = read(0, counts[0], [n for n in notes if n[0] < counts[0]], headings)  # a note follows the paragraph citing it
    _draw_heading_labels(lines, headings)
    for ref, start, end in notes:
        if ref >= counts[0]:  # cited from a text box, or not at all: after the main text
            lines += read(start, end)
    for story in _STORIES_READ:
        if counts[story] > 0 and (story == _TEXT_BOXES or not notes):
            lines += read(starts[story], starts[story] + counts[story])
    return lines


def _notes(table: bytes, word: bytes, fc_lcb: int, starts: list[int]) -> list[tuple[int, int, int]]:
    """The footnotes and endnotes: (position of the reference mark in the main text, start, end of the
    note's text), in the order of their marks; from the PlcfRef/PlcfTxt pairs of each kind of note."""
    out = []
    for ref_index, text_index, story in _NOTE_TABLES:
        refs, texts = _slice(table, word, fc_lcb, ref_index), _slice(table, word, fc_lcb, text_index)
        n, m = (len(refs) - 4) // 6, len(texts) // 4  # n + 1 positions then n 2-byte FRDs; note boundaries
        if n <= 0 or m < 2:
            continue
        cps = struct.unpack_from(f"<{n}i", refs)
        bounds = struct.unpack_from(f"<{m}i", texts)
        out += [(cps[k], starts[story] + bounds[k], starts[story] + bounds[k + 1]) for k in range(min(n, m - 1))]
    return sorted(out)


def _streams(data: bytes) -> tuple[bytes, bytes]:
    """The WordDocument stream and the table stream it names, after checking what the file is."""
    import olefile

    try:
        ole = olefile.OleFileIO(_stdio.BytesIO(data))
    except (OSError, ValueError, struct.error):
        raise DocFormatError("its OLE container is damaged or cut short") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise DocFormatError("an OLE file without a WordDocument stream, so no Word document")
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x40:
            raise DocFormatError("its WordDocument stream is cut short")
        ident, nfib = struct.unpack_from("<HH", word, 0)
        flags = _u16(word, 0x0A)
        if ident != 0xA5EC:
            raise DocFormatError("its WordDocument stream does not open as a Word document's")
        if flags & _ENCRYPTED:
            raise DocFormatError("it is password-protected (encrypted)")
        if nfib < _MIN_NFIB:
            raise DocFormatError("a Word 6 or Word 95 document, older than bioparse reads")
        name = "1Table" if flags & _TABLE_1 else "0Table"
        if not ole.exists(name):
            raise DocFormatError(f"its {name} stream is missing")
        return word, ole.openstream(name).read()


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _slice(table: bytes, word: bytes, fc_lcb: int, index: int) -> bytes:
    """The bytes of the table stream that FibRgFcLcb's pair number ``index`` points to."""
    fc, lcb = struct.unpack_from("<II", word, fc_lcb + 8 * index)
    return table[fc:fc + lcb]


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first character position, end, byte offset in WordDocument, compressed) per piece."""
    i = 0
    while i + 3 <= len(clx) and clx[i] == 0x01:  # Prc: property modifiers, not text
        i += 3 + struct.unpack_from("<h", clx, i + 1)[0]
    if i + 5 > len(clx) or clx[i] != 0x02:
        raise DocFormatError("its piece table (where its text lies) is missing or damaged")
    plc = clx[i + 5:i + 5 + struct.unpack_from("<I", clx, i + 1)[0]]
    n = (len(plc) - 4) // 12  # n + 1 character positions, then n piece descriptors of 8 bytes
    if n <= 0:
        raise DocFormatError("its piece table lists no text")
    cps = struct.unpack_from(f"<{n + 1}I", plc)
    out = []
    for k in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc & 0x40000000)
        out.append((cps[k], cps[k + 1], (fc & 0x3FFFFFFF) // 2 if compressed else fc, compressed))
    return out


def _piece_chars(word: bytes, piece: tuple[int, int, int, bool]) -> str:
    cp0, cp1, fc, compressed = piece
    n = cp1 - cp0
    raw = word[fc:fc + (n if compressed else 2 * n)]
    chars = raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace")
    if len(chars) < n:
        raise DocFormatError("its text runs past the end of the file: it is cut short or damaged")
    return chars


def _fc_at(pieces: list, starts: list[int], cp: int) -> int:
    """The byte offset in WordDocument of the character at position cp (``starts``: each piece's first position)."""
    k = bisect.bisect_right(starts, cp) - 1
    cp0, _, fc, compressed = pieces[max(k, 0)]
    return fc + (cp - cp0) * (1 if compressed else 2)


def _fkp_pages(word: bytes, plc: bytes):
    """The 512-byte FKP pages a bin table (PlcBtePapx, PlcBteChpx) lists, each with its run count."""
    n = (len(plc) - 4) // 8
    for k in range(max(n, 0)):
        page = (struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * k)[0] & 0x3FFFFF) * 512
        fkp = word[page:page + 512]
        if len(fkp) == 512:
            yield fkp, fkp[511]


def _character_runs(word: bytes, plc: bytes) -> list[tuple[int, int, str]]:
    """The byte ranges of WordDocument whose characters Word shows otherwise than they are stored, each with
    what it shows instead: _GONE for tracked deletions and hidden text, a symbol for a character inserted
    from the Symbol font (stored as "(" with sprmCSymbol naming the character, ≥ for F0B3)."""
    runs = []
    for fkp, crun in _fkp_pages(word, plc):
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp)
        for r in range(crun):
            at = 2 * fkp[4 * (crun + 1) + r]
            if not at:
                continue
            for sprm, i in _sprms(fkp, at + 1, at + 1 + fkp[at]):
                if sprm in _UNSEEN and fkp[i] in (1, 0x81):
                    runs.append((fcs[r], fcs[r + 1], _GONE))
                    break
                if sprm == _SYMBOL and i + 4 <= len(fkp):
                    runs.append((fcs[r], fcs[r + 1], _symbol_char(_u16(fkp, i + 2)) or _GONE))
    return runs


def _symbol_char(code: int) -> str:
    """The character a Symbol-font code stands for (docx_text.SYMBOL_FONT), or a code outside the private
    use area as it is; "" for one unknown."""
    if 0xF000 <= code <= 0xF0FF:
        return SYMBOL_FONT.get(code - 0xF000, "")
    return chr(code) if 0x20 <= code < 0xE000 else ""


def _shown(text: str, pieces: list, runs: list[tuple[int, int, str]]) -> str:
    """text with each character of a byte range in runs replaced by what Word shows there (_character_runs);
    each stays one character, so that positions do not move."""
    if not runs:
        return text
    chars = list(text)
    for cp0, cp1, fc, compressed in pieces:
        width = 1 if compressed else 2
        end = fc + (cp1 - cp0) * width
        for a, b, shown in runs:
            lo, hi = max(a, fc), min(b, end)
            if lo < hi:
                first, last = cp0 + (lo - fc + width - 1) // width, cp0 + (hi - fc + width - 1) // width
                chars[first:last] = shown * (last - first)
    return "".join(chars)


def _sprms(data: bytes, start: int, end: int):
    """(sprm, offset of its operand) of each property modifier in data[start:end]."""
    i, end = start, min(end, len(data))
    while i + 2 <= end:
        sprm = _u16(data, i)
        size = (1, 1, 2, 4, 2, 2, 0, 3)[sprm >> 13]
        i += 2
        if size == 0:  # a variable operand: its length first (two bytes for sprmTDefTable)
            if i >= end:
                return
            size = _u16(data, i) + 1 if sprm == _DEF_TABLE and i + 2 <= end else data[i] + 1
        if i < end:
            yield sprm, i
        i += size


_NO_PROPS = (False, False, None, None, (), 0, None)


def _paragraph_marks(word: bytes, plc: bytes):
    """A function from a paragraph mark's byte offset to its paragraph's properties (_paragraph_props), read
    from the PAPX FKP pages the bin table lists; _NO_PROPS where unknown."""
    runs: list[tuple] = []
    for fkp, crun in _fkp_pages(word, plc):
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp)
        for r in range(crun):
            at = 2 * fkp[4 * (crun + 1) + 13 * r]
            runs.append((fcs[r], fcs[r + 1], _paragraph_props(fkp, at) if at else _NO_PROPS))
    runs.sort()
    starts = [r[0] for r in runs]

    def marks(fc: int) -> tuple:
        k = bisect.bisect_right(starts, fc) - 1
        return runs[k][2] if k >= 0 and fc < runs[k][1] else _NO_PROPS

    return marks


def _paragraph_props(fkp: bytes, at: int) -> tuple:
    """(in a table, ends a row, list override number ilfo (0: none), list level, which of a row's cells are
    merged down from the row above, style index istd, outline level) from the sprms of one PapxInFkp at offset
    ``at`` of its page; ilfo, ilvl and the outline level None where the paragraph leaves them to its style."""
    cb = fkp[at]
    if cb:
        start, end = at + 1, at + 2 * cb
    else:
        start, end = at + 2, at + 2 + 2 * fkp[at + 1]
    in_table = row_end = False
    istd = _u16(fkp, start) if start + 2 <= len(fkp) else 0
    ilfo = ilvl = outline = None
    merged: dict[int, bool] = {}  # a row's cells merged down from the row above, by cell index
    for sprm, i in _sprms(fkp, start + 2, min(end, 511)):  # (after the style index)
        if sprm == _OUTLINE_LEVEL:
            outline = fkp[i]
        elif sprm == _IN_TABLE:
            in_table = bool(fkp[i])
        elif sprm in (_ROW_END, _INNER_ROW_END):
            row_end = row_end or bool(fkp[i])
        elif sprm == _ILFO and i + 2 <= len(fkp):
            ilfo = struct.unpack_from("<h", fkp, i)[0]
        elif sprm == _ILVL:
            ilvl = fkp[i]
        elif sprm == _DEF_TABLE:
            merged.update(_merged_cells(fkp, i))
        elif sprm == _VERT_MERGE and i + 3 <= len(fkp):
            merged[fkp[i + 1]] = fkp[i + 2] == 1
    continues = tuple(merged.get(k, False) for k in range(max(merged) + 1)) if any(merged.values()) else ()
    return in_table, row_end, ilfo, ilvl, continues, istd, outline


def _styles(table: bytes, word: bytes, fc_lcb: int) -> dict[int, tuple]:
    """{style index istd: (heading level: 0 for Heading 1, 1 for Heading 2, else None; the list override ilfo its
    paragraphs are numbered by, or None; their list level)} of each paragraph style, inherited through the styles
    each is based on (STSH: each STD's StdfBase, name, then its UpxPapx's sprms). A built-in heading style (sti 1–9,
    Word's 标题 1–9) has its level without an outline level of its own. Damaged: {} (no style adds anything)."""
    try:
        stsh = _slice(table, word, fc_lcb, _STYLES)
        base_size = _u16(stsh, 4)  # Stshi's cbSTDBaseInFile
        at = 2 + _u16(stsh, 0)
        own, based = {}, {}
        for istd in range(_u16(stsh, 2)):  # Stshi's cstd
            size = _u16(stsh, at)
            std = stsh[at + 2:at + 2 + size]
            at += 2 + size
            if size < 10 or (_u16(std, 2) & 0xF) != 1:  # an empty slot, or no paragraph style (stk 1)
                continue
            sti, base = _u16(std, 0) & 0x0FFF, _u16(std, 2) >> 4
            i = base_size + 2 + 2 * _u16(std, base_size) + 2  # past the name (cch, the characters, a null)
            upx = _u16(std, i) if i + 2 <= len(std) else 0
            level, ilfo, ilvl = (sti - 1 if 1 <= sti <= 9 else None), None, None
            for sprm, k in _sprms(std, i + 4, i + 2 + upx):  # UpxPapx: its istd, then its sprms
                if sprm == _OUTLINE_LEVEL:
                    level = std[k] if std[k] < 9 else None
                elif sprm == _ILFO and k + 2 <= len(std):
                    ilfo = struct.unpack_from("<h", std, k)[0]
                elif sprm == _ILVL:
                    ilvl = std[k]
            own[istd], based[istd] = (level, ilfo, ilvl), base
    except (struct.error, IndexError):
        return {}

    def resolved(istd: int, depth: int = 0) -> tuple:
        level, ilfo, ilvl = own[istd]
        parent = based.get(istd)
        if parent in own and parent != istd and depth < 10 and None in (ilfo, ilvl):
            _, p_ilfo, p_ilvl = resolved(parent, depth + 1)
            ilfo, ilvl = (ilfo if ilfo is not None else p_ilfo), (ilvl if ilvl is not None else p_ilvl)
        return level, ilfo, ilvl

    return {istd: resolved(istd) for istd in own}


def _draw_heading_labels(lines: list[str], headings: list[tuple[int, int, bool]]) -> None:
    """Put 一、 / （一） before the headings Word shows unnumbered, as docx_text.heading_labeler does: a level's
    headings (``headings``: line index, level 0 or 1, numbered by a list) are labelled when none has a number
    (from a list or in its text) and there are two or more, the title (the first line with text) and a 目录
    heading aside. Second-level numbers start again under each first-level heading."""
    first = next((i for i, line in enumerate(lines) if line.strip()), -1)
    found: dict[int, list[int]] = {0: [], 1: []}
    numbered = set()
    for i, level, listed in headings:
        text = lines[i].strip()
        if listed or HEADING_START.match(text):
            numbered.add(level)
        elif text and i != first and "".join(text.split()) != "目录":
            found[level].append(i)
    drawn = sorted((i, level) for level, found_at in found.items()
                   if level not in numbered and len(found_at) >= 2 for i in found_at)
    counts = [0, 0]
    for i, level in drawn:
        counts[level] += 1
        if level == 0:
            counts[1] = 0
        lines[i] = DRAWN_LABELS[level](counts[level]) + lines[i]


def _merged_cells(data: bytes, at: int) -> dict[int, bool]:
    """{cell index: merged with the cell above} from a TDefTableOperand at ``at`` (its size, the cell
    count, the cells' edges, then a 20-byte TC80 a cell whose flags' bits 5–6 say 1 for such a cell)."""
    end = min(len(data), at + 2 + _u16(data, at) - 1)
    cells = data[at + 2]
    first = at + 3 + 2 * (cells + 1)
    return {k: (_u16(data, first + 20 * k) >> 5) & 3 == 1 for k in range(cells) if first + 20 * k + 2 <= end}


def _list_labeler(table: bytes, word: bytes, fc_lcb: int):
    """A function from a paragraph's (ilfo, ilvl) to the label Word draws before it (一、, 第一条 ), advancing
    its list's counters (docx_text.next_label); called on the paragraphs in document order. Reads the
    lists (PlfLst, each LSTF followed, after all of them, by its LVLs) and their overrides (PlfLfo)."""
    try:
        levels = _list_levels(table, word, fc_lcb)
        lists = _list_overrides(_slice(table, word, fc_lcb, _OVERRIDES))
    except (struct.error, IndexError, UnicodeDecodeError):  # damaged list tables: no labels, the text is kept
        return lambda ilfo, ilvl: ""
    counters: dict[int, dict[int, int]] = {}
    started: set[int] = set()

    def label(ilfo: int, ilvl: int) -> str:
        if not 0 < ilfo <= len(lists):
            return ""
        lsid, starts = lists[ilfo - 1]
        lvls = levels.get(lsid, {})
        if ilvl not in lvls:
            return ""
        count = counters.setdefault(lsid, {})
        if ilfo not in started:  # an override's start values apply when it is first used
            started.add(ilfo)
            for level, start in starts.items():
                count[level] = start - 1
        return next_label(lvls, count, ilvl)

    return label


def _list_levels(table: bytes, word: bytes, fc_lcb: int) -> dict[int, dict[int, dict]]:
    """{list id (lsid): {ilvl: level}}, each level as docx_text._levels gives a .docx's."""
    fc, lcb = struct.unpack_from("<II", word, fc_lcb + 8 * _LISTS)
    if not lcb:
        return {}
    n = struct.unpack_from("<h", table, fc)[0]
    at = fc + 2 + 28 * n  # the LVLs follow the last LSTF
    out = {}
    for k in range(n):
        lstf = fc + 2 + 28 * k
        lsid = struct.unpack_from("<i", table, lstf)[0]
        simple = table[lstf + 26] & 1
        lvls = {}
        for ilvl in range(1 if simple else 9):
            lvls[ilvl], at = _level(table, at)
        out[lsid] = lvls
    return out


def _level(table: bytes, at: int) -> tuple[dict, int]:
    """One LVL at offset ``at`` (LVLF, its paragraph and character sprms, its number text), and the offset after it."""
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    follow, restart_limit = table[at + 15], table[at + 26]
    at += 28 + table[at + 25] + table[at + 24]  # (cbGrpprlPapx, cbGrpprlChpx)
    cch = _u16(table, at)
    xst = table[at + 2:at + 2 + 2 * cch].decode("utf-16-le")
    # in the number text, the characters \x00–\x08 stand for the numbers of levels 1–9 (as %1–%9 in a .docx)
    text = "".join(f"%{ord(c) + 1}" if c < "\x09" else c for c in xst)
    level = {"start": start, "fmt": _FORMATS.get(nfc, "decimal"), "text": text,
             "suffix": _SUFFIXES[follow] if follow < 3 else "nothing", "legal": bool(flags & 0x04),
             "style": None, "restart": restart_limit if flags & 0x08 else -1}
    return level, at + 2 + 2 * cch


def _list_overrides(plf: bytes) -> list[tuple[int, dict[int, int]]]:
    """For each list override (ilfo 1, 2, …): its list's lsid and the start values it sets {ilvl: start}."""
    if len(plf) < 4:
        return []
    n = struct.unpack_from("<i", plf)[0]
    out = []
    at = 4 + 16 * n  # the LFOData follow the n LFOs
    for k in range(n):
        lsid = struct.unpack_from("<i", plf, 4 + 16 * k)[0]
        levels = plf[4 + 16 * k + 12]  # clfolvl
        starts = {}
        at += 4  # (cp)
        for _ in range(levels):
            start, bits = struct.unpack_from("<iI", plf, at)
            at += 8
            if bits & 0x10:  # fStartAt
                starts[bits & 0x0F] = start
            if bits & 0x20:  # fFormatting: an LVL follows
                _, at = _level(plf, at)
        out.append((lsid, starts))
    return out


def _hide_field_codes(text: str) -> str:
    """text with each field (\\x13 code \\x14 result \\x15) shown as its result: the marks and the code (a
    PAGE or HYPERLINK field's instructions) become _GONE, so positions stay. A field may span paragraphs."""
    if "\x13" not in text:
        return text
    out = list(text)
    code: list[bool] = []  # for each open field: whether its code is still being read
    for i, ch in enumerate(text):
        if ch == "\x13":
            code.append(True)
        elif ch == "\x14" and code:
            code[-1] = False
        elif ch == "\x15" and code:
            code.pop()
        elif True not in code:  # (a field inside another's code is code too)
            continue
        out[i] = _GONE
    return "".join(out)


def _story_lines(text: str, start: int, end: int, mark, label, notes=(), headings: list | None = None) -> list[str]:
    """The lines of text[start:end]: its paragraphs, each after its list label, and its tables' rows
    read by docx_text.table_row; each of ``notes`` (_notes) after the paragraph or table row citing it.

    ``mark(cp)`` gives the properties of the paragraph whose mark is at cp: in a table, ends a row, ilfo,
    ilvl, merged cells (as _paragraph_props) and its heading level (0, 1, …; None for body text). A
    cell ends with \\x07, and a row with one more \\x07 after its last cell's. ``label(ilfo, ilvl)``
    is the list label of a numbered paragraph (_list_labeler). ``headings``, when given, receives
    (line index, level, numbered by a list) of each first- or second-level heading (_draw_heading_labels).
    """
    lines: list[str] = []
    row: list[list[str]] = []
    cell: list[str] = []
    above: list[list[str]] = []  # the previous row's cells (docx_text.repeat_merged_labels)
    waiting = list(notes)[::-1]  # the notes not yet placed, the next one last

    def cited(upto: int) -> list[str]:
        out = []
        while waiting and waiting[-1][0] < upto:
            _, a, b = waiting.pop()
            out += _story_lines(text, a, b, mark, label)
        return out

    def paragraph(a: int, b: int) -> str:
        return (label(ilfo, ilvl) if ilfo else "") + soft_breaks(text[a:b].translate(_CHARS))

    at = start
    for m in _MARK.finditer(text, start, end):
        cp = m.start()
        in_table, row_end, ilfo, ilvl, merged, level = mark(cp)
        # (a row's own mark, right after its last cell's, written without properties by some writers)
        if row_end or (row and not cell and cp == at and m.group() == "\x07" and not in_table):
            if cp > at:  # a row's mark holds no text; should one, it is kept as a last cell
                cell.append(paragraph(at, cp))
            if cell:
                row.append(cell)
            above = repeat_merged_labels(row, above, merged)
            lines += table_row(row) + cited(cp)
            row, cell = [], []
        elif m.group() == "\x07" or in_table:
            cell.append(paragraph(at, cp))
            if m.group() == "\x07":
                row.append(cell)
                cell = []
        else:
            if row or cell:  # a table whose row mark is missing: its text is kept
                lines += table_row(row + ([cell] if cell else []))
                row, cell = [], []
            above = []
            lines.append(paragraph(at, cp))
            if headings is not None and level in (0, 1):
                headings.append((len(lines) - 1, level, bool(ilfo)))
            lines += cited(cp)
        at = cp + 1
    if row or cell:
        lines += table_row(row + ([cell] if cell else []))
    if at < end:
        ilfo = 0
        lines.append(paragraph(at, end))
    return lines + cited(end + 1)
