"""The demo-data generator: plain Python rows, deterministic for a given seed, profile and day.

Rows come out in chunks of accounts as tuples in the column order of `COLUMNS`, parents before children, so a
writer can stream them into any database (COPY on PostgreSQL, executemany on SQLite). Speed matters (100,000
accounts become about twenty million rows), so the inner loop works on integers: money in cents, dates as
pre-rendered ISO strings, names drawn from pools built once with Faker, and no per-row object allocation beyond
the row tuple itself. The value encoding (NULL, booleans, money, timestamps) is chosen by a `Encoding` so the
same loop feeds both databases without a conversion pass.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.branding import load_branding
from kiosk.central.seed_content import CLAIM_CATEGORIES, FAQ
from kiosk.central.seed_profiles import PROFILES, SeedProfile, Tariff
from kiosk.domain.reading import Service

MONTHS = 24
CHUNK_ACCOUNTS = 1000
DEMO_PIN_ACCOUNTS = 10
STAFF_PIN = "4826"  # the demo operator's (staff number STAFF_NUMBER, the first branch)
STAFF_NUMBER = 1
TECHNICIAN_PIN = "7391"  # the demo technician's (staff number TECHNICIAN_NUMBER, fleet-wide: no branch)
TECHNICIAN_NUMBER = 2
OVERDUE_SHARE = 0.15  # postpaid accounts with overdue invoices

Row = tuple[Any, ...]

# Column order of every table the generator fills (the writers use these names verbatim).
COLUMNS: dict[str, tuple[str, ...]] = {
    "branches": ("id", "name", "address", "timezone", "row_version"),
    "plans": ("id", "name", "description", "service", "price", "days", "active", "row_version"),
    "claim_categories": ("code", "service", "label_es", "label_en", "position", "active", "row_version"),
    "faq_entries": ("id", "language", "position", "question", "answer", "row_version"),
    "staff": ("id", "branch_id", "name", "pin_hash", "role", "active", "row_version"),
    "reading_windows": ("id", "route", "opens_on", "closes_on", "row_version"),
    "customers": (
        "id", "first_name", "last_name", "document_type", "document_number", "phone", "email",
        "consent_messages", "e_invoice", "row_version",
    ),
    "accounts": (
        "id", "customer_id", "kind", "status", "currency", "branch_id", "plan_id", "prepaid_until", "row_version",
    ),
    "supplies": (
        "id", "account_id", "service", "address", "active", "meter_number", "meter_digits", "route", "plan_id",
        "row_version",
    ),
    "invoices": (
        "id", "number", "account_id", "supply_id", "service", "period", "issue_date", "first_due_date",
        "second_due_date", "total", "second_total", "taxes", "status", "payment_reference", "paid_on",
        "row_version",
    ),
    "invoice_lines": (
        "id", "invoice_id", "line_no", "description", "quantity", "unit_price", "amount", "is_tax", "row_version",
    ),
    "payments": ("id", "account_id", "invoice_id", "paid_on", "amount", "kind", "channel", "row_version"),
    "meter_readings": ("id", "supply_id", "period", "read_on", "value", "kind", "consumption", "row_version"),
    "payment_agreements": ("id", "account_id", "created_on", "total", "status", "row_version"),
    "agreement_instalments": ("id", "agreement_id", "number", "due_date", "amount", "paid_on", "row_version"),
    "case_statuses": (
        "id", "number", "account_id", "kind", "status", "summary", "created_at", "updated_at", "row_version",
    ),
}
STATIC_TABLES = ("branches", "plans", "claim_categories", "faq_entries", "staff", "reading_windows")
CHUNK_TABLES = (
    "customers", "accounts", "supplies", "invoices", "invoice_lines", "payments", "meter_readings",
    "payment_agreements", "agreement_instalments", "case_statuses",
)
# Columns holding money (cents in the generator).
MONEY_COLUMNS = {
    ("plans", "price"), ("invoices", "total"), ("invoices", "second_total"), ("invoices", "taxes"),
    ("invoice_lines", "unit_price"), ("invoice_lines", "amount"), ("payments", "amount"),
    ("payment_agreements", "total"), ("agreement_instalments", "amount"),
}

_FIRST_ACCOUNT = 1001
_INVOICE_NUMBER_BASE = 40000
_REQUEST_KINDS = (
    ("reconnection", "Solicitud de reconexión"),
    ("change_of_holder", "Cambio de titular"),
    ("e_invoice", "Adhesión a factura electrónica"),
    ("new_service", "Solicitud de alta de servicio"),
    ("callback", "Pedido de contacto"),
)
_CASE_STATES = ("received", "in_progress", "resolved", "rejected")
_CASE_WEIGHTS = (25, 30, 35, 10)


# Weighted digit sums of two-digit groups for the reference check digit (weights 3,1 from the right).
_PAIR_31 = [3 * (x % 10) + x // 10 for x in range(100)]  # right digit weight 3, left weight 1
_PAIR_13 = [x % 10 + 3 * (x // 10) for x in range(100)]  # right digit weight 1, left weight 3


def account_reference_sum(account_id: int) -> int:
    """The account's share of the check-digit sum (digits 10-17 from the right of the reference body)."""
    a = account_id
    return _PAIR_13[a % 100] + _PAIR_13[a // 100 % 100] + _PAIR_13[a // 10**4 % 100] + _PAIR_13[a // 10**6 % 100]


def fast_reference(account_id: int, account_sum: int, document_id: int) -> str:
    """Same result as kiosk.payments.reference.make_reference, without a per-digit loop (tests compare)."""
    d = document_id
    total = (
        account_sum
        + _PAIR_31[d % 100]
        + _PAIR_31[d // 100 % 100]
        + _PAIR_31[d // 10**4 % 100]
        + _PAIR_31[d // 10**6 % 100]
        + 3 * (d // 10**8)
    )
    return f"{account_id:08d}{document_id:09d}{(10 - total % 10) % 10}"


@dataclass(frozen=True, slots=True)
class Encoding:
    """How values are written: PostgreSQL COPY text or SQLite parameters."""

    null: Any
    true: Any
    false: Any
    money: Callable[[int], Any]
    timestamp: Callable[[datetime], str]


def _pg_money(cents: int) -> str:
    """NUMERIC input accepts exponents: 12345e-2 is 123.45, one format instead of a division."""
    return f"{cents}e-2"


PG_ENCODING = Encoding(r"\N", "t", "f", _pg_money, lambda ts: ts.strftime("%Y-%m-%d %H:%M:%S+00"))
SQLITE_ENCODING = Encoding(None, 1, 0, int, lambda ts: ts.strftime("%Y-%m-%d %H:%M:%S.%f"))


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """Facts about one of the first accounts, printed so a tester knows what to try."""

    account_id: int
    pin: str | None
    kind: str
    services: tuple[str, ...]
    overdue: int
    pending: int
    latest_invoice: str
    open_window: bool
    prepaid_until: str | None
    agreement: bool
    cases: tuple[str, ...] = ()  # the states of its claims and requests ("received", ..., "resolved")


@dataclass
class SeedPlan:
    """Everything fixed before the first row: the profile, the day, the pools, the period calendar."""

    profile: SeedProfile
    accounts: int
    seed: int
    today: date
    currency: str
    invoice_prefix: str
    round_to: int  # cents granularity of amounts (100 for currencies without decimals)
    first_names: list[str] = field(default_factory=list)
    last_names: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    ascii_first: dict[str, str] = field(default_factory=dict)
    ascii_last: dict[str, str] = field(default_factory=dict)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def _clean(text: str) -> str:
    """Pool entries go into COPY text unescaped: keep them free of tabs, newlines and backslashes."""
    return " ".join(text.replace("\\", " ").split())


def make_plan(profile_key: str, accounts: int, seed: int, today: date) -> SeedPlan:
    """Resolve the profile and build the name and street pools (Faker, seeded: same seed, same pools)."""
    from faker import Faker

    if profile_key not in PROFILES:
        raise ValueError(f"unknown seed profile {profile_key!r}; available: {', '.join(sorted(PROFILES))}")
    profile = PROFILES[profile_key]
    branding = load_branding(profile_key)
    fake = Faker(list(profile.faker_locales))
    fake.seed_instance(seed)
    firsts = sorted({_clean(fake.first_name()) for _ in range(600)})
    lasts = sorted(set(profile.last_names) or {_clean(fake.last_name()) for _ in range(500)})
    streets = sorted(set(profile.streets) or {_clean(fake.street_name()) for _ in range(400)})
    plan = SeedPlan(
        profile=profile,
        accounts=accounts,
        seed=seed,
        today=today,
        currency=branding.currency,
        invoice_prefix=branding.invoice_prefix,
        round_to=100 if branding.currency == "PYG" else 1,
        first_names=firsts,
        last_names=lasts,
        streets=streets,
    )
    plan.ascii_first = {n: _ascii(n.split()[0]) for n in firsts}
    plan.ascii_last = {n: _ascii(n.split()[0]) for n in lasts}
    return plan


def _month_add(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class Generator:
    """Produces the static tables, then the accounts chunk by chunk; one row_version counter for all."""

    def __init__(self, plan: SeedPlan, enc: Encoding, first_row_version: int = 1) -> None:
        self.plan = plan
        self.enc = enc
        self.next_rv = first_row_version
        self.demo: list[DemoAccount] = []
        self._iso: dict[int, str] = {}
        p = plan.profile
        self.metered = any(s.metered for s in p.tariffs)
        self.categories: dict[Service, list[tuple[str, str]]] = {}
        for code, service, label_es, _en in CLAIM_CATEGORIES:
            if service in p.tariffs:
                self.categories.setdefault(service, []).append((code, label_es))
        self._calendar()
        self._prefill_dates()

    # -- helpers ---------------------------------------------------------------------------------------

    def iso(self, ordinal: int) -> str:
        text = self._iso.get(ordinal)
        if text is None:
            text = self._iso[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    def _prefill_dates(self) -> None:
        """Every day the account rows can mention, rendered once (the hot loop then only indexes a dict)."""
        for ordinal in range(self.today_ord - 31 * (MONTHS + 2), self.today_ord + 400):
            self.iso(ordinal)

    def _round(self, cents: float) -> int:
        step = self.plan.round_to
        return round(cents / step) * step

    def _calendar(self) -> None:
        """Per billing cycle (route or cycle 0..11): the 24 periods with issue and due dates, as ordinals."""
        today = self.plan.today
        self.today_ord = today.toordinal()
        self.cycles: list[list[tuple[str, int, int, int, int]]] = []
        self.last_due: list[int] = []  # per cycle: index of the newest period whose first due date has passed
        for cycle in range(12):
            # Each route (cycle) is billed on its own day: the newest invoice was issued 2 to 24 days ago, so
            # whatever --today is, the first cycles still have an invoice before its first due date.
            latest = today - timedelta(days=2 + 2 * cycle)
            periods = []
            for back in range(MONTHS - 1, -1, -1):
                iy, im = _month_add(latest.year, latest.month, -back)
                py, pm = _month_add(iy, im, -1)
                issue = date(iy, im, min(latest.day, 28)).toordinal()
                first_due = issue + 15
                periods.append((f"{py:04d}-{pm:02d}", pm, issue, first_due, first_due + 10))
            self.cycles.append(periods)
            self.last_due.append(max(i for i, row in enumerate(periods) if row[3] < self.today_ord))
        # Price of each period relative to today's tariff (older is cheaper).
        rate = 1 + self.plan.profile.inflation_pct_month / 100
        self.price_factor = [rate ** -(MONTHS - 1 - i) for i in range(MONTHS)]

    def rv(self) -> int:
        value = self.next_rv
        self.next_rv = value + 1
        return value

    def _rv_block(self) -> tuple[Callable[[], int], Callable[[], None]]:
        """A fast row_version source for a hot loop, and the function that hands its position back."""
        counter = itertools.count(self.next_rv)

        def sync() -> None:
            self.next_rv = next(counter)

        return counter.__next__, sync

    # -- static tables ---------------------------------------------------------------------------------

    def static_rows(self, staff_pin_hashes: tuple[str, str]) -> dict[str, list[Row]]:
        """Branches, plans, categories, FAQ, staff and reading windows; staff_pin_hashes: the argon2 hashes of
        the operator's and the technician's PINs."""
        p, enc, t = self.plan.profile, self.enc, self.enc.true
        rows: dict[str, list[Row]] = {name: [] for name in STATIC_TABLES}
        for bid, name, address in p.branches:
            rows["branches"].append((bid, name, address, p.timezone, self.rv()))
        for spec in p.plans:
            rows["plans"].append(
                (spec.id, spec.name, spec.description, Service.INTERNET.value, enc.money(spec.price_cents),
                 spec.days, t, self.rv())
            )
        position = 0
        for code, service, label_es, label_en in CLAIM_CATEGORIES:
            if service in p.tariffs:
                position += 1
                rows["claim_categories"].append((code, service.value, label_es, label_en, position, t, self.rv()))
        faq = FAQ[p.key]  # each utility's own questions and words
        for i, (q_es, a_es, q_en, a_en) in enumerate(faq, start=1):
            rows["faq_entries"].append((i, "es", i, q_es, a_es, self.rv()))
            rows["faq_entries"].append((len(faq) + i, "en", i, q_en, a_en, self.rv()))
        operator_hash, technician_hash = staff_pin_hashes
        rows["staff"].append((STAFF_NUMBER, p.branches[0][0], "Supervisión de sucursal", operator_hash, "operator", t,
                              self.rv()))
        rows["staff"].append((TECHNICIAN_NUMBER, enc.null, "Soporte técnico", technician_hash, "technician", t,
                              self.rv()))
        if self.metered:
            wid = 0
            for r in range(1, p.routes + 1):
                route = f"R{r:02d}"
                last_open = self.today_ord - 30 - r
                wid += 1
                rows["reading_windows"].append((wid, route, self.iso(last_open), self.iso(last_open + 5), self.rv()))
                # Routes R01-R04 are reading now; the others open in the coming days.
                opens = self.today_ord - 2 if r <= 4 else self.today_ord + 2 * r
                wid += 1
                rows["reading_windows"].append((wid, route, self.iso(opens), self.iso(opens + 5), self.rv()))
        return rows

    def window_open(self, route: str | None) -> bool:
        return route is not None and int(route[1:]) <= 4

    # -- accounts --------------------------------------------------------------------------------------

    def chunks(self) -> Iterator[dict[str, list[Row]]]:
        for start in range(0, self.plan.accounts, CHUNK_ACCOUNTS):
            yield self.chunk(start, min(self.plan.accounts, start + CHUNK_ACCOUNTS))

    def chunk(self, start: int, stop: int) -> dict[str, list[Row]]:
        """Rows for accounts number start..stop-1 (0-based); ids are global and deterministic."""
        plan, p, enc = self.plan, self.plan.profile, self.enc
        rng = random.Random(f"{plan.seed}:{plan.profile.key}:{start}")
        null, true, false, money = enc.null, enc.true, enc.false, enc.money
        out: dict[str, list[Row]] = {name: [] for name in CHUNK_TABLES}
        customers, accounts, supplies = out["customers"], out["accounts"], out["supplies"]
        invoices, lines, payments, readings = (
            out["invoices"], out["invoice_lines"], out["payments"], out["meter_readings"],
        )
        firsts, lasts, streets, towns = plan.first_names, plan.last_names, plan.streets, p.towns
        mixes = [m for _w, m in p.supply_mixes]
        mix_weights = [w for w, _m in p.supply_mixes]
        branch_ids = [b[0] for b in p.branches]
        branch_weights = [len(branch_ids) - i for i in range(len(branch_ids))]
        tariffs = p.tariffs
        tax_rate = p.tax_rate_pct / 100
        surcharge = 1 + p.surcharge_pct / 100
        channels = p.channels
        n_channels = len(channels)
        today = self.today_ord
        prefix = plan.invoice_prefix
        currency = plan.currency
        rnd = rng.random
        rint = rng.randrange
        rv, rv_sync = self._rv_block()
        iso = self._iso.__getitem__
        rmoney: Callable[[float], int] = round if plan.round_to == 1 else self._round
        # Each service's charges per period are the same for every supply: computed and rendered once.
        price_table = {}
        for service_key, tariff_spec in tariffs.items():
            rows_for = []
            for factor in self.price_factor:
                cents = [
                    rmoney(tariff_spec.fixed_cents * factor),
                    rmoney(tariff_spec.unit_price_cents * factor),
                    rmoney(tariff_spec.extra_cents * factor),
                ]
                rows_for.append((cents[0], money(cents[0]), cents[1], money(cents[1]), cents[2], money(cents[2])))
            price_table[service_key] = rows_for
        # Ids are derived from the account index so chunks never overlap: room for 3 supplies of 24 invoices.
        for index in range(start, stop):
            account_id = _FIRST_ACCOUNT + index
            ref_sum = account_reference_sum(account_id)
            customer_id = index + 1
            first = firsts[rint(len(firsts))]
            last = lasts[rint(len(lasts))]
            last2 = lasts[rint(len(lasts))]
            surname = f"{last} {last2}" if rnd() < 0.3 else last
            home = f"{streets[rint(len(streets))]} {rint(10, 3000)}, {towns[rint(len(towns))]}"
            phone = p.phone_format.format(
                a=rint(10, 100), b=f"{rint(10000):04d}", c=rint(100, 1000), d=f"{rint(1000):03d}"
            )
            email = (
                f"{plan.ascii_first[first]}.{plan.ascii_last[last]}{rint(100)}@{p.email_domains[rint(4)]}"
                if rnd() < 0.8
                else ""
            )
            document = str(rint(10 ** (p.document_digits - 1), 10**p.document_digits))
            customers.append(
                (customer_id, first, surname, p.document_type, document, phone, email,
                 true if rnd() < 0.6 else false, true if rnd() < 0.3 else false, rv())
            )
            prepaid = rnd() < p.prepaid_share
            forced = index < 4
            if forced and p.prepaid_share > 0:
                prepaid = index != 1
            debtor = (not prepaid) and (rnd() < OVERDUE_SHARE)
            if forced:  # the first accounts show one of each situation
                debtor = index == 1
            owed_months = rint(1, 5) if debtor else 0
            if index == 1:
                owed_months = 3
            plan_id: Any = null
            prepaid_until: Any = null
            plan_spec = None
            left = 0
            if prepaid:
                plan_spec = p.plans[0] if rnd() < 0.6 else p.plans[1]
                plan_id = plan_spec.id
                left = rint(-8, 28) if index != 2 else -3  # credit days left (negative: expired)
            status = "suspended" if owed_months >= 4 else "active"
            branch = rng.choices(branch_ids, branch_weights)[0]
            services = rng.choices(mixes, mix_weights)[0] if index != 2 else max(mixes, key=len)
            cycle = rint(12) if not self.metered else 0
            route_index = rint(p.routes) + 1
            if forced and self.metered:
                route_index = 1 if index in (0, 1) else 7
            route = f"R{route_index:02d}" if self.metered else None
            if self.metered:
                cycle = route_index - 1
            calendar = self.cycles[cycle]
            last_due = self.last_due[cycle]
            latest_invoice = ""
            overdue_count = pending_count = 0
            unpaid_total = 0
            supply_rows: list[Row] = []
            for s_no, service in enumerate(services):
                supply_id = account_id * 4 + s_no
                tariff: Tariff = tariffs[service]
                address = home if s_no == 0 else (
                    f"{streets[rint(len(streets))]} {rint(10, 3000)}, {towns[rint(len(towns))]}"
                )
                metered = service.metered
                if metered:
                    digits = 4 + rint(3)
                    meter = f"{rint(10**6, 10**7)}"
                    supply_rows.append(
                        (supply_id, account_id, service.value, address, true, meter, digits, route, null, rv())
                    )
                    value = rint(10**digits)
                    modulus = 10**digits
                    base = tariff.base_consumption * (0.4 + 1.6 * rnd())
                else:
                    digits = 0
                    modulus = 1
                    value = 0
                    base = tariff.base_consumption * (0.3 + 1.4 * rnd())
                    supply_rows.append(
                        (supply_id, account_id, service.value, address, true, null, null, route,
                         plan_id if prepaid else null, rv())
                    )
                season = tariff.season
                prices = price_table[service]
                for month_i, (period, pm, issue, first_due, second_due) in enumerate(calendar):
                    invoice_id = supply_id * 32 + month_i
                    number = f"{prefix}-{_INVOICE_NUMBER_BASE + invoice_id:08d}"
                    fixed, fixed_text, unit_price, unit_text, extra, extra_text = prices[month_i]
                    line_base = invoice_id * 4
                    net = 0
                    if prepaid and plan_spec is not None:
                        gross = plan_spec.price_cents
                        net_amount = rmoney(gross / (1 + tax_rate))
                        tax = gross - net_amount
                        lines.append(
                            (line_base, invoice_id, 1, f"Recarga {plan_spec.name} - {plan_spec.days} días", 1,
                             money(net_amount), money(net_amount), false, rv())
                        )
                        lines.append((line_base + 1, invoice_id, 2, p.tax_label, null, null, money(tax), true, rv()))
                        total = gross
                        buy = issue - 12 + rint(8)
                        if month_i == MONTHS - 1:  # the last top-up runs until prepaid_until
                            buy = today + left - plan_spec.days
                        invoices.append(
                            (invoice_id, number, account_id, supply_id, service.value, period, iso(buy),
                             iso(buy), null, money(total), null, money(tax), "paid",
                             fast_reference(account_id, ref_sum, invoice_id), iso(buy), rv())
                        )
                        payments.append(
                            (invoice_id, account_id, invoice_id, iso(buy), money(total), "payment",
                             channels[0] if rnd() < 0.7 else channels[rint(len(channels))], rv())
                        )
                        latest_invoice = number
                        if month_i == MONTHS - 1:
                            prepaid_until = iso(today + left)
                        continue
                    lines.append(
                        (line_base, invoice_id, 1, tariff.label_es, null, null, fixed_text, false, rv())
                    )
                    net = fixed
                    line_no = 2
                    if tariff.unit_label_es:
                        consumption = max(1, int(base * season[pm - 1] * (0.85 + 0.3 * rnd())))
                        charge = consumption * unit_price
                        lines.append(
                            (line_base + 1, invoice_id, 2, tariff.unit_label_es, consumption, unit_text,
                             money(charge), false, rv())
                        )
                        net += charge
                        line_no = 3
                        if metered:
                            value = (value + consumption) % modulus
                            u = rnd()
                            kind = "real" if u < 0.85 else ("estimated" if u < 0.97 else "customer")
                            readings.append(
                                (invoice_id, supply_id, period, iso(issue - 4), value, kind, consumption, rv())
                            )
                    if tariff.extra_label_es:
                        lines.append(
                            (line_base + line_no - 1, invoice_id, line_no, tariff.extra_label_es, null, null,
                             extra_text, false, rv())
                        )
                        net += extra
                        line_no += 1
                    tax = rmoney(net * tax_rate)
                    lines.append(
                        (line_base + 3, invoice_id, line_no, p.tax_label, null, null, money(tax), true, rv())
                    )
                    total = net + tax
                    second_total = rmoney(total * surcharge)
                    due_passed = first_due < today
                    if due_passed and last_due - month_i < owed_months:
                        state = "overdue"
                    elif not due_passed and (debtor or forced or rnd() < 0.6):
                        state = "pending"
                    else:
                        state = "paid"
                    paid_on: Any = null
                    if state == "paid":
                        if rnd() < 0.12 and second_due < today:
                            day = first_due + 1 + int(rnd() * 9)
                            amount = second_total
                        else:
                            day = issue + 1 + int(rnd() * 12)
                            amount = total
                        day = min(day, today)
                        paid_on = iso(day)
                        payments.append(
                            (invoice_id, account_id, invoice_id, paid_on, money(amount), "payment",
                             channels[int(rnd() * n_channels)], rv())
                        )
                    elif state == "overdue":
                        overdue_count += 1
                        unpaid_total += total
                    else:
                        pending_count += 1
                    invoices.append(
                        (invoice_id, number, account_id, supply_id, service.value, period, iso(issue),
                         iso(first_due), iso(second_due), money(total), money(second_total), money(tax), state,
                         fast_reference(account_id, ref_sum, invoice_id), paid_on, rv())
                    )
                    latest_invoice = number
            accounts.append(
                (account_id, customer_id, "prepaid" if prepaid else "postpaid", status, currency, branch, plan_id,
                 prepaid_until, rv())
            )
            supplies.extend(supply_rows)
            rv_sync()
            has_agreement = not prepaid and self._agreement(rng, out, account_id, debtor, index == 1, unpaid_total)
            self._cases(rng, out, account_id, services, index)
            rv, rv_sync = self._rv_block()
            if index < DEMO_PIN_ACCOUNTS:
                self.demo.append(
                    DemoAccount(
                        account_id=account_id,
                        pin=None,
                        kind="prepaid" if prepaid else "postpaid",
                        services=tuple(s.value for s in services),
                        overdue=overdue_count,
                        pending=pending_count,
                        latest_invoice=latest_invoice,
                        open_window=any(s.metered for s in services) and self.window_open(route),
                        prepaid_until=prepaid_until if prepaid else None,
                        agreement=has_agreement,
                        cases=tuple(c[4] for c in out["case_statuses"] if c[2] == account_id),
                    )
                )
        rv_sync()
        return out

    def _agreement(
        self, rng: random.Random, out: dict[str, list[Row]], account_id: int, debtor: bool, forced: bool,
        unpaid_total: int,
    ) -> bool:
        """Some debtors refinanced older debt in instalments; a few others finished a plan last year."""
        enc, today = self.enc, self.today_ord
        if forced or (debtor and rng.random() < 0.4):
            created = today - rng.randrange(40, 200)
        elif rng.random() < 0.02:
            created = today - rng.randrange(400, 600)
        else:
            return False
        agreement_id = account_id * 2
        count = rng.choice((3, 6, 6, 12))
        amount = self._round(max(unpaid_total, 500000) * (0.5 + rng.random()) / count)
        paid_all = True
        rows = []
        for n in range(1, count + 1):
            due = created + 30 * n
            paid = due < today and not (debtor and due > today - 45 and rng.random() < 0.5)
            paid_all = paid_all and paid
            rows.append(
                (agreement_id * 16 + n, agreement_id, n, self.iso(due), enc.money(amount),
                 self.iso(min(due - rng.randrange(0, 5), today)) if paid else enc.null)
            )
        out["payment_agreements"].append(
            (agreement_id, account_id, self.iso(created), enc.money(amount * count),
             "completed" if paid_all else "active", self.rv())
        )
        out["agreement_instalments"].extend((*row, self.rv()) for row in rows)
        return True

    def _cases(
        self, rng: random.Random, out: dict[str, list[Row]], account_id: int, services: tuple[Service, ...],
        index: int,
    ) -> None:
        """Claims and requests the back office is handling, in every state.

        The first account has one in each state, open and closed (the demo's claims list shows them all); its
        closed ones come from a generator of their own, so that every other row stays as it was."""
        count = 2 if index == 0 else (1 + (rng.random() < 0.3) if rng.random() < 0.07 else 0)
        for n in range(count):
            self._case(rng, out, account_id, services, n, None if index else _CASE_STATES[n % 4])
        if index == 0:
            apart = random.Random(f"closed-cases-{self.plan.seed}-{account_id}")
            for n in range(count, len(_CASE_STATES)):
                self._case(apart, out, account_id, services, n, _CASE_STATES[n])

    def _case(
        self, rng: random.Random, out: dict[str, list[Row]], account_id: int, services: tuple[Service, ...],
        n: int, state: str | None,
    ) -> None:
        """The account's n-th case; `state` None draws one (after the date, as the stream always had it)."""
        created = datetime.combine(self.plan.today, datetime.min.time()) - timedelta(
            days=rng.randrange(1, 120), minutes=rng.randrange(8 * 60, 18 * 60)
        )
        state = state or rng.choices(_CASE_STATES, _CASE_WEIGHTS)[0]
        updated = created if state == "received" else created + timedelta(hours=rng.randrange(2, 240))
        cap = datetime.combine(self.plan.today, datetime.min.time())
        updated = min(updated, cap)
        if rng.random() < 0.7:
            service = services[rng.randrange(len(services))]
            cats = self.categories[service]
            kind, summary = "claim", cats[rng.randrange(len(cats))][1]
        else:
            kind, summary = _REQUEST_KINDS[rng.randrange(len(_REQUEST_KINDS))]
        case_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        number = f"OF-{created.year}-{account_id:07d}-{n + 1}"
        out["case_statuses"].append(
            (case_id, number, account_id, kind, state, summary, self.enc.timestamp(created),
             self.enc.timestamp(updated), self.rv())
        )
