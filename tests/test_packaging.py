"""The PyInstaller spec and the frozen entry point.

The spec is run with stand-ins for PyInstaller's build classes (Analysis, EXE, COLLECT...)
so each decision can be checked without a build: what is excluded, what resources and
hidden imports go in, which Qt files are pruned. The real build is the slow test at the
end (EVALUATOR_BUILD_APP=1).
"""

from __future__ import annotations

import importlib.util
import os
import pkgutil
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "evaluator.spec"
ENTRY = ROOT / "packaging" / "entry.py"

# A PySide6 layout as PyInstaller's hooks collect it (Linux, plus Windows and macOS
# names), with what the spec must keep (True) or leave out (False).
QT_BINARIES = {
    "PySide6/Qt/lib/libQt6Core.so.6": True,
    "PySide6/Qt/lib/libQt6Widgets.so.6": True,
    "PySide6/Qt/lib/libQt6Charts.so.6": True,
    "PySide6/Qt/lib/libQt6Svg.so.6": True,
    "PySide6/Qt/lib/libQt6OpenGL.so.6": True,
    "PySide6/Qt/lib/libQt6WebEngineCore.so.6": False,
    "PySide6/Qt/lib/libQt6Quick.so.6": False,
    "PySide6/Qt/lib/libQt6Qml.so.6": False,
    "PySide6/Qt/lib/libQt6Pdf.so.6": False,
    "PySide6/Qt/lib/libQt63DCore.so.6": False,
    "PySide6/Qt/lib/libQt6Multimedia.so.6": False,
    "PySide6/Qt/lib/libQt6WaylandClient.so.6": False,
    "PySide6/QtWidgets.abi3.so": True,
    "PySide6/QtCharts.abi3.so": True,
    "PySide6/QtQuick.abi3.so": False,
    "PySide6/Qt/plugins/platforms/libqoffscreen.so": True,
    "PySide6/Qt/plugins/platforms/libqxcb.so": True,
    "PySide6/Qt/plugins/platforms/libqwayland.so": False,
    "PySide6/Qt/plugins/platforms/libqeglfs.so": False,
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so": False,
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so": True,
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so": False,
    "PySide6/Qt/plugins/imageformats/libqsvg.so": True,
    "PySide6/Qt/plugins/imageformats/libqpdf.so": False,
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so": True,
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so": False,
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so": False,
    "PySide6/Qt6Widgets.dll": True,
    "PySide6/Qt6WebEngineCore.dll": False,
    "PySide6/plugins/platforms/qwindows.dll": True,
    "PySide6/plugins/platforms/qdirect2d.dll": False,
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib": True,
    "PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/QtWebEngineCore": False,
    "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets": True,
}
QT_DATAS = {
    "PySide6/Qt/translations/qtbase_zh_CN.qm": True,
    "PySide6/Qt/translations/qtbase_de.qm": False,
    "PySide6/Qt/translations/qtwebengine_zh_CN.qm": False,
    "PySide6/Qt/qml/QtQuick/qmldir": False,
    "PySide6/Qt/resources/qtwebengine_resources.pak": False,
    "matplotlib/mpl-data/sample_data/msft.csv": False,
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf": True,
}
SYMLINKS = {
    ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6"): True,
    ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6"): False,
}

# Never left out: the app imports these (QtSvg renders the SVG icons via the plugin).
KEPT_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtSvg", "QtNetwork")
EXCLUDED = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore",
            "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtMultimedia", "PySide6.QtBluetooth",
            "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSensors",
            "PySide6.QtSerialPort", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDesigner",
            "PySide6.QtHelp", "PySide6.QtPdf", "PySide6.QtRemoteObjects", "PySide6.QtScxml",
            "PySide6.QtSpatialAudio", "PySide6.QtTextToSpeech", "PySide6.QtWebSockets",
            "PySide6.QtWebChannel", "PySide6.QtHttpServer", "PySide6.QtDataVisualization",
            "PySide6.QtGraphs", "PySide6.QtOpenGL", "tkinter", "IPython", "pytest",
            "hypothesis")


class Recorded:
    """Stands in for a PyInstaller build class: keeps its arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


class FakeAnalysis(Recorded):
    toc_binaries: ClassVar[list[tuple[str, str, str]]] = []
    toc_datas: ClassVar[list[tuple[str, str, str]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        datas = [(str(Path(dest) / Path(src).name), src, "DATA")
                 for src, dest in kwargs.get("datas", [])]
        self.binaries = list(self.toc_binaries)
        self.datas = datas + list(self.toc_datas)
        self.pure: list[Any] = []
        self.scripts: list[Any] = []


def walk_submodules(package: str) -> list[str]:
    """What PyInstaller's collect_submodules returns, for when PyInstaller is absent."""
    module = importlib.import_module(package)
    names = [package]
    for info in pkgutil.walk_packages(module.__path__, prefix=package + "."):
        names.append(info.name)
    return names


def ensure_pyinstaller_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec imports PyInstaller's hook and bindepend helpers; stub them if absent
    (the test extra does not install PyInstaller)."""
    try:
        importlib.import_module("PyInstaller.utils.hooks")
        importlib.import_module("PyInstaller.depend.bindepend")
        return
    except ImportError:
        pass
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = walk_submodules  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda filename, search_paths=None: set()  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)


def run_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             platform: str | None = None) -> dict[str, Any]:
    """Execute the spec with stand-in build classes; return its namespace."""
    ensure_pyinstaller_hooks(monkeypatch)
    monkeypatch.setenv("EVALUATOR_SPEC_DRY_RUN", "1")
    monkeypatch.delenv("EVALUATOR_CONSOLE", raising=False)
    sources = tmp_path / "qt"

    def toc(entries: dict[str, bool], kind: str) -> list[tuple[str, str, str]]:
        rows = []
        for dest in entries:
            source = sources / dest
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(b"")
            rows.append((dest, str(source), kind))
        return rows

    FakeAnalysis.toc_binaries = toc(QT_BINARIES, "BINARY") + [
        (name, target, "SYMLINK") for name, target in SYMLINKS]
    FakeAnalysis.toc_datas = toc(QT_DATAS, "DATA")
    if platform is not None:
        monkeypatch.setattr(sys, "platform", platform)
    namespace: dict[str, Any] = {
        "__name__": "__main__", "__file__": str(SPEC), "SPECPATH": str(SPEC.parent),
        "workpath": str(tmp_path / "work"), "Analysis": FakeAnalysis, "PYZ": Recorded,
        "EXE": Recorded, "COLLECT": Recorded, "BUNDLE": Recorded,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return run_spec(tmp_path, monkeypatch)


def our_code_imports(package: str) -> bool:
    pattern = re.compile(rf"^\s*(from|import)\s+{package}\b", re.MULTILINE)
    return any(pattern.search(path.read_text(encoding="utf-8"))
               for folder in ("evaluator", "ui") for path in (ROOT / folder).rglob("*.py"))


def test_spec_excludes_unused_qt_modules_and_dev_tools(spec: dict[str, Any]) -> None:
    excludes = set(spec["a"].kwargs["excludes"])
    assert set(EXCLUDED) <= excludes
    assert not any(name in excludes for name in (f"PySide6.{m}" for m in KEPT_QT_MODULES))
    # matplotlib (report charts) goes in exactly when our code imports it.
    assert ("matplotlib" in excludes) is not our_code_imports("matplotlib")


def test_spec_prunes_unused_qt_files_and_keeps_what_the_app_loads(
        spec: dict[str, Any]) -> None:
    binaries = {entry[0] for entry in spec["a"].binaries}
    datas = {entry[0] for entry in spec["a"].datas}
    wrong = [name for name, keep in QT_BINARIES.items() if (name in binaries) is not keep]
    wrong += [name for name, keep in QT_DATAS.items() if (name in datas) is not keep]
    wrong += [name for (name, _), keep in SYMLINKS.items() if (name in binaries) is not keep]
    assert wrong == []
    pruned = (Path(spec["workpath"]) / "pruned.txt").read_text(encoding="utf-8")
    assert "libQt6WebEngineCore" in pruned


def test_spec_bundles_the_resources_tree_where_the_wheel_has_it(spec: dict[str, Any]) -> None:
    bundled = {(Path(src).resolve(), Path(dest).as_posix())
               for src, dest in spec["a"].kwargs["datas"]}
    resources = ROOT / "resources"
    files = [p for p in resources.rglob("*")
             if p.is_file() and not p.name.startswith(".") and p.suffix != ".ts"]
    expected = {(p.resolve(),
                 Path("evaluator", "_resources", p.parent.relative_to(resources)).as_posix())
                for p in files}
    assert expected <= bundled
    folders = {dest for _, dest in bundled}
    assert {"evaluator/_resources", "evaluator/_resources/demo",
            "evaluator/_resources/icons"} <= folders
    assert not any(dest == "resources" or dest.startswith("resources/") for dest in folders)
    assert (resources / "rubric_2018.toml").resolve() in {src for src, _ in bundled}
    if list((resources / "translations").glob("*.qm")):
        assert "evaluator/_resources/translations" in folders
    # The user guide (帮助 → 使用指南), where the wheel has it too.
    guide = ROOT / "docs" / "guide"
    assert {((guide / "zh" / "README.md").resolve(), "evaluator/_guide/zh"),
            ((guide / "images" / "zh" / "01-overview.png").resolve(),
             "evaluator/_guide/images/zh")} <= bundled
    # ... and pruning does not drop any of it.
    kept = {entry[0] for entry in spec["a"].datas}
    assert all(str(Path(dest) / Path(src).name) in kept for src, dest in bundled)


def test_spec_refuses_to_build_without_compiled_translations(
        spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    translations = tmp_path / "resources" / "translations"
    translations.mkdir(parents=True)
    (translations / "evaluator_zh_CN.ts").write_text("<TS/>", encoding="utf-8")
    monkeypatch.setitem(spec, "RESOURCES", tmp_path / "resources")
    assert spec["missing_compiled_translations"]() == ["evaluator_zh_CN.ts"]
    (translations / "evaluator_zh_CN.qm").write_bytes(b"qm")
    assert spec["missing_compiled_translations"]() == []


def test_spec_lists_every_module_imported_by_name(spec: dict[str, Any]) -> None:
    hidden = set(spec["a"].kwargs["hiddenimports"])
    expected = {f"ui.screens.{p.stem}" for p in (ROOT / "ui" / "screens").glob("*.py")
                 if p.stem != "__init__"}
    # Every literal `import_module("...")` in our code, and the GUI the program launches.
    literal = re.compile(r"""import_module\(\s*["']([\w.]+)["']""")
    for folder in ("evaluator", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in literal.findall(path.read_text(encoding="utf-8")):
                if importlib.util.find_spec(name) is not None:
                    expected.add(name)
    expected.add("ui.app")
    assert expected - hidden == set()


def test_spec_builds_one_folder_named_evaluator(spec: dict[str, Any]) -> None:
    exe, coll = spec["exe"], spec["coll"]
    assert exe.kwargs["name"] == "evaluator"
    assert exe.kwargs["exclude_binaries"] is True  # one-folder: libraries beside the exe
    assert coll.kwargs["name"] == "evaluator"
    assert Path(spec["a"].args[0][0]) == ENTRY
    if sys.platform.startswith("linux"):
        assert exe.kwargs["console"] is True  # CI reads the self-test's output


def test_spec_console_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace = run_spec(tmp_path, monkeypatch)
    monkeypatch.setenv("EVALUATOR_CONSOLE", "0")
    assert namespace["console_build"]() is False
    monkeypatch.setenv("EVALUATOR_CONSOLE", "1")
    assert namespace["console_build"]() is True


def windows_versioninfo_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """PyInstaller's versioninfo (it needs pefile, installed with PyInstaller on Windows
    only); elsewhere a stand-in whose classes keep their arguments."""
    try:
        return importlib.import_module("PyInstaller.utils.win32.versioninfo")
    except ImportError:
        pass
    stub = types.ModuleType("PyInstaller.utils.win32.versioninfo")

    class Struct(Recorded):
        def __repr__(self) -> str:
            return f"{type(self).__name__}({self.args!r}, {self.kwargs!r})"

    for name in ("FixedFileInfo", "StringFileInfo", "StringStruct", "StringTable",
                 "VarFileInfo", "VarStruct", "VSVersionInfo"):
        setattr(stub, name, type(name, (Struct,), {}))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32", types.ModuleType("w"))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", stub)
    return stub


def test_spec_on_windows_is_windowed_with_version_and_icon(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluator import __version__

    ensure_pyinstaller_hooks(monkeypatch)
    versioninfo = windows_versioninfo_module(monkeypatch)
    namespace = run_spec(tmp_path, monkeypatch, platform="win32")
    exe = namespace["exe"]
    assert exe.kwargs["console"] is False
    info = exe.kwargs["version"]
    assert isinstance(info, versioninfo.VSVersionInfo)
    assert f"'FileVersion', '{__version__}'" in repr(info).replace('"', "'")
    numbers = namespace["version_tuple"](__version__)
    assert f"filevers={numbers!r}".replace(" ", "") in repr(info).replace(" ", "") \
        or f"'filevers':{numbers!r}".replace(" ", "") in repr(info).replace(" ", "")
    icons = ROOT / "resources" / "icons"
    icon = exe.kwargs["icon"]
    if icon is not None:
        assert Path(icon).parent == icons
        assert Path(icon).suffix in (".ico", ".png")
    elif (icons / "evaluator.ico").exists():
        pytest.fail("evaluator.ico exists but the Windows build has no icon")


def test_spec_on_windows_adds_a_console_companion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ensure_pyinstaller_hooks(monkeypatch)
    windows_versioninfo_module(monkeypatch)
    namespace = run_spec(tmp_path, monkeypatch, platform="win32")
    executables = [arg for arg in namespace["coll"].args if isinstance(arg, Recorded)]
    names = {exe.kwargs["name"]: exe.kwargs["console"] for exe in executables}
    assert names == {"evaluator": False, "evaluator-cli": True}


def test_spec_on_linux_builds_one_console_executable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace = run_spec(tmp_path, monkeypatch, platform="linux")
    executables = [arg for arg in namespace["coll"].args if isinstance(arg, Recorded)]
    assert [exe.kwargs["name"] for exe in executables] == ["evaluator"]


def test_spec_on_macos_declares_both_document_types(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace = run_spec(tmp_path, monkeypatch, platform="darwin")
    plist = namespace["app"].kwargs["info_plist"]
    documents = plist["CFBundleDocumentTypes"]
    exported = {t["UTTypeIdentifier"]: t for t in plist["UTExportedTypeDeclarations"]}
    extensions = {}
    for document in documents:
        (uti,) = document["LSItemContentTypes"]
        assert uti in exported
        assert document["CFBundleTypeRole"] == "Editor"
        assert document["CFBundleTypeIconFile"].endswith(".icns")
        extensions[uti] = exported[uti]["UTTypeTagSpecification"]["public.filename-extension"]
    assert sorted(ext for exts in extensions.values() for ext in exts) == ["evdb", "evpkg"]
    assert {"评审包", "工作区"} <= {d["CFBundleTypeName"].split(" ")[0] for d in documents}
    assert namespace["app"].kwargs["name"] == "evaluator.app"
    assert plist["NSHighResolutionCapable"] is True


def test_entry_supports_frozen_multiprocessing() -> None:
    """The frozen `evaluator bench` spawns children that re-run the executable:
    freeze_support() must come first in the entry point (the real check is the frozen
    bench in tools/check_frozen_app.sh)."""
    source = ENTRY.read_text(encoding="utf-8")
    main_block = source[source.index('if __name__ == "__main__":'):]
    assert main_block.index("multiprocessing.freeze_support()") < main_block.index("run()")


def test_spec_tolerates_a_missing_icon(spec: dict[str, Any], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(spec, "RESOURCES", tmp_path / "no-resources")
    monkeypatch.setitem(spec, "IS_WINDOWS", True)
    assert spec["app_icon"]() is None


def test_version_tuple_has_four_numbers(spec: dict[str, Any]) -> None:
    assert spec["version_tuple"]("0.1.0") == (0, 1, 0, 0)
    assert spec["version_tuple"]("1.2.3.4.5") == (1, 2, 3, 4)
    assert spec["version_tuple"]("2.0rc1") == (2, 0, 1, 0)


def load_entry() -> types.ModuleType:
    loaded = importlib.util.spec_from_file_location("frozen_entry", ENTRY)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


def test_entry_self_test_runs_the_apps_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app

    calls: list[tuple[Any, dict[str, Any]]] = []

    def fake_run_app(workspace: Any = None, **kwargs: Any) -> int:
        calls.append((workspace, kwargs))
        return 0

    monkeypatch.setattr(ui.app, "run_app", fake_run_app)
    entry = load_entry()
    assert entry.run(["--self-test", "--lang", "en"]) == 0
    assert calls == [(None, {"self_test": True, "lang": "en"})]


def test_entry_without_self_test_is_the_evaluator_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import evaluator.cli
    import ui.program

    seen: list[tuple[list[str], object]] = []
    monkeypatch.setattr(evaluator.cli, "main", lambda argv, gui: seen.append((argv, gui)) or 3)
    entry = load_entry()
    assert entry.run(["demo", "x.evdb"]) == 3
    assert entry.run([]) == 3
    launch = ui.program.launch_gui
    assert seen == [(["demo", "x.evdb"], launch), ([], launch)]


def test_entry_runs_the_real_cli(tmp_path: Path) -> None:
    out = tmp_path / "w.evdb"
    done = subprocess.run([sys.executable, str(ENTRY), "init", str(out), "--year", "2018"],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert out.exists()
    version = subprocess.run([sys.executable, str(ENTRY), "--version"], capture_output=True,
                             text=True, cwd=ROOT, check=False,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    from evaluator import __version__

    assert version.returncode == 0
    assert __version__ in version.stdout


def test_entry_language_option(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = load_entry()
    assert entry.self_test_language(["--self-test", "--lang", "zh"]) == "zh"
    assert entry.self_test_language(["--lang=en", "--self-test"]) == "en"
    assert entry.self_test_language(["--self-test", "--lang", "fr"]) is None
    assert entry.self_test_language(["--self-test"]) is None


def test_entry_gives_a_windowed_build_somewhere_to_print(
        monkeypatch: pytest.MonkeyPatch) -> None:
    entry = load_entry()
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry.attach_windows_console()
    assert sys.stdout is not None
    assert sys.stderr is not None
    print("written nowhere, without failing")
    sys.stdout.close()
    sys.stderr.close()


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("EVALUATOR_BUILD_APP") != "1",
                    reason="builds the frozen app (about a minute): EVALUATOR_BUILD_APP=1")
def test_frozen_app_builds_and_passes_its_self_test() -> None:
    build = subprocess.run(["bash", "tools/build_app.sh"], cwd=ROOT, capture_output=True,
                           text=True, check=False)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    assert "folder size:" in build.stdout
    check = subprocess.run(["bash", "tools/check_frozen_app.sh"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout[-4000:] + check.stderr[-4000:]
    assert "self-test: passed" in check.stdout
    assert "frozen app check: passed" in check.stdout
