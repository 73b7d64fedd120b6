"""Fixed demo content: claim categories per service and FAQ answers modelled on the utilities' manuals."""

from __future__ import annotations

from kiosk.domain.reading import Service

# code, service, label_es, label_en
CLAIM_CATEGORIES: tuple[tuple[str, Service, str, str], ...] = (
    ("elec_no_supply", Service.ELECTRICITY, "Falta de suministro", "No power supply"),
    ("elec_low_voltage", Service.ELECTRICITY, "Baja tensión", "Low voltage"),
    ("elec_voltage_swings", Service.ELECTRICITY, "Variaciones de tensión", "Voltage fluctuations"),
    ("elec_street_light", Service.ELECTRICITY, "Alumbrado público apagado", "Street light out"),
    ("elec_cable_down", Service.ELECTRICITY, "Cable caído o poste dañado", "Fallen cable or damaged pole"),
    ("elec_meter", Service.ELECTRICITY, "Problema con el medidor", "Meter problem"),
    ("water_no_supply", Service.WATER, "Falta de agua", "No water supply"),
    ("water_leak", Service.WATER, "Pérdida de agua en la vereda", "Water leak in the street"),
    ("water_low_pressure", Service.WATER, "Baja presión", "Low water pressure"),
    ("water_quality", Service.WATER, "Agua turbia o con olor", "Cloudy or smelly water"),
    ("water_meter", Service.WATER, "Problema con el medidor de agua", "Water meter problem"),
    ("net_down", Service.INTERNET, "Sin conexión a internet", "Internet down"),
    ("net_slow", Service.INTERNET, "Internet lento", "Slow internet"),
    ("net_intermittent", Service.INTERNET, "Conexión intermitente", "Intermittent connection"),
    ("net_equipment", Service.INTERNET, "Falla del módem o antena", "Modem or antenna fault"),
    ("tel_no_dial_tone", Service.TELEPHONY, "Sin tono", "No dial tone"),
    ("tel_noise", Service.TELEPHONY, "Ruido en la línea", "Noise on the line"),
    ("tel_cannot_call", Service.TELEPHONY, "No puedo realizar llamadas", "Cannot make calls"),
    ("billing_error", Service.ELECTRICITY, "Error en la factura", "Billing error"),
    ("water_billing_error", Service.WATER, "Error en la factura de agua", "Water billing error"),
    ("net_billing_error", Service.INTERNET, "Error en la facturación", "Billing error"),
    ("tel_billing_error", Service.TELEPHONY, "Error en la facturación", "Billing error"),
)

# (question_es, answer_es, question_en, answer_en); the answers name the utility's own channels generically.
FAQ: tuple[tuple[str, str, str, str], ...] = (
    (
        "¿Cómo consulto y reimprimo una factura sin iniciar sesión?",
        "Tocá «Consultar factura» e ingresá tu número de cuenta y el número de factura (por ejemplo "
        "0021-00049107), o escaneá el código de barras de la factura. Podés imprimir un duplicado al instante.",
        "How do I look up and reprint an invoice without logging in?",
        "Tap “Look up an invoice” and type your account number and the invoice number (for example "
        "0021-00049107), or scan the invoice barcode. You can print a duplicate right away.",
    ),
    (
        "¿Dónde encuentro mi número de cuenta?",
        "Está impreso arriba a la derecha en cada factura, junto a tu nombre y la dirección del suministro.",
        "Where do I find my account number?",
        "It is printed at the top right of every invoice, next to your name and the supply address.",
    ),
    (
        "¿Cómo obtengo o recupero mi PIN?",
        "Tocá «Registrarme o recuperar PIN», ingresá tu número de cuenta y tu documento, elegí recibir el "
        "código por SMS o por e-mail y escribí el código y tu nuevo PIN dos veces.",
        "How do I get or reset my PIN?",
        "Tap “Register or reset PIN”, enter your account number and identity document, choose to receive the "
        "code by SMS or e-mail, then type the code and your new PIN twice.",
    ),
    (
        "Mi cuenta está bloqueada, ¿qué hago?",
        "Después de 5 intentos fallidos el acceso se bloquea por 15 minutos por tu seguridad. Esperá y volvé a "
        "intentar, o recuperá tu PIN con tu documento.",
        "My account is locked. What should I do?",
        "After 5 failed attempts access is locked for 15 minutes for your safety. Wait and try again, or reset "
        "your PIN with your identity document.",
    ),
    (
        "¿Qué diferencia hay entre el primer y el segundo vencimiento?",
        "Hasta el primer vencimiento pagás el importe de la factura. Entre el primer y el segundo vencimiento "
        "se suma un recargo. Después del segundo vencimiento la factura queda vencida y puede generar "
        "intereses y aviso de corte.",
        "What is the difference between the first and second due date?",
        "Up to the first due date you pay the invoice amount. Between the first and second due date a "
        "surcharge is added. After the second due date the invoice is overdue and may accrue interest and a "
        "disconnection notice.",
    ),
    (
        "¿Dónde puedo pagar?",
        "En efectivo en las redes de cobranza con el código de barras, con la app de tu banco o billetera "
        "escaneando el código QR, por home banking con el código de pago o en las cajas de nuestras oficinas. "
        "El kiosco imprime un cupón de pago con todos los códigos.",
        "Where can I pay?",
        "In cash at collection networks with the barcode, with your bank or wallet app by scanning the QR "
        "code, through online banking with the payment code, or at our office cash desks. The kiosk prints a "
        "payment slip with every code.",
    ),
    (
        "Pagué y la factura sigue figurando impaga, ¿por qué?",
        "Los pagos en redes de cobranza pueden tardar hasta 72 horas hábiles en acreditarse. Guardá tu "
        "comprobante; si pasado ese plazo sigue impaga, cargá un reclamo por error de facturación.",
        "I paid and the invoice still shows as unpaid. Why?",
        "Payments at collection networks can take up to 72 business hours to be credited. Keep your receipt; "
        "if it is still unpaid after that, file a billing error claim.",
    ),
    (
        "¿Cómo informo la lectura de mi medidor?",
        "Cuando tu ruta tiene el período de lectura abierto, iniciá sesión, elegí el suministro y tocá "
        "«Informar lectura». Ingresá todos los números del medidor, de izquierda a derecha, sin decimales. Si "
        "el período está cerrado, el kiosco te dice cuándo se abre el próximo.",
        "How do I submit my meter reading?",
        "When your route's reading window is open, log in, choose the supply and tap “Submit reading”. Type "
        "every digit on the meter from left to right, without decimals. If the window is closed, the kiosk "
        "tells you when the next one opens.",
    ),
    (
        "¿Qué significa lectura real, estimada o del cliente?",
        "Real: la tomó nuestro personal. Estimada: no se pudo leer el medidor y se calculó según tu consumo "
        "habitual; se ajusta con la próxima lectura real. Del cliente: la informaste vos.",
        "What do real, estimated and customer readings mean?",
        "Real: read by our staff. Estimated: the meter could not be read, so it was calculated from your usual "
        "consumption and is corrected with the next real reading. Customer: you submitted it.",
    ),
    (
        "¿Cómo hago un reclamo técnico?",
        "Iniciá sesión, tocá «Reclamos», elegí el suministro y el motivo (por ejemplo falta de suministro o "
        "pérdida de agua), describí el problema y dejá un teléfono y horario de contacto. Te llevás un "
        "comprobante con el número de reclamo para seguirlo.",
        "How do I file a technical claim?",
        "Log in, tap “Claims”, choose the supply and the reason (for example no supply or a water leak), "
        "describe the problem and leave a phone number and a time to call. You take home a receipt with the "
        "claim number to follow it up.",
    ),
    (
        "¿Puedo pagar mi deuda en cuotas?",
        "Sí. Consultá en la oficina comercial por un plan de pagos. Si ya tenés uno, en «Acuerdos de pago» ves "
        "las cuotas pagadas y las pendientes con sus vencimientos.",
        "Can I pay my debt in instalments?",
        "Yes. Ask at the sales office for a payment plan. If you already have one, “Payment agreements” shows "
        "the paid and pending instalments with their due dates.",
    ),
    (
        "¿Cómo me adhiero a la factura electrónica?",
        "Iniciá sesión y tocá «Trámites» > «Factura electrónica». Vas a recibir tus facturas por e-mail y "
        "dejarás de recibirlas en papel.",
        "How do I switch to e-invoicing?",
        "Log in and tap “Requests” > “E-invoice”. You will receive your invoices by e-mail instead of on paper.",
    ),
    (
        "¿Cómo pido la reconexión del servicio?",
        "Pagá la deuda vencida o firmá un plan de pagos y luego pedí la reconexión en «Trámites». La "
        "reconexión se realiza dentro de las 24 horas hábiles de acreditado el pago.",
        "How do I get my service reconnected?",
        "Pay the overdue debt or sign a payment plan, then request reconnection under “Requests”. Service is "
        "restored within 24 business hours after the payment is credited.",
    ),
    (
        "¿Cómo funcionan los días de crédito del plan prepago?",
        "Cada recarga suma los días del plan a tu servicio. El kiosco muestra hasta qué fecha tenés servicio; "
        "recargá antes de esa fecha para no quedarte sin conexión. La referencia de pago OXXO queda vinculada "
        "a tu cuenta.",
        "How do prepaid credit days work?",
        "Each top-up adds the plan's days to your service. The kiosk shows the date your service runs until; "
        "top up before then to stay connected. The OXXO payment reference stays linked to your account.",
    ),
)
