"""The reference tray: the composition's references as thumbnails, in the order they are sent.

Drops, pastes, the file picker and a tile's buttons change the composition (which keeps the
model's limit); the tiles follow its ``references``. What the tray keeps itself is only what is
on screen: the tiles with their thumbnails, pasted images still being encoded, a notice."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, Signal
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from studio.domain.request import Reference
from studio.engine.composition import Composition
from studio.ui.composer.sources import (
    IMAGE_SUFFIXES,
    harvest,
    png_bytes,
    read_image,
)
from studio.ui.composer.tile import TILE, ReferenceTile
from studio.ui.composer.tray_drops import TrayDrops
from studio.ui.icons import icon
from studio.ui.widgets.flow_layout import FlowLayout
from studio.ui.widgets.labels import role_label, section_label, set_role

THUMBNAIL_SIDE = 256  # decoded size: sharp when cropped to a tile on HiDPI screens
Spawn = Callable[..., None]  # EngineBridge.spawn(coroutine, done)


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerReferences", text)


def limit_text(model: str, limit: int) -> str:
    if limit == 1:
        return tr("{model} takes only one reference image.").format(model=model)
    return tr("{model} takes at most {limit} reference images.").format(model=model, limit=limit)


class ReferenceTray(TrayDrops, QWidget):
    """The composition's references; ``changed`` after the tiles followed an add, remove or
    move."""

    changed = Signal()
    paste_requested = Signal()
    preview_requested = Signal(object)  # Reference
    expand_requested = Signal(object)  # Reference: a tile's "Expand canvas…"
    mask_requested = Signal()  # a tile's "Paint a mask…": that tile was made #1

    def __init__(
        self, composition: Composition, spawn: Spawn, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referenceTray")
        self.setAcceptDrops(True)
        self.composition = composition
        self.spawn = spawn
        self.model = ""
        self.max_refs = 16
        self.markup_offered = False
        self.tiles: list[ReferenceTile] = []
        self.pending = 0  # pasted images still being encoded
        self._notice = ""
        self._dialog: QFileDialog | None = None

        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(section_label(tr("References")))
        header.addStretch(1)
        self.count_label = role_label("hint")
        self.count_label.setObjectName("referenceCount")
        header.addWidget(self.count_label)

        self.area = QFrame()
        self.area.setObjectName("referenceArea")
        self.area.setStyleSheet(
            "QFrame#referenceArea { border: 1px solid transparent; border-radius: 8px; }"
            'QFrame#referenceArea[dropping="true"] { border: 1px dashed palette(highlight); }'
        )
        self.flow = FlowLayout(self.area, spacing=8)
        self.add_button = QToolButton()
        self.add_button.setObjectName("addReference")
        self.add_button.setIcon(icon("add"))
        self.add_button.setFixedSize(TILE, TILE)
        self.add_button.setToolTip(tr("Add reference images (or drop or paste them here)"))
        self.add_button.setStyleSheet(
            "QToolButton { border: 1px dashed palette(mid); border-radius: 8px; }"
            "QToolButton:hover { border-color: palette(highlight); }"
        )
        self.add_button.clicked.connect(self.choose_files)
        self.flow.addWidget(self.add_button)
        self.marker = QFrame(self.area)
        self.marker.setObjectName("dropMarker")
        self.marker.setFixedSize(3, TILE)
        self.marker.setStyleSheet("background: palette(highlight); border-radius: 1px;")
        self.marker.hide()

        self.message = role_label("hint")
        self.message.setObjectName("referenceMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.area)
        layout.addWidget(self.message)
        composition.events.model.connect(self._on_model)
        composition.events.references.connect(self._follow)
        composition.refused.connect(self._on_refused)
        self._on_model()
        self._follow(composition.references)

    # -- what the tray holds ---------------------------------------------------------------

    def references(self) -> tuple[Reference, ...]:
        return self.composition.references

    def unreadable(self) -> list[str]:
        """Names of references whose file could not be read as an image."""
        return [tile.reference.name for tile in self.tiles if tile.failed]

    def room(self) -> int:
        return max(0, self.max_refs - len(self.tiles) - self.pending)

    def set_references(self, references: Sequence[Reference]) -> None:
        """Replace everything (restoring a request): kept even past the limit, which is shown."""
        self._notice = ""
        self.composition.references = tuple(references)
        self._refresh()

    def add(
        self, references: Sequence[Reference], *, first: bool = False, at: int | None = None
    ) -> int:
        """Add up to the model's limit at ``at`` (first: 0; None: the end); say what was left
        out. The number added."""
        if not references:
            return 0
        if self.max_refs == 0:
            self._notice = self._no_refs_text()
            self._refresh()
            return 0
        self._notice = ""
        added = self.composition.add_references(
            references, at=0 if first else at, reserved=self.pending
        )
        self._refresh()
        return added

    def add_mime(self, mime: QMimeData, *, pasted: bool = False, at: int | None = None) -> bool:
        """Add what ``mime`` carries (files and links at ``at``, None: the end; pasted pixels
        at the end once encoded); True when something was (or is being) added."""
        found = harvest(mime, pasted=pasted)
        notes = []
        if found.rejected:
            notes.append(tr("Not an image: {names}.").format(names=", ".join(found.rejected)))
        if self.max_refs == 0 and found.count:
            self._notice = self._no_refs_text()
            self._refresh()
            return False
        added = self.add(found.references, at=at) if found.references else 0
        room = self.room()
        encoding, skipped = found.images[:room], found.images[room:]
        for name, image in encoding:
            self._encode(name, image)
        if skipped:
            notes.insert(0, self._skipped_text([name for name, _ in skipped]))
        elif self._notice:
            notes.insert(0, self._notice)
        if not found.count and not found.rejected and pasted:
            notes.append(
                tr("Nothing to paste: copy an image, an image file or a link to an image first.")
            )
        self._notice = " ".join(notes)
        self._refresh()
        return bool(added or encoding)

    def _encode(self, name: str, image: QImage) -> None:
        self.pending += 1

        def done(data: bytes) -> None:
            if not Shiboken.isValid(self):
                return
            self.pending -= 1
            if data:
                self.add([Reference(name=name, data=data)])
            else:
                self._notice = tr("The pasted image could not be read.")
                self._refresh()

        self.spawn(asyncio.to_thread(png_bytes, image), done)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.tiles):
            had_focus = self.tiles[index].hasFocus()
            self._notice = ""
            self.composition.remove_reference(index)
            if had_focus and self.tiles:
                self.tiles[min(index, len(self.tiles) - 1)].setFocus()

    def move_reference(self, source: int, target: int) -> None:
        """Move the reference at ``source`` to insertion point ``target`` (0…count)."""
        if not 0 <= source < len(self.tiles):
            return
        tile = self.tiles[source]
        self.composition.move_reference(source, target)
        tile.setFocus()

    def clear(self) -> None:
        self.set_references(())

    # -- following the composition ---------------------------------------------------------

    def _on_model(self, *_: object) -> None:
        spec = self.composition.spec
        self.model = spec.id
        self.max_refs = spec.max_refs
        self.markup_offered = spec.markup
        for tile in self.tiles:
            tile.markup_offered = spec.markup
        self._notice = ""
        self._refresh()

    def _follow(self, references: tuple[Reference, ...]) -> None:
        """The tiles become ``references``: a tile whose reference stays is kept (with its
        thumbnail and focus), new ones are made, the rest go."""
        spare = list(self.tiles)
        tiles: list[ReferenceTile] = []
        for reference in references:
            found = next((t for t in spare if t.reference is reference), None)
            found = found or next((t for t in spare if t.reference == reference), None)
            if found is not None:
                spare.remove(found)
            tiles.append(found or self._tile(reference))
        for tile in spare:
            self._drop_tile(tile)
        self.tiles = tiles
        self._changed()

    def _on_refused(self, skipped: tuple[Reference, ...]) -> None:
        self._notice = self._skipped_text([reference.name for reference in skipped])
        self._refresh()

    # -- tiles -----------------------------------------------------------------------------

    def _tile(self, reference: Reference) -> ReferenceTile:
        tile = ReferenceTile(reference, self.area)
        tile.remove_requested.connect(lambda t: self.remove(self.tiles.index(t)))
        tile.preview_requested.connect(lambda t: self.preview_requested.emit(t.reference))
        tile.move_requested.connect(self._step)
        tile.expand_requested.connect(lambda t: self.expand_requested.emit(t.reference))
        tile.mask_requested.connect(self._paint_on)
        tile.markup_requested.connect(self._use_as_markup)
        tile.markup_offered = self.markup_offered
        if not reference.is_remote:

            def loaded(image: QImage) -> None:
                if Shiboken.isValid(tile):
                    tile.set_image(image)

            self.spawn(asyncio.to_thread(read_image, reference, THUMBNAIL_SIDE), loaded)
        return tile

    def _drop_tile(self, tile: ReferenceTile) -> None:
        self.flow.removeWidget(tile)
        tile.hide()
        tile.deleteLater()

    def _step(self, tile: ReferenceTile, step: int) -> None:
        index = self.tiles.index(tile)
        self.move_reference(index, index + (2 if step > 0 else -1))

    def _paint_on(self, tile: ReferenceTile) -> None:
        if tile in self.tiles:
            self.move_reference(self.tiles.index(tile), 0)
            self.mask_requested.emit()

    def _use_as_markup(self, tile: ReferenceTile) -> None:
        if tile in self.tiles:
            self.composition.use_as_markup(self.tiles.index(tile))

    def _relayout(self) -> None:
        for tile in self.tiles:
            self.flow.removeWidget(tile)
        self.flow.removeWidget(self.add_button)
        previous: QWidget | None = None
        for index, tile in enumerate(self.tiles):
            self.flow.addWidget(tile)
            tile.set_index(index, over_limit=index >= self.max_refs)
            tile.show()
            if previous is not None:
                QWidget.setTabOrder(previous, tile)
            previous = tile
        self.flow.addWidget(self.add_button)

    def _changed(self) -> None:
        self._relayout()
        self._refresh()
        self.changed.emit()

    # -- words -----------------------------------------------------------------------------

    def _no_refs_text(self) -> str:
        return tr("{model} does not take reference images.").format(model=self.model)

    def _skipped_text(self, names: list[str]) -> str:
        return "{limit} {skipped}".format(
            limit=limit_text(self.model, self.max_refs),
            skipped=tr("Not added: {names}.").format(names=", ".join(names)),
        )

    def _refresh(self) -> None:
        count, limit = len(self.tiles), self.max_refs
        over = count > limit
        if limit == 0 and count == 0:
            self.count_label.setText(tr("not used"))
        else:
            self.count_label.setText(f"{count} / {limit}")
        set_role(self.count_label, "error" if over else "hint")
        self.add_button.setVisible(limit > 0 and count + self.pending < limit)
        for tile in self.tiles:
            tile.set_index(tile.index, over_limit=tile.index >= limit)
        if self._notice:
            text, role = self._notice, "error"
        elif over and limit == 0:
            text, role = self._no_refs_text() + " " + tr("Remove them to generate."), "error"
        elif over:
            text, role = (
                limit_text(self.model, limit) + " " + tr("Remove the dimmed ones to generate."),
                "error",
            )
        elif limit == 0:
            text, role = self._no_refs_text(), "hint"
        elif count == 0:
            text, role = tr("Drop images here, paste them (Ctrl+V) or click +."), "hint"
        else:
            text, role = "", "hint"
        self.message.setText(text)
        set_role(self.message, role)
        self.message.setVisible(bool(text))

    # -- adding by hand --------------------------------------------------------------------

    def choose_files(self) -> None:
        if self._dialog is None:
            self._dialog = QFileDialog(self, tr("Add reference images"))
            self._dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
            patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
            self._dialog.setNameFilter(tr("Images ({patterns})").format(patterns=patterns))
            self._dialog.filesSelected.connect(self._files_chosen)
        self._dialog.open()  # never exec(): the loop keeps running

    def _files_chosen(self, paths: list[str]) -> None:
        self.add([Reference(name=Path(p).name, path=Path(p)) for p in paths])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Paste):
            event.accept()
            self.paste_requested.emit()
            return
        super().keyPressEvent(event)
