"""``campaignkit library list`` and ``library report``: what the libraries hold, who uses
each item and which fields each campaign overrides, and what each campaign does not use yet;
as text, CSV (cells that cannot start a formula) or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from campaignkit.library.reading import Libraries
from campaignkit.library.usage import Usage
from campaignkit.spreadsheets import neutralise_cell

CSV_COLUMNS = ("library", "kind", "item", "title", "campaign", "page", "overrides")
_KINDS = {"actions": "actie", "partners": "partner"}


@dataclass(frozen=True)
class Use:
    """One campaign using one library item."""

    library: str
    kind: str
    item: str
    title: str
    campaign: str
    #: The campaign's slug for it: its action's file name, or its partner's id.
    page: str
    overrides: tuple[str, ...]


def _title(data: Any, kind: str, slug: str) -> str:
    value = data.get("title" if kind == "actions" else "name") if isinstance(data, dict) else None
    return " ".join(value.split()) if isinstance(value, str) else slug


def listing(libraries: Libraries) -> str:
    """Every library with its actions, partners and texts, for a terminal."""
    if not libraries.by_slug:
        return "Geen bibliotheken gevonden (een map library/<naam>/ met een library.yml)."
    lines = []
    for slug, library in sorted(libraries.by_slug.items()):
        version = f", versie {library.version}" if library.version else ""
        lines.append(f"{slug}: {library.name}{version} ({library.folder})")
        for kind in ("actions", "partners"):
            items = getattr(library, kind)
            lines.append(f"  {'Acties' if kind == 'actions' else 'Partners'} ({len(items)}):")
            for item_slug, item in sorted(items.items()):
                title = _title(item.document.data, kind, item_slug)
                lines.append(f"    {slug}/{item_slug}: {title}")
        texts = sorted(p.stem for p in library.texts.glob("*.md")) if library.texts.is_dir() else []
        lines.append(f"  Teksten ({len(texts)}): {', '.join(texts) or '-'}")
    return "\n".join(lines)


def uses(libraries: Libraries, usages: Sequence[Usage]) -> list[Use]:
    """Every (library item, campaign using it), by library, kind, item and campaign."""
    found = []
    for slug, library in sorted(libraries.by_slug.items()):
        for kind in ("actions", "partners"):
            for item_slug, item in sorted(getattr(library, kind).items()):
                title = _title(item.document.data, kind, item_slug)
                for usage in sorted(usages, key=lambda u: u.slug):
                    used = getattr(usage, kind).get((slug, item_slug))
                    if used is not None:
                        found.append(
                            Use(slug, kind, item_slug, title, usage.slug, used[0], used[1])
                        )
    return found


def unused(libraries: Libraries, usage: Usage) -> list[str]:
    """The library actions a campaign does not take yet (``<library>/<slug>``), from the
    libraries it uses (from all of them when it uses none)."""
    chosen = usage.libraries() or set(libraries.by_slug)
    return [
        f"{slug}/{item}"
        for slug in sorted(chosen)
        if (library := libraries.get(slug)) is not None
        for item in sorted(library.actions)
        if (slug, item) not in usage.actions
    ]


def report(libraries: Libraries, usages: Sequence[Usage], style: str = "text") -> str:
    """The report in ``style``: text, csv or json."""
    found = uses(libraries, usages)
    if style == "csv":
        return _csv(libraries, usages, found)
    if style == "json":
        return _json(libraries, usages, found)
    return _text(libraries, usages, found)


def _text(libraries: Libraries, usages: Sequence[Usage], found: list[Use]) -> str:
    lines = []
    for slug, library in sorted(libraries.by_slug.items()):
        lines.append(f"{library.name} ({slug})")
        for kind in ("actions", "partners"):
            for item_slug, item in sorted(getattr(library, kind).items()):
                title = _title(item.document.data, kind, item_slug)
                mine = [u for u in found if (u.library, u.kind, u.item) == (slug, kind, item_slug)]
                lines.append(f"  {_KINDS[kind]} {slug}/{item_slug}: {title}")
                if not mine:
                    lines.append("    door geen campagne gebruikt")
                for use in mine:
                    what = ", ".join(use.overrides) if use.overrides else "niets"
                    lines.append(f"    {use.campaign} ({use.page}): overschrijft {what}")
    lines.append("")
    lines.append("Nog niet gebruikt, per campagne:")
    for usage in sorted(usages, key=lambda u: u.slug):
        rest = unused(libraries, usage)
        lines.append(f"  {usage.slug}: {', '.join(rest) if rest else 'alles'}")
    return "\n".join(lines)


def _csv(libraries: Libraries, usages: Sequence[Usage], found: list[Use]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows = [
        (u.library, _KINDS[u.kind], u.item, u.title, u.campaign, u.page, " ".join(u.overrides))
        for u in found
    ]
    used = {(u.library, u.kind, u.item) for u in found}
    for slug, library in sorted(libraries.by_slug.items()):
        for kind in ("actions", "partners"):
            for item_slug, item in sorted(getattr(library, kind).items()):
                if (slug, kind, item_slug) not in used:
                    title = _title(item.document.data, kind, item_slug)
                    rows.append((slug, _KINDS[kind], item_slug, title, "", "", ""))
    for row in sorted(rows):
        writer.writerow([neutralise_cell(cell) for cell in row])
    return out.getvalue()


def _json(libraries: Libraries, usages: Sequence[Usage], found: list[Use]) -> str:
    data: dict[str, Any] = {"libraries": [], "campaigns": []}
    for slug, library in sorted(libraries.by_slug.items()):
        entry: dict[str, Any] = {
            "slug": slug,
            "name": library.name,
            "url": library.url,
            "version": library.version,
        }
        for kind in ("actions", "partners"):
            entry[kind] = [
                {
                    "slug": item_slug,
                    "title": _title(item.document.data, kind, item_slug),
                    "used_by": [
                        {"campaign": u.campaign, "as": u.page, "overrides": list(u.overrides)}
                        for u in found
                        if (u.library, u.kind, u.item) == (slug, kind, item_slug)
                    ],
                }
                for item_slug, item in sorted(getattr(library, kind).items())
            ]
        data["libraries"].append(entry)
    for usage in sorted(usages, key=lambda u: u.slug):
        data["campaigns"].append({"slug": usage.slug, "not_used": unused(libraries, usage)})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
