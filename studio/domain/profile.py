"""A relay profile: where to send requests and how that relay wants them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from studio.domain.model_spec import ProtocolId
from studio.domain.redact import remember_secret


class AuthStyle(StrEnum):
    BEARER = "bearer"  # Authorization: Bearer <key> (relays)
    GOOG_API_KEY = "x-goog-api-key"  # Google's own header
    MJ_API_SECRET = "mj-api-secret"  # bare midjourney-proxy


@dataclass(frozen=True)
class AsyncOptions:
    """How a relay's asynchronous image tasks look. Defaults are seed 002's."""

    submit_path: str | None = None  # None: the sync path plus ``submit_query``
    submit_query: str = "async=true"
    poll_path: str = "/v1/images/tasks/{task_id}"
    pending_words: tuple[str, ...] = (
        "IN_PROGRESS",
        "NOT_START",
        "SUBMITTED",
        "QUEUED",
        "PENDING",
        "PROCESSING",
        "RUNNING",
    )
    success_words: tuple[str, ...] = ("SUCCESS", "SUCCEEDED", "COMPLETED", "DONE")
    failure_words: tuple[str, ...] = ("FAILURE", "FAILED", "ERROR", "CANCELLED", "CANCELED")
    poll_interval: float = 3.0
    max_wait: float = 3600.0
    webhook: str | None = None


@dataclass(frozen=True)
class ModelOverride:
    """What one relay wants for one model, keyed by the name the user picks in the composer.

    Applied by ``studio.engine.overrides.apply_overrides``; checked by ``validate_profile``.
    """

    model: str  # the name the user picks (and the history records)
    name_sent: str | None = None  # the name this relay knows the model by; None: as picked
    protocol: ProtocolId | None = None  # None: the catalog's choice (or the user's own)
    # Fields added to every request body for this model (never the studio's own fields).
    extra: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Profile:
    name: str
    base_url: str
    # Compared too: a profile whose key changed is another profile (a cached client with the
    # old key must not be reused).
    api_key: str = field(default="", repr=False)
    auth_style: AuthStyle = AuthStyle.BEARER
    gemini_auth: AuthStyle = AuthStyle.BEARER
    midjourney_auth: AuthStyle = AuthStyle.BEARER
    multi_image_field: str = "image[]"  # what the official SDK sends for several images
    connect_timeout: float = 10.0
    read_timeout: float = 600.0
    # The longest one job may take from sending to its last poll (also bounds a relay that
    # trickles its answer): then a sync job ends interrupted and an async one stays resumable.
    job_timeout: float = 600.0
    concurrency: int = 4
    proxy: str | None = None
    # Streamed answers for models that offer them (gpt-image): events keep the connection alive
    # through proxies that cut silent calls at 100 s; drafts show in the live tile.
    stream_images: bool = False
    partial_images: int = 2  # drafts asked for while streaming (0–3); relays bill them
    async_options: AsyncOptions = field(default_factory=AsyncOptions)
    model_overrides: tuple[ModelOverride, ...] = ()
    # What this relay charges against the catalog's list price (a reseller's markup: 1.5 is
    # half as much again); the ledger says so with every figure it changes.
    price_multiplier: float = 1.0
    # Spending limits of the budget guard, in ``budget_currency`` (None: no limit).
    daily_budget: float | None = None
    monthly_budget: float | None = None
    budget_currency: str = "USD"

    def __post_init__(self) -> None:
        remember_secret(self.api_key)

    def override_for(self, model: str) -> ModelOverride | None:
        """This relay's settings for the model picked as ``model``, if any."""
        return next((o for o in self.model_overrides if o.model == model), None)

    @property
    def root_url(self) -> str:
        """The base URL without a trailing ``/`` or ``/v1``: paths are appended whole."""
        url = self.base_url.strip().rstrip("/")
        for suffix in ("/v1beta", "/v1"):
            if url.endswith(suffix):
                url = url[: -len(suffix)]
                break
        return url
