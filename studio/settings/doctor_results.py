"""The relay doctor's last findings per relay, in ``<config dir>/doctor.json``.

One record per profile name: when it was checked and what was found (each finding's name, its
verdict, its English text and its template, so the window can show it in the user's language).
Never a key: every value passes the redaction rule, and a field that looks like a secret is
refused. Written atomically like profiles.json; a damaged file reads as "never checked".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from studio.domain.redact import redact_value
from studio.paths import config_dir
from studio.settings.profiles import _write_atomically, refuse_secrets

log = logging.getLogger(__name__)

RESULTS_FILE = "doctor.json"
FORMAT_VERSION = 1


class DoctorResults:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / RESULTS_FILE

    def _relays(self) -> dict[str, Any]:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, ValueError) as error:
            log.warning("ignoring the unreadable %s: %s", self.path, error)
            return {}
        relays = document.get("relays") if isinstance(document, dict) else None
        return relays if isinstance(relays, dict) else {}

    def load(self, profile: str) -> dict[str, Any] | None:
        """The last record stored for ``profile`` (``checked_at`` is an ISO 8601 date)."""
        record = self._relays().get(profile)
        return record if isinstance(record, dict) else None

    def save(self, profile: str, record: Mapping[str, Any]) -> None:
        """Replace ``profile``'s record; raises OSError when the file cannot be written."""
        relays = self._relays()
        relays[profile] = redact_value(dict(record))
        self._write(relays)

    def forget(self, profile: str) -> None:
        relays = self._relays()
        if relays.pop(profile, None) is not None:
            self._write(relays)

    def _write(self, relays: dict[str, Any]) -> None:
        document = {"version": FORMAT_VERSION, "relays": relays}
        refuse_secrets(document)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        _write_atomically(self.path, text.encode("utf-8"))
