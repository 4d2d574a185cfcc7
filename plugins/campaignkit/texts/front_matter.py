"""The front matter of a kit text, ``texts/<slug>.md``: a record checked like every
campaign file, its errors in Dutch at their place."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from campaignkit.fields import Line, Title
from campaignkit.model import Audience, Record

Channel = Literal["newsletter", "social", "press", "poster", "letter", "email", "whatsapp"]
CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]


def _one_or_more(value: object) -> object:
    """One audience may be written without a list."""
    return [value] if isinstance(value, str) else value


class TextFrontMatter(Record):
    """The block at the top of a kit text, ``texts/<slug>.md``. Whether its action or
    event exists is checked against the campaign (:mod:`campaignkit.texts`)."""

    title: Title
    channel: Channel
    audience: Annotated[tuple[Audience, ...], BeforeValidator(_one_or_more)] = ()
    action: Line | None = None
    event: Line | None = None
