/*
 * SCLP information and configuration commands: Read SCP Info (storage
 * size and increments, CPU entries, the SCLP facilities), Read CPU Info,
 * and configure / deconfigure of a PCI function by its fid, which the
 * zPCI side answers (zpci_sclp_configure()).
 *
 * Byte offsets below are those of the SCCB (header included). No
 * extended-length SCCB: CPU entries start at byte 128 of Read SCP Info.
 */
#include "qemu/osdep.h"
#include "hw/s390x/sclp-event.h"
#include "hw/boards.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/sclp-sccb.h"
#include "hw/s390x/zpci-sclp.h"

/* Read SCP Info */
#define SCP_RNMAX       8   /* 2: storage increments (0: see RNMAX2) */
#define SCP_RNSIZE      10  /* 1: increment size in MiB (0: RNSIZE2) */
#define SCP_NCPU        16  /* 2: CPU entries */
#define SCP_CPU_OFFSET  18  /* 2: offset of the first entry */
#define SCP_LOADPARM    24  /* 8: EBCDIC */
#define SCP_FACILITIES  48  /* 8: SCLP commands available */
#define SCP_RNSIZE2     100 /* 4: unused with 1 MiB increments */
#define SCP_RNMAX2      104 /* 8 */
#define SCP_HIGHEST_CPU 120 /* 2: highest CPU address */
#define SCP_CPU_ENTRIES 128
#define SCP_MIN_LEN     144 /* shorter is always too short (as QEMU) */

#define SCP_FAC_CPU_INFO UINT64_C(0x0800000000000000) /* Read CPU Info */
#define SCP_FAC_IOA      UINT64_C(0x0000000040000000) /* PCI reconfig */

/* Read CPU Info */
#define CPUI_NCONF       8  /* 2: configured CPUs */
#define CPUI_CONF_OFFSET 10 /* 2 */
#define CPUI_NSTBY       12 /* 2: standby CPUs */
#define CPUI_STBY_OFFSET 14 /* 2 */
#define CPUI_ENTRIES     24

/* A CPU entry: CPU address (byte 0), CPU type (byte 14: 0 is a CP) */
#define CPU_ENTRY_LEN  16
#define CPU_ENTRY_TYPE 14

/* Configure / deconfigure I/O adapter */
#define IOA_TYPE     8  /* 1: adapter type */
#define IOA_ID       12 /* 4: adapter id (the PCI function id) */
#define IOA_LEN      16
#define IOA_TYPE_PCI 2

static char scp_loadparm[8] = "        "; /* ASCII; EBCDIC in the SCCB */

void sclp_set_loadparm(const char *lp)
{
    memcpy(scp_loadparm, lp, sizeof(scp_loadparm));
}

static unsigned sclp_cpu_count(void)
{
    MachineState *ms = current_machine_get();

    return ms && ms->smp_cpus ? ms->smp_cpus : 1;
}

static uint64_t sclp_ram_size(void)
{
    MachineState *ms = current_machine_get();

    return ms ? ms->ram_size : 0;
}

/*
 * Room for the answer? Otherwise "insufficient SCCB length". Bytes 8 up
 * to @need are cleared when there is: the answer defines them all.
 */
static bool sclp_sccb_room(SclpSccb *s, unsigned need)
{
    if (s->len < need) {
        sccb_set_response(s, SCLP_RC_SHORT_SCCB);
        return false;
    }
    memset(s->buf + SCLP_SCCB_HEADER, 0, need - SCLP_SCCB_HEADER);
    return true;
}

static void sclp_store_cpu_entries(uint8_t *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++, p += CPU_ENTRY_LEN) {
        p[0] = i; /* CPU address = index */
        p[CPU_ENTRY_TYPE] = 0;
    }
}

void sclp_read_scp_info(SclpSccb *s)
{
    unsigned n = sclp_cpu_count();
    uint64_t increments = sclp_ram_size() / MiB;
    uint8_t *b = s->buf;

    if (!sclp_sccb_room(s, MAX(SCP_MIN_LEN,
                               SCP_CPU_ENTRIES + n * CPU_ENTRY_LEN))) {
        return;
    }
    if (increments < 0x10000) {
        stw_be_p(b + SCP_RNMAX, increments);
    } else {
        stq_be_p(b + SCP_RNMAX2, increments);
    }
    b[SCP_RNSIZE] = 1;
    stw_be_p(b + SCP_NCPU, n);
    stw_be_p(b + SCP_CPU_OFFSET, SCP_CPU_ENTRIES);
    memcpy(b + SCP_LOADPARM, scp_loadparm, 8);
    sclp_latin1_to_ebcdic(b + SCP_LOADPARM, 8);
    stq_be_p(b + SCP_FACILITIES, SCP_FAC_CPU_INFO | SCP_FAC_IOA);
    stw_be_p(b + SCP_HIGHEST_CPU, n - 1);
    sclp_store_cpu_entries(b + SCP_CPU_ENTRIES, n);
    sccb_set_response(s, SCLP_RC_READ_COMPLETE);
}

void sclp_read_cpu_info(SclpSccb *s)
{
    unsigned n = sclp_cpu_count();
    uint8_t *b = s->buf;

    if (!sclp_sccb_room(s, CPUI_ENTRIES + n * CPU_ENTRY_LEN)) {
        return;
    }
    stw_be_p(b + CPUI_NCONF, n);
    stw_be_p(b + CPUI_CONF_OFFSET, CPUI_ENTRIES);
    stw_be_p(b + CPUI_NSTBY, 0);
    stw_be_p(b + CPUI_STBY_OFFSET, CPUI_ENTRIES + n * CPU_ENTRY_LEN);
    sclp_store_cpu_entries(b + CPUI_ENTRIES, n);
    sccb_set_response(s, SCLP_RC_READ_COMPLETE);
}

void sclp_configure_ioa(SclpSccb *s, bool configure)
{
    uint32_t fid;

    if (s->len < IOA_LEN) {
        sccb_set_response(s, SCLP_RC_SHORT_SCCB);
        return;
    }
    if (s->buf[IOA_TYPE] != IOA_TYPE_PCI) {
        sccb_set_response(s, SCLP_RC_IOA_TYPE_UNKNOWN);
        return;
    }
    fid = ldl_be_p(s->buf + IOA_ID);
    sccb_set_response(s, configure ? zpci_sclp_configure(fid)
                                   : zpci_sclp_deconfigure(fid));
}
