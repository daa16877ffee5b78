"""XLIFF 1.2/2.x and TMX: the target text of each unit is audited, its source kept beside it."""
from __future__ import annotations

import html

import pytest
from reader_support import FIXTURES, read_fixture, words_with_raw

from audit.config import Settings
from audit.engine import scan
from audit.readers import tmx, xliff
from audit.readers.base import ReaderError


def _record_texts(reading):
    return {record.id: reading.text[record.start:record.end] for record in reading.records}


def test_xliff_12_targets_without_inline_codes():
    reading = read_fixture("units12.xlf", "xliff")
    texts = _record_texts(reading)
    assert texts == {"u1": "Prime Minister Nicholas Pashinyan arrived in Jerevan.",
                     "u2": "Talks in Stepanakret & Bärbock spoke."}  # u3 has no target yet
    sources = {record.id: record.source for record in reading.records}
    assert sources["u1"] == "Премьер-министр Никол Пашинян прибыл в Ереван."
    assert sources["u2"] == "Переговоры в Степанакерте."


def test_xliff_2_segments_of_a_unit_are_one_article():
    reading = read_fixture("units20.xlf", "xliff")
    assert _record_texts(reading) == {"n1": "Nicholas Pashinyan arrived in Jerevan. Talks in Stepanakret began."}
    assert reading.records[0].source == "Никол Пашинян прибыл в Ереван.Переговоры в Степанакерте."


def test_tmx_target_is_the_tuv_not_in_the_source_language():
    reading = read_fixture("memory.tmx", "tmx")
    assert _record_texts(reading) == {"t1": "Nicholas Pashinyan arrived in Jerevan.",
                                      "tu 2": "Talks in Stepanakret & beyond."}
    assert [record.source for record in reading.records] == ["Никол Пашинян прибыл в Ереван.",
                                                              "Переговоры в Степанакерте."]


@pytest.mark.parametrize("name, format_name", [("units12.xlf", "xliff"), ("units20.xlf", "xliff"),
                                               ("memory.tmx", "tmx")])
def test_every_visible_word_and_finding_maps_back_to_the_raw_file(name, format_name):
    reading = read_fixture(name, format_name)
    for word, raw in words_with_raw(reading):
        assert html.unescape(raw) == word
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    lines = raw.splitlines(keepends=True)
    result = scan([str(FIXTURES / name)], Settings())
    assert result.findings and all(f.record for f in result.findings)
    for finding in result.findings:
        assert raw[finding.start:finding.end] == finding.text  # non-ASCII before them: characters, not bytes
        assert lines[finding.line - 1][finding.column - 1:].startswith(finding.text)


def test_not_translation_files_and_unsafe_xml_are_refused():
    with pytest.raises(ReaderError, match="no <xliff> root"):
        xliff.read("<html><body>Baku</body></html>")
    with pytest.raises(ReaderError, match="not well-formed XML"):
        tmx.read("<tmx><body><tu></tmx>")
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>'
    with pytest.raises(ReaderError, match="entities"):
        xliff.read(bomb)
