"""Reading documents (.txt/.md/.docx/.doc/.html/.pdf/.ofd) and the manifest, with errors a researcher can act on."""
from __future__ import annotations

import difflib
import hashlib
import io as _stdio
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import docx_text, html_text, metadata, ofd_text, pdf_text
from .markdown_text import looks_like_markdown, markdown_text
from .normalize import (HEADING_START, OPENING_END, PAGE_NUMBER_LINE, broken_before_headings, ends_in_bodies,
                        opens_bracket)
from .numerals import ANNEX_LABEL
from .errors import (BioparseError, CorruptFileError, DecodeError, EmptyDocumentError,
                     ManifestError, UnsupportedFormatError)

SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".pdf", ".ofd")
MANIFEST_COLUMNS = ("doc_id", "file", "title", "issuer", "level", "region", "date", "period",
                    "plan_start", "plan_end")
SAVE_AS_UTF8 = "open it in a text editor and save it as UTF-8 (or GB18030/GBK)"
SAVE_AS_DOCX = "open it in Word or WPS and save it as .docx (文件 → 另存为 → Word 文档 *.docx)"
EXPORT_PDF = "open it in its reader and export or print it to PDF (or save its text as UTF-8 .txt)"
CONVERT = "convert it to .txt (UTF-8), .docx, .html or .pdf"

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SIGNATURES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"PK\x03\x04", "a zip archive (a .docx?)"), (b"%PDF", "a PDF"),
               (b"\xd0\xcf\x11\xe0", "an old Word/Excel file (.doc/.xls)"))
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(_CJK.pattern + "+")
# Signs of a wrong decoding: U+FFFD, control characters other than \t\n\v\f\r (Unicode
# category Cc), surrogates (Cs) and private-use code points (Co).
_JUNK_IN_BMP = "\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd"
_JUNK = re.compile(f"[{_JUNK_IN_BMP}\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# The junk in the BMP as UTF-8 bytes: C0/C1 controls and DEL are Latin-1 characters;
# private use U+E000-U+EFFF starts with byte EE, U+F000-U+F8FF is EF 80..EF A3, surrogates
# (only from "surrogatepass") start with ED, and U+FFFD is EF BF BD.
_PRIVATE_USE_F000 = re.compile(rb"\xef[\x80-\xa3]")
# bytes.translate table marking the Latin-1 junk bytes (C0 less \t\n\v\f\r, DEL, C1) non-ASCII
_MARK_LATIN1_JUNK = bytes(0x80 if i <= 0x08 or 0x0e <= i <= 0x1f or 0x7f <= i <= 0x9f else 0 for i in range(256))


@dataclass
class RawText:
    """Text as extracted from one file, with where it came from and how it was decoded."""
    path: str
    text: str
    encoding: str
    format: str
    sha256: str = ""  # hex SHA-256 of the file's bytes when the reader had them all ("" otherwise)
    # Fields the file states outside the text (a web page's 发文字号/发文机关/成文日期 table):
    # metadata.labelled_fields, used where the text says nothing.
    fields: dict = field(default_factory=dict)
    # What was read with a loss the reader must hear of (a stray byte read as �), each naming the file and the fix;
    # the pipeline passes them on as the document's warnings.
    notes: list = field(default_factory=list)


def sha256_of(path) -> str:
    """Hex SHA-256 of a file's bytes, so tables can say exactly which version was parsed."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ----------------------------------------------------------------------------- decoding

def _junk_share(text: str) -> float:
    """Share of characters that signal a wrong decoding: U+FFFD, control chars, private use."""
    if not text:
        return 0.0
    return len(_JUNK.findall(text)) / len(text)


def _utf8_junk_share(data: bytes, text: str) -> float:
    """_junk_share of text decoded from the UTF-8 data, with a fast test for the usual case of no junk.

    Junk above U+FFFF (planes 15-16) needs a lead byte F3 or F4 in UTF-8. In the BMP,
    byte scans (memchr) rule out most junk, the Latin-1 characters (a short string) the
    controls, and one regex with a literal first byte the rest of the private use area:
    together about twice as fast as scanning the text for the junk characters.
    """
    if (b"\xf3" in data or b"\xf4" in data or b"\xee" in data or b"\xed" in data or "\ufffd" in text
            or _PRIVATE_USE_F000.search(data)
            or not text.encode("latin-1", "ignore").translate(_MARK_LATIN1_JUNK).isascii()):
        return _junk_share(text)
    return 0.0


def _gb2312_share(text: str) -> float:
    """Share of CJK characters that are common (in GB2312): high for real GBK text, low for misreads."""
    cjk = "".join(_CJK_RUN.findall(text))
    if not cjk:
        return 0.0
    # GB2312 writes each of its CJK characters in two bytes; the others are dropped
    return len(cjk.encode("gb2312", "ignore")) // 2 / len(cjk)


# Non-ASCII characters that are plainly good in Chinese text: CJK, CJK punctuation
# (U+3000-U+303F) and full-width forms (U+FF00-U+FFEF); with ASCII, not checked one by one.
_ASCII_OR_PLAINLY_GOOD = re.compile("[\x00-\x7f\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")


def _plausible(text: str) -> bool:
    """A decoding is plausible when junk is rare and the non-ASCII part is mostly CJK or punctuation."""
    if _junk_share(text) > 0.02:
        return False
    n_non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not n_non_ascii:
        return True
    rest = _ASCII_OR_PLAINLY_GOOD.sub("", text)  # the non-ASCII characters to look up
    good = n_non_ascii - len(rest) + sum(1 for c in rest if unicodedata.category(c)[0] in "PZS")
    return good / n_non_ascii >= 0.9


def decode_bytes(data: bytes, path, notes: list | None = None) -> tuple[str, str]:
    """Decode file bytes to text and name the encoding: BOM, then strict UTF-8, then GB18030/Big5.

    Raises CorruptFileError for binary data and DecodeError when no candidate reads cleanly. With
    ``notes``, a text that is UTF-8 or GB18030 but for one to three stray bytes (a byte lost in a copy)
    is read with each as U+FFFD, and a note naming the file, the lines and the fix is appended: one
    character lost, not the document.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc
            except UnicodeDecodeError:
                decoded = _gbk_after_bom(data, bom)
                if decoded is not None:
                    return decoded
                raise DecodeError(path, f"the file starts with a {enc} byte-order mark but is not valid {enc}",
                                  SAVE_AS_UTF8) from None
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            raise CorruptFileError(path, f"this is {what}, not plain text",
                                   "give it the right extension or export the text as UTF-8 .txt")
    if b"\x00" in data:
        decoded = _bomless_utf16(data)
        if decoded is not None:
            return decoded
        raise CorruptFileError(path, "the file holds binary data (NUL bytes), not text",
                               "check it is the right file; if it is UTF-16 text, " + SAVE_AS_UTF8)
    try:
        text = data.decode("utf-8")
        if _utf8_junk_share(data, text) <= 0.02:  # valid UTF-8 is strong evidence; any script is fine
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _plausible(text) and _gb2312_share(text) >= 0.9:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
        for match in from_bytes(data, cp_isolation=["gb18030", "big5", "utf_8"]):
            enc = "gb18030" if match.encoding in ("gb2312", "gbk", "gb18030") else match.encoding
            try:
                text = data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
            if _plausible(text) and _CJK.search(text):
                return text, enc
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        pass
    near = _nearly(data)
    if near is not None and notes is not None:
        enc, name, bad = near
        notes.append(f"{path}: {_stray_bytes(data, bad)} read as \ufffd, the rest as {name} — fix or delete "
                     f"{'them' if len(bad) > 1 else 'it'} (or open the file in a text editor and save it as UTF-8)")
        return data.decode(enc, errors="replace"), enc
    raise DecodeError(path, "cannot decode the text: it is not valid UTF-8, UTF-16, GB18030/GBK or Big5"
                      + (f"; it reads as {near[1]} but for {_stray_bytes(data, near[2])} (fix or delete "
                         f"{'them' if len(near[2]) > 1 else 'it'})" if near else ""), SAVE_AS_UTF8)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without its byte-order mark (some Windows tools write it so), or None.

    The NUL bytes are mostly the high bytes of ASCII characters (line breaks, digits): at odd
    offsets in little-endian text, at even ones in big-endian, which is tried first. (一 is
    U+4E00, so a CJK character has a NUL byte too; the other order is tried after.) The
    decoding must hold no NUL character, hold CJK and read as plausible Chinese text
    (_plausible), which random binary data with NULs does not.
    """
    if len(data) % 2:
        return None
    orders = ("utf-16-le", "utf-16-be")
    for enc in orders if data[1::2].count(0) >= data[::2].count(0) else orders[::-1]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _CJK.search(text) and _plausible(text):
            return text, enc
    return None


def _gbk_after_bom(data: bytes, bom: bytes) -> tuple[str, str] | None:
    """The text after a UTF-8 byte-order mark stamped on GBK (or Big5) bytes by a tool that adds the
    mark without converting, when the rest reads cleanly as one of them (decode_bytes); None otherwise."""
    if bom != b"\xef\xbb\xbf":
        return None
    try:
        return decode_bytes(data[len(bom):], "")
    except BioparseError:
        return None


def _nearly(data: bytes) -> tuple[str, str, list[int]] | None:
    """(codec, its name, the offsets of the bad bytes) of a file that is UTF-8 or GB18030 but for one to three invalid
    bytes, one in a hundred at most; None otherwise."""
    for enc, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030/GBK")):
        bad = []
        pos = 0
        while len(bad) <= 3:
            try:
                data[pos:].decode(enc)
                break
            except UnicodeDecodeError as exc:
                bad.append(pos + exc.start)
                pos += exc.end
        if bad and len(bad) <= 3 and len(data) >= 100 * len(bad):
            return enc, name, bad
    return None


def _stray_bytes(data: bytes, bad: list[int]) -> str:
    """'1 invalid byte on line 11', '2 invalid bytes on lines 3, 9': where _nearly's bad bytes stand."""
    lines = ", ".join(str(data.count(b"\n", 0, b) + 1) for b in bad)
    return f"{len(bad)} invalid byte{'s' if len(bad) > 1 else ''} on line{'s' if len(bad) > 1 else ''} {lines}"


# ----------------------------------------------------------------------------- formats

def _read_txt(path: Path, data: bytes | None = None) -> RawText:
    raw = _decoded(path, data)
    if looks_like_markdown(raw.text):  # a web clipper's Markdown saved as .txt
        raw.text, raw.format = markdown_text(raw.text), "md"
    elif (page := html_text.markup_left_in(raw.text)) is not None:  # a crawler's text with the page's <p> or &nbsp; left in
        raw.text, raw.format = page
    return raw


def _read_md(path: Path, data: bytes | None = None) -> RawText:
    """A Markdown file (a web clipper's or converter's output), in any encoding a .txt may have: its text without
    the markup (bioparse.markdown_text)."""
    raw = _decoded(path, data)
    raw.text, raw.format = markdown_text(raw.text), "md"
    return raw


def _decoded(path: Path, data: bytes | None) -> RawText:
    """A text file's bytes decoded (decode_bytes) as a "txt" RawText, with their SHA-256: spares a second read."""
    data = path.read_bytes() if data is None else data
    notes: list[str] = []
    text, enc = decode_bytes(data, path, notes)
    return RawText(str(path), text, enc, "txt", hashlib.sha256(data).hexdigest(), notes=notes)


# the main part of a Word template or macro document: python-docx opens only a document's
_WORD_VARIANTS = re.compile(rb"application/vnd\.(?:ms-word\.(?:document|template)\.macroEnabled|"
                            rb"openxmlformats-officedocument\.wordprocessingml\.template)\.main\+xml")
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _open_docx(path: Path):
    """python-docx's Document for a .docx, or for a .docm/.dotx/.dotm read as the document it holds."""
    import docx
    try:
        return docx.Document(str(path))
    except ValueError as exc:
        if "is not a Word file" not in str(exc):
            raise
    out = _stdio.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = _WORD_VARIANTS.sub(_DOCUMENT_MAIN, data)
            dst.writestr(info, data)
    return docx.Document(out)


def _read_docx(path: Path) -> RawText:
    try:
        document = _open_docx(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, Exception) as exc:  # noqa: B014
        raise CorruptFileError(path, f"cannot open this .docx ({type(exc).__name__}): it is damaged or not a Word file",
                               "re-save it from Word (File → Save As → .docx), or export it as UTF-8 .txt") from None
    text = "\n".join(docx_text.block_texts(document))
    return RawText(str(path), text, "docx", "docx")


def _read_doc(path: Path, data: bytes | None = None) -> RawText:
    """An old binary Word document (.doc, or a WPS .wps in Word's format), through bioparse.doc_text."""
    from .doc_text import DocFormatError, doc_lines

    data = path.read_bytes() if data is None else data
    try:
        lines = doc_lines(data)
    except DocFormatError as exc:
        if "password" in str(exc):
            raise UnsupportedFormatError(path, "this is a password-protected (encrypted) Word document",
                                         _PASSWORD_FIX) from None
        raise CorruptFileError(path, f"cannot read this old-format Word document: {exc}", SAVE_AS_DOCX) from None
    return RawText(str(path), "\n".join(lines), "doc", "doc", hashlib.sha256(data).hexdigest())


# Western charsets a Chinese page declares by a CMS's default, its bytes being GBK or UTF-8
_WESTERN = ("iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252", "us-ascii", "ascii")


def _html_charset(data: bytes) -> str | None:
    """The charset a page declares (GBK and GB2312 as gb18030); None when it declares none, or a Western
    one (ISO-8859-1) that would turn its Chinese into mojibake: decode_bytes then finds the encoding."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    if name in _WESTERN:
        return None
    return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name


def _read_html(path: Path, data: bytes | None = None) -> RawText:
    return _html_from_bytes(path.read_bytes() if data is None else data, path)


def _html_from_bytes(data: bytes, path: Path, enc: str | None = None) -> RawText:
    """A page's article from its bytes, decoded by the charset given, declared, or found by decode_bytes."""
    enc = enc or _html_charset(data)
    text = None
    if enc and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            text = None
    notes: list[str] = []
    if text is None:
        text, enc = decode_bytes(data, path, notes)
    text, fields = html_text.article_text(text)
    return RawText(str(path), text, enc, "html", fields=fields, notes=notes)


def _read_mht(path: Path, data: bytes | None = None) -> RawText:
    """A page saved as one file (.mht/.mhtml: a browser's 网页，单个文件, or Word's): its HTML part's article."""
    page = _mht_page(path.read_bytes() if data is None else data)
    if page is None:
        raise EmptyDocumentError(path, "this saved web archive (.mht) holds no HTML page",
                                 "open the page in a browser and save it as 网页，仅HTML (.html)")
    return _html_from_bytes(page[0], path, page[1])


def _mht_page(data: bytes) -> tuple[bytes, str | None] | None:
    """The HTML part of a MIME web archive and its charset (GBK and GB2312 as gb18030), or None."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            charset = (part.get_content_charset() or "").lower() or None
            return part.get_payload(decode=True) or b"", "gb18030" if charset in ("gb2312", "gbk", "gb18030") else charset
    return None


def chunk_lines(data: bytes, content_type: str, name: str) -> list[str]:
    """The lines of content a .docx imports whole (w:altChunk: a page, a web archive, text or another
    .docx, as tools that export a web page to Word write it); [] for what is none of those."""
    path = Path(name)
    try:
        if "html" in content_type or data.lstrip()[:1] == b"<":
            return _html_from_bytes(data, path).text.split("\n")
        if "rfc822" in content_type or "mhtml" in content_type:
            page = _mht_page(data)
            return _html_from_bytes(page[0], path, page[1]).text.split("\n") if page else []
        if "wordprocessingml" in content_type:
            import docx
            return docx_text.block_texts(docx.Document(_stdio.BytesIO(data)))
        if content_type.startswith("text/"):
            return decode_bytes(data, path)[0].split("\n")
    except BioparseError:
        pass
    return []


# a page number at a page's edge: the forms a text keeps (normalize.PAGE_NUMBER_LINE), and
# those only a page's edge makes one (3/9, page 3, a bare 3)
_PAGE_NUMBER = re.compile(rf"^\s*(?:{PAGE_NUMBER_LINE.pattern}|"
                          r"\d+\s*/\s*\d+|(?:page|p\.)\s*\d+(?:\s*of\s*\d+)?|\d{1,4})\s*$", re.I)
_SENTENCE_FINAL = tuple("。！？；：.!?;:")
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章条节]|\d+[.、．]"
                            r"|[（(]\d+[）)]|[①-⑳]|附件)")
_INDENT = re.compile(r"^(?:\u3000|\s{2,})")
# punctuation a typeset line never starts with: a line starting with it continues the one before
_CLOSING = tuple("，。、；：！？）」』”》,.;:!?)")
# a line ending in a digit or in 万/亿 was cut inside a number (a paragraph ends otherwise)
_NUMBER_CUT = tuple("0123456789０１２３４５６７８９万亿")
_LIST_COMMAS = ("，", "、", ",")  # a full line ending on one is cut inside its sentence
# a line reading only an attachment's label (附件, 附件2, 附件 3：, 附件一); group 1 its number
_ANNEX_LABEL_LINE = re.compile(r"\s*" + ANNEX_LABEL + r"\s*")


def _width(line: str) -> int:
    """Display width: 2 for a full-width (CJK) character, 1 for others."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """A PDF's text lines joined into its paragraphs.

    A PDF stores lines as set (about 28 characters in a 公文), so a paragraph arrives cut
    into lines, across pages too. A line continues the one before unless it starts like a
    heading (also as normalize.HEADING_START knows one: 四.…, 第三部分, ㈠…), or is indented (when the document indents its paragraphs: 公文 indent two
    full-width spaces); and only after a full line (one at least 85% as wide as the
    document's usual full line, its indent counted), after a line cut inside a number
    (…达到1200亿 / 元), or when it starts with closing punctuation (，) that no typeset
    line starts with. Without indentation to tell, a full line that ends a sentence (。)
    ends its paragraph, unless the document's paragraphs all start with a label
    (第一条…, see _labelled_paragraphs); a line that opens a bracket it does not close
    (…（责任单位：) never ends one. A line set right or centred (a 落款, its date; pdf_text marks
    it) starts its own. A table row (cells joined by tabs, see pdf_text) stands alone and counts
    in none of the measures.
    """
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        return []
    # a line set right or centred (pdf_text.FAR_INDENT_MARK) stands apart, and is no indented paragraph's start
    text_lines = [ln for ln in lines if "\t" not in ln and not _set_apart(ln)] or lines
    # widths as set on the page: an indent takes its place on a line
    widths = sorted(_width(ln.rstrip()) for ln in text_lines)
    top = widths[int(0.9 * (len(widths) - 1))]
    full = 0.85 * top
    indenting = sum(bool(_INDENT.match(ln)) for ln in text_lines) >= 0.15 * len(text_lines)
    labelled = not indenting and _labelled_paragraphs(text_lines, full)
    by_position = not indenting and _indented_by_position(text_lines, full)
    out = [lines[0]]
    last = lines[0].rstrip()  # the last line as set, not the paragraph joined so far
    for line in lines[1:]:
        prev, core = out[-1].rstrip(), line.strip()
        if "\t" in line or "\t" in last:
            joined = False  # a table row is no wrapped paragraph
        elif _set_apart(line) and not core.startswith(_CLOSING):
            joined = False  # a 落款, its date or a centred title: …组织实施。⏎某阳市人民政府办公室
        elif last.endswith(_LIST_COMMAS) and _width(last) >= full:
            joined = True  # …第六条、⏎第七条由…负责兑现: a full line ending on a comma runs on, whatever the next line opens with
        elif (_HEADING_START.match(core) or (indenting and _INDENT.match(line))
              or (HEADING_START.match(core) and not opens_bracket(last) and not last.endswith(OPENING_END))):  # （⏎责任单位：… runs on
            joined = False
        elif _ANNEX_LABEL_LINE.fullmatch(last):
            joined = False  # 附件1⏎X's title: the label is cut inside no number
        elif core.startswith(_CLOSING) or last.endswith(_NUMBER_CUT) or opens_bracket(last) or last.endswith(OPENING_END):
            joined = True  # …达到1200亿 / 元，…: no line ends inside a number and its unit
        else:
            joined = (_width(last) >= full and (indenting or labelled or not last.endswith(_SENTENCE_FINAL))
                      and not (_bodies_end(prev, last, top, by_position) and not _pushed_down(last, core, top)))
        if joined:
            # a space between two Latin words; a number or Chinese wraps without one (100 / 0亿元)
            sep = " " if prev[-1:].isascii() and prev[-1:].isalpha() and core[:1].isascii() and core[:1].isalpha() else ""
            out[-1] = prev + sep + core
        else:
            out.append(line)
        last = line.rstrip()
    return out


def _set_apart(line: str) -> bool:
    """Whether pdf_text marked a line as set right or centred (after the space pypdf may open it with)."""
    return line.lstrip(" ").startswith(pdf_text.FAR_INDENT_MARK)


def _bodies_end(prev: str, last: str, top: int, indent: bool = False) -> bool:
    """True when a line short of the page's edge (a character or more narrower than the widest lines) ends a label
    clause's bodies after the paragraph's last sentence (…。【责任单位】A、B): the page did not cut it, so the
    paragraph ends there. A line ending in 、 or ， runs on. In a document that indents by position (``indent``,
    see _indented_by_position) a paragraph's first line is short of the edge by its indent too, which a PDF from
    Word or WPS sets by position and not as blanks in its text (牵头单位：…；配合单位：自治区药⏎监局 as its own
    paragraph): it must fall a character short of that (three short of the widest)."""
    room = 6 if indent and prev == last else 2  # a first line: two em of indent the text does not show
    return _width(last) <= top - room and not last.endswith(("、", "，", ",")) and ends_in_bodies(prev.strip())


def _indented_by_position(lines: list[str], full: float) -> bool:
    """True when the document indents its paragraphs' first lines by position, which their text does not show (a
    公文 from Word or WPS: two em): the lines that open a paragraph (after a line short of the page's edge) and run
    on into the next are, as their median, at least a character narrower than the lines inside a
    paragraph (after a full line), not as wide as them (the medians, as figures set narrower than counted)."""
    widths = [_width(ln.rstrip()) for ln in lines]
    firsts = sorted(w for before, w, after in zip(widths, widths[1:], lines[2:])
                    if before < full <= w and not _HEADING_START.match(after.strip()))
    inner = sorted(w for before, w in zip(widths, widths[1:]) if before >= full and w >= full)
    return (len(firsts) >= 3 and len(inner) >= 3
            and inner[len(inner) // 2] - firsts[len(firsts) // 2] >= 2)


def _pushed_down(last: str, core: str, top: int) -> bool:
    """True when a line is short of the page's edge only because its last character was carried to the next line
    with the closing mark after it, which no line may start with (禁则: …配合单位：自治区农业农村⏎厅、自治区林草局):
    the next line opens with one character and a closing mark, and the line lacks at most three characters' width
    (one carried down, and figures, counted half an em, set wider: …1000万元、2000万元支持。责任单位：省财政⏎厅。)."""
    return core[1:2] != "" and core[1:2] in _CLOSING and _width(last) + 6 >= top


def _labelled_paragraphs(lines: list[str], full: float) -> bool:
    """True when, from the first heading on, nearly every line after a short line starts with a label.

    A short line ends a paragraph; when what follows one is (almost) always a heading
    (第五条…, （三）…), the document starts every paragraph with a label, and an unlabelled
    line after a full line ending in 。 continues the paragraph.
    """
    first = next((i for i, ln in enumerate(lines) if _HEADING_START.match(ln.strip())), None)
    if first is None:
        return False
    body = lines[first:]
    followers = [nxt.strip() for ln, nxt in zip(body, body[1:]) if _width(ln.rstrip()) < full]
    return len(followers) >= 3 and sum(bool(_HEADING_START.match(f)) for f in followers) >= 0.75 * len(followers)


# a labelled line (责任单位：…, 完成时限：…) or a sentence's end is the text's, not a page's furniture
_CONTENT_LINE = re.compile(r"^\s*\S{2,6}[：:]|[。；;]\s*$")


_DASHED_PAGE_NUMBER = re.compile(rf"\s*(?:{PAGE_NUMBER_LINE.pattern})\s*")


_DIGITS = re.compile(r"\d+")


def _furniture_key(line: str) -> str:
    """A line with its digits masked: a running header or footer repeats this on each page (第3页 as 第#页)."""
    return _DIGITS.sub("#", line.strip())


def _page_number_line(line: str) -> bool:
    """Whether a line is only a page number as a page sets it (- 3 -, — 3 —, ·3·, 第3页 共9页)."""
    return line.lstrip()[:1] in "-—–－第·・•" and _DASHED_PAGE_NUMBER.fullmatch(line) is not None


def _without_inner_page_numbers(pages: list[list[str]]) -> list[list[str]]:
    """The pages less a page number that pypdf gives amid a page's lines (- 3 -, drawn there), and less the line
    after such numbers that repeats (a running header drawn after the footer): join_wrapped_lines would glue
    them into the sentence they cut (体外诊断、医- 2 -学影像)."""
    after = Counter(_furniture_key(lines[i + 1]) for lines in pages for i in range(len(lines) - 1)
                    if _page_number_line(lines[i]))
    if not after:
        return pages
    headers = {k for k, n in after.items() if n >= 2 and not _CONTENT_LINE.search(k) and "\t" not in k}
    out = []
    for lines in pages:
        kept: list[str] = []
        for i, ln in enumerate(lines):
            if not (_page_number_line(ln) or (i and _page_number_line(lines[i - 1]) and _furniture_key(ln) in headers)):
                kept.append(ln)
        out.append(kept)
    return out


def _strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and header/footer lines repeated (digits aside) at the top or bottom of pages.

    A line reading only an attachment's label (附件, 附件2) at a page's top is its running head only on the
    attachment's later pages: on the first it is the label itself (附件1, and 附件2 on the page after its
    end), which structure needs to end the policy there, and it is kept."""
    pages = _without_inner_page_numbers([[ln for ln in lines if ln.strip()] for lines in pages])  # blank lines too
    edge = Counter()
    for lines in pages:
        for ln in set(lines[:2] + lines[-2:]):
            edge[_furniture_key(ln)] += 1
    repeated = {k for k, n in edge.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)
                # 完成时限：2025年12月底 may end pages by chance; a table's head row repeats on each page
                and not _CONTENT_LINE.search(k) and "\t" not in k}
    # a running header (title and date) beside a table is read as the table's row (title⇥date): it is the
    # header still when, blanks aside, it repeats a header read as plain text on the other pages
    repeated = {" ".join(k.split()) for k in repeated}
    out = []
    annex = None  # the number of the attachment open (its label's digits, "" for a bare 附件)
    for lines in pages:
        for _ in range(2):  # top
            label = _ANNEX_LABEL_LINE.fullmatch(lines[0]) if lines else None
            if label:
                if annex is None or label[1] not in ("", annex):
                    annex = label[1]  # an attachment's own label, on its first page
                    break
                lines = lines[1:]  # its running head on a later page
            elif lines and (_PAGE_NUMBER.match(lines[0]) or " ".join(_furniture_key(lines[0]).split()) in repeated):
                lines = lines[1:]
        for _ in range(2):  # bottom
            if lines and not _ANNEX_LABEL_LINE.fullmatch(lines[-1]) and (
                    _PAGE_NUMBER.match(lines[-1]) or " ".join(_furniture_key(lines[-1]).split()) in repeated):
                lines = lines[:-1]
        out.append(lines)
    return out


def _read_pdf(path: Path) -> RawText:
    import logging
    pdf_log = logging.getLogger("pypdf")
    old_level = pdf_log.level
    pdf_log.setLevel(logging.CRITICAL)  # our own error says it better
    try:
        from pypdf import PdfReader
        reader = PdfReader(str(path))
        raw_pages = [pdf_text.page_text(page, marks=True) for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds of errors for damaged files
        raise _pdf_error(path, exc) from None
    finally:
        pdf_log.setLevel(old_level)
    return _laid_out_text(path, raw_pages, "pdf")


def _laid_out_text(path: Path, raw_pages: list[str], kind: str) -> RawText:
    """The text of a fixed-layout document (a PDF, an OFD) from its pages' lines: page furniture dropped,
    wrapped lines joined into paragraphs. Raises EmptyDocumentError with no text, DecodeError when the
    text is a font's glyph numbers."""
    what = kind.upper()
    if not any(p.strip() for p in raw_pages):
        raise EmptyDocumentError(path, f"this {what} has no text layer (scanned images?)",
                                 "OCR it first, or supply the text as UTF-8 .txt")
    pages = _strip_page_furniture([p.replace("\r\n", "\n").replace("\r", "\n").split("\n") for p in raw_pages])
    joined = join_wrapped_lines([line for lines in pages for line in lines])
    text = "\n".join(ln.replace(pdf_text.FAR_INDENT_MARK, "", 1) if _set_apart(ln) else ln for ln in joined)  # its work done
    if _garbled(text):
        sample = "".join(text.split())[:12]
        raise DecodeError(path, f"this {what}'s text layer is unreadable (it reads as {sample!r}…): its fonts do not "
                                "map their characters to Unicode", "OCR it (as a scan), or take the text from the "
                                "web page or .docx it was made from")
    return RawText(str(path), text, kind, kind)


def _read_ofd(path: Path) -> RawText:
    """An OFD's pages read by ofd_text, then as a PDF's (_laid_out_text)."""
    try:
        with zipfile.ZipFile(path) as archive:
            raw_pages = ofd_text.page_texts(archive)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError) as exc:
        reason = str(exc) if isinstance(exc, ofd_text.OFDFormatError) else f"{type(exc).__name__}: it is damaged"
        raise CorruptFileError(path, f"cannot read this OFD document ({reason})",
                               "open it in an OFD reader (数科OFD, 福昕OFD) and export or print it to PDF, "
                               "or save its text as UTF-8 .txt") from None
    return _laid_out_text(path, raw_pages, "ofd")


# letters neither ASCII nor CJK nor CJK/full-width punctuation: a font's glyph numbers read as characters
_FOREIGN = re.compile("[^\x00-\x7f\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2000-\u206f\\s]")


def _garbled(text: str) -> bool:
    """Whether a PDF's text is its fonts' glyph numbers (no ToUnicode map): control characters, or a third
    of it in scripts a Chinese policy does not use (ਛభ฿ཊ, Latin-1 letters)."""
    return _junk_share(text) > 0.02 or len(_FOREIGN.findall(text)) > len(text) / 3


def _pdf_error(path: Path, exc: Exception) -> BioparseError:
    """The error for a PDF pypdf cannot read: locked by a password, encrypted with AES, or damaged."""
    name = type(exc).__name__
    if name == "FileNotDecryptedError":
        return UnsupportedFormatError(path, "this PDF is locked with a password (it must be typed to open it)",
                                      "open it with its password and print it to a new PDF without one")
    if name == "DependencyError" and "AES" in str(exc):
        return UnsupportedFormatError(path, "this PDF is encrypted with AES (many are, against copying), and "
                                            "reading it needs the cryptography package",
                                      "pip install cryptography, or print the PDF to a new PDF")
    return CorruptFileError(path, f"cannot read this PDF ({name}): it is damaged or not a PDF",
                            "re-export it as PDF, or save the text as UTF-8 .txt")


_READERS = {"txt": _read_txt, "md": _read_md, "docx": _read_docx, "doc": _read_doc, "html": _read_html, "mht": _read_mht, "pdf": _read_pdf,
            "ofd": _read_ofd}
_FROM_BYTES = {"txt", "md", "html", "mht", "doc"}  # readers that take the bytes read_text has read
_BY_EXTENSION = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".html": "html", ".htm": "html", ".shtml": "html",
                 ".xhtml": "html", ".mht": "mht", ".mhtml": "mht", ".pdf": "pdf", ".ofd": "ofd", "": "txt"}

# ----------------------------------------------------------------------------- what a file holds

# Fixes for the formats bioparse does not read, by what the file is or, failing that, its extension
_WORD_FIX = ("an old-format Word or WPS document (.doc/.wps)", SAVE_AS_DOCX)
_PASSWORD_FIX = "open it in Word or WPS with its password and save a copy without one, as .docx"
_SHEET_FIX = ("a spreadsheet (.xls/.xlsx/.et), not a policy text",
              "if it is a policy's task table (任务分工表), paste it into the policy's .docx or save it as PDF; "
              "otherwise move it out of the folder")
_SHOW_FIX = ("a presentation (.ppt/.pptx)", "save it as PDF (文件 → 另存为 → PDF)")
_RTF_FIX = ("an RTF document", SAVE_AS_DOCX)
_ARCHIVE_FIX = "unpack it into the folder: the documents inside are then read one by one"
_IMAGE_FIX = ("an image (a scan or a screenshot?), with no text to read",
              "OCR it, or get the text itself (the page's text, a .docx or a PDF with text)")
_LINK_FIX = "open the link and save the page itself (Ctrl+S, 网页，仅HTML) or its attachment into the folder"
_BY_EXTENSION_FIX = {
    **dict.fromkeys((".doc", ".wps", ".wpt", ".dot", ".odt", ".docm", ".dotx", ".dotm", ".pages"), _WORD_FIX),
    **dict.fromkeys((".xls", ".xlsx", ".xlsm", ".et", ".ods"), _SHEET_FIX),
    ".csv": ("a table (.csv), not a policy text",
             "if it holds one policy a row (a crawl), split it into a folder: bioparse import-csv FILE --out FOLDER; "
             "if it is a policy's task table, paste it into the policy's .docx; otherwise move it out of the folder"),
    **dict.fromkeys((".ppt", ".pptx", ".dps", ".odp"), _SHOW_FIX),
    ".rtf": _RTF_FIX,
    **dict.fromkeys((".ceb", ".caj", ".xps", ".oxps", ".djvu"),
                    ("a fixed-layout document bioparse cannot read", EXPORT_PDF)),
    **dict.fromkeys((".zip", ".rar", ".7z", ".tar", ".gz"), ("an archive", _ARCHIVE_FIX)),
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"), _IMAGE_FIX),
    **dict.fromkeys((".url", ".lnk", ".webloc"), ("a shortcut, not the document", _LINK_FIX)),
}
_IMAGES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
           (b"BM", "a BMP image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"))
_ARCHIVES = ((b"Rar!\x1a\x07", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"), (b"\x1f\x8b", "a gzip archive"))
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# a page's source: its first tag (after a BOM, white space, an XML declaration or a comment)
_PAGE_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title|body)\b",
                         re.I | re.S)
_MHT_HEAD = re.compile(rb"^(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?content-type:\s*multipart/related", re.I | re.M)


def _unsupported(path: Path, what: str, fix: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(path, f"this is {what}", fix)


def file_kind(path, head: bytes | None = None) -> str:
    """Which reader a file needs ('txt', 'md', 'docx', 'doc', 'html', 'mht', 'pdf', 'ofd'), by what it holds, not only its name.

    Pages are saved as .shtml, .jsp or with no extension, servers hand out pages and web
    archives as .doc, and a .docx or PDF may be misnamed: a file's first bytes (and a zip's
    member names) decide, then its extension. Raises UnsupportedFormatError naming what the
    file is (a spreadsheet, slides, an archive of attachments, an image,
    a shortcut) and how to make it readable. ``head``: the file's first 4,096 bytes, if already read.
    """
    path = path if isinstance(path, Path) else Path(path)
    ext = path.suffix.lower()
    if head is None:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    else:
        head = head[:4096]
    core = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        core = head.decode("utf-16", "ignore").encode("utf-8")
    if core.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, ext)
    if head.startswith(_OLE):
        return _ole_kind(path, ext)
    if core.lstrip().startswith(b"{\\rtf"):
        raise _unsupported(path, *_RTF_FIX)
    if _PAGE_START.match(core):
        return "html"
    if _MHT_HEAD.match(core.replace(b"\r\n", b"\n")):
        return "mht"
    for sig, what in _IMAGES:
        if head.startswith(sig) and ext not in (".txt", ""):  # a .txt's decode_bytes says so (and "BM" may start text)
            raise _unsupported(path, f"{what} (a scan or a screenshot?), with no text to read", _IMAGE_FIX[1])
    for sig, what in _ARCHIVES:
        if head.startswith(sig):
            raise _unsupported(path, what, _ARCHIVE_FIX)
    if head.startswith((b"[InternetShortcut]", b"[{000214A0")) or b"[InternetShortcut]" in head[:200]:
        url = re.search(rb"^URL=(\S+)", head, re.M)
        raise _unsupported(path, "a shortcut to " + (url.group(1).decode("utf-8", "replace") if url else "a web page")
                           + ", not the document", _LINK_FIX)
    if head.startswith(b"L\x00\x00\x00\x01\x14\x02\x00"):
        raise _unsupported(path, "a Windows shortcut (.lnk), not the document", "copy the document it points to into the folder")
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    if ext in _BY_EXTENSION_FIX:
        what, fix = _BY_EXTENSION_FIX[ext]
        raise UnsupportedFormatError(path, f"unsupported file type '{ext}': {what}", fix)
    raise UnsupportedFormatError(path, f"unsupported file type '{ext}'", CONVERT)


def _zip_kind(path: Path, ext: str) -> str:
    """A zip is a .docx when it holds word/document.xml, an OFD when it holds OFD.xml; a spreadsheet, slides or an
    archive otherwise."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        # damaged: the extension's reader says so (a .docx), or it is no text (a .txt)
        return _BY_EXTENSION.get(ext) or "txt"
    names = [_zip_name(i) for i in infos]
    lower = {n.lower() for n in names}
    if "word/document.xml" in lower or (ext == ".docx" and any(n.startswith("word/") for n in lower)):
        return "docx"
    if any(n.startswith("xl/") for n in lower):
        raise _unsupported(path, *_SHEET_FIX)
    if any(n.startswith("ppt/") for n in lower):
        raise _unsupported(path, *_SHOW_FIX)
    if "ofd.xml" in lower:
        return "ofd"
    if "mimetype" in lower and "content.xml" in lower:
        raise _unsupported(path, "an OpenDocument (.odt/.ods) file", SAVE_AS_DOCX)
    files = [n for i, n in zip(infos, names) if not i.is_dir()]
    shown = ", ".join(files[:3]) + (", …" if len(files) > 3 else "")
    raise _unsupported(path, f"a zip archive of {len(files)} file{'s' if len(files) != 1 else ''} ({shown})",
                       _ARCHIVE_FIX)


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A member's name as written: zip tools on Chinese Windows write GBK names without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _ole_kind(path: Path, ext: str) -> str:
    """'doc' for an OLE compound file holding a Word document (an old .doc or WPS .wps); for another
    (a spreadsheet, slides, an encrypted Office file) raises the error saying what it is."""
    with open(path, "rb") as fh:
        data = fh.read(1 << 22)  # the directory of a document's streams stands in its first megabytes

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage"):
        raise _unsupported(path, "a password-protected (encrypted) Office document", _PASSWORD_FIX)
    if has("WordDocument"):
        return "doc"
    if has("Workbook"):
        raise _unsupported(path, *_SHEET_FIX)
    if has("PowerPoint Document"):
        raise _unsupported(path, *_SHOW_FIX)
    if _BY_EXTENSION_FIX.get(ext) is _WORD_FIX:  # a .doc cut short before its directory: its reader says so
        return "doc"
    if has("Book"):  # (an Excel 5 stream; four letters that a Word file's text may hold too)
        raise _unsupported(path, *_SHEET_FIX)
    what, fix = _BY_EXTENSION_FIX.get(ext, _WORD_FIX)
    raise _unsupported(path, f"an old Office/WPS file (OLE compound document), {what}", fix)


def read_text(path) -> RawText:
    """Read one document into text (\\r\\n → \\n, otherwise as extracted), the reader chosen by file_kind.

    A text that lost its line breaks (a crawled policy kept in one cell, a page's article in one paragraph)
    gets one before each of its headings (normalize.broken_before_headings); no other character is added.

    Raises UnsupportedFormatError, DecodeError, CorruptFileError or EmptyDocumentError naming the file.
    """
    path = path if isinstance(path, Path) else Path(path)
    try:  # the first bytes tell the reader (file_kind); text, pages, web archives and .doc go on from them
        with open(path, "rb") as fh:
            head = fh.read(4096)
            kind = file_kind(path, head)
            data = head + fh.read() if kind in _FROM_BYTES else None  # a .docx or PDF reader opens the file itself
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise BioparseError(path, "file not found", "check the path or the manifest's file column") from None
    raw = _READERS[kind](path, data) if data is not None else _READERS[kind](path)
    if "\r" in raw.text:
        raw.text = raw.text.replace("\r\n", "\n").replace("\r", "\n")
    raw.text = broken_before_headings(raw.text)
    if (not raw.text or raw.text.isspace()) and raw.format == "html":
        # a site that fills its article in by script saves a page of navigation only
        raise EmptyDocumentError(path, "the saved page holds no article text (the site may load it by script)",
                                 "open the page in a browser, let it load, and print it to PDF or copy its "
                                 "text into a UTF-8 .txt")
    if not raw.text or raw.text.isspace():  # not raw.text.strip(), without copying the text
        raise EmptyDocumentError(path, "the document is empty (no text)", "check that it is the right file")
    return raw


# ----------------------------------------------------------------------------- manifest

def read_manifest(raw_dir) -> "pandas.DataFrame | None":  # noqa: F821
    """Read raw_dir/manifest.csv as strings (blanks → ""); None when there is no manifest."""
    import pandas as pd
    path = manifest_path(raw_dir)
    if path is None:
        return None
    text = csv_text(path, "name it manifest.csv")
    try:
        df = pd.read_csv(_stdio.StringIO(text), dtype=str, keep_default_na=False)
    except Exception as exc:
        raise ManifestError(path, f"cannot parse the manifest ({exc})", "save it as a comma-separated .csv") from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in ("doc_id", "file") if c not in df.columns]
    if missing:
        raise ManifestError(path, f"the manifest has no {' or '.join(missing)} column (found: {', '.join(df.columns)})",
                            "add a header row with at least doc_id,file")
    for col in MANIFEST_COLUMNS:
        if col not in df.columns:
            df[col] = ""
    df = df.apply(lambda s: s.astype(str).str.strip()).reset_index(drop=True)
    # Excel rewrites dates as 2024/3/15; the tables hold ISO dates (2024-03-15)
    df["date"] = [iso_date(d) or d for d in df["date"]]
    return df


def csv_text(path: Path, then: str) -> str:
    """The text of a CSV file as Excel saves it (GBK or UTF-8, perhaps a BOM: decode_bytes); a workbook
    (.xlsx) given for it raises ManifestError, whose fix says to save it as CSV and ``then``."""
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        raise ManifestError(path, "this is an Excel workbook (.xlsx), not a CSV file",
                            f"in Excel, File → Save As → CSV UTF-8, and {then}")
    return decode_bytes(data, path)[0]


def iso_date(value: str) -> str:
    """2024/6/1, 2024.6.1, 2024-6-1, 20240601 or 2024年6月1日 as 2024-06-01; "" if it is no date."""
    m = _DATE_FORMS.fullmatch(value.strip())
    if not m:
        return metadata.parse_date(value) if "年" in value else ""
    y, mo, d = (int(g) for g in m.groups() if g)
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


_DATE_FORMS = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})|((?:19|20)\d\d)(\d\d)(\d\d)")


def sanitize_id(stem: str) -> str:
    """A doc_id from a file stem: letters (any script), digits, '-', '_' and '.'; others become '_'."""
    return re.sub(r"[^\w.\-]+", "_", stem).strip("_") or "doc"


def manifest_path(raw_dir) -> Path | None:
    """raw_dir's manifest.csv, whatever the case of its name (Manifest.csv); None if there is none."""
    return next((p for p in sorted(Path(raw_dir).iterdir()) if p.name.lower() == "manifest.csv" and p.is_file()), None)


# a browser's or Word's folder of a saved page's images and scripts (page_files/, page.files/)
_PAGE_RESOURCES = re.compile(r"(.+)[._](?:files|文件)$")
_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".doc", "")
_SYSTEM_FILES = ("thumbs.db", "desktop.ini")


def _document_files(raw_dir: Path) -> list[Path]:
    """The files under raw_dir, subfolders too (a folder per province), in order; less hidden
    files and folders, Office lock files (~$plan.docx), Windows' Thumbs.db and desktop.ini, the
    manifest, a README (README.md, readme.txt: what the folder holds, written by the researcher) and the
    folder of images and scripts a browser saves beside a page (page_files/)."""
    out = []
    resources: dict[Path, bool] = {}
    for path in sorted(raw_dir.rglob("*")):
        parts = path.relative_to(raw_dir).parts
        if any(part.startswith(".") for part in parts) or path.name.startswith("~$") or not path.is_file():
            continue
        if len(parts) == 1 and path.name.lower() == "manifest.csv" or path.name.lower() in _SYSTEM_FILES \
                or path.stem.lower() == "readme":
            continue
        if any(_page_resources(raw_dir / folder, resources) for folder in path.relative_to(raw_dir).parents
               if folder.parts):
            continue
        out.append(path)
    return out


def _page_resources(folder: Path, memo: dict) -> bool:
    """Whether folder is the page_files/ (or page.files/) beside a saved page.htm(l), page.mht or page.doc."""
    if folder not in memo:
        m = _PAGE_RESOURCES.fullmatch(folder.name)
        memo[folder] = bool(m) and any((folder.parent / (m.group(1) + suffix)).is_file()
                                       for ext in _PAGE_SUFFIXES for suffix in {ext, ext.upper()})
    return memo[folder]


def _unreadable(path: Path) -> BioparseError | None:
    """The error that file_kind gives a file bioparse does not read, or None; files with a
    supported extension are left to read_text (which finds out what they hold when it reads)."""
    if path.suffix.lower() in SUPPORTED:
        return None
    try:
        file_kind(path)
    except BioparseError as exc:
        return exc
    return None


def discover(raw_dir) -> tuple[list[dict], list[BioparseError]]:
    """Pair the documents in raw_dir with manifest rows: ([{doc_id, path, meta, notes}], problems), sorted by doc_id.

    Documents in subfolders are found too. Problems (not raised): manifest rows whose file
    is missing, duplicate doc_ids in the manifest, unsupported files. Notes (warnings, the
    document is still read): a manifest row naming its file with other character widths
    ((2023—2025年) for （2023—2025年）), a doc_id that cannot be a file name, two files whose
    names give the same doc_id (the second gets _2).
    """
    raw_dir = Path(raw_dir)
    manifest = read_manifest(raw_dir)
    mpath = manifest_path(raw_dir)
    files = _document_files(raw_dir)
    by_width = {unicodedata.normalize("NFKC", str(p.relative_to(raw_dir))): p for p in files}
    problems: list[BioparseError] = []
    docs: list[dict] = []
    by_id: dict[str, Path] = {}
    claimed: dict[Path, int] = {}  # file -> manifest row that claimed it

    def add(doc_id: str, path: Path, meta: dict, notes: list[str], from_manifest: bool) -> None:
        if doc_id in by_id and from_manifest:
            problems.append(ManifestError(path, f"duplicate doc_id '{doc_id}': already used by {by_id[doc_id].name}, "
                                                f"so {path.name} is skipped", "give each document its own doc_id"))
            return
        if doc_id in by_id:  # two file names give the same id: number the later one
            base, k = doc_id, 2
            while f"{base}_{k}" in by_id:
                k += 1
            doc_id = f"{base}_{k}"
            notes = notes + [f"{path.name}: its file name gives the doc_id of {by_id[base].name}, so it is "
                             f"'{doc_id}' (rename the file or list it in manifest.csv to choose)"]
        by_id[doc_id] = path
        docs.append({"doc_id": doc_id, "path": path, "meta": meta, "notes": notes})

    if manifest is not None:
        for i, row in manifest.iterrows():
            notes: list[str] = []
            meta = {k: v for k, v in row.items() if k not in ("doc_id", "file")}
            fname, doc_id = row["file"], row["doc_id"]
            if not fname and not any(row.values):
                continue  # a blank row (Excel leaves them)
            if not fname:
                problems.append(ManifestError(mpath, f"row {i + 2} (doc_id '{doc_id}') has no file name",
                                              "fill in the file column"))
                continue
            path = raw_dir / fname
            if not path.is_file():
                match = by_width.get(unicodedata.normalize("NFKC", fname))
                if match is None:
                    close = difflib.get_close_matches(fname, [str(p.relative_to(raw_dir)) for p in files], n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    problems.append(ManifestError(mpath, f"row {i + 2} lists '{fname}' but no such file is in {raw_dir}{hint}",
                                                  "fix the file name in the row, add the file, or remove the row"))
                    continue
                notes.append(f"manifest row {i + 2} names '{fname}'; read '{match.relative_to(raw_dir)}', "
                             "the same name in other character widths")
                path = match
            if path in claimed:
                problems.append(ManifestError(mpath, f"row {i + 2} lists '{fname}', which row {claimed[path]} lists "
                                                     "already (skipped)", "remove one of the two rows"))
                continue
            claimed[path] = i + 2
            error = _unreadable(path)
            if error:
                problems.append(error)
                continue
            safe = sanitize_id(doc_id) if doc_id else sanitize_id(path.stem)
            if doc_id and safe != doc_id:
                notes.append(f"manifest row {i + 2}: doc_id '{doc_id}' holds characters a file name cannot, "
                             f"so it is '{safe}' (use letters, digits, - _ and .)")
            add(safe, path, meta, notes, from_manifest=True)
    for path in files:
        if path in claimed:
            continue
        error = _unreadable(path)
        if error:
            problems.append(type(error)(path, error.problem + " (skipped)", error.fix))
            continue
        add(sanitize_id(path.stem), path, {}, [], from_manifest=False)
    docs.sort(key=lambda d: d["doc_id"])
    return docs, problems
