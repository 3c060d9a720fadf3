"""Word's automatic list numbers are part of a .docx's text: headings numbered by Word parse like typed ones."""
from __future__ import annotations

import warnings

import pytest

from bioparse.docx_text import chinese_number, format_number
from bioparse.io import read_text

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lvl(i, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def _document(levels, nums=(("90", "90", ""),)):
    """A python-docx Document with one list definition (abstractNum 90) and the given w:num elements."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {NS} w:abstractNumId="90">{"".join(levels)}</w:abstractNum>'))
    for num_id, abstract_id, body in nums:
        numbering.append(parse_xml(f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                                   f'{body}</w:num>'))
    return d


def _para(d, text, ilvl=None, num_id="90"):
    p = d.add_paragraph(text)
    if ilvl is not None:
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def _lines(d, tmp_path):
    path = tmp_path / "numbered.docx"
    d.save(path)
    return read_text(path).text.split("\n")


POLICY_LEVELS = [_lvl(0, "chineseCounting", "%1、"), _lvl(1, "chineseCounting", "（%2）"), _lvl(2, "decimal", "%3.")]


def test_numbered_headings_get_their_labels_and_parse_into_a_tree(tmp_path):
    d = _document(POLICY_LEVELS)
    _para(d, "为推动发展，制定本方案。")
    for text, level in [("总体要求", 0), ("指导思想。坚持创新。", 1), ("重点任务", 0), ("实施工程。", 1),
                        ("化学药。2025年前完成。", 2), ("仿制药。", 2), ("建设平台。", 1)]:
        _para(d, text, level)
    assert _lines(d, tmp_path) == ["为推动发展，制定本方案。", "一、总体要求", "（一）指导思想。坚持创新。", "二、重点任务",
                                   "（一）实施工程。", "1. 化学药。2025年前完成。", "2. 仿制药。", "（二）建设平台。"]
    from bioparse import pipeline
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = pipeline.parse_document(tmp_path / "numbered.docx", "numbered")["provisions"]
    assert [(p["provision_id"], p["title"]) for p in rows] == [
        ("0", ""), ("1", "总体要求"), ("1.1", "指导思想"), ("2", "重点任务"), ("2.1", "实施工程"),
        ("2.1.1", "化学药"), ("2.1.2", "仿制药"), ("2.2", "建设平台")]


def test_items_numbered_on_across_parts_by_lvl_restart(tmp_path):
    """w:lvlRestart 0: a 若干措施's items 1.–n. number on across its parts 一、 二、 instead of starting again at 1."""
    levels = [_lvl(0, "chineseCounting", "%1、"), _lvl(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>')]
    d = _document(levels)
    for text, level in [("创新", 0), ("建平台。", 2), ("引人才。", 2), ("市场", 0), ("拓市场。", 2)]:
        _para(d, text, level)
    assert _lines(d, tmp_path) == ["一、创新", "1. 建平台。", "2. 引人才。", "二、市场", "3. 拓市场。"]


def test_lvl_restart_names_the_level_that_restarts(tmp_path):
    """w:lvlRestart 1 on the items: only a part 一、 starts them again, a section （一） does not."""
    levels = [_lvl(0, "chineseCounting", "%1、"), _lvl(1, "chineseCounting", "（%2）"),
              _lvl(2, "decimal", "%3.", extra='<w:lvlRestart w:val="1"/>')]
    d = _document(levels)
    for text, level in [("创新", 0), ("平台", 1), ("建平台。", 2), ("人才", 1), ("引人才。", 2), ("市场", 0), ("拓市场。", 2)]:
        _para(d, text, level)
    assert _lines(d, tmp_path) == ["一、创新", "（一）平台", "1. 建平台。", "（二）人才", "2. 引人才。", "二、市场", "1. 拓市场。"]


def test_numbering_by_paragraph_style(tmp_path):
    d = _document([_lvl(0, "chineseCounting", "第%1条", extra='<w:suff w:val="space"/>')])
    styles = d.styles.element
    styles.append(parse_xml(f'<w:style {NS} w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/>'
                            f'<w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'))
    styles.append(parse_xml(f'<w:style {NS} w:type="paragraph" w:styleId="ArticleBold"><w:name w:val="ArticleBold"/>'
                            f'<w:basedOn w:val="Article"/></w:style>'))
    for text, style in [("为了促进发展，制定本办法。", "Article"), ("本办法适用于本市。", "ArticleBold")]:
        d.add_paragraph(text, style=d.styles["Article" if style == "Article" else "ArticleBold"])
    assert _lines(d, tmp_path) == ["第一条 为了促进发展，制定本办法。", "第二条 本办法适用于本市。"]


def test_lists_of_one_definition_share_counters_unless_restarted(tmp_path):
    d = _document(POLICY_LEVELS, nums=(("90", "90", ""), ("91", "90", ""),
                                       ("92", "90", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')))
    _para(d, "甲", 0, "90")
    _para(d, "乙", 0, "91")  # another list of the same definition continues it
    _para(d, "丙", 0, "92")  # a start override restarts it
    _para(d, "丁", 0, "0")  # numId 0 removes the numbering
    assert _lines(d, tmp_path) == ["一、甲", "二、乙", "一、丙", "丁"]


def test_bullets_and_unnumbered_paragraphs_get_no_label(tmp_path):
    d = _document([_lvl(0, "bullet", "•")])
    _para(d, "要点", 0)
    _para(d, "正文")
    assert _lines(d, tmp_path) == ["要点", "正文"]


@pytest.mark.parametrize("n,expected", [(1, "一"), (10, "十"), (16, "十六"), (20, "二十"), (21, "二十一"),
                                        (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一")])
def test_chinese_counting(n, expected):
    assert chinese_number(n) == expected


@pytest.mark.parametrize("fmt,n,expected", [("decimal", 3, "3"), ("decimalEnclosedCircle", 3, "③"),
                                            ("ideographTraditional", 2, "乙"), ("decimalFullWidth", 12, "１２"),
                                            ("upperRoman", 14, "XIV"), ("lowerLetter", 27, "aa"), ("none", 5, ""),
                                            ("decimalZero", 7, "07")])
def test_number_formats(fmt, n, expected):
    assert format_number(n, fmt) == expected


def test_text_in_smart_tags_insertions_and_content_controls_is_kept(tmp_path):
    """python-docx's Paragraph.text skips runs inside these wrappers; Word shows them."""
    d = docx.Document()
    p = d.add_paragraph("本方案自")
    run = '<w:r><w:t>{}</w:t></w:r>'
    p._p.append(parse_xml(f'<w:smartTag {NS} w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">'
                          f'{run.format("2018年1月1日")}</w:smartTag>'))
    p._p.append(parse_xml(f'<w:ins {NS} w:id="1" w:author="a">{run.format("起")}</w:ins>'))
    p._p.append(parse_xml(f'<w:del {NS} w:id="2" w:author="a"><w:r><w:delText>删去的字</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:sdt {NS}><w:sdtContent>{run.format("施行")}</w:sdtContent></w:sdt>'))
    p._p.append(parse_xml(f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {NS}><w:instrText>PAGE</w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {NS}><w:t>。</w:t><w:tab/><w:t>附</w:t><w:br w:type="page"/></w:r>'))
    assert _lines(d, tmp_path) == ["本方案自2018年1月1日起施行。\t附"]


def test_table_rows_as_lines_with_merged_cells_once(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "任务"
    table.cell(0, 2).text = "责任单位"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "研发"
    for r, (task, unit) in enumerate([("新药", "市科技局"), ("器械", "市工信局")], start=1):
        table.cell(r, 1).text, table.cell(r, 2).text = task, unit
    # a row of plain cells is one line, its cells joined by tabs; a cell merged across columns is read
    # once, a label merged down the first column in each row it spans
    assert [line for line in _lines(d, tmp_path) if line] == ["任务\t责任单位", "研发\t新药\t市科技局", "研发\t器械\t市工信局"]


def test_a_table_cell_of_several_paragraphs_gives_a_line_each(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "一、总体要求"
    table.cell(0, 0).add_paragraph("（一）发展目标。到2025年。")
    table.cell(0, 1).text = "说明"
    assert [line for line in _lines(d, tmp_path) if line] == ["一、总体要求", "（一）发展目标。到2025年。", "说明"]


def test_a_head_cell_set_over_two_paragraphs_stays_in_its_row(tmp_path):
    """指标 | 2020年⏎（基期） | 2025年: a short label over lines is one cell, so the row stays one line and the
    figures below keep their column's year; a cell of headings or sentences still gives a line each."""
    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "2020年"
    table.cell(0, 1).add_paragraph("（基期）")
    table.cell(0, 2).text = "2025年"
    for c, text in enumerate(["产业规模（亿元）", "300", "600"]):
        table.cell(1, c).text = text
    table.cell(2, 0).text = "一、总体要求"
    table.cell(2, 0).add_paragraph("（一）发展目标")
    assert [line for line in _lines(d, tmp_path) if line] == [
        "指标\t2020年 （基期）\t2025年", "产业规模（亿元）\t300\t600", "一、总体要求", "（一）发展目标"]


def _add_footnotes(d, notes: str) -> None:
    """Give the document a footnotes part holding the w:footnote elements ``notes``."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                f"<w:footnotes {NS}>{notes}</w:footnotes>".encode("utf-8"), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)


def test_text_boxes_follow_their_paragraph_and_notes_come_last(tmp_path):
    d = docx.Document()
    d.add_paragraph("一、重点项目")
    box = (f'<w:p {NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
           '<w:txbxContent><w:p><w:r><w:t>专栏1 建设细胞治疗中试基地，总投资20亿元。</w:t></w:r></w:p></w:txbxContent>'
           '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
           '<w:t>专栏1 建设细胞治疗中试基地，总投资20亿元。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
           '</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    d.element.body.insert(1, parse_xml(box))
    d.add_paragraph("二、保障措施")
    _add_footnotes(d, '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                      '<w:footnote w:id="1"><w:p><w:r><w:t>产业规模指规模以上企业营业收入。</w:t></w:r></w:p></w:footnote>')
    assert [line for line in _lines(d, tmp_path) if line] == [
        "一、重点项目", "专栏1 建设细胞治疗中试基地，总投资20亿元。", "二、保障措施", "产业规模指规模以上企业营业收入。"]


def test_a_cited_note_follows_the_paragraph_citing_it(tmp_path):
    """A footnote belongs to the provision that cites it, not to the document's last one."""
    d = docx.Document()
    d.add_paragraph("一、支持研发")
    cite = (f'<w:p {NS}><w:r><w:t>（一）支持新药研发。</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>')
    d.element.body.insert(1, parse_xml(cite))
    deleted = (f'<w:p {NS}><w:r><w:t>（二）优化审评。</w:t></w:r>'
               '<w:del w:id="9" w:author="x"><w:r><w:footnoteReference w:id="3"/></w:r></w:del></w:p>')
    d.element.body.insert(2, parse_xml(deleted))
    d.add_paragraph("二、保障措施")
    _add_footnotes(d, '<w:footnote w:id="2"><w:p><w:r><w:t>一次性补助20万元（责任单位：省财政厅）。</w:t></w:r></w:p>'
                      '</w:footnote><w:footnote w:id="3"><w:p><w:r><w:t>已删除的注。</w:t></w:r></w:p></w:footnote>')
    assert [line for line in _lines(d, tmp_path) if line] == [
        "一、支持研发", "（一）支持新药研发。", "一次性补助20万元（责任单位：省财政厅）。", "（二）优化审评。",
        "二、保障措施", "已删除的注。"]


def test_a_manual_line_break_inside_a_sentence_joins_it(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("对新获批的创新药，给予最高")
    p.add_run().add_break()
    p.add_run("1000万元支持。")
    p.add_run().add_break()
    p.add_run("（一）下一项")
    assert [line for line in _lines(d, tmp_path) if line] == ["对新获批的创新药，给予最高1000万元支持。", "（一）下一项"]


def _headed(title_style: str | None, headings: list[tuple[str, str]]) -> "docx.Document":
    """A document with a title and paragraphs in styles: (style or "", text)."""
    d = docx.Document()
    d.add_paragraph("义乌市生物医药产业三年行动方案", style=title_style)
    for style, text in headings:
        d.add_paragraph(text, style=style or None)
    return d


UNNUMBERED = [("Heading 1", "总体要求"), ("Heading 2", "发展目标"), ("", "到2026年，产值达到150亿元。"),
              ("Heading 1", "重点任务"), ("Heading 2", "创新能力提升行动"), ("", "1.建设创新平台。"),
              ("", "2.加快产品上市。"), ("Heading 2", "企业培育行动"), ("", "1.招引龙头项目。")]


def test_headings_set_only_by_heading_styles_get_the_numbers_a_reader_counts(tmp_path):
    lines = [line for line in _lines(_headed("Heading 1", UNNUMBERED), tmp_path) if line]
    assert lines == ["义乌市生物医药产业三年行动方案", "一、总体要求", "（一）发展目标", "到2026年，产值达到150亿元。",
                     "二、重点任务", "（一）创新能力提升行动", "1.建设创新平台。", "2.加快产品上市。",
                     "（二）企业培育行动", "1.招引龙头项目。"]


def test_typed_numbers_or_a_single_heading_get_no_drawn_numbers(tmp_path):
    typed = [(s, t if s != "Heading 1" else f"{n}、{t}") for (s, t), n in zip(UNNUMBERED, "一一一二二二二二二")]
    lines = [line for line in _lines(_headed(None, typed), tmp_path) if line]
    assert lines[1] == "一、总体要求" and lines[4] == "二、重点任务"
    assert "（一）发展目标" in lines  # the unnumbered second level still counts
    single = [("Heading 1", "附则"), ("", "本方案自印发之日起施行。")]
    assert [line for line in _lines(_headed(None, single), tmp_path) if line][1] == "附则"


def _style(d, sid, numpr):
    d.styles.element.append(parse_xml(f'<w:style {NS} w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>'
                                      f'<w:pPr><w:numPr>{numpr}</w:numPr></w:pPr></w:style>'))


def test_a_style_naming_only_the_list_takes_the_level_linked_back_to_it(tmp_path):
    """Word's multilevel list linked to styles: the style's numPr has no ilvl; the level whose w:pStyle is the style counts it."""
    d = _document([_lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="PartH"/>'),
                   _lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="MeasureH"/>')])
    for sid in ("PartH", "MeasureH"):
        _style(d, sid, '<w:numId w:val="90"/>')
    for text, sid in [("总体要求", "PartH"), ("重点任务", "PartH"), ("支持研发。", "MeasureH"), ("强化保障。", "MeasureH")]:
        d.add_paragraph(text, style=d.styles[sid])
    assert _lines(d, tmp_path) == ["一、总体要求", "二、重点任务", "（一）支持研发。", "（二）强化保障。"]


def test_a_list_linked_to_a_numbering_style_takes_the_styles_levels(tmp_path):
    """An abstractNum holding only w:numStyleLink numbers with the levels of the one the list style names."""
    d = _document(POLICY_LEVELS, nums=(("90", "90", ""), ("91", "91", ""),
                                       ("92", "91", '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>')))
    d.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="91"><w:numStyleLink w:val="PolicyList"/></w:abstractNum>'))
    d.styles.element.append(parse_xml(f'<w:style {NS} w:type="numbering" w:styleId="PolicyList"><w:name w:val="PolicyList"/>'
                                      f'<w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'))
    for text, level, num in [("总体要求", 0, "91"), ("支持研发。", 1, "91"), ("保障措施", 0, "91"), ("加强领导。", 1, "92")]:
        _para(d, text, level, num)
    assert _lines(d, tmp_path) == ["一、总体要求", "（一）支持研发。", "二、保障措施", "（一）加强领导。"]


def test_hidden_text_is_left_out_and_symbols_are_read(tmp_path):
    """w:vanish runs (drafting notes) are not shown; a Symbol-font w:sym is the character it draws (≥)."""
    d = docx.Document()
    p = d.add_paragraph("覆盖率")
    p._p.append(parse_xml(f'<w:r {NS}><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {NS}><w:rPr><w:vanish/></w:rPr><w:t>【原为80%】</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {NS}><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>90%。</w:t></w:r>'))
    assert _lines(d, tmp_path) == ["覆盖率≥90%。"]


def test_table_rows_and_cells_inside_content_controls_are_read(tmp_path):
    """A template's repeating section wraps w:tr (or a w:tc) in a w:sdt: its text is the table's."""
    d = docx.Document()
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    d.element.body.insert(0, parse_xml(
        f'<w:tbl {NS}><w:tr>{cell.format("措施")}<w:sdt><w:sdtContent>{cell.format("内容")}</w:sdtContent></w:sdt></w:tr>'
        f'<w:sdt><w:sdtContent><w:tr>{cell.format("（一）支持研发")}{cell.format("给予支持。")}</w:tr></w:sdtContent></w:sdt></w:tbl>'))
    assert _lines(d, tmp_path)[:2] == ["措施\t内容", "（一）支持研发\t给予支持。"]


def test_a_category_merged_down_rows_is_read_in_each_row(tmp_path):
    """A first column merged down (w:vMerge) repeats in the rows it spans, so every row keeps its columns."""
    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("类别", "指标（家）", "2027年"), ("", "企业（家）", "50"), ("", "平台（个）", "10")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "产业规模"
    assert _lines(d, tmp_path)[:3] == ["类别\t指标（家）\t2027年", "产业规模\t企业（家）\t50", "产业规模\t平台（个）\t10"]


def _with_alt_chunk(tmp_path, name, before: str, chunk: bytes, content_type: str, after: str = ""):
    """A .docx whose body imports a part whole (w:altChunk), as web systems' 导出Word (html-docx-js) write it."""
    import zipfile
    d = docx.Document()
    if before:
        d.add_paragraph(before)
    marker = d.add_paragraph()._p  # the chunk stands where this paragraph stood, before the section properties
    marker.addnext(parse_xml(f'<w:altChunk {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument'
                             '/2006/relationships" r:id="htmlChunk"/>'))
    marker.getparent().remove(marker)
    if after:
        d.add_paragraph(after)
    src, path = tmp_path / "src.docx", tmp_path / name
    d.save(src)
    rel = ('<Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/aFChunk" Target="/word/afchunk.mht"/></Relationships>')
    override = f'<Override PartName="/word/afchunk.mht" ContentType="{content_type}"/></Types>'
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode())
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode())
            zout.writestr(info, data)
        zout.writestr("word/afchunk.mht", chunk)
    return path


def test_content_imported_whole_by_an_alt_chunk_is_read_in_its_place(tmp_path):
    """python-docx shows nothing of a w:altChunk: a .docx exported from a web system held no text at all."""
    import quopri
    page = ("<!DOCTYPE html><html><head><meta charset='gb2312'></head><body><p>一、支持创新药研发。</p>"
            "<p>（一）对进入临床试验的品种给予最高300万元资助。</p><table><tr><td>指标</td><td>2025年</td></tr></table>"
            "</body></html>").encode("gbk")
    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"--b\"\r\n\r\n"
           b"----b\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n"
           b"Content-Location: file:///C:/fake/document.html\r\n\r\n" + quopri.encodestring(page) + b"\r\n----b--\r\n")
    path = _with_alt_chunk(tmp_path, "exported.docx", "某市若干措施", mht, "message/rfc822", "某市人民政府")
    assert read_text(path).text == "某市若干措施\n一、支持创新药研发。\n（一）对进入临床试验的品种给予最高300万元资助。\n指标\t2025年\n某市人民政府"
    html = _with_alt_chunk(tmp_path, "html.docx", "", "<html><body><p>二、加快集聚。</p></body></html>".encode(), "text/html")
    assert read_text(html).text == "二、加快集聚。"


def test_a_label_merged_down_any_column_is_read_in_each_row_and_a_figure_once(tmp_path):
    """w:vMerge: a unit or the bodies responsible merged down a later column repeat in the rows they span, as a
    category in the first does, though the merged cell keeps an empty paragraph under its text; a figure does not."""
    d = docx.Document()
    table = d.add_table(rows=4, cols=4)
    for r, row in enumerate([("指标", "单位", "2023年", "责任单位"), ("营业收入", "", "", ""),
                             ("工业增加值", "", "", ""), ("企业数量", "家", "5", "市科技局")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(2, 1)).text = "亿元"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "180"
    merged = table.cell(1, 3).merge(table.cell(2, 3))
    merged.text = "市发展改革委"
    merged.add_paragraph("")  # Word keeps an empty paragraph in many merged cells
    assert _lines(d, tmp_path)[:4] == ["指标\t单位\t2023年\t责任单位", "营业收入\t亿元\t180\t市发展改革委",
                                       "工业增加值\t亿元\t\t市发展改革委", "企业数量\t家\t5\t市科技局"]


def test_a_note_cited_in_a_table_cell_follows_the_table(tmp_path):
    """A note cited by an indicator's cell (产业规模①) would, read after its paragraph, make the cell two
    paragraphs and split the row: it follows the table, whose rows keep their columns and years."""
    d = docx.Document()
    d.add_paragraph("一、发展目标")
    table = d.add_table(rows=2, cols=3)
    for r, row in enumerate([["指标", "2023年", "2026年"], ["产业规模（亿元）", "420", "650"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).paragraphs[0]._p.append(parse_xml(f'<w:r {NS}><w:footnoteReference w:id="1"/></w:r>'))
    d.add_paragraph("二、重点任务")
    _add_footnotes(d, '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                      '<w:footnote w:id="1"><w:p><w:r><w:t>注：产业规模指规模以上企业营业收入。</w:t></w:r></w:p></w:footnote>')
    assert [line for line in _lines(d, tmp_path) if line] == [
        "一、发展目标", "指标\t2023年\t2026年", "产业规模（亿元）\t420\t650", "注：产业规模指规模以上企业营业收入。",
        "二、重点任务"]
