"""The other-province texts saved again in the forms real files take score as their .txt files do.

Each form changes only the container or the typing (encoding, Word paragraphs, page markup,
bracket and digit widths, line breaks), never a name, number or level, so the gold of
tests/other_provinces still holds and every table must score 1.000 again. Found so far by
such re-saving: lines of a PDF kept as Word paragraphs or <br> lines, a 　　 indent read as a
table's cell gap, full-width years heading a table's columns. html_cms_spans writes a page as a
CMS's editor does (a <span> every few characters, &ensp; indents, rows as <table>s).
docx_reviewed_draft keeps tracked changes, a field and comments (only what Word shows is read);
docx_tables_with_notes writes rows as Word tables whose labels cite footnotes (found: a note's line
split its row); html_hidden_notes hides notes with display:none and the hidden attribute (found: they were read).
"""
import csv
import html
from pathlib import Path

import pytest

from bioparse.build import build

HERE = Path(__file__).parent / "other_provinces"
_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";"})
_WIDE = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _docx(path: Path, text: str) -> None:
    import docx
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def _reviewed_paragraph(line: str, i: int) -> str:
    """A paragraph of a reviewed draft: its middle third inserted (w:ins) and in a HYPERLINK field, a
    deletion and a moved-away clause (not read), a comment on the last third."""
    a, b, c = line[:len(line) // 3], line[len(line) // 3:2 * len(line) // 3], line[2 * len(line) // 3:]
    return (f'<w:p {_W}>{_run(a)}<w:del w:id="{3 * i}" w:author="审核"><w:r><w:delText>到2030年达到900亿元</w:delText>'
            f'</w:r></w:del><w:ins w:id="{3 * i + 1}" w:author="审核"><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.gov.cn/2030" </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_run(b)}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:ins>'
            f'<w:moveFrom w:id="{3 * i + 2}" w:author="审核"><w:r><w:t>（市财政局负责）</w:t></w:r></w:moveFrom>'
            f'<w:commentRangeStart w:id="{i}"/>{_run(c)}<w:commentRangeEnd w:id="{i}"/>'
            f'<w:r><w:commentReference w:id="{i}"/></w:r></w:p>')


def _docx_reviewed(path: Path, text: str) -> None:
    import docx
    from docx.oxml import parse_xml
    document = docx.Document()
    body = document.element.body
    section = body[-1]
    for i, line in enumerate(text.split("\n")):
        section.addprevious(parse_xml(_reviewed_paragraph(line, i) if line.strip() else f"<w:p {_W}/>"))
    document.save(path)


def _docx_tables(path: Path, text: str) -> None:
    """Tab-separated lines as a Word table (w:tbl), its last row's label citing a footnote (产业规模①)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    document = docx.Document()
    lines, k, notes = text.split("\n"), 0, 0
    while k < len(lines):
        if "\t" not in lines[k]:
            document.add_paragraph(lines[k])
            k += 1
            continue
        rows = []
        while k < len(lines) and "\t" in lines[k]:
            rows.append(lines[k].split("\t"))
            k += 1
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        notes += 1
        table.cell(len(rows) - 1, 0).paragraphs[0]._p.append(parse_xml(
            f'<w:r {_W}><w:footnoteReference w:id="{notes}"/></w:r>'))
    body = "".join(f'<w:footnote w:id="{n}"><w:p>{_run("注：按统计部门现行口径核算。")}</w:p></w:footnote>'
                   for n in range(1, notes + 1))
    document.part.relate_to(Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument."
                                 "wordprocessingml.footnotes+xml", f"<w:footnotes {_W}>{body}</w:footnotes>".encode(),
                                 document.part.package), RT.FOOTNOTES)
    document.save(path)


def _hidden_notes(line: str) -> str:
    """A line with hidden drafting notes (display:none, the hidden attribute) a browser does not show."""
    half = len(line) // 2
    return (html.escape(line[:half]) + "<span style='display:none'>到2035年达到900亿元（市财政局负责）</span>"
            + html.escape(line[half:]) + "<span hidden>二、旧稿标题</span>")


def _page(body: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>政策文件</title></head><body><div class='nav'>首页 &gt; 政策文件"
            f"</div><div class='TRS_Editor'>{body}</div><div>【打印本页】【关闭窗口】</div></body></html>")


def _cms_line(line: str) -> str:
    """A line as a CMS's editor writes it: a table's row as a <table>, else a <p> indented by text-indent and
    &ensp; entities, its text in <span>s cut every few characters inside a <font>."""
    if "\t" in line:
        return "<table><tr>" + "".join(f"<td><p><span>{html.escape(c)}</span></p></td>" for c in line.split("\t")) + "</tr></table>"
    core = line.lstrip("\u3000 ")
    spans = "".join(f"<span style='font-family:仿宋'>{html.escape(core[k:k + 3])}</span>" for k in range(0, len(core), 3))
    return f"<p style='text-indent:2em'><font size='4'>{'&ensp;' * 4 if core != line else ''}{spans}</font></p>"


def _cms_page(text: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>政策文件_某某市人民政府门户网站</title></head><body>"
            "<div class='xxgk'><span>来源：市政府办公室</span><span>发布时间：2024-05-01 09:30</span></div><div id='zoom'>"
            + "\n".join(_cms_line(ln) if ln.strip() else "<p>&nbsp;</p>" for ln in text.split("\n")) + "</div></body></html>")


# form: (extension, how the text is written)
FORMS = {
    "gb18030": (".txt", lambda p, t: p.write_bytes(t.encode("gb18030"))),
    "docx_paragraph_a_line": (".docx", _docx),
    "html_p_a_line": (".html", lambda p, t: p.write_text(
        _page("".join(f"<p>{html.escape(ln)}</p>\n" for ln in t.split("\n") if ln.strip())), encoding="utf-8")),
    "html_br_lines": (".html", lambda p, t: p.write_text(
        _page("<p>" + "<br>\n".join(html.escape(ln) for ln in t.split("\n")) + "</p>"), encoding="utf-8")),
    "html_cms_spans": (".html", lambda p, t: p.write_text(_cms_page(t), encoding="utf-8")),
    "docx_reviewed_draft": (".docx", _docx_reviewed),
    "docx_tables_with_notes": (".docx", _docx_tables),
    "html_hidden_notes": (".html", lambda p, t: p.write_text(
        _page("".join(f"<p>{_hidden_notes(ln)}</p>\n" for ln in t.split("\n") if ln.strip())
              + "<div class='print' style='display:none'><p>一、打印版</p></div>"), encoding="utf-8")),
    "half_width_crlf": (".txt", lambda p, t: p.write_bytes(t.translate(_HALF).replace("\n", "\r\n").encode("utf-8"))),
    "full_width_digits": (".txt", lambda p, t: p.write_text(t.translate(_WIDE), encoding="utf-8")),
}


@pytest.fixture(scope="module")
def sources():
    """(manifest rows, their texts) of the .txt documents of tests/other_provinces, in UTF-8 or GB18030 (a GBK
    file read so is saved again as any other: found so, p10b_sh_gbk's <br> lines lost a 1.1 and a 3.2)."""
    rows = list(csv.DictReader((HERE / "raw" / "manifest.csv").open(encoding="utf-8")))
    out = []
    for row in rows:
        if not row["file"].endswith(".txt"):
            continue
        data = (HERE / "raw" / row["file"]).read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                out.append((row, data.decode(encoding).replace("\r\n", "\n")))
                break
            except UnicodeDecodeError:
                continue  # a UTF-16 file: a form of its own
    return out



@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_text_saved_in_another_form_scores_as_its_txt(form, sources, score, tmp_path):
    from conftest import saved_as

    raw, gold = saved_as(tmp_path, sources, *FORMS[form])
    assert len(sources) >= 50
    build(raw, tmp_path / "out", cache_dir=None, quiet=True)
    s = score(tmp_path / "out", gold)
    assert (s["structure"]["f1"], s["agencies"]["f1"], s["targets"]["f1"]) == (1.0, 1.0, 1.0)
