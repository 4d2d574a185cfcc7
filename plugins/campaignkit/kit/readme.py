"""``LEESMIJ.txt``: what is in the kit, how to use it, and whose images these are.

Written in the campaign's language (:data:`campaignkit.i18n.KIT_LABELS`); the names of
the kit's files and folders are the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable

from campaignkit import i18n
from campaignkit.kit.records import KitPage, PictureEntry, SourceImage
from campaignkit.library.sources import shown_path
from campaignkit.model import Campaign
from campaignkit.urls import Addresses

#: The kit's folders, each with the label that says what is in it.
_FOLDERS = (
    ("teksten/", "readme_texts"),
    ("beelden/", "readme_images"),
    ("beelden/kaarten/", "readme_cards"),
    ("qr/", "readme_qr"),
    ("affiches/", "readme_posters"),
    ("agenda/", "readme_calendar"),
    ("ploegen/", "readme_teams"),
    ("planning/", "readme_planning"),
)


def readme(campaign: Campaign, page: KitPage, paths: Iterable[str]) -> str:
    """The text of ``LEESMIJ.txt``: the page's pictures and notes, and which of the kit's
    folders ``paths`` (in the kit's folder) fill."""
    lang = campaign.language
    words = i18n.kit_labels(lang)
    period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
    lines = [
        words["readme_title"].format(title=campaign.title),
        f"{campaign.municipality.name}, {period}",
        "",
        words["readme_intro"],
        "",
    ]
    addresses = Addresses(page.root)
    site = addresses.home()
    if site:
        lines += [
            words["readme_site"].format(url=site),
            words["readme_kit"].format(url=addresses.kit()),
        ]
    else:
        lines += [words["readme_no_site"]]
    lines += ["", words["readme_contents"], ""]
    present = set(paths)
    for folder, key in _FOLDERS:
        if any(p.startswith(folder) for p in present):
            lines += [f"{folder}", f"  {words[key]}", ""]
    lines += [
        words["readme_use"],
        "",
        words["readme_use_steps"],
        "",
        words["readme_credits"],
        "",
    ]
    for entry in (*page.photos, *page.logos):
        picture = entry.picture
        use = ", ".join(picture.used_by)
        files = f"beelden/logos/{picture.name}-*" if picture.logo else f"beelden/{picture.name}-*"
        lines += [
            words["readme_image"].format(
                files=files,
                source=shown_path(campaign.folder, campaign.libraries, picture.relative),
            ),
            words["readme_what"].format(alt=picture.alt),
            *_maker(picture, words),
            *([words["readme_licence"].format(licence=picture.licence)] if picture.licence else []),
            *_printed(entry, words),
            words["readme_used_by"].format(use=use),
        ]
    contact = campaign.contact
    lines += [
        "",
        i18n.phrase(
            words["readme_rights"],
            campaign.language,
            municipality=campaign.municipality.name,
            email=contact.email,
        ),
        "",
        words["readme_contact"].format(
            contact=", ".join(p for p in (contact.name, contact.email, contact.phone) if p)
        ),
    ]
    if page.notes:
        lines += ["", words["readme_notes"], ""] + [f"- {note}" for note in page.notes]
    return "\n".join(lines) + "\n"


def _maker(picture: SourceImage, words: dict[str, str]) -> list[str]:
    """Who made it: a credit that says what it is ("Illustratie: ...", "© ...") as it is;
    a logo's maker is its organisation, so it gets no line."""
    if picture.credit and (":" in picture.credit or "©" in picture.credit):
        return [f"  {picture.credit}"]
    if picture.credit:
        return [words["readme_maker"].format(credit=picture.credit)]
    return [] if picture.logo else [words["readme_maker"].format(credit=words["readme_no_maker"])]


def _printed(entry: PictureEntry, words: dict[str, str]) -> list[str]:
    """How large the print size really prints (at 300 dpi), so no one promises A4."""
    if entry.print_file is None or entry.print_pixels is None:
        return []
    width, height = entry.print_pixels
    pixels = f"{width} × {height}"
    return [
        words["readme_print"].format(file=entry.print_file, pixels=pixels, size=entry.print_size)
    ]
