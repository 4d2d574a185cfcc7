"""JSON Schemas for editors, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from campaignkit.model import FILE_MODELS

SCHEMA_DIR = "schema"
BASE_ID = "https://campaignkit.invalid/schema/"


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per kind of campaign file, keyed by file name."""
    result = {}
    for kind, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE_ID + schema_name(kind),
            **schema,
        }
        result[schema_name(kind)] = schema
    return result


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
