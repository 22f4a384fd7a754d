/*
 * sim-dasd-3390 as a user configures it: image locking between two
 * emulators and between two objects of one emulator, and the refusals
 * of bad properties. Rules: docs/system/s390x/sim-dasd.rst.
 */
#include <glib.h>
#include <string.h>
#include <unistd.h>

#include "cmdline-test.h"

typedef struct Img {
    char *dir;
    char *path;
} Img;

static void img_init(Img *img)
{
    img->dir = g_dir_make_tmp("sim-dasd-test-XXXXXX", NULL);
    g_assert_nonnull(img->dir);
    img->path = g_build_filename(img->dir, "d.img", NULL);
}

static void img_cleanup(Img *img)
{
    g_autofree char *two = g_strdup_printf("%s.2", img->path);

    unlink(two);
    unlink(img->path);
    rmdir(img->dir);
    g_free(img->path);
    g_free(img->dir);
}

/* An emulator with the DASD d0 at 0.0.1234 on @img with @props */
static QTestState *start_with(const Img *img, const char *props)
{
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1%s",
        img->path, props);

    return qtest_init(args);
}

/* ---- locking ---- */

static void test_lock_two_processes(void)
{
    Img img;
    QTestState *s;
    g_autofree char *rw = NULL, *ro = NULL, *on = NULL, *off = NULL;
    g_autofree char *want_rw = NULL, *want_ro = NULL;

    img_init(&img);
    s = start_with(&img, "");
    rw = g_strdup_printf("-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s",
                         img.path);
    ro = g_strdup_printf("%s,readonly=on", rw);
    want_rw = g_strdup_printf(
        "sim-dasd-3390 0.0.1234: Failed to get \"write\" lock\nIs another process using the image [%s]?\n",
        img.path);
    want_ro = g_strdup_printf(
        "sim-dasd-3390 0.0.1234: Failed to get shared \"write\" lock\nIs another process using the "
        "image [%s]?\n",
        img.path);
    expect_start_error(rw, want_rw);
    expect_start_error(ro, want_ro);
    on = g_strdup_printf("%s,locking=on", rw);
    expect_start_error(on, want_rw);
    qtest_quit(s);

    /* the lock went with the process: a reader, then readers share */
    s = start_with(&img, ",readonly=on");
    expect_start_error(rw, want_rw);
    qtest_quit(s);
    s = start_with(&img, ",readonly=on,locking=on");
    qtest_quit(s);

    /* locking=off neither takes nor honours the lock */
    s = start_with(&img, "");
    off = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -object sim-dasd-3390,id=d0,busid=0.0.1234,"
        "file=%s,locking=off",
        img.path);
    qtest_quit(qtest_init(off));
    qtest_quit(s);
    img_cleanup(&img);
}

static void test_lock_two_objects(void)
{
    Img img;
    QTestState *s;
    g_autofree char *add = NULL, *add_off = NULL;
    JsonObject *rsp;

    img_init(&img);
    s = start_with(&img, "");
    add = g_strdup_printf(
        "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": \"sim-dasd-3390\", \"id\": \"d1\", "
        "\"busid\": \"0.0.1235\", \"file\": \"%s\"}}",
        img.path);
    expect_qmp_error(s, add, "Failed to get \\\"write\\\" lock");
    /* the refused object is not there; after object-del d0 it works */
    qtest_qmp_assert_success(
        s, "{'execute': 'object-del', 'arguments': {'id': 'd0'}}");
    rsp = qtest_qmp_raw(s, add);
    g_assert_false(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    add_off = g_strdup_printf(
        "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": \"sim-dasd-3390\", \"id\": "
        "\"d2\", \"busid\": \"0.0.1236\", \"file\": \"%s\", \"locking\": \"bogus\"}}",
        img.path);
    expect_qmp_error(s, add_off, "bogus");
    qtest_quit(s);
    img_cleanup(&img);
}

/* ---- cssid and busid ---- */

static void expect_obj_error(const Img *img, const char *props,
                             const char *text)
{
    g_autofree char *objs =
        g_strdup_printf("-object sim-dasd-3390,id=d0,file=%s,model=3390-1,%s",
                        img->path, props);

    expect_start_error(objs, text);
}

static void test_cssid(void)
{
    Img img;
    QTestState *s;
    g_autoptr(JsonNode) v = NULL;
    g_autofree char *args = NULL;

    img_init(&img);
    /* 255 is a value like 4..254, not "unset" */
    expect_obj_error(&img, "busid=0.0.1234,cssid=255",
                     "sim-dasd-3390: cssid 255 is out of range 0..3\n");
    expect_obj_error(&img, "busid=0.0.1234,cssid=4",
                     "sim-dasd-3390: cssid 4 is out of range 0..3\n");
    expect_obj_error(&img, "busid=0.0.1234,cssid=256",
                     "Parameter 'cssid' expects uint8_t");
    expect_obj_error(
        &img, "busid=4.0.1234",
        "sim-dasd-3390: cssid 4 is out of range 0..3 (the first field of busid)");
    /* unset: the first field of busid; given: as given */
    args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -object sim-dasd-3390,id=d0,busid=2.0.1234,"
        "file=%s,model=3390-1",
        img.path);
    s = qtest_init(args);
    v = qtest_qom_get(s, "/objects/d0", "cssid");
    g_assert_cmpint(json_node_get_int(v), ==, 2);
    expect_qmp_error(
        s,
        "{\"execute\": \"qom-set\", \"arguments\": {\"path\": \"/objects/d0\", \"property\": "
        "\"cssid\", \"value\": 1}}",
        "properties cannot be changed after creation");
    qtest_quit(s);
    s = start_with(&img, ",cssid=3");
    g_clear_pointer(&v, json_node_unref);
    v = qtest_qom_get(s, "/objects/d0", "cssid");
    g_assert_cmpint(json_node_get_int(v), ==, 3);
    qtest_quit(s);
    img_cleanup(&img);
}

static void test_busid(void)
{
    Img img;
    g_autofree char *two = NULL;

    img_init(&img);
    expect_obj_error(
        &img, "busid=0.0.123",
        "sim-dasd-3390: busid '0.0.123' is not of the form 0.0.1234\n");
    expect_obj_error(&img, "busid=0x0.0.1234", "is not of the form 0.0.1234");
    expect_obj_error(&img, "busid=0.0.1234x", "is not of the form 0.0.1234");
    expect_obj_error(
        &img, "busid=ff.0.1234",
        "sim-dasd-3390: busid 'ff.0.1234': Invalid cssid or ssid: cssid ff, ssid 0\n");
    expect_obj_error(&img, "busid=0.4.1234",
                     "Invalid cssid or ssid: cssid 0, ssid 4");
    /* one device id however it is spelt */
    two = g_strdup_printf(
        "-object sim-dasd-3390,id=d0,busid=0.0.12ab,file=%s,model=3390-1 "
        "-object sim-dasd-3390,id=d1,busid=00.0.12AB,file=%s.2,model=3390-1",
        img.path, img.path);
    expect_start_error(two,
                       "sim-dasd-3390: busid 00.0.12AB is already in use\n");
    img_cleanup(&img);
}

/* ---- cache ---- */

static void test_cache(void)
{
    Img img;
    QTestState *s;
    g_autoptr(JsonNode) v = NULL;

    img_init(&img);
    expect_obj_error(
        &img, "busid=0.0.1234,cache=none",
        "sim-dasd-3390: cache=none (O_DIRECT) is not supported; use writethrough, writeback or unsafe\n");
    expect_obj_error(&img, "busid=0.0.1234,cache=directsync",
                     "cache=directsync (O_DIRECT) is not supported");
    expect_obj_error(
        &img, "busid=0.0.1234,cache=fast",
        "sim-dasd-3390: invalid cache option 'fast' (writethrough, writeback or unsafe)\n");
    s = start_with(&img, "");
    v = qtest_qom_get(s, "/objects/d0", "cache");
    g_assert_cmpstr(json_node_get_string(v), ==, "writethrough");
    qtest_quit(s);
    for (int i = 0; i < 3; i++) {
        static const char *const modes[] = { "writethrough", "writeback",
                                             "unsafe" };
        g_autofree char *props = g_strdup_printf(",cache=%s", modes[i]);

        s = start_with(&img, props);
        g_clear_pointer(&v, json_node_unref);
        v = qtest_qom_get(s, "/objects/d0", "cache");
        g_assert_cmpstr(json_node_get_string(v), ==, modes[i]);
        qtest_quit(s);
    }
    img_cleanup(&img);
}

static void test_help(void)
{
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    int status = 0;

    out = qtest_run_cmdline("-object sim-dasd-3390,help", &status, &err);
    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(out, "locking=<OnOffAuto>"));
    g_assert_nonnull(strstr(out, "cssid=<uint8>"));
    g_assert_nonnull(strstr(out, "cache=<string>"));
    g_assert_nonnull(strstr(out, "mdev=<string>"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sim-dasd/lock/two-processes", test_lock_two_processes);
    g_test_add_func("/sim-dasd/lock/two-objects", test_lock_two_objects);
    g_test_add_func("/sim-dasd/cssid", test_cssid);
    g_test_add_func("/sim-dasd/busid", test_busid);
    g_test_add_func("/sim-dasd/cache", test_cache);
    g_test_add_func("/sim-dasd/help", test_help);
    return g_test_run();
}
