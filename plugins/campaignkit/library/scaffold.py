"""``campaignkit new --library bbl --actions a,b``: action files that take library actions
with ``from:``, each with a comment listing the fields a campaign may override."""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Sequence

from campaignkit.library.reading import Libraries
from campaignkit.model import Action

#: The fields an action file that says ``from:`` may set (every field of an action).
OVERRIDABLE = tuple(name for name in Action.model_fields if name not in ("slug", "origin"))


def check_choice(libraries: Libraries, library: str, actions: Sequence[str]) -> str | None:
    """Why the library or one of the actions cannot be used (in Dutch), or ``None``."""
    found = libraries.get(library)
    if found is None or not found.name:
        known = sorted(libraries.by_slug)
        close = difflib.get_close_matches(library, known, n=1)
        return (
            f"Er is geen bibliotheek '{library}'."
            + (f" Bedoel je '{close[0]}'?" if close else "")
            + (f" Kies uit: {', '.join(known)}." if known else " Er staat geen in library/.")
        )
    for slug in actions:
        if slug not in found.actions:
            close = difflib.get_close_matches(slug, list(found.actions), n=1)
            return (
                f"De bibliotheek '{library}' heeft geen actie '{slug}'."
                + (f" Bedoel je '{close[0]}'?" if close else "")
                + " Bekijk wat er is met 'campaignkit library list'."
            )
    return None


def action_file(libraries: Libraries, library: str, slug: str) -> str:
    """The text of ``actions/<slug>.yml`` taking ``<library>/<slug>``."""
    found = libraries.by_slug[library]
    lines = [
        "# yaml-language-server: $schema=../../../schema/action.schema.json",
        f"# Deze actie komt uit de bibliotheek van {found.name}: zo blijft ze bij wanneer de",
        "# bibliotheek haar bijwerkt. Wat je hieronder toevoegt, vervangt voor deze campagne",
        "# het veld van de bibliotheek (bv. 'summary: ...' of 'events: [infoavond]').",
        *textwrap.wrap(
            "Velden die je kunt invullen: " + ", ".join(OVERRIDABLE) + ".",
            88,
            initial_indent="# ",
            subsequent_indent="#   ",
        ),
        f"from: {library}/{slug}",
        "",
    ]
    return "\n".join(lines)


def partners_block(libraries: Libraries, library: str, actions: Sequence[str]) -> str:
    """campaign.yml's ``partners:`` with the library partners the chosen actions name."""
    found = libraries.by_slug[library]
    named: list[str] = []
    for slug in actions:
        data = found.actions[slug].document.data
        for partner in data.get("partners", []) if isinstance(data, dict) else []:
            if isinstance(partner, str) and partner in found.partners and partner not in named:
                named.append(partner)
    if not named:
        return "partners: []"
    return "partners:\n" + "".join(f"  - from: {library}/{p}\n" for p in named).rstrip("\n")
