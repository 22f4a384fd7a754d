/*
 * STORE SYSTEM INFORMATION as QEMU's TCG answers it, run with -smp 2,
 * maxcpus=3 -name guest1 -uuid 00112233-...: the current level (3),
 * the blocks 1.1.1, 1.2.1, 1.2.2, 2.2.1, 2.2.2 and 3.2.2 (manufacturer,
 * type, CPU address and counts, the partition, the virtual machine's
 * name, control-program identifier and UUID), cc 3 for a function code
 * or selectors without a block (nothing stored), the specification
 * exceptions (reserved bits, an unaligned block) and the
 * privileged-operation exception.
 */
#include "guest.h"

static uint8_t sysib[4096] __attribute__((aligned(4096)));

static const uint8_t uuid[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
                                  0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
                                  0xcc, 0xdd, 0xee, 0xff };

static int stsi(void *addr, uint32_t r0v, uint32_t r1v, uint64_t *r0out)
{
    register uint64_t r0 asm("0") = r0v;
    register uint64_t r1 asm("1") = r1v;
    int cc;

    asm volatile("stsi 0(%3)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 : "=d"(cc), "+d"(r0)
                 : "d"(r1), "a"(addr)
                 : "cc", "memory");
    if (r0out) {
        *r0out = r0;
    }
    return cc;
}

static int level(unsigned fc, unsigned sel1, unsigned sel2)
{
    return stsi(sysib, fc << 28 | sel1, sel2, 0);
}

/* the EBCDIC of letters, digits, blank and '/' */
static uint8_t ebcdic(char c)
{
    if (c >= 'A' && c <= 'I') {
        return 0xc1 + (c - 'A');
    }
    if (c >= 'J' && c <= 'R') {
        return 0xd1 + (c - 'J');
    }
    if (c >= 'S' && c <= 'Z') {
        return 0xe2 + (c - 'S');
    }
    if (c >= 'a' && c <= 'i') {
        return 0x81 + (c - 'a');
    }
    if (c >= 'j' && c <= 'r') {
        return 0x91 + (c - 'j');
    }
    if (c >= 's' && c <= 'z') {
        return 0xa2 + (c - 's');
    }
    if (c >= '0' && c <= '9') {
        return 0xf0 + (c - '0');
    }
    return c == '/' ? 0x61 : 0x40;
}

/* @len bytes at @off are the EBCDIC of @text, blank padded */
static int is_ebcdic(unsigned off, const char *text, unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        char c = *text ? *text++ : ' ';

        if (sysib[off + i] != ebcdic(c)) {
            return 0;
        }
    }
    return 1;
}

static uint16_t be16(unsigned off)
{
    return sysib[off] << 8 | sysib[off + 1];
}

static uint32_t be32(unsigned off)
{
    return (uint32_t)be16(off) << 16 | be16(off + 2);
}

static int zero_from(unsigned off)
{
    for (unsigned i = off; i < sizeof(sysib); i++) {
        if (sysib[i]) {
            return 0;
        }
    }
    return 1;
}

static void fill(uint8_t v)
{
    memset(sysib, v, sizeof(sysib));
}

static void check_levels(void)
{
    uint64_t r0 = 0;

    /* the current level: 3, in bits 32-35 of R0; bits 0-31 kept */
    check(stsi(sysib, 0, 0, &r0) == 0, 1);
    check((uint32_t)r0 == 0x30000000, 2);
    /* function codes above 3: cc 3, reserved bits not even looked at */
    check(stsi(sysib, 0x4fffffff, 0xffffffff, 0) == 3, 3);
    check(stsi(sysib, 0xf0000000, 0, 0) == 3, 4);
}

static void check_basic_machine(void)
{
    fill(0xee);
    check(level(1, 1, 1) == 0, 10);
    check(is_ebcdic(32, "QEMU", 16), 11);
    check(is_ebcdic(48, "2827", 4), 12);
    check(is_ebcdic(64, "QEMU", 16), 13);
    check(is_ebcdic(80, "QEMU", 16), 14);
    check(is_ebcdic(96, "QEMU", 4), 15);
    check(zero_from(100) && !sysib[0] && !sysib[31], 16);

    fill(0xee);
    check(level(1, 2, 1) == 0, 20);
    check(is_ebcdic(80, "QEMUQEMUQEMUQEMU", 16), 21);
    check(is_ebcdic(96, "QEMU", 4), 22);
    check(be16(102) == guest_stap(), 23);

    fill(0xee);
    check(level(1, 2, 2) == 0, 25);
    check(be32(32) == 0x443afc29, 26);
    check(be16(36) == 3 && be16(38) == 2 && be16(40) == 0 && be16(42) == 1, 27);
}

static void check_partition(void)
{
    fill(0xee);
    check(level(2, 2, 1) == 0, 30);
    check(is_ebcdic(80, "QEMUQEMUQEMUQEMU", 16) && be16(102) == 0, 31);

    fill(0xee);
    check(level(2, 2, 2) == 0, 32);
    check(sysib[35] == 0x80, 33);
    check(be16(36) == 3 && be16(38) == 2 && be16(42) == 1, 34);
    check(is_ebcdic(44, "QEMU", 8), 35);
    check(be32(52) == 1000, 36);
    check(be16(72) == 2 && be16(74) == 0, 37);
}

static void check_vm(void)
{
    int uuid_ok = 1;

    fill(0xee);
    check(level(3, 2, 2) == 0, 40);
    check(sysib[31] == 1, 41);
    check(be16(36) == 3 && be16(38) == 2 && be16(42) == 1, 42);
    check(is_ebcdic(44, "guest1", 8), 43);
    check(be32(52) == 1000, 44);
    check(is_ebcdic(56, "KVM/Linux", 16), 45);
    check(sysib[75] == 2, 46);
    for (unsigned i = 0; i < 16; i++) {
        uuid_ok &= sysib[80 + i] == uuid[i];
    }
    check(uuid_ok, 47);
    check(sysib[2048] == 'g' && sysib[2053] == '1' && sysib[2054] == 0 &&
              sysib[2303] == 0,
          48);
    /* the second virtual-machine entry is empty */
    check(be16(96 + 4) == 0 && sysib[96 + 12] == 0, 49);
}

static void check_no_block(void)
{
    static const uint16_t sel[][3] = {
        { 1, 1, 2 }, { 1, 3, 1 }, { 2, 1, 1 },         { 3, 1, 1 },
        { 3, 2, 1 }, { 1, 2, 3 }, { 3, 2, 0x100 + 2 },
    };

    for (unsigned i = 0; i < sizeof(sel) / sizeof(sel[0]); i++) {
        fill(0xee);
        check(level(sel[i][0], sel[i][1], sel[i][2]) == 3 && sysib[0] == 0xee &&
                  sysib[4095] == 0xee,
              50 + i);
    }
}

static void expect_spec(uint64_t count, unsigned id)
{
    check(*lc64(GUEST_PGM_COUNT) == count + 1, id);
    check(*lc16(LC_PGM_CODE) == 0x0006 && *lc16(LC_PGM_ILC) == 4, id + 1);
}

static void check_exceptions(void)
{
    uint64_t count = *lc64(GUEST_PGM_COUNT);

    /* reserved bits of R0 (36-55) and R1 (32-47) */
    stsi(sysib, 0x10000100 | 1, 1, 0);
    expect_spec(count, 60);
    stsi(sysib, 0x10000001, 0x00010001, 0);
    expect_spec(count + 1, 62);
    /* even for function code 0 */
    stsi(sysib, 0x00001000, 0, 0);
    expect_spec(count + 2, 64);
    /* the block must be 4 KiB aligned */
    stsi(sysib + 8, 0x10000001, 1, 0);
    expect_spec(count + 3, 66);
    /* privileged, before anything else (function code 0 included) */
    GUEST_IN_PROBLEM_STATE("lghi %%r0,0\nstsi 0(%%r1)");
    check(*lc64(GUEST_PGM_COUNT) == count + 5, 68);
    check(*lc16(LC_PGM_CODE) == 0x0002, 69);
}

int main(void)
{
    check_levels();
    check_basic_machine();
    check_partition();
    check_vm();
    check_no_block();
    check_exceptions();
    return 0;
}
