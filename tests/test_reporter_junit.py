"""`--format junit`: one test case per article; details in the failure body."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from report_support import make_finding, make_result

from audit.model import InputProblem, Severity
from audit.reporters import junit


def _suite(result) -> ET.Element:
    root = ET.fromstring(junit.render(result).encode("utf-8"))
    assert root.tag == "testsuites"
    return root.find("testsuite")


def test_one_case_per_article_failure_details_in_body():
    findings = [make_finding(path="a.md"), make_finding("Jerevan", path="a.md", suggestion="Yerevan", start=30)]
    suite = _suite(make_result(findings, paths=["a.md", "b.md"]))
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["a.md", "b.md"]
    assert suite.get("tests") == "2" and suite.get("failures") == "1" and suite.get("errors") == "0"
    failure = cases[0].find("failure")
    assert "Tavoz" in failure.text and '"Jerevan" -> "Yerevan"' in failure.text
    assert failure.get("message") == "2 findings at or above warning"
    assert cases[1].find("failure") is None


def test_findings_below_fail_on_go_to_system_out():
    info = make_finding(severity=Severity.INFO, path="a.md")
    case = _suite(make_result([info], fail_on="warning")).find("testcase")
    assert case.find("failure") is None
    assert "Tavoz" in case.find("system-out").text
    failing = _suite(make_result([info], fail_on="info")).find("testcase")
    assert failing.find("failure") is not None
    assert _suite(make_result([make_finding()], fail_on="never")).get("failures") == "0"


def test_unreadable_file_is_an_error_case():
    suite = _suite(make_result([], paths=[], problems=[InputProblem("bin.txt", "binary file")]))
    assert suite.get("errors") == "1"
    assert suite.find("testcase/error").get("message") == "binary file"


def test_characters_xml_cannot_carry_are_replaced():
    finding = make_finding("Ta\x0bvoz\x00", path="a\x01.md")
    suite = _suite(make_result([finding]))  # parses: nothing invalid left
    assert "Ta\ufffdvoz\ufffd" in suite.find("testcase/failure").text
