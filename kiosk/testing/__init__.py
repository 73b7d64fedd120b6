"""In-memory stand-ins for the kiosk's services, for tests and for `demo --fake` (never the product's runtime path).

`kiosk.testing.world` holds the data and the knobs (FakeWorld and two ready-made worlds), `kiosk.testing.fakes`
the services over it. tests/kiosk/services/test_services_contract.py runs one suite against these fakes and the
real services on a replica, so the fakes cannot drift from what the screens meet in production. An
import-linter contract (pyproject) keeps the runtime packages from importing this one.
"""
