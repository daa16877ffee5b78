"""Fuzzy name matching: where does the copy name a glossary entry, rightly or garbled?

Split by job (see each module's docstring): ``index`` arranges the glossary for lookups, ``phrases``
finds the candidate name phrases, ``evidence`` weighs a word against a form (its thresholds are in
``weights``), ``matcher`` walks a document, ``mentions`` finds wrongly cased and known wrong forms,
``wordforms`` says when a word is a form of a name, ``given_names`` knows given names,
``place_spellings`` finds other spellings of glossary places. The public
names are re-exported here: ``from audit.matching import Matcher, NameMatch`` keeps working.
"""
from __future__ import annotations

from ..text import PARTICLES
from .evidence import Clue, Evidence, spelling_evidence, weigh
from .given_names import GivenNames, default_given_names
from .index import Form, FormRole, NameIndex
from .matcher import Matcher, Mentioned, NameKind, NameMatch
from .mentions import AvoidedForms, lowercase_mentions
from .phrases import Phrase, form_surface, name_phrases, opens_sentence
from .weights import (
    COMMON_WORD_ZIPF,
    DISTINCTIVE_ZIPF,
    FREQUENT_WORD_ZIPF,
    GLUE_WORD_ZIPF,
    KNOWN_WORD_ZIPF,
    MIN_WORD_LENGTH,
    RARE_NAME_ZIPF,
    RARE_WORD_ZIPF,
)
from .wordforms import (
    DEMONYM_RESTORE,
    DERIVATION_SUFFIXES,
    base_forms,
    derived,
    glued,
    near_spelling,
)

__all__ = [
    "COMMON_WORD_ZIPF",
    "DEMONYM_RESTORE",
    "DERIVATION_SUFFIXES",
    "DISTINCTIVE_ZIPF",
    "FREQUENT_WORD_ZIPF",
    "GLUE_WORD_ZIPF",
    "KNOWN_WORD_ZIPF",
    "MIN_WORD_LENGTH",
    "PARTICLES",
    "RARE_NAME_ZIPF",
    "RARE_WORD_ZIPF",
    "AvoidedForms",
    "Clue",
    "Evidence",
    "Form",
    "FormRole",
    "GivenNames",
    "Matcher",
    "Mentioned",
    "NameIndex",
    "NameKind",
    "NameMatch",
    "Phrase",
    "base_forms",
    "default_given_names",
    "derived",
    "form_surface",
    "glued",
    "lowercase_mentions",
    "name_phrases",
    "near_spelling",
    "opens_sentence",
    "spelling_evidence",
    "weigh",
]
