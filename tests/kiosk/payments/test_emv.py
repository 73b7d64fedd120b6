"""EMV merchant-presented QR: builder and parser agree, published payloads validate, corruption is caught."""

from __future__ import annotations

import binascii
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.payments.emv import (
    EmvError,
    EmvPayment,
    MerchantAccount,
    build_payload,
    crc16_ccitt_false,
    format_amount,
    parse_payload,
    tlv,
)

# Manual de Padrões para Iniciação do Pix (Banco Central do Brasil), static QR example.
BCB_PIX_STATIC = (
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
    "5913Fulano de Tal6008BRASILIA62070503***63041D3D"
)
# EMVCo QR Code Specification for Payment Systems, merchant-presented mode: the sample payload. Its
# template 64 counts the Chinese characters as characters, not bytes.
EMVCO_SAMPLE = (
    "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
    "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京"
    "540523.7253031565502016233030412340603***0708A60086670902ME91320016A011223344998877"
    "0708123456786304A13A"
)


def independent_crc(text: str) -> str:
    """binascii.crc_hqx seeded with 0xFFFF is CRC-16/CCITT-FALSE: an implementation that is not ours."""
    return f"{binascii.crc_hqx(text.encode('utf-8'), 0xFFFF):04X}"


def with_crc(body: str) -> str:
    return body + "6304" + independent_crc(body + "6304")


def payment(**changes: object) -> EmvPayment:
    base: dict[str, object] = {
        "merchant_accounts": (MerchantAccount(26, "com.example.pay", {"01": "30-71234567-9"}),),
        "merchant_category_code": "4900",
        "currency": "032",
        "country": "AR",
        "merchant_name": "Cooperativa Ñandú",
        "merchant_city": "Córdoba",
        "amount": Decimal("15230.50"),
        "bill_number": "0021-00049107",
        "reference_label": "000123450000491079",
    }
    base.update(changes)
    return EmvPayment(**base)  # type: ignore[arg-type]


def test_crc_check_value_and_against_binascii() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # the catalogued check value of CRC-16/CCITT-FALSE
    for sample in (b"", b"6304", "Ñandú".encode(), bytes(range(256))):
        assert crc16_ccitt_false(sample) == binascii.crc_hqx(sample, 0xFFFF)


def test_published_bcb_pix_example_validates() -> None:
    assert independent_crc(BCB_PIX_STATIC[:-4]) == "1D3D"
    parsed = parse_payload(BCB_PIX_STATIC)
    assert parsed.crc == "1D3D"
    assert parsed.merchant_accounts == (
        MerchantAccount(26, "br.gov.bcb.pix", {"01": "123e4567-e12b-12d1-a456-426655440000"}),
    )
    assert (parsed.currency, parsed.currency_alpha, parsed.country) == ("986", "BRL", "BR")
    assert (parsed.merchant_name, parsed.merchant_city) == ("Fulano de Tal", "BRASILIA")
    assert parsed.amount is None and parsed.point_of_initiation is None
    assert parsed.reference_label == "***"


def test_published_emvco_sample_validates_counting_characters() -> None:
    assert independent_crc(EMVCO_SAMPLE[:-4]) == "A13A"
    parsed = parse_payload(EMVCO_SAMPLE, unit="chars")
    assert parsed.is_dynamic
    assert parsed.amount == Decimal("23.72") and parsed.currency == "156"
    assert [(a.id, a.guid) for a in parsed.merchant_accounts] == [(29, "D15600000000"), (31, "D15600000001")]
    assert parsed.merchant_accounts[0].fields == {"05": "A93FO3230Q"}
    assert parsed.additional_data == {"03": "1234", "06": "***", "07": "A6008667", "09": "ME"}
    assert parsed.terminal_label == "A6008667"
    # Counted in bytes, the template 64 length (20) ends inside a Chinese character.
    with pytest.raises(EmvError, match="ID 64"):
        parse_payload(EMVCO_SAMPLE)


def test_builder_output_is_exactly_what_the_fields_say() -> None:
    payload = build_payload(payment())
    assert payload.startswith("000201" + "010212")
    assert "26" + "36" + "0015com.example.pay" + "011330-71234567-9" in payload
    assert "5204490053030325408" + "15230.50" in payload
    assert "5919Cooperativa Ñandú" in payload  # 17 characters, 19 bytes
    assert "6008Córdoba" in payload  # 7 characters, 8 bytes
    assert "6239" + "0113" + "0021-00049107" + "0518" + "000123450000491079" in payload
    assert payload[-8:-4] == "6304" and payload[-4:] == independent_crc(payload[:-4])


def test_static_code_has_no_amount_and_point_of_initiation_11() -> None:
    parsed = parse_payload(build_payload(payment(amount=None)))
    assert parsed.point_of_initiation == "11" and not parsed.is_dynamic and parsed.amount is None
    assert "54" not in dict(parsed.objects)


@pytest.mark.parametrize(
    ("currency", "amount", "text"),
    [("032", "1234567.8", "1234567.80"), ("600", "150000", "150000"), ("484", "0.05", "0.05")],
)
def test_amount_follows_the_currency_minor_units(currency: str, amount: str, text: str) -> None:
    assert format_amount(Decimal(amount), currency) == text
    parsed = parse_payload(build_payload(payment(currency=currency, amount=Decimal(amount))))
    assert parsed.amount == Decimal(amount) and dict(parsed.objects)["54"] == text


@pytest.mark.parametrize(
    ("currency", "amount", "reason"),
    [("600", "1500.5", "more decimals"), ("032", "0", "positive"), ("032", "12345678901.25", "13 characters")],
)
def test_amounts_that_cannot_be_encoded(currency: str, amount: str, reason: str) -> None:
    with pytest.raises(EmvError, match=reason):
        build_payload(payment(currency=currency, amount=Decimal(amount)))


def test_builder_rejects_fields_too_long_counting_bytes() -> None:
    with pytest.raises(EmvError, match=r"merchant name \(ID 59\) is 26 bytes long, the limit is 25"):
        build_payload(payment(merchant_name="Cooperativa Eléctrica Sur"))  # 25 characters, 26 bytes
    with pytest.raises(EmvError, match="merchant city"):
        build_payload(payment(merchant_city="San Carlos de Bariloche"))
    with pytest.raises(EmvError, match="bill number"):
        build_payload(payment(bill_number="X" * 26))
    with pytest.raises(EmvError, match="26-51"):
        build_payload(payment(merchant_accounts=(MerchantAccount(52, "x"),)))
    with pytest.raises(EmvError, match="at least one merchant account"):
        build_payload(payment(merchant_accounts=()))
    with pytest.raises(EmvError, match="sub-field ID"):
        build_payload(payment(merchant_accounts=(MerchantAccount(27, "x", {"00": "y"}),)))


GOOD_BODY = (
    "000201010212" + tlv("26", tlv("00", "com.example.pay") + tlv("01", "123")) + "520449005303032"
    "54041.005802AR5907EMPRESA6007CORDOBA"
)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (GOOD_BODY + "63040000", "bad CRC"),
        (with_crc(GOOD_BODY).lower()[:-4] + with_crc(GOOD_BODY)[-4:].lower(), "uppercase"),
        (with_crc(GOOD_BODY.replace("5907EMPRESA", "5908EMPRESA")), "length"),
        (with_crc(GOOD_BODY.replace("5907EMPRESA", "59X7EMPRESA")), "length of ID 59 is not numeric"),
        (with_crc(GOOD_BODY + "6299"), "declares length 99"),
        (with_crc(GOOD_BODY.replace("5303032", "")), r"missing mandatory transaction currency \(ID 53\)"),
        (with_crc(GOOD_BODY.replace("5907EMPRESA", "")), r"missing mandatory merchant name \(ID 59\)"),
        (with_crc(GOOD_BODY.replace("000201", "")), "payload format indicator .ID 00. must come first"),
        (with_crc(GOOD_BODY.replace("000201", "000202")), "must be 01"),
        (with_crc(GOOD_BODY.replace("010212", "010213")), "must be 11 or 12"),
        (GOOD_BODY + "6304ABCD" + "5802AR", "must come last"),
        (with_crc(GOOD_BODY.replace("5303032", "5303ARS")), "3 digits"),
        (with_crc(GOOD_BODY.replace("54041.00", "54041,00")), "decimal mark"),
        (with_crc(GOOD_BODY.replace("5907EMPRESA", "5926" + "E" * 26)), r"merchant name \(ID 59\) is 26"),
        (with_crc(GOOD_BODY.replace(tlv("26", tlv("00", "com.example.pay") + tlv("01", "123")), "")),
         "merchant account"),
        (with_crc(GOOD_BODY.replace(tlv("00", "com.example.pay"), tlv("02", "com.example.pay"))), "sub-field 00"),
        (with_crc(GOOD_BODY + "5802AR"), "ID 58 appears twice"),
        ("", "empty"),
        ("000", "truncated"),
        ("0002", "declares length 2, only 0 left"),
    ],
)
def test_parser_rejects_with_a_clear_reason(payload: str, reason: str) -> None:
    with pytest.raises(EmvError, match=reason):
        parse_payload(payload)


def test_good_body_is_valid_so_the_rejections_above_mean_something() -> None:
    assert parse_payload(with_crc(GOOD_BODY)).amount == Decimal("1.00")


# ----------------------------------------------------------------------------------------- properties

# Text a utility puts in names and references: letters with accents, ñ, digits, punctuation, spaces.
_LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x17F, categories=("L", "M", "N", "P", "S", "Zs"))


def _fits(limit: int) -> st.SearchStrategy[str]:
    return st.text(_LATIN, min_size=1, max_size=limit).filter(lambda s: len(s.encode()) <= limit)


_sub_ids = st.integers(1, 99).map(lambda n: f"{n:02d}")


@st.composite
def payments(draw: st.DrawFn) -> EmvPayment:
    ids = draw(st.lists(st.integers(26, 51), min_size=1, max_size=3, unique=True))
    accounts = tuple(
        MerchantAccount(
            i,
            draw(_fits(20)),
            draw(st.dictionaries(_sub_ids, st.text(_LATIN, min_size=1, max_size=8), max_size=3)),
        )
        for i in ids
    )
    currency = draw(st.sampled_from(["032", "600", "484", "986", "840"]))
    digits = 0 if currency == "600" else 2
    amount = draw(
        st.none()
        | st.decimals(min_value=Decimal(1).scaleb(-digits), max_value=Decimal("99999999.99"), places=digits)
    )
    return EmvPayment(
        merchant_accounts=accounts,
        merchant_category_code=draw(st.from_regex(r"\A[0-9]{4}\Z")),
        currency=currency,
        country=draw(st.from_regex(r"\A[A-Z]{2}\Z")),
        merchant_name=draw(_fits(25)),
        merchant_city=draw(_fits(15)),
        amount=amount,
        bill_number=draw(st.none() | _fits(25)),
        reference_label=draw(st.none() | _fits(25)),
    )


@settings(max_examples=300, deadline=None)
@given(payments())
def test_build_parse_round_trip(p: EmvPayment) -> None:
    payload = build_payload(p)
    parsed = parse_payload(payload)
    assert parsed.merchant_accounts == tuple(p.merchant_accounts)
    assert parsed.amount == p.amount
    assert parsed.is_dynamic == (p.amount is not None)
    assert (parsed.merchant_category_code, parsed.currency, parsed.country) == (
        p.merchant_category_code, p.currency, p.country,
    )
    assert (parsed.merchant_name, parsed.merchant_city) == (p.merchant_name, p.merchant_city)
    assert parsed.bill_number == (p.bill_number or None)
    assert parsed.reference_label == (p.reference_label or None)
    assert parsed.crc == independent_crc(payload[:-4])


def test_round_trip_with_the_cooperative_name() -> None:
    parsed = parse_payload(build_payload(payment(merchant_name="Cooperativa Ñandú")))
    assert parsed.merchant_name == "Cooperativa Ñandú"


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payments(), st.data())
def test_any_single_character_corruption_is_detected(p: EmvPayment, data: st.DataObject) -> None:
    payload = build_payload(p)
    index = data.draw(st.integers(0, len(payload) - 1))
    replacement = data.draw(st.characters(min_codepoint=0x20, max_codepoint=0x17F))
    assume(replacement != payload[index])
    corrupted = payload[:index] + replacement + payload[index + 1 :]
    with pytest.raises(EmvError):
        parse_payload(corrupted)
