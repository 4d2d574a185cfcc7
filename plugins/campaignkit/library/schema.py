"""What the shared libraries add to the JSON Schemas for editors: ``from:`` in action files
and in ``campaign.yml``'s partners, with the available library items as choices, and the
schemas of a library's own files."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from campaignkit.library.reading import Libraries
from campaignkit.library.records import LibraryFile, LibraryPartner
from campaignkit.model import Action

REFERENCE_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"
REFERENCE_MESSAGE = (
    "Schrijf de korte naam van de bibliotheek, een schuine streep en die van het item, bv. "
    "bbl/geveltuinen."
)


def _from(choices: list[str], what: str) -> dict[str, Any]:
    text = (
        f"Neem deze {what} over uit een bibliotheek: `<bibliotheek>/<naam>`, bv. "
        "`bbl/geveltuinen`; elk ander veld hier vervangt dat van de bibliotheek voor deze "
        "campagne."
    )
    schema: dict[str, Any] = {
        "type": "string",
        "description": text.replace("`", ""),
        "markdownDescription": text,
    }
    schema["errorMessage"] = f"Kies een {what} van een bibliotheek. {REFERENCE_MESSAGE}"
    if choices:
        schema["enum"] = choices
    else:
        schema["pattern"] = REFERENCE_PATTERN
        schema["patternErrorMessage"] = REFERENCE_MESSAGE
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
    with_from(schemas["action.schema.json"], actions, "actie")
    campaign = schemas["campaign.schema.json"]
    with_from(campaign["$defs"]["Partner"], partners, "partner")
    library = campaign["properties"].get("library")
    if library is not None and libraries.by_slug:
        library["items"] = {"enum": sorted(libraries.by_slug)}


def library_schemas() -> dict[str, tuple[type[BaseModel], dict[str, Any]]]:
    """The schemas of ``library.yml``, a library's actions and its partners, by kind, each
    with its record (whose Dutch texts the caller adds)."""
    made = {kind: (model, model.model_json_schema()) for kind, model in LIBRARY_MODELS.items()}
    made["library-action"][1]["properties"].pop("events", None)
    return made


class LibraryAction(Action):
    """The record of a library's action file (an action without ``events``), named for its
    Dutch text."""


#: The record of each kind of library file.
LIBRARY_MODELS: dict[str, type[BaseModel]] = {
    "library": LibraryFile,
    "library-action": LibraryAction,
    "library-partner": LibraryPartner,
}
