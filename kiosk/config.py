"""Kiosk configuration: one TOML file, validated with pydantic at start.

Every problem is reported as one line naming the file, the key and what is wrong (ConfigError), so that IT can
fix a kiosk from a phone call. Secrets can come from the environment: KIOSK_CENTRAL_PASSWORD replaces the
password in central.url, KIOSK_PAYMENT_HMAC_KEY provides payments.hmac_key. maintenance.branch_pin_hash is
a hash, never the PIN itself.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy.engine import make_url

APP_NAME = "ventanilla"
ENV_CONFIG = "KIOSK_CONFIG"
ENV_CENTRAL_PASSWORD = "KIOSK_CENTRAL_PASSWORD"
ENV_HMAC_KEY = "KIOSK_PAYMENT_HMAC_KEY"


class ConfigError(Exception):
    """A configuration problem, already phrased as the one line to show."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KioskSection(_Section):
    id: Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
    branch: Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
    branch_name: str = ""
    timezone: str = "America/Argentina/Buenos_Aires"
    data_dir: Path | None = None  # default: the platform's user data dir

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import available_timezones

        if value not in available_timezones():
            raise ValueError(f"unknown time zone {value!r}")
        return value


# The URL schemes the kiosk can talk to: PostgreSQL through psycopg 3 (the one driver installed, and the
# connect options db.engine passes are psycopg's), and SQLite for the embedded demo.
CENTRAL_DRIVERS: tuple[str, ...] = ("postgresql", "postgres", "postgresql+psycopg", "sqlite", "sqlite+pysqlite")


class CentralSection(_Section):
    url: str = ""  # empty: no central database, the kiosk serves from its replica only
    connect_timeout: Annotated[float, Field(gt=0, le=60)] = 5.0
    sync_interval: Annotated[float, Field(gt=0)] = 60.0
    heartbeat_interval: Annotated[float, Field(gt=0)] = 60.0
    batch_size: Annotated[int, Field(ge=10, le=100_000)] = 5_000
    # Months of invoices (with lines), payments and readings kept on the kiosk, the current one included; every
    # invoice still owed is kept whatever its age. 0 keeps all history (kiosk.sync.retention).
    retention_periods: Annotated[int, Field(ge=0, le=240)] = 13

    @field_validator("url")
    @classmethod
    def _parseable(cls, value: str) -> str:
        if value:
            try:
                parsed = make_url(value)
            except Exception as exc:
                raise ValueError(f"not a database URL: {exc}") from exc
            if parsed.drivername not in CENTRAL_DRIVERS:
                # Checked here, not when sync first connects: an unknown driver was a traceback from doctor/sync.
                raise ValueError(
                    f"unsupported database driver {parsed.drivername!r} (use one of {', '.join(CENTRAL_DRIVERS)})"
                )
        return value


class UiSection(_Section):
    idle_timeout: Annotated[int, Field(ge=10, le=3600)] = 90
    warning_seconds: Annotated[int, Field(ge=5, le=120)] = 20
    default_language: Literal["es", "en"] = "es"
    theme: Literal["default", "high-contrast"] = "default"
    branding: str = "coop-ar"
    orientation: Literal["landscape", "portrait"] = "landscape"
    mask_holder: bool = True
    # A message for every customer on the home screen (set remotely by IT: kiosk.remote_config); empty: none.
    banner_message: Annotated[str, Field(max_length=200)] = ""


class PrinterSection(_Section):
    backend: Literal["pdf-folder", "system", "escpos"] = "pdf-folder"
    folder: Path | None = None  # pdf-folder: where documents go (default: data_dir/prints)
    audit_folder: Path | None = None  # a pdf copy of every document, whatever the backend
    system_name: str = ""  # system: the OS printer's name; empty means the default printer
    escpos_connection: Literal["usb", "serial", "network", "dummy"] = "network"
    escpos_host: str = ""
    escpos_port: int = 9100
    escpos_usb_vendor: int = 0
    escpos_usb_product: int = 0
    escpos_serial_device: str = ""
    escpos_qr_native: bool = True
    roll_width_mm: Literal[58, 80] = 80
    paper: Literal["roll", "a4"] = "roll"  # paper of the payment slip (receipts always go on the roll)
    # Maintenance: the roll's length and how much of it left counts as "paper low" (a counter of printed roll
    # length, reset by staff when they load a new roll), and how long a failed job is kept for a reprint.
    roll_length_m: Annotated[float, Field(gt=0, le=1000)] = 80.0
    paper_low_m: Annotated[float, Field(ge=0, le=1000)] = 5.0
    kept_job_hours: Annotated[int, Field(ge=1, le=24 * 30)] = 24


class PaymentsSection(_Section):
    """How payment QRs are made. For `emv`, every merchant setting left out comes from the branding profile
    (ui.branding): its `[payment_qr]` table, and its currency and country, so a kiosk prints QR codes in the
    money its utility bills in (kiosk.payments.codes.merchant_settings). The merchant account template (id,
    GUID, sub-fields) is taken whole: from here when merchant_account_guid is set, else from the profile."""

    scheme: Literal["emv", "url", "none"] = "emv"
    # EMV merchant-presented QR (None: the branding profile's value)
    merchant_account_id: Annotated[int, Field(ge=26, le=51)] | None = None
    merchant_account_guid: Annotated[str, Field(min_length=1, max_length=32)] | None = None
    merchant_account_fields: dict[str, str] | None = None  # sub-field id -> value
    merchant_category_code: Annotated[str, Field(pattern=r"^\d{4}$")] | None = None
    currency_numeric: Annotated[str, Field(pattern=r"^\d{3}$")] | None = None
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    merchant_name: Annotated[str, Field(min_length=1, max_length=25)] | None = None
    merchant_city: Annotated[str, Field(min_length=1, max_length=15)] | None = None
    # Signed payment link
    url_template: str = "https://pay.example.com/p?ref={reference}&amount={amount}"
    hmac_key: str = ""


class ReadingsSection(_Section):
    plausibility_factor: Annotated[float, Field(gt=1, le=20)] = 3.0
    history_periods: Annotated[int, Field(ge=1, le=24)] = 6


def default_reboot_command() -> list[str]:
    """How this OS reboots (maintenance mode's Reboot button, `[maintenance] reboot_command` unset)."""
    if sys.platform.startswith("win"):
        return ["shutdown", "/r", "/t", "0"]
    return ["systemctl", "reboot"]


class MaintenanceSection(_Section):
    """Staff entry (kiosk.services.staff). branch_pin_hash: argon2 hash of the branch maintenance PIN written by
    `provision` (entry as operator when no staff account can be used; empty: no branch PIN)."""

    branch_pin_hash: str = ""
    max_attempts: Annotated[int, Field(ge=1, le=50)] = 5  # wrong PINs in a row before entry is locked
    lockout_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 15
    session_minutes: Annotated[int, Field(ge=1, le=12 * 60)] = 30  # a staff session unused this long is dead
    # Device commands of the technician screen, argv lists run without a shell. restart_command empty: the UI quits
    # with exit code 75 and systemd / the session manager starts it again.
    restart_command: list[str] = Field(default_factory=list)
    reboot_command: list[str] = Field(default_factory=default_reboot_command)

    @field_validator("branch_pin_hash")
    @classmethod
    def _argon2(cls, value: str) -> str:
        if value and not value.startswith("$argon2"):
            raise ValueError("not an argon2 hash (run 'python -m kiosk provision' to set the branch PIN)")
        return value


class LoggingSection(_Section):
    """Logging (kiosk.logsetup): the rotating file's folder (default: the platform's user log dir), its size
    before rotation and how many old files are kept, the level, and JSON lines instead of plain text."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    dir: Path | None = None
    max_bytes: Annotated[int, Field(ge=64 * 1024, le=1024 * 1024 * 1024)] = 5 * 1024 * 1024
    backups: Annotated[int, Field(ge=0, le=100)] = 5
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    json_lines: bool = Field(default=False, alias="json")


class Config(_Section):
    kiosk: KioskSection
    central: CentralSection = CentralSection()
    ui: UiSection = UiSection()
    printer: PrinterSection = PrinterSection()
    payments: PaymentsSection = PaymentsSection()
    readings: ReadingsSection = ReadingsSection()
    maintenance: MaintenanceSection = MaintenanceSection()
    logging: LoggingSection = LoggingSection()
    source: Path | None = None

    @property
    def data_dir(self) -> Path:
        return self.kiosk.data_dir or Path(platformdirs.user_data_dir(APP_NAME))

    @property
    def local_db_path(self) -> Path:
        return self.data_dir / "replica.sqlite3"

    @property
    def print_folder(self) -> Path:
        return self.printer.folder or self.data_dir / "prints"

    @property
    def central_url(self) -> str:
        """central.url with the password from KIOSK_CENTRAL_PASSWORD when it is set."""
        password = os.environ.get(ENV_CENTRAL_PASSWORD)
        if not self.central.url or not password:
            return self.central.url
        return make_url(self.central.url).set(password=password).render_as_string(hide_password=False)

    @property
    def hmac_key(self) -> str:
        return os.environ.get(ENV_HMAC_KEY) or self.payments.hmac_key


def default_config_path() -> Path:
    """--config, else KIOSK_CONFIG, else the platform's config dir (callers pass --config themselves)."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "kiosk.toml"


# Keys that older versions wrote or documented and that this one no longer reads. A file that still has one
# starts: the key is dropped with a warning naming the file and the key (provision wrote kiosk.locale into
# every kiosk's file, so an error would stop a whole fleet at the upgrade over a line that changes nothing).
# Any other unknown key stays an error: a typo must never pass silently.
REMOVED_KEYS: dict[str, str] = {
    "kiosk.locale": "money and dates follow the branding profile's locale (ui.branding)",
    "ui.languages": "the language switch always offers Spanish and English",
    "ui.staff_pin_hash": "the branch maintenance PIN is [maintenance] branch_pin_hash, set by provision",
}

log = logging.getLogger(__name__)


def _drop_removed_keys(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    """`data` without the REMOVED_KEYS it has, each logged as a warning (what to do: delete the line)."""
    cleaned = dict(data)
    for key, reason in REMOVED_KEYS.items():
        section, name = key.split(".", 1)
        table = cleaned.get(section)
        if isinstance(table, Mapping) and name in table:
            cleaned[section] = {k: v for k, v in table.items() if k != name}
            log.warning("%s: %s: removed key, ignored (%s); delete the line", where, key, reason)
    return cleaned


def _describe(error: dict[str, object]) -> str:
    loc = ".".join(str(part) for part in error.get("loc", ()))  # type: ignore[attr-defined]
    kind = error.get("type")
    if kind == "extra_forbidden":
        return f"{loc}: unknown key"
    if kind == "missing":
        return f"{loc}: missing required key"
    msg = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    return f"{loc}: {msg}"


def parse_config(data: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a decoded TOML document; errors name the file and the first bad key (removed keys: a warning)."""
    where = str(source) if source else "<config>"
    try:
        return Config.model_validate({**_drop_removed_keys(data, where), "source": source})
    except ValidationError as exc:
        first = exc.errors()[0]
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(f"{where}: {_describe(dict(first))}{suffix}") from None


def load_config(path: Path | str | None = None) -> Config:
    """Read and validate the configuration file."""
    source = Path(path) if path else default_config_path()
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{source}: configuration file not found (run 'python -m kiosk provision')") from None
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read configuration: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    return parse_config(data, source)
