"""``studio``: the desktop window. A placeholder until the window lands (issue 3/5)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="studio", description="Studio, the image studio.")
    parser.add_argument("--demo", action="store_true", help="use the built-in simulated relay")
    parser.add_argument("--data-dir", help="where history and images live")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    text = QCoreApplication.translate(
        "Placeholder",
        "Studio: the window is on its way.\n"
        "Meanwhile every engine feature works from a terminal: studio-cli generate --help",
    )
    if args.demo:
        text += "\n\n" + QCoreApplication.translate(
            "Placeholder", "Demo mode: try studio-cli simulate, then studio-cli generate."
        )
    label = QLabel(text)
    label.setMargin(32)
    label.setWindowTitle("Studio")
    label.resize(640, 240)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
