"""The contribution forms, derived from the model: which field of which file each form field
fills, of what kind it is (a line, a text, a choice), and whether it must be given.

A field of the model is in its form, or in :data:`NOT_IN_FORMS` with the reason, so that a
new field of the format cannot be forgotten here (a test holds this).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from campaignkit.forms.labels import field_text
from campaignkit.model import Action, Event, Location, NewsFrontMatter, Record, Team

Element = Literal["input", "textarea", "dropdown"]
#: What a dropdown lists, besides fixed choices: the campaigns, or things of a campaign.
Refers = Literal["campaigns", "themes", "actions", "events", "teams", "partners"]

#: Fields of the format a form does not ask for, and why.
NOT_IN_FORMS: dict[tuple[str, str], str] = {
    ("event", "slug"): "the file name, made from the title",
    ("event", "image"): "an image must be a file in the campaign folder",
    ("event", "repeat"): "a block (every, until, except): added in the file once it is made",
    ("action", "slug"): "the file name, made from the title",
    ("action", "image"): "an image must be a file in the campaign folder",
    ("action", "origin"): "set when an action is taken from a library, not written",
    ("team", "slug"): "the file name, made from the name",
    ("team", "photo"): "a photo must be a file in the campaign folder, with consent",
    ("news", "image"): "an image must be a file in the campaign folder",
    ("news", "updated"): "a new item has not been changed yet",
}
#: Long texts (Markdown, or one item per line) get a text area instead of a line.
_TEXT_AREAS = {"description", "body", "story", "streets"}
#: Fields whose values name things of the campaign.
_REFERENCES: dict[str, Refers] = {
    "theme": "themes",
    "actions": "actions",
    "events": "events",
    "teams": "teams",
    "partners": "partners",
    "commitments": "actions",
}
#: Required in the file, but a form may leave them out: the day of the issue fills them in.
_DAY_OF_ISSUE = {("team", "joined"), ("news", "date")}


@dataclass(frozen=True)
class FormField:
    """One field of a form: the file's field it fills (a dotted path), and how it asks."""

    form: str
    path: str
    element: Element
    required: bool
    multiple: bool = False
    choices: tuple[str, ...] = ()
    refers: Refers | None = None

    @property
    def id(self) -> str:
        """The field's id in the form (letters, digits, ``_``): the prefill parameter."""
        return self.path.replace(".", "_")

    @property
    def label(self) -> str:
        return field_text(self.form, self.path).label

    @property
    def help(self) -> str:
        return field_text(self.form, self.path).help


@dataclass(frozen=True)
class Form:
    """A contribution form: the file it becomes and its fields, in the format's order."""

    kind: str
    name: str
    description: str
    title: str
    label: str
    folder: str
    suffix: str
    template: str
    fields: tuple[FormField, ...]

    def field(self, path: str) -> FormField:
        return next(f for f in self.fields if f.path == path)


def _literals(annotation: Any) -> tuple[str, ...]:
    """The fixed values of a ``Literal`` (possibly ``| None`` or in a tuple), else ()."""
    if get_origin(annotation) is Literal:
        return tuple(str(v) for v in get_args(annotation))
    if get_origin(annotation) in (tuple, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _literals(arg)
            if found:
                return found
    return ()


def _fields(kind: str, model: type[Record]) -> list[FormField]:
    fields = [FormField(kind, "campaign", "dropdown", True, refers="campaigns")]
    for name, info in model.model_fields.items():
        if (kind, name) in NOT_IN_FORMS:
            continue
        required = info.is_required() and (kind, name) not in _DAY_OF_ISSUE
        if name == "location":
            parts = Location.model_fields
            fields += [FormField(kind, f"location.{part}", "input", False) for part in parts]
            continue
        choices = _literals(info.annotation)
        multiple = get_origin(info.annotation) is tuple and name != "streets"
        if choices or name in _REFERENCES:
            refers = None if choices else _REFERENCES[name]
            fields.append(FormField(kind, name, "dropdown", required, multiple, choices, refers))
        else:
            element: Element = "textarea" if name in _TEXT_AREAS else "input"
            fields.append(FormField(kind, name, element, required))
    return fields


def _form(kind: str, model: type[Record], **text: str) -> Form:
    fields = _fields(kind, model)
    if kind == "news":  # the Markdown after the front matter
        fields.append(FormField(kind, "body", "textarea", True))
    return Form(kind=kind, fields=tuple(fields), **text)


FORMS: tuple[Form, ...] = (
    _form(
        "event",
        Event,
        name="Nieuwe activiteit",
        description="Een activiteit voor de agenda van een campagne: een workshop, een markt, "
        "een infoavond.",
        title="[Activiteit] ",
        label="bijdrage:activiteit",
        folder="events",
        suffix=".yml",
        template="activiteit.yml",
    ),
    _form(
        "action",
        Action,
        name="Nieuwe actie",
        description="Een actie die inwoners kunnen doen, onder een thema van de campagne.",
        title="[Actie] ",
        label="bijdrage:actie",
        folder="actions",
        suffix=".yml",
        template="actie.yml",
    ),
    _form(
        "team",
        Team,
        name="Nieuwe ploeg",
        description="Een straat, wijk, school of vereniging die meedoet aan de campagne.",
        title="[Ploeg] ",
        label="bijdrage:ploeg",
        folder="teams",
        suffix=".yml",
        template="ploeg.yml",
    ),
    _form(
        "news",
        NewsFrontMatter,
        name="Nieuwsbericht",
        description="Een bericht voor het nieuws van een campagne.",
        title="[Nieuws] ",
        label="bijdrage:nieuws",
        folder="news",
        suffix=".md",
        template="nieuws.yml",
    ),
)


def form_by_label(labels: list[str]) -> Form | None:
    """The form an issue was made with, by its labels (the first that matches)."""
    for form in FORMS:
        if form.label in labels:
            return form
    return None
