"""Ready-to-use texts: a campaign's ``texts/*.md`` over the built-in defaults, filled in.

A text file is front matter (:class:`~campaignkit.model.TextFrontMatter`: ``title``,
``channel``, optional ``audience``, ``action``, ``event``) and a Markdown body with
placeholders such as ``{{ municipality.name }}``. The front matter is checked by the model
and explained like every campaign file; the body is filled in by a sandbox
(:mod:`campaignkit.texts.placeholders`) and checked against its channel's length limit
(a built-in text that outgrows it is shortened by whole sentences, :mod:`.shorten`). Every
problem is located in its file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from campaignkit import i18n
from campaignkit.blocks import Block, parse, plain_text
from campaignkit.explain import explain
from campaignkit.loading import Document
from campaignkit.model import Action, Campaign, Event
from campaignkit.problems import CampaignError, Problem
from campaignkit.texts.files import TEXTS_FOLDER, Source, campaign_sources, default_sources, split
from campaignkit.texts.front_matter import CHANNELS, TextFrontMatter
from campaignkit.texts.placeholders import context, render
from campaignkit.texts.shorten import shortened
from campaignkit.urls import Addresses, public_root

#: Most characters a text may have after rendering (as plain text), per channel.
LIMITS = {"social": 280, "whatsapp": 1000, "poster": 600}


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
    #: The public root its addresses were filled in from (``None``: it has none).
    root: str | None = None
    blocks: tuple[Block, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def plain(self) -> str:
        """The text without Markdown, as it is pasted into a newsletter or a post."""
        return plain_text(self.blocks)


def campaign_addresses(campaign: Campaign) -> Addresses:
    """The addresses texts link to when the caller knows no other root: ``site_url``'s."""
    return Addresses(public_root(campaign.site_url))


def _front_matter(
    document: Document, campaign: Campaign, problems: list[Problem]
) -> TextFrontMatter | None:
    """The front matter, checked by the model; its action and event must exist."""
    front = None
    try:
        front = TextFrontMatter.model_validate(document.data)
    except ValidationError as error:
        problems.extend(explain(document, TextFrontMatter, error))
    data = document.data if isinstance(document.data, dict) else {}
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
    return None if problems else front


def read_text(
    source: Source,
    campaign: Campaign,
    addresses: Addresses,
    *,
    event: Event | None = None,
    slug: str | None = None,
    folder: str = TEXTS_FOLDER,
) -> Text:
    """One text file filled in for ``campaign``: checked, shortened when it is a built-in
    one that outgrows its channel, its length checked. ``event`` is the event it is about
    when the caller knows it (else its front matter's), ``slug`` its name in the kit (else
    the file's), ``folder`` where a campaign's own version of it goes (for the hint)."""
    parts = split(source)
    problems: list[Problem] = []
    front = _front_matter(parts.front, campaign, problems)
    if front is None:
        raise CampaignError(problems)
    action = campaign.action(front.action) if front.action else None
    event = event or (campaign.event(front.event) if front.event else None)
    values = context(campaign, addresses, action, event)
    hint = ""
    if source.default:
        hint = (
            f"Dit is een standaardtekst. Schrijf een eigen versie in {folder}/{source.slug}.md "
            "in de campagnemap."
        )
    title_line, _ = parts.front.position(("title",))
    title = render(front.title, values, name=source.name, first_line=title_line, hint=hint)
    missing = _missing_hint(parts.body, action, event)
    markdown = render(
        parts.body, values, name=source.name, first_line=parts.first_line, hint=hint or missing
    )
    limit = LIMITS.get(front.channel)
    if source.default and limit is not None:
        # Filled in for this campaign, a built-in text may outgrow its channel: it loses
        # whole sentences, keeping its link (a text of the campaign's own is reported).
        markdown = shortened(markdown, lambda md: _length(md) <= limit) or markdown
    text = Text(
        slug=slug or source.slug,
        title=" ".join(title.split()),
        channel=front.channel,
        markdown=markdown.strip() + "\n",
        source=source.name,
        default=source.default,
        audience=front.audience,
        action=front.action,
        event=event.slug if event else None,
        url=values["url"] or None,
        root=addresses.root,
        blocks=parse(markdown),
    )
    _check_length(text, parts.first_line, hint)
    return text


def check_limit(
    text: Text, source: str, first_line: int, hint: str = "", *, team: str | None = None
) -> None:
    """Raise :class:`CampaignError` at ``source`` when ``text``, filled in (for ``team``),
    is longer than its channel allows; ``hint`` replaces the default way out."""
    limit = LIMITS.get(text.channel)
    length = len(text.plain.strip())
    if limit is None or length <= limit:
        return
    whose = f" voor de ploeg '{team}'" if team else ""
    counted = "de naam en het webadres van de ploeg" if team else "webadressen en namen"
    raise CampaignError(
        [
            Problem(
                source,
                first_line,
                1,
                f"Deze tekst is{whose} na het invullen {length} tekens lang; voor "
                f"{i18n.CHANNEL_LABELS['nl'][text.channel]} is dat hooguit {limit} "
                f"({length - limit} te veel).",
                hint or f"Maak de tekst korter; {counted} tellen mee.",
            )
        ]
    )


def _length(markdown: str) -> int:
    return len(plain_text(parse(markdown)).strip())


def _check_length(text: Text, first_line: int, hint: str) -> None:
    check_limit(text, text.source, first_line, hint)
    if not text.plain.strip():
        raise CampaignError([Problem(text.source, first_line, 1, "De tekst is leeg.")])


def _missing_hint(body: str, action: Action | None, event: Event | None) -> str:
    if event is None and re.search(r"\{[{%][^}]*\bevent\.", body):
        return "Deze tekst hoort bij geen activiteit: zet 'event: <naam>' in het blok bovenaan."
    if action is None and re.search(r"\{[{%][^}]*\baction\.", body):
        return "Deze tekst hoort bij geen actie: zet 'action: <naam>' in het blok bovenaan."
    return ""


def load_texts(
    campaign: Campaign, *, addresses: Addresses | None = None, base: Path | None = None
) -> tuple[Text, ...]:
    """The campaign's texts over its libraries' (``library:``) over the defaults in its
    language, by channel, then slug, linking to ``addresses`` (by default the campaign's
    ``site_url``).

    Raises :class:`CampaignError` with every problem of every text file.
    """
    addresses = addresses or campaign_addresses(campaign)
    problems: list[Problem] = []
    sources = {s.slug: s for s in default_sources(campaign.language)}
    for slug, folder in campaign.libraries:  # a library's texts over the built-in ones
        if slug in campaign.library:
            sources.update((s.slug, s) for s in campaign_sources(Path(folder), base, problems))
    if campaign.folder:
        for source in campaign_sources(Path(campaign.folder), base, problems):
            sources[source.slug] = source
    texts = []
    for slug in sorted(sources):
        try:
            texts.append(read_text(sources[slug], campaign, addresses))
        except CampaignError as error:
            problems.extend(error.problems)
    if problems:
        raise CampaignError(problems)
    return tuple(sorted(texts, key=lambda t: (CHANNELS.index(t.channel), t.slug)))


__all__ = [
    "LIMITS",
    "Text",
    "campaign_addresses",
    "context",
    "load_texts",
    "read_text",
    "render",
]
