"""A Dask build writes the same bytes as the local build."""
import warnings
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from bioparse.build import build  # noqa: E402
from bioparse.distributed import build_dask  # noqa: E402

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def outputs(outdir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*")) if p.is_file()}


def test_dask_build_matches_local_build(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        local = build(RAW, tmp_path / "local", jobs=1, cache_dir=None, quiet=True)
        # in_flight=2 forces the bounded path: results are written while others are pending.
        dist = build_dask(RAW, tmp_path / "dask", n_workers=2, processes=False, in_flight=2, cache_dir=None)
    assert dist.counts == local.counts and local.counts["provisions"] > 0
    a, b = outputs(tmp_path / "local"), outputs(tmp_path / "dask")
    assert [k for k in a if k.endswith(".csv")] == [k for k in b if k.endswith(".csv")]
    assert a == b


def test_dask_build_uses_the_cache(tmp_path):
    cache = tmp_path / "cache"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build(RAW, tmp_path / "local", jobs=1, cache_dir=cache, quiet=True)
        dist = build_dask(RAW, tmp_path / "dask", n_workers=1, processes=False, cache_dir=cache)
    assert dist.n_cached == len(list(RAW.glob("*.txt")))
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")


def test_dask_runs_the_default_plan_with_reuse_to_the_same_bytes(tmp_path):
    from bioparse.stages import default_plan

    plan = default_plan()
    kw = dict(stages=plan.stages, stage_key=plan.key, corpus_steps=plan.corpus_steps,
              extra_tables=plan.tables, cache_dir=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        local = build(RAW, tmp_path / "local", jobs=1, quiet=True, **kw)
        dist = build_dask(RAW, tmp_path / "dask", n_workers=2, processes=False, in_flight=2, **kw)
    assert local.counts["reuse"] > 0 and dist.counts == local.counts
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")
