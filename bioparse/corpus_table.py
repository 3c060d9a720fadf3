"""A crawled corpus kept as one table (a CSV, one policy a row, its text in one column) split into a folder.

Scrapers and shared datasets hand policies over as a CSV: 标题, 发文机关, 发布日期, 正文 … in columns.
``split_table`` writes each row's text as ``<doc_id>.txt`` and a ``manifest.csv`` naming the files
with the row's title, issuer, document number, date, region and URL, so that ``bioparse build``
reads the folder as any other (as readtext's ``text_field`` does in R). Rows without text are
listed, not dropped silently.
"""
from __future__ import annotations

import csv
import io as _stdio
from pathlib import Path

from .errors import ManifestError
from .io import MANIFEST_COLUMNS, csv_text, iso_date, sanitize_id

# header names that hold each field, compared lower-cased with blanks removed; the text column is also
# found as the column of the longest cells when its name is none of these
COLUMN_NAMES = {
    "text": ("text", "content", "body", "fulltext", "full_text", "正文", "内容", "全文", "文本", "政策内容", "政策原文"),
    "doc_id": ("doc_id", "id", "编号", "序号"),
    "title": ("title", "标题", "文件名称", "政策名称", "名称", "题目"),
    "issuer": ("issuer", "发文机关", "发文单位", "发布机构", "发布机关", "发文机构", "制发机关"),
    "doc_number": ("doc_number", "文号", "发文字号", "发文号"),
    "date": ("date", "成文日期", "发文日期", "印发日期", "发布日期", "发布时间", "日期"),
    "region": ("region", "地区", "省份", "城市", "地域"),
    "level": ("level", "层级", "行政级别"),
    "url": ("url", "link", "链接", "网址", "原文链接", "来源链接"),
}
_MIN_TEXT = 100  # mean characters a column's cells need to be taken for the texts without a name saying so


def split_table(table, out_dir, text_column: str | None = None, id_column: str | None = None) -> dict:
    """Write each row of ``table`` (a CSV in any encoding Excel saves) as ``out_dir/<doc_id>.txt`` and a
    manifest.csv naming them; returns {"written": n, "skipped": [row numbers without text], "text_column": name}.

    ``text_column`` and ``id_column`` name the columns when their headers say nothing (COLUMN_NAMES);
    without an id column a row is ``<table name>_<row number>``. Raises ManifestError naming the table and
    the fix when it cannot be read, no column holds texts, or out_dir already has a manifest.
    """
    table, out_dir = Path(table), Path(out_dir)
    rows, header = _read_rows(table)
    columns = _columns(table, header, rows, text_column, id_column)
    if (out_dir / "manifest.csv").exists():
        raise ManifestError(out_dir / "manifest.csv", "the folder has a manifest already, which would be overwritten",
                            "split the table into a new, empty folder (--out)")
    out_dir.mkdir(parents=True, exist_ok=True)
    fields = [f for f in ("doc_id", "file", *MANIFEST_COLUMNS[2:], "doc_number", "url") if f in columns or f in ("doc_id", "file")]
    manifest, skipped, used = [], [], set()
    for n, row in enumerate(rows, start=2):  # row 1 is the header
        text = row.get(columns["text"], "").strip()
        if not text:
            skipped.append(n)
            continue
        given = row.get(columns["doc_id"], "").strip() if "doc_id" in columns else ""
        doc_id = _unique(sanitize_id(given) if given else f"{sanitize_id(table.stem)}_{n:05d}", used)
        (out_dir / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
        entry = {"doc_id": doc_id, "file": f"{doc_id}.txt"}
        for field in fields[2:]:
            value = row.get(columns[field], "").strip()
            entry[field] = (iso_date(value.split()[0]) or value) if field == "date" and value else value  # 2024-05-10 10:15
        manifest.append(entry)
    with (out_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(manifest)
    return {"written": len(manifest), "skipped": skipped, "text_column": columns["text"]}


def _read_rows(table: Path) -> tuple[list[dict], list[str]]:
    """The table's rows as {header: cell} and its header, decoded as decode_bytes finds (UTF-8, a BOM, GBK)."""
    if not table.is_file():
        raise ManifestError(table, "no such file", "check the path of the table")
    text = csv_text(table, "split that")
    csv.field_size_limit(1 << 30)  # a policy's text is one cell of up to some hundred thousand characters
    reader = csv.DictReader(_stdio.StringIO(text))
    header = [h for h in (reader.fieldnames or []) if h is not None]
    if not header:
        raise ManifestError(table, "the table has no header row", "put the column names (标题, 正文 …) in its first row")
    return [{k: v or "" for k, v in row.items() if k is not None} for row in reader], header


def _columns(table: Path, header: list[str], rows: list[dict], text_column, id_column) -> dict[str, str]:
    """{field: the header of its column} for the fields the table has; "text" always (else ManifestError)."""
    named = {h.strip().lower().replace(" ", ""): h for h in header}
    columns = {}
    for field, names in COLUMN_NAMES.items():
        found = next((named[n] for n in names if n in named), None)
        if found is not None:
            columns[field] = found
    for field, given in (("text", text_column), ("doc_id", id_column)):
        if given is not None:
            if given not in header:
                raise ManifestError(table, f"there is no column '{given}' (found: {', '.join(header)})",
                                    "give a column name as the table's header row writes it")
            columns[field] = given
    if "text" not in columns:
        means = {h: sum(len(r.get(h, "")) for r in rows) / max(len(rows), 1) for h in header}
        longest = max(means, key=means.get) if means else None
        if longest is None or means[longest] < _MIN_TEXT:
            raise ManifestError(table, f"no column holds the policies' texts (found: {', '.join(header)})",
                                "name the column of texts with --text-column")
        columns["text"] = longest
    return columns


def _unique(doc_id: str, used: set[str]) -> str:
    """doc_id, or doc_id_2, _3 … when an earlier row took it."""
    out, k = doc_id, 2
    while out in used:
        out, k = f"{doc_id}_{k}", k + 1
    used.add(out)
    return out
