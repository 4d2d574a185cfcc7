"""Library folders found and read: ``library.yml``, actions and partners, each checked on
its own (what does not depend on the campaign that adopts it), every problem located.

A library is read once per process while its files stay the same: a portal of forty
campaigns that share one library reads it once.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from campaignkit.entries import entry_files
from campaignkit.explain import explain
from campaignkit.fields import SLUG_PATTERN, check_relative_path
from campaignkit.images import ImageProblem, check_image
from campaignkit.library.records import (
    ACTIONS,
    LIBRARY_FILE,
    PARTNERS,
    Item,
    Library,
    LibraryFile,
    LibraryPartner,
)
from campaignkit.loading import Document, load_document
from campaignkit.model import Action
from campaignkit.problems import CampaignError, Problem, display_name

#: Keys a library action cannot have: its events are the campaign's, its slug its file name.
REFUSED_ACTION_KEYS = {
    "events": "Activiteiten horen bij een campagne: zet 'events' in het actiebestand van de "
    "campagne die de actie overneemt.",
    "slug": "De bestandsnaam bepaalt de naam; hernoem het bestand als je een andere wil.",
    "from": "Een bibliotheekactie neemt niets over; 'from:' hoort in het actiebestand van een "
    "campagne.",
}


@dataclass
class Libraries:
    """The libraries a project can use, by slug, and the problems of reading them."""

    by_slug: dict[str, Library] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The display names of the library folders: a problem in a file below one of them is
    #: a library problem.
    prefixes: tuple[str, ...] = ()

    def get(self, slug: str) -> Library | None:
        return self.by_slug.get(slug)

    def owner(self, file: str) -> str | None:
        """The library whose folder holds the file of a problem."""
        for prefix in self.prefixes:
            if file.startswith(prefix + "/"):
                return prefix
        return None


def default_dirs(campaign_folder: Path) -> list[Path]:
    """``library/`` beside the folder of campaigns."""
    return [campaign_folder.parent.parent / "library"]


_CACHE: dict[tuple[Any, ...], Libraries] = {}


def find_libraries(dirs: Sequence[Path], base: Path | None) -> Libraries:
    """Every library in ``dirs`` (each a folder of library folders), read and checked."""
    folders = [(d, f) for d in dirs if d.is_dir() for f in sorted(d.iterdir()) if _wanted(f)]
    key = (tuple(str(d) for d in dirs), str(base), tuple(_signature(f) for _, f in folders))
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = _read_all(folders, base)
    return found


def _wanted(path: Path) -> bool:
    return not path.name.startswith(".") and (path.is_dir() or path.is_symlink())


def _signature(folder: Path) -> tuple[Any, ...]:
    """What changes when any file of the folder changes (names, sizes, times)."""
    if not folder.is_dir():
        return (str(folder),)
    parts: list[Any] = [str(folder)]
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        parts.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(parts)


def _read_all(folders: list[tuple[Path, Path]], base: Path | None) -> Libraries:
    libraries = Libraries()
    seen: dict[str, Path] = {}
    for parent, folder in folders:
        name = display_name(folder / LIBRARY_FILE, base)
        slug = folder.name
        problem = _folder_problem(parent, folder, name)
        if problem is not None:
            libraries.problems.append(problem)
            continue
        if slug in seen:
            other = display_name(seen[slug] / LIBRARY_FILE, base)
            libraries.problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"Er zijn twee bibliotheken met de naam '{slug}': deze en {other}.",
                    "Geef elke bibliotheekmap een eigen naam, of laat één van beide weg uit "
                    "library_dirs.",
                )
            )
            continue
        seen[slug] = folder
        libraries.by_slug[slug] = _read_library(folder, base, libraries.problems)
    libraries.prefixes = tuple(display_name(f, base) for _, f in folders)
    return libraries


def _folder_problem(parent: Path, folder: Path, name: str) -> Problem | None:
    if not re.match(SLUG_PATTERN, folder.name):
        return Problem(
            name,
            1,
            1,
            f"De mapnaam '{folder.name}' is geen geldige bibliotheeknaam.",
            "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. 'bbl'.",
        )
    if not folder.resolve().is_relative_to(parent.resolve()):
        return Problem(
            name,
            1,
            1,
            f"De bibliotheek '{folder.name}' is een snelkoppeling naar een map buiten "
            f"{parent.name}/.",
            "Zet de bibliotheek zelf in de map (bv. als git-submodule) in plaats van een "
            "snelkoppeling, of voeg haar map toe aan library_dirs.",
        )
    if not (folder / LIBRARY_FILE).is_file():
        return Problem(
            name,
            1,
            1,
            f"De bibliotheekmap '{folder.name}' heeft geen {LIBRARY_FILE}.",
            "Maak library.yml met minstens 'name: ...' (wie de bibliotheek bijhoudt).",
        )
    return None


def _load(path: Path, base: Path | None, problems: list[Problem]) -> Document | None:
    try:
        doc = load_document(path, display_name(path, base), keep_going=True)
    except CampaignError as error:
        problems.extend(error.problems)
        return None
    problems.extend(doc.problems)
    return doc


def _read_library(folder: Path, base: Path | None, problems: list[Problem]) -> Library:
    start = len(problems)
    doc = _load(folder / LIBRARY_FILE, base, problems)
    settings = None
    if doc is not None:
        try:
            settings = LibraryFile.model_validate(doc.data)
        except ValidationError as error:
            problems.extend(library_words(explain(doc, LibraryFile, error)))
    own = list(problems[start:])
    partners = _items(folder, PARTNERS, base, problems, _check_partner)
    known = list(partners)
    actions = _items(
        folder,
        ACTIONS,
        base,
        problems,
        lambda doc, where: _check_action(doc, where) + _partner_references(doc, known),
    )
    if settings is None:  # kept, so that a campaign using it is told why it cannot
        return Library(folder.name, folder, folder.name, None, None, "nl", {}, {}, tuple(own))
    return Library(
        folder.name,
        folder,
        settings.name,
        settings.url,
        settings.version,
        settings.language,
        actions,
        partners,
        tuple(own),
    )


def _items(
    folder: Path, kind: str, base: Path | None, problems: list[Problem], check: Any
) -> dict[str, Item]:
    items = {}
    for path in entry_files(folder / kind, base, problems):
        found: list[Problem] = []
        if not path.resolve().is_relative_to(folder.resolve()):
            problems.append(_outside(display_name(path, base), path.name))
            continue
        doc = _load(path, base, found)
        if doc is not None:
            found.extend(check(doc, folder))
            lines = tuple(path.read_text(encoding="utf-8-sig").split("\n"))
            items[path.stem] = Item(path.stem, path, doc, tuple(found), lines)
        problems.extend(found)
    return items


def _outside(name: str, what: str) -> Problem:
    return Problem(
        name,
        1,
        1,
        f"'{what}' is een snelkoppeling naar een bestand buiten de bibliotheekmap.",
        "Kopieer het bestand zelf in de bibliotheek.",
    )


def _check_partner(doc: Document, folder: Path) -> list[Problem]:
    try:
        LibraryPartner.model_validate(doc.data)
    except ValidationError as error:
        return library_words(explain(doc, LibraryPartner, error))
    logo = doc.data.get("logo")
    return _image_problems(doc, ("logo",), logo, folder)


def _check_action(doc: Document, folder: Path) -> list[Problem]:
    """What can be checked without a campaign: the keys, the shape of every value (text
    with placeholders is checked again once filled in), its image."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = [
        doc.problem((key,), f"'{key}' kan niet in een bibliotheekactie staan.", hint, key=True)
        for key, hint in REFUSED_ACTION_KEYS.items()
        if key in data
    ]
    if problems:
        return problems
    try:
        Action.model_validate(data)
    except ValidationError as error:
        # Text with placeholders is checked once filled in, for each campaign.
        filled = {key for key, value in data.items() if has_placeholder(value)}
        explained = library_words(explain(doc, Action, error))
        problems.extend(
            problem
            for item, problem in zip(error.errors(), explained, strict=True)
            if not item["loc"] or item["loc"][0] not in filled
        )
    image = data.get("image")
    if isinstance(image, dict):
        problems.extend(_image_problems(doc, ("image", "src"), image.get("src"), folder))
    return problems


def library_words(problems: Iterable[Problem]) -> list[Problem]:
    """Problems explained as for a campaign file, said of a library file."""
    return [
        dataclasses.replace(
            p,
            message=p.message.replace("campagnemap", "bibliotheekmap"),
            hint=p.hint.replace("campagnemap", "bibliotheekmap").replace(
                "van de campagne", "van de bibliotheek"
            ),
        )
        for p in problems
    ]


def has_placeholder(value: Any) -> bool:
    """Whether a value of a library file holds a placeholder (``{{ ... }}``, ``{% ... %}``)."""
    if isinstance(value, str):
        return "{{" in value or "{%" in value
    if isinstance(value, dict):
        return any(has_placeholder(v) for v in value.values())
    if isinstance(value, list):
        return any(has_placeholder(v) for v in value)
    return False


def _image_problems(
    doc: Document, loc: tuple[str, ...], relative: Any, folder: Path
) -> list[Problem]:
    """An image of a library file: inside the library folder, and an image."""
    if not isinstance(relative, str):
        return []
    try:
        check_relative_path(relative)
    except ValueError:
        return []  # the model reported the path's form
    try:
        check_image(folder, relative)
    except ImageProblem as problem:
        return library_words([doc.problem(loc, problem.message, problem.hint)])
    return []


def _partner_references(doc: Document, known: list[str]) -> list[Problem]:
    data = doc.data if isinstance(doc.data, dict) else {}
    partners = data.get("partners")
    problems: list[Problem] = []
    if not isinstance(partners, list):
        return problems
    for index, value in enumerate(partners):
        if isinstance(value, str) and value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f"Bedoel je '{close[0]}'? " if close else ""
            hint += f"Er moet een bestand partners/{value}.yml in de bibliotheek bestaan."
            problems.append(
                doc.problem(
                    ("partners", index),
                    f"De bibliotheek heeft geen partner '{value}'.",
                    hint,
                )
            )
    return problems
