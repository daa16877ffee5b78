"""bench/wmt22_desk.py on a small WMT22-shaped folder of sentences written for these tests (the bundled
glossary's garbles, some of which the invented reference backs), and a smoke run on ../shared where it exists."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import wmt22_desk  # noqa: E402
import wmt22_eval  # noqa: E402

# docid -> (source, reference, {system: output}), line-aligned as in ../shared/eval/wmt22.
DOCUMENTS = {
    # tune: the reference backs Stepanakert and Brussels, not Kapan (the mayor's name is Kapanov).
    "bus-stop": (
        ["Мешканці Степанакерта чекали на автобуси.", "Міністри зустрілися в Брюсселі в понеділок.", "Мер Іво Капанов пообіцяв нові ліхтарі."],
        ["Residents of Stepanakert waited for the buses.", "The ministers met in Brussels on Monday.", "Mayor Ivo Kapanov promised new lamps."],
        {"SysA": ["Residents of Stefanakert waited for buses.", "The ministers met in Brusels on Monday.", "Mayor Ivo Kapanov promised new street lamps."],
         "SysB": ["Inhabitants of Stepanakert waited for the buses.", "Ministers met in Brussels on Monday.", "Mayor Ivo Kapanov promised new lamps."]},
    ),
    # heldout: a real Vardenik harbour (invented) the glossary's Vardenis makes a garble; the reference does not back it.
    "ferry-port": (
        ["Пором вийшов із гавані Варденік на світанку.", "Мер Іво Капанов помахав рукою."],
        ["The ferry left Vardenik harbour at dawn.", "Mayor Ivo Kapanov waved."],
        {"SysA": ["The ferry left Vardenik harbour at dawn.", "Mayor Ivo Kapanov waved his hand."],
         "SysB": ["The ferry left the harbour of Vardenik at dawn.", "The mayor waved."]},
    ),
    # tune: Shusha backed.
    "choir-night": (
        ["Хор співав у Шуші.", "Концерт тривав дві години."],
        ["The choir sang in Shusha.", "The concert lasted two hours."],
        {"SysA": ["The choir sang in Shushina.", "The concert lasted two hours."],
         "SysB": ["The choir sang in Shusha.", "The concert went on for two hours."]},
    ),
}


def write_lines(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "wmt22"
    for docid, (source, reference, systems) in DOCUMENTS.items():
        folder = root / "uk-en" / docid
        write_lines(folder / "source.txt", source)
        write_lines(folder / "reference.txt", reference)
        for system, output in systems.items():
            write_lines(folder / "systems" / f"{system}.txt", output)
    return root


def test_the_fake_folder_splits_as_the_counts_below_assume(data):
    assert wmt22_eval.split_of(data) == {("uk-en", "bus-stop"): "tune", ("uk-en", "choir-night"): "tune",
                                         ("uk-en", "ferry-port"): "heldout"}


def test_counts_backed_and_unbacked_findings_with_the_bundled_glossary(data, tmp_path, capsys):
    report, details = tmp_path / "desk.json", tmp_path / "details.txt"
    argv = ["--data", str(data), "--pairs", "uk-en", "--json", str(report), "--details", str(details)]
    assert wmt22_desk.main(argv) == 0
    numbers = json.loads(report.read_text(encoding="utf-8"))
    assert numbers["uk-en tune"] == {"documents": 2, "articles": 4, "findings": 5, "backed": 3, "unbacked": 2,
                                     "unbacked_loud": 0, "backed_share": 0.6}
    assert numbers["uk-en heldout"] == {"documents": 1, "articles": 2, "findings": 3, "backed": 0, "unbacked": 3,
                                        "unbacked_loud": 2, "backed_share": 0.0}
    assert numbers["overall total"] == {"documents": 3, "articles": 6, "findings": 8, "backed": 3, "unbacked": 5,
                                        "unbacked_loud": 2, "backed_share": 0.375}
    printed = capsys.readouterr().out
    assert "| uk-en tune | 2 | 4 | 5 | 3 | 2 | 0 | 0.600 |" in printed
    assert "| uk-en heldout | 1 | 2 | 3 | 0 | 3 | 2 | 0.000 |" in printed
    assert "top unbacked, heldout: Vardenik -> Vardenis (2), Kapanov -> Kapan (1)" in printed

    text = details.read_text(encoding="utf-8")
    tune, heldout = text.split("## heldout", 1)
    assert "## tune: 2 unbacked findings" in tune and "## tune: 3 backed findings" in tune
    assert ("    2  Kapanov -> Kapan\n    uk-en__bus-stop__SysA.txt:3  Kapanov -> Kapan  AUD101 info 0.71"
            "  \"Kapanov\" should be \"Kapan\"") in tune
    assert "uk-en__bus-stop__SysB.txt:3  Kapanov -> Kapan  AUD101 info" in tune
    for garble in ("Stefanakert -> Stepanakert", "Brusels -> Brussels", "Shushina -> Shusha"):
        assert f"    1  {garble}\n" in tune
    assert ": 3 unbacked findings" in heldout and ": 0 backed findings" in heldout
    # Grouped by (text, suggestion), most frequent first, every finding of the group listed under it.
    assert heldout.index("    2  Vardenik -> Vardenis") < heldout.index("    1  Kapanov -> Kapan")
    assert "uk-en__ferry-port__SysA.txt:1  Vardenik -> Vardenis  AUD101 error" in heldout
    assert "uk-en__ferry-port__SysB.txt:1  Vardenik -> Vardenis  AUD101 error" in heldout
    assert "uk-en__ferry-port__SysA.txt:2  Kapanov -> Kapan  AUD101 info" in heldout


def test_split_systems_and_limit_narrow_the_run(data, tmp_path):
    report = tmp_path / "desk.json"
    argv = ["--data", str(data), "--pairs", "uk-en", "--split", "tune", "--systems", "SysA", "--limit", "1",
            "--json", str(report)]
    assert wmt22_desk.main(argv) == 0
    numbers = json.loads(report.read_text(encoding="utf-8"))
    assert set(numbers) == {"uk-en tune", "tune total", "overall total"}
    # The first tune document in docid order is bus-stop: SysA's Stefanakert and Brusels (backed), Kapanov (not).
    assert numbers["tune total"] == {"documents": 1, "articles": 1, "findings": 3, "backed": 2, "unbacked": 1,
                                     "unbacked_loud": 0, "backed_share": round(2 / 3, 4)}


def test_missing_data_or_pair_exits_2(data, tmp_path, capsys):
    assert wmt22_desk.main(["--data", str(tmp_path / "absent")]) == 2
    assert "not found" in capsys.readouterr().err
    assert wmt22_desk.main(["--data", str(data)]) == 2  # ru-en and de-en are not in the fake folder
    assert "ru-en, de-en" in capsys.readouterr().err


def test_suggestion_words_keep_long_words_or_all():
    assert wmt22_desk.suggestion_words("Nagorno-Karabakh") == {"nagorno", "karabakh"}
    assert wmt22_desk.suggestion_words("Lake Sevan") == {"lake", "sevan"}
    assert wmt22_desk.suggestion_words("Bayraktar TB2") == {"bayraktar"}
    assert wmt22_desk.suggestion_words("BP") == {"bp"}
    assert wmt22_desk.suggestion_words(None) == set()


@pytest.mark.slow
def test_smoke_run_on_two_wmt22_documents(shared_dir, tmp_path):
    data = shared_dir / "eval" / "wmt22"
    if not data.is_dir():
        pytest.skip(f"WMT22 data not found at {data}")
    report = tmp_path / "desk.json"
    assert wmt22_desk.main(["--data", str(data), "--pairs", "uk-en", "--limit", "2", "--json", str(report)]) == 0
    overall = json.loads(report.read_text(encoding="utf-8"))["overall total"]
    assert overall["documents"] == 2 and overall["articles"] == 20  # --limit is per pair, 10 systems each
    assert overall["backed"] + overall["unbacked"] == overall["findings"]
