"""Chip rows (ratio, resolution) show every chip: a model with many ratios wraps them onto more
rows and the rows below move down (issue 12 item 7: Nano Banana 2's third row of ratios was
hidden behind the resolution row)."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.ui.main_window import MainWindow
from studio.ui.widgets.segmented import SegmentedButtons
from tests.ui.conftest import Harness
from tests.ui.test_composer_helpers import choose_model

NANO_BANANA_2_RATIOS = ["1:1", "4:3", "3:4", "16:9", "9:16", "2:3", "3:2", "4:5", "5:4", "21:9"]


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def _snapshot(watched: QWidget) -> list[tuple[int, int, int, int]]:
    return [
        (rect.x(), rect.y(), rect.width(), rect.height())
        for rect in (_rect_in(child, watched) for child in watched.findChildren(QWidget))
    ]


class _Stillness:
    """Whether nothing under ``watched`` has moved for five rounds in a row (a count of
    event-loop rounds, not a time: the same on a slow machine)."""

    ROUNDS = 200

    def __init__(self, watched: QWidget) -> None:
        self.watched = watched
        self.last = _snapshot(watched)
        self.still = 0

    def settled(self) -> bool:
        now = _snapshot(self.watched)
        self.still = self.still + 1 if now == self.last else 0
        self.last = now
        return self.still >= 5


def _settle(watched: QWidget) -> None:
    """Let the posted layout requests run until nothing under ``watched`` moves any more."""
    stillness = _Stillness(watched)
    for _ in range(_Stillness.ROUNDS):
        QApplication.processEvents()
        if stillness.settled():
            return
    raise AssertionError("the layout never settled")


async def _settled(watched: QWidget) -> None:
    """:func:`_settle` inside a coroutine: the qasync loop runs Qt's events between rounds (no
    processEvents() in a coroutine)."""
    stillness = _Stillness(watched)
    for _ in range(_Stillness.ROUNDS):
        await asyncio.sleep(0.01)
        if stillness.settled():
            return
    raise AssertionError("the layout never settled")


def _rows(chips: SegmentedButtons) -> int:
    return len({chips.button(value).y() for value in chips.options()})


def _assert_every_chip_shown(chips: SegmentedButtons, form: QWidget) -> None:
    """Every chip visible, whole, inside its row, and the row inside its field."""
    assert chips.options()
    field = chips.parentWidget()
    assert field is not None
    for value in chips.options():
        chip = chips.button(value)
        assert chip is not None and chip.isVisible(), value
        assert chips.rect().contains(chip.geometry()), (value, chip.geometry(), chips.size())
        assert chip.visibleRegion().boundingRect() == chip.rect(), (value, "clipped")
    if field is not form:
        assert field.rect().contains(chips.geometry()), (chips.geometry(), field.size())


def _assert_rows_apart(form: QWidget) -> None:
    """No two shown widgets of the form's rows (labels and fields) overlap."""
    layout = form.layout()
    shown = []
    for index in range(layout.count()):
        widget = layout.itemAt(index).widget()
        if widget is not None and widget.isVisible():
            shown.append((widget, _rect_in(widget, form)))
    for position, (widget, rect) in enumerate(shown):
        for other, other_rect in shown[position + 1 :]:
            assert not rect.intersects(other_rect), (
                widget.objectName() or type(widget).__name__,
                rect,
                other.objectName() or type(other).__name__,
                other_rect,
            )


# -- the widget in a form laid out like the composer's ----------------------------------------


class _Form(QWidget):
    """Ratio chips over a (hidden) W:H field, resolution chips, a size box: the composer's rows."""

    def __init__(self) -> None:
        super().__init__()
        self.ratio = SegmentedButtons()
        self.edit = QLineEdit()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.ratio)
        column.addWidget(self.edit)
        self.resolution = SegmentedButtons()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(QLabel("RATIO"), box)
        form.addRow(QLabel("RESOLUTION"), self.resolution)
        form.addRow(QLabel("SIZE"), QComboBox())
        self.ratio.set_options(["1:1", "3:2", "2:3"])  # the first model's few ratios
        self.resolution.set_options(["1K", "2K", "4K"])


@pytest.mark.parametrize(("width", "rows"), [(320, 4), (260, 5), (520, 2)])
def test_chips_of_a_model_with_many_ratios_all_show_in_a_form(
    qapp: QApplication, width: int, rows: int
) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    form = _Form()
    column.addWidget(form)
    column.addStretch(1)
    page.resize(width, 700)
    page.show()
    try:
        _settle(page)
        # The user switches to Nano Banana 2: ten ratios, no W:H field.
        form.ratio.set_options(NANO_BANANA_2_RATIOS)
        form.edit.setVisible(False)
        _settle(page)
        assert _rows(form.ratio) == rows
        _assert_every_chip_shown(form.ratio, form)
        _assert_every_chip_shown(form.resolution, form)
        _assert_rows_apart(form)
        # Back to a few ratios: the rows close up again.
        form.ratio.set_options(["1:1", "16:9"])
        _settle(page)
        assert _rows(form.ratio) == 1
        assert form.ratio.height() < form.resolution.height() * 2
        _assert_every_chip_shown(form.ratio, form)
        _assert_rows_apart(form)
    finally:
        page.close()
        page.deleteLater()


def test_chips_follow_the_width_when_the_form_is_resized(qapp: QApplication) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    form = _Form()
    column.addWidget(form)
    column.addStretch(1)
    form.ratio.set_options(NANO_BANANA_2_RATIOS)
    page.resize(560, 700)
    page.show()
    try:
        _settle(page)
        wide_rows = _rows(form.ratio)
        for width in (300, 240, 560):
            page.resize(width, 700)
            _settle(page)
            _assert_every_chip_shown(form.ratio, form)
            _assert_every_chip_shown(form.resolution, form)
            _assert_rows_apart(form)
        page.resize(240, 700)
        _settle(page)
        assert _rows(form.ratio) > wide_rows
    finally:
        page.close()
        page.deleteLater()


# -- the real composer in the window ----------------------------------------------------------


@pytest.mark.parametrize("dock_width", [None, 460])
def test_nano_banana_2_shows_every_ratio_in_the_composer(
    harness: Harness, dock_width: int | None
) -> None:
    """The window at its default size (the composer dock at its default width), or the dock
    dragged wider; the user chooses Nano Banana 2 in the picker."""
    window = harness.keep(MainWindow(harness.services))
    if dock_width is not None:  # room for the wider composer beside the Boards sidebar
        window.resize(1600, 900)
    window.show()
    composer = window.composer
    options = composer.options

    async def scenario() -> None:
        await window.ready()
        if dock_width is not None:
            window.resizeDocks([window.composer_dock], [dock_width], Qt.Orientation.Horizontal)
        choose_model(composer, "nano-banana-2")
        await _settled(window)

    harness.run(scenario())
    ratios = options.ratio_buttons
    assert ratios.options() == NANO_BANANA_2_RATIOS
    assert options.resolution_buttons.options() == ["1K", "2K", "4K"]
    if dock_width is None:
        assert _rows(ratios) >= 3  # the default dock is narrow: the ratios wrap
    else:
        assert composer.width() >= dock_width - 20
    _assert_every_chip_shown(ratios, options)
    _assert_every_chip_shown(options.resolution_buttons, options)
    _assert_rows_apart(options)
    # The last row of ratios ends above the resolution chips.
    last = ratios.button("21:9")
    assert _rect_in(last, options).bottom() < _rect_in(options.resolution_buttons, options).top()
