<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>AccountHomeScreen</name>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="36"/>
        <source>Mis facturas</source>
        <translation>My invoices</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="36"/>
        <source>Consultar consumo</source>
        <translation>Check consumption</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="37"/>
        <source>Gráfico de los últimos meses</source>
        <translation>Chart of recent months</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="41"/>
        <source>Aportar lectura</source>
        <translation>Submit a meter reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="42"/>
        <source>Informe lo que marca su medidor</source>
        <translation>Tell us what your meter shows</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="41"/>
        <source>Reclamos</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="39"/>
        <source>Trámites</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="31"/>
        <source>Consulta de movimientos</source>
        <translation>Account movements</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="28"/>
        <source>Acuerdos de pago</source>
        <translation>Payment agreements</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="29"/>
        <source>Cuotas pagadas y pendientes</source>
        <translation>Instalments paid and pending</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="34"/>
        <source>Planes prepago</source>
        <translation>Prepaid plans</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="37"/>
        <source>Ver facturas e imprimir cupón de pago o duplicado</source>
        <translation>See invoices and print a payment slip or a duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="42"/>
        <source>Hacer un reclamo y ver cómo siguen los suyos</source>
        <translation>File a claim and see how yours are going</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="40"/>
        <source>Reconexión, cambio de titular, factura por correo y más</source>
        <translation>Reconnection, change of holder, invoice by e-mail and more</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="32"/>
        <source>Facturas y pagos; imprimir el estado de cuenta</source>
        <translation>Invoices and payments; print the account statement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="35"/>
        <source>Días de servicio y referencia para pagar un plan</source>
        <translation>Days of service and a reference to pay for a plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="125"/>
        <source>Total a pagar</source>
        <translation>Total to pay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="141"/>
        <source>1 factura sin pagar</source>
        <translation>1 unpaid invoice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="143"/>
        <source>%1 facturas sin pagar</source>
        <translation>%1 unpaid invoices</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="145"/>
        <source>No tiene facturas pendientes. ¡Gracias!</source>
        <translation>You have no pending invoices. Thank you!</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="147"/>
        <source>importe válido hasta el %1</source>
        <translation>amount valid until %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="150"/>
        <source>Incluye %1 que solo se puede pagar en la oficina comercial.</source>
        <translation>Includes %1 that can only be paid at the customer service office.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="156"/>
        <source>Tiene 1 factura vencida por %2.</source>
        <translation>You have 1 overdue invoice for %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="158"/>
        <source>Tiene %1 facturas vencidas por %2.</source>
        <translation>You have %1 overdue invoices for %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="161"/>
        <source>Puede imprimir el cupón de pago en «Mis facturas».</source>
        <translation>You can print the payment slip in “My invoices”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="168"/>
        <source>Le queda 1 día de servicio</source>
        <translation>1 day of service left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="170"/>
        <source>Le quedan %1 días de servicio</source>
        <translation>%1 days of service left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="172"/>
        <source>(hasta el %1)</source>
        <translation>(until %1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="174"/>
        <source>Plan: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="187"/>
        <source>Mi cuenta</source>
        <translation>My account</translation>
    </message>
    <message>
        <location filename="../../ui/screens/account_home_screen.py" line="188"/>
        <source>Hola, %1</source>
        <translation>Hello, %1</translation>
    </message>
</context>
<context>
    <name>AgreementsScreen</name>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="49"/>
        <source>Acuerdos de pago</source>
        <translation>Payment agreements</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="68"/>
        <source>Vigente</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="69"/>
        <source>Cancelado (pagado)</source>
        <translation>Settled (paid)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="70"/>
        <source>Anulado</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="77"/>
        <source>No tiene acuerdos de pago.</source>
        <translation>You have no payment agreements.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="85"/>
        <source>Acuerdo del %1</source>
        <translation>Agreement of %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="96"/>
        <source>Total del acuerdo</source>
        <translation>Agreement total</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="98"/>
        <source>Cuotas pagadas</source>
        <translation>Instalments paid</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="99"/>
        <source>%1 de %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="101"/>
        <source>Falta pagar</source>
        <translation>Left to pay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="105"/>
        <source>Próxima cuota</source>
        <translation>Next instalment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="111"/>
        <source>Cuota</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="111"/>
        <source>Vence</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="111"/>
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="111"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="115"/>
        <source>Pagada el %1</source>
        <translation>Paid on %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="117"/>
        <source>Vencida, sin pagar</source>
        <translation>Overdue, unpaid</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="119"/>
        <source>Pendiente</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/screens/agreements_screen.py" line="121"/>
        <source>Cuota %1</source>
        <translation>Instalment %1</translation>
    </message>
</context>
<context>
    <name>BusyOverlay</name>
    <message>
        <location filename="../../ui/widgets/busy.py" line="39"/>
        <source>Un momento, por favor…</source>
        <translation>One moment, please…</translation>
    </message>
</context>
<context>
    <name>ClaimsScreen</name>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="95"/>
        <source>Reclamos</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="96"/>
        <source>Hacer un reclamo nuevo</source>
        <translation>Make a new claim</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="97"/>
        <source>Mis reclamos y trámites</source>
        <translation>My claims and requests</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="99"/>
        <source>Reclamo o trámite</source>
        <translation>Claim or request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="99"/>
        <source>Número</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="99"/>
        <location filename="../../ui/screens/claims_screen.py" line="306"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="99"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="101"/>
        <source>Todavía no tiene reclamos ni trámites.</source>
        <translation>You have no claims or requests yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="161"/>
        <source>¿Sobre qué servicio es el reclamo?</source>
        <translation>Which service is the claim about?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="165"/>
        <source>Su cuenta no tiene servicios activos para reclamar.</source>
        <translation>Your account has no active services to claim about.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="187"/>
        <source>¿Qué problema tiene con %1?</source>
        <translation>What problem do you have with %1?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="207"/>
        <source>¿Lo llamamos al teléfono de su cuenta?</source>
        <translation>Shall we call you on your account&apos;s phone?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="209"/>
        <source>Sí, al %1</source>
        <translation>Yes, on %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="210"/>
        <source>No, a otro teléfono</source>
        <translation>No, on another phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="218"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="219"/>
        <source>Cuéntenos qué pasa</source>
        <translation>Tell us what is happening</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="220"/>
        <source>Por ejemplo: desde cuándo, si afecta a toda la casa, si hay peligro.</source>
        <translation>For example: since when, whether it affects the whole house, whether there is danger.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="206"/>
        <location filename="../../ui/screens/claims_screen.py" line="227"/>
        <source>Teléfono de contacto</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="228"/>
        <source>¿A qué teléfono lo podemos llamar?</source>
        <translation>Which phone can we call you on?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="229"/>
        <source>Con el código de área, solo números.</source>
        <translation>With the area code, numbers only.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="237"/>
        <source>Horario de contacto</source>
        <translation>Contact time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="238"/>
        <source>¿En qué horario prefiere que lo llamemos?</source>
        <translation>When would you prefer us to call you?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="263"/>
        <source>Servicio</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="265"/>
        <location filename="../../ui/screens/claims_screen.py" line="305"/>
        <source>Problema</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="277"/>
        <source>%1 (el de su cuenta)</source>
        <translation>%1 (your account&apos;s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="267"/>
        <source>Revise su reclamo antes de enviarlo</source>
        <translation>Check your claim before sending it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="269"/>
        <source>Enviar reclamo</source>
        <translation>Send claim</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="270"/>
        <source>Corregir</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="307"/>
        <source>Le llamaremos al</source>
        <translation>We will call you on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="310"/>
        <source>Reclamo registrado</source>
        <translation>Claim registered</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="311"/>
        <source>Número de reclamo</source>
        <translation>Claim number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="314"/>
        <source>Guarde este número para consultar cómo sigue su reclamo.</source>
        <translation>Keep this number to follow up your claim.</translation>
    </message>
</context>
<context>
    <name>ConsumptionChart</name>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="72"/>
        <source>Gráfico de consumo</source>
        <translation>Consumption chart</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="111"/>
        <source>Estimada</source>
        <translation>Estimated</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="113"/>
        <source>Aportada por usted</source>
        <translation>Submitted by you</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="114"/>
        <source>Real</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="119"/>
        <source>E</source>
        <comment>estimada</comment>
        <translation>E</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="121"/>
        <source>U</source>
        <comment>aportada por usted</comment>
        <translation>Y</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="122"/>
        <source>R</source>
        <comment>real</comment>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="172"/>
        <source>Promedio</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/consumption_chart.py" line="224"/>
        <source>Todavía no hay consumos para mostrar.</source>
        <translation>There is no consumption to show yet.</translation>
    </message>
</context>
<context>
    <name>ConsumptionScreen</name>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="85"/>
        <source>Consultar consumo</source>
        <translation>Check consumption</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="86"/>
        <source>12 meses</source>
        <translation>12 months</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="87"/>
        <source>24 meses</source>
        <translation>24 months</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="125"/>
        <source>Su cuenta no tiene servicios con medidor.</source>
        <translation>Your account has no metered services.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="176"/>
        <source>Último período (%1): %2. Promedio de los últimos %4 meses: %3 por mes.</source>
        <translation>Last period (%1): %2. Average over the last %4 months: %3 a month.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/consumption_screen.py" line="184"/>
        <source>Períodos estimados: %1.</source>
        <translation>Estimated periods: %1.</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../ui/crash.py" line="59"/>
        <source>Lo sentimos, algo salió mal. Volvimos al inicio; puede intentarlo de nuevo.</source>
        <translation>Sorry, something went wrong. We went back to the start; you can try again.</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="110"/>
        <source>Medidor %1</source>
        <translation>Meter %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="135"/>
        <location filename="../../ui/screens/customer_base.py" line="177"/>
        <source>Complete este dato para seguir.</source>
        <translation>Fill this in to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="136"/>
        <source>El texto es demasiado largo; acórtelo un poco.</source>
        <translation>The text is too long; please shorten it a little.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="137"/>
        <source>Este dato no parece correcto; revíselo.</source>
        <translation>This does not look right; please check it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="138"/>
        <source>Elija una de las opciones.</source>
        <translation>Choose one of the options.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="148"/>
        <source>Imprimiendo su comprobante…</source>
        <translation>Printing your receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="157"/>
        <source>Retire su comprobante de la impresora.</source>
        <translation>Take your receipt from the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="162"/>
        <source>Anote el número: su trámite ya quedó registrado.</source>
        <translation>Write the number down: your request is already registered.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="163"/>
        <source>Imprimir de nuevo</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="175"/>
        <source>Anterior</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="176"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="178"/>
        <source>Escriba al menos {n} caracteres.</source>
        <translation>Type at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer_base.py" line="179"/>
        <source>{n} de {max} caracteres</source>
        <translation>{n} of {max} characters</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/error_screen.py" line="42"/>
        <source>No pudimos completar lo que pidió</source>
        <translation>We could not complete your request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/error_screen.py" line="43"/>
        <source>Puede volver e intentarlo otra vez, o empezar de nuevo desde el inicio.</source>
        <translation>You can go back and try again, or start over from the home screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/error_screen.py" line="44"/>
        <source>Intentar de nuevo</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>FaqScreen</name>
    <message>
        <location filename="../../ui/screens/faq_screen.py" line="39"/>
        <source>Preguntas frecuentes</source>
        <translation>Frequently asked questions</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Volver</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Inicio</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Salir de mi cuenta</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Salir de mantenimiento</source>
        <translation>Leave maintenance</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>Letra grande</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Alto contraste</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="68"/>
        <source>Bienvenido a %1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="69"/>
        <source>¿Qué quiere hacer hoy? Toque una opción.</source>
        <translation>What would you like to do today? Tap an option.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="70"/>
        <source>Consultar factura</source>
        <translation>Look up an invoice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="71"/>
        <source>Vea su factura e imprima un duplicado o el cupón de pago, sin PIN</source>
        <translation>See your invoice and print a copy or the payment slip, no PIN needed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="73"/>
        <source>Con su número de cuenta y PIN: deuda, lecturas, reclamos y trámites</source>
        <translation>With your account number and PIN: debt, meter readings, claims and requests</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="75"/>
        <source>Si es la primera vez o si olvidó su PIN</source>
        <translation>If it is your first time or you forgot your PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="72"/>
        <source>Ingresar</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="74"/>
        <source>Registrar o cambiar PIN</source>
        <translation>Register or change PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="76"/>
        <source>Preguntas frecuentes</source>
        <translation>Frequently asked questions</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="76"/>
        <source>Respuestas a las dudas más comunes</source>
        <translation>Answers to the most common questions</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home_screen.py" line="127"/>
        <source>Este equipo está fuera de servicio por el momento. Por favor, diríjase al mostrador de atención. Disculpe las molestias.</source>
        <translation>This kiosk is out of service for the moment. Please go to the service counter. We apologise for the inconvenience.</translation>
    </message>
</context>
<context>
    <name>IdleDialog</name>
    <message>
        <location filename="../../ui/widgets/idle_dialog.py" line="66"/>
        <source>¿Sigue ahí?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_dialog.py" line="67"/>
        <source>Sí, continuar</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_dialog.py" line="73"/>
        <source>segundo</source>
        <translation>second</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_dialog.py" line="73"/>
        <source>segundos</source>
        <translation>seconds</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_dialog.py" line="75"/>
        <source>Por su seguridad, se cerrará su sesión.</source>
        <translation>For your security, your session will be closed.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_dialog.py" line="77"/>
        <source>Por su privacidad, volveremos al inicio y se borrará lo que escribió.</source>
        <translation>For your privacy, we will go back to the start and clear what you typed.</translation>
    </message>
</context>
<context>
    <name>InvoiceDetailScreen</name>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="76"/>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="201"/>
        <source>Detalle de la factura</source>
        <translation>Invoice details</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="77"/>
        <source>Imprimir duplicado</source>
        <translation>Print a copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="78"/>
        <source>Cupón de pago de esta factura</source>
        <translation>Payment slip for this invoice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="79"/>
        <source>Lecturas y consumo</source>
        <translation>Readings and consumption</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="80"/>
        <source>Concepto</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="80"/>
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="119"/>
        <source>Factura de %1</source>
        <translation>Invoice for %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="123"/>
        <source>Número</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="123"/>
        <source>Domicilio</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="125"/>
        <source>Emitida el</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="126"/>
        <source>1.er vencimiento</source>
        <translation>1st due date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="128"/>
        <source>2.º vencimiento</source>
        <translation>2nd due date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="130"/>
        <source>A pagar hoy</source>
        <translation>To pay today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="141"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="149"/>
        <source>Lectura anterior</source>
        <translation>Previous reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="150"/>
        <source>Lectura actual</source>
        <translation>Current reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="157"/>
        <source>%1 el %2 (%3)</source>
        <translation>%1 on %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="165"/>
        <source>Consumo</source>
        <translation>Consumption</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="175"/>
        <source>Duplicado de factura</source>
        <translation>Invoice copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_detail_screen.py" line="190"/>
        <source>Cupón de pago</source>
        <translation>Payment slip</translation>
    </message>
</context>
<context>
    <name>InvoiceFoundScreen</name>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="70"/>
        <source>Su factura</source>
        <translation>Your invoice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="72"/>
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="73"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="74"/>
        <source>Período</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="75"/>
        <source>Servicio</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="76"/>
        <source>Número de factura</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="77"/>
        <source>Titular</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="78"/>
        <source>Primer vencimiento</source>
        <translation>First due date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="79"/>
        <source>Segundo vencimiento</source>
        <translation>Second due date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="83"/>
        <source>Imprimir duplicado</source>
        <translation>Print a copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="84"/>
        <source>Imprimir cupón de pago</source>
        <translation>Print payment slip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="125"/>
        <source>Esta factura ya está pagada. Puede imprimir un duplicado.</source>
        <translation>This invoice is already paid. You can print a copy.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="128"/>
        <source>Esta factura pasó su último vencimiento: se paga en la oficina comercial. Puede imprimir un duplicado.</source>
        <translation>This invoice is past its last due date: it is paid at the customer service office. You can print a duplicate.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="131"/>
        <source>Esta factura está vencida.</source>
        <translation>This invoice is overdue.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="142"/>
        <location filename="../../ui/screens/printing_screen.py" line="182"/>
        <source>Duplicado de factura</source>
        <translation>Invoice copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoice_found_screen.py" line="154"/>
        <source>Cupón de pago</source>
        <translation>Payment slip</translation>
    </message>
</context>
<context>
    <name>InvoicesScreen</name>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="92"/>
        <source>Mis facturas</source>
        <translation>My invoices</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="93"/>
        <source>A pagar</source>
        <translation>To pay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="94"/>
        <source>Vencidas</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="95"/>
        <source>Por vencer</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="96"/>
        <source>Pagadas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="97"/>
        <source>Seleccionar todas</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="98"/>
        <source>Imprimir cupón de pago</source>
        <translation>Print payment slip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="134"/>
        <source>No tiene facturas para pagar. ¡Gracias!</source>
        <translation>You have no invoices to pay. Thank you!</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="135"/>
        <source>No tiene facturas vencidas.</source>
        <translation>You have no overdue invoices.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="136"/>
        <source>No tiene facturas por vencer.</source>
        <translation>You have no invoices coming due.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="137"/>
        <source>No hay facturas pagadas para mostrar.</source>
        <translation>There are no paid invoices to show.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="139"/>
        <source>Detalle</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="145"/>
        <source>Factura %1</source>
        <translation>Invoice %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="149"/>
        <source>Venció el %1</source>
        <translation>Was due on %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="147"/>
        <source>Vence el %1</source>
        <translation>Due on %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="152"/>
        <source>2.º vencimiento %1: %2</source>
        <translation>2nd due date %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="191"/>
        <source>Toque las facturas que quiere pagar</source>
        <translation>Tap the invoices you want to pay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="195"/>
        <source>1 factura seleccionada, total:</source>
        <translation>1 invoice selected, total:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="197"/>
        <source>%1 facturas seleccionadas, total:</source>
        <translation>%1 invoices selected, total:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/invoices_screen.py" line="224"/>
        <source>Cupón de pago</source>
        <translation>Payment slip</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="86"/>
        <source>espacio</source>
        <translation>space</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="87"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="88"/>
        <source>Borrar</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="89"/>
        <source>Mayúscula</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="89"/>
        <source>Borrar una letra</source>
        <translation>Delete one letter</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../ui/widgets/keypad.py" line="67"/>
        <source>Borrar</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keypad.py" line="68"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keypad.py" line="69"/>
        <location filename="../../ui/widgets/keypad.py" line="70"/>
        <source>Borrar un número</source>
        <translation>Delete one digit</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="69"/>
        <source>Ingresar a mi cuenta</source>
        <translation>Log in to my account</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="70"/>
        <source>Número de cuenta</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="71"/>
        <source>PIN (4 a 6 números)</source>
        <translation>PIN (4 to 6 digits)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="73"/>
        <source>Escriba su número de cuenta, tal como figura en su factura.</source>
        <translation>Type your account number as it appears on your invoice.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="74"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="76"/>
        <source>Ahora escriba su PIN. Nadie más lo verá en la pantalla.</source>
        <translation>Now type your PIN. Nobody else will see it on the screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="77"/>
        <source>Ingresar</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="78"/>
        <source>Consultar e imprimir facturas sin ingresar</source>
        <translation>Look up and print invoices without logging in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/login_screen.py" line="79"/>
        <source>¿Olvidó su PIN? Registrar o cambiar PIN</source>
        <translation>Forgot your PIN? Register or change PIN</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="89"/>
        <source>Consultar factura</source>
        <translation>Look up an invoice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="90"/>
        <source>Escriba los números que figuran en su factura. No necesita ingresar con PIN.</source>
        <translation>Type the numbers printed on your invoice. You do not need to log in with a PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="91"/>
        <source>Número de cuenta</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="92"/>
        <source>Número de factura (por ejemplo 0021-00049107)</source>
        <translation>Invoice number (for example 0021-00049107)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="93"/>
        <source>o escanee el código de barras de su factura con el lector</source>
        <translation>or scan the barcode on your invoice with the reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="94"/>
        <source>Buscar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup_screen.py" line="94"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="654"/>
        <source>Este equipo todavía no recibió los datos de la central. Por favor, diríjase al mostrador.</source>
        <translation>This kiosk has not received its data from the head office yet. Please go to the service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="663"/>
        <source>Sin conexión con la central. Los datos se actualizaron hace %1; puede consultar e imprimir facturas.</source>
        <translation>No connection to the head office. The information was updated %1 ago; you can still look up and print invoices.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="669"/>
        <source>Los datos se actualizaron hace %1.</source>
        <translation>The information was updated %1 ago.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="718"/>
        <location filename="../../ui/main_window.py" line="723"/>
        <source>Este equipo está fuera de servicio por el momento.</source>
        <translation>This kiosk is out of service for the moment.</translation>
    </message>
</context>
<context>
    <name>MaintenanceHomeScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="64"/>
        <source>Mantenimiento</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="66"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="66"/>
        <source>Versiones, datos, cola de envío, disco, central</source>
        <translation>Versions, data, outbox, disk, central</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="67"/>
        <source>Sincronización</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="67"/>
        <source>Sincronizar ahora, filas retenidas</source>
        <translation>Sync now, parked rows</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="68"/>
        <source>Impresora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="68"/>
        <source>Papel, página de prueba, trabajos guardados</source>
        <translation>Paper, test page, kept jobs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="69"/>
        <source>Fuera de servicio</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="69"/>
        <source>Cerrar o abrir el equipo al público</source>
        <translation>Close or open the kiosk to the public</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="70"/>
        <source>Registros</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="70"/>
        <source>Últimas líneas del registro y auditoría</source>
        <translation>Latest log lines and audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="71"/>
        <source>Técnico</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="71"/>
        <source>Configuración, impresora, reiniciar</source>
        <translation>Configuration, printer, restart</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="82"/>
        <source>PIN de la sucursal</source>
        <translation>Branch PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_home_screen.py" line="83"/>
        <source>%1 · %2. Todo lo que haga queda registrado.</source>
        <translation>%1 · %2. Everything you do is recorded.</translation>
    </message>
</context>
<context>
    <name>MaintenanceLogsScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="48"/>
        <source>Registros</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="49"/>
        <source>Registro del equipo</source>
        <translation>Kiosk log</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="50"/>
        <source>Auditoría del personal</source>
        <translation>Staff audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="51"/>
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="88"/>
        <source>Sin líneas de registro todavía.</source>
        <translation>No log lines yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="91"/>
        <source>Sin acciones del personal todavía.</source>
        <translation>No staff actions yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="96"/>
        <source>Personal n.º %1</source>
        <translation>Staff no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="97"/>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="153"/>
        <source>PIN de sucursal</source>
        <translation>Branch PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="107"/>
        <source>Ingreso del personal</source>
        <translation>Staff login</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="107"/>
        <source>Salida del personal</source>
        <translation>Staff logout</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="108"/>
        <source>Acción no permitida</source>
        <translation>Action not allowed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="109"/>
        <source>Fuera de servicio</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="109"/>
        <source>De nuevo en servicio</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="110"/>
        <source>Sincronizar ahora</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="110"/>
        <source>Conciliar ahora</source>
        <translation>Reconcile now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="111"/>
        <source>Ver filas retenidas</source>
        <translation>View parked rows</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="111"/>
        <source>Reintentar filas retenidas</source>
        <translation>Retry parked rows</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="112"/>
        <source>Descartar fila retenida</source>
        <translation>Discard a parked row</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="113"/>
        <source>Página de prueba</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="114"/>
        <source>Rollo de papel cambiado</source>
        <translation>Paper roll replaced</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="115"/>
        <source>Ver trabajos guardados</source>
        <translation>View kept jobs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="115"/>
        <source>Buscar trabajo guardado</source>
        <translation>Find a kept job</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="116"/>
        <source>Reimprimir trabajo guardado</source>
        <translation>Reprint a kept job</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="117"/>
        <source>Cambiar la impresora</source>
        <translation>Change the printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="117"/>
        <source>Ver la configuración</source>
        <translation>View the configuration</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="118"/>
        <source>Reiniciar la aplicación</source>
        <translation>Restart the application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="118"/>
        <source>Reiniciar el equipo</source>
        <translation>Restart the device</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="119"/>
        <source>Salir de la aplicación</source>
        <translation>Exit the application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="126"/>
        <source>correcto</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="126"/>
        <source>falló</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="126"/>
        <source>pedido</source>
        <translation>requested</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="127"/>
        <source>iniciado</source>
        <translation>started</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="127"/>
        <source>desde la aplicación</source>
        <translation>from the application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="128"/>
        <source>no encontrado</source>
        <translation>not found</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="128"/>
        <source>sin permiso</source>
        <translation>not allowed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="129"/>
        <source>PIN incorrecto</source>
        <translation>wrong PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="129"/>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="137"/>
        <source>bloqueado</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="130"/>
        <source>rechazado</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="130"/>
        <source>dato mal escrito</source>
        <translation>mistyped</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="131"/>
        <source>sin PIN de sucursal</source>
        <translation>no branch PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="137"/>
        <source>rol</source>
        <translation>role</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="137"/>
        <source>vía</source>
        <translation>via</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="138"/>
        <source>motivo</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="138"/>
        <source>requiere</source>
        <translation>requires</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="138"/>
        <source>filas</source>
        <translation>rows</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="139"/>
        <source>fila</source>
        <translation>row</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="139"/>
        <source>tabla</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="139"/>
        <source>registro</source>
        <translation>record</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="140"/>
        <source>mensaje</source>
        <translation>message</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="140"/>
        <source>trabajos</source>
        <translation>jobs</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="140"/>
        <source>número</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="141"/>
        <source>impresora</source>
        <translation>printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="141"/>
        <source>papel</source>
        <translation>paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="141"/>
        <source>guardado</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="142"/>
        <source>programa</source>
        <translation>program</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="150"/>
        <source>sí</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="150"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="152"/>
        <source>operador</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="152"/>
        <source>técnico</source>
        <translation>technician</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="152"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_logs_screen.py" line="153"/>
        <source>credencial</source>
        <translation>badge</translation>
    </message>
</context>
<context>
    <name>MaintenancePrinterScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="96"/>
        <source>Impresora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="97"/>
        <source>Imprimir página de prueba</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="98"/>
        <source>Cambié el rollo de papel</source>
        <translation>I replaced the paper roll</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="99"/>
        <source>Buscar un trabajo guardado: número %1…</source>
        <translation>Find a kept job: number %1…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="100"/>
        <source>Buscar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="101"/>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="199"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="102"/>
        <source>No hay trabajos guardados.</source>
        <translation>No kept jobs.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="149"/>
        <source>rollo</source>
        <translation>roll</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="149"/>
        <source>hoja A4</source>
        <translation>A4 sheet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="150"/>
        <source>Impresora %1, papel: %2. Rollo: quedan unos %3 m de %4 m.</source>
        <translation>Printer %1, paper: %2. Roll: about %3 m left of %4 m.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="160"/>
        <source>Trabajos guardados para reimprimir: %1</source>
        <translation>Jobs kept for a reprint: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="169"/>
        <source>Cupón de pago</source>
        <translation>Payment slip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="169"/>
        <source>Duplicado de factura</source>
        <translation>Invoice duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="170"/>
        <source>Estado de cuenta</source>
        <translation>Account statement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="170"/>
        <source>Página de prueba</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="171"/>
        <source>Comprobante de reclamo</source>
        <translation>Claim receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="172"/>
        <source>Comprobante de lectura</source>
        <translation>Meter reading receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="173"/>
        <source>Comprobante de trámite</source>
        <translation>Request receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="178"/>
        <source>imprimiéndose</source>
        <translation>printing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="178"/>
        <source>impresión interrumpida</source>
        <translation>print interrupted</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="182"/>
        <source>%1 · %2 · %n páginas</source>
        <translation>
            <numerusform>%1 · %2 · %n page</numerusform>
            <numerusform>%1 · %2 · %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="184"/>
        <source>Guardado %1 (%2); vence %3</source>
        <translation>Kept %1 (%2); expires %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="187"/>
        <source>ya reimpreso</source>
        <translation>already reprinted</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="207"/>
        <source>Página de prueba enviada a la impresora.</source>
        <translation>Test page sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="215"/>
        <source>Contador del rollo en cero: avisará cuando quede poco papel.</source>
        <translation>Roll counter reset: it will warn when paper runs low.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="251"/>
        <source>Trabajo %1 reimpreso.</source>
        <translation>Job %1 reprinted.</translation>
    </message>
</context>
<context>
    <name>MaintenanceServiceScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="26"/>
        <source>Equipo fuera de servicio por mantenimiento. Por favor, diríjase al mostrador de atención.</source>
        <translation>This kiosk is out of service for maintenance. Please go to the service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="28"/>
        <source>La impresora está en reparación. Por favor, diríjase al mostrador de atención.</source>
        <translation>The printer is being repaired. Please go to the service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="30"/>
        <source>Equipo fuera de servicio por un problema de conexión. Disculpe las molestias.</source>
        <translation>This kiosk is out of service because of a connection problem. We apologise for the inconvenience.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="32"/>
        <source>Este equipo volverá a funcionar en unos minutos. Gracias por su paciencia.</source>
        <translation>This kiosk will be back in a few minutes. Thank you for your patience.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="113"/>
        <source>Fuera de servicio</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="114"/>
        <source>Mensaje para los clientes en la pantalla de inicio:</source>
        <translation>Message for customers on the home screen:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="115"/>
        <source>Mantenimiento</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="115"/>
        <source>Impresora en reparación</source>
        <translation>Printer being repaired</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="115"/>
        <source>Problema de conexión</source>
        <translation>Connection problem</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="116"/>
        <source>Vuelve en unos minutos</source>
        <translation>Back in a few minutes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="119"/>
        <source>Otro mensaje (escribirlo)</source>
        <translation>Another message (type it)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="120"/>
        <source>Elegir de la lista</source>
        <translation>Choose from the list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="121"/>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="163"/>
        <source>Poner fuera de servicio</source>
        <translation>Put out of service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="122"/>
        <source>Volver a atender al público</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="157"/>
        <source>Ahora: FUERA DE SERVICIO. Los clientes ven: «%1»</source>
        <translation>Now: OUT OF SERVICE. Customers see: “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="158"/>
        <source>(mensaje general)</source>
        <translation>(general message)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="160"/>
        <source>Ahora: en servicio, atendiendo al público.</source>
        <translation>Now: in service, open to the public.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="162"/>
        <source>Cambiar el mensaje</source>
        <translation>Change the message</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="188"/>
        <source>Los clientes verán: «%1»</source>
        <translation>Customers will see: “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="200"/>
        <source>Escriba el mensaje o elija uno de la lista.</source>
        <translation>Type the message or choose one from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="211"/>
        <source>Listo: el equipo quedó fuera de servicio.</source>
        <translation>Done: the kiosk is out of service.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_service_screen.py" line="212"/>
        <source>Listo: el equipo vuelve a atender al público.</source>
        <translation>Done: the kiosk is open to the public again.</translation>
    </message>
</context>
<context>
    <name>MaintenanceStatusScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="62"/>
        <source>Estado del equipo</source>
        <translation>Kiosk status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="64"/>
        <source>Equipo</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="64"/>
        <source>Sucursal</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="64"/>
        <source>Versión</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="65"/>
        <source>Esquema local / central</source>
        <translation>Local / central schema</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="65"/>
        <source>Antigüedad de los datos</source>
        <translation>Data age</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="66"/>
        <source>Última recepción</source>
        <translation>Last pull</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="66"/>
        <source>Último envío</source>
        <translation>Last push</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="67"/>
        <source>Último aviso a la central</source>
        <translation>Last heartbeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="67"/>
        <source>Cola de envío</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="68"/>
        <source>Filas retenidas</source>
        <translation>Parked rows</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="68"/>
        <source>Disco libre</source>
        <translation>Free disk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="68"/>
        <source>Impresora</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="69"/>
        <source>Central</source>
        <translation>Central</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="69"/>
        <source>Encendido desde hace</source>
        <translation>Up for</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="70"/>
        <source>Atención al público</source>
        <translation>Public service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="74"/>
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="95"/>
        <source>sin dato</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="97"/>
        <source>No configurada</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="99"/>
        <source>Conectada</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="103"/>
        <source>Sin conexión</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="108"/>
        <source>sin datos todavía</source>
        <translation>no data yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_status_screen.py" line="111"/>
        <source>%n filas por enviar</source>
        <translation>
            <numerusform>%n row to push</numerusform>
            <numerusform>%n rows to push</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_status_screen.py" line="112"/>
        <source>%n filas</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="112"/>
        <source>ninguna</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="115"/>
        <source>Fuera de servicio</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="116"/>
        <source>En servicio</source>
        <translation>In service</translation>
    </message>
</context>
<context>
    <name>MaintenanceSyncScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="117"/>
        <source>Sincronización</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="118"/>
        <source>Sincronizar ahora</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="119"/>
        <source>Conciliar ahora</source>
        <translation>Reconcile now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="120"/>
        <source>Reintentar todas</source>
        <translation>Retry all</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="121"/>
        <source>No hay filas retenidas: todo lo que este equipo registró llegó a la central.</source>
        <translation>No parked rows: everything this kiosk recorded reached central.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="122"/>
        <source>Motivo del descarte (queda en la auditoría)</source>
        <translation>Reason for discarding (kept in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="123"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="124"/>
        <source>Descartar la fila</source>
        <translation>Discard the row</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="177"/>
        <source>La sincronización no está funcionando en este equipo (se inició sin sincronización). Reinicie la aplicación o avise a sistemas.</source>
        <translation>Sync is not running on this kiosk (it was started without sync). Restart the app or tell IT.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="180"/>
        <source>Conciliando con la central…</source>
        <translation>Reconciling with central…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="181"/>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="410"/>
        <source>Sincronizando con la central…</source>
        <translation>Syncing with central…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="183"/>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="429"/>
        <source>Sincronización en marcha; la central responde.</source>
        <translation>Sync is running; central responds.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="184"/>
        <source>Sincronizando en este momento…</source>
        <translation>Syncing right now…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="185"/>
        <source>Sin conexión con la central; se reintenta sola.</source>
        <translation>No connection to central; it retries by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="186"/>
        <source>La última sincronización falló; se reintenta sola.</source>
        <translation>The last sync failed; it retries by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="188"/>
        <source>Sincronización en marcha.</source>
        <translation>Sync is running.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="200"/>
        <source>Esperando a que empiece la ronda…</source>
        <translation>Waiting for the round to start…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="212"/>
        <source>Recibiendo</source>
        <translation>Pulling</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="212"/>
        <source>Enviando</source>
        <translation>Pushing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="212"/>
        <source>Conciliando</source>
        <translation>Reconciling</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="213"/>
        <source>Avisando a la central</source>
        <translation>Sending the heartbeat</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="213"/>
        <source>Terminando</source>
        <translation>Finishing</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="216"/>
        <source>%n filas</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="243"/>
        <source>Listo: %1 filas recibidas, %2 enviadas.</source>
        <translation>Done: %1 rows pulled, %2 pushed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="246"/>
        <source>Conciliación hecha: %1 diferencias corregidas.</source>
        <translation>Reconciled: %1 differences repaired.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="250"/>
        <source>La sincronización no terminó (%1). Se reintentará sola.</source>
        <translation>The sync did not finish (%1). It will retry by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="259"/>
        <source>reclamo</source>
        <translation>claim</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="260"/>
        <source>lectura de medidor</source>
        <translation>meter reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="261"/>
        <source>solicitud de servicio</source>
        <translation>service request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="262"/>
        <source>cambio de datos de contacto</source>
        <translation>contact details change</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="263"/>
        <source>solicitud de PIN</source>
        <translation>PIN request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="264"/>
        <source>registro de impresión</source>
        <translation>print log entry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="265"/>
        <source>evento de auditoría</source>
        <translation>audit event</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="274"/>
        <source>Filas retenidas por la central: %1</source>
        <translation>Rows central refused: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="293"/>
        <source>N.º %1 · %2 · %3 intentos · %4</source>
        <translation>No. %1 · %2 · %3 attempts · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="297"/>
        <source>Motivo de la central: %1</source>
        <translation>Central&apos;s reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="301"/>
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="305"/>
        <source>Descartar</source>
        <translation>Discard</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="319"/>
        <source>%n filas vuelven a la cola de envío; salen en la próxima sincronización.</source>
        <translation>
            <numerusform>%n row is back in the outbox; it goes with the next sync.</numerusform>
            <numerusform>%n rows are back in the outbox; they go with the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="335"/>
        <source>Descartar la fila N.º %1 (%2): no se enviará nunca y sus datos se borran de este equipo.</source>
        <translation>Discard row no. %1 (%2): it will never be sent and its data is deleted from this kiosk.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="357"/>
        <source>Escriba el motivo del descarte.</source>
        <translation>Type the reason for discarding.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="364"/>
        <source>Fila N.º %1 descartada.</source>
        <translation>Row no. %1 discarded.</translation>
    </message>
</context>
<context>
    <name>MaintenanceTechnicianScreen</name>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="122"/>
        <source>Técnico</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="123"/>
        <source>Configuración en uso (las claves no se muestran)</source>
        <translation>Configuration in use (secrets are hidden)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="124"/>
        <source>Impresora y papel</source>
        <translation>Printer and paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="125"/>
        <source>Rollo</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="126"/>
        <source>Hoja A4</source>
        <translation>A4 sheet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="127"/>
        <source>Guardar impresora</source>
        <translation>Save printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="128"/>
        <source>Equipo</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="129"/>
        <source>Salir al escritorio</source>
        <translation>Exit to the desktop</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="130"/>
        <source>Reiniciar la aplicación</source>
        <translation>Restart the app</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="131"/>
        <source>Reiniciar el equipo</source>
        <translation>Reboot the device</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="132"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="196"/>
        <source>Impresora guardada: %1, %2.</source>
        <translation>Printer saved: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="210"/>
        <source>¿Salir al escritorio? El equipo deja de atender hasta que alguien vuelva a abrir la aplicación.</source>
        <translation>Exit to the desktop? The kiosk stops serving until someone opens the app again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="211"/>
        <source>Sí, salir al escritorio</source>
        <translation>Yes, exit to the desktop</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="212"/>
        <source>¿Reiniciar la aplicación? Vuelve sola en unos segundos.</source>
        <translation>Restart the app? It is back by itself in a few seconds.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="213"/>
        <source>Sí, reiniciar la aplicación</source>
        <translation>Yes, restart the app</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="214"/>
        <source>¿Reiniciar el equipo? Tarda unos minutos en volver a atender.</source>
        <translation>Reboot the device? It takes a few minutes to serve again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="215"/>
        <source>Sí, reiniciar el equipo</source>
        <translation>Yes, reboot the device</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_technician_screen.py" line="249"/>
        <source>El equipo se está reiniciando…</source>
        <translation>The device is rebooting…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="24"/>
        <location filename="../../ui/messages.py" line="35"/>
        <source>%n minutos</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="25"/>
        <source>%n segundos</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="32"/>
        <source>%n días</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="34"/>
        <source>%n horas</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>No encontramos una factura con esos datos. Revise el número de cuenta y el número de factura impresos en su factura e intente de nuevo.</source>
        <translation>We could not find an invoice with those numbers. Check the account number and the invoice number printed on your invoice and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>No encontramos esa cuenta. Revise el número impreso en su factura e intente de nuevo.</source>
        <translation>We could not find that account. Check the number printed on your invoice and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>El número de cuenta no parece correcto: use solo números, como figura en su factura.</source>
        <translation>The account number does not look right: use digits only, as printed on your invoice.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>El número de factura no parece correcto: escríbalo con todos sus números, por ejemplo 0021-00049107.</source>
        <translation>The invoice number does not look right: type all of its digits, for example 0021-00049107.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>No pudimos leer ese código. Acerque de nuevo el código de barras de la factura o escriba los números.</source>
        <translation>We could not read that code. Hold the invoice barcode to the reader again, or type the numbers.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>Hubo demasiados intentos fallidos. Por seguridad, espere {wait} antes de volver a intentar.</source>
        <translation>There were too many failed attempts. For security, please wait {wait} before trying again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>El PIN no es correcto. Le quedan {attempts_left} intentos.</source>
        <translation>The PIN is not correct. You have {attempts_left} attempts left.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>Su cuenta quedó bloqueada por demasiados intentos. Podrá volver a ingresar en {wait}. Mientras tanto puede consultar e imprimir facturas.</source>
        <translation>Your account is locked after too many attempts. You can log in again in {wait}. Meanwhile you can still look up and print invoices.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>El ingreso no está disponible en este momento; puede consultar e imprimir facturas.</source>
        <translation>Login is not available right now; you can still look up and print invoices.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>El registro de PIN no está disponible en este momento. Intente más tarde o consulte en el mostrador.</source>
        <translation>PIN registration is not available right now. Try again later or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>Su sesión terminó. Vuelva a ingresar con su número de cuenta y PIN.</source>
        <translation>Your session has ended. Log in again with your account number and PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>El PIN debe tener solo números (entre 4 y 6).</source>
        <translation>The PIN must have digits only (4 to 6).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>El número de documento no parece correcto: escríbalo sin puntos ni espacios.</source>
        <translation>The ID number does not look right: type it without dots or spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <source>Elija cómo quiere recibir el código: SMS o correo electrónico.</source>
        <translation>Choose how to receive the code: SMS or e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>El código no parece correcto. Revise el mensaje que recibió.</source>
        <translation>The code does not look right. Check the message you received.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>Los dos PIN no coinciden. Escriba el mismo PIN dos veces.</source>
        <translation>The two PINs do not match. Type the same PIN twice.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>Ese PIN es muy fácil de adivinar (como 1234 o 1111). Elija otro.</source>
        <translation>That PIN is too easy to guess (like 1234 or 1111). Choose another one.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>El código no es correcto. Le quedan {attempts_left} intentos.</source>
        <translation>The code is not correct. You have {attempts_left} attempts left.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>El código venció. Toque «Pedir un código nuevo» y le enviaremos otro.</source>
        <translation>The code has expired. Tap “Ask for a new code” and we will send you another one.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="93"/>
        <source>Se escribieron demasiados códigos incorrectos. Toque «Pedir un código nuevo» o consulte en el mostrador.</source>
        <translation>Too many wrong codes were typed. Tap “Ask for a new code” or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>No encontramos ese servicio en su cuenta. Vuelva y elija otro.</source>
        <translation>We could not find that service on your account. Go back and choose another one.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>Ese servicio no está activo. Consulte en el mostrador.</source>
        <translation>That service is not active. Please ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99"/>
        <source>Ese plan ya no está disponible. Elija otro.</source>
        <translation>That plan is no longer available. Choose another one.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100"/>
        <source>Los planes son solo para cuentas prepagas.</source>
        <translation>Plans are for prepaid accounts only.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>Elija al menos una factura para el cupón de pago.</source>
        <translation>Choose at least one invoice for the payment slip.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>Solo puede pagar juntas facturas de una misma cuenta.</source>
        <translation>You can only pay invoices of the same account together.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>La factura {number} ya está pagada. Quítela de la selección e intente de nuevo.</source>
        <translation>Invoice {number} is already paid. Remove it from the selection and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>Esas facturas no se pueden pagar juntas. Elija facturas en la misma moneda.</source>
        <translation>Those invoices cannot be paid together. Choose invoices in the same currency.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>La factura {number} pasó su último vencimiento y solo se puede pagar en la oficina comercial. Quítela de la selección para imprimir el cupón de las demás.</source>
        <translation>Invoice {number} is past its last due date and can only be paid at the customer service office. Remove it from the selection to print the slip for the others.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116"/>
        <source>Este servicio no tiene medidor; no hace falta cargar lecturas.</source>
        <translation>This service has no meter; there is no reading to submit.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>Hoy no se pueden cargar lecturas para este medidor. El próximo período abre el {next_opens_on}.</source>
        <translation>Readings for this meter cannot be submitted today. The next reading period opens on {next_opens_on}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>La lectura tiene más números que el medidor ({digits}). Revise el número.</source>
        <translation>The reading has more digits than the meter ({digits}). Please check the number.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125"/>
        <source>Escriba la lectura tal como la ve en el medidor, solo con números.</source>
        <translation>Type the reading exactly as shown on the meter, digits only.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>La lectura es menor que la anterior ({last_value}). ¿El medidor llegó al máximo y volvió a empezar?</source>
        <translation>The reading is lower than the previous one ({last_value}). Did the meter reach its maximum and start again from zero?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130"/>
        <source>El consumo ({consumption}) es mucho más alto que su promedio ({average}). ¿Es correcto?</source>
        <translation>The consumption ({consumption}) is much higher than your average ({average}). Is it correct?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>Hay un dato para revisar. Corríjalo e intente de nuevo.</source>
        <translation>Something needs checking. Correct it and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>Elija un motivo de la lista.</source>
        <translation>Choose a reason from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137"/>
        <source>La impresora se quedó sin papel. Avise al personal de la sucursal; su comprobante quedó guardado y puede imprimirlo otra vez.</source>
        <translation>The printer is out of paper. Please tell the branch staff; your document has been saved and you can print it again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>La impresora no responde. Avise al personal de la sucursal o intente otra vez en unos minutos; su comprobante quedó guardado.</source>
        <translation>The printer is not responding. Please tell the branch staff or try again in a few minutes; your document has been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="147"/>
        <source>La impresora tuvo un problema. Avise al personal de la sucursal; su comprobante quedó guardado.</source>
        <translation>The printer had a problem. Please tell the branch staff; your document has been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="151"/>
        <source>Ese comprobante ya no está disponible para reimprimir. Vuelva a pedirlo desde el inicio.</source>
        <translation>That document is no longer available for reprinting. Please request it again from the home screen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>Ese comprobante no se puede imprimir aquí. Consulte en el mostrador de atención.</source>
        <translation>That document cannot be printed here. Please ask at the service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>No pudimos guardar su pedido, así que no se imprimió nada. Intente de nuevo.</source>
        <translation>We could not save your request, so nothing was printed. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="160"/>
        <source>No podemos generar el código de pago en este equipo. Consulte en el mostrador de atención.</source>
        <translation>We cannot create the payment code on this kiosk. Please ask at the service counter.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="164"/>
        <source>El número de personal tiene solo números (hasta 9).</source>
        <translation>The staff number has only digits (up to 9).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>Esa credencial no se pudo leer. Escanéela de nuevo o ingrese con su número y PIN.</source>
        <translation>That badge could not be read. Scan it again or enter your number and PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="168"/>
        <source>El PIN es correcto, pero esa persona no puede entrar al mantenimiento de este equipo.</source>
        <translation>The PIN is right, but this person may not enter maintenance on this kiosk.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Este equipo no tiene PIN de sucursal. Ingrese con su número de personal, o pida a sistemas que lo configure.</source>
        <translation>This kiosk has no branch PIN. Enter with your staff number, or ask IT to set one.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Esta acción es solo para técnicos. Pida a un técnico que la haga.</source>
        <translation>Only technicians may do this. Ask a technician to do it.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="177"/>
        <source>Esa fila ya no está retenida (alguien la reintentó o la descartó). La lista se actualizó.</source>
        <translation>That row is no longer parked (someone retried or discarded it). The list was refreshed.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="180"/>
        <source>El equipo no aceptó la orden. Revise los registros o avise a sistemas.</source>
        <translation>The device did not accept the command. Check the logs or tell IT.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="184"/>
        <source>No hay conexión con la central en este momento. Puede seguir consultando e imprimiendo facturas.</source>
        <translation>There is no connection to the head office right now. You can still look up and print invoices.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>Algo no salió bien. Intente de nuevo; si se repite, avise al personal de la sucursal.</source>
        <translation>Something went wrong. Try again; if it happens again, please tell the branch staff.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="197"/>
        <source>Falta completar un dato.</source>
        <translation>Some information is missing.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>El texto es demasiado largo.</source>
        <translation>The text is too long.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199"/>
        <source>Un dato no parece correcto. Revíselo.</source>
        <translation>Something does not look right. Please check it.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="200"/>
        <source>Elija una opción de la lista.</source>
        <translation>Choose an option from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="201"/>
        <source>Elija una de las opciones.</source>
        <translation>Choose one of the options.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211"/>
        <source>No encontramos lo que buscaba. Revise los datos e intente de nuevo.</source>
        <translation>We could not find what you were looking for. Check the details and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="213"/>
        <source>Hay un dato que no parece correcto. Revíselo e intente de nuevo.</source>
        <translation>Something does not look right. Check it and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="215"/>
        <source>No pudimos verificar sus datos. Intente de nuevo.</source>
        <translation>We could not verify your details. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="223"/>
        <source>El PIN no es correcto. Quedan {attempts_left} intentos antes del bloqueo.</source>
        <translation>The PIN is not right. {attempts_left} attempts left before the lockout.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>Demasiados intentos fallidos: la entrada al mantenimiento está bloqueada en este equipo. Se podrá volver a intentar en {wait}.</source>
        <translation>Too many failed attempts: maintenance entry is locked on this kiosk. You can try again in {wait}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="229"/>
        <source>La sesión de mantenimiento terminó por inactividad. Vuelva a ingresar.</source>
        <translation>The maintenance session ended after inactivity. Please enter again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="232"/>
        <source>Esa cuenta de personal está desactivada. Consulte con su supervisor.</source>
        <translation>That staff account is disabled. Ask your supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235"/>
        <source>Esa cuenta de personal es de otra sucursal y no puede entrar en este equipo.</source>
        <translation>That staff account belongs to another branch and may not enter on this kiosk.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="238"/>
        <source>Esa cuenta de personal no tiene un rol de mantenimiento. Consulte con su supervisor.</source>
        <translation>That staff account has no maintenance role. Ask your supervisor.</translation>
    </message>
</context>
<context>
    <name>PinRegisterScreen</name>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="134"/>
        <source>Registrar o cambiar PIN</source>
        <translation>Register or change PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="135"/>
        <source>Número de cuenta</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="136"/>
        <source>Número de documento del titular</source>
        <translation>Account holder&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="137"/>
        <source>Código recibido</source>
        <translation>Code received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="138"/>
        <source>Nuevo PIN (4 a 6 números)</source>
        <translation>New PIN (4 to 6 digits)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="139"/>
        <source>Repita el nuevo PIN</source>
        <translation>Repeat the new PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="142"/>
        <source>Pedir un código nuevo</source>
        <translation>Ask for a new code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="143"/>
        <source>123  Volver al teclado numérico</source>
        <translation>123  Back to the number pad</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="144"/>
        <source>ABC  Mi documento tiene letras</source>
        <translation>ABC  My ID has letters</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="145"/>
        <source>Ingresar ahora</source>
        <translation>Log in now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="147"/>
        <source>Paso 1 de 4: escriba su número de cuenta y el documento del titular.</source>
        <translation>Step 1 of 4: type your account number and the account holder&apos;s ID number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="148"/>
        <source>Paso 2 de 4: ¿cómo quiere recibir el código de verificación?</source>
        <translation>Step 2 of 4: how would you like to receive the verification code?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="149"/>
        <source>Paso 3 de 4: escriba el código que le enviamos. Puede tardar unos minutos.</source>
        <translation>Step 3 of 4: type the code we sent you. It may take a few minutes to arrive.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="150"/>
        <source>Paso 4 de 4: elija un PIN nuevo y escríbalo dos veces. No use 1234 ni su año de nacimiento.</source>
        <translation>Step 4 of 4: choose a new PIN and type it twice. Do not use 1234 or your year of birth.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="152"/>
        <source>Listo: su PIN quedó registrado. Ya puede ingresar con su número de cuenta y su PIN.</source>
        <translation>Done: your PIN is registered. You can now log in with your account number and PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="155"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="155"/>
        <source>Guardar PIN</source>
        <translation>Save PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/pin_register_screen.py" line="156"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../ui/screens/base.py" line="482"/>
        <source>Próximamente</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <location filename="../../ui/screens/base.py" line="483"/>
        <source>Esta opción todavía no está disponible en este equipo.</source>
        <translation>This option is not available on this kiosk yet.</translation>
    </message>
</context>
<context>
    <name>PrepaidScreen</name>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="106"/>
        <source>Planes prepago</source>
        <translation>Prepaid plans</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="107"/>
        <source>Días de servicio que le quedan</source>
        <translation>Days of service left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="108"/>
        <source>Elija un plan para obtener su referencia de pago</source>
        <translation>Choose a plan to get your payment reference</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="109"/>
        <location filename="../../ui/screens/prepaid_screen.py" line="206"/>
        <source>Referencia de pago</source>
        <translation>Payment reference</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="110"/>
        <source>Imprimir referencia de pago</source>
        <translation>Print payment reference</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="111"/>
        <source>Elegir otro plan</source>
        <translation>Choose another plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="135"/>
        <source>Su cuenta no es prepaga: sus servicios se pagan con la factura.</source>
        <translation>Your account is not prepaid: your services are paid with the invoice.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="138"/>
        <source>1 día</source>
        <translation>1 day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="138"/>
        <location filename="../../ui/screens/prepaid_screen.py" line="165"/>
        <source>%1 días</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="142"/>
        <source>Servicio activo hasta el %1</source>
        <translation>Service active until %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="145"/>
        <source>Plan actual: %1</source>
        <translation>Current plan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="149"/>
        <source>Le quedan pocos días: recargue pronto para no quedarse sin servicio.</source>
        <translation>Only a few days left: top up soon so the service does not stop.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="195"/>
        <source>Importe</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/screens/prepaid_screen.py" line="196"/>
        <source>Pagar antes del</source>
        <translation>Pay before</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="70"/>
        <source>Impresión</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="74"/>
        <source>Imprimir otra vez</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="75"/>
        <source>Listo</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="146"/>
        <source>Imprimiendo…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="147"/>
        <source>Espere un momento, por favor.</source>
        <translation>Please wait a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="151"/>
        <source>Retire su comprobante</source>
        <translation>Take your paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="152"/>
        <source>Está saliendo por la ranura de la impresora, debajo de la pantalla.</source>
        <translation>It is coming out of the printer slot, below the screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="156"/>
        <source>No pudimos imprimir</source>
        <translation>We could not print</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="159"/>
        <source>Número de trabajo %1. Mientras tanto, en el mostrador de atención pueden darle el mismo comprobante; mencione este número.</source>
        <translation>Job number %1. Meanwhile, the service counter can give you the same document; mention this number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/printing_screen.py" line="161"/>
        <source>Mientras tanto, en el mostrador de atención pueden darle el mismo comprobante.</source>
        <translation>Meanwhile, the service counter can give you the same document.</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="183"/>
        <source>Aportar lectura</source>
        <translation>Submit a meter reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="184"/>
        <source>¿De qué medidor quiere informar la lectura?</source>
        <translation>Which meter do you want to submit a reading for?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="185"/>
        <source>Volver a mi cuenta</source>
        <translation>Back to my account</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="187"/>
        <source>Fuera de esas fechas la lectura la toma nuestro personal. No hace falta que haga nada más.</source>
        <translation>Outside those dates our staff read the meter. You do not need to do anything else.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="189"/>
        <source>Última lectura</source>
        <translation>Last reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="190"/>
        <source>¿Qué número marca hoy su medidor?</source>
        <translation>What number does your meter show today?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="191"/>
        <source>Confirmar lectura</source>
        <translation>Confirm reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="192"/>
        <source>¿Su medidor dio la vuelta?</source>
        <translation>Did your meter roll over?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="193"/>
        <source>Sí, dio la vuelta</source>
        <translation>Yes, it rolled over</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="194"/>
        <location filename="../../ui/screens/reading_screen.py" line="197"/>
        <source>No, quiero corregir el número</source>
        <translation>No, I want to correct the number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="195"/>
        <source>Este consumo es muy alto</source>
        <translation>This consumption is very high</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="196"/>
        <source>Sí, el número es correcto</source>
        <translation>Yes, the number is right</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="236"/>
        <source>Su cuenta no tiene medidores para informar lecturas.</source>
        <translation>Your account has no meters to submit readings for.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="255"/>
        <source>tomada el %1</source>
        <translation>taken on %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="261"/>
        <source>Todavía no hay lecturas de este medidor.</source>
        <translation>There are no readings of this meter yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="263"/>
        <source>Puede informar su lectura hasta el %1.</source>
        <translation>You can submit your reading until %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="270"/>
        <source>Escriba los números negros del medidor, de izquierda a derecha, sin los decimales (hasta %1 números).</source>
        <translation>Type the black numbers on the meter, left to right, without the decimals (up to %1 digits).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="275"/>
        <source>Escriba los números negros del medidor, sin los decimales.</source>
        <translation>Type the black numbers on the meter, without the decimals.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="288"/>
        <source>En este momento no se pueden informar lecturas para este medidor.</source>
        <translation>Readings for this meter cannot be submitted right now.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="294"/>
        <source>El último período para informarla fue del %1 al %2.</source>
        <translation>The last period to submit it was from %1 to %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="299"/>
        <source>Puede informarla hasta el %1.</source>
        <translation>You can submit it until %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="302"/>
        <source>Podrá informarla del %1 al %2.</source>
        <translation>You can submit it from %1 to %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="307"/>
        <source>Podrá informarla a partir del %1.</source>
        <translation>You can submit it from %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="393"/>
        <source>Con el número %1 su consumo sería de %2, mucho más que su promedio de los últimos %4 meses (%3 por mes).</source>
        <translation>With the number %1 your consumption would be %2, much more than your average over the last %4 months (%3 a month).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="291"/>
        <source>Todavía no hay fechas para la próxima lectura.</source>
        <translation>There are no dates for the next reading yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="333"/>
        <source>Escriba el número que marca el medidor.</source>
        <translation>Type the number the meter shows.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="378"/>
        <source>El número que escribió (%1) es menor que la última lectura (%2). Eso solo pasa si el medidor llegó a su número máximo y volvió a empezar desde cero.</source>
        <translation>The number you typed (%1) is lower than the last reading (%2). That only happens when the meter reached its highest number and started again from zero.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="398"/>
        <source>¿Es correcto el número que escribió?</source>
        <translation>Is the number you typed right?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="413"/>
        <source>Revise el medidor y escriba el número otra vez.</source>
        <translation>Check the meter and type the number again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="419"/>
        <source>Medidor</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="420"/>
        <source>Lectura</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="423"/>
        <source>Consumo</source>
        <translation>Consumption</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="425"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="425"/>
        <source>El medidor dio la vuelta</source>
        <translation>The meter rolled over</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="428"/>
        <source>Como el consumo es alto, un técnico revisará la lectura antes de facturarla.</source>
        <translation>As the consumption is high, a technician will check the reading before it is billed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="430"/>
        <source>Lectura registrada</source>
        <translation>Reading registered</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reading_screen.py" line="430"/>
        <source>Número de confirmación</source>
        <translation>Confirmation number</translation>
    </message>
</context>
<context>
    <name>RequestsScreen</name>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="73"/>
        <source>Trámites</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="74"/>
        <source>¿Qué trámite quiere hacer?</source>
        <translation>Which request do you want to make?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="158"/>
        <source>Revise el correo electrónico: debe tener la forma nombre@ejemplo.com</source>
        <translation>Check the e-mail: it must look like name@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="170"/>
        <location filename="../../ui/screens/requests_screen.py" line="191"/>
        <source>Trámite</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="172"/>
        <source>Revise su trámite antes de enviarlo</source>
        <translation>Check your request before sending it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="172"/>
        <source>Enviar trámite</source>
        <translation>Send request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="172"/>
        <source>Corregir</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="188"/>
        <source>Trámite registrado</source>
        <translation>Request registered</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="189"/>
        <source>Número de trámite</source>
        <translation>Request number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/requests_screen.py" line="192"/>
        <source>Guarde este número para consultar cómo sigue su trámite en «Reclamos».</source>
        <translation>Keep this number to follow up your request under “Claims”.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <location filename="../../ui/screens/base.py" line="397"/>
        <source>Pasó el último vencimiento: se paga en la oficina comercial</source>
        <translation>Past its last due date: paid at the customer service office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/base.py" line="400"/>
        <source>Sin recargo hasta el %1</source>
        <translation>No surcharge until %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/base.py" line="402"/>
        <source>Con recargo del 2.º vencimiento, hasta el %1</source>
        <translation>With the second due date surcharge, until %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/base.py" line="404"/>
        <source>Con recargo e intereses al %1</source>
        <translation>With surcharge and interest as of %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/base.py" line="405"/>
        <source>Con recargo, importe al %1</source>
        <translation>With surcharge, amount as of %1</translation>
    </message>
</context>
<context>
    <name>StaffLoginScreen</name>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="83"/>
        <source>Mantenimiento: ingreso del personal</source>
        <translation>Maintenance: staff entry</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="84"/>
        <source>Número de personal</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="86"/>
        <source>PIN de la sucursal</source>
        <translation>Branch PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="87"/>
        <source>Sin conexión o sin cuenta de personal: escriba el PIN de mantenimiento de la sucursal. Entra como operador.</source>
        <translation>Offline or without a staff account: type the branch maintenance PIN. You enter as an operator.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="89"/>
        <source>Ingresar con mi número de personal</source>
        <translation>Enter with my staff number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="90"/>
        <location filename="../../ui/screens/staff_login_screen.py" line="99"/>
        <source>Ingresar</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="92"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="93"/>
        <source>Usar el PIN de la sucursal</source>
        <translation>Use the branch PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="95"/>
        <source>Escriba su número de personal, o escanee su credencial con el lector.</source>
        <translation>Type your staff number, or scan your badge with the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="96"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="98"/>
        <source>Ahora escriba su PIN.</source>
        <translation>Now type your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="100"/>
        <source>También puede escanear su credencial del personal.</source>
        <translation>You can also scan your staff badge.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_login_screen.py" line="227"/>
        <source>Entrada bloqueada por demasiados intentos fallidos. Se podrá volver a intentar en %1.</source>
        <translation>Entry locked after too many failed attempts. You can try again in %1.</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="32"/>
        <source>Técnico</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="32"/>
        <source>Operador</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="38"/>
        <location filename="../../ui/screens/staff_base.py" line="47"/>
        <source>nunca</source>
        <translation>never</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="50"/>
        <source>hace %n s</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="52"/>
        <source>hace %n min</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="54"/>
        <source>hace %n h</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="55"/>
        <source>hace %n días</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="65"/>
        <source>%1 días %2 h</source>
        <translation>%1 days %2 h</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="67"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="68"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/screens/staff_base.py" line="72"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="138"/>
        <source>Lista</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="139"/>
        <source>Queda poco papel</source>
        <translation>Paper low</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="140"/>
        <source>Sin papel</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="141"/>
        <source>No responde</source>
        <translation>Not responding</translation>
    </message>
    <message>
        <location filename="../../ui/screens/maintenance_status_screen.py" line="142"/>
        <source>Con error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>StatementScreen</name>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="70"/>
        <source>Consulta de movimientos</source>
        <translation>Account movements</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="71"/>
        <source>Saldo actual</source>
        <translation>Current balance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="72"/>
        <source>Imprimir estado de cuenta</source>
        <translation>Print statement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="74"/>
        <source>Concepto</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="74"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="74"/>
        <source>Debe</source>
        <translation>Debit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="74"/>
        <source>Haber</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="74"/>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="115"/>
        <source>%1 %2 · Debe %3 · Haber %4</source>
        <translation>%1 %2 · Debit %3 · Credit %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="122"/>
        <source>Del %1 al %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/statement_screen.py" line="153"/>
        <source>Estado de cuenta</source>
        <translation>Account statement</translation>
    </message>
</context>
<context>
    <name>screen</name>
    <message>
        <location filename="../../ui/screens/claims_screen.py" line="358"/>
        <location filename="../../ui/screens/reading_screen.py" line="520"/>
        <location filename="../../ui/screens/requests_screen.py" line="239"/>
        <source>Retire su comprobante de la impresora.</source>
        <translation>Take your receipt from the printer.</translation>
    </message>
</context>
</TS>
