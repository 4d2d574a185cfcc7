"""``campaignkit new``: a valid starter campaign that a coach fills in."""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from campaignkit.fields import SLUG_PATTERN


class ScaffoldError(Exception):
    """The scaffold cannot be written; the message says why, in Dutch."""


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _files() -> dict[str, str]:
    root = resources.files("campaignkit") / "scaffold"
    found = {}
    for kind in (
        "campaign.yml",
        "actions/voorbeeld-actie.yml",
        "events/voorbeeld-activiteit.yml",
        "news/voorbeeld-bericht.md",
    ):
        found[kind] = (root / kind.replace("/", "__")).read_text(encoding="utf-8")
    return found


def new_campaign(campaigns_dir: Path, slug: str, municipality: str, today: date) -> Path:
    """Create ``campaigns_dir/slug``; refuse if it exists. Return the folder."""
    if not re.match(SLUG_PATTERN, slug):
        raise ScaffoldError(
            f"'{slug}' is geen geldige campagnenaam: gebruik alleen kleine letters, cijfers en "
            "koppeltekens, bv. 'asse' of 'klimaatstraten-lier'."
        )
    if not re.fullmatch(r"[^\W\d_][\w .'-]{0,79}", municipality.strip()):
        raise ScaffoldError(
            "Geef de naam van de gemeente in letters (spaties, koppeltekens en apostrofs mogen), "
            'bv. --municipality "Sint-Pieters-Leeuw".'
        )
    folder = campaigns_dir / slug
    if folder.exists() or folder.is_symlink():
        raise ScaffoldError(
            f"{folder} bestaat al; er is niets overschreven. Kies een andere naam of verwijder "
            "de map eerst zelf."
        )
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)  # noqa: S701 - YAML, not HTML
    env.filters["q"] = _quote
    start = today + timedelta(days=30)
    values = {
        "slug": slug,
        "municipality": municipality.strip(),
        "today": today.isoformat(),
        "before_start": (start - timedelta(days=1)).isoformat(),
        "start": start.isoformat(),
        "end": (start + timedelta(days=180)).isoformat(),
        "event_day": (start + timedelta(days=45)).isoformat(),
        "email_domain": re.sub(r"[^a-z0-9]+", "", municipality.lower()) or "gemeente",
    }
    rendered = {name: env.from_string(text).render(values) for name, text in _files().items()}
    folder.mkdir(parents=True)  # exist_ok=False: a race still never overwrites
    for name, text in rendered.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    (folder / "images").mkdir(exist_ok=True)
    return folder
