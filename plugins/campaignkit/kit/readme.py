"""``LEESMIJ.txt``: what is in the kit, how to use it, and whose images these are."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from campaignkit import i18n
from campaignkit.kit import urls
from campaignkit.model import Campaign

if TYPE_CHECKING:
    from campaignkit.kit.build import Picture

_FOLDERS = (
    (
        "teksten/",
        "Kant-en-klare teksten voor nieuwsbrief, sociale media, pers, brief, "
        "affiche, WhatsApp en e-mail. Elke tekst als Word-bestand (.docx), als platte tekst "
        "(.txt, om te kopiëren) en als Markdown (.md).",
    ),
    (
        "beelden/",
        "Foto's voor het web (-web) en voor druk (-druk, 300 dpi op A4 waar de foto "
        "groot genoeg is), uitsneden voor sociale media (1080x1080 vierkant, 1080x1350 staand, "
        "1080x1920 verhaal, 1200x630 link-voorbeeld) en logo's (beelden/logos/).",
    ),
    (
        "beelden/kaarten/",
        "Kant-en-klare afbeeldingen met titel en datum per actie en "
        "activiteit, voor sociale media (1200x630 en 1080x1080).",
    ),
    (
        "qr/",
        "QR-codes naar de website: SVG voor drukwerk (schaalt zonder kwaliteitsverlies), "
        "PNG voor Word en sociale media.",
    ),
    ("affiches/", "Affiches als PDF in A4 en A3, klaar om af te drukken."),
    (
        "agenda/",
        "Agendabestanden (.ics) per activiteit en voor alle activiteiten samen: "
        "openen met Outlook, Google Agenda of de agenda van je telefoon.",
    ),
)


def readme(
    campaign: Campaign,
    pictures: Iterable[Picture],
    files: Mapping[str, bytes],
    warnings: Iterable[str],
) -> str:
    lang = campaign.language
    period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
    lines = [
        f"Communicatiekit: {campaign.title}",
        f"{campaign.municipality.name}, {period}",
        "",
        "Alles in deze map is al ingevuld voor de campagne: data, webadressen en huisstijl.",
        "Gebruik de teksten en beelden vrij om de campagne bekend te maken.",
        "",
    ]
    site = urls.home_url(campaign)
    if site:
        lines += [f"Website van de campagne: {site}", f"Deze kit online: {urls.kit_url(campaign)}"]
    else:
        lines += [
            "Deze campagne heeft (nog) geen website-adres: daarom zitten er geen QR-codes in",
            "de kit en verwijzen de teksten en affiches niet naar een website.",
        ]
    lines += ["", "WAT ZIT ER IN DEZE MAP", ""]
    present = {path.split("/", 1)[1] for path in files}
    for folder, description in _FOLDERS:
        if any(p.startswith(folder) for p in present):
            lines += [f"{folder}", f"  {description}", ""]
    lines += [
        "HOE GEBRUIK JE HET",
        "",
        "- Nieuwsbrief of website: open de tekst in teksten/ (Word of .txt), kopieer en plak.",
        "- Sociale media: kies een bericht uit teksten/sociaal-*.txt en een beeld uit",
        "  beelden/kaarten/ of een uitsnede uit beelden/.",
        "- Affiche: druk affiches/*-a4.pdf of *-a3.pdf af op ware grootte (100 %).",
        "- Eigen drukwerk: gebruik de -druk-beelden en de QR-codes in SVG.",
        "",
        "BEELDEN: MAKERS EN GEBRUIK",
        "",
    ]
    for picture in pictures:
        credit = picture.credit or "geen maker opgegeven"
        use = ", ".join(picture.used_by)
        files = f"beelden/logos/{picture.name}-*" if picture.logo else f"beelden/{picture.name}-*"
        lines += [
            f"- {files} (bron: {picture.relative})",
            f"  Wat: {picture.alt}",
            f"  Maker: {credit}",
            *([f"  Licentie: {picture.licence}"] if picture.licence else []),
            f"  Gebruikt bij: {use}",
        ]
    lines += [
        "",
        f"Foto's zonder licentie en logo's mogen alleen gebruikt worden om deze campagne van "
        f"{campaign.municipality.name} bekend te maken,",
        "met vermelding van de maker waar die opgegeven is. Logo's blijven eigendom van hun",
        "organisatie. Vragen over rechten: " + campaign.contact.email + ".",
        "De QR-codes en de opmaak van affiches en kaarten mag je vrij gebruiken.",
        "Lettertype: DejaVu Sans (vrije licentie, https://dejavu-fonts.github.io/).",
        "",
        f"Contact: {campaign.contact.name + ', ' if campaign.contact.name else ''}"
        f"{campaign.contact.email}"
        + (f", {campaign.contact.phone}" if campaign.contact.phone else ""),
    ]
    notes = list(warnings)
    if notes:
        lines += ["", "OPMERKINGEN", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
