"""Build the offline Linux bundle: ``dist/studio-<version>-linux-<arch>.tar.gz``.

    python packaging/build.py              # build, report sizes, pack the tarball
    python packaging/build.py --dry-run    # print the plan, change nothing

Needs the project installed in the running Python (``pip install -e .``) and PyInstaller
(``pip install -r packaging/requirements-build.txt``); no network. Steps:

1. stage: compile the translations (.ts -> .qm with PySide6's lrelease) and render the icon
   (PNG 16-512 px for Linux, .ico for Windows, .icns for macOS) into ``build/stage``;
2. PyInstaller with ``packaging/studio.spec``: one folder, launchers ``studio`` and
   ``studio-cli`` sharing ``_internal``, only the Qt the studio uses;
3. add ``install.sh``, ``uninstall.sh``, the ``.desktop`` entry and the icons;
4. print the size report and pack the tarball (top folder ``studio-<version>``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "studio"


def version() -> str:
    """``studio.__version__``, read from the source (the same place pyproject.toml takes it)."""
    text = (ROOT / "studio" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if match is None:
        raise SystemExit("build: no __version__ in studio/__init__.py")
    return match.group(1)


def system() -> str:
    """linux, windows or macos: the artifact's name part (only linux is built and tested)."""
    if sys.platform.startswith("win"):
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


class Plan:
    def __init__(self, output: Path, work: Path) -> None:
        self.version = version()
        self.arch = arch()
        self.name = f"{APP_ID}-{self.version}"
        self.output = output
        self.work = work
        self.stage = work / "stage"
        self.pyinstaller_dist = work / "pyinstaller" / "dist"
        self.pyinstaller_work = work / "pyinstaller" / "work"
        self.bundle = self.pyinstaller_dist / self.name
        self.system = system()
        # Linux: a tarball with install.sh; Windows: a zip of the folder; macOS: a zip of
        # Studio.app (see packaging/README.md for installers and signing).
        suffix = "tar.gz" if self.system == "linux" else "zip"
        self.tarball = output / f"{self.name}-{self.system}-{self.arch}.{suffix}"

    def describe(self) -> list[str]:
        return [
            f"version: {self.version}",
            f"arch: {self.arch}",
            f"python: {sys.executable} ({platform.python_version()})",
            f"stage: {self.stage} (translations/*.qm compiled from resources/translations/*.ts, "
            f"icons/studio-<size>.png for {', '.join(map(str, ICON_SIZES))}, studio.ico, "
            "studio.icns)",
            f"pyinstaller: {PACKAGING / 'studio.spec'} -> {self.bundle} "
            "(launchers studio + studio-cli, one _internal)",
            f"add: install.sh, uninstall.sh, share/applications/{APP_ID}.desktop, "
            "share/icons/hicolor/*/apps/studio.{png,svg}",
            f"tarball: {self.tarball}",
        ]


# -- 1. Staging -----------------------------------------------------------------------------------


def stage_translations(plan: Plan) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from studio.ui.i18n import compile_translation

    target_dir = plan.stage / "translations"
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        if not compile_translation(source, target):
            raise SystemExit(f"build: could not compile {source} (is PySide6's lrelease there?)")
        written.append(target)
    if not written:
        raise SystemExit("build: no translations found under resources/translations")
    return written


def stage_icons(plan: Plan) -> list[Path]:
    """Render resources/icons/studio.svg to PNGs (and .ico/.icns from them) with Qt's SVG
    renderer, the one the window itself uses for the icon."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt only at build time, to draw the icon as the window does: TID251 does not apply.
    from PySide6.QtCore import Qt  # noqa: TID251
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    source = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"build: cannot render {source}")
    folder = plan.stage / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = folder / f"{APP_ID}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"build: could not write {path}")
        written.append(path)
    shutil.copy2(source, folder / f"{APP_ID}.svg")

    # Windows and macOS icon files, for the spec's branches on those systems.
    from PIL import Image

    with Image.open(folder / f"{APP_ID}-256.png") as big:
        big.save(folder / f"{APP_ID}.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    with Image.open(folder / f"{APP_ID}-512.png") as biggest:
        try:
            biggest.save(folder / f"{APP_ID}.icns")
        except (OSError, ValueError, KeyError) as error:  # only the macOS build needs it
            print(f"build: note: no .icns ({error})")
    return written


# -- 2. PyInstaller -------------------------------------------------------------------------------


def run_pyinstaller(plan: Plan) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "build: PyInstaller is missing: pip install -r packaging/requirements-build.txt"
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={plan.pyinstaller_dist}",
        f"--workpath={plan.pyinstaller_work}",
        str(PACKAGING / "studio.spec"),
        "--",
        f"--stage={plan.stage}",
        f"--name={plan.name}",
    ]
    print("build: " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    for launcher in ("studio", "studio-cli"):
        if not (plan.bundle / launcher).is_file():
            raise SystemExit(f"build: PyInstaller made no {launcher} in {plan.bundle}")


# -- 3. Linux integration -------------------------------------------------------------------------


def add_linux_files(plan: Plan) -> None:
    bundle = plan.bundle
    for script in ("install.sh", "uninstall.sh"):
        text = (LINUX / script).read_text(encoding="utf-8").replace("@VERSION@", plan.version)
        target = bundle / script
        target.write_text(text, encoding="utf-8")
        target.chmod(0o755)
    applications = bundle / "share" / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", applications / f"{APP_ID}.desktop")
    hicolor = bundle / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(plan.stage / "icons" / f"{APP_ID}-{size}.png", folder / f"{APP_ID}.png")
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(plan.stage / "icons" / f"{APP_ID}.svg", scalable / f"{APP_ID}.svg")
    (bundle / "VERSION").write_text(plan.version + "\n", encoding="utf-8")
    readme = (LINUX / "README.txt").read_text(encoding="utf-8").replace("@VERSION@", plan.version)
    (bundle / "README.txt").write_text(readme, encoding="utf-8")


def strip_python_runtime(plan: Plan) -> int:
    """Drop the debug information of the Python runtime (libpython and lib-dynload), which a
    Python built from source (pyenv) carries: ~20 MB. Wheels' libraries are left alone (their
    RPATHs were rewritten by auditwheel, and strip is not trusted on those). Returns bytes saved."""
    strip = shutil.which("strip")
    if strip is None:
        print("build: note: no `strip`; the Python runtime keeps its debug information")
        return 0
    internal = plan.bundle / "_internal"
    candidates = [p for p in internal.glob("libpython*.so*") if p.is_file() and not p.is_symlink()]
    candidates += sorted(internal.glob("python3*/lib-dynload/*.so"))
    saved = 0
    for path in candidates:
        before = path.stat().st_size
        result = subprocess.run(
            [strip, "--strip-debug", str(path)], capture_output=True, check=False
        )
        if result.returncode == 0:
            saved += before - path.stat().st_size
    return saved


# -- 4. Report and tarball ------------------------------------------------------------------------


def _size(path: Path) -> int:
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def glibc_required(bundle: Path) -> str | None:
    """The newest GLIBC_2.x symbol version any ELF file of the bundle needs: the oldest Linux
    it can start on (2.35: Ubuntu 22.04, Fedora 36; Debian 12 has 2.36, RHEL 9 only 2.34)."""
    pattern = re.compile(rb"GLIBC_2\.(\d+)")
    newest = -1
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            handle.seek(0)
            data = handle.read()
        for match in pattern.finditer(data):
            newest = max(newest, int(match.group(1)))
    return f"2.{newest}" if newest >= 0 else None


def size_report(bundle: Path, top: int = 12) -> list[str]:
    internal = bundle / "_internal"
    groups: dict[str, int] = {}
    for path in internal.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        relative = path.relative_to(internal).as_posix()
        name = path.name
        if relative.startswith("PySide6/Qt/plugins/"):
            group = "Qt plugins"
        elif relative.startswith("PySide6/Qt/translations/"):
            group = "Qt translations"
        elif name.startswith("libicu"):
            group = "ICU (Qt's Unicode data)"
        elif name.startswith("libQt6") or "/Qt/lib/" in relative:
            group = "Qt libraries"
        elif relative.startswith(("PySide6/", "shiboken6/")) or name.startswith(
            ("libpyside6", "libshiboken6")
        ):
            group = "PySide6/shiboken6 bindings"
        elif relative.startswith(("PIL/", "pillow.libs/")):
            group = "Pillow"
        elif relative.startswith(("cryptography", "_cffi")):
            group = "cryptography (keyring's Secret Service)"
        elif name.startswith("libpython") or relative.startswith(("lib-dynload/", "base_library")):
            group = "Python runtime"
        elif relative.startswith("resources/"):
            group = "studio resources"
        else:
            group = "other"
        groups[group] = groups.get(group, 0) + path.stat().st_size
    launchers = sum(_size(bundle / name) for name in ("studio", "studio-cli"))
    groups["launchers (bootloader + Python code)"] = launchers
    files = sorted(
        (p for p in internal.rglob("*") if p.is_file() and not p.is_symlink()),
        key=lambda p: p.stat().st_size,
        reverse=True,
    )
    lines = [f"bundle_size_mb: {_mb(_size(bundle))}"]
    lines.append("by part:")
    for group, size in sorted(groups.items(), key=lambda item: item[1], reverse=True):
        lines.append(f"  {_mb(size):>6} MB  {group}")
    lines.append(f"biggest files (of {len(files)}):")
    for path in files[:top]:
        lines.append(f"  {_mb(path.stat().st_size):>6} MB  {path.relative_to(bundle)}")
    qt_modules = sorted(
        p.name.split(".")[0].removeprefix("lib") for p in internal.rglob("libQt6*.so*")
    )
    lines.append("qt libraries: " + ", ".join(dict.fromkeys(qt_modules)))
    if (glibc := glibc_required(bundle)) is not None:
        lines.append(f"glibc_required: {glibc}")
    plugins = internal / "PySide6" / "Qt" / "plugins"
    if plugins.is_dir():
        listed = sorted(
            f"{p.parent.name}/{p.name.split('.')[0].removeprefix('lib')}"
            for p in plugins.rglob("*.so")
        )
        lines.append("qt plugins: " + ", ".join(listed))
    return lines


def pack(plan: Plan) -> Path:
    plan.output.mkdir(parents=True, exist_ok=True)
    partial = plan.tarball.with_name(plan.tarball.name + ".partial")
    if plan.system == "linux":

        def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            return info

        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(plan.bundle, arcname=plan.name, filter=clean)
    else:  # on paper: the folder (Windows) or Studio.app (macOS), zipped
        source = plan.pyinstaller_dist / "Studio.app" if plan.system == "macos" else plan.bundle
        made = shutil.make_archive(str(partial), "zip", source.parent, source.name)
        Path(made).replace(partial)
    partial.replace(plan.tarball)
    digest = hashlib.sha256(plan.tarball.read_bytes()).hexdigest()
    (plan.tarball.parent / (plan.tarball.name + ".sha256")).write_text(
        f"{digest}  {plan.tarball.name}\n", encoding="utf-8"
    )
    return plan.tarball


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    parser.add_argument("--output", type=Path, default=ROOT / "dist", help="where the tarball goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="build folder")
    parser.add_argument("--no-tarball", action="store_true", help="stop after the bundle folder")
    args = parser.parse_args(argv)
    plan = Plan(args.output.resolve(), args.work.resolve())
    if args.dry_run:
        print("build plan (dry run, nothing is changed):")
        for line in plan.describe():
            print(f"  {line}")
        return 0
    if not sys.platform.startswith("linux"):
        print("build: note: only the Linux build is tested; see packaging/README.md")
    started = time.perf_counter()
    if plan.stage.exists():
        shutil.rmtree(plan.stage)
    stage_translations(plan)
    stage_icons(plan)
    run_pyinstaller(plan)
    if plan.system == "linux":
        saved = strip_python_runtime(plan)
        print(f"build: stripped debug information from the Python runtime: {_mb(saved)} MB")
        add_linux_files(plan)
    built = time.perf_counter()
    for line in size_report(plan.bundle):
        print(line)
    if not args.no_tarball:
        tarball = pack(plan)
        print(f"tarball: {tarball}")
        print(f"tarball_size_mb: {_mb(tarball.stat().st_size)}")
    print(f"bundle: {plan.bundle}")
    print(f"build_s: {built - started:.0f}")
    print(f"build_and_pack_s: {time.perf_counter() - started:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
