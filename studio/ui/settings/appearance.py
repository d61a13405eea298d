"""The Appearance tab: theme (applied at once) and language (applied at the next start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from studio.ui import i18n, theme
from studio.ui.services import Services
from studio.ui.theme import Theme


def tr(text: str) -> str:
    return QCoreApplication.translate("AppearancePage", text)


class AppearancePage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearancePage")
        self.services = services
        preferences = services.preferences

        self.theme_box = QComboBox(objectName="themeBox")
        self.theme_box.addItem(tr("Follow the system"), Theme.SYSTEM)
        self.theme_box.addItem(tr("Light"), Theme.LIGHT)
        self.theme_box.addItem(tr("Dark"), Theme.DARK)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(preferences.theme)))
        self.theme_box.currentIndexChanged.connect(self._on_theme_chosen)
        self.theme_box.setMinimumContentsLength(18)

        self.language_box = QComboBox(objectName="languageBox")
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        chosen = preferences.language or services.language
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(chosen)))
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)
        self.language_box.setMinimumContentsLength(18)
        self.language_note = QLabel(
            tr("The new language applies the next time Studio starts."), objectName="languageNote"
        )
        self.language_note.setProperty("role", "hint")
        self.language_note.setWordWrap(True)
        self._update_note()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addRow(tr("Theme"), self.theme_box)
        form.addRow(tr("Language"), self.language_box)
        form.addRow("", self.language_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addStretch(1)

    def _on_theme_chosen(self) -> None:
        chosen = Theme(self.theme_box.currentData())
        self.services.preferences.theme = chosen
        theme.apply(QApplication.instance(), chosen)

    def _on_language_chosen(self) -> None:
        self.services.preferences.language = str(self.language_box.currentData())
        self._update_note()

    def _update_note(self) -> None:
        self.language_note.setVisible(self.language_box.currentData() != self.services.language)
