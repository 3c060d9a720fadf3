"""One document through every per-document stage: read → normalize → structure → extract.

``parse_document`` parses one file and returns plain lists of dicts, one list per table;
``parse_documents`` does the same for a few files at once, stage by stage, and is what the
build's workers run (in parallel, or on a Dask cluster) before caching each result.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from . import agencies as agencies_mod
from . import agency_names
from . import io, metadata, page_furniture, targets as targets_mod
from .errors import BioparseError
from .hanzi import simplified_view
from .normalize import normalize
from .numerals import heading_number
from .scan import last_of, line_start_at
from .structure import parse_provision_rows


@lru_cache(maxsize=64)
def _packaged_crosswalk(place: str) -> dict:
    """The packaged agency crosswalk's rows for documents of one place, read once per process."""
    return agency_names.load_crosswalk(place=place)


@lru_cache(maxsize=256)
def _packaged_canonical(prefix: str | None, place: str, district: str = ""):
    """canonical_agency with the packaged crosswalk of ``place`` and one carried prefix, as a
    function of the name alone, memoized: the same names recur in every document, and a
    cache keyed by the name alone is cheaper to ask than one keyed by a tuple of three.

    Give it the carried prefix (agency_names.carried_prefix), not the clause's first name, so
    that names under different first names share an entry.
    """
    crosswalk = _packaged_crosswalk(place)

    @lru_cache(maxsize=1 << 14)
    def canonical(name: str) -> str:
        return agency_names.canonical_agency(name, crosswalk, prefix, district)

    return canonical


def _canonical_in(prefix: str | None, crosswalk: dict, district: str = ""):
    """canonical_agency with a crosswalk of the caller's and one carried prefix, as a function of the name."""
    return lambda name: agency_names.canonical_agency(name, crosswalk, prefix, district)


def owner_index(provisions: list[dict]):
    """A function mapping a normalized offset to the provision whose span holds it."""
    return owner_lookup([p["start"] for p in provisions], [p["provision_id"] for p in provisions])


def owner_lookup(starts: list[int], ids: list[str]):
    """owner_index from the provisions' starts (ascending) and ids, in document order."""
    def owner(offset: int) -> str:
        return ids[max(bisect_right(starts, offset) - 1, 0)]

    return owner


def agency_rows(doc_id: str, text: str, owner, crosswalk: dict | None,
                clauses: list[tuple] | None = None, point_parent: dict | None = None,
                place: str = "", spread: dict[int, list[str]] | None = None,
                annexes: frozenset | set = frozenset(), district: str = "") -> list[dict]:
    """Responsible agencies of every clause, attached to the provision holding the clause.

    ``crosswalk`` None means the packaged crosswalk's rows for ``place`` (see
    agency_names.document_place); ``clauses`` are agencies.find_clauses(text).
    ``spread`` gives, for a clause's start, the provisions it answers for instead
    (trailing_clause_owners: the section above a list; article_range_owners:
    以上第一条至第五条由…牵头). A clause held by one of ``annexes`` (the ids of the
    attachments after the policy: a 任务分工表's rows 牵头单位：A / 责任单位：A、B) answers
    for no measure, so it gives no rows. ``district`` (agency_names.document_district)
    qualifies the canonical names of district-level bodies (区科技局 → 蓟州区科技局).
    """
    point_parent = point_parent or {}
    # today's names under one carried prefix: asked once a clause, for a function of the name
    namer, table = (_packaged_canonical, place) if crosswalk is None else (_canonical_in, crosswalk)
    rows = []
    add, carried_prefix = rows.append, agency_names.carried_prefix
    clauses = agencies_mod.find_clauses(text) if clauses is None else clauses
    # Positions number the agencies of one provision in order, across its clauses.
    counter: dict[str, int] = {}
    for clause_start, _, style, found in clauses:
        if not found:
            continue
        prefix = carried_prefix(found[0][0])  # what canonical_agency takes from the first name
        if prefix and len(found) > 1 and found[1][0].startswith(prefix) and not found[1][0].startswith("市场"):
            prefix = None  # 区科创局、区发改局，光谷生物城建设办: the second name writes its own prefix too
        canonical = namer(prefix, table, district)
        owners = (spread.get(clause_start) if spread else None) or (owner(clause_start),)
        if annexes and owners[0] in annexes:
            continue  # a task table's row after the policy restates a measure's bodies
        for pids, run in _runs_by_owners(found, owners, spread):
            for pid in pids:
                # A clause after a 一是/二是 run answers for the whole provision, not its last point.
                while pid in point_parent:
                    pid = point_parent[pid]
                position = counter.get(pid, 0)
                # Each row copies this template with the fields of its agency: copying a dict's
                # table costs less than building one of nine keys from a literal.
                template = {"doc_id": doc_id, "provision_id": pid, "agency": None, "agency_canonical": None,
                            "position": 0, "role": None, "style": style, "start": 0, "end": 0}
                for name, start, end, role in run:
                    add(dict(template, agency=name, agency_canonical=canonical(name),
                             position=position, role=role, start=start, end=end))
                    position += 1
                counter[pid] = position
    return rows


def _runs_by_owners(found: list[tuple], owners, spread: dict | None) -> list[tuple]:
    """[(owner ids, agencies)]: the clause's agencies in runs answering for the same provisions.

    A clause answers for ``owners`` unless ``spread`` gives an agency's own (第（四）项由A负责，
    第（六）项由B负责 names two runs of sections); most clauses are one run.
    """
    if not spread or not any(f[1] in spread for f in found):
        return [(owners, found)]
    runs: list[tuple] = []
    for piece in found:
        ids = spread.get(piece[1]) or owners
        if runs and runs[-1][0] == ids:
            runs[-1][1].append(piece)
        else:
            runs.append((ids, [piece]))
    return runs


# 以上第一条至第五条由市科技局牵头，市财政局配合: a closing line answering for a run of articles
_ARTICLE_RANGE_RE = re.compile(r"[ \t\u3000]*(?:以上|上述|前述)?[ \t\u3000]*第([零〇一二三四五六七八九十百0-9]{1,4})条?"
                               r"[ \t\u3000]*(?:至|到|—|-|～|~|－)[ \t\u3000]*第?([零〇一二三四五六七八九十百0-9]{1,4})条")

# what every _ARTICLE_RANGE_RE match holds, found by one scan from its literal 第
_ARTICLE_RANGE_HEAD_RE = re.compile(r"第[零〇一二三四五六七八九十百0-9]{1,4}条?[ \t\u3000]*(?:至|到|—|-|～|~|－)")


def article_range_owners(text: str, clauses: list[tuple], provisions: list[dict]) -> dict[int, list[str]]:
    """{clause or agency start: ids of the articles it answers for} for clauses that name runs of articles.

    A line opening 以上第一条至第五条… gives the clause's agencies to each article numbered in
    that range, not only to the last one, whose text holds the line; within a line, 第三条至第五条由A
    负责，第六条、第七条由B负责 gives each agency the articles named before its 由 (article_refs_owners).
    """
    out: dict[int, list[str]] = {}
    ranged = _ARTICLE_RANGE_HEAD_RE.search(text) is not None
    assigned = _ARTICLE_REFS_CUE_RE.search(text) is not None
    if not ranged and not assigned:
        return out  # no 第X条至 nor 条由 anywhere: most texts are told so by one scan, not a look at each clause's line
    articles = articles_by_number([p for p in provisions if p["level"] == "article"])
    for start, end, _, found in clauses:
        line_start = line_start_at(text, start)
        if last_of(text, "条", line_start, start) < 0 and (not assigned or last_of(text, "条", start, end) < 0):
            continue
        if assigned:
            named = article_refs_owners(text, line_start, end, found, articles)
            if named:
                out.update(named)
                continue
        m = _ARTICLE_RANGE_RE.match(text, line_start, start) if ranged else None
        if not m:
            continue
        low, high = heading_number(m.group(1)), heading_number(m.group(2))
        if low is None or high is None:
            continue
        ids = articles(low, high)
        if ids:
            out[start] = ids
    return out


# 第三条至第五条由A负责 · 第六条、第七条由B负责 · 第八条由C负责: articles named before a 由 (no blank
# between: 第八条　由A负责 is an article's heading and its text)
_ARTICLE_REFS_RE = re.compile(agencies_mod.ARTICLE_REFS + r"(?:规定的?|所列的?|的)?(?:措施|政策|事项|内容|条款)?由")
_ARTICLE_REF_TOKEN_RE = re.compile(r"([至到—\-～~－])?[ \t\u3000]*第?(" + agencies_mod.ARTICLE_NUMBER + r")")
# what every _ARTICLE_REFS_RE match holds: 条 and 由 with at most a few words between
_ARTICLE_REFS_CUE_RE = re.compile(r"条(?:规定的?|所列的?|的)?(?:措施|政策|事项|内容|条款)?由|负责第")
# A负责第三条至第五条的受理和兑现: the articles named after a body's 负责
_DUTY_ARTICLE_REFS_RE = re.compile(r"负责(" + agencies_mod.ARTICLE_REFS + r")")


def article_refs_owners(text: str, line_start: int, end: int, found: list[tuple], articles) -> dict[int, list[str]]:
    """{agency start: article ids} for a clause's agencies after 第N条…由 references on its line.

    Each agency answers for the articles of the last reference before it (第六条、第七条由B负责:
    B answers for 六 and 七); agencies before any reference are left to the clause's own article.
    """
    refs = [(m.end(), _named_articles(m.group(0), articles))
            for m in _ARTICLE_REFS_RE.finditer(text, line_start, end)]
    out: dict[int, list[str]] = {}
    for piece in found:
        after = _DUTY_ARTICLE_REFS_RE.search(text, piece[2], end) if "负责第" in text[piece[2]:end] else None
        if after:  # A负责第三条至第五条: the articles after the body's 负责
            ids = _named_articles(after.group(1), articles)
            if ids:
                out[piece[1]] = ids
            continue
        ids = _last_reference_ids(refs, piece[1])
        if ids:
            out[piece[1]] = ids
    return out


def _last_reference_ids(refs: list[tuple[int, list[str]]], start: int) -> list[str]:
    """The ids the last reference ending before ``start`` names ([] if none does): 第（四）、（五）项由A负责，
    第（六）项由B负责 gives A the first run and B the second. ``refs`` are (where a reference ends, its ids)."""
    named = [ids for ref_end, ids in refs if ref_end <= start]
    return named[-1] if named else []


def _named_articles(reference: str, articles) -> list[str]:
    """The ids of the articles a reference names: 第三条至第五条 is a range, 第六条、第七条 a list."""
    ids: list[str] = []
    last = None
    for m in _ARTICLE_REF_TOKEN_RE.finditer(reference):
        n = heading_number(m.group(2))
        if n is None:
            return []
        low = last + 1 if m.group(1) and last is not None and last < n <= last + 200 else n
        ids += articles(low, n)
        last = n
    return ids


# 上述第（一）至（三）项由A牵头 / 第（四）、（五）项由A负责 / 第（一）项：A负责: a reference to numbered sections before 由 or a colon
_SECTION_REF = r"[（(]([零〇一二三四五六七八九十百0-9]{1,4})[）)]"
_SECTION_REF_SEP = r"[ \t\u3000]*(?:(至|到|—|-|～|~|－)|、|和|及)[ \t\u3000]*第?"
_SECTION_REFS_RE = re.compile(r"(?:以上|上述|前述)?[ \t\u3000]*第?[ \t\u3000]*" + _SECTION_REF
                              + r"(?:" + _SECTION_REF_SEP + _SECTION_REF + r")*[ \t\u3000]*[项条款点]?"
                              r"(?:措施|政策|任务|工作|内容)?[ \t\u3000]*(?:由|[：:])")
_SECTION_REF_TOKEN_RE = re.compile(r"(?:" + _SECTION_REF_SEP + r")?" + _SECTION_REF)
# 第一至三项由A负责 · 第五、六项由B负责 · 第一至二项：A牵头: the numbers without brackets, after 第 and closed by 项 (a 责任分工 list)
_BARE_SECTION_NUMBER = r"([零〇一二三四五六七八九十百0-9]{1,4})"
_BARE_SECTION_REFS_RE = re.compile(r"(?:以上|上述|前述)?[ \t\u3000]*第[ \t\u3000]*" + _BARE_SECTION_NUMBER
                                   + r"(?:项?" + _SECTION_REF_SEP + _BARE_SECTION_NUMBER + r")*[ \t\u3000]*项"
                                   r"(?:措施|政策|任务|工作|内容)?[ \t\u3000]*(?:由|[：:])")
_BARE_SECTION_REF_TOKEN_RE = re.compile(r"(?:" + _SECTION_REF_SEP + r")?" + _BARE_SECTION_NUMBER)


def _section_refs_at(text: str, pos: int, end: int, first: bool) -> re.Match | None:
    """The next reference to sections in text[pos:end] (a match at pos when ``first``), bracketed
    (第（一）至（三）项由) or not (第一至三项由), whichever starts first."""
    if first:
        return _SECTION_REFS_RE.match(text, pos, end) or _BARE_SECTION_REFS_RE.match(text, pos, end)
    found = [m for m in (_SECTION_REFS_RE.search(text, pos, end), _BARE_SECTION_REFS_RE.search(text, pos, end)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def section_range_owners(text: str, clauses: list[tuple], provisions: list[dict], owner) -> dict[int, list[str]]:
    """{agency start: ids of the sections it answers for} for lines that open with 第（一）至（三）项由….

    Such a line, after the last section of a run, gives the bodies of every section it
    names; 第（四）、（五）项由A负责，第（六）项由B负责 gives each run its own. The sections are
    those beside the one holding the line (labels restart under each part); a line under no
    section (a closing 三、责任分工 list: 第一至三项由A负责) names the document's sections, when
    each number labels one section only (numbered on across the parts).
    """
    out: dict[int, list[str]] = {}
    by_id: dict[str, dict] = {}  # filled at the first line that opens with a reference (few documents have one)
    siblings: dict[str, dict[int, list[str]]] = {}
    for start, end, _, found in clauses:
        line_start = line_start_at(text, start)
        # the line opens with the reference, or its first sentence does after a heading (五、责任分工。第一至三项由…)
        first = _section_refs_at(text, line_start, end, True) or _after_heading_sentence(text, line_start, end)
        if not first:
            continue
        line_start = first.start()
        by_id = by_id or {p["provision_id"]: p for p in provisions}
        prov = by_id.get(owner(start))
        in_annex = False
        while prov is not None and prov["level"] != "section":
            in_annex = in_annex or prov["level"] == "annex"
            prov = by_id.get(prov["parent_id"])
        if in_annex:
            continue  # a task table after the policy restates its measures' bodies (agency_rows gives it none)
        scope = None if prov is None else prov["parent_id"]  # None: the document's sections
        if scope not in siblings:
            siblings[scope] = _sections_by_number(provisions, scope)
        numbered = siblings[scope]
        numbered = siblings[scope]
        if not numbered:
            continue
        refs, pos = [], line_start  # (where a reference ends, the sections it names)
        while True:
            m = _section_refs_at(text, pos, end, pos == line_start)
            if not m:
                break
            refs.append((m.end(), _named_sections(m.group(0), numbered)))
            pos = m.end()
        for name, s, e, role in found:
            ids = _last_reference_ids(refs, s)
            if ids:
                out[s] = ids
    return out


def _after_heading_sentence(text: str, line_start: int, end: int) -> re.Match | None:
    """The reference to sections opening the second sentence of a line (五、责任分工。第一至三项由A负责), when
    the first is a heading's lead phrase (no longer than a title: at most 30 characters), else None."""
    stop = min((i for i in (text.find("。", line_start, end), text.find("：", line_start, end)) if i >= 0), default=-1)
    if stop < 0 or stop - line_start > 30:
        return None
    pos = stop + 1
    while pos < end and text[pos] in " \t\u3000":
        pos += 1
    return _section_refs_at(text, pos, end, True)


def _sections_by_number(provisions: list[dict], scope: str | None) -> dict[int, list[str]]:
    """{number: ids} of the sections under ``scope`` (a parent's id), or for a list under no section
    (scope None) of the document's sections, else of its parts when it has none (一、…五、 measures);
    {} where a number labels more than one of them (labels restart in each part: which is meant is not said)."""
    levels = ("section",) if scope is not None or any(p["level"] == "section" for p in provisions) else ("part",)
    numbered: dict[int, list[str]] = {}
    for p in provisions:
        if p["level"] in levels and (scope is None or p["parent_id"] == scope) and p["number"] is not None:
            numbered.setdefault(p["number"], []).append(p["provision_id"])
    if scope is None and any(len(ids) > 1 for ids in numbered.values()):
        return {}
    return numbered


def _named_sections(reference: str, numbered: dict[int, list[str]]) -> list[str]:
    """The ids of the sections a reference names: （一）至（三） is a range, （四）、（五） a list."""
    numbers: list[int] = []
    tokens = _SECTION_REF_TOKEN_RE if "（" in reference or "(" in reference else _BARE_SECTION_REF_TOKEN_RE
    for m in tokens.finditer(reference):
        n = heading_number(m.group(2))
        if n is None:
            return []
        if m.group(1) and numbers and numbers[-1] < n <= numbers[-1] + 200:
            numbers.extend(range(numbers[-1] + 1, n + 1))
        else:
            numbers.append(n)
    return [pid for n in numbers for pid in numbered.get(n, [])]


def articles_by_number(articles: list[dict]):
    """A function giving the ids of the articles numbered low to high, in document order.

    It looks up the numbers in range instead of reading every article for each closing line:
    a text of thousands of articles and such lines took time quadratic in its length.
    """
    at: dict[int, list[int]] = {}  # number -> positions of the articles so numbered
    for k, p in enumerate(articles):
        at.setdefault(p["number"], []).append(k)
    numbers = sorted(at)

    def in_range(low: int, high: int) -> list[str]:
        found = numbers[bisect_left(numbers, low):bisect_right(numbers, high)]
        return [articles[k]["provision_id"] for k in sorted(k for n in found for k in at[n])]

    return in_range


# an attachment that is no policy text: a draft's 起草说明/编制说明, a 政策解读 printed after the policy
_EXPLANATION_TITLE_RE = re.compile(r"(?:起草|编制|修订|制定|修改)(?:情况的?)?说明|解读")


def explanation_provisions(provisions: list[dict]) -> set[str]:
    """The ids of the attachments that explain the policy rather than state it (关于《…》的起草说明,
    编制说明, 政策解读), or are a web page's tail (相关链接：, page_furniture), and of the provisions
    under them: their figures (调研15家企业, 共10条, a linked title's 到2027年) are no targets."""
    out: set[str] = set()
    for p in provisions:  # parents come before their children
        if p["parent_id"] in out or (p["level"] == "annex" and (_EXPLANATION_TITLE_RE.search(p["title"] or "")
                                                               or page_furniture.is_mark(p["title"] or ""))):
            out.add(p["provision_id"])
    return out


def _point_scopes(provisions: list[dict]) -> dict[str, tuple[int, int]]:
    """{point id: (start of the first point of its run, its own start)} for the 一是/二是 points."""
    first: dict[str, int] = {}
    out = {}
    for p in provisions:
        if p["level"] == "point":
            out[p["provision_id"]] = (first.setdefault(p["parent_id"], p["start"]), p["start"])
    return out


def _year_of_an_earlier_point(text: str, target: dict, scope: tuple[int, int]) -> bool:
    """Whether a figure's year is stated in an earlier point of its run and not in its own: 二是…到2025年…；
    三是…给予最高200万元 — the year is 二是's (the figure takes the lead's, _lead_year); a year before 一是
    (到2025年，一是…二是…) leads them all."""
    run_start, point_start = scope
    return (point_start > run_start and targets_mod.last_year(text, point_start, target["start"]) is None
            and targets_mod.last_year(text, run_start, point_start) == target["year"])


def _lead_year(text: str, run_start: int) -> int | None:
    """The year stated before a run's 一是 in its paragraph (到2027年，一是…；二是到2030年…；三是…): it leads
    the points that state none of their own, as an earlier point's year does not; None if there is none."""
    return targets_mod.last_year(text, line_start_at(text, run_start), run_start)


def target_rows(doc_id: str, text: str, owner, provisions: list[dict], issued: int | None = None,
                plan_start: int | None = None) -> list[dict]:
    """Quantitative targets, each attached to the provision holding it.

    ``status`` is "baseline" for figures under a current-state heading (发展现状 …) or in a
    sentence headed by a year before ``issued``, the year the document was issued
    (2024年，全区实现营业收入186亿元 in a 2025 plan; targets.reported_before); else "goal".
    Such a baseline has no goal year when its year is before ``issued`` (else ``plan_start``):
    截至2024年底，已有12家 and 增加至2019年的51.32亿元 report a year, not a goal's (a table's base
    column, whose status the table sets, keeps its year).
    """
    rows = targets_mod.extract_targets(text)
    if rows and any(p["level"] == "annex" for p in provisions):
        notes = explanation_provisions(provisions)
        rows = [t for t in rows if owner(t["start"]) not in notes]
    if rows:
        under_status = targets_mod.status_test(provisions)  # asked only for provisions holding targets
        point_scope = _point_scopes(provisions)
        reference = issued or plan_start
        for t in rows:  # extract_targets' dicts are new: complete them in place
            pid = owner(t["start"])
            if t["year"] is not None and pid in point_scope and _year_of_an_earlier_point(text, t, point_scope[pid]):
                t["year"] = _lead_year(text, point_scope[pid][0])
            t["doc_id"], t["provision_id"] = doc_id, pid
            past = reference is not None and targets_mod.reported_before(text, t["start"], reference)
            if t.pop("base_by_order", False) and issued is not None and t["year"] > issued:
                del t["status"]  # a table's earliest year, but after the issue (2025年 | 2027年 in a 2024 plan)
            if t.get("status"):
                continue
            t["status"] = "baseline" if past or under_status(pid) or (
                t["year"] is not None and targets_mod.as_of_past(text, t["start"], t["year"], reference)) else "goal"
            if t["status"] == "baseline" and t["year"] is not None and t["year"] < (reference or 0):
                t["year"] = None
    return rows


def parse_document(path: str | Path, doc_id: str, meta: dict | None = None,
                   crosswalk: dict | None = None) -> dict:
    """Parse one file into rows for the documents, provisions, agencies and targets tables.

    Returns ``{"documents": [row], "provisions": [...], "agencies": [...], "targets": [...],
    "clause_spans": [(start, end), ...], "text": normalized_text, "warnings": [message, ...]}``. Raises a ``BioparseError``
    naming the file if it cannot be read.
    """
    (result,) = parse_documents([(path, doc_id, meta)], crosswalk)
    if isinstance(result, BioparseError):
        raise result
    return result


def parse_documents(items, crosswalk: dict | None = None) -> list:
    """parse_document over many files: ``items`` are (path, doc_id, meta) tuples.

    Returns one entry per item, in order: parse_document's dict, or the ``BioparseError``
    naming the file when it cannot be read (the others are still parsed). Each stage runs
    over the whole batch before the next, which keeps one stage's code and tables in the
    CPU's caches: 5–10% faster than one document at a time (benchmarks/run.py).
    """
    docs = [{"path": path if isinstance(path, Path) else Path(path), "doc_id": doc_id, "meta": meta or {}}
            for path, doc_id, meta in items]
    with _no_cycle_collection():
        for stage in _STAGES:
            for d in docs:
                if "error" in d:
                    continue
                try:
                    stage(d, crosswalk)
                except BioparseError as e:
                    d["error"] = e
        return [d["error"] if "error" in d else _result(d) for d in docs]


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a batch is parsed, and restored after.

    Parsing allocates some 10^4 small dicts and tuples per document and almost no reference
    cycles (a few per document, freed when the collector runs again), yet the collector would
    walk the young objects every 700 allocations: pausing it makes parsing about 4% faster.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Formats whose line breaks may fall inside a sentence (page and line wraps); a .docx or
# web page breaks lines only between its paragraphs and table cells.
_BROKEN_LINE_FORMATS = ("txt", "md", "pdf")


def _read(d: dict, crosswalk) -> None:
    """Read and normalize the file.

    A .docx or page whose paragraphs are a PDF's lines (a converter's output, text pasted
    from a PDF: most lines as wide as the widest) breaks inside sentences as a PDF does.
    """
    raw = d["raw"] = io.read_text(d["path"])
    d["norm"] = normalize(raw.text, join_breaks=True if raw.format in _BROKEN_LINE_FORMATS else None)
    d["text"] = d["norm"].text
    d["warnings"] = list(raw.notes)  # a stray byte read as � (io.decode_bytes)


def _structure(d: dict, crosswalk) -> None:
    """Provisions with their raw-text spans, and the warning of a document without headings."""
    provisions, message = parse_provision_rows(d["text"], source=d["path"].name)
    if message:
        d["warnings"].append(message)
    spans = [(p["start"], p["end"]) for p in provisions]
    doc_id = d["doc_id"]
    for p, (raw_start, raw_end) in zip(provisions, d["norm"].to_raw_spans(spans)):
        p["doc_id"] = doc_id
        p["raw_start"] = raw_start
        p["raw_end"] = raw_end
    d["provisions"] = provisions
    # owner_index, from the starts already listed
    d["owner"] = owner_lookup([start for start, _ in spans], [p["provision_id"] for p in provisions])


def _document(d: dict, crosswalk) -> None:
    """The documents row: inferred metadata merged under the manifest's."""
    path, raw, text, provisions = d["path"], d["raw"], d["text"], d["provisions"]
    inferred = metadata.infer_metadata(text)
    dated = bool(inferred.get("date"))
    for k, v in raw.fields.items():  # what the page states beside the text, where the text is silent
        if v and not inferred.get(k):
            inferred[k] = v
    if not dated and inferred.get("date"):  # 自印发之日起施行 runs from the page's 成文日期
        inferred = metadata.term_with_date(inferred, text)
    if raw.fields and not inferred.get("level"):  # then level and region of the page's issuer or title
        issuer = inferred.get("issuer", "").split(";")[0]
        level, region = metadata.level_and_region_of([issuer, inferred.get("title", "")])
        if level:
            inferred["level"], inferred["region"] = level, region
    merged, disagreements = metadata.merge_metadata(d["meta"], inferred, path)
    document = {
        "doc_id": d["doc_id"],
        **{k: merged.get(k, "") for k in ("title", "issuer", "doc_number", "level", "region",
                                          "date", "period", "plan_start", "plan_end")},
        "source_file": path.name, "format": raw.format, "encoding": raw.encoding,
        "sha256": raw.sha256 or io.sha256_of(path), "n_chars": len(text), "n_raw_chars": len(raw.text),
        "n_provisions": len(provisions), "metadata_notes": " | ".join(disagreements),
    }
    for k in ("plan_start", "plan_end"):
        document[k] = int(document[k]) if str(document[k]).strip().isdigit() else None
    d["document"] = document
    d["warnings"] += disagreements


def _agencies(d: dict, crosswalk) -> None:
    """Responsibility clauses and their agencies."""
    text, provisions = d["text"], d["provisions"]
    refused: list[tuple[int, int]] = []
    clauses = agencies_mod.find_clauses(text, refused)
    for start, end in refused:  # a clause-like bracket whose names were not taken for bodies'
        unlike = "、".join(agencies_mod.unlike_names(text[start + 1:end - 1])[:3])
        why = f"{unlike} does not look like a public body's name" if unlike else \
            "a name in it does not look like a public body's"
        d["warnings"].append(f"{d['path'].name}: provision {d['owner'](start)}: {text[start:end]} was not read "
                             f"as a responsibility clause ({why}); "
                             "if it names responsible bodies, they are missing from the agencies table")
    point_parent = {p["provision_id"]: p["parent_id"] for p in provisions if p["level"] == "point"}
    # clauses that answer for provisions other than the one holding them
    spread = {start: [pid] for start, pid in trailing_clause_owners(text, clauses, provisions, d["owner"]).items()}
    if "条" in text:
        spread.update(article_range_owners(text, clauses, provisions))
    if "由" in text:
        spread.update(section_range_owners(text, clauses, provisions, d["owner"]))
    annexes = {p["provision_id"] for p in provisions if p["level"] == "annex"}
    d["agencies"] = agency_rows(d["doc_id"], text, d["owner"], crosswalk, clauses, point_parent,
                                agency_names.document_place(d["document"], text), spread, annexes,
                                agency_names.document_district(d["document"]))
    # Spans of the responsibility clauses: coding and term counts skip them, so that
    # 发展改革委 is not read as 改革 nor 市场监管局 as 监管.
    d["clause_spans"] = [(start, end) for start, end, _, _ in clauses]


_LIST_LEVELS = ("item", "subitem", "subsubitem")


def trailing_clause_owners(text: str, clauses: list[tuple], provisions: list[dict], owner) -> dict[int, str]:
    """{clause start: provision id} for clauses that answer for the section above a list.

    A clause on a line of its own that ends the last of a run of numbered items
    (1. 2. …, （1）（2）…, ①②…) answers for the provision holding the list when none of
    the items has a clause of its own: （一）…\n1.…\n2.…\n（责任单位：…） is the section's,
    and 第三条…：\n（一）…；\n（二）…。\n（责任单位：…） the article's (its points are its items).
    When each item has its clause, the last one keeps its own. ``text`` is normalized: its
    lines start with no blank, so a clause on a line of its own starts after a line break.
    """
    candidates = []
    # a clause closing a paragraph answers for more than its provision only in an article's
    # run-on points (_closes_run_on_points): without articles, only clauses on lines of their own are read
    articles = any(p["level"] == "article" for p in provisions)
    for i, (start, end, _, _) in enumerate(clauses):
        own_line = not start or text[start - 1] == "\n"  # most clauses close a paragraph's text
        if not own_line and not articles:
            continue
        # 【牵头单位】A【配合单位】B: clauses set one after another on the line are one
        chain = [start]
        while i + 1 < len(clauses) and not text[end:clauses[i + 1][0]].strip(" \t\u3000；;，,"):
            i += 1
            chain.append(clauses[i][0])
            end = clauses[i][1]
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        if not text[end:line_end].strip(" \t\u3000。；;，,\n"):
            candidates.extend((s, line_end, own_line) for s in chain)
    if not candidates:
        return {}
    by_id = {p["provision_id"]: p for p in provisions}
    owners = {owner(c[0]) for c in clauses}  # an item with two clauses is one item with clauses
    groups = Counter((by_id[o]["parent_id"], by_id[o]["level"]) for o in owners if o in by_id)
    out = {}
    for start, line_end, own_line in candidates:
        prov = by_id.get(owner(start))
        if prov is None or prov["end"] != line_end or not prov["parent_id"]:
            continue  # not at the end of a provision under another
        if not own_line and not _closes_run_on_points(text, prov, by_id, start):
            continue  # a clause closing an item's own line is the item's
        if prov["level"] not in _LIST_LEVELS and not _article_point(prov, by_id):
            continue  # not an item
        if groups[(prov["parent_id"], prov["level"])] == 1:  # no other clause among the items
            out[start] = prov["parent_id"]
    return out


def _closes_run_on_points(text: str, prov: dict, by_id: dict, start: int) -> bool:
    """True when the clause at ``start`` closes the paragraph of an article whose points run on
    inside it (第五条…：（一）…；（二）…。（责任单位：…）): it is the article's clause."""
    if not _article_point(prov, by_id):
        return False
    return "\n" not in text[by_id[prov["parent_id"]]["start"]:start]


def _article_point(prov: dict, by_id: dict) -> bool:
    """True for a （一） point of an article (第三条…：（一）…；（二）…): the article's item, not a measure."""
    parent = by_id.get(prov["parent_id"])
    return prov["level"] == "section" and parent is not None and parent["level"] == "article"


def _targets(d: dict, crosswalk) -> None:
    """Quantitative targets; a text in traditional characters (給予最高500萬元獎勵) is read in simplified
    ones (hanzi.simplified_view), each figure's text kept as written."""
    issued = d["document"]["date"][:4]
    text = d["text"]
    simple = simplified_view(text)
    d["targets"] = target_rows(d["doc_id"], simple, d["owner"], d["provisions"],
                               int(issued) if issued.isdigit() else None, d["document"]["plan_start"])
    if simple is not text:
        for t in d["targets"]:
            t["text"] = text[t["start"]:t["end"]]


def _result(d: dict) -> dict:
    """What parse_document returns, from one document's stage outputs."""
    return {"documents": [d["document"]], **{k: d[k] for k in _RESULT_KEYS}}


_RESULT_KEYS = ("provisions", "agencies", "clause_spans", "targets", "text", "warnings")
_STAGES = (_read, _structure, _document, _agencies, _targets)
