"""Reading what `audit compare` compares: line-aligned segment files, or folders of them paired by name.

The only module of the package that touches the file system. Every problem is a CompareInputError: one
line naming the files (and, for misaligned files, their line counts), exit code 2 in the CLI.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..documents import Document, DocumentError, read_document


class CompareInputError(Exception):
    """Input `audit compare` cannot use; ``str()`` is one line naming the files."""


@dataclass(frozen=True)
class Segmented:
    """A document read as segments: line N of the file is segment N."""

    document: Document
    segments: tuple[str, ...]

    @property
    def path(self) -> str:
        return self.document.path

    def line_start(self, index: int) -> int:
        """Offset in the document text where segment ``index`` (0-based) begins."""
        return self.document.line_starts[index]


@dataclass(frozen=True)
class DocumentPair:
    """One document of a comparison: hypothesis, reference and optional source, aligned segment by segment."""

    name: str  # the hypothesis file's name relative to the hypothesis folder (its path for a single file)
    hypothesis: Segmented
    reference: Segmented
    source: Segmented | None = None


def segmented(document: Document) -> Segmented:
    """Split a document into segments, one a line; a final line break does not start another segment."""
    lines = len(document.line_starts)
    if document.text == "" or document.line_starts[-1] == len(document.text):
        lines -= 1  # the text ends with a line break (or is empty): no segment after it
    return Segmented(document, tuple(document.line_text(number) for number in range(1, lines + 1)))


def _read(path: Path) -> Segmented:
    try:
        return segmented(read_document(path))
    except DocumentError as error:
        raise CompareInputError(str(error)) from None


def _files(folder: Path) -> dict[str, Path]:
    """Every non-hidden file under a folder, by its path relative to the folder (with /)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found[relative.as_posix()] = path
    return found


def _aligned(hypothesis: Segmented, other: Segmented, role: str) -> None:
    if len(hypothesis.segments) != len(other.segments):
        raise CompareInputError(
            f"{hypothesis.path} has {len(hypothesis.segments)} lines but {role} {other.path} has "
            f"{len(other.segments)}: segment files must be line-aligned"
        )


def _pair(name: str, hypothesis: Path, reference: Path, source: Path | None) -> DocumentPair:
    pair = DocumentPair(name, _read(hypothesis), _read(reference), _read(source) if source else None)
    _aligned(pair.hypothesis, pair.reference, "reference")
    if pair.source is not None:
        _aligned(pair.hypothesis, pair.source, "source")
    return pair


def load_pairs(hypothesis: str, reference: str, source: str | None = None) -> list[DocumentPair]:
    """Pair the inputs: three files, or three folders whose files are matched by relative path."""
    paths = {"hypothesis": Path(hypothesis), "reference": Path(reference)}
    if source is not None:
        paths["source"] = Path(source)
    for role, path in paths.items():
        if not path.exists():
            raise CompareInputError(f"{path}: no such file or directory ({role})")
    folders = {role: path.is_dir() for role, path in paths.items()}
    if len(set(folders.values())) > 1:
        kinds = ", ".join(f"{role} {paths[role]} is a {'folder' if is_dir else 'file'}" for role, is_dir in folders.items())
        raise CompareInputError(f"give files or folders, not both: {kinds}")
    if not folders["hypothesis"]:
        return _nonempty(hypothesis, [_pair(hypothesis, paths["hypothesis"], paths["reference"], paths.get("source"))])
    listings = {role: _files(path) for role, path in paths.items()}
    hypotheses = listings["hypothesis"]
    if not hypotheses:
        raise CompareInputError(f"{hypothesis}: no files to compare")
    for role in listings.keys() - {"hypothesis"}:
        missing = sorted(hypotheses.keys() - listings[role].keys())
        extra = sorted(listings[role].keys() - hypotheses.keys())
        if missing:
            raise CompareInputError(f"{paths['hypothesis'] / missing[0]} has no {role} file {paths[role] / missing[0]}")
        if extra:
            raise CompareInputError(f"{paths[role] / extra[0]} has no hypothesis file {paths['hypothesis'] / extra[0]}")
    return _nonempty(hypothesis, [
        _pair(name, path, listings["reference"][name], listings["source"][name] if "source" in listings else None)
        for name, path in hypotheses.items()
    ])


def _nonempty(hypothesis: str, pairs: list[DocumentPair]) -> list[DocumentPair]:
    """No segments at all is an input error: a CI gate must not pass on an empty file."""
    if not any(pair.hypothesis.segments for pair in pairs):
        raise CompareInputError(f"{hypothesis}: no segments to compare (empty)")
    return pairs
