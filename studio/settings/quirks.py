"""What the studio learned about each relay: optional parameters it refuses, per model.

When a relay answers HTTP 400 naming an optional parameter it does not take (`response_format`
through a strict proxy, `quality` on a model behind a translating relay…), the engine sends the
request once more without it and remembers that here, so the next request leaves it out from the
start (and says so). Settings shows the list and can forget any of it.

``<config dir>/relay-quirks.json``: ``{"version": 1, "relays": {profile: {model: [names]}}}``,
written atomically. Never a key.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from studio.paths import config_dir

log = logging.getLogger(__name__)

QUIRKS_FILE = "relay-quirks.json"
FORMAT_VERSION = 1


class RelayQuirks:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / QUIRKS_FILE
        self._lock = threading.Lock()

    # -- reading ---------------------------------------------------------------------------

    def refused(self, profile: str, model: str) -> frozenset[str]:
        """The optional parameters ``profile`` refused for ``model`` before."""
        with self._lock:
            return frozenset(self._load().get(profile, {}).get(model, ()))

    def all(self) -> dict[str, dict[str, list[str]]]:
        """Everything learned: relay → model → refused parameters (sorted)."""
        with self._lock:
            return {
                relay: {model: sorted(names) for model, names in models.items() if names}
                for relay, models in self._load().items()
                if any(models.values())
            }

    # -- writing ---------------------------------------------------------------------------

    def remember(self, profile: str, model: str, names: frozenset[str] | set[str]) -> None:
        with self._lock:
            data = self._load()
            known = set(data.setdefault(profile, {}).get(model, ()))
            if names <= known:
                return
            data[profile][model] = sorted(known | set(names))
            self._save(data)

    def forget(self, profile: str, model: str | None = None, name: str | None = None) -> None:
        """Forget one parameter, a model's list, or everything about a relay."""
        with self._lock:
            data = self._load()
            models = data.get(profile)
            if models is None:
                return
            if model is None:
                del data[profile]
            elif name is None:
                models.pop(model, None)
            elif model in models:
                models[model] = [n for n in models[model] if n != name]
                if not models[model]:
                    del models[model]
            if profile in data and not data[profile]:
                del data[profile]
            self._save(data)

    # -- the file --------------------------------------------------------------------------

    def _load(self) -> dict[str, dict[str, list[str]]]:
        try:
            document = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("the relay quirks file %s is unreadable: %s", self.path, error)
            return {}
        relays = document.get("relays") if isinstance(document, dict) else None
        if not isinstance(relays, dict):
            return {}
        clean: dict[str, dict[str, list[str]]] = {}
        for relay, models in relays.items():
            if not isinstance(relay, str) or not isinstance(models, dict):
                continue
            for model, names in models.items():
                if isinstance(model, str) and isinstance(names, list):
                    kept = [n for n in names if isinstance(n, str) and n]
                    if kept:
                        clean.setdefault(relay, {})[model] = kept
        return clean

    def _save(self, relays: dict[str, dict[str, list[str]]]) -> None:
        document = {"version": FORMAT_VERSION, "relays": relays}
        content = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                prefix=f".{self.path.name}.", dir=self.path.parent
            )
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except OSError as error:  # learning is a convenience: the next 400 teaches it again
            log.warning("could not write the relay quirks file %s: %s", self.path, error)
