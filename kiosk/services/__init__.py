"""The kiosk's use cases over the local replica: what the screens call (contract: kiosk.services.api).

One class per use case, each built on a shared ServiceContext (context.py: session factory, config, clock,
live-session registry, walk-in grants); kiosk.services.factory.build_services wires them for a kiosk.

- lookup.py: walk-in invoice look-up by number or scanned code, with the anti-enumeration throttle
  (throttle.py).
- auth.py: login, logout, PIN registration/reset through central (kiosk.central.credentials.CentralAuth).
- account.py: overview, invoices, detail, consumption, statement, agreements, plans, cases.
- payments.py: payment slips (one reference for several invoices, derived from the set) and plan slips.
- readings.py, claims.py, requests.py: intake written with its outbox row (intake.py: fleet-unique
  numbers `{branch}-{kiosk}-{sequence:06d}`), form checks in validation.py.
- print_jobs.py: render (for a customer, or for staff by account/number), send, log and keep jobs for reprint;
  documents.py: the one registry of printed document kinds; printer_setup.py: the printer from the config.
- info.py: FAQ, branding, sync status.

Every method opens one session, returns frozen domain objects and raises kiosk.services.errors.ServiceError
(stable codes, listed in errors.CODES) for whatever the customer should read.
"""
