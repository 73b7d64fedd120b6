# Ventanilla — the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LOCK := requirements.lock
UV_VERSION := 0.13.8
DEMO_DIR ?= $(CURDIR)/.demo
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: demo test lint bench translations clean venv syscheck qtcheck tour lock dist deb

venv: $(STAMP)

# Every dependency, direct and transitive, comes from the lock with its hashes; the project itself is installed
# on top without resolving anything (its build backend is in the lock too), so the venv is the same next month.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes -r $(LOCK)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Regenerate the lock from pyproject's ranges (keeps current pins that still fit; `make lock UPGRADE=1` takes the
# newest releases). uv is pinned so that the lock's format does not drift either.
lock:
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(PY) -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' \
	  | $(VENV)/bin/uv pip compile pyproject.toml - --extra dev --extra escpos --generate-hashes --universal \
	    --python-version 3.11 $(if $(UPGRADE),--upgrade,) --quiet -o $(LOCK)

# Qt .qm catalogues are built from the .ts sources kept in resources/translations.
translations: $(STAMP)
	@for ts in resources/translations/*.ts; do [ -e "$$ts" ] || continue; \
	  qm=$${ts%.ts}.qm; if [ ! -e "$$qm" ] || [ "$$ts" -nt "$$qm" ]; then \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$$qm"; fi; done

# System packages, each checked by the file it provides and named in one line with the one install command:
# Qt's own libraries (offscreen too), the xcb ones when a display is used, zbar and poppler for the tests.
QT_LIBS := libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 libxkbcommon.so.0:libxkbcommon0 \
  libdbus-1.so.3:libdbus-1-3
XCB_LIBS := libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1 \
  libxcb-render-util.so.0:libxcb-render-util0 libxcb-xkb.so.1:libxcb-xkb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
  libxcb-cursor.so.0:libxcb-cursor0
TEST_LIBS := libzbar.so.0:libzbar0
define check_libs
	@missing=""; for pair in $(1); do ldconfig -p | grep -q "$${pair%%:*}" || missing="$$missing $${pair##*:}"; done; \
	  $(if $(2),command -v pdftoppm >/dev/null || missing="$$missing poppler-utils";) \
	  if [ -n "$$missing" ]; then \
	    echo "make $(3): missing system packages:$$missing (install: sudo apt-get install$$missing)"; exit 1; fi
endef

syscheck:
	$(call check_libs,$(QT_LIBS) $(TEST_LIBS),poppler,test)

qtcheck:
	$(call check_libs,$(QT_LIBS) $(if $(filter offscreen minimal,$(QT_QPA_PLATFORM)),,$(XCB_LIBS)),,demo)

demo: $(STAMP) qtcheck translations
	$(PY) -m kiosk demo --data-dir $(DEMO_DIR)

tour: $(STAMP) qtcheck translations
	$(PY) -m kiosk demo --data-dir $(DEMO_DIR) --tour $(DEMO_DIR)/tour

test: $(STAMP) syscheck translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check kiosk ui printing db tests
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/bench -s --override-ini="addopts=-ra --strict-markers"

# The frozen app: a onedir PyInstaller build in dist/ventanilla (PyInstaller comes from the lock's dev extra).
dist: $(STAMP) translations
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  installer/pyinstaller/ventanilla.spec
	@du -sh dist/ventanilla

# The Linux kiosk package (dpkg-deb) from the frozen build: dist/ventanilla_<version>_<arch>.deb.
deb:
	installer/debian/build-deb.sh
	@ls -l dist/*.deb

clean:
	rm -rf $(VENV) $(DEMO_DIR) .pytest_cache .mypy_cache .ruff_cache build dist
