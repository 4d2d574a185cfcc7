"""The moment of a build, the one clock every dated output reads."""

from __future__ import annotations

from datetime import UTC, datetime


def build_date(source_date_epoch: str | None) -> datetime:
    """The moment of the build: ``SOURCE_DATE_EPOCH`` when set (reproducible), else now (UTC)."""
    if source_date_epoch and source_date_epoch.strip().isdigit():
        return datetime.fromtimestamp(int(source_date_epoch.strip()), tz=UTC)
    return datetime.now(tz=UTC)
