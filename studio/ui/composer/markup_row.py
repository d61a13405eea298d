"""The markup overlay (gpt-image-2.6 edits): a transparent image drawn over reference #1.

Shown only for models that take one. The overlay comes from a file ("Choose…") or from the tray
(a tile's "Use as markup overlay"); it never goes together with a mask (the plan says so).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from studio.domain.request import Reference
from studio.engine.composition import Composition
from studio.ui.composer.sources import IMAGE_SUFFIXES
from studio.ui.icons import icon
from studio.ui.widgets.labels import role_label


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerMarkup", text)


class MarkupRow(QWidget):
    """The composition's ``markup``; shown for models that take one (one set for another model
    is kept, not sent, so that switching back brings it)."""

    def __init__(self, composition: Composition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.composition = composition
        self._dialog: QFileDialog | None = None
        self.button = QPushButton(icon("add"), tr("Markup overlay…"))
        self.button.setObjectName("markupButton")
        self.button.setToolTip(
            tr(
                "A transparent image drawn over reference #1 (arrows, circles, notes) that shows "
                "the model what to change. Not together with a mask."
            )
        )
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.choose_file)
        self.status = role_label("hint")
        self.status.setObjectName("markupStatus")
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("removeMarkup")
        self.remove_button.setText(tr("Remove overlay"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.set_markup(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.button)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.remove_button)
        layout.addStretch(0)
        composition.events.markup.connect(self._refresh)
        composition.events.model.connect(self._on_model)
        self._refresh()
        if not composition.spec.markup:
            self.hide()  # not setVisible(True) yet: it has no parent, it would be a window

    @property
    def current(self) -> Reference | None:
        return self.composition.markup

    def set_markup(self, markup: Reference | None) -> None:
        self.composition.markup = markup

    def _on_model(self, *_: object) -> None:
        self.setVisible(self.composition.spec.markup)

    def choose_file(self) -> None:
        if self._dialog is None:
            self._dialog = QFileDialog(self, tr("Choose a markup overlay"))
            self._dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
            self._dialog.setNameFilter(tr("Images ({patterns})").format(patterns=patterns))
            self._dialog.fileSelected.connect(self._file_chosen)
        self._dialog.open()  # never exec(): the loop keeps running

    def _file_chosen(self, path: str) -> None:
        if path:
            self.set_markup(Reference(name=Path(path).name, path=Path(path)))

    def _refresh(self, *_: object) -> None:
        markup = self.current
        if markup is None:
            self.status.setText("")
            self.status.setToolTip("")
        else:
            self.status.setText(tr("Overlay: {name}").format(name=markup.name))
            where = markup.url or (str(markup.path) if markup.path else markup.name)
            self.status.setToolTip(where)
        self.status.setVisible(markup is not None)
        self.remove_button.setVisible(markup is not None)
