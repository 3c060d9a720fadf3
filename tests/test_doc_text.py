"""Old binary Word documents (.doc, and WPS's .wps): bioparse.doc_text reads the text Word shows."""
import shutil
from pathlib import Path

import olefile
import pytest

from bioparse import pipeline
from bioparse.doc_text import _draw_heading_labels, _hide_field_codes, _shown, _story_lines
from bioparse.errors import CorruptFileError, UnsupportedFormatError
from bioparse.io import read_text

HERE = Path(__file__).parent
DOCS = HERE / "doc_files"
DOCX = HERE / "other_provinces" / "raw"
NAMES = ["zz_heading_plan", "p11a_nx_tracked", "p10d_docx_points", "p23f_d_hb_wrapped", "p19a_d_yiwu_headings"]


@pytest.mark.parametrize("name", NAMES)
def test_a_doc_reads_as_the_docx_it_was_saved_from(name):
    """Paragraphs, tables row by row, tracked changes and list numbers: the same text as the .docx."""
    doc, docx = read_text(DOCS / f"{name}.doc"), read_text(DOCX / f"{name}.docx")
    assert doc.format == "doc" and doc.sha256
    assert doc.text == docx.text


def test_a_doc_holds_what_a_docx_reader_shows_and_not_what_it_hides():
    tracked = read_text(DOCS / "p11a_nx_tracked.doc").text
    assert "规模达到400亿元" in tracked and "突破300亿元" not in tracked  # 突破300亿元 is a tracked deletion
    table = read_text(DOCS / "zz_heading_plan.doc").text
    assert "指标\t2025年目标\n新获批一类创新药和第三类创新医疗器械\t20个\n" in table
    numbered = read_text(DOCS / "p10d_docx_points.doc").text.splitlines()
    merged = read_text(DOCS / "p23f_d_hb_wrapped.doc").text  # 创新能力 merged down two rows; ≥ from the Symbol font
    assert "创新能力\t一类创新药获批数（个）\t6\t≥15\n创新能力\t研发投入强度（%）\t4.2\t≥6" in merged
    first = numbered.index("一、着力提升创新能力")
    assert [line[:3] for line in numbered[first + 1:first + 6]] == ["1. ", "2. ", "3. ", "4. ", "5. "]
    assert numbered[first + 7].startswith("6. ")  # numbered on under 二、, as Word shows it


@pytest.mark.parametrize("name", NAMES)
def test_a_doc_parses_into_the_rows_of_its_docx(name):
    rows = {}
    for ext in ("doc", "docx"):
        r = pipeline.parse_document((DOCS if ext == "doc" else DOCX) / f"{name}.{ext}", name, {})
        rows[ext] = {t: [{k: v for k, v in row.items() if k not in ("raw_start", "raw_end")} for row in r[t]]
                     for t in ("provisions", "agencies", "targets")}
    assert rows["doc"] == rows["docx"]
    assert len(rows["doc"]["provisions"]) > 5


def test_a_wps_file_in_words_format_is_read(tmp_path):
    """WPS Office saves .wps in Word's binary format: the bytes decide, not the extension."""
    copy = shutil.copy(DOCS / "zz_heading_plan.doc", tmp_path / "plan.wps")
    assert read_text(copy).text == read_text(DOCS / "zz_heading_plan.doc").text


def _patched(tmp_path, offset: int, value: bytes) -> Path:
    """A copy of a fixture with bytes of its WordDocument stream (the FIB) overwritten."""
    path = Path(shutil.copy(DOCS / "zz_heading_plan.doc", tmp_path / "x.doc"))
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        stream[offset:offset + len(value)] = value
        ole.write_stream("WordDocument", bytes(stream))
    return path


def test_a_password_protected_doc_says_so(tmp_path):
    path = _patched(tmp_path, 0x0B, bytes([read_flags_high(DOCS / "zz_heading_plan.doc") | 0x01]))  # fEncrypted
    with pytest.raises(UnsupportedFormatError, match=r"x\.doc: this is a password-protected \(encrypted\) Word document.*without one"):
        read_text(path)


def read_flags_high(path) -> int:
    with olefile.OleFileIO(str(path)) as ole:
        return ole.openstream("WordDocument").read()[0x0B]


def test_a_word_95_document_says_what_it_is(tmp_path):
    path = _patched(tmp_path, 0x02, (0x0065).to_bytes(2, "little"))  # nFib of Word 6/95
    with pytest.raises(CorruptFileError, match=r"x\.doc: .*Word 6 or Word 95 document.*save it as \.docx"):
        read_text(path)


def test_a_truncated_doc_names_the_file_and_the_fix(tmp_path):
    data = (DOCS / "zz_heading_plan.doc").read_bytes()
    path = tmp_path / "cut.doc"
    path.write_bytes(data[:len(data) // 2])
    with pytest.raises(CorruptFileError, match=r"cut\.doc: cannot read this old-format Word document.*save it as \.docx"):
        read_text(path)


def test_a_field_shows_its_result_not_its_code():
    def shown(text):
        hidden = _hide_field_codes(text)
        assert len(hidden) == len(text)  # positions stay
        return hidden.replace("\x00", "")

    assert shown("见\x13 HYPERLINK \"http://x\" \x14《通知》\x15。") == "见《通知》。"
    assert shown("第\x13 PAGE \x15页") == "第页"  # a field with no result
    assert shown("a\x13 IF \x13 REF b \x14B\x15 = 1 \x14yes\x15c") == "ayesc"  # nested
    assert shown("\x13 TOC \x14一、总则\r二、附则\r\x15正文") == "一、总则\r二、附则\r正文"  # across paragraphs


def test_a_table_row_is_told_from_an_empty_cell_by_the_paragraph_marks():
    """A row ends with one more \\x07 after its last cell's; an empty cell is a \\x07 too, told apart
    only by its paragraph's properties (here: the row end at position 10)."""
    text = "表\r指标\x07\x072025年\x07\x07正文\r"
    row_end = {text.index("\x07\x072025") + 1: False, len("表\r指标\x07\x072025年\x07"): True}

    def mark(cp):
        if text[cp] == "\x07":
            return (True, row_end.get(cp, False), 0, 0, (), None)
        return (False, False, 0, 0, (), None)

    assert _story_lines(text, 0, len(text), mark, lambda ilfo, ilvl: "") == ["表", "指标\t\t2025年", "正文"]


def test_a_rows_own_mark_without_properties_still_ends_the_row():
    """LibreOffice writes a row's closing mark without the row-end property (in a table, cells marked):
    an empty paragraph closed by \\x07 right after a cell's mark, outside any cell, ends the row."""
    text = "指标\x072025年\x07\x07产值\x07100\x07\x07"

    def mark(cp):
        closes_row = text[cp - 1] == "\x07"
        return (not closes_row, False, 0, 0, (), None)

    assert _story_lines(text, 0, len(text), mark, lambda ilfo, ilvl: "") == ["指标\t2025年", "产值\t100"]


def test_headings_set_by_style_alone_get_the_labels_a_reader_counts():
    """Heading 1 and Heading 2 paragraphs with no number (p19a_d_yiwu_headings.doc: 总体要求, 指导思想) are drawn
    一、 / （一） as docx_text draws them; the (一) numbering starts again under each 一、. A level with one
    numbered heading, or with a single heading, or the title, is left as written."""
    lines = ["某市行动方案", "总体要求", "指导思想", "发展目标", "重点任务", "壮大产业", "正文。"]
    headings = [(0, 0, False), (1, 0, False), (2, 1, False), (3, 1, False), (4, 0, False), (5, 1, False)]
    _draw_heading_labels(lines, headings)
    assert lines == ["某市行动方案", "一、总体要求", "（一）指导思想", "（二）发展目标", "二、重点任务", "（一）壮大产业", "正文。"]
    listed = ["标题", "总体要求", "重点任务", "指导思想"]
    _draw_heading_labels(listed, [(1, 0, True), (2, 0, False), (3, 1, False)])
    assert listed == ["标题", "总体要求", "重点任务", "指导思想"]  # a level numbered by a list; a lone second-level one
    typed = ["标题", "一、总体要求", "重点任务"]
    _draw_heading_labels(typed, [(1, 0, False), (2, 0, False)])
    assert typed == ["标题", "一、总体要求", "重点任务"]  # a level with a number typed in its text
    text = read_text(DOCS / "p19a_d_yiwu_headings.doc").text.splitlines()
    assert "一、总体要求" in text and "（一）指导思想" in text and "二、重点任务" in text


def test_a_symbol_fonts_sign_reads_as_the_sign():
    """≥ inserted from the Symbol font: in the private use area of the text (U+F0B3, as LibreOffice saves
    it), or as a character whose sprmCSymbol names F0B3 (as Word saves it, _character_runs)."""
    text = "研发投入强度\x07\uf0b36%\x07\x07"
    mark = lambda cp: (text[cp - 1] != "\x07", False, 0, 0, (), None)  # noqa: E731
    assert _story_lines(text, 0, len(text), mark, lambda ilfo, ilvl: "") == ["研发投入强度\t≥6%"]
    pieces = [(0, 6, 100, False)]  # six characters at byte 100 of the stream, two bytes each
    assert _shown("达到(6%以", pieces, [(104, 106, "≥")]) == "达到≥6%以"
    assert _shown("达到(6%以", pieces, [(104, 106, "\x00")]).replace("\x00", "") == "达到6%以"


def test_a_footnote_follows_the_paragraph_citing_it_as_in_the_docx():
    """A note's text stands in a story of its own after the main text; its reference mark places it
    (PlcffndRef), after the paragraph that cites it, as docx_text places a .docx's notes. A text box's
    paragraphs come after the main text (their anchors are not read)."""
    doc = read_text(DOCS / "p19a_b_hunan_tracked.doc").text.splitlines()
    docx = read_text(DOCX / "p19a_b_hunan_tracked.docx").text.splitlines()
    note = next(i for i, line in enumerate(doc) if line.lstrip().startswith("药物临床试验机构是指"))
    assert doc[note - 1:note + 1] == docx[note - 1:note + 1]
    assert "研究型病房床位数达到500张" in doc[note - 1]
    box = next(line for line in docx if line.startswith("（三）发展合同研发生产服务"))
    assert box in doc and doc.index(box) > note


from hypothesis import given, settings, strategies as st  # noqa: E402

SETTINGS = settings(max_examples=int(__import__("os").environ.get("BIOPARSE_PROP_EXAMPLES", "200")), deadline=None)


@SETTINGS
@given(st.text(alphabet="指标产值到年亿元1 2。，\r\x07\t", max_size=80), st.data())
def test_no_text_is_lost_whatever_the_paragraph_marks_say(text, data):
    """Whatever properties the paragraph marks carry (in a table or not, ending a row or not, damaged
    tables included), every character of text but the marks and white space comes out, in order."""
    props = {i: (data.draw(st.booleans()), data.draw(st.booleans()), 0, 0, (), data.draw(st.sampled_from([None, 0, 1])))
             for i, ch in enumerate(text) if ch in "\r\x07"}
    headings: list = []
    lines = _story_lines(text, 0, len(text), lambda cp: props[cp], lambda ilfo, ilvl: "", headings=headings)
    drawn = list(lines)
    _draw_heading_labels(drawn, headings)
    kept = lambda s: "".join(ch for ch in s if not ch.isspace() and ch != "\x07")  # noqa: E731
    assert kept("".join(lines)) == kept(text)
    assert all(line.endswith(old) for line, old in zip(drawn, lines))  # a drawn label only opens a line


def test_a_damaged_doc_gives_a_clear_error_or_its_text(tmp_path):
    """Bytes overwritten at random in a .doc (its FIB, piece table, property pages): reading either
    succeeds or raises a BioparseError naming the file, never another exception. Before doc_lines
    caught offsets past a stream's end, 400 such files gave an IndexError and two OSErrors."""
    import random

    from bioparse.errors import BioparseError

    rng = random.Random(1)
    sources = [p.read_bytes() for p in sorted(DOCS.glob("*.doc"))]
    path = tmp_path / "damaged.doc"
    for _ in range(400):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.choice([1, 3, 10, 50])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[:rng.randrange(len(data))]
        path.write_bytes(bytes(data))
        try:
            read_text(path)
        except BioparseError as exc:
            assert "damaged.doc" in str(exc)
