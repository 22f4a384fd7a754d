/*
 * The legacy "filename" syntax of -serial, -monitor, -qmp and -qtest
 * ("stdio", "file:PATH", "unix:PATH,server=on", "mon:stdio", ...), turned
 * into -chardev options; and the table of -serial chardevs (serial_hd()).
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "chardev-internal.h"

static GPtrArray *serial_hds;

/* Plain names that are a back end of their own */
static const char *const plain_names[] = {
    "null",    "stdio",   "vc",       "pty", "msmouse",
    "braille", "testdev", "wctablet", NULL,
};

/* "PATH,key=val,flag,..." after a prefix: the path, the options set */
static void parse_path_opts(JsonObject *opts, const char *key, const char *rest)
{
    g_auto(GStrv) parts = g_strsplit(rest, ",", -1);

    /* "unix:" alone splits into no parts at all */
    json_object_set_string_member(opts, key, parts[0] ? parts[0] : "");
    for (char **p = parts[0] ? parts + 1 : parts; *p; p++) {
        char *eq = strchr(*p, '=');

        if (eq) {
            *eq = 0;
            json_object_set_string_member(opts, *p, eq + 1);
        } else if (!strcmp(*p, "nowait")) {
            json_object_set_string_member(opts, "wait", "off");
        } else if (!strcmp(*p, "nodelay")) {
            json_object_set_string_member(opts, "delay", "off");
        } else if (**p) {
            json_object_set_string_member(opts, *p, "on");
        }
    }
}

/* "tcp:HOST:PORT[,opts]"; false when there is no ':' (QEMU: no error) */
static bool parse_inet(JsonObject *opts, const char *rest)
{
    const char *colon = strchr(rest, ':');
    g_autofree char *host = NULL;

    if (!colon) {
        return false;
    }
    host = g_strndup(rest, colon - rest);
    parse_path_opts(opts, "port", colon + 1);
    json_object_set_string_member(opts, "host", host);
    json_object_set_string_member(opts, "backend", "socket");
    return true;
}

/*
 * -chardev options for @filename, or NULL: with *errp set for a name
 * that is no back end, without an error for a syntax not understood
 * (QEMU's callers then say what could not be done).
 */
static JsonObject *legacy_opts(const char *filename, bool permit_mux_mon,
                               Error **errp)
{
    g_autoptr(JsonObject) opts = json_object_new();
    const char *p = filename;

    if (g_str_has_prefix(p, "mon:")) {
        if (!permit_mux_mon) {
            error_setg(errp, "mon: isn't supported in this context");
            return NULL;
        }
        p += 4;
        json_object_set_string_member(opts, "mux", "on");
        if (!strcmp(p, "stdio")) {
            /* as QEMU: Ctrl-C goes to the guest, not to this process */
            json_object_set_string_member(opts, "signal", "off");
        }
    }
    if (g_strv_contains(plain_names, p)) {
        json_object_set_string_member(opts, "backend", p);
    } else if (g_str_has_prefix(p, "vc:")) {
        json_object_set_string_member(opts, "backend", "vc");
    } else if (g_str_has_prefix(p, "file:")) {
        json_object_set_string_member(opts, "backend", "file");
        json_object_set_string_member(opts, "path", p + 5);
    } else if (g_str_has_prefix(p, "pipe:")) {
        json_object_set_string_member(opts, "backend", "pipe");
        json_object_set_string_member(opts, "path", p + 5);
    } else if (g_str_has_prefix(p, "unix:")) {
        json_object_set_string_member(opts, "backend", "socket");
        parse_path_opts(opts, "path", p + 5);
    } else if (g_str_has_prefix(p, "tcp:") || g_str_has_prefix(p, "telnet:")) {
        bool telnet = p[0] == 't' && p[1] == 'e';

        if (!parse_inet(opts, strchr(p, ':') + 1)) {
            return NULL;
        }
        if (telnet) {
            json_object_set_string_member(opts, "telnet", "on");
        }
    } else if (g_str_has_prefix(p, "udp:")) {
        json_object_set_string_member(opts, "backend", "udp");
    } else if (g_str_has_prefix(p, "/dev/")) {
        error_setg(errp,
                   "'%s': host serial and parallel ports are not supported "
                   "by this program",
                   p);
        return NULL;
    } else {
        error_setg(errp, "'%s' is not a valid char driver", p);
        return NULL;
    }
    return g_steal_pointer(&opts);
}

Chardev *qemu_chr_new_legacy(const char *label, const char *filename,
                             bool permit_mux_mon, bool *mux, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;

    if (mux) {
        *mux = false;
    }
    if (g_str_has_prefix(filename, "chardev:")) {
        return qemu_chr_find(filename + 8);
    }
    opts = legacy_opts(filename, permit_mux_mon, errp);
    if (!opts) {
        return NULL;
    }
    if (mux) {
        *mux = json_object_has_member(opts, "mux");
    }
    json_object_set_string_member(opts, "id", label);
    return qemu_chr_new_from_opts(opts, errp);
}

Chardev *qemu_chr_new(const char *label, const char *filename, Error **errp)
{
    Error *err = NULL;
    Chardev *chr = qemu_chr_new_legacy(label, filename, false, NULL, &err);

    if (!chr && !err) {
        error_setg(&err, "parse error: %s", filename);
    }
    if (err) {
        error_propagate(errp, err);
    }
    return chr;
}

void serial_hd_add(Chardev *chr)
{
    if (!serial_hds) {
        serial_hds = g_ptr_array_new();
    }
    g_ptr_array_add(serial_hds, chr);
}

Chardev *serial_hd(int i)
{
    return serial_hds && i >= 0 && (guint)i < serial_hds->len
               ? serial_hds->pdata[i]
               : NULL;
}

int serial_hd_count(void)
{
    return serial_hds ? serial_hds->len : 0;
}

void serial_hds_clear(void)
{
    if (serial_hds) {
        g_ptr_array_free(serial_hds, TRUE);
        serial_hds = NULL;
    }
}
