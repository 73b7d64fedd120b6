"""Alembic environment of the kiosk's local replica (see db.migrate)."""

from __future__ import annotations

import db.models  # noqa: F401  (fills the metadata for autogenerate/compare only)
from db.base import LocalBase
from db.migrations.env_common import run

run(LocalBase.metadata)
