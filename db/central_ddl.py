"""Central-only DDL the models cannot express: row_version stamping, tombstones, login functions, kiosk role.

The contract the sync engine relies on, whatever the central engine:

* every insert or update of a reference table (db.base.REFERENCE_TABLES) gives the row a `row_version`
  taken from one central counter, larger than every value handed out before;
* every delete of a reference row writes a tombstone `(row_version, table_name, row_pk as text, deleted_at)`
  with its own, new `row_version`.

PostgreSQL: one sequence `row_version_seq`; a BEFORE INSERT OR UPDATE trigger on each reference table sets
`NEW.row_version = nextval(...)` after taking the transaction's xid (`pg_current_xact_id()`, so the sync
engine's snapshot-horizon check sees every stamping transaction); an AFTER DELETE trigger writes the tombstone.

SQLite (the embedded demo): a one-row table `row_version_counter(id = 1, value)` holds the last value handed
out. AFTER INSERT (when the new row carries no version, i.e. 0 or NULL) and AFTER UPDATE (when the statement
did not set row_version itself) triggers bump the counter and stamp the row; AFTER DELETE writes the
tombstone. A row inserted or updated with an explicit, higher row_version moves the counter up to it, so
the counter never falls behind. SQLite serialises writers, so stamps are in commit order.

Bulk loaders (the seed command, imports) may stamp row_versions themselves, for speed:

* PostgreSQL: take a contiguous block with `reserve_row_versions(conn, n)` (it runs
  `SELECT setval('row_version_seq', nextval('row_version_seq') + n - 1)`; run it while no other writer
  stamps rows, e.g. in the loading transaction), then load with the triggers off:
  `SET LOCAL session_replication_role = replica` (superuser) or `ALTER TABLE t DISABLE TRIGGER USER`
  (table owner) and write the block's values into row_version. Without disabling them the triggers simply
  stamp every row (slower, same contract).
* SQLite: `reserve_row_versions(conn, n)` advances the counter by n and returns the block's first value;
  rows inserted with those (non-zero) values are kept as they are. `sqlite_next_row_version` /
  `sqlite_set_row_version` are the older two-step form of the same thing.

Deletes during a bulk load with triggers disabled leave no tombstones: loaders must not delete.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

# Reference tables and their (single-column) primary keys, as of the initial migration (c0001 installs exactly
# these, so it means the same forever); later revisions add theirs (REFERENCE_PKS is the current whole).
INITIAL_REFERENCE_PKS: Mapping[str, str] = {
    "branches": "id",
    "customers": "id",
    "plans": "id",
    "accounts": "id",
    "supplies": "id",
    "invoices": "id",
    "invoice_lines": "id",
    "payments": "id",
    "meter_readings": "id",
    "reading_windows": "id",
    "payment_agreements": "id",
    "agreement_instalments": "id",
    "claim_categories": "code",
    "case_statuses": "id",
    "faq_entries": "id",
    "staff": "id",
}
REFERENCE_PKS: Mapping[str, str] = {**INITIAL_REFERENCE_PKS, "kiosk_settings": "id"}  # c0007

SEQUENCE = "row_version_seq"
COUNTER = "row_version_counter"

# Functions the kiosk role may execute (signature as PostgreSQL names them).
LOGIN_FUNCTIONS = (
    "kiosk_login(bigint, text)",
    "kiosk_request_code(text, bigint, text, text)",
    "kiosk_confirm_code(text, text, text)",
)

CODE_VALID_MINUTES = 10
CODE_MAX_ATTEMPTS = 3
CODES_PER_HOUR = 5  # more requests for one account in an hour get no message (decoy challenge)
KIOSK_FAILURES_PER_WINDOW = 20  # failed logins of one per-kiosk role, all accounts, per lockout period


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(conn: Connection, sql: str) -> None:
    """Run parameterless DDL (psycopg treats a lone % as a placeholder: plpgsql's %ROWTYPE needs %%)."""
    conn.exec_driver_sql(sql.replace("%", "%%") if conn.dialect.name == "postgresql" else sql)


# -- row_version: PostgreSQL -------------------------------------------------------------------------------

_PG_FUNCTIONS = f"""
CREATE SEQUENCE IF NOT EXISTS {SEQUENCE};
CREATE OR REPLACE FUNCTION stamp_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  NEW.row_version := nextval('{SEQUENCE}');
  RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION write_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  INSERT INTO tombstones (row_version, table_name, row_pk, deleted_at)
  VALUES (nextval('{SEQUENCE}'), TG_TABLE_NAME, to_jsonb(OLD) ->> TG_ARGV[0], now());
  RETURN OLD;
END $$;
"""


def install_row_versioning_pg(conn: Connection, tables: Mapping[str, str] = REFERENCE_PKS) -> None:
    """Sequence, stamping and tombstone triggers on PostgreSQL (idempotent); continues after existing data."""
    _ddl(conn, _PG_FUNCTIONS)
    top = 0
    for table, pk in tables.items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS stamp_row_version ON {_q(table)}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS write_tombstone ON {_q(table)}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER stamp_row_version BEFORE INSERT OR UPDATE ON {_q(table)} "
            "FOR EACH ROW EXECUTE FUNCTION stamp_row_version()"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER write_tombstone AFTER DELETE ON {_q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION write_tombstone('{pk}')"
        )
        top = max(top, int(conn.exec_driver_sql(
            f"SELECT coalesce(max(row_version), 0) FROM {_q(table)}").scalar_one()))
    top = max(top, int(conn.exec_driver_sql("SELECT coalesce(max(row_version), 0) FROM tombstones").scalar_one()))
    if top:
        conn.exec_driver_sql(f"SELECT setval('{SEQUENCE}', greatest({top}, (SELECT last_value FROM {SEQUENCE})))")


def drop_row_version_triggers_pg(conn: Connection, tables: Mapping[str, str]) -> None:
    """Only the triggers of these tables (a later revision's downgrade: the functions and sequence stay)."""
    for table in tables:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS stamp_row_version ON {_q(table)}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS write_tombstone ON {_q(table)}")


def drop_row_versioning_pg(conn: Connection, tables: Mapping[str, str] = REFERENCE_PKS) -> None:
    for table in tables:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS stamp_row_version ON {_q(table)}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS write_tombstone ON {_q(table)}")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS stamp_row_version()")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS write_tombstone()")
    conn.exec_driver_sql(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")


# -- row_version: SQLite -----------------------------------------------------------------------------------

_NEXT = f"UPDATE {COUNTER} SET value = value + 1 WHERE id = 1;"
_CURRENT = f"(SELECT value FROM {COUNTER} WHERE id = 1)"


def _sqlite_triggers(table: str, pk: str) -> list[str]:
    t = _q(table)
    return [
        f"CREATE TRIGGER IF NOT EXISTS rv_ins_{table} AFTER INSERT ON {t} "
        f"WHEN NEW.row_version IS NULL OR NEW.row_version <= 0 BEGIN {_NEXT} "
        f"UPDATE {t} SET row_version = {_CURRENT} WHERE rowid = NEW.rowid; END",
        f"CREATE TRIGGER IF NOT EXISTS rv_ins_keep_{table} AFTER INSERT ON {t} "
        f"WHEN NEW.row_version > {_CURRENT} BEGIN "
        f"UPDATE {COUNTER} SET value = NEW.row_version WHERE id = 1; END",
        f"CREATE TRIGGER IF NOT EXISTS rv_upd_{table} AFTER UPDATE ON {t} "
        f"WHEN NEW.row_version IS OLD.row_version BEGIN {_NEXT} "
        f"UPDATE {t} SET row_version = {_CURRENT} WHERE rowid = NEW.rowid; END",
        f"CREATE TRIGGER IF NOT EXISTS rv_upd_keep_{table} AFTER UPDATE ON {t} "
        f"WHEN NEW.row_version IS NOT OLD.row_version AND NEW.row_version > {_CURRENT} BEGIN "
        f"UPDATE {COUNTER} SET value = NEW.row_version WHERE id = 1; END",
        f"CREATE TRIGGER IF NOT EXISTS rv_del_{table} AFTER DELETE ON {t} BEGIN {_NEXT} "
        f"INSERT INTO tombstones (row_version, table_name, row_pk, deleted_at) VALUES ({_CURRENT}, '{table}', "
        f"CAST(OLD.{_q(pk)} AS TEXT), strftime('%Y-%m-%d %H:%M:%f000', 'now')); END",
    ]


def install_row_versioning_sqlite(conn: Connection, tables: Mapping[str, str] = REFERENCE_PKS) -> None:
    """Counter table and stamping/tombstone triggers on a SQLite central (idempotent)."""
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {COUNTER} (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL)"
    )
    top = 0
    for table, pk in tables.items():
        for ddl in _sqlite_triggers(table, pk):
            conn.exec_driver_sql(ddl)
        top = max(top, int(conn.exec_driver_sql(
            f"SELECT coalesce(max(row_version), 0) FROM {_q(table)}").scalar_one()))
    top = max(top, int(conn.exec_driver_sql("SELECT coalesce(max(row_version), 0) FROM tombstones").scalar_one()))
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO {COUNTER} (id, value) VALUES (1, {top})")
    conn.exec_driver_sql(f"UPDATE {COUNTER} SET value = max(value, {top}) WHERE id = 1")


def drop_row_version_triggers_sqlite(conn: Connection, tables: Mapping[str, str]) -> None:
    """Only the triggers of these tables (a later revision's downgrade: the counter stays)."""
    for table in tables:
        for prefix in ("rv_ins_", "rv_ins_keep_", "rv_upd_", "rv_upd_keep_", "rv_del_"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {prefix}{table}")


def drop_row_versioning_sqlite(conn: Connection, tables: Mapping[str, str] = REFERENCE_PKS) -> None:
    for table in tables:
        for prefix in ("rv_ins_", "rv_ins_keep_", "rv_upd_", "rv_upd_keep_", "rv_del_"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {prefix}{table}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {COUNTER}")


# -- row_version: helpers for bulk loaders -----------------------------------------------------------------


def reserve_row_versions(conn: Connection, n: int) -> int:
    """Hand out a contiguous block of n row_versions; returns the first (the last is first + n - 1)."""
    if n < 1:
        raise ValueError("reserve at least one row_version")
    if conn.dialect.name == "postgresql":
        last = int(conn.execute(
            text(f"SELECT setval('{SEQUENCE}', nextval('{SEQUENCE}') + :n - 1)"), {"n": n}).scalar_one())
    else:
        conn.exec_driver_sql(f"UPDATE {COUNTER} SET value = value + ? WHERE id = 1", (n,))
        last = int(conn.exec_driver_sql(f"SELECT value FROM {COUNTER} WHERE id = 1").scalar_one())
    return last - n + 1


def current_row_version(conn: Connection) -> int:
    """The last row_version handed out (0 when none was)."""
    if conn.dialect.name == "postgresql":
        row = conn.exec_driver_sql(f"SELECT last_value, is_called FROM {SEQUENCE}").one()
        return int(row[0]) if row[1] else 0
    return int(conn.exec_driver_sql(f"SELECT value FROM {COUNTER} WHERE id = 1").scalar_one())


def sqlite_next_row_version(conn: Connection) -> int:
    """The value the next stamp would get (nothing is reserved: pair with sqlite_set_row_version)."""
    return current_row_version(conn) + 1


def sqlite_set_row_version(conn: Connection, last: int) -> None:
    """Record that row_versions up to `last` are taken (never moves the counter back)."""
    conn.exec_driver_sql(f"UPDATE {COUNTER} SET value = max(value, ?) WHERE id = 1", (int(last),))


# -- login and PIN functions: PostgreSQL -------------------------------------------------------------------


def _pg_search_path(conn: Connection) -> str:
    """The schema the tables live in plus pgcrypto's schema: SECURITY DEFINER functions must pin it."""
    schema = str(conn.exec_driver_sql("SELECT current_schema()").scalar_one())
    crypto = conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pgcrypto'"
    ).scalar_one_or_none()
    parts = [_q(schema)] + ([_q(str(crypto))] if crypto and crypto != schema else [])
    return ", ".join([*parts, "pg_temp"])


_PG_LOGIN = """
CREATE OR REPLACE FUNCTION kiosk_login(p_account bigint, p_pin text)
RETURNS TABLE (ok boolean, attempts_left integer, locked_seconds integer, first_name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $fn$
#variable_conflict use_column
DECLARE
  v_now timestamptz := clock_timestamp();
  v_max integer; v_lock integer; v_cost integer;
  v_hash text; v_failed integer; v_until timestamptz; v_has boolean;
  v_kiosk text := session_user; v_per_kiosk boolean := left(session_user, 6) = 'kiosk/';
  v_kstart timestamptz; v_kfail integer;
BEGIN
  SELECT p.max_attempts, p.lockout_seconds, p.bcrypt_cost INTO v_max, v_lock, v_cost
    FROM login_policy p WHERE p.id = 1;
  IF NOT FOUND THEN v_max := 5; v_lock := 900; v_cost := 10; END IF;
  -- One kiosk's failures across all accounts are capped per lockout period (per-kiosk roles).
  IF v_per_kiosk THEN
    SELECT f.window_start, f.failures INTO v_kstart, v_kfail FROM kiosk_login_failures f
      WHERE f.kiosk_role = v_kiosk;
    IF FOUND AND v_kfail >= {per_kiosk} AND v_kstart + make_interval(secs => v_lock) > v_now THEN
      RETURN QUERY SELECT false, 0,
        greatest(1, ceil(extract(epoch FROM v_kstart + make_interval(secs => v_lock) - v_now)))::integer,
        NULL::text;
      RETURN;
    END IF;
  END IF;
  -- Throttle rows of numbers without credentials are forgotten after a quiet, unlocked lockout period.
  DELETE FROM login_throttle t
    WHERE coalesce(t.locked_until, t.updated_at, '-infinity') < v_now - make_interval(secs => v_lock);
  SELECT c.pin_hash, c.failed_attempts, c.locked_until INTO v_hash, v_failed, v_until
    FROM credentials c WHERE c.account_id = p_account FOR UPDATE;
  v_has := FOUND;
  IF NOT v_has THEN
    INSERT INTO login_throttle (account_id, failed_attempts, locked_until, updated_at)
      VALUES (p_account, 0, NULL, v_now) ON CONFLICT (account_id) DO NOTHING;
    SELECT t.failed_attempts, t.locked_until INTO v_failed, v_until
      FROM login_throttle t WHERE t.account_id = p_account FOR UPDATE;
  END IF;
  v_now := clock_timestamp();  -- after the row lock: a caller that waited must not see a longer lockout
  IF v_until IS NOT NULL AND v_until > v_now THEN
    RETURN QUERY SELECT false, 0,
      least(v_lock, greatest(1, ceil(extract(epoch FROM v_until - v_now))))::integer, NULL::text;
    RETURN;
  END IF;
  IF v_until IS NOT NULL THEN v_failed := 0; END IF;
  IF v_has THEN
    IF v_hash = crypt(p_pin, v_hash) THEN
      UPDATE credentials SET failed_attempts = 0, locked_until = NULL, updated_at = v_now
        WHERE account_id = p_account;
      RETURN QUERY SELECT true, v_max, 0,
        (SELECT cu.first_name FROM accounts a JOIN customers cu ON cu.id = a.customer_id
          WHERE a.id = p_account)::text;
      RETURN;
    END IF;
  ELSE
    PERFORM crypt(p_pin, gen_salt('bf', v_cost));
  END IF;
  v_failed := v_failed + 1;
  v_until := CASE WHEN v_failed >= v_max THEN v_now + make_interval(secs => v_lock) END;
  IF v_has THEN
    UPDATE credentials SET failed_attempts = v_failed, locked_until = v_until WHERE account_id = p_account;
  ELSE
    UPDATE login_throttle SET failed_attempts = v_failed, locked_until = v_until, updated_at = v_now
      WHERE account_id = p_account;
  END IF;
  IF v_per_kiosk THEN
    INSERT INTO kiosk_login_failures AS f (kiosk_role, window_start, failures) VALUES (v_kiosk, v_now, 1)
      ON CONFLICT (kiosk_role) DO UPDATE SET
        window_start = CASE WHEN f.window_start + make_interval(secs => v_lock) <= v_now
                            THEN v_now ELSE f.window_start END,
        failures = CASE WHEN f.window_start + make_interval(secs => v_lock) <= v_now
                        THEN 1 ELSE f.failures + 1 END;
  END IF;
  IF v_until IS NOT NULL THEN
    RETURN QUERY SELECT false, 0, v_lock, NULL::text;
  ELSE
    RETURN QUERY SELECT false, v_max - v_failed, 0, NULL::text;
  END IF;
END $fn$;
"""

_PG_REQUEST = """
CREATE OR REPLACE FUNCTION kiosk_request_code(p_request text, p_account bigint, p_document text, p_channel text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $fn$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_code text; v_recipient text; v_match boolean; v_recent integer;
BEGIN
  PERFORM 1 FROM pin_challenges WHERE id = p_request;
  IF FOUND THEN RETURN; END IF;
  SELECT CASE WHEN p_channel = 'email' THEN cu.email ELSE cu.phone END INTO v_recipient
    FROM accounts a JOIN customers cu ON cu.id = a.customer_id
    WHERE a.id = p_account
      AND upper(regexp_replace(cu.document_number, '[^0-9A-Za-z]', '', 'g'))
        = upper(regexp_replace(p_document, '[^0-9A-Za-z]', '', 'g'));
  v_match := FOUND AND coalesce(v_recipient, '') <> '' AND p_channel IN ('sms', 'email');
  SELECT count(*) INTO v_recent FROM pin_challenges
    WHERE account_id = p_account AND expires_at > v_now - interval '1 hour' + interval '{valid} minutes';
  IF v_recent >= {per_hour} THEN v_match := false; END IF;
  v_code := lpad(((mod(('x' || encode(gen_random_bytes(4), 'hex'))::bit(32)::bigint, 1000000)))::text, 6, '0');
  INSERT INTO pin_challenges (id, account_id, code_hash, channel, expires_at, attempts, used_at)
  VALUES (p_request, p_account, CASE WHEN v_match THEN crypt(v_code, gen_salt('bf', 6)) ELSE '!' END,
          left(p_channel, 8), v_now + interval '{valid} minutes', 0, NULL);
  IF v_match THEN
    INSERT INTO outgoing_messages (id, account_id, channel, recipient, kind, body, created_at, sent_at)
    VALUES (p_request, p_account, p_channel, v_recipient, 'pin_code',
            'Su codigo de verificacion es ' || v_code || '. Vence en {valid} minutos.', v_now, NULL);
  END IF;
END $fn$;
"""

_PG_CONFIRM = """
CREATE OR REPLACE FUNCTION kiosk_confirm_code(p_request text, p_code text, p_new_pin text)
RETURNS TABLE (status text, attempts_left integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $fn$
#variable_conflict use_column
DECLARE
  v_now timestamptz := clock_timestamp();
  ch pin_challenges%ROWTYPE; v_cost integer; v_ok boolean := false;
BEGIN
  SELECT * INTO ch FROM pin_challenges WHERE id = p_request FOR UPDATE;
  v_now := clock_timestamp();
  IF ch.id IS NULL OR ch.used_at IS NOT NULL THEN
    RETURN QUERY SELECT 'expired'::text, 0; RETURN;
  END IF;
  IF ch.attempts >= {max_attempts} THEN
    RETURN QUERY SELECT 'blocked'::text, 0; RETURN;
  END IF;
  IF ch.expires_at <= v_now THEN
    RETURN QUERY SELECT 'expired'::text, 0; RETURN;
  END IF;
  IF ch.code_hash <> '!' THEN
    v_ok := ch.code_hash = crypt(p_code, ch.code_hash);
  END IF;
  IF v_ok THEN
    SELECT p.bcrypt_cost INTO v_cost FROM login_policy p WHERE p.id = 1;
    UPDATE pin_challenges SET used_at = v_now WHERE id = p_request;
    INSERT INTO credentials (account_id, pin_hash, failed_attempts, locked_until, updated_at)
    VALUES (ch.account_id, crypt(p_new_pin, gen_salt('bf', coalesce(v_cost, 10))), 0, NULL, v_now)
    ON CONFLICT (account_id) DO UPDATE
      SET pin_hash = EXCLUDED.pin_hash, failed_attempts = 0, locked_until = NULL, updated_at = v_now;
    DELETE FROM login_throttle WHERE account_id = ch.account_id;
    RETURN QUERY SELECT 'ok'::text, {max_attempts} - ch.attempts; RETURN;
  END IF;
  UPDATE pin_challenges SET attempts = attempts + 1 WHERE id = p_request;
  IF ch.attempts + 1 >= {max_attempts} THEN
    RETURN QUERY SELECT 'blocked'::text, 0;
  ELSE
    RETURN QUERY SELECT 'wrong_code'::text, {max_attempts} - ch.attempts - 1;
  END IF;
END $fn$;
"""

# A PIN request pushed from a kiosk that could not reach central at the time sends its code on arrival.
_PG_PIN_REQUEST_TRIGGER = """
CREATE OR REPLACE FUNCTION pin_request_arrived() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {path} AS $fn$
BEGIN
  PERFORM kiosk_request_code(NEW.id, NEW.account_id, NEW.document_number, NEW.channel);
  RETURN NEW;
END $fn$;
DROP TRIGGER IF EXISTS pin_request_arrived ON pin_requests;
CREATE TRIGGER pin_request_arrived AFTER INSERT ON pin_requests
  FOR EACH ROW EXECUTE FUNCTION pin_request_arrived();
"""


def install_login_functions_pg(conn: Connection) -> None:
    """pgcrypto, the SECURITY DEFINER login/PIN functions and the pin_requests trigger (idempotent)."""
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pgcrypto")
    values = {
        "path": _pg_search_path(conn), "valid": CODE_VALID_MINUTES, "per_hour": CODES_PER_HOUR,
        "max_attempts": CODE_MAX_ATTEMPTS, "per_kiosk": KIOSK_FAILURES_PER_WINDOW,
    }
    for template in (_PG_LOGIN, _PG_REQUEST, _PG_CONFIRM, _PG_PIN_REQUEST_TRIGGER):
        _ddl(conn, template.format(**values))
    for signature in (*LOGIN_FUNCTIONS, "pin_request_arrived()"):
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")


def drop_login_functions_pg(conn: Connection) -> None:
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS pin_request_arrived ON pin_requests")
    for signature in (*LOGIN_FUNCTIONS, "pin_request_arrived()"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {signature}")


def set_login_policy(conn: Connection, max_attempts: int | None = None, lockout_seconds: int | None = None,
                     bcrypt_cost: int | None = None) -> None:
    """Set the central login policy (only the values given change)."""
    conn.execute(text(
        "UPDATE login_policy SET max_attempts = coalesce(:m, max_attempts), "
        "lockout_seconds = coalesce(:l, lockout_seconds), bcrypt_cost = coalesce(:c, bcrypt_cost) WHERE id = 1"
    ), {"m": max_attempts, "l": lockout_seconds, "c": bcrypt_cost})


# -- what a kiosk may read of personal data (PostgreSQL) ---------------------------------------------------

# ASCII whitespace, as kiosk.masking.words splits on it (a regex class; btrim takes the characters themselves).
_WS_CLASS = r"[ \t\n\r\f\v]+"
_WS_CHARS = "' ' || chr(9) || chr(10) || chr(13) || chr(12) || chr(11)"

# Central table -> the view a kiosk reads instead. The view has exactly the replica's columns, computed with the
# rules of kiosk.masking restated in SQL (tests/db/test_kiosk_views.py compares both on generated names).
# Only built-in pg_catalog functions: a view's caller needs EXECUTE on every function it calls.
# kiosk_staff: a per-kiosk role (KIOSK_ROLE_PREFIX) sees only the staff of its own branch (and fleet-wide staff,
# branch_id NULL); any other reader (the admin, a shared legacy kiosk role) sees every row.
# kiosk_own_settings: a per-kiosk role sees only the remote settings that apply to it (fleet, its branch, itself).
KIOSK_VIEWS: Mapping[str, str] = {
    "customers": "kiosk_customers", "staff": "kiosk_staff", "kiosk_settings": "kiosk_own_settings"}

_PG_VIEWS = f"""
CREATE OR REPLACE VIEW kiosk_customers AS
SELECT c.id,
  coalesce((SELECT w FROM regexp_split_to_table(coalesce(c.first_name, ''), '{_WS_CLASS}') WITH ORDINALITY
            AS t(w, n) WHERE w <> '' ORDER BY n LIMIT 1), '')::varchar(80) AS first_name,
  coalesce((SELECT string_agg(left(w, 1) || repeat('*', length(w) - 1), ' ' ORDER BY n)
            FROM regexp_split_to_table(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''),
                                       '{_WS_CLASS}') WITH ORDINALITY AS t(w, n)
            WHERE w <> ''), '')::varchar(120) AS name_masked,
  (CASE WHEN x.d = '' THEN '' WHEN length(x.d) <= 4 THEN '******'
        ELSE '******' || right(x.d, 4) END)::varchar(32) AS phone_masked,
  (CASE WHEN x.e = '' THEN ''
        WHEN position('@' IN x.e) = 0 THEN left(x.e, 1) || repeat('*', length(x.e) - 1)
        ELSE left(regexp_replace(x.e, '@[^@]*$', ''), 1) || '***@' || regexp_replace(x.e, '^.*@', '')
   END)::varchar(120) AS email_masked,
  c.consent_messages, c.e_invoice, c.row_version
FROM customers c
CROSS JOIN LATERAL (SELECT regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g') AS d,
                           btrim(coalesce(c.email, ''), {_WS_CHARS}) AS e) x;
"""

_STAFF_VIEW = """
CREATE OR REPLACE VIEW kiosk_staff AS
SELECT s.id, s.branch_id, s.name, s.pin_hash, s.role, s.active, s.row_version{badge} FROM staff s
WHERE left(current_user, 6) <> 'kiosk/' OR s.branch_id IS NULL OR s.branch_id = split_part(current_user, '/', 2);
"""


def install_kiosk_views_pg(conn: Connection, *, staff_badge: bool = True) -> None:
    """The masked views a kiosk reads personal data through (idempotent).

    staff_badge=False is kiosk_staff as revision c0002 made it (before staff.badge_hash, c0006): old revisions
    install it, so they mean the same forever. The badge column comes last, so CREATE OR REPLACE can add it
    (and the grants on the view stay).
    """
    conn.exec_driver_sql(_PG_VIEWS + _STAFF_VIEW.format(badge=", s.badge_hash" if staff_badge else ""))


def install_staff_view_pg(conn: Connection, *, staff_badge: bool = True) -> None:
    """kiosk_staff alone; without the badge it is dropped first (a view cannot lose a column in place), so
    the kiosk grants on it must be given again (`central init`)."""
    if not staff_badge:
        conn.exec_driver_sql("DROP VIEW IF EXISTS kiosk_staff")
    conn.exec_driver_sql(_STAFF_VIEW.format(badge=", s.badge_hash" if staff_badge else ""))


_SETTINGS_VIEW = """
CREATE OR REPLACE VIEW kiosk_own_settings AS
SELECT s.id, s.scope, s.scope_id, s.key, s.value, s.updated_at, s.row_version FROM kiosk_settings s
WHERE left(current_user, 6) <> 'kiosk/' OR s.scope = 'fleet'
   OR (s.scope = 'branch' AND s.scope_id = split_part(current_user, '/', 2))
   OR (s.scope = 'kiosk' AND s.scope_id = substr(current_user, 7));
"""


def install_settings_view_pg(conn: Connection) -> None:
    """kiosk_own_settings (revision c0007), readable by the kiosk group when it exists already (`central init`
    grants it to new groups through KIOSK_VIEWS)."""
    conn.exec_driver_sql(_SETTINGS_VIEW)
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": KIOSK_GROUP}).first() is not None:
        conn.exec_driver_sql(f"GRANT SELECT ON kiosk_own_settings TO {_q(KIOSK_GROUP)}")


def drop_settings_view_pg(conn: Connection) -> None:
    conn.exec_driver_sql("DROP VIEW IF EXISTS kiosk_own_settings")


def drop_kiosk_views_pg(conn: Connection) -> None:
    for view in KIOSK_VIEWS.values():
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {_q(view)}")


def _function_schemas(conn: Connection) -> list[str]:
    """The schemas our functions and pgcrypto's live in (pg_catalog's built-ins stay public)."""
    schema = str(conn.exec_driver_sql("SELECT current_schema()").scalar_one())
    crypto = conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pgcrypto'"
    ).scalar_one_or_none()
    return [schema] + ([str(crypto)] if crypto and crypto != schema else [])


def revoke_public_functions_pg(conn: Connection) -> None:
    """No function in our schemas (pgcrypto's included) is executable by PUBLIC, now or when created later.

    PostgreSQL grants EXECUTE to PUBLIC on every new function: a kiosk could call crypt(), gen_random_bytes()
    or a trigger function. Default privileges cover functions created later by the role running this.
    """
    for schema in _function_schemas(conn):
        conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {_q(schema)} FROM PUBLIC")
        conn.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {_q(schema)} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")
    conn.exec_driver_sql("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")


# -- each kiosk is someone: one login role per kiosk (PostgreSQL) ------------------------------------------

KIOSK_GROUP = "ventanilla_kiosk"  # NOLOGIN group role holding the kiosk grants; per-kiosk roles are members
KIOSK_ROLE_PREFIX = "kiosk/"


def kiosk_role_name(branch: str, kiosk: str) -> str:
    """The login role of one kiosk, "kiosk/<branch>/<kiosk id>": the row-level policies read the identity back
    from current_user, so it is spelled exactly (case kept, quoted) and ids may not hold a '/'."""
    for what, value in (("branch", branch), ("kiosk id", kiosk)):
        if not value or "/" in value or len(value) > 16:
            raise ValueError(f"{what} {value!r}: 1 to 16 characters, no '/'")
    return f"{KIOSK_ROLE_PREFIX}{branch}/{kiosk}"


# Row-level security: a per-kiosk role writes (and reads) only its own heartbeat and intake rows. Other roles
# the policy does not restrict (the table owner bypasses RLS anyway; a shared kiosk role can no longer log in).
_NOT_A_KIOSK = f"left(current_user, {len(KIOSK_ROLE_PREFIX)}) <> '{KIOSK_ROLE_PREFIX}'"
_OWN_KIOSK = f"({_NOT_A_KIOSK} OR current_user = '{KIOSK_ROLE_PREFIX}' || branch_id || '/' || kiosk_id)"


def _rls(intake_branch: bool = True) -> dict[str, str]:
    """Table -> the policy's condition: the row's (branch_id, kiosk_id) is the session's kiosk role.

    intake_branch=False is the policy of revision c0003, before intake rows carried a branch (kiosk id only):
    old revisions install it, so they mean the same forever.
    """
    own_intake = _OWN_KIOSK if intake_branch else f"({_NOT_A_KIOSK} OR split_part(current_user, '/', 3) = kiosk_id)"
    return {"heartbeats": _OWN_KIOSK, **dict.fromkeys(INTAKE_GRANT_TABLES, own_intake)}


def install_kiosk_policies_pg(conn: Connection, *, intake_branch: bool = True) -> None:
    """Row-level security on heartbeats and intake tables keyed by the session's kiosk role (idempotent)."""
    for table, cond in _rls(intake_branch).items():
        conn.exec_driver_sql(f"ALTER TABLE {_q(table)} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS own_rows ON {_q(table)}")
        conn.exec_driver_sql(f"CREATE POLICY own_rows ON {_q(table)} USING {cond} WITH CHECK {cond}")


def drop_kiosk_policies_pg(conn: Connection) -> None:
    for table in _rls():
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS own_rows ON {_q(table)}")
        conn.exec_driver_sql(f"ALTER TABLE {_q(table)} DISABLE ROW LEVEL SECURITY")


def create_kiosk_login(conn: Connection, branch: str, kiosk: str, password: str) -> str:
    """Create (or re-enable with a new password) one kiosk's login role, a member of KIOSK_GROUP.

    The group gets the least-privilege grants (grant_kiosk_role); the kiosk's role holds nothing of its own,
    so revoking it (revoke_kiosk_login) touches no other kiosk. Returns the role name.
    """
    role = kiosk_role_name(branch, kiosk)
    grant_kiosk_role(conn, KIOSK_GROUP, None, login=False)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None
    options = ("LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
               f"PASSWORD {_literal(password)}")
    conn.exec_driver_sql(f"{'ALTER' if exists else 'CREATE'} ROLE {_q(role)} {options}")
    conn.exec_driver_sql(f"GRANT {_q(KIOSK_GROUP)} TO {_q(role)}")
    return role


def revoke_kiosk_login(conn: Connection, branch: str, kiosk: str) -> bool:
    """Stop one kiosk: its role can no longer log in and its sessions end. False when it had no role."""
    role = kiosk_role_name(branch, kiosk)
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is None:
        return False
    conn.exec_driver_sql(f"ALTER ROLE {_q(role)} NOLOGIN PASSWORD NULL")
    conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"), {"r": role})
    return True


# -- the kiosk role (PostgreSQL) ---------------------------------------------------------------------------

INTAKE_GRANT_TABLES = (
    "claims", "reading_submissions", "service_requests", "contact_change_requests", "pin_requests", "print_log",
    "audit_events",
)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def grant_kiosk_role(conn: Connection, role: str, password: str | None, *, login: bool = False) -> None:
    """Create or update a role holding the kiosk grants (PostgreSQL; idempotent): NOLOGIN unless login=True,
    since per-kiosk roles (create_kiosk_login) are the only kiosk logins and one shared login could pass for any.

    SELECT on reference tables (personal data only through KIOSK_VIEWS, never the base table), tombstones and
    alembic_version; INSERT on intake tables plus SELECT on their
    (id, kiosk_id) so a kiosk can see which of its rows arrived; upsert of heartbeats; EXECUTE on the login
    functions. Nothing else: no credentials, no challenges, no UPDATE or DELETE outside heartbeats.
    """
    from db.base import REFERENCE_TABLES

    r = _q(role)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None
    verb = "ALTER" if exists else "CREATE"
    options = "LOGIN" if login else "NOLOGIN"
    options += " NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS"
    if password is not None:
        options += f" PASSWORD {_literal(password)}"
    conn.exec_driver_sql(f"{verb} ROLE {r} {options}")
    schema = _q(str(conn.exec_driver_sql("SELECT current_schema()").scalar_one()))
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {r}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {r}")
    for fschema in _function_schemas(conn):
        conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {_q(fschema)} FROM {r}")
    for table in INTAKE_GRANT_TABLES:  # column privileges are not covered by "ALL TABLES"
        conn.exec_driver_sql(f"REVOKE ALL (id, kiosk_id) ON {_q(table)} FROM {r}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {r}")
    readable = [KIOSK_VIEWS.get(t, t) for t in REFERENCE_TABLES] + ["tombstones", "alembic_version"]
    conn.exec_driver_sql(f"GRANT SELECT ON {', '.join(_q(t) for t in readable)} TO {r}")
    for table in INTAKE_GRANT_TABLES:
        conn.exec_driver_sql(f"GRANT INSERT, SELECT (id, kiosk_id) ON {_q(table)} TO {r}")
    # ON CONFLICT DO UPDATE SET x = EXCLUDED.x needs SELECT on the columns it sets.
    conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE ON heartbeats TO {r}")
    for signature in LOGIN_FUNCTIONS:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {r}")
