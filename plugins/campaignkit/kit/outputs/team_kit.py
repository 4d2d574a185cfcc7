"""For each team, under ``ploegen/<team>/``: its flyer (A5, and twice on A4) with the QR
code of its page, and its captain's recruitment texts (plain text, Markdown and Word)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from datetime import datetime
from functools import partial

from campaignkit import i18n
from campaignkit.kit import flyers, qr
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.outputs.texts import text_outputs
from campaignkit.kit.records import Download, Listing, Output, TeamKitEntry, TextEntry
from campaignkit.model import Team
from campaignkit.texts import LIMITS, Text

TEAMS = "ploegen"
#: Actions a flyer names (the team's page has them all).
FLYER_ACTIONS = 3


def folder(team: Team) -> str:
    return f"{TEAMS}/{team.slug}"


def flyer_path(team: Team, paper: str) -> str:
    return f"{folder(team)}/flyer-{paper}.pdf"


def _spec(inputs: KitInputs, team: Team) -> flyers.FlyerSpec:
    campaign, words, lang = inputs.campaign, inputs.words, inputs.language
    titles = {a.slug: a.title for a in campaign.actions}
    count = team.households
    households = (
        words["flyer_household_one"]
        if count == 1
        else words["flyer_households"].format(count=i18n.format_number(count, lang, 0))
    )
    actions = [titles[c.action] for c in team.commitments if c.action in titles]
    lines = (households, *(f"• {title}" for title in actions[:FLYER_ACTIONS]))
    contact = campaign.contact.email + (
        f" · {campaign.contact.phone}" if campaign.contact.phone else ""
    )
    url = inputs.addresses.team(team.slug)
    period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
    return flyers.FlyerSpec(
        title=i18n.phrase(words["flyer_title"], lang, team=team.name),
        campaign=campaign.title,
        when=period[:1].upper() + period[1:],
        lines=lines,
        call=campaign.tagline or words["flyer_call"],
        scan=words["flyer_scan"] if url else words["flyer_more"],
        url=url,
        contact=contact,
        municipality=campaign.municipality.name,
        primary=campaign.branding.primary,
        accent=campaign.branding.accent,
        font_regular=str(inputs.face.regular),
        font_bold=str(inputs.face.bold),
        language=lang,
        # As the posters: the campaign's first day, not the build's date.
        created=datetime.combine(campaign.period.start, datetime.min.time()),
    )


def _flyer(inputs: KitInputs, spec: flyers.FlyerSpec, paper: str) -> bytes:
    return flyers.flyer(spec, paper, inputs.logo, qr.matrix(spec.url) if spec.url else None)


def _texts(inputs: KitInputs, team: Team) -> tuple[Text, ...]:
    return inputs.team_texts.get(team.slug, ())


def outputs(inputs: KitInputs) -> Iterator[Output]:
    campaign, face = inputs.campaign, inputs.face
    for team in campaign.teams:
        spec = _spec(inputs, team)
        for paper in flyers.PAPERS:
            yield Output(
                flyer_path(team, paper),
                inputs.source_name(f"teams/{team.slug}.yml"),
                make=partial(_flyer, inputs, spec, paper),
                kind="flyer",
                key={
                    **asdict(spec),
                    "paper": paper,
                    "font_regular": face.digest,
                    "font_bold": "",
                    "logo": inputs.logo_digest,
                },
            )
        for text in _texts(inputs, team):
            yield from _text_outputs(inputs, team, text)


def _text_outputs(inputs: KitInputs, team: Team, text: Text) -> Iterator[Output]:
    yield from text_outputs(inputs, text, f"{folder(team)}/{text.slug}")


def entries(inputs: KitInputs, listing: Listing) -> tuple[TeamKitEntry, ...]:
    words = inputs.words
    channels = i18n.CHANNEL_LABELS[inputs.language]
    found = []
    for team in sorted(inputs.campaign.teams, key=lambda t: (t.name.casefold(), t.slug)):
        flyer_downloads = tuple(
            Download(
                flyer_path(team, paper),
                words[f"flyer_{paper.replace('-', '_')}"].format(
                    size=listing.size(flyer_path(team, paper)) // 1024
                ),
            )
            for paper in flyers.PAPERS
        )
        texts = tuple(
            TextEntry(
                text,
                f"ploeg-{team.slug}-{text.slug}",
                channels[text.channel],
                LIMITS.get(text.channel),
                (
                    Download(f"{folder(team)}/{text.slug}.docx", "Word (.docx)"),
                    Download(f"{folder(team)}/{text.slug}.txt", words["plain_text"]),
                    Download(f"{folder(team)}/{text.slug}.md", "Markdown (.md)"),
                ),
            )
            for text in _texts(inputs, team)
        )
        found.append(
            TeamKitEntry(
                team.name, team.slug, inputs.addresses.team(team.slug), flyer_downloads, texts
            )
        )
    return tuple(found)
