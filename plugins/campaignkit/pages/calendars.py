"""The site's calendar files: one per event and one for the whole campaign, the same
files the kit offers (made once, see :func:`campaignkit.calendar.calendar_files`)."""

from __future__ import annotations

from campaignkit.calendar import calendar_files
from campaignkit.pages.context import SiteContext
from campaignkit.pages.site import Asset
from campaignkit.urls import CAMPAIGN_ICS, event_ics


def calendars(context: SiteContext) -> list[Asset]:
    made = context.kit.calendars if context.kit is not None else None
    files = calendar_files(
        context.campaign, context.addresses, context.stamp, context.cache, made=made
    )
    events = [Asset.of(event_ics(event.slug), files.of(event.slug)) for event in context.events]
    return [*events, Asset.of(CAMPAIGN_ICS, files.feed)]
