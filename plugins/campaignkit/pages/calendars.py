"""The site's calendar files: one per event and one for the whole campaign."""

from __future__ import annotations

from campaignkit.calendar import campaign_calendar, event_calendar
from campaignkit.model import Event
from campaignkit.pages.context import SiteContext
from campaignkit.pages.site import Asset
from campaignkit.urls import CAMPAIGN_ICS, event_ics, event_url


def calendars(context: SiteContext) -> list[Asset]:
    def url_for(event: Event) -> str | None:
        return context.absolute(event_url(event.slug))

    cache = context.cache
    calendars = [
        (
            event_ics(event.slug),
            event_calendar(
                context.campaign, event, page_url=url_for(event), stamp=context.stamp, cache=cache
            ),
        )
        for event in context.events
    ]
    calendars.append(
        (
            CAMPAIGN_ICS,
            campaign_calendar(context.campaign, url_for=url_for, stamp=context.stamp, cache=cache),
        )
    )
    return [Asset(path, data) for path, data in calendars]
