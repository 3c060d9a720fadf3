"""Generate a synthetic corpus from the seed documents, for benchmarks at corpus scale.

Each seed is split into provisions (bioparse.structure); a new document takes a seed's
preamble and, part by part, a part heading and a shuffled sample of sections drawn from
the matching part (first / middle / last) of any seed. Bodies get a few character edits
(swap, insert, delete, changed digits) and headings are renumbered (一、 （一） 1.) so the
structure stays valid. Output: N .txt files and manifest.csv in benchmarks/out/N/.
Deterministic: document i depends only on (seed, i), so the 100-document corpus is the
first 100 documents of the 1,000-document one.

    python benchmarks/generate.py --sizes 100,1000,10000 [--seed 0] [--raw data/raw]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bioparse.normalize import normalize  # noqa: E402
from bioparse.structure import parse_provisions  # noqa: E402

CN_NUMERALS = "一二三四五六七八九十"
MANIFEST_COLUMNS = ["doc_id", "file", "title", "issuer", "level", "region", "date", "period",
                    "plan_start", "plan_end"]
# Ranks of the levels that get renumbered inside a section unit.
RENUMBERED = ("part", "section", "item", "subitem")


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 16 → 十六, 25 → 二十五 (enough for heading numbers < 100)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMERALS[tens - 1] + "十")
    return head + ("" if ones == 0 else CN_NUMERALS[ones - 1])


def relabel(label: str, level: str, n: int) -> str:
    """The same style of label with a new number: 一、→ 三、, （二）→（五）, 3. → 1."""
    if level == "part":
        return cn_numeral(n) + "、"
    if level == "section":
        return ("（" if label.startswith("（") else "(") + cn_numeral(n) + ("）" if label.endswith("）") else ")")
    if level == "item":
        return f"{n}{label[-1] if label and not label[-1].isdigit() else '.'}"
    if level == "subitem":
        return f"（{n}）" if label.startswith(("（", "(")) else "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[min(n, 20) - 1]
    return label


@dataclass
class Piece:
    """One provision's own text, split into its label and the body after it."""

    level: str
    label: str
    body: str


@dataclass
class Part:
    """A part heading (with its intro) and its section units (each a list of pieces)."""

    head: Piece
    units: list = field(default_factory=list)


@dataclass
class Seed:
    """A seed document cut into preamble, parts and units, with its manifest row."""

    preamble: str
    parts: list
    meta: dict


def cut_seed(text: str, meta: dict) -> Seed | None:
    """Split a seed's normalized text into preamble, parts and section units."""
    provs = parse_provisions(text, meta.get("file", ""))
    preamble, parts = "", []
    for p in provs:
        piece = Piece(p.level, p.label, text[p.start + len(p.label):p.end])
        if p.depth == 0:
            preamble += text[p.start:p.end]
        elif p.depth == 1:
            if p.level != "part":
                return None  # chapters / articles at the top: not this generator's shape
            parts.append(Part(piece))
        elif p.depth == 2:
            parts[-1].units.append([piece])
        else:
            parts[-1].units[-1].append(piece)
    return Seed(preamble, parts, meta) if parts else None


def load_seeds(raw_dir: Path) -> list[Seed]:
    """Every .txt seed in raw_dir that has parts, with its manifest row (if any)."""
    manifest = {}
    if (raw_dir / "manifest.csv").exists():
        with (raw_dir / "manifest.csv").open(encoding="utf-8-sig", newline="") as f:
            manifest = {row["file"]: row for row in csv.DictReader(f)}
    seeds = []
    for path in sorted(raw_dir.glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8-sig")).text
        seed = cut_seed(text, manifest.get(path.name, {"file": path.name}))
        if seed:
            seeds.append(seed)
    if not seeds:
        raise SystemExit(f"{raw_dir}: no seed with numbered parts (一、…) to sample from")
    return seeds


def bucket(i: int, n: int) -> str:
    """Where a part stands: the first (aims), the last (safeguards) or in between (tasks)."""
    return "first" if i == 0 else "last" if i == n - 1 else "middle"


def perturb(body: str, rng: random.Random, pool: str, n_edits: int) -> str:
    """A few character edits away from the line edges (so headings and sentence ends stay)."""
    chars = list(body)
    for _ in range(n_edits):
        # Positions at least 4 chars after a line start and 2 before a line end.
        if len(chars) < 12:
            break
        i = rng.randrange(4, len(chars) - 2)
        window = chars[i - 4:i + 3]
        if "\n" in window:
            continue
        op = rng.random()
        if chars[i].isdigit():
            chars[i] = str(rng.randrange(10))
        elif op < 0.3:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op < 0.6:
            chars.insert(i, rng.choice(pool))
        elif op < 0.9:
            del chars[i]
        else:
            chars[i] = rng.choice(pool)
    return "".join(chars)


def render_unit(unit: list[Piece], number: int, rng: random.Random, pool: str, rate: float) -> str:
    """A section (with its items) renumbered as section ``number``, items from 1."""
    counters: dict[str, int] = {"item": 0, "subitem": 0}
    out = []
    for k, piece in enumerate(unit):
        if k == 0:
            n = number
        elif piece.level in counters:
            counters[piece.level] += 1
            if piece.level == "item":
                counters["subitem"] = 0
            n = counters[piece.level]
        else:
            n = 0
        label = relabel(piece.label, piece.level, n) if n else piece.label
        edits = sum(rng.random() < rate for _ in range(max(1, len(piece.body) // 50)))
        out.append(label + perturb(piece.body, rng, pool, edits))
    return "".join(out)


def to_raw_style(text: str, rng: random.Random) -> str:
    """Give the text raw-file habits: U+3000 indents, blank lines after sentences, CRLF, BOM."""
    lines = text.split("\n")
    indent = rng.random() < 0.5
    blank = rng.random() < 0.3
    out = []
    for line in lines:
        out.append(("\u3000\u3000" if indent else "") + line)
        if blank and line.endswith("。"):
            out.append("")
    sep = "\r\n" if rng.random() < 0.2 else "\n"
    return ("\ufeff" if rng.random() < 0.1 else "") + sep.join(out) + sep


def make_document(seeds: list[Seed], i: int, seed: int, pool: str, rate: float = 0.5) -> tuple[str, dict]:
    """Synthetic document ``i``: its raw text and manifest row."""
    rng = random.Random(f"{seed}:{i}")
    base = rng.choice(seeds)
    n_parts = len(rng.choice(seeds).parts)
    by_bucket: dict[str, list[Part]] = {}
    for s in seeds:
        for j, part in enumerate(s.parts):
            by_bucket.setdefault(bucket(j, len(s.parts)), []).append(part)
    chunks = [perturb(base.preamble, rng, pool, max(1, len(base.preamble) // 200))]
    for j in range(n_parts):
        candidates = by_bucket.get(bucket(j, n_parts)) or by_bucket["middle"]
        part = rng.choice(candidates)
        units = [u for p in candidates for u in p.units]
        # As many sections as the chosen part had (±1), drawn from all parts in its place.
        k = min(len(units), max(1, len(part.units) + rng.randint(-1, 1))) if part.units else 0
        chosen = rng.sample(units, k)
        rng.shuffle(chosen)
        chunks.append(relabel(part.head.label, "part", j + 1) + part.head.body)
        chunks += [render_unit(u, m + 1, rng, pool, rate) for m, u in enumerate(chosen)]
    # A seed's last provision has no final newline: end every chunk with one.
    text = "".join(c if c.endswith("\n") else c + "\n" for c in chunks)
    doc_id = f"syn_{i:05d}"
    meta = {c: base.meta.get(c, "") for c in MANIFEST_COLUMNS}
    meta.update(doc_id=doc_id, file=f"{doc_id}.txt",
                title=(base.meta.get("title") or "合成文件") + f"（合成{i}）")
    return to_raw_style(text.rstrip("\n"), rng), meta


def generate(n: int, outdir: Path, raw_dir: Path = ROOT / "data" / "raw", seed: int = 0) -> Path:
    """Write ``n`` synthetic documents and manifest.csv into ``outdir``; return outdir."""
    seeds = load_seeds(raw_dir)
    pool = "".join(sorted({c for s in seeds for p in s.parts for u in p.units for pc in u
                           for c in pc.body if "\u4e00" <= c <= "\u9fff"}))
    outdir.mkdir(parents=True, exist_ok=True)
    for old in outdir.glob("syn_*.txt"):
        old.unlink()
    rows = []
    for i in range(n):
        raw, meta = make_document(seeds, i, seed, pool)
        (outdir / meta["file"]).write_bytes(raw.encode("utf-8"))
        rows.append(meta)
    with (outdir / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, MANIFEST_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return outdir


def corpus_dir(n: int, seed: int = 0) -> Path:
    """Where the corpus of size n lives: benchmarks/out/N (seed 0) or out/N-sSEED."""
    return ROOT / "benchmarks" / "out" / (str(n) if seed == 0 else f"{n}-s{seed}")


def ensure(n: int, seed: int = 0, raw_dir: Path = ROOT / "data" / "raw") -> Path:
    """The corpus of size n, generated unless it is already complete."""
    d = corpus_dir(n, seed)
    if (d / "manifest.csv").exists() and len(list(d.glob("syn_*.txt"))) == n:
        return d
    return generate(n, d, raw_dir, seed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--raw", default=str(ROOT / "data" / "raw"))
    ap.add_argument("--force", action="store_true", help="regenerate even if present")
    args = ap.parse_args(argv)
    for n in [int(s) for s in args.sizes.split(",") if s]:
        d = generate(n, corpus_dir(n, args.seed), Path(args.raw), args.seed) if args.force \
            else ensure(n, args.seed, Path(args.raw))
        size = sum(p.stat().st_size for p in d.glob("syn_*.txt"))
        print(f"{n:>6} documents, {size / 1e6:8.2f} MB → {d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
