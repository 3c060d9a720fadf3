"""Document metadata inferred from the text itself (title, issuer, number, date, plan years, level,
region), and merged with the manifest, which wins."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from .hanzi import simplified_view
from .normalize import HEADING_START
from .structure import policy_after_interpretation
from .numerals import ANNEX_LABEL, date_part, heading_number, year_value
from .scan import has_whitespace, positions

FIELDS = ("title", "issuer", "doc_number", "date", "period", "plan_start", "plan_end", "level", "region")
HEAD_LINES = 40  # the notice header, 落款 and plan title sit within the first lines

_PLAN_WORDS = re.compile(r"方案|计划|措施|意见|办法|规划|通知|若干|细则|纲要|规定|政策|条例|决定|指引|指南|规则|要点")
# the words a body's name ends in (政策研究室, 某某海关, 银保监会, 人民银行 and 供销合作社联合社 sign too)
_ORG_END_WORDS = ("人民政府", "政府", "办公厅", "办公室", "委员会", "管委会", "管理委员会", "常委会", "局", "委", "厅", "部",
                  "院", "署", "办", "中心", "联合会", "联合社", "协会", "研究室", "海关", "监会", "银行")
_ORG_END = re.compile(f"(?:{'|'.join(_ORG_END_WORDS)})$")
_CN_NUM = "〇○零Ｏ一二三四五六七八九十"
_DATE_AR = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# a year typed with the letter O or the digit 0 for its zeros (二OO六年, 二00五年, in law databases' copies) is one too
_DATE_CN = re.compile(rf"([{_CN_NUM}O0]{{4}})\s*年\s*([{_CN_NUM}]{{1,3}})\s*月\s*([{_CN_NUM}]{{1,3}})\s*日")
_DATE_ISO = re.compile(r"(?:日期|时间)[：:\s]*(\d{4})[-./](\d{1,2})[-./](\d{1,2})")  # 发布日期：, 成文日期：, 发布时间：
# a labelled date a copied page wrote without separators: 发布日期：20220519, 发布时间：2022519
_DATE_COMPACT = re.compile(r"(?:日期|时间)[：:\s]*((?:19|20)\d{2})(\d{3,4})(?!\d)")


def _compact_date(s: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a labelled date without separators, only where it surely is one: 20220519,
    or seven digits read one way alone (2022519 is May 19, as 51 is no month; 2022112 may be 1/12 or 11/2)."""
    m = _DATE_COMPACT.search(s)
    if m is None:
        return None
    year, rest = int(m.group(1)), m.group(2)
    if len(rest) == 4:
        splits = [(rest[:2], rest[2:])]
    else:  # month and day of one and two digits, a two-digit one not starting with 0 (105 is 10/5, not 1/05)
        splits = [(mo, d) for mo, d in ((rest[:1], rest[1:]), (rest[:2], rest[2:])) if len(max(mo, d, key=len)) == 1
                  or not max(mo, d, key=len).startswith("0")]
    valid = [(int(mo), int(d)) for mo, d in splits if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31]
    return (year, *valid[0]) if len(valid) == 1 else None
# 津政办规〔2025〕1号; web pages also write ﹝2021﹞ and 【2021】, some full-width digits, and a simplified page 號
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔［\[（(﹝【]\s*(?:19|20|１９|２０)\d{2}\s*[〕］\]）)﹞】]\s*第?\s*\d{1,4}\s*[号號]")
_DASH = r"[—\-–－~～至到]+"
_RANGE_PAREN_BODY = rf"\s*((?:19|20)\d{{2}})\s*年?\s*{_DASH}\s*((?:19|20)\d{{2}})\s*年?\s*[）)]"
_RANGE_PAREN = re.compile(rf"[（(]{_RANGE_PAREN_BODY}")
# _RANGE_PAREN for each opening bracket: a literal first character is faster to scan for.
_RANGE_PAREN_RES = (re.compile(rf"（{_RANGE_PAREN_BODY}"), re.compile(rf"\({_RANGE_PAREN_BODY}"))
_RANGE_TERM_BODY = rf"[为是自从：:\s]*((?:19|20)\d{{2}})\s*年?\s*{_DASH}\s*((?:19|20)\d{{2}})\s*年"
_RANGE_TERM = re.compile(rf"(?:实施期限|执行期限|规划期|期限|实施期|时间|有效期){_RANGE_TERM_BODY}")
# _RANGE_TERM's groups from two regexes with a literal first character (faster to scan for):
# one starts at the 期 of 期限 (which 实施期限 and 执行期限 end in), 规划期, 实施期 or 有效期,
# the other at 时间. The leftmost of their first matches has the groups of _RANGE_TERM's.
_RANGE_TERM_RES = (re.compile(rf"期(?:限|(?<=规划期|实施期|有效期)){_RANGE_TERM_BODY}"),
                   re.compile(rf"时间{_RANGE_TERM_BODY}"))
# 到2026年 (a plan's horizon), not a date (有效期至2028年6月30日 is read by _in_force, with its sentence)
# a year written digit by digit in Chinese numerals: 二〇二六, 一九九八
_CN_YEAR_DIGITS = r"[一二][〇○零Ｏ九][〇○零Ｏ一二三四五六七八九]{2}"
_UNTIL = re.compile(rf"(?:到|至)\s*((?:19|20|１９|２０)\d{{2}}|{_CN_YEAR_DIGITS})\s*年"
                    r"(?!\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月)")
_PLACE = r"[^\s人民政府办公厅室关于印发的，。、《》（）()“”\d]"
# 杭州市 is a city named 杭州, not the 州 杭 followed by 市…; a bare 州 ends a city only
# when no 市 follows (甘孜州). The 市 of 市场 ends no city: 南坪县市场监督管理局 is a county's bureau.
# An autonomous prefecture's or county's name holds its peoples' and runs longer (黔东南苗族侗族自治州, 双江拉祜族佤族布朗族傣族自治县).
_REGION = re.compile(rf"^(?:({_PLACE}{{1,6}}?(?:省|自治区)))?"
                     rf"(?:({_PLACE}{{1,6}}?(?:市(?!场)|盟|地区)|{_PLACE}{{1,14}}?自治州|{_PLACE}{{1,6}}?州(?!市)))?"
                     rf"(?:({_PLACE}{{1,14}}?自治[县旗]|{_PLACE}{{1,6}}?(?:新区|区|县|旗)))?")


_SPACES = re.compile(r"\s+")


def _clean(s: str) -> str:
    """Remove all whitespace (stray spaces inside titles and names)."""
    if not has_whitespace(s):  # cheap test first
        return s
    return _SPACES.sub("", s)


def _search_at_years(regex, s: str):
    """regex.search(s) for _DATE_AR or _DATE_CN, tried only where a match can start: before each 年.

    Their matches start with a year of four characters, blanks and 年, so the 年 fixes
    where a match can start; in order of the 年, the first match is the leftmost. A scan
    for 年 is much faster than the regex's own scan, which tries every digit or numeral.
    """
    for year_end in positions(s, "年"):
        while year_end and s[year_end - 1].isspace():  # isspace is \s
            year_end -= 1
        if year_end >= 4:
            m = regex.match(s, year_end - 4)
            if m:
                return m
    return None


def parse_date(s: str) -> str:
    """'2024年8月17日' or '二〇二四年八月十七日' (first one found in s) → '2024-08-17'; '' if none."""
    if "日" not in s and "时间" not in s:  # each form ends in 日 or holds 日期 or 时间 (发布时间：2024-06-01 16:30)
        return ""
    m = _search_at_years(_DATE_AR, s) if "日" in s else None
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _search_at_years(_DATE_CN, s) if "日" in s else None
        if not m:
            m = _DATE_ISO.search(s)
            if not m:
                compact = _compact_date(s)
                if compact is None:
                    return ""
                y, mo, d = compact
            else:
                y, mo, d = (int(g) for g in m.groups())
        else:
            y, mo, d = (date_part(g.replace("O", "〇").replace("0", "〇")) for g in m.groups())
            if None in (y, mo, d):
                return ""
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _is_date_line(line: str) -> bool:
    """True when a line holds nothing but a date (the 落款 date), centred by blanks or behind a page's lost indents."""
    if "日" not in line or (len(line) > 60 and (not line[0].isspace() or len(line.strip()) > 60)):
        return False  # cheap test first: most lines are body text (a 落款 centred by blanks is short after them)
    s = _clean(line)
    if s.startswith("??"):  # indents a page lost to a code page without its blanks (??2018年5月14日)
        s = s.lstrip("?")
    return bool(s) and bool(_DATE_AR.fullmatch(s) or _DATE_CN.fullmatch(s))


_NOTICE_ENDS = ("通知", "决定", "通告", "公告", "函")  # the words a notice's title ends in


# (a head line, without newlines: only a line starting with 签 or ending in 号 can match)
_NOT_TITLE_LINE = re.compile(r"^\s*签\s*发\s*人|[〔［﹝【\[(（][0-9０-９]{4}[〕］﹞】\])）]\s*[0-9０-９]+\s*号\s*$")


# a red head: a body's name and 文件 on a line of its own (中共某某市委办公厅文件)
_RED_HEAD_LINE = re.compile(rf".{{2,40}}(?:{'|'.join(_ORG_END_WORDS)})文件")


# a copied page's line of its own facts above the title: 发布时间:2024-11-01 来源:…, 浏览量: 时间:…
_PAGE_INFO_LINE = re.compile(r"[ \t\u3000\xa0]*(?:发布(?:时间|日期)|信息来源|来源|浏览(?:量|次数)|访问(?:量|次数)|时间)"
                             r"[ \t\u3000\xa0]*[:：]")


_RED_HEAD_SCAN = 15  # lines of a copied page's head within which the red head stands


def _red_head_bodies(lines: list[str]) -> list[str]:
    """The bodies a red head names (湖南省人民政府办公厅文件; 甲市财政局  乙市科技局文件), for a text whose 落款 and
    notice title name none (a copy that lost its 落款, a site's blurb run into the title)."""
    for ln in lines[:_RED_HEAD_SCAN]:
        if ln.rstrip().endswith("文件") and _RED_HEAD_LINE.fullmatch(_clean(ln)):
            names = _split_issuers(ln.strip()[:-2])
            return names if names and all(n.endswith(_ORG_END_WORDS) for n in names) else []
    return []


# a notice's number set before its title on one line (财科教【2017】6号 财政部 科技部关于…的通知; a flat copy's
# 某政办发〔2019〕24号某县人民政府办公室关于印发…): group 1 is what follows it
_LEADING_NUMBER = re.compile(rf"\s*{_DOC_NUMBER.pattern}\s*(\S.*)")


def _without_leading_number(line: str) -> str:
    """A head line without the number set before its notice title (what follows names 关于 or 印发); as it is else."""
    if "号" not in line[:40] and "號" not in line[:40]:  # cheap test first
        return line
    m = _LEADING_NUMBER.match(line)
    return m.group(1) if m and ("关于" in m.group(1) or "印发" in m.group(1)) else line


def _head_block(lines: list[str]) -> str:
    """The notice title: the first non-blank lines joined, up to the line ending in 通知/决定 (max 5 lines)."""
    out = []
    for ln in lines:
        if not ln.strip():
            if out and _clean("".join(out)).endswith(_NOTICE_ENDS + ("意见",)):
                break
            continue
        if (ln.lstrip().startswith("签") or ln.rstrip().endswith("号")) and _NOT_TITLE_LINE.search(ln):
            continue  # 北政办发〔2025〕8号 and 签发人：… stand between issuer and title
        if ln.rstrip().endswith("文件") and _RED_HEAD_LINE.fullmatch(_clean(ln)):
            continue  # the red head (湖南省人民政府办公厅文件) above the number: the issuer's name, no title
        if not out and (_is_page_chrome(ln) or _PAGE_INFO_LINE.match(ln)):
            continue  # 首页 > 政务公开 > 政策文件, 发布时间：… 来源：… above a copied page's title
        ln = _title_and_number(ln)[0]  # …的通知（某政办发〔2023〕9号）: the title without its number
        ln = _without_leading_number(ln)
        ln = _unbracketed_notice(ln)
        out.append(ln)
        if _clean(out[-2].rstrip()[-2:] + ln if len(out) > 1 else ln).endswith(_NOTICE_ENDS) or len(out) >= 5:  # …的通⏎知 too
            break
    return "".join(out)


# a notice's title as a copy site or a page names it: in 《》, perhaps behind its number
_BRACKETED_NOTICE = re.compile(rf"(?:{_DOC_NUMBER.pattern})?《(?P<title>[^《》]+)》")


def _unbracketed_notice(line: str) -> str:
    """A notice's title line written in 《》 (京政办发〔2016〕26号《…办公厅关于印发〈Y〉的通知》) as the title alone,
    so the bodies before 关于印发 read as its issuer; any other line as it stands."""
    if not line.rstrip().endswith("》"):  # cheap test first
        return line
    m = _BRACKETED_NOTICE.fullmatch(_clean(line))
    return m.group("title") if m and m.group("title").endswith(_NOTICE_ENDS + ("意见",)) else line


_ISSUER_SPLIT = re.compile(r"[\s、,，;；]+")


def _split_issuers(s: str) -> list[str]:
    """Joint issuers written side by side ('甲人民政府  乙局') → ['甲人民政府', '乙局']."""
    parts = [p for p in _ISSUER_SPLIT.split(s.strip()) if len(p) >= 2]
    return parts


# a decree's 落款 of its signer and the date on one line, as a law database's copy sets it: 自治区主席 陈 武 2016年12月6日
_SIGNER_DATE_LINE = re.compile(rf"(?:自治区|自治州|自治县)?(?:主席|[省市区县州]长|部长|局长|主任|署长)[\u4e00-\u9fff]{{2,4}}(?:{_DATE_AR.pattern}|{_DATE_CN.pattern})")


def _is_signer_date_line(line: str) -> bool:
    """True for a line of a signer's office, name and the date, nothing else (省长 王某某 2024年5月6日)."""
    return len(line) <= 40 and ("长" in line or "主" in line) and bool(_SIGNER_DATE_LINE.fullmatch(_clean(line)))


def _signature_date_line(head_lines: list[str], text: str) -> tuple[list[str], int | None]:
    """(lines, index) of the 落款 date: the first full-line date (or signer and date) in the header, else the last
    full-line date in the text.

    The lines are the header's when it holds the date; only otherwise is the whole text
    split, and searched from the end up.
    """
    for i, ln in enumerate(head_lines):
        if "日" in ln and (_is_date_line(ln) or _is_signer_date_line(ln)):  # 日: cheap test first
            return head_lines, i
    if len(head_lines) < HEAD_LINES:  # the header is the whole text
        return head_lines, None
    lines = text.split("\n")
    for i in range(len(lines) - 1, len(head_lines) - 1, -1):
        if "日" in lines[i] and _is_date_line(lines[i]):
            return lines, i
    return lines, None


_SIGNATURE_LINES = 6  # lines above the 落款 date within which its last body stands (seven ministries set three a line)
_SIGNATURE_GAP = 2  # blank lines that may stand between two lines of a 落款's bodies (a page's <p> between rows)
_SIGNATURE_ROWS = 30  # lines of bodies a 落款 may hold (two dozen ministries one a line: 发改社会〔2019〕1427号 has 21)
# a 落款's line saying whose seal a body without one of its own used: （国家中医药管理局代章） under 某联席会议办公室
_SEAL_NOTE = re.compile(r"[（(][^（）()]{2,30}代章[）)]")


def _signature_names(s: str) -> list[str]:
    """The bodies a 落款 line names: split at blanks and commas, or one name spaced out to a row's width (教  育  部)."""
    parts = _split_issuers(s)
    if not parts:
        chars = _ISSUER_SPLIT.split(s.strip())
        if len(chars) > 1 and all(len(c) == 1 for c in chars):
            return ["".join(chars)]
    return parts


def _signature(head_lines: list[str], text: str) -> tuple[list[str], str]:
    """The 落款: (issuer lines directly above the first full-line date, that date) — header first, else last.

    head_lines are the text's first HEAD_LINES lines. A 落款 of bodies in rows (six bureaus two a row) may
    have a blank line or two between its rows; each row counts, the blanks between them do not.
    """
    lines, i = _signature_date_line(head_lines, text)
    if i is None:
        return [], ""
    orgs: list[str] = []
    j, rows, blanks = i - 1, 0, 0
    while j >= 0 and (i - j <= _SIGNATURE_LINES if not orgs else rows < _SIGNATURE_ROWS):
        s = lines[j].strip()
        if not s:
            blanks += 1
            if orgs and blanks > _SIGNATURE_GAP:
                break
            j -= 1
            continue
        blanks = 0
        # the length first: the line above the 落款 is often a long paragraph
        # a labelled line (责任单位：…) above the 落款 is the last measure's, not a signature
        parts = _signature_names(s) if len(_clean(s)) <= 40 and "：" not in s and ":" not in s else None
        if not orgs and s.endswith(("）", ")")) and _SEAL_NOTE.fullmatch(_clean(s)):
            j -= 1  # the seal's note stands between the body and the date
            continue
        # an addressee (各区人民政府) is no body of the 落款
        if parts and all(p.endswith(_ORG_END_WORDS) and p[0] != "各" for p in parts):  # parts hold no newline
            orgs = parts + orgs
            rows += 1
            j -= 1
            continue
        break
    return orgs, parse_date(lines[i])


# the plan's title as the head cites it: in the 印发 (or a 批转 notice's 转发) sentence, or a 政府令's 《…》已经…现予公布
# (its approval may stand between: 《X》已经市政府第48次常务会议研究通过，现印发给你们; a body's 印发的《Y》 cites Y;
# the 印发 of a notice cited next, 《X》，按照《关于印发…》, issues no X; a report's 制定印发了《X》 and 先后印发《X》《Y》
# tell of plans issued before, not of the text's own)
_CITED_TITLE_RES = (re.compile(r"《([^《》\n]{4,80})》(?:[和、及与，,]?《[^《》\n]{4,80}》)*(?:已经[^。\n《》]{0,40}?[，,])?"
                               r"[^。\n《]{0,12}(?:印发|转发)"),
                    re.compile(r"(?<!先后)(?<!相继)(?<!陆续)印发(?![的了])[^。\n《]{0,6}《([^《》\n]{4,80})》"),
                    re.compile(r"《([^《》\n]{4,80})》已经[^。\n]{0,60}?(?:现予|予以)(?:公布|发布)"),
                    re.compile(r"征求[^。\n《]{0,6}《([^《》\n]{4,80})》[^。\n《》]{0,4}意见"),  # a draft put out for comment
                    re.compile(r"《([^《》\n]{4,80}[（(]征求意见稿[）)])》"))  # …起草了《X（征求意见稿）》，现公开征求意见
# 关于印发Y的通知, or a body's name straight before 印发 (南昌市人民政府办公室印发Y的通知)
_NOTICE_OF_PLAN = re.compile(rf"(?:关于|^|(?<=[{''.join(sorted({w[-1] for w in _ORG_END_WORDS}))}]))印发(.+?)的(?:通知|决定)$")
_TITLE_YEARS_LINE = re.compile(r"[（(]\d{4}.{1,3}\d{4}年?[）)]")


# the words of a site's navigation and reading controls that a copied page keeps above its text
# (a breadcrumb without 首页 has two > between its places: 政务公开 > 政策公开 > 规范性文件)
_PAGE_CHROME = re.compile(r"首页|无障碍|长者模式|关怀版|[【\[]?字[号体][：:]|打印本页|分享到|->|>>|＞＞|[>＞][^>＞]{1,16}[>＞]|"
                          r"^[【\[]?(?:返回顶部|返回|关闭窗口|关闭|打印)[】\]]?$|"  # a button alone on its line
                          r"^(?:精确|模糊|高级|全文|站内|开始|一键)?(?:检索|搜索)$|"  # a search box's words (精确检索, 开始检索)
                          r"(?i:tab)[ ]?(?:键|按钮)|跳过导航|跳转到主要内容")  # a screen reader's hint (请使用tab按钮切换浏览)


def _is_page_chrome(line: str) -> bool:
    """True for a line of a site's navigation (首页 > 政策解读), reading controls (无障碍浏览 长者模式), a button
    alone (返回顶部, 【关闭窗口】), a search box's words alone (精确检索, 开始检索) or a screen reader's hint
    (正文内容区域请使用tab按钮切换浏览, 跳过导航)."""
    return ("首页" in line or "无障碍" in line or "模式" in line or "版" in line or "字" in line or ">" in line
            or "＞" in line or "分享" in line or "返回" in line or "关闭" in line or "打印" in line
            or "检索" in line or "搜索" in line or "键" in line or "按钮" in line or "导航" in line or "主要内容" in line) \
        and bool(_PAGE_CHROME.search(line.strip()))


# a title's last words: a document's kind, perhaps with a bracket after it (（试行）, （2024—2026年）)
_TITLE_END_RE = re.compile(rf"(?:{_PLAN_WORDS.pattern})(?:[（(][^（）()]{{1,12}}[）)])?$")


def _is_title_end(line: str, following: str) -> bool:
    """True when a title wraps onto the next line: line does not end in a document's kind, and the short line
    after it (no sentence) does: 某市人民政府关于贯彻落实《某省若干措施》⏎的实施意见."""
    return (0 < len(following) <= 20 and not _NOT_IN_NAMES.search(following)
            and _TITLE_END_RE.search(line[-20:]) is None and _TITLE_END_RE.search(following) is not None)


def _word_cut(line: str, following: str) -> bool:
    """True when a title's line breaks inside a document's kind (…产业发展规⏎划（2021—2025年）): the
    line ends in the kind's first character, the short line after it (no sentence) starts with its second."""
    return (bool(line) and 0 < len(following) <= 20 and _PLAN_WORDS.match(line[-1] + following[0]) is not None
            and not _NOT_IN_TITLES.search(following))


_TITLE_SCAN_LINES = 15  # the lines of a head within which a plan's own title line stands


def _years_then_kind(following: str) -> bool:
    """True for a title's second line that opens with the period of the plan it implements and ends in its own
    kind: 某某发展战略规划纲要⏎（2016—2030年）实施分工方案."""
    return (len(following) <= 30 and _TITLE_YEARS_LINE.match(following) is not None
            and _TITLE_END_RE.search(following) is not None and not _NOT_IN_TITLES.search(following))


def _title(lines: list[str], head_text: str, notice: str) -> str:
    """Plan title: 《…》 in the 印发 sentence, else 'X关于印发Y的通知' → Y, else a plan-title line."""
    clean_notice = _clean(notice)
    m = _NOTICE_OF_PLAN.search(clean_notice) if "印发" in clean_notice else None
    named = m.group(1).strip("《》") if m else ""
    if "关于印发" in named:  # a news headline over the notice (国务院印发X(附全文)⏎…办公厅关于印发X的通知): the notice's
        named = named.rsplit("关于印发", 1)[1].strip("《》")
    if "《" in head_text:  # each of _CITED_TITLE_RES needs one
        # above the first heading: a plan that cites another in its tasks (加快推进《某省数据条例》立法进程，印发…)
        # names no title of its own there
        cited_in = "\n".join(_before_first_heading(lines))
        for regex in _CITED_TITLE_RES:
            cited = regex.search(cited_in)
            if cited:
                return _full_title(_clean(cited.group(1)), named, lines)
    if named:
        return _with_period(named, lines)
    for k, ln in enumerate(lines[:_TITLE_SCAN_LINES]):
        # the last character first: most lines are sentences (_clean only drops blanks)
        if ln.rstrip().endswith(("。", "：", ":", "；")):
            continue
        s = _clean(ln)
        last = k  # the title's last line
        if k + 1 < len(lines) and _word_cut(s, _clean(lines[k + 1])):  # neither part alone may hold the kind's word
            ln, last = ln.rstrip() + lines[k + 1].strip(), k + 1
            s = _clean(ln)
        if not s or len(s) > 60 or not _PLAN_WORDS.search(s):
            continue
        if HEADING_START.match(s):
            continue  # 三、保障措施: a heading of the text, not its title
        if s.endswith(_NUMBER_ENDS):
            s = _clean(_title_and_number(ln)[0])  # …实施方案 某工信函〔2025〕54号: the number is no part of the title
        s = _without_leading_number(s)
        if _is_page_chrome(s):
            continue  # 首页->专题->政策与解读: where the page stands on its site, not its title
        if s.endswith("》"):
            s = _unbracketed_notice(s)  # 鲁政发〔2014〕20号《…的实施意见》: a copy site's title line, number and 《》 on it
            if s.startswith("《") and s.count("《") == 1 and _TITLE_END_RE.search(s[1:-1]):
                s = s[1:-1]  # a page's title line set in 《》 (《某区…实施意见（草案）》): the title without them
        prev = _clean(lines[k - 1]) if k > 0 else ""
        prev = "" if _is_page_chrome(prev) or _LABEL_CELL.match(prev) else prev  # 文件编号…号 关联文件: a field, no title
        following = _clean(lines[last + 1]) if last + 1 < len(lines) else ""
        if _TITLE_YEARS_LINE.fullmatch(following) or _years_then_kind(following):
            s += following
        elif _is_title_end(s, following):
            s += following
        elif prev and len(prev) <= 30 and not prev.endswith(("。", "：", "；", "号", "日")):  # not a number or date line
            s = prev + s
        return (_annexed_title(lines, last) or s) if s.endswith(_NOTICE_ENDS) else s
    return _flat_notice_title(lines)


def _title_under_signature(head_lines: list[str], text: str) -> str:
    """The plan's title line straight under the 落款 date, when a 落款 of many bodies (a score of ministries one a row)
    pushed it below the lines _title reads, and no 《》 or notice title named it; "" otherwise."""
    lines, i = _signature_date_line(head_lines, text)
    if i is None or lines is not head_lines or i < _TITLE_SCAN_LINES:
        return ""
    return _title(head_lines[i + 1:i + 1 + _TITLE_SCAN_LINES], "", "")


def _full_title(cited: str, named: str, lines: list[str]) -> str:
    """The 印发 sentence's 《》 title, or the notice title's fuller name when the sentence cites it short
    (关于印发某区…若干措施的通知 over 现将《若干措施》印发给你们)."""
    if len(named) > len(cited) and named.endswith(cited) and "《" not in named:
        return _with_period(named, lines)
    return cited


def _annexed_title(lines: list[str], after: int) -> str:
    """X when a notice attaches its policy by a line 附件：X alone (no 印发, no 《》: a 申报通知 and its 申报指南)
    and X's own title line stands below it in the head, so the text that follows is X's; "" otherwise."""
    for k in range(after + 1, len(lines)):
        if "附" not in lines[k]:  # cheap test first
            continue
        s = _clean(lines[k])
        label = _ANNEX_LABEL.match(s)
        title = s[label.end():] if label and label.end() > 2 else ""
        if not (4 <= len(title) <= 60 and _TITLE_END_RE.search(title) and not _NOT_IN_TITLES.search(title)):
            continue
        if any(_clean(ln) == title for ln in lines[k + 1:]):
            return _with_period(title, lines)
    return ""


# a notice's title inside a copy that lost its line breaks: 关于印发Y的通知 with no sentence's mark in Y
_FLAT_NOTICE = re.compile(r"印发([^，,。；;：:《》“”\n]{4,80}?)的(?:通知|决定)")


def _flat_notice_title(lines: list[str]) -> str:
    """Y of the 关于印发Y的通知 near the start of a text's first line when that line holds the whole
    notice (ATLD01-2022-0006 桐政办〔2022〕24 号 某县人民政府办公室 关于印发Y的通知 各乡镇…: a PDF's text
    stored with each line break a blank); "" otherwise."""
    first = next((ln for ln in lines if ln.strip()), "")
    if len(first) <= _NOTICE_LINE_HEAD or "印发" not in first[:_NOTICE_LINE_HEAD]:
        return ""
    m = _FLAT_NOTICE.search(first, 0, _NOTICE_LINE_HEAD)
    return _clean(m.group(1)) if m else ""


_ANNEX_LABEL = re.compile(ANNEX_LABEL)


def _with_period(title: str, lines: list[str]) -> str:
    """A plan's title as a notice's 印发X的通知 names it, with the period its own lines add: the 附件 line
    (附件：X（2025—2027年）) or X's title line over （2025—2027年）; the title as it is without them."""
    for k, ln in enumerate(lines):
        if title[:4] not in ln:  # cheap test first
            continue
        s = _clean(ln)
        label = _ANNEX_LABEL.match(s)
        s = s[label.end():] if label else s
        if not s.startswith(title):
            continue
        rest = s[len(title):] or next((_clean(b) for b in lines[k + 1:k + 3] if b.strip()), "")
        if _TITLE_YEARS_LINE.fullmatch(rest):
            return title + rest
    return title


# Without whitespace (as _clean leaves a line) a _DOC_NUMBER match is at most 12 + 1 + 4 + 1 + 1 + 4 + 1
# characters; a line of its own holds at most 6 more.
_DOC_NUMBER_LINE_MAX = 24 + 6


# A decree's or a standing committee's notice's head: 湖北省人民政府令 (…常务委员会公告) over 第478号; the body's name
# holds no bracket (a title line's …条例（…公告第57号） is no head), and may be a bare 政府 (南京's 政府令第233号)
_DECREE_BODY = rf"[^\s（()）《》〈〉]{{0,40}}?(?:{'|'.join(_ORG_END_WORDS)})"
# the number in digits, or in Chinese numerals after 第 (深圳's 公告 第三十七号)
_DECREE_NO = r"(?:第?([0-9０-９]{1,5})|第([一二三四五六七八九十百零〇]{1,8}))号"
_DECREE_RE = re.compile(rf"({_DECREE_BODY})(?:令|公告)")  # …常务委员会办公室公告 too
_DECREE_NUMBER_RE = re.compile(rf"[（(]?([〔［\[]\d{{4}}[〕］\]])?{_DECREE_NO}[）)]?")  # 〔2010〕第15号 too
_DECREE_LINE_RE = re.compile(rf"({_DECREE_BODY})(令|公告)[（(]?{_DECREE_NO}[）)]?")
# a decree's number set after a title in brackets: 某省某某条例（某省第十四届人民代表大会常务委员会公告第57号）, …办法(局令第28号)
_DECREE_NUMBER_TEXT = rf"{_DECREE_BODY}(?:令|公告)\s*第\s*(?:[0-9０-９]{{1,5}}|[一二三四五六七八九十百零〇]{{1,8}})\s*号"


_DECREE_HEAD_LINES = 12  # a law database's copy sets its title, issuer and title again above the decree's head


def _decree(lines: list[str]) -> tuple[str, str]:
    """(issuer, number) of a decree whose head reads 湖北省人民政府令 / 第478号: ('湖北省人民政府', '湖北省人民政府令第478号').

    The head may stand below a copy's title lines, and on one line (鞍山市人民政府令第16号).
    """
    heads = [ln for ln in lines[:_DECREE_HEAD_LINES * 2] if ln.strip()][:_DECREE_HEAD_LINES]
    for first, second in zip(heads, heads[1:] + [""]):
        if "号" in first and ("令" in first or "告" in first):  # the head on one line, or in brackets after the title
            # the head after its title first (…土地整治办法 某自治区人民政府令 第116号): the title is no part of the body
            m = _DECREE_LINE_RE.fullmatch(_title_and_number(first)[1]) or _DECREE_LINE_RE.fullmatch(_clean(first))
            if m:
                return _decree_issuer(m.group(1)), f"{m.group(1)}{m.group(2)}第{m.group(3) or m.group(4)}号"
        # what the two fullmatches need, tested before _clean (which only drops blanks)
        if not (first.rstrip().endswith(("令", "告")) and "号" in second):
            continue
        first, second = _clean(first), _clean(second)
        m, number = _DECREE_RE.fullmatch(first), _DECREE_NUMBER_RE.fullmatch(second)
        if m and number:
            return _decree_issuer(m.group(1)), f"{first}{number.group(1) or ''}第{number.group(2) or number.group(3)}号"
    return "", ""


def _decree_issuer(body: str) -> str:
    """The issuer a decree's head names: its body, but no bare 政府 or 市政府 (政府令第233号), which names none."""
    return "" if body.lstrip("省市区县州") in _ORG_END_WORDS else body


# a number set after a title on its line, apart from it by a blank or in brackets: …实施方案 某工信函〔2025〕54号,
# …的通知（某政办发〔2023〕9号）, …条例（某省…常务委员会公告第57号）; group 1 is the number
_TRAILING_NUMBER = re.compile(rf"(?:\s|[（(])\s*({_DOC_NUMBER.pattern}|{_DECREE_NUMBER_TEXT})\s*[）)]?\s*$")
_TRAILING_NUMBER_TAIL = 50  # characters at a line's end that can hold such a number
_NUMBER_ENDS = ("号", "号）", "号)", "號", "號）", "號)")  # how a line carrying a number ends
_NOT_IN_TITLES = re.compile(r"[，,。；;：:]")


def _title_and_number(line: str) -> tuple[str, str]:
    """(the title, its number) of a title line carrying its document's number (…实施方案 某工信函〔2025〕54号),
    or (line, "") when it carries none: what stands before the number must end as a title does."""
    tail = line.rstrip()
    if not tail.endswith(_NUMBER_ENDS):  # cheap test first
        return line, ""
    m = _TRAILING_NUMBER.search(tail, max(0, len(tail) - _TRAILING_NUMBER_TAIL))
    if m is None:
        return line, ""
    title = tail[:m.start()].rstrip()
    s = _clean(title)
    if not s or _NOT_IN_TITLES.search(s) or not (s.endswith(_NOTICE_ENDS) or _TITLE_END_RE.search(s[-20:])):
        return line, ""
    return title, _clean(m.group(1))


# a whole notice on one line (a copy that lost its line breaks): its number follows its title's last words
_NUMBER_AFTER_NOTICE = re.compile(rf"的(?:通知|决定|意见)\s*[（(]?\s*({_DOC_NUMBER.pattern})")
# …or opens with the number, a blank after it
_NUMBER_OPENING_LINE = re.compile(rf"\s*({_DOC_NUMBER.pattern})\s")
_NUMBER_LEAD_MAX = 40  # characters of a flat copy's 索引号 and the like before its number
# a law database's head line: the date, a blank, the number (2006年10月26日 财建〔2006〕689号); group 1 the number
_DATE_THEN_NUMBER = re.compile(rf"\s*(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日[\s\u3000]+({_DOC_NUMBER.pattern})\s*$")
_NOTICE_LINE_HEAD = 200  # characters of a long line within which a notice's title and number stand
_BLURB_LABEL = re.compile(r"\s*(?:内容)?(?:简介|摘要|提要)[:：]")  # a site's label before a flat copy's blurb


def _doc_number(lines: list[str]) -> str:
    """The issuing document's number (津政办规〔2025〕1号) from a header line of its own, not a body citation;
    or set after the title on the title's line, or after the notice's title on a line holding the whole notice."""
    for ln in lines[:15]:
        if "号" not in ln and "號" not in ln:  # cheap test first: the regex is slow on long CJK lines
            continue
        s = _clean(ln)
        if len(s) > _DOC_NUMBER_LINE_MAX:  # a sentence citing a number (the regex is slowest there)
            number = _title_and_number(ln)[1]
            if number:
                return number
            head = ln[:_NOTICE_LINE_HEAD]
            m = _NUMBER_AFTER_NOTICE.search(head) if "的" in head else None
            if m and not _NOT_IN_TITLES.search(head[:m.start()]):
                return _clean(m.group(1))
            m = _NUMBER_OPENING_LINE.match(head)  # 沪府办规〔2021〕5号 各区人民政府，…: the copy opens with it
            if m:
                return _clean(m.group(1))
            m = _DOC_NUMBER.search(head, 0, _NUMBER_LEAD_MAX + _DOC_NUMBER_LINE_MAX)
            label = _BLURB_LABEL.match(head) if m else None  # 简介:鄂政发[2017]28号各市…: a site's label, no sentence
            if m and m.start() <= _NUMBER_LEAD_MAX and not _NOT_IN_TITLES.search(head, label.end() if label else 0,
                                                                                 m.start()) \
                    and "《" not in head[:m.start()]:
                return _clean(m.group(0))  # ATLD01-2022-0006 桐政办〔2022〕24 号 …: behind an 索引号, no sentence before it
            m = _DOC_NUMBER.search(s) if _PAGE_INFO_LINE.match(ln) else None
            if m:  # 发布时间:2009-07-31 来源:某市科学技术委员会沪科合(2009)029号: the page's line of its facts
                return _after_body_name(m.group(0))
            continue
        m = _DOC_NUMBER.search(s)
        if m and len(s) - len(m.group(0)) <= 6 and "《" not in s:
            return _unlabelled(m.group(0))
        m = _DATE_THEN_NUMBER.match(ln)
        if m:
            return _clean(m.group(1))
        number = _title_and_number(ln)[1]
        if number:
            return number
    return ""


# A government web page states a document's fields in an information table beside the
# article (发文字号：…  成文日期：…); the labels, and what a value must look like.
_FIELD_LABELS = {
    "doc_number": ("发文字号", "文号", "发文编号", "文件编号"),
    "issuer": ("发文机关", "发文单位", "发布机构", "发布机关", "成文机关", "发文机构", "颁布单位", "颁布机关", "制定机关",
               "发文部门", "发布部门"),  # 发文部门：某市工业和信息化局 (a policy portal's fields)
    "date": ("成文日期", "发文日期", "印发日期", "成文时间", "颁布日期", "公布日期"),  # 颁布: a law database's fields
    "title": ("文件标题", "文件名称", "标题", "名称"),
}
# a page pads a short label to the width of the longest (文　　号：, 索 引 号：): blanks may
# stand between a label's characters
_ANY_LABEL = "|".join("[ \t\u3000\xa0]*".join(w) for w in sorted(
    {w for words in _FIELD_LABELS.values() for w in words}
    | {"索引号", "发布日期", "主题分类", "公开方式", "有效性", "主题词"}, key=len, reverse=True))
_LABEL_CELL = re.compile(_ANY_LABEL)


_LONG_BODY_ENDS = ("委员会", "人民政府", "办公厅", "办公室", "管委会")  # no number's prefix holds one (办 or 局 alone it may)


def _after_body_name(number: str) -> str:
    """A number read where a body's name runs into it (…委员会沪科合(2009)029号) from after the name's last word."""
    cut = max(number.rfind(w) + len(w) if w in number else 0 for w in _LONG_BODY_ENDS)
    return number[cut:] if _DOC_NUMBER.fullmatch(number[cut:]) else number


def _unlabelled(number: str) -> str:
    """A number read off a field line without its label (文件编号桐政办〔2022〕24号, a copied table that lost its colon)."""
    label = _LABEL_CELL.match(number)
    rest = number[label.end():] if label else number
    return rest if label and _DOC_NUMBER.fullmatch(rest) else number
# a site's list of fields with each label in brackets: 2. [发文机构] 北京市人民政府办公厅, 【成文日期】2024-05-15
_BRACKET_LABEL = re.compile(rf"^[ \t\u3000\xa0]*(?:\d{{1,2}}[.、．][ \t\u3000\xa0]*)?[\[【][ \t\u3000\xa0]*({_ANY_LABEL})"
                            r"[ \t\u3000\xa0]*[\]】][ \t\u3000\xa0]*")
_LABEL_FIELD = {w: f for f, words in _FIELD_LABELS.items() for w in words}
_LABELLED_RE = re.compile(rf"({_ANY_LABEL})[ \t\u3000\xa0]*[:：]?\s*(.*?)[ \t\u3000\xa0]*(?=(?:{_ANY_LABEL})\s*[:：]|\n|$)")


def _as_written_fields(fields: dict[str, str], simple: str, text: str) -> dict[str, str]:
    """fields found in ``simple`` (``text`` read in simplified characters) given back as ``text`` writes them."""
    if simple is text:
        return fields
    return {k: v if k == "date" else ";".join(_as_written(p, simple, text) for p in v.split(";"))
            for k, v in fields.items()}


def labelled_fields(page_text: str) -> dict[str, str]:
    """doc_number, issuer, date and title from the labelled fields of a web page (发文字号：…), where valid.

    A value is kept only if it reads as one: a document number (〔2024〕3号), a date, names
    of bodies, or a title naming a plan (方案, 意见 …). The pipeline uses them where the
    text itself does not say. A 繁體 page's fields (發文機關：…辦公室) are read as in simplified
    characters and given back as written.
    """
    simple = simplified_view(page_text)
    return _as_written_fields(_labelled_fields(simple), simple, page_text)


def _labelled_fields(page_text: str) -> dict[str, str]:
    """labelled_fields of a text in simplified characters."""
    out: dict[str, str] = {}
    for m in _LABELLED_RE.finditer(page_text):
        field, value = _LABEL_FIELD.get(_clean(m.group(1))), m.group(2)
        if field is None or field in out or not value:
            continue
        if field == "doc_number":
            number = _DOC_NUMBER.search(_clean(value))
            if number:
                out[field] = number.group(0)
        elif field == "date":
            date = parse_date(m.group(0))  # with its label, which an ISO date (2024-05-06) needs
            if date:
                out[field] = date
        elif field == "title":
            if _PLAN_WORDS.search(value) and len(value) <= 120:
                out[field] = _clean(value)
        else:
            names = [n for n in _split_issuers(value) if _ORG_END.search(n) and len(n) <= 40]
            if names:
                out[field] = ";".join(names)
    if _PLACELESS_BODY.fullmatch(out.get("issuer", "")):  # 发布机构：区政府 beside 名称：上海市嘉定区人民政府关于…
        out["issuer"] = ";".join(_body_before_about(out.get("title", ""))) or out["issuer"]
    return out


def cms_fields(title: str, pub_date: str, source: str) -> dict[str, str]:
    """title, date and issuer from a CMS page's <meta> ArticleTitle, PubDate and ContentSource, where valid.

    A notice's title (…关于印发Y的通知) gives the plan Y, as a 标题 field does; the day the page
    went up is a date as a page's 发布时间 is; a source is an issuer only if it names bodies
    (省政府办公厅, not 本网 or 新华社).
    """
    written = f"标题：{title}\n发文机关：{source}"
    simple = simplified_view(written)  # a 繁體 page's (…辦公室關於印發Y的通知): Y as written
    fields = _labelled_fields(simple)
    notice = _NOTICE_OF_PLAN.search(fields.get("title", ""))
    if notice:
        fields["title"] = notice.group(1).strip("《》")
    fields = _as_written_fields(fields, simple, written)
    date = parse_date(f"发布时间：{pub_date}") if pub_date else ""
    if date:
        fields["date"] = date
    return fields


# the day a page says it put the document up: 发布时间：2024-06-01 16:30, 发布日期：2024年6月1日
_PUBLISHED = re.compile(r"发布(?:时间|日期)[ \t\u3000\xa0]*[:：][^\n]{0,24}")


def published_date(page_text: str) -> str:
    """The date of a page's first 发布时间/发布日期 label, or ''.

    The date when the text and the page's other fields are silent, as a CMS's <meta> PubDate
    gives it (cms_fields): a page's 来源：… 发布时间：… line is furniture, so the text
    the pipeline reads no longer holds it.
    """
    m = _PUBLISHED.search(page_text)
    return parse_date(m.group(0)) if m else ""


# a page's list of fields may mark each with a bullet (• 发文字号:); group 1 is the value on the line
_FIELD_LINE = re.compile(rf"[ \t\u3000\xa0•·●▪■◆*-]*({_ANY_LABEL})[ \t\u3000\xa0]*[:：][ \t\u3000\xa0]*(\S?)")
_FIELD_BLOCK_LINES = 15  # an information table copied above the text stands in its first lines
_VALUE_LINE_GAP = 3  # a label alone on its line (发文字号:) has its value within the next lines (blank ones between)


def _value_line(head_lines: list[str], i: int, label: str) -> int | None:
    """The index of the line holding the value of the label alone on line i (• 发文字号:⏎⏎镇政发〔2024〕7号), or None.

    It is the next non-blank line, unless that is a label of its own (主题分类: over 发布日期:),
    or names a plan under a label that is no field (有效性: left empty over the title).
    """
    for j in range(i + 1, min(i + 1 + _VALUE_LINE_GAP, len(head_lines))):
        ln = head_lines[j]
        if not ln.strip():
            continue
        if ("：" in ln or ":" in ln) and _FIELD_LINE.match(ln):
            return None
        return j if _LABEL_FIELD.get(_clean(label)) or not _PLAN_WORDS.search(ln) else None
    return None


def _field_block(head_lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """(head_lines with the labelled field lines blanked, the fields they give) of a text that opens with a header block.

    A text copied from a government site's 信息公开 table keeps it as lines of label：value
    (发文机关：…  成文日期：…); only such lines among the first ones count, and the rest of
    the header is read without them. A 标题 naming a notice (…关于印发Y的通知) gives Y.
    """
    found, labelled = [], []
    for i, ln in enumerate(head_lines[:_FIELD_BLOCK_LINES]):
        m = _FIELD_LINE.match(ln) if ("：" in ln or ":" in ln) else None  # the colon first: most lines hold none
        if m is None or i in found:
            continue
        j = None if m.group(2) else _value_line(head_lines, i, m.group(1))
        if m.group(2) or j is not None:
            found += [i] if j is None else [i, j]
            labelled.append(ln.strip(" \t\u3000\xa0•·●▪■◆*-") + ("" if j is None else head_lines[j].strip()))
    if not found:
        return head_lines, {}
    fields = _labelled_fields("\n".join(labelled))  # the head is read in simplified characters already
    notice = _NOTICE_OF_PLAN.search(fields.get("title", ""))
    if notice:
        fields["title"] = notice.group(1).strip("《》")
    lines = list(head_lines)
    for i in found:
        lines[i] = ""
    return lines, fields


_PAGE_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|——|\s-\s)\s*")


def page_title(title_tag: str) -> str:
    """The document's title from a web page's <title> (关于…的通知_政策文件_某某市人民政府): the part naming a plan."""
    simple = simplified_view(title_tag)  # a 繁體 page's title names its plan in 規劃, 計劃, 辦法 …
    parts = [p for p in _PAGE_TITLE_SPLIT.split(simple.strip()) if _PLAN_WORDS.search(p) and len(p) >= 6]
    return _clean(_as_written(parts[0], simple, title_tag)) if parts else ""


# the character each of _RANGE_PAREN_RES and _RANGE_TERM_RES starts with
_LEADING_CHAR = dict(zip(_RANGE_PAREN_RES + _RANGE_TERM_RES, "（(期时"))


def _leftmost(regexes, src: str, pos: int = 0):
    """The leftmost of the regexes' first matches in src from pos on (None if none matches).

    With regexes that each start with their own character, this is the search of their
    alternation (at any offset at most one of them can match), found by faster scans:
    each regex searches from the first of its character on (str.find is faster than
    the regex's own scan, and most texts hold no ASCII bracket).
    """
    found = []
    for rx in regexes:
        start = src.find(_LEADING_CHAR[rx], pos)
        m = rx.search(src, start) if start >= 0 else None
        if m:
            found.append(m)
    return min(found, key=lambda m: m.start()) if found else None


def _outside_book_titles(regexes, src: str):
    """_leftmost, skipping matches inside 《…》: a plan the text cites, not the document's own."""
    m = _leftmost(regexes, src)
    while m is not None:
        opened, closed = src.rfind("《", 0, m.start()), src.rfind("》", 0, m.start())
        close = src.find("》", m.start()) if opened > closed else -1
        if close < 0 or "\n" in src[opened:close]:
            return m
        m = _leftmost(regexes, src, close + 1)
    return None


def _until_years(text: str) -> list[str]:
    """The years of _UNTIL.finditer(text), trying the regex only at each 到 and 至.

    A match starts at 到/至 and holds no other, so the matches at those offsets are all
    of finditer's, in order.
    """
    starts = sorted([*positions(text, "到"), *positions(text, "至")])
    # full-width years (到２０２７年) and years in Chinese numerals (到二〇二六年) are given as ASCII digits
    return [str(year_value(m.group(1))) for m in (_UNTIL.match(text, i) for i in starts) if m]


_CN_YEAR = re.compile(rf"{_CN_YEAR_DIGITS}(?=\s*(?:年|[—\-–－~～至到]))")
_CN_DATE_PART = re.compile(rf"([年月])([{_CN_NUM}]{{1,3}})(?=\s*[月日])")


def _arabic_dates(s: str) -> str:
    """s with years, months and days in Chinese numerals written in digits: （二〇二四—二〇二六年） → （2024—2026年）."""
    # such a year holds a zero: 二〇二四 (零 first: one character is found much faster than two)
    if not ("〇" in s or "○" in s or "Ｏ" in s or ("零" in s and "二零" in s)):
        return s
    s = _CN_YEAR.sub(lambda m: str(date_part(m.group()) or m.group()), s)
    return _CN_DATE_PART.sub(lambda m: m.group(1) + str(date_part(m.group(2)) or m.group(2)), s)


def _plan_years(title: str, text: str, date: str = "") -> tuple[str, str]:
    """(plan_start, plan_end) from '（2018—2020年）' or '实施期限为2018年至2020年'; else from when the
    policy is in force (自2025年1月1日起施行，有效期3年 → 2025, 2027; see _in_force); else the end
    from '到2026年' alone. ``date`` (2024-08-17) is the issue date, for 自印发之日起施行. Years in
    Chinese numerals (到二〇二六年) count as in digits, in the title and the text's head."""
    title = _arabic_dates(title)
    # the head and the whole text are one source when the text is short
    for src in (title, _arabic_dates(text[:3000]), text) if len(text) > 3000 else (title, _arabic_dates(text)):
        # _leftmost: _RANGE_PAREN.search, and _RANGE_TERM.search but for where a match starts;
        # in the text, a range inside 《…》 is a cited plan's (为落实《…（2021—2025年）》)
        find = _leftmost if src is title else _outside_book_titles
        m = find(_RANGE_PAREN_RES, src) or find(_RANGE_TERM_RES, src)
        if m and m.group(1) <= m.group(2):
            return m.group(1), m.group(2)
    plan = _five_year_plan(title)
    if plan:
        return plan
    start, end = _in_force(text, date)
    if end:
        return start, end
    years = Counter(_until_years(text))
    if years:
        # the horizon: the latest year, but a 到2035年 vision far beyond the plan's usual
        # year (most often written) is no plan end; on a tie of frequency, the later year
        usual = int(max(years, key=lambda y: (years[y], y)))
        return start, str(max(int(y) for y in years if int(y) - usual <= _HORIZON_REACH))
    return start, ""


def term_with_date(meta: dict, text: str) -> dict:
    """meta with plan_start, plan_end and period read again from a date a page's fields gave (成文日期) where the text
    states none: the term of a text in force 自印发之日起 runs from its issue date (see _in_force), which
    infer_metadata did not know. Fields the text stated are kept."""
    start, end = _plan_years(meta.get("title", ""), text, meta["date"])
    out = dict(meta)
    out["plan_start"] = out.get("plan_start") or start
    out["plan_end"] = out.get("plan_end") or end
    out["period"] = out.get("period") or out["plan_start"] or meta["date"][:4]
    return out


# a five-year plan named in the title: “十四五” (2021-2025), 十五五 (2026-2030); 十一五 and on, as
# 十五 alone is fifteen (十五条措施) and 二十五 holds no numeral between 十 and 五
_FIVE_YEAR_PLAN_RE = re.compile(r"(?<![一二三四五六七八九十百千])十([一二三四五六七八九])五(?![个条项年])")


def _five_year_plan(title: str) -> tuple[str, str] | None:
    """(start, end) of the five-year plan a title names (嘉兴市“十四五”生物医药产业发展规划 → 2021, 2025), or None."""
    m = _FIVE_YEAR_PLAN_RE.search(title) if "五" in title else None
    if m is None:
        return None
    start = 1981 + 5 * (10 + heading_number(m.group(1)) - 6)  # 六五 began in 1981, and each plan since runs five years
    return str(start), str(start + 4)


# 本措施自2025年1月1日起施行 / 本方案自印发之日起实施, and in that sentence 有效期至2027年12月31日 / 有效期3年
_IN_FORCE_RE = re.compile(r"自\s*(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(?:印发|发布|公布|颁布|签发)之日)"
                          r"\s*起\s*(?:施行|实施|执行|生效)")
_VALID_UNTIL_RE = re.compile(r"有效期限?(?:至|到|截至|截止到?)\s*(\d{4})\s*年")  # 有效期限至, 有效期截止到 too
_VALID_FOR_RE = re.compile(r"有效期限?(?:为|是)?\s*([0-9一二三四五六七八九十两]{1,3})\s*年")
_IN_FORCE_WORDS = ("起施行", "起实施", "起执行", "起生效")


def _in_force(text: str, date: str = "") -> tuple[str, str]:
    """(start, end) years of the policy's own term: 本办法自2024年9月1日起施行，有效期五年 → 2024, 2029.

    The last such sentence of the text counts. The term runs from the day it takes effect
    (or the issue date, for 自印发之日起施行) for its 有效期: five years from 9 September end in
    2029, three from 1 January in the third year. A law the text cites (《…》自…起施行) is not it.
    """
    at = text.rfind("起")  # the last of _IN_FORCE_WORDS: from the last 起 back (one character is found fast)
    while at >= 0 and not text.startswith(_IN_FORCE_WORDS, at):
        at = text.rfind("起", 0, at)
    if at < 0:
        return "", ""
    begin = max(text.rfind(c, 0, at) for c in "。\n") + 1
    end = [i for i in (text.find(c, at) for c in "。\n") if i >= 0]
    sentence = _arabic_dates(unicodedata.normalize("NFKC", text[begin:min(end) if end else len(text)]))
    m = _IN_FORCE_RE.search(sentence)
    # the text's own rule (本措施…自…起施行, 本办法由X负责解释，自…), not a law it cites (《…》自…)
    if m is None or "本" not in sentence[:m.start()] or "《" in sentence[:m.start()]:
        return "", ""
    until = _VALID_UNTIL_RE.search(sentence, m.end())
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif date[:4].isdigit():
        y, mo, d = (int(part) for part in date.split("-"))
    else:  # 自印发之日起 in a text without its date
        return "", until.group(1) if until else ""
    if until:
        return str(y), until.group(1)
    years = _VALID_FOR_RE.search(sentence, m.end())
    n = heading_number(years.group(1)) if years else None
    if n:
        return str(y), str(y + n - (1 if (mo, d) == (1, 1) else 0))
    return str(y), ""


_HORIZON_REACH = 5  # years beyond the usual 到20XX年 that a two-stage plan's second goal may lie


# Development zones issue many biomedical policies; they rank as districts.
# A zone names the issuer only when its body follows (管委会) or nothing does: a title's
# 生物医药产业园区建设方案 is about a park, not from one.
_ZONE_WORDS = ("开发区", "高新区", "园区", "试验区", "实验区", "示范区", "自贸区", "保税区")
_ZONE_RE = re.compile(rf"(?:{_PLACE}{{1,6}}?市)?({_PLACE}{{2,16}}?(?:{'|'.join(_ZONE_WORDS)}))"
                      r"(?=管委会|管理委员会|管理局|党工委|工委|[（(]|$)")


def level_and_region_of(sources: list[str]) -> tuple[str, str]:
    """level_and_region of the first of ``sources`` (the issuer, then the title) that names a level; ("", "") if none.

    A source naming only its level (自治区人民政府办公厅) takes its region from a later one at that level."""
    unnamed = ""
    for source in sources:
        level, region = level_and_region(source)
        if level and region and unnamed in ("", level):
            return level, region
        unnamed = unnamed or level
    return unnamed, ""


# a body named by its level alone, as a region's own pages and 落款 write it (自治区人民政府办公厅, 州人民政府):
# the level is known, the place is not
_LEVEL_ONLY = re.compile(r"自治[区州县旗]")
_LEVEL_ONLY_LEVELS = {"自治区": "province", "自治州": "city", "自治县": "district", "自治旗": "district"}
# the Xinjiang Production and Construction Corps (兵团) ranks as a province; its divisions (第八师) as cities
_CORPS = re.compile(r"(?:新疆生产建设)?兵团(?!第)")
# the five autonomous regions by their document numbers' first character (新政办发, 宁政办规发, 桂政办发, 内政办发, 藏政办发)
_AUTONOMOUS_REGIONS = {"新": "新疆维吾尔自治区", "宁": "宁夏回族自治区", "桂": "广西壮族自治区",
                       "内": "内蒙古自治区", "藏": "西藏自治区"}


def region_of_number(level: str, number: str) -> str:
    """An autonomous region named by its document number (新政办发〔2024〕21号 → 新疆维吾尔自治区); '' otherwise."""
    if level != "province" or not re.match(r"[新宁桂内藏]政", number):
        return ""
    return _AUTONOMOUS_REGIONS[number[0]]


def level_and_region(name: str) -> tuple[str, str]:
    """('province'|'city'|'district'|'national'|'', region) from an issuer or title: 省/自治区, 市, 区/县/旗.

    A development zone (苏州工业园区, 北京经济技术开发区) is a district, named in full; the State
    Council, a 国家 administration or a ministry (工业和信息化部) is national, region 全国.
    """
    name = _clean(name)
    if _NATIONAL_RE.match(name):
        return "national", "全国"
    name = name.removeprefix("中共").removeprefix("《")  # 中共北京市委: the Party committee of 北京市; 《某市…措施》政策解读
    bare = _LEVEL_ONLY.match(name)
    if bare:
        return _LEVEL_ONLY_LEVELS[bare.group()], ""
    if _CORPS.match(name):
        return "province", "新疆生产建设兵团"
    zone = _ZONE_RE.match(name) if any(w in name for w in _ZONE_WORDS) else None
    if zone:
        return "district", zone.group(1)
    m = _REGION.match(name)
    if not m or not any(m.groups()):
        return "", ""
    prov, city, dist = m.groups()
    if dist:
        return "district", dist
    if city:
        return "city", city
    return "province", prov


# 国务院（办公厅）, 中共中央, 国家药监局, or a ministry named without a place (工业和信息化部, 科技部)
_NATIONAL_RE = re.compile(r"国务院|中共中央|全国人民代表大会|国家(?!级)|[^省市县区州旗盟镇乡]{1,8}部(?:等|$|[、，,;；\s])")
_ISSUER_BEFORE_NOTICE = re.compile(r"\s*(.+?)(?:关于)?印发")
_ISSUER_BEFORE_ABOUT = re.compile(r"\s*(.{2,40}?)关于")


# a page's 发布机构 that names a level, not a place (区政府, 市政府办公室): the district's own site writes it so
_PLACELESS_BODY = re.compile(r"(?:省|市|区|县)(?:人民)?政府(?:办公厅|办公室)?")


def _body_before_about(title: str) -> list[str]:
    """The bodies a title names before its 关于 (上海市嘉定区人民政府关于…的实施方案), or [] when it names none."""
    m = _ISSUER_BEFORE_ABOUT.match(title.strip("| \t")) if "关于" in title else None
    return _split_issuers(m.group(1)) if m and _names_bodies(m.group(1)) else []


_NOT_IN_NAMES = re.compile(r"[，,。；;：:《》“”]")


def _before_first_heading(lines: list[str]) -> list[str]:
    """The lines above the text's first heading (一、, 第一条, 1.): its header, whose dates are the document's.

    A short text's first lines may already hold a measure, and a date in it (实施期限至2021年12月31日) is none.
    """
    for i, ln in enumerate(lines):
        if HEADING_START.match(ln.lstrip()):
            return lines[:i]
    return lines


_PREAMBLE_OPENERS = ("为", "根据", "按照", "依据")  # how a purpose or basis clause opens; no body's name does
# what a purpose clause does, which no body's name holds: a title line run on into its preamble
# (…政策措施⏎为贯彻落实省委、省人民政府关于…的工作部署) names no issuer before that 关于
_PREAMBLE_VERBS = ("贯彻", "落实")


def _names_bodies(s: str) -> bool:
    """True when s (what stands before 印发 in a notice's title) is bodies' names: the last ends in
    a body's word and none holds a sentence's punctuation (为落实…，根据《…人民政府 is a sentence), nor does the
    first open a preamble's clause (为贯彻落实区委、区政府关于…的决策部署 names the bodies whose decision it follows),
    nor does it hold a purpose clause's verb (a title run on into it: …政策措施为贯彻落实省委、省人民政府关于)."""
    parts = _split_issuers(s.removesuffix("关于"))
    return (bool(parts) and parts[-1].endswith(_ORG_END_WORDS) and not _NOT_IN_NAMES.search(s)
            and not parts[0].startswith(_PREAMBLE_OPENERS) and not any(w in s for w in _PREAMBLE_VERBS))


def _trailing_bodies(parts: list[str]) -> list[str]:
    """``parts`` (what stands before a notice's 关于印发, split at blanks) after the last that holds a digit: a copy
    that lost its line breaks sets its 索引号 and number before the bodies (ATLD01-2022-0006 桐政办〔2022〕24 号 …办公室)."""
    k = len(parts)
    while k and not any(c.isdigit() for c in parts[k - 1]):
        k -= 1
    return parts[k:]


_REPEAT_LINES = 16  # the non-blank lines of a law database's copy that hold its title thrice and its issuer


def _between_title_copies(lines: list[str]) -> list[str]:
    """Bodies named on a line or two of their own between a title line and its copy below.

    A law database's copy reads: title, the database's own lines, title, the issuer alone
    (国务院, 贵州省人大常委会, 财政部 国家发展和改革委员会 …), the title again.
    """
    seen: dict[str, int] = {}
    rows = [ln for ln in lines[:HEAD_LINES] if ln.strip()][:_REPEAT_LINES]
    for k, row in enumerate(rows):
        s = _clean(row)
        i = seen.get(s)
        if i is not None and 1 <= k - i - 1 <= 2 and _PLAN_WORDS.search(s):
            parts = [p for between in rows[i + 1:k] for p in _split_issuers(between)]
            if parts and all(p.endswith(_ORG_END_WORDS) and not _NOT_IN_NAMES.search(p) for p in parts):
                return parts
        seen[s] = k
    return []


def _bodies_under_title(lines: list[str], title: str) -> list[str]:
    """Bodies named on the line under the plan's title (某川市发展和改革委员会 under 某川市…行动方案), as a
    plan issued without a 落款 names its issuer: every name on it ends as a body's does."""
    rows = [ln for ln in lines[:_REPEAT_LINES * 2] if ln.strip()][:_REPEAT_LINES]
    for row, below in zip(rows, rows[1:]):
        if title[:2] not in row or (_clean(row) != title and _clean(_title_and_number(row)[0]) != title):
            continue  # the title's first characters first: a cheap test
        parts = _split_issuers(below)
        if (parts and len(_clean(below)) <= 40 and not _NOT_IN_NAMES.search(below)
                and all(p.endswith(_ORG_END_WORDS) for p in parts)):
            return parts
        return []
    return []


_CELL_RULE = re.compile(r"[\s|:：\-–—=+]*")
_CELL_SEP = re.compile(r"[|\t]")


def _cells_apart(line: str) -> str:
    """A header line of table cells (发布机构：\t某省发改委\t成文日期：\t2019-11-06, or | between them, as a
    table copied as text) with its cells apart by spaces, a label alone in its cell (发文字号 | 粤科社字〔2020〕218号)
    taking a colon, so each is a labelled field; a rule line (---|---|) or one of empty cells (| |||) is blank."""
    if "|" not in line and "\t" not in line:
        return line
    if _CELL_RULE.fullmatch(line):
        return ""
    cells = [cell.strip() for cell in _CELL_SEP.split(line) if cell.strip()]
    return "   ".join(c + "：" if c[-1] not in ":：" and _LABEL_CELL.fullmatch(c) else c for c in cells)


# a copy site's reading of a character in pinyin, in brackets after it: 關(guān)于印發(fā), 哈政規(guī)〔2022〕9號
# (the bracket first: one character is found fast; then the Han character before it)
_PINYIN_NOTE = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\)")


def infer_metadata(text: str) -> dict:
    """Guess title, issuer, doc_number, date, plan years, period, level and region from a document's text.

    Works on raw or normalized text; every field is a string, "" when the text does not say.
    A text in traditional characters is read as in simplified ones, its fields given back as written.
    """
    if "\r" in text:  # one character is found faster than two; without \r\n the replace changes nothing
        text = text.replace("\r\n", "\n")
    text = text.lstrip("\ufeff")
    if "(" in text:  # the literal the pinyin notes need
        text = _PINYIN_NOTE.sub("", text)  # the fields as the text's characters write them, without their readings
    simple = simplified_view(text)  # a site's 繁體 version: 辦公廳, 關於印發, 〔2024〕21號
    if simple is not text:
        meta = _infer(simple)
        # the region as written, but 全国: a national document's label, not a place the text names
        written = ("title", "issuer", "doc_number", "region") if meta["region"] != "全国" else ("title", "issuer", "doc_number")
        meta.update(_as_written_fields({f: meta[f] for f in written}, simple, text))
        return meta
    return _infer(text)


def _as_written(value: str, simple: str, text: str) -> str:
    """``value`` found in ``simple`` (``text`` read in simplified characters) as ``text`` writes it, the same
    characters at the same place; a value not found there as it stands (its spaces dropped) is left."""
    i = simple.find(value)
    if i >= 0:
        return text[i:i + len(value)]
    if value and not has_whitespace(value):  # a title read over two lines (省人民政府關于⏎進一步…若干意見)
        m = re.search(r"\s*".join(map(re.escape, value)), simple)
        if m:
            return _clean(text[m.start():m.end()])
    return value


_EXPLAINING_ENDS = ("解读", "说明")  # how the title of an interpretation or a draft's 起草说明 ends


def _infer(text: str) -> dict:
    """infer_metadata on a text in simplified characters; a page or file printing a policy's 解读 or 起草说明 above
    the policy (…若干措施政策解读 first) has the policy's title, issuer and date, read from its title line on: the
    解读's own (its 发布时间, its 来源) are not the policy's."""
    meta = _infer_head(text)
    if meta["title"].rstrip("】]：:").endswith(_EXPLAINING_ENDS):  # cheap test first: few titles end so
        start = policy_after_interpretation(text)
        if start:
            return _infer_head(text[start:])
    return meta


def _infer_head(text: str) -> dict:
    """The fields as the text's head and 落款 give them."""
    head_lines = text.split("\n", HEAD_LINES)[:HEAD_LINES]  # the rest of the text is seldom needed in lines
    head = "\n".join(head_lines)  # one string is searched faster than forty
    if "|" in head or "\t" in head:  # an information table's cells
        head_lines = [_cells_apart(ln) for ln in head_lines]
    if "[" in head or "【" in head:  # an information list's [发文机构] labels
        head_lines = [_BRACKET_LABEL.sub(r"\1：", ln, count=1) for ln in head_lines]
    first_lines = head_lines
    head_lines, fields = _field_block(head_lines)  # a header block of labelled fields: what the text is silent on
    head_text = "\n".join(head_lines)
    notice = _head_block(head_lines)
    orgs, date = _signature(head_lines, text)
    issuers = orgs
    m = _ISSUER_BEFORE_NOTICE.match(notice) if "印发" in notice else None  # the literal the regex needs
    m = m if m and _names_bodies(m.group(1)) else None
    if not m and "关于" in notice:  # 浙江省人民政府办公厅关于…的实施意见: a body's name before 关于
        m = _ISSUER_BEFORE_ABOUT.match(notice)
        m = m if m and _names_bodies(m.group(1)) else None
    if not issuers and m:
        issuers = _trailing_bodies(_split_issuers(m.group(1)))
    if not issuers:
        issuers = _between_title_copies(head_lines)
    decree_issuer, decree_number = _decree(head_lines)
    if not issuers and decree_issuer:
        issuers = [decree_issuer]
    if not issuers:
        issuers = _red_head_bodies(head_lines)
    if not issuers and fields.get("issuer"):
        issuers = fields["issuer"].split(";")
    if not date:
        date = fields.get("date") or parse_date("\n".join(_before_first_heading(first_lines[:8])))
    title = _title(head_lines, head_text, notice) or _title_under_signature(head_lines, text) or fields.get("title", "")
    if not issuers and title:
        issuers = _bodies_under_title(head_lines, title)
    start, end = _plan_years(title, text, date)
    level, region = level_and_region_of(issuers[:1] + [title])
    number = _doc_number(head_lines) or decree_number or fields.get("doc_number", "")
    return {
        "title": title,
        "issuer": ";".join(issuers),
        "doc_number": number,
        "date": date,
        "period": start or date[:4],
        "plan_start": start,
        "plan_end": end,
        "level": level,
        "region": region or region_of_number(level, number),
    }


_DASHES_TO_HYPHEN = str.maketrans(dict.fromkeys("—–－~～", "-"))


def _comparable(field: str, value) -> str:
    """The value as compared with the manifest: no whitespace, NFKC, every dash a hyphen, issuers sorted."""
    s = unicodedata.normalize("NFKC", _clean(str(value))).translate(_DASHES_TO_HYPHEN)
    if field == "issuer":
        return ";".join(sorted(p for p in s.split(";") if p))
    return s


def merge_metadata(manifest_meta: dict, inferred: dict, path) -> tuple[dict, list[str]]:
    """Combine manifest and inferred metadata (the manifest wins); list each non-empty disagreement.

    The period label is a researcher's category, so it is filled but not compared.
    """
    merged: dict = {}
    notes: list[str] = []
    if _FIELD_SET.issuperset(manifest_meta) and _FIELD_SET.issuperset(inferred):  # the usual case
        fields = _SORTED_FIELDS
    else:
        fields = sorted(_FIELD_SET.union(manifest_meta, inferred))
    for field in fields:
        m, i = manifest_meta.get(field), inferred.get(field)
        m = "" if m is None else str(m).strip()
        i = "" if i is None else str(i).strip()
        merged[field] = m or i
        if m and i and m != i and field != "period" and _comparable(field, m) != _comparable(field, i):
            name = path.name if isinstance(path, Path) else Path(str(path)).name
            notes.append(f"{name}: {field} in the manifest is '{m}' but the text says '{i}' (kept the manifest's)")
    if not merged.get("region"):  # a page's 发文机关 自治区人民政府办公厅 names no place; its 发文字号 may
        merged["region"] = region_of_number(merged.get("level", ""), merged.get("doc_number", ""))
    return merged, notes


_FIELD_SET = frozenset(FIELDS)
_SORTED_FIELDS = tuple(sorted(FIELDS))
