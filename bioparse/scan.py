"""Fast scans of text that several extraction stages share (str methods, not regexes)."""
from __future__ import annotations


def positions(text: str, word: str):
    """Offsets of every occurrence of ``word`` in text, in order (str.find is a fast scan)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def has_whitespace(s: str) -> bool:
    """Whether s holds any whitespace (as regex \\s), tested without a regex.

    Every whitespace character but the ASCII space is unprintable (checked over all of
    Unicode in tests/test_speed_prefilters.py), so two C-level scans settle it.
    """
    return " " in s or not s.isprintable()
