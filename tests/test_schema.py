"""Typing tables: conform() gives the declared order and dtypes, blanks for missing strings."""
import pandas as pd
import pytest

from bioparse import schema
from bioparse.errors import BioparseError


@pytest.mark.parametrize("values", [["甲", "b"], ["a", None], ["a", 1], [None, float("nan")], [], ["x", pd.NA]])
def test_string_columns_blank_missing_and_stringify_the_rest(values):
    col = pd.Series(values, dtype=object)
    got = schema._as_string(col)
    assert str(got.dtype) == "string"
    assert got.tolist() == ["" if v is None or v is pd.NA or v != v else str(v) for v in values]


def test_conform_orders_types_and_reports_missing_columns():
    cols = schema.columns("documents")
    df = pd.DataFrame({c: ["1"] for c in reversed(cols)})
    out = schema.conform(df, "documents")
    assert list(out.columns) == cols
    with pytest.raises(BioparseError, match="missing columns"):
        schema.conform(df.drop(columns=[cols[0]]), "documents")
