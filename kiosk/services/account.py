"""What a logged-in customer sees of their account: debt, invoices, consumption, statement, cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    KioskState,
    LocalAgreementInstalment,
    LocalCaseStatus,
    LocalClaim,
    LocalClaimCategory,
    LocalContactChange,
    LocalInvoice,
    LocalInvoiceLine,
    LocalMeterReading,
    LocalPayment,
    LocalPaymentAgreement,
    LocalPlan,
    LocalReadingSubmission,
    LocalServiceRequest,
    LocalSupply,
)
from kiosk.domain import (
    AccountKind,
    AccountOverview,
    CaseStatus,
    ConsumptionPoint,
    Instalment,
    InvoiceDetail,
    InvoiceLine,
    InvoiceStatus,
    InvoiceSummary,
    MeterReading,
    Money,
    PaymentAgreement,
    Plan,
    ReadingKind,
    Service,
    Statement,
    StatementEntry,
)
from kiosk.domain.dues import DuesPolicy
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound
from kiosk.services.history import older_consumption
from kiosk.services.rows import Holder, is_row_id, load_holder, own_supply, plan_names, to_summary, to_supply
from kiosk.sync.retention import RETENTION_FROM

HISTORY_PERIODS = 12
MAX_STATEMENT_MONTHS = 120  # a statement reaches back at most ten years (and never before year 1)


@dataclass(frozen=True, slots=True)
class StaffAccess:
    """Staff on the kiosk itself reading one account without the customer's PIN (`python -m kiosk print`).

    Anyone with the replica file can read it; this only lets the staff tool go through the same reads (and so
    the same documents) as the customer's session instead of faking one. The touch screens never build it.
    """

    account_id: int


Reader = CustomerSession | StaffAccess


def _months_back(day: date, months: int) -> date:
    """The first day of the month `months` months before day's month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _reading_kind(kind: str) -> ReadingKind:
    try:
        return ReadingKind(kind)
    except ValueError:
        return ReadingKind.ESTIMATED


def consumption_points(
    session: Session, supply_id: int, periods: int, *, before_period: str | None = None
) -> list[ConsumptionPoint]:
    """The supply's last `periods` consumptions, oldest first, with the customer's unsynced submissions.

    A reading submitted here and not yet pulled back from central counts as a "customer" point for its
    period, unless central already has a reading for that period.
    """
    query = select(LocalMeterReading).where(
        LocalMeterReading.supply_id == supply_id, LocalMeterReading.consumption.is_not(None)
    )
    if before_period is not None:
        query = query.where(LocalMeterReading.period <= before_period)
    # Newest first; of two readings for one period (an estimate later corrected), the later one counts.
    order = (LocalMeterReading.period.desc(), LocalMeterReading.read_on.desc(), LocalMeterReading.id.desc())
    readings = session.scalars(query.order_by(*order).limit(periods * 2)).all()
    by_period: dict[str, ConsumptionPoint] = {}
    numbers = {
        period: number
        for period, number in session.execute(
            select(LocalInvoice.period, LocalInvoice.number).where(
                # through the account's invoices (ix_invoices_account_number): the replica has no supply index
                LocalInvoice.account_id
                == select(LocalSupply.account_id).where(LocalSupply.id == supply_id).scalar_subquery(),
                LocalInvoice.supply_id == supply_id,
            )
        )
    }
    for reading in readings:
        by_period.setdefault(
            reading.period,
            ConsumptionPoint(
                period=reading.period,
                consumption=Decimal(reading.consumption or 0),
                kind=_reading_kind(reading.kind),
                invoice_number=numbers.get(reading.period),
            ),
        )
    if before_period is None:
        submitted = session.scalars(
            select(LocalReadingSubmission)
            .where(LocalReadingSubmission.supply_id == supply_id, LocalReadingSubmission.consumption.is_not(None))
            .order_by(LocalReadingSubmission.created_at)
        ).all()
        known = {
            p for (p,) in session.execute(
                select(LocalMeterReading.period).where(LocalMeterReading.supply_id == supply_id)
            )
        }
        for sub in submitted:  # the latest submission of a period wins
            if sub.period not in known:
                by_period[sub.period] = ConsumptionPoint(
                    sub.period, Decimal(sub.consumption or 0), ReadingKind.CUSTOMER, None
                )
    return sorted(by_period.values(), key=lambda p: p.period)[-periods:]


class AccountService:
    """Read-only views of the session's account, all from the replica."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def _holder(self, session: Session, customer: Reader) -> Holder:
        if isinstance(customer, StaffAccess):
            return load_holder(session, customer.account_id, self._ctx.config)
        account_id = self._ctx.sessions.check(customer)
        return load_holder(session, account_id, self._ctx.config)

    def _summaries(self, session: Session, holder: Holder) -> list[InvoiceSummary]:
        today = self._ctx.today()
        rows = session.scalars(
            select(LocalInvoice)
            .where(LocalInvoice.account_id == holder.account_id)
            .order_by(LocalInvoice.issue_date.desc(), LocalInvoice.id.desc())
        ).all()
        dues = self._ctx.branding().dues
        return [to_summary(row, holder.masked, holder.currency, today, dues) for row in rows]

    def overview(self, session: CustomerSession) -> AccountOverview:
        with self._ctx.factory() as db:
            holder = self._holder(db, session)
            invoices = self._summaries(db, holder)
            names = plan_names(db)
            supplies = db.scalars(
                select(LocalSupply).where(LocalSupply.account_id == holder.account_id).order_by(LocalSupply.id)
            ).all()
            zero = Money.zero(holder.currency)
            open_ = [i for i in invoices if i.is_open]
            overdue = [i for i in open_ if i.status is InvoiceStatus.OVERDUE]
            kind = AccountKind(holder.kind)
            credit_days = None
            if kind is AccountKind.PREPAID:
                until = holder.prepaid_until
                credit_days = max(0, (until - self._ctx.today()).days) if until else 0
            pay_by = [i.owed.pay_by for i in open_ if i.owed.pay_by is not None]
            return AccountOverview(
                account_id=holder.account_id,
                holder_first_name=session.first_name or holder.first_name,
                holder_masked=holder.masked,
                kind=kind,
                total_due=sum((i.owed.amount for i in open_), zero),
                overdue_total=sum((i.owed.amount for i in overdue), zero),
                overdue_count=len(overdue),
                pending_count=len(open_) - len(overdue),
                pay_by=min(pay_by) if pay_by else None,
                at_counter_total=sum((i.owed.amount for i in open_ if i.owed.at_counter), zero),
                supplies=tuple(to_supply(s, names.get(s.plan_id) if s.plan_id else None) for s in supplies),
                credit_days=credit_days,
                prepaid_until=holder.prepaid_until,
                plan_name=names.get(holder.plan_id) if holder.plan_id else None,
                phone_masked=holder.phone_masked or None,
                email_masked=holder.email_masked or None,
            )

    def invoices(self, session: Reader, status: InvoiceStatus | None = None) -> list[InvoiceSummary]:
        """The account's invoices, newest first; `status` filters (overdue is computed from today's date)."""
        with self._ctx.factory() as db:
            summaries = self._summaries(db, self._holder(db, session))
        return [s for s in summaries if status is None or s.status is InvoiceStatus(status)]

    def invoice_detail(self, session: Reader | None, invoice_id: int) -> InvoiceDetail:
        """Lines, taxes, readings and consumption of one invoice.

        A walk-in (session None) gets only an invoice the look-up just revealed on this kiosk, and only what
        the paper invoice carries about the invoice itself: no supply address, no consumption history.
        """
        with self._ctx.factory() as db:
            invoice = db.get(LocalInvoice, invoice_id) if is_row_id(invoice_id) else None
            if session is None:
                if invoice is None or not self._ctx.grants.allows(invoice_id):
                    raise NotFound("invoice_not_found")
                holder = load_holder(db, invoice.account_id, self._ctx.config)
            else:
                holder = self._holder(db, session)
                if invoice is None or invoice.account_id != holder.account_id:
                    raise NotFound("invoice_not_found")
            dues = self._ctx.branding().dues
            summary = to_summary(invoice, holder.masked, holder.currency, self._ctx.today(), dues)
            lines = db.scalars(
                select(LocalInvoiceLine)
                .where(LocalInvoiceLine.invoice_id == invoice_id)
                .order_by(LocalInvoiceLine.line_no)
            ).all()
            supply = db.get(LocalSupply, invoice.supply_id) if invoice.supply_id is not None else None
            previous = current = None
            history: tuple[ConsumptionPoint, ...] = ()
            if invoice.supply_id is not None and Service(invoice.service).metered:
                readings = db.scalars(
                    select(LocalMeterReading)
                    .where(LocalMeterReading.supply_id == invoice.supply_id, LocalMeterReading.period <= invoice.period)
                    .order_by(LocalMeterReading.period.desc())
                    .limit(2)
                ).all()
                mapped = [
                    MeterReading(r.supply_id, r.period, r.read_on, r.value, _reading_kind(r.kind), r.consumption)
                    for r in readings
                ]
                if mapped and mapped[0].period == invoice.period:
                    current = mapped[0]
                    previous = mapped[1] if len(mapped) > 1 else None
                if session is not None:
                    history = tuple(
                        consumption_points(db, invoice.supply_id, HISTORY_PERIODS, before_period=invoice.period)
                    )
            return InvoiceDetail(
                summary=summary,
                lines=tuple(
                    InvoiceLine(
                        description=line.description,
                        amount=line.amount,
                        quantity=Decimal(str(line.quantity)) if line.quantity is not None else None,
                        unit_price=line.unit_price,
                        is_tax=line.is_tax,
                    )
                    for line in lines
                ),
                taxes=Money(invoice.taxes or Decimal(0), holder.currency),
                supply_address=supply.address if supply is not None and session is not None else "",
                previous_reading=previous,
                current_reading=current,
                consumption=Decimal(current.consumption) if current and current.consumption is not None else None,
                unit=Service(invoice.service).unit,
                history=history,
            )

    def consumption(self, session: CustomerSession, supply_id: int, periods: int = 24) -> list[ConsumptionPoint]:
        """The last 12-24 periods of one of the account's supplies, oldest first."""
        periods = min(max(periods, 12), 24)
        with self._ctx.factory() as db:
            account_id = self._ctx.sessions.check(session)
            own_supply(db, account_id, supply_id)
            points = consumption_points(db, supply_id, periods)
            kept_from = db.scalar(select(KioskState.value).where(KioskState.key == RETENTION_FROM))
        if kept_from and len(points) < periods:
            # The replica keeps a retention window: the older periods come from central when it answers.
            before = points[0].period if points else kept_from[:7]
            points = older_consumption(self._ctx, supply_id, before, periods - len(points)) + points
        return points

    def statement(self, session: Reader, months: int = 12) -> Statement:
        """Movements since the first day `months` months ago, with the balance before that day.

        Debits are the invoices, the second-due surcharge of an invoice paid (or still owed) after its first due
        date, and interest owed under the utility's late rule; credits are payments and adjustments (a negative
        adjustment is a debit). Built from the same rule as every amount owed (kiosk.domain.dues), so the
        closing balance is what the account home asks for today.

        A replica cut to a retention window (kiosk.sync.retention) lacks the settled movements before it: the
        statement then starts no earlier than the window, and its opening balance is what is owed today minus
        the movements since the start (every open invoice is in the replica whatever its age).
        """
        today = self._ctx.today()
        start = _months_back(today, min(max(months, 1), MAX_STATEMENT_MONTHS) - 1)
        dues = self._ctx.branding().dues
        with self._ctx.factory() as db:
            holder = self._holder(db, session)
            aid = holder.account_id
            kept_from = db.scalar(select(KioskState.value).where(KioskState.key == RETENTION_FROM))
            invoices = db.scalars(select(LocalInvoice).where(LocalInvoice.account_id == aid)).all()
            payments = db.scalars(select(LocalPayment).where(LocalPayment.account_id == aid)).all()
            movements = _movements(invoices, payments, holder.currency, today, dues)
            if kept_from:
                start = max(start, date.fromisoformat(kept_from))
                summaries = [to_summary(i, holder.masked, holder.currency, today, dues) for i in invoices]
                owed = sum((s.owed.amount.amount for s in summaries if s.is_open), Decimal(0))
                since = sum((m.debit - m.credit for m in movements if m.on >= start), Decimal(0))
                opening = owed - since
            else:
                opening = sum((m.debit - m.credit for m in movements if m.on < start), Decimal(0))
        balance = opening
        entries = []
        for m in movements:
            if m.on < start:
                continue
            balance = balance + m.debit - m.credit
            entries.append(StatementEntry(m.on, m.kind, m.description, m.reference, m.debit, m.credit, balance))
        return Statement(
            account_id=holder.account_id,
            holder_masked=holder.masked,
            currency=holder.currency,
            from_date=start,
            to_date=today,
            opening_balance=opening,
            entries=tuple(entries),
        )

    def agreements(self, session: CustomerSession) -> list[PaymentAgreement]:
        with self._ctx.factory() as db:
            holder = self._holder(db, session)
            agreements = db.scalars(
                select(LocalPaymentAgreement)
                .where(LocalPaymentAgreement.account_id == holder.account_id)
                .order_by(LocalPaymentAgreement.created_on.desc(), LocalPaymentAgreement.id.desc())
            ).all()
            ids = [a.id for a in agreements]
            instalments: dict[int, list[Instalment]] = {i: [] for i in ids}
            if ids:
                for row in db.scalars(
                    select(LocalAgreementInstalment)
                    .where(LocalAgreementInstalment.agreement_id.in_(ids))
                    .order_by(LocalAgreementInstalment.number)
                ):
                    instalments[row.agreement_id].append(
                        Instalment(row.number, row.due_date, Money(row.amount, holder.currency), row.paid_on)
                    )
            return [
                PaymentAgreement(
                    a.id, a.created_on, Money(a.total, holder.currency), tuple(instalments[a.id]), a.status
                )
                for a in agreements
            ]

    def plans(self, session: CustomerSession) -> list[Plan]:
        """Active plans for the services of a prepaid account's supplies, cheapest first; none for postpaid."""
        with self._ctx.factory() as db:
            holder = self._holder(db, session)
            if holder.kind != AccountKind.PREPAID:
                return []
            services = set(
                db.scalars(select(LocalSupply.service).where(LocalSupply.account_id == holder.account_id))
            )
            rows = db.scalars(
                select(LocalPlan)
                .where(LocalPlan.active.is_(True), LocalPlan.service.in_(services))
                .order_by(LocalPlan.price, LocalPlan.id)
            ).all()
            return [Plan(p.id, p.name, p.description, Money(p.price, holder.currency), p.days) for p in rows]

    def cases(self, session: CustomerSession) -> list[CaseStatus]:
        """Claims and requests, newest first: answered ones from central, the rest as "queued"."""
        with self._ctx.factory() as db:
            account_id = self._ctx.sessions.check(session)
            cases = [
                CaseStatus(c.number, c.kind, c.status, c.created_at, c.summary, c.updated_at)
                for c in db.scalars(select(LocalCaseStatus).where(LocalCaseStatus.account_id == account_id))
            ]
            known = {c.number for c in cases}
            known_ids = set(
                db.scalars(select(LocalCaseStatus.id).where(LocalCaseStatus.account_id == account_id))
            )
            labels = {
                code: label
                for code, label in db.execute(select(LocalClaimCategory.code, LocalClaimCategory.label_es))
            }
            for claim in db.scalars(select(LocalClaim).where(LocalClaim.account_id == account_id)):
                if claim.id not in known_ids and claim.number not in known:
                    summary = labels.get(claim.category_code, claim.category_code)  # as central words it
                    cases.append(CaseStatus(claim.number, "claim", "queued", claim.created_at, summary))
            for req in db.scalars(select(LocalServiceRequest).where(LocalServiceRequest.account_id == account_id)):
                if req.id not in known_ids and req.number not in known:
                    cases.append(CaseStatus(req.number, req.kind, "queued", req.created_at, req.kind))
            for change in db.scalars(select(LocalContactChange).where(LocalContactChange.account_id == account_id)):
                if change.id not in known_ids and change.number not in known:
                    cases.append(
                        CaseStatus(change.number, "contact_change", "queued", change.created_at, "contact_change")
                    )
        cases.sort(key=lambda c: c.created_at, reverse=True)
        return cases


@dataclass(frozen=True, slots=True)
class _Movement:
    on: date
    order: int  # same day: invoice, then surcharge and interest, then payments
    kind: str
    description: str
    reference: str
    debit: Decimal
    credit: Decimal


def _movements(
    invoices: Sequence[LocalInvoice], payments: Sequence[LocalPayment], currency: str, today: date, dues: DuesPolicy
) -> list[_Movement]:
    """Every debit and credit of an account up to today, in date order, by the utility's dues rule.

    An invoice paid after its first due date was settled at the second-due total (plus interest when paid late
    under the interest rule): that surcharge and interest are debits of their own, on the day they became owed,
    so paying them never turns the balance negative. An open invoice carries what it costs today.
    """
    out: list[_Movement] = []
    zero = Decimal(0)
    for inv in invoices:
        out.append(_Movement(inv.issue_date, 0, "invoice", inv.period, inv.number, inv.total, zero))
        paid = inv.status == InvoiceStatus.PAID or inv.paid_on is not None
        as_of = min(inv.paid_on, today) if inv.paid_on is not None else today
        if paid and inv.paid_on is None:
            as_of = inv.first_due_date  # paid, day unknown: taken as paid on time
        owed = dues.owed(
            total=Money(inv.total, currency),
            second_total=Money(inv.second_total, currency) if inv.second_total is not None else None,
            first_due=inv.first_due_date,
            second_due=inv.second_due_date,
            on=as_of,
        )
        if owed.surcharge.amount:
            out.append(
                _Movement(dues.surcharge_day(inv.first_due_date), 1, "surcharge", inv.period, inv.number,
                          owed.surcharge.amount, zero)
            )
        if owed.interest.amount:
            out.append(_Movement(as_of, 2, "interest", inv.period, inv.number, owed.interest.amount, zero))
    numbers = {inv.id: inv.number for inv in invoices}
    for pay in payments:
        if pay.paid_on > today:
            continue
        kind = "adjustment" if pay.kind == "adjustment" else "payment"
        ref = numbers.get(pay.invoice_id, "") if pay.invoice_id is not None else ""
        debit, credit = (zero, pay.amount) if pay.amount >= 0 else (-pay.amount, zero)
        out.append(_Movement(pay.paid_on, 3, kind, pay.channel, ref, debit, credit))
    out.sort(key=lambda m: (m.on, m.order, m.reference))
    return out
