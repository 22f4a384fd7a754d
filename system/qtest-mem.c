/*
 * qtest commands on guest memory: readb..readq, writeb..writeq, read,
 * write, b64read, b64write, memset, endianness.  They go through
 * address_space_memory; see docs/devel/qtest.rst.
 */
#include "qemu/osdep.h"
#include "sysemu/qtest.h"
#include "qemu/module.h"
#include "exec/memory.h"

/* ADDR SIZE arguments of read/write/b64read/b64write/memset. */
static bool qtest_arg_range(Chardev *chr, gchar **words, uint64_t *addr,
                            uint64_t *len)
{
    if (!qtest_arg_u64(chr, words, 1, addr) ||
        !qtest_arg_u64(chr, words, 2, len)) {
        return false;
    }
    if (*len > QTEST_MAX_BUF) {
        qtest_sendf(chr, "ERR size %" PRIu64 " too large (max %" PRId64 ")\n",
                    *len, QTEST_MAX_BUF);
        return false;
    }
    return true;
}

/* ---- guest memory ---- */

/*
 * Unassigned memory reads as zeros and ignores writes.  When an access
 * spans RAM and a hole, the memory API still reads or writes the assigned
 * parts (and reads the rest as zeros), as QEMU does; each device register
 * is accessed once.
 */
static void qtest_mem_read(hwaddr addr, void *buf, hwaddr len)
{
    memset(buf, 0, len);
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED, buf,
                       len);
}

static void qtest_mem_write(hwaddr addr, const void *buf, hwaddr len)
{
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, len);
}

static unsigned qtest_access_size(const char *cmd)
{
    switch (cmd[strlen(cmd) - 1]) {
    case 'b':
        return 1;
    case 'w':
        return 2;
    case 'l':
        return 4;
    default:
        return 8;
    }
}

/* readb/readw/readl/readq ADDR: value in guest (big-endian) order. */
static void qtest_cmd_readx(Chardev *chr, gchar **words)
{
    unsigned size = qtest_access_size(words[0]);
    uint8_t buf[8];
    uint64_t addr, val = 0;
    unsigned i;

    if (!qtest_arg_u64(chr, words, 1, &addr)) {
        return;
    }
    qtest_mem_read(addr, buf, size);
    for (i = 0; i < size; i++) {
        val = (val << 8) | buf[i];
    }
    qtest_sendf(chr, "OK 0x%016" PRIx64 "\n", val);
}

/* writeb/writew/writel/writeq ADDR VALUE: VALUE truncated to the size. */
static void qtest_cmd_writex(Chardev *chr, gchar **words)
{
    unsigned size = qtest_access_size(words[0]);
    uint8_t buf[8];
    uint64_t addr, val;
    unsigned i;

    if (!qtest_arg_u64(chr, words, 1, &addr) ||
        !qtest_arg_u64(chr, words, 2, &val)) {
        return;
    }
    for (i = 0; i < size; i++) {
        buf[size - 1 - i] = val >> (8 * i);
    }
    qtest_mem_write(addr, buf, size);
    qtest_send(chr, "OK\n");
}

static void qtest_cmd_read(Chardev *chr, gchar **words)
{
    static const char hex[] = "0123456789abcdef";
    uint64_t addr, len, i;
    g_autofree uint8_t *data = NULL;
    g_autofree char *reply = NULL;
    char *p;

    if (!qtest_arg_range(chr, words, &addr, &len)) {
        return;
    }
    data = g_malloc(len ? len : 1);
    qtest_mem_read(addr, data, len);
    reply = p = g_malloc(len * 2 + 7); /* "OK 0x" hex "\n" NUL */
    p = stpcpy(p, "OK 0x");
    for (i = 0; i < len; i++) {
        *p++ = hex[data[i] >> 4];
        *p++ = hex[data[i] & 0xf];
    }
    strcpy(p, "\n");
    qtest_send(chr, reply);
}

/* QEMU's rule: a bad digit counts as all ones in the high nibble, as
 * all ones in the whole byte (0xff) in the low one. */
static uint8_t qtest_hexbyte(char hi, char lo)
{
    if (!g_ascii_isxdigit(lo)) {
        return 0xff;
    }
    return (g_ascii_isxdigit(hi) ? g_ascii_xdigit_value(hi) << 4 : 0xf0) |
           g_ascii_xdigit_value(lo);
}

/* write ADDR SIZE 0xDATA: the first two characters are skipped, missing
 * digits write zeros. */
static void qtest_cmd_write(Chardev *chr, gchar **words)
{
    uint64_t addr, len, i;
    g_autofree uint8_t *data = NULL;
    const char *hexs;
    size_t hex_len;

    if (!qtest_arg_range(chr, words, &addr, &len) ||
        qtest_arg_missing(chr, words, 3)) {
        return;
    }
    hexs = words[3];
    hex_len = strlen(hexs);
    if (hex_len < 3) {
        qtest_send(chr, "ERR invalid argument size\n");
        return;
    }
    data = g_malloc0(len ? len : 1);
    for (i = 0; i < len && i * 2 + 4 <= hex_len; i++) {
        data[i] = qtest_hexbyte(hexs[i * 2 + 2], hexs[i * 2 + 3]);
    }
    qtest_mem_write(addr, data, len);
    qtest_send(chr, "OK\n");
}

static void qtest_cmd_b64read(Chardev *chr, gchar **words)
{
    uint64_t addr, len;
    g_autofree uint8_t *data = NULL;
    g_autofree char *b64 = NULL;

    if (!qtest_arg_range(chr, words, &addr, &len)) {
        return;
    }
    data = g_malloc(len ? len : 1);
    qtest_mem_read(addr, data, len);
    b64 = g_base64_encode(data, len);
    qtest_sendf(chr, "OK %s\n", b64);
}

/* b64write ADDR SIZE B64: short data is padded with zeros, long cut. */
static void qtest_cmd_b64write(Chardev *chr, gchar **words)
{
    uint64_t addr, len;
    g_autofree uint8_t *data = NULL;
    guchar *dec;
    gsize dec_len;

    if (!qtest_arg_range(chr, words, &addr, &len) ||
        qtest_arg_missing(chr, words, 3)) {
        return;
    }
    if (strlen(words[3]) < 3) {
        qtest_send(chr, "ERR invalid argument size\n");
        return;
    }
    dec = g_base64_decode_inplace(words[3], &dec_len);
    data = g_malloc0(len ? len : 1);
    memcpy(data, dec, MIN(dec_len, len));
    qtest_mem_write(addr, data, len);
    qtest_send(chr, "OK\n");
}

static void qtest_cmd_memset(Chardev *chr, gchar **words)
{
    uint64_t addr, len, val;
    g_autofree uint8_t *data = NULL;

    if (!qtest_arg_range(chr, words, &addr, &len) ||
        !qtest_arg_u64(chr, words, 3, &val)) {
        return;
    }
    data = g_malloc(len ? len : 1);
    memset(data, (uint8_t)val, len);
    qtest_mem_write(addr, data, len);
    qtest_send(chr, "OK\n");
}

static void qtest_cmd_endianness(Chardev *chr, gchar **words)
{
    qtest_send(chr, "OK big\n");
}

static void qtest_mem_register(void)
{
    static const struct {
        const char *name;
        QTestCommandFunc *fn;
    } cmds[] = {
        { "readb", qtest_cmd_readx },
        { "readw", qtest_cmd_readx },
        { "readl", qtest_cmd_readx },
        { "readq", qtest_cmd_readx },
        { "writeb", qtest_cmd_writex },
        { "writew", qtest_cmd_writex },
        { "writel", qtest_cmd_writex },
        { "writeq", qtest_cmd_writex },
        { "read", qtest_cmd_read },
        { "write", qtest_cmd_write },
        { "b64read", qtest_cmd_b64read },
        { "b64write", qtest_cmd_b64write },
        { "memset", qtest_cmd_memset },
        { "endianness", qtest_cmd_endianness },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cmds); i++) {
        qtest_register_command(cmds[i].name, cmds[i].fn);
    }
}

module_init(qtest_mem_register)
