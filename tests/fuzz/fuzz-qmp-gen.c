/*
 * QMP request generator of the QMP fuzz target (see fuzz-qmp-gen.h).
 *
 * The bytes are read as a sequence of choices; when they run out every
 * further choice is 0, so any input describes some requests. A request is
 * {"execute": CMD, "arguments": {...}, "id": N}: the command is picked
 * from the registered ones, each argument name from the name pool (or
 * taken from the bytes) and each value is a string from the pools or the
 * bytes, an integer near a boundary or from the bytes, a boolean, null, a
 * double, or an array or object of such values (nested a few levels).
 */
#include "qemu/osdep.h"
#include "monitor/qmp.h"
#include "qobject/qjson.h"
#include "qom/object.h"
#include "fuzz-qmp-gen.h"

#define GEN_MAX_REQUESTS 8
#define GEN_MAX_MEMBERS  6
#define GEN_MAX_DEPTH    3
#define GEN_MAX_RAW      64

typedef struct GenBytes {
    const uint8_t *p;
    size_t left;
} GenBytes;

static GPtrArray *commands; /* registered command names */
static GPtrArray *keys;     /* argument and property names */
static GPtrArray *words;    /* type names, paths, ids, values */

/* Argument names of the commands, and values they commonly take. */
static const char *const base_keys[] = {
    "id",     "driver",   "bus",          "path",       "property",
    "value",  "typename", "qom-type",     "implements", "abstract",
    "enable", "props",    "command-line", "cpu-index",  NULL,
};
static const char *const base_words[] = {
    "on",
    "off",
    "auto",
    "true",
    "yes",
    "no",
    "help",
    "?",
    "",
    "d0",
    "d1",
    "v0",
    "t0",
    "x",
    "0.0.1234",
    "0.1.1234",
    "fe.3.ffff",
    "1.0.0001",
    "3390-1",
    "3390-3",
    "3390-9",
    "dasd.img",
    "mem.img",
    ".",
    "1M",
    "64K",
    "0x1000",
    "-1",
    "1e3",
    "oob",
    "memory-backend",
    "/",
    "//",
    "a/b",
    "peripheral",
    "..",
    "child<device>",
    "link<memory-backend>",
    "info pci",
    "info s390-pci-map",
    "info",
    NULL,
};
static const int64_t boundaries[] = {
    0,         1,         -1,         2,
    255,       256,       65535,      65536,
    INT32_MAX, INT32_MIN, UINT32_MAX, INT64_MAX,
    INT64_MIN, 4096,      1048576,    0x7ffffffffffff000LL,
};

static uint8_t gen_u8(GenBytes *b)
{
    if (!b->left) {
        return 0;
    }
    b->left--;
    return *b->p++;
}

static uint64_t gen_u64(GenBytes *b)
{
    uint64_t v = 0;

    for (int i = 0; i < 8; i++) {
        v = v << 8 | gen_u8(b);
    }
    return v;
}

static const char *gen_pick(GenBytes *b, GPtrArray *pool)
{
    unsigned i = gen_u8(b);

    i = i << 8 | gen_u8(b);
    return pool->pdata[i % pool->len];
}

/* A string of up to GEN_MAX_RAW bytes of input (any bytes but NUL). */
static char *gen_raw(GenBytes *b)
{
    size_t n = gen_u8(b) % (GEN_MAX_RAW + 1);
    char *s;

    n = MIN(n, b->left);
    s = g_strndup((const char *)b->p, n);

    b->p += n;
    b->left -= n;
    return s;
}

static JsonNode *gen_string(GenBytes *b)
{
    g_autofree char *raw = NULL;

    if (gen_u8(b) & 1) {
        raw = gen_raw(b);
        return json_node_init_string(json_node_alloc(), raw);
    }
    return json_node_init_string(json_node_alloc(), gen_pick(b, words));
}

static JsonNode *gen_value(GenBytes *b, int depth);

static JsonNode *gen_array(GenBytes *b, int depth)
{
    JsonArray *arr = json_array_new();
    JsonNode *node = json_node_alloc();
    int n = gen_u8(b) % (GEN_MAX_MEMBERS + 1);

    for (int i = 0; i < n; i++) {
        json_array_add_element(arr, gen_value(b, depth + 1));
    }
    json_node_init_array(node, arr);
    json_array_unref(arr);
    return node;
}

static char *gen_key(GenBytes *b)
{
    return gen_u8(b) % 8 ? g_strdup(gen_pick(b, keys)) : gen_raw(b);
}

static JsonObject *gen_members(GenBytes *b, int depth)
{
    JsonObject *obj = json_object_new();
    int n = gen_u8(b) % (GEN_MAX_MEMBERS + 1);

    for (int i = 0; i < n; i++) {
        g_autofree char *key = gen_key(b);

        json_object_set_member(obj, key, gen_value(b, depth + 1));
    }
    return obj;
}

static JsonNode *gen_value(GenBytes *b, int depth)
{
    uint8_t kind = gen_u8(b) % (depth < GEN_MAX_DEPTH ? 9 : 7);
    JsonNode *node;
    JsonObject *obj;

    switch (kind) {
    case 0:
    case 1:
        return gen_string(b);
    case 2:
        return json_node_init_int(json_node_alloc(),
                                  boundaries[gen_u8(b) %
                                             G_N_ELEMENTS(boundaries)]);
    case 3:
        return json_node_init_int(json_node_alloc(), (int64_t)gen_u64(b));
    case 4:
        return json_node_init_boolean(json_node_alloc(), gen_u8(b) & 1);
    case 5:
        return json_node_init_null(json_node_alloc());
    case 6:
        return json_node_init_double(json_node_alloc(),
                                     (double)(int64_t)gen_u64(b) / 7.0);
    case 7:
        return gen_array(b, depth);
    default:
        obj = gen_members(b, depth);
        node = json_node_init_object(json_node_alloc(), obj);
        json_object_unref(obj);
        return node;
    }
}

static JsonNode *gen_request(GenBytes *b, int seq)
{
    JsonObject *req = json_object_new();
    JsonNode *node = json_node_alloc();
    uint8_t shape = gen_u8(b);

    json_object_set_string_member(req, "execute", gen_pick(b, commands));
    if (!(shape & 1)) {
        json_object_set_object_member(req, "arguments", gen_members(b, 0));
    }
    if (shape & 2) {
        json_object_set_int_member(req, "id", seq);
    }
    if (shape & 4) {
        /* a wrong type or an extra member now and then */
        g_autofree char *key = gen_key(b);

        json_object_set_member(req, key, gen_value(b, 0));
    }
    json_node_init_object(node, req);
    json_object_unref(req);
    return node;
}

GString *qmp_gen_requests(const uint8_t *data, size_t size)
{
    GenBytes b = { data, size };
    GString *out = g_string_new(NULL);
    int n = 1 + gen_u8(&b) % GEN_MAX_REQUESTS;

    for (int i = 0; i < n; i++) {
        g_autoptr(JsonNode) req = gen_request(&b, i);

        qjson_append(out, req, false);
        g_string_append_c(out, '\n');
    }
    return out;
}

/* ---- the pools ---- */

static void pool_add(GPtrArray *pool, GHashTable *seen, const char *s)
{
    if (g_hash_table_add(seen, (gpointer)s)) {
        g_ptr_array_add(pool, g_strdup(s));
    }
}

static void add_class_names(ObjectClass *oc, void *opaque)
{
    GHashTable **seen = opaque;
    ObjectPropertyIterator it;
    ObjectProperty *prop;

    pool_add(words, seen[1], object_class_get_name(oc));
    object_class_property_iter_init(&it, oc);
    while ((prop = object_property_iter_next(&it))) {
        pool_add(keys, seen[0], prop->name);
    }
}

static int add_tree_names(Object *obj, void *opaque)
{
    GHashTable **seen = opaque;
    g_autofree char *path = object_get_canonical_path(obj);
    ObjectPropertyIterator it;
    ObjectProperty *prop;

    if (path) {
        pool_add(words, seen[1], g_intern_string(path));
    }
    object_property_iter_init(&it, obj);
    while ((prop = object_property_iter_next(&it))) {
        pool_add(keys, seen[0], prop->name);
    }
    return 0;
}

void qmp_gen_init(void)
{
    /* [0]: keys seen, [1]: words seen (interned strings as keys) */
    g_autoptr(GHashTable) seen_keys = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) seen_words = g_hash_table_new(g_str_hash,
                                                        g_str_equal);
    GHashTable *seen[2] = { seen_keys, seen_words };

    commands = qmp_command_names();
    keys = g_ptr_array_new_with_free_func(g_free);
    words = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; base_keys[i]; i++) {
        pool_add(keys, seen_keys, base_keys[i]);
    }
    for (int i = 0; base_words[i]; i++) {
        pool_add(words, seen_words, base_words[i]);
    }
    for (guint i = 0; i < commands->len; i++) {
        pool_add(words, seen_words, commands->pdata[i]);
    }
    object_class_foreach(add_class_names, NULL, true, seen);
    add_tree_names(object_get_root(), seen);
    object_child_foreach_recursive(object_get_root(), add_tree_names, seen);
}
