"""Small helpers the notebooks share: readable document labels, per-period tables, findings.

The notebooks stay thin: they load the tables, call these functions and plot. Each
function takes the tidy tables (DataFrames as written by ``bioparse build``) and returns
a sorted DataFrame, a dict of numbers or a sentence, so a finding printed in a report is
computed from the data, never typed by hand.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = [
    "quiet_logs", "doc_labels", "period_order", "source_note", "corpus_table", "corpus_summary", "level_counts",
    "tree_outline", "deepest_document",
    "share_table", "with_group", "focus_codes", "code_label", "PARENT_LABELS", "period_contrast", "biggest_shifts",
    "top_keyness", "pct", "pp", "finding_sentence",
    "TARGET_GROUPS", "TARGET_GROUPS_ZH", "target_group_label", "STATUS_HEADING", "status_provisions", "goal_targets", "target_kind_table",
    "target_kind_shares", "fund_sizes", "target_examples",
    "agency_period_table", "renamed_agencies", "agency_theme_matrix", "agency_turnover",
    "distinctive_columns", "without_agency_names", "without_place_names",
    "reuse_summary", "pick_pair", "reuse_excerpts", "load_texts", "passage_contexts",
]

# Levels of the provision tree, top to bottom, for ordering columns.
LEVEL_ORDER = ["preamble", "document", "volume", "chapter", "division", "part", "action", "article", "section", "item",
               "subitem", "subsubitem", "point", "annex"]


# ---------------------------------------------------------------- documents
def _short_title(title: str, region: str, width: int = 12) -> str:
    """A title without its region prefix and plan-period parenthesis, cut to `width`."""
    t = re.sub(r"[（(][^（）()]*\d{4}[^（）()]*[）)]", "", title or "")
    for prefix in (region or "", "天津市"):
        if prefix and t.startswith(prefix):
            t = t[len(prefix):]
    t = t.strip() or (title or "")
    return t if len(t) <= width else t[:width] + "…"


def doc_labels(documents: pd.DataFrame, width: int = 12) -> dict[str, str]:
    """doc_id → a short readable label "region period · short title" for tables and axes.

    Built from the metadata only (region, period, title), so it works for any corpus.
    """
    out = {}
    for r in documents.sort_values("doc_id").itertuples(index=False):
        region = str(r.region or "").strip() or str(r.doc_id)
        out[r.doc_id] = f"{region} {r.period} · {_short_title(str(r.title), region, width)}"
    return out


def source_note(documents: pd.DataFrame, tables, processed: str = "data/processed") -> str:
    """The provenance line printed under a figure: which tables, which documents, which periods.

    Two lines, computed from the documents table so it never goes stale: e.g.
    "数据来源 (Source): bioparse 0.1.0, tables codes + provisions in data/processed/" and
    "5 policy documents (天津市 3, 滨海新区 1, 蓟州区 1); periods 2018, 2024-2025".
    """
    from . import __version__

    names = [tables] if isinstance(tables, str) else list(tables)
    regions = documents["region"].fillna("").astype(str).str.strip()
    regions = regions.where(regions != "", "?").value_counts()
    regions = sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f"{r} {c}" for r, c in regions[:_NOTE_MOST])
    if len(regions) > _NOTE_MOST:  # a large corpus: the note stays one line under the figure
        shown += f", {len(regions) - _NOTE_MOST} more regions {sum(c for _, c in regions[_NOTE_MOST:])}"
    periods = period_order(documents)
    period_text = (", ".join(periods) if len(periods) <= _NOTE_MOST
                   else f"{periods[0]} to {periods[-1]} ({len(periods)} periods)")
    n = len(documents)
    return (f"数据来源 (Source): bioparse {__version__}, table{'s' if len(names) > 1 else ''} "
            f"{' + '.join(names)} in {processed.rstrip('/')}/\n"
            f"{n} policy document{'s' if n != 1 else ''} ({shown}); period{'s' if len(periods) > 1 else ''} {period_text}")


_NOTE_MOST = 6  # regions, and periods, a source note names one by one


def period_order(documents: pd.DataFrame) -> list[str]:
    """The comparison periods in chronological (sorted) order, e.g. ['2018', '2024-2025']."""
    return sorted(p for p in documents["period"].dropna().astype(str).unique() if p)


def corpus_table(documents: pd.DataFrame, provisions: pd.DataFrame) -> pd.DataFrame:
    """One row per document: label, level, period, characters and provisions per tree level.

    A tree level named like a column of the row (``document``: a text without headings kept whole)
    is counted under ``document (level)``, so that the label column stays the document's label.
    """
    base = documents[["doc_id", "level", "period", "n_chars"]].copy()
    base.insert(1, "document", base["doc_id"].map(doc_labels(documents)))
    base["n_provisions"] = base["doc_id"].map(provisions.groupby("doc_id").size()).fillna(0).astype(int)
    counts = level_counts(provisions).rename(columns=lambda c: f"{c} (level)" if c in base.columns else c)
    out = base.merge(counts, left_on="doc_id", right_index=True, how="left")
    lvl_cols = list(counts.columns)
    out[lvl_cols] = out[lvl_cols].fillna(0).astype(int)
    return out.sort_values(["period", "level", "doc_id"]).reset_index(drop=True)


def level_counts(provisions: pd.DataFrame) -> pd.DataFrame:
    """Provisions per document (rows, doc_id) and tree level (columns, top to bottom)."""
    t = provisions.groupby(["doc_id", "level"]).size().unstack(fill_value=0)
    cols = [c for c in LEVEL_ORDER if c in t.columns] + sorted(c for c in t.columns if c not in LEVEL_ORDER)
    return t[cols].sort_index()


def tree_outline(provisions: pd.DataFrame, doc_id: str, max_depth: int = 2, width: int = 20) -> str:
    """A compact indented outline of one document's provision tree (labels + titles).

    Provisions deeper than `max_depth` are summarized as "(+N item)" under their ancestor.
    """
    p = provisions[provisions["doc_id"] == doc_id].sort_values("start")
    shown: list[tuple[str, str]] = []          # (provision_id or "", line)
    hidden: dict[tuple[str, str], int] = {}    # (ancestor id, level) -> count
    for r in p.itertuples(index=False):
        depth = int(r.depth) if pd.notna(r.depth) else 0
        if r.level == "preamble" or depth == 0:
            shown.append(("", f"[{r.level or 'preamble'}, {int(r.end) - int(r.start)} chars]"))
        elif depth > max_depth:
            key = (_ancestor_at(str(r.provision_id), max_depth), str(r.level))
            hidden[key] = hidden.get(key, 0) + 1
        else:
            title = str(r.title or "")
            title = title if len(title) <= width else title[:width] + "…"
            shown.append((str(r.provision_id), "  " * (depth - 1) + f"{r.label}{title}"))
    lines = []
    for pid, line in shown:
        lines.append(line)
        for (anc, level), n in sorted(hidden.items()):
            if pid and anc == pid:
                lines.append("  " * (pid.count(".") + 1) + f"(+{n} {level})")
    return "\n".join(lines)


def _ancestor_at(provision_id: str, depth: int) -> str:
    """The id of the ancestor at `depth` of a dotted provision id (2.3.1 at 2 → 2.3)."""
    return ".".join(provision_id.split(".")[:depth])


# ---------------------------------------------------------------- shares and contrasts
def pct(x: float, digits: int = 1) -> str:
    """A fraction as a percentage string: 0.1234 → '12.3%'; missing → 'n/a'."""
    return "n/a" if x is None or pd.isna(x) else f"{100 * x:.{digits}f}%"


def pp(x: float, digits: int = 1) -> str:
    """A difference of fractions in percentage points with its sign: 0.05 → '+5.0 pp'."""
    return "n/a" if x is None or pd.isna(x) else f"{100 * x:+.{digits}f} pp"


def _wide(shares: pd.DataFrame, by: str, value: str) -> pd.DataFrame:
    """Codes (rows) × groups (columns) of a long shares table; a wide table passes through.

    The group column is `by`, else 'group' (the name compare.code_shares gives it).
    """
    if by not in shares.columns and "group" in shares.columns:
        by = "group"
    if {by, "code", value} <= set(shares.columns):
        return shares.pivot_table(index="code", columns=by, values=value, aggfunc="sum", fill_value=0.0)
    return shares


def period_contrast(shares: pd.DataFrame, code: str, before: str | None = None,
                    after: str | None = None, by: str = "period", value: str = "share") -> dict:
    """Share of one code in the first and last period, their difference and ratio.

    `shares` is long (columns by, code, share) or wide (codes × periods). Returns
    {code, before, after, share_before, share_after, change, ratio}.
    """
    w = _wide(shares, by, value)
    cols = sorted(w.columns)
    before = before or cols[0]
    after = after or cols[-1]
    a = float(w.at[code, before]) if code in w.index and before in w.columns else 0.0
    b = float(w.at[code, after]) if code in w.index and after in w.columns else 0.0
    return {"code": code, "before": before, "after": after, "share_before": a, "share_after": b,
            "change": b - a, "ratio": (b / a) if a else float("inf") if b else float("nan")}


def biggest_shifts(shares: pd.DataFrame, n: int = 3, by: str = "period", value: str = "share",
                   before: str | None = None, after: str | None = None) -> pd.DataFrame:
    """The `n` codes whose share rose most and the `n` that fell most, first → last period.

    Columns: code, share_before, share_after, change; rises first, ties broken by code.
    """
    w = _wide(shares, by, value)
    cols = sorted(w.columns)
    before, after = before or cols[0], after or cols[-1]
    t = pd.DataFrame({"code": w.index.astype(str), "share_before": w[before].to_numpy(dtype=float),
                      "share_after": w[after].to_numpy(dtype=float)})
    t["change"] = t["share_after"] - t["share_before"]
    up = t[t["change"] > 0].sort_values(["change", "code"], ascending=[False, True]).head(n)
    down = t[t["change"] < 0].sort_values(["change", "code"], ascending=[True, True]).head(n)
    return pd.concat([up, down]).reset_index(drop=True)


def finding_sentence(what: str, contrast: dict) -> str:
    """One sentence of a period contrast: "<what>: 4.0% of provisions in 2018 → 12.0% in 2024-2025 (+8.0 pp)."."""
    return (f"{what}: {pct(contrast['share_before'])} in {contrast['before']} → "
            f"{pct(contrast['share_after'])} in {contrast['after']} ({pp(contrast['change'])}).")


# ---------------------------------------------------------------- targets
# Target kinds grouped into the contrast notebook 4 draws: how big vs how fast vs how much money.
TARGET_GROUPS = {
    "output": "scale (output, revenue)",
    "count": "scale (counts of firms, bases…)",
    "time_limit": "process time (review, start-up limits)",
    "funding": "funding (funds, subsidies, awards)",
}


# Chinese names of the groups, for figures labelled '中文 (English)' like the code labels.
TARGET_GROUPS_ZH = {
    "output": "规模：产值、营业收入",
    "count": "规模：企业、基地等数量",
    "time_limit": "流程时限：审评、启动",
    "funding": "资金：基金、补贴、奖励",
}


def target_group_label(group: str) -> str:
    """'中文 (English)' label of a target kind group (a value of TARGET_GROUPS, or 'other')."""
    by_name = {v: TARGET_GROUPS_ZH.get(k) for k, v in TARGET_GROUPS.items()}
    zh = "其他" if group == "other" else by_name.get(group)
    en = re.sub(r" \((.*)\)$", r": \1", str(group))  # no parentheses inside the gloss
    return f"{zh} ({en})" if zh else str(group)


def _with_period(df: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """`df` with the period and level of its document (joined on doc_id)."""
    cols = [c for c in ("doc_id", "period", "level") if c in documents.columns]
    drop = [c for c in cols if c != "doc_id" and c in df.columns]
    return df.drop(columns=drop).merge(documents[cols], on="doc_id", how="left")


from .targets import STATUS_HEADING  # noqa: E402  (the rule lives with the targets)


def status_provisions(provisions: pd.DataFrame) -> set[tuple[str, str]]:
    """(doc_id, provision_id) of provisions inside a current-state section (see STATUS_HEADING)."""
    titles = {(r.doc_id, r.provision_id): str(r.title or "").strip(" 。.：:")
              for r in provisions.itertuples(index=False)}
    out = set()
    for (doc, pid) in titles:
        parts = str(pid).split(".")
        chain = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(STATUS_HEADING.fullmatch(titles.get((doc, a), "") or "-") for a in chain):
            out.add((doc, pid))
    return out


def goal_targets(targets: pd.DataFrame, provisions: pd.DataFrame) -> pd.DataFrame:
    """Targets that are goals: those inside a current-state section (发展现状 …) are dropped."""
    if "status" in targets.columns:
        return targets[targets["status"] == "goal"].reset_index(drop=True)
    status = status_provisions(provisions)
    keep = [(d, p) not in status for d, p in zip(targets["doc_id"], targets["provision_id"])]
    return targets[keep].reset_index(drop=True)


def target_kind_table(targets: pd.DataFrame, documents: pd.DataFrame,
                      groups: dict[str, str] | None = None) -> pd.DataFrame:
    """Number of targets per period (rows) and kind group (columns); other kinds → 'other'.

    Every period of `documents` is a row, even one without targets.
    """
    groups = TARGET_GROUPS if groups is None else groups
    t = _with_period(targets, documents)
    t["group"] = t["kind"].map(groups).fillna("other")
    order = list(dict.fromkeys(groups.values())) + ["other"]
    tab = t.groupby(["period", "group"]).size().unstack(fill_value=0)
    tab = tab.reindex(index=period_order(documents), columns=order, fill_value=0)
    tab.index.name, tab.columns.name = "period", "kind"
    return tab.astype(int)


def target_kind_shares(targets: pd.DataFrame, documents: pd.DataFrame,
                       groups: dict[str, str] | None = None) -> pd.DataFrame:
    """Share of each kind group among a period's targets (rows sum to 1; 0 when no targets)."""
    tab = target_kind_table(targets, documents, groups)
    totals = tab.sum(axis=1).astype(float)
    return tab.astype(float).div(totals.where(totals > 0), axis=0).fillna(0.0)


def fund_sizes(targets: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Funding targets in 亿元, largest first: document, period, text, value_norm."""
    t = _with_period(targets, documents)
    t = t[(t["kind"] == "funding") & (t["unit_norm"] == "亿元") & t["value_norm"].notna()].copy()
    t["document"] = t["doc_id"].map(doc_labels(documents))
    return (t[["period", "document", "doc_id", "provision_id", "text", "value_norm"]]
            .sort_values(["value_norm", "doc_id", "provision_id"], ascending=[False, True, True])
            .reset_index(drop=True))


def target_examples(targets: pd.DataFrame, documents: pd.DataFrame, kinds: list[str], n: int = 5) -> pd.DataFrame:
    """Up to `n` targets of the given kinds per period, in document order: period, kind, text."""
    t = _with_period(targets, documents)
    t = t[t["kind"].isin(kinds)].sort_values(["period", "doc_id", "start"])
    return t.groupby("period", sort=True).head(n)[["period", "doc_id", "kind", "text"]].reset_index(drop=True)


# ---------------------------------------------------------------- agencies
def agency_period_table(agencies: pd.DataFrame, documents: pd.DataFrame, column: str = "agency_canonical") -> pd.DataFrame:
    """Provisions each agency is responsible for, per period (agencies × periods), busiest first."""
    a = _with_period(agencies, documents)
    a = a[a[column].astype(str) != ""]
    tab = (a.drop_duplicates(["doc_id", "provision_id", column])
           .groupby([column, "period"]).size().unstack(fill_value=0))
    tab = tab.reindex(columns=period_order(documents), fill_value=0)
    tab["total"] = tab.sum(axis=1)
    tab = tab.reset_index().sort_values(["total", column], ascending=[False, True]).set_index(column)
    tab.columns.name = "period"
    return tab.astype(int)


def renamed_agencies(agencies: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Names written one way and mapped to another canonical name (reform renames, short forms).

    Columns: agency, agency_canonical, periods (joined), n (rows); sorted by canonical name.
    """
    a = _with_period(agencies, documents)
    a = a[(a["agency"] != a["agency_canonical"]) & (a["agency_canonical"].astype(str) != "")]
    if a.empty:
        return pd.DataFrame(columns=["agency", "agency_canonical", "periods", "n"])
    g = a.groupby(["agency_canonical", "agency"]).agg(
        periods=("period", lambda s: ", ".join(sorted(set(map(str, s))))), n=("doc_id", "size")).reset_index()
    return g[["agency", "agency_canonical", "periods", "n"]].sort_values(["agency_canonical", "agency"]).reset_index(drop=True)


def agency_turnover(table: pd.DataFrame) -> dict:
    """From agency_period_table: agencies only in the first period, only in the last, and in both."""
    periods = [c for c in table.columns if c != "total"]
    first, last = periods[0], periods[-1]
    only_first = sorted(table.index[(table[first] > 0) & (table[last] == 0)])
    only_last = sorted(table.index[(table[first] == 0) & (table[last] > 0)])
    both = sorted(table.index[(table[first] > 0) & (table[last] > 0)])
    return {"first": first, "last": last, "only_first": only_first, "only_last": only_last, "both": both}


def agency_theme_matrix(agencies: pd.DataFrame, codes: pd.DataFrame, scheme: str = "theme",
                        top_agencies: int = 12, top_codes: int = 12) -> pd.DataFrame:
    """Provisions per canonical agency (rows) and code (columns) of one scheme, busiest first.

    An agency counts for a provision's codes when it is named responsible for that provision.
    """
    a = agencies[agencies["agency_canonical"].astype(str) != ""][["doc_id", "provision_id", "agency_canonical"]]
    c = codes[codes["scheme"] == scheme][["doc_id", "provision_id", "code"]]
    m = a.drop_duplicates().merge(c.drop_duplicates(), on=["doc_id", "provision_id"])
    if m.empty:
        return pd.DataFrame()
    tab = m.groupby(["agency_canonical", "code"]).size().unstack(fill_value=0)
    rows = tab.sum(axis=1).reset_index(name="n").sort_values(["n", "agency_canonical"], ascending=[False, True])
    cols = tab.sum(axis=0).reset_index(name="n").sort_values(["n", "code"], ascending=[False, True])
    return tab.loc[rows["agency_canonical"].head(top_agencies), cols["code"].head(top_codes)].astype(int)


def distinctive_columns(matrix: pd.DataFrame, min_count: int = 2) -> pd.Series:
    """For each row of a count matrix, the column most over-represented in it (lift over the
    column's overall share), among cells with at least `min_count`; rows without one are dropped.

    Used to say what each agency is *particularly* responsible for, rather than the theme
    every agency shares.
    """
    if matrix.empty:
        return pd.Series(dtype=object)
    col_share = matrix.sum(axis=0) / max(float(matrix.to_numpy().sum()), 1.0)
    out = {}
    for row, counts in matrix.iterrows():
        total = float(counts.sum())
        cand = [(-(c / total) / col_share[k], -c, str(k)) for k, c in counts.items() if c >= min_count and total]
        if cand:
            out[row] = min(cand)[2]
    return pd.Series(out, dtype=object)


def without_agency_names(terms: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """Terms minus the names of responsible agencies (as written and canonical).

    Agency names change with reforms (市科委 → 市科技局), so in a keyness list they show
    renaming, not a shift of priorities.
    """
    names = set(agencies["agency"].astype(str)) | set(agencies["agency_canonical"].astype(str))
    names |= {n[1:] for n in names if len(n) > 2 and n[0] in "省市区县"}  # 市科技局 → 科技局
    return terms[~terms["term"].astype(str).isin(names)].reset_index(drop=True)


def without_place_names(terms: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Terms minus the places the documents are issued for (蓟州区 and 蓟州, 天津市 and 天津 …).

    A district's name is typical of its own plan, so in a keyness list it shows which
    documents a period holds, not a shift of priorities.
    """
    names = {str(r).strip() for r in documents.get("region", pd.Series(dtype=str)).dropna()} - {""}
    names |= {re.sub(r"(新区|自治县|自治州|特别行政区|省|市|区|县|州|盟|旗)$", "", n) for n in names}
    names = {n for n in names if len(n) >= 2}
    return terms[~terms["term"].astype(str).isin(names)].reset_index(drop=True)


# ---------------------------------------------------------------- diffusion (text reuse)
def reuse_summary(reuse: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Per document pair: shared passages, shared characters and their share of each document.

    Shared characters are counted on each side as the union of the passages' spans, so
    overlapping passages are not counted twice.
    """
    labels = doc_labels(documents)
    n_chars = documents.set_index("doc_id")["n_chars"].astype(float)
    meta = documents.set_index("doc_id")
    rows = []
    for (a, b), g in reuse.groupby(["doc_a", "doc_b"], sort=True):
        ca = _covered(g["a_start"], g["a_end"])
        cb = _covered(g["b_start"], g["b_end"])
        rows.append({
            "doc_a": a, "doc_b": b, "label_a": labels.get(a, a), "label_b": labels.get(b, b),
            "period_a": meta.at[a, "period"] if a in meta.index else "",
            "period_b": meta.at[b, "period"] if b in meta.index else "",
            "level_a": meta.at[a, "level"] if a in meta.index else "",
            "level_b": meta.at[b, "level"] if b in meta.index else "",
            "n_passages": len(g), "chars_a": ca, "chars_b": cb,
            "share_a": ca / n_chars.get(a, float("nan")), "share_b": cb / n_chars.get(b, float("nan")),
            "mean_similarity": float(g["similarity"].mean()),
        })
    cols = ["doc_a", "doc_b", "label_a", "label_b", "period_a", "period_b", "level_a", "level_b",
            "n_passages", "chars_a", "chars_b", "share_a", "share_b", "mean_similarity"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["chars_a", "doc_a", "doc_b"], ascending=[False, True, True]).reset_index(drop=True)


def _covered(starts, ends) -> int:
    """Number of positions covered by the union of [start, end) spans."""
    total, cur_s, cur_e = 0, None, None
    for s, e in sorted(zip(map(int, starts), map(int, ends))):
        if cur_e is None or s > cur_e:
            total += 0 if cur_e is None else cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    return total + (0 if cur_e is None else cur_e - cur_s)


def pick_pair(summary: pd.DataFrame, period: str | None = None, cross_level: bool | None = None) -> pd.Series | None:
    """The pair sharing most text among pairs of one period (both documents in it).

    `cross_level=True` keeps pairs whose documents sit at different levels (district vs
    city), False pairs at the same level; None either. Returns None when no pair fits.
    """
    s = summary
    if period is not None:
        s = s[(s["period_a"] == period) & (s["period_b"] == period)]
    if cross_level is not None:
        s = s[(s["level_a"] != s["level_b"]) == cross_level]
    if s.empty:
        return None
    return s.sort_values(["chars_a", "doc_a", "doc_b"], ascending=[False, True, True]).iloc[0]


def reuse_excerpts(reuse: pd.DataFrame, doc_a: str, doc_b: str, n: int = 5) -> pd.DataFrame:
    """The `n` longest shared passages of one pair, in doc_a order (a_text, b_text, spans)."""
    g = reuse[((reuse["doc_a"] == doc_a) & (reuse["doc_b"] == doc_b))]
    g = g.sort_values(["n_chars", "a_start"], ascending=[False, True]).head(n)
    return g.sort_values("a_start").reset_index(drop=True)


# ---------------------------------------------------------------- notebook plumbing
def pmc_figure_scores(primary: pd.DataFrame, index: pd.DataFrame, labels: dict, most: int = 40) -> pd.DataFrame:
    """Long rows (row, variable, score) for the PMC heatmap, in period order.

    Up to ``most`` documents, a row per document (its label); a larger corpus, whose heatmap
    would be a page per hundred documents, a row per period holding its documents' mean score.
    """
    scores = (primary.merge(index[["doc_id", "period"]], on="doc_id")
              .sort_values(["period", "doc_id"], kind="stable")
              .assign(variable=lambda d: d["variable"] + " " + d["name_zh"]))
    if index["doc_id"].nunique() <= most:
        return scores.assign(row=scores["doc_id"].map(labels))
    n_docs = index.groupby("period")["doc_id"].nunique()
    means = scores.groupby(["period", "variable"], sort=False)["score"].mean().reset_index()
    return means.assign(row=means["period"].map(
        lambda p: f"{p or '无时期 (no period)'} · mean of {n_docs[p]} document{'s' if n_docs[p] != 1 else ''}"))


def quiet_logs() -> None:
    """Silence jieba's start-up log (it prints timings), so executed notebooks are stable."""
    import logging

    try:
        import jieba
        jieba.setLogLevel(logging.WARNING)
    except ImportError:  # jieba is a dependency, but the notebooks must not need it to import
        pass
    logging.getLogger("jieba").setLevel(logging.WARNING)


def deepest_document(provisions: pd.DataFrame) -> str:
    """doc_id of the document with the deepest provision tree (most provisions on ties)."""
    g = provisions.groupby("doc_id").agg(depth=("depth", "max"), n=("provision_id", "size")).reset_index()
    return str(g.sort_values(["depth", "n", "doc_id"], ascending=[False, False, True]).iloc[0]["doc_id"])


def corpus_summary(documents: pd.DataFrame, provisions: pd.DataFrame) -> dict:
    """Counts for the corpus finding: documents per period and level, characters, provisions."""
    d = documents.copy()
    d["n_provisions"] = d["doc_id"].map(provisions.groupby("doc_id").size()).fillna(0).astype(int)
    per = d.groupby("period").agg(docs=("doc_id", "size"), chars=("n_chars", "sum"),
                                  provisions=("n_provisions", "sum"), mean_chars=("n_chars", "mean"))
    return {
        "n_docs": len(d), "n_chars": int(d["n_chars"].sum()), "n_provisions": int(d["n_provisions"].sum()),
        "levels": {k: int(v) for k, v in sorted(d["level"].value_counts().items())},
        "periods": {p: {k: (int(v) if k != "mean_chars" else float(v)) for k, v in per.loc[p].items()}
                    for p in period_order(documents)},
        "levels_used": sorted(provisions["level"].dropna().unique().tolist(),
                              key=lambda x: LEVEL_ORDER.index(x) if x in LEVEL_ORDER else len(LEVEL_ORDER)),
    }


# ---------------------------------------------------------------- shares, codes, keyness
def share_table(shares: pd.DataFrame, by: str = "period", value: str = "share") -> pd.DataFrame:
    """Codes (rows) × groups (columns) of a shares table, largest share in the last group first."""
    w = _wide(shares, by, value)
    w = w[sorted(w.columns)]
    order = pd.DataFrame({"code": w.index.astype(str), "last": w.iloc[:, -1].to_numpy(dtype=float),
                          "total": w.sum(axis=1).to_numpy(dtype=float)})
    order = order.sort_values(["last", "total", "code"], ascending=[False, False, True])
    out = w.loc[order["code"]]
    out.index.name, out.columns.name = "code", by
    return out.astype(float)


def with_group(documents: pd.DataFrame, columns: list[str], name: str = "group") -> pd.DataFrame:
    """`documents` with a column joining several grouping columns ("2018 city"), for shares by it.

    A blank value (a document with no date has no period) reads "?" (? city), so no group's
    label is empty or starts with a blank.
    """
    out = documents.copy()
    parts = out[columns].fillna("").astype(str).apply(lambda col: col.str.strip().replace("", "?"))
    out[name] = parts.agg(" ".join, axis=1)
    return out


def focus_codes(shares: pd.DataFrame, stems: list[str], by: str = "period", value: str = "share") -> list[str]:
    """The codes of a shares table whose id contains each stem (first match per stem, in order).

    Lets a notebook ask for "review", "clinical", "insurance" without hard-wiring the exact
    code ids of a codebook a researcher may have edited.
    """
    ids = sorted(map(str, _wide(shares, by, value).index))
    out = []
    for stem in stems:
        hit = next((c for c in ids if c == stem), None) or next((c for c in ids if stem in c), None)
        if hit and hit not in out:
            out.append(hit)
    return out


_CODE_LABELS: dict[str, str] | None = None


def code_label(code_id: str, short: bool = False) -> str:
    """'中文 (English)' label of a code id from the codebook (only '中文' when `short`),
    or the id itself if the codebook does not know it."""
    global _CODE_LABELS
    if _CODE_LABELS is None:
        _CODE_LABELS = _load_code_labels()
    label = _CODE_LABELS.get(str(code_id), str(code_id))
    return label.split(" (", 1)[0] if short else label


# Rothwell & Zegveld's three instrument families: the parents of the instrument sub-codes.
PARENT_LABELS = {"supply": "供给型 (Supply-side)", "environment": "环境型 (Environment-side)",
                 "demand": "需求型 (Demand-side)"}


def _load_code_labels() -> dict[str, str]:
    """Code id → '中文 (English)' from the packaged codebook, plus the instrument families."""
    out = dict(PARENT_LABELS)
    try:
        from .codebook import iter_codes, load_codebook
        codes = list(iter_codes(load_codebook()))
    except Exception:  # an unreadable codebook must not break a report: fall back to the ids
        return out
    for _scheme, c in codes:
        zh, en = str(c.get("label_zh") or ""), str(c.get("label_en") or "")
        out[str(c["id"])] = f"{zh} ({en})" if zh and en else (zh or en or str(c["id"]))
    return out


# ---------------------------------------------------------------- reuse excerpts
def load_texts(processed_dir, doc_ids) -> dict[str, str]:
    """Normalized texts (data/processed/text/DOC.txt) of the given documents."""
    from pathlib import Path

    base = Path(processed_dir) / "text"
    return {d: (base / f"{d}.txt").read_text(encoding="utf-8") for d in sorted(set(doc_ids))}


def passage_contexts(excerpts: pd.DataFrame, texts: dict[str, str], context: int = 40) -> list[dict]:
    """Each shared passage with `context` characters either side, and its span in the snippet.

    Returns dicts {a_text, b_text, spans_a, spans_b} ready for plot.side_by_side.
    """
    out = []
    for r in excerpts.itertuples(index=False):
        snips = {}
        for side, doc, s, e in (("a", r.doc_a, r.a_start, r.a_end), ("b", r.doc_b, r.b_start, r.b_end)):
            text = texts[doc]
            lo, hi = max(0, int(s) - context), min(len(text), int(e) + context)
            snips[f"{side}_text"] = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
            shift = 1 if lo else 0
            snips[f"spans_{side}"] = [(int(s) - lo + shift, int(e) - lo + shift)]
        out.append(snips)
    return out


def top_keyness(key: pd.DataFrame, n: int = 15, score: str | None = None) -> pd.DataFrame:
    """The `n` most positive (typical of the target) and `n` most negative terms of a keyness table.

    `key` has a term column and a signed score column (`score`, else the first of keyness,
    G2, signed_g2, g2, llr, log_ratio found, as from compare.keyness). Returns term and that column renamed 'keyness',
    positive terms first, each side ranked by |score| with ties broken by term.
    """
    col = score or next(c for c in ("keyness", "G2", "signed_g2", "g2", "llr", "log_ratio", "score") if c in key.columns)
    k = key.rename(columns={col: "keyness"}) if col != "keyness" else key.copy()
    pos = k[k["keyness"] > 0].sort_values(["keyness", "term"], ascending=[False, True]).head(n)
    neg = k[k["keyness"] < 0].sort_values(["keyness", "term"], ascending=[True, True]).head(n)
    return pd.concat([pos, neg]).reset_index(drop=True)
