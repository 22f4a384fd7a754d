#!/bin/sh
# Cross-build the project's qemu-system-s390x for s390x with Debian's
# gcc-s390x-linux-gnu against a sysroot made by unpacking Debian's s390x
# glib/json-glib packages (and their dependencies) into $CK/sysroot.
# Result: $CK/cross/qemu-system-s390x.
set -e
CK=${CK:?}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SR="$CK/sysroot"
if [ ! -f "$SR/stamp" ]; then
    rm -rf "$SR"
    mkdir -p "$SR"
    for d in "$CK"/debs/lib*_s390x.deb "$CK"/debs/zlib1g*_s390x.deb; do
        case "$d" in *libc6*) continue ;; esac
        dpkg-deb -x "$d" "$SR"
    done
    # the -dev packages' absolute links (/lib/...) must point into the sysroot
    find "$SR" -type l | while read -r l; do
        t=$(readlink "$l")
        case "$t" in /*) ln -sf "$SR$t" "$l" ;; esac
    done
    touch "$SR/stamp"
fi
LIBS="$SR/usr/lib/s390x-linux-gnu:$SR/lib/s390x-linux-gnu"
cat > "$CK/cross.txt" <<EOC
[binaries]
c = 's390x-linux-gnu-gcc'
ar = 's390x-linux-gnu-ar'
strip = 's390x-linux-gnu-strip'
pkgconfig = 'pkg-config'

[built-in options]
c_link_args = ['-Wl,-rpath-link,$LIBS', '-L$SR/usr/lib/s390x-linux-gnu', '-L$SR/lib/s390x-linux-gnu']

[host_machine]
system = 'linux'
cpu_family = 's390x'
cpu = 's390x'
endian = 'big'
EOC
export PKG_CONFIG_SYSROOT_DIR="$SR"
export PKG_CONFIG_LIBDIR="$SR/usr/lib/s390x-linux-gnu/pkgconfig:$SR/usr/share/pkgconfig"
BD="$CK/cross-build"
# a build directory made for another source tree (a copied cache) is
# made again: ninja there would build that tree
if [ -f "$BD/meson-info/meson-info.json" ] &&
    ! grep -q "\"source\": \"$(cd "$TOP" && pwd)\"" "$BD/meson-info/meson-info.json"; then
    rm -rf "$BD"
fi
if [ ! -f "$BD/build.ninja" ]; then
    meson setup "$BD" "$TOP" --cross-file "$CK/cross.txt" -Dseccomp=disabled \
        -Dwerror=false >"$CK/cross-setup.log" 2>&1 ||
        { tail -20 "$CK/cross-setup.log"; exit 1; }
fi
ninja -C "$BD" -j2 qemu-system-s390x >"$CK/cross-build.log" 2>&1 ||
    { tail -20 "$CK/cross-build.log"; exit 1; }
mkdir -p "$CK/cross"
cp "$BD/qemu-system-s390x" "$CK/cross/qemu-system-s390x"
echo "check-kernel: cross-built $CK/cross/qemu-system-s390x"
