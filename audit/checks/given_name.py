"""AUD102 given-name-substitution: the family name is right, the given name replaced by a cognate."""
from __future__ import annotations

from collections.abc import Iterator

from ..documents import Document
from ..matching import NameKind
from ..model import Finding, Rule, Severity
from .base import Check, Context, name_findings

RULE = Rule(
    id="AUD102",
    name="given-name-substitution",
    severity=Severity.ERROR,
    summary="A person's given name replaced by its counterpart in another language (Nicholas for Nikol).",
    what=(
        "A glossary person's family name preceded by a given name that is the same name in another "
        "language (Nicholas, Nikola or Nicolas Pashinyan for Nikol Pashinyan; Giuseppe Borrell for Josep "
        "Borrell). The table of cognate given names is audit/data/given_names.toml. A given name that is "
        "neither a cognate nor a near spelling belongs to a different person and is not reported. A given "
        "name standing alone (\"Olga was found\") is reported, as a warning, when it is the cognate of the "
        "given name of a person the article names in full (Olha Sukhenko) and of nobody else it names."
    ),
    why=(
        "Translation engines 'translate' given names as if they were words. The result reads naturally, so "
        "editors miss it, but it names someone who does not exist."
    ),
    example='Prime Minister Nicholas Pashinyan said...  ->  "Nicholas Pashinyan" should be "Nikol Pashinyan"',
    fix="Write the person's name as the glossary spells it.",
    fix_safety="safe",
)
NAME_KIND: NameKind = "given-name"  # the matcher's NameMatch.kind this rule reports


def check(document: Document, context: Context) -> Iterator[Finding]:
    return name_findings(document, context, RULE, NAME_KIND)


CHECK = Check(rules=(RULE,), check=check, name_kinds=frozenset({NAME_KIND}))
