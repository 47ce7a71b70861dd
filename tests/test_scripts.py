"""The README's commands are the ones CI runs, and they explain what is missing."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import REPO


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme and "bash scripts/build.sh" in readme
    assert "\nbash scripts/test.sh" in ci


def test_test_command_builds_then_runs_pytest():
    script = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert script.index("bash scripts/build.sh") < script.index("python -m pytest")
    assert "set -euo pipefail" in (REPO / "scripts" / "environment.sh").read_text()


def run_as_nobody(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", "nobody", "--", "bash", "-c", command],
                          capture_output=True, text=True, cwd="/")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"),
                    reason="needs root to impersonate an unprivileged user")
def test_missing_package_without_root_prints_the_exact_command():
    result = run_as_nobody(f"source {REPO}/scripts/environment.sh; "
                           "ensure_system_packages 'no-such-command-xyz:some-package'")
    assert result.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends some-package" \
        in result.stderr
