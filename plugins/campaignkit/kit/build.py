"""One campaign to its communication kit: every file, the ZIP and the ``/kit/`` page.

Each kind of output is declared in :mod:`campaignkit.kit.outputs`; the runner makes them
through the cache, so a second build with nothing changed only links stored files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from campaignkit import i18n
from campaignkit.cache import Cache, Stored
from campaignkit.calendar import BRUSSELS, CalendarFiles, calendar_files
from campaignkit.kit.archive import KitFiles
from campaignkit.kit.inputs import KitInputs, collect_pictures
from campaignkit.kit.news_texts import news_texts
from campaignkit.kit.outputs import (
    archive,
    calendars,
    cards,
    logos,
    photos,
    planning,
    posters,
    qr_codes,
    readme,
    team_kit,
)
from campaignkit.kit.outputs import texts as text_outputs
from campaignkit.kit.page import render_page
from campaignkit.kit.planning import posting_plan
from campaignkit.kit.records import KitPage, Note, Output
from campaignkit.kit.runner import Runner
from campaignkit.model import Campaign
from campaignkit.news import published
from campaignkit.texts import Text, load_texts
from campaignkit.texts.teams import load_team_texts
from campaignkit.urls import KIT_FOLDER, Addresses, public_root, zip_name

#: The kinds of output, in the order they are made.
KINDS = (photos, logos, text_outputs, cards, qr_codes, posters, calendars, team_kit, planning)


@dataclass(frozen=True)
class Kit:
    """A built kit. ``files`` maps site paths (``kit/...``) to bytes, sorted by path; a
    file kept in the cache is read only when asked for."""

    files: KitFiles
    warnings: tuple[str, ...]
    page_html: str
    texts: tuple[Text, ...] = ()
    cache_hits: int = 0
    cache_misses: int = 0
    archive_file: Stored | None = field(default=None, repr=False)
    archive_name: str = ""
    #: The calendar files, for the site to publish as they are (see ``calendar_files``).
    calendars: CalendarFiles | None = field(default=None, repr=False)

    @property
    def zip_path(self) -> str:
        return f"{KIT_FOLDER}/{self.archive_name}"

    @property
    def origins(self) -> dict[str, Path]:
        """Site path -> the file in the kit cache holding exactly those bytes (most of them)."""
        kept = {path: self.files.kept(path) for path in self.files}
        return {path: data.path for path, data in kept.items() if isinstance(data, Stored)}

    @property
    def archive(self) -> bytes:
        """The ZIP, read from the cache."""
        return self.archive_file.read() if self.archive_file is not None else b""


def _page(inputs: KitInputs, runner: Runner, notes: Sequence[Note]) -> KitPage:
    words = inputs.words
    return KitPage(
        texts=text_outputs.entries(inputs),
        photos=photos.entries(inputs, runner),
        logos=logos.entries(inputs, runner),
        cards=cards.entries(inputs),
        posters=posters.entries(inputs, runner),
        qr_codes=qr_codes.entries(inputs, runner),
        calendars=calendars.entries(inputs),
        root=inputs.addresses.root,
        notes=tuple(words[note.key].format(**note.values) for note in notes),
        teams=team_kit.entries(inputs, runner),
        plan=planning.entries(inputs),
        plan_files=planning.files(inputs),
    )


def build_kit(
    campaign: Campaign,
    *,
    cache_dir: Path,
    stamp: datetime,
    texts: Sequence[Text] | None = None,
    base: Path | None = None,
    template_dirs: Sequence[Path] = (),
    zip_url: str | None = None,
    base_url: str | None = None,
    today: date | None = None,
) -> Kit:
    """Build the communication kit of a (validated) campaign.

    ``base_url`` is the campaign's public root (``urls.campaign_root``), which QR codes,
    posters, texts and calendars point to; without it, ``site_url``'s. Raises
    :class:`CampaignError` when texts have problems or two files would get the same name.
    ``texts`` may be passed when :func:`~campaignkit.texts.load_texts` already ran (they are
    filled in again if that was for another root). With ``zip_url`` (the ZIP published
    elsewhere, e.g. as a release asset), the kit page links there and ``files`` leaves the
    ZIP out; ``archive`` always holds it. News dated after ``today`` (by default the day
    of ``stamp`` in Belgium) is not published yet: the kit has no card or text of it; the
    posting plan starts on that day.
    """
    addresses = Addresses(public_root(base_url or campaign.site_url))
    if texts is None or any(text.root != addresses.root for text in texts):
        texts = load_texts(campaign, addresses=addresses, base=base)
    day = today or stamp.astimezone(BRUSSELS).date()
    news = published(campaign.news, day)
    texts = (*texts, *news_texts(campaign, addresses, news, base))
    plan = posting_plan(campaign, addresses, texts, day, base)
    pictures = collect_pictures(campaign, base)  # checked before anything is made
    cache = Cache(Path(cache_dir))
    calendars = calendar_files(campaign, addresses, stamp, cache)
    inputs = KitInputs(
        campaign,
        addresses,
        tuple(texts),
        calendars,
        pictures,
        base,
        team_texts=load_team_texts(campaign, addresses=addresses, base=base),
        news=news,
        plan=plan,
    )
    runner = Runner(cache)
    for kind in KINDS:
        runner.run(kind.outputs(inputs))
    notes = [*photos.notes(inputs), *qr_codes.notes(inputs)]
    page = _page(inputs, runner, notes)
    runner.run([readme.output(inputs, page, runner.paths())])
    runner.check()
    name = zip_name(campaign.slug)
    archive_file = runner.make(archive.output(name, runner.entries(), inputs.source_name()))
    assert isinstance(archive_file, Stored)
    if zip_url is None:
        runner.run([Output(name, inputs.source_name(), ready=archive_file)])
        runner.check()
    page_html = render_page(
        campaign,
        page,
        zip_href=zip_url or name,
        zip_size=archive_file.size,
        template_dirs=template_dirs,
    )
    return Kit(
        files=runner.sorted(),
        warnings=tuple(i18n.KIT_LABELS["nl"][note.key].format(**note.values) for note in notes),
        page_html=page_html,
        texts=tuple(texts),
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        archive_file=archive_file,
        archive_name=name,
        calendars=inputs.calendars,
    )
