#!/usr/bin/env python3
"""Draw every image used by the example campaigns in ``campaigns/``.

All pictures are flat-design illustrations made from simple shapes with
Pillow: no photos, no fonts, nothing downloaded. The output is
deterministic, so running the script twice gives byte-identical files.

    python scripts/draw_example_images.py            # draw everything
    python scripts/draw_example_images.py asse       # only one campaign
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGNS = ROOT / "campaigns"

SS = 2  # supersampling factor: draw big, scale down for smooth edges
JPEG_QUALITY = 82

PHOTO_SIZE = (1600, 1067)
HERO_SIZE = (1800, 1000)
LOGO_SIZE = 512
PARTNER_SIZE = 400

Colour = str | tuple[int, ...]
Point = tuple[float, float]


# --------------------------------------------------------------------------
# helpers


def seeded(seed: int) -> random.Random:
    """A private random generator, so every picture comes out the same each run."""
    return random.Random(seed)  # noqa: S311 - decoration only, not security


def rgb(c: Colour) -> tuple[int, int, int]:
    if isinstance(c, str):
        c = c.lstrip("#")
        return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16))
    return (c[0], c[1], c[2])


def mix(a: Colour, b: Colour, t: float) -> tuple[int, int, int]:
    ra, rb = rgb(a), rgb(b)
    return tuple(round(ra[i] + (rb[i] - ra[i]) * t) for i in range(3))  # type: ignore[return-value]


def rgba(c: Colour, alpha: int) -> tuple[int, int, int, int]:
    return (*rgb(c), alpha)


def lighter(c: Colour, t: float = 0.25) -> tuple[int, int, int]:
    return mix(c, "#ffffff", t)


def darker(c: Colour, t: float = 0.2) -> tuple[int, int, int]:
    return mix(c, "#000000", t)


# --------------------------------------------------------------------------
# a small drawing surface working in output pixels


class Pic:
    """Drawing surface; coordinates are in output pixels, drawn at SS x."""

    def __init__(self, w: int, h: int, bg: Colour = "#ffffff", transparent: bool = False):
        self.w, self.h = w, h
        self.mode = "RGBA" if transparent else "RGB"
        fill = (0, 0, 0, 0) if transparent else rgb(bg)
        self.img = Image.new(self.mode, (w * SS, h * SS), fill)
        self.d = ImageDraw.Draw(self.img)

    # primitives -----------------------------------------------------------

    @staticmethod
    def _pts(pts: Sequence[Point]) -> list[Point]:
        return [(x * SS, y * SS) for x, y in pts]

    def rect(self, x0, y0, x1, y1, fill=None, r=0, outline=None, width=0):
        box = [x0 * SS, y0 * SS, x1 * SS, y1 * SS]
        if r:
            self.d.rounded_rectangle(
                box, radius=r * SS, fill=fill, outline=outline, width=round(width * SS)
            )
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=round(width * SS))

    def ellipse(self, cx, cy, rx, ry=None, fill=None, outline=None, width=0):
        ry = rx if ry is None else ry
        box = [(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS]
        self.d.ellipse(box, fill=fill, outline=outline, width=round(width * SS))

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.ellipse(cx, cy, r, r, fill=fill, outline=outline, width=width)

    def poly(self, pts, fill=None, outline=None, width=0):
        self.d.polygon(self._pts(pts), fill=fill, outline=outline, width=round(width * SS))

    def line(self, pts, fill, width, cap=True):
        self.d.line(self._pts(pts), fill=fill, width=max(1, round(width * SS)), joint="curve")
        if cap:
            for x, y in (pts[0], pts[-1]):
                self.circle(x, y, width / 2 - 0.25, fill=fill)

    def arc(self, cx, cy, r, start, end, fill, width):
        box = [(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS]
        self.d.arc(box, start, end, fill=fill, width=max(1, round(width * SS)))

    def pieslice(self, cx, cy, r, start, end, fill):
        box = [(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS]
        self.d.pieslice(box, start, end, fill=fill)

    # fills -----------------------------------------------------------------

    def vgrad(self, x0, y0, x1, y1, top: Colour, bottom: Colour):
        h = max(2, round((y1 - y0) * SS))
        col = Image.new("RGB", (1, h))
        col.putdata([mix(top, bottom, i / (h - 1)) for i in range(h)])
        band = col.resize((max(1, round((x1 - x0) * SS)), h), Image.Resampling.NEAREST)
        if self.mode == "RGBA":
            band = band.convert("RGBA")
        self.img.paste(band, (round(x0 * SS), round(y0 * SS)))

    def layer(self, draw: Callable[[], None]):
        """Run ``draw`` on a transparent layer (RGBA colours allowed), then merge it."""
        base = self.img if self.mode == "RGBA" else self.img.convert("RGBA")
        over = Image.new("RGBA", base.size, (0, 0, 0, 0))
        keep, self.d = self.d, ImageDraw.Draw(over)
        try:
            draw()
        finally:
            self.d = keep
        merged = Image.alpha_composite(base, over)
        self.img = merged if self.mode == "RGBA" else merged.convert("RGB")
        self.d = ImageDraw.Draw(self.img)

    def clip(self, shapes: Sequence[Sequence[Point]], draw: Callable[[], None]):
        """Run ``draw`` but keep only what falls inside the given polygons."""
        copy = self.img.copy()
        keep, self.d = self.d, ImageDraw.Draw(copy)
        try:
            draw()
        finally:
            self.d = keep
        mask = Image.new("L", self.img.size, 0)
        md = ImageDraw.Draw(mask)
        for shape in shapes:
            md.polygon(self._pts(shape), fill=255)
        self.img.paste(copy, (0, 0), mask)

    def glow(self, cx, cy, r, colour: Colour, strength=90, steps=28):
        def draw():
            for i in range(steps):
                t = i / steps
                self.circle(cx, cy, r * (1 - t * 0.75), fill=rgba(colour, round(strength / steps)))

        self.layer(draw)

    # output ----------------------------------------------------------------

    def finish(self) -> Image.Image:
        if self.mode == "RGBA":
            small = self.img.convert("RGBa").resize((self.w, self.h), Image.Resampling.LANCZOS)
            return small.convert("RGBA")
        return self.img.resize((self.w, self.h), Image.Resampling.LANCZOS)


def rect_pts(x0, y0, x1, y1) -> list[Point]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


# --------------------------------------------------------------------------
# reusable motifs


def sky(p: Pic, top: Colour, bottom: Colour, horizon: float | None = None):
    p.vgrad(0, 0, p.w, horizon if horizon else p.h, top, bottom)


def sun(p: Pic, x, y, r, colour: Colour = "#fdd835"):
    p.glow(x, y, r * 2.6, "#fff59d", strength=120)
    p.circle(x, y, r, fill=colour)
    p.circle(x - r * 0.18, y - r * 0.18, r * 0.62, fill=lighter(colour, 0.3))


def cloud(p: Pic, x, y, s=1.0, fill: Colour = "#ffffff"):
    p.rect(x - 120 * s, y - 10 * s, x + 130 * s, y + 34 * s, fill=fill, r=34 * s)
    p.circle(x - 55 * s, y, 52 * s, fill=fill)
    p.circle(x + 20 * s, y - 30 * s, 70 * s, fill=fill)
    p.circle(x + 85 * s, y + 2 * s, 45 * s, fill=fill)


def hills(p: Pic, base, amp, colour: Colour, rng: random.Random, waves=3):
    ph = rng.uniform(0, math.tau)
    pts = [(0.0, float(p.h))]
    for i in range(0, p.w + 41, 40):
        t = i / p.w
        y = base - amp * (
            0.6 * math.sin(t * math.tau * waves / 2 + ph) + 0.4 * math.sin(t * 9 + ph)
        )
        pts.append((float(i), y))
    pts.append((float(p.w), float(p.h)))
    p.poly(pts, fill=colour)


def tree(p: Pic, x, ground, h, crown: Colour = "#43a047", kind="round", trunk: Colour = "#6d4c41"):
    dark = darker(crown, 0.18)
    tw = max(6.0, h * 0.07)
    p.rect(x - tw / 2, ground - h * 0.55, x + tw / 2, ground, fill=trunk)
    if kind == "round":
        r = h * 0.3
        cy = ground - h * 0.66
        p.circle(x, cy, r, fill=dark)
        p.circle(x - r * 0.35, cy + r * 0.12, r * 0.72, fill=crown)
        p.circle(x + r * 0.25, cy - r * 0.3, r * 0.6, fill=crown)
        p.circle(x - r * 0.35, cy - r * 0.3, r * 0.28, fill=lighter(crown, 0.22))
    elif kind == "cone":
        top, bot = ground - h, ground - h * 0.22
        p.poly([(x, top), (x - h * 0.19, bot), (x + h * 0.19, bot)], fill=dark)
        p.poly([(x, top), (x - h * 0.19, bot), (x, bot)], fill=crown)
    else:  # oval
        cy = ground - h * 0.62
        p.ellipse(x, cy, h * 0.2, h * 0.36, fill=dark)
        p.clip(
            [
                [
                    (x - h * 0.2, cy - h * 0.36),
                    (x, cy - h * 0.36),
                    (x, cy + h * 0.36),
                    (x - h * 0.2, cy + h * 0.36),
                ]
            ],
            lambda: p.ellipse(x, cy, h * 0.2, h * 0.36, fill=crown),
        )


def bush(p: Pic, x, ground, w, colour: Colour = "#558b2f", flowers: Colour | None = None, rng=None):
    p.ellipse(x, ground - w * 0.18, w * 0.5, w * 0.3, fill=darker(colour, 0.12))
    p.ellipse(x - w * 0.18, ground - w * 0.22, w * 0.3, w * 0.26, fill=colour)
    p.ellipse(x + w * 0.2, ground - w * 0.2, w * 0.26, w * 0.22, fill=lighter(colour, 0.12))
    if flowers and rng:
        for _ in range(7):
            fx = x + rng.uniform(-0.4, 0.4) * w
            fy = ground - w * rng.uniform(0.12, 0.42)
            p.circle(fx, fy, w * 0.035, fill=flowers)


def flower(p: Pic, x, ground, h, petal: Colour, stem: Colour = "#558b2f"):
    p.line([(x, ground), (x, ground - h)], fill=stem, width=max(3, h * 0.05))
    p.ellipse(x + h * 0.1, ground - h * 0.45, h * 0.12, h * 0.05, fill=stem)
    r = h * 0.13
    for k in range(6):
        a = k * math.pi / 3
        p.circle(x + math.cos(a) * r, ground - h + math.sin(a) * r, r * 0.75, fill=petal)
    p.circle(x, ground - h, r * 0.7, fill="#ffd54f" if rgb(petal) != rgb("#ffd54f") else "#6d4c41")


def window(p: Pic, x0, y0, x1, y1, frame: Colour = "#ffffff", pane: Colour = "#cde7f3", sill=True):
    p.rect(x0, y0, x1, y1, fill=frame)
    b = (x1 - x0) * 0.09
    p.rect(x0 + b, y0 + b, x1 - b, y1 - b, fill=pane)
    p.poly(
        [
            (x0 + b, y1 - b),
            (x0 + b, y0 + b + (y1 - y0) * 0.35),
            (x0 + b + (x1 - x0) * 0.45, y0 + b),
        ],
        fill=lighter(pane, 0.35),
    )
    mx = (x0 + x1) / 2
    p.rect(mx - b / 2, y0 + b, mx + b / 2, y1 - b, fill=frame)
    my = y0 + (y1 - y0) * 0.4
    p.rect(x0 + b, my - b / 2, x1 - b, my + b / 2, fill=frame)
    if sill:
        p.rect(x0 - b, y1, x1 + b, y1 + b * 1.2, fill=darker(frame, 0.12))


def door(p: Pic, x0, ground, w, h, colour: Colour):
    p.rect(x0, ground - h, x0 + w, ground, fill=darker(colour, 0.25))
    p.rect(x0 + w * 0.08, ground - h + w * 0.08, x0 + w * 0.92, ground, fill=colour)
    p.rect(
        x0 + w * 0.25, ground - h + w * 0.25, x0 + w * 0.75, ground - h + w * 0.7, fill="#cde7f3"
    )
    p.circle(x0 + w * 0.78, ground - h * 0.45, w * 0.06, fill="#ffd54f")


def solar_panels(p: Pic, quad: Sequence[Point], rows: int, cols: int):
    """Panels inside a quadrilateral (bottom-left, bottom-right, top-right, top-left)."""
    bl, br, tr, tl = quad

    def at(u, v):  # u across, v up
        bx, by = bl[0] + (br[0] - bl[0]) * u, bl[1] + (br[1] - bl[1]) * u
        tx, ty = tl[0] + (tr[0] - tl[0]) * u, tl[1] + (tr[1] - tl[1]) * u
        return (bx + (tx - bx) * v, by + (ty - by) * v)

    p.poly([at(0, 0), at(1, 0), at(1, 1), at(0, 1)], fill="#cfd8dc")
    g = 0.018
    for r in range(rows):
        for c in range(cols):
            u0, u1 = c / cols + g, (c + 1) / cols - g
            v0, v1 = r / rows + g * 2, (r + 1) / rows - g * 2
            p.poly([at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)], fill="#1f3b63")
            p.poly(
                [at(u0, v1), at(u0 + (u1 - u0) * 0.5, v1), at(u0, v0 + (v1 - v0) * 0.3)],
                fill="#2f5687",
            )


def house(
    p: Pic,
    x0,
    ground,
    w,
    h,
    wall: Colour,
    roof: Colour,
    kind="gable",
    floors=2,
    solar=False,
    door_colour: Colour = "#2e7d32",
    door_left=True,
    frame: Colour = "#ffffff",
):
    x1 = x0 + w
    top = ground - h
    if kind == "stepped":
        steps = 3
        sw = w / (2 * steps + 1.6)
        sh = w * 0.13
        pts: list[Point] = [(x0, ground), (x0, top)]
        for i in range(steps):
            pts += [(x0 + i * sw, top - (i + 1) * sh), (x0 + (i + 1) * sw, top - (i + 1) * sh)]
        apex = top - (steps + 1) * sh
        pts += [(x0 + steps * sw, apex), (x1 - steps * sw, apex)]
        for i in reversed(range(steps)):
            pts += [(x1 - (i + 1) * sw, top - (i + 1) * sh), (x1 - i * sw, top - (i + 1) * sh)]
        pts += [(x1, top), (x1, ground)]
        p.poly(pts, fill=wall)
        cap = lighter(wall, 0.55)
        for i in range(steps):
            y = top - (i + 1) * sh
            p.rect(x0 + i * sw - 3, y - 7, x0 + (i + 1) * sw + 3, y, fill=cap)
            p.rect(x1 - (i + 1) * sw - 3, y - 7, x1 - i * sw + 3, y, fill=cap)
        p.rect(x0 + steps * sw - 3, apex - 7, x1 - steps * sw + 3, apex, fill=cap)
        window(p, x0 + w * 0.4, apex + sh * 0.6, x0 + w * 0.6, top - sh * 0.4, frame=frame)
    else:
        p.rect(x0, top, x1, ground, fill=wall)
    if kind == "gable":
        rh = w * 0.5
        p.poly(
            [(x0 - w * 0.07, top + 4), (x0 + w / 2, top - rh), (x1 + w * 0.07, top + 4)], fill=roof
        )
        p.poly(
            [(x0 + w * 0.06, top + 1), (x0 + w / 2, top - rh * 0.8), (x1 - w * 0.06, top + 1)],
            fill=wall,
        )
        p.circle(x0 + w / 2, top - rh * 0.3, w * 0.08, fill=frame)
        p.circle(x0 + w / 2, top - rh * 0.3, w * 0.055, fill="#cde7f3")
    elif kind == "hip":
        rh = w * 0.34
        quad = [
            (x0 - w * 0.06, top + 4),
            (x1 + w * 0.06, top + 4),
            (x1 - w * 0.14, top - rh),
            (x0 + w * 0.14, top - rh),
        ]
        p.poly(quad, fill=roof)
        p.rect(x0 - w * 0.07, top - 2, x1 + w * 0.07, top + 8, fill=darker(roof, 0.2))
        if solar:
            inset = [
                (quad[0][0] + w * 0.12, top - rh * 0.1),
                (quad[1][0] - w * 0.12, top - rh * 0.1),
                (quad[2][0] - w * 0.06, top - rh * 0.85),
                (quad[3][0] + w * 0.06, top - rh * 0.85),
            ]
            solar_panels(p, inset, 2, 4)
        p.rect(x0 + w * 0.72, top - rh * 1.1, x0 + w * 0.8, top - rh * 0.5, fill=darker(wall, 0.25))
    elif kind == "flat":
        p.rect(x0 - 6, top - 14, x1 + 6, top, fill=darker(wall, 0.22))
        if solar:
            for i in range(3):
                px = x0 + w * 0.12 + i * w * 0.27
                p.poly(
                    [
                        (px, top - 14),
                        (px + w * 0.22, top - 14),
                        (px + w * 0.18, top - 48),
                        (px + w * 0.04, top - 48),
                    ],
                    fill="#1f3b63",
                )
    # windows and door
    fh = h / floors
    dw = min(w * 0.2, fh * 0.32)
    for f in range(floors):
        fy = ground - (f + 1) * fh
        if f == 0:
            dx = x0 + w * 0.14 if door_left else x1 - w * 0.14 - dw
            door(p, dx, ground, dw, fh * 0.72, door_colour)
            wx0 = x1 - w * 0.14 - w * 0.32 if door_left else x0 + w * 0.14
            window(p, wx0, fy + fh * 0.25, wx0 + w * 0.32, fy + fh * 0.7, frame=frame)
        else:
            for wx in (x0 + w * 0.14, x1 - w * 0.14 - w * 0.28):
                window(p, wx, fy + fh * 0.22, wx + w * 0.28, fy + fh * 0.72, frame=frame)


def bike(
    p: Pic,
    x,
    ground,
    r,
    frame: Colour = "#1b5e20",
    tyre: Colour = "#263238",
    cargo=False,
    box: Colour = "#8d6e63",
):
    """A bicycle standing on ``ground``; ``x`` is the rear hub, ``r`` the wheel radius."""
    lw = r * 0.11
    rear = (x, ground - r)
    if cargo:
        fr = r * 0.72
        front = (x + r * 4.5, ground - fr)
    else:
        fr = r
        front = (x + r * 2.6, ground - r)
    for (cx, cy), rr in ((rear, r), (front, fr)):
        for k in range(12):
            a = k * math.pi / 6
            p.line(
                [(cx, cy), (cx + math.cos(a) * rr * 0.9, cy + math.sin(a) * rr * 0.9)],
                fill="#b0bec5",
                width=max(2, lw * 0.2),
                cap=False,
            )
        p.circle(cx, cy, rr, outline=tyre, width=lw)
        p.circle(cx, cy, rr * 0.9, outline="#cfd8dc", width=lw * 0.25)
        p.circle(cx, cy, lw * 0.7, fill="#90a4ae")
    bb = (x + r * 1.15, ground - r * 0.95)
    seat = (x + r * 0.8, ground - r * 2.15)
    if cargo:
        head = (x + r * 2.05, ground - r * 2.1)
        p.line([rear, bb, (x + r * 3.9, ground - r * 0.55), front], fill=frame, width=lw)
        p.line([bb, (x + r * 1.95, ground - r * 1.95)], fill=frame, width=lw)
        p.line([(x + r * 4.15, ground - r * 1.7), front], fill=frame, width=lw * 0.9)
        bx0, bx1 = x + r * 2.35, x + r * 4.0
        p.poly(
            [
                (bx0, ground - r * 1.75),
                (bx1 + r * 0.15, ground - r * 1.75),
                (bx1, ground - r * 0.6),
                (bx0 + r * 0.1, ground - r * 0.6),
            ],
            fill=box,
        )
        p.rect(
            bx0 - r * 0.04,
            ground - r * 1.82,
            bx1 + r * 0.2,
            ground - r * 1.68,
            fill=darker(box, 0.25),
        )
        for k in range(1, 4):
            yy = ground - r * (0.6 + k * 0.29)
            p.line(
                [(bx0 + r * 0.1, yy), (bx1 + r * 0.05, yy)],
                fill=darker(box, 0.15),
                width=lw * 0.3,
                cap=False,
            )
    else:
        head = (x + r * 2.2, ground - r * 2.1)
        p.line([rear, bb, head, front], fill=frame, width=lw)
    p.line([rear, (x + r * 0.95, ground - r * 1.95), bb], fill=frame, width=lw)
    p.line([(x + r * 0.95, ground - r * 1.95), head], fill=frame, width=lw)
    p.line([(x + r * 0.95, ground - r * 1.95), seat], fill=frame, width=lw * 0.8)
    p.poly(
        [
            (seat[0] - r * 0.28, seat[1] - r * 0.02),
            (seat[0] + r * 0.22, seat[1] - r * 0.1),
            (seat[0] + r * 0.2, seat[1] + r * 0.06),
            (seat[0] - r * 0.25, seat[1] + r * 0.08),
        ],
        fill="#3e2723",
    )
    bar = (head[0] - r * 0.12, head[1] - r * 0.45)
    p.line([head, bar, (bar[0] - r * 0.35, bar[1] + r * 0.05)], fill="#37474f", width=lw * 0.8)
    p.circle(bb[0], bb[1], r * 0.16, fill="#546e7a")
    p.line([bb, (bb[0] + r * 0.28, bb[1] + r * 0.3)], fill="#546e7a", width=lw * 0.7)


def car(p: Pic, x, ground, length, body: Colour, window_colour: Colour = "#cde7f3"):
    L = length
    wr = L * 0.105
    h = L * 0.24
    p.ellipse(x + L / 2, ground - 2, L * 0.52, L * 0.025, fill=darker("#78909c", 0.3))
    p.rect(x, ground - wr - h * 0.9, x + L, ground - wr * 0.55, fill=body, r=L * 0.06)
    cab = [
        (x + L * 0.18, ground - wr - h * 0.85),
        (x + L * 0.3, ground - wr - h * 1.75),
        (x + L * 0.68, ground - wr - h * 1.75),
        (x + L * 0.84, ground - wr - h * 0.85),
    ]
    p.poly(cab, fill=body)
    p.circle(x + L * 0.3 + 6, ground - wr - h * 1.75 + 12, 12, fill=body)
    win = [
        (x + L * 0.23, ground - wr - h * 0.9),
        (x + L * 0.32, ground - wr - h * 1.62),
        (x + L * 0.66, ground - wr - h * 1.62),
        (x + L * 0.78, ground - wr - h * 0.9),
    ]
    p.poly(win, fill=window_colour)
    p.rect(x + L * 0.485, ground - wr - h * 1.65, x + L * 0.515, ground - wr - h * 0.85, fill=body)
    p.poly(
        [
            win[0],
            win[1],
            (x + L * 0.4, ground - wr - h * 1.62),
            (x + L * 0.28, ground - wr - h * 0.9),
        ],
        fill=lighter(window_colour, 0.4),
    )
    p.rect(
        x + L * 0.02,
        ground - wr - h * 0.15,
        x + L * 0.98,
        ground - wr - h * 0.05,
        fill=darker(body, 0.2),
    )
    p.rect(
        x + L * 0.94,
        ground - wr - h * 0.75,
        x + L * 1.0,
        ground - wr - h * 0.55,
        fill="#fff59d",
        r=6,
    )
    p.rect(x, ground - wr - h * 0.75, x + L * 0.04, ground - wr - h * 0.55, fill="#e53935", r=6)
    p.rect(
        x + L * 0.42,
        ground - wr - h * 0.62,
        x + L * 0.47,
        ground - wr - h * 0.56,
        fill=darker(body, 0.3),
        r=3,
    )
    for cx in (x + L * 0.2, x + L * 0.8):
        p.circle(cx, ground - wr, wr, fill="#263238")
        p.circle(cx, ground - wr, wr * 0.55, fill="#b0bec5")
        p.circle(cx, ground - wr, wr * 0.2, fill="#78909c")


def person(
    p: Pic,
    x,
    ground,
    h,
    shirt: Colour,
    skin: Colour = "#f1c27d",
    trousers: Colour = "#37474f",
    hair: Colour = "#4e342e",
):
    hr = h * 0.085
    p.rect(x - h * 0.09, ground - h * 0.45, x - h * 0.01, ground, fill=trousers, r=h * 0.03)
    p.rect(x + h * 0.01, ground - h * 0.45, x + h * 0.09, ground, fill=trousers, r=h * 0.03)
    p.rect(x - h * 0.13, ground - h * 0.8, x + h * 0.13, ground - h * 0.4, fill=shirt, r=h * 0.08)
    p.circle(x, ground - h * 0.89, hr, fill=skin)
    p.pieslice(x, ground - h * 0.9, hr * 1.05, 180, 360, fill=hair)


def rain(p: Pic, rng: random.Random, x0, y0, x1, y1, n, colour: Colour = "#64b5f6"):
    for _ in range(n):
        x = rng.uniform(x0, x1)
        y = rng.uniform(y0, y1)
        p.line([(x, y), (x - 6, y + 28)], fill=colour, width=5)


def bee(p: Pic, x, y, s=1.0):
    def wings():
        p.ellipse(x - 6 * s, y - 22 * s, 14 * s, 20 * s, fill=(255, 255, 255, 200))
        p.ellipse(x + 10 * s, y - 20 * s, 12 * s, 18 * s, fill=(255, 255, 255, 170))

    p.layer(wings)
    p.ellipse(x, y, 26 * s, 17 * s, fill="#fbc02d")
    for dx in (-8, 5):
        p.rect(x + dx * s, y - 16 * s, x + (dx + 6) * s, y + 16 * s, fill="#3e2723")
    p.circle(x + 24 * s, y - 2 * s, 9 * s, fill="#3e2723")


def ground_band(p: Pic, y, colour: Colour, edge: Colour | None = None):
    p.rect(0, y, p.w, p.h, fill=colour)
    if edge:
        p.rect(0, y, p.w, y + 10, fill=edge)


def save_jpeg(pic: Pic, path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    pic.finish().save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)


def save_png(pic: Pic, path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    pic.finish().save(path, "PNG", optimize=True)


# --------------------------------------------------------------------------
# Asse: "De straat met het beste klimaat"

ASSE: dict[str, Any] = {
    "primary": "#1b5e20",
    "accent": "#f9a825",
    "green": "#43a047",
    "light": "#c8e6c9",
    "sky_top": "#8fcfe8",
    "sky_bottom": "#e6f5f1",
    "walls": ["#f3e5d0", "#e8cfb0", "#d9a38a", "#f6efe4", "#e0c9a6", "#c98b6b"],
    "roofs": ["#6d4c41", "#455a64", "#8d4a3a", "#5d4037", "#37474f"],
}


def asse_street(
    p: Pic,
    rng: random.Random,
    ground: float,
    x_from=-40,
    x_to=None,
    scale=1.0,
    solar_every=2,
    festive=False,
):
    """A row of houses with trees; returns the x positions of gaps between houses."""
    x_to = p.w + 40 if x_to is None else x_to
    x = x_from
    i = 0
    gaps = []
    while x < x_to:
        w = rng.uniform(210, 290) * scale
        h = rng.uniform(200, 260) * scale
        kind = ("hip", "gable", "hip", "flat")[i % 4]
        house(
            p,
            x,
            ground,
            w,
            h,
            wall=ASSE["walls"][i % len(ASSE["walls"])],
            roof=ASSE["roofs"][i % len(ASSE["roofs"])],
            kind=kind,
            solar=(i % solar_every == 0),
            door_colour=(ASSE["primary"], "#c62828", "#1565c0", "#6a1b9a", "#ef6c00")[i % 5],
            door_left=(i % 2 == 0),
        )
        x += w
        if i % 2 == 1:
            gap = rng.uniform(70, 110) * scale
            gaps.append(x + gap / 2)
            x += gap
        else:
            x += 14 * scale
        i += 1
    return gaps


def asse_hero(path: Path):
    rng = seeded(101)
    p = Pic(*HERO_SIZE)
    sky(p, ASSE["sky_top"], ASSE["sky_bottom"], 720)
    sun(p, 1480, 175, 82)
    cloud(p, 330, 170, 1.1)
    cloud(p, 900, 110, 0.75)
    cloud(p, 1230, 300, 0.6, fill="#f4fbfd")
    hills(p, 600, 40, "#a5d6a7", rng)
    hills(p, 650, 30, "#81c784", rng, waves=5)
    ground = 770
    p.rect(0, 690, p.w, ground, fill="#9ccc65")
    gaps = asse_street(p, rng, ground, scale=1.05)
    for gx in gaps:
        tree(
            p,
            gx,
            ground + 4,
            rng.uniform(300, 360),
            crown=rng.choice(["#43a047", "#66bb6a", "#2e7d32"]),
        )
    # pavement, green strip and street
    p.rect(0, ground, p.w, ground + 46, fill="#d7d2c8")
    for i in range(0, p.w, 60):
        p.line([(i, ground), (i - 8, ground + 46)], fill="#c4beb2", width=3, cap=False)
    p.rect(0, ground + 46, p.w, ground + 70, fill="#7cb342")
    for i in range(24):
        flower(
            p,
            20 + i * 78 + rng.uniform(-10, 10),
            ground + 58,
            rng.uniform(26, 40),
            rng.choice(["#f06292", "#ffd54f", "#ba68c8", "#ffffff"]),
        )
    p.rect(0, ground + 70, p.w, p.h, fill="#5f6b73")
    p.rect(0, ground + 70, p.w, ground + 82, fill="#9e9e9e")
    # painted bike lane (fietsstraat)
    p.rect(0, ground + 120, p.w, ground + 200, fill="#b5574b")
    for i in range(0, p.w, 140):
        p.rect(i, ground + 205, i + 80, ground + 213, fill="#eceff1")
    bike(p, 260, ground + 185, 46, frame=ASSE["primary"])
    bike(p, 720, ground + 190, 44, frame="#1565c0")
    bike(p, 1060, ground + 188, 44, frame=ASSE["accent"], cargo=True, box="#a1887f")
    person(p, 1430, ground + 40, 150, shirt=ASSE["accent"], trousers="#455a64")
    person(p, 1478, ground + 44, 112, shirt="#e57373", trousers="#1e88e5", hair="#ffb74d")
    # rain barrel next to the second house
    bx = 530
    p.rect(bx, ground - 80, bx + 56, ground, fill="#2e7d32", r=10)
    p.rect(bx - 4, ground - 60, bx + 60, ground - 52, fill="#1b5e20")
    p.rect(bx - 4, ground - 26, bx + 60, ground - 18, fill="#1b5e20")
    save_jpeg(p, path)


def asse_dakisolatie(path: Path):
    rng = seeded(201)
    p = Pic(*PHOTO_SIZE)
    sky(p, ASSE["sky_top"], ASSE["sky_bottom"])
    sun(p, 1340, 190, 70)
    cloud(p, 250, 170, 1.0)
    cloud(p, 1050, 330, 0.6)
    hills(p, 820, 30, "#a5d6a7", rng)
    ground = 900
    p.rect(0, ground, p.w, p.h, fill="#7cb342")
    p.rect(0, ground, p.w, ground + 12, fill="#689f38")
    tree(p, 210, ground, 430, kind="round")
    tree(p, 1400, ground, 380, kind="oval", crown="#66bb6a")
    x0, x1, ey, apex_x = 430, 1170, 560, 800
    p.rect(x0, ey, x1, ground, fill="#f1e3cf")
    outer = [(x0 - 80, ey + 14), (apex_x, 150), (x1 + 80, ey + 14)]
    wool = [(x0 - 22, ey + 2), (apex_x, 215), (x1 + 22, ey + 2)]
    attic = [(x0 + 50, ey), (apex_x, 305), (x1 - 50, ey)]
    p.poly(outer, fill="#8d4a3a")

    def tiles():
        for k in range(0, 520, 34):
            p.line([(0, 150 + k), (p.w, 150 + k)], fill="#7a3d2f", width=5, cap=False)

    p.clip([outer], tiles)
    p.poly(wool, fill="#f6c343")

    def puffs():
        for side in (-1, 1):
            for k in range(26):
                t = k / 25
                xo = apex_x + side * t * (x1 + 50 - apex_x)
                yo = 182 + t * (ey + 8 - 182)
                p.circle(
                    xo + side * 10,
                    yo + 28,
                    17 + (k % 3) * 3,
                    fill="#e9ad2b" if k % 2 else "#fbd26a",
                )

    p.clip([wool], puffs)
    p.poly(attic, fill="#fff6e6")
    p.rect(x0 - 10, ey - 6, x1 + 10, ey + 14, fill="#a1887f")
    # warmth staying inside: soft orange waves under the insulation
    for k, cx in enumerate((680, 800, 920)):
        pts = [(cx + 14 * math.sin(t / 4 + k), 520 - t * 5) for t in range(0, 28)]
        p.line(pts, fill="#ff8a65", width=9)
    p.circle(apex_x, 400, 34, fill="#ffffff")
    p.circle(apex_x, 400, 25, fill="#cde7f3")
    window(p, x0 + 80, ey + 90, x0 + 260, ey + 250)
    window(p, x1 - 260, ey + 90, x1 - 80, ey + 250)
    door(p, apex_x - 60, ground, 120, 220, ASSE["primary"])
    bush(p, x0 + 40, ground, 160, rng=rng, flowers="#f06292")
    bush(p, x1 - 30, ground, 140, colour="#689f38", rng=rng, flowers="#fff176")
    # a ladder against the house
    p.line([(1230, ground), (1120, 520)], fill="#bdbdbd", width=12)
    p.line([(1290, ground), (1180, 520)], fill="#bdbdbd", width=12)
    for k in range(1, 9):
        t = k / 9
        p.line(
            [(1230 - 110 * t, ground - 380 * t), (1290 - 110 * t, ground - 380 * t)],
            fill="#9e9e9e",
            width=8,
            cap=False,
        )
    save_jpeg(p, path)


def asse_moestuin(path: Path):
    rng = seeded(202)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#a7dbef", "#f1f8e9", 600)
    sun(p, 260, 170, 66)
    cloud(p, 1150, 160, 0.9)
    hills(p, 520, 26, "#aed581", rng)
    p.rect(0, 560, p.w, p.h, fill="#9ccc65")
    # fence
    for i in range(0, p.w, 46):
        p.poly([(i, 610), (i + 16, 590), (i + 32, 610), (i + 32, 720), (i, 720)], fill="#d7ccc8")
    p.rect(0, 640, p.w, 654, fill="#bcaaa4")
    p.rect(0, 690, p.w, 704, fill="#bcaaa4")
    # sunflowers behind
    for i, x in enumerate((140, 230, 330, 1380, 1480)):
        hgt = 260 + (i % 2) * 50
        p.line([(x, 760), (x, 760 - hgt)], fill="#558b2f", width=10)
        p.ellipse(x + 24, 760 - hgt * 0.5, 30, 12, fill="#689f38")
        for k in range(14):
            a = k * math.tau / 14
            p.ellipse(x + math.cos(a) * 38, 760 - hgt + math.sin(a) * 38, 20, 20, fill="#fbc02d")
        p.circle(x, 760 - hgt, 28, fill="#6d4c41")
    p.rect(0, 740, p.w, p.h, fill="#8bc34a")
    path_pts = [(700, 740), (900, 740), (1100, p.h), (500, p.h)]
    p.poly(path_pts, fill="#d7c4a3")
    beds = [
        (60, 790, 640, 900),
        (1000, 790, 1560, 900),
        (0, 950, 560, p.h + 20),
        (1080, 950, p.w, p.h + 20),
    ]
    for bx0, by0, bx1, by1 in beds:
        p.rect(bx0, by0, bx1, by1, fill="#8d6e63")
        p.rect(bx0, by0, bx1, by0 + 18, fill="#5d4037")
        for k in range(1, 3):
            yy = by0 + (by1 - by0) * k / 3
            p.line([(bx0, yy), (bx1, yy)], fill="#795548", width=4, cap=False)
    # lettuce in the left bed
    for k in range(7):
        cx = 110 + k * 80
        p.circle(cx, 775, 36, fill="#7cb342")
        p.circle(cx - 10, 768, 24, fill="#9ccc65")
        p.circle(cx + 8, 780, 14, fill="#c5e1a5")
    # carrots in the right bed
    for k in range(8):
        cx = 1050 + k * 66
        for a in (-0.5, 0, 0.5):
            p.line(
                [(cx, 790), (cx + math.sin(a) * 60, 790 - math.cos(a) * 70)],
                fill="#43a047",
                width=9,
            )
        p.poly([(cx - 16, 790), (cx + 16, 790), (cx, 845)], fill="#fb8c00")
    # tomatoes on stakes in the front beds
    for bx in (100, 260, 420, 1160, 1320, 1480):
        p.line([(bx, 955), (bx, 720)], fill="#a1887f", width=8, cap=False)
        for k in range(5):
            y = 930 - k * 45
            side = 1 if k % 2 else -1
            p.ellipse(bx + side * 34, y, 38, 18, fill="#558b2f")
        for _ in range(4):
            p.circle(bx + rng.uniform(-30, 30), rng.uniform(760, 900), 17, fill="#e53935")
    # watering can
    wx, wy = 800, 990
    p.rect(wx - 70, wy - 110, wx + 70, wy, fill=ASSE["accent"], r=18)
    p.line([(wx + 60, wy - 70), (wx + 150, wy - 150)], fill=ASSE["accent"], width=18)
    p.ellipse(wx + 155, wy - 155, 20, 12, fill=darker(ASSE["accent"], 0.2))
    p.arc(wx - 10, wy - 110, 55, 180, 360, fill=darker(ASSE["accent"], 0.15), width=14)
    save_jpeg(p, path)


def asse_autodelen(path: Path):
    rng = seeded(203)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#9fd4ec", "#eaf6fb", 620)
    cloud(p, 300, 140, 0.9)
    cloud(p, 1250, 200, 0.7)
    ground = 700
    asse_street(p, rng, ground, scale=1.15, solar_every=3)
    p.rect(0, ground, p.w, ground + 70, fill="#d7d2c8")
    for i in range(0, p.w, 70):
        p.line([(i, ground), (i, ground + 70)], fill="#c4beb2", width=3, cap=False)
    p.rect(0, ground + 70, p.w, ground + 84, fill="#9e9e9e")
    p.rect(0, ground + 84, p.w, p.h, fill="#607078")
    # parking bay markings
    for x in (180, 1420):
        p.line([(x, ground + 90), (x, ground + 300)], fill="#eceff1", width=8, cap=False)
    p.rect(180, ground + 292, 1420, ground + 300, fill="#eceff1")
    # charging pole
    cx = 1330
    p.rect(cx, ground - 190, cx + 60, ground + 60, fill="#eceff1", r=14)
    p.rect(cx + 10, ground - 170, cx + 50, ground - 110, fill="#4fc3f7", r=6)
    p.poly(
        [
            (cx + 34, ground - 160),
            (cx + 20, ground - 136),
            (cx + 32, ground - 136),
            (cx + 26, ground - 118),
            (cx + 42, ground - 144),
            (cx + 30, ground - 144),
        ],
        fill="#ffffff",
    )
    p.line(
        [
            (cx + 30, ground - 60),
            (cx - 10, ground + 40),
            (cx - 90, ground + 60),
            (1210, ground + 130),
        ],
        fill="#263238",
        width=10,
    )
    car(p, 330, ground + 250, 900, body="#26a69a")
    # shared-car badge: three connected dots
    bx, by = 760, ground + 98
    p.circle(bx, by, 52, fill="#ffffff")
    pts = [(bx - 22, by + 14), (bx + 20, by - 22), (bx + 22, by + 22)]
    p.line([pts[0], pts[1]], fill=ASSE["primary"], width=7)
    p.line([pts[0], pts[2]], fill=ASSE["primary"], width=7)
    for q in pts:
        p.circle(q[0], q[1], 11, fill=ASSE["primary"])
    person(p, 240, ground + 60, 230, shirt=ASSE["accent"], trousers="#455a64")
    person(p, 150, ground + 70, 170, shirt="#8e24aa", trousers="#1e88e5", hair="#ffb74d")
    save_jpeg(p, path)


def asse_fietsherstel(path: Path):
    p = Pic(*PHOTO_SIZE, bg="#eef3e8")
    p.vgrad(0, 0, p.w, 760, "#e7efdc", "#d6e4c6")
    # pegboard with tools
    p.rect(120, 90, 1480, 520, fill="#c9a97a", r=18)
    for yy in range(120, 500, 40):
        for xx in range(150, 1460, 40):
            p.circle(xx, yy, 4, fill="#a98a5e")
    tool = "#455a64"
    # wrench
    p.line([(250, 160), (250, 430)], fill=tool, width=26)
    p.circle(250, 160, 40, fill=tool)
    p.rect(238, 110, 262, 160, fill="#c9a97a")
    # hammer
    p.line([(420, 200), (420, 450)], fill="#8d6e63", width=24)
    p.rect(360, 160, 480, 210, fill=tool, r=8)
    # screwdrivers
    for k, c in enumerate(("#e53935", ASSE["accent"], "#1e88e5")):
        x = 560 + k * 60
        p.rect(x - 16, 170, x + 16, 280, fill=c, r=10)
        p.line([(x, 280), (x, 430)], fill="#90a4ae", width=10, cap=False)
    # spare tyre and pump
    p.circle(1000, 300, 140, outline="#263238", width=26)
    p.circle(1000, 300, 122, outline="#546e7a", width=4)
    p.rect(1250, 160, 1290, 450, fill=ASSE["primary"], r=14)
    p.rect(1230, 440, 1310, 460, fill="#263238", r=6)
    p.rect(1230, 150, 1310, 170, fill="#263238", r=6)
    # floor
    p.rect(0, 760, p.w, p.h, fill="#b0a08a")
    p.rect(0, 760, p.w, 774, fill="#9a8a74")
    # repair stand with bike
    p.line([(560, 980), (560, 560)], fill="#37474f", width=22, cap=False)
    p.line([(460, 990), (660, 990)], fill="#37474f", width=22)
    p.line([(560, 560), (690, 540)], fill="#37474f", width=16)
    bike(p, 600, 900, 150, frame=ASSE["primary"])
    # toolbox
    p.rect(1150, 880, 1430, 1010, fill="#e53935", r=12)
    p.rect(1150, 920, 1430, 932, fill="#b71c1c")
    p.arc(1290, 885, 60, 180, 360, fill="#424242", width=14)
    # gear on the floor
    gear(p, 1000, 990, 40, 28, 10, "#78909c")
    save_jpeg(p, path)


def gear(p: Pic, cx, cy, r_out, r_in, teeth, colour: Colour, hole: Colour | None = None):
    pts: list[Point] = []
    for k in range(teeth * 4):
        a = k * math.tau / (teeth * 4)
        r = r_out if (k % 4) in (1, 2) else r_in
        pts.append((cx + math.cos(a) * r, cy + math.sin(a) * r))
    p.poly(pts, fill=colour)
    p.circle(cx, cy, r_in * 0.92, fill=colour)
    if hole:
        p.circle(cx, cy, r_in * 0.45, fill=hole)


def asse_insectenhotel(path: Path):
    rng = seeded(205)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#b3e0f2", "#eef8e6", 700)
    cloud(p, 1250, 150, 0.8)
    hills(p, 640, 24, "#aed581", rng)
    p.rect(0, 700, p.w, p.h, fill="#8bc34a")
    tree(p, 180, 760, 560)
    tree(p, 1450, 760, 480, kind="oval", crown="#7cb342")
    # post
    p.rect(770, 600, 830, 1000, fill="#6d4c41")
    # hotel frame
    x0, x1, y0, y1 = 560, 1040, 250, 640
    p.poly([(x0 - 60, y0 + 10), (800, 70), (x1 + 60, y0 + 10)], fill="#795548")
    p.poly([(x0 - 30, y0 + 6), (800, 100), (x1 + 30, y0 + 6)], fill="#a1887f")
    p.rect(x0, y0, x1, y1, fill="#8d6e63")
    inner = (x0 + 20, y0 + 20, x1 - 20, y1 - 20)
    p.rect(*inner, fill="#5d4037")
    cells = [
        (inner[0], inner[1], 785, 430),
        (815, inner[1], inner[2], 430),
        (inner[0], 460, 640, inner[3]),
        (670, 460, inner[2], inner[3]),
    ]
    # cell 1: log slices with holes
    a = cells[0]
    p.rect(*a, fill="#d7b98e")
    for k in range(4):
        for j in range(3):
            cx, cy = a[0] + 30 + k * 55, a[1] + 35 + j * 55
            p.circle(cx, cy, 25, fill="#c8a26e")
            p.circle(cx, cy, 16, outline="#b08a57", width=3)
            p.circle(cx, cy, 5, fill="#3e2723")
    # cell 2: bamboo tubes
    b = cells[1]
    p.rect(*b, fill="#6d4c41")
    for j in range(5):
        for k in range(5):
            cx = b[0] + 25 + k * 40 + (20 if j % 2 else 0)
            cy = b[1] + 22 + j * 36
            if cx < b[2] - 12:
                p.circle(cx, cy, 18, fill="#e6c86e")
                p.circle(cx, cy, 10, fill="#3e2723")
    # cell 3: pine cones
    c = cells[2]
    p.rect(*c, fill="#4e342e")
    for k in range(2):
        qx, qy = c[0] + 40 + k * 55, (c[1] + c[3]) / 2
        p.ellipse(qx, qy, 24, 60, fill="#8d6e63")
        for j in range(5):
            p.arc(qx, qy - 45 + j * 22, 22, 20, 160, fill="#5d4037", width=5)
    # cell 4: straw and bricks with holes
    dcell = cells[3]
    p.rect(*dcell, fill="#e0c068")
    for k in range(int(dcell[0]), int(dcell[2]), 12):
        p.line([(k, dcell[1]), (k + 8, dcell[3])], fill="#c9a646", width=4, cap=False)
    p.rect(dcell[2] - 150, dcell[1] + 20, dcell[2] - 20, dcell[3] - 20, fill="#c0664b")
    for j in range(3):
        for k in range(3):
            p.circle(dcell[2] - 125 + k * 40, dcell[1] + 45 + j * 40, 9, fill="#5d2a1e")
    # flowers and bees
    for i in range(14):
        x = 60 + i * 110 + rng.uniform(-20, 20)
        flower(
            p,
            x,
            1000 + rng.uniform(0, 40),
            rng.uniform(120, 190),
            rng.choice(["#ab47bc", "#f06292", "#ffffff", "#7e57c2", "#ffca28"]),
        )
    bee(p, 1150, 360, 1.3)
    bee(p, 430, 520, 1.1)
    bee(p, 1220, 620, 0.9)
    save_jpeg(p, path)


def asse_geveltuinen(path: Path):
    rng = seeded(206)
    p = Pic(*PHOTO_SIZE)
    wall = [(0, 0), (p.w, 0), (p.w, 880), (0, 880)]
    p.rect(0, 0, p.w, 880, fill="#c9775c")

    def bricks():
        for j, y in enumerate(range(0, 900, 44)):
            p.line([(0, y), (p.w, y)], fill="#e7d3c3", width=5, cap=False)
            off = 0 if j % 2 else 50
            for x in range(-100 + off, p.w + 100, 100):
                p.line([(x, y), (x, y + 44)], fill="#e7d3c3", width=5, cap=False)
            for x in range(-100 + off, p.w + 100, 100):
                if rng.random() < 0.25:
                    p.rect(x + 4, y + 4, x + 96, y + 40, fill="#b9674e")

    p.clip([wall], bricks)
    # door and windows
    p.rect(940, 250, 1220, 880, fill="#eceff1")
    door(p, 965, 880, 230, 600, ASSE["primary"])
    window(p, 180, 180, 520, 560, frame="#fafafa")
    window(p, 1340, 180, 1560, 560, frame="#fafafa")
    # pavement
    p.rect(0, 880, p.w, p.h, fill="#cfcac0")
    for x in range(0, p.w, 120):
        p.line([(x, 930), (x - 40, p.h)], fill="#b9b3a7", width=4, cap=False)
    p.line([(0, 990), (p.w, 990)], fill="#b9b3a7", width=4, cap=False)
    # facade garden strip
    for x0, x1 in ((0, 930), (1230, p.w)):
        p.rect(x0, 880, x1, 935, fill="#6d4c41")
        p.rect(x0, 930, x1, 940, fill="#9e9e9e")
    # climbing plant up the wall
    vine = [(100 + math.sin(t / 6) * 40, 900 - t * 10) for t in range(0, 75)]
    p.line(vine, fill="#5d4037", width=9)
    for k in range(0, 75, 3):
        vx, vy = vine[k]
        side = 1 if (k // 3) % 2 else -1
        p.ellipse(vx + side * 30, vy, 28, 16, fill="#43a047" if k % 2 else "#66bb6a")
        if k % 9 == 0:
            p.circle(vx - side * 22, vy - 12, 14, fill="#8e24aa")
    vine2 = [(1400 + math.sin(t / 5) * 50, 900 - t * 9) for t in range(0, 60)]
    p.line(vine2, fill="#5d4037", width=8)
    for k in range(0, 60, 3):
        vx, vy = vine2[k]
        side = 1 if (k // 3) % 2 else -1
        p.ellipse(vx + side * 26, vy, 24, 14, fill="#558b2f" if k % 2 else "#7cb342")
        if k % 6 == 0:
            p.circle(vx - side * 18, vy - 10, 12, fill="#ffffff")
    # hollyhocks and low plants
    for x in (300, 380, 700, 820):
        hh = rng.uniform(420, 560)
        p.line([(x, 900), (x, 900 - hh)], fill="#558b2f", width=10)
        colour = rng.choice(["#ec407a", "#f48fb1", "#ce93d8"])
        for k in range(7):
            yy = 900 - hh + k * 42
            p.circle(x + (12 if k % 2 else -12), yy, 24 - k, fill=colour)
            p.circle(x + (12 if k % 2 else -12), yy, 7, fill="#fff59d")
        p.ellipse(x - 30, 840, 36, 16, fill="#689f38")
        p.ellipse(x + 30, 800, 36, 16, fill="#689f38")
    for x in range(20, 930, 70):
        bush(
            p,
            x,
            905,
            90,
            colour="#7cb342",
            rng=rng,
            flowers=rng.choice(["#ffffff", "#ffd54f", "#e1bee7"]),
        )
    for x in range(1260, p.w, 70):
        bush(p, x, 905, 90, colour="#689f38", rng=rng, flowers="#ffd54f")
    save_jpeg(p, path)


def asse_regenwaterton(path: Path):
    rng = seeded(207)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#90a4ae", "#cfe3ea", 760)
    cloud(p, 300, 120, 1.4, fill="#eceff1")
    cloud(p, 1050, 90, 1.2, fill="#e3e8eb")
    rain(p, rng, 0, 160, p.w, 760, 120, colour="#5c9fd6")
    ground = 880
    p.rect(0, 760, p.w, p.h, fill="#8bc34a")
    # house corner
    p.rect(0, 230, 760, ground, fill="#e8cfb0")
    p.poly([(0, 170), (800, 170), (760, 240), (0, 240)], fill="#5d4037")
    window(p, 150, 380, 450, 700)
    # gutter and downpipe
    p.rect(0, 230, 830, 262, fill="#90a4ae", r=8)
    p.rect(790, 240, 830, 620, fill="#90a4ae")
    p.line([(810, 610), (860, 660)], fill="#90a4ae", width=40, cap=False)
    # barrel
    bx0, bx1, by0 = 800, 1120, 600
    p.ellipse((bx0 + bx1) / 2, ground, 170, 26, fill="#557a2f")
    p.rect(bx0, by0, bx1, ground, fill="#2e7d32")
    p.rect(bx0 + 20, by0, bx0 + 70, ground, fill="#43a047")
    for y in (by0 + 70, ground - 70):
        p.rect(bx0 - 8, y, bx1 + 8, y + 18, fill="#1b5e20", r=6)
    p.ellipse((bx0 + bx1) / 2, by0, 160, 24, fill="#1b5e20")
    p.ellipse((bx0 + bx1) / 2, by0, 130, 16, fill="#1565c0")
    # tap and watering can
    p.rect(bx1 - 10, ground - 140, bx1 + 40, ground - 118, fill="#b0bec5", r=6)
    p.rect(bx1 + 26, ground - 130, bx1 + 46, ground - 96, fill="#b0bec5", r=4)
    wx = 1290
    p.rect(wx - 70, ground - 120, wx + 70, ground, fill=ASSE["accent"], r=18)
    p.line([(wx - 60, ground - 80), (wx - 150, ground - 160)], fill=ASSE["accent"], width=18)
    p.arc(wx, ground - 120, 55, 180, 360, fill=darker(ASSE["accent"], 0.15), width=14)
    # puddle and plants
    p.ellipse(400, 960, 260, 32, fill="#7fb3d5")
    p.ellipse(380, 955, 160, 16, fill="#a9cfe6")
    for x in range(1180, p.w + 60, 80):
        flower(
            p,
            x + rng.uniform(-15, 15),
            1000,
            rng.uniform(110, 170),
            rng.choice(["#ef5350", "#ffca28", "#ba68c8"]),
        )
    for x in range(40, 760, 90):
        bush(p, x, ground + 10, 110, colour="#558b2f")
    save_jpeg(p, path)


def asse_tegels_eruit(path: Path):
    rng = seeded(208)
    p = Pic(*PHOTO_SIZE, bg="#bdbdbd")
    # top-down pavement of tiles
    size = 130
    hole = [(520, 220), (960, 170), (1230, 330), (1180, 700), (820, 860), (430, 760), (350, 460)]
    for j in range(-1, p.h // size + 2):
        for i in range(-1, p.w // size + 2):
            x = i * size + (size // 2 if j % 2 else 0)
            y = j * size
            shade = rng.choice(["#b8b4ad", "#c3bfb8", "#aca8a1", "#bfbab2"])
            p.rect(x + 5, y + 5, x + size - 5, y + size - 5, fill=shade, r=6)
    # opened area with soil and plants
    p.poly(hole, fill="#6d4c41")

    def soil():
        for _ in range(260):
            x, y = rng.uniform(330, 1240), rng.uniform(160, 870)
            p.circle(x, y, rng.uniform(3, 8), fill=rng.choice(["#5d4037", "#795548", "#4e342e"]))

    p.clip([hole], soil)
    plants = [
        (620, 380),
        (820, 300),
        (1000, 420),
        (700, 620),
        (940, 650),
        (520, 560),
        (1100, 560),
        (840, 480),
    ]
    for k, (x, y) in enumerate(plants):
        r = rng.uniform(70, 100)
        base = ("#43a047", "#66bb6a", "#7cb342", "#2e7d32")[k % 4]
        for a in range(8):
            ang = a * math.tau / 8 + k
            p.ellipse(
                x + math.cos(ang) * r * 0.5,
                y + math.sin(ang) * r * 0.5,
                r * 0.45,
                r * 0.3,
                fill=base,
            )
        p.circle(x, y, r * 0.35, fill=lighter(base, 0.2))
        if k % 2 == 0:
            for a in range(5):
                ang = a * math.tau / 5
                p.circle(
                    x + math.cos(ang) * r * 0.22,
                    y + math.sin(ang) * r * 0.22,
                    r * 0.14,
                    fill=("#f06292", "#ffca28", "#ba68c8", "#ffffff")[k % 4],
                )
    # stack of lifted tiles and a tile lifter
    for k in range(5):
        p.rect(
            1300 + k * 6,
            780 - k * 22,
            1300 + size + k * 6,
            780 + size - k * 22,
            fill=("#aca8a1", "#c3bfb8")[k % 2],
            outline="#8f8a82",
            width=4,
            r=6,
        )
    p.line([(180, 900), (520, 640)], fill=ASSE["primary"], width=24)
    p.poly([(500, 630), (560, 600), (580, 640), (530, 670)], fill="#607d8b")
    p.rect(140, 880, 220, 930, fill=ASSE["accent"], r=14)
    # boots
    for x in (1380, 1470):
        p.rect(x, 160, x + 70, 300, fill="#2e7d32", r=20)
        p.rect(x - 10, 270, x + 80, 300, fill="#1b5e20", r=10)
    save_jpeg(p, path)


def asse_repair_cafe(path: Path):
    p = Pic(*PHOTO_SIZE)
    p.vgrad(0, 0, p.w, 720, "#fff3e0", "#ffe0b2")
    # bunting of small pennants and shelves
    for k in range(18):
        x = 40 + k * 90
        p.poly(
            [(x, 60), (x + 70, 60), (x + 35, 130)],
            fill=(ASSE["primary"], ASSE["accent"], "#e57373", "#4fc3f7")[k % 4],
        )
    p.line([(0, 58), (p.w, 58)], fill="#8d6e63", width=5, cap=False)
    p.rect(1120, 260, 1520, 280, fill="#8d6e63")
    for k, c in enumerate(("#ef5350", "#42a5f5", "#66bb6a", "#ffca28", "#ab47bc")):
        p.rect(1140 + k * 70, 170, 1190 + k * 70, 260, fill=c, r=6)
    # table
    p.rect(0, 720, p.w, p.h, fill="#6d4c41")
    p.rect(0, 700, p.w, 740, fill="#8d6e63")
    # desk lamp
    p.ellipse(300, 700, 110, 22, fill="#37474f")
    p.line([(300, 690), (240, 470), (420, 350)], fill="#37474f", width=20)
    p.poly([(400, 300), (520, 330), (470, 440)], fill=ASSE["accent"])
    p.layer(lambda: p.poly([(480, 400), (700, 700), (420, 700)], fill=(255, 241, 118, 80)))
    # toaster
    p.rect(560, 520, 860, 700, fill="#b0bec5", r=40)
    p.rect(600, 505, 700, 525, fill="#37474f", r=6)
    p.rect(730, 505, 830, 525, fill="#37474f", r=6)
    p.rect(860, 600, 890, 620, fill="#455a64", r=4)
    p.rect(590, 560, 830, 575, fill="#cfd8dc", r=6)
    # radio
    p.rect(960, 470, 1320, 700, fill="#a1887f", r=24)
    p.circle(1060, 590, 70, fill="#5d4037")
    for k in range(6):
        p.circle(1060, 590, 12 + k * 10, outline="#4e342e", width=3)
    p.rect(1160, 520, 1290, 580, fill="#fff8e1", r=8)
    p.line([(1190, 530), (1190, 570)], fill="#e53935", width=4, cap=False)
    p.circle(1190, 630, 22, fill="#4e342e")
    p.circle(1260, 630, 22, fill="#4e342e")
    p.line([(1000, 470), (1120, 300)], fill="#90a4ae", width=6)
    # tools on the table
    p.line([(1350, 790), (1540, 760)], fill="#90a4ae", width=10)
    p.rect(1280, 770, 1360, 812, fill="#e53935", r=14)
    p.line([(120, 860), (420, 820)], fill="#546e7a", width=20)
    p.circle(110, 862, 30, fill="#546e7a")
    p.rect(82, 850, 112, 874, fill="#6d4c41")
    # thread spool
    p.rect(700, 790, 780, 880, fill="#42a5f5", r=6)
    p.rect(690, 780, 790, 796, fill="#d7ccc8", r=4)
    p.rect(690, 874, 790, 890, fill="#d7ccc8", r=4)
    gear(p, 960, 840, 46, 34, 9, "#78909c", hole="#6d4c41")
    save_jpeg(p, path)


def asse_straatfeest(path: Path):
    rng = seeded(210)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#5c6bc0", "#ffcc80", 620)
    p.glow(800, 640, 500, "#ffe082", strength=90)
    ground = 620
    asse_street(p, rng, ground, scale=1.0, solar_every=2)
    p.rect(0, ground, p.w, p.h, fill="#78848b")
    p.rect(0, ground, p.w, ground + 40, fill="#d7d2c8")
    # bunting across the street
    for line_y, sag, offset in ((150, 90, 0), (250, 70, 1)):
        pts = [(x, line_y + sag * math.sin(math.pi * x / p.w)) for x in range(0, p.w + 1, 40)]
        p.line(pts, fill="#5d4037", width=4, cap=False)
        for k in range(offset, 40, 2):
            x = k * 40 + 20
            y = line_y + sag * math.sin(math.pi * x / p.w)
            c = ("#e53935", ASSE["accent"], "#43a047", "#1e88e5", "#ab47bc", "#ffffff")[
                (k // 2) % 6
            ]
            p.poly([(x - 22, y), (x + 22, y), (x, y + 52)], fill=c)
    # string lights
    pts = [(x, 330 + 40 * math.sin(math.pi * x / p.w)) for x in range(0, p.w + 1, 60)]
    p.line(pts, fill="#3e2723", width=3, cap=False)
    for x, y in pts[1:-1]:
        p.glow(x, y + 14, 26, "#fff59d", strength=120, steps=8)
        p.circle(x, y + 14, 9, fill="#fff9c4")
    # long table
    p.rect(150, 820, 1450, 860, fill="#ffffff", r=8)
    p.rect(150, 850, 1450, 900, fill="#e8f5e9")
    for x in (200, 1400):
        p.rect(x, 900, x + 20, 1040, fill="#6d4c41")
    for k in range(10):
        x = 230 + k * 120
        p.ellipse(x, 815, 40, 10, fill="#eceff1")
        cup = ("#43a047", ASSE["accent"], "#1e88e5", "#e53935")[k % 4]
        p.rect(x + 40, 750, x + 72, 815, fill=cup, r=6)
        p.rect(x + 40, 760, x + 72, 770, fill=lighter(cup, 0.4))
    # bowls of salad and bread
    p.ellipse(560, 790, 70, 30, fill="#66bb6a")
    p.ellipse(560, 805, 80, 22, fill="#fafafa")
    p.ellipse(1040, 795, 80, 26, fill="#d7a86e")
    # neighbours
    for k, (x, shirt) in enumerate(
        (
            (90, "#e57373"),
            (380, ASSE["primary"]),
            (720, "#ffb74d"),
            (1000, "#4fc3f7"),
            (1300, "#ba68c8"),
            (1520, "#66bb6a"),
        )
    ):
        person(
            p,
            x,
            1000,
            300 - (k % 3) * 40,
            shirt=shirt,
            trousers=("#37474f", "#1e88e5", "#6d4c41")[k % 3],
            hair=("#4e342e", "#ffb74d", "#212121")[k % 3],
        )
    save_jpeg(p, path)


def asse_logo(path: Path):
    p = Pic(LOGO_SIZE, LOGO_SIZE, transparent=True)
    c = LOGO_SIZE / 2
    p.circle(c, c, 250, fill=ASSE["primary"])
    p.circle(c, c, 226, outline=ASSE["accent"], width=10)
    # a green hill inside the ring
    ring = [
        (c + math.cos(k * math.tau / 90) * 214, c + math.sin(k * math.tau / 90) * 214)
        for k in range(90)
    ]
    p.clip([ring], lambda: p.ellipse(256, 600, 330, 210, fill="#43a047"))
    # roof chevron
    p.line([(124, 262), (256, 136), (388, 262)], fill=ASSE["accent"], width=34)
    # leaf
    p.ellipse(256, 290, 60, 96, fill="#ffffff")
    p.line([(256, 214), (256, 400)], fill=ASSE["primary"], width=10)
    for k in range(3):
        y = 250 + k * 40
        p.line([(256, y + 20), (290, y)], fill=ASSE["primary"], width=6)
        p.line([(256, y + 20), (222, y)], fill=ASSE["primary"], width=6)
    save_png(p, path)


def partner_zonnig(path: Path, bg: Colour):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    p.rect(10, 10, 390, 390, fill=bg, r=80)
    for k in range(12):
        a = k * math.tau / 12
        p.line(
            [
                (200 + math.cos(a) * 92, 160 + math.sin(a) * 92),
                (200 + math.cos(a) * 132, 160 + math.sin(a) * 132),
            ],
            fill="#ffb300",
            width=16,
        )
    p.circle(200, 160, 72, fill="#ffca28")
    solar_panels(p, [(80, 350), (320, 350), (290, 250), (110, 250)], 2, 4)
    save_png(p, path)


def partner_molenbeek(path: Path):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    p.circle(200, 200, 190, fill="#e8f5e9")
    p.ellipse(200, 160, 80, 120, fill="#388e3c")
    p.pieslice(200, 160, 80, 90, 270, fill="#66bb6a")
    p.clip([rect_pts(120, 40, 200, 280)], lambda: p.ellipse(200, 160, 80, 120, fill="#66bb6a"))
    p.line([(200, 60), (200, 300)], fill="#1b5e20", width=8)
    for k, y in enumerate((290, 325)):
        pts = [(84 + t * 6, y + 12 * math.sin(t / 2.6 + k)) for t in range(0, 39)]
        p.line(pts, fill="#1e88e5", width=16)
    save_png(p, path)


def heart(p: Pic, cx, cy, size, colour: Colour):
    pts = []
    for k in range(120):
        t = k * math.tau / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * size / 32, cy - y * size / 32))
    p.poly(pts, fill=colour)


def partner_herstelcafe(path: Path):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    gear(p, 200, 200, 190, 150, 12, "#c62828")
    p.circle(200, 200, 128, fill="#fff3e0")
    heart(p, 200, 208, 170, "#c62828")
    save_png(p, path)


def partner_fietsatelier(path: Path, colour: Colour = "#00695c", ring: Colour = "#263238"):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    p.rect(15, 15, 385, 385, fill=colour, r=40)
    p.circle(200, 200, 140, outline=ring, width=28)
    p.circle(200, 200, 122, outline="#e0f2f1", width=6)
    for k in range(16):
        a = k * math.tau / 16
        p.line(
            [(200, 200), (200 + math.cos(a) * 118, 200 + math.sin(a) * 118)],
            fill="#e0f2f1",
            width=5,
            cap=False,
        )
    p.circle(200, 200, 26, fill="#ffffff")
    p.circle(200, 200, 10, fill=colour)
    save_png(p, path)


def partner_buurtwerk(path: Path):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    p.poly([(30, 190), (200, 40), (370, 190), (370, 370), (30, 370)], fill="#6a1b9a")
    p.line([(30, 190), (200, 40), (370, 190)], fill="#f9a825", width=22)
    for k, (x, c) in enumerate(((120, "#ffcc80"), (200, "#ffe0b2"), (280, "#ffcc80"))):
        top = 200 if k == 1 else 225
        p.circle(x, top, 30, fill=c)
        p.rect(x - 42, top + 40, x + 42, 360, fill=c, r=34)
    save_png(p, path)


# --------------------------------------------------------------------------
# Lier: "Klimaatbuurten Lier"

LIER: dict[str, Any] = {
    "primary": "#283593",
    "accent": "#ff7043",
    "sky_top": "#7986cb",
    "sky_bottom": "#ffe0cc",
    "walls": ["#f5efe3", "#c7604a", "#e9c46a", "#dfe7ef", "#b5533f", "#f2d0b8", "#8fa6c9"],
}


def lier_row(p: Pic, rng: random.Random, ground, x_from=-30, scale=1.0, colours=None):
    colours = colours or LIER["walls"]
    x = x_from
    i = 0
    spots = []
    while x < p.w + 30:
        w = rng.uniform(170, 230) * scale
        h = rng.uniform(260, 340) * scale
        house(
            p,
            x,
            ground,
            w,
            h,
            wall=colours[i % len(colours)],
            roof="#37474f",
            kind="stepped" if i % 3 != 1 else "gable",
            floors=3,
            door_colour=(LIER["primary"], "#2e7d32", LIER["accent"], "#6d4c41")[i % 4],
            door_left=(i % 2 == 1),
        )
        spots.append((x, w, h))
        x += w + 4 * scale
        i += 1
    return spots


def lier_hero(path: Path):
    rng = seeded(301)
    p = Pic(*HERO_SIZE)
    sky(p, LIER["sky_top"], LIER["sky_bottom"], 700)
    sun(p, 330, 420, 70, colour="#ffb74d")
    cloud(p, 1350, 150, 0.9, fill="#f3e5f5")
    cloud(p, 760, 90, 0.6, fill="#f3e5f5")
    # tower with a clock
    tx, cy = 1450, 200
    p.rect(tx, 110, tx + 150, 640, fill="#d7ccc8")
    p.rect(tx + 118, 110, tx + 150, 640, fill="#c4b8b3")
    p.rect(tx - 12, 100, tx + 162, 126, fill="#bcaaa4")
    p.poly([(tx - 10, 102), (tx + 75, 0), (tx + 160, 102)], fill="#455a64")
    p.circle(tx + 75, cy, 52, fill="#fff8e1", outline=LIER["primary"], width=8)
    for k in range(12):
        a = k * math.tau / 12
        p.circle(tx + 75 + math.cos(a) * 40, cy + math.sin(a) * 40, 4, fill=LIER["primary"])
    p.line([(tx + 75, cy), (tx + 75, cy - 34)], fill=LIER["primary"], width=7)
    p.line([(tx + 75, cy), (tx + 100, cy + 12)], fill=LIER["primary"], width=7)
    for k in range(3):
        window(
            p,
            tx + 45,
            290 + k * 85,
            tx + 105,
            350 + k * 85,
            frame="#efebe9",
            pane="#5c6bc0",
            sill=False,
        )
    ground = 640
    spots = lier_row(p, rng, ground, scale=1.0)
    # solar panels on a few gables: small flat panels on the sunny side
    for x, w, h in spots[1::3]:
        solar_panels(
            p,
            [
                (x + w * 0.12, ground - h + 6),
                (x + w * 0.88, ground - h + 6),
                (x + w * 0.72, ground - h - w * 0.32),
                (x + w * 0.28, ground - h - w * 0.32),
            ],
            2,
            3,
        )
    # quay with trees and bikes
    p.rect(0, ground, p.w, ground + 90, fill="#cfc6b8")
    p.rect(0, ground + 80, p.w, ground + 100, fill="#8d8478")
    for x in (140, 560, 980, 1320):
        tree(p, x, ground + 60, 320, crown="#66bb6a", kind="round")
    for x, c in ((300, LIER["accent"]), (700, LIER["primary"]), (1140, "#2e7d32")):
        bike(p, x, ground + 70, 36, frame=c)
    person(p, 850, ground + 72, 130, shirt=LIER["accent"], trousers=LIER["primary"])
    # the river with reflections
    p.vgrad(0, ground + 100, p.w, p.h, "#5c6bc0", "#283593")
    for _ in range(40):
        x = rng.uniform(0, p.w)
        y = rng.uniform(ground + 130, p.h - 10)
        wlen = rng.uniform(60, 200)
        p.line([(x, y), (x + wlen, y)], fill=rng.choice(["#7986cb", "#9fa8da", "#ffccbc"]), width=5)
    # a small boat
    p.poly([(900, 900), (1160, 900), (1120, 950), (940, 950)], fill=LIER["accent"])
    p.rect(990, 860, 1070, 902, fill="#fafafa", r=8)
    save_jpeg(p, path)


def lier_buurtrenovatie(path: Path):
    rng = seeded(302)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#9fa8da", "#fff3e0", 760)
    cloud(p, 1300, 120, 0.8)
    ground = 880
    spots = lier_row(p, rng, ground, x_from=-60, scale=1.35)
    p.rect(0, ground, p.w, p.h, fill="#cfc6b8")
    p.rect(0, ground + 60, p.w, ground + 74, fill="#9e9e9e")
    p.rect(0, ground + 74, p.w, p.h, fill="#6b7479")
    # the middle house gets a new, insulated facade and scaffolding
    x, w, h = spots[2]
    p.rect(x, ground - h, x + w * 0.55, ground, fill="#fafafa")
    p.rect(x + w * 0.55, ground - h, x + w * 0.55 + 16, ground, fill="#ffcc80")
    for k in range(0, int(h), 40):
        p.line(
            [(x + w * 0.55 + 2, ground - k), (x + w * 0.55 + 14, ground - k - 20)],
            fill="#ffb74d",
            width=4,
            cap=False,
        )
    sc = "#90a4ae"
    sx0, sx1 = x - 40, x + w + 40
    for xx in (sx0, (sx0 + sx1) / 2, sx1):
        p.line([(xx, ground), (xx, ground - h - 60)], fill=sc, width=12, cap=False)
    for k in range(1, 5):
        yy = ground - k * h / 4
        p.rect(sx0 - 6, yy - 6, sx1 + 6, yy + 10, fill="#a1887f")
        p.line([(sx0, yy + h / 4), ((sx0 + sx1) / 2, yy)], fill=sc, width=6)
    person(p, x + w * 0.3, ground - h / 4 - 6, 150, shirt=LIER["accent"], trousers=LIER["primary"])
    # new window being placed
    p.rect(x + w + 90, ground - 200, x + w + 210, ground, fill="#fafafa", r=6)
    p.rect(x + w + 102, ground - 188, x + w + 198, ground - 12, fill="#b3e5fc")
    # heat pump unit at the neighbours
    hx = spots[4][0] + 30
    p.rect(hx, ground - 120, hx + 170, ground - 10, fill="#eceff1", r=12)
    p.circle(hx + 85, ground - 65, 40, fill="#b0bec5")
    for k in range(4):
        a = k * math.pi / 2 + 0.4
        p.ellipse(hx + 85 + math.cos(a) * 18, ground - 65 + math.sin(a) * 18, 16, 9, fill="#78909c")
    p.rect(hx + 20, ground - 10, hx + 40, ground, fill="#90a4ae")
    p.rect(hx + 130, ground - 10, hx + 150, ground, fill="#90a4ae")
    save_jpeg(p, path)


def lier_warmtescan(path: Path):
    rng = seeded(303)
    p = Pic(*PHOTO_SIZE, bg="#121a3a")
    p.vgrad(0, 0, p.w, p.h, "#0d1333", "#1f2a5c")
    for _ in range(70):
        p.circle(rng.uniform(0, p.w), rng.uniform(0, 500), rng.uniform(1.5, 3.5), fill="#c5cae9")
    ground = 930
    x0, x1 = 430, 1170
    top = 470
    house_shape = [(x0, ground), (x0, top), (800, 180), (x1, top), (x1, ground)]
    # thermal picture: cold blue base with warm leaks, blurred
    heat = Image.new("RGB", (p.w // 4, p.h // 4), (40, 60, 170))
    hd = ImageDraw.Draw(heat)

    def blob(cx, cy, rx, ry, colour):
        hd.ellipse([(cx - rx) / 4, (cy - ry) / 4, (cx + rx) / 4, (cy + ry) / 4], fill=colour)

    blob(800, 260, 300, 90, (200, 40, 120))
    blob(800, 250, 180, 50, (250, 120, 40))
    for wx in (560, 1040):
        blob(wx, 590, 120, 110, (180, 40, 140))
        blob(wx, 590, 80, 70, (250, 140, 30))
        blob(wx, 590, 40, 36, (255, 240, 120))
    blob(800, 840, 90, 130, (210, 60, 110))
    blob(800, 860, 50, 80, (255, 170, 40))
    blob(x0 + 10, 700, 40, 240, (110, 40, 170))
    blob(x1 - 10, 700, 40, 240, (110, 40, 170))
    heat = heat.filter(ImageFilter.GaussianBlur(14)).resize(p.img.size, Image.Resampling.BICUBIC)
    mask = Image.new("L", p.img.size, 0)
    ImageDraw.Draw(mask).polygon(p._pts(house_shape), fill=255)
    p.img.paste(heat, (0, 0), mask)
    p.d = ImageDraw.Draw(p.img)
    p.poly(house_shape, outline="#e8eaf6", width=5)
    for wx in (560, 1040):
        p.rect(wx - 85, 520, wx + 85, 660, outline="#e8eaf6", width=4)
    p.rect(740, 720, 860, ground, outline="#e8eaf6", width=4)
    p.rect(0, ground, p.w, p.h, fill="#0f1631")
    # colour scale bar
    for k in range(300):
        t = k / 299
        colour = (
            mix((40, 60, 170), (200, 40, 120), min(1, t * 2))
            if t < 0.5
            else mix((200, 40, 120), (255, 240, 120), (t - 0.5) * 2)
        )
        p.rect(1400, 800 - k * 1.8, 1440, 800 - (k - 1) * 1.8, fill=colour)
    p.rect(1400, 260, 1440, 800, outline="#e8eaf6", width=3)
    # viewfinder corners
    for cx, cy, sx, sy in (
        (250, 120, 1, 1),
        (1350, 120, -1, 1),
        (250, 1000, 1, -1),
        (1350, 1000, -1, -1),
    ):
        p.line([(cx, cy + sy * 70), (cx, cy), (cx + sx * 70, cy)], fill="#e8eaf6", width=7)
    p.line([(780, 600), (820, 600)], fill="#e8eaf6", width=4)
    p.line([(800, 580), (800, 620)], fill="#e8eaf6", width=4)
    save_jpeg(p, path)


def lier_bakfiets(path: Path):
    rng = seeded(304)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#9fa8da", "#fce4ec", 640)
    cloud(p, 280, 140, 0.8, fill="#fafafa")
    ground = 640
    lier_row(p, rng, ground, scale=0.9)
    p.rect(0, ground, p.w, p.h, fill="#c9bfb1")
    for j, y in enumerate(range(ground, p.h, 36)):
        off = 0 if j % 2 else 36
        p.line([(0, y), (p.w, y)], fill="#b7ad9f", width=3, cap=False)
        for x in range(off, p.w, 72):
            p.line([(x, y), (x, y + 36)], fill="#b7ad9f", width=3, cap=False)
    bike(p, 300, 980, 130, frame=LIER["primary"], cargo=True, box="#ff8a65")
    # shopping and a plant in the box
    bx = 300 + 130 * 2.35
    p.rect(bx + 30, 980 - 130 * 2.15, bx + 130, 980 - 130 * 1.75, fill="#fff3e0", r=10)
    p.ellipse(bx + 200, 980 - 130 * 2.0, 60, 40, fill="#66bb6a")
    p.line([(bx + 200, 980 - 130 * 1.75), (bx + 200, 980 - 130 * 2.2)], fill="#2e7d32", width=8)
    for k in range(3):
        p.circle(bx + 60 + k * 30, 980 - 130 * 2.2, 18, fill=("#e53935", "#ffca28", "#8bc34a")[k])
    # key / sharing symbol on a post
    px = 1320
    p.rect(px, 640, px + 22, 1000, fill="#78909c")
    p.circle(px + 11, 600, 70, fill=LIER["primary"])
    pts = [(px - 14, 614), (px + 32, 576), (px + 36, 628)]
    p.line([pts[0], pts[1]], fill="#ffffff", width=7)
    p.line([pts[0], pts[2]], fill="#ffffff", width=7)
    for q in pts:
        p.circle(q[0], q[1], 11, fill="#ffffff")
    person(p, 1180, 1000, 330, shirt=LIER["accent"], trousers=LIER["primary"], hair="#212121")
    save_jpeg(p, path)


def lier_buurtbomen(path: Path):
    rng = seeded(305)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#9fa8da", "#e8f5e9", 640)
    sun(p, 1320, 170, 60, colour="#ffb74d")
    ground = 640
    lier_row(p, rng, ground, scale=0.95)
    p.rect(0, ground, p.w, ground + 140, fill="#d0c8bb")
    p.rect(0, ground + 140, p.w, ground + 156, fill="#9e9e9e")
    p.rect(0, ground + 156, p.w, p.h, fill="#6b7479")
    for i in range(0, p.w, 160):
        p.rect(i, 930, i + 90, 940, fill="#eceff1")
    # young trees in planting pits
    for k, x in enumerate((230, 800, 1370)):
        base = ground + 110
        if k == 1:
            p.line([(x + 150, base - 250), (x + 115, base - 10)], fill="#8d6e63", width=16)
            p.line([(x + 128, base - 262), (x + 174, base - 254)], fill="#8d6e63", width=14)
            p.poly(
                [
                    (x + 92, base - 40),
                    (x + 142, base - 34),
                    (x + 136, base + 20),
                    (x + 96, base + 14),
                ],
                fill="#90a4ae",
            )
        p.ellipse(x, base, 120, 26, fill="#6d4c41")
        p.ellipse(x, base - 4, 100, 18, fill="#8d6e63")
        for sx in (-60, 60):
            p.line([(x + sx, base), (x + sx, base - 300)], fill="#bcaaa4", width=10, cap=False)
        p.line([(x - 60, base - 180), (x + 60, base - 180)], fill="#a1887f", width=6, cap=False)
        p.rect(x - 40, base - 80, x + 40, base, fill="#2e7d32", r=10)
        tree(p, x, base - 60, 420, crown=("#7cb342", "#9ccc65", "#66bb6a")[k], kind="round")
    person(p, 560, ground + 130, 280, shirt=LIER["primary"], trousers="#455a64")
    person(p, 650, ground + 138, 190, shirt=LIER["accent"], trousers="#1565c0", hair="#ffb74d")
    save_jpeg(p, path)


def lier_regentuin(path: Path):
    rng = seeded(306)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#7986cb", "#d1d9ff")
    cloud(p, 300, 130, 1.3, fill="#e8eaf6")
    cloud(p, 1100, 110, 1.1, fill="#dfe3f7")
    rain(p, rng, 0, 170, p.w, 560, 90, colour="#9fa8da")
    # garden in cross section
    soil_top = 640
    dip = [
        (0, soil_top),
        (420, soil_top),
        (560, 780),
        (1040, 780),
        (1180, soil_top),
        (p.w, soil_top),
        (p.w, p.h),
        (0, p.h),
    ]
    p.poly(dip, fill="#6d4c41")
    p.vgrad(0, 820, p.w, p.h, "#6d4c41", "#4e342e")
    p.poly(
        [
            (0, soil_top),
            (420, soil_top),
            (560, 780),
            (1040, 780),
            (1180, soil_top),
            (p.w, soil_top),
            (p.w, soil_top + 26),
            (1190, soil_top + 26),
            (1050, 806),
            (550, 806),
            (410, soil_top + 26),
            (0, soil_top + 26),
        ],
        fill="#7cb342",
    )
    # water in the hollow
    p.poly([(490, 710), (1110, 710), (1040, 780), (560, 780)], fill="#5c9fd6")
    p.line([(600, 740), (760, 740)], fill="#90caf9", width=6)
    p.line([(840, 760), (980, 760)], fill="#90caf9", width=6)
    # infiltration arrows into the soil
    for x in (640, 800, 960):
        p.line([(x, 840), (x, 960)], fill="#64b5f6", width=10)
        p.poly([(x - 22, 950), (x + 22, 950), (x, 990)], fill="#64b5f6")
    # plants: reeds and irises in the hollow, grass elsewhere
    for x in (520, 1080):
        for k in range(6):
            a = -0.35 + k * 0.14
            p.line(
                [(x, 720), (x + math.sin(a) * 260, 720 - math.cos(a) * 260)],
                fill="#558b2f",
                width=8,
            )
        p.ellipse(x + 30, 520, 10, 34, fill="#6d4c41")
    for x in (620, 980):
        flower(p, x, 720, 150, "#7e57c2")
    for x in range(30, 400, 60):
        bush(p, x, soil_top + 5, 90, colour="#689f38", rng=rng, flowers="#ffca28")
    for x in range(1220, p.w, 60):
        bush(p, x, soil_top + 5, 90, colour="#7cb342", rng=rng, flowers="#f06292")
    # downpipe leading water from a house to the hollow
    p.rect(0, 180, 190, soil_top, fill="#f2d0b8")
    p.poly([(0, 150), (230, 150), (190, 190), (0, 190)], fill="#455a64")
    p.rect(190, 190, 220, 600, fill="#90a4ae")
    p.rect(190, 590, 420, 620, fill="#90a4ae")
    p.line([(420, 605), (470, 660)], fill="#5c9fd6", width=16)
    save_jpeg(p, path)


def lier_compost(path: Path):
    rng = seeded(307)
    p = Pic(*PHOTO_SIZE)
    sky(p, "#c5cae9", "#f1f8e9", 600)
    hills(p, 560, 20, "#c5e1a5", rng)
    p.rect(0, 600, p.w, p.h, fill="#9ccc65")
    for i in range(0, p.w, 50):
        p.rect(i, 520, i + 36, 640, fill="#a1887f")
    p.rect(0, 560, p.w, 574, fill="#8d6e63")
    tree(p, 1480, 660, 560)
    ground = 900
    fills = (("#8bc34a", "#a1887f"), ("#8d6e63", "#6d4c41"), ("#4e342e", "#3e2723"))
    for k in range(3):
        x0 = 180 + k * 400
        x1 = x0 + 360
        top = 520
        p.rect(x0, top, x1, ground, fill="#3e2723")
        fill_top = top + 80 - k * 10
        a, b = fills[k]
        p.rect(x0 + 14, fill_top, x1 - 14, ground, fill=b)

        def bits(x0=x0, x1=x1, fill_top=fill_top, a=a, b=b, k=k):
            for _ in range(90):
                bx = rng.uniform(x0, x1)
                by = rng.uniform(fill_top, ground)
                if k == 0:
                    p.ellipse(
                        bx,
                        by,
                        rng.uniform(10, 22),
                        rng.uniform(5, 10),
                        fill=rng.choice(["#8bc34a", "#ff8a65", "#ffd54f", "#a1887f"]),
                    )
                else:
                    p.circle(bx, by, rng.uniform(3, 9), fill=rng.choice([a, b, darker(b, 0.2)]))

        p.clip([rect_pts(x0 + 14, fill_top, x1 - 14, ground)], bits)
        if k < 2:
            p.pieslice((x0 + x1) / 2, fill_top + 10, 150, 180, 360, fill=a if k == 0 else b)
            if k == 0:
                for j in range(9):
                    p.ellipse(
                        x0 + 50 + j * 30,
                        fill_top - 30 - (j % 3) * 25,
                        20,
                        9,
                        fill=("#ff8a65", "#ffd54f", "#8bc34a")[j % 3],
                    )
        for j in range(7):
            y = top + j * 56
            p.rect(x0, y, x1, y + 30, fill=("#bc8f5f", "#a97b4f")[j % 2], r=4)
        for xx in (x0, x1 - 24):
            p.rect(xx, top - 20, xx + 24, ground, fill="#795548")
    # worm in the finished compost
    worm = [(1040 + t * 6, 820 + 10 * math.sin(t / 2)) for t in range(0, 16)]
    p.line(worm, fill="#f48fb1", width=12)
    # bucket with peels and a fork
    p.poly([(1370, 820), (1500, 820), (1480, 980), (1390, 980)], fill=LIER["primary"])
    p.ellipse(1435, 820, 65, 14, fill="#1a237e")
    for k, c in enumerate(("#ffca28", "#ff8a65", "#8bc34a")):
        p.ellipse(1410 + k * 28, 812, 22, 10, fill=c)
    p.line([(90, 990), (120, 560)], fill="#8d6e63", width=16)
    for dx in (-24, -8, 8, 24):
        p.line([(90 + dx, 1000), (92 + dx * 0.6, 940)], fill="#90a4ae", width=7)
    p.rect(64, 930, 118, 946, fill="#90a4ae")
    p.rect(0, ground, p.w, ground + 8, fill="#7cb342")
    save_jpeg(p, path)


def lier_logo(path: Path):
    p = Pic(LOGO_SIZE, LOGO_SIZE, transparent=True)
    p.rect(12, 12, 500, 500, fill=LIER["primary"], r=110)
    # stepped gable
    pts = [
        (150, 330),
        (150, 230),
        (180, 230),
        (180, 190),
        (215, 190),
        (215, 150),
        (297, 150),
        (297, 190),
        (332, 190),
        (332, 230),
        (362, 230),
        (362, 330),
    ]
    p.poly(pts, fill="#ffffff")
    p.rect(236, 270, 276, 330, fill=LIER["primary"])
    p.circle(256, 205, 18, fill=LIER["accent"])
    # river waves
    for k, y in enumerate((370, 415)):
        wave = [(96 + t * 8, y + 12 * math.sin(t / 2.6 + k * 1.4)) for t in range(0, 41)]
        p.line(wave, fill=LIER["accent"] if k == 0 else "#9fa8da", width=18)
    save_png(p, path)


def partner_zonnige_nete(path: Path):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    p.circle(200, 200, 190, fill="#fff8e1")
    p.pieslice(200, 220, 110, 180, 360, fill="#ff8f00")
    for k in range(7):
        a = math.pi + (k + 0.5) * math.pi / 7
        p.line(
            [
                (200 + math.cos(a) * 128, 215 + math.sin(a) * 128),
                (200 + math.cos(a) * 165, 215 + math.sin(a) * 165),
            ],
            fill="#ffb300",
            width=14,
        )
    for k, y in enumerate((250, 285, 320)):
        wave = [(84 + t * 6, y + 10 * math.sin(t / 2.2 + k)) for t in range(0, 39)]
        p.line(wave, fill=("#283593", "#3949ab", "#7986cb")[k], width=16)
    save_png(p, path)


def partner_lierse_hoven(path: Path):
    p = Pic(PARTNER_SIZE, PARTNER_SIZE, transparent=True)
    p.rect(20, 20, 380, 380, fill="#2e7d32", r=190)
    p.poly([(120, 250), (280, 250), (255, 350), (145, 350)], fill="#ff7043")
    p.rect(108, 236, 292, 262, fill="#e64a19", r=8)
    p.line([(200, 236), (200, 130)], fill="#c5e1a5", width=14)
    p.ellipse(150, 140, 52, 26, fill="#c5e1a5")
    p.ellipse(252, 110, 56, 28, fill="#aed581")
    save_png(p, path)


# --------------------------------------------------------------------------

JOBS: dict[str, list[tuple[str, Callable[[Path], None]]]] = {
    "asse": [
        ("images/hero.jpg", asse_hero),
        ("images/logo.png", asse_logo),
        ("images/acties/dakisolatie.jpg", asse_dakisolatie),
        ("images/acties/moestuin.jpg", asse_moestuin),
        ("images/acties/autodelen.jpg", asse_autodelen),
        ("images/acties/fietsherstel.jpg", asse_fietsherstel),
        ("images/acties/insectenhotel.jpg", asse_insectenhotel),
        ("images/acties/geveltuin.jpg", asse_geveltuinen),
        ("images/acties/regenwaterton.jpg", asse_regenwaterton),
        ("images/acties/tegels-eruit.jpg", asse_tegels_eruit),
        ("images/acties/repair-cafe.jpg", asse_repair_cafe),
        ("images/acties/straatfeest.jpg", asse_straatfeest),
        ("images/partners/zonnig-asse.png", lambda path: partner_zonnig(path, "#e8f5e9")),
        ("images/partners/molenbeek.png", partner_molenbeek),
        ("images/partners/herstelcafe.png", partner_herstelcafe),
        ("images/partners/fietsatelier.png", partner_fietsatelier),
        ("images/partners/buurtwerk.png", partner_buurtwerk),
    ],
    "lier": [
        ("images/hero.jpg", lier_hero),
        ("images/logo.png", lier_logo),
        ("images/acties/buurtrenovatie.jpg", lier_buurtrenovatie),
        ("images/acties/warmtescan.jpg", lier_warmtescan),
        ("images/acties/bakfiets.jpg", lier_bakfiets),
        ("images/acties/buurtbomen.jpg", lier_buurtbomen),
        ("images/acties/regentuin.jpg", lier_regentuin),
        ("images/acties/compost.jpg", lier_compost),
        ("images/partners/zonnige-nete.png", partner_zonnige_nete),
        (
            "images/partners/spaakje.png",
            lambda path: partner_fietsatelier(path, colour="#ff7043", ring="#283593"),
        ),
        ("images/partners/lierse-hoven.png", partner_lierse_hoven),
    ],
}


def main(argv: list[str]) -> int:
    wanted = argv or list(JOBS)
    unknown = [name for name in wanted if name not in JOBS]
    if unknown:
        print(
            f"unknown campaign(s): {', '.join(unknown)}; choose from {', '.join(JOBS)}",
            file=sys.stderr,
        )
        return 2
    for name in wanted:
        for rel, draw in JOBS[name]:
            target = CAMPAIGNS / name / rel
            draw(target)
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
