"""Corpus and sentence scores from sacrebleu: BLEU, chrF and TER, each with its signature. Pure: no I/O."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sacrebleu (and numpy under it) is imported when a comparison scores, not at start-up
    from sacrebleu.metrics import BLEU, CHRF, TER

METRICS = ("bleu", "chrf", "ter")


@dataclass(frozen=True)
class Score:
    """One metric over some segments: sacrebleu's score and the signature that makes it reproducible."""

    metric: str  # "bleu", "chrf" or "ter"
    score: float
    signature: str

    def to_dict(self) -> dict[str, object]:
        return {"score": round(self.score, 4), "signature": self.signature}


def _metrics() -> dict[str, BLEU | CHRF | TER]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    # sacrebleu's defaults, as `sacrebleu REF -i HYP -m bleu chrf ter` uses them: scores match its CLI.
    return {"bleu": BLEU(), "chrf": CHRF(), "ter": TER()}


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> dict[str, Score]:
    """Corpus BLEU, chrF and TER of line-aligned segments (one reference each)."""
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypothesis segments but {len(references)} reference segments")
    scores = {}
    for name, metric in _metrics().items():
        result = metric.corpus_score(list(hypotheses), [list(references)])
        scores[name] = Score(name, float(result.score), str(metric.get_signature()))
    return scores


@lru_cache(maxsize=1)
def _sentence_chrf() -> CHRF:
    from sacrebleu.metrics import CHRF

    return CHRF()


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """chrF of one segment (sacrebleu's sentence score), for finding the worst segments."""
    return float(_sentence_chrf().sentence_score(hypothesis, [reference]).score)
