"""The two slim bars of the detail view: view controls above the picture, actions below it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from studio.ui.icons import icon

ICON_SIZE = QSize(20, 20)


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailBars", text)


ICONS = {  # action or control -> icon in resources/icons
    "reuse": "reuse",
    "use_as_reference": "reference",
    "variations": "refresh",
    "edit_with_mask": "mask",
    "expand_canvas": "fit",
    "copy_image": "copy",
    "copy_prompt": "copy",
    "export": "export",
    "open_folder": "folder",
    "favourite": "star",
    "delete": "trash",
}


def tool_button(name: str, tip: str, icon_name: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setIcon(icon(icon_name))
    button.setIconSize(ICON_SIZE)
    button.setAutoRaise(True)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


def with_keys(tip: str, keys: str) -> str:
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return tr("{action} ({keys})").format(action=tip, keys=native)


class ViewBar(QWidget):
    """Fit, 1:1, zoom, compare (with what) and the mask overlay."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("detailViewBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        self.fit = tool_button("fitButton", with_keys(tr("Fit"), "Ctrl+0"), "fit")
        self.actual = tool_button(
            "actualSizeButton", with_keys(tr("Actual pixels (1:1)"), "Ctrl+1"), "one-to-one"
        )
        self.zoom_out = tool_button("zoomOutButton", with_keys(tr("Zoom out"), "-"), "zoom-out")
        self.zoom_in = tool_button("zoomInButton", with_keys(tr("Zoom in"), "+"), "zoom-in")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setProperty("role", "hint")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.fit, self.actual, self.zoom_out, self.zoom_label, self.zoom_in):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.compare = tool_button(
            "compareButton", tr("Compare with a reference or another result"), "compare"
        )
        self.compare.setCheckable(True)
        self.compare_with = QComboBox()
        self.compare_with.setObjectName("compareWith")
        self.compare_with.setToolTip(tr("What to compare with"))
        self.compare_with.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_with.hide()
        self.mask = tool_button(
            "maskOverlayButton", tr("Show the masked area (where the edit was asked)"), "eye"
        )
        self.mask.setCheckable(True)
        for widget in (self.compare, self.compare_with, self.mask):
            layout.addWidget(widget)

    def show_scale(self, scale: float) -> None:
        self.zoom_label.setText(tr("{percent} %").format(percent=round(scale * 100)))


def action_entries() -> list[tuple[str, str] | None]:
    """(action name, tooltip) in bar order; None is a gap. Names as in context_menu.py."""
    return [
        ("reuse", tr("Reuse these settings in the composer")),
        ("use_as_reference", tr("Use as a reference image")),
        ("variations", tr("Variations: more images like this one")),
        ("edit_with_mask", tr("Edit with a mask…")),
        ("expand_canvas", tr("Expand the canvas (outpainting)…")),
        None,
        ("copy_image", tr("Copy the image")),
        ("copy_prompt", tr("Copy the prompt")),
        ("export", tr("Export with its settings…")),
        ("open_folder", tr("Open the containing folder")),
        None,
        ("favourite", tr("Favourite")),
        ("delete", tr("Move to the trash")),
    ]


class ActionBar(QWidget):
    triggered = Signal(str)  # action name

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("detailActionBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for entry in action_entries():
            if entry is None:
                layout.addSpacing(8)
                continue
            name, tip = entry
            button = tool_button(f"action_{name}", tip, ICONS[name])
            button.clicked.connect(lambda _=False, n=name: self.triggered.emit(n))
            layout.addWidget(button)
            self.buttons[name] = button
        layout.addStretch(1)
        self.buttons["favourite"].setCheckable(True)

    def set_favourite(self, on: bool) -> None:
        button = self.buttons["favourite"]
        button.setChecked(on)
        button.setIcon(icon("star-filled" if on else "star"))
        tip = tr("Remove from favourites") if on else tr("Favourite")
        button.setToolTip(tip)
        button.setAccessibleName(tip)
