"""AUD401 foreign-script: a passage left in another script (Cyrillic, Arabic, Armenian...) inside the copy."""
from __future__ import annotations

from collections.abc import Iterator

from ..documents import Document
from ..language import ScriptRun, foreign_script_runs, script_label
from ..model import Finding, Rule, Severity
from ..text import LETTERS
from .base import Check, Context, graded

RULE = Rule(
    id="AUD401",
    name="foreign-script",
    severity=Severity.WARNING,
    summary="A passage left in another script (Cyrillic, Arabic, Armenian...) inside copy in the target language.",
    what=(
        "Runs of two or more words written in a script the target language does not use (for English copy: "
        "anything but Latin letters), such as a bracketed phrase left in Cyrillic or a quotation left in "
        "Armenian. A single word, a local name of up to four title-case words, and a title of up to three "
        "words in quotes (a newspaper's original title) are not passages and are left alone. For "
        "scripts written without spaces (Chinese, Japanese, Thai), six characters make a passage. The target "
        "language is English unless the configuration or --language sets another."
    ),
    why=(
        "A passage in another script is text the translation left out: readers cannot read it, and the "
        "story may be missing what it said."
    ),
    example=(
        "The minister called it (\u0442\u0430\u043a \u043d\u0430\u0437\u044b\u0432\u0430\u0435\u043c\u0430\u044f "
        "\u043e\u043f\u0435\u0440\u0430\u0446\u0438\u044f) a success.  ->  3 words left in Cyrillic script in en "
        "copy: translate it"
    ),
    fix="Translate the passage, or remove it if the story already says it in English.",
)

MIN_WORDS = 2
MIN_LETTERS = 8
MIN_UNSPACED_CHARACTERS = 6
MAX_NAME_WORDS = 4
_OPENING = "\"'\u201c\u201e\u00ab\u2018\u201a\u2039"
_CLOSING = "\"'\u201d\u201c\u00bb\u2019\u2018\u203a"


def _is_name(text: str, run: ScriptRun) -> bool:
    """A local name: a few title-case words, or up to three words in quotes (a title, a caseless name)."""
    if run.unspaced or run.words > MAX_NAME_WORDS:
        return False
    surface = text[run.start : run.end]
    words = LETTERS.findall(surface)
    cased = any(char.isupper() or char.islower() for char in surface)
    if cased and all(word[:1].isupper() for word in words):
        return True
    # In quotes: a title ("Novaya gazeta" capitalises its first word only), or a caseless script's name.
    before, after = text[run.start - 1 : run.start], text[run.end : run.end + 1]
    quoted = bool(before) and before in _OPENING and bool(after) and after in _CLOSING
    return quoted and run.words <= 3 and (not cased or words[0][:1].isupper())


def check(document: Document, context: Context) -> Iterator[Finding]:
    text = document.text
    for run in foreign_script_runs(text, context.settings.target_language):
        if run.unspaced:
            if run.letters < MIN_UNSPACED_CHARACTERS:
                continue
        elif run.words < MIN_WORDS or run.letters < MIN_LETTERS or _is_name(text, run):
            continue
        size = run.letters if run.unspaced else run.words
        confidence = 0.95 if size >= (12 if run.unspaced else 4) else 0.85
        scripts = " and ".join(script_label(script) for script in run.scripts[:2])
        unit = "characters" if run.unspaced else "words"
        yield document.finding(
            RULE,
            run.start,
            run.end,
            f"{size} {unit} left in {scripts} script in {context.settings.target_language} copy: translate it",
            confidence=confidence,
            severity=graded(RULE, confidence),
        )


CHECK = Check(rules=(RULE,), check=check)
