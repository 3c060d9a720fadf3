"""Write the analysis notebooks (01_corpus.ipynb … 06_diffusion.ipynb) from the cells below.

The notebooks are generated, not hand-edited, so they stay reviewable and reproducible:
edit a cell here and run ``python notebooks/_make_notebooks.py``. They are written
without outputs and with fixed cell ids; `bioparse report` and nbval execute them.
Each notebook is thin: it loads the tables, calls bioparse functions, plots, and ends
with a "## Finding" cell that prints the finding with numbers computed above it.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """\
%config InlineBackend.figure_formats = ['png']
import sys
from pathlib import Path

if not Path("../bioparse").is_dir():
    raise RuntimeError("run this notebook from the notebooks/ folder of a bioparse checkout")
sys.path.insert(0, str(Path("..").resolve()))  # this checkout's bioparse, installed or not

import pandas as pd
from IPython.display import HTML, display

from bioparse import findings as F
from bioparse import plot
from bioparse.tables import load_tables

F.quiet_logs()
pd.set_option("display.max_colwidth", 80)
PROCESSED, FIGURES = Path("../data/processed"), Path("../figures")
tables = load_tables(PROCESSED)
documents = tables["documents"]
labels = F.doc_labels(documents)
PERIODS = F.period_order(documents)
plot.use_style(periods=PERIODS)
FIRST, LAST = PERIODS[0], PERIODS[-1]
"""


def md(text: str):
    return new_markdown_cell(text.strip("\n"))


def code(text: str):
    return new_code_cell(text.strip("\n"))


NOTEBOOKS: dict[str, list] = {}

# ---------------------------------------------------------------- 01 corpus
NOTEBOOKS["01_corpus"] = [
    md("""
# The corpus: documents, levels, periods and provision trees

Which policy documents are compared, at which administrative level (city or district) and
in which period (the 2018 three-year plans, the 2024–2025 measures), how long they are, and
how their text is organised into numbered provisions (parts 一、, sections （一）, items 1.)?
Every later notebook counts provisions, so this one shows what a provision is in each document.
"""),
    code(SETUP),
    md("## Documents\n\nOne row per document with its size and the number of provisions at each level of its tree."),
    code("""
provisions = tables["provisions"]
corpus = F.corpus_table(documents, provisions)
corpus
"""),
    code("""
fig = plot.document_sizes(corpus, PERIODS)  # one bar per document; one box per period past 40 documents
plot.save(fig, "01_document_sizes", outdir=FIGURES, source=F.source_note(documents, ["documents"]))
"""),
    md("## Provision trees\n\nProvisions per level of the tree, and the outline of the document with the deepest tree."),
    code("""
F.level_counts(provisions).rename(index=labels)
"""),
    code("""
deepest = F.deepest_document(provisions)
print(labels[deepest])
print(F.tree_outline(provisions, deepest, max_depth=2, width=18))
"""),
    md("## Finding"),
    code("""
s = F.corpus_summary(documents, provisions)
per = s["periods"]
level_text = ", ".join(f"{n} {lvl}" for lvl, n in s["levels"].items())
period_text = "; ".join(
    f"{p}: {v['docs']} documents, {v['chars']:,} characters, {v['provisions']} provisions "
    f"(mean {v['mean_chars']:,.0f} characters per document)" for p, v in per.items())
print(f"The corpus holds {s['n_docs']} documents ({level_text}), {s['n_chars']:,} characters "
      f"and {s['n_provisions']} provisions. {period_text}.")
print(f"Tree levels found: {', '.join(s['levels_used'])}. The deepest tree is {labels[deepest]}.")
"""),
]

# ---------------------------------------------------------------- 02 priority shift
NOTEBOOKS["02_priority_shift"] = [
    md("""
# Priority shift from 2018 to 2024–2025: themes, value-chain stages and key terms

Did Tianjin's biomedical-industry policy move its attention from building industrial scale
(product categories, parks, output) in the 2018 three-year plans to the innovation chain —
review and approval, clinical research, insurance payment — in the 2024–2025 measures? We
compare the share of provisions coded with each theme and value-chain stage per period, and
the terms most over-represented in each period (keyness).
"""),
    code(SETUP),
    md("## Themes\n\nShare of all provisions of a period's documents (preambles and part headings included) "
       "that are coded with each theme. A provision can carry several themes, so the shares of a period "
       "do not sum to 100%."),
    code("""
from bioparse import compare

codes, provisions, terms = tables["codes"], tables["provisions"], tables["terms"]
themes = compare.code_shares(codes, provisions, documents, by="period", scheme="theme")
F.share_table(themes).round(3)
"""),
    code("""
fig = plot.bar_shares(themes, columns=2, title=plot.label("各时期主题占比", "theme shares by period"))
plot.save(fig, "02_theme_shares", outdir=FIGURES, source=F.source_note(documents, ["codes", "provisions"]))
"""),
    md("## Value-chain stages"),
    code("""
stages = compare.code_shares(codes, provisions, documents, by="period", scheme="stage")
F.share_table(stages).round(3)
"""),
    code("""
fig = plot.bar_shares(stages, columns=2, title=plot.label("各时期价值链环节占比", "value-chain stage shares by period"))
plot.save(fig, "02_stage_shares", outdir=FIGURES, source=F.source_note(documents, ["codes", "provisions"]))
"""),
    md("## Keyness\n\nTerms over-represented in 2024–2025 (positive) and in 2018 (negative), log-likelihood ranked; "
       "the names of responsible agencies and of the documents' places are left out, and so are the "
       "function words and function verbs of policy prose (实现, 达到, 纳入 …; resources/stopwords.txt)."),
    code("""
# Agency and place names are left out: 市科委 → 市科技局 is a renaming, and 蓟州 only says which
# district issued a plan; neither is a change of priorities.
content_terms = F.without_place_names(F.without_agency_names(terms, tables["agencies"]), documents)
key = compare.keyness(content_terms, documents, target=LAST, by="period")
top = F.top_keyness(key, n=15)
top[["term", "keyness", "n_target", "n_reference", "log_ratio"]].round(2)
"""),
    code("""
fig = plot.diverging_keyness(key, n=15, sides=(LAST, FIRST),
                             title=plot.label(f"关键词：{LAST} 对 {FIRST}", f"keyness: {LAST} vs {FIRST}"))
plot.save(fig, "02_keyness", outdir=FIGURES, source=F.source_note(documents, ["terms", "agencies", "documents"]))
"""),
    md("## Finding"),
    code("""
focus = F.focus_codes(themes, ["review", "clinical", "insurance"])
rose = [c for c in focus if F.period_contrast(themes, c)["change"] > 0]
verdict = "Yes" if focus and len(rose) == len(focus) else ("Partly" if rose else "No")
print(f"{verdict}: {len(rose)} of the {len(focus)} innovation-chain themes "
      f"({'、'.join(F.code_label(c, short=True) for c in focus)}) are coded on a larger share of "
      f"provisions in {LAST} than in {FIRST}:")
for code_id in focus:
    print(F.finding_sentence(F.code_label(code_id), F.period_contrast(themes, code_id)))
shifts = F.biggest_shifts(themes, n=3)
rise = shifts[shifts["change"] > 0]
fall = shifts[shifts["change"] < 0]
print("Largest rises: " + "; ".join(f"{F.code_label(r.code)} {F.pp(r.change)}" for r in rise.itertuples()) + ".")
print("Largest falls: " + "; ".join(f"{F.code_label(r.code)} {F.pp(r.change)}" for r in fall.itertuples()) + ".")
for code_id in F.biggest_shifts(stages, n=2)["code"]:
    print("Stage " + F.finding_sentence(F.code_label(code_id), F.period_contrast(stages, code_id)))
print(f"Terms most typical of {LAST}: {'、'.join(top[top['keyness'] > 0]['term'].head(8))}; "
      f"of {FIRST}: {'、'.join(top[top['keyness'] < 0]['term'].head(8))}.")
"""),
]

# ---------------------------------------------------------------- 03 instruments
NOTEBOOKS["03_instruments"] = [
    md("""
# Policy instruments: supply, environment and demand, by period and level

Rothwell and Zegveld sort policy instruments into supply-side (talent, funds, platforms,
public services), environment-side (goals, finance, tax, regulation and review reform, IP)
and demand-side (procurement, insurance payment, demonstration use, outsourcing, export).
Did the mix move towards demand-side instruments between 2018 and 2024–2025, and do the
city and the district plans use different mixes?
"""),
    code(SETUP),
    md("## Instrument families by period\n\nShare of provisions using at least one instrument of each family."),
    code("""
from bioparse import compare
from bioparse.code import parent_codes
from bioparse.codebook import load_codebook

codes, provisions = tables["codes"], tables["provisions"]
instruments = codes[codes["scheme"] == "instrument"]
families = parent_codes(instruments, load_codebook())
by_period = compare.code_shares(families, provisions, documents, by="period", scheme="instrument")
F.share_table(by_period).rename(index=F.code_label).round(3)
"""),
    md("## By period and level\n\nThe same shares for each period × level (city, district)."),
    code("""
groups = F.with_group(documents, ["period", "level"])
by_group = compare.code_shares(families, provisions, groups, by="group", scheme="instrument")
F.share_table(by_group).rename(index=F.code_label).round(3)
"""),
    code("""
fig = plot.bar_shares(by_group, columns=2, title=plot.label("政策工具结构：时期 × 层级", "instrument families by period and level"))
plot.save(fig, "03_instrument_mix", outdir=FIGURES, source=F.source_note(documents, ["codes", "provisions"]))
"""),
    md("## Individual instruments by period"),
    code("""
detail = compare.code_shares(instruments, provisions, documents, by="period", scheme="instrument")
fig = plot.bar_shares(detail, title=plot.label("具体政策工具", "instruments by period"), columns=2)
plot.save(fig, "03_instruments_detail", outdir=FIGURES, source=F.source_note(documents, ["codes", "provisions"]))
"""),
    md("## Finding"),
    code("""
change = {c: F.period_contrast(by_period, c)["change"] for c in F.share_table(by_period).index}
gain = max(change, key=lambda c: (change[c], c))
if "demand" not in change:
    print("No provision is coded with a demand-side instrument.")
else:
    demand = F.period_contrast(by_period, "demand")
    print(f"{'Yes' if demand['change'] > 0 else 'No'}: demand-side instruments are used in "
          f"{F.pct(demand['share_before'])} of provisions in {FIRST} and {F.pct(demand['share_after'])} in {LAST} "
          f"({F.pp(demand['change'])}); " + ("the largest gain of the three families." if gain == "demand" else
          f"the largest gain is {F.code_label(gain)} ({F.pp(change[gain])})."))
for code_id in F.share_table(by_period).index:
    print(F.finding_sentence(F.code_label(code_id), F.period_contrast(by_period, code_id)))
wide = F.share_table(by_group)
for code_id in wide.index:
    parts = ", ".join(f"{g} {F.pct(wide.at[code_id, g])}" for g in wide.columns)
    print(f"{F.code_label(code_id)} by period and level: {parts}.")
size = groups.groupby("group").agg(docs=("doc_id", "size"))
size["provisions"] = provisions["doc_id"].map(groups.set_index("doc_id")["group"]).value_counts()
print("Each period × level share rests on few documents: " + ", ".join(
    f"{g} {r.docs} document{'s' if r.docs != 1 else ''} ({int(r.provisions)} provisions)"
    for g, r in size.iterrows()) + ".")
shifts = F.biggest_shifts(detail, n=3)
print("Instruments that rose most: " + "; ".join(
    f"{F.code_label(r.code)} {F.pp(r.change)}" for r in shifts[shifts['change'] > 0].itertuples()) + ".")
print("Instruments that fell most: " + "; ".join(
    f"{F.code_label(r.code)} {F.pp(r.change)}" for r in shifts[shifts['change'] < 0].itertuples()) + ".")
"""),
]

# ---------------------------------------------------------------- 04 targets
NOTEBOOKS["04_targets"] = [
    md("""
# Targets: from output scale to process time and fund sizes

The 2018 plans set their goals as output and scale — industry output (产值), revenue
(营业收入), numbers of firms and bases. Do the 2024–2025 measures instead promise process
times — review time limits (审评时限), the start-up time of clinical research — and fund
sizes? Every quantitative goal, limit or amount found in the texts is grouped by kind and
compared per period.
"""),
    code(SETUP),
    code("""
all_targets = tables["targets"]
targets = F.goal_targets(all_targets, tables["provisions"])
print(f"{len(all_targets) - len(targets)} of {len(all_targets)} figures sit in current-state sections "
      "(发展现状 …): they are baselines, not goals, and are left out below.")
kinds = F.target_kind_table(targets, documents)
kinds
"""),
    code("""
shares = F.target_kind_shares(targets, documents)
long = shares.rename_axis(columns="kind").stack().rename("share").reset_index()
fig = plot.bar_shares(long, by="period", code="kind", labels=F.target_group_label, columns=2,
                      xlabel=plot.label("占该时期目标的比例", "share of the period's targets"),
                      title=plot.label("量化目标类型", "kinds of quantitative targets"))
plot.save(fig, "04_target_kinds", outdir=FIGURES, source=F.source_note(documents, ["targets", "provisions"]))
"""),
    md("## Examples\n\nScale goals and process-time limits as written, in document order."),
    code("""
F.target_examples(targets, documents, ["output", "count", "time_limit"], n=8)
"""),
    md("## Fund sizes\n\nAmounts of money (funds, subsidies, awards, investment), in 亿元."),
    code("""
funds = F.fund_sizes(targets, documents)
funds[["period", "document", "text", "value_norm"]]
"""),
    md("## Finding"),
    code("""
n = kinds.sum(axis=1)
print(f"Figures in current-state sections left out as baselines: {len(all_targets) - len(targets)}.")
scale = [F.TARGET_GROUPS["output"], F.TARGET_GROUPS["count"]]
proc = F.TARGET_GROUPS["time_limit"]
print(f"Scale goals make up {F.pct(shares.loc[FIRST, scale].sum())} of the quantitative targets in {FIRST} "
      f"and {F.pct(shares.loc[LAST, scale].sum())} in {LAST}; process-time limits "
      f"{F.pct(shares.loc[FIRST, proc])} and {F.pct(shares.loc[LAST, proc])}.")
for p in PERIODS:
    print(f"{p}: {n[p]} quantitative targets; scale goals (output, counts) {F.pct(shares.loc[p, scale].sum())}, "
          f"process-time limits {F.pct(shares.loc[p, proc])}, funding {F.pct(shares.loc[p, F.TARGET_GROUPS['funding']])}.")
limits = targets[(targets["kind"] == "time_limit")].merge(documents[["doc_id", "period"]], on="doc_id")
last_limits = limits[limits["period"] == LAST].sort_values(["doc_id", "start"])
if len(last_limits):
    print(f"{LAST} time limits as written: {'；'.join(last_limits['text'])}.")
for p in PERIODS:
    f = funds[funds["period"] == p]
    if len(f):
        print(f"{p}: largest amount {f.iloc[0]['value_norm']:g} 亿元 ({f.iloc[0]['text']}, {f.iloc[0]['document']}); "
              f"{len(f)} funding amounts in total.")
"""),
]

# ---------------------------------------------------------------- 05 agencies
NOTEBOOKS["05_agencies"] = [
    md("""
# Agencies: who is responsible for what, before and after the 2018 reform

The 2018 institutional reform renamed and merged agencies (市科委 → 市科技局, 市卫生计生委 →
市卫生健康委, …) and created new ones (市医保局, 市药监局). With names mapped to today's
canonical names, which agencies are made responsible for provisions in each period, which
appear or disappear, and which themes each agency is responsible for?

A district plan's bodies are counted under their district (蓟州区's 区科技局 is 蓟州区科技局,
滨海新区's is 滨海新区科技局), so two districts' bureaus are two agencies, not one "in both periods".
Collectives are spelled one way: 各相关区人民政府 and 相关区人民政府 (各有关/有关 …) are one name.
"""),
    code(SETUP),
    code("""
agencies, codes = tables["agencies"], tables["codes"]
by_period = F.agency_period_table(agencies, documents)
by_period.head(20)
"""),
    md("## Names mapped by the crosswalk\n\nOld names and short forms, and the canonical name each is counted under."),
    code("""
F.renamed_agencies(agencies, documents)
"""),
    md("## Agency × theme\n\nProvisions per agency and theme (an agency counts for the themes of the provisions it is responsible for)."),
    code("""
matrix = F.agency_theme_matrix(agencies, codes, scheme="theme", top_agencies=15, top_codes=12)
fig = plot.heatmap(matrix.rename(columns=lambda c: F.code_label(c, short=True)),
                   title=plot.label("责任单位 × 主题", "agency × theme"),
                   cbar_label=plot.label("条款数", "provisions"))
plot.save(fig, "05_agency_theme", outdir=FIGURES, source=F.source_note(documents, ["agencies", "codes"]))
"""),
    md("## Finding"),
    code("""
turn = F.agency_turnover(by_period)
n_first = int((by_period[FIRST] > 0).sum())
n_last = int((by_period[LAST] > 0).sum())
top_first = by_period[FIRST].sort_values(ascending=False, kind="stable").head(3)
top_last = by_period[LAST].sort_values(ascending=False, kind="stable").head(3)
print(f"{n_first} canonical agencies are named responsible in {FIRST}, {n_last} in {LAST}; "
      f"{len(turn['both'])} appear in both periods.")
print(f"Most often responsible in {FIRST}: " + "、".join(f"{a} ({n})" for a, n in top_first.items())
      + f"; in {LAST}: " + "、".join(f"{a} ({n})" for a, n in top_last.items()) + ".")
new = by_period.loc[turn["only_last"], LAST].sort_values(ascending=False, kind="stable").head(6)
print(f"New in {LAST}: " + "、".join(f"{a} ({n})" for a, n in new.items()) + ".")
ren = F.renamed_agencies(agencies, documents)
print(f"The crosswalk maps {len(ren)} written names to another canonical name, e.g. "
      + "、".join(f"{r.agency}→{r.agency_canonical}" for r in ren.head(4).itertuples()) + ".")
focus = F.distinctive_columns(matrix)
print("Theme each agency is most particularly responsible for (highest lift): "
      + "；".join(f"{a}: {F.code_label(c)}" for a, c in focus.head(8).items()) + ".")
"""),
]

# ---------------------------------------------------------------- 06 diffusion
NOTEBOOKS["06_diffusion"] = [
    md("""
# Diffusion: passages shared between plans

Policy diffuses by copying. Which passages does a district plan share with the city plan of
the same year, and which clauses do the 2024–2025 measures share with each
other? Shared passages come from the reuse table (aligned near-identical text); below, each
pair is shown side by side with the shared text highlighted.
"""),
    code(SETUP),
    code("""
reuse = tables["reuse"]
summary = F.reuse_summary(reuse, documents)
summary[["label_a", "label_b", "n_passages", "chars_a", "chars_b", "share_a", "share_b"]].round(3)
"""),
    md("## District and city plans, 2018"),
    code("""
pair18 = F.pick_pair(summary, FIRST, cross_level=True)
if pair18 is None:
    print(f"No shared passages between documents of different levels in {FIRST}.")
else:
    ex = F.reuse_excerpts(reuse, pair18.doc_a, pair18.doc_b, n=6)
    texts = F.load_texts(PROCESSED, [pair18.doc_a, pair18.doc_b])
    for c in F.passage_contexts(ex, texts, context=40):
        display(HTML(plot.side_by_side(c["a_text"], c["b_text"], c["spans_a"], c["spans_b"],
                                       a_label=labels[pair18.doc_a], b_label=labels[pair18.doc_b])))
"""),
    md("## Among the 2024–2025 measures"),
    code("""
pair24 = F.pick_pair(summary, LAST)
if pair24 is None:
    print(f"No shared passages among the {LAST} documents.")
else:
    ex = F.reuse_excerpts(reuse, pair24.doc_a, pair24.doc_b, n=6)
    texts = F.load_texts(PROCESSED, [pair24.doc_a, pair24.doc_b])
    for c in F.passage_contexts(ex, texts, context=40):
        display(HTML(plot.side_by_side(c["a_text"], c["b_text"], c["spans_a"], c["spans_b"],
                                       a_label=labels[pair24.doc_a], b_label=labels[pair24.doc_b])))
"""),
    md("## Finding"),
    code("""
def describe(pair):
    return (f"{pair.label_a} and {pair.label_b} share {pair.n_passages} passages: "
            f"{pair.chars_a:,} characters ({F.pct(pair.share_a)}) of the first and "
            f"{pair.chars_b:,} characters ({F.pct(pair.share_b)}) of the second.")

print(describe(pair18) if pair18 is not None else f"No cross-level reuse found in {FIRST}.")
print(describe(pair24) if pair24 is not None else f"No reuse found among the {LAST} documents.")
cross = summary[summary["period_a"] != summary["period_b"]]
print(f"Across periods, {len(cross)} document pair(s) share any passage; the most shared has "
      f"{int(cross['chars_a'].max()) if len(cross) else 0:,} characters in common.")
"""),
]


# ---------------------------------------------------------------- 07 PMC index
NOTEBOOKS["07_pmc"] = [
    md("""
# Policy consistency: the PMC index of each document

The PMC index (Policy Modeling Consistency, Ruiz Estrada 2011) scores a policy on nine
primary variables — X1 nature, X2 timeliness, X3 issuing body, X4 fields, X5 instruments,
X6 evaluation basis, X7 focus, X8 incentives and constraints, X9 openness — each the mean of yes/no secondary variables read from
the tables by declarative rules (the pmc: section of bioparse/resources/codebook.yaml). Are the 2024–2025 measures more
complete policy designs than the 2018 plans?

The grade reads the index as a fraction of the nine variables: perfect ≥ 0.9 (8.1 of 9),
excellent ≥ 0.7 (6.3), acceptable ≥ 0.5 (4.5), else poor. Much of the PMC literature grades on
fixed cut-offs instead (9–7 perfect, 6.99–5 excellent, 4.99–3 acceptable), under which a
document scoring 7.0–8.0 here would be "perfect", not "excellent".
"""),
    code(SETUP),
    md("## Index per document\n\nThe build scores every document (tables pmc and pmc_index)."),
    code("""
period_of = documents.set_index("doc_id")["period"]
index = tables["pmc_index"].assign(document=lambda d: d["doc_id"].map(labels),
                                   period=lambda d: d["doc_id"].map(period_of))
primary = tables["pmc"]
wide = primary.pivot_table(index="doc_id", columns="variable", values="score")
index.merge(wide, left_on="doc_id", right_index=True).sort_values(["period", "doc_id"]).set_index("document").drop(columns=["doc_id"]).round(2)
"""),
    code("""
scores = F.pmc_figure_scores(primary, index, labels, most=plot.MOST_ROWS)  # past 40 documents, a row per period
fig = plot.heatmap(scores, row="row", col="variable", value="score", fmt="{:.2f}",
                   title=plot.label("PMC 一级变量得分", "PMC primary-variable scores"),
                   cbar_label=plot.label("得分", "score"))
plot.save(fig, "07_pmc_scores", outdir=FIGURES, source=F.source_note(documents, ["pmc", "pmc_index"]))
"""),
    md("## Finding"),
    code("""
means = index.groupby("period")["pmc"].mean()
print(f"The {LAST} documents score {'higher' if means[LAST] > means[FIRST] else 'not higher'} on average "
      f"({means[LAST]:.2f} against {means[FIRST]:.2f} of 9 in {FIRST}, {means[LAST] - means[FIRST]:+.2f}).")
for p in PERIODS:
    docs = index[index["period"] == p].sort_values("doc_id")
    more = f"; and {len(docs) - 8} more" if len(docs) > 8 else ""
    print(f"{p}: mean PMC index {means[p]:.2f} of {int(docs['n_variables'].iloc[0])}; "
          + "; ".join(f"{r.document} {r.pmc:.2f} ({r.grade})" for r in docs.head(8).itertuples()) + more + ".")
gap = primary.merge(index[["doc_id", "period"]], on="doc_id").groupby(["variable", "name_zh", "period"])["score"].mean().unstack()
gap["change"] = gap[LAST] - gap[FIRST]
gap = gap.sort_values(["change"], ascending=False, kind="stable")
print("Largest gains: " + "; ".join(f"{v} {z} {r.change:+.2f}" for (v, z), r in gap.head(3).iterrows()) + ".")
spread = primary.groupby(["variable", "name_zh"])["score"].agg(["min", "max"])
same = spread[spread["min"] == spread["max"]]
if len(same):
    print("Same score in every document, so they do not tell the documents apart: "
          + "; ".join(f"{v} {z} {r['min']:.2f}" for (v, z), r in same.iterrows())
          + ".")
"""),
]


def build_notebook(name: str, cells: list) -> nbformat.NotebookNode:
    """A v4 notebook with stable cell ids and a python3 kernelspec, without outputs."""
    nb = new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(cells):
        cell.id = f"{name.split('_')[0]}-{i:02d}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        path = HERE / f"{name}.ipynb"
        nbformat.write(build_notebook(name, cells), path)
        print(path.name)


if __name__ == "__main__":
    main()
