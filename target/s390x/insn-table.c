/*
 * Opcode lookup: the primary opcode byte says where the extension sits
 * (none, bits 8-15, bits 12-15 or bits 40-47); one flat table indexed by
 * primary << 8 | extension, filled once from the handler groups.
 */
#include "qemu/osdep.h"
#include "target/s390x/exec-bfp-util.h"

static const S390InsnDef *s390_lut[256 * 256];
static const S390InsnDef **s390_all;
static unsigned s390_all_count;

S390OpExt s390_opcode_ext_kind(uint8_t p)
{
    switch (p) {
    case 0x01:
    case 0xb2:
    case 0xb3:
    case 0xb9:
    case 0xe5:
        return OPX_BYTE1;
    case 0xa5:
    case 0xa7:
    case 0xc0:
    case 0xc2:
    case 0xc4:
    case 0xc6:
    case 0xc8:
    case 0xcc:
        return OPX_NIBBLE;
    case 0xe3:
    case 0xe6:
    case 0xe7:
    case 0xeb:
    case 0xec:
    case 0xed:
        return OPX_BYTE5;
    default:
        return OPX_NONE;
    }
}

static unsigned s390_lut_index(const uint8_t *b)
{
    switch (s390_opcode_ext_kind(b[0])) {
    case OPX_BYTE1:
        return b[0] << 8 | b[1];
    case OPX_NIBBLE:
        return b[0] << 8 | (b[1] & 0xf);
    case OPX_BYTE5:
        return b[0] << 8 | b[5];
    default:
        return b[0] << 8;
    }
}

/* Every handler group, in no particular order; one per line (so new ones merge) */
// clang-format off
static const S390InsnGroup *const s390_groups[] = {
    &s390_group_arith,
    &s390_group_arith_logical,
    &s390_group_atomic,
    &s390_group_branch,
    &s390_group_clock,
    &s390_group_compare,
    &s390_group_execute,
    &s390_group_highword,
    &s390_group_io,
    &s390_group_load,
    &s390_group_logic,
    &s390_group_misc,
    &s390_group_muldiv,
    &s390_group_rel,
    &s390_group_shift,
    &s390_group_skey,
    &s390_group_storage,
    &s390_group_system,
    &s390_group_sigp,
    &s390_group_fpr,
    &s390_group_stsi,
    &s390_group_diag,
    &s390_group_bfp,
    &s390_group_bfp_conv,
    &s390_group_bfp_ext,
    &s390_group_pci,
    &s390_group_string,
    &s390_group_mode,
    &s390_group_decimal,
    &s390_group_monitor,
    &s390_group_real,
    &s390_group_ar,
    &s390_group_xlate,
    &s390_group_hint,
    &s390_group_mvcl,
    &s390_group_dat,
};
// clang-format on

static void s390_lut_add(const S390InsnDef *d)
{
    /* two definitions of one opcode are a bug in the tables */
    g_assert(!s390_lut[d->opc]);
    s390_lut[d->opc] = d;
    s390_all[s390_all_count++] = d;
}

static void s390_lut_build(void)
{
    unsigned total = 0, g, i;

    for (g = 0; g < G_N_ELEMENTS(s390_groups); g++) {
        total += s390_groups[g]->count;
    }
    s390_all = g_new(const S390InsnDef *, total);
    for (g = 0; g < G_N_ELEMENTS(s390_groups); g++) {
        const S390InsnGroup *grp = s390_groups[g];

        for (i = 0; i < grp->count; i++) {
            s390_lut_add(&grp->defs[i]);
        }
    }
}

static void s390_lut_init(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        s390_lut_build();
        g_once_init_leave(&done, 1);
    }
}

const S390InsnDef *s390_insn_lookup(const uint8_t *bytes)
{
    s390_lut_init();
    return s390_lut[s390_lut_index(bytes)];
}

unsigned s390_insn_table_size(void)
{
    s390_lut_init();
    return s390_all_count;
}

const S390InsnDef *s390_insn_table_entry(unsigned i)
{
    s390_lut_init();
    return i < s390_all_count ? s390_all[i] : NULL;
}
