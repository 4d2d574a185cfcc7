"""The portal at scale: N synthetic campaigns against a bare MkDocs + Material site, one run.

Generates N campaigns (realistic Dutch text, a few generated images, distinct readable brand
colours) into a temporary project and measures, in this order, in one run so the ratios mean
something on a busy machine:

1. baseline: MkDocs + Material with only ``search``, the same number of plain Markdown pages
   of similar size as one site, every page but the home page out of the nav;
1p. the same pages as one plain site per campaign, built by the same number of worker
   processes as the portal (``plain_sites.py``): the floor for step 2 without campaignkit;
3. cold portal build: empty ``.cache``, every microsite and every kit made;
2. portal build with every page rebuilt but the kit cache warm (``.cache/campaignkit/sites``
   deleted, ``.cache/campaignkit/kit`` kept);
4. portal build with nothing changed;
5. portal build after editing one action, against building that campaign alone
   (``CAMPAIGN=<slug>``, warm kit cache);
1b. the baseline again: ratios use the faster baseline run, and every step prints its CPU time
   and the load average it started under, since other work on the machine stretches seconds.

Then the kit of a few campaigns is built in this process with an empty cache, timed per kind
of output, and the published bytes are broken down per kind of file.

    .venv/bin/python benchmarks/scale.py [--campaigns 40] [--actions 50] [--events 20]
        [--jobs N] [--keep DIR] [--skip-cold] [--kit-sample 2]

``--keep DIR`` builds the project in DIR and leaves it there; run again with the same DIR
and sizes to reuse its campaigns (and, with ``--skip-cold``, its warm kit cache).
"""

from __future__ import annotations

import argparse
import colorsys
import io
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from plain_sites import config_text  # the same site settings for steps 1 and 1p

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
#: Every build sees the same date: campaigns start after it, so every event is upcoming.
SOURCE_DATE_EPOCH = int(datetime(2027, 1, 15, 12, tzinfo=UTC).timestamp())
MB = 1_000_000
#: GitHub Pages' published size limit ("no larger than 1 GB"), read as 10^9 bytes.
PAGES_LIMIT = 1_000_000_000
MEMORY_LIMIT = 1_000_000_000
MARKER = "scale-benchmark.json"


def snapshot(work: Path) -> str:
    """Copy ``plugins/`` into the work folder and import campaignkit from there, here and in
    every build: an edit in the checkout during the run then changes nothing measured."""
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(ROOT / "plugins", code, ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(code))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(code), os.environ.get("PYTHONPATH")) if p
    )
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "plugins"], capture_output=True)
    return commit.stdout.strip() + (" with uncommitted changes" if dirty.stdout else "")


# ----------------------------------------------------------------------------- campaigns

TOPICS = (
    ("energie", "Groepsaankoop dakisolatie", "dakisolatie"),
    ("energie", "Zonnepanelen op het schooldak", "zonnepanelen"),
    ("energie", "Een warmtescan van je huis", "een warmtescan"),
    ("energie", "Samen renoveren per bouwblok", "een renovatie"),
    ("mobiliteit", "Een deelbakfiets in de buurt", "een deelbakfiets"),
    ("mobiliteit", "Autodelen met de buren", "autodelen"),
    ("mobiliteit", "Een schoolstraat", "een schoolstraat"),
    ("mobiliteit", "Fietsherstel voor iedereen", "fietsherstel"),
    ("vergroening", "Geveltuinen in je straat", "geveltuinen"),
    ("vergroening", "Buurtbomen planten", "buurtbomen"),
    ("vergroening", "Insectenhotels bouwen", "insectenhotels"),
    ("water", "Een regenton voor elk huis", "regentonnen"),
    ("water", "Tegels eruit, groen erin", "ontharding"),
    ("water", "Een regentuin aanleggen", "een regentuin"),
    ("voeding", "Een gedeelde moestuin", "een moestuin"),
    ("voeding", "Lokale groenten in de refter", "lokale groenten"),
    ("consumptie", "Een repair café in je buurt", "een repair café"),
    ("consumptie", "Een deelkast in de straat", "een deelkast"),
    ("afval", "Buurtcompost", "compost"),
    ("afval", "Zwerfvuil opruimen met de klas", "zwerfvuil opruimen"),
)
VARIANTS = ("", " in {wijk}", " voor verenigingen", " voor jonge gezinnen", " met de school")
WIJKEN = (
    "de Kouter",
    "het Molenveld",
    "de Statiewijk",
    "Ter Heide",
    "het Centrum",
    "de Bosstraat",
    "Kerkhoek",
    "de Beekvallei",
)
STREETS = ("Kerkstraat", "Stationsstraat", "Dorpsplein", "Molenstraat", "Schoolstraat", "Markt")
SENTENCES = (
    "Met {onderwerp} maak je je buurt klaar voor de toekomst, en je bespaart er vaak ook geld mee.",
    "Veel inwoners van {gemeente} willen iets doen voor het klimaat, maar weten niet goed waar "
    "ze moeten beginnen.",
    "Samen met je buren gaat het sneller, goedkoper en vooral veel gezelliger.",
    "De gemeente zorgt voor begeleiding, materiaal en een werkingsbudget; jullie zorgen voor "
    "de goesting.",
    "In {wijk} zijn een paar straten al enthousiast begonnen, en de eerste resultaten zijn er al.",
    "Je hoeft geen specialist te zijn: de coaches van {partner} leggen alles stap voor stap uit.",
    "Een kleine ingreep in je eigen straat maakt over twintig jaar een groot verschil.",
    "Wie meedoet, krijgt een startpakket en advies op maat van het klimaatloket.",
    "Huurders, eigenaars, jong en oud: iedereen kan meedoen, ook als je weinig tijd hebt.",
    "Op de infoavond hoor je van andere buurten wat werkte en wat niet.",
    "Na de zomer maken we samen de balans op, en kiezen we wat we volgend jaar verder doen.",
    "Vorig jaar deden al meer dan dertig straten mee, van kleine doodlopende straatjes tot "
    "hele wijken.",
)
ITEMS = (
    "een draaiboek en hulp bij de eerste stappen;",
    "een coach van {partner} die twee keer langskomt;",
    "{bedrag} euro werkingsbudget voor materiaal en een hapje;",
    "een verzekering voor de vrijwilligers via de gemeente;",
    "affiches en flyers om je buren uit te nodigen;",
    "gratis advies over premies en vergunningen;",
    "een plek op de klimaatmarkt om jullie project voor te stellen;",
    "gereedschap dat je gratis kunt lenen bij de uitleendienst;",
)
CLOSING = (
    "Meedoen is gratis. Schrijf je buurt in via het formulier, dan nemen we binnen twee weken "
    "contact met je op.",
    "Heb je vragen? Het klimaatloket van {gemeente} helpt je graag verder, ook telefonisch.",
    "Op het slotfeest zetten we alle buurten die meededen in de bloemetjes.",
    "Twijfel je nog? Kom dan eerst eens kijken bij een buurt die al bezig is.",
)
HEADINGS = ("**Wat krijgt jullie buurt?**", "**Hoe werkt het?**", "**Wat heb je nodig?**")
EVENT_KINDS = (
    "Infoavond {onderwerp}",
    "Workshop {onderwerp}",
    "Klimaatmarkt in {wijk}",
    "Fietstocht langs {onderwerp}",
    "Buurtgesprek over {onderwerp}",
)
NAME_PARTS = (
    ("", "Oost", "West", "Sint-", "Groot-", "Klein-", "Neder", "Over"),
    ("berg", "dries", "hout", "mol", "beek", "zand", "kapel", "hove", "lin", "ven", "meer"),
    ("hem", "gem", "zele", "ene", "dijk", "kerke", "lo", "rode", "om", "straten", "akker"),
)
AUDIENCES = ("inwoners", "gezinnen", "jongeren", "senioren", "verenigingen", "scholen")


class _Dumper(yaml.SafeDumper):
    """Block scalars for Markdown, no anchors: what a person would type."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def municipality_names(count: int) -> list[str]:
    """``count`` distinct, Flemish-sounding names, always the same ones."""
    rng = random.Random("gemeenten")
    names: list[str] = []
    while len(names) < count:
        prefix, root, suffix = (rng.choice(part) for part in NAME_PARTS)
        name = prefix + (root.capitalize() if not prefix or prefix.endswith("-") else root)
        name = (name + suffix).replace("--", "-")
        if name not in names:
            names.append(name[0].upper() + name[1:])
    return names


def brand_colours(index: int) -> tuple[str, str]:
    """A distinct primary (white text at 4.5:1 or more) and a lighter accent."""
    from campaignkit.branding import contrast, nearest_readable

    hue = (index * 0.618_033_988_75) % 1.0
    saturation = 0.55 + 0.2 * ((index * 7) % 5) / 4
    lightness = 0.30 + 0.08 * ((index * 3) % 4) / 3
    primary = _hex(colorsys.hls_to_rgb(hue, lightness, saturation))
    primary = nearest_readable(primary)
    accent = _hex(colorsys.hls_to_rgb((hue + 0.5) % 1.0, 0.6, 0.8))
    assert contrast(primary, "#ffffff") >= 4.5
    return primary, accent


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def _fill(rng: random.Random, template: str, words: dict[str, str]) -> str:
    return template.format(bedrag=rng.choice((150, 200, 250, 300)), **words)


def _paragraph(rng: random.Random, pool: tuple[str, ...], count: int, words: dict[str, str]):
    return " ".join(_fill(rng, s, words) for s in rng.sample(pool, count))


def body(rng: random.Random, words: dict[str, str]) -> str:
    """An action's body: about 1.2 kB, like the example campaigns."""
    items = "\n".join(f"- {_fill(rng, item, words)}" for item in rng.sample(ITEMS, 4))
    return "\n\n".join(
        [
            _paragraph(rng, SENTENCES, 3, words),
            _paragraph(rng, SENTENCES, 2, words),
            rng.choice(HEADINGS),
            items,
            _paragraph(rng, CLOSING, 2, words),
        ]
    )


def description(rng: random.Random, words: dict[str, str]) -> str:
    """An event's description: about 0.7 kB."""
    items = "\n".join(f"- {_fill(rng, item, words)}" for item in rng.sample(ITEMS, 3))
    return "\n\n".join(
        [
            _paragraph(rng, SENTENCES, 2, words) + " Op deze avond vind je:",
            items,
            _paragraph(rng, CLOSING, 1, words),
        ]
    )


@dataclass
class Generated:
    slug: str
    municipality: str
    actions: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (kind, Markdown) for baseline


def generate_campaign(folder: Path, index: int, name: str, actions: int, events: int):
    """Write one campaign folder; returns what the baseline needs to mirror it."""
    slug = slugify(name)
    rng = random.Random(f"campagne/{slug}")
    primary, accent = brand_colours(index)
    start = date(2027, 2, 1) + timedelta(days=rng.randrange(0, 60))
    end = start + timedelta(days=240)
    partners = [
        (f"partner-{i + 1}", f"{kind} {name}")
        for i, kind in enumerate(("Energiecoöperatie", "Natuurwerkgroep", "Buurtwerk"))
    ]
    words = {
        "gemeente": name,
        "wijk": rng.choice(WIJKEN),
        "partner": partners[0][1],
        "onderwerp": "een klimaatstraat",
    }
    out = Generated(slug, name)
    (folder / "actions").mkdir(parents=True)
    (folder / "events").mkdir()
    (folder / "images" / "acties").mkdir(parents=True)
    (folder / "images" / "partners").mkdir()

    intro = "\n\n".join(_paragraph(rng, SENTENCES, 3, words) for _ in range(3))
    campaign = {
        "title": f"Klimaatstraten {name}",
        "tagline": "Samen maken we van jouw straat een klimaatstraat",
        "language": "nl",
        "intro": intro,
        "municipality": {"name": name, "website": f"https://www.{slug}.be"},
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "contact": {
            "name": f"Klimaatloket gemeente {name}",
            "email": f"klimaat@{slug}.be",
            "phone": f"0{rng.randrange(2, 9)} {rng.randrange(100, 999)} {rng.randrange(10, 99)} "
            f"{rng.randrange(10, 99)}",
        },
        "signup_url": f"https://www.{slug}.be/klimaat/inschrijven",
        "site_url": f"https://klimaat.{slug}.be/",
        "branding": {"primary": primary, "accent": accent, "logo": "images/logo.png"},
        "hero": {
            "image": "images/hero.jpg",
            "alt": f"Getekende woonstraat in {name} met zonnepanelen, bomen en fietsers",
            "credit": f"Illustratie: gemeente {name}",
        },
        "partners": [
            {
                "id": pid,
                "name": pname,
                "url": f"https://www.{slug}.be/verenigingen/{pid}",
                "logo": f"images/partners/{pid}.png",
                "role": f"Begeleidt buurten bij {rng.choice(TOPICS)[2]} en geeft advies.",
            }
            for pid, pname in partners
        ],
    }
    (folder / "campaign.yml").write_text(dump(campaign), "utf-8")
    out.texts.append(("campaign", f"# {campaign['title']}\n\n{intro}\n"))
    photos = [f"images/acties/foto-{i + 1}.jpg" for i in range(4)]
    write_images(folder, slug, primary, accent, photos, [pid for pid, _ in partners])

    titles = []
    for i in range(actions):
        theme, title, subject = TOPICS[i % len(TOPICS)]
        variant = VARIANTS[(i // len(TOPICS)) % len(VARIANTS)].format(wijk=rng.choice(WIJKEN))
        repeat = i // (len(TOPICS) * len(VARIANTS))
        titles.append((theme, title + variant + (f" ({repeat + 1})" if repeat else ""), subject))
    action_slugs = [slugify(t) for _, t, _ in titles]
    event_slugs = []
    event_days = sorted(start + timedelta(days=rng.randrange(5, 235)) for _ in range(events))
    for i, day in enumerate(event_days):
        _, _, subject = TOPICS[rng.randrange(len(TOPICS))]
        title = EVENT_KINDS[i % len(EVENT_KINDS)].format(onderwerp=subject, wijk=words["wijk"])
        event_slug = f"{slugify(title)}-{i + 1}"
        event_slugs.append(event_slug)
        data: dict[str, Any] = {"title": title}
        if i % 9 == 4:  # all day
            data["start"] = day.isoformat()
        elif i % 2:
            data["start"], data["end"] = f"{day.isoformat()} 19:30", "21:30"
        else:
            data["start"], data["end"] = f"{day.isoformat()} 10:00", "16:00"
        if i % 7 == 6:
            data["online_url"] = f"https://www.{slug}.be/klimaat/webinar-{i + 1}"
        else:
            data["location"] = {
                "name": f"Gemeenschapscentrum {words['wijk'].split()[-1]}",
                "address": f"{rng.choice(STREETS)} {rng.randrange(1, 80)}, "
                f"{rng.randrange(1000, 9999)} {name}",
            }
        text = description(rng, {**words, "onderwerp": subject})
        data["description"] = text
        if i % 3 == 0:
            data["registration_url"] = f"https://www.{slug}.be/klimaat/inschrijven-{i + 1}"
        if actions:
            data["actions"] = sorted(set(rng.sample(action_slugs, min(2, actions))))
        if i % 10 == 9:
            data["status"] = "cancelled"
        (folder / "events" / f"{event_slug}.yml").write_text(dump(data), "utf-8")
        out.texts.append(("event", f"# {title}\n\n{text}\n"))
    for i, ((theme, title, subject), action_slug) in enumerate(
        zip(titles, action_slugs, strict=True)
    ):
        text = body(rng, {**words, "onderwerp": subject})
        opening = _fill(rng, SENTENCES[0], {**words, "onderwerp": subject})
        summary = f"{title}: samen met je buren aan de slag. {opening}"
        data = {
            "title": title,
            "summary": summary,
            "theme": theme,
            "audience": sorted(rng.sample(AUDIENCES, 3), key=AUDIENCES.index),
            "effort": ("low", "medium", "high")[i % 3],
            "status": ("planned", "running", "done")[i % 3],
            "image": {
                "src": photos[i % len(photos)],
                "alt": f"Tekening bij de actie {title.lower()}",
                "credit": f"Illustratie: gemeente {name}",
            },
            "partners": [partners[i % len(partners)][0]],
            "body": text,
        }
        linked = [e for e in event_slugs if rng.random() < 2 / max(1, events)]
        if linked:
            data["events"] = linked
        (folder / "actions" / f"{action_slug}.yml").write_text(dump(data), "utf-8")
        out.texts.append(("action", f"# {title}\n\n{summary}\n\n{text}\n"))
    out.actions, out.events = action_slugs, event_slugs
    return out


# -------------------------------------------------------------------------------- images


def write_images(
    folder: Path, slug: str, primary: str, accent: str, photos: list[str], partners: list[str]
) -> None:
    """A hero, a logo, partner logos and a few action photos; same seed, same bytes."""
    images = folder / "images"
    (images / "hero.jpg").write_bytes(photo(random.Random(f"{slug}/hero"), (1800, 1000), primary))
    for relative in photos:
        rng = random.Random(f"{slug}/{relative}")
        (folder / relative).write_bytes(photo(rng, (1600, 1067), accent))
    (images / "logo.png").write_bytes(logo(slug[:2].upper(), primary, 512))
    for i, pid in enumerate(partners):
        colour = accent if i % 2 else primary
        (images / "partners" / f"{pid}.png").write_bytes(logo(f"P{i + 1}", colour, 400))


def photo(rng: random.Random, size: tuple[int, int], colour: str) -> bytes:
    """A flat illustration of a street with some texture: JPEG of about 100 to 200 kB."""
    width, height = size
    image = Image.new("RGB", size, "#cfe8f7")
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.7))
    draw.rectangle((0, horizon, width, height), fill="#8bbf6a")
    x = 0
    while x < width:
        w = rng.randrange(width // 10, width // 5)
        h = rng.randrange(height // 5, height // 2)
        shade = rng.choice((colour, "#d9a066", "#b0b7c3", "#e6d3a3", "#a35d4f"))
        draw.rectangle((x, horizon - h, x + w, horizon), fill=shade, outline="#333333", width=3)
        for wx in range(x + 15, x + w - 30, 45):
            draw.rectangle((wx, horizon - h + 25, wx + 25, horizon - h + 60), fill="#fdf6d8")
        x += w + rng.randrange(5, 40)
    for _ in range(rng.randrange(6, 12)):
        cx, r = rng.randrange(width), rng.randrange(30, 90)
        cy = horizon - r // 2
        draw.rectangle((cx - 6, cy, cx + 6, horizon + 20), fill="#6b4a2b")
        draw.ellipse((cx - r, cy - 2 * r, cx + r, cy), fill=rng.choice(("#2e7d32", "#558b2f")))
    texture = Image.frombytes("L", (width // 8, height // 8), rng.randbytes(width * height // 64))
    texture = texture.resize(size, Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(1))
    image = Image.composite(
        image, Image.new("RGB", size, "#ffffff"), texture.point(lambda v: 255 - v // 10)
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def logo(initials: str, colour: str, side: int) -> bytes:
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, side - 8, side - 8), fill=colour)
    font = ImageFont.load_default(size=side // 3)
    draw.text((side / 2, side / 2), initials, fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# ------------------------------------------------------------------------------ projects


def make_project(project: Path, count: int, actions: int, events: int, jobs: int | None):
    """The portal project (mkdocs.yml, theme_overrides/, docs/, campaigns/)."""
    project.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if jobs:
        config, found = re.subn(
            r"(?m)^  - campaignkit$", f"  - campaignkit:\n      jobs: {jobs}", config
        )
        assert found == 1, "mkdocs.yml lists the plugin in another way"
    (project / "mkdocs.yml").write_text(config, "utf-8")
    for folder in ("theme_overrides", "docs"):
        shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
    generated = []
    for index, name in enumerate(municipality_names(count)):
        folder = project / "campaigns" / slugify(name)
        generated.append(generate_campaign(folder, index, name, actions, events))
        print(f"  generated {index + 1}/{count}: {folder.name}", file=sys.stderr, flush=True)
    return generated


def make_baseline(folder: Path, generated: list[Generated]) -> int:
    """One MkDocs + Material site of the same pages as plain Markdown; returns the page count."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(config_text("Baseline"), "utf-8")
    pages = 1
    lines = ["# Klimaatcampagnes", ""]
    for item in generated:
        lines.append(f"- [{item.municipality}]({item.slug}/index.md)")
        site = docs / item.slug
        (site / "acties").mkdir(parents=True)
        (site / "agenda").mkdir()
        listing: dict[str, list[str]] = {"action": [], "event": []}
        slugs = {"action": iter(item.actions), "event": iter(item.events)}
        for kind, text in item.texts:
            if kind == "campaign":
                (site / "index.md").write_text(text, "utf-8")
                continue
            slug = next(slugs[kind])
            sub = "acties" if kind == "action" else "agenda"
            (site / sub / f"{slug}.md").write_text(text, "utf-8")
            first = text.split("\n\n")[:2]
            listing[kind].append(f"## [{first[0][2:]}]({slug}.md)\n\n{first[1]}\n")
            pages += 1
        (site / "acties" / "index.md").write_text("# Acties\n\n" + "\n".join(listing["action"]))
        (site / "agenda" / "index.md").write_text("# Agenda\n\n" + "\n".join(listing["event"]))
        filler = _paragraph(
            random.Random(item.slug),
            SENTENCES,
            6,
            {
                "gemeente": item.municipality,
                "wijk": WIJKEN[0],
                "partner": "de partners",
                "onderwerp": "het klimaat",
            },
        )
        for name in ("partners", "toegankelijkheid", "privacy", "kit"):
            (site / f"{name}.md").write_text(f"# {name.capitalize()}\n\n{filler}\n\n{filler}\n")
        pages += 7
    (docs / "index.md").write_text("\n".join(lines) + "\n", "utf-8")
    return pages


# ---------------------------------------------------------------------------- measuring


def _tree_rss(root: int) -> int:
    """Summed resident memory of ``root`` and its descendants (shared pages counted twice)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        rss[int(name)] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


class TreeMemory(threading.Thread):
    """Samples the process tree's memory every ``interval`` seconds; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            self.done.wait(self.interval)


@dataclass
class Step:
    name: str
    label: str
    seconds: float
    tree_peak: int
    process_peak: int
    cpu: float = 0.0
    load: float = 0.0
    size: int = 0
    members: list[float] = field(default_factory=list)
    reused: int = 0


def build(name: str, label: str, config: Path, site: Path, log: Path, **env: str) -> Step:
    """Run one ``mkdocs build`` as a subprocess; time it and sample its memory."""
    quiet = (
        ["-q"] if name.startswith("1") else []
    )  # the baseline logs every page left out of the nav
    command = [str(MKDOCS), "build", *quiet, "-f", str(config), "-d", str(site)]
    return run(name, label, command, site, log, **env)


def run(name: str, label: str, command: list[str], site: Path, log: Path, **env: str) -> Step:
    """Run one build command as a subprocess; time it and sample its memory."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("CAMPAIGN", "CAMPAIGNKIT_SHARD")
    }
    environment.update(SOURCE_DATE_EPOCH=str(SOURCE_DATE_EPOCH), NO_MKDOCS_2_WARNING="1", **env)
    print(f"  step {name}: {label} ...", file=sys.stderr, flush=True)
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with log.open("w") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=environment, stdout=output, stderr=output)
        memory = TreeMemory(process.pid)
        memory.start()
        code = process.wait()
        seconds = time.perf_counter() - started
        memory.done.set()
        memory.join()
    if code:
        sys.exit(
            f"step {name} failed ({code}); the last lines of {log}:\n"
            + "\n".join(log.read_text().splitlines()[-30:])
        )
    text = log.read_text()
    members = [float(s) for s in re.findall(r"\] \S+: gebouwd in ([\d.]+) s", text)]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    step = Step(
        name,
        label,
        seconds,
        tree_peak=memory.peak,
        process_peak=after.ru_maxrss * 1024,
        cpu=sum(getattr(after, f) - getattr(before, f) for f in ("ru_utime", "ru_stime")),
        load=load,
        size=tree_size(site),
        members=members,
        reused=len(re.findall(r"\] \S+: hergebruikt", text)),
    )
    print(f"  step {name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return step


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def kind_of(relative: str) -> str:
    """What a published file of a microsite is, for the size breakdown."""
    name = relative.rsplit("/", 1)[-1]
    if relative.startswith("kit/"):
        if name.endswith(".zip"):
            return "kit: zip"
        if relative.startswith("kit/affiches/"):
            return "kit: posters (pdf)"
        if relative.startswith("kit/beelden/kaarten/"):
            return "kit: social cards"
        if relative.startswith("kit/beelden/"):
            return "kit: print images" if "-druk." in name else "kit: web images, crops"
        if relative.startswith("kit/qr/"):
            return "kit: qr"
        if name.endswith(".docx"):
            return "kit: docx"
        if name.endswith(".ics"):
            return "kit: calendars"
        if name.endswith(".html"):
            return "pages (html)"
        return "kit: texts, readme"
    if name.endswith(".html"):
        return "pages (html)"
    if relative.startswith("images/"):
        return "site images"
    if relative.startswith("search/"):
        return "search index"
    if name.endswith(".ics"):
        return "calendars"
    return "other (css, js, sitemap)"


BIG = ("kit: zip", "kit: print images", "kit: posters (pdf)")


def site_breakdown(site: Path, slugs: list[str]) -> tuple[Counter[str], int]:
    """Bytes per kind of file over every microsite, and the portal's own bytes."""
    kinds: Counter[str] = Counter()
    for slug in slugs:
        for path in (site / slug).rglob("*"):
            if path.is_file():
                kinds[kind_of(path.relative_to(site / slug).as_posix())] += path.stat().st_size
    return kinds, tree_size(site) - sum(kinds.values())


def kit_breakdown(project: Path, slugs: list[str]) -> tuple[dict[str, list[float]], float]:
    """Build the kit of ``slugs`` in this process with an empty cache, timed per kind."""
    from campaignkit.kit import build as kit_build
    from campaignkit.validation import load_campaign

    made: dict[str, list[float]] = {}

    class TimedCache(kit_build.Cache):  # type: ignore[name-defined,misc]
        def stored(self, kind: str, spec: Any, make: Any) -> Any:
            def timed() -> bytes:
                started = time.perf_counter()
                data = make()
                made.setdefault(kind, []).append(time.perf_counter() - started)
                return data

            return super().stored(kind, spec, timed)

    stamp = datetime.fromtimestamp(SOURCE_DATE_EPOCH, tz=UTC)
    total = 0.0
    original_cache = kit_build.Cache  # type: ignore[attr-defined]
    kit_build.Cache = TimedCache  # type: ignore[attr-defined]
    try:
        for slug in slugs:
            campaign = load_campaign(project / "campaigns" / slug, base=project)
            with tempfile.TemporaryDirectory(prefix="scale-kit-") as cache:
                started = time.perf_counter()
                kit_build.build_kit(campaign, cache_dir=Path(cache), stamp=stamp, base=project)
                total += time.perf_counter() - started
    finally:
        kit_build.Cache = original_cache
    return made, total


def cache_kinds(cache: Path) -> tuple[Counter[str], Counter[str]]:
    """Objects per kind in the kit cache (``objects/<kind>/..``) and their bytes."""
    counts: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    for kind in sorted((cache / "objects").glob("*")) if cache.exists() else []:
        for path in kind.rglob("*"):
            if path.is_file() and not path.name.startswith(".tmp-"):
                counts[kind.name] += 1
                sizes[kind.name] += path.stat().st_size
    return counts, sizes


# ------------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(
    args: argparse.Namespace,
    steps: dict[str, Step],
    pages: int,
    slugs: list[str],
    project: Path,
    edited: str,
    code: str,
) -> None:
    # The faster baseline run: the targets are then judged against the less loaded machine.
    baseline = min(steps["1"], steps["1b"], key=lambda step: step.seconds)
    base, base_cpu = baseline.seconds, baseline.cpu
    n = len(slugs)
    print()
    print(f"campaignkit {code}, copied into the work folder at the start")
    print(
        f"{n} campaigns × ({args.actions} actions + {args.events} events); baseline: "
        f"{pages} Markdown pages as one site; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    header = (
        f"{'step':<40} {'seconds':>8} {'× base':>7} {'ratio':>13} {'CPU s':>7} {'× base':>7} "
        f"{'load':>5} {'site MB':>8} {'MB/camp.':>8} {'tree MB':>8} {'proc MB':>8}  target"
    )
    print(header)
    print("-" * len(header))
    order = ["1", "1p", "2", "3", "4", "5", "single", "1b"]
    for key in order:
        step = steps.get(key)
        if step is None:
            print(f"{key + ' (skipped)':<44}")
            continue
        ratio, target = "", ""
        if key == "2":
            target = f"≤ 0.8× baseline: {verdict(step.seconds <= 0.8 * base)}"
            if "1p" in steps:
                ratio = f"{step.seconds / steps['1p'].seconds:.2f}× (1p)"
        if key == "1p":
            target = "no campaignkit: a floor for (2)"
        if key == "4" and "3" in steps:
            share = step.seconds / steps["3"].seconds
            ratio = f"{share:.1%} of (3)"
            target = f"≤ 5 % of (3): {verdict(share <= 0.05)}"
        if key == "5" and "single" in steps:
            times = step.seconds / steps["single"].seconds
            ratio = f"{times:.2f}× single"
            target = f"≤ 2× single: {verdict(times <= 2)}"
        per = (step.size / n if key != "single" else step.size) / MB
        print(
            f"{key + ' ' + step.label:<40.40} {step.seconds:>8.1f} {step.seconds / base:>7.2f} "
            f"{ratio:>13} {step.cpu:>7.1f} {step.cpu / base_cpu:>7.2f} {step.load:>5.1f} "
            f"{step.size / MB:>8.1f} {per:>8.2f} {step.tree_peak / MB:>8.0f} "
            f"{step.process_peak / MB:>8.0f}  {target}"
        )
    peak = max(s.tree_peak for s in steps.values())
    print(
        f"peak memory of a build's process tree: {peak / MB:.0f} MB (target ≤ "
        f"{MEMORY_LIMIT / MB:.0f} MB: {verdict(peak <= MEMORY_LIMIT)})"
    )
    print(
        "  tree MB: sampled every 0.2 s, summed RSS of the build and its workers (shared "
        "pages counted once per process, so an upper bound);"
    )
    print(
        "  proc MB: getrusage(RUSAGE_CHILDREN).ru_maxrss, the largest single process of any "
        "build so far (never goes down)"
    )
    print(
        f"  × base: against the faster baseline run ({baseline.name}); CPU s: user + system "
        "time of the build and its workers; load: the 1-minute load average when the step "
        "started (other work on the machine stretches the seconds, not the CPU time)"
    )
    for key in ("2", "3", "5"):
        step = steps.get(key)
        if step and step.members:
            times = sorted(step.members)
            print(
                f"  ({key}) {len(times)} microsites built, {step.reused} reused; per member "
                f"mean {sum(times) / len(times):.1f} s, median {times[len(times) // 2]:.1f} s, "
                f"max {times[-1]:.1f} s"
            )
    if "single" in steps:
        print(f"  single: CAMPAIGN={edited} mkdocs build, the campaign edited in (5)")
    if "1p" in steps:
        print(
            "  (1p): the baseline's pages as one plain MkDocs + Material site per campaign, "
            "built like the portal's microsites (benchmarks/plain_sites.py): what splitting "
            "and parallel workers give with no campaignkit work at all"
        )

    site = project.parent / "out" / "portal"
    if site.exists():
        kinds, portal = site_breakdown(site, slugs)
        total = sum(kinds.values())
        per = total / n
        print()
        print(f"published bytes per campaign (mean of {n}), from the portal site:")
        for kind, size in kinds.most_common():
            print(f"  {kind:<28} {size / n / MB:>8.2f} MB  {size / total:>6.1%}")
        print(f"  {'total':<28} {per / MB:>8.2f} MB; the portal itself: {portal / MB:.2f} MB")
        small = sum(size for kind, size in kinds.items() if kind not in BIG) / n
        no_zip = per - kinds["kit: zip"] / n
        print(
            f"campaigns in a {PAGES_LIMIT / 1e9:.0f} GB GitHub Pages site "
            f"(limit minus the portal's {portal / MB:.1f} MB):"
        )
        for label, size in (
            ("everything published", per),
            ("without the ZIP", no_zip),
            ("without ZIP, print images and posters", small),
        ):
            print(
                f"  {label:<40} {size / MB:>7.2f} MB/campaign -> "
                f"{int((PAGES_LIMIT - portal) // size)} campaigns"
            )

    counts, sizes = cache_kinds(project / ".cache" / "campaignkit" / "kit")
    if counts:
        print()
        print(f"kit cache ({sum(counts.values())} objects):")
        for kind, size in sizes.most_common():
            print(
                f"  {kind:<12} {counts[kind]:>6} objects {size / MB:>9.1f} MB "
                f"({size / n / MB:.2f} MB per campaign)"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--campaigns", type=int, default=40)
    parser.add_argument("--actions", type=int, default=50)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--jobs", type=int, help="worker processes (default: the plugin's)")
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    parser.add_argument(
        "--skip-cold",
        action="store_true",
        help="leave out step 3; needs a kept project with a warm kit cache",
    )
    parser.add_argument(
        "--kit-sample",
        type=int,
        default=2,
        help="campaigns whose kit is timed per kind in this process (0: none)",
    )
    args = parser.parse_args()

    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="scale-bench-"))
    project, out, logs = work / "project", work / "out", work / "logs"
    params = {k: getattr(args, k) for k in ("campaigns", "actions", "events", "jobs")}
    marker = work / MARKER
    saved = json.loads(marker.read_text()) if marker.exists() else {}
    reuse = {k: v for k, v in saved.items() if k != "pages"} == params
    kit_cache = project / ".cache" / "campaignkit" / "kit"
    if args.skip_cold and not (reuse and kit_cache.exists()):
        sys.exit("--skip-cold needs --keep DIR with a project already built with these sizes")
    work.mkdir(parents=True, exist_ok=True)
    code = snapshot(work)
    import campaignkit

    assert Path(campaignkit.__file__).is_relative_to(work), "campaignkit was imported too early"
    try:
        if not reuse:
            for folder in (project, out, work / "baseline", logs):
                shutil.rmtree(folder, ignore_errors=True)
            print(f"generating {args.campaigns} campaigns in {project}", file=sys.stderr)
            generated = make_project(project, args.campaigns, args.actions, args.events, args.jobs)
            pages = make_baseline(work / "baseline", generated)
            marker.write_text(json.dumps(params | {"pages": pages}))
        pages = json.loads(marker.read_text())["pages"]
        logs.mkdir(exist_ok=True)
        slugs = sorted(p.name for p in (project / "campaigns").iterdir() if p.is_dir())
        config = project / "mkdocs.yml"
        portal = out / "portal"
        steps: dict[str, Step] = {}
        steps["1"] = build(
            "1",
            "baseline: MkDocs + Material, search",
            work / "baseline" / "mkdocs.yml",
            out / "baseline",
            logs / "1-baseline.log",
        )
        shutil.rmtree(out / "plain", ignore_errors=True)
        jobs = args.jobs or os.cpu_count() or 1
        steps["1p"] = run(
            "1p",
            f"baseline pages as {len(slugs)} sites, {jobs} workers",
            [
                sys.executable,
                str(ROOT / "benchmarks" / "plain_sites.py"),
                str(work / "baseline"),
                str(out / "plain"),
                str(jobs),
            ],
            out / "plain",
            logs / "1p-plain-sites.log",
        )
        if not args.skip_cold:
            shutil.rmtree(project / ".cache", ignore_errors=True)
            steps["3"] = build(
                "3", "portal, cold (empty .cache)", config, portal, logs / "3-cold.log"
            )
        shutil.rmtree(project / ".cache" / "campaignkit" / "sites", ignore_errors=True)
        steps["2"] = build(
            "2", "portal, all pages, kit cache warm", config, portal, logs / "2-warm-kit.log"
        )
        steps["4"] = build("4", "portal, nothing changed", config, portal, logs / "4-noop.log")

        edited = slugs[len(slugs) // 2]
        action = sorted((project / "campaigns" / edited / "actions").glob("*.yml"))[0]
        original = action.read_bytes()
        try:
            data = yaml.safe_load(original)
            data["body"] += "\n\nNieuw: ook in het najaar kun je nog instappen."
            action.write_text(dump(data), "utf-8")
            steps["5"] = build(
                "5",
                f"portal, one action edited ({edited})",
                config,
                portal,
                logs / "5-one-action.log",
            )
            steps["single"] = build(
                "single",
                f"CAMPAIGN={edited}, kit warm",
                config,
                out / "single",
                logs / "single.log",
                CAMPAIGN=edited,
            )
        finally:
            action.write_bytes(original)
        # Again at the end: other work on the machine may have come or gone meanwhile.
        steps["1b"] = build(
            "1b",
            "baseline again",
            work / "baseline" / "mkdocs.yml",
            out / "baseline",
            logs / "1b-baseline.log",
        )

        report(args, steps, pages, slugs, project, edited, code)
        if args.kit_sample:
            sample = slugs[: args.kit_sample]
            made, total = kit_breakdown(project, sample)
            print()
            print(
                f"kit alone, in this process, empty cache, {len(sample)} campaigns: "
                f"{total:.1f} s ({total / len(sample):.1f} s per campaign, "
                f"× {len(slugs)} campaigns / {args.jobs or os.cpu_count()} workers ≈ "
                f"{total / len(sample) * len(slugs) / (args.jobs or os.cpu_count() or 1):.0f} s"
                f" of the cold build)"
            )
            for kind, times in sorted(made.items(), key=lambda item: -sum(item[1])):
                print(
                    f"  {kind:<18} {len(times) / len(sample):>6.0f} per campaign "
                    f"{sum(times) / len(sample):>7.2f} s per campaign "
                    f"({sum(times) / total:.0%}; {sum(times) / len(times) * 1000:.0f} ms each)"
                )
            print(
                f"  {'rest':<18} {'':>6}{'':13}"
                f"{(total - sum(map(sum, made.values()))) / len(sample):>7.2f} s per campaign "
                "(decoding counted in the kind that needed it first; hashing, reading, page)"
            )
    finally:
        if args.keep:
            print(f"\nproject, sites and logs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
