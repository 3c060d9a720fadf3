"""One house style for paper figures: CJK fonts, Okabe–Ito colours, PNG + SVG + PDF output.

Notebooks call `use_style()` once, then one-line figure functions that take tidy (or
wide) DataFrames: `bar_shares`, `diverging_keyness`, `heatmap`, `dot_plot`. `save`
writes byte-stable PNG, SVG and PDF files; `side_by_side` returns HTML for reuse pairs.
"""
from __future__ import annotations

import html
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt  # re-exported: notebooks use plot.plt
import matplotlib.ticker
import pandas as pd
from cycler import cycler
from matplotlib import font_manager
from matplotlib.patches import Patch

from .errors import BioparseError

__all__ = ["plt", "setup_fonts", "use_style", "figsize", "palette", "period_color",
           "set_periods", "label", "save", "add_source", "SavedFiles", "bar_shares", "diverging_keyness", "heatmap",
           "dot_plot", "side_by_side", "FONT_FAMILY", "OKABE_ITO"]

FONT_FAMILY = "Noto Sans CJK SC"
# Tried in order after the bundled font; only families actually installed are kept,
# so matplotlib never logs "font family not found" for the others.
_FALLBACK_FAMILIES = ["Noto Sans CJK JP", "Source Han Sans SC", "Source Han Sans CN",
                      "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei",
                      "PingFang SC", "Heiti SC", "Arial Unicode MS", "DejaVu Sans"]

# Okabe & Ito (2008), colour-blind safe; ordered so the first colours contrast most on white.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]

COLUMN_WIDTH = {1: 3.5, 2: 7.2}  # inches: one and two journal columns
_HASH_SALT = "bioparse"
_FORMATS = ("png", "svg", "pdf")
# Keys that carry a creation date in each format; None drops them so saves are byte-stable.
_NO_DATE = {"png": None, "svg": {"Date": None}, "pdf": {"CreationDate": None}}

_font_path: Path | None = None
_periods: list[str] = []


class FontMissingError(BioparseError):
    """The bundled CJK font package (noto-cjk-sans-otc) is not installed."""


class PlotInputError(BioparseError):
    """A DataFrame handed to a figure function lacks the columns it needs."""


# --------------------------------------------------------------------------- fonts and style
def _bundled_font_file() -> Path:
    """Path of NotoSansCJK-Regular.ttc inside the installed noto-cjk-sans-otc package."""
    try:
        import noto_cjk_sans_otc as pkg
    except ImportError:
        raise FontMissingError("noto-cjk-sans-otc", "the CJK font package is not installed, "
                               "so Chinese text would render as empty boxes",
                               "run make install (or pip install noto-cjk-sans-otc)") from None
    path = Path(str(getattr(pkg, "FONT_PATH", Path(pkg.__file__).parent / "NotoSansCJK-Regular.ttc")))
    if not path.is_file():
        raise FontMissingError(path, "the CJK font file is missing from the installed package",
                               "run make install to reinstall noto-cjk-sans-otc")
    return path


def setup_fonts() -> Path:
    """Register the bundled Noto Sans CJK font with matplotlib and make it the sans-serif default.

    Idempotent; returns the font file. Raises FontMissingError when the package is absent.
    """
    global _font_path
    if _font_path is None:
        path = _bundled_font_file()
        font_manager.fontManager.addfont(str(path))
        _font_path = path
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [FONT_FAMILY] + [f for f in _FALLBACK_FAMILIES if f in installed]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = families
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts may lack U+2212
    return _font_path


STYLE = {
    "font.size": 8, "axes.titlesize": 9, "axes.labelsize": 8, "xtick.labelsize": 7,
    "ytick.labelsize": 7, "legend.fontsize": 7, "legend.title_fontsize": 7,
    "axes.titlelocation": "left", "axes.titleweight": "normal",
    "axes.spines.top": False, "axes.spines.right": False, "axes.linewidth": 0.6,
    "axes.edgecolor": "#333333", "axes.labelcolor": "#222222", "text.color": "#222222",
    "xtick.major.width": 0.6, "ytick.major.width": 0.6, "xtick.major.size": 2.5,
    "ytick.major.size": 2.5, "xtick.color": "#333333", "ytick.color": "#333333",
    "axes.grid": False, "grid.linewidth": 0.4, "grid.color": "#dddddd",
    "legend.frameon": False, "lines.linewidth": 1.2, "patch.linewidth": 0,
    "figure.dpi": 150, "figure.figsize": (3.5, 3.5 * 0.62), "figure.constrained_layout.use": True,
    "savefig.dpi": 300, "savefig.bbox": "tight", "savefig.pad_inches": 0.03,
    "savefig.facecolor": "white", "figure.facecolor": "white",
    "svg.fonttype": "path", "svg.hashsalt": _HASH_SALT, "pdf.fonttype": 42,
    "axes.prop_cycle": cycler(color=OKABE_ITO),
}


def use_style(periods=None) -> None:
    """Apply the house style (fonts, sizes, palette, clean spines, 300-dpi output) to matplotlib.

    Idempotent. `periods`, if given, fixes the colour of each period (see `set_periods`).
    """
    setup_fonts()
    matplotlib.rcParams.update(STYLE)
    if periods is not None:
        set_periods(periods)


def figsize(columns: int = 1, aspect: float = 0.62) -> tuple[float, float]:
    """(width, height) in inches for a one- (3.5 in) or two-column (7.2 in) figure; height = width × aspect."""
    if columns not in COLUMN_WIDTH:
        raise ValueError(f"columns must be 1 or 2, not {columns!r}")
    w = COLUMN_WIDTH[columns]
    return (w, round(w * aspect, 3))


def palette(n: int | None = None) -> list[str]:
    """The first `n` Okabe–Ito colours (repeating past eight); all eight when n is None."""
    n = len(OKABE_ITO) if n is None else n
    return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(n)]


# a fill pattern for each round of eight colours: the ninth group of a figure has the first
# group's colour, so it is told apart by its hatching (None: solid)
HATCHES = (None, "////", "....", "xxxx", "\\\\\\\\", "oo")


def group_hatch(i: int) -> str | None:
    """The hatching of the ``i``-th group (from 0) of a figure whose colours repeat past eight."""
    return HATCHES[i // len(OKABE_ITO) % len(HATCHES)]


MARKERS = ("o", "s", "^", "D", "v", "P")  # a dot plot's markers, one per round of eight colours


def group_marker(i: int) -> str:
    """The marker of the ``i``-th group (from 0) of a dot plot whose colours repeat past eight."""
    return MARKERS[i // len(OKABE_ITO) % len(MARKERS)]


def set_periods(periods) -> None:
    """Fix period colours by chronological (sorted) order, so every figure colours a period alike."""
    _periods[:] = sorted({str(p) for p in periods})


def period_color(period) -> str:
    """The colour of a period: by its sorted position in `set_periods`, else in order first seen."""
    p = str(period)
    if p not in _periods:
        _periods.append(p)
    return OKABE_ITO[_periods.index(p) % len(OKABE_ITO)]


def label(zh: str, en: str | None = None) -> str:
    """'中文 (English)': a Chinese label with its English gloss, or just the Chinese."""
    return f"{zh} ({en})" if en else str(zh)


# --------------------------------------------------------------------------- saving
class SavedFiles(list):
    """The list of paths `save` wrote; shown in a notebook as one short line, not three reprs."""

    def __repr__(self) -> str:
        if not self:
            return "saved nothing"
        stem = self[0].with_suffix("")
        if all(p.with_suffix("") == stem for p in self):
            return f"saved {stem}.{{{','.join(p.suffix[1:] for p in self)}}}"
        return "saved " + ", ".join(map(str, self))

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's display of a cell's last value
        printer.text(repr(self))


def add_source(fig, source: str):
    """Write a provenance line (data source) under the figure, small and grey, left-aligned.

    The figure's layout is run once and frozen, then the figure grows by a strip at its
    bottom that holds the note, with the axes and legends moved up unchanged: the note never
    overlaps the plot or a legend. A second call replaces the note in the same strip.
    """
    text, size = str(source), 5.5
    old = [t for t in fig.texts if t.get_gid() == "bioparse-source"]
    for t in old:
        t.remove()
    if not old:
        fig.canvas.draw()  # final positions of axes, colorbars and legends under the layout
        renderer = fig.canvas.get_renderer()
        legends = [(leg, leg.get_window_extent(renderer)) for leg in fig.legends]
        boxes = [(ax, ax.get_position()) for ax in fig.axes]
        fig.set_layout_engine("none")
        w, h = fig.get_size_inches()
        strip = (size * 1.25 * (text.count("\n") + 1) + 6) / 72  # inches
        fig.set_size_inches(w, h + strip)
        scale, lift = h / (h + strip), strip / (h + strip)
        for ax, b in boxes:
            ax.set_position([b.x0, lift + b.y0 * scale, b.width, b.height * scale])
        for leg, bb in legends:
            leg.set_loc("lower left")
            leg.set_bbox_to_anchor((bb.x0 / fig.dpi / w, (bb.y0 / fig.dpi + strip) / (h + strip)),
                                   transform=fig.transFigure)
        fig.canvas.draw()
        for leg, bb in legends:  # take out the legend's own padding from its anchor
            now = leg.get_window_extent(fig.canvas.get_renderer())
            dx, dy = (bb.x0 - now.x0) / fig.dpi / w, (bb.y0 + strip * fig.dpi - now.y0) / fig.dpi / (h + strip)
            anchor = leg.get_bbox_to_anchor().transformed(fig.transFigure.inverted())
            leg.set_bbox_to_anchor((anchor.x0 + dx, anchor.y0 + dy), transform=fig.transFigure)
    return fig.text(0.0, 0.004, text, ha="left", va="bottom", fontsize=size, color="#666666",
                    gid="bioparse-source")


def save(fig, name: str, outdir="figures", formats=_FORMATS, source: str | None = None) -> list[Path]:
    """Write `fig` as outdir/name.png (300 dpi), .svg and .pdf without creation dates; returns the paths.

    `source`, if given, is printed under the figure (see `add_source`), so a figure pasted
    into a paper still says which data it was drawn from. The figure stays open so a
    notebook still shows it inline.
    """
    if source:
        add_source(fig, source)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = SavedFiles()
    with matplotlib.rc_context({"svg.hashsalt": _HASH_SALT}):
        for fmt in formats:
            path = outdir / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, dpi=300, metadata=_NO_DATE.get(fmt))
            paths.append(path)
    return paths


# --------------------------------------------------------------------------- figures
def _need(df: pd.DataFrame, what: str, columns) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise PlotInputError(None, f"{what} needs columns {missing}, got {list(df.columns)}",
                             "pass the column names as arguments or rename the columns")


def _labeler(labels):
    """A function id → display label from a dict, a callable, or None (codebook labels)."""
    if callable(labels):
        return labels
    if isinstance(labels, dict):
        return lambda k: labels.get(k, k)
    try:
        from .findings import code_label
        return code_label
    except Exception:  # pragma: no cover - findings absent: show ids
        return str


def bar_shares(df: pd.DataFrame, by: str | None = None, code: str = "code", value: str = "share",
               *, title: str | None = None, labels=None, xlabel: str | None = None,
               columns: int = 1, top: int | None = None):
    """Grouped horizontal bars: the share of each code (rows) in each group (one bar per group).

    `df` is long (columns `by`, `code`, `value`, e.g. from compare.code_shares); `by`
    defaults to 'period' or else 'group'. Codes are ordered by their share in the last
    group. `labels` maps code ids to display labels (default: the codebook's labels).
    """
    if by is None:
        by = next((c for c in ("period", "group") if c in df.columns), "period")
    _need(df, "bar_shares", [by, code, value])
    wide = df.pivot_table(index=code, columns=by, values=value, aggfunc="sum", fill_value=0.0)
    wide = wide[sorted(wide.columns, key=str)]
    order = pd.DataFrame({"code": wide.index.astype(str), "last": wide.iloc[:, -1].to_numpy(float),
                          "total": wide.sum(axis=1).to_numpy(float)})
    order = order.sort_values(["last", "total", "code"], ascending=[False, False, True])
    wide = wide.loc[order["code"].head(top) if top else order["code"]]
    name = _labeler(labels)
    groups = list(wide.columns)
    k, n = len(groups), len(wide)
    height = max(1.6, 0.5 + n * (0.12 + 0.09 * k))
    fig, ax = plt.subplots(figsize=(COLUMN_WIDTH[columns], height))
    bar_h = 0.8 / max(k, 1)
    colors = [period_color(g) for g in groups] if by == "period" else palette(k)
    for i, (g, color) in enumerate(zip(groups, colors)):
        ys = [j + (i - (k - 1) / 2) * bar_h for j in range(n)]
        # past eight groups the colours repeat: hatching tells the later rounds apart
        hatch = group_hatch(i) if k > len(OKABE_ITO) else None
        ax.barh(ys, wide[g].to_numpy(float), height=bar_h, color=color, label=str(g),
                hatch=hatch, edgecolor="white" if hatch else None)
    ax.set_yticks(range(n), [name(c) for c in wide.index])
    ax.invert_yaxis()
    ax.set_xlim(0, max(0.05, float(wide.to_numpy().max()) * 1.08) if n else 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(xlabel or label("占条款比例", "share of provisions"))
    fig.legend(title=by if by not in ("period", "group") else None, loc="outside lower center",
               ncol=min(k, 4))
    if title:
        ax.set_title(title)
    return fig


def diverging_keyness(df: pd.DataFrame, n: int = 15, term: str = "term", score: str | None = None,
                      *, title: str | None = None, columns: int = 1, sides=None):
    """Diverging bars of signed keyness (G²): the `n` top terms of each side, positive to the right.

    `score` defaults to the first of keyness, G2, signed_g2 present. `sides` names the
    (positive, negative) sides in the legend, e.g. ('2024-2025', '2018').
    """
    score = score or next((c for c in ("keyness", "G2", "signed_g2", "g2") if c in df.columns), "keyness")
    _need(df, "diverging_keyness", [term, score])
    pos = df[df[score] > 0].sort_values([score, term], ascending=[False, True]).head(n)
    neg = df[df[score] < 0].sort_values([score, term], ascending=[True, True]).head(n)
    rows = pd.concat([pos, neg.iloc[::-1]])
    m = len(rows)
    fig, ax = plt.subplots(figsize=(COLUMN_WIDTH[columns], max(1.6, 0.5 + 0.16 * m)))
    vals = rows[score].to_numpy(float)
    # positive (target, usually the later period) and negative sides keep fixed colours
    colors = [OKABE_ITO[1] if v > 0 else OKABE_ITO[0] for v in vals]
    ax.barh(range(m), vals, color=colors, height=0.75)
    span = max(abs(vals).max(), 1e-9) if m else 1.0
    for y, (t, v) in enumerate(zip(rows[term].astype(str), vals)):
        ax.text(-0.02 * span if v > 0 else 0.02 * span, y, t, va="center",
                ha="right" if v > 0 else "left", fontsize=7)
    ax.axvline(0, color="#333333", linewidth=0.6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(-span * 1.05, span * 1.05)
    ax.invert_yaxis()
    ax.set_xlabel(label("对数似然 G²（正：目标时期）", "signed G², positive = target period"))
    if sides:
        handles = [Patch(color=OKABE_ITO[1], label=str(sides[0])),
                   Patch(color=OKABE_ITO[0], label=str(sides[1]))]
        fig.legend(handles=handles, loc="outside lower center", ncol=2)
    if title:
        ax.set_title(title)
    return fig


def heatmap(df: pd.DataFrame, row: str | None = None, col: str | None = None,
            value: str | None = None, *, title: str | None = None, columns: int = 2,
            fmt: str = "{:g}", cmap: str = "Blues", cbar_label: str | None = None):
    """An annotated matrix, e.g. agency × theme counts.

    `df` is wide (rows × columns, as from findings.agency_theme_matrix) or long, when
    `row`, `col` and `value` name its columns. Row and column order are kept.
    `cbar_label` names what the colours count (e.g. "条款数 (provisions)").
    """
    if row or col or value:
        _need(df, "heatmap", [row, col, value])
        rows = list(dict.fromkeys(df[row]))
        cols = list(dict.fromkeys(df[col]))
        df = df.pivot_table(index=row, columns=col, values=value, aggfunc="sum",
                            fill_value=0).reindex(index=rows, columns=cols, fill_value=0)
    nr, nc = df.shape
    w = COLUMN_WIDTH[columns]
    fig, ax = plt.subplots(figsize=(w, max(1.6, 0.8 + 0.22 * nr)))
    if nr == 0 or nc == 0:
        ax.text(0.5, 0.5, label("无数据", "no data"), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        data = df.to_numpy(float)
        im = ax.imshow(data, cmap=cmap, aspect="auto", vmin=0)
        hi = data.max() if data.size else 0
        for i in range(nr):
            for j in range(nc):
                v = data[i, j]
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=6,
                        color="white" if hi and v > 0.6 * hi else "#222222")
        ax.set_xticks(range(nc), [str(c) for c in df.columns], rotation=45, ha="right",
                      rotation_mode="anchor")
        ax.set_yticks(range(nr), [str(r) for r in df.index])
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        cbar = fig.colorbar(im, ax=ax, shrink=0.6, pad=0.02)
        cbar.outline.set_visible(False)
        if cbar_label:
            cbar.set_label(cbar_label)
    if title:
        ax.set_title(title)
    return fig


MOST_ROWS = 40  # documents a figure shows one by one; a larger corpus is shown by period


def document_sizes(corpus: pd.DataFrame, periods, most: int = MOST_ROWS):
    """Characters of normalized text per document (findings.corpus_table), coloured by period.

    Up to ``most`` documents, one bar each; a larger corpus, whose labels could not be read,
    gets one box per period (the spread of its documents' sizes, n in the label) instead.
    """
    _need(corpus, "document_sizes", ["document", "period", "n_chars"])
    periods = [str(p) for p in periods]
    size = label("字符数", "characters of normalized text")
    if len(corpus) <= most:
        fig, ax = plt.subplots(figsize=figsize(2, 0.32))
        ax.barh(corpus["document"], corpus["n_chars"], color=[period_color(p) for p in corpus["period"]])
        ax.invert_yaxis()
        ax.set_xlabel(size)
    else:  # periods along x: boxplot's orientation argument differs across matplotlib 3.8–3.11
        fig, ax = plt.subplots(figsize=figsize(2, 0.45))
        groups = [corpus.loc[corpus["period"].astype(str) == p, "n_chars"].to_numpy() for p in periods]
        box = ax.boxplot(groups, patch_artist=True, widths=0.6, flierprops={"markersize": 2, "alpha": 0.5})
        for patch, p in zip(box["boxes"], periods):
            patch.set_facecolor(period_color(p))
        ax.set_xticks(range(1, len(periods) + 1), [f"{p}\n(n={len(g)})" for p, g in zip(periods, groups)])
        ax.set_ylabel(size)
    ax.set_title(label("文件规模", "document size"))
    fig.legend(handles=[Patch(color=period_color(p), label=p) for p in periods],
               loc="outside lower center", ncol=min(len(periods), 8))
    return fig


def dot_plot(df: pd.DataFrame, x: str, y: str, hue: str | None = None, *,
             title: str | None = None, xlabel: str | None = None, columns: int = 1):
    """Dots of `x` per category `y` (one row each, in order of first appearance), coloured by `hue`.

    Suits targets over time (year × kind) or any value per category.
    """
    _need(df, "dot_plot", [x, y] + ([hue] if hue else []))
    cats = list(dict.fromkeys(df[y].astype(str)))
    pos = {c: i for i, c in enumerate(cats)}
    fig, ax = plt.subplots(figsize=(COLUMN_WIDTH[columns], max(1.4, 0.5 + 0.2 * len(cats))))
    groups = [(None, df)] if not hue else list(df.groupby(hue, sort=True))
    for i, (g, part) in enumerate(groups):
        color = (period_color(g) if hue == "period" else OKABE_ITO[i % len(OKABE_ITO)])
        ax.scatter(part[x], part[y].astype(str).map(pos), s=14, color=color, marker=group_marker(i),
                   label=None if g is None else str(g), zorder=3)
    ax.set_yticks(range(len(cats)), cats)
    ax.invert_yaxis()
    ax.grid(axis="x")
    ax.set_xlabel(xlabel or x)
    if hue:
        ax.legend(loc="best")
    if title:
        ax.set_title(title)
    return fig


# --------------------------------------------------------------------------- HTML
def _merge(spans) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans."""
    out: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in spans if int(e) > int(s)):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _highlight(text: str, spans) -> str:
    """HTML-escaped `text` with each span wrapped in <mark>; spans are clipped to the text."""
    parts, pos = [], 0
    for s, e in _merge(spans):
        s, e = max(s, pos), min(e, len(text))
        if s >= e:
            continue
        parts += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        pos = e
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def side_by_side(a_text: str, b_text: str, spans_a, spans_b,
                 a_label: str | None = None, b_label: str | None = None) -> str:
    """Two passages in two columns as HTML, the shared spans (code-point offsets) in <mark>."""
    cell = ("vertical-align:top;width:50%;padding:6px 10px;border:1px solid #ddd;"
            "line-height:1.6;white-space:pre-wrap;text-align:left")
    head = ""
    if a_label or b_label:
        head = (f'<tr><th style="{cell}">{html.escape(a_label or "")}</th>'
                f'<th style="{cell}">{html.escape(b_label or "")}</th></tr>')
    return ('<table class="bioparse-side-by-side" style="border-collapse:collapse;width:100%;'
            'table-layout:fixed;margin:4px 0">'
            f'{head}<tr><td style="{cell}">{_highlight(a_text, spans_a)}</td>'
            f'<td style="{cell}">{_highlight(b_text, spans_b)}</td></tr></table>')
