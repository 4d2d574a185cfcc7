"""Build campaign microsites into temporary folders and serve them on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from support.campaigns import Sample, picture, write_campaign
from support.projects import REPO

from campaignkit.branding import contrast, nearest_readable

#: The example campaigns in the repository.
EXAMPLES = ("asse", "lier")

#: A campaign generated for the tests, with colours that only just pass (see write_hard_campaign).
HARD = "kleurproef"
CAMPAIGNS = (*EXAMPLES, HARD)
#: The portal of the example campaigns: its index, and each microsite under /<slug>/.
PORTAL = "portal"
#: Every site the suite builds, and its kind (which page types it has).
SITES = {**dict.fromkeys(CAMPAIGNS, "campaign"), PORTAL: "portal"}

#: A Dutch compound without a break opportunity, and a long address: both must wrap at 320 px.
LONG_WORD = "Klimaatwijkrenovatiesubsidieaanvraagbegeleidingstrajectvoorbereidingsvergadering"
LONG_URL = (
    "https://www.voorbeeldgemeente.be/leven-en-wonen/klimaat-en-energie/"
    "renovatiebegeleiding-voor-buurten-en-straten/inschrijvingsformulier-najaar"
)


@dataclass(frozen=True)
class Build:
    """One built campaign: where its sources and its HTML are."""

    name: str
    campaign_dir: Path
    site_dir: Path

    def html_files(self) -> list[Path]:
        return sorted(self.site_dir.rglob("*.html"))

    def action_count(self) -> int:
        return len(list((self.campaign_dir / "actions").glob("*.yml")))

    def team_count(self) -> int:
        return len(list((self.campaign_dir / "teams").glob("*.yml")))


def hard_colours() -> tuple[str, str]:
    """A saturated orange darkened until white text only just reaches 4.5:1, and a pale accent.

    Orange is the hardest hue: at the lightness where it becomes readable it is still bright,
    and every tint derived from it sits close to the contrast limit.
    """
    primary = nearest_readable("#ff8f00")
    assert 4.5 <= contrast(primary, "#ffffff") < 4.7, primary
    return primary, "#fff176"


def write_hard_campaign(root: Path, today: date) -> Path:
    """Write a valid campaign that stresses colours, wrapping and every kind of content."""
    primary, accent = hard_colours()
    images = {
        "images/hero.png": picture(1600, 900, primary, ellipse=accent),
        "images/dak.png": picture(1200, 800, accent, ellipse=primary),
        "images/logo.png": picture(256, 256, primary, ellipse="#ffffff"),
        "images/partner.png": picture(400, 200, "#ffffff", ellipse=primary),
    }
    campaign = {
        "title": "Proefcampagne met moeilijke kleuren",
        "tagline": "Een campagne met moeilijke kleuren, lange woorden en lange adressen",
        "intro": (
            f"Deze campagne toont wat een gemeente allemaal kan invullen: {LONG_WORD}, "
            f"een lang webadres als <{LONG_URL}> en **vette** en *schuine* tekst.\n\n"
            "- een opsomming\n- met twee punten\n"
        ),
        "language": "nl",
        "municipality": {
            "name": "Voorbeeldgemeente",
            "website": "https://www.voorbeeldgemeente.be",
            "inhabitants": "1234567",
            "housing_units": "543210",
        },
        "period": {
            "start": (today - timedelta(days=60)).isoformat(),
            "end": (today + timedelta(days=120)).isoformat(),
        },
        "contact": {
            "name": "Dienst Klimaat en Duurzaamheid",
            "email": "klimaatwijkrenovatiebegeleiding@voorbeeldgemeente.be",
            "phone": "053 21 22 33",
        },
        "signup_url": LONG_URL,
        "site_url": "https://klimaat.voorbeeldgemeente.be/",
        "branding": {"primary": primary, "accent": accent, "logo": "images/logo.png"},
        "teams_label": "Klimaatploegen",
        "scoreboard": {"rank_by": "per_household"},
        "hero": {
            "image": "images/hero.png",
            "alt": "Oranje en gele vlakken",
            "credit": "Illustratie: Voorbeeldgemeente",
        },
        "partners": [
            {
                "id": "cooperatie",
                "name": f"Energiecoöperatie {LONG_WORD}",
                "url": LONG_URL,
                "logo": "images/partner.png",
                "role": "Begeleidt de groepsaankoop.",
            },
            {"id": "buurtwerk", "name": "Buurtwerk", "role": "Helpt bij straatfeesten."},
        ],
    }
    actions = {
        # Not the first action: the kit's social media texts quote that one and must stay short.
        "renovatie": {
            "title": f"Renovatie en {LONG_WORD}",
            "summary": f"Isoleer samen met je buren je dak. Meer info: {LONG_URL}",
            "theme": "energie",
            "audience": ["inwoners", "gezinnen"],
            "effort": "high",
            "status": "running",
            "image": {"src": "images/dak.png", "alt": "Geel en oranje vlak", "focus": [0.3, 0.5]},
            "body": (
                f"Een lange alinea met {LONG_WORD} en een webadres: <{LONG_URL}>.\n\n"
                f"[Een link met een lange tekst {LONG_WORD}]({LONG_URL})\n\n"
                "| Stap | Wanneer |\n| --- | --- |\n| Inschrijven | nu |\n| Uitvoering | najaar |\n"
            ),
            "partners": ["cooperatie"],
            "events": ["infoavond", "webinar"],
            "signup_url": LONG_URL,
            "indicator": "renovaties_collectief",
        },
        "fietsstraat": {
            "title": "Een fietsstraat",
            "summary": "Maak van je straat een fietsstraat.",
            "theme": "mobiliteit",
            "audience": ["jongeren", "scholen"],
            "effort": "medium",
            "status": "planned",
        },
        "geveltuin": {
            "title": "Geveltuinen",
            "summary": "Tegels eruit, planten erin.",
            "theme": "vergroening",
            "effort": "low",
            "status": "done",
            "partners": ["buurtwerk"],
            "indicator": "m_haag",
        },
        "regenton": {
            "title": "Regentonnen",
            "summary": "Vang regenwater op.",
            "theme": "water",
            "audience": ["inwoners"],
        },
    }
    soon = today + timedelta(days=14)
    events = {
        "infoavond": {
            "title": f"Infoavond {LONG_WORD}",
            "start": f"{soon.isoformat()} 19:30",
            "end": "21:30",
            "location": {
                "name": f"Zaal {LONG_WORD}",
                "address": "Kerkstraat 1, 9999 Voorbeeldgemeente",
            },
            "description": f"Inschrijven via <{LONG_URL}>.",
            "registration_url": LONG_URL,
            "actions": ["renovatie"],
        },
        "webinar": {
            "title": "Webinar warmtepompen",
            "start": (today + timedelta(days=30)).isoformat() + " 20:00",
            "end": "21:00",
            "online_url": LONG_URL,
            "actions": ["renovatie"],
        },
        "plantdag": {
            "title": "Plantdag (afgelast)",
            "start": (today + timedelta(days=40)).isoformat(),
            "location": {"name": "Gemeenteplein"},
            "status": "cancelled",
        },
        "startavond": {
            "title": "Startavond",
            "start": (today - timedelta(days=30)).isoformat() + " 19:00",
            "end": "21:00",
            "location": {"name": "Gemeentehuis", "address": "Markt 1"},
        },
    }
    campaign["phases"] = [
        {
            "title": "Inschrijven",
            "start": (today - timedelta(days=60)).isoformat(),
            "end": (today - timedelta(days=10)).isoformat(),
        },
        {
            "title": f"Uitvoering van de {LONG_WORD}",
            "start": (today - timedelta(days=9)).isoformat(),
            "end": (today + timedelta(days=60)).isoformat(),
            "summary": f"De straten voeren hun plannen uit. Meer info: {LONG_URL}",
        },
        {
            "title": "Slotfeest",
            "start": (today + timedelta(days=61)).isoformat(),
            "end": (today + timedelta(days=120)).isoformat(),
        },
    ]
    news = {
        "renovatie-gestart": {
            "title": f"De {LONG_WORD} is gestart",
            "date": (today - timedelta(days=5)).isoformat(),
            "updated": (today - timedelta(days=2)).isoformat(),
            "summary": f"Twintig straten doen mee. Lees alles op {LONG_URL}",
            "image": {"src": "images/dak.png", "alt": "Geel en oranje vlak"},
            "actions": ["renovatie"],
            "events": ["infoavond"],
            "body": (
                f"## Wat gebeurt er?\n\nEen alinea met {LONG_WORD} en <{LONG_URL}>.\n\n"
                "- een opsomming\n- met twee punten\n"
            ),
        },
        "startavond": {
            "title": "Terugblik op de startavond",
            "date": (today - timedelta(days=29)).isoformat(),
            "summary": "Honderd buren kwamen naar de startavond.",
            "events": ["startavond"],
        },
        "later": {
            "title": "Nog niet gepubliceerd",
            "date": (today + timedelta(days=3)).isoformat(),
            "summary": "Dit bericht verschijnt pas over drie dagen.",
        },
    }
    sample = Sample(
        campaign=campaign,
        actions=actions,
        events=events,
        images=images,
        teams=hard_teams(today),
        news=news,
    )
    return write_campaign(root, HARD, base=sample)


def hard_teams(today: date) -> dict[str, dict[str, object]]:
    """Teams with long names, streets and stories, a photo, ties and large numbers."""
    joined = (today - timedelta(days=20)).isoformat()
    return {
        "lang": {
            "name": LONG_WORD[:80],
            "kind": "vereniging",
            "streets": [LONG_WORD[:60], "Kerkstraat"],
            "households": "12",
            "households_total": "1250",
            "joined": joined,
            "story": f"Wij zijn {LONG_WORD}. Lees meer: <{LONG_URL}>.",
            "photo": {
                "src": "images/dak.png",
                "alt": "Geel en oranje vlak",
                "credit": f"Foto: {LONG_WORD}",
                "consent": "true",
            },
            "commitments": [
                {"action": "renovatie", "status": "done", "date": joined, "amount": "1234567.5"},
                {"action": "geveltuin", "status": "running", "amount": "98765"},
                {"action": "fietsstraat", "status": "planned"},
            ],
        },
        "kerkstraat": {
            "name": "Kerkstraat",
            "households": "4",
            "joined": joined,
            "commitments": [
                {"action": "geveltuin", "status": "done", "amount": "12"},
                {"action": "regenton", "status": "done"},
            ],
        },
        "school": {
            "name": "Basisschool De Regenboog",
            "kind": "school",
            "households": "1",
            "joined": joined,
            "commitments": [{"action": "regenton", "status": "done"}],
        },
    }


def build_all(jobs: dict[str, tuple[Path, Path, Path]]) -> dict[str, Build]:
    """Build several sites at once: name -> (mkdocs.yml, campaign folder, output folder).

    A campaign folder builds that campaign's microsite; a folder of campaigns, their portal.
    """
    running = {}
    for name, (config, campaign_dir, site_dir) in jobs.items():
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        command += ["-f", str(config), "-d", str(site_dir)]
        env = {k: v for k, v in os.environ.items() if k != "CAMPAIGN"}
        env["NO_MKDOCS_2_WARNING"] = "1"
        if (campaign_dir / "campaign.yml").is_file():
            env["CAMPAIGN"] = campaign_dir.name
        running[name] = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
    failures = []
    for name, process in running.items():
        output, _ = process.communicate(timeout=600)
        if process.returncode != 0:
            failures.append(f"--- {name} (exit {process.returncode}):\n{output}")
    if failures:
        raise AssertionError("mkdocs build --strict failed:\n" + "\n".join(failures))
    return {
        name: Build(name, campaign_dir, site_dir)
        for name, (_, campaign_dir, site_dir) in jobs.items()
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
