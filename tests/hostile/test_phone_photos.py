"""Photos straight from phones: 50-megapixel JPEGs and iPhone HEIC files build into the site
and the kit, decoded no larger than each use needs, upright, without location or camera data;
HEIC comes out as JPEG. What is larger than 100 megapixels is refused where it is named
(tests/hostile/test_files.py holds those cases)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageFile
from support.campaigns import (
    ACTION,
    PHONE_GREEN,
    PHONE_RED,
    jpeg_claiming,
    phone_photo,
    write_campaign,
)

from campaignkit.images import MAX_PIXELS, check_image, decode, upright_size, web_size
from campaignkit.kit import Kit, build_kit, pictures
from campaignkit.model import Campaign
from campaignkit.pages import Site, build_site
from campaignkit.validation import load_campaign

#: A 50-megapixel phone photo as stored (held sideways: on screen 6144 wide, 8160 high).
PHONE = (8160, 6144)
SHOWN = (PHONE[1], PHONE[0])
HEIC = (1200, 900)
STAMP = datetime(2027, 2, 1, 9, 0)
TEAM = """\
name: Kerkstraat
households: 14
joined: 2027-03-12
photo:
  src: images/ploegen/kerkstraat.HEIC
  alt: Buren leggen samen een geveltuin aan
  consent: true
commitments:
  - action: geveltuin
"""


class Decodes:
    """The size of every image Pillow decodes while it is watched (after any reduction)."""

    def __init__(self) -> None:
        self.sizes: list[tuple[str, tuple[int, int]]] = []

    def largest(self, kind: str) -> int:
        return max(w * h for k, (w, h) in self.sizes if k == kind)


@pytest.fixture(scope="module")
def watch() -> Iterator[Decodes]:
    decodes = Decodes()
    original = ImageFile.ImageFile.load

    def load(image: ImageFile.ImageFile) -> object:
        decodes.sizes.append((image.format or "", image.size))
        return original(image)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ImageFile.ImageFile, "load", load)
        yield decodes


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    """The default campaign with a 50-megapixel JPEG as its hero, an iPhone HEIC (with a
    small embedded thumbnail) as its action's photo, and a team whose photo is a HEIC."""
    folder = write_campaign(
        tmp_path_factory.mktemp("campaigns"),
        campaign={"hero": {"image": "images/straat.jpg"}},
        actions={ACTION: {"image": {"src": "images/buren.heic"}}},
        images={
            "images/straat.jpg": phone_photo(*PHONE),
            "images/buren.heic": phone_photo(*HEIC, kind="HEIF", thumbnail=320),
            "images/ploegen/kerkstraat.HEIC": phone_photo(1000, 750, kind="HEIF"),
        },
        files={"teams/kerkstraat.yml": TEAM},
    )
    return load_campaign(folder)


@pytest.fixture(scope="module")
def site(campaign: Campaign, watch: Decodes) -> Site:
    return build_site(campaign, base_url=None, today=date(2027, 5, 1))


@pytest.fixture(scope="module")
def kit(campaign: Campaign, watch: Decodes, tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return build_kit(campaign, cache_dir=tmp_path_factory.mktemp("cache"), stamp=STAMP)


def _clean_upright_jpeg(data: bytes, size: tuple[int, int] | None = None) -> Image.Image:
    """A JPEG without metadata, shown upright: the red corner block is top-right."""
    assert b"Exif" not in data and b"Telefoonfabrikant" not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif() and "icc_profile" not in image.info
    if size:
        assert image.size == size
    assert image.height > image.width  # the sideways photo stands up
    rgb = image.convert("RGB")
    assert _near(rgb.getpixel((image.width - 2, 2)), PHONE_RED)
    assert _near(rgb.getpixel((2, 2)), PHONE_GREEN)
    return image


def _near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= 12 for a, b in zip(pixel, colour, strict=True))


def _site_files(site: Site, stem: str) -> dict[str, bytes]:
    return {a.dest_uri: a.content for a in site.assets if a.dest_uri.startswith(f"images/{stem}-")}


# -- the site ---------------------------------------------------------------------------------


def test_a_50_megapixel_photo_is_decoded_at_a_quarter_for_the_site(
    site: Site, watch: Decodes
) -> None:
    files = _site_files(site, "straat")
    assert sorted(files) == [f"images/straat-{w}.jpg" for w in (1024, 1600, 640)]
    for name, data in files.items():
        width = int(name.rsplit("-", 1)[1].removesuffix(".jpg"))
        _clean_upright_jpeg(data, (width, round(SHOWN[1] * width / SHOWN[0])))
    # Decoded at half the width and height (JPEG's scaled decoding), never whole.
    assert watch.largest("JPEG") <= PHONE[0] * PHONE[1] // 4


def test_the_page_states_the_size_of_the_files(site: Site) -> None:
    html = site.page("index.md").html
    assert 'width="1600" height="2125"' in html
    files = _site_files(site, "straat")
    assert Image.open(io.BytesIO(files["images/straat-1600.jpg"])).size == (1600, 2125)


def test_a_heic_photo_becomes_upright_jpeg_without_location(site: Site) -> None:
    files = _site_files(site, "buren")
    # 480 and 960 wanted; the photo is 900 wide as shown, so 900 is the largest.
    assert sorted(files) == ["images/buren-480.jpg", "images/buren-900.jpg"]
    _clean_upright_jpeg(files["images/buren-480.jpg"], (480, 640))
    _clean_upright_jpeg(files["images/buren-900.jpg"], (900, 1200))
    html = site.page("acties/geveltuin.md").html
    assert "buren-480.jpg" in html and ".heic" not in html


def test_a_team_photo_from_an_iphone_is_shown_as_jpeg(site: Site) -> None:
    files = _site_files(site, "ploegen/kerkstraat")
    assert sorted(files) == [
        "images/ploegen/kerkstraat-480.jpg",
        "images/ploegen/kerkstraat-750.jpg",
    ]
    _clean_upright_jpeg(files["images/ploegen/kerkstraat-750.jpg"], (750, 1000))
    assert "ploegen/kerkstraat-480.jpg" in site.page("ploegen/kerkstraat.md").html


# -- the kit ----------------------------------------------------------------------------------


def test_the_kit_makes_every_size_from_a_reduced_decode(kit: Kit, watch: Decodes) -> None:
    _clean_upright_jpeg(kit.files["kit/beelden/straat-druk.jpg"], (2480, 3294))
    _clean_upright_jpeg(kit.files["kit/beelden/straat-web.jpg"], (1600, 2125))
    for size in pictures.CROPS:
        data = kit.files[f"kit/beelden/straat-{size[0]}x{size[1]}.jpg"]
        assert Image.open(io.BytesIO(data)).size == size
        assert b"Exif" not in data
    assert watch.largest("JPEG") <= PHONE[0] * PHONE[1] // 4


def test_the_kit_offers_a_heic_photo_as_jpeg(kit: Kit) -> None:
    _clean_upright_jpeg(kit.files["kit/beelden/buren-web.jpg"], (900, 1200))
    _clean_upright_jpeg(kit.files["kit/beelden/buren-druk.jpg"], (900, 1200))
    assert not any(name.endswith((".heic", ".heif")) for name in kit.files)


# -- decoding ---------------------------------------------------------------------------------


def test_decode_asks_jpeg_for_the_smallest_size_that_covers_the_need(tmp_path: Path) -> None:
    path = tmp_path / "straat.jpg"
    path.write_bytes(phone_photo(*PHONE))
    assert check_image(tmp_path, "straat.jpg") == path
    assert upright_size(path) == SHOWN
    # Halving keeps at least the need; 1/4 and 1/8 keep twice the need.
    assert decode(path, pictures.NEED).size == (3072, 4080)
    assert decode(path, (640, 850)).size == (1536, 2040)
    assert decode(path, (300, 400)).size == (768, 1020)
    assert decode(path, (4000, 5000)).size == SHOWN


def test_a_heic_thumbnail_is_used_when_it_covers_the_need(tmp_path: Path) -> None:
    path = tmp_path / "buren.heic"
    path.write_bytes(phone_photo(*HEIC, kind="HEIF", thumbnail=320))
    assert upright_size(path) == (900, 1200) == web_size(path)
    small = decode(path, (120, 160))
    assert small.size == (240, 320)  # the embedded thumbnail, upright
    assert _near(small.convert("RGB").getpixel((small.width - 2, 2)), PHONE_RED)
    assert decode(path, (480, 640)).size == (900, 1200)


def test_the_pixel_cap_is_100_megapixels(tmp_path: Path) -> None:
    assert MAX_PIXELS == 100_000_000
    path = tmp_path / "groot.jpg"
    path.write_bytes(jpeg_claiming(10_000, 10_000))
    assert check_image(tmp_path, "groot.jpg") == path
