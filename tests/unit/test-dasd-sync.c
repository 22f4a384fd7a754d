/*
 * cache= of the 3390 engine's image: when the writes of a channel program
 * are synced (dasd3390_sync), and what a failed sync looks like to the
 * guest. Rules: docs/system/s390x/sim-dasd.rst, "Durability".
 */
#include "test-dasd-fixture.h"

#include <fcntl.h>

/* Format R1 on track 2/3 with 4096 bytes of @fill */
static void write_r1(Fixture *f, uint8_t fill)
{
    static uint8_t de[16], lr[16];
    static uint8_t rec[8 + 4096] = { 0, 2, 0, 3, 1, 0, 0x10, 0x00 };

    memset(rec + 8, fill, 4096);
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0xc0, 2, 0, 2, 14);
    locate(f, 1, lr, 0x03, 1, 2, 3, 0);
    ccw(f, 2, 0x1d, 0, sizeof(rec), rec);
    run(f);
}

static void reopen_cache(Fixture *f, CkdCache cache)
{
    CkdOpenOpts o = { .cache = cache };

    fx_close(f);
    f->img = ckd_image_open_opts(f->path, &o, &error_abort);
    dasd3390_init(&f->dev, f->img, ckd_model_find("3390-1"), 0x1234);
}

/* cache=: when a program's writes are synced, and a failed sync */
static void test_sync(Fixture *f, gconstpointer data)
{
    uint8_t id[12], sense[32];
    int null_fd;

    /* writethrough (the default): one sync per program that wrote */
    ccw(f, 0, 0xe4, 0, sizeof(id), id);
    run(f);
    g_assert_true(dasd3390_sync(&f->dev, &f->res));
    g_assert_cmpuint(f->img->syncs, ==, 0);
    write_r1(f, 0x11);
    assert_ok(f, 24, 0);
    g_assert_true(f->img->dirty);
    g_assert_true(dasd3390_sync(&f->dev, &f->res));
    assert_ok(f, 24, 0);
    g_assert_cmpuint(f->img->syncs, ==, 1);
    g_assert_false(f->img->dirty);
    g_assert_true(dasd3390_sync(&f->dev, &f->res));
    g_assert_cmpuint(f->img->syncs, ==, 1);

    /* a sync that fails (fdatasync on /dev/null: EINVAL): equipment check */
    write_r1(f, 0x22);
    assert_ok(f, 24, 0);
    null_fd = open("/dev/null", O_RDWR);
    g_assert_cmpint(dup2(null_fd, f->img->fd), ==, f->img->fd);
    close(null_fd);
    g_assert_false(dasd3390_sync(&f->dev, &f->res));
    assert_uc(f, DASD_SENSE0_EQUIPMENT_CHECK, 0, 24);
    memset(f->prog, 0, sizeof(f->prog));
    ccw(f, 0, 0x04, 0, sizeof(sense), sense);
    run(f);
    g_assert_cmphex(sense[0], ==, DASD_SENSE0_EQUIPMENT_CHECK);

    /* writeback: only when the image is closed */
    reopen_cache(f, CKD_CACHE_WRITEBACK);
    write_r1(f, 0x33);
    g_assert_true(dasd3390_sync(&f->dev, &f->res));
    g_assert_cmpuint(f->img->syncs, ==, 0);
    g_assert_true(ckd_image_sync(f->img, true, &error_abort));
    g_assert_cmpuint(f->img->syncs, ==, 1);

    /* unsafe: never, but the data is written all the same */
    reopen_cache(f, CKD_CACHE_UNSAFE);
    write_r1(f, 0x44);
    g_assert_true(dasd3390_sync(&f->dev, &f->res));
    g_assert_true(ckd_image_sync(f->img, true, &error_abort));
    g_assert_cmpuint(f->img->syncs, ==, 0);
    reopen_cache(f, CKD_CACHE_UNSAFE);
    memset(f->prog, 0, sizeof(f->prog));
    {
        static uint8_t de[16], lr[16], out[4096];

        define_extent(f, 0, de, 0x40, 2, 0, 2, 14);
        locate(f, 1, lr, 0x06, 1, 2, 3, 1);
        ccw(f, 2, 0x06, 0, sizeof(out), out);
        run(f);
        assert_ok(f, 24, 0);
        g_assert_cmphex(out[0], ==, 0x44);
        g_assert_cmphex(out[4095], ==, 0x44);
    }
}

/* A small volume (its first sync is cheap) with the default cache mode */
static void sync_setup(Fixture *f, gconstpointer data)
{
    fx_create(f, 3, false, CKD_CACHE_WRITETHROUGH);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add("/dasd-sync/modes", Fixture, NULL, sync_setup, test_sync,
               fx_teardown);
    return g_test_run();
}
