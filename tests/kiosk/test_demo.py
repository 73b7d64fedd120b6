"""The demo kiosk: its branch is the profile's first seeded branch (so the seeded operator may enter maintenance
mode there), and the staff logins are kept in demo.json and printed with the customer accounts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kiosk.central.seed_gen import STAFF_NUMBER, STAFF_PIN, TECHNICIAN_NUMBER, TECHNICIAN_PIN
from kiosk.central.seed_profiles import PROFILES
from kiosk.demo import demo_branch, demo_config, prepare, print_facts, staff_logins

LOGINS = [{"role": "operator", "number": STAFF_NUMBER, "pin": STAFF_PIN},
          {"role": "technician", "number": TECHNICIAN_NUMBER, "pin": TECHNICIAN_PIN}]


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_the_demo_kiosk_is_at_the_first_seeded_branch(profile: str, tmp_path: Path) -> None:
    branch_id, name, _address = PROFILES[profile].branches[0]
    assert demo_branch(profile) == (branch_id, name)
    config = demo_config(tmp_path, profile, "", "UTC")
    assert config.kiosk.branch == branch_id and config.kiosk.branch_name.startswith(name)


def test_prepare_keeps_the_staff_logins_and_print_facts_shows_them(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    config, facts = prepare(tmp_path, "coop-ar", 5, log=lambda _m: None, today=date(2026, 11, 25))
    stored = json.loads((config.data_dir / "demo.json").read_text(encoding="utf-8"))
    assert stored["staff"] == facts["staff"] == LOGINS
    print_facts(facts, config)
    out = capsys.readouterr().out
    assert f"maintenance mode (branch {config.kiosk.branch}" in out
    assert f"operator      {STAFF_NUMBER}  PIN {STAFF_PIN}" in out
    assert f"technician    {TECHNICIAN_NUMBER}  PIN {TECHNICIAN_PIN}" in out


def test_an_older_demo_json_gets_the_seeds_logins() -> None:
    assert staff_logins({"staff_pin": STAFF_PIN, "demo": []}) == LOGINS
