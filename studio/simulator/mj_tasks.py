"""Midjourney tasks: grids, upscales, their buttons and how a fetch sees them over time."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from studio.simulator.render import Scene

TILE_LONG_SIDE = 512  # a grid is 2×2 tiles; an upscale is one tile at twice the size
GRID_ACTIONS = ("IMAGINE", "VARIATION", "REROLL", "BLEND")


def new_id() -> str:
    return str(uuid.uuid4().int)[:16]


@dataclass
class MjTask:
    id: str
    action: str  # IMAGINE, UPSCALE, VARIATION, REROLL, BLEND, DESCRIBE, INPAINT
    prompt: str
    scene: Scene  # a grid's tile (variant = the grid's seed) or the single image
    duration: float
    fail_reason: str = ""
    started: float | None = field(default_factory=time.monotonic)  # None: waiting for a modal
    submit_ms: int = field(default_factory=lambda: int(time.time() * 1000))
    start_ms: int = field(default_factory=lambda: int(time.time() * 1000))
    hash: str = field(default_factory=lambda: uuid.uuid4().hex)
    image: bytes = b""  # the finished picture (grid, upscale, inpaint, described image)
    source: bytes = b""  # vary-region: the picture the mask applies to
    image_url: str = ""
    preview_url: str = ""
    final_prompt: str = ""  # describe: the four suggestions
    wrong_types: bool = False  # its fetches answer with the right keys and the wrong types

    def tiles(self) -> tuple[Scene, ...]:
        return tuple(replace(self.scene, variant=f"{self.scene.variant}:{k}") for k in range(4))

    def upscaled(self, index: int) -> Scene:
        tile = self.tiles()[index - 1]
        return replace(
            tile, width=tile.width * 2, height=tile.height * 2, caption=(*tile.caption, f"U{index}")
        )

    @property
    def size(self) -> tuple[int, int]:
        if self.action in GRID_ACTIONS:
            return self.scene.width * 2, self.scene.height * 2
        return self.scene.width, self.scene.height

    def start(self) -> None:
        self.started = time.monotonic()
        self.start_ms = int(time.time() * 1000)

    def status(self) -> tuple[str, int]:
        """(status, percent) now."""
        if self.started is None:
            return "NOT_START", 0
        elapsed = time.monotonic() - self.started
        if elapsed >= self.duration:
            return ("FAILURE" if self.fail_reason else "SUCCESS"), 100
        percent = int(100 * elapsed / self.duration)
        return ("SUBMITTED" if percent < 10 else "IN_PROGRESS"), percent

    def buttons(self) -> list[dict[str, Any]]:
        if self.status()[0] != "SUCCESS":
            return []
        if self.action in GRID_ACTIONS:
            return [
                *(_button(f"MJ::JOB::upsample::{i}::{self.hash}", f"U{i}") for i in range(1, 5)),
                _button(f"MJ::JOB::reroll::0::{self.hash}::SOLO", "", "🔄"),
                *(_button(f"MJ::JOB::variation::{i}::{self.hash}", f"V{i}") for i in range(1, 5)),
            ]
        if self.action in ("UPSCALE", "INPAINT"):
            return [
                _button(f"MJ::JOB::high_variation::1::{self.hash}::SOLO", "Vary (Strong)", "🪄"),
                _button(f"MJ::JOB::low_variation::1::{self.hash}::SOLO", "Vary (Subtle)", "🪄"),
                _button(f"MJ::Inpaint::1::{self.hash}::SOLO", "Vary (Region)", "🖌️"),
            ]
        return []

    def view(self) -> dict[str, Any]:
        status, percent = self.status()
        done = status in ("SUCCESS", "FAILURE")
        image_url = (
            self.image_url if status == "SUCCESS" else (self.preview_url if percent >= 50 else "")
        )
        started_ms = self.start_ms if self.started is not None else 0
        return {
            "id": self.id,
            "action": self.action,
            "status": status,
            "progress": f"{percent}%",
            "imageUrl": image_url,
            "failReason": self.fail_reason if status == "FAILURE" else "",
            "prompt": self.final_prompt if self.action == "DESCRIBE" and done else self.prompt,
            "promptEn": self.prompt,
            "description": "Submit success",
            "state": "",
            "buttons": self.buttons(),
            "submitTime": self.submit_ms,
            "startTime": started_ms,
            "finishTime": started_ms + int(self.duration * 1000) if done else 0,
            "properties": {
                "finalPrompt": self.final_prompt if self.final_prompt and done else self.prompt,
                "messageHash": self.hash,
            },
        }


def _button(custom_id: str, label: str, emoji: str = "") -> dict[str, Any]:
    return {"customId": custom_id, "label": label, "emoji": emoji, "type": 2, "style": 2}
