/*
 * The slow paths of operand access: operands that cross an 8 KiB block
 * or wrap at the end of the addressing mode, storage outside the direct
 * RAM window (through S390MemOps), and stores into pages holding
 * pre-decoded instructions.
 */
#include "qemu/osdep.h"
#include "target/s390x/mem.h"
#include "target/s390x/dat.h"
#include "target/s390x/skey.h"

#define PAGE_SIZE_4K (UINT64_C(1) << S390_PAGE_SHIFT)

/* Stores to 0-511 and 4096-4607 under CR0 bit 35 (not in a private space) */
static bool low_address_protected(S390Cpu *cpu, uint64_t la)
{
    if (!(cpu->env.cregs[0] & CR0_LAP) || (la & ~UINT64_C(0x1000)) >= 512) {
        return false;
    }
    if (cpu->psw_mask & PSW_MASK_DAT) {
        unsigned asc = (cpu->psw_mask & PSW_MASK_ASC) >> 46;
        uint64_t asce = cpu->env.cregs[asc == 2 ? 7 : asc == 3 ? 13 : 1];

        return !(asce & ASCE_PRIVATE);
    }
    return true;
}

/* Logical to absolute: LAP, DAT, prefixing, then the storage key */
static int s390_mem_translate(S390Cpu *cpu, uint64_t la, S390Access kind,
                              uint64_t *abs)
{
    uint64_t ra = la;
    int r;

    if (G_LIKELY(!cpu->slow_mem)) {
        *abs = s390_real_to_abs(cpu, la);
        return 0;
    }
    if (kind == S390_ACC_STORE && low_address_protected(cpu, la)) {
        cpu->teid = la & ~UINT64_C(0xfff);
        return PGM_PROTECTION;
    }
    if (cpu->psw_mask & PSW_MASK_DAT) {
        r = s390_dat_translate(cpu, la, kind, &ra);
        if (r) {
            return r;
        }
    }
    *abs = s390_real_to_abs(cpu, ra);
    return s390_skey_access(cpu, s390_psw_key(cpu), la, *abs, kind);
}

/* Move one piece that stays inside a 4 KiB page of both address kinds */
static int s390_mem_piece(S390Cpu *cpu, uint64_t abs, void *buf, uint32_t len,
                          S390Access kind)
{
    if (abs < cpu->ram_size && len <= cpu->ram_size - abs) {
        if (kind == S390_ACC_STORE) {
            memcpy(cpu->ram + abs, buf, len);
        } else {
            memcpy(buf, cpu->ram + abs, len);
        }
        return 0;
    }
    if (!cpu->mem_ops) {
        return PGM_ADDRESSING;
    }
    return cpu->mem_ops->access(cpu->mem_opaque, abs, buf, len, kind);
}

/*
 * Walk [la, la+len) in pieces that end at page boundaries, wrapping at
 * the addressing-mode limit; @buf NULL only probes (for a store: checks
 * the pages are there without writing).
 */
static int s390_mem_walk(S390Cpu *cpu, uint64_t la, uint8_t *buf, uint64_t len,
                         S390Access kind)
{
    while (len) {
        uint64_t in_page = PAGE_SIZE_4K - (la & (PAGE_SIZE_4K - 1));
        uint32_t n = MIN(len, in_page);
        uint64_t abs;
        uint8_t probe[1];
        int r = s390_mem_translate(cpu, la, kind, &abs);

        if (!r) {
            if (buf) {
                r = s390_mem_piece(cpu, abs, buf, n, kind);
            } else {
                r = s390_mem_piece(cpu, abs, probe, 1, S390_ACC_FETCH);
            }
        }
        if (r) {
            return r;
        }
        if (buf && kind == S390_ACC_STORE) {
            s390_icache_notify_write(cpu, abs, n);
        }
        if (buf) {
            buf += n;
        }
        len -= n;
        la = (la + n) & cpu->amask;
    }
    return 0;
}

int s390_mem_read_slow(S390Cpu *cpu, uint64_t la, void *buf, uint32_t len,
                       S390Access kind)
{
    return s390_mem_walk(cpu, la, buf, len, kind);
}

int s390_mem_write_slow(S390Cpu *cpu, uint64_t la, const void *buf,
                        uint32_t len)
{
    int r = s390_mem_walk(cpu, la, NULL, len, S390_ACC_STORE);

    if (r) {
        return r;
    }
    return s390_mem_walk(cpu, la, (uint8_t *)buf, len, S390_ACC_STORE);
}

int64_t s390_mem_load_slow(S390Cpu *cpu, uint64_t la, uint32_t len)
{
    uint8_t b[4] = { 0 };
    int r = s390_mem_walk(cpu, la, b + 4 - len, len, S390_ACC_FETCH);

    return r ? -(int64_t)r : (int64_t)ldl_be_p(b);
}

int s390_mem_store_slow(S390Cpu *cpu, uint64_t la, uint32_t v, uint32_t len)
{
    uint8_t b[4];

    stl_be_p(b, v);
    return s390_mem_write_slow(cpu, la, b + 4 - len, len);
}

int s390_mem_load64_slow(S390Cpu *cpu, uint64_t la, uint64_t *v)
{
    uint8_t b[8] = { 0 };
    int r = s390_mem_walk(cpu, la, b, 8, S390_ACC_FETCH);

    *v = r ? 0 : ldq_be_p(b);
    return r;
}

int s390_mem_store64_slow(S390Cpu *cpu, uint64_t la, uint64_t v)
{
    uint8_t b[8];

    stq_be_p(b, v);
    return s390_mem_write_slow(cpu, la, b, 8);
}

int s390_abs_access(S390Cpu *cpu, uint64_t abs, void *buf, uint32_t len,
                    S390Access kind)
{
    int r = s390_mem_piece(cpu, abs, buf, len, kind);

    if (!r && kind == S390_ACC_STORE) {
        s390_icache_notify_write(cpu, abs, len);
    }
    return r;
}

int s390_real_access(S390Cpu *cpu, uint64_t ra, void *buf, uint32_t len,
                     S390Access kind)
{
    uint64_t abs = s390_real_to_abs(cpu, ra);
    int r = s390_mem_piece(cpu, abs, buf, len, kind);

    if (!r && kind == S390_ACC_STORE) {
        s390_icache_notify_write(cpu, abs, len);
    }
    return r;
}

int s390_mem_to_abs(S390Cpu *cpu, uint64_t la, S390Access kind, uint64_t *abs)
{
    return s390_mem_translate(cpu, la, kind, abs);
}

int s390_mem_check(S390Cpu *cpu, uint64_t la, uint64_t len, S390Access kind)
{
    return s390_mem_walk(cpu, la, NULL, len, kind);
}

void s390_mem_code_written(S390Cpu *cpu, uint64_t abs)
{
    if (cpu->code_written) {
        cpu->code_written(cpu);
    } else {
        s390_icache_flush(cpu);
    }
}
