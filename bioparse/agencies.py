"""Find the agencies named as responsible for a provision, and map old names to today's.

Recognised clause forms (full-width （）, half-width () or mixed; or with no parentheses at
the end of a paragraph):
  （责任单位：A、B）  （责任部门：A、B）  （牵头单位：A；配合单位：B、C）
  （A、B按职责分工负责）  （A牵头，B、C配合）  （A、B负责）  （A、B） (bare list, paragraph end)
Offsets are code-point offsets into the text passed in.
"""
from __future__ import annotations

import csv
import io
import re
from importlib import resources
from pathlib import Path

from bioparse.errors import BioparseError

# marker word -> role of the names after it
MARKERS = {
    "责任单位": "responsible", "责任部门": "responsible", "责任主体": "responsible",
    "主责单位": "responsible", "主责部门": "responsible", "实施单位": "responsible",
    "牵头单位": "lead", "牵头部门": "lead",
    "配合单位": "support", "配合部门": "support", "参与单位": "support", "协同单位": "support",
}
_MARKER_RE = re.compile(r"\s*(" + "|".join(MARKERS) + r")\s*[:：]\s*")
_DUTY_SUFFIX_RE = re.compile(r"(?:按照?职责分工负责|按职责负责|分工负责)\s*$")
_PLAIN_SUFFIX_RE = re.compile(r"(?:负责落实|共同负责|负责)\s*$")
_LEAD_SUPPORT_RE = re.compile(r"^(?P<lead>.+?)牵头\s*[，,、；;]?\s*(?P<support>.+?)(?:参与|配合|按照?职责分工负责|负责)\s*$")
_PIECE_SPLIT_RE = re.compile(r"[、，,；;]")

# Endings of names of public bodies; used only to accept a clause that has no marker word.
AGENCY_ENDINGS = (
    "局", "委", "办", "厅", "部", "署", "政府", "管委会", "委员会", "中心", "院", "会", "行",
    "公司", "集团", "海关", "园", "开发区", "园区", "新区", "室", "处", "联", "协", "组", "站",
    "部门", "单位", "机构",
)
_MAX_NAME = 30


class CrosswalkError(BioparseError):
    """The agency crosswalk CSV is missing its columns or has an empty alias."""


def looks_like_agency(name: str) -> bool:
    """True when a piece reads like the name of a public body (ends in 局, 委, 政府…)."""
    name = name.strip()
    if not name or len(name) > _MAX_NAME or re.search(r"[0-9０-９%。：:“”\"《》]", name):
        return False
    return name.endswith(AGENCY_ENDINGS)


def _split_pieces(seg: str, base: int, role: str) -> list[dict]:
    """Split a run of names on 、，,；; into agencies with offsets; drops 等 and whitespace."""
    out = []
    pos = 0
    for part in _PIECE_SPLIT_RE.split(seg):
        s, e = pos, pos + len(part)
        pos = e + 1
        # trim whitespace and a trailing 等 / 等有关部门-style tail
        while s < e and seg[s].isspace():
            s += 1
        while e > s and seg[e - 1].isspace():
            e -= 1
        m = re.search(r"等(?:有关|相关)?(?:部门|单位)?$", seg[s:e])
        if m and m.start() > 0:
            e = s + m.start()
            while e > s and seg[e - 1].isspace():
                e -= 1
        if s >= e:
            continue
        name = re.sub(r"\s+", "", seg[s:e])
        out.append({"agency": name, "start": base + s, "end": base + e, "role": role})
    return out


def _names_with_roles(run: str, base: int, role: str):
    """Read one run of names with its 牵头/配合/负责 words; return (form, agencies, strong).

    form is '牵头配合', '牵头', '按职责分工负责', '负责' or '' (a plain list); strong is True
    when the run carries a duty suffix such as 按职责分工负责.
    """
    stripped = run.rstrip()
    strong = _DUTY_SUFFIX_RE.search(stripped) is not None
    if "牵头" in stripped:
        m = _LEAD_SUPPORT_RE.match(stripped)
        if m:
            lead = _split_pieces(m.group("lead"), base + m.start("lead"), "lead")
            sup = _split_pieces(m.group("support"), base + m.start("support"), "support")
            return "牵头配合", lead + sup, strong
        m = re.match(r"^(?P<lead>.+?)牵头(?:负责|落实)?\s*$", stripped)
        if m:
            return "牵头", _split_pieces(m.group("lead"), base, "lead"), strong
    m = _DUTY_SUFFIX_RE.search(stripped)
    if m:
        return "按职责分工负责", _split_pieces(stripped[: m.start()], base, role), True
    m = _PLAIN_SUFFIX_RE.search(stripped)
    if m:
        return "负责", _split_pieces(stripped[: m.start()], base, role), False
    m = re.search(r"(?:配合|参与)\s*$", stripped)
    if m:
        return "配合", _split_pieces(stripped[: m.start()], base, "support"), False
    return "", _split_pieces(stripped, base, role), False


def _all_agencies(agencies: list[dict]) -> bool:
    """True when there is at least one name and every name looks like a public body."""
    return bool(agencies) and all(looks_like_agency(a["agency"]) for a in agencies)


def parse_clause(inner: str, base: int = 0, *, require_marker: bool = False):
    """Parse the inside of a responsibility clause; return (style, agencies) or None.

    `base` is the offset of `inner` in the document. With `require_marker`, a plain list of
    names (no 责任单位/负责/牵头 word) is refused. Without a marker word such as 责任单位：,
    every piece must look like an agency name unless the clause ends in 按职责分工负责.
    """
    # segments separated by ；/; each may carry its own marker (牵头单位：…；配合单位：…)
    segments, pos = [], 0
    for part in re.split(r"[；;]", inner):
        segments.append((part, base + pos))
        pos += len(part) + 1
    marked = [_MARKER_RE.match(p) for p, _ in segments]
    if any(marked):
        return _parse_marked(segments, marked)
    form, agencies, strong = _names_with_roles(inner, base, "responsible")
    if not agencies:
        return None
    if form == "按职责分工负责":
        return form, agencies
    if not (strong or _all_agencies(agencies)):
        return None
    if form == "" and require_marker:
        return None
    return (form or "bare_list"), agencies


def _parse_marked(segments, marked):
    """Parse segments where at least one starts with a marker word such as 责任单位："""
    agencies, style, role = [], None, "responsible"
    for (part, pbase), m in zip(segments, marked):
        if m:
            role = MARKERS[m.group(1)]
            style = style or m.group(1)
            body, bbase = part[m.end():], pbase + m.end()
        else:
            body, bbase = part, pbase
        _, pieces, _ = _names_with_roles(body, bbase, role)
        if not m and not _all_agencies(pieces):
            break  # the clause ended; what follows is prose
        agencies.extend(pieces)
    return (style, agencies) if agencies else None


def _ends_paragraph(text: str, i: int) -> bool:
    """True when only closing punctuation and spaces stand between i and the line's end."""
    m = re.match(r"[。；;.，,]?[ \t\u3000]*(?:\n|$)", text[i:])
    return m is not None


# one level of nesting is allowed inside a clause: （责任单位：市规划资源局（滨海新区分局）、…）
_PAREN_RE = re.compile(r"[（(]((?:[^（()）\n]|[（(][^（()）\n]{0,60}[）)]){1,600})[）)]")
# a marker clause without parentheses: from the marker to the end of the sentence/line
_BARE_MARKER_RE = re.compile(
    r"(?:^|(?<=[。；;！\n]))[ \t\u3000]*((?:" + "|".join(MARKERS) + r")\s*[:：][^。\n]*)"
)
# a sentence with a duty suffix, e.g. 市科技局、市财政局按职责分工负责。 (no parentheses)
_BARE_DUTY_RE = re.compile(
    r"(?:^|(?<=[。！\n]))[ \t\u3000]*([^。！\n（）()]{2,400}?(?:按照?职责分工负责|按职责负责|分工负责|牵头[^。\n]{1,200}配合|负责))[ \t\u3000]*(?=[。；;]?[ \t\u3000]*(?:\n|$))"
)


def find_agency_clauses(text: str) -> list[dict]:
    """Find every responsibility clause in a document's normalized text, with offsets.

    Returns dicts {start, end, style, agencies: [{agency, start, end, role, position}]},
    sorted by start; the caller assigns them to provisions by offset.
    """
    clauses = []
    taken = []
    for m in _PAREN_RE.finditer(text):
        inner_start = m.start(1)
        at_end = _ends_paragraph(text, m.end())
        parsed = parse_clause(m.group(1), inner_start, require_marker=not at_end)
        if parsed:
            clauses.append(_clause(m.start(), m.end(), *parsed))
            taken.append((m.start(), m.end()))
    for rx in (_BARE_MARKER_RE, _BARE_DUTY_RE):
        for m in rx.finditer(text):
            s, e = m.start(1), m.end(1)
            if any(s < te and ts < e for ts, te in taken):
                continue
            if rx is _BARE_DUTY_RE and not _ends_paragraph(text, e):
                continue
            parsed = parse_clause(text[s:e], s)
            if parsed and (rx is _BARE_MARKER_RE or parsed[0] != "bare_list"):
                # a prose sentence ending in 负责 must be a list of bodies, not a clause
                if rx is _BARE_DUTY_RE and not _all_agencies(parsed[1]):
                    continue
                clauses.append(_clause(s, e, *parsed))
                taken.append((s, e))
    clauses.sort(key=lambda c: (c["start"], c["end"]))
    return clauses


def _clause(start: int, end: int, style: str, agencies: list[dict]) -> dict:
    """Build one clause record, numbering agencies by their order in the clause."""
    for i, a in enumerate(agencies):
        a["position"] = i
    return {"start": start, "end": end, "style": style, "agencies": agencies}


# ---------------------------------------------------------------- crosswalk

def load_crosswalk(path=None) -> dict[str, str]:
    """Read the alias→canonical agency-name table (default: the packaged CSV)."""
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
        table[alias] = canon
    return dict(sorted(table.items()))


_LEVEL_PREFIXES = ("市", "区", "县", "省", "镇", "乡", "各", "相关", "有关", "天津", "国家", "中国", "全国")
_BUREAU_ENDINGS = ("局", "委", "办", "厅", "署", "室")
_CARRY_PREFIXES = ("区", "县", "市", "省")


def context_prefix_for(names: list[str]) -> str | None:
    """The level prefix (区/县/市/省) written on a clause's first name, carried to the rest."""
    if not names:
        return None
    first = names[0]
    for p in _CARRY_PREFIXES:
        if first.startswith(p) and len(first) > 2:
            return p
    return None


def canonical_agency(name: str, crosswalk: dict, context_prefix: str | None = None) -> str:
    """Today's name for an agency: add a carried-over 区/县 prefix, then apply the crosswalk.

    `context_prefix` is a level prefix ('区') or the clause's first name ('区招商局'), whose
    prefix is carried to later short names (发展改革委 → 区发展改革委). A district alias
    (区工信委) is mapped through the city row (市工信委) when it has none of its own.
    Unknown names map to themselves.
    """
    name = re.sub(r"\s+", "", name)
    prefix = context_prefix
    if prefix and prefix not in _CARRY_PREFIXES:
        prefix = context_prefix_for([prefix])
    if (prefix and not name.startswith(_LEVEL_PREFIXES) and not re.search(r"[市区县省州]", name)
            and name.endswith(_BUREAU_ENDINGS) and len(name) <= 10):
        name = prefix + name
    if name in crosswalk:
        return crosswalk[name]
    for p in ("区", "县"):
        if name.startswith(p) and "市" + name[1:] in crosswalk:
            canon = crosswalk["市" + name[1:]]
            return p + canon[1:] if canon.startswith("市") else canon
    return name
