"""Service requests: multi-step forms whose fields are checked here, numbered and committed on the kiosk.

Each kind's form is declared once, in kiosk.services.forms.FORMS (fields, limits, required-ness, the screen's
questions): this service checks the answers against it and the screen builds its questions from it.
A contact-data change is written as a contact_change_requests row; every other kind as a service_requests row
whose payload is the JSON of the checked fields. PIN requests go through AuthService, not here.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from db.models import LocalContactChange, LocalServiceRequest
from kiosk.domain import RequestKind, RequestReceipt, labels
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.forms import FORMS, FormField, check_answer, show_answer
from kiosk.services.intake import new_id, next_number, queue
from kiosk.services.rows import own_supply
from kiosk.services.validation import invalid

__all__ = ["FORMS", "FormField", "RequestService"]


class RequestService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def submit(
        self, session: CustomerSession, kind: RequestKind, fields: dict[str, str], language: str
    ) -> RequestReceipt:
        account_id = self._ctx.sessions.check(session)
        try:
            kind = RequestKind(kind)
        except ValueError:
            raise invalid("kind", "choice") from None
        declared = FORMS.get(kind)
        if declared is None:  # pin_reset: AuthService.request_pin_code
            raise invalid("kind", "choice")
        form = declared.fields
        names = {f.name for f in form}
        for name in fields:
            if name not in names:
                raise invalid(name, "unknown")
        with self._ctx.factory.begin() as db:
            values: dict[str, str] = {}
            for f in form:  # a field asked only with an earlier answer is required only with it
                values[f.name] = self._check(db, account_id, f, fields.get(f.name), f.applies(values))
            if declared.one_of and not any(values.values()):
                raise invalid(form[0].name, "required")
            now = self._ctx.now()
            number = next_number(db, self._ctx.config)
            row_id = new_id()
            row: LocalContactChange | LocalServiceRequest
            if kind is RequestKind.CONTACT_CHANGE:
                row = LocalContactChange(
                    id=row_id,
                    kiosk_id=self._ctx.config.kiosk.id,
                    branch_id=self._ctx.config.kiosk.branch,
                    created_at=now,
                    number=number,
                    account_id=account_id,
                    phone=values["phone"] or None,
                    email=values["email"] or None,
                    consent_messages=None if not values["consent"] else values["consent"] == "yes",
                )
            else:
                payload = {k: v for k, v in values.items() if v}
                row = LocalServiceRequest(
                    id=row_id,
                    kiosk_id=self._ctx.config.kiosk.id,
                    branch_id=self._ctx.config.kiosk.branch,
                    created_at=now,
                    number=number,
                    account_id=account_id,
                    kind=kind.value,
                    payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                )
            queue(db, row)
            shown = tuple(
                (f.label(language), self._display(db, f, values[f.name], language)) for f in form if values[f.name]
            )
        return RequestReceipt(row_id, number, kind, account_id, shown, now, self._ctx.config.kiosk.id)

    def _check(self, db: Session, account_id: int, field: FormField, value: str | None, asked: bool) -> str:
        return check_answer(field, value, asked, lambda supply_id: own_supply(db, account_id, supply_id))

    def _display(self, db: Session, field: FormField, value: str, language: str) -> str:
        from db.models import LocalSupply

        def supply_text(supply_id: int) -> str | None:
            supply = db.get(LocalSupply, supply_id)
            return None if supply is None else f"{labels.service(supply.service, language)} — {supply.address}"

        return show_answer(field, value, language, supply_text)
