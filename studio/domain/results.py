"""What comes back: saved images and the relay's usage report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.domain.notice import Notice

SVG_MIME = "image/svg+xml"  # vector results (gpt-image-2.6): drawn by Qt, not Pillow


@dataclass(frozen=True)
class ImageResult:
    index: int
    sha256: str
    width: int
    height: int
    mime: str
    size_bytes: int
    source: str  # b64 | url | inline | markdown
    path: Path | None = None
    url: str | None = None
    revised_prompt: str | None = None
    warnings: tuple[Notice, ...] = ()
    id: int | None = None  # the history's image id, once stored
    # The relay's own bytes when ``path`` is a copy made for display (BMP, TIFF, AVIF…).
    original: Path | None = None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class Usage:
    """The relay's usage report kept as-is, with the common counters pulled out."""

    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def input_tokens(self) -> int | None:
        return (
            _int(self.raw.get("input_tokens"))
            or _int(self.raw.get("prompt_tokens"))
            or _int(self.raw.get("promptTokenCount"))
        )

    @property
    def output_tokens(self) -> int | None:
        return (
            _int(self.raw.get("output_tokens"))
            or _int(self.raw.get("completion_tokens"))
            or _int(self.raw.get("candidatesTokenCount"))
        )

    @property
    def total_tokens(self) -> int | None:
        return _int(self.raw.get("total_tokens")) or _int(self.raw.get("totalTokenCount"))
