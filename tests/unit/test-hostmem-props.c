/*
 * Unit tests for the properties every memory back end has (size, share,
 * reserve, dump, merge, prealloc, prealloc-threads, policy, host-nodes):
 * defaults, types, which ones freeze once the memory exists, the values
 * refused and the effect of changing a hint on live memory.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "sysemu/hostmem.h"

static Object *add(const char *id, const char *json, bool keyval, Error **errp)
{
    g_autoptr(JsonNode) node = json_from_string(json, NULL);

    g_assert_nonnull(node);
    return user_creatable_add_type(TYPE_MEMORY_BACKEND_RAM, id,
                                   json_node_get_object(node), keyval, errp);
}

static void del(const char *id)
{
    g_assert_true(user_creatable_del(id, &error_abort));
}

static void assert_err(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_defaults_and_types(void)
{
    Object *obj = object_new(TYPE_MEMORY_BACKEND_RAM);
    g_autofree char *policy = NULL;
    g_autoptr(JsonNode) nodes = NULL;
    static const char *const bools[] = {
        "share",    "dump",    "merge",
        "prealloc", "reserve", "x-use-canonical-path-for-ramblock-id"
    };

    g_assert_false(object_property_get_bool(obj, "share", &error_abort));
    g_assert_true(object_property_get_bool(obj, "dump", &error_abort));
    g_assert_true(object_property_get_bool(obj, "merge", &error_abort));
    g_assert_false(object_property_get_bool(obj, "prealloc", &error_abort));
    g_assert_true(object_property_get_bool(obj, "reserve", &error_abort));
    g_assert_cmpuint(object_property_get_uint(obj, "prealloc-threads",
                                              &error_abort),
                     ==, 1);
    g_assert_cmpuint(object_property_get_uint(obj, "size", &error_abort), ==,
                     0);
    policy = object_property_get_str(obj, "policy", &error_abort);
    g_assert_cmpstr(policy, ==, "default");
    nodes = object_property_get_qobject(obj, "host-nodes", &error_abort);
    g_assert_true(JSON_NODE_HOLDS_ARRAY(nodes));
    g_assert_cmpuint(json_array_get_length(json_node_get_array(nodes)), ==, 0);

    for (size_t i = 0; i < G_N_ELEMENTS(bools); i++) {
        g_assert_cmpstr(object_property_get_type(obj, bools[i], &error_abort),
                        ==, "bool");
    }
    g_assert_cmpstr(object_property_get_type(obj, "size", &error_abort), ==,
                    "int");
    g_assert_cmpstr(object_property_get_type(obj, "prealloc-threads",
                                             &error_abort),
                    ==, "int");
    g_assert_cmpstr(object_property_get_type(obj, "policy", &error_abort), ==,
                    "HostMemPolicy");
    g_assert_nonnull(object_property_find(obj, "size")->description);
    object_unref(obj);
}

/* Options as -object gives them: every value a string. */
static void test_keyval_values(void)
{
    Object *obj = add(
        "kv",
        "{\"size\": \"2M\", \"reserve\": \"off\", \"prealloc-threads\": \"4\", \"host-nodes\": []}",
        true, &error_abort);

    g_assert_cmpuint(object_property_get_uint(obj, "size", &error_abort), ==,
                     2 * MiB);
    g_assert_false(object_property_get_bool(obj, "reserve", &error_abort));
    g_assert_cmpuint(object_property_get_uint(obj, "prealloc-threads",
                                              &error_abort),
                     ==, 4);
    del("kv");
}

static void test_frozen_once_allocated(void)
{
    Object *obj = add("fz", "{\"size\": 65536}", false, &error_abort);
    static const char *const fixed[] = { "share", "reserve" };
    Error *err = NULL;

    for (size_t i = 0; i < G_N_ELEMENTS(fixed); i++) {
        g_autofree char *msg =
            g_strdup_printf("cannot change property %s of memory-backend-ram ",
                            fixed[i]);
        bool was = object_property_get_bool(obj, fixed[i], &error_abort);

        g_assert_false(object_property_set_bool(obj, fixed[i], !was, &err));
        assert_err(err, msg);
        err = NULL;
        g_assert_cmpint(object_property_get_bool(obj, fixed[i], &error_abort),
                        ==, was);
    }
    /* the size stays, even when the new value is the same */
    g_assert_false(object_property_set_uint(obj, "size", 65536, &err));
    assert_err(err, "cannot change property size of memory-backend-ram ");
    err = NULL;
    /* not frozen: the thread count and the hints */
    g_assert_true(
        object_property_set_uint(obj, "prealloc-threads", 2, &error_abort));
    g_assert_true(object_property_set_bool(obj, "merge", false, &error_abort));
    g_assert_false(object_property_get_bool(obj, "merge", &error_abort));
    del("fz");
}

static void test_refused_values(void)
{
    Object *obj = object_new(TYPE_MEMORY_BACKEND_RAM);
    Error *err = NULL;

    g_assert_false(object_property_set_uint(obj, "prealloc-threads", 0, &err));
    assert_err(
        err,
        "property 'prealloc-threads' of memory-backend-ram doesn't take value '0'");
    err = NULL;
    g_assert_cmpuint(object_property_get_uint(obj, "prealloc-threads",
                                              &error_abort),
                     ==, 1);
    g_assert_false(object_property_set_uint(obj, "size", 0, &err));
    assert_err(err,
               "property 'size' of memory-backend-ram doesn't take value '0'");
    err = NULL;
    /* a count is 32 bits wide */
    g_assert_false(
        object_property_set_uint(obj, "prealloc-threads", 1ULL << 32, &err));
    g_assert_nonnull(err);
    g_clear_pointer(&err, error_free);
    g_assert_false(object_property_set_str(obj, "policy", "interleave", &err));
    assert_err(err, "NUMA policies are not supported by this QEMU");
    object_unref(obj);
}

/* Whether the mapping at @addr has VmFlags @flag in /proc/self/smaps. */
static bool vma_has_flag(const void *addr, const char *flag)
{
    g_autofree char *smaps = NULL;
    g_auto(GStrv) lines = NULL;
    bool inside = false;

    if (!g_file_get_contents("/proc/self/smaps", &smaps, NULL, NULL)) {
        return false;
    }
    lines = g_strsplit(smaps, "\n", -1);
    for (char **l = lines; *l; l++) {
        uintptr_t start, end;

        if (sscanf(*l, "%" SCNxPTR "-%" SCNxPTR " ", &start, &end) == 2) {
            inside = (uintptr_t)addr >= start && (uintptr_t)addr < end;
        } else if (inside && g_str_has_prefix(*l, "VmFlags:")) {
            g_auto(GStrv) flags = g_strsplit(*l + 8, " ", -1);

            return g_strv_contains((const char *const *)flags, flag);
        }
    }
    return false;
}

/* dump=off is MADV_DONTDUMP ("dd"), at creation and when changed later. */
static void test_dump_live(void)
{
    Object *obj;
    void *ram;

    if (!g_file_test("/proc/self/smaps", G_FILE_TEST_EXISTS)) {
        g_test_skip("no /proc/self/smaps");
        return;
    }
    obj = add("dp", "{\"size\": 1048576, \"dump\": false}", false,
              &error_abort);
    ram = memory_region_get_ram_ptr(
        host_memory_backend_get_memory(MEMORY_BACKEND(obj)));
    g_assert_true(vma_has_flag(ram, "dd"));
    g_assert_true(object_property_set_bool(obj, "dump", true, &error_abort));
    g_assert_false(vma_has_flag(ram, "dd"));
    g_assert_true(object_property_set_bool(obj, "dump", false, &error_abort));
    g_assert_true(vma_has_flag(ram, "dd"));
    del("dp");
}

/* prealloc may be switched on after creation; it then reads back on. */
static void test_prealloc_live(void)
{
    Object *obj = add("pa", "{\"size\": 1048576}", false, &error_abort);

    g_assert_true(
        object_property_set_bool(obj, "prealloc", true, &error_abort));
    g_assert_true(object_property_get_bool(obj, "prealloc", &error_abort));
    g_assert_true(
        object_property_set_bool(obj, "prealloc", false, &error_abort));
    g_assert_false(object_property_get_bool(obj, "prealloc", &error_abort));
    del("pa");
}

/* A bad value for one property names it, in the visitor's words. */
static void test_bad_types(void)
{
    Error *err = NULL;

    g_assert_null(
        add("bt", "{\"size\": \"4096\", \"share\": \"maybe\"}", true, &err));
    g_assert_nonnull(err);
    g_assert_true(
        g_str_has_prefix(error_get_pretty(err), "Parameter 'share' expects"));
    g_clear_pointer(&err, error_free);
    g_assert_null(
        add("bt", "{\"size\": 4096, \"prealloc-threads\": -1}", false, &err));
    g_assert_nonnull(err);
    g_assert_true(g_str_has_prefix(error_get_pretty(err),
                                   "Parameter 'prealloc-threads' expects"));
    g_clear_pointer(&err, error_free);
    g_assert_null(
        add("bt", "{\"size\": 4096, \"host-nodes\": 3}", false, &err));
    assert_err(err, "NUMA node binding are not supported by this QEMU");
    g_assert_null(object_resolve_path("/objects/bt", NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    memory_system_init();
    g_test_add_func("/hostmem-props/defaults-types", test_defaults_and_types);
    g_test_add_func("/hostmem-props/keyval", test_keyval_values);
    g_test_add_func("/hostmem-props/frozen", test_frozen_once_allocated);
    g_test_add_func("/hostmem-props/refused", test_refused_values);
    g_test_add_func("/hostmem-props/dump-live", test_dump_live);
    g_test_add_func("/hostmem-props/prealloc-live", test_prealloc_live);
    g_test_add_func("/hostmem-props/bad-types", test_bad_types);
    return g_test_run();
}
