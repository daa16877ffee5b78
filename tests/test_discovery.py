"""Name discovery (audit/discovery.py) and the `audit names` command."""
from __future__ import annotations

from pathlib import Path

import pytest

from audit.cli import main
from audit.discovery import discover_names, to_csv, to_text
from audit.documents import Document
from audit.engine import read_documents
from audit.glossary import Entry, Glossary, load_glossary
from audit.matching import Matcher

SHARED = Path(__file__).resolve().parents[2] / "shared"

DAY1 = (
    "By Arpine Arshakyan\n\n"
    "The Ministry of Water said on Monday that the Lake Kivrik reservoir near Dzoragyugh was full.\n\n"
    "Kivrik supplies three towns. Engineers at Kivrik said the dam was safe.\n\n"
    "(Reporting by Arpina Arshakian; Editing by Tom Hale)\n"
)
DAY2 = (
    "Engineers inspected the Kivrik dam again. Farmers near Dzoragyugh welcomed the news, "
    "Armenian officials said. Nonetheless, Yerevan asked for a report.\n"
)


def matcher(*entries: Entry) -> Matcher:
    return Matcher(Glossary(entries or (Entry("Yerevan", "place"), Entry("Armenia", "place"))))


def documents() -> list[Document]:
    return [Document.from_text("day1.txt", DAY1), Document.from_text("day2.txt", DAY2)]


def test_spellings_of_one_name_form_one_cluster():
    found = discover_names(documents(), matcher())
    (byline,) = [cluster for cluster in found if "Arpine Arshakyan" in [s.text for s in cluster.spellings]]
    assert [s.text for s in byline.spellings] == ["Arpine Arshakyan", "Arpina Arshakian"]  # first seen first
    assert byline.count == 2 and byline.type == "person"
    assert byline.spellings[1].line == 7 and "Reporting by Arpina Arshakian" in byline.spellings[1].context


def test_most_frequent_first_with_counts_and_context():
    found = discover_names(documents(), matcher())
    assert found[0].name == "Kivrik" and found[0].count == 4 and found[0].articles == 2
    assert found[0].spellings[0].path == "day1.txt" and found[0].spellings[0].line == 3
    counts = [cluster.count for cluster in found]
    assert counts == sorted(counts, reverse=True)
    assert discover_names(documents(), matcher(), min_count=2) == [c for c in found if c.count >= 2]


def test_known_names_demonyms_and_ordinary_words_are_left_out():
    names = {spelling.text for cluster in discover_names(documents(), matcher()) for spelling in cluster.spellings}
    assert "Yerevan" not in names and "Armenian" not in names  # in the glossary, or derived from a glossary name
    assert "Nonetheless" not in names and "Ministry" not in names and "Monday" not in names  # ordinary words
    assert "Tom" not in names  # an ordinary word on its own
    assert {"Dzoragyugh", "Kivrik"} <= names


def test_garbles_of_glossary_names_are_marked_and_kept_out_of_the_csv():
    glossary_name = Entry("Arpine Arshakyan", "person")
    found = discover_names(documents(), matcher(glossary_name, Entry("Yerevan", "place")))
    garbled = [cluster for cluster in found if cluster.garble_of]
    assert [s.text for cluster in garbled for s in cluster.spellings] == ["Arpina Arshakian"]
    assert "garble" in to_text(garbled)
    assert "Arshakian" not in to_csv(found)


def test_csv_loads_as_a_glossary(tmp_path: Path):
    found = discover_names(documents(), matcher())
    path = tmp_path / "new-names.csv"
    path.write_text(to_csv(found), encoding="utf-8")
    glossary = load_glossary(path)
    assert [entry.canonical for entry in glossary.entries] == [cluster.name for cluster in found]
    byline = next(entry for entry in glossary.entries if entry.canonical == "Arpine Arshakyan")
    assert byline.type == "person" and byline.variants == () and byline.avoid == ()
    assert "Arpina Arshakian" in byline.note and "review" in byline.note


def test_output_is_deterministic():
    first = to_text(discover_names(documents(), matcher()))
    second = to_text(discover_names(documents(), matcher()))
    assert first == second and first.startswith("Kivrik  (4x")


def test_names_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "day1.txt").write_text(DAY1, encoding="utf-8")
    (tmp_path / "day2.txt").write_text(DAY2, encoding="utf-8")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("canonical,type,variants,avoid,note\nYerevan,place,,,\nArmenia,place,,,\n", encoding="utf-8")
    out = tmp_path / "names.csv"
    code = main(["names", str(tmp_path / "day1.txt"), str(tmp_path / "day2.txt"), "-g", str(glossary), "--csv", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Kivrik  (4x") and "Arpina Arshakian" in printed
    assert len(load_glossary(out)) == len([line for line in printed.splitlines() if not line.startswith(" ")])
    assert main(["names", str(tmp_path / "absent")]) == 2


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not available")
def test_reuters_byline_variants_cluster_on_the_seeds():
    found = discover_names(read_documents([str(SHARED / "seeds")], []), Matcher(Glossary(())))
    clusters = [{s.text for s in cluster.spellings} for cluster in found]
    assert any({"Niward Hovhanisyan", "Nervard Hovhannisen"} <= spellings for spellings in clusters)
