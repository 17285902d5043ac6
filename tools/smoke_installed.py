"""Smoke-test an installed `evaluator` (a wheel in a throw-away venv), outside the checkout.

    <venv>/bin/python smoke_installed.py WORKDIR

Run by tools/check_wheel.sh with the venv's Python from a folder outside the repository,
so nothing can come from the source tree: the package must be the installed one, its data
(rubric, demo, icons, compiled translations) must come from the package, and the
`evaluator` command must build the demo, create a workspace with the default rubric, write
a template, run `bench --scale S` and the offscreen `--self-test`, and the Chinese UI must
load its translations. Prints one line per check; exit 1 on the first failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

# A string the main window shows, and its Chinese from the shipped translation.
TRANSLATED = ("MainWindow", "&File", "文件(&F)")


def fail(message: str) -> None:
    sys.stdout.write(f"FAILED: {message}\n")
    sys.exit(1)


def check(label: str, ok: bool, detail: str = "") -> None:
    sys.stdout.write(f"{label}: {'ok' if ok else 'FAILED'}{f' ({detail})' if detail else ''}\n")
    sys.stdout.flush()
    if not ok:
        sys.exit(1)


def run_command(label: str, args: list[str], env: dict[str, str], cwd: Path) -> str:
    command = shutil.which("evaluator", path=str(Path(sys.executable).parent))
    if command is None:
        fail("the venv has no `evaluator` command")
    done = subprocess.run([str(command), *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=env, cwd=cwd,
                          timeout=900, check=False)
    output = done.stdout + done.stderr
    if done.returncode != 0 or "No module named" in output:
        sys.stdout.write(output[-4000:] + "\n")
    check(f"evaluator {' '.join(args)}", done.returncode == 0 and "No module named" not in output,
          f"exit {done.returncode}")
    return output


def check_installed_layout() -> None:
    import evaluator
    from evaluator.resources import checkout_resources, resources_dir

    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    package = Path(evaluator.__file__).resolve().parent
    check("evaluator is the installed package", package.parent == site, str(package))
    check("no top-level resources package in site-packages",
          not (site / "resources").exists())
    data = resources_dir().resolve()
    check("data found as package data", checkout_resources() is None
          and data == package / "_resources", str(data))
    for name in ("rubric_2018.toml", "demo/annex2_results_2018.csv", "icons/evaluator.svg",
                 "translations/evaluator_zh_CN.qm", "translations/evaluator_en.qm"):
        check(f"shipped {name}", (data / name).is_file())
    from evaluator.resources import guide_dir

    guide = guide_dir().resolve()
    check("user guide found as package data", guide == package / "_guide", str(guide))
    for name in ("zh/README.md", "en/README.md", "images/zh/01-overview.png"):
        check(f"shipped guide {name}", (guide / name).is_file())


def check_chinese_translations() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication

    from ui.qt import create_application

    app = create_application(lang="zh")
    from ui.i18n import install_translators

    loaded = install_translators(app, "zh")
    context, source, chinese = TRANSLATED
    text = QCoreApplication.translate(context, source)
    check("Chinese translations load", "evaluator_zh_CN.qm" in loaded and text == chinese,
          f"loaded {loaded}, {source!r} -> {text!r}")


def main() -> int:
    work = Path(sys.argv[1]).resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVALUATOR_HOME": str(work / "home")}
    check_installed_layout()
    run_command("version", ["--version"], env, work)
    run_command("demo", ["demo", str(work / "demo.evdb")], env, work)
    run_command("init", ["init", str(work / "office.evdb"), "--year", "2024"], env, work)
    run_command("template", ["template", "submissions", str(work / "submissions.xlsx")], env,
                work)
    check("template written", (work / "submissions.xlsx").stat().st_size > 0)
    run_command("bench", ["bench", "--scale", "S"], env, work)
    output = run_command("self-test", ["--self-test"], env, work)
    check("self-test passed", "self-test: passed" in output)
    check_chinese_translations()
    sys.stdout.write("installed package: passed\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
