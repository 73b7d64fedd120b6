"""Meter readings per supply and period: real, estimated or submitted by the customer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import LOCAL_KEY, CentralBase, LocalBase, ReferenceRow
from db.types import CompactDate


class MeterReadingColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    supply_id: Mapped[int] = mapped_column(BigInteger)
    period: Mapped[str] = mapped_column(String(7))
    read_on: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(10))  # real | estimated | customer
    consumption: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CentralMeterReading(MeterReadingColumns, CentralBase):
    __tablename__ = "meter_readings"
    __table_args__ = (Index("ix_meter_readings_supply_period", "supply_id", "period"),)

    supply_id: Mapped[int] = mapped_column(ForeignKey("supplies.id"))


class LocalMeterReading(MeterReadingColumns, LocalBase):
    __tablename__ = "meter_readings"
    __table_args__ = (Index("ix_meter_readings_supply_period", "supply_id", "period"),)

    id: Mapped[int] = mapped_column(LOCAL_KEY, primary_key=True, autoincrement=False)  # the rowid itself
    read_on: Mapped[date] = mapped_column(CompactDate)  # YYYYMMDD integer on SQLite (db.types.CompactDate)
