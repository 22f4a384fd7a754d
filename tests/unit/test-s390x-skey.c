/*
 * s390x storage keys: SSKE/ISKE/RRBE, key-controlled protection of
 * stores and fetch protection under a non-zero PSW key, the CR0
 * overrides, reference and change recording, and TPROT.
 */
#include "qemu/osdep.h"
#include "test-s390x-fixture.h"
#include "target/s390x/skey.h"
#include "target/s390x/dat.h"

#define KEY(k) ((uint64_t)(k) << 52)

static Fx *skey_fx(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    return f;
}

/* SSKE 1,2 with key byte @key for the frame of FX_DATA */
static void set_key(Fx *f, uint8_t key)
{
    R(1) = key;
    R(2) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "b22b 0012"), ==, 0);
}

static void test_sske_iske_rrbe(void)
{
    Fx *f = skey_fx();

    set_key(f, 0x3f); /* ACC 3, F, R, C, bit 63 ignored */
    R(3) = UINT64_C(0xffffffffffffff00);
    g_assert_cmpint(fx_exec(f, "b229 0032"), ==, 0); /* ISKE 3,2 */
    g_assert_cmphex(R(3), ==, UINT64_C(0xffffffffffffff3e));
    /* RRBE: cc from R and C, then R is reset */
    fx_exec_cc(f, "b22a 0002", 3);
    fx_exec_cc(f, "b22a 0002", 1);
    g_assert_cmpint(fx_exec(f, "b229 0032"), ==, 0);
    g_assert_cmphex(R(3) & 0xff, ==, 0x3a);
    /* the frame must exist */
    R(2) = 0x200000;
    fx_exec_pgm(f, "b229 0032", PGM_ADDRESSING, 4);
    fx_exec_pgm(f, "b22b 0012", PGM_ADDRESSING, 4);
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b229 0032", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "b22a 0002", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "b22b 0012", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "e501 2000 0000", PGM_PRIVILEGED, 6);
    fx_free(f);
}

static int store_with_key(Fx *f, unsigned key, uint64_t addr)
{
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | KEY(key), FX_CODE));
    R(2) = addr;
    R(1) = 0x55;
    return fx_exec(f, "e310 2000 0024"); /* STG 1,0(2) */
}

static int load_with_key(Fx *f, unsigned key, uint64_t addr)
{
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | KEY(key), FX_CODE));
    R(2) = addr;
    return fx_exec(f, "e310 2000 0004");
}

static void test_key_protection(void)
{
    Fx *f = skey_fx();

    set_key(f, 0x30); /* ACC 3, not fetch protected */
    g_assert_cmpint(store_with_key(f, 0, FX_DATA), ==, 0);
    g_assert_cmpint(store_with_key(f, 3, FX_DATA), ==, 0);
    g_assert_cmpint(store_with_key(f, 4, FX_DATA), ==, PGM_PROTECTION);
    g_assert_cmpint(load_with_key(f, 4, FX_DATA), ==, 0);
    /* nothing stored by the refused store, also across a page */
    fx_st64(f, FX_DATA - 8, 0);
    g_assert_cmpint(store_with_key(f, 4, FX_DATA - 4), ==, PGM_PROTECTION);
    g_assert_cmphex(fx_ld64(f, FX_DATA - 8), ==, 0);
    /* fetch protection */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    set_key(f, 0x38);
    g_assert_cmpint(load_with_key(f, 4, FX_DATA), ==, PGM_PROTECTION);
    g_assert_cmpint(load_with_key(f, 3, FX_DATA), ==, 0);
    /* storage-protection override: ACC 9 with CR0 bit 39 */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    set_key(f, 0x98);
    f->cpu.env.cregs[0] |= CR0_SPO;
    g_assert_cmpint(store_with_key(f, 4, FX_DATA), ==, 0);
    f->cpu.env.cregs[0] &= ~CR0_SPO;
    g_assert_cmpint(store_with_key(f, 4, FX_DATA), ==, PGM_PROTECTION);
    fx_free(f);
}

static void test_fetch_protection_override(void)
{
    Fx *f = skey_fx();

    R(2) = 0;
    R(1) = 0x18; /* frame 0: ACC 1, F */
    g_assert_cmpint(fx_exec(f, "b22b 0012"), ==, 0);
    g_assert_cmpint(load_with_key(f, 2, 0x100), ==, PGM_PROTECTION);
    f->cpu.env.cregs[0] |= CR0_FPO;
    g_assert_cmpint(load_with_key(f, 2, 0x100), ==, 0);
    g_assert_cmpint(load_with_key(f, 2, 0x800), ==, PGM_PROTECTION);
    g_assert_cmpint(store_with_key(f, 2, 0x100), ==, PGM_PROTECTION);
    fx_free(f);
}

static void test_change_recording(void)
{
    Fx *f = skey_fx();

    set_key(f, 0x40);
    g_assert_cmpint(load_with_key(f, 4, FX_DATA), ==, 0);
    g_assert_cmphex(*s390_skey_of(&f->cpu, FX_DATA), ==, 0x44);
    g_assert_cmpint(store_with_key(f, 4, FX_DATA), ==, 0);
    g_assert_cmphex(*s390_skey_of(&f->cpu, FX_DATA), ==, 0x46);
    fx_free(f);
}

/* TPROT 0(2),0x40(0): key 4 */
static void test_tprot(void)
{
    Fx *f = skey_fx();

    set_key(f, 0x40);
    fx_exec_cc(f, "e501 2000 0040", 0);
    set_key(f, 0x30);
    fx_exec_cc(f, "e501 2000 0040", 1);
    set_key(f, 0x38);
    fx_exec_cc(f, "e501 2000 0040", 2);
    fx_exec_cc(f, "e501 2000 0030", 0); /* key 3 matches */
    fx_exec_cc(f, "e501 2000 0000", 0); /* key 0 */
    R(2) = 0x200000;
    fx_exec_pgm(f, "e501 2000 0040", PGM_ADDRESSING, 6);
    fx_free(f);
}

static void test_tprot_dat(void)
{
    Fx *f = skey_fx();
    unsigned i;

    /* segment 0: page table at 0x81000, code identity, page 0x20 prot */
    for (i = 0; i < 512; i++) {
        fx_st64(f, 0x80000 + 8 * i, TE_INVALID);
    }
    for (i = 0; i < 256; i++) {
        fx_st64(f, 0x81000 + 8 * i, PTE_INVALID);
    }
    fx_st64(f, 0x80000, 0x81000);
    fx_st64(f, 0x81000 + 8 * 0x10, 0x10000);
    fx_st64(f, 0x81000 + 8 * 0x20, 0x20000 | PTE_PROTECT);
    f->cpu.env.cregs[1] = 0x80000;
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | PSW_MASK_DAT, FX_CODE));
    R(2) = 0x20000;
    fx_exec_cc(f, "e501 2000 0000", 1); /* DAT protection: fetch only */
    R(2) = 0x30000;
    fx_exec_cc(f, "e501 2000 0000", 3); /* page invalid */
    R(2) = 0x300000;
    fx_exec_cc(f, "e501 2000 0000", 3); /* segment invalid */
    fx_free(f);
}

static void test_spka_ipk(void)
{
    Fx *f = skey_fx();

    g_assert_cmpint(fx_exec(f, "b20a 0050"), ==, 0); /* SPKA 0x50: key 5 */
    g_assert_cmpuint(s390_psw_key(&f->cpu), ==, 5);
    R(2) = UINT64_C(0xffffffffffffff0f);
    g_assert_cmpint(fx_exec(f, "b20b 0000"), ==, 0);
    g_assert_cmphex(R(2), ==, UINT64_C(0xffffffffffffff5f));
    /* key 5 is now checked: a store into an ACC 3 frame is refused */
    R(1) = 0x30;
    R(2) = FX_DATA;
    s390_psw_set(&f->cpu, FX_MODE64, FX_CODE);
    g_assert_cmpint(fx_exec(f, "b22b 0012"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b20a 0050"), ==, 0);
    R(2) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "e310 2000 0024"), ==, PGM_PROTECTION);
    /* problem state: SPKA needs the key's bit in CR3, IPK CR0 bit 36 */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    f->cpu.env.cregs[3] = UINT64_C(1) << (31 - 3);
    fx_exec_pgm(f, "b20a 0040", PGM_PRIVILEGED, 4);
    g_assert_cmpint(fx_exec(f, "b20a 0030"), ==, 0);
    g_assert_cmpuint(s390_psw_key(&f->cpu), ==, 3);
    fx_exec_pgm(f, "b20b 0000", PGM_PRIVILEGED, 4);
    f->cpu.env.cregs[0] |= PSW_BIT(36);
    g_assert_cmpint(fx_exec(f, "b20b 0000"), ==, 0);
    fx_free(f);
}

/*
 * LURA, LURAG, STURA, STURG: real addresses (prefixed, never
 * translated) under key-controlled protection with the PSW key
 */
static void test_real_address_ops(void)
{
    Fx *f = skey_fx();
    uint64_t pfx = 0x40000;

    s390_set_prefix(&f->cpu, pfx);
    /* STURG 1,2 to real 0x100: absolute pfx + 0x100 */
    R(1) = UINT64_C(0x1122334455667788);
    R(2) = 0x100;
    g_assert_cmpint(fx_exec(f, "b925 0012"), ==, 0);
    g_assert_cmphex(fx_ld64(f, pfx + 0x100), ==, UINT64_C(0x1122334455667788));
    g_assert_cmphex(fx_ld64(f, 0x100), ==, 0);
    /* STURA stores bits 32-63; LURA loads them into bits 32-63 only */
    R(2) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "b246 0012"), ==, 0);
    g_assert_cmphex(ldl_be_p(f->ram.base + FX_DATA), ==, 0x55667788);
    R(3) = UINT64_C(0xaaaaaaaa00000000);
    g_assert_cmpint(fx_exec(f, "b24b 0032"), ==, 0);
    g_assert_cmphex(R(3), ==, UINT64_C(0xaaaaaaaa55667788));
    /* LURAG of real pfx + 0x100 reads absolute 0x100 (swapped) */
    fx_st64(f, 0x100, UINT64_C(0x0102030405060708));
    R(2) = pfx + 0x100;
    g_assert_cmpint(fx_exec(f, "b905 0032"), ==, 0);
    g_assert_cmphex(R(3), ==, UINT64_C(0x0102030405060708));
    /* alignment, storage end, privilege */
    R(2) = FX_DATA + 4;
    fx_exec_pgm(f, "b925 0012", PGM_SPECIFICATION, 4);
    fx_exec_pgm(f, "b905 0032", PGM_SPECIFICATION, 4);
    R(2) = FX_DATA + 2;
    fx_exec_pgm(f, "b246 0012", PGM_SPECIFICATION, 4);
    R(2) = 0x200000;
    fx_exec_pgm(f, "b24b 0032", PGM_ADDRESSING, 4);
    /* key 3 frame: key 5 may fetch it but not store; key 0 may store */
    set_key(f, 0x30);
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | KEY(5), FX_CODE));
    R(2) = FX_DATA;
    fx_exec_pgm(f, "b925 0012", PGM_PROTECTION, 4);
    g_assert_cmphex(ldl_be_p(f->ram.base + FX_DATA), ==, 0x55667788);
    g_assert_cmpint(fx_exec(f, "b24b 0032"), ==, 0);
    /* fetch protected: the fetch too */
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64, FX_CODE));
    set_key(f, 0x38);
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | KEY(5), FX_CODE));
    R(2) = FX_DATA;
    fx_exec_pgm(f, "b24b 0032", PGM_PROTECTION, 4);
    g_assert_true(s390_psw_set(&f->cpu, FX_MODE64 | KEY(3), FX_CODE));
    g_assert_cmpint(fx_exec(f, "b925 0012"), ==, 0);
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    fx_exec_pgm(f, "b925 0012", PGM_PRIVILEGED, 4);
    fx_exec_pgm(f, "b24b 0032", PGM_PRIVILEGED, 4);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/skey/sske-iske-rrbe", test_sske_iske_rrbe);
    g_test_add_func("/s390x/skey/real-address-ops", test_real_address_ops);
    g_test_add_func("/s390x/skey/protection", test_key_protection);
    g_test_add_func("/s390x/skey/fetch-override",
                    test_fetch_protection_override);
    g_test_add_func("/s390x/skey/change-recording", test_change_recording);
    g_test_add_func("/s390x/skey/tprot", test_tprot);
    g_test_add_func("/s390x/skey/tprot-dat", test_tprot_dat);
    g_test_add_func("/s390x/skey/spka-ipk", test_spka_ipk);
    return g_test_run();
}
