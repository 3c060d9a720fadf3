"""Each file in tests/bad_inputs/ must raise the error class and message listed in expected.csv, or, where the class is
"note", be read with that note (a loss the reader is told of, naming the file and the fix)."""
import csv
from pathlib import Path

import pytest

from bioparse import errors
from bioparse.io import read_text

BAD = Path(__file__).parent / "bad_inputs"
CASES = list(csv.DictReader(open(BAD / "expected.csv", encoding="utf-8")))


def test_every_bad_file_is_listed():
    listed = {c["file"] for c in CASES}
    present = {p.name for p in BAD.iterdir() if p.name not in ("expected.csv", "README.md")}
    assert listed == present


@pytest.mark.parametrize("case", [c for c in CASES if c["error_class"] == "note"], ids=lambda c: c["file"])
def test_bad_input_read_with_a_note(case):
    raw = read_text(BAD / case["file"])
    (note,) = raw.notes
    assert case["message_contains"] in note and case["file"] in note and "fix" in note
    assert raw.text.count("\ufffd") == 1  # one character lost, the rest of the document read


@pytest.mark.parametrize("case", [c for c in CASES if c["error_class"] != "note"], ids=lambda c: c["file"])
def test_bad_input_raises_named_error(case):
    cls = getattr(errors, case["error_class"])
    with pytest.raises(cls) as info:
        read_text(BAD / case["file"])
    message = str(info.value)
    assert case["message_contains"] in message
    assert case["file"] in message
    assert isinstance(info.value, errors.BioparseError) and info.value.fix
