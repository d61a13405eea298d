"""What the prompt library's refusals say, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.settings.prompt_library import MAX_NAME, MAX_TEXT, PromptLibraryError


def tr(text: str) -> str:
    return QCoreApplication.translate("PromptLibrary", text)


def refusal_text(error: PromptLibraryError) -> str:
    texts = {
        "empty_name": tr("Give the prompt a name."),
        "too_long": tr("A name has at most {limit} characters.").format(limit=MAX_NAME),
        "taken": tr("A prompt named “{name}” is already saved.").format(name=error.name),
        "empty_text": tr("The prompt has no text."),
        "text_too_long": tr("A saved prompt has at most {limit} characters.").format(
            limit=MAX_TEXT
        ),
        "missing": tr("“{name}” is no longer in the library.").format(name=error.name),
        "unreadable": tr(
            "That file is not a prompt library: JSON with a list of prompts, each with a name "
            "and a text."
        ),
    }
    return texts.get(error.reason, str(error))


def variables_text(names: list[str]) -> str:
    if not names:
        return tr("No variables. Write {name} in the text to make one a batch can fill in.")
    return tr("Variables: {names}").format(names=", ".join("{" + name + "}" for name in names))
