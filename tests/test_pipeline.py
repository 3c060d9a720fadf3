"""One document through every stage, and the build's tables on disk."""
import pandas as pd
import pytest

from bioparse.build import build
from bioparse.errors import BioparseError
from bioparse.pipeline import parse_document, parse_documents
from bioparse.schema import columns


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


DOC = ("天津市人民政府办公厅关于印发示例措施的通知\n"
       "为推动发展，制定本措施。\n"
       "一、总体要求\n"
       "（一）主要目标。到2027年，产业规模突破100亿元，企业达到100家。\n"
       "二、重点任务\n"
       "（一）加强研发。支持创新药研发，审评时限压缩至60个工作日。（责任单位：市科委、市卫生计生委）\n"
       "(二) 加强人才。引进人才。\n\n（市人社局、市教委按职责分工负责）\n")


def test_parse_document_rows_are_traceable(tmp_path):
    p = write(tmp_path, "x.txt", DOC, "gbk")
    res = parse_document(p, "x")
    text = res["text"]
    provs = res["provisions"]
    assert [r["provision_id"] for r in provs] == ["0", "1", "1.1", "2", "2.1", "2.2"]
    assert "".join(text[r["start"]:r["end"]] for r in provs) == text
    ag = {(a["provision_id"], a["agency"], a["agency_canonical"]) for a in res["agencies"]}
    assert ("2.1", "市科委", "市科技局") in ag
    assert ("2.1", "市卫生计生委", "市卫生健康委") in ag
    assert ("2.2", "市人社局", "市人社局") in ag
    for a in res["agencies"]:
        assert text[a["start"]:a["end"]] == a["agency"]
    tg = {(t["provision_id"], t["value"], t["unit"], t["year"]) for t in res["targets"]}
    assert ("1.1", 100.0, "亿元", 2027) in tg
    assert ("2.1", 60.0, "工作日", None) in tg
    doc = res["documents"][0]
    assert doc["encoding"].lower().replace("-", "") in {"gbk", "gb18030", "gb2312"}
    assert doc["n_provisions"] == 6



def test_a_letter_spaced_document_reads_as_the_same_text_set_close(tmp_path):
    """A text with a blank after every character (as some PDFs and pages give it) yields the rows of its
    plain twin, each row's raw span still covering its spaced source."""
    spaced = "\n".join(" ".join(line) for line in DOC.replace("\n\n", "\n").splitlines())
    plain = parse_document(write(tmp_path, "plain.txt", DOC.replace("\n\n", "\n")), "p")
    res = parse_document(write(tmp_path, "spaced.txt", spaced), "s")
    for table, keys in (("provisions", ("provision_id", "title")), ("agencies", ("provision_id", "agency")),
                        ("targets", ("provision_id", "value", "unit", "year"))):
        assert [tuple(r[k] for k in keys) for r in res[table]] == [tuple(r[k] for k in keys) for r in plain[table]]
    assert res["documents"][0]["title"] == plain["documents"][0]["title"]
    for r in res["provisions"]:
        assert "".join(spaced[r["raw_start"]:r["raw_end"]].split()) == "".join(r["text"].split())


def test_parse_documents_gives_what_parse_document_gives_and_keeps_going_past_a_bad_file(tmp_path):
    a = write(tmp_path, "a.txt", DOC)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    b = write(tmp_path, "b.txt", "二、重点任务\n（一）加快审评。审评时限压缩至30个工作日。（市药监局负责）\n", "gbk")
    meta = {"title": "清单标题"}
    batch = parse_documents([(a, "a", None), (bad, "bad", None), (str(b), "b", meta)])
    assert batch[0] == parse_document(a, "a") and batch[2] == parse_document(b, "b", meta)
    assert batch[2]["documents"][0]["title"] == "清单标题"
    assert isinstance(batch[1], BioparseError) and "bad.txt" in str(batch[1])
    with pytest.raises(BioparseError, match="bad.txt"):
        parse_document(bad, "bad")


def test_build_writes_every_table(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    write(raw, "a.txt", DOC)
    write(raw, "b.txt", DOC.replace("示例措施", "另一措施"))
    (raw / "broken.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = build(raw, out, cache_dir=None, quiet=True)
    assert result.counts["documents"] == 2
    assert any("broken.txt" in msg for _, msg in result.problems)
    # the file not read is listed in warnings.csv under its doc_id
    warned = pd.read_csv(out / "warnings.csv", dtype=str, keep_default_na=False)
    assert [d for d, w in zip(warned["doc_id"], warned["warning"]) if "broken.txt" in w] == ["broken"]
    for t in ("documents", "provisions", "agencies", "targets"):
        csv = pd.read_csv(out / f"{t}.csv", dtype=str)
        assert list(csv.columns) == columns(t)
        assert len(pd.read_parquet(out / f"{t}.parquet")) == len(csv)
    assert (out / "datapackage.json").exists()
    assert (out / "text" / "a.txt").read_text(encoding="utf-8").startswith("天津市人民政府办公厅")
    assert list(pd.read_csv(out / "warnings.csv").columns) == ["doc_id", "warning"]


def test_summary_prints_the_first_warnings_and_points_to_the_file_with_all(tmp_path):
    import io

    from bioparse.build import BuildResult, print_summary, write_warnings

    warnings = [(f"d{i}", f"title differs ({i})") for i in range(5)]
    write_warnings(tmp_path, warnings)
    out = io.StringIO()
    print_summary(BuildResult(counts={"documents": 5}, warnings=warnings, outdir=tmp_path), out, most_warnings=2)
    lines = out.getvalue().splitlines()
    assert [ln for ln in lines if ln.startswith("warning:")] == ["warning: d0: title differs (0)",
                                                               "warning: d1: title differs (1)"]
    assert "3 more warnings; all 5 are in" in out.getvalue()
    assert pd.read_csv(tmp_path / "warnings.csv").values.tolist() == [list(w) for w in warnings]


def test_another_places_agencies_keep_their_names(tmp_path):
    # Tianjin's 2018 renames (市科委 → 市科技局) are not applied to a Shanghai document.
    text = DOC.replace("天津市人民政府办公厅", "上海市人民政府办公厅")
    res = parse_document(write(tmp_path, "sh.txt", text), "sh")
    ag = {(a["agency"], a["agency_canonical"]) for a in res["agencies"]}
    assert ("市科委", "市科委") in ag and ("市卫生计生委", "市卫生计生委") in ag


@pytest.mark.parametrize("date, want", [("2025年3月14日", "baseline"), ("2024年3月14日", "goal"), ("", "goal")])
def test_figures_of_a_sentence_headed_by_a_year_before_the_documents_are_baselines(tmp_path, date, want):
    text = ("某区生物医药产业行动计划\n一、总体目标\n近年来，产业规模稳步扩大，2024年全区实现营业收入186亿元，"
            "拥有规模以上企业68家，到2027年，规模以上企业达到150家。\n二、重点任务\n（一）建设平台。2024年，建成中试平台3个。\n"
            "（二）引进企业。对2023年以来新落户的企业给予最高500万元奖励。\n" + date + "\n")
    res = parse_document(write(tmp_path, "s.txt", text), "s")
    status = {t["text"]: t["status"] for t in res["targets"]}
    assert (status["186亿元"], status["68家"], status["3个"]) == (want, want, want)
    assert status["达到150家"] == status["最高500万元"] == "goal"  # after 到2027年; 2023年 heads no clause


def test_a_bracket_headed_by_an_earlier_year_holds_a_baseline(tmp_path):
    """（2023年为385亿元） inside a goal sentence reports the current state; the figures after the bracket
    are goals, and a bracket naming an edition (《…（2019年修订）》) reports nothing."""
    text = ("某市生物医药实施意见\n一、总体目标\n到2026年，全市营业收入达到600亿元（2023年为385亿元），年均增长16%以上。\n"
            "二、重点任务\n（一）支持研发。按照《药品管理法（2019年修订）》，给予最高500万元奖励。\n二〇二四年六月一日\n")
    res = parse_document(write(tmp_path, "b.txt", text), "b")
    status = {t["text"]: (t["status"], t["year"]) for t in res["targets"]}
    assert status == {"达到600亿元": ("goal", 2026), "385亿元": ("baseline", None), "16%以上": ("goal", 2026),
                      "最高500万元": ("goal", None)}


@pytest.mark.parametrize("date", ["二〇二五年三月一日", ""])
def test_a_baseline_reporting_a_past_year_has_no_goal_year(tmp_path, date):
    """截至2024年底 and 增加至2024年的 report the current state: the year is no goal's (NOTES: only 到20XX年
    goals carry one), whether the plan is dated (its issue) or only its title's period is (plan_start);
    截至2027年底 sets one."""
    text = ("某市生物医药产业发展行动方案（2025—2027年）\n一、发展现状\n截至2024年年末，全市生物医药规上企业达183家，"
            "产业规模由2021年的617亿元增加至2024年的847亿元。\n二、发展目标\n截至2027年底，全市规上企业达到250家。"
            "截至2024年底，全市已有上市企业12家；到2027年，产业规模突破1200亿元。\n" + date + "\n")
    res = parse_document(write(tmp_path, "p.txt", text), "p")
    got = {t["text"]: (t["status"], t["year"]) for t in res["targets"]}
    assert got["达183家"] == got["847亿元"] == ("baseline", None)
    assert got["达到250家"] == ("goal", 2027) and got["突破1200亿元"] == ("goal", 2027)
    assert got["12家"] == ("baseline", None)  # a sentence headed by 截至2024年底: before the issue, or the plan's start


def test_figures_after_a_past_as_of_date_are_baselines_across_sentences(tmp_path):
    """A 2016 plan's 截至2015年底 dates the state it reports, also for a sentence after it that names no year
    (…；共有20个品种年销售额突破亿元): no goal's horizon is before the plan. 截至2020年底 sets a goal, and a past
    到2015年 is left alone (a text may quote an older plan's goals)."""
    text = ("某省“十三五”医药工业发展规划\n规划期为2016-2020年。\n一、发展形势\n截至2015年底，全省共有规模以上医药工业企业84家。"
            "2015年，规模以上工业企业实现主营业务收入171.2亿元；共有20个品种年销售额突破亿元。\n"
            "二、发展目标\n截至2020年底，全省医药工业主营业务收入达到500亿元。\n")
    res = parse_document(write(tmp_path, "sx.txt", text), "sx")
    got = {t["text"]: (t["status"], t["year"]) for t in res["targets"]}
    assert got["84家"] == got["20个"] == ("baseline", None)
    assert got["达到500亿元"] == ("goal", 2020)


def test_a_year_in_chinese_numerals_heading_a_clause_reports_the_current_state(tmp_path):
    text = "某省行动计划\n一、总体目标\n近年来，二〇二三年全省实现营业收入一千九百八十亿元。\n某省人民政府\n二〇二四年五月十日\n"
    (t,) = parse_document(write(tmp_path, "s.txt", text), "s")["targets"]
    assert (t["value"], t["status"]) == (1980.0, "baseline")


def test_current_state_figures_are_baselines_not_goals(tmp_path):
    text = ("一、总体要求\n（一）发展现状。全区现有企业12家，产值13.8亿元。\n"
            "（二）主要目标。到2020年，企业达到20家。\n")
    res = parse_document(write(tmp_path, "s.txt", text), "s")
    status = {t["text"]: t["status"] for t in res["targets"]}
    assert status["12家"] == "baseline" and status["13.8亿元"] == "baseline"
    assert [s for t, s in status.items() if "20家" in t] == ["goal"]


def test_clause_after_a_yishi_run_belongs_to_the_section(tmp_path):
    text = ("一、重点任务\n（一）提升创新能力。一是支持临床试验；二是加快审评审批。\n"
            "责任单位：省科技厅、省药监局\n（二）扩大应用。省医保局牵头，省卫生健康委配合。\n")
    res = parse_document(write(tmp_path, "p.txt", text), "p")
    assert [p["level"] for p in res["provisions"]] == ["part", "section", "point", "point", "section"]
    rows = {(a["provision_id"], a["agency"], a["role"]) for a in res["agencies"]}
    assert {("1.1", "省科技厅", "responsible"), ("1.1", "省药监局", "responsible")} <= rows
    assert {("1.2", "省医保局", "lead"), ("1.2", "省卫生健康委", "support")} <= rows


@pytest.mark.parametrize("text, expected", [
    # no item of （一） has its own clause: the line after item 2 answers for the section;
    # under （二） each item has one, so each keeps its own
    ("一、重点任务\n（一）建设平台。\n1.支持研发机构。给予100万元奖励。\n2.支持中试平台。\n"
     "牵头单位：省科技厅；责任单位：省发展改革委\n（二）扩大应用。\n1.推广新药。\n（责任单位：省卫生健康委）\n"
     "2.推广器械。\n（责任单位：省药监局）\n",
     [("1.1", "省科技厅", "lead"), ("1.1", "省发展改革委", "responsible"),
      ("1.2.1", "省卫生健康委", "responsible"), ("1.2.2", "省药监局", "responsible")]),
    # 【牵头单位】A【配合单位】B is two clauses on one line: the line answers for （一） as one clause line
    # does; under （二） both items have clauses of their own (item 1 two of them), so each keeps its own
    ("一、重点任务\n（一）推广应用。\n1.推广新药。\n2.推广器械。\n【牵头单位】市医保局【配合单位】市卫生健康局\n"
     "（二）扩大合作。\n1.引进项目。\n【牵头单位】市商务局 【配合单位】市药监局\n2.建设园区。\n【责任单位】市发改局\n",
     [("1.1", "市医保局", "lead"), ("1.1", "市卫生健康局", "support"),
      ("1.2.1", "市商务局", "lead"), ("1.2.1", "市药监局", "support"), ("1.2.2", "市发改局", "responsible")]),
    # an article's （一）（二） points are its items: a clause line after the last of them answers for
    # the article when no point has a clause of its own, as after a section's 1. 2. items
    ("第一条　支持研发。对企业给予奖励：\n（一）完成临床试验的，给予奖励；\n（二）获批上市的，给予奖励。\n"
     "（责任单位：市科技局、市财政局）\n第二条　支持平台：\n（一）建设公共服务平台；\n（责任单位：市发展改革委）\n"
     "（二）建设中试平台。\n（责任单位：市工信局）\n",
     [("1", "市科技局", "responsible"), ("1", "市财政局", "responsible"),
      ("2.1", "市发展改革委", "responsible"), ("2.2", "市工信局", "responsible")]),
    # points run on inside the article's paragraph: the clause closing that paragraph is the article's,
    # as one on a line of its own is; a clause inside the run (after （一）) keeps its point
    ("第一条　扶持企业。对企业给予奖励：（一）新落户的，给予奖励；（二）扩产的，给予补助。（责任单位：市商务局、各区人民政府）\n"
     "第二条　支持平台：（一）建设公共服务平台（市发展改革委负责）；（二）建设中试平台。（市工信局负责）\n",
     [("1", "市商务局", "responsible"), ("1", "各区人民政府", "responsible"),
      ("2.1", "市发展改革委", "responsible"), ("2.2", "市工信局", "responsible")]),
], ids=["section_items", "bracket_labels", "article_points", "article_run_on_points"])
def test_a_clause_line_after_a_run_of_items_answers_for_what_holds_them(tmp_path, text, expected):
    """A clause on a line of its own after the last of a run of items answers for the provision holding
    them when no item has a clause of its own; when each has one, the last keeps its own."""
    res = parse_document(write(tmp_path, "l.txt", text), "l")
    assert [(a["provision_id"], a["agency"], a["role"]) for a in res["agencies"]] == expected


def test_a_clause_like_bracket_not_read_is_reported(tmp_path):
    path = write(tmp_path, "a.txt", "一、任务\n（一）加强研发。支持企业。（由龙头企业牵头，高校参与）\n（二）推进。（市科技局负责）\n")
    result = parse_document(path, "a")
    assert [a["agency"] for a in result["agencies"]] == ["市科技局"]
    assert [w for w in result["warnings"] if "（由龙头企业牵头，高校参与）" in w and "provision 1.1" in w]


def test_a_prefix_written_on_each_name_is_not_carried(tmp_path):
    text = ("一、任务\n（一）建设园区。推进建设。（责任单位：区科创局、区发改局，光谷生物城建设办）\n"
            "（二）招商。加强招商。（区招商局、发展改革委按职责分工负责）\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert {r["agency"]: r["agency_canonical"] for r in rows}["光谷生物城建设办"] == "光谷生物城建设办"
    assert {r["agency"]: r["agency_canonical"] for r in rows}["发展改革委"] == "区发展改革委"


def test_an_indicator_table_s_earlier_year_is_a_baseline(tmp_path):
    text = "一、发展目标\n指标\t2024年\t2026年\n生物医药产业规模（亿元）\t1450\t2000\n"
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["targets"]
    assert [(t["value"], t["year"], t["status"]) for t in rows] == [(1450.0, 2024, "baseline"), (2000.0, 2026, "goal")]


def test_a_closing_line_for_a_range_of_articles_answers_for_each(tmp_path):
    text = ("一、支持创新\n第一条　支持研发。给予奖励。\n第二条　支持转化。\n第三条　支持平台。\n"
            "以上第一条至第三条由市科技局牵头，市财政局配合。\n二、支持产业\n第四条　支持企业。（责任单位：市工信局）\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"], a["role"]) for a in rows] == [
        (pid, name, role) for pid in ("1.1", "1.2", "1.3") for name, role in (("市科技局", "lead"), ("市财政局", "support"))
    ] + [("2.4", "市工信局", "responsible")]


def test_a_line_naming_a_range_of_sections_answers_for_each(tmp_path):
    """上述第（一）至（三）项由A牵头，B配合 after （三）, as 以上第一条至第三条由…: each section named gets the
    bodies, not only （三）, whose text holds the line; （四）、（五）项由A负责，第（六）项由B负责 gives each run its own."""
    text = ("一、支持创新\n（一）支持研发。给予奖励。\n（二）支持转化。\n（三）支持平台。\n"
            "上述第（一）至（三）项由市科技局牵头，市财政局配合。\n二、支持产业\n（一）支持企业。\n（二）支持改造。\n"
            "（三）保障用地。\n第（一）、（二）项由市工信局负责，第（三）项由市自然资源和规划局负责。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"], a["role"]) for a in rows] == [
        (pid, name, role) for pid in ("1.1", "1.2", "1.3") for name, role in (("市科技局", "lead"), ("市财政局", "support"))
    ] + [("2.1", "市工信局", "responsible"), ("2.2", "市工信局", "responsible"),
         ("2.3", "市自然资源和规划局", "responsible")]


def test_a_range_of_sections_named_with_their_kind_answers_for_each(tmp_path):
    """以上第(一)至(二)项政策由A负责兑现 after (三): (一) and (二) get A (the line is no part of (三)'s own clause)."""
    text = ("一、支持措施\n(一)支持企业。给予奖励。\n(牵头单位：区经济信息委)\n(二)支持平台。给予补助。\n"
            "(三)支持项目落地。给予支持。\n以上第(一)至(二)项政策由区财政局负责兑现。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert sorted((a["provision_id"], a["agency"]) for a in rows) == [
        ("1.1", "区经济信息委"), ("1.1", "区财政局"), ("1.2", "区财政局")]


@pytest.mark.parametrize("line", ["（一）至（三）项由区卫健委负责。", "（一）、（二）、（三）项由区卫健委负责。"])
def test_a_range_of_sections_opening_its_line_answers_for_each(tmp_path, line):
    """（一）至（三）项由A负责 with no 上述/第 before it, under an article's points: its first label is a reference,
    not the label of a duty sentence, so A is no name 至（三）项由A and (一)–(三) each get A."""
    text = ("第一条　为促进发展，制定本办法。\n第二条　支持措施如下：\n（一）给予研发奖励。\n（二）给予场地补贴。\n"
            "（三）给予人才奖励。\n" + line + "\n第三条　本办法自发布之日起施行。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [("2.1", "区卫健委"), ("2.2", "区卫健委"), ("2.3", "区卫健委")]


def test_an_article_assigning_runs_of_articles_gives_each_its_bodies(tmp_path):
    """第九条　职责分工。本政策第三条至第五条由A负责兑现，第六条、第七条由B负责兑现，第八条由C负责兑现 (a 园区's
    优惠政策): each run of articles, a range or a list, gets the body named after its 由; the assigning article none."""
    text = ("第一条　为促进发展，制定本政策。\n" + "".join(f"第{n}条　支持事项。给予奖励。\n" for n in "二三四五六七八")
            + "第九条　职责分工。本政策第三条至第五条由园区服务中心负责兑现，第六条、第七条由区经济发展局负责兑现，"
            "第八条由区招商局负责兑现。\n第十条　本政策自发布之日起施行。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [
        ("3", "园区服务中心"), ("4", "园区服务中心"), ("5", "园区服务中心"),
        ("6", "区经济发展局"), ("7", "区经济发展局"), ("8", "区招商局")]


def test_a_list_of_articles_alone_answers_for_each(tmp_path):
    """以上第二条、第三条由A负责兑现。 on a line of its own: a list of articles, as a range, gives both articles A."""
    text = "第一条　支持研发。\n第二条　支持转化。\n第三条　支持平台。给予奖励。\n以上第二条、第三条由区科技局负责兑现。\n"
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [("2", "区科技局"), ("3", "区科技局")]


def test_bodies_named_before_the_articles_they_answer_for(tmp_path):
    """第八条　A负责第三条至第五条的受理和兑现，B负责第六条的受理和兑现 (a 扶持办法 naming each body before its
    articles): each body gets the articles after its 负责, a range or one; the assigning article none."""
    text = ("第一条　为促进发展，制定本办法。\n" + "".join(f"第{n}条　支持事项。给予奖励。\n" for n in "二三四五六七")
            + "第八条　区科工信局负责第三条至第五条的受理和兑现，区投促局、区财政局负责第六条、第七条的受理和兑现。\n"
            "第九条　本办法自发布之日起施行。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [
        ("3", "区科工信局"), ("4", "区科工信局"), ("5", "区科工信局"),
        ("6", "区投促局"), ("6", "区财政局"), ("7", "区投促局"), ("7", "区财政局")]


@pytest.mark.parametrize("head", ["附件\n任务分工表\n", "附件1：任务分工表\n"])
def test_a_task_tables_rows_after_the_policy_name_no_bodies(tmp_path, head):
    """An attachment after the policy (a 任务分工表 whose rows read 牵头单位：A / 责任单位：A、B) restates the
    measures' bodies; the annotations give attachments no agencies, so its clauses give no rows."""
    text = ("一、强化创新\n（一）支持注册。给予奖励。（责任单位：市药监局、市财政局）\n"
            "（二）建设平台。给予补助。（责任单位：市科技局）\n某市人民政府办公室\n2025年3月5日\n" + head +
            "1.支持注册\n牵头单位：市药监局\n责任单位：市药监局、市财政局\n"
            "2.建设平台\n牵头单位：市科技局\n责任单位：市科技局、市工信局\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [
        ("1.1", "市药监局"), ("1.1", "市财政局"), ("1.2", "市科技局")]


def test_a_section_reference_inside_prose_spreads_nothing(tmp_path):
    """符合第（一）项条件的项目由市工信局负责审核 names no run of sections at a line's start: the clause stays put."""
    text = "（一）支持研发。给予奖励。\n（二）支持转化。对符合第（一）项条件的项目，由市工信局负责。\n"
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert {a["provision_id"] for a in rows} <= {"2"}


def test_a_note_bracket_closing_a_clause_line_gives_no_warning(tmp_path):
    text = "一、任务\n（一）加强研发。支持企业。\n责任单位：省科技厅、省发展改革委（列第一位的为牵头单位，下同）\n"
    result = parse_document(write(tmp_path, "a.txt", text), "a")
    assert [a["agency"] for a in result["agencies"]] == ["省科技厅", "省发展改革委"]
    assert not [w for w in result["warnings"] if "responsibility clause" in w]


def test_parsing_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    import gc

    doc = tmp_path / "a.txt"
    doc.write_text("一、总体要求\n到2025年产值达到100亿元。（责任单位：市科技局）\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert gc.isenabled()
    results = parse_documents([(doc, "a", {}), (missing, "m", {})])
    assert gc.isenabled() and isinstance(results[1], BioparseError)
    gc.disable()
    try:
        parse_documents([(doc, "a", {})])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_articles_by_number_keeps_document_order():
    """The ids of the articles numbered in a range, in document order, numbers repeating (a 汇编)."""
    from bioparse.pipeline import articles_by_number
    arts = [{"number": n, "provision_id": f"a{k}"} for k, n in enumerate([1, 2, 3, 1, 2, 7, 3])]
    in_range = articles_by_number(arts)
    assert in_range(1, 2) == ["a0", "a1", "a3", "a4"]
    assert in_range(3, 7) == ["a2", "a5", "a6"]
    assert in_range(4, 6) == [] and in_range(5, 1) == []


def test_thousands_of_articles_with_closing_range_lines(tmp_path):
    """9,000 articles (a range reads numbers of up to four digits), a 以上第一条至第五条由…牵头
    line after every fifth: each line answers for its five articles. Each line read every
    article (quadratic in their number: 2.6 s here, 10 s for twice as many); now the numbers
    in range are looked up."""
    lines = []
    for i in range(9000):
        lines.append(f"第{i + 1}条　对新获批的创新药给予奖励。")
        if i % 5 == 4:
            lines.append(f"以上第{i - 3}条至第{i + 1}条由市科技局牵头，市财政局配合。")
    path = tmp_path / "articles.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = parse_document(path, "articles")
    arts = [p for p in result["provisions"] if p["level"] == "article"]
    assert len(arts) == 9000
    rows = result["agencies"]
    assert len(rows) == 9000 * 2  # each article: the lead and the support of its line
    assert {r["provision_id"] for r in rows} == {p["provision_id"] for p in arts}


@pytest.mark.parametrize("date, want", [("二〇二三年五月十日", ["goal", "goal", "goal"]),
                                        ("二〇二六年五月十日", ["baseline", "goal", "goal"]), ("", ["baseline", "goal", "goal"])])
def test_a_tables_earliest_year_is_a_goal_when_it_is_still_to_come(tmp_path, date, want):
    """指标 | 2025年 | 2027年 | 2030年 naming no base: the earliest year is the base unless the document,
    issued before it, looks forward to it."""
    text = "某市行动计划\n一、发展目标\n指标\t2025年\t2027年\t2030年\n营业收入（亿元）\t900\t1200\t2000\n" + date + "\n"
    rows = parse_document(write(tmp_path, "y.txt", text), "y")["targets"]
    assert [t["status"] for t in rows] == want


def test_figures_of_a_drafts_explanation_after_it_are_no_targets(tmp_path):
    text = ("某市若干措施（征求意见稿）\n一、支持研发。给予最高1000万元资助。\n二、支持平台。到2026年建成平台10个。\n"
            "关于《某市若干措施（征求意见稿）》的起草说明\n一、起草背景\n2023年，全市营业收入达到520亿元。\n"
            "二、起草过程\n起草组赴15家企业调研，收集意见42条。\n")
    rows = parse_document(write(tmp_path, "d.txt", text), "d")["targets"]
    assert [t["text"] for t in rows] == ["最高1000万元", "10个"]


@pytest.mark.parametrize("form", ["docx", "html", "html_br"])
def test_a_docx_or_page_of_a_pdfs_lines_reads_as_the_text_file_does(tmp_path, form):
    """A .docx or page whose paragraphs are a PDF's hard-wrapped lines (a converter's output, text
    pasted from a PDF, as <p> or with <br> between them) joins the lines cut inside a sentence, as
    the same text in a .txt does: its responsibility clauses broken over two lines are found whole."""
    import html
    from pathlib import Path

    import docx

    source = Path(__file__).parent / "other_provinces" / "raw" / "p21a_e_cs_wrapped.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    if form == "docx":
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        path = tmp_path / "wrapped.docx"
        document.save(path)
    else:
        path = tmp_path / "wrapped.html"
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip()) if form == "html" \
            else "<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>"
        path.write_text(f"<html><head><meta charset='utf-8'></head><body><div>{body}</div></body></html>", encoding="utf-8")
    plain, other = parse_document(source, "w"), parse_document(path, "w")

    def rows(result, table, keys):
        return [tuple(r[k] for k in keys) for r in result[table]]

    assert len(plain["agencies"]) > 10 and len(plain["targets"]) > 5
    assert rows(other, "agencies", ("provision_id", "agency", "role")) == rows(plain, "agencies", ("provision_id", "agency", "role"))
    assert rows(other, "targets", ("provision_id", "value", "unit", "year")) == rows(plain, "targets", ("provision_id", "value", "unit", "year"))
    assert rows(other, "provisions", ("provision_id", "title")) == rows(plain, "provisions", ("provision_id", "title"))


def test_figures_of_a_text_in_traditional_characters(tmp_path):
    """A site's 繁體 page (給予最高500萬元獎勵, 突破1000億元) gives the targets its simplified form gives:
    units and qualifiers read in simplified characters, each figure's text kept as written."""
    text = ("某江市人民政府辦公室關於印發某江市促進醫藥產業發展若干措施的通知\n某江市促進醫藥產業發展若干措施\n一、發展目標\n"
            "到2026年，全市醫藥產業營業收入突破1000億元，新增三類醫療器械註冊證20張。\n二、支持措施\n"
            "（一）支持創新藥研發。對新獲批上市的一類創新藥，給予最高500萬元獎勵，每個項目最高不超過1000萬元。"
            "（責任單位：市科技局、市財政局）\n")
    path = tmp_path / "trad.txt"
    path.write_text(text, encoding="utf-8")
    rows = [(t["text"], t["value"], t["unit"], t["year"], t["provision_id"]) for t in parse_document(path, "t")["targets"]]
    assert rows == [("突破1000億元", 1000.0, "亿元", 2026, "1"), ("20張", 20.0, "张", 2026, "1"),
                    ("最高500萬元", 500.0, "万元", None, "2.1"), ("不超過1000萬元", 1000.0, "万元", None, "2.1")]


def test_a_year_stated_in_one_point_does_not_date_the_next_points(tmp_path):
    """二是…到2025年床位达到300张；三是…给予最高200万元: the year is 二是's, and 三是's figures have none;
    a year before 一是 (到2027年，一是…二是…) leads every point of the run."""
    text = ("一、重点任务\n（一）加强临床研究。一是建设研究型病房，到2025年床位达到300张；二是对在本市转化的项目按交易额的10%"
            "给予奖励，最高200万元。\n（二）壮大产业。到2027年，一是新增规模以上企业20家；二是培育龙头企业5家。\n")
    path = tmp_path / "points.txt"
    path.write_text(text, encoding="utf-8")
    rows = [(t["text"], t["year"]) for t in parse_document(path, "p")["targets"]]
    assert rows == [("达到300张", 2025), ("10%", None), ("最高200万元", None), ("20家", 2027), ("5家", 2027)]


def test_a_pages_meta_issuer_gives_level_and_region(tmp_path):
    """A CMS page whose text names neither issuer nor title (they stand only in its <meta> tags) still
    gets the level and region of that issuer, as a text naming it does."""
    page = ("<html><head><meta charset='utf-8'><meta name='ArticleTitle' content='关于支持医药产业发展的若干措施'>"
            "<meta name='ContentSource' content='某原市人民政府办公室'><meta name='PubDate' content='2024-08-12 09:00'>"
            "</head><body><div class='TRS_Editor'><p>一、支持创新。对新获批的一类创新药给予最高500万元奖励。</p>"
            "<p>二、优化服务。建立重点企业服务专员制度。</p></div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = parse_document(path, "p")["documents"][0]
    assert (doc["issuer"], doc["level"], doc["region"]) == ("某原市人民政府办公室", "city", "某原市")


def test_a_pages_date_gives_the_term_of_a_text_in_force_from_its_issue(tmp_path):
    """A page whose 成文日期 stands only in its information table, over a text 自印发之日起施行，有效期至2025年12月31日:
    the term starts in the page's year, as it does for a text that states its date (plan_start was left empty)."""
    page = ("<html><head><meta charset='utf-8'><title>某阳市支持生物医药产业发展若干政策</title></head><body>"
            "<dl><dt>发布机构</dt><dd>某阳市人民政府办公室</dd><dt>成文日期</dt><dd>2023-09-12</dd>"
            "<dt>文号</dt><dd>某政办规〔2023〕7号</dd></dl><div>"
            "<p>某阳市支持生物医药产业发展若干政策</p>"
            "<p>第一条　支持新药研发。给予最高500万元支持。（责任单位：市科技局）</p>"
            "<p>第二条　本政策自印发之日起施行，{}。</p></div></body></html>")
    for term, end in (("有效期至2025年12月31日", 2025), ("有效期3年", 2026)):
        p = write(tmp_path, "page.html", page.format(term))
        doc = parse_document(p, "page")["documents"][0]
        assert (doc["date"], doc["plan_start"], doc["plan_end"], doc["period"]) == ("2023-09-12", 2023, end, "2023"), term


def test_a_stray_byte_is_a_warning_not_a_lost_document():
    """A GBK file with one byte lost in a copy (tests/bad_inputs/gbk_one_bad_byte.txt) is parsed, the byte read as
    U+FFFD; the document's warnings say where, and how to fix it. Before, the whole document was refused."""
    from pathlib import Path

    from bioparse import pipeline

    path = Path(__file__).parent / "bad_inputs" / "gbk_one_bad_byte.txt"
    r = pipeline.parse_document(path, "gbk_one_bad_byte", {})
    assert r["provisions"] and any("1 invalid byte on line 11" in w and "gbk_one_bad_byte.txt" in w for w in r["warnings"])


def test_a_closing_list_naming_sections_by_bare_numbers(tmp_path):
    """三、责任分工 第一至第三项由A牵头负责，第四项由B负责，第五、六项由C负责: a list under no section names the
    document's sections numbered on across parts; where labels restart in each part it names none of them."""
    body = ("一、重点任务\n（一）推进改革。\n（二）保障供应。\n（三）提升监管。\n（四）发展中医药。\n二、产业发展\n"
            "（{}）发展产业。\n（{}）培育企业。\n三、责任分工\n第一至第三项由市卫生健康委牵头负责，第四项由市中医药管理局负责，"
            "第五、六项由市发展改革委负责。\n")
    rows = parse_document(write(tmp_path, "a.txt", body.format("五", "六")), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [
        ("1.1", "市卫生健康委"), ("1.2", "市卫生健康委"), ("1.3", "市卫生健康委"), ("1.4", "市中医药管理局"),
        ("2.5", "市发展改革委"), ("2.6", "市发展改革委")]
    rows = parse_document(write(tmp_path, "b.txt", body.format("一", "二")), "b")["agencies"]
    assert {a["provision_id"] for a in rows} == {"3"}


def test_a_closing_measure_naming_top_level_measures_by_number(tmp_path):
    """一、…四、 measures and 五、责任分工。第一至三项由A负责，第四项由B负责: with no sections, the numbers name the
    top-level measures, and the reference may open the line's second sentence, after the heading's lead phrase."""
    text = ("一、支持产品注册。给予奖励。\n二、支持临床试验。给予补助。\n三、支持应用推广。进入目录。\n"
            "四、支持平台建设。建设平台。\n五、责任分工。第一至三项由市市场监管局负责，第四项由市科技局负责。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"]) for a in rows] == [
        ("1", "市市场监管局"), ("2", "市市场监管局"), ("3", "市市场监管局"), ("4", "市科技局")]


def test_a_closing_list_naming_sections_before_a_colon(tmp_path):
    """第一至二项：A牵头，B配合。 / 第三项、第四项由C负责。: a reference closed by a colon names its sections as
    one closed by 由 does."""
    text = ("一、支持研发\n（一）甲。甲内容。\n（二）乙。乙内容。\n二、支持产业\n（三）丙。丙内容。\n（四）丁。丁内容。\n"
            "三、责任分工\n第一至二项：市科技局牵头，市财政局配合。\n第三项、第四项由市工业和信息化局负责。\n")
    rows = parse_document(write(tmp_path, "a.txt", text), "a")["agencies"]
    assert [(a["provision_id"], a["agency"], a["role"]) for a in rows] == [
        ("1.1", "市科技局", "lead"), ("1.1", "市财政局", "support"), ("1.2", "市科技局", "lead"),
        ("1.2", "市财政局", "support"), ("2.3", "市工业和信息化局", "responsible"),
        ("2.4", "市工业和信息化局", "responsible")]
