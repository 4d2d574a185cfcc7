"""Reading what the kit made: its QR codes (as PNG, as SVG, on a poster) and the text of its
posters. The campaigns come from ``support.campaigns``."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

#: The build time of every kit in these tests.
STAMP = datetime(2027, 2, 1, 9, 0)
HAS_POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None
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
