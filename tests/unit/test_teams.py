"""A team's data checked on its own, as another reader (a spreadsheet import) calls it:
plain data with its own positions, every problem back at once."""

from __future__ import annotations

import pytest

from campaignkit.fields import find_contact_details
from campaignkit.loading import Document
from campaignkit.teams import validate_team


def test_plain_data_with_positions_of_a_spreadsheet_row() -> None:
    data = {
        "name": "Kerkstraat",
        "households": "-2",
        "joined": "12/03/2027",
        "commitments": [{"action": "tegel-eruit", "amount": "20"}],
    }
    # A row 7 of a sign-up export, its columns A..D: the positions are row and column.
    doc = Document(
        "inschrijvingen.csv",
        data,
        values={("households",): (7, 2), ("joined",): (7, 3), ("commitments", 0, "action"): (7, 4)},
    )
    team, problems = validate_team(doc, "kerkstraat", {"tegels-eruit": "m2_ontharding"})
    assert team is None
    assert [(p.line, p.column, p.message) for p in sorted(problems)] == [
        (7, 2, "Dit getal mag niet negatief zijn."),
        (7, 3, "Dit is geen datum in de vorm JJJJ-MM-DD."),
        (7, 4, "Er is geen actie 'tegel-eruit'."),
    ]
    assert "Bedoel je 'tegels-eruit'?" in sorted(problems)[-1].hint


def test_a_valid_team_without_action_checks() -> None:
    doc = Document(
        "x", {"name": "Molenwijk", "kind": "wijk", "households": "8", "joined": "2027-04-01"}
    )
    team, problems = validate_team(doc, "molenwijk")
    assert problems == []
    assert team is not None and (team.slug, team.kind, team.households) == ("molenwijk", "wijk", 8)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mail ons: buren@kerkstraat.be", "email"),
        ("Bel 0471 12 34 56", "phone"),
        ("Bel 0471/12.34.56", "phone"),
        ("Bel 02 452 61 20", "phone"),
        ("Bel +32 471 12 34 56", "phone"),
        ("Bel 0032 471 12 34 56", "phone"),
        ("Kerkstraat 12-14, 1730 Asse", None),
        ("Op 12/05/2027 om 14:00", None),
        ("Op 2027-05-12 plantten we 35 m² en 1.240 bulbs", None),
        ("Postcode 1730, 40 gezinnen, 120 m²", None),
    ],
)
def test_contact_details_in_text(text: str, found: str | None) -> None:
    assert find_contact_details(text) == found
