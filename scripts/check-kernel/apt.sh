#!/bin/sh
# A private apt (state under $CK/apt) that sees Debian 12 for amd64 and
# s390x; the host's own apt state and dpkg architectures are untouched.
# Usage: . scripts/check-kernel/apt.sh; ck_apt_lists || exit; ck_apt_get
# download P
CK_APT="$CK/apt"
# The URI the host's own apt sources give for Debian suite $1: deb822
# paragraphs of /etc/apt/sources.list.d/*.sources first, then one-line
# entries of sources.list and *.list; nothing when none has it
ck_host_uri() {
    { ck_host_uris "$1"; } | head -n 1
}
ck_host_uris() {
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && cat "$f" && echo
    done | awk -v s="$1" '
        /^URIs:/ { u = $2 }
        /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok = 1 }
        /^[ \t]*$/ { if (ok && u != "") { print u; exit } u = ""; ok = 0 }'
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        sed -n 's/^deb \(\[[^]]*\] \)*//p' | awk -v s="$1" '$2 == s { print $1 }'
}
ck_apt_setup() {
    mkdir -p "$CK_APT/lists/partial" "$CK_APT/cache/archives/partial" \
        "$CK_APT/parts" "$CK_APT/prefs"
    : > "$CK_APT/status"
    key=/usr/share/keyrings/debian-archive-keyring.gpg
    mirror=${DEBIAN_MIRROR:-$(ck_host_uri bookworm)}
    secmirror=${DEBIAN_SECURITY_MIRROR:-$(ck_host_uri bookworm-security)}
    [ -n "$mirror" ] && [ -n "$secmirror" ] || return 1
    cat > "$CK_APT/sources.list" <<EOS
deb [arch=amd64,s390x signed-by=$key] $mirror bookworm main
deb [arch=amd64,s390x signed-by=$key] $mirror bookworm-updates main
deb [arch=amd64,s390x signed-by=$key] $secmirror bookworm-security main
EOS
}
ck_apt_opts() {
    echo "-o Dir::State=$CK_APT -o Dir::State::Lists=$CK_APT/lists" \
        "-o Dir::State::status=$CK_APT/status -o Dir::Cache=$CK_APT/cache" \
        "-o Dir::Etc::SourceList=$CK_APT/sources.list" \
        "-o Dir::Etc::SourceParts=$CK_APT/parts" \
        "-o Dir::Etc::PreferencesParts=$CK_APT/prefs" \
        "-o APT::Architecture=amd64 -o APT::Architectures=amd64,s390x" \
        "-o Debug::NoLocking=1 -o Acquire::Retries=2 -q"
}
# shellcheck disable=SC2046
ck_apt_get() { apt-get $(ck_apt_opts) "$@"; }
# shellcheck disable=SC2046
ck_apt_cache() { apt-cache $(ck_apt_opts) "$@"; }
# The package lists, once (CK_REFRESH=1: again); 77 (skip) when the
# archive cannot be reached: apt-get update failed or fetched no list
# (it exits 0 when every source was unreachable). Not marked done then, so
# that the next run tries again.
ck_apt_lists() {
    [ -f "$CK_APT/lists.stamp" ] && [ -z "$CK_REFRESH" ] && return 0
    if ! ck_apt_setup; then
        echo "check-kernel: SKIP: the host's apt sources name no Debian 12" \
            "mirror (set DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR)"
        return 77
    fi
    if ! ck_apt_get update >"$CK/apt-update.log" 2>&1 ||
        ! ls "$CK_APT"/lists/*_Packages* >/dev/null 2>&1; then
        echo "check-kernel: SKIP: the Debian archive cannot be reached" \
            "(see $CK/apt-update.log)"
        return 77
    fi
    touch "$CK_APT/lists.stamp"
}
