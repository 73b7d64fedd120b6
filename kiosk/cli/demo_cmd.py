"""`python -m kiosk demo`: the embedded demo — a seeded central SQLite file, a synced replica, the kiosk window.

DATA_DIR/<profile>/ holds central.sqlite3 (seeded once with ~2,000 accounts), replica.sqlite3 (filled by the
sync engine at every start), kiosk.toml (a config `python -m kiosk run --config` accepts), demo.json (accounts
and PINs to try) and prints/ (the pdf-folder printer). `--tour DIR` renders every screen and state to PNG files
offscreen and exits. `--fake` uses in-memory services instead (UI work without the data stack).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.config import Config, parse_config

DEFAULT_ACCOUNTS = 2000
DEMO_SEED = 7
ZONES = {"AR": "America/Argentina/Cordoba", "PY": "America/Asuncion", "MX": "America/Mexico_City"}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None, help="where the demo databases live (default: "
                        "the platform's data dir)/demo")
    parser.add_argument("--profile", default="coop-ar",
                        help="branding profile: coop-ar, telco-py, wisp-mx; with --tour also 'all' (DIR/<profile>/)")
    parser.add_argument("--fullscreen", action="store_true", help="fullscreen and frameless, like a kiosk")
    parser.add_argument("--tour", type=Path, default=None, metavar="DIR",
                        help="render every screen and state to DIR/<orientation>/*.png and exit")
    parser.add_argument("--orientation", choices=("landscape", "portrait", "both"), default=None,
                        help="window shape (default landscape; the tour renders both unless one is given)")
    parser.add_argument("--accounts", type=int, default=DEFAULT_ACCOUNTS, help="accounts seeded the first time")
    parser.add_argument("--fake", action="store_true", help="in-memory services instead of the demo databases")
    parser.set_defaults(handler=run)


def _profiles() -> list[str]:
    try:
        from kiosk.branding import available_profiles

        return available_profiles()
    except ImportError:
        return ["coop-ar", "telco-py", "wisp-mx"]


def demo_config(folder: Path, profile: str, central_url: str, locale: str, country: str) -> Config:
    data: dict[str, Any] = {
        "kiosk": {"id": "DEMO01", "branch": "CENTRO", "branch_name": "Sucursal Centro · demostración",
                  "locale": locale, "timezone": ZONES.get(country, "UTC"), "data_dir": str(folder)},
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
                 "demo": [asdict(d) for d in report.demo]}
        facts_path.write_text(json.dumps(facts, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    config = demo_config(folder, profile, url, branding.locale, branding.country)
    _write_toml(folder / "kiosk.toml", config)
    with SyncEngine.from_config(config) as engine:
        sync = engine.run_once()
        if not sync.ok:
            log(f"demo: sync did not complete ({sync.error_code}); serving the replica as it is")
        if sync.replica_repair:  # the replica was damaged: moved aside and rebuilt before this sync
            log(f"demo: ATTENTION: {sync.replica_repair}")
    return config, facts


OPEN_CASES, CLOSED_CASES = {"received", "in_progress"}, {"resolved", "rejected"}


def _demo_login(services: Any, facts: dict[str, Any], account: str = "") -> Any:
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


def run(args: argparse.Namespace) -> int:
    if args.profile == "all":
        return _tour_every_profile(args)
    if args.profile not in _profiles():
        raise CliError(f"unknown profile {args.profile!r} (one of: {', '.join(_profiles())}, or all with --tour)")
    if args.accounts < 1:
        raise CliError("--accounts must be at least 1")
    if args.tour is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir: Path = args.data_dir or _default_data_dir()

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)

    from ui.demo_services import build_world, demo_branding, fake_services

    branding = demo_branding(args.profile)
    if args.fake:
        folder = (data_dir / args.profile).resolve()
        world = build_world(folder / "prints")
        services = fake_services(world, branding)
        config = demo_config(folder, args.profile, "", branding.locale, branding.country)
        facts: dict[str, Any] = {}

        def login(account: str = "") -> Any:
            return _fake_login(services, world, account)
    else:
        try:
            config, facts = prepare(data_dir, args.profile, args.accounts, log)
        except Exception as exc:
            raise CliError(f"cannot prepare the demo data in {data_dir}: {type(exc).__name__}: {exc}") from exc
        from kiosk.services.factory import build_services

        services = build_services(config)

        def login(account: str = "") -> Any:
            return _demo_login(services, facts, account)

        _print_facts(facts, config)

    from ui.app import application, build_window, show

    app = application()
    orientation = None if args.orientation in (None, "both") else args.orientation
    window = build_window(services, config, branding, orientation=orientation or "landscape")
    if args.tour is not None:
        from ui.tour import ORIENTATIONS, run_tour, set_sample_invoice

        orientations = (orientation,) if orientation else ORIENTATIONS
        fallback = None
        set_sample_invoice(None)  # another profile's invoices (another currency) must not be shown here
        if not args.fake:
            _sample_from(services, facts)
            world = build_world(data_dir / args.profile / "prints")
            fakes = fake_services(world, branding)
            fallback = (fakes, lambda account="": _fake_login(fakes, world, account))
        files = run_tour(window, args.tour, login=login, fallback=fallback, orientations=orientations, log=log)
        print(f"tour: {len(files)} images in {args.tour}")
        window.close()
        return 0 if files else 1
    if not args.fake:
        from kiosk.cli.run_cmd import start_sync

        start_sync(window, config, services)
    show(window, fullscreen=args.fullscreen)
    return int(app.exec())


def _tour_every_profile(args: argparse.Namespace) -> int:
    """`--profile all --tour DIR`: each utility's own tour (its home, its accounts) in DIR/<profile>/, and
    DIR/index.html linking them."""
    if args.tour is None:
        raise CliError("--profile all needs --tour DIR (the windowed demo shows one utility)")
    status = 0
    links = []
    for profile in _profiles():
        sub = argparse.Namespace(**{**vars(args), "profile": profile, "tour": args.tour / profile})
        status |= run(sub)
        links.append(f'<li><a href="{profile}/index.html">{profile}</a></li>')
    page = "<!doctype html><meta charset='utf-8'><title>Ventanilla tour</title><ul>" + "".join(links) + "</ul>"
    (args.tour / "index.html").write_text(page, encoding="utf-8")
    return status


def _fake_login(services: Any, world: Any, account: str = "") -> Any:
    """The in-memory world's customer for a tour step: its prepaid one, or the one with every kind of data."""
    number = 1003 if account == "prepaid" else 1001
    return services.auth.login(str(number), world.customers[number].pin)


def _sample_from(services: Any, facts: dict[str, Any]) -> None:
    """The tour's "invoice found" states show real invoices of the demo data, one of each status, looked up
    as a walk-in would (the demo accounts' own lists say which number has which status today)."""
    from kiosk.domain import InvoiceStatus
    from ui.tour import set_sample_invoice

    wanted = set(InvoiceStatus)
    for d in facts.get("demo", []):
        if not wanted:
            return
        if not d.get("pin"):
            continue
        account = str(d["account_id"])
        try:
            session = services.auth.login(account, str(d["pin"]))
        except Exception:
            continue
        try:
            for inv in services.account.invoices(session, None):
                if inv.status in wanted:
                    set_sample_invoice(services.lookup.by_number(account, inv.number))
                    wanted.discard(inv.status)
        except Exception:
            continue
        finally:
            services.auth.logout(session)


def _print_facts(facts: dict[str, Any], config: Config) -> None:
    rows = [d for d in facts.get("demo", []) if d.get("pin")][:6]
    if not rows:
        return
    print(f"demo: config {config.data_dir / 'kiosk.toml'}; printed documents go to {config.print_folder}")
    print("demo: accounts to try (account / PIN / latest invoice):")
    for d in rows:
        extra = ", ".join(k for k in ("open_window", "agreement") if d.get(k))
        print(f"  {d['account_id']:>8}  PIN {d['pin']}  {d.get('latest_invoice', '')}  {d.get('kind', '')} {extra}")


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("ventanilla")) / "demo"
