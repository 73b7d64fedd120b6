"""`python -m kiosk demo`: the embedded demo in a window (kiosk/demo.py prepares its data); `--tour DIR`
renders every screen and state to PNG files offscreen and exits; `--fake` uses in-memory services instead
(UI work without the data stack). Registered with the CLI through the `ventanilla.commands` entry point.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.demo import (
    DEFAULT_ACCOUNTS,
    default_data_dir,
    demo_config,
    demo_login,
    prepare,
    print_facts,
    profiles,
)

HELP = "embedded demo in a window; --tour renders every screen to PNG"


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


def run(args: argparse.Namespace) -> int:
    if args.profile == "all":
        return _tour_every_profile(args)
    if args.profile not in profiles():
        raise CliError(f"unknown profile {args.profile!r} (one of: {', '.join(profiles())}, or all with --tour)")
    if args.accounts < 1:
        raise CliError("--accounts must be at least 1")
    if args.tour is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir: Path = args.data_dir or default_data_dir()

    def log(msg: str) -> None:
        print(msg, file=sys.stderr)
        # also a real line of the maintenance Logs screen's ring buffer, once logsetup has installed it below
        logging.getLogger("kiosk.demo").info("%s", msg)

    if args.fake or args.tour is not None:
        fakes_mod, world_mod = _testing()
        fake_services, build_world = fakes_mod.fake_services, world_mod.build_world
        branding = world_mod.demo_branding(args.profile)
    else:
        from kiosk.branding import load_branding

        branding = load_branding(args.profile)  # a shipped profile: checked against profiles() above
    if args.fake:
        folder = (data_dir / args.profile).resolve()
        world = build_world(folder / "prints")
        services = fake_services(world, branding)
        config = demo_config(folder, args.profile, "", branding.timezone)
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
            return demo_login(services, facts, account)

        print_facts(facts, config)

    from kiosk import logsetup
    from ui.app import application, build_window, show

    # Before the window: the maintenance Logs screen reads this ring buffer (the tour's too, so it shows lines).
    logsetup.configure(config.logging, ring_buffer=True)
    app = application()
    orientation = None if args.orientation in (None, "both") else args.orientation
    window = build_window(services, config, branding, orientation=orientation or "landscape")
    if args.tour is not None:
        TODAY = world_mod.TODAY
        from ui.screens.tour_samples import set_sample_invoice, set_sample_world
        from ui.tour import ORIENTATIONS, run_tour

        orientations = (orientation,) if orientation else ORIENTATIONS
        fallback = None
        set_sample_invoice(None)  # another profile's invoices (another currency) must not be shown here
        set_sample_world(build_world().invoices, TODAY)  # for a status the demo data has no invoice of
        if not args.fake:
            _sample_from(services, facts)
            world = build_world(data_dir / args.profile / "prints")
            fakes = fake_services(world, branding)
            fallback = (fakes, lambda account="": _fake_login(fakes, world, account))
        files = run_tour(window, args.tour, login=login, fallback=fallback, orientations=orientations, log=log)
        print(f"tour: {len(files)} images in {args.tour}")
        window.close()
        return 0 if files else 1
    if not args.fake:  # like `run`: sync in the background, and settings set at central (`central config set
        # --url sqlite:///DATA_DIR/PROFILE/central.sqlite3`) applied when idle
        from ui.cli.run_cmd import go_live

        go_live(window, config, services, branding.form_of_address.value, {"config": config, "services": services})
    from ui import crash

    crash.install(window, logsetup.log_file())
    show(window, fullscreen=args.fullscreen)
    from ui import shutdown

    shutdown.install(app)  # Ctrl+C in the terminal ends the demo (the Qt loop would not let Python see it)
    return int(app.exec())


def _testing() -> tuple[Any, Any]:
    """kiosk.testing's fakes and world (for --fake and --tour), or a clear error in a build that leaves them
    out: the frozen product ships the embedded demo but never the fakes."""
    try:
        from kiosk.testing import fakes, world
    except ModuleNotFoundError as exc:
        if exc.name is None or not exc.name.startswith("kiosk.testing"):
            raise
        raise CliError("--fake and --tour need kiosk.testing (the in-memory fakes), which this build leaves out; "
                       "run them from a source checkout (make demo, make tour)") from None
    return fakes, world


def _tour_every_profile(args: argparse.Namespace) -> int:
    """`--profile all --tour DIR`: each utility's own tour (its home, its accounts) in DIR/<profile>/, and
    DIR/index.html linking them."""
    if args.tour is None:
        raise CliError("--profile all needs --tour DIR (the windowed demo shows one utility)")
    status = 0
    links = []
    for profile in profiles():
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
    from ui.screens.tour_samples import set_sample_invoice

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
