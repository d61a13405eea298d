"""The pinned Qt binding must not corrupt the interpreter (PySide6 6.12.0 freed None on 3.11)."""

from __future__ import annotations

import subprocess
import sys


def test_many_void_calls_keep_python_alive() -> None:
    script = (
        "from PySide6.QtCore import QRect\n"
        "r = QRect()\n"
        "for _ in range(300000):\n"
        "    r.setWidth(1)\n"
        "print('alive')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0 and "alive" in result.stdout, result.stderr[-500:]
