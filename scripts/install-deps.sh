#!/bin/sh
# Install the Debian 12 packages that a step of the build needs, all in one
# go.  Plain POSIX sh: the first command on a fresh machine, before `make`
# itself is installed.
#
# Usage: sh scripts/install-deps.sh [build|check|demo|fuzz|kernel|package|check-libvirt|list]...
#   build    compile the program (default): the compilers, meson, the
#            libraries, make
#   check    everything `make check` runs: the build, plus clang and its
#            sanitizer/libFuzzer runtimes (the fuzz targets), clang-format
#            and git (the format test), python3 (summary, provenance test),
#            hercules (test-ckd-image compares with its dasdinit,
#            dasd-diff-test with Hercules itself and its dasdls), and the
#            libvirt and real-kernel tiers' packages (make check runs both)
#   demo     `make demo`: the build, plus the s390x cross compiler of its
#            guest program
#   fuzz     the libFuzzer targets (`make fuzz`)
#   kernel   `make check-kernel` (docs/devel/testing-kernel.rst): the
#            build, Debian's QEMU for both guests (qemu-system-misc:
#            s390x, qemu-system-x86: x86-64), the s390x cross compiler
#            with its C library (the project cross-built for the s390x
#            guest), the archive keyring of its private apt
#   package  `dpkg-buildpackage -b` and lintian (docs/system/s390x/
#            packaging.rst)
#   check-libvirt  `make check-libvirt`: the build, plus virsh and
#            libvirt's QEMU driver (Debian 12's libvirt 9.0) and Debian's
#            QEMU to compare with (docs/devel/testing-libvirt.rst)
#   list     print the packages of the other sets named and exit
# As root it installs whatever is missing with one apt-get call; otherwise
# it names every missing package in one message and exits 1.
# EXTRA_PKGS adds packages to the sets asked for.

# libslirp-dev: -netdev user (optional for meson: without it 'user' is
# refused as QEMU refuses a back end it was built without)
BUILD_PKGS="gcc make meson ninja-build pkg-config python3 libglib2.0-dev \
libjson-glib-dev linux-libc-dev libseccomp-dev libslirp-dev"
# clang (the `clang` command) and the runtimes of
# -fsanitize=fuzzer,address,undefined
FUZZ_PKGS="clang libclang-rt-14-dev"
# clang-format-14 and git: the format test; hercules: dasdinit, the
# reference image writer test-ckd-image compares with, and hercules and
# dasdls for dasd-diff-test (each skipped without)
# the cross toolchain of the bare-metal guest programs (tests/guest)
GUEST_PKGS="gcc-s390x-linux-gnu binutils-s390x-linux-gnu"
# virsh, the QEMU driver virsh loads for qemu:///embed, QEMU 7.2
LIBVIRT_PKGS="libvirt-clients libvirt-daemon-driver-qemu qemu-system-misc"
KERNEL_PKGS="$BUILD_PKGS qemu-system-misc qemu-system-x86 $GUEST_PKGS \
libc6-dev-s390x-cross debian-archive-keyring"
CHECK_PKGS="$BUILD_PKGS $FUZZ_PKGS clang-format-14 git hercules $GUEST_PKGS \
$LIBVIRT_PKGS $KERNEL_PKGS"
PACKAGE_PKGS="$BUILD_PKGS build-essential debhelper devscripts lintian \
fakeroot"

list=false
pkgs=
[ $# -eq 0 ] && set -- build
for set_name do
    case "$set_name" in
    build) pkgs="$pkgs $BUILD_PKGS" ;;
    check) pkgs="$pkgs $CHECK_PKGS" ;;
    demo) pkgs="$pkgs $BUILD_PKGS $GUEST_PKGS" ;;
    fuzz) pkgs="$pkgs $BUILD_PKGS $FUZZ_PKGS" ;;
    kernel) pkgs="$pkgs $KERNEL_PKGS" ;;
    package) pkgs="$pkgs $PACKAGE_PKGS" ;;
    check-libvirt) pkgs="$pkgs $BUILD_PKGS $LIBVIRT_PKGS" ;;
    list) list=true ;;
    -h|--help) sed -n '2,31s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install-deps: unknown set '$set_name' (build, check, demo, fuzz," \
            "kernel, package, check-libvirt, list)" >&2
       exit 2 ;;
    esac
done
[ -n "$EXTRA_PKGS" ] && pkgs="$pkgs $EXTRA_PKGS"
# one of each, in order
pkgs=$(printf '%s\n' $pkgs | awk '!seen[$0]++' | tr '\n' ' ')
if $list; then
    echo $pkgs
    exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: not a Debian system; these Debian 12 packages" \
         "are needed: $pkgs" >&2
    exit 0
fi

missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || exit 1
    apt-get install -y -qq --no-install-recommends $missing || exit 1
else
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: install them as root with:" \
         "apt-get install$missing" >&2
    echo "install-deps: (or run this script as root:" \
         "sh scripts/install-deps.sh $*)" >&2
    exit 1
fi
