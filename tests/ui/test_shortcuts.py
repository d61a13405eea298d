"""F1 shows every shortcut, the mask painter's included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from studio.ui.main_window import MainWindow
from studio.ui.shortcuts import ShortcutSheet
from tests.ui.conftest import Harness


def test_f1_lists_the_window_and_the_painter_keys(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    harness.run(window.ready())
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    sheets = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutSheet)]
    assert sheets and sheets[-1].isVisible()
    texts = [label.text() for label in sheets[-1].findChildren(QLabel)]
    assert "Mask painter" in texts and "Swap brush and eraser" in texts
    assert "<b>[ ]</b>" in texts and "<b>X</b>" in texts
    assert "Generate (in the prompt)" in texts
    sheets[-1].close()
