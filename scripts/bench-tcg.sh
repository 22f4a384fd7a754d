#!/bin/sh
# bench-tcg.sh BUILD_DIR: the same bare-metal ELFs (tests/guest/bench-copy,
# bench-mix, bench-c) under BUILD_DIR's emulator and, when installed,
# Debian's /usr/bin/qemu-system-s390x, both with -accel tcg; prints guest
# instructions/s (time from start to the guest's exit, start-up included).
# The hand-written loops' instructions are counted statically per
# iteration; the compiled C program's are counted by our CPU (its x-insns
# property, read over QMP once the guest has stopped), the same number on
# both since the program is deterministic.
set -e
builddir=${1:-build}
copy_insns=$((60000 * 16387))
mix_insns=$((100000000 * 8))
c_elf="$builddir/tests/guest/bench-c.elf"
[ -f "$c_elf" ] || { echo "# $c_elf: not built (needs gcc-s390x-linux-gnu)"; exit 1; }
c_insns=$(python3 - "$builddir/qemu-system-s390x" "$c_elf" <<'PY'
import json, os, socket, subprocess, sys, tempfile, time
d = tempfile.mkdtemp()
path = os.path.join(d, "qmp")
p = subprocess.Popen([sys.argv[1], "-nodefaults", "-display", "none",
                      "-machine", "s390-ccw-virtio,accel=tcg", "-no-shutdown",
                      "-kernel", sys.argv[2], "-qmp",
                      "unix:%s,server=on,wait=off" % path])
for _ in range(200):
    if os.path.exists(path):
        break
    time.sleep(0.05)
s = socket.socket(socket.AF_UNIX)
s.connect(path)
f = s.makefile("rw")
def cmd(c, **a):
    f.write(json.dumps({"execute": c, "arguments": a}) + "\n")
    f.flush()
    while True:
        r = json.loads(f.readline())
        if "return" in r or "error" in r:
            return r
json.loads(f.readline())
cmd("qmp_capabilities")
while cmd("query-status")["return"]["status"] != "shutdown":
    time.sleep(0.1)
n = cmd("qom-get", path="/machine/unattached/device[0]",
        property="x-insns")["return"]
cmd("quit")
p.wait()
print(n)
PY
)
for b in "$builddir/qemu-system-s390x" /usr/bin/qemu-system-s390x; do
    [ -x "$b" ] || { echo "# $b: not installed, skipped"; continue; }
    for e in copy mix c; do
        elf="$builddir/tests/guest/bench-$e.elf"
        [ -f "$elf" ] || { echo "# $elf: not built (needs gcc-s390x-linux-gnu)"; exit 1; }
        t0=$(date +%s.%N)
        "$b" -nodefaults -display none -machine s390-ccw-virtio,accel=tcg \
            -kernel "$elf" || { echo "# $b $e: exit status $?"; exit 1; }
        t1=$(date +%s.%N)
        eval n=\$${e}_insns
        awk -v n="$n" -v a="$t0" -v b="$t1" -v e="$e" -v bin="$b" \
            'BEGIN { printf "bench-tcg %-5s %-40s %7.3f s %8.1f M guest insns/s\n", e, bin, b - a, n / (b - a) / 1e6 }'
    done
done
