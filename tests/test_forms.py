"""The other-province texts saved again in the forms real files take score as their .txt files do.

Each form changes only the container or the typing (encoding, Word paragraphs, page markup,
bracket and digit widths, line breaks), never a name, number or level, so the gold of
tests/other_provinces still holds and every table must score 1.000 again. Found so far by
such re-saving: lines of a PDF kept as Word paragraphs or <br> lines, a 　　 indent read as a
table's cell gap, full-width years heading a table's columns. html_cms_spans writes a page as a
CMS's editor does (a <span> every few characters, &ensp; indents, rows as <table>s).
"""
import csv
import html
import importlib.util
import shutil
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
    "half_width_crlf": (".txt", lambda p, t: p.write_bytes(t.translate(_HALF).replace("\n", "\r\n").encode("utf-8"))),
    "full_width_digits": (".txt", lambda p, t: p.write_text(t.translate(_WIDE), encoding="utf-8")),
}


@pytest.fixture(scope="module")
def sources():
    """(manifest rows, their texts) of the UTF-8 .txt documents of tests/other_provinces."""
    rows = list(csv.DictReader((HERE / "raw" / "manifest.csv").open(encoding="utf-8")))
    out = []
    for row in rows:
        if not row["file"].endswith(".txt"):
            continue
        try:
            text = (HERE / "raw" / row["file"]).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue  # already a GBK file: a form of its own
        out.append((row, text))
    return out


@pytest.fixture(scope="module")
def score():
    from conftest import SHARED
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_text_saved_in_another_form_scores_as_its_txt(form, sources, score, tmp_path):
    extension, write = FORMS[form]
    raw, gold = tmp_path / "raw", tmp_path / "gold"
    raw.mkdir()
    gold.mkdir()
    rows = []
    for row, text in sources:
        name = Path(row["file"]).stem + extension
        write(raw / name, text)
        rows.append({**row, "file": name})
        shutil.copy(HERE / "gold" / f"{row['doc_id']}.json", gold)
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert len(rows) >= 50
    build(raw, tmp_path / "out", cache_dir=None, quiet=True)
    s = score(tmp_path / "out", gold)
    assert (s["structure"]["f1"], s["agencies"]["f1"], s["targets"]["f1"]) == (1.0, 1.0, 1.0)
