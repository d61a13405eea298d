"""The menu on gallery images (right click) and in the detail view."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from studio.ui.actions import ImageActions


def tr(text: str) -> str:
    return QCoreApplication.translate("ImageMenu", text)


def entries() -> list[tuple[str, str] | None]:
    """(action, label) in menu order; None is a separator."""
    return [
        ("reuse", tr("Reuse settings")),
        ("use_as_reference", tr("Use as reference")),
        ("variations", tr("Variations")),
        ("edit_with_mask", tr("Edit with mask…")),
        ("expand_canvas", tr("Expand canvas…")),
        None,
        ("copy_image", tr("Copy image")),
        ("copy_prompt", tr("Copy prompt")),
        ("export", tr("Export…")),
        ("open_folder", tr("Open containing folder")),
        None,
        ("favourite", tr("Favourite")),
        ("delete", tr("Move to trash")),
    ]


def image_menu(
    parent: QWidget,
    image_ids: list[int],
    actions: ImageActions,
    boards: Sequence[tuple[int | None, str]] = (),
    move_to_board: Callable[[list[int], int | None], None] | None = None,
) -> QMenu:
    """``boards`` (id or None for "No board", name) fill "Move to board ▸" when
    ``move_to_board`` is given."""
    menu = QMenu(parent)
    single_only = {
        "reuse",
        "use_as_reference",
        "variations",
        "edit_with_mask",
        "expand_canvas",
        "copy_image",
        "copy_prompt",
        "open_folder",
    }
    for entry in entries():
        if entry is None:
            menu.addSeparator()
            continue
        name, label = entry
        action = menu.addAction(label)
        action.setObjectName(name)
        action.setEnabled(bool(image_ids) and (len(image_ids) == 1 or name not in single_only))
        action.triggered.connect(lambda _=False, n=name: actions.do(n, image_ids))
        if name == "open_folder" and move_to_board is not None:
            _board_menu(menu, image_ids, boards, move_to_board)
    return menu


def _board_menu(
    menu: QMenu,
    image_ids: list[int],
    boards: Sequence[tuple[int | None, str]],
    move_to_board: Callable[[list[int], int | None], None],
) -> None:
    submenu = menu.addMenu(tr("Move to board"))
    submenu.setObjectName("moveToBoard")
    submenu.setEnabled(bool(image_ids))
    for number, (board_id, name) in enumerate(boards):
        if number == 1:
            submenu.addSeparator()
        action = submenu.addAction(name)
        action.setObjectName(f"moveToBoard:{'' if board_id is None else board_id}")
        action.triggered.connect(lambda _=False, b=board_id: move_to_board(list(image_ids), b))
    if len(boards) < 2:
        submenu.addSeparator()
        hint = submenu.addAction(tr("No boards yet: add one in Boards"))
        hint.setEnabled(False)
