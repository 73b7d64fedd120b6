"""The package contracts of pyproject's [tool.importlinter] hold, and they bite.

`lint-imports` is the one from the venv that runs the tests (next to sys.executable). The clean tree must keep
every contract; a copy of the packages with one forbidden import added (lazily, inside a function, as the
dangerous ones usually are) must break exactly the contract that names it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("kiosk", "ui", "printing", "db")


def _lint(cwd: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    args = [str(LINT_IMPORTS), "--no-cache", "--no-logo", *(f"--contract={c}" for c in contracts)]
    env = {**os.environ, "PYTHONPATH": str(cwd), "COLUMNS": "400"}  # one line per contract in the summary
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300, check=False)


def _contracts() -> list[dict[str, object]]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return list(tomllib.load(f)["tool"]["importlinter"]["contracts"])


def test_the_tree_keeps_every_contract() -> None:
    """Fails while any contract is broken; the output names the contract and the import chain."""
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in done.stdout


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages and pyproject.toml, copied once; each case copies this copy and adds one import."""
    base = tmp_path_factory.mktemp("contracts") / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "migrations")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, base / package, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", base / "pyproject.toml")
    (base / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "import_contracts.py", base / "tests" / "import_contracts.py")
    return base


# (module file, the import to add inside a function, the contract that must break)
CASES = [
    ("kiosk/formatting.py", "import ui.main_window", "layers"),
    ("db/models.py", "from kiosk import config", "db-bottom"),
    ("ui/ops.py", "from db.models import Account", "ui-no-db"),
    ("ui/ops.py", "import sqlalchemy", "ui-no-db"),
    ("printing/documents/_base.py", "from kiosk.config import Config", "printing-domain-only"),
    ("printing/documents/_base.py", "from kiosk.services import api", "printing-domain-only"),
    ("kiosk/domain/money.py", "from kiosk import masking", "printing-domain-only"),  # reached through domain
    ("printing/documents/_base.py", "import ui.theme", "printing-no-ui-db"),
    ("printing/codes.py", "import sqlalchemy", "printing-no-ui-db"),
    ("kiosk/sync/state.py", "from kiosk.services import api", "services-over-sync"),
    ("kiosk/masking.py", "from PySide6.QtWidgets import QLabel", "no-widgets-below-ui"),
    ("db/engine.py", "from PySide6 import QtWidgets", "no-widgets-below-ui"),
    ("printing/backends/system.py", "import PySide6.QtWidgets", "no-widgets-below-ui"),
]


@pytest.mark.parametrize(("path", "statement", "contract"), CASES, ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_a_forbidden_import_breaks_its_contract(clean_copy: Path, tmp_path: Path, path: str, statement: str,
                                                contract: str) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(clean_copy, tree)
    assert _lint(tree, contract).returncode == 0, "the copy must keep the contract before the import is added"
    with (tree / path).open("a", encoding="utf-8") as f:
        f.write(f"\n\ndef _contract_probe() -> None:\n    {statement}  # noqa\n")
    done = _lint(tree, contract)
    (name,) = [c["name"] for c in _contracts() if c["id"] == contract]
    assert done.returncode == 1, done.stdout[-3000:]
    assert f"{name} BROKEN" in done.stdout
    assert path.removesuffix(".py").replace("/", ".") in done.stdout  # the report names the importing module


def test_widgets_through_a_project_module_are_reported_with_the_chain(clean_copy: Path, tmp_path: Path) -> None:
    """kiosk reaching QtWidgets through ui counts (the layers contract breaks too): the chain is shown."""
    tree = tmp_path / "tree"
    shutil.copytree(clean_copy, tree)
    with (tree / "kiosk/formatting.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _contract_probe() -> None:\n    import ui.main_window  # noqa\n")
    done = _lint(tree, "no-widgets-below-ui")
    assert done.returncode == 1, done.stdout[-3000:]
    assert "kiosk is not allowed to import PySide6.QtWidgets" in done.stdout
    assert "kiosk.formatting -> ui.main_window" in done.stdout


def test_a_part_added_to_kiosk_later_is_refused_to_printing(clean_copy: Path, tmp_path: Path) -> None:
    """The printing contract is an allow-list: nobody has to remember to forbid a new part of kiosk."""
    tree = tmp_path / "tree"
    shutil.copytree(clean_copy, tree)
    (tree / "kiosk/brand_new_part.py").write_text('"""Added after the contract was written."""\n', encoding="utf-8")
    with (tree / "printing/documents/_base.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _contract_probe() -> None:\n    import kiosk.brand_new_part  # noqa\n")
    done = _lint(tree, "printing-domain-only")
    assert done.returncode == 1, done.stdout[-3000:]
    assert "printing is not allowed to import kiosk.brand_new_part (only kiosk.domain, kiosk.formatting)" in done.stdout
    assert "printing.documents._base -> kiosk.brand_new_part" in done.stdout


# (module file, an import that closes a loop between sibling packages, the package whose children then cycle)
CYCLES = [
    ("kiosk/domain/money.py", "from kiosk import branding", "kiosk"),  # kiosk.branding uses kiosk.domain
    ("ui/screens/base.py", "from ui import tour", "ui"),  # the tour runner uses the screens
    ("printing/codes/qr.py", "from printing.documents import payment_slip", "printing"),
    ("kiosk/sync/outbox.py", "from kiosk.services import intake", "kiosk"),
]


@pytest.mark.parametrize(("path", "statement", "package"), CYCLES, ids=[c[1] for c in CYCLES])
def test_a_package_cycle_breaks_the_acyclic_contract(clean_copy: Path, tmp_path: Path, path: str, statement: str,
                                                     package: str) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(clean_copy, tree)
    assert _lint(tree, "no-cycles").returncode == 0
    with (tree / path).open("a", encoding="utf-8") as f:
        f.write(f"\n\ndef _contract_probe() -> None:\n    {statement}  # noqa\n")
    done = _lint(tree, "no-cycles")
    (name,) = [c["name"] for c in _contracts() if c["id"] == "no-cycles"]
    assert done.returncode == 1, done.stdout[-3000:]
    assert f"{name} BROKEN" in done.stdout
    assert f"No cycles are allowed in {package}." in done.stdout
