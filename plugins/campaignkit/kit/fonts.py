"""The typeface of images and posters: DejaVu Sans, from the system or from reportlab.

Debian's ``fonts-dejavu-core`` puts DejaVu Sans in a fixed place. Where it is missing, the
Bitstream Vera fonts that ship inside reportlab (DejaVu's ancestor, same shapes for Latin
text) are used, so a build never downloads a font. The font file's hash is part of every
cache key, so a different font never serves a stale image.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab

from campaignkit.cache import file_digest

_SYSTEM = Path("/usr/share/fonts/truetype/dejavu")
_REPORTLAB = Path(reportlab.__file__).parent / "fonts"


@dataclass(frozen=True)
class Face:
    name: str
    regular: Path
    bold: Path

    @property
    def digest(self) -> str:
        return file_digest(self.regular)[:16] + file_digest(self.bold)[:16]


@cache
def face() -> Face:
    """DejaVu Sans when installed, else reportlab's Vera."""
    regular, bold = _SYSTEM / "DejaVuSans.ttf", _SYSTEM / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        return Face("DejaVuSans", regular, bold)
    return Face("Vera", _REPORTLAB / "Vera.ttf", _REPORTLAB / "VeraBd.ttf")
