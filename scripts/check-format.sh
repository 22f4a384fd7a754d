#!/bin/sh
# check-format.sh: does every C file changed since BASE follow .clang-format?
#
# Usage: scripts/check-format.sh [--fix] [BASE]
#   BASE   a git revision (default: HEAD, i.e. uncommitted changes only);
#          the files are those of `git diff --name-only BASE` plus new
#          untracked ones, restricted to *.c and *.h outside linux-headers/.
#   --fix  reformat those files in place instead of reporting them.
#   --all  every tracked C file instead of those changed since BASE.
#
# Prints one line per file that clang-format would change (with the number
# of changed lines), one per file with lines over 80 columns (clang-format
# leaves long string literals and comments alone: shorten comments, keep
# messages whole), and a summary line.  Exit status: 0 all formatted,
# 1 some file is not, 2 the check could not run (no clang-format, bad BASE).
# CLANG_FORMAT names the program (default: clang-format-14, then
# clang-format).

fix=false
all=false
base=HEAD
for arg do
    case "$arg" in
    --fix) fix=true ;;
    --all) all=true ;;
    -h|--help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "check-format: unknown option '$arg'" >&2; exit 2 ;;
    *) base=$arg ;;
    esac
done

cd "$(dirname "$0")/.." || exit 2
cf=${CLANG_FORMAT:-}
if [ -z "$cf" ]; then
    for c in clang-format-14 clang-format; do
        if command -v "$c" >/dev/null 2>&1; then
            cf=$c
            break
        fi
    done
fi
if [ -z "$cf" ] || ! command -v "$cf" >/dev/null 2>&1; then
    echo "check-format: clang-format not found (apt-get install clang-format-14)" >&2
    exit 2
fi
if ! $all && ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    echo "check-format: '$base' is not a git revision" >&2
    exit 2
fi

if $all; then
    changed="git ls-files"
else
    changed="git diff --name-only --diff-filter=ACMR $base --"
fi
list=$( { $changed; git ls-files --others --exclude-standard; } |
        grep -E '\.(c|h)$' | grep -v '^linux-headers/' | sort -u)

checked=0
bad=0
for f in $list; do
    [ -f "$f" ] || continue
    checked=$((checked + 1))
    if $fix; then
        "$cf" -i --style=file "$f" || exit 2
        continue
    fi
    n=$("$cf" --style=file "$f" | diff "$f" - | grep -c '^[<>]')
    if [ "$n" -gt 0 ]; then
        echo "$f: $n lines differ from clang-format"
        bad=$((bad + 1))
    fi
    long=$(awk 'length > 80 { printf " %d", NR }' "$f")
    if [ -n "$long" ]; then
        echo "$f: over 80 columns (not an error) at line$long"
    fi
done

if $fix; then
    echo "check-format: reformatted $checked files changed since $base"
    exit 0
fi
echo "check-format: $bad of $checked files changed since $base need formatting" \
     "(fix: scripts/check-format.sh --fix $base)"
[ "$bad" -eq 0 ]
