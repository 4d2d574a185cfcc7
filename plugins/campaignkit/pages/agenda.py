"""The agenda (upcoming and past events, the calendar feed) and one page per event."""

from __future__ import annotations

from campaignkit.calendar import google_calendar_url, outlook_calendar_url
from campaignkit.model import Event
from campaignkit.pages.context import SiteContext, is_past
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.repeats import MAX_OCCURRENCES, occurrences
from campaignkit.urls import AGENDA, CAMPAIGN_ICS, event_ics, event_src, page_url


def agenda(context: SiteContext) -> PageSpec:
    upcoming = context.upcoming()
    html = context.render(
        "agenda.html",
        AGENDA,
        upcoming=upcoming,
        # A repeating event has dates beyond those listed: its page has them all.
        more_dates=len(context.upcoming(per_event=MAX_OCCURRENCES)) > len(upcoming),
        past=context.past(),
        campaign_ics=CAMPAIGN_ICS,
    )
    return page_spec(
        AGENDA,
        context.words["agenda"],
        context.about("agenda_description"),
        html,
        in_nav=True,
        nav_title=context.words["agenda"],
        hide=("navigation",),
        preview=context.preview(None),
    )


def event_page(context: SiteContext, event: Event) -> PageSpec:
    src = event_src(event.slug)
    absolute = context.absolute(page_url(src))
    picture = context.pictures.events.get(event.slug)
    dates = occurrences(event)
    coming = [item for item in dates if not is_past(item, context.today)]
    # A repeating event's page tells of its next date (or its last, once all are past).
    shown = coming[0] if coming else dates[-1]
    html = context.render(
        "event.html",
        src,
        event=event,
        shown=shown,
        coming=coming if event.repeat else (),
        gone=[item for item in dates if item not in coming] if event.repeat else (),
        picture=picture,
        past=not coming,
        actions=context.actions_of[event.slug],
        news=context.news_of_event[event.slug],
        map_url=context.map_url(event),
        ics=event_ics(event.slug),
        google=google_calendar_url(context.campaign, event, absolute),
        # Outlook's link takes one date: the next.
        outlook=outlook_calendar_url(context.campaign, shown, absolute),
    )
    words = context.words
    when = context.format.series(event) if event.repeat else context.format.when(event)
    place = event.location.name if event.location else words["online"]
    description = f"{when} – {place}"
    if event.status == "cancelled":
        description = f"{words['cancelled']}: {description}"
    return page_spec(
        src,
        event.title,
        description,
        html,
        hide=("navigation",),
        preview=context.preview(picture, ("event", event.slug)),
    )
