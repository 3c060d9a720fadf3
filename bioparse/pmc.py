"""PMC index (Policy Modeling Consistency, Ruiz Estrada 2011) per document.

The variables are data, kept under the ``pmc:`` key of the codebook YAML
(bioparse/resources/codebook.yaml, or a researcher's own codebook):
each primary variable X1…X9 has binary secondary variables with a declarative rule
evaluated on the document's tables. A primary score is the mean of its secondaries, the
PMC index their sum, and the grade is read from the index as a fraction of the number of
variables scored (perfect ≥ 0.9, excellent ≥ 0.7, acceptable ≥ 0.5, else poor).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from .errors import BioparseError

__all__ = ["load_pmc_definitions", "pmc_scores", "pmc_rows", "grade", "evaluate", "PMCResult",
           "PMCDefinitionError", "RULES"]

DEFAULT_GRADES = [
    {"id": "perfect", "name_zh": "完美", "min_fraction": 0.9},
    {"id": "excellent", "name_zh": "优秀", "min_fraction": 0.7},
    {"id": "acceptable", "name_zh": "可接受", "min_fraction": 0.5},
    {"id": "poor", "name_zh": "不良", "min_fraction": 0.0},
]


class PMCDefinitionError(BioparseError):
    """The PMC definitions (YAML) are malformed or use a rule bioparse does not know."""


@dataclass
class _Doc:
    """What the rules can see of one document."""
    level: str = ""
    plan_years: int | None = None
    text: str = ""
    terms: set = field(default_factory=set)
    codes: set = field(default_factory=set)  # (scheme, code)
    target_kinds: set = field(default_factory=set)
    n_targets: int = 0
    agencies: set = field(default_factory=set)


@dataclass
class PMCResult:
    """The three PMC tables: binary secondaries (long), primary scores (long), index per doc."""
    secondary: pd.DataFrame
    primary: pd.DataFrame
    index: pd.DataFrame


# --------------------------------------------------------------------------- rules
def _as_list(x) -> list:
    return list(x) if isinstance(x, (list, tuple, set)) else [x]


def _scheme_codes(arg, name):
    if not isinstance(arg, (list, tuple)) or len(arg) != 2:
        raise PMCDefinitionError(None, f"rule {name} needs [scheme, code or [codes]], got {arg!r}",
                                 f"write e.g. {{{name}: [theme, [talent]]}}")
    return str(arg[0]), [str(c) for c in _as_list(arg[1])]


def _any_code(doc: _Doc, arg) -> bool:
    scheme, codes = _scheme_codes(arg, "any_code")
    return any((scheme, c) in doc.codes for c in codes)


def _code_like(doc: _Doc, arg) -> bool:
    scheme, stems = _scheme_codes(arg, "code_like")
    return any(s == scheme and any(st.lower() in c.lower() for st in stems) for s, c in doc.codes)


def _plan_years(cmp):
    def rule(doc: _Doc, arg) -> bool:
        return doc.plan_years is not None and cmp(doc.plan_years, int(arg))
    return rule


RULES = {
    "any_code": _any_code,
    "code_like": _code_like,
    "any_text": lambda doc, arg: any(str(w) in doc.text for w in _as_list(arg)),
    "any_term": lambda doc, arg: any(str(w) in doc.terms for w in _as_list(arg)),
    "has_target_kind": lambda doc, arg: any(str(k) in doc.target_kinds for k in _as_list(arg)),
    "n_targets_gte": lambda doc, arg: doc.n_targets >= int(arg),
    "n_agencies_gte": lambda doc, arg: len(doc.agencies) >= int(arg),
    "plan_years_gte": _plan_years(lambda a, b: a >= b),
    "plan_years_lte": _plan_years(lambda a, b: a <= b),
    "level_in": lambda doc, arg: doc.level in {str(x) for x in _as_list(arg)},
    "any": lambda doc, arg: any(evaluate(r, doc) for r in _as_list(arg)),
    "all": lambda doc, arg: all(evaluate(r, doc) for r in _as_list(arg)),
    "not": lambda doc, arg: not evaluate(arg, doc),
}


def evaluate(rule: dict, doc: _Doc) -> bool:
    """True when the document satisfies a rule such as {any_text: [监管]} (one key per rule)."""
    name, arg = _rule_parts(rule, None)
    return bool(RULES[name](doc, arg))


# --------------------------------------------------------------------------- definitions
def load_pmc_definitions(definitions=None) -> dict:
    """PMC definitions from a dict, a codebook dict with a ``pmc:`` key, a YAML path, or the
    ``pmc:`` key of the packaged codebook; checked so that a typo fails early."""
    source = "bioparse/resources/codebook.yaml"
    if definitions is None:
        text = resources.files("bioparse").joinpath("resources/codebook.yaml").read_text("utf-8")
        definitions = yaml.safe_load(text)
    elif isinstance(definitions, (str, Path)):
        source = str(definitions)
        definitions = yaml.safe_load(Path(definitions).read_text(encoding="utf-8"))
    else:
        source = "PMC definitions"
    if isinstance(definitions, dict) and "pmc" in definitions:
        definitions = definitions["pmc"]
    if not isinstance(definitions, dict) or not isinstance(definitions.get("variables"), list):
        raise PMCDefinitionError(source, "no list of PMC variables found",
                                 "give a mapping with `variables:` (or a codebook with `pmc:`)")
    for var in definitions["variables"]:
        if not var.get("id") or not var.get("secondaries"):
            raise PMCDefinitionError(source, f"variable {var!r} lacks an id or secondaries",
                                     "give each variable an id and at least one secondary")
        for sec in var["secondaries"]:
            if not sec.get("id") or "rule" not in sec:
                raise PMCDefinitionError(source, f"secondary {sec!r} of {var['id']} lacks id or rule",
                                         "give each secondary an id and a rule")
            _check_rule(sec["rule"], source)
    return definitions


def _rule_parts(rule, source) -> tuple:
    """(name, argument) of a one-key rule mapping; a clear error for anything else."""
    if not isinstance(rule, dict) or len(rule) != 1:
        raise PMCDefinitionError(source, f"rule {rule!r} is not a one-key mapping",
                                 f"use one of {sorted(RULES)}")
    (name, arg), = rule.items()
    if name not in RULES:
        raise PMCDefinitionError(source, f"unknown PMC rule {name!r}", f"use one of {sorted(RULES)}")
    return name, arg


def _check_rule(rule, source) -> None:
    name, arg = _rule_parts(rule, source)
    if name in ("any", "all"):
        for r in _as_list(arg):
            _check_rule(r, source)
    elif name == "not":
        _check_rule(arg, source)


# --------------------------------------------------------------------------- scoring
def _plan_years_of(row) -> int | None:
    """Plan length in years from plan_start/plan_end, each falling back on the period ('2024-2025')."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", str(row.get("period") or ""))]

    def year(v, default):
        m = re.match(r"\s*((?:19|20)\d\d)", str(v)) if v is not None and not pd.isna(v) else None
        return int(m.group(1)) if m else default

    start = year(row.get("plan_start"), min(years) if years else None)
    end = year(row.get("plan_end"), max(years) if years else None)
    if start is None or end is None or end < start:
        return None
    return end - start + 1


def _contexts(documents, provisions, codes, targets, agencies, terms) -> dict[str, _Doc]:
    docs = {}
    for row in (documents if isinstance(documents, list) else documents.to_dict("records")):
        docs[row["doc_id"]] = _Doc(level=str(row.get("level") or ""),
                                   plan_years=_plan_years_of(row))

    def rows(df, cols):
        if df is None or len(df) == 0:
            return []
        if isinstance(df, list):  # plain rows (one document in the build): no pandas needed
            return zip(*([r.get(c) for r in df] for c in cols))
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise PMCDefinitionError(None, f"a table passed to pmc_scores lacks {missing}",
                                     "pass the tables built by bioparse.tables")
        return zip(*(df[c] for c in cols))

    texts: dict[str, list[str]] = {d: [] for d in docs}
    for d, t in rows(provisions, ["doc_id", "text"]):
        if d in texts and isinstance(t, str):
            texts[d].append(t)
    for d, parts in texts.items():
        docs[d].text = "\n".join(parts)
    for d, scheme, code in rows(codes, ["doc_id", "scheme", "code"]):
        if d in docs:
            docs[d].codes.add((str(scheme), str(code)))
    for d, kind in rows(targets, ["doc_id", "kind"]):
        if d in docs:
            docs[d].n_targets += 1
            docs[d].target_kinds.add(str(kind))
    if agencies is not None and len(agencies):
        names = agencies[0].keys() if isinstance(agencies, list) else agencies.columns
        col = "agency_canonical" if "agency_canonical" in names else "agency"
        for d, a in rows(agencies, ["doc_id", col]):
            if d in docs and isinstance(a, str) and a:
                docs[d].agencies.add(a)
    for d, term in rows(terms, ["doc_id", "term"]):
        if d in docs:
            docs[d].terms.add(str(term))
    return docs


def grade(pmc: float, n_variables: int, grades=None) -> str:
    """Grade of a PMC index, with thresholds as fractions of the number of variables scored."""
    for g in sorted(grades or DEFAULT_GRADES, key=lambda g: -float(g["min_fraction"])):
        if pmc >= float(g["min_fraction"]) * n_variables - 1e-9:
            return str(g["id"])
    return "poor"


def _check_documents(documents) -> None:
    if not isinstance(documents, list) and "doc_id" not in documents.columns:
        raise PMCDefinitionError("documents", "the documents table lacks doc_id",
                                 "pass the documents table built by bioparse.tables")


def pmc_scores(documents: pd.DataFrame, provisions: pd.DataFrame | None = None,
               codes: pd.DataFrame | None = None, targets: pd.DataFrame | None = None,
               agencies: pd.DataFrame | None = None, terms: pd.DataFrame | None = None,
               definitions=None) -> PMCResult:
    """Score every document on the PMC variables; see the module docstring for the method.

    The tables may be DataFrames or plain lists of row dicts (the build scores one
    document at a time from its rows, without pandas).

    Returns PMCResult with ``secondary`` (doc_id, variable, secondary, name_zh, value 0/1),
    ``primary`` (doc_id, variable, name_zh, name_en, score) and ``index`` (doc_id, one column
    per variable, pmc, n_variables, grade), all sorted by doc_id and variable order.
    """
    _check_documents(documents)
    defs = load_pmc_definitions(definitions)
    sec_rows, prim_rows, index_rows = pmc_rows(documents, provisions, codes, targets, agencies, terms,
                                               definitions=defs)
    return PMCResult(
        secondary=pd.DataFrame(sec_rows, columns=["doc_id", "variable", "secondary", "name_zh",
                                                  "value"]),
        primary=pd.DataFrame(prim_rows, columns=["doc_id", "variable", "name_zh", "name_en",
                                                 "score"]),
        index=pd.DataFrame(index_rows, columns=["doc_id", *[v["id"] for v in defs["variables"]], "pmc",
                                                "n_variables", "grade"]),
    )


def pmc_rows(documents, provisions=None, codes=None, targets=None, agencies=None, terms=None,
             definitions=None) -> tuple[list[dict], list[dict], list[dict]]:
    """The rows of pmc_scores' three tables (secondary, primary, index) as lists of dicts.

    The build scores one document at a time and writes these rows as they are: three
    DataFrames per document would cost more than the scoring.
    """
    _check_documents(documents)
    defs = load_pmc_definitions(definitions)
    docs = _contexts(documents, provisions, codes, targets, agencies, terms)
    variables = defs["variables"]
    sec_rows, prim_rows, index_rows = [], [], []
    for doc_id in sorted(docs):
        ctx = docs[doc_id]
        index_row = {"doc_id": doc_id}
        for var in variables:
            values = []
            for sec in var["secondaries"]:
                value = int(evaluate(sec["rule"], ctx))
                values.append(value)
                sec_rows.append({"doc_id": doc_id, "variable": var["id"], "secondary": sec["id"],
                                 "name_zh": sec.get("name_zh", ""), "value": value})
            score = sum(values) / len(values)
            prim_rows.append({"doc_id": doc_id, "variable": var["id"],
                              "name_zh": var.get("name_zh", ""), "name_en": var.get("name_en", ""),
                              "score": score})
            index_row[var["id"]] = score
        index_row["pmc"] = round(sum(index_row[v["id"]] for v in variables), 10)
        index_row["n_variables"] = len(variables)
        index_row["grade"] = grade(index_row["pmc"], len(variables), defs.get("grades"))
        index_rows.append(index_row)
    return sec_rows, prim_rows, index_rows
