"""The follow-up buttons of a finished Midjourney image (U1–U4, V1–V4, 🔄, Vary (Region)…).

The relay's buttons are stored with the job (``job.meta["buttons"]``). A click sends the
follow-up with the same prompt, model and profile; "Vary (Region)" first asks for a painted
area and a prompt (vary_region.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.request import GenerationRequest, Mask, MidjourneyAction
from studio.store.history import ImageRecord, JobRecord
from studio.ui.icons import icon
from studio.ui.widgets.flow_layout import FlowLayout

# Buttons that open a relay-side form the studio does not fill in (yet): left out.
UNSUPPORTED = ("MJ::CustomZoom", "MJ::Job::PicReader")
SETTLE_MS = 1500  # a clicked button rests this long
ICONS = {"🔄": "refresh"}  # emoji labels drawn with the studio's icons (no emoji font needed)
ARROWS = {"⬅️": "←", "➡️": "→", "⬆️": "↑", "⬇️": "↓"}  # and pan arrows as plain arrows
NUMBERED = re.compile(r"^([UV])\s*(\d)$")


def tr(text: str) -> str:
    return QCoreApplication.translate("MidjourneyButtons", text)


@dataclass(frozen=True)
class MjButton:
    custom_id: str
    label: str

    @property
    def is_vary_region(self) -> bool:
        return "Inpaint" in self.custom_id or "Region" in self.label


def buttons_of(image: ImageRecord | None, record: JobRecord | None) -> list[MjButton]:
    """The follow-ups offered for ``image``: none for a composite or a job without buttons."""
    if image is None or record is None or image.kind != "result":
        return []
    meta: dict[str, Any] = record.job.meta or {}
    if not meta.get("mj_task_id"):
        return []
    found: list[MjButton] = []
    for entry in meta.get("buttons") or []:
        if not isinstance(entry, dict):
            continue
        custom_id, label = str(entry.get("custom_id") or ""), str(entry.get("label") or "")
        if custom_id and label and not custom_id.startswith(UNSUPPORTED):
            found.append(MjButton(custom_id, label))
    return found


def follow_up_request(
    record: JobRecord, button: MjButton, *, prompt: str | None = None, mask: Mask | None = None
) -> GenerationRequest:
    """The request for ``button`` of ``record``'s task: its prompt (or ``prompt``) and model;
    with ``mask`` it is the Vary (Region) form."""
    original = record.job.request
    return GenerationRequest(
        prompt=original.prompt if prompt is None else prompt,
        model=original.model,
        protocol=record.job.protocol,
        mask=mask,
        midjourney=MidjourneyAction(
            task_id=str(record.job.meta["mj_task_id"]), custom_id=button.custom_id
        ),
    )


def tooltip_for(button: MjButton) -> str:
    """What a button does, in the user's words (the relay's labels are terse)."""
    label, custom_id = button.label.strip(), button.custom_id
    if match := NUMBERED.match(label):
        letter, number = match.groups()
        text = tr("Upscale image {n}") if letter == "U" else tr("Variations of image {n}")
        return text.format(n=number)
    if button.is_vary_region:
        return tr("Paint an area of this image and describe what goes there")
    if label == "🔄":
        return tr("Run the prompt again")
    for marker, text in (
        ("reroll", tr("Run the prompt again")),
        ("high_variation", tr("Strong variations of this image")),
        ("low_variation", tr("Subtle variations of this image")),
        ("pan_left", tr("Extend the image to the left")),
        ("pan_right", tr("Extend the image to the right")),
        ("pan_up", tr("Extend the image upwards")),
        ("pan_down", tr("Extend the image downwards")),
        ("Outpaint::50", tr("Zoom out 2×")),
        ("Outpaint::75", tr("Zoom out 1.5×")),
        ("upsample_v", tr("Upscale this image further")),
    ):
        if marker in custom_id:
            return text
    return label


class MidjourneyButtons(QWidget):
    """A section "Midjourney" with one compact button per follow-up; hidden when there is none.

    ``chosen(button)`` on a click; the panel sends it. ``set_status`` shows a line below.
    """

    chosen = Signal(object)  # MjButton

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("midjourneyButtons")
        self.buttons: dict[str, QToolButton] = {}  # custom id -> button
        self._shown: tuple[int, tuple[MjButton, ...]] | None = None  # image id, its buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        title = QLabel(tr("Midjourney"))
        title.setProperty("role", "section")
        font = title.font()
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        title.setFont(font)
        layout.addWidget(title)
        self.row = QWidget()
        self.row.setObjectName("midjourneyRow")
        self.flow = FlowLayout(self.row)
        layout.addWidget(self.row)
        self.status = QLabel()
        self.status.setObjectName("midjourneyStatus")
        self.status.setProperty("role", "hint")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        layout.addWidget(self.status)
        self.hide()

    def show_record(self, image: ImageRecord, record: JobRecord) -> None:
        """The buttons of ``image``'s job; unchanged (status kept) when it is the same image."""
        found = tuple(buttons_of(image, record))
        if self._shown == (image.id, found):
            return
        self._shown = (image.id, found)
        self._clear()
        made = [self._make(button) for button in found]
        height = max((widget.sizeHint().height() for widget in made), default=0)
        for widget in made:
            widget.setFixedHeight(height)  # icon and text buttons line up
            self.flow.addWidget(widget)
        self.set_status("")
        self.setVisible(bool(found))

    def _make(self, button: MjButton) -> QToolButton:
        widget = QToolButton()
        widget.setObjectName(f"mj_{button.label}")
        widget.setText(button.label)  # shown unless an icon stands for it
        tip = tooltip_for(button)
        widget.setToolTip(tip)
        widget.setAccessibleName(tip)
        if button.label in ICONS:
            widget.setIcon(icon(ICONS[button.label]))
            widget.setIconSize(QSize(16, 16))
            widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            widget.setText(ARROWS.get(button.label, button.label))
            widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        widget.setMinimumWidth(36)
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        widget.clicked.connect(lambda _=False, b=button: self.chosen.emit(b))
        self.buttons[button.custom_id] = widget
        return widget

    def _clear(self) -> None:
        while (item := self.flow.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons.clear()

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def sent(self, button: MjButton) -> None:
        """Said below the row; the button rests a moment, so a double click is not paid twice.
        Nothing here when another image is shown by then."""
        widget = self.buttons.get(button.custom_id)
        if widget is not None:
            self.set_status(tr("Sent: {label}").format(label=button.label))
            widget.setEnabled(False)
            QTimer.singleShot(SETTLE_MS, widget, lambda: widget.setEnabled(True))
