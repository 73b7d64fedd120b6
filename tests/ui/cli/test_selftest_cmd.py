"""`ventanilla selftest` from source, as IT runs it: one line per check, exit 0 when all pass, 1 otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKS = ("qt-platform", "fonts", "font-coverage", "translations", "config", "migrations", "documents",
          "printer-backends")


def selftest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "kiosk", "selftest", *args], capture_output=True, text=True,
                          timeout=300, check=False, env=environ)


def lines(out: str) -> dict[str, str]:
    """check name -> its status word (ok / FAIL)."""
    found = {}
    for line in out.splitlines():
        status, name = line.split()[:2]
        found[name] = status
    return found


def test_every_check_passes_from_source(tmp_path: Path) -> None:
    done = selftest(env={"KIOSK_CONFIG": str(tmp_path / "none.toml")})
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines(done.stdout) == dict.fromkeys(CHECKS, "ok")
    assert "codes decoded" in done.stdout  # zbar is there in the dev venv: QR and barcodes were read back


def test_a_valid_config_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "K1"\nbranch = "B1"\n[ui]\nbranding = "telco-py"\n', encoding="utf-8")
    done = selftest("--config", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{path} valid" in done.stdout


def test_a_bad_config_fails_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "K1"\nbranch = "B1"\ncolour = "red"\n', encoding="utf-8")
    done = selftest("--config", str(path))
    assert done.returncode == 1
    found = lines(done.stdout)
    assert found["config"] == "FAIL"
    assert "kiosk.colour: unknown key" in done.stdout
    assert [name for name, status in found.items() if status != "ok"] == ["config"]


@pytest.mark.parametrize("platform", ["no-such-platform"])
def test_a_platform_plugin_that_cannot_load_is_a_fail_not_a_crash(tmp_path: Path, platform: str) -> None:
    done = selftest(env={"QT_QPA_PLATFORM": platform, "KIOSK_CONFIG": str(tmp_path / "none.toml")})
    assert done.returncode == 1
    found = lines(done.stdout)
    assert found["qt-platform"] == "FAIL"
    assert found["migrations"] == "ok"  # the rest still ran
