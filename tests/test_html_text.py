"""The article of a government web page: body text without the site around it."""
from __future__ import annotations

import pytest

from bioparse.html_text import article_text


def page(body: str, head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def lines(html: str) -> list[str]:
    return article_text(html)[0].split("\n")


def test_short_notice_beats_a_longer_sidebar():
    sidebar = "".join(f"<li><a href='#'>关于印发某市{i}号产业高质量发展若干政策措施的通知</a></li>" for i in range(6))
    html = page("<div id='zoom'><p>各区人民政府：</p><p>现将《某市生物医药产业发展行动计划》印发给你们，请认真贯彻执行。</p></div>"
                f"<div class='side-content'><ul>{sidebar}</ul></div>")
    assert lines(html) == ["各区人民政府：", "现将《某市生物医药产业发展行动计划》印发给你们，请认真贯彻执行。"]


def test_navigation_share_buttons_and_footer_inside_a_wrapper_are_left_out():
    html = page("<div class='main-content'><div class='nav'>首页 政务公开 政策文件 互动交流</div>"
                "<div id='zoom'><p>一、总体要求</p><p>支持企业开展研发。</p></div>"
                "<div class='share'>分享到：微信 微博</div><div class='footer'>版权所有：某市人民政府办公室</div></div>")
    assert lines(html) == ["一、总体要求", "支持企业开展研发。"]


def test_furniture_lines_and_what_follows_related_links():
    html = page("<div class='article'><p>某市行动计划</p><p>来源：某市政府 发布时间：2023-05-10 浏览次数：12</p>"
                "<p>一、总体要求</p><p>支持企业开展研发。</p><p>【打印本页】【关闭窗口】</p><p>相关阅读</p>"
                "<p><a>关于推进产业发展的若干措施</a></p></div>")
    assert lines(html) == ["某市行动计划", "一、总体要求", "支持企业开展研发。"]


def test_related_interpretations_are_furniture():
    html = page("<div class='article'><p>一、总体要求</p><p>支持企业开展研发，每年安排资金1亿元。</p>"
                "<div class='relate'><h3>相关解读</h3><ul><li><a href='#'>图解：某市若干政策</a></li></ul></div>"
                "<p>相关解读：一图读懂《某市若干措施》</p></div>")
    assert lines(html) == ["一、总体要求", "支持企业开展研发，每年安排资金1亿元。"]


def test_a_wechat_articles_call_to_follow_and_editor_credits_are_furniture():
    html = page("<div class='rich_media_content'><section><span>点击上方蓝字 关注我们</span></section>"
                "<section><p>一、总体要求</p><p>编辑部门：区科技局负责统筹。</p></section>"
                "<section><span>编辑：王晓</span><span>&nbsp;&nbsp;审核：陈立</span></section>"
                "<p>【责任编辑：李明】</p></div>")
    assert lines(html) == ["一、总体要求", "编辑部门：区科技局负责统筹。"]


def test_source_line_breaks_are_not_paragraph_breaks():
    html = page("<div id='zoom'><p class=MsoNormal><span>对引进的高层次人才，给予最高300万元安家补\r\n贴。</span></p>"
                "<p>Biomedical\nindustry plan.</p></div>")
    assert lines(html) == ["对引进的高层次人才，给予最高300万元安家补贴。", "Biomedical industry plan."]


def test_br_inside_a_sentence_joins_and_between_lines_breaks():
    html = page("<div id='zoom'><p>关于印发某市行动计划的通知<br>某府办〔2023〕12号<br>"
                "到2025年，全市产业规模突破1000亿元，<br/>培育企业20家。<br>一、工作目标<br>加快发展。</p></div>")
    assert lines(html) == ["关于印发某市行动计划的通知", "某府办〔2023〕12号", "到2025年，全市产业规模突破1000亿元，培育企业20家。",
                           "一、工作目标", "加快发展。"]


def test_a_table_row_of_plain_cells_is_one_line_of_tab_separated_cells():
    html = page("<div id='zoom'><table><tr><td>1</td><td>建设<span>产业园区</span></td><td><p>市发展改革委</p></td>"
                "<td>2024年底</td></tr><tr><td><p>一、工作目标</p><p>到2025年。</p></td><td>说明</td></tr></table></div>")
    # a row whose cell holds several paragraphs (layout) gives a line per paragraph
    assert lines(html) == ["1\t建设产业园区\t市发展改革委\t2024年底", "一、工作目标", "到2025年。", "说明"]


def test_a_head_cell_broken_by_br_stays_in_its_row():
    """<th>2020年<br>（基期）</th>: a short label over lines is one cell of its row (docx_text.table_row), so the
    indicator table's head stays one line; a cell of prose over <br> lines still gives a line each."""
    html = page("<div id='zoom'><table><tr><th>指标</th><th>2020年<br>（基期）</th><th>2025年</th></tr>"
                "<tr><td>产业规模<br>（亿元）</td><td>300</td><td>600</td></tr>"
                "<tr><td>加快建设生物医药产业园区，完善配套设施。<br>支持企业开展研发。</td><td>说明</td></tr></table></div>")
    assert lines(html) == ["指标\t2020年 （基期）\t2025年", "产业规模 （亿元）\t300\t600",
                           "加快建设生物医药产业园区，完善配套设施。", "支持企业开展研发。", "说明"]


def test_page_without_marked_content_uses_the_paragraphs_parent_or_the_page():
    html = page("<table><tr><td class='top'>首页 机构概况 政务公开</td></tr>"
                "<tr><td>关于印发某县实施方案的通知<br>一、工作目标<br>到2025年，产值达到50亿元。</td></tr></table>")
    assert lines(html)[-3:] == ["关于印发某县实施方案的通知", "一、工作目标", "到2025年，产值达到50亿元。"]


def test_fields_beside_the_article():
    html = page("<table class='xxgk'><tr><td>发文字号：</td><td>某府办〔2023〕12号</td><td>成文日期：</td>"
                "<td>2023年05月06日</td></tr></table><div id='zoom'><p>一、总体要求</p></div>",
                head="<title>某市人民政府办公室关于印发某市行动计划的通知_政策文件_某市人民政府</title>")
    text, fields = article_text(html)
    assert text == "一、总体要求"
    assert fields == {"doc_number": "某府办〔2023〕12号", "date": "2023-05-06",
                      "title": "某市人民政府办公室关于印发某市行动计划的通知"}


def test_the_numbers_a_browser_draws_before_ordered_list_items_are_written():
    html = page("<div id='zoom'><p>二、重点任务</p><ol start='5'><li>支持重大项目落地。<em>（责任单位：新区招商局）</em></li>"
                "<li>加快平台建设。</li></ol><ul><li>要点</li></ul></div>")
    assert lines(html) == ["二、重点任务", "5.支持重大项目落地。（责任单位：新区招商局）", "6.加快平台建设。", "要点"]


@pytest.mark.parametrize("inner_type", ["", " type='a'"])
def test_a_list_inside_a_list_item_is_drawn_with_the_next_tiers_labels(inner_type):
    html = page("<div class='article-content'><h4>强化创新引领</h4><ol><li><strong>支持创新药研发。</strong>鼓励原创。"
                f"<ol{inner_type}><li>对1类创新药，给予最高1500万元奖励；</li><li>对改良型新药，给予最高500万元奖励。"
                "<ol><li>其中儿童用药上浮20%。</li></ol></li></ol>"
                "<span>（责任单位：区科技局）</span></li><li><strong>支持器械创新。</strong>加快注册。</li></ol></div>")
    assert lines(html) == ["强化创新引领", "1.支持创新药研发。鼓励原创。", "（1）对1类创新药，给予最高1500万元奖励；",
                           "（2）对改良型新药，给予最高500万元奖励。", "①其中儿童用药上浮20%。", "（责任单位：区科技局）",
                           "2.支持器械创新。加快注册。"]


def test_a_block_after_loose_text_starts_a_line_and_a_header_keeps_its_fields():
    html = page("<article><header><dl><dt>发文字号：</dt><dd>渝两江管发〔2024〕23号</dd></dl></header>"
                "<div id='zoom'>一、总体要求<p>（一）指导思想。坚持创新。</p></div></article>")
    text, fields = article_text(html)
    assert text.split("\n") == ["一、总体要求", "（一）指导思想。坚持创新。"]
    assert fields.get("doc_number") == "渝两江管发〔2024〕23号"


def test_an_article_split_over_sibling_content_divs_is_read_whole():
    html = page("<table><tr><td><h1>某市若干措施</h1>"
                "<div class='TRS_Editor'><p>各区人民政府：</p><p>现将《某市若干措施》印发给你们。</p></div>"
                "<div class='TRS_Editor'><p>一、发展目标</p><p>到2026年，产业规模突破200亿元，集聚企业150家以上。</p></div>"
                "<p>二、支持措施</p>"
                "<div class='TRS_Editor'><p>（一）支持研发。给予最高300万元支持。（责任单位：市科技局）</p></div>"
                "<div class='fujian'><p>附件：<a href='1.pdf'>1.政策解读.pdf</a></p></div></td></tr></table>")
    assert lines(html) == ["各区人民政府：", "现将《某市若干措施》印发给你们。", "一、发展目标",
                           "到2026年，产业规模突破200亿元，集聚企业150家以上。", "二、支持措施",
                           "（一）支持研发。给予最高300万元支持。（责任单位：市科技局）"]


def test_a_table_of_6000_rows_laid_out_a_cell_a_line():
    """The white space between 6,000 rows is dropped and each row is a line of tab-joined cells.

    Each replacement and line break looked for its element among all its siblings (about
    13 s for a 320,000-character page, quadratic in the rows); now each parent is read once.
    """
    rows = "".join(f"<tr>\n  <td>{i}</td>\n  <td>推进第{i}项任务</td>\n  <td>市科技局</td>\n</tr>\n" for i in range(1, 6001))
    html = f"<html><body><div class='TRS_Editor'><p>重点任务分工表</p>\n<table>\n{rows}</table></div></body></html>"
    text, _ = article_text(html)
    lines = text.split("\n")
    assert lines[0] == "重点任务分工表"
    assert lines[1:4] == ["1\t推进第1项任务\t市科技局", "2\t推进第2项任务\t市科技局", "3\t推进第3项任务\t市科技局"]
    assert len(lines) == 6001


def test_replace_all_is_replace_with():
    """html_text._replace_all leaves the tree replace_with one by one leaves."""
    from bs4 import BeautifulSoup

    from bioparse.html_text import _replace_all
    html = "<div>a\n<p>b<br>c\n</p>\n<br><span>d\n e</span>\n</div>"
    one, many = BeautifulSoup(html, "lxml"), BeautifulSoup(html, "lxml")
    for node in one.find_all(string=lambda s: "\n" in s):
        node.replace_with("|")
    for br in one.find_all("br"):
        br.replace_with("¶")
    _replace_all([(node, "|") for node in many.find_all(string=lambda s: "\n" in s)])
    _replace_all([(br, "¶") for br in many.find_all("br")])
    assert str(many) == str(one)
    assert [str(s) for s in many.descendants] == [str(s) for s in one.descendants]


def test_lines_of_buttons_counters_and_footer_lines_in_other_wordings_are_furniture():
    """[打印] [关闭], 打印此页　关闭窗口, 【字体：大 中 小】, 视力保护色, 浏览次数, 发布时间…来源… and a
    主办单位 footer stand inside many CMSs' content element; body lines with the same words stay."""
    html = page("<div id='zoom'><p>字体：[大] [中] [小]　视力保护色</p><p>发布时间：2024-05-06 来源：区科技局</p>"
                "<p>文章来源：某某区人民政府办公室</p><p>浏览次数：1024</p><p>一、支持大中小企业融通发展</p>"
                "<p>打印设备购置费用给予30%补贴。</p><p>[打印] [关闭]</p><p>打印此页　关闭窗口</p><p>【我要纠错】</p>"
                "<p>主办单位：某某区人民政府办公室</p><p>地址：某某路1号</p></div>")
    assert lines(html) == ["一、支持大中小企业融通发展", "打印设备购置费用给予30%补贴。"]


def test_an_article_whose_html_is_shown_escaped_is_read_as_a_page():
    """A law database shows a policy's own HTML as text (&lt;p&gt;一、…&lt;/p&gt;): its tags break lines."""
    html = page("<div class='content'>文号：某政发〔2019〕9号<br/>&lt;p&gt;各市人民政府：&lt;/p&gt;&lt;p&gt;"
                "&lt;strong&gt;一、总体目标&lt;/strong&gt;&lt;/p&gt;&lt;p style=&quot;text-indent:2em&quot;&gt;"
                "到2022年，产业收入达到600亿元。&lt;/p&gt;&lt;p&gt;（一）建设基地。&lt;br/&gt;新建基地20个。&lt;/p&gt;</div>")
    assert lines(html) == ["文号：某政发〔2019〕9号", "各市人民政府：", "一、总体目标", "到2022年，产业收入达到600亿元。",
                           "（一）建设基地。", "新建基地20个。"]
    # a sentence that mentions one tag is no page's markup
    assert lines(page("<div id='zoom'><p>网页以&lt;p&gt;标签分段。</p></div>")) == ["网页以<p>标签分段。"]


def test_a_cms_pages_meta_tags_give_title_date_and_issuer():
    """TRS-style pages state ArticleTitle, PubDate and ContentSource in <meta>: a notice's title gives its plan,
    a source naming no body is none; a labelled field in the page comes first."""
    head = ('<meta name="ArticleTitle" content="某市人民政府办公室关于印发某市促进医药产业发展若干措施的通知">'
            '<meta name="PubDate" content="2024-03-15 10:20"><meta name="ContentSource" content="某市人民政府办公室">'
            "<title>某市人民政府</title>")
    _, fields = article_text(page("<div id='zoom'><p>一、支持研发。</p></div>", head=head))
    assert fields == {"title": "某市促进医药产业发展若干措施", "date": "2024-03-15", "issuer": "某市人民政府办公室"}
    head = '<meta name="contentsource" content="本网"><meta name="PubDate" content="2024-03-15">'
    _, fields = article_text(page("<div id='zoom'><p>成文日期：2024年03月01日</p><p>一、支持研发。</p></div>", head=head))
    assert fields == {"date": "2024-03-01"}



def test_a_pages_publication_date_is_the_date_where_nothing_else_gives_one():
    """来源：… 发布时间：… is furniture the text drops, in the article or in a <span> above it: the page's date
    (as a .txt copy of the page reads it from that line), after a 成文日期 field and a <meta> PubDate."""
    body = ("<div class='info'><span>来源：某市人民政府办公室</span><span>发布时间：2024-06-01 16:30</span></div>"
            "<div id='zoom'><p>某市支持医药产业发展若干措施</p><p>一、支持研发。</p></div>")
    text, fields = article_text(page(body))
    assert "发布时间" not in text and fields["date"] == "2024-06-01"
    _, fields = article_text(page("<div id='zoom'><p>来源：本网　　发布日期：2024年6月1日　　浏览次数：12</p>"
                                  "<p>一、支持研发。</p></div>"))
    assert fields["date"] == "2024-06-01"
    _, fields = article_text(page(body.replace("<p>一、", "<p>成文日期：2024年05月20日</p><p>一、")))
    assert fields["date"] == "2024-05-20"
    _, fields = article_text(page(body, head='<meta name="PubDate" content="2024-05-28">'))
    assert fields["date"] == "2024-05-28"

def test_a_cell_spanning_rows_keeps_each_row_in_its_columns():
    """rowspan: a short label (a unit, the bodies responsible) is read again in each row it spans, a figure once
    (it would count twice), and each row stays one line whose cells keep their columns."""
    html = page("<div id='zoom'><table><tr><th>指标</th><th>单位</th><th>2023年</th><th>2026年</th></tr>"
                "<tr><td>营业收入</td><td rowspan='2'>亿元</td><td rowspan='2'>180</td><td>300</td></tr>"
                "<tr><td>工业增加值</td><td>100</td></tr>"
                "<tr><td colspan='2'>企业数量（家）</td><td>5</td><td rowspan='3'>市科技局、市发展改革委</td></tr>"
                "<tr><td>平台</td><td>个</td><td>3</td></tr><tr><td>人才</td></tr></table></div>")
    assert lines(html) == ["指标\t单位\t2023年\t2026年", "营业收入\t亿元\t180\t300", "工业增加值\t亿元\t\t100",
                           "企业数量（家）\t5\t市科技局、市发展改革委", "平台\t个\t3\t市科技局、市发展改革委",
                           "人才\t\t\t市科技局、市发展改革委"]


def test_a_pages_heading_repeated_as_the_articles_first_line_is_read_once():
    html = page("<div class='content'><h1>某区支持生物医药产业发展的若干措施</h1><div class='TRS_Editor'>"
                "<p>某区支持生物医药产业发展的若干措施</p><p>一、支持研发。</p></div></div>")
    assert lines(html) == ["某区支持生物医药产业发展的若干措施", "一、支持研发。"]


def test_a_plain_text_holding_a_pages_tags_or_references_reads_as_the_page_shows_it():
    """A crawler's .txt that kept the article's <p>/<br> (or only left &nbsp; unresolved) reads as the page's text;
    a text with an R&D or a <10% of its own is left alone."""
    from bioparse.html_text import markup_left_in

    tagged = "<p>一、总体要求</p>\n<p>&nbsp;&nbsp;（一）发展目标。到2027年<br>产值达到100亿元。</p>\n<p>二、保障措施</p>"
    assert markup_left_in(tagged) == ("一、总体要求\n（一）发展目标。到2027年\n产值达到100亿元。\n二、保障措施", "html")
    assert markup_left_in("&nbsp;&nbsp;&nbsp;&nbsp;一、总体要求&ensp;\n&#12288;（一）") == (
        "\xa0\xa0\xa0\xa0一、总体要求\u2002\n\u3000（一）", "txt")
    assert markup_left_in("支持R&D投入，不良率<10%，B&B模式，Q&A。") is None


def test_a_crawled_txt_with_tags_left_in_parses_as_its_text(tmp_path):
    from bioparse import pipeline

    plain = ("关于促进生物医药产业发展的若干措施\n一、支持创新\n（一）加大研发投入。到2027年产值达到100亿元。（责任单位：省科技厅）\n"
             "（二）加快审评审批。（责任单位：省药监局）\n")
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "crawled.txt").write_text("".join(f"<p>&nbsp;&nbsp;{line}</p>\n" for line in plain.splitlines()), encoding="utf-8")
    a, b = (pipeline.parse_document(tmp_path / f, "x", {}) for f in ("plain.txt", "crawled.txt"))
    assert b["documents"][0]["format"] == "html"
    for key, fields in (("provisions", ("label", "title")), ("agencies", ("provision_id", "agency")),
                        ("targets", ("provision_id", "value", "unit", "year"))):
        assert [tuple(r[f] for f in fields) for r in b[key]] == [tuple(r[f] for f in fields) for r in a[key]]
    assert len(a["agencies"]) == 2 and len(a["targets"]) == 1
