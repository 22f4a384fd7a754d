#!/bin/sh
# Run one libFuzzer target for a bounded time and record its result.
# Usage: run-fuzz.sh BUILDDIR NAME SECONDS RESULTFILE [libFuzzer options...]
#   BUILDDIR/tests/fuzz/fuzz-NAME is the target. Its working corpus is
#   BUILDDIR/corpus/NAME (kept between runs, it grows); the seeds in
#   tests/fuzz/corpus/NAME are read too, never written. A crash, leak,
#   sanitizer report, timeout or out-of-memory stops the run: the input is
#   saved as BUILDDIR/artifacts/NAME-<kind>-<sha1> and the run fails.
#   Appends "fuzz-NAME OK" or "fuzz-NAME FAIL" to RESULTFILE; the output is
#   in BUILDDIR/fuzz-NAME.log.
build=$1
name=$2
secs=$3
result=$4
shift 4

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)
bin=$build/tests/fuzz/fuzz-$name
corpus=$build/corpus/$name
seeds=$top/tests/fuzz/corpus/$name
log=$build/fuzz-$name.log
mkdir -p "$corpus" "$build/artifacts"

set -- -max_total_time="$secs" -timeout=25 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$name-" "$@" "$corpus"
[ -d "$seeds" ] && set -- "$@" "$seeds"

if [ ! -x "$bin" ]; then
    echo "fuzz-$name: $bin is missing"
    echo "fuzz-$name FAIL" >> "$result"
    exit 1
fi
echo "fuzz-$name: ${secs}s"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$bin" "$@" > "$log" 2>&1
rc=$?
# "Done 21091 runs in 31 second(s)" and the coverage of the last status line
runs=$(grep '^Done ' "$log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
if [ $rc -eq 0 ]; then
    echo "fuzz-$name: OK: $runs, $cov"
    echo "fuzz-$name OK" >> "$result"
    exit 0
fi
echo "fuzz-$name: FAILED (exit $rc), the end of $log:"
tail -n 60 "$log"
echo "fuzz-$name FAIL" >> "$result"
exit 1
