"""`--changed-since REF`: the files git reports as changed since a revision.

Changed means: differing from REF in the working tree (committed since, staged or not), or untracked
and not ignored. Deleted files are left out: there is nothing to scan.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable


class ChangesError(Exception):
    """git could not answer; the message is one line."""


def _git(directory: str, *args: str) -> str:
    try:
        # surrogateescape: a file name that is not UTF-8 stays its own bytes, and opens again as itself.
        done = subprocess.run(["git", "-C", directory, *args], capture_output=True, text=True, check=False,
                              encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise ChangesError("--changed-since needs git, and git is not installed") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"git {args[0]} failed"])[0]
        raise ChangesError(f"git: {reason.removeprefix('fatal: ')}")
    return done.stdout


def _start(path: str) -> str:
    if path == "-" or not os.path.exists(path):
        return os.getcwd()
    absolute = os.path.abspath(path)
    return absolute if os.path.isdir(absolute) else os.path.dirname(absolute)


def changed_files(ref: str, paths: Iterable[str]) -> set[str]:
    """Real paths of every file changed since ``ref`` in the repositories holding ``paths``."""
    if not ref.strip() or ref.startswith("-"):
        raise ChangesError(f"--changed-since: expected a revision such as main or HEAD~3, got {ref!r}")
    tops = set()
    for path in paths:
        try:
            tops.add(_git(_start(path), "rev-parse", "--show-toplevel").strip())
        except ChangesError:
            raise ChangesError(f"{path}: not in a git repository (needed by --changed-since)") from None
    changed: set[str] = set()
    for top in sorted(tops):
        try:
            _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        except ChangesError:
            raise ChangesError(f"--changed-since: unknown revision {ref!r} in {top}") from None
        names = _git(top, "diff", "--name-only", "--no-renames", "--diff-filter=d", "-z", ref, "--").split("\0")
        names += _git(top, "ls-files", "-z", "--others", "--exclude-standard").split("\0")
        changed.update(os.path.realpath(os.path.join(top, name)) for name in names if name)
    return changed
