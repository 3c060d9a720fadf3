"""Errors for people: each names the file and says what to do about it."""
from __future__ import annotations


class BioparseError(Exception):
    """Base class: a problem with an input that a researcher can fix."""

    def __init__(self, path, problem: str, fix: str = ""):
        self.path = str(path) if path is not None else ""
        self.problem = problem
        self.fix = fix
        msg = f"{self.path}: {problem}" if self.path else problem
        if fix:
            msg += f" — {fix}"
        super().__init__(msg)


class DecodeError(BioparseError):
    """The bytes of a file could not be decoded as text in any supported encoding."""


class UnsupportedFormatError(BioparseError):
    """The file's extension or content is not a format bioparse reads."""


class EmptyDocumentError(BioparseError):
    """The file holds no text (empty, whitespace only, or an image-only PDF)."""


class CorruptFileError(BioparseError):
    """The file is damaged (a truncated .docx, an unreadable PDF, binary data)."""


class ManifestError(BioparseError):
    """manifest.csv is malformed or disagrees with the files beside it."""


class StructureWarning(UserWarning):
    """A document had no recognizable headings and was kept whole as one provision."""
