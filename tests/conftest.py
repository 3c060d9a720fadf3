"""Shared fixtures: paths to the project's raw data and the shared gold, when present."""
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
