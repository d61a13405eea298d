"""Painting the Runs tab: a run's summary, then one card per target side by side.

A card is the target's picture (or its live state, its failure, why it was not sent), then its
model, relay, time, cost and notes. On hover an image card offers ★ (favourite) and a failed one
Retry; both are hit-tested here. Nothing here reads a file or waits.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from studio.domain.job import JobState
from studio.ui import i18n
from studio.ui.gallery import glyphs
from studio.ui.gallery.delegate import progress_text, wrapped
from studio.ui.gallery.runs_model import CELL_ROLE, RUN_ROLE, RunCell, RunRow
from studio.ui.gallery.texts import failure_text
from studio.ui.gallery.thumbnails import CORNER_RADIUS, ThumbnailCache
from studio.ui.gallery.tiles import JobTile
from studio.ui.widgets.money import money_text

HEADER_WIDTH = 196
CELL_WIDTH = 180
ROW_HEIGHT = 260
MARGIN = 6
BADGE = 24
LINE = 17  # one line of the card's words


def tr(text: str) -> str:
    return QCoreApplication.translate("GalleryRuns", text)


def accent() -> QColor:
    """The selection colour: the application's (the view's own is cleared, so that Qt does
    not fill a selected card's whole cell with it)."""
    return QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))


def picture_rect(rect: QRect) -> QRectF:
    """The square of a card where its picture (or state) goes."""
    inner = QRectF(rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    return QRectF(inner.left(), inner.top(), inner.width(), inner.width())


def card_buttons(cell: RunCell, rect: QRect) -> dict[str, QRectF]:
    """The hover buttons of a card, by action name."""
    box = picture_rect(rect)
    if cell.image is not None:
        return {"favourite": QRectF(box.left() + 6, box.top() + 6, BADGE, BADGE)}
    if cell.job is not None and cell.failed and not cell.job.resumable:
        width = max(72.0, box.width() / 2)
        return {"retry": QRectF(box.center().x() - width / 2, box.bottom() - 8 - 28, width, 28)}
    return {}


def _live_tile(cell: RunCell) -> JobTile:
    """A gallery job tile for the shared progress words (seconds from the job's start)."""
    assert cell.job is not None
    tile = JobTile(cell.job)
    if cell.job.state not in (JobState.QUEUED, JobState.PREPARING):
        tile.sending_since = time.monotonic() - (time.time() - cell.job.created_at)
    return tile


def state_words(cell: RunCell) -> str:
    """The card in a few words (accessible name, tooltip)."""
    if cell.job is None:
        return tr("Not sent: {reason}").format(reason=cell.refusal)
    if cell.live:
        return progress_text(_live_tile(cell), time.monotonic())[1] or tr("Running")
    if cell.image is None:
        return failure_text(JobTile(cell.job))[0]
    return tr("Done")


def facts_line(cell: RunCell, now: float | None = None) -> str:
    """ "12 s · ≈ US$0.04" """
    parts = []
    seconds = cell.seconds(now)
    if seconds is not None:
        parts.append(
            tr("{seconds} s").format(
                seconds=f"{seconds:.0f}" if seconds >= 10 else f"{seconds:.1f}"
            )
        )
    cost = cell.cost()
    if cost is not None:
        parts.append(tr("≈ {amount}").format(amount=money_text(*cost)))
    return " · ".join(parts)


def cell_tooltip(cell: RunCell) -> str:
    lines = [cell.label, state_words(cell)]
    if cell.job is not None:
        if cell.job.error is not None:
            relay = failure_text(JobTile(cell.job))[1]
            if relay:
                lines.append(relay)
        lines += [i18n.message(notice) for notice in cell.job.warnings]
    if cell.image is not None:
        lines.append(tr("Double-click to open it · F marks it as a favourite"))
    return "\n".join(line for line in lines if line)


def summary_line(row: RunRow) -> str:
    done, failed, running = row.counts()
    parts = [tr("{count} done").format(count=done)]
    if failed:
        parts.append(tr("{count} failed").format(count=failed))
    if running:
        parts.append(tr("{count} running").format(count=running))
    return " · ".join(parts)


def total_cost(row: RunRow) -> str:
    costs = [cost for cell in row.cells if (cost := cell.cost()) is not None]
    currencies = {currency for _, currency in costs}
    if not costs or len(currencies) != 1:
        return ""
    return tr("≈ {amount} in all").format(
        amount=money_text(sum(amount for amount, _ in costs), next(iter(currencies)))
    )


class RunsDelegate(QStyledItemDelegate):
    action = Signal(str, int, int)  # "favourite" | "retry", row, column

    def __init__(self, thumbnails: ThumbnailCache, parent: Any = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.hover_pos: QPointF | None = None
        self.painted: set[tuple[str, int]] = set()  # thumbnails asked for in this frame

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        return QSize(HEADER_WIDTH if index.column() == 0 else CELL_WIDTH, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.column() == 0:
            row = index.data(RUN_ROLE)
            if isinstance(row, RunRow):
                self._paint_run(painter, option, row)
        else:
            cell = index.data(CELL_ROLE)
            if isinstance(cell, RunCell):
                self._paint_cell(painter, option, cell)
            elif (
                isinstance(row := index.data(RUN_ROLE), RunRow)
                and row.more
                and index.column() == len(row.cells) + 1
            ):
                self._paint_more(painter, option, row.more)
        painter.restore()

    # -- the run ---------------------------------------------------------------------------

    def _paint_run(self, painter: QPainter, option: QStyleOptionViewItem, row: RunRow) -> None:
        palette = option.palette
        area = QRectF(option.rect).adjusted(MARGIN + 6, MARGIN + 4, -MARGIN - 6, -MARGIN)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        small_metrics = QFontMetrics(small)
        kind = tr("Compare") if row.run.kind == "compare" else tr("Batch")
        when = datetime.fromtimestamp(row.run.created_at).strftime("%Y-%m-%d %H:%M")
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QPointF(area.left(), area.top() + small_metrics.ascent()), f"{kind} · {when}"
        )
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(title)
        painter.setFont(title)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        y = area.top() + small_metrics.lineSpacing() + 6
        for line in wrapped(row.run.title or tr("(no prompt)"), title, int(area.width()), 6):
            painter.drawText(QPointF(area.left(), y + metrics.ascent()), line)
            y += metrics.lineSpacing()
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        y += 6
        for line in (summary_line(row), total_cost(row)):
            if line:
                painter.drawText(QPointF(area.left(), y + small_metrics.ascent()), line)
                y += small_metrics.lineSpacing()

    def _paint_more(self, painter: QPainter, option: QStyleOptionViewItem, more: int) -> None:
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            picture_rect(option.rect),
            Qt.AlignmentFlag.AlignCenter,
            tr("+{count} more").format(count=more),
        )

    # -- a target ----------------------------------------------------------------------------

    def _paint_cell(self, painter: QPainter, option: QStyleOptionViewItem, cell: RunCell) -> None:
        palette = option.palette
        box = picture_rect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        frame = box
        if cell.image is not None:
            frame = self._paint_picture(painter, palette, cell, box)
        else:
            painter.setPen(glyphs.round_pen(palette.color(QPalette.ColorRole.Midlight), 1.0))
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(
                box.adjusted(0.5, 0.5, -0.5, -0.5), CORNER_RADIUS, CORNER_RADIUS
            )
            if cell.live:
                self._paint_live(painter, option, cell, box)
            else:
                self._paint_failed(painter, option, cell, box)
        if selected or hovered:
            colour = accent()
            if not selected:
                colour.setAlpha(110)
            width = 2.5 if selected else 1.5
            painter.setPen(glyphs.round_pen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            grow = width / 2 + 1
            painter.drawRoundedRect(
                frame.adjusted(-grow, -grow, grow, grow), CORNER_RADIUS + grow, CORNER_RADIUS + grow
            )
        self._paint_badges(painter, palette, cell, option.rect, hovered)
        self._paint_words(painter, option, cell, box)

    def _paint_picture(
        self, painter: QPainter, palette: QPalette, cell: RunCell, box: QRectF
    ) -> QRectF:
        assert cell.image is not None
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        side = round(box.width() * ratio)
        pixmap = self.thumbnails.pixmap(cell.image, side)
        self.painted.add((cell.image.sha256, side))
        if pixmap is None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(box, CORNER_RADIUS, CORNER_RADIUS)
            return box
        scale = pixmap.devicePixelRatio()
        width, height = round(pixmap.width() / scale), round(pixmap.height() / scale)
        left = round(box.center().x() - width / 2)
        top = round(box.center().y() - height / 2)
        painter.drawPixmap(left, top, pixmap)
        return QRectF(left, top, width, height)

    def _paint_badges(
        self, painter: QPainter, palette: QPalette, cell: RunCell, rect: QRect, hovered: bool
    ) -> None:
        box = picture_rect(rect)
        buttons = card_buttons(cell, rect)
        star_rect = buttons.get("favourite")
        favourite = cell.image is not None and cell.image.favourite
        if star_rect is not None and (favourite or hovered):
            glyphs.draw_badge(painter, star_rect, palette)
            path = glyphs.star(star_rect.adjusted(5, 4.5, -5, -5.5))
            colour = palette.color(QPalette.ColorRole.HighlightedText)
            if favourite:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
            else:
                painter.setPen(glyphs.round_pen(colour, 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        retry = buttons.get("retry")
        if retry is not None and hovered:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            if self.hover_pos is not None and retry.contains(self.hover_pos):
                fill = fill.lighter(112)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(retry, 6, 6)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(retry, Qt.AlignmentFlag.AlignCenter, tr("Retry"))
        if cell.job is not None and cell.job.warnings and cell.image is not None:
            badge = QRectF(box.right() - 6 - BADGE, box.top() + 6, BADGE, BADGE)
            glyphs.draw_badge(painter, badge, palette)
            glyphs.draw_warning(
                painter,
                badge.adjusted(5, 5, -5, -6),
                palette.color(QPalette.ColorRole.HighlightedText),
                palette.color(QPalette.ColorRole.Shadow),
            )

    def _paint_live(
        self, painter: QPainter, option: QStyleOptionViewItem, cell: RunCell, box: QRectF
    ) -> None:
        palette = option.palette
        figure, line = progress_text(_live_tile(cell), time.monotonic())
        big = QFont(option.font)
        big.setPointSizeF(option.font.pointSizeF() * 1.9)
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(big)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        centre = QRectF(box.left(), box.center().y() - 28, box.width(), 36)
        painter.drawText(centre, Qt.AlignmentFlag.AlignCenter, figure)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        under = QRectF(box.left() + 8, centre.bottom() + 2, box.width() - 16, 20)
        painter.drawText(under, Qt.AlignmentFlag.AlignCenter, line)
        job = cell.job
        if job is not None and job.progress is not None:
            track = QRectF(box.left() + 12, box.bottom() - 16, box.width() - 24, 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(track, 2, 2)
            done = QRectF(track)
            done.setWidth(track.width() * max(0.0, min(job.progress, 100.0)) / 100)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, 2, 2)

    def _paint_failed(
        self, painter: QPainter, option: QStyleOptionViewItem, cell: RunCell, box: QRectF
    ) -> None:
        """⚠ and the plain message (or why it was not sent), the relay's words below."""
        palette = option.palette
        area = box.adjusted(10, 10, -10, -10)
        mark = QRectF(area.left(), area.top(), 20, 18)
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
        heading = tr("Not sent") if cell.job is None else tr("Failed")
        painter.drawText(
            QRectF(mark.right() + 6, mark.top(), area.right() - mark.right() - 6, 18),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            heading,
        )
        if cell.job is None:
            message, relay = cell.refusal, ""
        else:
            message, relay = failure_text(JobTile(cell.job))
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.92))
        metrics = QFontMetrics(font)
        top = mark.bottom() + 8
        width = int(area.width())
        lines = max(0, int((area.bottom() - top) // metrics.lineSpacing()))
        message_lines = wrapped(message, font, width, lines)
        room = area.bottom() - top - len(message_lines) * metrics.lineSpacing() - 4
        relay_lines = wrapped(relay, small, width, min(2, int(room // small_metrics.lineSpacing())))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        y = top
        for text in message_lines:
            painter.drawText(QPointF(area.left(), y + metrics.ascent()), text)
            y += metrics.lineSpacing()
        y += 4
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for text in relay_lines:
            painter.drawText(QPointF(area.left(), y + small_metrics.ascent()), text)
            y += small_metrics.lineSpacing()

    def _paint_words(
        self, painter: QPainter, option: QStyleOptionViewItem, cell: RunCell, box: QRectF
    ) -> None:
        palette = option.palette
        width = int(box.width())
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        y = box.bottom() + 6
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = QFontMetrics(bold)
        painter.drawText(
            QPointF(box.left(), y + metrics.ascent()),
            metrics.elidedText(cell.model, Qt.TextElideMode.ElideMiddle, width),
        )
        y += LINE + 1
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        metrics = QFontMetrics(small)
        relay = tr("@ {relay}").format(relay=cell.profile) if cell.profile else ""
        painter.drawText(
            QPointF(box.left(), y + metrics.ascent()),
            metrics.elidedText(relay, Qt.TextElideMode.ElideMiddle, width),
        )
        y += LINE
        facts = facts_line(cell)
        notes = len(cell.job.warnings) if cell.job is not None else 0
        left = box.left()
        if notes:
            mark = QRectF(left, y + 2, 14, 12)
            glyphs.draw_warning(
                painter,
                mark,
                palette.color(QPalette.ColorRole.PlaceholderText),
                palette.color(QPalette.ColorRole.Base),
            )
            left = mark.right() + 4
            facts = f"{notes} · {facts}" if facts else str(notes)
        painter.drawText(
            QPointF(left, y + metrics.ascent()),
            metrics.elidedText(facts, Qt.TextElideMode.ElideRight, int(box.right() - left)),
        )

    # -- clicks on the buttons ---------------------------------------------------------------

    def button_at(self, cell: RunCell | None, rect: QRect, position: QPointF) -> str | None:
        if cell is None:
            return None
        for name, area in card_buttons(cell, rect).items():
            if area.contains(position):
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
        cell = index.data(CELL_ROLE)
        name = self.button_at(
            cell if isinstance(cell, RunCell) else None, option.rect, event.position()
        )
        if name is None:
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            self.action.emit(name, index.row(), index.column())
        return True

    def helpEvent(self, event: Any, view: Any, option: QStyleOptionViewItem, index: Any) -> bool:  # noqa: N802
        cell = index.data(CELL_ROLE)
        if not isinstance(cell, RunCell):
            row = index.data(RUN_ROLE)
            if index.column() == 0 and isinstance(row, RunRow):
                QToolTip.showText(event.globalPos(), row.run.title, view)
                return True
            return super().helpEvent(event, view, option, index)
        name = self.button_at(cell, option.rect, QPointF(event.pos()))
        texts = {
            "favourite": tr("Mark as the best (favourite)"),
            "retry": tr("Send it again, in this run"),
        }
        QToolTip.showText(event.globalPos(), texts.get(name or "", cell_tooltip(cell)), view)
        return True
