/*
 * The DAT walk: ASCE (CR1 primary, CR7 secondary, CR13 home), region-
 * first/second/third tables (each indexed by 11 bits of the address),
 * the segment table (bits 33-43) and the page table (bits 44-51). Table
 * origins are absolute addresses; the frame address of a page-table
 * entry is a real address (prefixing follows). Exceptions nullify and
 * store the TEID: the failing address's page and, in bits 62-63, which
 * ASCE was used.
 */
#include "qemu/osdep.h"
#include "target/s390x/dat.h"
#include "target/s390x/mem.h"

typedef struct S390TlbEntry {
    uint64_t tag;   /* virtual page | 1 (0: empty) */
    uint64_t asce;  /* the ASCE it was made with */
    uint64_t frame; /* real page */
    bool prot;      /* DAT protection on the way */
} S390TlbEntry;

/* level of a table: 3 region-first ... 0 segment */
static const uint16_t level_exc[4] = { PGM_SEGMENT_TRANS, 0x3b, 0x3a, 0x39 };

/* The 11-bit index of @va into the table of @level (0 = segment) */
static unsigned table_index(uint64_t va, unsigned level)
{
    return (va >> (20 + 11 * level)) & 0x7ff;
}

static int fetch_entry(S390Cpu *cpu, uint64_t abs, uint64_t *e)
{
    uint8_t b[8];
    int r;

    if (abs < cpu->ram_size && cpu->ram_size - abs >= 8) {
        *e = ldq_be_p(cpu->ram + abs);
        return 0;
    }
    if (!cpu->mem_ops) {
        return PGM_ADDRESSING;
    }
    r = cpu->mem_ops->access(cpu->mem_opaque, abs, b, 8, S390_ACC_FETCH);
    *e = ldq_be_p(b);
    return r;
}

/* Which ASCE, and its 2-bit identification for the TEID */
static uint64_t select_asce(const S390Cpu *cpu, S390Access kind, unsigned *id)
{
    unsigned asc = (cpu->psw_mask & PSW_MASK_ASC) >> 46;

    switch (asc) {
    case 2: /* secondary */
        *id = 2;
        return cpu->env.cregs[7];
    case 3: /* home */
        *id = 3;
        return cpu->env.cregs[13];
    default: /* primary; access-register mode uses it too (ALET 0) */
        *id = asc;
        return cpu->env.cregs[1];
    }
}

/*
 * Walk the tables: the real frame of @va, or an exception code. *@entry
 * is the absolute address of the last entry fetched, *@ibit whether
 * that entry's invalid bit was the reason (LRA tells those apart).
 */
static int walk(S390Cpu *cpu, uint64_t asce, uint64_t va, uint64_t *frame,
                bool *prot, uint64_t *entry, bool *ibit)
{
    unsigned level = ASCE_DT(asce), lo = 0, hi = ASCE_TL(asce), idx;
    uint64_t origin = asce & ASCE_ORIGIN, e;
    int r;

    /* the address must fit the table type the ASCE designates */
    if (level < 3 && (va >> (31 + 11 * level))) {
        return 0x38; /* ASCE type */
    }
    *prot = false;
    *ibit = false;
    for (;;) {
        idx = table_index(va, level);
        if ((idx >> 9) < lo || (idx >> 9) > hi) {
            return level_exc[level];
        }
        *entry = origin + idx * 8;
        r = fetch_entry(cpu, *entry, &e);
        if (r) {
            return r;
        }
        if (e & TE_INVALID) {
            *ibit = true;
            return level_exc[level];
        }
        if (TE_TT(e) != level) {
            return 0x12; /* translation specification */
        }
        *prot |= !!(e & TE_PROTECT);
        if (level == 0) {
            break;
        }
        level--;
        origin = e & RTE_ORIGIN;
        lo = RTE_TF(e);
        hi = RTE_TL(e);
    }
    *entry = (e & STE_ORIGIN) + ((va >> 12) & 0xff) * 8;
    r = fetch_entry(cpu, *entry, &e);
    if (r) {
        return r;
    }
    if (e & PTE_INVALID) {
        *ibit = true;
        return PGM_PAGE_TRANS;
    }
    if (e & PTE_ZERO52) {
        return 0x12;
    }
    *prot |= !!(e & PTE_PROTECT);
    *frame = e & PTE_FRAME;
    return 0;
}

static S390TlbEntry *tlb_slot(S390Cpu *cpu, uint64_t va)
{
    if (!cpu->tlb) {
        cpu->tlb = g_new0(S390TlbEntry, S390_TLB_SIZE);
    }
    return &cpu->tlb[(va >> 12) & (S390_TLB_SIZE - 1)];
}

void s390_tlb_purge(S390Cpu *cpu)
{
    if (cpu->tlb) {
        memset(cpu->tlb, 0, sizeof(S390TlbEntry) * S390_TLB_SIZE);
    }
}

void s390_tlb_purge_all(S390Cpu *cpu)
{
    if (cpu->tlb_purge_all) {
        cpu->tlb_purge_all(cpu);
    } else {
        s390_tlb_purge(cpu);
    }
}

int s390_dat_probe(S390Cpu *cpu, uint64_t va, uint64_t *ra, uint64_t *entry,
                   bool *ibit)
{
    unsigned id;
    uint64_t asce = select_asce(cpu, S390_ACC_FETCH, &id), frame = 0;
    bool prot;
    int r;

    *ibit = false;
    *entry = 0;
    if (asce & ASCE_REAL) {
        *ra = va;
        return 0;
    }
    r = walk(cpu, asce, va, &frame, &prot, entry, ibit);
    if (!r) {
        *ra = frame | (va & 0xfff);
    }
    return r;
}

int s390_dat_translate(S390Cpu *cpu, uint64_t va, S390Access kind, uint64_t *ra)
{
    unsigned id;
    uint64_t asce = select_asce(cpu, kind, &id), page = va & ~UINT64_C(0xfff);
    S390TlbEntry *t;
    bool prot;
    int r;

    if (asce & ASCE_REAL) {
        *ra = va;
        return 0;
    }
    t = tlb_slot(cpu, va);
    if (t->tag != (page | 1) || t->asce != asce) {
        uint64_t frame = 0, entry;
        bool ibit;

        r = walk(cpu, asce, va, &frame, &prot, &entry, &ibit);
        if (r) {
            /* translation specification and addressing store no TEID */
            if (r != 0x12 && r != PGM_ADDRESSING) {
                cpu->teid = page | id;
            }
            return r;
        }
        t->tag = page | 1;
        t->asce = asce;
        t->frame = frame;
        t->prot = prot;
    }
    if (kind == S390_ACC_STORE && t->prot) {
        cpu->teid = page | UINT64_C(4) | id; /* bit 61: DAT protection */
        return PGM_PROTECTION;
    }
    *ra = t->frame | (va & 0xfff);
    return 0;
}
