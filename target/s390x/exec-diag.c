/*
 * DIAGNOSE (privileged), the functions QEMU's s390x guests use. The
 * function code is bits 48-63 of the second-operand address (B2 + D2).
 *
 * 0x010  release pages R1..R3: nothing to release (guest storage stays
 *        allocated), only the operand checks: page-aligned start of at
 *        least 8 KiB and an end page not below it;
 * 0x044  voluntary time-slice end, 0x09c directed yield: the CPU gives
 *        up the rest of its stretch;
 * 0x288  the diag288 watchdog (hw/watchdog/wdt-diag288.c): function in
 *        R1 (even), timeout in seconds in R1+1, action in R3 (must be 0);
 * 0x308  IPL functions (below);
 * 0x500  virtio-ccw notification (virtio_ccw_diag500());
 * others, 0x318 included (QEMU's TCG does not offer the diag318
 * facility): specification exception.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "hw/s390x/virtio-ccw.h"
#include "hw/watchdog/wdt-diag288.h"
#include "sysemu/cpu-loop.h"
#include "sysemu/runstate.h"

/* DIAG 0x308 subcodes and return codes (R1+1) */
#define DIAG308_RESET_MOD_CLR   0
#define DIAG308_RESET_LOAD_NORM 1
#define DIAG308_LOAD_CLEAR      3
#define DIAG308_SET             5
#define DIAG308_STORE           6
#define DIAG308_RC_OK           0x0001
#define DIAG308_RC_NO_CONF      0x0102
#define DIAG308_RC_INVALID      0x0402

/* the IPL parameter block: a page; its type at byte 12 */
#define IPLB_SIZE        4096
#define IPLB_PBT         12
#define IPLB_TYPE_FCP    0x00
#define IPLB_TYPE_CCW    0x02
#define IPLB_MIN_FCP_LEN 384
#define IPLB_MIN_CCW_LEN 200

#define DIAG288_CANCEL      2
#define DIAG288_MIN_TIMEOUT 15

/* What DIAG 0x308 subcode 5 set, for subcode 6 (kept across resets) */
static uint8_t diag308_iplb[IPLB_SIZE];
static bool diag308_iplb_set;

static int diag_release_pages(S390Cpu *cpu, const S390Insn *in)
{
    uint64_t start = gr(cpu, in->r1), end = gr(cpu, in->r3) + 4096;

    if ((start & 0xfff) || (end & 0xfff) || start >= end || start < 8192) {
        return PGM_SPECIFICATION;
    }
    return 0;
}

int s390_diag288(uint64_t func, uint64_t timeout_s, uint64_t action)
{
    if (action) {
        return PGM_SPECIFICATION;
    }
    if (func != DIAG288_CANCEL && timeout_s < DIAG288_MIN_TIMEOUT) {
        return PGM_SPECIFICATION;
    }
    return diag288_handle_timer(func, timeout_s) ? PGM_SPECIFICATION : 0;
}

static int diag_watchdog(S390Cpu *cpu, const S390Insn *in)
{
    if (odd_reg(in->r1)) {
        return PGM_SPECIFICATION;
    }
    return s390_diag288(gr(cpu, in->r1), gr(cpu, in->r1 + 1), gr(cpu, in->r3));
}

static bool iplb_valid(const uint8_t *b, uint32_t len)
{
    switch (b[IPLB_PBT]) {
    case IPLB_TYPE_FCP:
        return len >= IPLB_MIN_FCP_LEN;
    case IPLB_TYPE_CCW:
        return len >= IPLB_MIN_CCW_LEN;
    default:
        return false;
    }
}

/* Subcodes 5 and 6: the block's absolute address in R1 (even), a page */
static int diag308_iplb_op(S390Cpu *cpu, const S390Insn *in, bool store)
{
    uint64_t addr = gr(cpu, in->r1);
    uint8_t b[IPLB_SIZE];
    uint32_t len;
    int r;

    if (odd_reg(in->r1) || (addr & (IPLB_SIZE - 1))) {
        return PGM_SPECIFICATION;
    }
    r = s390_abs_access(cpu, addr, b, IPLB_SIZE, S390_ACC_FETCH);
    if (r) {
        return PGM_ADDRESSING;
    }
    if (store) {
        if (!diag308_iplb_set) {
            set_gr(cpu, in->r1 + 1, DIAG308_RC_NO_CONF);
            return 0;
        }
        len = ldl_be_p(diag308_iplb);
        r = s390_abs_access(cpu, addr, diag308_iplb, len, S390_ACC_STORE);
        if (r) {
            return PGM_ADDRESSING;
        }
        set_gr(cpu, in->r1 + 1, DIAG308_RC_OK);
        return 0;
    }
    len = ldl_be_p(b);
    if (len > IPLB_SIZE || !iplb_valid(b, len)) {
        set_gr(cpu, in->r1 + 1, DIAG308_RC_INVALID);
        return 0;
    }
    memset(diag308_iplb, 0, sizeof(diag308_iplb));
    memcpy(diag308_iplb, b, len);
    diag308_iplb_set = true;
    set_gr(cpu, in->r1 + 1, DIAG308_RC_OK);
    return 0;
}

/* The subcode is R3; the reset ones reset and re-IPL the machine */
static int diag_ipl(S390Cpu *cpu, const S390Insn *in)
{
    uint64_t subcode = gr(cpu, in->r3);

    switch (subcode) {
    case DIAG308_RESET_MOD_CLR:
    case DIAG308_RESET_LOAD_NORM:
    case DIAG308_LOAD_CLEAR:
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        cpu_loop_exit_slice();
        return S390_EXC_PSW;
    case DIAG308_SET:
    case DIAG308_STORE:
        return diag308_iplb_op(cpu, in, subcode == DIAG308_STORE);
    default:
        return PGM_SPECIFICATION;
    }
}

static int diag_virtio(S390Cpu *cpu)
{
    uint64_t r2 = 0;
    int r = virtio_ccw_diag500(gr(cpu, 1), gr(cpu, 2), gr(cpu, 3), gr(cpu, 4),
                               &r2);

    if (r < 0) {
        return -r;
    }
    set_gr(cpu, 2, r2);
    return 0;
}

S390_OP(op_diag)
{
    unsigned code = ea2(cpu, in) & 0xffff;

    PRIV_CHECK(cpu);
    switch (code) {
    case 0x010:
        return diag_release_pages(cpu, in);
    case 0x044:
    case 0x09c:
        return S390_EXC_PSW;
    case 0x288:
        return diag_watchdog(cpu, in);
    case 0x308:
        return diag_ipl(cpu, in);
    case 0x500:
        return diag_virtio(cpu);
    default:
        return PGM_SPECIFICATION;
    }
}

static const S390InsnDef diag_defs[] = {
    { 0x8300, FMT_RS_A, 0, "DIAG", op_diag },
};
S390_GROUP(s390_group_diag, diag_defs);
