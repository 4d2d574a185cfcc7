"""Every text as plain text, Markdown and a Word document with the municipal logo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import partial

from campaignkit import i18n
from campaignkit.kit import documents
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import Download, Output, TextEntry
from campaignkit.texts import LIMITS, Text

TEXTS = "teksten"


def _base(text: Text) -> str:
    return f"{TEXTS}/{text.slug}"


def outputs(inputs: KitInputs) -> Iterator[Output]:
    for text in inputs.texts:
        yield from text_outputs(inputs, text, _base(text))


def text_outputs(inputs: KitInputs, text: Text, base: str) -> Iterator[Output]:
    """A text's three files, ``<base>.txt``, ``.md`` and ``.docx`` (the campaign's texts and
    each team's)."""
    campaign = inputs.campaign
    created = datetime.combine(campaign.period.start, datetime.min.time())
    yield Output(f"{base}.txt", text.source, partial(documents.text_file, text.plain))
    yield Output(
        f"{base}.md", text.source, partial(documents.markdown_file, text.title, text.markdown)
    )
    yield Output(
        f"{base}.docx",
        text.source,
        make=partial(_docx, inputs, text, created),
        kind="docx",
        key={
            "markdown": text.markdown,
            "title": text.title,
            "author": campaign.municipality.name,
            "language": inputs.language,
            "created": created.isoformat(),
            "logo": inputs.logo_digest,
            "link": campaign.branding.primary,
        },
    )


def _docx(inputs: KitInputs, text: Text, created: datetime) -> bytes:
    campaign = inputs.campaign
    return documents.docx(
        text.blocks,
        title=text.title,
        author=campaign.municipality.name,
        language=inputs.language,
        created=created,
        logo=inputs.logo,
        link_colour=campaign.branding.primary,
    )


def entries(inputs: KitInputs) -> tuple[TextEntry, ...]:
    channels = i18n.CHANNEL_LABELS[inputs.language]
    return tuple(
        TextEntry(
            text,
            f"tekst-{text.slug}",
            channels[text.channel],
            LIMITS.get(text.channel),
            (
                Download(f"{_base(text)}.docx", "Word (.docx)"),
                Download(f"{_base(text)}.txt", inputs.words["plain_text"]),
                Download(f"{_base(text)}.md", "Markdown (.md)"),
            ),
        )
        for text in inputs.texts
    )
