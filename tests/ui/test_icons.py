"""The icon set: every SVG is a 24 px line icon in currentColor that renders, in the palette's
colours, at every size and pixel ratio, and follows a theme switch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QPushButton

from studio.ui import icons, theme

SIZES = (16, 24, 32)
REQUIRED = {
    "generate", "cancel", "retry", "star", "star-filled", "trash", "export", "settings",
    "search", "zoom-in", "zoom-out", "fit", "one-to-one", "compare", "mask", "reuse",
    "reference", "copy", "folder", "warning", "close", "add", "history", "eye", "eye-off",
    "refresh", "info", "eraser", "rect-select", "lasso", "undo", "redo",
}  # fmt: skip


@pytest.fixture
def look(qapp: QApplication) -> Iterator[None]:
    palette, style_sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setStyleSheet(style_sheet)
    icons.clear_cache()


def ink(image: QImage, opacity: int = 128) -> list[QColor]:
    """The colours of the drawn pixels (unpremultiplied: anti-aliased edges keep the ink's
    colour, only fainter)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [
        QColor.fromRgba(image.pixel(x, y))
        for y in range(image.height())
        for x in range(image.width())
        if QColor.fromRgba(image.pixel(x, y)).alpha() >= opacity
    ]


def close_to(colour: QColor, expected: QColor) -> bool:
    return all(
        abs(a - b) <= 12 for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True)
    )


def test_the_set_is_complete() -> None:
    files = {path.stem for path in icons.icons_dir().glob("*.svg")}
    assert set(icons.ICON_NAMES) == REQUIRED
    assert files == REQUIRED | {icons.APP_ICON}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_each_file_is_a_24px_line_icon_in_current_colour(name: str) -> None:
    source = (icons.icons_dir() / f"{name}.svg").read_text("utf-8")
    root = ElementTree.fromstring(source)
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke") == "currentColor" and root.get("fill") == "none"
    assert 1.75 <= float(root.get("stroke-width")) <= 2
    assert root.get("stroke-linecap") == "round" and root.get("stroke-linejoin") == "round"
    colours = set(re.findall(r"#[0-9a-fA-F]{3,8}\b|rgb\(", source))
    assert not colours, f"{name} has fixed colours {colours}"
    assert QSvgRenderer(QByteArray(source.encode())).isValid()


@pytest.mark.usefixtures("look")
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_icon_renders_in_the_palette_colours(qapp: QApplication, dark: bool) -> None:
    theme.apply(qapp, theme.Theme.DARK if dark else theme.Theme.LIGHT)
    palette = theme.palette(dark)
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for name in icons.ICON_NAMES:
        made = icons.icon(name)
        assert not made.isNull()
        for size in SIZES:
            pixmap = made.pixmap(QSize(size, size))
            assert pixmap.size() == QSize(size, size), (name, size)
            drawn = ink(pixmap.toImage())
            assert len(drawn) >= size // 2, f"{name} at {size} px is (nearly) empty"
            assert all(close_to(colour, normal) for colour in drawn), (name, size)
        greyed = ink(made.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage())
        assert greyed and all(close_to(colour, disabled) for colour in greyed), name


@pytest.mark.usefixtures("look")
def test_hidpi_pixmaps_are_sharp_not_scaled(qapp: QApplication) -> None:
    theme.apply(qapp, theme.Theme.LIGHT)
    pixmap = icons.icon("settings").pixmap(QSize(24, 24), 2.0)
    assert pixmap.size() == QSize(48, 48) and pixmap.devicePixelRatio() == 2.0
    assert pixmap.deviceIndependentSize().toSize() == QSize(24, 24)


@pytest.mark.usefixtures("look")
def test_icons_follow_a_theme_switch(qapp: QApplication) -> None:
    button = QPushButton()
    button.setIcon(icons.icon("star"))  # set once, as widgets do
    theme.apply(qapp, theme.Theme.LIGHT)
    light = ink(button.icon().pixmap(QSize(24, 24)).toImage())
    theme.apply(qapp, theme.Theme.DARK)
    dark = ink(button.icon().pixmap(QSize(24, 24)).toImage())
    assert close_to(light[0], theme.palette(False).color(QPalette.ColorRole.Text))
    assert close_to(dark[0], theme.palette(True).color(QPalette.ColorRole.Text))
    button.deleteLater()


@pytest.mark.usefixtures("look")
def test_an_icon_copy_can_be_changed_safely(qapp: QApplication) -> None:
    """A QIcon copy that gets a pixmap added detaches (clones the engine): no crash, and the
    original still renders."""
    original = icons.icon("add")
    copy = QIcon(original)
    copy.addPixmap(original.pixmap(QSize(16, 16)), QIcon.Mode.Active)
    del copy
    assert ink(original.pixmap(QSize(24, 24)).toImage())


def test_app_icon_is_colourful_at_every_size() -> None:
    made = icons.app_icon()
    for size in (16, 32, 64, 256):
        drawn = ink(made.pixmap(QSize(size, size)).toImage())
        assert len(drawn) > size * size // 2
        hues = {colour.hue() // 30 for colour in drawn if colour.saturation() > 80}
        assert len(hues) >= 2, f"the app icon at {size} px is not colourful"


def test_an_unknown_name_gives_an_empty_icon(caplog: pytest.LogCaptureFixture) -> None:
    assert icons.icon("no-such-icon").isNull()
    assert "no-such-icon" in caplog.text


@pytest.mark.usefixtures("look")
def test_icons_on_an_accent_button_use_the_highlighted_text_colour(qapp: QApplication) -> None:
    theme.apply(qapp, theme.Theme.LIGHT)
    on_accent = icons.icon("generate", QPalette.ColorRole.HighlightedText)
    drawn = ink(on_accent.pixmap(QSize(24, 24)).toImage())
    white = theme.palette(False).color(QPalette.ColorRole.HighlightedText)
    assert drawn and all(close_to(colour, white) for colour in drawn)
