"""JSON Schemas for editors, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from campaignkit.library.reading import find_libraries
from campaignkit.library.schema import add_choices, library_schemas
from campaignkit.model import FILE_MODELS

SCHEMA_DIR = "schema"
BASE_ID = "https://campaignkit.invalid/schema/"


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schemas(library_dirs: Sequence[Path] = ()) -> dict[str, dict[str, Any]]:
    """One JSON Schema per kind of campaign and library file, keyed by file name; ``from:``
    offers the items of the libraries in ``library_dirs``."""
    made = {kind: model.model_json_schema() for kind, model in FILE_MODELS.items()}
    made.update(library_schemas())
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
