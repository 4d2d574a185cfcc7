"""Test libraries (``library/<slug>/``), written from data as the campaign factory writes
campaigns: :data:`LIBRARY` is a small library with every part; tests change it file by file
(fields merged, a string as a file's whole text, :data:`~support.campaigns.OMIT` removes)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from support.campaigns import OMIT, Document, ImageData, Omit, _text, logo, merged, photo

LIBRARY_SLUG = "bbl"
LIBRARY_ACTION = "dakisolatie"
LIBRARY_PARTNER = "natuurpunt"

LIBRARY: dict[str, Any] = {
    "library.yml": {"name": "Bond Beter Leefmilieu", "url": "https://www.bondbeterleefmilieu.be"},
    "actions": {
        LIBRARY_ACTION: {
            "title": "Samen je dak isoleren in {{ municipality.name }}",
            "summary": "Doe mee aan de groepsaankoop dakisolatie van {{ campaign.title }}.",
            "theme": "energie",
            "effort": "medium",
            "partners": [LIBRARY_PARTNER],
            "image": {"src": "images/dak.jpg", "alt": "Een geïsoleerd dak"},
            "body": "Mail {{ contact.email }} voor een gratis dakscan.\n\n- snel\n- goedkoop\n",
        },
        "repair-cafe": {
            "title": "Een repair café",
            "summary": "Herstel samen kapotte spullen.",
            "theme": "consumptie",
        },
    },
    "partners": {
        LIBRARY_PARTNER: {
            "name": "Natuurpunt",
            "url": "https://www.natuurpunt.be",
            "logo": "images/natuurpunt.png",
            "role": "Geeft advies over groen in {{ municipality.name }}.",
        }
    },
    "texts": {},
    "images": {
        "images/dak.jpg": functools.partial(photo, 800, 600),
        "images/natuurpunt.png": functools.partial(logo, 200),
    },
}


def write_library(
    root: Path,
    slug: str = LIBRARY_SLUG,
    *,
    library: Document | None = None,
    actions: Mapping[str, Document | Omit] | None = None,
    partners: Mapping[str, Document | Omit] | None = None,
    texts: Mapping[str, str | Omit] | None = None,
    images: Mapping[str, ImageData | Omit] | None = None,
) -> Path:
    """Write :data:`LIBRARY`, changed file by file, into ``root/slug``; returns the folder."""
    folder = root / slug
    files: dict[str, str | bytes] = {}
    settings = LIBRARY["library.yml"]
    files["library.yml"] = _text(_change(settings, library))
    for kind, changes in (("actions", actions), ("partners", partners)):
        items: dict[str, Any] = dict(LIBRARY[kind])
        for name, change in (changes or {}).items():
            if change is OMIT:
                items.pop(name, None)
            else:
                items[name] = _change(items.get(name), change)
        for name, document in items.items():
            files[f"{kind}/{name}.yml"] = _text(document)
    for name, text in {**LIBRARY["texts"], **(texts or {})}.items():
        if text is not OMIT:
            files[f"texts/{name}.md"] = text
    for name, data in {**LIBRARY["images"], **(images or {})}.items():
        if data is not OMIT:
            files[name] = data if isinstance(data, bytes) else data()
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _change(base: Any, change: Any) -> Any:
    if change is None:
        return base
    if isinstance(change, str) or not isinstance(base, Mapping):
        return change
    return merged(base, change)
