"""What the studio learned about a relay: optional parameters it refused, per model, with a way to
forget them (the next request sends them again, and learns again if the relay still refuses)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.settings.quirks import RelayQuirks

ROLE_KEY = 0x0100  # Qt.UserRole: (model, parameter) of a row


def tr(text: str) -> str:
    return QCoreApplication.translate("LearnedRefusals", text)


class LearnedRefusals(QWidget):
    forgotten = Signal()

    def __init__(self, quirks: RelayQuirks | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learnedRefusals")
        self.quirks = quirks
        self.profile = ""
        self.empty = QLabel(tr("Nothing learned yet: this relay has accepted every parameter."))
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.list = QListWidget(objectName="learnedList")
        self.list.setMaximumHeight(110)
        self.forget_button = QPushButton(tr("Forget"), objectName="forgetLearned")
        self.forget_button.setToolTip(
            tr(
                "Send it again from the next request; if the relay still refuses it, the studio "
                "learns it again (a refusal is not billed)."
            )
        )
        self.forget_button.clicked.connect(self.forget_selected)
        self.list.currentRowChanged.connect(lambda _: self._update_buttons())
        hint = QLabel(
            tr(
                "Optional parameters this relay refused (HTTP 400, not billed). The studio "
                "leaves them out for these models and says so in the job's notes."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.forget_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.load("")

    def load(self, profile: str) -> None:
        self.profile = profile
        self.list.clear()
        learned = self.quirks.all().get(profile, {}) if self.quirks and profile else {}
        for model, names in sorted(learned.items()):
            for name in names:
                item = QListWidgetItem(
                    tr("{model}: {parameter}").format(model=model, parameter=name)
                )
                item.setData(ROLE_KEY, (model, name))
                self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self._update_buttons()

    def forget_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.quirks is None:
            return
        model, name = item.data(ROLE_KEY)
        self.quirks.forget(self.profile, model, name)
        self.load(self.profile)
        self.forgotten.emit()

    def _update_buttons(self) -> None:
        self.forget_button.setVisible(self.list.count() > 0)
        self.forget_button.setEnabled(self.list.currentItem() is not None)
