"""What the Boards sidebar says, in words (one translation context, "Boards")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.engine.board_export import BoardExport, BoardExportError
from studio.store.boards import MAX_NAME, BoardNameError


def tr(text: str) -> str:
    return QCoreApplication.translate("Boards", text)


def all_images() -> str:
    return tr("All images")


def no_board() -> str:
    return tr("No board")


def name_problem(error: BoardNameError) -> str:
    if error.reason == "empty":
        return tr("A board needs a name.")
    if error.reason == "too_long":
        return tr("That name is too long: at most {limit} characters.").format(limit=MAX_NAME)
    return tr("There is already a board called “{name}”.").format(name=error.name)


def moved(count: int, board: str | None) -> str:
    if board is None:
        return tr("{count} image(s) moved to “No board”.").format(count=count)
    return tr("{count} image(s) moved to “{board}”.").format(count=count, board=board)


def exported(result: BoardExport, board: str) -> str:
    if result.cancelled:
        text = tr("Export of “{board}” stopped: {count} image(s) are in {folder}.")
    else:
        text = tr("Exported {count} image(s) of “{board}” to {folder}.")
    text = text.format(count=result.done, board=board, folder=result.folder)
    if result.already_there:
        text += " " + tr("{count} were there from an earlier export.").format(
            count=result.already_there
        )
    if result.missing:
        text += " " + tr("{count} could not be found in the history's folder.").format(
            count=result.missing
        )
    return text


def export_failed(error: BoardExportError) -> str:
    folder = str(error.folder)
    if error.reason == "full":
        text = tr("The disk is full: {done} of {total} image(s) were exported to {folder}.")
    elif error.reason == "unwritable":
        text = tr("{folder} cannot be written to: choose another folder.")
    else:
        text = tr("The export stopped after {done} of {total} image(s): {cause}.")
    filled = text.format(done=error.done, total=error.total, folder=folder, cause=error.cause)
    return filled + " " + tr("Nothing is lost: Studio's history keeps every original.")
