/*
 * Program interruptions: which exceptions nullify (the old PSW keeps the
 * instruction's address) and the record the lowcore delivery will use.
 */
#include "qemu/osdep.h"
#include "target/s390x/cpu-state.h"

bool s390_pgm_nullifies(uint16_t code)
{
    switch (code & 0x7f) {
    case 0x10: /* segment translation */
    case 0x11: /* page translation */
    case 0x12: /* translation specification: nullified here */
    case 0x38: /* ASCE type */
    case 0x39: /* region first translation */
    case 0x3a: /* region second translation */
    case 0x3b: /* region third translation */
        return true;
    default:
        return false;
    }
}

bool s390_program_interrupt(S390Cpu *cpu, uint16_t code, uint8_t ilc,
                            uint64_t insn_addr)
{
    cpu->pgm_code = code;
    cpu->pgm_ilc = ilc;
    cpu->pgm_addr = insn_addr;
    if (s390_pgm_nullifies(code)) {
        cpu->psw_addr = insn_addr;
    }
    if (!cpu->pgm_hook) {
        return false;
    }
    return cpu->pgm_hook(cpu, cpu->pgm_hook_opaque);
}
