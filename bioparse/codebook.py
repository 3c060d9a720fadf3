"""Load and check the codebook (YAML data a researcher can edit) and list its terms."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from .errors import BioparseError

SCHEMES = ("theme", "instrument", "stage")
REQUIRED = ("id", "label_zh", "label_en", "definition", "include", "exclude", "example")
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")


class CodebookError(BioparseError):
    """The codebook YAML is unreadable or a code lacks a required field."""


def default_codebook_path() -> Path:
    """Path of the codebook packaged with bioparse (bioparse/resources/codebook.yaml)."""
    return Path(str(resources.files("bioparse") / "resources" / "codebook.yaml"))


def load_codebook(path=None) -> dict:
    """Read and validate a codebook YAML (default: the packaged one).

    Raises CodebookError naming the file and the code at fault, so an edited codebook
    fails early with a message a researcher can act on.
    """
    path = Path(path) if path is not None else default_codebook_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CodebookError(path, f"cannot read the codebook ({e.strerror or e})",
                            "check the --codebook path") from e
    try:
        book = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise CodebookError(path, f"not valid YAML ({str(e).splitlines()[0]})",
                            "fix the YAML syntax (indentation, colons, brackets)") from e
    validate_codebook(book, path)
    return book


def validate_codebook(book, path="codebook") -> None:
    """Check the structure of a codebook dict; raise CodebookError on the first problem."""
    if not isinstance(book, dict) or not isinstance(book.get("schemes"), dict):
        raise CodebookError(path, "no top-level `schemes:` mapping",
                            "start from bioparse/resources/codebook.yaml")
    for scheme in SCHEMES:
        if not isinstance(book["schemes"].get(scheme), list) or not book["schemes"][scheme]:
            raise CodebookError(path, f"scheme `{scheme}` is missing or has no codes",
                                f"add `{scheme}:` with a list of codes under `schemes:`")
    seen: set[tuple[str, str]] = set()
    for scheme, codes in book["schemes"].items():
        if not isinstance(codes, list):
            raise CodebookError(path, f"scheme `{scheme}` is not a list of codes", "use `- id: …` items")
        for i, code in enumerate(codes):
            name = code.get("id", f"#{i + 1}") if isinstance(code, dict) else f"#{i + 1}"
            where = f"code `{name}` in scheme `{scheme}`"
            if not isinstance(code, dict):
                raise CodebookError(path, f"{where} is not a mapping", "give id, labels, include, …")
            missing = [f for f in REQUIRED if code.get(f) is None or code.get(f) == ""]
            if missing:
                raise CodebookError(path, f"{where} lacks {', '.join(missing)}",
                                    f"add the field(s) {', '.join(missing)}")
            if not isinstance(code["id"], str) or not _ID.match(code["id"]):
                raise CodebookError(path, f"{where}: id is not ascii snake_case",
                                    "use lower-case letters, digits and _ (parent.child for sub-codes)")
            for field in ("include", "exclude"):
                terms = code[field]
                if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
                    raise CodebookError(path, f"{where}: `{field}` must be a list of non-empty terms",
                                        f"write {field}: [term1, term2]")
            if not code["include"]:
                raise CodebookError(path, f"{where} has no include terms", "list at least one term")
            if (scheme, code["id"]) in seen:
                raise CodebookError(path, f"{where} is defined twice", "give each code a unique id")
            seen.add((scheme, code["id"]))


def codebook_terms(codebook: dict) -> set[str]:
    """Every include and exclude term of the codebook (added to the segmenter dictionary)."""
    return {str(t).strip() for codes in codebook["schemes"].values() for c in codes
            for field in ("include", "exclude") for t in c.get(field) or [] if str(t).strip()}


def iter_codes(codebook: dict):
    """(scheme, code dict) pairs in codebook order."""
    for scheme, codes in codebook["schemes"].items():
        for c in codes:
            yield scheme, c


def code_parent(codebook: dict, scheme: str, code: str) -> str:
    """The parent of a code (`parent:` field, else the part before '.'), or the code itself."""
    for s, c in iter_codes(codebook):
        if s == scheme and c["id"] == code:
            if c.get("parent"):
                return str(c["parent"])
            break
    return code.split(".", 1)[0] if "." in code else code
