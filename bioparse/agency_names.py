"""Today's name for each agency a clause names: the crosswalk of renamed bodies, the place
a document belongs to (whose crosswalk rows apply), and level prefixes carried from a
clause's first name to the short names after it (区招商局、发展改革委 → 区发展改革委).
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from importlib import resources
from pathlib import Path

from bioparse.errors import BioparseError


class CrosswalkError(BioparseError):
    """The agency crosswalk CSV is missing its columns or has an empty alias."""


def load_crosswalk(path=None, place: str | None = None) -> dict[str, str]:
    """Read the alias→canonical agency-name table (default: the packaged CSV).

    A row with a ``place`` (天津) records a rename in that place only: 市科委 became 市科技局
    in Tianjin in 2018, while Shanghai's 市科委 kept its name. ``place`` (see
    document_place) keeps the rows of that place and those without one; None keeps all.
    """
    if path is None:
        raw = resources.files("bioparse").joinpath("resources/agency_crosswalk.csv").read_text("utf-8")
        where = "bioparse/resources/agency_crosswalk.csv"
    else:
        where = str(path)
        try:
            raw = Path(path).read_text("utf-8-sig")
        except OSError as exc:
            raise CrosswalkError(where, f"cannot read the crosswalk ({exc})",
                                 "pass the path of a CSV with columns alias,canonical,note") from exc
    reader = csv.DictReader(io.StringIO(raw.lstrip("\ufeff")))
    if not reader.fieldnames or not {"alias", "canonical"} <= set(reader.fieldnames):
        raise CrosswalkError(where, "the crosswalk lacks the columns alias,canonical",
                             "give the CSV a header line alias,canonical,note")
    table = {}
    for n, row in enumerate(reader, start=2):
        alias = (row.get("alias") or "").strip()
        canon = (row.get("canonical") or "").strip()
        if not alias or not canon:
            raise CrosswalkError(where, f"line {n} has an empty alias or canonical name",
                                 "fill both columns or delete the line")
        if place is None or (row.get("place") or "").strip() in ("", place):
            table[alias] = canon
    return dict(sorted(table.items()))


# The province-level divisions: a name starting with one (上海海事局, 天津海关) names its own
# place and takes no carried 区/县 prefix.
PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
             "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
             "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
_PROVINCE_RE = re.compile("|".join(PROVINCES))
_LEVEL_PREFIXES = ("市", "区", "县", "省", "镇", "乡", "各", "相关", "有关", "国家", "中国", "全国") + PROVINCES
_BUREAU_ENDINGS = ("局", "委", "办", "厅", "署", "室")
_CARRY_PREFIXES = ("区", "县", "市", "省")
# A level or place word in a name; 市场 (market, as in 市场监管局) is not the city 市.
_PLACE_CHAR = re.compile(r"[区县省州]|市(?!场)")


def document_place(document: dict, text: str = "") -> str:
    """The province-level division a document belongs to (天津); "" if it does not say.

    Read from its region, issuer or title; when they name none (a text without its
    header), the division the text names most often, if at least twice. It picks the rows
    of the agency crosswalk that apply to the document's agencies.
    """
    for field in ("region", "issuer", "title"):
        value = str(document.get(field) or "")
        for place in PROVINCES:
            if place in value:
                return place
    named = Counter(_PROVINCE_RE.findall(text)).most_common(1)
    return named[0][0] if named and named[0][1] >= 2 else ""


def document_district(document: dict) -> str:
    """The district or county a district-level document is issued for (蓟州区, 滨海新区); "" otherwise.

    Read from its region (天津市蓟州区 gives 蓟州区). A city or province document names no
    district: its 区科技局 is every district's bureau, not one district's.
    """
    if str(document.get("level") or "") not in ("", "district", "county"):
        return ""
    region = "".join(str(document.get("region") or "").split())
    region = re.split(r"[省市](?!场)", region)[-1]  # 天津市蓟州区 → 蓟州区
    return region if len(region) > 1 and region.endswith(("区", "县", "旗")) else ""


def qualify_district(name: str, district: str) -> str:
    """A district-level body's canonical name with its district: 区科技局 in 蓟州区's plan is 蓟州区科技局.

    Two districts' 区科技局 are two bureaus; named by the district, they count as two when
    documents are compared. Only a name whose level prefix is the district's own level
    (区 for a 区, 县 for a 县) is qualified; others are returned as they are.
    """
    if district and len(name) > 2 and name[0] in "区县旗" and district.endswith(name[0]):
        return district + name[1:]
    return name


# Collective names (各区人民政府, 相关区人民政府): 相关 and 有关 both mean "the relevant" members, and
# 各 before either only distributes over them (各相关区人民政府 = 相关区人民政府), so 各相关, 各有关,
# 有关 all read 相关. A bare 各 (各区人民政府: every district) keeps its wider scope.
_COLLECTIVE = re.compile(r"^(?:各(?:相关|有关)|有关)(?=..)")


def collective_name(name: str) -> str:
    """One spelling for a collective: 各相关区人民政府, 各有关部门, 有关部门 → 相关区人民政府, 相关部门."""
    return _COLLECTIVE.sub("相关", name)


def context_prefix_for(names: list[str]) -> str | None:
    """The level prefix (区/县/市/省) written on a clause's first name, carried to the rest."""
    if not names:
        return None
    first = names[0]
    # every carried prefix is one character
    return first[0] if len(first) > 2 and first[0] in _CARRY_PREFIXES else None


def carried_prefix(context_prefix: str | None) -> str | None:
    """The level prefix canonical_agency carries from its context_prefix (a prefix, or a first name)."""
    if context_prefix and context_prefix not in _CARRY_PREFIXES:
        return context_prefix_for([context_prefix])
    return context_prefix


def canonical_agency(name: str, crosswalk: dict, context_prefix: str | None = None,
                     district: str = "") -> str:
    """Today's name for an agency: add a carried-over 区/县 prefix, then apply the crosswalk.

    `context_prefix` is a level prefix ('区') or the clause's first name ('区招商局'), whose
    prefix is carried to later short names (发展改革委 → 区发展改革委). A district alias
    (区工信委) is mapped through the city row (市工信委) when it has none of its own.
    Collectives get one spelling (collective_name: 各相关区人民政府 → 相关区人民政府).
    `district` (document_district) qualifies a district-level body by the district that
    wrote it (区科技局 → 蓟州区科技局). Unknown names map to themselves.
    """
    return qualify_district(_canonical(name, crosswalk, context_prefix), district)


def _canonical(name: str, crosswalk: dict, context_prefix: str | None) -> str:
    name = collective_name("".join(name.split()))  # no whitespace inside a name
    prefix = carried_prefix(context_prefix)
    has_level = name.startswith(_LEVEL_PREFIXES) and not name.startswith("市场")
    if (prefix and not has_level and not _PLACE_CHAR.search(name)
            and name.endswith(_BUREAU_ENDINGS) and len(name) <= 10):
        name = prefix + name
    if name in crosswalk:
        return crosswalk[name]
    for p in ("区", "县"):
        if name.startswith(p) and "市" + name[1:] in crosswalk:
            canon = crosswalk["市" + name[1:]]
            return p + canon[1:] if canon.startswith("市") else canon
    return name
