"""Command line: a thin layer over the functions the notebooks call.

    bioparse build   [--raw data/raw] [--out data/processed] [--jobs N] [--strict]
    bioparse inspect FILE
    bioparse report  [--notebooks notebooks] [--reports reports] [--timeout 600]
    bioparse kappa   [--validation data/validation/hand_codes.csv] [--processed data/processed]
    bioparse import-csv TABLE [--out data/raw] [--text-column 正文] [--id-column id]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BioparseError


def _build(args) -> int:
    from . import build as build_mod
    from . import stages

    plan = stages.default_plan(codebook_path=args.codebook, segmenter=args.segmenter)
    result = build_mod.build(
        args.raw, args.out, jobs=args.jobs, cache_dir=None if args.no_cache else args.cache,
        stages=plan.stages, stage_key=plan.key, corpus_steps=plan.corpus_steps,
        extra_tables=plan.tables, quiet=args.quiet)
    build_mod.print_summary(result)
    if args.strict and (result.problems or not result.counts.get("documents")):
        what = f"{len(result.problems)} problem(s)" if result.problems else "no documents"
        print(f"--strict: {what}; exiting with status 1", file=sys.stderr)
        return 1
    return 0


def target_line(t: dict) -> str:
    """A target as inspect shows it: its text, then what was read from it (a table's cell 1500 reads 1500 亿元,
    2027, as its row and head say): value (a range's high end too), unit, qualifier, year, kind and status."""
    value = f"{t['value']:g}" + (f"–{t['value_high']:g}" if t.get("value_high") is not None else "")
    read = " ".join(filter(None, [value + (t.get("unit") or ""), t.get("qualifier") or ""]))
    details = ", ".join(str(x) for x in (read, t.get("year") or "", t.get("kind") or "", t.get("status") or "") if x)
    return f"{t['text']}  [dim]({details})[/dim]"


def _inspect(args) -> int:
    from rich.console import Console
    from rich.tree import Tree

    from .pipeline import parse_document

    path = Path(args.file)
    res = parse_document(path, path.stem)
    agencies: dict[str, list[str]] = {}
    for a in res["agencies"]:
        agencies.setdefault(a["provision_id"], []).append(a["agency"])
    targets: dict[str, list[str]] = {}
    for t in res["targets"]:
        targets.setdefault(t["provision_id"], []).append(target_line(t))
    doc = res["documents"][0]
    root = Tree(f"[bold]{doc['title'] or path.name}[/bold]  ({len(res['provisions'])} provisions, "
                f"{len(res['agencies'])} agencies, {len(res['targets'])} targets)")
    nodes = {"": root}
    for p in res["provisions"]:
        label = f"[cyan]{p['provision_id']}[/cyan] {p['label']}{p['title'][:40]}"
        if p["level"] in ("preamble", "document"):
            label = f"[dim]{p['level']} ({p['end'] - p['start']} chars)[/dim]"
        node = nodes.get(p["parent_id"], root).add(label)
        nodes[p["provision_id"]] = node
        if p["provision_id"] in agencies:
            node.add("[green]责任: " + "、".join(agencies[p["provision_id"]]) + "[/green]")
        for t in targets.get(p["provision_id"], []):
            node.add(f"[yellow]目标: {t}[/yellow]")
    console = Console()
    console.print(root)
    for w in res["warnings"]:
        console.print(f"[red]warning:[/red] {w}")
    return 0


def _report(args) -> int:
    from . import report

    return report.main(["--notebooks", args.notebooks, "--reports", args.reports, "--timeout", str(args.timeout)])


def _import_csv(args) -> int:
    from .corpus_table import split_table

    result = split_table(args.table, args.out, text_column=args.text_column, id_column=args.id_column)
    print(f"wrote {result['written']} documents (texts from column '{result['text_column']}') and manifest.csv "
          f"to {args.out}")
    if result["skipped"]:
        rows = ", ".join(map(str, result["skipped"][:20])) + (" …" if len(result["skipped"]) > 20 else "")
        print(f"skipped {len(result['skipped'])} row(s) with an empty text: {rows}", file=sys.stderr)
    return 0


def _kappa(args) -> int:
    from . import validation

    return validation.main(["--validation", args.validation, "--processed", args.processed])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bioparse", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="parse data/raw into the tables in data/processed")
    b.add_argument("--raw", default="data/raw", help="folder of source documents (+ optional manifest.csv)")
    b.add_argument("--out", default="data/processed", help="folder for the tables")
    b.add_argument("--jobs", type=int, default=1,
                   help="worker processes for parsing, coding and the reuse alignment (default 1)")
    b.add_argument("--codebook", default=None, help="your own codebook YAML (default: the packaged one)")
    b.add_argument("--segmenter", default="jieba", help="jieba (default) or rjieba")
    b.add_argument("--cache", default="data/interim/cache", help="per-document cache folder")
    b.add_argument("--no-cache", action="store_true", help="parse every file again")
    b.add_argument("--strict", action="store_true", help="exit 1 if any file or manifest row could not be used, or no document was read")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=_build)

    i = sub.add_parser("inspect", help="print a document's provision tree with agencies and targets")
    i.add_argument("file", help="one policy document (.txt, .html, .docx, .pdf …) to parse and print")
    i.set_defaults(func=_inspect)

    r = sub.add_parser("report", help="execute the notebooks into reports/*.html")
    r.add_argument("--notebooks", default="notebooks",
                   help="folder of the analysis notebooks, *.ipynb run in name order (default notebooks)")
    r.add_argument("--reports", default="reports", help="output folder for the HTML reports and index.html (default reports)")
    r.add_argument("--timeout", type=int, default=600, help="seconds a notebook cell may run (default 600)")
    r.set_defaults(func=_report)

    k = sub.add_parser("kappa", help="Cohen's kappa between the hand-coded sample and the coder")
    k.add_argument("--validation", default="data/validation/hand_codes.csv",
                   help="the hand-coded sample CSV (default data/validation/hand_codes.csv)")
    k.add_argument("--processed", default="data/processed",
                   help="folder of the built tables whose codes are compared (default data/processed)")
    k.set_defaults(func=_kappa)

    c = sub.add_parser("import-csv", help="split a corpus table (one policy a row) into .txt files and a manifest")
    c.add_argument("table", help="a CSV with one policy a row, its text in one column (正文, content …)")
    c.add_argument("--out", default="data/raw", help="folder for the .txt files and manifest.csv (default data/raw)")
    c.add_argument("--text-column", default=None, help="the column of texts (default: found by its name or length)")
    c.add_argument("--id-column", default=None, help="the column of document ids (default: id/doc_id/编号, else row numbers)")
    c.set_defaults(func=_import_csv)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BioparseError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
