"""The demo tour under a fontconfig with no fonts at all, as on a kiosk image: no state shows an empty box.

The tour runs in a process of its own (fontconfig is read once per process) with FONTCONFIG_FILE pointing at a
configuration without <dir>; tests/ui/glyph_tour_runner.py checks every state in Spanish and English.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

RUNNER = Path(__file__).with_name("glyph_tour_runner.py")
ROOT = Path(__file__).resolve().parents[2]
EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def run_glyph_tour(tmp_path: Path, profile: str, orientation: str) -> dict[str, Any]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FONTCONFIG", "QT_QPA_FONTDIR"))}
    env.update(FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    report = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, str(RUNNER), str(tmp_path / "data"), str(tmp_path / "tour"), str(report),
         "--profile", profile, "--orientation", orientation],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=540,
    )
    assert proc.returncode == 0 and report.exists(), proc.stderr[-4000:]
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("profile", "orientation"), [("coop-ar", "both"), ("telco-py", "landscape"),
                                                      ("wisp-mx", "portrait")])
def test_tour_without_system_fonts_shows_no_missing_glyph(tmp_path: Path, profile: str, orientation: str) -> None:
    report = run_glyph_tour(tmp_path, profile, orientation)
    # The process really saw no system font: only the bundled families (and Qt's generic aliases).
    assert set(report["families"]) - {"Monospace", "Sans Serif", "Serif"} == set(report["bundled"])
    # The checker is alive under this configuration: it finds both symbols of a canary "＋ ⌂ Inicio".
    assert [line.split()[0] for line in report["canary"]] == ["U+FF0B", "U+2302"]
    assert report["checked"] == report["expected"] > 0
    assert report["problems"] == []
