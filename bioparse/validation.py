"""Agreement between hand codes of a validation sample and the automatic codes (Cohen's kappa).

Hand codes (data/validation/hand_codes.csv) hold, per sampled provision and scheme, the set of
codes a person gave (";"-joined, empty = none). Every (provision x code) pair of a scheme is one
binary decision; kappa is computed over those decisions, pooled per scheme and per code.

    bioparse kappa --validation data/validation/hand_codes.csv --processed data/processed
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from .codebook import SCHEMES, code_parent, iter_codes, load_codebook
from .errors import BioparseError

HAND_COLUMNS = ["doc_id", "provision_id", "scheme", "codes"]
TABLE_COLUMNS = ["scheme", "level", "code", "n", "hand_pos", "auto_pos", "both_pos",
                 "agreement", "kappa"]
POOLED = "ALL"


class ValidationError(BioparseError):
    """The hand-coded validation file is missing, malformed or uses unknown code ids."""


def split_codes(value) -> set[str]:
    """The set of code ids in a ';'-joined cell (NaN or '' = no codes)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return set()
    return {c.strip() for c in str(value).split(";") if c.strip()}


def scheme_codes(codebook: dict) -> dict[str, list[str]]:
    """Code ids of each scheme, in codebook order."""
    out: dict[str, list[str]] = {}
    for scheme, c in iter_codes(codebook):
        out.setdefault(scheme, []).append(str(c["id"]))
    return out


def load_hand_codes(path, codebook: dict | None = None) -> pd.DataFrame:
    """Read hand_codes.csv (doc_id, provision_id, scheme, codes[, note]) and check its code ids.

    Raises ValidationError naming the file, row and fix when a column or code id is wrong.
    """
    path = Path(path)
    if not path.exists():
        raise ValidationError(path, "hand-coded validation file not found",
                              "pass --validation data/validation/hand_codes.csv")
    hand = pd.read_csv(path, dtype=str, keep_default_na=False)
    check_hand_codes(hand, codebook if codebook is not None else load_codebook(), path)
    return hand


def check_hand_codes(hand: pd.DataFrame, codebook: dict, path="hand_codes") -> None:
    """Raise ValidationError if a column is missing, a scheme is unknown or a code id is not in the codebook."""
    missing = [c for c in HAND_COLUMNS if c not in hand.columns]
    if missing:
        raise ValidationError(path, f"missing column(s) {', '.join(missing)}",
                              "use columns doc_id, provision_id, scheme, codes, note")
    valid = scheme_codes(codebook)
    for i, (scheme, codes) in enumerate(zip(hand["scheme"], hand["codes"]), start=2):
        if scheme not in valid:
            raise ValidationError(path, f"line {i}: unknown scheme {scheme!r}",
                                  f"use one of {', '.join(valid)}")
        bad = sorted(split_codes(codes) - set(valid[scheme]))
        if bad:
            raise ValidationError(path, f"line {i}: code(s) {', '.join(bad)} not in scheme {scheme}",
                                  "use code ids from the codebook (instrument: parent.child)")


def _code_sets(rows: pd.DataFrame, column: str, long: bool) -> dict[tuple[str, str, str], set[str]]:
    """(doc_id, provision_id, scheme) -> set of codes, from a wide (';'-joined) or long table."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for d, p, s, v in zip(rows["doc_id"], rows["provision_id"], rows["scheme"], rows[column]):
        key = (str(d), str(p), str(s))
        out.setdefault(key, set()).update({str(v)} if long else split_codes(v))
    return out


def _kappa(a: list[int], b: list[int]) -> float:
    """Cohen's kappa of two binary vectors; NaN when it is undefined (both raters constant and equal)."""
    if not a or (len(set(a)) == 1 and a == b):
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return float(cohen_kappa_score(a, b, labels=[0, 1]))


def _rows(scheme: str, level: str, units: list[str], keys: list, hand: dict, auto: dict) -> list[dict]:
    """Pooled and per-unit agreement rows for one scheme and level."""
    pooled_h, pooled_a, rows = [], [], []
    for unit in units:
        h = [int(unit in hand.get(k, set())) for k in keys]
        a = [int(unit in auto.get(k, set())) for k in keys]
        pooled_h += h
        pooled_a += a
        rows.append(_row(scheme, level, unit, h, a))
    return [_row(scheme, level, POOLED, pooled_h, pooled_a)] + rows


def _row(scheme: str, level: str, code: str, h: list[int], a: list[int]) -> dict:
    """One table row: counts, percent agreement and kappa of two binary vectors."""
    n = len(h)
    agree = sum(x == y for x, y in zip(h, a))
    return {"scheme": scheme, "level": level, "code": code, "n": n,
            "hand_pos": sum(h), "auto_pos": sum(a), "both_pos": sum(x & y for x, y in zip(h, a)),
            "agreement": round(100.0 * agree / n, 1) if n else float("nan"),
            "kappa": _kappa(h, a)}


def kappa_table(hand: pd.DataFrame, auto_codes: pd.DataFrame, codebook: dict) -> pd.DataFrame:
    """Cohen's kappa hand vs automatic, per scheme (pooled over provision x code decisions) and per code.

    `hand` is hand_codes.csv (one row per provision and scheme, codes ';'-joined); `auto_codes`
    is the codes table (one row per provision, scheme, code). Only hand-coded provisions count.
    Instrument is also scored at the parent level (supply / environment / demand). Rows have
    level 'code' or 'parent'; code 'ALL' is the pooled value. n = number of binary decisions.
    """
    hand_sets = _code_sets(hand, "codes", long=False)
    auto_sets = _code_sets(auto_codes, "code", long=True) if len(auto_codes) else {}
    codes = scheme_codes(codebook)
    rows: list[dict] = []
    for scheme in [s for s in SCHEMES if s in codes] + [s for s in codes if s not in SCHEMES]:
        keys = sorted(k for k in hand_sets if k[2] == scheme)
        if not keys:
            continue
        rows += _rows(scheme, "code", codes[scheme], keys, hand_sets, auto_sets)
        parents = list(dict.fromkeys(code_parent(codebook, scheme, c) for c in codes[scheme]))
        if len(parents) < len(codes[scheme]):
            def up(sets):
                return {k: {code_parent(codebook, scheme, c) for c in v} for k, v in sets.items()
                        if k[2] == scheme}
            rows += _rows(scheme, "parent", parents, keys, up(hand_sets), up(auto_sets))
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def disagreements(hand: pd.DataFrame, auto_codes: pd.DataFrame) -> pd.DataFrame:
    """Per hand-coded provision and scheme: codes only the hand gave, only the coder gave, and their count."""
    hand_sets = _code_sets(hand, "codes", long=False)
    auto_sets = _code_sets(auto_codes, "code", long=True) if len(auto_codes) else {}
    rows = []
    for key in sorted(hand_sets):
        h, a = hand_sets[key], auto_sets.get(key, set())
        rows.append({"doc_id": key[0], "provision_id": key[1], "scheme": key[2],
                     "hand_only": ";".join(sorted(h - a)), "auto_only": ";".join(sorted(a - h)),
                     "n_diff": len(h ^ a)})
    df = pd.DataFrame(rows, columns=["doc_id", "provision_id", "scheme", "hand_only", "auto_only", "n_diff"])
    return df.sort_values(["n_diff", "doc_id", "provision_id", "scheme"],
                          ascending=[False, True, True, True], kind="stable").reset_index(drop=True)


def load_auto_codes(processed) -> pd.DataFrame:
    """The codes table written by `bioparse build` (codes.parquet, else codes.csv) in a processed folder."""
    processed = Path(processed)
    if (processed / "codes.parquet").exists():
        df = pd.read_parquet(processed / "codes.parquet")
    elif (processed / "codes.csv").exists():
        df = pd.read_csv(processed / "codes.csv", dtype=str, keep_default_na=False)
    else:
        raise ValidationError(processed, "no codes.parquet or codes.csv",
                              "run `bioparse build` first so the automatic codes exist")
    for col in ("doc_id", "provision_id", "scheme", "code"):
        if col not in df.columns:
            raise ValidationError(processed / "codes.parquet", f"missing column {col}",
                                  "rebuild with `bioparse build`")
        df[col] = df[col].astype(str)
    return df


def _missing_provisions(hand: pd.DataFrame, processed: Path) -> list[str]:
    """Hand-coded provisions absent from the processed provisions table (ids changed since coding)."""
    for name, reader in (("provisions.parquet", pd.read_parquet),
                         ("provisions.csv", lambda p: pd.read_csv(p, dtype=str))):
        if (processed / name).exists():
            prov = reader(processed / name)
            have = set(zip(prov["doc_id"].astype(str), prov["provision_id"].astype(str)))
            want = set(zip(hand["doc_id"].astype(str), hand["provision_id"].astype(str)))
            return sorted(f"{d}/{p}" for d, p in want - have)
    return []


def main(argv: list[str] | None = None) -> int:
    """CLI: print the kappa table (and the provisions that disagree most) for a hand-coded sample."""
    ap = argparse.ArgumentParser(prog="bioparse kappa", description=__doc__.splitlines()[0])
    ap.add_argument("--validation", default="data/validation/hand_codes.csv")
    ap.add_argument("--processed", default="data/processed")
    ap.add_argument("--codebook", default=None, help="codebook YAML used for the build (default: packaged)")
    ap.add_argument("--top", type=int, default=10, help="list this many most-disagreeing provision x scheme rows")
    args = ap.parse_args(argv)
    codebook = load_codebook(args.codebook)
    hand = load_hand_codes(args.validation, codebook)
    auto = load_auto_codes(args.processed)
    missing = _missing_provisions(hand, Path(args.processed))
    if missing:
        print(f"warning: {len(missing)} hand-coded provision(s) not in {args.processed}/provisions "
              f"(ids changed?): {', '.join(missing[:5])}", file=sys.stderr)
    table = kappa_table(hand, auto, codebook)
    n_prov = hand[["doc_id", "provision_id"]].drop_duplicates().shape[0]
    print(f"Hand vs automatic codes: {n_prov} provisions, {hand['doc_id'].nunique()} documents")
    summary = table[table["code"] == POOLED]
    with pd.option_context("display.width", 200, "display.max_rows", 500):
        print(summary.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        print()
        print(table[table["code"] != POOLED].to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        if args.top > 0:
            print()
            print(f"Most disagreeing provision x scheme (top {args.top}):")
            print(disagreements(hand, auto).head(args.top).to_string(index=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
