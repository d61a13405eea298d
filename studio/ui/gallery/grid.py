"""A grid of square cells over any list model: a QAbstractItemView with arithmetic layout.

Why not QListView: it lays out every row again after each insert (``rowsInserted`` clears its
layout). At 100,000 rows a "Batched" layout drops the scroll position back to the top after
every fetched page, and a "SinglePass" one stalls 100–550 ms per page. Here a row's place is
arithmetic (row → line, column), so a page of new rows costs nothing and only visible cells
are ever touched: painting, hit-testing, keyboard moves and rubber-band selection alike.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from studio.ui.gallery.delegate import MARGIN, TileDelegate
from studio.ui.gallery.model import GalleryModel
from studio.ui.gallery.thumbnails import ThumbnailCache
from studio.ui.gallery.tiles import ImageTile

DEFAULT_CELL = 168
PADDING = 4  # above the first line of tiles and below the last
Action = QAbstractItemView.CursorAction


class TileGrid(QAbstractItemView):
    def __init__(self, model: GalleryModel, thumbnails: ThumbnailCache) -> None:
        super().__init__()
        self.gallery = model
        self.thumbnails = thumbnails
        self.delegate = TileDelegate(model, thumbnails, self)
        self.cell_target = DEFAULT_CELL
        self.side = DEFAULT_CELL
        self.columns = 1
        self.left = 0
        self._hover_row = -1
        self._band: QRect | None = None  # rubber band, in contents coordinates
        self._band_origin: QPoint | None = None
        self.setModel(model)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setFrameShape(QAbstractItemView.Shape.NoFrame)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._on_rows_changed)
        self._fit_cells()

    def _on_rows_changed(self) -> None:
        self._hover_row = -1
        self.updateGeometries()
        self.viewport().update()

    def tile_box(self) -> int:
        """A tile's picture side in device pixels (the thumbnail cache's key)."""
        return round((self.side - 2 * MARGIN) * self.devicePixelRatioF())

    # -- geometry: all arithmetic ----------------------------------------------------------

    def _fit_cells(self) -> None:
        """Square cells filling the width (the scroll bar's room kept aside, so its coming
        and going does not change the columns)."""
        room = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width()
        self.columns = max(1, room // self.cell_target)
        self.side = max(96, room // self.columns)
        self.left = max(0, (self.viewport().width() - self.columns * self.side) // 2)
        self.delegate.cell = QSize(self.side, self.side)
        self.thumbnails.device_pixel_ratio = self.devicePixelRatioF()
        self.updateGeometries()
        self.viewport().update()

    def _lines(self) -> int:
        return -(-self.gallery.rowCount() // self.columns)

    def _cell(self, row: int) -> QRect:
        """Where ``row`` sits, in contents coordinates (before scrolling)."""
        line, column = divmod(row, self.columns)
        return QRect(
            self.left + column * self.side, PADDING + line * self.side, self.side, self.side
        )

    def _rows_in(self, rect: QRect) -> range:
        """The rows whose lines meet ``rect`` (contents coordinates)."""
        first = max(0, (rect.top() - PADDING) // self.side)
        last = max(0, (rect.bottom() - PADDING) // self.side)
        count = self.gallery.rowCount()
        return range(min(first * self.columns, count), min((last + 1) * self.columns, count))

    def visible_rows(self) -> range:
        return self._rows_in(self.viewport().rect().translated(0, self.verticalOffset()))

    def updateGeometries(self) -> None:  # noqa: N802
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        content = self._lines() * self.side + 2 * PADDING
        bar.setSingleStep(max(16, self.side // 4))
        bar.setPageStep(max(1, height))
        bar.setRange(0, max(0, content - height))
        super().updateGeometries()  # also asks for more rows when the end is in sight

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_cells()

    # -- QAbstractItemView's questions -----------------------------------------------------

    def visualRect(self, index: QModelIndex) -> QRect:  # noqa: N802
        if not index.isValid() or index.row() >= self.gallery.rowCount():
            return QRect()
        return self._cell(index.row()).translated(0, -self.verticalOffset())

    def indexAt(self, point: QPoint) -> QModelIndex:  # noqa: N802
        x = point.x() - self.left
        y = point.y() + self.verticalOffset() - PADDING
        if x < 0 or y < 0 or x >= self.columns * self.side:
            return QModelIndex()
        row = (y // self.side) * self.columns + x // self.side
        return self.gallery.index(row) if row < self.gallery.rowCount() else QModelIndex()

    def scrollTo(  # noqa: N802
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if not index.isValid():
            return
        cell = self._cell(index.row())
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        top = bar.value()
        if hint == QAbstractItemView.ScrollHint.PositionAtTop:
            top = cell.top() - PADDING
        elif hint == QAbstractItemView.ScrollHint.PositionAtBottom:
            top = cell.bottom() + PADDING - height
        elif hint == QAbstractItemView.ScrollHint.PositionAtCenter:
            top = cell.center().y() - height // 2
        elif cell.top() - PADDING < top:
            top = cell.top() - PADDING
        elif cell.bottom() + PADDING > top + height:
            top = cell.bottom() + PADDING - height + 1
        bar.setValue(top)

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        count = self.gallery.rowCount()
        if count == 0:
            return QModelIndex()
        current = self.currentIndex()
        if not current.isValid():
            return self.gallery.index(0)
        row = current.row()
        page = max(1, self.viewport().height() // self.side) * self.columns
        moves = {
            Action.MoveLeft: row - 1,
            Action.MovePrevious: row - 1,
            Action.MoveRight: row + 1,
            Action.MoveNext: row + 1,
            Action.MoveUp: row - self.columns if row >= self.columns else row,
            Action.MoveDown: row + self.columns if row + self.columns < count else row,
            Action.MovePageUp: max(row % self.columns, row - page),
            Action.MovePageDown: min(row + page, count - 1),
            Action.MoveHome: 0,
            Action.MoveEnd: count - 1,
        }
        return self.gallery.index(max(0, min(count - 1, moves.get(action, row))))

    def horizontalOffset(self) -> int:  # noqa: N802
        return 0

    def verticalOffset(self) -> int:  # noqa: N802
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex) -> bool:  # noqa: N802
        return False

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:  # noqa: N802
        """Select the tiles ``rect`` (viewport coordinates) touches: one range per line."""
        area = rect.normalized().translated(0, self.verticalOffset())
        first_column = max(0, (area.left() - self.left) // self.side)
        last_column = min(self.columns - 1, (area.right() - self.left) // self.side)
        selection = QItemSelection()
        if first_column <= last_column:
            rows = self._rows_in(area)
            for line_start in range(
                rows.start - rows.start % self.columns, rows.stop, self.columns
            ):
                start = line_start + first_column
                stop = min(line_start + last_column, rows.stop - 1)
                if start <= stop:
                    selection.select(self.gallery.index(start), self.gallery.index(stop))
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:  # noqa: N802
        visible = self.visible_rows()
        region = QRegion()
        for part in selection:
            start, stop = max(part.top(), visible.start), min(part.bottom(), visible.stop - 1)
            for row in range(start, stop + 1):
                region += self.visualRect(self.gallery.index(row))
        return region

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        area = event.rect().translated(0, self.verticalOffset())
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        selection = self.selectionModel()
        current = self.currentIndex().row()
        focused = self.hasFocus()
        for row in self._rows_in(area):
            index = self.gallery.index(row)
            rect = self.visualRect(index)
            if not rect.intersects(event.rect()):
                continue
            option.rect = rect
            state = QStyle.StateFlag.State_Enabled
            if selection.isSelected(index):
                state |= QStyle.StateFlag.State_Selected
            if row == self._hover_row:
                state |= QStyle.StateFlag.State_MouseOver
            if focused and row == current:
                state |= QStyle.StateFlag.State_HasFocus
            option.state = state
            self.delegate.paint(painter, option, index)
        if self._band is not None:
            self._paint_band(painter)
        painter.end()
        self.thumbnails.end_frame(self._visible_keys())

    def _visible_keys(self) -> set[tuple[str, int]]:
        box = self.tile_box()
        keys = set()
        for row in self.visible_rows():
            tile = self.gallery.tile(row)
            if isinstance(tile, ImageTile):
                keys.add((tile.sha256, box))
        return keys

    def _paint_band(self, painter: QPainter) -> None:
        assert self._band is not None
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        painter.setPen(colour)
        colour.setAlpha(40)
        painter.setBrush(colour)
        painter.drawRect(self._band.translated(0, -self.verticalOffset()).normalized())

    # -- mouse -----------------------------------------------------------------------------

    def _set_hover(self, row: int) -> None:
        if row == self._hover_row:
            return
        for old in (self._hover_row, row):
            if old >= 0:
                self.viewport().update(self.visualRect(self.gallery.index(old)))
        self._hover_row = row

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and not self.indexAt(point).isValid():
            self._band_origin = point + QPoint(0, self.verticalOffset())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.delegate.hover_pos = event.position()
        index = self.indexAt(event.position().toPoint())
        self._set_hover(index.row() if index.isValid() else -1)
        if index.isValid() and not isinstance(self.gallery.tile(index.row()), ImageTile):
            self.viewport().update(self.visualRect(index))  # its hover buttons
        if self._band_origin is not None and event.buttons() & Qt.MouseButton.LeftButton:
            old = self._band
            here = event.position().toPoint() + QPoint(0, self.verticalOffset())
            self._band = QRect(self._band_origin, here).normalized()
            dirty = self._band.united(old) if old is not None else self._band
            self.viewport().update(
                dirty.translated(0, -self.verticalOffset()).adjusted(-2, -2, 2, 2)
            )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._band is not None:
            self.viewport().update()
        self._band = self._band_origin = None
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: object) -> None:  # noqa: N802
        self.delegate.hover_pos = None
        self._set_hover(-1)
        super().leaveEvent(event)  # type: ignore[arg-type]
