"""The campaignkit command as a coach uses it: scaffold, validate, schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support.campaigns import ACTION, EVENT, write_campaign
from support.projects import REPO

from campaignkit.cli import main
from campaignkit.scaffold import ScaffoldError, new_campaign
from campaignkit.schema import render, schemas
from campaignkit.validation import load_campaign


def test_scaffold_is_valid_and_starts_with_schema_lines(tmp_path: Path) -> None:
    folder = new_campaign(tmp_path, "sint-pieters-leeuw", "Sint-Pieters-Leeuw", date(2027, 1, 1))
    campaign = load_campaign(folder)
    assert campaign.municipality.name == "Sint-Pieters-Leeuw"
    assert [a.slug for a in campaign.actions] == ["voorbeeld-actie"]
    assert [e.slug for e in campaign.events] == ["voorbeeld-activiteit"]
    assert [(n.slug, n.date) for n in campaign.news] == [("voorbeeld-bericht", date(2027, 1, 1))]
    assert [p.title for p in campaign.phases] == ["Inschrijven", "Aan de slag"]
    for path in folder.rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema_path = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema_path.name.endswith(".schema.json")


def test_scaffold_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "asse"
    folder.mkdir()
    (folder / "campaign.yml").write_text("title: mijn werk\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="bestaat al"):
        new_campaign(tmp_path, "asse", "Asse", date(2027, 1, 1))
    assert (folder / "campaign.yml").read_text(encoding="utf-8") == "title: mijn werk\n"
    assert main(["new", "asse", "--municipality", "Asse", "--dir", str(tmp_path)]) == 1


@pytest.mark.parametrize("name", ["a: b", "Asse\nx", "", "#1"])
def test_scaffold_refuses_names_that_would_break_yaml(tmp_path: Path, name: str) -> None:
    with pytest.raises(ScaffoldError):
        new_campaign(tmp_path, "x", name, date(2027, 1, 1))
    assert not (tmp_path / "x").exists()


#: An action with a misspelt key on line 4, and an event that ends (line 3) before it starts.
MISSPELT = (
    "title: Geveltuinen\nsummary: Tegels eruit, planten erin.\ntheme: vergroening\nefort: low\n"
)
BACKWARDS = "title: Buurtfeest\nstart: 2027-05-15 14:00\nend: 13:00\nlocation:\n  name: Plein\n"


def test_validate_reports_every_problem_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_campaign(Path("campaigns"), "demo", actions={ACTION: MISSPELT}, events={EVENT: BACKWARDS})
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "campaigns/demo/actions/geveltuin.yml:4:1: 'efort' is hier geen geldige" in err
    assert "Bedoel je 'effort'?" in err
    assert "campaigns/demo/events/straatfeest.yml:3:6: Het einde ligt niet na" in err
    assert "2 problemen gevonden." in err
    assert "Traceback" not in err


def test_validate_github_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_campaign(Path("campaigns"), "demo", campaign={"branding": {"primary": "#aaaaaa"}})
    assert main(["validate", "campaigns", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error file=campaigns/demo/campaign.yml,line=")
    assert ",col=" in out and "#aaaaaa" in out


def test_validate_examples_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(REPO / "campaigns")]) == 0
    assert "asse" in capsys.readouterr().out


def test_committed_schemas_are_generated_from_the_model() -> None:
    # The choices of 'from:' are the items of the example library.
    for name, schema in schemas([REPO / "library"]).items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == render(schema), f"run 'campaignkit schema' to refresh {name}"
    campaign = json.loads((REPO / "schema" / "campaign.schema.json").read_text())
    assert set(campaign["required"]) >= {"title", "intro", "municipality", "period", "branding"}
    assert campaign["additionalProperties"] is False
    assert (
        "slug" not in json.loads((REPO / "schema" / "action.schema.json").read_text())["properties"]
    )


def test_kit_command_reports_problems_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_campaign(Path("campaigns"), "demo", actions={ACTION: MISSPELT})
    assert main(["kit", "--out", "kits"]) == 1
    err = capsys.readouterr().err
    assert "campaigns/demo/actions/geveltuin.yml:4:1: 'efort'" in err
    assert "Traceback" not in err
    assert not Path("kits").exists()
    assert main(["kit", "leeg", "--out", "kits"]) == 2
