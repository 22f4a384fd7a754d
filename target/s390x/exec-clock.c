/*
 * The TOD clock, the clock comparator and the CPU timer: SCK, STCK,
 * STCKE, STCKF, SCKC, STCKC, SPT, STPT, ECTG. The TOD clock runs from the
 * host clock the CPU state carries (S390Cpu.clock, nanoseconds), plus
 * the offset SCK sets; bit 51 of the TOD clock is one microsecond, so a
 * nanosecond is 4096/1000 TOD units.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-util.h"
#include "target/s390x/clock.h"

static uint64_t ns_to_tod(uint64_t ns)
{
    /* 4096 / 1000 = 512 / 125, split so that nothing overflows */
    return (ns / 125) * 512 + (ns % 125) * 512 / 125;
}

uint64_t s390_tod_now(const S390Cpu *cpu)
{
    uint64_t host = cpu->clock ? cpu->clock(cpu->clock_opaque) : 0;

    return ns_to_tod(host) + cpu->tod_offset;
}

bool s390_ckc_pending(const S390Cpu *cpu)
{
    return s390_tod_now(cpu) > cpu->ckc;
}

int64_t s390_cpu_timer_value(const S390Cpu *cpu)
{
    return (int64_t)(cpu->cpu_timer_end - s390_tod_now(cpu));
}

bool s390_cpu_timer_pending(const S390Cpu *cpu)
{
    return s390_cpu_timer_value(cpu) < 0;
}

/* A TOD value no earlier STCK/STCKE of this CPU returned */
static uint64_t tod_unique(S390Cpu *cpu)
{
    uint64_t t = s390_tod_now(cpu);

    if (t <= cpu->tod_last) {
        t = cpu->tod_last + 1;
    }
    cpu->tod_last = t;
    return t;
}

/* The doubleword operand of SCK, SCKC, SPT (privileged, aligned) */
static int fetch_dw_priv(S390Cpu *cpu, const S390Insn *in, uint64_t *v)
{
    uint64_t a = ea2(cpu, in);

    PRIV_CHECK(cpu);
    if (a & 7) {
        return PGM_SPECIFICATION;
    }
    return s390_ld64(cpu, a, v);
}

static int store_dw_priv(S390Cpu *cpu, const S390Insn *in, uint64_t v)
{
    uint64_t a = ea2(cpu, in);

    PRIV_CHECK(cpu);
    if (a & 7) {
        return PGM_SPECIFICATION;
    }
    return s390_st64(cpu, a, v);
}

S390_OP(op_sck)
{
    uint64_t v;
    int r = fetch_dw_priv(cpu, in, &v);

    if (r) {
        return r;
    }
    cpu->tod_offset = 0;
    cpu->tod_offset = v - s390_tod_now(cpu);
    cpu->tod_last = 0;
    cpu->cc = 0;
    return S390_EXC_PSW; /* clock-comparator state may have changed */
}

S390_OP(op_stck)
{
    int r = s390_st64(cpu, ea2(cpu, in), tod_unique(cpu));

    if (!r) {
        cpu->cc = 0;
    }
    return r;
}

S390_OP(op_stckf)
{
    int r = s390_st64(cpu, ea2(cpu, in), s390_tod_now(cpu));

    if (!r) {
        cpu->cc = 0;
    }
    return r;
}

/* 16 bytes: epoch index 0, TOD bits 0-103, programmable field */
S390_OP(op_stcke)
{
    uint8_t b[16] = { 0 };
    int r;

    stq_be_p(b + 1, tod_unique(cpu));
    stw_be_p(b + 14, cpu->tod_pf);
    r = s390_mem_write(cpu, ea2(cpu, in), b, sizeof(b));
    if (!r) {
        cpu->cc = 0;
    }
    return r;
}

S390_OP(op_sckc)
{
    uint64_t v;
    int r = fetch_dw_priv(cpu, in, &v);

    if (r) {
        return r;
    }
    cpu->ckc = v;
    return S390_EXC_PSW;
}

S390_OP(op_stckc)
{
    return store_dw_priv(cpu, in, cpu->ckc);
}

S390_OP(op_spt)
{
    uint64_t v;
    int r = fetch_dw_priv(cpu, in, &v);

    if (r) {
        return r;
    }
    cpu->cpu_timer_end = s390_tod_now(cpu) + v;
    return S390_EXC_PSW;
}

S390_OP(op_stpt)
{
    return store_dw_priv(cpu, in, (uint64_t)s390_cpu_timer_value(cpu));
}

/*
 * SCKPF: the TOD programmable field (STCKE bytes 14-15, store status)
 * from bits 48-63 of GR0; bits 32-47 must be zero
 */
S390_OP(op_sckpf)
{
    uint64_t v = gr(cpu, 0);

    PRIV_CHECK(cpu);
    if (v & UINT64_C(0xffff0000)) {
        return PGM_SPECIFICATION;
    }
    cpu->tod_pf = (uint16_t)v;
    return 0;
}

/*
 * EXTRACT CPU TIME (SSF, facility 31; any state): general register 0
 * gets the doubleword first operand less the CPU timer, register 1 the
 * doubleword second operand, and R3 the doubleword at the address in R3
 * (R3 is set first, so R3 0 or 1 ends with the timer value). Every
 * operand is fetched before a register changes; no alignment is required.
 */
S390_OP(op_ectg)
{
    uint64_t op1, op2, op3;
    int r = s390_ld64(cpu, ea_bd(cpu, in->b1, in->d1), &op1);

    if (!r) {
        r = s390_ld64(cpu, ea_bd(cpu, in->b2, in->d2), &op2);
    }
    if (!r) {
        r = s390_ld64(cpu, gr_address(cpu, in->r3), &op3);
    }
    if (r) {
        return r;
    }
    set_gr(cpu, in->r3, op3);
    set_gr(cpu, 0, op1 - (uint64_t)s390_cpu_timer_value(cpu));
    set_gr(cpu, 1, op2);
    return 0;
}

static const S390InsnDef clock_defs[] = {
    { 0x0107, FMT_E, 0, "SCKPF", op_sckpf },
    { 0xb204, FMT_S, 0, "SCK", op_sck },
    { 0xb205, FMT_S, 0, "STCK", op_stck },
    { 0xb206, FMT_S, 0, "SCKC", op_sckc },
    { 0xb207, FMT_S, 0, "STCKC", op_stckc },
    { 0xb208, FMT_S, 0, "SPT", op_spt },
    { 0xb209, FMT_S, 0, "STPT", op_stpt },
    { 0xb278, FMT_S, 0, "STCKE", op_stcke },
    { 0xb27c, FMT_S, 0, "STCKF", op_stckf },
    { 0xc801, FMT_SSF, 0, "ECTG", op_ectg },
};
S390_GROUP(s390_group_clock, clock_defs);
