"""Alembic environment of the central schema (see db.migrate)."""

from __future__ import annotations

import db.models  # noqa: F401  (fills the metadata for autogenerate/compare only)
from db.base import CentralBase
from db.migrations.env_common import run

run(CentralBase.metadata)
