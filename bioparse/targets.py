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
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from .numerals import CAPITAL_DIGITS, CAPITAL_SMALL, CN_BIG, CN_SMALL, cn_number, year_value
from .scan import last_of, line_start_at, positions

__all__ = ["extract_targets", "cn_number"]

# ---------------------------------------------------------------- patterns
_DIGITS = "0-9０-９"
_CN_NUMERALS = "零〇一二两三四五六七八九十百千"
_CN_DECIMALS = "零〇一二三四五六七八九"  # the digits after a numeral's 点 (零点五)
# thousands apart by commas, or by a (no-break) space as Word sets 1 000万元
_AR = rf"[{_DIGITS}]+(?:[,\u00a0\u202f ][{_DIGITS}]{{3}}(?![{_DIGITS}]))*(?:[.．][{_DIGITS}]+)?"
_CAPITALS = CAPITAL_DIGITS.replace("零", "") + CAPITAL_SMALL  # 伍佰万元 (零 is among _CN_NUMERALS)
# Chinese numerals, with a 万/亿 inside (一万二千元), or in the capital forms (伍佰); never right after
# an Arabic digit (5千—1万元: the 千 is the low end's multiplier, and 1万元 the high end) nor inside
# a run of numerals (1三千万元 holds no 千万元: the scan of _target_matches tries a run's start). A bare
# 万/亿 before 余/多 is one of them (万余人: 1万余人; not one after another 万/亿, which a run's scan never tries),
# and so is a bare 万 of 万亿元 (突破万亿元: 1万亿元,
# as 超百亿元 is 100亿元), and a bare 亿 of 亿元 after 超/过/逾/突破 (超亿元企业, 过亿元品种: 1亿元, as
# 超10亿元企业 is 10亿元; not 每亿元, 亿元级, nor 亿元以上项目, which the gold leaves out as often as it
# keeps).
_CN = (rf"(?<![{_DIGITS}{_CN_NUMERALS}{_CAPITALS}])(?:[{_CN_NUMERALS}]+(?:[万亿][{_CN_NUMERALS}]+)*"
       rf"(?:点[{_CN_DECIMALS}]+)?"  # 零点五个百分点, 一点五倍: a decimal in numerals
       rf"|[{_CAPITALS}]+(?:[万亿][{_CAPITALS}]+)*"
       rf"|(?<![{_CN_NUMERALS}{_CAPITALS}万亿])(?:[万亿](?=[余多])|万(?=亿美?元))"
       rf"|(?<=[超过逾破])亿(?=美?元))")
_NUM = rf"(?:{_AR}|{_CN})"
_SP = r"[ \u3000]*"
# range signs (a character class's body): dashes as typed (—, -, –), a full-width hyphen (－), a GB2312 dash
# read as U+2015 (―), tildes and wave dashes, 至 and 到; _RANGE_SIGNS holds the same characters
_RANGE_SIGN = r"—\-–~～－―〜至到"

# Units. Order matters: longer alternatives first.
# (1万余元, 2亿多元: 多 not of 多元化)
# Money of other currencies keeps its currency in the unit, as written (1000万港元: 万港元, 500万澳门元)
_CURRENCIES = ("美元", "港元", "港币", "澳门元", "澳门币", "欧元", "日元")
_CURRENCY = "|".join(_CURRENCIES)
_MONEY_ENDS = ("元",) + tuple(c for c in _CURRENCIES if not c.endswith("元"))  # a unit that is money
_MONEY = rf"(?:万亿|千亿|千万|百万|亿|万|千)?(?:(?<=[万亿])(?:余|多(?!元化)))?(?:{_CURRENCY}|元)"
# 万/亿 without 元 as money (产业规模突破3000亿, 给予最高100万奖励): only where nothing follows the
# number but a clause's end, a bound, a word of money given out, the firms it sizes (超300亿企业, as
# 超300亿元企业; not 1亿剂, 千亿级, 10万人) or the currency's name (每年不少于3000万人民币的扶持资金)
# 1个亿, 两个亿 (spoken): a 亿 counted with 个 is always money, whatever follows (给予1个亿支持)
_BARE_MONEY = (r"个[ \u3000]*亿(?!级)元?|(?:万亿|亿|万)(?=[ \u3000]*(?:[，。；;,、）)！!？?\n]|$|左右|以上|以下|以内|及以[上下]|[（(]含"
               r"|奖励|补助|资助|补贴|扶持|企业|人民币|的(?!级)|/(?:亩|平方米|平米)))")  # 亩均税收不低于25万/亩
_TIME_AFTER_GE = r"工作日|自然日|交易日|小时|季度|星期|百分点|月(?!份|度)|周(?!年|边|期|岁)|天(?!津|然|使|下)"
_UNITS = (
    r"%|％|‰|工作日|自然日|交易日|小时|分钟|季度|平方公里|平方米|平米|公顷|㎡|m²|ｍ²|m2(?![0-9])|ｍ2(?![0-9])|人次|"
    r"天(?!津|然|使|下)|日(?!常|益|趋|前|后|本|用)|周(?!年|边|期|岁)|月(?!份|度)|年(?!度|级|代|份|龄)|"
    r"家次|家(?!庭|用|居|属|族|电)|项|人份|人(?!民|工|口|才|员|群|类|士)|名|位(?!于|居|列|置|次|数|号|点|移)|亩|所(?!有|属|在|得|列|述|示|需)|座|张|"
    r"台(?:[（(]套[）)])?|套(?:[（(]台[）)])?|批次|批(?!准|复|次|发)|"
    r"种(?!植|子|业|苗|类)|件|份(?!额)|款|支(?!持|撑|付)|条|吨标准煤|吨标煤|吨|毫克|克(?!隆|服)|倍|户(?!籍|口|外|型|一)|"
    # counts of services and events (5000次, 20场), volumes (20万升, 1.5万立方米) and doses (1亿剂)
    r"次(?!性|数|序|要|级|生|第)|场次|场(?!景|所|地|馆|合|域|化|面|内|外|站|均|次)|期(?!间|限|末|刊|货|望|待|初|中|内|满)|立方米|升(?!级|值|格|温|高|降|至|到|为)|剂次|剂(?!型|量|次)|"
    # energy (50万千瓦, 6亿千瓦时), lengths and weights (300公里, 20公斤), vehicles and charging posts
    # (10万辆, 2万根), and what health plans count: cases, test kits, strains, beds, tablets, papers
    r"千瓦时|千瓦|兆瓦时|兆瓦|公里|千米|公斤|千克|辆|根(?!据|本|源|治|基|系|茎)|例(?!如|外|会)|株(?!洲)|"
    r"床位|床(?!旁|边|头|单|上)|片(?!区|段|面|状)|粒|瓶|盒|篇(?!章|幅)"
)

_PREFIX_QUAL = (
    r"不低于|不少于|不超过|不超|不高于|不多于|不足|低于|达到|超过|突破|最高|最多获得|最多|最长|最低|至少|力争|累计|共计|"
    r"总计|合计|高于|多于|压缩至|压缩到|压缩为|压减至|压减到|缩减至|缩减到|缩短至|缩短到|缩短为|控制在|"
    r"降至|降为|降低至|降低到|下降到|下降至|降到|减至|提高到|提高至|"
    r"提升至|提升到|增加到|增至|延长至|延长到|延长为|约|近|逾|超|达|"
    r"≥|≧|≤|≦"  # in running text too (采购比例≥50%), as in a table's cell
)
_FILLER_WORDS = r"平均|支持|可给予|给予|奖励|补助|资助|补贴|总额|可获得|可获|可达|扶持|发放|可享受|享受|可"
_FILLER = rf"(?:{_FILLER_WORDS})?"
_SUFFIX_QUAL = r"以上|以下|以内|之内|左右|内|及以[上下]|[（(]含[）)]以[上下]"  # 及以上 and （含）以上 are 以上

_PER_UNIT = r"/(?:万元|元|吨|人|户|家|平方米|平米|亩|年|月)(?![0-9])"
_TARGET_RE = re.compile(
    rf"(?:(?P<pq>{_PREFIX_QUAL}){_SP}{_FILLER}{_SP})?"
    rf"(?P<num>{_NUM})"
    rf"(?:{_SP}[{_RANGE_SIGN}]{_SP}(?P<num2>{_NUM}))?"
    # 余/多 before money (300多万元) or before a 万/亿 of another unit (3300多万亩, 20余万人)
    rf"(?:{_SP}(?P<approx0>[余多])(?={_SP}(?:{_MONEY}|[万千亿])))?"
    rf"(?P<money>{_SP}(?:{_MONEY}|{_BARE_MONEY}))?"
    rf"(?(money)|(?:{_SP}(?P<mult>[万千亿])(?!元|{_CURRENCY}))?{_SP}(?P<approx>[余多])?{_SP}"
    rf"(?:(?P<ge>个){_SP}(?P<geunit>{_TIME_AFTER_GE})?|(?P<unit>{_UNITS})))"
    rf"(?:{_PER_UNIT})?"  # 0.05吨标准煤/万元以下: the unit is per 万元, the bound follows
    rf"(?:{_SP}(?P<sq>{_SUFFIX_QUAL}))?"
)

# 百分之十五, 百分之三点五
_PCT_WORDS_RE = re.compile(r"百分之(?P<num>" + _NUM + rf"(?:点[{_CN_NUMERALS}]+)?)(?:" + _SP + r"(?P<sq>以上|以下|以内|左右))?")
# 两成 (20%), written with a bound or at a clause's end; tried only before each 成
_TENTHS_DIGITS = "一二两三四五六七八九"  # the digit before a _TENTHS_RE match's 成
_TENTHS_RE = re.compile(rf"(?<![{_TENTHS_DIGITS}十])(?P<num>[{_TENTHS_DIGITS}])成(?:" + _SP
                        + r"(?P<sq>以上|以下|以内|左右)|(?=[，,。；;、）)\n]|$))")

# _TARGET_RE may start at any character, so its finditer is slow; _target_matches tries it
# only where a match can start. Its number starts a run of Arabic or of Chinese digits,
# and up to the unit (or 元, 个) only these characters can follow the number's first digit:
# more digits, separators, spaces, a range sign, 余/多, and 万/亿/千/百.
_NUMBER_TO_UNIT = rf"{_DIGITS}{_CN_NUMERALS}{_CAPITALS},.． \u3000\u00a0\u202f{_RANGE_SIGN}余多万亿点"
# a unit's first character, or, for a unit that starts with a numeral (千瓦, 千米), its second: a
# run ends at a character no number holds (the 千 is one of the number's run)
_UNIT_FIRST = "元美港澳欧个" + "".join(w[1] if w[0] in _CN_NUMERALS else w[0]
                                 for w in re.sub(r"\(\?![^)]*\)", "", _UNITS).split("|"))
# A run may start at a bare 万/亿 (万余人, 万亿元: see _CN); its first character is one class, not
# a choice, so that the regex engine skips to where a run can start (a choice made it 3× slower).
# A run may also end at its 万/亿 (突破3000亿，: _BARE_MONEY).
_NUMBER_RUN_RE = re.compile(rf"[{_DIGITS}{_CN_NUMERALS}{_CAPITALS}万亿][{_NUMBER_TO_UNIT}]*"
                            rf"(?:[{re.escape(_UNIT_FIRST)}]|(?<=[万亿]))")
_DIGIT_RUN_RE = re.compile(rf"[{_DIGITS}]+|[{_CN_NUMERALS}]+|[{_CAPITALS}]+")
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
# a prefix qualifier (不超过, 最高…) with filler words and spaces may stand before the number
_PREFIX_CHARS = frozenset(_PREFIX_QUAL.replace("|", "") + _FILLER_WORDS.replace("|", "") + " \u3000")
_PREFIX_FIRST = frozenset(w[0] for w in _PREFIX_QUAL.split("|"))

_DATE_RES = [
    re.compile(r"[0-9０-９〇零一二三四五六七八九]{4}" + _SP + "[" + _RANGE_SIGN + "]" + _SP
               + r"[0-9０-９〇零一二三四五六七八九]{4}" + _SP + "年"),
    re.compile(r"[0-9０-９〇零一二三四五六七八九]{4}" + _SP + r"年(?:" + _SP + r"[0-9０-９一二三四五六七八九十]{1,3}"
               + _SP + r"月(?:" + _SP + r"[0-9０-９一二三四五六七八九十]{1,3}" + _SP + r"[日号])?)?"),
    re.compile(r"[0-9０-９]{1,2}" + _SP + r"月" + _SP + r"[0-9０-９]{1,2}" + _SP + r"[日号]"),
    # document numbers 国发〔2015〕28号, 国办发﹝2021﹞16号, 泰政发【2021】45号: one regex per bracket,
    # as a literal first character is fast to scan for (the spans only mask numbers, so
    # overlaps among them do no harm)
    re.compile(r"〔[^〕\n]{0,8}〕[^号\n]{0,8}号"),
    re.compile(r"﹝[^﹞\n]{0,8}﹞[^号\n]{0,8}号"),
    re.compile(r"【[^】\n]{0,8}】[^号\n]{0,8}号"),
]
# a year in Arabic digits (2025, ２０２５) or in Chinese numerals digit by digit (二〇二五)
_YEAR_NUMBER = r"(?:(?:19|20|１９|２０)\d{2}|[一二][〇○零九][〇○零一二三四五六七八九]{2})"
# 展望2035年 leads a 规划's long-range goals (its own paragraph after the 到2025年 ones), as 到2035年 does
_YEAR_RE = re.compile(
    r"(?:到|(?<![年\d])至|截至|截止到|截止|展望)" + _SP + rf"({_YEAR_NUMBER})" + _SP + r"年"
    rf"|({_YEAR_NUMBER})" + _SP + r"年(?:底|末)?(?:前|以前)"
)
# Quoted names: “…”, "…" and 《…》. Each alternative starts with its own literal, which
# is fast to scan for, so _quote_spans searches them one by one.
_QUOTE_PARTS = (r"“[^”\n]{1,12}”", r"\"[^\"\n]{1,12}\"", r"《[^》\n]{1,30}》")
_QUOTE_RE = re.compile("|".join(_QUOTE_PARTS))
_QUOTE_PART_RES = [("“", re.compile(_QUOTE_PARTS[0])), ('"', re.compile(_QUOTE_PARTS[1])),
                   ("《", re.compile(_QUOTE_PARTS[2]))]  # each with the quote mark it starts with

_QUAL_CANON = {
    "达": "达到", "超": "超过", "不超": "不超过", "逾": "超过", "内": "以内", "之内": "以内", "约": "左右",
    "最多": "最高", "最多获得": "最高", "最长": "最高", "至少": "不少于", "多于": "超过", "高于": "超过", "总计": "共计", "合计": "共计",
    "压缩至": "以内", "压缩到": "以内", "缩短至": "以内", "缩短到": "以内", "控制在": "以内",
    "压缩为": "以内", "压减至": "以内", "压减到": "以内", "缩减至": "以内", "缩减到": "以内", "缩短为": "以内",
    "降为": "以内", "减至": "以内",
    "降至": "以内", "降低至": "以内", "降低到": "以内", "下降到": "以内", "下降至": "以内", "降到": "以内", "提高到": "达到", "提高至": "达到",
    "提升至": "达到", "提升到": "达到", "增加到": "达到", "增至": "达到",
    "延长至": "达到", "延长到": "达到", "延长为": "达到",
    "余": "以上", "多": "以上", "及以上": "以上", "及以下": "以下",
    "≥": "不低于", "≧": "不低于", "≤": "不超过", "≦": "不超过",
    # （含）以上 in any mix of bracket widths
    **{f"{o}含{c}以{d}": f"以{d}" for o in "（(" for c in "）)" for d in "上下"},
}
_TIME_UNITS = {"工作日": ("工作日", 1), "自然日": ("天", 1), "交易日": ("交易日", 1),
               "天": ("天", 1), "日": ("天", 1), "周": ("天", 7), "星期": ("天", 7),
               "月": ("天", 30), "季度": ("天", 90), "年": ("天", 365), "小时": ("天", 1 / 24),
               "分钟": ("天", 1 / 1440)}
_MONEY_TO_YI = {"元": 1e-8, "万元": 1e-4, "亿元": 1.0, "万亿元": 1e4}
_SQUARE_METRE_SIGNS = {"㎡", "m²", "ｍ²", "m2", "ｍ2", "平米"}  # kept as written in unit, 平方米 in unit_norm (平米: 平方米 as spoken)
_AREA_UNITS = {"亩", "平方米", "平方公里", "公顷", *_SQUARE_METRE_SIGNS}
_PEOPLE_UNITS = {"人", "名", "位", "人次"}
_MEASURE_UNITS = {"千瓦", "千瓦时", "兆瓦", "兆瓦时", "公里", "千米", "吨标准煤", "吨标煤"}  # capacities, lengths, energy: no count of things
_WEIGHT_UNITS = {"吨", "公斤", "千克", "克", "毫克"}  # weights (also 万吨): no count of things either
_FUND_NOUNS = ("基金", "资金")
_FUND_SIZES = tuple(f"{noun}{size}" for noun in _FUND_NOUNS for size in ("规模", "总规模", "总额"))
_MONEY_KINDS = (
    ("funding", ("基金", "资金", "投资", "奖励", "补助", "补贴", "资助", "支持", "给予", "扶持",
                 "奖补", "融资", "投入", "经费")),
    ("output", ("产值", "收入", "营收", "规模", "销售", "产能", "能力", "产量", "交易额", "成交额", "营业额", "出口",
                "履约")),  # 累计履约金额不低于1000万元: what a contract firm (CDMO) earns
    ("other", ("税收", "税", "资产", "利润", "利税", "增加值", "估值", "市值")),  # a firm's worth is no money given out
)
_LIMIT_VERBS = {"不超过", "不超", "不多于", "最多", "最多获得", "最长", "最高", "压缩至", "压缩到", "压缩为", "压减至", "压减到", "缩减至",
                "缩减到", "缩短至", "缩短到", "缩短为", "控制在", "降至", "降为", "降低至", "降低到", "减至"}
_AT_LEAST = {"不少于", "至少", "不低于"}  # 不少于30日: a bounded period, as a limit is
_EXTEND_VERBS = {"延长至", "延长到", "延长为"}  # 审批有效期延长至12个月: a period set, as 缩短至 sets one
_OWN_LIST_WORDS = ("以下", "如下", "下列", "下述")
_MEASURE_WORDS = ("措施", "政策", "举措", "意见")
_PLAN_SET_WORDS = ("行动计划", "行动方案", "实施计划", "专项行动")  # after N项: a set of plans named
_PAST_TIMES = ("先后", "曾")  # 先后3次, 曾2次: how often something has happened
_BREAKTHROUGH_HEADS = ("技术", "重大", "关键")  # 技术突破5项: 突破 is a noun there, not 突破100亿元's verb


def _ends_clause(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` ends its clause (平台一个。): a count after its noun."""
    return text[end:end + 1] in ("", "，", "。", "；", ";", ",", "、", "\n")


_GROWTH_WORDS = ("增长率", "增长", "增速", "增幅", "年均")  # 增长率 ends where 率 (a share) does, and wins the tie
_SHARE_WORDS = ("占", "比重", "比例", "率")
_PERCENT_KINDS = (("other", _GROWTH_WORDS), ("share", _SHARE_WORDS))
_CLAUSE_END = "，。；;,\n！？"
# 每吸纳, 每新增, 每带动 before a count (not 每年, 每月: 每年新增100家 is a goal), the base of a rate
_PER_HEAD_RE = re.compile(r"每(?![年月季日天周次])[^0-9０-９，。；;、,\n]{1,4}$")
_RATE_BASE_UNITS = {"人", "名", "位", "人次", "家", "户", "个", "项"}
_SUPPORT_WORDS = ("给予", "奖励", "补助", "补贴", "资助", "奖补")
_BAD_BEFORE_CN = set("第统唯逐同之每万单数几")  # 数十亿元 and 几百家 are no figures


def _to_float(s: str) -> float | None:
    return cn_number(s)


def _mult_scale(mult: str | None) -> float:
    """What a 万/亿/千 written before a unit other than money multiplies by (1万人: 10000); 1 without one."""
    return (CN_BIG.get(mult) or CN_SMALL[mult]) if mult else 1.0


def _target_matches(text: str) -> list[re.Match]:
    """The matches of _TARGET_RE.finditer(text) but those of 一 with unit 批 (培育一批: no figure,
    and frequent), trying the regex only where one can start.

    A match's number starts a run of Arabic or of Chinese digits inside a _NUMBER_RUN_RE
    match (a number with its unit); a later digit of a run can start no match that its
    first digit cannot. A match found there takes in the unit, so the rest of the number
    run is tried only when its first digit run starts no match (3.5.6%: 5.6%), or after the
    match where it ends inside the run (1万,3至5个: 1万, then 3至5个).
    """
    out = []
    pos = 0
    for run in _NUMBER_RUN_RE.finditer(text):
        n = run.start()
        if text.startswith("一批", n) and run.end() == n + 2:
            continue  # 培育一批, 突破一批: "a number of", never a figure (see _candidate), and frequent;
            # so _target_matches is _TARGET_RE.finditer less its matches of 一 with unit 批
        if n == pos or (n > pos and text[n - 1] not in _PREFIX_CHARS):
            m = _TARGET_RE.match(text, n)  # _match_at_number's case of no prefix characters
        else:
            m = _match_at_number(text, n, pos)
        if m is None:
            for digits in _DIGIT_RUN_RE.finditer(text, run.start(), run.end()):
                m = _match_at_number(text, digits.start(), pos) if digits.start() > run.start() else None
                if m:
                    break
        while m:
            pos = m.end()
            if m.group("num") != "一" or m.group("unit") != "批":  # 一余批 and the like, as 一批 above
                out.append(m)
            # a match may end inside its run, before a second figure (1万,3至5个: 3至5个)
            m = next(filter(None, (_match_at_number(text, d.start(), pos)
                                   for d in _DIGIT_RUN_RE.finditer(text, pos, run.end()))), None)
    return out


def _percent_in_words(m: re.Match) -> float | None:
    """The percentage of a _PCT_WORDS_RE or _TENTHS_RE match: 百分之三点五 → 3.5, 两成 → 20."""
    if m.re is _TENTHS_RE:
        return 10.0 * _to_float(m.group("num"))
    whole, _, decimals = m.group("num").partition("点")
    value = _to_float(whole)
    if value is None or not decimals:
        return value
    digits = [_to_float(c) for c in decimals]
    return None if None in digits else float(f"{int(value)}.{''.join(str(int(d)) for d in digits)}")


def _match_at_number(text: str, n: int, pos: int) -> re.Match | None:
    """The first _TARGET_RE match from pos on whose number starts at n, if n >= pos.

    It starts at a prefix qualifier (不超过, 最高…) among the prefix characters right
    before n, or at n itself.
    """
    if n < pos:
        return None
    j = n
    while j > pos and text[j - 1] in _PREFIX_CHARS:
        j -= 1
    for p in range(j, n):
        if text[p] in _PREFIX_FIRST:
            m = _TARGET_RE.match(text, p)
            if m:
                return m
    return _TARGET_RE.match(text, n)


_YEAR_DIGITS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九")
_RANGE_SIGNS = frozenset(_RANGE_SIGN.replace("\\", ""))


def _back_over_spaces(text: str, i: int) -> int:
    """The offset where the run of spaces (ASCII or U+3000) ending at i begins."""
    while i > 0 and text[i - 1] in " \u3000":
        i -= 1
    return i


def _year_block_before(text: str, i: int) -> int:
    """Start of four year digits followed by spaces up to i (as _DATE_RES spell a year), or -1."""
    q = _back_over_spaces(text, i)
    if q >= 4 and _YEAR_DIGITS.issuperset(text[q - 4:q]):
        return q - 4
    return -1


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the matches of _DATE_RES[0:3].finditer(text), found from their 年 and 月.

    Each match holds one 年 (a year, a year range) or one 月 (a month and day), and its
    start is fixed by the digits and spaces right before that character, so the regex is
    tried at that one offset; matches of one regex never overlap.
    """
    spans = []
    year_range, year, month_day = _DATE_RES[:3]
    for y in positions(text, "年"):
        if y < 4 or not (text[y - 1] in _YEAR_DIGITS or text[y - 1] in " \u3000"):
            continue  # the common 年 with no year before it (今年, 年度)
        second = _year_block_before(text, y)
        if second < 0:
            continue
        r = _back_over_spaces(text, second)
        if r > 0 and text[r - 1] in _RANGE_SIGNS:
            first = _year_block_before(text, r - 1)
            m = year_range.match(text, first) if first >= 0 else None
            if m:
                spans.append(m.span())
        m = year.match(text, second)
        if m:
            spans.append(m.span())
    for mo in positions(text, "月"):
        q = _back_over_spaces(text, mo)
        if q >= 2 and text[q - 2] in _DIGIT_CHARS and text[q - 1] in _DIGIT_CHARS:
            p = q - 2  # [0-9]{1,2} is greedy and the scan goes left to right
        elif q >= 1 and text[q - 1] in _DIGIT_CHARS:
            p = q - 1
        else:
            continue
        m = month_day.match(text, p)
        if m:
            spans.append(m.span())
    return spans


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, document numbers and quoted names: numbers in them are no targets."""
    spans = _date_spans(text)
    for rx in _DATE_RES[3:]:  # each starts with its bracket
        spans += [m.span() for m in _matches_at(text, rx.pattern[0], rx)]
    spans += _quote_spans(text)
    return spans


def _matches_at(text: str, mark: str, rx: re.Pattern):
    """The matches of rx.finditer(text) for a regex that starts with the literal ``mark`` and
    looks at nothing before it: rx is tried only where str.find (a fast scan) finds mark."""
    i = text.find(mark)
    while i >= 0:
        m = rx.match(text, i)
        if m:
            yield m
            i = text.find(mark, m.end())
        else:
            i = text.find(mark, i + 1)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the matches of _QUOTE_RE.finditer(text), from one scan per quote mark.

    When no two of the spans overlap they are exactly _QUOTE_RE's matches (each
    alternative starts with its own character and looks at nothing before it); quotes
    that overlap (“…《…”…》) are left to the plain scan.
    """
    spans = sorted(m.span() for mark, rx in _QUOTE_PART_RES for m in _matches_at(text, mark, rx))
    if all(a[1] <= b[0] for a, b in zip(spans, spans[1:])):
        return spans
    return [m.span() for m in _QUOTE_RE.finditer(text)]


class _Spans:
    """A set of spans that answers "does [start, end) overlap any of them?" by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        # the largest end among the spans up to each one
        self.max_end = list(accumulate([e for _, e in spans], max, initial=-1))[1:]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans[:i] start before end
        return i > 0 and self.max_end[i - 1] > start


def _clause_before(text: str, pos: int) -> str:
    """The text from the last clause end (_CLAUSE_END) before pos up to pos."""
    return text[_start_after_last(text, _CLAUSE_END_IN_LINE, pos):pos]


_CLAUSE_END_IN_LINE = _CLAUSE_END.replace("\n", "")
_SENTENCE_REACH = 300  # as reported_before's: a sentence longer than this is read only so far back
_SENTENCE_END_IN_LINE = "。；;"


def _start_after_last(text: str, ends: str, pos: int) -> int:
    """The offset right after the last line break or character of ``ends`` before pos (0 if none).

    One str.rfind per character over the last few hundred characters (scan.last_of), instead
    of a walk back character by character.
    """
    i = line_start_at(text, pos)
    j = last_of(text, ends, i, pos)
    return i if j < 0 else j + 1


_CLAUSE_AFTER_RE = re.compile("[^" + re.escape(_CLAUSE_END) + "、]*")


_SENTENCE_AFTER_RE = re.compile(r"[^。；;！？\n]{0,40}")


def _sentence_after(text: str, pos: int) -> str:
    """The text from pos up to the sentence's end (。；), at most 40 characters."""
    return _SENTENCE_AFTER_RE.match(text, pos).group()


def _comment_window(text: str, start: int, end: int) -> bool:
    """True when a time figure is the window a notice of consultation gives the public to comment on a
    draft (可在自公告之日起7日内…提出意见建议, 征求意见…请于10个工作日内反馈): the consultation's procedure,
    no goal of the plan. After the figure its sentence has 意见 to be 提出 or 反馈, and it names a 公告 or a 征求;
    在20个工作日内作出处理意见 (a policy's own limit on handling objections) and 公开征求意见，并在30日内反馈采纳情况
    (a policy's duty to answer) have no such 意见 after the figure."""
    after = _sentence_after(text, end)
    if "意见" not in after or ("提出" not in after and "反馈" not in after):
        return False
    sentence = text[_start_after_last(text, _SENTENCE_END_IN_LINE, start):start] + after
    return "公告" in sentence or "征求" in sentence


def _clause_after(text: str, pos: int) -> str:
    """The text from pos up to the next clause end (or 、)."""
    return _CLAUSE_AFTER_RE.match(text, pos).group()


def _nearest_kind(before: str, table) -> str | None:
    """The kind of the table's word that ends last in `before` (on a tie, the first listed)."""
    return _nearest_of(before, _reversed_words(table))


def _nearest_of(before: str, reversed_words) -> str | None:
    """_nearest_kind for a table's _reversed_words, which _kind reads from constants
    (_reversed_words(table) hashes the whole table on each call)."""
    rx, kinds = reversed_words
    m = rx.search(before[::-1])  # the leftmost match in the reversed text ends last
    return kinds[m.group()] if m else None


@lru_cache(maxsize=None)
def _reversed_words(table) -> tuple[re.Pattern, dict[str, str]]:
    """A regex for the table's words spelt backwards, in table order, and each one's kind."""
    kinds: dict[str, str] = {}
    for kind, words in table:
        for w in words:
            kinds.setdefault(w[::-1], kind)
    return re.compile("|".join(re.escape(w) for w in kinds)), kinds


_MONEY_WORDS = _reversed_words(_MONEY_KINDS)
_PERCENT_WORDS = _reversed_words(_PERCENT_KINDS)
_FUND_CHAR = "金"  # in every one of _FUND_NOUNS and _FUND_SIZES: without it none is there


# a short bracketed aside (（不含税）, （含）, （市值）): how an amount is counted, not what it is
_ASIDE_RE = re.compile(r"[（(][^（()）\n]{1,8}[）)]")


def _without_asides(before: str) -> str:
    """``before`` without its short bracketed asides: 累计销售额（不含税）不低于2000万元 is sales
    (output), and the 税 of its aside no tax (other)."""
    return _ASIDE_RE.sub("", before) if "（" in before or "(" in before else before


_BARE_SIZES = ("规模", "总规模", "首期规模", "首期总规模")  # a clause opening on a size names no subject of its own
_SIZE_CLASSES = ("以上", "以下", "化")  # 规模以上企业: a class of firms, 规模化: a manner; not a size


def _opens_on_a_size(clause: str) -> bool:
    """Whether the clause opens on a bare size (总规模达到…), not on 规模以上(企业) nor 规模化."""
    clause = clause.lstrip(" \u3000")
    for size in _BARE_SIZES:
        if clause.startswith(size):
            return not clause.startswith(_SIZE_CLASSES, len(size))
    return False


def _fund_named_before(text: str, clause_start: int) -> bool:
    """Whether the clause before the one starting at clause_start (after a ，, in the same line)
    names a fund: 设立生物医药产业基金，总规模100亿元 sizes the fund, not an industry."""
    if clause_start < 1 or text[clause_start - 1] not in "，,":
        return False
    prev = _clause_before(text, clause_start - 1)
    return _FUND_CHAR in prev and "基金" in prev


# a clause that opens on one recipient (单个项目, 每家企业, 同一企业每年) and names no money of its own caps the
# support it gets, whatever the clause before it was measured by (销售额的30%)
_CAP_SUBJECT_RE = re.compile(r"[ \u3000]*(?:单个|单家|单项|每个|每家|每项|每户|同一)")


def _kind(text: str, start: int, end: int, unit: str) -> str:
    if unit in _MONEY_TO_YI or unit.endswith(_CURRENCIES):
        after = _clause_after(text, end)
        if _FUND_CHAR in after and any(w in after for w in _FUND_NOUNS):
            return "funding"
        before = _without_asides(_clause_before(text, start))
        if _FUND_CHAR in before and any(size in before for size in _FUND_SIZES):
            return "funding"  # 基金规模达到100亿元: a fund's size, not output (规模)
        if _opens_on_a_size(before) and _fund_named_before(
                text, _start_after_last(text, _CLAUSE_END_IN_LINE, start)):
            return "funding"  # 设立…创投基金，总规模达到100亿元: the fund's size, its noun a clause back
        kind = _nearest_of(before, _MONEY_WORDS) or _nearest_of(after, _MONEY_WORDS)
        if kind is None and text.startswith("突破", start):
            return "output"  # 加大资金投入，…，力争突破三百亿元: a size broken through, never money given out (golds: all output)
        if kind is None and _CAP_SUBJECT_RE.match(before) and not text.startswith("的", end):
            return "funding"  # 按销售额的30%资助，单个项目最高不超过5000万元: a cap on what one recipient is given
        if kind is None and text.startswith(("企业", "的企业"), end):
            # 培育超百亿企业3家, 形成2家百亿元企业: the size of firms, their revenue, whatever an earlier
            # clause of the sentence measured (增加值达到1180亿元，形成2家百亿元企业)
            return "output"
        if kind is None:
            # a sentence-level look back (its last _SENTENCE_REACH characters: a line without a
            # sentence end made it quadratic), then default to money given out
            # (without its short asides, as the clause's: the 税 of （不含税） is no tax)
            i = max(_start_after_last(text, _SENTENCE_END_IN_LINE, start), start - _SENTENCE_REACH)
            kind = _nearest_of(_without_asides(text[i:start]), _MONEY_WORDS)
        if kind is None:
            # parallel clauses after a semicolon share the subject of the first (2020年总产值达到260亿元；
            # 2025年达450亿元): back to the sentence's start within the line
            j = max(_start_after_last(text, "。", start), start - _SENTENCE_REACH)
            if j < i:
                kind = _nearest_of(_without_asides(text[j:i]), _MONEY_WORDS)
        return kind or "funding"
    if unit in ("%", "‰", "百分点") or unit.endswith("10万"):  # (/10万: a rate, as ‰ is)
        before = _clause_before(text, start)
        kind = _nearest_of(before, _PERCENT_WORDS)
        if kind is None and text.startswith("的", end) and text.startswith(_GROWTH_WORDS, end + 1):
            return "other"  # 保持30%左右的增长幅度: the noun after 的 names what the rate measures
        return kind or "share"
    if unit in _TIME_UNITS:
        return "time_limit"
    if unit in _AREA_UNITS:
        return "area"
    if unit in _PEOPLE_UNITS:
        return "people"
    if unit == "倍" or unit == "岁" or unit in _MEASURE_UNITS:  # (岁: a life's length, no count of things)
        return "other"
    if (unit[1:] if unit[:1] in "万亿" else unit) in _WEIGHT_UNITS:
        # 年供种能力达到500吨, 中药材产量约135万吨: what is made (output); 库容1万吨: a size (other)
        before = _without_asides(_clause_before(text, start))
        return "output" if _nearest_of(before, _MONEY_WORDS) == "output" else "other"
    return "count"


def _round10(x: float) -> float:
    """round(x, 10), skipping its decimal conversion when x is a whole number (which it returns unchanged)."""
    return x if x.is_integer() else round(x, 10)


def _normalize_value(value: float, unit: str) -> tuple[float, str]:
    if unit in _MONEY_TO_YI:
        return value * _MONEY_TO_YI[unit], "亿元"
    if unit in _TIME_UNITS:
        norm_unit, factor = _TIME_UNITS[unit]
        return value * factor, norm_unit
    if unit == "%":
        return value / 100, "share"
    if unit == "‰":
        return value / 1000, "share"
    if unit in _SQUARE_METRE_SIGNS:
        return value, "平方米"
    return value, unit


def _year_for(text: str, pos: int, lead_ins: dict | None = None) -> int | None:
    """The target year of the figure at pos: the last 到2025年 / 2025年底前 before it on its line.

    A line of a list (——…, 1.…, （1）…) without one takes the year of the lead-in line
    that ends in a colon above the list (到2025年，实现以下目标：). ``lead_ins`` keeps, for
    the document, the offsets of the colons that end lines (_lead_ins, under "colons"),
    found when first needed, each line's lead-in year (under its start offset), as a
    line often holds several figures, and each line's years (_last_year_on_line). A later
    horizon without a year (到“十五五”末) or a clause headed by another year (。2023年全市…, ；2030年，…)
    ends the year's reach (_year_taken_over; by the line's marks kept in ``lead_ins``, _taken_over_on_line).
    """
    line_start = line_start_at(text, pos)
    if lead_ins is None:
        mark = _last_year_match(text, line_start, pos)
        year, mark_end = (year_value(mark.group(1) or mark.group(2)), mark.end()) if mark else (None, pos)
    else:
        year, mark_end = _last_year_on_line(text, line_start, pos, lead_ins)
    if year is not None and (_year_taken_over(text, mark_end, pos, year) if lead_ins is None
                             else _taken_over_on_line(text, line_start, mark_end, pos, year, lead_ins)):
        return None
    if year is None and lead_ins is not None:
        if line_start not in lead_ins:
            lead_ins[line_start] = (_lead_in_year(text, line_start, lead_ins)
                                    or _continued_year(text, line_start, lead_ins))
        return lead_ins[line_start]
    return year


def _lead_in_year(text: str, line_start: int, lead_ins: dict) -> int | None:
    """The year of the lead-in above the list line starting at line_start (see _year_for);
    None if it is no list line, or has none."""
    if not (text[line_start:line_start + 1] in _LIST_FIRST and _LIST_LINE_RE.match(text, line_start)):
        return None
    # the last line ending in a colon above, if only list lines (at most 12) lie between
    if "colons" not in lead_ins:
        lead_ins["colons"] = _lead_ins(text)
    colons = lead_ins["colons"]
    k = bisect_left(colons, line_start) - 1
    if k < 0 or text.count("\n", colons[k] + 2, line_start) > 12:
        return None
    colon = colons[k]
    at, n = colon + 2, 0
    while at < line_start:
        if n == 12 or not _LIST_LINE_RE.match(text, at):
            return None
        at, n = text.find("\n", at) + 1, n + 1
    return last_year(text, text.rfind("\n", 0, colon) + 1, colon)


def _continued_year(text: str, line_start: int, lead_ins: dict) -> int | None:
    """The year of the sentence a line continues: goals set one clause a line (到2027年，…；\n…；\n…。)
    share the year of the nearest line above in the chain of lines ending in ；; None if the line
    above ends otherwise, the line is a heading, or no line of the chain (at most 12) states a year."""
    if _HEADING_START_RE.match(text, line_start):
        return None
    at = line_start
    for _ in range(12):
        end = at - 1  # the line break ending the line above
        k = end - 1
        while k >= 0 and text[k] in " \u3000\t\r":
            k -= 1
        if end <= 0 or k < 0 or text[k] not in "；;":
            return None
        above = line_start_at(text, end)
        year, mark_end = _last_year_on_line(text, above, end, lead_ins)
        if year is not None:
            return None if _taken_over_on_line(text, above, mark_end, end, year, lead_ins) else year
        if _HEADING_START_RE.match(text, above):
            return None
        at = above
    return None


# a heading line: 一、… / （一）… (a new section ends a sentence's reach)
_HEADING_START_RE = re.compile(r"[ \u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")


_LIST_FIRST = frozenset(" \u3000—0123456789（(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
# a line of a list under a lead-in: ——…, 1.…, （1）…, ①…  (not a section: （一）)
_LIST_LINE_RE = re.compile(r"[ \u3000]*(?:——|—|[0-9]{1,2}[.．、)）]|[（(][0-9]{1,2}[）)]|[①-⑳])")


def _lead_ins(text: str) -> list[int]:
    """Offsets of the colons that end a line (：\n), in order: where a list's lead-in ends."""
    return sorted([*positions(text, "：\n"), *positions(text, ":\n")])


def last_year(text: str, start: int, end: int) -> int | None:
    """The year of the last goal-year mark (到2025年, 2025年底前) in text[start:end], or None."""
    m = _last_year_match(text, start, end)
    return year_value(m.group(1) or m.group(2)) if m else None


def _last_year_match(text: str, start: int, end: int) -> re.Match | None:
    """The last _YEAR_RE match in text[start:end], or None."""
    last = None
    for last in _year_matches(text, start, end):
        pass
    return last


# a horizon without a year of its own: 到“十五五”末, 到十五五时期末, 到本世纪中叶 (not the 到 of 达到“十四五”时期的2.5倍)
_HORIZON_RE = re.compile(r"(?<![达高升加长少低大])到[ \u3000]*(?:(?:本|21|二十一)世纪中叶"
                         r"|[“\"「]?十[一二三四五六七八九]五[”\"」]?(?:时期|期间)?(?:末|期末|[，,]))")
# a clause headed by a year (，2023年全市… / 。2023年… / （2023年为385亿元） / 其中2022年为400亿元): it reports that year,
# unless the year opens a range (2020年至2025年) or a deadline (2025年底前)
_HEADED_YEAR_RE = re.compile(r"(?:(?<=[，,。；;！？（(])|(?<=其中))[ \u3000]*(?:截至|截止到?)?[ \u3000]*(" + _YEAR_NUMBER
                             + r")[ \u3000]*年(?!度|底|末|前|以前|以来|起|[ \u3000]*[" + _RANGE_SIGN + "])")


def _year_taken_over(text: str, start: int, pos: int, year: int) -> bool:
    """Whether, between a goal year's mark (到2025年) ending at start and the figure at pos, a later
    horizon without a year (到“十五五”末, 到本世纪中叶) or a clause headed by another year takes over:
    one reporting an earlier year (。2023年全市…, （2023年为385亿元）, still open at pos) or setting a later
    stage without 到 (；2030年，…). The figure then has no target year."""
    # a horizon holds 十X五 or 世纪中叶: two C-level scans spare most windows the regex (every 达到 holds a 到)
    if (text.find("五", start, pos) >= 0 or text.find("世纪中叶", start, pos) >= 0) \
            and _HORIZON_RE.search(text, start, pos):
        return True
    if text.find("年", start, pos) < 0:
        return False
    for m in _HEADED_YEAR_RE.finditer(text, start, pos):
        if year_value(m.group(1)) != year and not _report_closed(text, m.start(), m.end(), pos):
            return True
    return False


def _taken_over_on_line(text: str, line_start: int, start: int, pos: int, year: int, memo: dict) -> bool:
    """_year_taken_over(text, start, pos, year): by its scan for a short window (the common case, and
    cheapest), else by _taken_over_by_marks."""
    if pos - start <= _SHORT_WINDOW:
        return _year_taken_over(text, start, pos, year)
    return _taken_over_by_marks(text, line_start, start, pos, year, memo)


_SHORT_WINDOW = 80  # characters between a goal year's mark and a figure, scanned as they are


def _taken_over_by_marks(text: str, line_start: int, start: int, pos: int, year: int, memo: dict) -> bool:
    """_year_taken_over(text, start, pos, year), from the line's horizons and headed years found once
    (_line_marks, kept in ``memo``) and bisection: a scan of the window for each figure took time
    quadratic in a line's length when one 到2025年 led thousands of figures.

    A headed year ending at least 2 characters before the spaces (if any) that end the window reads
    nothing at or after pos (its longest tail is 以前, or spaces and a 至), so it is one of the line's;
    the 年 of the last 2 characters are matched again, bounded at pos.
    """
    h_starts, h_ends, y_starts, y_ends, heads = _line_marks(text, line_start, memo)
    i = bisect_left(h_starts, start)  # the horizons do not overlap: the first after start ends first
    if i < len(h_starts) and h_ends[i] <= pos:
        return True
    q = _back_over_spaces(text, pos)
    i0, i1 = bisect_left(y_starts, start), bisect_right(y_ends, q - 2)
    if i1 > i0 and _open_reports(heads, i0, i1, year, line_start, memo) >= pos:
        return True
    for y in (q - 2, q - 1):  # a headed year whose tail the window cuts
        if y >= start and text[y] == "年":
            p = _headed_year_start(text, y)
            m = _HEADED_YEAR_RE.match(text, p, pos) if p >= start else None
            if m and year_value(m.group(1)) != year and not _report_closed(text, p, m.end(), pos):
                return True
    return False


def _line_marks(text: str, line_start: int, memo: dict) -> tuple:
    """The line's horizons (starts, ends) and headed years (starts, ends, and (year, close) of each),
    each found by one scan of the line, kept in ``memo``.

    A headed year's close is where the bracket it opens first closes (（2023年为385亿元）), or for one
    headed by 其中 where its sentence ends; any other, or one still open at the line's end, never closes (len(text)).
    """
    key = ("marks", line_start)
    if key not in memo:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        horizons = []
        if text.find("五", line_start, line_end) >= 0 or text.find("世纪中叶", line_start, line_end) >= 0:
            horizons = [m.span() for m in _HORIZON_RE.finditer(text, line_start, line_end)]
        found = list(_HEADED_YEAR_RE.finditer(text, line_start, line_end)) if text.find(
            "年", line_start, line_end) >= 0 else []
        closes = []
        if any(text[m.start() - 1] in "（(" for m in found):
            closes = sorted([*positions(text, "）", line_start, line_end), *positions(text, ")", line_start, line_end)])
        heads = []
        for m in found:
            if text[m.start() - 1] in "（(":
                k = bisect_left(closes, m.end())
                close = closes[k] if k < len(closes) else len(text)
            elif text.endswith("其中", 0, m.start()):
                close = _sentence_end(text, m.end(), line_end)  # its sentence's end (line_end: open on the line)
                close = len(text) if close == line_end else close
            else:
                close = len(text)
            heads.append((year_value(m.group(1)), close))
        memo[key] = ([a for a, _ in horizons], [b for _, b in horizons],
                     [m.start() for m in found], [m.end() for m in found], heads)
    return memo[key]


def _open_reports(heads: list, i0: int, i1: int, year: int, line_start: int, memo: dict) -> int:
    """The latest close among heads[i0:i1] headed by a year other than ``year`` (-1 if none): one of
    them is still open at pos if this is pos or after.

    Kept in ``memo`` as running maxima from i0 on, for the goal year (a year's mark, whose figures
    ask with growing i1), and extended only as far as asked.
    """
    key = ("reports", line_start, i0, year)
    latest = memo.setdefault(key, [])
    while len(latest) < i1 - i0:
        reported, close = heads[i0 + len(latest)]
        before = latest[-1] if latest else -1
        latest.append(max(before, close) if reported != year else before)
    return latest[i1 - i0 - 1]


def _headed_year_start(text: str, y: int) -> int:
    """Where a _HEADED_YEAR_RE match ending with the 年 at y would start: after the spaces, 截至 (截止,
    截止到) and spaces before its year (the match starts right after a mark, so only there)."""
    r = _back_over_spaces(text, _back_over_spaces(text, y) - 4)
    for word in ("截止到", "截至", "截止"):
        if text.endswith(word, 0, r):
            return _back_over_spaces(text, r - len(word))
    return r


def _closed(text: str, start: int, pos: int) -> bool:
    """Whether a bracket opened before start closes before pos."""
    return text.find("）", start, pos) >= 0 or text.find(")", start, pos) >= 0


def _report_closed(text: str, head_start: int, end: int, pos: int) -> bool:
    """Whether the report of a headed year (a _HEADED_YEAR_RE match from head_start to end) is over before
    pos: its bracket closes (（2023年为385亿元）), or, headed by 其中 inside a sentence, its sentence ends
    (…，其中2023年为1150亿元。新增…: the next sentence is the goal year's again)."""
    if text[head_start - 1] in "（(":
        return _closed(text, end, pos)
    return text.endswith("其中", 0, head_start) and _sentence_end(text, end, pos) < pos


def _sentence_end(text: str, start: int, end: int) -> int:
    """The first sentence end (。；;) in text[start:end], or end if there is none."""
    found = [i for i in (text.find(c, start, end) for c in "。；;") if i >= 0]
    return min(found) if found else end


def _last_year_on_line(text: str, line_start: int, pos: int, memo: dict) -> tuple[int | None, int]:
    """(last_year(text, line_start, pos), where its mark ends), from the line's years found once (kept in ``memo``).

    A long line (a text without line breaks) holds many figures, and a scan from the line's
    start for each would take time quadratic in its length. A match whose 年 is at least 4
    characters before pos reads nothing at or after pos (the longest tail is 年底以前), so
    it is also a match of the scan up to pos: only the 年 of the last 3 characters are
    scanned again, with the regex bounded at pos.
    """
    key = ("years", line_start)
    if key not in memo:
        line_end = text.find("\n", line_start)
        hits = list(_year_hits(text, line_start, len(text) if line_end < 0 else line_end))
        memo[key] = ([y for y, _ in hits], [(m.end(), year_value(m.group(1) or m.group(2))) for _, m in hits])
    ys, found = memo[key]
    k = bisect_right(ys, pos - 4)  # the matches read in full before pos
    after, year = found[k - 1] if k else (line_start, None)
    for _, m in _year_hits(text, max(line_start, pos - 3), pos, after):
        after, year = m.end(), year_value(m.group(1) or m.group(2))
    return year, after


_YEAR_FIRST = frozenset("12１２一二")  # a _YEAR_NUMBER starts 19, 20, １９, ２０, 一九, 二〇 …


def _year_matches(text: str, start: int, end: int):
    """The matches of _YEAR_RE.finditer(text, start, end), with the regex tried only around each 年.

    Every match holds one 年, right after a four-character year (spaces between), and
    starts at that year or at the 到/至/截至/截止/截止到/展望 (1–3 characters) before it; so
    for each 年 only those few starts are tried, left to right as finditer would.
    """
    for _, m in _year_hits(text, start, end):
        yield m


def _year_hits(text: str, start: int, end: int, after: int | None = None):
    """(offset of its 年, match) for each match of _year_matches(text, start, end); ``after``
    (start if None), where a match may start, resumes a scan after a match that ended there."""
    after = start if after is None else after  # no match starts before the end of the previous one
    y = text.find("年", start, end)
    while y >= 0:
        q = _back_over_spaces(text, y)  # the year is text[q - 4:q]
        if q - 4 >= after and text[q - 4] in _YEAR_FIRST:
            year_at = q - 4
            r = _back_over_spaces(text, year_at)  # a 到/至/截至… ends at r
            for p in (r - 3, r - 2, r - 1, year_at):
                m = _YEAR_RE.match(text, p, end) if p >= after else None
                if m:
                    yield y, m
                    after = m.end()
                    break
        y = text.find("年", y + 1, end)


_ASCII_OR_DIGIT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                            "0123456789０１２３４５６７８９.．_]/-")
_YEAR_NUMBER_RE = re.compile(r"(19|20)\d\d")
# a range's low end with its 万/亿 or unit, right before an ASCII hyphen (10万-, 20%-, 3家-, 10万元-):
# the figure after that hyphen is the range's high end, not a code's number (a bare 2016- may be one). A PDF's
# text may set a blank between the figure and its unit (3 家-5 家, 50 亿-80 亿元: the space Word and WPS put
# between Chinese and figures, which pypdf writes as a blank)
_RANGE_LOW_END_RE = re.compile(rf"[{_DIGITS}][ \u3000]*[万亿千]*[ \u3000]*(?:[万亿千]|{_MONEY}|{_UNITS})[ \u3000]*$")
_RANGE_LOW_END_REACH = 12
# _TARGET_RE's groups in their order, as m.groups() gives them (cheaper than m.group by name)
_TARGET_GROUPS = ("pq", "num", "num2", "approx0", "money", "mult", "approx", "ge", "geunit", "unit", "sq")
_NUM_GROUP, _NUM2_GROUP = 2, 3  # the numbers of the groups num and num2


def _bare_money_is_money(text: str, start: int, end: int, bare: str) -> bool:
    """Whether a 万/亿 (``bare``) written without 元 (_BARE_MONEY) is an amount of money: a word of money
    (收入, 规模, 奖励, 补助…) stands in its line before it or its clause after it (产业规模突破3000亿;
    给予最高100万奖励; 给予…资助；单个企业累计不超过300万), or a later item of its list has the 元
    (分别不超过1000万、2000万、3000万元), or it is followed by 人民币 (3000万人民币), or it is a 亿 that
    sizes firms (培育超百亿企业3家: no firm counts in 亿, while 服务超万企业 counts firms)."""
    if bare + "元" in _LIST_AFTER_RE.match(text, end).group() or text.startswith("人民币", end):
        return True
    if bare == "亿" and text.startswith(("企业", "的企业"), end):
        return True
    i = max(line_start_at(text, start), start - _SENTENCE_REACH)
    return bool(_nearest_of(text[i:start], _MONEY_WORDS) or _nearest_of(_clause_after(text, end), _MONEY_WORDS))


_LIST_AFTER_RE = re.compile(r"[^，。；;,\n]{0,60}")  # the rest of a clause, over the 、 of its list


def _candidate(text: str, m: re.Match, spans, lead_ins: dict | None = None) -> dict | None:
    """Turn one regex match into a target dict, or None when a rule rejects it."""
    (pq, num, num2, approx0, money, mult, approx, ge, geunit, unit_word, sq) = m.groups()
    num_start, num_end = m.span(_NUM_GROUP)
    # numbers inside dates and names go first (num2, when there is one, ends after num)
    if spans.overlaps(num_start, m.end(_NUM2_GROUP) if num2 else num_end):
        return None
    is_cn = num[0] not in _DIGIT_CHARS
    if num[0] in "0０" and num[1:2].isdigit():
        return None  # 000万元 is the tail of a number (1 000万元), never a figure of its own
    prev = text[num_start - 1] if num_start > 0 else ""
    if prev in _ASCII_OR_DIGIT and not pq and not (prev == "-" and _RANGE_LOW_END_RE.search(
            text, max(0, num_start - _RANGE_LOW_END_REACH), num_start - 1)):
        return None  # COVID-19, A-1000: a code's digits; but the high end of 10万-50万元, 20%-30%, 3家-5家 is a figure
    if is_cn and prev in _BAD_BEFORE_CN:
        return None
    # the character before the figure past the spaces a PDF's text sets around it (第 40 次, 前 3 家)
    q = _back_over_spaces(text, num_start) if prev in " \u3000" else num_start
    lead = text[q - 1] if q > 0 else ""
    if is_cn and q > 0 and 0 < num_start - q <= _GAP_REACH and lead in _CN_NUMERALS:
        return None  # 第十 四个五年规划: a numeral broken by a PDF's line-wrap space goes on, no count
    if lead == "第" or text.endswith(("附件", "附表"), max(0, q - 2), q):
        return None  # 第3名, 附件2所列: ordinals and references
    money = (money or "").strip(" \u3000")
    spoken = money.startswith("个")  # 1个亿: 1 亿元
    if spoken:
        money = money[1:].lstrip(" \u3000")
    if money[1:2] in ("余", "多"):  # 1万余元: 1 万元, more than
        approx0, money = approx0 or money[1], money[0] + money[2:]
    over = num == "亿" and not pq and prev == "过"  # 过亿元: over one 亿元 (过 is no _PREFIX_QUAL: 通过, 经过)
    if over:
        pq = "超过"
    if num in ("万", "亿"):  # 万余人, 万余元, 万亿元: one 万
        num, mult, money = "一", (None if money else num), (num + money if money else money)
    if money and not money.endswith(_MONEY_ENDS):
        if not spoken and not _bare_money_is_money(text, m.start(), m.end(), money):
            return None  # 常住人口1300万，: no money
        money += "元"  # 突破3000亿: 3000 亿元, as written in full
    unit = money or geunit or ge or unit_word
    if unit == "％":
        unit = "%"
    start = num_start - 1 if over else m.start()
    end = m.end()
    if pq == "突破" and text.endswith(_BREAKTHROUGH_HEADS, max(0, start - 2), start):
        pq, start = None, num_start  # 技术突破5—8项: the noun 突破 counted, no bound on the count
    # trim a trailing suffix qualifier "内" that begins a word (内容/内部/内控…)
    if sq == "内" and end < len(text) and text[end] in "容部控涵外地在":
        end = m.start("sq")
        while end > start and text[end - 1] in " \u3000":
            end -= 1
        sq = None
    approx = approx0 or approx
    qualified = bool(pq or sq or approx)
    # money like 千万元 / 百万元 → value × 1000 / 100, unit 万元
    value = float(num) if num.isascii() and num.isdigit() else _to_float(num)
    value_high = _to_float(num2) if num2 else None
    if not value:  # None, or 0: 5 0家 (an OCR gap) is no figure of nought
        return None
    scale = 1.0
    if money and money[0] in "千百" and money[1:2] == "万":
        scale = 1000.0 if money[0] == "千" else 100.0
        unit = money[1:]
    elif money and money[0] == "千":
        scale, unit = 1000.0, money[1:]
    # 1万人, 200万平方米: the 万 stays with the unit, as money's does (万元), and value_norm
    # carries the number in the unit's own terms (10000 人)
    mult_scale = _mult_scale(mult)
    value *= scale
    if value_high is not None:
        value_high *= scale
    # general exclusions
    if unit == "年" and _YEAR_NUMBER_RE.fullmatch(unicodedata.normalize("NFKC", num)):
        return None
    if is_cn and num in ("一",) and not mult and money[:1] not in ("万", "亿") \
            and (unit == "批" or text.endswith("其中", max(0, num_start - 2), num_start)
                                    or not (qualified or _ends_clause(text, end))):
        return None  # 一个平台, 突破一批关键技术, 只奖励其中一项: "a", "a number of", "one of them";
        # but 建设中试平台一个。 counts one, and 一万元, 一万名 are amounts
    if (unit in _RATE_BASE_UNITS and not money and not qualified and _PER_HEAD_RE.search(text, max(0, num_start - 5), num_start)
            and any(w in _sentence_after(text, end) for w in _SUPPORT_WORDS)):
        return None  # 每吸纳1人就业给予2000元, 每新增1家…的，奖励…: the base of a rate of support, no count sought
    if unit == "次" and text.endswith(_PAST_TIMES, max(0, q - 2), q):
        return None  # 先后3次获得: events already past, a condition on the applicant, no goal
    if unit == "期" and (not qualified or text.startswith("临床", end)):
        return None  # 3期临床试验, 二期工程, Ⅱ期以上临床: phases; 培训不少于20期 counts sessions, as 不少于20场 does
    if is_cn and unit == "次" and not qualified:
        return None  # 二次开发, 三次产业: ordinal words; 每年发布一次: a routine's frequency, no count of times
    if is_cn and len(num) == 1 and num in "百千" and not money and not qualified:
        return None  # 千人计划, 千家万户, 百家 (十家 and 十万平方米 are figures)
    if unit == "项" and text.endswith(_OWN_LIST_WORDS, max(0, start - 4), start):
        return None  # 重点实施以下六项任务: the text counting its own tasks
    if unit == "条" and any(w in text[end:end + 5] for w in _MEASURE_WORDS):
        return None  # 十条措施, 20条政策措施, 12条具体措施: a document's name or its own count
    if unit == "项" and not qualified and text.startswith(_PLAN_SET_WORDS, end):
        return None  # 新一轮六项行动计划, 五项实施计划: the name of a set of plans (a title's word), no count sought
    if unit in ("条", "项", "个") and _counts_itself(text, start, end, unit):
        return None  # 《若干措施》共10条, 本办法共五章三十二条, 分为三个部分: the text counting its own parts
    if (unit in _LIST_COUNT_UNITS and not qualified and not num2 and not _ends_clause(text, end)
            and _counts_its_list(text, num_start, value)):
        return None  # 电子信息、航空、汽车、新能源4个新兴产业: the length of the list just named
    if unit in ("年", "月") and lead == "前" and not pq and sq in ("内", "以内"):
        return None  # 申报前两年内发生…的, 申请之日前6个月内: a window looked back on, a condition, no limit
    if unit == "年" and (pq == "近" or lead == "满" or sq in ("以上", "以下")
                        or (text[end:end + 1] == "的" and pq not in _LIMIT_VERBS)):
        return None  # 近三年内未发生…, 落户3年内的企业, 注册满1年以上: conditions, not limits
    if unit == "月" and not pq and (lead == "满" or (sq in ("以上", "以下") and text[end:end + 1] == "的")):
        return None  # 缴纳社保满6个月以上, 停产3个月以上的企业: a condition on the applicant, as 满1年以上 is
    if unit in _TIME_UNITS and unit != "工作日" and not (sq or pq in _LIMIT_VERBS or pq in _AT_LEAST or pq in _EXTEND_VERBS):
        return None  # a limit is bounded (以内, 压缩至); 三年行动, 近3年, 8月 are periods or dates
    if unit in _TIME_UNITS and _comment_window(text, start, end):
        return None  # 自公告之日起7日内…提出意见建议: the time a notice gives the public to comment on a draft
    if lead == "前" and unit in ("名", "位", "家", "强", "个"):
        return None  # ranks: 排名前10名, 国内前三个通过评价的品种 (the first three to pass, no count sought)
    if num2 and unit == "年":
        return None
    if unit in ("年", "月") and pq not in _LIMIT_VERBS and text.startswith(("时间", "的时间", " 时间"), end):
        return None  # 用5年左右时间建成…: the span given to a goal, no limit (as 用3至5年时间, 三年行动)
    qualifier = ""
    if sq:
        qualifier = _QUAL_CANON.get(sq, sq)
    elif approx:
        qualifier = _QUAL_CANON[approx]
    elif pq:
        qualifier = _QUAL_CANON.get(pq, pq)
    elif unit == "%":
        qualifier = _bound_over_base(text, q)
    value_norm, unit_norm = _normalize_value(value * mult_scale, unit)
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "value": value,
        "value_high": value_high,
        "unit": (mult or "") + unit,
        "value_norm": _round10(value_norm),
        "unit_norm": unit_norm,
        "qualifier": qualifier,
        "year": _year_for(text, start, lead_ins),
        "kind": _kind(text, start, end, unit),
    }


# a bound before the base a share is taken of: 按不超过项目总投资的10%, 按不低于年度预算总额的10%
_BOUND_OVER_BASE_RE = re.compile(r"(不超过|不超|不高于|不低于|不少于|最高|最多)[^，。；;,、\n]{1,25}的[ \u3000]*$")
_BOUND_OVER_BASE_REACH = 32


def _bound_over_base(text: str, pos: int) -> str:
    """The canonical bound (不超过…) of a percentage at pos written before the noun phrase it is a share
    of (按不超过项目总投资的10%: no more than 10% of the total), as the golds read it; else ""."""
    if not text.endswith("的", 0, _back_over_spaces(text, pos)):
        return ""
    m = _BOUND_OVER_BASE_RE.search(text, max(0, pos - _BOUND_OVER_BASE_REACH), pos)
    return _QUAL_CANON.get(m.group(1), m.group(1)) if m else ""


# a document's own name or 本办法 and a verb counting its parts: 《若干措施》共10条, 本办法共五章三十二条,
# 《实施方案》从五个方面提出22条举措, 《方案》包括4个部分、15项重点任务
_SELF_COUNT_RE = re.compile(r"(?:》|本(?:措施|办法|方案|政策|意见|细则|规定|条例|计划|规划|文件))[ \u3000]*"
                            r"(?:共计|共分|共|合计|包括|包含|含|分为|分|设|明确|(?:从|围绕)[^，。；\n》]{0,12}?提出|提出)"
                            r"[^，。；\n》]{0,16}$")
_SELF_COUNT_REACH = 40
_OWN_PART_WORDS = ("部分", "方面", "章节", "板块")
# stages of a process or of staged support (分四个阶段予以支持, 分两个步骤实施): phases, as Ⅰ期、Ⅱ期 are
_PHASE_WORDS = ("阶段", "步骤")


def _counts_itself(text: str, start: int, end: int, unit: str) -> bool:
    """Whether a count of 条, 项 or 个 is the text describing itself: after its own name (or 本办法) and
    共/包括/分为/提出 in the clause (《若干措施》共10条), or of its parts (三个部分, 五个方面) or the
    stages of what it sets out (分四个阶段予以支持)."""
    if unit == "个" and text.startswith(_OWN_PART_WORDS + _PHASE_WORDS, end):
        return True
    return _SELF_COUNT_RE.search(text, max(0, start - _SELF_COUNT_REACH), start) is not None


_GAP_REACH = 4  # spaces a PDF's wrapped line leaves inside a word (第十 四个五年规划)
_LIST_COUNT_UNITS = frozenset("个条项大类种家")
_LIST_REACH = 200  # characters of a list read back from its count
_LIST_CLOSE = " \u3000”\"’」』"  # between a list's last item and its count: spaces, a closing quote
_LIST_OPEN = "（(“\"‘「『：:"  # a list opens after a bracket, a quote or a colon within its clause
_LIST_LAST_JOINS = ("和", "与", "以及")
_TO_CLAUSE_END_RE = re.compile("[^" + re.escape(_CLAUSE_END) + "]*")
_TO_LIST_OPEN_RE = re.compile("[^" + re.escape(_LIST_OPEN) + "]*")


_QUOTED_ITEM_REACH = 20  # characters of one quoted item (“健康服务业”)


def _quoted_items_before(text: str, pos: int) -> int:
    """How many quoted items, side by side or joined by 、, end at pos (after a 等 and spaces):
    “现代中药”“生物药”…“健康服务业”等六个领域 names six; 0 if no quoted item ends there. The 、 scan of
    _counts_its_list stops at the last item's opening quote, so such a list is counted here."""
    k = _back_over_spaces(text, pos)
    if k > 0 and text[k - 1] == "等":
        k -= 1
    n = 0
    while k > 0 and text[k - 1] == "”":
        o = text.rfind("“", max(0, k - 1 - _QUOTED_ITEM_REACH), k - 1)
        if o < 0 or text.find("”", o, k - 1) >= 0 or text.find("\n", o, k) >= 0:
            break
        n, k = n + 1, o
        if k > 0 and text[k - 1] == "、":
            k -= 1
    return n


def _counts_its_list(text: str, num_start: int, value: float) -> bool:
    """Whether a count right after a list of items joined by 、 is that list's length: 电子信息、航空、
    汽车及装备、新能源 4 个新兴产业, “获准临床、完成Ⅰ期、完成Ⅱ期、完成Ⅲ期”四个阶段, A、B和C三个环节.
    The text names what it counts; the number sets no goal (a count of 3 after two items is one).
    The caller keeps a count that ends its clause (新增国家级、省级小巨人企业2家。: a goal after its noun)."""
    if value >= 2 and _quoted_items_before(text, num_start) == value:
        return True
    j = num_start
    while j > 0 and text[j - 1] in _LIST_CLOSE:
        j -= 1
    if value < 2 or value != int(value) or j == 0 or text[j - 1] in _CLAUSE_END or text[j - 1] == "、":
        return False
    low = max(0, j - _LIST_REACH)
    if text.rfind("、", low, j) < 0:
        return False
    back = text[low:j][::-1]  # read backwards: one match each to the clause's start and the list's opening
    back = back[:_TO_CLAUSE_END_RE.match(back).end()]
    items = back[:_TO_LIST_OPEN_RE.match(back).end()]  # the list, last item first
    n = items.count("、")
    if n == 0:
        return False
    if n + 1 == value:
        return True
    last = items[:items.find("、")]
    return n + 2 == value and any(w[::-1] in last for w in _LIST_LAST_JOINS)


_RULE_CELL_RE = re.compile(r":?-+:?")  # a cell of a bar table's rule line (---, :--, --:)
_BARRED_ROW_RE = re.compile(r"[|｜][^\n|｜]*[|｜][^\n|｜]*[|｜]")  # three bars on a line: a row of cells


def _has_table_marks(text: str) -> bool:
    """Whether text holds a tab, a bar between cells (| 2023年 |) or a bracket before a colon (）：, ）:,
    ):), as indicator tables and 专栏 lines do: the `in` tests of these strings, but for ）： only each ：
    is looked at."""
    if "\t" in text or ("|" in text or "｜" in text) and _BARRED_ROW_RE.search(text):
        return True
    if any(text[i - 1] == "）" for i in positions(text, "：") if i):
        return True
    return ":" in text and ("）:" in text or "):" in text)


def extract_targets(text: str) -> list[dict]:
    """All quantitative targets in a document's normalized text, sorted by start offset.

    Each dict has text (== text[start:end]), start, end, value, value_high, unit,
    value_norm, unit_norm, qualifier, year and kind; a figure of an indicator table's
    earlier year (see _indicator_targets) also has status "baseline".
    """
    spans = _Spans(_masked_spans(text))
    lead_ins: dict = {}  # filled by _year_for when a list line needs it
    found: list[dict] = []
    for m in _target_matches(text):
        t = _candidate(text, m, spans, lead_ins)
        if t is not None:
            found.append(t)
    if _has_table_marks(text) or _has_spaced_table(text) or _has_single_spaced_head(text) or _stacked_year_lines(text):
        found += _indicator_targets(text, found)
    tenths = (_TENTHS_RE.match(text, i - 1) for i in positions(text, "成") if i and text[i - 1] in _TENTHS_DIGITS)
    for m in (*_matches_at(text, "百分之", _PCT_WORDS_RE), *filter(None, tenths)):
        value = _percent_in_words(m)
        if value is None or spans.overlaps(m.start(), m.end()):
            continue
        sq = m.group("sq") or ""
        found.append({
            "text": m.group(), "start": m.start(), "end": m.end(), "value": value,
            "value_high": None, "unit": "%", "value_norm": value / 100, "unit_norm": "share",
            "qualifier": _QUAL_CANON.get(sq, sq) or _bound_over_base(text, m.start()),
            "year": _year_for(text, m.start(), lead_ins), "kind": _kind(text, m.start(), m.end(), "%"),
        })
    found += _health_level_targets(text, spans, lead_ins)
    found.sort(key=lambda t: (t["start"], -t["end"]))
    out: list[dict] = []
    for t in found:
        if out and t["start"] < out[-1]["end"]:
            continue
        if (out and t["start"] - out[-1]["end"] <= 5 and _RANGE_BETWEEN_RE.fullmatch(text, out[-1]["end"], t["start"])
                and _same_unit(out[-1], t)):
            out[-1] = _range_of(text, out[-1], t)  # 10%—15%, 50万元至200万元: one target
            continue
        if t["start"] > 0 and text[t["start"] - 1] in _RANGE_SIGNS:
            t = _with_range_head(text, t)  # 50万—200万元
        if _changed_from(text, t["start"], t["end"]):
            continue  # 由60个工作日压缩至30个工作日: the old figure is no target
        out.append(t)
    out = _with_list_items(text, out, spans, lead_ins)
    _respective_years(text, out)  # (its scan for 分别 is the test: no second one before it)
    return out


# A health plan's goals in prose name two units a table row names in brackets (_TABLE_ONLY_UNITS):
# a life's length (人均预期寿命达到79岁, 继续提高1岁左右) and a rate per 100 000 (孕产妇死亡率下降到
# 10/10万以下). An age counts only after 寿命 and closing its clause: 5岁以下儿童, 65岁以上老年人 and
# 年龄不超过45周岁 bound a group, and 较目前的76.34岁继续增长 is the level it grows from.
_LIFESPAN_REACH = 40  # characters read after 寿命, within its sentence
_AGE_RE = re.compile(rf"(?:(?P<pq>{_PREFIX_QUAL}|提高|增加|延长){_SP})?(?P<num>{_AR}){_SP}岁"
                     rf"(?:{_SP}(?P<sq>以上|左右))?(?=[{re.escape(_CLAUSE_END)}、）)])")
# N/10万 (also /十万, /10万人): the number and its bound read back from the slash
_PER_100K = ("/10万", "／10万", "/十万", "/100000")
_PER_100K_HEAD_RE = re.compile(rf"(?:(?P<pq>{_PREFIX_QUAL}){_SP})?(?P<num>[0-9]+(?:\.[0-9]+)?){_SP}$")
_PER_100K_TAIL_RE = re.compile(rf"人?(?:{_SP}(?P<sq>以下|以内|左右))?")


def _health_level_targets(text: str, spans, lead_ins: dict) -> list[dict]:
    """Targets of 岁 after 寿命 and of N/10万 in running text (see _AGE_RE); tried only at those literals."""
    hits = []
    for i in positions(text, "寿命"):
        j = i + 2
        stop = min(len(text), j + _LIFESPAN_REACH)
        for e in "。；;\n率":  # (率: the next indicator's, 婴儿死亡率…)
            k = text.find(e, j, stop)
            if k >= 0:
                stop = k
        for m in _AGE_RE.finditer(text, j, stop + 1):  # (+1: the clause end after the last age)
            if m.end() <= stop and text[m.start("num") - 1] not in _DIGIT_CHARS:
                hits.append((m.start(), m.start("num"), m.end(), m.group("pq"), m.group("num"), m.group("sq"), "岁"))
    for mark in _PER_100K:
        for i in positions(text, mark):
            h = _PER_100K_HEAD_RE.search(text, max(0, i - 12), i)
            if h is None:
                continue
            t = _PER_100K_TAIL_RE.match(text, i + len(mark))
            hits.append((h.start(), h.start("num"), t.end(), h.group("pq"), h.group("num"), t.group("sq"), "/10万"))
    out = []
    for start, num_start, end, pq, num, sq, unit in hits:
        if spans.overlaps(num_start, end):
            continue
        if pq in ("提高", "增加", "延长"):
            pq = None  # 提高1岁: a change, in the text; no bound on it
        value = _to_float(num)
        if not value:
            continue
        out.append({
            "text": text[start:end], "start": start, "end": end, "value": value, "value_high": None,
            "unit": unit, "value_norm": value, "unit_norm": unit,
            "qualifier": _QUAL_CANON.get(sq, sq) if sq else (_QUAL_CANON.get(pq, pq) if pq else ""),
            "year": _year_for(text, start, lead_ins), "kind": _kind(text, start, end, unit),
        })
    return out


# the bare numbers of a list whose unit stands only after its last item (分别压缩至70、40、30个工作日,
# 分别给予10、20、50万元), read back from the last item: Arabic numbers joined by 、/和/及, and the
# bound (压缩至, 最高…) written before the first one
_LIST_JOIN = r"[ \u3000]*(?:、|和|及|以及)[ \u3000]*"
_BARE_ITEM = rf"[{_DIGITS}]+(?:[.．][{_DIGITS}]+)?"  # one item: 70, 2.5
_BARE_LIST_RE = re.compile(rf"(?:(?P<pq>{_PREFIX_QUAL}){_SP}{_FILLER}{_SP})?"
                           rf"(?P<items>(?:{_BARE_ITEM}{_LIST_JOIN})+)$")
_BARE_ITEM_RE = re.compile(_BARE_ITEM)
_LIST_LAST_CHARS = frozenset("、和及 \u3000")  # what stands right before a list's last item
_BARE_LIST_REACH = 60  # characters read back from a list's last item
# before a list's first item: no digit, code or ordinal (第1、2批, A1、2), nor a clause's or a line's
# start, where 2、 numbers an item (2、100万元以下的项目…) rather than opening a list
_NO_LIST_BEFORE = frozenset("0123456789０１２３４５６７８９.．-/第ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                            "\n。；;：:，,（(【[")


def _bare_list_items(text: str, t: dict, spans, lead_ins: dict) -> list[dict]:
    """The targets of the bare numbers listed before t, which carries the list's unit (分别压缩至
    70、40、30个工作日: 70 and 40 工作日 too), each with t's unit, kind and year. The bound written
    before the first item (压缩至: 以内) is the first item's, as 最高 of 最高500万元、1000万元 is the
    first figure's (whether it holds for the later items the golds leave open); the others take t's."""
    start = t["start"]
    if not text[start:start + 1].isdigit() or text[start - 1:start] not in _LIST_LAST_CHARS:
        return []  # (the cheap test first: the regex reads back only from a join)
    m = _BARE_LIST_RE.search(text, max(0, start - _BARE_LIST_REACH), start)
    if m is None:
        return []
    first = m.start("items")
    before = text[m.start() - 1] if m.start() > 0 else "\n"
    if before in _NO_LIST_BEFORE or spans.overlaps(first, start):
        return []
    pq = m.group("pq")
    scale = t["value_norm"] / t["value"] if t["value"] else 1.0
    items = []
    for item in _BARE_ITEM_RE.finditer(text, first, start):
        value = float(unicodedata.normalize("NFKC", item.group()))
        if not value:
            return []
        items.append({**t, "text": item.group(), "start": item.start(), "end": item.end(), "value": value,
                      "value_high": None, "value_norm": _round10(value * scale),
                      "qualifier": _QUAL_CANON.get(pq, pq) if pq and not items else t["qualifier"],
                      "year": _year_for(text, item.start(), lead_ins)})
    return items


def _with_list_items(text: str, out: list[dict], spans, lead_ins: dict) -> list[dict]:
    """out with the bare items of the lists that write their unit once (_bare_list_items), sorted by start."""
    added = []
    for t in out:
        added += _bare_list_items(text, t, spans, lead_ins)
    if not added:
        return out
    return sorted(out + added, key=lambda t: t["start"])


# goal years listed together (到2025年和2027年, 到2025年、2027年、2030年), each taken by one figure after 分别
_YEAR_LIST_RE = re.compile(rf"(?:到|至)[ \u3000]*{_YEAR_NUMBER}[ \u3000]*年"
                           rf"(?:[ \u3000]*(?:和|、|及|与|以及)[ \u3000]*{_YEAR_NUMBER}[ \u3000]*年)+")
_YEAR_IN_LIST_RE = re.compile(_YEAR_NUMBER)
_RESPECTIVE_REACH = 200  # characters of the sentence read from 分别 back for the years, forward for the figures


def _respective_years(text: str, out: list[dict]) -> None:
    """到2025年和2027年，分别达到500亿元和800亿元: the figures after each 分别, up to the sentence's end
    or the next 分别, take the listed years in order, when there are as many of them as years."""
    starts = None
    for p in positions(text, "分别"):
        starts = starts or [t["start"] for t in out]
        head = max(p - _RESPECTIVE_REACH, 1 + max(text.rfind(c, max(p - _RESPECTIVE_REACH, 0), p)
                                                  for c in _SENTENCE_END_IN_LINE + "\n"))
        last = None
        for last in _YEAR_LIST_RE.finditer(text, head, p):
            pass
        if last is None:
            continue
        years = [year_value(y) for y in _YEAR_IN_LIST_RE.findall(last.group())]
        reach = min(p + _RESPECTIVE_REACH, len(text))  # and as far forward
        end = min([e for e in (text.find(c, p, reach) for c in _SENTENCE_END_IN_LINE + "\n") if e >= 0]
                  + [reach] + [e for e in (text.find("分别", p + 2, reach),) if e >= 0])
        figures = out[bisect_left(starts, p):bisect_left(starts, end)]
        if len(figures) == len(years):
            for t, year in zip(figures, years):
                t["year"] = year


# ---------------------------------------------------------------- indicator tables
# A table of indicators, as docx_text/html_text write its rows (cells joined by tabs):
#   指标	2024年	2026年
#   生物医药产业规模（亿元）	1450	2000
# or a line of a 专栏: 生物医药产业营业收入（亿元）：2020年 800，2025年 2000.
# The unit stands in the row's label, the year in the column's head.
# (full-width years too: ２０２５年 heads a column as 2025年 does; \d takes either form of a digit)
_CENTURY = "(?:19|20|１９|２０)"
_YEAR_HEAD_RE = re.compile(rf"({_CENTURY}\d\d)\s*年")
_BASE_HEAD_RE = re.compile(r"基期|基数|基准|现状|基础值|实际值|完成值")
# a cell's figure, bare (1450) or with its bound (≥8.0, 不低于8, 8.0以上)
# (〔8〕 in brackets: a five-year plan's cumulative figure)
# (8-10, 8～10, 8—10: a range, its high end in hi)
# (1.2万, 1万-2万: a figure in 万 or 亿 of the row's unit, as 市场主体 | 家 | 1.2万 writes 1.2万家)
_CELL_NUMBER_RE = re.compile(r"[ \u3000]*(?P<pq>[≥≧＞>≤≦＜<]|不低于|不少于|不超过|超过|达到)?[ \u3000]*(?P<cum>[〔［\[])?"
                             r"(?!(?:19|20)\d\d[ \u3000]*[-—–~～－至][ \u3000]*(?:19|20)\d\d)"  # (2021—2025: a period)
                             r"(?P<n>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<mult>[万亿])?"
                             r"(?:[ \u3000]*[-—–~～－至][ \u3000]*(?P<hi>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<himult>[万亿])?)?"
                             r"(?(cum)[〕］\]])[ \u3000]*(?P<sq>以上|以下|左右)?[ \u3000]*")
_CELL_QUALIFIERS = {"≥": "不低于", "≧": "不低于", "＞": "超过", ">": "超过", "≤": "不超过", "≦": "不超过",
                    "＜": "以下", "<": "以下"}
_LABEL_UNIT_RE = re.compile(r"[（(]([^（）()\n]{1,6})[）)][ \u3000]*[：:]?[ \u3000]*$")
_YEAR_VALUE_LINE_RE = re.compile(r"[（(](?P<u>[^（）()\n]{1,6})[）)][ \u3000]*[：:][ \u3000]*"
                                 r"(?P<pairs>(?:(?:19|20)\d\d[ \u3000]*年[ \u3000]*[0-9.．]+[ \u3000]*[，,；;、]?[ \u3000]*){2,})$",
                                 re.M)
_YEAR_VALUE_RE = re.compile(r"((?:19|20)\d\d)[ \u3000]*年[ \u3000]*([0-9.．]+)")


# units a table's row names in brackets that running text does not count: an age (人均预期寿命（岁）; in
# prose 65岁以上 bounds a group, no goal) and a rate per 100 000 (孕产妇死亡率（/10万）, as ‰ is per 1000)
_TABLE_ONLY_UNITS = frozenset({"岁", "/10万", "1/10万", "/十万"})


_WIDE_UNIT_SIGNS = str.maketrans("０１２３４５６７８９／", "0123456789/")


def _table_unit(label: str) -> tuple[str, str] | None:
    """(万/亿 multiplier, unit) of a unit written in brackets (亿元, %, 家, 万人, 万平方米), or None. Full-width
    digits and slash read as ASCII (（/１０万）, a text typed in full-width digits), as its figures are."""
    u = label.strip().translate(_WIDE_UNIT_SIGNS)
    if u in ("%", "％"):
        return "", "%"
    if u in _TABLE_ONLY_UNITS:
        return "", u
    if u in _MONEY_TO_YI or u.endswith(_CURRENCIES):
        return "", u
    mult, unit = (u[0], u[1:]) if u[:1] in "万亿千" and len(u) > 1 else ("", u)
    return (mult, unit) if _UNIT_WORD_RE.fullmatch(unit) else None


_UNIT_WORD_RE = re.compile(f"(?:{_UNITS}|个)")


_GOAL_HEAD_RE = re.compile(r"目标|预期|规划值")
# a column of the period's growth (年均增长, 年均增速（%）) or its cumulative change (累计, 年均/累计)
_GROWTH_HEAD_RE = re.compile(r"年均|增速|增幅|增长|累计")
_RATE_HEAD_RE = re.compile(r"年均|增速|增幅|增长")  # a rate (%); 累计 alone: a sum in the row's unit
_YEAR_RANGE_RE = re.compile(rf"({_CENTURY}\d\d)[ \u3000]*年?[ \u3000]*[{_RANGE_SIGN}][ \u3000]*({_CENTURY}\d\d)[ \u3000]*年")
_DASH_CELL_RE = re.compile(r"[ \u3000]*(?:[—\-－–/／]+|无)?[ \u3000]*")
# in a .txt, cells apart by ideographic spaces (one is enough) or by two or more spaces
_SPACED_SEP_RE = re.compile(r"[ \u3000]*\u3000[ \u3000]*| {2,}")
_SENTENCE_MARK_RE = re.compile(r"[。；;，,]")
# a head cell naming a year, then the next cell, or after a cell (指标　单位　2025年目标值, the year's column
# last): the mark of a table set with spaces
_SPACED_HEAD_RE = re.compile(rf"(?:{_CENTURY}\d\d[ \u3000]*年|基期|目标)[^\n\t\u3000 ]{{0,8}}(?:\u3000| {{2}})[ \u3000]*\S"
                             rf"|\S(?:\u3000| {{2}})[ \u3000]*(?:{_CENTURY}\d\d[ \u3000]*年|基期|目标)[^\n\t\u3000 ]{{0,8}}$", re.M)


def _has_spaced_table(text: str) -> bool:
    """Whether text may hold a table set in a .txt with spaces (序号　指标名称　单位　2023年　2026年):
    _SPACED_HEAD_RE.search(text), tried only on the lines where a separator follows a character no
    space (a match lies in one line and its separator follows 年, 期, 标 or a cell's character); the
    regex starts with a choice, so a search of the whole text tried it at every character (45 of
    the stage's 366 million instructions on the benchmark, where 30 of 160 texts hold two spaces)."""
    for sep in ("\u3000", "  "):
        i = text.find(sep)
        while i >= 0:
            if i and text[i - 1] not in " \u3000\n\t":
                line_end = text.find("\n", i)
                line_end = len(text) if line_end < 0 else line_end
                if _SPACED_HEAD_RE.search(text, text.rfind("\n", 0, i) + 1, line_end):
                    return True
                i = text.find(sep, line_end)  # the rest of the line was searched
            else:
                i = text.find(sep, i + 1)
    return False


_SINGLE_CELL_MAX = 16  # characters of a cell of a table set with single spaces


def _single_spaced_cells(line: str, start: int) -> tuple[list[str], list[int]] | None:
    """A line's cells when a single ASCII space parts them (a table's text as a web page or a PDF
    gives it: 指标名称 单位 2023年 2028年): three or more short cells, no sentence's punctuation; else None."""
    lead = len(line) - len(line.lstrip(" "))
    body = line[lead:].rstrip(" ")
    if "\u3000" in body or "\t" in body or "  " in body or _SENTENCE_MARK_RE.search(body):
        return None
    cells = body.split(" ")
    if len(cells) < 3 or any(len(c) > _SINGLE_CELL_MAX for c in cells):
        return None
    offsets = list(accumulate((len(c) + 1 for c in cells[:-1]), initial=start + lead))
    return cells, offsets


def _single_spaced_head(cells: list[str]) -> bool:
    """Whether single-spaced cells are a table's head row: two or more cells after the first name a
    year or the base or goal (指标名称 单位 2023年 2028年; 指标名称 单位 基期值 目标值), and none is a figure."""
    return (sum(1 for c in cells[1:] if _YEAR_HEAD_RE.match(c) or _BASE_HEAD_RE.search(c) or _GOAL_HEAD_RE.search(c)) >= 2
            and not any(_CELL_NUMBER_RE.fullmatch(c) for c in cells))


_SPACE_YEAR_RE = re.compile(rf" (?:{_CENTURY}\d\d年|基期|现状|目标)")  # a head cell after a single space


def _has_single_spaced_head(text: str) -> bool:
    """Whether a line of text is a head row set with single spaces (see _single_spaced_head): only the
    lines where a space is followed by a year or a base or goal (… 2023年, … 基期值) are split, each once."""
    m = _SPACE_YEAR_RE.search(text)
    while m:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        row = _single_spaced_cells(text[line_start:line_end], line_start)
        if row and _single_spaced_head(row[0]):
            return True
        m = _SPACE_YEAR_RE.search(text, line_end)
    return False


def _barred_cells(line: str, start: int) -> tuple[list[str], list[int]] | None:
    """A line's cells when bars part them (| 营业收入 | 亿元 | 540 | 1000 |, as a page's table copied as
    text gives it; its rule line |---|---| is a row of dashes): the cells without their spaces or the
    empty ones outside the outer bars, three or more, no sentence's punctuation; else None."""
    bars = line.replace("｜", "|")
    if bars.count("|") < 2 or _SENTENCE_MARK_RE.search(line):
        return None
    cells, offsets, at = [], [], start
    for piece in bars.split("|"):
        body = piece.strip(" \u3000")
        cells.append(body)
        offsets.append(at + (piece.find(body) if body else 0))
        at += len(piece) + 1
    if bars.strip(" \u3000").startswith("|"):  # the empty cell before the first bar
        cells, offsets = cells[1:], offsets[1:]
    if bars.strip(" \u3000").endswith("|"):
        cells, offsets = cells[:-1], offsets[:-1]
    if len(cells) < 3:
        return None
    if all(_RULE_CELL_RE.fullmatch(c) for c in cells):  # |:--|--:|: a row of dashes, under the head
        cells = ["-"] * len(cells)
    return cells, offsets


def _row_cells(line: str, start: int) -> tuple[list[str], list[int]] | None:
    """A table row's cells and their offsets: apart by tabs, or by bars (see _barred_cells), or in a
    .txt by ideographic spaces or runs of spaces when there are three or more cells and no sentence's
    punctuation; else None."""
    if "|" in line or "｜" in line:
        row = _barred_cells(line, start)
        if row is not None:
            return row
    if "\t" in line:
        cells, offsets, at = line.split("\t"), [], start
        for c in cells:
            offsets.append(at)
            at += len(c) + 1
        return cells, offsets
    if "\u3000" not in line and "  " not in line:
        return None
    lead = len(line) - len(line.lstrip(" \u3000"))
    body = line[lead:].rstrip(" \u3000")
    if _SENTENCE_MARK_RE.search(body):
        return None
    cells, offsets, at = [], [], 0
    for m in _SPACED_SEP_RE.finditer(body):
        cells.append(body[at:m.start()])
        offsets.append(start + lead + at)
        at = m.end()
    if len(cells) < 2:
        return None
    cells.append(body[at:])
    offsets.append(start + lead + at)
    return cells, offsets


def _head_column(cell: str, title_years: tuple) -> tuple | None:
    """(year, unit, role) of a head cell, role being base, goal, growth, cumulative or None; None for a cell
    naming none of them (指标, 属性). A 基期值 or 目标值 without a year takes the table title's
    range (表1　主要指标（2020—2025年）: 2020, 2025)."""
    y = _YEAR_HEAD_RE.search(cell)
    u = _LABEL_UNIT_RE.search(cell)
    year, unit = int(y.group(1)) if y else None, _table_unit(u.group(1)) if u else None
    # a growth head may name the period (2021—2025年年均增长) but no single year (2025年目标值)
    growth = _GROWTH_HEAD_RE.search(cell) and (y is None or "年均" in cell or _YEAR_RANGE_RE.search(cell))
    role = ("base" if _BASE_HEAD_RE.search(cell) else "growth" if growth and _RATE_HEAD_RE.search(cell)
            else "cumulative" if growth else "goal" if _GOAL_HEAD_RE.search(cell) else None)
    if year is None and role in ("base", "goal") and title_years:
        year = title_years[0] if role == "base" else title_years[1]
    if year is None and unit is None and role is None:
        return None
    return year, unit, role


def _aligned(cells: list[str], header: dict, width: int, unit_col: int | None) -> int:
    """How many cells a row lacks on its left (a merged category cell written once above): the
    shift, up to the cells it lacks, that puts most of its figures under the head's columns and its
    unit under 单位; the least such (0: its last cells are empty)."""
    k = width - len(cells)
    if k <= 0:
        return 0

    def hits(s: int) -> int:
        unit = unit_col is not None and 0 <= unit_col - s < len(cells) and _table_unit(cells[unit_col - s]) is not None
        return unit + sum(1 for i in header if 0 <= i - s < len(cells) and _CELL_NUMBER_RE.fullmatch(cells[i - s]))
    return max(range(k + 1), key=lambda s: (hits(s), -s))  # (the least shift of the best)


# a line over a table giving the unit of all its figures (单位：亿元, （单位：万元）), or ending a table's title
# (表1　主要指标（单位：亿元）); tried on lines up to _UNIT_NOTE_MAX characters that hold 单位
_UNIT_NOTE_RE = re.compile(r"(?:^[ \u3000]*[（(]?|[（(])单位[：:][ \u3000]*([^（）()\s，。；：]{1,6})[ \u3000]*[）)]?[ \u3000]*$")
_UNIT_NOTE_MAX = 40


def _head_of(cells: list[str], title_years: tuple) -> tuple:
    """(header, base columns, unit column, width, label unit) of a head row's cells; see _head_column.
    The label unit is a unit the first cell gives every row (指标（亿元）	2020年	2025年), or None."""
    header = {i: col for i, c in enumerate(cells) if i and (col := _head_column(c, title_years))}
    base_cols = {i for i, (_, _, role) in header.items() if role == "base"}
    unit_col = next((i for i, c in enumerate(cells) if c.strip() in ("单位", "计量单位")), None)
    u = _LABEL_UNIT_RE.search(cells[0]) if cells and "年" not in cells[0] else None
    return header, base_cols, unit_col, len(cells), _table_unit(u.group(1)) if u else None


_HEAD_LINES = 40  # lines kept as a broken head's pieces
_WRAP_LINES = 2  # short lines a table's head is carried over between two rows (a label's cell wrapped)
_HEAD_PIECE_MAX = 16  # characters of a head cell's line
_BRACKET_PIECE_RE = re.compile(r"[（(][^（）()\n]{1,8}[）)]")


def _head_piece(line: str) -> bool:
    """Whether a line may be a piece of a head row broken into lines (指标, 2020年, （基期）): short,
    no sentence, no figure."""
    body = line.strip(" \u3000")
    return (0 < len(body) <= _HEAD_PIECE_MAX and not _SENTENCE_MARK_RE.search(body) and "：" not in body
            and not _CELL_NUMBER_RE.fullmatch(body))


def _joined_head(lines: list[str], width: int) -> list[str] | None:
    """A head row that a reader wrote over several lines (a line break in a cell, or one cell a line:
    指标⏎单位⏎2020年⏎（基期）⏎2025年): its cells, a bracket opening a line going on the cell above;
    the last ``width`` of them, or None if there are fewer or none names a year or a role."""
    cells: list[str] = []
    for line in lines:
        for k, part in enumerate(line.split("\t")):
            if k == 0 and cells and _BRACKET_PIECE_RE.match(part.strip(" \u3000")):
                cells[-1] += part.strip(" \u3000")
            else:
                cells.append(part)
    if len(cells) < width:
        return None
    cells = cells[len(cells) - width:]
    return cells if any(_head_column(c, ()) for c in cells[1:]) else None


_STACKED_CELL_MAX = 30  # characters of a cell of a table written one cell a line
_STACKED_WIDTH_MAX = 12  # cells of such a table's row
_STACKED_FIGURE_RE = re.compile(r"[ \u3000]*(?:[≥≧＞>≤≦＜<]|不低于|不少于|不超过|超过|达到)?[ \u3000]*[〔［\[]?[0-9０-９]")


def _stacked_cell(line: str) -> bool:
    """Whether a line may be one cell of a table written one cell a line: short, no sentence, no
    cells of its own (tabs, bars, spaces between cells), not empty."""
    body = line.strip(" \u3000")
    return (0 < len(body) <= _STACKED_CELL_MAX and not _SENTENCE_MARK_RE.search(body) and "：" not in body
            and "\t" not in body and _row_cells(body, 0) is None)


def _stacked_year_line(line: str) -> bool:
    """Whether a line is a year's head cell alone (2020年, 2025年（目标）), no date (2024年12月26日)."""
    return _head_piece(line) and "月" not in line and bool(_YEAR_HEAD_RE.match(line)) and _head_column(line, ()) is not None


def _stacked_year_lines(text: str) -> list[int]:
    """The starts of the lines that are a year's head cell alone (2020年, 2025年（目标）, ２０２５年), as a
    table written one cell a line has: only the lines opening with 20 or ２０ (literal searches) are tried."""
    out = []
    for lead in ("20", "２０"):
        i = 0 if text.startswith(lead) else text.find("\n" + lead)
        while i >= 0:
            start = i + 1 if text[i] == "\n" else i
            end = text.find("\n", start)
            line = text[start:len(text) if end < 0 else end]
            if _stacked_year_line(line):
                out.append(start)
            i = text.find("\n" + lead, start)
    return sorted(out)


def _stacked_rows(text: str) -> dict[int, tuple[list[str], list[int]]]:
    """The rows of tables written one cell a line (a PDF's or a page's table as plain text gives them:
    指标名称⏎单位⏎2020年⏎2025年⏎营业收入⏎亿元⏎520⏎1000), keyed by the start of each row's first line; the
    other lines of a row map to None. A run of short lines holding a year's head cell is split into
    its head and its body at the first figure or a few name cells before it, and cut into rows of a
    width: the split and width taken are those under whose head (see _joined_head, two or more years
    or roles) the most rows in a row fit (a figure or a dash under each year or role, a name beside),
    then the head naming the most, then the one reading the most lines (a name wrapped onto two lines
    is one cell), then the one joining the fewest, then the narrowest."""
    rows: dict[int, tuple[list[str], list[int]] | None] = {}
    done = -1
    for y in _stacked_year_lines(text):
        if y <= done:
            continue
        lines: list[tuple[int, str]] = []  # (start, line) of the run around the year's line
        start = y
        while start > 0:  # back over the head's cells
            prev = text.rfind("\n", 0, start - 1) + 1
            if not _stacked_cell(text[prev:start - 1]):
                break
            start = prev
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if not _stacked_cell(text[start:end]):
                break
            lines.append((start, text[start:end]))
            start = end + 1
        done = start
        first = next((k for k, (_, line) in enumerate(lines)
                      if _STACKED_FIGURE_RE.match(line) and not _YEAR_HEAD_RE.match(line.strip(" \u3000"))), None)
        if not first:
            continue
        best = (0, 0, 0, 0, 0)  # (rows, years and roles of the head, lines read, -names joined, -width)
        shape = None  # the rows of the best split and width
        for width in range(3, _STACKED_WIDTH_MAX + 1):
            for names in range(min(width, first + 1)):  # the first row's cells before its first figure
                head, body = [line for _, line in lines[:first - names]], lines[first - names:]
                joined = _joined_head(head, width) if len(body) >= width else None
                header = _head_of(joined, ())[0] if joined else {}
                roles = sum(1 for year, _, role in header.values() if year or role)
                if roles < 2:
                    continue
                found = _stacked_groups(width, header, body)
                joins = sum(len(j) for _, j in found)
                key = (len(found), roles, sum(len(g) for g, _ in found) + joins, -joins, -width)
                if key > best:
                    best, shape = key, found
        for group, joined_lines in shape or ():
            rows[group[0][0]] = ([line for _, line in group], [s for s, _ in group])
            rows.update((s, None) for s, _ in group[1:])
            rows.update((s, None) for s in joined_lines)
    return rows


def _stacked_fits(group: list[tuple[int, str]], header: dict) -> bool:
    """Whether a run of one-a-line cells fits a head as a row: a figure or a dash under each year or role, a
    figure under one at least, and a name beside."""
    cells = [line for _, line in group]
    return (all(_STACKED_FIGURE_RE.match(cells[i]) or _DASH_CELL_RE.fullmatch(cells[i]) for i in header)
            and any(_STACKED_FIGURE_RE.match(cells[i]) for i in header)
            and any(not _STACKED_FIGURE_RE.match(c) for i, c in enumerate(cells) if i not in header))


def _stacked_groups(width: int, header: dict, body: list) -> list[tuple[list, list]]:
    """The rows of ``width`` from the body's start that fit the header, each (its cells' (start, text),
    the starts of the lines joined into a cell): a name wrapped onto a second line (研发投入⏎强度), two
    lines without figures, reads as one cell."""
    out, k = [], 0
    while k + width <= len(body):
        if _stacked_fits(body[k:k + width], header):
            out.append((body[k:k + width], []))
            k += width
            continue
        for m in range(width if k + width < len(body) else 0):
            (a, x), (b, y) = body[k + m], body[k + m + 1]
            if m in header or _STACKED_FIGURE_RE.match(x) or _STACKED_FIGURE_RE.match(y) or _table_unit(y):
                continue  # (a unit, 亿元 or %, is its own cell, never a name's second line)
            group = body[k:k + m] + [(a, x + y)] + body[k + m + 2:k + width + 1]
            if _stacked_fits(group, header):
                out.append((group, [b]))
                k += width + 1
                break
        else:
            break
    return out


def _indicator_targets(text: str, found: list[dict]) -> list[dict]:
    """Figures of indicator tables and 专栏 lines, dated by their column; see the comment above.

    A column whose head names the base (2024年（基期）, 现状值) holds baselines (status
    "baseline"); in a table naming none, the earliest of two or more years does (also
    "base_by_order": pipeline.target_rows keeps it a goal if the document was issued before that
    year). A figure that carries its own unit (20个) is found by the usual rules: it only takes its
    column's year. A growth column (年均增长) holds rates (%, kind other) of the latest year; its
    〔80〕, and a column headed 累计 alone, the period's cumulative figure in the row's unit.
    """
    out: list[dict] = []
    found = sorted(found, key=lambda t: t["start"])
    starts = [t["start"] for t in found]

    def figures_in(start: int, end: int) -> list[dict]:
        """The targets of ``found`` that start in text[start:end] (a figure with its own unit: 累计达到25个)."""
        return found[bisect_left(starts, start):bisect_left(starts, end)]

    header: dict[int, tuple] = {}  # column → (year, unit, role), for the rows below a head row
    base_cols: set[int] = set()  # columns whose head names the baseline (2024年（基期）)
    unit_col = None  # the column headed 单位, if any
    width = 0  # the head row's number of cells
    head_unit = None  # a unit the head's first cell gives every row (指标（亿元）)
    note_unit = None  # a unit a line above the table gives every row (单位：亿元)
    title_years: tuple = ()  # the range of the line above the table (表1　主要指标（2020—2025年）)
    pos = 0
    single = False  # whether the rows are set with single spaces (指标名称 单位 2023年 2028年)
    head_lines: list[str] = []  # the short lines since the last figure: a head row a reader broke at a cell's break
    carried = 0  # short lines without figures since the last row, over which the head is carried (a label's wrap)
    stacked = _stacked_rows(text)  # rows written one cell a line
    lines = text.split("\n")
    for k, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        if start in stacked:
            row = stacked[start]
            if row is None:
                continue  # a later cell of a row written one cell a line
            single = False
        else:
            row = _row_cells(line, start)
            if row is None and " " in line:
                # a table set with single spaces: its head row, then rows of the head's width under it
                row = _single_spaced_cells(line, start)
                if row and not (_single_spaced_head(row[0]) or (single and header and width - 1 <= len(row[0]) <= width)):
                    row = None
                single = row is not None
            elif row is not None:
                single = False
        if row is None:
            if header and carried < _WRAP_LINES and _head_piece(line):
                carried += 1  # 研发投入⏎占营业收入比重: a label's cell wrapped onto a line of its own; the table goes on
            else:
                header, carried = {}, 0
            note = _UNIT_NOTE_RE.search(line) if "单位" in line and len(line) <= _UNIT_NOTE_MAX else None
            if note and not note.start():  # 单位：亿元 over a table: its rows' unit; the title's range and a broken head's lines go on
                note_unit = _table_unit(note.group(1))
                continue
            if not _head_piece(line):
                head_lines = []
                note_unit = _table_unit(note.group(1)) if note else None  # a title's （单位：亿元）
                r = _YEAR_RANGE_RE.search(line) if "年" in line else None
                title_years = (int(r.group(1)), int(r.group(2))) if r else ()
            else:  # a short title line (主要指标（2023—2027年）) still gives its range
                r = _YEAR_RANGE_RE.search(line) if "年" in line else None
                title_years = (int(r.group(1)), int(r.group(2))) if r else title_years
                if len(head_lines) < _HEAD_LINES:
                    head_lines.append(line)
            continue
        cells, offsets = row
        if carried and len(cells) != width and not (single and len(cells) == width - 1):  # a merged category cell
            header = {}  # a short line, then a row of another width: no wrap, the table ended
        carried = 0
        if not any(_CELL_NUMBER_RE.fullmatch(c) for c in cells):
            # a head row: columns naming a year (2026年, 2025年目标), a unit (年度投资（亿元）) or a role (基期值)
            head = _head_of(cells, title_years)
            if header and not head[0] and any(c.strip() and _DASH_CELL_RE.fullmatch(c) for c in cells):
                continue  # a row without figures (上市企业	家	—	—) keeps the head above
            if not any(figures_in(offsets[i], offsets[i] + len(cells[i])) for i in range(1, len(cells))):
                header, base_cols, unit_col, width, head_unit = head  # 序号	任务	时限: none
                head_unit = head_unit or note_unit
                if len(head_lines) < _HEAD_LINES:
                    head_lines.append(line)
                continue
        if head_lines and (not header or width != len(cells)):
            # 2020年⏎（基期）: the head's lines joined, its last cells as many as this first row's
            joined = _joined_head(head_lines, len(cells))
            if joined and joined[0]:
                header, base_cols, unit_col, width, head_unit = _head_of(joined, title_years)
                head_unit = head_unit or note_unit
        head_lines = []
        if not header:
            continue
        shift = _aligned(cells, header, width, unit_col)
        if unit_col is not None and 0 <= unit_col - shift < len(cells):  # 指标	单位	2023年	2027年
            row_unit = _table_unit(cells[unit_col - shift])
        else:  # the label: the first cell that is no number (a 序号 column may stand before it)
            # (a category column may stand before it: 产业规模	营业收入（亿元）	2100	3000 takes the one with a unit)
            labels = [c for c in cells if not _CELL_NUMBER_RE.fullmatch(c)]
            label = next((c for c in labels if _LABEL_UNIT_RE.search(c)), labels[0] if labels else "")
            label_unit = _LABEL_UNIT_RE.search(label) or (single and _wrapped_label_unit(label, lines[k + 1:k + 1 + _WRAP_LINES]))
            row_unit = _table_unit(label_unit.group(1)) if label_unit else head_unit
        years = sorted({y for y, _, role in header.values() if y and role != "growth"})
        latest = years[-1] if years else None
        # a table of years down its first column (年份 | 营业收入（亿元） | 规上企业（家）, a row 2025年 | 900 | 130):
        # the row's figures are of its year when the head names none
        row_year = _YEAR_HEAD_RE.fullmatch(cells[0].strip(" \u3000")) if not years and cells else None
        for i, (year, col_unit, role) in header.items():
            j = i - shift
            if not 0 <= j < len(cells):
                continue
            growth = role == "growth"
            period = growth or role == "cumulative"  # (“十四五”累计: the period's sum, 300 亿元)
            if period:
                year = year or latest
            elif year is None and row_year:
                year = int(row_year.group(1))
            m = _CELL_NUMBER_RE.fullmatch(cells[j])
            if m is None:
                for t in figures_in(offsets[j], offsets[j] + len(cells[j])):  # its own unit; the column's year
                    if t["year"] is None:
                        t["year"] = year
                    if growth and t["unit"] == "%":
                        t["kind"] = "other"
                continue
            if growth:  # a rate, in % unless the head says otherwise; 〔80〕 the cumulative figure in the row's
                unit = row_unit if m.group("cum") else (col_unit or ("", "%"))
            elif role == "cumulative":
                unit = col_unit or row_unit
            else:
                unit = col_unit or row_unit
            mult = m.group("mult") or m.group("himult")
            if mult and unit and not unit[0]:
                unit = (mult, unit[1])  # 1.2万 (1-2万) under 家: 1.2 万家, as running text writes it
            number_start = offsets[j] + m.start("n")
            if unit and not figures_in(number_start, number_start + 1):  # none found there already
                bound = m.group("pq") or m.group("sq") or ("累计" if m.group("cum") or role == "cumulative" else "")
                # a column headed 基期/现状 is the baseline; without one, the earliest of two or more years
                by_order = not base_cols and len(years) > 1 and year == years[0] and not period
                baseline = i in base_cols or by_order
                span = m.span("n") if not m.group("cum") else (m.start("cum"), m.end("n") + 1)  # 〔8〕 whole
                t = _table_target(text, offsets[j] + span[0], offsets[j] + span[1], unit, year, baseline)
                t["qualifier"] = _CELL_QUALIFIERS.get(bound) or _QUAL_CANON.get(bound, bound)
                if m.group("hi"):  # 8-10: the low end's value, the high end's as value_high, as in running text
                    t.update(text=text[t["start"]:offsets[j] + m.end("hi")], end=offsets[j] + m.end("hi"),
                             value_high=_to_float(m.group("hi")), qualifier=t["qualifier"] or "区间")
                if growth and not m.group("cum"):
                    t["kind"] = "other"
                if by_order:
                    t["base_by_order"] = True
                out.append(t)
    for m in _YEAR_VALUE_LINE_RE.finditer(text):
        unit = _table_unit(m.group("u"))
        if unit is None:
            continue
        pairs = list(_YEAR_VALUE_RE.finditer(text, m.start("pairs"), m.end("pairs")))
        latest = max(int(p.group(1)) for p in pairs)
        out += [_table_target(text, p.start(2), p.end(2), unit, int(p.group(1)), int(p.group(1)) < latest)
                for p in pairs]
    return out


def _wrapped_label_unit(label: str, after: list[str]) -> re.Match | None:
    """The unit of a single-spaced row's label whose cell a PDF's text wrapped onto the lines below the row
    (人均预期寿命 77.93 提高1岁 预期性⏎（岁）; 5岁以下儿童死 7.5 ≤6.6 预期性⏎亡率（‰）), as pdfplumber, pdfminer and
    pdftotext give a table: the label joined with the short lines below it (no space, no figure) up to the one
    that ends in a bracketed unit; None when none does."""
    for line in after:
        if " " in line.strip() or not _head_piece(line):
            return None
        label += line.strip()
        m = _LABEL_UNIT_RE.search(label)
        if m:
            return m
    return None


def _table_target(text: str, start: int, end: int, unit: tuple[str, str], year: int | None,
                  baseline: bool) -> dict:
    """A target dict for a bare figure of an indicator table, its unit and year from the table."""
    mult, unit_word = unit
    value = _to_float(text[start:end].strip("〔〕［］[]"))
    value_norm, unit_norm = _normalize_value(value * _mult_scale(mult), unit_word)
    t = {"text": text[start:end], "start": start, "end": end, "value": value, "value_high": None,
         "unit": mult + unit_word, "value_norm": round(value_norm, 10), "unit_norm": unit_norm, "qualifier": "",
         "year": year, "kind": _kind(text, start, end, unit_word)}
    if baseline:
        t["status"] = "baseline"
    return t


def _changed_from(text: str, start: int, end: int) -> bool:
    """Whether the figure text[start:end] is the old one of a change: 由（法定的）60个工作日压缩至…, 从60…降到…."""
    lead = max(0, start - _FROM_REACH)
    if text.rfind("由", lead, start) < 0 and text.rfind("从", lead, start) < 0:
        return False
    return _FROM_BEFORE_RE.search(text, lead, start) is not None and _CHANGE_TO_RE.match(text, end) is not None


_FROM_REACH = 9  # 由 and up to eight characters of the clause before the figure
_FROM_BEFORE_RE = re.compile(r"[由从][^，,。；;：:、\n由从]{0,8}$")
_CHANGE_TO_RE = re.compile(r"[ \u3000]*(?:压缩|压减|缩减|缩短|降低|下降|降|减少|减|提高|提升|增长|增加|扩大|延长|调整)(?:至|到|为)")


_RANGE_BETWEEN_RE = re.compile(rf"[ \u3000]*[{_RANGE_SIGN}][ \u3000]*")
# the low end of a range written with its own 万/亿 (50万—200万元), right before the high end
_RANGE_HEAD_RE = re.compile(rf"([0-9０-９]+(?:[.．][0-9０-９]+)?)[ \u3000]*(万亿|千万|[万亿千])[ \u3000]*[{_RANGE_SIGN}][ \u3000]*$")
# a low end's multiplier as money: its unit and what it multiplies the number by (5千万 is 5000 万元)
_RANGE_HEAD_MONEY = {"千": ("元", 1000.0), "千万": ("万元", 1000.0), "万": ("万元", 1.0), "亿": ("亿元", 1.0),
                     "万亿": ("万亿元", 1.0)}


def _same_unit(a: dict, b: dict) -> bool:
    """Whether two figures can be the ends of one range: the same unit, or two sums of money (5000万元至1亿元)."""
    if a["value_high"] is not None or b["value_high"] is not None:
        return False
    return a["unit"] == b["unit"] or (a["unit"] in _MONEY_TO_YI and b["unit"] in _MONEY_TO_YI)


def _range_of(text: str, low: dict, high: dict) -> dict:
    """One target for a range written as two (10%—15%): the low end's value, the high end's as value_high."""
    value_high = high["value"]
    if high["unit"] != low["unit"]:  # 5000万元至1亿元: the high end in the low end's unit (10000 万元)
        value_high = round(high["value_norm"] / _MONEY_TO_YI[low["unit"]], 10)
    return {**low, "text": text[low["start"]:high["end"]], "end": high["end"], "value_high": value_high,
            "qualifier": low["qualifier"] or high["qualifier"]}


def _with_range_head(text: str, t: dict) -> dict:
    """t extended over a low end with its own 万/亿 before it (50万—200万元), if there is one.

    The low end may be of a smaller unit (5000万—1亿元): the range is then in the low end's
    unit (5000 to 10000 万元), as _range_of gives 5000万元至1亿元; a low end in 千 is in 元 (5千—1万元:
    5000 to 10000 元), as 5千元 is, and one in 千万 in 万元 (5千万—1亿元: 5000 to 10000 万元). A low end
    of another unit takes the high end's when that starts with the same 万/亿 (1.5万-2万平方米).
    """
    m = _RANGE_HEAD_RE.search(text, max(t["start"] - 16, 0), t["start"])
    if m is None or t["value_high"] is not None:
        return t
    mult, low = m.group(2), _to_float(m.group(1))
    if t["unit"] in _MONEY_TO_YI:
        low_unit, scale = _RANGE_HEAD_MONEY[mult]
        # the low end's 万/亿 must be a money unit no larger than the high end's (not 1亿—5000万元)
        if _MONEY_TO_YI[low_unit] > _MONEY_TO_YI[t["unit"]]:
            return t
        low *= scale
        value_norm, _ = _normalize_value(low, low_unit)
        value_high = t["value"] if low_unit == t["unit"] else round(t["value_norm"] / _MONEY_TO_YI[low_unit], 10)
    elif mult in ("万", "亿") and t["unit"].startswith(mult) and t["unit"].endswith(_CURRENCIES):
        low_unit, value_high = t["unit"], t["value"]  # 50万—200万港元: 50 to 200 万港元, normalized as 200万港元 is
        value_norm, _ = _normalize_value(low, low_unit)
    elif mult in ("万", "亿") and len(t["unit"]) > 1 and t["unit"].startswith(mult):
        low_unit, value_high = t["unit"], t["value"]  # 1.5万-2万平方米: 1.5 to 2 万平方米
        value_norm, _ = _normalize_value(low * _mult_scale(mult), low_unit[1:])
    else:
        return t
    return {**t, "text": text[m.start():t["end"]], "start": m.start(), "value": low, "value_high": value_high,
            "unit": low_unit, "value_norm": round(value_norm, 10)}


def as_of_past(text: str, pos: int, year: int, reference: int | None) -> bool:
    """Whether the year mark giving the figure at pos its ``year`` is an 截至/截止 date before ``reference``
    (the year the document was issued, else its plan's start): 截至2015年底，…；共有20个品种… in a 2016 plan
    reports the state on that date, as no goal's horizon is past. A 到2015年 is left alone (a text may
    quote an older plan's goals). Only figures whose year is before ``reference`` get here, so the
    regex runs on few lines."""
    if reference is None or year >= reference:
        return False
    m = _last_year_match(text, line_start_at(text, pos), pos)
    return m is not None and m.group(0).startswith("截") and year_value(m.group(1) or m.group(2)) == year


# A clause headed by a year (2024年，全区… / ，2024年全省实现… / 截至2023年底，全市已有…):
# what follows it in its sentence happened in that year; 到2025年 and 2025年底前 set goals
_CLAUSE_YEAR_RE = re.compile(r"(?:(?<=[，,。；;！？\n（(])|(?<=其中))[ \u3000]*(?:截至|截止到?)?[ \u3000]*(" + _YEAR_NUMBER + r")[ \u3000]*年"
                             r"(?!度|底前|末前|前|以前|以来|起)")
_SENTENCE_START = "。；;！？\n"


def reported_before(text: str, pos: int, issued: int) -> bool:
    """Whether the figure at pos follows, in its sentence, a clause headed by a year before ``issued``.

    Such a figure is reported, not set: 2024年，全区生物医药产业实现营业收入186亿元 in a plan
    issued in 2025 states the current state; 2025年，… in a plan of 2024 sets a goal, as
    到2025年 does. A bracket headed by a year (（2023年为385亿元）) counts for the figures inside it.
    """
    reach = max(0, pos - 300)  # a sentence longer than this is read as no dated one
    start = max(text.rfind(c, reach, pos) for c in _SENTENCE_START)
    if start < 0:
        return False
    last = None
    j = text.find("年", start + 1, pos)
    while j >= 0:  # _CLAUSE_YEAR_RE.finditer(text, start + 1, pos), tried only before each 年
        q = _year_block_before(text, j)
        if q > start:
            q = _back_over_spaces(text, q)
            if text.endswith(("截至", "截止"), start + 1, q) or text.endswith("截止到", start + 1, q):
                q = _back_over_spaces(text, q - (3 if text[q - 1] == "到" else 2))
            m = _CLAUSE_YEAR_RE.match(text, q, pos) if q > start else None
            # a bracket headed by a year reports only what stands inside it: （2023年为385亿元）
            if m and not (text[m.start() - 1] in "（(" and _closed(text, m.end(), pos)):
                last = m
        j = text.find("年", j + 1, pos)
    # a goal year after it (…420亿元，到2027年，达到150家) sets the figures after that
    return (last is not None and year_value(last.group(1)) < issued
            and next(_year_matches(text, last.end(), pos), None) is None)


# Headings of sections that report the current state (发展现状, 发展基础, 工作成效, and as other
# places head them: 发展背景, 基本情况, “十三五”时期发展成就, 取得的成效): the numbers under them
# are baselines, not goals. The whole heading must match, so a task such as 夯实产业基础 is not
# taken for one.
STATUS_HEADING = re.compile(r"(?:.*现状.*|(?:[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)?)?(?:主要|取得的|已取得的)?"
                            r"(?:发展|产业|工作|现有|规划)?(?:基础|成效|成就|回顾|背景|基本情况)(?:和问题|与问题|及问题)?)")


def baseline_provisions(provisions: list[dict]) -> set[str]:
    """provision_ids under a current-state heading (see STATUS_HEADING): the heading or any ancestor."""
    under_status = status_test(provisions)
    return {p["provision_id"] for p in provisions if under_status(p["provision_id"])}


def status_test(provisions: list[dict]):
    """A function telling whether a provision_id is under a current-state heading, asked one id at a time.

    Cheaper than baseline_provisions when only a few ids matter (those holding targets).
    """
    by_id = {p["provision_id"]: p for p in provisions}
    memo: dict[str, bool] = {}

    def under_status(pid: str) -> bool:
        if pid in memo:
            return memo[pid]
        node = by_id.get(pid)
        if node is None:
            return False
        memo[pid] = False  # while answering: a cycle in malformed input ends here
        title = str(node.get("title") or "").strip(" 。.：:") or "-"
        memo[pid] = bool(STATUS_HEADING.fullmatch(title)) or under_status(node.get("parent_id") or "")
        return memo[pid]

    return under_status
