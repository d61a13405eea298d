"""Testing a relay profile: one ``GET /v1/models`` answers "reachable? key accepted? which models?".

Used by ``studio-cli profiles test`` and the settings dialog's "Test connection".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from studio.catalog import Catalog
from studio.domain.errors import ErrorKind, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.profile import Profile
from studio.protocols.models import list_models
from studio.protocols.transport import RelayClient, RetryPolicy

TEST_READ_TIMEOUT = 30.0  # a model list that takes longer means trouble anyway

MSG_TEST_UNREACHABLE = QT_TRANSLATE_NOOP(
    ERRORS, "Could not connect to the relay ({reason}). Check the base URL, your network or proxy."
)


@dataclass(frozen=True)
class RelayCheck:
    reachable: bool
    key_accepted: bool | None  # None: could not tell
    model_ids: tuple[str, ...] | None  # None: the list could not be read
    problem: StudioError | None = None


async def check_relay(profile: Profile) -> RelayCheck:
    """One ``GET /v1/models`` (no retries): reachable? key accepted? which models?"""
    quick = replace(profile, read_timeout=min(profile.read_timeout, TEST_READ_TIMEOUT))
    try:
        async with RelayClient(quick, policy=RetryPolicy(idempotent_attempts=1)) as client:
            ids = await list_models(client)
    except StudioError as error:
        if error.kind in (ErrorKind.NETWORK, ErrorKind.INVALID_INPUT):
            return RelayCheck(False, None, None, error)
        if error.kind is ErrorKind.AUTH:
            return RelayCheck(True, False, None, error)
        if error.kind is ErrorKind.QUOTA:  # the key is known, the account is empty
            return RelayCheck(True, True, None, error)
        return RelayCheck(True, None, None, error)
    return RelayCheck(True, bool(profile.api_key), tuple(ids))


def unreachable_reason(error: StudioError) -> str:
    """What the network said when the relay could not be reached (e.g. the refused connection)."""
    return str(error.params.get("reason") or error.relay_message or error.message)


def known_to_catalog(catalog: Catalog, model_ids: Iterable[str]) -> int:
    """How many of ``model_ids`` the catalog lists by name."""
    return sum(catalog.is_listed(model) for model in model_ids)
