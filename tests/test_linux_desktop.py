"""The Linux desktop integration: a valid .desktop entry, and after the user-level install
(packaging/linux/install-user.sh into a temporary XDG_DATA_HOME) .evpkg and .evdb files are
recognised as the app's types, with the app as their default."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
INSTALL = LINUX / "install-user.sh"
TOOLS = ("desktop-file-validate", "xdg-mime", "update-mime-database", "mimetype")

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="freedesktop.org desktop entries and shared-mime-info are Linux's"),
    pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS),
                       reason="needs desktop-file-utils, xdg-utils, shared-mime-info and "
                              "libfile-mimeinfo-perl (tools/run.sh installs them)"),
]


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                          text=True, check=False)


def test_the_desktop_entry_validates() -> None:
    done = validate(LINUX / "evaluator.desktop")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""  # not even a hint or a warning


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                        "GNOME_DESKTOP_SESSION_ID", "XDG_DATA_DIRS")}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


def install(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(INSTALL), *args], env=env, capture_output=True,
                          text=True, check=False, timeout=120)


def query(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdg-mime", "query", *args], env=env, capture_output=True,
                          text=True, check=False, timeout=60)
    return done.stdout.strip()


def test_after_the_user_install_the_types_are_recognised(tmp_path: Path,
                                                         user_env: dict[str, str]) -> None:
    exe = tmp_path / "app folder" / "evaluator"  # a space: the Exec line must quote it
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    package = tmp_path / "x.evpkg"
    conn = sqlite3.connect(package)  # a real package is SQLite: the glob must still win
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    workspace = tmp_path / "Office.EVDB"
    workspace.write_bytes(b"")
    assert query(user_env, "filetype", str(package)) != "application/x-evaluator-package"

    done = install(user_env, str(exe))
    assert done.returncode == 0, done.stderr

    data = Path(user_env["XDG_DATA_HOME"])
    installed = data / "applications" / "evaluator.desktop"
    checked = validate(installed)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f'Exec="{exe}" %f' in installed.read_text(encoding="utf-8")
    assert (data / "mime" / "packages" / "evaluator.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "mimetypes"
            / "application-x-evaluator-package.svg").is_file()
    assert query(user_env, "filetype", str(package)) == "application/x-evaluator-package"
    assert query(user_env, "filetype", str(workspace)) == "application/x-evaluator-workspace"
    assert query(user_env, "default", "application/x-evaluator-package") == "evaluator.desktop"

    removed = install(user_env, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not installed.exists()
    assert query(user_env, "filetype", str(package)) != "application/x-evaluator-package"


def test_install_refuses_a_missing_executable(tmp_path: Path,
                                              user_env: dict[str, str]) -> None:
    done = install(user_env, str(tmp_path / "nothing"))
    assert done.returncode == 2
    assert "not an executable" in done.stderr
