"""The composer's foot: cost estimate, Show request, the Generate button and what stops it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studio.domain.model_spec import ModelSpec
from studio.ui.icons import icon
from studio.ui.widgets.labels import role_label
from studio.ui.widgets.money import CURRENCY_SIGNS

GENERATE_KEYS = "Ctrl+Return"
SENT_FEEDBACK_MS = 1200


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerFooter", text)


def cost_text(spec: ModelSpec, n: int) -> str | None:
    """ "≈ US$0.08" from the catalog's list price, or None when the catalog knows none."""
    if spec.price is None:
        return None
    total = spec.price.per_image * n
    sign = CURRENCY_SIGNS.get(spec.price.currency, f"{spec.price.currency} ")
    digits = 2 if total >= 0.01 or total == 0 else 3
    return tr("≈ {amount}").format(amount=f"{sign}{total:.{digits}f}")


def shortcut_text(keys: str = GENERATE_KEYS) -> str:
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return native.replace("Return", "↵")


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerFooter")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QFrame#composerFooter { border-top: 1px solid palette(mid); }")
        self.cost_label = role_label("hint")
        self.cost_label.setObjectName("costEstimate")
        self.cost_label.setWordWrap(True)  # a compare's total may take two lines
        self._cost_tip = tr(
            "The catalog's list price per image × the number of images. Relays may charge "
            "differently."
        )
        self.cost_label.setToolTip(self._cost_tip)
        self.show_request_button = QPushButton(tr("Show request"))
        self.show_request_button.setObjectName("showRequestButton")
        self.show_request_button.setFlat(True)
        self.show_request_button.setToolTip(
            tr("The exact HTTP request the studio would send, with the key hidden")
        )
        self.generate_button = QPushButton(icon("generate", QPalette.ColorRole.HighlightedText), "")
        self.generate_button.setObjectName("primary")
        self.generate_button.setToolTip(tr("Generate ({keys})").format(keys=shortcut_text()))
        self.error_label = role_label("error")
        self.error_label.setObjectName("generateError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self._sent_timer = QTimer(self)
        self._sent_timer.setSingleShot(True)
        self._sent_timer.setInterval(SENT_FEEDBACK_MS)
        self._sent_timer.timeout.connect(self._label_generate)
        self.targets = 0  # compare: how many targets Generate sends to (0: off)
        self._label_generate()

        row = QHBoxLayout()
        row.addWidget(self.cost_label, 1)  # wraps (a compare's total) in all the room there is
        row.addWidget(self.show_request_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 12)
        column.setSpacing(8)
        column.addLayout(row)
        column.addWidget(self.generate_button)
        column.addWidget(self.error_label)

    def _label_generate(self) -> None:
        words = tr("Generate × {count}").format(count=self.targets) if self.targets > 1 else ""
        self.generate_button.setText((words or tr("Generate")) + "   " + shortcut_text())

    def set_targets(self, count: int) -> None:
        """Compare mode: Generate says how many targets it sends to (0: compare is off)."""
        if count != self.targets:
            self.targets = count
            if not self._sent_timer.isActive():
                self._label_generate()

    def set_cost_text(self, text: str, tooltip: str | None = None) -> None:
        """A cost worked out elsewhere (a compare's total over its targets)."""
        self.cost_label.setText(text)
        self.cost_label.setVisible(bool(text))
        if tooltip is not None:
            self.cost_label.setToolTip(tooltip)

    def set_cost(self, spec: ModelSpec, n: int) -> None:
        cost = cost_text(spec, n)
        self.cost_label.setToolTip(self._cost_tip)
        self.cost_label.setText(cost or "")
        self.cost_label.setVisible(cost is not None)

    def flash_sent(self) -> None:
        """A moment of "Sent" on the button: the job is on its way, the composer stays as is."""
        self.generate_button.setText(tr("Sent"))
        self._sent_timer.start()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        if self.error_label.text():
            self.error_label.setText("")
            self.error_label.hide()
