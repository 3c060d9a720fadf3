"""Shared fixtures: paths to the project's raw data and the shared gold, when present, and its scorer."""
import csv
import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture
def seed_files():
    files = sorted(RAW.glob("*.txt"))
    assert files, "data/raw/ holds no .txt seeds"
    return files


@pytest.fixture
def gold_dir():
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    return GOLD


@pytest.fixture(scope="session")
def score():
    """score(processed_dir, gold_dir) of ../shared/tools/score.py, the scorer the project is judged by."""
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


OTHER_PROVINCES = ROOT / "tests" / "other_provinces"

# The property tests' default runs (make test, CI) draw the same examples every time, so that a run's result does
# not depend on its seed; BIOPARSE_PROP_EXAMPLES=3000 (more examples) searches at random, as a hunt for new cases.
if "BIOPARSE_PROP_EXAMPLES" not in os.environ:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("bioparse-fixed", derandomize=True)
    _hypothesis_settings.load_profile("bioparse-fixed")


def saved_as(folder: Path, texts, extension: str, write) -> tuple[Path, Path]:
    """(raw, gold) folders under ``folder``: each (manifest row, text) of tests/other_provinces in ``texts`` written
    by ``write(path, text)`` as NAME + extension, with a manifest naming the new files and each document's gold."""
    raw, gold = folder / "raw", folder / "gold"
    raw.mkdir()
    gold.mkdir()
    rows = []
    for row, text in texts:
        name = Path(row["file"]).stem + extension
        write(raw / name, text)
        rows.append({**row, "file": name})
        shutil.copy(OTHER_PROVINCES / "gold" / f"{row['doc_id']}.json", gold)
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return raw, gold
