"""CSV import from a billing system: validation with line numbers, batched idempotent upserts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import central_engine
from kiosk.central.importer import ImportFileError, import_csv
from kiosk.central.seed import seed_database
from kiosk.cli import main
from kiosk.payments.reference import make_reference

TODAY = date(2026, 11, 25)
ACC = 880001  # accounts made by these tests (the seed uses 1001..)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text.strip() + "\n", encoding=encoding)
    return path


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    target = request.getfixturevalue("pg_url") if request.param == "pg" else f"sqlite:///{tmp_path / 'c.db'}"
    seed_database(target, accounts=3, seed=1, profile="coop-ar", today=TODAY)
    return str(target)


def feed(tmp_path: Path) -> list[tuple[str, Path, int]]:
    """One consistent set of files for a new customer with one account, supply, invoice, payment, reading."""
    ref1, ref2 = make_reference(ACC, 9000001), make_reference(ACC, 9000002)
    files = [
        ("customers", "id,first_name,last_name,document_type,document_number,phone,email,consent_messages\n"
         "770001,María José,Fernández,DNI,28123456,+54 9 3571 40-1111,mj@example.com,true\n"
         "770002,Pedro,Ruiz,DNI,30999888,,,false", 2),
        ("accounts", "id,customer_id,kind,status,currency,branch_id\n"
         f"{ACC},770001,postpaid,active,ARS,ALM\n{ACC + 1},770002,postpaid,active,ARS,", 2),
        ("supplies", "id,account_id,service,address,meter_number,meter_digits,route\n"
         f"9900001,{ACC},electricity,\"Belgrano 123, Almafuerte\",5551234,5,R03\n"
         f"9900002,{ACC + 1},water,\"Sarmiento 45, Almafuerte\",7771234,4,R03", 2),
        ("invoices", "id,number,account_id,supply_id,service,period,issue_date,first_due_date,second_due_date,"
         "total,second_total,taxes,status,payment_reference,paid_on\n"
         f"9000001,0021-09000001,{ACC},9900001,electricity,2026-09,2026-10-05,2026-10-20,2026-10-30,"
         f"12100.00,12463.00,2100.00,paid,{ref1},2026-10-18\n"
         f"9000002,0021-09000002,{ACC},9900001,electricity,2026-10,2026-11-05,2026-11-20,2026-11-30,"
         f"14520.00,14955.60,2520.00,overdue,{ref2},", 2),
        ("invoice_lines", "id,invoice_id,line_no,description,quantity,unit_price,amount,is_tax\n"
         "90000010,9000001,1,Energía consumida,100,100.00,10000.00,false\n"
         "90000011,9000001,2,IVA 21%,,,2100.00,true\n"
         "90000020,9000002,1,Energía consumida,120,100.00,12000.00,false\n"
         "90000021,9000002,2,IVA 21%,,,2520.00,true", 4),
        ("payments", "id,account_id,invoice_id,paid_on,amount,kind,channel\n"
         f"9000001,{ACC},9000001,2026-10-18,12100.00,payment,Rapipago", 1),
        ("meter_readings", "id,supply_id,period,read_on,value,kind,consumption\n"
         "9000001,9900001,2026-09,2026-10-01,1200,real,100\n"
         "9000002,9900001,2026-10,2026-11-01,1320,estimated,120", 2),
    ]
    return [(table, write(tmp_path, f"{table}.csv", text), n) for table, text, n in files]


def versions(url: str, table: str) -> dict[object, int]:
    engine = central_engine(url)
    with engine.connect() as conn:
        result = {r[0]: int(r[1]) for r in conn.execute(sa.text(f"SELECT id, row_version FROM {table}"))}
    engine.dispose()
    return result


def scalar(url: str, sql: str) -> object:
    engine = central_engine(url)
    with engine.connect() as conn:
        value = conn.execute(sa.text(sql)).scalar()
    engine.dispose()
    return value


def test_feed_then_same_feed_changes_nothing(url: str, tmp_path: Path) -> None:
    files = feed(tmp_path)
    for table, path, n in files:
        report = import_csv(url, table, path)
        assert (report.read, report.inserted, report.updated, report.unchanged) == (n, n, 0, 0), report.rejected
        assert report.ok
    before = {table: versions(url, table) for table, _p, _n in files}
    assert all(v > 0 for table in before.values() for v in table.values())
    for table, path, n in files:
        report = import_csv(url, table, path)
        assert (report.inserted, report.updated, report.unchanged, len(report.rejected)) == (0, 0, n, 0)
    assert {table: versions(url, table) for table, _p, _n in files} == before
    assert scalar(url, "SELECT total FROM invoices WHERE id = 9000002") in (Decimal("14520.00"), 1452000)


def test_a_changed_row_is_updated_and_restamped(url: str, tmp_path: Path) -> None:
    files = dict((t, p) for t, p, _n in feed(tmp_path))
    for table in ("customers", "accounts", "supplies", "invoices"):
        assert import_csv(url, table, files[table]).ok
    old = versions(url, "invoices")
    text = files["invoices"].read_text().replace(",overdue,", ",pending,")
    report = import_csv(url, "invoices", write(tmp_path, "changed.csv", text))
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    new = versions(url, "invoices")
    assert new[9000002] > old[9000002] and new[9000001] == old[9000001]
    assert scalar(url, "SELECT status FROM invoices WHERE id = 9000002") == "pending"


def test_bad_rows_are_reported_with_line_and_reason(url: str, tmp_path: Path) -> None:
    files = dict((t, p) for t, p, _n in feed(tmp_path))
    for table in ("customers", "accounts", "supplies"):
        assert import_csv(url, table, files[table]).ok
    good = make_reference(ACC, 9100001)
    taken = str(scalar(url, "SELECT payment_reference FROM invoices ORDER BY id LIMIT 1"))
    head = ("id,number,account_id,supply_id,service,period,issue_date,first_due_date,second_due_date,total,"
            "second_total,taxes,status,payment_reference,paid_on\n")

    def inv(i: int, **change: str) -> str:
        row = {"id": str(i), "number": f"0021-0{i}", "account_id": str(ACC), "supply_id": "9900001",
               "service": "electricity", "period": "2026-10", "issue_date": "2026-11-05",
               "first_due_date": "2026-11-20", "second_due_date": "2026-11-30", "total": "100.00",
               "second_total": "103.00", "taxes": "17.36", "status": "pending",
               "payment_reference": make_reference(ACC, i), "paid_on": ""}
        row.update(change)
        return ",".join(row.values())

    lines = [
        inv(9100001, payment_reference=good),                       # line 2: good
        inv(9100002, total="12.345"),                               # 3
        inv(9100003, status="late"),                                # 4
        inv(9100004, issue_date="2026-13-01"),                      # 5
        inv(9100005, account_id="123"),                             # 6
        inv(9100001, number="0021-X"),                              # 7: duplicate id
        inv(9100007, payment_reference="123456789012345678"),       # 8
        inv(9100008, payment_reference=taken),                      # 9
        inv(9100009, status="paid"),                                # 10
        inv(9100010, period="2026-14"),                             # 11
        inv(9100011, first_due_date="2026-11-01"),                  # 12
        "9100012,0021-1,1",                                         # 13
        inv(9100013, service="gas"),                                # 14
        inv(9100014, total=""),                                     # 15
        inv(9100015, supply_id="424242"),                           # 16
        inv(9100016),                                               # 17: good
    ]
    path = write(tmp_path, "bad.csv", head + "\n".join(lines))
    report = import_csv(url, "invoices", path, batch_size=4)
    reasons = {r.line: r.reason for r in report.rejected}
    assert sorted(reasons) == list(range(3, 17))
    assert "more than 2 decimals" in reasons[3]
    assert "status: 'late' is not one of overdue, paid, pending" in reasons[4]
    assert "issue_date" in reasons[5] and "not a date" in reasons[5]
    assert reasons[6] == "account_id: accounts 123 does not exist"
    assert reasons[7] == "id 9100001 appears twice (first on line 2)"
    assert "valid check digit" in reasons[8]
    assert "payment_reference" in reasons[9] and "already belongs to id" in reasons[9]
    assert reasons[10] == "status is paid but paid_on is empty"
    assert "not YYYY-MM" in reasons[11]
    assert reasons[12] == "first_due_date is before issue_date"
    assert "3 fields, the header has 15" in reasons[13]
    assert "service: 'gas'" in reasons[14]
    assert reasons[15] == "total: required"
    assert reasons[16] == "supply_id: supplies 424242 does not exist"
    assert (report.read, report.inserted) == (16, 2)
    assert scalar(url, "SELECT count(*) FROM invoices WHERE id IN (9100001, 9100016)") == 2


def test_cli_exit_codes_and_summary(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "c.csv", "id,first_name,last_name,document_number\n770010,Ana,Paz,1\nx,Ana,Paz,2")
    assert main(["central", "import", "--url", url, "--table", "customers", str(path)]) == 1
    captured = capsys.readouterr()
    assert "customers: read 2, inserted 1, updated 0, unchanged 0, rejected 1" in captured.out
    assert f"{path}:3: id: 'x' is not a whole number" in captured.err
    good = write(tmp_path, "g.csv", "id,first_name,last_name,document_number\n770010,Ana,Paz,1")
    assert main(["central", "import", "--url", url, "--table", "customers", str(good)]) == 0
    assert "unchanged 1" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("id,first_name,last_name,document_number,shoe_size", "unknown column 'shoe_size'"),
        ("id,first_name,last_name,document_number,row_version", "'row_version' is set by the central database"),
        ("id,first_name,document_number", "required column 'last_name' is missing"),
        ("id,first_name,first_name,last_name,document_number", "'first_name' appears twice"),
    ],
)
def test_bad_header_is_one_clear_error(tmp_path: Path, header: str, message: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    path = write(tmp_path, "h.csv", header + "\n1,a,b,c,d")
    with pytest.raises(ImportFileError, match=message):
        import_csv(url, "customers", path)
    assert main(["central", "import", "--url", url, "--table", "customers", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_missing_file_and_unknown_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["central", "import", "--url", url, "--table", "customers", str(tmp_path / "no.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(ImportFileError, match="table 'credentials' cannot be imported"):
        import_csv(url, "credentials", write(tmp_path, "x.csv", "account_id,pin_hash\n1,x"))


def test_spreadsheet_export_semicolons_commas_and_cp1252(url: str, tmp_path: Path) -> None:
    files = dict((t, p) for t, p, _n in feed(tmp_path))
    for table in ("customers", "accounts"):
        assert import_csv(url, table, files[table]).ok
    text = (
        "id;account_id;paid_on;amount;kind;channel\n"
        f"9200001;{ACC};18/10/2026;1234,50;payment;Caja cooperativa Almafuerte Nº 2\n"
        f"9200002;{ACC};2026-10-19;-50;adjustment;Bonificación\n"
        f"9200003;{ACC};19/10/2026;1.234,50;payment;Rapipago"
    )
    path = write(tmp_path, "pay.csv", text, encoding="cp1252")
    wrong = import_csv(url, "payments", path)  # UTF-8 by default: each row with a cp1252 byte is refused
    assert wrong.inserted == 0 and [r.line for r in wrong.rejected] == [2, 3, 4]
    assert all("try --encoding cp1252" in r.reason for r in wrong.rejected[:2]), wrong.rejected
    report = import_csv(url, "payments", path, encoding="cp1252", batch_size=1)
    assert report.inserted == 2 and [r.line for r in report.rejected] == [4]
    assert "no thousands separators" in report.rejected[0].reason
    assert scalar(url, "SELECT channel FROM payments WHERE id = 9200002") == "Bonificación"
    assert scalar(url, "SELECT paid_on FROM payments WHERE id = 9200001") in (date(2026, 10, 18), "2026-10-18")
