"""The posting plan: which post to make when (the launch, each event's announcement and
reminder, each news item, halfway and the last week), its texts within their limit, and its
files as Excel, LibreOffice, a calendar and a scheduler read them."""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from support.campaigns import DEFAULT, write_campaign

from campaignkit.kit import Kit, build_kit
from campaignkit.kit.outputs.planning import CSV_FILE, ICS_FILE, SCHEDULER_FILE
from campaignkit.kit.planning import POST_TIME, Post, posting_plan
from campaignkit.model import Campaign
from campaignkit.problems import CampaignError
from campaignkit.texts import LIMITS, campaign_addresses, load_texts
from campaignkit.validation import load_campaign

#: 1 February 2027, 10:00 in Brussels: before the default campaign's period (March–June).
STAMP = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
ROOT = "https://klimaat.zonnebeke.be/"


def event(day: str, **fields: object) -> dict[str, object]:
    return {**DEFAULT.events["straatfeest"], "start": f"{day} 14:00", **fields}  # type: ignore[dict-item]


def load(tmp_path: Path, **changes: object) -> Campaign:
    return load_campaign(write_campaign(tmp_path / "campaigns", **changes))  # type: ignore[arg-type]


def plan(campaign: Campaign, today: date) -> tuple[Post, ...]:
    addresses = campaign_addresses(campaign)
    return posting_plan(campaign, addresses, load_texts(campaign, addresses=addresses), today)


def moments(posts: tuple[Post, ...]) -> list[tuple[str, str, date]]:
    return [(post.moment, post.subject, post.day) for post in posts]


def test_the_plan_has_every_moment_in_time_order(tmp_path: Path) -> None:
    campaign = load(tmp_path)  # 1 March to 30 June; the street party on 15 May
    assert moments(plan(campaign, date(2027, 2, 1))) == [
        ("launch", "", date(2027, 3, 1)),
        ("halfway", "", date(2027, 4, 30)),
        ("announcement", "straatfeest", date(2027, 5, 1)),
        ("reminder", "straatfeest", date(2027, 5, 13)),
        ("last_week", "", date(2027, 6, 24)),
    ]


def test_an_event_soon_after_the_launch_is_not_announced_before_it(tmp_path: Path) -> None:
    campaign = load(tmp_path, events={"straatfeest": event("2027-03-06")})
    found = moments(plan(campaign, date(2027, 2, 1)))
    assert ("reminder", "straatfeest", date(2027, 3, 4)) in found
    assert not [m for m in found if m[0] == "announcement"]
    assert min(day for _, _, day in found) == date(2027, 3, 1)


def test_an_event_the_day_after_the_launch_gets_no_post_before_it(tmp_path: Path) -> None:
    campaign = load(tmp_path, events={"straatfeest": event("2027-03-02")})
    assert [m for m in moments(plan(campaign, date(2027, 2, 1))) if m[1]] == []


def test_nothing_is_planned_in_the_past_of_the_build_date(tmp_path: Path) -> None:
    campaign = load(
        tmp_path,
        events={
            "straatfeest": event("2027-05-15"),
            "voorbij": event("2027-04-10"),
            "morgen": event("2027-05-12"),
        },
    )
    today = date(2027, 5, 10)
    found = moments(plan(campaign, today))
    assert all(day >= today for _, _, day in found)
    assert [m for m in found if m[1] == "voorbij"] == []
    # Its announcement (28 April) is past; its reminder, today, is still to do.
    assert ("reminder", "morgen", date(2027, 5, 10)) in found
    assert ("announcement", "morgen", date(2027, 4, 28)) not in found
    assert ("reminder", "straatfeest", date(2027, 5, 13)) in found
    assert ("launch", "", date(2027, 3, 1)) not in found
    assert plan(campaign, date(2027, 7, 1)) == ()


def test_a_cancelled_event_gets_no_posts(tmp_path: Path) -> None:
    campaign = load(tmp_path, events={"straatfeest": event("2027-05-15", status="cancelled")})
    assert [m for m in moments(plan(campaign, date(2027, 2, 1))) if m[1]] == []


def test_news_is_posted_on_its_date_once_published(tmp_path: Path) -> None:
    news = {"juni": {"title": "Juni is begonnen", "date": "2027-06-01", "summary": "Het is juni."}}
    campaign = load(tmp_path, news=news)
    before = build_kit(campaign, cache_dir=tmp_path / "cache", stamp=STAMP)
    assert "nieuws-juni" not in before.files[f"kit/{CSV_FILE}"].decode("utf-8-sig")
    on_the_day = build_kit(
        campaign, cache_dir=tmp_path / "cache", stamp=datetime(2027, 5, 31, 22, 30, tzinfo=UTC)
    )
    rows = read_csv(on_the_day.files[f"kit/{CSV_FILE}"])
    [row] = [r for r in rows[1:] if r[3] == "Nieuwsbericht"]
    assert row[0] == "1/6/2027"
    assert row[5].startswith("📰 Nieuws uit Zonnebeke: Juni is begonnen")
    assert row[6] == f"{ROOT}nieuws/juni/"
    assert row[7] == "beelden/kaarten/nieuws-juni-1200x630.jpg"


def test_posts_of_one_day_are_half_an_hour_apart(tmp_path: Path) -> None:
    # The street party's reminder falls on the last week's first day.
    campaign = load(tmp_path, events={"straatfeest": event("2027-06-26")})
    [reminder, last_week] = [p for p in plan(campaign, STAMP.date()) if p.day == date(2027, 6, 24)]
    assert (reminder.moment, last_week.moment) == ("reminder", "last_week")
    assert last_week.at - reminder.at == timedelta(minutes=30)


def test_a_post_keeps_its_local_time_across_a_clock_change(tmp_path: Path) -> None:
    # Summer time starts on 28 March 2027: the launch is in winter, the announcement after.
    campaign = load(tmp_path, events={"straatfeest": event("2027-04-10")})
    posts = {post.moment: post for post in plan(campaign, STAMP.date())}
    launch, announced = posts["launch"], posts["announcement"]
    for post in (launch, announced):
        assert post.at.time() == POST_TIME
    assert launch.at.utcoffset() == timedelta(hours=1)
    assert announced.day == date(2027, 3, 27)  # the Saturday before the change
    reminder = posts["reminder"]  # 8 April: summer time
    assert reminder.at.utcoffset() == timedelta(hours=2)
    assert reminder.at.time() == POST_TIME
    data = kit_of(campaign, tmp_path).files[f"kit/{ICS_FILE}"]
    calendar = icalendar.Calendar.from_ical(data)
    starts = {str(e["uid"]).split("@")[0]: e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert starts["launch-campagne"].hour == 10
    assert starts["reminder-straatfeest"].hour == 10
    assert starts["launch-campagne"].astimezone(UTC).hour == 9
    assert starts["reminder-straatfeest"].astimezone(UTC).hour == 8
    assert b"DTSTART;TZID=Europe/Brussels:20270301T100000" in data
    assert b"DTSTART;TZID=Europe/Brussels:20270408T100000" in data


def test_every_text_is_filled_in_and_within_its_channels_limit(tmp_path: Path) -> None:
    long_title = "Een heel lange titel voor een activiteit in de straat " * 2
    campaign = load(
        tmp_path,
        events={"straatfeest": event("2027-05-15", title=long_title[:120])},
    )
    for post in plan(campaign, STAMP.date()):
        assert post.channel == "social"
        assert 0 < len(post.text.plain.strip()) <= LIMITS["social"]
        assert "{{" not in post.text.plain
        if post.link:
            assert post.link in post.text.plain  # shortened, a post keeps its link
    reminder = next(p for p in plan(campaign, STAMP.date()) if p.moment == "reminder")
    assert reminder.link == f"{ROOT}agenda/straatfeest/"


def test_without_a_public_address_the_plan_has_no_links(tmp_path: Path) -> None:
    campaign = load(tmp_path, campaign={"site_url": None})
    posts = plan(campaign, STAMP.date())
    assert posts and all(post.link is None for post in posts)
    assert not any("http" in post.text.plain for post in posts)


# -- the files ---------------------------------------------------------------------------


def kit_of(campaign: Campaign, tmp_path: Path) -> Kit:
    return build_kit(campaign, cache_dir=tmp_path / "cache", stamp=STAMP)


def read_csv(data: bytes, delimiter: str = ";") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


@pytest.fixture(scope="module")
def hostile_kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    folder = write_campaign(
        tmp_path_factory.mktemp("campaigns"),
        campaign={"title": '=HYPERLINK("http://example.com")', "tagline": None},
        events={"straatfeest": event("2027-05-15", title="+cmd|' /C calc'!A0")},
        texts={
            "planning/lancering.md": """\
                ---
                title: Start
                channel: social
                ---
                {{ campaign.title }} begint.
                """,
            "planning/herinnering.md": """\
                ---
                title: Herinnering
                channel: social
                ---
                @SUM(1+1) {{ event.title }}
                """,
        },
    )
    return build_kit(load_campaign(folder), cache_dir=tmp_path_factory.mktemp("c"), stamp=STAMP)


def test_the_csv_opens_in_excel_and_libreoffice(hostile_kit: Kit) -> None:
    data = hostile_kit.files[f"kit/{CSV_FILE}"]
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: accents read right
    assert b"\r\n" in data
    rows = read_csv(data)
    assert rows[0] == ["Datum", "Dag", "Uur", "Moment", "Kanaal", "Tekst", "Webadres", "Beeld"]
    assert all(len(row) == 8 for row in rows)
    assert rows[1][:5] == ["1/3/2027", "maandag", "10:00", "Start van de campagne", "sociale media"]
    # No cell starts a formula: the hostile titles and the text starting with '@' are text.
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    texts = [row[5] for row in rows[1:]]
    assert texts[0] == '\'=HYPERLINK("http://example.com") begint.'
    assert "'@SUM(1+1) +cmd|' /C calc'!A0" in texts


def test_the_scheduler_file_has_its_documented_columns(hostile_kit: Kit) -> None:
    data = hostile_kit.files[f"kit/{SCHEDULER_FILE}"]
    rows = read_csv(data, ",")
    assert rows[0] == ["date", "time_24hr", "message_text"]
    assert rows[1][:2] == ["01/03/2027", "10:00"]
    times = [datetime.strptime(f"{d} {t}", "%d/%m/%Y %H:%M") for d, t, _ in rows[1:]]
    assert times == sorted(times)
    assert all(b - a >= timedelta(minutes=10) for a, b in itertools.pairwise(times))
    for _, _, text in rows[1:]:
        assert not text.startswith(("=", "+", "-", "@"))


def test_the_calendar_has_one_event_per_post_with_a_stable_uid(hostile_kit: Kit) -> None:
    data = hostile_kit.files[f"kit/{ICS_FILE}"]
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    rows = read_csv(hostile_kit.files[f"kit/{CSV_FILE}"])
    assert len(events) == len(rows) - 1
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "announcement-straatfeest@zonnebeke.planning.campaignkit" in uids
    for vevent in events:
        start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
        assert str(start.tzinfo) == "Europe/Brussels" and start.time() == POST_TIME
        assert end - start == timedelta(minutes=15)
        assert vevent["dtstamp"].dt == STAMP
        [alarm] = vevent.walk("VALARM")
        assert alarm["action"] == "DISPLAY"
        assert "beelden/kaarten/" in str(vevent["description"])
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Brussels"
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_a_uid_stays_when_the_event_moves(tmp_path: Path) -> None:
    first = load(tmp_path / "a", events={"straatfeest": event("2027-05-15")})
    moved = load(tmp_path / "b", events={"straatfeest": event("2027-05-22")})
    uids = [{p.uid for p in plan(c, STAMP.date())} for c in (first, moved)]
    assert uids[0] == uids[1]


def test_the_plan_is_on_the_kit_page_and_in_the_zip(tmp_path: Path) -> None:
    kit = kit_of(load(tmp_path), tmp_path)
    html = kit.page_html
    assert 'id="planning"' in html
    assert '<table class="ck-kit-plan">' in html
    assert '<th scope="row">ma 1 mrt, 10:00</th>' in html
    assert 'href="planning/planning.csv"' in html
    assert 'href="planning/planning.ics"' in html
    assert 'href="planning/planning-sprout-social.csv"' in html
    assert 'href="beelden/kaarten/activiteit-straatfeest-1200x630.jpg"' in html
    assert f'<a href="{ROOT}agenda/straatfeest/">' in html
    with zipfile.ZipFile(io.BytesIO(kit.archive)) as archive:
        names = set(archive.namelist())
        assert {CSV_FILE, ICS_FILE, SCHEDULER_FILE} <= names
        rows = read_csv(archive.read(CSV_FILE))
        assert {row[7] for row in rows[1:]} <= names  # every image is in the ZIP
        assert "planning/" in archive.read("LEESMIJ.txt").decode("utf-8")


def test_a_plan_in_french_and_english(tmp_path: Path) -> None:
    for language, header in (
        ("fr", ["Date", "Jour", "Heure", "Moment", "Canal", "Texte", "Lien", "Image"]),
        ("en", ["Date", "Day", "Time", "Moment", "Channel", "Text", "Link", "Image"]),
    ):
        campaign = load(tmp_path / language, campaign={"language": language})
        data = kit_of(campaign, tmp_path / language).files[f"kit/{CSV_FILE}"]
        rows = read_csv(data, ";" if language == "fr" else ",")
        assert rows[0] == header
        assert rows[1][0] == "01/03/2027"


def test_a_campaign_replaces_a_plan_text_and_a_wrong_name_is_a_problem(tmp_path: Path) -> None:
    own = """\
        ---
        title: Onze start
        channel: social
        ---
        Het begint! {{ url }}
        """
    campaign = load(tmp_path, texts={"planning/lancering.md": own})
    [launch] = [p for p in plan(campaign, STAMP.date()) if p.moment == "launch"]
    assert launch.text.plain.strip() == f"Het begint! {ROOT}"
    assert not launch.text.default
    with pytest.raises(CampaignError) as error:
        load(tmp_path / "x", texts={"planning/start.md": own})
    [problem] = error.value.problems
    assert problem.file.endswith("texts/planning/start.md")
    assert "lancering.md" in (problem.hint or "")


def test_an_own_plan_text_over_the_limit_is_a_located_problem(tmp_path: Path) -> None:
    long = "---\ntitle: Te lang\nchannel: social\n---\n" + "Heel lang. " * 40 + "\n"
    with pytest.raises(CampaignError) as error:
        load(tmp_path, texts={"planning/herinnering.md": long})
    assert any(
        p.file.endswith("texts/planning/herinnering.md") and "280" in p.message
        for p in error.value.problems
    )


def test_a_repeating_event_is_announced_once_and_reminded_before_each_date(tmp_path: Path) -> None:
    weekly = event(
        "2027-05-04",
        repeat={"every": "week", "until": "2027-05-25", "except": ["2027-05-18"]},
    )
    campaign = load(tmp_path, events={"straatfeest": weekly})
    posts = [p for p in plan(campaign, date(2027, 2, 1)) if p.subject == "straatfeest"]
    assert [(p.moment, p.day) for p in posts] == [
        ("announcement", date(2027, 4, 20)),
        ("reminder", date(2027, 5, 2)),
        ("reminder", date(2027, 5, 9)),
        ("reminder", date(2027, 5, 23)),
    ]
    assert len({p.uid for p in posts}) == len(posts)
    # each reminder's text is about its own date
    assert "11 mei" not in posts[1].text.markdown and "11 mei" in posts[2].text.markdown
    # a date already past is not reminded any more; the next ones still are
    later = [p for p in plan(campaign, date(2027, 5, 8)) if p.subject == "straatfeest"]
    assert [(p.moment, p.day) for p in later] == [
        ("reminder", date(2027, 5, 9)),
        ("reminder", date(2027, 5, 23)),
    ]
