"""The account home's tiles come from the screens: a screen declares its tile, the home needs no edit."""

from __future__ import annotations

from typing import Any

from ui.screens.account_home_screen import AccountHomeScreen, home_tiles
from ui.screens.base import SCREENS, register
from ui.screens.customer_base import CustomerScreen, HomeTile


def test_the_tiles_are_the_declared_ones_in_their_order(kiosk_window: Any) -> None:
    home = kiosk_window.screen_named("account_home")
    declared = [name for name, _tile in home_tiles()]
    assert declared == ["invoices", "consumption", "reading", "claims", "requests", "statement", "agreements",
                        "prepaid"]
    assert list(home.tiles) == declared


def test_a_new_screen_with_a_tile_shows_on_the_home_without_editing_it(qtbot: Any, kiosk_window: Any) -> None:
    @register("tile_probe")
    class TileProbeScreen(CustomerScreen):
        home_tile = HomeTile("chart", "Pantalla de prueba", "Declarada por la pantalla", 35, lambda o: False)

    try:
        home = AccountHomeScreen(kiosk_window.ctx)
        qtbot.addWidget(home)
        names = list(home.tiles)
        assert names.index("tile_probe") == names.index("reading") + 1  # order 35: between 30 and 40
        assert home.tiles["tile_probe"].heading.text() == "Pantalla de prueba"
        session = kiosk_window.ctx.services.auth.login("1001", "2580")
        kiosk_window.start_session(session)
        assert not home.tiles["tile_probe"].isHidden()  # shown until the overview says otherwise
        home.on_overview(kiosk_window.ctx.services.account.overview(session))
        assert home.tiles["tile_probe"].isHidden() and not home.tiles["claims"].isHidden()
    finally:
        SCREENS.pop("tile_probe", None)
