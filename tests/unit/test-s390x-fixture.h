/*
 * Shared set-up of the s390x interpreter tests: a CPU over 1 MiB of RAM
 * in 64-bit mode, instructions given as hex text ("b9e8 3012"), placed at
 * CODE and executed one at a time.
 */
#ifndef TEST_S390X_FIXTURE_H
#define TEST_S390X_FIXTURE_H

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/cpu-state.h"
#include "target/s390x/insn.h"
#include "target/s390x/mem.h"

#define FX_RAM_SIZE (1 * MiB)
#define FX_CODE     UINT64_C(0x10000)
#define FX_DATA     UINT64_C(0x20000)
#define FX_MODE64   (PSW_MASK_EA | PSW_MASK_BA)

typedef struct Fx {
    S390Cpu cpu;
    S390Ram ram;
} Fx;

/* @direct false: every access goes through S390MemOps */
static inline Fx *fx_new_mode(bool direct, uint64_t psw_mask)
{
    Fx *f = g_new0(Fx, 1);

    f->ram.size = FX_RAM_SIZE;
    f->ram.base = g_malloc0(FX_RAM_SIZE);
    s390_cpu_init(&f->cpu, &s390_ram_ops, &f->ram, direct ? f->ram.base : NULL,
                  FX_RAM_SIZE);
    g_assert_true(s390_psw_set(&f->cpu, psw_mask, FX_CODE));
    return f;
}

static inline Fx *fx_new(void)
{
    return fx_new_mode(true, FX_MODE64);
}

static inline void fx_free(Fx *f)
{
    s390_cpu_finalize(&f->cpu);
    g_free(f->ram.base);
    g_free(f);
}

/* Write hex text at absolute @addr; returns the number of bytes */
static inline unsigned fx_poke_hex(Fx *f, uint64_t addr, const char *hex)
{
    unsigned n = 0;

    while (*hex) {
        if (*hex == ' ') {
            hex++;
            continue;
        }
        g_assert_true(g_ascii_isxdigit(hex[0]) && g_ascii_isxdigit(hex[1]));
        f->ram.base[addr + n++] = g_ascii_xdigit_value(hex[0]) << 4 |
                                  g_ascii_xdigit_value(hex[1]);
        hex += 2;
    }
    s390_icache_notify_write(&f->cpu, addr, n);
    return n;
}

/* Place @hex at CODE and execute one instruction: 0 or the pgm code */
static inline int fx_exec(Fx *f, const char *hex)
{
    fx_poke_hex(f, FX_CODE, hex);
    f->cpu.psw_addr = FX_CODE;
    return s390_cpu_step(&f->cpu);
}

/* Execute and expect the condition code @cc */
static inline void fx_exec_cc(Fx *f, const char *hex, unsigned cc)
{
    g_assert_cmpint(fx_exec(f, hex), ==, 0);
    g_assert_cmpuint(f->cpu.cc, ==, cc);
}

/* Execute and expect program interruption @code with ILC @ilc */
static inline void fx_exec_pgm(Fx *f, const char *hex, uint16_t code,
                               unsigned ilc)
{
    g_assert_cmpint(fx_exec(f, hex), ==, code);
    g_assert_cmphex(f->cpu.pgm_code, ==, code);
    g_assert_cmpuint(f->cpu.pgm_ilc, ==, ilc);
}

#define R(n) (f->cpu.env.regs[n])

static inline uint64_t fx_ld64(Fx *f, uint64_t abs)
{
    return ldq_be_p(f->ram.base + abs);
}

static inline uint32_t fx_ld32(Fx *f, uint64_t abs)
{
    return ldl_be_p(f->ram.base + abs);
}

static inline void fx_st64(Fx *f, uint64_t abs, uint64_t v)
{
    stq_be_p(f->ram.base + abs, v);
}

static inline void fx_st32(Fx *f, uint64_t abs, uint32_t v)
{
    stl_be_p(f->ram.base + abs, v);
}

#endif
