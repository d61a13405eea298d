"""Relay profiles in ``<config dir>/profiles.json``; their keys go to the OS keyring.

The file holds every protocol option of :class:`Profile` and never the key. It is written
atomically (temporary file, fsync, rename) with mode 0600, and a file that cannot be read is
reported by name and left untouched.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from enum import StrEnum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints
from urllib.parse import urlsplit

from studio.domain.errors import ErrorKind, InputError, StudioError
from studio.domain.i18n import ERRORS, QT_TRANSLATE_NOOP
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import AsyncOptions, ModelOverride, Profile
from studio.domain.redact import redact
from studio.paths import config_dir
from studio.protocols.capabilities import extra_left_out
from studio.settings.secrets import KeyStatus, KeyStore

PROFILES_FILE = "profiles.json"
FORMAT_VERSION = 1
ASYNC_SECTION = "async"
OVERRIDES_SECTION = "model_overrides"
MAX_NAME_LENGTH = 64

MSG_NO_PROFILE = QT_TRANSLATE_NOOP(
    ERRORS,
    "There is no profile named {name}. Add it with: studio-cli profiles add {name} --base-url URL",
)
MSG_BAD_NAME = QT_TRANSLATE_NOOP(
    ERRORS,
    "The profile name “{name}” is not valid: use letters, digits, spaces and - _ . (at most "
    "{limit} characters, not starting or ending with a space).",
)
MSG_BAD_BASE_URL = QT_TRANSLATE_NOOP(
    ERRORS,
    "The base URL {url} is not a valid http:// or https:// address with a host name, e.g. "
    "https://relay.example/v1.",
)
MSG_NOT_POSITIVE = QT_TRANSLATE_NOOP(
    ERRORS, "The {setting} must be a number of seconds greater than 0 (got {value})."
)
MSG_BAD_BUDGET = QT_TRANSLATE_NOOP(
    ERRORS, "The {setting} must be a number of at least 0, or none (got {value})."
)
MSG_BAD_CURRENCY = QT_TRANSLATE_NOOP(
    ERRORS, "The budget currency must be a three-letter code such as USD or CNY (got {value})."
)
MSG_BAD_CONCURRENCY = QT_TRANSLATE_NOOP(
    ERRORS, "The concurrency must be a whole number of at least 1 (got {value})."
)
MSG_BAD_PARTIAL_IMAGES = QT_TRANSLATE_NOOP(
    ERRORS, "The number of drafts while streaming must be 0, 1, 2 or 3 (got {value})."
)
MSG_BAD_PROXY = QT_TRANSLATE_NOOP(
    ERRORS,
    "The proxy {url} is not a valid address such as http://127.0.0.1:7890 or "
    "socks5://127.0.0.1:1080.",
)
MSG_BAD_WEBHOOK = QT_TRANSLATE_NOOP(
    ERRORS, "The webhook {url} is not a valid http:// or https:// address."
)
MSG_BAD_POLL_PATH = QT_TRANSLATE_NOOP(
    ERRORS,
    "The async poll path {path} must contain {{task_id}}, e.g. /v1/images/tasks/{{task_id}}.",
)
MSG_EMPTY_SETTING = QT_TRANSLATE_NOOP(ERRORS, "The {setting} cannot be empty.")
MSG_OVERRIDE_BAD_MODEL = QT_TRANSLATE_NOOP(
    ERRORS,
    "“{model}” is not a model name: give the name you pick in the composer, without spaces.",
)
MSG_OVERRIDE_TWICE = QT_TRANSLATE_NOOP(
    ERRORS, "There are two settings for the model {model}; keep one of them."
)
MSG_OVERRIDE_BAD_NAME_SENT = QT_TRANSLATE_NOOP(
    ERRORS,
    "The name sent for {model} cannot be “{name}”: use the relay's own model name, without spaces.",
)
MSG_OVERRIDE_NOTHING = QT_TRANSLATE_NOOP(
    ERRORS,
    "The settings for {model} change nothing: give a name to send, a protocol or extra fields.",
)
MSG_OVERRIDE_EXTRA_NOT_OBJECT = QT_TRANSLATE_NOOP(
    ERRORS,
    'The extra fields for {model} must be a JSON object, e.g. {{"channel": "official"}}.',
)
MSG_OVERRIDE_EXTRA_OWN = QT_TRANSLATE_NOOP(
    ERRORS,
    "The extra fields for {model} cannot set {names}: the studio sends those itself (the "
    "composer's options set them).",
)
MSG_OVERRIDE_EXTRA_MIDJOURNEY = QT_TRANSLATE_NOOP(
    ERRORS,
    "Midjourney requests take no extra fields: remove them from the settings for {model}, or "
    "choose another protocol.",
)
MSG_OVERRIDE_EXTRA_SECRET = QT_TRANSLATE_NOOP(
    ERRORS,
    "The extra field {name} for {model} looks like a secret. Keys belong in the API key field; "
    "they are never written to the profiles file.",
)
MSG_EMPTY_KEY = QT_TRANSLATE_NOOP(ERRORS, "The API key is empty; nothing was saved.")
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    ERRORS,
    "The profiles file {path} cannot be read: {reason}. It was left unchanged; fix it or move "
    "it away, then try again.",
)
MSG_FILE_UNWRITABLE = QT_TRANSLATE_NOOP(
    ERRORS, "The profiles could not be saved to {path}: {reason}."
)

_NAME_PUNCTUATION = frozenset(" -_.")
_PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
# Field names that would mean a secret is about to be written (compared without - and _).
_SECRET_FIELDS = frozenset({"apikey", "key", "secret", "token", "password", "authorization"})
MAX_MODEL_NAME_LENGTH = 200


# -- validation ------------------------------------------------------------------------------


def _is_url(url: str | None, schemes: Iterable[str]) -> bool:
    try:
        parts = urlsplit((url or "").strip())
        return parts.scheme.lower() in schemes and bool(parts.hostname) and parts.port != 0
    except ValueError:  # e.g. a port that is not a number
        return False


def _valid_name(name: str) -> bool:
    return (
        0 < len(name) <= MAX_NAME_LENGTH
        and name == name.strip()
        and all(c.isalnum() or c in _NAME_PUNCTUATION for c in name)
    )


def _positive(value: float, setting: str) -> None:
    if isinstance(value, bool) or not (math.isfinite(value) and value > 0):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NOT_POSITIVE, setting=setting, value=value)


def _not_empty(value: str | tuple[str, ...], setting: str) -> None:
    if not (value.strip() if isinstance(value, str) else [w for w in value if w.strip()]):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_EMPTY_SETTING, setting=setting)


def validate_profile(profile: Profile) -> None:
    """Raise :class:`InputError` with a plain message for the first setting that cannot work."""
    if not _valid_name(profile.name):
        raise InputError(
            ErrorKind.INVALID_INPUT, MSG_BAD_NAME, name=profile.name, limit=MAX_NAME_LENGTH
        )
    if not _is_url(profile.base_url, ("http", "https")):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_BASE_URL, url=profile.base_url)
    _positive(profile.connect_timeout, "connect time-out")
    _positive(profile.read_timeout, "read time-out")
    _positive(profile.job_timeout, "time limit per job")
    concurrency = profile.concurrency
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_CONCURRENCY, value=concurrency)
    drafts = profile.partial_images
    if isinstance(drafts, bool) or not isinstance(drafts, int) or not 0 <= drafts <= 3:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_PARTIAL_IMAGES, value=drafts)
    if profile.proxy is not None and not _is_url(profile.proxy, _PROXY_SCHEMES):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_PROXY, url=profile.proxy)
    _not_empty(profile.multi_image_field, "multiple-image field name")
    _positive(profile.price_multiplier, "price multiplier")
    for budget, setting in ((profile.daily_budget, "daily budget"),
                            (profile.monthly_budget, "monthly budget")):  # fmt: skip
        if budget is not None and (
            isinstance(budget, bool) or not (math.isfinite(budget) and budget >= 0)
        ):
            raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_BUDGET, setting=setting, value=budget)
    currency = profile.budget_currency
    if not (len(currency) == 3 and currency.isascii() and currency.isalpha()) or (
        currency != currency.upper()
    ):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_CURRENCY, value=currency)
    options = profile.async_options
    if "{task_id}" not in options.poll_path:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_POLL_PATH, path=options.poll_path)
    if options.submit_path is not None:
        _not_empty(options.submit_path, "async submit path")
    _not_empty(options.success_words, "list of async success words")
    _not_empty(options.failure_words, "list of async failure words")
    _positive(options.poll_interval, "poll interval")
    _positive(options.max_wait, "maximum wait")
    if options.webhook is not None and not _is_url(options.webhook, ("http", "https")):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_BAD_WEBHOOK, url=options.webhook)
    seen: set[str] = set()
    for override in profile.model_overrides:
        validate_override(override)
        if override.model in seen:
            raise InputError(ErrorKind.INVALID_INPUT, MSG_OVERRIDE_TWICE, model=override.model)
        seen.add(override.model)


def _model_name(name: str | None) -> bool:
    return (
        isinstance(name, str)
        and 0 < len(name) <= MAX_MODEL_NAME_LENGTH
        and all(c.isprintable() and not c.isspace() for c in name)
    )


def secret_looking(data: Any, where: str = "") -> str | None:
    """The path of the first field of ``data`` that looks like a secret (by its name, or a value
    the redaction rule would hide), or None."""
    if isinstance(data, Mapping):
        for name, value in data.items():
            path = f"{where}.{name}" if where else str(name)
            if str(name).lower().replace("_", "").replace("-", "") in _SECRET_FIELDS:
                return path
            if (found := secret_looking(value, path)) is not None:
                return found
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if (found := secret_looking(item, f"{where}[{index}]")) is not None:
                return found
    elif isinstance(data, str) and redact(data) != data:
        return where or "value"
    return None


def validate_override(override: ModelOverride) -> None:
    """Raise :class:`InputError` when one relay + model setting cannot be saved or applied."""
    model = override.model
    if not _model_name(model):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_OVERRIDE_BAD_MODEL, model=model)
    if override.name_sent is not None and not _model_name(override.name_sent):
        raise InputError(
            ErrorKind.INVALID_INPUT,
            MSG_OVERRIDE_BAD_NAME_SENT,
            model=model,
            name=override.name_sent,
        )
    extra = override.extra
    if not isinstance(extra, dict) or not all(isinstance(key, str) for key in extra):
        raise InputError(ErrorKind.INVALID_INPUT, MSG_OVERRIDE_EXTRA_NOT_OBJECT, model=model)
    if override.name_sent is None and override.protocol is None and not extra:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_OVERRIDE_NOTHING, model=model)
    if not extra:
        return
    if override.protocol is ProtocolId.MIDJOURNEY:
        raise InputError(ErrorKind.INVALID_INPUT, MSG_OVERRIDE_EXTRA_MIDJOURNEY, model=model)
    # Every protocol that takes extra fields shares the studio's own names (capabilities.py).
    if own := extra_left_out(override.protocol or ProtocolId.IMAGES, extra):
        raise InputError(
            ErrorKind.INVALID_INPUT,
            MSG_OVERRIDE_EXTRA_OWN,
            model=model,
            names=", ".join(sorted(own)),
        )
    if (secret := secret_looking(extra)) is not None:
        raise InputError(
            ErrorKind.INVALID_INPUT, MSG_OVERRIDE_EXTRA_SECRET, model=model, name=secret
        )


# -- profiles.json <-> Profile ---------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def _typed(value: Any, hint: Any, setting: str) -> Any:
    """``value`` from JSON as the dataclass field type ``hint``; ValueError if it does not fit."""
    if hint is bool and isinstance(value, bool):
        return value
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if hint is str and isinstance(value, str):
        return value
    if isinstance(hint, type) and issubclass(hint, StrEnum) and isinstance(value, str):
        try:
            return hint(value)
        except ValueError:
            choices = ", ".join(member.value for member in hint)
            raise ValueError(f"{setting} is {value!r}, expected one of {choices}") from None
    if get_origin(hint) is tuple and isinstance(value, list):
        return tuple(_typed(item, get_args(hint)[0], setting) for item in value)
    if isinstance(hint, UnionType) and NoneType in get_args(hint):
        if value is None:
            return None
        (inner,) = (arg for arg in get_args(hint) if arg is not NoneType)
        return _typed(value, inner, setting)
    raise ValueError(f"{setting} has a value of the wrong type ({value!r})")


def _settings(instance: Profile | AsyncOptions, skip: Iterable[str] = ()) -> dict[str, Any]:
    return {
        f.name: _plain(getattr(instance, f.name)) for f in fields(instance) if f.name not in skip
    }


def _from_settings(cls: type[Any], data: Mapping[str, Any], skip: Iterable[str] = ()) -> Any:
    hints = get_type_hints(cls)
    values = {
        f.name: _typed(data[f.name], hints[f.name], f.name)
        for f in fields(cls)
        if f.name in data and f.name not in skip
    }
    return cls(**values)


def override_to_dict(override: ModelOverride) -> dict[str, Any]:
    data: dict[str, Any] = {"model": override.model}
    if override.name_sent is not None:
        data["name_sent"] = override.name_sent
    if override.protocol is not None:
        data["protocol"] = override.protocol.value
    if override.extra:
        data["extra"] = dict(override.extra)
    return data


def override_from_dict(data: Any) -> ModelOverride:
    """A :class:`ModelOverride` from :func:`override_to_dict` data; ValueError when it does not
    fit (it is then validated like any profile setting)."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{OVERRIDES_SECTION} holds something that is not an object")
    model, name_sent, protocol = data.get("model"), data.get("name_sent"), data.get("protocol")
    extra = data.get("extra", {})
    if not isinstance(model, str):
        raise ValueError(f"a model setting in {OVERRIDES_SECTION} has no model")
    if name_sent is not None and not isinstance(name_sent, str):
        raise ValueError(f"name_sent of {model} has a value of the wrong type ({name_sent!r})")
    if not isinstance(extra, dict):
        raise ValueError(f"extra of {model} is not an object")
    return ModelOverride(
        model=model,
        name_sent=name_sent,
        protocol=None if protocol is None else _typed(protocol, ProtocolId, f"protocol of {model}"),
        extra=dict(extra),
    )


_OWN_SECTIONS = ("api_key", "async_options", "model_overrides")


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """Every setting of ``profile`` as JSON-ready data, the key excluded."""
    data = _settings(profile, skip=_OWN_SECTIONS)
    data[ASYNC_SECTION] = _settings(profile.async_options)
    data[OVERRIDES_SECTION] = [override_to_dict(o) for o in profile.model_overrides]
    return data


def profile_from_dict(data: Mapping[str, Any]) -> Profile:
    """A profile (without its key) from :func:`profile_to_dict` data; missing settings take
    their defaults, unknown ones are ignored. Raises ValueError when a value does not fit."""
    section = data.get(ASYNC_SECTION, {})
    if not isinstance(section, Mapping):
        raise ValueError(f"{ASYNC_SECTION} is not an object")
    overrides = data.get(OVERRIDES_SECTION, [])
    if not isinstance(overrides, list):
        raise ValueError(f"{OVERRIDES_SECTION} is not a list")
    for required in ("name", "base_url"):
        if not isinstance(data.get(required), str):
            raise ValueError(f"a profile has no {required}")
    profile: Profile = _from_settings(Profile, data, skip=_OWN_SECTIONS)
    return replace(
        profile,
        async_options=_from_settings(AsyncOptions, section),
        model_overrides=tuple(override_from_dict(entry) for entry in overrides),
    )


def refuse_secrets(data: Any, where: str = "") -> None:
    """Raise ValueError if ``data`` has a field that looks like a key: it must not be written."""
    if isinstance(data, Mapping):
        for field_name, value in data.items():
            path = f"{where}.{field_name}" if where else str(field_name)
            if str(field_name).lower().replace("_", "").replace("-", "") in _SECRET_FIELDS:
                raise ValueError(f"refusing to write the secret field {path} to the profiles file")
            refuse_secrets(value, path)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            refuse_secrets(item, f"{where}[{index}]")


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            os.chmod(temporary, 0o600)
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


# -- the store -------------------------------------------------------------------------------


class ProfileStore:
    """The user's relay profiles: settings in ``profiles.json``, keys in a :class:`KeyStore`."""

    def __init__(self, path: Path | None = None, keys: KeyStore | None = None) -> None:
        self.path = path if path is not None else config_dir() / PROFILES_FILE
        self.keys = keys if keys is not None else KeyStore()

    def names(self) -> list[str]:
        return [profile.name for profile in self._load()]

    def all(self, *, with_keys: bool = True) -> list[Profile]:
        """Every profile in file order; ``with_keys=False`` leaves ``api_key`` empty."""
        profiles = self._load()
        return [self._with_key(profile) for profile in profiles] if with_keys else profiles

    def get(self, name: str) -> Profile:
        for profile in self._load():
            if profile.name == name:
                return self._with_key(profile)
        raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_PROFILE, name=name)

    def add(self, profile: Profile, key: str | None = None) -> KeyStatus | None:
        """Save ``profile`` (replacing one of the same name) and, when given, its key.

        Returns where the key went, or None when no key was given (a stored one is kept).
        """
        validate_profile(profile)
        if key is not None and not key.strip():
            raise InputError(ErrorKind.INVALID_INPUT, MSG_EMPTY_KEY)
        profiles = self._load()
        stored = replace(profile, api_key="")
        for index, existing in enumerate(profiles):
            if existing.name == profile.name:
                profiles[index] = stored
                break
        else:
            profiles.append(stored)
        self._save(profiles)
        return self.keys.set(profile.name, key.strip()) if key is not None else None

    def remove(self, name: str) -> None:
        profiles = self._load()
        kept = [profile for profile in profiles if profile.name != name]
        if len(kept) == len(profiles):
            raise InputError(ErrorKind.INVALID_INPUT, MSG_NO_PROFILE, name=name)
        self._save(kept)
        self.keys.delete(name)

    def _with_key(self, profile: Profile) -> Profile:
        return replace(profile, api_key=self.keys.get(profile.name) or "")

    def _unreadable(self, reason: str) -> InputError:
        return InputError(
            ErrorKind.INVALID_INPUT, MSG_FILE_UNREADABLE, path=self.path, reason=reason
        )

    def _load(self) -> list[Profile]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise self._unreadable(error.strerror or type(error).__name__) from None
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise self._unreadable(f"it is not valid JSON ({error})") from None
        entries = document.get("profiles") if isinstance(document, dict) else None
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise self._unreadable("it has no list of profiles")
        profiles: list[Profile] = []
        for entry in entries:
            try:
                profile = profile_from_dict(entry)
                validate_profile(profile)
            except ValueError as error:
                raise self._unreadable(f"profile {entry.get('name')!r}: {error}") from None
            except InputError as error:
                raise self._unreadable(error.message) from None
            if any(existing.name == profile.name for existing in profiles):
                raise self._unreadable(f"the profile {profile.name!r} appears twice")
            profiles.append(profile)
        return profiles

    def _save(self, profiles: list[Profile]) -> None:
        document = {
            "version": FORMAT_VERSION,
            "profiles": [profile_to_dict(profile) for profile in profiles],
        }
        refuse_secrets(document)
        content = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            _write_atomically(self.path, content)
        except OSError as error:
            raise StudioError(
                ErrorKind.INTERNAL,
                MSG_FILE_UNWRITABLE,
                path=self.path,
                reason=error.strerror or type(error).__name__,
            ) from None
