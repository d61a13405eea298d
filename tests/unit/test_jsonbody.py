"""Long strings are cut out of big answers before json.loads, and come back intact."""

from __future__ import annotations

import base64
import json
import os

from studio.protocols import jsonbody
from studio.protocols.jsonbody import Blob, as_text


def test_small_bodies_are_plain_json() -> None:
    assert jsonbody.loads(b'{"a": "b", "n": [1, 2]}') == {"a": "b", "n": [1, 2]}


def test_long_strings_come_back_as_blobs_with_the_same_text() -> None:
    payload = base64.b64encode(os.urandom(300_000)).decode()
    body = json.dumps(
        {
            "created": 1,
            "note": 'say "hi" \\ there',
            "data": [
                {"b64_json": payload, "revised_prompt": 'a "quoted" cat'},
                {"url": "https://x/y.png"},
            ],
        }
    ).encode()
    data = jsonbody.loads(body)
    blob = data["data"][0]["b64_json"]
    assert isinstance(blob, Blob) and not blob.escaped
    assert blob.text() == payload and as_text(blob) == payload
    assert data["data"][0]["revised_prompt"] == 'a "quoted" cat'
    assert data["note"] == 'say "hi" \\ there'
    assert data["data"][1]["url"] == "https://x/y.png"


def test_escaped_slashes_and_newlines_are_unescaped() -> None:
    payload = base64.encodebytes(os.urandom(120_000)).decode()  # has newlines and slashes
    body = json.dumps({"data": [{"b64_json": payload}]}).replace("/", "\\/").encode()
    blob = jsonbody.loads(body)["data"][0]["b64_json"]
    assert blob.escaped and blob.text() == payload


def test_blobs_inside_lists_of_strings() -> None:
    long = "A" * 70_000
    assert (
        jsonbody.loads(json.dumps({"images": [long, "short"]}).encode())["images"][0].text() == long
    )
