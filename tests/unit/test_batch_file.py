"""Batch files and templates: text, JSONL and CSV read line by line, every bad line named by its
number, templates expanded to every combination in a fixed order."""

from __future__ import annotations

import itertools
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.engine.batch import (
    MAX_EXPANDED,
    BatchFileError,
    BatchLine,
    expand_lines,
    expand_template,
    parse_variable,
    placeholders,
    read_batch_file,
    read_lines,
)


def problems(error: pytest.ExceptionInfo[BatchFileError]) -> list[tuple[int, str]]:
    return [(problem.number, problem.reason) for problem in error.value.problems]


# -- text ---------------------------------------------------------------------------------------


def test_text_is_one_prompt_per_line_skipping_blanks_and_comments() -> None:
    text = "# my animals\na cat\n\n   \n  a dog in {style}  \n#a comment\nlast"
    assert read_lines(text, "text") == [
        BatchLine(2, "a cat"),
        BatchLine(5, "a dog in {style}"),
        BatchLine(7, "last"),
    ]


def test_a_file_is_read_by_its_extension_and_a_bom_is_not_part_of_the_prompt(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("\ufeffa cat\n", encoding="utf-8")
    (tmp_path / "b.JSONL").write_text('{"prompt": "a dog"}\n', encoding="utf-8")
    (tmp_path / "c.csv").write_text("\ufeffprompt\na fox\n", encoding="utf-8")
    assert read_batch_file(tmp_path / "a.txt") == [BatchLine(1, "a cat")]
    assert read_batch_file(tmp_path / "b.JSONL") == [BatchLine(1, "a dog")]
    assert read_batch_file(tmp_path / "c.csv") == [BatchLine(2, "a fox")]


# -- JSONL --------------------------------------------------------------------------------------


def test_jsonl_fields_are_generates_option_names() -> None:
    text = "\n".join(
        [
            '{"prompt": "a cat", "model": "gpt-image-1", "n": 2, "refs": ["a.png", "b.png"]}',
            "# a comment",
            '{"prompt": " a dog ", "seed": "42", "refs": "c.png; d.png", "ratio": "16:9",'
            ' "profile": "relay-b", "protocol": "images", "mask": "m.png", "size": "",'
            ' "quality": null}',
        ]
    )
    assert read_lines(text, "jsonl") == [
        BatchLine(1, "a cat", {"model": "gpt-image-1", "n": 2, "refs": ["a.png", "b.png"]}),
        BatchLine(
            3,
            "a dog",
            {
                "seed": 42,
                "refs": ["c.png", "d.png"],
                "ratio": "16:9",
                "profile": "relay-b",
                "protocol": "images",
                "mask": "m.png",
            },
        ),
    ]


def test_every_bad_jsonl_line_is_named_by_its_number() -> None:
    text = "\n".join(
        [
            '{"prompt": "fine"}',
            "{not json",
            '["a list"]',
            '{"model": "gpt-image-1"}',
            '{"prompt": "x", "colour": "red"}',
            '{"prompt": "x", "n": "two"}',
            '{"prompt": "x", "n": 0}',
            '{"prompt": "x", "n": true}',
            '{"prompt": "x", "refs": [1, 2]}',
            '{"prompt": "x", "ratio": 16}',
            '{"prompt": "also fine"}',
        ]
    )
    with pytest.raises(BatchFileError) as error:
        read_lines(text, "jsonl")
    found = problems(error)
    assert [number for number, _ in found] == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    reasons = dict(found)
    assert reasons[2].startswith("not JSON")
    assert reasons[3] == "not a JSON object"
    assert reasons[4] == "no prompt"
    assert reasons[5] == "unknown field(s): colour"
    assert "not a whole number" in reasons[6] and "not a whole number" in reasons[8]
    assert reasons[7] == "n must be at least 1: 0"
    assert "refs" in reasons[9] and reasons[10] == "ratio must be text"
    assert "line 2: not JSON" in str(error.value)


# -- CSV ----------------------------------------------------------------------------------------


def test_csv_has_a_header_row_and_one_request_per_row() -> None:
    text = (
        "# made by hand\n"
        "prompt,model,n,refs,\n"
        "a cat,gpt-image-1,2,a.png;b.png,\n"
        ",,,,\n"
        '"two, words\nand a second line",dall-e-3,,\n'
        "# skipped too\n"
        "short row\n"
    )
    assert read_lines(text, "csv") == [
        BatchLine(3, "a cat", {"model": "gpt-image-1", "n": 2, "refs": ["a.png", "b.png"]}),
        BatchLine(6, "two, words\nand a second line", {"model": "dall-e-3"}),
        BatchLine(8, "short row"),
    ]


def test_a_csv_row_with_more_cells_than_the_header_is_named() -> None:
    text = "prompt,model\na cat,gpt-image-1\na dog,dall-e-3,surprise\na fox,dall-e-3,,\n"
    with pytest.raises(BatchFileError) as error:
        read_lines(text, "csv")
    assert problems(error) == [(3, "3 cells, but the header names 2 fields")]


def test_a_csv_header_with_unknown_or_doubled_fields_is_refused_at_its_line() -> None:
    with pytest.raises(BatchFileError) as error:
        read_lines("\n# header next\nprompt,colour,model,model\na,b,c,d\n", "csv")
    assert problems(error) == [
        (3, "unknown field(s): colour"),
        (3, "field(s) named twice: model"),
    ]
    with pytest.raises(BatchFileError) as error:
        read_lines("model\ngpt-image-1\n", "csv")
    assert problems(error) == [(1, "the header row has no prompt field")]


def test_bad_csv_rows_are_all_reported_with_their_numbers() -> None:
    text = "prompt,n,seed\nfine,1,\n,2,\nbad n,x,\nbad seed,1,1.5\n"
    with pytest.raises(BatchFileError) as error:
        read_lines(text, "csv")
    assert [number for number, _ in problems(error)] == [3, 4, 5]


# -- templates ----------------------------------------------------------------------------------


def test_templates_expand_every_combination_the_first_variable_slowest() -> None:
    variables = {"animal": ["cat", "dog"], "style": ["ink", "oil", "clay"], "unused": ["x"]}
    assert expand_template("a {animal} in {style}, {animal} again", variables) == [
        "a cat in ink, cat again",
        "a cat in oil, cat again",
        "a cat in clay, cat again",
        "a dog in ink, dog again",
        "a dog in oil, dog again",
        "a dog in clay, dog again",
    ]
    assert expand_template("{style} {animal}", variables)[:2] == ["ink cat", "ink dog"]
    assert expand_template("no variables", variables) == ["no variables"]


def test_doubled_braces_are_braces() -> None:
    assert expand_template("{{literal}} {x} }}{{", {"x": ["1"]}) == ["{literal} 1 }{"]
    assert placeholders("{{not}} a variable") == []


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("a {animal}", "no values for {animal}"),
        ("a {b", "a { or } without its pair"),
        ("a } b", "a { or } without its pair"),
        ("{0}", "{0} is not a variable name"),
        ("{}", "{} is not a variable name"),
        ("{a.b}", "{a.b} is not a variable name"),
        ("{a!r}", "format spec"),
        ("{a:>5}", "format spec"),
    ],
)
def test_bad_templates_say_why(template: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("{", r"\{").replace("}", r"\}")):
        expand_template(template, {"a": ["1"]})


def test_a_template_too_large_is_refused() -> None:
    variables = {name: [str(i) for i in range(101)] for name in "ab"}
    with pytest.raises(ValueError, match=f"at most {MAX_EXPANDED}"):
        expand_template("{a}{b}", variables)


def test_expanding_lines_keeps_their_numbers_and_names_a_missing_variable() -> None:
    lines = [BatchLine(2, "a {x}", {"n": 2}), BatchLine(4, "plain"), BatchLine(7, "{y}")]
    expanded = expand_lines(lines[:2], {"x": ["cat", "dog"]})
    assert expanded == [
        BatchLine(2, "a cat", {"n": 2}),
        BatchLine(2, "a dog", {"n": 2}),
        BatchLine(4, "plain"),
    ]
    with pytest.raises(BatchFileError) as error:
        expand_lines(lines, {"x": ["cat"]})
    assert problems(error) == [(7, "no values for {y}")]


def test_variables_are_name_equals_values() -> None:
    assert parse_variable(" style = ink, oil ,,clay ") == ("style", ["ink", "oil", "clay"])
    for bad in ("style", "=ink", "two words=a", "style=", "style= , "):
        with pytest.raises(ValueError, match=r"NAME=VALUE|no values"):
            parse_variable(bad)


# -- the expander's properties ------------------------------------------------------------------

NAMES = st.sampled_from(["a", "b", "colour", "x1"])
VALUES = st.lists(
    st.text(alphabet=string.ascii_letters + " {}-", min_size=1, max_size=6).filter(str.strip),
    min_size=1,
    max_size=3,
)
PIECES = st.lists(
    st.one_of(
        NAMES.map(lambda name: "{" + name + "}"),
        st.text(alphabet=string.ascii_letters + " ,.", max_size=5),
        st.sampled_from(["{{", "}}"]),
    ),
    max_size=8,
)


@given(PIECES, st.dictionaries(NAMES, VALUES, min_size=4, max_size=4))
def test_expansion_is_the_product_of_the_values_in_order(
    pieces: list[str], variables: dict[str, list[str]]
) -> None:
    template = "".join(pieces)
    names = placeholders(template)
    fields = [p[1:-1] for p in pieces if p.startswith("{") and p != "{{"]
    assert names == list(dict.fromkeys(fields))
    expanded = expand_template(template, variables)
    combos = list(itertools.product(*(variables[name] for name in names)))
    assert len(expanded) == len(combos)
    for text, combo in zip(expanded, combos, strict=True):
        expected = "".join(
            dict(zip(names, combo, strict=True))[p[1:-1]]
            if p.startswith("{") and p != "{{"
            else {"{{": "{", "}}": "}"}.get(p, p)
            for p in pieces
        )
        assert text == expected
