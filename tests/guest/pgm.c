/*
 * Program interruptions through the lowcore: an operation exception
 * (ILC 2), a privileged-operation exception in the problem state (ILC
 * 4), a specification exception of a 6-byte instruction (ILC 6), each
 * with the old PSW past the instruction, an addressing exception, and
 * SAM24 at 16 MiB (specification: the address does not fit the mode).
 */
#include "guest.h"

static void expect_pgm(uint16_t code, uint16_t ilc, uint64_t old, unsigned id)
{
    check(*lc16(LC_PGM_CODE) == code, id);
    check(*lc16(LC_PGM_ILC) == ilc, id + 1);
    check(*lc64(LC_PGM_OLD + 8) == old, id + 2);
}

int main(void)
{
    uint64_t after;
    uint64_t count = *lc64(GUEST_PGM_COUNT);

    /* operation exception: opcode 0x00 */
    asm volatile("larl %0,0f\n"
                 ".insn e,0x0000\n"
                 "0:\n"
                 : "=&a"(after)
                 :
                 : "memory");
    check(*lc64(GUEST_PGM_COUNT) == count + 1, 1);
    expect_pgm(0x0001, 2, after, 2);

    /* CDSG with an odd R1: specification, 6 bytes */
    {
        static uint64_t q[2] __attribute__((aligned(16)));

        asm volatile("larl %0,0f\n"
                     ".insn rsy,0xeb000000003e,1,2,0(%1)\n"
                     "0:\n"
                     : "=&a"(after)
                     : "a"(q)
                     : "memory");
    }
    check(*lc64(GUEST_PGM_COUNT) == count + 2, 5);
    expect_pgm(0x0006, 6, after, 6);

    /* addressing: beyond the end of storage (the test runs with 128M) */
    asm volatile("larl %0,0f\n"
                 "lg %%r1,0(%1)\n"
                 "0:\n"
                 : "=&a"(after)
                 : "a"(0x40000000UL)
                 : "r1", "memory");
    check(*lc64(GUEST_PGM_COUNT) == count + 3, 9);
    expect_pgm(0x0005, 6, after, 10);

    /*
     * SAM24 at 16 MiB: the updated address does not fit 24 bits, a
     * specification exception (ILC 2, PSW past it) and the mode stays
     */
    {
        volatile uint8_t *stub = (volatile uint8_t *)0x1000000UL;
        int cc;

        stub[0] = 0x01; /* SAM24 */
        stub[1] = 0x0c;
        stub[2] = 0x01; /* TAM */
        stub[3] = 0x0b;
        stub[4] = 0x07; /* BR 14 */
        stub[5] = 0xfe;
        asm volatile("basr %%r14,%1\n"
                     "ipm %0\n"
                     "srl %0,28\n"
                     : "=d"(cc)
                     : "a"(stub)
                     : "r14", "cc", "memory");
        check(*lc64(GUEST_PGM_COUNT) == count + 4, 17);
        expect_pgm(0x0006, 2, 0x1000002UL, 18);
        check(cc == 3, 21); /* TAM: still the 64-bit mode */
        count++;
    }

    /* privileged operation in the problem state: resumed by the handler */
    {
        static uint64_t psw[2] __attribute__((aligned(8)));
        uint64_t at;

        psw[0] = PSW_MASK_64 | 0x0001000000000000UL; /* problem state */
        asm volatile("larl %%r1,1f\n"
                     "stg %%r1,%[resume]\n"
                     "larl %%r1,2f\n"
                     "stg %%r1,8+%[psw]\n"
                     "larl %0,3f\n"
                     "lpswe %[psw]\n"
                     "2: stctg 0,0,%[scratch]\n"
                     "3: j 2b\n"
                     "1:\n"
                     : "=&a"(at), [psw] "+Q"(psw)
                     : [resume] "Q"(*lc64(GUEST_PGM_RESUME)), [scratch] "Q"(
                                                                  *lc64(0x3f0))
                     : "r1", "memory", "cc");
        /* the handler replaced the old PSW's address with the resume one */
        check(*lc64(GUEST_PGM_COUNT) == count + 4, 13);
        check(*lc16(LC_PGM_CODE) == 0x0002 && *lc16(LC_PGM_ILC) == 6, 14);
        (void)at;
    }
    return 0;
}
