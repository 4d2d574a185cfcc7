"""A ready kit text for every published news item: a social post and a newsletter piece.

The texts are built-in templates in the campaign's language
(``texts/defaults/<language>/nieuws/*.md``) that see everything other texts see, and
``news`` (``title``, ``summary``, ``date``, ``url``, ``slug``). A social post is kept within
its channel's limit by shortening the summary at a word, never by cutting the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from campaignkit import i18n
from campaignkit.blocks import parse, plain_text
from campaignkit.model import Campaign, NewsItem
from campaignkit.news import NEWS_FOLDER
from campaignkit.problems import display_name
from campaignkit.texts import LIMITS, Text
from campaignkit.texts.files import Source, split
from campaignkit.texts.front_matter import TextFrontMatter
from campaignkit.texts.placeholders import context, render
from campaignkit.urls import Addresses

#: The kinds of text each item gets, by the template's name.
KINDS = ("sociaal", "nieuwsbrief")


def news_templates(language: str) -> list[Source]:
    """The built-in news texts in ``language``, in :data:`KINDS` order."""
    folder = resources.files("campaignkit.texts").joinpath("defaults", language, "nieuws")
    return [
        Source(
            kind,
            f"campaignkit/texts/defaults/{language}/nieuws/{kind}.md",
            folder.joinpath(f"{kind}.md").read_bytes(),
            True,
        )
        for kind in KINDS
    ]


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
    """One text of ``item`` from ``template``; ``name`` is the item's file as problems name it."""
    parts = split(template)
    front = TextFrontMatter.model_validate(parts.front.data)
    values = _values(campaign, addresses, item)
    limit = LIMITS.get(front.channel)
    summary = item.summary
    while True:
        values["news"]["summary"] = summary
        markdown = render(parts.body, values, name=template.name, first_line=parts.first_line)
        blocks = parse(markdown)
        excess = len(plain_text(blocks).strip()) - limit if limit else 0
        if excess <= 0 or not summary:
            break
        summary = shorten(summary, len(summary) - excess)
    title = render(front.title, values, name=template.name, first_line=2)
    return Text(
        slug=f"nieuws-{item.slug}-{template.slug}",
        title=" ".join(title.split()),
        channel=front.channel,
        markdown=markdown.strip() + "\n",
        source=name,
        default=True,
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
    templates = news_templates(campaign.language)
    texts = []
    for item in items:
        name = display_name(Path(campaign.folder) / NEWS_FOLDER / f"{item.slug}.md", base)
        texts += [news_text(t, campaign, addresses, item, name) for t in templates]
    return tuple(texts)
