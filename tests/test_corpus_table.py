"""A crawled corpus kept as one CSV (one policy a row) split into a folder bioparse build reads."""
from __future__ import annotations

import csv

import pytest

from bioparse import cli, io, pipeline
from bioparse.corpus_table import split_table
from bioparse.errors import ManifestError, UnsupportedFormatError

POLICY = ("关于促进生物医药产业发展的若干措施\n一、支持创新\n（一）加大研发投入。到2027年产值达到100亿元。（责任单位：省科技厅）\n"
          "（二）加快审评审批。（责任单位：省药监局）\n")


def write_table(path, header, rows, encoding="utf-8-sig"):
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_each_rows_text_becomes_a_file_named_in_the_manifest_with_its_fields(tmp_path):
    table = write_table(tmp_path / "crawl.csv", ["标题", "发文机关", "发布时间", "正文", "链接"], [
        ["若干措施", "省人民政府办公厅", "2024-05-10 10:15", POLICY, "http://example.gov.cn/a.html"],
        ["空行", "", "", "", ""],
        ["第二份", "市科技局", "2024/6/1", "一、总体要求\n到2026年建成平台10个。\n", ""],
    ], encoding="gb18030")  # Excel on Chinese Windows saves GBK
    result = split_table(table, tmp_path / "raw")
    assert result == {"written": 2, "skipped": [3], "text_column": "正文"}
    manifest = io.read_manifest(tmp_path / "raw")
    assert list(manifest["doc_id"]) == ["crawl_00002", "crawl_00004"]
    assert list(manifest["date"]) == ["2024-05-10", "2024-06-01"]
    assert list(manifest["issuer"]) == ["省人民政府办公厅", "市科技局"]
    assert manifest["url"][0] == "http://example.gov.cn/a.html"
    assert (tmp_path / "raw" / "crawl_00002.txt").read_text(encoding="utf-8") == POLICY
    docs, problems = io.discover(tmp_path / "raw")
    assert [d["doc_id"] for d in docs] == ["crawl_00002", "crawl_00004"] and not problems
    r = pipeline.parse_document(docs[0]["path"], docs[0]["doc_id"], docs[0]["meta"])
    assert [a["agency"] for a in r["agencies"]] == ["省科技厅", "省药监局"]
    assert r["documents"][0]["title"] == "若干措施"


def test_the_text_column_is_found_by_length_and_ids_are_kept_unique(tmp_path):
    table = write_table(tmp_path / "t.csv", ["id", "name", "body_html_stripped"],
                        [["p/1", "A", POLICY], ["p/1", "B", POLICY * 2]])
    assert split_table(table, tmp_path / "raw")["text_column"] == "body_html_stripped"
    assert sorted(p.name for p in (tmp_path / "raw").glob("*.txt")) == ["p_1.txt", "p_1_2.txt"]


def test_a_table_without_texts_or_into_a_folder_with_a_manifest_is_refused(tmp_path):
    short = write_table(tmp_path / "short.csv", ["标题", "日期"], [["若干措施", "2024-05-10"]])
    with pytest.raises(ManifestError, match="no column holds the policies' texts.*--text-column"):
        split_table(short, tmp_path / "raw")
    with pytest.raises(ManifestError, match="no column 'content'"):
        split_table(short, tmp_path / "raw", text_column="content")
    table = write_table(tmp_path / "t.csv", ["正文"], [[POLICY]])
    split_table(table, tmp_path / "raw")
    with pytest.raises(ManifestError, match="has a manifest already"):
        split_table(table, tmp_path / "raw")


def test_the_command_line_splits_and_a_csv_among_documents_names_the_command(tmp_path, capsys):
    table = write_table(tmp_path / "t.csv", ["正文"], [[POLICY], [""]])
    assert cli.main(["import-csv", str(table), "--out", str(tmp_path / "raw")]) == 0
    out, err = capsys.readouterr()
    assert "wrote 1 documents" in out and "skipped 1 row(s) with an empty text: 3" in err
    with pytest.raises(UnsupportedFormatError, match="bioparse import-csv FILE --out FOLDER"):
        io.file_kind(table)
