"""What each field of the campaign format means, in Dutch: one text per field, for everyone.

The JSON Schemas (hover in the editor), the issue forms and ``campaignkit validate`` all read
these texts through :func:`describe`, so a field explains itself the same way everywhere.
The texts are Markdown (values in backticks); :func:`describe` gives them as plain text.
"""

from __future__ import annotations

from pydantic import BaseModel

#: What a value of a choice means, where the value does not say it itself (English values).
CHOICES: dict[str, str] = {
    "nl": "Nederlands",
    "fr": "Frans",
    "en": "Engels",
    "low": "weinig moeite",
    "medium": "wat moeite",
    "high": "veel moeite",
    "planned": "gepland",
    "running": "bezig",
    "done": "afgerond",
    "confirmed": "gaat door",
    "cancelled": "afgelast",
    "week": "elke week",
    "two-weeks": "om de twee weken",
    "month": "elke maand, op dezelfde dag",
    "per_household": "punten per deelnemend gezin, eerlijk voor kleine ploegen",
    "total": "alle punten samen",
}


def choices(values: tuple[object, ...] | list[object], *, markdown: bool = True) -> str:
    """``values`` as one Dutch phrase, each with its meaning: ``planned`` (gepland), … of …"""
    quote = "`" if markdown else ""
    words = [
        f"{quote}{v}{quote}" + (f" ({CHOICES[str(v)]})" if str(v) in CHOICES else "")
        for v in values
    ]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " of " + words[-1]


# Fields that several records share, written once.
_SRC = (
    "Het pad van het beeld in de campagnemap, bv. `images/geveltuin.jpg` (JPEG, PNG, WebP of HEIC)."
)
_ALT = "Wat er op het beeld te zien is, in één zin, voor wie het niet kan zien (schermlezers)."
_CREDIT = "Wie het beeld maakte, bv. `Foto: Jan Peeters`; staat bij het beeld en in de kit."
_LICENCE = (
    "Onder welke voorwaarden anderen het beeld mogen hergebruiken, bv. `CC BY 4.0` of "
    "`alleen voor deze campagne`; staat bij de bronvermelding en in de kit."
)
_FOCUS = (
    "Het punt dat zichtbaar blijft bij het bijsnijden: `[x, y]`, elk van 0 tot 1 (links en "
    "boven 0, rechts en onder 1), bv. `[0.5, 0.3]`."
)
_IMAGE = "Een beeld: `src` (het pad) en `alt` (wat erop staat) zijn verplicht."
_DAY = "een datum als `JJJJ-MM-DD`, bv. `2027-05-15`"

_STATUS = choices(("planned", "running", "done")) + "; standaard `planned`."


def _slugs(first: str, second: str) -> str:
    return f"(hun bestandsnamen zonder `.yml`), bv. `[{first}, {second}]`."


def _image_fields() -> dict[str, str]:
    return {"alt": _ALT, "credit": _CREDIT, "licence": _LICENCE, "focus": _FOCUS}


#: Per record (its class name), per field: the Dutch text. A test checks it names every field
#: of every record in the format, and nothing else.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "CampaignFile": {
        "title": "De naam van de campagne, op één regel (hooguit 120 tekens).",
        "tagline": "Een korte zin onder de titel, op één regel (hooguit 200 tekens).",
        "intro": "De inleiding op de startpagina, in Markdown (hooguit 5000 tekens).",
        "language": (
            "De taal van de site, de kit en `LEESMIJ.txt`: " + choices(("nl", "fr", "en")) + "; "
            "standaard `nl`."
        ),
        "municipality": (
            "De gemeente: `name` (verplicht), `website`, `inhabitants` en `housing_units`."
        ),
        "period": "Wanneer de campagne loopt: `start` en `end`, elk " + _DAY + ".",
        "contact": (
            "Het aanspreekpunt van de campagne: `email` (verplicht), `name` en `phone`; staat "
            "op de site."
        ),
        "signup_url": (
            "Waar inwoners zich inschrijven: het volledige webadres van een formulier, "
            "beginnend met `https://`."
        ),
        "site_url": (
            "Het publieke adres van de microsite, beginnend met `https://`; nodig voor de "
            "QR-codes op affiches en flyers."
        ),
        "branding": (
            "De huisstijl: `primary` (verplicht), `accent` en `logo`. Witte tekst moet goed "
            "leesbaar zijn op `primary`."
        ),
        "hero": "Het grote beeld bovenaan de startpagina: `image` en `alt` zijn verplicht.",
        "themes": (
            "De thema's van de campagne, elk met `id` en `title`. Laat weg voor de vaste "
            "thema's: energie, mobiliteit, vergroening, water, voeding, consumptie, afval."
        ),
        "partners": "De partners van de campagne, elk met `id` en `name` (verplicht).",
        "indicators": (
            "Eigen indicatoren naast de vaste van het LEKP, elk met `id`, `title` en `unit`, "
            "en eventueel `goal`."
        ),
        "teams_label": (
            "Hoe ploegen heten op de site, bv. `Klimaatstraten` (standaard `Ploegen`, "
            "`Équipes` of `Teams`)."
        ),
        "scoreboard": (
            "Hoe ploegen gerangschikt worden (`rank_by`, `hide_from`, `winner`); zonder dit "
            "blok staan ze op naam, zonder rangschikking."
        ),
        "phases": (
            "De fasen van de campagne, op volgorde en zonder overlap, elk met `title`, `start` "
            "en `end`; de startpagina toont ze als tijdlijn."
        ),
        "library": (
            "De bibliotheken (`library/<naam>/`) waarvan de kitteksten de standaard zijn voor "
            "deze campagne, bv. `[bbl]`; een eigen tekst met dezelfde naam gaat voor."
        ),
    },
    "Municipality": {
        "name": "De naam van de gemeente, bv. `Asse`.",
        "website": "De website van de gemeente, beginnend met `https://`.",
        "inhabitants": (
            "Het aantal inwoners, een geheel getal zonder punten, bv. `33800`; hieruit volgen "
            "de LEKP-doelen."
        ),
        "housing_units": (
            "Het aantal wooneenheden, een geheel getal zonder punten, bv. `14500`; hieruit "
            "volgen de LEKP-doelen voor renovaties en klimaattafels."
        ),
    },
    "Period": {
        "start": "De eerste dag van de campagne: " + _DAY + ".",
        "end": "De laatste dag van de campagne: " + _DAY + ", niet voor `start`.",
    },
    "Contact": {
        "name": "De naam van het aanspreekpunt, bv. `Milieudienst`.",
        "email": "Het e-mailadres voor vragen, bv. `klimaat@gemeente.be`; staat op de site.",
        "phone": "Het telefoonnummer voor vragen, bv. `053 21 22 33` of `+32 471 12 34 56`.",
    },
    "Branding": {
        "primary": (
            "De hoofdkleur als `#` en zes hexadecimale cijfers, tussen aanhalingstekens, bv. "
            '`"#2E7D32"`; witte tekst moet erop leesbaar zijn (contrast 4.5:1).'
        ),
        "accent": 'Een tweede kleur als `#` en zes hexadecimale cijfers, bv. `"#F9A825"`.',
        "logo": "Het logo: een pad in de campagnemap, bv. `images/logo.png`.",
    },
    "Hero": {"image": _SRC, **_image_fields()},
    "Image": {"src": _SRC, **_image_fields()},
    "Theme": {
        "id": "De korte naam van het thema: kleine letters, cijfers en koppeltekens, bv. `water`.",
        "title": "De naam van het thema zoals ze op de site staat, bv. `Water`.",
    },
    "Partner": {
        "id": (
            "De korte naam van de partner: kleine letters, cijfers en koppeltekens, bv. "
            "`natuurpunt`; acties verwijzen ernaar."
        ),
        "name": "De naam van de partner, bv. `Natuurpunt Asse`.",
        "url": "De website van de partner, beginnend met `https://`.",
        "logo": "Het logo van de partner: een pad in de campagnemap, bv. `images/partner.png`.",
        "role": "Wat de partner doet in de campagne, op één regel.",
    },
    "Indicator": {
        "id": (
            "De korte naam van de indicator: kleine letters, cijfers, koppeltekens en liggende "
            "streepjes, bv. `deelkasten`; acties verwijzen ernaar met `indicator`."
        ),
        "title": "Wat er geteld wordt, bv. `Deelkasten`.",
        "unit": "De eenheid van de aantallen, bv. `kasten`.",
        "goal": "Het eigen doel van de campagne, een getal, bv. `40` (mag weg).",
    },
    "Scoreboard": {
        "rank_by": (
            "Waarop ploegen gerangschikt worden: " + choices(("per_household", "total")) + "; "
            "standaard `per_household`."
        ),
        "hide_from": ("Vanaf deze dag (" + _DAY + ") staat de rangschikking niet meer op de site."),
        "winner": "De keuze van de jury: de bestandsnaam van een ploeg, bv. `lindestraat`.",
    },
    "Phase": {
        "title": "De naam van de fase, bv. `Inschrijven`.",
        "start": "De eerste dag van de fase: " + _DAY + ".",
        "end": "De laatste dag van de fase: " + _DAY + ", niet voor `start`.",
        "summary": "Eén regel over wat er in deze fase gebeurt.",
    },
    "Action": {
        "title": "De naam van de actie, op één regel (hooguit 120 tekens).",
        "summary": "Eén regel over wat inwoners doen (hooguit 300 tekens); staat op de kaartjes.",
        "theme": "Het thema van de actie: de `id` van een thema, bv. `vergroening`.",
        "audience": (
            "Voor wie de actie is: een lijst uit inwoners, gezinnen, jongeren, senioren, "
            "verenigingen, scholen, handelaars, bedrijven, landbouwers."
        ),
        "effort": "Hoeveel moeite de actie vraagt: " + choices(("low", "medium", "high")) + ".",
        "status": "Hoe ver de actie staat: " + _STATUS,
        "image": _IMAGE,
        "body": "De volledige uitleg van de actie, in Markdown.",
        "partners": "De partners die meewerken: hun `id`, bv. `[natuurpunt]`.",
        "events": "De activiteiten bij deze actie " + _slugs("markt", "startavond"),
        "signup_url": (
            "Waar inwoners zich inschrijven voor deze actie: een volledig webadres, beginnend "
            "met `https://`."
        ),
        "indicator": (
            "Waarvoor de aantallen van ploegen bij deze actie tellen: een vaste LEKP-indicator "
            "(bv. `m2_ontharding`) of een eigen indicator van de campagne."
        ),
        "points": (
            "De punten die een ploeg krijgt als ze de actie gedaan heeft, een geheel getal; "
            "standaard volgens `effort`: low 1, medium 2, high 3, niets 1."
        ),
    },
    "Event": {
        "title": "De naam van de activiteit, op één regel (hooguit 120 tekens).",
        "start": (
            "Wanneer de activiteit begint: `JJJJ-MM-DD UU:MM`, bv. `2027-05-15 14:00`, of "
            "alleen `2027-05-15` als ze de hele dag duurt. Belgische tijd."
        ),
        "end": (
            "Wanneer de activiteit eindigt: `UU:MM` op dezelfde dag, bv. `17:00`, of "
            "`JJJJ-MM-DD UU:MM`; na `start`."
        ),
        "location": (
            "Waar de activiteit plaatsvindt: `name` (verplicht) en `address`; verplicht "
            "zonder `online_url`."
        ),
        "online_url": (
            "De link om online deel te nemen, beginnend met `https://`; verplicht zonder "
            "`location`."
        ),
        "description": "Wat er op de activiteit gebeurt, in Markdown.",
        "image": (
            "Een beeld voor de pagina, het affiche en de sociale kaart (`src` en `alt` "
            "verplicht); zonder beeld tonen die het grote beeld van de campagne."
        ),
        "registration_url": (
            "Waar deelnemers zich aanmelden: een volledig webadres, beginnend met `https://`."
        ),
        "actions": "De acties waar deze activiteit bij hoort " + _slugs("geveltuin", "dakisolatie"),
        "status": (
            "Of de activiteit doorgaat: " + choices(("confirmed", "cancelled")) + "; standaard "
            "`confirmed`."
        ),
        "repeat": (
            "Als de activiteit terugkomt: `every` (hoe vaak) en `until` (tot wanneer) zijn "
            "verplicht, `except` is optioneel, bv. `{every: week, until: 2027-06-29}`."
        ),
    },
    "Repeat": {
        "every": (
            "Hoe vaak, gerekend vanaf `start`: "
            + choices(("week", "two-weeks", "month"))
            + "; een maandelijkse activiteit op de 31e slaat de maanden zonder 31e over."
        ),
        "until": "De laatste dag waarop de activiteit nog mag plaatsvinden: " + _DAY + ".",
        "except": (
            "De data waarop ze niet doorgaat, een lijst, bv. `[2027-04-06, 2027-07-20]`; elk "
            "moet een datum van de herhaling zijn."
        ),
    },
    "Location": {
        "name": "De naam van de plaats, bv. `Gemeenteplein`.",
        "address": "Het adres, op één regel, bv. `Gemeenteplein 1, 1730 Asse`.",
    },
    "Team": {
        "name": (
            "De naam van de ploeg, bv. `Lindestraat`, op één regel (hooguit 80 tekens); "
            "zonder e-mailadressen of telefoonnummers."
        ),
        "kind": (
            "Wat voor ploeg: `straat` (standaard), `wijk`, `school`, `vereniging`, `bedrijf` "
            "of `andere`."
        ),
        "streets": "De straten van de ploeg, een lijst, bv. `[Lindestraat, Kerkweg]`.",
        "households": "Hoeveel gezinnen meedoen: een geheel getal vanaf 1, bv. `14`.",
        "households_total": (
            "Hoeveel gezinnen er in de straat of wijk wonen (niet minder dan `households`); "
            "toont een deelnamegraad."
        ),
        "joined": "De dag waarop de ploeg zich aansloot: " + _DAY + ".",
        "story": (
            "Het verhaal van de ploeg, in Markdown; komt op de site, dus zonder namen, "
            "e-mailadressen of telefoonnummers van bewoners."
        ),
        "photo": (
            "Een foto van de ploeg: `src`, `alt` en `consent: true` zijn verplicht (wie erop "
            "staat, gaf toestemming)."
        ),
        "commitments": (
            "De acties die de ploeg opneemt, elk met `action` (verplicht), `status`, `date` "
            "en `amount`."
        ),
    },
    "TeamPhoto": {
        "src": _SRC,
        **_image_fields(),
        "consent": (
            "Zet `true` als wie herkenbaar op de foto staat, toestemming gaf om ze te "
            "publiceren; zonder die toestemming komt de foto niet online."
        ),
    },
    "Commitment": {
        "action": "De actie: haar bestandsnaam zonder `.yml`, bv. `geveltuin`.",
        "status": "Hoe ver de ploeg met de actie staat: " + _STATUS,
        "date": "Wanneer de ploeg de actie deed of plant: " + _DAY + ".",
        "amount": (
            "Hoeveel, in de eenheid van de indicator van de actie, met een punt, bv. `12.5`; "
            "alleen bij een actie met een `indicator`."
        ),
    },
    "NewsFrontMatter": {
        "title": "De titel van het bericht, op één regel (hooguit 120 tekens).",
        "date": (
            "De dag van publicatie: " + _DAY + "; een bericht met een latere datum komt pas "
            "dan online."
        ),
        "summary": (
            "Eén regel over het bericht (hooguit 300 tekens); staat in het overzicht en de feed."
        ),
        "updated": "De dag van de laatste wijziging: " + _DAY + ", niet voor `date`.",
        "image": _IMAGE,
        "actions": "De acties waarover het bericht gaat " + _slugs("geveltuin", "dakisolatie"),
        "events": "De activiteiten waarover het bericht gaat " + _slugs("markt", "startavond"),
        "teams": "De ploegen waarover het bericht gaat " + _slugs("lindestraat", "kerkweg"),
    },
    "LibraryFile": {
        "name": "Wie de bibliotheek bijhoudt, bv. `Bond Beter Leefmilieu`; staat op de "
        "actiefiches die eruit komen.",
        "url": "De website van wie de bibliotheek bijhoudt (`https://...`); de actiefiches "
        "linken ernaar.",
        "version": "Een versie, als tekst, bv. `2027.1`; staat in `campaignkit library report`.",
        "language": "De taal van de teksten: " + choices(("nl", "fr", "en")) + "; standaard "
        "`nl`. Een campagne neemt alleen over uit een bibliotheek in haar eigen taal.",
    },
    "LibraryPartner": {
        "name": "De naam van de partner, bv. `Natuurpunt`.",
        "url": "De website van de partner, beginnend met `https://`.",
        "logo": "Het pad van het logo in de map van de bibliotheek, bv. `images/natuurpunt.png`.",
        "role": "Wat de partner doet, in één zin; een campagne mag dit vervangen.",
    },
}


#: Per record: what the whole block is (the schema's text for the file or the block).
RECORDS: dict[str, str] = {
    "CampaignFile": "`campaign.yml`: de gegevens van de hele campagne.",
    "Action": (
        "Een actie, `actions/<naam>.yml`: wat inwoners kunnen doen. De bestandsnaam is de korte "
        "naam waarmee activiteiten, berichten en ploegen ernaar verwijzen."
    ),
    "Event": (
        "Een activiteit, `events/<naam>.yml`, met uren in Belgische tijd. De bestandsnaam is "
        "de korte naam waarmee acties en berichten ernaar verwijzen."
    ),
    "Team": (
        "Een ploeg, `teams/<naam>.yml`: een straat, wijk, school, vereniging of bedrijf. Alles "
        "komt op de site: geen namen, e-mailadressen of telefoonnummers van bewoners."
    ),
    "NewsFrontMatter": (
        "Het blok bovenaan een nieuwsbericht, `news/<naam>.md`, tussen twee regels `---`; de "
        "tekst van het bericht volgt eronder, in Markdown."
    ),
    "Municipality": "De gemeente van de campagne.",
    "Period": "Wanneer de campagne loopt.",
    "Contact": "Het aanspreekpunt van de campagne.",
    "Branding": "De huisstijl van de site en de kit.",
    "Hero": "Het grote beeld bovenaan de startpagina.",
    "Image": "Een beeld met zijn beschrijving.",
    "Theme": "Een thema van de campagne.",
    "Partner": "Een partner van de campagne.",
    "Indicator": "Een eigen indicator van de campagne, naast de vaste van het LEKP.",
    "Scoreboard": "Hoe ploegen gerangschikt worden.",
    "Phase": "Een fase van de campagne, bv. inschrijven, doen, vieren.",
    "Location": "Waar een activiteit plaatsvindt.",
    "Repeat": "Hoe een activiteit terugkomt: elke week, om de twee weken of elke maand.",
    "TeamPhoto": "Een foto van de ploeg, gepubliceerd met toestemming van wie erop staat.",
    "Commitment": "Een actie die de ploeg opneemt.",
    "LibraryFile": (
        "`library/<naam>/library.yml`: wie een gedeelde bibliotheek van acties, partners en "
        "kitteksten bijhoudt."
    ),
    "LibraryAction": (
        "Een actie van een bibliotheek, `library/<bibliotheek>/actions/<naam>.yml`, zoals "
        "campagnes ze overnemen met `from:` (zonder `events`); tekst mag de plaatshouders van "
        "de kit gebruiken, bv. `{{ municipality.name }}`."
    ),
    "LibraryPartner": (
        "Een partner van een bibliotheek, `library/<bibliotheek>/partners/<naam>.yml`; een "
        "campagne neemt hem over met `from:`."
    ),
}


def _entry(record: type[BaseModel] | str, field: str) -> str:
    names = [record] if isinstance(record, str) else [c.__name__ for c in record.__mro__]
    for name in names:
        text = DESCRIPTIONS.get(name, {}).get(field)
        if text is not None:
            return text
    raise KeyError(f"no description for {field!r} of {names[0]}")


def describe(record: type[BaseModel] | str, field: str, *, markdown: bool = False) -> str:
    """The Dutch text of ``field`` of ``record`` (a model class, or its name), as plain text
    or, with ``markdown``, as Markdown. A record inherits the texts of the record it extends
    (``Campaign`` those of ``CampaignFile``)."""
    text = _entry(record, field)
    return text if markdown else plain(text)


def describe_record(record: type[BaseModel] | str, *, markdown: bool = False) -> str:
    """The Dutch text of a whole record (a file or a block of one)."""
    names = [record] if isinstance(record, str) else [c.__name__ for c in record.__mro__]
    text = next((RECORDS[n] for n in names if n in RECORDS), None)
    if text is None:
        raise KeyError(f"no description for {names[0]}")
    return text if markdown else plain(text)


def plain(text: str) -> str:
    """A text of this module without its Markdown (the backticks around values)."""
    return text.replace("`", "")
