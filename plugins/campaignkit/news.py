"""A campaign's news: ``news/<slug>.md`` files, each front matter and Markdown.

The front matter is checked by :class:`~campaignkit.model.NewsFrontMatter` and explained like
every campaign file; whether the actions and events it names exist is checked with the rest
of the campaign (:mod:`campaignkit.validation`). An item dated after the build's day is not
published yet: :func:`published` is the one rule every page, feed and kit output follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from campaignkit.explain import explain
from campaignkit.fields import SLUG_PATTERN, NewsBody, slugify
from campaignkit.loading import Document
from campaignkit.model import NewsFrontMatter, NewsItem, Record
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.texts.files import Block, Source, split

NEWS_FOLDER = "news"
MAX_NEWS_FILES = 500
MAX_NEWS_BYTES = 100 * 1024
#: File names that would take the address of a page of the news list.
RESERVED_SLUGS = ("index", "pagina")

NEWS_BLOCK = Block(
    "Een nieuwsbericht",
    "titel, datum en samenvatting",
    "    ---\n    title: De eerste straten zijn gestart\n    date: 2027-03-15\n"
    "    summary: Twintig straten gingen deze maand aan de slag.\n    ---",
    "Vul 'title', 'date' en 'summary' in.",
)


class _Body(Record):
    body: NewsBody


@dataclass(frozen=True)
class NewsFile:
    """One news file as read: its front matter (located), and the item if it holds up."""

    document: Document
    item: NewsItem | None


def news_files(folder: Path, base: Path | None, problems: list[Problem]) -> list[Source]:
    """The news files of a campaign folder, by slug; a file that cannot be one is a problem."""
    news = folder / NEWS_FOLDER
    if not news.is_dir():
        return []
    sources = []
    for path in sorted(news.iterdir()):
        if path.name.startswith("."):
            continue
        name = display_name(path, base)
        problem = _refused(path)
        if problem is not None:
            problems.append(Problem(name, 1, 1, *problem))
            continue
        sources.append(Source(path.stem, name, path.read_bytes(), False))
    if len(sources) > MAX_NEWS_FILES:
        problems.append(
            Problem(display_name(news, base), 1, 1, f"Meer dan {MAX_NEWS_FILES} berichten.")
        )
        return sources[:MAX_NEWS_FILES]
    return sources


def _refused(path: Path) -> tuple[str, str] | None:
    """Why ``path`` cannot be a news item (message, hint), or ``None``."""
    if path.suffix != ".md" or not path.is_file():
        return (
            f"'{path.name}' hoort niet in de map news/.",
            "Zet hier alleen berichten als .md-bestanden, bv. news/eerste-straten.md; "
            "afbeeldingen horen in images/.",
        )
    if not re.match(SLUG_PATTERN, path.stem):
        return (
            f"De bestandsnaam '{path.name}' is geen geldige naam.",
            "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. "
            f"'{slugify(path.stem, 'bericht')}.md'. De naam wordt het webadres.",
        )
    if path.stem in RESERVED_SLUGS:
        return (
            f"De naam '{path.stem}' is voorbehouden voor de nieuwslijst.",
            f"Geef het bericht een andere naam, bv. 'news/mijn-{path.stem}.md'.",
        )
    if path.stat().st_size > MAX_NEWS_BYTES:
        return (f"Het bestand is te groot (hooguit {MAX_NEWS_BYTES // 1024} kB).", "")
    return None


def read_news_file(source: Source, problems: list[Problem]) -> NewsFile | None:
    """One news file: its front matter checked by the model, its Markdown checked for
    length and hidden characters. ``None`` when it has no readable front matter."""
    try:
        parts = split(source, NEWS_BLOCK)
    except CampaignError as error:
        problems.extend(error.problems)
        return None
    document = parts.front
    data = document.data
    front = None
    try:
        front = NewsFrontMatter.model_validate(data)
    except ValidationError as error:
        problems.extend(explain(document, NewsFrontMatter, error))
    body = _body(source.name, parts.body, parts.first_line, problems)
    if front is None or body is None:
        return NewsFile(document, None)
    return NewsFile(document, NewsItem(**dict(front), slug=source.slug, body=body))


def _body(name: str, text: str, first_line: int, problems: list[Problem]) -> str | None:
    try:
        return _Body.model_validate({"body": text}).body
    except ValidationError as error:
        line = first_line
        code = str((error.errors()[0].get("ctx") or {}).get("error", ""))
        if code.startswith("invisible_char:U+"):
            # Point at the line that holds the character, not at the start of the text.
            line += text[: text.find(chr(int(code.removeprefix("invisible_char:U+"), 16)))].count(
                "\n"
            )
        document = Document(name, {"body": text}, {("body",): (line, 1)}, {("body",): (line, 1)})
        problems.extend(explain(document, _Body, error))
        return None


def read_news(folder: Path, base: Path | None = None) -> tuple[list[NewsFile], list[Problem]]:
    """Every news file of a campaign folder as read, and the problems found."""
    problems: list[Problem] = []
    files = []
    for source in news_files(folder, base, problems):
        found = read_news_file(source, problems)
        if found is not None:
            files.append(found)
    return files, problems


def published(items: Iterable[NewsItem], today: date) -> tuple[NewsItem, ...]:
    """The items dated ``today`` or before, newest first (one day's items by file name)."""
    shown = [item for item in items if item.date <= today]
    return tuple(sorted(shown, key=lambda item: (-item.date.toordinal(), item.slug)))
