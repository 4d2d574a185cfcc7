"""QR codes for the microsite's addresses: SVG for print, PNG of at least 1500 pixels."""

from __future__ import annotations

import functools
import io
import math

import segno

MIN_PNG_PIXELS = 1500
BORDER = 4  # the quiet zone the standard asks for, in modules


def make(url: str) -> segno.QRCode:
    """A regular (not micro) QR code, error correction M or better when it fits."""
    return segno.make_qr(url, error="m", boost_error=True)


def svg(url: str) -> bytes:
    out = io.BytesIO()
    make(url).save(out, kind="svg", scale=10, border=BORDER, xmldecl=True, title=url, nl=True)
    return out.getvalue()


def png(url: str) -> bytes:
    code = make(url)
    modules = code.symbol_size(scale=1, border=BORDER)[0]
    out = io.BytesIO()
    code.save(out, kind="png", scale=math.ceil(MIN_PNG_PIXELS / modules), border=BORDER)
    return out.getvalue()


@functools.lru_cache(maxsize=64)
def matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) and light modules, without the quiet zone: for vector drawing (kept for
    a while: a team's flyers draw the same code on two papers)."""
    return tuple(tuple(bool(cell) for cell in row) for row in make(url).matrix)
