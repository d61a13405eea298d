"""The list of relay profiles: saved ones, built-in ones (italic, read-only) and drafts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from studio.domain.profile import Profile
from studio.ui.settings.entries import Entry, Kind


def tr(text: str) -> str:
    return QCoreApplication.translate("ProfileList", text)


class ProfileList(QListWidget):
    def __init__(self, demo: Profile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileList")
        self.setMinimumWidth(180)
        self.demo = demo

    def entries(self) -> list[Entry]:
        return [self.entry(self.item(row)) for row in range(self.count())]

    @staticmethod
    def entry(item: QListWidgetItem | None) -> Entry | None:
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def names(self, *, besides: Entry | None = None) -> set[str]:
        return {entry.profile.name for entry in self.entries() if entry is not besides}

    def fill(self, entries: list[Entry], select: str | None) -> None:
        """Show ``entries`` and select the one named ``select`` (else the first)."""
        self.blockSignals(True)
        self.clear()
        for entry in entries:
            self.append(entry)
        self.blockSignals(False)
        names = [entry.profile.name for entry in entries]
        self.setCurrentRow(names.index(select) if select in names else (0 if names else -1))

    def append(self, entry: Entry) -> QListWidgetItem:
        item = QListWidgetItem(self.label(entry))
        item.setData(Qt.ItemDataRole.UserRole, entry)
        if entry.kind is not Kind.SAVED:
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
        self.addItem(item)
        return item

    def label(self, entry: Entry, name: str | None = None) -> str:
        name = entry.profile.name if name is None else name
        if entry.kind is Kind.DRAFT:
            return tr("{name} (not saved)").format(name=name) if name else tr("New relay")
        if entry.kind is Kind.BUILT_IN:
            if entry.profile is self.demo:
                return tr("{name} (demo)").format(name=name)
            return tr("{name} (this session)").format(name=name)
        return name

    def drop_drafts(self, keep: QListWidgetItem | None) -> None:
        """Remove unsaved drafts other than ``keep`` (the user moved on from them)."""
        self.blockSignals(True)
        for row in reversed(range(self.count())):
            item = self.item(row)
            if item is not keep and self.entry(item).kind is Kind.DRAFT:
                self.takeItem(row)
        self.blockSignals(False)
