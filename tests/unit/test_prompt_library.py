"""The prompt library's storage: examples until the first change, atomic writes, a damaged file
kept aside, search, import/export merging, no secrets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from studio.domain.redact import remember_secret
from studio.settings.prompt_library import (
    SEEDS,
    PromptLibrary,
    PromptLibraryError,
    SavedPrompt,
    parse_tags,
    search,
    variables_of,
)


@pytest.fixture
def library(tmp_path: Path) -> PromptLibrary:
    (tmp_path / "library").mkdir()
    return PromptLibrary(tmp_path / "library" / "prompts.json")


def test_a_new_library_holds_the_examples_in_both_languages(library: PromptLibrary) -> None:
    prompts = library.load()
    assert prompts == list(SEEDS)
    assert not library.path.exists()  # nothing written until the user changes something
    languages = {prompt.language for prompt in prompts}
    assert languages == {"en", "zh_CN"}
    names = {prompt.name for prompt in prompts}
    assert {"Product shot", "Event poster", "Window-light portrait"} <= names
    assert {"产品主图", "活动海报", "窗光人像"} <= names
    assert all(prompt.variables for prompt in prompts)  # each example is a template
    assert next(p for p in prompts if p.name == "产品主图").variables == ["产品"]


def test_the_first_change_writes_the_examples_with_it_and_a_deleted_one_stays_gone(
    library: PromptLibrary,
) -> None:
    library.remove("Event poster")
    library.add(SavedPrompt("Kite", "a red kite", ("kite",)))
    names = [prompt.name for prompt in PromptLibrary(library.path).load()]
    assert "Event poster" not in names
    assert names[-1] == "Kite"
    assert len(names) == len(SEEDS)
    document = json.loads(library.path.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["prompts"][-1] == {"name": "Kite", "text": "a red kite", "tags": ["kite"]}


def test_names_are_unique_ignoring_case_and_checked(library: PromptLibrary) -> None:
    with pytest.raises(PromptLibraryError) as taken:
        library.add(SavedPrompt("product SHOT", "another"))
    assert taken.value.reason == "taken"
    replaced = library.add(SavedPrompt("product SHOT", "another"), replace_existing=True)
    assert replaced.name == "product SHOT"
    assert library.get("Product shot").text == "another"
    for prompt, reason in (
        (SavedPrompt("   ", "text"), "empty_name"),
        (SavedPrompt("x" * 81, "text"), "too_long"),
        (SavedPrompt("Empty", "  \n "), "empty_text"),
        (SavedPrompt("Huge", "x" * 32_001), "text_too_long"),
    ):
        with pytest.raises(PromptLibraryError) as refused:
            library.add(prompt)
        assert refused.value.reason == reason
    with pytest.raises(PromptLibraryError) as missing:
        library.remove("no such prompt")
    assert missing.value.reason == "missing"


def test_rename_retag_and_rewrite(library: PromptLibrary) -> None:
    library.update("Product shot", new_name="  Packshot  ", tags="white, Product，white")
    packshot = library.get("packshot")
    assert packshot.name == "Packshot"
    assert packshot.tags == ("white", "Product")  # trimmed, each once (case ignored)
    assert packshot.language == "en"  # still the example it was
    library.update("Packshot", text="a {thing} on white")
    assert library.get("Packshot").variables == ["thing"]
    with pytest.raises(PromptLibraryError) as taken:
        library.update("Packshot", new_name="event poster")
    assert taken.value.reason == "taken"
    library.update("Packshot", new_name="PACKSHOT")  # its own name in another case is fine
    assert library.get("packshot").name == "PACKSHOT"


def test_a_damaged_file_is_kept_aside_and_reads_as_empty(library: PromptLibrary) -> None:
    library.path.write_text('{"version": 1, "prompts": [', encoding="utf-8")
    assert library.load() == []
    aside = library.path.with_name("prompts.json.damaged")
    assert aside.read_text(encoding="utf-8") == '{"version": 1, "prompts": ['
    assert library.load() == []  # empty from now on, not the examples again
    library.add(SavedPrompt("Kite", "a kite"))
    assert [prompt.name for prompt in library.load()] == ["Kite"]
    assert aside.is_file()  # the damaged copy is left for the user


def test_entries_without_a_name_or_text_are_left_out(library: PromptLibrary) -> None:
    library.path.write_text(
        json.dumps(
            {
                "prompts": [
                    {"name": "Good", "text": "a good one", "tags": "a, b"},
                    {"name": "", "text": "nameless"},
                    {"text": "no name"},
                    "not even an object",
                    {"name": "Tagless", "text": "fine", "tags": 5},
                ]
            }
        ),
        encoding="utf-8",
    )
    prompts = library.load()
    assert [(p.name, p.tags) for p in prompts] == [("Good", ("a", "b")), ("Tagless", ())]


def test_writes_are_atomic(library: PromptLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    library.add(SavedPrompt("Kite", "a kite"))
    before = library.path.read_bytes()

    def broken_replace(source: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        library.add(SavedPrompt("Boat", "a boat"))
    monkeypatch.undo()
    assert library.path.read_bytes() == before  # the old file whole, no half-written one
    assert not list(library.path.parent.glob(".prompts.json.*"))  # no temporary file left


def test_no_secret_is_written(library: PromptLibrary) -> None:
    remember_secret("sk-live-0123456789abcdefXYZ")
    saved = library.add(
        SavedPrompt(
            "key sk-live-0123456789abcdefXYZ",
            "a kite, Authorization: Bearer sk-live-0123456789abcdefXYZ",
            ("sk-live-0123456789abcdefXYZ",),
        )
    )
    text = library.path.read_text(encoding="utf-8")
    assert "0123456789abcdef" not in text
    assert "***" in saved.text
    imported = library.path.with_name("with-key.json")
    imported.write_text(
        json.dumps([{"name": "leaky", "text": "use sk-live-0123456789abcdefXYZ please"}]),
        encoding="utf-8",
    )
    library.import_from(imported)  # what is imported passes the same rule
    assert "0123456789abcdef" not in library.path.read_text(encoding="utf-8")


def test_export_then_import_merges_by_name(library: PromptLibrary, tmp_path: Path) -> None:
    library.add(SavedPrompt("Kite", "a red kite", ("kite",)))
    exported = tmp_path / "out" / "mine.json"
    assert library.export_to(exported) == len(SEEDS) + 1
    assert library.export_to(tmp_path / "one.json", ["kite"]) == 1

    other = PromptLibrary(tmp_path / "other.json")
    other.add(SavedPrompt("Kite", "a blue kite"))  # same name, other text
    other.update("Product shot", tags="mine")  # same name, same text, other tags
    report = other.import_from(exported)
    assert report.renamed == [("Kite", "Kite (2)")]
    assert "Product shot" in report.unchanged
    assert report.added == []  # every example was there already
    assert report.skipped == 0
    merged = {prompt.name: prompt for prompt in other.load()}
    assert merged["Kite"].text == "a blue kite"
    assert merged["Kite (2)"].text == "a red kite"
    assert merged["Product shot"].tags == ("mine", "product", "photo", "e-commerce")

    again = other.import_from(exported)  # importing twice adds nothing new
    assert again.renamed == [] and "Kite" in again.unchanged


def test_import_reads_a_bare_list_and_refuses_what_is_not_a_library(
    library: PromptLibrary, tmp_path: Path
) -> None:
    bare = tmp_path / "bare.json"
    bare.write_text('[{"name": "Boat", "text": "a paper boat"}, {"name": 3}]', encoding="utf-8")
    report = library.import_from(bare)
    assert report.added == ["Boat"] and report.skipped == 1
    assert library.get("boat").language is None
    for content in (b'{"hello": 1}', b"not json", b"\xff\xfe\x00"):
        wrong = tmp_path / "wrong.json"
        wrong.write_bytes(content)
        with pytest.raises(PromptLibraryError) as refused:
            library.import_from(wrong)
        assert refused.value.reason == "unreadable"
    with pytest.raises(FileNotFoundError):
        library.import_from(tmp_path / "missing.json")


def test_search_ranks_names_then_tags_then_text_and_the_users_language_first() -> None:
    prompts = list(SEEDS)
    assert search(prompts, "prod")[0].name == "Product shot"
    assert [p.name for p in search(prompts, "photo", "en", in_text=False)] == [
        "Product shot",
        "Window-light portrait",
    ]
    assert search(prompts, "backdrop", in_text=False) == []
    assert [p.name for p in search(prompts, "backdrop")] == ["Product shot"]
    assert [p.name for p in search(prompts, "海报")] == ["活动海报"]
    everything = search(prompts, "", "zh_CN")
    assert [p.language for p in everything[:4]] == ["zh_CN"] * 4
    assert [p.language for p in search(prompts, "", "en")[:4]] == ["en"] * 4


def test_variables_and_tags_helpers() -> None:
    assert variables_of("a {animal} in {style}, {animal} again, {{literal}}") == [
        "animal",
        "style",
    ]
    assert variables_of("a {broken") == []
    assert variables_of("{0} and {1}") == []
    assert parse_tags(" a ,b，c、d;e；a ,, ") == ("a", "b", "c", "d", "e")
    assert len(parse_tags(",".join(str(n) for n in range(30)))) == 20
