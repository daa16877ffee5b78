"""`--format junit`: JUnit XML, one test case per article, for CI systems that show test reports.

An article fails when it has a finding at or above the run's fail-on level; every finding is written
in the failure's body (some CI readers ignore the ``message`` attribute). Findings below the threshold go
to the test case's ``system-out``. A file that could not be read is a test case with an ``error``.
No timestamps or durations: the same scan gives the same file.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import Finding, RunResult
from .common import by_path, plural

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _detail(finding: Finding) -> str:
    suggestion = f' -> "{finding.suggestion}"' if finding.suggestion else ""
    return _clean(
        f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.label} {finding.rule} {finding.name}: "
        f'"{finding.text}"{suggestion}\n    {finding.message}'
    )


def render(result: RunResult, *, color: bool = False) -> str:
    suite = ET.Element("testsuite", name="wire-audit")
    failures = errors = 0
    for path, findings in by_path(result).items():
        case = ET.SubElement(suite, "testcase", classname="wire-audit", name=_clean(path), file=_clean(path))
        failing = [f for f in findings if result.failing(f)]
        passing = [f for f in findings if not result.failing(f)]
        if failing:
            failures += 1
            rules = sorted({f"{f.rule} {f.name}" for f in failing})
            failure = ET.SubElement(case, "failure", type=", ".join(rules),
                                    message=f"{plural(len(failing), 'finding')} at or above {result.fail_on}")
            failure.text = "\n".join(_detail(f) for f in failing) + "\n"
        if passing:
            ET.SubElement(case, "system-out").text = "\n".join(_detail(f) for f in passing) + "\n"
    for problem in result.problems:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="wire-audit", name=_clean(problem.path), file=_clean(problem.path))
        ET.SubElement(case, "error", type="input", message=_clean(problem.message)).text = _clean(str(problem)) + "\n"
    tests = len(suite)
    suite.attrib.update(tests=str(tests), failures=str(failures), errors=str(errors), skipped="0")
    root = ET.Element("testsuites", name="wire-audit", tests=str(tests), failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
