#!/bin/sh
# check-generated-docs.sh PROGRAM MANPAGE TRACE-EVENTS-ALL
# The generated manual page documents every option that `PROGRAM -h`
# lists, and the installed trace event list names exactly the events of
# `PROGRAM -trace help`.  (unit test docs-generated, docs/meson.build)
prog=$1
man=$2
events=$3
st=0

for opt in $("$prog" -h | sed -n 's/^\(-[A-Za-z0-9_-]*\).*/\1/p' | sort -u); do
    esc=$(printf '%s' "$opt" | sed 's/-/\\-/g')
    if ! grep -qF "\\fB$esc\\fR" "$man"; then
        echo "not ok: $man does not document $opt"
        st=1
    fi
done
echo "checked the options of $prog -h in $man"

tmp=$(mktemp -d) || exit 1
"$prog" -trace help | tail -n +2 | sort > "$tmp/want" || st=1
grep -v '^#' "$events" | grep . | sort > "$tmp/have"
if ! diff -u "$tmp/want" "$tmp/have"; then
    echo "not ok: $events differs from -trace help"
    st=1
fi
echo "checked $events against $prog -trace help"
rm -rf "$tmp"
exit $st
