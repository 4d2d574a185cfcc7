"""A form's answers to a campaign file: each value as typed, written where it belongs.

The file goes into its campaign's folder only (``events/``, ``actions/``, ``teams/`` or
``news/``), under a name made from its title; an existing file, or one another open
contribution makes, is never overwritten: the name gets ``-2``, ``-3``, ... and the file is
created exclusively, so two runs at once cannot both write it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from campaignkit.entries import RESERVED_SLUGS
from campaignkit.fields import slugify
from campaignkit.forms.body import Answers, FieldProblem
from campaignkit.forms.generate import PUBLIC_LABEL, PUBLIC_OPTION
from campaignkit.forms.labels import choice_text
from campaignkit.forms.spec import Form, FormField
from campaignkit.news import RESERVED_SLUGS as NEWS_RESERVED
from campaignkit.validation import CAMPAIGN_FILE

#: What a file is called when its title leaves nothing to make a name from.
_FALLBACK = {"event": "activiteit", "action": "actie", "team": "ploeg", "news": "bericht"}
_TITLE = {"event": "title", "action": "title", "team": "name", "news": "title"}
_KEY = re.compile(r"\(([^()]*)\)\s*$")
MAX_SUFFIX = 99
#: Dates, times and numbers: written unquoted, as a coach writes them.
_PLAIN = {"start", "end", "date", "joined", "households", "households_total", "points"}


@dataclass(frozen=True)
class Draft:
    """What a form becomes: the campaign it is for and the file's fields, in order."""

    form: Form
    campaign: str
    data: dict[str, Any]
    body: str = ""  # a news item's Markdown

    @property
    def title(self) -> str:
        return str(self.data.get(_TITLE[self.form.kind], ""))


def campaign_slugs(campaigns_dir: Path) -> list[str]:
    return (
        sorted(p.name for p in campaigns_dir.iterdir() if (p / CAMPAIGN_FILE).is_file())
        if campaigns_dir.is_dir()
        else []
    )


def draft(
    form: Form, answers: Answers, campaigns: Collection[str], day_of_issue: date
) -> tuple[Draft | None, list[FieldProblem]]:
    """The file's data from the answers, or the problems that keep it from being made."""
    problems = list(answers.problems)
    if answers.refused:
        return None, problems
    if not answers.public_ticked:
        problems.append(
            FieldProblem(
                PUBLIC_LABEL,
                f"Het vakje '{PUBLIC_OPTION}' is niet aangevinkt.",
                "Pas het issue aan, kijk na dat er geen gegevens van inwoners in staan en zet "
                "een x tussen de haakjes: - [x].",
            )
        )
    campaign = _campaign(form.field("campaign"), answers.values.get("campaign"), campaigns)
    if isinstance(campaign, FieldProblem):
        problems.append(campaign)
    data: dict[str, Any] = {}
    for form_field in form.fields[1:]:
        value = answers.values.get(form_field.path)
        if form_field.path == "body" and form.kind == "news":
            continue
        if value is None:
            if form_field.path in ("joined", "date"):
                data[form_field.path] = Plain(day_of_issue.isoformat())
            continue
        read = _read(form_field, value, campaign if isinstance(campaign, str) else None)
        if isinstance(read, FieldProblem):
            problems.append(read)
        elif read not in ((), [], ""):
            _put(data, form_field.path, Plain(read) if form_field.path in _PLAIN else read)
    if problems or not isinstance(campaign, str):
        return None, problems
    body = answers.values.get("body") or "" if form.kind == "news" else ""
    return Draft(form, campaign, data, body), []


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    for parent in parents:
        data = data.setdefault(parent, {})
    data[leaf] = value


def _campaign(
    form_field: FormField, value: str | None, campaigns: Collection[str]
) -> str | FieldProblem:
    listed = ", ".join(campaigns) or "(geen)"
    if value is None:
        return FieldProblem(
            form_field.label, "Er is geen campagne gekozen.", f"Kies er een: {listed}."
        )
    key = _key_of(value)
    if key in campaigns:
        return key
    return FieldProblem(
        form_field.label,
        f"Er is geen campagne '{value}' in deze repository.",
        f"Kies een van de campagnes in de lijst: {listed}.",
    )


def _key_of(text: str) -> str:
    """A choice's key: the part in brackets at its end, else the text itself."""
    found = _KEY.search(text)
    return (found.group(1) if found else text).strip()


def _items(value: str) -> list[str]:
    """A dropdown's chosen options: GitHub joins them with ', '. A title may hold a comma
    too, so options that end in their key are split after the bracket."""
    ends_in_key = value.rstrip().endswith(")")
    parts = re.split(r"(?<=\))\s*,\s*", value) if ends_in_key else value.split(",")
    return [part.strip() for part in parts if part.strip()]


def _read(form_field: FormField, value: str, campaign: str | None) -> Any:
    """One answer as the file's value, or a problem naming the field."""
    if form_field.choices:
        return _choices(form_field, value)
    if form_field.refers is not None and form_field.refers != "campaigns":
        return _references(form_field, value, campaign)
    if form_field.path == "streets":
        lines = (line.strip().lstrip("-*").strip() for line in value.split("\n"))
        return [line for line in lines if line]
    return value


def _choices(form_field: FormField, value: str) -> Any:
    chosen = []
    for item in _items(value) if form_field.multiple else [value]:
        key = _key_of(item)
        match = next(
            (c for c in form_field.choices if key in (c, choice_text(c)) or item == choice_text(c)),
            None,
        )
        if match is None:
            offered = ", ".join(choice_text(c) for c in form_field.choices)
            return FieldProblem(
                form_field.label,
                f"'{item}' is geen keuze van het veld '{form_field.label}'.",
                f"Kies een van: {offered}.",
            )
        chosen.append(match)
    return chosen if form_field.multiple else chosen[0]


def _references(form_field: FormField, value: str, campaign: str | None) -> Any:
    slugs = []
    for item in _items(value) if form_field.multiple else [value]:
        key = _key_of(item)
        owner, _, slug = key.rpartition("/")
        if owner and campaign is not None and owner != campaign:
            return FieldProblem(
                form_field.label,
                f"'{item}' hoort bij de campagne '{owner}', niet bij '{campaign}'.",
                f"Kies in '{form_field.label}' alleen wat bij de campagne '{campaign}' hoort.",
            )
        slugs.append(slug)
    if form_field.path == "commitments":
        return [{"action": slug} for slug in slugs]
    return slugs if form_field.multiple else slugs[0]


def free_slug(draft: Draft, folder: Path, taken: Collection[str]) -> str:
    """The first free name for the draft's file in ``folder``: its title as a slug, then
    with ``-2``, ``-3``, ...; ``taken`` are the files other open contributions make."""
    base = slugify(draft.title, _FALLBACK[draft.form.kind])[:56].strip("-")
    reserved = NEWS_RESERVED if draft.form.kind == "news" else RESERVED_SLUGS
    if base in reserved:
        base = f"{_FALLBACK[draft.form.kind]}-{base}"
    for number in range(1, MAX_SUFFIX + 1):
        slug = base if number == 1 else f"{base}-{number}"
        name = slug + draft.form.suffix
        if name not in taken and not (folder / name).exists():
            return slug
    raise FileExistsError(base)


class Plain(str):
    """A date, time or number as typed: written plain, as in the examples (``start:
    2027-05-20 19:30``, ``households: 12``); campaignkit reads it as the text it is."""


class _Writer(yaml.SafeDumper):
    """Quotes every text a YAML reader could take for something else (``: ``, ``#``,
    ``---``, a leading ``!``, ``&`` or ``*``, ``true``, a date); long texts as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _plain(dumper: yaml.SafeDumper, value: Plain) -> yaml.ScalarNode:
    # Tagged as what a reader takes it for, so the emitter need not quote it.
    tag = dumper.resolve(yaml.ScalarNode, str(value), (True, False))
    return dumper.represent_scalar(tag, str(value))


_Writer.add_representer(str, _text)
_Writer.add_representer(Plain, _plain)


def yaml_text(data: Mapping[str, Any]) -> str:
    return yaml.dump(dict(data), Dumper=_Writer, allow_unicode=True, sort_keys=False, width=10_000)


def file_text(draft: Draft) -> str:
    """The file's text, as a coach would write it."""
    if draft.form.kind == "news":
        body = draft.body.strip("\n")
        return (
            f"---\n{yaml_text(draft.data)}---\n{body}\n"
            if body
            else (f"---\n{yaml_text(draft.data)}---\n")
        )
    schema = f"# yaml-language-server: $schema=../../../schema/{draft.form.kind}.schema.json\n"
    return schema + yaml_text(draft.data)


def write_new(folder: Path, draft: Draft, taken: Collection[str]) -> Path:
    """Create the draft's file in ``folder`` under a free name, never over another."""
    folder.mkdir(parents=True, exist_ok=True)
    text = file_text(draft)
    while True:
        path = folder / (free_slug(draft, folder, taken) + draft.form.suffix)
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as out:
                out.write(text)
        except FileExistsError:  # made since it was found free: try the next name
            continue
        return path
