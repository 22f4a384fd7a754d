/*
 * virtio-serial-ccw driven as Linux's virtio_console driver drives it:
 * MULTIPORT negotiated, control queues 2/3 with receive buffers posted,
 * DEVICE_READY answered by DEVICE_ADD for each port, PORT_READY answered
 * by CONSOLE_PORT / PORT_NAME / PORT_OPEN, PORT_OPEN from the guest with
 * QMP's VSERPORT_CHANGE, bytes both ways through a unix socket chardev
 * whose other end the test holds (host input waits while the guest has
 * no receive buffer), a port without chardev, hot plug and unplug of
 * ports, emergency writes, malformed control messages (ignored, the
 * device keeps working), QEMU 7.2's command-line errors, and one
 * virtio-serial-pci smoke test.
 */
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "virtio-ccw-test.h"

#define F_MULTIPORT (1u << 1)
#define F_EMERG     (1u << 2)
#define F_SIZE      (1u << 0)

#define QSZ       16
#define NQ        10 /* queues set up: port 0, control, ports 1..3 */
#define RING_BASE 0x100000
#define BUF_BASE  0x400000
#define BUF_LEN   0x1000
#define CTRL_BUF  64
#define BIG_ADDR  0x1000000

#define EV_DEVICE_READY  0
#define EV_DEVICE_ADD    1
#define EV_DEVICE_REMOVE 2
#define EV_PORT_READY    3
#define EV_CONSOLE_PORT  4
#define EV_PORT_OPEN     6
#define EV_PORT_NAME     7

#define GA_NAME "org.qemu.guest_agent.0"

typedef struct Vq {
    uint16_t avail; /* entries made available */
    uint16_t used;  /* used entries looked at */
} Vq;

typedef struct Ser {
    QTestState *s;
    Vq vq[NQ];
    char *dir;
} Ser;

typedef struct CtrlMsg {
    uint32_t id;
    uint16_t event;
    uint16_t value;
    char text[CTRL_BUF];
    uint32_t len;
} CtrlMsg;

static uint64_t q_desc(unsigned q)
{
    return RING_BASE + q * 0x4000;
}

static uint64_t q_avail(unsigned q)
{
    return q_desc(q) + 0x1000;
}

static uint64_t q_used(unsigned q)
{
    return q_desc(q) + 0x2000;
}

static uint64_t q_buf(unsigned q, unsigned slot)
{
    return BUF_BASE + q * (QSZ * BUF_LEN) + slot * BUF_LEN;
}

static void take_pending(QTestState *s)
{
    inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR);
}

/* Offer one buffer on queue @q: readable with @data, or writable */
static void vq_post(Ser *c, unsigned q, const void *data, uint32_t len,
                    bool writable)
{
    Vq *v = &c->vq[q];
    unsigned slot = v->avail % QSZ;

    if (data) {
        qtest_memwrite(c->s, q_buf(q, slot), data, len);
    }
    vring_desc(c->s, q_desc(q), slot, q_buf(q, slot), len, writable ? 2 : 0, 0);
    wle16(c->s, q_avail(q) + 4 + 2 * slot, slot);
    wle16(c->s, q_avail(q) + 2, ++v->avail);
    vccw_kick(c->s, VSID, q);
    take_pending(c->s);
}

/* The next used entry of queue @q within @ms: its id and length */
static bool vq_used_wait(Ser *c, unsigned q, uint32_t *id, uint32_t *len,
                         int ms)
{
    Vq *v = &c->vq[q];

    for (int i = 0; i <= ms / 10; i++) {
        if ((uint16_t)(rle16(c->s, q_used(q) + 2) - v->used) > 0) {
            uint64_t e = q_used(q) + 4 + 8 * (v->used % QSZ);

            *id = rle32(c->s, e);
            *len = rle32(c->s, e + 4);
            v->used++;
            return true;
        }
        g_usleep(10000);
    }
    return false;
}

/* A control message from the driver's side (queue 3), @len bytes */
static void ctrl_send_raw(Ser *c, const uint8_t *m, uint32_t len)
{
    uint32_t id, ulen;

    vq_post(c, 3, m, len, false);
    g_assert_true(vq_used_wait(c, 3, &id, &ulen, 5000));
}

static void ctrl_send(Ser *c, uint32_t id, uint16_t event, uint16_t value)
{
    uint8_t m[8] = { id,    id >> 8,    id >> 16, id >> 24,
                     event, event >> 8, value,    value >> 8 };

    ctrl_send_raw(c, m, sizeof(m));
}

/* The device's next control message (a receive buffer is posted again) */
static bool ctrl_recv(Ser *c, CtrlMsg *m, int ms)
{
    uint32_t id, len;
    uint8_t b[CTRL_BUF + 1] = { 0 };

    if (!vq_used_wait(c, 2, &id, &len, ms)) {
        return false;
    }
    g_assert_cmpuint(len, >=, 8);
    g_assert_cmpuint(len, <=, CTRL_BUF);
    qtest_memread(c->s, q_buf(2, id), b, len);
    m->id = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
    m->event = b[4] | b[5] << 8;
    m->value = b[6] | b[7] << 8;
    m->len = len;
    memcpy(m->text, b + 8, CTRL_BUF - 8);
    m->text[CTRL_BUF - 8] = 0;
    vq_post(c, 2, NULL, CTRL_BUF, true);
    return true;
}

static void ctrl_expect(Ser *c, uint32_t id, uint16_t event, uint16_t value)
{
    CtrlMsg m;

    g_assert_true(ctrl_recv(c, &m, 5000));
    g_assert_cmpuint(m.id, ==, id);
    g_assert_cmpuint(m.event, ==, event);
    g_assert_cmpuint(m.value, ==, value);
}

static void ctrl_expect_none(Ser *c)
{
    CtrlMsg m;

    g_assert_false(ctrl_recv(c, &m, 200));
}

/* READ_CONF of @len bytes into @b */
static void ser_config(Ser *c, uint8_t *b, uint16_t len)
{
    take_pending(c->s);
    g_assert_true(ccw_ok(ccw_run(c->s, CMD_READ_CONF, 0, len, DATA_ADDR)));
    qtest_memread(c->s, DATA_ADDR, b, len);
}

/*
 * The bring-up of virtio_console: features @want (word 0) of what is
 * offered, NQ queues, DRIVER_OK, control receive buffers; with
 * @ready DEVICE_READY too. The negotiated word 0 is returned.
 */
static uint32_t ser_bringup(Ser *c, uint32_t want, bool ready)
{
    QTestState *s = c->s;
    uint32_t f;

    vccw_enable(s);
    f = vccw_negotiate(s, want);
    for (unsigned q = 0; q < NQ && vccw_vq_max(s, q) > 0; q++) {
        qtest_memset(s, q_desc(q), 0, 0x3000);
        g_assert_true(
            ccw_ok(vccw_set_vq(s, q, QSZ, q_desc(q), q_avail(q), q_used(q))));
    }
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK |
                                        ST_DRIVER_OK)));
    for (int i = 0; i < 8; i++) {
        vq_post(c, 2, NULL, CTRL_BUF, true);
    }
    if (ready) {
        ctrl_send(c, 0, EV_DEVICE_READY, 1);
    }
    return f;
}

static Ser *ser_start(const char *devices)
{
    Ser *c = g_new0(Ser, 1);
    g_autofree char *args = NULL;

    c->dir = g_dir_make_tmp("vser-XXXXXX", NULL);
    g_assert_nonnull(c->dir);
    args = g_strdup_printf(
        "-chardev socket,id=c0,path=%s/c0,server=on,wait=off "
        "-chardev socket,id=c1,path=%s/c1,server=on,wait=off %s",
        c->dir, c->dir, devices);
    c->s = start(args);
    return c;
}

static void ser_end(Ser *c)
{
    g_autofree char *p0 = g_strdup_printf("%s/c0", c->dir);
    g_autofree char *p1 = g_strdup_printf("%s/c1", c->dir);

    qtest_quit(c->s);
    unlink(p0);
    unlink(p1);
    rmdir(c->dir);
    g_free(c->dir);
    g_free(c);
}

static int sock_connect(Ser *c, const char *name)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/%s", c->dir, name);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    return fd;
}

/* Exactly @len bytes from @fd within 5 s */
static void sock_read(int fd, void *buf, size_t len)
{
    size_t got = 0;

    while (got < len) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        ssize_t n;

        g_assert_cmpint(poll(&p, 1, 5000), ==, 1);
        n = read(fd, (uint8_t *)buf + got, len - got);
        g_assert_cmpint(n, >, 0);
        got += n;
    }
}

static bool sock_quiet(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };

    return poll(&p, 1, 200) == 0;
}

/*
 * @total bytes from the host through port queue @q, while the guest
 * posts one buffer at a time: every byte arrives, in order (the chardev
 * is not read while the port has no room; nothing is dropped).
 */
static void bulk_to_guest(Ser *c, int fd, unsigned q, size_t total)
{
    g_autofree uint8_t *want = g_malloc(total);
    g_autofree uint8_t *got = g_malloc(total);
    size_t sent = 0, recvd = 0;
    int fl = fcntl(fd, F_GETFL);

    for (size_t i = 0; i < total; i++) {
        want[i] = i * 13 + (i >> 9);
    }
    g_assert_cmpint(fcntl(fd, F_SETFL, fl | O_NONBLOCK), ==, 0);
    while (recvd < total) {
        uint32_t id, len;

        if (sent < total) {
            ssize_t n = write(fd, want + sent, total - sent);

            g_assert_true(n > 0 || errno == EAGAIN);
            sent += n > 0 ? n : 0;
        }
        vq_post(c, q, NULL, BUF_LEN, true);
        g_assert_true(vq_used_wait(c, q, &id, &len, 5000));
        g_assert_cmpuint(len, <=, total - recvd);
        qtest_memread(c->s, q_buf(q, id), got + recvd, len);
        recvd += len;
    }
    g_assert_cmpmem(got, total, want, total);
    g_assert_cmpint(fcntl(fd, F_SETFL, fl), ==, 0);
}

/* query-chardev's "frontend-open" of chardev @label */
static bool chardev_fe_open(Ser *c, const char *label)
{
    JsonObject *rsp = qtest_qmp(c->s, "{'execute': 'query-chardev'}");
    JsonArray *a = json_object_get_array_member(rsp, "return");
    int found = -1;

    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *o = json_array_get_object_element(a, i);

        if (!strcmp(json_object_get_string_member(o, "label"), label)) {
            found = json_object_get_boolean_member(o, "frontend-open");
        }
    }
    json_object_unref(rsp);
    g_assert_cmpint(found, >=, 0);
    return found;
}

/* VSERPORT_CHANGE for port device @id, open state @open */
static void expect_vserport(Ser *c, const char *id, bool open)
{
    JsonObject *ev = qtest_qmp_eventwait_ref(c->s, "VSERPORT_CHANGE");
    JsonObject *data = json_object_get_object_member(ev, "data");

    g_assert_cmpstr(json_object_get_string_member(data, "id"), ==, id);
    g_assert_cmpint(json_object_get_boolean_member(data, "open"), ==, open);
    json_object_unref(ev);
}

/* Needs-reset never set: the device still works */
static void assert_not_broken(Ser *c)
{
    take_pending(c->s);
    g_assert_cmphex(vccw_read_status(c->s) & ST_NEEDS_RESET, ==, 0);
}

#define LIBVIRT_DEVICES                                                        \
    "-device virtio-serial-ccw,id=virtio-serial0,devno=fe.0.0000 "             \
    "-device virtserialport,bus=virtio-serial0.0,nr=1,chardev=c0,"             \
    "id=channel0,name=" GA_NAME " "

/* ---- tests ---- */

/* features, config space, queue sizes as QEMU 7.2 has them */
static void test_features_config(void)
{
    Ser *c = ser_start(LIBVIRT_DEVICES);
    uint8_t cfg[12];
    uint32_t f;

    vccw_enable(c->s);
    g_assert_true(ccw_ok(vccw_set_rev(c->s, 2)));
    f = vccw_read_feat(c->s, 0);
    g_assert_cmphex(f & (F_MULTIPORT | F_EMERG | F_SIZE), ==,
                    F_MULTIPORT | F_EMERG);
    g_assert_cmpint(vccw_vq_max(c->s, 0), ==, 128);
    g_assert_cmpint(vccw_vq_max(c->s, 2), ==, 32);
    g_assert_cmpint(vccw_vq_max(c->s, 3), ==, 32);
    g_assert_cmpint(vccw_vq_max(c->s, 63), ==, 128);
    g_assert_cmpint(vccw_vq_max(c->s, 64), ==, 0); /* 31 ports: 64 queues */
    ser_config(c, cfg, sizeof(cfg));
    g_assert_cmpuint(rle16(c->s, DATA_ADDR), ==, 0);     /* cols */
    g_assert_cmpuint(rle16(c->s, DATA_ADDR + 2), ==, 0); /* rows */
    g_assert_cmpuint(rle32(c->s, DATA_ADDR + 4), ==, 31);
    ser_end(c);

    /* one port: no MULTIPORT; emergency-write=off: no EMERG_WRITE */
    c = ser_start("-device virtio-serial-ccw,devno=fe.0.0000,max_ports=1,"
                  "emergency-write=off");
    vccw_enable(c->s);
    g_assert_true(ccw_ok(vccw_set_rev(c->s, 2)));
    g_assert_cmphex(vccw_read_feat(c->s, 0) & (F_MULTIPORT | F_EMERG), ==, 0);
    g_assert_cmpint(vccw_vq_max(c->s, 3), ==, 32);
    g_assert_cmpint(vccw_vq_max(c->s, 4), ==, 0);
    ser_end(c);
}

/*
 * libvirt's guest agent channel: DEVICE_ADD, PORT_NAME, PORT_OPEN both
 * ways with VSERPORT_CHANGE, bytes both ways, flow control, disconnect.
 */
static void test_guest_agent(void)
{
    Ser *c = ser_start(LIBVIRT_DEVICES);
    CtrlMsg m;
    uint32_t id, len;
    uint8_t got[64];
    int fd;

    g_assert_cmphex(ser_bringup(c, F_MULTIPORT, false), ==, F_MULTIPORT);
    /* nothing before DEVICE_READY */
    ctrl_expect_none(c);
    ctrl_send(c, 0, EV_DEVICE_READY, 1);
    ctrl_expect(c, 1, EV_DEVICE_ADD, 1);
    ctrl_expect_none(c);

    /* PORT_READY: the name; the host side is not connected yet */
    ctrl_send(c, 1, EV_PORT_READY, 1);
    g_assert_true(ctrl_recv(c, &m, 5000));
    g_assert_cmpuint(m.id, ==, 1);
    g_assert_cmpuint(m.event, ==, EV_PORT_NAME);
    g_assert_cmpuint(m.value, ==, 1);
    g_assert_cmpuint(m.len, ==, 8 + strlen(GA_NAME) + 1);
    g_assert_cmpstr(m.text, ==, GA_NAME);
    ctrl_expect_none(c);

    /* the host connects: PORT_OPEN 1 */
    fd = sock_connect(c, "c0");
    ctrl_expect(c, 1, EV_PORT_OPEN, 1);

    /* host bytes before the guest opened the port wait */
    g_assert_cmpint(write(fd, "ping\n", 5), ==, 5);
    vq_post(c, 4, NULL, BUF_LEN, true);
    g_assert_false(vq_used_wait(c, 4, &id, &len, 200));

    /* the guest opens: VSERPORT_CHANGE, and the bytes come */
    g_assert_false(chardev_fe_open(c, "c0"));
    ctrl_send(c, 1, EV_PORT_OPEN, 1);
    expect_vserport(c, "channel0", true);
    g_assert_true(chardev_fe_open(c, "c0"));
    g_assert_true(vq_used_wait(c, 4, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 5);
    qtest_memread(c->s, q_buf(4, id), got, len);
    g_assert_cmpmem(got, len, "ping\n", 5);

    /* no receive buffer: bytes wait; a short one takes part of them */
    g_assert_cmpint(write(fd, "abcdefgh", 8), ==, 8);
    g_usleep(100000);
    vq_post(c, 4, NULL, 3, true);
    g_assert_true(vq_used_wait(c, 4, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 3);
    qtest_memread(c->s, q_buf(4, id), got, 3);
    g_assert_cmpmem(got, 3, "abc", 3);
    vq_post(c, 4, NULL, BUF_LEN, true);
    g_assert_true(vq_used_wait(c, 4, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 5);
    qtest_memread(c->s, q_buf(4, id), got, 5);
    g_assert_cmpmem(got, 5, "defgh", 5);

    /* much more than a port holds, before and while buffers come */
    bulk_to_guest(c, fd, 4, 256 * 1024);

    /* guest output to the socket */
    vq_post(c, 5, "{\"return\": {}}\n", 15, false);
    g_assert_true(vq_used_wait(c, 5, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 0);
    sock_read(fd, got, 15);
    g_assert_cmpmem(got, 15, "{\"return\": {}}\n", 15);

    /*
     * a request far over the chardev's bound, to a peer that does not
     * read: held (not used) until the peer reads it all
     */
    {
        const size_t big = 4 << 20;
        g_autofree uint8_t *data = g_malloc(big);
        unsigned slot = c->vq[5].avail % QSZ;

        qtest_memset(c->s, BIG_ADDR, 0x5a, big);
        vring_desc(c->s, q_desc(5), slot, BIG_ADDR, big, 0, 0);
        wle16(c->s, q_avail(5) + 4 + 2 * slot, slot);
        wle16(c->s, q_avail(5) + 2, ++c->vq[5].avail);
        vccw_kick(c->s, VSID, 5);
        take_pending(c->s);
        g_assert_false(vq_used_wait(c, 5, &id, &len, 300));
        sock_read(fd, data, big);
        for (size_t i = 0; i < big; i++) {
            g_assert_cmpint(data[i], ==, 0x5a);
        }
        g_assert_true(vq_used_wait(c, 5, &id, &len, 5000));
    }

    /* the host goes: PORT_OPEN 0; guest output then goes nowhere */
    close(fd);
    ctrl_expect(c, 1, EV_PORT_OPEN, 0);
    vq_post(c, 5, "lost", 4, false);
    g_assert_true(vq_used_wait(c, 5, &id, &len, 5000));

    /* the guest closes: VSERPORT_CHANGE open false */
    ctrl_send(c, 1, EV_PORT_OPEN, 0);
    expect_vserport(c, "channel0", false);
    g_assert_false(chardev_fe_open(c, "c0"));

    /* reconnecting opens again, and data flows */
    fd = sock_connect(c, "c0");
    ctrl_expect(c, 1, EV_PORT_OPEN, 1);
    ctrl_send(c, 1, EV_PORT_OPEN, 1);
    expect_vserport(c, "channel0", true);
    vq_post(c, 5, "again", 5, false);
    sock_read(fd, got, 5);
    g_assert_cmpmem(got, 5, "again", 5);
    g_assert_true(sock_quiet(fd)); /* "lost" never came */

    /* a device reset closes the guest side */
    take_pending(c->s);
    g_assert_true(ccw_ok(vccw_write_status(c->s, 0)));
    expect_vserport(c, "channel0", false);
    close(fd);
    assert_not_broken(c);
    ser_end(c);
}

/* console port 0, a port without chardev, hot plug and unplug */
static void test_ports(void)
{
    Ser *c = ser_start(LIBVIRT_DEVICES
                       "-device virtconsole,chardev=c1,id=console1 "
                       "-device virtserialport,nr=2,id=nochr,name=other");
    JsonObject *rsp, *ev;
    CtrlMsg m;
    uint32_t id, len;
    uint8_t got[16];
    int fd1;

    ser_bringup(c, F_MULTIPORT | F_EMERG, true);
    ctrl_expect(c, 0, EV_DEVICE_ADD, 1);
    ctrl_expect(c, 1, EV_DEVICE_ADD, 1);
    ctrl_expect(c, 2, EV_DEVICE_ADD, 1);
    ctrl_expect_none(c);

    /* the console: CONSOLE_PORT, and open (it has a chardev) */
    ctrl_send(c, 0, EV_PORT_READY, 1);
    ctrl_expect(c, 0, EV_CONSOLE_PORT, 1);
    ctrl_expect(c, 0, EV_PORT_OPEN, 1);
    ctrl_expect_none(c);
    fd1 = sock_connect(c, "c1");
    ctrl_expect_none(c); /* a console does not follow the peer */
    g_assert_true(chardev_fe_open(c, "c1")); /* a console: attached */
    ctrl_send(c, 0, EV_PORT_OPEN, 1);
    expect_vserport(c, "console1", true);
    vq_post(c, 1, "login: ", 7, false); /* port 0 transmit queue */
    sock_read(fd1, got, 7);
    g_assert_cmpmem(got, 7, "login: ", 7);
    g_assert_cmpint(write(fd1, "root\n", 5), ==, 5);
    vq_post(c, 0, NULL, BUF_LEN, true);
    g_assert_true(vq_used_wait(c, 0, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 5);

    /* an emergency write: emerg_wr's low byte to the console */
    take_pending(c->s);
    qtest_memset(c->s, DATA_ADDR, 0, 12);
    wle32(c->s, DATA_ADDR + 8, '!');
    g_assert_true(ccw_ok(ccw_run(c->s, CMD_WRITE_CONF, 0, 12, DATA_ADDR)));
    sock_read(fd1, got, 1);
    g_assert_cmpint(got[0], ==, '!');

    /* no chardev: name, never open; output dropped */
    ctrl_send(c, 2, EV_PORT_READY, 1);
    g_assert_true(ctrl_recv(c, &m, 5000));
    g_assert_cmpuint(m.event, ==, EV_PORT_NAME);
    g_assert_cmpstr(m.text, ==, "other");
    ctrl_expect_none(c);
    ctrl_send(c, 2, EV_PORT_OPEN, 1);
    expect_vserport(c, "nochr", true);
    vq_post(c, 7, "void", 4, false);
    g_assert_true(vq_used_wait(c, 7, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 0);

    /* hot unplug: DEVICE_REMOVE, DEVICE_DELETED */
    rsp = qtest_qmp(c->s, "{'execute': 'device_del', "
                          "'arguments': {'id': 'nochr'}}");
    g_assert_false(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    ev = qtest_qmp_eventwait_ref(c->s, "DEVICE_DELETED");
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(ev, "data"), "device"),
                    ==, "nochr");
    json_object_unref(ev);
    ctrl_expect(c, 2, EV_DEVICE_REMOVE, 1);
    /* its id is unknown now: its messages are ignored */
    ctrl_send(c, 2, EV_PORT_READY, 1);
    ctrl_expect_none(c);

    /* hot plug: DEVICE_ADD at the free id, the name after PORT_READY */
    rsp = qtest_qmp(c->s, "{'execute': 'device_add', 'arguments': "
                          "{'driver': 'virtserialport', 'id': 'hp', "
                          "'bus': 'virtio-serial0.0', 'name': 'hot'}}");
    g_assert_false(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    ctrl_expect(c, 2, EV_DEVICE_ADD, 1);
    ctrl_send(c, 2, EV_PORT_READY, 1);
    g_assert_true(ctrl_recv(c, &m, 5000));
    g_assert_cmpstr(m.text, ==, "hot");

    /* a name in use, port 0 for a virtserialport */
    rsp = qtest_qmp(c->s, "{'execute': 'device_add', 'arguments': "
                          "{'driver': 'virtserialport', 'name': 'hot'}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    rsp = qtest_qmp(c->s, "{'execute': 'device_add', 'arguments': "
                          "{'driver': 'virtserialport', 'nr': 0}}");
    g_assert_true(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    assert_not_broken(c);
    close(fd1);
    ser_end(c);
}

/* malformed control traffic is ignored; the device keeps working */
static void test_malformed(void)
{
    Ser *c = ser_start(LIBVIRT_DEVICES);
    uint8_t shortmsg[4] = { 1, 0, 0, 0 };
    uint32_t id, len;
    uint8_t got[8];

    ser_bringup(c, F_MULTIPORT, false);
    ctrl_send(c, 0, EV_DEVICE_READY, 0); /* the driver failed */
    ctrl_expect_none(c);
    ctrl_send_raw(c, shortmsg, sizeof(shortmsg)); /* under 8 bytes */
    ctrl_send(c, 0, EV_DEVICE_READY, 1);
    ctrl_expect(c, 1, EV_DEVICE_ADD, 1);
    ctrl_send(c, 99, EV_PORT_READY, 1);        /* no such port */
    ctrl_send(c, 0xffffffff, EV_PORT_OPEN, 1); /* no such port */
    ctrl_send(c, 1, 0x4242, 1);                /* no such event */
    ctrl_send(c, 1, EV_DEVICE_ADD, 1);         /* the device's own */
    ctrl_send(c, 1, EV_PORT_READY, 0);         /* port failed */
    ctrl_expect_none(c);

    /* a control receive buffer too short for the name: cut short */
    {
        /* take every posted control buffer away: none left */
        for (int i = 0; i < 8; i++) {
            c->vq[2].avail--;
        }
        wle16(c->s, q_avail(2) + 2, c->vq[2].avail);
    }
    ctrl_send(c, 1, EV_PORT_READY, 1);
    {
        unsigned slot = c->vq[2].avail % QSZ;

        vring_desc(c->s, q_desc(2), slot, q_buf(2, slot), 4, 2, 0);
        wle16(c->s, q_avail(2) + 4 + 2 * slot, slot);
        wle16(c->s, q_avail(2) + 2, ++c->vq[2].avail);
        vccw_kick(c->s, VSID, 2);
        take_pending(c->s);
    }
    g_assert_true(vq_used_wait(c, 2, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 4);

    /* data on queues of ports that do not exist: given back unread */
    vq_post(c, 9, "x", 1, false);
    g_assert_true(vq_used_wait(c, 9, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 0);
    vq_post(c, 8, NULL, 8, true);
    g_assert_false(vq_used_wait(c, 8, &id, &len, 200));
    (void)got;
    assert_not_broken(c);
    ser_end(c);
}

/*
 * max_ports=1: no MULTIPORT, no control messages; the console on port 0
 * takes data both ways without any PORT_OPEN
 */
static void test_single_port(void)
{
    Ser *c = ser_start("-device virtio-serial-ccw,devno=fe.0.0000,"
                       "max_ports=1 -device virtconsole,chardev=c1");
    uint32_t id, len;
    uint8_t got[8];
    int fd;

    g_assert_cmphex(ser_bringup(c, F_MULTIPORT, true), ==, 0);
    ctrl_expect_none(c);
    fd = sock_connect(c, "c1");
    vq_post(c, 1, "hi", 2, false);
    sock_read(fd, got, 2);
    g_assert_cmpmem(got, 2, "hi", 2);
    g_assert_cmpint(write(fd, "yo", 2), ==, 2);
    vq_post(c, 0, NULL, BUF_LEN, true);
    g_assert_true(vq_used_wait(c, 0, &id, &len, 5000));
    g_assert_cmpuint(len, ==, 2);
    qtest_memread(c->s, q_buf(0, id), got, 2);
    g_assert_cmpmem(got, 2, "yo", 2);
    close(fd);
    ser_end(c);
}

/* the device goes with its ports, while the driver runs */
static void test_unplug_device(void)
{
    Ser *c = ser_start(LIBVIRT_DEVICES
                       "-device virtconsole,chardev=c1,id=console1");
    JsonObject *rsp;
    int deleted = 0;

    ser_bringup(c, F_MULTIPORT, true);
    ctrl_expect(c, 0, EV_DEVICE_ADD, 1);
    ctrl_expect(c, 1, EV_DEVICE_ADD, 1);
    rsp = qtest_qmp(c->s, "{'execute': 'device_del', "
                          "'arguments': {'id': 'virtio-serial0'}}");
    g_assert_false(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    while (deleted < 3) {
        JsonObject *ev = qtest_qmp_eventwait_ref(c->s, "DEVICE_DELETED");

        deleted++;
        json_object_unref(ev);
    }
    /* the chardevs are free again */
    rsp = qtest_qmp(c->s, "{'execute': 'device_add', 'arguments': "
                          "{'driver': 'virtio-serial-ccw', 'id': 'vs1'}}");
    g_assert_false(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    rsp = qtest_qmp(c->s, "{'execute': 'device_add', 'arguments': "
                          "{'driver': 'virtserialport', 'chardev': 'c0', "
                          "'bus': 'vs1.0', 'name': '" GA_NAME "'}}");
    g_assert_false(qmp_rsp_is_err(rsp));
    json_object_unref(rsp);
    ser_end(c);
}

/* QEMU 7.2's errors for the devices' options */
static void test_errors(void)
{
    static const struct {
        const char *args, *err;
    } cases[] = {
        { "-device virtio-serial-ccw -device virtserialport,nr=0",
          "-device virtserialport,nr=0: Port number 0 on virtio-serial "
          "devices reserved for virtconsole devices for backward "
          "compatibility." },
        { "-device virtio-serial-ccw -device virtserialport,nr=1 "
          "-device virtserialport,nr=1",
          "-device virtserialport,nr=1: virtio-serial-bus: A port already "
          "exists at id 1" },
        { "-device virtio-serial-ccw,max_ports=2 -device virtserialport,nr=2",
          "-device virtserialport,nr=2: virtio-serial-bus: Out-of-range port "
          "id specified, max. allowed: 1" },
        { "-device virtio-serial-ccw -device virtserialport,name=a "
          "-device virtserialport,name=a",
          "-device virtserialport,name=a: virtio-serial-bus: A port already "
          "exists by name a" },
        { "-device virtio-serial-ccw,max_ports=600",
          "-device virtio-serial-ccw,max_ports=600: maximum ports supported: "
          "511" },
        { "-device virtio-serial-ccw,max_ports=0",
          "-device virtio-serial-ccw,max_ports=0: Maximum number of serial "
          "ports not specified" },
        { "-device virtserialport",
          "-device virtserialport: No 'virtio-serial-bus' bus found for "
          "device 'virtserialport'" },
        { "-device virtio-serial-ccw -device virtserialport,chardev=nope",
          "-device virtserialport,chardev=nope: Property "
          "'virtserialport.chardev' can't find value 'nope'" },
        { "-chardev null,id=c -device virtio-serial-ccw "
          "-device virtserialport,chardev=c -device virtconsole,chardev=c",
          "-device virtconsole,chardev=c: Property 'virtconsole.chardev' "
          "can't take value 'c': Device 'c' is in use" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *args =
            g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s",
                            cases[i].args);
        int status;
        g_autofree gchar *err = NULL;
        g_autofree gchar *out = qtest_run_cmdline(args, &status, &err);

        g_assert_cmpint(status, ==, 1);
        if (!strstr(err, cases[i].err)) {
            g_error("%s: got %s", cases[i].args, err);
        }
    }
}

/* virtio-serial-pci: it realizes with its ports and shows on PCI */
static void test_pci_smoke(void)
{
    QTestState *s = qtest_init(
        "-machine s390-ccw-virtio -nodefaults "
        "-device virtio-serial-pci,id=vsp "
        "-device virtserialport,bus=vsp.0,id=p1,name=" GA_NAME " "
        "-device virtconsole,bus=vsp.0,id=con");
    JsonNode *n = qtest_qom_get(s, "/machine/peripheral/p1", "nr");

    g_assert_cmpint(json_node_get_int(n), ==, 4294967295LL);
    json_node_unref(n);
    n = qtest_qom_get(s, "/machine/peripheral/vsp", "max_ports");
    g_assert_cmpint(json_node_get_int(n), ==, 31);
    json_node_unref(n);
    qtest_qmp_assert_success(s, "{'execute': 'device_del', "
                                "'arguments': {'id': 'p1'}}");
    qtest_qmp_eventwait(s, "DEVICE_DELETED");
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-serial/features-config", test_features_config);
    g_test_add_func("/virtio-serial/guest-agent", test_guest_agent);
    g_test_add_func("/virtio-serial/ports", test_ports);
    g_test_add_func("/virtio-serial/malformed", test_malformed);
    g_test_add_func("/virtio-serial/single-port", test_single_port);
    g_test_add_func("/virtio-serial/unplug-device", test_unplug_device);
    g_test_add_func("/virtio-serial/errors", test_errors);
    g_test_add_func("/virtio-serial/pci-smoke", test_pci_smoke);
    return g_test_run();
}
