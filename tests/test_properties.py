"""Property-based tests: normalize keeps an exact map to the raw text, and the provision
tree partitions the normalized text (and, through the map, the raw text) for any input."""
import os
import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from bioparse.normalize import normalize
from bioparse.structure import parse_provisions

# Pieces a policy document is made of, plus the artifacts normalize must clean up.
TOKENS = [
    "一、", "二、", "十六、", "（一）", "（二）", "(二)", "(十)", "(1)", "（3）", "1.", "2.", "3、",
    "第三条", "第一章", "一是", "二是", "三是", "①", "2024年", "25", "30%", "亿元",
    "生物", "医药", "产业", "发展", "市科技局", "责任单位：", "按职责分工负责", "前沿探索", "加快",
    "。", "，", "；", "：", ",", "(", ")", "（", "）",
    "\n", "\n\n", "\n\n\n", " ", "  ", "\u3000", "\u3000\u3000", "\t",
    "[bookmark: _Hlk1]", "\r\n", "\ufeff", "\u200b", "a", "X",
]
CHARS = list("一二三四五六七八九十医药产业创新发展推动建设平台企业（）()、。，；：,.0123456789 \n\u3000是第条章")

texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.sampled_from(CHARS)), max_size=80).map("".join)

SETTINGS = settings(max_examples=int(os.environ.get("BIOPARSE_PROP_EXAMPLES", "200")), deadline=None)
FULL_WIDTH = {"（": "(", "）": ")", "，": ",", "。": "."}  # replaced one for one (normalize.mended_punctuation too)


@SETTINGS
@given(texts)
def test_offsets_map_every_kept_char_to_raw(raw):
    norm = normalize(raw)
    offs = norm.offsets
    assert len(offs) == len(norm.text) + 1
    assert norm.raw_length == len(raw) and offs[-1] == len(raw)
    assert all(a < b for a, b in zip(offs, offs[1:])), "offsets must strictly increase"
    for i, c in enumerate(norm.text):
        if c == "\n":
            continue
        r = raw[offs[i]]
        assert c == r or FULL_WIDTH.get(c) == r, (i, c, r)


@SETTINGS
@given(texts)
def test_normalize_is_idempotent(raw):
    once = normalize(raw).text
    assert normalize(once).text == once


@SETTINGS
@given(texts)
def test_normalized_text_has_no_blank_lines_or_edge_blanks(raw):
    text = normalize(raw).text
    for line in text.split("\n") if text else []:
        assert line, "blank line left in normalized text"
        assert line == line.strip(" \t\u3000"), repr(line)
    assert "\r" not in text and "\ufeff" not in text and "[bookmark:" not in text


def check_partition(raw: str) -> None:
    """The provisions partition the normalized text, and their raw spans the raw text."""
    norm = normalize(raw)
    text = norm.text
    provs = parse_provisions(text, "prop.txt")
    assert provs
    assert provs[0].start == 0 and provs[-1].end == len(text)
    for a, b in zip(provs, provs[1:]):
        assert a.end == b.start, (a, b)
    assert all(p.start <= p.end for p in provs)
    assert "".join(p.text for p in provs) == text
    ids = [p.provision_id for p in provs]
    assert len(ids) == len(set(ids))
    spans = [norm.to_raw(p.start, p.end) for p in provs]
    assert spans[0][0] == 0 and spans[-1][1] == len(raw)
    for (_, e), (s, _) in zip(spans, spans[1:]):
        assert e == s


@SETTINGS
@given(texts)
def test_provision_spans_partition_text_and_raw(raw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_partition(raw)


# Found by the property above (20,000 examples): a text opening with a 一是/二是 run and no
# headings gets a zero-length "document" provision [0, 0), whose raw span must be (0, 0).
def test_raw_spans_partition_when_a_point_run_opens_the_text():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_partition("\n一是\n二是")
