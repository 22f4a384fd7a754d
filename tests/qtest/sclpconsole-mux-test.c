/*
 * An sclpconsole and a human monitor sharing one chardev (mux=on), as
 * -nographic and -serial mon:stdio make them, the test at the other end
 * of its socket: what is typed goes to the front end in focus (the
 * console first: it attached last), Ctrl-A c moves the focus, both front
 * ends' output arrives, the monitor's greeting waits for the focus.
 */
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "sclp-test.h"

typedef struct Mux {
    QTestState *s;
    char *dir, *path;
    int fd;
    GString *seen;
} Mux;

static Mux *mux_start(void)
{
    Mux *m = g_new0(Mux, 1);
    g_autofree char *args = NULL;
    struct sockaddr_un sun = { .sun_family = AF_UNIX };

    m->dir = g_dir_make_tmp("sclpmux-XXXXXX", NULL);
    m->path = g_strdup_printf("%s/m", m->dir);
    m->seen = g_string_new(NULL);
    args = g_strdup_printf("-chardev socket,id=m,path=%s,"
                           "server=on,wait=off,mux=on -mon chardev=m "
                           "-device sclpconsole,chardev=m",
                           m->path);
    m->s = start(args);
    m->fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_strlcpy(sun.sun_path, m->path, sizeof(sun.sun_path));
    g_assert_cmpint(connect(m->fd, (struct sockaddr *)&sun, sizeof(sun)), ==,
                    0);
    return m;
}

static void mux_quit(Mux *m)
{
    close(m->fd);
    qtest_quit(m->s);
    unlink(m->path);
    rmdir(m->dir);
    g_string_free(m->seen, true);
    g_free(m->path);
    g_free(m->dir);
    g_free(m);
}

static void type(Mux *m, const char *text)
{
    g_assert_cmpint(write(m->fd, text, strlen(text)), ==, strlen(text));
}

/* Wait (10 s at most) until @text arrived; forget what came up to it */
static void expect(Mux *m, const char *text)
{
    char *at;

    while (!(at = strstr(m->seen->str, text))) {
        struct pollfd p = { .fd = m->fd, .events = POLLIN };
        char buf[1024];
        ssize_t n;

        if (poll(&p, 1, 10000) != 1 ||
            (n = read(m->fd, buf, sizeof(buf))) <= 0) {
            g_test_message("waited for '%s', got '%s'", text,
                           g_strescape(m->seen->str, NULL));
            g_assert_not_reached();
        }
        g_string_append_len(m->seen, buf, n);
    }
    g_string_erase(m->seen, 0, at - m->seen->str + strlen(text));
}

/* Nothing more arrives for a moment */
static void expect_quiet(Mux *m)
{
    struct pollfd p = { .fd = m->fd, .events = POLLIN };

    g_assert_cmpuint(m->seen->len, ==, 0);
    g_assert_cmpint(poll(&p, 1, 200), ==, 0);
}

/* The ASCII input the guest reads now (Read Event Data), "" for none */
static char *guest_reads(Mux *m)
{
    uint16_t len;
    char *text;

    if (sclp_read_events(m->s, NULL) != 0x0020) {
        return g_strdup("");
    }
    len = qtest_readw(m->s, SCCB + 8) - 7;
    text = g_malloc0(len + 1);
    qtest_memread(m->s, SCCB + 15, text, len);
    return text;
}

/* Input reaches the guest after the service signal */
static char *guest_reads_typed(Mux *m)
{
    for (int tries = 0; tries < 1000 && ext_intr(m->s) < 0; tries++) {
        g_usleep(10 * 1000);
    }
    return guest_reads(m);
}

static void test_focus(void)
{
    Mux *m = mux_start();
    g_autofree char *got = NULL, *got2 = NULL, *none = NULL;

    g_assert_cmphex(sclp_set_mask(m->s, MASK4(EV_ASCII), MASK4(EV_ASCII), NULL),
                    ==, 0x0020);
    /* the console has the focus; the monitor's greeting is held */
    type(m, "ls\r");
    got = guest_reads_typed(m);
    g_assert_cmpstr(got, ==, "ls\r");
    expect_quiet(m);
    /* Ctrl-A c: the monitor, its greeting and prompt */
    type(m, "\001c");
    expect(m, "monitor - type 'help' for more information\r\n(qemu) ");
    type(m, "info status\r");
    expect(m, "info status\033[K\r\nVM status: running\r\n(qemu) ");
    /* the console's output goes out while the monitor has the focus */
    g_assert_cmphex(sclp_write_event(m->s, EV_ASCII, "out\n", 4), ==, 0x0020);
    expect(m, "out\n");
    none = guest_reads(m);
    g_assert_cmpstr(none, ==, ""); /* what went to the monitor */
    /* back to the console: its input again; Ctrl-A Ctrl-A is one Ctrl-A */
    type(m, "\001c");
    expect(m, "\r\n");
    type(m, "x\001\001y\001b");
    got2 = guest_reads_typed(m);
    g_assert_cmpstr(got2, ==, "x\001y");
    expect_quiet(m);
    mux_quit(m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sclpconsole-mux/focus", test_focus);
    return g_test_run();
}
