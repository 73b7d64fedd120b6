"""`python -m kiosk demo` and `python -m kiosk run`: exit codes, one clear line on bad input, the tour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _kiosk(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def test_demo_tour_writes_pngs_and_exits_0(tmp_path: Path) -> None:
    done = _kiosk("demo", "--fake", "--data-dir", str(tmp_path / "d"), "--tour", str(tmp_path / "tour"),
                  "--orientation", "portrait")
    assert done.returncode == 0, done.stderr[-800:]
    pngs = sorted((tmp_path / "tour" / "portrait").glob("*.png"))
    names = {p.stem.split("_", 1)[1] for p in pngs}
    assert {"home", "lookup_not_found", "login_locked", "printing_out_of_paper", "home_offline_banner"} <= names
    assert not (tmp_path / "tour" / "landscape").exists()
    assert f"tour: {len(pngs)} images" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["demo", "--profile", "nope", "--fake"], "unknown profile 'nope'"),
        (["demo", "--accounts", "0"], "--accounts must be at least 1"),
        (["demo", "--profile", "all", "--fake"], "--profile all needs --tour DIR"),
        (["run", "--config", "/nonexistent/kiosk.toml"], "configuration file not found"),
    ],
)
def test_bad_input_is_one_clear_line(args: list[str], message: str) -> None:
    done = _kiosk(*args, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr


def test_run_without_replica_says_what_to_do(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    done = _kiosk("run", "--config", str(config), "--windowed", timeout=60)
    assert done.returncode == 2
    assert "no local replica yet" in done.stderr and "sync --once" in done.stderr


def test_tour_of_every_profile_goes_to_one_folder_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`demo --profile all --tour DIR`: each utility's own tour (its home first) in DIR/<profile>/."""
    import argparse

    from kiosk.branding import available_profiles
    from ui.cli import demo_cmd

    seen: list[tuple[str, Path]] = []
    real_run = demo_cmd.run

    def one(args: argparse.Namespace) -> int:
        if args.profile == "all":
            return real_run(args)
        seen.append((args.profile, args.tour))
        return 0

    monkeypatch.setattr(demo_cmd, "run", one)
    parser = argparse.ArgumentParser()
    demo_cmd.register(parser)
    args = parser.parse_args(["--profile", "all", "--fake", "--tour", str(tmp_path)])
    assert demo_cmd.run(args) == 0
    assert seen == [(p, tmp_path / p) for p in available_profiles()]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p}/index.html"' in index for p in available_profiles())
