"""Make w2_b's .docx (python-docx: a paragraph a line, the tab-separated rows as a Word table) and w2_c's PDF
(v1_make_pdfs' layout: each 附件N starts a page with its label, and the attachment's later pages repeat that
label as a running head) from w2_src/*.txt. Run from tests/other_provinces: python w2_make_files.py
(needs python-docx, matplotlib and bioparse.plot's font). Each file's gold is that of its text."""
import re
from pathlib import Path

import v1_make_pdfs as v

HERE = Path(__file__).parent


def make_docx(src, out):
    import docx
    d, rows = docx.Document(), []
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
        else:
            d.add_paragraph(line)
    if rows:
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(table.rows, rows):
            for cell, value in zip(row.cells, cells):
                cell.text = value
    d.save(out)


def rows_of(txt):
    """Layout rows: the notice's title, its lines, the 落款 set right, and each 附件N on a new page over its title."""
    lines = txt.splitlines()
    rows, k = [("title", lines[0]), ("gap", "")], 1
    while k < len(lines):
        s = lines[k]
        if re.fullmatch(r"附件\d?", s):
            rows += [("page", s), ("left", s), ("title", lines[k + 1]), ("gap", "")]
            k += 2
            continue
        if s.endswith("人民政府办公室") or (s[:4].isdigit() and s.endswith("日")):
            rows.append(("right", s))
        else:
            rows += v.body_rows(s) if len(s) > 28 else [("left", s)]
        k += 1
    return rows


def make_pdf(src, out, bottom):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from bioparse.plot import setup_fonts
    setup_fonts()
    pages, cur, y = [], [], v.TOP
    for kind, s in rows_of(Path(src).read_text(encoding="utf-8")):
        if kind == "page" or y - v.STEP.get(kind, v.LINE) < bottom:
            pages.append(cur)
            cur, y = [], v.TOP
            if kind == "page":
                cur.append(("annex", s))
                continue
        cur.append((kind, s))
        y -= v.STEP.get(kind, v.LINE)
    pages.append(cur)
    label = None
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(out) as pdf:
        for n, page in enumerate(pages, 1):
            fig = plt.figure(figsize=(v.W / 72, v.H / 72))
            if label and page[0][0] != "annex":
                fig.text(v.LEFT / v.W, (v.H - 60) / v.H, label, fontsize=12)  # the running head: 附件1 on 附件1's pages
            y = v.TOP
            for kind, s in page:
                if kind == "annex":
                    label = s
                    continue
                if kind != "gap":
                    v.draw_row(fig, y, kind, s)
                y -= v.STEP.get(kind, v.LINE)
            fig.text((v.RIGHT - 60 if n % 2 else v.LEFT) / v.W, 36 / v.H, f"— {n} —", fontsize=14)
            pdf.savefig(fig)
            plt.close(fig)


if __name__ == "__main__":
    make_docx(HERE / "w2_src" / "w2_b_docx_two_policies.txt", HERE / "raw" / "w2_b_docx_two_policies.docx")
    make_pdf(HERE / "w2_src" / "w2_c_pdf_two_policies.txt", HERE / "raw" / "w2_c_pdf_two_policies.pdf", 450)
