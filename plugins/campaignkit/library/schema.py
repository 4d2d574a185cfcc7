"""What the shared libraries add to the JSON Schemas for editors: ``from:`` in action files
and in ``campaign.yml``'s partners, with the available library items as choices, and the
schemas of a library's own files."""

from __future__ import annotations

from typing import Any

from campaignkit.library.reading import Libraries
from campaignkit.library.records import LibraryFile, LibraryPartner
from campaignkit.model import Action

REFERENCE_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"


def _from(choices: list[str], what: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "string",
        "description": f"Take this {what} from a library (<library>/<name>); every other field "
        "given here replaces the library's for this campaign.",
    }
    if choices:
        schema["enum"] = choices
    else:
        schema["pattern"] = REFERENCE_PATTERN
    return schema


def with_from(schema: dict[str, Any], choices: list[str], what: str) -> None:
    """``schema`` (of an object) also accepts ``from:``; with it, nothing is required."""
    schema["properties"]["from"] = _from(choices, what)
    required = schema.pop("required", [])
    if required:
        schema["if"] = {"required": ["from"]}
        schema["else"] = {"required": required}


def add_choices(schemas: dict[str, dict[str, Any]], libraries: Libraries) -> None:
    """``from:`` in the action and campaign schemas, with ``libraries``' items as choices."""
    items = sorted(libraries.by_slug.items())
    actions = [f"{slug}/{a}" for slug, lib in items for a in sorted(lib.actions)]
    partners = [f"{slug}/{p}" for slug, lib in items for p in sorted(lib.partners)]
    with_from(schemas["action.schema.json"], actions, "action")
    campaign = schemas["campaign.schema.json"]
    with_from(campaign["$defs"]["Partner"], partners, "partner")
    library = campaign["properties"].get("library")
    if library is not None and libraries.by_slug:
        library["items"] = {"enum": sorted(libraries.by_slug)}


def library_schemas() -> dict[str, dict[str, Any]]:
    """The schemas of ``library.yml``, a library's actions and its partners, by kind."""
    action = Action.model_json_schema()
    action["properties"].pop("events", None)
    action["description"] = (
        "library/<library>/actions/<slug>.yml: an action as campaigns take it over, without "
        "events; text may use the kit's placeholders, e.g. {{ municipality.name }}."
    )
    return {
        "library": LibraryFile.model_json_schema(),
        "library-action": action,
        "library-partner": LibraryPartner.model_json_schema(),
    }
