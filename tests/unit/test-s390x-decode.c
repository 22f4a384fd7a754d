/*
 * s390x decoder: instruction length from bits 0-1, opcode lookup at each
 * extension position, operand fields of the formats with sign extension
 * of immediates and 20-bit displacements, the table's consistency, and
 * the operation exception for an opcode that is not installed.
 */
#include "test-s390x-fixture.h"

static void decode_hex(const char *hex, S390Insn *in)
{
    uint8_t b[6] = { 0 };
    unsigned n = 0;

    for (; *hex; hex++) {
        if (*hex != ' ') {
            b[n / 2] |= g_ascii_xdigit_value(*hex) << (n % 2 ? 0 : 4);
            n++;
        }
    }
    g_assert_cmpuint(n / 2, ==, s390_insn_len(b[0]));
    g_assert_true(s390_insn_decode(b, 0x1000, in));
}

static void test_lengths(void)
{
    g_assert_cmpuint(s390_insn_len(0x07), ==, 2);
    g_assert_cmpuint(s390_insn_len(0x3f), ==, 2);
    g_assert_cmpuint(s390_insn_len(0x40), ==, 4);
    g_assert_cmpuint(s390_insn_len(0xb9), ==, 4);
    g_assert_cmpuint(s390_insn_len(0xc0), ==, 6);
    g_assert_cmpuint(s390_insn_len(0xff), ==, 6);
}

static void test_formats(void)
{
    S390Insn in;

    decode_hex("1a12", &in); /* RR */
    g_assert_cmpstr(in.def->name, ==, "AR");
    g_assert_cmpuint(in.r1, ==, 1);
    g_assert_cmpuint(in.r2, ==, 2);
    decode_hex("5a1f 2abc", &in); /* RX-a */
    g_assert_cmpstr(in.def->name, ==, "A");
    g_assert_cmpuint(in.x2, ==, 15);
    g_assert_cmpuint(in.b2, ==, 2);
    g_assert_cmpint(in.d2, ==, 0xabc);
    decode_hex("e312 3fff ff04", &in); /* RXY-a, d = -1 */
    g_assert_cmpstr(in.def->name, ==, "LG");
    g_assert_cmpint(in.d2, ==, -1);
    decode_hex("e312 3000 8004", &in); /* DH = 0x80 */
    g_assert_cmpint(in.d2, ==, -(1 << 19));
    decode_hex("e312 3fff 7f04", &in);
    g_assert_cmpint(in.d2, ==, (1 << 19) - 1);
    decode_hex("a7f8 8000", &in); /* RI-a signed */
    g_assert_cmpstr(in.def->name, ==, "LHI");
    g_assert_cmpint(in.i2, ==, -32768);
    decode_hex("a5f7 8000", &in); /* RI-a unsigned */
    g_assert_cmpstr(in.def->name, ==, "NILL");
    g_assert_cmpint(in.i2, ==, 0x8000);
    decode_hex("a784 fffe", &in); /* RI-c relative */
    g_assert_cmpstr(in.def->name, ==, "BRC");
    g_assert_cmpuint(in.m1, ==, 8);
    g_assert_cmpint(in.i2, ==, -2);
    decode_hex("c0e5 ffff fff0", &in); /* RIL-b */
    g_assert_cmpstr(in.def->name, ==, "BRASL");
    g_assert_cmpint(in.i2, ==, -16);
    decode_hex("c01f ffff ffff", &in); /* RIL-a unsigned */
    g_assert_cmpstr(in.def->name, ==, "LLILF");
    g_assert_cmpint(in.i2, ==, 0xffffffffll);
    decode_hex("b9e8 3012", &in); /* RRF-a */
    g_assert_cmpstr(in.def->name, ==, "AGRK");
    g_assert_cmpuint(in.r1, ==, 1);
    g_assert_cmpuint(in.r2, ==, 2);
    g_assert_cmpuint(in.r3, ==, 3);
    decode_hex("b9f2 8012", &in); /* RRF-c */
    g_assert_cmpstr(in.def->name, ==, "LOCR");
    g_assert_cmpuint(in.m3, ==, 8);
    decode_hex("ec12 ffff 8076", &in); /* RIE-b */
    g_assert_cmpstr(in.def->name, ==, "CRJ");
    g_assert_cmpint(in.i4, ==, -1);
    g_assert_cmpuint(in.m3, ==, 8);
    decode_hex("ec18 0010 ff7e", &in); /* RIE-c signed I2 */
    g_assert_cmpstr(in.def->name, ==, "CIJ");
    g_assert_cmpuint(in.m3, ==, 8);
    g_assert_cmpint(in.i4, ==, 16);
    g_assert_cmpint(in.i2, ==, -1);
    decode_hex("ec18 0010 ff7f", &in); /* RIE-c unsigned */
    g_assert_cmpint(in.i2, ==, 255);
    decode_hex("ec12 20bf 0355", &in); /* RIE-f */
    g_assert_cmpstr(in.def->name, ==, "RISBG");
    g_assert_cmpuint(in.i3, ==, 0x20);
    g_assert_cmpuint(in.i4, ==, 0xbf);
    g_assert_cmpuint(in.i5, ==, 3);
    decode_hex("d2ff 1010 2020", &in); /* SS-a */
    g_assert_cmpstr(in.def->name, ==, "MVC");
    g_assert_cmpuint(in.l1, ==, 255);
    g_assert_cmpuint(in.b1, ==, 1);
    g_assert_cmpint(in.d1, ==, 0x010);
    g_assert_cmpuint(in.b2, ==, 2);
    g_assert_cmpint(in.d2, ==, 0x020);
    decode_hex("e54c 1004 fffe", &in); /* SIL signed */
    g_assert_cmpstr(in.def->name, ==, "MVHI");
    g_assert_cmpint(in.i2, ==, -2);
    decode_hex("eb80 2fff ff6a", &in); /* SIY */
    g_assert_cmpstr(in.def->name, ==, "ASI");
    g_assert_cmpint(in.i2, ==, -128);
    g_assert_cmpint(in.d1, ==, -1);
    decode_hex("ec18 2004 80fe", &in); /* RIS */
    g_assert_cmpstr(in.def->name, ==, "CIB");
    g_assert_cmpuint(in.b4, ==, 2);
    g_assert_cmpint(in.d4, ==, 4);
    g_assert_cmpint(in.i2, ==, -128);
    decode_hex("eb13 2008 0004", &in); /* RSY-a */
    g_assert_cmpstr(in.def->name, ==, "LMG");
    g_assert_cmpuint(in.r3, ==, 3);
    decode_hex("8412 fffc", &in); /* RSI */
    g_assert_cmpstr(in.def->name, ==, "BRXH");
    g_assert_cmpint(in.i2, ==, -4);
}

/* Every entry sits where its primary opcode keeps the extension */
static void test_table_consistent(void)
{
    unsigned i, n = s390_insn_table_size();

    g_assert_cmpuint(n, >, 300);
    for (i = 0; i < n; i++) {
        const S390InsnDef *d = s390_insn_table_entry(i);
        uint8_t b[6] = { d->opc >> 8, 0, 0, 0, 0, 0 };

        switch (s390_opcode_ext_kind(b[0])) {
        case OPX_NONE:
            g_assert_cmphex(d->opc & 0xff, ==, 0);
            break;
        case OPX_NIBBLE:
            g_assert_cmphex(d->opc & 0xf0, ==, 0);
            b[1] = d->opc & 0xf;
            break;
        case OPX_BYTE1:
            b[1] = d->opc;
            break;
        case OPX_BYTE5:
            b[5] = d->opc;
            break;
        }
        g_assert_true(s390_insn_lookup(b) == d);
        g_assert_nonnull(d->fn);
        g_assert_cmpuint(d->fmt, <, FMT_COUNT);
    }
}

static void test_operation_exception(void)
{
    Fx *f = fx_new();

    fx_exec_pgm(f, "0000", PGM_OPERATION, 2);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 2);
    fx_exec_pgm(f, "b9ff 0000", PGM_OPERATION, 4);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 4);
    fx_exec_pgm(f, "e300 0000 00ff", PGM_OPERATION, 6);
    g_assert_cmphex(f->cpu.pgm_addr, ==, FX_CODE);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_CODE + 6);
    fx_free(f);
}

/* instruction fetch outside storage, and at an odd address */
static void test_fetch_exceptions(void)
{
    Fx *f = fx_new();

    f->cpu.psw_addr = FX_RAM_SIZE;
    g_assert_cmpint(s390_cpu_step(&f->cpu), ==, PGM_ADDRESSING);
    g_assert_cmphex(f->cpu.psw_addr, ==, FX_RAM_SIZE);
    f->cpu.psw_addr = FX_CODE + 1;
    g_assert_cmpint(s390_cpu_step(&f->cpu), ==, PGM_SPECIFICATION);
    /* a 6-byte instruction whose last bytes are beyond storage */
    f->ram.base[FX_RAM_SIZE - 2] = 0xc0;
    f->cpu.psw_addr = FX_RAM_SIZE - 2;
    g_assert_cmpint(s390_cpu_step(&f->cpu), ==, PGM_ADDRESSING);
    fx_free(f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/s390x/decode/lengths", test_lengths);
    g_test_add_func("/s390x/decode/formats", test_formats);
    g_test_add_func("/s390x/decode/table", test_table_consistent);
    g_test_add_func("/s390x/decode/operation-exception",
                    test_operation_exception);
    g_test_add_func("/s390x/decode/fetch-exceptions", test_fetch_exceptions);
    return g_test_run();
}
