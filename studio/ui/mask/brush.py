"""Brush strokes on a gray mask: the coverage profile, dabs, and segment bodies.

A brush of diameter d covers a pixel at distance ``s`` from the stroke's path with
``profile(s)``: 1 up to a plateau (hardness), then a smooth fall to 0 at the rim ``d / 2``,
with a one-pixel antialiased edge. Coverage is painted as *opaque* gray levels with
``CompositionMode_Lighten`` (brush: pixel = max(pixel, coverage)) or ``CompositionMode_Darken``
(eraser: pixel = min(pixel, 255 - coverage)). Max/min blending is associative, so a stroke
gives each pixel the largest coverage any part of the stroke gives it: overlaps never build up
into bands, and painting a place twice changes nothing.

Between two pointer positions of constant diameter the stroke is painted exactly: a rectangle
along the segment filled with the profile as a linear gradient across it, plus a round dab at
the end point (the start point got its dab from the previous call) — together the capsule
around the segment, with no ripple however far the pointer jumped. When the diameter changes
along a segment (tablet pressure), dabs are stamped along it instead, closer together for soft
brushes (where spacing shows as ripple).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGradient,
    QImage,
    QLinearGradient,
    QPainter,
    QPolygonF,
    QRadialGradient,
)

HARD_SPACING = 0.15  # distance between dabs, as a share of the diameter, for a hard brush
SOFT_SPACING = 0.05  # … for a fully soft one
MIN_SPACING = 0.5  # pixels: tiny brushes do not need a dab every tenth of a pixel
MIN_PRESSURE = 0.1  # the lightest touch still paints 10 % of the diameter
MIN_DIAMETER = 1.0
_SOFT_STOPS = 12  # samples of the smooth falloff curve (Qt interpolates linearly between)
_SAME_DIAMETER = 0.25  # pixels: closer diameters are painted as one constant-width segment

_GRAYS = [QColor(value, value, value) for value in range(256)]


@dataclass(frozen=True, slots=True)
class Dab:
    x: float
    y: float
    diameter: float

    def reach(self) -> float:
        """Distance from the centre beyond which the dab changes nothing."""
        return self.diameter / 2 + 0.5

    def bounds(self) -> QRect:
        reach = self.reach()
        left = math.floor(self.x - reach)
        top = math.floor(self.y - reach)
        return QRect(left, top, math.ceil(self.x + reach) - left, math.ceil(self.y + reach) - top)


@dataclass(frozen=True, slots=True)
class Segment:
    """The straight body of a constant-width stroke between two dabs' centres."""

    start: Dab
    end: Dab

    def outline(self) -> QPolygonF:
        """The rectangle around the segment, one pixel wider than the brush reaches."""
        dx, dy = self.end.x - self.start.x, self.end.y - self.start.y
        length = math.hypot(dx, dy)
        half = self.start.reach() + 1.0
        nx, ny = -dy / length * half, dx / length * half
        return QPolygonF(
            [
                QPointF(self.start.x + nx, self.start.y + ny),
                QPointF(self.end.x + nx, self.end.y + ny),
                QPointF(self.end.x - nx, self.end.y - ny),
                QPointF(self.start.x - nx, self.start.y - ny),
            ]
        )

    def bounds(self) -> QRect:
        return self.outline().boundingRect().toAlignedRect().adjusted(-1, -1, 1, 1)


@dataclass(slots=True)
class StrokePiece:
    """What one pointer move paints: maybe a segment body, and dabs."""

    dabs: list[Dab] = field(default_factory=list)
    segment: Segment | None = None

    def bounds(self) -> QRect:
        rect = self.segment.bounds() if self.segment is not None else QRect()
        for dab in self.dabs:
            rect = rect.united(dab.bounds())
        return rect


class StrokePath:
    """Turns the pointer positions of one stroke into what to paint."""

    def __init__(self, size: float, hardness: float) -> None:
        self.size = max(MIN_DIAMETER, float(size))
        self.spacing_ratio = SOFT_SPACING + (HARD_SPACING - SOFT_SPACING) * hardness
        self._last: Dab | None = None
        self._last_pressure = 1.0

    def diameter(self, pressure: float) -> float:
        return max(MIN_DIAMETER, self.size * min(1.0, max(MIN_PRESSURE, pressure)))

    def advance(self, x: float, y: float, pressure: float = 1.0) -> StrokePiece:
        last, last_pressure = self._last, self._last_pressure
        end = Dab(x, y, self.diameter(pressure))
        self._last, self._last_pressure = end, pressure
        if last is None:
            return StrokePiece([end])
        dx, dy = x - last.x, y - last.y
        distance = math.hypot(dx, dy)
        if distance < 1e-6:
            return StrokePiece([end])
        if abs(end.diameter - last.diameter) <= _SAME_DIAMETER:
            return StrokePiece([end], Segment(Dab(last.x, last.y, end.diameter), end))
        spacing = max(MIN_SPACING, self.spacing_ratio * min(last.diameter, end.diameter))
        dabs: list[Dab] = []
        travelled = spacing
        while travelled < distance - spacing * 0.25:  # the end dab covers the rest
            share = travelled / distance
            pressure_here = last_pressure + (pressure - last_pressure) * share
            dabs.append(Dab(last.x + dx * share, last.y + dy * share, self.diameter(pressure_here)))
            travelled += spacing
        dabs.append(end)
        return StrokePiece(dabs)


def profile_stops(
    diameter: float, hardness: float, erase: bool, extent: float
) -> list[tuple[float, QColor]]:
    """Gradient stops of the coverage profile, for a gradient ``extent`` pixels long.

    The disc has radius ``diameter / 2``; its edge is antialiased over one pixel (coverage
    reaches 0 half a pixel beyond). Hardness 1 keeps full coverage up to the edge, hardness 0
    falls off smoothly (smoothstep) from the centre to the rim.
    """
    radius = diameter / 2
    reach = radius + 0.5
    scale = reach / extent
    plateau = min(1.0, max(0.0, hardness)) * max(0.0, radius - 0.5) / reach
    stops: list[tuple[float, QColor]] = []
    if plateau > 0:
        stops.append((0.0, _coverage_color(1.0, erase)))
    ramp = 1.0 - plateau
    if ramp * reach <= 1.5:  # a one-pixel antialiased edge: linear is exact enough
        stops.append((plateau * scale, _coverage_color(1.0, erase)))
        stops.append((scale, _coverage_color(0.0, erase)))
    else:
        for step in range(_SOFT_STOPS + 1):
            u = step / _SOFT_STOPS
            coverage = 1.0 - u * u * (3.0 - 2.0 * u)
            stops.append(((plateau + ramp * u) * scale, _coverage_color(coverage, erase)))
    if scale < 1.0:
        stops.append((1.0, _coverage_color(0.0, erase)))
    return stops


def _coverage_color(coverage: float, erase: bool) -> QColor:
    value = round(coverage * 255)
    return _GRAYS[255 - value if erase else value]


def dab_gradient(dab: Dab, hardness: float, erase: bool) -> QRadialGradient:
    gradient = QRadialGradient(QPointF(dab.x, dab.y), dab.reach())
    gradient.setSpread(QGradient.Spread.PadSpread)
    gradient.setStops(profile_stops(dab.diameter, hardness, erase, dab.reach()))
    return gradient


def segment_gradient(segment: Segment, hardness: float, erase: bool) -> QLinearGradient:
    """The profile across the segment: centre line to one side, mirrored to the other."""
    start, end = segment.start, segment.end
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy)
    extent = start.reach() + 1.0  # the outline's half width: coverage is 0 in the last pixel
    side = QPointF(start.x - dy / length * extent, start.y + dx / length * extent)
    gradient = QLinearGradient(QPointF(start.x, start.y), side)
    gradient.setSpread(QGradient.Spread.ReflectSpread)
    gradient.setStops(profile_stops(start.diameter, hardness, erase, extent))
    return gradient


def paint_piece(image: QImage, piece: StrokePiece, hardness: float, erase: bool) -> None:
    """Paint ``piece`` on a Format_Grayscale8 ``image`` with max (brush) / min (eraser)."""
    painter = QPainter(image)
    try:
        painter.setCompositionMode(
            QPainter.CompositionMode.CompositionMode_Darken
            if erase
            else QPainter.CompositionMode.CompositionMode_Lighten
        )
        if piece.segment is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(segment_gradient(piece.segment, hardness, erase)))
            painter.drawPolygon(piece.segment.outline())
        for dab in piece.dabs:
            painter.fillRect(dab.bounds(), QBrush(dab_gradient(dab, hardness, erase)))
    finally:
        painter.end()
