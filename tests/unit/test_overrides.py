"""Per relay + model settings: applied by one function, validated before they are saved."""

from __future__ import annotations

import json

import pytest

from studio.domain.errors import InputError
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import ModelOverride, Profile
from studio.domain.request import GenerationRequest
from studio.engine.overrides import MSG_EXTRA, MSG_PROTOCOL, MSG_SENT_AS, apply_overrides
from studio.settings import profiles as rules
from studio.settings.profiles import (
    ProfileStore,
    profile_from_dict,
    profile_to_dict,
    validate_override,
    validate_profile,
)
from studio.settings.secrets import KeyStore
from tests.helpers.keyring_backend import FileKeyring


def relay(*overrides: ModelOverride) -> Profile:
    return Profile(name="relay", base_url="https://relay.example/v1", model_overrides=overrides)


REQUEST = GenerationRequest(prompt="a fox", model="gpt-image-2")


# -- apply_overrides ---------------------------------------------------------------------------


def test_without_a_setting_for_the_model_the_request_is_untouched() -> None:
    profile = relay(ModelOverride("nano-banana-pro", name_sent="nano-banana-pro-all"))
    sent, notes = apply_overrides(REQUEST, profile)
    assert sent is REQUEST and notes == []


def test_the_name_sent_protocol_and_extra_fields_are_applied_and_said() -> None:
    profile = relay(
        ModelOverride(
            "gpt-image-2",
            name_sent="gpt-image-2:official",
            protocol=ProtocolId.IMAGES_ASYNC,
            extra={"channel": False, "metadata": {"tag": "x"}},
        )
    )
    sent, notes = apply_overrides(REQUEST, profile)
    assert sent.model == "gpt-image-2:official"
    assert sent.protocol is ProtocolId.IMAGES_ASYNC
    assert sent.extra == {"channel": False, "metadata": {"tag": "x"}}
    assert sent.prompt == REQUEST.prompt and REQUEST.model == "gpt-image-2"  # picked one kept
    assert [(n.code, n.template) for n in notes] == [
        ("override_name", MSG_SENT_AS),
        ("override_protocol", MSG_PROTOCOL),
        ("override_extra", MSG_EXTRA),
    ]
    assert notes[0].message == (
        "gpt-image-2 was sent to this relay as “gpt-image-2:official”, as its model settings say."
    )
    assert notes[1].params == {"model": "gpt-image-2", "protocol": "images-async"}
    assert notes[2].params == {"names": "channel, metadata"}
    sent.extra["metadata"]["tag"] = "changed"  # the copy travels, the profile stays
    assert profile.model_overrides[0].extra["metadata"] == {"tag": "x"}


def test_a_protocol_chosen_in_the_composer_wins() -> None:
    profile = relay(ModelOverride("gpt-image-2", protocol=ProtocolId.CHAT))
    chosen = GenerationRequest(prompt="a fox", model="gpt-image-2", protocol=ProtocolId.IMAGES)
    sent, notes = apply_overrides(chosen, profile)
    assert sent.protocol is ProtocolId.IMAGES and notes == []


def test_the_requests_own_extra_fields_win_over_the_relays() -> None:
    profile = relay(ModelOverride("gpt-image-2", extra={"channel": False, "seed_mode": "x"}))
    own = GenerationRequest(prompt="a fox", model="gpt-image-2", extra={"channel": True})
    sent, notes = apply_overrides(own, profile)
    assert sent.extra == {"channel": True, "seed_mode": "x"}
    assert [n.params for n in notes] == [{"names": "seed_mode"}]


def test_a_name_sent_equal_to_the_picked_one_changes_nothing() -> None:
    sent, notes = apply_overrides(
        REQUEST, relay(ModelOverride("gpt-image-2", name_sent="gpt-image-2"))
    )
    assert sent == REQUEST and notes == []


# -- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("override", "template"),
    [
        (ModelOverride("", name_sent="x"), rules.MSG_OVERRIDE_BAD_MODEL),
        (ModelOverride("two words", name_sent="x"), rules.MSG_OVERRIDE_BAD_MODEL),
        (ModelOverride("gpt-image-2", name_sent="a b"), rules.MSG_OVERRIDE_BAD_NAME_SENT),
        (ModelOverride("gpt-image-2", name_sent=""), rules.MSG_OVERRIDE_BAD_NAME_SENT),
        (ModelOverride("gpt-image-2"), rules.MSG_OVERRIDE_NOTHING),
        (ModelOverride("gpt-image-2", extra=[1]), rules.MSG_OVERRIDE_EXTRA_NOT_OBJECT),  # type: ignore[arg-type]
        (ModelOverride("gpt-image-2", extra={"prompt": "x"}), rules.MSG_OVERRIDE_EXTRA_OWN),
        (ModelOverride("gpt-image-2", extra={"size": "1x1", "n": 2}), rules.MSG_OVERRIDE_EXTRA_OWN),
        (ModelOverride("gpt-image-2", extra={"stream": True}), rules.MSG_OVERRIDE_EXTRA_OWN),
        (ModelOverride("gpt-image-2", extra={"api_key": "x"}), rules.MSG_OVERRIDE_EXTRA_SECRET),
        (
            ModelOverride("gpt-image-2", extra={"upstream": {"Authorization": "x"}}),
            rules.MSG_OVERRIDE_EXTRA_SECRET,
        ),
        (
            ModelOverride("gpt-image-2", extra={"note": "sk-abcdefghijklmnopqrstuv"}),
            rules.MSG_OVERRIDE_EXTRA_SECRET,
        ),
        (
            ModelOverride("mj", protocol=ProtocolId.MIDJOURNEY, extra={"x": 1}),
            rules.MSG_OVERRIDE_EXTRA_MIDJOURNEY,
        ),
    ],
)
def test_a_setting_that_cannot_work_is_refused_in_plain_words(
    override: ModelOverride, template: str
) -> None:
    with pytest.raises(InputError) as caught:
        validate_override(override)
    assert caught.value.template == template
    with pytest.raises(InputError):
        validate_profile(relay(override))


def test_the_own_fields_are_named_and_the_secret_is_not_repeated() -> None:
    with pytest.raises(InputError) as own:
        validate_override(ModelOverride("m", extra={"size": "1x1", "n": 2, "fine": 1}))
    assert "n, size" in own.value.message
    with pytest.raises(InputError) as secret:
        validate_override(ModelOverride("m", extra={"note": "sk-abcdefghijklmnopqrstuv"}))
    assert "note" in secret.value.message and "sk-abc" not in secret.value.message


def test_two_settings_for_one_model_are_refused() -> None:
    twice = relay(ModelOverride("m", name_sent="a"), ModelOverride("m", protocol=ProtocolId.CHAT))
    with pytest.raises(InputError) as caught:
        validate_profile(twice)
    assert caught.value.template == rules.MSG_OVERRIDE_TWICE


def test_good_settings_pass_and_survive_the_profiles_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = relay(
        ModelOverride("gpt-image-2", name_sent="gpt-image-2-all", extra={"channel": False}),
        ModelOverride("flux-2-pro", protocol=ProtocolId.IMAGES_ASYNC),
    )
    validate_profile(good)
    assert profile_from_dict(json.loads(json.dumps(profile_to_dict(good)))) == good
    store = ProfileStore(keys=KeyStore(FileKeyring(tmp_path / "keyring.json"), session={}))
    store.add(good, "sk-override-test-123456789")
    assert store.get("relay").model_overrides == good.model_overrides
    text = store.path.read_text("utf-8")
    assert "gpt-image-2-all" in text and "sk-override-test" not in text
    entry = json.loads(text)["profiles"][0]["model_overrides"]
    assert entry == [
        {"model": "gpt-image-2", "name_sent": "gpt-image-2-all", "extra": {"channel": False}},
        {"model": "flux-2-pro", "protocol": "images-async"},
    ]


@pytest.mark.parametrize(
    "overrides",
    [
        {"model": "m"},  # not a list
        [["m"]],  # not an object
        [{"name_sent": "x"}],  # no model
        [{"model": "m", "protocol": "carrier-pigeon"}],
        [{"model": "m", "extra": "channel=false"}],
        [{"model": "m", "name_sent": 3}],
    ],
)
def test_a_damaged_setting_in_the_file_is_a_plain_value_error(overrides: object) -> None:
    data = profile_to_dict(relay())
    data["model_overrides"] = overrides
    with pytest.raises(ValueError, match=r"model_overrides|model|protocol|extra|name_sent"):
        profile_from_dict(data)
