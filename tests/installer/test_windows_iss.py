"""installer/windows/ventanilla.iss names only files the build has. The Windows build is made on Windows (no
Inno Setup, no cross-compiling PyInstaller here), so this maps the Linux frozen layout onto the Windows one:
the same onedir tree, `ventanilla.exe` there being `ventanilla` here (WINDOWS_NAMES). Everything else the script
names ({app} files run after install or at uninstall) must be installed by its own [Files] section.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "ventanilla.iss"
WINDOWS_NAMES = {"ventanilla.exe": "ventanilla"}  # Windows file name -> the same file in the Linux build
FROZEN = ROOT / "dist" / "ventanilla"


def sections(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            found.setdefault(current, [])
        elif current:
            found[current].append(line)
    return found


def expand(text: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], text)


def fields(line: str) -> dict[str, str]:
    """An Inno Setup entry's `Name: "value"; Name: value` parameters ("" inside quotes is one quote)."""
    return {k: (q.replace('""', '"') if q else b.strip()) for k, q, b in
            re.findall(r'(\w+):\s*(?:"((?:[^"]|"")*)"|([^;]*))', line)}


def parsed() -> tuple[dict[str, str], dict[str, list[str]]]:
    text = ISS.read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))
    return defines, sections(text)


def on_disk(source: str) -> Path:
    """A [Files] Source (relative to the .iss, Windows separators) as the Linux tree has it."""
    parts = list(PureWindowsPath(source).parts)
    parts[-1] = WINDOWS_NAMES.get(parts[-1], parts[-1])
    return (ISS.parent / Path(*parts)).resolve()


@pytest.fixture(scope="module")
def frozen() -> Path:
    if not (FROZEN / "ventanilla").exists():
        if os.environ.get("KIOSK_DEB_TEST") == "1":
            pytest.fail("dist/ventanilla missing: CI runs 'make dist' before the tests")
        pytest.skip("no frozen build in dist/ventanilla (make dist)")
    return FROZEN


def test_every_source_exists_in_the_frozen_layout(frozen: Path) -> None:
    defines, found = parsed()
    assert on_disk(expand("{#DistDir}", defines)) == frozen
    sources = [expand(fields(line)["Source"], defines) for line in found["Files"]]
    assert sources
    for source in sources:
        if source.endswith("\\*"):
            folder = on_disk(source[:-2])
            assert folder.is_dir() and any(folder.iterdir()), source
        else:
            assert on_disk(source).is_file(), source


def test_everything_run_from_app_is_installed_by_files() -> None:
    defines, found = parsed()
    installed = set()
    for line in found["Files"]:
        entry = {k: expand(v, defines) for k, v in fields(line).items()}
        name = PureWindowsPath(entry["Source"]).name
        installed.add(f"{entry['DestDir']}\\{name}".lower())
    named = []
    for section in ("Run", "UninstallRun", "Icons"):
        for line in found.get(section, []):
            for value in fields(expand(line, defines)).values():
                named += re.findall(r"\{app\}\\[^\"\s]+", value)
    assert {"{app}\\ventanilla.exe", "{app}\\installer\\shell-launcher.ps1"} <= {n.lower() for n in named}
    for path in named:
        assert path.lower() in installed, path


def test_the_kiosk_start_script_has_each_mode() -> None:
    script = (ISS.parent / "shell-launcher.ps1").read_text(encoding="utf-8")
    for mode in ("LogonTask", "ShellLauncher", "Remove"):
        assert f'"{mode}"' in script
    assert "SetCustomShell" in script and "Register-ScheduledTask" in script and "-AtLogOn" in script
