"""Recruitment texts for each team's captain: filled in once per team.

The built-in ones are ``texts/defaults/<language>/ploegen/*.md`` (a WhatsApp message and a
letter to the neighbours); a campaign replaces one, or adds its own, with a file of the
same kind in ``texts/ploegen/``. Besides every placeholder of the other texts, they can use
``{{ team.name }}``, ``{{ team.url }}``, ``{{ team.households }}``, ``{{ team.kind }}``,
``{{ team.streets }}`` and ``{{ team.actions }}`` (the titles of the actions it takes on).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from campaignkit import i18n
from campaignkit.blocks import parse
from campaignkit.explain import explain
from campaignkit.model import Campaign, Team
from campaignkit.problems import CampaignError, Problem
from campaignkit.texts import Text, campaign_addresses, check_limit, context, render
from campaignkit.texts.files import TEAM_TEXTS, TEXTS_FOLDER, Source, campaign_sources, split
from campaignkit.texts.front_matter import CHANNELS, TextFrontMatter
from campaignkit.urls import Addresses

#: The folder of team texts, in the built-in defaults and in a campaign's ``texts/``.
TEAM_TEXTS_FOLDER = TEAM_TEXTS


@dataclass(frozen=True)
class _Template:
    """A team text read and checked, not yet filled in for a team."""

    source: Source
    front: TextFrontMatter
    title_line: int
    body: str
    first_line: int


def team_sources(campaign: Campaign, base: Path | None = None) -> list[Source]:
    """The team texts of ``campaign``: its own over the built-in ones, by slug."""
    folder = resources.files("campaignkit.texts").joinpath("defaults", campaign.language)
    found = {
        entry.name.removesuffix(".md"): Source(
            entry.name.removesuffix(".md"),
            f"campaignkit/texts/defaults/{campaign.language}/{TEAM_TEXTS_FOLDER}/{entry.name}",
            entry.read_bytes(),
            True,
        )
        for entry in folder.joinpath(TEAM_TEXTS_FOLDER).iterdir()
        if entry.name.endswith(".md")
    }
    if campaign.folder:
        problems: list[Problem] = []
        inside = f"{TEXTS_FOLDER}/{TEAM_TEXTS_FOLDER}"
        for source in campaign_sources(Path(campaign.folder), base, problems, inside=inside):
            found[source.slug] = source
        if problems:
            raise CampaignError(problems)
    return [found[slug] for slug in sorted(found)]


def team_context(campaign: Campaign, addresses: Addresses, team: Team) -> dict[str, Any]:
    """What a team text can use about its team, as plain values."""
    titles = {a.slug: a.title for a in campaign.actions}
    return {
        "slug": team.slug,
        "name": team.name,
        "url": addresses.team(team.slug) or "",
        "households": team.households,
        "kind": i18n.TEAM_KIND_LABELS[campaign.language][team.kind],
        "streets": ", ".join(team.streets),
        "actions": [titles[c.action] for c in team.commitments if c.action in titles],
    }


def _template(source: Source) -> _Template:
    parts = split(source)
    try:
        front = TextFrontMatter.model_validate(parts.front.data)
    except ValidationError as error:
        raise CampaignError(explain(parts.front, TextFrontMatter, error)) from None
    title_line = parts.front.position(("title",))[0]
    return _Template(source, front, title_line, parts.body, parts.first_line)


def _fill(template: _Template, campaign: Campaign, addresses: Addresses, team: Team) -> Text:
    source, front = template.source, template.front
    values = context(campaign, addresses)
    values["team"] = team_context(campaign, addresses, team)
    values["url"] = values["team"]["url"] or values["url"]
    hint = (
        f"Dit is een standaardtekst. Schrijf een eigen versie in texts/{TEAM_TEXTS_FOLDER}/"
        f"{source.slug}.md in de campagnemap."
        if source.default
        else ""
    )
    title = render(front.title, values, name=source.name, first_line=template.title_line, hint=hint)
    markdown = render(
        template.body, values, name=source.name, first_line=template.first_line, hint=hint
    )
    text = Text(
        slug=source.slug,
        title=" ".join(title.split()),
        channel=front.channel,
        markdown=markdown.strip() + "\n",
        source=source.name,
        default=source.default,
        audience=front.audience,
        url=values["url"] or None,
        root=addresses.root,
        blocks=parse(markdown),
    )
    check_limit(text, source.name, template.first_line, hint, team=team.slug)
    return text


def load_team_texts(
    campaign: Campaign, *, addresses: Addresses | None = None, base: Path | None = None
) -> Mapping[str, tuple[Text, ...]]:
    """By team slug, its recruitment texts filled in (by channel, then slug). Raises
    :class:`CampaignError` with every problem, each once (not once per team)."""
    if not campaign.teams:
        return {}
    addresses = addresses or campaign_addresses(campaign)
    problems: list[Problem] = []
    templates = []
    for source in team_sources(campaign, base):
        try:
            templates.append(_template(source))
        except CampaignError as error:
            problems.extend(error.problems)
    found: dict[str, tuple[Text, ...]] = {}
    failed: set[str] = set()
    for team in campaign.teams:
        texts = []
        for template in templates:
            if template.source.slug in failed:
                continue
            try:
                texts.append(_fill(template, campaign, addresses, team))
            except CampaignError as error:
                problems.extend(error.problems)
                failed.add(template.source.slug)
        found[team.slug] = tuple(sorted(texts, key=lambda t: (CHANNELS.index(t.channel), t.slug)))
    if problems:
        raise CampaignError(problems)
    return found
