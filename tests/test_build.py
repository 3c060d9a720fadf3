"""The build is deterministic, parallel-safe and incremental: same inputs → same bytes,
whatever the job count, and a second build re-parses only what changed."""
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from bioparse import stages
from bioparse.build import build

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture
def raw(tmp_path):
    """A private copy of the seeds (and their manifest) that a test may modify."""
    d = tmp_path / "raw"
    d.mkdir()
    for p in list(RAW.glob("*.txt")) + [RAW / "manifest.csv"]:
        if p.exists():
            shutil.copy(p, d / p.name)
    assert list(d.glob("*.txt")), "data/raw/ holds no .txt seeds"
    return d


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every file a build wrote, by relative path, as bytes."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*")) if p.is_file()}


def run(raw_dir, outdir, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build(raw_dir, outdir, quiet=True, **{"cache_dir": None, "stages": (), **kw})


def test_two_builds_give_identical_bytes(raw, tmp_path):
    run(raw, tmp_path / "a")
    run(raw, tmp_path / "b")
    a, b = outputs(tmp_path / "a"), outputs(tmp_path / "b")
    assert {"provisions.csv", "provisions.parquet", "documents.parquet"} <= set(a)
    assert a == b


def test_two_jobs_give_the_same_bytes_as_one(raw, tmp_path):
    r1 = run(raw, tmp_path / "j1", jobs=1)
    r2 = run(raw, tmp_path / "j2", jobs=2)
    assert r1.counts == r2.counts and r1.counts["provisions"] > 0
    assert outputs(tmp_path / "j1") == outputs(tmp_path / "j2")


def test_second_build_comes_from_the_cache_and_a_change_reparses_one(raw, tmp_path):
    cache = tmp_path / "cache"
    n_docs = len(list(raw.glob("*.txt")))
    first = run(raw, tmp_path / "c1", cache_dir=cache)
    assert first.n_cached == 0
    second = run(raw, tmp_path / "c2", cache_dir=cache, jobs=2)
    assert second.n_cached == n_docs
    assert outputs(tmp_path / "c1") == outputs(tmp_path / "c2")

    changed = sorted(raw.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8-sig") + "\n补充说明：本段为测试新增内容。\n", encoding="utf-8")
    third = run(raw, tmp_path / "c3", cache_dir=cache)
    assert third.n_cached == n_docs - 1
    fresh = run(raw, tmp_path / "c4")  # no cache: the reference for the changed corpus
    assert outputs(tmp_path / "c3") == outputs(tmp_path / "c4")
    assert outputs(tmp_path / "c3") != outputs(tmp_path / "c1")


def test_damaged_cache_entry_is_rebuilt(raw, tmp_path):
    cache = tmp_path / "cache"
    run(raw, tmp_path / "a", cache_dir=cache)
    victim = sorted(cache.glob("*.pkl"))[0]
    victim.write_bytes(b"not a pickle")
    again = run(raw, tmp_path / "b", cache_dir=cache)
    assert again.n_cached == len(list(raw.glob("*.txt"))) - 1
    assert outputs(tmp_path / "a") == outputs(tmp_path / "b")


def test_default_plan_is_deterministic_across_job_counts(raw, tmp_path):
    plan = stages.default_plan()
    kw = dict(stages=plan.stages, stage_key=plan.key, corpus_steps=plan.corpus_steps, extra_tables=plan.tables)
    r1 = run(raw, tmp_path / "d1", jobs=1, **kw)
    r2 = run(raw, tmp_path / "d2", jobs=2, **kw)
    assert r1.counts == r2.counts
    assert set(plan.tables) <= set(r1.counts)
    assert outputs(tmp_path / "d1") == outputs(tmp_path / "d2")


def test_windowed_keeps_order_and_bounds_submissions():
    from concurrent.futures import Future

    from bioparse.build import windowed

    submitted, ahead = [], []

    def submit(x):
        submitted.append(x)
        f = Future()
        f.set_result(x * 10)
        return f

    out = []
    for value in windowed(submit, range(50), in_flight=3):
        ahead.append(len(submitted) - len(out))
        out.append(value)
    assert out == [x * 10 for x in range(50)]
    assert max(ahead) <= 3  # never more than the window submitted but not yet yielded


def test_cache_key_hashes_the_package_once_per_process(monkeypatch, tmp_path):
    from bioparse import build as B

    calls = []
    monkeypatch.setattr(B, "code_digest", lambda: calls.append(1) or "digest")
    monkeypatch.setattr(B, "_CODE_DIGEST", {})
    f = tmp_path / "a.txt"
    f.write_text("一、总则\n内容", encoding="utf-8")
    keys = {B.cache_key(f, {"doc_id": str(i)}) for i in range(5)}
    assert len(keys) == 5 and len(calls) == 1


def test_a_file_in_a_subfolder_is_named_by_its_path(tmp_path):
    raw = tmp_path / "raw"
    (raw / "湖北").mkdir(parents=True)
    (raw / "湖北" / "plan a.txt").write_text("一、总体要求\n到2025年产值达到100亿元。\n", encoding="utf-8")
    (raw / "top.txt").write_text("一、总体要求\n到2026年产值达到200亿元。\n", encoding="utf-8")
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):  # the second cached build too
        build(raw, tmp_path / "out", cache_dir=cache, quiet=True)
        docs = pd.read_csv(tmp_path / "out" / "documents.csv")
        assert sorted(docs["source_file"]) == ["top.txt", "湖北/plan a.txt"]
