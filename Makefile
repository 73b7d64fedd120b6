# Ventanilla — the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DIR ?= $(CURDIR)/.demo
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: demo test lint bench translations clean venv syscheck tour

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Qt .qm catalogues are built from the .ts sources kept in resources/translations.
translations: $(STAMP)
	@for ts in resources/translations/*.ts; do [ -e "$$ts" ] || continue; \
	  qm=$${ts%.ts}.qm; if [ ! -e "$$qm" ] || [ "$$ts" -nt "$$qm" ]; then \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$$qm"; fi; done

syscheck:
	@missing=""; \
	  ldconfig -p | grep -q libzbar.so.0 || missing="$$missing libzbar0"; \
	  command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	  if [ -n "$$missing" ]; then echo "make test: missing system packages:$$missing (install: sudo apt-get install$$missing)"; exit 1; fi

demo: $(STAMP) translations
	$(PY) -m kiosk demo --data-dir $(DEMO_DIR)

tour: $(STAMP) translations
	$(PY) -m kiosk demo --data-dir $(DEMO_DIR) --tour $(DEMO_DIR)/tour

test: $(STAMP) syscheck translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check kiosk ui printing db tests
	$(VENV)/bin/mypy

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/bench -s --override-ini="addopts=-ra --strict-markers"

clean:
	rm -rf $(VENV) $(DEMO_DIR) .pytest_cache .mypy_cache .ruff_cache
