"""The replica's retention window: only the recent periods of history are kept on the kiosk.

`[central] retention_periods = N` (0 keeps everything) keeps, per account, the last N calendar months (the current
one included) of invoices with their lines, payments and meter readings. Whatever is still owed is kept
regardless of age, so an offline customer still sees and pays every open invoice; an invoice paid within the
window is kept too (its payment in the window names it). The window's first day is the kiosk's `start`:

- the first sync reads only rows inside the window (the same predicates as SQL on central);
- later pulls read changed invoices whole and drop, with their lines, those now outside the window (paid long
  ago), so a settled old invoice never lingers as "open";
- when the window moves (a new month), `prune` deletes what fell out of it;
- reconcile compares the replica with central's rows *inside* the window, so retention is never drift;
- the statement computes its opening balance backwards from what is owed today (kiosk.services.account), so it
  still adds up without the older movements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from kiosk.sync import state

RETENTION_FROM = "sync.retention_from"  # kiosk_state: ISO first day of the window the replica was last cut to
WINDOW_TABLES = ("invoices", "invoice_lines", "payments", "meter_readings")


def months_back(day: date, months: int) -> date:
    """The first day of the month `months` months before day's month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class Window:
    """Rows dated on or after `start` are kept (plus every invoice still owed)."""

    start: date

    @classmethod
    def for_today(cls, today: date, periods: int) -> Window | None:
        """The window of `periods` months ending with today's month; None when retention is off (0)."""
        return cls(months_back(today, periods - 1)) if periods > 0 else None

    @property
    def period(self) -> str:
        return self.start.strftime("%Y-%m")

    @property
    def start_int(self) -> int:
        """The first day as the replica stores dates (YYYYMMDD, db.types.CompactDate)."""
        return self.start.year * 10000 + self.start.month * 100 + self.start.day

    def params(self) -> dict[str, Any]:
        return {"cut": self.start.isoformat(), "cut_period": self.period, "cut_int": self.start_int}

    def where(self, table: str, dialect: str, alias: str | None = None) -> str | None:
        """SQL condition (no NULL outcomes) selecting the rows of `table` inside the window, or None (all rows).

        `dialect`: "pg" (psycopg %(name)s placeholders, dates cast), "postgresql" (SQLAlchemy text() `:name`,
        dates cast), "local" (the replica: YYYYMMDD integer dates), anything else: text() `:name` compared with
        ISO text dates (a SQLite central).
        """
        cut = {"pg": "%(cut)s::date", "postgresql": "CAST(:cut AS date)", "local": ":cut_int"}.get(dialect, ":cut")
        cut_period = "%(cut_period)s" if dialect == "pg" else ":cut_period"
        t = f'"{alias or table}".'
        if table == "invoices":
            return self._invoice(t, cut)
        if table == "invoice_lines":
            return (f'EXISTS (SELECT 1 FROM invoices i WHERE i.id = {t}invoice_id AND {self._invoice("i.", cut)})')
        if table == "payments":
            return f"{t}paid_on >= {cut}"
        if table == "meter_readings":
            return f"{t}period >= {cut_period}"
        return None

    @staticmethod
    def _invoice(t: str, cut: str) -> str:
        return (f"({t}issue_date >= {cut} OR ({t}paid_on IS NOT NULL AND {t}paid_on >= {cut}) "
                f"OR ({t}paid_on IS NULL AND {t}status <> 'paid'))")

    def keeps_invoice(self, issue_date: int, status: str, paid_on: int | None) -> bool:
        """The invoice predicate on a stored row (YYYYMMDD dates), for rows read whole by incremental pulls."""
        cut = self.start_int
        return issue_date >= cut or (paid_on is not None and paid_on >= cut) or (paid_on is None and status != "paid")


def stored_window(conn: Connection) -> Window | None:
    """The window the replica was last cut to, or None when it holds all history."""
    raw = state.get(conn, RETENTION_FROM)
    return Window(date.fromisoformat(raw)) if raw else None


def prune(conn: Connection, window: Window | None) -> dict[str, int]:
    """Cut the replica to `window` (no-op when it already is) and remember it; rows deleted per table.

    Lines go with their invoices. A window that grows back (more periods, or retention turned off: None) cannot
    be filled by incremental pulls, so the four tables' checkpoints are reset and the next pull reads them again.
    """
    before = stored_window(conn)
    if before is not None and (window is None or window.start < before.start):
        conn.execute(text("DELETE FROM sync_checkpoints WHERE table_name IN "
                          "('invoices', 'invoice_lines', 'payments', 'meter_readings')"))
        state.put(conn, RETENTION_FROM, window.start.isoformat() if window is not None else "")
        return {}
    if window is None or (before is not None and before.start == window.start):
        return {}
    params = window.params()
    keep = window.where("invoices", "local")
    deleted = {
        "invoice_lines": conn.execute(text(
            f"DELETE FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices WHERE NOT {keep})"),
            params).rowcount,
        "invoices": conn.execute(text(f"DELETE FROM invoices WHERE NOT {keep}"), params).rowcount,
    }
    for table in ("payments", "meter_readings"):
        deleted[table] = conn.execute(text(f"DELETE FROM {table} WHERE NOT ({window.where(table, 'local')})"),
                                      params).rowcount
    state.put(conn, RETENTION_FROM, window.start.isoformat())
    return deleted
