import warnings

import pytest

from bioparse.errors import StructureWarning
from bioparse.normalize import normalize
from bioparse.structure import cn_to_int, parse_provision_rows, parse_provisions


def tree(text):
    return [(p.provision_id, p.level, p.number, p.title) for p in parse_provisions(text)]


def assert_partition(text, provs):
    pos = 0
    for p in provs:
        assert p.start == pos and p.end > p.start and p.text == text[p.start:p.end]
        pos = p.end
    assert pos == len(text)


def test_cn_numerals():
    assert [cn_to_int(s) for s in ["一", "十", "十六", "二十五", "一百零一", "12", "②"]] == [1, 10, 16, 25, 101, 12, 2]


def test_parts_sections_items_and_preamble():
    text = ("为推动发展，制定本方案。\n一、总体要求\n（一）发展思路。坚持创新。\n"
            "二、重点任务\n（一）实施工程。内容。\n1.化学创新药。内容。\n2.仿制药。内容。\n"
            "（二）建设平台\n1.平台一。内容。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert tree(text) == [
        ("0", "preamble", None, ""),
        ("1", "part", 1, "总体要求"),
        ("1.1", "section", 1, "发展思路"),
        ("2", "part", 2, "重点任务"),
        ("2.1", "section", 1, "实施工程"),
        ("2.1.1", "item", 1, "化学创新药"),
        ("2.1.2", "item", 2, "仿制药"),
        ("2.2", "section", 2, "建设平台"),
        ("2.2.1", "item", 1, "平台一"),
    ]


def test_half_width_section_parens_after_normalizing():
    text = normalize("一、措施\n\n(十五) 第十五条措施。内容。\n\n(十六) 加快产业化。内容。\n").text
    assert [t[:3] for t in tree(text)] == [("1", "part", 1), ("1.15", "section", 15), ("1.16", "section", 16)]


def test_labels_set_as_one_character():
    """㈠ for （一）, ⒈ for 1. and ⑴ for （1）, as Word's AutoFormat and some typesetting write them."""
    text = "一、重点任务\n㈠加快攻关。内容。\n⒈建设平台。内容。\n⑴平台一。\n⑵平台二。\n⒉引进人才。内容。\n㈡优化服务。内容。\n"
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t[:3] for t in tree(text)] == [("1", "part", 1), ("1.1", "section", 1), ("1.1.1", "item", 1),
                                           ("1.1.2", "item", 2), ("1.2", "section", 2)]
    assert cn_to_int("㈩") == 10 and cn_to_int("⒇") == 20 and cn_to_int("⒛") == 20


def test_items_restarting_with_no_heading_above_are_reported():
    text = "总体要求\n1.甲。内容。\n2.乙。内容。\n重点任务\n1.丙。内容。\n2.丁。内容。\n"
    rows, message = parse_provision_rows(text, "x.docx")
    assert [r["provision_id"] for r in rows] == ["0", "1", "2", "1~2", "2~2"]
    assert message.startswith("x.docx: numbered lines start again at 1") and "1~2, 2~2" in message
    assert parse_provision_rows("一、总体要求\n1.甲。\n二、重点任务\n1.丙。\n")[1] == ""


def test_a_title_ends_at_a_full_stop_typed_as_ascii():
    from bioparse.structure import heading_title

    assert heading_title("1.支持新药研发.对在我市完成临床试验的", 2) == "支持新药研发"
    assert heading_title("2.推动5G.0应用。内容", 2) == "推动5G.0应用"  # no Chinese character before it
    assert heading_title("（三）提升1.5倍.后续", 3) == "提升1.5倍"


def test_a_title_ends_at_its_table_cell():
    """Measures set in a two-column table (措施名称 | 具体内容): the heading's cell is the title."""
    text = ("二、支持措施\n措施名称\t具体内容\n（一）支持创新药研发\t对完成临床试验的创新药给予支持。（责任单位：省科技厅）\n"
            "（二）\t加快审评审批\t审评时限压缩至40个工作日。\n")
    titles = [(r["label"], r["title"]) for r in parse_provision_rows(text)[0] if r["level"] != "preamble"]
    assert titles == [("二、", "支持措施"), ("（一）", "支持创新药研发"), ("（二）", "加快审评审批")]


def test_decimal_numbering():
    """1 总体要求 / 1.1 指导思想 / 2.1.1 小分子创新药: a roadmap's parts, sections and items."""
    text = ("1 总体要求\n1.1 指导思想\n坚持创新。\n1.2 发展目标\n到2030年产值1000亿元。\n2 重点任务\n推进攻关。\n"
            "2.1 创新药物\n2.1.1 小分子创新药。内容。\n2.1.2 生物药。1.5万亩基地。\n2.2 医疗器械\n2.2.1 影像装备。内容。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t[:3] for t in tree(text)] == [
        ("1", "part", 1), ("1.1", "section", 1), ("1.2", "section", 2), ("2", "part", 2), ("2.1", "section", 1),
        ("2.1.1", "item", 1), ("2.1.2", "item", 2), ("2.2", "section", 2), ("2.2.1", "item", 1)]
    # without a 1.1 below it, "1 总体要求" stays an item, and 1.5万亩 is never a heading
    assert [t[:2] for t in tree("1 总体要求\n内容。\n2 重点任务\n1.5万亩基地。\n")] == [("1", "item"), ("2", "item")]


def test_items_numbered_on_across_sections():
    text = "（一）甲\n1.一。\n2.二。\n（二）乙\n3.三。\n4.四。\n"
    assert [t[0] for t in tree(text)] == ["1", "1.1", "1.2", "2", "2.3", "2.4"]


def test_chapters_and_articles():
    text = ("第一章 总则\n第一条 为了促进生物医药产业发展，制定本办法。\n第二条 本办法适用于本市。\n"
            "第二章 支持措施\n第三条 支持创新药研发。\n（一）临床试验；\n（二）注册申报。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert tree(text) == [
        ("1", "chapter", 1, "总则"),
        ("1.1", "article", 1, "为了促进生物医药产业发展，制定本办法"),
        ("1.2", "article", 2, "本办法适用于本市"),
        ("2", "chapter", 2, "支持措施"),
        ("2.3", "article", 3, "支持创新药研发"),
        ("2.3.1", "section", 1, "临床试验；"),
        ("2.3.2", "section", 2, "注册申报"),
    ]


def test_yishi_runs_become_points():
    text = "（一）强化支持。一是加大资金投入，支持研发；二是优化审批流程；三是培育人才。这是总结。\n"
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [(p.provision_id, p.level, p.label, p.title) for p in provs] == [
        ("1", "section", "（一）", "强化支持"),
        ("1.1", "point", "一是", "加大资金投入"),
        ("1.2", "point", "二是", "优化审批流程"),
        ("1.3", "point", "三是", "培育人才"),
    ]


def test_a_point_title_leaves_out_the_agency_clause_closing_it():
    """二是完善配套设施（牵头单位：A；配合单位：B）。: the clause names who is responsible, not the point."""
    text = ("（三）提升园区能力\n一是建设产业园，新建厂房20万平方米；\n"
            "二是完善危废处置等配套设施（牵头单位：高新区管委会；配合单位：市住建局）。\n"
            "三是优化服务（市政务服务局负责）。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [p.title for p in provs if p.level == "point"] == ["建设产业园", "完善危废处置等配套设施", "优化服务"]


def test_lone_shi_is_not_a_run():
    text = "（一）标题。这是重点，三是不成立的。\n"
    assert [p.level for p in parse_provisions(text)] == ["section"]


def test_numbers_with_units_are_not_items():
    text = "一、目标\n2020年产值达到1500亿元。\n1.5万亩基地。\n"
    assert [p.level for p in parse_provisions(text)] == ["part"]


def test_document_without_headings_is_kept_whole_with_a_warning():
    text = "这是一段没有编号的通知。请各单位遵照执行。"
    with pytest.warns(StructureWarning, match="no numbered headings"):
        provs = parse_provisions(text, source="notice.txt")
    assert len(provs) == 1 and provs[0].level == "document" and provs[0].text == text


def test_every_seed_is_covered_by_its_provisions(seed_files):
    for f in seed_files:
        raw = f.read_text(encoding="utf-8")
        n = normalize(raw)
        with warnings.catch_warnings():
            warnings.simplefilter("error", StructureWarning)
            provs = parse_provisions(n.text, f.name)
        assert_partition(n.text, provs)
        # The raw spans cover the raw file too, with nothing dropped in between.
        raw_spans = [n.to_raw(p.start, p.end) for p in provs]
        assert raw_spans[0][0] == 0 and raw_spans[-1][1] == len(raw)
        assert all(a[1] == b[0] for a, b in zip(raw_spans, raw_spans[1:]))


def test_part_numerals_with_a_full_stop_and_items_closed_by_a_parenthesis():
    """一．总体要求 is a part like 一、总体要求; 1） and 1) are sub-items like （1）."""
    text = "一．总体要求\n（一）思路。内容。\n1）创新药。内容。\n2)仿制药。内容。\n二.重点任务\n"
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t[:3] for t in tree(text)] == [
        ("1", "part", 1), ("1.1", "section", 1), ("1.1.1", "subitem", 1), ("1.1.2", "subitem", 2), ("2", "part", 2)]


@pytest.mark.parametrize("text, ids, holder, inner", [
    # (1) under 1. under （一） under 一、
    ("一、重点任务\n（一）建设平台。\n1.支持研发。内容。\n（1）国家级平台奖励500万元；\n（2）省级平台奖励200万元。\n2.支持生产。\n",
     ["1", "1.1", "1.1.1", "1.1.2"], "1.1.1", "（1）国家级平台奖励500万元；\n（2）省级平台奖励200万元。"),
    # 1. under an article's （三） under 第一章
    ("第一章　总则\n第五条　支持研发：\n（三）新药研发。\n1.一类新药奖励500万元；\n2.改良型新药奖励200万元。\n第六条　支持生产。\n",
     ["1", "1.5", "1.5.3", "1.6"], "1.5.3", "1.一类新药奖励500万元；\n2.改良型新药奖励200万元。"),
    # a 第一节 division is a tier, as annotators read it
    ("第三章　重点任务\n第一节　发展生物药\n一、抗体药物\n（一）加快研发。推动上市。\n二、疫苗\n",
     ["3", "3.1", "3.1.1", "3.1.2"], "3.1.1", "（一）加快研发。推动上市。"),
])
def test_a_fourth_tier_label_is_text_of_its_item(text, ids, holder, inner):
    """Parts, measures and items are the three tiers; (1) under 1. under （一） under 一、 numbers points of its item."""
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [p.provision_id for p in provs] == ids
    assert inner in next(p.text for p in provs if p.provision_id == holder)


def test_full_stop_after_a_numeral_in_running_text_is_no_heading():
    text = "一、措施\n一.5倍以上的增长。\n十.二十项任务。\n"
    assert [t[:3] for t in tree(text)] == [("1", "part", 1)]


def test_circled_numbers_nest_under_parenthesized_subitems():
    """一、/（一）/1./（1）/① is the five-level scheme: ① sits under （1）, and （2） follows （1）."""
    # under a part, so that （1） is a measure and ① an item (a 1. opening the tree is a measure itself)
    text = "一、平台奖励\n（1）国家级平台奖励500万元；\n①其中为1类新药的，上浮20%；\n②其他上浮50%。\n（2）省级平台奖励200万元。\n"
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t[:3] for t in tree(text)] == [("1", "part", 1), ("1.1", "subitem", 1), ("1.1.1", "subsubitem", 1),
                                           ("1.1.2", "subsubitem", 2), ("1.2", "subitem", 2)]


def test_divisions_of_a_chapter():
    text = "第二章 产业促进\n第一节 研发支持\n第二条 支持研发。\n第二节 生产支持\n第三条 支持生产。\n"
    assert [t[:3] for t in tree(text)] == [("2", "chapter", 2), ("2.1", "division", 1), ("2.1.2", "article", 2),
                                           ("2.2", "division", 2), ("2.2.3", "article", 3)]


def test_volumes_over_chapters_keep_the_top_three_tiers():
    """第一篇/第一章/第一节/一、 (a long 规划): the 篇 is the top tier, its chapters numbered on across the 篇
    stand under it, the 节 under them, and a 一、 under a 节 is a fourth tier, text of its 节; 篇章 is a word."""
    text = ("第一篇　发展背景\n第一章　发展基础\n第一节　健康水平\n一、寿命提高。内容。\n第二章　面临形势\n老龄化加深。\n"
            "第二篇　主要任务\n第三章　公共卫生\n第一节　疾控体系\n健全体系。\n第二节　应急能力\n第一篇章。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t[:3] for t in tree(text)] == [
        ("1", "volume", 1), ("1.1", "chapter", 1), ("1.1.1", "division", 1), ("1.2", "chapter", 2),
        ("2", "volume", 2), ("2.3", "chapter", 3), ("2.3.1", "division", 1), ("2.3.2", "division", 2)]
    assert "一、寿命提高" in next(p.text for p in provs if p.provision_id == "1.1.1")
    assert "第一篇章" in next(p.text for p in provs if p.provision_id == "2.3.2")


def test_item_whose_text_starts_with_a_year_or_a_digit():
    text = "（一）任务\n1.建设创新平台。\n2.2025年底前，建成中试基地3个。\n3、5G+医疗健康应用。\n4.加强人才引育。\n"
    assert [t[:3] for t in tree(text)] == [("1", "section", 1), ("1.1", "item", 1), ("1.2", "item", 2),
                                           ("1.3", "item", 3), ("1.4", "item", 4)]
    # a decimal is still no item label
    assert [t[:3] for t in tree("（一）任务\n2.5万亩土地。\n")] == [("1", "section", 1)]


def test_two_yishi_runs_in_one_section():
    text = "（一）强化创新。一是建设平台；二是引进人才。\n加大投入。一是设立基金；二是落实税收优惠；三是加强金融支持。\n"
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [(p.provision_id, p.label, p.title) for p in provs if p.level == "point"] == [
        ("1.1", "一是", "建设平台"), ("1.2", "二是", "引进人才"), ("1.1~2", "一是", "设立基金"),
        ("1.2~2", "二是", "落实税收优惠"), ("1.3", "三是", "加强金融支持")]


def test_points_have_no_heading_number():
    """一是 points keep their ordinal in the id and the label; `number` is left empty, so a tree
    of numbered headings (一、/（一）/1.) read from `number` does not take them for items."""
    provs = parse_provisions("（一）强化创新。一是建设平台；二是引进人才。\n")
    assert [(p.level, p.number) for p in provs] == [("section", 1), ("point", None), ("point", None)]


@pytest.mark.parametrize("annex", ["附件：1.重点项目清单\n2.重点企业名单\n", "附件：\n1.重点项目清单\n2.重点企业名单\n"])
def test_list_of_attachments_is_not_items_of_the_last_section(annex):
    text = "二、重点任务\n（一）加快研发。支持研发。\n1.新药研发。\n" + annex + "某市人民政府\n2024年3月5日\n"
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [p.provision_id for p in provs] == ["2", "2.1", "2.1.1"]


def test_rows_of_a_task_table_set_as_text_are_not_items():
    text = ("一、重点任务\n（一）建设产业园。推动集聚发展。\n1.建设孵化器。支持企业入驻。\n"
            "附件\n重点任务分工表\n序号  重点任务  牵头单位  完成时限\n"
            "1  建设太湖科学城生物医药产业园  吴中经开区管委会  2025年12月底\n"
            "2\t实施骨干企业培育计划\t区工信局\t长期坚持\n")
    rows, _ = parse_provision_rows(text)
    # the line reading 附件 over the table starts an attachment (here in the text's first half: the table is the longer)
    assert [r["label"] for r in rows] == ["一、", "（一）", "1.", "附件"]
    assert rows[-1]["level"] == "annex" and rows[-1]["end"] == len(text)  # the table is the attachment's text


def test_a_notice_s_own_points_before_the_policy_it_issues_are_no_headings():
    text = ("某省科技厅关于印发《某省生物医药专项资金管理办法》的通知\n各市州科技局：\n"
            "一、提高思想认识\n要充分认识。\n二、抓好贯彻落实\n认真组织实施。\n附件：某省生物医药专项资金管理办法\n"
            "附件\n某省生物医药专项资金管理办法\n第一章　总则\n第一条　为了规范管理。\n第二章　支持方向\n第二条　重点支持。\n")
    rows, _ = parse_provision_rows(text)
    assert [r["label"] for r in rows] == ["", "第一章", "第一条", "第二章", "第二条"]
    assert rows[0]["level"] == "preamble" and "二、抓好贯彻落实" in rows[0]["text"]
    # without the attachment line the notice's points stay headings
    plain = text.replace("附件\n某省", "某省")
    assert [r["label"] for r in parse_provision_rows(plain)[0]][:3] == ["", "一、", "二、"]


def test_items_numbered_in_full_width_digits():
    text = "一、支持创新\n１．支持建设重大创新平台。对新获批的给予奖励。\n２、推动概念验证。\n１０．推进协同创新。\n"
    rows, _ = parse_provision_rows(text)
    assert [(r["label"], r["number"]) for r in rows] == [("一、", 1), ("１．", 1), ("２、", 2)]


@pytest.mark.parametrize("line", ["附件", "附表"])
def test_an_attachment_after_the_policy_is_one_provision(line):
    body = "".join(f"第{n}条　支持创新发展。对符合条件的企业给予奖励，推动产业集聚。\n" for n in "一二三四五")
    text = "某市若干措施\n" + body + line + "\n名词解释\n1.创新药：指境内外均未上市的药品。\n2.领军企业：指营业收入超过50亿元的企业。\n"
    rows, _ = parse_provision_rows(text)
    assert [r["label"] for r in rows][-2:] == ["第五条", line]
    annex = rows[-1]
    assert (annex["level"], annex["title"], annex["number"], annex["end"]) == ("annex", "名词解释", None, len(text))
    assert rows[-2]["end"] == annex["start"]


_POLICY = ("一、重点任务\n" + "".join(f"（{n}）推进第{n}项工作。支持企业加快发展，推动产业集聚，完善配套政策措施，提升服务水平。（省科技厅负责）\n"
                                  for n in "一二三四五") + "二、保障措施\n（一）加强组织领导。建立工作机制。\n某省人民政府办公厅\n2024年5月10日\n")


@pytest.mark.parametrize("head", ["重点任务分工表\n", "附件2：重点任务分工表\n", "附件 重点任务分工表\n"])
@pytest.mark.parametrize("gap", ["\t", "　"])
def test_a_task_table_after_the_policy_without_a_line_reading_annex_is_an_attachment(head, gap):
    table = gap.join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]) + "\n一、加快创新发展\n" + \
        gap.join(["1", "推进第一项工作", "省科技厅", "省财政厅", "2025年底"]) + "\n二、优化发展环境\n" + \
        gap.join(["2", "推进第二项工作", "省发展改革委", "省科技厅", "持续推进"]) + "\n"
    text = _POLICY + head + table
    rows, warning = parse_provision_rows(text)
    assert [r["label"] for r in rows][-3:] == ["二、", "（一）", head.split("重点")[0].strip(" ：")]
    annex = rows[-1]
    assert (annex["level"], annex["title"], annex["start"], annex["end"]) == (
        "annex", "重点任务分工表", text.index(head), len(text))
    assert warning == ""  # its 一、 rows start no parts again


def test_a_table_the_policy_goes_on_after_stays_in_its_measure():
    table = "重点项目表\n序号\t项目名称\t总投资\n1\t建设产业园\t10亿元\n"
    text = _POLICY.replace("二、保障措施", table + "二、保障措施")
    rows, _ = parse_provision_rows(text)
    assert [r["level"] for r in rows].count("annex") == 0
    assert [r["label"] for r in rows][-2:] == ["二、", "（一）"]


def test_run_on_conditions_of_an_article_are_its_sections():
    text = ("第一章　总则\n第五条　按以下标准给予支持：（一）完成Ⅰ期临床试验的，给予300万元；"
            "（二）完成Ⅱ期临床试验的，给予500万元；（三）完成Ⅲ期的，给予1000万元。\n第六条　其他。见第三条（一）项。\n")
    rows, _ = parse_provision_rows(text)
    assert [(r["provision_id"], r["label"], r["title"]) for r in rows] == [
        ("1", "第一章", "总则"), ("1.5", "第五条", "按以下标准给予支持"), ("1.5.1", "（一）", "完成Ⅰ期临床试验的"),
        ("1.5.2", "（二）", "完成Ⅱ期临床试验的"), ("1.5.3", "（三）", "完成Ⅲ期的"), ("1.6", "第六条", "其他")]
    assert all(r["end"] == n["start"] for r, n in zip(rows, rows[1:]))


def test_sections_numbered_part_dot_section():
    text = ("一、总体要求\n1.1 指导思想\n深入贯彻。\n1.2 发展目标\n到2027年。\n二、重点任务\n"
            "2.1 加强基础研究。支持。\n2.2 推进成果转化。\n3.5%以上的企业加大投入。\n三、保障\n1.5万亩土地。\n")
    rows, _ = parse_provision_rows(text)
    assert [(r["provision_id"], r["label"]) for r in rows] == [
        ("1", "一、"), ("1.1", "1.1"), ("1.2", "1.2"), ("2", "二、"), ("2.1", "2.1"), ("2.2", "2.2"), ("3", "三、")]


def test_a_notice_that_says_it_issues_the_attached_policy_in_its_body():
    text = ("各区县人民政府：\n《某市生物医药产业发展实施方案》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
            "一、加强组织领导。\n要高度重视。\n二、强化督导考核。\n要定期通报。\n附件\n某市生物医药产业发展实施方案\n"
            "一、总体要求\n坚持创新。\n二、重点任务\n（一）支持研发。\n")
    rows, _ = parse_provision_rows(text)
    assert [r["label"] for r in rows] == ["", "一、", "二、", "（一）"]
    assert rows[1]["title"] == "总体要求"


def test_the_entries_of_a_table_of_contents_are_no_headings():
    text = ("某省生物医药产业发展规划\n目录\n一、发展基础……………………1\n（一）发展现状…………1\n二、总体要求......3\n"
            "三、重点任务\t5\n一、发展基础\n（一）发展现状\n全省产业规模达到1000亿元。\n二、总体要求\n坚持创新。\n三、重点任务\n")
    rows, _ = parse_provision_rows(text)
    assert [(r["provision_id"], r["title"]) for r in rows] == [
        ("0", ""), ("1", "发展基础"), ("1.1", "发展现状"), ("2", "总体要求"), ("3", "重点任务")]
    assert "一、发展基础……………………1" in rows[0]["text"]  # the 目录 stays in the preamble


@pytest.mark.parametrize("toc", [
    "一、发展基础．．．．．．1\n（一）发展现状．．．1\n二、总体要求．．．．3\n",
    "一、发展基础 · · · · 1\n（一）发展现状 · · · 1\n二、总体要求 · · · 3\n",
    "一、发展基础      1\n（一）发展现状      1\n二、总体要求      3\n",
    "一、发展基础……（1）\n（一）发展现状……（1）\n二、总体要求……（3）\n",
    "一、发展基础\n（一）发展现状\n二、总体要求\n",  # no page numbers: the body starts where its first entry comes again
    "一、发展基础2\n（一）发展现状2\n二、总体要求13\n",  # a PDF's text: the page number straight after the title
    "一、发展基础 １\n（一）发展现状 １\n二、总体要求 １３\n",  # full-width page numbers one blank after the title
])
def test_a_table_of_contents_in_any_style_is_no_second_copy_of_the_headings(toc):
    text = "某省规划\n目  录\n" + toc + "一、发展基础\n（一）发展现状\n全省产业规模达到1000亿元。\n二、总体要求\n（一）指导思想\n坚持创新。\n"
    rows, _ = parse_provision_rows(text)
    assert [(r["provision_id"], r["title"]) for r in rows] == [
        ("0", ""), ("1", "发展基础"), ("1.1", "发展现状"), ("2", "总体要求"), ("2.1", "指导思想")]


def test_a_toc_whose_page_numbers_follow_the_titles_ends_where_its_first_entry_comes_again():
    """前 言1 over 一、发展基础2 (a PDF's 目录 without leaders): the body starts at the 前 言 heading."""
    text = ("某市规划\n目录\n前 言1\n一、发展基础2\n1.产业规模稳步扩大2\n二、总体要求13\n"
            "前 言\n为推动产业发展，编制本规划。\n一、发展基础\n1.产业规模稳步扩大\n企业增加。\n二、总体要求\n坚持创新。\n")
    rows, message = parse_provision_rows(text)
    assert [(r["provision_id"], r["title"]) for r in rows] == [
        ("0", ""), ("1", "发展基础"), ("1.1", "产业规模稳步扩大"), ("2", "总体要求")]
    assert rows[0]["end"] == text.index("一、发展基础\n") and not message


def test_a_list_of_parts_with_no_toc_line_is_no_parts():
    """A 清单 lists its parts back to back (一、…⏎二、…⏎三、…) and then prints them over their entries: the list
    is the preamble's, the body starts where its first entry comes again."""
    text = ("某省政策清单\n一、研发政策\n二、制造政策\n三、应用政策\n一、研发政策\n1.支持新药研发。\n2.支持临床研究。\n"
            "二、制造政策\n3.支持技术改造。\n三、应用政策\n4.支持入院使用。\n")
    rows, message = parse_provision_rows(text)
    assert [(r["provision_id"], r["label"]) for r in rows] == [
        ("0", ""), ("1", "一、"), ("1.1", "1."), ("1.2", "2."), ("2", "二、"), ("2.3", "3."), ("3", "三、"), ("3.4", "4.")]
    assert rows[1]["start"] == text.index("一、研发政策\n1.") and not message
    # parts that hold text, and a list whose first entry never comes again, stay parts
    plain = "一、研发政策\n二、制造政策\n三、应用政策\n1.支持技术改造。\n"
    assert [r["label"] for r in parse_provision_rows(plain)[0]] == ["一、", "二、", "三、", "1."]


def test_named_actions_sit_between_parts_and_their_sections():
    """行动一：/专项行动二　/任务三、 head the （一） measures below them, under a part 二、 if there is one,
    so the （一） of each action is not read as a repeat of the one before."""
    text = ("一、总体要求\n坚持创新驱动。\n二、重点行动\n行动一：创新策源能力提升行动\n（一）建设创新平台。支持建设。\n"
            "（二）加快产品研发。支持研发。\n行动二：产业能级跃升行动\n（一）做强龙头企业。支持企业。\n三、保障措施\n（一）加强组织领导。\n")
    rows = {p.provision_id: p for p in parse_provisions(text)}
    assert rows["2.1"].level == "action" and rows["2.1"].title == "创新策源能力提升行动"
    assert rows["2.2.1"].title == "做强龙头企业" and rows["3.1"].parent_id == "3"
    top = [p for p in parse_provisions("为此制定本方案。\n专项行动一　创新主体培育行动\n（一）培育领军企业。\n"
                                       "任务二、拓展应用\n（二）支持入院使用。\n") if p.depth == 1]
    assert [(p.label, p.number) for p in top] == [("专项行动一", 1), ("任务二、", 2)]


@pytest.mark.parametrize("between", ["", "（此件公开发布）\n", "（联系人：王某，联系电话：0000-12345678）\n"])
def test_a_notice_that_prints_its_policy_after_the_signature(between):
    """A 公告 putting out a draft (or a 通知 printing a plan) with its own 一、二、, then its 落款, then the policy it
    names in 《》 with no 附件 line: the notice is the preamble, its points no parts."""
    articles = "".join(f"第{n}条 本条例规定的有关事项，由相关部门依法办理。\n" for n in "一二三四五六")
    text = ("某阳市人民代表大会常务委员会办公室公告\n现将《某阳市养老服务条例（草案）》全文公布，征求意见如下：\n"
            "一、各单位和个人均可提出意见。\n二、征求意见的截止时间：\n2023年1月15日\n某阳市人民代表大会常务委员会办公室\n"
            f"2022年12月5日\n{between}某阳市养老服务条例（草案）\n第一章 总则\n{articles}")
    rows, _ = parse_provision_rows(text)
    assert [r["label"] for r in rows] == ["", "第一章", "第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]
    assert rows[1]["start"] == text.index("第一章")
    # the title after the 落款 must be one the notice names: a plan's closing 落款 and a line after it change nothing
    other = text.replace("某阳市养老服务条例（草案）\n第一章", "某阳市另一条例\n第一章")
    assert [r["label"] for r in parse_provision_rows(other)[0]][:3] == ["", "一、", "二、"]


@pytest.mark.parametrize("title", ["某市生物医药若干措施（试行）", "某市生物医药若干措施（2024—2026年）", "某市生物医药的若干措施"])
def test_a_policy_after_the_signature_titled_a_little_otherwise_than_cited(title):
    """The title over the policy may add a note in brackets to the name the notice cites (（试行）, its period), or
    have a 的 more or less: it is the policy named all the same, so the notice's 一、二、 are no parts."""
    measures = "".join(f"（{n}）支持研发{n}。对开展新药临床试验的企业，按研发投入给予分阶段奖励。\n" for n in "一二三四五六")
    text = ("某市人民政府关于印发某市生物医药若干措施的通知\n现将《某市生物医药若干措施》印发给你们，并通知如下：\n"
            "一、提高认识。\n二、抓好落实。\n某市人民政府\n2024年3月1日\n" + title + "\n一、支持研发\n" + measures)
    rows, _ = parse_provision_rows(text)
    assert [r["label"] for r in rows][:3] == ["", "一、", "（一）"]
    assert rows[1]["start"] == text.index("一、支持研发")


def _shape(text):
    return [(p.level, p.label, p.title) for p in parse_provisions(text)]


def test_a_list_of_chapters_without_a_contents_line_is_no_chapters():
    chapters = "第一章　总　则\n第二章　研制\n第三章　附　则\n"
    body = "第一章　总　则\n第一条　为了…，制定本条例。\n第二章　研制\n第二条　支持研制。\n第三章　附　则\n第三条　本条例自公布之日起施行。\n"
    shape = _shape("某省某某条例\n" + chapters + "\n" + body)
    assert [s[1] for s in shape] == ["", "第一章", "第一条", "第二章", "第二条", "第三章", "第三条"]
    # a database's list over a text that never repeats it (a 修改决定): the decision's own points follow
    decision = "某某决定\n" + chapters + "决定作如下修改：\n一、第三条修改为：“…。”\n二、删去第五条。\n"
    assert [s[1] for s in _shape(decision)] == ["", "一、", "二、"]


def test_a_list_of_volumes_chapters_and_divisions_without_a_contents_line_is_no_headings():
    """A 规划's contents set as 第一篇/第一章/第一节 lines with no 目录 line above them: the body starts where its
    first entry comes again. Headings of the body standing back to back (第一篇⏎第一章⏎第一节 over the first
    paragraph) are no list: only chapters count towards one."""
    body = ("第一篇　发展背景\n第一章　发展基础\n第一节　健康水平\n寿命提高。\n第二节　服务能力\n床位增加。\n"
            "第二章　面临形势\n老龄化加深。\n第二篇　主要任务\n第三章　公共卫生\n第一节　疾控体系\n健全体系。\n")
    contents = "\n".join(ln for ln in body.split("\n") if ln.startswith("第")) + "\n"
    expected = ["", "第一篇", "第一章", "第一节", "第二节", "第二章", "第二篇", "第三章", "第一节"]
    assert [s[1] for s in _shape("某市规划\n" + body)] == expected
    assert [s[1] for s in _shape("某市规划\n" + contents + "前言。制定本规划。\n" + body)] == expected


def test_a_box_s_numbered_entries_are_no_items():
    text = ("某市规划\n一、发展目标\n到2025年，产值达到500亿元。\n专栏1　主要指标\n1.产值（亿元）　300　500\n2.企业（家）　10　20\n"
            "二、重点任务\n（一）发展创新药。支持研发。\n1.建设平台。建设平台5个。\n专栏2　重大工程\n1.平台工程。建设平台。\n2.园区工程。\n"
            "（二）发展器械。\n")
    assert [s[1] for s in _shape(text)] == ["", "一、", "二、", "（一）", "1.", "（二）"]
    # an item going on from before the box closes it
    on = "某市规划\n（一）发展创新药。\n1.建设平台。\n专栏1　重大工程\n1.平台工程。\n2.园区工程。\n2.引进企业。\n"
    assert [s[1] for s in _shape(on)] == ["", "（一）", "1.", "2."]


def test_a_box_s_entries_numbered_as_sections_or_parts_are_no_headings():
    """A 专栏 whose entries are numbered （一）（二） or 一、二、 while a section or a part of the text is open: the
    text restarts no run under an open heading, so they are the box's; the text's next section or part closes it."""
    text = ("某省规划\n二、总体要求\n（一）指导思想\n坚持创新。\n（二）发展目标\n到2025年，收入达到2500亿元。\n"
            "专栏1　主要指标\n（一）经济效益指标\n收入年均增长10%。\n（二）创新能力指标\n研发投入强度达到4%。\n"
            "三、重点任务\n（一）提升创新能力\n支持研发。\n专栏2　重点工程\n一、新药创制工程。支持50个创新药。\n"
            "二、器械攻关工程。支持20个器械。\n（二）推进产业集聚\n打造园区。\n（三）提升质量\n推进标准。\n")
    assert [s[1] for s in _shape(text)] == ["", "二、", "（一）", "（二）", "三、", "（一）", "（二）", "（三）"]
    assert [p.provision_id for p in parse_provisions(text)][-3:] == ["3.1", "3.2", "3.3"]
    # a box right under a part heading, before its first section: the （一） after it is the text's
    under_part = "某省规划\n三、重点任务\n专栏2　主要指标\n产值　500　1000\n（一）提升创新能力\n支持研发。\n（二）推进集聚\n"
    assert [s[1] for s in _shape(under_part)] == ["", "三、", "（一）", "（二）"]
    # a box numbered within its chapter (专栏3-1, 专栏3.2): its 一、 entries under an open part are the box's
    chapter = ("第三章 做强生物医药\n第二节 高端医疗器械\n一、医学影像设备。\n二、体外诊断。\n专栏3-2 重点工程\n"
               "一、影像设备攻关工程。\n二、诊断试剂提升工程。\n三、植介入器械。\n")
    assert [s[1] for s in _shape(chapter)] == ["第三章", "第二节", "一、", "二、", "三、"]
    assert [s[1] for s in _shape(chapter.replace("专栏3-2", "专栏3.2"))] == ["第三章", "第二节", "一、", "二、", "三、"]
    # a box in 【】 or with no number, on a short line of its own; a sentence opening with 专栏 opens none
    for title in ("【专栏1】重大工程", "专栏　重大工程", "专栏：重点项目", "专 栏 1　主要指标"):
        boxed = "某省规划\n三、重点任务\n（一）提升创新\n（二）推进集聚\n" + title + "\n（一）平台工程。\n（二）园区工程。\n（三）提升质量\n"
        assert [s[1] for s in _shape(boxed)] == ["", "三、", "（一）", "（二）", "（三）"], title
    told = "某省规划\n三、重点任务\n（一）提升创新\n专栏：设立专栏，宣传典型。\n（二）推进集聚\n（三）提升质量\n"
    assert [s[1] for s in _shape(told)] == ["", "三、", "（一）", "（二）", "（三）"]
    # the text's section going on past a box's short run is the text's
    on = "某省规划\n三、重点任务\n（一）提升创新\n（二）推进集聚\n专栏2　重点工程\n（一）平台工程。\n（三）提升质量\n"
    assert [s[1] for s in _shape(on)] == ["", "三、", "（一）", "（二）", "（三）"]


def test_a_drafts_explanation_after_it_is_an_attachment():
    text = ("某市若干措施（征求意见稿）\n一、支持研发。给予资助。\n二、支持器械。给予奖励。\n"
            "关于《某市若干措施（征求意见稿）》的起草说明\n一、起草背景\n近年来产业发展较快。\n二、主要内容\n共2条。\n")
    rows = parse_provisions(text)
    assert [(p.level, p.label) for p in rows] == [("preamble", ""), ("part", "一、"), ("part", "二、"), ("annex", "")]
    assert rows[-1].title == "关于《某市若干措施（征求意见稿）》的起草说明"


def test_an_interpretation_printed_after_the_policy_is_an_attachment():
    """《X》政策解读 after the policy (a page or file carrying both) starts an attachment, as a 起草说明 does:
    its 一、出台背景 is no part; a heading or sentence of the policy naming 解读 stays what it is."""
    text = ("某市若干措施\n一、支持研发\n（一）支持新药。给予奖励。\n（二）加强政策宣传解读\n加强政策解读，及时总结。\n"
            "二、加强规划解读\n本措施自印发之日起施行。\n《某市若干措施》政策解读\n一、出台背景\n落实省部署。\n二、主要内容\n"
            "（一）支持研发。共2条。\n")
    rows = parse_provisions(text)
    assert [(p.level, p.label) for p in rows] == [
        ("preamble", ""), ("part", "一、"), ("section", "（一）"), ("section", "（二）"), ("part", "二、"), ("annex", "")]
    assert rows[-1].title == "《某市若干措施》政策解读"
    for title in ("关于《某市若干措施》的解读", "某市促进生物医药产业发展若干措施政策解读", "政策解读"):
        assert [p.level for p in parse_provisions(text.replace("《某市若干措施》政策解读", title))][-1] == "annex"
    # a 解读 that is the whole text: its title stands above its headings, which stay its parts
    alone = "《某市若干措施》政策解读\n一、出台背景\n落实省部署。\n二、主要内容\n共2条。\n"
    assert [p.label for p in parse_provisions(alone)] == ["", "一、", "二、"]


def test_an_article_or_section_with_no_part_above_is_a_measure():
    """第二条, （一） or 1. opening the tree stands in the measure tier all the same: one tier is left below it,
    so the 1. under its （一） (the （1） under its 1., the ① under its （1）) is text of that item, as a fourth tier is."""
    rules = ("某市专项资金管理办法\n第一条　为规范资金管理，制定本办法。\n第二条　资金支持以下事项：\n（一）新药研发。包括：\n"
             "1.完成Ⅰ期临床试验的，给予资助；\n2.完成Ⅱ期临床试验的，给予资助。\n（二）平台建设。给予补助。\n第三条　本办法自印发之日起施行。\n")
    assert [(p.provision_id, p.label) for p in parse_provisions(rules)] == [
        ("0", ""), ("1", "第一条"), ("2", "第二条"), ("2.1", "（一）"), ("2.2", "（二）"), ("3", "第三条")]
    plan = "某县方案\n（一）建设基地。\n1.建设种植基地。\n（1）推进规范种植；\n（2）建设加工中心。\n2.培育企业。\n（二）加强保障。\n"
    assert [p.label for p in parse_provisions(plan)] == ["", "（一）", "1.", "2.", "（二）"]
    # a 1. opening the tree is a measure too: the ① under its （1） is text
    items = "某县措施\n1.支持基地建设。补助如下：\n（1）种植100亩以上的；\n①其中道地品种；\n（2）种植500亩以上的。\n2.支持加工。\n"
    assert [p.label for p in parse_provisions(items)] == ["", "1.", "（1）", "（2）", "2."]
    # under a chapter or a part the tiers are as before: 第一章/第一条/（一） and 一、/（一）/1.
    chaptered = "某市办法\n第一章　总则\n第一条　资金支持以下事项：\n（一）新药研发。\n1.完成临床试验的。\n"
    assert [p.label for p in parse_provisions(chaptered)] == ["", "第一章", "第一条", "（一）"]


def test_a_label_with_blanks_inside_it():
    """（ 一 ）, (三 ), 一 、, 1 . and 第 一 条 (a scan's text layer, or typed so) are the labels they spell: the
    （一） are measures, not text of the part, and a title does not start with the 、 or . left after a blank."""
    text = ("某市若干措施\n一 、支持创新\n（ 一 ）支持新药研发。给予奖励。\n(二 ) 支持器械研发。给予奖励。\n二 、优化环境\n"
            "（ 三 ）优化审批。压缩时限。\n1 .压缩审批时限。\n2 、推行并联审批。\n（ 1 ）容缺受理。\n")
    assert [(p.level, p.number, p.title) for p in parse_provisions(text)] == [
        ("preamble", None, ""), ("part", 1, "支持创新"), ("section", 1, "支持新药研发"), ("section", 2, "支持器械研发"),
        ("part", 2, "优化环境"), ("section", 3, "优化审批"), ("item", 1, "压缩审批时限"), ("item", 2, "推行并联审批")]
    rules = "某市办法\n第 一 章　总则\n第 一 条　为规范管理，制定本办法。\n第 二 条　本办法自印发之日起施行。\n"
    assert [(p.level, p.number) for p in parse_provisions(rules)] == [
        ("preamble", None), ("chapter", 1), ("article", 1), ("article", 2)]


def test_a_line_reading_fujian_over_a_table_longer_than_the_policy():
    """附件⏎重点任务分工表⏎序号… starts an attachment even in the text's first half (the table is longer than the
    policy): its rows are no items of the last part. A 附件 line over no table there stays as it was."""
    rows = "".join(f"{n}　建设创新平台第{n}项，推动产品注册　市科技局　2027年底前\n" for n in range(1, 26))
    text = ("某市行动方案\n一、发展目标\n到2027年产业规模突破300亿元。\n二、保障措施\n加强组织领导，任务分工见附件。\n"
            "附件\n重点任务分工表\n序号　重点任务　责任单位　完成时限\n" + rows)
    assert [(p.level, p.label) for p in parse_provisions(text)] == [
        ("preamble", ""), ("part", "一、"), ("part", "二、"), ("annex", "附件")]
    numbered = text.replace("附件\n重点任务分工表\n", "附件1：重点任务分工表\n")  # number and title on one line
    assert [(p.level, p.label) for p in parse_provisions(numbered)][-1] == ("annex", "附件1")
    prose = text.replace("序号　重点任务　责任单位　完成时限\n", "")
    assert "annex" not in [p.level for p in parse_provisions(prose)]


def test_a_table_row_set_with_single_ideographic_spaces_is_no_item():
    text = ("某市行动计划\n一、发展目标\n主要指标见表1。\n表1　主要发展指标\n序号　指标名称　单位　2023年　2026年\n"
            "1　产业规模　亿元　600　1000\n2　上市企业　家　10　20\n二、重点任务\n1　建设国家级平台，到2026年建成一批。\n")
    assert [s[1] for s in _shape(text)] == ["", "一、", "二、", "1"]


def test_an_item_spread_with_blanks_before_its_figures_is_no_table_row():
    """A PDF extractor's layout mode (pypdf's, pdftotext -layout) pads the blanks a justified line had before its
    figures (到  2026年, 最高         30万元): the item's sentence runs on past its lead's 。, which no task table's
    first cell does, so it stays an item; a task table's row set with gaps stays a row."""
    text = ("某县若干措施\n一、壮大种植基地\n1. 建设规范化基地。到  2026年，种植面积达到    5万亩。(县农业农村局牵头)\n"
            "2. 推广良种良法。对验收合格的基地给予最高         30万元奖补。\n二、重点任务分工\n"
            "1  建设产业园  区发改局  2025年12月底\n")
    assert [s[1] for s in _shape(text)] == ["", "一、", "1.", "2.", "二、"]


def test_a_text_in_traditional_characters():
    """A site's 繁體 version of a policy: 第一條, 第一節, 編, 專項行動, 專欄, 目錄 and 印發 are read as their simplified forms are."""
    law = ("某市科技項目管理辦法\n第一章　總則\n第一條　為了規範項目管理，制定本辦法。\n第二章　項目管理\n第一節　立項\n"
           "第二條　項目實行分類管理。\n第二節　驗收\n第三條　項目完成後應當驗收。\n")
    assert [(p.provision_id, p.label) for p in parse_provisions(law)] == [
        ("0", ""), ("1", "第一章"), ("1.1", "第一條"), ("2", "第二章"), ("2.1", "第一節"), ("2.1.2", "第二條"),
        ("2.2", "第二節"), ("2.2.3", "第三條")]
    plan = ("某市行動方案\n一、重點行動\n專項行動一：創新平台建設\n（一）建設平台。\n專欄1　重點工程\n1.平台工程。\n2.園區工程。\n"
            "（二）引進人才。\n")
    assert [s[1] for s in _shape(plan)] == ["", "一、", "專項行動一：", "（一）", "（二）"]
    notice = ("某市人民政府辦公室關於印發《某市若干措施》的通知\n現將《某市若干措施》印發給你們。\n一、提高認識。加強領導。\n"
              "二、抓好落實。按季度報送。\n某市人民政府辦公室\n附件\n某市若干措施\n一、支持研發\n（一）支持新藥。\n二、優化環境\n")
    assert [s[1] for s in _shape(notice)] == ["", "一、", "（一）", "二、"]
    toc = "某市規劃\n目　錄\n一、發展基礎……1\n二、重點任務……3\n一、發展基礎\n產業較快發展。\n二、重點任務\n（一）建設平台。\n"
    assert [s[1] for s in _shape(toc)] == ["", "一、", "二、", "（一）"]


@pytest.mark.parametrize("head", ["附件：任务分工表\n", "附件:任务分工表\n", "附件\n任务分工表\n", "附件1：任务分工表\n"])
def test_an_attachment_labelled_without_a_number_after_the_last_measure(head):
    """附件：任务分工表 with no number after the policy starts the attachment as 附件1：X does: its rows
    (1.X ⏎ 牵头单位：A) are no items of the last measure."""
    text = (_POLICY.split("某省人民政府")[0] + "本方案自印发之日起施行。\n" + head
            + "1.推进第一项工作\n牵头单位：省科技厅\n2.推进第二项工作\n牵头单位：省财政厅\n")
    rows = parse_provisions(text)
    assert [(p.level, p.title) for p in rows][-1] == ("annex", "任务分工表")
    assert [p.label for p in rows][-3:-1] == ["二、", "（一）"]


@pytest.mark.parametrize("line", ["附表：重点项目年度投资计划\n", "附件：重点项目清单.docx\n", "附件：1.重点项目清单\n",
                                  "附件：人才申报表\n（二）加强宣传。广泛宣传政策。\n"])
def test_an_unnumbered_attachment_line_that_starts_no_attachment(line):
    """附表：X under a measure citing it (详见附表) captions a table in place, before the policy's last words;
    附件：X.docx on a page's last line links a file; 附件：1.X lists attachments; 附件：X over the next measure names a
    file inside the policy. None opens an attachment."""
    table = "重点项目\t年度投资（亿元）\n某某产业化基地项目\t18.5\n"
    tail = "各区要对照本方案细化举措，按季度报送进展情况。\n" if line.startswith("附表") else ""
    text = _POLICY.split("某省人民政府")[0].replace("（一）加强组织领导。建立工作机制。", "（一）实施重点项目。项目详见附表。") \
        + line + (table + tail if line.startswith("附表") else "")
    rows = parse_provisions(text)
    assert "annex" not in [p.level for p in rows]


def test_an_attachment_numbered_and_titled_on_one_line():
    """附件1：名词解释 after the policy starts an attachment as a line reading 附件 does: its 1. 2. are no items."""
    text = ("某市若干措施\n一、支持创新\n（一）支持研发。对开展新药临床试验的企业按研发投入给予分阶段奖励。\n二、优化环境\n"
            "（一）优化审批。压缩审批时限，推行并联审批和容缺受理。\n本措施自印发之日起施行，有效期三年。\n"
            "附件1：名词解释\n1.创新药：指未在境内外上市的药品。\n2.首仿药：指境内首个仿制上市的药品。\n附件2 重点企业名单\n1.某某生物公司\n")
    rows = parse_provisions(text)
    assert [(p.level, p.label, p.title) for p in rows][-2:] == [("annex", "附件1", "名词解释"), ("annex", "附件2", "重点企业名单")]
    assert [p.label for p in rows if p.level != "annex"] == ["", "一、", "（一）", "二、", "（一）"]
    # a notice's list of its attachments, each printed below under its title, is no attachment
    listed = ("某市通知\n现将方案印发给你们。\n一、支持创新\n（一）支持研发。\n附件1：产业方案\n某市人民政府\n2024年3月1日\n"
              "产业方案\n一、总体要求\n（一）坚持创新。\n二、重点任务\n（一）支持研发。\n1.建设平台。\n")
    with warnings.catch_warnings():  # the two policies' 一、 restart
        warnings.simplefilter("ignore", StructureWarning)
        assert not any(p.level == "annex" for p in parse_provisions(listed))


def test_part_numerals_set_off_by_a_blank():
    """一　总体要求 (a blank where 、 stands, as a typeset plan or a PDF's text gives it) is a part when the line
    is a short title alone; a sentence, a figure (一 年来) or a table row (一　产业规模　亿元　600) stays text."""
    text = ("一　总体要求\n（一）思路。内容。\n二 重点任务\n（一）建设平台。内容。\n一 年来，成效明显。\n"
            "一　产业规模　亿元　600\n三　保障措施\n（一）加强组织。内容。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t for t in tree(text) if t[1] == "part"] == [
        ("1", "part", 1, "总体要求"), ("2", "part", 2, "重点任务"), ("3", "part", 3, "保障措施")]


def test_a_figure_parted_at_its_decimal_point_is_no_item():
    """1 .5亿元 opening a line (a wrapped goal sentence, a scan's text layer) is a figure, not item 1 titled .5亿元;
    1 . with a blank before its stop is still an item's label."""
    text = "某市若干措施\n一、支持研发\n（一）支持新药。到2025年营业收入达到\n1 .5亿元以上。\n（二）支持器械\n1 .支持研发。\n"
    assert [(p.level, p.label) for p in parse_provisions(text)] == [
        ("preamble", ""), ("part", "一、"), ("section", "（一）"), ("section", "（二）"), ("item", "1 .")]


def test_an_interpretation_printed_before_the_policy_is_an_attachment():
    """《X》政策解读 printed above X (a site's page giving both): its 一、出台背景 and （一） are no parts or measures,
    but an attachment, as a 解读 printed after X is (its figures are no targets); X's preamble starts at its
    title line, named by the 解读's title or cited in it."""
    policy = "某市促进生物医药产业发展若干措施\n一、支持研发\n（一）支持新药。给予奖励。\n二、支持器械\n（二）支持器械。给予奖励。\n"
    text = ("《某市促进生物医药产业发展若干措施》政策解读\n一、出台背景\n为落实省部署。\n二、主要内容\n（一）支持研发。共2条。\n"
            "三、适用范围\n本市企业。\n" + policy)
    expected = [("annex", ""), ("preamble", ""), ("part", "一、"), ("section", "（一）"), ("part", "二、"),
                ("section", "（二）")]
    assert [(p.level, p.label) for p in parse_provisions(text)] == expected
    for title in ("关于《某市促进生物医药产业发展若干措施》的解读", "某市促进生物医药产业发展若干措施政策解读"):
        assert [(p.level, p.label) for p in parse_provisions(text.replace(
            "《某市促进生物医药产业发展若干措施》政策解读", title))] == expected
    cites = "政策解读\n一、出台背景\n《某市促进生物医药产业发展若干措施》已印发。\n二、主要内容\n（一）支持研发。\n" + policy
    assert [(p.level, p.label) for p in parse_provisions(cites)] == expected
    assert_partition(text, parse_provisions(text))
    annex, preamble = parse_provisions(text)[:2]
    assert (annex.title, annex.start, annex.end) == ("《某市促进生物医药产业发展若干措施》政策解读", 0, preamble.start)
    assert preamble.start == text.index("某市促进生物医药产业发展若干措施\n一、")
    assert preamble.text == "某市促进生物医药产业发展若干措施\n"
    # a draft's 起草说明 printed above it, under the 征求意见 notice whose 落款 it follows
    draft = policy.replace("若干措施\n", "若干措施（征求意见稿）\n", 1)
    explained = ("关于《某市促进生物医药产业发展若干措施（征求意见稿）》的起草说明\n一、起草背景\n近年来产业发展较快。\n"
                 "二、主要内容\n共2条。\n" + draft)
    assert [(p.level, p.label) for p in parse_provisions(explained)] == expected
    notice = ("关于公开征求《某市促进生物医药产业发展若干措施（征求意见稿）》意见的公告\n一、征求意见时间\n6月1日至30日。\n"
              "二、反馈方式\n电子邮件。\n某市发展和改革委员会\n2024年6月1日\n")
    longer = explained.replace("给予奖励。", "对企业研发投入给予补助，补助比例不超过研发投入的两成。")  # the notice is the head
    assert [(p.level, p.label) for p in parse_provisions(notice + longer)] == expected


def test_an_interpretation_titled_before_the_name_it_interprets_is_an_attachment():
    """A site's 解读 whose title line puts the word first and the policy's name after it (图文解读｜《X》,
    【政策解读】《X》, 解读：《X》, 一图读懂《X》), with X printed below (附：政策原文⏎X): its 一、 are no parts."""
    policy = "某省支持生物医药产业发展若干措施\n一、支持研发\n（一）支持新药。给予奖励。\n二、支持器械\n（二）支持器械。给予奖励。\n"
    body = ("\n一、出台背景\n为落实国家部署，起草了《若干措施》。\n二、主要内容\n共15条：一是支持研发；二是加快上市。\n"
            "三、政策亮点\n对1类创新药最高给予3000万元支持。\n附：政策原文\n")
    expected = [("annex", ""), ("preamble", ""), ("part", "一、"), ("section", "（一）"), ("part", "二、"),
                ("section", "（二）")]
    for title in ("图文解读｜《某省支持生物医药产业发展若干措施》", "【政策解读】《某省支持生物医药产业发展若干措施》",
                  "解读：《某省支持生物医药产业发展若干措施》", "一图读懂《某省支持生物医药产业发展若干措施》"):
        provs = parse_provisions(title + body + policy)
        assert [(p.level, p.label) for p in provs if p.level != "point"] == expected, title
        assert provs[0].title == title
        # printed after the policy, as 《X》政策解读 is: an attachment
        after = parse_provisions(policy + title + body)
        assert [(p.level, p.label) for p in after if p.level != "point"][-1] == ("annex", "")
        assert len([p for p in after if p.level == "part"]) == 2
    # a line opening a policy's own sentence (解读：对…) or a heading naming no title is no such line
    plain = "某省若干措施\n一、加强政策解读｜宣传\n（一）做好解读。\n二、支持器械\n（二）支持器械。\n"
    assert [p.level for p in parse_provisions(plain)][:2] == ["preamble", "part"]


def test_a_notice_naming_its_attachment_without_brackets_is_the_preamble():
    """A notice whose points (一、二、) come before its 落款 and then the policy's title (wrapped before its period)
    names that policy on its 附件：X line, or in its head's 印发X的通知, with no 《》: its points are no parts."""
    notice = ("关于印发中医药发展规划纲要实施分工方案的通知\n各有关单位：\n现将实施分工方案印发给你们，请认真落实。\n"
              "一、加强组织领导。落实责任，细化任务。\n二、加强协调配合。牵头部门加强协调。\n"
              "附件：中医药发展规划纲要（2024—2030年）实施分工方案\n某市中医药工作联席会议办公室\n2024年2月10日\n")
    policy = "中医药发展规划纲要\n（2024—2030年）实施分工方案\n" + "".join(
        f"{n}、提高服务能力\n（一）完善服务网络。\n1.建成覆盖城乡的服务网络，加强基层中医药服务能力建设。（市中医药局）\n"
        f"2.合理配置中医医疗资源，完善相关政策和标准体系。（市卫生健康委）\n" for n in "一二三")
    expected = ["", "一、", "（一）", "1.", "2.", "二、", "（一）", "1.", "2.", "三、", "（一）", "1.", "2."]
    assert [p.label for p in parse_provisions(notice + policy)] == expected
    unlisted = notice.replace("附件：中医药发展规划纲要（2024—2030年）实施分工方案\n", "")  # named only by the head
    assert [p.label for p in parse_provisions(unlisted + policy)] == expected


def test_points_numbered_like_parts_under_an_article_are_its_items():
    """A 实施细则 of articles alone whose article lists its conditions as 一、二、 (第三条…如下：⏎一、…⏎二、…) holds them
    as its points, as it holds （一）（二）: they are no parts that the next article would stand under. Parts
    above the articles (一、总则⏎第一条…⏎二、支持内容⏎第三条…) stay parts."""
    text = ("某区扶持办法实施细则\n第一条　为落实扶持办法，制定本细则。\n第二条　创新药研发支持标准如下：\n"
            "一、完成Ⅰ期临床试验的，给予最高200万元支持；\n二、完成Ⅱ期临床试验的，给予最高400万元支持。\n"
            "第三条　申报材料包括：\n一、项目申报书；\n二、营业执照复印件。\n第四条　本细则自印发之日起施行。\n")
    assert [(p.provision_id, p.level, p.label) for p in parse_provisions(text)] == [
        ("0", "preamble", ""), ("1", "article", "第一条"), ("2", "article", "第二条"), ("2.1", "section", "一、"),
        ("2.2", "section", "二、"), ("3", "article", "第三条"), ("3.1", "section", "一、"), ("3.2", "section", "二、"),
        ("4", "article", "第四条")]
    parted = "某市若干政策\n一、总则\n第一条　为促进发展，制定本政策。\n二、支持研发\n第二条　给予奖励。\n"
    assert [(p.provision_id, p.label) for p in parse_provisions(parted)] == [
        ("0", ""), ("1", "一、"), ("1.1", "第一条"), ("2", "二、"), ("2.2", "第二条")]
    # general articles before the first part: a 一、 after an article that lists nothing (no colon) heads articles
    general = "某市若干政策\n第一条　为促进发展，制定本政策。\n一、支持研发\n第二条　给予奖励。\n二、支持生产\n第三条　给予补助。\n"
    with warnings.catch_warnings():  # the part and the article before it are both numbered 1 at the top
        warnings.simplefilter("ignore", StructureWarning)
        rows = parse_provisions(general)
    assert [(p.level, p.label) for p in rows] == [
        ("preamble", ""), ("article", "第一条"), ("part", "一、"), ("article", "第二条"), ("part", "二、"), ("article", "第三条")]


def test_a_sentence_telling_a_chapter_is_no_chapter():
    """第一章总则，共五条。主要内容包括… (a 解读 or 起草说明 telling the rules' chapters line by line) is a sentence of
    the part it stands in, not a chapter that the text's parts would fall under; 第一章　总则 is a chapter."""
    text = ("《某区扶持计划操作规程》解读\n一、背景依据\n落实区若干措施。\n二、主要内容\n《操作规程》共三章十条。\n"
            "第一章总则，共五条。主要内容包括依据和适用范围。\n第二章支持对象，共三条。主要内容包括资助标准。\n三、适用范围\n本区企业。\n")
    assert [(p.level, p.label) for p in parse_provisions(text)] == [
        ("preamble", ""), ("part", "一、"), ("part", "二、"), ("part", "三、")]
    rules = "某区操作规程\n第一章　总则\n第一条　为规范管理，制定本规程。\n第二章　附则\n第二条　本规程自印发之日起施行。\n"
    assert [p.level for p in parse_provisions(rules)] == ["preamble", "chapter", "article", "chapter", "article"]


def test_a_notice_putting_a_draft_out_for_comment_over_its_attachment_is_the_preamble():
    """关于公开征求《X》意见的公告 names X in 《》, not after 印发: its own 一、二、 (the comment period, how to reply), its list
    of attachments and 落款 come first, then 附件1 over X's title: the notice is the preamble, X's 一、 the parts."""
    x = "某市促进细胞治疗产业发展若干措施（征求意见稿）"
    notice = (f"关于公开征求《{x}》意见的公告\n我委起草了《{x}》，现向社会公开征求意见。\n一、征求意见时间\n6月1日至30日。\n"
              f"二、意见反馈方式\n电子邮件。\n附件：1.{x}\n2.起草说明\n某市发展和改革委员会\n2024年6月1日\n")
    measures = "（一）支持研发。对企业研发投入给予补助，补助比例不超过研发投入的两成。\n" * 2
    policy = f"附件1\n{x}\n一、支持研发\n{measures}二、支持生产\n{measures}三、优化环境\n{measures}"
    assert [(p.level, p.label) for p in parse_provisions(notice + policy)][:2] == [("preamble", ""), ("part", "一、")]
    assert [p.title for p in parse_provisions(notice + policy) if p.level == "part"] == ["支持研发", "支持生产", "优化环境"]
    # a policy citing its own attachment in 《》 near its start keeps its parts: its 附件1 stands at its end
    own = (f"某市若干措施\n按照《重点任务清单》推进。\n一、支持研发\n{measures}二、支持生产\n{measures}"
           "附件1\n重点任务清单\n1.建设平台。\n")
    assert [p.label for p in parse_provisions(own)][:2] == ["", "一、"]


def test_a_chapter_label_alone_on_its_line_takes_the_next_line_as_its_title():
    # 第一章⏎总　则, as a PDF copy or a centred Word heading sets it; a sentence or a heading below is no title
    text = ("第一章\n总　则\n第一条　为规范管理，制定本办法。\n第二章\n\n支持标准\n第二条　给予奖励。\n"
            "第三章\n本章所称企业，是指本市企业。\n第三条　按规定执行。\n第四章\n第四条　本办法自印发之日起施行。\n")
    provs = parse_provisions(text)
    assert [p.title for p in provs if p.level == "chapter"] == ["总　则", "支持标准", "", ""]
    assert_partition(text, provs)
    parts = "第一部分\n总体要求\n一、发展目标\n到2027年，规模扩大。\n第二部分\n二、重点任务\n（一）建设平台。\n"
    assert [p.title for p in parse_provisions(parts) if p.level == "chapter"] == ["总体要求", ""]


def test_a_part_or_section_label_alone_on_its_line_takes_the_next_line_as_its_title():
    """一、⏎总体要求 and （四）⏎支持企业上市。对… (a PDF's text layer or a page setting the label apart): the line
    below gives the title as it would on the label's line, up to its first 。; a heading below gives none."""
    text = ("某市行动计划\n为加快发展，制定本计划。\n一、\n总体要求\n到2025年，规模达到500亿元。\n二、\n重点任务\n"
            "（一）\n加强创新平台建设\n建设一批平台。\n（二）\n\n支持企业上市。对上市企业给予奖励。\n三、\n（一）加强领导。\n")
    provs = parse_provisions(text)
    assert [(p.label, p.title) for p in provs] == [
        ("", ""), ("一、", "总体要求"), ("二、", "重点任务"), ("（一）", "加强创新平台建设"), ("（二）", "支持企业上市"),
        ("三、", ""), ("（一）", "加强领导")]
    assert_partition(text, provs)


def test_a_part_set_off_by_a_blank_may_have_two_clauses():
    """一 强化创新引领，提升研发能力 (a blank for 、, a title of two clauses) is a part, as 一、强化… is; a line
    ending in a comma runs on into the next, and a sentence (一 年来，…。) stays text."""
    text = ("一 强化创新引领，提升研发能力\n（一） 支持注册。内容。\n二 壮大市场主体，推动集群发展\n（一） 支持企业。内容。\n"
            "一 年来，成效明显。\n三 优化产业生态，\n强化要素保障。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t for t in tree(text) if t[1] == "part"] == [
        ("1", "part", 1, "强化创新引领，提升研发能力"), ("2", "part", 2, "壮大市场主体，推动集群发展")]


def test_runs_of_measures_under_bare_title_lines_are_parts_in_order():
    """Measures that start again at （一） under bare title lines (bold, or a heading style, with no number)
    are parts 一、二、 in order; with no sentence above the first title (the policy's own title), or a run
    without one, the lines stay text and the warning says why."""
    body = ("夯实原料基础\n（一）建设基地。内容。\n（二）培育企业。内容。\n"
            "做强精深加工\n（一）支持技改。内容。\n优化发展环境\n（一）强化金融。内容。\n")
    text = "某市若干措施\n为做强产业，制定以下措施。\n" + body
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t for t in tree(text) if t[1] == "part"] == [
        ("1", "part", 1, "夯实原料基础"), ("2", "part", 2, "做强精深加工"), ("3", "part", 3, "优化发展环境")]
    assert [t[0] for t in tree(text) if t[1] == "section"] == ["1.1", "1.2", "2.1", "3.1"]
    for other in ("某市若干措施\n" + body, text.replace("做强精深加工\n", "")):
        with pytest.warns(StructureWarning, match="start again at 1"):
            assert "part" not in {p.level for p in parse_provisions(other)}


def test_bare_titles_over_prose_alone_are_parts_beside_those_over_measures():
    """In a text whose measures sit under bare titles, a bare title between two sentences (总体要求 over its prose)
    is a part in its place too; the policy's title under （此件公开发布） and a notice's 落款 are none."""
    text = ("某市人民政府办公室\n2025年8月12日\n（此件公开发布）\n某市实施方案\n为推动发展，制定本方案。\n"
            "总体要求\n到2027年，产值达到260亿元。\n重点任务\n（一）做优种植。内容。（责任单位：市农业农村局）\n"
            "支持政策\n（一）加大投入。内容。（责任单位：市财政局）\n组织实施\n各部门要抓好落实。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t for t in tree(text) if t[1] == "part"] == [
        ("1", "part", 1, "总体要求"), ("2", "part", 2, "重点任务"), ("3", "part", 3, "支持政策"), ("4", "part", 4, "组织实施")]


def test_a_line_opening_with_article_references_is_no_article():
    """第二条、第三条由区科技局负责兑现。 (or 第四条至第六条…, 第二条第一款规定的…) at a line start names other
    articles: no heading 2~2; 第二条由…负责兑现 after 第七条 neither, while 第八条由…负责解释 in sequence is one."""
    text = ("某区若干措施\n第一条 为发展产业，制定本措施。\n第二条 对落户企业给予补助。\n第三条 对研发平台给予补助。\n"
            "第四条 对临床试验给予奖励。\n第五条 所需资金由区财政安排。\n第二条、第三条由区科技局负责兑现。\n"
            "第四条至第六条由区卫健委负责兑现。\n第二条第一款规定的企业须在本区纳税。\n第三条第(二)项由区财政局负责。\n第三条由区发展改革局负责兑现。\n"
            "第六条由区科技局负责解释。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [t[0] for t in tree(text) if t[1] == "article"] == ["1", "2", "3", "4", "5", "6"]
    assert "第二条、第三条由区科技局负责兑现" in provs[-2].text and provs[-1].title == "由区科技局负责解释"


def test_a_line_opening_with_section_references_or_counts_is_no_label():
    """（一）至（三）项由…, （一）（二）项…, （1）至（3）项…, 一、二类医疗器械…, 三、四级医院…, 一、二、三产业…, 1、2类新药…
    and (1)号文件… at a line start inside a measure are references and counts, no labels; 二、三级医院建设 going on
    from 一、 is a part all the same."""
    text = ("某市方案\n一、总体要求\n（一）发展目标。到2027年产值达到百亿元。\n（一）至（三）项由市卫健委负责。\n"
            "一、二类医疗器械注册人按规定给予支持。\n三、四级医院按规定执行。\n1、2类新药获批上市的给予奖励。\n"
            "(1)号文件规定的事项继续执行。\n（一）（二）项由市科技局负责。\n（1）至（3）项由市医保局负责。\n"
            "一、二、三产业融合发展。\n百、千亿级集群加快形成。\n"
            "（二）重点任务。内容。\n二、三级医院建设\n（一）支持扩容。内容。\n")
    provs = parse_provisions(text)
    assert_partition(text, provs)
    assert [(t[0], t[1]) for t in tree(text)] == [
        ("0", "preamble"), ("1", "part"), ("1.1", "section"), ("1.2", "section"), ("2", "part"), ("2.1", "section")]


def test_a_toc_over_a_parts_heading_with_its_first_section_run_on():
    """目录 entries with a page number one blank after the title (一、任务目标 1), over a body whose first line sets
    the part's heading and its first section's on one line (一、任务目标 （一）总体目标): the 目录 stays in the
    preamble and the tree is built once, 一（一） included."""
    text = ("某省中药材产业三年行动计划\n目录\n一、任务目标 1\n（一）总体目标 1\n（二）年度目标 1\n二、行动措施 1\n"
            "（一）建设有机药材基地 2\n一、任务目标 （一）总体目标\n全省中药材种植面积稳定在800万亩左右。\n（二）年度目标\n"
            "2018年达到760万亩。\n二、行动措施\n（一）建设有机药材基地\n建设基地。（省农业厅负责）\n")
    rows, _ = parse_provision_rows(normalize(text).text)
    assert [(r["provision_id"], r["title"]) for r in rows] == [
        ("0", ""), ("1", "任务目标"), ("1.1", "总体目标"), ("1.2", "年度目标"), ("2", "行动措施"), ("2.1", "建设有机药材基地")]
    assert "（一）建设有机药材基地 2" in rows[0]["text"]


def test_a_toc_listing_a_preface_printed_with_no_heading_ends_at_its_next_entry():
    """前言 1 heads the 目录 but the preface stands in the body with no heading of its own: the 目录 ends where its next
    entry (一、任务目标 1) comes again, so its entries are no headings; an unnumbered first entry only lets the next
    ones be tried (a numbered one that never comes again leaves the 目录 as it was read before)."""
    text = ("某省计划\n目录\n前言 1\n一、任务目标 1\n（一）总体目标 1\n二、行动措施 2\n为推动发展，制定本计划。\n"
            "一、任务目标\n（一）总体目标\n全省达到800万亩。\n二、行动措施\n建设基地。（省农业厅负责）\n")
    rows, _ = parse_provision_rows(normalize(text).text)
    assert [(r["provision_id"], r["title"]) for r in rows] == [
        ("0", ""), ("1", "任务目标"), ("1.1", "总体目标"), ("2", "行动措施")]
    assert rows[0]["text"].endswith("为推动发展，制定本计划。\n")


def test_the_yunnan_plan_page_gives_its_tree_once():
    """tests/other_provinces z10_e_yn_toc_run: the scorer matches by path, so a 目录 read as headings still scores
    1.000 (its copies hold the paths); the tree must hold each gold heading once, the 目录 in the preamble."""
    import json
    from pathlib import Path

    from bioparse import pipeline
    here = Path(__file__).parent / "other_provinces"
    gold = json.loads((here / "gold" / "z10_e_yn_toc_run.json").read_text(encoding="utf-8"))
    rows = pipeline.parse_document(here / "raw" / "z10_e_yn_toc_run.txt", "z10_e_yn_toc_run", {})["provisions"]
    numbered = [r for r in rows if r["number"] is not None]
    assert len(numbered) == len(gold["parts"]) + len(gold["measures"]) + len(gold["items"])
    assert not any("~" in r["provision_id"] for r in rows)


def test_a_list_of_parts_and_their_sections_with_no_toc_line_is_no_headings():
    """A page's contents whose 目录 line was an image (双柏县's 特色产业发展规划): 一、…⏎（一）…⏎（二）…⏎二、…⏎…⏎三、… back
    to back, no text between; the body starts where the list's first part comes again. A body whose part has text
    under its first section, or a list of fewer than three parts, is read as before."""
    toc = "一、规划背景\n（一）发展基础\n（二）发展成效\n1、发展机遇\n二、总体要求\n（一）指导思想\n三、重点任务\n（一）中药材\n"
    body = ("一、规划背景\n（一）发展基础\n全县种植面积达到10万亩。\n（二）发展成效\n成效明显。\n二、总体要求\n（一）指导思想\n坚持市场导向。\n"
            "三、重点任务\n（一）中药材\n建设基地。（县农业农村局负责）\n")
    rows, message = parse_provision_rows("某县规划\n前 言5\n" + toc + "前 言\n为巩固成果，编制本规划。\n" + body)
    assert [r["provision_id"] for r in rows] == ["0", "1", "1.1", "1.2", "2", "2.1", "3", "3.1"] and not message
    assert "1、发展机遇" in rows[0]["text"]
    rows, _ = parse_provision_rows("某县规划\n" + body)
    assert [r["provision_id"] for r in rows] == ["0", "1", "1.1", "1.2", "2", "2.1", "3", "3.1"]
