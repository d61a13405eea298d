"""The Linux bundle's own files, without building it: the menu entry, install.sh/uninstall.sh on
a fake bundle in a fake HOME, and build.py's plan. The real build is packaging/smoke.py's job."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
BASH = shutil.which("bash")

needs_bash = pytest.mark.skipif(
    BASH is None or not sys.platform.startswith("linux"), reason="Linux shell scripts"
)


def _build_module():
    spec = importlib.util.spec_from_file_location("studio_packaging_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- The menu entry -------------------------------------------------------------------------------

DESKTOP_KEYS = {
    "Type", "Version", "Name", "GenericName", "NoDisplay", "Comment", "Icon", "Hidden",
    "OnlyShowIn", "NotShowIn", "DBusActivatable", "TryExec", "Exec", "Path", "Terminal",
    "Actions", "MimeType", "Categories", "Implements", "Keywords", "StartupNotify",
    "StartupWMClass", "URL", "PrefersNonDefaultGPU", "SingleMainWindow",
}  # fmt: skip
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
    "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip


def test_desktop_entry_has_only_valid_keys() -> None:
    text = (LINUX / "studio.desktop").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "[Desktop Entry]"
    keys = [line.split("=", 1)[0] for line in lines[1:]]
    assert len(keys) == len(set(keys)), "duplicate keys"
    for key in keys:
        base = re.sub(r"\[[A-Za-z_@]+\]$", "", key)
        assert base in DESKTOP_KEYS, f"{key} is not a desktop entry key"
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string(text)
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "studio" and section["TryExec"] == "studio"
    assert section["Icon"] == "studio"  # the hicolor name install.sh puts in place
    assert section["Terminal"] == "false"
    for key in ("Categories", "Keywords", "Keywords[zh_CN]"):
        assert section[key].endswith(";"), f"{key} is a list and must end with ;"
    assert set(section["Categories"].rstrip(";").split(";")) & MAIN_CATEGORIES
    # The window sets QGuiApplication.desktopFileName("studio") and its class is "Studio".
    assert section["StartupWMClass"] == "Studio"


# -- install.sh / uninstall.sh --------------------------------------------------------------------


def _fake_bundle(folder: Path, version: str) -> Path:
    """What build.py lays out, with tiny shell scripts as the launchers."""
    bundle = folder / f"studio-{version}"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "marker").write_text("internal\n")
    for name in ("studio", "studio-cli"):
        launcher = bundle / name
        launcher.write_text(f'#!/bin/sh\necho {name} {version} "$@"\n')
        launcher.chmod(0o755)
    for script in ("install.sh", "uninstall.sh"):
        text = (LINUX / script).read_text(encoding="utf-8").replace("@VERSION@", version)
        (bundle / script).write_text(text)
        (bundle / script).chmod(0o755)
    (bundle / "share" / "applications").mkdir(parents=True)
    shutil.copy(LINUX / "studio.desktop", bundle / "share" / "applications" / "studio.desktop")
    for size in ("48x48", "256x256"):
        icons = bundle / "share" / "icons" / "hicolor" / size / "apps"
        icons.mkdir(parents=True)
        (icons / "studio.png").write_bytes(b"\x89PNG fake " + size.encode())
    scalable = bundle / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "studio.svg", scalable / "studio.svg")
    return bundle


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(
        [BASH, str(script), *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _tree(home: Path) -> set[str]:
    return {p.relative_to(home).as_posix() for p in home.rglob("*")}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@needs_bash
def test_install_then_uninstall_removes_exactly_what_install_made(
    tmp_path: Path, home: Path
) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked", "9.8.7")
    (home / ".config").mkdir()  # the user's own, before the install
    before = _tree(home)

    installed = _run(bundle / "install.sh", home)
    assert installed.returncode == 0, installed.stderr
    app = home / ".local" / "opt" / "studio-9.8.7"
    link = home / ".local" / "bin" / "studio"
    assert link.is_symlink() and os.readlink(link) == str(app / "studio")
    assert os.readlink(home / ".local" / "bin" / "studio-cli") == str(app / "studio-cli")
    assert (app / "_internal" / "marker").is_file()
    desktop = (home / ".local" / "share" / "applications" / "studio.desktop").read_text()
    assert f'Exec="{app}/studio"' in desktop and f"TryExec={app}/studio" in desktop
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    assert (hicolor / "256x256" / "apps" / "studio.png").read_bytes().endswith(b"256x256")
    assert (hicolor / "scalable" / "apps" / "studio.svg").is_file()
    assert "not on your PATH" in installed.stdout
    made = _tree(home) - before
    ran = subprocess.run([str(link), "--demo"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "studio 9.8.7 --demo"

    # The studio's own data, made after the install, must survive the uninstall.
    data = home / ".local" / "share" / "studio"
    data.mkdir()
    (data / "history.sqlite3").write_text("precious")

    removed = _run(app / "uninstall.sh", home)
    assert removed.returncode == 0, removed.stderr
    assert str(data) in removed.stdout  # it says where the data is
    after = _tree(home)
    assert (data / "history.sqlite3").read_text() == "precious"
    left = {p for p in after & made if not data.relative_to(home).as_posix().startswith(p)}
    assert not left, f"install.sh leftovers: {sorted(left)}"
    assert after == before | {".local", ".local/share", ".local/share/studio",
                              ".local/share/studio/history.sqlite3"}  # fmt: skip


@needs_bash
def test_uninstall_keeps_what_the_user_changed_or_replaced(tmp_path: Path, home: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked", "1.0.0")
    assert _run(bundle / "install.sh", home).returncode == 0
    desktop = home / ".local" / "share" / "applications" / "studio.desktop"
    desktop.write_text(desktop.read_text() + "X-Edited=by the user\n")
    link = home / ".local" / "bin" / "studio-cli"
    link.unlink()
    link.symlink_to("/usr/bin/true")

    removed = _run(bundle / "uninstall.sh", home)  # from the unpacked bundle: finds the install
    assert removed.returncode == 0, removed.stderr
    assert desktop.is_file() and "changed since install" in removed.stdout
    assert link.is_symlink() and "points elsewhere" in removed.stdout
    assert not (home / ".local" / "opt" / "studio-1.0.0").exists()
    assert not (home / ".local" / "bin" / "studio").exists()


@needs_bash
def test_a_new_version_replaces_the_old_one(tmp_path: Path, home: Path) -> None:
    old = _fake_bundle(tmp_path / "old", "1.0.0")
    new = _fake_bundle(tmp_path / "new", "1.1.0")
    assert _run(old / "install.sh", home).returncode == 0
    upgraded = _run(new / "install.sh", home)
    assert upgraded.returncode == 0, upgraded.stderr
    opt = home / ".local" / "opt"
    assert sorted(p.name for p in opt.iterdir()) == ["studio-1.1.0"]
    assert os.readlink(home / ".local" / "bin" / "studio") == str(opt / "studio-1.1.0" / "studio")
    # Installing the same version again is a clean reinstall, not a failure.
    assert _run(new / "install.sh", home).returncode == 0
    assert (opt / "studio-1.1.0" / ".install-manifest").is_file()


@needs_bash
def test_install_refuses_to_replace_a_studio_it_did_not_install(tmp_path: Path, home: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked", "1.0.0")
    foreign = home / ".local" / "bin" / "studio"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\n# a pip install\n")
    refused = _run(bundle / "install.sh", home)
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert foreign.read_text().endswith("a pip install\n")
    assert not (home / ".local" / "opt" / "studio-1.0.0").exists()
    forced = _run(bundle / "install.sh", home, "--force")
    assert forced.returncode == 0 and foreign.is_symlink()


@needs_bash
def test_install_options_and_help(tmp_path: Path, home: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked", "2.0.0")
    assert "--prefix" in _run(bundle / "install.sh", home, "--help").stdout
    installed = _run(
        bundle / "install.sh", home, "--prefix", str(tmp_path / "apps"), "--bin-dir",
        str(tmp_path / "bin"), "--no-menu",
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    assert (tmp_path / "bin" / "studio").is_symlink()
    assert not (home / ".local").exists()
    removed = _run(tmp_path / "apps" / "studio-2.0.0" / "uninstall.sh", home)
    assert removed.returncode == 0, removed.stderr
    assert not (tmp_path / "apps").exists() and not (tmp_path / "bin").exists()


@needs_bash
@pytest.mark.parametrize(
    "script", ["linux/install.sh", "linux/uninstall.sh", "build-wheelhouse", "install-offline"]
)
def test_shell_scripts_parse(script: str) -> None:
    path = PACKAGING / script
    assert subprocess.run([BASH, "-n", str(path)], check=False).returncode == 0
    if "/" not in script:
        assert os.access(path, os.X_OK), f"{script} must be executable"


# -- build.py -------------------------------------------------------------------------------------


def test_build_dry_run_prints_the_plan(tmp_path: Path) -> None:
    from studio import __version__

    out, work = tmp_path / "out", tmp_path / "work"
    command = [sys.executable, str(PACKAGING / "build.py"), "--dry-run"]
    result = subprocess.run(
        [*command, "--output", str(out), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert f"version: {__version__}" in result.stdout
    assert f"studio-{__version__}-linux-" in result.stdout
    assert "studio.spec" in result.stdout and "studio-cli" in result.stdout
    assert not out.exists() and not work.exists()  # a dry run changes nothing


def test_build_names_and_size_report(tmp_path: Path) -> None:
    build = _build_module()
    from studio import __version__

    plan = build.Plan(tmp_path / "dist", tmp_path / "build")
    assert build.version() == __version__
    assert plan.tarball.name == f"studio-{__version__}-linux-{build.arch()}.tar.gz"
    bundle = tmp_path / "bundle"
    qt_lib = bundle / "_internal" / "PySide6" / "Qt" / "lib"
    qt_lib.mkdir(parents=True)
    (qt_lib / "libQt6Core.so.6").write_bytes(b"\0" * 3_000_000)
    (bundle / "_internal" / "libpython3.11.so.1.0").write_bytes(b"\0" * 1_000_000)
    for name in ("studio", "studio-cli"):
        (bundle / name).write_bytes(b"\0" * 100)
    report = "\n".join(build.size_report(bundle))
    assert "bundle_size_mb: 3.8" in report
    assert "Qt libraries" in report and "Python runtime" in report
    assert "qt libraries: Qt6Core" in report
