"""Fast scans of text that several extraction stages share (str methods, not regexes)."""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache


def positions(text: str, word: str, start: int = 0, end: int | None = None):
    """Offsets of every occurrence of ``word`` in text[start:end], in order (str.find is a fast scan)."""
    i = text.find(word, start, end)
    while i >= 0:
        yield i
        i = text.find(word, i + 1, end)


def matches_at_least(pattern, text: str, n: int) -> bool:
    """Whether ``pattern`` (a compiled regex) matches ``text`` at least n times; it stops looking at the n-th match."""
    found = 0
    for _ in pattern.finditer(text):
        found += 1
        if found == n:
            return True
    return False


def has_whitespace(s: str) -> bool:
    """Whether s holds any whitespace (as regex \\s), tested without a regex.

    Every whitespace character but the ASCII space is unprintable (checked over all of
    Unicode in tests/test_speed_prefilters.py), so two C-level scans settle it.
    """
    return " " in s or not s.isprintable()


# Offsets before a position are first looked for this far back: a line or clause of a
# policy is seldom longer, and a text without line breaks is read from an index instead.
_NEAR = 256


@lru_cache(maxsize=8)
def _offsets_of(text: str, chars: str) -> list[int]:
    """Offsets of every character of ``chars`` in text, in order: last_of's index for long spans."""
    return sorted(i for c in chars for i in positions(text, c))


def last_of(text: str, chars: str, start: int, end: int) -> int:
    """The last offset in [start, end) holding a character of ``chars``, or -1.

    As max(text.rfind(c, start, end) for c in chars), but in time that does not grow with
    end - start: asked once per figure or clause, rfind back to a far line start made a text
    without line breaks (one 100,000-character line) take time quadratic in its length.
    """
    near = end - _NEAR if end - _NEAR > start else start
    # one character (a line break, 条) is one rfind; several, the last of one rfind each
    found = text.rfind(chars, near, end) if len(chars) == 1 else max([text.rfind(c, near, end) for c in chars])
    if found >= 0 or near == start:
        return found
    offsets = _offsets_of(text, chars)
    k = bisect_left(offsets, near) - 1  # the last one before the window
    return offsets[k] if k >= 0 and offsets[k] >= start else -1


def line_start_at(text: str, pos: int) -> int:
    """The offset of the start of the line holding pos (text.rfind("\\n", 0, pos) + 1)."""
    return last_of(text, "\n", 0, pos) + 1
