"""The systemd units in deploy/ pass `systemd-analyze verify` (skipped where it is missing)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
INSTALLED_AT = "/opt/serienwecker"  # where the units expect the code and its virtualenv


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_units_verify(tmp_path: Path):
    # verify checks that ExecStart's program exists: point the install prefix at this checkout.
    root = DEPLOY.parent
    for unit in DEPLOY.glob("serienwecker*"):
        text = unit.read_text().replace(f"{INSTALLED_AT}/.venv/bin/python", sys.executable)
        (tmp_path / unit.name).write_text(text.replace(INSTALLED_AT, str(root)))
    units = sorted(str(path) for path in tmp_path.iterdir())
    result = subprocess.run(
        ["systemd-analyze", "verify", *units],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_the_service_is_sandboxed_and_restarts_on_failure():
    unit = (DEPLOY / "serienwecker.service").read_text().splitlines()
    settings = {line.split("=", 1)[0] for line in unit if "=" in line and not line.startswith("#")}
    for needed in ("DynamicUser", "ProtectSystem", "ProtectHome", "PrivateTmp", "NoNewPrivileges",
                   "StateDirectory", "EnvironmentFile", "Restart"):  # fmt: skip
        assert needed in settings
    assert "ProtectSystem=strict" in unit and "Restart=on-failure" in unit
