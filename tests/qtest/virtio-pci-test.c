/*
 * virtio-blk-pci driven as a guest driver does it over zPCI: CLP enable,
 * I/O translation tables registered and refreshed, the virtio vendor
 * capabilities found by PCI LOAD from config space, features negotiated
 * (VERSION_1 and ACCESS_PLATFORM), a split queue in guest memory at
 * translated addresses, a read of sector 0 notified by PCI STORE to the
 * notify window; the bytes, the status and the used ring checked in guest
 * memory, and the queue's MSI-X vector arriving as AIBV/AISB bits. A ring
 * at an I/O address the tables do not map sets DEVICE_NEEDS_RESET.
 * virtio-net-pci: a frame each way between its two queues and a UDP
 * socket back end the test holds. virtio-serial-pci: DEVICE_READY and
 * DEVICE_ADD over its control queues.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cmdline-test.h"
#include "udp-test.h"
#include "zpci-dma-tables.h"
#include "zpci-test.h"

#define FIB  0x30000u
#define AIBV 0x40000u
#define AISB 0x41000u
#define ISC  3u

/* the queue in I/O page 0, the data in page 1 */
#define Q_DESC  0x000u
#define Q_AVAIL 0x100u
#define Q_USED  0x200u
#define REQ_HDR 0x400u
#define REQ_ST  0x500u
#define DATA    0x1000u
#define QSIZE   8u

typedef struct Caps {
    unsigned common, notify, isr, device; /* offsets in BAR 4 */
    unsigned mult;
    unsigned msix; /* config offset of the MSI-X capability */
} Caps;

static int pcistg(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                  uint64_t off, uint64_t data)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;

    return inst(s, "s390_pcistg 0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64, data,
                rq, off);
}

/* PCI LOAD: the cc; *v the little-endian value the function holds */
static int pcilg(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                 uint64_t off, uint64_t *v)
{
    uint64_t rq = (uint64_t)fh << 32 | space << 16 | len;
    g_autofree gchar *reply = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x%" PRIx64, rq,
                                  off);
    uint64_t data = 0, after = 0;
    int cc = -1;

    if (sscanf(reply, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64, &cc, &data, &after) <
        1) {
        g_error("pcilg: %s", reply);
    }
    *v = 0;
    for (unsigned i = 0; i < len; i++) {
        *v |= ((data >> (8 * (len - 1 - i))) & 0xff) << (8 * i);
    }
    return cc;
}

static uint64_t rd(QTestState *s, uint32_t fh, unsigned space, unsigned len,
                   uint64_t off)
{
    uint64_t v;

    g_assert_cmpint(pcilg(s, fh, space, len, off, &v), ==, 0);
    return v;
}

/* store the little-endian value @v */
static void wr(QTestState *s, uint32_t fh, unsigned space, unsigned len,
               uint64_t off, uint64_t v)
{
    uint64_t data = 0;

    for (unsigned i = 0; i < len; i++) {
        data |= ((v >> (8 * i)) & 0xff) << (8 * (len - 1 - i));
    }
    g_assert_cmpint(pcistg(s, fh, space, len, off, data), ==, 0);
}

/* little-endian values in guest memory (the ring of a modern device) */
static void put_le(QTestState *s, uint64_t addr, unsigned len, uint64_t v)
{
    uint8_t b[8];

    for (unsigned i = 0; i < len; i++) {
        b[i] = v >> (8 * i);
    }
    qtest_memwrite(s, addr, b, len);
}

static uint64_t get_le(QTestState *s, uint64_t addr, unsigned len)
{
    uint8_t b[8];
    uint64_t v = 0;

    qtest_memread(s, addr, b, len);
    for (unsigned i = 0; i < len; i++) {
        v |= (uint64_t)b[i] << (8 * i);
    }
    return v;
}

static Caps find_caps(QTestState *s, uint32_t fh)
{
    Caps c = { 0 };
    unsigned pos;

    g_assert_true(rd(s, fh, 15, 2, 6) & 0x10); /* capability list */
    pos = rd(s, fh, 15, 1, 0x34);
    for (int n = 0; pos && n < 48; n++) {
        uint64_t hdr = rd(s, fh, 15, 4, pos);

        if ((hdr & 0xff) == 0x11) {
            c.msix = pos;
        } else if ((hdr & 0xff) == 0x09) {
            unsigned type = (hdr >> 24) & 0xff;
            unsigned off = rd(s, fh, 15, 4, pos + 8);

            g_assert_cmpuint(rd(s, fh, 15, 1, pos + 4), ==, 4); /* BAR */
            if (type == 1) {
                c.common = off;
                g_assert_cmpuint(rd(s, fh, 15, 4, pos + 12), >=, 0x38);
            } else if (type == 2) {
                c.notify = off;
                c.mult = rd(s, fh, 15, 4, pos + 16);
            } else if (type == 3) {
                c.isr = off;
            } else if (type == 4) {
                c.device = off;
            }
        }
        pos = (hdr >> 8) & 0xff;
    }
    g_assert_cmpuint(c.msix, !=, 0);
    g_assert_cmpuint(c.notify, !=, 0);
    g_assert_cmpuint(c.isr, !=, 0);
    g_assert_cmpuint(c.device, !=, 0);
    return c;
}

static char *make_image(void)
{
    char *path = NULL;
    uint8_t sector[1024];
    int fd = g_file_open_tmp("vpci-XXXXXX.img", &path, NULL);

    g_assert_cmpint(fd, >=, 0);
    for (unsigned i = 0; i < sizeof(sector); i++) {
        sector[i] = i * 7 + 3;
    }
    g_assert_cmpint(write(fd, sector, sizeof(sector)), ==, sizeof(sector));
    close(fd);
    return path;
}

static QTestState *start_blk(const char *img)
{
    g_autofree char *args =
        g_strdup_printf("-drive file=%s,format=raw,if=none,id=d0 "
                        "-device zpci,uid=1,fid=1,target=b0 "
                        "-device virtio-blk-pci,id=b0,drive=d0",
                        img);

    return start(args);
}

/* enabled, bus master, tables registered and refreshed, adapter
 * interruptions registered, MSI-X vector 1 -> AIBV bit 5 + 1 */
static uint32_t zpci_setup_id(QTestState *s, Caps *c, uint32_t id)
{
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 1));
    uint64_t st;

    g_assert_cmphex(rd(s, fh, 15, 4, 0), ==, id);
    g_assert_cmphex(rd(s, fh, 15, 1, 8), ==, 1);
    wr(s, fh, 15, 2, 4, 0x0006);
    *c = find_caps(s, fh);

    build_tables(s);
    write_ioat_fib(s, FIB, IOTA_RT);
    g_assert_cmpint(inst(s, "s390_mpcifc 0x%" PRIx64 " 0x%x",
                         (uint64_t)fh << 32 | 4, FIB),
                    ==, 0);
    g_assert_cmpint(inst(s, "s390_rpcit 0x%" PRIx64 " 0x%" PRIx64 " 0x%x",
                         (uint64_t)fh << 32, IOVA, 0x2000),
                    ==, 0);

    qtest_memset(s, AIBV, 0, 16);
    qtest_memset(s, AISB, 0, 16);
    qtest_memset(s, FIB, 0, 80);
    qtest_writel(s, FIB + 40, ISC << 28 | 2u << 16 | 5u << 8 | 1u << 7 | 9u);
    qtest_writeq(s, FIB + 48, AIBV);
    qtest_writeq(s, FIB + 56, AISB);
    g_assert_cmpint(inst(s, "s390_mpcifc 0x%" PRIx64 " 0x%x",
                         (uint64_t)fh << 32 | 2, FIB),
                    ==, 0);
    /* MSI-X table entry 1 in BAR 1: address, data = vector, unmasked */
    wr(s, fh, 1, 8, 16, 0xfe00000000000000ull); /* the MSI address */
    wr(s, fh, 1, 4, 24, 1);
    wr(s, fh, 1, 4, 28, 0);
    wr(s, fh, 15, 2, c->msix + 2, 0x8000);
    st = rd(s, fh, 15, 2, c->msix + 2);
    g_assert_cmphex(st & 0x8000, ==, 0x8000);
    return fh;
}

static uint32_t zpci_setup(QTestState *s, Caps *c)
{
    return zpci_setup_id(s, c, 0x10421af4); /* virtio-blk */
}

/* reset .. FEATURES_OK, queue 0 at @desc (I/O address), DRIVER_OK */
static void virtio_setup(QTestState *s, uint32_t fh, const Caps *c,
                         uint64_t desc)
{
    unsigned cc = c->common;

    wr(s, fh, 4, 1, cc + 0x14, 0);
    wr(s, fh, 4, 1, cc + 0x14, 0x03);
    wr(s, fh, 4, 4, cc + 0x00, 1);
    g_assert_cmphex(rd(s, fh, 4, 4, cc + 0x04) & 3, ==, 3);
    wr(s, fh, 4, 4, cc + 0x08, 1);
    wr(s, fh, 4, 4, cc + 0x0c, 3);
    wr(s, fh, 4, 4, cc + 0x08, 0);
    wr(s, fh, 4, 4, cc + 0x0c, 0);
    wr(s, fh, 4, 1, cc + 0x14, 0x0b);
    g_assert_cmphex(rd(s, fh, 4, 1, cc + 0x14), ==, 0x0b);

    g_assert_cmpuint(rd(s, fh, 4, 2, cc + 0x12), ==, 1);
    wr(s, fh, 4, 2, cc + 0x16, 0);
    g_assert_cmpuint(rd(s, fh, 4, 2, cc + 0x18), ==, 256);
    wr(s, fh, 4, 2, cc + 0x18, QSIZE);
    wr(s, fh, 4, 2, cc + 0x1a, 1);
    g_assert_cmpuint(rd(s, fh, 4, 2, cc + 0x1a), ==, 1);
    wr(s, fh, 4, 4, cc + 0x20, (uint32_t)desc);
    wr(s, fh, 4, 4, cc + 0x24, desc >> 32);
    wr(s, fh, 4, 4, cc + 0x28, (uint32_t)(IOVA + Q_AVAIL));
    wr(s, fh, 4, 4, cc + 0x2c, (IOVA + Q_AVAIL) >> 32);
    wr(s, fh, 4, 4, cc + 0x30, (uint32_t)(IOVA + Q_USED));
    wr(s, fh, 4, 4, cc + 0x34, (IOVA + Q_USED) >> 32);
    wr(s, fh, 4, 2, cc + 0x1c, 1);
    g_assert_cmpuint(rd(s, fh, 4, 2, cc + 0x1c), ==, 1);
    wr(s, fh, 4, 1, cc + 0x14, 0x0f);
}

/* a read of sector 0: header, 512 data bytes, status */
static void queue_read(QTestState *s)
{
    qtest_memset(s, FRAME, 0, 0x2000);
    put_le(s, FRAME + REQ_HDR, 4, 0); /* VIRTIO_BLK_T_IN */
    put_le(s, FRAME + REQ_HDR + 8, 8, 0);
    qtest_writeb(s, FRAME + REQ_ST, 0xff);
    put_le(s, FRAME + Q_DESC, 8, IOVA + REQ_HDR);
    put_le(s, FRAME + Q_DESC + 8, 4, 16);
    put_le(s, FRAME + Q_DESC + 12, 2, 1);
    put_le(s, FRAME + Q_DESC + 14, 2, 1);
    put_le(s, FRAME + Q_DESC + 16, 8, IOVA + DATA);
    put_le(s, FRAME + Q_DESC + 24, 4, 512);
    put_le(s, FRAME + Q_DESC + 28, 2, 3);
    put_le(s, FRAME + Q_DESC + 30, 2, 2);
    put_le(s, FRAME + Q_DESC + 32, 8, IOVA + REQ_ST);
    put_le(s, FRAME + Q_DESC + 40, 4, 1);
    put_le(s, FRAME + Q_DESC + 44, 2, 2);
    put_le(s, FRAME + Q_AVAIL + 4, 2, 0);
    put_le(s, FRAME + Q_AVAIL + 2, 2, 1);
}

static void notify_q0(QTestState *s, uint32_t fh, const Caps *c)
{
    unsigned noff = rd(s, fh, 4, 2, c->common + 0x1e);

    wr(s, fh, 4, 2, c->notify + noff * c->mult, 0);
}

static void test_read_sector(void)
{
    g_autofree char *img = make_image();
    QTestState *s = start_blk(img);
    Caps c;
    uint32_t fh = zpci_setup(s, &c);
    uint8_t data[512];

    g_free(cmd(s, "s390_cr6 0x%x", 0x80000000u >> ISC));
    queue_read(s);
    virtio_setup(s, fh, &c, IOVA + Q_DESC);
    notify_q0(s, fh, &c);

    qtest_memread(s, FRAME + DATA, data, sizeof(data));
    for (unsigned i = 0; i < sizeof(data); i++) {
        g_assert_cmphex(data[i], ==, (uint8_t)(i * 7 + 3));
    }
    g_assert_cmphex(qtest_readb(s, FRAME + REQ_ST), ==, 0);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 2, 2), ==, 1);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 4, 4), ==, 0);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 8, 4), ==, 513);
    /* vector 1: AIBV bit 6 (byte 0, 0x02), the summary bit 9 */
    g_assert_cmphex(qtest_readb(s, AIBV), ==, 0x02);
    g_assert_cmphex(qtest_readb(s, AISB + 1), ==, 0x40);
    g_free(cmd(s, "s390_io_intr"));
    /* ISR: a queue interrupt, cleared by the read */
    g_assert_cmphex(rd(s, fh, 4, 1, c.isr), ==, 1);
    g_assert_cmphex(rd(s, fh, 4, 1, c.isr), ==, 0);
    /* device config: capacity 2 sectors */
    g_assert_cmpuint(rd(s, fh, 4, 4, c.device), ==, 2);
    qtest_quit(s);
    unlink(img);
}

/* the descriptor table at an I/O address the tables do not map */
static void test_unmapped_ring(void)
{
    g_autofree char *img = make_image();
    QTestState *s = start_blk(img);
    Caps c;
    uint32_t fh = zpci_setup(s, &c);
    uint64_t v = 0;

    queue_read(s);
    virtio_setup(s, fh, &c, IOVA + 0x10000);
    notify_q0(s, fh, &c);
    g_assert_cmphex(qtest_readb(s, FRAME + REQ_ST), ==, 0xff);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 2, 2), ==, 0);
    /* the translation fault put the function in the error state; once the
     * guest resets that, the device says it needs a reset */
    if (pcilg(s, fh, 4, 1, c.common + 0x14, &v) != 0) {
        g_assert_cmpint(inst(s, "s390_mpcifc 0x%" PRIx64 " 0x%x",
                             (uint64_t)fh << 32 | 7, FIB),
                        ==, 0);
        v = rd(s, fh, 4, 1, c.common + 0x14);
    }
    g_assert_cmphex(v & 0x40, ==, 0x40);
    /* a reset makes it usable again */
    wr(s, fh, 4, 1, c.common + 0x14, 0);
    g_assert_cmphex(rd(s, fh, 4, 1, c.common + 0x14), ==, 0);
    qtest_quit(s);
    unlink(img);
}

/*
 * QEMU's defaults: num-queues one per CPU, vectors one per queue and one
 * for configuration changes; explicit values are kept; disable-legacy
 * takes on/auto and refuses off (no legacy interface here).
 */
static void check_defaults(const char *smp, unsigned queues, unsigned vectors,
                           const char *extra)
{
    g_autofree char *img = make_image();
    g_autofree char *args =
        g_strdup_printf("-smp %s -drive file=%s,format=raw,if=none,id=d0 "
                        "-device zpci,uid=1,fid=1,target=b0 "
                        "-device virtio-blk-pci,id=b0,drive=d0%s",
                        smp, img, extra);
    QTestState *s = start(args);
    uint32_t fh = zpci_enable(s, fh_of_fid(s, 1));
    Caps c = find_caps(s, fh);

    wr(s, fh, 15, 2, 4, 0x0006);
    /* MSI-X table size (N - 1), the queues the common and device config say */
    g_assert_cmpuint((rd(s, fh, 15, 2, c.msix + 2) & 0x7ff) + 1, ==, vectors);
    g_assert_cmpuint(rd(s, fh, 4, 2, c.common + 0x12), ==, queues);
    g_assert_cmpuint(rd(s, fh, 4, 2, c.device + 34), ==, queues);
    qtest_quit(s);
    unlink(img);
}

static void test_defaults(void)
{
    check_defaults("1", 1, 2, "");
    check_defaults("4", 4, 5, "");
    check_defaults("4", 2, 3, ",num-queues=2");
    check_defaults("4", 4, 3, ",vectors=3");
    check_defaults("2", 2, 3, ",disable-legacy=auto");
    check_defaults("2", 2, 3, ",disable-legacy=on");
    expect_start_error("-device virtio-rng-pci,disable-legacy=off",
                       "virtio-rng-pci: disable-legacy=off is not supported: "
                       "this transport has no legacy interface");
    expect_start_error("-device virtio-rng-pci,disable-legacy=maybe",
                       "Parameter 'disable-legacy' does not accept value "
                       "'maybe'");
}

/* ---- virtio-net-pci on a UDP socket back end the test holds ---- */

/* transmit queue 1 in I/O page 0; buffers in page 1 */
#define TQ_DESC  0x600u
#define TQ_AVAIL 0x700u
#define TQ_USED  0x800u
#define TX_DATA  0x1000u
#define RX_DATA  0x1800u
#define NET_HDR  12u

/* queue @q at the three I/O addresses, vector 1, enabled */
static void net_queue(QTestState *s, uint32_t fh, const Caps *c, unsigned q,
                      uint64_t desc, uint64_t avail, uint64_t used)
{
    unsigned cc = c->common;

    wr(s, fh, 4, 2, cc + 0x16, q);
    wr(s, fh, 4, 2, cc + 0x18, QSIZE);
    wr(s, fh, 4, 2, cc + 0x1a, 1);
    wr(s, fh, 4, 4, cc + 0x20, (uint32_t)desc);
    wr(s, fh, 4, 4, cc + 0x24, desc >> 32);
    wr(s, fh, 4, 4, cc + 0x28, (uint32_t)avail);
    wr(s, fh, 4, 4, cc + 0x2c, avail >> 32);
    wr(s, fh, 4, 4, cc + 0x30, (uint32_t)used);
    wr(s, fh, 4, 4, cc + 0x34, used >> 32);
    wr(s, fh, 4, 2, cc + 0x1c, 1);
}

static void notify_q(QTestState *s, uint32_t fh, const Caps *c, unsigned q)
{
    unsigned noff;

    wr(s, fh, 4, 2, c->common + 0x16, q);
    noff = rd(s, fh, 4, 2, c->common + 0x1e);
    wr(s, fh, 4, 2, c->notify + noff * c->mult, q);
}

static void test_net(void)
{
    uint16_t tport, qport;
    int tfd = udp_socket(&tport), tmp = udp_socket(&qport);
    g_autofree char *args = NULL;
    struct sockaddr_in to = { .sin_family = AF_INET };
    struct pollfd p = { .fd = tfd, .events = POLLIN };
    uint8_t frame[60], got[256];
    QTestState *s;
    unsigned cc;
    uint32_t fh;
    Caps c;

    close(tmp); /* a free port for the back end */
    args = g_strdup_printf("-netdev socket,id=n0,udp=127.0.0.1:%u,"
                           "localaddr=127.0.0.1:%u "
                           "-device zpci,uid=1,fid=1,target=net0 "
                           "-device virtio-net-pci,id=net0,netdev=n0",
                           tport, qport);
    s = start(args);
    fh = zpci_setup_id(s, &c, 0x10411af4);
    cc = c.common;
    g_assert_cmphex(rd(s, fh, 15, 4, 8) >> 8, ==, 0x020000); /* Ethernet */
    /* mac and LINK_UP in the device window */
    g_assert_cmphex(rd(s, fh, 4, 4, c.device), ==, 0x12005452);
    g_assert_cmphex(rd(s, fh, 4, 2, c.device + 4), ==, 0x5634);
    g_assert_cmphex(rd(s, fh, 4, 2, c.device + 6), ==, 1);

    qtest_memset(s, FRAME, 0, 0x2000);
    wr(s, fh, 4, 1, cc + 0x14, 0);
    wr(s, fh, 4, 1, cc + 0x14, 0x03);
    wr(s, fh, 4, 4, cc + 0x08, 0);
    wr(s, fh, 4, 4, cc + 0x0c, 1u << 5 | 1u << 16); /* MAC, STATUS */
    wr(s, fh, 4, 4, cc + 0x08, 1);
    wr(s, fh, 4, 4, cc + 0x0c, 3); /* VERSION_1, ACCESS_PLATFORM */
    wr(s, fh, 4, 1, cc + 0x14, 0x0b);
    g_assert_cmpuint(rd(s, fh, 4, 2, cc + 0x12), ==, 2); /* two queues */
    net_queue(s, fh, &c, 0, IOVA + Q_DESC, IOVA + Q_AVAIL, IOVA + Q_USED);
    net_queue(s, fh, &c, 1, IOVA + TQ_DESC, IOVA + TQ_AVAIL, IOVA + TQ_USED);
    wr(s, fh, 4, 1, cc + 0x14, 0x0f);

    /* transmit: header + frame, the frame arrives at the test's socket */
    for (unsigned i = 0; i < sizeof(frame); i++) {
        frame[i] = i < 12 ? 0xff : i * 5 + 1;
    }
    qtest_memwrite(s, FRAME + TX_DATA + NET_HDR, frame, sizeof(frame));
    put_le(s, FRAME + TQ_DESC, 8, IOVA + TX_DATA);
    put_le(s, FRAME + TQ_DESC + 8, 4, NET_HDR + sizeof(frame));
    put_le(s, FRAME + TQ_AVAIL + 2, 2, 1);
    notify_q(s, fh, &c, 1);
    g_assert_cmpint(poll(&p, 1, 5000), ==, 1);
    g_assert_cmpint(recv(tfd, got, sizeof(got), 0), ==, sizeof(frame));
    g_assert_cmpmem(got, sizeof(frame), frame, sizeof(frame));
    g_assert_cmpuint(get_le(s, FRAME + TQ_USED + 2, 2), ==, 1);

    /* receive: a buffer posted, a datagram from the test */
    put_le(s, FRAME + Q_DESC, 8, IOVA + RX_DATA);
    put_le(s, FRAME + Q_DESC + 8, 4, 0x800);
    put_le(s, FRAME + Q_DESC + 12, 2, 2); /* WRITE */
    put_le(s, FRAME + Q_AVAIL + 2, 2, 1);
    notify_q(s, fh, &c, 0);
    frame[20] ^= 0x5a;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(qport);
    g_assert_cmpint(sendto(tfd, frame, sizeof(frame), 0, (struct sockaddr *)&to,
                           sizeof(to)),
                    ==, sizeof(frame));
    for (int i = 0; i < 500 && !get_le(s, FRAME + Q_USED + 2, 2); i++) {
        g_usleep(10000);
    }
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 2, 2), ==, 1);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 8, 4), ==,
                     NET_HDR + sizeof(frame));
    qtest_memread(s, FRAME + RX_DATA, got, NET_HDR + sizeof(frame));
    g_assert_cmpuint(got[10], ==, 1); /* num_buffers */
    g_assert_cmpmem(got + NET_HDR, sizeof(frame), frame, sizeof(frame));
    close(tfd);
    qtest_quit(s);
}

/*
 * virtio-serial-pci: id 0x1043, class communication; the driver's
 * DEVICE_READY on control queue 3 is answered on control queue 2 with
 * DEVICE_ADD for the port, through the zPCI translation.
 */
static void test_serial(void)
{
    QTestState *s = start("-device zpci,uid=1,fid=1,target=vs0 "
                          "-device virtio-serial-pci,id=vs0 "
                          "-device virtserialport,bus=vs0.0,nr=1,id=p1");
    uint8_t msg[8] = { 0, 0, 0, 0, 0, 0, 1, 0 }; /* DEVICE_READY 1 */
    uint32_t fh;
    unsigned cc;
    Caps c;

    fh = zpci_setup_id(s, &c, 0x10431af4);
    cc = c.common;
    g_assert_cmphex(rd(s, fh, 15, 4, 8) >> 8, ==, 0x078000);
    g_assert_cmpuint(rd(s, fh, 4, 4, c.device + 4), ==, 31); /* max ports */
    qtest_memset(s, FRAME, 0, 0x2000);
    wr(s, fh, 4, 1, cc + 0x14, 0);
    wr(s, fh, 4, 1, cc + 0x14, 0x03);
    wr(s, fh, 4, 4, cc + 0x00, 0);
    g_assert_cmphex(rd(s, fh, 4, 4, cc + 0x04) & 7, ==, 6); /* MULTI, EMERG */
    wr(s, fh, 4, 4, cc + 0x08, 0);
    wr(s, fh, 4, 4, cc + 0x0c, 1u << 1); /* MULTIPORT */
    wr(s, fh, 4, 4, cc + 0x08, 1);
    wr(s, fh, 4, 4, cc + 0x0c, 3); /* VERSION_1, ACCESS_PLATFORM */
    wr(s, fh, 4, 1, cc + 0x14, 0x0b);
    g_assert_cmpuint(rd(s, fh, 4, 2, cc + 0x12), ==, 64);
    net_queue(s, fh, &c, 2, IOVA + Q_DESC, IOVA + Q_AVAIL, IOVA + Q_USED);
    net_queue(s, fh, &c, 3, IOVA + TQ_DESC, IOVA + TQ_AVAIL, IOVA + TQ_USED);
    wr(s, fh, 4, 1, cc + 0x14, 0x0f);

    /* a control receive buffer, then DEVICE_READY */
    put_le(s, FRAME + Q_DESC, 8, IOVA + RX_DATA);
    put_le(s, FRAME + Q_DESC + 8, 4, 64);
    put_le(s, FRAME + Q_DESC + 12, 2, 2); /* WRITE */
    put_le(s, FRAME + Q_AVAIL + 2, 2, 1);
    notify_q(s, fh, &c, 2);
    qtest_memwrite(s, FRAME + TX_DATA, msg, sizeof(msg));
    put_le(s, FRAME + TQ_DESC, 8, IOVA + TX_DATA);
    put_le(s, FRAME + TQ_DESC + 8, 4, sizeof(msg));
    put_le(s, FRAME + TQ_AVAIL + 2, 2, 1);
    notify_q(s, fh, &c, 3);
    g_assert_cmpuint(get_le(s, FRAME + TQ_USED + 2, 2), ==, 1);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 2, 2), ==, 1);
    g_assert_cmpuint(get_le(s, FRAME + Q_USED + 8, 4), ==, 8);
    g_assert_cmpuint(get_le(s, FRAME + RX_DATA, 4), ==, 1);     /* port */
    g_assert_cmpuint(get_le(s, FRAME + RX_DATA + 4, 2), ==, 1); /* ADD */
    g_assert_cmpuint(get_le(s, FRAME + RX_DATA + 6, 2), ==, 1);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-pci/read-sector", test_read_sector);
    g_test_add_func("/virtio-pci/unmapped-ring", test_unmapped_ring);
    g_test_add_func("/virtio-pci/defaults", test_defaults);
    g_test_add_func("/virtio-pci/net", test_net);
    g_test_add_func("/virtio-pci/serial", test_serial);
    return g_test_run();
}
