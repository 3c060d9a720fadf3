"""A web page's furniture around a policy's text: print and share buttons, the source/date line,
related links, 上一篇/下一篇, the site's footer (主办单位, ICP备案).

html_text leaves such lines out of a page's article. A policy copied from a page into a .txt (or
saved by a crawler with its page) keeps them; ``tail_start`` finds where the page's tail begins
after the policy, so structure keeps it whole as one attachment-like provision: its related
links are no items and its 主办单位 no responsible body.
"""
from __future__ import annotations

import re

# the words of a page's buttons, and what stands between them on a line of buttons
_BUTTONS = (r"我要打印|打印(?:本页|此页|文章|正文)?|关闭(?:窗口|本页|此页)?|收藏(?:本页)?|分享(?:到)?|我要纠错|纠错|"
            r"字体|字号|默认|视力保护色|护眼模式|返回顶部|返回|顶部|[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小")
_BUTTON_GAP = r"[\s\[\]【】()（）|｜/:：·•]"
# lines of furniture wherever they stand: a page's buttons, its position and the source/date line
FURNITURE_LINE = re.compile(
    r"(?:分享到|【打印|【关闭|打印本页|关闭窗口|【?字体[:：]|字号[:：]|扫一扫|当前位置[:：]|您现在的位置|"
    r"(?:来源|信息来源)[:：].{0,40}(?:发布时间|发布日期|时间)[:：]|(?:发布时间|发布日期)[:：].{0,30}(?:浏览|访问|点击|阅读)|"
    # a WeChat article's call to follow and its editor's credits (编辑：王晓 审核：陈立, 【责任编辑：…】)
    r"点击(?:上方|下方)?(?:蓝字|关注)|【?\s*(?:责任编辑|编辑|审核|审校|校对|初审|终审|监制)[:：][^。；，,]{0,40}$|"
    # counters and the other orders of the source/date line (发布时间：… 来源：…, 作者：… 来源：…, 文章来源：…)
    r"(?:浏览|阅读|点击|访问)(?:次数|量|数)[:：]|(?:发布时间|发布日期|作者)[:：].{0,40}(?:来源|作者)[:：]|文章来源[:：]|"
    # a line of buttons only: [打印] [关闭], 打印此页　关闭窗口, 【大 中 小】, 视力保护色, 【我要纠错】
    rf"(?:{_BUTTON_GAP}*(?:{_BUTTONS}))+{_BUTTON_GAP}*$)")
# lines that start the furniture after an article: everything from them on is left out
TAIL_LINE = re.compile(r"(?:相关(?:阅读|文章|链接|文件|政策|信息|解读)|上一篇|下一篇|版权所有|技术支持|网站标识码|"
                       r".{0,20}ICP备|(?:主办|承办)单位[:：]|网站地图|联系我们|关于我们)")

# a short line, with no sentence in it, that a page's tail opens with or holds
_MAX_MARK = 40
_LOOK_BACK = 15  # the tail lies within the text's last lines


def is_mark(line: str) -> bool:
    """Whether a line is a page's furniture: a line of buttons, 扫一扫…, 来源：…发布时间：…, or a short tail
    line without a sentence (相关链接：, 上一篇：…, 主办单位：…, …ICP备…); 相关文件与本办法不一致的… is none."""
    core = line.strip()
    if not core or FURNITURE_LINE.match(core):
        return bool(core)
    return (len(core) <= _MAX_MARK and "。" not in core and not core.endswith(("；", "，"))
            and TAIL_LINE.match(core) is not None)


def tail_start(lines: list[str]) -> int | None:
    """Index of the line where a page's tail starts among the last lines of a text, or None.

    The tail starts at the first of the last 15 non-blank lines that is a page's furniture (is_mark)
    with at least one more furniture line after it, and with no sentence (a line holding 。) below
    it: one 【关闭窗口】 alone is left where it is, and a text going on after furniture is no tail.
    """
    tail = []  # indices of the last non-blank lines, last first
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].strip():
            tail.append(k)
            if len(tail) == _LOOK_BACK:
                break
    start, marks = None, 0
    for k in tail:  # from the last line up
        core = lines[k].strip()
        if is_mark(core):
            marks += 1
            if marks >= 2:
                start = k
        elif "。" in core:
            break  # the policy's last sentence: the tail is below it
    return start
