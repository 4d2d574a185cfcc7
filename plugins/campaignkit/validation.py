"""Campaign folder to :class:`~campaignkit.model.Campaign`, collecting every problem first.

Nothing is built from a campaign until all its files have been read and every value,
reference and image has been checked; all problems of all files come back at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from campaignkit import branding
from campaignkit.entries import entry_files
from campaignkit.explain import explain
from campaignkit.fields import SLUG_PATTERN, check_relative_path
from campaignkit.i18n import default_themes
from campaignkit.images import ImageProblem, check_image
from campaignkit.kit.planning import template_problems
from campaignkit.library import Adoption, attributed, default_dirs, find_libraries, merged
from campaignkit.library.adopt import internal_keys
from campaignkit.library.sources import image_source
from campaignkit.loading import Document, Loc, load_document
from campaignkit.model import (
    DEFAULT_THEME_IDS,
    Action,
    Campaign,
    CampaignFile,
    Event,
    NewsItem,
    Record,
    Team,
)
from campaignkit.news import NewsFile, read_news
from campaignkit.phases import phase_problems
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.repeats import repeat_problems
from campaignkit.teams import (
    action_indicators,
    check_campaign_teams,
    indicator_ids,
    validate_team,
)
from campaignkit.texts import Text, campaign_addresses, load_texts
from campaignkit.texts.teams import load_team_texts

CAMPAIGN_FILE = "campaign.yml"
FOLDERS: dict[str, type[Record]] = {"actions": Action, "events": Event}
TEAMS_FOLDER = "teams"


def find_campaigns(campaigns_dir: Path) -> list[Path]:
    """Campaign folders (those holding a campaign.yml), sorted by slug."""
    if not campaigns_dir.is_dir():
        return []
    return sorted(p for p in campaigns_dir.iterdir() if (p / CAMPAIGN_FILE).is_file())


Dirs = Sequence[Path] | None


def load_campaign(
    folder: Path, *, base: Path | None = None, libraries: Dirs = None, portal_url: str | None = None
) -> Campaign:
    """Read and check a whole campaign folder; raise :class:`CampaignError` with all problems.
    ``libraries``: the folders of libraries (by default ``library/`` beside ``campaigns/``);
    ``portal_url``: the portal it is built in, whose address its texts link to when it has
    no ``site_url`` of its own."""
    return load_campaign_and_texts(folder, base=base, libraries=libraries, portal_url=portal_url)[0]


def load_campaign_and_texts(
    folder: Path, *, base: Path | None = None, libraries: Dirs = None, portal_url: str | None = None
) -> tuple[Campaign, tuple[Text, ...]]:
    """:func:`load_campaign`, and the kit texts it checked (ready for the kit's build)."""
    reader = _Reader(folder, base, libraries, portal_url)
    campaign = reader.read()
    return reader.checked(campaign), reader.texts


def load_campaign_settings(
    folder: Path, *, base: Path | None = None, libraries: Dirs = None, portal_url: str | None = None
) -> Campaign:
    """Only ``campaign.yml`` of a campaign, checked: what a portal lists. Its actions and
    events are left empty (and unchecked); :func:`load_campaign` reads and checks them."""
    reader = _Reader(folder, base, libraries, portal_url)
    return reader.checked(reader.read_settings())


def load_campaigns(
    folders: Iterable[Path],
    *,
    base: Path | None = None,
    settings_only: bool = False,
    libraries: Dirs = None,
    portal_url: str | None = None,
) -> list[Campaign]:
    """Load several campaigns (with ``settings_only``, their ``campaign.yml`` alone),
    reporting the problems of all of them together (and of every library beside them)."""
    load = load_campaign_settings if settings_only else load_campaign
    campaigns: list[Campaign] = []
    problems: list[Problem] = []
    folders = list(folders)
    for folder in folders:
        try:
            campaigns.append(load(folder, base=base, libraries=libraries, portal_url=portal_url))
        except CampaignError as error:
            problems.extend(error.problems)
    if folders and not settings_only:
        dirs = default_dirs(folders[0]) if libraries is None else libraries
        problems.extend(find_libraries(dirs, base).problems)
    if problems:
        raise CampaignError(merged(problems))
    return campaigns


class _Reader:
    def __init__(
        self, folder: Path, base: Path | None, libraries: Dirs = None, portal_url: str | None = None
    ) -> None:
        self.folder = folder
        self.base = base
        self.problems: list[Problem] = []
        self.library = Adoption(folder, base, libraries, self.problems, portal_url)
        self.slugs: dict[str, list[str]] = {}
        self.texts: tuple[Text, ...] = ()

    def checked(self, campaign: Campaign | None) -> Campaign:
        """``campaign``, or every problem found (those of library files naming it)."""
        problems = self.problems
        if problems or campaign is None:
            if self.library.used:
                problems = attributed(problems, self.folder.name, self.library.libraries)
            raise CampaignError(problems)
        return campaign

    def name(self, path: Path) -> str:
        return display_name(path, self.base)

    def load(self, path: Path) -> Document | None:
        try:
            doc = load_document(path, self.name(path), keep_going=True)
        except CampaignError as error:
            self.problems.extend(error.problems)
            return None
        self.problems.extend(doc.problems)  # a key given twice: the rest is checked all the same
        return doc

    def validate(self, doc: Document, model: type[Record], extra: dict[str, Any]) -> Any:
        if not isinstance(doc.data, dict):
            return None
        for key in extra:
            if key in doc.data:
                self.problems.append(
                    doc.problem(
                        (key,),
                        f"'{key}' kan hier niet ingesteld worden: de bestandsnaam bepaalt het.",
                        "Verwijder deze regel; hernoem het bestand als je een andere naam wil.",
                        key=True,
                    )
                )
                return None
        try:
            return model.model_validate({**doc.data, **extra})
        except ValidationError as error:
            self.problems.extend(explain(doc, model, error))
            return None

    def read_settings(self) -> Campaign | None:
        """``campaign.yml`` alone, checked as :meth:`read` checks it: a campaign without
        its actions and events."""
        campaign_doc, settings = self._settings()
        if settings is None or campaign_doc is None:
            return None
        campaign = self._campaign(settings)
        self._check_campaign(campaign_doc, campaign)
        return campaign

    def _campaign(
        self,
        settings: CampaignFile,
        actions: Sequence[Action] = (),
        events: Sequence[Event] = (),
        teams: Sequence[Team] = (),
        news: Sequence[NewsItem] = (),
    ) -> Campaign:
        """The whole campaign; without themes of its own, the built-in ones in its language."""
        themes = settings.themes
        return Campaign.model_validate(
            {
                **settings.model_dump(exclude_unset=True),
                "slug": self.folder.name,
                "folder": str(self.folder),
                "themes": default_themes(settings.language) if themes is None else themes,
                "actions": actions,
                "events": events,
                "teams": teams,
                "news": news,
                "libraries": self.library.folders(),
            }
        )

    def _settings(self) -> tuple[Document | None, CampaignFile | None]:
        folder = self.folder
        slug = folder.name
        campaign_path = folder / CAMPAIGN_FILE
        if not re.match(SLUG_PATTERN, slug):
            self.problems.append(
                Problem(
                    self.name(campaign_path),
                    1,
                    1,
                    f"De mapnaam '{slug}' is geen geldige campagnenaam.",
                    "Gebruik alleen kleine letters, cijfers en koppeltekens, bv. 'asse'.",
                )
            )
        if not campaign_path.is_file():
            self.problems.append(
                Problem(
                    self.name(campaign_path),
                    1,
                    1,
                    "Deze campagnemap heeft geen campaign.yml.",
                    "Maak een campagne met 'campaignkit new <naam> --municipality \"Gemeente\"'.",
                )
            )
            return None, None
        campaign_doc = self.load(campaign_path)
        campaign_doc = self.library.expand(campaign_doc) if campaign_doc else None
        settings = self.validate(campaign_doc, CampaignFile, {}) if campaign_doc else None
        if settings is not None:
            settings = self.library.fill_partners(settings, self._campaign(settings))
        return campaign_doc, settings

    def read(self) -> Campaign | None:
        folder = self.folder
        campaign_doc, settings = self._settings()
        if campaign_doc is None and not (folder / CAMPAIGN_FILE).is_file():
            return None
        entries: dict[str, list[tuple[Document, Any]]] = {}
        settled = self._campaign(settings) if settings is not None else None
        for folder_name, model in FOLDERS.items():
            entries[folder_name] = []
            files = self._entry_files(folder / folder_name)
            self.slugs[folder_name] = [path.stem for path in files]
            for path in files:
                doc = self.load(path)
                if doc is None:
                    continue
                if model is Action and isinstance(doc.data, dict) and "from" in doc.data:
                    item = self.library.action(doc, path.stem, settled)
                else:
                    self.problems.extend(internal_keys(doc) if model is Action else [])
                    item = self.validate(doc, model, {"slug": path.stem})
                entries[folder_name].append((doc, item))
        actions = [item for _, item in entries["actions"] if item is not None]
        events = [item for _, item in entries["events"] if item is not None]
        teams = self._teams(entries["actions"])
        raw = campaign_doc.data if campaign_doc and isinstance(campaign_doc.data, dict) else {}
        indicators = indicator_ids(raw)
        news, news_problems = read_news(folder, self.base)
        self.problems.extend(news_problems)
        if settings is None or campaign_doc is None:
            # Still check the other files' references against what campaign.yml does say,
            # so one run shows every problem.
            self._check_references(_ids(raw, "themes"), _ids(raw, "partners"), entries, indicators)
            self._check_news(news)
            return None
        items = [file.item for file in news if file.item is not None]
        campaign = self._campaign(settings, actions, events, teams, items)
        self._check_campaign(campaign_doc, campaign)
        self.problems.extend(check_campaign_teams(campaign_doc, campaign, self.slugs[TEAMS_FOLDER]))
        self._check_references(
            [t.id for t in campaign.themes], [p.id for p in campaign.partners], entries, indicators
        )
        self._check_news(news)
        if not self.problems:
            # Texts fill in placeholders from the whole campaign: only once it holds together.
            self._check_texts(campaign)
        return campaign

    def _teams(self, action_entries: list[tuple[Document, Any]]) -> list[Team]:
        """``teams/*.yml``, each checked with what the action files say."""
        files = self._entry_files(self.folder / TEAMS_FOLDER)
        self.slugs[TEAMS_FOLDER] = [path.stem for path in files]
        by_slug: dict[str, Document | None] = dict.fromkeys(self.slugs["actions"])
        by_slug.update({Path(doc.name).stem: doc for doc, _ in action_entries})
        # An action taken from a library may have its indicator from there.
        known = {
            **action_indicators(by_slug),
            **{a.slug: a.indicator for _, a in action_entries if a and a.origin},
        }
        teams = []
        for path in files:
            doc = self.load(path)
            if doc is None:
                continue
            if isinstance(doc.data, dict) and "slug" in doc.data:
                self.validate(doc, Team, {"slug": path.stem})  # reports the refused key
                continue
            team, problems = validate_team(doc, path.stem, known)
            self.problems.extend(problems)
            photo = doc.data.get("photo") if isinstance(doc.data, dict) else None
            if isinstance(photo, dict) and isinstance(photo.get("src"), str):
                self._image(doc, ("photo", "src"), photo["src"])
            if team is not None:
                teams.append(team)
        return teams

    def _check_texts(self, campaign: Campaign) -> None:
        """The kit's texts (texts/*.md), the teams' (texts/ploegen/*.md, filled in for
        every team), the news items' and the posting plan's: placeholders, limits, front
        matter."""
        try:
            self.texts = load_texts(campaign, base=self.base)
        except CampaignError as error:
            self.problems.extend(error.problems)
        try:
            load_team_texts(campaign, base=self.base)
        except CampaignError as error:
            self.problems.extend(error.problems)
        self.problems.extend(template_problems(campaign, campaign_addresses(campaign), self.base))

    def _entry_files(self, folder: Path) -> list[Path]:
        return entry_files(folder, self.base, self.problems)

    def _image(self, doc: Document, loc: Loc, relative: str | None) -> None:
        if not relative or not _well_formed_path(relative):
            return  # the model already reported the path's form
        try:
            check_image(*image_source(self.folder, self.library.folders(), relative))
        except ImageProblem as problem:
            self.problems.append(doc.problem(loc, problem.message, problem.hint))

    def _check_campaign(self, doc: Document, campaign: Campaign) -> None:
        primary = campaign.branding.primary
        ratio = branding.contrast(primary, "#ffffff")
        if ratio < branding.MIN_CONTRAST:
            better = branding.nearest_readable(primary)
            self.problems.append(
                doc.problem(
                    ("branding", "primary"),
                    f"Witte tekst is slecht leesbaar op de kleur {primary} (contrast "
                    f"{ratio:.2f}:1, minstens {branding.MIN_CONTRAST}:1 nodig).",
                    f'Gebruik een donkerdere kleur, bv. "{better}" (de dichtstbijzijnde die '
                    "wel leesbaar is).",
                )
            )
        self._image(doc, ("branding", "logo"), campaign.branding.logo)
        if campaign.hero:
            self._image(doc, ("hero", "image"), campaign.hero.image)
        for kind, items, attr in (
            ("partner", campaign.partners, "id"),
            ("thema", campaign.themes, "id"),
        ):
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                key = getattr(item, attr)
                if key in seen:
                    where = "partners" if kind == "partner" else "themes"
                    line = doc.position((where, seen[key]))[0]
                    self.problems.append(
                        doc.problem(
                            (where, index, attr),
                            f"De {kind}-id '{key}' komt twee keer voor (ook op regel {line}).",
                            "Geef elke id een eigen naam.",
                        )
                    )
                seen[key] = index
        for index, partner in enumerate(campaign.partners):
            self._image(doc, ("partners", index, "logo"), partner.logo)
        self.problems.extend(phase_problems(doc, campaign.phases))

    def _check_references(
        self,
        themes: Sequence[str] | None,
        partners: Sequence[str] | None,
        entries: dict[str, list[tuple[Document, Any]]],
        indicators: Sequence[str] | None,
    ) -> None:
        """Check what actions and events point at, in every file that could be read (even one
        with other problems); ``None`` means "unknown, don't check"."""
        slugs = self.slugs
        for doc, _ in entries["actions"]:
            data = doc.data if isinstance(doc.data, dict) else {}
            if isinstance(data.get("theme"), str):
                self._reference(doc, ("theme",), data["theme"], themes, "thema", "themes")
            if isinstance(data.get("indicator"), str):
                where = "indicators"
                self._reference(
                    doc, ("indicator",), data["indicator"], indicators, "indicator", where
                )
            for i, pid in _strings(data.get("partners")):
                self._reference(doc, ("partners", i), pid, partners, "partner", "partners")
            for i, slug in _strings(data.get("events")):
                self._reference(doc, ("events", i), slug, slugs["events"], "activiteit", "events/")
            self._own_image(doc, data)
        for doc, event in entries["events"]:
            if isinstance(event, Event) and event.repeat is not None:
                self.problems.extend(repeat_problems(doc, event.start, event.repeat))
            data = doc.data if isinstance(doc.data, dict) else {}
            for i, slug in _strings(data.get("actions")):
                self._reference(doc, ("actions", i), slug, slugs["actions"], "actie", "actions/")
            self._own_image(doc, data)

    def _own_image(self, doc: Document, data: dict[str, Any]) -> None:
        """The ``image`` of an action or event."""
        image = data.get("image")
        if isinstance(image, dict) and isinstance(image.get("src"), str):
            self._image(doc, ("image", "src"), image["src"])

    def _check_news(self, news: Sequence[NewsFile]) -> None:
        """What news items point at: actions, events, teams and their image."""
        slugs = self.slugs
        for file in news:
            doc = file.document
            data = doc.data if isinstance(doc.data, dict) else {}
            for i, slug in _strings(data.get("actions")):
                self._reference(doc, ("actions", i), slug, slugs["actions"], "actie", "actions/")
            for i, slug in _strings(data.get("events")):
                self._reference(doc, ("events", i), slug, slugs["events"], "activiteit", "events/")
            for i, slug in _strings(data.get("teams")):
                self._reference(doc, ("teams", i), slug, slugs[TEAMS_FOLDER], "ploeg", "teams/")
            image = data.get("image")
            if isinstance(image, dict) and isinstance(image.get("src"), str):
                self._image(doc, ("image", "src"), image["src"])

    def _reference(
        self,
        doc: Document,
        loc: Loc,
        value: str,
        known: Sequence[str] | None,
        kind: str,
        where: str,
    ) -> None:
        if known is None or value in known:
            return
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"Bedoel je '{close[0]}'? " if close else ""
        if where.endswith("/"):
            hint += f"Er moet een bestand {where}{value}.yml bestaan."
        elif known:
            hint += f"Kies uit: {', '.join(dict.fromkeys(known))}."
        else:
            hint += f"Voeg eerst een {kind} toe onder '{where}' in campaign.yml."
        self.problems.append(doc.problem(loc, f"Er is geen {kind} '{value}'.", hint))


def _ids(raw: dict[str, Any], key: str) -> list[str] | None:
    """Ids listed under ``key`` in unvalidated campaign data (None when unreadable)."""
    if key == "themes" and key not in raw:
        return list(DEFAULT_THEME_IDS)
    items = raw.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None
    return [str(i.get("id")) for i in items]


def _well_formed_path(relative: str) -> bool:
    try:
        check_relative_path(relative)
    except ValueError:
        return False
    return True


def _strings(value: Any) -> list[tuple[int, str]]:
    return (
        [(i, v) for i, v in enumerate(value) if isinstance(v, str)]
        if isinstance(value, list)
        else []
    )
