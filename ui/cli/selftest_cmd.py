"""`ventanilla selftest`: does this build have everything it ships? One line per check, exit 0 or 1.

Run by IT after an install or upgrade, by the .deb's CI test on the installed package, and from source. The Qt
checks (platform plugin, bundled fonts and their coverage, translations) run in a child process: a platform
plugin that cannot load makes Qt abort the whole process, and that must still come out as one FAIL line. The
rest (configuration, migrations, documents, printer backends) is kiosk/selftest.py. Registered with the CLI
through the `ventanilla.commands` entry point (pyproject.toml), like `run` and `demo`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.selftest import Result, core_checks

HELP = "check this build: Qt, fonts, translations, migrations, documents, configuration, printer backends"
QT_CHECKS = ("qt-platform", "fonts", "font-coverage", "translations")
QT_TIMEOUT = 120
# Characters every screen may show whatever the catalogues hold: digits, Spanish letters, money and dates.
ALWAYS_SHOWN = "0123456789 abcdefghijklmnñopqrstuvwxyzABCDEFGHIJKLMNÑOPQRSTUVWXYZáéíóúüÁÉÍÓÚÜ¿¡?!.,:;-–$₲€%°/()"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="configuration file to validate (default: "
                        "$KIOSK_CONFIG, else the platform's config dir; none there is not a failure)")
    parser.add_argument("--qt-checks", action="store_true", help=argparse.SUPPRESS)  # the child process
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.qt_checks:
        results = qt_checks()
        for result in results:
            print(result.line(), flush=True)
        return 0 if all(r.ok for r in results) else 1
    results = []
    for result in (*_qt_in_child(), *core_checks(args.config)):
        print(result.line(), flush=True)
        results.append(result)
    return 0 if all(r.ok for r in results) else 1


def _self_command() -> list[str]:
    """How to start this program again: the frozen executable itself, or this interpreter with `-m kiosk`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "kiosk"]


def _qt_in_child() -> list[Result]:
    """The Qt checks' lines from a child process; a crash or a missing line is a FAIL naming what happened."""
    platform = os.environ.get("QT_QPA_PLATFORM", "(default)")
    try:
        done = subprocess.run([*_self_command(), "selftest", "--qt-checks"], capture_output=True, text=True,
                              timeout=QT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return [Result("qt-platform", False, f"{platform}: no answer in {QT_TIMEOUT} s")]
    results = []
    for line in done.stdout.splitlines():
        status, _, rest = line.partition("  ")
        name, _, detail = rest.strip().partition(" ")
        if name in QT_CHECKS:
            results.append(Result(name, status.strip() == "ok", detail.strip()))
    seen = {r.name for r in results}
    why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1][:300]
    for name in QT_CHECKS:
        if name not in seen:
            results.append(Result(name, False, f"{platform}: not run (exit status {done.returncode}: {why})"))
    return results


def qt_checks() -> list[Result]:
    """In this process: a QGuiApplication on the current platform, then fonts, coverage and translations."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # the platform: QT_QPA_PLATFORM
    results = [Result("qt-platform", True, QGuiApplication.platformName())]
    fonts = _check_fonts()
    results.append(fonts)
    results.append(_check_coverage() if fonts.ok else Result("font-coverage", False, "no bundled fonts"))
    results.append(_check_translations())
    del app
    return results


def _check_fonts() -> Result:
    from ui.fonts import bundled_families, font_files, register_fonts

    try:
        family = register_fonts()
    except Exception as exc:
        return Result("fonts", False, f"{type(exc).__name__}: {exc}")
    families = ", ".join(sorted(bundled_families()))
    return Result("fonts", True, f"{family} ({len(font_files())} files, families: {families})")


def ui_characters() -> dict[str, str]:
    """Every character of the Qt catalogues (Spanish sources and translations) plus ALWAYS_SHOWN, each with
    where it was first seen."""
    from ui.i18n import LANGUAGES, SOURCE_LANGUAGE, ts_path

    seen = {ch: "always shown" for ch in ALWAYS_SHOWN}
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        path = ts_path(language)
        for element in ET.parse(path).iter():
            if element.tag in ("source", "translation") and element.text:
                for ch in element.text:
                    seen.setdefault(ch, path.name)
    return seen


def _check_coverage() -> Result:
    """Each character a screen can show is in a bundled family (Qt falls back only among registered fonts
    on a kiosk with no fonts of its own)."""
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.fonts import bundled_families

    try:
        chars = ui_characters()
    except Exception as exc:
        return Result("font-coverage", False, f"catalogue unreadable: {type(exc).__name__}: {exc}")
    metrics = [QFontMetrics(QFont(family)) for family in sorted(bundled_families())]
    missing = sorted(ch for ch in chars if ch.isprintable() and not ch.isspace()
                     and not any(m.inFontUcs4(ord(ch)) for m in metrics))
    if missing:
        shown = ", ".join(f"U+{ord(ch):04X} ({chars[ch]})" for ch in missing[:5])
        return Result("font-coverage", False, f"{len(missing)} characters without a glyph: {shown}")
    return Result("font-coverage", True, f"{len(chars)} characters covered")


def _check_translations() -> Result:
    from PySide6.QtCore import QTranslator

    from ui.i18n import LANGUAGES, qm_path

    loaded = []
    for language in LANGUAGES:  # the source language too: its plural forms ("1 minuto")
        translator = QTranslator()
        path = qm_path(language)
        if not path.exists() or not translator.load(str(path)) or translator.isEmpty():
            return Result("translations", False, f"{path}: missing or not a Qt catalogue")
        loaded.append(language)
    return Result("translations", True, ", ".join(loaded) + " loaded")
