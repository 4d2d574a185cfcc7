"""The ``.yml`` files of a folder of a campaign or a library, each name checked."""

from __future__ import annotations

import re
from pathlib import Path

from campaignkit.fields import SLUG_PATTERN, slugify
from campaignkit.problems import Problem, display_name

MAX_FILES = 500
#: File names that would take the address of an overview page (acties/index.html).
RESERVED_SLUGS = ("index",)


def entry_files(folder: Path, base: Path | None, problems: list[Problem]) -> list[Path]:
    """The usable files of ``folder`` (``<slug>.yml``), sorted; every other file there is a
    problem added to ``problems``."""
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        problem = _problem(path, folder, display_name(path, base))
        if problem is None:
            files.append(path)
        else:
            problems.append(problem)
    if len(files) > MAX_FILES:
        problems.append(
            Problem(
                display_name(folder, base), 1, 1, f"Meer dan {MAX_FILES} bestanden in deze map."
            )
        )
        return files[:MAX_FILES]
    return files


def _problem(path: Path, folder: Path, name: str) -> Problem | None:
    if path.suffix == ".yaml":
        return Problem(name, 1, 1, "Gebruik de extensie .yml.", f"Hernoem naar {path.stem}.yml.")
    if path.suffix != ".yml" or not path.is_file():
        return Problem(
            name,
            1,
            1,
            f"'{path.name}' hoort niet in deze map.",
            "Zet hier alleen .yml-bestanden; afbeeldingen horen in images/.",
        )
    if not re.match(SLUG_PATTERN, path.stem):
        return Problem(
            name,
            1,
            1,
            f"De bestandsnaam '{path.name}' is geen geldige naam.",
            "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. "
            f"'{slugify(path.stem, 'naam')}.yml'. De naam wordt het webadres.",
        )
    if path.stem in RESERVED_SLUGS:
        return Problem(
            name,
            1,
            1,
            f"De naam '{path.stem}' is voorbehouden voor de overzichtspagina.",
            f"Geef het bestand een andere naam, bv. '{folder.name}/mijn-{path.stem}.yml'.",
        )
    return None
