"""Other languages' and older spellings of the glossary's places (Kiew for Kyiv, Tiflis for Tbilisi), from
the GeoNames table (audit/places.py), as the matcher looks them up."""
from __future__ import annotations

from ..glossary import Glossary
from ..places import default_places
from ..text import fold, word_frequency
from ..text.translit import translit_cost
from .given_names import is_person
from .index import Form, NameIndex
from .weights import COMMON_WORD_ZIPF, FREQUENT_WORD_ZIPF, KNOWN_OTHER_SPELLING_COST, MIN_WORD_LENGTH


def other_place_spellings(glossary: Glossary, index: NameIndex) -> dict[str, tuple[Form, ...]]:
    """Other languages' and older spellings of the glossary's places (Kiew, Kijow, Kiev for Kyiv;
    Tiflis for Tbilisi), from the GeoNames table (audit/places.py): folded spelling -> the place's
    accepted forms (its names: the nearest one is suggested).

    A spelling that is an accepted form of any entry, or an ordinary English word, is left out.
    """
    places = None
    found: dict[str, tuple[Form, ...]] = {}
    avoided = {fold(form) for entry in glossary.entries for form in entry.avoid}  # AUD103 reports those
    for entry in glossary.entries:
        if entry.type not in ("place", "other") or is_person(entry):
            continue
        name_forms = tuple(
            form for text in entry.accepted for form in index.exact.get(fold(text), ())
            if form.entry is entry and form.role == "name"
        )
        if not name_forms:
            continue
        places = places or default_places()
        for spelling in places.other_spellings(fold(text) for text in entry.accepted):
            if " " not in spelling and len(spelling) >= MIN_WORD_LENGTH and spelling not in index.exact \
                    and spelling not in avoided and _distinctive_spelling(spelling, name_forms):
                found.setdefault(spelling, name_forms)
    return found


def _distinctive_spelling(spelling: str, name_forms: tuple[Form, ...]) -> bool:
    """Can a place's other spelling stand for it in English copy? Not an ordinary English word ("Vine" is one
    of Vienna's), and, if English knows it well, only a close romanisation of the name (Kiev for Kyiv)."""
    frequency = word_frequency(spelling)
    if frequency >= COMMON_WORD_ZIPF:
        return False
    return frequency < FREQUENT_WORD_ZIPF or any(
        translit_cost(spelling, form.folded) <= KNOWN_OTHER_SPELLING_COST for form in name_forms
    )
