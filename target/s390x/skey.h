/*
 * Storage keys of the interpreter CPU's storage (skey.c): one per 4 KiB
 * absolute frame, kept as the byte SSKE takes from bits 56-63 of R1:
 * access-control bits (ACC, 4 bits), fetch protection (F), reference
 * (R), change (C), bit 63 zero.
 */
#ifndef TARGET_S390X_SKEY_H
#define TARGET_S390X_SKEY_H

#include "target/s390x/cpu-state.h"

#define SKEY_ACC(k) ((k) >> 4)
#define SKEY_F      0x08
#define SKEY_R      0x04
#define SKEY_C      0x02

/* CR0 bit 38: fetch-protection override; bit 39: storage-protection override */
#define CR0_FPO PSW_BIT(38)
#define CR0_SPO PSW_BIT(39)

/* The key of the frame at absolute @abs, or NULL outside the keyed RAM */
uint8_t *s390_skey_of(S390Cpu *cpu, uint64_t abs);
/*
 * Key-controlled protection for an access with access key @key to the
 * frame at @abs (logical address @la, for the fetch-protection override);
 * records reference and change. 0 or PGM_PROTECTION.
 */
int s390_skey_access(S390Cpu *cpu, unsigned key, uint64_t la, uint64_t abs,
                     S390Access kind);
/* May @key fetch / store at the frame at @abs (TPROT, no recording)? */
bool s390_skey_permits(S390Cpu *cpu, unsigned key, uint64_t la, uint64_t abs,
                       bool store);

static inline unsigned s390_psw_key(const S390Cpu *cpu)
{
    return (cpu->psw_mask & PSW_MASK_KEY) >> 52;
}

#endif
