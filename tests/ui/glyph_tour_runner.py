"""Run `python -m kiosk demo --tour` and look, in every state, for glyphs that do not come from bundled fonts.

Usage: python tests/ui/glyph_tour_runner.py DATA_DIR TOUR_DIR REPORT.json [--profile P] [--orientation O]

Meant to run under FONTCONFIG_FILE pointing at a configuration without font directories (a kiosk image with
no fonts of its own), in a process of its own since fontconfig is read once per process. Every step of the real
demo tour is checked in Spanish and again in English (tests/ui/glyph_check.py), just before its PNG is taken.
Writes one JSON object: the font families Qt sees, the bundled ones, the states rendered and checked (times the
languages), the problems found, and what the checker says about a canary text "＋ ⌂" (it must find both).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from glyph_check import glyph_problems, window_problems

import ui.tour
from kiosk.cli import main as kiosk_main

LANGUAGES = ("es", "en")
CANARY = "＋ ⌂ Inicio"


def main(argv: list[str]) -> int:
    data_dir, tour_dir, report_path = (Path(a) for a in argv[:3])
    options = dict(zip(argv[3::2], argv[4::2], strict=False))
    profile = options.get("--profile", "coop-ar")
    orientation = options.get("--orientation", "both")
    original_steps, original_extra = ui.tour.tour_steps, ui.tour.extra_steps
    problems: list[str] = []
    checked: list[str] = []

    def checking(step: Any) -> Any:
        def window_setup(window: Any) -> None:
            from PySide6.QtWidgets import QApplication

            from ui.fonts import bundled_families

            if step.window_setup is not None:
                step.window_setup(window)
            for language in LANGUAGES:
                if window.ctx.language != language:
                    window.set_language(language)
                    ui.tour.settle(window)
                QApplication.processEvents()
                where = f"{profile}/{window.orientation}/{step.name}/{language}"
                try:
                    problems.extend(f"{where}: {p}" for p in window_problems(window, bundled_families()))
                except Exception as exc:  # a check that cannot run is a failure, not a state left out
                    problems.append(f"{where}: the check failed: {type(exc).__name__}: {exc}")
                checked.append(where)

        return replace(step, window_setup=window_setup)

    ui.tour.tour_steps = lambda: [checking(s) for s in original_steps()]  # type: ignore[assignment]
    ui.tour.extra_steps = lambda: [checking(s) for s in original_extra()]  # type: ignore[assignment]
    args = ["demo", "--data-dir", str(data_dir), "--profile", profile, "--tour", str(tour_dir),
            "--accounts", options.get("--accounts", "40")]
    if orientation != "both":
        args += ["--orientation", orientation]
    code = kiosk_main(args)

    from PySide6.QtGui import QFont, QFontDatabase

    from ui.fonts import PREFERRED_FAMILY, bundled_families

    canary_font = QFont(PREFERRED_FAMILY)
    canary_font.setPixelSize(22)
    report = {
        "exit_code": code,
        "families": sorted(QFontDatabase.families()),
        "bundled": sorted(bundled_families()),
        # Every state the tour rendered (steps whose kind of demo account a profile lacks are left out).
        "expected": len(list(tour_dir.rglob("*.png"))) * len(LANGUAGES),
        "checked": len(checked),
        "problems": problems,
        "canary": glyph_problems(CANARY, canary_font, bundled_families()),
    }
    report_path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
