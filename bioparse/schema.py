"""The tables, declared once: column, dtype and meaning.

The same declarations validate the tables before they are written, order and type
their columns, and produce the data dictionary in ``datapackage.json``.
"""
from __future__ import annotations

import pandas as pd

from .errors import BioparseError

# dtype names are pandas dtypes; "string" is pandas' nullable string (not the pandas-3
# pyarrow default), "Int64" a nullable integer, "float64" a float (NaN for missing).
TABLES: dict[str, dict] = {
    "documents": {
        "description": "One row per source document, with its metadata and provenance.",
        "key": ["doc_id"],
        "columns": [
            ("doc_id", "string", "Document id (from the manifest, else the file stem)."),
            ("title", "string", "Plan title (manifest wins over the title read from the text)."),
            ("issuer", "string", "Issuing body; joint issuers separated by ';'."),
            ("doc_number", "string", "Document number such as 津政办规〔2025〕1号, if stated."),
            ("level", "string", "Administrative level: national, province, city or district."),
            ("region", "string", "Region the plan applies to."),
            ("date", "string", "Date of issue, ISO 8601 (YYYY-MM-DD), blank if unknown."),
            ("period", "string", "Comparison period, e.g. 2018 or 2024-2025."),
            ("plan_start", "Int64", "First year of the plan period, if stated."),
            ("plan_end", "Int64", "Last year of the plan period, if stated."),
            ("source_file", "string", "File name under data/raw/ (with its subfolder, as 湖北/plan.txt, for a file in one)."),
            ("format", "string", "txt, docx, doc, html, mht, pdf or ofd: how the file was read."),
            ("encoding", "string", "Detected text encoding of the source file."),
            ("sha256", "string", "SHA-256 of the source file's bytes."),
            ("n_chars", "Int64", "Characters of normalized text."),
            ("n_raw_chars", "Int64", "Characters of raw text as read from the file."),
            ("n_provisions", "Int64", "Number of provisions."),
            ("metadata_notes", "string", "Disagreements between manifest and text, if any."),
        ],
    },
    "provisions": {
        "description": "One row per heading or numbered unit; spans partition the normalized text.",
        "key": ["doc_id", "provision_id"],
        "columns": [
            ("doc_id", "string", "Document id."),
            ("provision_id", "string", "Path of heading numbers from the root, e.g. 2.3.1; 0 = preamble; annex1 = the first attachment."),
            ("parent_id", "string", "provision_id of the parent, blank at the top."),
            ("level", "string", "preamble, document, volume (第一篇, over chapters), chapter, division (第一节), part, action (行动一：, 专项行动一, 任务一：), article, section, item, subitem, subsubitem (①), point (一是) or annex (an attachment after the policy, kept whole)."),
            ("depth", "Int64", "Depth in the tree (1 = top-level heading, 0 = preamble)."),
            ("label", "string", "The numbering label as written, e.g. 一、 （十六） 1. 第三条 一是."),
            ("number", "Int64", "The label as an integer; empty for the 一是 points of a paragraph (the label says 一是)."),
            ("title", "string", "Heading text up to the first 。 (or the whole heading line)."),
            ("text", "string", "The provision's own text: its heading and body up to the next provision."),
            ("start", "Int64", "Start offset in the normalized text (data/processed/text/DOC.txt)."),
            ("end", "Int64", "End offset (exclusive) in the normalized text."),
            ("raw_start", "Int64", "Start offset in the raw text as read from the file."),
            ("raw_end", "Int64", "End offset (exclusive) in the raw text."),
        ],
    },
    "agencies": {
        "description": "One row per agency named as responsible for a provision.",
        "key": ["doc_id", "provision_id", "position"],
        "columns": [
            ("doc_id", "string", "Document id."),
            ("provision_id", "string", "Provision whose text holds the responsibility clause."),
            ("agency", "string", "Agency name as written."),
            ("agency_canonical", "string", "Today's name, from the crosswalk rows of the document's place (resources/agency_crosswalk.csv)."),
            ("position", "Int64", "Order of the agency in its clause, from 0."),
            ("role", "string", "lead, support or responsible."),
            ("style", "string", "Form of the clause, e.g. 责任单位, 按职责分工负责, 牵头配合."),
            ("start", "Int64", "Start offset of the name in the normalized text."),
            ("end", "Int64", "End offset of the name in the normalized text."),
        ],
    },
    "targets": {
        "description": "One row per quantitative goal, limit or amount.",
        "key": ["doc_id", "start"],
        "columns": [
            ("doc_id", "string", "Document id."),
            ("provision_id", "string", "Provision whose text holds the target."),
            ("text", "string", "The target as written (number, unit, qualifier)."),
            ("start", "Int64", "Start offset in the normalized text."),
            ("end", "Int64", "End offset in the normalized text."),
            ("value", "float64", "The number (lower bound of a range)."),
            ("value_high", "float64", "Upper bound of a range, else missing."),
            ("unit", "string", "Unit as written (个 dropped before a unit noun)."),
            ("value_norm", "float64", "Value in unit_norm: money in 亿元, durations in days, shares as fractions."),
            ("unit_norm", "string", "亿元, 天, 工作日, share, or the unit."),
            ("qualifier", "string", "达到, 超过, 突破, 以内, 以上, 最高, 左右, 力争, 不低于 …"),
            ("year", "Int64", "Target year when the paragraph states 到20XX年, else missing."),
            ("kind", "string", "output, count, time_limit, funding, share, area, people or other."),
            ("status", "string", "goal, or baseline for a current-state figure (under 发展现状 …, or in a sentence reporting a year before the document's: 2024年，全区实现…)."),
        ],
    },
    "codes": {
        "description": "One row per code given to a provision, with the terms that matched.",
        "key": ["doc_id", "provision_id", "scheme", "code"],
        "columns": [
            ("doc_id", "string", "Document id."),
            ("provision_id", "string", "Provision coded."),
            ("scheme", "string", "theme, instrument or stage."),
            ("code", "string", "Code id from the codebook."),
            ("evidence", "string", "Codebook terms found in the provision, joined by ；."),
            ("n_hits", "Int64", "Number of term occurrences found."),
        ],
    },
    "terms": {
        "description": "One row per term (segmented word, stopwords removed) in a provision.",
        "key": ["doc_id", "provision_id", "term"],
        "columns": [
            ("doc_id", "string", "Document id."),
            ("provision_id", "string", "Provision."),
            ("term", "string", "The term."),
            ("count", "Int64", "Occurrences in the provision."),
        ],
    },
}


def columns(table: str) -> list[str]:
    """Column names of a table, in order."""
    return [c for c, _, _ in TABLES[table]["columns"]]


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    return conform(pd.DataFrame(columns=columns(table)), table)


def _as_string(col: pd.Series) -> pd.Series:
    """A column as pandas' string dtype: missing values become "", anything else str()."""
    if col.dtype == object and pd.api.types.infer_dtype(col, skipna=False) == "string":
        return col.astype("string")  # already all str (the usual case): one pass, not four
    return col.astype("object").where(col.notna(), "").astype(str).astype("string")


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Order, type and sort a table's columns; raise if a declared column is missing."""
    spec = TABLES[table]
    missing = [c for c in columns(table) if c not in df.columns]
    if missing:
        raise BioparseError(table, f"table is missing columns {missing}", "this is a bug in bioparse; please report it")
    out = pd.DataFrame(index=df.index)
    for name, dtype, _ in spec["columns"]:
        col = df[name]
        if dtype == "string":
            col = _as_string(col)
        elif dtype == "Int64":
            col = pd.to_numeric(col, errors="raise").astype("Int64")
        else:
            col = pd.to_numeric(col, errors="raise").astype(dtype)
        out[name] = col
    validate(out, table)
    return out.reset_index(drop=True)


def validate(df: pd.DataFrame, table: str) -> None:
    """Check that a table's key is unique; a duplicate key is a bug, not bad input."""
    key = TABLES[table]["key"]
    dup = df.duplicated(subset=key, keep=False)
    if dup.any():
        rows = df.loc[dup, key].head(5).to_dict("records")
        raise BioparseError(table, f"duplicate keys {key}: {rows}", "this is a bug in bioparse; please report it")


def register(name: str, description: str, key: list[str], cols: list[tuple[str, str, str]]) -> None:
    """Declare an extra table (codes-derived tables such as reuse or pmc) in one place."""
    TABLES[name] = {"description": description, "key": key, "columns": cols}


def datapackage(tables: list[str], fmt: str = "csv") -> dict:
    """A Frictionless-style datapackage.json descriptor for the written tables."""
    types = {"string": "string", "Int64": "integer", "float64": "number"}
    resources = []
    for t in tables:
        spec = TABLES[t]
        resources.append({
            "name": t,
            "path": f"{t}.{fmt}",
            "format": fmt,
            "encoding": "utf-8",
            "description": spec["description"],
            "schema": {
                "fields": [{"name": c, "type": types[d], "description": m} for c, d, m in spec["columns"]],
                "primaryKey": spec["key"],
            },
        })
    return {"name": "bioparse-tables", "profile": "tabular-data-package", "resources": resources}
