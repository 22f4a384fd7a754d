/*
 * virtio-net-ccw driven as Linux's virtio_net does (receive queue 0,
 * transmit queue 1, a 12-byte header on every buffer), on a socket
 * back end whose other end the test holds: frames both ways byte-exact
 * (UDP datagrams; TCP with QEMU's 4-byte big-endian length framing),
 * a frame held back until receive buffers are posted, set_link and the
 * configuration-change indicator, a NIC without a netdev (link up, as
 * QEMU), libslirp's user stack, tap when
 * /dev/net/tun is usable, and the -netdev / QMP errors of QEMU 7.2.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "udp-test.h"
#include "virtio-ccw-test.h"

#define F_MAC    (1u << 5)
#define F_MRG    (1u << 15)
#define F_STATUS (1u << 16)
#define HDR_LEN  12
#define QSZ      16
/* transmit queue rings (receive: the header's DESC/AVAIL/USED) */
#define TX_DESC    0x40000
#define TX_AVAIL   0x41000
#define TX_USED    0x42000
#define TX_BUF     0x50000
#define RX_BUF     0x60000
#define RX_BUF_LEN 2048
#define ETH_TEST   0x88b5 /* IEEE local experimental ethertype */

/* A port free now (bound and closed again). */
static uint16_t free_port(void)
{
    uint16_t port;

    close(udp_socket(&port));
    return port;
}

static void udp_send(int fd, uint16_t port, const void *buf, size_t len)
{
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };

    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(sendto(fd, buf, len, 0, (struct sockaddr *)&sa, sizeof(sa)),
                    ==, len);
}

/* A datagram within 5 s, or -1. */
static ssize_t recv_wait(int fd, void *buf, size_t len)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };

    if (poll(&p, 1, 5000) != 1) {
        return -1;
    }
    return recv(fd, buf, len, 0);
}

/* An Ethernet frame of @len bytes: broadcast, our ethertype, a pattern */
static void make_frame(uint8_t *f, size_t len, uint8_t seed)
{
    memset(f, 0xff, 6);
    memcpy(f + 6, "\x52\x54\x00\xaa\xbb\xcc", 6);
    f[12] = ETH_TEST >> 8;
    f[13] = ETH_TEST & 0xff;
    for (size_t i = 14; i < len; i++) {
        f[i] = seed + i * 7;
    }
}

/* Bring-up with both queues; the negotiated word 0 is returned. */
static uint32_t net_bringup(QTestState *s, uint32_t want)
{
    uint32_t f;

    vccw_enable(s);
    f = vccw_negotiate(s, want);
    qtest_memset(s, DESC_ADDR, 0, 0x3000);
    qtest_memset(s, TX_DESC, 0, 0x3000);
    g_assert_cmpint(vccw_vq_max(s, 0), ==, 256);
    g_assert_cmpint(vccw_vq_max(s, 1), ==, 256);
    g_assert_true(
        ccw_ok(vccw_set_vq(s, 0, QSZ, DESC_ADDR, AVAIL_ADR, USED_ADDR)));
    g_assert_true(ccw_ok(vccw_set_vq(s, 1, QSZ, TX_DESC, TX_AVAIL, TX_USED)));
    g_assert_true(
        ccw_ok(vccw_write_status(s, ST_ACK | ST_DRIVER | ST_FEATURES_OK |
                                        ST_DRIVER_OK)));
    return f;
}

/* Take a notification's pending status (cc 0), if there is one. */
static int take_pending(QTestState *s)
{
    return inst(s, "s390_tsch 0x%x 0x%x", VSID, IRB_ADDR);
}

/* READ_CONF: mac (6) and the little-endian status */
static uint16_t net_config(QTestState *s, uint8_t mac[6])
{
    take_pending(s);
    g_assert_true(ccw_ok(ccw_run(s, CMD_READ_CONF, 0, 10, DATA_ADDR)));
    if (mac) {
        qtest_memread(s, DATA_ADDR, mac, 6);
    }
    return rle16(s, DATA_ADDR + 6);
}

/* Queue a frame on the transmit queue (entry @n) and kick. */
static void net_tx(QTestState *s, uint16_t n, const uint8_t *frame, size_t len)
{
    uint8_t hdr[HDR_LEN] = { 0 };

    qtest_memwrite(s, TX_BUF, hdr, HDR_LEN);
    qtest_memwrite(s, TX_BUF + HDR_LEN, frame, len);
    vring_desc(s, TX_DESC, n % QSZ, TX_BUF, HDR_LEN + len, 0, 0);
    wle16(s, TX_AVAIL + 4 + 2 * (n % QSZ), n % QSZ);
    wle16(s, TX_AVAIL + 2, n + 1);
    vccw_kick(s, VSID, 1);
    take_pending(s);
}

/* Post receive buffer @n (RX_BUF_LEN bytes, writable) and kick. */
static void net_rx_post(QTestState *s, uint16_t n)
{
    vring_desc(s, DESC_ADDR, n % QSZ, RX_BUF + n % QSZ * RX_BUF_LEN, RX_BUF_LEN,
               2 /* WRITE */, 0);
    vring_avail(s, QSZ, n, n % QSZ, n + 1);
    vccw_kick(s, VSID, 0);
}

/* Wait (up to 5 s) until the receive used index reaches @idx. */
static bool rx_used_wait(QTestState *s, uint16_t idx)
{
    for (int i = 0; i < 500; i++) {
        if (rle16(s, USED_ADDR + 2) >= idx) {
            return true;
        }
        g_usleep(10000);
    }
    return false;
}

/* The receive buffer of used entry @n holds @frame behind a header */
static void check_rx(QTestState *s, uint16_t n, const uint8_t *frame,
                     size_t len)
{
    uint8_t hdr[HDR_LEN], want_hdr[HDR_LEN] = { 0 };
    g_autofree uint8_t *got = g_malloc(len);
    uint32_t id = rle32(s, USED_ADDR + 4 + 8 * (n % QSZ));

    g_assert_cmpuint(rle32(s, USED_ADDR + 8 + 8 * (n % QSZ)), ==,
                     HDR_LEN + len);
    qtest_memread(s, RX_BUF + id * RX_BUF_LEN, hdr, HDR_LEN);
    want_hdr[10] = 1; /* num_buffers, little-endian */
    g_assert_cmpmem(hdr, HDR_LEN, want_hdr, HDR_LEN);
    qtest_memread(s, RX_BUF + id * RX_BUF_LEN + HDR_LEN, got, len);
    g_assert_cmpmem(got, len, frame, len);
}

/* Some used receive entry holds @frame behind a one-buffer header */
static bool found_rx(QTestState *s, const uint8_t *frame, size_t len)
{
    uint16_t used = rle16(s, USED_ADDR + 2);
    g_autofree uint8_t *got = g_malloc(HDR_LEN + len);

    for (uint16_t n = 0; n < used && n < QSZ; n++) {
        uint32_t id = rle32(s, USED_ADDR + 4 + 8 * n);

        if (rle32(s, USED_ADDR + 8 + 8 * n) != HDR_LEN + len) {
            continue;
        }
        qtest_memread(s, RX_BUF + id * RX_BUF_LEN, got, HDR_LEN + len);
        if (got[10] == 1 && !memcmp(got + HDR_LEN, frame, len)) {
            return true;
        }
    }
    return false;
}

/* The binary has the user back end (built with libslirp) */
static bool user_built(void)
{
    static int built = -1;

    if (built < 0) {
        int status;
        g_autofree gchar *out = qtest_run_cmdline("-netdev help", &status,
                                                  NULL);

        built = strstr(out, "\nuser\n") != NULL;
    }
    return built;
}

typedef struct NetFixture {
    QTestState *s;
    int fd;         /* the test's end */
    uint16_t qport; /* the back end's local port */
} NetFixture;

static void net_fixture(NetFixture *f, const char *dev)
{
    uint16_t tport;
    g_autofree char *args = NULL;

    f->fd = udp_socket(&tport);
    f->qport = free_port();
    args = g_strdup_printf("-netdev socket,id=n0,udp=127.0.0.1:%u,"
                           "localaddr=127.0.0.1:%u "
                           "-device %s,netdev=n0,id=net0%s",
                           tport, f->qport, dev,
                           strstr(dev, "ccw") ? ",devno=fe.0.0000" : "");
    f->s = start(args);
}

static void net_fixture_end(NetFixture *f)
{
    qtest_quit(f->s);
    close(f->fd);
}

static void test_config(void)
{
    NetFixture f;
    uint8_t mac[6];
    uint32_t feat;

    net_fixture(&f, "virtio-net-ccw");
    feat = net_bringup(f.s, F_MAC | F_MRG | F_STATUS | (1u << 17));
    /* MAC, STATUS, MRG_RXBUF offered; no control queue */
    g_assert_cmphex(feat, ==, F_MAC | F_MRG | F_STATUS);
    g_assert_cmphex(net_config(f.s, mac), ==, 1); /* LINK_UP */
    g_assert_cmpmem(mac, 6, "\x52\x54\x00\x12\x34\x56", 6);
    g_assert_cmpint(rle16(f.s, DATA_ADDR + 8), ==, 1); /* queue pairs */
    net_fixture_end(&f);
}

static void test_tx(void)
{
    NetFixture f;
    uint8_t frame[60], got[2048];

    net_fixture(&f, "virtio-net-ccw");
    net_bringup(f.s, F_MAC | F_MRG | F_STATUS);
    make_frame(frame, sizeof(frame), 1);
    net_tx(f.s, 0, frame, sizeof(frame));
    g_assert_cmpint(recv_wait(f.fd, got, sizeof(got)), ==, sizeof(frame));
    g_assert_cmpmem(got, sizeof(frame), frame, sizeof(frame));
    g_assert_cmpint(rle16(f.s, TX_USED + 2), ==, 1);
    g_assert_cmphex(qtest_readq(f.s, IND_ADDR) & 2, ==, 2); /* queue 1 */
    net_fixture_end(&f);
}

static void test_rx(void)
{
    NetFixture f;
    uint8_t frame[100];

    net_fixture(&f, "virtio-net-ccw");
    net_bringup(f.s, F_MAC | F_MRG | F_STATUS);
    net_rx_post(f.s, 0);
    make_frame(frame, sizeof(frame), 2);
    udp_send(f.fd, f.qport, frame, sizeof(frame));
    g_assert_true(rx_used_wait(f.s, 1));
    check_rx(f.s, 0, frame, sizeof(frame));
    g_assert_cmphex(qtest_readq(f.s, IND_ADDR) & 1, ==, 1); /* queue 0 */
    net_fixture_end(&f);
}

/* No receive buffer: the frame waits, and comes once one is posted. */
static void test_rx_deferred(void)
{
    NetFixture f;
    uint8_t frame[200], frame2[64];

    net_fixture(&f, "virtio-net-ccw");
    net_bringup(f.s, F_MAC | F_MRG | F_STATUS);
    make_frame(frame, sizeof(frame), 3);
    make_frame(frame2, sizeof(frame2), 4);
    udp_send(f.fd, f.qport, frame, sizeof(frame));
    udp_send(f.fd, f.qport, frame2, sizeof(frame2));
    g_usleep(200000);
    g_assert_cmpint(rle16(f.s, USED_ADDR + 2), ==, 0);
    net_rx_post(f.s, 0);
    g_assert_true(rx_used_wait(f.s, 1));
    check_rx(f.s, 0, frame, sizeof(frame));
    net_rx_post(f.s, 1);
    g_assert_true(rx_used_wait(f.s, 2));
    check_rx(f.s, 1, frame2, sizeof(frame2));
    net_fixture_end(&f);
}

/* @cmdtext: JSON with single quotes for double ones */
static JsonObject *qmp_text(QTestState *s, const char *cmdtext)
{
    g_autofree char *text = g_strdup(cmdtext);

    g_strdelimit(text, "'", '"');
    return qtest_qmp_raw(s, text);
}

/* ---- stream sockets: each frame after its 4-byte big-endian length ---- */

static bool read_full(int fd, void *buf, size_t len)
{
    for (size_t got = 0; got < len;) {
        ssize_t n;

        if (recv_wait(fd, NULL, 0) < 0) {
            return false;
        }
        n = recv(fd, (uint8_t *)buf + got, len - got, 0);
        if (n <= 0) {
            return false;
        }
        got += n;
    }
    return true;
}

/* A frame each way over the connected stream @fd */
static void stream_exchange(QTestState *s, int fd)
{
    uint8_t frame[70], frame2[1500], lenb[4], got[1500];
    uint8_t out[4 + sizeof(frame2)];

    net_bringup(s, F_MAC | F_MRG | F_STATUS);
    make_frame(frame, sizeof(frame), 8);
    net_tx(s, 0, frame, sizeof(frame));
    g_assert_true(read_full(fd, lenb, 4));
    g_assert_cmpuint(lenb[0] << 24 | lenb[1] << 16 | lenb[2] << 8 | lenb[3], ==,
                     sizeof(frame));
    g_assert_true(read_full(fd, got, sizeof(frame)));
    g_assert_cmpmem(got, sizeof(frame), frame, sizeof(frame));

    net_rx_post(s, 0);
    make_frame(frame2, sizeof(frame2), 9);
    out[0] = 0;
    out[1] = 0;
    out[2] = sizeof(frame2) >> 8;
    out[3] = sizeof(frame2) & 0xff;
    memcpy(out + 4, frame2, sizeof(frame2));
    /* in two pieces: the length and a part, then the rest */
    g_assert_cmpint(send(fd, out, 100, 0), ==, 100);
    g_usleep(50000);
    g_assert_cmpint(send(fd, out + 100, sizeof(out) - 100, 0), ==,
                    sizeof(out) - 100);
    g_assert_true(rx_used_wait(s, 1));
    check_rx(s, 0, frame2, sizeof(frame2));
}

/* socket,listen=: the test connects */
static void test_socket_listen(void)
{
    uint16_t port = free_port();
    g_autofree char *args =
        g_strdup_printf("-netdev socket,id=n0,listen=127.0.0.1:%u "
                        "-device virtio-net-ccw,netdev=n0,devno=fe.0.0000",
                        port);
    QTestState *s = start(args);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    stream_exchange(s, fd);
    close(fd);
    qtest_quit(s);
}

/* stream,server=off: the back end connects to the test */
static void test_stream_connect(void)
{
    struct sockaddr_in sa = { .sin_family = AF_INET };
    socklen_t l = sizeof(sa);
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), fd;
    g_autofree char *args = NULL;
    QTestState *s;

    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(lfd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    g_assert_cmpint(listen(lfd, 1), ==, 0);
    g_assert_cmpint(getsockname(lfd, (struct sockaddr *)&sa, &l), ==, 0);
    args = g_strdup_printf(
        "-netdev '{\"type\":\"stream\",\"id\":\"n0\",\"server\":false,"
        "\"addr\":{\"type\":\"inet\",\"host\":\"127.0.0.1\","
        "\"port\":\"%u\"}}' "
        "-device virtio-net-ccw,netdev=n0,devno=fe.0.0000",
        ntohs(sa.sin_port));
    s = start(args);
    fd = accept(lfd, NULL, NULL);
    g_assert_cmpint(fd, >=, 0);
    stream_exchange(s, fd);
    close(fd);
    close(lfd);
    qtest_quit(s);
}

/* MRG_RXBUF: a frame larger than one buffer spans two, num_buffers 2;
 * without it the frame is dropped and the buffer stays posted */
static void test_rx_merge(void)
{
    NetFixture f;
    uint8_t frame[3000], small[80], hdr[HDR_LEN];
    g_autofree uint8_t *got = g_malloc(sizeof(frame));
    size_t first = RX_BUF_LEN - HDR_LEN;

    net_fixture(&f, "virtio-net-ccw");
    net_bringup(f.s, F_MAC | F_MRG | F_STATUS);
    net_rx_post(f.s, 0);
    net_rx_post(f.s, 1);
    make_frame(frame, sizeof(frame), 11);
    udp_send(f.fd, f.qport, frame, sizeof(frame));
    g_assert_true(rx_used_wait(f.s, 2));
    g_assert_cmpuint(rle32(f.s, USED_ADDR + 8), ==, RX_BUF_LEN);
    g_assert_cmpuint(rle32(f.s, USED_ADDR + 16), ==, sizeof(frame) - first);
    qtest_memread(f.s, RX_BUF, hdr, HDR_LEN);
    g_assert_cmpuint(hdr[10], ==, 2);
    qtest_memread(f.s, RX_BUF + HDR_LEN, got, first);
    qtest_memread(f.s, RX_BUF + RX_BUF_LEN, got + first, sizeof(frame) - first);
    g_assert_cmpmem(got, sizeof(frame), frame, sizeof(frame));
    net_fixture_end(&f);

    net_fixture(&f, "virtio-net-ccw");
    net_bringup(f.s, F_MAC | F_STATUS); /* no MRG_RXBUF */
    net_rx_post(f.s, 0);
    net_rx_post(f.s, 1);
    udp_send(f.fd, f.qport, frame, sizeof(frame));
    make_frame(small, sizeof(small), 12);
    udp_send(f.fd, f.qport, small, sizeof(small));
    g_assert_true(rx_used_wait(f.s, 1));
    check_rx(f.s, 0, small, sizeof(small));
    g_usleep(100000);
    g_assert_cmpint(rle16(f.s, USED_ADDR + 2), ==, 1);
    net_fixture_end(&f);
}

static void qmp_ok(QTestState *s, const char *cmdtext)
{
    JsonObject *rsp = qmp_text(s, cmdtext);

    g_assert_true(json_object_has_member(rsp, "return"));
    json_object_unref(rsp);
}

static void qmp_err(QTestState *s, const char *cmdtext, const char *klass,
                    const char *desc)
{
    JsonObject *rsp = qmp_text(s, cmdtext);
    JsonObject *err = json_object_get_object_member(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==, klass);
    g_assert_cmpstr(json_object_get_string_member(err, "desc"), ==, desc);
    json_object_unref(rsp);
}

/* set_link: the STATUS bit and a configuration-change indication */
static void test_set_link(void)
{
    NetFixture f;
    uint8_t frame[60], got[2048];

    net_fixture(&f, "virtio-net-ccw");
    net_bringup(f.s, F_MAC | F_MRG | F_STATUS);
    g_assert_cmpint(qtest_readq(f.s, CIND_ADDR), ==, 0);
    qmp_ok(f.s, "{'execute': 'set_link', 'arguments': {'name': 'net0', "
                "'up': false}}");
    g_assert_cmphex(qtest_readq(f.s, CIND_ADDR), !=, 0);
    g_assert_cmpint(take_pending(f.s), ==, 0); /* the interruption */
    g_assert_cmphex(net_config(f.s, NULL), ==, 0);
    /* link down: a frame the guest sends goes nowhere */
    make_frame(frame, sizeof(frame), 5);
    net_tx(f.s, 0, frame, sizeof(frame));
    g_assert_cmpint(rle16(f.s, TX_USED + 2), ==, 1);
    g_assert_cmpint(recv(f.fd, got, sizeof(got), MSG_DONTWAIT), ==, -1);
    qtest_writeq(f.s, CIND_ADDR, 0);
    /* the netdev's name sets the NIC's link too */
    qmp_ok(f.s, "{'execute': 'set_link', 'arguments': {'name': 'n0', "
                "'up': true}}");
    g_assert_cmphex(qtest_readq(f.s, CIND_ADDR), !=, 0);
    g_assert_cmphex(net_config(f.s, NULL), ==, 1);
    net_tx(f.s, 1, frame, sizeof(frame));
    g_assert_cmpint(recv_wait(f.fd, got, sizeof(got)), ==, sizeof(frame));
    qmp_err(f.s,
            "{'execute': 'set_link', 'arguments': {'name': 'zz', "
            "'up': true}}",
            "DeviceNotFound", "Device 'zz' not found");
    net_fixture_end(&f);
}

/*
 * A NIC without a netdev: as QEMU (its realize sets LINK_UP whatever the
 * peer), the link is up and what the guest sends is consumed and goes
 * nowhere; set_link still takes it down. MACs count up from QEMU's base.
 */
static void test_no_netdev(void)
{
    QTestState *s = start("-device virtio-net-ccw,devno=fe.0.0000,id=nn "
                          "-device virtio-net-ccw,devno=fe.0.0001");
    uint8_t mac[6], frame[60];

    net_bringup(s, F_MAC | F_MRG | F_STATUS);
    g_assert_cmphex(net_config(s, mac), ==, 1);
    g_assert_cmpmem(mac, 6, "\x52\x54\x00\x12\x34\x56", 6);
    make_frame(frame, sizeof(frame), 10);
    net_tx(s, 0, frame, sizeof(frame));
    g_assert_cmpint(rle16(s, TX_USED + 2), ==, 1);
    qmp_ok(s, "{'execute': 'set_link', 'arguments': {'name': 'nn', "
              "'up': false}}");
    g_assert_cmphex(net_config(s, NULL), ==, 0);
    qtest_quit(s);
    s = start("-device virtio-net-ccw,devno=fe.0.0000,mac=02:00:00:00:00:07");
    net_bringup(s, F_MAC);
    net_config(s, mac);
    g_assert_cmpmem(mac, 6, "\x02\x00\x00\x00\x00\x07", 6);
    qtest_quit(s);
}

static void test_qmp_netdev(void)
{
    QTestState *s = start(NULL);
    uint16_t p1 = free_port(), p2 = free_port();
    g_autofree char *add =
        g_strdup_printf("{'execute': 'netdev_add', 'arguments': {'type': "
                        "'socket', 'id': 'n1', 'udp': '127.0.0.1:%u', "
                        "'localaddr': '127.0.0.1:%u'}}",
                        p1, p2);

    qmp_ok(s, add);
    qmp_err(s, add, "GenericError", "Duplicate ID 'n1'");
    qmp_err(s,
            "{'execute': 'netdev_add', 'arguments': {'type': 'bogus', "
            "'id': 'n2'}}",
            "GenericError", "Parameter 'type' does not accept value 'bogus'");
    if (!user_built()) {
        qmp_err(s,
                "{'execute': 'netdev_add', 'arguments': {'type': 'user', "
                "'id': 'n2'}}",
                "GenericError",
                "Parameter 'type' does not accept value 'user'");
    } else {
        qmp_err(s,
                "{'execute': 'netdev_add', 'arguments': {'type': 'user', "
                "'id': 'n2', 'ipv4': false, 'ipv6': false}}",
                "GenericError", "IPv4 and IPv6 disabled");
    }
    qmp_err(s, "{'execute': 'netdev_add', 'arguments': {'id': 'n2'}}",
            "GenericError", "Parameter 'type' is missing");
    qmp_err(s,
            "{'execute': 'netdev_add', 'arguments': {'type': 'socket', "
            "'id': 'n2'}}",
            "GenericError",
            "exactly one of listen=, connect=, mcast= or udp= is required");
    qmp_err(s,
            "{'execute': 'netdev_add', 'arguments': {'type': 'socket', "
            "'id': 'n2', 'udp': '127.0.0.1:1', 'localaddr': "
            "'127.0.0.1:0', 'bogus': 1}}",
            "GenericError", "Parameter 'bogus' is unexpected");
    qmp_err(s,
            "{'execute': 'device_add', 'arguments': {'driver': "
            "'virtio-net-ccw', 'id': 'nic2', 'netdev': 'nope'}}",
            "GenericError",
            "Property 'virtio-net-device.netdev' can't find value 'nope'");
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'virtio-net-ccw', 'id': 'nic1', 'netdev': 'n1'}}");
    qmp_err(s,
            "{'execute': 'device_add', 'arguments': {'driver': "
            "'virtio-net-ccw', 'id': 'nic3', 'netdev': 'n1'}}",
            "GenericError",
            "Property 'virtio-net-device.netdev' can't take value 'n1', "
            "it\'s in use");
    /* unplugged, the card gives its netdev back */
    qmp_ok(s, "{'execute': 'device_del', 'arguments': {'id': 'nic1'}}");
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'virtio-net-ccw', 'id': 'nic3', 'netdev': 'n1'}}");
    qmp_ok(s, "{'execute': 'netdev_del', 'arguments': {'id': 'n1'}}");
    qmp_err(s, "{'execute': 'netdev_del', 'arguments': {'id': 'n1'}}",
            "DeviceNotFound", "Device 'n1' not found");
    qtest_quit(s);
}

/* Start-up errors, as QEMU 7.2 words them */
static void test_cmdline_errors(void)
{
    static const struct {
        const char *args, *msg;
        bool without_user; /* only when the user back end is not built */
        bool with_user;    /* only when it is */
    } cases[] = {
        { "-netdev foo,id=n", "Parameter 'type' does not accept value 'foo'" },
        { "-netdev user,id=n", "Parameter 'type' does not accept value 'user'",
          true },
        { "-netdev '{\"type\":\"user\",\"id\":\"hostnet0\"}'",
          "Parameter 'type' does not accept value 'user'", true },
        { "-netdev socket,id=n", "exactly one of listen=, connect=, mcast= "
                                 "or udp= is required" },
        { "-netdev socket,id=n,udp=127.0.0.1:5000",
          "localaddr= is mandatory with udp=" },
        { "-netdev socket,id=n,bogus=1", "Invalid parameter 'bogus'" },
        { "-netdev user", "Parameter 'id' is missing" },
        { "-netdev dgram,id=n", "dgram requires local= parameter" },
        { "-netdev tap,id=n,bogus=1", "Invalid parameter 'bogus'" },
        { "-netdev user,id=n,hostfwd=tcp::1-:abc",
          "Invalid host forwarding rule 'tcp::1-:abc' (Bad guest port)", false,
          true },
        { "-netdev socket,id=n,fd=abc",
          "Invalid file descriptor number 'abc'" },
        { "-netdev tap,id=n,fd=1,ifname=x",
          "ifname=, script=, downscript=, vnet_hdr=, helper=, queues=, "
          "fds=, and vhostfds= are invalid with fd=" },
        { "-netdev stream,id=n", "Parameter 'addr' is missing" },
        { "-netdev '{\"type\":\"tap\",\"fd\":\"99\",\"id\":\"hostnet0\"}'",
          "hostnet0: Can't use file descriptor 99: Bad file descriptor" },
        { "-netdev tap,id=n,fd=99",
          "n: Can't use file descriptor 99: Bad file descriptor" },
        { "-device virtio-net-ccw,netdev=zz",
          "Property 'virtio-net-device.netdev' can't find value 'zz'" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        if ((cases[i].without_user && user_built()) ||
            (cases[i].with_user && !user_built())) {
            continue;
        }
        g_autofree char *args =
            g_strdup_printf("-machine s390-ccw-virtio -nodefaults %s",
                            cases[i].args);
        int status;
        g_autofree gchar *err = NULL;
        g_autofree gchar *out = qtest_run_cmdline(args, &status, &err);

        g_assert_cmpint(status, ==, 1);
        if (!strstr(err, cases[i].msg)) {
            g_printerr("%s: %s\n", cases[i].args, err);
        }
        g_assert_nonnull(strstr(err, cases[i].msg));
    }
}

/* ---- user (libslirp): the stack answers the guest's ARP request ---- */

static bool found_arp_reply(QTestState *s, const uint8_t *mac)
{
    uint16_t used = rle16(s, USED_ADDR + 2);
    uint8_t f[HDR_LEN + 42];

    for (uint16_t n = 0; n < used && n < QSZ; n++) {
        uint32_t id = rle32(s, USED_ADDR + 4 + 8 * n);
        uint8_t *e = f + HDR_LEN;

        if (rle32(s, USED_ADDR + 8 + 8 * n) < sizeof(f)) {
            continue;
        }
        qtest_memread(s, RX_BUF + id * RX_BUF_LEN, f, sizeof(f));
        if (!memcmp(e, mac, 6) && e[12] == 0x08 && e[13] == 0x06 &&
            e[20] == 0 && e[21] == 2 &&
            !memcmp(e + 28, "\x0a\x00\x02\x02", 4) && !memcmp(e + 32, mac, 6) &&
            !memcmp(e + 38, "\x0a\x00\x02\x0f", 4)) {
            return true;
        }
    }
    return false;
}

/* Some used receive entry holds a TCP SYN to 10.0.2.15 port @port */
static bool found_syn(QTestState *s, uint16_t port)
{
    uint16_t used = rle16(s, USED_ADDR + 2);
    uint8_t f[HDR_LEN + 54];

    for (uint16_t n = 0; n < used && n < QSZ; n++) {
        uint32_t id = rle32(s, USED_ADDR + 4 + 8 * n);
        uint8_t *ip = f + HDR_LEN + 14, *tcp;

        if (rle32(s, USED_ADDR + 8 + 8 * n) < sizeof(f)) {
            continue;
        }
        qtest_memread(s, RX_BUF + id * RX_BUF_LEN, f, sizeof(f));
        tcp = ip + 4 * (ip[0] & 0xf);
        if (f[HDR_LEN + 12] == 0x08 && f[HDR_LEN + 13] == 0 && ip[9] == 6 &&
            !memcmp(ip + 16, "\x0a\x00\x02\x0f", 4) &&
            tcp + 14 <= f + sizeof(f) && (tcp[2] << 8 | tcp[3]) == port &&
            (tcp[13] & 0x02)) {
            return true;
        }
    }
    return false;
}

/*
 * A user-mode netdev made by @args (its card at fe.0.0000): the guest's
 * ARP for the gateway is answered, and a connection to each host port
 * @hport[i] is a SYN to guest port @gport[i].
 */
static void check_user(const char *args, const uint16_t *hport,
                       const uint16_t *gport, unsigned n)
{
    static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
    uint8_t arp[60] = { 0 };
    struct sockaddr_in sa = { .sin_family = AF_INET };
    QTestState *s = start(args);
    int fd;

    net_bringup(s, F_MAC | F_MRG | F_STATUS);
    for (int i = 0; i < 4; i++) {
        net_rx_post(s, i);
    }
    /* who has 10.0.2.2? tell 10.0.2.15 */
    memset(arp, 0xff, 6);
    memcpy(arp + 6, mac, 6);
    memcpy(arp + 12, "\x08\x06\x00\x01\x08\x00\x06\x04\x00\x01", 10);
    memcpy(arp + 22, mac, 6);
    memcpy(arp + 28, "\x0a\x00\x02\x0f", 4);
    memcpy(arp + 38, "\x0a\x00\x02\x02", 4);
    net_tx(s, 0, arp, sizeof(arp));
    for (int i = 0; i < 500 && !found_arp_reply(s, mac); i++) {
        g_usleep(10000);
    }
    g_assert_true(found_arp_reply(s, mac));
    for (unsigned k = 0; k < n; k++) {
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        sa.sin_port = htons(hport[k]);
        fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        connect(fd, (struct sockaddr *)&sa, sizeof(sa));
        for (int i = 0; i < 500 && !found_syn(s, gport[k]); i++) {
            g_usleep(10000);
        }
        g_assert_true(found_syn(s, gport[k]));
        close(fd);
    }
    qtest_quit(s);
}

static void test_user(void)
{
    uint16_t hport = free_port(), gport = 22;
    g_autofree char *args = NULL;

    if (!user_built()) {
        g_test_skip("the user back end is not built (no libslirp)");
        return;
    }
    /* libvirt's lines for <interface type='user'>, and a forward */
    args = g_strdup_printf(
        "-netdev '{\"type\":\"user\",\"id\":\"hostnet0\",\"hostfwd\":"
        "[{\"str\":\"tcp:127.0.0.1:%u-:22\"}]}' "
        "-device '{\"driver\":\"virtio-net-ccw\",\"netdev\":"
        "\"hostnet0\",\"id\":\"net0\",\"devno\":\"fe.0.0000\"}'",
        hport);
    check_user(args, &hport, &gport, 1);
}

/* -netdev user with hostfwd= twice: both rules forward, as in QEMU */
static void test_user_two_forwards(void)
{
    uint16_t hport[2] = { free_port() }, gport[2] = { 22, 80 };
    g_autofree char *args = NULL;

    if (!user_built()) {
        g_test_skip("the user back end is not built (no libslirp)");
        return;
    }
    do {
        hport[1] = free_port();
    } while (hport[1] == hport[0]);
    args = g_strdup_printf(
        "-netdev user,id=hostnet0,hostfwd=tcp:127.0.0.1:%u-:22,"
        "hostfwd=tcp:127.0.0.1:%u-:80 "
        "-device virtio-net-ccw,netdev=hostnet0,id=net0,devno=fe.0.0000",
        hport[0], hport[1]);
    check_user(args, hport, gport, 2);
}

/* ---- tap: a real interface, frames both ways through it ---- */

static bool tap_usable(void)
{
    int fd = open("/dev/net/tun", O_RDWR);
    struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI };

    if (fd < 0) {
        return false;
    }
    g_strlcpy(ifr.ifr_name, "qnprobe%d", IFNAMSIZ);
    if (ioctl(fd, TUNSETIFF, &ifr)) {
        close(fd);
        return false;
    }
    close(fd);
    return true;
}

static void test_tap(void)
{
    g_autofree char *ifname = g_strdup_printf("qnt%u", getpid() % 100000);
    g_autofree char *args = NULL, *v6 = NULL;
    struct sockaddr_ll ll = { .sll_family = AF_PACKET,
                              .sll_protocol = htons(ETH_TEST) };
    struct ifreq ifr = { 0 };
    uint8_t frame[80], frame2[90], got[2048];
    QTestState *s;
    int ctl, pk, fd;
    bool seen = false;

    if (!tap_usable()) {
        g_test_skip("/dev/net/tun is not usable here");
        return;
    }
    args = g_strdup_printf("-netdev tap,id=t0,ifname=%s,script=no,"
                           "downscript=no,vhost=off "
                           "-device virtio-net-ccw,netdev=t0,devno=fe.0.0000",
                           ifname);
    s = start(args);
    /* the interface exists now: no IPv6 chatter, up, a packet socket */
    v6 = g_strdup_printf("/proc/sys/net/ipv6/conf/%s/disable_ipv6", ifname);
    fd = open(v6, O_WRONLY);
    if (fd >= 0) {
        g_assert_cmpint(write(fd, "1", 1), ==, 1);
        close(fd);
    }
    ctl = socket(AF_INET, SOCK_DGRAM, 0);
    g_strlcpy(ifr.ifr_name, ifname, IFNAMSIZ);
    g_assert_cmpint(ioctl(ctl, SIOCGIFFLAGS, &ifr), ==, 0);
    ifr.ifr_flags |= IFF_UP;
    g_assert_cmpint(ioctl(ctl, SIOCSIFFLAGS, &ifr), ==, 0);
    close(ctl);
    pk = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_TEST));
    g_assert_cmpint(pk, >=, 0);
    ll.sll_ifindex = if_nametoindex(ifname);
    g_assert_cmpint(bind(pk, (struct sockaddr *)&ll, sizeof(ll)), ==, 0);

    net_bringup(s, F_MAC | F_MRG | F_STATUS);
    /* guest -> tap -> the host's interface */
    make_frame(frame, sizeof(frame), 6);
    net_tx(s, 0, frame, sizeof(frame));
    for (int i = 0; i < 10 && !seen; i++) {
        ssize_t n = recv_wait(pk, got, sizeof(got));

        seen = n == sizeof(frame) && !memcmp(got, frame, n);
    }
    g_assert_true(seen);
    /* the host's interface -> tap -> guest */
    for (int i = 0; i < 4; i++) {
        net_rx_post(s, i);
    }
    make_frame(frame2, sizeof(frame2), 7);
    g_assert_cmpint(send(pk, frame2, sizeof(frame2), 0), ==, sizeof(frame2));
    /* the kernel may send frames of its own too: look for ours */
    for (int i = 0; i < 500 && !found_rx(s, frame2, sizeof(frame2)); i++) {
        g_usleep(10000);
    }
    g_assert_true(found_rx(s, frame2, sizeof(frame2)));
    close(pk);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-net/ccw/config", test_config);
    g_test_add_func("/virtio-net/ccw/tx", test_tx);
    g_test_add_func("/virtio-net/ccw/rx", test_rx);
    g_test_add_func("/virtio-net/ccw/rx-deferred", test_rx_deferred);
    g_test_add_func("/virtio-net/ccw/rx-merge", test_rx_merge);
    g_test_add_func("/virtio-net/ccw/set-link", test_set_link);
    g_test_add_func("/virtio-net/ccw/socket-listen", test_socket_listen);
    g_test_add_func("/virtio-net/ccw/stream-connect", test_stream_connect);
    g_test_add_func("/virtio-net/ccw/no-netdev", test_no_netdev);
    g_test_add_func("/virtio-net/qmp-netdev", test_qmp_netdev);
    g_test_add_func("/virtio-net/cmdline-errors", test_cmdline_errors);
    g_test_add_func("/virtio-net/tap", test_tap);
    g_test_add_func("/virtio-net/user", test_user);
    g_test_add_func("/virtio-net/user-two-forwards", test_user_two_forwards);
    return g_test_run();
}
