"""`central fleet --html FILE`: the fleet as one self-contained status page IT can open or serve.

One file, nothing fetched: inline CSS and a little inline JavaScript, no fonts, images or scripts from anywhere
(a central office intranet page or a file on a laptop both work). The page reloads itself every `refresh` seconds
(`<meta http-equiv="refresh">`), so regenerating the file from a timer keeps an open browser up to date.

Stale and out-of-service kiosks are marked by colour and by words and border style together, so the page reads in
grayscale and to colour-blind eyes. Every column sorts on a click (numbers as numbers); `?sort=KEY&order=desc` in
the URL sorts on load (bookmarks, and the headless-browser test). Below the table, one detail section per kiosk
lists every heartbeat field, its last errors (already redacted on the kiosk) and the settings it refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from html import escape
from typing import Any

from kiosk.cli.fleet_data import FleetFilter, KioskStatus, ago, paper_text, since

PRINTER_OK = frozenset({"ready", "ok", "unknown"})

# (sort key, header, numeric?) of the table's columns, in order.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("status", "Status", False),
    ("kiosk", "Kiosk", False),
    ("branch", "Branch", False),
    ("version", "Version", False),
    ("reported", "Heartbeat", True),
    ("pull", "Pull", True),
    ("push", "Push", True),
    ("outbox", "Outbox", True),
    ("parked", "Parked", True),
    ("printer", "Printer", False),
    ("paper", "Paper m", True),
    ("disk", "Disk MB", True),
    ("uptime", "Uptime", True),
    ("errors", "Errors", True),
    ("rejected", "Refused", True),
)

_CSS = """
:root { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 14px; color: #111; background: #fff; }
body { margin: 1.2rem; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
.meta { color: #444; margin: 0 0 1rem; }
.summary { display: flex; gap: .8rem; flex-wrap: wrap; margin-bottom: 1rem; }
.card { border: 2px solid #555; border-radius: 6px; padding: .4rem .9rem; min-width: 8rem; }
.card b { display: block; font-size: 1.6rem; }
.card.stale { border-style: dashed; background: #fff3c4; }
.card.oos { border-width: 4px; background: #fde0e0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; white-space: nowrap; }
thead th { white-space: normal; vertical-align: bottom; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " \\25B2"; }
th[aria-sort=descending] button::after { content: " \\25BC"; }
thead th { background: #e8e8e8; position: sticky; top: 0; }
tr.stale td { background: #fff3c4; }
tr.oos td { background: #fde0e0; }
tr.stale td:first-child { border-left: 6px dashed #8a6d00; }
tr.oos td:first-child { border-left: 6px solid #b00020; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; margin-right: .2rem; font-weight: bold;
         font-size: .85rem; letter-spacing: .02em; }
.badge.ok { border: 1px solid #2e7d32; color: #1b5e20; }
.badge.stale { border: 2px dashed #111; background: #ffd54f; color: #111; }
.badge.oos { border: 2px solid #111; background: #b00020; color: #fff; }
.warn { font-weight: bold; text-decoration: underline; }
section.kiosk { border: 1px solid #999; border-radius: 6px; padding: .6rem 1rem; margin: .5rem 0; }
section.kiosk.stale { border: 3px dashed #8a6d00; }
section.kiosk.oos { border: 4px solid #b00020; }
section.kiosk h3 { margin: 0 0 .4rem; font-size: 1.15rem; }
.details { display: grid; grid-template-columns: repeat(auto-fill, minmax(40rem, 1fr)); gap: 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: .15rem 1rem; margin: 0 0 .5rem; }
h4 { margin: .5rem 0 .2rem; }
dt { color: #444; } dd { margin: 0; }
ol.errors { margin: .2rem 0; padding-left: 1.4rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
            font-size: .85rem; white-space: pre-wrap; }
.none { color: #555; font-style: italic; }
"""

# Click a header to sort by it (again to reverse); ?sort=KEY&order=desc sorts on load. Ties keep the server's
# order (branch, kiosk). body[data-sorted] says what the table is sorted by (tests read it).
_JS = """
(function () {
  var table = document.getElementById("fleet");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sortBy(key, desc) {
    var th = null;
    heads.forEach(function (h) { if (h.getAttribute("data-key") === key) { th = h; } });
    if (!th) { return false; }
    var col = th.cellIndex, numeric = th.getAttribute("data-type") === "num";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v"), c;
      if (numeric) {
        var nx = x === "" ? Infinity : Number(x), ny = y === "" ? Infinity : Number(y);
        c = nx === ny ? 0 : (nx < ny ? -1 : 1);
      } else {
        c = x.localeCompare(y, undefined, {numeric: true});
      }
      if (desc) { c = -c; }
      return c !== 0 ? c : Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", desc ? "descending" : "ascending");
    document.body.setAttribute("data-sorted", key + (desc ? ":desc" : ":asc"));
    return true;
  }
  heads.forEach(function (th) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      sortBy(th.getAttribute("data-key"), th.getAttribute("aria-sort") === "ascending");
    });
  });
  var query = new URLSearchParams(window.location.search);
  if (query.get("sort")) { sortBy(query.get("sort"), query.get("order") === "desc"); }
})();
"""


def anchor(k: KioskStatus) -> str:
    """A fragment id for the kiosk's detail section (ids are free text: anything odd is hex-escaped)."""
    def part(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}", text)

    return f"kiosk-{part(k.branch_id)}--{part(k.kiosk_id)}"


def _ts(value: datetime | None) -> float | str:
    return "" if value is None else value.timestamp()


def _cell(text: str, sort_value: object, *, num: bool = False, title: str | None = None, cls: str = "") -> str:
    classes = " ".join(c for c in ("num" if num else "", cls) if c)
    attrs = f' data-v="{escape(str(sort_value))}"'
    if classes:
        attrs += f' class="{classes}"'
    if title:
        attrs += f' title="{escape(title)}"'
    return f"<td{attrs}>{text}</td>"


def badges(k: KioskStatus) -> str:
    out = []
    if k.out_of_service:
        out.append('<span class="badge oos">OUT OF SERVICE</span>')
    if k.stale:
        out.append('<span class="badge stale">STALE</span>')
    return "".join(out) or '<span class="badge ok">OK</span>'


def _status_rank(k: KioskStatus) -> str:
    """Sorts the worst first in ascending order: out of service and stale, out of service, stale, ok."""
    if k.out_of_service:
        return "0" if k.stale else "1"
    return "2" if k.stale else "3"


def _iso(value: datetime | None) -> str:
    return "never" if value is None else value.astimezone(UTC).isoformat(timespec="seconds")


def _when(value: datetime | None) -> str:
    return "never" if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _row(k: KioskStatus, order: int, now: datetime) -> str:
    cls = " ".join(c for c in ("stale" if k.stale else "", "oos" if k.out_of_service else "") if c)
    printer_warn = k.printer_state not in PRINTER_OK
    cells = [
        _cell(badges(k), _status_rank(k)),
        _cell(f'<a href="#{anchor(k)}">{escape(k.kiosk_id)}</a>', k.kiosk_id),
        _cell(escape(k.branch_id), k.branch_id),
        _cell(escape(k.app_version), k.app_version),
        _cell(f"{ago(k.silent_s)} ago", _ts(k.reported_at), num=True, title=_iso(k.reported_at)),
        _cell(since(k.last_pull_at, now), _ts(k.last_pull_at), num=True, title=_iso(k.last_pull_at)),
        _cell(since(k.last_push_at, now), _ts(k.last_push_at), num=True, title=_iso(k.last_push_at)),
        _cell(str(k.outbox_depth), k.outbox_depth, num=True),
        _cell(str(k.parked), k.parked, num=True, cls="warn" if k.parked else ""),
        _cell(("&#9888; " if printer_warn else "") + escape(k.printer_state), k.printer_state,
              cls="warn" if printer_warn else ""),
        _cell(paper_text(k.paper_left_m), "" if k.paper_left_m is None else k.paper_left_m, num=True),
        _cell(str(k.free_disk_mb), k.free_disk_mb, num=True),
        _cell(ago(k.uptime_seconds), k.uptime_seconds, num=True),
        _cell(str(len(k.last_errors)), len(k.last_errors), num=True, cls="warn" if k.last_errors else ""),
        _cell(str(len(k.settings_rejected)), len(k.settings_rejected), num=True,
              cls="warn" if k.settings_rejected else ""),
    ]
    class_attr = f' class="{cls}"' if cls else ""
    return (f'<tr data-order="{order}" data-kiosk="{escape(k.branch_id)}/{escape(k.kiosk_id)}"{class_attr}>'
            f'{"".join(cells)}</tr>')


def _dl(pairs: Iterable[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{escape(a)}</dt><dd>{escape(b)}</dd>" for a, b in pairs) + "</dl>"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _errors(k: KioskStatus) -> str:
    if not k.last_errors:
        return '<p class="none">No errors reported.</p>'
    items = []
    for e in k.last_errors:
        head = " ".join(_text(e[key]) for key in ("at", "level", "logger") if e.get(key) not in (None, ""))
        rest = {key: v for key, v in e.items() if key not in ("at", "level", "logger", "message")}
        line = f"{head}: {_text(e.get('message', ''))}" if head else _text(e.get("message", ""))
        if rest:
            line += f" {_text(rest)}"
        items.append(f"<li>{escape(line)}</li>")
    return f'<ol class="errors">{"".join(items)}</ol>'


def _rejected(k: KioskStatus) -> str:
    if not k.settings_rejected:
        return '<p class="none">No settings refused.</p>'
    rows = "".join(f"<tr><td>{escape(key)}</td><td>{escape(reason)}</td></tr>"
                   for key, reason in sorted(k.settings_rejected.items()))
    head = "<thead><tr><th>Setting</th><th>Why refused</th></tr></thead>"
    return f'<table class="rejected">{head}<tbody>{rows}</tbody></table>'


def _detail(k: KioskStatus, now: datetime) -> str:
    cls = " ".join(c for c in ("kiosk", "stale" if k.stale else "", "oos" if k.out_of_service else "") if c)
    fields = [
        ("Kiosk", k.kiosk_id), ("Branch", k.branch_id),
        ("Status", " ".join(f for f in ("OUT OF SERVICE" if k.out_of_service else "",
                                        "STALE" if k.stale else "") if f) or "OK"),
        ("Service message", k.service_message or "-"),
        ("App version", k.app_version), ("Schema version", k.schema_version),
        ("Last heartbeat", f"{_when(k.reported_at)} ({ago(k.silent_s)} ago)"),
        ("Last pull", f"{_when(k.last_pull_at)} ({since(k.last_pull_at, now)})"),
        ("Last push", f"{_when(k.last_push_at)} ({since(k.last_push_at, now)})"),
        ("Data age", ago(k.data_age_s)), ("Outbox", str(k.outbox_depth)), ("Parked rows", str(k.parked)),
        ("Printer", k.printer_state), ("Paper left (m)", paper_text(k.paper_left_m)),
        ("Free disk (MB)", str(k.free_disk_mb)), ("Uptime", ago(k.uptime_seconds)),
    ]
    return (f'<section class="{cls}" id="{anchor(k)}"><h3>{escape(k.kiosk_id)} &middot; branch '
            f'{escape(k.branch_id)} {badges(k)}</h3>{_dl(fields)}'
            f"<h4>Last errors</h4>{_errors(k)}<h4>Rejected settings</h4>{_rejected(k)}</section>")


def render_page(kiosks: list[KioskStatus], now: datetime, *, stale_after: int, filters: FleetFilter | None = None,
                refresh: int = 60) -> str:
    """The whole page as one string (UTF-8 when written)."""
    filters = filters or FleetFilter()
    stale = sum(k.stale for k in kiosks)
    off = sum(k.out_of_service for k in kiosks)
    errors = sum(bool(k.last_errors) for k in kiosks)
    given = [f"{name} {value}" for name, value in (("branch", filters.branch), ("version", filters.version))
             if value is not None]
    given += [name for name, on in (("stale", filters.stale), ("out of service", filters.out_of_service)) if on]
    meta_refresh = f'<meta http-equiv="refresh" content="{refresh}">' if refresh > 0 else ""
    numeric = ' data-type="num"'
    head = "".join(f'<th scope="col" data-key="{key}"{numeric if num else ""}>'
                   f'<button type="button">{escape(label)}</button></th>' for key, label, num in COLUMNS)
    rows = "".join(_row(k, i, now) for i, k in enumerate(kiosks))
    if not kiosks:
        rows = f'<tr><td colspan="{len(COLUMNS)}" class="none">No kiosk matches.</td></tr>'
    details = "".join(_detail(k, now) for k in kiosks)
    stale_text = f"{stale_after // 60} min" if stale_after % 60 == 0 else f"{stale_after} s"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{meta_refresh}
<title>Ventanilla fleet: {len(kiosks)} kiosks, {stale} stale, {off} out of service</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Ventanilla fleet</h1>
<p class="meta">Generated {escape(_when(now))}. Stale = no heartbeat for more than {escape(stale_text)}.
{escape("Filtered: " + ", ".join(given) + "." if given else "All kiosks.")}
{escape(f"Reloads every {refresh} s." if refresh > 0 else "Does not reload itself.")}</p>
<div class="summary">
<div class="card"><b id="count-kiosks">{len(kiosks)}</b>kiosks</div>
<div class="card stale"><b id="count-stale">{stale}</b>stale</div>
<div class="card oos"><b id="count-oos">{off}</b>out of service</div>
<div class="card"><b id="count-errors">{errors}</b>with recent errors</div>
</div>
<div class="scroll"><table id="fleet">
<thead><tr>{head}</tr></thead>
<tbody>{rows}</tbody>
</table></div>
<h2>Kiosks</h2>
<div class="details">{details}</div>
<script>{_JS}</script>
</body>
</html>
"""
