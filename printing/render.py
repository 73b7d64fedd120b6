"""Rasterise PDF bytes with poppler's pdftoppm: for decoding codes in tests and for looking at documents.

Tests decode QR codes and barcodes from these images with zbar, so they check what a customer's phone or a
cashier's scanner would see on paper, not what the code was meant to contain.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image


class RenderError(RuntimeError):
    """pdftoppm is missing or failed."""


def pdf_to_images(pdf: bytes, dpi: int = 200, gray: bool = True) -> list[Image.Image]:
    """One PIL image per page, in order."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RenderError("pdftoppm not found (install poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="kiosk-render-") as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        args = [exe, "-r", str(dpi), "-gray" if gray else "-png", str(source), str(Path(tmp) / "page")]
        done = subprocess.run(args, capture_output=True, check=False, timeout=120)
        if done.returncode != 0:
            raise RenderError(f"pdftoppm failed: {done.stderr.decode(errors='replace').strip()}")
        pages = sorted(Path(tmp).glob("page-*"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        images = []
        for page in pages:
            with Image.open(page) as img:
                img.load()
                images.append(img.copy())
    return images


def pdf_to_pngs(pdf: bytes, out_prefix: Path, dpi: int = 110) -> list[Path]:
    """Write PNG files `<prefix>-<page>.png` (for looking at a document or the demo tour)."""
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in enumerate(pdf_to_images(pdf, dpi=dpi, gray=False), start=1):
        path = out_prefix.with_name(f"{out_prefix.name}-{number}.png")
        image.save(path)
        paths.append(path)
    return paths
