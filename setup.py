"""Build: the matcher's modules compiled to C with mypyc, when a C compiler is at hand.

Everything else about the package is declared in pyproject.toml; this file only adds the compiled
modules. They are the same Python files, type-checked and translated by mypyc (part of mypy, as black and
tomli are built): the per-word work of the name rules runs about a quarter faster (bench/README.md,
"Compiled"). The findings are the same, finding for finding (bench/check_identical.py).

    pip install .                         compiled (a C compiler is needed; without one, pure Python)
    pip install -e .                      pure Python: edits to the sources take effect at once
    WIRE_AUDIT_COMPILE=0 pip install .    pure Python
    WIRE_AUDIT_COMPILE=1 pip install -e . compiled in place (rebuild after editing a compiled module)

A compiled install runs its Python sources instead when AUDIT_PURE_PYTHON=1 is set (audit/build.py).
"""
from __future__ import annotations

import os
import shutil
import sys
import sysconfig

from setuptools import setup

# The modules of the per-word work (profiled: bench/README.md). Not compiled: the CLI, the readers, the
# reporters, the checks' thin shells, and audit/debris.py, whose regular expressions run slower when
# called from compiled code.
COMPILED = [
    "audit/text/keys.py",
    "audit/text/tokens.py",
    "audit/text/translit.py",
    "audit/text/frequency.py",
    "audit/text/sorted_words.py",
    "audit/matching/batch_lookup.py",
    "audit/matching/clues.py",
    "audit/matching/evidence.py",
    "audit/matching/given_names.py",
    "audit/matching/index.py",
    "audit/matching/lone_given.py",
    "audit/matching/matcher.py",
    "audit/matching/mentions.py",
    "audit/matching/name_match.py",
    "audit/matching/near_words.py",
    "audit/matching/phrases.py",
    "audit/matching/place_spellings.py",
    "audit/matching/targets.py",
    "audit/matching/weights.py",
    "audit/matching/wordforms.py",
    "audit/variants.py",
    "audit/language.py",
]


def wanted() -> bool:
    choice = os.environ.get("WIRE_AUDIT_COMPILE", "").strip().lower()
    if choice in ("0", "no", "false"):
        return False
    if choice in ("1", "yes", "true"):
        return True
    # An editable install is a developer's checkout: sources edited there must run as edited.
    return "editable_wheel" not in sys.argv


def compiler_found() -> bool:
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(compiler) is not None


def compiled_modules() -> list:
    if not wanted():
        return []
    if not compiler_found():
        print("wire-audit: no C compiler found; installing the pure-Python build", file=sys.stderr)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip --no-build-isolation without mypy installed
        print("wire-audit: mypy (mypyc) is not installed; installing the pure-Python build", file=sys.stderr)
        return []
    # Third-party libraries are not installed in pip's isolated build environment: their calls are compiled
    # as calls of Python objects, as they run anyway (and the type: ignore comments they need go unused).
    options = ["--ignore-missing-imports", "--no-warn-unused-ignores"]
    try:
        return mypycify([*options, *COMPILED], group_name="wire_audit", opt_level="3")
    except (Exception, SystemExit) as error:  # a newer mypy that rejects the code: still an install
        print(f"wire-audit: mypyc could not compile ({error}); installing the pure-Python build", file=sys.stderr)
        return []


setup(ext_modules=compiled_modules())
