"""`python -m kiosk central import --url URL --table TABLE FILE.csv`: feed one central table from billing.

Bad rows go to stderr as `FILE:LINE: reason` (the form editors and CI logs link to), the summary to stdout.
Exit status: 0 when every row was good, 1 when any row was rejected (the good ones are still imported), 2 when
the file as a whole is unusable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.cli import CliError

EPILOG = """\
Each bad row is reported on stderr as FILE:LINE: reason (a byte the encoding cannot read, a control
character, a field over the size limit, a number that is not plain digits or does not fit the column, an id
below 1, ...) and skipped; every good row is still imported.
exit status: 0 every row imported, 1 some rows rejected (the good ones were imported),
             2 the file (its header), the command line or the central database is unusable"""


def register(parser: argparse.ArgumentParser) -> None:
    from kiosk.central.importer import IMPORT_TABLES

    parser.add_argument("--url", required=True, help="central database URL (postgresql://... or sqlite:///FILE)")
    parser.add_argument("--table", required=True, choices=IMPORT_TABLES, help="table the file feeds")
    parser.add_argument("file", type=Path, metavar="FILE.csv", help="CSV with a header line (, ; or tab)")
    parser.add_argument("--batch", type=int, default=1000, help="rows per transaction (default 1000)")
    parser.add_argument("--encoding", default="utf-8-sig", help="file encoding (default UTF-8; e.g. cp1252)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.central.importer import MAX_LISTED, ImportFileError, import_csv

    if args.batch < 1:
        raise CliError("--batch must be at least 1")
    try:
        report = import_csv(args.url, args.table, args.file, batch_size=args.batch, encoding=args.encoding)
    except ImportFileError as exc:
        raise CliError(str(exc)) from exc
    except SQLAlchemyError as exc:
        text = str(exc).strip()
        raise CliError(f"central database: {text.splitlines()[0] if text else type(exc).__name__}") from exc
    for rejection in report.rejected[:MAX_LISTED]:
        print(f"{args.file}:{rejection.line}: {rejection.reason}", file=sys.stderr)
    if len(report.rejected) > MAX_LISTED:
        print(f"{args.file}: ... and {len(report.rejected) - MAX_LISTED} more rejected rows", file=sys.stderr)
    if args.json:
        data = {
            "table": report.table,
            "read": report.read,
            "inserted": report.inserted,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": [{"line": r.line, "reason": r.reason} for r in report.rejected],
        }
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(report.summary())
    return 0 if report.ok else 1
