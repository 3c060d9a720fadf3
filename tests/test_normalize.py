import pytest
from bioparse.normalize import normalize
from pathlib import Path


def check_offsets(raw, norm):
    """Every kept character maps back to the same character (parens map to their twin)."""
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(raw)
    assert list(norm.offsets) == sorted(norm.offsets)
    twins = {"（": "(", "）": ")"}
    for i, c in enumerate(norm.text):
        r = raw[norm.offsets[i]]
        if c == "\n":
            continue
        assert r == c or twins.get(c) == r, (i, c, r)


def test_page_break_inside_word_is_joined():
    raw = "（二）加强基础研究。加强新靶点、新机制前\n\n沿探索。加快研究。\n"
    n = normalize(raw)
    assert "前沿探索" in n.text
    check_offsets(raw, n)


def test_paragraph_breaks_and_headings_are_kept():
    raw = "一、总体要求\n\n（一）发展思路。坚持创新，推动发展。\n\n二、重点任务\n"
    n = normalize(raw)
    assert n.text.split("\n") == ["一、总体要求", "（一）发展思路。坚持创新，推动发展。", "二、重点任务"]


def test_page_break_before_half_width_paren_continuation():
    raw = "（二十二）推广通关便利化措施。推动天津市生物医药企业\n\n(研发机构) 进口研发用物品。\n"
    n = normalize(raw)
    assert "生物医药企业(研发机构)" in n.text


def test_short_header_lines_are_not_joined():
    raw = "天津市人民政府办公厅\n\n2025年1月25日\n\n(此件主动公开)\n"
    assert normalize(raw).text.split("\n") == ["天津市人民政府办公厅", "2025年1月25日", "(此件主动公开)"]


def test_bookmarks_indentation_bom_and_crlf_removed():
    raw = "\ufeff　　一、任务\r\n[bookmark: _Hlk162014200]11.建设平台。  \r\n\r\n\r\n    （此件主动公开）\r\n"
    n = normalize(raw)
    assert n.text == "一、任务\n11.建设平台。\n（此件主动公开）"
    check_offsets(raw, n)


def test_half_width_heading_parens_become_full_width():
    raw = "(十六) 加快推动产业化进程。支持企业(团队)发展。\n(3)细项。\n"
    n = normalize(raw)
    assert n.text.startswith("（十六）加快推动产业化进程。支持企业(团队)发展。")
    assert "\n（3）细项。" in n.text
    check_offsets(raw, n)


@pytest.mark.parametrize("bullet", ["◈ ", "●", "■　", "▶ "])
def test_a_bullet_before_a_heading_label_is_dropped(bullet):
    """A web page or a WeChat repost sets a bullet before each entry of a list (◈ 1.鼓励…): the label starts the line."""
    raw = f"一、产业政策\n{bullet}1.鼓励设立专项资金。\n{bullet}(二)支持研发。\n• 发文字号：某政〔2023〕5号\n"
    n = normalize(raw)
    assert n.text.split("\n") == ["一、产业政策", "1.鼓励设立专项资金。", "（二）支持研发。", "• 发文字号：某政〔2023〕5号"]
    check_offsets(raw, n)


def test_normalizing_twice_changes_nothing():
    raw = "(一) 标题。正文内容很长很长，继续写下去的内容在这里，还没结束\n\n下一页继续。\n\n\n二、下一部分\n"
    once = normalize(raw).text
    assert normalize(once).text == once


def test_raw_span_of_a_normalized_span():
    raw = "一、总体\n\n\n（一）思路。内容。\n"
    n = normalize(raw)
    s = n.text.index("（一）")
    a, b = n.to_raw(s, len(n.text))
    assert raw[a:b].startswith("（一）思路。内容。")


def test_responsibility_line_is_not_joined_to_the_paragraph_before():
    raw = "（一）加快研发。对新获批的一类创新药给予最高500万元奖励，支持企业开展多中心临床试验\n责任单位：区科技创新局、区卫生健康局\n"
    assert normalize(raw).text.split("\n")[1] == "责任单位：区科技创新局、区卫生健康局"


@pytest.mark.parametrize("wrap", ["；配合单位：\n区经济信息委", "；\n配合单位：区经济信息委"])
def test_a_hard_wrap_inside_an_open_agency_bracket_joins(wrap):
    # text copied from a PDF breaks after a colon or semicolon inside the clause's bracket
    raw = ("（四）强化评估考核。建立重点任务清单，每半年开展一次督查评估（牵头单位：区政府督查办" + wrap
           + "、区统计局）\n（五）下一条。\n")
    lines = normalize(raw).text.split("\n")
    assert lines == ["（四）强化评估考核。建立重点任务清单，每半年开展一次督查评估（牵头单位：区政府督查办"
                     + wrap.replace("\n", "") + "、区统计局）", "（五）下一条。"]


@pytest.mark.parametrize("label", ["【责任单位】", "责任单位："])
def test_a_responsibility_line_is_not_joined_to_the_paragraph_after_a_page_gap(label):
    raw = (f"13.强化组织保障。建立工作推进机制。\n{label}自治区工业和信息化厅、各盟行政公署、市人民政府、各旗县人民政府\n\n"
           "　　本措施自印发之日起施行，由自治区工业和信息化厅负责解释。\n")
    assert normalize(raw).text.split("\n")[1:] == [f"{label}自治区工业和信息化厅、各盟行政公署、市人民政府、各旗县人民政府",
                                                     "本措施自印发之日起施行，由自治区工业和信息化厅负责解释。"]
    # cut after a 、 by the page gap, it runs on
    cut = raw.replace("市人民政府、各旗县人民政府\n\n　　本措施", "市人民政府、\n\n各旗县人民政府\n\n　　本措施")
    assert normalize(cut).text.split("\n")[1] == f"{label}自治区工业和信息化厅、各盟行政公署、市人民政府、各旗县人民政府"


def test_a_colon_or_semicolon_outside_a_bracket_still_ends_the_paragraph():
    raw = "（四）强化评估考核。建立重点任务清单，每半年开展一次督查评估，主要包括：\n责任单位：区政府督查办\n"
    assert normalize(raw).text.split("\n")[1] == "责任单位：区政府督查办"


def test_a_running_header_after_every_page_number_is_a_page_gap():
    raw = ("某区人民政府办公室文件\n关于印发行动计划的通知\n"
           "（一）推进建设。到2027年，全区生物医药产业产值\n— 1 —\n某区人民政府办公室\n突破300亿元，年均增长17%以上。\n"
           "（二）加强保障。对新认定的国家级平台给予\n— 2 —\n某区人民政府办公室\n一次性奖励。\n"
           "（三）强化考核。\n— 3 —\n某区人民政府办公室\n2025年6月13日印发\n")
    text = normalize(raw).text
    assert "（一）推进建设。到2027年，全区生物医药产业产值突破300亿元，年均增长17%以上。" in text
    assert "（二）加强保障。对新认定的国家级平台给予一次性奖励。" in text
    assert text.count("某区人民政府办公室") == 1  # the first line's 某区人民政府办公室文件 holds it once


def test_a_line_after_one_page_number_only_is_text():
    raw = "（一）推进建设。全区生物医药产业产值突破300亿元，年均增长17%以上，\n— 1 —\n规模以上企业达到100家。\n"
    assert normalize(raw).text == "（一）推进建设。全区生物医药产业产值突破300亿元，年均增长17%以上，规模以上企业达到100家。"


def test_a_page_number_left_in_a_text_is_a_page_gap():
    raw = ("某市人民政府文件\n（四）推进建设。（责任单位：高新区管委会、科技城管委会、\n- 3 -\n某市人民政府文件\n"
           "游仙区人民政府、市发展改革委）\n第3页 共9页\n（五）下一条。\n")
    n = normalize(raw)
    # the page number and the running header after it (the text's first line again) are a page's gap
    assert n.text == ("某市人民政府文件\n（四）推进建设。（责任单位：高新区管委会、科技城管委会、游仙区人民政府、市发展改革委）\n"
                      "（五）下一条。")
    assert "3" not in n.text  # the page numbers are furniture, as the PDF reader drops them


@pytest.mark.parametrize("join_breaks", [True, False])
@pytest.mark.parametrize("ordinal", ["四、川南第一", "2、西部第一"])
def test_a_line_wrapped_after_an_ordinal_s_first_character_joins(ordinal, join_breaks):
    """居全省第⏎四、川南第一: a page's text hard-wrapped inside 第四 (a 2017 plan); no heading's label follows a 第
    left at a line's end, so 四、 continues the sentence, also where each line is a paragraph (a .docx or page
    made of the lines, join_breaks False). A heading after a closed sentence still starts its line."""
    raw = ("经济发展带动健康产业新需求，仅川南就聚集超过1500万人口，2016年我市人均GDP达到44481元，居全省第\n"
           + ordinal + "。随着大众健康意识增强，健康消费需求加快转变。\n四、发展思路\n")
    n = normalize(raw, join_breaks)
    assert n.text.split("\n") == ["经济发展带动健康产业新需求，仅川南就聚集超过1500万人口，2016年我市人均GDP达到44481元，居全省第"
                                   + ordinal + "。随着大众健康意识增强，健康消费需求加快转变。", "四、发展思路"]
    check_offsets(raw, n)


def test_a_page_s_line_break_after_an_ordinal_s_first_character_joins():
    """The same ordinal cut by a page's <br> (or Word's line break): 四、 runs on; a heading after a closed sentence does not."""
    from bioparse.normalize import SOFT_BREAK, soft_breaks
    assert soft_breaks(f"2016年我市人均GDP达到44481元，居全省第{SOFT_BREAK}四、川南第一。{SOFT_BREAK}四、发展思路") == (
        "2016年我市人均GDP达到44481元，居全省第四、川南第一。\n四、发展思路")


def test_an_ascii_full_stop_after_chinese_ends_a_paragraph():
    """Text typed on an English input method: 工作日. ends its sentence (read as 工作日。, with its commas as ，), 2. and 1.5
    do not."""
    text = ("2.建立创新药械挂网采购绿色通道,挂网时限不超过10个工作日.\n(牵头单位:市医疗保障局;配合单位:市卫生健康局)\n"
            "对首批纳入的产品开展跟踪评价,实施动态调整并定期发布.\n对首批纳入的产品开展跟踪评价,定期公开发布。\n"
            "对符合条件的生物医药企业，开展产品跟踪评价并按规定给予一次性补助1.\n5万元，定期公开发布。\n")
    assert normalize(text).text.split("\n")[:5] == [
        "2.建立创新药械挂网采购绿色通道，挂网时限不超过10个工作日。", "(牵头单位:市医疗保障局;配合单位:市卫生健康局)",
        "对首批纳入的产品开展跟踪评价，实施动态调整并定期发布。", "对首批纳入的产品开展跟踪评价，定期公开发布。",
        "对符合条件的生物医药企业，开展产品跟踪评价并按规定给予一次性补助1.5万元，定期公开发布。"]


def test_labels_set_as_one_character_start_a_line():
    text = "（一）加强研发，支持生物医药企业建设高水平创新平台并给予资金支持和服务，\n⑴布局平台。\n"
    assert normalize(text).text.split("\n")[:2] == ["（一）加强研发，支持生物医药企业建设高水平创新平台并给予资金支持和服务，", "⑴布局平台。"]


def test_a_text_wrapped_at_28_characters_joins_its_lines():
    """A 公文 PDF's text copied out: 28 characters a line, a list of bodies cut inside a name."""
    from bioparse.normalize import wrap_width

    body = "支持企业开展创新药物研发，对完成临床试验的品种给予资金支持，" * 12
    lines = ["（一）实施创新药物研发工程。" + body[:14]] + [body[i:i + 28] for i in range(14, len(body) - 28, 28)]
    lines += ["牵头单位：省科技厅；责任单位：省发展改革委、省经济和信息", "化委、省财政厅", "（二）建设平台。"]
    text = "\n".join(lines) + "\n"
    assert wrap_width(text) == (23, 28)
    out = normalize(text).text.split("\n")
    assert out[0].startswith("（一）实施创新药物研发工程。") and out[0].endswith(lines[-4])
    assert out[1] == "牵头单位：省科技厅；责任单位：省发展改革委、省经济和信息化委、省财政厅"
    assert out[2] == "（二）建设平台。"


def _wrapped_32(paragraphs):
    """Paragraphs set 32 characters a line, as a PDF's text copied out keeps them."""
    return "".join("".join(p[i:i + 32] + "\n" for i in range(0, len(p), 32)) for p in paragraphs)


_FILLER = ["为深入贯彻落实省委、省政府关于打造国家重要先进制造业高地的决策部署，加快建设国家生物医药产业集群，"
           "推动全市生物医药产业链提质增效，依托岳麓山实验室、湘江实验室等创新资源，聚焦创新药物、高端医疗器械、"
           "现代中药和医药研发外包服务等重点领域，着力补链延链强链，结合我市实际，制定本行动计划。", "一、发展目标"]


def test_a_full_line_ending_in_a_semicolon_runs_on_in_a_hard_wrapped_text():
    """…达到20家；⏎累计…30个: the page's edge cut the sentence, so 30个 keeps its year 2026."""
    goal = ("到2026年，全市生物医药产业链规模突破1200亿元，规模以上工业企业数量达到260家，其中营业收入超10亿元的企业达到20家；"
            "累计新获批一类创新药和三类医疗器械产品30个，建成省级以上创新平台40个，产业链关键环节本地配套率显著提升。")
    assert len(goal.split("；")[0]) + 1 == 64  # the semicolon ends the second line
    text = _wrapped_32(_FILLER + [goal, "二、重点任务"])
    assert normalize(text).text.split("\n")[2:] == [goal, "二、重点任务"]


def test_a_full_line_ending_in_an_aside_bracket_runs_on_in_a_hard_wrapped_text():
    """…示范基地(园区、企业)⏎200个…: a bracket set mid-sentence at the page's edge ends no paragraph (贵州's 大健康
    plan, reset 32 characters a line); one after a sentence's end or naming roles closes its paragraph."""
    goal = ("到2020年，大健康产业加速发展，水平与规模显著提升，与大扶贫、大数据、大生态、大旅游融合发展不断深入，产业竞争力、"
            "影响力、渗透力和辐射力不断增强，产业增加值突破1800亿元。依托“六大示范创建工程”、“6个50”重点工程，发展认定省级大健康"
            "产业示范区(县、市、特区)20个、集聚发展示范区30个、示范基地(园区、企业)200个，培育年产值突破100亿元的企业1个。")
    assert len(goal.split("(园区、企业)")[0]) + 7 == 160  # the aside ends the fifth line
    measure = ("（一）实施健康医药医疗产业发展三年行动计划。到2020年，医药产业发展质量与效率显著提升，力争全省医药工业总产值650亿元，"
               "增加值190亿元，年均增速10%左右。(牵头单位：省经济和信息化委)")
    clause_line = "（二）实施健康养老产业发展三年行动计划。推进医疗卫生、森林康养与养老服务相结合，建设一批医养结合示范项目等（责任单位：省民政厅）"
    closing = "本方案自印发之日起实施。"
    assert len(measure) == 96 and len(clause_line) == 64
    text = _wrapped_32(_FILLER + [goal, "二、工作任务", measure, clause_line, closing])
    assert normalize(text).text.split("\n")[2:] == [goal, "二、工作任务", measure, clause_line, closing]


def test_a_full_line_of_bodies_ends_before_the_texts_closing_sentence_in_a_hard_wrapped_text():
    """…省自然资源厅、省文化旅游厅⏎本方案自印发之日起实施。: the bodies reach the page's edge, yet no name runs on
    into the sentence that closes the text; a name cut by the edge (省发展改革⏎委) still joins."""
    measure = "（二）实施健康养老产业发展三年行动计划。推进医疗卫生、森林康养与养老服务相结合，建设一批医养结合示范项目。"
    bodies = ("牵头单位：省民政厅；配合单位：省卫生健康委、省财政厅、省发展改革委、省医保局、省人力资源社会保障厅、省自然资源厅、"
              "省文化旅游厅")
    assert len(bodies) == 63  # its second line is full
    text = _wrapped_32(_FILLER + ["二、工作任务", measure, bodies, "本方案自印发之日起实施。"])
    assert normalize(text).text.split("\n")[-3:] == [measure, bodies, "本方案自印发之日起实施。"]


def test_items_and_clauses_each_ending_in_a_semicolon_on_a_full_line_stay_apart():
    items = ["1.建设高水平研发平台。支持龙头企业联合高校院所共建创新联合体，对新获批的国家级重点实验室、技术创新中心给予最高500万元支持；",
             "2.加快创新成果转化。建设概念验证中心和中试平台，支持高校院所科研成果在长转化，对合同成交额超过1000万元的转化项目给予奖励；",
             "3.推动临床研究发展。支持医疗机构建设研究型病房。"]
    clauses = ["主要目标：", "产业规模持续扩大，全市生物医药产业链规模突破1200亿元，规模以上企业数量达到260家，其中营业收入超10亿元的企业达到20家；",
               "创新能力显著增强，累计新获批一类创新药和三类医疗器械产品30个；",
               "——产业生态更加完善，产业链关键环节本地配套率显著提升。"]
    assert [len(p) for p in items[:2] + clauses[1:3]] == [64, 64, 64, 32]  # each ends a full line
    text = _wrapped_32(_FILLER + items + clauses)
    assert normalize(text).text.split("\n")[2:] == items + clauses
    # in a text not hard-wrapped, a full line's semicolon ends its paragraph as before
    short = "到2026年，全市规模以上工业企业数量达到260家，营业收入超10亿元的企业达到20家；\n累计新获批一类创新药30个。\n"
    assert normalize(short).text.split("\n")[1] == "累计新获批一类创新药30个。"


def test_a_full_list_of_bodies_ends_its_line_in_text_not_wrapped():
    text = ("（一）加强研发，支持生物医药企业建设高水平创新平台并给予资金支持和服务。\n"
            "【责任单位】自治区工业和信息化厅、各盟行政公署、市人民政府、各旗县人民政府\n"
            "本措施自印发之日起施行，有效期至2027年12月31日。\n")
    assert normalize(text).text.split("\n")[1] == "【责任单位】自治区工业和信息化厅、各盟行政公署、市人民政府、各旗县人民政府"


def test_a_table_row_is_neither_joined_nor_joins_the_next():
    """A PDF's indicator table read as tab-separated rows: a long row ending in a name (预期性)
    is no sentence cut by the page, and the paragraph before a table does not swallow its head."""
    body = "全市生物医药产业营业收入突破500亿元，培育龙头企业8家，主要指标如下"
    text = (body + "\n指标名称\t单位\t基期值（2022年）\t目标值（2025年）\t属性\n"
            "规模以上生物医药工业企业数量（家）\t家\t85\t120\t预期性\n"
            "生物医药产业营业收入（亿元）\t亿元\t320\t500\t预期性\n")
    assert normalize(text).text.split("\n") == text.rstrip("\n").split("\n")


def test_a_table_copied_with_bars_keeps_its_rows():
    """A page's information table copied as | label: value | rows: a long row holding 、 or ; and
    ending in a bar is no sentence cut by the page, so the rows (and the 成文日期 in them) stay apart."""
    rows = ["| 索 引 号: 11450000007565768W/2026-04777 | 主题分类: 卫生、体育;医药管理 |",
            "| 发文单位: 广西壮族自治区人民政府办公厅 | 成文日期: 2025年12月14日 |",
            "| 标 题: 广西壮族自治区人民政府办公厅印发《关于推动广西生物医药产业高质量发展若干政策措施》的通知 | |",
            "| 发文字号: 桂政办发〔2025〕58号 | 发布日期: 2026年01月08日 |"]
    text = "\n".join(rows) + "\n各市人民政府，自治区人民政府各组成部门、各直属机构：\n"
    assert normalize(text).text.split("\n")[:4] == rows


def test_a_clause_of_bodies_cut_into_two_paragraphs_is_joined():
    """A page's or .docx's paragraphs are kept as the author set them, but a bracket of bodies opened in one and closed
    in the next (（责任单位：A、⏎B、C）, （A、⏎B按职责分工负责）) is one clause a converter cut; its last bodies were lost."""
    text = ("第二条　支持平台。给予最高500万元支持。（责任单位：市发展改革委、\n市科技局、市财政局）\n"
            "（三）支持临床。给予奖励。（市卫生健康委、\n市药监局按职责分工负责）\n")
    assert normalize(text, join_breaks=False).text.split("\n") == [
        "第二条　支持平台。给予最高500万元支持。（责任单位：市发展改革委、市科技局、市财政局）",
        "（三）支持临床。给予奖励。（市卫生健康委、市药监局按职责分工负责）"]
    # a heading, or a bracket that is no clause, still starts its own paragraph
    kept = "（二）甲。乙。（市发展改革委、\n（三）丙（一）。\n（四）支持首台（套）、\n首批次（首版次）\n"
    assert normalize(kept, join_breaks=False).text.split("\n") == kept.rstrip("\n").split("\n")


def test_a_line_after_60000_blanks():
    """Edge blanks before a (一) heading are cut with one slice (a pop(0) each was quadratic)."""
    raw = "\u3000" * 60000 + "(一)加快发展\u200b生物医药\n"
    norm = normalize(raw)
    assert norm.text.startswith("（一）加快发展生物医药")
    assert norm.to_raw(1, 3) == (60001, 60003)


def test_a_manual_break_wrapping_a_heading_joins_it():
    """二、加快推进…集群⏎建设的重点任务 is one heading; a break before a body sentence or a heading still starts a line."""
    from bioparse.normalize import SOFT_BREAK, soft_breaks
    assert soft_breaks(f"二、加快推进生物医药产业集群{SOFT_BREAK}建设的重点任务") == "二、加快推进生物医药产业集群建设的重点任务"
    assert soft_breaks(f"（二）推动高端医疗器械{SOFT_BREAK}国产化替代") == "（二）推动高端医疗器械国产化替代"
    assert soft_breaks(f"一、总体要求{SOFT_BREAK}坚持创新驱动，加快发展。") == "一、总体要求\n坚持创新驱动，加快发展。"
    assert soft_breaks(f"一、总体要求{SOFT_BREAK}（一）指导思想") == "一、总体要求\n（一）指导思想"
    assert soft_breaks(f"各有关单位{SOFT_BREAK}现将方案印发") == "各有关单位\n现将方案印发"


def test_a_manual_break_reads_as_a_txt_line_break_after_a_closed_clause_an_attachment_label_and_before_a_section():
    """<br> lines of a page read as the .txt's lines: a line ending in a closed bracket (…（市科技局负责）) ends its
    paragraph, a line reading only 附件 stands over its title, and 1.1 指导思想 under 一、总体要求 is a heading of its own."""
    from bioparse.normalize import SOFT_BREAK, soft_breaks
    measure = "1.支持平台建设，对新认定的国家级平台给予奖励（市科技局负责）"
    assert soft_breaks(f"{measure}{SOFT_BREAK}本措施自印发之日起施行。") == f"{measure}\n本措施自印发之日起施行。"
    assert soft_breaks(f"附件{SOFT_BREAK}任务分工表") == "附件\n任务分工表"
    assert soft_breaks(f"附件2{SOFT_BREAK}重点企业名单") == "附件2\n重点企业名单"
    assert soft_breaks(f"一、总体要求{SOFT_BREAK}1.1 指导思想") == "一、总体要求\n1.1 指导思想"
    # a heading wrapped before a figure still joins
    assert soft_breaks(f"二、产业规模达到{SOFT_BREAK}1.5万亿元") == "二、产业规模达到1.5万亿元"


@pytest.mark.parametrize("blank", [" ", "\u3000"])
def test_a_manual_break_before_a_part_set_off_by_a_blank_is_a_line_break(blank):
    """第二部分　发展目标⏎三 产业布局: a part label set off by a blank (structure's short heading line) starts a line."""
    from bioparse.normalize import SOFT_BREAK, soft_breaks
    assert soft_breaks(f"第二部分　发展目标{SOFT_BREAK}三{blank}产业布局") == f"第二部分　发展目标\n三{blank}产业布局"
    assert soft_breaks(f"二、推进医药产业{SOFT_BREAK}集群建设") == "二、推进医药产业集群建设"



def test_a_manual_break_after_a_full_stop_typed_in_ascii_is_a_line_break():
    """工作日.⏎(牵头单位:…) in a text typed with half-width punctuation: the . after a Chinese character
    ends the sentence, so the break (a Word w:br, a page's <br>) starts the bodies' line, as a .txt's line break does."""
    from bioparse.normalize import SOFT_BREAK, soft_breaks
    line = "2.建立挂网采购绿色通道,挂网时限不超过10个工作日."
    assert soft_breaks(f"{line}{SOFT_BREAK}(牵头单位:市医疗保障局)") == f"{line}\n(牵头单位:市医疗保障局)"
    # a decimal point cut by a wrap is no full stop
    assert soft_breaks(f"产值增长,达到12.{SOFT_BREAK}5亿元") == "产值增长,达到12.5亿元"

def test_a_law_databases_field_names_before_a_line_are_dropped():
    raw = "某市某某条例\n【题注】 （2001年4月29日通过）\n【章名】 第一章　总则\n第一条　为了…，制定本条例。\n"
    n = normalize(raw)
    assert n.text.split("\n")[1:3] == ["（2001年4月29日通过）", "第一章　总则"]
    start = n.text.index("第一章")
    assert raw[n.offsets[start]] == "第"
    assert normalize("【责任单位】市科技局\n").text == "【责任单位】市科技局"


def test_a_traditional_article_or_responsibility_line_starts_a_line():
    """第三條 and 責任單位： start lines in a 繁體 text as 第三条 and 责任单位： do: no page break joins them to the line before."""
    body = "第二條　本辦法適用於本市行政區域內的科技項目，包括研發項目、平台項目，"
    assert normalize(body + "\n\n第三條　項目實行分類管理。\n").text.split("\n")[1] == "第三條　項目實行分類管理。"
    clause = "（一）支持研發。對新藥研發給予支持，對臨床試驗給予補助，"
    assert normalize(clause + "\n\n責任單位：市科技局\n").text.split("\n")[1] == "責任單位：市科技局"


def test_paragraphs_run_together_on_one_line_are_split_at_their_indents():
    """A page or copy that lost its line breaks keeps each paragraph's 　　 indent: a long line holding
    several indents is split there (one character replaced by a line break, so offsets hold), and the
    headings behind them are found; a short line with an inner indent (a table's row) is left."""
    from bioparse.structure import parse_provisions

    body = "为推动产业发展，制定本方案。" + "".join(
        f"\u3000\u3000{label}\u3000\u3000" + "支持企业开展研发，对符合条件的项目给予补助。" * 4
        for label in ("一、强化创新", "（一）建设平台", "（二）培育企业", "二、优化环境"))
    norm = normalize(body)
    assert [line[:6] for line in norm.text.split("\n")][:3] == ["为推动产业发", "一、强化创新", "支持企业开展"]
    for line_start, line in _line_spans(norm.text):
        a, b = norm.to_raw(line_start, line_start + len(line))
        assert body[a:b].strip("\u3000\n") == line
    levels = [(p.level, p.label) for p in parse_provisions(norm.text) if p.level != "preamble"]
    assert levels == [("part", "一、"), ("section", "（一）"), ("section", "（二）"), ("part", "二、")]
    row = "1\u3000\u3000产业规模\u3000\u3000亿元\u3000\u3000600"
    assert normalize(row).text == row


def test_paragraphs_joined_by_blanks_on_one_line_are_split_before_their_labels():
    """A page whose paragraphs were joined by a blank (…制定本计划。 一、总体要求… (一)…。 二、重点任务 (一)…): a long
    line holding several heading labels after a sentence's end and a blank is split at those blanks, and at the
    blank between a heading's title and the next label (重点任务 (一)); a blank inside a sentence (市 1.5亿元) is kept."""
    from bioparse.structure import parse_provisions

    body = ("各市人民政府： 《某省行动计划》已经省政府同意，现印发给你们。 某省行动计划 为加快发展，特制定本行动计划。 "
            "一、总体要求到2025年，产业规模达到1000亿元。 (一)创新中心。争创国家级平台3家，市 1.5亿元的项目给予支持。 "
            "(二)制造中心。产出突破1万亿元。 二、重点任务 (一)实施提升行动。聚焦创新药。(责任单位：省经信厅) "
            "(二)实施培育行动。推动融合。" + "支持企业开展研发，对符合条件的项目给予补助。" * 6)
    norm = normalize(body)
    assert len(norm.text) == len(body)
    lines = norm.text.split("\n")
    assert [line[:4] for line in lines] == ["各市人民", "一、总体", "（一）创", "（二）制", "二、重点", "（一）实", "（二）实"]
    assert "市 1.5亿元" in lines[2]
    for line_start, line in _line_spans(norm.text):
        a, b = norm.to_raw(line_start, line_start + len(line))
        assert b - a == len(line) and body[a + 4:b] == line[4:]  # （一） was (一)
    levels = [(p.level, p.label, p.title) for p in parse_provisions(norm.text) if p.level != "preamble"]
    assert [lv[:2] for lv in levels] == [("part", "一、"), ("section", "（一）"), ("section", "（二）"), ("part", "二、"),
                                         ("section", "（一）"), ("section", "（二）")]
    assert levels[3][2] == "重点任务"
    # a long paragraph with one or two such labels in it is no flattened page
    one = "为加快发展，制定本方案。 1.建设平台。" + "支持企业开展研发，对符合条件的项目给予补助。" * 15
    assert normalize(one).text == one


def _line_spans(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def test_a_square_bracket_clause_and_a_blank_set_part_end_a_paragraph():
    """〔责任单位：…〕 closes its paragraph as （…） does, and a part set off by an ideographic blank
    (二　优化产业生态) starts a line of its own: a .txt's next line is joined to neither."""
    clause = ("（一）支持企业建设研发平台，按投入给予补助，推动产业集聚发展〔责任单位：市科技局、市财政局〕\n"
              "本措施自印发之日起施行，有效期三年，由市科技局负责解释。\n")
    assert normalize(clause).text.count("\n") == 1
    part = ("（三）完善配套服务体系，推动孵化器、加速器和产业园区协同发展，形成梯次培育格局\n"
            "二\u3000优化产业生态\n")
    assert normalize(part).text.split("\n")[1] == "二\u3000优化产业生态"


def test_a_label_clause_after_a_measures_last_sentence_ends_its_line():
    """…。【责任单位】A、B with no full stop after the names: the next line (a box's heading, a closing
    sentence) starts a paragraph of its own instead of gluing onto the last name (区数据资源局专栏2)."""
    text = ("2.完善公共服务。建设产业数据平台，提供政策、市场和专利信息服务。【责任单位】区经信局、区数据资源局\n"
            "专栏2　重点公共服务平台\n"
            "（二）加大金融支持。设立规模50亿元的产业母基金。【牵头单位】市财政局【配合单位】市金融工作局、市产业基金\n"
            "本措施自印发之日起施行，由市科技局负责解释。\n")
    assert normalize(text).text.split("\n") == [line for line in text.split("\n") if line]
    # a list that breaks after a 、 still runs on below
    cut = "（三）强化人才支撑。引进高层次人才团队，给予安家补贴。【责任单位】市委人才办、\n市人力资源社会保障局\n"
    assert normalize(cut).text.count("\n") == 0
    # a page's manual line break (<br>) after the names is a line break too
    from bioparse.normalize import SOFT_BREAK, soft_breaks
    assert soft_breaks(text.replace("\n", SOFT_BREAK, 1)) == text


def test_a_line_opening_with_closing_punctuation_continues_the_line_before():
    """A re-wrapped copy of a PDF may set a cut sentence's ，or 。 at a line's start (typesetting forbids it);
    such a line never starts a paragraph, even in a short text whose wrap width is not found; nor does a
    line after one ending in an opening bracket (…市场。【⏎责任单位】…)."""
    text = ("第一条 为了继承和发展中医药事业，推动中医药产业发展\n"
            "，根据有关法律、法规，结合本市实际，制定本条例。\n"
            "第二条 本条例自2013年1月1日起施行\n"
            "。\n")
    assert normalize(text).text.split("\n") == [
        "第一条 为了继承和发展中医药事业，推动中医药产业发展，根据有关法律、法规，结合本市实际，制定本条例。",
        "第二条 本条例自2013年1月1日起施行。"]
    opened = "（三）打造区域品牌。支持企业参加国内外重要展会，开拓国际市场。【\n责任单位】县市场监管局、县商务局\n"
    assert normalize(opened).text == opened.replace("\n", "", 1).rstrip("\n")


def test_a_pdf_fonts_mismapped_year_brackets_read_as_the_numbers():
    """A font of Chinese government PDFs gives 〔〕 as „‟ (桐政办„2022‟24 号): around a year they read as 〔〕,
    one character for one so every offset holds; „‟ elsewhere stay."""
    raw = "县政办„2023‟31 号\n他说„好‟。\n"
    n = normalize(raw)
    assert n.text.split("\n") == ["县政办〔2023〕31 号", "他说„好‟。"]
    assert raw[n.offsets[3]] == "„" and len(n.text) == len(raw) - 1


def test_a_notice_titles_end_is_no_sentence_cut_by_the_page():
    """A page saved as text: …关于印发《X》的通知 (its 、 a sentence's mark, over 30 characters) over the site's
    发布时间 line keeps its break; a paragraph cut after 的通知 with a 。 before it still joins."""
    raw = ("某市科委、市发展改革委关于印发《某市生物医药产业发展行动计划(2009-2012年)》的通知\n"
           "发布时间:2009-07-31 来源:某市科学技术委员会某科合(2009)029号\n各区科委、各产业基地：\n")
    assert normalize(raw).text.split("\n")[:2] == raw.split("\n")[:2]
    cut = "为落实省里部署。各单位要按照省卫生健康委员会印发的有关工作安排的通知\n要求，认真组织实施。\n"
    assert normalize(cut).text == cut.replace("\n", "", 1).rstrip("\n")


def test_a_letter_spaced_line_loses_the_blanks_between_its_characters():
    # A PDF's justified spread or a page's spaced title: 市 科 技 局 is no agency name, 5 0 0 no figure.
    raw = "关 于 促 进 生 物 医 药 发 展 的 措 施\n（ 一 ） 给 予 最 高 5 0 0 万 元 奖 励 。\n2 0 2 4 年 3 月 5 日\n"
    norm = normalize(raw)
    assert norm.text == "关于促进生物医药发展的措施\n（一）给予最高500万元奖励。\n2024年3月5日"
    check_offsets(raw, norm)
    assert normalize(norm.text).text == norm.text


@pytest.mark.parametrize("line", [
    "一 强化创新引领，提升研发能力",  # a part set off by a blank
    "序号 指标 1 2 3",  # a table row with single-figure cells
    "1 2 3 4 5 6",  # figures only
    "第一章　总　则",  # a chapter title spaced in the law's style
    "A B C D 类企业",  # Latin letters
    "- 3 - 。 - 4 -",  # marks and figures
    "指标\t2 0\t3 0\t4 0\t5 0",  # tab-parted cells
])
def test_a_line_with_a_few_blanks_keeps_them(line):
    assert normalize(line).text == line


def test_a_wider_gap_in_a_letter_spaced_line_stays():
    raw = "牵 头 单 位 ： 市 科 技 局    配 合 单 位 ： 市 财 政 局"
    assert normalize(raw).text == "牵头单位：市科技局    配合单位：市财政局"


def test_a_heading_whose_title_alone_is_letter_spaced_loses_the_blanks():
    assert normalize("一、强 化 创 新 引 领\n（一）支持研发。").text == "一、强化创新引领\n（一）支持研发。"


_WRAPPED_PAGES = ("某市人民政府办公室关于印发某市生物医药产业发展行动方案的通知\n各区人民政府：\n现印发给你们，请认真贯彻执行。\n"
                  "一、总体要求\n（一）发展目标。到2027年，全市生物医药产业营业收入突破\n{0}\n{h1}500亿元，年均增长15%以上，培育龙头企业\n"
                  "20家，建成省级以上创新平台40个，形成较为完备的产业体系和创新生态。\n（二）基本原则。坚持创新引领，坚持集聚发展。\n"
                  + "（三）工作机制。建立全市生物医药产业发展工作专班，统筹推进重大项目建设，\n协调解决产业发展中的重大问题。\n" * 4 +
                  "二、重点任务\n（一）加快创新药研发。对在本市开展临床试验的创新药给予\n{1}\n{h2}最高500万元支持，对获批上市的给予\n"
                  "最高1000万元奖励，单个企业每年累计不超过3000万元。\n（责任单位：市科技局、市财政局）\n"
                  + "（二）加快器械研发。对获批上市的第三类医疗器械给予最高300万元奖励，\n支持企业开展临床评价。\n" * 4 +
                  "（二）支持平台建设。对新认定的国家级平台给予一次性奖励。\n{2}\n")


@pytest.mark.parametrize("numbers", [("·1·", "·2·", "·3·"), ("1 / 3", "2 / 3", "3 / 3"), ("1/3", "2/3", "3/3"),
                                     ("1", "2", "3"), ("１", "２", "３"), ("第1页 共3页", "第2页 共3页", "第3页 共3页"),
                                     ("共3页 第1页", "共3页 第2页", "共3页 第3页"),
                                     ("某市生物医药产业发展行动方案 — 1 —", "— 2 — 某市生物医药产业发展行动方案",
                                      "某市生物医药产业发展行动方案 — 3 —"),
                                     ("某市生物医药产业发展行动方案 - 1 -", "某市生物医药产业发展行动方案 - 2 -",
                                      "某市生物医药产业发展行动方案 - 3 -"),
                                     ("about:blank 1/3", "about:blank 2/3", "about:blank 3/3"),
                                     ("Page 1 of 3", "Page 2 of 3", "Page 3 of 3"),
                                     ("11/27/26, 3:04 PM", "11/27/26, 3:04 PM 某市生物医药产业发展行动方案", "11/27/26, 3:04 PM")])
def test_page_numbers_a_pdfs_copied_text_keeps_are_page_gaps(numbers):
    """·3·, 3 / 5, 3/12 and a bare 3 on its own line (a run counting up, one inside a sentence) are a page's furniture:
    the sentence they cut is joined and no figure is read from them. So are a 公文's footer that sets the short title
    beside its page number (某市…行动方案 — 3 —, — 4 — 某市… on facing pages) and what a browser or reader set to
    English prints at a page's edge (11/27/26, 3:04 PM, about:blank 1/3, Page 3 of 12)."""
    raw = _WRAPPED_PAGES.format(*numbers, h1="", h2="")
    n = normalize(raw)
    check_offsets(raw, n)
    assert "到2027年，全市生物医药产业营业收入突破500亿元，年均增长15%以上" in n.text
    assert "给予最高500万元支持" in n.text
    assert n.text.endswith("一次性奖励。")


@pytest.mark.parametrize("header", ["某市人民政府办公室", "某市生物医药产业发展行动方案", "某某市人民政府文件", "政府信息公开专栏"])
def test_a_running_header_seen_once_or_twice_is_furniture(header):
    """A page's head seen once or twice after its number (the issuer, the short title, a red head's 文件, a
    政府信息公开 line) is no sentence's part; the text's own first lines stay."""
    raw = _WRAPPED_PAGES.format("- 1 -", "- 2 -", "- 3 -", h1=header + "\n", h2="")
    n = normalize(raw)
    check_offsets(raw, n)
    assert "营业收入突破500亿元" in n.text
    assert n.text.startswith("某市人民政府办公室关于印发某市生物医药产业发展行动方案的通知\n各区人民政府：")


def test_a_browsers_print_stamp_and_address_are_furniture():
    """A page printed to PDF: 2024/6/1 上午10:23 title over each page, https://… 1/3 under it."""
    raw = ("2024/6/1 上午10:23 某市生物医药产业发展行动方案\n" + _WRAPPED_PAGES.format(
        "https://www.example.gov.cn/zwgk/art_1.html 1/3", "https://www.example.gov.cn/zwgk/art_1.html 2/3",
        "https://www.example.gov.cn/zwgk/art_1.html 3/3",
        h1="2024/6/1 上午10:23 某市生物医药产业发展行动方案\n", h2="2024/6/1 上午10:23 某市生物医药产业发展行动方案\n"))
    n = normalize(raw)
    check_offsets(raw, n)
    assert n.text.startswith("某市人民政府办公室关于印发")
    assert "营业收入突破500亿元" in n.text and "给予最高500万元支持" in n.text
    assert "https" not in n.text and "10:23" not in n.text


def test_a_title_beside_a_dash_once_or_in_a_sentence_stays():
    """A line of a title and a dashed number seen once is no footer, nor is a sentence holding — 3 —."""
    raw = _WRAPPED_PAGES.format("- 1 -", "- 2 -", "- 3 -", h1="", h2="") + "附件：重点项目清单 — 1 —\n"
    assert normalize(raw).text.endswith("附件：重点项目清单 — 1 —")


def test_bare_numbers_that_are_labels_or_cells_stay():
    """Bare numbers after a sentence's end (a label alone on its line) or a few lines apart (a table's serial
    cells) are the text's: only a run standing where pages end is furniture. A signature at a page's top stays."""
    labels = ("二、重点任务\n1\n加快创新药研发。对在本市开展临床试验的创新药给予最高500万元支持，对获批上市的创新药给予奖励。\n"
              + "对获批上市的给予最高1000万元奖励，单个企业每年累计不超过3000万元，支持企业开展国际多中心临床试验。\n" * 8
              + "2\n支持平台建设。对新认定的国家级平台给予一次性奖励。\n三、保障措施\n")
    assert "\n1\n" in normalize(labels).text and "\n2\n" in normalize(labels).text
    cells = "序号\t项目\n1\n创新药\n500万元\n2\n医疗器械\n300万元\n3\n中药\n200万元\n"
    assert [ln for ln in normalize(cells).text.split("\n") if ln.isdigit()] == ["1", "2", "3"]
    # a table of nine cells a row, one a line: its serial numbers stand a page's distance apart, after a short cell
    row = "\n某生物医药产业园项目\n新建标准厂房\n总投资50亿元\n2025—2027年\n某区\n市发展改革委\n市工业和信息化局\n在建\n"
    rows = "序号\n项目名称\n" + "".join(f"{n}{row}" for n in (1, 2, 3)) + "合计\n150\n"
    assert [ln for ln in normalize(rows).text.split("\n") if ln in ("1", "2", "3")] == ["1", "2", "3"]
    signed = ("某市人民政府办公室关于印发行动方案的通知\n（一）推进建设。全区生物医药产业产值突破300亿元，年均增长17%以上，规模以上\n"
              "- 1 -\n企业达到100家。\n- 2 -\n某市人民政府办公室\n2025年6月13日\n")
    assert normalize(signed).text.endswith("某市人民政府办公室\n2025年6月13日")


def test_a_plan_title_at_a_pages_top_before_the_first_heading_stays():
    """The plan's title opening page 2 after the notice repeats the notice's words, but it stands before the first
    heading, where no running head is sought: it is the text's."""
    raw = ("某湖市人民政府办公室关于印发某湖市加快生物医药产业高质量发展若干措施的通知\n各区人民政府：\n现印发给你们，请认真贯彻执行。\n"
           "某湖市人民政府办公室\n2024年11月20日\n- 1 -\n某湖市加快生物医药产业高质量发展若干措施\n一、总体目标\n（一）发展目标。到2027年，"
           "全市生物医药产业营业收入达到\n- 2 -\n某湖市人民政府办公室\n2500亿元。\n")
    text = normalize(raw).text
    assert "2024年11月20日\n某湖市加快生物医药产业高质量发展若干措施\n一、总体目标" in text
    assert "营业收入达到2500亿元。" in text


def test_a_print_stamp_is_no_line_of_the_texts_width():
    """A page whose paragraphs are a printed PDF's lines (a .docx or page, join_breaks None): the long stamp and
    address on every page do not pass for the text's full line, so its lines of 38 characters are still joined."""
    stamp = "2024/12/3 下午3:45 某湖市人民政府办公室关于印发某湖市加快生物医药产业高质量发展若干措施的通知"
    lines = []
    for n in "一二三四":
        body = [f"（{n}）发展目标。到2027年，全市生物医药产业营业收入达到2500亿元，培育",
                "营业收入超100亿元企业3家，新增上市企业10家，建成省级以上创新平台50个，",
                "生物医药产业成为全市重要的支柱产业。（责任单位：市经信局、市发展改革委）"]
        lines += [stamp] + body + [f"https://www.mouhu.gov.cn/zwgk/zcwj/202411/t20241120_318.html {'一二三四'.index(n) + 1}/4"]
    text = normalize("\n".join(lines), join_breaks=None).text
    assert text.split("\n")[0] == "".join(lines[1:4])
    assert len(text.split("\n")) == 4


RUN_ON = ("某市加快生物医药产业发展实施方案" + "为加快发展，" * 60 + "制定本方案。一、总体要求（一）指导思想以新发展理念为指导。"
          "（二）发展目标到2027年，产业规模达到1000亿元。二、重点任务（一）建设创新平台1.建设创新中心。支持建设。"
          "（责任单位：市科技局）2.建设服务平台。按照第一条规定，增长1.5倍。（责任单位：市发展改革委）"
          "（二）提升临床能力3.建设研究型病房。（三）保障要素。加强用地保障。")


def test_a_text_that_lost_its_line_breaks_is_broken_before_its_headings():
    """A crawled text kept in one cell runs 一、…（一）…1.… together with no blank: a line break goes before each
    label that numbers on (or again from 1 under a new heading above it) after a sentence's end, a clause's
    bracket or a heading's short title; 第一条 inside a sentence and 1.5 are no labels. No character is lost."""
    from bioparse.normalize import broken_before_headings

    one = RUN_ON
    lines = broken_before_headings(one).split("\n")
    assert [line[:5] for line in lines] == ["某市加快生", "一、总体要", "（一）指导", "（二）发展", "二、重点任", "（一）建设",
                                            "1.建设创", "2.建设服", "（二）提升", "3.建设研", "（三）保障"]
    assert "".join(lines) == one
    assert broken_before_headings("第一行。\n" * 200 + one) == "第一行。\n" * 200 + one  # lines of usual length: as it is
    # 二、 lost: its （一） and the items under it no longer number on, and stay in the line; （三） still does
    assert [line[:3] for line in broken_before_headings(one.replace("。二、", "。")).split("\n")[1:]] == [
        "一、总", "（一）", "（二）", "（三）"]


def test_run_on_headings_after_the_title_a_bare_clause_or_a_blank():
    """The first 一、 may follow the document's title (…行动方案一、发展基础); a part set 一 and a blank; the next label of
    a run after a clause of bodies without brackets (…市发展改革委2、…), and items numbered 1、; but not 1、2、3 in a
    sentence, nor 统一、 before any part."""
    from bioparse.normalize import broken_before_headings

    text = ("某市医药健康产业行动方案一 发展基础" + "全市产业较快发展，" * 30 + "统一、规范。"
            "二 支持措施1、支持新药研发。对研发给予支持。市科技局、市财政局2、支持企业扩产。对第1、2、3类企业给予奖励。"
            "市经信局3、支持平台建设。市发改委")
    lines = broken_before_headings(text).split("\n")
    assert [line[:4] for line in lines] == ["某市医药", "一 发展", "二 支持", "1、支持", "2、支持", "3、支持"]


def test_run_on_parts_under_chapters_number_again():
    """第一部分/第一章/第一篇 headings break too, and the 一、 under each numbers again from 1."""
    from bioparse.normalize import broken_before_headings

    text = ("某市方案" + "为加快发展，" * 40 + "制定本方案。第一部分　总体要求一、基本原则坚持创新。二、主要目标到2027年达到。"
            "第二部分　重点任务一、提升质量(一)推行标准化种植。(二)强化追溯。二、壮大集群")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "第一部分", "一、基本", "二、主要", "第二部分", "一、提升", "(一)推", "(二)强", "二、壮大"]


def test_run_on_notice_then_the_document_it_issues_numbers_again():
    """A notice's own 一、二、三 then its signing date (…办公室2025年6月3日) and the document it issues: that document's
    一、 (after a sentence's end, a bracket or its title) starts its labels from 1 again, 第一章 too; a date a term
    runs from (2025年6月1日起施行) restarts nothing."""
    from bioparse.normalize import broken_before_headings

    notice = ("某市人民政府办公室关于印发某市支持合成生物产业发展若干措施的通知" + "各区县人民政府，" * 30
              + "现将措施印发给你们。一、提高思想认识。要摆上位置。二、压实工作责任。要制定细则。某市人民政府办公室2025年6月3日")
    text = notice + ("某市支持合成生物产业发展若干措施为抢抓机遇，制定以下措施。一、强化创新策源（一）建设元件库。支持共建。"
                     "（二）支持技术攻关。给予支持。二、推动产业集聚（三）招引重大项目。给予奖励。")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "一、提高", "二、压实", "一、强化", "（一）建", "（二）支", "二、推动", "（三）招"]
    text = notice + "附件某市生物医药专项资金管理办法第一章　总　则第一条　为规范管理，制定本办法。第二条　资金用于支持。"
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "一、提高", "二、压实", "附件", "某市生物", "第一章　", "第一条　", "第二条　"]
    decree = ("某省人民政府令第215号" + "《某省生物医药产业促进办法》已经省人民政府常务会议通过，" * 8 + "现予公布。省长　×××"
              "二OO五年九月二十日第一章　总　则第二章　附　则第一章　总　则第一条　为了促进产业发展，制定本办法。第二章　附　则"
              "第二条　本办法自公布之日起施行。")
    assert [line[:4] for line in broken_before_headings(decree).split("\n")[1:]] == [
        "第一章　", "第二章　", "第一章　", "第一条　", "第二章　", "第二条　"]  # right after a date in words
    term = notice.replace("2025年6月3日", "本通知自2025年6月3日起施行。") + "一、另行说明。二、其他。"
    assert [line[:4] for line in broken_before_headings(term).split("\n")[1:]] == ["一、提高", "二、压实"]


def test_run_on_attachment_labels_get_their_own_lines():
    """附件2 after a sentence's end, a bracket or a signing date gets the line a text with its line breaks gives it, and
    its title the next (…12月31日。附件2某市…办法第一条…); a 规程 issued after a date numbers its 一、 anew; 见附件1 in a
    sentence stays."""
    from bioparse.normalize import broken_before_headings

    text = ("某市人民政府办公室关于印发某市若干措施的通知" + "各区县人民政府，" * 30 + "现印发给你们，详见附件1。"
            "某市人民政府办公室2025年4月18日附件1某市若干措施为加快发展，制定本措施。一、支持创新（一）鼓励研发。给予奖励。"
            "（二）支持注册。给予奖励。本措施有效期至2027年12月31日。附件2某市专项资金管理办法第一条　为规范管理，制定本办法。"
            "第二条　资金用于支持。")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "附件1", "某市若干", "一、支持", "（一）鼓", "（二）支", "附件2", "某市专项", "第一条　", "第二条　"]
    text = ("某县关于印发冷链药品储运操作规程的通知" + "各乡镇人民政府，" * 30 + "请认真执行。一、高度重视。建立台账。二、加强检查。纳入检查。"
            "某县市场监督管理局　　2024年10月8日附件某县冷链药品储运操作规程　　一、适用范围　　本规程适用于本县。　　二、设施要求")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "一、高度", "二、加强", "附件", "某县冷链", "一、适用", "二、设施"]


def test_run_on_part_after_a_tables_last_number():
    """A table's rows run on end in a number (…规模以上企业 家 136 180二、重点任务): the next part's label after a digit
    still breaks, an item's (…2、3) never."""
    from bioparse.normalize import broken_before_headings

    text = ("某市行动方案" + "为加快发展，" * 40 + "制定本方案。一、总体要求（一）发展目标到2026年达到以下目标：指标 单位 2023年"
            " 2026年 营业收入 亿元 420 650 企业 家 136 180二、重点任务（一）强化创新1.建设平台。支持共建。2.突破技术。对第1、2、3类给予奖励。")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "一、总体", "（一）发", "二、重点", "（一）强", "1.建设", "2.突破"]


def test_run_on_sections_numbered_in_decimals_or_nodes_and_ascii_points():
    """1.1 指导思想 under 一、 (its part's number before the point, a blank after it; 1.5倍 is none), 第一节 under 第一章,
    and a text set in ASCII points (制定本方案.一.总体要求) break as their full-width forms do; 一、二类 lists numbers."""
    from bioparse.normalize import broken_before_headings

    text = ("某市细胞治疗产业发展行动方案" + "为抢抓机遇，" * 40 + "制定本方案。一、总体要求1.1 指导思想坚持创新引领。"
            "1.2 主要目标到2027年，产值增长1.5倍，达到2.1 万亿元。二、重点任务2.1 建设制备中心对投入给予补助。")
    assert [line[:5] for line in broken_before_headings(text).split("\n")[1:]] == [
        "一、总体要", "1.1 指", "1.2 主", "二、重点任", "2.1 建"]
    text = ("某省生物经济发展规划" + "生物经济是新的增长点，" * 30 + "制定本规划。第一章　发展基础第一节　发展现状成效明显。第二节　面临形势"
            "机遇难得。第二章　主要任务第一节　提升创新能力一、建设平台。建设一批平台。二、突破技术。组织攻关。")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "第一章　", "第一节　", "第二节　", "第二章　", "第一节　", "一、建设", "二、突破"]
    text = ("某市行动方案(2024-2026年)" + "为加快发展,结合实际," * 30 + "制定本方案.一.总体要求(一)发展思路坚持创新引领."
            "二.重点任务(一)强化研发1.支持新药研发.给予奖励,版本v2.1.升级.2.支持器械研发.给予补助.")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "一.总体", "(一)发", "二.重点", "(一)强", "1.支持", "2.支持"]
    text = ("某区暂行办法" + "为推动发展，" * 40 + "制定本办法。第一条　首证奖励。对取得注册证的企业给予奖励；"
            "一、二类医疗器械备案凭证不重复奖励。第二条　临床支持。给予补助。")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == ["第一条　", "第二条　"]


def test_run_on_table_of_contents_then_its_body():
    """目　　录第一章　总则第二章　创新发展第三章　附则第一章　总则第一条…: the contents' entries (the first after 目录, the
    rest titles with no sentence between them) and the body's 第一章 numbering from 1 again after them all break."""
    from bioparse.normalize import broken_before_headings

    text = ("某省促进生物医药产业发展条例" + "（2025年3月28日某省人民代表大会常务委员会通过）" * 8 + "目　　录第一章　总则第二章　创新发展"
            "第三章　附则第一章　总则　　第一条　为了促进产业发展，制定本条例。　　第二条　本条例适用于本省。第二章　创新发展"
            "　　第三条　支持建设创新平台。第三章　附则　　第四条　本条例自2025年6月1日起施行。")
    assert [line[:4] for line in broken_before_headings(text).split("\n")[1:]] == [
        "第一章　", "第二章　", "第三章　", "第一章　", "第一条　", "第二条　", "第二章　", "第三条　", "第三章　", "第四条　"]


def test_a_flattened_run_with_a_sequence_broken_keeps_the_rest_whole():
    """Labels out of their sequence (二、 before any 一、) are no paragraph starts: fewer than two breaks leave the line."""
    from bioparse.normalize import broken_before_headings

    text = "说明。" * 200 + "二、其他。（三）另外。5.附注。"
    assert broken_before_headings(text) == text


@pytest.mark.parametrize("form", ["flattened"])
def test_the_seeds_with_their_line_breaks_lost_score_as_read_whole(tmp_path, form, score):
    """The five seeds with every line break removed: structure F1 0.541 → 1.000, agencies 0.349 → 1.000 (targets 1.000
    either way); 17 of the 179 other-province .txt flattened so scored 1.000 on all three tables before, 139 of 187 after."""
    import shutil

    from conftest import GOLD
    from bioparse.build import build

    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    raw = tmp_path / "raw"
    raw.mkdir()
    seeds = Path(__file__).parents[1] / "data" / "raw"
    shutil.copy(seeds / "manifest.csv", raw)
    for path in seeds.glob("*.txt"):
        (raw / path.name).write_text(path.read_text(encoding="utf-8").replace("\n", ""), encoding="utf-8")
    build(raw, tmp_path / "out", cache_dir=None, quiet=True)
    s = score(tmp_path / "out", GOLD)
    assert (s["structure"]["f1"], s["agencies"]["f1"], s["targets"]["f1"]) == (1.0, 1.0, 1.0)


def test_breaking_run_on_headings_only_adds_line_breaks():
    """Whatever the text, broken_before_headings adds line breaks and nothing else (offsets of the rest hold)."""
    from hypothesis import given, settings, strategies as st

    from bioparse.normalize import broken_before_headings

    @settings(max_examples=int(__import__("os").environ.get("BIOPARSE_PROP_EXAMPLES", "200")), deadline=None)
    @given(st.lists(st.sampled_from(["一、", "二、", "一 ", "（一）", "（二）", "(三)", "1.", "2、", "第一条", "第二章", "。", "；",
                                     "）", "总体要求", "支持建设", "1.5", " ", "\n", "为加快发展，" * 30, "附件", "2",
                                     "2025年6月3日", "措施", "目录", "第一章", "1.1 "]), max_size=60))
    def check(parts):
        text = "".join(parts)
        out = broken_before_headings(text)
        assert out.replace("\n", "") == text.replace("\n", "") and out.count("\n") >= text.count("\n")

    check()


def test_a_volume_heading_after_a_page_cut_line_is_no_continuation():
    """第二篇　总体要求 (a long 规划's volume over its chapters) opens a line as 第三章 does: a line cut by a page
    break above it does not run on into it."""
    text = ("人口老龄化程度不断加深，慢性病负担日益加重，卫生健康事业发展面临新的挑战和\n\n"
            "第二篇　总体要求\n\n第三章　指导思想\n\n坚持。\n")
    assert "挑战和\n第二篇　总体要求\n第三章" in normalize(text).text


def test_a_parts_heading_with_its_first_sections_heading_run_on_is_two_lines():
    """一、任务目标 （一）总体目标 (a table-laid page copied as text sets the two headings on one line): the blank
    between them becomes a line break, one character for one, so every offset holds; a part's title with a
    comma, or a label that is no section's, stays as it is."""
    raw = "某省计划\n一、任务目标 （一）总体目标\n全省种植面积稳定在800万亩左右。\n二、行动措施　(一)建设基地。推进种植。\n"
    n = normalize(raw)
    assert n.text.split("\n")[1:5] == ["一、任务目标", "（一）总体目标", "全省种植面积稳定在800万亩左右。", "二、行动措施"]
    assert n.text.split("\n")[5] == "（一）建设基地。推进种植。"  # normalize sets the label full-width
    k = n.text.index("800")
    a, b = n.to_raw(k, k + 3)
    assert raw[a:b] == "800"
    page = normalize("三、保障措施\u00a0（一）加强组织领导。建立机制。\n", join_breaks=False)  # a page's &nbsp;
    assert page.text.split("\n") == ["三、保障措施", "（一）加强组织领导。建立机制。"]
    for kept in ("一、发展基础，主要目标 （一）总体目标\n", "一、主要目标 (2025年)\n", "一、任务目标 1\n"):
        assert normalize(kept).text == kept.strip()


def test_half_width_commas_and_stops_in_chinese_read_as_full_width():
    """A text typed with half-width punctuation: , and . between Chinese text become ， and 。 one for one (offsets
    hold); figures (1,000, 1.5), labels (1.) and English keep theirs."""
    from bioparse.normalize import mended_punctuation

    raw = ("支持研发,对首次获批的给予奖励.(责任单位:市科技局).\n企业,2025年达到1,000家,增长1.5倍.\n1.建设平台.See Fig. 1, p.2\n"
           "一.总体要求\n 十二.附则\n\xa0\xa0\u200b三.保障措施")
    out = mended_punctuation(raw)
    assert out == ("支持研发，对首次获批的给予奖励。(责任单位:市科技局)。\n企业，2025年达到1,000家，增长1.5倍。\n1.建设平台.See Fig. 1, p.2\n"
                   "一.总体要求\n 十二.附则\n\xa0\xa0\u200b三.保障措施")  # a heading's label 一. keeps its stop (&nbsp; indents too)
    assert len(out) == len(raw) and normalize(raw).text.startswith("支持研发，对首次获批的给予奖励。")


def test_the_other_province_texts_typed_with_half_width_punctuation(tmp_path, score):
    """Every .txt of tests/other_provinces with （）：；。， typed half-width: agencies F1 0.951 before ， and 。 were
    read back (152 of 186 documents at 1.000 on all three tables), 1.000 after (185 of 187)."""
    import csv

    from conftest import OTHER_PROVINCES, saved_as
    from bioparse import io
    from bioparse.build import build

    half = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";", "。": ".", "，": ","})
    texts = [(row, io.read_text(OTHER_PROVINCES / "raw" / row["file"]).text.translate(half))
             for row in csv.DictReader((OTHER_PROVINCES / "raw" / "manifest.csv").open(encoding="utf-8"))
             if row["file"].endswith(".txt")]
    raw, gold = saved_as(tmp_path, texts, ".txt", lambda path, text: path.write_text(text, encoding="utf-8"))
    build(raw, tmp_path / "out", cache_dir=None, quiet=True)
    s = score(tmp_path / "out", gold)
    assert s["structure"]["f1"] >= 0.999 and s["agencies"]["f1"] >= 0.999 and s["targets"]["f1"] >= 0.99


def test_a_line_of_only_quote_marks_is_left_out():
    """PyMuPDF and pdfminer write quote marks set in another font on lines of their own (实施 揭榜挂帅 项目⏎”⏎“⏎二、…):
    the line is left out, so a lone “ glues no heading below onto the paragraph above, nor ” a line onto it."""
    raw = "每年安排资金不少于1亿元。（责任单位：省科技厅）\n”\n“\n二、促进产业集聚发展\n6.培育龙头骨干企业。\n"
    assert normalize(raw).text.split("\n") == ["每年安排资金不少于1亿元。（责任单位：省科技厅）", "二、促进产业集聚发展", "6.培育龙头骨干企业。"]
    assert normalize("实施“揭榜挂帅”项目。\n“十四五”时期\n").text == "实施“揭榜挂帅”项目。\n“十四五”时期"


def test_a_wrapped_text_with_spaced_figures_is_measured_in_ems():
    """A PDF's text as pdfplumber or PyMuPDF write it: 25 em a line, but spaces set around its figures (给予 20 万元)
    make its full lines of 25 to 31 characters, and short lines (title, 落款, headings) are many: measured in ems
    (a figure half an em, a space none) its lines are alike, so a list of bodies cut inside a name joins up."""
    from bioparse.normalize import wrap_width

    full = ["对新认定的市级中药材规范化种植基地，每个给予 20 万元奖补。", "支持中药企业兼并重组、扩能改造，对年营业收入首",
            "次突破 10 亿元的中药企业，给予企业经营团队一次性奖", "励 100 万元。对取得中药新药注册证书并在我市生产"]
    lines = ["某州市人民政府办公室关于印发", "某州市促进中医药产业高质量发展若干措施的", "通知", "某政办发〔2025〕9 号",
             "某州市人民政府办公室", "2025 年 4 月 10 日", "某州市促进中医药产业高质量发展若干措施", "一、夯实中药材产业基础"]
    for k in range(3):
        lines += [f"（{'一二三'[k]}）建设道地药材种植基地。围绕黄芪、党参、连翘等"] + full
        lines += ["牵头单位：市农业农村局；配合单位：市林业局、市科技", "局、市市场监管局", f"{'二三四'[k]}、加强保障"]
    text = "\n".join(lines) + "\n"
    assert wrap_width(text) == (21, 25)
    assert "牵头单位：市农业农村局；配合单位：市林业局、市科技局、市市场监管局" in normalize(text, None).text.split("\n")
