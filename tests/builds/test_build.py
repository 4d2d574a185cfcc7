"""Whole builds with Material: ``mkdocs build --strict`` and ``properdocs build --strict``.

A tiny campaign with hostile text is written into a temporary project (a copy of the
repository's ``mkdocs.yml`` and ``theme_overrides/``), built in a subprocess, and the
output HTML, calendars and styles are checked as a browser would receive them.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from support.campaigns import Sample, picture, write_campaign
from support.projects import REPO, make_project

from campaignkit.validation import find_campaigns

TOOLS = ("mkdocs", "properdocs")
HOSTILE = '"><script>alert(1)</script>'
TITLE = f"Tom & Jerry {HOSTILE}"
#: 1 May 2027, noon UTC: the build's "today" and the calendars' DTSTAMP day.
EPOCH = str(int(datetime(2027, 5, 1, 12, tzinfo=UTC).timestamp()))

DEMO = Sample(
    campaign={
        "title": TITLE,
        "tagline": f"Samen <b>sterk</b> & {HOSTILE}",
        "intro": "Doe mee! <script>alert(2)</script> [klik](javascript:alert(3))\n",
        "language": "nl",
        "municipality": {"name": "Asse", "website": "https://www.asse.be"},
        "period": {"start": "2027-03-01", "end": "2027-10-31"},
        "contact": {"name": "Klimaatloket", "email": "klimaat@asse.be", "phone": "0471 12 34 56"},
        "signup_url": "https://forms.example.org/inschrijven",
        "site_url": "https://klimaat.example.be/",
        "branding": {"primary": "#1b5e20", "accent": "#f9a825", "logo": "images/logo.png"},
        "hero": {
            "image": "images/hero.jpg",
            "alt": f"Een straat vol groen & {HOSTILE}",
            "credit": "Ann",
            "licence": f"CC BY {HOSTILE}",
        },
        "partners": [
            {
                "id": "coop",
                "name": f"Coöperatie {HOSTILE}",
                "url": "https://coop.example.org",
                "logo": "images/coop.png",
            }
        ],
    },
    actions={
        "geveltuinen": {
            "title": f"Geveltuinen voor {HOSTILE} & co",
            "summary": f"Plant een geveltuin. {HOSTILE}",
            "theme": "vergroening",
            "audience": ["inwoners", "gezinnen"],
            "status": "running",
            "body": "## Zo werkt het\n\nBel **0471 12 34 56**. <img src=x onerror=alert(4)>\n",
            "partners": ["coop"],
            "events": ["workshop"],
        }
    },
    events={
        "workshop": {
            "title": f"Workshop {HOSTILE}",
            "start": "2027-05-15 18:00",
            "end": "20:00",
            "location": {"name": f"Zaal {HOSTILE}", "address": "Stationsplein 3, 1730 Asse"},
            "registration_url": "https://forms.example.org/workshop",
            "description": "Bel 0471 12 34 56 en kom om 18:00 naar de zaal.\n",
        },
        "markt": {
            "title": "Klimaatmarkt",
            "start": "2027-06-12",
            "location": {"name": "Gemeenteplein"},
            "status": "cancelled",
        },
    },
    images={
        "images/hero.jpg": functools.partial(picture, 1600, 900, kind="JPEG"),
        "images/logo.png": functools.partial(picture, 256, 256),
        "images/coop.png": functools.partial(picture, 400, 200),
    },
)

PAGES = (
    "index.html",
    "acties/index.html",
    "acties/geveltuinen/index.html",
    "agenda/index.html",
    "agenda/workshop/index.html",
    "agenda/markt/index.html",
    "partners/index.html",
    "toegankelijkheid/index.html",
    "privacy/index.html",
)
FILES = (
    "agenda/workshop.ics",
    "agenda/markt.ics",
    "agenda.ics",
    "assets/campaignkit/branding.css",
    "assets/campaignkit/campaignkit.css",
    "assets/campaignkit/campaignkit.js",
)


def run_build(
    tool: str, project: Path, site: Path, *, campaign: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    env.pop("CAMPAIGN", None)
    if campaign:
        env["CAMPAIGN"] = campaign
    command = [sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml"]
    return subprocess.run(
        [*command, "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module", params=TOOLS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp(request.param) / "project")
    write_campaign(project / "campaigns", "demo", base=DEMO)
    site = project / "site"
    result = run_build(request.param, project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return site


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def texts(page: str, pattern: str) -> list[str]:
    """The unescaped text of every match of ``pattern``'s first group."""
    return [html.unescape(match) for match in re.findall(pattern, page, re.DOTALL)]


def test_every_page_and_file_of_the_url_contract_exists(built: Path) -> None:
    for path in (*PAGES, *FILES):
        assert (built / path).is_file(), path
    assert not any((built / "docs").glob("*"))


def test_titles_are_escaped_once_and_show_the_text_as_written(built: Path) -> None:
    home = read(built, "index.html")
    assert texts(home, r"<title>(.*?)</title>") == [TITLE]
    assert texts(home, r'<meta property="og:title" content="([^"]*)"') == [TITLE]
    assert texts(home, r'<meta name="description" content="([^"]*)"') == [
        f"Samen <b>sterk</b> & {HOSTILE}"
    ]
    assert "Tom &amp; Jerry &#34;&gt;&lt;script&gt;" in home  # the h1, escaped once
    assert "&amp;amp;" not in home and "&amp;#34;" not in home  # never twice
    action = read(built, "acties/geveltuinen/index.html")
    assert texts(action, r"<title>(.*?)</title>") == [f"Geveltuinen voor {HOSTILE} & co - {TITLE}"]
    topic = texts(
        action, r'data-md-component="header-topic">\s*<span class="md-ellipsis">(.*?)</span>'
    )
    assert [t.strip() for t in topic] == [f"Geveltuinen voor {HOSTILE} & co"]


def test_hostile_text_is_inert_everywhere(built: Path) -> None:
    for path in built.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert "<script>alert" not in page, path
        assert "javascript:" not in page, path
        assert "onerror=" not in page.replace("onerror=alert(4)&gt;", ""), path
        assert "<b>sterk" not in page, path
    index = read(built, "search/search_index.json")
    assert "<script>alert" not in index


def test_credit_and_licence_under_the_hero(built: Path) -> None:
    home = read(built, "index.html")
    captions = texts(home, r'<figcaption class="ck-credit">(.*?)</figcaption>')
    assert captions == [f"Beeld: Ann (CC BY {HOSTILE})"]


def test_numbers_and_times_stay_as_written(built: Path) -> None:
    home = read(built, "index.html")
    assert "0471 12 34 56" in home
    assert "0471 12 34 56" in read(built, "acties/geveltuinen/index.html")
    event = read(built, "agenda/workshop/index.html")
    assert "zaterdag 15 mei 2027, van 18:00 tot 20:00" in event
    assert "18:00" in read(built, "agenda/index.html")


def test_calendars_parse_and_keep_the_time(built: Path) -> None:
    data = (built / "agenda/workshop.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (18, 0)
    assert start.date().isoformat() == "2027-05-15"
    description = str(event.get("DESCRIPTION"))
    assert "0471 12 34 56" in description and "18:00" in description
    assert "https://klimaat.example.be/agenda/workshop/" in description
    feed = icalendar.Calendar.from_ical((built / "agenda.ics").read_bytes())
    assert len(feed.walk("VEVENT")) == 2
    cancelled = icalendar.Calendar.from_ical((built / "agenda/markt.ics").read_bytes())
    assert str(cancelled.walk("VEVENT")[0].get("STATUS")).upper() == "CANCELLED"


_EXTERNAL = re.compile(r"""(?:https?:)?//""")


def test_no_third_party_requests(built: Path) -> None:
    for path in built.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        if path.suffix == ".css":
            assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", text), path
        if path.suffix != ".html":
            continue
        for tag in re.findall(r"<link\b[^>]*>", text):
            rel = re.search(r'rel="([^"]*)"', tag)
            href = re.search(r'href="([^"]*)"', tag)
            if rel and rel.group(1) in ("canonical", "alternate"):
                continue
            assert not (href and _EXTERNAL.match(href.group(1))), (path, tag)
        for tag in re.findall(r"<(?:script|img|iframe|source|video|audio)\b[^>]*>", text):
            for src in re.findall(r'\b(?:src|srcset)="([^"]*)"', tag):
                assert not _EXTERNAL.match(src), (path, tag)


def _inodes(folder: Path) -> dict[tuple[int, int], Path]:
    return {(p.stat().st_dev, p.stat().st_ino): p for p in folder.rglob("*") if p.is_file()}


def test_generated_files_are_links_to_the_kit_cache(built: Path) -> None:
    stored = _inodes(built.parent / ".cache" / "campaignkit" / "kit" / "objects")
    made = [
        p
        for p in [*(built / "kit").rglob("*"), *(built / "images").rglob("*")]
        if p.suffix in (".jpg", ".png", ".pdf", ".docx", ".zip", ".svg")
    ]
    assert {p.suffix for p in made} == {".jpg", ".png", ".pdf", ".docx", ".zip", ".svg"}
    for path in made:
        assert (path.stat().st_dev, path.stat().st_ino) in stored, path
    # Texts made on every build are written, not linked.
    assert (built / "kit" / "LEESMIJ.txt").stat().st_nlink == 1


def test_a_file_that_cannot_be_linked_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campaignkit.mkdocs import site as adapter

    (tmp_path / "cache" / "kit").mkdir(parents=True)
    (tmp_path / "cache" / "kit" / "a.pdf").write_bytes(b"%PDF stored")
    site = tmp_path / "site"
    (site / "kit").mkdir(parents=True)
    (site / "kit" / "a.pdf").write_bytes(b"from an earlier build")

    def no_links(*args: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    linked = adapter.LinkedFile("kit/a.pdf", str(tmp_path / "cache"), str(site), True)
    linked.copy_file()
    assert (site / "kit" / "a.pdf").stat().st_nlink == 2
    monkeypatch.setattr(adapter.os, "link", no_links)
    (site / "kit" / "a.pdf").unlink()
    linked.copy_file()
    assert (site / "kit" / "a.pdf").read_bytes() == b"%PDF stored"
    assert (site / "kit" / "a.pdf").stat().st_nlink == 1


def test_search_finds_pages_for_residents_not_the_kit(built: Path) -> None:
    index = json.loads(read(built, "search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(place.startswith("acties/") for place in locations)
    assert any(place.startswith("agenda/") for place in locations)
    assert (built / "kit" / "index.html").is_file()
    assert not [place for place in locations if place.startswith("kit/")]


def test_links_work_under_a_prefix(built: Path) -> None:
    # 404.html is served at any depth, so MkDocs roots its links at site_url's path.
    for path in set(built.rglob("*.html")) - {built / "404.html"}:
        page = path.read_text(encoding="utf-8")
        rooted = re.findall(r'(?:href|src)="(/[^/"][^"]*)"', page)
        assert rooted == [], (path, rooted)


def test_branding_logo_language_and_footer(built: Path) -> None:
    css = read(built, "assets/campaignkit/branding.css")
    assert "--md-primary-fg-color: #1b5e20;" in css
    home = read(built, "index.html")
    assert '<html lang="nl"' in home
    assert 'rel="icon" href="images/logo-64.png"' in home
    assert 'src="images/logo-192.png"' in home
    assert 'href="toegankelijkheid/">Toegankelijkheid</a>' in home
    assert 'href="privacy/">Privacy</a>' in home
    assert '<meta property="og:image" content="https://klimaat.example.be/' in home
    assert '<link rel="canonical" href="https://klimaat.example.be/">' in home
    deep = read(built, "agenda/workshop/index.html")
    assert 'href="../../toegankelijkheid/">Toegankelijkheid</a>' in deep
    assert 'href="../../assets/campaignkit/branding.css"' in deep


def test_cancelled_event_is_marked(built: Path) -> None:
    page = read(built, "agenda/markt/index.html")
    assert "Deze activiteit is geannuleerd." in page
    assert texts(page, r'<meta name="description" content="([^"]*)"')[0].startswith("Geannuleerd")


@pytest.mark.parametrize("tool", TOOLS)
def test_campaign_problems_stop_the_build_before_writing(project: Path, tool: str) -> None:
    write_campaign(
        project / "campaigns",
        "demo",
        base=DEMO,
        events={"workshop": {"start": "2027-05-32 18:00"}},
        actions={"geveltuinen": {"theme": "onbestaand"}},
    )
    result = run_build(tool, project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert "events/workshop.yml" in output and "actions/geveltuinen.yml" in output
    assert "2 problemen gevonden" in output
    assert not (project / "site").exists()


def test_campaign_is_chosen_by_slug(project: Path) -> None:
    write_campaign(project / "campaigns", "demo", base=DEMO)
    write_campaign(project / "campaigns", "tweede", base=DEMO)
    result = run_build("mkdocs", project, project / "site", campaign="tweede")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "acties" / "geveltuinen" / "index.html").is_file()
    result = run_build("mkdocs", project, project / "site-2", campaign="derde")
    assert result.returncode == 1
    assert "derde" in result.stderr and "demo, tweede" in result.stderr
    assert "Traceback" not in result.stderr


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_compiled_templates_are_kept_and_a_damaged_one_is_compiled_again(
    built: Path, request: pytest.FixtureRequest
) -> None:
    project = built.parent
    kept = sorted((project / ".cache" / "campaignkit" / "templates").iterdir())
    assert len(kept) > 10  # Material's templates and ours
    for path in kept:
        path.write_bytes(b"not a compiled template")
    tool = request.node.callspec.params["built"]  # the tool that built the site
    result = run_build(tool, project, project / "again")
    assert result.returncode == 0, result.stderr
    assert _files(project / "again") == _files(built)
    assert all(p.read_bytes() != b"not a compiled template" for p in kept)


EXAMPLES = [folder.name for folder in find_campaigns(REPO / "campaigns")]


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("slug", EXAMPLES)
def test_example_campaigns_build(tmp_path: Path, tool: str, slug: str) -> None:
    site = tmp_path / slug
    result = run_build(tool, REPO, site, campaign=slug)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in (
        "index.html",
        "acties/index.html",
        "agenda/index.html",
        "partners/index.html",
        "toegankelijkheid/index.html",
        "privacy/index.html",
        "agenda.ics",
    ):
        assert (site / path).is_file(), path
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home
    assert not list(REPO.joinpath("docs").glob("*.md"))


def test_kit_zip_published_elsewhere(project: Path, tmp_path: Path) -> None:
    """With kit_zip_url the site leaves the ZIP out and links to it; `campaignkit kit`
    writes the very ZIP the page announces, for the release."""
    config = project / "mkdocs.yml"
    url = "https://github.com/bbl/campagnes/releases/download/kits/{name}"
    text = config.read_text("utf-8").replace(
        "  - campaignkit\n", f"  - campaignkit:\n      kit_zip_url: {url}\n"
    )
    assert "kit_zip_url" in text
    config.write_text(text, "utf-8")
    write_campaign(project / "campaigns", "demo", base=DEMO)
    site = project / "site"
    result = run_build("mkdocs", project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(site.rglob("*.zip"))
    page = read(site, "kit/index.html")
    href = url.replace("{name}", "demo-communicatiekit.zip")
    assert f'href="{href}"' in page
    size = re.search(r"ZIP, ([0-9,]+) MB", page)
    assert size

    kits = tmp_path / "kits"
    written = subprocess.run(
        [sys.executable, "-m", "campaignkit.cli", "kit", "campaigns", "--out", str(kits)],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        capture_output=True,
        text=True,
        check=False,
    )
    assert written.returncode == 0, written.stderr
    archive = (kits / "demo-communicatiekit.zip").read_bytes()
    assert f"{len(archive) / 1_000_000:.1f}".replace(".", ",") == size.group(1)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        names = opened.namelist()
    assert "LEESMIJ.txt" in names and any(n.startswith("affiches/") for n in names)

    config.write_text(text.replace(url, "javascript:alert(1)//{name}"), "utf-8")
    refused = run_build("mkdocs", project, tmp_path / "other-site")
    assert refused.returncode == 1
    assert "kit_zip_url" in refused.stderr and "Traceback" not in refused.stderr
