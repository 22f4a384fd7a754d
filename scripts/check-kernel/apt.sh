#!/bin/sh
# A private apt (state under $CK/apt) that sees Debian 12 for amd64 and
# s390x; the host's own apt state and dpkg architectures are untouched.
# Usage: . scripts/check-kernel/apt.sh; ck_apt_lists || exit; ck_apt_get
# download P
CK_APT="$CK/apt"
ck_apt_setup() {
    mkdir -p "$CK_APT/lists/partial" "$CK_APT/cache/archives/partial" \
        "$CK_APT/parts" "$CK_APT/prefs"
    : > "$CK_APT/status"
    key=/usr/share/keyrings/debian-archive-keyring.gpg
    mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
    secmirror=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
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
    ck_apt_setup
    if ! ck_apt_get update >"$CK/apt-update.log" 2>&1 ||
        ! ls "$CK_APT"/lists/*_Packages* >/dev/null 2>&1; then
        echo "check-kernel: SKIP: the Debian archive cannot be reached" \
            "(see $CK/apt-update.log)"
        return 77
    fi
    touch "$CK_APT/lists.stamp"
}
