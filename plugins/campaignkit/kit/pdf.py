"""What the kit's PDFs (posters, flyers) draw alike: colours, QR codes, a fixed date."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from reportlab import rl_config
from reportlab.pdfgen import canvas


def hex_rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def draw_qr(
    pdf: canvas.Canvas, modules: Sequence[Sequence[bool]], x: float, y: float, size: float
) -> None:
    """Dark modules as filled rectangles (runs merged), on a white square with quiet zone."""
    count = len(modules) + 8
    unit = size / count
    pdf.setFillColorRGB(1, 1, 1)
    pdf.rect(x, y, size, size, stroke=0, fill=1)
    pdf.setFillColorRGB(0, 0, 0)
    for row, cells in enumerate(modules):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            pdf.rect(
                x + (start + 4) * unit,
                y + size - (row + 5) * unit,
                (column - start) * unit,
                unit,
                stroke=0,
                fill=1,
            )


@contextmanager
def source_date(moment: datetime | None) -> Iterator[None]:
    """reportlab dates an invariant PDF (and derives its /ID) from ``SOURCE_DATE_EPOCH``
    when that is set: set it to ``moment`` (or unset it) while one poster is made."""
    name = "SOURCE_DATE_EPOCH"
    saved = os.environ.get(name)
    if moment is None:
        os.environ.pop(name, None)
    else:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        os.environ[name] = str(int(aware.timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved


@contextmanager
def reproducible(moment: datetime | None) -> Iterator[None]:
    """While one PDF is made: binary streams instead of ASCII85 (smaller files, and
    reportlab's pure-Python ASCII85 encoder is the slowest step otherwise), dated by
    ``moment`` (:func:`source_date`)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        with source_date(moment):
            yield
    finally:
        rl_config.useA85 = saved
