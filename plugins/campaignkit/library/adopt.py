"""What one campaign takes from the libraries: actions and partners with ``from:``, field by
field overridden, their placeholders filled in for this campaign, every problem located
where its text is (the library's file, or the campaign's override)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from campaignkit.explain import explain
from campaignkit.fields import Origin
from campaignkit.indicators import known_ids
from campaignkit.library.reading import (
    Libraries,
    default_dirs,
    find_libraries,
    has_placeholder,
    library_words,
)
from campaignkit.library.records import Item, Library, LibraryPartner
from campaignkit.library.sources import library_path
from campaignkit.loading import Document, Loc
from campaignkit.model import Action, Campaign, CampaignFile, Partner
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.texts.placeholders import context, render
from campaignkit.urls import Addresses, campaign_root

_REFERENCE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
_LANGUAGES = {"nl": "het Nederlands", "fr": "het Frans", "en": "het Engels"}
#: Values of a library action that name other things, never filled in.
_NAMES = {"theme", "partners", "indicator", "audience", "effort", "status", "points"}


@dataclasses.dataclass
class _Adopted:
    """A partner of ``campaign.yml`` taken from a library."""

    index: int
    item: Item
    overrides: frozenset[str]


class Adoption:
    """The library side of reading one campaign."""

    def __init__(
        self,
        folder: Path,
        base: Path | None,
        dirs: Sequence[Path] | None,
        problems: list[Problem],
        portal_url: str | None = None,
    ) -> None:
        self.folder = folder
        #: The portal this campaign is built in (its address when it has no site_url).
        self.portal_url = portal_url
        self.base = base
        self.dirs = list(dirs) if dirs is not None else default_dirs(folder)
        #: The reader's list: what is found here is told with everything else.
        self.problems = problems
        #: The libraries this campaign takes something from, by slug.
        self.used: dict[str, Library] = {}
        #: ``<library>/<partner>`` -> the id of that partner in this campaign.
        self.partner_ids: dict[str, str] = {}
        self._partners: list[_Adopted] = []
        self._values: tuple[Campaign, dict[str, Any]] | None = None
        #: The folders whose problems are told already (another folder of a used slug).
        self._told: set[str] = set()

    @cached_property
    def libraries(self) -> Libraries:
        return find_libraries(self.dirs, self.base)

    def folders(self) -> tuple[tuple[str, str], ...]:
        """The used libraries' folders, by slug (the campaign model keeps them)."""
        return tuple((slug, str(lib.folder)) for slug, lib in sorted(self.used.items()))

    # -- references ---------------------------------------------------------------------

    def refer(self, doc: Document, loc: Loc, value: Any, kind: str) -> tuple[Library, Item] | None:
        """The library item ``value`` (``<library>/<slug>``) names, or a located problem."""
        where = "actions" if kind == "actie" else "partners"
        if not isinstance(value, str):
            self._problem(doc, loc, "'from' moet tekst zijn: <bibliotheek>/<naam>.", "")
            return None
        found = _REFERENCE.match(value.strip())
        if found is None:
            outside = value.startswith(("/", "\\", "~")) or ".." in value or ":" in value
            message = (
                f"'{value}' wijst buiten de bibliotheken."
                if outside
                else f"'{value}' is geen verwijzing naar een bibliotheek."
            )
            self._problem(
                doc, loc, message, f"Schrijf <bibliotheek>/<naam>, bv. bbl/{_example(where)}."
            )
            return None
        library = self.library(doc, loc, found.group(1))
        if library is None:
            return None
        self.used[library.slug] = library
        if library.problems:
            self.problems.extend(library.problems)
            return None
        items = library.actions if kind == "actie" else library.partners
        item = items.get(found.group(2))
        if item is None:
            close = difflib.get_close_matches(found.group(2), list(items), n=1)
            hint = f"Bedoel je '{library.slug}/{close[0]}'? " if close else ""
            hint += f"Er moet een bestand {where}/{found.group(2)}.yml in de bibliotheek bestaan."
            self._problem(
                doc,
                loc,
                f"De bibliotheek '{library.slug}' heeft geen {kind} '{found.group(2)}'.",
                hint,
            )
            return None
        self.problems.extend(item.problems)
        return None if item.problems else (library, item)

    def library(self, doc: Document, loc: Loc, slug: str) -> Library | None:
        library = self.libraries.get(slug)
        if library is None:
            known = sorted(self.libraries.by_slug)
            close = difflib.get_close_matches(slug, known, n=1)
            hint = f"Bedoel je '{close[0]}'? " if close else ""
            hint += (
                f"Kies uit: {', '.join(known)}."
                if known
                else ("Er staat nog geen bibliotheek in library/ (een map met een library.yml).")
            )
            self._problem(doc, loc, f"Er is geen bibliotheek '{slug}'.", hint)
        # Why a folder of that name is not a library (a link out of library/, ...), or is a
        # second one of that name: which of the two is meant cannot be guessed.
        own = display_name(library.folder, self.base) if library is not None else None
        for prefix in self.libraries.prefixes:
            if prefix.rsplit("/", 1)[-1] == slug and prefix != own and prefix not in self._told:
                self._told.add(prefix)
                self.problems.extend(
                    p for p in self.libraries.problems if p.file.startswith(prefix + "/")
                )
        return library

    def _problem(self, doc: Document, loc: Loc, message: str, hint: str) -> None:
        self.problems.append(doc.problem(loc, message, hint))

    # -- campaign.yml -----------------------------------------------------------------------

    def expand(self, doc: Document) -> Document:
        """``campaign.yml`` with each ``from:`` partner filled in from its library (its text
        filled in later, by :meth:`fill_partners`); ``library:`` checked."""
        data = doc.data
        if not isinstance(data, dict):
            return doc
        texts = data.get("library")
        if isinstance(texts, list):
            for index, slug in enumerate(texts):
                if isinstance(slug, str):
                    self._texts_library(doc, index, slug, data.get("language", "nl"))
        partners = data.get("partners")
        if not isinstance(partners, list) or not any(
            isinstance(p, dict) and "from" in p for p in partners
        ):
            return doc
        expanded = []
        for index, entry in enumerate(partners):
            if not isinstance(entry, dict) or "from" not in entry:
                expanded.append(entry)
                continue
            overrides = {k: v for k, v in entry.items() if k != "from"}
            found = self.refer(doc, ("partners", index, "from"), entry["from"], "partner")
            if found is None:
                expanded.append({"id": "onbekend", "name": "onbekend", **overrides})
                continue
            library, item = found
            own = {k: v for k, v in item.document.data.items() if k not in overrides}
            if isinstance(own.get("logo"), str):
                own["logo"] = library_path(library.slug, own["logo"])
            merged = {"id": item.slug, **own, **overrides}
            if isinstance(merged["id"], str):
                self.partner_ids[f"{library.slug}/{item.slug}"] = merged["id"]
            self._partners.append(_Adopted(index, item, frozenset(overrides)))
            expanded.append(merged)
        return dataclasses.replace(doc, data={**data, "partners": expanded})

    def _texts_library(self, doc: Document, index: int, slug: str, language: Any) -> None:
        library = self.library(doc, ("library", index), slug)
        if library is None:
            return
        self.used[slug] = library
        self.problems.extend(library.problems)
        if isinstance(language, str) and language != library.language:
            self._problem(
                doc,
                ("library", index),
                f"De teksten van de bibliotheek '{slug}' zijn in "
                f"{_LANGUAGES.get(library.language, library.language)}, deze campagne in "
                f"{_LANGUAGES.get(language, language)}.",
                "Laat de bibliotheek weg uit 'library', of kies een bibliotheek in de taal "
                "van de campagne.",
            )

    def fill_partners(self, settings: CampaignFile, campaign: Campaign) -> CampaignFile:
        """The adopted partners with their library text filled in for ``campaign``."""
        if not self._partners:
            return settings
        values = placeholder_values(campaign, self.portal_url)
        partners = list(settings.partners)
        for adopted in self._partners:
            doc = adopted.item.document
            data = {k: v for k, v in doc.data.items() if k not in adopted.overrides}
            if not has_placeholder(data) or adopted.index >= len(partners):
                continue
            filled, failed = self._filled(adopted.item, data, values)
            if failed:
                continue
            try:
                LibraryPartner.model_validate({**doc.data, **filled})
            except ValidationError as error:
                self.problems.extend(library_words(explain(doc, LibraryPartner, error)))
                continue
            current = partners[adopted.index]
            partners[adopted.index] = Partner.model_validate(
                {**current.model_dump(exclude_unset=True), **filled}
            )
        return settings.model_copy(update={"partners": tuple(partners)})

    # -- actions ------------------------------------------------------------------------------

    def action(self, doc: Document, slug: str, campaign: Campaign | None) -> Action | None:
        """The action of a campaign file that says ``from:``, or ``None`` (problems kept);
        ``campaign`` is what its text is filled in from (``None``: campaign.yml is wrong)."""
        data = doc.data
        refused = internal_keys(doc) + [
            doc.problem(
                ("slug",),
                "'slug' kan hier niet ingesteld worden: de bestandsnaam bepaalt het.",
                "Verwijder deze regel; hernoem het bestand als je een andere naam wil.",
                key=True,
            )
            for key in data
            if key == "slug"
        ]
        self.problems.extend(refused)
        found = self.refer(doc, ("from",), data["from"], "actie")
        if refused:
            return None
        if found is None or campaign is None:
            return None
        if self._values is None or self._values[0] is not campaign:
            self._values = (campaign, placeholder_values(campaign, self.portal_url))
        values = self._values[1]
        themes = [t.id for t in campaign.themes]
        library, item = found
        source = item.document
        overrides = {k: v for k, v in data.items() if k != "from"}
        own = {k: v for k, v in source.data.items() if k not in overrides}
        filled, failed = self._filled(item, own, values)
        own.update(filled)
        if isinstance(own.get("image"), dict) and isinstance(own["image"].get("src"), str):
            own["image"] = {**own["image"], "src": library_path(library.slug, own["image"]["src"])}
        if isinstance(own.get("partners"), list):
            own["partners"] = [
                self.partner_ids[f"{library.slug}/{p}"]
                for p in own["partners"]
                if f"{library.slug}/{p}" in self.partner_ids
            ]
        indicators = known_ids([i.id for i in campaign.indicators])
        if not self._known(source, own, "theme", themes, doc) or not self._known(
            source, own, "indicator", indicators, doc
        ):
            return None
        try:
            action = Action.model_validate({**own, **overrides, "slug": slug})
        except ValidationError as error:
            mine = explain(doc, Action, error)
            theirs = library_words(explain(source, Action, error))
            for entry, at_campaign, at_library in zip(error.errors(), mine, theirs, strict=True):
                key = entry["loc"][0] if entry["loc"] else None
                if key not in failed:  # its placeholder's problem is told
                    self.problems.append(at_campaign if key in overrides else at_library)
            return None
        if failed:
            return None
        origin = Origin(
            library=library.slug,
            item=item.slug,
            name=library.name,
            url=library.url,
            folder=str(library.folder),
        )
        return action.model_copy(update={"origin": origin})

    def _known(
        self,
        source: Document,
        own: dict[str, Any],
        key: str,
        known: Sequence[str],
        doc: Document,
    ) -> bool:
        """Whether the library's theme or indicator (``key``) is one of the campaign's."""
        value = own.get(key)
        if not isinstance(value, str) or value in known:
            return True
        what, where = ("thema", "themes") if key == "theme" else ("indicator", "indicators")
        self.problems.append(
            source.problem(
                (key,),
                f"De campagne die deze actie overneemt ({doc.name}) heeft geen {what} '{value}'.",
                f"Zet in {doc.name} '{key}: ...' met een {what} van de campagne "
                f"({', '.join(known)}), of voeg het toe onder '{where}' in campaign.yml.",
            )
        )
        return False

    def _filled(
        self, item: Item, data: dict[str, Any], values: dict[str, Any]
    ) -> tuple[dict[str, Any], set[str]]:
        """The values of ``data`` that hold placeholders, filled in, and the keys of those
        that could not be (their problems kept)."""
        filled: dict[str, Any] = {}
        failed: set[str] = set()
        for key, value in data.items():
            if key in _NAMES or not has_placeholder(value):
                continue
            try:
                filled[key] = _fill(item, (key,), value, values)
            except CampaignError as error:
                self.problems.extend(error.problems)
                failed.add(key)
        return filled, failed


def _fill(item: Item, loc: Loc, value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(item, (*loc, k), v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(item, (*loc, i), v, values) for i, v in enumerate(value)]
    if not isinstance(value, str) or not has_placeholder(value):
        return value
    quick = _quick(value, values)
    if quick is not None:
        return quick
    source = item.document
    line, column = source.position(loc)
    text = item.lines[line - 1] if 0 < line <= len(item.lines) else ""
    block = bool(re.search(r":\s*[|>][+-]?\d*$", text.rstrip()))
    if not block and text[column - 1 : column] in ("'", '"'):
        column += 1  # the text starts after the quote
    try:
        return render(value, values, name=source.name, first_line=line + 1 if block else line)
    except CampaignError as error:
        if block:
            raise
        # One line: the column counts from the start of the value.
        raise CampaignError(
            dataclasses.replace(p, column=p.column + column - 1) if p.line == line else p
            for p in error.problems
        ) from None


_SIMPLE = re.compile(r"\{\{\s*([a-z][a-z_]*(?:\.[a-z][a-z_]*)*)\s*\}\}")


def _quick(text: str, values: dict[str, Any]) -> str | None:
    """``text`` filled in when it holds only plain placeholders (``{{ municipality.name }}``)
    that all exist, as the sandbox would fill it; ``None`` leaves it to the sandbox (which
    also tells what is wrong). A portal fills thousands of these."""
    if "{%" in text or "{#" in text:
        return None

    def value(found: re.Match[str]) -> str:
        current: Any = values
        for part in found.group(1).split("."):
            if not isinstance(current, dict) or part not in current:
                raise LookupError(part)
            current = current[part]
        if isinstance(current, dict | list):
            raise LookupError(found.group(1))
        return "" if current is None else str(current)

    try:
        filled = _SIMPLE.sub(value, text)
    except LookupError:
        return None
    return None if "{{" in filled else filled


def internal_keys(doc: Document) -> list[Problem]:
    """An action file may not set what campaignkit itself fills in (where it came from)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    return (
        [
            doc.problem(
                ("origin",),
                "'origin' is hier geen geldige naam.",
                "Verwijder deze regel: waar een actie vandaan komt, zegt "
                "'from: <bibliotheek>/<naam>'.",
                key=True,
            )
        ]
        if "origin" in data
        else []
    )


def placeholder_values(campaign: Campaign, portal_url: str | None = None) -> dict[str, Any]:
    """What library text can use: the campaign's placeholders, linking to its public root
    (its ``site_url``, else its place in the portal at ``portal_url``)."""
    return context(campaign, Addresses(campaign_root(campaign.site_url, campaign.slug, portal_url)))


def _example(where: str) -> str:
    return "groepsaankoop-dakisolatie" if where == "actions" else "natuurpunt"
