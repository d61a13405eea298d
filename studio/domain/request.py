"""What the user asks for: prompt, model, parameters, references and mask."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.domain.model_spec import Operation, ProtocolId


@dataclass(frozen=True)
class Reference:
    """A reference image: a local file, bytes in memory, or a remote URL."""

    name: str
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)
    url: str | None = None

    @property
    def is_remote(self) -> bool:
        return self.url is not None and self.path is None and self.data is None


@dataclass(frozen=True)
class Mask:
    """Where to edit, in the studio's own convention: 8-bit grayscale PNG, 255 = edit here.

    Always the pixel size of the first reference. Protocol styles (alpha, black/white) are
    derived from it when the request is prepared.
    """

    png: bytes = field(repr=False)
    width: int
    height: int
    name: str = "mask.png"


@dataclass(frozen=True)
class MidjourneyAction:
    """A follow-up on a finished Midjourney task (buttons, change, vary-region modal)."""

    task_id: str
    custom_id: str | None = None  # /mj/submit/action
    change: str | None = None  # UPSCALE | VARIATION | REROLL for /mj/submit/change
    index: int | None = None


# The values a typed option may take where the set is closed (the CLI's choices; restored
# settings are held to the same).
RESOLUTIONS = ("1K", "2K", "4K")
OUTPUT_FORMATS = ("png", "jpeg", "webp")
BACKGROUNDS = ("auto", "opaque", "transparent")
BLEND_DIMENSIONS = ("PORTRAIT", "SQUARE", "LANDSCAPE")
SEED_MAX = 2**32 - 1

# Optional settings recorded as they are (history, provenance); protocol and operation are
# recorded too, as their string values.
RECORDED_FIELDS = (
    "ratio",
    "resolution",
    "size",
    "quality",
    "seed",
    "negative_prompt",
    "style",
    "output_format",
    "background",
    "blend_dimensions",
)


@dataclass(frozen=True)
class GenerationRequest:
    prompt: str
    model: str
    protocol: ProtocolId | None = None  # None: the catalog's default for the model
    operation: Operation | None = None  # None: edit with references, generate without
    references: tuple[Reference, ...] = ()
    mask: Mask | None = None
    ratio: str | None = None
    resolution: str | None = None
    size: str | None = None
    n: int = 1
    quality: str | None = None
    seed: int | None = None
    negative_prompt: str | None = None
    style: str | None = None
    output_format: str | None = None
    background: str | None = None
    midjourney: MidjourneyAction | None = None
    blend_dimensions: str | None = None  # PORTRAIT | SQUARE | LANDSCAPE
    extra: dict[str, Any] = field(default_factory=dict)

    def parameters(self) -> dict[str, Any]:
        """The settings worth recording (history, provenance): no bytes, no paths."""
        params: dict[str, Any] = {"prompt": self.prompt, "model": self.model}
        for key in ("protocol", "operation", *RECORDED_FIELDS):
            value = getattr(self, key)
            if value is not None:
                params[key] = str(value) if key in ("protocol", "operation") else value
        params["n"] = self.n
        if self.extra:
            params["extra"] = dict(self.extra)
        return params
