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
RESOLUTIONS = ("512", "1K", "2K", "3K", "4K")
OUTPUT_FORMATS = ("png", "jpeg", "webp", "gif", "svg")
BACKGROUNDS = ("auto", "opaque", "transparent")
BLEND_DIMENSIONS = ("PORTRAIT", "SQUARE", "LANDSCAPE")
INPUT_FIDELITIES = ("low", "high")
MODERATIONS = ("auto", "low")
COMPLEXITIES = ("low", "medium", "high")
THINKING_LEVELS = ("minimal", "high")
SEQUENTIAL = ("auto", "disabled")
SEED_MAX = 2**32 - 1
COMPRESSION_RANGE = (0, 100)  # output_compression, jpeg and webp only
COMPRESSED_FORMATS = ("jpeg", "webp")
FRAME_DURATION_RANGE = (20, 10000)  # frame_duration_ms of gif output
FRAME_COUNT_MIN = 2

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
    "input_fidelity",
    "output_compression",
    "moderation",
    "complexity",
    "frame_count",
    "frame_duration_ms",
    "thinking",
    "sequential",
    "max_images",
    "watermark",
    "safety_tolerance",
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
    # Late-2026 options (protocol.md §11); None: not set, the model's default applies.
    input_fidelity: str | None = None  # low | high: edits keep the references that closely
    output_compression: int | None = None  # 0-100, jpeg/webp output
    moderation: str | None = None  # auto | low
    complexity: str | None = None  # low | medium | high (gpt-image-2.6)
    frame_count: int | None = None  # gif output
    frame_duration_ms: int | None = None  # gif output
    thinking: str | None = None  # minimal | high (Gemini thinkingConfig.thinkingLevel)
    sequential: str | None = None  # auto | disabled (Seedream sequential_image_generation)
    max_images: int | None = None  # with sequential auto: at most this many images
    watermark: bool | None = None
    safety_tolerance: int | None = None  # FLUX: 0 strictest
    markup: Reference | None = None  # a transparent overlay drawn on reference #1 (edits)

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
