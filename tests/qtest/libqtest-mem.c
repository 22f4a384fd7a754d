/*
 * libqtest: guest memory through the qtest line protocol.  Sized accesses
 * (readb .. writeq) carry the value as a number; blocks travel as hex
 * (read/write) or base64 (b64read/b64write).
 */
#include <inttypes.h>
#include <string.h>

#include "libqtest-priv.h"

/* The suffix that names an access of @bytes: b, w, l or q. */
static char width_suffix(unsigned bytes)
{
    switch (bytes) {
    case 1:
        return 'b';
    case 2:
        return 'w';
    case 4:
        return 'l';
    default:
        g_assert_cmpuint(bytes, ==, 8);
        return 'q';
    }
}

static uint64_t sized_load(QTestState *s, unsigned bytes, uint64_t addr)
{
    char cmd[] = "read?";

    cmd[4] = width_suffix(bytes);
    qtest_sendf(s, "%s 0x%" PRIx64 "\n", cmd, addr);
    return g_ascii_strtoull(qt_reply_ok(s, cmd), NULL, 0);
}

static void sized_store(QTestState *s, unsigned bytes, uint64_t addr,
                        uint64_t value)
{
    char cmd[] = "write?";

    cmd[5] = width_suffix(bytes);
    qtest_sendf(s, "%s 0x%" PRIx64 " 0x%" PRIx64 "\n", cmd, addr, value);
    qt_reply_ok(s, cmd);
}

uint8_t qtest_readb(QTestState *s, uint64_t addr)
{
    return sized_load(s, 1, addr);
}

uint16_t qtest_readw(QTestState *s, uint64_t addr)
{
    return sized_load(s, 2, addr);
}

uint32_t qtest_readl(QTestState *s, uint64_t addr)
{
    return sized_load(s, 4, addr);
}

uint64_t qtest_readq(QTestState *s, uint64_t addr)
{
    return sized_load(s, 8, addr);
}

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value)
{
    sized_store(s, 1, addr, value);
}

void qtest_writew(QTestState *s, uint64_t addr, uint16_t value)
{
    sized_store(s, 2, addr, value);
}

void qtest_writel(QTestState *s, uint64_t addr, uint32_t value)
{
    sized_store(s, 4, addr, value);
}

void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value)
{
    sized_store(s, 8, addr, value);
}

/* "0x" and two hex digits per byte into @out, which has @size bytes. */
static void decode_hex_block(const char *text, uint8_t *out, size_t size)
{
    const char *digit;

    g_assert_true(g_str_has_prefix(text, "0x"));
    digit = text + 2;
    g_assert_cmpuint(strlen(digit), ==, size * 2);
    for (uint8_t *end = out + size; out < end; out++, digit += 2) {
        int high = g_ascii_xdigit_value(digit[0]);
        int low = g_ascii_xdigit_value(digit[1]);

        g_assert_true(high >= 0 && low >= 0);
        *out = (uint8_t)(high << 4 | low);
    }
}

static char *encode_hex_block(const uint8_t *data, size_t size)
{
    static const char digits[] = "0123456789abcdef";
    char *text = g_malloc(size * 2 + 1);

    for (size_t i = 0; i < size; i++) {
        text[2 * i] = digits[data[i] >> 4];
        text[2 * i + 1] = digits[data[i] & 0xf];
    }
    text[size * 2] = '\0';
    return text;
}

void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    if (size) {
        qtest_sendf(s, "read 0x%" PRIx64 " 0x%zx\n", addr, size);
        decode_hex_block(qt_reply_ok(s, "read"), data, size);
    }
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *data, size_t size)
{
    g_autofree char *hex = NULL;

    if (!size) {
        return;
    }
    hex = encode_hex_block(data, size);
    qtest_sendf(s, "write 0x%" PRIx64 " 0x%zx 0x%s\n", addr, size, hex);
    qt_reply_ok(s, "write");
}

void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_autofree guchar *bytes = NULL;
    gsize got;

    if (!size) {
        return;
    }
    qtest_sendf(s, "b64read 0x%" PRIx64 " 0x%zx\n", addr, size);
    bytes = g_base64_decode(qt_reply_ok(s, "b64read"), &got);
    g_assert_cmpuint(got, ==, size);
    memcpy(data, bytes, size);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data, size_t size)
{
    g_autofree gchar *b64 = NULL;

    if (!size) {
        return;
    }
    b64 = g_base64_encode(data, size);
    qtest_sendf(s, "b64write 0x%" PRIx64 " 0x%zx %s\n", addr, size, b64);
    qt_reply_ok(s, "b64write");
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t pattern, size_t size)
{
    if (size) {
        qtest_sendf(s, "memset 0x%" PRIx64 " 0x%zx 0x%02x\n", addr, size,
                    pattern);
        qt_reply_ok(s, "memset");
    }
}
