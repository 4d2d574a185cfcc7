"""`campaignkit teams import` on exports shaped like the real ones: Google Forms (UTF-8, commas),
Excel in Belgium (semicolons, Windows-1252 or UTF-8 with a BOM), Excel's "Unicode text"
(UTF-16, tabs); quoted newlines, empty rows, duplicate names, formula-looking cells. The
team files it writes are read back by the campaign's own validation."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from support.campaigns import ACTION, write_campaign

from campaignkit import cli
from campaignkit.loading import parse_document
from campaignkit.model import Campaign
from campaignkit.signups import team_text
from campaignkit.validation import load_campaign

HEADERS = [
    "Tijdstempel",
    "Naam",
    "E-mailadres",
    "Telefoonnummer",
    "Naam van jullie ploeg",
    "Soort ploeg",
    "Aantal gezinnen dat meedoet",
    "Hoeveel gezinnen wonen er in de straat?",
    "Welke acties kiezen jullie?",
    "Vertel iets over jullie ploeg",
]
#: What residents typed about themselves: none of it may be written anywhere.
PERSONAL = ("Griet Vandamme", "griet.vandamme@telenet.be", "0471 12 34 56", "Ann Claes", "ann@x.be")
ROWS = [
    [
        "12/03/2027 14:05:33",
        "Griet Vandamme",
        "griet.vandamme@telenet.be",
        "0471 12 34 56",
        "Kerkstraat",
        "Straat",
        "14",
        "40",
        "Een geveltuin langs je gevel",
        "We beginnen aan de kerk.\nDaarna de rest van de straat.",
    ],
    ["", "", "", "", "", "", "", "", "", ""],
    [
        "13/03/2027 09:12:00",
        "Ann Claes",
        "ann@x.be",
        "",
        "Wijk\nDe Hoek",
        "wijk",
        "6",
        "",
        "",
        "",
    ],
    ["", "", "", "", "", "", "", "", "", ""],
]


def _csv(rows: Sequence[Sequence[str]], separator: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


EXPORTS = {
    "google-forms-utf8-commas": lambda text: text.encode("utf-8"),
    "excel-csv-utf8-bom-semicolons": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "excel-csv-windows-1252-semicolons": lambda text: text.encode("cp1252"),
    "excel-unicode-text-utf16-tabs": lambda text: text.encode("utf-16"),
    "utf16-le-without-bom": lambda text: text.encode("utf-16-le"),
}
SEPARATORS = {
    "google-forms-utf8-commas": ",",
    "excel-csv-utf8-bom-semicolons": ";",
    "excel-csv-windows-1252-semicolons": ";",
    "excel-unicode-text-utf16-tabs": "\t",
    "utf16-le-without-bom": "\t",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default campaign, in campaigns/ of the folder the command runs in."""
    monkeypatch.chdir(tmp_path)
    return write_campaign(tmp_path / "campaigns")


def _import(
    folder: Path, data: bytes, *extra: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    Path("inschrijvingen.csv").write_bytes(data)
    code = cli.main(["teams", "import", folder.name, "inschrijvingen.csv", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _everything_written(folder: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in (".yml", ".md", ".txt")
    )


def _teams(folder: Path) -> dict[str, object]:
    campaign: Campaign = load_campaign(folder)
    return {team.slug: team for team in campaign.teams}


@pytest.mark.parametrize("export", list(EXPORTS))
def test_a_real_world_export_becomes_team_files(
    export: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = EXPORTS[export](_csv([HEADERS, *ROWS], SEPARATORS[export]))
    code, out, err = _import(folder, data, capsys=capsys)
    assert code == 0, err
    teams = _teams(folder)
    kerkstraat = teams["kerkstraat"]
    assert kerkstraat.name == "Kerkstraat"
    assert kerkstraat.kind == "straat"
    assert (kerkstraat.households, kerkstraat.households_total) == (14, 40)
    assert kerkstraat.joined.isoformat() == "2027-03-12"
    assert kerkstraat.story == "We beginnen aan de kerk.\nDaarna de rest van de straat."
    assert [c.action for c in kerkstraat.commitments] == [ACTION]
    assert [c.status for c in kerkstraat.commitments] == ["planned"]
    hoek = teams["wijk-de-hoek"]  # a line break typed in the name: one line
    assert (hoek.name, hoek.kind, hoek.households) == ("Wijk De Hoek", "wijk", 6)
    assert hoek.households_total is None and not hoek.commitments
    assert "2 ploegen geschreven" in out
    for personal in PERSONAL:
        assert personal not in _everything_written(folder)
        assert personal not in out + err


def test_what_is_found_and_what_is_left_out_is_said(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = codecs.BOM_UTF8 + _csv([HEADERS, *ROWS], ";").encode()
    code, out, _ = _import(folder, data, "--dry-run", capsys=capsys)
    assert code == 0
    assert "UTF-8 met BOM, gescheiden door puntkomma's, 2 rijen" in out
    assert "name ← 'Naam van jullie ploeg'" in out
    assert "households_total ← 'Hoeveel gezinnen wonen er in de straat?'" in out
    assert "niet overgenomen, over personen: 'Naam', 'E-mailadres', 'Telefoonnummer'" in out
    assert "zou schrijven" in out and "Proefdraai: er is niets geschreven." in out
    assert not (folder / "teams").exists()


def test_formula_looking_cells_stay_plain_text(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Ploeg", "Gezinnen", "Verhaal"],
        ['=HYPERLINK("https://x.example","klik")', "3", "=1+1"],
        ["@Kerkwegel", "4", "+ samen - alleen"],
        ["-Dorp-", "5", "- tegels eruit\n- bloemen erin"],
    ]
    code, _, err = _import(folder, _csv(rows).encode(), capsys=capsys)
    assert code == 0, err
    names = {team.name: team for team in load_campaign(folder).teams}
    assert set(names) == {'=HYPERLINK("https://x.example","klik")', "@Kerkwegel", "-Dorp-"}
    assert names["@Kerkwegel"].story == "+ samen - alleen"
    assert names["-Dorp-"].story == "- tegels eruit\n- bloemen erin"
    assert names['=HYPERLINK("https://x.example","klik")'].story == "=1+1"


def test_every_problem_is_located_at_once_and_nothing_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        ["Ploeg", "Soort", "Gezinnen", "Tijdstempel", "Acties", "Naam"],
        ["Kerkstraat", "straat", "14", "2027-03-12", "geveltuin", "Griet Vandamme"],
        ["kerkstraat ", "straat", "9", "2027-03-13", "", "Ann Claes"],
        ["", "straat", "veel", "2027-03-14", "", "Piet"],
        ["Bosstraat", "dorp", "0", "32/13/2027", "Geveltuinen", "Mie"],
        ["Molenstraat", "", "", "", "", "Griet Vandamme"],
        ["Info via griet.vandamme@telenet.be", "", "3", "", "", "Griet Vandamme"],
        ["Hoogstraat", "", "3", "", "bel 0471 12 34 56", "Griet Vandamme"],
    ]
    code, _, err = _import(folder, _csv(rows).encode(), capsys=capsys)
    assert code == 1
    assert not (folder / "teams").exists()
    found = [line for line in err.splitlines() if line.startswith("inschrijvingen.csv:")]
    expected = [
        "inschrijvingen.csv:3:1: Kolom 'Ploeg': De ploeg 'kerkstraat' staat ook op rij 2",
        "inschrijvingen.csv:4:1: Kolom 'Ploeg': Deze rij heeft geen naam voor de ploeg.",
        "inschrijvingen.csv:4:3: Kolom 'Gezinnen': Hier hoort een getal.",
        "inschrijvingen.csv:5:2: Kolom 'Soort': 'dorp' is geen soort ploeg.",
        "inschrijvingen.csv:5:3: Kolom 'Gezinnen': Dit getal moet minstens 1 zijn.",
        "inschrijvingen.csv:5:4: Kolom 'Tijdstempel': '32/13/2027' is geen datum.",
        "inschrijvingen.csv:5:5: Kolom 'Acties': Er is geen actie 'Geveltuinen'.",
        "inschrijvingen.csv:6:3: Kolom 'Gezinnen': Hoeveel gezinnen doen mee? De cel is leeg.",
        "inschrijvingen.csv:7:1: Kolom 'Ploeg': Hier staat een e-mailadres",
        "inschrijvingen.csv:8:5: Kolom 'Acties': Er is geen actie de tekst in deze cel",
    ]
    assert len(found) == len(expected), err
    for line, start in zip(found, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert "Oplossing: Bedoel je 'Een geveltuin langs je gevel' (geveltuin)?" in err
    assert "10 problemen gevonden; er is niets geschreven." in err
    for personal in ("Griet Vandamme", "Ann Claes", "griet.vandamme@telenet.be", "0471"):
        assert personal not in err


def test_an_existing_team_is_reported_and_never_overwritten(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "teams").mkdir()
    mine = "name: Kerkstraat\nhouseholds: 20\njoined: 2027-01-05\n"
    (folder / "teams" / "kerkstraat.yml").write_text(mine, encoding="utf-8")
    rows = [["Ploeg", "Gezinnen"], ["Kerkstraat", "3"], ["Bosstraat", "4"]]
    code, out, err = _import(folder, _csv(rows).encode(), capsys=capsys)
    assert code == 0, err
    assert (folder / "teams" / "kerkstraat.yml").read_text(encoding="utf-8") == mine
    assert "= campaigns/zonnebeke/teams/kerkstraat.yml bestaat al: rij 2 overgeslagen" in out
    assert "1 ploegen geschreven, 1 overgeslagen." in out
    assert _teams(folder)["bosstraat"].households == 4
    # Importing the same export again writes nothing new and changes nothing.
    code, out, _ = _import(folder, _csv(rows).encode(), capsys=capsys)
    assert code == 0 and "0 ploegen geschreven, 2 overgeslagen." in out


def test_columns_are_mapped_by_hand(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        ["Straatnaam", "Hoeveel?", "Ingeschreven op", "Verhaal"],
        ["Kerkplein", "7", "3/25/2027", "Niet voor de website"],
    ]
    args = ("--column", "name=Straatnaam", "--column", "households=hoeveel?")
    args += ("--column", "joined=Ingeschreven op", "--column", "story=")
    code, out, err = _import(folder, _csv(rows).encode(), *args, capsys=capsys)
    assert code == 0, err
    team = _teams(folder)["kerkplein"]
    assert (team.households, team.joined.isoformat()) == (7, "2027-03-25")  # month first
    assert team.story is None and "niet gebruikt: 'Verhaal'" in out


def test_a_column_that_is_not_there_is_named_with_the_ones_that_are(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Straatnaam", "Gezinnen"], ["Kerkplein", "7"]]
    args = ("--column", "name=Straat", "--column", "huishoudens=Gezinnen")
    code, _, err = _import(folder, _csv(rows).encode(), *args, capsys=capsys)
    assert code == 1
    assert "inschrijvingen.csv:1:1: --column name=Straat: er is geen kolom 'Straat'." in err
    assert 'Bedoel je --column name="Straatnaam"?' in err
    assert "een ploeg heeft geen veld 'huishoudens'" in err


def test_a_column_of_email_addresses_under_any_header_is_left_out(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Ploeg", "Gezinnen", "Vraag 3"], ["Kerkplein", "7", "jan@x.be"]]
    code, out, _ = _import(folder, _csv(rows).encode(), capsys=capsys)
    assert code == 0
    assert "niet overgenomen, over personen: 'Vraag 3'" in out
    assert "jan@x.be" not in _everything_written(folder) + out


def test_a_campaign_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.csv").write_text("Ploeg,Gezinnen\nA,1\n", encoding="utf-8")
    code = cli.main(["teams", "import", str(tmp_path / "nergens"), str(tmp_path / "x.csv")])
    assert code == 2
    assert "Geen campagne" in capsys.readouterr().err


#: Characters that YAML treats specially, and text as residents type it.
PIECES = st.sampled_from(
    [*list(":-[]{}&*!|>'\"#%@`,?=+~ "), "\n", "  ", ": ", " #", "é", "0", "1.5", "yes", "a"]
)


@settings(max_examples=300, deadline=None)
@given(
    # As the import takes cells: a name on one line, a story without spaces around it.
    name=st.lists(PIECES, min_size=1, max_size=20).map(lambda p: " ".join("".join(p).split())),
    story=st.lists(PIECES, min_size=1, max_size=30).map(lambda p: "".join(p).strip()),
)
def test_a_written_team_file_reads_back_as_the_same_text(name: str, story: str) -> None:
    assume(name and story)
    data = {"name": name, "households": "3", "joined": "2027-03-12", "story": story}
    document = parse_document(team_text(data).encode(), "ploeg.yml")
    assert document.data == data
