"""Kit-text files: the built-in defaults and a campaign's ``texts/*.md``, split into their
front matter (a located YAML document) and their Markdown body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from campaignkit.fields import SLUG_PATTERN
from campaignkit.loading import Document, parse_document
from campaignkit.problems import CampaignError, Problem, display_name

TEXTS_FOLDER = "texts"
MAX_TEXT_BYTES = 100 * 1024
_FENCE = re.compile(r"^---[ \t]*$")


@dataclass(frozen=True)
class Source:
    """One text file, unread: its slug, its name in problems, and its bytes."""

    slug: str
    name: str
    raw: bytes
    default: bool


@dataclass(frozen=True)
class Block:
    """How problems with one kind of file's front matter are told: what starts with it,
    what it holds, an example of it, what to fill in when it is empty."""

    what: str
    holds: str
    example: str
    fill: str


#: A kit text's front matter.
TEXT_BLOCK = Block(
    "Een tekst",
    "titel en kanaal",
    "    ---\n    title: Nieuwsbriefartikel\n    channel: newsletter\n    ---",
    "Vul 'title' en 'channel' in.",
)


@dataclass(frozen=True)
class Parts:
    """A text file split: the front matter, the body and the body's first line number."""

    front: Document
    body: str
    first_line: int


def default_sources(language: str) -> list[Source]:
    """The built-in texts in ``language``, by slug."""
    folder = resources.files("campaignkit.texts").joinpath("defaults").joinpath(language)
    sources = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md"):
            sources.append(
                Source(
                    entry.name.removesuffix(".md"),
                    f"campaignkit/texts/defaults/{language}/{entry.name}",
                    entry.read_bytes(),
                    True,
                )
            )
    return sources


#: The folder of the teams' texts inside ``texts/`` (see :mod:`campaignkit.texts.teams`).
TEAM_TEXTS = "ploegen"
#: The folder of the news items' texts (:mod:`campaignkit.kit.news_texts`).
NEWS_TEXTS = "nieuws"
#: The folder of the posting plan's texts (:mod:`campaignkit.texts.planning`).
PLAN_TEXTS = "planning"
#: Folders in ``texts/`` whose texts are templates, filled in once per team, item or post.
TEMPLATE_FOLDERS = (TEAM_TEXTS, NEWS_TEXTS, PLAN_TEXTS)


def campaign_sources(
    folder: Path, base: Path | None, problems: list[Problem], *, inside: str = TEXTS_FOLDER
) -> list[Source]:
    """The campaign's own texts in its folder ``inside`` (``texts/``), by slug; a file that
    cannot be one is a problem."""
    texts = folder / inside
    if not texts.is_dir():
        return []
    sources = []
    for path in sorted(texts.iterdir()):
        if path.name.startswith("."):
            continue
        if inside == TEXTS_FOLDER and path.name in TEMPLATE_FOLDERS and path.is_dir():
            continue  # templates, read for each team, news item or post
        name = display_name(path, base)
        if path.suffix != ".md" or not path.is_file():
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"'{path.name}' hoort niet in de map texts/.",
                    "Zet hier alleen teksten als .md-bestanden, bv. texts/nieuwsbrief.md.",
                )
            )
            continue
        if not re.match(SLUG_PATTERN, path.stem):
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"De bestandsnaam '{path.name}' is geen geldige naam.",
                    "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. "
                    "'nieuwsbrief-mei.md'. De naam wordt de bestandsnaam in de kit.",
                )
            )
            continue
        if path.stat().st_size > MAX_TEXT_BYTES:
            problems.append(
                Problem(
                    name, 1, 1, f"Het bestand is te groot (hooguit {MAX_TEXT_BYTES // 1024} kB)."
                )
            )
            continue
        sources.append(Source(path.stem, name, path.read_bytes(), False))
    return sources


def template_sources(
    language: str,
    folder: Path | None,
    inside: str,
    base: Path | None = None,
    names: tuple[str, ...] = (),
    *,
    only: bool = False,
) -> list[Source]:
    """The built-in templates in ``texts/defaults/<language>/<inside>/``, each replaced by
    the campaign's file of the same name in ``texts/<inside>/`` (as a campaign's
    ``texts/<slug>.md`` replaces a built-in text), in the order of ``names`` and then by
    name; a campaign's other files there are added, or with ``only`` refused. Raises
    :class:`CampaignError` with every file that cannot be one."""
    defaults = resources.files("campaignkit.texts").joinpath("defaults", language, inside)
    found = {
        entry.name.removesuffix(".md"): Source(
            entry.name.removesuffix(".md"),
            f"campaignkit/texts/defaults/{language}/{inside}/{entry.name}",
            entry.read_bytes(),
            True,
        )
        for entry in defaults.iterdir()
        if entry.name.endswith(".md")
    }
    problems: list[Problem] = []
    if folder is not None:
        own = campaign_sources(folder, base, problems, inside=f"{TEXTS_FOLDER}/{inside}")
        for source in own:
            if only and source.slug not in found:
                problems.append(
                    Problem(
                        source.name,
                        1,
                        1,
                        f"Er is geen standaardtekst '{source.slug}' in texts/{inside}/.",
                        "Een eigen versie heeft de naam van de tekst die ze vervangt: "
                        + ", ".join(f"{name}.md" for name in sorted(found))
                        + ".",
                    )
                )
                continue
            found[source.slug] = source
    if problems:
        raise CampaignError(problems)
    order = {name: i for i, name in enumerate(names)}
    return [found[k] for k in sorted(found, key=lambda k: (order.get(k, len(order)), k))]


def _fail(source: Source, line: int, message: str, hint: str) -> CampaignError:
    return CampaignError([Problem(source.name, line, 1, message, hint)])


def split(source: Source, block: Block = TEXT_BLOCK) -> Parts:
    """Front matter as a located document (positions counted in the whole file) and body;
    ``block`` says what the front matter of this kind of file holds."""
    try:
        text = source.raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = source.raw[: error.start].count(b"\n") + 1
        raise _fail(
            source,
            line,
            "Het bestand is niet in UTF-8 opgeslagen.",
            "Sla het bestand op als UTF-8.",
        ) from None
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        raise _fail(
            source,
            1,
            f"{block.what} begint met een blok tussen twee regels '---' ({block.holds}).",
            "Zet bovenaan:\n" + block.example,
        )
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if closing is None:
        raise _fail(
            source,
            1,
            f"Het blok bovenaan ({block.holds}) wordt niet afgesloten.",
            "Zet na de laatste regel van het blok een regel met alleen '---'.",
        )
    front = "\n".join(lines[1:closing]) + "\n"
    if not front.strip():
        raise _fail(source, 1, "Het blok bovenaan is leeg.", block.fill)
    try:
        document = parse_document(front.encode("utf-8"), source.name)
    except CampaignError as error:
        raise CampaignError(_shift(error.problems, 1)) from None
    values = {loc: (line + 1, col) for loc, (line, col) in document.values.items()}
    keys = {loc: (line + 1, col) for loc, (line, col) in document.keys.items()}
    # A key missing from the block is reported where the block's first line is.
    keys.setdefault((), values.get((), (2, 1)))
    document = Document(document.name, document.data, values, keys)
    return Parts(document, "\n".join(lines[closing + 1 :]), closing + 2)


def _shift(problems: Iterable[Problem], lines: int) -> list[Problem]:
    return [Problem(p.file, p.line + lines, p.column, p.message, p.hint) for p in problems]
