"""What a model accepts, as read from the catalog (``resources/models.toml``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

MiB = 1024 * 1024


class ProtocolId(StrEnum):
    IMAGES = "images"
    IMAGES_ASYNC = "images-async"
    IMAGES_JSON_EDIT = "images-json-edit"
    GEMINI = "gemini"
    CHAT = "chat"
    MIDJOURNEY = "midjourney"


class Operation(StrEnum):
    GENERATE = "generate"
    EDIT = "edit"
    VARIATION = "variation"
    MJ_BLEND = "mj-blend"
    MJ_DESCRIBE = "mj-describe"
    MJ_ACTION = "mj-action"
    MJ_CHANGE = "mj-change"
    MJ_MODAL = "mj-modal"


class MaskStyle(StrEnum):
    NONE = "none"  # the model cannot take a mask
    ALPHA = "alpha"  # PNG, alpha 0 where to edit (OpenAI images edits)
    BLACK_WHITE = "bw"  # white where to edit, black elsewhere (Midjourney, some relay models)


class RatioVia(StrEnum):
    """How an aspect ratio reaches the relay on the `images` protocols."""

    ASPECT_RATIO = "aspect_ratio"  # the relay extension field
    SIZE = "size"  # a size picked from the model's list (or computed for free sizes)
    NONE = "none"  # the model has no ratio control


class ResolutionVia(StrEnum):
    IMAGE_SIZE = "image_size"  # relay extension field, 1K/2K/4K (nano-banana-2)
    SIZE = "size"  # folded into a computed WxH (free-size models)
    SIZE_PRESET = "size-preset"  # `size: "2K"` itself, or a computed WxH with a ratio (Seedream)
    NAME = "name"  # fixed by the model's name (nano-banana-2-2k)
    NONE = "none"


class RefsVia(StrEnum):
    """How reference images reach the relay on the `images` protocols."""

    EDITS = "edits"  # multipart POST /v1/images/edits
    IMAGE_FIELD = "image-field"  # JSON `image: [url | data URL]` on generations
    PROMPT_URLS = "prompt-urls"  # flux-kontext: reference URLs appended to the prompt
    NONE = "none"


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = 25 * MiB
    max_side: int = 4096
    max_pixels: int = 4096 * 4096
    formats: tuple[str, ...] = ("png", "jpeg", "webp")
    square: bool = False  # dall-e-2: pad to a square, never distort


@dataclass(frozen=True)
class FreeSize:
    """Models that take any ``WxH`` within bounds (gpt-image-2)."""

    multiple_of: int = 16
    min_ratio: float = 1 / 3
    max_ratio: float = 3.0
    max_width: int = 3840
    max_height: int = 3840
    max_pixels: int = 3840 * 2160
    min_pixels: int = 512 * 512


@dataclass(frozen=True)
class Price:
    """A list price; the per-token prices (per million tokens) price a relay's ``usage``.
    A price the catalog does not state stays None: never guessed."""

    per_image: float
    currency: str = "USD"
    input_per_mtok: float | None = None  # text input tokens (all input when not split)
    image_input_per_mtok: float | None = None  # reference-image input tokens
    output_per_mtok: float | None = None  # output (image) tokens

    @property
    def prices_tokens(self) -> bool:
        return self.input_per_mtok is not None and self.output_per_mtok is not None


@dataclass(frozen=True)
class ModelSpec:
    id: str
    family: str
    label: str = ""
    known: bool = True  # False for the generic spec used for names the catalog lacks
    protocols: tuple[ProtocolId, ...] = (ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC)
    operations: tuple[Operation, ...] = (Operation.GENERATE, Operation.EDIT)
    ratios: tuple[str, ...] = ()
    free_ratio: bool = False  # any W:H (Midjourney --ar)
    ratio_via: RatioVia = RatioVia.ASPECT_RATIO
    sizes: tuple[str, ...] = ()
    size_for_ratio: Mapping[str, str] = field(default_factory=dict)
    free_size: FreeSize | None = None
    resolutions: tuple[str, ...] = ()
    resolution_via: ResolutionVia = ResolutionVia.NONE
    fixed_resolution: str | None = None
    n_max: int = 1
    qualities: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    output_formats: tuple[str, ...] = ()
    backgrounds: tuple[str, ...] = ()
    seed: bool = False
    negative_prompt: bool = False
    prompt_max: int = 32000
    max_refs: int = 0
    min_refs: int = 0
    refs_via: RefsVia = RefsVia.EDITS
    mask: MaskStyle = MaskStyle.NONE
    upload: UploadLimits = field(default_factory=UploadLimits)
    response_format: str | None = None  # what to ask for; None = do not send the field
    price: Price | None = None
    notes: str = ""
    # Late-2026 options (protocol.md §11); empty / False / 0 / None: the model has no such setting.
    input_fidelities: tuple[str, ...] = ()  # edits: how closely to keep the references
    output_compression: bool = False  # 0-100 for jpeg/webp output
    moderations: tuple[str, ...] = ()
    complexities: tuple[str, ...] = ()  # gpt-image-2.6
    max_frames: int = 0  # gif output: frame_count 2..max_frames, with frame_duration_ms
    thinking_levels: tuple[str, ...] = ()  # Gemini thinkingConfig.thinkingLevel
    sequential: bool = False  # Seedream sequential_image_generation (several images per request)
    max_images: int = 15  # ... up to this many
    watermark: bool = False
    safety_tolerance_max: int | None = None  # FLUX: safety_tolerance 0 (strictest)..max
    markup: bool = False  # edits take a transparent overlay image (never with a mask)
    retired: str | None = None  # when the provider retired it (still routed by some relays)
    # Answers as server-sent events when asked (`stream`, `partial_images`): the gpt-image family.
    stream: bool = False

    @property
    def default_protocol(self) -> ProtocolId:
        return self.protocols[0]

    def speaks(self, protocol: ProtocolId) -> bool:
        """Listed for this model as it is (``capabilities.speaks`` adds what that implies)."""
        return protocol in self.protocols

    @property
    def supports_mask(self) -> bool:
        return self.mask is not MaskStyle.NONE
