"""The CLI's command table: the GUI's commands arrive through the entry point group, and a core command
loads neither the GUI nor Qt (cold start of `python -m kiosk sync` on a kiosk matters)."""

from __future__ import annotations

import json
import subprocess
import sys

from kiosk.cli import COMMANDS, registered_commands


def test_gui_commands_are_registered_from_above_not_listed_by_the_core() -> None:
    commands = registered_commands()
    assert commands["demo"][0] == "ui.cli.demo_cmd" and commands["run"][0] == "ui.cli.run_cmd"
    assert not any(module.startswith("ui") for module, _help in COMMANDS.values())
    assert set(COMMANDS) < set(commands)


def test_a_core_command_does_not_load_the_gui() -> None:
    probe = (
        "import sys, json, contextlib, io\n"
        "from kiosk.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['sync', '--help'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('ui', 'PySide6', 'shiboken6'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_gui_command_is_loaded_when_asked_for() -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from kiosk.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['demo', '--help'])\n"
        "print('ui.cli.demo_cmd' in sys.modules, 'ui.cli.run_cmd' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split()[-2:] == ["True", "False"]
