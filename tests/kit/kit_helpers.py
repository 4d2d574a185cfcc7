"""Small campaigns written into a folder, and helpers to read what the kit produced."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

STAMP = datetime(2027, 2, 1, 9, 0)
HAS_POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils is not installed")

CAMPAIGN_YML = """\
title: Klimaat in je straat
tagline: Samen maken we Zonnebeke klimaatvriendelijk
intro: Doe mee met je buren.
municipality:
  name: Zonnebeke
  website: https://www.zonnebeke.be
period:
  start: 2027-03-01
  end: 2027-06-30
contact:
  name: Dienst Milieu
  email: klimaat@zonnebeke.be
  phone: 051 48 00 00
site_url: https://klimaat.zonnebeke.be
signup_url: https://www.zonnebeke.be/inschrijven
branding:
  primary: "#1b5e20"
  accent: "#f9a825"
  logo: images/logo.png
hero:
  image: images/hero.jpg
  alt: Een straat met bomen
  credit: "Foto: Jan Peeters"
  focus: [0.3, 0.4]
partners:
  - id: natuurpunt
    name: Natuurpunt Zonnebeke
    logo: images/partner.png
"""

ACTION_YML = """\
title: Een geveltuin langs je gevel
summary: Haal een rij stoeptegels weg en plant klimplanten.
theme: vergroening
image:
  src: images/geveltuin.jpg
  alt: Een gevel met klimplanten
  credit: Gemeente Zonnebeke
  licence: CC BY 4.0
events: [straatfeest]
"""

EVENT_YML = """\
title: Klimaatwijkfeestcomité\u00advergadering in de Kerkstraat
start: 2027-05-15 14:00
end: "17:00"
location:
  name: Gemeenteplein
  address: Kerkstraat 1, 8980 Zonnebeke
description: Kom langs met je buren. Er is **soep** en muziek.
"""


def photo(width: int, height: int, *, exif: bool = False) -> bytes:
    """A JPEG with a gradient (and, if asked, a GPS position in its EXIF)."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Telefoonfabrikant"  # Make
        data[0x8825] = {1: "N", 2: (50.0, 52.0, 10.0)}  # GPS
        image.save(out, "JPEG", exif=data.tobytes())
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def logo(size: int = 300) -> bytes:
    image = Image.new("RGBA", (size, size // 2), (0, 0, 0, 0))
    image.paste((27, 94, 32, 255), (10, 10, size - 10, size // 2 - 10))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def write_campaign(
    root: Path,
    slug: str = "zonnebeke",
    *,
    campaign: str = CAMPAIGN_YML,
    actions: dict[str, str] | None = None,
    events: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
    images: dict[str, bytes] | None = None,
) -> Path:
    folder = root / slug
    files: dict[str, str | bytes] = {"campaign.yml": campaign}
    for name, body in (actions if actions is not None else {"geveltuin": ACTION_YML}).items():
        files[f"actions/{name}.yml"] = body
    for name, body in (events if events is not None else {"straatfeest": EVENT_YML}).items():
        files[f"events/{name}.yml"] = body
    for name, body in (texts or {}).items():
        files[f"texts/{name}"] = textwrap.dedent(body)
    default_images = {
        "images/hero.jpg": photo(1600, 900, exif=True),
        "images/geveltuin.jpg": photo(900, 1200),
        "images/logo.png": logo(),
        "images/partner.png": logo(200),
    }
    files.update(images if images is not None else default_images)
    write_files(folder, files)
    return folder


def write_files(folder: Path, files: dict[str, str | bytes]) -> None:
    """Write each (relative path, text or bytes) under ``folder``."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def decode_qr(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def decode_png(data: bytes) -> list[str]:
    with Image.open(io.BytesIO(data)) as image:
        return decode_qr(image.convert("L"))


def svg_to_image(svg: bytes) -> Image.Image:
    """Draw segno's SVG path (``M x y`` then ``h n`` runs and ``m dx dy`` moves)."""
    text = svg.decode("utf-8")
    width = int(re.search(r'width="(\d+)"', text).group(1))
    scale = float(re.search(r"scale\((\d+)\)", text).group(1))
    path = re.search(r' d="([^"]+)"', text).group(1)
    size = round(width / scale)
    image = Image.new("L", (size * 8, size * 8), 255)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHhVv])([^MmHhVv]*)", path):
        values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            row = int(y)
            image.paste(0, (int(x) * 8, row * 8, int(x + values[0]) * 8, (row + 1) * 8))
            x += values[0]
        else:  # pragma: no cover - segno writes only horizontal runs
            raise AssertionError(command)
    return image


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "poster.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def pdf_qr(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "poster.pdf"
    path.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
    )
    with Image.open(tmp_path / "page.png") as image:
        return decode_qr(image.convert("L"))


#: The campaign above, written by a French- and an English-speaking municipality: every
#: word of their kit that is not theirs comes from the kit's own strings.
TRANSLATED = {
    "fr": {
        "campaign.yml": """\
title: Le climat dans ma rue
tagline: Ensemble, rendons Mouscron plus verte
intro: Participez avec vos voisins.
language: fr
municipality:
  name: Mouscron
  website: https://www.mouscron.be
period:
  start: 2027-03-01
  end: 2027-06-30
contact:
  name: Service Environnement
  email: climat@mouscron.be
  phone: 056 86 01 11
site_url: https://climat.mouscron.be
branding:
  primary: "#1b5e20"
  accent: "#f9a825"
  logo: images/logo.png
hero:
  image: images/hero.jpg
  alt: Une rue bordée d’arbres
  credit: "Photo : Ville de Mouscron"
""",
        "actions/facade.yml": """\
title: Une façade verte
summary: Retirez quelques dalles et plantez des grimpantes.
theme: vergroening
image:
  src: images/facade.jpg
  alt: Une façade couverte de plantes grimpantes
  licence: CC BY 4.0
events: [fete]
""",
        "events/fete.yml": """\
title: Fête des voisins <b>climat</b>
start: 2027-05-15 14:00
end: "17:00"
location:
  name: Grand-Place
  address: Grand-Place 1, 7700 Mouscron
description: Venez avec vos voisins. Il y aura de la soupe.
""",
    },
    "en": {
        "campaign.yml": """\
title: Climate in my street
tagline: Together we make Brussels greener
intro: Join in with your neighbours.
language: en
municipality:
  name: City of Brussels
  website: https://www.brussels.be
period:
  start: 2027-03-01
  end: 2027-06-30
contact:
  name: Environment department
  email: climate@brussels.be
  phone: 02 279 22 11
site_url: https://climate.brussels.be
branding:
  primary: "#1b5e20"
  accent: "#f9a825"
  logo: images/logo.png
hero:
  image: images/hero.jpg
  alt: A street lined with trees
  credit: "Photo: City of Brussels"
""",
        "actions/facade.yml": """\
title: A green front wall
summary: Lift a few paving stones and plant climbers.
theme: vergroening
image:
  src: images/facade.jpg
  alt: A front wall covered in climbing plants
  licence: CC BY 4.0
events: [party]
""",
        "events/party.yml": """\
title: Neighbourhood <b>climate</b> party
start: 2027-05-15 14:00
end: "17:00"
location:
  name: Grand Place
  address: Grand Place 1, 1000 Brussels
description: Come along with your neighbours. There will be soup.
""",
    },
}


def write_translated_campaign(
    root: Path, language: str, *, site_url: bool = True, small_photo: bool = False
) -> Path:
    """The French or English campaign of :data:`TRANSLATED`; without ``site_url`` or with a
    hero too small for social crops, the kit has notes to write."""
    files: dict[str, str | bytes] = dict(TRANSLATED[language])
    if not site_url:
        files["campaign.yml"] = re.sub(r"(?m)^site_url: .*\n", "", files["campaign.yml"])
    files["images/hero.jpg"] = photo(600, 400) if small_photo else photo(1600, 900)
    files["images/facade.jpg"] = photo(900, 1200)
    files["images/logo.png"] = logo()
    folder = root / f"{language}-{'site' if site_url else 'nosite'}"
    write_files(folder, files)
    return folder
