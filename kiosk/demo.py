"""The embedded demo's data: a seeded central SQLite file, a synced replica, a kiosk config and the facts
(accounts and PINs to try) — no GUI. `python -m kiosk demo` (ui/cli/demo_cmd.py) opens the window over it;
tests and benchmarks prepare the same data through `prepare`.

DATA_DIR/<profile>/ holds central.sqlite3 (seeded once), replica.sqlite3 (filled by the sync engine at every
start), kiosk.toml (a config `python -m kiosk run --config` accepts), demo.json (accounts and PINs to try) and
prints/ (the pdf-folder printer).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.config import Config, parse_config

DEFAULT_ACCOUNTS = 2000
DEMO_SEED = 7


def profiles() -> list[str]:
    """Every branding profile the demo can seed (resources/branding/*.toml)."""
    from kiosk.branding import available_profiles

    return available_profiles()


def demo_branch(profile: str) -> tuple[str, str]:
    """(id, name) of the profile's first seeded branch: the demo kiosk's, so the seeded operator (whose account
    belongs to that branch) can enter maintenance mode. A profile the seed does not know: a stand-in branch."""
    from kiosk.central.seed_profiles import PROFILES

    seeded = PROFILES.get(profile)
    if seeded is None or not seeded.branches:
        return "CENTRO", "Sucursal Centro"
    branch_id, name, _address = seeded.branches[0]
    return branch_id, name


def demo_config(folder: Path, profile: str, central_url: str, timezone: str) -> Config:
    branch, name = demo_branch(profile)
    data: dict[str, Any] = {
        "kiosk": {"id": "DEMO01", "branch": branch, "branch_name": f"{name} · demostración",
                  "timezone": timezone, "data_dir": str(folder)},
        "central": {"url": central_url, "connect_timeout": 3.0},
        "ui": {"branding": profile, "idle_timeout": 90, "warning_seconds": 20},
        "printer": {"backend": "pdf-folder", "folder": str(folder / "prints")},
    }
    return parse_config(data)


def _write_toml(path: Path, config: Config) -> None:
    def val(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return str(v)
        return json.dumps(str(v), ensure_ascii=False)

    lines = ["# Written by `python -m kiosk demo`: the demo kiosk's configuration."]
    dump = config.model_dump(exclude_none=True, exclude={"source"})
    for section in ("kiosk", "central", "ui", "printer"):
        lines.append(f"\n[{section}]")
        for key, value in dump[section].items():
            if isinstance(value, list | tuple):
                lines.append(f"{key} = [{', '.join(val(x) for x in value)}]")
            elif not isinstance(value, dict):
                lines.append(f"{key} = {val(value)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def prepare(
    data_dir: Path, profile: str, accounts: int, log: Any = print, today: date | None = None
) -> tuple[Config, dict[str, Any]]:
    """Seed (first time), sync, and return the demo config and the demo facts (accounts, PINs).

    `today` is the day the seeded data is as of (default: the real today); tests pin it.
    """
    from kiosk.branding import load_branding
    from kiosk.central.seed import seed_database
    from kiosk.sync.engine import SyncEngine

    branding = load_branding(profile)
    folder = (data_dir / profile).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    central = folder / "central.sqlite3"
    facts_path = folder / "demo.json"
    url = f"sqlite:///{central}"
    if not facts_path.exists():
        for stale in (central, folder / "replica.sqlite3"):
            stale.unlink(missing_ok=True)
        log(f"demo: seeding {accounts} {profile} accounts into {central} ...")
        report = seed_database(url, accounts=accounts, seed=DEMO_SEED, profile=profile, today=today)
        facts = {"profile": profile, "accounts": accounts, "staff_pin": report.staff_pin,
                 "staff": [
                     {"role": "operator", "number": report.staff_number, "pin": report.staff_pin},
                     {"role": "technician", "number": report.technician_number, "pin": report.technician_pin},
                 ],
                 "demo": [asdict(d) for d in report.demo]}
        facts_path.write_text(json.dumps(facts, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    config = demo_config(folder, profile, url, branding.timezone)
    _write_toml(folder / "kiosk.toml", config)
    # A pinned `today` is the kiosk's today for the retention window too, so pinned data stays the same next year.
    pinned = {"today": lambda: today} if today is not None else {}
    with SyncEngine.from_config(config, **pinned) as engine:
        sync = engine.run_once()
        if not sync.ok:
            log(f"demo: sync did not complete ({sync.error_code}); serving the replica as it is")
        if sync.replica_repair:  # the replica was damaged: moved aside and rebuilt before this sync
            log(f"demo: ATTENTION: {sync.replica_repair}")
    return config, facts


OPEN_CASES, CLOSED_CASES = {"received", "in_progress"}, {"resolved", "rejected"}


def demo_login(services: Any, facts: dict[str, Any], account: str = "") -> Any:
    """Log in the demo account a tour step wants: "" the richest (debt and an open reading window), "prepaid"
    a prepaid one, "cases" one with open and closed claims. None when the demo data has no such account."""
    demo = [d for d in facts.get("demo", []) if d.get("pin")]
    if not demo:
        raise RuntimeError("no demo account with a PIN")
    if account == "prepaid":
        demo = [d for d in demo if d.get("kind") == "prepaid"]
    elif account == "cases":
        demo = [d for d in demo if OPEN_CASES & set(d.get("cases") or ()) and CLOSED_CASES & set(d.get("cases") or ())]
    elif account:
        raise ValueError(f"unknown kind of demo account {account!r}")
    if not demo:
        return None
    demo.sort(key=lambda d: (not d.get("open_window"), -(d.get("overdue") or 0), -(d.get("pending") or 0)))
    return services.auth.login(str(demo[0]["account_id"]), str(demo[0]["pin"]))


def staff_logins(facts: dict[str, Any]) -> list[dict[str, Any]]:
    """The demo's maintenance-mode logins (role, staff number, PIN); demo.json files written before they were
    kept there get the seed's, which never change."""
    if facts.get("staff"):
        return list(facts["staff"])
    from kiosk.central.seed_gen import STAFF_NUMBER, STAFF_PIN, TECHNICIAN_NUMBER, TECHNICIAN_PIN

    return [{"role": "operator", "number": STAFF_NUMBER, "pin": facts.get("staff_pin") or STAFF_PIN},
            {"role": "technician", "number": TECHNICIAN_NUMBER, "pin": TECHNICIAN_PIN}]


def print_facts(facts: dict[str, Any], config: Config) -> None:
    rows = [d for d in facts.get("demo", []) if d.get("pin")][:6]
    if not rows:
        return
    print(f"demo: config {config.data_dir / 'kiosk.toml'}; printed documents go to {config.print_folder}")
    print("demo: accounts to try (account / PIN / latest invoice):")
    for d in rows:
        extra = ", ".join(k for k in ("open_window", "agreement") if d.get(k))
        print(f"  {d['account_id']:>8}  PIN {d['pin']}  {d.get('latest_invoice', '')}  {d.get('kind', '')} {extra}")
    print(f"demo: maintenance mode (branch {config.kiosk.branch}; staff number / PIN):")
    for staff in staff_logins(facts):
        print(f"  {staff['role']:<10}  {staff['number']:>3}  PIN {staff['pin']}")


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("ventanilla")) / "demo"
