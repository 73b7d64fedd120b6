"""The GUI's own commands (`run`, `demo` and its tour), registered with the core CLI (kiosk/cli) through the
`ventanilla.commands` entry point group in pyproject.toml: the composition root is here, at the top."""
