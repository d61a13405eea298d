"""Warnings and notes for the user, translatable like errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.domain.errors import fill


@dataclass(frozen=True)
class Notice:
    code: str  # stable identifier, e.g. "ratio_mismatch", "downscaled"
    template: str  # English source text with {placeholders}; the UI translates it
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return fill(self.template, self.params)
