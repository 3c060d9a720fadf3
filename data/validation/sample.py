"""Draw the validation sample of provisions for hand coding (reproducible).

All non-preamble provisions of docs 000 and 004, plus a random.Random(2024) sample of
PER_DOC provisions from each other document. Usage:
    python data/validation/sample.py [provisions.csv] > data/validation/sample.csv
"""
import random
import sys

import pandas as pd

FULL_DOCS = ("000_3ec3351c7081f02c", "004_152d570b95be121d")
PER_DOC = 22
SEED = 2024


def draw_sample(provisions: pd.DataFrame) -> pd.DataFrame:
    """Return the sampled rows (doc_id, provision_id order), excluding preambles."""
    rows = provisions[provisions["level"] != "preamble"]
    rng = random.Random(SEED)
    keep = set()
    for doc_id in sorted(rows["doc_id"].unique()):
        ids = sorted(rows.loc[rows["doc_id"] == doc_id, "provision_id"].astype(str))
        if doc_id not in FULL_DOCS and len(ids) > PER_DOC:
            ids = rng.sample(ids, PER_DOC)
        keep.update((doc_id, pid) for pid in ids)
    mask = [(d, str(p)) in keep for d, p in zip(rows["doc_id"], rows["provision_id"])]
    out = rows[mask]
    return out.sort_values(["doc_id", "start"]).reset_index(drop=True)


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "data/processed/provisions.csv"
    sample = draw_sample(pd.read_csv(path))
    sample[["doc_id", "provision_id", "level", "label", "title"]].to_csv(sys.stdout, index=False)
