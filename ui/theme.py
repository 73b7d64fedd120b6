"""Themes: one QSS template (resources/themes/kiosk.qss) filled from a colour table per theme.

The default theme takes the utility's colours from its branding profile, so three profiles look like three
different utilities; the high-contrast theme is black, white and yellow whatever the branding. Text sizes are
scaled here (never in screens) so that the "larger text" switch enlarges everything at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from string import Template

import resources
from kiosk.domain import Branding

THEMES_DIR = Path(resources.__file__).resolve().parent / "themes"
THEME_NAMES = ("default", "high-contrast")

# Pixel sizes at scale 1.0; "larger text" multiplies them by LARGE_SCALE.
BASE_SIZES = {"body": 22, "small": 20, "subtitle": 28, "tile": 34, "title": 40, "big": 56, "key": 32}
LARGE_SCALE = 1.3


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    colors: dict[str, str]
    pairs: tuple[tuple[str, str], ...]  # (fg key, bg key) pairs the theme uses for text


def _hex(value: str) -> tuple[float, float, float]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour "#RRGGBB"."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG contrast ratio between two colours, 1.0 .. 21.0."""
    a, b = relative_luminance(fg), relative_luminance(bg)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def _darken(color: str, factor: float) -> str:
    r, g, b = (round(c * 255 * factor) for c in _hex(color))
    return f"#{r:02X}{g:02X}{b:02X}"


def readable_on_white(color: str, minimum: float = 4.5) -> str:
    """The branding colour, darkened just enough that white text on it stays readable (WCAG AA)."""
    out = color.upper()
    while contrast_ratio("#FFFFFF", out) < minimum:
        out = _darken(out, 0.92)
    return out


def load_theme(name: str, branding: Branding | None = None) -> Theme:
    """Read a theme's colour table; ${primary}/${accent} are filled from the branding profile."""
    if name not in THEME_NAMES:
        raise ValueError(f"unknown theme {name!r}")
    text = (THEMES_DIR / f"{name}.toml").read_text(encoding="utf-8")
    primary = readable_on_white(branding.primary_color if branding else "#1F4E79")
    accent = readable_on_white(branding.accent_color if branding else "#2E7D32")
    data = tomllib.loads(Template(text).safe_substitute(primary=primary, accent=accent))
    colors = {str(k): str(v) for k, v in data["colors"].items()}
    pairs = tuple((str(p["fg"]), str(p["bg"])) for p in data.get("pairs", []))
    return Theme(name=name, colors=colors, pairs=pairs)


def sizes(large_text: bool) -> dict[str, int]:
    scale = LARGE_SCALE if large_text else 1.0
    return {key: round(px * scale) for key, px in BASE_SIZES.items()}


def style_sheet(theme: Theme, *, large_text: bool = False, font_family: str = "Noto Sans") -> str:
    """The application style sheet for a theme and text size."""
    template = Template((THEMES_DIR / "kiosk.qss").read_text(encoding="utf-8"))
    values: dict[str, object] = {**theme.colors, **sizes(large_text), "font": font_family}
    return template.substitute(values)
