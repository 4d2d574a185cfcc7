"""The model on its own: it holds what it is given and leans on nothing above it."""

from __future__ import annotations

import ast
from pathlib import Path

from support.campaigns import MINIMAL, fields_of, merged, write_campaign

from campaignkit import fields, model, repeats
from campaignkit.i18n import default_themes
from campaignkit.model import Campaign
from campaignkit.validation import load_campaign_settings


def _campaign(**fields: object) -> Campaign:
    """campaign.yml's required fields, and ``fields``, in the bare model: no validation."""
    return Campaign.model_validate(merged(fields_of(MINIMAL.campaign), fields))


def _campaignkit_imports(module: object) -> set[str]:
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    return {name for name in imported if name.startswith("campaignkit")}


def test_model_imports_nothing_from_campaignkit_but_its_field_types_and_problems() -> None:
    allowed = {"campaignkit.fields", "campaignkit.problems", "campaignkit.repeats"}
    assert _campaignkit_imports(model) <= allowed
    assert _campaignkit_imports(fields) <= {"campaignkit.problems"}
    # Repeating events: their record and dates, and their problems located in the file.
    assert _campaignkit_imports(repeats) <= {
        "campaignkit.fields",
        "campaignkit.loading",
        "campaignkit.problems",
    }


def test_a_campaign_holds_the_themes_it_is_given() -> None:
    assert _campaign().themes == ()
    own = ({"id": "groen", "title": "Groen"},)
    assert [t.id for t in _campaign(themes=own).themes] == ["groen"]


def test_settings_alone_get_the_built_in_themes(tmp_path: Path) -> None:
    # What a portal lists is read without actions and events, but with its themes filled in.
    folder = write_campaign(tmp_path, "demo", base=MINIMAL)
    campaign = load_campaign_settings(folder, base=tmp_path)
    assert campaign.themes == default_themes("nl")
