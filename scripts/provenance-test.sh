#!/bin/sh
# provenance-test.sh SRCDIR: the tree must not match the reference projects'
# code or prose (../shared/tools/provenance-check --strict, see
# docs/devel/architecture.rst).  Skipped (exit 77) where the tool is not
# beside the checkout, e.g. in a source tarball build.
src=${1:-.}
tool="$src/../shared/tools/provenance-check"
if [ ! -f "$tool" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "provenance-check not found beside the checkout: skipped"
    exit 77
fi
cd "$src" || exit 1
exec python3 "$tool" --strict
