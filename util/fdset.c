/*
 * -add-fd and /dev/fdset/N (include/qemu/fdset.h).
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/fdset.h"
#include "qemu/keyval.h"
#include <fcntl.h>

#define FDSET_PREFIX "/dev/fdset/"

typedef struct FdSetEntry {
    int64_t set;
    int fd; /* our duplicate */
    char *opaque;
} FdSetEntry;

static GArray *fdset_entries; /* FdSetEntry, in the order added */

static bool fdset_number(JsonObject *o, const char *key, int64_t *v,
                         Error **errp)
{
    const char *s = keyval_get_str(o, key);

    if (!s) {
        *v = -1;
        return true;
    }
    if (qemu_strtoi64(s, NULL, 0, v) < 0) {
        error_setg(errp, "Parameter '%s' expects a number", key);
        return false;
    }
    return true;
}

bool qemu_fdset_add_opt(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) o = qemu_opts_parse_legacy(arg, NULL, NULL, errp);
    static const char *const keys[] = { "fd", "set", "opaque", NULL };
    g_autoptr(GList) members = NULL;
    int64_t fd, set;
    FdSetEntry e;

    if (!o) {
        return false;
    }
    members = json_object_get_members(o);
    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(keys, m->data)) {
            error_setg(errp, "Invalid parameter '%s'", (char *)m->data);
            return false;
        }
    }
    if (!fdset_number(o, "fd", &fd, errp) ||
        !fdset_number(o, "set", &set, errp)) {
        return false;
    }
    if (fd < 0) {
        error_setg(errp, "fd option is required and must be non-negative");
        return false;
    }
    if (fd <= STDERR_FILENO) {
        error_setg(errp, "fd cannot be a standard I/O stream");
        return false;
    }
    if (set < 0) {
        error_setg(errp, "set option is required and must be non-negative");
        return false;
    }
    if (fd > INT_MAX || fcntl(fd, F_GETFD) < 0) {
        error_setg(errp, "fd is not valid or already in use");
        return false;
    }
    e.set = set;
    e.fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (e.fd < 0) {
        error_setg_errno(errp, errno, "fd is not valid or already in use");
        return false;
    }
    e.opaque = g_strdup(keyval_get_str(o, "opaque"));
    if (!fdset_entries) {
        fdset_entries = g_array_new(FALSE, FALSE, sizeof(FdSetEntry));
    }
    g_array_append_val(fdset_entries, e);
    return true;
}

int qemu_open_fdset(const char *path, int flags, mode_t mode)
{
    int64_t set;
    bool found = false;

    if (!g_str_has_prefix(path, FDSET_PREFIX)) {
        return open(path, flags | O_CLOEXEC, mode);
    }
    if (qemu_strtoi64(path + strlen(FDSET_PREFIX), NULL, 10, &set) < 0) {
        errno = ENOENT;
        return -1;
    }
    for (guint i = 0; fdset_entries && i < fdset_entries->len; i++) {
        FdSetEntry *e = &g_array_index(fdset_entries, FdSetEntry, i);
        int fl;

        if (e->set != set) {
            continue;
        }
        found = true;
        fl = fcntl(e->fd, F_GETFL);
        if (fl >= 0 && (fl & O_ACCMODE) == (flags & O_ACCMODE)) {
            return fcntl(e->fd, F_DUPFD_CLOEXEC, 0);
        }
    }
    errno = found ? EACCES : ENOENT;
    return -1;
}
