"""The rules `audit compare` reports: name divergences from a reference, a glossary, or a source text.

They live apart from the scan's checks (audit/checks/): a scan cannot report them, and `audit explain`
documents them all the same.
"""
from __future__ import annotations

from ..model import Rule, Severity

REFERENCE_DIVERGENCE = Rule(
    id="AUD501",
    name="reference-name-divergence",
    severity=Severity.WARNING,
    summary="A name the human reference spells one way and the machine translation another (Kiev for Kyiv).",
    what=(
        "`audit compare` only. In each segment, a capitalised word of the translation that the reference "
        "does not contain, spelled close to a name of the same reference segment that the translation does "
        "not contain: the same comparison keys (Sergey/Sergei), one letter apart (Lukashenka/Lukashenko), or "
        "the same consonants (Kiev/Kyiv, Mozyr/Mazyr). Inflections, possessives and demonyms (Ukraine/"
        "Ukrainian, Peskov's) and near spellings of common words (Defence/Defense) are not divergences; with "
        "a glossary, a spelling the glossary accepts is never one."
    ),
    why=(
        "BLEU and chrF barely move when one name in a hundred words is spelled the Russian way, yet readers "
        "and the people named notice at once. The reference tells which spelling the translator chose."
    ),
    example='hypothesis: "talks in Kiev"  reference: "talks in Kyiv"  ->  "Kiev" should be "Kyiv"',
    fix="Use the reference's spelling, or add the hypothesis spelling to the glossary's variants if both are right.",
)

GLOSSARY_DIVERGENCE = Rule(
    id="AUD502",
    name="glossary-name-divergence",
    severity=Severity.ERROR,
    summary="A name in the machine translation garbled against the glossary given to `audit compare`.",
    what=(
        "`audit compare --glossary` only. The translation is read by the same name matcher as `audit scan` "
        "(AUD101 garbled-name, AUD102 given-name-substitution, AUD103 known-wrong-form), whether or not the "
        "reference names the entry."
    ),
    why="The glossary is the house style: a system that garbles its names needs fixing whatever the reference says.",
    example='hypothesis: "Stefancart"  ->  "Stefancart" should be "Stepanakert"',
    fix="Replace it with the suggestion.",
)

SOURCE_NAME_MISSING = Rule(
    id="AUD503",
    name="source-name-missing",
    severity=Severity.WARNING,
    summary="A glossary name the source segment contains whose English form the translation lacks (a literal translation).",
    what=(
        "`audit compare --source --glossary` only. A glossary entry's source-language form (`forms`, e.g. "
        "ru = \"Песков\"; simple inflections of its last letters included) found in a source segment, while "
        "the translated segment contains neither the canonical form nor a variant (for a person, the surname "
        "alone is enough). Less sure (info) when the reference lacks the name too."
    ),
    why=(
        "A name translated for its meaning ('the Sands said' for Peskov, 'Atomic Sentinel' for a company) "
        "is no misspelling: no spelling metric or fuzzy match finds it, only the source does."
    ),
    example='source: "Песков заявил"  hypothesis: "The Sands said"  ->  segment lacks "Dmitry Peskov"',
    fix="Write the name in its canonical form where the translation rendered it.",
)

RULES: tuple[Rule, ...] = (REFERENCE_DIVERGENCE, GLOSSARY_DIVERGENCE, SOURCE_NAME_MISSING)
