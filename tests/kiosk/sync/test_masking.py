"""Masks keep only what a customer needs to recognise their own data."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.masking import first_name_of, mask_email, mask_name, mask_phone, words


def test_examples() -> None:
    assert mask_name("Juan Pérez") == "J*** P****"
    assert mask_name("  María   José  Gómez ") == "M**** J*** G****"
    assert mask_name("") == ""
    assert mask_phone("+54 9 351 555-1234") == "******1234"
    assert mask_phone("123") == "******"
    assert mask_phone("") == ""
    assert mask_email("juan@mail.com") == "j***@mail.com"
    assert mask_email("a.b@c@x.org") == "a***@x.org"
    assert mask_email("notanemail") == "n*********"
    assert mask_email("") == ""
    assert first_name_of("Juan Pérez") == "Juan"


@given(st.text(min_size=1, max_size=40))
def test_name_mask_never_reveals_more_than_initials(name: str) -> None:
    masked = mask_name(name)
    for word, mword in zip(words(name), masked.split(" ") if masked else [], strict=True):  # SQL restates it
        assert mword[0] == word[0] and set(mword[1:]) <= {"*"} and len(mword) == len(word)


@given(st.from_regex(r"\+?[0-9 ()-]{0,25}", fullmatch=True))
def test_phone_mask_keeps_only_last_four_digits(phone: str) -> None:
    masked = mask_phone(phone)
    digits = "".join(c for c in phone if c.isdigit())
    if len(digits) > 4:
        assert masked == "******" + digits[-4:]
    else:
        assert set(masked) <= {"*"}
