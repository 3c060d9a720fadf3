"""One reader of Chinese numerals for headings, targets and dates."""
import pytest

from bioparse.numerals import cn_digits, cn_int, cn_number, date_part, heading_number


@pytest.mark.parametrize("s, value", [("十", 10), ("十六", 16), ("二十五", 25), ("一百零一", 101),
                                      ("两千", 2000), ("三万", 30000), ("一亿二千万", 120_000_000)])
def test_cn_int_reads_positional_numerals(s, value):
    assert cn_int(s) == value


@pytest.mark.parametrize("s", ["", "十六条", "abc", "第一"])
def test_cn_int_refuses_non_numerals(s):
    assert cn_int(s) is None


@pytest.mark.parametrize("s, value", [("一万二", 12000), ("三千五", 3500), ("一百五", 150), ("一亿二", 120_000_000),
                                      ("一万零二", 10002), ("一千零五", 1005), ("一万二千五", 12500)])
def test_cn_int_reads_a_shortened_last_place(s, value):
    """一万二 is spoken for 一万二千 (12000), not 10002; after a 零 the last digit is units."""
    assert cn_int(s) == value


def test_cn_int_reads_capital_numerals():
    """伍佰, 壹仟贰佰: the capital forms of funding clauses and cheques."""
    assert (cn_int("伍佰"), cn_int("壹仟贰佰"), cn_int("叁拾"), cn_number("陆万")) == (500, 1200, 30, 60000)


def test_dates_read_years_digit_by_digit_and_days_positionally():
    assert cn_digits("二〇二四") == 2024
    assert date_part("二○一八") == 2018  # the circle form of zero, common in 落款
    assert date_part("十七") == 17 and date_part("八") == 8 and date_part("三十一") == 31
    assert date_part("二〇二x") is None


def test_heading_numbers_and_mixed_target_numbers():
    assert [heading_number(s) for s in ["一", "十六", "12", "②", "第"]] == [1, 16, 12, 2, None]
    assert cn_number("1.5万") == 15000 and cn_number("１,000") == 1000 and cn_number("百") == 100
    assert cn_number("一些") is None
