/*
 * The I/O path from guest code: STSCH enumeration finds the ccw-testdev
 * (devno 0x1234), MSCH enables it with ISC 3, SSCH starts a SENSE ID
 * whose data the device writes (after 2 ms) over guest code, an I/O
 * interruption ends the enabled wait, TSCH stores the status. The code
 * the device wrote runs as written (the decode cache forgot the old):
 * code[] has a page of its own, which nothing but the device writes
 * between the two calls.
 */
#include "guest-io.h"

static GuestSchib schib;
static uint32_t orb[8] __attribute__((aligned(8)));
static uint64_t ccw __attribute__((aligned(8)));
static uint8_t irb[96] __attribute__((aligned(4)));
/* four padding bytes, then "lr %r2,%r3; br %r14"; SENSE ID data lands on
 * it with dev_type 0x1824 in bytes 4-5: "lr %r2,%r4" */
static uint8_t code[4096]
    __attribute__((aligned(4096))) = { 0x07, 0x00, 0x07, 0x00,
                                       0x18, 0x23, 0x07, 0xfe };

static uint64_t call_code(uint64_t a, uint64_t b)
{
    register uint64_t r2 asm("2");
    register uint64_t r3 asm("3") = a;
    register uint64_t r4 asm("4") = b;
    register unsigned long r1 asm("1") = (unsigned long)(code + 4);

    asm volatile("basr %%r14,%%r1"
                 : "=d"(r2)
                 : "d"(r3), "d"(r4), "a"(r1)
                 : "r14", "memory", "cc");
    return r2;
}

int main(void)
{
    uint32_t sid = 0, found = 0;
    unsigned n = 0;

    for (uint32_t sch = 0; sch < 0x10000; sch++) {
        int cc = guest_stsch(0x10000 | sch, &schib);

        if (cc == 3) {
            break;
        }
        n++;
        if ((schib.flags & 1) && schib.devno == 0x1234) {
            sid = 0x10000 | sch;
            found++;
        }
    }
    check(n >= 1 && found == 1, 1);
    MAILBOX->value = sid;

    schib.intparm = 0x12345678;
    schib.flags = (schib.flags & ~0x3880) | (3 << 11) | 0x80; /* ISC 3, E */
    check(guest_msch(sid, &schib) == 0, 2);
    check(guest_stsch(sid, &schib) == 0 && (schib.flags & 0x80), 3);

    check(call_code(111, 222) == 111, 4); /* decoded and cached */
    /* SENSE ID, 6 bytes, SLI, onto code[] */
    ccw = (0xe4UL << 56) | (0x20UL << 48) | (6UL << 32) |
          (uint32_t)(unsigned long)code;
    orb[0] = 0xcafe0001;
    orb[1] = 0x0080ff00; /* format-1 CCWs, LPM ff */
    orb[2] = (uint32_t)(unsigned long)&ccw;
    guest_lctlg(6, 0x10000000UL); /* ISC 3 */
    check(guest_ssch(sid, orb) == 0, 5);
    guest_wait(PSW_MASK_IO);
    check(*lc64(GUEST_IO_COUNT) == 1, 6);
    check(*lc32(GUEST_IO_SID) == sid, 7);
    check(*lc32(GUEST_IO_PARM) == 0xcafe0001, 8);
    check(guest_tsch(sid, irb) == 0, 9);
    check((irb[8] & 0x0c) == 0x0c && irb[9] == 0, 10); /* CE+DE, no cstat */
    check(code[0] == 0xff && code[1] == 0x38 && code[2] == 0x32, 11);
    check(call_code(111, 222) == 222, 12); /* the new code runs */
    check(guest_tsch(sid, irb) == 1, 13);  /* no status pending now */
    return 0;
}
