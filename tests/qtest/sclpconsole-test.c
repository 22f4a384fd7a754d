/*
 * The SCLP consoles as a guest drives them: -device sclpconsole (ASCII,
 * VT220) and -device sclplmconsole (line mode) on unix-socket chardevs
 * the test is the peer of. Output written with Write Event Data appears
 * on the socket; input typed on the socket makes an event pending (a
 * service signal with the event-pending bit once the guest enabled the
 * type) that Read Event Data returns. Command-line errors in QEMU's
 * words.
 */
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "sclp-test.h"

typedef struct Console {
    QTestState *s;
    char *dir;
    int fd[2]; /* our end of chardevs c0 and c1 */
} Console;

static int unix_connect(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    return fd;
}

/* Start with chardevs c0 (and c1) on sockets, then @devices */
static Console *console_start(int nsock, const char *devices)
{
    Console *c = g_new0(Console, 1);
    g_autoptr(GString) args = g_string_new(NULL);

    c->dir = g_dir_make_tmp("sclpconsole-XXXXXX", NULL);
    for (int i = 0; i < nsock; i++) {
        g_string_append_printf(args,
                               "-chardev socket,id=c%d,path=%s/c%d,"
                               "server=on,wait=off ",
                               i, c->dir, i);
    }
    g_string_append(args, devices);
    c->s = start(args->str);
    for (int i = 0; i < nsock; i++) {
        g_autofree char *path = g_strdup_printf("%s/c%d", c->dir, i);

        c->fd[i] = unix_connect(path);
    }
    return c;
}

static void console_quit(Console *c)
{
    for (int i = 0; i < 2; i++) {
        if (c->fd[i] > 0) {
            close(c->fd[i]);
            g_autofree char *path = g_strdup_printf("%s/c%d", c->dir, i);
            unlink(path);
        }
    }
    qtest_quit(c->s);
    rmdir(c->dir);
    g_free(c->dir);
    g_free(c);
}

static void type_input(Console *c, int i, const char *text)
{
    g_assert_cmpint(write(c->fd[i], text, strlen(text)), ==, strlen(text));
}

/* Exactly @len bytes from socket @i (10 s at most) */
static void expect_output(Console *c, int i, const void *want, size_t len)
{
    g_autofree char *got = g_malloc0(len + 1);
    size_t n = 0;

    while (n < len) {
        struct pollfd p = { .fd = c->fd[i], .events = POLLIN };
        ssize_t r;

        g_assert_cmpint(poll(&p, 1, 10000), ==, 1);
        r = read(c->fd[i], got + n, len - n);
        g_assert_cmpint(r, >, 0);
        n += r;
    }
    g_assert_cmpmem(got, len, want, len);
}

/* No more bytes arrive on socket @i for a moment */
static void expect_quiet(Console *c, int i)
{
    struct pollfd p = { .fd = c->fd[i], .events = POLLIN };

    g_assert_cmpint(poll(&p, 1, 200), ==, 0);
}

/* Wait for the unsolicited service signal: parameter "event pending" */
static void wait_attention(Console *c)
{
    int64_t param = -1;

    for (int tries = 0; param < 0 && tries < 1000; tries++) {
        param = ext_intr(c->s);
        if (param < 0) {
            g_usleep(10 * 1000);
        }
    }
    g_assert_cmphex(param, ==, EV_PENDING);
}

static void test_ascii_output(void)
{
    Console *c = console_start(1, "-device sclpconsole,chardev=c0");
    const char text[] = "hello, world\n";

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII), MASK4(EV_ASCII), NULL),
                    ==, 0x0020);
    /* the SCLP's receive and send masks */
    g_assert_cmphex(qtest_readl(c->s, SCCB + 20), ==, MASK4(EV_ASCII));
    g_assert_cmphex(qtest_readl(c->s, SCCB + 24), ==,
                    MASK4(EV_ASCII) | MASK4(EV_QUIESCE) | MASK4(EV_CFG));
    g_assert_cmphex(sclp_write_event(c->s, EV_ASCII, text, strlen(text)), ==,
                    0x0020);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 11), ==, 0x80); /* accepted */
    expect_output(c, 0, text, strlen(text));
    /* a line-mode message has no taker here */
    g_assert_cmphex(sclp_write_event(c->s, EV_MSG, "x", 1), ==, 0x40f0);
    console_quit(c);
}

static void test_ascii_input(void)
{
    Console *c = console_start(1, "-device sclpconsole,chardev=c0");
    bool pending;

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII), 0, NULL), ==, 0x0020);
    type_input(c, 0, "ls -l\n");
    wait_attention(c);
    g_assert_cmphex(sclp_read_events(c->s, &pending), ==, 0x0020);
    g_assert_false(pending);
    g_assert_cmpuint(qtest_readw(c->s, SCCB), ==, 8 + 7 + 6); /* VLR */
    g_assert_cmphex(qtest_readb(c->s, SCCB + 5), ==, 0);
    g_assert_cmpuint(qtest_readw(c->s, SCCB + 8), ==, 7 + 6);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 10), ==, EV_ASCII);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 14), ==, 0);
    {
        char got[6];

        qtest_memread(c->s, SCCB + 15, got, sizeof(got));
        g_assert_cmpmem(got, sizeof(got), "ls -l\n", 6);
    }
    g_assert_cmphex(sclp_read_events(c->s, &pending), ==, 0x60f0);
    console_quit(c);
}

/* Input waits until the guest enables the type; the mask tells */
static void test_ascii_input_masked(void)
{
    Console *c = console_start(1, "-device sclpconsole,chardev=c0");
    bool pending;

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII), 0, NULL), ==, 0x0020);
    type_input(c, 0, "a");
    wait_attention(c);
    /* disabled: no longer reported, not read */
    g_assert_cmphex(sclp_set_mask(c->s, 0, 0, &pending), ==, 0x0020);
    g_assert_false(pending);
    g_assert_cmphex(sclp_read_events(c->s, NULL), ==, 0x60f0);
    /* enabled again: the completion says an event is pending */
    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII), 0, &pending), ==,
                    0x0020);
    g_assert_true(pending);
    g_assert_cmphex(sclp_read_events(c->s, NULL), ==, 0x0020);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 15), ==, 'a');
    /* system_reset drops unread input and the guest's mask */
    type_input(c, 0, "b");
    wait_attention(c);
    qtest_qmp_assert_success(c->s, "{'execute': 'system_reset'}");
    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII), 0, &pending), ==,
                    0x0020);
    g_assert_false(pending);
    g_assert_cmphex(sclp_read_events(c->s, NULL), ==, 0x60f0);
    console_quit(c);
}

/* More input than one SCCB holds comes in several reads */
static void test_ascii_input_long(void)
{
    Console *c = console_start(1, "-device sclpconsole,chardev=c0");
    g_autofree char *text = g_malloc(6001);
    g_autoptr(GString) got = g_string_new(NULL);
    bool pending = false;

    for (int i = 0; i < 6000; i++) {
        text[i] = 'a' + i % 26;
    }
    text[6000] = 0;
    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII), 0, NULL), ==, 0x0020);
    type_input(c, 0, text);
    while (got->len < 6000) {
        uint16_t len;

        if (!pending) {
            wait_attention(c);
        }
        g_assert_cmphex(sclp_read_events(c->s, &pending), ==, 0x0020);
        len = qtest_readw(c->s, SCCB + 8);
        g_assert_cmpuint(len, <=, 4088);
        g_assert_cmpuint(len, >, 7);
        {
            g_autofree char *part = g_malloc(len - 7);

            qtest_memread(c->s, SCCB + 15, part, len - 7);
            g_string_append_len(got, part, len - 7);
        }
    }
    g_assert_cmpmem(got->str, got->len, text, 6000);
    console_quit(c);
}

/* A message event with one message-text object of @ebcdic */
static uint16_t lm_message(QTestState *s, const uint8_t *ebcdic, uint16_t n,
                           uint16_t mdb_len, uint16_t mto_len)
{
    uint8_t ev[SCCB_PAGE - 14] = { 0 };

    g_assert_cmpuint(22 + n, <=, sizeof(ev));
    ev[0] = mdb_len >> 8; /* MDB header: length, type 1 */
    ev[1] = mdb_len;
    ev[3] = 1;
    ev[12] = mto_len >> 8; /* MTO: length, type 4 (message text) */
    ev[13] = mto_len;
    ev[15] = 4;
    memcpy(ev + 22, ebcdic, n);
    return sclp_write_event(s, EV_MSG, ev, 22 + n);
}

static const uint8_t ebcdic_hello[] = { 0xc8, 0x85, 0x93, 0x93, 0x96, 0x4f };

static void test_lm_output(void)
{
    Console *c = console_start(1, "-device sclplmconsole,chardev=c0");

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_OPCMD), MASK4(EV_MSG), NULL),
                    ==, 0x0020);
    g_assert_cmphex(qtest_readl(c->s, SCCB + 20), ==, MASK_LM_IN);
    g_assert_cmphex(qtest_readl(c->s, SCCB + 24), ==,
                    MASK_LM_OUT | MASK4(EV_QUIESCE) | MASK4(EV_CFG));
    g_assert_cmphex(lm_message(c->s, ebcdic_hello, 6, 22 + 6 - 0, 10 + 6), ==,
                    0x0020);
    expect_output(c, 0, "\nHello!", 7);
    /* lengths that do not nest */
    g_assert_cmphex(lm_message(c->s, ebcdic_hello, 6, 200, 16), ==, 0x72f0);
    g_assert_cmphex(lm_message(c->s, ebcdic_hello, 6, 28, 40), ==, 0x72f0);
    g_assert_cmphex(lm_message(c->s, ebcdic_hello, 6, 28, 0), ==, 0x72f0);
    g_assert_cmphex(lm_message(c->s, ebcdic_hello, 6, 11, 16), ==, 0x72f0);
    expect_quiet(c, 0);
    console_quit(c);
}

static void test_lm_input(void)
{
    Console *c = console_start(1, "-device sclplmconsole,chardev=c0,echo=off");
    const uint8_t ebcdic[] = { 0x83, 0x94, 0x84, 0x40, 0xf1 }; /* "cmd 1" */
    uint8_t got[5];
    bool pending;

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_OPCMD), MASK4(EV_MSG), NULL),
                    ==, 0x0020);
    type_input(c, 0, "cmd 1\r\n");
    wait_attention(c);
    g_assert_cmphex(sclp_read_events(c->s, &pending), ==, 0x0020);
    g_assert_false(pending); /* CR LF is one line end */
    g_assert_cmpuint(qtest_readw(c->s, SCCB + 8), ==, 22 + 5);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 10), ==, EV_OPCMD);
    /* GDS: MDS-MU > CP-MSU > text command > self-defining > text */
    g_assert_cmphex(qtest_readl(c->s, SCCB + 14), ==, (21 << 16) | 0x1310);
    g_assert_cmphex(qtest_readl(c->s, SCCB + 18), ==, (17 << 16) | 0x1212);
    g_assert_cmphex(qtest_readl(c->s, SCCB + 22), ==, (13 << 16) | 0x1320);
    g_assert_cmphex(qtest_readw(c->s, SCCB + 26), ==, (9 << 8) | 0x31);
    g_assert_cmphex(qtest_readw(c->s, SCCB + 28), ==, (7 << 8) | 0x30);
    qtest_memread(c->s, SCCB + 30, got, sizeof(got));
    g_assert_cmpmem(got, sizeof(got), ebcdic, sizeof(ebcdic));
    expect_quiet(c, 0); /* echo=off */
    console_quit(c);
}

/* An empty input line is an operator command with no text (22 bytes) */
static void test_lm_input_empty(void)
{
    Console *c = console_start(1, "-device sclplmconsole,chardev=c0,echo=off");
    bool pending;

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_OPCMD), MASK4(EV_MSG), NULL),
                    ==, 0x0020);
    type_input(c, 0, "\nx\n");
    wait_attention(c);
    g_assert_cmphex(sclp_read_events(c->s, &pending), ==, 0x0020);
    g_assert_cmpuint(qtest_readw(c->s, SCCB + 8), ==, 22);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 10), ==, EV_OPCMD);
    g_assert_cmphex(qtest_readl(c->s, SCCB + 14), ==, (16 << 16) | 0x1310);
    g_assert_cmphex(qtest_readw(c->s, SCCB + 28), ==, (2 << 8) | 0x30);
    /* the next line follows */
    g_assert_true(pending);
    g_assert_cmphex(sclp_read_events(c->s, &pending), ==, 0x0020);
    g_assert_cmpuint(qtest_readw(c->s, SCCB + 8), ==, 22 + 1);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 30), ==, 0xa7); /* 'x' */
    console_quit(c);
}

static void test_lm_echo(void)
{
    Console *c = console_start(1, "-device sclplmconsole,chardev=c0");

    type_input(c, 0, "ab\n");
    expect_output(c, 0, "ab", 2);
    console_quit(c);
}

/* Each kind of event reaches its own console only */
static void test_both_consoles(void)
{
    Console *c = console_start(2, "-device sclpconsole,chardev=c0 "
                                  "-device sclplmconsole,chardev=c1");

    g_assert_cmphex(sclp_set_mask(c->s, MASK4(EV_ASCII) | MASK4(EV_OPCMD),
                                  MASK4(EV_ASCII) | MASK4(EV_MSG), NULL),
                    ==, 0x0020);
    g_assert_cmphex(qtest_readl(c->s, SCCB + 20), ==,
                    MASK_LM_IN | MASK4(EV_ASCII));
    g_assert_cmphex(qtest_readl(c->s, SCCB + 24), ==,
                    MASK_LM_OUT | MASK4(EV_ASCII) | MASK4(EV_QUIESCE) |
                        MASK4(EV_CFG));
    g_assert_cmphex(sclp_write_event(c->s, EV_ASCII, "one\n", 4), ==, 0x0020);
    g_assert_cmphex(lm_message(c->s, ebcdic_hello, 6, 28, 16), ==, 0x0020);
    expect_output(c, 0, "one\n", 4);
    expect_output(c, 1, "\nHello!", 7);
    expect_quiet(c, 0);
    expect_quiet(c, 1);
    console_quit(c);
}

static void test_mask_lengths(void)
{
    Console *c = console_start(2, "-device sclpconsole,chardev=c0 "
                                  "-device sclplmconsole,chardev=c1");
    QTestState *s = c->s;

    /* 1-byte masks: types 1-8 only */
    sccb_header(s, SCCB, 16, 0, 0);
    qtest_writew(s, SCCB + 10, 1);
    qtest_writeb(s, SCCB + 12, 0x80);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_MASK, SCCB, NULL), ==, 0x0020);
    g_assert_cmphex(qtest_readb(s, SCCB + 14), ==, 0x40); /* receive */
    g_assert_cmphex(qtest_readb(s, SCCB + 15), ==,
                    0x90); /* send: types 1 and 4 */
    /* 16-byte masks: bytes past 8 are zero */
    qtest_memset(s, SCCB, 0xff, 76);
    sccb_header(s, SCCB, 76, 0, 0);
    qtest_writew(s, SCCB + 10, 16);
    g_assert_cmphex(sclp_run(s, WRITE_EVENT_MASK, SCCB, NULL), ==, 0x0020);
    g_assert_cmphex(qtest_readq(s, SCCB + 44), ==,
                    (uint64_t)(MASK_LM_IN | MASK4(EV_ASCII)) << 32);
    g_assert_cmphex(qtest_readq(s, SCCB + 52), ==, 0);
    g_assert_cmphex(qtest_readq(s, SCCB + 60), ==,
                    (uint64_t)(MASK_LM_OUT | MASK4(EV_ASCII) |
                               MASK4(EV_QUIESCE) | MASK4(EV_CFG))
                        << 32);
    g_assert_cmphex(qtest_readq(s, SCCB + 68), ==, 0);
    console_quit(c);
}

/* query-chardev's "pty:/dev/pts/N" of chardev c0: the slave's path */
static char *pty_path(QTestState *s)
{
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'query-chardev'}");
    JsonArray *arr = json_object_get_array_member(rsp, "return");
    char *path = NULL;

    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *o = json_array_get_object_element(arr, i);
        const char *f = json_object_get_string_member(o, "filename");

        if (!strcmp(json_object_get_string_member(o, "label"), "c0")) {
            g_assert_true(g_str_has_prefix(f, "pty:/dev/pts/"));
            g_assert_true(json_object_get_boolean_member(o, "frontend-open"));
            path = g_strdup(f + 4);
        }
    }
    json_object_unref(rsp);
    g_assert_nonnull(path);
    return path;
}

/*
 * -chardev pty, libvirt's <console type='pty'>: the console's peer is
 * whoever opens the slave. Output while nobody has it open is dropped;
 * the slave is raw (no CR added to a newline, no echo of input).
 */
static void test_pty(void)
{
    Console c = { .s = start("-chardev pty,id=c0 "
                             "-device sclpconsole,chardev=c0") };
    g_autofree char *path = pty_path(c.s);
    char got[3];
    bool pending;

    g_assert_cmphex(sclp_set_mask(c.s, MASK4(EV_ASCII), MASK4(EV_ASCII), NULL),
                    ==, 0x0020);
    g_assert_cmphex(sclp_write_event(c.s, EV_ASCII, "lost\n", 5), ==, 0x0020);
    c.fd[0] = open(path, O_RDWR | O_NOCTTY);
    g_assert_cmpint(c.fd[0], >=, 0);
    g_assert_cmphex(sclp_write_event(c.s, EV_ASCII, "hi\n", 3), ==, 0x0020);
    expect_output(&c, 0, "hi\n", 3);
    type_input(&c, 0, "ls\n");
    wait_attention(&c);
    g_assert_cmphex(sclp_read_events(c.s, &pending), ==, 0x0020);
    g_assert_cmpuint(qtest_readw(c.s, SCCB + 8), ==, 7 + 3);
    qtest_memread(c.s, SCCB + 15, got, sizeof(got));
    g_assert_cmpmem(got, sizeof(got), "ls\n", 3);
    expect_quiet(&c, 0);
    /* the peer goes; the next one is found by its input alone */
    close(c.fd[0]);
    g_assert_cmphex(sclp_write_event(c.s, EV_ASCII, "gone\n", 5), ==, 0x0020);
    c.fd[0] = open(path, O_RDWR | O_NOCTTY);
    g_assert_cmpint(c.fd[0], >=, 0);
    type_input(&c, 0, "x");
    wait_attention(&c);
    g_assert_cmphex(sclp_read_events(c.s, NULL), ==, 0x0020);
    g_assert_cmphex(qtest_readb(c.s, SCCB + 15), ==, 'x');
    g_assert_cmphex(sclp_write_event(c.s, EV_ASCII, "ok", 2), ==, 0x0020);
    expect_output(&c, 0, "ok", 2);
    close(c.fd[0]);
    qtest_quit(c.s);
}

static gchar *run_failing(const char *args);

/* The emulator with @args, inheriting our descriptors: its stderr */
static gchar *run_failing_with_fds(const char *args)
{
    g_autofree char *full = g_strdup_printf(
        "%s -machine s390-ccw-virtio -nodefaults -display none -S %s",
        getenv("QTEST_QEMU_BINARY"), args);
    g_auto(GStrv) argv = NULL;
    gchar *err = NULL;
    int status = 0;

    g_assert_true(g_shell_parse_argv(full, NULL, &argv, NULL));
    g_assert_true(g_spawn_sync(NULL, argv, NULL,
                               G_SPAWN_LEAVE_DESCRIPTORS_OPEN |
                                   G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    return err;
}

/*
 * libvirt's <console type='file'>: the log file it opened, passed as an
 * inherited descriptor in an fd set (-add-fd) and opened by the file
 * chardev as /dev/fdset/N; the console's output lands in it. -add-fd's
 * errors as QEMU 7.2's.
 */
static void test_fdset_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("sclpconsole-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "console.log", NULL);
    g_autofree char *text = NULL;
    static const char *const bad[][2] = {
        { "-add-fd set=1", "fd option is required and must be non-negative" },
        { "-add-fd fd=50", "set option is required and must be non-negative" },
        { "-add-fd fd=99,set=1", "fd is not valid or already in use" },
        { "-add-fd fd=1,set=1", "fd cannot be a standard I/O stream" },
        { "-add-fd fd=50,set=x", "Parameter 'set' expects a number" },
        { "-add-fd fd=50,set=1 -chardev file,id=c0,path=/dev/fdset/2",
          "Could not open '/dev/fdset/2': No such file or directory" },
        { "-add-fd fd=50,set=1 -chardev file,id=c0,path=/dev/fdset/1,"
          "append=on -device sclpconsole,chardev=c0",
          NULL /* set below: the mode differs */ },
    };
    QTestState *s;
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(dup2(fd, 50), ==, 50);
    close(fd);
    s = qtest_init_opts(&(QTestInitOptions){ .keep_fds = true },
                        "-machine s390-ccw-virtio -nodefaults "
                        "-add-fd set=0,fd=50,opaque=console0-source "
                        "-chardev file,id=c0,path=/dev/fdset/0,append=on "
                        "-device sclpconsole,chardev=c0");
    g_assert_cmphex(sclp_set_mask(s, 0, MASK4(EV_ASCII), NULL), ==, 0x0020);
    g_assert_cmphex(sclp_write_event(s, EV_ASCII, "logged\n", 7), ==, 0x0020);
    qtest_quit(s);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "logged\n");
    close(50);

    /* a read-only descriptor for a file chardev, which writes */
    fd = open(path, O_RDONLY);
    g_assert_cmpint(dup2(fd, 50), ==, 50);
    close(fd);
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        const char *want = bad[i][1] ? bad[i][1]
                                     : "Could not open '/dev/fdset/1': "
                                       "Permission denied";
        g_autofree gchar *err = run_failing_with_fds(bad[i][0]);

        if (!strstr(err, want)) {
            g_test_message("stderr: %s", err);
        }
        g_assert_nonnull(strstr(err, want));
    }
    close(50);
    unlink(path);
    rmdir(dir);
}

static gchar *run_failing(const char *args)
{
    g_autofree char *full = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S %s", args);
    g_autofree gchar *out = NULL;
    gchar *err = NULL;
    int status;

    out = qtest_run_cmdline(full, &status, &err);
    g_assert_cmpint(status, ==, 1);
    return err;
}

/*
 * A peer that does not read: the chardev holds back output only up to
 * its bound (1 MiB), then the console refuses event buffers (0x05f0, not
 * accepted) until the peer has taken enough. What was accepted arrives
 * whole and in order.
 */
#define BACKLOG_TEXT 3000 /* 'a's per event buffer */

typedef uint16_t (*WriteFn)(QTestState *s);

static uint16_t write_ascii(QTestState *s)
{
    static char text[BACKLOG_TEXT];

    memset(text, 'a', sizeof(text));
    return sclp_write_event(s, EV_ASCII, text, sizeof(text));
}

static uint16_t write_lm(QTestState *s)
{
    static uint8_t ebcdic[BACKLOG_TEXT];

    memset(ebcdic, 0x81, sizeof(ebcdic)); /* 'a' */
    return lm_message(s, ebcdic, sizeof(ebcdic), 22 + sizeof(ebcdic),
                      10 + sizeof(ebcdic));
}

/* Each accepted buffer's output: @nl a newline first, then the text */
static void check_backlog(Console *c, WriteFn write_one, bool nl)
{
    char out[BACKLOG_TEXT + 1];
    size_t out_len = BACKLOG_TEXT + nl, accepted = 0;
    uint16_t rc = 0x0020;

    out[0] = '\n';
    memset(out + nl, 'a', BACKLOG_TEXT);
    for (int i = 0; i < 2000 && rc == 0x0020; i++) {
        rc = write_one(c->s);
        accepted += rc == 0x0020;
    }
    g_assert_cmphex(rc, ==, 0x05f0);
    g_assert_cmphex(qtest_readb(c->s, SCCB + 11), ==, 0); /* not accepted */
    /* the chardev's bound (1 MiB) plus what the socket holds, no more */
    g_assert_cmpuint(accepted * out_len, >=, 1024 * 1024);
    g_assert_cmpuint(accepted * out_len, <=, 3 * 1024 * 1024);
    /* still refused while nothing is read */
    g_assert_cmphex(write_one(c->s), ==, 0x05f0);
    for (size_t i = 0; i < accepted; i++) {
        expect_output(c, 0, out, out_len);
    }
    expect_quiet(c, 0);
    g_assert_cmphex(write_one(c->s), ==, 0x0020);
    expect_output(c, 0, out, out_len);
}

static void test_ascii_backlog(void)
{
    Console *c = console_start(1, "-device sclpconsole,chardev=c0");

    g_assert_cmphex(sclp_set_mask(c->s, 0, MASK4(EV_ASCII), NULL), ==, 0x0020);
    check_backlog(c, write_ascii, false);
    console_quit(c);
}

static void test_lm_backlog(void)
{
    Console *c = console_start(1, "-device sclplmconsole,chardev=c0,echo=off");
    JsonObject *rsp;

    g_assert_cmphex(sclp_set_mask(c->s, 0, MASK4(EV_MSG), NULL), ==, 0x0020);
    check_backlog(c, write_lm, true);
    /* the two refused messages are counted */
    rsp = qtest_qmp(c->s, "{'execute': 'qom-get', 'arguments': {'path': "
                          "'/machine/peripheral-anon/device[0]', "
                          "'property': 'write_errors'}}");
    g_assert_cmpint(json_object_get_int_member(rsp, "return"), ==, 2);
    json_object_unref(rsp);
    console_quit(c);
}

static void test_errors(void)
{
    static const struct {
        const char *args, *msg;
    } cases[] = {
        { "-device sclpconsole -device sclpconsole",
          "-device sclpconsole: Multiple VT220 operator consoles are not "
          "supported" },
        { "-device sclplmconsole -device sclplmconsole",
          "-device sclplmconsole: Multiple line-mode operator consoles are "
          "not supported" },
        { "-device sclpconsole,chardev=nope",
          "-device sclpconsole,chardev=nope: Property 'sclpconsole.chardev' "
          "can't find value 'nope'" },
        { "-chardev null,id=c0 -device sclpconsole,chardev=c0 "
          "-device sclplmconsole,chardev=c0",
          "-device sclplmconsole,chardev=c0: Property "
          "'sclplmconsole.chardev' can't take value 'c0', it's in use" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree gchar *err = run_failing(cases[i].args);

        g_assert_nonnull(strstr(err, cases[i].msg));
    }
}

/* -device DRIVER,help lists QEMU's properties */
static void test_help(void)
{
    int status;
    g_autofree gchar *vt = qtest_run_cmdline("-device sclpconsole,help",
                                             &status, NULL);
    g_autofree gchar *lm = NULL;

    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(vt, "sclpconsole options:\n  chardev=<str>  "
                                "        - ID of a chardev to use as a "
                                "backend\n"));
    lm = qtest_run_cmdline("-device sclplmconsole,help", &status, NULL);
    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(lm, "  echo=<bool>            - on/off "
                                "(default: true)\n"));
    g_assert_nonnull(strstr(lm, "  write_errors=<uint32>  -  (default: 0)\n"));
    g_assert_nonnull(strstr(lm, "  chardev=<str>  "));
}

static void test_no_hotplug(void)
{
    QTestState *s = start(NULL);
    JsonObject *rsp = qtest_qmp(s, "{'execute': 'device_add', 'arguments':"
                                   " {'driver': 'sclpconsole'}}");

    g_assert_cmpstr(qmp_rsp_error_class(rsp), ==, "GenericError");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(rsp, "error"), "desc"),
                    ==, "Parameter 'driver' expects a pluggable device type");
    json_object_unref(rsp);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sclpconsole/ascii-output", test_ascii_output);
    g_test_add_func("/sclpconsole/ascii-input", test_ascii_input);
    g_test_add_func("/sclpconsole/ascii-input-masked", test_ascii_input_masked);
    g_test_add_func("/sclpconsole/ascii-input-long", test_ascii_input_long);
    g_test_add_func("/sclpconsole/lm-output", test_lm_output);
    g_test_add_func("/sclpconsole/lm-input", test_lm_input);
    g_test_add_func("/sclpconsole/lm-input-empty", test_lm_input_empty);
    g_test_add_func("/sclpconsole/lm-echo", test_lm_echo);
    g_test_add_func("/sclpconsole/ascii-backlog", test_ascii_backlog);
    g_test_add_func("/sclpconsole/pty", test_pty);
    g_test_add_func("/sclpconsole/fdset-file", test_fdset_file);
    g_test_add_func("/sclpconsole/lm-backlog", test_lm_backlog);
    g_test_add_func("/sclpconsole/both", test_both_consoles);
    g_test_add_func("/sclpconsole/mask-lengths", test_mask_lengths);
    g_test_add_func("/sclpconsole/errors", test_errors);
    g_test_add_func("/sclpconsole/help", test_help);
    g_test_add_func("/sclpconsole/no-hotplug", test_no_hotplug);
    return g_test_run();
}
