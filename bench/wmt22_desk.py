#!/usr/bin/env python3
"""False alarms of the name rules on real MT copy, scanned with a desk's glossary: WMT22 against its references.

    python bench/wmt22_desk.py                              # every pair, both splits (a few seconds)
    python bench/wmt22_desk.py --split heldout              # one split
    python bench/wmt22_desk.py --pairs uk-en --systems Online-A,PROMT --limit 5   # a quick look
    python bench/wmt22_desk.py --details /tmp/desk.txt      # every unbacked finding, grouped
    python bench/wmt22_desk.py --glossary world             # another glossary instead of the bundled one

Data: ../shared/eval/wmt22 (news documents of WMT22 uk-en, ru-en, de-en: source, reference, 9-10 systems).

Method:

1. **Articles**: each system output of each chosen document, one segment a line (as ``wmt22_eval.py``
   writes them), copied into one work folder as ``<pair>__<docid>__<system>.txt``.
2. **One scan** of that folder through the library (``audit.engine.scan``) with default settings, so with
   the glossary a desk has when it runs ``audit scan FOLDER`` without ``-g``: the BUNDLED default glossary
   (``--glossary`` scans with the given files instead); rules ``--select`` (default AUD1, the name rules).
   No per-document glossary: nothing here was built from the reference.
3. **Backed by the reference**: a finding is backed when a word of its suggestion (folded with
   ``audit.text.fold``; its words of 4 or more letters, or all its words if none is that long) is a word of
   the folded ``reference.txt`` of its document; otherwise (and when it has no suggestion) it is unbacked.
4. **Table** per pair and split, split totals and the overall total: documents, articles, findings, backed,
   unbacked, unbacked at warning or error severity, and the backed share (backed / findings).

Splits are ``wmt22_eval.py``'s (``split_of``): each pair's documents, ordered by sha256("PAIR/DOCID"), are
alternately ``tune`` and ``heldout``, over every document of the folder whatever the options.

What this proxy cannot tell:

* A backed finding can still be wrong: the reference uses the suggested name somewhere in the document,
  but the flagged word may be something else (another person, an ordinary word, a correct spelling of
  another place).
* An unbacked finding can be right: the reference may write another form of the name (an exonym, another
  transliteration), leave the name out, or paraphrase it.
* So it is neither precision nor recall. It measures how often the tool cries wolf on real copy with the
  glossary a desk would use, which ``wmt22_eval.py`` cannot: there, each document's glossary is built from
  its own reference, so the glossary only ever holds names the document is about.

Output is deterministic (timings aside).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wmt22_eval import (  # noqa: E402
    PAIRS,
    SHARED,
    SPLITS,
    Document,
    documents,
    split_of,
)

from audit.config import Settings  # noqa: E402
from audit.engine import build_context, scan  # noqa: E402
from audit.model import Finding, Severity  # noqa: E402
from audit.text import fold  # noqa: E402

LOUD = (Severity.WARNING, Severity.ERROR)


@dataclass(frozen=True)
class Judged:
    """One finding, the document it is in, and whether the document's reference backs its suggestion."""

    finding: Finding
    doc: Document
    system: str
    backed: bool


@dataclass
class Count:
    documents: int = 0
    articles: int = 0
    findings: int = 0
    backed: int = 0
    unbacked: int = 0
    unbacked_loud: int = 0  # unbacked at warning or error severity

    def add(self, other: Count) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    @property
    def share(self) -> float:
        return self.backed / self.findings if self.findings else 0.0

    def row(self, label: str) -> str:
        share = f"{self.share:.3f}" if self.findings else "-"
        return (f"| {label} | {self.documents} | {self.articles} | {self.findings} | {self.backed} | {self.unbacked} "
                f"| {self.unbacked_loud} | {share} |")

    def as_dict(self) -> dict[str, float]:
        return {item.name: getattr(self, item.name) for item in fields(self)} | {"backed_share": round(self.share, 4)}


TABLE_HEAD = ("| pair split | documents | articles | findings | backed | unbacked | unbacked warning+error | backed share |\n"
              "|---|---|---|---|---|---|---|---|")


def suggestion_words(suggestion: str | None) -> set[str]:
    """The folded words of a suggestion that must be found in the reference: those of 4+ letters, else all."""
    words = fold(suggestion or "").split()
    long_words = {word for word in words if len(word) >= 4}
    return long_words or set(words)


def reference_words(doc: Document) -> frozenset[str]:
    return frozenset(fold((doc.folder / "reference.txt").read_text(encoding="utf-8")).split())


def is_backed(finding: Finding, reference: frozenset[str]) -> bool:
    return bool(suggestion_words(finding.suggestion) & reference)


def chosen_documents(data: Path, pairs: Sequence[str], split: str, limit: int | None,
                     splits: dict[tuple[str, str], str]) -> list[Document]:
    """The documents of ``pairs`` in ``split`` (or both), at most ``limit`` per pair, in docid order."""
    chosen: list[Document] = []
    for pair in pairs:
        docs = [d for d in documents(data, [pair]) if split in ("all", splits[(d.pair, d.docid)])]
        chosen += docs[:limit] if limit else docs
    return chosen


def write_articles(docs: Iterable[Document], systems: Sequence[str] | None,
                   folder: Path) -> dict[str, tuple[Document, str]]:
    """Each chosen system output as one article in ``folder``; article name -> (document, system)."""
    folder.mkdir(parents=True, exist_ok=True)
    articles: dict[str, tuple[Document, str]] = {}
    for doc in docs:
        for system in doc.systems():
            if systems and system not in systems:
                continue
            name = doc.article_name(system)
            (folder / name).write_text("\n".join(doc.lines(f"systems/{system}.txt")), encoding="utf-8")
            articles[name] = (doc, system)
    return articles


def scan_articles(folder: Path, names: Iterable[str], settings: Settings) -> list[Finding]:
    """One scan of the named articles (not the folder: a kept --workdir may hold other runs' articles)."""
    paths = [str(folder / name) for name in sorted(names)]
    if not paths:
        return []
    return list(scan(paths, settings, context=build_context(settings)).findings)


def judge(findings: Iterable[Finding], articles: dict[str, tuple[Document, str]]) -> list[Judged]:
    references: dict[Document, frozenset[str]] = {}
    judged = []
    for finding in findings:
        doc, system = articles[Path(finding.path).name]
        if doc not in references:
            references[doc] = reference_words(doc)
        judged.append(Judged(finding, doc, system, is_backed(finding, references[doc])))
    return judged


def count_group(docs: Sequence[Document], articles: dict[str, tuple[Document, str]], judged: Sequence[Judged]) -> Count:
    chosen = set(docs)
    count = Count(documents=len(chosen), articles=sum(doc in chosen for doc, _ in articles.values()))
    for item in judged:
        if item.doc not in chosen:
            continue
        count.findings += 1
        if item.backed:
            count.backed += 1
        else:
            count.unbacked += 1
            count.unbacked_loud += item.finding.severity in LOUD
    return count


def tabulate(chosen: Sequence[Document], pairs: Sequence[str], splits_used: Sequence[str],
             splits: dict[tuple[str, str], str], articles: dict[str, tuple[Document, str]],
             judged: Sequence[Judged]) -> tuple[list[str], dict[str, dict[str, float]]]:
    """The table's rows (Markdown) and the same numbers by label."""
    rows: list[str] = []
    report: dict[str, dict[str, float]] = {}
    totals: dict[str, Count] = {}
    for split in splits_used:
        for pair in pairs:
            group = [d for d in chosen if d.pair == pair and splits[(d.pair, d.docid)] == split]
            if not group:
                continue
            count = count_group(group, articles, judged)
            rows.append(count.row(f"{pair} {split}"))
            report[f"{pair} {split}"] = count.as_dict()
            for key in (split, "overall"):
                totals.setdefault(key, Count()).add(count)
    for key in [*splits_used, "overall"]:
        if key in totals and (key != "overall" or len(splits_used) > 1):
            rows.append(totals[key].row(f"**{key} total**"))
        if key in totals:
            report[f"{key} total"] = totals[key].as_dict()
    return rows, report


def grouped(judged: Iterable[Judged]) -> list[tuple[tuple[str, str], list[Judged]]]:
    """Findings by (text, suggestion), most frequent first, then alphabetically."""
    groups: dict[tuple[str, str], list[Judged]] = {}
    for item in judged:
        groups.setdefault((item.finding.text, item.finding.suggestion or ""), []).append(item)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def finding_line(item: Judged) -> str:
    f = item.finding
    return (f"    {Path(f.path).name}:{f.line}  {f.text} -> {f.suggestion or '(none)'}  {f.rule} {f.severity.label} "
            f"{f.confidence:.2f}  {f.message}")


def details_text(judged: Sequence[Judged], splits_used: Sequence[str], splits: dict[tuple[str, str], str]) -> str:
    """Per split: every unbacked finding, grouped by (text, suggestion) and counted; then the backed groups."""
    out: list[str] = []
    for split in splits_used:
        mine = [j for j in judged if splits[(j.doc.pair, j.doc.docid)] == split]
        unbacked = [j for j in mine if not j.backed]
        backed = [j for j in mine if j.backed]
        out.append(f"## {split}: {len(unbacked)} unbacked findings\n")
        for (text, suggestion), items in grouped(unbacked):
            out.append(f"{len(items):5d}  {text} -> {suggestion or '(none)'}")
            out += [finding_line(item) for item in items]
        out.append(f"\n## {split}: {len(backed)} backed findings\n")
        for (text, suggestion), items in grouped(backed):
            out.append(f"{len(items):5d}  {text} -> {suggestion or '(none)'}")
        out.append("")
    return "\n".join(out)


def top_unbacked(judged: Sequence[Judged], split: str, splits: dict[tuple[str, str], str], n: int) -> str:
    groups = grouped(j for j in judged if not j.backed and splits[(j.doc.pair, j.doc.docid)] == split)
    return ", ".join(f"{text} -> {suggestion or '(none)'} ({len(items)})" for (text, suggestion), items in groups[:n])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--pairs", default=",".join(PAIRS), help="comma-separated (default all three)")
    parser.add_argument("--systems", help="comma-separated system names (default every system)")
    parser.add_argument("--limit", type=int, help="at most this many documents per pair (in docid order)")
    parser.add_argument("--select", default="AUD1", help="rules to run, comma-separated (default AUD1: names)")
    parser.add_argument("--glossary", action="append", default=[], metavar="PATH",
                        help="scan with this glossary file instead of the bundled default; repeatable")
    parser.add_argument("--data", type=Path, default=SHARED / "eval" / "wmt22")
    parser.add_argument("--workdir", type=Path, help="write the articles here and keep them (default: a temp dir)")
    parser.add_argument("--details", type=Path, help="write the unbacked and backed findings, grouped, to this file")
    parser.add_argument("--json", type=Path, help="write the numbers as JSON to this file")
    parser.add_argument("--top", type=int, default=8, help="unbacked (text, suggestion) groups printed per split")
    return parser.parse_args(argv)


def missing_data(data: Path, pairs: Sequence[str]) -> str | None:
    if not data.is_dir():
        return f"wmt22_desk: WMT22 data not found at {data} (../shared/eval/wmt22 beside the checkout; see --data)"
    absent = [p for p in pairs if not (data / p).is_dir()]
    if absent or not pairs:
        return f"wmt22_desk: pairs {', '.join(absent) or '(none)'} not found in {data}"
    return None


def run(args: argparse.Namespace, folder: Path) -> int:
    pairs = [p for p in args.pairs.split(",") if p]
    systems = tuple(s for s in (args.systems or "").split(",") if s) or None
    select = tuple(s for s in args.select.split(",") if s)
    settings = Settings(glossaries=tuple(args.glossary), select=select)
    started = time.perf_counter()
    splits = split_of(args.data)
    chosen = chosen_documents(args.data, pairs, args.split, args.limit, splits)
    articles = write_articles(chosen, systems, folder)
    written = time.perf_counter()
    judged = judge(scan_articles(folder, articles, settings), articles)
    scanned = time.perf_counter()
    splits_used = SPLITS if args.split == "all" else (args.split,)
    rows, report = tabulate(chosen, pairs, splits_used, splits, articles, judged)
    glossary = ", ".join(args.glossary) if args.glossary else "the bundled default glossary"
    print(f"WMT22 desk scan: {len(chosen)} documents, {len(articles)} articles, rules {','.join(select)}, "
          f"glossary: {glossary}\n")
    print(TABLE_HEAD)
    print("\n".join(rows))
    print()
    for split in splits_used:
        print(f"top unbacked, {split}: {top_unbacked(judged, split, splits, args.top) or '(none)'}")
    print(f"time: write {written - started:.1f} s, scan {scanned - written:.1f} s")
    if args.details:
        args.details.write_text(details_text(judged, splits_used, splits), encoding="utf-8")
        print(f"findings, grouped: {args.details}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    problem = missing_data(args.data, [p for p in args.pairs.split(",") if p])
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.workdir:
        return run(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="wire-audit-wmt22-desk-") as tmp:
        return run(args, Path(tmp) / "articles")


if __name__ == "__main__":
    sys.exit(main())
