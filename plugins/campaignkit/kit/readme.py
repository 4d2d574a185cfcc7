"""``LEESMIJ.txt``: what is in the kit, how to use it, and whose images these are.

Written in the campaign's language (:data:`campaignkit.i18n.KIT_LABELS`); the names of
the kit's files and folders are the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable

from campaignkit import i18n
from campaignkit.kit.records import KitPage
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
    for picture in (entry.picture for entry in (*page.photos, *page.logos)):
        credit = picture.credit or words["readme_no_maker"]
        use = ", ".join(picture.used_by)
        files = f"beelden/logos/{picture.name}-*" if picture.logo else f"beelden/{picture.name}-*"
        lines += [
            words["readme_image"].format(files=files, source=picture.relative),
            words["readme_what"].format(alt=picture.alt),
            words["readme_maker"].format(credit=credit),
            *([words["readme_licence"].format(licence=picture.licence)] if picture.licence else []),
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
