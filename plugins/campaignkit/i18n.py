"""Words and dates in the campaign's language: Dutch (default), French and English.

Every string a resident reads on the site comes from :data:`LABELS`; keys are English,
values are plain text (templates escape them). Dates and times follow Belgian usage
through Babel: ``zaterdag 15 mei 2027``, ``18:00``.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton as _babel_skeleton
from babel.dates import format_time as _babel_time
from babel.numbers import get_decimal_symbol

from campaignkit.model import DEFAULT_THEME_IDS, Theme

if TYPE_CHECKING:
    from campaignkit.model import Event

LANGUAGES = ("nl", "fr", "en")

#: Babel locale per campaign language: Belgian Dutch and French, British English (24-hour).
LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}

_THEMES = {
    "nl": ("Energie", "Mobiliteit", "Vergroening", "Water", "Voeding", "Consumptie", "Afval"),
    "fr": (
        "Énergie",
        "Mobilité",
        "Verdurisation",
        "Eau",
        "Alimentation",
        "Consommation",
        "Déchets",
    ),
    "en": ("Energy", "Mobility", "Greening", "Water", "Food", "Consumption", "Waste"),
}

AUDIENCE_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "inwoners": "Inwoners",
        "gezinnen": "Gezinnen",
        "jongeren": "Jongeren",
        "senioren": "Senioren",
        "verenigingen": "Verenigingen",
        "scholen": "Scholen",
        "handelaars": "Handelaars",
        "bedrijven": "Bedrijven",
        "landbouwers": "Landbouwers",
    },
    "fr": {
        "inwoners": "Habitants",
        "gezinnen": "Familles",
        "jongeren": "Jeunes",
        "senioren": "Seniors",
        "verenigingen": "Associations",
        "scholen": "Écoles",
        "handelaars": "Commerçants",
        "bedrijven": "Entreprises",
        "landbouwers": "Agriculteurs",
    },
    "en": {
        "inwoners": "Residents",
        "gezinnen": "Families",
        "jongeren": "Young people",
        "senioren": "Older people",
        "verenigingen": "Associations",
        "scholen": "Schools",
        "handelaars": "Shopkeepers",
        "bedrijven": "Businesses",
        "landbouwers": "Farmers",
    },
}

EFFORT_LABELS: dict[str, dict[str, str]] = {
    "nl": {"low": "Kleine moeite", "medium": "Wat moeite", "high": "Grote inzet"},
    "fr": {"low": "Petit effort", "medium": "Effort moyen", "high": "Gros effort"},
    "en": {"low": "Little effort", "medium": "Some effort", "high": "Big commitment"},
}

ACTION_STATUS_LABELS: dict[str, dict[str, str]] = {
    "nl": {"planned": "Binnenkort", "running": "Loopt nu", "done": "Afgelopen"},
    "fr": {"planned": "Bientôt", "running": "En cours", "done": "Terminée"},
    "en": {"planned": "Coming soon", "running": "Running now", "done": "Finished"},
}

EVENT_STATUS_LABELS: dict[str, dict[str, str]] = {
    "nl": {"confirmed": "Gaat door", "cancelled": "Geannuleerd"},
    "fr": {"confirmed": "Confirmé", "cancelled": "Annulé"},
    "en": {"confirmed": "Confirmed", "cancelled": "Cancelled"},
}

#: Interface strings. ``{name}`` placeholders are filled with ``str.format`` after
#: escaping, so translations never contain markup.
LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "home": "Start",
        "actions": "Acties",
        "agenda": "Agenda",
        "partners": "Partners",
        "accessibility": "Toegankelijkheid",
        "privacy": "Privacy",
        "kit": "Communicatiekit",
        "kit_description": "Kant-en-klare teksten, beelden, affiches en QR-codes om {title} "
        "bekend te maken.",
        "contact": "Contact",
        "sign_up": "Doe mee",
        "sign_up_action": "Schrijf je in voor deze actie",
        "register": "Schrijf je in",
        "site_info": "Over deze website",
        "photo": "Beeld",
        "licence": "Licentie",
        "featured_actions": "Doe mee met een actie",
        "all_actions": "Alle acties",
        "upcoming_events": "Binnenkort",
        "past_events": "Voorbij",
        "all_events": "Volledige agenda",
        "no_upcoming_events": "Er staan op dit moment geen activiteiten gepland.",
        "no_actions": "Er zijn nog geen acties.",
        "campaign_period": "Campagneperiode",
        "period_sentence": "De campagne loopt {period}.",
        "organised_by": "Een campagne van {municipality}.",
        "website_of": "Website van {municipality}",
        "theme": "Thema",
        "audience": "Voor wie",
        "effort": "Inspanning",
        "status": "Stand van zaken",
        "when": "Wanneer",
        "where": "Waar",
        "online": "Online",
        "online_link": "Deelnemen online",
        "map_link": "Toon op kaart (OpenStreetMap)",
        "add_to_calendar": "Zet in je agenda",
        "download_ics": "Agendabestand (.ics)",
        "google_calendar": "Google Agenda",
        "outlook_calendar": "Outlook",
        "subscribe_calendar": "Alle activiteiten in je agenda (.ics)",
        "related_actions": "Hoort bij de actie",
        "linked_events": "Activiteiten",
        "with_partners": "Met",
        "all_partners": "Meer over de partners",
        "partners_intro": "Deze campagne komt tot stand met",
        "partners_none": "De partners worden binnenkort bekendgemaakt.",
        "cancelled": "Geannuleerd",
        "cancelled_notice": "Deze activiteit is geannuleerd.",
        "more_info": "Meer over deze actie",
        "read_more": "Lees meer",
        "filter_title": "Filter de acties",
        "filter_theme": "Thema",
        "filter_audience": "Voor wie",
        "filter_reset": "Toon alle acties",
        "filter_count_one": "1 actie gevonden",
        "filter_count_other": "{count} acties gevonden",
        "filter_count_zero": "Geen acties gevonden. Kies minder filters.",
        "actions_intro": "Kies een actie die bij je past.",
        "agenda_intro": "Activiteiten van de campagne.",
        "contact_intro": "Vragen over de campagne? Neem contact op.",
        "email": "E-mail",
        "phone": "Telefoon",
        "all_day": "hele dag",
        "at_time": "{day} om {time}",
        "time_range": "{day}, van {start} tot {end}",
        "day_range": "van {start} tot {end}",
        "date_range": "van {start} tot {end}",
        "back_to_actions": "Terug naar alle acties",
        "back_to_agenda": "Terug naar de agenda",
        "external_form_note": "Je gaat naar een inschrijvingsformulier op een andere website.",
        "privacy_title": "Privacy",
        "privacy_description": "Hoe deze website met je gegevens omgaat.",
        "accessibility_title": "Toegankelijkheidsverklaring",
        "accessibility_description": "Hoe toegankelijk deze website is en waar je terechtkunt met "
        "opmerkingen.",
        "actions_description": "Alle acties van {title}.",
        "agenda_description": "Alle activiteiten van {title}.",
        "partners_description": "De partners van {title}.",
    },
    "fr": {
        "home": "Accueil",
        "actions": "Actions",
        "agenda": "Agenda",
        "partners": "Partenaires",
        "accessibility": "Accessibilité",
        "privacy": "Vie privée",
        "kit": "Kit de communication",
        "kit_description": "Textes, images, affiches et codes QR prêts à l’emploi pour faire "
        "connaître {title}.",
        "contact": "Contact",
        "sign_up": "Je participe",
        "sign_up_action": "S’inscrire à cette action",
        "register": "S’inscrire",
        "site_info": "À propos de ce site",
        "photo": "Image",
        "licence": "Licence",
        "featured_actions": "Participez à une action",
        "all_actions": "Toutes les actions",
        "upcoming_events": "Prochainement",
        "past_events": "Passés",
        "all_events": "Tout l’agenda",
        "no_upcoming_events": "Aucune activité n’est prévue pour le moment.",
        "no_actions": "Il n’y a pas encore d’actions.",
        "campaign_period": "Période de la campagne",
        "period_sentence": "La campagne se déroule {period}.",
        "organised_by": "Une campagne de {municipality}.",
        "website_of": "Site web de {municipality}",
        "theme": "Thème",
        "audience": "Pour qui",
        "effort": "Effort",
        "status": "État",
        "when": "Quand",
        "where": "Où",
        "online": "En ligne",
        "online_link": "Participer en ligne",
        "map_link": "Voir sur la carte (OpenStreetMap)",
        "add_to_calendar": "Ajouter à votre agenda",
        "download_ics": "Fichier d’agenda (.ics)",
        "google_calendar": "Google Agenda",
        "outlook_calendar": "Outlook",
        "subscribe_calendar": "Toutes les activités dans votre agenda (.ics)",
        "related_actions": "Fait partie de l’action",
        "linked_events": "Activités",
        "with_partners": "Avec",
        "all_partners": "En savoir plus sur les partenaires",
        "partners_intro": "Cette campagne est réalisée avec",
        "partners_none": "Les partenaires seront bientôt annoncés.",
        "cancelled": "Annulé",
        "cancelled_notice": "Cette activité est annulée.",
        "more_info": "En savoir plus sur cette action",
        "read_more": "Lire la suite",
        "filter_title": "Filtrer les actions",
        "filter_theme": "Thème",
        "filter_audience": "Pour qui",
        "filter_reset": "Afficher toutes les actions",
        "filter_count_one": "1 action trouvée",
        "filter_count_other": "{count} actions trouvées",
        "filter_count_zero": "Aucune action trouvée. Choisissez moins de filtres.",
        "actions_intro": "Choisissez une action qui vous convient.",
        "agenda_intro": "Les activités de la campagne.",
        "contact_intro": "Des questions sur la campagne ? Contactez-nous.",
        "email": "E-mail",
        "phone": "Téléphone",
        "all_day": "toute la journée",
        "at_time": "{day} à {time}",
        "time_range": "{day}, de {start} à {end}",
        "day_range": "du {start} au {end}",
        "date_range": "du {start} au {end}",
        "back_to_actions": "Retour à toutes les actions",
        "back_to_agenda": "Retour à l’agenda",
        "external_form_note": "Vous allez vers un formulaire d’inscription sur un autre site.",
        "privacy_title": "Vie privée",
        "privacy_description": "Comment ce site traite vos données.",
        "accessibility_title": "Déclaration d’accessibilité",
        "accessibility_description": "L’accessibilité de ce site et où signaler un problème.",
        "actions_description": "Toutes les actions de {title}.",
        "agenda_description": "Toutes les activités de {title}.",
        "partners_description": "Les partenaires de {title}.",
    },
    "en": {
        "home": "Home",
        "actions": "Actions",
        "agenda": "Events",
        "partners": "Partners",
        "accessibility": "Accessibility",
        "privacy": "Privacy",
        "kit": "Communication kit",
        "kit_description": "Ready-made texts, images, posters and QR codes to spread the word "
        "about {title}.",
        "contact": "Contact",
        "sign_up": "Join in",
        "sign_up_action": "Sign up for this action",
        "register": "Register",
        "site_info": "About this website",
        "photo": "Image",
        "licence": "Licence",
        "featured_actions": "Join an action",
        "all_actions": "All actions",
        "upcoming_events": "Coming up",
        "past_events": "Past events",
        "all_events": "All events",
        "no_upcoming_events": "No events are planned at the moment.",
        "no_actions": "There are no actions yet.",
        "campaign_period": "Campaign period",
        "period_sentence": "The campaign runs {period}.",
        "organised_by": "A campaign by {municipality}.",
        "website_of": "Website of {municipality}",
        "theme": "Theme",
        "audience": "For",
        "effort": "Effort",
        "status": "Status",
        "when": "When",
        "where": "Where",
        "online": "Online",
        "online_link": "Join online",
        "map_link": "Show on map (OpenStreetMap)",
        "add_to_calendar": "Add to your calendar",
        "download_ics": "Calendar file (.ics)",
        "google_calendar": "Google Calendar",
        "outlook_calendar": "Outlook",
        "subscribe_calendar": "All events in your calendar (.ics)",
        "related_actions": "Part of the action",
        "linked_events": "Events",
        "with_partners": "With",
        "all_partners": "More about the partners",
        "partners_intro": "This campaign is made possible with",
        "partners_none": "The partners will be announced soon.",
        "cancelled": "Cancelled",
        "cancelled_notice": "This event has been cancelled.",
        "more_info": "More about this action",
        "read_more": "Read more",
        "filter_title": "Filter the actions",
        "filter_theme": "Theme",
        "filter_audience": "For",
        "filter_reset": "Show all actions",
        "filter_count_one": "1 action found",
        "filter_count_other": "{count} actions found",
        "filter_count_zero": "No actions found. Choose fewer filters.",
        "actions_intro": "Pick an action that suits you.",
        "agenda_intro": "The events of the campaign.",
        "contact_intro": "Questions about the campaign? Get in touch.",
        "email": "Email",
        "phone": "Phone",
        "all_day": "all day",
        "at_time": "{day} at {time}",
        "time_range": "{day}, {start} to {end}",
        "day_range": "from {start} to {end}",
        "date_range": "from {start} to {end}",
        "back_to_actions": "Back to all actions",
        "back_to_agenda": "Back to the events",
        "external_form_note": "You will go to a sign-up form on another website.",
        "privacy_title": "Privacy",
        "privacy_description": "How this website handles your data.",
        "accessibility_title": "Accessibility statement",
        "accessibility_description": "How accessible this website is and where to report a "
        "problem.",
        "actions_description": "All actions of {title}.",
        "agenda_description": "All events of {title}.",
        "partners_description": "The partners of {title}.",
    },
}


#: Channels of the kit's texts, as they follow "Voor", "Pour" and "For" on the kit page.
CHANNEL_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "newsletter": "nieuwsbrief",
        "social": "sociale media",
        "press": "pers",
        "poster": "affiche",
        "letter": "brief",
        "email": "e-mail",
        "whatsapp": "WhatsApp",
    },
    "fr": {
        "newsletter": "la lettre d’information",
        "social": "les réseaux sociaux",
        "press": "la presse",
        "poster": "une affiche",
        "letter": "un courrier",
        "email": "un e-mail",
        "whatsapp": "WhatsApp",
    },
    "en": {
        "newsletter": "the newsletter",
        "social": "social media",
        "press": "the press",
        "poster": "a poster",
        "letter": "a letter",
        "email": "email",
        "whatsapp": "WhatsApp",
    },
}

#: The communication kit's strings: its page, the labels of its downloads, its
#: ``LEESMIJ.txt`` and the messages of ``kit.js``. Plain text like :data:`LABELS`; the page
#: fills ``{url}`` and ``{link}`` with markup it escaped itself. Values with line breaks are
#: whole lines of ``LEESMIJ.txt``. File and folder names (``teksten/``, ``LEESMIJ.txt``)
#: are the kit's, the same in every language.
KIT_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # The /kit/ page.
        "intro": "Alles om {title} bekend te maken, al ingevuld voor {municipality}: teksten om "
        "te kopiëren, beelden voor sociale media, affiches om af te drukken, QR-codes en "
        "agendabestanden.",
        "megabytes": "{size} MB",
        "download_all": "Download de hele kit (ZIP, {size})",
        "no_site_url": "Deze campagne heeft nog geen website-adres: daarom zijn er geen "
        "QR-codes, en verwijzen teksten en affiches niet naar de website.",
        "contents": "Inhoud van de kit",
        "texts": "Teksten",
        "images": "Beelden",
        "posters": "Affiches",
        "qr_codes": "QR-codes",
        "calendar": "Agenda",
        "texts_intro": "Kopieer een tekst met de knop, of download hem als Word-bestand of "
        "platte tekst.",
        "text_for": "Voor {channel}",
        "text_length": "{length} van maximaal {limit} tekens",
        "show_plain": "Toon als platte tekst",
        "copy_button": "Kopieer de tekst",
        "copy_name": "“{title}”",
        "copied": "Gekopieerd.",
        "copy_failed": "Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.",
        "download": "{title}: {label}",
        "cards": "Kaarten voor sociale media",
        "cards_intro": "Afbeeldingen met titel en datum, klaar om te delen: liggend "
        "(1200 × 630, voor Facebook en LinkedIn) en vierkant (1080 × 1080, voor Instagram).",
        "card_download": "Kaart “{title}”: {shape} (JPEG, {width} × {height} px)",
        "landscape": "liggend",
        "square": "vierkant",
        "photos": "Foto’s",
        "photo_download": "Foto “{title}”: {label}",
        "logos": "Logo’s",
        "posters_intro": "Druk af op ware grootte (100 %). De QR-code brengt lezers naar de "
        "juiste pagina.",
        "poster_download": "Affiche “{title}”: {label}",
        "qr_intro": "SVG schaalt zonder kwaliteitsverlies (voor drukwerk); PNG past in Word en "
        "op sociale media.",
        "qr_to": "QR-code naar {title} ({url}):",
        "qr_svg": "QR-code “{title}” als SVG",
        "qr_png": "QR-code “{title}” als PNG ({size} × {size} px)",
        "no_qr_codes": "Er zijn geen QR-codes: de campagne heeft nog geen website-adres "
        "(site_url).",
        "calendar_intro": "Agendabestanden om in Outlook, Google Agenda of een telefoonagenda "
        "te openen of door te sturen.",
        "calendar_download": "{title}: agendabestand (.ics)",
        "everything": "Alles in één keer",
        "zip": "De volledige communicatiekit (ZIP, {size})",
        "zip_sentence": "{link}, met een LEESMIJ-bestand over de inhoud, de makers van de "
        "beelden en het gebruik.",
        # Labels of downloads and images, made by the kit's builder.
        "web": "Voor het web",
        "print": "Voor druk",
        "social": "Sociale media, {crop}",
        "crop_square": "vierkant (Instagram, Facebook)",
        "crop_portrait": "staand 4:5 (Instagram)",
        "crop_story": "verhaal 9:16 (Instagram/Facebook Stories)",
        "crop_link": "liggend (link-voorbeeld, Facebook, LinkedIn)",
        "plain_text": "Platte tekst (.txt)",
        "poster_file": "{paper} (PDF, {size} kB)",
        "all_events": "Alle activiteiten",
        "logo_of": "Logo van {name}",
        "home_page": "startpagina",
        # Notes: in LEESMIJ.txt in the campaign's language, in the build log in Dutch.
        "note_no_site_url": "Deze campagne heeft geen site_url: de kit bevat geen QR-codes, en "
        "affiches en teksten verwijzen niet naar de website. Zet 'site_url' in campaign.yml "
        "om ze toe te voegen.",
        "note_small_photo": "{name} is klein ({width}×{height} px): de uitsneden voor sociale "
        "media zijn vergroot en kunnen wazig zijn.",
        # LEESMIJ.txt
        "readme_title": "Communicatiekit: {title}",
        "readme_intro": "Alles in deze map is al ingevuld voor de campagne: data, webadressen "
        "en huisstijl.\nGebruik de teksten en beelden vrij om de campagne bekend te maken.",
        "readme_site": "Website van de campagne: {url}",
        "readme_kit": "Deze kit online: {url}",
        "readme_no_site": "Deze campagne heeft (nog) geen website-adres: daarom zitten er geen "
        "QR-codes in\nde kit en verwijzen de teksten en affiches niet naar een website.",
        "readme_contents": "WAT ZIT ER IN DEZE MAP",
        "readme_texts": "Kant-en-klare teksten voor nieuwsbrief, sociale media, pers, brief, "
        "affiche, WhatsApp en e-mail. Elke tekst als Word-bestand (.docx), als platte tekst "
        "(.txt, om te kopiëren) en als Markdown (.md).",
        "readme_images": "Foto's voor het web (-web) en voor druk (-druk, 300 dpi op A4 waar de "
        "foto groot genoeg is), uitsneden voor sociale media (1080x1080 vierkant, 1080x1350 "
        "staand, 1080x1920 verhaal, 1200x630 link-voorbeeld) en logo's (beelden/logos/).",
        "readme_cards": "Kant-en-klare afbeeldingen met titel en datum per actie en activiteit, "
        "voor sociale media (1200x630 en 1080x1080).",
        "readme_qr": "QR-codes naar de website: SVG voor drukwerk (schaalt zonder "
        "kwaliteitsverlies), PNG voor Word en sociale media.",
        "readme_posters": "Affiches als PDF in A4 en A3, klaar om af te drukken.",
        "readme_calendar": "Agendabestanden (.ics) per activiteit en voor alle activiteiten "
        "samen: openen met Outlook, Google Agenda of de agenda van je telefoon.",
        "readme_use": "HOE GEBRUIK JE HET",
        "readme_use_steps": "- Nieuwsbrief of website: open de tekst in teksten/ (Word of "
        ".txt), kopieer en plak.\n"
        "- Sociale media: kies een bericht uit teksten/sociaal-*.txt en een beeld uit\n"
        "  beelden/kaarten/ of een uitsnede uit beelden/.\n"
        "- Affiche: druk affiches/*-a4.pdf of *-a3.pdf af op ware grootte (100 %).\n"
        "- Eigen drukwerk: gebruik de -druk-beelden en de QR-codes in SVG.",
        "readme_credits": "BEELDEN: MAKERS EN GEBRUIK",
        "readme_image": "- {files} (bron: {source})",
        "readme_what": "  Wat: {alt}",
        "readme_maker": "  Maker: {credit}",
        "readme_licence": "  Licentie: {licence}",
        "readme_used_by": "  Gebruikt bij: {use}",
        "readme_no_maker": "geen maker opgegeven",
        "readme_rights": "Foto's zonder licentie en logo's mogen alleen gebruikt worden om deze "
        "campagne van {municipality} bekend te maken,\nmet vermelding van de maker waar die "
        "opgegeven is. Logo's blijven eigendom van hun\norganisatie. Vragen over rechten: "
        "{email}.\nDe QR-codes en de opmaak van affiches en kaarten mag je vrij gebruiken.\n"
        "Lettertype: DejaVu Sans (vrije licentie, https://dejavu-fonts.github.io/).",
        "readme_contact": "Contact: {contact}",
        "readme_notes": "OPMERKINGEN",
    },
    "fr": {
        "intro": "Tout pour faire connaître {title}, déjà complété pour {municipality} : des "
        "textes à copier, des images pour les réseaux sociaux, des affiches à imprimer, des "
        "codes QR et des fichiers d’agenda.",
        "megabytes": "{size} Mo",
        "download_all": "Télécharger tout le kit (ZIP, {size})",
        "no_site_url": "Cette campagne n’a pas encore d’adresse de site web : il n’y a donc pas "
        "de codes QR, et les textes et les affiches ne renvoient pas vers le site.",
        "contents": "Contenu du kit",
        "texts": "Textes",
        "images": "Images",
        "posters": "Affiches",
        "qr_codes": "Codes QR",
        "calendar": "Agenda",
        "texts_intro": "Copiez un texte avec le bouton, ou téléchargez-le en fichier Word ou en "
        "texte brut.",
        "text_for": "Pour {channel}",
        "text_length": "{length} caractères sur {limit} maximum",
        "show_plain": "Afficher en texte brut",
        "copy_button": "Copier le texte",
        "copy_name": "« {title} »",
        "copied": "Copié.",
        "copy_failed": "La copie n’a pas fonctionné : sélectionnez le texte et copiez-le "
        "vous-même.",
        "download": "{title} : {label}",
        "cards": "Visuels pour les réseaux sociaux",
        "cards_intro": "Des images avec titre et date, prêtes à partager : au format paysage "
        "(1200 × 630, pour Facebook et LinkedIn) et carré (1080 × 1080, pour Instagram).",
        "card_download": "Visuel « {title} » : {shape} (JPEG, {width} × {height} px)",
        "landscape": "paysage",
        "square": "carré",
        "photos": "Photos",
        "photo_download": "Photo « {title} » : {label}",
        "logos": "Logos",
        "posters_intro": "Imprimez en taille réelle (100 %). Le code QR mène les lecteurs à la "
        "bonne page.",
        "poster_download": "Affiche « {title} » : {label}",
        "qr_intro": "Le SVG s’agrandit sans perte de qualité (pour l’impression) ; le PNG "
        "convient pour Word et les réseaux sociaux.",
        "qr_to": "Code QR vers {title} ({url}) :",
        "qr_svg": "Code QR « {title} » en SVG",
        "qr_png": "Code QR « {title} » en PNG ({size} × {size} px)",
        "no_qr_codes": "Il n’y a pas de codes QR : la campagne n’a pas encore d’adresse de site "
        "web (site_url).",
        "calendar_intro": "Des fichiers d’agenda à ouvrir dans Outlook, Google Agenda ou "
        "l’agenda d’un téléphone, ou à transférer.",
        "calendar_download": "{title} : fichier d’agenda (.ics)",
        "everything": "Tout en une fois",
        "zip": "Le kit de communication complet (ZIP, {size})",
        "zip_sentence": "{link}, avec un fichier LEESMIJ.txt (« lisez-moi ») sur le contenu, "
        "les auteurs des images et leur utilisation.",
        "web": "Pour le web",
        "print": "Pour l’impression",
        "social": "Réseaux sociaux, {crop}",
        "crop_square": "carré (Instagram, Facebook)",
        "crop_portrait": "portrait 4:5 (Instagram)",
        "crop_story": "story 9:16 (stories Instagram et Facebook)",
        "crop_link": "paysage (aperçu de lien, Facebook, LinkedIn)",
        "plain_text": "Texte brut (.txt)",
        "poster_file": "{paper} (PDF, {size} ko)",
        "all_events": "Toutes les activités",
        "logo_of": "Logo de {name}",
        "home_page": "page d’accueil",
        "note_no_site_url": "Cette campagne n’a pas de site_url : le kit ne contient pas de "
        "codes QR, et les affiches et les textes ne renvoient pas vers le site web. Ajoutez "
        "« site_url » dans campaign.yml pour les obtenir.",
        "note_small_photo": "{name} est petite ({width}×{height} px) : les recadrages pour les "
        "réseaux sociaux ont été agrandis et peuvent être flous.",
        "readme_title": "Kit de communication : {title}",
        "readme_intro": "Tout dans ce dossier est déjà complété pour la campagne : dates, "
        "adresses web et charte graphique.\nUtilisez librement les textes et les images pour "
        "faire connaître la campagne.",
        "readme_site": "Site web de la campagne : {url}",
        "readme_kit": "Ce kit en ligne : {url}",
        "readme_no_site": "Cette campagne n’a pas (encore) d’adresse de site web : le kit ne "
        "contient donc pas\nde codes QR, et les textes et les affiches ne renvoient vers aucun "
        "site.",
        "readme_contents": "CONTENU DE CE DOSSIER",
        "readme_texts": "Des textes prêts à l’emploi pour la lettre d’information, les réseaux "
        "sociaux, la presse, le courrier, l’affiche, WhatsApp et l’e-mail. Chaque texte en "
        "fichier Word (.docx), en texte brut (.txt, à copier) et en Markdown (.md).",
        "readme_images": "Des photos pour le web (-web) et pour l’impression (-druk, 300 dpi en "
        "A4 quand la photo est assez grande), des recadrages pour les réseaux sociaux "
        "(1080x1080 carré, 1080x1350 portrait, 1080x1920 story, 1200x630 aperçu de lien) et "
        "les logos (beelden/logos/).",
        "readme_cards": "Des visuels prêts à l’emploi avec titre et date pour chaque action et "
        "chaque activité, pour les réseaux sociaux (1200x630 et 1080x1080).",
        "readme_qr": "Des codes QR vers le site web : SVG pour l’impression (s’agrandit sans "
        "perte de qualité), PNG pour Word et les réseaux sociaux.",
        "readme_posters": "Des affiches en PDF, en A4 et en A3, prêtes à imprimer.",
        "readme_calendar": "Des fichiers d’agenda (.ics) pour chaque activité et pour toutes "
        "les activités ensemble : à ouvrir avec Outlook, Google Agenda ou l’agenda de votre "
        "téléphone.",
        "readme_use": "MODE D’EMPLOI",
        "readme_use_steps": "- Lettre d’information ou site web : ouvrez le texte dans teksten/ "
        "(Word ou .txt), copiez et collez.\n"
        "- Réseaux sociaux : choisissez un message dans teksten/sociaal-*.txt et une image\n"
        "  dans beelden/kaarten/ ou un recadrage dans beelden/.\n"
        "- Affiche : imprimez affiches/*-a4.pdf ou *-a3.pdf en taille réelle (100 %).\n"
        "- Vos propres imprimés : utilisez les images -druk et les codes QR en SVG.",
        "readme_credits": "IMAGES : AUTEURS ET UTILISATION",
        "readme_image": "- {files} (source : {source})",
        "readme_what": "  Description : {alt}",
        "readme_maker": "  Auteur : {credit}",
        "readme_licence": "  Licence : {licence}",
        "readme_used_by": "  Utilisée pour : {use}",
        "readme_no_maker": "auteur non indiqué",
        "readme_rights": "Les photos sans licence et les logos ne peuvent être utilisés que pour "
        "faire connaître cette campagne de {municipality},\nen mentionnant l’auteur lorsqu’il "
        "est indiqué. Les logos restent la propriété de leur\norganisation. Questions sur les "
        "droits : {email}.\nVous pouvez utiliser librement les codes QR et la mise en page des "
        "affiches et des visuels.\n"
        "Police de caractères : DejaVu Sans (licence libre, https://dejavu-fonts.github.io/).",
        "readme_contact": "Contact : {contact}",
        "readme_notes": "REMARQUES",
    },
    "en": {
        "intro": "Everything to spread the word about {title}, already filled in for "
        "{municipality}: texts to copy, images for social media, posters to print, QR codes "
        "and calendar files.",
        "megabytes": "{size} MB",
        "download_all": "Download the whole kit (ZIP, {size})",
        "no_site_url": "This campaign has no website address yet: that is why there are no QR "
        "codes, and texts and posters do not point to the website.",
        "contents": "Contents of the kit",
        "texts": "Texts",
        "images": "Images",
        "posters": "Posters",
        "qr_codes": "QR codes",
        "calendar": "Calendar",
        "texts_intro": "Copy a text with the button, or download it as a Word file or as plain "
        "text.",
        "text_for": "For {channel}",
        "text_length": "{length} of at most {limit} characters",
        "show_plain": "Show as plain text",
        "copy_button": "Copy the text",
        "copy_name": "“{title}”",
        "copied": "Copied.",
        "copy_failed": "Copying did not work: select the text and copy it yourself.",
        "download": "{title}: {label}",
        "cards": "Cards for social media",
        "cards_intro": "Images with title and date, ready to share: landscape (1200 × 630, for "
        "Facebook and LinkedIn) and square (1080 × 1080, for Instagram).",
        "card_download": "Card “{title}”: {shape} (JPEG, {width} × {height} px)",
        "landscape": "landscape",
        "square": "square",
        "photos": "Photos",
        "photo_download": "Photo “{title}”: {label}",
        "logos": "Logos",
        "posters_intro": "Print at actual size (100%). The QR code takes readers to the right "
        "page.",
        "poster_download": "Poster “{title}”: {label}",
        "qr_intro": "SVG scales without loss of quality (for print); PNG fits in Word and on "
        "social media.",
        "qr_to": "QR code to {title} ({url}):",
        "qr_svg": "QR code “{title}” as SVG",
        "qr_png": "QR code “{title}” as PNG ({size} × {size} px)",
        "no_qr_codes": "There are no QR codes: the campaign has no website address yet (site_url).",
        "calendar_intro": "Calendar files to open in Outlook, Google Calendar or a phone "
        "calendar, or to forward.",
        "calendar_download": "{title}: calendar file (.ics)",
        "everything": "Everything at once",
        "zip": "The complete communication kit (ZIP, {size})",
        "zip_sentence": "{link}, with a read-me file (LEESMIJ.txt) about the contents, the "
        "makers of the images and how they may be used.",
        "web": "For the web",
        "print": "For print",
        "social": "Social media, {crop}",
        "crop_square": "square (Instagram, Facebook)",
        "crop_portrait": "portrait 4:5 (Instagram)",
        "crop_story": "story 9:16 (Instagram/Facebook Stories)",
        "crop_link": "landscape (link preview, Facebook, LinkedIn)",
        "plain_text": "Plain text (.txt)",
        "poster_file": "{paper} (PDF, {size} kB)",
        "all_events": "All events",
        "logo_of": "Logo of {name}",
        "home_page": "home page",
        "note_no_site_url": "This campaign has no site_url: the kit holds no QR codes, and "
        "posters and texts do not point to the website. Set 'site_url' in campaign.yml to add "
        "them.",
        "note_small_photo": "{name} is small ({width}×{height} px): the crops for social media "
        "have been enlarged and may look blurry.",
        "readme_title": "Communication kit: {title}",
        "readme_intro": "Everything in this folder is already filled in for the campaign: "
        "dates, web addresses and house style.\nUse the texts and images freely to spread the "
        "word about the campaign.",
        "readme_site": "Campaign website: {url}",
        "readme_kit": "This kit online: {url}",
        "readme_no_site": "This campaign has no website address (yet): that is why the kit "
        "holds no QR codes\nand the texts and posters do not point to a website.",
        "readme_contents": "WHAT IS IN THIS FOLDER",
        "readme_texts": "Ready-made texts for newsletter, social media, press, letter, poster, "
        "WhatsApp and email. Every text as a Word file (.docx), as plain text (.txt, to copy) "
        "and as Markdown (.md).",
        "readme_images": "Photos for the web (-web) and for print (-druk, 300 dpi at A4 where "
        "the photo is large enough), crops for social media (1080x1080 square, 1080x1350 "
        "portrait, 1080x1920 story, 1200x630 link preview) and logos (beelden/logos/).",
        "readme_cards": "Ready-made images with title and date for every action and event, for "
        "social media (1200x630 and 1080x1080).",
        "readme_qr": "QR codes to the website: SVG for print (scales without loss of quality), "
        "PNG for Word and social media.",
        "readme_posters": "Posters as PDF in A4 and A3, ready to print.",
        "readme_calendar": "Calendar files (.ics) for every event and for all events together: "
        "open them with Outlook, Google Calendar or the calendar on your phone.",
        "readme_use": "HOW TO USE IT",
        "readme_use_steps": "- Newsletter or website: open the text in teksten/ (Word or .txt), "
        "copy and paste.\n"
        "- Social media: pick a message from teksten/sociaal-*.txt and an image from\n"
        "  beelden/kaarten/ or a crop from beelden/.\n"
        "- Poster: print affiches/*-a4.pdf or *-a3.pdf at actual size (100%).\n"
        "- Your own print work: use the -druk images and the QR codes in SVG.",
        "readme_credits": "IMAGES: MAKERS AND USE",
        "readme_image": "- {files} (source: {source})",
        "readme_what": "  What: {alt}",
        "readme_maker": "  Maker: {credit}",
        "readme_licence": "  Licence: {licence}",
        "readme_used_by": "  Used for: {use}",
        "readme_no_maker": "no maker given",
        "readme_rights": "Photos without a licence and logos may only be used to make this "
        "campaign of {municipality} known,\ncrediting the maker where one is given. Logos "
        "remain the property of their\norganisation. Questions about rights: {email}.\n"
        "You are free to use the QR codes and the layout of the posters and cards.\n"
        "Typeface: DejaVu Sans (free licence, https://dejavu-fonts.github.io/).",
        "readme_contact": "Contact: {contact}",
        "readme_notes": "NOTES",
    },
}


def labels(language: str) -> dict[str, str]:
    """The interface strings for ``language``."""
    return LABELS[language]


_ELIDED = re.compile(r"\bde \{(\w+)\}")
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûü]", re.IGNORECASE)


def phrase(label: str, language: str, **values: object) -> str:
    """``label`` filled with ``values``; in French « de » becomes « d’ » before a value
    that starts with a vowel (« une campagne d’Anvers »). The values are never changed."""
    if language == "fr":

        def elide(found: re.Match[str]) -> str:
            value = str(values.get(found.group(1), ""))
            return f"d’{{{found.group(1)}}}" if _VOWEL.match(value) else found.group(0)

        label = _ELIDED.sub(elide, label)
    return label.format(**values)


def kit_labels(language: str) -> dict[str, str]:
    """The communication kit's strings for ``language``."""
    return KIT_LABELS[language]


def default_themes(language: str) -> tuple[Theme, ...]:
    """The built-in themes, titled in ``language``."""
    return tuple(
        Theme(id=theme_id, title=title)
        for theme_id, title in zip(DEFAULT_THEME_IDS, _THEMES[language], strict=True)
    )


def audience_label(audience: str, language: str) -> str:
    return AUDIENCE_LABELS[language][audience]


def effort_label(effort: str, language: str) -> str:
    return EFFORT_LABELS[language][effort]


def action_status_label(status: str, language: str) -> str:
    return ACTION_STATUS_LABELS[language][status]


def event_status_label(status: str, language: str) -> str:
    return EVENT_STATUS_LABELS[language][status]


def _first_of_month(text: str, day: date, language: str) -> str:
    # French writes the first day of a month as an ordinal: « 1er mai ».
    if language == "fr" and day.day == 1:
        return re.sub(r"\b1 ", "1er ", text, count=1)
    return text


# Babel takes far longer than a lookup, and a campaign's pages, cards, posters and
# calendars ask for the same few dates many times over.
@functools.lru_cache(maxsize=4096)
def format_day(day: date, language: str) -> str:
    """``zaterdag 15 mei 2027`` / ``samedi 15 mai 2027`` / ``Saturday 15 May 2027``."""
    text = _babel_date(day, "full", locale=LOCALES[language]).replace(",", "")
    return _first_of_month(text, day, language)


@functools.lru_cache(maxsize=4096)
def format_day_short(day: date, language: str) -> str:
    """``za 15 mei`` / ``sam. 15 mai`` / ``Sat 15 May``: for cards and lists."""
    text = _babel_skeleton("MMMEd", day, locale=LOCALES[language]).replace(",", "")
    return _first_of_month(text, day, language)


@functools.lru_cache(maxsize=4096)
def format_date(day: date, language: str) -> str:
    """``15 mei 2027``: a date without the weekday."""
    return _first_of_month(_babel_date(day, "long", locale=LOCALES[language]), day, language)


@functools.lru_cache(maxsize=4096)
def format_month_short(day: date, language: str) -> str:
    """``mei`` / ``mai`` / ``May``: the month on a date tile."""
    return _babel_date(day, "LLL", locale=LOCALES[language]).rstrip(".")


@functools.lru_cache(maxsize=4096)
def format_time(moment: time | datetime, language: str) -> str:
    """``18:00``, ``09:05``: 24-hour clock in every language."""
    value = moment.time() if isinstance(moment, datetime) else moment
    return _babel_time(value, "HH:mm", locale=LOCALES[language])


@functools.lru_cache(maxsize=4096)
def format_period(start: date, end: date, language: str) -> str:
    """``van 1 mei tot 30 juni 2027``; a single day when both are equal."""
    if start == end:
        return format_date(start, language)
    if start.year == end.year:
        first = _first_of_month(
            _babel_skeleton("MMMMd", start, locale=LOCALES[language]), start, language
        )
    else:
        first = format_date(start, language)
    return LABELS[language]["date_range"].format(start=first, end=format_date(end, language))


def format_event_when(event: Event, language: str) -> str:
    """When an event happens, in one line: all-day, a time, a time range, or several days."""
    words = LABELS[language]
    day = format_day(event.day, language)
    if event.all_day:
        return f"{day} ({words['all_day']})"
    start = event.start
    assert isinstance(start, datetime)
    end = event.ends_at
    if end is None:
        return words["at_time"].format(day=day, time=format_time(start, language))
    if end.date() == start.date():
        return words["time_range"].format(
            day=day, start=format_time(start, language), end=format_time(end, language)
        )
    return words["day_range"].format(
        start=words["at_time"].format(day=day, time=format_time(start, language)),
        end=words["at_time"].format(
            day=format_day(end.date(), language), time=format_time(end, language)
        ),
    )


def format_decimal(value: float, language: str, digits: int = 1) -> str:
    """``27,5`` / ``27,5`` / ``27.5``: a number with ``digits`` decimals, no grouping."""
    return f"{value:.{digits}f}".replace(".", get_decimal_symbol(LOCALES[language]))
