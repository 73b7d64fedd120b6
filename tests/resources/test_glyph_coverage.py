"""Every character a customer can read, on the screen or on paper, is in a font the kiosk ships.

A kiosk image has no fonts of its own and ReportLab has no font fallback at all, so a character outside the
bundled fonts' character maps (read here with fontTools) is an empty box or a hole in a printed slip. The strings
are gathered from where they live, not listed: the Qt catalogues (Spanish sources and English translations),
string literals of ui/, printing/ and kiosk/ (labels, printed texts, FAQ, messages; docstrings aside), the
branding profiles and their logos' text, what kiosk.formatting makes of dates and money in every profile's
locale, the demo's name and street pools, and the PIN field's mask character from the style sheet.
"""

from __future__ import annotations

import ast
import re
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

import printing.fonts
import resources
import ui.fonts

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = Path(resources.__file__).resolve().parent
Source = Callable[[], Iterable[tuple[str, str]]]  # yields (where, text)


# -- what the bundled fonts cover ----------------------------------------------------------------------------
def _cmap(path: Path) -> frozenset[int]:
    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _family(path: Path) -> str:
    with TTFont(str(path), lazy=True) as font:
        name = font["name"]
        return str(name.getDebugName(16) or name.getDebugName(1))


@cache
def screen_coverage() -> frozenset[int]:
    """Qt falls back among the registered (bundled) families; within one, every face must have the glyph."""
    by_family: dict[str, frozenset[int]] = {}
    for path in ui.fonts.font_files():
        cmap = _cmap(path)
        family = _family(path)
        by_family[family] = by_family[family] & cmap if family in by_family else cmap
    return frozenset().union(*by_family.values())


@cache
def paper_coverage() -> frozenset[int]:
    """ReportLab draws each text in one face with no fallback: every registered face must have the glyph."""
    cmaps = [_cmap(path) for path in printing.fonts.FONT_FILES.values()]
    return frozenset.intersection(*cmaps)


def missing(strings: Iterable[tuple[str, str]], coverage: frozenset[int]) -> list[str]:
    """One line per character outside `coverage`: code point, name, and the first place it appears."""
    seen: dict[str, str] = {}
    for where, text in strings:
        for ch in text:
            if ch not in seen and ord(ch) not in coverage and unicodedata.category(ch) != "Cc":
                seen[ch] = f"U+{ord(ch):04X} {ch!r} {unicodedata.name(ch, '?')}: {where}: {text[:80]!r}"
    return sorted(seen.values())


# -- where user-visible strings live -------------------------------------------------------------------------
def catalogue_strings() -> Iterator[tuple[str, str]]:
    """Sources and translations of every Qt catalogue (the screens' words in every language)."""
    files = sorted((RESOURCES / "translations").glob("*.ts"))
    assert files, "no .ts catalogue found"
    for path in files:
        for element in ET.parse(path).getroot().iter():
            if element.tag in ("source", "translation", "numerusform") and element.text:
                yield f"{path.name} <{element.tag}>", element.text


def _literals(package: str) -> Iterator[tuple[str, str]]:
    """String constants of a package's modules, f-string parts included, docstrings and bare strings left out."""
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"no modules in {package}"
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bare = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def ui_literals() -> Iterator[tuple[str, str]]:
    yield from _literals("ui")


def printing_literals() -> Iterator[tuple[str, str]]:
    yield from _literals("printing")


def kiosk_literals() -> Iterator[tuple[str, str]]:
    """Labels, FAQ (kiosk/central/seed_content.py), messages, currency symbols: shown and printed."""
    yield from _literals("kiosk")


def _toml_strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _toml_strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _toml_strings(item, f"{where}[{i}]")


def branding_strings() -> Iterator[tuple[str, str]]:
    """Every string of every branding profile, and the text inside their logos."""
    profiles = sorted((RESOURCES / "branding").glob("*.toml"))
    assert profiles, "no branding profile found"
    for path in profiles:
        yield from _toml_strings(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    for path in sorted((RESOURCES / "branding").glob("*.svg")):
        for element in ET.parse(path).getroot().iter():
            if element.tag.endswith("}text") or element.tag.endswith("}tspan"):
                yield path.name, "".join(element.itertext())


def _profiles() -> list[str]:
    from kiosk.branding import available_profiles

    return available_profiles()


def formatted_strings() -> Iterator[tuple[str, str]]:
    """Dates, periods, months, times, money and consumption as kiosk.formatting writes them per locale."""
    from kiosk import formatting
    from kiosk.branding import load_branding
    from kiosk.domain import Money
    from kiosk.domain.reading import Service

    brandings = [load_branding(key) for key in _profiles()]
    locales = sorted({b.locale for b in brandings} | {"en_US"})
    currencies = sorted({b.currency for b in brandings} | set(formatting._SYMBOLS))
    units = [unit for unit in (s.unit for s in Service) if unit]
    for locale in locales:
        for month in range(1, 13):
            day = date(2026, month, 28 - month)
            for style in ("short", "medium", "long", "full"):
                yield f"{locale} date {style}", formatting.format_date(day, locale, style)
            yield f"{locale} numeric date", formatting.format_date_numeric(day, locale)
            period = f"2026-{month:02d}"
            yield f"{locale} period", formatting.format_period(period, locale)
            yield f"{locale} short period", formatting.format_period(period, locale, short=True)
            yield f"{locale} chart month", formatting.format_month_short(period, locale)
            for hour in (9, 21):
                when = datetime(2026, month, 28 - month, hour, 45)
                yield f"{locale} date and time", formatting.format_datetime(when, locale, "UTC")
        for currency in currencies:
            for amount in (Decimal("1234567.89"), Decimal("-0.5")):
                yield f"{locale} {currency}", formatting.format_money(Money(amount, currency), locale)
        for unit in units:
            yield f"{locale} {unit}", formatting.format_consumption(Decimal("1234.5"), unit, locale)
        yield f"{locale} number", formatting.format_number(Decimal("-1234567.891"), locale, 2)


def demo_name_pools() -> Iterator[tuple[str, str]]:
    """Names and streets the demo data is made of (Faker pools, seeded as `demo` seeds them)."""
    from kiosk.central.seed_gen import make_plan
    from kiosk.demo import DEMO_SEED

    for key in _profiles():
        plan = make_plan(key, 1, DEMO_SEED, date(2026, 11, 1))
        for pool in ("first_names", "last_names", "streets"):
            for text in getattr(plan, pool):
                yield f"{key} {pool}", text


def style_sheet_characters() -> Iterator[tuple[str, str]]:
    """Characters the style sheet makes Qt draw (the PIN field's mask)."""
    qss = (RESOURCES / "themes" / "kiosk.qss").read_text(encoding="utf-8")
    for code in re.findall(r"lineedit-password-character:\s*(\d+)", qss):
        yield "kiosk.qss lineedit-password-character", chr(int(code))


SOURCES: dict[str, tuple[Source, str]] = {  # name -> (strings, where they are read: screen / paper / both)
    "catalogues": (catalogue_strings, "screen"),
    "ui literals": (ui_literals, "screen"),
    "style sheet": (style_sheet_characters, "screen"),
    "printing literals": (printing_literals, "paper"),
    "kiosk literals": (kiosk_literals, "both"),
    "branding": (branding_strings, "both"),
    "formatting": (formatted_strings, "both"),
    "demo names": (demo_name_pools, "both"),
}


def _coverages(reader: str) -> list[tuple[str, frozenset[int]]]:
    out = []
    if reader in ("screen", "both"):
        out.append(("the screen's bundled fonts", screen_coverage()))
    if reader in ("paper", "both"):
        out.append(("the printed documents' fonts", paper_coverage()))
    return out


# -- tests ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_character_is_in_a_bundled_font(name: str) -> None:
    source, reader = SOURCES[name]
    strings = list(source())
    assert strings, f"{name}: nothing gathered"
    for label, coverage in _coverages(reader):
        gaps = missing(strings, coverage)
        assert not gaps, f"{name}: characters not in {label}:\n" + "\n".join(gaps)


def test_the_check_finds_a_symbol_outside_the_fonts() -> None:
    """The same check, fed the claims button's old "＋" and the old footer "⌂", names both."""
    strings = [("claims_screen.py", "＋  Hacer un reclamo nuevo"), ("main_window.py", "⌂  Inicio"),
               ("fine", "Año ₲ 1.234 · “Señor” — ü")]
    gaps = missing(strings, screen_coverage()) + missing(strings, paper_coverage())
    assert sorted({line.split()[0] for line in gaps}) == ["U+2302", "U+FF0B"]


def test_only_bundled_font_files_are_registered() -> None:
    fonts_dir = RESOURCES / "fonts"
    files = [*ui.fonts.font_files(), *printing.fonts.FONT_FILES.values()]
    assert files
    assert all(path.resolve().parent == fonts_dir and path.is_file() for path in files), files
    assert (fonts_dir / "OFL.txt").is_file()  # the licence ships with the fonts
