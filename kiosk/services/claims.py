"""Claims against an active supply of the logged-in account, numbered and committed on the kiosk.

The contact phone is either one the customer typed (validated, stored as "+5493511234567") or
PHONE_ON_FILE: the phone the account has on file. The replica holds that number only masked ("******1234"),
so the claim records the masked form; a contact phone with stars means "the one on file" to the back office
(a typed number never has any). The service checks there is such a phone: the form's offer is never trusted.
"""

from __future__ import annotations

from sqlalchemy import select

from db.models import LocalClaim, LocalClaimCategory
from kiosk.domain import ClaimCategory, ClaimReceipt, Service, Supply
from kiosk.services import validation
from kiosk.services.api import PHONE_ON_FILE, CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, ServiceError
from kiosk.services.intake import new_id, next_number, queue
from kiosk.services.rows import load_holder, own_supply

DESCRIPTION_MAX = 500
CONTACT_TIME_MAX = 40


def _category(row: LocalClaimCategory) -> ClaimCategory:
    return ClaimCategory(row.code, Service(row.service), row.label_es, row.label_en)


class ClaimService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def categories(self, supply: Supply) -> list[ClaimCategory]:
        """The active categories of the supply's service, in the catalogue's order."""
        with self._ctx.factory() as db:
            rows = db.scalars(
                select(LocalClaimCategory)
                .where(LocalClaimCategory.service == supply.service.value, LocalClaimCategory.active.is_(True))
                .order_by(LocalClaimCategory.position, LocalClaimCategory.code)
            ).all()
            return [_category(r) for r in rows]

    def file(
        self,
        session: CustomerSession,
        supply_id: int,
        category_code: str,
        description: str,
        contact_phone: str,
        contact_time: str,
    ) -> ClaimReceipt:
        """Validate, number and commit the claim with its outbox row; the receipt is built from that row."""
        account_id = self._ctx.sessions.check(session)
        description = validation.text("description", description, max_len=DESCRIPTION_MAX)
        on_file = (contact_phone or "").strip() == PHONE_ON_FILE
        phone = "" if on_file else validation.phone("contact_phone", contact_phone)
        when = validation.text("contact_time", contact_time, max_len=CONTACT_TIME_MAX, required=False)
        if not category_code or len(category_code) > 64 or not validation.printable(category_code):
            raise NotFound("category_not_found")  # no such code can exist (a surrogate cannot even be sent)
        with self._ctx.factory.begin() as db:
            if on_file:
                phone = load_holder(db, account_id, self._ctx.config).phone_masked
                if not phone:  # nothing on file: the customer has to type a number
                    raise validation.invalid("contact_phone", "required")
            supply = own_supply(db, account_id, supply_id)
            if not supply.active:
                raise ServiceError("supply_inactive")
            category = db.get(LocalClaimCategory, category_code)
            if category is None or not category.active or category.service != supply.service:
                raise NotFound("category_not_found")
            now = self._ctx.now()
            row = LocalClaim(
                id=new_id(),
                kiosk_id=self._ctx.config.kiosk.id,
                branch_id=self._ctx.config.kiosk.branch,
                created_at=now,
                number=next_number(db, self._ctx.config),
                account_id=account_id,
                supply_id=supply_id,
                category_code=category.code,
                description=description,
                contact_phone=phone,
                contact_time=when,
            )
            queue(db, row)
            receipt = ClaimReceipt(
                id=row.id,
                number=row.number,
                account_id=account_id,
                supply_id=supply_id,
                category=_category(category),
                description=description,
                contact_phone=phone,
                contact_time=when,
                created_at=now,
                kiosk_id=row.kiosk_id,
            )
        return receipt

    def receipt(self, number: str) -> ClaimReceipt:
        """A committed claim read back by its number, so staff can print its receipt again."""
        with self._ctx.factory() as db:
            row = db.scalar(select(LocalClaim).where(LocalClaim.number == number.strip()))
            category = db.get(LocalClaimCategory, row.category_code) if row is not None else None
            if row is None or category is None:
                raise ServiceError("document_unavailable")
            return ClaimReceipt(
                id=row.id,
                number=row.number,
                account_id=row.account_id,
                supply_id=row.supply_id,
                category=_category(category),
                description=row.description,
                contact_phone=row.contact_phone,
                contact_time=row.contact_time,
                created_at=row.created_at,
                kiosk_id=row.kiosk_id,
            )
