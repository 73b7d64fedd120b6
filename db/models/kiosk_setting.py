"""Remote kiosk settings: one value of one whitelisted key at one level (fleet, branch or kiosk).

Central writes them (`central config set`); kiosks pull them like reference data and compute their effective
configuration (kiosk.remote_config): file < fleet < branch < kiosk, each value validated with the file's models.

`scope_id` is '' for the fleet (not NULL: a unique constraint treats NULLs as distinct, so two fleet rows of one
key could coexist), the branch id for a branch and "<branch>/<kiosk id>" for a kiosk (kiosk ids repeat across
branches). `value` is JSON text. PostgreSQL: a per-kiosk role reads them only through the `kiosk_settings_view`
view, which keeps the rows that apply to it (db.central_ddl). The replica drops `updated_by` (who changed it is
central's business).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow
from db.types import UtcDateTime

SCOPES = ("fleet", "branch", "kiosk")


class KioskSettingColumns(ReferenceRow):
    scope: Mapped[str] = mapped_column(String(8))
    scope_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CentralKioskSetting(KioskSettingColumns, CentralBase):
    __tablename__ = "kiosk_settings"
    __table_args__ = (
        UniqueConstraint("scope", "scope_id", "key", name="uq_kiosk_settings_scope_key"),
        CheckConstraint("scope IN ('fleet', 'branch', 'kiosk')", name="scope"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    updated_by: Mapped[str] = mapped_column(String(80), default="", server_default="")


class LocalKioskSetting(KioskSettingColumns, LocalBase):
    __tablename__ = "kiosk_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # A handful of rows, read whole: no index on the replica.
    row_version: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # type: ignore[assignment]
