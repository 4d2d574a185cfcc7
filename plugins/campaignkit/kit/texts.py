"""Ready-to-use texts: a campaign's ``texts/*.md`` over the built-in defaults, filled in.

A text file is YAML front matter (``title``, ``channel``, optional ``audience``, ``action``,
``event``) and a Markdown body with placeholders such as ``{{ municipality.name }}``. The
body is rendered in a sandbox where an unknown placeholder is an error, located in the file
like every other campaign problem, and checked against its channel's length limit.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from campaignkit import i18n
from campaignkit.kit import urls
from campaignkit.kit.blocks import Block, parse, plain_text
from campaignkit.loading import Document, parse_document
from campaignkit.model import AUDIENCES, SLUG_PATTERN, Action, Campaign, Event
from campaignkit.problems import CampaignError, Problem, display_name

TEXTS_FOLDER = "texts"
CHANNELS = ("newsletter", "social", "press", "poster", "letter", "email", "whatsapp")
#: Most characters a text may have after rendering (as plain text), per channel.
LIMITS = {"social": 280, "whatsapp": 1000, "poster": 600}
MAX_TEXT_BYTES = 100 * 1024
MAX_OUTPUT_CHARS = 50_000
_FIELDS = ("title", "channel", "audience", "action", "event")
_FENCE = re.compile(r"^---[ \t]*$")


@dataclass(frozen=True)
class Text:
    """One filled-in text of the kit."""

    slug: str
    title: str
    channel: str
    markdown: str
    source: str
    default: bool = False
    audience: tuple[str, ...] = ()
    action: str | None = None
    event: str | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def plain(self) -> str:
        """The text without Markdown, as it is pasted into a newsletter or a post."""
        return plain_text(self.blocks)


# ----------------------------------------------------------------------- placeholders


def _event_context(campaign: Campaign, event: Event) -> dict[str, Any]:
    lang = campaign.language
    words = i18n.labels(lang)
    day = i18n.format_day(event.day, lang)
    start_time = "" if event.all_day else i18n.format_time(event.start, lang)  # type: ignore[arg-type]
    end = event.ends_at
    parts = [event.location.name, event.location.address or ""] if event.location else []
    place = ", ".join(p for p in parts if p) or words["online"]
    return {
        "slug": event.slug,
        "title": event.title,
        "start": day if event.all_day else words["at_time"].format(day=day, time=start_time),
        "date": day,
        "day": i18n.format_date(event.day, lang),
        "time": start_time,
        "end_time": i18n.format_time(end, lang) if end else "",
        "when": i18n.format_event_when(event, lang),
        "place": place,
        "location": {
            "name": event.location.name if event.location else "",
            "address": (event.location.address or "") if event.location else "",
        },
        "online_url": event.online_url or "",
        "url": urls.event_url(campaign, event.slug) or "",
        "calendar_url": urls.event_calendar_url(campaign, event.slug) or "",
        "registration_url": event.registration_url or "",
        "description": event.description or "",
        "cancelled": event.status == "cancelled",
    }


def _action_context(campaign: Campaign, action: Action) -> dict[str, Any]:
    return {
        "slug": action.slug,
        "title": action.title,
        "summary": action.summary,
        "theme": campaign.theme(action.theme).title,
        "url": urls.action_url(campaign, action.slug) or "",
        "signup_url": action.signup_url or campaign.signup_url or "",
        "body": action.body or "",
    }


def context(
    campaign: Campaign, action: Action | None = None, event: Event | None = None
) -> dict[str, Any]:
    """Everything a text can use, as plain values (the sandbox sees no model objects)."""
    lang = campaign.language
    home = urls.home_url(campaign) or ""
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
        "actions": [_action_context(campaign, a) for a in campaign.actions],
        "events": [_event_context(campaign, e) for e in events],
        "site_url": home,
        "kit_url": urls.kit_url(campaign) or "",
        "calendar_url": urls.calendar_feed_url(campaign) or "",
        "url": home,
        "signup_url": campaign.signup_url or home,
    }
    if action is not None:
        values["action"] = _action_context(campaign, action)
        values["url"] = values["action"]["url"] or home
        values["signup_url"] = action.signup_url or values["signup_url"]
    if event is not None:
        values["event"] = _event_context(campaign, event)
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


# ------------------------------------------------------------------------------ files


@dataclass(frozen=True)
class _Source:
    slug: str
    name: str
    raw: bytes
    default: bool


def _default_sources(language: str) -> list[_Source]:
    folder = resources.files("campaignkit.kit").joinpath("defaults").joinpath(language)
    sources = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md"):
            sources.append(
                _Source(
                    entry.name.removesuffix(".md"),
                    f"campaignkit/kit/defaults/{language}/{entry.name}",
                    entry.read_bytes(),
                    True,
                )
            )
    return sources


def _campaign_sources(folder: Path, base: Path | None, problems: list[Problem]) -> list[_Source]:
    texts = folder / TEXTS_FOLDER
    if not texts.is_dir():
        return []
    sources = []
    for path in sorted(texts.iterdir()):
        if path.name.startswith("."):
            continue
        name = display_name(path, base)
        if path.suffix != ".md" or not path.is_file():
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"'{path.name}' hoort niet in de map texts/.",
                    "Zet hier alleen teksten als .md-bestanden, bv. texts/nieuwsbrief.md.",
                )
            )
            continue
        if not re.match(SLUG_PATTERN, path.stem):
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"De bestandsnaam '{path.name}' is geen geldige naam.",
                    "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. "
                    "'nieuwsbrief-mei.md'. De naam wordt de bestandsnaam in de kit.",
                )
            )
            continue
        if path.stat().st_size > MAX_TEXT_BYTES:
            problems.append(
                Problem(
                    name, 1, 1, f"Het bestand is te groot (hooguit {MAX_TEXT_BYTES // 1024} kB)."
                )
            )
            continue
        sources.append(_Source(path.stem, name, path.read_bytes(), False))
    return sources


def _split(source: _Source) -> tuple[Document, str, int]:
    """Front matter as a located document, the body, and the body's first line number."""
    try:
        text = source.raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = source.raw[: error.start].count(b"\n") + 1
        raise CampaignError(
            [
                Problem(
                    source.name,
                    line,
                    1,
                    "Het bestand is niet in UTF-8 opgeslagen.",
                    "Sla het bestand op als UTF-8.",
                )
            ]
        ) from None
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        raise CampaignError(
            [
                Problem(
                    source.name,
                    1,
                    1,
                    "Een tekst begint met een blok tussen twee regels '---' (titel en kanaal).",
                    "Zet bovenaan:\n    ---\n    title: Nieuwsbriefartikel\n    channel: "
                    "newsletter\n    ---",
                )
            ]
        )
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if closing is None:
        raise CampaignError(
            [
                Problem(
                    source.name,
                    1,
                    1,
                    "Het blok bovenaan (titel en kanaal) wordt niet afgesloten.",
                    "Zet na de laatste regel van het blok een regel met alleen '---'.",
                )
            ]
        )
    front = "\n".join(lines[1:closing]) + "\n"
    if not front.strip():
        raise CampaignError(
            [
                Problem(
                    source.name, 1, 1, "Het blok bovenaan is leeg.", "Vul 'title' en 'channel' in."
                )
            ]
        )
    try:
        document = parse_document(front.encode("utf-8"), source.name)
    except CampaignError as error:
        raise CampaignError(_shift(error.problems, 1)) from None
    document = Document(
        document.name,
        document.data,
        {loc: (line + 1, col) for loc, (line, col) in document.values.items()},
        {loc: (line + 1, col) for loc, (line, col) in document.keys.items()},
    )
    body = "\n".join(lines[closing + 1 :])
    return document, body, closing + 2


def _shift(problems: Iterable[Problem], lines: int) -> list[Problem]:
    return [Problem(p.file, p.line + lines, p.column, p.message, p.hint) for p in problems]


def _meta(document: Document, campaign: Campaign, problems: list[Problem]) -> dict[str, Any]:
    data = document.data if isinstance(document.data, dict) else {}
    found = len(problems)
    for key in data:
        if key not in _FIELDS:
            close = difflib.get_close_matches(key, _FIELDS, n=1)
            hint = f"Bedoel je '{close[0]}'? " if close else ""
            problems.append(
                document.problem(
                    (key,),
                    f"'{key}' is hier geen geldige naam.",
                    hint + f"Mogelijke namen: {', '.join(_FIELDS)}.",
                    key=True,
                )
            )
    for key, value in data.items():
        if key in ("title", "channel", "action", "event") and not isinstance(value, str):
            problems.append(document.problem((key,), "Hier hoort één tekst op dezelfde regel.", ""))
    title, channel = data.get("title"), data.get("channel")
    for key in ("title", "channel"):
        if key not in data:
            problems.append(
                document.problem(
                    (),
                    f"'{key}' ontbreekt.",
                    f"Voeg een regel '{key}: ...' toe in het blok bovenaan.",
                )
            )
    if isinstance(title, str) and ("\n" in title.strip() or len(title.strip()) > 120):
        problems.append(
            document.problem(("title",), "De titel moet op één regel staan (hooguit 120 tekens).")
        )
    if isinstance(channel, str) and channel not in CHANNELS:
        problems.append(
            document.problem(
                ("channel",),
                f"'{channel}' is geen geldig kanaal.",
                f"Kies uit: {', '.join(CHANNELS)}.",
            )
        )
    audience = data.get("audience", [])
    audience = [audience] if isinstance(audience, str) else audience
    if not isinstance(audience, list) or not all(isinstance(a, str) for a in audience):
        problems.append(document.problem(("audience",), "Hier hoort een lijst van doelgroepen."))
        audience = []
    for index, item in enumerate(audience):
        if item not in AUDIENCES:
            problems.append(
                document.problem(
                    ("audience", index)
                    if isinstance(data.get("audience"), list)
                    else ("audience",),
                    f"'{item}' is geen geldige doelgroep.",
                    f"Kies uit: {', '.join(AUDIENCES)}.",
                )
            )
    for key, known, where in (
        ("action", [a.slug for a in campaign.actions], "actions/"),
        ("event", [e.slug for e in campaign.events], "events/"),
    ):
        value = data.get(key)
        if isinstance(value, str) and value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f"Bedoel je '{close[0]}'? " if close else ""
            problems.append(
                document.problem(
                    (key,),
                    f"Er is geen {'actie' if key == 'action' else 'activiteit'} '{value}'.",
                    hint + f"Er moet een bestand {where}{value}.yml bestaan.",
                )
            )
    if len(problems) > found:
        return {}
    return {
        "title": title.strip() if isinstance(title, str) else "",
        "channel": channel,
        "audience": tuple(audience),
        "action": data.get("action"),
        "event": data.get("event"),
    }


def _read(source: _Source, campaign: Campaign) -> Text:
    document, body, first_line = _split(source)
    problems: list[Problem] = []
    meta = _meta(document, campaign, problems)
    if problems:
        raise CampaignError(problems)
    action = campaign.action(meta["action"]) if meta["action"] else None
    event = campaign.event(meta["event"]) if meta["event"] else None
    values = context(campaign, action, event)
    hint = ""
    if source.default:
        hint = (
            f"Dit is een standaardtekst. Schrijf een eigen versie in texts/{source.slug}.md "
            "in de campagnemap."
        )
    title_line, _ = document.position(("title",))
    title = render(meta["title"], values, name=source.name, first_line=title_line, hint=hint)
    missing = _missing_hint(body, action, event)
    markdown = render(body, values, name=source.name, first_line=first_line, hint=hint or missing)
    blocks = parse(markdown)
    text = Text(
        slug=source.slug,
        title=" ".join(title.split()),
        channel=meta["channel"],
        markdown=markdown.strip() + "\n",
        source=source.name,
        default=source.default,
        audience=meta["audience"],
        action=meta["action"],
        event=meta["event"],
        url=values["url"] or None,
        blocks=blocks,
    )
    limit = LIMITS.get(text.channel)
    length = len(text.plain.strip())
    if limit is not None and length > limit:
        raise CampaignError(
            [
                Problem(
                    source.name,
                    first_line,
                    1,
                    f"Deze tekst is na het invullen {length} tekens lang; voor "
                    f"{i18n.CHANNEL_LABELS['nl'][text.channel]} is dat hooguit {limit} "
                    f"({length - limit} te veel).",
                    hint or "Maak de tekst korter; webadressen en namen tellen mee.",
                )
            ]
        )
    if not text.plain.strip():
        raise CampaignError([Problem(source.name, first_line, 1, "De tekst is leeg.")])
    return text


def _missing_hint(body: str, action: Action | None, event: Event | None) -> str:
    if event is None and re.search(r"\{[{%][^}]*\bevent\.", body):
        return "Deze tekst hoort bij geen activiteit: zet 'event: <naam>' in het blok bovenaan."
    if action is None and re.search(r"\{[{%][^}]*\baction\.", body):
        return "Deze tekst hoort bij geen actie: zet 'action: <naam>' in het blok bovenaan."
    return ""


def load_texts(campaign: Campaign, *, base: Path | None = None) -> tuple[Text, ...]:
    """The campaign's texts over the defaults in its language, by channel, then slug.

    Raises :class:`CampaignError` with every problem of every text file.
    """
    problems: list[Problem] = []
    sources = {s.slug: s for s in _default_sources(campaign.language)}
    if campaign.folder:
        for source in _campaign_sources(Path(campaign.folder), base, problems):
            sources[source.slug] = source
    texts = []
    for slug in sorted(sources):
        try:
            texts.append(_read(sources[slug], campaign))
        except CampaignError as error:
            problems.extend(error.problems)
    if problems:
        raise CampaignError(problems)
    return tuple(sorted(texts, key=lambda t: (CHANNELS.index(t.channel), t.slug)))


__all__ = ["CHANNELS", "LIMITS", "Text", "context", "load_texts", "render"]
