"""One profile resolver for the window and the CLI: its order, the demo and environment relays,
the stored profiles with their keys, one error for an unknown name, and a keyring that raises
or blocks."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from studio.domain.errors import InputError
from studio.domain.profile import Profile
from studio.settings.profiles import ProfileStore
from studio.settings.resolver import (
    ENVIRONMENT_PROFILE,
    ProfileResolver,
    environment_profile,
)
from studio.settings.secrets import KeyStore
from tests.helpers.keyrings import BlockingKeyring, MemoryKeyring, RaisingKeyring
from tests.helpers.manager import until

STORED_KEY = "sk-stored-key-0000000000001"  # RaisingKeyring's error names it: never logged
ENV = {"STUDIO_BASE_URL": "https://env.example/v1", "STUDIO_API_KEY": "sk-env-key-00000000001"}


def stored(tmp_path: Path, backend: KeyringBackend, *names: str) -> ProfileStore:
    store = ProfileStore(tmp_path / "profiles.json", keys=KeyStore(backend, session={}))
    for name in names:
        store.add(Profile(name=name, base_url=f"https://{name.replace(' ', '-')}.example/v1"))
        backend.set_password("studio", name, STORED_KEY)
    return store


def test_a_stored_profile_comes_with_its_key_from_the_keyring(tmp_path: Path) -> None:
    resolver = ProfileResolver(stored(tmp_path, MemoryKeyring(), "my relay"))
    profile = resolver.get("my relay")
    assert profile.base_url == "https://my-relay.example/v1"
    assert profile.api_key == STORED_KEY
    assert resolver.names() == ["my relay"]


def test_one_order_demo_then_given_then_environment_then_stored(tmp_path: Path) -> None:
    store = stored(tmp_path, MemoryKeyring(), "shared", "environment", "only stored")
    demo = Profile(name="shared", base_url="http://127.0.0.1:9/demo", api_key="demo")
    given = Profile(name="shared", base_url="https://given.example", api_key="sk-given-0001")
    given_env = Profile(name=ENVIRONMENT_PROFILE, base_url="https://timeout.example")
    resolver = ProfileResolver.reading_environment(store, given=[given, given_env], environ=ENV)
    resolver.demo = demo

    assert resolver.get("shared") is demo  # the demo relay first
    resolver.demo = None
    assert resolver.get("shared") is given  # then what was given for this session
    assert resolver.get(ENVIRONMENT_PROFILE) is given_env  # given before the environment
    resolver.given.clear()
    assert resolver.get(ENVIRONMENT_PROFILE).base_url == "https://env.example/v1"  # not stored
    assert resolver.get("shared").api_key == STORED_KEY  # the stored one last
    assert resolver.get("only stored").api_key == STORED_KEY
    # Names: the built-in ones first, each once; the environment's name is not a stored one.
    assert resolver.names() == [ENVIRONMENT_PROFILE, "shared", "only stored"]


def test_the_demo_relay_is_listed_first_and_may_arrive_later(tmp_path: Path) -> None:
    resolver = ProfileResolver(stored(tmp_path, MemoryKeyring(), "alpha"))
    assert resolver.names() == ["alpha"]
    demo = Profile(name="Demo relay", base_url="http://127.0.0.1:9", api_key="demo")
    resolver.demo = demo  # "Try the demo relay" in a running window
    assert resolver.names() == ["Demo relay", "alpha"]
    assert resolver.built_in() == [demo]
    assert resolver.get("Demo relay") is demo


def test_the_environment_relay_is_the_clis_default(tmp_path: Path) -> None:
    store = stored(tmp_path, MemoryKeyring(), "relay")
    resolver = ProfileResolver.reading_environment(store, environ=ENV)
    chosen = resolver.chosen(None)
    assert (chosen.name, chosen.base_url, chosen.api_key) == (
        ENVIRONMENT_PROFILE,
        "https://env.example/v1",
        "sk-env-key-00000000001",
    )
    assert resolver.chosen("relay").api_key == STORED_KEY  # --profile NAME: the stored one
    assert environment_profile({"STUDIO_API_KEY": "sk-alone"}) is None  # a key is not a relay
    assert environment_profile({"STUDIO_BASE_URL": " https://a.example "}) == Profile(
        name=ENVIRONMENT_PROFILE, base_url="https://a.example", api_key=""
    )


def test_without_the_environment_the_cli_says_how_to_configure_a_relay(tmp_path: Path) -> None:
    store = stored(tmp_path, MemoryKeyring(), "environment")
    resolver = ProfileResolver.reading_environment(store, environ={})
    for name in (None, ENVIRONMENT_PROFILE):
        with pytest.raises(InputError, match=r"No relay is configured\. Set STUDIO_BASE_URL"):
            resolver.chosen(name)


def test_the_window_reads_no_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, value in ENV.items():
        monkeypatch.setenv(variable, value)
    resolver = ProfileResolver(stored(tmp_path, MemoryKeyring()))
    assert resolver.names() == []
    with pytest.raises(InputError, match="There is no profile named environment"):
        resolver.get(ENVIRONMENT_PROFILE)


@pytest.mark.parametrize("reads_environment", [False, True])
def test_an_unknown_name_is_one_error(tmp_path: Path, reads_environment: bool) -> None:
    store = stored(tmp_path, MemoryKeyring(), "alpha")
    if reads_environment:
        resolver = ProfileResolver.reading_environment(store, environ=ENV)
    else:
        resolver = ProfileResolver(store, demo=Profile(name="Demo relay", base_url="http://x"))
    with pytest.raises(InputError) as caught:
        resolver.get("nowhere")
    assert caught.value.message.startswith("There is no profile named nowhere.")


def test_a_broken_profiles_file_leaves_the_built_in_names(tmp_path: Path) -> None:
    store = stored(tmp_path, MemoryKeyring())
    store.path.write_text("{not json", encoding="utf-8")
    demo = Profile(name="Demo relay", base_url="http://127.0.0.1:9", api_key="demo")
    resolver = ProfileResolver(store, demo=demo)
    assert resolver.names() == ["Demo relay"]  # the window still opens
    with pytest.raises(InputError, match="cannot be read"):
        resolver.get("alpha")  # asking for a stored one says what is wrong


def test_a_keyring_that_raises_gives_a_profile_without_a_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    resolver = ProfileResolver(stored(tmp_path, RaisingKeyring(), "alpha"))
    profile = resolver.get("alpha")
    assert profile.name == "alpha" and profile.api_key == ""  # the relay will say 401 plainly
    assert "could not read the key for alpha" in caplog.text
    assert STORED_KEY not in caplog.text


def test_a_blocking_keyring_is_waited_for_off_the_event_loop(tmp_path: Path) -> None:
    backend = BlockingKeyring()
    resolver = ProfileResolver(stored(tmp_path, backend, "alpha"))

    async def scenario() -> Profile:
        lookup = asyncio.ensure_future(resolver.aget("alpha"))
        await until(backend.entered.is_set)  # the loop runs while the keyring waits
        assert not lookup.done()
        backend.release.set()  # only a loop that is not blocked gets here in time
        return await lookup

    profile = asyncio.run(scenario())
    assert backend.released_in_time
    assert profile.api_key == STORED_KEY
