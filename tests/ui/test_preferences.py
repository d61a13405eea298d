"""What the window remembers survives a hand-edited settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from studio.ui.preferences import PainterLook, Preferences


def test_the_painter_look_round_trips_and_bad_values_fall_back(qapp, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    preferences = Preferences(settings)
    assert preferences.painter == PainterLook()  # nothing saved yet: the defaults
    preferences.painter = PainterLook(120.0, 0.3, "#2080ff", 0.65)
    settings.sync()
    again = Preferences(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert again.painter == PainterLook(120.0, 0.3, "#2080ff", 0.65)
    settings.setValue("painter/brush", "big")  # edited by hand
    assert preferences.painter.brush == PainterLook().brush
    assert preferences.painter.colour == "#2080ff"
