"""Alembic scripts (a package so that wheels and PyInstaller bundles carry them)."""
