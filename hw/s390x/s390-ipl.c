/*
 * IPL from -kernel. The image is an ELF file (its PT_LOAD segments at
 * their physical addresses) or, failing that, a raw image at absolute 0.
 * The start address is the ELF entry; for a raw image, 0x10000 when it
 * is a Linux image ("S390EP" at 0x10008), else the address of the short
 * IPL PSW in its first 8 bytes. An entry of 0x10000 (or old Linux's
 * 0x800) is a Linux-style image: the -append line goes to 0x10480 and
 * the start is 0x10000. An -initrd goes to 8 MiB, or to the first MiB
 * boundary leaving 1 MiB above the kernel's size, and its start and
 * size go to 0x10408/0x10410 (both patched into the image's blob, so a
 * reset rewrites them too).
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/loader.h"
#include "hw/s390x/s390-ipl.h"

#define EM_S390        22
#define IPL_OLD_LINUX  UINT64_C(0x800)
#define PSW_SHORT_ADDR UINT32_C(0x7fffffff)

static bool ipl_valid;
static uint64_t ipl_addr;

bool s390_ipl_address(uint64_t *addr)
{
    *addr = ipl_addr;
    return ipl_valid;
}

static bool load_kernel(MachineState *ms, uint64_t *entry, int64_t *size,
                        Error **errp)
{
    const char *file = ms->kernel_filename;
    uint64_t high;
    const uint8_t *p;

    *size = load_elf64_be(file, EM_S390, ms->ram_size, entry, &high, errp);
    if (*size < 0) {
        return false;
    }
    if (*size > 0) {
        return true;
    }
    *size = load_image_at(file, 0, ms->ram_size, errp);
    if (*size < 0) {
        error_prepend(errp, "could not load kernel '%s': ", file);
        return false;
    }
    p = rom_ptr(IPL_LINUX_MAGIC, 6);
    if (p && !memcmp(p, "S390EP", 6)) {
        *entry = IPL_KERNEL_START;
        return true;
    }
    p = rom_ptr(4, 4);
    if (!p) {
        error_setg(errp, "Could not get IPL PSW");
        return false;
    }
    *entry = ldl_be_p(p) & PSW_SHORT_ADDR;
    return true;
}

static bool load_initrd(MachineState *ms, int64_t kernel_size, Error **errp)
{
    uint64_t at = IPL_INITRD_DEFAULT;
    int64_t size;
    uint8_t *parm;

    while ((uint64_t)kernel_size + MiB > at) {
        at += MiB;
    }
    if (at >= ms->ram_size) {
        error_setg(errp, "could not load initrd '%s'", ms->initrd_filename);
        return false;
    }
    size = load_image_at(ms->initrd_filename, at, ms->ram_size - at, errp);
    if (size < 0) {
        error_prepend(errp,
                      "could not load initrd '%s': ", ms->initrd_filename);
        return false;
    }
    parm = rom_ptr(IPL_INITRD_PARM, 16);
    if (parm) {
        stq_be_p(parm, at);
        stq_be_p(parm + 8, size);
    }
    return true;
}

bool s390_ipl_load(MachineState *ms, Error **errp)
{
    uint64_t entry = 0;
    int64_t size;

    ipl_valid = false;
    if (!ms->kernel_filename) {
        return true;
    }
    if (!load_kernel(ms, &entry, &size, errp)) {
        return false;
    }
    if (entry == IPL_KERNEL_START || entry == IPL_OLD_LINUX) {
        size_t n = strlen(ms->kernel_cmdline) + 1;
        char *area = rom_ptr(IPL_CMDLINE, n);

        entry = IPL_KERNEL_START;
        if (area) {
            memcpy(area, ms->kernel_cmdline, n);
        }
    }
    if (ms->initrd_filename && !load_initrd(ms, size, errp)) {
        return false;
    }
    ipl_addr = entry;
    ipl_valid = true;
    return true;
}
