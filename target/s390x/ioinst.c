/*
 * The subchannel I/O instructions: decode and validate what the guest
 * hands over (general registers, operands in storage), then let the
 * channel subsystem (hw/s390x/css*.c) act. Program-exception priority:
 * operand (register 1), specification (alignment), addressing (operand
 * outside storage), operand (reserved fields of the operand), then the
 * condition code.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "target/s390x/cpu.h"
#include "hw/s390x/css.h"
#include "exec/memory.h"

#define SID_ONE          0x00010000u
#define SID_M            0x00080000u
#define SID_RESERVED     0x00f00000u
#define SCHM_R1_RESERVED 0x0ffffffcu
#define SCHM_R1_M        0x00000002u
#define SCHM_R1_D        0x00000001u

int ioinst_check_operand(uint64_t addr, uint64_t len, uint64_t align,
                         bool is_write)
{
    if (addr & (align - 1)) {
        return s390_pgm(PGM_SPECIFICATION);
    }
    if (addr + len < addr ||
        !address_space_access_valid(&address_space_memory, addr, len, is_write,
                                    MEMTXATTRS_UNSPECIFIED)) {
        return s390_pgm(PGM_ADDRESSING);
    }
    return 0;
}

void ioinst_store(uint64_t addr, const void *buf, uint64_t len)
{
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, len);
}

void ioinst_fetch(uint64_t addr, void *buf, uint64_t len)
{
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED, buf,
                       len);
}

/*
 * Subsystem-identification word: css id (0-7, with M), reserved 8-11,
 * M 12, subchannel-set id 13-14, one 15, subchannel number 16-31.
 * Returns 0 with *sch (NULL: no such subchannel, cc 3) or -PGM_OPERAND.
 */
static int ioinst_sid(uint64_t r1, SubchDev **sch)
{
    uint32_t sid = (uint32_t)r1;
    bool m = sid & SID_M;
    uint8_t cssid = sid >> 24;

    if (!(sid & SID_ONE) || (sid & SID_RESERVED)) {
        return s390_pgm(PGM_OPERAND);
    }
    if ((!m && cssid) || (m && !css_mcsse_enabled())) {
        return s390_pgm(PGM_OPERAND);
    }
    *sch = css_find_sch_guest(m, cssid, (sid >> 17) & 3, sid & 0xffff);
    return 0;
}

int ioinst_stsch(CPUS390XState *env, uint64_t r1, uint64_t addr)
{
    uint8_t be[SCHIB_SIZE];
    SubchDev *sch = NULL;
    Schib schib;
    int r = ioinst_sid(r1, &sch);

    if (!r) {
        r = ioinst_check_operand(addr, SCHIB_SIZE, 4, true);
    }
    if (r) {
        return r;
    }
    if (!sch) {
        return 3;
    }
    r = css_do_stsch(sch, &schib);
    schib_encode(&schib, be);
    ioinst_store(addr, be, SCHIB_SIZE);
    return r;
}

static bool schib_valid(const Schib *schib)
{
    return !(schib->pmcw.flags & PMCW_FLAGS_RESERVED) &&
           !(schib->pmcw.chars & PMCW_CHARS_RESERVED);
}

int ioinst_msch(CPUS390XState *env, uint64_t r1, uint64_t addr)
{
    uint8_t be[SCHIB_SIZE];
    SubchDev *sch = NULL;
    Schib schib;
    int r = ioinst_sid(r1, &sch);

    if (!r) {
        r = ioinst_check_operand(addr, SCHIB_SIZE, 4, false);
    }
    if (r) {
        return r;
    }
    ioinst_fetch(addr, be, SCHIB_SIZE);
    schib_decode(be, &schib);
    if (!schib_valid(&schib)) {
        return s390_pgm(PGM_OPERAND);
    }
    return sch ? css_do_msch(sch, &schib) : 3;
}

/* Reserved ORB bits, and transport mode, which is not provided. */
static bool orb_valid(const ORB *orb)
{
    return !(orb->ctrl1 & ORB_CTRL1_RESERVED) &&
           !(orb->cpa & ORB_CPA_RESERVED) && !(orb->ctrl0 & ORB_CTRL0_B);
}

int ioinst_ssch(CPUS390XState *env, uint64_t r1, uint64_t addr)
{
    uint8_t be[12];
    SubchDev *sch = NULL;
    ORB orb;
    int r = ioinst_sid(r1, &sch);

    if (!r) {
        r = ioinst_check_operand(addr, sizeof(be), 4, false);
    }
    if (r) {
        return r;
    }
    ioinst_fetch(addr, be, sizeof(be));
    orb_decode(be, &orb);
    if ((orb.ctrl1 & ORB_CTRL1_ORBX) &&
        (r = ioinst_check_operand(addr, 32, 4, false))) {
        return r;
    }
    if (!orb_valid(&orb)) {
        return s390_pgm(PGM_OPERAND);
    }
    return sch ? css_do_ssch(sch, &orb) : 3;
}

int ioinst_tsch(CPUS390XState *env, uint64_t r1, uint64_t addr)
{
    uint8_t irb[IRB_SIZE];
    SubchDev *sch = NULL;
    int r = ioinst_sid(r1, &sch);

    if (!r) {
        r = ioinst_check_operand(addr, IRB_SIZE, 4, true);
    }
    if (r) {
        return r;
    }
    if (!sch) {
        return 3;
    }
    r = css_do_tsch(sch, irb);
    ioinst_store(addr, irb, IRB_SIZE);
    return r;
}

static int ioinst_sch_fn(uint64_t r1, int (*fn)(SubchDev *sch))
{
    SubchDev *sch = NULL;
    int r = ioinst_sid(r1, &sch);

    if (r) {
        return r;
    }
    return sch ? fn(sch) : 3;
}

int ioinst_hsch(CPUS390XState *env, uint64_t r1)
{
    return ioinst_sch_fn(r1, css_do_hsch);
}

int ioinst_csch(CPUS390XState *env, uint64_t r1)
{
    return ioinst_sch_fn(r1, css_do_csch);
}

int ioinst_rsch(CPUS390XState *env, uint64_t r1)
{
    return ioinst_sch_fn(r1, css_do_rsch);
}

int ioinst_xsch(CPUS390XState *env, uint64_t r1)
{
    return ioinst_sch_fn(r1, css_do_xsch);
}

int ioinst_tpi(CPUS390XState *env, uint64_t addr)
{
    S390IoIntr intr;
    CssIoIntr ci;
    uint8_t be[8];
    int r;

    if (!addr) {
        return s390_io_intr_take(env, &intr) ? 1 : 0;
    }
    r = ioinst_check_operand(addr, sizeof(be), 4, true);
    if (r) {
        return r;
    }
    if (!css_intr_accept(s390_io_isc_mask(env), &ci)) {
        return 0;
    }
    stl_be_p(be, ci.sid);
    stl_be_p(be + 4, ci.intparm);
    ioinst_store(addr, be, sizeof(be));
    return 1;
}

int ioinst_stcrw(CPUS390XState *env, uint64_t addr)
{
    uint32_t crw = 0;
    uint8_t be[4];
    int r = ioinst_check_operand(addr, sizeof(be), 4, true);
    int cc;

    if (r) {
        return r;
    }
    cc = css_crw_take(&crw) ? 0 : 1;
    stl_be_p(be, crw);
    ioinst_store(addr, be, sizeof(be));
    return cc;
}

int ioinst_schm(CPUS390XState *env, uint64_t r1, uint64_t r2)
{
    uint32_t w = (uint32_t)r1;
    bool mbu = w & SCHM_R1_M;

    if (w & SCHM_R1_RESERVED) {
        return s390_pgm(PGM_OPERAND);
    }
    if (mbu && (r2 & 0x1f)) {
        return s390_pgm(PGM_OPERAND);
    }
    css_set_monitor(mbu, w & SCHM_R1_D, mbu ? r2 : 0);
    return 0;
}
