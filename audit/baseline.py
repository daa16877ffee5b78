"""Baselines: accept today's findings, report only new ones.

A baseline file is JSON: a version and one record per finding, identified by the finding's fingerprint
(file, rule, surface and suggestion: no line numbers) and its occurrence (the nth such finding in that
file). Paths inside it are relative to the baseline file, so the same baseline works whichever directory
``audit`` runs from. Edits elsewhere in an article leave its baselined findings baselined; a name garbled
once more than before is one new finding.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .atomic import WriteError, write_atomic
from .files import read_regular
from .model import Finding

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


def _relative(path: str, root: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def _keyed(finding: Finding, root: Path) -> Finding:
    return replace(finding, path=_relative(finding.path, root))


@dataclass(frozen=True)
class Baseline:
    path: str
    identities: frozenset[str]  # fingerprint:occurrence of every accepted finding

    @property
    def root(self) -> Path:
        return Path(os.path.abspath(self.path)).parent

    def knows(self, finding: Finding) -> bool:
        return _keyed(finding, self.root).identity in self.identities

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not know, and how many it knew."""
        new = []
        known = 0
        for finding in findings:
            if self.knows(finding):
                known += 1
            else:
                new.append(finding)
        return new, known


def load(path: str | os.PathLike[str]) -> Baseline:
    name = str(path)
    try:
        document = json.loads(read_regular(path).decode("utf-8"))
    except OSError as error:
        raise BaselineError(f"{name}: cannot read baseline ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{name}: not a baseline file (invalid JSON: {error})") from None
    except RecursionError:
        raise BaselineError(f"{name}: not a baseline file (JSON nested too deep)") from None
    except ValueError as error:  # a number of thousands of digits
        raise BaselineError(f"{name}: not a baseline file ({error})") from None
    version = document.get("version") if isinstance(document, dict) else None
    if type(version) is not int or version != VERSION or not isinstance(document.get("findings"), list):
        raise BaselineError(f"{name}: not a wire-audit baseline (expected version {VERSION} and a findings list)")
    identities = set()
    for index, record in enumerate(document["findings"], 1):
        if not (isinstance(record, dict) and isinstance(record.get("fingerprint"), str)
                and type(record.get("occurrence", 1)) is int):
            raise BaselineError(f"{name}: finding {index} has no fingerprint")
        identities.add(f"{record['fingerprint']}:{record.get('occurrence', 1)}")
    return Baseline(name, frozenset(identities))


def render(findings: Iterable[Finding], root: Path, signature: str = "") -> str:
    """The baseline file's text; ``signature`` says how the run that made it was made."""
    records = []
    for finding in findings:
        keyed = _keyed(finding, root)
        records.append({
            "fingerprint": keyed.fingerprint,
            "occurrence": keyed.occurrence,
            "path": keyed.path,
            "rule": finding.rule,
            "name": finding.name,
            "text": finding.text,
            "suggestion": finding.suggestion,
        })
    records.sort(key=lambda r: (r["path"], r["rule"], r["text"], r["suggestion"] or "", r["occurrence"]))
    document = {"version": VERSION, "tool": "wire-audit", "signature": signature, "findings": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(path: str | os.PathLike[str], findings: Iterable[Finding], signature: str = "",
          inputs: Iterable[str] = ()) -> int:
    """Record findings as a baseline, atomically (a reader never sees half a file; never onto a device, a
    link or one of ``inputs``). Returns how many."""
    target = Path(path)
    findings = list(findings)
    text = render(findings, Path(os.path.abspath(target)).parent, signature)
    try:
        write_atomic(target, text, inputs=inputs, what="baseline")
    except WriteError as error:
        raise BaselineError(str(error)) from None
    return len(findings)
