"""What can be checked before a request is stored, sent or paid for, and is checked.

:func:`preflight` refuses (with an :class:`InputError`: nothing was sent) a request whose key
cannot travel in a header, whose text is not UTF-8 (argv with invalid bytes arrives as lone
surrogates), or whose settings could not be written into its exported images afterwards.
:func:`writable_folder` refuses a folder the studio could not write its results or history to.
Both run before anything is created: the CLI calls them first, the request manager again.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from studio.domain.errors import ErrorKind, InputError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.keys import check_api_key
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest

MSG_TEXT_NOT_UTF8 = QT_TRANSLATE_NOOP(
    ERRORS,
    "The {what} contains bytes that are not UTF-8 text. Type it again, or convert the text to "
    "UTF-8.",
)
MSG_REFERENCE_NAME_NOT_UTF8 = QT_TRANSLATE_NOOP(
    ERRORS,
    "The file name of reference image {number} contains bytes that are not UTF-8 text. Rename "
    "the file and add it again.",
)
MSG_MASK_NAME_NOT_UTF8 = QT_TRANSLATE_NOOP(
    ERRORS,
    "The mask's file name contains bytes that are not UTF-8 text. Rename the file and add it "
    "again.",
)
MSG_PROVENANCE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The settings of this request could not be saved with its images ({reason}). Change the "
    "prompt or the options and try again.",
)
MSG_FOLDER = QT_TRANSLATE_NOOP(ERRORS, "The folder {path} cannot be created or written: {reason}.")

# Text a user types, by the word the message uses for it.
_TEXT_FIELDS = {
    "prompt": QT_TRANSLATE_NOOP(ERRORS, "prompt"),
    "negative_prompt": QT_TRANSLATE_NOOP(ERRORS, "negative prompt"),
    "model": QT_TRANSLATE_NOOP(ERRORS, "model name"),
    "ratio": QT_TRANSLATE_NOOP(ERRORS, "ratio"),
    "resolution": QT_TRANSLATE_NOOP(ERRORS, "resolution"),
    "size": QT_TRANSLATE_NOOP(ERRORS, "size"),
    "quality": QT_TRANSLATE_NOOP(ERRORS, "quality"),
    "style": QT_TRANSLATE_NOOP(ERRORS, "style"),
    "output_format": QT_TRANSLATE_NOOP(ERRORS, "output format"),
    "background": QT_TRANSLATE_NOOP(ERRORS, "background"),
    "blend_dimensions": QT_TRANSLATE_NOOP(ERRORS, "blend shape"),
}


def is_utf8(text: str | None) -> bool:
    """Whether ``text`` can be written as UTF-8 (no lone surrogates from undecodable bytes)."""
    if text is None:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(request: GenerationRequest) -> None:
    for name, word in _TEXT_FIELDS.items():
        if not is_utf8(getattr(request, name)):
            raise InputError(ErrorKind.INVALID_INPUT, MSG_TEXT_NOT_UTF8, what=word)
    for number, reference in enumerate(request.references, start=1):
        names = (reference.name, str(reference.path) if reference.path else None, reference.url)
        if not all(is_utf8(name) for name in names):
            raise InputError(ErrorKind.INVALID_INPUT, MSG_REFERENCE_NAME_NOT_UTF8, number=number)
    if request.mask is not None and not is_utf8(request.mask.name):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_MASK_NAME_NOT_UTF8)


def _check_provenance(request: GenerationRequest, profile: Profile) -> None:
    """The exported images will carry this request's provenance: it must be writable now, not
    after the relay was paid."""
    from studio.imaging.provenance import Provenance  # Pillow-free, but not needed at start-up

    try:
        Provenance.from_request(request, job_id="preflight", profile=profile.name)
    except ValueError as problem:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_PROVENANCE, reason=str(problem)) from None


def preflight(request: GenerationRequest, profile: Profile) -> None:
    """Raise an :class:`InputError` for anything about ``request`` (sent with ``profile``) that
    would fail, or be wrong, only after it was sent. Cheap: no file is read, nothing is sent."""
    check_api_key(profile.api_key)
    _check_text(request)
    _check_provenance(request, profile)


def writable_folder(path: Path, template: str = MSG_FOLDER) -> None:
    """Create ``path`` if it is missing and prove it can be written (a file is made and
    removed); an :class:`InputError` from ``template`` (``{path}``, ``{reason}``) otherwise."""

    def refuse(problem: OSError | str) -> InputError:
        reason = problem if isinstance(problem, str) else (problem.strerror or str(problem))
        return InputError(ErrorKind.INVALID_INPUT, template, path=str(path), reason=reason)

    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise refuse(os.strerror(errno.ENOTDIR)) from None
    except OSError as problem:
        raise refuse(problem) from None
    if not path.is_dir():
        raise refuse(os.strerror(errno.ENOTDIR))
    try:
        with tempfile.TemporaryFile(dir=path, prefix=".studio-write-check-"):
            pass
    except OSError as problem:
        raise refuse(problem) from None
