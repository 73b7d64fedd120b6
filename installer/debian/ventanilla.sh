#!/bin/sh
# /usr/bin/ventanilla: every command of the installed kiosk, with the system configuration by default.
: "${KIOSK_CONFIG:=/etc/ventanilla/kiosk.toml}"
export KIOSK_CONFIG
exec /opt/ventanilla/ventanilla "$@"
