"""The shape CONTRIBUTING.md promises: modules small enough to read in one sitting."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "audit"
MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    long = {str(path.relative_to(PACKAGE)): lines for path in sorted(PACKAGE.rglob("*.py"))
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}, f"split these modules (CONTRIBUTING.md): {long}"
