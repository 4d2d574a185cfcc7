"""Brand colours: WCAG contrast, and the nearest colour that is readable."""

from __future__ import annotations

import colorsys

MIN_CONTRAST = 4.5


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def nearest_readable(colour: str, against: str = "#ffffff", minimum: float = MIN_CONTRAST) -> str:
    """The colour with the same hue and saturation, darkened (or lightened) just enough."""
    if contrast(colour, against) >= minimum:
        return colour.lower()
    hue, lightness, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    darker = luminance(against) > 0.5
    step = -0.005 if darker else 0.005
    while 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = _hex(colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lightness)), saturation))
        if contrast(candidate, against) >= minimum:
            return candidate
    return "#000000" if darker else "#ffffff"


def shade(colour: str, amount: float) -> str:
    """Lighten (amount > 0) or darken (amount < 0) by a fraction of lightness."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    return _hex(colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lightness + amount)), saturation))
