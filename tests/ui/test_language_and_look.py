"""Language switch mid-flow, translations complete, contrast of the high-contrast theme, touch targets, brands."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from ui_taps import tap, type_on_keypad

from kiosk.services.errors import CODES, ServiceError
from kiosk.testing.world import demo_branding
from ui import theme
from ui.i18n import ts_path
from ui.messages import age_text, error_message, known_codes
from ui.screens.staff_base import seconds_ago_text


def test_language_switch_mid_flow_keeps_input(qtbot: Any, kiosk_window: Any) -> None:
    tap(qtbot, kiosk_window.screen_named("home").lookup_tile)
    lookup: Any = kiosk_window.current()
    type_on_keypad(qtbot, lookup.keypad, "1001")
    tap(qtbot, lookup.keypad.ok_key)
    type_on_keypad(qtbot, lookup.keypad, "99999")
    tap(qtbot, lookup.keypad.ok_key)
    qtbot.waitUntil(lambda: lookup.notice.isVisible(), timeout=5000)
    assert lookup.title.text() == "Consultar factura"
    tap(qtbot, kiosk_window.header.language)
    assert kiosk_window.ctx.language == "en"
    assert lookup.title.text() == "Look up an invoice"
    assert lookup.account.caption.text() == "Account number"
    assert lookup.notice.text.text().startswith("We could not find an invoice")
    assert kiosk_window.footer.back.text().endswith("Back")
    assert kiosk_window.header.language.text() == "Español"
    assert lookup.account.text() == "1001"  # nothing typed is lost
    assert lookup.invoice.text() == "99999"
    tap(qtbot, kiosk_window.header.language)
    assert lookup.title.text() == "Consultar factura"


def test_money_and_dates_follow_the_language(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    invoice = kiosk_world.invoices[0]
    assert invoice.owed.amount == invoice.total  # before its first due date
    kiosk_window.go("invoice_found", invoice=invoice)
    found: Any = kiosk_window.current()
    assert found.values["amount"].text() == "$ 48.211,37"
    assert found.values["period"].text() == "Octubre 2026"
    kiosk_window.set_language("en")
    assert found.values["amount"].text() == "$48,211.37"
    assert found.values["period"].text() == "October 2026"
    assert found.values["status"].text() == "Not yet due"  # the invoice list's word (kiosk.domain.labels)


def test_english_catalogue_has_no_unfinished_messages() -> None:
    root = ET.parse(ts_path("en")).getroot()
    unfinished = [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation") is not None
        and (msg.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
             or not "".join(msg.find("translation").itertext()).strip())  # type: ignore[union-attr]
    ]
    assert not unfinished, "\n".join(unfinished[:40])


def _numerus_calls_in_code() -> set[tuple[str, str]]:
    """(file, source) of every tr(s, disambiguation, n) / translate(context, s, disambiguation, n) under ui/."""
    found = set()
    for path in sorted((Path(__file__).resolve().parents[2] / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            text_at = {"tr": 0, "translate": 1}.get(str(name))
            if text_at is None or len(node.args) < text_at + 3:
                continue
            text = node.args[text_at]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add((path.name, text.value))
    return found


def test_spanish_plural_catalogue_is_complete_and_covers_every_numerus_message() -> None:
    """Spanish source text has one form ("%n minutos"): without its plural catalogue a kiosk says "1 minutos"."""
    root = ET.parse(ts_path("es")).getroot()
    forms = {}
    for msg in root.iter("message"):
        assert msg.get("numerus") == "yes", f"not a plural message: {msg.findtext('source')}"  # -pluralonly
        translation = msg.find("translation")
        assert translation is not None and translation.get("type") != "unfinished", msg.findtext("source")
        forms[msg.findtext("source")] = [f.text or "" for f in translation.iter("numerusform")]
    for source, (one, many) in forms.items():
        assert one.strip() and many.strip() and "%n" in one and "%n" in many, source
        assert many == source, source  # the plural form is the source text itself
    assert forms["%n minutos"] == ["%n minuto", "%n minutos"]
    assert forms["%1 · %2 · %n páginas"][0] == "%1 · %2 · %n página"
    assert forms["%n filas por enviar"][0] == "%n fila por enviar"
    assert forms["hace %n días"][0] == "hace %n día"
    in_code = _numerus_calls_in_code()
    assert len(in_code) >= 12
    missing = sorted(f"{file}: {text}" for file, text in in_code if text not in forms)
    assert not missing, "run python -m ui.i18n and fill in the forms:\n" + "\n".join(missing)
    # and the English catalogue has the same numerus messages
    english = {m.findtext("source") for m in ET.parse(ts_path("en")).getroot().iter("message")
               if m.get("numerus") == "yes"}
    assert english == set(forms)


def test_spanish_screens_say_singular_and_plural_across_language_switches(qtbot: Any, kiosk_window: Any) -> None:
    assert kiosk_window.ctx.language == "es"
    assert age_text(60) == "1 minuto"
    assert age_text(120) == "2 minutos"
    assert age_text(86400 * 2) == "2 días"
    for _ in range(2):
        kiosk_window.set_language("en")
        assert age_text(60) == "1 minute" and age_text(120) == "2 minutes"
        kiosk_window.set_language("es")
        assert age_text(60) == "1 minuto" and age_text(120) == "2 minutos"
    assert seconds_ago_text(3 * 86400) == "hace 3 días"
    kiosk_window.set_language("en")
    assert seconds_ago_text(3 * 86400) == "3 days ago"


def test_every_service_error_code_has_its_own_sentence() -> None:
    assert set(CODES) <= known_codes() | {"invalid_field"}
    for code in CODES:
        text = error_message(ServiceError(code, attempts_left=3, wait_seconds=60, locked_seconds=900, digits=5,
                                          last_value=41550, consumption=990, average=300, number="0021-1"))
        assert "{" not in text and "Traceback" not in text
    assert error_message(RuntimeError("psycopg.OperationalError: secret dsn")).startswith("Algo no salió bien")


@pytest.mark.parametrize("profile", ["coop-ar", "telco-py", "wisp-mx"])
def test_default_theme_text_is_readable(profile: str) -> None:
    th = theme.load_theme("default", demo_branding(profile))
    for fg, bg in th.pairs:
        assert theme.contrast_ratio(th.colors[fg], th.colors[bg]) >= 4.5, (profile, fg, bg)


def test_high_contrast_theme_reaches_7_to_1() -> None:
    th = theme.load_theme("high-contrast", demo_branding("coop-ar"))
    assert len(th.pairs) >= 10
    ratios = {(fg, bg): theme.contrast_ratio(th.colors[fg], th.colors[bg]) for fg, bg in th.pairs}
    assert min(ratios.values()) >= 7.0, ratios
    assert theme.contrast_ratio("#777777", "#FFFFFF") < 7.0  # the computation can fail


def test_three_profiles_look_like_three_utilities(qtbot: Any, tmp_path: Any) -> None:
    from tests_ui_window import window_for

    seen = set()
    for profile in ("coop-ar", "telco-py", "wisp-mx"):
        window = window_for(qtbot, tmp_path, profile)
        header = window.header
        colors = window.ctx.theme_colors
        seen.add((header.name.text(), colors["primary"]))
        image = window.grab().toImage()
        seen_pixel = image.pixelColor(image.width() // 2, 20).name().upper()
        assert seen_pixel == colors["header_bg"].upper()
        window.close()
    assert len(seen) == 3


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_touch_targets_at_least_48px(qtbot: Any, kiosk_window: Any, orientation: str) -> None:
    kiosk_window.set_orientation(orientation)
    kiosk_window.build_all()
    checked = 0
    for name in list(kiosk_window.screens):
        kiosk_window.stack.setCurrentWidget(kiosk_window.screens[name])
        QApplication.processEvents()
        for btn in kiosk_window.findChildren(QPushButton):
            if not btn.isVisibleTo(kiosk_window):
                continue
            assert btn.width() >= 48 and btn.height() >= 48, (orientation, name, btn.objectName(), btn.text(),
                                                              btn.size())
            checked += 1
    assert checked > 100


def test_body_text_is_large() -> None:
    sizes = theme.sizes(False)
    assert sizes["body"] >= 20 and sizes["title"] > sizes["body"]
    assert theme.sizes(True)["body"] > sizes["body"]


def test_printing_screen_retitles_on_language_switch(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    kiosk_window.go("invoice_found", invoice=kiosk_world.invoices[0])
    tap(qtbot, kiosk_window.current().duplicate_btn)
    printing: Any = kiosk_window.current()
    qtbot.waitUntil(lambda: printing.state == "done", timeout=5000)
    assert printing.title.text() == "Duplicado de factura"
    tap(qtbot, kiosk_window.header.language)
    assert printing.title.text() == "Invoice copy"
    assert printing.status.text() == "Take your paper"


def test_dates_in_messages_follow_the_screen_locale(qtbot: Any, kiosk_window: Any) -> None:
    from datetime import date

    screen = kiosk_window.screen_named("error")
    exc = ServiceError("reading_window_closed", next_opens_on=date(2026, 12, 21))
    assert "21 de diciembre de 2026" in screen.message(exc)
    kiosk_window.set_language("en")
    assert "December 21, 2026" in screen.message(exc)


def test_bundled_font_is_the_application_font(qtbot: Any, kiosk_window: Any) -> None:
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from ui.fonts import FONTS_DIR, font_files, register_fonts

    files = font_files()
    assert files and all(f.parent == FONTS_DIR for f in files)  # from resources/, not the system
    assert register_fonts() == "Noto Sans"
    assert "Noto Sans" in QFontDatabase.families()
    label = kiosk_window.screen_named("home").title
    assert QFontInfo(label.font()).family() == "Noto Sans"


def test_high_contrast_reaches_screens_built_before_the_switch(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.build_all()
    tap(qtbot, kiosk_window.header.contrast)
    assert kiosk_window.ctx.high_contrast
    tap(qtbot, kiosk_window.screen_named("home").lookup_tile)
    lookup: Any = kiosk_window.current()
    image = kiosk_window.grab().toImage()
    point = lookup.mapTo(kiosk_window, lookup.rect().center())
    assert image.pixelColor(point.x(), lookup.mapTo(kiosk_window, lookup.title.geometry().bottomLeft()).y() + 4) \
        .name().upper() == "#000000"
    key = lookup.keypad.keys["5"]
    center = key.mapTo(kiosk_window, key.rect().center())
    assert theme.contrast_ratio(image.pixelColor(center.x() + 20, center.y() + 20).name(), "#FFFFFF") >= 7
