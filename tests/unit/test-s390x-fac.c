/*
 * The facility list against the instructions: every bit STFLE reports
 * has a row in the table below naming the instructions the facility
 * brings, and each of them decodes to a handler of that name (so a
 * facility cannot be reported without its instructions). Then the
 * instructions of facilities 31, 32/33, 40, 41, 45 (LPD, LPDG) and 49 against the
 * Principles of Operation: load and trap (DXC 0xff after the register
 * is loaded), the execution hints, PPA, ECTG, LPP.
 */
#include "test-s390x-fixture.h"
#include "target/s390x/facilities.h"
#include "target/s390x/clock.h"

#define CR0_AFP PSW_BIT(45)

typedef struct FacRow {
    unsigned bit;
    const char *insns; /* space-separated mnemonics; "" for none */
} FacRow;

static const FacRow fac_rows[] = {
    /* N3: in the ESA/390 mode; this CPU has z/Architecture only */
    { 0, "ALC ALCR BRASL BRCL DL DLR EPSW LARL LRV LRVH LRVR ML MLR RLL "
         "SAM24 SAM31 STFL STRV STRVH SLB SLBR TAM" },
    { 1, "LG STG LGR AGR SGR LMG STMG BRCTG LPSWE SAM64 TAM LCTLG STCTG" },
    { 2, "LG STG LPSWE SAM24 SAM31 SAM64" },
    { 3, "IDTE CSPG" },
    { 7, "STFLE" },
    { 9, "SIGP" }, /* its sense-running-status order */
    { 18, "AY ALY CY CLY ICY ICMY LAY LB LGB LHY LMY LY MSY NY OY XY SY SLY "
          "STCY STHY STMY STY STCMY CLMY MVIY NIY OIY XIY TMY CLIY LDY LEY "
          "STDY STEY CSY CDSY LAEY" },
    { 19, "" }, /* the long-displacement forms run as fast as the others */
    { 21, "AFI AGFI ALFI ALGFI CFI CGFI CLFI CLGFI IIHF IILF LLIHF LLILF "
          "LGFI NIHF NILF OIHF OILF XIHF XILF SLFI SLGFI FLOGR LBR LGBR LHR "
          "LGHR LLCR LLGCR LLHR LLGHR LLC LLH LT LTG" },
    { 25, "STCKF" },
    { 27, "MVCOS" },
    { 31, "ECTG" },
    { 32, "CSST" },
    { 33, "CSST" }, /* function code 2, store characteristic 4 */
    { 34, "AGSI ALGSI ALSI ASI CGFRL CGHRL CGHSI CGIB CGIJ CGIT CGRB CGRJ "
          "CGRL CGRT CHHSI CHRL CHSI CIB CIJ CIT CLFHSI CLFIT CLGFRL CLGHRL "
          "CLGHSI CLGIB CLGIJ CLGIT CLGRB CLGRJ CLGRL CLGRT CLHHSI CLHRL "
          "CLIB CLIJ CLRB CLRJ CLRL CLRT CRB CRJ CRL CRT ECAG LAEY LGFRL "
          "LGRL LGHRL LHRL LLGFRL LLGHRL LLHRL LRL LTGF MFY MHY MSFI MSGFI "
          "MVGHI MVHHI MVHI PFD PFDRL RISBG RNSBG ROSBG RXSBG STGRL STHRL "
          "STRL CGH" },
    { 35, "EXRL" },
    { 37, "CDLFBR CDLGBR CELFBR CELGBR CXLFBR CXLGBR CLFDBR CLFEBR CLFXBR "
          "CLGDBR CLGEBR CLGXBR SRNMB" },
    { 40, "LPP" },
    { 41, "LDGR LGDR CPSDR LCDFR LNDFR LPDFR SRNMT LFAS SFASR" },
    { 45, "AGHIK AGRK AHIK ALGHSIK ALGRK ALHSIK ALRK ARK NGRK NRK OGRK ORK "
          "SGRK SLAK SLGRK SLLK SLRK SRAK SRK SRLK XGRK XRK AHHHR AHHLR AIH "
          "ALHHHR ALHHLR ALSIH ALSIHN BRCTH CHF CHHR CHLR CIH CLHF CLHHR "
          "CLHLR CLIH LBH LFH LHH LLCH LLHH RISBHG RISBLG SHHHR SHHLR SLHHHR "
          "SLHHLR STCH STFH STHH LAA LAAG LAAL LAALG LAN LANG LAO LAOG LAX "
          "LAXG LPD LPDG LOC LOCG LOCR LOCGR STOC STOCG POPCNT BCR" },
    { 49, "CLT CLGT RISBGN LAT LGAT LFHAT LLGFAT LLGTAT BPP BPRP NIAI PPA" },
    { 52, "NI OI XI NIY OIY XIY" }, /* interlocked: one CPU at a time */
    { 69, "CLP PCILG PCISTG PCISTB RPCIT MPCIFC STPCIFC" },
    { 71, "" }, /* adapter event notification: an interruption, no opcode */
    { 72, "SIC" },
};

static const S390InsnDef *def_by_name(const char *name)
{
    for (unsigned i = 0; i < s390_insn_table_size(); i++) {
        const S390InsnDef *d = s390_insn_table_entry(i);

        if (!strcmp(d->name, name)) {
            return d;
        }
    }
    return NULL;
}

/* The first six bytes of an instruction with the opcode of @d */
static void opcode_bytes(const S390InsnDef *d, uint8_t *b)
{
    memset(b, 0, 6);
    b[0] = d->opc >> 8;
    switch (s390_opcode_ext_kind(b[0])) {
    case OPX_BYTE1:
        b[1] = d->opc & 0xff;
        break;
    case OPX_NIBBLE:
        b[1] = d->opc & 0xf;
        break;
    case OPX_BYTE5:
        b[5] = d->opc & 0xff;
        break;
    default:
        break;
    }
}

static const FacRow *fac_row(unsigned bit)
{
    for (size_t i = 0; i < G_N_ELEMENTS(fac_rows); i++) {
        if (fac_rows[i].bit == bit) {
            return &fac_rows[i];
        }
    }
    return NULL;
}

static void test_facility_table(void)
{
    unsigned reported = 0;

    for (unsigned bit = 0; bit < 64 * S390_FACILITY_DWS; bit++) {
        const FacRow *row;
        g_auto(GStrv) names = NULL;

        if (!s390_has_facility(bit)) {
            continue;
        }
        reported++;
        row = fac_row(bit);
        if (!row) {
            g_test_message("facility %u is reported but has no row", bit);
        }
        g_assert_nonnull(row);
        names = g_strsplit(row->insns, " ", -1);
        for (char **n = names; *n; n++) {
            const S390InsnDef *d;
            uint8_t b[6];

            if (!**n) {
                continue;
            }
            d = def_by_name(*n);
            if (!d) {
                g_test_message("facility %u: no instruction %s", bit, *n);
            }
            g_assert_nonnull(d);
            opcode_bytes(d, b);
            g_assert_true(s390_insn_lookup(b) == d);
            g_assert_nonnull(d->fn);
        }
    }
    /* every row is a reported facility */
    g_assert_true(s390_has_facility(49));
    g_assert_true(s390_has_facility(31));
    g_assert_true(s390_has_facility(40));
    g_assert_cmpuint(reported, ==, G_N_ELEMENTS(fac_rows));
}

/* ---- load and trap ---- */

static void expect_trap(Fx *f, const char *hex)
{
    fx_exec_pgm(f, hex, PGM_DATA, 6);
    g_assert_cmphex(f->cpu.dxc, ==, 0xff);
}

static void test_load_and_trap(void)
{
    Fx *f = fx_new();

    R(2) = FX_DATA;
    fx_st32(f, FX_DATA, 0x80000001);
    fx_st32(f, FX_DATA + 4, 0);
    fx_st64(f, FX_DATA + 8, UINT64_C(0x0000000100000000));
    fx_st32(f, FX_DATA + 16, 0x80000000);
    f->cpu.cc = 2;

    /* LAT: bits 32-63, bits 0-31 kept; the cc stays */
    R(1) = UINT64_C(0xaaaaaaaa55555555);
    g_assert_cmpint(fx_exec(f, "e312 0000 009f"), ==, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0xaaaaaaaa80000001));
    g_assert_cmpuint(f->cpu.cc, ==, 2);
    /* zero: loaded, then the trap */
    expect_trap(f, "e312 0004 009f");
    g_assert_cmphex(R(1), ==, UINT64_C(0xaaaaaaaa00000000));
    g_assert_cmpuint(f->cpu.cc, ==, 2);

    /* LGAT: 64 bits; a nonzero high half is not zero */
    R(1) = 0;
    g_assert_cmpint(fx_exec(f, "e312 0008 0085"), ==, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0x0000000100000000));
    R(1) = 7;
    /* the words at 4 and 8, 0 and 1: not zero */
    g_assert_cmpint(fx_exec(f, "e312 0004 0085"), ==, 0);
    g_assert_cmphex(R(1), ==, 1);
    fx_st64(f, FX_DATA + 0x20, 0);
    expect_trap(f, "e312 0020 0085");
    g_assert_cmphex(R(1), ==, 0);

    /* LFHAT: bits 0-31, bits 32-63 kept */
    R(1) = UINT64_C(0x1111111122222222);
    g_assert_cmpint(fx_exec(f, "e312 0000 00c8"), ==, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0x8000000122222222));
    expect_trap(f, "e312 0004 00c8");
    g_assert_cmphex(R(1), ==, UINT64_C(0x0000000022222222));

    /* LLGFAT: zero-extended */
    R(1) = UINT64_MAX;
    g_assert_cmpint(fx_exec(f, "e312 0000 009d"), ==, 0);
    g_assert_cmphex(R(1), ==, UINT64_C(0x80000001));
    R(1) = UINT64_MAX;
    expect_trap(f, "e312 0004 009d");
    g_assert_cmphex(R(1), ==, 0);

    /* LLGTAT: bits 1-31 only; 0x80000000 is zero there and traps */
    R(1) = UINT64_MAX;
    g_assert_cmpint(fx_exec(f, "e312 0000 009c"), ==, 0);
    g_assert_cmphex(R(1), ==, 1);
    R(1) = UINT64_MAX;
    expect_trap(f, "e312 0010 009c");
    g_assert_cmphex(R(1), ==, 0);

    /* the DXC in the FPC too while the AFP-register control is on */
    f->cpu.env.cregs[0] |= CR0_AFP;
    f->cpu.fpc = 0;
    expect_trap(f, "e312 0004 009f");
    g_assert_cmphex(f->cpu.fpc, ==, 0xff00);
    f->cpu.env.cregs[0] &= ~CR0_AFP;

    /* an addressing exception comes first and nothing is loaded */
    R(2) = FX_RAM_SIZE;
    R(1) = 5;
    fx_exec_pgm(f, "e312 0000 009f", PGM_ADDRESSING, 6);
    g_assert_cmphex(R(1), ==, 5);
    fx_free(f);
}

/* ---- hints ---- */

static void test_hints(void)
{
    Fx *f = fx_new();
    uint64_t regs[16];

    for (int i = 0; i < 16; i++) {
        R(i) = 0x1000 * i + FX_RAM_SIZE; /* no address would be valid */
    }
    memcpy(regs, f->cpu.env.regs, sizeof(regs));
    f->cpu.cc = 1;
    /* BPP 15,+0x100,0(15): no fetch at either address, nothing changes */
    g_assert_cmpint(fx_exec(f, "c7f0 f000 0080"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    /* BPRP 15,+2,+0x10000 */
    g_assert_cmpint(fx_exec(f, "c5f0 0101 0000"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    /* NIAI 1,0 and a reserved code */
    g_assert_cmpint(fx_exec(f, "b2fa 0010"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b2fa 00ff"), ==, 0);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    /* PPA 3,0,1 (transaction-abort assist) and reserved codes */
    g_assert_cmpint(fx_exec(f, "b2e8 1030"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b2e8 f0ff"), ==, 0);
    g_assert_cmpuint(f->cpu.cc, ==, 1);
    g_assert_cmpmem(f->cpu.env.regs, sizeof(regs), regs, sizeof(regs));
    /* any state: the problem state too */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    g_assert_cmpint(fx_exec(f, "b2e8 1030"), ==, 0);
    g_assert_cmpint(fx_exec(f, "b2fa 0020"), ==, 0);
    g_assert_cmpint(fx_exec(f, "c7f0 f000 0080"), ==, 0);
    fx_free(f);
}

/* ---- ECTG, LPP, LPD ---- */

static uint64_t fake_ns;

static uint64_t fake_clock(void *opaque)
{
    return fake_ns;
}

static void test_ectg(void)
{
    Fx *f = fx_new();

    f->cpu.clock = fake_clock;
    fake_ns = 1000000;
    /* CPU timer: 0x10000 TOD units left */
    f->cpu.cpu_timer_end = s390_tod_now(&f->cpu) + 0x10000;
    fx_st64(f, FX_DATA, 0x50000);             /* first operand */
    fx_st64(f, FX_DATA + 0x101, 0x123456789); /* second, unaligned */
    fx_st64(f, FX_DATA + 0x203, UINT64_C(0xfedcba9876543210));
    R(2) = FX_DATA;
    R(5) = FX_DATA + 0x203;
    f->cpu.cc = 3;
    /* ECTG 0(2),0x101(2),5 */
    g_assert_cmpint(fx_exec(f, "c851 2000 2101"), ==, 0);
    g_assert_cmphex(R(0), ==, 0x40000);
    g_assert_cmphex(R(1), ==, 0x123456789);
    g_assert_cmphex(R(5), ==, UINT64_C(0xfedcba9876543210));
    g_assert_cmpuint(f->cpu.cc, ==, 3);
    /* a negative timer: the difference wraps as unsigned */
    fake_ns += 1000000;
    R(5) = FX_DATA + 0x203;
    g_assert_cmpint(fx_exec(f, "c851 2000 2101"), ==, 0);
    g_assert_cmphex(R(0), ==, 0x50000 - (0x10000 - 4096000));
    /* problem state is fine */
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    R(5) = FX_DATA + 0x203;
    g_assert_cmpint(fx_exec(f, "c851 2000 2101"), ==, 0);
    /* an access exception on the third operand: nothing changes */
    R(0) = R(1) = 0;
    R(5) = FX_RAM_SIZE;
    fx_exec_pgm(f, "c851 2000 2101", PGM_ADDRESSING, 6);
    g_assert_cmphex(R(0), ==, 0);
    g_assert_cmphex(R(1), ==, 0);
    g_assert_cmphex(R(5), ==, FX_RAM_SIZE);
    fx_free(f);
}

static void test_lpp(void)
{
    Fx *f = fx_new();

    fx_st64(f, FX_DATA + 3, UINT64_C(0x0123456789abcdef));
    R(2) = FX_DATA;
    g_assert_cmpint(fx_exec(f, "b280 2003"), ==, 0);
    g_assert_cmphex(f->cpu.prog_param, ==, UINT64_C(0x0123456789abcdef));
    R(2) = FX_RAM_SIZE;
    fx_exec_pgm(f, "b280 2000", PGM_ADDRESSING, 4);
    f->cpu.psw_mask |= PSW_MASK_PSTATE;
    R(2) = FX_DATA;
    fx_exec_pgm(f, "b280 2003", PGM_PRIVILEGED, 4);
    fx_free(f);
}

static void test_lpd(void)
{
    Fx *f = fx_new();

    fx_st64(f, FX_DATA, UINT64_C(0x1111111122222222));
    fx_st64(f, FX_DATA + 0x100, UINT64_C(0x3333333344444444));
    R(2) = FX_DATA;
    R(4) = R(5) = UINT64_C(0xaaaaaaaaaaaaaaaa);
    f->cpu.cc = 3;
    /* LPD 4,0(2),0x104(2) */
    g_assert_cmpint(fx_exec(f, "c844 2000 2104"), ==, 0);
    g_assert_cmpuint(f->cpu.cc, ==, 0);
    g_assert_cmphex(R(4), ==, UINT64_C(0xaaaaaaaa11111111));
    g_assert_cmphex(R(5), ==, UINT64_C(0xaaaaaaaa44444444));
    /* LPDG 4,0x100(2),0(2) */
    g_assert_cmpint(fx_exec(f, "c845 2100 2000"), ==, 0);
    g_assert_cmphex(R(4), ==, UINT64_C(0x3333333344444444));
    g_assert_cmphex(R(5), ==, UINT64_C(0x1111111122222222));
    /* odd R3, unaligned operands: specification */
    fx_exec_pgm(f, "c855 2000 2100", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "c844 2002 2100", PGM_SPECIFICATION, 6);
    fx_exec_pgm(f, "c845 2000 2104", PGM_SPECIFICATION, 6);
    g_assert_cmphex(R(4), ==, UINT64_C(0x3333333344444444));
    fx_free(f);
}

/* ---- CSST ---- */

static void csst_setup(Fx *f, unsigned fc, unsigned sc)
{
    R(0) = UINT64_C(0xffffffffffff0000) | sc << 8 | fc; /* bits 0-47 ignored */
    R(1) = FX_DATA + 0x10f; /* rightmost 4 bits ignored: list at 0x100 */
    R(2) = FX_DATA;
    fx_st64(f, FX_DATA + 0x100, UINT64_C(0x1111111122222222)); /* repl. */
    fx_st64(f, FX_DATA + 0x108, UINT64_C(0x3333333344444444));
    fx_st64(f, FX_DATA + 0x110, UINT64_C(0x5555555566666666)); /* store */
    fx_st64(f, FX_DATA + 0x118, UINT64_C(0x7777777788888888));
    fx_st64(f, FX_DATA + 0x200, UINT64_C(0xaaaaaaaabbbbbbbb)); /* op 1 */
    fx_st64(f, FX_DATA + 0x208, UINT64_C(0xccccccccdddddddd));
    fx_st64(f, FX_DATA + 0x300, 0); /* op 2 */
    fx_st64(f, FX_DATA + 0x308, 0);
}

static void test_csst(void)
{
    Fx *f = fx_new();

    /* FC 0 (4 bytes), SC 2 (4 bytes), equal: swap, store, cc 0 */
    csst_setup(f, 0, 2);
    R(4) = UINT64_C(0x99999999aaaaaaaa);
    /* CSST 0x200(2),0x304(2),4 */
    fx_exec_cc(f, "c842 2200 2304", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x200), ==,
                    UINT64_C(0x11111111bbbbbbbb));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x300), ==, 0x55555555);
    g_assert_cmphex(R(4), ==, UINT64_C(0x99999999aaaaaaaa));
    /* unequal: R3's low word gets the operand, nothing stored, cc 1 */
    csst_setup(f, 0, 2);
    R(4) = 0;
    fx_exec_cc(f, "c842 2200 2304", 1);
    g_assert_cmphex(R(4), ==, 0xaaaaaaaa);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x200), ==,
                    UINT64_C(0xaaaaaaaabbbbbbbb));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x300), ==, 0);

    /* FC 1 (8 bytes), SC 0 (1 byte) and SC 3 (8 bytes) */
    csst_setup(f, 1, 0);
    R(4) = UINT64_C(0xaaaaaaaabbbbbbbb);
    fx_exec_cc(f, "c842 2200 2307", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x200), ==,
                    UINT64_C(0x1111111122222222));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x300), ==, 0x55);
    csst_setup(f, 1, 3);
    R(4) = UINT64_C(0xaaaaaaaabbbbbbbb);
    fx_exec_cc(f, "c842 2200 2308", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x308), ==,
                    UINT64_C(0x5555555566666666));
    /* SC 1: 2 bytes */
    csst_setup(f, 1, 1);
    R(4) = UINT64_C(0xaaaaaaaabbbbbbbb);
    fx_exec_cc(f, "c842 2200 2302", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x300), ==, UINT64_C(0x5555) << 32);

    /* FC 2 (16 bytes, R3 pair), SC 4 (16 bytes) */
    csst_setup(f, 2, 4);
    R(4) = UINT64_C(0xaaaaaaaabbbbbbbb);
    R(5) = UINT64_C(0xccccccccdddddddd);
    fx_exec_cc(f, "c842 2200 2300", 0);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x208), ==,
                    UINT64_C(0x3333333344444444));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x308), ==,
                    UINT64_C(0x7777777788888888));
    csst_setup(f, 2, 4);
    R(5) = 0;
    fx_exec_cc(f, "c842 2200 2300", 1);
    g_assert_cmphex(R(4), ==, UINT64_C(0xaaaaaaaabbbbbbbb));
    g_assert_cmphex(R(5), ==, UINT64_C(0xccccccccdddddddd));
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x300), ==, 0);

    /* specification: FC 3, SC 5, odd pair, unaligned operands */
    csst_setup(f, 3, 0);
    fx_exec_pgm(f, "c842 2200 2300", PGM_SPECIFICATION, 6);
    csst_setup(f, 0, 5);
    fx_exec_pgm(f, "c842 2200 2300", PGM_SPECIFICATION, 6);
    csst_setup(f, 2, 0);
    fx_exec_pgm(f, "c852 2200 2300", PGM_SPECIFICATION, 6);
    csst_setup(f, 2, 0);
    fx_exec_pgm(f, "c842 2208 2300", PGM_SPECIFICATION, 6);
    csst_setup(f, 1, 0);
    fx_exec_pgm(f, "c842 2204 2300", PGM_SPECIFICATION, 6);
    csst_setup(f, 0, 3);
    fx_exec_pgm(f, "c842 2200 2304", PGM_SPECIFICATION, 6);
    csst_setup(f, 0, 1);
    fx_exec_pgm(f, "c842 2200 2301", PGM_SPECIFICATION, 6);
    /* a second operand out of storage: nothing changes, even when equal */
    csst_setup(f, 0, 2);
    R(4) = 0xaaaaaaaa;
    R(3) = FX_RAM_SIZE;
    fx_exec_pgm(f, "c842 2200 3000", PGM_ADDRESSING, 6);
    g_assert_cmphex(fx_ld64(f, FX_DATA + 0x200), ==,
                    UINT64_C(0xaaaaaaaabbbbbbbb));
    fx_free(f);
}

/* ---- facility 41: SRNMT, LFAS, SFASR ---- */

static void test_fps(void)
{
    Fx *f = fx_new();

    /* DFP instructions: without the AFP-register control DXC 3 */
    fx_exec_pgm(f, "b2b9 0005", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 3);
    R(1) = 0;
    fx_exec_pgm(f, "b385 0010", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 3);
    f->cpu.env.cregs[0] |= CR0_AFP;

    /* SRNMT: address bits 61-63 to FPC bits 25-27, the rest kept */
    f->cpu.fpc = 0x00080001;
    R(2) = 0x1000;
    g_assert_cmpint(fx_exec(f, "b2b9 2007"), ==, 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0x00080071);
    g_assert_cmpint(fx_exec(f, "b2b9 2002"), ==, 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0x00080021);
    /* SFPC and LFPC take the DFP mode now; other reserved bits still not */
    R(1) = 0x00000053;
    g_assert_cmpint(fx_exec(f, "b384 0010"), ==, 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0x53);
    R(1) = 0x00000083;
    fx_exec_pgm(f, "b384 0010", PGM_SPECIFICATION, 4);

    /* SFASR: flags kept (ORed), no enabled flag: no exception */
    f->cpu.fpc = 0x00100000;
    R(1) = 0x08200001;
    g_assert_cmpint(fx_exec(f, "b385 0010"), ==, 0);
    g_assert_cmphex(f->cpu.fpc, ==, 0x08300001);
    /* a flag already set, its mask now one: simulated, DXC flag | 3 */
    f->cpu.fpc = 0x00c00000; /* i and z */
    R(1) = 0xc0000000;
    fx_exec_pgm(f, "b385 0010", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 0x83); /* invalid first */
    g_assert_cmphex(f->cpu.fpc, ==, 0xc0c08300);
    f->cpu.fpc = 0x00180000; /* u and x */
    R(1) = 0x10000000;
    fx_exec_pgm(f, "b385 0010", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 0x1b);
    f->cpu.fpc = 0x00080000; /* x alone, mask x */
    R(1) = 0x08000000;
    fx_exec_pgm(f, "b385 0010", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 0x0b);
    /* a flag set only in the source does not signal */
    f->cpu.fpc = 0;
    R(1) = 0x40400000;
    g_assert_cmpint(fx_exec(f, "b385 0010"), ==, 0);
    /* an invalid value: specification, the FPC unchanged */
    f->cpu.fpc = 0x00400000;
    R(1) = 0x40000006;
    fx_exec_pgm(f, "b385 0010", PGM_SPECIFICATION, 4);
    g_assert_cmphex(f->cpu.fpc, ==, 0x00400000);
    /* LFAS: the same from storage */
    fx_st32(f, FX_DATA, 0x40000000);
    R(2) = FX_DATA;
    fx_exec_pgm(f, "b2bd 2000", PGM_DATA, 4);
    g_assert_cmphex(f->cpu.dxc, ==, 0x43);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/facilities/table", test_facility_table);
    g_test_add_func("/s390x/fac49/load-and-trap", test_load_and_trap);
    g_test_add_func("/s390x/fac49/hints", test_hints);
    g_test_add_func("/s390x/fac31/ectg", test_ectg);
    g_test_add_func("/s390x/fac40/lpp", test_lpp);
    g_test_add_func("/s390x/fac45/lpd", test_lpd);
    g_test_add_func("/s390x/fac32/csst", test_csst);
    g_test_add_func("/s390x/fac41/fpc", test_fps);
    return g_test_run();
}
