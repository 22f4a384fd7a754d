/*
 * Hostile guest: random I/O instructions with random operands, random
 * channel programs and ORBs, random CHSC blocks, against a machine with a
 * vfio-ccw pass-through (simulated 3390) and a ccw-testdev. Every
 * instruction must end in an architected result (a condition code or a
 * program-interruption code, "OK ..."), the emulator must survive, and
 * afterwards the devices still work. Deterministic: fixed seeds.
 * (Runs under ASan+UBSan in make check.)
 */
#include <inttypes.h>

#include "css-test.h"

#define GUEST_RAM   (16u << 20)
#define SCRATCH_END 0x20000u
#define ITERATIONS  1500

static uint64_t rnd_addr(GRand *r)
{
    switch (g_rand_int_range(r, 0, 10)) {
    case 0:
        return GUEST_RAM - g_rand_int_range(r, 0, 4096);
    case 1:
        return (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
    case 2:
        return g_rand_int(r);
    default:
        return g_rand_int_range(r, 0, SCRATCH_END) & ~(g_rand_int(r) & 7);
    }
}

static uint32_t rnd_sid(GRand *r)
{
    return g_rand_int_range(r, 0, 4) ? SID(g_rand_int_range(r, 0, 3))
                                     : g_rand_int(r);
}

/* A CCW that is plausible often enough to reach the devices */
static void scribble_ccw(QTestState *s, GRand *r)
{
    static const uint8_t cmds[] = {
        0x03, 0x04, 0xe4, 0x63, 0x47, 0x06, 0x05, 0x1d, 0x1e,
        0x08, 0x12, 0x16, 0x1a, 0x31, 0x64, 0xfa, 0x00, 0xff,
    };
    uint32_t addr = g_rand_int_range(r, 0, SCRATCH_END - 8) & ~7u;
    uint64_t ccw = (uint64_t)cmds[g_rand_int_range(r, 0, sizeof(cmds))] << 56 |
                   (uint64_t)(g_rand_int(r) & 0xff) << 48 |
                   (uint64_t)(g_rand_int(r) & 0xffff) << 32 |
                   (g_rand_int_range(r, 0, SCRATCH_END) |
                    (g_rand_boolean(r) ? 0 : 0x80000000u));

    qtest_writeq(s, addr, ccw);
}

static void random_ssch(QTestState *s, GRand *r)
{
    static const uint16_t ctrl0[] = { 0x0080, 0x0080, 0x0082, 0x0082, 0x0083,
                                      0x0880, 0x0000, 0x0084, 0xffff };

    qtest_writel(s, ORB_ADDR, 0x12345678);
    qtest_writew(s, ORB_ADDR + 4,
                 ctrl0[g_rand_int_range(r, 0, G_N_ELEMENTS(ctrl0))]);
    qtest_writeb(s, ORB_ADDR + 6, 0xff);
    qtest_writeb(s, ORB_ADDR + 7,
                 g_rand_int_range(r, 0, 4) ? 0 : g_rand_int(r));
    qtest_writel(s, ORB_ADDR + 8, g_rand_int_range(r, 0, SCRATCH_END));
    inst(s, "s390_ssch 0x%x 0x%x", rnd_sid(r), ORB_ADDR);
}

static void random_msch(QTestState *s, GRand *r)
{
    uint32_t sid = rnd_sid(r);

    inst(s, "s390_stsch 0x%x 0x%x", sid, SCHIB_ADDR);
    qtest_writew(s, SCHIB_ADDR + 4,
                 g_rand_boolean(r) ? 0x1881 : g_rand_int(r) & 0xffff);
    qtest_writel(s, SCHIB_ADDR + 24, g_rand_boolean(r) ? 1 : g_rand_int(r));
    inst(s, "s390_msch 0x%x 0x%x", sid, SCHIB_ADDR);
}

static void random_chsc(QTestState *s, GRand *r)
{
    static const uint16_t codes[] = { 0x0004, 0x000e, 0x0010,
                                      0x0031, 0x0000, 0xffff };
    uint32_t addr = g_rand_int_range(r, 0, SCRATCH_END) & ~0xfffu;
    uint16_t len = g_rand_boolean(r) ? 0x10 : g_rand_int(r);

    qtest_writel(s, addr,
                 (uint32_t)len << 16 |
                     codes[g_rand_int_range(r, 0, G_N_ELEMENTS(codes))]);
    qtest_writeq(s, addr + 4, (uint64_t)g_rand_int(r) << 32 | g_rand_int(r));
    inst(s, "s390_chsc 0x%" PRIx64, g_rand_boolean(r) ? addr : rnd_addr(r));
}

static void random_step(QTestState *s, GRand *r)
{
    static const char *const with_addr[] = {
        "stsch",
        "tsch",
        "tpi",
        "stcrw",
    };
    static const char *const no_addr[] = { "hsch", "csch", "rsch", "xsch" };

    switch (g_rand_int_range(r, 0, 9)) {
    case 0:
    case 1:
        random_ssch(s, r);
        break;
    case 2:
        random_msch(s, r);
        break;
    case 3:
        random_chsc(s, r);
        break;
    case 4:
        g_free(cmd(s, "s390_io_intr"));
        break;
    case 5:
        inst(s, "s390_%s 0x%x", no_addr[g_rand_int_range(r, 0, 4)], rnd_sid(r));
        break;
    case 6:
        inst(s, "s390_tpi 0x%" PRIx64, rnd_addr(r));
        break;
    default: {
        const char *op = with_addr[g_rand_int_range(r, 0, 4)];

        if (!strcmp(op, "tpi") || !strcmp(op, "stcrw")) {
            inst(s, "s390_%s 0x%" PRIx64, op, rnd_addr(r));
        } else {
            inst(s, "s390_%s 0x%x 0x%" PRIx64, op, rnd_sid(r), rnd_addr(r));
        }
    }
    }
}

/* After the storm: find the pass-through device and run SENSE ID on it */
static void assert_still_works(QTestState *s)
{
    for (unsigned n = 0; n < 3; n++) {
        inst(s, "s390_csch 0x%x", SID(n)); /* whatever the storm left */
        while (inst(s, "s390_tsch 0x%x 0x%x", SID(n), IRB_ADDR) == 0) {
        }
        g_assert_cmpint(inst(s, "s390_stsch 0x%x 0x%x", SID(n), SCHIB_ADDR), ==,
                        0);
        if (qtest_readw(s, SCHIB_ADDR + 6) != 0x1234) {
            continue;
        }
        qtest_writew(s, SCHIB_ADDR + 4, 0x1881);
        qtest_writel(s, SCHIB_ADDR + 24, 0);
        g_assert_cmpint(inst(s, "s390_msch 0x%x 0x%x", SID(n), SCHIB_ADDR), ==,
                        0);
        qtest_writeq(s, CCW_ADDR, 0xe4200007ull << 32 | DATA_ADDR);
        qtest_writel(s, ORB_ADDR, 1);
        qtest_writel(s, ORB_ADDR + 4, 0x0080ff00);
        qtest_writel(s, ORB_ADDR + 8, CCW_ADDR);
        qtest_writel(s, DATA_ADDR, 0);
        g_assert_cmpint(inst(s, "s390_ssch 0x%x 0x%x", SID(n), ORB_ADDR), ==,
                        0);
        for (int tries = 0; tries < 10000; tries++) {
            if (inst(s, "s390_tsch 0x%x 0x%x", SID(n), IRB_ADDR) == 0) {
                g_assert_cmphex(qtest_readl(s, DATA_ADDR), ==, 0xff3990c2);
                return;
            }
            g_usleep(100);
        }
        g_assert_not_reached();
    }
    g_assert_not_reached();
}

static void test_storm(gconstpointer data)
{
    guint32 seed = GPOINTER_TO_UINT(data);
    g_autofree char *dir = g_dir_make_tmp("css-stress-XXXXXX", NULL);
    g_autofree char *img = g_build_filename(dir, "d.img", NULL);
    g_autofree char *args = g_strdup_printf(
        "-machine s390-map-css=on -m 16M "
        "-object sim-dasd-3390,id=d0,busid=0.0.1234,file=%s,model=3390-1,cache=unsafe "
        "-device vfio-ccw,id=v0,hostid=0.0.1234 -device ccw-testdev,devno=fe.0.0042",
        img);
    QTestState *s = start(args);
    GRand *r = g_rand_new_with_seed(seed);

    g_free(cmd(s, "s390_cr6 0xff000000"));
    for (int i = 0; i < ITERATIONS; i++) {
        for (int k = g_rand_int_range(r, 0, 3); k > 0; k--) {
            scribble_ccw(s, r);
        }
        random_step(s, r);
    }
    assert_still_works(s);
    g_rand_free(r);
    qtest_quit(s);
    unlink(img);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    static const guint32 seeds[] = { 1, 42, 4711 };

    g_test_init(&argc, &argv, NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(seeds); i++) {
        g_autofree char *name = g_strdup_printf("/css-stress/seed-%u",
                                                seeds[i]);

        g_test_add_data_func(name, GUINT_TO_POINTER(seeds[i]), test_storm);
    }
    return g_test_run();
}
