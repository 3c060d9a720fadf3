"""The scorecard against ../shared/gold: a build of the seeds meets the issue's bars."""

import pytest

from bioparse.build import build


@pytest.fixture(scope="module")
def scores(tmp_path_factory, score):
    from conftest import GOLD, RAW

    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    out = tmp_path_factory.mktemp("processed")
    build(RAW, out, cache_dir=None, quiet=True)
    return score(out, GOLD)


def test_structure(scores):
    assert scores["structure"]["f1"] >= 0.98
    assert scores["structure"]["title_accuracy"] >= 0.95


def test_agencies(scores):
    assert scores["agencies"]["f1"] >= 0.95


def test_targets(scores):
    assert scores["targets"]["f1"] >= 0.90
    assert scores["targets"]["year_accuracy"] >= 0.90


@pytest.fixture(scope="module")
def other_province_scores(tmp_path_factory, score):
    """The scorecard of two hundred and eighty-one documents in other provinces' styles and formats (tests/other_provinces)."""
    from pathlib import Path

    here = Path(__file__).parent / "other_provinces"
    out = tmp_path_factory.mktemp("other_provinces")
    build(here / "raw", out, cache_dir=None, quiet=True)
    return score(out, here / "gold")


def test_documents_of_other_provinces(other_province_scores):
    s = other_province_scores
    assert (s["structure"]["f1"], s["agencies"]["f1"], s["targets"]["f1"]) == (1.0, 1.0, 1.0)
    assert s["structure"]["title_accuracy"] == 1.0  # a notice's own 一、 is no part (hn_notice_fund)
