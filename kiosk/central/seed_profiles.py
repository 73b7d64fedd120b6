"""What each demo utility looks like beyond its branding: tariffs, taxes, towns, branches, plans, seasons.

Figures are plausible for late 2026 (ARS and PYG inflate quickly; they only have to look right on screen and
paper). Kept apart from the generator so a new profile is a data change, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.reading import Service


@dataclass(frozen=True, slots=True)
class Tariff:
    """One service's monthly charges; amounts in cents (PYG: whole guaraníes x 100)."""

    label_es: str  # the fixed charge's line text
    fixed_cents: int
    unit_label_es: str = ""  # the consumption line text; empty for flat-rate services
    unit_price_cents: int = 0
    base_consumption: int = 0  # typical monthly consumption (kWh, m³)
    # Multipliers for January..December: consumption follows the seasons.
    season: tuple[float, ...] = (1.0,) * 12
    extra_label_es: str = ""  # a second flat line (public lighting, calls to mobiles, ...)
    extra_cents: int = 0


@dataclass(frozen=True, slots=True)
class PlanSpec:
    id: int
    name: str
    description: str
    price_cents: int
    days: int = 30


@dataclass(frozen=True, slots=True)
class SeedProfile:
    key: str
    faker_locales: tuple[str, ...]
    tax_rate_pct: int
    tax_label: str
    surcharge_pct: int  # second due date surcharge
    timezone: str
    document_type: str
    document_digits: int
    phone_format: str  # "{a}" 2 digits, "{b}" 4 digits, "{c}" and "{d}" 3 digits
    towns: tuple[str, ...]
    branches: tuple[tuple[str, str, str], ...]  # id, name, address
    tariffs: dict[Service, Tariff]
    # Per account: (weight, services of its supplies).
    supply_mixes: tuple[tuple[int, tuple[Service, ...]], ...]
    channels: tuple[str, ...]
    prepaid_share: float = 0.0
    plans: tuple[PlanSpec, ...] = ()
    last_names: tuple[str, ...] = ()  # overrides Faker's when the locale has none of its own
    streets: tuple[str, ...] = ()  # likewise
    routes: int = 12
    inflation_pct_month: float = 0.4  # older invoices are cheaper by this much per month
    email_domains: tuple[str, ...] = ("gmail.com", "hotmail.com", "yahoo.com", "outlook.com")
    extra: dict[str, str] = field(default_factory=dict)


# Southern hemisphere: air conditioning peaks in January/February, heating in July.
_ELECTRICITY_SOUTH = (1.45, 1.40, 1.15, 0.90, 0.85, 1.05, 1.20, 1.10, 0.90, 0.85, 0.95, 1.25)
_WATER_SOUTH = (1.40, 1.35, 1.15, 0.95, 0.85, 0.75, 0.75, 0.80, 0.90, 1.00, 1.15, 1.35)

COOP_AR = SeedProfile(
    key="coop-ar",
    faker_locales=("es_AR",),
    tax_rate_pct=21,
    tax_label="IVA 21%",
    surcharge_pct=3,
    timezone="America/Argentina/Cordoba",
    document_type="DNI",
    document_digits=8,
    phone_format="+54 9 3571 {a}-{b}",
    towns=(
        "Almafuerte, Córdoba",
        "Río Tercero, Córdoba",
        "Embalse, Córdoba",
        "Villa Rumipal, Córdoba",
        "Los Cóndores, Córdoba",
    ),
    branches=(
        ("ALM", "Casa Central Almafuerte", "Av. San Martín 1150, Almafuerte"),
        ("RT", "Sucursal Río Tercero", "Av. Illia 455, Río Tercero"),
        ("EMB", "Oficina Embalse", "Av. Los Ceibos 120, Embalse"),
    ),
    tariffs={
        # Public lighting is billed in the fixed charge: three lines per invoice keep 100,000 accounts fast.
        Service.ELECTRICITY: Tariff(
            "Cargo fijo energía y alumbrado público", 805000, "Energía consumida", 14200, 250, _ELECTRICITY_SOUTH
        ),
        Service.WATER: Tariff("Cargo fijo agua", 410000, "Agua consumida", 52000, 18, _WATER_SOUTH),
    },
    supply_mixes=(
        (50, (Service.ELECTRICITY,)),
        (38, (Service.ELECTRICITY, Service.WATER)),
        (8, (Service.ELECTRICITY, Service.ELECTRICITY, Service.WATER)),
        (4, (Service.WATER,)),
    ),
    channels=("Pago Fácil", "Rapipago", "Caja cooperativa", "Red Link", "Banelco", "MODO QR", "Débito automático"),
    inflation_pct_month=2.5,
)

TELCO_PY = SeedProfile(
    key="telco-py",
    faker_locales=("es_ES", "es_AR"),
    tax_rate_pct=10,
    tax_label="IVA 10%",
    surcharge_pct=5,
    timezone="America/Asuncion",
    document_type="CI",
    document_digits=7,
    phone_format="+595 981 {c} {d}",
    towns=(
        "Asunción",
        "San Lorenzo",
        "Luque",
        "Capiatá",
        "Lambaré",
        "Fernando de la Mora",
        "Encarnación",
        "Ciudad del Este",
    ),
    branches=(
        ("ASU", "Oficina Comercial Asunción", "Av. Mariscal López 3333, Asunción"),
        ("SLO", "Oficina San Lorenzo", "Ruta Mcal. Estigarribia km 11, San Lorenzo"),
        ("ENC", "Oficina Encarnación", "Av. Irrazábal 850, Encarnación"),
    ),
    tariffs={
        Service.TELEPHONY: Tariff("Abono mensual línea fija", 4500000, "Llamadas a celulares (min)", 45000, 60),
        Service.INTERNET: Tariff("Plan Fibra Hogar 100 Mb", 16500000),
    },
    supply_mixes=(
        (35, (Service.TELEPHONY,)),
        (40, (Service.TELEPHONY, Service.INTERNET)),
        (20, (Service.INTERNET,)),
        (5, (Service.TELEPHONY, Service.TELEPHONY, Service.INTERNET)),
    ),
    channels=("Aquí Pago", "Pago Express", "Practipago", "Bancard", "Tigo Money", "Oficina comercial"),
    last_names=(
        "Acosta", "Aguilera", "Almada", "Aquino", "Ayala", "Báez", "Benítez", "Bogado", "Britez", "Caballero",
        "Cáceres", "Cardozo", "Castillo", "Chamorro", "Cristaldo", "Duarte", "Escobar", "Espínola", "Estigarribia",
        "Fernández", "Franco", "Galeano", "Gamarra", "Giménez", "Gómez", "González", "Insfrán", "Irala", "Jara",
        "Ledesma", "López", "Martínez", "Medina", "Mendoza", "Meza", "Morínigo", "Núñez", "Ocampos", "Ortellado",
        "Ortiz", "Páez", "Paredes", "Ramírez", "Riquelme", "Rojas", "Romero", "Rolón", "Samaniego", "Sosa",
        "Torres", "Valdez", "Vera", "Villalba", "Zárate",
    ),
    streets=(
        "Av. Mariscal López", "Av. España", "Av. Eusebio Ayala", "Av. Artigas", "Av. Mcal. Estigarribia",
        "Palma", "Estrella", "Brasil", "Sacramento", "Av. Santísimo Sacramento", "Cerro Corá", "Tte. Fariña",
        "Herrera", "Azara", "Manduvirá", "Humaitá", "Av. Fernando de la Mora", "Av. Acceso Sur", "Ruta 2",
        "Yegros", "Av. Perú", "Avda. San Martín", "Gral. Díaz", "Independencia Nacional", "Ayolas",
        "Av. República Argentina", "Teniente Rojas Silva", "Dr. Eusebio Lillo", "Cruz del Chaco", "Aviadores del Chaco",
    ),
)

WISP_MX = SeedProfile(
    key="wisp-mx",
    faker_locales=("es_MX",),
    tax_rate_pct=16,
    tax_label="IVA 16%",
    surcharge_pct=0,
    timezone="America/Mexico_City",
    document_type="INE",
    document_digits=10,
    phone_format="+52 771 {c} {b}",
    towns=(
        "Pachuca de Soto, Hgo.",
        "Mineral de la Reforma, Hgo.",
        "Tulancingo, Hgo.",
        "Actopan, Hgo.",
        "Tizayuca, Hgo.",
    ),
    branches=(
        ("PAC", "Oficina Pachuca Centro", "Calle Hidalgo 215, Col. Centro, Pachuca"),
        ("TUL", "Módulo Tulancingo", "Av. Juárez 402, Tulancingo"),
    ),
    tariffs={Service.INTERNET: Tariff("Servicio de internet inalámbrico empresarial", 69900)},
    supply_mixes=((100, (Service.INTERNET,)),),
    channels=("OXXO Pay", "SPEI", "CoDi QR", "Oficina"),
    prepaid_share=0.85,
    plans=(
        PlanSpec(1, "Plan Básico 10 Mb", "10 Mb de descarga, 30 días de servicio", 35000),
        PlanSpec(2, "Plan Avanzado 20 Mb", "20 Mb de descarga, 30 días de servicio", 50000),
        PlanSpec(3, "Plan Semanal 10 Mb", "10 Mb de descarga, 7 días de servicio", 10000, 7),
    ),
)

PROFILES: dict[str, SeedProfile] = {p.key: p for p in (COOP_AR, TELCO_PY, WISP_MX)}
