<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="es">
<context>
    <name>MaintenancePrinterScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_printer_screen.py" line="182"/>
        <source>%1 · %2 · %n páginas</source>
        <translation>
            <numerusform>%1 · %2 · %n página</numerusform>
            <numerusform>%1 · %2 · %n páginas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceStatusScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_status_screen.py" line="111"/>
        <source>%n filas por enviar</source>
        <translation>
            <numerusform>%n fila por enviar</numerusform>
            <numerusform>%n filas por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_status_screen.py" line="112"/>
        <source>%n filas</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceSyncScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="216"/>
        <source>%n filas</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/maintenance_sync_screen.py" line="319"/>
        <source>%n filas vuelven a la cola de envío; salen en la próxima sincronización.</source>
        <translation>
            <numerusform>%n fila vuelve a la cola de envío; sale en la próxima sincronización.</numerusform>
            <numerusform>%n filas vuelven a la cola de envío; salen en la próxima sincronización.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="24"/>
        <location filename="../../ui/messages.py" line="35"/>
        <source>%n minutos</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="25"/>
        <source>%n segundos</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="32"/>
        <source>%n días</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="34"/>
        <source>%n horas</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="50"/>
        <source>hace %n s</source>
        <translation>
            <numerusform>hace %n s</numerusform>
            <numerusform>hace %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="52"/>
        <source>hace %n min</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="54"/>
        <source>hace %n h</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/staff_base.py" line="55"/>
        <source>hace %n días</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
</context>
</TS>
