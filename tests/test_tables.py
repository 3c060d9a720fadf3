"""TableWriter: plain Python rows are typed without pandas, to the same bytes as conform()."""
import pandas as pd
import pytest

from bioparse import schema
from bioparse.errors import BioparseError
from bioparse.tables import TableWriter


def _target(i, **kw):
    row = {"doc_id": "d1", "provision_id": f"p{i}", "text": f"{i}亿元", "start": i, "end": i + 3,
           "value": 1.5 * i, "value_high": None, "unit": "亿元", "value_norm": float(i),
           "unit_norm": "亿元", "qualifier": None, "kind": "amount", "year": 2025, "baseline": None}
    row.update(kw)
    return {c: row.get(c) for c in schema.columns("targets")}


def _written(tmp_path, name, rows):
    out = tmp_path / name
    out.mkdir()
    w = TableWriter(out, "targets")
    w.write(rows)
    w.close()
    return (out / "targets.csv").read_bytes(), (out / "targets.parquet").read_bytes(), w.n_rows


ROWS = [_target(0), _target(1, value_high=float("nan"), qualifier="以上"), _target(2, value=3, end=None)]


def test_plain_rows_give_the_bytes_of_the_pandas_path(tmp_path):
    plain = _written(tmp_path, "plain", ROWS)
    assert plain[2] == 3 and plain[0].count(b"\n") == 4
    assert plain == _written(tmp_path, "frame", pd.DataFrame(ROWS))
    assert plain == _written(tmp_path, "columns", {c: [r[c] for r in ROWS] for c in schema.columns("targets")})


def test_values_of_another_kind_are_converted_by_conform(tmp_path):
    odd = [dict(r) for r in ROWS]
    odd[0]["start"], odd[1]["provision_id"] = "7", 12  # numeric string, int in a text column
    csv_text = _written(tmp_path, "odd", odd)[0].decode()
    assert ",7,3," in csv_text.splitlines()[1] and "d1,12," in csv_text


def test_duplicate_keys_are_reported(tmp_path):
    with pytest.raises(BioparseError, match="duplicate keys"):
        _written(tmp_path, "dup", [ROWS[0], dict(ROWS[0], provision_id="other")])
