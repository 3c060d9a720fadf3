"""Execute the analysis notebooks into self-contained HTML reports, with an index page.

`build_reports` runs each notebooks/*.ipynb (sorted) in a fresh python3 kernel of the
current environment, writes reports/<name>.html with figures embedded as PNG, and an
index.html linking them. A failing notebook is reported by name and cell; the others
are still built. `python -m bioparse.report` (or `bioparse report`) is the command line.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import BioparseError

__all__ = ["build_reports", "corpus_subtitle", "execute_notebook", "notebook_summary", "write_index",
           "ReportError", "NotebookFailure", "main"]


class ReportError(BioparseError):
    """One or more notebooks failed to execute; `failures` lists them, `written` the reports."""

    def __init__(self, path, problem: str, fix: str = "", failures=(), written=()):
        super().__init__(path, problem, fix)
        self.failures = list(failures)
        self.written = list(written)


@dataclass
class NotebookFailure:
    """Where and why a notebook stopped: the notebook, the cell (1-based, all cells) and the error."""
    notebook: Path
    cell_number: int | None
    cell_id: str
    source_line: str
    error: str

    def __str__(self) -> str:
        where = f"cell {self.cell_number}" if self.cell_number else "before any cell ran"
        if self.cell_id:
            where += f" (id {self.cell_id})"
        src = f" `{self.source_line}`" if self.source_line else ""
        return f"{self.notebook.name}: {where}{src} failed: {self.error}"


def _kernel_manager():
    """A kernel manager for ipykernel's built-in python3 spec in *this* interpreter.

    No kernel directories are searched, so a user-installed 'python3' kernelspec pointing
    at another Python cannot hijack the run; jupyter_client then falls back to ipykernel's
    own spec, which launches sys.executable.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    ksm = KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True)
    return AsyncKernelManager(kernel_name="python3", kernel_spec_manager=ksm)


def _kernel_env() -> dict[str, str]:
    """The kernel's environment: ours, with inline figures and a fixed hash seed (stable output)."""
    env = dict(os.environ)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"  # a CI's MPLBACKEND=Agg would hide figures
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # silences a debugger warning on stderr
    return env


def execute_notebook(path, timeout: int = 600):
    """Run one notebook in its own folder; returns (executed notebook, NotebookFailure or None).

    The notebook is executed up to the first failing cell, whose traceback stays in its outputs.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    state = {"index": None}

    def on_cell_execute(cell, cell_index, **_):
        state["index"] = cell_index

    client = NotebookClient(nb, km=_kernel_manager(), timeout=timeout, kernel_name="python3",
                            extra_arguments=["--log-level=ERROR"],  # no TCP-encryption banner
                            record_timing=False, on_cell_execute=on_cell_execute,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    try:
        client.execute(env=_kernel_env())
    except Exception as exc:  # CellExecutionError, CellTimeoutError, DeadKernelError, ...
        return nb, _failure(path, nb, state["index"], exc)
    return nb, None


def _failure(path: Path, nb, index, exc: Exception) -> NotebookFailure:
    """Describe where a notebook failed from the cell that was running and the exception."""
    ename, evalue = getattr(exc, "ename", ""), getattr(exc, "evalue", "")
    error = f"{ename}: {evalue}" if ename else (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
    if not ename and type(exc).__name__ not in error:
        error = f"{type(exc).__name__}: {error}"
    if index is None:
        return NotebookFailure(path, None, "", "", error)
    cell = nb.cells[index]
    first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
    if len(first) > 80:
        first = first[:77] + "..."
    return NotebookFailure(path, index + 1, str(cell.get("id", "")), first, error)


def export_html(nb, title: str) -> str:
    """HTML of an executed notebook, every image embedded (outputs are inline PNG data URIs)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


def notebook_summary(nb) -> tuple[str, str]:
    """(title, description): the first markdown heading, and the first paragraph after it
    (else the first paragraph at all), each on one line."""
    blocks: list[tuple[str, str]] = []  # ("heading" | "para", text), in reading order
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        para: list[str] = []
        for line in cell.source.splitlines() + [""]:
            m = _HEADING.match(line)
            if (m or not line.strip()) and para:
                blocks.append(("para", " ".join(para)))
                para = []
            if m:
                blocks.append(("heading", m.group(1)))
            elif line.strip():
                para.append(line.strip())
    heads = [i for i, (kind, _) in enumerate(blocks) if kind == "heading"]
    title = blocks[heads[0]][1] if heads else ""
    paras = [(i, t) for i, (kind, t) in enumerate(blocks) if kind == "para"]
    after = [t for i, t in paras if heads and i > heads[0]]
    description = (after or [t for _, t in paras] or [""])[0]
    return title, description


def _report_name(notebook: Path, position: int) -> str:
    """reports/NN_name.html: the notebook's own name when it starts with a number, else numbered."""
    stem = notebook.stem
    return f"{stem}.html" if re.match(r"^\d+[_-]", stem) else f"{position:02d}_{stem}.html"


_INDEX_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"Helvetica Neue",Arial,sans-serif;max-width:860px;margin:2.5em auto;padding:0 1em;color:#222;line-height:1.55}
h1{font-size:1.6em;margin-bottom:.2em}.sub{color:#666;margin-top:0}
ol{padding-left:1.4em}li{margin:1em 0}a{color:#0072B2;font-weight:600;text-decoration:none}
a:hover{text-decoration:underline}.desc{color:#444;margin:.25em 0 0}
.failed{color:#D55E00;font-weight:600}footer{margin-top:3em;color:#888;font-size:.85em}
"""


def corpus_subtitle(documents) -> str:
    """The index page's subtitle, from the documents table: its regions and years.

    天津市, 滨海新区 and 蓟州区 plans of 2018 and 2024–2025 give "Biomedical-industry policy of
    天津市, 滨海新区, 蓟州区, 2018–2025 (5 documents): executed analysis notebooks
    (天津市、滨海新区、蓟州区生物医药产业政策分析报告)". No table (None or empty): no regions or years.
    """
    tail = "executed analysis notebooks"
    if documents is None or len(documents) == 0:
        return f"Biomedical-industry policy: {tail} (生物医药产业政策分析报告)"
    docs = documents.copy()
    rank = {"province": 0, "city": 1, "district": 2, "county": 2}
    docs["_rank"] = docs["level"].map(rank).fillna(3) if "level" in docs else 3
    regions = []
    for r in docs.sort_values("_rank", kind="stable").get("region", []):
        r = str(r or "").strip()
        if r and r != "nan" and r not in regions:
            regions.append(r)
    years = set()
    for col in ("date", "period"):  # the years the documents were issued, not their plans' horizons
        for v in docs.get(col, []):
            years |= {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", str(v or ""))}
    shown = regions[:6] + ([f"{len(regions) - 6} more"] if len(regions) > 6 else [])
    where = f" of {', '.join(shown)}" if shown else ""
    when = (f", {min(years)}" + (f"–{max(years)}" if max(years) > min(years) else "")) if years else ""
    n = len(docs)
    zh = "、".join(regions[:6]) + ("等" if len(regions) > 6 else "")
    return (f"Biomedical-industry policy{where}{when} ({n} document{'s' if n != 1 else ''}): {tail} "
            f"({zh}生物医药产业政策分析报告)")


def read_documents(processed):
    """The documents table in ``processed`` (parquet, else CSV); None when there is none."""
    import pandas as pd

    processed = Path(processed)
    try:
        if (processed / "documents.parquet").exists():
            return pd.read_parquet(processed / "documents.parquet")
        if (processed / "documents.csv").exists():
            return pd.read_csv(processed / "documents.csv", dtype=str, keep_default_na=False)
    except Exception:  # an unreadable table only costs the subtitle its regions and years
        return None
    return None


def write_index(entries: list[dict], reports_dir, version: str = __version__,
                subtitle: str | None = None) -> Path:
    """Write reports/index.html linking each report with its title and description (no timestamp).

    ``subtitle`` (see corpus_subtitle) says which corpus the reports analyse.
    """
    subtitle = corpus_subtitle(None) if subtitle is None else subtitle
    items = []
    for e in entries:
        status = (f' <span class="failed">— failed at {html.escape(e["failure"])}</span>'
                  if e.get("failure") else "")
        items.append(f'<li><a href="{html.escape(e["file"])}">{html.escape(e["title"])}</a>{status}'
                     f'<p class="desc">{html.escape(e["description"])}</p></li>')
    page = ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>bioparse reports</title>\n<style>" + _INDEX_CSS + "</style>\n</head>\n<body>\n"
            "<h1>bioparse reports</h1>\n"
            f"<p class=\"sub\">{html.escape(subtitle)}</p>\n<ol>\n" + "\n".join(items) + "\n</ol>\n"
            f"<footer>Built with bioparse {html.escape(version)} from notebooks/*.ipynb "
            "by <code>bioparse report</code>.</footer>\n</body>\n</html>\n")
    path = Path(reports_dir) / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def build_reports(notebooks_dir="notebooks", reports_dir="reports", timeout: int = 600,
                  processed=None) -> list[Path]:
    """Execute notebooks_dir/*.ipynb in sorted order into reports_dir/*.html plus index.html.

    The index's subtitle names the regions and years of ``processed``'s documents table
    (default: the notebooks' own, notebooks_dir/../data/processed).

    Returns the written paths (index last). When a notebook fails, its report (with the
    traceback) and all others are still written, then ReportError names each failed cell.
    """
    import nbformat

    notebooks_dir, reports_dir = Path(notebooks_dir), Path(reports_dir)
    notebooks = sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith((".", "_")))
    if not notebooks:
        raise ReportError(notebooks_dir, "no notebooks (*.ipynb) found",
                          "pass the folder holding the analysis notebooks with --notebooks")
    reports_dir.mkdir(parents=True, exist_ok=True)
    written, entries, failures = [], [], []
    for i, path in enumerate(notebooks, 1):
        _log(f"[{i}/{len(notebooks)}] {path.name} ...")
        t0 = time.monotonic()
        try:
            nb, failure = execute_notebook(path, timeout=timeout)
        except nbformat.reader.NotJSONError as exc:
            nb, failure = None, NotebookFailure(path, None, "", "", f"not a notebook: {exc}")
        except Exception as exc:  # unreadable file, kernel cannot start
            nb, failure = None, NotebookFailure(path, None, "", "", f"{type(exc).__name__}: {exc}")
        name = _report_name(path, i)
        title, description = notebook_summary(nb) if nb is not None else ("", "")
        title = title or path.stem
        if nb is not None:
            out = reports_dir / name
            out.write_text(export_html(nb, title), encoding="utf-8")
            written.append(out)
        entry = {"file": name, "title": title, "description": description, "failure": ""}
        if failure:
            failures.append(failure)
            entry["failure"] = f"cell {failure.cell_number}" if failure.cell_number else "start"
            _log(f"    FAILED {failure}")
        else:
            _log(f"    ok: {name} ({time.monotonic() - t0:.1f} s)")
        entries.append(entry)
    processed = notebooks_dir.parent / "data" / "processed" if processed is None else processed
    written.append(write_index(entries, reports_dir, subtitle=corpus_subtitle(read_documents(processed))))
    if failures:
        raise ReportError(notebooks_dir, f"{len(failures)} of {len(notebooks)} notebooks failed:\n  "
                          + "\n  ".join(map(str, failures)),
                          "fix the named cell (its traceback is in the notebook's report) "
                          "and run bioparse report again", failures=failures, written=written)
    return written


def main(argv=None) -> int:
    """Command line: build the reports; exit 0 when every notebook ran, 1 otherwise."""
    ap = argparse.ArgumentParser(
        prog="python -m bioparse.report",
        description="Execute the notebooks (*.ipynb, in name order) into self-contained HTML reports "
                    "and an index.html linking them. A notebook that fails is named with its cell; "
                    "the others are still built, and the exit status is 1.")
    ap.add_argument("--notebooks", default="notebooks", help="folder of *.ipynb (default notebooks)")
    ap.add_argument("--reports", default="reports", help="output folder (default reports)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = ap.parse_args(argv)
    try:
        paths = build_reports(args.notebooks, args.reports, timeout=args.timeout)
    except ReportError as exc:
        _log(f"error: {exc}")
        return 1
    _log(f"wrote {len(paths)} files; open {paths[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
