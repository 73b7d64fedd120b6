"""The kiosk's [printer] section becomes printing's own PrinterSettings, field for field."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from kiosk.config import PrinterSection, parse_config
from kiosk.services.printer_setup import NOT_DEVICE, printer_settings
from printing.backends import PrinterSettings


def test_every_device_setting_reaches_the_backends(tmp_path: Path) -> None:
    # A key added to [printer] must be added to PrinterSettings too (or named in NOT_DEVICE as the kiosk's own).
    assert set(NOT_DEVICE) - {"folder"} == {"paper", "roll_length_m", "paper_low_m", "kept_job_hours"}
    assert set(PrinterSection.model_fields) - set(NOT_DEVICE) <= {f.name for f in fields(PrinterSettings)}
    assert not (set(NOT_DEVICE) - {"folder"}) & {f.name for f in fields(PrinterSettings)}
    config = parse_config(
        {
            "kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path), "timezone": "America/Asuncion"},
            "printer": {"backend": "escpos", "escpos_connection": "usb", "escpos_usb_vendor": 0x4B8,
                        "escpos_usb_product": 0x202, "roll_width_mm": 58, "audit_folder": str(tmp_path / "a")},
        }
    )
    settings = printer_settings(config)
    assert settings.folder == tmp_path / "prints" and settings.timezone == "America/Asuncion"
    assert (settings.backend, settings.roll_width_mm, settings.audit_folder) == ("escpos", 58, tmp_path / "a")
    assert settings.display_name == "USB 04b8:0202"


def test_display_names(tmp_path: Path) -> None:
    assert PrinterSettings(tmp_path).display_name == str(tmp_path)
    assert PrinterSettings(tmp_path, backend="system").display_name == "(default system printer)"
    assert PrinterSettings(tmp_path, backend="escpos", escpos_host="10.0.0.9").display_name == "10.0.0.9:9100"
    assert PrinterSettings(tmp_path, backend="escpos", escpos_connection="dummy").display_name == "dummy"
