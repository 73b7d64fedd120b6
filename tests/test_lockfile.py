"""The lock file is the install: every dependency pinned with hashes, in step with pyproject and the venv."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _lock() -> dict[str, tuple[str, str | None, list[str]]]:
    """name -> (version, marker, hashes) as written in requirements.lock."""
    pins: dict[str, tuple[str, str | None, list[str]]] = {}
    current: str | None = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), match.group(3), [])
        elif line.strip().startswith("--hash=sha256:") and current is not None:
            pins[current][2].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
    return pins


def _direct() -> list[Requirement]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    texts = list(data["project"]["dependencies"]) + list(data["build-system"]["requires"])
    for extra in data["project"]["optional-dependencies"].values():
        texts.extend(extra)
    return [Requirement(t) for t in texts]


def test_every_pin_has_hashes() -> None:
    pins = _lock()
    assert len(pins) > 20
    for name, (_version, _marker, hashes) in pins.items():
        assert hashes, f"{name} has no hash in requirements.lock"
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), name


def test_direct_dependencies_are_locked_within_their_ranges() -> None:
    """A range added or narrowed in pyproject without `make lock` is caught here, not on a new machine."""
    pins = _lock()
    for req in _direct():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock: run `make lock`"
        assert req.specifier.contains(pins[name][0], prereleases=True), (
            f"{req.name}=={pins[name][0]} in the lock does not satisfy {req} in pyproject.toml: run `make lock`"
        )
        for extra in req.extras:  # e.g. psycopg[binary] -> psycopg-binary
            assert canonicalize_name(f"{req.name}-{extra}") in pins, f"{req} extra not locked"


def test_installed_versions_are_the_locked_ones() -> None:
    """The venv the tests run in was installed from this lock (a stale venv would test other code)."""
    env = default_environment()
    for name, (version, marker, _hashes) in _lock().items():
        if marker is not None and not Requirement(f"x; {marker}").marker.evaluate(env):  # type: ignore[union-attr]
            continue
        assert metadata.version(name) == version, f"{name}: installed {metadata.version(name)}, locked {version}"
