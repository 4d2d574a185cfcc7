"""A Display P3 ICC profile, written byte by byte (no profile file ships with the tests):
Apple's primaries adapted to D50, sRGB's tone curve, as phones tag their photos."""

from __future__ import annotations

import struct

#: The primaries of Display P3 as an ICC profile states them (D50-adapted XYZ).
P3_PRIMARIES = (
    (0.515121, 0.241196, -0.001053),
    (0.291977, 0.692245, 0.041885),
    (0.157104, 0.066574, 0.784073),
)
D50 = (0.964203, 1.0, 0.824905)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15(v) for v in values)


def _description(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + struct.pack(">II", 0, 0)  # no Unicode description
        + struct.pack(">HB", 0, 0)
        + b"\0" * 67  # no ScriptCode description
    )


def _srgb_curve() -> bytes:
    """sRGB's tone curve as a parametric curve (type 3)."""
    params = (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045)
    return b"para\0\0\0\0" + struct.pack(">HH", 3, 0) + b"".join(_s15(v) for v in params)


def display_p3() -> bytes:
    """The bytes of an ICC profile for Display P3 (version 2.1, a monitor RGB profile)."""
    curve = _srgb_curve()
    tags = [
        (b"desc", _description("Display P3")),
        (b"cprt", b"text\0\0\0\0" + b"No copyright, use freely\0"),
        (b"wtpt", _xyz(D50)),
        (b"rXYZ", _xyz(P3_PRIMARIES[0])),
        (b"gXYZ", _xyz(P3_PRIMARIES[1])),
        (b"bXYZ", _xyz(P3_PRIMARIES[2])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    entries, data = b"", b""
    for signature, body in tags:
        padded = body + b"\0" * (-len(body) % 4)
        entries += signature + struct.pack(">II", offset + len(data), len(body))
        data += padded
    size = 128 + table_size + len(data)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2027, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 24  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # perceptual
        + b"".join(_s15(v) for v in D50)
        + b"\0" * 4  # creator
        + b"\0" * 44
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + entries + data
