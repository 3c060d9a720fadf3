"""Write tables to data/processed/ as CSV and Parquet, streaming and byte-stable.

Rows arrive document by document in doc_id order; each batch is typed by the schema
(bioparse.schema) and appended to both files, so memory stays flat however large the
corpus is, and the same input always gives the same bytes.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import schema

_ARROW = {"string": pa.string(), "Int64": pa.int64(), "float64": pa.float64()}


def arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of a table, from its declaration (no pandas metadata)."""
    return pa.schema([(c, _ARROW[d]) for c, d, _ in schema.TABLES[table]["columns"]])


def format_value(v, dtype: str) -> str:
    """A cell as CSV text: blanks for missing, integers without .0, floats in %.10g."""
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    if dtype == "float64":
        return format(float(v), ".10g")
    return str(v)


def _csv_cells(col: pd.Series, dtype: str) -> list[str]:
    """One conformed column as CSV text, as format_value writes each cell."""
    if dtype == "string":  # conform has already turned missing strings into ""
        return col.tolist()
    values = col.astype(object).tolist()
    if dtype == "float64":
        return ["" if v != v else format(v, ".10g") for v in values]
    return ["" if v is pd.NA else str(v) for v in values]


class TableWriter:
    """Appends typed batches of one table to ``NAME.csv`` and ``NAME.parquet``."""

    def __init__(self, outdir: Path, table: str):
        self.table = table
        self.dtypes = [d for _, d, _ in schema.TABLES[table]["columns"]]
        self.schema = arrow_schema(table)
        self.n_rows = 0
        # Write beside the final files and rename on close, so a reader (a notebook running
        # while a build is under way) never sees a half-written table.
        self._final = [outdir / f"{table}.csv", outdir / f"{table}.parquet"]
        self._tmp = [p.with_name(f".{p.name}.part") for p in self._final]
        self._csv_file = self._tmp[0].open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._csv.writerow(schema.columns(table))
        self._parquet = pq.ParquetWriter(self._tmp[1], self.schema,
                                         compression="zstd", write_statistics=True)

    def write(self, rows: list[dict] | pd.DataFrame) -> None:
        """Type, validate and append a batch of rows."""
        if not isinstance(rows, pd.DataFrame):
            if not rows:
                return
            # Column lists are much cheaper for pandas than a list of dicts; conform()
            # still reports a declared column that the rows lack.
            first = rows[0]
            rows = pd.DataFrame({c: [r.get(c) for r in rows] for c in schema.columns(self.table) if c in first})
        df = rows
        if df.empty:
            return
        df = schema.conform(df, self.table)
        # Column by column, not cell by cell: a build writes millions of cells.
        self._csv.writerows(zip(*(_csv_cells(df[c], d) for c, d in zip(df.columns, self.dtypes))))
        arrays = [pa.array(df[c], type=t, from_pandas=True) for c, t in zip(df.columns, self.schema.types)]
        self._parquet.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.n_rows += len(df)

    def close(self) -> None:
        self._csv_file.close()
        self._parquet.close()
        for tmp, final in zip(self._tmp, self._final):
            tmp.replace(final)


def write_datapackage(outdir: Path, tables: list[str]) -> Path:
    """Write datapackage.json describing every table written (CSV resources)."""
    path = outdir / "datapackage.json"
    path.write_text(json.dumps(schema.datapackage(tables), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


def load_tables(processed_dir: str | Path = "data/processed", names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read the processed tables (Parquet) into DataFrames keyed by table name."""
    processed_dir = Path(processed_dir)
    names = names or [p.stem for p in sorted(processed_dir.glob("*.parquet"))]
    out = {}
    for n in names:
        p = processed_dir / f"{n}.parquet"
        if not p.exists():
            raise FileNotFoundError(f"{p} is missing: run `make report` (or `bioparse build`) first")
        out[n] = pd.read_parquet(p)
    return out


def load_table(name: str, processed_dir: str | Path = "data/processed") -> pd.DataFrame:
    """Read one processed table."""
    return load_tables(processed_dir, [name])[name]
