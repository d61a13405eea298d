"""The log file and the console log pass every line through the one redaction rule:
messages, their arguments, exception tracebacks and stack traces."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.domain.profile import Profile
from studio.logs import setup_logging

KEY = "zz-Logged-Key-4711-abcdef"
GEMINI = "AIzaLoggedQueryValue123"
PASSWORD = "pw-in-the-url-9876"


@pytest.fixture
def log_file() -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    path = setup_logging(console=True, level=logging.DEBUG)
    assert path is not None
    try:
        yield path
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def _raise_quoting_secrets() -> None:
    url = f"https://relay.example/v1beta/models/x:generate?key={GEMINI}"
    raise RuntimeError(f"Illegal header value b'Bearer {KEY}' for {url}")


def _console() -> io.StringIO:
    """What the console handler (``-v``) writes, caught in a string."""
    stream = io.StringIO()
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setStream(stream)
    return stream


def test_tracebacks_arguments_and_stacks_are_redacted(log_file: Path) -> None:
    stream = _console()
    Profile("p", "https://relay.example", api_key=KEY)
    log = logging.getLogger("studio.test")
    try:
        _raise_quoting_secrets()
    except RuntimeError:
        log.exception("the job failed")
    log.warning("sending to %s with %r", f"https://u:{PASSWORD}@relay.example/v1", {"k": KEY})
    log.error("failed", exc_info=RuntimeError(f"echo {KEY}"))
    log.info("where %s", KEY, stack_info=True)
    for handler in logging.getLogger().handlers:
        handler.flush()

    written = log_file.read_text(encoding="utf-8")
    console = stream.getvalue()
    for text in (written, console):
        assert "Traceback" in text and "_raise_quoting_secrets" in text
        assert "the job failed" in text and "relay.example" in text
        for secret in (KEY, GEMINI, PASSWORD):
            assert secret not in text
        assert "***" in text


def test_a_message_without_secrets_is_logged_as_it_is(log_file: Path) -> None:
    logging.getLogger("studio.test").info("ready in %.0f ms", 123.4)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ready in 123 ms" in log_file.read_text(encoding="utf-8")


def test_a_handler_that_fails_does_not_print_the_record(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Profile("p", "https://relay.example", api_key=KEY)
    broken = io.StringIO()
    broken.close()
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setStream(broken)
    try:
        _raise_quoting_secrets()
    except RuntimeError:
        logging.getLogger("studio.test").exception("the job failed")
    printed = capsys.readouterr().err
    assert "could not write a log line" in printed
    assert KEY not in printed and GEMINI not in printed
