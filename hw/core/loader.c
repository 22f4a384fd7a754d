/*
 * Guest images as blobs rewritten at each system reset, and the reading
 * of 64-bit big-endian ELF files into such blobs.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/loader.h"
#include "exec/memory.h"

#define EI_CLASS      4
#define EI_DATA       5
#define ELFCLASS64    2
#define ELFDATA2MSB   2
#define ELF64_EHDR    64
#define ELF64_PHDR    56
#define PT_LOAD       1
#define ELF_MAX_PHNUM 4096

typedef struct Rom {
    char *name;
    hwaddr addr;
    size_t len;
    uint8_t *data;
} Rom;

static GPtrArray *roms;

static void rom_free(gpointer p)
{
    Rom *r = p;

    g_free(r->name);
    g_free(r->data);
    g_free(r);
}

void rom_add_blob(const char *name, const void *data, size_t len, hwaddr addr)
{
    Rom *r = g_new0(Rom, 1);

    if (!roms) {
        roms = g_ptr_array_new_with_free_func(rom_free);
    }
    r->name = g_strdup(name);
    r->addr = addr;
    r->len = len;
    r->data = g_malloc(len ? len : 1);
    memcpy(r->data, data, len);
    g_ptr_array_add(roms, r);
}

void *rom_ptr(hwaddr addr, size_t len)
{
    for (guint i = 0; roms && i < roms->len; i++) {
        Rom *r = g_ptr_array_index(roms, i);

        if (addr >= r->addr && addr - r->addr <= r->len &&
            len <= r->len - (addr - r->addr)) {
            return r->data + (addr - r->addr);
        }
    }
    return NULL;
}

void rom_reset_all(void)
{
    for (guint i = 0; roms && i < roms->len; i++) {
        Rom *r = g_ptr_array_index(roms, i);

        address_space_write(&address_space_memory, r->addr,
                            MEMTXATTRS_UNSPECIFIED, r->data, r->len);
    }
}

void rom_clear_all(void)
{
    g_clear_pointer(&roms, g_ptr_array_unref);
}

static bool elf_ident_ok(const uint8_t *h, gsize len, uint16_t machine)
{
    return len >= ELF64_EHDR &&
           !memcmp(h,
                   "\x7f"
                   "ELF",
                   4) &&
           h[EI_CLASS] == ELFCLASS64 && h[EI_DATA] == ELFDATA2MSB &&
           lduw_be_p(h + 18) == machine;
}

int64_t load_elf64_be(const char *file, uint16_t machine, uint64_t limit,
                      uint64_t *entry, uint64_t *high, Error **errp)
{
    g_autofree uint8_t *buf = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len;
    uint64_t phoff, total = 0;
    unsigned phnum, phentsize;

    if (!g_file_get_contents(file, (gchar **)&buf, &len, &gerr)) {
        error_setg(errp, "could not load kernel '%s'", file);
        return -1;
    }
    if (!elf_ident_ok(buf, len, machine)) {
        return 0;
    }
    phoff = ldq_be_p(buf + 32);
    phentsize = lduw_be_p(buf + 54);
    phnum = lduw_be_p(buf + 56);
    if (phentsize < ELF64_PHDR || phnum > ELF_MAX_PHNUM || phoff > len ||
        (uint64_t)phnum * phentsize > len - phoff) {
        error_setg(errp, "could not load kernel '%s': bad program headers",
                   file);
        return -1;
    }
    *entry = ldq_be_p(buf + 24);
    *high = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = buf + phoff + (uint64_t)i * phentsize;
        uint64_t off = ldq_be_p(ph + 8), paddr = ldq_be_p(ph + 24);
        uint64_t filesz = ldq_be_p(ph + 32), memsz = ldq_be_p(ph + 40);
        g_autofree uint8_t *seg = NULL;

        if (ldl_be_p(ph) != PT_LOAD || !memsz) {
            continue;
        }
        if (filesz > memsz || off > len || filesz > len - off ||
            memsz > (uint64_t)G_MAXINT32 || paddr + memsz < paddr) {
            error_setg(errp, "could not load kernel '%s': bad segment %u", file,
                       i);
            return -1;
        }
        if (paddr + memsz > limit || memsz > limit - total) {
            error_setg(errp,
                       "could not load kernel '%s': segment %u (0x%" PRIx64
                       "-0x%" PRIx64 ") does not fit in guest RAM (0x%" PRIx64
                       " bytes)",
                       file, i, paddr, paddr + memsz - 1, limit);
            return -1;
        }
        seg = g_malloc0(memsz);
        memcpy(seg, buf + off, filesz);
        rom_add_blob(file, seg, memsz, paddr);
        total += memsz;
        *high = MAX(*high, paddr + memsz);
    }
    return total;
}

int64_t load_image_at(const char *file, hwaddr addr, uint64_t max, Error **errp)
{
    g_autofree gchar *buf = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize len;

    if (!g_file_get_contents(file, &buf, &len, &gerr)) {
        error_setg(errp, "%s", gerr->message);
        return -1;
    }
    if (len > max) {
        error_setg(errp, "%s is too large (%zu bytes, room for %" PRIu64 ")",
                   file, (size_t)len, max);
        return -1;
    }
    rom_add_blob(file, buf, len, addr);
    return len;
}
