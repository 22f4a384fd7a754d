/*
 * System-information blocks of STSI (sysib.h). Offsets are those of the
 * Principles of Operation's SYSIB formats; the values are what QEMU's
 * TCG reports: "QEMU" as manufacturer, model, sequence code and plant,
 * the CPU type of STIDP, every level with the same CPU counts (all
 * configured CPUs dedicated), and at level 3 the virtual machine's name
 * (EBCDIC, blank padded to 8; also in UTF-8 in the extended name) or
 * "TCGguest", the control-program identifier "KVM/Linux" and the UUID.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/sysib.h"
#include "hw/s390x/sclp-event.h"

/* basic-machine configuration (1.1.1) */
#define SYSIB111_MANUF    32
#define SYSIB111_TYPE     48
#define SYSIB111_MODEL    64
#define SYSIB111_SEQUENCE 80
#define SYSIB111_PLANT    96
/* a CPU of the basic machine (1.2.1) / of the partition (2.2.1) */
#define SYSIBx21_SEQUENCE 80
#define SYSIBx21_PLANT    96
#define SYSIB221_CPU_ID   100
#define SYSIBx21_CPU_ADDR 102
/* the CPUs of the basic machine (1.2.2) and of the partition (2.2.2) */
#define SYSIB122_CAPABILITY 32
#define SYSIBx22_TOTAL      36
#define SYSIBx22_CONF       38
#define SYSIBx22_STANDBY    40
#define SYSIBx22_RESERVED   42
#define SYSIB222_LCPUC      35
#define SYSIB222_NAME       44
#define SYSIB222_CAF        52
#define SYSIB222_DEDICATED  72
/* the CPUs of the virtual machines (3.2.2): a count, then 64-byte entries */
#define SYSIB322_COUNT        31
#define SYSIB322_VM0          32
#define VM_TOTAL              4
#define VM_CONF               6
#define VM_RESERVED           10
#define VM_NAME               12
#define VM_CAF                20
#define VM_CPI                24
#define VM_EXT_NAME_ENCODING  43
#define VM_UUID               48
#define SYSIB322_EXT_NAME0    2048
#define SYSIB322_EXT_NAME_LEN 256

#define CAPABILITY_QEMU 0x443afc29
#define CAF_QEMU        1000
#define LCPUC_DEDICATED 0x80
#define EXT_NAME_UTF8   2

/* @text (ASCII) as EBCDIC into @len bytes at @p, blank padded */
static void put_ebcdic(uint8_t *p, const char *text, size_t len)
{
    size_t n = MIN(strlen(text), len);

    memset(p, ' ', len);
    memcpy(p, text, n);
    sclp_latin1_to_ebcdic(p, len);
}

static void put_counts(uint8_t *p, const S390SysInfo *info)
{
    stw_be_p(p + SYSIBx22_TOTAL, info->total_cpus);
    stw_be_p(p + SYSIBx22_CONF, info->conf_cpus);
    stw_be_p(p + SYSIBx22_STANDBY, 0);
    stw_be_p(p + SYSIBx22_RESERVED, info->total_cpus - info->conf_cpus);
}

static void build_111(uint8_t *b, const S390SysInfo *info)
{
    char type[5];

    snprintf(type, sizeof(type), "%04X", info->machine_type);
    put_ebcdic(b + SYSIB111_MANUF, "QEMU", 16);
    put_ebcdic(b + SYSIB111_TYPE, type, 4);
    put_ebcdic(b + SYSIB111_MODEL, "QEMU", 16);
    put_ebcdic(b + SYSIB111_SEQUENCE, "QEMU", 16);
    put_ebcdic(b + SYSIB111_PLANT, "QEMU", 4);
}

static void build_x21(uint8_t *b, const S390SysInfo *info)
{
    put_ebcdic(b + SYSIBx21_SEQUENCE, "QEMUQEMUQEMUQEMU", 16);
    put_ebcdic(b + SYSIBx21_PLANT, "QEMU", 4);
    stw_be_p(b + SYSIBx21_CPU_ADDR, info->cpu_addr);
}

static void build_222(uint8_t *b, const S390SysInfo *info)
{
    b[SYSIB222_LCPUC] = LCPUC_DEDICATED;
    put_counts(b, info);
    put_ebcdic(b + SYSIB222_NAME, "QEMU", 8);
    stl_be_p(b + SYSIB222_CAF, CAF_QEMU);
    stw_be_p(b + SYSIB222_DEDICATED, info->conf_cpus);
}

static void build_322(uint8_t *b, const S390SysInfo *info)
{
    uint8_t *vm = b + SYSIB322_VM0;
    const char *name = info->name ? info->name : "TCGguest";

    b[SYSIB322_COUNT] = 1;
    stw_be_p(vm + VM_TOTAL, info->total_cpus);
    stw_be_p(vm + VM_CONF, info->conf_cpus);
    stw_be_p(vm + VM_RESERVED, info->total_cpus - info->conf_cpus);
    put_ebcdic(vm + VM_NAME, name, 8);
    stl_be_p(vm + VM_CAF, CAF_QEMU);
    put_ebcdic(vm + VM_CPI, "KVM/Linux", 16);
    vm[VM_EXT_NAME_ENCODING] = EXT_NAME_UTF8;
    memcpy(vm + VM_UUID, info->uuid, 16);
    /* the extended name: as given, NUL padded, cut at 256 bytes */
    strncpy((char *)b + SYSIB322_EXT_NAME0, name, SYSIB322_EXT_NAME_LEN);
}

static void build_122(uint8_t *b, const S390SysInfo *info)
{
    stl_be_p(b + SYSIB122_CAPABILITY, CAPABILITY_QEMU);
    put_counts(b, info);
}

typedef void SysibBuildFn(uint8_t *sysib, const S390SysInfo *info);

/* The blocks there are, by function code and selectors 1 and 2 */
static const struct {
    uint8_t fc, sel1, sel2;
    SysibBuildFn *build;
} sysib_blocks[] = {
    { 1, 1, 1, build_111 }, { 1, 2, 1, build_x21 }, { 1, 2, 2, build_122 },
    { 2, 2, 1, build_x21 }, { 2, 2, 2, build_222 }, { 3, 2, 2, build_322 },
};

bool s390_sysib_build(uint8_t *sysib, unsigned fc, unsigned sel1, unsigned sel2,
                      const S390SysInfo *info)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(sysib_blocks); i++) {
        if (sysib_blocks[i].fc == fc && sysib_blocks[i].sel1 == sel1 &&
            sysib_blocks[i].sel2 == sel2) {
            memset(sysib, 0, S390_SYSIB_SIZE);
            sysib_blocks[i].build(sysib, info);
            return true;
        }
    }
    return false;
}
