"""Every document text exists in Spanish and English, with the same placeholders."""

from __future__ import annotations

import string

from printing.i18n import _TEXTS, entry_kind, keys, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_filled_with_same_placeholders() -> None:
    assert keys() == frozenset(_TEXTS)
    for key, (es, en) in _TEXTS.items():
        assert es.strip() and en.strip(), key
        assert _fields(es) == _fields(en), key


def test_lookup_and_fallbacks() -> None:
    assert t("page_x_of_y", "es", page=2, pages=5) == "Página 2 de 5"
    assert t("page_x_of_y", "en", page=2, pages=5) == "Page 2 of 5"
    assert t("duplicate", "pt") == "DUPLICADO"  # anything but English prints in Spanish
    assert entry_kind("payment", "en") == "Payment" and entry_kind("refund", "es") == "refund"
