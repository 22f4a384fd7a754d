/*
 * Shared bits of the CLP codec tests: a guest LPCB behind a read
 * accessor that faults past a limit, and hex strings for expected blocks.
 */
#ifndef TEST_CLP_FIXTURE_H
#define TEST_CLP_FIXTURE_H

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/s390x/clp.h"

/* The guest's LPCB; reads beyond @limit fault. */
typedef struct Guest {
    uint8_t mem[CLP_LPCB_MAX];
    uint32_t limit;
    unsigned reads;
} Guest;

static inline bool guest_read(void *opaque, uint32_t offset, void *buf,
                              uint32_t len)
{
    Guest *g = opaque;

    g->reads++;
    if (offset > g->limit || len > g->limit - offset) {
        return false;
    }
    memcpy(buf, g->mem + offset, len);
    return true;
}

static inline Guest *guest_new(uint16_t cmd, uint16_t req_len, uint16_t rsp_len)
{
    Guest *g = g_new0(Guest, 1);

    g->limit = CLP_LPCB_MAX;
    stw_be_p(g->mem, req_len);
    stw_be_p(g->mem + 2, cmd);
    if (req_len >= 4 && req_len + 2 <= CLP_LPCB_MAX) {
        stw_be_p(g->mem + req_len, rsp_len);
    }
    return g;
}

static inline void fetch_ok(Guest *g, ClpBlock *b)
{
    g_assert_cmpint(clp_block_fetch(b, guest_read, g), ==, CLP_FETCH_OK);
}

/* "00 10 ..." -> bytes (spaces ignored) */
static inline void unhex(const char *hex, uint8_t *out, size_t len)
{
    size_t n = 0;

    for (const char *p = hex; *p; p++) {
        if (*p == ' ') {
            continue;
        }
        g_assert(n < len * 2);
        out[n / 2] = (out[n / 2] << 4) | g_ascii_xdigit_value(*p);
        n++;
    }
    g_assert_cmpuint(n, ==, len * 2);
}

#endif
