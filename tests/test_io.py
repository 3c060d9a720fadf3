"""bioparse.io: encodings, formats, page furniture, manifest pairing."""
import hashlib
import random

import pytest

from bioparse.errors import (CorruptFileError, DecodeError, EmptyDocumentError, ManifestError,
                             UnsupportedFormatError)
from bioparse.io import discover, read_manifest, read_text, sha256_of

ZH = "天津市人民政府办公厅关于印发实施方案的通知\n一、总体要求\n（一）加强创新。支持企业研发。\n"


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_gbk_file_is_read_as_gb18030(tmp_path):
    raw = read_text(write(tmp_path, "a.txt", ZH.encode("gbk")))
    assert raw.text == ZH and raw.encoding == "gb18030" and raw.format == "txt"


def test_gb18030_file_with_char_outside_gbk(tmp_path):
    text = ZH + "吉祥的𠮷字与欧元€符号。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    raw = read_text(write(tmp_path, "b.txt", text.encode("gb18030")))
    assert raw.text == text and raw.encoding == "gb18030"


def test_utf8_with_bom_and_crlf(tmp_path):
    raw = read_text(write(tmp_path, "c.txt", b"\xef\xbb\xbf" + ZH.replace("\n", "\r\n").encode("utf-8")))
    assert raw.text == ZH and raw.encoding == "utf-8-sig"


@pytest.mark.parametrize("text", [ZH, "臺灣省生物醫藥產業發展計畫。加強研發與臨床試驗，推動產業發展。\n" * 5])
def test_utf8_bom_on_gbk_bytes(tmp_path, text):
    """A tool that stamps a UTF-8 byte-order mark on a GBK file without converting it: the rest is read as
    GB18030, also when it is in traditional characters (fewer of them in GB2312)."""
    raw = read_text(write(tmp_path, "c2.txt", b"\xef\xbb\xbf" + text.encode("gbk")))
    assert raw.text == text and raw.encoding == "gb18030"


def test_utf8_bom_on_bytes_neither_utf8_nor_gbk(tmp_path):
    with pytest.raises(DecodeError, match="byte-order mark"):
        read_text(write(tmp_path, "c3.txt", b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 4))


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom(tmp_path, codec, bom):
    raw = read_text(write(tmp_path, "d.txt", bom + ZH.encode(codec)))
    assert raw.text == ZH and raw.encoding == codec


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ZH, "一、一是。\n" * 20])
def test_utf16_without_bom(tmp_path, codec, text):
    """UTF-16 saved with no byte-order mark is read, in either byte order, also when 一 (U+4E00,
    a NUL byte of its own) outnumbers the ASCII characters; before, its NUL bytes refused it as binary."""
    raw = read_text(write(tmp_path, "d2.txt", text.encode(codec)))
    assert raw.text == text and raw.encoding == codec


def test_binary_with_nuls_is_not_read_as_utf16(tmp_path):
    data = bytes(random.Random(7).randrange(256) for _ in range(4000)) + b"\0\0"
    with pytest.raises(CorruptFileError, match="binary data"):
        read_text(write(tmp_path, "bin.txt", data))


def test_plain_utf8_and_latin_text(tmp_path):
    assert read_text(write(tmp_path, "e.txt", ZH.encode("utf-8"))).encoding == "utf-8"
    assert read_text(write(tmp_path, "f.txt", "Café déjà vu – naïve.".encode("utf-8"))).text.startswith("Café")


def test_big5_file_is_decoded(tmp_path):
    text = "臺灣生物醫藥產業發展計畫。加強研發與臨床試驗，推動產業發展。" * 5
    raw = read_text(write(tmp_path, "g.txt", text.encode("big5")))
    assert raw.text == text


def test_docx_paragraphs_and_table_in_body_order(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("实施方案")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "目标值"
    table.cell(1, 0).text, table.cell(1, 1).text = "产值", "1000亿元"
    d.add_paragraph("一、总体要求")
    path = tmp_path / "plan.docx"
    d.save(path)
    raw = read_text(path)
    assert raw.text.split("\n") == ["实施方案", "指标\t目标值", "产值\t1000亿元", "一、总体要求"]
    assert raw.format == "docx"


HTML = """<html><head><meta charset="gbk"><title>政府网</title><script>var x="脚本文字";</script></head>
<body><div class="nav"><a>首页</a><a>政务公开</a><a>新闻中心新闻中心</a></div>
<header>天津市人民政府门户网站</header>
<div class="main"><div id="zoom" class="TRS_Editor"><p>一、总体要求</p><p>支持企业开展研发。<br>加强临床试验。</p></div></div>
<footer>版权所有 网站标识码</footer></body></html>"""


def test_html_article_without_navigation(tmp_path):
    raw = read_text(write(tmp_path, "page.html", HTML.encode("gbk")))
    assert raw.text == "一、总体要求\n支持企业开展研发。\n加强临床试验。"
    assert raw.encoding == "gb18030" and raw.format == "html"


def test_html_without_hints_takes_block_with_most_cjk(tmp_path):
    page = ("<html><body><div><p>首页</p><p>导航</p></div>"
            "<div><p>第一条 为促进生物医药产业发展，制定本办法。</p><p>第二条 本办法适用于本市。</p></div></body></html>")
    raw = read_text(write(tmp_path, "p.htm", page.encode("utf-8")))
    assert raw.text == "第一条 为促进生物医药产业发展，制定本办法。\n第二条 本办法适用于本市。"


def _pdf(path, pages):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for lines in pages:
            fig = plt.figure(figsize=(4, 5))
            for k, ln in enumerate(lines[:-1]):
                fig.text(0.1, 0.9 - k * 0.1, ln)
            if lines:
                fig.text(0.45, 0.05, lines[-1])
            pdf.savefig(fig)
            plt.close(fig)
    return path


def test_pdf_drops_repeated_header_and_page_numbers_and_joins_pages(tmp_path):
    path = _pdf(tmp_path / "plan.pdf", [
        ["Biomedicine Action Plan", "First measure. Support research", "- 1 -"],
        ["Biomedicine Action Plan", "institutes and hospitals.", "Second measure. Build parks.", "- 2 -"],
        ["Biomedicine Action Plan", "Third measure. Train people.", "3/3"],
    ])
    raw = read_text(path)
    assert raw.text == ("First measure. Support research institutes and hospitals.\n"
                        "Second measure. Build parks.\nThird measure. Train people.")
    assert raw.format == "pdf"


def test_pdf_without_text_layer(tmp_path):
    path = _pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(EmptyDocumentError, match="OCR"):
        read_text(path)


def test_errors_name_the_file(tmp_path):
    with pytest.raises(UnsupportedFormatError, match="x.doc"):
        read_text(write(tmp_path, "x.doc", b"abc"))
    with pytest.raises(DecodeError, match=r"bad\.txt.*UTF-8"):
        read_text(write(tmp_path, "bad.txt", b"abc \xff\x80\xff\x80 def\n" * 3))
    with pytest.raises(CorruptFileError, match="zip.txt"):
        read_text(write(tmp_path, "zip.txt", b"PK\x03\x04" + b"\x01" * 50))
    with pytest.raises(EmptyDocumentError):
        read_text(write(tmp_path, "blank.txt", "\ufeff \n\u3000\n".encode("utf-8")))


def test_sha256_of(tmp_path):
    p = write(tmp_path, "h.txt", b"hello")
    assert sha256_of(p) == hashlib.sha256(b"hello").hexdigest()


MANIFEST = "doc_id,file,title,issuer,level\nB,b.txt,乙方案,乙局,city\nA,a.txt,,,\nC,missing.txt,丙,,\nA,a2.txt,,,\n"


def test_read_manifest(tmp_path):
    assert read_manifest(tmp_path) is None
    write(tmp_path, "manifest.csv", MANIFEST.encode("gbk"))  # Excel on Chinese Windows writes GBK
    df = read_manifest(tmp_path)
    assert list(df["doc_id"]) == ["B", "A", "C", "A"]
    assert df.loc[1, "title"] == "" and df.loc[0, "title"] == "乙方案"
    assert "plan_end" in df.columns and df.loc[0, "plan_end"] == ""
    write(tmp_path, "manifest.csv", b"name,path\nx,y\n")
    with pytest.raises(ManifestError, match="doc_id"):
        read_manifest(tmp_path)


def test_discover_pairs_files_and_reports_problems(tmp_path):
    write(tmp_path, "manifest.csv", MANIFEST.encode("utf-8"))
    for name in ("a.txt", "a2.txt", "b.txt", "z plan(1).txt", ".hidden.txt", "notes.xyz"):
        write(tmp_path, name, ZH.encode("utf-8"))
    docs, problems = discover(tmp_path)
    assert [d["doc_id"] for d in docs] == ["A", "B", "z_plan_1"]
    assert docs[1]["meta"]["title"] == "乙方案" and docs[2]["meta"] == {}
    assert docs[0]["path"].name == "a.txt"
    kinds = sorted(type(p).__name__ for p in problems)
    assert kinds == ["ManifestError", "ManifestError", "UnsupportedFormatError"]
    text = " ".join(str(p) for p in problems)
    assert "missing.txt" in text and "a.txt" in text and "a2.txt" in text and "notes.xyz" in text


def test_discover_without_manifest_uses_stems(tmp_path):
    write(tmp_path, "规划.txt", ZH.encode("utf-8"))
    docs, problems = discover(tmp_path)
    assert [d["doc_id"] for d in docs] == ["规划"] and problems == []


PAGE_WITH_FIELDS = """<html><head><meta charset="utf-8"></head><body>
<table class="info"><tr><td>发文机关：</td><td>某某市人民政府办公厅</td><td>发文字号：</td><td>某政办发〔2024〕3号</td></tr>
<tr><td>成文日期：</td><td>2024年03月01日</td><td>发布日期：</td><td>2024-03-05</td></tr></table>
<div class="article-content"><p>某某市生物医药产业发展行动计划</p><p>一、发展目标</p><p>到2026年，产业规模达到1000亿元。</p></div>
</body></html>"""


def test_html_information_table_fills_the_metadata_the_text_lacks(tmp_path):
    import warnings

    from bioparse import pipeline
    path = write(tmp_path, "notice.html", PAGE_WITH_FIELDS.encode("utf-8"))
    raw = read_text(path)
    assert "发文字号" not in raw.text  # the body alone, as before
    assert raw.fields == {"issuer": "某某市人民政府办公厅", "doc_number": "某政办发〔2024〕3号", "date": "2024-03-01"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = pipeline.parse_document(path, "notice")["documents"][0]
    assert (doc["issuer"], doc["doc_number"], doc["date"]) == ("某某市人民政府办公厅", "某政办发〔2024〕3号", "2024-03-01")
    # the manifest still wins
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = pipeline.parse_document(path, "notice", {"date": "2024-03-02"})["documents"][0]
    assert doc["date"] == "2024-03-02"


def test_html_page_title_names_a_document_whose_text_has_no_title(tmp_path):
    import warnings

    from bioparse import pipeline
    page = ("<html><head><meta charset='utf-8'><title>关于推动生物医药产业发展的若干措施_政策文件_某某市人民政府"
            "</title></head><body><div id='zoom'><p>一、支持创新</p><p>对新药给予最高500万元奖励。</p></div></body></html>")
    path = write(tmp_path, "page.html", page.encode("utf-8"))
    assert read_text(path).fields == {"title": "关于推动生物医药产业发展的若干措施"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert pipeline.parse_document(path, "page")["documents"][0]["title"] == "关于推动生物医药产业发展的若干措施"


def test_pdf_lines_join_into_paragraphs_by_indent_width_and_punctuation():
    from bioparse.io import join_wrapped_lines
    lines = ["一、发展目标",
             "\u3000\u3000到2025年，全市生物医药产业规模突破100",
             "0亿元，培育龙头企业10家。（责任单位：市",
             "发展改革委）",
             "\u3000\u3000现将《行动方案》印发给你们，请认真组织实施。实施",
             "，请径向市发展改革委反映。",
             "\u3000\u3000（二）加快产业集聚发展",
             "高标准建设生物医药产业园。"]
    assert join_wrapped_lines(lines) == [
        "一、发展目标",
        "\u3000\u3000到2025年，全市生物医药产业规模突破1000亿元，培育龙头企业10家。（责任单位：市发展改革委）",
        "\u3000\u3000现将《行动方案》印发给你们，请认真组织实施。实施，请径向市发展改革委反映。",
        "\u3000\u3000（二）加快产业集聚发展",  # a short heading line is not continued by the next page's text
        "高标准建设生物医药产业园。"]


def test_pdf_line_ending_on_a_comma_is_continued_even_by_a_label():
    """…第六条、⏎第七条由…负责兑现: no paragraph ends on 、 or ，, so the next line continues it though it opens like an
    article; a label alone on its line (一、) is still no such line."""
    from bioparse.io import join_wrapped_lines
    lines = ["\u3000\u3000第九条　职责分工。本政策第三条至第五条由园区运营服务中心负责兑现，第六条、",
             "第七条由高新区经济发展局负责兑现，第八条由高新区招商服务局负责兑现。",
             "\u3000\u3000第十条　本政策由高新区经济发展局负责解释。"]
    assert join_wrapped_lines(lines) == [lines[0] + lines[1], lines[2]]


def test_pdf_line_inside_a_bracket_holding_a_closed_one_is_continued():
    """（责任单位：市政府督查室，各县（市）区⏎人民政府、各开发区管委会）: the line's last bracket closes （市）, but the clause's is
    still open, so the next line continues it (normalize.opens_bracket counts them)."""
    from bioparse.io import join_wrapped_lines
    from bioparse.normalize import opens_bracket
    assert opens_bracket("依据。（责任单位：市政府督查室，各县（市）区") and opens_bracket("(责任单位：A（B）")
    assert not opens_bracket("（一）推进（市科技局）") and not opens_bracket("1）推进(A)（B）")
    lines = ["\u3000\u3000（三）强化考核评估。将生物医药产业发展情况纳入年度绩效考核。（责任单位：市政府督查室，各县（市）区",
             "人民政府）", "\u3000\u3000本实施意见自印发之日起施行。"]
    assert join_wrapped_lines(lines) == [lines[0] + lines[1], lines[2]]


def test_pdf_line_short_by_a_character_carried_down_before_a_closing_mark_is_continued():
    """…配合单位：自治区农业农村⏎厅、自治区林草局: the line lacks one character of the page's width only because 厅 went
    down with the 、 that no line may start with (禁则, as Word, WPS and LibreOffice set a line), so the page cut the
    clause there and the next line continues it; a line short by more than that before its clause's end still ends."""
    from bioparse.io import join_wrapped_lines
    lines = ["（一）壮大民族医药和特色中药产业。一是加快维吾尔医药、哈萨克医药、蒙医药等民族",
             "医药传承创新，推动经典名方和医疗机构制剂向新药转化；二是建设肉苁蓉、雪菊、甘草",
             "等道地药材种植基地，培育年销售额超亿元的民族药大品种20个。",
             "牵头单位：自治区中医药管理局、自治区工业和信息化厅；配合单位：自治区农业农村",
             "厅、自治区林草局、自治区药监局",
             "（二）发展化学原料药和制剂。依托准东、库车、独山子等石化基地，推动化学原料药向",
             "高端化、绿色化、国际化转型，支持原料药企业开展欧美等国际认证，提升产品附加值。",
             "牵头单位：自治区工业和信息化厅；配合单位：自治区发展改革委",
             "（三）支持研发。给予最高500万元、1000万元支持。责任单位：省科技厅、省财政",
             "厅。",  # its figures, counted half an em, are set wider: the line falls three short of the count
             "各地、各部门要结合实际抓好落实。"]
    assert join_wrapped_lines(lines) == [lines[0] + lines[1] + lines[2], lines[3] + lines[4],
                                         lines[5] + lines[6], lines[7], lines[8] + lines[9], lines[10]]


def test_pdf_indenting_by_position_a_clause_paragraphs_first_line_short_by_its_indent_is_continued():
    """A 公文 from Word or WPS indents its paragraphs' first lines two em by position, and no blank shows it in the text:
    a clause paragraph's first line (牵头单位：…自治区药) is two characters narrower than the widest lines for that alone,
    so the page cut it and 监局、… continues it. In a document that does not indent, such a line ends its clause."""
    from bioparse.io import join_wrapped_lines
    body = ["（一）壮大民族医药和特色中药产业。一是加快维吾尔医", "药、哈萨克医药、蒙医药等民族医药传承创新，推动经典名方",
            "再评价，培育年销售额超亿元的民族药大品种。",
            "（二）发展化学原料药和制剂。依托准东、库车、独山子", "等石化基地，推动化学原料药加快向高端化、绿色化、国际化",
            "转型，提升产品附加值和市场竞争力。",
            "（三）推进临床资源开放共享。一是支持自治区人民医院", "等三级医院建设研究型病房，全面推行伦理审查结果互认，伦",
            "理审查时间压缩至十五个工作日以内。"]
    lines = body + ["牵头单位：自治区工业和信息化厅；配合单位：自治区药", "监局、乌鲁木齐市人民政府",
                    "（四）拓展向西开放市场。发挥丝绸之路经济带核心区优势。"]
    joined = join_wrapped_lines(lines)
    assert joined[3:] == [lines[9] + lines[10], lines[11]]
    flat = [ln if k % 3 else "\u3000\u3000" + ln for k, ln in enumerate(body)]  # not by position: wide first lines
    flat = [ln.replace("\u3000\u3000", "一是") for ln in flat]
    lines = flat + ["牵头单位：自治区工业和信息化厅；配合单位：自治区药", "本方案自印发之日起施行，由自治区工业和信息化厅负责解释。"]
    assert join_wrapped_lines(lines)[-2:] == lines[-2:]


def test_pdf_without_indentation_ends_a_paragraph_at_a_full_stop():
    from bioparse.io import join_wrapped_lines
    lines = ["支持企业开展创新药研发，对进入临床试验的给予最高",
             "500万元资助。对获批上市的给予最高1000万元奖励。",
             "加强人才引育，对引进的高层次人才给予安家补贴。"]
    assert join_wrapped_lines(lines) == [lines[0] + lines[1], lines[2]]


@pytest.mark.parametrize("heading", ["四.保障措施", "第三部分　重点任务", "㈡建设创新平台。围绕产业链完善平台布局。"])
def test_pdf_line_starting_like_any_heading_normalize_knows_starts_a_paragraph(heading):
    """A PDF whose paragraphs are indented by position, not by blanks in its text: a heading after a full line
    (四. with a Latin full stop, 第三部分, ㈡) is no continuation of it."""
    from bioparse.io import join_wrapped_lines
    lines = ["依托合作区，推动港澳已上市传统外用中成药在本市注册审批，支持药品医",
             "疗器械在合作区生产，力争实现年产值超过二十亿元，打造跨境医药产业集",
             heading]
    assert join_wrapped_lines(lines) == [lines[0] + lines[1], heading]


def test_discover_reads_subfolders_and_numbers_clashing_ids(tmp_path):
    (tmp_path / "广东").mkdir()
    (tmp_path / "江苏").mkdir()
    write(tmp_path / "广东", "计划(1).txt", ZH.encode("utf-8"))
    write(tmp_path / "江苏", "计划（1）.txt", ZH.encode("utf-8"))
    write(tmp_path, "计划(1).docx", b"")
    docs, problems = discover(tmp_path)
    assert sorted(d["doc_id"] for d in docs) == ["计划_1", "计划_1_2", "计划_1_3"]
    noted = [n for d in docs for n in d["notes"]]
    assert len(noted) == 2 and all("rename the file" in n for n in noted)
    assert problems == []


def test_manifest_rows_blank_case_width_dates_and_unsafe_ids(tmp_path):
    write(tmp_path, "Manifest.csv", ("doc_id,file,date\n甲/2023,计划(2023—2025年).txt,2024/6/1\n,,\n"
                                     "乙,乙.txt,20240520\n丙,乙.txt,\n丁,丁方案.txt,\n").encode("gbk"))
    write(tmp_path, "计划（2023—2025年）.txt", ZH.encode("utf-8"))
    write(tmp_path, "乙.txt", ZH.encode("utf-8"))
    write(tmp_path, "丁计划.txt", ZH.encode("utf-8"))
    docs, problems = discover(tmp_path)
    by_id = {d["doc_id"]: d for d in docs}
    assert set(by_id) == {"甲_2023", "乙", "丁计划"}
    assert by_id["甲_2023"]["meta"]["date"] == "2024-06-01" and by_id["乙"]["meta"]["date"] == "2024-05-20"
    assert by_id["甲_2023"]["path"].name == "计划（2023—2025年）.txt"
    notes = " ".join(by_id["甲_2023"]["notes"])
    assert "other character widths" in notes and "cannot" in notes
    messages = [str(p) for p in problems]  # the blank row is no problem
    assert len(messages) == 2
    assert any("row 5" in m and "row 4" in m for m in messages)  # the same file twice
    assert any("丁方案.txt" in m and "did you mean '丁计划.txt'" in m for m in messages)


def test_excel_workbook_named_manifest_csv(tmp_path):
    write(tmp_path, "manifest.csv", b"PK\x03\x04rest-of-a-zip")
    with pytest.raises(ManifestError, match="Save As → CSV"):
        read_manifest(tmp_path)


def test_build_of_a_folder_without_documents_fails_under_strict(tmp_path, capsys):
    from bioparse.cli import main
    (tmp_path / "raw").mkdir()
    assert main(["build", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--no-cache",
                 "--quiet", "--strict"]) == 1
    assert "no documents were read" in capsys.readouterr().err


def test_pdf_line_cut_inside_a_number_or_short_for_its_digits_joins():
    """Digits are half as wide as Chinese characters, so a line with many of them looks short;
    and a line ending inside a number (…1200亿 / 元) never ends a paragraph."""
    from bioparse.io import join_wrapped_lines
    lines = ["\u3000\u3000为加快生物医药产业发展，结合本市实际情况，制定本方案如下。", "一、发展目标",
             "\u3000\u3000到2025年，全市生物医药产业营业收入达到1200亿",
             "元，规模以上企业达到350家，新增国家级创新平台十个，研", "发投入强度进一步提升。"]
    assert join_wrapped_lines(lines)[2] == ("\u3000\u3000到2025年，全市生物医药产业营业收入达到1200亿元，规模以上企业"
                                            "达到350家，新增国家级创新平台十个，研发投入强度进一步提升。")


def test_a_running_header_above_the_footer_of_each_page_is_dropped():
    """pypdf puts a page's header (its 文号) just above the footer, and ends the page with a blank line."""
    from bioparse.io import _strip_page_furniture

    pages = [["苏州市人民政府办公室文件", "苏府办〔2024〕68号", "一、总体要求", "正文一。", "第 1 页 共 3 页", ""],
             ["正文二。", "正文三。", "正文四。", "苏府办〔2024〕68号", "第 2 页 共 3 页", ""],
             ["正文五。", "正文六。", "正文七。", "苏府办〔2024〕68号", "第 3 页 共 3 页", ""]]
    # the red head's own 文号 on page 1, under the issuer's name, stays: the head is the document's
    assert _strip_page_furniture(pages) == [["苏州市人民政府办公室文件", "苏府办〔2024〕68号", "一、总体要求", "正文一。"],
                                            ["正文二。", "正文三。", "正文四。"], ["正文五。", "正文六。", "正文七。"]]





def test_a_page_number_drawn_amid_a_pages_text_is_dropped():
    """pypdf gives a page's text in the order it was drawn: a footer drawn between two body lines stands amid
    them (…体外诊断、医⏎- 2 -⏎学影像…), where join_wrapped_lines would glue it into the sentence; so does a
    running header drawn after it on each page. A figure alone (3) and a line after one number only stay."""
    from bioparse.io import _strip_page_furniture
    pages = [["正文一。", "支持企业研发体外诊断、医", "- 1 -", "学影像等高端产品。", "正文二。"],
             ["正文三。", "（二）目标", "— 2 —", "某区实施意见", "指标\t2025年", "企业数量\t3", "正文四。"],
             ["正文五。", "第 3 页 共 3 页", "某区实施意见", "3", "正文六。"]]
    assert _strip_page_furniture(pages) == [["正文一。", "支持企业研发体外诊断、医", "学影像等高端产品。", "正文二。"],
                                            ["正文三。", "（二）目标", "指标\t2025年", "企业数量\t3", "正文四。"],
                                            ["正文五。", "3", "正文六。"]]


def test_a_middle_dot_page_number_drawn_amid_a_pages_text_is_dropped():
    """·2· (a footer set between middle dots) drawn amid a page's lines is a page number as - 2 - is."""
    from bioparse.io import _strip_page_furniture
    pages = [["正文一。", "支持企业研发体外诊断、医", "·1·", "学影像等高端产品。", "正文二。"],
             ["正文三。", "加快建设", "·2·", "某区实施意见", "产业园区。", "正文四。"],
             ["正文五。", "推进", "·3·", "某区实施意见", "项目。"]]
    assert _strip_page_furniture(pages) == [["正文一。", "支持企业研发体外诊断、医", "学影像等高端产品。", "正文二。"],
                                            ["正文三。", "加快建设", "产业园区。", "正文四。"],
                                            ["正文五。", "推进", "项目。"]]

def _pdf_at(path, pages, size=10):
    """A PDF of pages of (x, y, text) in points on an A4 page, each text placed where given (a table's cells)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from bioparse.plot import setup_fonts
    setup_fonts()
    with plt.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for items in pages:
            fig = plt.figure(figsize=(595 / 72, 842 / 72))
            for x, y, s, *own in items:  # (x, y, text) or (x, y, text, font size)
                fig.text(x / 595, y / 842, s, fontsize=own[0] if own else size)
            pdf.savefig(fig)
            plt.close(fig)
    return path


def _table_page(top=700):
    """Body text, then an indicator table whose head cells and one row name wrap to two lines, then body text."""
    cols = (72, 222, 277, 362, 447)
    rows = [[["指标名称"], ["单位"], ["基期值", "（2022年）"], ["目标值", "（2025年）"], ["属性"]],
            [["研发投入强度"], ["%"], ["2.1"], ["3.0"], ["预期性"]],
            [["规模以上生物医药工业", "企业数量"], ["家"], ["85"], ["120"], ["预期性"]],
            [["生物医药产业营业收入"], ["亿元"], ["320"], ["500"], ["预期性"]]]
    items = [(72, top + 48, "　　到2025年，全市生物医药产业营业收入突破500亿元，培育龙头"),
             (72, top + 26, "企业8家。主要指标如下：")]
    y = top
    for row in rows:
        for x, cell in zip(cols, row):
            items += [(x, y - 13 * k, part) for k, part in enumerate(cell)]
        y -= 13 * (max(len(c) for c in row) - 1) + 22
    items += [(72, y - 14, "二、重点任务"), (72, y - 40, "　　（一）强化创新。支持企业建设研发平台。")]
    return items


def test_pdf_table_rows_are_read_as_tab_separated_cells(tmp_path):
    """pypdf runs a row's cells together (研发投入强度 % 2.1 3.0) and sets a cell's second line apart;
    read by position, each row is one line of tab-separated cells, its wrapped lines joined in."""
    raw = read_text(_pdf_at(tmp_path / "table.pdf", [_table_page()]))
    # (pypdf 4 puts a space between a run of Chinese and a number: 突破 500亿元)
    assert raw.text.replace(" ", "").split("\n") == [
        "　　到2025年，全市生物医药产业营业收入突破500亿元，培育龙头企业8家。主要指标如下：",
        "指标名称\t单位\t基期值（2022年）\t目标值（2025年）\t属性",
        "研发投入强度\t%\t2.1\t3.0\t预期性",
        "规模以上生物医药工业企业数量\t家\t85\t120\t预期性",
        "生物医药产业营业收入\t亿元\t320\t500\t预期性",
        "二、重点任务",
        "　　（一）强化创新。支持企业建设研发平台。"]


def test_pdf_table_figures_are_dated_by_their_column(tmp_path):
    from bioparse.targets import extract_targets
    text = read_text(_pdf_at(tmp_path / "table.pdf", [_table_page()])).text
    table = [(t["text"], t["year"], t.get("status")) for t in extract_targets(text) if "\t" in text[t["start"] - 1]]
    assert table == [("2.1", 2022, "baseline"), ("3.0", 2025, None), ("85", 2022, "baseline"), ("120", 2025, None),
                     ("320", 2022, "baseline"), ("500", 2025, None)]


def test_pdf_body_lines_with_wide_gaps_but_no_table_stay_as_pypdf_sets_them(tmp_path):
    """A signature with its date beside it, a letter-spaced heading: no table of figures, so pypdf's text stands."""
    import pypdf
    items = [(150, 760, "关"), (190, 760, "于"), (230, 760, "印"), (270, 760, "发"),
             (72, 720, "　　现将方案印发给你们，请认真组织实施。"),
             (72, 680, "宜昌市人民政府办公室"), (400, 680, "2023年6月12日")]
    path = _pdf_at(tmp_path / "plain.pdf", [items])
    from bioparse.pdf_text import page_text
    page = pypdf.PdfReader(str(path)).pages[0]
    assert page_text(page) == page.extract_text()


def _pieces(layout, size: float, same_line: str = ""):
    """(pypdf pieces, the text they make) of (text, x, y) items: a line break before each new baseline,
    ``same_line`` between the pieces of one."""
    from bioparse.pdf_text import Piece

    pieces, text = [], ""
    for k, (s, x, y) in enumerate(layout):
        s = ("\n" if k and y != layout[k - 1][2] else same_line if k else "") + s
        pieces.append(Piece(k, s, x, y, size))
        text += s
    return pieces, text


def test_pdf_table_cells_two_em_apart_stay_apart_though_pypdf_opens_them_with_a_space(tmp_path):
    """pypdf opens a cell's piece with a space for the gap before it ( 亿元,  420) but reports the x of
    its first glyph: the space takes no width there, so cells 2 em apart are not read as one (亿元 420)."""
    rows = [("指标", "单位", "2022年", "2025年"), ("生物医药产业营业收入", "亿元", "420", "650"),
            ("规模以上企业数量", "家", "118", "180")]
    items = [(72, 760, "　　主要指标如下：")]
    for k, row in enumerate(rows):  # 单位 ends at 242, 2022年 starts at 262: 2 em at 10 points
        items += [(x, 730 - 22 * k, s) for x, s in zip((72, 222, 262, 322), row)]
    items += [(72, 640, "　　二、重点任务")]
    raw = read_text(_pdf_at(tmp_path / "gap.pdf", [items]))
    assert raw.text.replace(" ", "").split("\n")[1:4] == [
        "指标\t单位\t2022年\t2025年", "生物医药产业营业收入\t亿元\t420\t650", "规模以上企业数量\t家\t118\t180"]


def test_a_row_label_split_into_pieces_is_not_taken_for_a_justified_line():
    """A justified line widens the cell gap by its spread between characters, measured after its
    full-width characters only: a narrow glyph's width is a guess (% here ends 4 points past it), so a
    label split at a change of font (能, （, %, ）) keeps its row's cells 2 em apart."""
    from bioparse.pdf_text import splice_tables

    layout = [("4", 72.0, 500), (" 省级以上研发机构（个）", 116.8, 500), (" 46", 296.0, 500), (" 80", 352.0, 500),
              ("5", 72.0, 470), (" 单位", 116.8, 470), ("工业增加", 139.2, 470), ("值", 183.9, 470),
              ("能", 195.1, 470), ("耗下降", 206.3, 470), ("（", 239.9, 470), ("%", 251.1, 470),
              ("）", 261.3, 470), (" —", 296.0, 470), (" 15", 352.0, 470)]
    pieces, text = _pieces(layout, 11.2)
    assert splice_tables(text, pieces).split("\n") == ["4\t省级以上研发机构（个）\t46\t80", "5\t单位工业增加值能耗下降（%）\t—\t15"]


def _justified(text, y, extra, size=14, x=72.0):
    """(x, y, character) items of a line whose characters stand ``extra`` points apart, as a justified line sets them."""
    import unicodedata
    items = []
    for ch in text:
        if ch != " ":  # a typed blank takes its width but draws nothing
            items.append((x, y, ch))
        x += (1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5) * size + extra
    return items


def test_a_justified_line_keeps_no_space_pypdf_puts_inside_a_figure(tmp_path):
    """A justified line spreads its characters; pypdf writes a space after a narrow glyph or across a
    wide spread (1. 5万亿元, 2 0 2 5年). Where the gap is no wider than the line's spread no blank was
    typed, so the figure is read whole; a typed blank (1 000, a list 1. 2. 3.) stays."""
    import pypdf
    from bioparse.pdf_text import page_text
    items = (_justified("　　全省产业规模达到1.5万亿元，增长9.6%，", 700, 0.3)
             + _justified("到2025年，企业达到1 000家，时间2024-06-18。", 670, 8)
             + _justified("重点任务：1. 2. 3. 共三项。", 640, 8))
    page = pypdf.PdfReader(str(_pdf_at(tmp_path / "justified.pdf", [items], size=14))).pages[0]
    assert "1. 5" in page.extract_text()  # what pypdf writes
    lines = page_text(page).split("\n")
    assert "达到1.5万亿元" in lines[0] and "增长9.6%" in lines[0]
    assert "2025" in lines[1] and "1 000" in lines[1] and "2024-06-18" in lines[1]
    assert "1. 2. 3." in lines[2]


def test_a_row_whose_label_wraps_around_its_centred_cells():
    """A taller row centres its other cells between the two lines of its label: the label's first
    line starts the row (the next line has no label), its second line continues it."""
    from bioparse.pdf_text import splice_tables

    layout = [("指标", 72, 700), ("2022年", 222, 700), ("2025年", 300, 700),
              ("研发投入强度", 72, 678), ("2.1", 222, 678), ("3.0", 300, 678),
              ("规模以上工业", 72, 656), ("85", 222, 649), ("120", 300, 649), ("企业数量", 72, 642)]
    pieces, text = _pieces(layout, 10.0, " ")
    assert splice_tables(text, pieces).split("\n") == ["指标\t2022年\t2025年", "研发投入强度\t2.1\t3.0",
                                                      "规模以上工业企业数量\t85\t120"]



def test_a_page_number_drawn_amid_a_tables_pieces_leaves_the_table_whole():
    """A footer (- 2 -) that the page draws between a table's rows stands amid its pieces in pypdf's order:
    the rows still replace them (the number, furniture, goes), where other text between them keeps the table out."""
    from bioparse.pdf_text import splice_tables

    layout = [("指标", 72, 700), ("2022年", 222, 700), ("2025年", 300, 700), ("研发投入强度", 72, 678),
              ("2.1", 222, 678), ("3.0", 300, 678), ("- 2 -", 270, 40), ("企业数量", 72, 656), ("85", 222, 656),
              ("120", 300, 656)]
    pieces, text = _pieces(layout, 10.0, " ")
    assert splice_tables(text, pieces).split("\n") == ["指标\t2022年\t2025年", "研发投入强度\t2.1\t3.0", "企业数量\t85\t120"]
    layout[6] = ("注：数据为预计", 270, 40)
    pieces, text = _pieces(layout, 10.0, " ")
    assert "\t" not in splice_tables(text, pieces)

def test_an_indent_typed_as_ideographic_spaces_is_no_gap_between_cells():
    """pypdf may hand a line's indent and first character (　　第) as a piece of their own: the next
    piece starts right after the indent's width, so no cell gap stands there: no tab enters the lines
    (a tab inside 第五条 would hide the article), though one line holds a figure as a table's row does."""
    from bioparse.pdf_text import Piece, splice_tables

    size = 14.0
    layout = [("　　第二章　支持", "方向和标准", 700), ("　　第", "五条　专项资金重点支持以下方向：", 670),
              ("　　（一）", "创新产品产业化。对实现产业化的1类创新药给予补助", 640)]
    pieces, text = [], ""
    for k, (head, rest, y) in enumerate(layout):
        for s, x in ((("\n" if k else "") + head, 72.0), (rest, 72.0 + len(head) * size)):
            pieces.append(Piece(len(pieces), s, x, y, size))
            text += s
    assert splice_tables(text, pieces) == text
    assert "\t" not in splice_tables(text, pieces)


def test_pdf_lines_do_not_join_a_table_row():
    """A row ending in a figure (…	3.0) is not a line cut inside a number; nor does a full line run into a row."""
    from bioparse.io import join_wrapped_lines
    lines = ["\u3000\u3000到2025年，全市生物医药产业营业收入突破500亿元，培", "育龙头企业8家，主要指标如下：",
             "指标\t2022年\t2025年", "研发投入强度（%）\t2.1\t3.0", "企业数量（家）\t85\t120", "二、重点任务"]
    assert join_wrapped_lines(lines) == [lines[0] + lines[1]] + lines[2:]


def test_a_table_head_repeated_at_the_top_of_each_page_is_kept():
    """A table across pages repeats its head row; it is the table's, not a running header."""
    from bioparse.io import _strip_page_furniture
    head = "指标\t2022年\t2025年"
    pages = [["正文一。", head, "研发投入强度（%）\t2.1\t3.0"], [head, "企业数量（家）\t85\t120", "正文二。"],
             [head, "平台数量（个）\t5\t9", "正文三。"]]
    assert _strip_page_furniture(pages) == pages


def test_a_piece_reported_at_the_start_of_the_piece_before_splits_no_line():
    """pypdf 4 reports a piece it opens with a space (到 / 2025, a change of font) where the piece
    before starts; its end is unknown, so the gap after it parts no cells and body text stays text."""
    from bioparse.pdf_text import splice_tables

    layout = [("\u3000\u3000到", 72, 587), (" 2025", 72, 587), ("年，全市生物医药产业营业收入达到", 150, 587),
              (" 1200", 150, 587), ("亿", 405, 587),
              ("元，规模以上企业达到", 72, 556), (" 350", 72, 556), ("家，新增国家级创新平台", 255, 556)]
    pieces, text = _pieces(layout, 15.0)
    assert splice_tables(text, pieces) == text


PAGE = ("<!DOCTYPE html><html><head><meta charset='{cs}'><title>某区若干措施</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/zwgk'>政务公开</a> <a href='/zc'>政策</a></div>"
        "<div class='TRS_Editor'><p>一、支持创新产品注册。给予最高200万元奖励。</p><p>二、加快产业集聚。</p></div>"
        "<div class='print'>【打印本页】【关闭窗口】</div></body></html>")
PAGE_TEXT = "一、支持创新产品注册。给予最高200万元奖励。\n二、加快产业集聚。"


@pytest.mark.parametrize("name", ["page.shtml", "content_20240506", "download.doc", "view.jsp", "Page.HTM", "saved.txt"])
def test_a_page_is_read_as_a_page_whatever_its_name(tmp_path, name):
    """Sites serve pages as .shtml/.jsp or without an extension, and hand out pages as .doc downloads."""
    raw = read_text(write(tmp_path, name, PAGE.format(cs="gb2312").encode("gbk")))
    assert raw.text == PAGE_TEXT and raw.format == "html" and raw.encoding == "gb18030"


def test_a_web_archive_mht_is_read_by_its_html_part(tmp_path):
    """A page saved as one file (.mht, also Word's 单个文件网页): MIME parts, the HTML quoted-printable in GB2312."""
    import quopri
    html = quopri.encodestring(PAGE.format(cs="gb2312").encode("gbk"))
    data = (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            b"\ttype=\"text/html\";\r\n\tboundary=\"----=_Part\"\r\n\r\n------=_Part\r\n"
            b"Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + html.replace(b"\n", b"\r\n") + b"\r\n------=_Part--\r\n")
    for name in ("page.mht", "notice.doc"):
        raw = read_text(write(tmp_path, name, data))
        assert raw.text == PAGE_TEXT and raw.format == "html"


def _docx_bytes(paragraphs, template=False):
    import io as stdio
    import zipfile

    import docx
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = stdio.BytesIO()
    d.save(buf)
    if not template:
        return buf.getvalue()
    out = stdio.BytesIO()  # Word's template (.dotx): the same package with the main part's template type
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main", b"wordprocessingml.template.main")
            dst.writestr(info, data)
    return out.getvalue()


def test_a_docx_named_doc_and_a_word_template_are_read(tmp_path):
    """A .docx renamed .doc (some sites do) is a .docx; python-docx refuses a .dotx/.docm, read as its document."""
    paras = ["某市若干措施", "一、支持新药研发。"]
    assert read_text(write(tmp_path, "a.doc", _docx_bytes(paras))).text == "\n".join(paras)
    assert read_text(write(tmp_path, "b.dotx", _docx_bytes(paras, template=True))).text == "\n".join(paras)
    assert read_text(write(tmp_path, "c.docx", _docx_bytes(paras, template=True))).text == "\n".join(paras)


def test_an_old_word_file_named_docx_says_what_it_is(tmp_path):
    """An old .doc renamed .docx is read as a .doc (its bytes decide); one that cannot be read says it is an
    old-format Word document, not a damaged .docx, and that its fix is Save As .docx."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
    with pytest.raises(CorruptFileError, match=r"x\.docx: cannot read this old-format Word document.*save it as \.docx"):
        read_text(write(tmp_path, "x.docx", ole))


def test_an_aes_encrypted_pdf_says_what_it_needs(tmp_path, monkeypatch):
    """Many government PDFs are AES-encrypted against copying (no password to open): without cryptography
    (a dependency, but an environment may lack it) pypdf cannot read them, and the message says so.
    pypdf then uses its fallback AES, which raises; the test swaps it in."""
    import pypdf
    import pypdf._encryption as encryption
    fallback = pytest.importorskip("pypdf._crypt_providers._fallback")
    if not hasattr(encryption, "CryptAES"):
        pytest.skip("this pypdf picks its AES provider elsewhere")
    monkeypatch.setattr(encryption, "CryptAES", fallback.CryptAES)
    src = _pdf(tmp_path / "p.pdf", [["Action plan"]])
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(src))
    w.encrypt(user_password="", owner_password="x", algorithm="RC4-128")
    w.write(tmp_path / "rc4.pdf")
    data = (tmp_path / "rc4.pdf").read_bytes().replace(
        b"/V 2\n/R 3\n", b"/V 4\n/R 4\n/CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >>\n"
                         b"/StmF /StdCF\n/StrF /StdCF\n", 1)
    assert b"AESV2" in data
    with pytest.raises(UnsupportedFormatError, match=r"aes\.pdf: this PDF is encrypted with AES.*cryptography"):
        read_text(write(tmp_path, "aes.pdf", data))


def test_an_aes_encrypted_pdf_reads_as_its_plain_copy(tmp_path):
    """AES copy protection (an owner password, none to open) is no obstacle: cryptography is a dependency,
    so pypdf decrypts such a PDF and its text is that of the same PDF unencrypted."""
    import pypdf
    src = _pdf(tmp_path / "plain.pdf", [["Biomedicine action plan", "First measure. Output reaches 500 by 2026.", "- 1 -"]])
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(src))
    w.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    w.write(tmp_path / "aes.pdf")
    assert b"AESV2" in (tmp_path / "aes.pdf").read_bytes()
    plain, aes = read_text(src).text, read_text(tmp_path / "aes.pdf").text
    assert "Output reaches 500 by 2026." in plain
    assert aes == plain


def test_discover_reads_pages_by_content_and_skips_a_saved_pages_files(tmp_path):
    """A folder as researchers fill it: a page saved 'complete' (page_files/ of scripts and images beside it),
    a page without extension, Thumbs.db (skipped) and an old .doc (a document, read as such)."""
    write(tmp_path, "measures.html", PAGE.format(cs="utf-8").encode("utf-8"))
    (tmp_path / "measures_files").mkdir()
    write(tmp_path / "measures_files", "common.js", b"var a = 1;")
    write(tmp_path / "measures_files", "logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    write(tmp_path, "content_1024", PAGE.format(cs="utf-8").encode("utf-8"))
    write(tmp_path, "Thumbs.db", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le"))
    (tmp_path / "notes_files").mkdir()  # a _files folder with no page beside it holds documents
    write(tmp_path / "notes_files", "plan.txt", ZH.encode("utf-8"))
    docs, problems = discover(tmp_path)
    # old.doc is a Word document by its bytes (an OLE file with a WordDocument stream): listed, and the
    # build reports that it cannot be read (its directory only, no text) when it parses it
    assert [d["doc_id"] for d in docs] == ["content_1024", "measures", "old", "plan"]
    assert problems == []


def test_a_page_declaring_a_western_charset_is_decoded_by_its_bytes(tmp_path):
    """A CMS's default <meta charset=iso-8859-1> over GBK bytes read as ÔðÈÎ… mojibake; the bytes decide."""
    page = PAGE.format(cs="iso-8859-1").encode("gbk")
    raw = read_text(write(tmp_path, "p.html", page))
    assert raw.text == PAGE_TEXT and raw.encoding == "gb18030"


def test_a_page_whose_article_is_loaded_by_script_says_so(tmp_path):
    """Saved 'HTML only', such a page holds its navigation and an empty content element."""
    page = ("<html><head><meta charset='utf-8'></head><body><div class='position'>当前位置：首页 &gt; 政策文件</div>"
            "<div id='zoom'></div><script>$('#zoom').load('/api/article?id=8812');</script></body></html>")
    with pytest.raises(EmptyDocumentError, match=r"j\.html: the saved page holds no article text.*print it to PDF"):
        read_text(write(tmp_path, "j.html", page.encode("utf-8")))


def test_pdf_line_ending_a_label_clause_short_of_the_edge_ends_its_paragraph():
    """…。【责任单位】A、B on a line narrower than the page's full lines: the page did not cut it, so the next
    line (a box's heading here) is not glued to the last name; a full line of names still runs on."""
    from bioparse.io import join_wrapped_lines
    lines = ["2.完善公共服务。建设产业数据平台，提供政策、市场和专利", "信息服务，培育专业服务机构二十家。【责任单位】区经信局、",
             "区数据资源局、区市场监管局、区科技局、区发展改革局", "专栏2　重点公共服务平台建设工程和产业检测服务平台建设",
             "建设检测平台，形成检测项目一千项以上的综合检测能力，服", "务全区企业。"] + \
        ["支持企业开展研发创新，按研发投入给予补助，推动产业集聚发"] * 8
    out = join_wrapped_lines(lines)
    assert out[0].endswith("【责任单位】区经信局、区数据资源局、区市场监管局、区科技局、区发展改革局")
    assert out[1].startswith("专栏2")


def test_pdf_text_overprinted_as_a_simulated_bold_is_read_once(tmp_path):
    """A producer without a bold face draws a heading, a line or each character twice a fraction of a
    point apart; pypdf reads both copies. A copy at (nearly) the same place goes; 人人 an em apart stays."""
    line = "　　到2025年，人人享有健康服务，产业规模达到500亿元。"
    items = [(72, 770, "二、重点任务"), (72.3, 770, "二、重点任务"), (72, 740, line), (72.4, 740, line)]
    x = 72
    for ch in "（一）强化创新。":
        items += [(x, 710, ch), (x + 0.3, 710, ch)]
        x += 14
    items += [(72, 680, "　　常常年年。")]
    text = read_text(_pdf_at(tmp_path / "bold.pdf", [items], size=14)).text
    assert text.split("\n") == ["二、重点任务", line, "（一）强化创新。", "　　常常年年。"]


def test_pdf_running_header_read_as_a_row_beside_a_table_still_goes(tmp_path):
    """A running header (title, date at the right) stands as one plain line atop most pages, but as a
    table's row (title⇥date) on a page that opens with a table: it is dropped there too."""
    head = [(72, 805, "某市生物医药产业发展规划（2024—2028年）"), (420, 805, "2024年6月18日")]
    rows = [(72, 770, "指标"), (222, 770, "2022年"), (300, 770, "2025年"),
            (72, 748, "研发投入强度"), (222, 748, "2.1"), (300, 748, "3.0"),
            (72, 726, "企业数量"), (222, 726, "85"), (300, 726, "120")]
    pages = [head + [(72, 770, "　　一、总体要求"), (72, 740, "　　到2025年，产业规模达到500亿元。"), (250, 40, "第 1 页 共 3 页")],
             head + rows + [(72, 700, "　　二、重点任务"), (250, 40, "第 2 页 共 3 页")],
             head + [(72, 770, "　　（一）强化创新。支持企业建设研发平台。"), (250, 40, "第 3 页 共 3 页")]]
    text = read_text(_pdf_at(tmp_path / "header.pdf", pages)).text
    assert "2024年6月18日" not in text and "规划" not in text
    assert text.split("\n")[2:5] == ["指标\t2022年\t2025年", "研发投入强度\t2.1\t3.0", "企业数量\t85\t120"]


def test_a_one_page_pdfs_small_running_header_goes(tmp_path):
    """A one-page PDF's running header (a title and a date in 9 pt in the top margin, over a 14 pt body) repeats
    on no other page: its small face and place tell it. A large red head there and a small note in the body stay."""
    items = [(72, 812, "某县中药产业提升方案", 9), (420, 812, "2023年9月5日", 9),
             (120, 790, "某县人民政府文件", 22), (72, 740, "　　一、总体要求", 14),
             (72, 710, "　　到2026年，中药产业产值达到80亿元，建成种植基地12个。", 14),
             (72, 690, "　　注：产值按现价计算。", 9), (72, 660, "　　二、重点任务", 14)]
    text = read_text(_pdf_at(tmp_path / "one.pdf", [items])).text
    assert text.split("\n") == ["某县人民政府文件", "　　一、总体要求", "　　到2026年，中药产业产值达到80亿元，建成种植基地12个。",
                                "　　注：产值按现价计算。", "　　二、重点任务"]


def test_html_text_a_browser_does_not_show_is_not_read(tmp_path):
    """display:none, visibility:hidden and the hidden attribute hide drafting notes, a print view's copy
    or a closed tab; a page that shows its article only by script keeps the hidden article."""
    page = ("<html><body><div class='TRS_Editor'><p>一、总体要求</p>"
            "<p>到2025年，产业规模<span style='display: none'>到2030年达到900亿元</span>达到500亿元。</p>"
            "<p hidden>二、旧稿标题</p><p style='VISIBILITY:hidden'>（市财政局负责）</p><p>二、重点任务</p></div>"
            "<div class='print' style='display:none'><p>一、总体要求</p><p>到2025年，产业规模达到500亿元。</p></div>"
            "</body></html>")
    raw = read_text(write(tmp_path, "p.html", page.encode("utf-8")))
    assert raw.text == "一、总体要求\n到2025年，产业规模达到500亿元。\n二、重点任务"
    shown_by_script = ("<html><body><div class='nav'>首页</div><div id='zoom' style='display:none'>"
                       "<p>第一条 为促进生物医药产业发展，制定本办法。</p><p>第二条 本办法适用于本市。</p></div></body></html>")
    raw = read_text(write(tmp_path, "q.html", shown_by_script.encode("utf-8")))
    assert raw.text == "第一条 为促进生物医药产业发展，制定本办法。\n第二条 本办法适用于本市。"
    # a long menu of links beside the hidden article is no prose the page shows
    menu = "".join(f"<li><a href='/{i}'>栏目名称第{i}项链接文字</a></li>" for i in range(40))
    articles = "".join(f"<p>第{i}条 为促进生物医药产业发展，支持企业开展研发创新活动。</p>" for i in range(1, 15))
    raw = read_text(write(tmp_path, "r.html", f"<html><body><ul class='menu'>{menu}</ul><div id='zoom' style='display:none'>"
                          f"{articles}</div><div class='footer'>版权所有：某市人民政府办公室</div></body></html>".encode("utf-8")))
    assert raw.text.startswith("第1条 为促进生物医药产业发展") and raw.text.endswith("第14条 为促进生物医药产业发展，支持企业开展研发创新活动。")


def _signed_labelled_page():
    """A notice of labelled paragraphs whose last paragraph's last line is nearly full and ends in 。, then its
    落款 and date set right, as a 公文 sets them."""
    body = [(74, 760, "一、总体要求"),
            (74, 731, "（一）加快发展。支持企业建设研发平台，推动产品上市和"),
            (74, 702, "产业集聚。"),
            (74, 673, "二、保障措施"),
            (74, 644, "（二）加强领导。市政府建立工作专班统筹推进各项任务，"),
            (74, 615, "各区县政府抓好落实，定期报送进展情况，请认真组织实施。"),
            (330, 586, "某阳市人民政府办公室"),
            (360, 557, "2025年6月9日")]
    return [(x, y, s, 16) for x, y, s in body]


def test_pdf_line_set_right_after_a_full_last_line_starts_its_own(tmp_path):
    """A paragraph's last line nearly full and ending in 。 runs on in a document of labelled paragraphs, but
    a line set far right of the margin (a 落款, its date) is no wrapped line of it: the issuer stays apart."""
    raw = read_text(_pdf_at(tmp_path / "signed.pdf", [_signed_labelled_page()]))
    lines = [ln.strip() for ln in raw.text.splitlines()]
    assert "各区县政府抓好落实，定期报送进展情况，请认真组织实施。" in lines[-3]
    assert lines[-2:] == ["某阳市人民政府办公室", "2025年6月9日"]
    assert lines[1].endswith("推动产品上市和产业集聚。")  # a wrapped line still joins


def test_a_spread_line_keeps_no_space_pypdf_puts_after_a_full_width_mark_before_a_figure(tmp_path):
    """A justified line or a letter-spaced title sets （ and — an em wide and spreads every gap; pypdf writes a
    space where the font changes to the digits (（ 2025— 2027年）). No wider than the spread, no blank was typed."""
    import pypdf
    from bioparse.pdf_text import page_text
    items = []
    for y, size, extra in ((700, 16, 1), (650, 22, 3)):
        x = 150.0
        for ch in "行动方案（2025—2027年）":
            items.append((x, y, ch, size))
            x += (0.5 if ch.isascii() else 1.0) * size + extra
    page = pypdf.PdfReader(str(_pdf_at(tmp_path / "title.pdf", [items]))).pages[0]
    written = page.extract_text().split("\n")  # what pypdf writes
    assert "（2025— 2027年）" in written[0] and "（ 2025— 2027年" in written[1]
    lines = page_text(page).split("\n")
    assert lines[0] == "行动方案（2025—2027年）" and "（2025—2027年" in lines[1]


@pytest.mark.parametrize("head", ["附件1", "附件"])
def test_an_attachments_own_label_stays_where_its_running_head_is_dropped(head):
    """Each attachment starts a page with its label (附件1, then 附件2) and repeats a head on its later pages
    (附件1, or 附件): the heads go, the labels stay, as structure needs them to end one policy and start the next."""
    from bioparse.io import _strip_page_furniture
    pages = [["某市人民政府办公室", "2025年4月18日", "— 1 —"],
             ["附件1", "某市支持生物医药产业发展若干措施", "一、支持创新研发", "— 2 —"],
             [head, "（一）鼓励新药研发。", "— 3 —"],
             [head, "本措施自印发之日起施行。", "— 4 —"],
             ["附件2", "某市生物医药产业发展专项资金管理办法", "第一条　为规范专项资金管理，制定本办法。", "— 5 —"],
             [head.replace("1", "2"), "第二条　本办法自印发之日起施行。", "— 6 —"]]
    assert _strip_page_furniture(pages) == [
        ["某市人民政府办公室", "2025年4月18日"],
        ["附件1", "某市支持生物医药产业发展若干措施", "一、支持创新研发"], ["（一）鼓励新药研发。"], ["本措施自印发之日起施行。"],
        ["附件2", "某市生物医药产业发展专项资金管理办法", "第一条　为规范专项资金管理，制定本办法。"],
        ["第二条　本办法自印发之日起施行。"]]


def test_a_pdf_attachment_label_ending_in_its_number_runs_on_into_no_title():
    """附件2 ends in a digit as a line cut inside a number does (…达到1200亿⏎元): it is a label, and the title
    set below it is a line of its own."""
    from bioparse.io import join_wrapped_lines
    lines = ["本措施自2025年5月1日起施行，有效期至2027年12月31日。", "附件2", "某市生物医药产业发展专项资金管理办法",
             "第一条　为规范生物医药产业发展专项资金管理，提高资金使用效益，根据"]
    assert join_wrapped_lines(lines) == lines


def test_pdf_table_rows_under_a_category_cell_merged_down_are_rows_of_their_own(tmp_path):
    """A category (健康水平) written once beside three rows leaves their label column empty; their figures stand
    under figures of the row above, so each is a row, not a wrapped line of the one above."""
    cols = (60, 130, 330, 400, 470)
    rows = [["领域", "主要指标", "2020年", "2025年", "性质"], ["健康水平", "婴儿死亡率（‰）", "5.4", "≤5.2", "预期性"],
            ["", "5岁以下儿童死亡率（‰）", "7.5", "≤6.6", "预期性"], ["健康生活", "居民健康素养水平（%）", "23.15", "25.0", "预期性"]]
    items = [(72, 760, "一、主要发展指标")]
    items += [(x, 730 - 18 * k, c) for k, row in enumerate(rows) for x, c in zip(cols, row) if c]
    items += [(72, 640, "二、主要任务")]
    raw = read_text(_pdf_at(tmp_path / "merged.pdf", [items]))
    assert raw.text.replace(" ", "").split("\n")[1:5] == [
        "领域\t主要指标\t2020年\t2025年\t性质", "健康水平\t婴儿死亡率（‰）\t5.4\t≤5.2\t预期性",
        "5岁以下儿童死亡率（‰）\t7.5\t≤6.6\t预期性", "健康生活\t居民健康素养水平（%）\t23.15\t25.0\t预期性"]


def test_pdf_heading_close_under_a_table_is_no_wrapped_line_of_its_last_row(tmp_path):
    """A word processor sets the paragraph after a table one line under its last row, as narrow as a label:
    二、主要任务 opens like a part's heading, so it ends the table rather than joining the label above it."""
    cols = (90, 176, 263, 349, 436)
    rows = [(["具体指标"], "2010年", "2015年", "属性"), (["中医医院(所)"], "3232", "3397", "预期性"),
            (["高等院校中医", "药类专业在校", "生人数(万人)"], "55.3", "70.6", "预期性")]
    items, y = [(90, 740, "一、发展目标", 11)], 710
    for label, *cells in rows:
        items += [(cols[0], y - 12.8 * k, part, 11) for k, part in enumerate(label)]
        items += [(x, y, c, 11) for x, c in zip(cols[1:], cells)]
        y -= 12.8 * (len(label) - 1) + 13.3
    items += [(90, y, "二、主要任务", 11), (90, y - 24.7, "（一）加强中医医疗服务体系建设。完善服务网络。", 11)]
    lines = read_text(_pdf_at(tmp_path / "after.pdf", [items])).text.replace(" ", "").split("\n")
    assert lines[-3:] == ["高等院校中医药类专业在校生人数(万人)\t55.3\t70.6\t预期性", "二、主要任务",
                          "（一）加强中医医疗服务体系建设。完善服务网络。"]


def test_pdf_label_filling_its_column_is_parted_from_the_figure_at_the_next_columns_start(tmp_path):
    """A wrapped label fills its column, so its line ends only the cell's padding (about an em) short of the
    next column, nearer than two cells usually stand: the figure that starts where that column starts in the
    other rows opens a cell of its own."""
    cols = (176, 263, 349)
    rows = [("主要指标", "2020年", "2025年"), ("婴儿死亡率", "5.4", "≤5.2"), ("5岁以下儿童死", "7.5", "≤6.6")]
    items = [(90, 760, "一、主要发展指标", 11)]
    items += [(x, 730 - 13.3 * k, c, 11) for k, row in enumerate(rows) for x, c in zip(cols, row)]
    items += [(176, 730 - 13.3 * 2 - 12.8, "亡率（‰）", 11), (90, 660, "二、主要任务", 11)]
    lines = read_text(_pdf_at(tmp_path / "full.pdf", [items])).text.replace(" ", "").split("\n")
    assert lines[1:5] == ["主要指标\t2020年\t2025年", "婴儿死亡率\t5.4\t≤5.2", "5岁以下儿童死亡率（‰）\t7.5\t≤6.6",
                          "二、主要任务"]


def test_pdf_glyphs_written_font_by_font_fill_the_blanks_left_for_them():
    """LibreOffice writes a line's Latin-face glyphs (“ ” ‰) apart from its CJK run, which holds a space
    where each stands; each goes into its blank, and pypdf's space before it goes."""
    from bioparse.pdf_text import Piece, fill_font_gaps
    pieces = [Piece(0, "“", 90.1, 709.8, 11), Piece(1, " ", 128.8, 709.8, 0), Piece(2, "”", 128.8, 709.8, 11),
              Piece(3, "十四五 国民健康规划", 95.8, 709.8, 11), Piece(4, "\n", 0, 0, 0),
              Piece(5, "‰", 187.5, 543.6, 11), Piece(6, "（ ）", 176.5, 543.6, 11), Piece(7, "\n", 0, 0, 0),
              Piece(8, "共 3 家", 90.0, 500.0, 11), Piece(9, "x", 300.0, 500.0, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "“十四五”国民健康规划\n（‰）\n共 3 家x"


def test_a_page_whose_article_lost_its_line_breaks_is_broken_before_its_headings(tmp_path):
    """A page that prints its article as one paragraph (a crawled copy re-published) reads as a text that kept them."""
    body = ("某市生物医药产业行动方案" + "为加快发展，" * 40 + "制定本方案。一、总体要求（一）指导思想。以创新为指导。"
            "（二）发展目标。到2027年产业规模达到1000亿元。二、重点任务（一）建设平台。支持建设。（责任单位：市科技局）")
    page = f"<html><head><meta charset='utf-8'></head><body><div class='article'><p>{body}</p></div></body></html>"
    raw = read_text(write(tmp_path, "page.html", page.encode("utf-8")))
    assert [line[:3] for line in raw.text.split("\n") if line.strip()][1:] == ["一、总", "（一）", "（二）", "二、重", "（一）"]
    assert raw.text.replace("\n", "") == body


def test_pdf_glyphs_written_in_one_piece_fill_their_blanks_in_order():
    """LibreOffice may write all the Latin-face glyphs of a line in one array (　 “ ” of 第一条　…“产学研医”…), which
    pypdf hands as one piece with its spaces between: the first glyph goes where it stands, the others into the
    next blanks of the line's CJK run; a piece whose glyphs outnumber the blanks left stays as it is."""
    from bioparse.pdf_text import Piece, fill_font_gaps
    pieces = [Piece(0, "\u3000 “ ”", 123.1, 616.3, 11), Piece(1, "第一条 支持研发。一是鼓励企业加强 产学研医 协同创新", 90.1, 616.3, 11),
              Piece(2, "\n", 0, 0, 0), Piece(3, "“ ” “", 112.1, 500.0, 11), Piece(4, "局和 四个全面 战略", 90.1, 500.0, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "第一条\u3000支持研发。一是鼓励企业加强“产学研医”协同创新\n“ ” “局和 四个全面 战略"


def test_pdf_glyphs_with_no_blank_left_for_them_go_in_where_they_stand():
    """A 　 drawn in a Latin face at 101.1 pt and written before its line's CJK run 一强化创新引领 (90.1 pt, 11 pt):
    pypdf left no blank for it, so it goes in after 一 (one em in); so does the first of 　 “ ” when only the quotes
    have blanks, and a run that opens with the line's 　　 indent keeps it before the line. A piece at a run's end,
    or after a far-indent mark, is left where it was written."""
    from bioparse.pdf_text import Piece, fill_font_gaps
    pieces = [Piece(0, "\u3000", 101.1, 374.0, 11), Piece(1, "一强化创新引领", 90.1, 374.0, 11), Piece(2, "\n", 0, 0, 0),
              Piece(3, "Ⅰ Ⅱ Ⅲ", 123.1, 300.0, 11), Piece(4, "对完成、 、 期临床试验", 90.1, 300.0, 11), Piece(5, "\n", 0, 0, 0),
              Piece(6, "\u3000 \u3000 \u3000 “ ”", 90.1, 250.0, 11), Piece(7, "第三条 租金减免。实行 三免两减半 ，", 112.1, 250.0, 11),
              Piece(8, "\n", 0, 0, 0), Piece(9, "\u3000\u3000\u3000\u3000川", 300.0, 200.0, 11), Piece(10, "府", 311.0, 200.0, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces).split("\n") == [
        "一\u3000强化创新引领", "对完成Ⅰ、Ⅱ、Ⅲ期临床试验", "\u3000\u3000第三条\u3000租金减免。实行“三免两减半”，",
        "\u3000\u3000\u3000\u3000川府"]


def test_a_glyph_run_opening_with_a_typed_indent_keeps_it_and_fills_the_blanks():
    """    “ ” written before （二）加强品牌宣传。围绕 长春疫苗 等… (an indent typed as four blanks, of no known width): the
    blanks stay before the line, the quotes go into the run's blanks in order."""
    from bioparse.pdf_text import Piece, fill_font_gaps
    pieces = [Piece(0, "    “ ”", 90.1, 709.8, 11), Piece(1, "（二）加强品牌宣传。围绕 长春疫苗 等品牌开展宣传", 104.1, 709.8, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "    （二）加强品牌宣传。围绕“长春疫苗”等品牌开展宣传"


def test_a_glyph_run_fills_the_blanks_of_a_line_split_into_pieces():
    """A justified line LibreOffice writes in several CJK pieces (围绕 ⏎长春疫苗 长⏎白山人参 等…) after its quotes “ ”“ ”: the
    blanks of all the pieces, a piece's last blank too, in the order they stand, the first where the run starts."""
    from bioparse.pdf_text import Piece, fill_font_gaps
    pieces = [Piece(0, "“ ”“ ”", 236.1, 709.8, 11), Piece(1, "（二）加强品", 104.1, 709.8, 11), Piece(2, "牌宣传。", 170.1, 709.8, 11),
              Piece(3, "围绕 ", 214.1, 709.8, 11), Piece(4, "长春疫苗 长", 247.1, 709.8, 11), Piece(5, "白山人参 等", 313.1, 709.8, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "（二）加强品牌宣传。围绕“长春疫苗”“长白山人参”等"
    pieces = [Piece(0, "\u3000 \u3000 “ ”", 90.1, 600.0, 11), Piece(1, "（五）强化人才支撑。", 112.1, 600.0, 11),
              Piece(2, "实施 花果山英才 计划", 222.1, 600.0, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "\u3000\u3000（五）强化人才支撑。实施“花果山英才”计划"
    # Ⅰ Ⅱ Ⅲ after the indent, the run having blanks for Ⅱ and Ⅲ only (Ⅰ is narrow): Ⅰ goes one step of the list before
    pieces = [Piece(0, "\u3000 \u3000 Ⅰ Ⅱ Ⅲ", 90.1, 500.0, 11), Piece(1, "２．支持开展新药临床试验。对完成期、 期、 期临床试验", 112.1, 500.0, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "\u3000\u3000２．支持开展新药临床试验。对完成Ⅰ期、Ⅱ期、Ⅲ期临床试验"


def test_a_blank_drawn_in_a_latin_face_goes_back_between_two_names():
    """牵头单位：市科技局　配合单位：… : LibreOffice writes the blank (a Latin-face glyph) before the CJK run, which has no
    blank for it; it goes back after 市科技局. pypdf's own space before a piece that starts where it stands stays."""
    from bioparse.pdf_text import Piece, fill_font_gaps
    pieces = [Piece(0, " ", 189.1, 384.0, 11), Piece(1, "牵头单位：市科技局配合单位：市财政局", 90.1, 384.0, 11),
              Piece(2, "\n", 0, 0, 0), Piece(3, "对首次注册的", 90.1, 300.0, 11), Piece(4, " ", 156.1, 300.0, 12),
              Piece(5, "产品给予奖励", 156.1, 300.0, 11)]
    assert fill_font_gaps(pieces)
    assert "".join(p.text for p in pieces) == "牵头单位：市科技局 配合单位：市财政局\n对首次注册的 产品给予奖励"


def test_a_lines_latin_glyphs_written_before_its_cjk_run_do_not_make_it_far_indented():
    """“ ” drawn at 431 pt and written before the line's CJK run, which starts at the margin: the line starts at the
    margin, so it takes no far-indent mark, and the quotes go into their blanks (按照“五位一体”总体布局)."""
    from bioparse.pdf_text import Piece, pieces_text
    pieces = [Piece(0, "(一)总体要求。", 90.1, 556.9, 11), Piece(1, "\n", 0, 0, 0), Piece(2, "“ ”", 431.1, 542.2, 11),
              Piece(3, "全面贯彻党的十八大和十八届三中、四中、五中、六中全会精神，按照 五位一体 总体布", 90.1, 542.2, 11),
              Piece(4, "\n", 0, 0, 0), Piece(5, "某省人民政府", 400.0, 500.0, 11)]
    text = pieces_text(pieces, (842.0, 842.0), marks=True)
    assert text.split("\n")[1] == "全面贯彻党的十八大和十八届三中、四中、五中、六中全会精神，按照“五位一体”总体布"
    assert text.split("\n")[2].startswith("\u3000" * 4)  # a line truly set right keeps its mark
