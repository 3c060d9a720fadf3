"""Chinese numerals, read one way for the whole package.

Headings (十六、), targets (1.5万, 两千), dates (二〇二四年八月十七日) all write numbers in
Chinese; ``structure``, ``targets`` and ``metadata`` read them through these functions.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Digits, including the zero forms seen in dates (二○二四, 二Ｏ二四).
CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# The capital forms written on cheques and in some funding clauses (伍佰万元, 壹仟元).
CAPITAL_DIGITS = "零壹贰貳叁參肆伍陆陸柒捌玖"
CAPITAL_SMALL = "拾佰仟"
CN_DIGIT.update({"壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
                 "柒": 7, "捌": 8, "玖": 9})
CN_SMALL = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Labels set as one character (Word's AutoFormat, some typesetting): ㈠ … ㈩ for （一）,
# ⑴ … ⒇ for （1）, ⒈ … ⒛ for 1.
PARENTHESIZED_CN = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
PARENTHESIZED_DIGITS = "".join(chr(c) for c in range(0x2474, 0x2488))
DIGITS_WITH_STOP = "".join(chr(c) for c in range(0x2488, 0x249C))
ONE_CHARACTER_LABELS = CIRCLED + PARENTHESIZED_DIGITS + DIGITS_WITH_STOP + PARENTHESIZED_CN
# An attachment's label (附件, 附件2, 附 件 3：, 附件一, 附表1): group 1 its number. One pattern for io's page
# heads, normalize's line joins, structure's annex lines and metadata's 附件：X lines, which must agree.
ANNEX_LABEL = r"附\s*[件表]\s*([0-9０-９一二三四五六七八九十]{0,2})[ \t\u3000]*[:：]?"
_ONE_CHARACTER_LABELS = {ch: i + 1 for labels in (CIRCLED, PARENTHESIZED_CN, PARENTHESIZED_DIGITS, DIGITS_WITH_STOP)
                         for i, ch in enumerate(labels)}

_TO_ASCII = str.maketrans({ch: str(d) for ch, d in CN_DIGIT.items()})
_ARABIC_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([十百千万亿]*)")


def cn_int(s: str) -> float | None:
    """A positional Chinese numeral → its value: 十六 → 16, 一百零一 → 101, 两千 → 2000, 三万 → 30000.

    A last digit right after 百/千/万/亿 counts in the next lower place, as speech shortens
    一万二千 to 一万二 (12000) and 三千五百 to 三千五 (3500); after a 零 it is units (一万零二: 10002).
    None when ``s`` is empty or holds anything but numeral characters.
    """
    if not s:
        return None
    total, section, digit, place = 0.0, 0.0, None, 0
    for ch in s:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in CN_SMALL:
            section += (1 if digit is None else digit) * CN_SMALL[ch]
            digit, place = None, CN_SMALL[ch]
        elif ch in CN_BIG:
            section += digit or 0
            if section == 0:
                section = 1
            total += section * CN_BIG[ch]
            section, digit, place = 0.0, None, CN_BIG[ch]
        else:
            return None
    if digit and place >= 100 and s[-2] not in CN_DIGIT:  # 一万二, not 一万零二
        digit *= place // 10
    return total + section + (digit or 0)


def cn_digits(s: str) -> int | None:
    """A numeral read digit by digit, as years are written: 二〇二四 → 2024; None if not all digits."""
    if not s or not all(ch in CN_DIGIT for ch in s):
        return None
    return int("".join(str(CN_DIGIT[ch]) for ch in s))


def year_value(s: str) -> int | None:
    """A year written in digits (2025, ２０２５) or digit by digit in Chinese numerals (二〇二五)."""
    return int(s) if s.isdecimal() else date_part(s)


def date_part(s: str) -> int | None:
    """A year, month or day of a written date: 二〇二四 → 2024 (digit by digit), 十七 → 17."""
    value = cn_digits(s) if not any(ch in CN_SMALL for ch in s) else cn_int(s)
    return None if value is None else int(value)


@lru_cache(maxsize=4096)  # headings repeat the same few numerals
def heading_number(s: str) -> int | None:
    """A heading's number: 一 → 1, 十六 → 16, 一百零一 → 101, 12 or １２ → 12, ②/⑵/⒉/㈡ → 2; None if not a numeral."""
    if not s:
        return None
    if s in _ONE_CHARACTER_LABELS:
        return _ONE_CHARACTER_LABELS[s]
    if s.isdecimal():  # 12, or full-width １２
        return int(s)
    value = cn_int(s)
    return None if value is None else int(value)


def cn_number(s: str) -> float | None:
    """An Arabic, Chinese or mixed numeral ("16", "十六", "两千", "百", "1.5万", "零点五") → float.

    Returns None when ``s`` is not a number; full-width digits and thousands separators
    (1,000 and Word's 1 000 with a no-break or a plain space) are accepted.
    """
    s = unicodedata.normalize("NFKC", s or "").strip().replace(",", "").replace(" ", "")
    if not s:
        return None
    m = _ARABIC_NUMBER_RE.fullmatch(s)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= CN_SMALL.get(ch) or CN_BIG[ch]
        return value
    whole, dot, decimals = s.partition("点")
    if dot:  # 零点五, 一点五: a decimal written in numerals, its decimals digit by digit
        value, digits = cn_int(whole), cn_digits(decimals)
        return None if value is None or digits is None else float(f"{int(value)}.{decimals.translate(_TO_ASCII)}")
    return cn_int(s)
