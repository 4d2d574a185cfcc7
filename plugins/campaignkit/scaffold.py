"""``campaignkit new``: a valid starter campaign that a coach fills in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from campaignkit.fields import SLUG_PATTERN
from campaignkit.library.reading import Libraries
from campaignkit.library.scaffold import action_file, check_choice, partners_block


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


def new_campaign(
    campaigns_dir: Path,
    slug: str,
    municipality: str,
    today: date,
    *,
    library: str | None = None,
    actions: Sequence[str] = (),
    libraries: Libraries | None = None,
) -> Path:
    """Create ``campaigns_dir/slug``; refuse if it exists. Return the folder. With a
    ``library`` (found in ``libraries``), its ``actions`` are taken with ``from:`` and its
    texts are the kit's defaults."""
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
    if library is not None:
        libraries = libraries or Libraries()
        problem = check_choice(libraries, library, actions)
        if problem:
            raise ScaffoldError(problem + " Er is niets geschreven.")
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
    if library is not None and libraries is not None:
        settings = rendered["campaign.yml"].replace(
            "partners: []", partners_block(libraries, library, actions), 1
        )
        rendered["campaign.yml"] = (
            settings + f"# De teksten van de bibliotheek '{library}' staan mee in de kit.\n"
            f"library: [{library}]\n"
        )
        for action in actions:
            rendered[f"actions/{action}.yml"] = action_file(libraries, library, action)
    folder.mkdir(parents=True)  # exist_ok=False: a race still never overwrites
    for name, text in rendered.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    (folder / "images").mkdir(exist_ok=True)
    return folder
