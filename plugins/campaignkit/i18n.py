"""Words and dates in the campaign's language: Dutch (default), French and English.

Every string a resident reads on the site comes from :data:`LABELS`; keys are English,
values are plain text (templates escape them). Dates and times follow Belgian usage
through Babel: ``zaterdag 15 mei 2027``, ``18:00``.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton as _babel_skeleton
from babel.dates import format_time as _babel_time

from campaignkit.model import DEFAULT_THEME_IDS, Theme

if TYPE_CHECKING:
    from campaignkit.model import Event

LANGUAGES = ("nl", "fr", "en")

#: Babel locale per campaign language: Belgian Dutch and French, British English (24-hour).
LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}

_THEMES = {
    "nl": ("Energie", "Mobiliteit", "Vergroening", "Water", "Voeding", "Consumptie", "Afval"),
    "fr": (
        "Énergie",
        "Mobilité",
        "Verdurisation",
        "Eau",
        "Alimentation",
        "Consommation",
        "Déchets",
    ),
    "en": ("Energy", "Mobility", "Greening", "Water", "Food", "Consumption", "Waste"),
}

AUDIENCE_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "inwoners": "Inwoners",
        "gezinnen": "Gezinnen",
        "jongeren": "Jongeren",
        "senioren": "Senioren",
        "verenigingen": "Verenigingen",
        "scholen": "Scholen",
        "handelaars": "Handelaars",
        "bedrijven": "Bedrijven",
        "landbouwers": "Landbouwers",
    },
    "fr": {
        "inwoners": "Habitants",
        "gezinnen": "Familles",
        "jongeren": "Jeunes",
        "senioren": "Seniors",
        "verenigingen": "Associations",
        "scholen": "Écoles",
        "handelaars": "Commerçants",
        "bedrijven": "Entreprises",
        "landbouwers": "Agriculteurs",
    },
    "en": {
        "inwoners": "Residents",
        "gezinnen": "Families",
        "jongeren": "Young people",
        "senioren": "Older people",
        "verenigingen": "Associations",
        "scholen": "Schools",
        "handelaars": "Shopkeepers",
        "bedrijven": "Businesses",
        "landbouwers": "Farmers",
    },
}

EFFORT_LABELS: dict[str, dict[str, str]] = {
    "nl": {"low": "Kleine moeite", "medium": "Wat moeite", "high": "Grote inzet"},
    "fr": {"low": "Petit effort", "medium": "Effort moyen", "high": "Gros effort"},
    "en": {"low": "Little effort", "medium": "Some effort", "high": "Big commitment"},
}

ACTION_STATUS_LABELS: dict[str, dict[str, str]] = {
    "nl": {"planned": "Binnenkort", "running": "Loopt nu", "done": "Afgelopen"},
    "fr": {"planned": "Bientôt", "running": "En cours", "done": "Terminée"},
    "en": {"planned": "Coming soon", "running": "Running now", "done": "Finished"},
}

EVENT_STATUS_LABELS: dict[str, dict[str, str]] = {
    "nl": {"confirmed": "Gaat door", "cancelled": "Geannuleerd"},
    "fr": {"confirmed": "Confirmé", "cancelled": "Annulé"},
    "en": {"confirmed": "Confirmed", "cancelled": "Cancelled"},
}

#: Interface strings. ``{name}`` placeholders are filled with ``str.format`` after
#: escaping, so translations never contain markup.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "home": "Start",
        "actions": "Acties",
        "agenda": "Agenda",
        "partners": "Partners",
        "accessibility": "Toegankelijkheid",
        "privacy": "Privacy",
        "kit": "Communicatiekit",
        "kit_description": "Kant-en-klare teksten, beelden, affiches en QR-codes om {title} "
        "bekend te maken.",
        "contact": "Contact",
        "sign_up": "Doe mee",
        "sign_up_action": "Schrijf je in voor deze actie",
        "register": "Schrijf je in",
        "site_info": "Over deze website",
        "photo": "Beeld",
        "licence": "Licentie",
        "featured_actions": "Doe mee met een actie",
        "all_actions": "Alle acties",
        "upcoming_events": "Binnenkort",
        "past_events": "Voorbij",
        "all_events": "Volledige agenda",
        "no_upcoming_events": "Er staan op dit moment geen activiteiten gepland.",
        "no_actions": "Er zijn nog geen acties.",
        "campaign_period": "Campagneperiode",
        "period_sentence": "De campagne loopt {period}.",
        "organised_by": "Een campagne van {municipality}.",
        "website_of": "Website van {municipality}",
        "theme": "Thema",
        "audience": "Voor wie",
        "effort": "Inspanning",
        "status": "Stand van zaken",
        "when": "Wanneer",
        "where": "Waar",
        "online": "Online",
        "online_link": "Deelnemen online",
        "map_link": "Toon op kaart (OpenStreetMap)",
        "add_to_calendar": "Zet in je agenda",
        "download_ics": "Agendabestand (.ics)",
        "google_calendar": "Google Agenda",
        "outlook_calendar": "Outlook",
        "subscribe_calendar": "Alle activiteiten in je agenda (.ics)",
        "related_actions": "Hoort bij de actie",
        "linked_events": "Activiteiten",
        "with_partners": "Met",
        "all_partners": "Meer over de partners",
        "partners_intro": "Deze campagne komt tot stand met",
        "partners_none": "De partners worden binnenkort bekendgemaakt.",
        "cancelled": "Geannuleerd",
        "cancelled_notice": "Deze activiteit is geannuleerd.",
        "more_info": "Meer over deze actie",
        "read_more": "Lees meer",
        "filter_title": "Filter de acties",
        "filter_theme": "Thema",
        "filter_audience": "Voor wie",
        "filter_reset": "Toon alle acties",
        "filter_count_one": "1 actie gevonden",
        "filter_count_other": "{count} acties gevonden",
        "filter_count_zero": "Geen acties gevonden. Kies minder filters.",
        "actions_intro": "Kies een actie die bij je past.",
        "agenda_intro": "Activiteiten van de campagne.",
        "contact_intro": "Vragen over de campagne? Neem contact op.",
        "email": "E-mail",
        "phone": "Telefoon",
        "all_day": "hele dag",
        "at_time": "{day} om {time}",
        "time_range": "{day}, van {start} tot {end}",
        "day_range": "van {start} tot {end}",
        "date_range": "van {start} tot {end}",
        "back_to_actions": "Terug naar alle acties",
        "back_to_agenda": "Terug naar de agenda",
        "external_form_note": "Je gaat naar een inschrijvingsformulier op een andere website.",
        "privacy_title": "Privacy",
        "privacy_description": "Hoe deze website met je gegevens omgaat.",
        "accessibility_title": "Toegankelijkheidsverklaring",
        "accessibility_description": "Hoe toegankelijk deze website is en waar je terechtkunt met "
        "opmerkingen.",
        "actions_description": "Alle acties van {title}.",
        "agenda_description": "Alle activiteiten van {title}.",
        "partners_description": "De partners van {title}.",
    },
    "fr": {
        "home": "Accueil",
        "actions": "Actions",
        "agenda": "Agenda",
        "partners": "Partenaires",
        "accessibility": "Accessibilité",
        "privacy": "Vie privée",
        "kit": "Kit de communication",
        "kit_description": "Textes, images, affiches et codes QR prêts à l’emploi pour faire "
        "connaître {title}.",
        "contact": "Contact",
        "sign_up": "Je participe",
        "sign_up_action": "S’inscrire à cette action",
        "register": "S’inscrire",
        "site_info": "À propos de ce site",
        "photo": "Image",
        "licence": "Licence",
        "featured_actions": "Participez à une action",
        "all_actions": "Toutes les actions",
        "upcoming_events": "Prochainement",
        "past_events": "Passés",
        "all_events": "Tout l’agenda",
        "no_upcoming_events": "Aucune activité n’est prévue pour le moment.",
        "no_actions": "Il n’y a pas encore d’actions.",
        "campaign_period": "Période de la campagne",
        "period_sentence": "La campagne se déroule {period}.",
        "organised_by": "Une campagne de {municipality}.",
        "website_of": "Site web de {municipality}",
        "theme": "Thème",
        "audience": "Pour qui",
        "effort": "Effort",
        "status": "État",
        "when": "Quand",
        "where": "Où",
        "online": "En ligne",
        "online_link": "Participer en ligne",
        "map_link": "Voir sur la carte (OpenStreetMap)",
        "add_to_calendar": "Ajouter à votre agenda",
        "download_ics": "Fichier d’agenda (.ics)",
        "google_calendar": "Google Agenda",
        "outlook_calendar": "Outlook",
        "subscribe_calendar": "Toutes les activités dans votre agenda (.ics)",
        "related_actions": "Fait partie de l’action",
        "linked_events": "Activités",
        "with_partners": "Avec",
        "all_partners": "En savoir plus sur les partenaires",
        "partners_intro": "Cette campagne est réalisée avec",
        "partners_none": "Les partenaires seront bientôt annoncés.",
        "cancelled": "Annulé",
        "cancelled_notice": "Cette activité est annulée.",
        "more_info": "En savoir plus sur cette action",
        "read_more": "Lire la suite",
        "filter_title": "Filtrer les actions",
        "filter_theme": "Thème",
        "filter_audience": "Pour qui",
        "filter_reset": "Afficher toutes les actions",
        "filter_count_one": "1 action trouvée",
        "filter_count_other": "{count} actions trouvées",
        "filter_count_zero": "Aucune action trouvée. Choisissez moins de filtres.",
        "actions_intro": "Choisissez une action qui vous convient.",
        "agenda_intro": "Les activités de la campagne.",
        "contact_intro": "Des questions sur la campagne ? Contactez-nous.",
        "email": "E-mail",
        "phone": "Téléphone",
        "all_day": "toute la journée",
        "at_time": "{day} à {time}",
        "time_range": "{day}, de {start} à {end}",
        "day_range": "du {start} au {end}",
        "date_range": "du {start} au {end}",
        "back_to_actions": "Retour à toutes les actions",
        "back_to_agenda": "Retour à l’agenda",
        "external_form_note": "Vous allez vers un formulaire d’inscription sur un autre site.",
        "privacy_title": "Vie privée",
        "privacy_description": "Comment ce site traite vos données.",
        "accessibility_title": "Déclaration d’accessibilité",
        "accessibility_description": "L’accessibilité de ce site et où signaler un problème.",
        "actions_description": "Toutes les actions de {title}.",
        "agenda_description": "Toutes les activités de {title}.",
        "partners_description": "Les partenaires de {title}.",
    },
    "en": {
        "home": "Home",
        "actions": "Actions",
        "agenda": "Events",
        "partners": "Partners",
        "accessibility": "Accessibility",
        "privacy": "Privacy",
        "kit": "Communication kit",
        "kit_description": "Ready-made texts, images, posters and QR codes to spread the word "
        "about {title}.",
        "contact": "Contact",
        "sign_up": "Join in",
        "sign_up_action": "Sign up for this action",
        "register": "Register",
        "site_info": "About this website",
        "photo": "Image",
        "licence": "Licence",
        "featured_actions": "Join an action",
        "all_actions": "All actions",
        "upcoming_events": "Coming up",
        "past_events": "Past events",
        "all_events": "All events",
        "no_upcoming_events": "No events are planned at the moment.",
        "no_actions": "There are no actions yet.",
        "campaign_period": "Campaign period",
        "period_sentence": "The campaign runs {period}.",
        "organised_by": "A campaign by {municipality}.",
        "website_of": "Website of {municipality}",
        "theme": "Theme",
        "audience": "For",
        "effort": "Effort",
        "status": "Status",
        "when": "When",
        "where": "Where",
        "online": "Online",
        "online_link": "Join online",
        "map_link": "Show on map (OpenStreetMap)",
        "add_to_calendar": "Add to your calendar",
        "download_ics": "Calendar file (.ics)",
        "google_calendar": "Google Calendar",
        "outlook_calendar": "Outlook",
        "subscribe_calendar": "All events in your calendar (.ics)",
        "related_actions": "Part of the action",
        "linked_events": "Events",
        "with_partners": "With",
        "all_partners": "More about the partners",
        "partners_intro": "This campaign is made possible with",
        "partners_none": "The partners will be announced soon.",
        "cancelled": "Cancelled",
        "cancelled_notice": "This event has been cancelled.",
        "more_info": "More about this action",
        "read_more": "Read more",
        "filter_title": "Filter the actions",
        "filter_theme": "Theme",
        "filter_audience": "For",
        "filter_reset": "Show all actions",
        "filter_count_one": "1 action found",
        "filter_count_other": "{count} actions found",
        "filter_count_zero": "No actions found. Choose fewer filters.",
        "actions_intro": "Pick an action that suits you.",
        "agenda_intro": "The events of the campaign.",
        "contact_intro": "Questions about the campaign? Get in touch.",
        "email": "Email",
        "phone": "Phone",
        "all_day": "all day",
        "at_time": "{day} at {time}",
        "time_range": "{day}, {start} to {end}",
        "day_range": "from {start} to {end}",
        "date_range": "from {start} to {end}",
        "back_to_actions": "Back to all actions",
        "back_to_agenda": "Back to the events",
        "external_form_note": "You will go to a sign-up form on another website.",
        "privacy_title": "Privacy",
        "privacy_description": "How this website handles your data.",
        "accessibility_title": "Accessibility statement",
        "accessibility_description": "How accessible this website is and where to report a "
        "problem.",
        "actions_description": "All actions of {title}.",
        "agenda_description": "All events of {title}.",
        "partners_description": "The partners of {title}.",
    },
}


def labels(language: str) -> dict[str, str]:
    """The interface strings for ``language``."""
    return LABELS[language]


def default_themes(language: str) -> tuple[Theme, ...]:
    """The built-in themes, titled in ``language``."""
    return tuple(
        Theme(id=theme_id, title=title)
        for theme_id, title in zip(DEFAULT_THEME_IDS, _THEMES[language], strict=True)
    )


def audience_label(audience: str, language: str) -> str:
    return AUDIENCE_LABELS[language][audience]


def effort_label(effort: str, language: str) -> str:
    return EFFORT_LABELS[language][effort]


def action_status_label(status: str, language: str) -> str:
    return ACTION_STATUS_LABELS[language][status]


def event_status_label(status: str, language: str) -> str:
    return EVENT_STATUS_LABELS[language][status]


def _first_of_month(text: str, day: date, language: str) -> str:
    # French writes the first day of a month as an ordinal: « 1er mai ».
    if language == "fr" and day.day == 1:
        return re.sub(r"\b1 ", "1er ", text, count=1)
    return text


# Babel takes far longer than a lookup, and a campaign's pages, cards, posters and
# calendars ask for the same few dates many times over.
@functools.lru_cache(maxsize=4096)
def format_day(day: date, language: str) -> str:
    """``zaterdag 15 mei 2027`` / ``samedi 15 mai 2027`` / ``Saturday 15 May 2027``."""
    text = _babel_date(day, "full", locale=LOCALES[language]).replace(",", "")
    return _first_of_month(text, day, language)


@functools.lru_cache(maxsize=4096)
def format_day_short(day: date, language: str) -> str:
    """``za 15 mei`` / ``sam. 15 mai`` / ``Sat 15 May``: for cards and lists."""
    text = _babel_skeleton("MMMEd", day, locale=LOCALES[language]).replace(",", "")
    return _first_of_month(text, day, language)


@functools.lru_cache(maxsize=4096)
def format_date(day: date, language: str) -> str:
    """``15 mei 2027``: a date without the weekday."""
    return _first_of_month(_babel_date(day, "long", locale=LOCALES[language]), day, language)


@functools.lru_cache(maxsize=4096)
def format_month_short(day: date, language: str) -> str:
    """``mei`` / ``mai`` / ``May``: the month on a date tile."""
    return _babel_date(day, "LLL", locale=LOCALES[language]).rstrip(".")


@functools.lru_cache(maxsize=4096)
def format_time(moment: time | datetime, language: str) -> str:
    """``18:00``, ``09:05``: 24-hour clock in every language."""
    value = moment.time() if isinstance(moment, datetime) else moment
    return _babel_time(value, "HH:mm", locale=LOCALES[language])


@functools.lru_cache(maxsize=4096)
def format_period(start: date, end: date, language: str) -> str:
    """``van 1 mei tot 30 juni 2027``; a single day when both are equal."""
    if start == end:
        return format_date(start, language)
    if start.year == end.year:
        first = _first_of_month(
            _babel_skeleton("MMMMd", start, locale=LOCALES[language]), start, language
        )
    else:
        first = format_date(start, language)
    return LABELS[language]["date_range"].format(start=first, end=format_date(end, language))


def format_event_when(event: Event, language: str) -> str:
    """When an event happens, in one line: all-day, a time, a time range, or several days."""
    words = LABELS[language]
    day = format_day(event.day, language)
    if event.all_day:
        return f"{day} ({words['all_day']})"
    start = event.start
    assert isinstance(start, datetime)
    end = event.ends_at
    if end is None:
        return words["at_time"].format(day=day, time=format_time(start, language))
    if end.date() == start.date():
        return words["time_range"].format(
            day=day, start=format_time(start, language), end=format_time(end, language)
        )
    return words["day_range"].format(
        start=words["at_time"].format(day=day, time=format_time(start, language)),
        end=words["at_time"].format(
            day=format_day(end.date(), language), time=format_time(end, language)
        ),
    )
