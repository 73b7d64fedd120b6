"""Frequently asked questions, per language, maintained centrally."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CentralBase, LocalBase, ReferenceRow


class FaqEntryColumns(ReferenceRow):
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(2))
    position: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)


class CentralFaqEntry(FaqEntryColumns, CentralBase):
    __tablename__ = "faq_entries"


class LocalFaqEntry(FaqEntryColumns, LocalBase):
    __tablename__ = "faq_entries"
