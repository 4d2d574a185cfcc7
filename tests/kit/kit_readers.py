"""Reading what the kit made: its QR codes (as PNG, as SVG, on a poster) and its posters as
a print shop's tools read them (text, word boxes, fonts, sizes). The campaigns come from
``support.campaigns``."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

#: The build time of every kit in these tests.
STAMP = datetime(2027, 2, 1, 9, 0)
HAS_POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None
HAS_POPPLER = HAS_POPPLER and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils is not installed")


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


def pdf_fonts(data: bytes, tmp_path: Path) -> list[tuple[str, bool]]:
    """Every font of a PDF as pdffonts lists it: its name, and whether it is embedded."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    fonts = []
    for row in result.stdout.splitlines()[2:]:
        # name, type (one or two words), encoding, then emb sub uni and the object id.
        columns = row.split()
        fonts.append((columns[0], columns[-5] == "yes"))
    return fonts


def pdf_words(data: bytes, tmp_path: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word with its box (x0, top, x1, bottom, in points from the page's top left)."""
    path = tmp_path / "words.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    )
    return [
        (html.unescape(word), float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            result.stdout,
        )
    ]


def text_sizes(data: bytes) -> list[tuple[str, float]]:
    """Every piece of text a PDF draws, with the size it prints at (points on paper)."""
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((text.strip(), size * cm[3] * tm[3]))

    page.extract_text(visitor_text=visit)
    return found


def pdf_page(data: bytes, tmp_path: Path, dpi: int = 50) -> Image.Image:
    """The page drawn as poppler draws it, in RGB."""
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    out = tmp_path / "drawn"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path), str(out)], check=True
    )
    with Image.open(out.with_suffix(".png")) as image:
        return image.convert("RGB")
