"""No customer's personal data in any log or command output (issue 12, "Running unattended").

A seeded demo (kiosk.demo.prepare: central SQLite, synced replica) is served through the real services with the
log at DEBUG into a file (kiosk.logsetup, as `run` sets it up, with the maintenance ring buffer as an extra
handler): every customer journey, from a walk-in lookup to a contact change and logout, typed with the seeded
customers' own data where a customer would type it (PIN, document, phone, e-mail). Then every command runs
in-process on the same data, its output captured. The seeded customers' full names, account numbers, document
numbers, phones, e-mails and PINs (read from the central seed DB, not assumed) must appear nowhere.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk import logsetup, redaction
from kiosk.cli import main
from kiosk.config import Config, load_config
from kiosk.domain import RequestKind
from kiosk.logbuffer import RingBufferHandler
from kiosk.redaction import redact
from kiosk.services.api import KioskServices
from kiosk.services.errors import ServiceError

ACCOUNTS = 6


@dataclass(frozen=True)
class Person:
    account: str
    pin: str
    first: str
    last: str
    document: str
    phone: str
    email: str


@dataclass
class Demo:
    config: Config
    config_path: Path
    log_dir: Path
    people: list[Person]
    staff_pins: list[str]
    invoices: dict[str, str]  # account -> its latest invoice number


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    from kiosk.demo import prepare

    _config, facts = prepare(tmp_path / "demo", "coop-ar", ACCOUNTS, log=lambda _m: None)
    folder = _config.data_dir
    log_dir = tmp_path / "logs"
    config_path = folder / "kiosk.toml"
    with config_path.open("a", encoding="utf-8") as f:
        f.write(f'\n[logging]\ndir = "{log_dir.as_posix()}"\nlevel = "DEBUG"\nmax_bytes = 65536\nbackups = 50\n')
    pins = {str(d["account_id"]): str(d["pin"]) for d in facts["demo"] if d.get("pin")}
    with closing(sqlite3.connect(folder / "central.sqlite3")) as conn:
        rows = conn.execute(
            "SELECT a.id, c.first_name, c.last_name, c.document_number, c.phone, c.email "
            "FROM accounts a JOIN customers c ON c.id = a.customer_id ORDER BY a.id").fetchall()
    people = [Person(str(r[0]), pins.get(str(r[0]), ""), *(str(v) for v in r[1:])) for r in rows]
    assert len(people) == ACCOUNTS and all(p.document and p.phone and p.email for p in people)
    invoices = {str(d["account_id"]): str(d["latest_invoice"]) for d in facts["demo"] if d.get("latest_invoice")}
    demo = Demo(load_config(config_path), config_path, log_dir, people, [s["pin"] for s in facts["staff"]],
                invoices)
    yield demo
    logsetup.reset()
    redaction.forget_all()


def _journeys(services: KioskServices, person: Person, invoice_number: str) -> None:
    """Everything a customer can do at the kiosk, through the real services."""
    log = logging.getLogger("kiosk.test.journey")
    # walk-in: look up, duplicate, payment slip
    found = services.lookup.by_number(person.account, invoice_number)
    services.printing.duplicate(found.id, None, "es")
    if found.status.value != "paid":
        services.printing.payment_slip(services.payments.slip_for([found], "es"), "es")
    # a wrong PIN, then the right one
    wrong = "0000" if person.pin != "0000" else "1111"
    with pytest.raises(ServiceError):
        services.auth.login(person.account, wrong)
    session = services.auth.login(person.account, person.pin)
    log.debug("logged in %s (%s)", session.first_name, session.account_id)
    overview = services.account.overview(session)
    invoices = services.account.invoices(session)
    for inv in invoices[:3]:
        services.account.invoice_detail(session, inv.id)
    services.account.statement(session)
    services.account.agreements(session)
    services.account.cases(session)
    services.printing.statement(session, "es")
    if invoices:
        services.printing.duplicate(invoices[0].id, session, "es")
    for supply in overview.supplies:
        services.account.consumption(session, supply.id)
        if supply.meter_number:
            check = services.readings.check(session, supply.id)
            if check.window is not None:
                receipt = services.readings.submit(session, supply.id, (check.last_value or 0) + 1,
                                                   confirm_high=True, confirm_rollover=True)
                services.printing.reading_receipt(receipt, "es")
        categories = services.claims.categories(supply)
        if categories:
            claim = services.claims.file(session, supply.id, categories[0].code, f"Sin luz, llamar a {person.phone}",
                                         person.phone, "afternoon")
            services.printing.claim_receipt(claim, "es")
    for kind, fields in (
        (RequestKind.E_INVOICE, {"delivery": "email", "email": person.email}),
        (RequestKind.CONTACT_CHANGE, {"phone": person.phone, "email": person.email, "consent": "yes"}),
    ):
        try:
            request = services.requests.submit(session, kind, fields, "es")
        except ServiceError as exc:  # e.g. e-invoice already on: still a journey that ran
            log.info("request %s refused: %s", kind.value, exc.code)
            continue
        services.printing.request_receipt(request, "es")
    services.auth.logout(session)
    # a PIN reset with the customer's document, and a wrong code
    request_id = services.auth.request_pin_code(person.account, person.document, "sms")
    with pytest.raises(ServiceError):
        services.auth.set_pin(request_id, "000000", "4817", "4817")


def _commands(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Every command on the same kiosk and central; their stdout and stderr."""
    cfg = str(demo.config_path)
    central = demo.config.central.url
    person = next(p for p in demo.people if p.account in demo.invoices)
    from kiosk.services.factory import build_services

    reference = build_services(demo.config).lookup.by_number(person.account, demo.invoices[person.account])
    runs = [
        ["sync", "--config", cfg, "--once", "--json"],
        ["sync", "--config", cfg, "--once", "--reconcile", "--progress"],
        ["print", "duplicate", "--config", cfg, "--account", person.account, "--invoice",
         demo.invoices[person.account], "--out", str(tmp_path / "dup.pdf"), "--json"],
        ["print", "payment-slip", "--config", cfg, "--account", person.account, "--out", str(tmp_path / "slip.pdf")],
        ["print", "statement", "--config", cfg, "--account", person.account, "--out", str(tmp_path / "st.pdf")],
        ["print", "test-page", "--config", cfg, "--out", str(tmp_path / "test.pdf")],
        ["payment-qr", "--config", cfg, "--reference", reference.payment_reference, "--amount", "1234.50", "--json"],
        ["doctor", "--config", cfg],
        ["doctor", "--config", cfg, "--json"],
        ["central", "fleet", "--url", central],
        ["central", "fleet", "--url", central, "--json"],
        ["central", "init", "--url", f"sqlite:///{tmp_path / 'scratch-central.sqlite3'}"],
        ["provision", "--branch", "B9", "--kiosk", "K9", "--central", central, "--out", str(tmp_path / "new.toml")],
    ]
    out = []
    for argv in runs:
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse
            status = int(exc.code or 0)
        captured = capsys.readouterr()
        out.append(captured.out + captured.err)  # what the command wrote, not the arguments it was given
        assert status in (0, 1), f"{argv} -> {status}: {out[-1]}"  # 1: doctor's warnings; never bad input
    return "\n".join(out)


def _needles(demo: Demo) -> list[tuple[str, re.Pattern[str]]]:
    """Each personal value with the pattern that finds it as a whole token (a PIN inside a date is not it)."""
    edge = r"(?<![\w.:/-]){}(?![\w:/-]|\.\d)"
    needles: list[tuple[str, re.Pattern[str]]] = []
    for p in demo.people:
        digits = re.sub(r"\D", "", p.phone)
        for label, value in (("account", p.account), ("document", p.document), ("pin", p.pin),
                             ("phone", p.phone), ("phone digits", digits), ("phone local", digits[-8:]),
                             ("email", p.email), ("email user", p.email.split("@")[0])):
            if value:
                needles.append((f"{label} of {p.account}", re.compile(edge.format(re.escape(value)), re.I)))
        needles.append((f"name of {p.account}", re.compile(re.escape(f"{p.first} {p.last}"), re.I)))
        needles.append((f"last name of {p.account}", re.compile(rf"\b{re.escape(p.last)}\b", re.I)))
    for pin in demo.staff_pins:
        needles.append(("staff pin", re.compile(edge.format(re.escape(pin)))))
    return needles


def test_no_personal_data_in_logs_or_command_output(demo: Demo, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.services.factory import build_services

    ring = RingBufferHandler(capacity=100_000, level=logging.DEBUG)
    log_file = logsetup.configure(demo.config.logging, extra=[ring])
    assert log_file is not None and log_file.parent == demo.log_dir
    services = build_services(demo.config)
    journeys = 0
    for person in demo.people:
        if person.pin and person.account in demo.invoices:
            _journeys(services, person, demo.invoices[person.account])
            journeys += 1
    assert journeys >= 3
    # the last net: a careless line with personal data in it is masked too
    first = demo.people[0]
    redaction.remember(first.first, first.last)  # names are masked only as registered values (a service's job)
    logging.getLogger("kiosk.test").warning("careless: %s %s, doc %s, tel %s, %s, pin %s", first.first, first.last,
                                            first.document, first.phone, first.email, first.pin)
    try:
        raise ValueError(f"account {first.account} document {first.document}")
    except ValueError:
        logging.getLogger("kiosk.test").exception("with a traceback")
    output = _commands(demo, tmp_path, capsys)

    files = sorted(demo.log_dir.glob("ventanilla.log*"))
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    ring_text = "\n".join(f"{line.logger} {line.message}" for line in ring.lines(100_000))
    assert "DEBUG" in text and "careless" in text and "with a traceback" in text and "Traceback" in text
    assert len(text.splitlines()) > 10, "too little was logged for this test to mean anything"
    assert "careless" in ring_text
    assert "outbox_depth" in output and "reachable" in output and "wrote" in output
    hits = [
        (label, where, m.group())
        for where, haystack in (("log file", text), ("ring buffer", ring_text), ("command output", output))
        for label, needle in _needles(demo)
        for m in [needle.search(haystack)] if m
    ]
    assert not hits, hits[:20]


def test_patterns_mask_personal_numbers_but_keep_dates_times_and_addresses() -> None:
    assert redact("login 1001 pin 4826") == "login **** pin ****"
    assert redact("dni 31714056") == "dni ******56"
    assert "[email]" in redact("francisco.suarez61@gmail.com") and "suarez" not in redact("x francisco@mail.com")
    assert "15-2213" not in redact("+54 9 3571 15-2213")
    kept = "at 2026-11-29T23:17:36.123+00:00, 29/11/2026 23:17, 127.0.0.1:5432, db.example.com:5432, c0006_staff"
    assert redact(kept) == kept
    assert redact('File "x.py", line 1234, in f') == 'File "x.py", line 1234, in f'


def test_registered_values_are_masked_until_forgotten() -> None:
    try:
        redaction.remember("Mia Valentina Gomez", "Mia")
        assert redact("Hola MIA valentina gomez, Mia, Miami") == "Hola [redacted], [redacted], Miami"
        redaction.forget("Mia Valentina Gomez", "Mia")
        assert redact("Hola Mia") == "Hola Mia"
    finally:
        redaction.forget_all()


def test_json_lines_and_journald_priorities(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capfd: pytest.CaptureFixture[str]) -> None:
    import json
    import os
    import sys

    from kiosk.config import LoggingSection

    err_fd = sys.stderr.fileno()
    st = os.fstat(err_fd)
    monkeypatch.setenv("JOURNAL_STREAM", f"{st.st_dev}:{st.st_ino}")
    try:
        path = logsetup.configure(LoggingSection.model_validate({"dir": tmp_path, "json": True, "level": "INFO"}))
        logging.getLogger("kiosk.x").error("account %s failed", 1001)
        logging.getLogger("kiosk.x").info("started at %s", datetime(2026, 11, 29, 23, 17, tzinfo=UTC).isoformat())
        logging.getLogger("kiosk.x").debug("not at INFO")
    finally:
        logsetup.reset()
    assert path is not None
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(e["level"], e["logger"], e["message"]) for e in entries] == [
        ("ERROR", "kiosk.x", "account **** failed"), ("INFO", "kiosk.x", "started at 2026-11-29T23:17:00+00:00")]
    err = capfd.readouterr().err
    assert "<3>kiosk.x: account **** failed" in err and "<6>kiosk.x: started at" in err and "not at INFO" not in err


def test_the_file_rotates_at_max_bytes_keeping_backups(tmp_path: Path) -> None:
    from kiosk.config import LoggingSection

    try:
        logsetup.configure(LoggingSection.model_validate({"dir": tmp_path, "max_bytes": 65536, "backups": 2}))
        for i in range(3000):
            logging.getLogger("kiosk.x").warning("line %s %s", i, "x" * 60)
    finally:
        logsetup.reset()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["ventanilla.log", "ventanilla.log.1", "ventanilla.log.2"]
    assert all(p.stat().st_size <= 65536 + 200 for p in tmp_path.iterdir())


def test_a_command_that_crashes_leaves_its_traceback_in_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import kiosk.cli.doctor_cmd as doctor

    def broken(_config: Any) -> list[Any]:
        raise RuntimeError("doctor bug for account 20111222")

    monkeypatch.setenv(logsetup.ENV_LOG_DIR, str(tmp_path))
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nid = "K1"\nbranch = "B1"\n', encoding="utf-8")
    monkeypatch.setattr(doctor, "run_checks", broken)
    try:
        with pytest.raises(RuntimeError):
            main(["doctor", "--config", str(config)])
    finally:
        logsetup.reset()
    text = (tmp_path / "ventanilla.log").read_text(encoding="utf-8")
    assert "kiosk.cli: doctor failed" in text and "RuntimeError: doctor bug for account ******22" in text
    assert "doctor failed" not in capsys.readouterr().err  # the console gets Python's own traceback only
