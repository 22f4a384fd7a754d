/*
 * Hercules CKD_P370 images: header, track layouts, persistence, refusals,
 * and equality with an image made by Hercules' dasdinit.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sim/ckd-image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

static char *tmpdir;

static char *tmp_path(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

static uint8_t *read_file(const char *path, gsize *len)
{
    gchar *data = NULL;

    g_assert_true(g_file_get_contents(path, &data, len, NULL));
    return (uint8_t *)data;
}

/* Track 0 as dasdinit writes it for volume VOL001 */
static const uint8_t vol001_track0_head[] = {
    0,    0,    0,    0,    0, /* HA */
    0,    0,    0,    0,    0,    0,    0,    8,    0,
    0,    0,    0,    0,    0,    0,    0, /* R0 */
    0,    0,    0,    0,    1,    4,    0,    0x18, 0xc9,
    0xd7, 0xd3, 0xf1, /* R1 "IPL1" */
    0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x03,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0,    0,
    0,    0,    0,    0,    0,    0,    0,    0,    0,
    0,    2,    4,    0,    0x90, 0xc9, 0xd7, 0xd3, 0xf2, /* R2 "IPL2" */
};

static void check_track0(const uint8_t *t)
{
    static const uint8_t r3[] = { 0, 0,    0,    0,    3,    4,
                                  0, 0x50, 0xe5, 0xd6, 0xd3, 0xf1 };
    static const uint8_t vol1[] = { 0xe5, 0xd6, 0xd3, 0xf1, 0xe5, 0xd6,
                                    0xd3, 0xf0, 0xf0, 0xf1, 0x40, 0,
                                    0,    0,    1,    1 };
    static const uint8_t owner[] = { 0xc8, 0xc5, 0xd9, 0xc3,
                                     0xe4, 0xd3, 0xc5, 0xe2 };
    uint32_t r3off = sizeof(vol001_track0_head) + 144;
    const uint8_t *lab = t + r3off + 12;

    g_assert_cmpmem(t, sizeof(vol001_track0_head), vol001_track0_head,
                    sizeof(vol001_track0_head));
    for (int i = 0; i < 144; i++) {
        g_assert_cmpint(t[sizeof(vol001_track0_head) + i], ==, 0);
    }
    g_assert_cmpmem(t + r3off, sizeof(r3), r3, sizeof(r3));
    g_assert_cmpmem(lab, sizeof(vol1), vol1, sizeof(vol1));
    for (int i = 16; i < 80; i++) {
        if (i >= 41 && i < 49) {
            g_assert_cmpint(lab[i], ==, owner[i - 41]);
        } else {
            g_assert_cmpint(lab[i], ==, 0x40);
        }
    }
    for (int i = 0; i < 8; i++) {
        g_assert_cmpint(lab[80 + i], ==, 0xff);
    }
    g_assert_cmpint(lab + 80 - t, ==, 305);
    for (uint32_t i = 313; i < CKD_3390_SLOT; i++) {
        g_assert_cmpint(t[i], ==, 0);
    }
}

static void check_empty_track(const uint8_t *t, uint16_t cc, uint16_t hh)
{
    uint8_t want[29] = { 0,       cc >> 8, cc, hh >> 8, hh, cc >> 8, cc,
                         hh >> 8, hh,      0,  0,       0,  8 };

    memset(want + 21, 0xff, 8);
    g_assert_cmpmem(t, sizeof(want), want, sizeof(want));
    g_assert_cmpint(t[29], ==, 0);
}

static void test_create_model(gconstpointer data)
{
    const CkdModel *m = ckd_model_find(data);
    g_autofree char *path = tmp_path(m->name);
    g_autofree uint8_t *trk = g_malloc(CKD_3390_SLOT);
    uint8_t hdr[CKD_HDR_SIZE] = "CKD_P370";
    struct stat st;
    CkdImage *img;
    uint32_t last = m->cyls - 1;
    int fd;

    g_assert_true(ckd_image_create(path, m->cyls, "VOL001", &error_abort));
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_size, ==, 512 + (off_t)m->cyls * 15 * CKD_3390_SLOT);
    g_assert_cmpint((off_t)st.st_blocks * 512, <, st.st_size / 4);

    hdr[8] = 15;
    hdr[12] = 0x00;
    hdr[13] = 0xde;
    hdr[16] = 0x90;
    fd = open(path, O_RDONLY);
    g_assert_cmpint(pread(fd, trk, 512, 0), ==, 512);
    close(fd);
    g_assert_cmpmem(trk, 512, hdr, 512);

    img = ckd_image_open(path, true, &error_abort);
    g_assert_cmpuint(img->cyls, ==, m->cyls);
    g_assert_true(ckd_image_read_track(img, 0, 0, trk, &error_abort));
    check_track0(trk);
    g_assert_true(ckd_image_read_track(img, 0, 1, trk, &error_abort));
    check_empty_track(trk, 0, 1);
    g_assert_true(ckd_image_read_track(img, last, 14, trk, &error_abort));
    check_empty_track(trk, last, 14);
    g_assert_false(ckd_image_read_track(img, m->cyls, 0, trk, NULL));
    g_assert_false(ckd_image_read_track(img, 0, 15, trk, NULL));
    ckd_image_close(img);
    unlink(path);
}

static void test_persist(void)
{
    g_autofree char *path = tmp_path("persist");
    g_autofree uint8_t *trk = g_malloc(CKD_3390_SLOT);
    g_autofree uint8_t *file = NULL;
    Error *err = NULL;
    CkdImage *img;
    gsize len;

    g_assert_true(ckd_image_create(path, 3, "ABC", &error_abort));
    g_assert_false(ckd_image_create(path, 3, "ABC", &err));
    error_free_or_abort(&err);

    img = ckd_image_open(path, false, &error_abort);
    g_assert_true(ckd_image_read_track(img, 2, 7, trk, &error_abort));
    memset(trk + 29, 0x5a, 100);
    g_assert_true(ckd_image_write_track(img, 2, 7, trk, &error_abort));
    ckd_image_close(img);

    file = read_file(path, &len);
    g_assert_cmpint(file[512 + (2 * 15 + 7) * CKD_3390_SLOT + 29], ==, 0x5a);

    img = ckd_image_open(path, true, &error_abort);
    memset(trk, 0, CKD_3390_SLOT);
    g_assert_true(ckd_image_read_track(img, 2, 7, trk, &error_abort));
    g_assert_cmpint(trk[128], ==, 0x5a);
    g_assert_false(ckd_image_write_track(img, 2, 7, trk, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "read-only"));
    error_free(err);
    ckd_image_close(img);
    unlink(path);
}

static void expect_open_error_ro(const char *path, bool readonly,
                                 const char *text)
{
    Error *err = NULL;

    g_assert_null(ckd_image_open(path, readonly, &err));
    g_assert_nonnull(err);
    if (!strstr(error_get_pretty(err), text)) {
        g_error("'%s' lacks '%s'", error_get_pretty(err), text);
    }
    error_free(err);
}

static void expect_open_error(const char *path, const char *text)
{
    expect_open_error_ro(path, false, text);
    expect_open_error_ro(path, true, text);
}

static void patch(const char *path, off_t off, uint8_t v)
{
    int fd = open(path, O_WRONLY);

    g_assert_cmpint(pwrite(fd, &v, 1, off), ==, 1);
    close(fd);
}

static void test_refusals(void)
{
    g_autofree char *path = tmp_path("bad");
    Error *err = NULL;

    expect_open_error(path, "Could not open");
    g_assert_false(ckd_image_create(path, 1, "TOOLONG", &err));
    error_free_or_abort(&err);
    g_assert_true(ckd_image_create(path, 1, "BAD", &error_abort));
    patch(path, 17, 1);
    expect_open_error(path, "multi-file");
    patch(path, 17, 0);
    patch(path, 16, 0x80);
    expect_open_error(path, "not a 3390");
    patch(path, 16, 0x90);
    patch(path, 4, 'C');
    expect_open_error(path, "compressed");
    patch(path, 0, 'X');
    expect_open_error(path, "not a CKD image");
    g_assert_cmpint(truncate(path, 100), ==, 0);
    expect_open_error(path, "too short");
    unlink(path);
}

/*
 * A sparse file (memfd) whose size is 2^32 + 1 cylinders: the count must
 * not wrap to 1 and be taken as a 1-cylinder volume.
 */
static void test_huge_size(void)
{
    uint8_t hdr[CKD_HDR_SIZE] = "CKD_P370";
    off_t cyl = (off_t)CKD_3390_HEADS * CKD_3390_SLOT;
    g_autofree char *path = NULL;
    int fd = memfd_create("huge", MFD_CLOEXEC);

    g_assert_cmpint(fd, >=, 0);
    hdr[8] = 15;
    hdr[13] = 0xde;
    hdr[16] = 0x90;
    g_assert_cmpint(pwrite(fd, hdr, sizeof(hdr), 0), ==, sizeof(hdr));
    path = g_strdup_printf("/proc/self/fd/%d", fd);
    if (ftruncate(fd, CKD_HDR_SIZE + ((off_t)1 << 32) * cyl + cyl) < 0) {
        g_test_skip("no file this large here");
        close(fd);
        return;
    }
    expect_open_error(path, "has an invalid size");
    /* 65520 cylinders are fine, 65521 are not */
    g_assert_cmpint(ftruncate(fd, CKD_HDR_SIZE + 65521 * cyl), ==, 0);
    expect_open_error(path, "has an invalid size");
    g_assert_cmpint(ftruncate(fd, CKD_HDR_SIZE + 65520 * cyl), ==, 0);
    ckd_image_close(ckd_image_open(path, true, &error_abort));
    close(fd);
}

/* Not a regular file: refused at once (a FIFO must not block the open) */
static void test_not_regular(void)
{
    g_autofree char *fifo = tmp_path("fifo");

    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    expect_open_error(fifo, "is not a regular file");
    unlink(fifo);
    expect_open_error_ro(tmpdir, true, "is not a regular file");
    expect_open_error_ro(tmpdir, false, "Is a directory");
}

/* A second open that must be refused for the lock, with QEMU's words */
static void expect_lock_error(const char *path, bool readonly, const char *text)
{
    CkdOpenOpts o = { .readonly = readonly, .locking = CKD_LOCKING_ON };
    g_autofree char *hint =
        g_strdup_printf("Is another process using the image [%s]?\n", path);
    Error *err = NULL;

    g_assert_null(ckd_image_open_opts(path, &o, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, text);
    g_assert_cmpstr(error_get_hint(err), ==, hint);
    error_free(err);
}

static CkdImage *open_locking(const char *path, bool readonly,
                              CkdLocking locking)
{
    CkdOpenOpts o = { .readonly = readonly, .locking = locking };

    return ckd_image_open_opts(path, &o, &error_abort);
}

/* OFD locks conflict between two opens of one process too */
static void test_locking(void)
{
    g_autofree char *path = tmp_path("locked");
    CkdImage *a, *b, *c;

    g_assert_true(ckd_image_create(path, 1, "LOCK", &error_abort));
    a = ckd_image_open(path, false, &error_abort);
    g_assert_true(a->locked);
    expect_lock_error(path, false, "Failed to get \"write\" lock");
    expect_lock_error(path, true, "Failed to get shared \"write\" lock");
    /* locking=off neither takes nor checks the lock */
    b = open_locking(path, false, CKD_LOCKING_OFF);
    g_assert_false(b->locked);
    ckd_image_close(b);
    ckd_image_close(a);

    /* readers share; a writer is refused while one is open */
    a = ckd_image_open(path, true, &error_abort);
    b = open_locking(path, true, CKD_LOCKING_ON);
    g_assert_true(a->locked && b->locked);
    expect_lock_error(path, false, "Failed to get \"write\" lock");
    ckd_image_close(a);
    expect_lock_error(path, false, "Failed to get \"write\" lock");
    ckd_image_close(b);

    /* closing drops the lock */
    c = open_locking(path, false, CKD_LOCKING_ON);
    g_assert_true(c->locked);
    ckd_image_close(c);
    unlink(path);
}

static void test_dasdinit(void)
{
    g_autofree char *dasdinit = g_find_program_in_path("dasdinit");
    g_autofree char *ref = tmp_path("ref.img");
    g_autofree char *ours = tmp_path("ours.img");
    g_autofree char *cmd = NULL;
    g_autofree uint8_t *a = NULL;
    g_autofree uint8_t *b = NULL;
    g_autofree char *out = NULL;
    g_autofree char *errout = NULL;
    gsize alen, blen;
    int status;

    if (!dasdinit) {
        g_test_skip("dasdinit (Debian package hercules) is not installed");
        return;
    }
    cmd = g_strdup_printf("%s %s 3390 VOL001 10", dasdinit, ref);
    g_assert_true(g_spawn_command_line_sync(cmd, &out, &errout, &status, NULL));
    g_assert_true(g_spawn_check_exit_status(status, NULL));
    g_assert_true(ckd_image_create(ours, 10, "VOL001", &error_abort));
    a = read_file(ref, &alen);
    b = read_file(ours, &blen);
    g_assert_cmpuint(alen, ==, blen);
    g_assert_true(memcmp(a, b, alen) == 0);
    unlink(ref);
    unlink(ours);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("test-ckd-XXXXXX", NULL);
    g_test_add_data_func("/ckd-image/create/3390-1", "3390-1",
                         test_create_model);
    g_test_add_data_func("/ckd-image/create/3390-3", "3390-3",
                         test_create_model);
    g_test_add_data_func("/ckd-image/create/3390-9", "3390-9",
                         test_create_model);
    g_test_add_func("/ckd-image/persist", test_persist);
    g_test_add_func("/ckd-image/refusals", test_refusals);
    g_test_add_func("/ckd-image/locking", test_locking);
    g_test_add_func("/ckd-image/huge-size", test_huge_size);
    g_test_add_func("/ckd-image/not-regular", test_not_regular);
    g_test_add_func("/ckd-image/dasdinit", test_dasdinit);
    ret = g_test_run();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
