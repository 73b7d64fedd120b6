#!/bin/sh
# `make deb`: a .deb of the frozen build (dist/ventanilla, made by `make dist`) with dpkg-deb: the program in
# /opt/ventanilla, /usr/bin/ventanilla, the kiosk's systemd unit and PAM file, the maintainer scripts.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=${DIST:-$ROOT/dist/ventanilla}
OUT=${OUT:-$ROOT/dist}
HERE=$ROOT/installer/debian
[ -x "$DIST/ventanilla" ] || { echo "make deb: $DIST/ventanilla missing (run make dist first)" >&2; exit 1; }
VERSION=$(python3 -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' \
    "$ROOT/pyproject.toml")
ARCH=$(dpkg --print-architecture)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
PKG=$STAGE/ventanilla

install -d "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/lib/systemd/system" "$PKG/etc/pam.d" \
    "$PKG/usr/share/doc/ventanilla"
cp -a "$DIST" "$PKG/opt/ventanilla"
cp "$ROOT/README.md" "$PKG/opt/ventanilla/README.md"
install -m 0755 "$HERE/ventanilla.sh" "$PKG/usr/bin/ventanilla"
install -m 0644 "$HERE/ventanilla-kiosk.service" "$PKG/lib/systemd/system/ventanilla-kiosk.service"
install -m 0644 "$HERE/pam-ventanilla-kiosk" "$PKG/etc/pam.d/ventanilla-kiosk"
install -m 0644 "$ROOT/resources/fonts/OFL.txt" "$PKG/usr/share/doc/ventanilla/OFL-fonts.txt"
for script in postinst prerm postrm; do install -m 0755 "$HERE/$script" "$PKG/DEBIAN/$script"; done
echo /etc/pam.d/ventanilla-kiosk > "$PKG/DEBIAN/conffiles"
SIZE=$(du -sk "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: ventanilla
Version: $VERSION
Architecture: $ARCH
Maintainer: Ventanilla maintainers <it@ventanilla.invalid>
Installed-Size: $SIZE
Depends: cage, xwayland, adduser, libegl1, libgl1, libfontconfig1, libxkbcommon0, libdbus-1-3, libwayland-client0, libwayland-cursor0, libwayland-egl1
Recommends: libzbar0
Section: misc
Priority: optional
Description: Ventanilla self-service kiosk for utility branch offices
 Invoices, payments, meter readings and claims on a touchscreen, offline-first.
 Runs fullscreen under cage on tty1 (ventanilla-kiosk.service) once
 /etc/ventanilla/kiosk.toml exists; 'ventanilla selftest' and 'ventanilla doctor'
 check the installation.
CONTROL
DEB=$OUT/ventanilla_${VERSION}_${ARCH}.deb
dpkg-deb --build --root-owner-group -Zzstd -z9 "$PKG" "$DEB" >/dev/null
echo "$DEB"
