/*
 * Unit tests for the back-end objects: memory back ends (ram, memfd,
 * file) and secrets, created as -object and object-add create them.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include <sys/stat.h>
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "sysemu/hostmem.h"
#include "crypto/secret.h"

/* Create @type as /objects/@id from @json (keyval strings or JSON). */
static Object *add(const char *type, const char *id, const char *json,
                   bool keyval, Error **errp)
{
    g_autoptr(JsonNode) node = json_from_string(json, NULL);

    g_assert_nonnull(node);
    return user_creatable_add_type(type, id, json_node_get_object(node), keyval,
                                   errp);
}

static void expect_error(const char *type, const char *json, bool keyval,
                         const char *msg)
{
    Error *err = NULL;

    g_assert_null(add(type, "bad", json, keyval, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    g_assert_null(object_resolve_path("/objects/bad", NULL));
}

static void expect_error_prefix(const char *type, const char *json,
                                const char *prefix)
{
    Error *err = NULL;

    g_assert_null(add(type, "bad", json, true, &err));
    g_assert_true(g_str_has_prefix(error_get_pretty(err), prefix));
    error_free(err);
}

static void del(const char *id)
{
    g_assert_true(user_creatable_del(id, &error_abort));
    g_assert_null(object_resolve_path_component(object_get_objects_root(), id));
}

static void test_ram_keyval(void)
{
    Object *obj = add(
        TYPE_MEMORY_BACKEND_RAM, "m0",
        "{\"size\": \"64M\", \"share\": \"on\", \"dump\": \"off\", \"merge\": \"off\", "
        "\"x-use-canonical-path-for-ramblock-id\": \"off\", \"policy\": \"default\"}",
        true, &error_abort);
    HostMemoryBackend *be = MEMORY_BACKEND(obj);
    MemoryRegion *mr = host_memory_backend_get_memory(be);
    uint8_t *p;

    g_assert_cmpuint(object_property_get_uint(obj, "size", &error_abort), ==,
                     64 * MiB);
    g_assert_true(object_property_get_bool(obj, "share", &error_abort));
    g_assert_false(object_property_get_bool(obj, "dump", &error_abort));
    g_assert_nonnull(mr);
    g_assert_true(memory_region_is_ram(mr));
    g_assert_cmpuint(memory_region_size(mr), ==, 64 * MiB);
    g_assert_cmpstr(memory_region_name(mr), ==, "m0");
    p = memory_region_get_ram_ptr(mr);
    p[64 * MiB - 1] = 0x5a;
    g_assert_cmpint(p[64 * MiB - 1], ==, 0x5a);
    del("m0");
}

static void test_ram_json(void)
{
    Object *obj = add(TYPE_MEMORY_BACKEND_RAM, "s390.ram",
                      "{\"size\": 1073741824, \"prealloc\": false}", false,
                      &error_abort);
    HostMemoryBackend *be = MEMORY_BACKEND(obj);
    int fd = host_memory_backend_get_fd(be);
    struct stat st;

    g_assert_cmpuint(host_memory_backend_get_size(be), ==, 1 * GiB);
    /* the memory API's RAM is a memfd: visible and of the right size */
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(fstat(fd, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 1 * GiB);
    del("s390.ram");
}

static void test_ram_errors(void)
{
    expect_error(TYPE_MEMORY_BACKEND_RAM, "{}", false,
                 "Parameter 'size' is missing");
    expect_error(TYPE_MEMORY_BACKEND_RAM, "{\"size\": \"0\"}", true,
                 "property 'size' of memory-backend-ram doesn't take value '0'");
    /* QEMU: "... expects a size value"; the wording is the visitor's */
    expect_error_prefix(TYPE_MEMORY_BACKEND_RAM, "{\"size\": \"1x\"}",
                        "Parameter 'size' expects");
    expect_error(TYPE_MEMORY_BACKEND_RAM,
                 "{\"size\": 4096, \"prealloc\": true, \"reserve\": false}",
                 false, "'prealloc=on' and 'reserve=off' are incompatible");
    expect_error(TYPE_MEMORY_BACKEND_RAM,
                 "{\"size\": 4096, \"policy\": \"bind\"}", false,
                 "NUMA policies are not supported by this QEMU");
    expect_error(TYPE_MEMORY_BACKEND_RAM,
                 "{\"size\": 4096, \"policy\": \"nope\"}", false,
                 "Parameter 'policy' does not accept value 'nope'");
    expect_error(TYPE_MEMORY_BACKEND_RAM,
                 "{\"size\": 4096, \"host-nodes\": [0]}", false,
                 "NUMA node binding are not supported by this QEMU");
    expect_error(TYPE_MEMORY_BACKEND, "{\"size\": 4096}", false,
                 "object type 'memory-backend' is abstract");
}

static void test_ram_prealloc_and_freeze(void)
{
    Object *obj =
        add(TYPE_MEMORY_BACKEND_RAM, "m1",
            "{\"size\": 1048576, \"prealloc\": true, \"host-nodes\": []}",
            false, &error_abort);
    Error *err = NULL;

    g_assert_true(object_property_get_bool(obj, "prealloc", &error_abort));
    g_assert_false(object_property_set_uint(obj, "size", 2 * MiB, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot change property size of memory-backend-ram ");
    error_free(err);
    /* hints may change at any time */
    g_assert_true(object_property_set_bool(obj, "dump", false, &error_abort));
    g_assert_true(object_property_set_bool(obj, "merge", false, &error_abort));
    del("m1");
}

static void test_mapped_in_use(void)
{
    Object *obj = add(TYPE_MEMORY_BACKEND_RAM, "m2", "{\"size\": 4096}", false,
                      &error_abort);
    HostMemoryBackend *be = MEMORY_BACKEND(obj);
    Error *err = NULL;

    g_assert_true(host_memory_backend_find("m2", &error_abort) == be);
    g_assert_null(host_memory_backend_find("nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Memory backend 'nope' not found");
    g_clear_pointer(&err, error_free);

    host_memory_backend_set_mapped(be, true);
    g_assert_true(host_memory_backend_is_mapped(be));
    g_assert_false(user_creatable_del("m2", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "object 'm2' is in use, can not be deleted");
    g_clear_pointer(&err, error_free);
    host_memory_backend_set_mapped(be, false);
    del("m2");
}

static void test_memfd(void)
{
    Object *obj = add(TYPE_MEMORY_BACKEND_MEMFD, "mfd",
                      "{\"size\": \"2M\", \"seal\": \"on\"}", true,
                      &error_abort);
    HostMemoryBackend *be = MEMORY_BACKEND(obj);
    int fd = host_memory_backend_get_fd(be);
    uint8_t *p = memory_region_get_ram_ptr(host_memory_backend_get_memory(be));
    uint8_t *q;

    g_assert_true(object_property_get_bool(obj, "share", &error_abort));
    g_assert_cmpint(fd, >=, 0);
    /* sealed: the size cannot change */
    g_assert_cmpint(ftruncate(fd, 4 * MiB), <, 0);
    /* shared: a second mapping of the fd sees the guest's writes */
    q = mmap(NULL, 2 * MiB, PROT_READ, MAP_SHARED, fd, 0);
    g_assert_true(q != MAP_FAILED);
    p[4096] = 0xa5;
    g_assert_cmpint(q[4096], ==, 0xa5);
    munmap(q, 2 * MiB);
    del("mfd");

    expect_error(TYPE_MEMORY_BACKEND_MEMFD,
                 "{\"size\": \"2M\", \"hugetlbsize\": \"3M\"}", true,
                 "Hugepage size must be a power of 2");
}

static void test_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("hostmem-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "ram", NULL);
    g_autofree char *json = g_strdup_printf(
        "{\"size\": \"1M\", \"share\": \"on\", \"mem-path\": \"%s\"}", path);
    g_autofree char *json_ro = g_strdup_printf(
        "{\"size\": \"1M\", \"readonly\": \"on\", \"mem-path\": \"%s\"}", path);
    g_autofree char *contents = NULL;
    Object *obj;
    uint8_t *p;
    gsize len;

    obj = add(TYPE_MEMORY_BACKEND_FILE, "f0", json, true, &error_abort);
    p = memory_region_get_ram_ptr(
        host_memory_backend_get_memory(MEMORY_BACKEND(obj)));
    memcpy(p + 100, "hello", 5);
    del("f0");
    g_assert_true(g_file_get_contents(path, &contents, &len, NULL));
    g_assert_cmpuint(len, ==, 1 * MiB);
    g_assert_cmpmem(contents + 100, 5, "hello", 5);

    obj = add(TYPE_MEMORY_BACKEND_FILE, "f1", json_ro, true, &error_abort);
    g_assert_true(memory_region_is_rom(
        host_memory_backend_get_memory(MEMORY_BACKEND(obj))));
    del("f1");

    expect_error(TYPE_MEMORY_BACKEND_FILE, "{\"size\": \"1M\"}", true,
                 "Parameter 'mem-path' is missing");
    expect_error(
        TYPE_MEMORY_BACKEND_FILE,
        "{\"size\": \"1M\", \"mem-path\": \"/nonexistent/x\"}", true,
        "can't open backing store /nonexistent/x for guest RAM: No such file or directory");
    unlink(path);
    rmdir(dir);
}

static void check_secret(const char *id, const char *expect)
{
    g_autofree char *value = qcrypto_secret_lookup_as_utf8(id, &error_abort);

    g_assert_cmpstr(value, ==, expect);
}

static void test_secret_sources(void)
{
    g_autofree char *path = NULL;
    g_autofree char *json = NULL;
    g_autofree uint8_t *raw = NULL;
    int fd = g_file_open_tmp("secret-XXXXXX", &path, NULL);
    Object *obj;
    size_t len;

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, "s3cr\xc3\xa9t", 7), ==, 7);
    close(fd);

    add(TYPE_QCRYPTO_SECRET, "sec0", "{\"data\": \"letmein\"}", true,
        &error_abort);
    check_secret("sec0", "letmein");
    json = g_strdup_printf("{\"file\": \"%s\", \"format\": \"raw\"}", path);
    obj = add(TYPE_QCRYPTO_SECRET, "masterKey0", json, true, &error_abort);
    g_assert_true(object_property_get_bool(obj, "loaded", &error_abort));
    check_secret("masterKey0", "s3cr\xc3\xa9t");
    add(TYPE_QCRYPTO_SECRET, "sec64",
        "{\"data\": \"AAEC/w==\", \"format\": \"base64\"}", false,
        &error_abort);
    g_assert_true(qcrypto_secret_lookup("sec64", &raw, &len, &error_abort));
    g_assert_cmpmem(raw, len, "\x00\x01\x02\xff", 4);
    g_autofree char *b64 = qcrypto_secret_lookup_as_base64("sec64",
                                                           &error_abort);
    g_assert_cmpstr(b64, ==, "AAEC/w==");
    del("sec0");
    del("masterKey0");
    del("sec64");
    unlink(path);
}

static void expect_lookup_error(const char *id, const char *msg)
{
    Error *err = NULL;

    g_assert_null(qcrypto_secret_lookup_as_utf8(id, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_secret_errors(void)
{
    Error *err = NULL;
    Object *obj;

    expect_error(TYPE_QCRYPTO_SECRET, "{}", false,
                 "Either 'file' or 'data' must be provided");
    expect_error(TYPE_QCRYPTO_SECRET,
                 "{\"data\": \"a\", \"file\": \"/etc/hostname\"}", false,
                 "'file' and 'data' are mutually exclusive");
    expect_error(TYPE_QCRYPTO_SECRET,
                 "{\"data\": \"a!b\", \"format\": \"base64\"}", false,
                 "Base64 data contains invalid characters");
    expect_error(TYPE_QCRYPTO_SECRET, "{\"format\": \"hex\"}", false,
                 "Parameter 'format' does not accept value 'hex'");
    expect_error(TYPE_QCRYPTO_SECRET, "{\"data\": \"a\", \"keyid\": \"nokey\"}",
                 false, "No secret with id 'nokey'");

    obj = add(TYPE_QCRYPTO_SECRET, "key", "{\"data\": \"k\"}", false,
              &error_abort);
    expect_error(
        TYPE_QCRYPTO_SECRET,
        "{\"data\": \"a\", \"keyid\": \"key\", \"iv\": \"x\"}", false,
        "Secret 'key' is encrypted with 'keyid', but decryption of secrets is not supported");
    g_assert_false(object_property_set_str(obj, "data", "x", &err));
    g_assert_nonnull(err);
    g_clear_pointer(&err, error_free);

    add(TYPE_QCRYPTO_SECRET, "bin",
        "{\"data\": \"/w==\", \"format\": \"base64\"}", false, &error_abort);
    expect_lookup_error("bin", "Data from secret bin is not valid UTF-8");
    expect_lookup_error("nope", "No secret with id 'nope'");
    add(TYPE_MEMORY_BACKEND_RAM, "notsecret", "{\"size\": 4096}", false,
        &error_abort);
    expect_lookup_error("notsecret",
                        "Object with id 'notsecret' is not a secret");
    del("key");
    del("bin");
    del("notsecret");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    memory_system_init();
    g_test_add_func("/hostmem/ram/keyval", test_ram_keyval);
    g_test_add_func("/hostmem/ram/json", test_ram_json);
    g_test_add_func("/hostmem/ram/errors", test_ram_errors);
    g_test_add_func("/hostmem/ram/prealloc-freeze",
                    test_ram_prealloc_and_freeze);
    g_test_add_func("/hostmem/mapped-in-use", test_mapped_in_use);
    g_test_add_func("/hostmem/memfd", test_memfd);
    g_test_add_func("/hostmem/file", test_file);
    g_test_add_func("/secret/sources", test_secret_sources);
    g_test_add_func("/secret/errors", test_secret_errors);
    return g_test_run();
}
