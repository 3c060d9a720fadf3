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


def _plain_columns(cols: dict[str, list], table: str) -> dict[str, list] | None:
    """Declared columns typed without pandas, when every value already has its type.

    What conform() would give, for the usual case: strings str (None → ""), integers int,
    floats int or float (None and NaN → None). None when any value is of another kind (a
    numpy scalar, a numeric string) or a column is missing: then conform() does it.
    """
    out = {}
    for name, dtype, _ in schema.TABLES[table]["columns"]:
        values = cols.get(name)
        if values is None:
            return None
        kinds = set(map(type, values))
        if dtype == "string" and kinds <= {str, type(None)}:
            out[name] = values if type(None) not in kinds else ["" if v is None else v for v in values]
        elif dtype == "Int64" and kinds <= {int, type(None)}:
            out[name] = values
        elif dtype == "float64" and kinds <= {int, float, type(None)}:
            out[name] = [None if v is None or v != v else float(v) for v in values]
        else:
            return None
    return out


def _plain_cells(values: list, dtype: str) -> list:
    """CSV cells of a column typed by _plain_columns, as _csv_cells writes them."""
    if dtype == "string":
        return values
    if dtype == "float64":
        return ["" if v is None else format(v, ".10g") for v in values]
    return ["" if v is None else str(v) for v in values]


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
        self._csv_file = self._tmp[0].open("w", encoding="utf-8", newline="", buffering=1 << 20)
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._csv.writerow(schema.columns(table))
        self._parquet = pq.ParquetWriter(self._tmp[1], self.schema,
                                         compression="zstd", write_statistics=True)

    def write(self, rows: list[dict] | dict[str, list] | pd.DataFrame) -> None:
        """Type, validate and append a batch: a list of row dicts, column lists or a DataFrame."""
        if isinstance(rows, pd.DataFrame):
            return self._write_frame(rows)
        if isinstance(rows, dict):
            cols = rows
        elif rows:
            first = rows[0]
            cols = {c: [r.get(c) for r in rows] for c in schema.columns(self.table) if c in first}
        else:
            return
        typed = _plain_columns(cols, self.table)
        if typed is None:  # some value needs pandas' conversions (or a column is missing)
            return self._write_frame(pd.DataFrame(cols))
        n = len(next(iter(typed.values()), []))
        if not n:
            return
        key = [typed[c] for c in schema.TABLES[self.table]["key"]]
        if len(set(zip(*key))) < n:  # a duplicate key: let conform() report it
            return self._write_frame(pd.DataFrame(cols))
        self._append([_plain_cells(typed[c], d) for c, d in zip(typed, self.dtypes)],
                     [pa.array(typed[c], type=t) for c, t in zip(typed, self.schema.types)])

    def _write_frame(self, df: pd.DataFrame) -> None:
        """Type a DataFrame with schema.conform and append it."""
        if df.empty:
            return
        df = schema.conform(df, self.table)
        self._append([_csv_cells(df[c], d) for c, d in zip(df.columns, self.dtypes)],
                     [pa.array(df[c], type=t, from_pandas=True) for c, t in zip(df.columns, self.schema.types)])

    def _append(self, cells: list[list[str]], arrays: list[pa.Array]) -> None:
        """Append one typed batch: its CSV cells and its Arrow arrays, column by column."""
        # Column by column, not cell by cell: a build writes millions of cells.
        self._csv.writerows(zip(*cells))
        self._parquet.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.n_rows += len(arrays[0])

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
