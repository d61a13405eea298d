"""The Relays tab: the profile list (Add / Duplicate / Remove) and the selected profile's form.

Profiles are read from ``services.profiles`` (profiles.json, a small file); everything that
touches the keyring (key status, save, remove) runs on a worker thread, because a keyring may
wait for the user to unlock it. Built-in profiles (demo relay, environment) are shown read-only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from studio.domain.errors import StudioError
from studio.domain.profile import Profile
from studio.settings.secrets import KeyStatus, session_only_notice
from studio.ui import i18n
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.settings.connection_test import ConnectionTest
from studio.ui.settings.doctor_panel import DoctorPanel
from studio.ui.settings.entries import (
    Entry,
    Kind,
    Saved,
    copy_name,
    remove_profile,
    write_profile,
)
from studio.ui.settings.profile_list import ProfileList
from studio.ui.settings.relay_form import FormError, RelayForm
from studio.ui.settings.widgets import RemoveConfirmation, message_label, set_role

T = TypeVar("T")


def tr(text: str) -> str:
    return QCoreApplication.translate("RelaysPage", text)


class RelaysPage(QWidget):
    profiles_changed = Signal()  # a profile was saved, renamed or removed

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relaysPage")
        self.services = services
        self.store = services.profiles
        self._entry: Entry | None = None
        self._selection = 0  # bumped on every selection: late answers for older ones are dropped
        self._busy = False  # a save or a removal is under way
        self._dirty = False  # the form holds edits that are not saved

        self.list = ProfileList(services.demo_profile)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.add_button = self._tool_button("add", tr("Add"), "addProfileButton", self.add_relay)
        self.duplicate_button = self._tool_button(
            "copy", tr("Duplicate"), "duplicateProfileButton", self.duplicate
        )
        self.remove_button = self._tool_button(
            "trash", tr("Remove"), "removeProfileButton", self.ask_remove
        )
        self.load_error = message_label("loadError", "error")
        self.reload_button = QPushButton(icon("refresh"), tr("Reload"), objectName="reloadButton")
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.hide()

        self.form = RelayForm()
        self.form.set_quirks(getattr(services.bridge.manager, "quirks", None))
        self.form.overrides.set_suggestions(services.catalog.ids())
        self.form.changed.connect(self._on_form_changed)
        self.form.name_edit.textEdited.connect(self._on_name_edited)
        self.tester = ConnectionTest(services)
        self.tester.button.clicked.connect(self.test_connection)
        self.doctor = DoctorPanel(services)
        self.form_error = message_label("formError", "error")
        self.notice = message_label("saveNotice", "hint")
        self.confirm_bar = RemoveConfirmation()
        self.confirm_bar.confirmed.connect(self.remove_current)
        self.revert_button = QPushButton(tr("Revert"), objectName="revertButton")
        self.revert_button.clicked.connect(self._show_current)
        self.save_button = QPushButton(tr("Save"), objectName="primary")
        self.save_button.clicked.connect(self.save)

        self._build()
        self.reload()

    # -- layout ----------------------------------------------------------------------------

    def _tool_button(
        self, icon_name: str, text: str, name: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text, objectName=name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(8)
        side.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.add_button, self.duplicate_button, self.remove_button):
            buttons.addWidget(button)
        side.addLayout(buttons)
        side.addWidget(self.load_error)
        side.addWidget(self.reload_button)

        scroll = QScrollArea(objectName="relayFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)

        actions = QHBoxLayout()
        actions.addWidget(self.tester, 1, Qt.AlignmentFlag.AlignTop)
        actions.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        actions.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        right = QWidget()
        main = QVBoxLayout(right)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(8)
        main.addWidget(self.confirm_bar)
        self.sections = QTabWidget(objectName="relaySections")  # the settings | the relay doctor
        self.sections.setDocumentMode(True)
        self.sections.addTab(scroll, tr("Settings"))
        self.sections.addTab(self.doctor, tr("Relay check"))
        main.addWidget(self.sections, 1)
        main.addWidget(self.form_error)
        main.addWidget(self.notice)
        main.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    # -- the list --------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return self.list.entries()

    def current_entry(self) -> Entry | None:
        return self._entry

    def _built_in(self) -> list[Entry]:
        return [Entry(profile, Kind.BUILT_IN) for profile in self.services.resolver.built_in()]

    def reload(self, select: str | None = None) -> None:
        """Read profiles.json again and select ``select`` (or keep the current profile)."""
        current = select or (self._entry.profile.name if self._entry else None)
        entries = self._built_in()
        try:
            saved = self.store.all(with_keys=False)
        except StudioError as error:  # an unreadable profiles.json: say so, change nothing
            self.load_error.setText(i18n.message(error))
            saved = None
        taken = {entry.profile.name for entry in entries}
        entries += [
            Entry(profile, Kind.SAVED) for profile in saved or [] if profile.name not in taken
        ]
        self.load_error.setVisible(saved is None)
        self.reload_button.setVisible(saved is None)
        self.add_button.setEnabled(saved is not None)
        self._entry = None
        self.list.fill(entries, current)
        if not entries:
            self._on_current_changed(None, None)

    def _on_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self.list.drop_drafts(keep=current)  # an unsaved draft goes when the user moves on
        self._entry = self.list.entry(current)
        self.notice.hide()
        self._show_current()

    def _show_current(self) -> None:
        """Fill the form from the selected entry, dropping unsaved edits."""
        self._selection += 1
        self.confirm_bar.hide()
        self.tester.reset()
        self._show_problem(None)
        entry = self._entry
        self.doctor.show_entry(entry, self.store.keys)
        if entry is None or entry.kind is Kind.DRAFT:
            self.sections.setCurrentIndex(0)  # a relay being added is filled in first
        self.form.setEnabled(entry is not None)
        self.tester.setEnabled(entry is not None)
        if entry is None:
            self.form.load(Profile(name="", base_url=""))
            self.form.set_key_state(None)
        elif entry.kind is Kind.BUILT_IN:
            note = (
                tr(
                    "The demo relay is built in: a simulated relay on this computer. Nothing is "
                    "sent anywhere and nothing is billed. It cannot be edited; Duplicate makes "
                    "an editable copy."
                )
                if entry.profile is self.services.demo_profile
                else tr(
                    "This profile was given for this session only and cannot be edited "
                    "here; Duplicate makes an editable copy."
                )
            )
            self.form.load(entry.profile, read_only=True, note=note)
            self.form.key_field.set_built_in(bool(entry.profile.api_key))
        else:
            self.form.load(entry.profile)
            if entry.kind is Kind.DRAFT:
                source = entry.copy_key_from or (tr("the original") if entry.known_key else "")
                self.form.set_key_state(KeyStatus.MISSING, copied_from=source)
            else:
                self.form.set_key_state(None)
                self._look_up_key_status(entry.profile.name)
        self._dirty = entry is not None and entry.kind is Kind.DRAFT
        self._update_buttons()

    def _look_up_key_status(self, name: str) -> None:
        selection = self._selection

        def shown(status: KeyStatus) -> None:
            if selection == self._selection:
                self.form.set_key_state(status)

        self._in_thread(self.store.keys.status, name, done=shown)

    def _update_buttons(self) -> None:
        entry = self._entry
        editable = entry is not None and entry.kind is not Kind.BUILT_IN
        self.duplicate_button.setEnabled(entry is not None and entry.kind is not Kind.DRAFT)
        self.remove_button.setEnabled(editable and not self._busy)
        self.save_button.setEnabled(editable and self._dirty and not self._busy)
        self.revert_button.setEnabled(
            editable and self._dirty and not self._busy and entry.kind is Kind.SAVED
        )
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)

    def _on_form_changed(self) -> None:
        self.notice.hide()
        self._show_problem(None)
        self._dirty = True
        self._update_buttons()

    def _on_name_edited(self, text: str) -> None:
        item = self.list.currentItem()
        if item is not None and self._entry is not None and self._entry.kind is Kind.DRAFT:
            item.setText(self.list.label(self._entry, text.strip()))

    def _show_problem(self, problem: FormError | str | None) -> None:
        if isinstance(problem, FormError):
            self.sections.setCurrentIndex(0)
            self.form.mark_invalid(problem.field)
            problem.field.setFocus()
            text = problem.text
        else:
            self.form.mark_invalid(None)
            text = problem or ""
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))

    # -- Add / Duplicate / Remove ----------------------------------------------------------

    def add_relay(self) -> None:
        """A new, empty profile to fill in (the one already being added, if any)."""
        for row, entry in enumerate(self.entries()):
            if entry.kind is Kind.DRAFT and not entry.copy_key_from:
                self.list.setCurrentRow(row)
                break
        else:
            item = self.list.append(Entry(Profile(name="", base_url=""), Kind.DRAFT))
            self.list.setCurrentItem(item)
        self.form.name_edit.setFocus()

    def duplicate(self) -> None:
        entry = self._entry
        if entry is None or entry.kind is Kind.DRAFT:
            return
        name = copy_name(tr("{name} copy").format(name=entry.profile.name), self.list.names())
        copy = replace(entry.profile, name=name, api_key="")
        if entry.kind is Kind.SAVED:
            draft = Entry(copy, Kind.DRAFT, copy_key_from=entry.profile.name)
        else:  # a built-in profile carries its key with it
            draft = Entry(copy, Kind.DRAFT, known_key=entry.profile.api_key)
        self.list.setCurrentItem(self.list.append(draft))
        self.form.name_edit.setFocus()
        self.form.name_edit.selectAll()

    def ask_remove(self) -> None:
        entry = self._entry
        if entry is None or entry.kind is Kind.BUILT_IN:
            return
        if entry.kind is Kind.DRAFT:
            self.list.takeItem(self.list.currentRow())
            return
        self.confirm_bar.ask(entry.profile.name)

    def remove_current(self) -> None:
        entry = self._entry
        if entry is None or entry.kind is not Kind.SAVED or self._busy:
            return
        name = entry.profile.name

        def removed(error: StudioError | None) -> None:
            self._set_busy(False)
            if error is not None:
                self._show_problem(i18n.message(error))
                return
            self._entry = None
            self.reload()
            self._forget_default(name, None)
            self.profiles_changed.emit()

        self._set_busy(True)
        self._in_thread(remove_profile, self.store, name, done=removed)

    # -- Save ------------------------------------------------------------------------------

    def save(self) -> None:
        entry = self._entry
        if entry is None or entry.kind is Kind.BUILT_IN or self._busy:
            return
        try:
            profile = self.form.profile()
            key = self.form.typed_key()
        except FormError as problem:
            self._show_problem(problem)
            return
        old_name = entry.saved_name
        if profile.name != old_name and profile.name in self.list.names(besides=entry):
            self._show_problem(
                FormError(
                    tr("There is already a profile named “{name}”. Choose another name.").format(
                        name=profile.name
                    ),
                    self.form.name_edit,
                )
            )
            return
        self._show_problem(None)
        key = key or entry.known_key or None
        key_source = old_name if old_name and old_name != profile.name else entry.copy_key_from
        self._set_busy(True)
        self._in_thread(
            write_profile, self.store, profile, key, old_name, key_source, done=self._on_saved
        )

    def _on_saved(self, saved: Saved) -> None:
        self._set_busy(False)
        if saved.error is not None:
            self._show_problem(i18n.message(saved.error))
            return
        self.form.clear_key()
        self._entry = None
        self.reload(select=saved.name)
        if saved.old_name:
            self._forget_default(saved.old_name, saved.name)
        if saved.key_status is KeyStatus.SESSION_ONLY:
            self._show_notice(i18n.message(session_only_notice(saved.name)), warning=True)
        else:
            self._show_notice(tr("Saved."), warning=False)
        self.profiles_changed.emit()

    def _show_notice(self, text: str, *, warning: bool) -> None:
        set_role(self.notice, "error" if warning else "hint")
        self.notice.setText(text)
        self.notice.show()

    def _forget_default(self, old: str, new: str | None) -> None:
        """The window's chosen profile follows a rename, and falls back after a removal."""
        bridge = self.services.bridge
        if bridge.default_profile != old:
            return
        names = self.services.profile_names()
        bridge.default_profile = new or (names[0] if names else "")
        if bridge.default_profile:
            self.services.preferences.profile = bridge.default_profile

    # -- Test connection -------------------------------------------------------------------

    def test_connection(self) -> None:
        entry = self._entry
        if entry is None or self.tester.running:
            return
        try:
            profile = self.form.profile() if entry.kind is not Kind.BUILT_IN else entry.profile
            typed = self.form.typed_key() if entry.kind is not Kind.BUILT_IN else None
        except FormError as problem:
            self._show_problem(problem)
            return
        self._show_problem(None)
        keys = self.store.keys
        self.tester.start(profile, lambda: entry.key_for_test(typed, keys))

    # -- plumbing --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _in_thread(self, function: Callable[..., T], *args: Any, done: Callable[[T], None]) -> None:
        """``function(*args)`` on a worker thread, then ``done(result)`` if the page is alive."""

        def finished(result: T) -> None:
            if Shiboken.isValid(self):
                done(result)

        self.services.bridge.spawn(asyncio.to_thread(function, *args), finished)
