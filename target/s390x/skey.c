/*
 * Key-controlled protection: an access is allowed when its key is 0 or
 * equals the frame's access-control bits; otherwise stores are refused,
 * and fetches too when the frame is fetch protected. The overrides of
 * CR0: fetches from effective addresses 0-2047 of a fetch-protected
 * frame (bit 38), and any access to a frame whose ACC is 9 (bit 39).
 */
#include "qemu/osdep.h"
#include "target/s390x/skey.h"
#include "target/s390x/mem.h"

uint8_t *s390_skey_of(S390Cpu *cpu, uint64_t abs)
{
    uint64_t frame = abs >> S390_PAGE_SHIFT;

    if (!cpu->skeys || frame >= cpu->code_page_count) {
        return NULL;
    }
    return &cpu->skeys[frame];
}

bool s390_skey_permits(S390Cpu *cpu, unsigned key, uint64_t la, uint64_t abs,
                       bool store)
{
    uint8_t *k = s390_skey_of(cpu, abs);
    uint64_t cr0 = cpu->env.cregs[0];

    if (!k || key == 0 || key == SKEY_ACC(*k)) {
        return true;
    }
    if ((cr0 & CR0_SPO) && SKEY_ACC(*k) == 9) {
        return true;
    }
    if (store) {
        return false;
    }
    if (!(*k & SKEY_F)) {
        return true;
    }
    return (cr0 & CR0_FPO) && la < 2048 && !(cpu->psw_mask & PSW_MASK_DAT);
}

int s390_skey_access(S390Cpu *cpu, unsigned key, uint64_t la, uint64_t abs,
                     S390Access kind)
{
    uint8_t *k = s390_skey_of(cpu, abs);
    bool store = kind == S390_ACC_STORE;

    if (!k) {
        return 0;
    }
    if (!s390_skey_permits(cpu, key, la, abs, store)) {
        cpu->teid = la & ~UINT64_C(0xfff);
        return PGM_PROTECTION;
    }
    *k |= SKEY_R | (store ? SKEY_C : 0);
    return 0;
}
