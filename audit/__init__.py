"""wire-audit: audit machine-translated news copy for garbled names and scraper debris.

Library use::

    from audit import scan, Settings
    result = scan(["articles/"], Settings(glossaries=("desk.toml",)))
    for finding in result.findings:
        print(finding.path, finding.line, finding.text, "->", finding.suggestion)
"""
__version__ = "0.1.0"

from .config import Settings  # noqa: E402
from .engine import scan  # noqa: E402
from .model import Finding, RunResult, Severity  # noqa: E402

__all__ = ["Finding", "RunResult", "Settings", "Severity", "scan", "__version__"]
