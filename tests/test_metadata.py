"""bioparse.metadata: inference from hand-written headers, and merging with the manifest."""
import csv
import json
from pathlib import Path

import pytest

from bioparse.metadata import infer_metadata, labelled_fields, level_and_region, merge_metadata, parse_date

NOTICE = """ 天津市人民政府办公厅关于印发天津市
加快推动医药外包服务行业发展
实施方案的通知
津政办规〔2025〕1号

各区人民政府，市政府有关委、办、局：
经市人民政府同意，现将《天津市加快推动医药外包服务行业发展实施方案》印发给你们，请照此执行。

天津市人民政府办公厅
2024年8月17日

（此件主动公开）
天津市加快推动医药外包服务 行业发展实施方案
为落实国务院《关于全面深化药品医疗器械监管改革的意见》（国办发〔2024〕53号），制定本方案。到2026年，产业规模显著提升。
一、总体要求
"""

JOINT = """浙江省杭州市余杭区人民政府  杭州市经济和信息化局关于印发
余杭区生物医药产业发展三年行动计划
（2024—2026年）的通知

各镇人民政府、街道办事处：
现将《余杭区生物医药产业发展三年行动计划（2024—2026年）》印发给你们，请认真贯彻执行。

余杭区人民政府
杭州市经济和信息化局
二〇二四年八月十七日
"""

PROVINCE = """广东省生物医药产业发展若干措施
第一条 为加快生物医药产业发展，制定本措施。实施期限为2021年至2025年。
第二条 本措施自印发之日起施行。

广东省人民政府
二〇二一年十二月三十一日
"""


def test_notice_header_with_doc_number():
    m = infer_metadata(NOTICE)
    assert m["title"] == "天津市加快推动医药外包服务行业发展实施方案"
    assert m["issuer"] == "天津市人民政府办公厅"
    assert m["doc_number"] == "津政办规〔2025〕1号"  # not the 国办发 number cited in the body
    assert m["date"] == "2024-08-17"
    assert (m["plan_start"], m["plan_end"], m["period"]) == ("", "2026", "2024")
    assert (m["level"], m["region"]) == ("city", "天津市")


def test_joint_issuer_chinese_numeral_date_and_plan_years():
    m = infer_metadata(JOINT)
    assert m["issuer"] == "余杭区人民政府;杭州市经济和信息化局"
    assert m["title"] == "余杭区生物医药产业发展三年行动计划（2024—2026年）"
    assert m["date"] == "2024-08-17"
    assert (m["plan_start"], m["plan_end"], m["period"]) == ("2024", "2026", "2024")
    assert (m["level"], m["region"]) == ("district", "余杭区")
    assert m["doc_number"] == ""


def test_signature_at_the_end_and_term_sentence():
    m = infer_metadata(PROVINCE)
    assert m["title"] == "广东省生物医药产业发展若干措施"
    assert m["issuer"] == "广东省人民政府"
    assert m["date"] == "2021-12-31"
    assert (m["plan_start"], m["plan_end"]) == ("2021", "2025")
    assert (m["level"], m["region"]) == ("province", "广东省")


def test_issuer_from_first_line_when_no_signature():
    m = infer_metadata("滨海新区管委会关于印发滨海新区细胞产业实施办法的通知\n\n各单位：\n请照此执行。\n")
    assert m["issuer"] == "滨海新区管委会"
    assert m["title"] == "滨海新区细胞产业实施办法"
    assert m["date"] == ""


def test_issuer_before_guanyu_in_an_opinion_title():
    m = infer_metadata("浙江省人民政府办公厅关于推动生物医药产业高质量发展的实施意见\n浙政办发〔2023〕5号\n一、主要目标\n")
    assert m["issuer"] == "浙江省人民政府办公厅"
    assert m["doc_number"] == "浙政办发〔2023〕5号"
    assert infer_metadata("关于推动生物医药产业发展的实施意见\n一、主要目标\n")["issuer"] == ""



def test_a_notice_title_written_in_book_brackets_gives_its_issuer():
    """A copy site writes the notice's title in 《》, perhaps behind its number: the bodies before 关于印发 still issue it."""
    head = "《某滨市人民政府办公室关于印发某滨市〈医药产业工作要点〉分工方案的通知》\n某滨政办〔2024〕3号\n各区人民政府：\n一、总体要求\n"
    m = infer_metadata(head)
    assert (m["issuer"], m["title"], m["doc_number"]) == ("某滨市人民政府办公室", "某滨市〈医药产业工作要点〉分工方案", "某滨政办〔2024〕3号")
    m = infer_metadata("某滨政办〔2024〕3号" + head)
    assert (m["issuer"], m["level"]) == ("某滨市人民政府办公室", "city")
    # a policy cited in 《》 on the first line names no issuer
    assert infer_metadata("《某滨市医药产业发展规划》\n一、总体要求\n")["issuer"] == ""

def test_regulation_title_on_the_first_line():
    m = infer_metadata("北京市促进医药健康产业发展条例\n第一章　总则\n第一条　为了促进本市医药健康产业发展，制定本条例。\n")
    assert m["title"] == "北京市促进医药健康产业发展条例"
    assert (m["level"], m["region"]) == ("city", "北京市")


def test_text_without_header_gives_blanks():
    m = infer_metadata("生物医药产业是重要产业。为推动发展，制定本计划。\n一、总体要求\n")
    assert m["title"] == m["issuer"] == m["date"] == m["doc_number"] == ""


@pytest.mark.parametrize("s,want", [("2024年8月17日", "2024-08-17"), ("二〇二四年八月十七日", "2024-08-17"),
                                    ("来源：市政府办公室　发布时间：2024-06-01 16:30", "2024-06-01"),  # a web page's
                                    ("二〇一八年十二月二十六日", "2018-12-26"), ("2019年13月1日", ""), ("无", ""),
                                    ("二00七年九月三日", "2007-09-03")])  # zeros typed as the digit 0 (a law database's copy)
def test_parse_date(s, want):
    assert parse_date(s) == want


@pytest.mark.parametrize("name,want", [("内蒙古自治区人民政府", ("province", "内蒙古自治区")),
                                       ("北京市人民政府", ("city", "北京市")),
                                       ("天津市蓟州区人民政府办公室", ("district", "蓟州区")),
                                       ("天津市工业和信息化局", ("city", "天津市")),
                                       ("南坪县市场监督管理局", ("district", "南坪县")),  # 市场 is no city
                                       ("青溪市市场监督管理局", ("city", "青溪市")),
                                       ("某某", ("", ""))])
def test_level_and_region(name, want):
    assert level_and_region(name) == want


def test_merge_manifest_wins_and_reports_disagreements():
    manifest = {"title": "甲方案", "issuer": "乙局;甲局", "date": "", "period": "2024-2025"}
    inferred = {"title": "甲 方案", "issuer": "甲局;乙局", "date": "2024-01-02", "level": "city",
                "region": "天津市", "period": "2024", "plan_end": "2027"}
    merged, notes = merge_metadata(manifest, inferred, Path("/x/doc1.txt"))
    assert merged["title"] == "甲方案" and merged["date"] == "2024-01-02" and merged["period"] == "2024-2025"
    assert notes == []  # spaces and issuer order are not disagreements; period labels are not compared
    merged, notes = merge_metadata({"level": "province", "date": "2024-01-03"}, inferred, "doc1.txt")
    assert merged["level"] == "province" and len(notes) == 2
    assert all("doc1.txt" in n for n in notes)
    assert any("level" in n and "province" in n and "city" in n for n in notes)


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_seed_headers_agree_with_manifest():
    if not (SEEDS / "manifest.csv").is_file():
        pytest.skip("../shared/seeds is not beside this checkout")
    from bioparse.io import read_text
    agree = total = 0
    for row in csv.DictReader(open(SEEDS / "manifest.csv", encoding="utf-8")):
        m = infer_metadata(read_text(SEEDS / row["file"]).text)
        for field in ("title", "issuer", "level", "region", "date", "plan_start", "plan_end"):
            total += 1
            agree += m[field] == row[field]
    assert agree >= total - 4  # one seed has no header at all (title, issuer, level, region unknown)


def test_labelled_fields_of_a_web_page():
    from bioparse.metadata import labelled_fields
    page = ("索引号：111/2024-1 发文机关：某某市人民政府办公厅\n发文字号：\n某政办发〔2024〕3号\n"
            "成文日期：2024年3月1日 发布日期：2024-03-05\n")
    assert labelled_fields(page) == {"issuer": "某某市人民政府办公厅", "doc_number": "某政办发〔2024〕3号",
                                     "date": "2024-03-01"}
    assert labelled_fields("发文机关: 北京市科学技术委员会、北京市财政局\n成文日期：2024-05-06") == {
        "issuer": "北京市科学技术委员会;北京市财政局", "date": "2024-05-06"}
    # values that do not read as a number, a date or bodies are left out
    assert labelled_fields("发文字号：无\n成文日期：见正文\n发文机关：详见附件说明") == {}


@pytest.mark.parametrize("issuer,expected", [
    ("杭州市余杭区人民政府办公室", ("district", "余杭区")), ("广州市人民政府", ("city", "广州市")),
    ("合肥市人民政府", ("city", "合肥市")), ("甘孜州人民政府", ("city", "甘孜州")),
    ("中共北京市委", ("city", "北京市")), ("江苏省人民政府办公厅", ("province", "江苏省")),
])
def test_level_and_region_of_cities_named_zhou_and_party_committees(issuer, expected):
    from bioparse.metadata import level_and_region
    assert level_and_region(issuer) == expected


def test_plan_period_is_not_taken_from_a_cited_plan():
    from bioparse.metadata import infer_metadata
    cited = infer_metadata("广州市促进生物医药产业发展若干措施\n为落实《广东省生物医药产业集群行动计划（2021—2025年）》，制定本措施。\n")
    assert (cited["plan_start"], cited["plan_end"]) == ("", "")
    own = infer_metadata("关于印发某市行动计划的通知\n现将《某市生物医药行动计划（2024—2026年）》印发给你们。\n"
                         "某市生物医药行动计划\n（2024—2026年）\n一、目标\n")
    assert (own["plan_start"], own["plan_end"]) == ("2024", "2026")


@pytest.mark.parametrize("issuer,region", [("苏州工业园区管理委员会", "苏州工业园区"), ("杭州高新区（滨江）管委会", "杭州高新区"),
                                           ("北京经济技术开发区管理委员会", "北京经济技术开发区")])
def test_development_zones_are_districts(issuer, region):
    from bioparse.metadata import level_and_region
    assert level_and_region(issuer) == ("district", region)
    assert level_and_region("天津市生物医药产业园区建设方案") == ("city", "天津市")  # a title about a park


@pytest.mark.parametrize("number", ["国办发﹝2021﹞16号", "泰政发【2021】45号", "津政办发〔２０２４〕１２号"])
def test_document_numbers_in_other_brackets_and_full_width_digits(number):
    assert infer_metadata(f"关于印发某措施的通知\n{number}\n各区人民政府：\n")["doc_number"] == number


@pytest.mark.parametrize("rule, years", [
    ("本细则自2023年7月1日起施行，有效期至2028年6月30日。", ("2023", "2028")),
    ("本办法自2024年9月1日起施行，有效期五年。", ("2024", "2029")),  # five years from 1 September end in 2029
    ("本细则自2025年1月1日起施行，有效期3年。", ("2025", "2027")),  # three from 1 January, in the third
    ("本措施由市科技局负责解释，自印发之日起施行，有效期３年。", ("2024", "2027")),  # from the issue date below
    ("本措施自2024年7月1日起施行，有效期限至2027年12月31日。", ("2024", "2027")),  # 有效期限 is 有效期
    ("本细则自2024年7月1日起施行，有效期限为5年。", ("2024", "2029")),
    ("本细则自2024年7月1日起施行，有效期截止到2027年6月30日。", ("2024", "2027")),
    ("本规定自2025年6月1日起施行。", ("2025", "2026")),  # no term: the end is the latest 到20XX年
    ("《药品管理法》自2019年12月1日起施行。", ("", "2026")),  # a law it cites
])
def test_the_policys_term_gives_its_plan_years(rule, years):
    text = f"关于印发生物医药专项资金管理实施细则的通知\n第一条 到2026年，产业规模达到1000亿元。\n{rule}\n2024年6月20日\n"
    meta = infer_metadata(text)
    assert (meta["plan_start"], meta["plan_end"]) == years


def test_a_plan_range_wins_over_the_term_and_a_horizon_gives_the_end_alone():
    text = "行动方案（2024—2026年）\n到2026年，产业规模达到1000亿元。\n本方案自2024年7月1日起施行，有效期五年。\n"
    assert (infer_metadata(text)["plan_start"], infer_metadata(text)["plan_end"]) == ("2024", "2026")
    assert infer_metadata("行动方案\n到2026年，产业规模达到1000亿元。\n")["plan_end"] == "2026"


def test_a_full_width_year_gives_the_plan_end():
    assert infer_metadata("若干措施\n力争到２０２７年全市营业收入突破３０００亿元。\n")["plan_end"] == "2027"


def test_a_document_number_and_signer_between_issuer_and_title_are_skipped():
    text = ("西宁市城北区人民政府办公室\n北政办发〔2025〕8号\n签发人：马建国\n"
            "西宁市城北区人民政府办公室关于印发\n城北区加快生物医药产业高质量发展\n实施方案（2025—2027年）的通知\n"
            "各镇人民政府：\n现印发给你们。\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"]) == ("城北区加快生物医药产业高质量发展实施方案（2025—2027年）", "北政办发〔2025〕8号")


def test_a_decree_gives_its_issuer_number_and_the_title_it_publishes():
    text = ("湖北省人民政府令\n第478号\n《湖北省促进生物医药产业创新发展若干规定》已经2025年4月22日省人民政府常务会议"
            "审议通过，现予公布，自2025年6月1日起施行。\n省长　×××\n2025年4月30日\n湖北省促进生物医药产业创新发展若干规定\n"
            "第一条 为了促进本省生物医药产业创新发展，制定本规定。\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["issuer"], meta["doc_number"], meta["date"], meta["level"]) == (
        "湖北省促进生物医药产业创新发展若干规定", "湖北省人民政府", "湖北省人民政府令第478号", "2025-04-30", "province")


def test_a_date_line_above_a_plan_title_is_not_part_of_it():
    text = "2025年4月30日\n湖北省促进生物医药产业创新发展若干规定\n第一条 为了促进本省生物医药产业创新发展，制定本规定。\n"
    assert infer_metadata(text)["title"] == "湖北省促进生物医药产业创新发展若干规定"


@pytest.mark.parametrize("years, end", [
    ("到2027年，A。到2027年，B。到2027年，C。到2030年，D。", "2030"),  # a two-stage plan's second goal
    ("到2025年，A。到2025年，B。到2035年，基本实现现代化。", "2025"),  # a vision far beyond the plan
    ("到2026年，A。", "2026"),
])
def test_the_plan_end_is_the_latest_goal_year_but_not_a_distant_vision(years, end):
    assert infer_metadata("若干措施\n" + years + "\n")["plan_end"] == end


def test_a_standing_committees_notice_gives_its_number():
    text = ("湖北省第十四届人民代表大会常务委员会公告\n（第25号）\n《湖北省促进生物医药产业发展条例》已由湖北省第十四届人民代表大会"
            "常务委员会第十五次会议于2025年3月28日通过，现予公布，自2025年6月1日起施行。\n2025年3月28日\n"
            "湖北省促进生物医药产业发展条例\n第一章　总则\n第一条　为了促进生物医药产业发展，制定本条例。\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"], meta["issuer"]) == (
        "湖北省促进生物医药产业发展条例", "湖北省第十四届人民代表大会常务委员会公告第25号", "湖北省第十四届人民代表大会常务委员会")



@pytest.mark.parametrize("text, years", [
    ("某省生物医药产业发展规划（二〇二四—二〇二六年）\n到二〇二六年，产业规模突破三千亿元。\n", ("2024", "2026")),
    ("某省若干措施\n到二〇二六年，产业规模突破三千亿元。\n", ("", "2026")),
    ("某省若干措施\n本措施自二〇二五年一月一日起施行，有效期三年。\n", ("2025", "2027")),
])
def test_plan_years_in_chinese_numerals(text, years):
    meta = infer_metadata(text + "某省人民政府\n二〇二四年五月十日\n")
    assert (meta["plan_start"], meta["plan_end"], meta["date"]) == (*years, "2024-05-10")


@pytest.mark.parametrize("between", ["和", "、", ""])
def test_the_first_of_two_policies_a_notice_issues_is_the_title(between):
    text = ("某市人民政府办公厅关于印发某市生物医药产业行动方案和重点项目清单的通知\n各县（市、区）人民政府：\n"
            f"现将《某市生物医药产业高质量发展行动方案（2025—2027年）》{between}《某市2025年生物医药重点项目清单》印发给你们，请认真贯彻执行。\n")
    assert infer_metadata(text)["title"] == "某市生物医药产业高质量发展行动方案（2025—2027年）"


def test_a_numbered_heading_is_no_title():
    assert infer_metadata("三、保障措施\n（一）加强组织领导。各部门要高度重视。\n")["title"] == ""


def test_a_signature_of_seven_ministries_keeps_its_first_line():
    text = ("工业和信息化部等七部门关于印发《医药工业数智化转型实施方案》的通知\n各省：\n正文内容。\n\n"
            "工业和信息化部　　国家发展改革委　　科技部\n商务部　　国家卫生健康委　　国家医保局\n国家药监局\n2025年3月12日\n")
    assert infer_metadata(text)["issuer"].split(";") == [
        "工业和信息化部", "国家发展改革委", "科技部", "商务部", "国家卫生健康委", "国家医保局", "国家药监局"]


def test_a_draft_put_out_for_comment_is_titled_by_the_draft():
    text = "湖南省工业和信息化厅关于公开征求《湖南省促进生物医药产业高质量发展若干措施（征求意见稿）》意见的公告\n现公开征求意见。\n"
    assert infer_metadata(text)["title"] == "湖南省促进生物医药产业高质量发展若干措施（征求意见稿）"


@pytest.mark.parametrize("issuer", ["工业和信息化部", "国务院办公厅", "国家药监局", "科技部"])
def test_central_bodies_are_national(issuer):
    assert level_and_region(issuer) == ("national", "全国")
    assert level_and_region("中共北京市委宣传部") == ("city", "北京市")  # a ministry of a city's Party committee


def test_a_labelled_line_above_the_signature_is_no_issuer():
    text = ("哈尔滨市人民政府关于促进生物医药产业发展的实施意见\n一、总体要求\n正文。\n"
            "牵头单位：市国土资源局\n责任单位：市商务局、市投资促进局\n哈尔滨市人民政府\n2017年9月15日\n")
    meta = infer_metadata(text)
    assert meta["issuer"] == "哈尔滨市人民政府" and meta["region"] == "哈尔滨市"


def test_a_web_page_field_label_padded_with_blanks_is_read():
    """文　　号：, 标　　题： (a short label padded to the width of 发文机关) name the same fields as 文号：."""
    from bioparse.metadata import labelled_fields

    fields = labelled_fields("索　引　号：\n00819445-3/2024-00372\n文　　号：\n琼府办〔2024〕21号\n发文机关：\n海南省人民政府办公厅\n"
                             "标　　题：\n海南省生物医药产业发展规划（2024—2030年）")
    assert fields == {"doc_number": "琼府办〔2024〕21号", "issuer": "海南省人民政府办公厅",
                      "title": "海南省生物医药产业发展规划（2024—2030年）"}


HEADER_BLOCK = ("索 引 号：11120000MB1A12345X/2024-00123  主题分类：工业、交通\\科技\n"
                "发文机关：天津市人民政府办公厅  成文日期：2024年05月10日\n"
                "标　　题：天津市人民政府办公厅关于印发天津市促进生物医药产业高质量发展若干措施的通知\n"
                "发文字号：津政办规〔2024〕5号  发布日期：2024-05-15\n\n")
BODY = ("为加快生物医药产业发展，制定以下措施。\n"
        "一、支持创新药研发。对新获批的一类创新药给予最高500万元奖励。（责任单位：市科技局）\n"
        "二、支持平台建设。到2026年建成省级以上平台30个。（责任单位：市工业和信息化局）\n")


def test_a_header_block_of_labelled_fields_above_a_text_is_read():
    """An 信息公开 table copied above the text (发文机关：…  成文日期：…) gives issuer, date, number and title."""
    meta = infer_metadata(HEADER_BLOCK + BODY)
    assert (meta["issuer"], meta["date"], meta["doc_number"], meta["title"], meta["region"]) == (
        "天津市人民政府办公厅", "2024-05-10", "津政办规〔2024〕5号", "天津市促进生物医药产业高质量发展若干措施", "天津市")
    # a field a line of its own, the title a plan's, the date only 发布日期 (ISO)
    block = "发文机关：天津市人民政府办公厅\n标　　题：天津市促进生物医药产业高质量发展若干措施\n发布日期：2024-05-15\n"
    meta = infer_metadata(block + BODY)
    assert (meta["issuer"], meta["date"], meta["title"]) == (
        "天津市人民政府办公厅", "2024-05-15", "天津市促进生物医药产业高质量发展若干措施")


def test_the_text_says_otherwise_over_a_header_block():
    """The 落款 and the notice's own title win; a labelled line inside the text is no header."""
    text = (HEADER_BLOCK + "天津市发展改革委关于印发天津市支持生物医药创新发展若干措施的通知\n各区人民政府：\n现将措施印发给你们。\n"
            "天津市发展改革委\n2024年5月12日\n" + BODY)
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["date"], meta["title"]) == ("天津市发展改革委", "2024-05-12", "天津市支持生物医药创新发展若干措施")
    late = "天津市促进生物医药产业高质量发展若干措施\n" + BODY * 6 + "发文机关：某某市人民政府办公厅\n"
    assert infer_metadata(late)["issuer"] == ""  # beyond the first lines a labelled line is the text's
    assert infer_metadata("项目名称：某某市人民政府办公厅\n" + BODY)["issuer"] == ""  # a label inside a line


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_header_block_in_a_file_gives_its_fields_and_stays_in_the_first_provision(tmp_path, suffix):
    import docx

    from bioparse import pipeline

    path = tmp_path / f"tj{suffix}"
    if suffix == ".txt":
        path.write_text(HEADER_BLOCK + BODY, encoding="utf-8")
    else:
        d = docx.Document()
        for line in (HEADER_BLOCK + BODY).split("\n"):
            d.add_paragraph(line)
        d.save(path)
    out = pipeline.parse_document(path, "tj", {})
    doc = out["documents"][0]
    assert (doc["issuer"], doc["date"], doc["doc_number"], doc["title"]) == (
        "天津市人民政府办公厅", "2024-05-10", "津政办规〔2024〕5号", "天津市促进生物医药产业高质量发展若干措施")
    first = out["provisions"][0]
    assert first["start"] == 0 and out["text"][:first["end"]].startswith("索 引 号：") and "发布日期" in out["text"][:first["end"]]
    assert [p["start"] for p in out["provisions"][1:]] == [p["end"] for p in out["provisions"][:-1]]
    assert out["provisions"][-1]["end"] == len(out["text"])


@pytest.mark.parametrize("title, years", [
    ("嘉兴市“十四五”生物医药产业发展规划", ("2021", "2025")),
    ("某市十五五生物医药产业发展规划", ("2026", "2030")),
    ("某市“十三五”生物医药产业发展规划", ("2016", "2020")),
    ("某市支持生物医药发展的二十五条措施", ("", "2030")),  # twenty-five, no plan: the latest 到20XX年
    ("某市“十四五”生物医药产业行动方案（2023—2025年）", ("2023", "2025")),  # a stated range wins
])
def test_a_five_year_plan_named_in_the_title_gives_its_years(title, years):
    """A plan whose period is stated only as 十四五 runs 2021-2025, whatever 到20XX年 its goals reach."""
    text = f"{title}\n一、发展目标\n到2025年，营业收入达到500亿元；到2030年，突破1000亿元。\n"
    meta = infer_metadata(text)
    assert (meta["plan_start"], meta["plan_end"]) == years


def test_a_sentence_before_guanyu_yinfa_is_no_issuer():
    """A text without a header opens on its preamble, which may cite a notice (根据《某市人民政府关于印发…》):
    what stands before 印发 there is a sentence, not the names of bodies."""
    text = ("为落实全省稳增长部署，根据《某州市人民政府关于印发某州市稳增长若干措施的通知》（某政发〔2023〕9号），"
            "结合本区实际，制定如下措施。\n一、 优化审批服务\n1. 压缩审批时限。（区政务服务局牵头，区发改局配合）\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["level"]) == ("", "")


def test_a_body_printing_a_plan_without_guanyu():
    """某市人民政府办公室印发Y的通知 (no 关于): Y is the title and the body before 印发 the issuer, as 关于印发 gives."""
    text = ("某昌市人民政府办公室印发关于推动医疗器械产业集聚发展的实施意见的通知\n\n某府办发〔2023〕45号\n\n"
            "各县（区）人民政府：\n\n《关于推动医疗器械产业集聚发展的实施意见》已经市政府同意。现印发给你们，请认真贯彻执行。\n\n"
            "2023年6月8日\n\n关于推动医疗器械产业集聚发展的实施意见\n\n一、总体要求\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["issuer"], meta["region"]) == (
        "关于推动医疗器械产业集聚发展的实施意见", "某昌市人民政府办公室", "某昌市")
    joint = "中共某安区委办公室 某安区人民政府办公室印发《某安区医药健康三年行动计划(2024—2026年)》的通知\n一、总体要求\n"
    assert infer_metadata(joint)["issuer"] == "中共某安区委办公室;某安区人民政府办公室"


def test_a_red_head_line_is_no_part_of_the_notice_title():
    """湖南省人民政府办公厅文件 over the number is the red head: the issuer is named once, by the title."""
    text = ("某南省人民政府办公厅文件\n\n某政办发〔2022〕17号\n\n某南省人民政府办公厅关于加快发展\n"
            "生物医药产业的通知\n\n各市州人民政府：\n\n现就有关事项通知如下：\n\n一、提高认识。正文。\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["title"], meta["doc_number"]) == (
        "某南省人民政府办公厅", "某南省人民政府办公厅关于加快发展生物医药产业的通知", "某政办发〔2022〕17号")


def test_labelled_fields_with_their_values_on_the_next_line():
    """A page's field list copied as text (• 发文字号:⏎⏎某政发〔2024〕7号): each value stands under its label."""
    text = ("某巴县人民政府工作规则\n\n  • 索引号:\n\n    6107000000/2024-000123\n  • 主题分类:\n\n  • 发文机构:\n\n"
            "    县政府网站\n  • 发文字号:\n\n    某政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月08日 16:40\n"
            "  • 有效性:\n\n  • 内容概述:\n\n某巴县人民政府工作规则\n\n第一章总则\n\n一、根据有关规定，制定本规则。\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"], meta["date"], meta["issuer"], meta["region"]) == (
        "某巴县人民政府工作规则", "某政发〔2024〕7号", "2024-04-08", "", "某巴县")


def test_a_measure_in_the_first_lines_gives_no_date():
    """A date in a measure (实施期限至2021年12月31日) is none of the document's, even among its first lines."""
    text = ("某府〔2021〕30号\n某莞市人民政府关于贯彻落实《某省稳就业若干措施》的实施意见\n各镇人民政府：\n为稳就业，提出如下意见：\n"
            "一、减负稳岗\n1.实施降低失业保险费率政策，实施期限至2021年12月31日。（市人力资源社会保障局负责）\n")
    assert infer_metadata(text)["date"] == ""
    assert infer_metadata("某省渔业条例\n（2005年11月25日某省人民代表大会常务委员会通过）\n第一条 为了保护渔业资源，制定本条例。\n"
                          )["date"] == "2005-11-25"


def test_a_page_s_navigation_is_no_title():
    """首页 -> 专题 -> 政策与解读 (a breadcrumb) and 无障碍浏览 长者模式 above an 政策解读's own title are the site's."""
    crumbs = ("首页 -> 专题 -> 政策与解读 -> 扩大内需促进消费\n《某阳市人民政府关于印发2024年重点工作任务分解表的通知》政策解读\n"
              "时间：2024年01月22日来源：市政府办公室\n\n一、形成过程\n正文。\n")
    assert infer_metadata(crumbs)["title"] == "《某阳市人民政府关于印发2024年重点工作任务分解表的通知》政策解读"
    chrome = "无障碍浏览 长者模式\n《2024年重点工作任务分工方案》政策解读\n发布日期：2024-04-03 15:35\n一、起草背景\n2024年1月17日，会议召开。\n"
    meta = infer_metadata(chrome)
    assert (meta["title"], meta["date"]) == ("《2024年重点工作任务分工方案》政策解读", "2024-04-03")


def test_a_standing_committee_is_a_body():
    """…人大常委会 ends a body's name as 委员会 does: a signature of one is its issuer."""
    text = "某某市养老服务条例\n第一条 为了规范养老服务，制定本条例。\n\n某某市人大常委会\n2023年5月6日\n"
    assert infer_metadata(text)["issuer"] == "某某市人大常委会"


def test_a_breadcrumb_above_the_notice_title_is_no_issuer():
    """首页 > 政务公开 > 政策文件 above a copied page's notice title: the issuer is the body before 关于印发."""
    text = ("首页 > 政务公开 > 政策文件\n某巴县人民政府关于印发某巴县中药材产业发展若干措施的通知\n各镇人民政府：\n"
            "现将《某巴县中药材产业发展若干措施》印发给你们。\n一、 壮大种植基地\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["title"]) == ("某巴县人民政府", "某巴县中药材产业发展若干措施")



@pytest.mark.parametrize("button", ["返回顶部", "【关闭窗口】", "[打印]"])
def test_a_pages_button_above_the_title_is_no_part_of_it(button):
    """A copied page's 返回顶部 (or 【关闭窗口】) alone on the line above the title (blank lines gone, as normalize
    leaves the text) is a button: neither the title nor its place (返回顶部某巴县) takes it."""
    meta = infer_metadata(f"{button}\n某巴县人民政府工作规则\n第一章　总则\n一、根据有关规定，制定本规则。\n")
    assert (meta["title"], meta["region"]) == ("某巴县人民政府工作规则", "某巴县")


@pytest.mark.parametrize("second, title", [
    ("的实施意见", "某莞市人民政府关于贯彻落实《某东省支持生物医药产业发展若干措施》的实施意见"),
    ("各镇人民政府，市府直属各单位：", "某莞市人民政府关于贯彻落实《某东省支持生物医药产业发展若干措施》"),  # no title's end
])
def test_a_title_wrapped_before_its_kind_takes_its_second_line(second, title):
    """A title set over two lines whose first ends inside it (…《某省若干措施》⏎的实施意见) is both lines."""
    text = f"某莞市人民政府文件\n某府〔2023〕41号\n某莞市人民政府关于贯彻落实《某东省支持生物医药产业发展若干措施》\n{second}\n一、强化创新支撑\n"
    assert infer_metadata(text)["title"] == title


def test_an_offices_notice_gives_its_number():
    """…常务委员会办公室公告 over （第9号）: a body's office puts out a draft under a numbered 公告, as the committee does."""
    text = ("某阳市人民代表大会常务委员会办公室公告\n（第9号）\n现将《某阳市养老服务条例（草案）》全文公布，征求意见。\n"
            "某阳市人民代表大会常务委员会办公室\n2024年6月28日\n某阳市养老服务条例（草案）\n第一条　为了规范养老服务，制定本条例。\n")
    meta = infer_metadata(text)
    assert (meta["doc_number"], meta["issuer"], meta["title"]) == (
        "某阳市人民代表大会常务委员会办公室公告第9号", "某阳市人民代表大会常务委员会办公室", "某阳市养老服务条例（草案）")


def test_a_law_database_copy_names_its_issuer_between_two_copies_of_the_title():
    text = ("某省药品安全条例\n\n作者:某法规网 时间:2024-07-22 08:17:50   浏览:8464\n下载地址: 点击此处下载\n\n"
            "某省药品安全条例\n\n某省人大常委会\n\n\n某省药品安全条例\n（2006年5月26日某省第十届人民代表大会常务委员会第二十二次会议通过）\n"
            "第一章　总则\n第一条　为了保障药品安全，制定本条例。\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["issuer"], meta["level"]) == ("某省药品安全条例", "某省人大常委会", "province")
    joint = "关于开展某某工作的通知\n\n财政部 国家发展和改革委员会\n\n关于开展某某工作的通知\n财建〔2013〕6号\n"
    assert infer_metadata(joint)["issuer"] == "财政部;国家发展和改革委员会"
    sentence = "某省药品安全条例\n为了保障药品安全，制定本条例。\n某省药品安全条例\n"  # a sentence between is no issuer
    assert infer_metadata(sentence)["issuer"] == ""


def test_a_decree_head_below_a_copys_title_lines_and_on_one_line():
    lower = ("某某管理条例\n\n国务院\n\n某某管理条例\n\n  中华人民共和国国务院令\n\n  第999号\n\n  现发布《某某管理条例》，自发布之日起施行。\n"
             "\n  总理　×××\n\n  1997年8月3日\n\n  第一章　总则\n")
    meta = infer_metadata(lower)
    assert (meta["issuer"], meta["doc_number"], meta["date"]) == ("国务院", "中华人民共和国国务院令第999号", "1997-08-03")
    one_line = "某市某某规定\n\n某省某市人民政府\n\n某市人民政府令第16号\n\n《某市某某规定》业经市政府常务会议讨论通过，现予发布。\n"
    assert infer_metadata(one_line)["doc_number"] == "某市人民政府令第16号"


def test_a_date_whose_zeros_are_typed_as_the_letter_o():
    assert parse_date("二OO六年十二月二十九日") == "2006-12-29"
    text = "某区某某办法\n\n作者:某法规网 时间:2024-05-18 15:58:35\n\n某区人民政府令第9号\n\n区长 ×××\n\n二OO六年十二月二十九日\n\n第一条 为了…，制定本办法。\n"
    assert infer_metadata(text)["date"] == "2006-12-29"


def test_a_law_databases_fields_give_date_and_issuer():
    text = "某市某某条例\n\n颁布日期:2001-6-3\n实施日期:2001-8-1\n颁布单位:某市人民代表大会常务委员会\n\n第一条 为了…，制定本条例。\n"
    meta = infer_metadata(text)
    assert (meta["date"], meta["issuer"]) == ("2001-06-03", "某市人民代表大会常务委员会")


@pytest.mark.parametrize("doc", ["p25h_a_lawdb_decree", "p25h_c_lawdb_tags"])
def test_the_heads_of_law_database_copies_give_the_gold_meta(doc):
    here = Path(__file__).parent / "other_provinces"
    gold = json.loads((here / "gold" / f"{doc}.json").read_text(encoding="utf-8"))["meta"]
    meta = infer_metadata((here / "raw" / f"{doc}.txt").read_text(encoding="utf-8"))
    fields = ("title", "issuer", "doc_number", "date", "level", "region")
    assert {f: meta[f] for f in fields} == {f: gold[f] for f in fields}


def test_an_information_table_copied_with_its_cells_gives_its_fields():
    """A site's 信息公开 table copied as text: cells apart by tabs or | (a rule line ---|--- between), a label
    alone in its cell: the label is no part of the number, and the date after a | is read."""
    text = ("发文字号\t某科字〔2020〕218号\n发布机构:\t某省科学技术厅\t成文日期:\t2020-09-25\n\n"
            "某省生物医药产业集群行动计划\n\n一、总体情况\n")
    meta = infer_metadata(text)
    assert (meta["doc_number"], meta["issuer"], meta["date"]) == ("某科字〔2020〕218号", "某省科学技术厅", "2020-09-25")
    text = ("索引号: | 002/2019-7 | 主题分类: | 政务综合类 |\n---|---|---|---|\n发布机构: | 某省发改委 | 成文日期: | 2019-11-06 |\n"
            "某省生物经济发展行动计划 | ||||\n|\n一、总体要求\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["issuer"], meta["date"]) == ("某省生物经济发展行动计划", "某省发改委", "2019-11-06")


def test_cms_meta_fields():
    from bioparse.metadata import cms_fields
    assert cms_fields("某省人民政府办公厅关于印发某省加快生物医药产业发展若干措施的通知", "2024-06-21 16:30", "省政府办公厅") == {
        "title": "某省加快生物医药产业发展若干措施", "date": "2024-06-21", "issuer": "某省人民政府办公厅"}  # placeless source
    assert cms_fields("关于印发某省加快生物医药产业发展若干措施的通知", "", "省政府办公厅")["issuer"] == "省政府办公厅"
    assert cms_fields("某某", "", "新华社") == {}


def test_a_text_in_traditional_characters_gives_its_fields_as_written():
    """A site's 繁體 version (辦公廳, 關於印發, 〔2024〕14號): read as in simplified characters, given back as written."""
    text = ("某市人民政府辦公廳關於印發《某市加快醫藥健康協同創新行動計劃(2024-2026年)》的通知\n\n某政辦發〔2024〕14號\n\n"
            "各區人民政府：\n\n現將《某市加快醫藥健康協同創新行動計劃(2024-2026年)》印發給你們。\n\n某市人民政府辦公廳\n\n"
            "2024年5月15日\n\n一、發展目標\n")
    meta = infer_metadata(text)
    assert {f: meta[f] for f in ("title", "issuer", "doc_number", "date", "level", "region")} == {
        "title": "某市加快醫藥健康協同創新行動計劃(2024-2026年)", "issuer": "某市人民政府辦公廳",
        "doc_number": "某政辦發〔2024〕14號", "date": "2024-05-15", "level": "city", "region": "某市"}


def test_a_sites_field_list_with_labels_in_brackets_gives_its_fields():
    """A site's 信息公开 list set as 2. [发文机构] 某市人民政府办公厅 (no colon) above the text, under a breadcrumb
    without 首页: fields where the text is silent, and the breadcrumb is no title."""
    text = ("政务公开 > 政策公开 > 规范性文件\n  1. [主题分类] 卫生、体育/医药管理\n  2. [发文机构] 某市人民政府办公厅\n"
            "  3. [联合发文单位]\n  5. [成文日期] 2024-05-15\n  6. [发文字号] 某政办发〔2024〕14号\n  8. [发布日期] 2024-05-23\n"
            "  9. [有效性]\n\n某市加快医药健康协同创新行动计划(2024-2026年)\n\n  为加快发展，特制定本行动计划。\n\n  一、发展目标\n")
    meta = infer_metadata(text)
    assert {f: meta[f] for f in ("title", "issuer", "doc_number", "date", "level", "region")} == {
        "title": "某市加快医药健康协同创新行动计划(2024-2026年)", "issuer": "某市人民政府办公厅",
        "doc_number": "某政办发〔2024〕14号", "date": "2024-05-15", "level": "city", "region": "某市"}


def test_a_title_line_carrying_its_own_number_gives_title_and_number():
    """…实施方案 某工信函〔2025〕54號 (a page's 號 among simplified characters) or …的通知（某政办发〔2023〕9号）:
    the number is the document's, no part of its title."""
    text = "某州市推动生物医药产业集群发展实施方案 某工信函〔2025〕54號\n\n各有关单位：\n\n  为推动产业发展，制定本方案。\n\n一、总体要求\n"
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"]) == ("某州市推动生物医药产业集群发展实施方案", "某工信函〔2025〕54號")
    text = ("某京市人民政府办公厅关于印发某京市加快医药健康协同创新行动计划的通知（某政办发〔2023〕9号）\n\n"
            "各区人民政府：\n\n  经市政府同意，现将行动计划印发给你们，请认真贯彻落实。\n\n某京市人民政府办公厅\n2023年4月3日\n\n一、发展目标\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"]) == ("某京市加快医药健康协同创新行动计划", "某政办发〔2023〕9号")
    # a sentence citing a number at its end is no title line
    cited = "某市某某方案\n\n  根据省政府关于印发某某方案的通知，按照要求（某政发〔2023〕9号）\n\n一、总体要求\n"
    assert infer_metadata(cited)["doc_number"] == ""


def test_a_notice_on_one_line_gives_its_number():
    """A copy that lost its line breaks: the number after the notice's title, or opening the line."""
    text = ("某江省人民政府办公厅关于印发某江省生物医药产业高质量发展行动方案的通知 某政办发〔2024〕12号 各市人民政府："
            " 经省政府同意，现将《某江省生物医药产业高质量发展行动方案》印发给你们，请认真贯彻执行。 某江省人民政府办公厅"
            " 2024年4月2日 一、总体要求 到2027年，产业规模达到5000亿元。\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["doc_number"], meta["date"]) == ("某江省人民政府办公厅", "某政办发〔2024〕12号", "2024-04-02")
    text = "某府办规〔2021〕5号 各区人民政府，市政府各委、办、局： 经市政府同意，现就促进本市某某产业发展提出若干意见如下： 一、明确总体要求\n"
    assert infer_metadata(text)["doc_number"] == "某府办规〔2021〕5号"


def test_a_labelled_date_without_separators_is_read_where_it_surely_is_one():
    assert parse_date("发布日期：20220519") == "2022-05-19"
    assert parse_date("发布时间：2022519") == "2022-05-19"  # 51 is no month: May 19
    assert parse_date("发布时间：2022112") == ""  # 1/12 or 11/2
    assert parse_date("时间：20221345") == "" and parse_date("编号：20220519") == ""
    text = "某市生物医药产业发展若干措施\n发布日期：20220519\n  为加快发展，制定若干措施。\n一、支持创新\n"
    assert infer_metadata(text)["date"] == "2022-05-19"


def test_bodies_on_the_line_under_a_plans_title_are_its_issuer():
    text = ("某川市生物医药产业高质量发展行动方案（2024—2026年）\n某川市发展和改革委员会\n\n  为加快发展，制定本方案。\n\n"
            "一、总体要求\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["level"], meta["region"]) == ("某川市发展和改革委员会", "city", "某川市")
    opening = "某川市生物医药产业高质量发展行动方案\n为加快发展，某川市人民政府制定本方案。\n\n一、总体要求\n"
    assert infer_metadata(opening)["issuer"] == ""


def test_an_issuer_written_short_is_kept_as_written():
    """市政府 in the title and the 落款 (NOTES.md: names as written; agency_canonical is where names are expanded)."""
    text = ("市政府关于印发某州市生物医药产业创新集群建设实施方案的通知\n\n各区人民政府：\n\n  现将方案印发给你们。\n\n"
            "市政府\n2024年3月2日\n\n一、总体要求\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["issuer"], meta["level"], meta["region"]) == (
        "某州市生物医药产业创新集群建设实施方案", "市政府", "city", "某州市")


def test_a_title_wrapped_over_two_lines():
    text = ("某某省人民政府办公厅关于印发某某省“健康某某2030”规划纲要\n（2016—2030年）实施分工方案的通知\n\n各市人民政府：\n\n"
            "  现将方案印发给你们。\n\n某某省人民政府办公厅\n2017年3月2日\n\n一、总体要求\n")
    assert infer_metadata(text)["title"] == "某某省“健康某某2030”规划纲要（2016—2030年）实施分工方案"
    text = text.replace("某某省“健康某某2030”规划纲要\n（2016—2030年）实施分工方案", "\n某川省生物医药产业三年行动方案")
    assert infer_metadata(text)["title"] == "某川省生物医药产业三年行动方案"


def test_a_traditional_pages_cms_title_gives_the_plan():
    """A 繁體 page's <meta> title …辦公室關於印發Y的通知 gives Y as written, as a simplified page's gives Y."""
    from bioparse.metadata import cms_fields, page_title
    assert cms_fields("某某州人民政府辦公室關於印發某某州促進醫藥健康產業發展若干措施的通知", "2023-06-05", "州政府辦公室") == {
        "title": "某某州促進醫藥健康產業發展若干措施", "date": "2023-06-05", "issuer": "州政府辦公室"}
    assert page_title("某某州醫藥健康產業發展規劃_政策文件_某某州人民政府") == "某某州醫藥健康產業發展規劃"
    from bioparse.metadata import labelled_fields
    assert labelled_fields("發文機關：某某州人民政府辦公室\n發文字號：某州政辦發〔2023〕5號") == {
        "issuer": "某某州人民政府辦公室", "doc_number": "某州政辦發〔2023〕5號"}


def test_the_gold_plan_years_follow_the_term_in_force():
    """Every gold meta's plan years are what infer_metadata reads: 自印发之日起施行，有效期3年 is a term from
    the issue date (fj_trs_measures, p11b_gs_autonum, p26h_a_trad_notice as p23g_c_tz_opinion)."""
    from bioparse import pipeline
    here = Path(__file__).parent / "other_provinces"
    for doc in ("fj_trs_measures", "p11b_gs_autonum", "p26h_a_trad_notice", "p23g_c_tz_opinion", "tz_articles_gbk"):
        gold = json.loads((here / "gold" / f"{doc}.json").read_text(encoding="utf-8"))["meta"]
        raw = next((here / "raw").glob(f"{doc}.*"))
        row = pipeline.parse_document(raw, doc, {})["documents"][0]
        assert (str(row["plan_start"]), str(row["plan_end"])) == (str(gold["plan_start"]), str(gold["plan_end"])), doc


def test_a_page_copy_whose_title_line_carries_its_number_gives_the_gold_meta():
    """p28m_a_numbered_title: …实施方案 某工信函〔2025〕37號 on one line, 发布日期：20250519, the issuer under the title."""
    here = Path(__file__).parent / "other_provinces"
    gold = json.loads((here / "gold" / "p28m_a_numbered_title.json").read_text(encoding="utf-8"))["meta"]
    meta = infer_metadata((here / "raw" / "p28m_a_numbered_title.txt").read_text(encoding="utf-8"))
    fields = ("title", "issuer", "doc_number", "date", "level", "region")
    assert {f: meta[f] for f in fields} == {f: gold[f] for f in fields}


@pytest.mark.parametrize("doc", ["r1_a_joint_rows", "r1_b_bracket_notice", "r1_c_search_box"])
def test_real_page_heads_give_the_gold_meta(doc):
    """A 落款 of six bodies two a row with blank lines between rows (r1_a), a title line carrying its 公告's number
    in brackets (r1_b), a search box's words above the title (r1_c)."""
    here = Path(__file__).parent / "other_provinces"
    gold = json.loads((here / "gold" / f"{doc}.json").read_text(encoding="utf-8"))["meta"]
    meta = infer_metadata((here / "raw" / f"{doc}.txt").read_text(encoding="utf-8"))
    fields = ("title", "issuer", "doc_number", "date", "level", "region")
    assert {f: meta[f] for f in fields} == {f: gold[f] for f in fields}


def test_a_search_boxs_words_are_no_issuer():
    text = "站内搜索\n高级检索\n\n某市人民政府关于加快中医药发展的意见\n某府发〔2022〕3号\n\n各区人民政府：\n"
    meta = infer_metadata(text)
    assert (meta["title"], meta["issuer"]) == ("某市人民政府关于加快中医药发展的意见", "某市人民政府")


def test_a_decree_head_of_a_bare_government_gives_its_number_not_an_issuer():
    """政府令第233号 under the title names no body: the number is read as written, the issuer from elsewhere."""
    text = "某州市某某管理办法\n\n某省某州市人民政府\n\n某州市某某管理办法\n\n政府令第108号\n\n《某州市某某管理办法》已经市政府常务会议审议通过，现予发布。\n"
    meta = infer_metadata(text)
    assert (meta["doc_number"], meta["issuer"]) == ("政府令第108号", "某省某州市人民政府")
    assert infer_metadata("某某办法\n\n市政府令第5号\n\n第一条 为了…，制定本办法。\n")["issuer"] == ""


def test_a_standing_committees_notice_numbered_in_chinese_numerals():
    text = ("某某条例\n\n某市人民代表大会常务委员会公告\n\n第二十九号\n\n《某某条例》业经省人民代表大会常务委员会批准，现予公布。\n\n"
            "某市人民代表大会常务委员会\n\n2003年6月2日\n")
    assert infer_metadata(text)["doc_number"] == "某市人民代表大会常务委员会公告第二十九号"
    dated = "某某规定\n\n某省人民政府令\n\n〔2011〕第16号\n\n《某某规定》已经省政府常务会议通过，现予公布。\n"  # a year before 第
    assert (infer_metadata(dated)["doc_number"], infer_metadata(dated)["issuer"]) == ("某省人民政府令〔2011〕第16号", "某省人民政府")


def test_a_title_line_carrying_its_decrees_number_in_brackets():
    """…条例（…公告第57号） or …办法（…人民政府令第12号）: the title without the bracket, the bracket's number and body."""
    text = "某省某某促进条例（某省第十四届人民代表大会常务委员会公告第57号）\n\n第一章 总则\n\n第一条 为了…，制定本条例。\n"
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"], meta["issuer"]) == (
        "某省某某促进条例", "某省第十四届人民代表大会常务委员会公告第57号", "某省第十四届人民代表大会常务委员会")
    meta = infer_metadata("某市某某管理办法(某市人民政府令第12号)\n\n第一条 为了…，制定本办法。\n")
    assert (meta["title"], meta["doc_number"], meta["issuer"]) == ("某市某某管理办法", "某市人民政府令第12号", "某市人民政府")
    meta = infer_metadata("某某注册管理办法(局令第31号)\n\n第一条 为了…，制定本办法。\n")  # a bare 局 names no issuer
    assert (meta["title"], meta["doc_number"], meta["issuer"]) == ("某某注册管理办法", "局令第31号", "")


def test_a_signature_in_rows_apart_by_blank_lines_keeps_every_row():
    text = ("关于印发某某细则的通知\n\n各有关单位：\n现印发实施。\n\n某区科学技术局    某区商务局\n\n某区财政局    某区政策研究室\n\n"
            "2023年5月6日\n")
    assert infer_metadata(text)["issuer"].split(";") == ["某区科学技术局", "某区商务局", "某区财政局", "某区政策研究室"]
    far = "某某细则\n\n某区科学技术局\n\n\n\n某区商务局\n\n2023年5月6日\n"  # three blank lines: a paragraph apart, no row
    assert infer_metadata(far)["issuer"] == "某区商务局"
    addressee = "某某细则\n\n各区人民政府\n\n某区科学技术局\n\n2023年5月6日\n"  # 各…: those it is sent to, no body of it
    assert infer_metadata(addressee)["issuer"] == "某区科学技术局"


def test_a_copy_sites_pinyin_readings_are_no_part_of_the_fields():
    """A copy site's 繁體 version writes some characters' readings after them: 關(guān)于印發(fā), 哈政規(guī)〔2022〕9號."""
    text = ("某市人民政府關(guān)于印發(fā)某市支持生物經(jīng)濟發(fā)展若干政策的通知\n\n某政規(guī)〔2022〕9號\n\n各區人民政府：\n\n"
            "某市人民政府\n\n2022年5月28日\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"], meta["issuer"]) == ("某市支持生物經濟發展若干政策", "某政規〔2022〕9號", "某市人民政府")
    kept = "某市人民政府關於印發某市(a)區支持辦法的通知\n"  # letters without a tone mark are no reading
    assert infer_metadata(kept)["title"] == "某市(a)區支持辦法"


def test_a_title_broken_inside_its_kind_word_is_read_whole():
    """A title cut mid-word over two lines (…发展规⏎划（2021—2025年）, …的通⏎知): neither line alone holds the
    document's kind, so the two are read as one title, and the notice's title ends at 知."""
    plan = infer_metadata("南通市生物医药产业发展规\n划（2021—2025年）\n\n南通市人民政府\n2021年9月26日\n"
                          "生物医药产业是战略性新兴产业。为加快发展，编制本规划。\n")
    assert plan["title"] == "南通市生物医药产业发展规划（2021—2025年）"
    assert (plan["plan_start"], plan["plan_end"]) == ("2021", "2025")
    notice = infer_metadata("某州市人民政府办公室印发关于加快医疗器械产业集聚发展的实施意见的通\n知\n"
                            "某府办发〔2024〕57号\n各县（区）人民政府，市政府各部门：\n"
                            "现将该意见印发给你们，请认真贯彻执行。\n")
    assert notice["title"] == "关于加快医疗器械产业集聚发展的实施意见"


@pytest.mark.parametrize("doc", ["r5_a_jiedu_signed", "r5_b_period_below", "r5_c_mismapped_number"])
def test_probed_heads_give_the_gold_meta(doc):
    """A policy's 解读 printed above it (r5_a: the title is the policy's, not …政策解读), a plan named without 《》
    whose period stands under its own title (r5_b), a number whose 〔〕 a PDF's font gave as „‟ (r5_c)."""
    from bioparse import pipeline
    here = Path(__file__).parent / "other_provinces"
    gold = json.loads((here / "gold" / f"{doc}.json").read_text(encoding="utf-8"))["meta"]
    row = pipeline.parse_document(here / "raw" / f"{doc}.txt", doc, {})["documents"][0]
    fields = ("title", "issuer", "doc_number", "date", "level", "region", "plan_start", "plan_end")
    assert {f: row[f] for f in fields} == {f: gold[f] for f in fields}


def test_a_policy_under_its_interpretation_has_its_own_fields():
    """A page giving …若干措施政策解读 (its 发布时间 line) first and the policy after it: the title is the policy's, and
    the 解读's date is not the policy's; a 起草说明 above a draft gives the draft's title. A 解读 alone keeps its own."""
    policy = ("某阳市促进合成生物产业发展若干措施政策解读\n发布时间：2025-03-02　来源：市发展改革委\n一、制定背景\n"
              "《某阳市促进合成生物产业发展若干措施》共四条。\n二、主要内容\n（一）支持研发。\n"
              "某阳市促进合成生物产业发展若干措施\n为加快发展，制定本措施。\n一、支持研发\n（一）对研发投入给予补助。\n")
    meta = infer_metadata(policy)
    assert (meta["title"], meta["date"]) == ("某阳市促进合成生物产业发展若干措施", "")
    draft = ("关于《某市合成生物产业发展行动方案（征求意见稿）》的起草说明\n一、起草背景\n近年来发展较快。\n"
             "某市合成生物产业发展行动方案（征求意见稿）\n一、总体要求\n（一）指导思想。\n")
    assert infer_metadata(draft)["title"] == "某市合成生物产业发展行动方案（征求意见稿）"
    alone = "《某市合成生物产业发展行动方案》政策解读\n发布日期：2024-04-03\n一、起草背景\n近年来发展较快。\n"
    assert infer_metadata(alone)["title"] == "《某市合成生物产业发展行动方案》政策解读"


def test_a_plan_named_without_brackets_takes_the_period_of_its_own_lines():
    """印发X的通知 names X without its period; the 附件 line (附件：X（2025—2027年）) or X's title line over
    （2025—2027年） gives it. A plan whose lines add none keeps the title as named."""
    head = "某州市卫生健康委员会关于印发某州市中医药发展实施方案的通知\n各县（区）卫生健康局：\n现将实施方案印发给你们。\n"
    annex = head + "附件：某州市中医药发展实施方案（2025—2027年）\n某州市卫生健康委员会\n2025年3月12日\n某州市中医药发展实施方案\n"
    assert infer_metadata(annex)["title"] == "某州市中医药发展实施方案（2025—2027年）"
    below = head + "某州市卫生健康委员会\n2025年3月12日\n某州市中医药发展实施方案\n（2025—2027年）\n一、总体要求\n"
    assert infer_metadata(below)["title"] == "某州市中医药发展实施方案（2025—2027年）"
    plain = head + "某州市卫生健康委员会\n2025年3月12日\n某州市中医药发展实施方案\n一、总体要求\n"
    assert infer_metadata(plain)["title"] == "某州市中医药发展实施方案"


def test_a_notice_copied_as_one_line_gives_its_title_issuer_and_number():
    """A PDF's text stored with each line break a blank: its 索引号, number, issuer and 关于印发Y的通知 open one
    long line; the issuer is the body before 关于, not the 索引号 or number before it."""
    flat = ("ABCD01-2022-0007 某政办〔2022〕31 号 某县人民政府办公室 关于印发某县支持医疗器械产业 发展八条政策的通知 "
            "各乡镇人民政府、街道办事处,县政府各部门: 《某县支持医疗器械产业发展八条政策》已经县政府常务会议审议通过,"
            "现印发给你们,请认真贯彻实施。 某县人民政府办公室 2022 年 9 月 6 日 - 1 - 某县支持医疗器械产业发展八条政策 "
            "为加快医疗器械产业发展,特制定本政策。 一、鼓励产品创新。对取得注册证的企业给予奖励。\n")
    meta = infer_metadata(flat)
    assert (meta["title"], meta["issuer"], meta["doc_number"]) == ("某县支持医疗器械产业发展八条政策", "某县人民政府办公室",
                                                                  "某政办〔2022〕31号")
    joint = infer_metadata("某市总工会 某市人力资源和社会保障局关于印发某市职工技能提升行动方案的通知\n各区：\n现印发。\n")
    assert joint["issuer"] == "某市总工会;某市人力资源和社会保障局"  # a body whose name ends in no body's word is kept


def test_a_copy_sites_lines_above_the_title_are_no_part_of_it():
    """发布时间:… 来源:… above a 国务院 意见's title wrapped over two lines is the site's, so the body before 关于 is
    the issuer; a copy site's title line 鲁政发〔2014〕20号《…的实施意见》 gives the title without number and 《》."""
    page = ("发布时间:2024-11-01 21:09:52 来源: 某某网\n国务院关于推动某某地区高质量发展\n奋力开创现代化建设新局面的意见\n"
            "国发〔2023〕16号\n各省、自治区、直辖市人民政府：\n为推动高质量发展，现提出如下意见。\n一、总体要求\n")
    meta = infer_metadata(page)
    assert (meta["title"], meta["issuer"]) == ("国务院关于推动某某地区高质量发展奋力开创现代化建设新局面的意见", "国务院")
    copy = ("某政发〔2014〕20号《某省人民政府关于深化预算管理改革的实施意见》\n\n浏览量:          时间:2016-01-17 23:45:19\n\n"
            "某省人民政府关于深化预算管理改革的实施意见\n\n某政发〔2014〕20号\n\n各市人民政府：\n一、总体要求\n")
    meta = infer_metadata(copy)
    assert (meta["title"], meta["issuer"], meta["doc_number"]) == ("某省人民政府关于深化预算管理改革的实施意见", "某省人民政府",
                                                                  "某政发〔2014〕20号")


def test_a_field_table_copied_without_colons_gives_no_label_in_number_or_title():
    """A site's table copied as text loses its colons (文件编号桐政办〔2022〕24号 关联文件 over the title): the
    number is read without its label, and the field line is no first line of the title."""
    text = ("索引号A001/2022-1234 发布机构县市场监管局 发布日期2022-08-16 17:51:53\n"
            "文件编号某政办〔2022〕24号 关联文件\n某县支持医疗器械产业发展七条政策\n访问次数:\n\n"
            "为加快医疗器械产业发展，特制定本政策。\n一、鼓励产品创新。对取得注册证的企业给予奖励。\n")
    meta = infer_metadata(text)
    assert (meta["title"], meta["doc_number"]) == ("某县支持医疗器械产业发展七条政策", "某政办〔2022〕24号")


def test_a_number_run_into_the_source_on_a_pages_facts_line():
    """发布时间:… 来源:某市科学技术委员会某科合(2009)029号: the number starts after the body's name it runs into."""
    text = ("某市科委、市发展改革委关于印发《某市生物医药产业发展行动计划(2009-2012年)》的通知\n"
            "发布时间:2009-07-31 来源:某市科学技术委员会某科合(2009)029号\n各区科委、各产业基地：\n现将计划印发给你们。\n"
            "某市科学技术委员会\n某市发展和改革委员会\n二○○九年七月三十日\n")
    assert infer_metadata(text)["doc_number"] == "某科合(2009)029号"


def test_a_notice_attaching_its_guide_by_an_annex_line_takes_the_guides_title():
    """关于组织申报…的通知 with 附件：X申报指南 (no 印发, no 《》) and X's own title line below: the text is X's.
    A notice whose annex is not set out below keeps its own title."""
    head = ("某川市卫生健康委员会\n关于组织开展2025年度中医药特色项目申报工作的通知\n\n各县（区）卫生健康局：\n"
            "　　现将有关事项通知如下，请认真组织申报。\n　　附件：2025年度中医药特色项目申报指南\n\n"
            "某川市卫生健康委员会\n2025年2月10日\n\n")
    guide = "2025年度中医药特色项目申报指南\n\n一、支持方向\n　　支持中医药特色专科建设。\n"
    m = infer_metadata(head + guide)
    assert (m["title"], m["issuer"], m["date"]) == ("2025年度中医药特色项目申报指南", "某川市卫生健康委员会", "2025-02-10")
    m = infer_metadata(head + "一、支持方向\n　　支持中医药特色专科建设。\n")
    assert m["title"] == "某川市卫生健康委员会关于组织开展2025年度中医药特色项目申报工作的通知"
    for label in ("附件一：", "附 件：", "附件 1："):  # the label as io and structure read it (numerals.ANNEX_LABEL)
        m = infer_metadata(head.replace("附件：", label) + guide)
        assert m["title"] == "2025年度中医药特色项目申报指南", label


def test_a_notice_passing_on_a_bodys_rules_takes_their_title_and_signs_with_digit_zeros():
    """关于批转…的通知: the 《X》 it 转发s is the policy; its 落款 date 二00八年… (zeros typed as the digit 0) is a date,
    so the body above it is the issuer."""
    text = ("某江省某州市人民政府\n\n关于批转某州市中药材市场管理办法的通知\n\n某政〔2008〕17号\n\n各县（市）人民政府，市政府各部门：\n"
            "　　市政府同意市商务局拟订的《某州市中药材市场管理办法》，现转发给你们，请认真执行。\n\n某州市人民政府\n"
            "二00八年五月九日\n\n某州市中药材市场管理办法\n\n第一条 为规范中药材市场秩序，制定本办法。\n")
    m = infer_metadata(text)
    assert (m["title"], m["issuer"], m["date"], m["doc_number"]) == (
        "某州市中药材市场管理办法", "某州市人民政府", "2008-05-09", "某政〔2008〕17号")


def test_a_placeless_issuer_field_gives_way_to_the_body_the_title_names():
    """A district site's 发布机构 names a level, not a place (区政府); the 名称 field's body before 关于 is the issuer.
    A field that names a place is kept, and a placeless one stays when the title names no body."""
    text = ("索 引 号: | WA0310004-2023-011 | 主题分类: | 区府办文件 |\n发布机构: | 区政府 | 发文日期: | 2023-06-02 |\n"
            "名 称: | 上海市某定区人民政府关于促进生物医药产业发展的实施方案 | ||\n文 号: | 某府发〔2023〕12号 |\n"
            "各镇人民政府，各街道办事处：\n一、总体要求\n")
    assert infer_metadata(text)["issuer"] == "上海市某定区人民政府"
    assert labelled_fields("发布机构：区政府办公室\n名称：某区人民政府办公室关于印发某区医药产业若干措施的通知\n")["issuer"] \
        == "某区人民政府办公室"
    assert labelled_fields("发布机构：某区科委\n名称：某区人民政府关于促进医药产业发展的实施方案\n")["issuer"] == "某区科委"
    assert labelled_fields("发布机构：区政府\n名称：促进医药产业发展的实施方案\n")["issuer"] == "区政府"


def test_a_screen_readers_hint_above_a_page_title_is_no_part_of_it():
    """A district site's copy opens with a hint for screen readers (正文内容区域请使用tab按钮切换浏览): page furniture,
    so the title (and the region read from it) is the 《…》 line's alone."""
    for hint in ("正文内容区域请使用tab按钮切换浏览", "跳过导航", "请按TAB键切换到正文"):
        meta = infer_metadata(f"{hint}\n《某陀区加快发展生命健康产业实施意见》\n2024年09月20日 来源: 上海某陀\n"
                              "为加快发展生命健康产业，制定本实施意见。\n一、支持企业集聚\n")
        assert (meta["title"], meta["region"]) == ("某陀区加快发展生命健康产业实施意见", "某陀区"), hint


@pytest.mark.parametrize("name,want", [("自治区人民政府办公厅", ("province", "")), ("自治区发展改革委", ("province", "")),
                                       ("自治州人民政府", ("city", "")),
                                       ("新疆生产建设兵团办公厅", ("province", "新疆生产建设兵团")),
                                       ("兵团办公厅", ("province", "新疆生产建设兵团"))])
def test_a_body_named_by_its_level_alone_is_no_district_called_zizhiqu(name, want):
    """自治区人民政府办公厅 (as Xinjiang's and Ningxia's own pages write it) is a province with no place named, not the
    district 自治区; the 兵团 ranks as a province."""
    assert level_and_region(name) == want


def test_an_autonomous_region_named_only_by_its_document_number():
    """With no place in the issuer or title, the region is the one its 新政办发 number stands for; a later source at
    the same level names it otherwise (自治州人民政府 over a 延边州 title)."""
    from bioparse.metadata import level_and_region_of
    meta = infer_metadata("自治区人民政府办公厅关于印发\n自治区推进生物医药产业发展若干措施的通知\n新政办发〔2024〕21号\n"
                          "各地、州、市人民政府：\n　　现将《自治区推进生物医药产业发展若干措施》印发给你们。\n\n"
                          "自治区人民政府办公厅\n2024年5月6日\n\n自治区推进生物医药产业发展若干措施\n一、总体要求\n")
    assert (meta["level"], meta["region"], meta["issuer"]) == ("province", "新疆维吾尔自治区", "自治区人民政府办公厅")
    assert level_and_region_of(["自治州人民政府", "延边州朝医药产业发展实施方案"]) == ("city", "延边州")


def test_a_title_cited_short_takes_the_notice_titles_full_name():
    """现将《若干措施》印发给你们 cites the policy by its kind alone; the notice's title names it in full."""
    meta = infer_metadata("广西壮族自治区人民政府办公厅关于印发广西壮瑶医药产业发展\n若干措施的通知\n桂政办发〔2024〕40号\n\n"
                          "各市、县人民政府：\n　　现将《若干措施》印发给你们。\n\n广西壮族自治区人民政府办公厅\n\n"
                          "广西壮瑶医药产业发展若干措施\n（2024年5月6日）\n一、总体要求\n")
    assert meta["title"] == "广西壮瑶医药产业发展若干措施"
    cited = infer_metadata("某市人民政府关于印发某市促进生物医药产业发展若干措施的通知\n"
                           "　　现将《某市促进生物医药产业发展若干措施》印发给你们。\n")
    assert cited["title"] == "某市促进生物医药产业发展若干措施"


def test_a_page_whose_fields_name_no_place_takes_the_region_of_its_number():
    """A page's 发文机关 自治区人民政府办公厅 over a text with no notice: the 发文字号 宁政办规发 names the region."""
    merged, _ = merge_metadata({}, {"level": "province", "region": "", "doc_number": "宁政办规发〔2024〕3号"}, "x.html")
    assert merged["region"] == "宁夏回族自治区"
    merged, _ = merge_metadata({}, {"level": "city", "region": "", "doc_number": "宁政办发〔2018〕47号"}, "x.html")
    assert merged["region"] == ""  # 宁 is also 南京's: only a province's number names an autonomous region


@pytest.mark.parametrize("name,want", [("黔东南苗族侗族自治州人民政府办公室", ("city", "黔东南苗族侗族自治州")),
                                       ("湖北省恩施土家族苗族自治州人民政府", ("city", "恩施土家族苗族自治州")),
                                       ("长阳土家族自治县人民政府", ("district", "长阳土家族自治县")),
                                       ("双江拉祜族佤族布朗族傣族自治县人民政府", ("district", "双江拉祜族佤族布朗族傣族自治县")),
                                       ("莫力达瓦达斡尔族自治旗人民政府", ("district", "莫力达瓦达斡尔族自治旗"))])
def test_autonomous_prefectures_and_counties_with_long_names(name, want):
    """The peoples in an autonomous prefecture's or county's name run past six characters; its level is still known."""
    assert level_and_region(name) == want


def test_a_law_databases_head_line_of_date_then_number_gives_the_number():
    """A law database sets the notice's date and number on one line under its title (2006年10月26日 财建〔2006〕689号);
    the number is read after the date, which the blank parts from it, not with the date's 日 taken into it."""
    m = infer_metadata("某省财政厅关于印发《某省生物医药产业专项资金管理暂行办法》的通知\n"
                       "2025年3月12日 某财教〔2025〕31号\n"
                       "各市财政局：\n现将《某省生物医药产业专项资金管理暂行办法》印发你们，请遵照执行。\n"
                       "附件：某省生物医药产业专项资金管理暂行办法\n附件：\n某省生物医药产业专项资金管理暂行办法\n"
                       "第一条　为规范专项资金管理，制定本办法。\n第二条　本办法自印发之日起施行。\n")
    assert (m["doc_number"], m["date"]) == ("某财教〔2025〕31号", "2025-03-12")


def test_a_ministries_joint_signature_of_two_dozen_rows_spaced_names_and_a_bank():
    """A national notice signed by many ministries one a line: names spaced to a row's width (商  务  部), 人民银行
    and 银保监会 among them, more than a dozen rows; every body is an issuer and the level is national."""
    bodies = ["国家发展改革委", "教  育  部", "科  技  部", "工业和信息化部", "民  政  部", "财  政  部", "人力资源社会保障部",
              "自然资源部", "生态环境部", "住房城乡建设部", "商  务  部", "农业农村部", "国家卫生健康委", "人 民 银 行",
              "市场监管总局", "银 保 监 会", "证  监  会", "国家医保局", "国家中医药局", "国家药监局"]
    text = ("关于印发《某某产业协同发展行动纲要（2025—2027年）》的通知\n某发改社会〔2025〕88号\n各省、自治区、直辖市有关部门：\n"
            "　　为推动某某产业协同发展，我们制定了行动纲要，现印发给你们，请认真贯彻执行。\n\n"
            + "\n\n".join("　　" + b for b in bodies) + "\n\n　　2025年4月9日\n")
    meta = infer_metadata(text)
    assert meta["issuer"].split(";") == [b.replace(" ", "") for b in bodies]
    assert (meta["level"], meta["region"]) == ("national", "全国")


def test_a_seal_note_between_the_signing_body_and_the_date():
    """A body without a seal of its own signs with another's (（某管理局代章）) on the line under its name: the note
    is no body, and the name above it is the issuer."""
    meta = infer_metadata("各成员单位：\n现将实施分工方案印发给你们，请认真落实。\n附件：某某规划纲要（2021—2035年）实施分工方案\n"
                          "某某工作部际联席会议办公室\n（国家某某管理局代章）\n2022年5月9日\n")
    assert (meta["issuer"], meta["date"]) == ("某某工作部际联席会议办公室", "2022-05-09")


def test_a_title_whose_second_line_opens_with_the_period_it_implements():
    """某某规划纲要⏎（2021—2035年）实施分工方案: the second line starts with the implemented plan's years and ends in
    the title's own kind; it belongs to the title."""
    meta = infer_metadata("2022年5月9日\n某某发展规划纲要\n（2021—2035年）实施分工方案\n一、加强基础建设\n")
    assert meta["title"] == "某某发展规划纲要（2021—2035年）实施分工方案"


def test_a_policy_cited_after_its_approval_or_as_another_bodys_is_told_apart():
    """《X》已经市政府第12次常务会议研究通过，现印发给你们 cites X though the approval stands before 印发; a body's
    印发的《Y》 cites Y, a document the plan follows, not the one issued."""
    meta = infer_metadata("各县、区人民政府：\n《某市推进数字产业发展实施方案》已经市政府第12次常务会议研究通过，现印发给你们，请认真落实。\n"
                          "2021年3月2日\n某市推进数字产业发展实施方案\n根据某省委办公厅印发的《某省推进数字产业发展实施方案》精神，制定本方案。\n"
                          "一、总体要求\n")
    assert (meta["title"], meta["level"], meta["region"]) == ("某市推进数字产业发展实施方案", "city", "某市")


def test_a_news_headline_over_the_notice_title_is_no_part_of_the_title():
    """A page sets its own headline (国务院印发X(附全文)) above the notice 某办公厅关于印发X的通知: the title is X."""
    meta = infer_metadata("国务院印发“十五五”某某发展规划(附规划全文)\n\n    某某院办公厅关于印发“十五五”某某发展规划的通知\n"
                          "    某办发〔2026〕7号\n各部门：\n《“十五五”某某发展规划》已经同意，现印发给你们，请认真贯彻执行。\n")
    assert meta["title"] == "“十五五”某某发展规划"


def test_a_policy_portals_issuing_department_field():
    """A policy portal labels the issuer 发文部门：; the department is the issuer when the text names none."""
    meta = infer_metadata("某市新材料产业发展三年行动计划\n发布时间:2023-05-06\n政策级别:市级\n发文部门:某市工业和信息化局\n"
                          "某市新材料产业发展三年行动计划\n为推动新材料产业发展，制定本行动计划。\n一、总体要求\n")
    assert meta["issuer"] == "某市工业和信息化局"


def test_a_decrees_head_after_its_title_and_its_signer_on_the_date_line():
    """A law database sets the title and the decree's head on one line (…管理办法 某省人民政府令 第88号) and the signer
    with the date (省长 某某某 2019年9月3日): the issuer and number are the head's, the date the signer's, not the
    date of the meeting that passed it."""
    meta = infer_metadata("某省河道采砂管理办法 某省人民政府令 第88号\n"
                          "《某省河道采砂管理办法》已经2019年8月20日省人民政府第31次常务会议通过，现予公布，自2019年11月1日起施行。\n"
                          "省长 某某某 2019年9月3日\n某省河道采砂管理办法\n第一条 为了规范河道采砂，制定本办法。\n")
    assert (meta["issuer"], meta["doc_number"], meta["date"]) == ("某省人民政府", "某省人民政府令第88号", "2019-09-03")


def test_a_traditional_title_over_two_lines_is_given_back_as_written():
    """A 繁體 page's title over two lines (省人民政府關於⏎…的若干意見) is read in simplified characters; the title is
    given back in the page's own characters, all of them."""
    meta = infer_metadata("省人民政府關於\n進一步促進民營經濟發展的若干意見\n某政發〔2019〕12號\n各市、縣人民政府：\n一、總體要求\n")
    assert meta["title"] == "省人民政府關於進一步促進民營經濟發展的若干意見"


def test_a_red_head_names_the_issuer_when_the_notice_title_does_not():
    """A copy whose site blurb ran into the notice title and which lost its 落款 still has its red head
    (某省人民政府办公厅文件): that body is the issuer."""
    meta = infer_metadata("某省人民政府办公厅文件\n简介:本站为你整理了相关的文档，但愿对你有帮助。\n某省人民政府办公厅文件\n"
                          "某政办发〔2010〕5号\n关于做好某项工作的通知\n各市人民政府：\n一、提高认识。\n")
    assert meta["issuer"] == "某省人民政府办公厅"


def test_a_ministries_notice_under_a_news_headline_gives_the_gold_meta():
    """y1_a_ministries_headline: a page's headline (某部印发X（附全文）) over 关于印发X（2025—2027年）的通知, and a 落款 of
    seventeen ministries one a row, spaced names among them: the title, every issuer, the number and the date."""
    from bioparse import pipeline
    here = Path(__file__).parent / "other_provinces"
    doc = "y1_a_ministries_headline"
    gold = json.loads((here / "gold" / f"{doc}.json").read_text(encoding="utf-8"))["meta"]
    row = pipeline.parse_document(here / "raw" / f"{doc}.txt", doc, {})["documents"][0]
    fields = ("title", "issuer", "doc_number", "date", "level", "region", "plan_start", "plan_end")
    assert {f: row[f] for f in fields} == {f: gold[f] for f in fields}


def test_a_plan_title_under_a_long_signature_is_read():
    """A notice cited its plan in a sentence of its own (制定了《X》。现印发给你们) and a score of bodies sign one a row:
    the plan's title line stands under the date, past the lines a title is looked for in, and is still the title."""
    bodies = ["某某部", "某某委", "某某局", "某某总局", "某某署", "某某办", "某某院", "某某中心", "某某厅", "某某海关",
              "某某监会", "某某银行", "某某协会", "某某联合会", "某某研究室"]
    meta = infer_metadata("某发〔2020〕9号\n各有关单位：\n为推动协同发展，我们制定了《某某产业促进纲要（2020—2022年）》。现印发给你们。\n"
                          + "\n".join(bodies) + "\n2020年6月1日\n某某产业促进纲要（2020—2022年）\n一、总体要求\n")
    assert (meta["title"], meta["date"]) == ("某某产业促进纲要（2020—2022年）", "2020-06-01")


def test_a_title_line_set_in_book_title_marks():
    """A page sets its title line in 《》 (《某区加快发展某某产业实施意见（草案）》): the title is without them, and names
    its district."""
    meta = infer_metadata("《某某区加快发展生命健康产业实施意见（草案）》\n2024年09月20日 来源：某某发布\n现将草案予以公示。\n")
    assert (meta["title"], meta["level"], meta["region"]) == ("某某区加快发展生命健康产业实施意见（草案）", "district", "某某区")


def test_a_traditional_national_documents_region_is_the_label():
    """全国 is the label of a national document's region, not a place its text names: a 繁體 text's 全國衛生… does not
    make it 全國."""
    meta = infer_metadata("國務院辦公廳關於印發某某規劃的通知\n國辦發〔2022〕5號\n各省人民政府：\n全國衛生工作會議精神……現印發給你們。\n"
                          "國務院辦公廳\n2022年3月3日\n")
    assert (meta["level"], meta["region"]) == ("national", "全国")


def test_a_number_set_before_the_notice_title_on_its_line():
    """A copy sets the number before the notice title on one line (某财教【2018】7号 某部 某委关于…的通知), or runs a
    whole notice into one line (某政办发〔2019〕3号某县人民政府办公室关于印发X的通知各乡镇…): the number is no part of
    the title, and the bodies after it are the issuers."""
    meta = infer_metadata("某财教【2018】7号 某某部 某某委关于做好专项资金管理工作的通知\n\n各省财政厅：\n一、加快执行进度。\n")
    assert (meta["title"], meta["issuer"], meta["doc_number"]) == (
        "某某部某某委关于做好专项资金管理工作的通知", "某某部;某某委", "某财教【2018】7号")
    flat = infer_metadata("某政办发〔2019〕3号某某县人民政府办公室关于印发某某县中药材产业发展规划（2019—2025年）的通知各乡（镇）"
                          "人民政府：现将《某某县中药材产业发展规划（2019—2025年）》印发给你们。某某县人民政府办公室2019年5月8日一、发展概况\n")
    assert (flat["issuer"], flat["title"]) == ("某某县人民政府办公室", "某某县中药材产业发展规划（2019—2025年）")


def test_a_plan_citing_another_in_its_tasks_keeps_its_own_title():
    # a 工作要点 with no notice: its task 3 cites a 条例 and issues an 实施意见, which is no title of its own
    text = ("数字某东建设2025年工作要点\n\n一、加快培育数字化发展引擎\n（一）打造数字技术创新高地。\n"
            "1.推进产业协同创新。支持创新中心提升创新能力。（省工业和信息化厅牵头）\n"
            "2.完善数据要素制度体系。加快推进《某东省数据条例》立法进程，印发省加快公共数据资源开发利用的实施意见。（省政务和数据局牵头）\n")
    assert infer_metadata(text)["title"] == "数字某东建设2025年工作要点"


def test_a_reply_reporting_plans_issued_before_names_none_as_its_title():
    """A reply or report that tells of plans issued earlier (制定印发了《X》, 先后印发《X》《Y》) names no title of its own
    there, and the five-year plan it reports gives no plan years: only a 印发 that issues the text (现将《X》印发) does."""
    reply = ("某某委员会第三次会议的提案收悉，现答复如下。\n某某卫生健康委统筹部署了规划编制工作，制定印发了《某某事业“十四五”发展规划编制方案》，"
             "组建了课题组。\n感谢对中医药事业的关注与支持。\n某某自治区卫生健康委员会\n2020年9月27日\n")
    meta = infer_metadata(reply)
    assert (meta["title"], meta["plan_start"], meta["plan_end"]) == ("", "", "")
    assert meta["issuer"] == "某某自治区卫生健康委员会"
    listed = ("某某党委：\n贵委提出的提案收悉，现答复如下：\n自治区层面先后印发《某某中医药发展“十四五”规划》《某某振兴发展三年攻坚行动实施方案（2021—2023年）》"
              "等，为产业发展提供政策支持。\n一、关于种植基地建设的相关事宜\n")
    assert (infer_metadata(listed)["title"], infer_metadata(listed)["plan_start"]) == ("", "")


def test_a_title_cited_before_another_notices_name_is_not_issued():
    """《中国制造2025》，按照《关于印发…的通知》: the 印发 stands in the next 《》, a notice the text cites, and issues
    nothing of the title before it."""
    text = ("为贯彻落实某某规划纲要和《中国制造2025》，按照《关于印发某某部规划体系的通知》（某厅规〔2015〕24号）的有关要求，"
            "某某部研究编制了《某某工业发展规划指南》，并于日前正式印发。\n《指南》明确提出：\n1、推动创新升级。\n")
    assert infer_metadata(text)["title"] != "中国制造2025"


def test_a_preamble_before_about_names_no_issuer():
    """为贯彻落实区委、区政府关于…的决策部署: a purpose clause's bodies before 关于 are no issuer of the text, nor its region."""
    meta = infer_metadata("为贯彻落实区委、区政府关于高质量发展生物医药产业的决策部署,聚焦某某区生物医药产业发展,结合我区实际,制定如下政策。\n"
                          "发布时间:2024-02-26 查看详情\n")
    assert (meta["issuer"], meta["region"]) == ("", "")


def test_a_title_run_on_into_its_preamble_names_no_issuer():
    """A copy whose title line is followed at once by its preamble (…政策措施⏎为贯彻落实省委、省人民政府关于…):
    the head read as one notice title holds 政策措施为贯彻落实省委、省人民政府 before 关于, a purpose clause's
    bodies run on from the title, no issuer (a 宜昌-style 政策措施 as a repost gives it); the title stays."""
    meta = infer_metadata("进一步推进大健康和生物技术产业发展政策措施\n"
                          "为贯彻落实省委、省人民政府关于加快推进全省大健康产业发展的工作部署,特制定本政策措施。\n"
                          "一、引进培育头部企业。每年引进培育2—3家头部企业。\n")
    assert (meta["title"], meta["issuer"], meta["region"]) == ("进一步推进大健康和生物技术产业发展政策措施", "", "")


def test_a_supply_cooperatives_federation_signs_with_the_other_bodies():
    """某省供销合作社联合社 is a body of a joint 落款 as 某省林业局 beside it is: two a row, four rows."""
    text = ("各市、县（区）经信局：\n现将工作方案印发给你们，请结合实际抓好落实。\n"
            "某某省经济和信息化厅 某某省农业农村厅\n某某省卫生健康委员会 某某省医疗保障局\n"
            "某某省供销合作社联合社 某某省林业局\n某某省中医药管理局 某某省药品监督管理局\n2023 年 8 月 29 日\n")
    assert infer_metadata(text)["issuer"].split(";") == [
        "某某省经济和信息化厅", "某某省农业农村厅", "某某省卫生健康委员会", "某某省医疗保障局",
        "某某省供销合作社联合社", "某某省林业局", "某某省中医药管理局", "某某省药品监督管理局"]


def test_an_interpretations_title_names_its_policys_place():
    """《厦门市…若干措施》政策解读: the policy in 《》 at the head of an interpretation's title names its level and region."""
    meta = infer_metadata("《某某市加快推进生物医药产业高质量发展若干措施》政策解读\n\n背景依据\n某某市于2015年出台首个生物医药产业政策。\n")
    assert (meta["level"], meta["region"]) == ("city", "某某市")


def test_an_indented_signature_date_line_is_one():
    """A copy that centres its 落款 with runs of blanks (国务院办公厅 and its date each after a hundred spaces) still has a
    date line there, and the body above it is the issuer, not a news headline's 国务院印发…."""
    pad = " " * 120
    text = ("国务院印发某某发展规划(附规划全文)\n\n    国务院办公厅关于印发某某发展规划的通知\n    国办发〔2022〕5号\n"
            "各省、自治区、直辖市人民政府：\n《某某发展规划》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
            f"{pad}国务院办公厅\n{pad}2022年3月3日\n\n某某发展规划\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["date"]) == ("国务院办公厅", "2022-03-03")


def test_a_number_after_a_sites_blurb_label():
    """简介:鄂政发[2017]28号各市、州、县人民政府…: a site's blurb label before a flat copy's opening number."""
    meta = infer_metadata("简介:某政发[2017]28号各市、州、县人民政府,省政府各部门:现将《某某省卫生与健康事业发展'十三五'规划》印发给你们,"
                          "请认真贯彻执行。2017年6月9日某某省卫生与健康事业发展'十三五'规划健康是幸福之基。\n")
    assert meta["doc_number"] == "某政发[2017]28号"


def test_a_date_line_behind_lost_indentation_marks():
    """A page saved through a code page without its blanks shows each indent as ?? (??2018年5月14日): the line is
    the 落款's date still, and the body above it the issuer."""
    text = ("各县(市)、区人民政府,市政府各直属单位:\n??经市政府同意,现将《某某市防治慢性病中长期规划(2018—2025年)》印发给你们,"
            "请认真贯彻执行。\n某某市人民政府办公室\n??2018年5月14日\n??某某市防治慢性病中长期规划(2018—2025年)\n??一、规划背景\n")
    meta = infer_metadata(text)
    assert (meta["issuer"], meta["date"]) == ("某某市人民政府办公室", "2018-05-14")


def test_a_draft_put_out_for_comment_is_the_texts_title():
    """某局起草了《X（征求意见稿）》，现公开征求意见: the draft in 《》, marked 征求意见稿, is what the page is about."""
    text = ("为贯彻落实决策部署,结合我市实际,某某市经济和信息化局起草了《加快生命健康未来产业高质量发展实施方案(征求意见稿)》,"
            "现公开征求意见,如有修改意见或建议,请于公示期内反馈。\n\n  1.联系人:张某;\n\n某某市经济和信息化局  \n\n2025年7月4日\n")
    assert infer_metadata(text)["title"] == "加快生命健康未来产业高质量发展实施方案(征求意见稿)"
