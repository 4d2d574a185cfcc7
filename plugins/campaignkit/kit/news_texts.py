"""A ready kit text for every published news item: a social post and a newsletter piece.

The texts are built-in templates in the campaign's language
(``texts/defaults/<language>/nieuws/*.md``), which a campaign replaces with a file of the
same name in its ``texts/nieuws/`` (and adds to with files of its own there). They see
everything other texts see, and ``news`` (``title``, ``summary``, ``date``, ``url``,
``slug``). A social post is kept within its channel's limit by shortening the summary at
a word, never by cutting the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from campaignkit import i18n
from campaignkit.blocks import parse, plain_text
from campaignkit.explain import explain
from campaignkit.model import Campaign, NewsItem
from campaignkit.news import NEWS_FOLDER
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.texts import LIMITS, Text
from campaignkit.texts.files import NEWS_TEXTS, Source, split, template_sources
from campaignkit.texts.front_matter import TextFrontMatter
from campaignkit.texts.placeholders import context, render
from campaignkit.urls import Addresses

#: The kinds of text each item gets, by the template's name.
KINDS = ("sociaal", "nieuwsbrief")


def news_templates(campaign: Campaign, base: Path | None = None) -> list[Source]:
    """The news texts of ``campaign``: the built-in ones in its language (:data:`KINDS`),
    each replaced by a file of the same name in its ``texts/nieuws/``; its other files
    there are texts of its own, made for every item too."""
    folder = Path(campaign.folder) if campaign.folder else None
    return template_sources(campaign.language, folder, NEWS_TEXTS, base, KINDS)


def shorten(text: str, length: int) -> str:
    """``text`` in at most ``length`` characters, cut at a word, with an ellipsis."""
    if len(text) <= length:
        return text
    if length < 2:
        return ""
    head = text[: length - 1]
    if not text[length - 1].isspace():  # the cut is inside a word: leave that word out
        head = head.rsplit(" ", 1)[0] if " " in head else ""
    cut = head.rstrip(" ,;:.-–")
    return f"{cut}…" if cut else ""


def _values(campaign: Campaign, addresses: Addresses, item: NewsItem) -> dict[str, Any]:
    values = context(campaign, addresses)
    url = addresses.news(item.slug) or ""
    values["news"] = {
        "slug": item.slug,
        "title": item.title,
        "summary": item.summary,
        "date": i18n.format_date(item.date, campaign.language),
        "url": url,
    }
    values["url"] = url or values["url"]
    return values


def news_text(
    template: Source, campaign: Campaign, addresses: Addresses, item: NewsItem, name: str
) -> Text:
    """One text of ``item`` from ``template``; ``name`` is the item's file as problems name it.

    Raises :class:`CampaignError` at the template's place when its front matter is wrong or
    it stays over its channel's limit with the summary left out."""
    parts = split(template)
    try:
        front = TextFrontMatter.model_validate(parts.front.data)
    except ValidationError as error:
        raise CampaignError(explain(parts.front, TextFrontMatter, error)) from None
    values = _values(campaign, addresses, item)
    limit = LIMITS.get(front.channel)
    hint = (
        f"Dit is een standaardtekst. Schrijf een eigen versie in texts/{NEWS_TEXTS}/"
        f"{template.slug}.md in de campagnemap."
        if template.default
        else ""
    )
    summary = item.summary
    while True:
        values["news"]["summary"] = summary
        markdown = render(
            parts.body, values, name=template.name, first_line=parts.first_line, hint=hint
        )
        blocks = parse(markdown)
        excess = len(plain_text(blocks).strip()) - limit if limit else 0
        if excess <= 0 or not summary:
            break
        summary = shorten(summary, len(summary) - excess)
    if limit is not None and excess > 0:
        raise CampaignError(
            [
                Problem(
                    template.name,
                    parts.first_line,
                    1,
                    f"De tekst voor het nieuwsbericht '{item.slug}' is na het invullen "
                    f"{limit + excess} tekens lang, ook zonder samenvatting; voor "
                    f"{i18n.CHANNEL_LABELS['nl'][front.channel]} is dat hooguit {limit}.",
                    hint or "Maak de tekst korter; webadressen en titels tellen mee.",
                )
            ]
        )
    title_line = parts.front.position(("title",))[0]
    title = render(front.title, values, name=template.name, first_line=title_line, hint=hint)
    return Text(
        slug=f"nieuws-{item.slug}-{template.slug}",
        title=" ".join(title.split()),
        channel=front.channel,
        markdown=markdown.strip() + "\n",
        source=name,
        default=template.default,
        url=values["news"]["url"] or None,
        root=addresses.root,
        blocks=blocks,
    )


def news_texts(
    campaign: Campaign,
    addresses: Addresses,
    items: Sequence[NewsItem],
    base: Path | None = None,
) -> tuple[Text, ...]:
    """The texts of every item in ``items`` (the published ones), newest item first."""
    templates = news_templates(campaign, base)
    texts: list[Text] = []
    problems: list[Problem] = []
    for item in items:
        name = display_name(Path(campaign.folder) / NEWS_FOLDER / f"{item.slug}.md", base)
        for template in templates:
            try:
                texts.append(news_text(template, campaign, addresses, item, name))
            except CampaignError as error:
                problems += [p for p in error.problems if p not in problems]
    if problems:
        raise CampaignError(problems)
    return tuple(texts)
