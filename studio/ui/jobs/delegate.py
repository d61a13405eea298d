"""Painting one job row: state mark, model and prompt, state words, progress or time, buttons,
and for a failure the plain message with the relay's own words below in smaller type.

Rows are painted, not built from widgets, so the list stays light however long it grows; the
buttons are real style-drawn push buttons whose clicks the panel hit-tests with
:meth:`JobDelegate.button_at`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QToolTip,
)

from studio.domain.job import JobState
from studio.ui.jobs.entry import JobEntry, action_label
from studio.ui.jobs.model import ENTRY_ROLE

PAD = 8
MARK = 16
GAP = 8
BUTTON_HEIGHT = 28
TIME_WIDTH = 128
ERROR_LINES = 3
RELAY_LINES = 2

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("JobDelegate", text)


def wrapped(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` px, the last one elided."""
    if not text or width <= 0:
        return []
    layout = QTextLayout(text, font)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].rstrip() for start, length in spans[:max_lines]]
    if len(spans) > max_lines:
        rest = text[spans[max_lines - 1][0] :]
        lines[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


@dataclass
class RowLayout:
    height: int
    mark: QRect
    title: QRect
    status: QRect
    time: QRect
    buttons: dict[str, QRect] = field(default_factory=dict)
    error_lines: list[str] = field(default_factory=list)
    error_top: int = 0
    relay_lines: list[str] = field(default_factory=list)
    relay_top: int = 0
    billed_top: int = -1
    billed_text: str = ""  # what the failure cost
    billed_alert: bool = False  # it may have been billed: drawn to stand out


class JobDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.hovered: tuple[str, str] | None = None  # (job id, action)
        self.pressed: tuple[str, str] | None = None

    # -- fonts -----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.view.font())
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
        return base, bold, small

    # -- geometry --------------------------------------------------------------------------

    def layout(self, rect: QRect, entry: JobEntry) -> RowLayout:
        base, _, small = self._fonts()
        metrics = QFontMetrics(base)
        small_metrics = QFontMetrics(small)
        line = metrics.height()
        top = rect.top() + PAD
        right = rect.right() - PAD
        buttons: dict[str, QRect] = {}
        x = right
        for name in reversed(entry.actions()):
            width = metrics.horizontalAdvance(action_label(name)) + 28
            x -= width
            buttons[name] = QRect(x, top, width, BUTTON_HEIGHT)
            x -= GAP // 2
        buttons = dict(reversed(list(buttons.items())))
        time_rect = QRect(x - GAP - TIME_WIDTH, top, TIME_WIDTH, max(BUTTON_HEIGHT, line * 2))
        text_left = rect.left() + PAD + MARK + GAP
        text_width = max(time_rect.left() - GAP - text_left, 40)
        title = QRect(text_left, top, text_width, line)
        status = QRect(text_left, top + line + 2, text_width, line)
        mark = QRect(rect.left() + PAD, top + (line - MARK) // 2 + 1, MARK, MARK)
        wide = max(right - text_left, 40)
        y = status.bottom() + 1
        error_lines = wrapped(entry.error_text(), base, wide, ERROR_LINES)
        error_top = y + 4
        if error_lines:
            y = error_top + len(error_lines) * line
        relay_lines = wrapped(entry.relay_text(), small, wide, RELAY_LINES)
        relay_top = y + 2
        if relay_lines:
            y = relay_top + len(relay_lines) * small_metrics.height()
        billed_top = -1
        if entry.billing_words():
            billed_top = y + 2
            y = billed_top + small_metrics.height()
        height = max(y + PAD, top + BUTTON_HEIGHT + PAD, time_rect.bottom() + PAD) - rect.top()
        return RowLayout(
            height=height,
            mark=mark,
            title=title,
            status=status,
            time=time_rect,
            buttons=buttons,
            error_lines=error_lines,
            error_top=error_top,
            relay_lines=relay_lines,
            relay_top=relay_top,
            billed_top=billed_top,
            billed_text=entry.billing_words(),
            billed_alert=entry.may_be_billed(),
        )

    def _row_rect(self, option: QStyleOptionViewItem) -> QRect:
        width = self.view.viewport().width() if option.rect.width() <= 0 else option.rect.width()
        return QRect(option.rect.left(), option.rect.top(), width, max(option.rect.height(), 1))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        entry: JobEntry | None = index.data(ENTRY_ROLE)
        if entry is None:
            return super().sizeHint(option, index)
        width = self.view.viewport().width()
        return QSize(width, self.layout(QRect(0, 0, width, 0), entry).height)

    def button_at(self, rect: QRect, entry: JobEntry, position: QPointF) -> str | None:
        for name, button in self.layout(rect, entry).buttons.items():
            if button.contains(position.toPoint()):
                return name
        return None

    def helpEvent(  # noqa: N802 - Qt's name
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """Over a button, its tool tip says what it will do (and whether it may cost)."""
        entry: JobEntry | None = index.data(ENTRY_ROLE)
        if entry is not None and event.type() == QEvent.Type.ToolTip:
            name = self.button_at(option.rect, entry, QPointF(event.pos()))
            if name is not None:
                QToolTip.showText(event.globalPos(), entry.action_tip(name), view)
                return True
        return super().helpEvent(event, view, option, index)

    # -- painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        entry: JobEntry | None = index.data(ENTRY_ROLE)
        if entry is None:
            return
        now = time.monotonic()
        rect = self._row_rect(option)
        row = self.layout(rect, entry)
        palette = self.view.palette()
        base, bold, small = self._fonts()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            tint = palette.color(QPalette.ColorRole.Highlight)
            tint.setAlpha(36)
            painter.fillRect(rect, tint)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        self._paint_mark(painter, row.mark, entry, palette)
        model, prompt = entry.title()
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        bold_metrics = QFontMetrics(bold)
        model_width = min(bold_metrics.horizontalAdvance(model) + 4, row.title.width() // 2)
        model_text = bold_metrics.elidedText(model, Qt.TextElideMode.ElideRight, model_width)
        painter.drawText(
            row.title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, model_text
        )
        painter.setFont(base)
        prompt_rect = row.title.adjusted(model_width + GAP, 0, 0, 0)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            prompt_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(base).elidedText(prompt, Qt.TextElideMode.ElideRight, prompt_rect.width()),
        )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            row.status,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(base).elidedText(
                entry.status_line(now), Qt.TextElideMode.ElideRight, row.status.width()
            ),
        )
        self._paint_time(painter, row.time, entry, now, palette)
        self._paint_messages(painter, rect, row, palette, base, small)
        for name, button in row.buttons.items():
            self._paint_button(painter, button, entry, name)
        painter.restore()

    def _paint_mark(
        self, painter: QPainter, rect: QRect, entry: JobEntry, palette: QPalette
    ) -> None:
        state = entry.job.state
        box = QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if state is JobState.SUCCEEDED:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawEllipse(box)
            pen = QPen(palette.color(QPalette.ColorRole.HighlightedText), 1.8)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            c = box.center()
            painter.drawPolyline(
                [
                    QPointF(c.x() - 3.5, c.y()),
                    QPointF(c.x() - 1, c.y() + 2.5),
                    QPointF(c.x() + 3.5, c.y() - 2.5),
                ]
            )
        elif state is JobState.FAILED:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.BrightText))
            painter.drawEllipse(box)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.HighlightedText), 2))
            c = box.center()
            painter.drawLine(QPointF(c.x(), c.y() - 3.5), QPointF(c.x(), c.y() + 0.5))
            painter.drawPoint(QPointF(c.x(), c.y() + 3.2))
        elif entry.active and state is not JobState.QUEUED:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 2.2))
            painter.drawEllipse(box)
            pen = QPen(accent, 2.2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            turn = int(time.monotonic() * 2) % 4  # moves a quarter turn on each refresh
            painter.drawArc(box, (90 - turn * 90) * 16, -120 * 16)
        else:  # queued, cancelled, interrupted
            painter.setBrush(Qt.BrushStyle.NoBrush)
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
            painter.setPen(QPen(colour, 1.6))
            painter.drawEllipse(box)
            if state is not JobState.QUEUED:
                painter.drawLine(
                    QPointF(box.left() + 3, box.bottom() - 3),
                    QPointF(box.right() - 3, box.top() + 3),
                )

    def _paint_time(
        self, painter: QPainter, rect: QRect, entry: JobEntry, now: float, palette: QPalette
    ) -> None:
        value = entry.progress()
        if value is not None:
            self._paint_progress(painter, rect, value, palette)
            return
        text = entry.time_words(now)
        if text:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setFont(self.view.font())
            painter.drawText(
                QRect(rect.left(), rect.top(), rect.width(), BUTTON_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _paint_progress(
        self, painter: QPainter, rect: QRect, value: int, palette: QPalette
    ) -> None:
        """A slim track with the share done in the accent colour and “45 %” beside it."""
        metrics = QFontMetrics(self.view.font())
        label = tr("{percent} %").format(percent=value)
        label_width = metrics.horizontalAdvance("100 %") + GAP
        middle = rect.top() + BUTTON_HEIGHT / 2
        track = QRectF(rect.left(), middle - 3, rect.width() - label_width, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(track, 3, 3)
        if value > 0:
            done = QRectF(track.left(), track.top(), max(track.width() * value / 100, 6), 6)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setFont(self.view.font())
        painter.drawText(
            QRect(rect.right() - label_width, rect.top(), label_width, BUTTON_HEIGHT),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )

    def _paint_messages(
        self,
        painter: QPainter,
        rect: QRect,
        row: RowLayout,
        palette: QPalette,
        base: QFont,
        small: QFont,
    ) -> None:
        left = row.title.left()
        width = rect.right() - PAD - left
        line = QFontMetrics(base).height()
        small_line = QFontMetrics(small).height()
        painter.setFont(base)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for number, text in enumerate(row.error_lines):
            painter.drawText(
                QRect(left, row.error_top + number * line, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for number, text in enumerate(row.relay_lines):
            painter.drawText(
                QRect(left, row.relay_top + number * small_line, width, small_line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        if row.billed_top >= 0:
            role = (
                QPalette.ColorRole.BrightText
                if row.billed_alert
                else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(palette.color(role))
            painter.drawText(
                QRect(left, row.billed_top, width, small_line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.billed_text,
            )

    def _paint_button(self, painter: QPainter, rect: QRect, entry: JobEntry, name: str) -> None:
        button = QStyleOptionButton()
        button.rect = rect
        button.text = action_label(name)
        button.palette = self.view.palette()
        button.fontMetrics = QFontMetrics(self.view.font())
        state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        if self.hovered == (entry.id, name):
            state |= QStyle.StateFlag.State_MouseOver
        if self.pressed == (entry.id, name):
            state |= QStyle.StateFlag.State_Sunken
        button.state = state
        painter.setFont(self.view.font())
        self.view.style().drawControl(
            QStyle.ControlElement.CE_PushButton, button, painter, self.view
        )
