"""Painting tiles: images (with their ★ and ⚠ badges), running jobs and failed jobs.

Every tile is drawn from its row's data and a cached pixmap; nothing here reads a file or
waits. The buttons that appear on hover (cancel, retry, put away) are hit-tested here too.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from studio.domain.errors import ErrorKind
from studio.domain.job import JobState
from studio.ui.gallery import glyphs
from studio.ui.gallery.model import GalleryModel
from studio.ui.gallery.texts import failure_text
from studio.ui.gallery.thumbnails import CORNER_RADIUS, ThumbnailCache
from studio.ui.gallery.tiles import ImageTile, JobTile

MARGIN = 4  # around each tile: 8 px between tiles
BADGE = 22
BUTTON = 24


def tr(text: str) -> str:
    return QCoreApplication.translate("GalleryTiles", text)


def buttons(tile: object, rect: QRect) -> dict[str, QRect]:
    """The hover buttons of a job tile, by action name."""
    inner = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    corner = QRect(inner.right() - BUTTON - 6, inner.top() + 6, BUTTON, BUTTON)
    if isinstance(tile, JobTile) and tile.live:
        return {"cancel": corner}
    if isinstance(tile, JobTile) and tile.failed:
        width = max(72, inner.width() // 2)
        button = QRect(inner.center().x() - width // 2, inner.bottom() - 8 - 28, width, 28)
        # What was paid for is kept: finish it; sending it again would pay twice.
        return {"resume" if tile.job.resumable else "retry": button, "dismiss": corner}
    return {}


def button_label(tile: JobTile, name: str) -> str:
    if name == "resume":
        saving = tile.job.error is not None and tile.job.error.kind is ErrorKind.SAVE_FAILED
        return tr("Retry save") if saving else tr("Resume")
    return tr("Retry")


def progress_text(tile: JobTile, now: float) -> tuple[str, str]:
    """The big figure (45% or 12 s) and the line under it."""
    job = tile.job
    if tile.retry_at is not None and tile.retry_at > now:
        seconds = max(1, round(tile.retry_at - now))
        return "", tr("Retrying in {seconds} s").format(seconds=seconds)
    if job.progress is not None:
        figure = tr("{percent}%").format(percent=round(max(0.0, min(job.progress, 100.0))))
    elif tile.sending_since is not None:
        figure = tr("{seconds} s").format(seconds=int(now - tile.sending_since))
    else:
        figure = ""
    line = {
        JobState.QUEUED: tr("Queued"),
        JobState.PREPARING: tr("Preparing…"),
        JobState.SUBMITTED: tr("Waiting for the relay…"),
        JobState.RUNNING: tr("Rendering…"),
        JobState.DOWNLOADING: tr("Downloading…"),
    }.get(job.state, "")
    return figure, line


def wrapped(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``, the last one elided."""
    if not text or max_lines <= 0 or width <= 0:
        return []
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1 and start + length < len(text):
            rest = text[start:].replace("\n", " ")
            lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + length].strip())
    layout.endLayout()
    return lines


class TileDelegate(QStyledItemDelegate):
    def __init__(self, model: GalleryModel, thumbnails: ThumbnailCache, parent: Any = None):
        super().__init__(parent)
        self.model = model
        self.thumbnails = thumbnails
        self.cell = QSize(184, 184)
        self.hover_pos: QPointF | None = None  # the mouse in the viewport, for button hover

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        return self.cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        tile = self.model.tile(index.row())
        if tile is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inner = QRectF(option.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(
            option.state & (QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_HasFocus)
        )
        if isinstance(tile, ImageTile):
            self._paint_image(painter, option, tile, inner, selected, hovered)
        else:
            self._paint_job(painter, option, tile, inner, selected, hovered)
        painter.restore()

    # -- images ----------------------------------------------------------------------------

    def _paint_image(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        tile: ImageTile,
        inner: QRectF,
        selected: bool,
        hovered: bool,
    ) -> None:
        palette = option.palette
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        box = round(min(inner.width(), inner.height()) * ratio)
        pixmap = self.thumbnails.pixmap(tile, box)
        frame = inner
        if pixmap is not None:
            scale = pixmap.devicePixelRatio()
            width, height = round(pixmap.width() / scale), round(pixmap.height() / scale)
            # whole pixels and no antialiasing: the fast, untransformed blit
            left = round(inner.center().x() - width / 2)
            top = round(inner.center().y() - height / 2)
            frame = QRectF(left, top, width, height)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.drawPixmap(left, top, pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(frame, CORNER_RADIUS, CORNER_RADIUS)
            if self.thumbnails.is_broken(tile, box):
                mark = QRectF(0, 0, 20, 18)
                mark.moveCenter(frame.center())
                faint = palette.color(QPalette.ColorRole.PlaceholderText)
                glyphs.draw_warning(painter, mark, faint, palette.color(QPalette.ColorRole.Base))
        self._paint_ring(painter, palette, frame, selected, hovered)
        corner = QRectF(frame.left() + 6, frame.top() + 6, BADGE, BADGE)
        if tile.favourite:
            glyphs.draw_badge(painter, corner, palette)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawPath(glyphs.star(corner.adjusted(5, 4.5, -5, -5.5)))
        if tile.warnings:
            badge = QRectF(frame.right() - 6 - BADGE, frame.top() + 6, BADGE, BADGE)
            glyphs.draw_badge(painter, badge, palette)
            glyphs.draw_warning(
                painter,
                badge.adjusted(5, 5, -5, -6),
                palette.color(QPalette.ColorRole.HighlightedText),
                palette.color(QPalette.ColorRole.Shadow),
            )

    @staticmethod
    def _paint_ring(
        painter: QPainter, palette: QPalette, frame: QRectF, selected: bool, hovered: bool
    ) -> None:
        if not (selected or hovered):
            return
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        if not selected:
            colour.setAlpha(110)
        width = 2.5 if selected else 1.5
        painter.setPen(glyphs.round_pen(colour, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ring = frame.adjusted(-width / 2 - 1, -width / 2 - 1, width / 2 + 1, width / 2 + 1)
        radius = CORNER_RADIUS + width / 2 + 1
        painter.drawRoundedRect(ring, radius, radius)

    # -- jobs ------------------------------------------------------------------------------

    def _paint_job(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        tile: JobTile,
        inner: QRectF,
        selected: bool,
        hovered: bool,
    ) -> None:
        palette = option.palette
        painter.setPen(glyphs.round_pen(palette.color(QPalette.ColorRole.Midlight), 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(inner.adjusted(0.5, 0.5, -0.5, -0.5), CORNER_RADIUS, CORNER_RADIUS)
        self._paint_ring(painter, palette, inner, selected, False)
        if tile.failed:
            self._paint_failed(painter, option, tile, inner)
        else:
            self._paint_live(painter, option, tile, inner)
        if hovered:
            self._paint_buttons(painter, option, tile)

    def _paint_live(
        self, painter: QPainter, option: QStyleOptionViewItem, tile: JobTile, inner: QRectF
    ) -> None:
        palette = option.palette
        figure, line = progress_text(tile, time.monotonic())
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        text_rect = inner.adjusted(12, 12, -12, -12)
        if isinstance(tile.draft, QImage) and not tile.draft.isNull():
            self._paint_draft(painter, tile.draft, inner, palette)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        model_name = QFontMetrics(small).elidedText(
            tile.job.request.model, Qt.TextElideMode.ElideMiddle, int(text_rect.width()) - BUTTON
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, model_name
        )
        big = QFont(option.font)
        big.setPointSizeF(option.font.pointSizeF() * 1.9)
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(big)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        centre = QRectF(text_rect.left(), inner.center().y() - 28, text_rect.width(), 36)
        painter.drawText(centre, Qt.AlignmentFlag.AlignCenter, figure)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        under = QRectF(text_rect.left(), centre.bottom() + 2, text_rect.width(), 20)
        painter.drawText(under, Qt.AlignmentFlag.AlignCenter, line)
        if tile.job.progress is not None:
            track = QRectF(inner.left() + 12, inner.bottom() - 16, inner.width() - 24, 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(track, 2, 2)
            done = QRectF(track)
            done.setWidth(track.width() * max(0.0, min(tile.job.progress, 100.0)) / 100)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, 2, 2)

    def _paint_draft(
        self, painter: QPainter, draft: QImage, inner: QRectF, palette: QPalette
    ) -> None:
        """The newest streamed draft under the progress words, faded so they stay legible."""
        scale = min(inner.width() / draft.width(), inner.height() / draft.height())
        width, height = draft.width() * scale, draft.height() * scale
        target = QRectF(
            inner.center().x() - width / 2, inner.center().y() - height / 2, width, height
        )
        painter.save()
        painter.setOpacity(0.55)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, draft)
        painter.restore()
        veil = QColor(palette.color(QPalette.ColorRole.Base))
        veil.setAlphaF(0.35)
        painter.fillRect(target, veil)

    def _paint_failed(
        self, painter: QPainter, option: QStyleOptionViewItem, tile: JobTile, inner: QRectF
    ) -> None:
        """⚠ and the model, the plain message, the relay's own words below in smaller type.
        The whole height is used; on hover the Retry button covers the last lines (the
        tooltip has everything)."""
        palette = option.palette
        text_rect = inner.adjusted(12, 12, -12, -10)
        mark = QRectF(text_rect.left(), text_rect.top(), 20, 18)
        glyphs.draw_warning(
            painter,
            mark,
            palette.color(QPalette.ColorRole.BrightText),
            palette.color(QPalette.ColorRole.Base),
        )
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        beside = QRectF(
            mark.right() + 6, mark.top(), text_rect.right() - mark.right() - 6 - BUTTON, 18
        )
        painter.drawText(
            beside,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(
                tile.job.request.model, Qt.TextElideMode.ElideMiddle, int(beside.width())
            ),
        )
        message, relay = failure_text(tile)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.95))
        metrics = QFontMetrics(font)
        top = mark.bottom() + 8
        width = int(text_rect.width())
        lines = max(0, int((text_rect.bottom() - top) // metrics.lineSpacing()))
        message_lines = wrapped(message, font, width, lines)
        room = text_rect.bottom() - top - len(message_lines) * metrics.lineSpacing() - 4
        relay_lines = wrapped(relay, small, width, min(2, int(room // small_metrics.lineSpacing())))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(font)
        y = top
        for text in message_lines:
            painter.drawText(QPointF(text_rect.left(), y + metrics.ascent()), text)
            y += metrics.lineSpacing()
        y += 4
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for text in relay_lines:
            painter.drawText(QPointF(text_rect.left(), y + small_metrics.ascent()), text)
            y += small_metrics.lineSpacing()

    def _paint_buttons(
        self, painter: QPainter, option: QStyleOptionViewItem, tile: JobTile
    ) -> None:
        palette = option.palette
        for name, rect in buttons(tile, option.rect).items():
            area = QRectF(rect)
            under_mouse = self.hover_pos is not None and area.contains(self.hover_pos)
            if name in ("retry", "resume"):
                fill = QColor(palette.color(QPalette.ColorRole.Highlight))
                if under_mouse:
                    fill = fill.lighter(112)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(area, 6, 6)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                bold = QFont(option.font)
                bold.setWeight(QFont.Weight.DemiBold)
                painter.setFont(bold)
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter, button_label(tile, name))
                continue
            role = QPalette.ColorRole.Midlight if under_mouse else QPalette.ColorRole.Button
            painter.setPen(glyphs.round_pen(palette.color(QPalette.ColorRole.Mid), 1.0))
            painter.setBrush(palette.color(role))
            painter.drawEllipse(area.adjusted(0.5, 0.5, -0.5, -0.5))
            glyphs.draw_cross(
                painter, area.adjusted(8, 8, -8, -8), palette.color(QPalette.ColorRole.ButtonText)
            )

    # -- clicks on the buttons -------------------------------------------------------------

    def button_at(self, row: int, rect: QRect, position: QPointF) -> str | None:
        for name, area in buttons(self.model.tile(row), rect).items():
            if QRectF(area).contains(position):
                return name
        return None

    def editorEvent(  # noqa: N802
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: Any
    ) -> bool:
        kinds = (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        )
        if event.type() not in kinds or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        name = self.button_at(index.row(), option.rect, event.position())
        if name is None:
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            actions = {
                "cancel": self.model.cancel,
                "retry": self.model.retry,
                "resume": self.model.resume,
                "dismiss": self.model.dismiss,
            }
            actions[name](index.row())
        return True

    def helpEvent(self, event: Any, view: Any, option: QStyleOptionViewItem, index: Any) -> bool:  # noqa: N802
        name = self.button_at(index.row(), option.rect, QPointF(event.pos()))
        if name is not None:
            texts = {
                "cancel": tr("Cancel"),
                "retry": tr("Send it again"),
                "resume": tr("Fetch what the relay made again; nothing new is sent or billed"),
                "dismiss": tr("Put away"),
            }
            QToolTip.showText(event.globalPos(), texts[name], view)
            return True
        return super().helpEvent(event, view, option, index)
