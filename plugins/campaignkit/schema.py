"""JSON Schemas for editors, generated from the model (never written by hand).

Every field gets its Dutch text from :mod:`campaignkit.descriptions` (``description`` and the
``markdownDescription`` editors show on hover), and every value an editor can refuse gets a
Dutch message in the keywords editors read (``errorMessage``, ``patternErrorMessage``,
``markdownEnumDescriptions``) instead of the generic English one with the raw pattern.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from campaignkit import fields
from campaignkit.descriptions import CHOICES, choices, describe, describe_record, plain
from campaignkit.library.reading import find_libraries
from campaignkit.library.schema import (
    REFERENCE_MESSAGE,
    REFERENCE_PATTERN,
    add_choices,
    library_schemas,
)
from campaignkit.model import FILE_MODELS

SCHEMA_DIR = "schema"
BASE_ID = "https://campaignkit.invalid/schema/"

#: What to write instead, for each pattern a schema checks (a new pattern needs its message).
PATTERN_MESSAGES: dict[str, str] = {
    REFERENCE_PATTERN: REFERENCE_MESSAGE,
    fields.SLUG_PATTERN: (
        "Een korte naam schrijf je met kleine letters, cijfers en koppeltekens (niet vooraan "
        "of achteraan), bv. geveltuin of dak-isolatie."
    ),
    fields.INDICATOR_ID_PATTERN: (
        "Een indicator schrijf je met kleine letters, cijfers, koppeltekens en liggende "
        "streepjes, bv. m2_ontharding."
    ),
    fields.COLOUR_PATTERN: (
        "Een kleur schrijf je als # en zes hexadecimale cijfers (0-9, A-F), tussen "
        'aanhalingstekens, bv. "#2E7D32".'
    ),
    fields.DATE_SCHEMA_PATTERN: (
        "Een datum schrijf je als JJJJ-MM-DD, met een maand van 01 tot 12 en een dag van 01 "
        "tot 31, bv. 2027-05-15."
    ),
    fields.MOMENT_SCHEMA_PATTERN: (
        "Schrijf JJJJ-MM-DD UU:MM, bv. 2027-05-15 14:00 (maand 01 tot 12, dag 01 tot 31, uur "
        "00:00 tot 23:59), of alleen 2027-05-15 voor een activiteit die de hele dag duurt."
    ),
    fields.END_SCHEMA_PATTERN: (
        "Schrijf UU:MM op dezelfde dag, bv. 17:00, of JJJJ-MM-DD UU:MM, bv. 2027-05-16 12:00 "
        "(uur 00:00 tot 23:59)."
    ),
    fields.WEB_URL_SCHEMA_PATTERN: (
        "Schrijf het volledige webadres, beginnend met https://, zonder spaties, bv. "
        "https://www.gemeente.be/klimaat."
    ),
    fields.EMAIL_PATTERN: "Dit is geen e-mailadres; schrijf bv. klimaat@gemeente.be.",
    fields.PHONE_PATTERN: (
        "Een telefoonnummer schrijf je met cijfers en eventueel spaties, punten of een + "
        "vooraan, bv. 053 21 22 33 of +32 471 12 34 56."
    ),
    fields.IMAGE_PATH_SCHEMA_PATTERN: (
        "Schrijf het pad van een beeld in de campagnemap, bv. images/foto.jpg: een .jpg, "
        ".jpeg, .png, .webp, .heic of .heif, zonder / vooraan en zonder '..'."
    ),
}
_TEXT = (
    "Hier hoort een tekst, geen lijst of blok; zet een tekst die op een getal of op "
    'true/false lijkt tussen aanhalingstekens, bv. "2027".'
)
_LIST = "Hier hoort een lijst: elk element op een eigen regel die begint met '- ', of [a, b]."
_FOCUS = "Het focuspunt schrijf je als [x, y], elk een getal van 0 tot 1, bv. [0.5, 0.3]."
_NUMBERS = {
    ("integer", 0): "Hier hoort een geheel getal vanaf 0, zonder punt of komma, bv. 3.",
    ("integer", 1): "Hier hoort een geheel getal vanaf 1, zonder punten, bv. 14 of 33800.",
    ("number", 0): "Hier hoort een getal vanaf 0, met een punt als komma, bv. 35 of 12.5.",
    ("number", None): "Hier hoort een getal, met een punt als komma, bv. 0.5.",
}
_CONSENT = (
    "Zet hier true, en alleen als wie herkenbaar op de foto staat toestemming gaf; zonder "
    "toestemming komt de foto niet online."
)


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def _dutch(model: type[BaseModel], schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` of ``model`` with the Dutch texts and messages (in place; returned)."""
    _describe(model, schema)
    _set_text(schema, describe_record(model, markdown=True))  # editors name it by its file
    for name, record in schema.get("$defs", {}).items():
        # A block's own text would win the hover over its field's, the more precise one
        # (an event's image says where it is shown).
        record.pop("description", None)
        record.pop("title", None)  # the class's name would head the hover, in English
        _describe(name, record)
    _add_messages(schema)
    return schema


def schemas(library_dirs: Sequence[Path] = ()) -> dict[str, dict[str, Any]]:
    """One JSON Schema per kind of campaign and library file, keyed by file name; ``from:``
    offers the items of the libraries in ``library_dirs``."""
    made = {kind: _dutch(model, model.model_json_schema()) for kind, model in FILE_MODELS.items()}
    for kind, (model, schema) in library_schemas().items():
        made[kind] = _dutch(model, schema)
    result = {
        schema_name(kind): {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE_ID + schema_name(kind),
            **schema,
        }
        for kind, schema in made.items()
    }
    add_choices(result, find_libraries(library_dirs, None))
    return result


def _describe(record: type[BaseModel] | str, schema: dict[str, Any]) -> None:
    """Dutch texts on each field of a record's schema (in place)."""
    for field, subschema in schema.get("properties", {}).items():
        _nullable(subschema)
        _set_text(subschema, describe(record, field, markdown=True))


def _nullable(schema: dict[str, Any]) -> None:
    """``anyOf: [{type: T, ...}, {type: null}]`` as ``type: [T, null]`` (in place).

    The same values are valid, but an editor reports a wrong type in an ``anyOf`` in its own
    English words, over the Dutch message; choices and records keep their ``anyOf`` (a null
    would not be among the choices; a record has no type message to lose).
    """
    options = schema.get("anyOf", ())
    if len(options) != 2 or {"type": "null"} not in options:
        return
    value = next(o for o in options if o != {"type": "null"})
    if not isinstance(value.get("type"), str) or {"$ref", "enum", "const"} & set(value):
        return
    del schema["anyOf"]
    schema.update({**value, "type": [value["type"], "null"]})


def _set_text(schema: dict[str, Any], markdown: str) -> None:
    schema.pop("title", None)  # pydantic's English names ("Housing Units") would head the hover
    schema["description"] = plain(markdown)
    schema["markdownDescription"] = markdown


def _add_messages(node: dict[str, Any]) -> None:
    """A Dutch message on ``node`` and every value schema below it that an editor can refuse
    (in place); a choice whose values are English also says what each one means."""
    message = _message(node)
    if message:
        node["errorMessage"] = message
        if "pattern" in node:
            node["patternErrorMessage"] = message
    if "enum" in node:
        # The values say the type; a type mismatch would add the editor's English message.
        node.pop("type", None)
    values = [str(v) for v in node.get("enum", ())]
    if values and all(v in CHOICES for v in values):
        node["enumDescriptions"] = [CHOICES[v] for v in values]
        node["markdownEnumDescriptions"] = node["enumDescriptions"]
    for key in ("properties", "$defs"):
        for subschema in node.get(key, {}).values():
            _add_messages(subschema)
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for subschema in node.get(key, ()):
            _add_messages(subschema)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            _add_messages(node[key])


def _message(node: dict[str, Any]) -> str | None:
    """The message for one value schema; None for an object (its messages say which field is
    missing or unknown, and an ``errorMessage`` would hide them)."""
    if "pattern" in node:
        return PATTERN_MESSAGES[node["pattern"]]
    if "enum" in node:
        return f"Kies {choices(node['enum'], markdown=False)}."
    if node.get("const") is True:
        return _CONSENT
    kind = node.get("type")
    if isinstance(kind, list):  # [T, "null"]
        kind = kind[0]
    if kind in ("integer", "number"):
        return _NUMBERS[(kind, node.get("minimum"))]
    if kind == "string":
        return _TEXT
    if kind == "array":
        return _FOCUS if "prefixItems" in node else _LIST
    return None


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path, library_dirs: Sequence[Path] = ()) -> list[Path]:
    """Write every schema into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(library_dirs).items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
