"""Worst-case shapes for parsing: does pipeline.parse_document stay linear in the text's length?

Each shape below builds a document of about n characters from the seeds in data/raw (or from
synthetic text) and one of 4n (and 16n where that is cheap), parses each with
pipeline.parse_document (best of a few runs, bioparse's memo caches cleared before each), and
prints the seconds and time(4n)/time(n): about 4 is linear, about 16 quadratic.  Ratios only,
no assertions.

    python benchmarks/worst_case.py [--n 20000] [--shapes compendium,oneline] [--no-16]
    python benchmarks/worst_case.py --profile oneline --size 80000   # cProfile top list
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io as _io
import pstats
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bioparse import pipeline  # noqa: E402

SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
CN = "一二三四五六七八九十"


def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)


def _fill(unit, n: int) -> str:
    """Text of at least n characters from unit(i) for i = 0, 1, …, cut at n."""
    parts, size, i = [], 0, 0
    while size < n:
        s = unit(i)
        parts.append(s)
        size += len(s)
        i += 1
    return "".join(parts)[:n]


def compendium(n: int) -> str:
    """Many policies in one file (a 汇编): the seeds one after another, their numbers varied per copy."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    rnd = random.Random(1)

    def copy(i):
        s = seeds[i % len(seeds)]
        return "".join(str(rnd.randint(0, 9)) if c.isdigit() else c for c in s) + "\n\n"
    return _fill(copy, n)


def oneline(n: int) -> str:
    """The seeds with every line break removed: one line of n characters."""
    seed = _seed_text().replace("\r", "").replace("\n", "")
    return _fill(lambda i: seed, n)


def table(n: int) -> str:
    """A table-heavy page: rows of tab-separated cells (序号 | 任务 | 牵头单位 | 指标)."""
    head = "序号\t重点任务\t牵头单位\t配合单位\t2025年目标\n"

    def row(i):
        return (f"{i + 1}\t推进第{i + 1}项生物医药产业重点任务建设\t市科技局\t市发展改革委、市财政局"
                f"\t产值达到{i % 97 + 3}亿元\n")
    return head + _fill(row, n - len(head))


def numbered(n: int) -> str:
    """Thousands of numbered items 1. 2. … under a few parts, each with a clause and a target."""
    def item(i):
        s = ""
        if i % 200 == 0:
            s = f"{CN[(i // 200) % 10]}、第{i // 200 + 1}部分重点任务\n"
        return s + (f"{i + 1}.支持企业开展创新药研发，到2025年培育{i % 50 + 1}家龙头企业，"
                    f"营业收入增长{i % 30 + 5}%。（市科技局、市工业和信息化局按职责分工负责）\n")
    return _fill(item, n)


def unclosed(n: int) -> str:
    """Hundreds of unclosed （ and 《 in running text, a few per line."""
    def line(i):
        return (f"（{i}加快推进《生物医药产业发展规划 的实施，支持企业（包括中小企业开展研发"
                f"（市科技局、市财政局负责。\n" if i % 2 else
                f"《关于推动产业发展的若干措施（试行 到2025年产业规模达到{i}亿元（\n")
    return _fill(line, n)


def unclosed_oneline(n: int) -> str:
    """Unclosed brackets on one line with no break at all."""
    return unclosed(n).replace("\n", "")


def digits(n: int) -> str:
    """A statistics annex: long runs of figures, percentages and years, few words."""
    rnd = random.Random(2)

    def line(i):
        cells = " ".join(f"{rnd.randint(1, 99999)}.{rnd.randint(0, 99)}%" if j % 2 else
                         f"{rnd.randint(1990, 2030)}年{rnd.randint(1, 999999)}" for j in range(12))
        return f"指标{i}：{cells}\n"
    return _fill(line, n)


def digits_run(n: int) -> str:
    """One unbroken run of digits (a table pasted without separators)."""
    rnd = random.Random(3)
    return "到2025年产业规模达到" + "".join(str(rnd.randint(0, 9)) for _ in range(n)) + "亿元。\n"


def enum_commas(n: int) -> str:
    """Thousands of repeated 、 (a list of names), inside and outside a clause."""
    return ("（责任单位：" + "、".join(f"市局{i}" for i in range(n // 5)) + "）\n" +
            "市发展改革委" + "、" * (n // 2) + "负责。\n")[:n]


def pipes(n: int) -> str:
    """Only 、 — 20,000 of them in a row."""
    return "、" * n


def articles(n: int) -> str:
    """Thousands of articles 第N条 under a few chapters, with ranges of articles answered for."""
    def article(i):
        s = f"第{CN[(i // 300) % 10]}章　第{i // 300 + 1}章\n" if i % 300 == 0 else ""
        return s + (f"第{i + 1}条　对新获批的创新药给予最高{i % 9 + 1}000万元奖励，附件{i % 5 + 1}所列企业除外。\n"
                    + ("以上第一条至第五条由市科技局牵头，市财政局配合。\n" if i % 5 == 4 else ""))
    return _fill(article, n)


def points(n: int) -> str:
    """Long runs of 一是…二是… points and （1）（2）… items in few paragraphs."""
    def paragraph(i):
        runs = "；".join(f"{CN[j % 10]}是加快第{j}项建设，到2025年达到{j}家" for j in range(1, 60))
        items = "".join(f"（{j}）支持企业开展研发；" for j in range(1, 60))
        return f"（{CN[i % 10]}）推进产业发展。{runs}。{items}\n"
    return _fill(paragraph, n)


def quotes_oneline(n: int) -> str:
    """Hundreds of unclosed 《 and “ on one line, with figures between."""
    return _fill(lambda i: f"《关于推动产业发展的若干措施“试行到2025年产业规模达到{i}亿元，增长{i % 30}%，", n)


def html_table(n: int) -> str:
    """Marker: a web page whose article is a table of thousands of cells (built in _write)."""
    return table(n)


def docx_table(n: int) -> str:
    """Marker: a .docx whose body is one table of thousands of cells (built in _write)."""
    return table(n)


def docx_doc(n: int) -> str:
    """Marker: a .docx of the compendium text (built in _write), one paragraph a line."""
    return compendium(n)


SHAPES = {
    "compendium": compendium, "oneline": oneline, "table": table, "numbered": numbered,
    "unclosed": unclosed, "unclosed_oneline": unclosed_oneline, "digits": digits,
    "digits_run": digits_run, "enum_commas": enum_commas, "pipes": pipes, "articles": articles,
    "points": points, "quotes_oneline": quotes_oneline, "docx": docx_doc, "docx_table": docx_table,
    "html_table": html_table,
}


def _write(shape: str, text: str, folder: Path) -> Path:
    rows = [line.split("\t") for line in text.split("\n") if line]
    if shape == "docx":
        import docx
        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        path = folder / f"{shape}_{len(text)}.docx"
        document.save(path)
        return path
    if shape == "docx_table":
        import docx
        document = docx.Document()
        document.add_paragraph("天津市生物医药产业重点任务分工表")
        grid = document.add_table(rows=0, cols=max(len(r) for r in rows))
        for r in rows:
            cells = grid.add_row().cells
            for cell, value in zip(cells, r):
                cell.text = value
        path = folder / f"{shape}_{len(text)}.docx"
        document.save(path)
        return path
    if shape == "html_table":
        from html import escape
        # laid out as a page's source is, a line a cell: white space between the elements
        body = "".join("<tr>\n" + "".join(f"  <td>{escape(c)}</td>\n" for c in r) + "</tr>\n" for r in rows)
        page = (f"<html><head><title>重点任务分工表</title></head><body><div class='nav'>首页</div>"
                f"<div class='TRS_Editor'><p>天津市生物医药产业重点任务分工表</p><table>{body}</table></div></body></html>")
        path = folder / f"{shape}_{len(text)}.html"
        path.write_text(page, encoding="utf-8")
        return path
    path = folder / f"{shape}_{len(text)}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _clear_caches() -> None:
    """Clear every functools cache in bioparse, so that a run does not reuse the last one's parses."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("bioparse"):
            for obj in vars(module).values():
                if hasattr(obj, "cache_clear"):
                    obj.cache_clear()


def _time(path: Path, repeats: int) -> float:
    best = None
    for _ in range(repeats):
        _clear_caches()
        gc.collect()
        t0 = time.perf_counter()
        pipeline.parse_document(path, path.stem, {})
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    return best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000, help="base size in characters")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--no-16", action="store_true", help="skip the 16n size")
    ap.add_argument("--limit", type=float, default=20.0,
                    help="skip 16n when 4n took longer than this many seconds")
    ap.add_argument("--profile", help="cProfile one shape at --size characters")
    ap.add_argument("--size", type=int, default=80000)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    pipeline.parse_document(SEEDS[0], "warmup", {})  # imports, dictionaries
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.profile:
            path = _write(args.profile, SHAPES[args.profile](args.size), folder)
            _clear_caches()
            prof = cProfile.Profile()
            prof.enable()
            pipeline.parse_document(path, path.stem, {})
            prof.disable()
            out = _io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(30)
            print(out.getvalue())
            return
        print(f"{'shape':18} {'n':>8} {'t(n)':>8} {'t(4n)':>8} {'t(16n)':>8} {'4n/n':>6} {'16n/4n':>7}")
        for name in args.shapes.split(","):
            make = SHAPES[name]
            n = args.n
            t1 = _time(_write(name, make(n), folder), 3)
            t4 = _time(_write(name, make(4 * n), folder), 2)
            t16 = None
            if not args.no_16 and t4 < args.limit:
                t16 = _time(_write(name, make(16 * n), folder), 1)
            r1 = t4 / t1 if t1 else float("nan")
            r2 = f"{t16 / t4:7.1f}" if t16 is not None and t4 else f"{'-':>7}"
            s16 = f"{t16:8.3f}" if t16 is not None else f"{'-':>8}"
            print(f"{name:18} {n:8d} {t1:8.3f} {t4:8.3f} {s16} {r1:6.1f} {r2}", flush=True)


if __name__ == "__main__":
    main()
