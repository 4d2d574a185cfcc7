"""Pydantic's validation errors as problems in plain Dutch, each at its place in the file.

Every file read into the model (campaign files, the front matter of kit texts) is explained
by the same translation, so one mistake reads the same wherever it is made.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from campaignkit.descriptions import choices, describe
from campaignkit.fields import COLOUR_PATTERN, INDICATOR_ID_PATTERN, SLUG_PATTERN
from campaignkit.loading import Document, Loc
from campaignkit.problems import Problem

_CODES: dict[str, tuple[str, str]] = {
    "one_line": ("Deze tekst moet op één regel staan.", "Haal de regeleinden weg."),
    "web_url": (
        "Dit is geen geldig webadres.",
        "Schrijf het volledige adres, beginnend met https://, zonder spaties.",
    ),
    "path_form": (
        "Dit pad mag niet buiten de campagnemap wijzen.",
        "Schrijf een pad binnen de campagnemap, bv. images/foto.jpg (geen '..', '/' vooraan "
        "of '\\').",
    ),
    "date_form": ("Dit is geen datum in de vorm JJJJ-MM-DD.", "Schrijf bv. 2027-05-15."),
    "date_impossible": (
        "Deze datum bestaat niet.",
        "Kijk dag en maand na (bv. februari heeft hooguit 29 dagen).",
    ),
    "moment_form": (
        "Dit is geen datum met uur in de vorm JJJJ-MM-DD UU:MM.",
        "Schrijf bv. 2027-05-15 14:00, of alleen 2027-05-15 voor een activiteit die de hele "
        "dag duurt.",
    ),
    "moment_impossible": (
        "Deze datum of dit uur bestaat niet.",
        "Kijk dag, maand en uur na (uren van 00:00 tot 23:59).",
    ),
    "time_impossible": ("Dit uur bestaat niet.", "Uren gaan van 00:00 tot 23:59."),
    "period_order": (
        "Het einde van de periode ligt voor het begin.",
        "Zet 'end' op dezelfde dag of later dan 'start'.",
    ),
    "phase_order": (
        "Deze fase eindigt voor ze begint.",
        "Zet 'end' op dezelfde dag of later dan 'start'.",
    ),
    "updated_order": (
        "De datum 'updated' ligt voor de datum van het bericht ('date').",
        "Zet 'updated' op de dag van de laatste wijziging, niet voor 'date'.",
    ),
    "focus_range": (
        "Het focuspunt moet tussen 0 en 1 liggen.",
        "Schrijf bv. [0.5, 0.3]: links 0, rechts 1, boven 0, onder 1.",
    ),
    "event_place": (
        "Een activiteit heeft een plaats ('location') of een online link ('online_url') nodig.",
        "Voeg 'location: {name: ..., address: ...}' of 'online_url: https://...' toe.",
    ),
    "end_all_day": (
        "Een activiteit die de hele dag duurt (datum zonder uur) kan geen einde hebben.",
        "Geef 'start' een uur (bv. 2027-05-15 14:00), of verwijder 'end'.",
    ),
    "end_order": (
        "Het einde ligt niet na het begin.",
        "Zet 'end' later dan 'start' (bv. end: 17:00 voor dezelfde dag).",
    ),
    "number_form": ("Hier hoort een getal.", "Schrijf bv. 35 of 12.5 (met een punt)."),
    "number_comma": (
        "Schrijf een kommagetal met een punt.",
        "Schrijf bv. 12.5 in plaats van 12,5.",
    ),
    "number_grouped": (
        "Schrijf een getal zonder punten of spaties tussen de duizendtallen.",
        "Schrijf bv. 33500 in plaats van 33.500.",
    ),
    "number_negative": ("Dit getal mag niet negatief zijn.", "Schrijf 0 of meer."),
    "whole_number": ("Hier hoort een geheel getal.", "Schrijf bv. 14, zonder komma of punt."),
    "number_at_least_one": ("Dit getal moet minstens 1 zijn.", "Schrijf 1 of meer."),
    "contact_email": (
        "Hier staat een e-mailadres: dit komt op de website, en bewoners gaven geen "
        "toestemming om hun gegevens te publiceren.",
        "Haal het e-mailadres weg. Wie de ploeg wil bereiken, kan via het contactadres van de "
        "campagne.",
    ),
    "contact_phone": (
        "Hier staat een telefoonnummer: dit komt op de website, en bewoners gaven geen "
        "toestemming om hun gegevens te publiceren.",
        "Haal het telefoonnummer weg. Wie de ploeg wil bereiken, kan via het contactadres van "
        "de campagne.",
    ),
    "photo_consent": (
        "Een foto van een ploeg heeft de toestemming nodig van wie erop staat.",
        "Vraag de toestemming en zet dan 'consent: true' bij de foto, of verwijder de foto.",
    ),
    "households_total_order": (
        "Er doen meer gezinnen mee ('households') dan er in de buurt wonen ('households_total').",
        "Kijk beide getallen na: 'households_total' is het aantal gezinnen in de hele straat "
        "of wijk.",
    ),
}

#: Rules that span fields are reported at the field a coach would change.
_CODE_FIELDS = {
    "photo_consent": "consent",
    "households_total_order": "households_total",
    "end_order": "end",
    "end_all_day": "end",
    "period_order": "end",
    "phase_order": "end",
    "updated_order": "updated",
    "focus_range": "focus",
}

_PATTERNS = {
    SLUG_PATTERN: (
        "Dit is geen geldige naam.",
        "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. 'dakisolatie'.",
    ),
    INDICATOR_ID_PATTERN: (
        "Dit is geen geldige indicator-id.",
        "Gebruik alleen kleine letters, cijfers, koppeltekens en liggende streepjes, bv. "
        "'m2_ontharding'.",
    ),
    COLOUR_PATTERN: (
        "Dit is geen kleurcode.",
        'Schrijf een kleur als "#1b5e20" (met aanhalingstekens).',
    ),
}


def explain(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """Each of pydantic's errors as a problem in plain Dutch, at its place in ``doc``."""
    problems = []
    for item in error.errors(include_url=False):
        loc = _data_loc(doc.data, item["loc"])
        kind = item["type"]
        ctx = item.get("ctx") or {}
        if kind == "missing":
            field = str(item["loc"][-1])
            hint = f"Voeg een regel '{field}: ...' toe; dit veld is verplicht."
            meaning = _meaning(model, item["loc"][:-1], field)
            problems.append(
                doc.problem(
                    loc,
                    f"'{field}' ontbreekt.",
                    f"{hint} {meaning}" if meaning else hint,
                    key=True,
                )
            )
            continue
        if kind == "extra_forbidden":
            field = str(item["loc"][-1])
            known = _field_names(model, item["loc"][:-1])
            close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
            meaning = _meaning(model, item["loc"][:-1], close[0]) if close else ""
            hint = f"Bedoel je '{close[0]}'? {meaning} ".replace("  ", " ") if close else ""
            hint += f"Mogelijke namen hier: {', '.join(known)}."
            problems.append(
                doc.problem(loc, f"'{field}' is hier geen geldige naam.", hint, key=True)
            )
            continue
        message, hint = _message(kind, ctx, item)
        code = str(ctx.get("error", "")) if kind == "value_error" else kind
        at = ctx.get("field") or _CODE_FIELDS.get(code)
        if at and isinstance(doc.data, dict) and _has(doc.data, (*loc, at)):
            loc = (*loc, at)
        problems.append(doc.problem(loc, message, hint))
    return problems


def _message(kind: str, ctx: dict[str, Any], item: Any) -> tuple[str, str]:
    if kind == "value_error":
        code = str(ctx.get("error", ""))
        if code.startswith("invisible_char:"):
            return (
                f"Deze tekst bevat een onzichtbaar of stuurteken ({code.split(':', 1)[1]}).",
                "Typ de tekst opnieuw zonder het teken (het komt vaak mee bij kopiëren).",
            )
        if code in _CODES:
            return _CODES[code]
        return (f"Ongeldige waarde ({code}).", "")
    if kind == "clock_gap":
        return (
            f"Dit uur bestaat niet: in de nacht van {ctx['day']} springt de klok van "
            f"{ctx['from']} naar {ctx['to']}.",
            f"Kies een uur dat wel bestaat, bv. {ctx['suggestion']} (daar zouden agenda's "
            "de activiteit anders zetten).",
        )
    if kind == "string_too_long":
        return (
            f"Deze tekst is te lang (hooguit {ctx['max_length']} tekens).",
            "Maak de tekst korter.",
        )
    if kind == "string_too_short":
        return ("Deze tekst is leeg.", "Vul een tekst in, of verwijder de regel.")
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern in _PATTERNS:
            return _PATTERNS[pattern]
        if "@" in pattern:
            return ("Dit is geen geldig e-mailadres.", "Schrijf bv. klimaat@gemeente.be.")
        if r"\+?" in pattern:
            return ("Dit is geen telefoonnummer.", "Schrijf bv. 053 21 22 33 of +32 471 12 34 56.")
        return ("Deze waarde heeft niet de juiste vorm.", "")
    if kind == "literal_error":
        values = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return (
            f"'{item['input']}' is hier geen geldige keuze.",
            f"Kies uit: {choices(values, markdown=False)}." if values else "",
        )
    if kind in ("string_type", "str_type"):
        return (
            "Hier hoort één tekst, geen lijst of blok.",
            "Schrijf de waarde op dezelfde regel na de dubbele punt.",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            "Hier hoort een blok met 'naam: waarde'-regels.",
            "Zet de onderdelen ingesprongen onder deze naam.",
        )
    if kind in ("tuple_type", "list_type"):
        return ("Hier hoort een lijst.", "Zet elk element op een eigen regel die begint met '- '.")
    if kind in ("bool_parsing", "bool_type"):
        return ("Hier hoort 'true' (ja) of 'false' (nee).", "Schrijf bv. consent: true.")
    if kind in ("float_parsing", "float_type"):
        return ("Hier hoort een getal.", "Schrijf bv. 0.5 (met een punt).")
    if kind == "too_long" and isinstance(item.get("input"), str):
        return (
            f"Deze tekst is te lang (hooguit {ctx['max_length']} tekens).",
            "Maak de tekst korter.",
        )
    if kind == "too_short" and isinstance(item.get("input"), str):
        return _message("string_too_short", ctx, item)
    if kind in ("too_long", "too_short"):
        return ("Deze lijst heeft niet het juiste aantal elementen.", "Geef precies twee getallen.")
    return (f"Ongeldige waarde ({item['msg']}).", "")


def _has(data: Any, loc: Loc) -> bool:
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]  # an item of a list, e.g. ("phases", 2, "end")
        else:
            return False
    return True


def _data_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """The part of pydantic's location that exists in the data (it adds type names)."""
    found: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isidentifier():
            found.append(part)  # a missing or unknown key: point at the key itself
            break
        else:
            continue
        found.append(part)
    return tuple(found)


def _record_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The record that holds the fields at ``loc`` in ``model`` (pydantic's location)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            break
        if isinstance(part, int) or part not in current.model_fields:
            continue
        current = _record_in(current.model_fields[part].annotation)
    return current


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names accepted at ``loc`` in ``model``, for 'did you mean' hints."""
    current = _record_at(model, loc)
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items() if not f.exclude]


def _meaning(model: type[BaseModel], loc: tuple[Any, ...], field: str) -> str:
    """What ``field`` at ``loc`` means, as the editor and the forms say it; empty for a file
    outside the campaign format (the front matter of kit texts)."""
    record = _record_at(model, loc)
    try:
        return describe(record, field) if record else ""
    except KeyError:
        return ""


def _record_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _record_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, tuple, list):
        for arg in typing.get_args(annotation):
            found = _record_in(arg)
            if found:
                return found
    return None
