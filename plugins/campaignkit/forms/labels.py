"""What each field of a contribution form says to the person filling it in: a Dutch label
and a help text. The one place for the labels, so the forms and their read-back messages
always name a field the same way.

The help text is the field's description from :mod:`campaignkit.descriptions`, the same
words the editor shows on hover and ``campaignkit validate`` adds to its hints. Where a form
asks differently from the file (a choice list instead of a YAML list, one street per line, a
day left empty), a short note for the form is added after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from campaignkit.descriptions import CHOICES, describe
from campaignkit.model import Action, Event, Location, NewsFrontMatter, Team


@dataclass(frozen=True)
class FieldText:
    """A form field's label (its heading in the issue) and its help text."""

    label: str
    help: str


@dataclass(frozen=True)
class _Words:
    label: str
    note: str = ""
    #: A choice list replaces the file's YAML syntax: the note stands alone.
    choice: bool = False


_RECORDS: dict[str, type[BaseModel]] = {
    "event": Event,
    "action": Action,
    "team": Team,
    "news": NewsFrontMatter,
}
_CAMPAIGN = _Words("Campagne", "De campagne waar dit bij hoort.", choice=True)
_SLUGS_NOTE = "Kies er zoveel als je wilt, of geen."

_WORDS: dict[tuple[str, str], _Words] = {
    # -- an event ---------------------------------------------------------------------------
    ("event", "campaign"): _CAMPAIGN,
    ("event", "title"): _Words("Titel"),
    ("event", "start"): _Words("Begin"),
    ("event", "end"): _Words("Einde", "Laat leeg als je het niet weet."),
    ("event", "location.name"): _Words("Plaats"),
    ("event", "location.address"): _Words("Adres"),
    ("event", "online_url"): _Words("Online link"),
    ("event", "description"): _Words("Beschrijving"),
    ("event", "registration_url"): _Words("Inschrijven"),
    ("event", "actions"): _Words(
        "Bij welke acties hoort dit?",
        f"De acties van de campagne die hier aan bod komen. {_SLUGS_NOTE}",
        choice=True,
    ),
    ("event", "status"): _Words("Gaat het door?"),
    # -- an action --------------------------------------------------------------------------
    ("action", "campaign"): _CAMPAIGN,
    ("action", "title"): _Words("Titel"),
    ("action", "summary"): _Words("Samenvatting"),
    ("action", "theme"): _Words(
        "Thema", "Het thema van de campagne waar de actie onder valt.", choice=True
    ),
    ("action", "audience"): _Words("Voor wie?", f"Wie de actie aanspreekt. {_SLUGS_NOTE}", True),
    ("action", "effort"): _Words("Hoeveel moeite?"),
    ("action", "status"): _Words("Stand van zaken"),
    ("action", "body"): _Words("Uitleg"),
    ("action", "partners"): _Words("Partners", f"Wie de actie mee draagt. {_SLUGS_NOTE}", True),
    ("action", "events"): _Words(
        "Activiteiten",
        f"De activiteiten van de campagne die bij deze actie horen. {_SLUGS_NOTE}",
        choice=True,
    ),
    ("action", "signup_url"): _Words("Meedoen"),
    ("action", "indicator"): _Words("Indicator", "Laat leeg als je twijfelt."),
    ("action", "points"): _Words("Punten"),
    # -- a team -----------------------------------------------------------------------------
    ("team", "campaign"): _CAMPAIGN,
    ("team", "name"): _Words("Naam van de ploeg", "Geen namen van personen."),
    ("team", "kind"): _Words("Soort ploeg"),
    ("team", "streets"): _Words(
        "Straten", "In dit formulier: elke straat op een eigen regel. Mag leeg blijven."
    ),
    ("team", "households"): _Words("Aantal gezinnen"),
    ("team", "households_total"): _Words("Gezinnen in de buurt", "Mag leeg blijven."),
    ("team", "joined"): _Words("Ingeschreven op", "Leeg: de dag van dit issue."),
    ("team", "story"): _Words("Verhaal"),
    ("team", "commitments"): _Words(
        "Acties die de ploeg aanpakt", f"De acties van de campagne. {_SLUGS_NOTE}", True
    ),
    # -- a news item ------------------------------------------------------------------------
    ("news", "campaign"): _CAMPAIGN,
    ("news", "title"): _Words("Titel"),
    ("news", "date"): _Words("Datum", "Leeg: de dag van dit issue."),
    ("news", "summary"): _Words("Samenvatting"),
    ("news", "body"): _Words(
        "Bericht", "De tekst van het bericht. Markdown mag: ## tussentitels, **vet**, lijstjes."
    ),
    ("news", "actions"): _Words("Over welke acties?", _SLUGS_NOTE, True),
    ("news", "events"): _Words("Over welke activiteiten?", _SLUGS_NOTE, True),
    ("news", "teams"): _Words("Over welke ploegen?", _SLUGS_NOTE, True),
}


def field_text(kind: str, field: str) -> FieldText:
    """The label and help of ``field`` (a dotted path, e.g. ``location.name``) in the form
    for ``kind`` (event, action, team, news)."""
    words = _WORDS[(kind, field)]
    if words.choice or field == "campaign" or (kind, field) == ("news", "body"):
        return FieldText(words.label, words.note)
    record, _, name = field.rpartition(".")
    model = Location if record == "location" else _RECORDS[kind]
    described = describe(model, name, markdown=True)
    return FieldText(words.label, f"{described} {words.note}".strip())


def choice_text(value: str) -> str:
    """A fixed choice as a form shows it: ``afgelast (cancelled)``; a Dutch word alone."""
    word = CHOICES.get(value)
    return f"{word} ({value})" if word else value
