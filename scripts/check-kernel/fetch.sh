#!/bin/sh
# Download the Debian packages the kernel tier needs into $CK/debs
# (cached: a package already there is not fetched again) and unpack them.
# Exit 77 (skip) when the archive cannot be reached.
set -e
CK=${CK:?}
. "$(dirname "$0")/apt.sh"
DEBS="$CK/debs"
mkdir -p "$DEBS"
ck_apt_lists || exit
# the kernel the s390x meta-package points at, and its version
KPKG=$(ck_apt_cache depends linux-image-s390x:s390x 2>/dev/null |
    sed -n 's/.*Depends: \(linux-image-[0-9.-]*-s390x\).*/\1/p' | head -1)
[ -n "$KPKG" ] || { echo "check-kernel: SKIP: no linux-image-s390x"; exit 77; }
KABI=${KPKG#linux-image-}       # 6.1.0-50-s390x
KREL=${KABI%-s390x}             # 6.1.0-50
KSER=$(echo "$KREL" | cut -d. -f1-2)   # 6.1
# everything of the kernel at the s390x image's own version
KVER=$(ck_apt_cache policy "$KPKG:s390x" | sed -n 's/ *Candidate: //p')
echo "$KABI" > "$CK/kabi"
echo "$KVER" > "$CK/kver"
PKGS="$KPKG:s390x=$KVER linux-headers-$KABI:s390x=$KVER
linux-headers-$KREL-common=$KVER linux-kbuild-$KSER=$KVER
linux-source-$KSER=$KVER busybox-static:s390x"
# the s390x sysroot for cross-building the project (no libc6-dev: the
# cross toolchain brings its own)
SYSROOT_PKGS="libglib2.0-0 libglib2.0-dev libjson-glib-1.0-0 libjson-glib-dev
libpcre2-8-0 libpcre2-dev libffi8 libffi-dev zlib1g zlib1g-dev libmount1
libmount-dev libblkid1 libblkid-dev libselinux1 libselinux1-dev libsepol-dev
libpcre2-16-0 libpcre2-32-0 libpcre2-posix3"
for p in $SYSROOT_PKGS; do PKGS="$PKGS $p:s390x"; done
cd "$DEBS"
MISSING=""
for p in $PKGS; do
    name=${p%%[:=]*}
    # an s390x package is not the amd64 one of the x86 guest (busybox-static)
    case "$p" in *:s390x*) arch=_s390x ;; *) arch= ;; esac
    ls "${name}"_*"$arch".deb >/dev/null 2>&1 || MISSING="$MISSING $p"
done
# shellcheck disable=SC2086
if [ -n "$MISSING" ] &&
    ! ck_apt_get download $MISSING >>"$CK/download.log" 2>&1; then
    echo "check-kernel: SKIP: cannot download$MISSING (see $CK/download.log)"
    exit 77
fi
echo "check-kernel: packages for $KABI in $DEBS"
