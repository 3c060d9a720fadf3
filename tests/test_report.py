"""Notebooks execute into HTML reports with embedded figures, an index, and clear failures."""
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from bioparse import __version__, report

PLOT_CELL = """\
import sys
import matplotlib.pyplot as plt
print("中文输出", sys.executable)
fig, ax = plt.subplots(figsize=(2, 1.5))
ax.plot([1, 2, 3], [2, 1, 3])
plt.show()
"""


def _write(path, cells):
    nb = new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    nb.cells = cells
    nbformat.write(nb, path)


@pytest.fixture
def notebooks(tmp_path):
    d = tmp_path / "notebooks"
    d.mkdir()
    _write(d / "01_alpha.ipynb", [
        new_markdown_cell("# 第一份报告 Alpha\n\nThe first <report> paragraph,\nover two lines.\n\nSecond paragraph."),
        new_code_cell(PLOT_CELL)])
    _write(d / "02_beta.ipynb", [
        new_markdown_cell("Intro before the heading.\n\n## Beta report"),
        new_code_cell("from pathlib import Path\nprint(Path('data.txt').read_text())")])
    (d / "data.txt").write_text("read from the notebook's own folder", encoding="utf-8")
    return d


def test_build_reports_writes_html_and_index(notebooks, tmp_path, monkeypatch):
    # A 'python3' kernelspec for some other Python, first on the Jupyter path, must not be used
    # (plain nbclient would try to launch /nonexistent/python).
    user = tmp_path / "jupyter_user" / "kernels" / "python3"
    user.mkdir(parents=True)
    (user / "kernel.json").write_text('{"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", '
                                      '"-f", "{connection_file}"], "display_name": "other", '
                                      '"language": "python"}', encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter_user"))
    monkeypatch.setenv("MPLBACKEND", "Agg")  # as on CI: must not hide the inline figures
    out = tmp_path / "reports"
    paths = report.build_reports(notebooks, out, timeout=60)
    assert [p.name for p in paths] == ["01_alpha.html", "02_beta.html", "index.html"]
    alpha = (out / "01_alpha.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in alpha
    assert "中文输出" in alpha
    assert sys.executable in alpha  # the kernel is this environment's Python
    assert "read from the notebook&#39;s own folder" in (out / "02_beta.html").read_text(encoding="utf-8") \
        or "read from the notebook's own folder" in (out / "02_beta.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01_alpha.html"' in index and 'href="02_beta.html"' in index
    assert "第一份报告 Alpha" in index and "Beta report" in index
    assert "The first &lt;report&gt; paragraph, over two lines." in index
    assert "Second paragraph" not in index
    assert f"bioparse {__version__}" in index
    first = index
    report.write_index([{"file": "01_alpha.html", "title": "第一份报告 Alpha",
                         "description": "The first <report> paragraph, over two lines.",
                         "failure": ""},
                        {"file": "02_beta.html", "title": "Beta report",
                         "description": "Intro before the heading.", "failure": ""}], out)
    assert (out / "index.html").read_text(encoding="utf-8") == first  # no timestamp: byte-stable
    again = report.build_reports(notebooks, tmp_path / "again", timeout=60)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]


def test_failing_notebook_names_the_cell_and_others_still_build(notebooks, tmp_path):
    _write(notebooks / "03_broken.ipynb", [
        new_markdown_cell("# Broken"),
        new_code_cell("x = 1"),
        new_code_cell("y = 1 / 0  # the bad cell")])
    out = tmp_path / "reports"
    with pytest.raises(report.ReportError) as info:
        report.build_reports(notebooks, out, timeout=60)
    msg = str(info.value)
    assert "03_broken.ipynb" in msg and "cell 3" in msg and "ZeroDivisionError" in msg
    assert "y = 1 / 0" in msg
    assert "01_alpha" not in msg
    assert [f.notebook.name for f in info.value.failures] == ["03_broken.ipynb"]
    for name in ("01_alpha.html", "02_beta.html", "03_broken.html", "index.html"):
        assert (out / name).is_file(), name
    assert "ZeroDivisionError" in (out / "03_broken.html").read_text(encoding="utf-8")
    assert "failed at cell 3" in (out / "index.html").read_text(encoding="utf-8")
    assert report.main(["--notebooks", str(notebooks), "--reports", str(out), "--timeout", "60"]) == 1


def test_no_notebooks_is_a_clear_error(tmp_path):
    with pytest.raises(report.ReportError, match="no notebooks"):
        report.build_reports(tmp_path, tmp_path / "reports")


def test_notebook_summary_skips_code_and_later_headings():
    nb = new_notebook(cells=[new_code_cell("# not a heading"),
                             new_markdown_cell("# Title\n## Sub\nLine one\nline two\n\nmore")])
    assert report.notebook_summary(nb) == ("Title", "Line one line two")


def test_command_line_help_speaks_to_the_user(capsys):
    """--help describes what the command does, not the Python function's return value."""
    from bioparse import report

    with pytest.raises(SystemExit):
        report.main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Returns" not in out and "reports_dir" not in out
    assert "index.html" in out and "exit status is 1" in out


def test_bioparse_report_takes_the_timeout_of_python_m_bioparse_report(monkeypatch):
    from bioparse import cli

    seen = []
    monkeypatch.setattr(report, "main", lambda argv: seen.append(argv) or 0)
    assert cli.main(["report", "--notebooks", "nb", "--reports", "out", "--timeout", "60"]) == 0
    assert seen == [["--notebooks", "nb", "--reports", "out", "--timeout", "60"]]
    cli.main(["report"])
    assert seen[-1][-2:] == ["--timeout", "600"]  # the same default as python -m bioparse.report


def test_inspect_shows_what_a_target_reads_as(tmp_path, capsys):
    """A table's cell reads 1500 alone; inspect shows the 亿元 and 2027 its row and head give it, and a range its
    high end, so that a researcher checking a document sees the row bioparse wrote, not only the text."""
    from bioparse import cli

    path = tmp_path / "plan.txt"
    path.write_text("某市行动方案\n一、发展目标\n到2027年，新增企业10—20家。主要指标如下：\n"
                    "主要指标\t单位\t2024年\t2027年\n产业规模\t亿元\t900\t1500\n", encoding="utf-8")
    assert cli.main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "目标: 1500  (1500亿元, 2027, output, goal)" in out
    assert "目标: 900  (900亿元, 2024, output, baseline)" in out
    assert "目标: 10—20家  (10–20家, 2027, count, goal)" in out


@pytest.mark.parametrize("command, options", [
    ("report", ["--notebooks", "--reports", "--timeout"]),
    ("kappa", ["--validation", "--processed"]),
    ("inspect", ["file"]),
])
def test_every_cli_option_has_help_text(capsys, command, options):
    """Each option's line in --help says what it is, not only its name."""
    import re

    from bioparse import cli

    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    out = capsys.readouterr().out
    for opt in options:
        # the option's help follows its name (and metavar) on its line or the next
        m = re.search(rf"^[ ]+{re.escape(opt)}(?: [A-Z_]+)?(?:[ ]+(\S.*))?\n([ ]{{10,}}(\S.*))?", out, re.M)
        assert m and (m.group(1) or m.group(3)), f"{command} {opt} has no help text:\n{out}"


def test_index_subtitle_is_the_corpus_of_the_documents_table(tmp_path, notebooks):
    import pandas as pd

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "level": ["district", "city", "city"],
                         "region": ["浦东新区", "上海市", "上海市"],
                         "date": ["2021-05-01", "2019-01-02", ""], "period": ["", "", "2023"]})
    sub = report.corpus_subtitle(docs)
    assert sub.startswith("Biomedical-industry policy of 上海市, 浦东新区, 2019–2023 (3 documents)")
    assert "Tianjin" not in sub and "天津" not in sub
    assert "Tianjin" not in report.corpus_subtitle(None)
    processed = tmp_path / "data" / "processed"
    processed.mkdir(parents=True)
    docs.to_csv(processed / "documents.csv", index=False)
    paths = report.build_reports(notebooks, tmp_path / "out", timeout=60)
    index = paths[-1].read_text(encoding="utf-8")
    assert "上海市, 浦东新区, 2019–2023" in index and "Tianjin" not in index
