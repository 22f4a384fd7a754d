#!/bin/sh
# Install the Debian 12 packages the build and the tests need.
# As root it runs apt-get itself; otherwise it prints the command to run.
PKGS="gcc make meson ninja-build pkg-config python3 libglib2.0-dev libjson-glib-dev linux-libc-dev libseccomp-dev"
# the cross compiler of the guest suite (tests/guest): installed as root,
# optional otherwise (the guest tests skip without it)
OPTIONAL_PKGS="gcc-s390x-linux-gnu binutils-s390x-linux-gnu"
[ -n "$EXTRA_PKGS" ] && PKGS="$PKGS $EXTRA_PKGS"
[ "$(id -u)" = 0 ] && PKGS="$PKGS $OPTIONAL_PKGS"

missing=
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || exit 1
    apt-get install -y -qq --no-install-recommends $missing || exit 1
else
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: run as root:  apt-get install$missing" >&2
    exit 1
fi
