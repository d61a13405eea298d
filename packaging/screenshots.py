"""Regenerate the README's screenshots (English and 简体中文) on a virtual screen.

    python packaging/screenshots.py [--out resources/screenshots]

Each picture is `studio --screenshot` of a scripted state (`--scenario`), in a fresh data
folder: the first run, demo jobs running, a full gallery, failed jobs, the settings dialog, the mask
painter, a relay caught ignoring the mask, Expand canvas.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = (
    ("first-run", False),
    ("running", True),
    ("gallery", True),
    ("error", True),
    ("kept", True),
    ("relay-models", True),
    ("doctor", True),
    ("first-relay", False),
    ("first-relay-ready", False),
    ("settings", True),
    ("mask-painter", True),
    ("inpaint-warning", True),
    ("expand", True),
    ("composer-nano-banana-2", True),
    ("relays", True),
    ("batch", True),
    ("batch-running", True),
    ("boards", True),
    ("compare", True),
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "zh_CN"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures = 0
    for language in args.languages:
        for scenario, demo in SHOTS:
            with tempfile.TemporaryDirectory(prefix="studio-shot-") as folder:
                env = dict(environment, STUDIO_CONFIG_DIR=folder, STUDIO_LOG_DIR=folder)
                target = args.out / f"{scenario}-{language}.png"
                command = [
                    sys.executable,
                    "-m",
                    "studio",
                    "--data-dir",
                    folder,
                    "--lang",
                    language,
                    "--scenario",
                    scenario,
                    "--screenshot",
                    str(target),
                ]
                if demo:
                    command.append("--demo")
                result = subprocess.run(
                    command, env=env, capture_output=True, text=True, timeout=180, check=False
                )
                if result.returncode != 0:
                    failures += 1
                    print(
                        f"failed: {scenario} {language}\n{result.stderr[-2000:]}", file=sys.stderr
                    )
                else:
                    print(f"saved {target}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
