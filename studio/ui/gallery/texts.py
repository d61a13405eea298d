"""What tiles say in words: tooltips, the failure message, the accessible name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.ui import i18n
from studio.ui.gallery.tiles import ImageTile, JobTile, Tile


def tr(text: str) -> str:
    return QCoreApplication.translate("GalleryTexts", text)


def failure_text(tile: JobTile) -> tuple[str, str]:
    """The plain message and, when it adds something, the relay's own words."""
    error = tile.job.error
    if error is None:
        return tr("This job did not finish."), ""
    relay = error.relay_message or ""
    message = i18n.message(error)
    return message, ("" if relay and relay in message else relay)


def tooltip(tile: Tile) -> str:
    if isinstance(tile, ImageTile):
        lines = [i18n.message(notice) for notice in tile.warnings]
        size = tr("{width} × {height} pixels").format(width=tile.width, height=tile.height)
        return "\n".join([*lines, size]) if lines else size
    if tile.failed:
        message, relay = failure_text(tile)
        error = tile.job.error
        billing = i18n.billing_note(error) if error is not None else ""
        parts = (message, relay, billing, tile.job.request.prompt)
        return "\n".join(part for part in parts if part)
    return tile.job.request.prompt


def accessible_text(tile: Tile) -> str:
    if isinstance(tile, ImageTile):
        return tr("Image {width} × {height}").format(width=tile.width, height=tile.height)
    if tile.failed:
        return tr("Failed: {message}").format(message=failure_text(tile)[0])
    return tr("Running: {model}").format(model=tile.job.request.model)
