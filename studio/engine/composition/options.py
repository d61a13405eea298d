"""The settings of a request being composed, and the rules that keep them fitting a model.

Qt-free and light (no engine, no HTTP stack): the composer imports it at start-up. What the
model does not offer is dropped on a switch (:func:`fit`); what the chosen protocol cannot
carry is kept but not sent (:func:`carried_values`), so that a switch back brings it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from studio.domain.model_spec import ModelSpec, ProtocolId
from studio.domain.request import (
    COMPRESSED_FORMATS,
    COMPRESSION_RANGE,
    FRAME_COUNT_MIN,
    FRAME_DURATION_RANGE,
)
from studio.protocols.capabilities import offered_protocols

# The engine's own rules (engine.params), repeated here: importing the engine's parameter module
# pulls in the HTTP stack. plan_request checks the same values again before anything is sent.
_RATIO = re.compile(r"^\s*(\d{1,3})\s*[:/]\s*(\d{1,3})\s*$")
_SIZE = re.compile(r"^\s*(\d{2,5})\s*[x×X*]\s*(\d{2,5})\s*$")
RATIO_TOLERANCE = 0.03

# The options of protocol.md §11, by the row of the form that sets them.
LATE_ROWS = {
    "fidelity": ("input_fidelity",),
    "compression": ("output_compression",),
    "moderation": ("moderation",),
    "complexity": ("complexity",),
    "frames": ("frame_count", "frame_duration_ms"),
    "thinking": ("thinking",),
    "series": ("sequential", "max_images"),
    "watermark": ("watermark",),
    "safety": ("safety_tolerance",),
}
LATE_FIELDS = tuple(name for names in LATE_ROWS.values() for name in names)


@dataclass(frozen=True)
class OptionValues:
    """Every setting with a control in the composer; None: not set, the model decides."""

    protocol: ProtocolId | None = None
    ratio: str | None = None
    resolution: str | None = None
    size: str | None = None
    n: int = 1
    quality: str | None = None
    style: str | None = None
    output_format: str | None = None
    background: str | None = None
    seed: int | None = None
    # protocol.md §11
    input_fidelity: str | None = None
    output_compression: int | None = None
    moderation: str | None = None
    complexity: str | None = None
    frame_count: int | None = None
    frame_duration_ms: int | None = None
    thinking: str | None = None
    sequential: str | None = None
    max_images: int | None = None
    watermark: bool | None = None
    safety_tolerance: int | None = None

    @classmethod
    def of(cls, source: object) -> OptionValues:
        """The option fields of ``source`` (a request, a draft)."""
        return cls(**{name: getattr(source, name) for name in OPTION_FIELDS})

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in OPTION_FIELDS}


OPTION_FIELDS = tuple(f.name for f in fields(OptionValues))
_CLEARABLE = ("ratio", "resolution", "size", "quality", "style", "output_format", "background",
              "seed")  # fmt: skip


def offered_rows(spec: ModelSpec) -> dict[str, bool]:
    """Which late rows ``spec`` has choices for (before the output format is considered)."""
    return {
        "fidelity": bool(spec.input_fidelities),
        "compression": spec.output_compression,
        "moderation": bool(spec.moderations),
        "complexity": bool(spec.complexities),
        "frames": spec.max_frames >= FRAME_COUNT_MIN and "gif" in spec.output_formats,
        "thinking": bool(spec.thinking_levels),
        "series": spec.sequential and spec.max_images > 0,
        "watermark": spec.watermark,
        "safety": spec.safety_tolerance_max is not None,
    }


def format_allows(row: str, output_format: str | None) -> bool:
    """Rows that mean something only with some output formats."""
    if row == "compression":
        return output_format in COMPRESSED_FORMATS
    if row == "frames":
        return output_format == "gif"
    return True


def carried_values(values: OptionValues, carried: frozenset[str]) -> OptionValues:
    """``values`` without what the protocol cannot carry (it would not be sent)."""
    cleared: dict[str, Any] = {name: None for name in _CLEARABLE if name not in carried}
    if "n" not in carried:
        cleared["n"] = 1
    cleared.update({name: None for name in LATE_FIELDS if name not in carried})
    if "sequential" not in carried:
        cleared["max_images"] = None  # a series size means nothing without its series
    # Rows a format needs (compression for jpeg/webp, frames for gif) are not sent without it.
    output_format = cleared.get("output_format", values.output_format)
    if not format_allows("compression", output_format):
        cleared["output_compression"] = None
    if not format_allows("frames", output_format):
        cleared.update(frame_count=None, frame_duration_ms=None)
    return replace(values, **cleared)


def _pair(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    match = pattern.match(text)
    if not match or int(match[1]) == 0 or int(match[2]) == 0:
        return None
    return int(match[1]), int(match[2])


def fitting_ratio(ratio: str | None, spec: ModelSpec) -> str | None:
    """``ratio`` as ``spec`` offers it ("16/9" → "16:9"), or None when it does not."""
    if not ratio:
        return None
    parsed = _pair(_RATIO, ratio)
    if parsed is None:
        return ratio.strip() if spec.free_ratio else None  # the user's own text, checked later
    for offered in spec.ratios:
        if _pair(_RATIO, offered) == parsed:
            return offered
    return f"{parsed[0]}:{parsed[1]}" if spec.free_ratio else None


def clashes(size: str | None, ratio: str | None) -> bool:
    """Whether an exact size does not have the ratio (within 3 %, as the engine judges)."""
    if not size or not ratio or size == "auto":
        return False
    pixels, wanted = _pair(_SIZE, size), _pair(_RATIO, ratio)
    if pixels is None or wanted is None:
        return False
    target = wanted[0] / wanted[1]
    return abs(pixels[0] / pixels[1] - target) / target > RATIO_TOLERANCE


def _keep(value: str | None, choices: tuple[str, ...]) -> str | None:
    return value if value in choices else None


def _clamp(value: int | None, low: int, high: int, offered: bool) -> int | None:
    return None if value is None or not offered else max(low, min(value, high))


def fit_late(values: OptionValues, spec: ModelSpec) -> dict[str, Any]:
    """The late values that ``spec`` supports (others dropped, numbers clamped)."""
    rows = offered_rows(spec)
    series = values.sequential if rows["series"] else None
    return {
        "input_fidelity": _keep(values.input_fidelity, spec.input_fidelities),
        "output_compression": _clamp(
            values.output_compression, *COMPRESSION_RANGE, rows["compression"]
        ),
        "moderation": _keep(values.moderation, spec.moderations),
        "complexity": _keep(values.complexity, spec.complexities),
        "frame_count": _clamp(values.frame_count, FRAME_COUNT_MIN, spec.max_frames, rows["frames"]),
        "frame_duration_ms": _clamp(
            values.frame_duration_ms, *FRAME_DURATION_RANGE, rows["frames"]
        ),
        "thinking": _keep(values.thinking, spec.thinking_levels),
        "sequential": series if series in ("auto", "disabled") else None,
        "max_images": _clamp(values.max_images, 1, spec.max_images, series == "auto"),
        "watermark": values.watermark if rows["watermark"] else None,
        "safety_tolerance": _clamp(
            values.safety_tolerance, 0, spec.safety_tolerance_max or 0, rows["safety"]
        ),
    }


def fit(values: OptionValues, spec: ModelSpec, *, any_protocol: bool = False) -> OptionValues:
    """``values`` with everything ``spec`` does not support dropped (n clamped to its range).

    A protocol the catalog does not list for ``spec`` is kept only with ``any_protocol`` (a
    restored request: the user chose it for this model), not on a switch to another model."""
    ratio = fitting_ratio(values.ratio, spec)
    size = _keep(values.size, spec.sizes)
    if clashes(size, ratio):
        size = None
    resolution = None if spec.fixed_resolution else _keep(values.resolution, spec.resolutions)
    protocols = tuple(ProtocolId) if any_protocol else offered_protocols(spec)
    return OptionValues(
        protocol=values.protocol if values.protocol in protocols else None,
        ratio=ratio,
        resolution=resolution,
        size=size,
        n=max(1, min(values.n, spec.n_max)),
        quality=_keep(values.quality, spec.qualities),
        style=_keep(values.style, spec.styles),
        output_format=_keep(values.output_format, spec.output_formats),
        background=_keep(values.background, spec.backgrounds),
        seed=values.seed if spec.seed else None,
        **fit_late(values, spec),
    )
