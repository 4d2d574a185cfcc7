"""The JSON Schemas as strict tools and the editor read them: valid 2020-12 schemas, ECMA-262
patterns, a Dutch text on every field and a Dutch message on every value they can refuse."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import regress
import yaml
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from campaignkit import fields
from campaignkit.descriptions import DESCRIPTIONS, RECORDS, describe, describe_record
from campaignkit.library.schema import LIBRARY_MODELS
from campaignkit.model import FILE_MODELS, Campaign, CampaignFile, Event, NewsFrontMatter
from campaignkit.scaffold import new_campaign
from campaignkit.schema import PATTERN_MESSAGES, schemas

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = schemas()
#: The record of every kind of file that has a schema: a campaign's and a library's.
MODELS: dict[str, type[BaseModel]] = {**FILE_MODELS, **LIBRARY_MODELS}
FILES = {"campaign": "campaign.yml", "action": "actions/*.yml", "event": "events/*.yml"}
FILES["team"] = "teams/*.yml"


def _records_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [r for arg in typing.get_args(annotation) for r in _records_in(arg)]


def _format_records() -> dict[str, type[BaseModel]]:
    """Every record of the format: the files' models, the news front matter and what they hold."""
    found: dict[str, type[BaseModel]] = {}
    todo: list[type[BaseModel]] = [*MODELS.values(), NewsFrontMatter]
    while todo:
        record = todo.pop()
        if record.__name__ not in found:
            found[record.__name__] = record
            for info in record.model_fields.values():
                if not info.exclude:  # what validation fills in, never written
                    todo.extend(_records_in(info.annotation))
    return found


def _fields(record: type[BaseModel]) -> set[str]:
    """The keys of a record as a file writes them (``except``, not the field ``skip``)."""
    return {info.alias or name for name, info in record.model_fields.items() if not info.exclude}


def _nodes(node: Any) -> list[dict[str, Any]]:
    """Every schema object below ``node`` (itself included)."""
    if isinstance(node, list):
        return [n for item in node for n in _nodes(item)]
    if not isinstance(node, dict):
        return []
    found = [node]
    for key, value in node.items():
        if key in ("properties", "$defs"):
            found += [n for sub in value.values() for n in _nodes(sub)]
        elif key in ("items", "anyOf", "oneOf", "allOf", "prefixItems", "additionalProperties"):
            found += _nodes(value)
    return found


def test_every_field_of_every_record_has_a_dutch_description_and_nothing_else_has() -> None:
    records = _format_records()
    # A record that only narrows another (a library's action) reads its fields' texts there.
    narrowing = {n for n, r in records.items() if _fields(r) <= _fields(r.__mro__[1])}
    assert set(DESCRIPTIONS) == set(records) - narrowing
    assert set(records) == set(RECORDS)
    for name, record in records.items():
        if name not in narrowing:
            assert set(DESCRIPTIONS[name]) == _fields(record), name
        for field in _fields(record):
            text = describe(record, field)
            assert text.endswith(".") and "`" not in text, (name, field)
            # English would show in the editor beside the Dutch: none of its commonest words.
            assert not re.search(r"\b(the|and|of the|e\.g|must|with|which)\b", text), text


def test_describe_reads_inherited_fields_and_refuses_unknown_ones() -> None:
    assert describe(Campaign, "signup_url") == describe(CampaignFile, "signup_url")
    assert describe("Contact", "email").startswith("Het e-mailadres")
    assert "`klimaat@gemeente.be`" in describe("Contact", "email", markdown=True)
    assert describe_record(Event).startswith("Een activiteit, events/<naam>.yml")
    with pytest.raises(KeyError):
        describe(Event, "begin")


def test_every_field_in_every_schema_shows_its_dutch_description() -> None:
    for name, schema in SCHEMAS.items():
        kind = name.removesuffix(".schema.json")
        records = [(MODELS[kind].__name__, schema), *schema.get("$defs", {}).items()]
        assert schema["description"] == describe_record(MODELS[kind])
        for record, node in records:
            # A block's own text would win the editor's hover over the field's.
            assert node is schema or "description" not in node, record
            assert "title" not in node  # the class's English name would head the hover
            expected = _fields(_format_records()[record])
            if "from" in node["properties"]:  # a library's item to take over, in Dutch too
                assert node["properties"]["from"]["description"].startswith("Neem deze")
                expected |= {"from"}
            if kind == "library-action" and node is schema:
                expected -= {"events"}  # a campaign links its own events
            assert set(node["properties"]) == expected, (name, record)
            for field, prop in node["properties"].items():
                if field == "from":
                    continue
                model = _format_records()[record]
                assert prop["description"] == describe(model, field), (name, field)
                assert prop["markdownDescription"] == describe(model, field, markdown=True)
                assert "title" not in prop  # pydantic's English name would head the hover
    hover = SCHEMAS["campaign.schema.json"]["properties"]["signup_url"]["markdownDescription"]
    assert hover.startswith("Waar inwoners zich inschrijven")
    email = SCHEMAS["campaign.schema.json"]["$defs"]["Contact"]["properties"]["email"]
    assert email["markdownDescription"].startswith("Het e-mailadres")


def test_every_value_an_editor_can_refuse_has_a_dutch_message() -> None:
    for name, schema in SCHEMAS.items():
        for node in _nodes(schema):
            if "pattern" in node:
                assert node["patternErrorMessage"] == PATTERN_MESSAGES[node["pattern"]], name
            if {"pattern", "enum", "const"} & set(node) or node.get("type") not in (
                None,
                "object",
                "null",
            ):
                assert node.get("errorMessage"), (name, node)
            if "enum" in node and "type" not in node and node["enum"][0] == "planned":
                assert node["markdownEnumDescriptions"] == ["gepland", "bezig", "afgerond"]
            if node.get("type") == "object" or "$ref" in node:
                assert "errorMessage" not in node  # it would hide "missing" and "unknown"
    primary = SCHEMAS["campaign.schema.json"]["$defs"]["Branding"]["properties"]["primary"]
    assert primary["patternErrorMessage"].startswith(
        "Een kleur schrijf je als # en zes hexadecimale cijfers"
    )
    assert "^#" not in primary["patternErrorMessage"]


def test_schemas_pass_the_strict_2020_12_metaschema_check() -> None:
    for name, schema in SCHEMAS.items():
        Draft202012Validator.check_schema(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", name


def test_every_pattern_is_an_ecma_262_regex_with_the_unicode_flag() -> None:
    patterns = {n["pattern"] for s in SCHEMAS.values() for n in _nodes(s) if "pattern" in n}
    assert fields.EMAIL_PATTERN in patterns and len(patterns) >= 8
    for pattern in patterns:
        regress.Regex(pattern, "u")  # raises on an escape ECMA-262 refuses, as "\"" in [...]
    with pytest.raises(regress.RegressError):
        regress.Regex(r"^[^@\"]+$", "u")
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the patterns were checked with regress only")
    script = "for (const p of JSON.parse(require('fs').readFileSync(0))) new RegExp(p, 'u')"
    subprocess.run([node, "-e", script], input=json.dumps(sorted(patterns)), text=True, check=True)


def test_check_jsonschema_accepts_every_committed_schema() -> None:
    here = Path(sys.executable).parent / "check-jsonschema"
    tool = str(here) if here.is_file() else shutil.which("check-jsonschema")
    assert tool, "install the test extra (pip install -e '.[test]')"
    files = sorted(str(p) for p in (ROOT / "schema").glob("*.schema.json"))
    result = subprocess.run(
        [tool, "--check-metaschema", *files], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _problems(schema: str, document: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(SCHEMAS[schema])
    return [f"{'.'.join(map(str, e.absolute_path))}" for e in validator.iter_errors(document)]


EVENT = {"title": "Markt", "location": {"name": "Plein"}}


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2027-13-45 25:00", None),
        ("2027-13-01", None),
        ("2027-00-10 10:00", None),
        ("2027-05-32 10:00", None),
        ("2027-05-15 24:00", None),
        ("2027-05-15 23:60", None),
        ("2027-05-15 9:00", None),
        ("2027-05-15 14:00", "24:00"),
        ("2027-05-15 14:00", "17:60"),
        ("2027-05-15 14:00", "2027-05-16 25:00"),
    ],
)
def test_the_event_schema_refuses_months_days_and_hours_that_cannot_exist(
    start: str, end: str | None
) -> None:
    event = {**EVENT, "start": start, **({"end": end} if end else {})}
    assert _problems("event.schema.json", event) == ["end" if end else "start"]


@pytest.mark.parametrize(
    ("start", "end"),
    [("2027-05-15 00:00", "23:59"), ("2027-05-15", None), ("2027-12-31 20:00", "2028-01-01 01:30")],
)
def test_the_event_schema_accepts_every_real_moment(start: str, end: str | None) -> None:
    event = {**EVENT, "start": start, **({"end": end} if end else {})}
    assert _problems("event.schema.json", event) == []


def test_days_in_the_campaign_and_team_schemas_refuse_impossible_months_and_days() -> None:
    campaign = {"period": {"start": "2027-13-01", "end": "2027-01-32"}}
    assert {"period.start", "period.end"} <= set(_problems("campaign.schema.json", campaign))
    team = {"name": "Lindestraat", "households": 3, "joined": "2027-02-31"}
    assert _problems("team.schema.json", team) == []  # the model says this day does not exist
    assert _problems("team.schema.json", {**team, "joined": "2027-02-40"}) == ["joined"]


class _Yaml12(yaml.SafeLoader):
    """YAML as the editor reads it (1.2 core schema): 17:00 and 2027-05-15 stay text, only
    true/false are booleans."""


_Yaml12.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _Yaml12.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def _campaign_files(folder: Path) -> list[tuple[str, Path]]:
    return [(kind, path) for kind, glob in FILES.items() for path in sorted(folder.glob(glob))]


def test_the_examples_and_a_new_campaign_pass_their_schemas(tmp_path: Path) -> None:
    new = new_campaign(tmp_path, "zemst", "Zemst", date(2027, 1, 4))
    folders = [*sorted((ROOT / "campaigns").iterdir()), new]
    checked = 0
    for folder in folders:
        for kind, path in _campaign_files(folder):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12)
            assert _problems(f"{kind}.schema.json", data) == [], path
            checked += 1
    assert checked > 20


_URL_TEXT = st.text(alphabet="hHtTpPsS:/.?#-abcé <>\"'`\t\n", max_size=30)


@given(st.one_of(_URL_TEXT, _URL_TEXT.map(lambda rest: "https://" + rest)))
def test_the_editor_accepts_a_web_address_exactly_when_the_model_does(text: str) -> None:
    try:
        fields._check_web_url(text)
        accepted = True
    except ValueError:
        accepted = False
    assert bool(re.fullmatch(fields.WEB_URL_SCHEMA_PATTERN, text)) == accepted


@given(st.text(alphabet="ab.@-_\"'\\ <>()[],;:é\n", max_size=20))
def test_the_email_pattern_means_what_it_meant_before_it_became_ecma_262(text: str) -> None:
    before = r"^[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"
    assert bool(re.match(fields.EMAIL_PATTERN, text)) == bool(re.match(before, text))


def test_the_model_still_refuses_quotes_and_spaces_in_an_email_address() -> None:
    from campaignkit.model import Contact

    assert Contact(email="klimaat@gemeente.be").email == "klimaat@gemeente.be"
    for wrong in ('a"b@gemeente.be', "a b@gemeente.be", "klimaat@gemeente", "a'b@x.be"):
        with pytest.raises(ValueError):
            Contact(email=wrong)
