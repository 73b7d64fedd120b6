"""The Linux kiosk package as IT gets it: the frozen build runs, the .deb holds what it should, installs with its
dependencies (cage), its unit verifies, the installed kiosk passes selftest, and remove/purge clean up.

Building the frozen app takes a minute or two and installing the package changes the machine (a system user,
files in /opt, /etc, /var/lib): these tests run only where that is wanted, with KIOSK_DEB_TEST=1 (.ci/run sets
it after `make dist deb`, whose outputs in dist/ are reused here; without them the test builds them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
FROZEN = DIST / "ventanilla" / "ventanilla"
UNIT = "ventanilla-kiosk.service"
CHECKS = {"qt-platform", "fonts", "font-coverage", "translations", "config", "migrations", "documents",
          "printer-backends"}

pytestmark = [
    pytest.mark.installer,
    pytest.mark.skipif(os.environ.get("KIOSK_DEB_TEST") != "1",
                       reason="builds the frozen app and installs the .deb system-wide: set KIOSK_DEB_TEST=1 (CI)"),
    pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
                       reason="Debian tools only"),
]


def sh(*args: str | Path, check: bool = True, env: dict[str, str] | None = None,
       timeout: int = 900) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})}, cwd=ROOT)
    if check and done.returncode != 0:
        raise AssertionError(f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def selftest_ok(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stdout + done.stderr
    statuses = {line.split()[1]: line.split()[0] for line in done.stdout.splitlines()}
    assert statuses == dict.fromkeys(CHECKS, "ok"), done.stdout


@pytest.fixture(scope="module")
def deb() -> Path:
    """The .deb of this tree: the one `make dist deb` left in dist/ (CI), else built now."""
    if not FROZEN.exists():
        sh("make", "dist")
    found = sorted(DIST.glob("ventanilla_*.deb"))
    if not found or found[-1].stat().st_mtime < FROZEN.stat().st_mtime:
        sh("make", "deb")
        found = sorted(DIST.glob("ventanilla_*.deb"))
    return found[-1]


def test_frozen_build_runs_selftest_and_every_command(deb: Path, tmp_path: Path) -> None:
    offscreen = {"QT_QPA_PLATFORM": "offscreen", "KIOSK_CONFIG": str(tmp_path / "none.toml")}
    selftest_ok(sh(FROZEN, "selftest", env=offscreen, check=False))
    commands = sh(FROZEN, "--help").stdout
    for name in ("run", "demo", "selftest", "doctor", "sync", "provision", "print", "central"):
        assert f"    {name}" in commands
    assert "--tour" in sh(FROZEN, "demo", "--help").stdout
    fake = sh(FROZEN, "demo", "--fake", "--data-dir", tmp_path, env=offscreen, check=False)
    assert fake.returncode == 2  # the fakes are not in the product: one clear line, not a traceback
    assert "leaves out" in fake.stderr and "Traceback" not in fake.stderr


def test_package_metadata_and_contents(deb: Path) -> None:
    info = sh("dpkg-deb", "--info", deb).stdout
    assert "Package: ventanilla" in info
    assert "Depends: cage, xwayland" in info
    for script in ("postinst", "prerm", "postrm"):
        assert script in info
    contents = sh("dpkg-deb", "--contents", deb).stdout
    for path in ("./opt/ventanilla/ventanilla", "./usr/bin/ventanilla", f"./lib/systemd/system/{UNIT}",
                 "./etc/pam.d/ventanilla-kiosk", "./opt/ventanilla/_internal/resources/fonts/NotoSans-Regular.ttf",
                 "./opt/ventanilla/_internal/resources/translations/ventanilla_en.qm",
                 "./opt/ventanilla/_internal/db/migrations/local/env.py",
                 "./opt/ventanilla/_internal/PySide6/Qt/plugins/platforms/libqwayland.so"):
        assert path in contents, path
    assert "root/root" in contents and "kiosk/testing" not in contents


@pytest.fixture
def installed(deb: Path) -> Iterator[Path]:
    assert os.geteuid() == 0, "installing the package needs root (CI runs as root)"
    sh("apt-get", "install", "-y", "-q", deb, env={"DEBIAN_FRONTEND": "noninteractive"})
    try:
        yield deb
    finally:
        sh("dpkg", "--purge", "ventanilla", check=False)


def test_install_verify_selftest_remove_purge(installed: Path) -> None:
    assert shutil.which("cage"), "Depends: cage was installed with the package"
    assert sh("getent", "passwd", "ventanilla").stdout.split(":")[6].strip() == "/usr/sbin/nologin"
    for folder in ("/var/lib/ventanilla", "/etc/ventanilla"):
        assert Path(folder).stat().st_uid == int(sh("id", "-u", "ventanilla").stdout)
    unit = Path("/lib/systemd/system") / UNIT
    text = unit.read_text()
    for line in ("Type=notify", "WatchdogSec=30", "Restart=always", "NotifyAccess=all", "User=ventanilla",
                 "TTYPath=/dev/tty1", "ExecStart=/usr/bin/cage"):
        assert line in text, line
    assert (Path("/etc/systemd/system/graphical.target.wants") / UNIT).is_symlink()  # enabled
    if shutil.which("systemd-analyze"):
        verify = sh("systemd-analyze", "verify", unit, check=False)
        assert verify.returncode == 0 and UNIT not in verify.stderr, verify.stderr

    selftest_ok(sh("runuser", "-u", "ventanilla", "--", "/opt/ventanilla/ventanilla", "selftest",
                   env={"QT_QPA_PLATFORM": "offscreen"}, check=False))
    # The way the unit runs it: under cage (a headless wlroots backend here), Qt on Wayland, as the kiosk user.
    runtime = Path(tempfile.mkdtemp(prefix="ventanilla-xdg-"))
    shutil.chown(runtime, "ventanilla")
    runtime.chmod(0o700)
    under_cage = sh("runuser", "-u", "ventanilla", "--", "env", f"XDG_RUNTIME_DIR={runtime}", "WLR_BACKENDS=headless",
                    "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman", "QT_QPA_PLATFORM=wayland",
                    "cage", "--", "/opt/ventanilla/ventanilla", "selftest", check=False, timeout=300)
    shutil.rmtree(runtime, ignore_errors=True)
    selftest_ok(under_cage)
    assert "qt-platform      wayland" in under_cage.stdout

    doctor = sh("/usr/bin/ventanilla", "doctor", check=False)  # the wrapper reads /etc/ventanilla/kiosk.toml
    assert doctor.returncode == 1 and "/etc/ventanilla/kiosk.toml" in doctor.stdout

    config = Path("/etc/ventanilla/kiosk.toml")
    config.write_text('[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "/var/lib/ventanilla"\n', encoding="utf-8")
    again = sh("apt-get", "install", "-y", "-q", "--reinstall", installed, env={"DEBIAN_FRONTEND": "noninteractive"})
    assert "replica /var/lib/ventanilla/replica.sqlite3: none yet" in again.stdout  # postinst: migrate ...
    assert "OK    config    /etc/ventanilla/kiosk.toml" in again.stdout  # ... and doctor, once configured
    sh("dpkg", "--remove", "ventanilla")
    assert not Path("/opt/ventanilla").exists() and not Path("/usr/bin/ventanilla").exists()
    assert config.exists() and Path("/var/lib/ventanilla").exists()  # remove keeps the kiosk's data
    sh("dpkg", "--purge", "ventanilla")
    assert not Path("/etc/ventanilla").exists() and not Path("/var/lib/ventanilla").exists()
    assert sh("getent", "passwd", "ventanilla", check=False).returncode != 0
