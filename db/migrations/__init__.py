"""Alembic environments of the two schemas (central/, local/), run programmatically by db.migrate."""
