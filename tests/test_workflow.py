"""The CI workflow: valid YAML, the three platforms, and on each the tests, the wheel,
the PyInstaller build, its self-test and the installers as artifacts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps_for(job: dict[str, Any], os_name: str) -> list[dict[str, Any]]:
    """The steps that run on `os_name` (Linux, Windows, macOS), by their `if:`."""
    chosen = []
    for step in job["steps"]:
        condition = step.get("if", "")
        if not condition:
            chosen.append(step)
            continue
        equal = re.findall(r"runner\.os == '(\w+)'", condition)
        unequal = re.findall(r"runner\.os != '(\w+)'", condition)
        if (equal and os_name in equal) or (unequal and os_name not in unequal):
            chosen.append(step)
    return chosen


def commands(steps: list[dict[str, Any]]) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps)


def test_it_runs_on_push_and_pull_requests(workflow: dict[Any, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as True
    assert {"push", "pull_request"} <= set(triggers)


def test_the_matrix_has_the_three_platforms(workflow: dict[Any, Any]) -> None:
    (job,) = workflow["jobs"].values()
    matrix = job["strategy"]["matrix"]["os"]
    assert sorted(matrix) == ["macos-latest", "ubuntu-latest", "windows-latest"]
    assert job["runs-on"] == "${{ matrix.os }}"
    assert job["strategy"]["fail-fast"] is False
    assert job["env"]["QT_QPA_PLATFORM"] == "offscreen"


@pytest.mark.parametrize("os_name", ["Linux", "Windows", "macOS"])
def test_each_platform_tests_builds_and_self_tests(workflow: dict[Any, Any],
                                                  os_name: str) -> None:
    (job,) = workflow["jobs"].values()
    steps = steps_for(job, os_name)
    run = commands(steps)
    if os_name == "Linux":
        # The same command as .ci/run: every check, the wheel, the frozen app.
        assert "bash tools/run.sh test" in run
        assert "bash tools/run.sh test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        script = (ROOT / "tools" / "run.sh").read_text(encoding="utf-8")
        for needed in ("python -m pytest", "tools/check_wheel.sh", "tools/build_app.sh",
                       "tools/check_frozen_app.sh"):
            assert needed in script
    else:
        for needed in ("python -m pytest -q", "bash tools/check_wheel.sh",
                       "bash tools/build_app.sh", "bash tools/check_frozen_app.sh"):
            assert needed in run, needed
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert len(uploads) == 1
    assert uploads[0]["with"]["if-no-files-found"] == "error"


def test_each_platform_makes_its_installer(workflow: dict[Any, Any]) -> None:
    (job,) = workflow["jobs"].values()
    assert "packaging\\windows\\evaluator.iss" in commands(steps_for(job, "Windows"))
    assert "hdiutil create" in commands(steps_for(job, "macOS"))
    assert "packaging/linux/install-user.sh" in commands(steps_for(job, "Linux"))
    paths = str(job["steps"][-1]["with"]["path"])
    for artifact in ("-setup.exe", ".dmg", "linux-x86_64.tar.gz", ".whl"):
        assert artifact in paths


def test_every_script_the_workflow_runs_exists(workflow: dict[Any, Any]) -> None:
    (job,) = workflow["jobs"].values()
    mentioned = set(re.findall(r"(?:tools|packaging)[/\\][\w/\\.-]+", commands(job["steps"])))
    assert mentioned
    for name in mentioned:
        assert (ROOT / name.replace("\\", "/")).exists(), name
