"""Marking user-visible text for translation without importing Qt.

The engine builds messages from English source strings marked with :func:`QT_TRANSLATE_NOOP`
(the name Qt's ``lupdate`` looks for); the UI translates them with
``QCoreApplication.translate(context, source)`` and then fills in the parameters.
"""

from __future__ import annotations

ERRORS = "Errors"
WARNINGS = "Warnings"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name lupdate knows)
    del context
    return source
