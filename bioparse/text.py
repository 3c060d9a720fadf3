"""Word segmentation and terms: jieba (default) or rjieba, with bioparse's domain dictionary.

The packaged user dictionary (resources/userdict.txt) holds domain words and every codebook
term, so documents and codebook terms are cut the same way (中药材 stays one word and
is not counted as 中药). The dictionary is loaded once per process and per backend.

Performance (benchmarks/run.py): jieba cuts each block of CJK/alphanumeric text between
punctuation and spaces on its own, and policy documents repeat such blocks (boilerplate,
text reused from higher-level policies), so the jieba segmenter remembers the cut of the
blocks it has seen: the tokens are jieba's, and repeated blocks cost a dict lookup.
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import BioparseError

USERDICT_FREQ = 200000
# Blocks whose cut the jieba segmenter remembers, least recently used dropped first:
# about 25 MB per process at most (~0.8 kB a block), so memory stays flat on a large corpus.
# BIOPARSE_BLOCK_MEMO=0 turns the memo off (the benchmark uses it to show what it saves).
BLOCK_MEMO_SIZE = int(os.environ.get("BIOPARSE_BLOCK_MEMO", 1 << 15))
_SEGMENTERS: dict[str, "Segmenter"] = {}
_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$")
_ASCII_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9+\-]*$")


def _resource(name: str) -> Path:
    return Path(str(resources.files("bioparse") / "resources" / name))


def cache_dir() -> Path:
    """A writable cache folder: $BIOPARSE_CACHE_DIR, else ~/.cache/bioparse, else a temp dir."""
    candidates = [os.environ.get("BIOPARSE_CACHE_DIR"), Path.home() / ".cache" / "bioparse",
                  Path(tempfile.gettempdir()) / "bioparse-cache"]
    for c in candidates:
        if not c:
            continue
        p = Path(c)
        try:
            p.mkdir(parents=True, exist_ok=True)
            probe = p / ".write-test"
            probe.write_text("ok")
            probe.unlink()
            return p
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="bioparse-"))


def load_userdict(path=None) -> list[tuple[str, int]]:
    """(word, frequency) pairs of a jieba-style user dictionary (default: the packaged one)."""
    path = Path(path) if path else _resource("userdict.txt")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not parts[0].startswith("#"):
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else USERDICT_FREQ
            out.append((parts[0], freq))
    return out


class Segmenter:
    """A word segmenter: `.cut(text) -> list[str]`, `.add_terms(terms)` and a `name`."""

    name = "base"

    def cut(self, text: str) -> list[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def add_terms(self, terms) -> None:
        """Add words (e.g. the terms of a researcher's own codebook) to the dictionary."""
        for t in sorted(set(terms) - self._added):
            if t and not any(ch.isspace() for ch in t):
                self._add(t, USERDICT_FREQ)
                self._added.add(t)


class JiebaSegmenter(Segmenter):
    """jieba with the domain dictionary, its cache in cache_dir() and its logging silenced."""

    name = "jieba"

    def __init__(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._tok.tmp_dir = str(cache_dir())
        self._tok.cache_file = "jieba.cache"
        self._tok.initialize()
        self._added: set[str] = set()
        for word, freq in load_userdict():
            self._tok.add_word(word, freq)
            self._added.add(word)
        # jieba's own block pattern: its cut of a text is the cuts of these blocks in turn.
        self._blocks = jieba.re_han_default
        self._cut_block = lru_cache(maxsize=BLOCK_MEMO_SIZE)(self._cut_uncached)

    def _add(self, word, freq):
        self._tok.add_word(word, freq)
        self._cut_block.cache_clear()  # a new word may change the cut of a remembered block

    def _cut_uncached(self, block: str) -> tuple[str, ...]:
        return tuple(self._tok.cut(block, HMM=True))

    def cut(self, text: str) -> list[str]:
        """jieba's accurate mode with HMM (as jieba.lcut), block by block through the memo."""
        out: list[str] = []
        for block in self._blocks.split(text):
            if block:
                out += self._cut_block(block)
        return out


class RjiebaSegmenter(Segmenter):
    """rjieba (Rust port of jieba), with the same domain dictionary added word by word."""

    name = "rjieba"

    def __init__(self):
        try:
            import rjieba
        except ImportError as e:
            raise BioparseError(None, "the rjieba segmenter is not installed",
                                "pip install rjieba, or use --segmenter jieba") from e
        self._tok = rjieba.Jieba()
        self._added: set[str] = set()
        for word, freq in load_userdict():
            self._tok.add_word(word, freq, None)
            self._added.add(word)

    def _add(self, word, freq):
        self._tok.add_word(word, freq, None)

    def cut(self, text: str) -> list[str]:
        return list(self._tok.cut(text, True))


BACKENDS = {"jieba": JiebaSegmenter, "rjieba": RjiebaSegmenter}


def get_segmenter(name: str = "jieba", codebook: dict | None = None) -> Segmenter:
    """The segmenter `name` (jieba or rjieba), created once per process.

    If a codebook is given, its terms are added to the dictionary so a researcher's own
    terms are cut as words too.
    """
    if name not in BACKENDS:
        raise BioparseError(None, f"unknown segmenter {name!r}",
                            f"use one of {', '.join(sorted(BACKENDS))}")
    if name not in _SEGMENTERS:
        _SEGMENTERS[name] = BACKENDS[name]()
    seg = _SEGMENTERS[name]
    if codebook is not None:
        from .codebook import codebook_terms

        seg.add_terms(codebook_terms(codebook))
    return seg


def _boundaries(tokens: list[str]) -> set[int]:
    out, pos = set(), 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def segmenter_agreement(texts, a, b) -> float:
    """Token-boundary F1 between two segmenters (names or objects) over texts (1.0 = same cuts)."""
    a = get_segmenter(a) if isinstance(a, str) else a
    b = get_segmenter(b) if isinstance(b, str) else b
    tp = na = nb = 0
    for text in texts:
        ba, bb = _boundaries(a.cut(text)), _boundaries(b.cut(text))
        tp += len(ba & bb)
        na += len(ba)
        nb += len(bb)
    if na + nb == 0:
        return 1.0
    return 2 * tp / (na + nb)


def load_stopwords(path=None) -> set[str]:
    """Stopwords (function words and generic policy verbs), one per line; default packaged list."""
    path = Path(path) if path else _resource("stopwords.txt")
    return {w.strip() for w in path.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")}


def is_term(token: str, stopwords=frozenset()) -> bool:
    """True for a CJK word of ≥ 2 characters or an ASCII word (DRG, CDMO), not a stopword."""
    token = token.strip()
    return bool(token) and token not in stopwords and _is_word(token)


@lru_cache(maxsize=1 << 16)
def _is_word(token: str) -> bool:
    """The pattern half of is_term, remembered per word: a corpus has few distinct words."""
    return bool(_CJK.match(token) or _ASCII_WORD.match(token))


def terms_of(tokens, stopwords=None) -> Counter:
    """Count the terms in tokens: CJK words (≥ 2 chars) and ASCII words; no numbers, punctuation or stopwords."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    return Counter(t for t in map(str.strip, tokens) if t and t not in stopwords and _is_word(t))


def segment_provisions(provisions, segmenter: str | Segmenter = "jieba",
                       codebook: dict | None = None) -> dict[tuple[str, str], list[str]]:
    """Tokens of each provision's own text, keyed by (doc_id, provision_id); each text is cut once."""
    seg = get_segmenter(segmenter, codebook) if isinstance(segmenter, str) else segmenter
    if codebook is not None and not isinstance(segmenter, str):
        from .codebook import codebook_terms

        seg.add_terms(codebook_terms(codebook))
    out = {}
    for doc_id, pid, text in zip(provisions["doc_id"], provisions["provision_id"], provisions["text"]):
        out[(str(doc_id), str(pid))] = seg.cut(text if isinstance(text, str) else "")
    return out
