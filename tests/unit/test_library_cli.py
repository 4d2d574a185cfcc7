"""``campaignkit library list``, ``library report`` (text, CSV, JSON) and ``campaignkit new
--library``: real output, formula-safe CSV, a scaffold that never overwrites."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from support.campaigns import write_campaign
from support.libraries import write_library

from campaignkit.cli import main
from campaignkit.validation import load_campaign


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_library(tmp_path / "library", actions={"repair-cafe": {"title": '=HYPERLINK("x") café'}})
    write_campaign(
        tmp_path / "campaigns",
        "aalst",
        campaign={"partners": [{"from": "bbl/natuurpunt", "role": "Eigen rol."}]},
        actions={"dak": {"from": "bbl/dakisolatie", "summary": "Eigen.", "status": "running"}},
    )
    write_campaign(tmp_path / "campaigns", "boom")
    return tmp_path


def test_list_names_every_item(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "list", str(project / "campaigns")]) == 0
    out = capsys.readouterr().out
    assert "bbl: Bond Beter Leefmilieu" in out
    assert "bbl/dakisolatie: Samen je dak isoleren in {{ municipality.name }}" in out
    assert "bbl/natuurpunt: Natuurpunt" in out


def test_report_says_who_uses_what_and_what_they_override(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["library", "report", str(project / "campaigns")]) == 0
    out = capsys.readouterr().out
    assert "    aalst (dak): overschrijft summary, status" in out
    assert "    aalst (natuurpunt): overschrijft role" in out
    assert "  boom: bbl/dakisolatie, bbl/repair-cafe" in out
    assert "  aalst: bbl/repair-cafe" in out


def test_report_as_csv_cannot_carry_formulas(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["library", "report", str(project / "campaigns"), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    dak = next(r for r in rows if r["item"] == "dakisolatie")
    assert (dak["campaign"], dak["page"], dak["overrides"]) == ("aalst", "dak", "summary status")
    repair = next(r for r in rows if r["item"] == "repair-cafe")
    assert repair["title"] == '\'=HYPERLINK("x") café' and repair["campaign"] == ""


def test_report_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "report", str(project / "campaigns"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (library,) = data["libraries"]
    dak = next(a for a in library["actions"] if a["slug"] == "dakisolatie")
    assert dak["used_by"] == [
        {"campaign": "aalst", "as": "dak", "overrides": ["summary", "status"]}
    ]
    assert {"slug": "boom", "not_used": ["bbl/dakisolatie", "bbl/repair-cafe"]} in data["campaigns"]


def test_new_with_library_actions_writes_from_files_and_never_overwrites(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    campaigns = project / "campaigns"
    argv = ["new", "zemst", "--municipality", "Zemst", "--dir", str(campaigns)]
    assert main([*argv, "--library", "bbl", "--actions", "dakisolatie,repair-cafe"]) == 0
    folder = campaigns / "zemst"
    text = (folder / "actions" / "dakisolatie.yml").read_text(encoding="utf-8")
    assert "from: bbl/dakisolatie\n" in text
    assert "# Velden die je kunt invullen: title, summary, theme" in text
    assert "  - from: bbl/natuurpunt\n" in (folder / "campaign.yml").read_text(encoding="utf-8")
    campaign = load_campaign(folder, base=project)
    assert campaign.action("dakisolatie").title == "Samen je dak isoleren in Zemst"
    assert campaign.action("dakisolatie").partners == ("natuurpunt",)
    assert campaign.library == ("bbl",)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert main([*argv, "--library", "bbl", "--actions", "dakisolatie"]) == 1
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    assert "er is niets overschreven" in capsys.readouterr().err


def test_new_with_an_unknown_library_action_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    campaigns = project / "campaigns"
    argv = ["new", "zemst", "--municipality", "Zemst", "--dir", str(campaigns), "--library"]
    assert main([*argv, "bbl", "--actions", "dakisolatei"]) == 1
    assert "Bedoel je 'dakisolatie'?" in capsys.readouterr().err
    assert main([*argv, "bbx", "--actions", "dakisolatie"]) == 1
    assert "Bedoel je 'bbl'?" in capsys.readouterr().err
    assert not (campaigns / "zemst").exists()


def test_kit_takes_libraries_from_library_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_library(Path("vendor"))
    write_campaign(
        Path("campaigns"),
        "aalst",
        campaign={"municipality": {"name": "Aalst"}},
        actions={"dak": {"from": "bbl/dakisolatie"}},
    )
    assert main(["kit", "--out", "kits"]) == 1
    assert "Er is geen bibliotheek 'bbl'." in capsys.readouterr().err
    assert not Path("kits").exists()
    assert main(["kit", "--out", "kits", "--library-dir", "vendor"]) == 0
    with zipfile.ZipFile("kits/aalst-communicatiekit.zip") as archive:
        names = archive.namelist()
        readme = archive.read(next(n for n in names if n.endswith("LEESMIJ.txt"))).decode()
    assert "Samen je dak isoleren in Aalst" in readme
    assert any("dak" in name and name.endswith(".jpg") for name in names), names
