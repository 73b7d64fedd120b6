"""Reading windows: the days in which customers of a route may submit their own meter reading."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow


class ReadingWindowColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    route: Mapped[str] = mapped_column(String(16), index=True)
    opens_on: Mapped[date] = mapped_column(Date)
    closes_on: Mapped[date] = mapped_column(Date)


class CentralReadingWindow(ReadingWindowColumns, CentralBase):
    __tablename__ = "reading_windows"


class LocalReadingWindow(ReadingWindowColumns, LocalBase):
    __tablename__ = "reading_windows"
