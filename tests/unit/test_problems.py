"""Problems as the coach reads them, and the file names they carry."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaignkit.problems import CampaignError, Problem, display_name


def test_display_name_is_relative_with_forward_slashes(tmp_path: Path) -> None:
    path = tmp_path / "campaigns" / "asse" / "campaign.yml"
    assert display_name(path, tmp_path) == "campaigns/asse/campaign.yml"


def test_display_name_outside_the_base_is_the_path_itself(tmp_path: Path) -> None:
    outside = tmp_path.parent / "elders" / "campaign.yml"
    assert display_name(outside, tmp_path) == str(outside).replace("\\", "/")


def test_display_name_defaults_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_name(tmp_path / "events" / "markt.yml") == "events/markt.yml"


def test_report_sorts_problems_and_counts_them() -> None:
    error = CampaignError(
        [
            Problem("b.yml", 1, 1, "Tweede."),
            Problem("a.yml", 3, 2, "Eerste.", "Doe iets."),
            Problem("b.yml", 1, 1, "Tweede."),
        ]
    )
    assert error.report() == (
        "a.yml:3:2: Eerste.\n    Oplossing: Doe iets.\nb.yml:1:1: Tweede.\n"
        "2 problemen gevonden; er is niets gebouwd."
    )
