"""The painter's slim bars: tools, brush and mask operations on top; view and status below.

Only widgets live here: the window connects them to the canvas and the document. Buttons take
no keyboard focus, so keys (Space to pan, `[` `]`, B, E, X…) always reach the canvas.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPoint, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from studio.ui.icons import icon
from studio.ui.mask.document import Tool
from studio.ui.mask.tools import MAX_BRUSH, MIN_BRUSH, Shape
from studio.ui.widgets.flow_layout import FlowLayout

SIZE_STEPS = 1000  # the size slider is logarithmic: fine steps for small brushes
ICON = QSize(20, 20)


def tr(text: str) -> str:
    return QCoreApplication.translate("MaskControls", text)


def size_to_slider(size: float) -> int:
    ratio = math.log(max(size, MIN_BRUSH) / MIN_BRUSH) / math.log(MAX_BRUSH / MIN_BRUSH)
    return round(ratio * SIZE_STEPS)


def slider_to_size(value: int) -> float:
    return round(MIN_BRUSH * (MAX_BRUSH / MIN_BRUSH) ** (value / SIZE_STEPS))


def with_key(text: str, key: str) -> str:
    native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({native})"


def _tool_button(
    name: str, icon_name: str | None, text: str, tip: str, checkable: bool = False
) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCheckable(checkable)
    button.setText(text)
    button.setToolTip(tip)
    if icon_name is not None:
        button.setIcon(icon(icon_name))
        button.setIconSize(ICON)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    else:
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def _slider(name: str, low: int, high: int, width: int) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setObjectName(name)
    slider.setRange(low, high)
    slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    slider.setMinimumWidth(64)
    slider.setMaximumWidth(width)
    return slider


def _value_label(name: str, sample: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", "hint")
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(sample) + 4)
    return label


def rule(vertical: bool = False) -> QFrame:
    """A 1 px line in the palette's mid colour between groups of controls."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine if vertical else QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    line.setStyleSheet("color: palette(mid);")
    if vertical:
        line.setFixedWidth(1)
    else:
        line.setFixedHeight(1)
    return line


def swatch(colour: QColor, side: int = 16) -> QIcon:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, side - 2, side - 2, 4, 4)
    painter.end()
    return QIcon(pixmap)


class ToolBar(QWidget):
    """Tools, brush size and hardness, feather, invert/fill/clear, undo/redo, load/save,
    Cancel and Done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maskToolBar")
        self.brush = _tool_button(
            "brushTool", "mask", tr("Brush"), with_key(tr("Brush: paint where to edit"), "B"), True
        )
        self.eraser = _tool_button(
            "eraserTool",
            "eraser",
            tr("Eraser"),
            with_key(tr("Eraser: take areas out of the mask"), "E"),
            True,
        )
        self.rect = _tool_button(
            "rectTool",
            "rect-select",
            tr("Rectangle"),
            tr("Rectangle: drag to mask an area (hold Alt to remove instead)"),
            True,
        )
        self.lasso = _tool_button(
            "lassoTool",
            "lasso",
            tr("Lasso"),
            tr("Lasso: draw around an area to mask it (hold Alt to remove instead)"),
            True,
        )
        self.tools = QButtonGroup(self)
        self.tools.setExclusive(True)
        for button in (self.brush, self.eraser, self.rect, self.lasso):
            self.tools.addButton(button)
        self.remove = _tool_button(
            "removeMode",
            None,
            tr("Remove"),
            with_key(tr("Selections remove from the mask instead of adding to it"), "X"),
            True,
        )

        self.size_slider = _slider("sizeSlider", 0, SIZE_STEPS, 160)
        self.size_slider.setToolTip(f"{tr('Brush size')} ([ ])")
        self.size_value = _value_label("sizeValue", "2000 px")
        self.hardness_slider = _slider("hardnessSlider", 0, 100, 120)
        self.hardness_slider.setToolTip(tr("Hardness: low values give a soft edge"))
        self.hardness_value = _value_label("hardnessValue", "100 %")

        self.feather = _tool_button(
            "featherButton", None, tr("Feather…"), tr("Soften the mask's edges")
        )
        self.feather_radius = QSpinBox()
        self.feather_radius.setObjectName("featherRadius")
        self.feather_radius.setRange(1, 250)
        self.feather_radius.setValue(8)
        self.feather_radius.setSuffix(tr(" px"))
        self.feather_apply = QPushButton(tr("Feather"))
        self.feather_apply.setObjectName("featherApply")
        menu = QMenu(self.feather)
        holder = QWidget(menu)
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 8, 8, 8)
        row.setSpacing(8)
        row.addWidget(QLabel(tr("Radius")))
        row.addWidget(self.feather_radius)
        row.addWidget(self.feather_apply)
        action = QWidgetAction(menu)
        action.setDefaultWidget(holder)
        menu.addAction(action)
        self.feather_menu = menu  # popped up (not exec'd) under the button
        self.feather.clicked.connect(
            lambda: menu.popup(self.feather.mapToGlobal(QPoint(0, self.feather.height())))
        )
        self.feather_radius.lineEdit().returnPressed.connect(self.feather_apply.click)

        self.invert = _tool_button(
            "invertButton", None, tr("Invert"), tr("Swap the masked and the kept areas")
        )
        self.fill = _tool_button("fillButton", None, tr("Fill"), tr("Mask the whole image"))
        self.clear = _tool_button("clearButton", None, tr("Clear"), tr("Remove the whole mask"))
        self.undo = _tool_button("undoButton", "undo", tr("Undo"), with_key(tr("Undo"), "Ctrl+Z"))
        self.redo = _tool_button(
            "redoButton", "redo", tr("Redo"), with_key(tr("Redo"), "Ctrl+Shift+Z")
        )
        self.load = _tool_button(
            "loadMaskButton", None, tr("Load…"), tr("Load a mask PNG (white or transparent = edit)")
        )
        self.save = _tool_button("saveMaskButton", None, tr("Save…"), tr("Save the mask as a PNG"))
        self.cancel = QPushButton(tr("Cancel"))
        self.cancel.setObjectName("cancelMask")
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel.setToolTip(with_key(tr("Leave without a mask"), "Esc"))
        self.done = QPushButton(tr("Done"))
        self.done.setObjectName("primary")
        self.done.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done.setToolTip(with_key(tr("Use this mask for the request"), "Ctrl+Return"))

        groups: list[list[QWidget]] = [
            [self.brush, self.eraser, self.rect, self.lasso, self.remove],
            [QLabel(tr("Size")), self.size_slider, self.size_value],
            [QLabel(tr("Hardness")), self.hardness_slider, self.hardness_value],
            [self.feather, self.invert, self.fill, self.clear],
            [self.undo, self.redo],
            [self.load, self.save],
        ]
        # the groups wrap onto a second row in a narrow window instead of widening it
        holder = QWidget()
        flow = FlowLayout(holder, spacing=4)
        row_height = max(self.done.sizeHint().height(), self.cancel.sizeHint().height(), 32)
        for index, group in enumerate(groups):
            box = _group(group, separated=index < len(groups) - 1)
            box.setFixedHeight(row_height)  # one height: every group centred on one line
            flow.addWidget(box)
        self.cancel.setFixedHeight(row_height)
        self.done.setFixedHeight(row_height)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(holder, 1)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignTop)
        layout.addSpacing(4)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignTop)

    def show_tool(self, shape: Shape, mode: Tool) -> None:
        if shape is Shape.BRUSH:
            chosen = self.brush if mode is Tool.BRUSH else self.eraser
        else:
            chosen = self.rect if shape is Shape.RECT else self.lasso
        chosen.setChecked(True)
        selecting = shape is not Shape.BRUSH
        self.remove.setEnabled(selecting)
        with QSignalBlocker(self.remove):
            self.remove.setChecked(selecting and mode is Tool.ERASER)

    def show_brush(self, size: float, hardness: float) -> None:
        with QSignalBlocker(self.size_slider):
            self.size_slider.setValue(size_to_slider(size))
        self.size_value.setText(tr("{size} px").format(size=round(size)))
        percent = round(hardness * 100)
        with QSignalBlocker(self.hardness_slider):
            self.hardness_slider.setValue(percent)
        self.hardness_value.setText(tr("{percent} %").format(percent=percent))

    def show_history(self, can_undo: bool, can_redo: bool) -> None:
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)

    def set_busy(self, busy: bool) -> None:
        """While work in a thread may replace the mask, what would change it waits."""
        for widget in (self.feather, self.invert, self.fill, self.clear, self.load, self.done):
            widget.setEnabled(not busy)
        if busy:
            self.show_history(False, False)


def _group(widgets: list[QWidget], separated: bool) -> QWidget:
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for widget in widgets:
        row.addWidget(widget)
    if separated:
        row.addSpacing(4)
        row.addWidget(rule(vertical=True))
        row.addSpacing(4)
    return group


class StatusBar(QWidget):
    """What the painter says (left), the overlay's look and the zoom (right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maskStatusBar")
        self.message = QLabel()
        self.message.setObjectName("maskMessage")
        self.message.setProperty("role", "hint")
        # long messages are cut, never widen the window; the whole text is in the tooltip
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts = QLabel()
        self.facts.setObjectName("maskFacts")
        self.facts.setProperty("role", "hint")
        self.facts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fit_facts(QSize(8888, 8888))

        self.colour = _tool_button(
            "overlayColour", None, tr("Colour"), tr("The colour the mask is shown in")
        )
        self.colour.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.opacity_slider = _slider("opacitySlider", 0, 100, 120)
        self.opacity_slider.setToolTip(tr("How strongly the mask is shown"))
        self.opacity_value = _value_label("opacityValue", "100 %")
        self.show_mask = _tool_button(
            "showMask", "eye", tr("Show mask"), tr("Show or hide the mask"), True
        )
        self.zoom_out = _tool_button(
            "zoomOut", "zoom-out", tr("Zoom out"), with_key(tr("Zoom out"), "-")
        )
        self.zoom_value = _value_label("zoomValue", "3200 %")
        self.zoom_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in = _tool_button(
            "zoomIn", "zoom-in", tr("Zoom in"), with_key(tr("Zoom in"), "+")
        )
        self.fit = _tool_button("zoomFit", "fit", tr("Fit"), with_key(tr("Fit to the window"), "0"))
        self.actual = _tool_button(
            "zoomActual", "one-to-one", tr("1:1"), with_key(tr("Actual pixels"), "1")
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 2, 8, 2)
        layout.setSpacing(4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.facts)
        layout.addSpacing(8)
        layout.addWidget(rule(vertical=True))
        layout.addSpacing(4)
        layout.addWidget(self.colour)
        layout.addWidget(QLabel(tr("Opacity")))
        layout.addWidget(self.opacity_slider)
        layout.addWidget(self.opacity_value)
        layout.addWidget(self.show_mask)
        layout.addSpacing(4)
        layout.addWidget(rule(vertical=True))
        layout.addSpacing(4)
        for widget in (self.zoom_out, self.zoom_value, self.zoom_in, self.fit, self.actual):
            layout.addWidget(widget)

    def say(self, text: str, error: bool = False) -> None:
        label = self.message
        label.setToolTip(text)
        label.setProperty("role", "error" if error else "hint")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setText(text)

    def show_overlay(self, colour: QColor, opacity: float, visible: bool) -> None:
        self.colour.setIcon(swatch(colour))
        percent = round(opacity * 100)
        with QSignalBlocker(self.opacity_slider):
            self.opacity_slider.setValue(percent)
        self.opacity_value.setText(tr("{percent} %").format(percent=percent))
        with QSignalBlocker(self.show_mask):
            self.show_mask.setChecked(visible)
        self.show_mask.setIcon(icon("eye" if visible else "eye-off"))

    def show_zoom(self, scale: float) -> None:
        """``scale``: device px per image px (1.0 = 100 %)."""
        percent = scale * 100
        shown = str(round(percent)) if percent >= 10 else f"{percent:.1f}".rstrip("0").rstrip(".")
        self.zoom_value.setText(tr("{percent} %").format(percent=shown))

    def fit_facts(self, image: QSize) -> None:
        """A steady width for the facts about an image of this size: the pointer's position
        changes on every move, the layout should not."""
        widest = self._facts(image, MAX_BRUSH, QPoint(image.width() - 1, image.height() - 1))
        self.facts.setFixedWidth(self.facts.fontMetrics().horizontalAdvance(widest) + 8)

    def show_facts(self, size: QSize, brush: float, pointer: QPoint | None) -> None:
        self.facts.setText(self._facts(size, brush, pointer))

    def _facts(self, size: QSize, brush: float, pointer: QPoint | None) -> str:
        parts = [
            tr("{width} × {height} px").format(width=size.width(), height=size.height()),
            tr("brush {size} px").format(size=round(brush)),
        ]
        if pointer is not None:
            parts.append(tr("x {x}, y {y}").format(x=pointer.x(), y=pointer.y()))
        return "   ·   ".join(parts)
