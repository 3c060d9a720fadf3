"""Quantitative targets (goals, limits, amounts) in Chinese policy text.

`extract_targets(text)` finds a number with its unit and qualifier ("超过3.5%",
"最高1000万元", "压缩至 60 个工作日以内"), normalizes it (money → 亿元, durations →
days, percentages → fractions), dates it with a same-paragraph "到20XX年", and gives it a
kind. Dates, document numbers, names, product valences, phases, ranks and numbering are
left out by general rules (they carry no unit, or a unit that marks them as labels).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["extract_targets", "cn_number"]

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def _cn_int(s: str) -> float | None:
    """Chinese numeral string (一…九, 十百千万亿) → number; None if malformed."""
    total, section, digit = 0.0, 0.0, None
    for ch in s:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            if section == 0:
                section = 1
            total += section * _CN_BIG[ch]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


def cn_number(s: str) -> float | None:
    """Parse an Arabic, Chinese or mixed numeral ("16", "十六", "两千", "百", "1.5万") → float.

    Returns None when `s` is not a number; full-width digits are accepted.
    """
    s = unicodedata.normalize("NFKC", s or "").strip().replace(",", "")
    if not s:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([十百千万亿]*)", s)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= _CN_SMALL.get(ch) or _CN_BIG[ch]
        return value
    if all(ch in _CN_DIGIT or ch in _CN_SMALL or ch in _CN_BIG for ch in s):
        return _cn_int(s)
    return None


# ---------------------------------------------------------------- patterns
_AR = r"[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN = r"[零〇一二两三四五六七八九十百千]+"
_NUM = rf"(?:{_AR}|{_CN})"
_SP = r"[ \u3000]*"

# Units. Order matters: longer alternatives first.
_MONEY = r"(?:万亿|千万|百万|亿|万|千)?(?:美元|元)"
_TIME_AFTER_GE = r"工作日|自然日|交易日|小时|季度|星期|百分点|月(?!份|度)|周(?!年|边|期)|天(?!津|然|使|下)"
_UNITS = (
    r"%|％|工作日|自然日|交易日|小时|季度|平方公里|平方米|公顷|人次|"
    r"天(?!津|然|使|下)|日(?!常|益|趋|前|后|本|用)|周(?!年|边|期)|月(?!份|度)|年(?!度|级|代|份|龄)|"
    r"家(?!庭|用|居|属|族|电)|项|人(?!民|工|口|才|员|群|类|士)|名|亩|所(?!有|属|在|得)|座|张|台|套|"
    r"种(?!植|子|业|苗|类)|件|款|支(?!持|撑|付)|条|吨|倍"
)

_PREFIX_QUAL = (
    r"不低于|不少于|不超过|不高于|不多于|达到|超过|突破|最高|最多|最低|至少|力争|累计|共计|"
    r"总计|合计|高于|多于|压缩至|压缩到|缩短至|缩短到|控制在|降至|降低至|降低到|提高到|提高至|"
    r"提升至|提升到|增加到|增至|约|近|逾|超|达"
)
_FILLER = r"(?:平均|支持|给予|奖励|补助|资助|补贴|总额)?"
_SUFFIX_QUAL = r"以内|之内|以上|以下|左右|内"

_TARGET_RE = re.compile(
    rf"(?:(?P<pq>{_PREFIX_QUAL}){_SP}{_FILLER}{_SP})?"
    rf"(?P<num>{_NUM})"
    rf"(?:{_SP}[—\-–~～至到]{_SP}(?P<num2>{_NUM}))?"
    rf"(?:{_SP}(?P<approx0>[余多])(?={_SP}{_MONEY}))?"
    rf"(?P<money>{_SP}{_MONEY})?"
    rf"(?(money)|(?:{_SP}(?P<mult>[万千亿])(?!元|美元))?{_SP}(?P<approx>[余多])?{_SP}"
    rf"(?:(?P<ge>个){_SP}(?P<geunit>{_TIME_AFTER_GE})?|(?P<unit>{_UNITS})))"
    rf"(?:{_SP}(?P<sq>{_SUFFIX_QUAL}))?"
)

_PCT_WORDS_RE = re.compile(r"百分之(?P<num>" + _NUM + ")")

_DATE_RES = [
    re.compile(r"[0-9０-９〇零一二三四五六七八九]{4}" + _SP + r"[—\-–~～至到]" + _SP
               + r"[0-9０-９〇零一二三四五六七八九]{4}" + _SP + "年"),
    re.compile(r"[0-9０-９〇零一二三四五六七八九]{4}" + _SP + r"年(?:" + _SP + r"[0-9０-９一二三四五六七八九十]{1,3}"
               + _SP + r"月(?:" + _SP + r"[0-9０-９一二三四五六七八九十]{1,3}" + _SP + r"[日号])?)?"),
    re.compile(r"[0-9０-９]{1,2}" + _SP + r"月" + _SP + r"[0-9０-９]{1,2}" + _SP + r"[日号]"),
    re.compile(r"〔[^〕\n]{0,8}〕[^号\n]{0,8}号"),  # document numbers 国发〔2015〕28号
]
_YEAR_RE = re.compile(
    r"(?:到|至|截至|截止到|截止)" + _SP + r"((?:19|20)\d{2})" + _SP + r"年"
    r"|((?:19|20)\d{2})" + _SP + r"年(?:底|末)?(?:前|以前)"
)
_QUOTE_RE = re.compile(r"“[^”\n]{1,12}”|\"[^\"\n]{1,12}\"|《[^》\n]{1,30}》")

_QUAL_CANON = {
    "达": "达到", "超": "超过", "逾": "超过", "内": "以内", "之内": "以内", "约": "左右",
    "最多": "最高", "至少": "不少于", "多于": "超过", "高于": "超过", "总计": "共计", "合计": "共计",
    "压缩至": "以内", "压缩到": "以内", "缩短至": "以内", "缩短到": "以内", "控制在": "以内",
    "降至": "以内", "降低至": "以内", "降低到": "以内", "提高到": "达到", "提高至": "达到",
    "提升至": "达到", "提升到": "达到", "增加到": "达到", "增至": "达到",
    "余": "以上", "多": "以上",
}
_TIME_UNITS = {"工作日": ("工作日", 1), "自然日": ("天", 1), "交易日": ("交易日", 1),
               "天": ("天", 1), "日": ("天", 1), "周": ("天", 7), "星期": ("天", 7),
               "月": ("天", 30), "季度": ("天", 90), "年": ("天", 365), "小时": ("天", 1 / 24)}
_MONEY_TO_YI = {"元": 1e-8, "万元": 1e-4, "亿元": 1.0, "万亿元": 1e4}
_AREA_UNITS = {"亩", "平方米", "平方公里", "公顷"}
_PEOPLE_UNITS = {"人", "名", "人次"}
_FUND_NOUNS = ("基金", "资金")
_MONEY_KINDS = [
    ("funding", ("基金", "资金", "投资", "奖励", "补助", "补贴", "资助", "支持", "给予", "扶持",
                 "奖补", "融资", "投入", "经费")),
    ("output", ("产值", "收入", "营收", "规模", "销售", "产能", "能力", "产量", "交易额", "营业额")),
    ("other", ("税收", "税", "资产", "利润", "利税", "增加值")),
]
_LIMIT_VERBS = {"不超过", "不多于", "最多", "最高", "压缩至", "压缩到", "缩短至", "缩短到", "控制在",
                "降至", "降低至", "降低到"}
_GROWTH_WORDS = ("增长", "增速", "增幅", "年均")
_SHARE_WORDS = ("占", "比重", "比例", "率")
_CLAUSE_END = "，。；;,\n！？"
_BAD_BEFORE_CN = set("第统唯逐同之每万单")


def _to_float(s: str) -> float | None:
    return cn_number(s)


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for rx in _DATE_RES:
        spans += [(m.start(), m.end()) for m in rx.finditer(text)]
    spans += [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _clause_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return text[i:pos]


def _clause_after(text: str, pos: int) -> str:
    i = pos
    while i < len(text) and text[i] not in _CLAUSE_END and text[i] != "、":
        i += 1
    return text[pos:i]


def _nearest_kind(before: str, table) -> str | None:
    best, best_pos = None, -1
    for kind, words in table:
        for w in words:
            p = before.rfind(w)
            if p >= 0 and p + len(w) > best_pos:
                best, best_pos = kind, p + len(w)
    return best


def _kind(text: str, start: int, end: int, unit: str) -> str:
    if unit in _MONEY_TO_YI or unit.endswith("美元"):
        after = _clause_after(text, end)
        if any(w in after for w in _FUND_NOUNS):
            return "funding"
        before = _clause_before(text, start)
        kind = _nearest_kind(before, _MONEY_KINDS) or _nearest_kind(after, _MONEY_KINDS)
        if kind is None:
            # a sentence-level look back, then default to money given out
            i = start
            while i > 0 and text[i - 1] not in "。；;\n":
                i -= 1
            kind = _nearest_kind(text[i:start], _MONEY_KINDS)
        return kind or "funding"
    if unit in ("%", "百分点"):
        before = _clause_before(text, start)
        kind = _nearest_kind(before, [("other", _GROWTH_WORDS), ("share", _SHARE_WORDS)])
        return kind or "share"
    if unit in _TIME_UNITS:
        return "time_limit"
    if unit in _AREA_UNITS:
        return "area"
    if unit in _PEOPLE_UNITS:
        return "people"
    if unit == "倍":
        return "other"
    return "count"


def _normalize_value(value: float, unit: str) -> tuple[float, str]:
    if unit in _MONEY_TO_YI:
        return value * _MONEY_TO_YI[unit], "亿元"
    if unit in _TIME_UNITS:
        norm_unit, factor = _TIME_UNITS[unit]
        return value * factor, norm_unit
    if unit == "%":
        return value / 100, "share"
    return value, unit


def _year_for(text: str, pos: int) -> int | None:
    line_start = text.rfind("\n", 0, pos) + 1
    year = None
    for m in _YEAR_RE.finditer(text, line_start, pos):
        year = int(m.group(1) or m.group(2))
    return year


def _candidate(text: str, m: re.Match, spans) -> dict | None:
    """Turn one regex match into a target dict, or None when a rule rejects it."""
    num, num2 = m.group("num"), m.group("num2")
    is_cn = not re.match(r"[0-9０-９]", num)
    num_start = m.start("num")
    prev = text[num_start - 1] if num_start > 0 else ""
    if _inside(spans, num_start, m.end("num2") if num2 else m.end("num")):
        return None
    if re.match(r"[A-Za-z0-9０-９.．_\]/\-]", prev) and not m.group("pq"):
        return None
    if is_cn and prev in _BAD_BEFORE_CN:
        return None
    if prev == "第":
        return None
    money = (m.group("money") or "").strip(" \u3000")
    unit = money or m.group("geunit") or m.group("ge") or m.group("unit")
    if unit == "％":
        unit = "%"
    pq, sq = m.group("pq"), m.group("sq")
    start = m.start()
    end = m.end()
    # trim a trailing suffix qualifier "内" that begins a word (内容/内部/内控…)
    if sq == "内" and end < len(text) and text[end] in "容部控涵外地在":
        end = m.start("sq")
        while end > start and text[end - 1] in " \u3000":
            end -= 1
        sq = None
    approx = m.group("approx0") or m.group("approx")
    qualified = bool(pq or sq or approx)
    # money like 千万元 / 百万元 → value × 1000 / 100, unit 万元
    value = _to_float(num)
    value_high = _to_float(num2) if num2 else None
    if value is None:
        return None
    scale = 1.0
    if money and money[0] in "千百" and money[1:2] == "万":
        scale = 1000.0 if money[0] == "千" else 100.0
        unit = money[1:]
    elif money and money[0] == "千":
        scale, unit = 1000.0, money[1:]
    mult = m.group("mult")
    if mult:
        scale *= _CN_BIG.get(mult) or _CN_SMALL[mult]
    value *= scale
    if value_high is not None:
        value_high *= scale
    # general exclusions
    plain = unicodedata.normalize("NFKC", num)
    if unit == "年" and re.fullmatch(r"(19|20)\d\d", plain):
        return None
    if is_cn and num in ("一",) and not qualified:
        return None
    if is_cn and len(num) == 1 and num in "十百千" and not money and not qualified:
        return None  # 千人计划, 千家万户, 百家
    if unit in _TIME_UNITS and unit != "工作日" and not (sq or pq in _LIMIT_VERBS):
        return None  # a limit is bounded (以内, 压缩至); 三年行动, 近3年, 8月 are periods or dates
    if prev == "前" and unit in ("名", "家", "强"):
        return None  # ranks: 排名前10名
    if num2 and unit == "年":
        return None
    qualifier = ""
    if sq:
        qualifier = _QUAL_CANON.get(sq, sq)
    elif approx:
        qualifier = _QUAL_CANON[approx]
    elif pq:
        qualifier = _QUAL_CANON.get(pq, pq)
    value_norm, unit_norm = _normalize_value(value, unit)
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "value": value,
        "value_high": value_high,
        "unit": unit,
        "value_norm": round(value_norm, 10),
        "unit_norm": unit_norm,
        "qualifier": qualifier,
        "year": _year_for(text, start),
        "kind": _kind(text, start, end, unit),
    }


def extract_targets(text: str) -> list[dict]:
    """All quantitative targets in a document's normalized text, sorted by start offset.

    Each dict has text (== text[start:end]), start, end, value, value_high, unit,
    value_norm, unit_norm, qualifier, year and kind.
    """
    spans = _masked_spans(text)
    found: list[dict] = []
    for m in _TARGET_RE.finditer(text):
        t = _candidate(text, m, spans)
        if t is not None:
            found.append(t)
    for m in _PCT_WORDS_RE.finditer(text):
        value = _to_float(m.group("num"))
        if value is None or _inside(spans, m.start(), m.end()):
            continue
        found.append({
            "text": m.group(), "start": m.start(), "end": m.end(), "value": value,
            "value_high": None, "unit": "%", "value_norm": value / 100, "unit_norm": "share",
            "qualifier": "", "year": _year_for(text, m.start()),
            "kind": _kind(text, m.start(), m.end(), "%"),
        })
    found.sort(key=lambda t: (t["start"], -t["end"]))
    out: list[dict] = []
    for t in found:
        if out and t["start"] < out[-1]["end"]:
            continue
        out.append(t)
    return out


# Headings of sections that report the current state (发展现状, 发展基础, 工作成效): the
# numbers under them are baselines, not goals. The whole heading must match, so a task
# such as 夯实产业基础 is not taken for one.
STATUS_HEADING = re.compile(r"(?:.*现状.*|(?:发展|产业|工作|现有)?(?:基础|成效|回顾)(?:和问题|与问题|及问题)?)")


def baseline_provisions(provisions: list[dict]) -> set[str]:
    """provision_ids under a current-state heading (see STATUS_HEADING), by walking parents."""
    by_id = {p["provision_id"]: p for p in provisions}
    out = set()
    for pid in by_id:
        node, seen = by_id.get(pid), set()
        while node is not None and node["provision_id"] not in seen:
            seen.add(node["provision_id"])
            if STATUS_HEADING.fullmatch(str(node.get("title") or "").strip(" 。.：:") or "-"):
                out.add(pid)
                break
            node = by_id.get(node.get("parent_id") or "")
    return out
