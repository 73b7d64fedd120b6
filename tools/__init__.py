"""Developer tooling that is not part of the kiosk (not installed; run from the repository root)."""
