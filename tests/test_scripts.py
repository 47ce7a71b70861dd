"""The README's commands: what they run, in which order, and what they say is missing.

The command scripts run for real, in a copy of scripts/ where the slow steps they call
(installing, building, pytest, apt-get, npm) are stand-ins that write down their calls.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

ENVIRONMENT = REPO / "scripts" / "environment.sh"


def log_stub(path: Path, log: Path, exit_variable: str = "") -> None:
    """An executable that appends its name and arguments to ``log``."""
    code = f'exit "${{{exit_variable}:-0}}"' if exit_variable else "exit 0"
    path.write_text(f'#!/bin/sh\necho "{path.name} $*" >> {log}\n{code}\n')
    path.chmod(0o755)


@pytest.fixture
def sandbox(tmp_path):
    """A repository holding the real command scripts and .ci/run. Its environment.sh
    sources the real one (settings, package lists) and then replaces the installing
    functions by stand-ins; build.sh and python are stand-ins too. Returns
    (run(script, *args, **env) -> CompletedProcess, the call log)."""
    root, log, bin_dir = tmp_path / "repo", tmp_path / "calls.log", tmp_path / "bin"
    (root / "scripts").mkdir(parents=True)
    (root / ".ci").mkdir()
    bin_dir.mkdir()
    for name in ("test.sh", "benchmark.sh"):
        shutil.copy(REPO / "scripts" / name, root / "scripts" / name)
    shutil.copy(REPO / ".ci" / "run", root / ".ci" / "run")
    stand_ins = "\n".join(f'{name}() {{ echo "{name} $*" >> {log}; }}' for name in (
        "ensure_system_packages", "ensure_python_environment", "ensure_node_packages"))
    (root / "scripts" / "environment.sh").write_text(
        f"source {ENVIRONMENT}\nREPO_ROOT={root}\n{stand_ins}\n")
    log_stub(root / "scripts" / "build.sh", log, "BUILD_EXIT")
    log_stub(bin_dir / "python", log, "PYTEST_EXIT")

    def run(script: str, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(["/bin/bash", str(root / script), *args], capture_output=True,
                              text=True, env={"PATH": f"{bin_dir}:/usr/bin:/bin", **env})
    return run, log


def calls(log: Path) -> list[str]:
    return [line.strip() for line in log.read_text().splitlines()] if log.exists() else []


def test_ci_runs_the_readme_test_command(sandbox):
    run, log = sandbox
    assert run(".ci/run").returncode == 0
    assert calls(log)[-1:] == ["python -m pytest"], "CI did not run scripts/test.sh through"


def test_test_command_installs_then_builds_then_runs_pytest(sandbox):
    run, log = sandbox
    result = run("scripts/test.sh", "-k", "links")
    assert result.returncode == 0, result.stderr
    steps = calls(log)
    assert [step.split()[0] for step in steps] == [
        "ensure_system_packages", "ensure_python_environment", "ensure_node_packages",
        "build.sh", "python"]
    packages = steps[0].split()[1:]
    for needed in ("xelatex:texlive-xetex", "chromium:chromium", "npm:npm",
                   "java:default-jre-headless"):
        assert needed in packages, needed
    assert steps[1] == "ensure_python_environment requirements/test.txt"
    assert steps[-1] == "python -m pytest -k links"


def test_a_failed_build_stops_the_test_command(sandbox):
    run, log = sandbox
    result = run("scripts/test.sh", BUILD_EXIT="1")
    assert result.returncode != 0
    assert calls(log)[-1] == "build.sh", "pytest ran after the build failed"


def test_the_test_command_fails_when_pytest_does(sandbox):
    run, _ = sandbox
    assert run("scripts/test.sh", PYTEST_EXIT="5").returncode == 5  # 5: no test collected


def test_benchmark_installs_the_test_tools_and_npm(sandbox):
    run, log = sandbox
    assert run("scripts/benchmark.sh").returncode == 0
    steps = calls(log)
    assert "npm:npm" in steps[0].split()  # Lighthouse comes from npm
    assert steps[1] == "ensure_python_environment requirements/test.txt"
    assert steps[-1].startswith("python ") and steps[-1].endswith("scripts/benchmark.py")


def test_scripts_reach_project_code_through_project_paths_never_tests():
    """Every script imports (as ``python scripts/NAME.py`` would) without tests/ on the path."""
    program = ("import importlib, pathlib, sys\n"
               "for p in sorted(pathlib.Path('scripts').glob('*.py')):\n"
               "    importlib.import_module(p.stem)\n"
               "tests = str(pathlib.Path('tests').resolve())\n"
               "print([m for m, mod in sys.modules.items()"
               " if str(getattr(mod, '__file__', '')).startswith(tests)]"
               " + [p for p in sys.path if p.startswith(tests)])\n")
    result = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, 'scripts')\n{program}"],
                            cwd=REPO, capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]", f"imported from tests/: {result.stdout}"


def shell(command: str, path: str, **kwargs) -> subprocess.CompletedProcess:
    """Run bash with the environment script sourced and PATH set to ``path``."""
    return subprocess.run(["/bin/bash", "-c", f"source {ENVIRONMENT}; PATH={path}; {command}"],
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

    def as_user(uid: int, sudo: bool = False) -> tuple[str, Path]:
        """``sudo``: a passwordless sudo that logs, then runs, each command it is given."""
        (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
        if sudo:
            (bin_dir / "sudo").write_text(f'#!/bin/sh\n[ "$*" = "-n true" ] && exit 0\n'
                                          f'echo "sudo $1" >> {log}\nexec "$@"\n')
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


def test_missing_package_with_passwordless_sudo_installs_through_sudo(stubs):
    path, log = stubs(1000, sudo=True)
    result = shell("ensure_system_packages 'no-such-command-xyz:some-package'", path)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == [
        "sudo env", "apt-get update -qq",
        "sudo env", "apt-get install -y --no-install-recommends some-package -qq"]


def test_npm_lock_installs_into_the_environment_once_per_lock(tmp_path):
    """ensure_node_packages puts the npm lock's packages in the virtual environment (not
    the source tree) and runs npm again only when the lock changes."""
    repo, venv, bin_dir, log = (tmp_path / "repo", tmp_path / "venv", tmp_path / "bin",
                                tmp_path / "npm.log")
    lock = repo / "requirements" / "node" / "package-lock.json"
    shutil.copytree(REPO / "requirements" / "node", lock.parent)
    bin_dir.mkdir()
    (bin_dir / "npm").write_text(f'#!/bin/sh\necho "npm $* in $PWD" >> {log}\nmkdir -p node_modules\n')
    (bin_dir / "npm").chmod(0o755)

    def install() -> list[str]:
        result = shell(f"REPO_ROOT={repo}; VENV={venv}; ensure_node_packages",
                       f"{bin_dir}:/usr/bin:/bin")
        assert result.returncode == 0, result.stderr
        return log.read_text().splitlines()

    once = [f"npm ci --ignore-scripts --no-audit --no-fund --loglevel=error in {venv}/node"]
    assert install() == once
    assert (venv / "node" / "package-lock.json").read_bytes() == lock.read_bytes()
    assert install() == once, "npm ran again for the same lock"
    lock.write_text(lock.read_text() + "\n")
    assert install() == once * 2, "a changed lock did not install again"
    assert not (lock.parent / "node_modules").exists()


def test_a_python_outside_the_locked_range_is_refused_with_the_range():
    result = shell('PYTHON_OLDEST=3.0.0; PYTHON_NEWEST=3.10; check_python_version', "/usr/bin:/bin")
    assert result.returncode == 1
    assert "locked for Python 3.0.0 to 3.10.x" in result.stderr
    assert shell("check_python_version", "/usr/bin:/bin").returncode == 0
