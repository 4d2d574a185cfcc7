"""The posting plan's files (:mod:`campaignkit.kit.planning`): ``planning/planning.csv`` for
Excel and LibreOffice, ``planning/planning.ics`` for a calendar, and
``planning/planning-sprout-social.csv`` for Sprout Social's bulk scheduling.

``planning.csv`` is UTF-8 with a byte order mark, one header row in the campaign's language,
dates as its language writes them (Babel), cells separated as the language's spreadsheets
expect (a semicolon where the decimal sign is a comma, as in Belgium) and no cell that a
spreadsheet would read as a formula. The scheduler's file has the columns its bulk
scheduling documents (``date`` as dd/mm/yyyy, ``time_24hr``, ``message_text``).
``planning.ics`` has one timed event per post at its time in Brussels, with a reminder at
that time, and a UID that stays the same when the post moves.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

import icalendar
from babel.numbers import get_decimal_symbol

from campaignkit import i18n
from campaignkit.calendar import PRODID, TZID
from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.outputs.cards import social_card_path
from campaignkit.kit.planning import Post
from campaignkit.kit.records import Download, Output, PlanEntry
from campaignkit.markup import safe_url
from campaignkit.model import Campaign
from campaignkit.spreadsheets import neutralise_cell
from campaignkit.texts import LIMITS
from campaignkit.urls import KIT_FOLDER

PLANNING = "planning"
CSV_FILE = f"{PLANNING}/planning.csv"
ICS_FILE = f"{PLANNING}/planning.ics"
SCHEDULER = "sprout-social"
SCHEDULER_FILE = f"{PLANNING}/planning-{SCHEDULER}.csv"
#: How long a post's calendar event lasts.
POST_LENGTH = timedelta(minutes=15)
#: The columns of planning.csv, by their label in KIT_LABELS.
COLUMNS = ("date", "day", "time", "moment", "channel", "text", "link", "image")
SCHEDULER_COLUMNS = ("date", "time_24hr", "message_text")


def image(post: Post) -> str:
    """The social card a post shows, as a path in the kit ZIP."""
    return social_card_path(*post.card).removeprefix(f"{KIT_FOLDER}/")


def outputs(inputs: KitInputs) -> Iterator[Output]:
    if not inputs.plan:
        return
    source = inputs.source_name()
    yield Output(CSV_FILE, source, lambda: plan_csv(inputs.campaign, inputs.plan))
    yield Output(SCHEDULER_FILE, source, lambda: scheduler_csv(inputs.plan))
    yield Output(ICS_FILE, source, lambda: plan_calendar(inputs))


def separator(language: str) -> str:
    """The cell separator the language's spreadsheets read: ``;`` where the decimal sign is
    a comma (Excel's list separator then is a semicolon), else ``,``."""
    return ";" if get_decimal_symbol(i18n.babel_locale(language)) == "," else ","


def _csv(rows: Sequence[Sequence[str]], delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def plan_csv(campaign: Campaign, plan: Sequence[Post]) -> bytes:
    lang = campaign.language
    words = i18n.kit_labels(lang)
    channels = i18n.CHANNEL_LABELS[lang]
    rows = [[words[f"plan_column_{name}"] for name in COLUMNS]]
    for post in plan:
        rows.append(
            [
                i18n.format_numeric_date(post.day, lang),
                i18n.format_weekday(post.day, lang),
                i18n.format_time(post.at, lang),
                words[f"plan_{post.moment}"],
                channels[post.channel],
                post.text.plain.strip(),
                post.link or "",
                image(post),
            ]
        )
    return _csv(rows, separator(lang))


def scheduler_csv(plan: Sequence[Post]) -> bytes:
    """The plan as Sprout Social's bulk scheduling reads it: its column names, the date as
    dd/mm/yyyy (pick that order when importing), the time in 24 hours, the whole text with
    its link."""
    rows = [list(SCHEDULER_COLUMNS)]
    rows += [[f"{post.at:%d/%m/%Y}", f"{post.at:%H:%M}", post.text.plain.strip()] for post in plan]
    return _csv(rows, ",")


def plan_calendar(inputs: KitInputs) -> bytes:
    campaign, plan = inputs.campaign, inputs.plan
    words = inputs.words
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = i18n.phrase(words["plan_calendar_name"], inputs.language, title=campaign.title)
    calendar.add("x-wr-calname", icalendar.vText(" ".join(name.split())))
    calendar.add("x-wr-timezone", TZID)
    years = [post.day.year for post in plan]
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            TZID, first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1)
        )
    )
    stamp = inputs.calendars.stamp
    stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    for post in plan:
        calendar.add_component(_vevent(inputs, post, stamp))
    data: bytes = calendar.to_ical()
    return data


def _vevent(inputs: KitInputs, post: Post, stamp: datetime) -> icalendar.Event:
    words = inputs.words
    summary = words["plan_event"].format(title=" ".join(post.text.title.split()))
    description = post.text.plain.strip()
    description += "\n\n" + words["plan_event_image"].format(image=image(post))
    vevent = icalendar.Event()
    vevent.add("uid", f"{post.uid}@{inputs.campaign.slug}.planning.campaignkit")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", post.at)
    vevent.add("dtend", post.at + POST_LENGTH)
    vevent.add("summary", summary)
    vevent.add("description", description)
    url = safe_url(post.link)
    if url:
        vevent.add("url", url)
    vevent.add("transp", "TRANSPARENT")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))
    alarm.add("description", summary)
    vevent.add_component(alarm)
    return vevent


def entries(inputs: KitInputs) -> tuple[PlanEntry, ...]:
    lang, words = inputs.language, inputs.words
    channels = i18n.CHANNEL_LABELS[lang]
    return tuple(
        PlanEntry(
            id=f"post-{index}",
            when=words["plan_when"].format(
                day=i18n.format_day_short(post.day, lang), time=i18n.format_time(post.at, lang)
            ),
            moment=words[f"plan_{post.moment}"],
            channel=channels[post.channel],
            title=post.text.title,
            text=post.text.plain.strip(),
            limit=LIMITS.get(post.channel),
            link=post.link,
            image=image(post),
        )
        for index, post in enumerate(inputs.plan, 1)
    )


def files(inputs: KitInputs) -> tuple[Download, ...]:
    if not inputs.plan:
        return ()
    words = inputs.words
    return (
        Download(CSV_FILE, words["plan_csv"]),
        Download(ICS_FILE, words["plan_ics"]),
        Download(SCHEDULER_FILE, words["plan_scheduler"]),
    )
