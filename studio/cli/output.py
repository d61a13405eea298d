"""What the CLI prints passes the one redaction rule (:mod:`studio.domain.redact`).

A stored link's signature, a base URL's ``user:password@``, a key a relay quoted back: none of
them reaches the terminal or a script's pipe. JSON keeps its keys and shape; only the secret
parts of its values change.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from studio.domain.redact import redact, redact_value


def say(text: str, *, error: bool = False) -> None:
    """Print a line (to stderr with ``error``) through the redaction rule."""
    print(redact(text), file=sys.stderr if error else sys.stdout)


def shown(data: Any) -> str:
    """``data`` as one line of JSON, its values (never its keys) redacted."""
    return json.dumps(redact_value(data), ensure_ascii=False)


def say_json(data: Any) -> None:
    """Print ``data`` as one line of JSON, its values redacted (the text is not redacted again:
    the JSON stays valid whatever a value held)."""
    print(shown(data))
