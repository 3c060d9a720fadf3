"""Render v1_*.txt as Chinese government PDFs: A4, 16-point type, 28 characters a line, every body line justified
(each character placed on its own, spread to the right margin), a red letter-spaced head, a centred number and
two-line title, footers — N — alternating right and left, a running 附件 head, and an indicator table.
Run from tests/other_provinces: python v1_make_pdfs.py (reads v1_src/*.txt, writes raw/*.pdf; needs matplotlib
and bioparse.plot's font). The gold is the same for the text and the PDF."""
import sys
import unicodedata
from pathlib import Path

W, H, SIZE, LEFT, LINE = 595, 842, 16, 74, 29
RIGHT = LEFT + 28 * SIZE
NO_START, NO_END = set("，。、；：！？）》”’"), set("（《“‘")


def width(ch):
    """A character's advance in ems: half for ASCII and narrow forms, whole for the rest."""
    return 0.5 if ord(ch) < 128 or unicodedata.east_asian_width(ch) in "NaH" else 1.0


def wrap(text):
    """Lines of at most 28 ems, with no line opening on a closing mark or ending on an opening one, no ASCII run cut."""
    lines, cur = [], ""
    for ch in text:
        if sum(map(width, cur + ch)) > 28:
            keep = len(cur)
            while keep > 1 and (ch if keep == len(cur) else cur[keep]) in NO_START or cur[keep - 1] in NO_END \
                    or (cur[keep - 1].isascii() and cur[keep - 1].isalnum() and (cur + ch)[keep].isascii()
                        and (cur + ch)[keep].isalnum()):
                keep -= 1
            lines.append(cur[:keep])
            cur = cur[keep:]
        cur += ch
    return lines + [cur] if cur else lines


def body_rows(text):
    """(kind, payload) rows: a paragraph's wrapped lines, justified all but the last."""
    lines = wrap(text)
    return [("just" if k < len(lines) - 1 else "left", s) for k, s in enumerate(lines)]


def place(fig, y, s, x0, gap_extra=0.0, size=SIZE, color="black"):
    """Place s one character at a time from x0, each advance widened by gap_extra points."""
    x = x0
    for ch in s:
        if ch != "　":
            fig.text(x / W, y / H, ch, fontsize=size, color=color)
        x += width(ch) * size + gap_extra


def draw_row(fig, y, kind, s):
    if kind == "just":
        nat = sum(map(width, s)) * SIZE
        place(fig, y, s, LEFT, (RIGHT - LEFT - nat) / max(len(s) - 1, 1))
    elif kind == "left":
        place(fig, y, s, LEFT)
    elif kind == "right":
        place(fig, y, s, RIGHT - 2 * SIZE - sum(map(width, s)) * SIZE)
    elif kind == "center":
        place(fig, y, s, (W - sum(map(width, s)) * SIZE) / 2)
    elif kind == "title":  # wide letter-spacing, 22 points, as wide as fits
        extra = max(0.0, min(8.0, (470 - sum(map(width, s)) * 22) / max(len(s) - 1, 1)))
        w = sum(map(width, s)) * 22 + extra * (len(s) - 1)
        place(fig, y, s, (W - w) / 2, extra, size=22)
    elif kind == "redhead":
        extra = 10
        w = sum(map(width, s)) * 34 + extra * (len(s) - 1)
        place(fig, y, s, (W - w) / 2, extra, size=34, color="#d40000")
    elif kind == "cells":
        for x, cell in zip((LEFT, LEFT + 180, LEFT + 250, LEFT + 350), s.split("\t")):
            fig.text(x / W, y / H, cell, fontsize=14)
        fig.add_artist(__import__("matplotlib").lines.Line2D([LEFT / W, RIGHT / W], [(y - 8) / H] * 2, lw=0.6, color="k"))


def rows_of(txt):
    """The layout rows of a v1 text: its head, its notice, the 落款, the attachment's paragraphs and table."""
    lines = txt.splitlines()
    rows = [("redhead", lines[0]), ("gap", ""), ("center", lines[1]), ("rule", ""),
            ("title", lines[2]), ("title", lines[3]), ("gap", "")]
    k = 4
    while k < len(lines):
        s = lines[k]
        if s == "附件":
            name, _, period = lines[k + 1].partition("（")
            rows += [("page", ""), ("left", s), ("title", name)] + ([("title", "（" + period)] if period else []) + [("gap", "")]
            k += 2
            continue
        if s.endswith("人民政府") or s.endswith("人民政府办公室") or (s[:4].isdigit() and s.endswith("日")):
            rows.append(("right", s))
        elif "\t" in s:
            rows.append(("cells", s))
        elif s.startswith("　　") or len(s) > 28:
            rows += body_rows(s)
        else:
            rows.append(("left", s))
        k += 1
    return rows


STEP = {"redhead": 50, "title": 34, "gap": LINE // 2, "rule": LINE // 2}
TOP = H - 100


def paginate(rows, bottom):
    """Pages of rows: a new page at 附件 and whenever the next row would fall below the bottom margin."""
    pages, cur, y = [], [], TOP
    for kind, s in rows:
        if kind == "page" or y - STEP.get(kind, LINE) < bottom:
            pages.append(cur)
            cur, y = [], TOP
            if kind == "page":
                cur.append(("annex", ""))
                continue
        cur.append((kind, s))
        y -= STEP.get(kind, LINE)
    return pages + [cur]


def render(txt_path, pdf_path, bottom):
    """Draw the pages; footers — N — alternate right and left; the attachment's later pages carry a 附件 head."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from bioparse.plot import setup_fonts
    setup_fonts()
    pages = paginate(rows_of(Path(txt_path).read_text(encoding="utf-8")), bottom)
    in_annex = False
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(pdf_path) as pdf:
        for n, page in enumerate(pages, 1):
            fig = plt.figure(figsize=(W / 72, H / 72))
            if in_annex and page[0][0] != "annex":
                fig.text(LEFT / W, (H - 60) / H, "附件", fontsize=12)
            y = TOP
            for kind, s in page:
                in_annex = in_annex or kind == "annex"
                if kind == "rule":
                    fig.add_artist(matplotlib.lines.Line2D([LEFT / W, RIGHT / W], [(y + 8) / H] * 2, lw=1.5, color="#d40000"))
                elif kind not in ("gap", "annex"):
                    draw_row(fig, y, kind, s)
                y -= STEP.get(kind, LINE) if kind != "annex" else 0
            fig.text((RIGHT - 60 if n % 2 else LEFT) / W, 36 / H, f"— {n} —", fontsize=14)
            pdf.savefig(fig)
            plt.close(fig)
        return pages


DOCS = {"v1_a_cq_measures": 66, "v1_b_yy_plan": 153}  # bottom margins: page breaks inside a clause, inside a sentence

if __name__ == "__main__":
    here = Path(__file__).parent
    for doc, bottom in DOCS.items():
        pages = render(here / "v1_src" / f"{doc}.txt", here / "raw" / f"{doc}.pdf", bottom)
        if "--rows" in sys.argv:
            for n, page in enumerate(pages, 1):
                print(doc, "page", n, page[0], "...", page[-1])
