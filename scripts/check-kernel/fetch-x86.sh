#!/bin/sh
# The x86-64 guest's packages, into $CK/debs (cached): Debian 12's amd64
# kernel (the one linux-image-amd64 points at; its modules have vfio-pci)
# and busybox-static:amd64. Writes $CK/kabi-x86. Exit 77 (skip) when the
# archive cannot be reached.
set -e
CK=${CK:?}
. "$(dirname "$0")/apt.sh"
DEBS="$CK/debs"
mkdir -p "$DEBS"
ck_apt_lists || exit
KPKG=$(ck_apt_cache depends linux-image-amd64:amd64 2>/dev/null |
    sed -n 's/.*Depends: \(linux-image-[0-9.-]*-amd64\).*/\1/p' | head -1)
[ -n "$KPKG" ] || { echo "check-kernel: SKIP: no linux-image-amd64"; exit 77; }
echo "${KPKG#linux-image-}" > "$CK/kabi-x86"
cd "$DEBS"
MISSING=""
for p in "$KPKG:amd64" busybox-static:amd64; do
    name=${p%%:*}
    ls "${name}"_*_amd64.deb >/dev/null 2>&1 || MISSING="$MISSING $p"
done
# shellcheck disable=SC2086
if [ -n "$MISSING" ] &&
    ! ck_apt_get download $MISSING >>"$CK/download.log" 2>&1; then
    echo "check-kernel: SKIP: cannot download$MISSING (see $CK/download.log)"
    exit 77
fi
echo "check-kernel: x86-64 packages for ${KPKG#linux-image-} in $DEBS"
