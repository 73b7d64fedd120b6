"""Signed payment links: filled from the template, signed with HMAC-SHA256, any tampering detected."""

from __future__ import annotations

import hashlib
import hmac
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.money import Money
from kiosk.payments.link import PaymentLinkError, build_link, link_query, split_signature, verify_link

KEY = "k3y-shared-with-the-payment-page"
TEMPLATE = "https://pagos.coop.example/p?ref={reference}&amount={amount}&cur={currency}&inv={invoices}"


def test_link_is_filled_and_signed_over_everything_before_sig() -> None:
    url = build_link(
        TEMPLATE, KEY, reference="000123450000491079", amount=Money(Decimal("15230.5"), "ARS"),
        invoices=("0021-00049107", "0021-00049108"),
    )
    head, _, signature = url.partition("sig=")
    assert head == (
        "https://pagos.coop.example/p?ref=000123450000491079&amount=15230.50&cur=ARS"
        "&inv=0021-00049107,0021-00049108&"
    )
    # Recomputed with the standard library, not with our sign().
    assert signature == hmac.new(KEY.encode(), head.encode(), hashlib.sha256).hexdigest()
    assert verify_link(url, KEY)
    query = parse_qs(urlsplit(url).query)
    assert query["amount"] == ["15230.50"] and query["inv"] == ["0021-00049107,0021-00049108"]


def test_pyg_amount_has_no_decimals_and_open_amount_is_empty() -> None:
    url = build_link(TEMPLATE, KEY, reference="R1", amount=Money(Decimal("150000"), "PYG"))
    assert link_query(url)["amount"] == "150000"
    url = build_link(TEMPLATE, KEY, reference="R1", amount=None)
    assert link_query(url)["amount"] == "" and verify_link(url, KEY)


def test_template_without_query_gets_question_mark() -> None:
    url = build_link("https://pay.example/r/{reference}", KEY, reference="a b/c", amount=None)
    assert url.startswith("https://pay.example/r/a%20b%2Fc?sig=")
    assert split_signature(url) is not None and verify_link(url, KEY)


def test_refuses_without_key_and_with_unknown_fields() -> None:
    with pytest.raises(PaymentLinkError, match="KIOSK_PAYMENT_HMAC_KEY"):
        build_link(TEMPLATE, "", reference="R", amount=None)
    with pytest.raises(PaymentLinkError, match=r"unknown field \{customer\}"):
        build_link("https://p.example/?c={customer}", KEY, reference="R", amount=None)
    with pytest.raises(PaymentLinkError, match="malformed"):
        build_link("https://p.example/?c={reference", KEY, reference="R", amount=None)
    with pytest.raises(PaymentLinkError, match="https://"):
        build_link("javascript:alert({reference})", KEY, reference="R", amount=None)


def test_wrong_key_and_missing_signature_fail() -> None:
    url = build_link(TEMPLATE, KEY, reference="R", amount=Money(Decimal(10), "ARS"))
    assert not verify_link(url, KEY + "x")
    assert not verify_link(url.partition("&sig=")[0], KEY)


@settings(deadline=None)
@given(
    st.text(min_size=1, max_size=30),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999"), places=2),
    st.data(),
)
def test_any_single_character_change_breaks_the_signature(reference: str, amount: Decimal, data: st.DataObject) -> None:
    url = build_link(TEMPLATE, KEY, reference=reference, amount=Money(amount, "ARS"))
    assert verify_link(url, KEY)
    index = data.draw(st.integers(0, len(url) - 1))
    replacement = data.draw(st.characters(min_codepoint=0x21, max_codepoint=0x7E))
    if replacement == url[index]:
        return
    assert not verify_link(url[:index] + replacement + url[index + 1 :], KEY)
