"""Keyrings in memory for tests: one that works, one that raises, one that blocks (a locked
keyring waiting for the user), passed to ``KeyStore(backend)`` or made the process's keyring."""

from __future__ import annotations

import threading

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.readers: list[str] = []  # the thread of every read, in order

    def get_password(self, service: str, username: str) -> str | None:
        self.readers.append(threading.current_thread().name)
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class RaisingKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("the keyring is broken (sk-stored-key-0000000000001)")


class BlockingKeyring(MemoryKeyring):
    """Reading waits until the test sets :attr:`release`, or gives up after ``patience``
    seconds (then :attr:`released_in_time` is False): code that waits for it on the event loop
    fails the test instead of hanging it."""

    def __init__(self, patience: float = 5.0) -> None:
        super().__init__()
        self.patience = patience
        self.entered = threading.Event()
        self.release = threading.Event()
        self.released_in_time = True

    def get_password(self, service: str, username: str) -> str | None:
        self.entered.set()
        if not self.release.wait(timeout=self.patience):
            self.released_in_time = False
        return super().get_password(service, username)
