"""A sign-up export to team files: one ``teams/<slug>.yml`` per row, checked as the build
checks a team file, every problem located at ``file.csv:row:column``.

Nothing is written while any row has a problem, and an existing team file is never
touched: its row is reported and skipped, so importing the same export again after
fixing it writes only what is new.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from campaignkit.entries import MAX_FILES, RESERVED_SLUGS
from campaignkit.fields import find_contact_details, slugify
from campaignkit.loading import Document, Loc, load_document
from campaignkit.problems import CampaignError, Problem
from campaignkit.signups.cells import Actions, as_date, as_kind, as_list, day_first, one_line
from campaignkit.signups.columns import Columns, find_columns
from campaignkit.spreadsheets import Row, Table
from campaignkit.teams import ActionIndicators, action_indicators, validate_team
from campaignkit.validation import TEAMS_FOLDER

ACTIONS_FOLDER = "actions"
#: What the model checks a row with when a required cell is empty (that is reported on
#: its own), so that the row's other cells are still checked in the same run.
_STAND_INS = {"name": "Ploeg", "households": "1"}
SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/team.schema.json\n"


@dataclass(frozen=True)
class Planned:
    """One team file to write: its slug, the row it comes from, its name and its fields
    (as text, in the format's order)."""

    slug: str
    row: int
    name: str
    data: Mapping[str, Any]

    @property
    def path(self) -> str:
        return f"{TEAMS_FOLDER}/{self.slug}.yml"

    @property
    def text(self) -> str:
        """The file's text (made when it is written: a dry run needs none)."""
        return team_text(self.data)


@dataclass(frozen=True)
class Plan:
    """What an import would do: the files to write, the rows skipped because their team
    exists, and every problem (with any, nothing is written)."""

    table: Table
    columns: Columns
    teams: tuple[Planned, ...]
    existing: tuple[Planned, ...]
    problems: tuple[Problem, ...]


def plan_import(folder: Path, table: Table, chosen: Mapping[str, str | None], today: date) -> Plan:
    """What importing ``table`` into the campaign at ``folder`` does. ``chosen`` maps
    fields to headers (``--column``); a row without a date joined on ``today``."""
    columns, problems = find_columns(table, chosen)
    problems += _missing_columns(table, columns)
    actions, known = _actions(folder)
    existing_slugs = {path.stem for path in (folder / TEAMS_FOLDER).glob("*.yml")}
    dates = columns.fields.get("joined")
    first = day_first(row.cell(dates) for row in table.rows) if dates is not None else True
    planned: list[Planned] = []
    existing: list[Planned] = []
    rows_of: dict[str, int] = {}
    for row in table.rows:
        data, doc, found = _row(table, columns, row, actions, today=today, day_first=first)
        slug = _slug(data.get("name", ""))
        team, checked = validate_team(doc, slug, known)
        found += checked
        if "name" in data:
            if slug in rows_of:
                found.append(_twice(doc, data["name"], rows_of[slug], slug))
            rows_of.setdefault(slug, row.number)
        problems += [_with_header(table, columns, p) for p in found]
        if found or team is None:
            continue
        item = Planned(slug, row.number, team.name, data)
        (existing if slug in existing_slugs else planned).append(item)
    if planned and len(existing_slugs) + len(planned) > MAX_FILES:
        over = planned[max(0, MAX_FILES - len(existing_slugs))]
        problems.append(_too_many(table, over, len(existing_slugs), len(planned)))
    return Plan(table, columns, tuple(planned), tuple(existing), tuple(sorted(set(problems))))


def write_plan(folder: Path, plan: Plan) -> tuple[list[Planned], list[Planned]]:
    """Write the planned team files (none when the plan has problems); never over a file
    that exists, even one made since the plan. Returns the written and the skipped."""
    if plan.problems:
        raise CampaignError(plan.problems)
    written, skipped = [], list(plan.existing)
    (folder / TEAMS_FOLDER).mkdir(exist_ok=True)
    for item in plan.teams:
        try:
            with open(folder / item.path, "x", encoding="utf-8", newline="\n") as out:
                out.write(item.text)
        except FileExistsError:
            skipped.append(item)
            continue
        written.append(item)
    return written, skipped


def _row(
    table: Table, columns: Columns, row: Row, actions: Actions, *, today: date, day_first: bool
) -> tuple[dict[str, Any], Document, list[Problem]]:
    """A row as a team file's data, positioned at its cells, and the problems only the
    import sees (empty required cells, dates, kinds and actions it cannot read)."""
    data: dict[str, Any] = {}
    values: dict[Loc, tuple[int, int]] = {(): (row.number, 1)}
    problems: list[Problem] = []
    fields = columns.fields

    def cell(field: str) -> str:
        index = fields.get(field)
        if index is None:
            return ""
        values[(field,)] = (row.number, index + 1)
        return row.cell(index).strip()

    def problem(field: str, message: str, hint: str) -> None:
        line, column = values.get((field,), (row.number, 1))
        problems.append(Problem(table.name, line, column, message, hint))

    if name := one_line(cell("name")):
        data["name"] = name
    elif "name" in fields:
        problem("name", "Deze rij heeft geen naam voor de ploeg.", "Vul de naam in, of wis de rij.")
    kind = cell("kind")
    if kind:
        found = as_kind(kind)
        if found:
            data["kind"] = found
        else:
            problem(
                "kind",
                f"{_quoted(kind)} is geen soort ploeg.",
                "Schrijf straat, wijk, school, vereniging, bedrijf of andere.",
            )
    if streets := as_list(cell("streets")):
        data["streets"] = streets
    households = one_line(cell("households"))
    if households:
        data["households"] = households
    elif "households" in fields:
        problem("households", "Hoeveel gezinnen doen mee? De cel is leeg.", "Vul een getal in.")
    if total := one_line(cell("households_total")):
        data["households_total"] = total
    joined = cell("joined")
    if joined:
        data["joined"] = as_date(joined, day_first=day_first)
        if data["joined"] is None:
            problem(
                "joined",
                f"{_quoted(joined)} is geen datum.",
                "Schrijf de datum als 2027-03-12 of 12/03/2027.",
            )
            data["joined"] = today.isoformat()
    else:
        data["joined"] = today.isoformat()
    if story := cell("story"):
        data["story"] = story
    slugs, unknown = actions.find(cell("actions"))
    for item in unknown:
        problem(
            "actions",
            f"Er is geen actie {_quoted(item)}.",
            actions.suggestion(item) + "Noem een actie bij haar titel of bestandsnaam.",
        )
    if slugs:
        data["commitments"] = [{"action": slug} for slug in slugs]
        for index in range(len(slugs)):
            values[("commitments", index, "action")] = values[("actions",)]
    checked = {**{k: v for k, v in _STAND_INS.items() if k not in data}, **data}
    return data, Document(table.name, checked, values, dict(values)), problems


def _quoted(cell: str) -> str:
    """A cell's text for a message, unless it holds someone's e-mail address or phone
    number (then it is named, not shown: messages end up in logs)."""
    if find_contact_details(cell):
        return "de tekst in deze cel (met een e-mailadres of telefoonnummer)"
    return f"'{one_line(cell)}'"


def _with_header(table: Table, columns: Columns, found: Problem) -> Problem:
    """A problem at a cell names the cell's column, as the coach sees it in the sheet."""
    if found.line == 1 or found.column - 1 not in columns.fields.values():
        return found
    header = table.headers[found.column - 1]
    message = f"Kolom '{header}': {found.message}"
    return Problem(found.file, found.line, found.column, message, found.hint)


def team_text(data: Mapping[str, Any]) -> str:
    """The text of a team file: the fields in the format's order, each value as text."""
    body = yaml.dump(dict(data), Dumper=_Writer, allow_unicode=True, sort_keys=False, width=10_000)
    return SCHEMA_LINE + body


class _Writer(yaml.SafeDumper):
    """Writes text unquoted wherever campaignkit reads back the same text (it guesses no
    types); a story with line breaks as a block; lists indented as in the examples."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Writer.yaml_implicit_resolvers = {}
# Plain "~" and nothing are read as "not given": such a text is written quoted.
_Writer.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|)$"), ["~", ""])


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Writer.add_representer(str, _text)


def _slug(name: str) -> str:
    slug = slugify(name, "ploeg")
    return f"ploeg-{slug}" if slug in RESERVED_SLUGS else slug


def _actions(folder: Path) -> tuple[Actions, ActionIndicators]:
    """The campaign's actions by file name, with the titles and indicators their files
    give (a file that cannot be read still counts as its action)."""
    docs: dict[str, Document | None] = {}
    titles = {}
    for path in sorted((folder / ACTIONS_FOLDER).glob("*.yml")):
        try:
            doc: Document | None = load_document(path, path.name)
        except CampaignError:
            doc = None
        data = doc.data if doc is not None else None
        title = data.get("title") if isinstance(data, dict) else None
        titles[path.stem] = title if isinstance(title, str) else path.stem
        docs[path.stem] = doc
    return Actions(titles), action_indicators(docs)


def _missing_columns(table: Table, columns: Columns) -> list[Problem]:
    problems = []
    for field, what in (("name", "de naam van de ploeg"), ("households", "het aantal gezinnen")):
        if field not in columns.fields:
            listed = ", ".join(f"'{h}'" for h in table.headers)
            problems.append(
                Problem(
                    table.name,
                    1,
                    1,
                    f"Geen kolom gevonden voor {what} ('{field}').",
                    f'Wijs de kolom aan met --column {field}="kop van de kolom". '
                    f"De kolommen van dit bestand: {listed}.",
                )
            )
    return problems


def _twice(doc: Document, name: str, first: int, slug: str) -> Problem:
    return doc.problem(
        ("name",),
        f"De ploeg '{name}' staat ook op rij {first}: beide zouden {TEAMS_FOLDER}/{slug}.yml "
        "worden.",
        "Voeg de twee rijen samen tot één ploeg, of geef een van beide een andere naam.",
    )


def _too_many(table: Table, over: Planned | None, existing: int, new: int) -> Problem:
    return Problem(
        table.name,
        over.row if over else 1,
        1,
        f"Een campagne heeft hooguit {MAX_FILES} ploegen; er zijn er al {existing} en dit "
        f"bestand voegt er {new} toe.",
        "Importeer minder rijen, of verdeel de ploegen over meer campagnes.",
    )
