"""Markdown files (web clippers', converters' output) read as the text a reader sees."""
from __future__ import annotations

from bioparse import io, pipeline
from bioparse.markdown_text import looks_like_markdown, markdown_text

POLICY_TXT = ("关于促进生物医药产业发展的若干措施\n"
              "一、支持创新药研发\n"
              "（一）加大研发投入。对进入临床试验的创新药给予最高1000万元支持。（责任单位：省科技厅）\n"
              "1.建设研发平台。（责任单位：省发展改革委）\n"
              "2.引进高端人才。（责任单位：省人社厅）\n"
              "二、优化产业生态\n"
              "（二）加快审评审批。到2027年，新增上市创新药10个以上。（责任单位：省药监局）\n")
POLICY_MD = ("# 关于促进生物医药产业发展的若干措施\n\n"
             "## 一、支持创新药研发\n\n"
             "**（一）加大研发投入。**对进入临床试验的创新药给予最高1000万元支持。（责任单位：省科技厅）\n\n"
             "1. 建设研发平台。（责任单位：省发展改革委）\n"
             "2. 引进高端人才。（责任单位：省人社厅）\n\n"
             "## 二、优化产业生态\n\n"
             "**（二）加快审评审批。**到2027年，新增上市创新药10个以上。（责任单位：[省药监局](https://example.org)）\n")


def test_headings_and_emphasis_lose_their_marks_even_where_commonmark_leaves_them_unclosed():
    text = markdown_text("## 一、总体要求\n\n**（一）加大研发投入。**对进入临床试验的*创新药*给予支持。\n")
    assert text == "一、总体要求\n（一）加大研发投入。对进入临床试验的创新药给予支持。"


def test_an_ordered_items_number_stays_a_bullets_mark_goes_and_a_page_number_line_stays():
    assert markdown_text("1. 建设平台\n2. 引进人才\n") == "1. 建设平台\n2. 引进人才"
    assert markdown_text("- 支持研发\n- 加强保障\n") == "支持研发\n加强保障"
    assert markdown_text("正文。\n\n- 1 -\n\n续文。") == "正文。\n- 1 -\n续文。"


def test_a_tables_rows_are_tab_separated_and_a_links_text_is_kept():
    md = "| 序号 | 任务 | 牵头单位 |\n|---|---|---|\n| 1 | 建设平台 | [省科技厅](http://x.cn) |\n"
    assert markdown_text(md) == "序号\t任务\t牵头单位\n1\t建设平台\t省科技厅"


def test_soft_line_breaks_and_code_blocks_are_kept_as_written():
    assert markdown_text("对进入临床试验的创新药\n给予支持。\n") == "对进入临床试验的创新药\n给予支持。"
    assert markdown_text("    （一）缩进四格的段落。\n") == "（一）缩进四格的段落。"


def test_a_policys_own_text_does_not_look_like_markdown():
    assert looks_like_markdown(POLICY_MD)
    assert not looks_like_markdown(POLICY_TXT)
    assert not looks_like_markdown("# 一行井号\n" + POLICY_TXT)
    assert not looks_like_markdown(POLICY_TXT + "| 序号 | 任务 |\n|----|----|\n")


def test_a_page_of_tables_saved_as_text_looks_like_markdown():
    page = "| [首页](/) |\n| --- |\n\n|  |  |\n|:---|---|\n| 一、支持创新药研发 |  |\n"  # MarkItDown's layout tables
    assert looks_like_markdown(page) and not looks_like_markdown(page.replace("---", "——"))


def test_a_markdown_policy_parses_as_its_text_does(tmp_path):
    (tmp_path / "policy.txt").write_text(POLICY_TXT, encoding="utf-8")
    (tmp_path / "policy.md").write_bytes(POLICY_MD.encode("gb18030"))  # in any encoding a .txt may have
    (tmp_path / "clipped.txt").write_text(POLICY_MD, encoding="utf-8")  # a clipper's Markdown saved as .txt
    results = {name: pipeline.parse_document(tmp_path / name, "x", {}) for name in ("policy.txt", "policy.md", "clipped.txt")}
    assert [r["documents"][0]["format"] for r in results.values()] == ["txt", "md", "md"]

    def rows(r):
        return ([(p["level"], p["label"], p["title"]) for p in r["provisions"]],
                [(a["provision_id"], a["agency"]) for a in r["agencies"]],
                [(t["provision_id"], t["value"], t["unit"], t["year"]) for t in r["targets"]])

    expected = rows(results["policy.txt"])
    assert [p[1] for p in expected[0]] == ["", "一、", "（一）", "1.", "2.", "二、", "（二）"]
    assert rows(results["policy.md"]) == expected == rows(results["clipped.txt"])


def test_a_folders_readme_is_no_document(tmp_path):
    (tmp_path / "policy.md").write_text(POLICY_MD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# 语料说明\n\n## 来源\n", encoding="utf-8")
    docs, problems = io.discover(tmp_path)
    assert [d["path"].name for d in docs] == ["policy.md"] and not problems


def test_a_page_laid_out_in_tables_keeps_its_paragraphs_even_in_cells_beyond_the_header():
    body = "　　".join(["关于促进生物医药产业发展的若干措施", "一、支持创新药研发",
                      "（一）加大研发投入。对进入临床试验的创新药给予最高1000万元支持，对取得药品注册证书的1类创新药给予最高"
                      "3000万元支持，支持企业开展疫苗、抗体药物、细胞治疗等前沿技术研发。（责任单位：省科技厅）",
                      "1.建设研发平台。（责任单位：省发展改革委）", "二、优化产业生态",
                      "（二）加快审评审批。到2027年，新增上市创新药10个以上。（责任单位：省药监局）"])
    md = ("|  |\n| --- |\n| [首页](/) | [政务公开](/zwgk/) | " + body + " |\n\n"  # MarkItDown's nested layout tables
          "| 序号 | 任务 |\n|---|---|\n| 1 | 建设平台 |\n")
    text = markdown_text(md)
    assert "\n".join(body.split("　　")) in text and text.endswith("\n序号\t任务\n1\t建设平台")
