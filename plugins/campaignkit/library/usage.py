"""Which library files each campaign uses, read from its raw files: what its cached
microsite depends on, and what the report and the portal's network page show."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaignkit.library.reading import Libraries, find_libraries
from campaignkit.library.records import ACTIONS, LIBRARY_FILE, PARTNERS
from campaignkit.loading import load_document
from campaignkit.problems import CampaignError

_REFERENCE = re.compile(r"^([a-z0-9-]+)/([a-z0-9-]+)$")


@dataclass
class Usage:
    """What one campaign takes from the libraries, as its files say."""

    slug: str
    #: (library, item) -> (the campaign's slug for it, the fields it overrides).
    actions: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    partners: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: The libraries whose texts it takes (``library:``).
    texts: tuple[str, ...] = ()

    def libraries(self) -> set[str]:
        return (
            {lib for lib, _ in self.actions} | {lib for lib, _ in self.partners} | set(self.texts)
        )


def _data(path: Path) -> Any:
    try:
        return load_document(path, path.name, keep_going=True).data
    except CampaignError:
        return None


def _reference(value: Any) -> tuple[str, str] | None:
    found = _REFERENCE.match(value.strip()) if isinstance(value, str) else None
    return (found.group(1), found.group(2)) if found else None


def campaign_usage(folder: Path) -> Usage:
    """What the campaign in ``folder`` takes from libraries (whether or not it exists)."""
    usage = Usage(folder.name)
    settings = _data(folder / "campaign.yml")
    if isinstance(settings, dict):
        texts = settings.get("library")
        if isinstance(texts, list):
            usage.texts = tuple(t for t in texts if isinstance(t, str))
        partners = settings.get("partners")
        for entry in partners if isinstance(partners, list) else []:
            ref = _reference(entry.get("from")) if isinstance(entry, dict) else None
            if ref is not None:
                own = str(entry.get("id") or ref[1])
                usage.partners[ref] = (own, tuple(k for k in entry if k not in ("from", "id")))
    actions = folder / "actions"
    for path in sorted(actions.glob("*.yml")) if actions.is_dir() else []:
        data = _data(path)
        ref = _reference(data.get("from")) if isinstance(data, dict) else None
        if ref is not None and isinstance(data, dict):
            usage.actions[ref] = (path.stem, tuple(k for k in data if k != "from"))
    return usage


def used_files(folder: Path, dirs: Sequence[Path], base: Path | None = None) -> list[Path]:
    """Every library file the campaign in ``folder`` is built from (a named file that is not
    there counts too, so that adding it rebuilds the campaign)."""
    usage = campaign_usage(folder)
    if not usage.libraries():
        return []
    libraries = find_libraries(dirs, base)
    files: set[Path] = set()
    for slug in usage.libraries():
        # Whichever folder of that name appears later (or a second one): rebuild.
        files.update(d / slug / LIBRARY_FILE for d in dirs)
        library = libraries.get(slug)
        if library is None:
            continue
        files.add(library.folder / LIBRARY_FILE)
        if slug in usage.texts and library.texts.is_dir():
            files.update(p for p in library.texts.rglob("*") if p.is_file())
    for kind, used in ((ACTIONS, usage.actions), (PARTNERS, usage.partners)):
        for lib, item in used:
            _item_files(libraries, lib, kind, item, files)
    return sorted(files)


def _item_files(libraries: Libraries, lib: str, kind: str, item: str, files: set[Path]) -> None:
    library = libraries.get(lib)
    if library is None:
        return
    path = library.folder / kind / f"{item}.yml"
    files.add(path)
    data = _data(path) if path.is_file() else None
    if not isinstance(data, dict):
        return
    image = data.get("image")
    for relative in (image.get("src") if isinstance(image, dict) else None, data.get("logo")):
        if isinstance(relative, str) and ".." not in relative and not relative.startswith("/"):
            files.add(library.folder / relative)
