/*
 * The 3390 engine test fixture: a 3390-1 image in a temporary directory,
 * the engine on it, and builders of translated programs (CCWs whose
 * entries hold host addresses). Used by test-dasd-3390.c and
 * test-dasd-sync.c.
 */
#ifndef TEST_DASD_FIXTURE_H
#define TEST_DASD_FIXTURE_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sim/dasd-3390.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcomment"
#include "hw/s390x/ioinst.h"
#pragma GCC diagnostic pop

typedef struct Fixture {
    char *dir;
    char *path;
    CkdImage *img;
    Dasd3390 dev;
    uint8_t prog[CCW_PROG_SIZE];
    uint8_t orb[12];
    SimDasdResult res;
    CkdCache cache; /* for fx_open */
} Fixture;

/*
 * cache=unsafe unless a test asks for another mode: these tests are not
 * about durability (test-dasd-sync.c is), and syncing every fresh image
 * only costs time.
 */
static inline void fx_open(Fixture *f, bool readonly)
{
    CkdOpenOpts o = { .readonly = readonly, .cache = f->cache };

    f->img = ckd_image_open_opts(f->path, &o, &error_abort);
    dasd3390_init(&f->dev, f->img, ckd_model_find("3390-1"), 0x1234);
}

static inline void fx_create(Fixture *f, uint32_t cyls, bool readonly,
                             CkdCache cache)
{
    f->dir = g_dir_make_tmp("test-dasd-XXXXXX", NULL);
    f->path = g_build_filename(f->dir, "d.img", NULL);
    g_assert_true(ckd_image_create(f->path, cyls, "VOL001", &error_abort));
    f->cache = cache;
    fx_open(f, readonly);
    memset(f->orb, 0, sizeof(f->orb));
    f->orb[5] = ORB_CTRL0_FMT | ORB_CTRL0_C64;
}

/* A 3390-1, read-only when @data is not NULL */
static inline void fx_setup(Fixture *f, gconstpointer data)
{
    fx_create(f, 1113, data != NULL, CKD_CACHE_UNSAFE);
}

static inline void fx_close(Fixture *f)
{
    dasd3390_cleanup(&f->dev);
    ckd_image_close(f->img);
}

static inline void fx_teardown(Fixture *f, gconstpointer data)
{
    fx_close(f);
    unlink(f->path);
    rmdir(f->dir);
    g_free(f->path);
    g_free(f->dir);
}

/* CCW @i with its entry pointing at @data */
static inline void ccw(Fixture *f, int i, uint8_t cmd, uint8_t flags,
                       uint16_t count, void *data)
{
    uint8_t *c = f->prog + i * 8;
    uint64_t addr = (uintptr_t)data;
    uint32_t cda = data ? CCW_PROG_ENTRY_AREA + i * 8 : 0;

    c[0] = cmd;
    c[1] = flags;
    stw_be_p(c + 2, count);
    stl_be_p(c + 4, cda);
    memcpy(f->prog + CCW_PROG_ENTRY_AREA + i * 8, &addr, 8);
}

static inline void run(Fixture *f)
{
    dasd3390_execute(&f->dev, f->orb, f->prog, &f->res);
}

static inline void assert_ok(Fixture *f, uint32_t cpa, uint16_t residual)
{
    g_assert_cmphex(f->res.dstat, ==, SCSW_DSTAT_CE | SCSW_DSTAT_DE);
    g_assert_cmphex(f->res.cstat, ==, 0);
    g_assert_cmpuint(f->res.cpa, ==, cpa);
    g_assert_cmpuint(f->res.count, ==, residual);
}

static inline void assert_uc(Fixture *f, uint8_t s0, uint8_t s1, uint32_t cpa)
{
    g_assert_cmphex(f->res.dstat, ==,
                    SCSW_DSTAT_CE | SCSW_DSTAT_DE | SCSW_DSTAT_UC);
    g_assert_true(f->res.sense_valid);
    g_assert_cmphex(f->res.sense[0], ==, s0);
    g_assert_cmphex(f->res.sense[1], ==, s1);
    /* 24-byte compatible sense, as Linux's 3990 ERP expects it */
    g_assert_cmphex(f->res.sense[27], ==, DASD_SENSE27_24BYTE);
    g_assert_cmpuint(f->res.cpa, ==, cpa);
}

static inline void define_extent(Fixture *f, int i, uint8_t *de, uint8_t mask,
                                 uint16_t bc, uint16_t bh, uint16_t ec,
                                 uint16_t eh)
{
    memset(de, 0, 16);
    de[0] = mask;
    de[1] = 0xc0;
    stw_be_p(de + 8, bc);
    stw_be_p(de + 10, bh);
    stw_be_p(de + 12, ec);
    stw_be_p(de + 14, eh);
    ccw(f, i, 0x63, CCW_FLAG_CC, 16, de);
}

static inline void locate(Fixture *f, int i, uint8_t *lr, uint8_t op, uint8_t n,
                          uint16_t cc, uint16_t hh, uint8_t r)
{
    memset(lr, 0, 16);
    lr[0] = op;
    lr[3] = n;
    stw_be_p(lr + 4, cc);
    stw_be_p(lr + 6, hh);
    stw_be_p(lr + 8, cc);
    stw_be_p(lr + 10, hh);
    lr[12] = r;
    ccw(f, i, 0x47, CCW_FLAG_CC, 16, lr);
}

#endif
