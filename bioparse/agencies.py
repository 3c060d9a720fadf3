"""Find the agencies named as responsible for a provision, and map old names to today's.

Recognised clause forms (full-width （）, half-width () or mixed; or with no parentheses at
the end of a paragraph):
  （责任单位：A、B）  （责任部门：A、B）  （牵头单位：A；配合单位：B、C）  （责任主体：A；支持单位：B）
  （A、B按职责分工负责）  （A牵头，B、C配合）  （A、B负责）  （A、B） (bare list, paragraph end)
  （A负责，B配合）  （A会同B负责）  （A、B按职能分工落实）  （由A负责）  【责任单位：A】  〔牵头单位：A〕
  〔A、B〕 (a list in square brackets, paragraph end)
  责任单位：A牵头，B、C配合，D参与 (a role word in a labelled list cuts it)
  责任单位： ending its line, with A、B on the next
  由A负责，B配合。 / …基金，由A负责，B参与。 (a sentence closing its paragraph) · 由A牵头，B、C按职责配合。
  （A牵头，B、C配合，D按职责分工负责） (each part with its role word)
  由A负责，B给予(资金)支持/保障。 · A为牵头单位，B为配合单位。 · 牵头单位为A，配合单位为B。 (bodies of government only)
  （责任单位 A、B） · 责任单位\tA、B on a line of its own (a label whose colon is a blank: a PDF's or a table row's)
  责任单位：A、B分别牵头 · 责任单位：A、B（除标注“分别牵头”外，列第一位为牵头单位，下同） · （责任单位：各区人民政府〈含开发区管委会，下同〉）
  （A、B按职责分工负责，各地级以上市人民政府结合实际落实） · （A牵头，B按职责分工负责，C配合落实）
  负责单位：⏎A、B牵头（按照部门职责分别牵头，下同），C参与 (a national 分工方案) · …所需资金由…承担，A、B按职责分工负责。
  各市、州、直管市、林区人民政府 and 各市、县〔市、区〕政府 are one body each
  一是…，由A负责；二是…，由B、C负责；三是…，D牵头，E配合。 (each point of a run closed by its own clause)
  （1）…，A负责；（2）…，B负责。 (points numbered in brackets, set inline, read as such a run)
  …。——A、B / ——A牵头，B配合 / ——责任单位：A (bodies after a dash closing a measure or on a line of its own)
  A负责牵头，B、C按职责配合。 · A、B按各自职责负责实施。
  （责任部门和单位：A、B等） (上海's label) · （责任单位：A，“三区”管委会） (a body named after a quoted group of places)
Offsets are code-point offsets into the text passed in.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from bioparse.hanzi import simplified_view
from bioparse.scan import has_whitespace, line_start_at, positions

# Today's names of the agencies found here: the crosswalk, the document's place and the
# carried level prefixes live in agency_names (re-exported, as they were defined here).
from .agency_names import (PROVINCES, CrosswalkError, canonical_agency, carried_prefix,  # noqa: F401
                           context_prefix_for, document_place, load_crosswalk)

# marker word -> role of the names after it
MARKERS = {
    "责任单位": "responsible", "责任部门": "responsible", "责任主体": "responsible",
    "主责单位": "responsible", "主责部门": "responsible", "实施单位": "responsible",
    "实施主体": "responsible", "实施部门": "responsible",
    "牵头单位": "lead", "牵头部门": "lead",
    "配合单位": "support", "配合部门": "support", "参与单位": "support", "协同单位": "support",
    "支持单位": "support", "支持部门": "support",  # （责任主体：A；支持单位：B）: B backs A's measure
    # provincial departments name their own divisions (处室) and some plans say 主办/协办
    "责任处室": "responsible", "责任科室": "responsible", "责任机构": "responsible", "承办单位": "responsible",
    "牵头处室": "lead", "牵头机构": "lead", "主办单位": "lead",
    "配合处室": "support", "配合机构": "support", "协办单位": "support", "协作单位": "support",
    "参与部门": "support", "协同部门": "support",
    # 主要责任单位：A；配合单位：B (a plan naming its main bodies first)
    "主要责任单位": "responsible", "主要责任部门": "responsible", "主要牵头单位": "lead", "主要牵头部门": "lead",
    "主办部门": "lead", "协办部门": "support", "指导部门": "support", "指导单位": "support",
    # a 若干政策 written for 政策兑现 names who accepts and who pays out each article's support
    "兑现部门": "responsible", "兑现单位": "responsible", "受理部门": "responsible", "受理单位": "responsible",
    # and a 实施细则 fields each measure's 主管部门 (3.主管部门及责任处室：市经信局医药健康产业处，联系电话…, 成都's form)
    "主管部门": "responsible", "主管部门及责任处室": "responsible",
    # a national 分工方案 heads each task's bodies 负责单位： (A、B牵头，C、D参与 on the next line)
    "负责单位": "responsible", "负责部门": "responsible",
    # 上海's plans head a clause with both kinds of body: （责任部门和单位：市科委、市发展改革委、上海科创办等）
    "责任部门和单位": "responsible",
}
# a level before a marker word: 市级责任单位：A；区级责任单位：B (a plan naming each level's bodies)
_MARKER_LEVEL = r"(?:[省市区县]级)?"
_MARKER_LEVELS = ("省级", "市级", "区级", "县级")
_MARKER_RE = re.compile(r"\s*" + _MARKER_LEVEL + r"(" + "|".join(MARKERS) + r")\s*[:：]\s*")
_LABEL_ENDINGS = frozenset(("单位", "部门", "处室", "科室", "机构", "主体"))  # every marker word ends in one
# 按职责分工负责, 依职责分工负责, 按照各自职责分工负责, 按职能职责分工抓好落实, 按分工负责, 分别负责, 按照职责分工负责落实 …
# · 按各自职责负责实施, 按职责分工负责组织实施 (a measure closed by who carries it out)
_DUTY = (r"(?:(?:按照?|依照?|根据)(?:各自)?(?:(?:职[责能]){1,2}(?:分工)?|分工)|分工|分别|各自)"
         r"(?:负责(?:组织)?(?:落实|实施)|负责|抓好落实|推进落实|落实)")
_DUTY_MAX = 16  # characters in the longest _DUTY (按照各自职能职责分工负责组织实施)
_DUTY_SUFFIX_RE = re.compile(_DUTY + r"\s*$")
# 共同推进, 负责推进, 推进落实: a plan's clause naming who pushes a measure on (（A、B共同推进）)
_PUSH = r"(?:共同|协同|负责|合力)?推进(?:落实|实施)?"
# 结合实际: how a government carries a measure out, before its role word (各地级以上市人民政府结合实际落实, 广东's form)
_AS_FITS = r"(?:结合(?:本地|当地|各地|自身)?实际(?:情况)?)?"
# 兑现, 受理, 审核, 受理和审核, 审核兑现: the duties of the bodies that take in, check and pay out a 若干政策's support
# (本条由A负责兑现。 · 本条由A负责受理和审核。, a 操作规程's or 实施细则's article); each ends in 现, 理 or 核
_CASH_DUTY = r"(?:受理|审核|兑现)(?:[和及与、]?(?:受理|审核|兑现))*"
_PLAIN_SUFFIX_RE = re.compile(_AS_FITS + r"(?:负责(?:具体|组织)?(?:实施|落实)|负责" + _CASH_DUTY + r"|抓好落实|共同负责|具体(?:负责|落实|实施)|" + _PUSH + r"|负责|落实)\s*$")
# 给予支持, 给予资金保障, 提供经费支持, 做好资金保障: a body backing a lead's measure with money (由A负责，B给予支持)
_MONEY_SUPPORT = r"(?:(?:给予|提供|予以)(?:资金|经费|财政|政策)?|做好(?:资金|经费))(?:支持|保障)"  # 做好资金保障 (a county's form)
# how a support body takes part, before its role word: B、C按职责配合 · B按照职责分工参与 · B积极配合
_SUPPORT_MANNER = r"(?:(?:按照?|依照?|根据)(?:各自)?(?:职[责能]){1,2}(?:分工)?|积极|主动)?"
# A牵头，B配合 · A牵头负责，B参与 · A负责牵头，B配合 · A负责，B配合 · A会同B负责(组织实施) · A牵头组织实施，B配合落实 · A负总责，B配合 · A统筹，B负责落实
# · A负责兑现，B配合 (a 若干政策 naming who pays out its support)
_LEAD_SUPPORT_RE = re.compile(
    r"^(?P<lead>.+?)(?:(?:负责)?(?:分别|共同|联合)?牵头(?:负责|组织实施|实施|推进)?\s*[，,、；;]?|(?:负总责|负责(?:组织实施|实施|落实|" + _CASH_DUTY + r")?|统筹(?:协调|推进)?)\s*[，,；;]|会同)"
    r"\s*(?P<support>.+?)"
    r"(?:" + _SUPPORT_MANNER + r"(?:参与|配合|协助)(?:落实|实施|推进)?|(?:加强)?指导|" + _MONEY_SUPPORT + r"|(?:负责)?组织实施|具体(?:实施|落实)|负责落实|抓好落实|" + _DUTY + r"|" + _PUSH + r"|负责|落实)\s*$")
_PIECE_SPLIT_RE = re.compile(r"[、，,；;]")


def _split_names(seg: str) -> list[str]:
    """seg split at every 、，,；; (_PIECE_SPLIT_RE), with str methods when only 、 and ， separate."""
    if "，" in seg:  # a full-width comma often sets the last rank apart (…，各区人民政府)
        seg = seg.replace("，", "、")
    if "；" in seg or "," in seg or ";" in seg:
        return _PIECE_SPLIT_RE.split(seg)
    return seg.split("、")
# segments of a clause: split at ；/; and before a marker word (牵头单位：A，配合单位：B)
# (and before any other label: 完成时限：…), and only where a colon follows
_SEGMENT_SPLIT_RE = re.compile(r"[；;]\s*|[，,、\s]+(?=[^\s，,、；;：:（）()]{2,6}\s*[:：])")  # ; 配合单位: (ASCII, a blank after)
_SEMICOLON_RE = re.compile(r"[；;]")
_LEAD_ONLY_RE = re.compile(r"^(?P<lead>.+?)(?:负责)?(?:分别|共同|联合)?牵头(?:负责|落实|推进)?\s*$")  # A、B分别牵头: each leads its part; A、B共同牵头; A负责牵头
# B配合, B参与实施, B配合落实: a support body's word, perhaps with what it does
_SUPPORT_SUFFIX_RE = re.compile(_SUPPORT_MANNER + r"(?:配合|参与|协助|(?:加强)?指导)(?:落实|实施|推进)?\s*$")
# the kind of place a list's names are, as 等 names it: 镇, 镇街, 街道, 县市区, and a level with the
# others it stands for in brackets, 镇（街道）, 县（市、区）, 市（区）, 区（县、市）
_PLACE_KIND = r"(?:[区县市镇乡地州旗盟]|街道?){1,3}(?:[（(](?:[区县市镇乡州旗盟、]|街道?){1,7}[）)])?"
# 等, 等有关部门, 等驻长高校: the tail after the last name of a list
# (等省有关部门, 等市直有关单位: a level word only before 有关/相关; the 等 of 高等院校 is none);
# also the kind of place the listed ones stand for: 三角镇等镇街, 甲镇等镇（街道）, 高新区等园区, B区等区,
# and that kind's governing body: 高新区等开发区管委会, 甲县等县（市、区）人民政府 (the list ends at 高新区, 甲县)
_ETC_TAIL_RE = re.compile(r"等(?<![高中初]等)(?:驻[^、，,；;（）()等]{1,2}|[省市区县州盟旗][直级属]?(?=有关|相关))?(?:有关|相关)?"
                          r"(?:部门|单位|高校|院校|科研院所|院所|医疗机构|机构|企业"
                          r"|(?:(?:" + _PLACE_KIND + r"|园区|开发区|功能区|板块)?"
                          r"(?:管委会|管理委员会|(?:人民)?政府|办事处|党工委)?))$")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\S+")
# a role after a name: 市发展改革委（牵头）, 市财政局（配合）
_ROLE_MARK_RE = re.compile(r"[（(]\s*(?:(?P<lead>牵头)|配合|参与|协助|协同)(?:单位|部门)?\s*[）)]$")
# a bracket after the last name noting duties or a deadline: （按职责分工负责，2025年底前完成，持续推进）
_NOTE_BRACKET_RE = re.compile(r"[（(]\s*(?:" + _DUTY + r"|[0-9０-９]{4}年|持续推进|长期坚持|长期推进)[^（）()]*[）)]$")
_ROLE_TAILS = ("负责", "配合", "参与", "落实", "协助", "实施", "指导", "推进", "兑现", "受理", "审核")
_NOT_IN_NAME_RE = re.compile(r"[0-9０-９%。：:“”\"《》]")
# a body named after a quoted group of places it serves: “三区”管委会 (宜春's three zones' joint
# committees), “两区”管委会: the quotes are part of the name, as 《》 or figures never are
_QUOTED_HEAD_RE = re.compile(r"“[^“”0-9０-９%。：:\"《》、，,；;]{1,6}”")


def _unquoted(name: str) -> str:
    """name without a leading quoted group (“三区”管委会 → 管委会 with 三区), for _NOT_IN_NAME_RE's check."""
    if name[:1] == "“":
        m = _QUOTED_HEAD_RE.match(name)
        if m and m.end() < len(name):
            return name[1:m.end() - 1] + name[m.end():]
    return name
# A note closing a clause: ，下同 · 。以下均需各设区市人民政府落实，不再列出
# or the same note in brackets after the names: 省科技厅、省发展改革委（列第一位的为牵头单位，下同）,
# also after an exception (（除标注“分别牵头”外，列第一位为牵头单位，下同）, 丽水's form), and a scope
# set for the rest of the text (各区人民政府〈含开发区管委会，下同〉, 武汉's form: the bracket names no body)
_EXCEPT = r"(?:除[^（）()〈〉]{1,16}?外[，,]\s*)?"
_NOTE_START_RE = re.compile(r"\s*" + _EXCEPT + r"(?:下同|同上|以下同|(?:列|排在?|排名)第一位?)")
# the bracketed note after the first name, the list running on: 省卫生健康委（排在第一位的为牵头单位，下同）、省科技厅
# or after the leads, how they lead, for the rest of the text: A、B牵头（按照部门职责分别牵头，下同），C参与 (a 分工方案's form)
_INNER_NOTE_RE = re.compile(r"[（(]\s*" + _EXCEPT + r"(?:下同|同上|以下同|(?P<first>(?:列|排在?|排名)第一位?)"
                            r"|(?:按照?|依照?|根据)[^（）()，,]{0,12}(?:牵头|负责)[，,]\s*(?:下同|以下同)\s*(?=[）)]))[^（）()]*[）)]"
                            r"(?=\s*[、，,；;]\s*\S)")
_CLOSING_NOTE_RE = re.compile(r"(?:[，,；;。]\s*(?:下同|同上|以下同|以下均|以下各项|以下不再|(?P<first>(?:列|排在?|排名)第一位?))[^（）()]*"
                              r"|[（(〈]\s*" + _EXCEPT + r"(?:下同|同上|以下同|(?P<first2>(?:列|排在?|排名)第一位?))[^（）()〈〉]*[）)〉]\s*"
                              r"|[（(〈]\s*含[^（）()〈〉，,]{1,20}[，,]\s*(?:以下同|下同)\s*[）)〉]\s*)$")
# A bracket saying what something includes or is called, not who is responsible:
# （含国家重点实验室、国家工程研究中心）（以下简称领导小组）
_SCOPE_NOTE_RE = re.compile(r"\s*(?:含|不含|包括|包含|其中|即|如|例如|主要包括|以下简称|简称|下称|统称)")
# Collective names of bodies: 各市, 各区县（自治县）, 各设区市, 有关高校, 相关部门, 各镇街 (镇 and 街道, as 重庆 writes)
_COLLECTIVE_RE = re.compile(r"(?:各|有关|相关)[^、，,；;：:（）()]{0,12}?"
                            r"(?:市|县|区|州|盟|地|乡镇|乡|镇街|镇|街道|板块|开发区|高校|院所|学校|医院|企业|园区|单位|部门)"
                            r"(?:[（(][^（）()]{1,12}[）)])?")

# Endings of names of public bodies; used only to accept a clause that has no marker word.
AGENCY_ENDINGS = (
    "局", "委", "办", "厅", "部", "署", "政府", "管委会", "委员会", "中心", "院", "会",
    # a bank (人民银行某省分行, 江西银行, 人行某中心支行), not any 行: a title's （试行） or （暂行） names no body
    "银行", "分行", "支行", "总行", "人行",
    "公司", "集团", "海关", "园", "开发区", "园区", "新区", "室", "处", "联", "协", "组", "站",
    "部门", "单位", "机构", "高校", "院所", "大学", "研究所",
    # schools, parks, services and state firms named as bodies: 各高等院校, 市委党校, 经开区, 高新区,
    # 市消防救援支队, 市气象台, 中储粮某某直属库, 市供销社 (NOTES.md keeps such names as written,
    # as 天津医药集团)
    "院校", "学校", "党校", "经开区", "高新区", "保税区", "自贸区", "支队", "大队", "总队", "气象台",
    "直属库", "供销社", "供销合作社",
    # 新疆生产建设兵团 named as a body of its own, as a province is (…人民政府和新疆生产建设兵团)
    "兵团",
)
_MAX_NAME = 30


def looks_like_agency(name: str) -> bool:
    """True when a piece reads like the name of a public body (ends in 局, 委, 政府…).

    A second name in brackets after it (市卫生健康委（市中医药管理局）) is set aside first.
    """
    name = name.strip()
    if not name or len(name) > _MAX_NAME or _NOT_IN_NAME_RE.search(_unquoted(name)):
        return False
    if name.startswith(_POINT_OPENERS):
        return False  # 一是建设产业园，A负责；二是…: a run's point (its task may end in 园 or 区), no body
    if name[-1] in "）)〕":
        name = _SECOND_NAME_RE.sub("", name) or name
    if name.endswith(("单位", "机构")) and _PARTY_RE.match(name):
        return False  # 项目承担单位, 申报单位, 第三方评估机构: a party to the procedure, no public body
    return name.endswith(AGENCY_ENDINGS) or (name[0] in "各有相" and _COLLECTIVE_RE.fullmatch(name) is not None)


# A name opening with the role of a party a 管理办法 names (项目的具体实施由项目承担单位负责。):
# an applicant, a host or a hired firm, not a body of government (市项目管理机构 is one)
_POINT_OPENERS = tuple(c + "是" for c in "一二三四五六七八九十")  # 一是 … 十是, the openers of a run's points
_PARTY_RE = re.compile(r"(?:各|该)?(?:承担|申报|申请|依托|项目|第三方|中介|评估|评审|受托|用款|受助)[^、，,；;]{0,6}(?:单位|机构)$")
_SECOND_NAME_RE = re.compile(r"[（(〔][^（）()〔〕]{2,20}[）)〕]$")  # 〔〕 inside a clause's brackets (经济和信息化厅〔省国防科工办〕)
# A place named before the ending it shares with a later name: 朝阳区、南关区人民政府
_PLACE_RE = re.compile(r"[^、，,；;（）()]{1,6}(?:区|县|市|旗|州|镇|街道)")


def _all_agencies(pieces: list[tuple]) -> bool:
    """True when there is at least one name and every name looks like a public body.

    A bare place (朝阳区) counts when a later name ends in 政府, whose ending it shares, and a fund
    that supports a body's lead (市财政局牵头，某市产业投资基金配合) as the body it is run as; a bare
    town or street (青石镇, 东湖街道) beside a body counts as its government, as a labelled clause's does.
    """
    if not pieces:
        return False
    bodies = [looks_like_agency(p[0]) for p in pieces]
    for i, p in enumerate(pieces):
        if not bodies[i] and not (_PLACE_RE.fullmatch(p[0]) and
                                  any(q[0].endswith("政府") for q in pieces[i + 1:])) \
                and not _supporting_fund(p, pieces[:i]) and not (_TOWN_RE.fullmatch(p[0]) and any(bodies)):
            return False
    return True


# a town or street named bare (青石镇, 东湖街道, 南山乡), not a 小镇 (特色小镇), 城乡 or 村镇
_TOWN_RE = re.compile(r"[^、，,；;（）()\s等]{1,8}(?<![小城村])(?:镇|乡|街道)")


def _supporting_fund(piece: tuple, before: list[tuple]) -> bool:
    """True for a fund named in support after a lead body: （市财政局牵头，某市产业投资基金配合）.

    Only after a lead: a fund a sentence sets up (设立…基金，由市国资委负责) is what it speaks of."""
    name = piece[0].strip()
    return (len(piece) > 3 and piece[3] == "support" and name.endswith("基金") and len(name) <= _MAX_NAME
            and not _NOT_IN_NAME_RE.search(name) and any(q[3] == "lead" for q in before))


# 和/及/与 joining two names: before a collective (及各县市区政府), or between a body's
# ending and the next body's level (市发展改革委和市科技局) or a next body named without one
# (省委金融办和山东证监局, 市科技局和吉林大学, 江西省投资集团有限公司和江西银行: the run up to the
# next separator ends as a body does); never inside one name (工业和信息化局, 住房和城乡建设局: no
# body's ending stands before the 和), nor before 其 (各区人民政府及其有关部门).
# One branch per connector, each opening with its literal and looking behind only after it: the regex
# engine then skips to a 以, 及, 和 or 与 (和 stands in many names; a look-behind first tried every character).
_BODY_END_BEHIND = r"(?:(?<=[局委办厅署会部心院门位司团室行队台社所]{0})|(?<=(?:政府|大学|学校|海关|园区|新区|发区|开区){0}))"
_NEXT_BODY = (r"(?=[^、，,；;及与（）()\s]{2,%d}?(?:%s)(?:等|[、，,；;\s]|$))"
              % (_MAX_NAME, "|".join(sorted(AGENCY_ENDINGS, key=len, reverse=True))))
_CONNECTOR_RE = re.compile("|".join(
    r"{0}(?:(?=各)|(?<=[局委办厅署府会部心院门位司团]{0})(?=[省市区县州盟旗])|{1}(?!其){2})".format(
        c, _BODY_END_BEHIND.format(c), _NEXT_BODY) for c in ("以及", "及", "和", "与")))


# ／ or / after a body's ending (or a role mark in brackets): 市科技局／市财政局, 市科技局（牵头）/市财政局
_SLASH_RE = re.compile(r"(?<=[局委办厅署府会部心院门位司团）)])[／/](?=[^\s／/])")


def _as_separator(m: re.Match) -> str:
    """A connector as 、, padded with spaces to its length so that offsets stay (以及 → ' 、')."""
    return " " * (len(m.group()) - 1) + "、"


def _split_pieces(seg: str, base: int, role: str) -> list[tuple[str, int, int, str]]:
    """Split a run of names on 、，,；; into pieces (name, start, end, role); drops 等 and whitespace.

    A separator inside brackets does not split, and level words join the government
    after them (_join_levels): 各市、县（市、区）人民政府 is one piece. A name marked
    （牵头） leads; names set apart by spaces alone are split.
    """
    if ("和" in seg or "及" in seg or "与" in seg) and _CONNECTOR_RE.search(seg):
        seg = _CONNECTOR_RE.sub(_as_separator, seg)  # 市级各有关部门及各县市区政府: two names
    if "／" in seg or "/" in seg:
        seg = _SLASH_RE.sub("、", seg)  # 市科技局／市财政局: a slash after a body's ending parts two names
    out = []
    nested = "（" in seg or "(" in seg or "〔" in seg  # 县〔市、区〕: a bracket inside a clause's, printed square
    if not nested and "等" not in seg and not has_whitespace(seg):
        # the common case: nothing to trim, so every non-empty part is a name as it stands
        start = base
        for part in _split_names(seg):
            end = start + len(part)
            if part:
                out.append((part, start, end, role))
            start = end + 1
        return _join_levels(out, seg, base) if _joins_levels(seg) else out
    for s, e in (_bounds_outside_brackets(seg) if nested else _bounds(seg)):
        # trim whitespace and a trailing 等 / 等有关部门-style tail
        while s < e and seg[s].isspace():
            s += 1
        while e > s and seg[e - 1].isspace():
            e -= 1
        m = _ETC_TAIL_RE.search(seg, s, e) if seg.find("等", s, e) >= 0 else None
        if m and m.start() > s:
            e = m.start()
            while e > s and seg[e - 1].isspace():
                e -= 1
        piece_role = role
        if nested and seg[e - 1:e] in "）)":
            mark = _ROLE_MARK_RE.search(seg, s, e)  # 市发展改革委（牵头）, 市财政局（配合）
            if mark:
                e, piece_role = mark.start(), ("lead" if mark.group("lead") else "support")
            else:  # 市财政局（按职责分工负责，2025年底前完成）: a note on the names, no second name
                note = _NOTE_BRACKET_RE.search(seg, s, e)
                e = note.start() if note else e
        if s >= e:
            continue
        name = _SPACE_RE.sub("", seg[s:e])
        if name != seg[s:e]:  # names set apart by spaces alone (省科技厅 省财政厅) are each a name
            words = [(w.group(), w.start()) for w in _WORD_RE.finditer(seg, s, e)]
            if len(words) > 1 and all(looks_like_agency(w) for w, _ in words):
                out.extend((w, base + i, base + i + len(w), piece_role) for w, i in words)
                continue
        out.append((name, base + s, base + e, piece_role))
    return _join_levels(out, seg, base) if _joins_levels(seg) else out


# 特区: 贵州 六枝特区; 林区: 神农架林区; 自治区, 直辖市, 计划单列市: a national text's kinds of province;
# 直管市, 直管县: the cities and counties a province governs directly (湖北 各市、州、直管市、林区人民政府)
_LEVEL = r"(?:省|市|县|区|乡|镇|州|盟|旗|自治州|自治县|自治旗|特区|林区|地区|自治区|直辖市|计划单列市|直管市|直管县)"
# a level word may carry the levels counted with it in brackets: 各市（州）, or in square ones inside a
# clause's brackets, as 浙江 and 四川 print a bracket inside a bracket: 各市、县〔市、区〕政府
_LEVEL_WORD_RE = re.compile(r"各?" + _LEVEL + r"(?:[（(〔][^（）()〔〕]{1,8}[）)〕])?")
# a piece ending in a level character before a separator: where _join_levels may have work
_LEVEL_WORD_PIECE_RE = re.compile(r"[省市县区乡镇州盟旗][）)〕]?\s*[、，,；;]")
# 县(市、区)政府(行署); 直辖市药品监督管理部门, 直辖市及计划单列市工业和信息化主管部门
_LEVEL_GOVERNMENT_RE = re.compile(_LEVEL + r".*(?:政府(?:[（(〔][^（）()〔〕]{1,8}[）)〕])?|部门)")


def _joins_levels(seg: str) -> bool:
    """True when seg may hold level words before their government or 部门 (各省、自治区、直辖市人民政府)."""
    return ("政府" in seg or "部门" in seg) and _LEVEL_WORD_PIECE_RE.search(seg) is not None


def _join_levels(pieces: list[tuple], seg: str, base: int) -> list[tuple]:
    """Join a bare level word to the government after it: 各市、县（市、区）人民政府 is one body.

    Pieces that are only level words (市, 各县, 自治县) name no body by themselves; they
    share the 人民政府 or 部门 of the next piece when that starts with a level word too
    (各市、州、县人民政府 is one body; so are 各市（州）、县（市、区）人民政府 and
    各省、自治区、直辖市药品监督管理部门).
    """
    out, waiting = [], []  # waiting: level words before their government
    for piece in pieces:
        if len(piece[0]) <= 14 and _LEVEL_WORD_RE.fullmatch(piece[0]):
            waiting.append(piece)
            continue
        if waiting and _LEVEL_GOVERNMENT_RE.fullmatch(piece[0]):
            first, waiting = waiting[0], []
            piece = (seg[first[1] - base:piece[2] - base], first[1], piece[2], piece[3])
        out += waiting + [piece]
        waiting = []
    return out + waiting


def _bounds(seg: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of seg between separators (、，,；;)."""
    out, pos = [], 0
    for part in _split_names(seg):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _bounds_outside_brackets(seg: str, separators: str = "、，,；;") -> list[tuple[int, int]]:
    """_bounds, splitting only at separators outside （…）, (…) and 〔…〕 (县〔市、区〕 inside a clause's brackets)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(seg):
        if c in "（(〔":
            depth += 1
        elif c in "）)〕":
            depth = max(depth - 1, 0)
        elif depth == 0 and c in separators:
            out.append((start, i))
            start = i + 1
    out.append((start, len(seg)))
    return out


def _names_with_roles(run: str, base: int, role: str):
    """Read one run of names with its 牵头/配合/负责 words; return (form, pieces, strong).

    form is '牵头配合', '牵头', '按职责分工负责', '负责' or '' (a plain list); strong is True
    when the run carries a duty suffix such as 按职责分工负责.
    """
    if "由" in run[:_TOPIC_BY_MAX]:  # 由市科技局负责, 此项工作由市发展改革委牵头: 由 (by) and a topic before it are no name
        m = _TOPIC_BY_RE.match(run)
        if m:
            run, base = run[m.end():], base + m.end()
    stripped = run.rstrip()
    # each suffix regex ends in one of _ROLE_TAILS + \s*$, and stripped ends in no space
    tail = stripped.endswith(_ROLE_TAILS)
    # where a duty suffix (at most _DUTY_MAX characters, ending the run) starts, or -1
    if not tail:
        duty = -1
    elif stripped.endswith("按职责分工负责"):  # the usual suffix, found without the regex
        duty = len(stripped) - 7
    else:
        m = _DUTY_SUFFIX_RE.search(stripped, max(len(stripped) - _DUTY_MAX, 0))
        duty = m.start() if m else -1
    strong = duty >= 0
    # 牵头, 会同, 统筹, or a 负责 before the end: a lead (and support) form
    if ("牵头" in stripped or "会同" in stripped or stripped.find("负责", 0, len(stripped) - 2) >= 0
            or "负总责" in stripped or "统筹" in stripped):
        m = _LEAD_SUPPORT_RE.match(stripped)
        if m and _ROLE_BEFORE_SEPARATOR_RE.search(m.group("support")):
            # A牵头，B、C配合，D按职责分工负责: the support run holds a part with its own role word
            pieces = _role_parts(stripped, base)
            if pieces:
                return "牵头配合", pieces, strong
        if m:
            lead = _split_pieces(m.group("lead"), base + m.start("lead"), "lead")
            by = 1 if m.group("support").startswith("由") else 0  # 由A牵头，由B配合: the second 由 is no part of B's name
            sup = _split_pieces(m.group("support")[by:], base + m.start("support") + by, "support")
            return "牵头配合", lead + sup, strong
        m = _LEAD_ONLY_RE.match(stripped) if "牵头" in stripped else None
        if m:
            return "牵头", _split_pieces(m.group("lead"), base, "lead"), strong
    if not tail:
        return "", _split_pieces(stripped, base, role), False
    if strong:
        return "按职责分工负责", _split_pieces(stripped[:duty], base, role), True
    m = _SUPPORT_SUFFIX_RE.search(stripped)  # first: 配合落实 ends in 落实 too
    if m:
        return "配合", _split_pieces(stripped[: m.start()], base, "support"), False
    m = _PLAIN_SUFFIX_RE.search(stripped)
    if m:
        return "负责", _split_pieces(stripped[: m.start()], base, role), False
    return "", _split_pieces(stripped, base, role), False


_NOTES = ("下同", "同上", "以下同")
# a short topic and 由 before the names (此项工作由…, 由…), not the 由 of 自由贸易区
# or a reference to numbered provisions (第（一）至（三）项由, 以上第1、2项由, 第（四）项由, 以上第(一)至(二)项政策由),
# each number perhaps with its unit (第六条、第七条由, 本政策第三条至第五条由)
_REF_NUMBER = r"(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十0-9]{1,3})"
_REFS = (rf"第?{_REF_NUMBER}(?:[项条款点]?[至到、和—\-~～]第?{_REF_NUMBER})*[项条款点]"
         r"(?:措施|政策|任务|工作|内容)?")  # 以上第（一）至（二）项政策由: the provisions' kind after 项
_TOPIC_BY_RE = re.compile(rf"(?:(?:以上|上述|前述|本[^、，,；;：:（）()由第]{{1,4}}?)?{_REFS}"
                          r"|[^、，,；;：:（）()由]{0,8})(?<!自)由")
_TOPIC_BY_MAX = 20  # where the 由 of the longest topic stands (本政策第十一条至第十三条由)
# ，第（六）项由: a comma that starts a further assignment (第（四）、（五）项由A负责，第（六）项由B负责)
_NEXT_ASSIGNMENT_RE = re.compile(rf"[，,；;]\s*(?={_REFS}由)")


def _could_be_name(piece: str) -> bool:
    """False for what cannot be a body's name after a marker word: 下同, dates, figures."""
    return piece not in _NOTES and not _NOT_IN_NAME_RE.search(_unquoted(piece))


def parse_clause(inner: str, base: int = 0, *, require_marker: bool = False):
    """Parse the inside of a responsibility clause; return (style, pieces) or None.

    Pieces are (name, start, end, role) in the clause's order, offset by `base`, the offset
    of `inner` in the document; see _parse_clause for the rules. A document repeats its
    clauses (（责任单位：市发展改革委、市科技局）under one measure after another), so the
    parse of each inner text is kept (_parsed_at_zero) and only shifted to `base`.
    """
    parsed = _parsed_at_zero(inner, require_marker)
    if parsed is None:
        return None
    style, pieces = parsed
    return style, [(name, start + base, end + base, role) for name, start, end, role in pieces]


@lru_cache(maxsize=1 << 13)
def _parsed_at_zero(inner: str, require_marker: bool):
    """_parse_clause at offset 0, its pieces as a tuple: the kept result, which no caller can change."""
    parsed = _parse_clause(inner, 0, require_marker=require_marker)
    return None if parsed is None else (parsed[0], tuple(parsed[1]))


# a document number at a clause's start (皖发〔2021〕9号，), as a 政策清单 cites each measure's source
_CITED_NUMBER_RE = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff]{1,10}[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号"
                              r"[ \t\u3000]*[，,、；;：:]?[ \t\u3000]*")


def _parse_clause(inner: str, base: int = 0, *, require_marker: bool = False):
    """parse_clause, parsed anew (a function of inner and require_marker, offsets apart).

    Pieces are (name, start, end, role) in the clause's order. `base` is the offset of
    `inner` in the document. With `require_marker`, a plain list of
    names (no 责任单位/负责/牵头 word) is refused. Without a marker word such as 责任单位：,
    every piece must look like an agency name unless the clause ends in 按职责分工负责.
    A closing note (，下同 / 。以下均需…不再列出) is cut off first; after 列第一位者为牵头单位
    the first body leads.
    """
    # （皖发〔2021〕9号，省经济和信息化厅等负责）: the policy a measure comes from, cited before its bodies
    cited = _CITED_NUMBER_RE.match(inner) if "号" in inner else None
    if cited:
        return _parse_clause(inner[cited.end():], base + cited.end(), require_marker=require_marker)
    if "下" in inner or "第一" in inner or "同上" in inner:
        if _NOTE_START_RE.match(inner):
            return None  # （列第一位的为牵头单位，下同）: a bracket holding only the note names no body
        inner_note = _INNER_NOTE_RE.search(inner)
        if inner_note:  # blanked, not cut, so that the names after it keep their offsets
            blank = inner[:inner_note.start()] + " " * (inner_note.end() - inner_note.start()) + inner[inner_note.end():]
            parsed = _parse_clause(blank, base, require_marker=require_marker)
            if parsed and inner_note.group("first") is not None:
                name, s, e, _ = parsed[1][0]
                parsed[1][0] = (name, s, e, "lead")
            return parsed
        note = _CLOSING_NOTE_RE.search(inner)
        if note:
            parsed = _parse_clause(inner[:note.start()], base, require_marker=require_marker)
            if parsed and (note.group("first") or note.group("first2")) is not None:
                name, s, e, _ = parsed[1][0]
                parsed[1][0] = (name, s, e, "lead")
            return parsed
    # （市科技局、市财政局，2024年底前完成）: a deadline after the names is none of them
    if inner[-1:] in _DEADLINE_LAST:
        m = _DEADLINE_RE.search(inner)
        if m:
            parsed = _parse_clause(inner[:m.start()], base, require_marker=require_marker)
            if parsed is not None:
                return parsed
    # 责任单位：A等有关部门，B、C。以下政策措施均需B、C落实，不再单独列出: the names end at
    # the clause's first full stop, and what follows it is a note on them
    stop = inner.find("。")
    if 0 < stop < len(inner.rstrip(" \t\u3000。")):
        parsed = _parse_clause(inner[:stop], base, require_marker=require_marker)
        if parsed is not None:
            return parsed
    # 责任单位 市科技局、市财政局 (a PDF's or a table's label without its colon)
    if ":" not in inner and "：" not in inner:
        label = _label_start(inner)
        if label:
            return _parse_uncoloned(inner, base, label, require_marker)
    # segments separated by ；/; each may carry its own marker (牵头单位：…；配合单位：…);
    # a marker word is followed by a colon, which most clauses lack
    if "：" in inner or ":" in inner:
        segments, pos = [], 0
        # a second marker needs a colon of its own; with one colon, only ；/; separate segments
        splitter = _SEGMENT_SPLIT_RE if inner.count("：") + inner.count(":") > 1 else _SEMICOLON_RE
        for sep in splitter.finditer(inner):
            segments.append((inner[pos:sep.start()], base + pos))
            pos = sep.end()
        segments.append((inner[pos:], base + pos))
        # a marker word needs its colon: a segment without one is tried no further
        marked = [_MARKER_RE.match(p) if "：" in p or ":" in p else None for p, _ in segments]
        if any(marked):
            return _parse_marked(segments, marked)
    if "由" in inner and "第" in inner:  # the first reference may stand before the clause (第三条由A负责，第四条由B负责)
        parsed = _assignments(inner, base, require_marker)
        if parsed is not None:
            return parsed
    form, pieces, strong = _names_with_roles(inner, base, "responsible")
    if form == "按职责分工负责" and pieces:
        return form, pieces
    if not pieces or not (strong or _all_agencies(pieces)):
        # A牵头，B、C按职责分工负责，D配合: parts, each with its role word
        if _ROLE_BEFORE_SEPARATOR_RE.search(inner):
            pieces = _role_parts(inner, base)
            if pieces:
                return "牵头配合", pieces
        return _before_prose(inner, base)
    if form == "" and (require_marker or _SCOPE_NOTE_RE.match(inner)):
        return None
    return (form or "bare_list"), pieces


# a label opening a clause with no colon after it: 责任单位 市科技局 · 牵头单位市发改委
_LABEL_WORDS = _MARKER_LEVEL + r"(" + "|".join(MARKERS) + r")"
_LABEL_START_RE = re.compile(r"[ \t\u3000]*" + _LABEL_WORDS)
# a label, at the start or after a separator, set off from its names by a blank
_SPACED_LABEL_RE = re.compile(r"(?<![^，,；;、 \t\u3000])(" + _MARKER_LEVEL + r"(?:" + "|".join(MARKERS) + r"))"
                              r"[ \t\u3000](?=[ \t\u3000]*[^ \t\u3000])")


_LABEL_FIRST = frozenset(m[0] for m in MARKERS)


def _label_start(inner: str) -> re.Match | None:
    """_LABEL_START_RE.match(inner), tried only where a marker word's first character or a
    level's 级 (市级责任单位) stands at the start: most clauses open with a body's name."""
    head = inner.lstrip(" \t\u3000")[:2]
    if head[:1] not in _LABEL_FIRST and head[1:] != "级":
        return None
    return _LABEL_START_RE.match(inner)


def _parse_uncoloned(inner: str, base: int, label: re.Match, require_marker: bool):
    """A clause whose labels lack their colons, parsed as if each had one.

    A blank after a label stands for its colon (the same length, so offsets stay); a label
    run into its first name (责任单位市科技局) gives the names after it its role.
    """
    spaced = _SPACED_LABEL_RE.sub(lambda m: m.group(1) + "：", inner)
    if spaced != inner:
        return _parse_clause(spaced, base, require_marker=require_marker)
    parsed = _parse_clause(inner[label.end():], base + label.end())
    if parsed is None or parsed[0] != "bare_list":
        return parsed
    role = MARKERS[label.group(1)]
    return label.group(1), [(name, s, e, role) for name, s, e, _ in parsed[1]]


def _before_prose(inner: str, base: int):
    """The clause before the first ；/; when what follows is prose (A牵头，B落实；省财政厅给予资金支持).

    Only a part with a role word is kept (require_marker): a plain list before ； is no clause.
    """
    m = _SEMICOLON_RE.search(inner)
    if m is None or m.start() == 0:
        return None
    return _parse_clause(inner[:m.start()], base, require_marker=True)


# a completion time closing a clause, after its names: ，2024年底前完成 · ，2025年6月 · ；长期坚持
_DEADLINE_RE = re.compile(r"[，,；;]\s*(?:[0-9０-９]{4}\s*年[^，,；;、（）()]{0,12}|长期坚持|持续推进|长期推进)\s*$")
_DEADLINE_LAST = frozenset("成前底月年内持进坚 \t\u3000")  # what a _DEADLINE_RE match can end in (…完成, …底前, 持续推进)
def _assignments(inner: str, base: int, require_marker: bool):
    """第（四）、（五）项由A负责，第（六）项由B负责: each assignment read on its own, or None.

    The sentence names the bodies of several runs of numbered provisions; read as one, the
    second assignment's reference and 由 stayed in a name (第（六）项由B).
    """
    cuts = [m.end() for m in _NEXT_ASSIGNMENT_RE.finditer(inner)]
    if not cuts:
        return None
    style, pieces = None, []
    for start, end in zip([0] + cuts, cuts + [len(inner)]):
        part = inner[start:end].rstrip("，,；; \t\u3000")
        parsed = _parse_clause(part, base + start, require_marker=require_marker)
        if parsed is None:
            return None
        style = parsed[0] if style in (None, parsed[0]) or parsed[0] == "牵头配合" else style
        pieces += parsed[1]
    return style, pieces


_ROLE_PART_SPLIT_RE = re.compile(r"[，,；;]")
_ROLE_WORD = r"(?:牵头|负责|落实|实施|配合|参与|协助|指导|推进)"  # ends each part of a clause in parts
_ROLE_WORD_END_RE = re.compile(_ROLE_WORD + r"\s*$")
_MONEY_SUPPORT_END_RE = re.compile(_MONEY_SUPPORT + r"\s*$")
_ROLE_END_RE = re.compile(r"(?:" + _ROLE_WORD + r"|" + _MONEY_SUPPORT + r")\s*$")  # …，C给予资金保障: a part backing the lead with money
_ROLE_BEFORE_SEPARATOR_RE = re.compile(_ROLE_WORD + r"\s*[，,；;]")


def _role_parts(inner: str, base: int, bodies_only: bool = True) -> list[tuple] | None:
    """The names of a clause whose every comma-separated part ends in a role word, or None.

    （省科技厅牵头，省财政厅、省药监局按职责分工负责，各市县政府配合）: each part is read on
    its own, with its own role; every name must look like a body's, unless a marker word
    (责任单位：) already says that names follow (bodies_only=False).
    """
    if "（" in inner or "(" in inner:  # a comma inside a name's brackets does not cut it
        parts = [(inner[s:e], base + s) for s, e in _bounds_outside_brackets(inner, "，,；;")]
    else:
        parts, pos = [], 0
        for part in _ROLE_PART_SPLIT_RE.split(inner):
            parts.append((part, base + pos))
            pos += len(part) + 1
    if len(parts) < 2 or not all(_ROLE_END_RE.search(p) for p, _ in parts):
        return None
    if any(inner[pbase - base - 1:pbase - base] in ("；", ";") and not _ROLE_WORD_END_RE.search(part) for part, pbase in parts[1:]):
        return None  # （A牵头，B落实；省财政厅给予资金支持）: money after a semicolon is a note in prose, not a part
    # 牵头 leads and 配合/参与/协助 support; a part ending in 负责/落实 leads when it comes first
    # and no part says 牵头 (A负责，B配合), and supports after a lead (A牵头，B落实)
    has_lead = any("牵头" in p for p, _ in parts)
    pieces = []
    for i, (part, pbase) in enumerate(parts):
        role = "lead" if i == 0 and not has_lead else ("support" if has_lead or i else "responsible")
        money = _MONEY_SUPPORT_END_RE.search(part)  # C给予资金保障: the backer's words are no name
        pieces += _names_with_roles(part[:money.start()] if money else part, pbase, role)[1]
    return pieces if not bodies_only or _all_agencies(pieces) else None


def _parse_marked(segments, marked):
    """Parse segments where at least one starts with a marker word such as 责任单位："""
    found, style, role = [], None, "responsible"
    for (part, pbase), m in zip(segments, marked):
        if m:
            role = MARKERS[m.group(1)]
            style = style or m.group(1)
            body, bbase = part[m.end():], pbase + m.end()
        else:
            body, bbase = part, pbase
        form, pieces, _ = _names_with_roles(body, bbase, role)
        if not m and role == "support" and form in ("负责", "按职责分工负责"):
            # 牵头单位：A；配合单位：B；各市人民政府负责落实: a segment with its own duty word carries out, not supports
            pieces = [(n, s, e, "responsible") for n, s, e, _ in pieces]
        if any(_ROLE_END_RE.search(p[0]) for p in pieces):
            # 责任单位：A牵头，B、C配合，D参与: a role word inside a name cuts the body into parts
            pieces = _role_parts(body, bbase, bodies_only=False) or pieces
        if not m and not _all_agencies(pieces):
            if style is None:
                continue  # 责任领导：张三；责任单位：…: what stands before the first marker is no name
            break  # the clause ended; what follows is prose
        names = _before_note(body, pieces)
        found.extend(names)
        if len(names) < len(pieces):
            break
    return (style, found) if found else None


def _before_note(body: str, pieces: list[tuple]) -> list[tuple]:
    """The pieces before a note that ends a list of names (，下同 / ，2025年底前完成)."""
    if _NOT_IN_NAME_RE.search(body) or "同" in body:  # one scan of the segment, not one per name
        n_names = next((i for i, p in enumerate(pieces) if not _could_be_name(p[0])), len(pieces))
        return pieces[:n_names]
    return pieces


_PARAGRAPH_END = r"[。；;.，,]?[ \t\u3000]*(?:\n|$)"
_PARAGRAPH_END_RE = re.compile(_PARAGRAPH_END)


_PARAGRAPH_END_FIRST = frozenset("。；;.，, \t\u3000")  # what _PARAGRAPH_END_RE can read before the line break


def _ends_paragraph(text: str, i: int) -> bool:
    """True when only closing punctuation and spaces stand between i and the line's end."""
    c = text[i:i + 1]
    if c == "\n" or not c:  # the usual answers, read off the next character
        return True
    return c in _PARAGRAPH_END_FIRST and _PARAGRAPH_END_RE.match(text, i) is not None


# one level of nesting is allowed inside a clause: （责任单位：市规划资源局（滨海新区分局）、…）
# Group 2, an optional look-ahead, tells whether the bracket ends its paragraph (_ends_paragraph).
_PAREN_END = r"(?=(" + _PARAGRAPH_END + r"))?"
_PAREN_RE = re.compile(r"[（(]((?:[^（()）\n]|[（(][^（()）\n]{0,60}[）)]){1,600})[）)]" + _PAREN_END)
_MAX_PAREN_UNITS = 600  # characters or nested (…) in a _PAREN_RE match
# The same matches, found faster (see _paren_matches): one regex per opening bracket, as a
# literal first character is fast to scan for, and runs of plain characters taken whole.
# Backtracking never helps _PAREN_RE (no unit it gives back ends before a closing bracket),
# so only its bound of 600 units is lost.
_PAREN_FAST_BODY = r"((?:[^（()）\n]++|[（(][^（()）\n]{0,60}[）)])+)[）)]" + _PAREN_END
_PAREN_FULL_RE = re.compile(r"（" + _PAREN_FAST_BODY)
_PAREN_HALF_RE = re.compile(r"\(" + _PAREN_FAST_BODY)
# a marker clause without parentheses: from the marker to the end of the sentence/line,
# or inside square brackets (【责任单位：…】, 〔牵头单位：…〕, a short 〔〕 inside kept: 各市、县〔市、区〕人民政府); the marker stands after a
# sentence's end, a bracket or a space (加快研发 责任单位：…)
# . and ! as a text typed with ASCII punctuation ends its sentences (奖励.牵头单位:…); ． as a list's label
# typed wide closes (３．主管部门及责任处室：…, a field of a 实施细则's measure)
_BARE_MARKER_BEFORE = "。；;！!.．\n【〔"
_BARE_MARKER_RE = re.compile(
    r"(?:^|(?<=[" + _BARE_MARKER_BEFORE + r" \t\u3000]))[ \t\u3000]*(" + _MARKER_LEVEL + r"(?:" + "|".join(MARKERS) + r")\s*[:：](?:[^。\n】〕〔]|〔[^〔〕。\n]{1,8}〕)*)"
)
# a list in square brackets (〔A、B〕), read as a clause where it closes its paragraph
_SQUARE_LIST_RE = re.compile(r"〔([^〔〕\n]{2,300})〕")
# a marker in square brackets without a colon: 【牵头单位】省科技厅 【配合单位】省财政厅
_BRACKET_LABEL_RE = re.compile(r"[【〔]\s*(" + "|".join(MARKERS) + r")\s*[】〕]\s*[:：]?[ \t\u3000]*([^【〔\n。；;]*?)"
                               r"(?=[ \t\u3000]*(?:[【〔\n。；;]|$))")
# 负责本辖区内重点项目的组织实施(工作): a duty whose object is named before it (the bodies stand before 负责)
_DUTY_OBJECT_END = r"的(?:组织|具体|推进)?(?:实施|落实)(?:工作)?"
_DUTY_OBJECT = r"负责[^。，,；;！\n]{1,30}?" + _DUTY_OBJECT_END
# the object after the last 负责 (no 负 inside it), which _duty_sentence cuts the bodies before
_DUTY_OBJECT_RE = re.compile(r"(?<=负责)[^。，,；;！\n负]{1,30}?" + _DUTY_OBJECT_END + r"\s*$")
# a sentence with a duty suffix, e.g. 市科技局、市财政局按职责分工负责。, 由A牵头，B负责组织实施。 or 由A会同B组织实施。 (no parentheses;
# a short bracket inside a name is allowed: 各市（州）人民政府)
_BARE_DUTY_RE = re.compile(
    r"(?:^|(?<=[。！\n]))[ \t\u3000]*((?:[^。！\n（）()【〔]|[（(][^（）()\n]{1,12}[）)]){2,400}?(?:按照?职责分工负责|按职责负责|分工负责|(?:牵头|负责|统筹)[^。\n]{1,200}(?:(?:配合|参与|协助|协同)(?:落实|实施|推进)?|负责具体(?:实施|落实)|具体(?:实施|落实)|" + _MONEY_SUPPORT + r")|(?:分别|共同|联合)?牵头(?:负责|落实)?|负责(?:(?:组织)?实施|" + _CASH_DUTY + r")|" + _DUTY_OBJECT + r"|会同[^。\n]{1,200}组织实施|负责|(?:负责|分工|职[责能]|抓好)落实))[ \t\u3000]*(?=[。；;]?[ \t\u3000]*(?:\n|$))"
)

# a sentence stating roles with 为, closing its paragraph: 市发展改革委为牵头单位，市科技局、市财政局为配合单位。
# · 牵头单位为市科技局，配合单位为市财政局。 (each part names its bodies before or after 为 and a marker word)
_ROLE_LABEL = "|".join(sorted(MARKERS, key=len, reverse=True))
_ROLE_IS_PART = r"(?:[^。；;，,！\n为]{2,60}为(?:%s)|(?:%s)为[^。；;，,！\n]{2,60})" % (_ROLE_LABEL, _ROLE_LABEL)
_ROLE_IS_RE = re.compile(r"(?:^|(?<=[。！\n，,；;]))[ \t\u3000]*(" + _ROLE_IS_PART + r"(?:[，,；;][ \t\u3000]*" + _ROLE_IS_PART
                         + r")*)[ \t\u3000]*(?=[。；;]?[ \t\u3000]*(?:\n|$))")
_ROLE_IS_PART_RE = re.compile(r"(?P<names>[^为]+)为(?P<label>%s)|(?P<label2>%s)为(?P<names2>.+)" % (_ROLE_LABEL, _ROLE_LABEL))
# what every _ROLE_IS_RE match holds: a 为 after a marker's ending (单位为, 部门为) or before a marker's
# first two characters; the pattern opens with the literal 为, which the regex engine scans for fast
_ROLE_IS_CUE_RE = re.compile(r"为(?:(?<=(?:%s)为)|(?=%s))" % ("|".join(sorted(_LABEL_ENDINGS)),
                                                             "|".join(sorted({m[:2] for m in MARKERS}))))

# Cheap pre-checks, so the clause regexes above run only where they can match.
# Each clause but a plain list of names (accepted only at a paragraph's end) holds one of
# these words: a marker word's first two characters, or a role word (负责, 牵头, 配合, 参与, 落实, 协助, 会同).
_CUE_RE = re.compile("|".join(sorted({m[:2] for m in MARKERS} | {"负责", "牵头", "配合", "参与", "落实", "协助", "会同"})))
_MARKER_LENGTHS = sorted({len(m) for m in MARKERS})  # a marker ends no longer one (test_speed_prefilters)
# The line ending every _BARE_DUTY_RE match has: 负责, 配合, 参与, 协助, 落实, 实施 (配合实施), 牵头
# (由A牵头。), 推进 (B协同推进), 支持/保障 (B给予资金保障) or 兑现/受理/审核 (本条由A负责兑现, _CASH_DUTY), then perhaps
# spaces, one of 。；; and spaces (the regex's closing look-ahead). Read backwards from the line
# break, such a line ends in the word's last character (责 合 与 助 实 施 头 进 持 障 现) or a space, perhaps before
# one of 。；;: the breaks that can close a match. The pattern starts with the literal break,
# which the regex engine scans for fast, once for the three words. A duty with its object may close on
# 工作 (各区政府负责本辖区内X的组织实施工作): 施工作 and 实工作 before the break let such lines in too.
_DUTY_LINE_BREAK_RE = re.compile(r"\n(?:(?<=[责合与助实施头进持障现 \t\u3000]\n)|(?<=[责合与助实施头进持障现 \t\u3000][。；;]\n)"
                                 r"|(?<=(?:受理|审核)\n)|(?<=(?:受理|审核)[。；;]\n)"  # 受理, 审核 whole (管理, 处理 end in 理 too)
                                 r"|(?<=[施实]工作\n)|(?<=[施实]工作[。；;]\n))")  # …的组织实施工作 (_DUTY_OBJECT)
_DUTY_LINE_ENDS = ("负责", "配合", "参与", "协助", "落实", "实施", "牵头", "推进", "支持", "保障", "兑现", "受理", "审核",
                   "实施工作", "落实工作")


# a run of articles named: 第三条至第五条, 第六条、第七条, 第八条 (pipeline reads their numbers)
ARTICLE_NUMBER = r"[零〇一二三四五六七八九十百0-9]{1,4}"
ARTICLE_REFS = (r"第" + ARTICLE_NUMBER + r"(?:条?[ \t\u3000]*[至到—\-～~－、和及][ \t\u3000]*第?"
                + ARTICLE_NUMBER + r")*条")
# A负责第三条至第五条 · A、B负责第六条: names after a sentence's or an article heading's start, then 负责 and an article
_DUTY_FOR_ARTICLES_RE = re.compile(r"(?:^|(?<=[，,；;。 \t\u3000]))(?P<names>[^，,；;。\n \t\u3000第]{2,40}?)负责"
                                   + ARTICLE_REFS, re.M)


def find_agency_clauses(text: str) -> list[dict]:
    """Find every responsibility clause in a document's normalized text, with offsets.

    Returns dicts {start, end, style, agencies: [{agency, start, end, role, position}]},
    sorted by start; the caller assigns them to provisions by offset.
    """
    return [_clause(*c) for c in find_clauses(text)]


def _as_written(text: str, simple: str, pieces: list[tuple]) -> list[tuple]:
    """pieces read in ``simple`` with their names as ``text`` writes them (NOTES.md keeps names as written)."""
    out = []
    for name, start, end, role in pieces:
        if name == simple[start:end]:
            name = text[start:end]
        elif name == _SPACE_RE.sub("", simple[start:end]):  # a name joined across a break
            name = _SPACE_RE.sub("", text[start:end])
        out.append((name, start, end, role))
    return out


def find_clauses(text: str, refused: list | None = None) -> list[tuple[int, int, str, list[tuple[str, int, int, str]]]]:
    """find_agency_clauses as tuples (start, end, style, pieces), each piece (name, start, end, role).

    A text in traditional characters is read in simplified ones (hanzi.simplified_view), its names kept as written.
    """
    simple = simplified_view(text)
    read = _round_role_marks(simple)
    clauses = _find_clauses(read, refused)
    if read is text:
        return clauses
    return [(s, e, style, _as_written(text, read, pieces)) for s, e, style, pieces in clauses]


# a role mark in square brackets after a name, before a separator or the clause's end:
# 市工业和信息化局〔牵头〕、市财政局 · 〔责任单位：市经信局〔牵头〕、市国资委〕 (山东, 浙江 cities print them so)
_SQUARE_ROLE_MARK_RE = re.compile(r"[〔【［](?<=[\u4e00-\u9fff）)][〔【［])\s*((?:牵头|配合|参与|协助|协同)(?:单位|部门)?)\s*[〕】］]"
                                  r"(?=[ \t\u3000]*(?:[、，,；;。〕】］）)\n]|$))")


def _round_role_marks(text: str) -> str:
    """text with each square-bracketed role mark after a name in round brackets, as （牵头） is read.

    Offsets stay (the marks keep their length); the mark is no name, so names stay as written.
    """
    if "〔" not in text and "【" not in text and "［" not in text:
        return text
    return _SQUARE_ROLE_MARK_RE.sub(lambda m: "（" + m.group()[1:-1] + "）", text)  # the bracket opens the pattern: scanned for fast


def _find_clauses(text: str, refused: list | None = None) -> list[tuple[int, int, str, list[tuple[str, int, int, str]]]]:
    """find_clauses of a text in simplified characters.

    The pipeline reads these: a document names many agencies, and tuples spare a dict for each.
    ``refused``, when given, receives the (start, end) of each bracket that ends a paragraph
    and holds a role word (牵头, 负责, 责任单位…) or a list naming a body, but was not read as
    a clause, so that the caller can say so (a name bioparse does not take for a body's).
    """
    clauses = []
    taken = _Taken()
    parens = _paren_matches(text)
    for m in parens:
        inner_start, inner_end = m.span(1)
        at_end = m.lastindex == 2  # the look-ahead for the paragraph's end matched
        # every cue word is two characters: a one-character inner (（一）) holds none
        if not at_end and (inner_end - inner_start < 2 or not _CUE_RE.search(text, inner_start, inner_end)):
            continue  # mid-paragraph, a plain list of names is refused; so is anything else
        parsed = parse_clause(m.group(1), inner_start, require_marker=not at_end)
        if parsed and parsed[0] == "bare_list" and _in_marked_field(text, m.start()):
            continue  # 牵头单位：市发改委（市大健康产业办）: the second name of a body the label names
        if parsed:
            clauses.append((m.start(), m.end(), *parsed))
            taken.add(m.start(), m.end())
        elif refused is not None and at_end and (_CUE_RE.search(text, inner_start, inner_end)
                                                 or _list_with_a_body(m.group(1))):
            refused.append((m.start(), m.end()))
    n_paren = len(clauses)
    for rx, matches in ((_BARE_MARKER_RE, _bare_marker_matches(text)),
                        (_BARE_DUTY_RE, _bare_duty_matches(text)),
                        (_BARE_DUTY_RE, _deadline_duty_matches(text)),
                        (_BARE_DUTY_RE, _run_duty_matches(text)),
                        (_ROLE_IS_RE, _role_is_matches(text))):
        for m in matches:
            s, e = m.start(1), m.end(1)
            if rx is _BARE_DUTY_RE:  # a run's last point answers for itself: an earlier point's clause is no overlap
                s = _last_point_start(text, s, e)
            if taken.overlaps(s, e):
                continue
            if rx is _BARE_DUTY_RE:
                if not _ends_paragraph(text, e) and not _DUTY_DEADLINE_TAIL_RE.match(text, e) and not _ENSURE_TAIL_RE.match(text, e) \
                        and not _ends_run(text, e):
                    continue
                s, parsed = _duty_sentence(text, s, e)
            elif rx is _ROLE_IS_RE:
                s = _after_duty_lead(text, s, e)
                parsed = _role_is_sentence(text[s:e], s)
            else:
                e = _names_below(text, s, e)
                e = _before_unopened_brackets(text, s, e)
                parsed = parse_clause(text[s:e], s)
            if parsed:
                clauses.append((s, e, *parsed))
                taken.add(s, e)
    # （责任单位：市工信局 at a paragraph's end, never closed. Every opening bracket starts a
    # paren match or stands inside one (and is closed there), so with no more opening
    # brackets than matches none is left open and the bracket-by-bracket scan is spared.
    unclosed = _unclosed_brackets(text) if _opening_brackets(text) > len(parens) else ()
    for s, e in unclosed:
        if taken.overlaps(s, e) or not _CUE_RE.search(text, s, e):
            continue
        parsed = parse_clause(text[s + 1:e], s + 1)
        if parsed:
            clauses.append((s, e, *parsed))
            taken.add(s, e)
    # a match holds no second bracket, so trying the regex at each 【 and 〔 finds them all
    brackets = sorted([*positions(text, "【"), *positions(text, "〔")])
    for m in filter(None, (_BRACKET_LABEL_RE.match(text, i) for i in brackets)):
        s, e = m.start(), m.end(2)
        if e <= m.start(2) or taken.overlaps(s, e):
            continue
        names = _before_note(m.group(2), _names_with_roles(m.group(2), m.start(2), MARKERS[m.group(1)])[1])
        if names:
            clauses.append((s, e, m.group(1), names))
            taken.add(s, e)
    # 〔省科技厅、省财政厅〕 closing a paragraph: a list in square brackets, as in （…）
    for m in filter(None, (_SQUARE_LIST_RE.match(text, i) for i in brackets if text[i] == "〔")):
        if not _ends_paragraph(text, m.end()) or taken.overlaps(m.start(), m.end()):
            continue
        parsed = parse_clause(m.group(1), m.start(1))
        if parsed:
            clauses.append((m.start(), m.end(), *parsed))
            taken.add(m.start(), m.end())
    # 责任单位\t市科技局、市财政局: a table row or a PDF line whose label lost its colon
    for m in _uncoloned_line_matches(text):
        s, e = m.span(1)
        if taken.overlaps(s, e):
            continue
        parsed = parse_clause(m.group(1), s)
        if parsed and parsed[0] in MARKERS and _all_agencies(parsed[1]):
            clauses.append((s, e, *parsed))
            taken.add(s, e)
    # ——市科技局、市财政局 closing a measure, after its last sentence or on a line of its own
    for s, e in _dash_lists(text):
        if taken.overlaps(s, e):
            continue
        parsed = parse_clause(text[s:e], s)
        if parsed and _all_agencies(parsed[1]):  # ——A、B · ——A牵头，B配合 · ——责任单位：A、B
            clauses.append((s, e, "——" if parsed[0] == "bare_list" else parsed[0], parsed[1]))
            taken.add(s, e)
    # 区科工信局负责第三条至第五条的受理和兑现，区投促局负责第六条的…: each body named before the
    # articles it answers for (pipeline.article_refs_owners gives it those articles)
    if "负责第" in text:
        for m in _DUTY_FOR_ARTICLES_RE.finditer(text):
            s, e = m.span("names")
            if taken.overlaps(s, m.end()):
                continue
            names = _names_with_roles(m.group("names"), s, "responsible")[1]
            if names and _all_agencies(names):
                clauses.append((s, m.end(), "负责", names))
                taken.add(s, m.end())
    if len(clauses) > n_paren:  # the paren clauses come in order; the others join them
        clauses.sort(key=lambda c: (c[0], c[1]))
    if refused:  # a note bracket closing a 责任单位：… line is part of that clause
        refused[:] = [(s, e) for s, e in refused if not taken.overlaps(s, e)]
    return _first_leads_below(text, clauses)


_DASH = "——"
_DASH_OPENERS = frozenset("。；;！!\n")  # what stands before a dash that opens a clause (blanks skipped)


def _dash_lists(text: str):
    """(start, end) of the names after each —— that opens a line or follows a sentence's end and runs
    to its line's end (less 。；; and blanks): 加快建设检验检测平台。——市市场监管局、市财政局 (a plan
    naming each measure's bodies after a dash). Found from the literal ——; _find_clauses keeps a run of bodies only.
    """
    pos = text.find(_DASH)
    while pos >= 0:
        after = pos + len(_DASH)
        while text.startswith("—", after):
            after += 1
        before = pos - 1
        while before >= 0 and text[before] in _BLANKS:
            before -= 1
        if before < 0 or text[before] in _DASH_OPENERS:
            end = text.find("\n", after)
            end = len(text) if end < 0 else end
            while end > after and text[end - 1] in "。；; \t\u3000":
                end -= 1
            while after < end and text[after] in _BLANKS:
                after += 1
            if 2 <= end - after <= 300:
                yield after, end
        pos = text.find(_DASH, after)


# a line opened by a label and a blank instead of its colon, its names running to the line's end
_UNCOLONED_LINE_RE = re.compile(r"^[ \t\u3000]*(" + _MARKER_LEVEL + r"(?:" + "|".join(MARKERS) + r")"
                                r"[ \t\u3000]+[^\s。：:；;][^\n。：:]*[^\s。：:；;])[ \t\u3000。；;]*$", re.M)


def _uncoloned_line_matches(text: str):
    """The _UNCOLONED_LINE_RE matches, sought only in a text where a label's ending stands before a blank."""
    if not _has_uncoloned_cue(text):
        return ()
    return _UNCOLONED_LINE_RE.finditer(text)


def _has_uncoloned_cue(text: str) -> bool:
    """Whether a label's ending (_LABEL_ENDINGS) stands right before a blank ( , \\t, \\u3000).

    Reads only the two characters before each blank, which a normalized text holds few of
    (str.find goes from one to the next), where an `in` test per ending and blank read the text 18 times.
    """
    return any(text[i - 2:i] in _LABEL_ENDINGS for blank in " \t\u3000" for i in positions(text, blank, 2))


def _before_unopened_brackets(text: str, start: int, end: int) -> int:
    """end less the closing brackets text[start:end] never opened (…；责任单位：市商务局）: the ）
    closes a bracket around the label, whose clause the bracket parse refused)."""
    while end > start and text[end - 1] in "）)":
        span = text[start:end]
        if span.count("（") + span.count("(") >= span.count("）") + span.count(")"):
            break
        end -= 1
    return end


def _in_marked_field(text: str, bracket: int) -> bool:
    """Whether a bracket stands in a labelled field on its line (牵头单位：市发改委（…）), right after a name.

    Brackets closed before it inside the field are a name's (各县(市、区)政府(管委会)); an unopened ） ends the field.
    """
    line_start = line_start_at(text, bracket)
    m = None
    for m in _MARKER_RE.finditer(text, line_start, bracket):
        pass
    if m is None or bracket <= m.end() or _SENTENCE_CUT_RE.search(text, m.end(), bracket):
        return False
    field = text[m.end():bracket]
    return field.count("（") + field.count("(") == field.count("）") + field.count(")")


_SENTENCE_CUT_RE = re.compile(r"[。；;！!？?]")


def _list_with_a_body(inner: str) -> bool:
    """A bracket listing names (A、B), one of them a public body's, that is no scope note (含A、B)."""
    return "、" in inner and not _SCOPE_NOTE_RE.match(inner) and any(map(looks_like_agency, _split_names(inner)))


def unlike_names(inner: str) -> list[str]:
    """The names of a refused bracket that do not look like a public body's (for the warning)."""
    return [n.strip() for n in _split_names(_MARKER_RE.sub("", inner)) if n.strip() and not looks_like_agency(n)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the spans (the clauses already taken)."""
    return any(start < e and s < end for s, e in spans)


class _Taken:
    """The spans of the clauses taken so far, which answers _overlaps by bisection.

    find_clauses adds a span only when it overlaps none taken (paren matches never overlap
    each other), so the spans sorted by start are also sorted by end: [start, end) overlaps
    one iff the last span starting before ``end`` ends after ``start``. (A labelled clause
    grown over the names on its next line, _names_below, may overlap one: from then on the
    spans are scanned one by one.) A scan per clause took time quadratic in their number.
    """

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.disjoint = True

    def add(self, start: int, end: int) -> None:
        if self.disjoint and (end <= start or self.overlaps(start, end)):
            self.disjoint = False
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        if not self.disjoint:
            return _overlaps(list(zip(self.starts, self.ends)), start, end)
        i = bisect_left(self.starts, end)  # the spans starting before end
        return i > 0 and self.ends[i - 1] > start


def _first_leads_below(text: str, clauses: list[tuple]) -> list[tuple]:
    """After a clause noting 列第一位的为牵头单位，下同, the first body of every later clause leads.

    The note is written once, on the first clause it governs; those below keep plain lists.
    A list right under a clause that names its own lead (牵头单位：A\n责任单位：B、C) has its lead.
    """
    for k, (start, end, _, _) in enumerate(clauses):
        span = text[start:end]
        if "下同" in span and "第一位" in span:
            for j in range(k + 1, len(clauses)):
                s, e, style, pieces = clauses[j]
                if pieces and pieces[0][3] == "responsible" and not _under_own_lead(text, clauses[j - 1], s):
                    clauses[j] = (s, e, style, [(*pieces[0][:3], "lead"), *pieces[1:]])
            break
    return clauses


def _under_own_lead(text: str, before: tuple, start: int) -> bool:
    """True when the clause ``before`` names a lead and only spaces, line breaks or a
    separator part it from the clause starting at ``start``: both are one block."""
    b_start, b_end, _, pieces = before
    if b_end > start or not any(p[3] == "lead" for p in pieces):
        return False
    return not text[b_end:start].strip(" \t\u3000\r\n；;，,")


# What may stand before the bodies that open a duty sentence: a dash (。——A牵头，B配合), a heading label (第五条,
# （三）, 2.) and a topic ending in 由 (专项资金由市科技局负责; not the 由 of 自由贸易区), or a
# reference to numbered provisions and 由 or a colon ((一)至(三)项由A负责 · 第一至二项：A牵头 at a line start: no label of its own).
_DUTY_LEAD_RE = re.compile(
    r"[ \t\u3000]*(?:——+[ \t\u3000]*)?(?:(?:第[零〇一二三四五六七八九十百0-9]{1,4}[条款项](?![、至到和及—\-～~－]|第)"
    r"|[（(][一二三四五六七八九十0-9]{1,3}[）)](?![、至到和及—\-～~－]|[（(])"
    r"|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,2}[.．、）)])[ \t\u3000]*)?"
    rf"(?:(?:以上|上述|前述)?{_REFS}(?:由|[：:][ \t\u3000]*)|[^。；;！\n（）()，,、由]{{0,20}}(?<!自)由)?")


def _names_below(text: str, start: int, end: int) -> int:
    """The end of a labelled clause text[start:end] whose names stand on the next line
    (责任单位：\n市科技局、市财政局) or run on to it after a separator (责任单位：A，B，\nC):
    that line's end if it lists only bodies, else ``end``."""
    if text[end:end + 1] != "\n" or text[start:end].rstrip(" \t\u3000")[-1:] not in "：:，,、":
        return end
    line_end = text.find("\n", end + 1)
    line_end = len(text) if line_end < 0 else line_end
    while line_end > end + 1 and text[line_end - 1] in "。；; \t\u3000":
        line_end -= 1
    _, pieces, _ = _names_with_roles(text[end + 1:line_end], end + 1, "responsible")
    return line_end if _all_agencies(pieces) else end


def _duty_sentence(text: str, start: int, end: int) -> tuple[int, tuple | None]:
    """(start, parsed clause) of a duty sentence text[start:end] (see _BARE_DUTY_RE), or (start, None).

    The bodies open the sentence, after a label and a topic (_after_duty_lead), or its last
    clause, after ，由 (设立产业基金，由市国资委负责，市投资集团参与); a prose sentence ending
    in 负责 must be a list of bodies, not a clause. In a 一是…；二是… run, ``start`` is already the last
    point's (_find_clauses moves it there with _last_point_start before its overlap test).
    """
    in_run = _ends_run(text, end) or _ends_run(text, _separator_before(text, start))  # …，省卫生健康委负责；二是…
    starts = [_after_duty_lead(text, start, end)]
    by = max(text.rfind("，由", start, end), text.rfind(",由", start, end))
    if by > start and _CUE_RE.search(text, start, by) is None:
        starts.insert(0, by + 2)  # 建设产业园区，由A牵头，B配合: before ，由 stands the task (no role word), not a body
    elif by > start:
        starts.append(by + 2)  # 由A牵头，由B配合: the sentence's start names the lead
    dot = text.rfind(".", start, end)  # …给予奖励.由市科技局牵头: a sentence ended by an ASCII full stop
    if dot > start and text[dot - 1] >= "\u4e00" and not text[dot + 1:dot + 2].isdigit():
        starts.append(dot + 1)
    # 所需资金由…承担，A、B按职责分工负责: the bodies of a duty suffix after the sentence's last comma
    # (one body named, not only 各地 or 有关部门: prose says 由企业自筹，各地按职责分工负责); in a point of a
    # run, a plain 负责 too (一是支持研究型病房建设，省卫生健康委负责；二是…), as its bracketed form (市科技局负责) is read
    comma = max(text.rfind("，", start, end), text.rfind(",", start, end))
    after_comma = comma + 1 if comma > start and (_DUTY_SUFFIX_RE.search(text, max(end - _DUTY_MAX, comma + 1), end)
                                                  or in_run and text.endswith("负责", comma + 1, end)) else -1
    if after_comma > 0:
        starts.append(after_comma)
    m = _DUTY_OBJECT_RE.search(text, start, end)  # A负责本辖区内…的组织实施: the bodies end at 负责
    if m:
        end = m.start()
    led = _led_after_comma(text, start, end)
    for s in starts + led:
        parsed = parse_clause(text[s:end], s)
        if parsed and parsed[0] != "bare_list" and _all_agencies(parsed[1]) and _government_where_needed(text, s, end, parsed[1]):
            if s == after_comma and not any(_named_body(p[0]) for p in parsed[1]) \
                    and not (in_run and _all_government(parsed[1])):
                continue  # 各地按职责分工负责 is prose; a run's point closed by 各区人民政府负责 names governments
            if s in led and not (any(p[3] == "lead" for p in parsed[1]) and all(_named_body(p[0]) or p[3] != "lead" for p in parsed[1])):
                continue
            return s, parsed
    return start, None


def _led_after_comma(text: str, start: int, end: int) -> list[int]:
    """Where a lead and its supports may open after a prose sentence's comma: after each of the last
    three commas, right to left, when the sentence ends in a support's word (…配备使用创新产品，省卫生健康委牵头，
    省医保局配合。, a point of a run closed without 由); _duty_sentence takes one only when it names a lead body."""
    if not _SUPPORT_SUFFIX_RE.search(text, max(start, end - 12), end):
        return []
    out, c = [], end
    for _ in range(3):
        c = max(text.rfind("，", start, c), text.rfind(",", start, c))
        if c <= start:
            break
        out.append(c + 1)
    return out


def _named_body(name: str) -> bool:
    """A body named as such (省财政厅), not a kind of bodies (各地, 有关部门, 州直有关部门, 各县人民政府)."""
    return name[0] != "各" and "有关" not in name and "相关" not in name and name.endswith(AGENCY_ENDINGS)


# A sentence naming only a lead (由市科技局牵头。) is a clause when it names bodies of government:
# prose ends in 牵头 too (支持龙头企业联合高校牵头。, 原则上由省级医疗机构牵头。).
_GOVERNMENT_ENDINGS = ("局", "委", "办", "厅", "部", "署", "政府", "管委会", "委员会", "办公室")
# Such sentences, and those whose second body backs the first with money (由A负责，B给予支持。: prose
# says 由企业负责，政府给予支持 and 市产业基金给予支持, and a fund is no support body here)
_GOVERNMENT_ONLY_ENDS = ("牵头", "牵头落实", "支持", "保障")


def _government_where_needed(text: str, start: int, end: int, pieces: list[tuple]) -> bool:
    """True unless a duty sentence ends as prose does (_GOVERNMENT_ONLY_ENDS) with a body not of government where it counts:
    every body of 由A牵头。, the backers of …，C给予资金保障。 (the part after the last comma; A and B of
    由A牵头，B具体实施，C给予资金保障 need only be bodies, 县医共体总院 among them)."""
    sentence = text[start:end].rstrip(" \t\u3000")
    if not sentence.endswith(_GOVERNMENT_ONLY_ENDS):
        return True
    if sentence.endswith(("牵头", "牵头落实")):  # 由A牵头落实。 as 由A牵头。
        return _all_government(pieces)
    backers = start + max(sentence.rfind("，"), sentence.rfind(","))
    return _all_government([p for p in pieces if p[1] > backers])


def _all_government(pieces: list[tuple]) -> bool:
    """True when every name ends as a government body's does (see _GOVERNMENT_ENDINGS)."""
    return all(_SECOND_NAME_RE.sub("", p[0]).endswith(_GOVERNMENT_ENDINGS) for p in pieces)


def _after_duty_lead(text: str, start: int, end: int) -> int:
    """Where the bodies of a duty sentence text[start:end] begin, past a label and a topic (see _DUTY_LEAD_RE)."""
    m = _DUTY_LEAD_RE.match(text, start, end)
    return m.end() if m.end() < end else start


def _unclosed_brackets(text: str):
    """(start, end) of each （ or ( that no bracket closes before its line's end, to that end
    less a closing 。；: the clause whose writer forgot the ）."""
    for i in sorted([*positions(text, "（"), *positions(text, "(")]):
        nxt = _NEXT_BRACKET_RE.search(text, i + 1)  # the next bracket or line break decides
        line_end = len(text) if nxt is None else nxt.start()
        if (nxt is not None and nxt.group() != "\n") or line_end - i > _MAX_PAREN_UNITS:
            continue
        end = line_end
        while end > i + 1 and text[end - 1] in "。；; \t\u3000":
            end -= 1
        yield i, end


_NEXT_BRACKET_RE = re.compile(r"[（()）\n]")


def _opening_brackets(text: str) -> int:
    """How many （ and ( the text holds (str.count; a half-width ( is often absent, which `in` tells fast)."""
    return text.count("（") + (text.count("(") if "(" in text else 0)


def _paren_matches(text: str) -> list[re.Match]:
    """The matches of _PAREN_RE.finditer(text), from one finditer per bracket form.

    When no match is over-long and no two of the two forms' matches overlap, they are
    exactly _PAREN_RE's (see _paren_matches_merged); otherwise that exact scan decides.
    """
    # `in` finds a bracket faster than the regex scans for it, and some texts lack one form
    full = list(_PAREN_FULL_RE.finditer(text)) if "（" in text else []
    half = list(_PAREN_HALF_RE.finditer(text)) if "(" in text else []
    found = sorted(full + half, key=lambda m: m.start()) if full and half else full or half
    end = 0
    for m in found:
        start, next_end = m.span()
        # group 1 is the match less its two brackets
        if start < end or next_end - start - 2 > _MAX_PAREN_UNITS:
            return _paren_matches_merged(text)
        end = next_end
    return found


def _paren_matches_merged(text: str) -> list[re.Match]:
    """The matches of _PAREN_RE.finditer(text), found with one search per bracket form.

    Keeps the next match of each form at or after the scan position; the earlier of the
    two is the next match of _PAREN_RE (neither regex looks behind its start).
    _search_paren keeps _PAREN_RE's bound on a match's length.
    """
    out = []
    full, half = _search_paren(_PAREN_FULL_RE, text, 0), _search_paren(_PAREN_HALF_RE, text, 0)
    while full or half:
        m = full if half is None or (full is not None and full.start() < half.start()) else half
        out.append(m)
        pos = m.end()
        if full is not None and full.start() < pos:
            full = _search_paren(_PAREN_FULL_RE, text, pos)
        if half is not None and half.start() < pos:
            half = _search_paren(_PAREN_HALF_RE, text, pos)
    return out


def _search_paren(rx: re.Pattern, text: str, pos: int) -> re.Match | None:
    """rx.search(text, pos) less the matches _PAREN_RE refuses for holding over 600 units."""
    m = rx.search(text, pos)
    while m is not None and m.end(1) - m.start(1) > _MAX_PAREN_UNITS:
        exact = _PAREN_RE.match(text, m.start())
        if exact:
            return exact
        m = rx.search(text, m.start() + 1)
    return m


def _bare_marker_matches(text: str):
    """The matches of _BARE_MARKER_RE.finditer(text), trying the regex only before colons.

    A match starts with a marker word, spaces and a colon, the marker standing right after
    。；;！ or a line break (or at the text's start) and perhaps some spaces. The scan
    resumes where the last match ended.
    """
    end = 0
    colons = sorted([*positions(text, "："), *positions(text, ":")])
    for c in colons:
        k = c
        while k > 0 and text[k - 1].isspace():  # \s* before the colon
            k -= 1
        if text[k - 2:k] not in _LABEL_ENDINGS:
            continue  # every marker word ends in one (单位, 部门…): most colons follow none
        for n in _MARKER_LENGTHS:  # the first marker before the colon whose start the regex accepts
            j = _marker_start(text, k - n) if k >= n and text[k - n:k] in MARKERS else None
            if j is not None:
                break
        if j is None or j < end:
            continue
        m = _BARE_MARKER_RE.match(text, j)
        if m:
            yield m
            end = m.end()


def _marker_start(text: str, j: int) -> int | None:
    """Where a _BARE_MARKER_RE match with its marker word at j starts, or None if none can.

    Over the spaces before j, back to a sentence's end or bracket; else right after the
    first of those spaces (the earliest place the regex's look-behind accepts). A level
    before the marker (市级责任单位：) starts the match.
    """
    if text[j - 2:j] in _MARKER_LEVELS and j >= 2:
        j -= 2
    k = j
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    if k == 0 or text[k - 1] in _BARE_MARKER_BEFORE:
        return k
    return k + 1 if k < j else None


def _bare_duty_matches(text: str):
    """The matches of _BARE_DUTY_RE.finditer(text), searching only lines that may end in a duty word.

    A match never crosses a line break and must reach its line's end, so searching each
    such line on its own (ending the search at the line break) finds the same matches;
    a line the test lets through in vain (…实。 or a trailing space) just holds none.
    """
    line_ends = [m.start() for m in _DUTY_LINE_BREAK_RE.finditer(text)]
    if text.rstrip(" \t\u3000。；;").endswith(_DUTY_LINE_ENDS):  # the last line, with no break after it
        line_ends.append(len(text))
    for line_end in line_ends:
        yield from _BARE_DUTY_RE.finditer(text, text.rfind("\n", 0, line_end) + 1, line_end)


# a completion time closing a duty sentence's paragraph: 由A负责，B配合，2025年12月底前完成。 · ，确保2026年6月底前完成
# (a county's task list writes its deadline after the bodies; the deadline is none of them)
_DUTY_DEADLINE_TAIL_RE = re.compile(r"[，,；;][ \t\u3000]*(?:(?:确保|力争|并于|于)[ \t\u3000]*)?(?:[0-9０-９]{4}[ \t\u3000]*年"
                                    r"[^，,；;、（）()。\n]{0,12}|长期坚持|持续推进|长期推进)" + _PARAGRAPH_END)


def _deadline_duty_matches(text: str):
    """The matches of _BARE_DUTY_RE on each line that closes with a deadline (_DUTY_DEADLINE_TAIL_RE) or a
    确保 aim (_ENSURE_TAIL_RE), searched before the tail.

    Only lines that can hold such a tail are read, each once: those whose last character (less 。；;
    and spaces) a deadline ends in, found from the line breaks (a pattern opening with the literal
    break, which the regex engine scans for fast), and those holding 确保 (str.find). Scanning the
    whole text with patterns that open on a character class had cost the agencies stage 12%.
    """
    ends = [m.start() for m in _DEADLINE_BREAK_RE.finditer(text)]
    if text.rstrip(" \t\u3000。；;").endswith(_DEADLINE_LAST_CHARS):  # the last line, with no break after it
        ends.append(len(text))
    for end in ends:
        start = text.rfind("\n", 0, end) + 1
        if _DEADLINE_LINE_END_RE.search(text, start, end):
            tail = _DUTY_DEADLINE_TAIL_RE.search(text, start, end)  # the first separator the tail runs on from
            if tail:
                yield from _BARE_DUTY_RE.finditer(text, start, tail.start())
    pos = text.find("确保")
    while pos >= 0:  # 由A负责，B配合，确保资金按时发放到位。
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        tail = _ENSURE_TAIL_RE.search(text, start, end)  # a line holds one at most: the tail runs to its end
        if tail:
            yield from _BARE_DUTY_RE.finditer(text, start, tail.start())
        pos = text.find("确保", end)


# the opener of a run's next point after its separator: 二是 … 十是 (a measure's points set inline, 一是…；二是…),
# or （2）…（9）, （二）…（十） (（1）…；（2）…); the first point's opener never follows a separator
_POINT_OPENER_RE = re.compile(r"[ \t\u3000]*(?:[二三四五六七八九十]是|[（(][2-9二三四五六七八九十][）)])")
_POINT_SEPARATORS = "。；;"
_POINT_NUMERALS = frozenset("二三四五六七八九十")
# （2） and (2) openers, each pattern opening with its literal bracket (which the regex engine scans for fast)
_BRACKET_POINT_RES = tuple(re.compile(b + r"[2-9二三四五六七八九十][）)]") for b in ("（", r"\("))
_BLANKS = frozenset(" \t\u3000")


def _point_opener_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each opener a _POINT_OPENER_RE match ends in starts within text[start:end], ascending: the
    numeral of 二是 (found from the literal 是) and the bracket of （2） (_BRACKET_POINT_RES)."""
    end = len(text) if end is None else end
    out = [p - 1 for p in positions(text, "是", start + 1, end) if text[p - 1] in _POINT_NUMERALS]
    for rx in _BRACKET_POINT_RES:
        out += [m.start() for m in rx.finditer(text, start, end)]
    return sorted(out)


def _ends_run(text: str, i: int) -> bool:
    """True when text[i:] is the separator before the next point of a run (；二是, 。三是), perhaps after spaces."""
    if i < 0:
        return False
    while text[i:i + 1] in _BLANKS:
        i += 1
    return text[i:i + 1] in _POINT_SEPARATORS and _POINT_OPENER_RE.match(text, i + 1) is not None


def _run_duty_matches(text: str):
    """The matches of _BARE_DUTY_RE closing a point of a run, each point read up to the separator before the
    next one's opener (一是…，由省卫生健康委负责；二是…由省医保局负责。 · 一是…，省卫生健康委负责；二是…):
    a paragraph's runs name a body for each point, and only the last point's clause closes the paragraph.

    The openers are found from the literal 是 (str.find; 是 is rarer than the separators, of which 。 closes
    most sentences); _BARE_DUTY_RE runs only on the points that end in a duty word's last character
    (_RUN_DUTY_LAST), on the point's line up to the separator, where its closing look-ahead finds the end it needs.
    """
    for opener in _point_opener_starts(text):
        sep = opener - 1
        while sep > 0 and text[sep] in _BLANKS:
            sep -= 1
        end = sep
        while end > 0 and text[end - 1] in _BLANKS:
            end -= 1
        last = end  # the point's last character, a doubled separator (负责；；二是) passed over
        while last > 0 and (text[last - 1] in _BLANKS or text[last - 1] in _POINT_SEPARATORS):
            last -= 1
        if sep >= 0 and text[sep] in _POINT_SEPARATORS and (text[last - 1:last] in _RUN_DUTY_LAST
                                                            or text.startswith(_RUN_DUTY_WORDS, last - 2, last)):
            yield from _BARE_DUTY_RE.finditer(text, text.rfind("\n", 0, end) + 1, end)


# the last characters a _BARE_DUTY_RE match can end in (负责, 配合, 参与, 协助, 协同, 落实, 实施, 牵头, 推进, 支持,
# 保障, 兑现, …的组织实施工作): a point ending in none holds no clause, nor one ending in 理 or 核 but not in 受理 or 审核
_RUN_DUTY_LAST = frozenset("责合与助同实施头进持障现作")
_RUN_DUTY_WORDS = ("受理", "审核")  # _CASH_DUTY's other ends, read whole (管理, 处理 end in 理 too)


def _last_point_start(text: str, start: int, end: int) -> int:
    """Where the last point of a run in text[start:end] starts (the 二 of …；二是…), else start: a clause
    closing a run's point answers for that point, and a 由 of an earlier point is none of its bodies."""
    for opener in reversed(_point_opener_starts(text, start, end)):
        if opener > start and _ends_run(text, _separator_before(text, opener)):
            return opener
    return start


def _separator_before(text: str, i: int) -> int:
    """The index of the character before text[i], blanks skipped (where a point's separator stands)."""
    i -= 1
    while i > 0 and text[i] in _BLANKS:
        i -= 1
    return i


# an aim closing a duty sentence's paragraph after its bodies: 由A负责，B配合，确保补贴资金按时足额发放。
_ENSURE_TAIL_RE = re.compile(r"[，,][ \t\u3000]*确保[^，,；;。！\n]{1,30}" + _PARAGRAPH_END, re.M)


# the characters a deadline can end in (完成, 底前, 6月, 持续推进); a line's end after one, perhaps before 。；; and spaces
_DEADLINE_LAST = "成前底月年内持进坚"
_DEADLINE_LAST_CHARS = tuple(_DEADLINE_LAST)
_DEADLINE_LINE_END_RE = re.compile(rf"[{_DEADLINE_LAST}][。；;]?[ \t\u3000]*$", re.M)
# the line breaks after such an end, or after a blank (a superset, which _DEADLINE_LINE_END_RE then checks)
_DEADLINE_BREAK_RE = re.compile(rf"\n(?:(?<=[{_DEADLINE_LAST} \t\u3000]\n)|(?<=[{_DEADLINE_LAST} \t\u3000][。；;]\n))")


def _role_is_matches(text: str):
    """The matches of _ROLE_IS_RE.finditer(text), searching only the lines that hold a cue (_ROLE_IS_CUE_RE).

    A match never crosses a line break and holds a cue, so the lines without one hold none."""
    line_end = -1
    for cue in _ROLE_IS_CUE_RE.finditer(text):
        if cue.start() < line_end:
            continue  # this cue's line was searched
        line_end = text.find("\n", cue.end())
        line_end = len(text) if line_end < 0 else line_end
        yield from _ROLE_IS_RE.finditer(text, text.rfind("\n", 0, cue.start()) + 1, line_end)


def _role_is_sentence(sentence: str, base: int) -> tuple | None:
    """(style, pieces) of a sentence stating roles with 为 (A为牵头单位，B为配合单位 · 牵头单位为A), or None.

    Only when every name is a government body's (_all_government): prose says 以企业为实施主体 too."""
    pieces, style, pos = [], None, 0
    for part in _ROLE_PART_SPLIT_RE.split(sentence):
        start, pos = pos, pos + len(part) + 1
        m = _ROLE_IS_PART_RE.fullmatch(part, len(part) - len(part.lstrip(" \t\u3000")), len(part.rstrip(" \t\u3000")))
        if m is None:
            return None
        names = "names" if m.group("label") else "names2"
        label = m.group("label") or m.group("label2")
        style = style or label
        pieces += _split_pieces(m.group(names), base + start + m.start(names), MARKERS[label])
    return (style, pieces) if pieces and _all_government(pieces) else None


def _clause(start: int, end: int, style: str, pieces: list[tuple[str, int, int, str]]) -> dict:
    """Build one clause record, numbering agencies by their order in the clause."""
    return {"start": start, "end": end, "style": style,
            "agencies": [{"agency": name, "start": s, "end": e, "role": role, "position": i}
                         for i, (name, s, e, role) in enumerate(pieces)]}
