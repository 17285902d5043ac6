"""Where the shipped data files live (rubric, demo data, translations, icons).

The repository keeps them in the top-level `resources/` folder; the distribution carries
the same tree as package data inside the package, `evaluator/_resources/` (pyproject's
package-dir mapping; no top-level `resources` package is installed), and so does the
frozen app (packaging/evaluator.spec). A source checkout (and an editable install, which
runs the checkout) reads `resources/` itself, so an edited rubric or a freshly compiled
translation is seen at once; an installed wheel and the frozen app find the package data
with `importlib.resources`.
"""

from __future__ import annotations

import atexit
import contextlib
import sys
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "evaluator"
# The folder inside the package that holds resources/ once installed or frozen.
PACKAGE_DATA_FOLDER = "_resources"
# What the shipped tree must hold: a folder without it is not the data.
MARKER = "rubric_2018.toml"


def checkout_resources() -> Path | None:
    """`resources/` of the source checkout this package runs from, if it does."""
    root = Path(__file__).resolve().parent.parent
    folder = root / "resources"
    if (root / "pyproject.toml").is_file() and (folder / MARKER).is_file():
        return folder
    return None


def packaged_resources() -> Traversable:
    """The package data (wheel, frozen app), found with importlib.resources."""
    return resources.files(PACKAGE).joinpath(PACKAGE_DATA_FOLDER)


_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _as_path(tree: Traversable) -> Path:
    """A real folder for `tree` (Qt and SQLite need file names): the tree itself when it
    is on disk, as pip and PyInstaller install it; else an extracted copy for this run."""
    if isinstance(tree, Path):
        return tree
    return Path(_extracted.enter_context(resources.as_file(tree)))


@cache
def resources_dir() -> Path:
    checkout = checkout_resources()
    if checkout is not None:
        return checkout
    folder = _as_path(packaged_resources())
    if not (folder / MARKER).is_file():
        frozen_root = getattr(sys, "_MEIPASS", None)
        if frozen_root is not None:
            return Path(frozen_root) / PACKAGE / PACKAGE_DATA_FOLDER
    return folder


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


# The user guide (docs/guide: README.md per language, pictures in images/) ships the same
# way, as evaluator/_guide, so 帮助 → 使用指南 works without a network in every install.
GUIDE_DATA_FOLDER = "_guide"


@cache
def guide_dir() -> Path:
    if checkout_resources() is not None:
        return Path(__file__).resolve().parent.parent / "docs" / "guide"
    folder = _as_path(resources.files(PACKAGE).joinpath(GUIDE_DATA_FOLDER))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if not folder.is_dir() and frozen_root is not None:
        return Path(frozen_root) / PACKAGE / GUIDE_DATA_FOLDER
    return folder
