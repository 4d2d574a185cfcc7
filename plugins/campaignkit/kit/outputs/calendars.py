"""The calendar files: the campaign's, then one per event. They are the site's own files
(:func:`campaignkit.calendar.calendar_files`), made once for both."""

from __future__ import annotations

from collections.abc import Iterator

from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.records import CalendarEntry, Output

CALENDARS = "agenda"
FEED_NAME = "alle-activiteiten"


def outputs(inputs: KitInputs) -> Iterator[Output]:
    campaign, calendars = inputs.campaign, inputs.calendars
    for item in calendars.events:
        source = inputs.source_name(f"events/{item.event}.yml")
        yield Output(f"{CALENDARS}/{item.event}.ics", source, ready=item.data)
    if campaign.events:
        yield Output(f"{CALENDARS}/{FEED_NAME}.ics", inputs.source_name(), ready=calendars.feed)


def entries(inputs: KitInputs) -> tuple[CalendarEntry, ...]:
    campaign = inputs.campaign
    if not campaign.events:
        return ()
    feed = CalendarEntry(inputs.words["all_events"], f"{CALENDARS}/{FEED_NAME}.ics")
    return (
        feed,
        *(CalendarEntry(e.title, f"{CALENDARS}/{e.slug}.ics") for e in campaign.events),
    )
