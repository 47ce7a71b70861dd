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


def shell(command: str, path: str, **kwargs) -> subprocess.CompletedProcess:
    """Run bash with the environment script sourced and PATH set to ``path``."""
    script = REPO / "scripts" / "environment.sh"
    return subprocess.run(["/bin/bash", "-c", f"source {script}; PATH={path}; {command}"],
                          capture_output=True, text=True, **kwargs)


@pytest.fixture
def stubs(tmp_path):
    """A bin folder with stand-ins: ``id`` says who we are, ``apt-get`` logs its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "apt-get $*" >> {log}\n')
    os.symlink(shutil.which("sort"), bin_dir / "sort")
    os.symlink(shutil.which("env"), bin_dir / "env")

    def as_user(uid: int) -> tuple[str, Path]:
        (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
        for stub in bin_dir.iterdir():
            stub.chmod(0o755)
        return str(bin_dir), log
    return as_user


def test_nothing_missing_runs_no_apt_get(stubs):
    path, log = stubs(0)
    result = shell("ensure_system_packages 'sort:coreutils' 'env:coreutils'", path)
    assert result.returncode == 0, result.stderr
    assert not log.exists(), "apt-get ran although nothing was missing"


def test_missing_package_as_root_updates_then_installs_it(stubs):
    path, log = stubs(0)
    result = shell("ensure_system_packages 'sort:coreutils' 'no-such-command-xyz:some-package'",
                   path)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == [
        "apt-get update -qq",
        "apt-get install -y --no-install-recommends some-package -qq"]


def test_missing_package_without_root_or_sudo_prints_the_exact_command(stubs):
    path, log = stubs(1000)
    result = shell("ensure_system_packages 'no-such-command-xyz:some-package'", path)
    assert result.returncode == 1
    assert "missing system packages: some-package" in result.stderr
    assert "su -c 'apt-get update && apt-get install -y --no-install-recommends some-package'" \
        in result.stderr
    assert not log.exists()


def test_a_python_outside_the_locked_range_is_refused_with_the_range():
    result = shell('PYTHON_OLDEST=3.0.0; PYTHON_NEWEST=3.10; check_python_version', "/usr/bin:/bin")
    assert result.returncode == 1
    assert "locked for Python 3.0.0 to 3.10.x" in result.stderr
    assert shell("check_python_version", "/usr/bin:/bin").returncode == 0


def test_test_and_benchmark_commands_install_the_test_lock():
    for script in ("test.sh", "benchmark.sh"):
        text = (REPO / "scripts" / script).read_text(encoding="utf-8")
        assert "ensure_python_environment requirements/test.txt" in text, script
