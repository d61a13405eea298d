"""The main window: composer on the left, gallery in the middle, detail and jobs in docks."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from studio.domain.errors import StudioError
from studio.domain.job import Job
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.composition import Composition
from studio.ui import i18n
from studio.ui.actions import ImageActions
from studio.ui.budget_guard import BudgetGuard
from studio.ui.composer.panel import ComposerPanel
from studio.ui.gallery.panel import GalleryPanel
from studio.ui.icons import icon
from studio.ui.notify import Notifier
from studio.ui.prompts.hooks import PromptLibraryHooks
from studio.ui.services import Services
from studio.ui.shortcuts import ShortcutSheet

if TYPE_CHECKING:  # built after the first paint (build_rest)
    from studio.ui.boards.panel import BoardsPanel
    from studio.ui.detail.panel import DetailPanel
    from studio.ui.jobs.panel import JobsPanel
    from studio.ui.mask.launcher import MaskPainterLauncher
    from studio.ui.outpaint.launcher import ExpandCanvasLauncher


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    closed = Signal()
    detail: DetailPanel
    jobs: JobsPanel
    jobs_summary: QLabel
    boards_panel: BoardsPanel
    mask_painter: MaskPainterLauncher
    expand_canvas: ExpandCanvasLauncher

    def __init__(self, services: Services, *, staged: bool = False) -> None:
        """``staged``: build what the first paint shows (composer, gallery, menus, the docks'
        frames) now, and the docks' contents in :meth:`build_rest` right after it — the
        studio's start-up. Otherwise everything is built at once."""
        super().__init__()
        self.services = services
        self.bridge = services.bridge
        self.setObjectName("MainWindow")
        self.setWindowTitle(tr("Studio — demo") if services.demo else tr("Studio"))
        self.resize(1440, 900)
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self._built = asyncio.Event() if staged else None

        self.actions_ = ImageActions(services, self)
        # The request being composed: the composer shows it; reuse, restore, "use as
        # reference", edit with mask and expand canvas change it.
        self.composition = Composition(services.catalog, services.preferences.model)
        self.composer = ComposerPanel(services, self.composition)
        # "/" in the prompt, Save prompt to library…, the library's manager
        self.prompt_library = PromptLibraryHooks(
            services, self.composition, self.composer.prompt, self
        )
        self.batch_dialog: QWidget | None = None
        self.gallery = GalleryPanel(services)
        self.notifier = Notifier(self)
        self._settings: QWidget | None = None
        self.budget = BudgetGuard(self.bridge, self)
        self.setCentralWidget(self.gallery)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        # Every dock's frame from the start (the layout doesn't jump, a saved layout applies);
        # the detail, jobs and boards fill theirs in build_rest.
        self.composer_dock = self._dock(
            "composer", tr("Compose"), self.composer, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.detail_dock = self._dock(
            "detail", tr("Detail"), QWidget(), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.jobs_dock = self._dock(
            "jobs", tr("Jobs"), QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.boards_dock = self._dock(  # beside the gallery, right of the composer
            "boards", tr("Boards"), QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.splitDockWidget(self.composer_dock, self.boards_dock, Qt.Orientation.Horizontal)
        self.resizeDocks([self.boards_dock], [220], Qt.Orientation.Horizontal)
        self._build_toolbar()
        self._build_menus()
        self._wire()
        self.statusBar().showMessage(tr("Ready."), 3000)
        if not staged:
            for step in self._rest():
                step()

    async def build_rest(self) -> None:
        """The docks' contents, a step at a time with the window answering in between."""
        for step in self._rest():
            await asyncio.sleep(0)
            step()
        if self._built is not None:
            self._built.set()

    async def fully_built(self) -> None:
        if self._built is not None:
            await self._built.wait()

    def _rest(self) -> list[Callable[[], None]]:
        return [self._build_detail, self._build_jobs, self._build_boards, self._build_launchers]

    def _build_detail(self) -> None:
        from studio.ui.detail.panel import DetailPanel

        self.detail = DetailPanel(self.services)
        self.detail_dock.setWidget(self.detail)
        self.gallery.current_changed.connect(self.detail.show_image)
        self.detail.action_requested.connect(
            lambda action, image_id: self.actions_.do(action, [image_id])
        )
        self.detail.message.connect(self._status)
        if selected := self.gallery.selected_image_ids():  # chosen before the detail was there
            self.detail.show_image(selected[0])

    def _build_jobs(self) -> None:
        from studio.ui.jobs.panel import JobsPanel

        self.jobs = JobsPanel(self.services)
        self.jobs_dock.setWidget(self.jobs)
        self.jobs.reuse_requested.connect(lambda job: self._reuse(job.request, job.profile_name))
        self.jobs.settings_requested.connect(lambda: self.open_settings())
        self.jobs_summary = QLabel(self.jobs.summary_line)
        self.jobs_summary.setObjectName("jobsSummaryStatus")
        self.jobs_summary.setProperty("role", "hint")
        self.statusBar().insertPermanentWidget(0, self.jobs_summary)
        self.jobs.summary_changed.connect(self.jobs_summary.setText)

    def _build_boards(self) -> None:
        from studio.ui.boards.panel import BoardsPanel

        self.boards_panel = BoardsPanel(self.services)
        self.boards_dock.setWidget(self.boards_panel)
        self.boards_panel.board_chosen.connect(self.gallery.set_board)
        self.boards_panel.message.connect(self._status)

    def _build_launchers(self) -> None:
        from studio.ui.mask.launcher import MaskPainterLauncher
        from studio.ui.outpaint.launcher import ExpandCanvasLauncher

        self.mask_painter = MaskPainterLauncher(self.composition, self.services, self)
        self.expand_canvas = ExpandCanvasLauncher(self.composition, self.services, self)
        self.actions_.expand_canvas.connect(self.expand_canvas.open)
        self.composer.expand_canvas_requested.connect(
            lambda reference: self.expand_canvas.open(reference, replace=True)
        )
        self.expand_canvas.expanded.connect(self._show_composer)
        self.expand_canvas.message.connect(self._status)
        self.composer.mask_painter_requested.connect(self.mask_painter.open)
        self.mask_painter.message.connect(self._status)
        self.budget.refresh()

    # -- building --------------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Relay"), self)
        bar.setObjectName("relayToolbar")
        bar.setMovable(False)
        batch = QToolButton()
        batch.setObjectName("batchButton")
        batch.setText(tr("Batch…"))
        batch.setToolTip(tr("Batch: many prompts at once, as one run (Ctrl+Shift+B)"))
        batch.setAutoRaise(True)
        batch.clicked.connect(self.open_batch)
        bar.addWidget(batch)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(tr("Profile:")))
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profileBox")
        self.profile_box.setMinimumWidth(180)
        self.refresh_profiles()
        self.profile_box.currentTextChanged.connect(self._on_profile_chosen)
        self.profile_box.setPlaceholderText(tr("No relay yet"))
        bar.addWidget(self.profile_box)
        relays = QToolButton()
        relays.setObjectName("relaysButton")
        relays.setText(tr("Relays"))
        relays.setIcon(icon("history"))
        relays.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        relays.setToolTip(tr("Relays: what each relay cost, delivered and hid (Ctrl+Shift+L)"))
        relays.setAutoRaise(True)
        relays.clicked.connect(self.open_relays)
        bar.addWidget(relays)
        settings = QToolButton()
        settings.setObjectName("settingsButton")
        settings.setIcon(icon("settings"))
        settings.setToolTip(tr("Settings: relays, look, export folder (Ctrl+,)"))
        settings.setAutoRaise(True)
        settings.clicked.connect(lambda: self.open_settings(add=not self.services.profile_names()))
        bar.addWidget(settings)
        if self.services.demo:
            badge = QLabel(tr("Demo"))
            badge.setObjectName("demoBadge")
            badge.setToolTip(
                tr(
                    "Demo mode: a simulated relay on this computer. Nothing is sent "
                    "anywhere and nothing is billed."
                )
            )
            bar.addWidget(badge)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def refresh_profiles(self) -> None:
        """The relays changed (or the window opens): list them; the first relay saved becomes
        the current one, and one added while another is current is offered."""
        names = self.services.profile_names()
        known = getattr(self, "_known_profiles", None)
        self._known_profiles = set(names)
        added = [name for name in names if known is not None and name not in known]
        current = self.bridge.default_profile
        if names and current not in names:
            self._use_profile(added[-1] if added else names[0])
        elif added and current:
            self._offer_profile(added[-1], current)
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        self.profile_box.addItems(names)
        if self.bridge.default_profile:
            self.profile_box.setCurrentText(self.bridge.default_profile)
        else:
            self.profile_box.setCurrentIndex(-1)  # the placeholder: "No relay yet"
        self.profile_box.blockSignals(False)
        if hasattr(self, "gallery"):
            self.gallery.update_empty_state()

    def _use_profile(self, name: str) -> None:
        self.bridge.default_profile = name
        self.services.preferences.profile = name
        if self.profile_box.currentText() != name:
            self.profile_box.blockSignals(True)
            self.profile_box.setCurrentText(name)
            self.profile_box.blockSignals(False)

    def _offer_profile(self, name: str, current: str) -> None:
        """A relay saved while another is in use: ask (without blocking) whether to switch."""
        from shiboken6 import Shiboken

        dialog = self._settings
        shown = dialog is not None and Shiboken.isValid(dialog) and dialog.isVisible()
        parent = dialog if shown and dialog is not None else self
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Use the new relay?"),
            tr("“{name}” is saved. Use it now instead of “{current}”?").format(
                name=name, current=current
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setObjectName("useNewRelay")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if box.standardButton(button) is QMessageBox.StandardButton.Yes:
                self._use_profile(name)

        box.buttonClicked.connect(answered)
        box.open()

    def _on_profile_chosen(self, name: str) -> None:
        if name:
            self._use_profile(name)

    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence | str | None = None,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(context)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        selected = self.gallery.selected_image_ids
        file_menu = menu.addMenu(tr("&File"))
        self.export_action = self._action(
            tr("&Export…"), lambda: self.actions_.do("export", selected()), "Ctrl+E"
        )
        file_menu.addAction(self.export_action)
        file_menu.addAction(self._action(tr("&Settings…"), lambda: self.open_settings(), "Ctrl+,"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit_menu = menu.addMenu(tr("&Edit"))
        undo = self.actions_.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.gallery.addAction(undo)
        edit_menu.addAction(undo)
        redo = self.actions_.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.gallery.addAction(redo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(tr("Paste as &reference"), self.composer.paste))
        edit_menu.addAction(
            self._action(tr("&Copy image"), lambda: self.actions_.do("copy_image", selected()))
        )
        edit_menu.addAction(
            self._action(tr("Copy &prompt"), lambda: self.actions_.do("copy_prompt", selected()))
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self.prompt_library.save_action)
        edit_menu.addAction(self._action(tr("Prompt &library…"), self.prompt_library.open_manager))
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                tr("&Favourite"),
                lambda: self.actions_.do("favourite", selected()),
                "F",
                Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        )
        delete = self._action(
            tr("&Delete"),
            lambda: self.actions_.do("delete", selected()),
            QKeySequence.StandardKey.Delete,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.gallery.addAction(delete)
        edit_menu.addAction(delete)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(tr("&Find in prompts"), self.gallery.focus_search, "Ctrl+F")
        )

        view_menu = menu.addMenu(tr("&View"))
        for dock in (self.composer_dock, self.boards_dock, self.detail_dock, self.jobs_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self.relays_action = self._action(tr("&Relays…"), self.open_relays, "Ctrl+Shift+L")
        view_menu.addAction(self.relays_action)

        jobs_menu = menu.addMenu(tr("&Jobs"))
        jobs_menu.addAction(self._action(tr("&Generate"), self.composer.generate))
        self.batch_action = self._action(tr("&Batch…"), self.open_batch, "Ctrl+Shift+B")
        jobs_menu.addAction(self.batch_action)
        jobs_menu.addAction(
            self._action(
                tr("&Reuse settings"), lambda: self.actions_.do("reuse", selected()), "Ctrl+R"
            )
        )
        jobs_menu.addAction(
            self._action(
                tr("Use as r&eference"), lambda: self.actions_.do("use_as_reference", selected())
            )
        )

        help_menu = menu.addMenu(tr("&Help"))
        help_menu.addAction(self._action(tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"))
        self._action("", self.show_shortcuts, "Ctrl+/")

    def _wire(self) -> None:
        bridge = self.bridge
        self.composer.generate_requested.connect(self._generate)
        self.gallery.image_activated.connect(self._activate)
        self.gallery.runs.page.compare_requested.connect(self._compare_images)  # Runs tab
        self.composer.compare.sent.connect(lambda _: self.gallery.runs.show_runs())
        self.gallery.context_requested.connect(self._context_menu)
        self.gallery.try_demo_requested.connect(self.try_demo)
        self.gallery.add_relay_requested.connect(self.add_relay)
        self.actions_.reuse.connect(self._reuse)
        self.actions_.use_as_reference.connect(self._add_reference)
        self.actions_.edit_with_mask.connect(self._edit_with_mask)
        self.actions_.generate.connect(self._generate)
        self.prompt_library.message.connect(self._status)
        self.actions_.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        bridge.job_changed.connect(self._on_job_changed)
        self.statusBar().addPermanentWidget(self.budget.spend_label)
        bridge.profile_switched.connect(lambda _: self.budget.refresh())

    # -- behaviour -------------------------------------------------------------------------

    def _generate(self, request: GenerationRequest, profile: str) -> None:
        """Send ``request`` — after asking, when it would pass the relay's budget."""
        relay = profile or self.bridge.default_profile

        def submit() -> None:
            self.services.preferences.remember_prompt(request.prompt)
            self.bridge.submit(request, relay or None)

        self.budget.send(request, relay, submit)

    def _activate(self, image_id: int) -> None:
        self.detail.show_image(image_id)
        self.detail_dock.show()
        self.detail_dock.raise_()

    def _compare_images(self, image_id: int, others: list[tuple[str, Path]]) -> None:
        """A run's results in the detail view's compare."""
        self.detail.show_compared(image_id, others)
        self.detail_dock.show()
        self.detail_dock.raise_()

    def _context_menu(self, image_ids: list[int], position) -> None:
        from studio.ui.context_menu import image_menu

        boards = self.boards_panel
        image_menu(self, image_ids, self.actions_, boards.choices(), boards.move_images).popup(
            position
        )

    def _reuse(self, request: GenerationRequest, profile: str) -> None:
        self.composition.set_request(request, profile)
        self.composer_dock.show()
        self.composer.focus_prompt()

    def _add_reference(self, reference: Reference) -> None:
        self.composer.tray.add([reference])  # the tray says when there is no room
        self.composer_dock.show()

    def _edit_with_mask(self, reference: Reference, model: str, previous: Mask | None) -> None:
        """The painter on a gallery image (with the mask its job used, to refine it)."""
        with self.composition.group("edit with mask"):
            switched = self.composition.use_mask_capable_model(model)  # first: it may take no refs
            self.composer.tray.add([reference], first=True)
        self.mask_painter.previous = (reference, previous) if previous is not None else None
        if switched:
            self.mask_painter.note = tr(
                "The model is now {model}: the one chosen before cannot edit with a mask."
            ).format(model=switched)
        self.composer.mask_painter_requested.emit(0)

    def _show_composer(self) -> None:
        self.composer_dock.show()
        self.composer.focus_prompt()

    def _status(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 10000)
        else:
            self.statusBar().clearMessage()

    def _on_job_changed(self, job: Job) -> None:
        if job.state.is_terminal:
            self.notifier.job_finished(job)
            self.budget.refresh()

    def open_settings(self, add: bool = False) -> QWidget:
        """The settings dialog (one at a time); ``add`` starts a new relay."""
        from shiboken6 import Shiboken

        from studio.ui.settings.dialog import SettingsDialog

        if self._settings is None or not Shiboken.isValid(self._settings):
            self._settings = SettingsDialog(self.services, self)
            self._settings.profiles_changed.connect(self.refresh_profiles)
            self._settings.finished.connect(lambda _: self.refresh_profiles())
        self._settings.open()
        if add:
            self._settings.show_relays(add=True)
        return self._settings

    def open_batch(self) -> QWidget:
        """The Batch dialog (non-modal, one kept: a batch being sent goes on when it closes)."""
        from shiboken6 import Shiboken

        from studio.ui.batch.dialog import BatchDialog  # with its first opening

        dialog = self.batch_dialog
        if dialog is None or not Shiboken.isValid(dialog):
            dialog = self.batch_dialog = BatchDialog(self.services, self.composition, self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_relays(self) -> QWidget:
        """The Relays page (non-modal, one at a time), its figures read again."""
        from shiboken6 import Shiboken

        from studio.ui.relays.page import RelaysPage  # with its first opening, not at start-up

        page = getattr(self, "relays_page", None)
        if page is None or not Shiboken.isValid(page):
            page = self.relays_page = RelaysPage(self.services, self)
        page.refresh()
        page.show()
        page.raise_()
        page.activateWindow()
        return page

    def add_relay(self) -> None:
        self.open_settings(add=True)

    def try_demo(self) -> None:
        from studio.ui.demo import Demo

        if self.services.demo_profile is None:
            demo = Demo.prepare()
            demo.start()
            self.services.demo_profile = demo.profile
            self._demo = demo
            self.destroyed.connect(lambda: demo.stop())
        self.bridge.default_profile = self.services.demo_profile.name
        self.refresh_profiles()
        self.composer.focus_prompt()

    def show_shortcuts(self) -> None:
        ShortcutSheet(self).open()

    # -- drops: an exported studio image anywhere restores its settings ---------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.bridge.spawn(self._restore_first(paths))

    async def _restore_first(self, paths: list[Path]) -> None:
        for path in paths:
            if await self.restore_from_file(path):
                return
        self.statusBar().showMessage(
            tr("That file carries no studio settings. Drop it on References to use it there."), 6000
        )

    async def restore_from_file(self, path: Path) -> bool:
        """The settings ``path`` carries (a studio image) into the composition; False when it
        carries none. The file is read on a worker thread."""
        try:
            restored = await self.bridge.restore_from_image(path)
        except (StudioError, OSError):  # not a studio image, or not readable
            return False
        self.composition.set_request(restored.request, restored.profile or None)
        text = tr("Settings restored from {name}.").format(name=path.name)
        for note in restored.notes:
            text += " " + i18n.message(note)
        self.statusBar().showMessage(text, 8000 + 4000 * len(restored.notes))
        return True

    # -- life cycle ------------------------------------------------------------------------

    async def ready(self) -> None:
        """The window is shown and the gallery's first page is in."""
        await self.gallery.first_page_loaded()
        await asyncio.sleep(0.01)  # let Qt paint (never processEvents() inside a coroutine)

    def restore_layout(self) -> None:
        geometry, state = self.services.preferences.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.services.preferences.save_window_state(self.saveGeometry(), self.saveState())
        if hasattr(self, "mask_painter"):
            self.mask_painter.close()
        if hasattr(self, "detail"):
            self.detail.vary_region.close()
        event.accept()
        self.closed.emit()
