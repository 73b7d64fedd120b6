"""Every button an FAQ answer sends a customer to exists, with that very label, in that language.

The FAQ names buttons in «» (Spanish) and “” (English). Each profile's window is built with every screen, and
the labels of all its buttons (tiles' headings, the first line of choice buttons) are collected after a switch
to each language: a quoted name that is not among them is a button the customer will not find.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kiosk.branding import available_profiles
from kiosk.central.seed_content import FAQ

QUOTES = {"es": re.compile(r"«([^»]+)»"), "en": re.compile(r"“([^”]+)”")}


def window_for(qtbot: Any, tmp_path: Path, profile: str) -> Any:
    """The profile's real window over the fake services (which serve the profile's seeded FAQ)."""
    from kiosk.config import parse_config
    from kiosk.testing.fakes import fake_services
    from kiosk.testing.world import build_world, demo_branding
    from ui.app import build_window

    branding = demo_branding(profile)
    config = parse_config({
        "kiosk": {"id": "K01", "branch": "S01", "data_dir": str(tmp_path)},
        "ui": {"branding": profile},
        "printer": {"backend": "pdf-folder", "folder": str(tmp_path / "prints")},
    })
    window = build_window(fake_services(build_world(tmp_path / "prints"), branding), config, branding,
                          orientation="landscape", poll_status=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def button_labels(window: Any) -> set[str]:
    from PySide6.QtWidgets import QPushButton

    found = set()
    for btn in window.findChildren(QPushButton):
        heading = getattr(btn, "heading", None)
        text = heading.text() if heading is not None else btn.text()
        if text:
            found.add(text.split("\n")[0].strip())
    return found


def quoted(profile: str, language: str) -> set[str]:
    pattern = QUOTES[language]
    items = FAQ[profile]
    texts = [i.answer_en if language == "en" else i.answer_es for i in items]
    texts += [i.question_en if language == "en" else i.question_es for i in items]
    return {name for text in texts for name in pattern.findall(text)}


@pytest.mark.parametrize("profile", available_profiles())
def test_every_quoted_button_is_a_real_label(qtbot: Any, tmp_path: Path, profile: str) -> None:
    window = window_for(qtbot, tmp_path, profile)
    window.build_all()
    try:
        for language in ("es", "en"):
            window.set_language(language)
            names = quoted(profile, language)
            assert names, f"{profile} FAQ ({language}) names no button"
            missing = sorted(names - button_labels(window))
            assert not missing, f"{profile} FAQ ({language}) points at buttons that do not exist: {missing}"
    finally:
        window.set_language("es")
        window.watchdog.stop()
        window.ctx.ops.wait_idle(5000)


def test_the_old_pointer_would_be_caught(qtbot: Any, tmp_path: Path) -> None:
    """The FAQ used to send customers to «Registrarme o recuperar PIN»; the home tile is another label."""
    window = window_for(qtbot, tmp_path, "coop-ar")
    window.build_all()
    try:
        labels = button_labels(window)
        assert "Registrar o cambiar PIN" in labels and "Registrarme o recuperar PIN" not in labels
    finally:
        window.watchdog.stop()
        window.ctx.ops.wait_idle(5000)


@pytest.mark.parametrize("profile", available_profiles())
def test_faq_screen_shows_the_profiles_own_answers(qtbot: Any, tmp_path: Path, profile: str) -> None:
    window = window_for(qtbot, tmp_path, profile)
    try:
        window.go("faq")
        screen = window.current()
        qtbot.waitUntil(lambda: len(screen.entries) == len(FAQ[profile]), timeout=10_000)
        assert [e.question for e in screen.entries] == [i.question_es for i in FAQ[profile]]
    finally:
        window.watchdog.stop()
        window.ctx.ops.wait_idle(5000)
