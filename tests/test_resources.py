"""Shipped data as package data: the pyproject mapping, and where evaluator.resources looks.

The wheel itself is built, installed into a fresh venv outside the checkout and
smoke-tested by tools/check_wheel.sh (part of `bash tools/run.sh test`).
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from evaluator.resources import (
    GUIDE_DATA_FOLDER,
    PACKAGE_DATA_FOLDER,
    guide_dir,
    resource_path,
    resources_dir,
)

ROOT = Path(__file__).resolve().parent.parent
DATA_PACKAGE = f"evaluator.{PACKAGE_DATA_FOLDER}"
GUIDE_PACKAGE = f"evaluator.{GUIDE_DATA_FOLDER}"


def setuptools_config() -> dict:  # type: ignore[type-arg]
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["setuptools"]  # type: ignore[no-any-return]


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    listed = set(setuptools_config()["packages"])
    on_disk = {".".join(path.parent.relative_to(ROOT).parts)
               for folder in ("evaluator", "ui") for path in (ROOT / folder).rglob("__init__.py")}
    assert listed == on_disk | {DATA_PACKAGE, GUIDE_PACKAGE}


def test_resources_folder_is_shipped_inside_the_package_not_at_the_top() -> None:
    config = setuptools_config()
    assert config["package-dir"] == {DATA_PACKAGE: "resources", GUIDE_PACKAGE: "docs/guide"}
    assert "resources" not in config["packages"]


def test_the_guide_ships_every_page_and_picture() -> None:
    patterns = setuptools_config()["package-data"][GUIDE_PACKAGE]
    guide = ROOT / "docs" / "guide"
    shipped = [p.relative_to(guide).as_posix() for p in guide.rglob("*")
               if p.is_file() and p.suffix in (".md", ".png")]
    assert "zh/README.md" in shipped
    assert all(any(fnmatch.fnmatch(name, pattern) for pattern in patterns) for name in shipped)
    assert guide_dir() == guide  # the checkout reads docs/guide itself


def test_package_data_covers_every_shipped_file_and_the_compiled_translations() -> None:
    patterns = setuptools_config()["package-data"][DATA_PACKAGE]
    resources = ROOT / "resources"
    shipped = [p.relative_to(resources).as_posix() for p in resources.rglob("*")
               if p.is_file() and p.suffix not in (".ts", ".qm") and not p.name.startswith(".")]
    uncovered = [name for name in shipped
                 if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert uncovered == []
    assert "translations/*.qm" in patterns


def test_a_source_checkout_reads_the_top_level_resources_folder() -> None:
    assert resources_dir() == ROOT / "resources"
    assert resource_path("rubric_2018.toml").is_file()


def test_an_installed_package_finds_its_data_with_importlib_resources(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "evaluator", site / "evaluator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", site / "evaluator" / PACKAGE_DATA_FOLDER)
    script = ("from evaluator.resources import resources_dir, resource_path\n"
              "print(resources_dir())\n"
              "print(resource_path('rubric_2018.toml').is_file())\n")
    # -S: no site-packages, so nothing but the copy can provide `evaluator`.
    done = subprocess.run([sys.executable, "-S", "-c", script], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True,
                          text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    folder, found = done.stdout.split()
    assert Path(folder).resolve() == (site / "evaluator" / PACKAGE_DATA_FOLDER).resolve()
    assert found == "True"
