"""Placeholders in kit texts: the values a text can use, and a sandbox that fills them in.

An unknown placeholder, a malformed one or one the sandbox refuses is a problem located in
the text's file, with the names that do exist.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from campaignkit import i18n
from campaignkit.model import Action, Campaign, Event
from campaignkit.problems import CampaignError, Problem
from campaignkit.urls import Addresses

MAX_OUTPUT_CHARS = 50_000


def _event_context(campaign: Campaign, addresses: Addresses, event: Event) -> dict[str, Any]:
    lang = campaign.language
    words = i18n.labels(lang)
    day = i18n.format_day(event.day, lang)
    start_time = "" if event.all_day else i18n.format_time(event.start, lang)
    end = event.ends_at
    location = event.location
    place = i18n.format_place(location.name, location.address) if location else words["online"]
    return {
        "slug": event.slug,
        "title": event.title,
        "start": day if event.all_day else words["at_time"].format(day=day, time=start_time),
        "date": day,
        "day": i18n.format_date(event.day, lang),
        "time": start_time,
        "end_time": i18n.format_time(end, lang) if end else "",
        "when": i18n.format_event_when(event, lang),
        # A repeating event's rule and dates in words; empty for one that does not repeat.
        "repeat": i18n.format_series(event, lang) if event.repeat else "",
        "place": place,
        "location": {
            "name": event.location.name if event.location else "",
            "address": (event.location.address or "") if event.location else "",
        },
        "online_url": event.online_url or "",
        "url": addresses.event(event.slug) or "",
        "calendar_url": addresses.event_calendar(event.slug) or "",
        "registration_url": event.registration_url or "",
        "description": event.description or "",
        "cancelled": event.status == "cancelled",
    }


def _action_context(campaign: Campaign, addresses: Addresses, action: Action) -> dict[str, Any]:
    return {
        "slug": action.slug,
        "title": action.title,
        "summary": action.summary,
        "theme": campaign.theme(action.theme).title,
        "url": addresses.action(action.slug) or "",
        "signup_url": action.signup_url or campaign.signup_url or "",
        "body": action.body or "",
    }


def context(
    campaign: Campaign,
    addresses: Addresses,
    action: Action | None = None,
    event: Event | None = None,
) -> dict[str, Any]:
    """Everything a text can use, as plain values (the sandbox sees no model objects)."""
    lang = campaign.language
    home = addresses.home() or ""
    events = sorted(
        (e for e in campaign.events if e.status == "confirmed"), key=lambda e: (e.day, e.slug)
    )
    values: dict[str, Any] = {
        "municipality": {
            "name": campaign.municipality.name,
            "website": campaign.municipality.website or "",
        },
        "campaign": {
            "slug": campaign.slug,
            "title": campaign.title,
            "tagline": campaign.tagline or "",
            "intro": campaign.intro,
            "period": i18n.format_period(campaign.period.start, campaign.period.end, lang),
            "start": i18n.format_date(campaign.period.start, lang),
            "end": i18n.format_date(campaign.period.end, lang),
            "url": home,
        },
        "contact": {
            "name": campaign.contact.name or "",
            "email": campaign.contact.email,
            "phone": campaign.contact.phone or "",
        },
        "partners": [{"name": p.name, "url": p.url or ""} for p in campaign.partners],
        "actions": [_action_context(campaign, addresses, a) for a in campaign.actions],
        "events": [_event_context(campaign, addresses, e) for e in events],
        "site_url": home,
        "kit_url": addresses.kit() or "",
        "calendar_url": addresses.calendar_feed() or "",
        "url": home,
        "signup_url": campaign.signup_url or home,
    }
    if action is not None:
        values["action"] = _action_context(campaign, addresses, action)
        values["url"] = values["action"]["url"] or home
        values["signup_url"] = action.signup_url or values["signup_url"]
    if event is not None:
        values["event"] = _event_context(campaign, addresses, event)
        values["url"] = values["event"]["url"] or home
        values["signup_url"] = event.registration_url or values["signup_url"]
    return values


def _finalize(value: object) -> object:
    return "" if value is None else value


_ENVIRONMENT = SandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    finalize=_finalize,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _sentence(value: object) -> str:
    """``value`` as a sentence: a full stop added unless it ends like one (``|sentence``)."""
    text = str(value).rstrip()
    return text if not text or text[-1] in ".!?…" else text + "."


_ENVIRONMENT.filters["sentence"] = _sentence


@lru_cache(maxsize=512)
def _compiled(source: str) -> jinja2.Template:
    """A text compiled once per process: every campaign shares the built-in texts."""
    return _ENVIRONMENT.from_string(source)


_TEMPLATE_FILE = "<template>"
_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def render(
    source: str,
    values: dict[str, Any],
    *,
    name: str,
    first_line: int,
    hint: str = "",
) -> str:
    """Fill in ``source``; raise :class:`CampaignError` located at ``name``:line:column."""
    lines = source.split("\n")
    try:
        template = _compiled(source)
        output = template.render(values)
    except jinja2.TemplateSyntaxError as error:
        line = error.lineno or 1
        raise CampaignError(
            [
                Problem(
                    name,
                    first_line + line - 1,
                    _column(lines, line, None),
                    f"De plaatshouder is niet goed geschreven ({error.message}).",
                    "Schrijf plaatshouders als {{ municipality.name }}, met twee accolades aan "
                    "elke kant.",
                )
            ]
        ) from None
    except jinja2.UndefinedError as error:
        line = _template_line(error)
        found = _UNDEFINED_NAME.search(str(error))
        word = (found.group(1) or found.group(2)) if found else ""
        known = sorted(_known_names(values))
        close = difflib.get_close_matches(word, [k.rsplit(".", 1)[-1] for k in known], n=1)
        suggestion = f"Bedoel je '{close[0]}'? " if close else ""
        raise CampaignError(
            [
                Problem(
                    name,
                    first_line + line - 1,
                    _column(lines, line, word),
                    f"Onbekende plaatshouder: '{word}' bestaat hier niet.",
                    suggestion + (hint or "Beschikbaar: " + ", ".join(known) + "."),
                )
            ]
        ) from None
    except (
        jinja2.TemplateError,  # the sandbox refused something
        TypeError,
        ValueError,
        ArithmeticError,
        LookupError,
    ) as error:
        line = _template_line(error)
        raise CampaignError(
            [
                Problem(
                    name,
                    first_line + line - 1,
                    _column(lines, line, None),
                    f"Deze plaatshouder kan niet ingevuld worden ({error}).",
                    "Gebruik alleen de gewone plaatshouders, bv. {{ campaign.title }}.",
                )
            ]
        ) from None
    if len(output) > MAX_OUTPUT_CHARS:
        raise CampaignError(
            [Problem(name, first_line, 1, "De tekst wordt na het invullen veel te lang.")]
        )
    return output


def _template_line(error: BaseException) -> int:
    line = 1
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _column(lines: list[str], line: int, word: str | None) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if word:
        found = re.search(r"\{[{%][^}]*?\b" + re.escape(word) + r"\b", text)
        if found:
            return found.start() + 1
    found = re.search(r"\{[{%]", text)
    return found.start() + 1 if found else 1


def _known_names(values: dict[str, Any], prefix: str = "") -> list[str]:
    names = []
    for key, value in values.items():
        if isinstance(value, dict):
            names.extend(_known_names(value, f"{prefix}{key}."))
        elif not isinstance(value, list):
            names.append(prefix + key)
    return names
