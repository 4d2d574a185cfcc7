"""The JSON Schemas accept ``from:`` with the library's items as choices: every example
file, campaign or library, is valid against its committed schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parents[2]


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((REPO / "schema" / name).read_text(encoding="utf-8")))


def _as_editors_read(value: Any) -> Any:
    """YAML as an editor's schema check reads it: numbers as numbers, dates as text."""
    if isinstance(value, dict):
        return {k: _as_editors_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editors_read(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _errors(validator: Draft202012Validator, path: Path) -> list[str]:
    data = _as_editors_read(yaml.safe_load(path.read_text(encoding="utf-8")))
    return [f"{path.name}: {e.message}" for e in validator.iter_errors(data)]


def test_example_action_files_with_from_are_valid_and_a_wrong_choice_is_not() -> None:
    action = _validator("action.schema.json")
    files = sorted((REPO / "campaigns").glob("*/actions/*.yml"))
    assert any("from:" in f.read_text() for f in files)
    assert [e for f in files for e in _errors(action, f)] == []
    assert not action.is_valid({"from": "bbl/onbestaand"})
    assert action.is_valid({"from": "bbl/geveltuinen", "summary": "Eigen."})
    assert not action.is_valid({"summary": "Zonder from en zonder titel."})


def test_example_campaigns_and_library_files_are_valid() -> None:
    campaign = _validator("campaign.schema.json")
    for path in sorted((REPO / "campaigns").glob("*/campaign.yml")):
        assert _errors(campaign, path) == []
    assert not campaign.is_valid(
        {
            **_as_editors_read(yaml.safe_load((REPO / "campaigns/asse/campaign.yml").read_text())),
            "library": ["x"],
        }
    )
    library = REPO / "library" / "bbl"
    for name, pattern in (
        ("library-action.schema.json", "actions/*.yml"),
        ("library-partner.schema.json", "partners/*.yml"),
        ("library.schema.json", "library.yml"),
    ):
        validator = _validator(name)
        assert [e for f in sorted(library.glob(pattern)) for e in _errors(validator, f)] == []
    assert not _validator("library-action.schema.json").is_valid(
        {"title": "x", "summary": "y", "theme": "water", "events": ["a"]}
    )
