"""``studio-cli boards``: list, add, rename and remove boards (a designer's projects or clients).

Removing a board keeps its images: they belong to no board after. Exit codes: 0 done, 2 a name
that is empty, too long or taken, or a board that does not exist.
"""

from __future__ import annotations

import argparse
from typing import Any

from studio.cli.common import EXIT_INVALID, EXIT_OK, add_data_dir, open_store
from studio.cli.history import iso
from studio.cli.output import say, say_json
from studio.store.boards import (
    MAX_NAME,
    Board,
    BoardNameError,
    add_board,
    board_named,
    list_boards,
    remove_board,
    rename_board,
)

_NAME_PROBLEMS = {
    "empty": "a board needs a name",
    "too_long": f"a board's name has at most {MAX_NAME} characters",
    "taken": "there is already a board named {name} (names ignore case)",
}


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "boards",
        help="boards: a project's or client's images",
        description="Boards group images and jobs (a project, a client). Removing a board keeps "
        "its images. See a board's jobs with `studio-cli history list --board NAME`.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every board and how many images it has")
    listing.add_argument(
        "--json",
        action="store_true",
        help='print one JSON array: [{"id", "name", "images", "created_at"}]',
    )
    listing.set_defaults(handler=list_command)
    add = actions.add_parser("add", help="make a new board")
    add.add_argument("name", metavar="NAME")
    add.set_defaults(handler=add_command)
    rename = actions.add_parser("rename", help="give a board another name")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.set_defaults(handler=rename_command)
    remove = actions.add_parser("remove", help="remove a board (its images stay)")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=remove_command)
    for action in (listing, add, rename, remove):
        add_data_dir(action)


def board_object(board: Board) -> dict[str, Any]:
    return {
        "id": board.id,
        "name": board.name,
        "images": board.images,
        "created_at": iso(board.created_at),
    }


def _name_problem(error: BoardNameError) -> int:
    say(f"error: {_NAME_PROBLEMS[error.reason].format(name=error.name)}", error=True)
    return EXIT_INVALID


def _unknown(name: str) -> int:
    say(f"error: there is no board named {name}", error=True)
    return EXIT_INVALID


def list_command(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        boards = list_boards(store)
    if args.json:
        say_json([board_object(board) for board in boards])
    elif not boards:
        say("No boards yet. Make one with `studio-cli boards add NAME`.")
    else:
        width = max(len(board.name) for board in boards)
        for board in boards:
            say(f"{board.name:<{width}}  {board.images:>5} image(s)")
    return EXIT_OK


def add_command(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            board = add_board(store, args.name)
        except BoardNameError as error:
            return _name_problem(error)
    say(f"added board {board.name}")
    return EXIT_OK


def rename_command(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        board = board_named(store, args.old)
        if board is None:
            return _unknown(args.old)
        try:
            renamed = rename_board(store, board.id, args.new)
        except BoardNameError as error:
            return _name_problem(error)
    if renamed is None:
        return _unknown(args.old)
    say(f"renamed board {board.name} to {renamed.name}")
    return EXIT_OK


def remove_command(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        board = board_named(store, args.name)
        if board is None or not remove_board(store, board.id):
            return _unknown(args.name)
    say(f"removed board {board.name}; its images are kept")
    return EXIT_OK
