"""Shared steps for the composer tests (no tests here): a shown composer, files, drops, models."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.ui.composer.panel import ComposerPanel
from tests.ui.conftest import Harness

TWO_REFS = "two-refs"  # a test model that takes at most two reference images


def make_composer(harness: Harness, model: str = "gpt-image-1") -> ComposerPanel:
    """A shown composer (catalog plus the two-reference test model), on ``model``."""
    harness.catalog.merge({"model": {TWO_REFS: {"family": "gpt-image", "max_refs": 2}}})
    harness.services.preferences.model = model
    panel = harness.keep(ComposerPanel(harness.services))
    panel.resize(380, 900)
    panel.show()
    return panel


def png_file(folder: Path, name: str, size: tuple[int, int] = (64, 48)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new("RGB", size, (180, 60, 40)).save(path)
    return path


def choose_model(panel: ComposerPanel, model: str) -> None:
    """Like a user: open the picker, type the name, press Enter."""
    QTest.mouseClick(panel.picker, Qt.MouseButton.LeftButton)
    popup = panel.picker.popup
    assert popup is not None and popup.isVisible()
    QTest.keyClicks(popup.search, model)
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert panel.picker.model() == model


def _drag_event(kind: type[QDragMoveEvent], point: QPoint, *args: object) -> QDragMoveEvent:
    """PySide 6.12 takes a QPointF (the QPoint form is deprecated); 6.11 only a QPoint."""
    try:
        return kind(QPointF(point), *args)
    except TypeError:
        return kind(point, *args)


def drop(widget: QWidget, mime: QMimeData, position: QPoint | None = None) -> bool:
    """Drag ``mime`` over ``widget`` and drop it, with real Qt drag and drop events."""
    point = position or QPoint(widget.width() // 2, widget.height() // 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = _drag_event(QDragEnterEvent, point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = _drag_event(QDragMoveEvent, point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, move)
    event = QDropEvent(QPointF(point), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()
