/*
 * The 3990/3390 engine over hand-built translated programs: identification,
 * ECKD write/read round trips (bytes in the image file), classic CKD reads,
 * error statuses with their sense bytes, and hostile programs.
 */
#include "test-dasd-fixture.h"
#include "hw/sim/sim-dasd.h"
#include "qom/object_interfaces.h"

static void test_sense_id(Fixture *f, gconstpointer data)
{
    static const uint8_t want[12] = { 0xff, 0x39, 0x90, 0xc2, 0x33, 0x90,
                                      0x02, 0x00, 0x40, 0xfa, 0x01, 0x00 };
    uint8_t buf[256] = { 0 };

    ccw(f, 0, 0xe4, CCW_FLAG_SLI, sizeof(buf), buf);
    run(f);
    assert_ok(f, 8, 256 - 12);
    g_assert_cmpmem(buf, 12, want, 12);

    /* without SLI: incorrect length */
    ccw(f, 0, 0xe4, 0, sizeof(buf), buf);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_INCORR_LEN);
    g_assert_cmpuint(f->res.count, ==, 256 - 12);
}

static void test_rdc(Fixture *f, gconstpointer data)
{
    uint8_t buf[64];

    ccw(f, 0, 0x64, 0, sizeof(buf), buf);
    run(f);
    assert_ok(f, 8, 0);
    g_assert_cmphex(lduw_be_p(buf), ==, 0x3990);
    g_assert_cmphex(lduw_be_p(buf + 3), ==, 0x3390);
    g_assert_cmphex(buf[5], ==, 0x02);
    g_assert_cmpuint(lduw_be_p(buf + 12), ==, 1113);
    g_assert_cmpuint(lduw_be_p(buf + 14), ==, 15);
    g_assert_cmpuint(buf[16], ==, 224);
    g_assert_cmpuint(buf[17] << 16 | lduw_be_p(buf + 18), ==, 58786);
    g_assert_cmpuint(ldl_be_p(buf + 60), ==, 1113);
    /* no raw-track access (read track in LR), no XRC time stamps */
    g_assert_cmphex(buf[6] & 0x40, ==, 0);
    g_assert_cmphex(buf[8] & 0x40, ==, 0);
}

/* Format R1 (4096 bytes) on track 2/3, update it, read it back */
static void test_round_trip(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], count[8] = { 0, 2, 0, 3, 1, 0, 0x10, 0x00 };
    g_autofree uint8_t *rec = g_malloc0(8 + 4096);
    g_autofree uint8_t *in = g_malloc0(4096);
    g_autofree uint8_t *out = g_malloc0(4096);
    g_autofree gchar *file = NULL;
    gsize len;
    off_t t;

    memcpy(rec, count, 8);
    define_extent(f, 0, de, 0xc0, 2, 0, 2, 14);
    locate(f, 1, lr, 0x03, 1, 2, 3, 0);
    ccw(f, 2, 0x1d, 0, 8 + 4096, rec);
    run(f);
    assert_ok(f, 24, 0);

    for (int i = 0; i < 4096; i++) {
        in[i] = i * 7;
    }
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x00, 2, 0, 2, 14);
    locate(f, 1, lr, 0x01, 1, 2, 3, 1);
    ccw(f, 2, 0x05, 0, 4096, in);
    run(f);
    assert_ok(f, 24, 0);

    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 2, 0, 2, 14);
    locate(f, 1, lr, 0x06, 1, 2, 3, 1);
    ccw(f, 2, 0x06, 0, 4096, out);
    run(f);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(out, 4096, in, 4096);

    /* the bytes are in the file, after the count of R1 */
    g_assert_true(g_file_get_contents(f->path, &file, &len, NULL));
    t = 512 + (off_t)(2 * 15 + 3) * CKD_3390_SLOT;
    g_assert_cmpmem(file + t + 21, 8, count, 8);
    g_assert_cmpmem(file + t + 29, 4096, in, 4096);
    g_assert_cmpmem(file + t + 29 + 4096, 8, "\xff\xff\xff\xff\xff\xff\xff\xff",
                    8);

    /* a reopened image reads the same */
    fx_close(f);
    fx_open(f, true);
    memset(out, 0, 4096);
    run(f);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(out, 4096, in, 4096);
}

static void test_fresh_reads(Fixture *f, gconstpointer data)
{
    static const uint8_t seek0[6] = { 0, 0, 0, 0, 0, 1 };
    uint8_t seek[6], ha[5], r0[16], cnt[8];

    memcpy(seek, seek0, 6);
    ccw(f, 0, 0x07, CCW_FLAG_CC, 6, seek);
    ccw(f, 1, 0x1a, CCW_FLAG_CC, 5, ha);
    ccw(f, 2, 0x16, 0, 16, r0);
    run(f);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(ha, 5, "\0\0\0\0\1", 5);
    g_assert_cmpmem(r0, 16, "\0\0\0\1\0\0\0\x08\0\0\0\0\0\0\0\0", 16);

    /* track 0: Read Count skips R0 and finds R1 (IPL1) */
    seek[5] = 0;
    ccw(f, 1, 0x12, 0, 8, cnt);
    run(f);
    assert_ok(f, 16, 0);
    g_assert_cmpmem(cnt, 8, "\0\0\0\0\1\4\0\x18", 8);

    /* an empty track has no R1: no record found after two index passes */
    seek[5] = 1;
    run(f);
    assert_uc(f, 0, DASD_SENSE1_NO_RECORD, 16);
}

static void test_search_read(Fixture *f, gconstpointer data)
{
    uint8_t seek[6] = { 0 }, id[5] = { 0, 0, 0, 0, 3 }, lab[80];

    /* Seek, Search ID Equal R3, TIC back, Read Data: the VOL1 label */
    ccw(f, 0, 0x07, CCW_FLAG_CC, 6, seek);
    ccw(f, 1, 0x31, CCW_FLAG_CC, 5, id);
    ccw(f, 2, CCW_CMD_TIC, 0, 0, NULL);
    stl_be_p(f->prog + 2 * 8 + 4, 8);
    ccw(f, 3, 0x06, 0, 80, lab);
    run(f);
    assert_ok(f, 32, 0);
    g_assert_cmpmem(lab, 4, "\xe5\xd6\xd3\xf1", 4);

    /* R9 does not exist: the search loop ends with no record found */
    id[4] = 9;
    run(f);
    assert_uc(f, 0, DASD_SENSE1_NO_RECORD, 16);
}

static void test_file_protect(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], buf[8] = { 0 };

    /* write data under a mask that inhibits all writes */
    define_extent(f, 0, de, 0x40, 0, 0, 0, 14);
    locate(f, 1, lr, 0x01, 1, 0, 0, 0);
    ccw(f, 2, 0x05, 0, 8, buf);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 16);

    /* locate outside the extent */
    define_extent(f, 0, de, 0xc0, 0, 0, 0, 14);
    locate(f, 1, lr, 0x06, 1, 1, 0, 1);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 16);

    /* a Sense afterwards returns the same bytes and clears them */
    memset(f->prog, 0, sizeof(f->prog));
    {
        uint8_t sense[32];

        ccw(f, 0, 0x04, 0, 32, sense);
        run(f);
        assert_ok(f, 8, 0);
        g_assert_cmphex(sense[1], ==, DASD_SENSE1_FILE_PROTECTED);
        run(f);
        g_assert_cmphex(sense[1], ==, 0);
    }
}

static void test_readonly(Fixture *f, gconstpointer data)
{
    uint8_t de[16], lr[16], buf[8] = { 0 };

    define_extent(f, 0, de, 0xc0, 0, 0, 0, 14);
    locate(f, 1, lr, 0x01, 1, 0, 0, 0);
    ccw(f, 2, 0x05, 0, 8, buf);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED | DASD_SENSE1_WRITE_INHIBITED,
              16);
}

static void test_reject(Fixture *f, gconstpointer data)
{
    uint8_t lr[16], buf[8];

    ccw(f, 0, 0xf4, 0, 8, buf); /* unknown command */
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_CMD);

    locate(f, 0, lr, 0x06, 1, 0, 0, 1); /* locate without extent */
    run(f);
    assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 8);
    g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_SEQ);
}

/*
 * Each Locate Record operation allows only some orientations (the 3990's
 * table); a reserved combination is a command reject, invalid parameter,
 * and moves nothing. Count orientation goes with every operation.
 */
static void test_locate_orientation(Fixture *f, gconstpointer data)
{
    static const struct {
        uint8_t byte0;
        bool ok;
    } cases[] = {
        { 0x46, true },  /* home address: read data */
        { 0x56, true },  /* home address: read any */
        { 0x43, true },  /* home address: format write */
        { 0x41, false }, /* home address: write data */
        { 0x86, true },  /* data: read data */
        { 0x81, true },  /* data: write data */
        { 0x83, false }, /* data: format write */
        { 0xc3, true },  /* index: format write */
        { 0xd6, true },  /* index: read any */
        { 0xc6, false }, /* index: read data */
        { 0xc1, false }, /* index: write data */
    };
    uint8_t de[16], lr[16];

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        memset(f->prog, 0, sizeof(f->prog));
        define_extent(f, 0, de, 0xc0, 0, 0, 1112, 14);
        /* track 0: R1 exists for the count and data orientations */
        locate(f, 1, lr, cases[i].byte0, 1, 0, 0, 1);
        f->prog[8 + 1] &= ~CCW_FLAG_CC;
        run(f);
        if (cases[i].ok) {
            g_assert_cmphex(f->res.dstat, ==,
                            SCSW_DSTAT_CE | SCSW_DSTAT_DE | SCSW_DSTAT_UC);
            /* the domain is not used up: accepted, then incomplete */
            g_assert_cmphex(f->res.sense[0], ==,
                            DASD_SENSE0_CMD_REJECT |
                                DASD_SENSE0_INCOMPLETE_DOMAIN);
            g_assert_cmphex(f->res.sense[1], ==, 0);
        } else {
            assert_uc(f, DASD_SENSE0_CMD_REJECT, 0, 16);
            g_assert_cmphex(f->res.sense[7], ==, DASD_SENSE7_INVALID_PARAM);
        }
    }
}

/* Run f->prog in slices; how many it took */
static unsigned run_sliced(Fixture *f)
{
    Dasd3390Exec *e = dasd3390_exec_new(&f->dev, f->orb, f->prog);
    unsigned n = 1;

    while (!dasd3390_exec_slice(e, &f->res)) {
        n++;
    }
    dasd3390_exec_free(e);
    return n;
}

/*
 * A Read Data in a Locate Record domain over the whole volume walks track
 * after track to the next record: in slices of at most DASD_SLICE_TRACKS
 * track reads, with the result of one run in one go (the record at the
 * far end; file protected at the end of the extent).
 */
static void test_walk_in_slices(Fixture *f, gconstpointer data)
{
    const uint32_t last = 1113 * 15 - 1;
    uint8_t de[16], lr[16];
    uint8_t count[8] = { 1112 >> 8, 1112 & 0xff, 0, 14, 1, 0, 0x02, 0x00 };
    g_autofree uint8_t *rec = g_malloc0(8 + 512);
    g_autofree uint8_t *out = g_malloc0(512);
    SimDasdResult once;
    unsigned slices;

    /* R1 of 512 bytes on the last track only */
    memcpy(rec, count, 8);
    memset(rec + 8, 0x5c, 512);
    define_extent(f, 0, de, 0xc0, 1112, 14, 1112, 14);
    locate(f, 1, lr, 0x03, 1, 1112, 14, 0);
    ccw(f, 2, 0x1d, 0, 8 + 512, rec);
    run(f);
    assert_ok(f, 24, 0);

    /* from track 1, oriented to its home address, to the next record */
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 1, 1112, 14);
    locate(f, 1, lr, 0x46, 1, 0, 1, 0);
    ccw(f, 2, 0x06, 0, 512, out);
    slices = run_sliced(f);
    g_test_message("%u slices for %u tracks", slices, last);
    g_assert_cmpuint(slices, >=, (last - 1) / DASD_SLICE_TRACKS);
    assert_ok(f, 24, 0);
    g_assert_cmpmem(out, 512, rec + 8, 512);
    once = f->res;
    memset(out, 0, 512);
    run(f);
    g_assert_cmpmem(&f->res, sizeof(f->res), &once, sizeof(once));
    g_assert_cmpmem(out, 512, rec + 8, 512);

    /* past it, nothing more: file protected at the end of the extent */
    memset(f->prog, 0, sizeof(f->prog));
    define_extent(f, 0, de, 0x40, 0, 1, 1112, 13);
    locate(f, 1, lr, 0x46, 1, 0, 1, 0);
    ccw(f, 2, 0x06, 0, 512, out);
    g_assert_cmpuint(run_sliced(f), >=, (last - 2) / DASD_SLICE_TRACKS);
    assert_uc(f, 0, DASD_SENSE1_FILE_PROTECTED, 24);
    once = f->res;
    run(f);
    g_assert_cmpmem(&f->res, sizeof(f->res), &once, sizeof(once));
}

static void test_end_of_cylinder(Fixture *f, gconstpointer data)
{
    uint8_t seek[6] = { 0, 0, 0, 0, 0, 14 }, cnt[8];

    /* Read Count multi-track from the last head of an empty cylinder */
    ccw(f, 0, 0x07, CCW_FLAG_CC, 6, seek);
    ccw(f, 1, 0x92, 0, 8, cnt);
    run(f);
    assert_uc(f, 0, DASD_SENSE1_END_OF_CYL, 16);
}

static void test_hostile(Fixture *f, gconstpointer data)
{
    g_autofree uint8_t *big = g_malloc0(64 * KiB);
    uint8_t buf[16];

    /* data address outside the entry area */
    ccw(f, 0, 0xe4, 0, 12, buf);
    stl_be_p(f->prog + 4, 8);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);
    g_assert_cmpuint(f->res.cpa, ==, 8);

    /* entry holding a null address */
    ccw(f, 0, 0xe4, 0, 12, NULL);
    stl_be_p(f->prog + 4, CCW_PROG_ENTRY_AREA);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);

    /* TIC to TIC, TIC out of the CCW area */
    memset(f->prog, 0, sizeof(f->prog));
    ccw(f, 0, CCW_CMD_TIC, 0, 0, NULL);
    stl_be_p(f->prog + 4, 8);
    ccw(f, 1, CCW_CMD_TIC, 0, 0, NULL);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);
    stl_be_p(f->prog + 4, 4096);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);

    /* an endless NOOP loop is cut off */
    ccw(f, 0, CCW_CMD_NOOP, CCW_FLAG_CC, 0, NULL);
    ccw(f, 1, CCW_CMD_TIC, 0, 0, NULL);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);

    /* command chaining off the end of the CCW area */
    for (int i = 0; i < CCW_PROG_MAX_CCWS; i++) {
        ccw(f, i, CCW_CMD_NOOP, CCW_FLAG_CC, 0, NULL);
    }
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);

    /* random programs never crash (data areas of 64 KiB) */
    for (int n = 0; n < 2000; n++) {
        for (int i = 0; i < 2048; i++) {
            f->prog[i] = g_random_int();
        }
        for (int i = 0; i < 256; i++) {
            uint64_t a = (uintptr_t)big;

            memcpy(f->prog + 2048 + i * 8, &a, 8);
            f->prog[i * 8 + 1] &= ~CCW_FLAG_IDA;
            f->prog[i * 8 + 2] = 0;
            f->prog[i * 8 + 3] &= 15;
        }
        run(f);
    }
}

/*
 * The translator's "no data" CCWs (a NOOP with a count, SKIP on input:
 * address 0) and a TIC inside a data chain run as the architecture says.
 */
static void test_no_data_and_dc_tic(Fixture *f, gconstpointer data)
{
    uint8_t id[12] = { 0 }, a[4], b[8];

    /* NOOP with a non-zero count: no data, no program check */
    ccw(f, 0, CCW_CMD_NOOP, 0, 16, NULL);
    run(f);
    assert_ok(f, 8, 0);

    /* Sense ID with SKIP: nothing stored, the chain goes on */
    ccw(f, 0, 0xe4, CCW_FLAG_SKIP | CCW_FLAG_CC, 12, NULL);
    ccw(f, 1, 0xe4, 0, 12, id);
    run(f);
    assert_ok(f, 16, 0);
    g_assert_cmphex(id[0], ==, 0xff);

    /* Sense ID data-chained through a TIC: 4 bytes, then 8 at the target */
    memset(f->prog, 0, sizeof(f->prog));
    ccw(f, 0, 0xe4, CCW_FLAG_DC, 4, a);
    ccw(f, 1, CCW_CMD_TIC, 0, 0, NULL);
    stl_be_p(f->prog + 8 + 4, 3 * 8);
    ccw(f, 3, 0xe4, 0, 8, b);
    run(f);
    assert_ok(f, 32, 0);
    g_assert_cmphex(a[0], ==, 0xff);
    g_assert_cmphex(b[0], ==, 0x33);

    /* ... but not to a TIC */
    ccw(f, 3, CCW_CMD_TIC, 0, 0, NULL);
    run(f);
    g_assert_cmphex(f->res.cstat, ==, SCSW_CSTAT_PROG_CHECK);
}

static void done_cb(void *opaque, const SimDasdCompletion *c)
{
    SimDasdCompletion *out = opaque;

    *out = *c;
    out->res.sense[31] = 1; /* marks "called" */
}

static void test_object(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-simdasd-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "o.img", NULL);
    Object *obj = object_new(TYPE_SIM_DASD_3390);
    uint8_t prog[CCW_PROG_SIZE] = { 0 }, orb[12] = { 0 }, id[12];
    uint64_t a = (uintptr_t)id;
    SimDasdCompletion c = { 0 };
    SimDasd *d;

    object_property_set_str(obj, "busid", "0.0.1234", &error_abort);
    object_property_set_str(obj, "file", path, &error_abort);
    object_property_set_str(obj, "model", "3390-1", &error_abort);
    g_assert_true(user_creatable_complete(USER_CREATABLE(obj), &error_abort));
    object_property_add_child(object_get_objects_root(), "d0", obj);
    object_unref(obj);
    d = sim_dasd_find_by_busid("0.0.1234");
    g_assert_true(d == SIM_DASD(obj));
    g_assert_null(sim_dasd_find_by_busid("0.0.1235"));
    g_assert_true(g_file_test(path, G_FILE_TEST_EXISTS));

    prog[0] = 0xe4;
    prog[3] = 12;
    stl_be_p(prog + 4, CCW_PROG_ENTRY_AREA);
    memcpy(prog + CCW_PROG_ENTRY_AREA, &a, 8);
    sim_dasd_start(d, orb, prog, done_cb, &c);
    g_assert_true(sim_dasd_busy(d));
    g_assert_cmpint(c.res.sense[31], ==, 0);
    while (!c.res.sense[31]) {
        g_main_context_iteration(NULL, TRUE);
    }
    g_assert_cmphex(c.res.dstat, ==, SCSW_DSTAT_CE | SCSW_DSTAT_DE);
    g_assert_cmphex(id[6], ==, 0x02);

    memset(&c, 0, sizeof(c));
    sim_dasd_start(d, orb, prog, done_cb, &c);
    g_assert_true(sim_dasd_halt(d));
    g_assert_true(c.canceled);
    g_assert_false(sim_dasd_busy(d));
    g_assert_false(sim_dasd_halt(d));

    object_unparent(obj);
    unlink(path);
    rmdir(dir);
}

#define ADD(name, fn, ro)                                                      \
    g_test_add("/dasd-3390/" name, Fixture, ro, fx_setup, fn, fx_teardown)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("sense-id", test_sense_id, NULL);
    ADD("rdc", test_rdc, NULL);
    ADD("round-trip", test_round_trip, NULL);
    ADD("fresh-reads", test_fresh_reads, NULL);
    ADD("search-read", test_search_read, NULL);
    ADD("file-protect", test_file_protect, NULL);
    ADD("readonly", test_readonly, "ro");
    ADD("reject", test_reject, NULL);
    ADD("locate-orientation", test_locate_orientation, NULL);
    ADD("end-of-cylinder", test_end_of_cylinder, NULL);
    ADD("walk-in-slices", test_walk_in_slices, NULL);
    ADD("hostile", test_hostile, NULL);
    ADD("no-data-dc-tic", test_no_data_and_dc_tic, NULL);
    g_test_add_func("/dasd-3390/object", test_object);
    return g_test_run();
}
