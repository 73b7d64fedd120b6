"""`central fleet --html FILE` rendered in headless Chromium (Debian's `chromium`): the table, the markings, the
sorting done by the page's own JavaScript (?sort=KEY in the URL), the screenshot, and no external URL anywhere.

The heartbeats are written with the kiosk's own `heartbeat.send` into a real (SQLite) central, and the page is
written by the command itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from db.engine import central_engine
from db.migrate import central_head
from kiosk.cli import main
from kiosk.sync.heartbeat import HeartbeatRow, send

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI (KIOSK_REQUIRE_PG=1) installs chromium in .ci/run: there a missing browser fails instead of skipping.
needs_chromium = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("KIOSK_REQUIRE_PG"),
                                    reason="Debian's chromium is not installed (apt-get install chromium)")

ERROR = {"at": "2026-11-29T10:00:00+00:00", "level": "ERROR", "logger": "kiosk.services.print_jobs",
         "message": "printer offline while printing for [email]"}


def _beat(conn: object, kiosk: str, branch: str, silent: timedelta, *, version: str = "1.4.0", paper: float | None,
          message: str | None = None, errors: int = 0, rejected: dict[str, str] | None = None,
          printer: str = "ready") -> None:
    reported = datetime.now(UTC) - silent
    send(conn, HeartbeatRow(  # type: ignore[arg-type]
        kiosk, branch, version, central_head(), reported - timedelta(seconds=30), reported - timedelta(seconds=40),
        0, 0, printer, 12000, 75, reported, out_of_service=message is not None, service_message=message or "",
        uptime_seconds=3 * 3600, paper_left_m=paper, last_errors=[ERROR] * errors, settings_rejected=rejected or {},
    ))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five kiosks: two fine, one stale, one out of service (with errors and a refused setting), one both."""
    tmp = tmp_path_factory.mktemp("fleet")
    url = f"sqlite:///{tmp / 'central.db'}"
    assert main(["central", "init", "--url", url]) == 0
    engine = central_engine(url)
    with engine.connect() as conn:
        _beat(conn, "K01", "B01", timedelta(seconds=20), paper=42.0)
        _beat(conn, "K02", "B01", timedelta(minutes=15), paper=9.5)
        _beat(conn, "K01", "B02", timedelta(seconds=45), paper=0.0, message="Sin papel", errors=2,
              rejected={"idle_timeout": "must be at most 600 seconds"}, printer="out_of_paper")
        _beat(conn, "K02", "B02", timedelta(hours=2), version="1.3.2", paper=12.0, message="Mantenimiento")
        _beat(conn, "K01", "B03", timedelta(seconds=30), version="1.3.2", paper=None)
    engine.dispose()
    out = tmp / "fleet.html"
    assert main(["central", "fleet", "--url", url, "--html", str(out), "--refresh", "30"]) == 0
    return out


class _Dom(HTMLParser):
    """The fleet table's body rows (data-kiosk, class) and the body's data-sorted, from Chromium's DOM dump."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self.sorted: str | None = None
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.sorted = a.get("data-sorted")
        if tag == "tr" and a.get("data-kiosk"):
            self.rows.append((a["data-kiosk"] or "", a.get("class") or ""))
        self.urls += [v for k, v in attrs if k in ("src", "href", "action", "poster", "data") and v]


def _chromium(tmp: Path, *args: str) -> str:
    assert CHROMIUM is not None, "chromium is required here (apt-get install chromium)"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         f"--user-data-dir={tmp / 'profile'}", "--window-size=1400,1000", *args],
        capture_output=True, text=True, timeout=120, check=False, env={**os.environ, "HOME": str(tmp)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dom(page: Path, query: str = "") -> _Dom:
    dom = _Dom()
    dom.feed(_chromium(page.parent, "--dump-dom", page.as_uri() + query))
    return dom


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I) is None
    assert re.search(r"https?://", text) is None  # not even in text: nothing to fetch, nothing to leak
    assert not re.search(r"<link\b|<img\b|<iframe\b|@import|url\(", text, re.I)
    assert '<meta http-equiv="refresh" content="30">' in text
    assert text.count("<style>") == 1 and text.count("<script>") == 1 and "<script src" not in text


@needs_chromium
def test_table_markings_and_details_in_chromium(page: Path) -> None:
    dom = _dom(page)
    assert dom.rows == [("B01/K01", ""), ("B01/K02", "stale"), ("B02/K01", "oos"), ("B02/K02", "stale oos"),
                        ("B03/K01", "")]
    assert dom.sorted is None
    assert all(u.startswith("#kiosk-") for u in dom.urls) and len(dom.urls) == 5  # links to the detail sections
    text = page.read_text(encoding="utf-8")
    # words, not only colours: the page reads in grayscale
    assert text.count('<span class="badge oos">OUT OF SERVICE</span>') == 4  # 2 rows + 2 detail headings
    assert text.count('<span class="badge stale">STALE</span>') == 4
    for section in ("kiosk-B01--K01", "kiosk-B01--K02", "kiosk-B02--K01", "kiosk-B02--K02", "kiosk-B03--K01"):
        assert f'id="{section}"' in text
    detail = text[text.index('id="kiosk-B02--K01"'):text.index('id="kiosk-B02--K02"')]
    assert "Sin papel" in detail and "out_of_paper" in detail and "0.0" in detail
    assert detail.count("printer offline while printing for [email]") == 2
    assert "idle_timeout" in detail and "must be at most 600 seconds" in detail
    assert '<b id="count-stale">2</b>' in text and '<b id="count-oos">2</b>' in text


@needs_chromium
@pytest.mark.parametrize(("query", "expected", "sorted_by"), [
    ("?sort=branch&order=desc", ["B03/K01", "B02/K01", "B02/K02", "B01/K01", "B01/K02"], "branch:desc"),
    # numbers as numbers (9.5 before 12.0), an unknown paper estimate last
    ("?sort=paper", ["B02/K01", "B01/K02", "B02/K02", "B01/K01", "B03/K01"], "paper:asc"),
    ("?sort=reported&order=desc", ["B01/K01", "B03/K01", "B02/K01", "B01/K02", "B02/K02"], "reported:desc"),
    ("?sort=status", ["B02/K02", "B02/K01", "B01/K02", "B01/K01", "B03/K01"], "status:asc"),  # worst first
    ("?sort=version", ["B02/K02", "B03/K01", "B01/K01", "B01/K02", "B02/K01"], "version:asc"),
    ("?sort=nonsense", ["B01/K01", "B01/K02", "B02/K01", "B02/K02", "B03/K01"], None),
])
def test_columns_sort_in_the_browser(page: Path, query: str, expected: list[str], sorted_by: str | None) -> None:
    dom = _dom(page, query)
    assert [kiosk for kiosk, _ in dom.rows] == expected
    assert dom.sorted == sorted_by


@needs_chromium
def test_screenshot_shows_the_markings(page: Path) -> None:
    """The page as IT sees it at 1400x1000: the out-of-service red and the stale yellow are on screen."""
    from PySide6.QtGui import QColor, QImage

    shot = page.parent / "fleet.png"
    _chromium(page.parent, f"--screenshot={shot}", page.as_uri())
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 1000)
    colours: set[str] = set()
    for y in range(0, 600, 2):
        for x in range(0, 1400, 4):
            colours.add(QColor(image.pixel(x, y)).name())
    assert "#b00020" in colours  # OUT OF SERVICE badges and borders
    assert "#ffd54f" in colours  # STALE badges
    assert "#fde0e0" in colours and "#fff3c4" in colours  # the marked rows
    if os.environ.get("KIOSK_FLEET_SCREENSHOT"):
        shutil.copy(shot, os.environ["KIOSK_FLEET_SCREENSHOT"])


def test_what_kiosks_report_is_escaped_and_an_empty_fleet_says_so() -> None:
    from kiosk.cli.fleet_data import KioskStatus
    from kiosk.cli.fleet_html import render_page

    now = datetime.now(UTC)
    hostile = '<script>alert("x")</script>'
    k = KioskStatus("K<1>", 'B"1', hostile, "x", None, None, 0, 0, hostile, 1, None, now, 5, False, True, hostile,
                    last_errors=[{"message": hostile}], settings_rejected={hostile: hostile})
    text = render_page([k], now, stale_after=180)
    assert text.count("<script>") == 1 and "alert(" not in text.replace("alert(&quot;", "")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert 'id="kiosk-B_221--K_3c1_3e"' in text and 'href="#kiosk-B_221--K_3c1_3e"' in text
    empty = render_page([], now, stale_after=90, refresh=0)
    assert "No kiosk matches." in empty and "more than 90 s" in empty and "http-equiv" not in empty
