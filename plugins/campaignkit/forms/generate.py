"""The forms as GitHub's issue-form files (``.github/ISSUE_TEMPLATE/``), with the
campaigns' own themes, actions, events, teams and partners as dropdown choices.

Every choice ends with its key in brackets, ``Geveltuinen (asse/geveltuinen)``, so that the
submitted text can be read back whatever the title says (:mod:`campaignkit.forms.body`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from campaignkit.forms.labels import choice_text
from campaignkit.forms.spec import FORMS, Form, FormField, Refers
from campaignkit.model import Campaign

TEMPLATE_FOLDER = Path(".github") / "ISSUE_TEMPLATE"
CONFIG_FILE = "config.yml"
HEADER = (
    "# Gemaakt door `campaignkit forms` uit het formaat en de campagnes: niet met de hand\n"
    "# aanpassen, maar opnieuw maken na een wijziging (een test vergelijkt).\n"
)
PUBLIC_ID = "openbaar"
PUBLIC_LABEL = "Openbaar"
PUBLIC_OPTION = (
    "Ik begrijp dat dit issue openbaar is, en ik vul geen namen, e-mailadressen of "
    "telefoonnummers van inwoners in."
)
INTRO = (
    "Vul de velden in en klik op **Create** (Aanmaken). Een automatische controle leest je "
    "bijdrage en antwoordt hieronder: met de problemen die ze vond (pas dan het issue aan via "
    "**Edit**), of met een voorstel dat een coach nakijkt en online zet."
)


@dataclass(frozen=True)
class Choice:
    """One thing a dropdown lists: its key (``asse/geveltuinen``, or a campaign's slug or a
    theme's id) and the text shown."""

    key: str
    text: str


@dataclass(frozen=True)
class Catalogue:
    """What the dropdowns list, taken from the campaigns."""

    choices: dict[Refers, tuple[Choice, ...]] = field(default_factory=dict)

    def of(self, refers: Refers) -> tuple[Choice, ...]:
        return self.choices.get(refers, ())


def catalogue(campaigns: Sequence[Campaign]) -> Catalogue:
    """The campaigns' themes (by id, once), actions, events, teams and partners."""
    themes: dict[str, Choice] = {}
    listed: dict[Refers, list[Choice]] = {"actions": [], "events": [], "teams": [], "partners": []}
    for campaign in sorted(campaigns, key=lambda c: c.slug):
        for theme in campaign.themes:
            themes.setdefault(theme.id, Choice(theme.id, f"{theme.title} ({theme.id})"))
        things: dict[Refers, Iterable[tuple[str, str]]] = {
            "actions": ((a.slug, a.title) for a in campaign.actions),
            "events": ((e.slug, e.title) for e in campaign.events),
            "teams": ((t.slug, t.name) for t in campaign.teams),
            "partners": ((p.id, p.name) for p in campaign.partners),
        }
        for refers, pairs in things.items():
            for slug, title in sorted(pairs):
                key = f"{campaign.slug}/{slug}"
                listed[refers].append(Choice(key, f"{title} ({key})"))
    choices: dict[Refers, tuple[Choice, ...]] = {
        "campaigns": tuple(
            Choice(c.slug, f"{c.title} ({c.slug})") for c in sorted(campaigns, key=lambda c: c.slug)
        ),
        "themes": tuple(themes[key] for key in sorted(themes)),
    }
    choices.update({refers: tuple(items) for refers, items in listed.items()})
    return Catalogue(choices)


def options(form_field: FormField, known: Catalogue) -> tuple[str, ...]:
    """The texts a dropdown offers."""
    if form_field.refers is not None:
        return tuple(choice.text for choice in known.of(form_field.refers))
    return tuple(choice_text(value) for value in form_field.choices)


def element(form_field: FormField, known: Catalogue) -> dict[str, Any] | None:
    """One field as an issue-form element; ``None`` for a dropdown with nothing to choose."""
    attributes: dict[str, Any] = {"label": form_field.label, "description": form_field.help}
    if form_field.element == "dropdown":
        offered = options(form_field, known)
        if not offered:
            return None
        attributes["multiple"] = form_field.multiple
        attributes["options"] = list(offered)
        if form_field.required and len(offered) == 1:
            attributes["default"] = 0
        elif form_field.choices and not form_field.multiple and form_field.path != "effort":
            attributes["default"] = 0  # the format's default comes first
    return {
        "type": form_field.element,
        "id": form_field.id,
        "attributes": attributes,
        "validations": {"required": form_field.required},
    }


def form_document(form: Form, known: Catalogue) -> dict[str, Any]:
    """The issue-form file of ``form`` as data."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    body += [e for f in form.fields if (e := element(f, known)) is not None]
    body.append(
        {
            "type": "checkboxes",
            "id": PUBLIC_ID,
            "attributes": {
                "label": PUBLIC_LABEL,
                "options": [{"label": PUBLIC_OPTION, "required": True}],
            },
        }
    )
    return {
        "name": form.name,
        "description": form.description,
        "title": form.title,
        "labels": [form.label],
        "body": body,
    }


def dump(data: dict[str, Any]) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + text


def form_files(campaigns: Sequence[Campaign]) -> dict[str, str]:
    """Every file of ``.github/ISSUE_TEMPLATE/`` by name: the forms and the chooser."""
    known = catalogue(campaigns)
    files = {form.template: dump(form_document(form, known)) for form in FORMS}
    files[CONFIG_FILE] = dump({"blank_issues_enabled": False})
    return files


def write_forms(folder: Path, campaigns: Sequence[Campaign]) -> list[Path]:
    """Write the forms into ``folder``; returns the files whose text changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in form_files(campaigns).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed
