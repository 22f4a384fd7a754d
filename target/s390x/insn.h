/*
 * Instruction formats, the opcode table and the pre-decoded instruction
 * record. An instruction is decoded once into an S390Insn (handler +
 * operand fields, immediates sign-extended as the instruction defines)
 * and executed from there; the decode cache (icache.c) keeps records by
 * guest address.
 */
#ifndef TARGET_S390X_INSN_H
#define TARGET_S390X_INSN_H

#include "target/s390x/cpu-state.h"

typedef enum S390Fmt {
    FMT_E,
    FMT_I,
    FMT_IE,
    FMT_MII,
    FMT_RI_A,
    FMT_RI_B,
    FMT_RI_C,
    FMT_RIE_A,
    FMT_RIE_B,
    FMT_RIE_C,
    FMT_RIE_D,
    FMT_RIE_E,
    FMT_RIE_F,
    FMT_RIE_G,
    FMT_RIL_A,
    FMT_RIL_B,
    FMT_RIL_C,
    FMT_RIS,
    FMT_RR,
    FMT_RRD,
    FMT_RRE,
    FMT_RRF_A,
    FMT_RRF_B,
    FMT_RRF_C,
    FMT_RRF_D,
    FMT_RRF_E,
    FMT_RRS,
    FMT_RS_A,
    FMT_RS_B,
    FMT_RSI,
    FMT_RSL_A,
    FMT_RSL_B,
    FMT_RSY_A,
    FMT_RSY_B,
    FMT_RX_A,
    FMT_RX_B,
    FMT_RXE,
    FMT_RXF,
    FMT_RXY_A,
    FMT_RXY_B,
    FMT_S,
    FMT_SI,
    FMT_SIL,
    FMT_SIY,
    FMT_SMI,
    FMT_SS_A,
    FMT_SS_B,
    FMT_SS_C,
    FMT_SS_D,
    FMT_SS_E,
    FMT_SS_F,
    FMT_SSE,
    FMT_SSF,
    FMT_COUNT
} S390Fmt;

/* Where the opcode extension of a primary opcode sits */
typedef enum S390OpExt {
    OPX_NONE,   /* 8-bit opcode */
    OPX_BYTE1,  /* bits 8-15 */
    OPX_NIBBLE, /* bits 12-15 */
    OPX_BYTE5,  /* bits 40-47 */
} S390OpExt;

typedef int (*S390InsnFn)(S390Cpu *cpu, const S390Insn *in);

/* def flags */
#define S390_I2_SIGNED  0x01 /* I2 (and 8-bit I2 of RIE-c/RIS) signed */
#define S390_IS_EXECUTE 0x02 /* EX / EXRL: not a target of EX */

typedef struct S390InsnDef {
    uint16_t opc; /* primary << 8 | extension (8-bit opcodes: op << 8) */
    uint8_t fmt;  /* S390Fmt */
    uint8_t flags;
    const char *name;
    S390InsnFn fn;
} S390InsnDef;

/*
 * Operand fields, named as in the Principles of Operation. A format puts
 * a mask field in m1/m3/m4 and length fields in l1/l2; relative
 * immediates (RI2, RI4) are halfword counts, signed. B4/D4 of RIS and
 * RRS and B3/D3 of SMI are in b4/d4.
 */
struct S390Insn {
    S390InsnFn fn;
    const S390InsnDef *def;
    uint64_t addr; /* where it was fetched */
    int64_t i2;
    int32_t d1, d2, d4;
    int32_t i4;   /* I4 / RI4 / RI3 (MII) */
    uint8_t ilen; /* 2, 4 or 6 */
    uint8_t r1, r2, r3, x2, b1, b2, b4;
    uint8_t m1, m3, m4;
    uint8_t l1, l2, i3, i5;
};

/* Instruction length from the first opcode byte */
static inline unsigned s390_insn_len(uint8_t op0)
{
    return op0 < 0x40 ? 2 : op0 < 0xc0 ? 4 : 6;
}

/* ---- insn-table.c ---- */
const S390InsnDef *s390_insn_lookup(const uint8_t *bytes);
S390OpExt s390_opcode_ext_kind(uint8_t primary);
unsigned s390_insn_table_size(void);
const S390InsnDef *s390_insn_table_entry(unsigned i);

/* ---- insn-decode.c ---- */
/*
 * Decode the instruction in @bytes (its length from bits 0-1), fetched
 * at @addr. False for an opcode that is not installed: @out then has
 * only ilen and addr.
 */
bool s390_insn_decode(const uint8_t *bytes, uint64_t addr, S390Insn *out);
/* Fetch and decode at @addr: 0 or a program-interruption code */
int s390_insn_fetch_decode(S390Cpu *cpu, uint64_t addr, uint8_t *bytes,
                           S390Insn *out);

#endif
