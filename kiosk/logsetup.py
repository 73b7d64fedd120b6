"""One logging setup for the kiosk and every command (issue 12, "Running unattended").

`configure` is called by kiosk.cli.main for every command and again by the GUI commands once their
configuration is loaded. It puts on the root logger, each with kiosk.redaction's filter:

- a rotating file `ventanilla.log` in `[logging] dir` (default: the platform's user log dir, or $KIOSK_LOG_DIR),
  `max_bytes` per file and `backups` old files kept; plain lines, or one JSON object per line with `json = true`;
- the console: under systemd (JOURNAL_STREAM names our stderr) every line at `level` goes to stderr with its
  syslog priority prefix (`<3>` error ... `<7>` debug), which journald stores as the entry's priority; otherwise
  only warnings and errors, as Python printed them before any setup;
- the maintenance Logs screen's ring buffer (kiosk.logbuffer) when `ring_buffer=True` (the GUI commands), and any
  `extra` handlers a caller passes.

Calling it again replaces what the previous call installed (tests and the GUI's second call), nothing else.
SQLAlchemy's own loggers stay at WARNING whatever the level: at INFO they print every statement's parameters.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import sys
import tomllib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import platformdirs
from pydantic import ValidationError

from kiosk.config import APP_NAME, LoggingSection, default_config_path
from kiosk.redaction import RedactionFilter

ENV_LOG_DIR = "KIOSK_LOG_DIR"
LOG_FILE = "ventanilla.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET_LOGGERS = ("sqlalchemy", "alembic.runtime.migration", "fontTools", "PIL", "asyncio")
_SYSLOG_PRIORITY = {logging.CRITICAL: 2, logging.ERROR: 3, logging.WARNING: 4, logging.INFO: 6, logging.DEBUG: 7}
_MARK = "_ventanilla_logsetup"
_state: dict[str, Any] = {"file": None}


def log_dir(settings: LoggingSection | None = None) -> Path:
    """Where the log files go: [logging] dir, else $KIOSK_LOG_DIR, else the platform's user log dir."""
    if settings is not None and settings.dir is not None:
        return settings.dir
    env = os.environ.get(ENV_LOG_DIR)
    return Path(env) if env else Path(platformdirs.user_log_dir(APP_NAME))


def log_file() -> Path | None:
    """The file the last `configure` writes to (None: no setup yet, or the directory was not writable)."""
    path = _state["file"]
    return path if isinstance(path, Path) else None


def settings_from_file(path: Path | None) -> LoggingSection:
    """The [logging] table of a configuration file, or the defaults when there is no usable one.

    Read on its own, before the command loads (and reports on) the whole file: a broken configuration must
    not stop the logging that would help diagnose it.
    """
    source = path or default_config_path()
    try:
        table = tomllib.loads(source.read_text(encoding="utf-8")).get("logging", {})
        return LoggingSection.model_validate(table)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError, AttributeError):
        return LoggingSection()


def under_journald() -> bool:
    """True when stderr is the stream systemd handed to the journal (JOURNAL_STREAM is "device:inode")."""
    stream = os.environ.get("JOURNAL_STREAM", "")
    if not stream:
        return False
    try:
        device, inode = (int(part) for part in stream.split(":", 1))
        st = os.fstat(sys.stderr.fileno())
    except (ValueError, OSError, AttributeError, Exception):
        return False
    return (st.st_dev, st.st_ino) == (device, inode)


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (a test's capture, a redirected console). A record logged
    with `extra={"console": False}` (a traceback Python prints there anyway) is left to the other handlers."""

    def __init__(self, level: int = logging.NOTSET) -> None:
        super().__init__(sys.stderr)
        self.setLevel(level)

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "console", True) is not False and bool(super().filter(record))

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: IO[str]) -> None:
        pass


class JournalFormatter(logging.Formatter):
    """`<priority>logger: message`, traceback lines indented (journald splits entries at newlines)."""

    def format(self, record: logging.LogRecord) -> str:
        priority = _SYSLOG_PRIORITY.get(record.levelno, 6 if record.levelno < logging.WARNING else 3)
        text = super().format(record)
        lines = text.splitlines() or [""]
        return "\n".join(f"<{priority}>{line}" for line in lines)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO), level, logger, message, and exc when there is a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def _own(handler: logging.Handler) -> logging.Handler:
    setattr(handler, _MARK, True)
    if not any(isinstance(f, RedactionFilter) for f in handler.filters):
        handler.addFilter(RedactionFilter())
    return handler


def _file_handler(settings: LoggingSection) -> logging.Handler | None:
    folder = log_dir(settings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=settings.max_bytes, backupCount=settings.backups, encoding="utf-8"
        )
    except OSError as exc:
        print(f"warning: no log file in {folder}: {exc.strerror or exc}", file=sys.stderr)
        return None
    handler.setFormatter(JsonFormatter() if settings.json_lines else logging.Formatter(FORMAT))
    handler.setLevel(settings.level)
    _state["file"] = folder / LOG_FILE
    return handler


def configure(
    settings: LoggingSection | None = None,
    *,
    ring_buffer: bool = False,
    extra: Sequence[logging.Handler] = (),
) -> Path | None:
    """Install the handlers (replacing the ones a previous call installed); the log file's path, if any."""
    settings = settings or LoggingSection()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if _is_buffer(handler):
            continue  # kiosk.logbuffer's, installed once per process
        if getattr(handler, _MARK, False) or handler is logging.lastResort:
            root.removeHandler(handler)
            if handler is not logging.lastResort:
                handler.close()
    _state["file"] = None
    level = logging.getLevelName(settings.level)
    lowest = level
    file_handler = _file_handler(settings)
    if file_handler is not None:
        root.addHandler(_own(file_handler))
    if under_journald():
        console = StderrHandler(level)
        console.setFormatter(JournalFormatter("%(name)s: %(message)s"))
    else:
        console = StderrHandler(logging.WARNING)
        console.setFormatter(logging.Formatter("%(message)s"))  # what logging.lastResort printed
    root.addHandler(_own(console))
    if ring_buffer:
        from kiosk import logbuffer

        buffer = logbuffer.install()
        _own(buffer)
        if buffer not in root.handlers:
            root.addHandler(buffer)
        lowest = min(lowest, buffer.level or lowest)
    for handler in extra:
        root.addHandler(_own(handler))
        lowest = min(lowest, handler.level or lowest)
    root.setLevel(lowest)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return log_file()


def _is_buffer(handler: logging.Handler) -> bool:
    from kiosk import logbuffer

    return handler is logbuffer.installed()


def reset() -> None:
    """Remove what `configure` installed (tests): the root logger is left as Python starts it, at WARNING."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False) and not _is_buffer(handler):
            root.removeHandler(handler)
            handler.close()
    _state["file"] = None
    root.setLevel(logging.WARNING)
