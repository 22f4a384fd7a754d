/*
 * Character devices: registry, option parsing, front end plumbing.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "chardev-internal.h"
#include <glib-unix.h>
#include <signal.h>

static GHashTable *chardevs;    /* id -> Chardev */
static GPtrArray *chardev_list; /* the same, in creation order */

typedef struct ChrBackend {
    const char *name;
    bool (*open)(Chardev *chr, JsonObject *opts, Error **errp);
} ChrBackend;

static const ChrBackend backends[] = {
    { "socket", chr_open_socket }, { "stdio", chr_open_stdio },
    { "file", chr_open_file },     { "null", chr_open_null },
    { "pty", chr_open_pty },       { "vc", chr_open_vc },
    { "pipe", chr_open_pipe },
};

/* Every parameter -chardev knows; ones a back end does not use are ignored. */
static const char *const known_params[] = {
    "backend",   "id",         "path",      "server",    "wait",   "fd",
    "host",      "port",       "reconnect", "telnet",    "tn3270", "websocket",
    "nodelay",   "delay",      "to",        "ipv4",      "ipv6",   "abstract",
    "tight",     "mux",        "logfile",   "logappend", "append", "signal",
    "name",      "chardev",    "size",      "debug",     "rows",   "cols",
    "width",     "height",     "tls-creds", "tls-authz", "local",  "localaddr",
    "localport", "input-path", NULL,
};

const char *chr_opt(JsonObject *opts, const char *name)
{
    JsonNode *n = json_object_get_member(opts, name);

    return n && JSON_NODE_HOLDS_VALUE(n) &&
                   json_node_get_value_type(n) == G_TYPE_STRING
               ? json_node_get_string(n)
               : NULL;
}

Chardev *chr_alloc(const char *id)
{
    Chardev *chr = g_new0(Chardev, 1);

    chr->id = g_strdup(id);
    chr->fd_in = chr->fd_out = chr->listen_fd = chr->pty_fd = -1;
    chr->fe_open = -1;
    chr->outq = g_byte_array_new();
    return chr;
}

static void chr_free(gpointer data)
{
    Chardev *chr = data;

    qemu_chr_fe_deinit(chr);
    if (chr->mux) {
        chr_mux_free(chr);
    }
    chr_out_flush_now(chr);
    qemu_chr_fe_disconnect(chr);
    chr_out_reset(chr);
    g_byte_array_free(chr->outq, TRUE);
    if (chr->out_reopened && chr->fd_out >= 0) {
        close(chr->fd_out);
    }
    if (chr->listen_watch) {
        g_source_remove(chr->listen_watch);
    }
    if (chr->listen_fd >= 0) {
        close(chr->listen_fd);
    }
    if (chr->unlink_path) {
        unlink(chr->unlink_path);
    }
    chr_pty_close(chr);
    g_free(chr->unlink_path);
    g_free(chr->sock_path);
    g_free(chr->id);
    g_free(chr);
}

/*
 * Parameters this program does not implement but that would change what a
 * chardev does: refused rather than ignored. A bool parameter is refused
 * when on, any other when given.
 */
static const char *const refused_bool_params[] = {
    "abstract", "telnet", "tn3270", "websocket", NULL,
};
static const char *const refused_params[] = {
    "logfile",
    "tls-creds",
    "tls-authz",
    NULL,
};

static bool check_refused(JsonObject *opts, const char *key, Error **errp)
{
    const char *val = chr_opt(opts, key);
    bool on;

    if (g_strv_contains(refused_params, key)) {
        error_setg(errp,
                   "chardev parameter '%s' is not supported by this program",
                   key);
        return false;
    }
    if (g_strv_contains(refused_bool_params, key)) {
        if (!val || !qapi_bool_parse(key, val, &on, errp)) {
            return false;
        }
        if (on) {
            error_setg(
                errp,
                "chardev parameter '%s=on' is not supported by this program",
                key);
            return false;
        }
    }
    if (!strcmp(key, "reconnect") && val && strcmp(val, "0")) {
        error_setg(
            errp,
            "chardev parameter 'reconnect' is not supported by this program");
        return false;
    }
    return true;
}

static bool check_params(JsonObject *opts, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);

    for (GList *l = members; l; l = l->next) {
        if (!g_strv_contains(known_params, l->data)) {
            error_setg(errp, "Invalid parameter '%s'", (const char *)l->data);
            return false;
        }
        if (!check_refused(opts, l->data, errp)) {
            return false;
        }
    }
    return true;
}

static const ChrBackend *find_backend(const char *name, Error **errp)
{
    for (size_t i = 0; i < ARRAY_SIZE(backends); i++) {
        if (!strcmp(backends[i].name, name)) {
            return &backends[i];
        }
    }
    error_setg(errp, "'%s' is not a valid char driver name", name);
    return NULL;
}

static bool check_id(const char *id, Error **errp)
{
    if (!id) {
        error_setg(errp, "chardev: no id specified");
        return false;
    }
    if (!id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(
            errp,
            "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.\n");
        return false;
    }
    if (qemu_chr_find(id)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", id);
        return false;
    }
    return true;
}

void chr_register(Chardev *chr, Chardev *before)
{
    guint at;

    if (!chardevs) {
        chardevs = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                         chr_free);
    }
    g_hash_table_insert(chardevs, chr->id, chr);
    if (!chardev_list) {
        chardev_list = g_ptr_array_new();
    }
    if (before && g_ptr_array_find(chardev_list, before, &at)) {
        g_ptr_array_insert(chardev_list, at, chr);
    } else {
        g_ptr_array_add(chardev_list, chr);
    }
}

/*
 * mux=on: the back end is created as "ID-base", and "ID" is the mux over
 * it (QEMU's names; both are listed by query-chardev).
 */
static Chardev *chr_new_mux(const ChrBackend *be, const char *id,
                            JsonObject *opts, Error **errp)
{
    g_autofree char *base_id = g_strdup_printf("%s-base", id);
    Chardev *base, *chr;

    if (qemu_chr_find(base_id)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", base_id);
        return NULL;
    }
    base = chr_alloc(base_id);
    if (!be->open(base, opts, errp)) {
        chr_free(base);
        return NULL;
    }
    base->backend = be->name;
    chr_register(base, NULL);
    chr = chr_alloc(id);
    chr->backend = "mux";
    chr_mux_init(chr, base);
    chr_register(chr, base);
    return chr;
}

Chardev *qemu_chr_new_from_opts(JsonObject *opts, Error **errp)
{
    const char *name = chr_opt(opts, "backend");
    const char *id = chr_opt(opts, "id");
    const char *mux_str = chr_opt(opts, "mux");
    const ChrBackend *be;
    bool mux = false;
    Chardev *chr;

    if (!name) {
        error_setg(errp, "Parameter 'backend' is missing");
        return NULL;
    }
    if (!(be = find_backend(name, errp)) || !check_params(opts, errp) ||
        !check_id(id, errp)) {
        return NULL;
    }
    if (mux_str && !qapi_bool_parse("mux", mux_str, &mux, errp)) {
        return NULL;
    }
    signal(SIGPIPE, SIG_IGN);
    if (mux) {
        return chr_new_mux(be, id, opts, errp);
    }
    chr = chr_alloc(id);
    if (!be->open(chr, opts, errp)) {
        chr_free(chr);
        return NULL;
    }
    chr->backend = be->name;
    chr_register(chr, NULL);
    return chr;
}

const GPtrArray *qemu_chr_all(void)
{
    return chardev_list;
}

char *qemu_chr_info_filename(Chardev *chr)
{
    if (!strcmp(chr->backend, "socket")) {
        return chr_socket_filename(chr);
    }
    if (chr->is_pty) {
        return g_strdup_printf("pty:%s", chr->pty_name);
    }
    return g_strdup(chr->backend); /* QEMU: "stdio", "file", "null", "mux" */
}

bool qemu_chr_fe_is_open(Chardev *chr)
{
    if (chr->fe_open >= 0) {
        return chr->fe_open;
    }
    return chr->mux ? chr_mux_has_frontend(chr) : chr->ops != NULL;
}

void qemu_chr_fe_set_open(Chardev *chr, bool open)
{
    chr->fe_open = open;
}

Chardev *qemu_chr_find(const char *id)
{
    return chardevs ? g_hash_table_lookup(chardevs, id) : NULL;
}

const char *qemu_chr_get_id(const Chardev *chr)
{
    return chr->id;
}

static gboolean chr_is_mux(gpointer key, gpointer value, gpointer opaque)
{
    return ((Chardev *)value)->mux != NULL;
}

void qemu_chr_cleanup(void)
{
    if (chardevs) {
        /* a mux before the base it uses: freeing it touches the base */
        g_hash_table_foreach_remove(chardevs, chr_is_mux, NULL);
        g_hash_table_destroy(chardevs);
        chardevs = NULL;
    }
    if (chardev_list) {
        g_ptr_array_free(chardev_list, TRUE);
        chardev_list = NULL;
    }
}

bool qemu_chr_fe_set_handlers(Chardev *chr, const CharFrontendOps *ops,
                              void *opaque, Error **errp)
{
    if (chr->mux) {
        return chr_mux_add_frontend(chr, ops, opaque, errp);
    }
    if (chr->ops) {
        error_setg(errp, "Device '%s' is in use", chr->id);
        return false;
    }
    chr->ops = ops;
    chr->opaque = opaque;
    chr_update_watches(chr);
    if (chr->connected && ops->event) {
        ops->event(opaque, CHR_EVENT_OPENED);
    }
    return true;
}

void qemu_chr_fe_deinit(Chardev *chr)
{
    chr_io(chr)->in_paused = false; /* the next front end starts afresh */
    chr->fe_open = -1;
    if (chr->mux) {
        chr_mux_remove_frontends(chr);
        return;
    }
    chr->ops = NULL;
    chr->opaque = NULL;
    chr_update_watches(chr);
}

void qemu_chr_fe_pause_input(Chardev *chr, bool paused)
{
    Chardev *io = chr_io(chr);

    if (io->in_paused != paused) {
        io->in_paused = paused;
        chr_update_watches(io);
    }
}

bool qemu_chr_fe_is_connected(Chardev *chr)
{
    return chr_io(chr)->connected;
}
