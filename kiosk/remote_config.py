"""Remote configuration: the kiosk's effective settings from its file and central's kiosk_settings rows.

IT sets a whitelisted key at three levels (`python -m kiosk central config set --fleet | --branch B | --kiosk B/K`);
the rows reach the replica with the reference data (table kiosk_settings) and this module computes what applies:
file < fleet < branch < kiosk. Each remote value is validated with the same pydantic section models as the file
(kiosk.config), so a value the file would refuse is refused here too. Everything only the device knows (ids, the
central URL, secrets, paths, device commands) stays in the file: such keys are refused with a reason, as is any
value that does not validate. A refused value never applies: the value applied before stays (or, when there was
none, the next lower level's), and the reason is kept (kiosk_state, REJECTED_KEY) for the heartbeat.

Two keys are not file settings but the maintenance out-of-service flag and its message (kiosk_state keys of
kiosk.sync.heartbeat): a remote value sets them when it changes, so staff can still switch the flag at the kiosk in
between. `ui.form_of_address` applies only when the branding profile allows it (the screens are written in one
form: today only the profile's own form passes).

The UI applies a new effective configuration at the next idle moment (ui.main_window.apply_remote_config); this
module never imports Qt.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.models import KioskState, LocalKioskSetting
from kiosk.config import Config

log = logging.getLogger(__name__)

FILE = "file"
SCOPES = ("fleet", "branch", "kiosk")  # lowest precedence first
OUT_OF_SERVICE = "maintenance.out_of_service"
SERVICE_MESSAGE = "maintenance.service_message"
SERVICE_MESSAGE_MAX = 200
FORM_OF_ADDRESS = "ui.form_of_address"

# Keys IT may set remotely: "section.name" of kiosk.config.Config, plus the three special keys above.
CONFIG_KEYS: tuple[str, ...] = (
    "ui.idle_timeout", "ui.banner_message", "printer.paper", "printer.roll_length_m", "logging.level",
    "central.sync_interval",
)
REMOTE_KEYS: tuple[str, ...] = (*CONFIG_KEYS, OUT_OF_SERVICE, SERVICE_MESSAGE, FORM_OF_ADDRESS)

# kiosk_state keys: the last applied {key: [value, source]} and the refused {key: reason} (the heartbeat's).
APPLIED_KEY = "remote_config.applied"
REJECTED_KEY = "remote_config.rejected"


class RemoteValueError(ValueError):
    """A remote value or key the kiosk refuses; the message is the reason reported to central."""


def refusal(key: str) -> str | None:
    """Why `key` cannot be set remotely, or None when it can."""
    if key in REMOTE_KEYS:
        return None
    section, _, name = key.partition(".")
    fields = Config.model_fields
    if section in fields and section != "source":
        model = fields[section].annotation
        if isinstance(model, type) and issubclass(model, BaseModel) and name in model.model_fields:
            return f"{key}: only the kiosk's file sets it (device setting)"
    return f"{key}: unknown key (remotely settable: {', '.join(REMOTE_KEYS)})"


def validate(config: Config, key: str, value: Any, *, form_of_address: str | None = None) -> Any:
    """The value as the kiosk would apply it, validated with the file's models; RemoteValueError otherwise.

    Args:
        config: the kiosk's file configuration (the other keys of the section come from it).
        key: "section.name".
        value: the decoded JSON value.
        form_of_address: the branding profile's form; None: not checked (central, which has no profile).
    """
    reason = refusal(key)
    if reason:
        raise RemoteValueError(reason)
    if key == OUT_OF_SERVICE:
        if not isinstance(value, bool):
            raise RemoteValueError(f"{key}: must be true or false")
        return value
    if key == SERVICE_MESSAGE:
        if not isinstance(value, str) or len(value.strip()) > SERVICE_MESSAGE_MAX:
            raise RemoteValueError(f"{key}: must be text of at most {SERVICE_MESSAGE_MAX} characters")
        return value.strip()
    if key == FORM_OF_ADDRESS:
        from kiosk.branding import SCREEN_FORMS
        from kiosk.domain.address import FormOfAddress

        try:
            form = FormOfAddress(value) if isinstance(value, str) else None
        except ValueError:
            form = None
        if form is None:
            raise RemoteValueError(f"{key}: must be one of {', '.join(f.value for f in FormOfAddress)}")
        if form not in SCREEN_FORMS or (form_of_address is not None and form.value != form_of_address):
            raise RemoteValueError(f"{key}: the branding profile does not allow {form.value!r} (it speaks "
                                   f"{form_of_address or ', '.join(f.value for f in SCREEN_FORMS)})")
        return form.value
    section, name = key.split(".", 1)
    current = getattr(config, section)
    data = {**current.model_dump(by_alias=True), name: value}
    try:
        return getattr(type(current).model_validate(data), name)
    except ValidationError as exc:
        first = exc.errors()[0]
        msg = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        raise RemoteValueError(f"{key}: {msg}") from None


def file_value(config: Config, key: str, form_of_address: str | None = None) -> Any:
    """What the file (or the kiosk's own state, for the flag) says for `key` before any remote level."""
    if key in (OUT_OF_SERVICE, SERVICE_MESSAGE):
        return None  # the flag is kiosk state, not configuration: no file value
    if key == FORM_OF_ADDRESS:
        return form_of_address
    section, name = key.split(".", 1)
    return getattr(getattr(config, section), name)


@dataclass(frozen=True)
class SettingRow:
    """One kiosk_settings row as the kiosk sees it."""

    scope: str
    scope_id: str
    key: str
    value: str  # JSON text


def applies_to(row: SettingRow, branch: str, kiosk: str) -> bool:
    """Fleet rows, this branch's rows and this kiosk's ("<branch>/<kiosk>") apply; nothing else."""
    return (row.scope == "fleet" or (row.scope == "branch" and row.scope_id == branch)
            or (row.scope == "kiosk" and row.scope_id == f"{branch}/{kiosk}"))


@dataclass(frozen=True)
class Effective:
    """The configuration in effect: the Config to run with, each remote key's (value, source), refusals."""

    config: Config
    values: dict[str, tuple[Any, str]]
    rejected: dict[str, str] = field(default_factory=dict)

    @property
    def out_of_service(self) -> tuple[bool, str] | None:
        """(on, message) when a remote level sets the flag; None when none does (staff decide at the kiosk)."""
        on, source = self.values.get(OUT_OF_SERVICE, (None, FILE))
        if source == FILE or on is None:
            return None
        message = self.values.get(SERVICE_MESSAGE, ("", FILE))[0] or ""
        return bool(on), str(message) if on else ""


def compute(config: Config, rows: Iterable[SettingRow], previous: Mapping[str, tuple[Any, str]] | None = None,
            *, form_of_address: str | None = None) -> Effective:
    """file < fleet < branch < kiosk, per key; a refused value keeps the previously applied one.

    Args:
        config: the file configuration.
        rows: the replica's kiosk_settings rows (those not applying to this kiosk are ignored).
        previous: the last applied {key: (value, source)} (kept when the winning value is refused).
        form_of_address: the branding profile's form of address.
    """
    branch, kiosk = config.kiosk.branch, config.kiosk.id
    mine = sorted((r for r in rows if applies_to(r, branch, kiosk)), key=lambda r: SCOPES.index(r.scope))
    values: dict[str, tuple[Any, str]] = {
        k: (file_value(config, k, form_of_address), FILE) for k in REMOTE_KEYS}
    rejected: dict[str, str] = {}
    top: dict[str, str] = {}  # key -> the highest level that sets it
    for row in mine:
        top[row.key] = row.scope
    for row in mine:
        try:
            try:
                decoded = json.loads(row.value)
            except ValueError:
                raise RemoteValueError(f"{row.key}: not JSON: {row.value[:40]!r}") from None
            values[row.key] = (validate(config, row.key, decoded, form_of_address=form_of_address), row.scope)
            rejected.pop(row.key, None)  # a higher level fixed what a lower one got wrong
        except RemoteValueError as exc:
            rejected[row.key] = f"{row.scope}: {exc}"
            if previous and row.key in previous and top.get(row.key) == row.scope:
                values[row.key] = previous[row.key]  # the value applied before stays
    updates: dict[str, dict[str, Any]] = {}
    for key in CONFIG_KEYS:
        section, name = key.split(".", 1)
        updates.setdefault(section, {})[name] = values[key][0]
    new = config.model_copy(update={
        section: getattr(config, section).model_copy(update=changes) for section, changes in updates.items()})
    return Effective(new, {k: v for k, v in values.items() if k in REMOTE_KEYS}, rejected)


# -- the replica side -----------------------------------------------------------------------------------------


def read_rows(conn: Connection) -> list[SettingRow]:
    return [SettingRow(r.scope, r.scope_id, r.key, r.value) for r in conn.execute(
        select(LocalKioskSetting.scope, LocalKioskSetting.scope_id, LocalKioskSetting.key, LocalKioskSetting.value))]


def _state(conn: Connection, key: str) -> Any:
    raw = conn.execute(select(KioskState.value).where(KioskState.key == key)).scalar()
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _put(conn: Connection, key: str, value: str) -> None:
    stmt = sqlite_insert(KioskState).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def rejected(conn: Connection) -> dict[str, str]:
    """The refused remote settings {key: reason} of the last refresh (the heartbeat's settings_rejected)."""
    got = _state(conn, REJECTED_KEY)
    return {str(k): str(v) for k, v in got.items()} if isinstance(got, dict) else {}


def previous(conn: Connection) -> dict[str, tuple[Any, str]]:
    got = _state(conn, APPLIED_KEY)
    if not isinstance(got, dict):
        return {}
    return {str(k): (v[0], str(v[1])) for k, v in got.items() if isinstance(v, list) and len(v) == 2}


def refresh(engine: Engine, config: Config, *, form_of_address: str | None = None) -> Effective:
    """Compute the effective configuration from the replica and record it (applied values, refusals).

    A remote out-of-service value that changed since the last refresh sets the maintenance flag in kiosk_state
    (kiosk.sync.heartbeat's keys), so the customer home and the heartbeat follow it.
    """
    from kiosk.sync.heartbeat import OUT_OF_SERVICE_KEY, SERVICE_MESSAGE_KEY

    with engine.begin() as conn:
        before = previous(conn)
        refused_before = rejected(conn)
        eff = compute(config, read_rows(conn), before, form_of_address=form_of_address)
        flag = eff.out_of_service
        old = (before.get(OUT_OF_SERVICE, (None, FILE)), before.get(SERVICE_MESSAGE, ("", FILE)))
        new = (eff.values[OUT_OF_SERVICE], eff.values[SERVICE_MESSAGE])
        if flag is not None and new != old:
            _put(conn, OUT_OF_SERVICE_KEY, "1" if flag[0] else "0")
            _put(conn, SERVICE_MESSAGE_KEY, flag[1])
            log.info("remote configuration: out of service %s", "on" if flag[0] else "off")
        _put(conn, APPLIED_KEY, json.dumps({k: list(v) for k, v in eff.values.items()}, ensure_ascii=False,
                                           sort_keys=True))
        _put(conn, REJECTED_KEY, json.dumps(eff.rejected, ensure_ascii=False, sort_keys=True))
    for key, reason in sorted(eff.rejected.items()):
        if refused_before.get(key) != reason:  # once per new refusal, not every sync round
            log.warning("remote setting refused: %s", reason)
    return eff


def provider(config: Config, *, form_of_address: str | None = None) -> Callable[[], Effective]:
    """`refresh` bound to this kiosk's replica and file configuration (what the window calls after sync rounds)."""
    from db.engine import local_engine

    engine = local_engine(config.local_db_path)
    return lambda: refresh(engine, config, form_of_address=form_of_address)
