"""Sync between the kiosk's SQLite replica and the central database (no Qt here; ui/sync_bridge.py runs it).

Modules by role: `outbox` (queue intake rows in the caller's transaction), `tables` (what is copied and how,
masking of customers), `central` (connections, error mapping, the safe pull horizon), `pull`, `push`,
`reconcile`, `heartbeat`, `schema` (version check), `state` (kiosk_state keys and `sync_status`), `report`
(SyncReport and errors), `engine` (SyncEngine: one round = schema check, push, pull, reconcile, heartbeat).

Entry points: `SyncEngine(central_url, replica_path, kiosk_id, branch_id).run_once(reconcile=False)`,
`python -m kiosk sync`, and `kiosk.sync.state.sync_status(engine)` for the screens.
"""
