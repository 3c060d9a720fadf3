"""The build plan: which per-document stages and corpus steps run, and what they write.

Per-document stages run in the worker right after parsing, so each text is segmented
once and the result is cached with the parse; corpus steps run once over the tables.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """Stages (picklable callables on a document's result), corpus steps and table names."""

    stages: tuple = ()
    corpus_steps: tuple = ()
    tables: tuple = ()
    key: str = ""


def default_plan(codebook_path: str | None = None, segmenter: str = "jieba") -> Plan:
    """The plan `bioparse build` runs: parse and extract (coding stages are added here)."""
    return Plan()
