"""An issue's body as GitHub writes it from a form, read back field by field.

GitHub writes each field as ``### <label>``, a blank line and the value; an empty field as
``_No response_``; the chosen options of a dropdown separated by ``, ``; checkboxes as
``- [X] option`` lines. The body may have been edited since: headings are found by their
label wherever they are, a heading that is no field of the form is kept in the text of the
field above it when that field takes Markdown, and every field that cannot be read is
named by its label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from campaignkit.forms.generate import PUBLIC_LABEL
from campaignkit.forms.spec import Form

#: GitHub keeps issue bodies under 65,536 characters; anything longer is no form's.
MAX_BODY = 65_536
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.*?)[ \t#]*$")
_CHECKBOX = re.compile(r"^\s*[-*]\s*\[([ xX])\]\s*(.*?)\s*$")
#: Control characters (but tab and line break), and those that reorder or hide text.
_HIDDEN = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


@dataclass(frozen=True)
class FieldProblem:
    """A field that could not be read: its form label, what is wrong and how to fix it."""

    label: str
    message: str
    hint: str = ""


@dataclass
class Answers:
    """A body read back: each field's text by its path (``None``: left empty), whether the
    public-issue box is ticked, and what could not be read."""

    values: dict[str, str | None] = field(default_factory=dict)
    public_ticked: bool = False
    refused: bool = False  # too long to be read at all
    problems: list[FieldProblem] = field(default_factory=list)


def _key(label: str) -> str:
    """A heading as compared: case, spacing and a trailing colon do not matter."""
    return " ".join(label.replace("\\", "").split()).rstrip(":").casefold()


def hidden_character(text: str) -> str | None:
    """The first control or bidi character in ``text``, named (``U+202E RIGHT-TO-LEFT
    OVERRIDE``), or ``None``."""
    found = _HIDDEN.search(text)
    if not found:
        return None
    char = found.group()
    return f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"


def read_body(body: str, form: Form) -> Answers:
    """Read ``body`` (an issue made with ``form``) back into its fields' texts."""
    answers = Answers()
    if len(body) > MAX_BODY:
        answers.problems.append(
            FieldProblem(
                "",
                f"De tekst van het issue is te lang ({len(body):,} tekens; hooguit "
                f"{MAX_BODY:,}).".replace(",", "."),
                "Maak het issue opnieuw met het formulier, met kortere teksten.",
            )
        )
        answers.refused = True
        return answers
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    by_key = {_key(f.label): f for f in form.fields}
    public_key = _key(PUBLIC_LABEL)
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            key = _key(heading.group(1))
            if key in by_key or key == public_key:
                if key in sections:
                    label = heading.group(1).strip()
                    answers.problems.append(
                        FieldProblem(
                            label,
                            f"Het veld '{label}' staat twee keer in de tekst van het issue.",
                            "Pas het issue aan en houd elk veld één keer over.",
                        )
                    )
                current = key
                sections[key] = []
                continue
            if current is None or current == public_key or by_key[current].element != "textarea":
                answers.problems.append(_unknown_heading(heading.group(1).strip(), form))
                current = None
                continue
        if current is not None:
            sections[current].append(line)
    answers.public_ticked = _ticked(sections.get(public_key, []))
    for form_field in form.fields:
        key = _key(form_field.label)
        if key not in sections:
            if form_field.required:
                answers.problems.append(_missing(form_field.label))
            continue
        value = "\n".join(sections[key]).strip("\n")
        if form_field.element != "textarea":
            value = value.strip()
        if value.strip() == NO_RESPONSE or (form_field.element == "dropdown" and value == "None"):
            answers.values[form_field.path] = None
            continue
        hidden = hidden_character(value.replace("\t", " "))
        if hidden:
            answers.problems.append(
                FieldProblem(
                    form_field.label,
                    f"Het veld '{form_field.label}' bevat een onzichtbaar teken ({hidden}): zo'n "
                    "teken kan de tekst anders laten lezen dan ze op het scherm staat.",
                    "Typ de tekst opnieuw in, in plaats van ze te kopiëren uit een ander "
                    "programma.",
                )
            )
            continue
        answers.values[form_field.path] = value
    return answers


def _ticked(lines: list[str]) -> bool:
    return any((m := _CHECKBOX.match(line)) and m.group(1) in "xX" for line in lines)


def _missing(label: str) -> FieldProblem:
    return FieldProblem(
        label,
        f"Het veld '{label}' is niet te vinden in de tekst van het issue: de kop '### {label}' "
        "ontbreekt of werd veranderd.",
        f"Pas het issue aan en zet de regel '### {label}' terug, met de waarde eronder "
        "(na een lege regel).",
    )


def _unknown_heading(label: str, form: Form) -> FieldProblem:
    known = ", ".join(f"'{f.label}'" for f in form.fields)
    return FieldProblem(
        label,
        f"De kop '### {label}' is geen veld van het formulier '{form.name}'.",
        f"Pas het issue aan: zet de oorspronkelijke kop terug of haal deze weg. De velden: "
        f"{known}.",
    )
