/*
 * Operand and instruction access of the interpreter at logical
 * addresses: DAT (when PSW bit 5 is on) gives the real address,
 * prefixing the absolute one; low-address protection applies to stores.
 * The direct path is only taken with both off (S390Cpu.slow_mem). Every call returns 0 or a program-interruption
 * code; a store that fails has stored nothing.
 */
#ifndef TARGET_S390X_MEM_H
#define TARGET_S390X_MEM_H

#include "qemu/bswap.h"
#include "target/s390x/cpu-state.h"

#define S390_PREFIX_MASK UINT64_C(0x1fff) /* the 8 KiB prefix area */
#define S390_PAGE_SHIFT  12

/* Real to absolute: swap the 8 KiB at 0 with the 8 KiB at the prefix */
static inline uint64_t s390_real_to_abs(const S390Cpu *cpu, uint64_t ra)
{
    uint64_t block = ra & ~S390_PREFIX_MASK;

    if (block == 0) {
        return ra + cpu->env.psa;
    }
    if (block == cpu->env.psa) {
        return ra & S390_PREFIX_MASK;
    }
    return ra;
}

int s390_mem_read_slow(S390Cpu *cpu, uint64_t la, void *buf, uint32_t len,
                       S390Access kind);
int s390_mem_write_slow(S390Cpu *cpu, uint64_t la, const void *buf,
                        uint32_t len);
void s390_mem_code_written(S390Cpu *cpu, uint64_t abs);

/*
 * The absolute address of @len bytes at logical @la if they sit in the
 * direct RAM window without crossing an 8 KiB block (so no wrap either)
 */
static inline bool s390_mem_direct_abs(const S390Cpu *cpu, uint64_t la,
                                       uint32_t len, uint64_t *abs)
{
    if (G_UNLIKELY((la & S390_PREFIX_MASK) + len > S390_PREFIX_MASK + 1)) {
        return false;
    }
    *abs = s390_real_to_abs(cpu, la);
    /* direct_size is 0 while DAT or LAP is on: no extra test here */
    return G_LIKELY(*abs < cpu->direct_size && len <= cpu->direct_size - *abs);
}

/* The same as a host pointer, NULL when not direct */
static inline uint8_t *s390_mem_direct(S390Cpu *cpu, uint64_t la, uint32_t len)
{
    uint64_t abs;

    return s390_mem_direct_abs(cpu, la, len, &abs) ? cpu->ram + abs : NULL;
}

static inline int s390_mem_read(S390Cpu *cpu, uint64_t la, void *buf,
                                uint32_t len)
{
    uint8_t *p = s390_mem_direct(cpu, la, len);

    if (G_LIKELY(p)) {
        memcpy(buf, p, len);
        return 0;
    }
    return s390_mem_read_slow(cpu, la, buf, len, S390_ACC_FETCH);
}

/* Pages pre-decoded code came from: a store there must flush (slow path) */
static inline bool s390_mem_code_hit(const S390Cpu *cpu, uint64_t abs,
                                     uint32_t len)
{
    return cpu->code_pages[abs >> S390_PAGE_SHIFT] |
           cpu->code_pages[(abs + len - 1) >> S390_PAGE_SHIFT];
}

static inline int s390_mem_write(S390Cpu *cpu, uint64_t la, const void *buf,
                                 uint32_t len)
{
    uint64_t abs;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, len, &abs) &&
                 !s390_mem_code_hit(cpu, abs, len))) {
        memcpy(cpu->ram + abs, buf, len);
        return 0;
    }
    return s390_mem_write_slow(cpu, la, buf, len);
}

/*
 * Out of line for the 1-, 2- and 4-byte accesses below, by value so that
 * their fast paths need no stack: the zero-extended big-endian value or
 * minus a program-interruption code; 0 or the code. A load that fails
 * gives 0 in *v (as every load here does), which the caller drops.
 */
__attribute__((cold)) int64_t s390_mem_load_slow(S390Cpu *cpu, uint64_t la,
                                                 uint32_t len);
__attribute__((cold)) int s390_mem_store_slow(S390Cpu *cpu, uint64_t la,
                                              uint32_t v, uint32_t len);
/* The same for 8 bytes: *v is 0 when the load fails */
__attribute__((cold)) int s390_mem_load64_slow(S390Cpu *cpu, uint64_t la,
                                               uint64_t *v);
__attribute__((cold)) int s390_mem_store64_slow(S390Cpu *cpu, uint64_t la,
                                                uint64_t v);

/* Big-endian loads and stores of 1, 2, 4 or 8 bytes */
static inline int s390_ld8(S390Cpu *cpu, uint64_t la, uint8_t *v)
{
    uint64_t abs;
    int64_t x;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 1, &abs))) {
        *v = cpu->ram[abs];
        return 0;
    }
    x = s390_mem_load_slow(cpu, la, 1);
    if (x < 0) {
        *v = 0;
        return -x;
    }
    *v = x;
    return 0;
}

static inline int s390_ld16(S390Cpu *cpu, uint64_t la, uint16_t *v)
{
    uint64_t abs;
    int64_t x;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 2, &abs))) {
        *v = lduw_be_p(cpu->ram + abs);
        return 0;
    }
    x = s390_mem_load_slow(cpu, la, 2);
    if (x < 0) {
        *v = 0;
        return -x;
    }
    *v = x;
    return 0;
}

static inline int s390_ld32(S390Cpu *cpu, uint64_t la, uint32_t *v)
{
    uint64_t abs;
    int64_t x;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 4, &abs))) {
        *v = ldl_be_p(cpu->ram + abs);
        return 0;
    }
    x = s390_mem_load_slow(cpu, la, 4);
    if (x < 0) {
        *v = 0;
        return -x;
    }
    *v = x;
    return 0;
}

static inline int s390_ld64(S390Cpu *cpu, uint64_t la, uint64_t *v)
{
    uint64_t abs;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 8, &abs))) {
        *v = ldq_be_p(cpu->ram + abs);
        return 0;
    }
    return s390_mem_load64_slow(cpu, la, v);
}

static inline int s390_st8(S390Cpu *cpu, uint64_t la, uint8_t v)
{
    uint64_t abs;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 1, &abs) &&
                 !s390_mem_code_hit(cpu, abs, 1))) {
        cpu->ram[abs] = v;
        return 0;
    }
    return s390_mem_store_slow(cpu, la, v, 1);
}

static inline int s390_st16(S390Cpu *cpu, uint64_t la, uint16_t v)
{
    uint64_t abs;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 2, &abs) &&
                 !s390_mem_code_hit(cpu, abs, 2))) {
        stw_be_p(cpu->ram + abs, v);
        return 0;
    }
    return s390_mem_store_slow(cpu, la, v, 2);
}

static inline int s390_st32(S390Cpu *cpu, uint64_t la, uint32_t v)
{
    uint64_t abs;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 4, &abs) &&
                 !s390_mem_code_hit(cpu, abs, 4))) {
        stl_be_p(cpu->ram + abs, v);
        return 0;
    }
    return s390_mem_store_slow(cpu, la, v, 4);
}

static inline int s390_st64(S390Cpu *cpu, uint64_t la, uint64_t v)
{
    uint64_t abs;

    if (G_LIKELY(s390_mem_direct_abs(cpu, la, 8, &abs) &&
                 !s390_mem_code_hit(cpu, abs, 8))) {
        stq_be_p(cpu->ram + abs, v);
        return 0;
    }
    return s390_mem_store64_slow(cpu, la, v);
}

/*
 * Is every byte of [la, la+len) accessible for @kind? Lets an
 * instruction with a long operand (MVC, STM...) check before it stores.
 */
int s390_mem_check(S390Cpu *cpu, uint64_t la, uint64_t len, S390Access kind);

/*
 * Real-address access for the CPU's own use of the lowcore (interruption
 * PSWs and codes): prefixing only, no DAT, no protection. [ra, ra+len)
 * must stay inside one 4 KiB page.
 */
int s390_real_access(S390Cpu *cpu, uint64_t ra, void *buf, uint32_t len,
                     S390Access kind);

/*
 * The absolute address of logical @la for @kind (LAP, DAT, key checks as
 * for an access): 0 or a program-interruption code. For operands handed
 * to code that reaches storage itself (the I/O instructions).
 */
int s390_mem_to_abs(S390Cpu *cpu, uint64_t la, S390Access kind, uint64_t *abs);

/* The same at an absolute address (DAT tables, IPTE) */
int s390_abs_access(S390Cpu *cpu, uint64_t abs, void *buf, uint32_t len,
                    S390Access kind);

/* ---- a RAM-backed S390MemOps for tests (mem-ram.c) ---- */
typedef struct S390Ram {
    uint8_t *base;
    uint64_t size;
} S390Ram;

extern const S390MemOps s390_ram_ops; /* opaque: S390Ram */

#endif
