"""Warnings and notes for the user, translatable like errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.domain.errors import fill
from studio.domain.redact import redact_value


@dataclass(frozen=True)
class Notice:
    code: str  # stable identifier, e.g. "ratio_mismatch", "downscaled"
    template: str  # English source text with {placeholders}; the UI translates it
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "params", {key: redact_value(value) for key, value in self.params.items()}
        )

    @property
    def message(self) -> str:
        return fill(self.template, self.params)
