"""An API key goes into an HTTP header: only printable ASCII can travel there.

A key pasted from a web page or a chat often brings a line break, a zero-width space or a
look-alike letter with it. Such a key is refused where it is typed (settings, ``studio-cli
profiles add``) and again before any request, naming what is wrong and never showing the key.
"""

from __future__ import annotations

import unicodedata

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP

MSG_KEY_CHARACTER = QT_TRANSLATE_NOOP(
    ERRORS,
    "The API key contains {what}. A key is letters, digits and punctuation only: copy it again "
    "from the relay and paste just the key.",
)
MSG_KEY_INVISIBLE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The API key contains {what} ({code}), a character you cannot see. A key is letters, digits "
    "and punctuation only: copy it again from the relay and paste just the key.",
)
MSG_KEY_NON_ASCII = QT_TRANSLATE_NOOP(
    ERRORS,
    "The API key contains the non-ASCII character “{character}” ({code}). A key is letters, "
    "digits and punctuation only: copy it again from the relay and paste just the key.",
)

LINE_BREAK = QT_TRANSLATE_NOOP(ERRORS, "a line break")
TAB = QT_TRANSLATE_NOOP(ERRORS, "a tab")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_INVISIBLE_NAMES = {
    "\u200b": QT_TRANSLATE_NOOP(ERRORS, "a zero-width space"),
    "\u200c": QT_TRANSLATE_NOOP(ERRORS, "a zero-width non-joiner"),
    "\u200d": QT_TRANSLATE_NOOP(ERRORS, "a zero-width joiner"),
    "\u2060": QT_TRANSLATE_NOOP(ERRORS, "a word joiner"),
    "\ufeff": QT_TRANSLATE_NOOP(ERRORS, "a byte order mark"),
    "\u00a0": QT_TRANSLATE_NOOP(ERRORS, "a non-breaking space"),
    "\u00ad": QT_TRANSLATE_NOOP(ERRORS, "a soft hyphen"),
}
CONTROL = QT_TRANSLATE_NOOP(ERRORS, "a control character")
INVISIBLE = QT_TRANSLATE_NOOP(ERRORS, "an invisible character")


def _code(character: str) -> str:
    return f"U+{ord(character):04X}"


def api_key_problem(key: str) -> InputError | None:
    """Why ``key`` cannot be sent in a header (the first offending character), or None."""
    for character in key:
        if " " <= character <= "~":
            continue
        if character in _LINE_BREAKS:
            return InputError(ErrorKind.INVALID_INPUT, MSG_KEY_CHARACTER, what=LINE_BREAK)
        if character == "\t":
            return InputError(ErrorKind.INVALID_INPUT, MSG_KEY_CHARACTER, what=TAB)
        code = _code(character)
        if character in _INVISIBLE_NAMES:
            what = _INVISIBLE_NAMES[character]
        elif ord(character) < 0x20 or ord(character) == 0x7F or 0x80 <= ord(character) < 0xA0:
            what = CONTROL
        elif unicodedata.category(character) in ("Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"):
            what = INVISIBLE  # formatting marks, odd spaces, lone surrogates, unassigned
        else:
            return InputError(
                ErrorKind.INVALID_INPUT, MSG_KEY_NON_ASCII, character=character, code=code
            )
        return InputError(ErrorKind.INVALID_INPUT, MSG_KEY_INVISIBLE, what=what, code=code)
    return None


def check_api_key(key: str) -> None:
    """Raise the :func:`api_key_problem` of ``key``, if it has one."""
    if (problem := api_key_problem(key)) is not None:
        raise problem
