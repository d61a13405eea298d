"""Relay profiles: every option survives profiles.json, and the key never touches a file."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from dataclasses import fields, replace
from pathlib import Path

import keyring.core
import pytest
from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked

from studio.domain.errors import ErrorKind, InputError
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import AsyncOptions, AuthStyle, ModelOverride, Profile
from studio.paths import config_dir, data_dir, log_dir
from studio.settings import KeyStatus, KeyStore, ProfileStore, key_variable, session_only_notice
from studio.settings.profiles import profile_to_dict, refuse_secrets
from studio.settings.secrets import SERVICE
from tests.helpers.keyring_backend import FileKeyring

KEY = "sk-unit-secret-9f8e7d6c5b4a"

EVERY_OPTION = Profile(
    name="中转 relay-2.b_x",
    base_url="https://relay.example/v1/",
    api_key=KEY,
    auth_style=AuthStyle.GOOG_API_KEY,
    gemini_auth=AuthStyle.MJ_API_SECRET,
    midjourney_auth=AuthStyle.GOOG_API_KEY,
    multi_image_field="image",
    connect_timeout=2.5,
    read_timeout=900.0,
    job_timeout=1200.0,
    stream_images=True,
    partial_images=3,
    price_multiplier=1.25,
    daily_budget=5.0,
    monthly_budget=80.0,
    budget_currency="CNY",
    concurrency=7,
    proxy="socks5://127.0.0.1:1080",
    async_options=AsyncOptions(
        submit_path="{path}/async",
        submit_query="mode=async&x=1",
        poll_path="/v1/tasks/{task_id}/status",
        pending_words=("WAITING",),
        success_words=("OK", "FINE"),
        failure_words=("BAD",),
        poll_interval=1.5,
        max_wait=120.0,
        webhook="https://hooks.example/done",
    ),
    model_overrides=(
        ModelOverride(
            "gpt-image-2",
            name_sent="gpt-image-2:official",
            protocol=ProtocolId.IMAGES_ASYNC,
            extra={"channel": "official", "metadata": {"tags": ["a", 1]}},
        ),
        ModelOverride("nano-banana-pro", protocol=ProtocolId.GEMINI),
    ),
)


class LockedKeyring(KeyringBackend):
    """A Secret Service that stays locked: every call raises."""

    @classproperty
    def priority(self) -> float:
        raise RuntimeError("only used explicitly")  # never auto-detected

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("the collection is locked")


@pytest.fixture
def os_keyring(tmp_path: Path) -> FileKeyring:
    return FileKeyring(tmp_path / "os-keyring.json")


@pytest.fixture
def store(os_keyring: FileKeyring) -> ProfileStore:
    return ProfileStore(keys=KeyStore(os_keyring, session={}))


@pytest.fixture(autouse=True)
def _no_key_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in list(os.environ):
        if variable.startswith("STUDIO_API_KEY"):
            monkeypatch.delenv(variable)


def files_under(*folders: Path) -> list[Path]:
    return [path for folder in folders for path in folder.rglob("*") if path.is_file()]


# -- profiles.json -----------------------------------------------------------------------------


def test_every_option_differs_from_its_default_so_the_round_trip_covers_it() -> None:
    default = Profile(name="x", base_url="https://x")
    for field in fields(Profile):
        if field.name not in ("name", "base_url", "api_key", "async_options"):
            assert getattr(EVERY_OPTION, field.name) != getattr(default, field.name), field.name
    for field in fields(AsyncOptions):
        assert getattr(EVERY_OPTION.async_options, field.name) != getattr(
            AsyncOptions(), field.name
        ), field.name


def test_every_option_survives_profiles_json(store: ProfileStore) -> None:
    assert store.add(EVERY_OPTION, KEY) is KeyStatus.STORED
    assert store.path == config_dir() / "profiles.json"
    fresh = ProfileStore(keys=store.keys)
    loaded = fresh.get(EVERY_OPTION.name)
    assert loaded == EVERY_OPTION
    assert loaded.api_key == KEY
    assert isinstance(loaded.auth_style, AuthStyle)
    assert isinstance(loaded.async_options.success_words, tuple)
    assert fresh.names() == [EVERY_OPTION.name]
    assert fresh.all() == [EVERY_OPTION]
    assert [p.api_key for p in fresh.all(with_keys=False)] == [""]
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert document["profiles"][0]["async"]["poll_path"] == "/v1/tasks/{task_id}/status"


def test_the_key_is_in_the_keyring_and_in_no_file(
    store: ProfileStore, os_keyring: FileKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store.add(EVERY_OPTION, KEY)
    store.add(replace(EVERY_OPTION, name="second"), KEY + "-2")
    store.get("second")
    store.remove("second")
    assert os_keyring.entries() == {SERVICE: {EVERY_OPTION.name: KEY}}
    raw = store.path.read_bytes()
    assert KEY.encode() not in raw and b"sk-" not in raw
    assert b"api_key" not in raw
    written = files_under(config_dir(), data_dir(), log_dir())
    assert store.path in written
    assert all(KEY.encode() not in path.read_bytes() for path in written)
    assert KEY not in caplog.text
    assert KEY not in repr(store.get(EVERY_OPTION.name))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_file_is_private_and_written_atomically(store: ProfileStore) -> None:
    store.add(EVERY_OPTION, None)
    store.add(replace(EVERY_OPTION, concurrency=1), None)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert [p.name for p in store.path.parent.iterdir()] == ["profiles.json"]  # no temp files


def test_adding_again_replaces_in_place_and_keeps_the_stored_key(store: ProfileStore) -> None:
    store.add(Profile("a", "https://a.example"), "key-a")
    store.add(Profile("b", "https://b.example"), "key-b")
    assert store.add(Profile("a", "https://a2.example", concurrency=2), None) is None
    assert store.names() == ["a", "b"]
    assert store.get("a").base_url == "https://a2.example"
    assert store.get("a").concurrency == 2
    assert store.get("a").api_key == "key-a"


def test_remove_deletes_the_keyring_entry(store: ProfileStore, os_keyring: FileKeyring) -> None:
    store.add(Profile("gone", "https://relay.example"), KEY)
    store.remove("gone")
    assert store.names() == []
    assert os_keyring.entries() == {SERVICE: {}}
    with pytest.raises(InputError, match="There is no profile named gone"):
        store.remove("gone")


def test_an_unknown_profile_is_a_plain_input_error(store: ProfileStore) -> None:
    with pytest.raises(InputError) as caught:
        store.get("nowhere")
    assert caught.value.kind is ErrorKind.INVALID_INPUT
    assert caught.value.message.startswith("There is no profile named nowhere.")


@pytest.mark.parametrize("base_url", ["https://relay.example", "https://relay.example/v1/"])
def test_base_urls_with_or_without_v1_are_accepted(store: ProfileStore, base_url: str) -> None:
    store.add(Profile("r", base_url), None)
    assert store.get("r").root_url == "https://relay.example"


def test_a_secret_field_is_never_written() -> None:
    with pytest.raises(ValueError, match=r"profiles\[0\]\.api_key"):
        refuse_secrets({"profiles": [{"name": "a", "api_key": KEY}]})
    with pytest.raises(ValueError, match=r"async\.Token"):
        refuse_secrets({"profiles": [{"async": {"Token": "x"}}]})
    refuse_secrets({"version": 1, "profiles": [profile_to_dict(EVERY_OPTION)]})


# -- validation --------------------------------------------------------------------------------

INVALID = {
    "empty name": Profile("", "https://r.example"),
    "slash in name": Profile("a/b", "https://r.example"),
    "space at the end": Profile("relay ", "https://r.example"),
    "long name": Profile("x" * 65, "https://r.example"),
    "ftp url": Profile("r", "ftp://r.example"),
    "no host": Profile("r", "https://"),
    "no scheme": Profile("r", "relay.example/v1"),
    "bad port": Profile("r", "https://r.example:http"),
    "zero concurrency": Profile("r", "https://r.example", concurrency=0),
    "zero connect": Profile("r", "https://r.example", connect_timeout=0),
    "negative read": Profile("r", "https://r.example", read_timeout=-1),
    "nan read": Profile("r", "https://r.example", read_timeout=float("nan")),
    "zero job time": Profile("r", "https://r.example", job_timeout=0),
    "proxy": Profile("r", "https://r.example", proxy="127.0.0.1:7890"),
    "poll path": Profile(
        "r", "https://r.example", async_options=AsyncOptions(poll_path="/v1/tasks")
    ),
    "success words": Profile(
        "r", "https://r.example", async_options=AsyncOptions(success_words=())
    ),
    "poll interval": Profile("r", "https://r.example", async_options=AsyncOptions(poll_interval=0)),
    "webhook": Profile("r", "https://r.example", async_options=AsyncOptions(webhook="hook")),
    "field": Profile("r", "https://r.example", multi_image_field=" "),
}


@pytest.mark.parametrize("profile", INVALID.values(), ids=INVALID.keys())
def test_invalid_settings_are_refused_with_a_plain_message(
    store: ProfileStore, profile: Profile
) -> None:
    with pytest.raises(InputError) as caught:
        store.add(profile, KEY)
    assert caught.value.kind is ErrorKind.INVALID_INPUT
    assert caught.value.message.endswith(".")
    assert "{" not in caught.value.message.replace("{task_id}", "")
    assert not store.path.exists()


def test_an_empty_key_is_refused(store: ProfileStore) -> None:
    with pytest.raises(InputError, match="key is empty"):
        store.add(Profile("r", "https://r.example"), "  \n")
    assert not store.path.exists()


# -- a damaged profiles.json -------------------------------------------------------------------

DAMAGED = {
    "not json": b"{not json",
    "not utf-8": b"\xff\xfe\x00",
    "no list": b'{"version": 1}',
    "wrong type": b'{"profiles": [{"name": "a", "base_url": "https://a", "concurrency": "4"}]}',
    "bad auth": b'{"profiles": [{"name": "a", "base_url": "https://a", "auth_style": "basic"}]}',
    "invalid": b'{"profiles": [{"name": "a", "base_url": "https://a", "concurrency": 0}]}',
    "twice": b'{"profiles": [{"name": "a", "base_url": "https://a"},'
    b' {"name": "a", "base_url": "https://b"}]}',
    "no name": b'{"profiles": [{"base_url": "https://a"}]}',
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_named_and_left_untouched(store: ProfileStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(content)
    for attempt in (
        store.names,
        lambda: store.get("a"),
        lambda: store.add(Profile("b", "https://b.example"), KEY),
        lambda: store.remove("a"),
    ):
        with pytest.raises(InputError) as caught:
            attempt()
        assert str(store.path) in caught.value.message
        assert "left unchanged" in caught.value.message
    assert store.path.read_bytes() == content
    assert store.keys.get("b") is None


def test_unknown_settings_are_ignored_and_missing_ones_take_defaults(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(
        '{"profiles": [{"name": "a", "base_url": "https://a", "future": 1, "api_key": "x"}]}',
        encoding="utf-8",
    )
    assert store.get("a") == Profile("a", "https://a")
    assert store.get("a").api_key == ""  # a key typed into the file by hand is not used


# -- the keyring and its fallbacks -------------------------------------------------------------


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), LockedKeyring()])
def test_without_a_usable_keyring_the_key_lives_for_this_session_only(
    backend: KeyringBackend, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    keys = KeyStore(backend, session={})
    assert keys.set("relay", KEY) is KeyStatus.SESSION_ONLY
    assert keys.get("relay") == KEY
    assert keys.status("relay") is KeyStatus.SESSION_ONLY
    keys.delete("relay")
    assert keys.get("relay") is None
    assert KEY not in caplog.text


def test_availability_follows_the_backend(os_keyring: FileKeyring) -> None:
    assert KeyStore(os_keyring).available()
    assert not KeyStore(fail.Keyring()).available()
    assert not KeyStore(null.Keyring()).available()


def test_the_session_only_message_says_what_happened_and_what_to_do() -> None:
    message = session_only_notice("my relay").message
    assert "my relay" in message
    assert "session only" in message and "not saved" in message
    assert "STUDIO_API_KEY_MY_RELAY" in message
    assert "{" not in message


def test_a_profile_store_without_keyring_reports_session_only(tmp_path: Path) -> None:
    store = ProfileStore(keys=KeyStore(fail.Keyring(), session={}))
    assert store.add(Profile("r", "https://r.example"), KEY) is KeyStatus.SESSION_ONLY
    assert store.get("r").api_key == KEY
    assert all(KEY.encode() not in p.read_bytes() for p in files_under(tmp_path))


def test_session_keys_are_shared_by_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("studio.settings.secrets._SESSION_KEYS", {})
    KeyStore(fail.Keyring()).set("shared", KEY)
    assert KeyStore(fail.Keyring()).get("shared") == KEY


def test_the_default_backend_is_keyrings_choice(
    os_keyring: FileKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", os_keyring)
    assert KeyStore(session={}).set("r", KEY) is KeyStatus.STORED
    assert os_keyring.get_password("studio", "r") == KEY


def test_environment_fallbacks(os_keyring: FileKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = KeyStore(os_keyring, session={})
    assert key_variable("my relay-2.b") == "STUDIO_API_KEY_MY_RELAY_2_B"
    assert keys.get("my relay-2.b") is None
    assert keys.status("my relay-2.b") is KeyStatus.MISSING
    monkeypatch.setenv("STUDIO_API_KEY", "generic")
    assert keys.get("my relay-2.b") is None  # STUDIO_API_KEY is the environment relay's only
    monkeypatch.setenv("STUDIO_API_KEY_MY_RELAY_2_B", "named")
    assert keys.get("my relay-2.b") == "named"
    assert keys.status("my relay-2.b") is KeyStatus.FROM_ENVIRONMENT
    keys.set("my relay-2.b", "from-keyring")
    assert keys.get("my relay-2.b") == "from-keyring"
    assert keys.status("my relay-2.b") is KeyStatus.STORED
