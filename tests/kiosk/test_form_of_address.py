"""One form of address per utility: what its profile declares is how every text it shows or prints speaks.

The texts checked are all a customer of the profile can read in Spanish: the screens (every tr() source in the
.ts catalogue, messages included), the printed documents (printing.i18n), the shared names (kiosk.domain.labels),
and the profile's own words (payment instructions, FAQ, claim categories, plans).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.branding import SCREEN_FORMS, available_profiles, load_branding
from kiosk.central.seed_content import CLAIM_CATEGORIES, FAQ
from kiosk.central.seed_profiles import PROFILES
from kiosk.domain import labels
from kiosk.domain.address import FormOfAddress, foreign_forms
from kiosk.services.forms import FORMS
from printing.i18n import _TEXTS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ventanilla_en.ts"


def screen_texts() -> dict[str, str]:
    """The tr() sources and the request forms' questions (declared in kiosk.services.forms, shown on screen)."""
    root = ET.parse(TS).getroot()
    texts = {
        f"screen {ctx.findtext('name')}: {m.findtext('source')}": m.findtext("source") or ""
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }
    for kind, form in FORMS.items():
        texts[f"form {kind}"] = form.summary.es
        for f in form.fields:
            texts[f"form {kind} {f.name}"] = f.question.es + (" " + f.hint.es if f.hint is not None else "")
    return texts


def printed_texts() -> dict[str, str]:
    texts = {f"printing.i18n {key}": es for key, (es, _en) in _TEXTS.items()}
    for name in ("SERVICES", "CASE_KINDS", "CASE_STATES", "CHANNELS", "CONSENT", "CONTACT_TIMES", "FORM_FIELDS"):
        for key, label in getattr(labels, name).items():
            texts[f"labels.{name} {key}"] = label.es
    return texts


def profile_texts(key: str) -> dict[str, str]:
    branding = load_branding(key)
    seed = PROFILES[key]
    texts = {"payment instructions": branding.payment_instructions_es, "name": branding.name}
    for i, item in enumerate(FAQ[key]):
        texts[f"FAQ {i} question"] = item.question_es
        texts[f"FAQ {i} answer"] = item.answer_es
    for code, service, label_es, _en in CLAIM_CATEGORIES:
        if service in branding.services:
            texts[f"claim category {code}"] = label_es
    for plan in seed.plans:
        texts[f"plan {plan.id}"] = f"{plan.name}. {plan.description}"
    return texts


def test_the_screens_are_written_in_usted() -> None:
    """The tr() sources are the screens' one Spanish text; SCREEN_FORMS says which form that is."""
    assert SCREEN_FORMS == (FormOfAddress.USTED,)
    offenders = {where: found for where, text in screen_texts().items() if (found := foreign_forms(text, "usted"))}
    assert not offenders, offenders


@pytest.mark.parametrize("key", available_profiles())
def test_every_text_of_a_profile_speaks_its_declared_form(key: str) -> None:
    form = load_branding(key).form_of_address
    assert form in SCREEN_FORMS
    texts = {**screen_texts(), **printed_texts(), **profile_texts(key)}
    offenders = {where: found for where, text in texts.items() if (found := foreign_forms(text, form))}
    assert not offenders, offenders


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the printed "Cómo pagar" of the Argentine and Paraguayan profiles before
        ("Pagá hasta el primer vencimiento. Con la app de tu banco: escaneá el código QR.", ["Pagá", "tu", "escaneá"]),
        # the Mexican prepaid instructions before
        ("Recarga tu plan antes de que se terminen tus días. Escanea el código QR.", ["tu", "tus"]),
        ("Si ya tenés uno, podés verlo. Te llevás un comprobante.", ["tenés", "podés", "Te", "llevás"]),
        ("Si tienes dudas, puedes llamar y podrás pagar.", ["tienes", "puedes", "podrás"]),
        ("Guárdala: la informaste vos. Comunícate con nosotros.", ["Guárdala", "informaste", "vos", "Comunícate"]),
    ],
)
def test_forms_of_vos_and_tu_are_found_in_an_usted_text(text: str, found: list[str]) -> None:
    assert foreign_forms(text, FormOfAddress.USTED) == found


def test_usted_wording_and_shared_words_pass() -> None:
    usted = (
        "Toque «Consultar factura», escriba su número de cuenta y elija recibir el código. Pague en Pago Fácil "
        "antes del vencimiento; después se cobra un recargo y puede recibir aviso de corte. No recibí el código: "
        "la factura está vencida y se podrá pagar en la oficina. Comuníquese con usted mismo. Las recargas, "
        "facturas, cuentas y consultas se pagan en cajas."
    )
    assert foreign_forms(usted, FormOfAddress.USTED) == []
    assert foreign_forms(usted, FormOfAddress.VOS) == ["Toque", "escriba", "elija", "Pague", "usted"]
    assert foreign_forms("Tocá «Ingresar» y escribí tu PIN.", FormOfAddress.VOS) == []
    assert foreign_forms("Toca «Ingresar», tienes tu PIN.", FormOfAddress.VOS) == ["tienes"]


def test_utilities_use_their_own_words() -> None:
    """telco-py and wisp-mx do not speak of an Argentine cooperative's supplies and two due dates."""
    def faq_text(key: str) -> str:
        return " ".join(f"{i.question_es} {i.answer_es}" for i in FAQ[key]).lower()

    foreign = {
        "coop-ar": ("oxxo", "bancard", "cédula", "contrato", "días de crédito"),
        "telco-py": ("suministro", "primer vencimiento", "segundo vencimiento", "medidor", "dni", "pago fácil"),
        "wisp-mx": ("suministro", "vencimiento", "medidor", "dni", "cédula", "pago fácil", "bocas de cobranza"),
    }
    own = {
        "coop-ar": ("suministro", "primer vencimiento", "dni", "pago fácil"),
        "telco-py": ("línea", "cédula", "bocas de cobranza", "bancard"),
        "wisp-mx": ("contrato", "días de crédito", "oxxo", "fecha límite de pago", "ine"),
    }
    def says(text: str, words: str) -> bool:
        return re.search(rf"\b{re.escape(words)}\b", text) is not None

    for key in available_profiles():
        text = faq_text(key)
        assert [w for w in foreign[key] if says(text, w)] == [], key
        assert [w for w in own[key] if not says(text, w)] == [], key


@pytest.mark.parametrize("key", available_profiles())
def test_faq_examples_are_the_utilitys_own(key: str) -> None:
    branding = load_branding(key)
    text = " ".join(f"{i.answer_es} {i.answer_en}" for i in FAQ[key])
    for number in re.findall(r"\b\d{4}-\d{8}\b", text):
        assert number.startswith(branding.invoice_prefix + "-"), number
    for phone in re.findall(r"\b\d{2} \d{4} \d{4}\b", text):
        assert phone == branding.phone
