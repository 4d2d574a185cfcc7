"""Hostile files referenced from campaigns: refused with a located problem, or made safe."""

from __future__ import annotations

import io
import os
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from support.campaigns import ACTION, jpeg_claiming, phone_photo, picture, write_campaign

from campaignkit.images import check_image, web_image, web_size
from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign


def _image_bytes(kind: str) -> bytes:
    return picture(8, 8, (10, 120, 40), kind=kind)


def _campaign(campaigns_dir: Path, src: str, make: Callable[[Path], None]) -> Path:
    """The default campaign with an images/foto.jpg, whose action shows ``src``: its image
    block comes after the action's title, summary, theme and events (from line 6 on)."""
    folder = write_campaign(
        campaigns_dir,
        "demo",
        actions={ACTION: {"image": {"src": src, "alt": "Een tuin"}}},
        images={"images/foto.jpg": _image_bytes("JPEG")},
    )
    make(folder)
    return folder


def _png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image (decompresses to width*height bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * width
    idat = zlib.compress(row * 16, 9)  # truncated on purpose: only the header matters
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def _heic_bytes() -> bytes:
    return phone_photo(64, 48, kind="HEIF")


CASES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "symlink-out-of-campaign": (
        "images/link.jpg",
        lambda f: os.symlink("/etc/hostname", f / "images" / "link.jpg"),
        "snelkoppeling naar een bestand buiten de campagnemap",
    ),
    "symlinked-folder-out": (
        "images/ext/x.jpg",
        lambda f: os.symlink("/usr/share", f / "images" / "ext"),
        "buiten de campagnemap",
    ),
    "dot-dot": ("images/../../x.jpg", lambda f: None, "buiten de campagnemap"),
    "absolute": ("/etc/passwd", lambda f: None, "buiten de campagnemap"),
    "windows-path": ("images\\foto.jpg", lambda f: None, "buiten de campagnemap"),
    "windows-drive": ("C:/foto.jpg", lambda f: None, "buiten de campagnemap"),
    "nul-in-path": ("images/foto.jpg\x00.png", lambda f: None, "buiten de campagnemap"),
    "directory": ("images", lambda f: None, "geen bestand"),
    "text-as-png": (
        "images/nep.png",
        lambda f: (f / "images" / "nep.png").write_text("<html>hallo</html>"),
        "geen leesbare afbeelding",
    ),
    "svg-with-script": (
        "images/logo.svg",
        lambda f: (f / "images" / "logo.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        ),
        "geen leesbare afbeelding",
    ),
    "svg-renamed-png": (
        "images/logo2.png",
        lambda f: (f / "images" / "logo2.png").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
        ),
        "geen leesbare afbeelding",
    ),
    "gif-renamed": (
        "images/anim.jpg",
        lambda f: (f / "images" / "anim.jpg").write_bytes(_image_bytes("GIF")),
        "GIF-bestand",
    ),
    "tiff-renamed": (
        "images/scan.jpg",
        lambda f: (f / "images" / "scan.jpg").write_bytes(_image_bytes("TIFF")),
        "TIFF-bestand",
    ),
    "bmp-renamed": (
        "images/paint.png",
        lambda f: (f / "images" / "paint.png").write_bytes(_image_bytes("BMP")),
        "BMP-bestand",
    ),
    "psd-renamed": (
        "images/ontwerp.png",
        lambda f: (f / "images" / "ontwerp.png").write_bytes(
            b"8BPS\x00\x01"
            + b"\x00" * 6
            + b"\x00\x03"
            + struct.pack(">II", 64, 64)
            + b"\x00\x08\x00\x03"
        ),
        "geen leesbare afbeelding",
    ),
    "decompression-bomb": (
        "images/bom.png",
        lambda f: (f / "images" / "bom.png").write_bytes(_png_bomb(20000, 20000)),
        "te veel pixels",
    ),
    "jpeg-named-png": (
        "images/foto.png",
        lambda f: (f / "images" / "foto.png").write_bytes(_image_bytes("JPEG")),
        "heet .png, maar is een JPEG-bestand",
    ),
    "missing-case-differs": ("images/Foto.jpg", lambda f: None, "bestaat niet"),
    "over-100-megapixels": (
        "images/telefoon.jpg",
        lambda f: (f / "images" / "telefoon.jpg").write_bytes(jpeg_claiming(11_000, 9_200)),
        "te veel pixels (11000×9200)",
    ),
    "text-named-heic": (
        "images/foto.heic",
        lambda f: (f / "images" / "foto.heic").write_text("geen foto"),
        "geen leesbare afbeelding",
    ),
    "truncated-heic": (
        "images/kapot.heic",
        lambda f: (f / "images" / "kapot.heic").write_bytes(_heic_bytes()[:40]),
        "geen leesbare afbeelding",
    ),
    "jpeg-named-heic": (
        "images/foto.heic",
        lambda f: (f / "images" / "foto.heic").write_bytes(_image_bytes("JPEG")),
        "heet .heic, maar is een JPEG-bestand",
    ),
    "heic-named-jpg": (
        "images/iphone.jpg",
        lambda f: (f / "images" / "iphone.jpg").write_bytes(_heic_bytes()),
        "heet .jpg, maar is een HEIF-bestand",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file(name: str, tmp_path: Path, campaigns_dir: Path) -> None:
    src, make, expected = CASES[name]
    folder = _campaign(campaigns_dir, src, make)
    started = time.perf_counter()
    with pytest.raises(CampaignError) as caught:
        load_campaign(folder, base=tmp_path)
    assert time.perf_counter() - started < 2.0
    problems = caught.value.problems
    assert any(expected in p.message for p in problems), [p.message for p in problems]
    located = next(p for p in problems if expected in p.message)
    assert located.file == "campaigns/demo/actions/geveltuin.yml"
    if "pixels" in expected:
        assert located.hint == "Verklein de afbeelding tot hooguit 100 megapixel."
    assert (located.line, located.column) >= (5, 1)


def test_gps_exif_is_stripped(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    gps = {1: "N", 2: (50.0, 54.0, 30.0), 3: "E", 4: (4.0, 12.0, 10.0)}
    exif[0x8825] = gps
    exif[0x0112] = 6  # rotated: must come out upright
    path = tmp_path / "foto.jpg"
    Image.new("RGB", (40, 20), (200, 30, 30)).save(path, "JPEG", exif=exif.tobytes())
    with Image.open(path) as original:
        assert original.getexif().get_ifd(0x8825)
    checked = check_image(tmp_path, "foto.jpg")
    out = web_image(checked)
    assert b"Exif" not in out and b"Telefoonmerk" not in out
    with Image.open(io.BytesIO(out)) as cleaned:
        assert not cleaned.getexif()
        assert cleaned.size == (20, 40)


def test_web_image_is_deterministic_and_bounded(tmp_path: Path) -> None:
    path = tmp_path / "groot.png"
    Image.new("RGB", (3000, 1000), (1, 2, 3)).save(path)
    first = web_image(path, max_width=1600)
    os.utime(path, ns=(1, 1))  # a new cache key: encoded again
    assert web_image(path, max_width=1600) == first
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (1600, 533)


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
@pytest.mark.parametrize("size", [(40, 20), (3001, 1000), (999, 2999)])
def test_web_size_is_the_size_web_image_writes(
    tmp_path: Path, orientation: int, size: tuple[int, int]
) -> None:
    """Pages print width and height from the header alone: they must match the file."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / "foto.jpg"
    Image.new("RGB", size, (20, 120, 60)).save(path, "JPEG", exif=exif.tobytes())
    for width in (480, 960, 1600):
        with Image.open(io.BytesIO(web_image(path, width))) as image:
            assert web_size(path, width) == image.size


def test_a_palette_png_keeps_its_transparent_colour(tmp_path: Path) -> None:
    image = Image.new("P", (400, 200), 0)
    image.putpalette([255, 255, 255, 27, 94, 32])
    image.paste(1, (100, 50, 300, 150))
    image.info["transparency"] = 0  # the white around the block
    path = tmp_path / "logo.png"
    image.save(path, transparency=0)
    for out in (web_image(path, 200), web_image(path, 400)):
        with Image.open(io.BytesIO(out)) as web:
            rgba = web.convert("RGBA")
            assert rgba.getpixel((2, 2))[3] == 0
            assert rgba.getpixel((web.width // 2, web.height // 2)) == (27, 94, 32, 255)


def test_a_yaml_file_or_an_export_too_large_is_refused_without_being_read_whole(
    tmp_path: Path,
) -> None:
    from campaignkit.loading import MAX_FILE_BYTES, load_document
    from campaignkit.spreadsheets import MAX_BYTES, read_table

    big = tmp_path / "actie.yml"
    big.write_text("title: " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    with pytest.raises(CampaignError) as yaml_error:
        load_document(big, "actions/actie.yml")
    [problem] = yaml_error.value.problems
    assert (problem.file, problem.line) == ("actions/actie.yml", 1)
    assert problem.message == "Het bestand is te groot (512 kB; hooguit 512 kB)."
    export = tmp_path / "inschrijvingen.csv"
    with export.open("wb") as file:
        file.truncate(MAX_BYTES + 3 * 1024 * 1024)  # sparse: 23 MB on paper
    with pytest.raises(CampaignError) as csv_error:
        read_table(export, "inschrijvingen.csv")
    [problem] = csv_error.value.problems
    assert problem.message == "Het bestand is te groot (23 MB; hooguit 20 MB)."
    assert problem.hint == "Verdeel de rijen over meerdere bestanden."
