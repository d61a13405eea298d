"""What the window remembers between runs (QSettings): look, language, layout, recent prompts."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from studio.paths import config_dir
from studio.ui.theme import Theme

PROMPT_HISTORY_LIMIT = 200


@dataclass(frozen=True)
class PainterLook:
    """The mask painter's brush and overlay, as the user last left them."""

    brush: float = 48.0
    hardness: float = 0.8
    colour: str = "#ff4040"
    opacity: float = 0.5


_open: weakref.WeakSet[QSettings] = weakref.WeakSet()


def sync_all() -> None:
    """Write every pending preference to disk now (the process may then end without the
    destructors that would have)."""
    for settings in list(_open):
        settings.sync()


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings(
            str(config_dir() / "window.ini"), QSettings.Format.IniFormat
        )
        _open.add(self.settings)

    def _get(self, key: str, default: object = None) -> object:
        return self.settings.value(key, default)

    @property
    def theme(self) -> Theme:
        value = str(self._get("appearance/theme", Theme.SYSTEM.value))
        return Theme(value) if value in Theme._value2member_map_ else Theme.SYSTEM

    @theme.setter
    def theme(self, value: Theme) -> None:
        self.settings.setValue("appearance/theme", value.value)

    @property
    def language(self) -> str | None:
        value = self._get("appearance/language")
        return str(value) if value else None

    @language.setter
    def language(self, value: str | None) -> None:
        self.settings.setValue("appearance/language", value or "")

    @property
    def export_folder(self) -> Path:
        value = self._get("export/folder")
        return Path(str(value)) if value else Path.home() / "Pictures"

    @export_folder.setter
    def export_folder(self, value: Path) -> None:
        self.settings.setValue("export/folder", str(value))

    @property
    def profile(self) -> str | None:
        value = self._get("compose/profile")
        return str(value) if value else None

    @profile.setter
    def profile(self, value: str) -> None:
        self.settings.setValue("compose/profile", value)

    @property
    def model(self) -> str:
        return str(self._get("compose/model", "gpt-image-1"))

    @model.setter
    def model(self, value: str) -> None:
        self.settings.setValue("compose/model", value)

    @property
    def prompt_history(self) -> list[str]:
        value = self._get("compose/prompt_history", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value or []]

    def remember_prompt(self, prompt: str) -> None:
        text = prompt.strip()
        if not text:
            return
        history = [p for p in self.prompt_history if p != text]
        history.insert(0, text)
        self.settings.setValue("compose/prompt_history", history[:PROMPT_HISTORY_LIMIT])

    @property
    def welcomed(self) -> bool:
        return str(self._get("app/welcomed", "false")).lower() == "true"

    @welcomed.setter
    def welcomed(self, value: bool) -> None:
        self.settings.setValue("app/welcomed", "true" if value else "false")

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._get("window/geometry")
        state = self._get("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    @property
    def painter(self) -> PainterLook:
        found = {}
        for field in fields(PainterLook):
            value = self._get(f"painter/{field.name}")
            if value is None:
                continue
            try:
                found[field.name] = float(value) if field.type == "float" else str(value)
            except (TypeError, ValueError):
                continue  # a hand-edited file: keep the default for this one
        return PainterLook(**found)

    @painter.setter
    def painter(self, look: PainterLook) -> None:
        for field in fields(PainterLook):
            self.settings.setValue(f"painter/{field.name}", getattr(look, field.name))
