"""`--format github`: workflow commands with the runner's escaping."""
from __future__ import annotations

from report_support import make_finding, make_result

from audit.model import InputProblem, Severity
from audit.reporters import github


def test_annotation_shape_and_levels():
    findings = [make_finding(), make_finding(severity=Severity.WARNING), make_finding(severity=Severity.INFO)]
    lines = github.render(make_result(findings)).splitlines()
    assert lines[0] == (
        '::error file=news/a.md,line=2,col=5,endLine=2,endColumn=10,title=AUD101 garbled-name::"Tavoz" should be "Tovuz"'
    )
    assert [line.split(" ")[0] for line in lines[:3]] == ["::error", "::warning", "::notice"]
    assert lines[-1].startswith("wire-audit: 3 findings")


def test_escaping_of_data_and_properties():
    finding = make_finding(path="a,b:c%.md", message="100% sure\nsecond line\r")
    line = github.render(make_result([finding])).splitlines()[0]
    assert "file=a%2Cb%3Ac%25.md," in line
    assert line.endswith("::100%25 sure%0Asecond line%0D (suggestion: Tovuz)")
    assert github.escape_property("x:y,z") == "x%3Ay%2Cz"


def test_problems_are_errors():
    out = github.render(make_result([], paths=[], problems=[InputProblem("x.txt", "binary file", 3)]))
    assert out.splitlines()[0] == "::error file=x.txt,line=3,title=unreadable input::binary file"
