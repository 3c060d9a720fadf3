"""House style: Chinese renders with the bundled CJK font, saves are complete and byte-stable."""
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from bioparse import plot  # noqa: E402
from bioparse.errors import BioparseError  # noqa: E402

SHARES = pd.DataFrame({
    "group": ["2018"] * 3 + ["2024-2025"] * 3,
    "code": ["审评审批", "临床研究", "医保支付"] * 2,
    "n": [1, 2, 1, 6, 5, 4],
    "share": [0.05, 0.10, 0.02, 0.30, 0.25, 0.20],
})


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    matplotlib.pyplot.close("all")


def _chinese_figure():
    fig, ax = plot.plt.subplots(figsize=plot.figsize(1, 0.6))
    ax.bar(["审评时限", "临床试验", "医保支付"], [3, -1, 2], label="天津市")
    ax.set_title(plot.label("生物医药产业政策", "biomedical policy"))
    ax.set_xlabel("条款（第一条）")
    ax.set_ylabel(plot.label("数量", "count"))
    ax.legend(title="时期")
    return fig


def test_font_resolves_to_bundled_noto_cjk():
    path = plot.setup_fonts()
    assert plot.setup_fonts() == path  # idempotent
    found = font_manager.findfont(font_manager.FontProperties(family=[plot.FONT_FAMILY]),
                                  fallback_to_default=False)
    assert "NotoSansCJK" in found
    plot.use_style()
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    default = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert "NotoSansCJK" in default


def test_chinese_renders_without_missing_glyph_warnings(tmp_path):
    matplotlib.rcdefaults()  # a fresh style: everything must come from use_style()
    plot.use_style()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = _chinese_figure()
        paths = plot.save(fig, "chinese", outdir=tmp_path)
        fig.savefig("/tmp/plot_check.png")
    glyph = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not glyph, glyph
    assert [p.suffix for p in paths] == [".png", ".svg", ".pdf"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)


def test_missing_glyph_check_can_fail():
    """The warning the test above looks for is real: DejaVu Sans alone cannot draw 中文."""
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plot.plt.subplots()
        ax.set_title("中文")
        fig.canvas.draw()
    assert any("missing from" in str(w.message) for w in caught)


def test_save_is_byte_stable(tmp_path):
    plot.use_style()
    fig = plot.bar_shares(SHARES, title=plot.label("主题占比", "theme shares"), labels={})
    a = plot.save(fig, "x", outdir=tmp_path / "a")
    b = plot.save(fig, "x", outdir=tmp_path / "b")
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.suffix
    svg = a[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "CreationDate" not in a[2].read_bytes().decode("latin-1")


def test_figsize_and_style():
    plot.use_style()
    assert plot.figsize(1) [0] == 3.5 and plot.figsize(2, 0.5) == (7.2, 3.6)
    with pytest.raises(ValueError):
        plot.figsize(3)
    rc = matplotlib.rcParams
    assert rc["savefig.dpi"] == 300 and rc["svg.fonttype"] == "path" and rc["pdf.fonttype"] == 42
    assert rc["axes.unicode_minus"] is False
    assert rc["axes.prop_cycle"].by_key()["color"][:3] == plot.OKABE_ITO[:3]
    assert plot.palette(10)[8] == plot.OKABE_ITO[0]


def test_label_and_period_colors():
    assert plot.label("审评时限", "review time limit") == "审评时限 (review time limit)"
    assert plot.label("审评时限") == "审评时限"
    plot.set_periods(["2024-2025", "2018"])
    assert plot.period_color("2018") == plot.OKABE_ITO[0]
    assert plot.period_color("2024-2025") == plot.OKABE_ITO[1]
    assert plot.period_color("2030") == plot.OKABE_ITO[2]  # unseen: next colour, stable after
    assert plot.period_color("2030") == plot.OKABE_ITO[2]


def test_bar_shares_orders_codes_by_last_group():
    plot.use_style()
    fig = plot.bar_shares(SHARES, labels={"医保支付": "医保"})
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == ["审评审批", "临床研究", "医保"]
    assert len(ax.patches) == 6
    with pytest.raises(BioparseError, match="share"):
        plot.bar_shares(SHARES.drop(columns="share"))


def test_bar_shares_hatches_groups_whose_colours_repeat():
    # twelve period × level groups but eight colours: the ninth group onwards is hatched
    plot.use_style()
    shares = pd.DataFrame([{"group": f"g{g:02d}", "code": c, "share": 0.1}
                           for g in range(12) for c in ("supply", "demand")])
    ax = plot.bar_shares(shares).axes[0]
    hatch_of = {}
    for patch in ax.patches:
        hatch_of.setdefault((patch.get_facecolor(), patch.get_hatch()), set()).add(round(patch.get_y(), 3))
    assert len(hatch_of) == 12  # each group a colour and hatching of its own
    assert [bool(plot.group_hatch(i)) for i in (0, 7, 8, 11)] == [False, False, True, True]
    few = plot.bar_shares(SHARES).axes[0]
    assert not any(p.get_hatch() for p in few.patches)  # up to eight groups: solid bars


def test_dot_plot_changes_marker_where_colours_repeat():
    df = pd.DataFrame({"year": range(2015, 2025), "kind": "output", "who": [f"d{i}" for i in range(10)]})
    ax = plot.dot_plot(df, x="year", y="kind", hue="who").axes[0]
    paths = [c.get_paths()[0].vertices.round(3).tobytes() for c in ax.collections]
    assert paths[0] == paths[7] and paths[8] != paths[0]  # ninth group: same colour as the first, other marker


def test_diverging_keyness_takes_n_per_side():
    key = pd.DataFrame({"term": list("甲乙丙丁戊己"), "keyness": [9.0, 5.0, 1.0, -2.0, -7.0, -3.0]})
    fig = plot.diverging_keyness(key, n=2)
    ax = fig.axes[0]
    widths = [round(p.get_width(), 1) for p in ax.patches]
    assert widths == [9.0, 5.0, -3.0, -7.0]
    assert [t.get_text() for t in ax.texts] == ["甲", "乙", "己", "戊"]


def test_heatmap_wide_and_long_agree():
    long = pd.DataFrame({"agency": ["市药监局", "市药监局", "市医保局"],
                         "theme": ["审评", "临床", "支付"], "n": [3, 1, 4]})
    f1 = plot.heatmap(long, "agency", "theme", "n")
    wide = long.pivot_table(index="agency", columns="theme", values="n", fill_value=0)
    wide = wide.reindex(index=["市药监局", "市医保局"], columns=["审评", "临床", "支付"])
    f2 = plot.heatmap(wide)
    t1 = [t.get_text() for t in f1.axes[0].texts]
    assert t1 == [t.get_text() for t in f2.axes[0].texts]
    assert t1 == ["3", "1", "0", "0", "0", "4"]


def test_dot_plot_rows():
    df = pd.DataFrame({"year": [2018, 2025], "kind": ["产值", "审评时限"], "period": ["2018", "2024-2025"]})
    fig = plot.dot_plot(df, "year", "kind", hue="period")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["产值", "审评时限"]


def test_side_by_side_marks_and_escapes():
    out = plot.side_by_side("甲<b>乙丙丁", "戊丙丁&", [(1, 4), (3, 6), (8, 99)], [(1, 3)],
                            a_label="市", b_label="区")
    assert "&lt;b&gt;" in out and "<b>" not in out and "&amp;" in out
    assert "<mark>&lt;b&gt;乙丙</mark>丁" in out  # overlapping spans merged, clipped to text
    assert "<mark>丙丁</mark>" in out
    assert out.count("<mark>") == 2
    assert "<th" in out


def test_save_result_is_a_list_of_paths_with_a_short_repr(tmp_path):
    fig, _ = plot.plt.subplots()
    paths = plot.save(fig, "fig", outdir=tmp_path)
    assert isinstance(paths, list) and paths == [tmp_path / "fig.png", tmp_path / "fig.svg", tmp_path / "fig.pdf"]
    assert repr(paths) == f"saved {tmp_path / 'fig'}.{{png,svg,pdf}}"


def test_save_writes_the_data_source_under_the_figure(tmp_path):
    """A figure pasted into a paper must still say which data it was drawn from."""
    from PIL import Image

    plot.use_style()
    fig = plot.bar_shares(SHARES, title="审评审批")
    plain = plot.save(fig, "plain", outdir=tmp_path, formats=("png",))
    with_source = plot.save(fig, "sourced", outdir=tmp_path, formats=("png", "svg"),
                            source="数据来源 (Source): tables codes + provisions\n5 policy documents")
    notes = [t for t in fig.texts if t.get_gid() == "bioparse-source"]
    assert [t.get_text() for t in notes] == ["数据来源 (Source): tables codes + provisions\n5 policy documents"]
    # below the plot and its legend, not on top of them
    renderer = fig.canvas.get_renderer()
    ax_bottom = fig.axes[0].get_tightbbox(renderer).y0
    assert notes[0].get_window_extent(renderer).y1 < min(ax_bottom, *(
        leg.get_window_extent(renderer).y0 for leg in fig.legends))
    # the saved image grows to hold the note (bbox tight), and the SVG carries it
    assert Image.open(with_source[0]).size[1] > Image.open(plain[0]).size[1]
    assert 'id="bioparse-source' in with_source[1].read_text(encoding="utf-8")
    plot.save(fig, "again", outdir=tmp_path, formats=("png",), source="second")
    assert [t.get_text() for t in fig.texts if t.get_gid() == "bioparse-source"] == ["second"]


def test_heatmap_colorbar_says_what_it_counts():
    wide = pd.DataFrame({"审评": [3, 0], "临床": [1, 4]}, index=["市药监局", "市医保局"])
    fig = plot.heatmap(wide, cbar_label="条款数 (provisions)")
    assert fig.axes[-1].get_ylabel() == "条款数 (provisions)"
    assert plot.heatmap(wide).axes[-1].get_ylabel() == ""


def test_document_sizes_is_a_bar_per_document_then_a_box_per_period():
    small = pd.DataFrame({"document": ["甲", "乙", "丙"], "period": ["2018", "2018", "2024-2025"], "n_chars": [100, 50, 200]})
    ax = plot.document_sizes(small, ["2018", "2024-2025"]).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["甲", "乙", "丙"]
    assert [p.get_width() for p in ax.patches] == [100, 50, 200]
    big = pd.DataFrame({"document": [f"文件{i}" for i in range(60)], "period": ["2018"] * 20 + ["2024-2025"] * 40,
                        "n_chars": list(range(60))})
    ax = plot.document_sizes(big, ["2018", "2024-2025"]).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2018\n(n=20)", "2024-2025\n(n=40)"]
