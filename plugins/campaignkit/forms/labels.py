"""What each field of a contribution form says to the person filling it in: a Dutch label
and a help text. The one place for these words, so the forms and their read-back messages
always name a field the same way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldText:
    """A form field's label (its heading in the issue) and its help text."""

    label: str
    help: str


_CAMPAIGN = FieldText("Campagne", "De campagne waar dit bij hoort.")
_SLUGS_NOTE = "Kies er zoveel als je wilt, of geen."

_TEXTS: dict[tuple[str, str], FieldText] = {
    # -- an event ---------------------------------------------------------------------------
    ("event", "campaign"): _CAMPAIGN,
    ("event", "title"): FieldText(
        "Titel", "De naam van de activiteit, op één regel, bv. 'Workshop geveltuinen'."
    ),
    ("event", "start"): FieldText(
        "Begin",
        "Datum en uur als JJJJ-MM-DD UU:MM, bv. 2027-05-15 19:30. Alleen een datum "
        "(2027-05-15) is een activiteit die de hele dag duurt.",
    ),
    ("event", "end"): FieldText(
        "Einde",
        "Het uur waarop het gedaan is, bv. 21:30; een andere dag als 2027-05-16 12:00. "
        "Laat leeg als je het niet weet.",
    ),
    ("event", "location.name"): FieldText(
        "Plaats", "Waar het doorgaat, bv. 'Ontmoetingscentrum De Kouter'."
    ),
    ("event", "location.address"): FieldText(
        "Adres", "Straat, nummer en gemeente, bv. 'Kouterstraat 12, 1730 Asse'."
    ),
    ("event", "online_url"): FieldText(
        "Online link",
        "Het webadres van een online activiteit (https://...). Geef een plaats, "
        "een online link of allebei.",
    ),
    ("event", "description"): FieldText(
        "Beschrijving",
        "Wat er gebeurt en voor wie. Je mag Markdown gebruiken: **vet**, lijstjes met -.",
    ),
    ("event", "registration_url"): FieldText(
        "Inschrijven", "Het webadres waar men zich inschrijft (https://...), als dat moet."
    ),
    ("event", "actions"): FieldText(
        "Bij welke acties hoort dit?",
        f"De acties van de campagne die hier aan bod komen. {_SLUGS_NOTE}",
    ),
    ("event", "status"): FieldText(
        "Gaat het door?", "Kies 'afgelast' alleen voor een activiteit die niet doorgaat."
    ),
    # -- an action --------------------------------------------------------------------------
    ("action", "campaign"): _CAMPAIGN,
    ("action", "title"): FieldText("Titel", "De naam van de actie, bv. 'Geveltuinen'."),
    ("action", "summary"): FieldText(
        "Samenvatting", "Eén zin die zegt wat inwoners doen, bv. 'Plant een geveltuin.'"
    ),
    ("action", "theme"): FieldText("Thema", "Het thema van de campagne waar de actie onder valt."),
    ("action", "audience"): FieldText("Voor wie?", f"Wie de actie aanspreekt. {_SLUGS_NOTE}"),
    ("action", "effort"): FieldText("Hoeveel moeite?", "Hoeveel werk de actie vraagt."),
    ("action", "status"): FieldText("Stand van zaken", "Is de actie gepland, bezig of afgerond?"),
    ("action", "body"): FieldText(
        "Uitleg", "Hoe het werkt en hoe men meedoet. Markdown mag: ## tussentitels, lijstjes."
    ),
    ("action", "partners"): FieldText("Partners", f"Wie de actie mee draagt. {_SLUGS_NOTE}"),
    ("action", "events"): FieldText(
        "Activiteiten", f"De activiteiten van de campagne die bij deze actie horen. {_SLUGS_NOTE}"
    ),
    ("action", "signup_url"): FieldText(
        "Meedoen", "Het webadres waar men zich inschrijft (https://...), als dat bestaat."
    ),
    ("action", "indicator"): FieldText(
        "Indicator",
        "Waar de hoeveelheden van ploegen voor deze actie bij tellen, bv. m2_ontharding of "
        "bomen. Laat leeg als je twijfelt.",
    ),
    ("action", "points"): FieldText(
        "Punten", "Hoeveel punten een ploeg krijgt voor deze actie, een geheel getal, bv. 3."
    ),
    # -- a team -----------------------------------------------------------------------------
    ("team", "campaign"): _CAMPAIGN,
    ("team", "name"): FieldText(
        "Naam van de ploeg",
        "Zoals ze op de site komt, bv. 'Kapellestraat'. Geen namen van personen.",
    ),
    ("team", "kind"): FieldText("Soort ploeg", "Een straat, een wijk, een school, ..."),
    ("team", "streets"): FieldText(
        "Straten", "De straten van de ploeg, elk op een eigen regel. Mag leeg blijven."
    ),
    ("team", "households"): FieldText(
        "Aantal gezinnen", "Hoeveel gezinnen meedoen, een geheel getal, bv. 12."
    ),
    ("team", "households_total"): FieldText(
        "Gezinnen in de buurt",
        "Hoeveel gezinnen er in die straten wonen, voor het deelnamepercentage. Mag leeg.",
    ),
    ("team", "joined"): FieldText(
        "Ingeschreven op", "De datum als JJJJ-MM-DD, bv. 2027-03-12. Leeg: de dag van dit issue."
    ),
    ("team", "story"): FieldText(
        "Verhaal", "Wat de ploeg van plan is. Geen e-mailadressen of telefoonnummers."
    ),
    ("team", "commitments"): FieldText(
        "Acties die de ploeg aanpakt", f"De acties van de campagne. {_SLUGS_NOTE}"
    ),
    # -- a news item ------------------------------------------------------------------------
    ("news", "campaign"): _CAMPAIGN,
    ("news", "title"): FieldText("Titel", "De kop van het bericht, op één regel."),
    ("news", "date"): FieldText(
        "Datum",
        "De dag waarop het bericht verschijnt, als JJJJ-MM-DD. Leeg: de dag van dit issue. "
        "Een latere datum verschijnt pas op die dag.",
    ),
    ("news", "summary"): FieldText(
        "Samenvatting", "Eén of twee zinnen voor de nieuwslijst en de nieuwsfeed."
    ),
    ("news", "body"): FieldText(
        "Bericht", "De tekst van het bericht. Markdown mag: ## tussentitels, **vet**, lijstjes."
    ),
    ("news", "actions"): FieldText("Over welke acties?", _SLUGS_NOTE),
    ("news", "events"): FieldText("Over welke activiteiten?", _SLUGS_NOTE),
    ("news", "teams"): FieldText("Over welke ploegen?", _SLUGS_NOTE),
}

#: How the fixed choices of the format read in a form (the value follows in brackets).
_CHOICES: dict[str, str] = {
    "confirmed": "gaat door",
    "cancelled": "afgelast",
    "planned": "gepland",
    "running": "bezig",
    "done": "afgerond",
    "low": "weinig",
    "medium": "gemiddeld",
    "high": "veel",
}


def field_text(kind: str, field: str) -> FieldText:
    """The label and help of ``field`` (a dotted path, e.g. ``location.name``) in the form
    for ``kind`` (event, action, team, news)."""
    return _TEXTS[(kind, field)]


def choice_text(value: str) -> str:
    """A fixed choice as a form shows it: ``afgelast (cancelled)``; a Dutch word alone."""
    word = _CHOICES.get(value)
    return f"{word} ({value})" if word else value
