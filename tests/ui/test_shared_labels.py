"""Screen and paper use the same names (kiosk.domain.labels), in Spanish and in English.

Real services over a seeded replica and the pdf-folder printer: what the review page says, what the done page
says, what the claims list says and what the printed receipt or slip says about the same item are one text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_logged_in_real_services import _login, kiosk  # noqa: F401  (kiosk is a fixture)
from tests_ui_window import settle
from ui_taps import tap

from kiosk.domain import RequestKind, Service, labels


def _pdf_words(folder: Path) -> str:
    """The text of every PDF printed so far, whitespace collapsed (roll paper wraps long cells)."""
    from pypdf import PdfReader

    files = sorted(folder.rglob("*.pdf"))
    assert files, f"no PDF in {folder}"
    return " ".join(" ".join((page.extract_text() or "").split()) for f in files for page in PdfReader(f).pages)


def _pairs(panel: Any) -> dict[str, str]:
    texts = panel.details.texts()
    return dict(zip(texts[0::2], texts[1::2], strict=True))


@pytest.mark.parametrize("language", ["es", "en"])
def test_e_invoice_names_on_review_done_list_and_paper_agree(qtbot: Any, kiosk: Any, language: str) -> None:  # noqa: F811
    from test_logged_in_claims import type_on_keyboard

    k = kiosk()
    window = k.window
    window.set_language(language)
    try:
        _login(qtbot, window)
        tap(qtbot, window.current().tiles["requests"])
        settle(window)
        screen = window.current()
        kind_name = labels.case_kind(RequestKind.E_INVOICE, language)
        assert screen.kinds.button_for("e_invoice").text().split("\n")[0] == kind_name
        tap(qtbot, screen.kinds.button_for("e_invoice"))
        email_choice = screen.wizard.choices.button_for("email")
        tap(qtbot, email_choice)
        type_on_keyboard(qtbot, screen.wizard.keyboard, "juan@correo.com")
        tap(qtbot, screen.wizard.next_btn)
        assert screen.page() == "review"
        delivery = labels.form_field("delivery", language)
        channel = labels.channel("email", language)
        review = _pairs(screen.review)
        assert review[delivery] == channel == email_choice.text()
        tap(qtbot, screen.review.send)
        qtbot.waitUntil(lambda: screen.page() == "done", timeout=10_000)
        done = _pairs(screen.done)
        assert done[delivery] == review[delivery]
        assert done[labels.form_field("email", language)] == review[labels.form_field("email", language)]
        assert kind_name in done.values()
        qtbot.waitUntil(lambda: screen.done.print_state.level in ("ok", "error"), timeout=10_000)
        assert screen.done.print_state.level == "ok"
        paper = _pdf_words(k.prints)
        assert f"{delivery} {channel}" in paper and kind_name in paper

        window.go("claims")
        settle(window)
        claims = window.current()
        row = next(r for r in claims.cases_table.all_text() if r[1] == screen.done.number.text())
        assert row[0] == kind_name
        assert row[3] == labels.case_state("queued", language)
    finally:
        window.set_language("es")


@pytest.mark.parametrize("language", ["es", "en"])
def test_service_name_on_screens_is_the_one_on_the_duplicate(qtbot: Any, kiosk: Any, language: str) -> None:  # noqa: F811
    k = kiosk()
    window = k.window
    window.set_language(language)
    try:
        _login(qtbot, window)
        tap(qtbot, window.current().tiles["invoices"])
        settle(window)
        row = next(r for r in window.current().list.rows() if r.invoice.service is Service.ELECTRICITY)
        name = labels.SERVICES[Service.ELECTRICITY].text(language)
        assert row.title.text().endswith(f" · {name}")
        tap(qtbot, row.detail)
        qtbot.waitUntil(lambda: window.current_name() == "invoice_detail", timeout=10_000)
        settle(window)
        detail = window.current()
        assert detail.title.text().endswith(f" · {name}")
        tap(qtbot, detail.duplicate)
        qtbot.waitUntil(lambda: any(k.prints.rglob("*.pdf")), timeout=10_000)
        assert name in _pdf_words(k.prints)
    finally:
        window.set_language("es")
