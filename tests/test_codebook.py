"""The codebook loads, validates, and lists its terms."""
import pytest
import yaml

from bioparse.codebook import (REQUIRED, code_parent, codebook_terms, default_codebook_path,
                               iter_codes, load_codebook)
from bioparse.errors import BioparseError


def test_packaged_codebook_has_three_schemes_and_all_fields():
    book = load_codebook()
    assert set(book["schemes"]) >= {"theme", "instrument", "stage"}
    for scheme, code in iter_codes(book):
        for field in REQUIRED:
            assert code.get(field) not in (None, ""), (scheme, code.get("id"), field)
        assert code["include"], code["id"]


def test_codebook_covers_design_vocabulary():
    book = load_codebook()
    ids = {s: {c["id"] for c in codes} for s, codes in book["schemes"].items()}
    assert {"chemical_drug", "biologic", "tcm", "cell_gene_therapy", "nucleic_acid",
            "medical_device", "outsourcing", "review_approval", "insurance_procurement"} <= ids["theme"]
    assert ids["stage"] == {"rd", "clinical", "approval", "manufacturing", "market_access",
                            "circulation_export"}
    parents = {code_parent(book, "instrument", c) for c in ids["instrument"]}
    assert parents == {"supply", "environment", "demand"}


def test_code_parent():
    book = load_codebook()
    assert code_parent(book, "instrument", "supply.talent") == "supply"
    assert code_parent(book, "theme", "tcm") == "tcm"


def test_codebook_terms_include_and_exclude():
    terms = codebook_terms(load_codebook())
    assert {"中药", "中药饮片", "研究型病房", "DRG"} <= terms
    assert "核酸检测" in terms  # an exclude term


def test_broken_yaml_names_the_file(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("schemes:\n  theme: [\n", encoding="utf-8")
    with pytest.raises(BioparseError) as e:
        load_codebook(bad)
    assert "mine.yaml" in str(e.value)


def test_missing_field_names_the_code(tmp_path):
    book = yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))
    del book["schemes"]["theme"][0]["definition"]
    bad_id = book["schemes"]["theme"][0]["id"]
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BioparseError) as e:
        load_codebook(path)
    assert "edited.yaml" in str(e.value) and bad_id in str(e.value) and "definition" in str(e.value)


def test_bad_id_and_missing_scheme_rejected(tmp_path):
    book = yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))
    book["schemes"]["stage"][0]["id"] = "研发"
    path = tmp_path / "b.yaml"
    path.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BioparseError, match="snake_case"):
        load_codebook(path)
    del book["schemes"]["stage"]
    path.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BioparseError, match="stage"):
        load_codebook(path)


def test_missing_file(tmp_path):
    with pytest.raises(BioparseError, match="nope.yaml"):
        load_codebook(tmp_path / "nope.yaml")
