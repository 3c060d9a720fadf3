"""The article of a government web page: its text, without the site around it.

``article_text(html)`` returns the text of the article (one line per paragraph, table
cell or ``<br>``) and the fields the page states beside it (metadata.labelled_fields:
发文字号, 发文机关, 成文日期, a title from ``<title>``, else the date of its 发布时间).
The article is the element the page marks as content (id or class zoom, TRS_Editor,
content, article …) holding the most prose, else the parent of most paragraphs, else the page; prose is text outside
links, so a list of related-policy links never wins. Page furniture is left out: share
and print buttons, navigation, breadcrumbs, related links, footers (by their id or
class, when they hold a small part of the page), and lines such as 【打印本页】 or
来源：… 发布时间：… at the article's edges. A line break in the page source is not a
paragraph break: only block elements and ``<br>`` break lines.
"""
from __future__ import annotations

import re
from collections import Counter

from . import docx_text, metadata
from .normalize import SOFT_BREAK, soft_breaks
from .numerals import CIRCLED
from .page_furniture import FURNITURE_LINE, TAIL_LINE
from .scan import matches_at_least

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CONTENT_HINT = re.compile(r"content|article|trs_editor|zoom|pages_content|view|detail|zwnr|正文", re.I)
# ids and classes of page furniture (share/print buttons, navigation, breadcrumbs, related
# links, footers, sidebars); removed when they hold under a quarter of the page's text
_FURNITURE_HINT = re.compile(
    r"share|fenxiang|bdshare|print|dayin|close|guanbi|font|zihao|nav|menu|crumb|location|position|weizhi|dqwz|"
    r"footer|foot|copyright|banquan|relat|xgwz|xgxx|xgwj|xgld|hot|rdzc|sidebar|side|comment|toolbar|tool|"
    r"qrcode|erweima|pagination|page-?turn|prev|next|info|xxgk|attr|meta", re.I)
_BLOCK_TAGS = ("p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
               "article", "blockquote", "pre", "ul", "ol", "dd", "dt")
_SOURCE_BREAK = re.compile(r"[ \t\r\n]*[\r\n][ \t\r\n]*")


def article_text(html: str) -> tuple[str, dict]:
    """(text of the page's article, fields the page states beside it); see the module docstring.

    Some sites (law databases that copy policies) show an article's HTML escaped, as text:
    &lt;p&gt;一、…&lt;/p&gt;. When the article's text holds such tags, they are read as a page's.
    """
    text, fields = _page_text(html)
    if matches_at_least(_MARKUP, text, _LEFT_OVER):
        text = _markup_as_page(text)
    return text, fields


# tags of an article's markup shown as text
_MARKUP = re.compile(r"</?(?:p|br|div|span|strong|b|font|table|tr|td|h[1-6])(?:\s[^<>]*)?/?>", re.I)
# character references a crawler left unresolved: &nbsp; &ldquo; &#12288; &#x3000;
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});")
_LEFT_OVER = 3  # so many tags or references before a text is read as markup: R&D or <10% alone is none


def _markup_as_page(text: str) -> str:
    """A text holding an article's markup (<p>…</p>, <br>) read as the page it came from; its own line breaks kept."""
    return _page_text("<html><body><div>" + text.replace("\n", "<br>\n") + "</div></body></html>")[0]


def markup_left_in(text: str) -> tuple[str, str] | None:
    """(text, format) of a plain text still holding a page's markup, as a crawler that kept the article's
    HTML (or only unescaped its tags) saves it, or None: with tags, the page's text ("html"); with character
    references alone (&nbsp;&nbsp;（一）…), the text with them resolved ("txt")."""
    if "<" in text and matches_at_least(_MARKUP, text, _LEFT_OVER):
        return _markup_as_page(text), "html"
    if "&" in text and matches_at_least(_ENTITY, text, _LEFT_OVER):
        import html
        return html.unescape(text), "txt"
    return None


def _page_text(html: str) -> tuple[str, dict]:
    """article_text without the second reading of markup shown as text."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "lxml")
    title_tag = soup.title.get_text() if soup.title else ""
    cms_fields = _cms_meta(soup)
    for tag in soup(["script", "style", "noscript", "head"]):
        tag.decompose()
    body = soup.body or soup
    # an article's <header> may hold its 发文字号 table: read the fields before it goes
    page_text = body.get_text("\n")
    fields = metadata.labelled_fields(page_text)
    for tag in body(["nav", "header", "footer", "form", "iframe", "select", "button"]):
        tag.decompose()
    _drop_hidden(body)
    for k, v in cms_fields.items():  # a labelled field in the page first, then the CMS's <meta>
        fields.setdefault(k, v)
    if "date" not in fields:  # then the day the page says it went up (发布时间：…)
        date = metadata.published_date(page_text)
        if date:
            fields["date"] = date
    if "title" not in fields:
        title = metadata.page_title(title_tag)
        if title:
            fields["title"] = title
    _drop_furniture(body)
    best = _article(body)
    # a line break in the source is white space; between Chinese characters, nothing
    _replace_all([(node, _SOURCE_BREAK.sub(_source_break, str(node))) for node in best.find_all(string=True)
                  if type(node) is NavigableString and ("\n" in node or "\r" in node) and node.parent.name != "pre"])
    _replace_all([(br, SOFT_BREAK) for br in best.find_all("br")])  # judged by normalize.soft_breaks below
    heads = {"".join(h.get_text().split()) for h in best.find_all(_HEADS, limit=3)}
    _rows_as_lines(best)
    _list_numbers(best)
    for el in best.find_all(_BLOCK_TAGS):
        # a block after loose text in its parent starts a line too: a line break opens and
        # closes it (inside it, as its text is the same there: insert_before would look for
        # el among its siblings, which took time quadratic in a long table's rows)
        el.insert(0, "\n")
        el.append("\n")
    lines = [ln.strip(" \t\r\xa0") for ln in soft_breaks(best.get_text()).split("\n")]
    return "\n".join(_without_repeated_title(_without_furniture([ln for ln in lines if ln]), heads)), fields


_HEADS = ("h1", "h2", "h3")
_TITLE_REPEAT_LINES = 8  # a page's heading and the article's own title line stand within its first lines


def _without_repeated_title(lines: list[str], heads: set[str]) -> list[str]:
    """The lines less a page's heading (<h1>) that the article's own text repeats just below it.

    A CMS page sets the title as its <h1> above the body, which opens with the title again:
    the text should hold it once, as the document does.
    """
    if not heads:
        return lines
    keys = ["".join(ln.split()) for ln in lines[:_TITLE_REPEAT_LINES]]
    for i, key in enumerate(keys):
        if key in heads and key in keys[i + 1:]:
            return lines[:i] + lines[i + 1:]
    return lines


# the <meta> fields of TRS-style CMS pages (most provincial and city government sites)
_CMS_META = ("articletitle", "pubdate", "contentsource")


def _cms_meta(soup) -> dict:
    """title, date and issuer from a CMS page's <meta name="ArticleTitle"/"PubDate"/"ContentSource">, where valid
    (metadata.cms_fields); the pipeline uses them where the text is silent."""
    found = {}
    for tag in soup.find_all("meta", attrs={"name": True, "content": True}):
        name = str(tag["name"]).strip().lower()
        if name in _CMS_META and name not in found:
            found[name] = str(tag["content"]).strip()
    return metadata.cms_fields(*(found.get(name, "") for name in _CMS_META)) if found else {}


def _replace_all(pairs: list) -> None:
    """node.replace_with(new) for each (node, new) pair, reading each parent's children once.

    replace_with looks for the node among its siblings, one by one: the white space between
    the thousands of rows of a table took time quadratic in their number.
    """
    by_parent: dict[int, tuple] = {}
    for node, new in pairs:
        by_parent.setdefault(id(node.parent), (node.parent, {}))[1][id(node)] = new
    for parent, news in by_parent.values():
        for i, child in enumerate(list(parent.contents)):
            if id(child) in news:
                child.extract(_self_index=i)
                parent.insert(i, news[id(child)])


def _list_numbers(root) -> None:
    """Write the numbers a browser draws before the items of an <ol> (1. 2. …, from its start=).

    A list of measures numbered by the page, not in its text, then has its labels as a
    .docx with Word's list numbering has (docx_text). A list inside another's item is drawn
    with the next tier's label, （1） and then ①, whatever its type (a, i): the browser's
    1. or a. again would read as the outer list's next measure, or as no label at all.
    """
    for ol in root.find_all("ol"):
        depth = sum(1 for _ in ol.find_parents("ol"))
        if depth == 0 and ol.get("type", "1") != "1":
            continue  # a top-level a. b. list: no label bioparse reads
        try:
            n = int(ol.get("start", 1))
        except ValueError:
            n = 1
        for li in ol.find_all("li", recursive=False):
            li.insert(0, _list_label(n, depth))
            n += 1


def _list_label(n: int, depth: int) -> str:
    """The label of the n-th item of a list nested ``depth`` lists deep: 1. / （1） / ①."""
    if depth == 0:
        return f"{n}."
    if depth == 1 or n > len(CIRCLED):
        return f"（{n}）"
    return CIRCLED[n - 1]


def _rows_as_lines(root) -> None:
    """Write each table row of plain cells as one line, its cells joined by tabs (docx_text.table_row).

    A cell is plain when it holds one paragraph at most and no table; rows of a layout
    table (cells of prose) are left to give a line per paragraph. A cell spanning rows
    (rowspan) stands in the rows below as its label again, or as an empty cell (see _spanned),
    so they keep their columns.
    """
    spans_of: dict[int, dict] = {}  # per table: grid column -> [rows still spanned, the cell's pieces]
    for tr in root.find_all("tr"):
        cells = tr.find_all(["td", "th"], recursive=False)
        texts = [c.get_text() for c in cells]
        # a cell's lines (<br>): a short label over lines stays in the row (docx_text.table_row)
        pieces = [[w for w in (" ".join(s.split()) for s in t.split(SOFT_BREAK)) if w] for t in texts]
        spans = spans_of.setdefault(id(tr.find_parent("table")), {})
        if spans or any(c.get("rowspan") for c in cells):
            pieces = _spanned(cells, pieces, spans)
        if not cells or any(_has_tags(c) and (c.find("table") or len(c.find_all(["p", "div", "li"])) > 1)
                            for c in cells):
            continue
        line = docx_text.table_row(pieces)
        if len(line) != 1:
            continue  # a cell of prose over lines: a layout table, read a line per paragraph
        tr.clear()
        tr.append(line[0])


def _span(cell, name: str) -> int:
    """A cell's rowspan or colspan, 1 when absent or not a number."""
    try:
        return max(int(str(cell.get(name, 1)).strip() or 1), 1)
    except ValueError:
        return 1


def _spanned(cells, pieces: list, spans: dict) -> list:
    """A row's pieces with the cells that rows above span into it put in their columns, and
    ``spans`` (grid column -> [rows left, pieces]) updated with this row's rowspan cells.

    A short label spanning rows (a category, a unit, the bodies responsible: docx_text.is_category)
    is read again in each, as docx_text reads a cell merged down; any other cell (a figure, which
    would count twice, or prose) is an empty cell below its first row.
    """
    out, col, k = [], 0, 0
    while k < len(cells) or any(c >= col for c in spans):  # a short row still passes under the spans past its end
        if col in spans:
            left, above = spans[col]
            out.append(above if docx_text.is_category(above) else [])
            if left <= 1:
                del spans[col]
            else:
                spans[col][0] = left - 1
            col += 1
            continue
        if k >= len(cells):
            out.append([])
            col += 1
            continue
        cell, width = cells[k], _span(cells[k], "colspan")
        rows = _span(cell, "rowspan")
        if rows > 1:
            spans[col] = [rows - 1, pieces[k]]
        out.append(pieces[k])
        col += width
        k += 1
    return out


def _has_tags(cell) -> bool:
    """Whether a cell holds any element, not text alone: only then can it hold a table or paragraphs
    (the usual cell of text is told from its children, sparing two searches of a long table's cells)."""
    from bs4 import NavigableString

    return any(type(child) is not NavigableString for child in cell.contents)


def _source_break(m: re.Match) -> str:
    """A space for a source line break between Latin words, nothing between Chinese characters."""
    s, i, j = m.string, m.start(), m.end()
    before, after = s[i - 1:i], s[j:j + 1]
    return " " if before.isascii() and after.isascii() and (before.isalnum() or after.isalnum()) else ""


def _names(el) -> str:
    """An element's id and classes, as one string to match hints against."""
    return " ".join([el.get("id") or ""] + list(el.get("class") or []))


def _prose(el) -> int:
    """CJK characters of el's text outside links: an article's, not a menu's or a list of links'."""
    total = len(_CJK.findall(el.get_text()))
    linked = sum(len(_CJK.findall(a.get_text())) for a in el.find_all("a"))
    return total - linked


# an inline style a browser does not show (display:none, visibility:hidden)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _drop_hidden(body) -> None:
    """Remove what a browser does not show (style display:none or visibility:hidden, the hidden
    attribute): drafting notes, a print view's second copy, a closed tab. A page that shows
    its article only by script keeps it: nothing goes when one hidden element holds more than
    twice the prose the page shows (text outside links: a menu around a hidden article is no prose)."""
    hidden = body.find_all(lambda el: el.has_attr("hidden") or _HIDDEN_STYLE.search(el.get("style") or ""))
    if not hidden:
        return
    sizes = [_prose(el) for el in hidden]
    ids = {id(el) for el in hidden}  # a hidden element inside another is counted in it
    shown = _prose(body) - sum(n for el, n in zip(hidden, sizes) if not any(id(a) in ids for a in el.parents))
    if max(sizes) > 2 * shown:
        return
    for el in hidden:
        if not getattr(el, "decomposed", False):
            el.decompose()


def _drop_furniture(body) -> None:
    """Remove elements whose id or class names furniture, and lists of links, if each holds little of the page."""
    total = len(_CJK.findall(body.get_text())) or 1
    for el in list(body.find_all(True)):
        if getattr(el, "decomposed", False):  # inside furniture already removed
            continue
        names = _names(el)
        own = len(_CJK.findall(el.get_text()))
        if own * 4 >= total and own >= 100:  # the article, or most of a small page
            continue
        links = el.find_all("a")
        if _FURNITURE_HINT.search(names) or (len(links) >= 3 and _prose(el) * 5 < own):
            el.decompose()


def _article(body):
    """The element holding the article: a marked content element with the most prose, else by paragraphs."""
    hinted = [el for el in body.find_all(True) if _CONTENT_HINT.search(names := _names(el))
              and not _FURNITURE_HINT.search(names)]  # side-content is a sidebar
    scores = [(_prose(el), el) for el in hinted]
    best_score, best = max(scores, key=lambda s: s[0], default=(0, None))
    if best is not None and best_score > 0:
        return _with_sibling_parts(best)
    parents: Counter = Counter()
    by_id = {}
    for p in body.find_all("p"):
        parents[id(p.parent)] += _prose(p)
        by_id[id(p.parent)] = p.parent
    if parents and parents.most_common(1)[0][1]:
        return by_id[parents.most_common(1)[0][0]]
    return body


def _with_sibling_parts(best):
    """The article when a page splits it over sibling elements of one content mark (a
    TRS_Editor div for the notice, another for the policy, a third for its end): those
    siblings with prose and whatever stands between them, gathered in one element."""
    from bs4 import Tag

    names = _names(best)
    parts = [el for el in best.parent.find_all(best.name, recursive=False)
             if _names(el) == names and _prose(el) > 0] if best.parent else []
    if len(parts) < 2:
        return best
    run, inside = [], False
    for el in list(best.parent.children):
        inside = inside or el is parts[0]
        if inside:
            run.append(el)
        if el is parts[-1]:
            break
    article = Tag(name="div")
    parts[0].insert_before(article)
    for el in run:
        article.append(el.extract())
    return article


def _without_furniture(lines: list[str]) -> list[str]:
    """The lines less furniture lines (【打印本页】, 来源：…发布时间：…), and less all from a
    tail line (相关阅读, 上一篇, 版权所有) among the last lines on."""
    lines = [ln for ln in lines if not FURNITURE_LINE.match(ln)]
    for i in range(max(len(lines) - 12, 0), len(lines)):
        if TAIL_LINE.match(lines[i]):
            return lines[:i]
    return lines
