"""Which relay a profile name means: one resolver for the window and the CLI.

A name is looked up in one order, the first that knows it wins:

1. the demo relay (demo mode only), by its name;
2. profiles given for this session (the CLI's ``--profile`` with ``--timeout`` applied, a test's
   relay): shown in Settings, never written;
3. the environment's relay, named ``environment`` (``STUDIO_BASE_URL`` + ``STUDIO_API_KEY``),
   when this resolver reads the environment (the CLI does; the window does not): then the name
   ``environment`` is the variables' alone, never a stored profile's;
4. the stored profiles (``profiles.json``, the key from the OS keyring).

A name none of them knows is one error, :data:`studio.settings.profiles.MSG_NO_PROFILE`; asking
for ``environment`` when the environment names no relay is :data:`MSG_NO_RELAY`.

The keyring may block (a locked keyring asks the user to unlock it): :meth:`ProfileResolver.get`
is for worker threads; on an event loop await :meth:`ProfileResolver.aget`, which runs it on
one. The request manager resolves its profiles that way.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterable, Mapping

from studio.domain.errors import ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.profile import Profile
from studio.settings.profiles import ProfileStore

ENVIRONMENT_PROFILE = "environment"  # the relay given by STUDIO_BASE_URL + STUDIO_API_KEY
BASE_URL_VARIABLE = "STUDIO_BASE_URL"
KEY_VARIABLE = "STUDIO_API_KEY"

MSG_NO_RELAY = QT_TRANSLATE_NOOP(
    ERRORS,
    "No relay is configured. Set STUDIO_BASE_URL and STUDIO_API_KEY, or pass --profile NAME.",
)


def environment_profile(environ: Mapping[str, str] | None = None) -> Profile | None:
    """The relay ``STUDIO_BASE_URL`` + ``STUDIO_API_KEY`` name, or None without a base URL."""
    environ = os.environ if environ is None else environ
    base_url = environ.get(BASE_URL_VARIABLE, "").strip()
    if not base_url:
        return None
    key = environ.get(KEY_VARIABLE, "").strip()
    return Profile(name=ENVIRONMENT_PROFILE, base_url=base_url, api_key=key)


class ProfileResolver:
    """Profiles by name, in the order of the module's docstring.

    ``store`` defaults to the user's profiles; ``demo`` is the demo relay (None outside demo
    mode, and it may be set later: "Try the demo relay"); ``environment`` is the environment's
    relay (:func:`environment_profile`, or :meth:`reading_environment`); ``given`` are profiles
    for this session only. :attr:`given` is a plain dict and may change at any time.
    """

    def __init__(
        self,
        store: ProfileStore | None = None,
        *,
        demo: Profile | None = None,
        environment: Profile | None = None,
        given: Iterable[Profile] = (),
        reads_environment: bool = False,
    ) -> None:
        self.store = store if store is not None else ProfileStore()
        self.demo = demo
        self.environment = environment
        self.given: dict[str, Profile] = {profile.name: profile for profile in given}
        self.reads_environment = reads_environment or environment is not None

    @classmethod
    def reading_environment(
        cls,
        store: ProfileStore | None = None,
        *,
        given: Iterable[Profile] = (),
        environ: Mapping[str, str] | None = None,
    ) -> ProfileResolver:
        """The CLI's resolver: the stored profiles and the environment's relay."""
        return cls(
            store,
            environment=environment_profile(environ),
            given=given,
            reads_environment=True,
        )

    # -- what there is ---------------------------------------------------------------------

    def built_in(self) -> list[Profile]:
        """The profiles that are not stored (read-only in Settings), in the order of lookup."""
        found: dict[str, Profile] = {}
        for profile in (self.demo, *self.given.values(), self.environment):
            if profile is not None and profile.name not in found:
                found[profile.name] = profile
        return list(found.values())

    def names(self) -> list[str]:
        """Every profile name: the built-in ones first, then the stored ones (without their
        keys: no keyring). A profiles file that cannot be read adds no names instead of
        raising; Settings says what is wrong with it."""
        names = [profile.name for profile in self.built_in()]
        with contextlib.suppress(StudioError):
            stored = self.store.names()
            reserved = ENVIRONMENT_PROFILE if self.reads_environment else None
            names += [name for name in stored if name not in names and name != reserved]
        return names

    # -- looking up ------------------------------------------------------------------------

    def get(self, name: str) -> Profile:
        """The profile called ``name``, with its key. May block on the keyring: call it on a
        worker thread (or await :meth:`aget`). InputError when no profile has that name."""
        for profile in self.built_in():
            if profile.name == name:
                return profile
        if name == ENVIRONMENT_PROFILE and self.reads_environment:  # the name is the variables'
            raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_RELAY)
        return self.store.get(name)

    async def aget(self, name: str) -> Profile:
        """:meth:`get` on a worker thread: the event loop goes on while the keyring answers."""
        return await asyncio.to_thread(self.get, name)

    def chosen(self, name: str | None) -> Profile:
        """The CLI's ``--profile NAME``; without a name, the environment's relay (InputError
        :data:`MSG_NO_RELAY` when there is none)."""
        return self.get(name or ENVIRONMENT_PROFILE)

