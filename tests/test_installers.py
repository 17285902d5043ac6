"""The installers declare the same two document types, each with its name and icon:
Windows (Inno Setup), macOS (the spec's Info.plist, checked in test_packaging.py) and
Linux (desktop entry and shared-mime-info, validated in test_linux_desktop.py)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "packaging" / "windows" / "evaluator.iss"
MIME = ROOT / "packaging" / "linux" / "evaluator-mime.xml"
DESKTOP = ROOT / "packaging" / "linux" / "evaluator.desktop"
TYPES = {".evpkg": "评审包", ".evdb": "工作区"}


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            continue
        sections.setdefault(current, []).append(line)
    return sections


def unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


def iss_entries(section: str) -> list[dict[str, str]]:
    """`Key: "value"; Key: value` lines as dicts (Inno's quoting: "" is one quote)."""
    entries = []
    for line in iss_sections()[section]:
        fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)
        entries.append({key: unquote(value.strip()) for key, value in fields})
    return entries


def test_the_windows_installer_is_per_user_and_changes_associations() -> None:
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["ChangesAssociations"] == "yes"
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    icon = ROOT / "packaging" / "windows" / PureWindowsPath(setup["SetupIconFile"]).as_posix()
    assert icon.resolve() == (ROOT / "resources" / "icons" / "evaluator.ico").resolve()


def test_the_windows_installer_adds_start_menu_entries() -> None:
    icons = iss_entries("Icons")
    menu = [i for i in icons if i["Name"].startswith("{autoprograms}")]
    assert any(i["Filename"] == r"{app}\{#AppExe}" for i in menu)
    assert any(i["Filename"] == "{uninstallexe}" for i in menu)


def test_the_windows_installer_associates_both_types_with_icons() -> None:
    registry = iss_entries("Registry")
    assert all(entry["Root"] == "HKA" for entry in registry)  # HKCU for a per-user install
    values = {(e["Subkey"], e.get("ValueName", "")): e.get("ValueData", "") for e in registry}
    for extension, name in TYPES.items():
        progid = values[(rf"Software\Classes\{extension}", "")]
        assert progid.startswith("evaluator.")
        assert values[(rf"Software\Classes\{progid}", "")] == name
        assert values[(rf"Software\Classes\{progid}\DefaultIcon", "")].endswith(".ico,0")
        command = values[(rf"Software\Classes\{progid}\shell\open\command", "")]
        assert command == r'"{app}\{#AppExe}" "%1"'


def test_the_windows_installer_ships_the_console_companion_folder() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert '#define AppCli "evaluator-cli.exe"' in text
    files = iss_entries("Files")
    assert any(f["Source"] == r"{#DistDir}\*" and "recursesubdirs" in f["Flags"] for f in files)


def test_the_iss_file_has_a_bom_for_its_chinese_text() -> None:
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_linux_declares_the_same_types() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(MIME).getroot()
    globs = {}
    for mime_type in root.findall("m:mime-type", ns):
        (glob,) = mime_type.findall("m:glob", ns)
        comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text
                    for c in mime_type.findall("m:comment", ns)}
        globs[glob.get("pattern", "").lstrip("*")] = (mime_type.get("type"), comments["zh_CN"])
    assert {ext: zh for ext, (_, zh) in globs.items()} == TYPES
    desktop = DESKTOP.read_text(encoding="utf-8")
    for mime_type, _ in globs.values():
        assert f"{mime_type};" in desktop
    assert "Exec=evaluator %f" in desktop


def test_macos_declares_the_same_types() -> None:
    spec = (ROOT / "packaging" / "evaluator.spec").read_text(encoding="utf-8")
    for extension, name in TYPES.items():
        assert re.search(rf'\("{extension[1:]}", "[\w.]+", "{name}"', spec)


def test_shell_scripts_keep_lf_endings_in_any_checkout() -> None:
    try:
        done = subprocess.run(["git", "check-attr", "eol", "tools/run.sh", ".ci/run",
                               "packaging/linux/install-user.sh"], cwd=ROOT,
                              capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    assert done.stdout.count("eol: lf") == 3
    assert "*.sh text eol=lf" in (ROOT / ".gitattributes").read_text(encoding="utf-8")
