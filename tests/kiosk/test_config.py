"""Configuration: every kind of bad file gives one line naming the file, the key and the problem."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config

GOOD = """
[kiosk]
id = "K01"
branch = "B001"
timezone = "America/Argentina/Cordoba"

[central]
url = "postgresql://kiosk:secret@db.example:5432/utility"

[ui]
idle_timeout = 60
branding = "telco-py"

[printer]
backend = "pdf-folder"

[payments]
scheme = "emv"
merchant_name = "COOP ALMAFUERTE"
merchant_city = "ALMAFUERTE"

[readings]
plausibility_factor = 2.5
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads_with_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.kiosk.id == "K01"
    assert config.ui.idle_timeout == 60
    assert config.ui.warning_seconds == 20  # default
    assert config.readings.plausibility_factor == 2.5
    assert config.printer.backend == "pdf-folder"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[kiosk]\nid = 'K01'\n", "kiosk.branch: missing required key"),
        ("[kiosk]\nid='K01'\nbranch='B'\ncolour='red'\n", "kiosk.colour: unknown key"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[ui]\nidle_timeout='soon'\n", "ui.idle_timeout:"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[ui]\nidle_timeout=2\n", "ui.idle_timeout:"),
        ("[kiosk]\nid='K01'\nbranch='B'\ntimezone='Mars/Olympus'\n", "kiosk.timezone: unknown time zone"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[printer]\nbackend='fax'\n", "printer.backend:"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[payments]\ncountry='Argentina'\n", "payments.country:"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[central]\nurl='::not a url::'\n", "central.url: not a database URL"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[central]\nurl='postgresql+nosuchdriver://u@h/db'\n",
         "central.url: unsupported database driver 'postgresql+nosuchdriver' (use one of postgresql, "),
        ("[kiosk]\nid='K01'\nbranch='B'\n[central]\nurl='mysql://u@h/db'\n", "unsupported database driver 'mysql'"),
        ("[kiosk]\nid='K01'\nbranch='B'\n[tarifs]\nx=1\n", "tarifs: unknown key"),
        ("[kiosk\nid='K01'\n", "not valid TOML"),
    ],
)
def test_bad_files_name_the_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": ")
    assert expected in message
    assert "\n" not in message



def test_removed_keys_are_ignored_with_a_warning_naming_them(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """provision wrote kiosk.locale into every file: an upgraded kiosk starts, and says which lines to delete."""
    old = GOOD.replace('[kiosk]\n', '[kiosk]\nlocale = "es_PY"\n').replace(
        "[ui]\n", "[ui]\nlanguages = ['es']\nstaff_pin_hash = '$argon2id$v=19$x'\n")
    path = write(tmp_path, old)
    with caplog.at_level(logging.WARNING, logger="kiosk.config"):
        config = load_config(path)
    assert config.kiosk.id == "K01" and config.ui.idle_timeout == 60  # the rest of the file still applies
    warned = [r.getMessage() for r in caplog.records]
    assert [m.split(": ")[1] for m in warned] == ["kiosk.locale", "ui.languages", "ui.staff_pin_hash"]
    assert all(m.startswith(f"{path}: ") and m.endswith("delete the line") for m in warned)


def test_a_removed_key_in_the_wrong_section_is_still_unknown(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ui\.locale: unknown key"):
        load_config(write(tmp_path, "[kiosk]\nid='K01'\nbranch='B'\n[ui]\nlocale='es_AR'\n"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "nope.toml")


def test_secrets_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write(tmp_path, GOOD))
    monkeypatch.setenv("KIOSK_CENTRAL_PASSWORD", "from-env")
    monkeypatch.setenv("KIOSK_PAYMENT_HMAC_KEY", "k3y")
    assert ":from-env@" in config.central_url
    assert config.hmac_key == "k3y"


def test_kiosk_config_env_is_the_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, GOOD)
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    assert load_config().source == path


def test_cli_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[kiosk]\nid='K01'\n")
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "--once", "--config", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0] == f"error: {path}: kiosk.branch: missing required key"
