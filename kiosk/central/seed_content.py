"""Fixed demo content: claim categories per service and each utility's FAQ, modelled on the utilities' manuals."""

from __future__ import annotations

from typing import NamedTuple

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

class FaqItem(NamedTuple):
    question_es: str
    answer_es: str
    question_en: str
    answer_en: str


# Each utility answers in its own words: an Argentine cooperative speaks of "suministro" and first and second
# due dates, a Paraguayan telco of lines and collection points, a Mexican WISP of contracts, credit days and
# OXXO. All in "usted", the form of address every shipped branding profile declares. A button a customer is
# sent to is named in «» (Spanish) and “” (English) exactly as the screen labels it (tests/kiosk/central/
# test_faq_content.py checks both).
_LOCKED = FaqItem(
    "Mi cuenta quedó bloqueada, ¿qué hago?",
    "Después de 5 intentos fallidos el ingreso se bloquea por 15 minutos, por su seguridad. Espere y vuelva a "
    "intentar, o cambie su PIN con «Registrar o cambiar PIN». Mientras tanto puede consultar e imprimir facturas.",
    "My account is locked. What should I do?",
    "After 5 failed attempts, logging in is locked for 15 minutes for your safety. Wait and try again, or change "
    "your PIN with “Register or change PIN”. Meanwhile you can still look up and print invoices.",
)

COOP_AR_FAQ: tuple[FaqItem, ...] = (
    FaqItem(
        "¿Cómo consulto y reimprimo una factura sin PIN?",
        "Toque «Consultar factura» y escriba su número de cuenta y el número de factura (por ejemplo "
        "0021-00049107), o acerque el código de barras de la factura al lector. Puede imprimir un duplicado o un "
        "cupón de pago en el momento.",
        "How do I look up and reprint an invoice without a PIN?",
        "Tap “Look up an invoice” and type your account number and the invoice number (for example "
        "0021-00049107), or hold the invoice barcode to the scanner. You can print a copy or a payment slip right "
        "away.",
    ),
    FaqItem(
        "¿Dónde encuentro mi número de cuenta?",
        "Está impreso en la parte superior de cada factura, junto al nombre del titular y el domicilio del "
        "suministro.",
        "Where do I find my account number?",
        "It is printed at the top of every invoice, next to the account holder's name and the supply address.",
    ),
    FaqItem(
        "¿Cómo obtengo o cambio mi PIN?",
        "Toque «Registrar o cambiar PIN» en la pantalla de inicio, escriba su número de cuenta y su DNI, elija "
        "recibir el código por SMS o por correo electrónico, y escriba el código y su PIN nuevo dos veces.",
        "How do I get or change my PIN?",
        "Tap “Register or change PIN” on the home screen, enter your account number and your ID number (DNI), "
        "choose to get the code by SMS or e-mail, then type the code and your new PIN twice.",
    ),
    _LOCKED,
    FaqItem(
        "¿Qué diferencia hay entre el primer y el segundo vencimiento?",
        "Hasta el primer vencimiento se paga el importe de la factura. Entre el primer y el segundo vencimiento "
        "se suma el recargo que figura en la factura. Después del segundo vencimiento se agregan intereses por "
        "cada día de atraso y el suministro puede recibir aviso de corte.",
        "What is the difference between the first and the second due date?",
        "Up to the first due date you pay the invoice amount. Between the first and the second due date the "
        "surcharge shown on the invoice is added. After the second due date interest is added for every day late "
        "and the supply may get a disconnection notice.",
    ),
    FaqItem(
        "¿Dónde puedo pagar?",
        "En efectivo en Pago Fácil o Rapipago, con el código de barras; con la app de su banco o billetera "
        "(Mercado Pago, MODO, Cuenta DNI), escaneando el código QR; por home banking (Red Link o Banelco), con el "
        "código de pago electrónico; o en las cajas de la cooperativa. Esta terminal imprime el cupón de pago con "
        "todos los códigos: en «Consultar factura» o, con su PIN, en «Mis facturas».",
        "Where can I pay?",
        "In cash at Pago Fácil or Rapipago, with the barcode; with your bank or wallet app (Mercado Pago, MODO, "
        "Cuenta DNI), by scanning the QR code; through online banking (Red Link or Banelco), with the electronic "
        "payment code; or at the cooperative's cash desks. This kiosk prints the payment slip with every code: "
        "under “Look up an invoice” or, with your PIN, under “My invoices”.",
    ),
    FaqItem(
        "Pagué y la factura sigue figurando impaga, ¿por qué?",
        "Los pagos en Pago Fácil, Rapipago y home banking pueden tardar hasta 72 horas hábiles en acreditarse. "
        "Conserve su comprobante; si pasado ese plazo la factura sigue impaga, haga un reclamo por error en la "
        "factura desde «Reclamos».",
        "I paid and the invoice still shows as unpaid. Why?",
        "Payments at Pago Fácil, Rapipago and through online banking can take up to 72 business hours to be "
        "credited. Keep your receipt; if the invoice is still unpaid after that, file a billing error claim under "
        "“Claims”.",
    ),
    FaqItem(
        "¿Cómo informo la lectura de mi medidor?",
        "Cuando el período de lectura de su zona está abierto, ingrese con su PIN, toque «Aportar lectura» y "
        "elija el suministro. Escriba todos los números del medidor, de izquierda a derecha, sin decimales. Si el "
        "período está cerrado, la pantalla le indica cuándo abre el próximo.",
        "How do I submit my meter reading?",
        "When your area's reading window is open, log in with your PIN, tap “Submit a meter reading” and choose "
        "the supply. Type every digit on the meter from left to right, without decimals. If the window is "
        "closed, the screen tells you when the next one opens.",
    ),
    FaqItem(
        "¿Qué significa lectura real, estimada o del cliente?",
        "Real: la tomó nuestro personal. Estimada: no se pudo leer el medidor y se calculó según su consumo "
        "habitual; se ajusta con la próxima lectura real. Del cliente: la informó usted en esta terminal.",
        "What do actual, estimated and customer readings mean?",
        "Actual: read by our staff. Estimated: the meter could not be read, so it was calculated from your usual "
        "consumption and is corrected with the next actual reading. Customer: you submitted it at this kiosk.",
    ),
    FaqItem(
        "¿Cómo hago un reclamo técnico?",
        "Ingrese con su PIN, toque «Reclamos» y luego «Hacer un reclamo nuevo». Elija el suministro y el motivo "
        "(por ejemplo falta de suministro o pérdida de agua), describa el problema y deje un teléfono y un "
        "horario de contacto. Se lleva un comprobante con el número de reclamo para seguirlo.",
        "How do I file a technical claim?",
        "Log in with your PIN, tap “Claims” and then “Make a new claim”. Choose the supply and the reason (for "
        "example no power or a water leak), describe the problem and leave a phone number and a time to call. "
        "You take home a receipt with the claim number to follow it up.",
    ),
    FaqItem(
        "¿Puedo pagar mi deuda en cuotas?",
        "Sí. Consulte en la oficina comercial por un plan de pagos. Si ya tiene uno, en «Acuerdos de pago» ve las "
        "cuotas pagadas y las pendientes con sus vencimientos.",
        "Can I pay my debt in instalments?",
        "Yes. Ask at the sales office for a payment plan. If you already have one, “Payment agreements” shows the "
        "paid and pending instalments with their due dates.",
    ),
    FaqItem(
        "¿Cómo me adhiero a la factura electrónica?",
        "Ingrese con su PIN y toque «Trámites» y luego «Factura electrónica». Recibirá sus facturas por correo "
        "electrónico y dejará de recibirlas en papel.",
        "How do I switch to e-invoicing?",
        "Log in with your PIN and tap “Requests” and then “Electronic invoice”. You will get your invoices by "
        "e-mail instead of on paper.",
    ),
    FaqItem(
        "¿Cómo pido la reconexión del suministro?",
        "Pague la deuda vencida o firme un plan de pagos en la oficina comercial, y luego pida la reconexión en "
        "«Trámites» > «Reconexión del servicio». La reconexión se realiza dentro de las 24 horas hábiles de "
        "acreditado el pago.",
        "How do I get my supply reconnected?",
        "Pay the overdue debt or sign a payment plan at the sales office, then ask for reconnection under "
        "“Requests” > “Service reconnection”. The supply is reconnected within 24 business hours after the "
        "payment is credited.",
    ),
)

TELCO_PY_FAQ: tuple[FaqItem, ...] = (
    FaqItem(
        "¿Cómo consulto y reimprimo una factura sin PIN?",
        "Toque «Consultar factura» y escriba su número de cuenta y el número de factura (por ejemplo "
        "0017-00049107), o acerque el código de barras de la factura al lector. Puede imprimir un duplicado o un "
        "cupón de pago en el momento.",
        "How do I look up and reprint an invoice without a PIN?",
        "Tap “Look up an invoice” and type your account number and the invoice number (for example "
        "0017-00049107), or hold the invoice barcode to the scanner. You can print a copy or a payment slip right "
        "away.",
    ),
    FaqItem(
        "¿Dónde encuentro mi número de cuenta?",
        "Figura en la parte superior de cada factura, junto al nombre del titular. Es el mismo número con el que "
        "paga en las bocas de cobranza.",
        "Where do I find my account number?",
        "It is printed at the top of every invoice, next to the account holder's name. It is the same number you "
        "pay with at collection points.",
    ),
    FaqItem(
        "¿Cómo obtengo o cambio mi PIN?",
        "Toque «Registrar o cambiar PIN», escriba su número de cuenta y su número de cédula, elija recibir el "
        "código por SMS o por correo electrónico, y escriba el código y su PIN nuevo dos veces.",
        "How do I get or change my PIN?",
        "Tap “Register or change PIN”, enter your account number and your identity card number, choose to get "
        "the code by SMS or e-mail, then type the code and your new PIN twice.",
    ),
    _LOCKED,
    FaqItem(
        "¿Qué pasa si pago después del vencimiento?",
        "Hasta la fecha de vencimiento se paga el importe de la factura. Después, y hasta la segunda fecha que "
        "figura en la factura, se suma un recargo. Pasada esa fecha la factura se paga solo en nuestras oficinas "
        "comerciales, y la línea o el internet pueden quedar suspendidos.",
        "What happens if I pay after the due date?",
        "Up to the due date you pay the invoice amount. After it, and until the second date printed on the "
        "invoice, a surcharge is added. After that date the invoice can only be paid at our sales offices, and "
        "the phone line or the internet service may be suspended.",
    ),
    FaqItem(
        "¿Dónde puedo pagar?",
        "En efectivo en las bocas de cobranza Aquí Pago, Pago Express o Practipago, con el número de cuenta o el "
        "código de barras; con tarjeta en la red Bancard; con la app de su banco o billetera (Tigo Money, Personal "
        "Pay), escaneando el código QR; o en nuestras oficinas comerciales. Esta terminal imprime el cupón de pago "
        "con todos los códigos.",
        "Where can I pay?",
        "In cash at Aquí Pago, Pago Express or Practipago collection points, with the account number or the "
        "barcode; by card on the Bancard network; with your bank or wallet app (Tigo Money, Personal Pay), by "
        "scanning the QR code; or at our sales offices. This kiosk prints the payment slip with every code.",
    ),
    FaqItem(
        "Pagué y la factura sigue figurando impaga, ¿por qué?",
        "Los pagos en bocas de cobranza pueden tardar hasta 48 horas hábiles en acreditarse. Conserve su "
        "comprobante; si pasado ese plazo la factura sigue impaga, haga un reclamo por error en la facturación "
        "desde «Reclamos».",
        "I paid and the invoice still shows as unpaid. Why?",
        "Payments at collection points can take up to 48 business hours to be credited. Keep your receipt; if "
        "the invoice is still unpaid after that, file a billing error claim under “Claims”.",
    ),
    FaqItem(
        "Mi línea no tiene tono o internet anda lento, ¿qué hago?",
        "Ingrese con su PIN, toque «Reclamos» y luego «Hacer un reclamo nuevo». Elija la línea o el servicio de "
        "internet y el problema (sin tono, ruido en la línea, internet lento o sin conexión) y deje un teléfono "
        "de contacto. Se lleva un comprobante con el número de reclamo; nuestro personal técnico se comunicará "
        "con usted.",
        "My line has no dial tone or the internet is slow. What should I do?",
        "Log in with your PIN, tap “Claims” and then “Make a new claim”. Choose the line or the internet service "
        "and the problem (no dial tone, noise on the line, slow internet or no connection) and leave a contact "
        "phone number. You take home a receipt with the claim number; our technicians will contact you.",
    ),
    FaqItem(
        "¿Cómo sigo mis reclamos y trámites?",
        "Ingrese con su PIN y toque «Reclamos»: la lista muestra cada reclamo y trámite con su número y su "
        "estado.",
        "How do I follow up my claims and requests?",
        "Log in with your PIN and tap “Claims”: the list shows every claim and request with its number and "
        "status.",
    ),
    FaqItem(
        "¿Cómo pido la reconexión de mi línea?",
        "Pague la deuda vencida en una oficina comercial y luego pida la reconexión en «Trámites» > «Reconexión "
        "del servicio». La línea se reconecta dentro de las 24 horas hábiles de acreditado el pago.",
        "How do I get my line reconnected?",
        "Pay the overdue debt at a sales office, then ask for reconnection under “Requests” > “Service "
        "reconnection”. The line is reconnected within 24 business hours after the payment is credited.",
    ),
    FaqItem(
        "¿Cómo recibo mi factura por correo electrónico?",
        "Ingrese con su PIN y toque «Trámites» y luego «Factura electrónica». Recibirá sus facturas por correo "
        "electrónico y dejará de recibirlas en papel.",
        "How do I get my invoice by e-mail?",
        "Log in with your PIN and tap “Requests” and then “Electronic invoice”. You will get your invoices by "
        "e-mail instead of on paper.",
    ),
    FaqItem(
        "¿Cómo contrato una línea o internet?",
        "Toque «Trámites» > «Alta de servicio», elija telefonía o internet y escriba la dirección de instalación. "
        "Un asesor lo llamará para coordinar la visita técnica.",
        "How do I order a phone line or internet?",
        "Tap “Requests” > “New service”, choose telephone or internet and type the installation address. An "
        "adviser will call you to arrange the technician's visit.",
    ),
    FaqItem(
        "¿Cómo actualizo mi celular o mi correo electrónico?",
        "Ingrese con su PIN y toque «Trámites» > «Datos de contacto». Mantenga su celular al día para recibir "
        "los códigos de PIN y los avisos de vencimiento.",
        "How do I update my mobile number or e-mail?",
        "Log in with your PIN and tap “Requests” > “Contact details”. Keep your mobile number up to date to get "
        "PIN codes and due date reminders.",
    ),
)

WISP_MX_FAQ: tuple[FaqItem, ...] = (
    FaqItem(
        "¿Cuál es mi número de cuenta?",
        "Es su número de contrato: se lo enviamos por SMS al contratar y aparece en su estado de cuenta. Si no lo "
        "tiene, comuníquese con atención a clientes al 55 1164 7608.",
        "What is my account number?",
        "It is your contract number: we sent it to you by SMS when you signed up and it appears on your "
        "statement. If you do not have it, call customer service on 55 1164 7608.",
    ),
    FaqItem(
        "¿Cómo obtengo o cambio mi PIN?",
        "Toque «Registrar o cambiar PIN», escriba su número de contrato y el número de su credencial para votar "
        "(INE), elija recibir el código por SMS o por correo electrónico, y escriba el código y su PIN nuevo dos "
        "veces.",
        "How do I get or change my PIN?",
        "Tap “Register or change PIN”, enter your contract number and your voter ID (INE) number, choose to get "
        "the code by SMS or e-mail, then type the code and your new PIN twice.",
    ),
    _LOCKED,
    FaqItem(
        "¿Cómo funcionan los días de crédito?",
        "Cada recarga suma a su servicio los días del plan que elija. Al ingresar con su PIN, la pantalla muestra "
        "cuántos días de crédito le quedan y hasta qué fecha tiene servicio; recargue antes de esa fecha para no "
        "quedarse sin conexión.",
        "How do credit days work?",
        "Every top-up adds the days of the plan you choose to your service. When you log in with your PIN, the "
        "screen shows how many credit days you have left and the date your service runs until; top up before "
        "then to stay connected.",
    ),
    FaqItem(
        "¿Cómo obtengo mi referencia de pago para recargar?",
        "Ingrese con su PIN, toque «Planes prepago», elija su plan y toque «Imprimir referencia de pago». Pague "
        "en cualquier tienda OXXO con esa referencia o escanee el código QR con la app de su banco. La referencia "
        "queda vinculada a su cuenta: consérvela para sus próximas recargas.",
        "How do I get my payment reference to top up?",
        "Log in with your PIN, tap “Prepaid plans”, choose your plan and tap “Print payment reference”. Pay at "
        "any OXXO store with that reference or scan the QR code with your bank app. The reference stays linked "
        "to your account: keep it for your next top-ups.",
    ),
    FaqItem(
        "¿Dónde puedo pagar?",
        "En efectivo en cualquier tienda OXXO con su referencia OxxoPay; con la app de su banco o billetera, "
        "escaneando el código QR o con una transferencia SPEI; o en nuestra oficina, de lunes a sábado de 9:00 a "
        "18:00.",
        "Where can I pay?",
        "In cash at any OXXO store with your OxxoPay reference; with your bank or wallet app, by scanning the QR "
        "code or with a SPEI transfer; or at our office, Monday to Saturday, 9:00 to 18:00.",
    ),
    FaqItem(
        "Ya pagué y mi servicio no se activa, ¿qué hago?",
        "Los pagos en OXXO se acreditan en minutos y las transferencias SPEI, el mismo día. Conserve su ticket; "
        "si después de unas horas sigue sin servicio, haga un reclamo desde «Reclamos» o llame a atención a "
        "clientes.",
        "I paid and my service is not active. What should I do?",
        "OXXO payments are credited within minutes and SPEI transfers the same day. Keep your ticket; if after "
        "a few hours you still have no service, file a claim under “Claims” or call customer service.",
    ),
    FaqItem(
        "Mi internet está lento o sin conexión, ¿qué hago?",
        "Revise que la antena y el módem estén encendidos y reinícielos. Si sigue igual, ingrese con su PIN, "
        "toque «Reclamos» y luego «Hacer un reclamo nuevo», elija el problema y deje un teléfono de contacto. Se "
        "lleva un comprobante con el número de reclamo.",
        "My internet is slow or down. What should I do?",
        "Check that the antenna and the modem are on and restart them. If nothing changes, log in with your PIN, "
        "tap “Claims” and then “Make a new claim”, choose the problem and leave a contact phone number. You take "
        "home a receipt with the claim number.",
    ),
    FaqItem(
        "Tengo un contrato de pago mensual, ¿hasta cuándo puedo pagar?",
        "La fecha límite de pago figura en su factura y en «Mis facturas». Después de esa fecha el importe no "
        "cambia, pero el servicio puede suspenderse hasta que se registre el pago.",
        "I have a monthly contract. When is my payment due?",
        "The payment due date is on your invoice and under “My invoices”. After that date the amount does not "
        "change, but the service may be suspended until the payment is registered.",
    ),
    FaqItem(
        "¿Cómo actualizo mi celular o mi correo electrónico?",
        "Ingrese con su PIN y toque «Trámites» > «Datos de contacto». Si cambió de celular, actualícelo para "
        "seguir recibiendo sus códigos y avisos.",
        "How do I update my mobile number or e-mail?",
        "Log in with your PIN and tap “Requests” > “Contact details”. If you changed your mobile number, update "
        "it to keep getting your codes and reminders.",
    ),
    FaqItem(
        "¿Cómo pido que me llamen?",
        "Ingrese con su PIN y toque «Trámites» > «Pedido de llamada». Escriba el motivo y elija el horario; un "
        "asesor se comunicará con usted.",
        "How do I ask for a call back?",
        "Log in with your PIN and tap “Requests” > “Call-back request”. Type what it is about and choose a time; "
        "an adviser will call you.",
    ),
)

FAQ: dict[str, tuple[FaqItem, ...]] = {"coop-ar": COOP_AR_FAQ, "telco-py": TELCO_PY_FAQ, "wisp-mx": WISP_MX_FAQ}
