"""One catalogue of names (kiosk.domain.labels): complete, unambiguous, and the only spelling in the product."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.domain import RequestKind, Service, labels
from printing import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ventanilla_en.ts"
# The tables whose names a screen or a document must never spell on its own.
SHARED = {
    "SERVICES": labels.SERVICES,
    "CASE_KINDS": labels.CASE_KINDS,
    "CASE_STATES": labels.CASE_STATES,
    "CHANNELS": labels.CHANNELS,
    "CONSENT": labels.CONSENT,
    "CONTACT_TIMES": labels.CONTACT_TIMES,
}


def test_every_item_has_a_name_in_both_languages() -> None:
    assert set(labels.SERVICES) == set(Service)
    assert set(labels.CASE_KINDS) == {labels.CLAIM, *RequestKind}
    assert set(labels.CASE_STATES) == set(labels.CaseState)
    for name, table in {**SHARED, "FORM_FIELDS": labels.FORM_FIELDS}.items():
        for key, label in table.items():
            assert label.es.strip() and label.en.strip(), (name, key)
            assert label.text("es") == label.es and label.text("en") == label.en


@pytest.mark.parametrize("name", sorted(SHARED))
@pytest.mark.parametrize("language", ["es", "en"])
def test_no_two_items_of_a_table_share_a_name(name: str, language: str) -> None:
    texts = [label.text(language) for label in SHARED[name].values()]
    assert len(texts) == len(set(texts)), texts


def test_documents_read_the_catalogue() -> None:
    for language in ("es", "en"):
        for service, label in labels.SERVICES.items():
            assert i18n.service_name(service, language) == label.text(language)
        for kind in RequestKind:
            assert i18n.request_kind(kind, language) == labels.CASE_KINDS[kind].text(language)
        for code, label in labels.CONTACT_TIMES.items():
            assert i18n.contact_time(code, language) == label.text(language)
    assert i18n.contact_time("después de las 19", "es") == "después de las 19"  # typed text stays as typed


def test_unknown_codes_read_as_they_come() -> None:
    assert labels.service("gas", "es") == "gas"
    assert labels.case_kind("meter_change", "en") == "meter_change"
    assert labels.case_state("archived", "es") == "archived"
    assert labels.choice("free text", "en") == "free text"
    assert labels.choice("water", "en") == labels.SERVICES[Service.WATER].en


def test_screens_keep_no_copy_of_a_catalogue_name() -> None:
    """A catalogue name as a tr() source would be a second spelling that can drift (the .ts lists them all)."""
    sources = {m.findtext("source") for m in ET.parse(TS).getroot().iter("message")}
    copies = sorted(
        f"{name}: {label.es}" for name, table in SHARED.items() for label in table.values() if label.es in sources
    )
    assert not copies, copies


def test_no_stale_spelling_left_in_the_code() -> None:
    """The spellings that used to differ between screen and paper are gone from every shipped source."""
    stale = ("Electricidad", "Telephony", "Por e-mail", "Por SMS a mi celular", "En papel, en mi domicilio")
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for folder in ("kiosk", "ui", "printing")
        for path in (ROOT / folder).rglob("*.py")
        for word in stale
        if word in path.read_text(encoding="utf-8")
    ]
    assert not found, found
