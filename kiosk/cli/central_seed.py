"""`python -m kiosk central seed`: fill an empty central database with deterministic demo data.

Prints what went in (rows per table, seconds) and a few logins to try, so whoever runs the demo knows which
account has debt, which one can submit a reading today and which one is prepaid. `--json` gives the same as a
stable object for scripts (`make demo`) and tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from kiosk.cli import CliError


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(parser: argparse.ArgumentParser) -> None:
    from kiosk.branding import available_profiles

    parser.add_argument("--url", required=True, help="central database URL (postgresql://... or sqlite:///FILE)")
    parser.add_argument("--accounts", type=int, default=2000, help="number of accounts (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed: same seed, same data (default 1)")
    parser.add_argument("--profile", default="coop-ar", choices=available_profiles(), help="utility profile")
    parser.add_argument("--today", type=_day, default=None, help="reference day YYYY-MM-DD (default today)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.central.seed import SeedError, seed_database

    try:
        report = seed_database(
            args.url, accounts=args.accounts, seed=args.seed, profile=args.profile, today=args.today
        )
    except SeedError as exc:
        raise CliError(str(exc)) from exc
    except SQLAlchemyError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CliError(f"central database: {first}") from exc
    except OSError as exc:
        raise CliError(f"central database: {exc}") from exc
    if args.json:
        json.dump(_as_json(report), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(render_report(report))
    return 0


def _as_json(report: Any) -> dict[str, Any]:
    return {
        "profile": report.profile,
        "engine": report.engine,
        "accounts": report.accounts,
        "seed": report.seed,
        "today": report.today.isoformat(),
        "seconds": round(report.seconds, 2),
        "rows": report.rows,
        "counts": report.counts,
        "row_versions": [report.first_row_version, report.last_row_version],
        "staff_pin": report.staff_pin,
        "staff": [
            {"number": report.staff_number, "pin": report.staff_pin, "role": "operator"},
            {"number": report.technician_number, "pin": report.technician_pin, "role": "technician"},
        ],
        "logins": [
            {
                "account": d.account_id,
                "pin": d.pin,
                "kind": d.kind,
                "services": list(d.services),
                "overdue": d.overdue,
                "pending": d.pending,
                "latest_invoice": d.latest_invoice,
                "reading_window_open": d.open_window,
                "prepaid_until": d.prepaid_until,
                "payment_agreement": d.agreement,
            }
            for d in report.demo
        ],
    }


def render_report(report: Any) -> str:
    """The human summary: counts, speed, then logins chosen to show one of each situation."""
    lines = [
        f"Seeded {report.accounts:,} accounts ({report.profile}, seed {report.seed}, today {report.today}) "
        f"into {report.engine}: {report.rows:,} rows in {report.seconds:.1f} s",
    ]
    lines += [f"  {table:<22} {count:>12,}" for table, count in report.counts.items()]
    lines += list(report.notes)
    demo = list(report.demo)
    if demo:
        lines.append("")
        lines.append("Logins to try (account / PIN):")
        for d in demo:
            facts = [d.kind, "+".join(d.services)]
            if d.overdue:
                facts.append(f"{d.overdue} overdue")
            if d.pending:
                facts.append(f"{d.pending} pending")
            if d.agreement:
                facts.append("payment agreement")
            if d.open_window:
                facts.append("reading window open today")
            if d.prepaid_until:
                facts.append(f"prepaid until {d.prepaid_until}")
            lines.append(f"  {d.account_id} / {d.pin}   {', '.join(facts)}")
        walk_in = next((d for d in demo if d.pending and d.kind == "postpaid"), demo[0])
        lines.append("")
        lines.append(f"Walk-in lookup: account {walk_in.account_id}, invoice {walk_in.latest_invoice}")
        picks = [
            ("overdue debt", next((d for d in demo if d.overdue), None)),
            ("open reading window", next((d for d in demo if d.open_window), None)),
            ("prepaid", next((d for d in demo if d.kind == "prepaid"), None)),
        ]
        for label, pick in picks:
            if pick is not None:
                lines.append(f"  {label}: account {pick.account_id} (PIN {pick.pin})")
    lines.append(f"Staff maintenance PIN: {report.staff_pin} (operator, staff number {report.staff_number}; "
                 f"technician: staff number {report.technician_number}, PIN {report.technician_pin})")
    return "\n".join(lines)
