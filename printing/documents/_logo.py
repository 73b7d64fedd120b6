"""Branding logos drawn straight onto a ReportLab canvas from their SVG files.

Profiles ship SVG logos (sharp on screen and paper alike). ReportLab cannot read SVG and a converter library
would be one more dependency for a few shapes, so this draws the subset our profiles use: rect (rounded),
circle, path with absolute M/L/H/V/C/A/Z commands, and text with tspans, in NotoSans. Anything else is
skipped; a logo that cannot be parsed is left out rather than failing a customer's print.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import BOLD, REGULAR

_NS = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[MLHVCAZmlhvcaz]|-?\d*\.?\d+(?:e-?\d+)?")


@dataclass(frozen=True)
class Logo:
    width: float
    height: float
    root: ET.Element


@lru_cache(maxsize=8)
def load_svg(path: str) -> Logo | None:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    box = root.get("viewBox")
    if box:
        _, _, w, h = (float(v) for v in box.replace(",", " ").split())
    else:
        w, h = float(root.get("width", "0")), float(root.get("height", "0"))
    if w <= 0 or h <= 0:
        return None
    return Logo(w, h, root)


def svg_size(path: Path) -> tuple[float, float] | None:
    logo = load_svg(str(path))
    return (logo.width, logo.height) if logo else None


def draw_svg(canv: Canvas, path: Path, x: float, y: float, height: float) -> float:
    """Draw the logo with its bottom-left corner at (x, y), `height` points tall; returns the width drawn."""
    logo = load_svg(str(path))
    if logo is None:
        return 0.0
    scale = height / logo.height
    canv.saveState()
    canv.translate(x, y + height)
    canv.scale(scale, -scale)  # SVG's y axis points down
    for element in logo.root:
        try:
            _draw(canv, element)
        except (ValueError, IndexError):
            continue
    canv.restoreState()
    return logo.width * scale


def _num(element: ET.Element, name: str, default: float = 0.0) -> float:
    value = element.get(name)
    return float(value) if value else default


def _paint(canv: Canvas, element: ET.Element, inherited_fill: str | None = None) -> tuple[bool, bool]:
    fill = element.get("fill", inherited_fill or "#000000")
    stroke = element.get("stroke")
    do_fill = fill != "none"
    do_stroke = bool(stroke) and stroke != "none"
    if do_fill:
        canv.setFillColor(colors.HexColor(fill))
    if do_stroke and stroke:
        canv.setStrokeColor(colors.HexColor(stroke))
        canv.setLineWidth(_num(element, "stroke-width", 1.0))
        canv.setLineCap({"round": 1, "square": 2}.get(element.get("stroke-linecap", ""), 0))
    return do_fill, do_stroke


def _draw(canv: Canvas, element: ET.Element) -> None:
    tag = element.tag.removeprefix(_NS)
    if tag == "rect":
        fill, stroke = _paint(canv, element)
        x, y, w, h = (_num(element, k) for k in ("x", "y", "width", "height"))
        rx = _num(element, "rx")
        if rx:
            canv.roundRect(x, y, w, h, rx, stroke=int(stroke), fill=int(fill))
        else:
            canv.rect(x, y, w, h, stroke=int(stroke), fill=int(fill))
    elif tag == "circle":
        fill, stroke = _paint(canv, element)
        canv.circle(_num(element, "cx"), _num(element, "cy"), _num(element, "r"), stroke=int(stroke), fill=int(fill))
    elif tag == "path":
        fill, stroke = _paint(canv, element)
        canv.drawPath(_path(canv, element.get("d", "")), stroke=int(stroke), fill=int(fill))
    elif tag == "text":
        _text(canv, element)


def _path(canv: Canvas, d: str) -> object:
    p = canv.beginPath()
    tokens = _TOKEN.findall(d)
    i = 0
    cx = cy = 0.0
    command = ""

    def take(n: int) -> list[float]:
        nonlocal i
        values = [float(v) for v in tokens[i : i + n]]
        if len(values) != n:
            raise ValueError("truncated path")
        i += n
        return values

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        if command == "M":
            cx, cy = take(2)
            p.moveTo(cx, cy)
            command = "L"
        elif command == "L":
            cx, cy = take(2)
            p.lineTo(cx, cy)
        elif command == "H":
            (cx,) = take(1)
            p.lineTo(cx, cy)
        elif command == "V":
            (cy,) = take(1)
            p.lineTo(cx, cy)
        elif command == "C":
            x1, y1, x2, y2, cx, cy = take(6)
            p.curveTo(x1, y1, x2, y2, cx, cy)
        elif command == "A":
            rx, ry, rotation, large, sweep, x, y = take(7)
            _arc(p, cx, cy, rx, ry, rotation, bool(large), bool(sweep), x, y)
            cx, cy = x, y
        elif command in "Zz":
            p.close()
        else:
            raise ValueError(f"unsupported path command {command!r}")
    return p


def _arc(
    p: object,
    x1: float,
    y1: float,
    rx: float,
    ry: float,
    rotation: float,
    large: bool,
    sweep: bool,
    x2: float,
    y2: float,
) -> None:
    """SVG endpoint arc to ReportLab's centre arc (SVG 1.1 implementation notes F.6.5; no rotation)."""
    if rx == 0 or ry == 0 or rotation:
        p.lineTo(x2, y2)  # type: ignore[attr-defined]
        return
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    scale = math.sqrt(dx * dx / (rx * rx) + dy * dy / (ry * ry))
    if scale > 1:
        rx, ry = rx * scale, ry * scale
    num = rx * rx * ry * ry - rx * rx * dy * dy - ry * ry * dx * dx
    den = rx * rx * dy * dy + ry * ry * dx * dx
    factor = math.sqrt(max(num, 0) / den) if den else 0.0
    if large == sweep:
        factor = -factor
    ccx = factor * rx * dy / ry + (x1 + x2) / 2
    ccy = -factor * ry * dx / rx + (y1 + y2) / 2
    start = math.degrees(math.atan2((y1 - ccy) / ry, (x1 - ccx) / rx))
    end = math.degrees(math.atan2((y2 - ccy) / ry, (x2 - ccx) / rx))
    extent = end - start
    if sweep and extent < 0:
        extent += 360
    elif not sweep and extent > 0:
        extent -= 360
    p.arcTo(ccx - rx, ccy - ry, ccx + rx, ccy + ry, start, extent)  # type: ignore[attr-defined]


def _text(canv: Canvas, element: ET.Element) -> None:
    size = _num(element, "font-size", 12.0)
    font = BOLD if element.get("font-weight") == "bold" else REGULAR
    base_fill = element.get("fill", "#000000")
    runs: list[tuple[str, str]] = []
    if element.text:
        runs.append((element.text, base_fill))
    for child in element:
        if child.tag.removeprefix(_NS) == "tspan" and child.text:
            runs.append((child.text, child.get("fill", base_fill)))
        if child.tail:
            runs.append((child.tail, base_fill))
    x = _num(element, "x")
    y = _num(element, "y")
    canv.saveState()
    canv.translate(x, y)
    canv.scale(1, -1)
    cursor = 0.0
    for index, (raw, fill) in enumerate(runs):
        text = " ".join(raw.split())
        if index == 0:
            text = text.lstrip()
        if not text:
            continue
        canv.setFillColor(colors.HexColor(fill))
        canv.setFont(font, size)
        canv.drawString(cursor, 0, text)
        cursor += canv.stringWidth(text, font, size)
    canv.restoreState()
