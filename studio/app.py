"""``studio``: the desktop window. A placeholder until the window lands (issue 3/5)."""

from __future__ import annotations

import sys


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv)
    label = QLabel("Studio — the window is coming. Meanwhile: studio-cli generate --help")
    label.setMargin(24)
    label.setWindowTitle("Studio")
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
