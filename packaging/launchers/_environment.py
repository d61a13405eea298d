"""Shared by both launchers: hand programs the studio starts the user's own environment.

PyInstaller's bootloader points ``LD_LIBRARY_PATH`` into the bundle (keeping the user's value in
``LD_LIBRARY_PATH_ORIG``) and its PySide6 hook sets ``QT_PLUGIN_PATH`` and ``QML2_IMPORT_PATH``.
This process no longer needs them once it runs Python: the dynamic loader reads
``LD_LIBRARY_PATH`` only when the process starts, and PySide6 finds its plugins through its own
embedded qt.conf. But a program the studio starts ("Open folder" runs xdg-open and the file
manager) would inherit them and load the bundle's Qt, OpenSSL or SQLite instead of its own.
"""

import os
import sys


def restore_user_environment() -> None:
    if not getattr(sys, "frozen", False):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
    for name in ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH"):
        os.environ.pop(name, None)
