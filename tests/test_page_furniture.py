"""A web page's tail copied after a policy into a .txt: kept whole, with no items, bodies or targets."""
from __future__ import annotations

import pytest

from bioparse import pipeline
from bioparse.page_furniture import is_mark, tail_start
from bioparse.structure import parse_provision_rows

POLICY = ("关于促进生物医药产业发展的若干措施\n"
          "一、支持创新药研发\n"
          "（一）加大研发投入。对进入临床试验的创新药给予最高1000万元支持。（责任单位：省科技厅）\n"
          "（二）加快审评审批。到2027年，新增上市创新药10个以上。（责任单位：省药监局）\n"
          "省人民政府办公厅\n"
          "2024年5月8日\n")
TAIL = ("\n【打印本页】【关闭窗口】\n"
        "扫一扫在手机打开当前页\n"
        "相关链接：\n"
        "1. 关于到2030年培育100家龙头企业的实施方案\n"
        "2. 关于印发《全链条支持创新药发展实施方案》的通知\n"
        "主办单位：省人民政府办公厅 网站标识码：3200000045\n")


@pytest.mark.parametrize("line", ["【打印本页】【关闭窗口】", "扫一扫在手机打开当前页", "相关链接：", "上一篇：关于做好医保工作的通知",
                                  "主办单位：省人民政府办公厅", "苏ICP备05012345号-1", "来源：省政府办公厅 发布时间：2024-05-10"])
def test_a_pages_buttons_links_and_footer_are_marks(line):
    assert is_mark(line)


@pytest.mark.parametrize("line", ["相关文件与本措施不一致的，以本措施为准。", "省人民政府办公厅", "2024年5月8日",
                                  "相关政策由省科技厅负责解释；", ""])
def test_a_policys_own_lines_are_no_marks(line):
    assert not is_mark(line)


def test_the_tail_starts_at_its_first_mark_under_the_policys_last_sentence():
    lines = (POLICY + TAIL).split("\n")
    assert lines[tail_start(lines)] == "【打印本页】【关闭窗口】"


def test_one_button_alone_or_furniture_above_a_sentence_is_no_tail():
    assert tail_start((POLICY + "【关闭窗口】\n").split("\n")) is None
    lines = ("相关链接：\n【打印本页】\n" + POLICY).split("\n")
    assert tail_start(lines) is None


def test_the_tail_is_one_attachment_and_the_linked_titles_are_no_items():
    text = POLICY + TAIL
    rows, _ = parse_provision_rows(text)
    assert [(r["level"], r["label"]) for r in rows] == [("preamble", ""), ("part", "一、"), ("section", "（一）"),
                                                        ("section", "（二）"), ("annex", "")]
    assert rows[-1]["title"] == "【打印本页】【关闭窗口】"
    assert text[rows[-1]["start"]:].startswith("【打印本页】") and rows[-1]["end"] == len(text)
    assert rows[-2]["end"] == rows[-1]["start"]  # the spans still cover the whole text


def test_a_pages_sponsor_is_no_body_and_a_linked_titles_figure_no_target(tmp_path):
    f = tmp_path / "copied_page.txt"
    f.write_text(POLICY + TAIL, encoding="utf-8")
    r = pipeline.parse_document(f, "x", {})
    assert [(a["provision_id"], a["agency"]) for a in r["agencies"]] == [("1.1", "省科技厅"), ("1.2", "省药监局")]
    assert [(t["value"], t["unit"]) for t in r["targets"]] == [(1000, "万元"), (10, "个")]
